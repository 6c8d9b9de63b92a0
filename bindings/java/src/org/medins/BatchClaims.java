package org.medins;

import java.util.Arrays;
import java.util.Objects;

/**
 * The claims of a batch as columns (the C structure of arrays): the person index, date as
 * YYYYMMDD, codes of {@link ClaimKind} and {@link Level}, institution ids, amounts in fen, and
 * the policy's claim attributes as bits ({@link Claim#attributes()}) and the bed-days
 * ({@link Claim#days()}). Institution, self-paid, category-B, attributes and days columns may be
 * null (zeros). The arrays are copied.
 * Claims come grouped by person, in date order within a person.
 */
public final class BatchClaims {
    final int[] person;
    final int[] date;
    final int[] kind;
    final int[] level;
    final long[] institution;
    final long[] total;
    final long[] selfPaid;
    final long[] categoryB;
    final int[] attributes;
    final int[] days;

    /**
     * Claims from columns, one row per claim.
     *
     * @param person the index of each claim's person in the batch's {@link BatchPersons}
     * @param date each claim's settlement date as YYYYMMDD
     * @param kind each claim's {@link ClaimKind#code()}
     * @param level each claim's {@link Level#code()}
     * @param institution each claim's institution id, or null for none
     * @param total each claim's total cost in fen
     * @param selfPaid each claim's fully self-paid items in fen, or null for none
     * @param categoryB each claim's category-B first self-pay in fen, or null for none
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when a column that may not be null is
     */
    public BatchClaims(int[] person, int[] date, int[] kind, int[] level, long[] institution,
                       long[] total, long[] selfPaid, long[] categoryB) {
        this(person, date, kind, level, institution, total, selfPaid, categoryB, null);
    }

    /**
     * Claims from columns, one row per claim, with their attributes: a claim with attributes
     * is settled with a plan of its own, as settling it alone would be.
     *
     * @param person the index of each claim's person in the batch's {@link BatchPersons}
     * @param date each claim's settlement date as YYYYMMDD
     * @param kind each claim's {@link ClaimKind#code()}
     * @param level each claim's {@link Level#code()}
     * @param institution each claim's institution id, or null for none
     * @param total each claim's total cost in fen
     * @param selfPaid each claim's fully self-paid items in fen, or null for none
     * @param categoryB each claim's category-B first self-pay in fen, or null for none
     * @param attributes each claim's attributes as bits ({@link Policy#claimAttributes}), or
     *     null for none
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when a column that may not be null is
     */
    public BatchClaims(int[] person, int[] date, int[] kind, int[] level, long[] institution,
                       long[] total, long[] selfPaid, long[] categoryB, int[] attributes) {
        this(person, date, kind, level, institution, total, selfPaid, categoryB, attributes,
                null);
    }

    /**
     * Claims from columns, one row per claim, with their attributes and bed-days: a claim with
     * either is settled as settling it alone would be.
     *
     * @param person the index of each claim's person in the batch's {@link BatchPersons}
     * @param date each claim's settlement date as YYYYMMDD
     * @param kind each claim's {@link ClaimKind#code()}
     * @param level each claim's {@link Level#code()}
     * @param institution each claim's institution id, or null for none
     * @param total each claim's total cost in fen
     * @param selfPaid each claim's fully self-paid items in fen, or null for none
     * @param categoryB each claim's category-B first self-pay in fen, or null for none
     * @param attributes each claim's attributes as bits ({@link Policy#claimAttributes}), or
     *     null for none
     * @param days each claim's bed-days ({@link Claim.Builder#days}), 0 or null for not given
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when a column that may not be null is
     */
    public BatchClaims(int[] person, int[] date, int[] kind, int[] level, long[] institution,
                       long[] total, long[] selfPaid, long[] categoryB, int[] attributes,
                       int[] days) {
        int n = Objects.requireNonNull(person, "person").length;
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(total, "total");
        if (date.length != n || kind.length != n || level.length != n || total.length != n
                || (institution != null && institution.length != n)
                || (selfPaid != null && selfPaid.length != n)
                || (categoryB != null && categoryB.length != n)
                || (attributes != null && attributes.length != n)
                || (days != null && days.length != n)) {
            throw new IllegalArgumentException("claim columns differ in length");
        }
        this.person = person.clone();
        this.date = date.clone();
        this.kind = kind.clone();
        this.level = level.clone();
        this.institution = institution == null ? null : institution.clone();
        this.total = total.clone();
        this.selfPaid = selfPaid == null ? null : selfPaid.clone();
        this.categoryB = categoryB == null ? null : categoryB.clone();
        this.attributes = attributes == null ? null : attributes.clone();
        this.days = days == null ? null : days.clone();
    }

    /**
     * A builder that appends claims one by one.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of claims.
     *
     * @return the number
     */
    public int size() {
        return person.length;
    }

    /** Appends claims; the claim ids are not part of a batch (index i is claim i). */
    public static final class Builder {
        private int n;
        private int[] person = new int[16];
        private int[] date = new int[16];
        private int[] kind = new int[16];
        private int[] level = new int[16];
        private long[] institution = new long[16];
        private long[] total = new long[16];
        private long[] selfPaid = new long[16];
        private long[] categoryB = new long[16];
        private int[] attributes = new int[16];
        private int[] days = new int[16];

        private Builder() {
        }

        /**
         * Add a claim of person {@code personIndex}.
         *
         * @param personIndex the index of the claim's person in the batch's {@link BatchPersons}
         * @param claim the claim; its id is not kept
         * @return this builder
         * @throws NullPointerException when {@code claim} is null
         */
        public Builder add(int personIndex, Claim claim) {
            Objects.requireNonNull(claim, "claim");
            if (n == person.length) {
                int m = n * 2;
                person = Arrays.copyOf(person, m);
                date = Arrays.copyOf(date, m);
                kind = Arrays.copyOf(kind, m);
                level = Arrays.copyOf(level, m);
                institution = Arrays.copyOf(institution, m);
                total = Arrays.copyOf(total, m);
                selfPaid = Arrays.copyOf(selfPaid, m);
                categoryB = Arrays.copyOf(categoryB, m);
                attributes = Arrays.copyOf(attributes, m);
                days = Arrays.copyOf(days, m);
            }
            long[] c = claim.packed();
            person[n] = personIndex;
            date[n] = (int) c[Claim.DATE];
            kind[n] = (int) c[Claim.KIND];
            level[n] = (int) c[Claim.LEVEL];
            institution[n] = c[Claim.INSTITUTION];
            total[n] = c[Claim.TOTAL];
            selfPaid[n] = c[Claim.SELF_PAID];
            categoryB[n] = c[Claim.CATEGORY_B];
            attributes[n] = claim.attributes();
            days[n] = claim.days();
            n++;
            return this;
        }

        /**
         * The columns of the claims added so far.
         *
         * @return new columns; the builder may go on adding
         */
        public BatchClaims build() {
            return new BatchClaims(Arrays.copyOf(person, n), Arrays.copyOf(date, n),
                    Arrays.copyOf(kind, n), Arrays.copyOf(level, n), Arrays.copyOf(institution, n),
                    Arrays.copyOf(total, n), Arrays.copyOf(selfPaid, n),
                    Arrays.copyOf(categoryB, n), Arrays.copyOf(attributes, n),
                    Arrays.copyOf(days, n));
        }
    }
}
