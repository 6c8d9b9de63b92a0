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
