package org.medins;

import java.time.LocalDate;
import java.util.Objects;

/** The C library's dates are the integers YYYYMMDD; 0 means "none". */
public final class Dates {
    /** The first date the library knows (medins_date_valid). */
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    /** The last date the library knows. */
    public static final LocalDate MAX = LocalDate.of(2199, 12, 31);

    private Dates() {
    }

    /**
     * The YYYYMMDD integer of a date: 20230115 for 15 January 2023.
     *
     * @param date the date, or null
     * @return the integer; 0 for null
     * @throws IllegalArgumentException for a date before {@link #MIN} or after {@link #MAX},
     *     which the library does not know (and which, for years past 214748, no int can hold)
     */
    public static int toInt(LocalDate date) {
        if (date == null) {
            return 0;
        }
        if (date.isBefore(MIN) || date.isAfter(MAX)) {
            throw new IllegalArgumentException("date " + date + " is outside the library's range:"
                    + " dates run from " + MIN + " to " + MAX);
        }
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /**
     * A date written as text, as the library reads dates everywhere (medins_date_parse):
     * "2023-06-01" or "20230601", nothing before or after.
     *
     * @param text the date's text
     * @return the date
     * @throws MedinsException MEDINS_ERR_SYNTAX for text of another shape ("2023-6-1"),
     *     MEDINS_ERR_DATE for a day the calendar does not have ("2023-02-30") or one outside
     *     {@link #MIN} to {@link #MAX}
     * @throws NullPointerException when {@code text} is null
     */
    public static LocalDate parse(String text) {
        Objects.requireNonNull(text, "text");
        return fromInt(org.medins.swig.medins.date_parse(text));
    }

    /**
     * The date of a YYYYMMDD integer.
     *
     * @param yyyymmdd the integer, such as 20230115
     * @return the date; null for 0
     * @throws java.time.DateTimeException when it is not a calendar date
     */
    public static LocalDate fromInt(int yyyymmdd) {
        if (yyyymmdd == 0) {
            return null;
        }
        return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    /**
     * Age in whole years on {@code date}, by the library's rule.
     *
     * @param birth the birth date
     * @param date the day the age is taken on
     * @return the age, or -1 when {@code birth} is after {@code date}
     */
    public static int ageOn(LocalDate birth, LocalDate date) {
        Objects.requireNonNull(birth, "birth");
        Objects.requireNonNull(date, "date");
        return org.medins.swig.medins.age_on(toInt(birth), toInt(date));
    }
}
