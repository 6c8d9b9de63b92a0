package org.medins;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person's year so far as a hospital system knows it: the accumulated figures the national
 * platform reports (transaction 5206) and its own records, from which {@link Ledger#fromYear}
 * builds the ledger that settles the person's next claim (docs/settlement.md, "A ledger from the
 * year so far"). Amounts in fen; what is not given is 0 (no date: no settlement yet this year;
 * no prior outpatient costs: unknown).
 */
public final class YearToDate {
    private final long[] packed;

    private YearToDate(long[] packed) {
        this.packed = packed;
    }

    /**
     * A builder for the year so far of {@code year}.
     *
     * @param year the calendar year
     * @return a builder
     */
    public static Builder builder(int year) {
        return new Builder(year);
    }

    long[] packed() {
        return packed.clone();
    }

    /** Sets the year's figures one by one; each setter returns the builder. */
    public static final class Builder {
        private final long[] p = Packed.of(Packed.YEAR_TO_DATE);

        private Builder(int year) {
            set("year", year);
        }

        private Builder set(String field, long value) {
            p[Packed.slot(Packed.YEAR_TO_DATE, field)] = value;
            return this;
        }

        private static String of(Pool pool) {
            return Objects.requireNonNull(pool, "pool").word();
        }

        /**
         * @param date the date of the year's last settlement; null: none this year
         * @return this builder
         */
        public Builder lastDate(LocalDate date) {
            return set("last_date", Dates.toInt(date));
        }

        /**
         * @param n inpatient admissions settled this year
         * @return this builder
         */
        public Builder admissions(int n) {
            return set("admissions", n);
        }

        /**
         * @param fen in-scope outpatient and pharmacy costs this year
         * @return this builder
         */
        public Builder outpatientCosts(long fen) {
            return set("outpatient_costs", fen);
        }

        /**
         * @param pool the pool
         * @param fen in-scope costs settled this year in it, the deductible's part included
         * @return this builder
         */
        public Builder inScope(Pool pool, long fen) {
            return set("in_scope." + of(pool), fen);
        }

        /**
         * @param pool the pool
         * @param fen deductible borne this year in it
         * @return this builder
         */
        public Builder deductible(Pool pool, long fen) {
            return set("deductible." + of(pool), fen);
        }

        /**
         * @param pool the pool
         * @param fen basic fund paid this year in it
         * @return this builder
         */
        public Builder fund(Pool pool, long fen) {
            return set("fund." + of(pool), fen);
        }

        /**
         * @param pool the pool
         * @param fen paid this year in it by the supplementary fund of its sections
         * @return this builder
         */
        public Builder supplementary(Pool pool, long fen) {
            return set("supplementary." + of(pool), fen);
        }

        /**
         * @param pool the pool
         * @param fen what the individual account paid first this year in it, before the
         *     deductible (a section's {@code account_first}); part of the account's payments
         * @return this builder
         */
        public Builder accountFirst(Pool pool, long fen) {
            return set("account_first." + of(pool), fen);
        }

        /**
         * @param fen credited to the individual account this year
         * @return this builder
         */
        public Builder accountCredited(long fen) {
            return set("account_credited", fen);
        }

        /**
         * @param base the burden the major-disease layer has counted this year, in fen
         * @param paid what it paid this year, in fen
         * @return this builder
         */
        public Builder majorDisease(long base, long paid) {
            set("major_base", base);
            return set("major_fund", paid);
        }

        /**
         * @param base the burden medical assistance has counted this year, in fen
         * @param paid what it paid this year, in fen
         * @return this builder
         */
        public Builder assistance(long base, long paid) {
            set("assist_base", base);
            return set("assist_fund", paid);
        }

        /**
         * @param balance the individual account's balance now, in fen
         * @param paid what it paid this year, in fen
         * @return this builder
         */
        public Builder account(long balance, long paid) {
            set("account_balance", balance);
            return set("account_paid", paid);
        }

        /**
         * @param fen the carried-over addition to the inpatient maximum
         * @return this builder
         */
        public Builder carryOver(long fen) {
            return set("carry_over", fen);
        }

        /**
         * @param years consecutive earlier years whose outpatient costs were not above the
         *     deductible
         * @return this builder
         */
        public Builder thriftyYears(int years) {
            return set("thrifty_years", years);
        }

        /**
         * @param fen last year's in-scope outpatient costs (known)
         * @return this builder
         */
        public Builder priorOutpatientCosts(long fen) {
            set("prior_known", 1);
            return set("prior_outpatient_costs", fen);
        }

        /**
         * @return the year so far, as given (the library checks it in {@link Ledger#fromYear})
         */
        public YearToDate build() {
            return new YearToDate(p.clone());
        }
    }
}
