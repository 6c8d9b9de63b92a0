package org.medins;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A medical bill to settle: an immutable value. Amounts are fen (1 yuan = 100 fen). The defaults
 * are those of medins_claim_init: zero amounts, an outpatient visit at a level-1 hospital.
 */
public final class Claim {
    private final long id;
    private final LocalDate date;
    private final ClaimKind kind;
    private final Level level;
    private final long institution;
    private final long total;
    private final long selfPaid;
    private final long categoryB;
    private final int attributes;
    private final int days;
    private final long[] packed;

    /* The packed slots (Packed) of the fields, for BatchClaims too. */
    static final int ID = Packed.slot(Packed.CLAIM, "id");
    static final int DATE = Packed.slot(Packed.CLAIM, "date");
    static final int KIND = Packed.slot(Packed.CLAIM, "kind");
    static final int LEVEL = Packed.slot(Packed.CLAIM, "level");
    static final int INSTITUTION = Packed.slot(Packed.CLAIM, "institution");
    static final int TOTAL = Packed.slot(Packed.CLAIM, "total");
    static final int SELF_PAID = Packed.slot(Packed.CLAIM, "self_paid");
    static final int CATEGORY_B = Packed.slot(Packed.CLAIM, "category_b");
    static final int ATTRIBUTES = Packed.slot(Packed.CLAIM, "attributes");
    static final int DAYS = Packed.slot(Packed.CLAIM, "days");

    private Claim(Builder b) {
        this.id = b.id;
        this.date = Objects.requireNonNull(b.date, "date");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.level = Objects.requireNonNull(b.level, "level");
        this.institution = b.institution;
        this.total = b.total;
        this.selfPaid = b.selfPaid;
        this.categoryB = b.categoryB;
        this.attributes = b.attributes;
        this.days = b.days;
        long[] p = Packed.of(Packed.CLAIM);
        p[ID] = id;
        p[DATE] = Dates.toInt(date);
        p[KIND] = kind.code();
        p[LEVEL] = level.code();
        p[INSTITUTION] = institution;
        p[TOTAL] = total;
        p[SELF_PAID] = selfPaid;
        p[CATEGORY_B] = categoryB;
        p[ATTRIBUTES] = Integer.toUnsignedLong(attributes);
        p[DAYS] = Integer.toUnsignedLong(days);
        this.packed = p;
    }

    /**
     * A builder with the defaults; the date is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A claim of {@code kind} at {@code level} on {@code date} costing {@code total} fen, nothing
     * self-paid.
     *
     * @param date the settlement date
     * @param kind the kind of care
     * @param level where the care was given
     * @param total the total cost in fen
     * @return the claim
     * @throws NullPointerException when {@code date}, {@code kind} or {@code level} is null
     */
    public static Claim of(LocalDate date, ClaimKind kind, Level level, long total) {
        return builder().date(date).kind(kind).level(level).total(total).build();
    }

    /**
     * A builder for a claim of the national platform's {@code med_type} code ("21"): its kind
     * read by {@code policy}'s {@code bills.med_types} rows, then the national codes
     * (docs/policy-format.md, "Bills"); the other fields are the builder's to set.
     *
     * @param policy the policy in force
     * @param medType the platform's medical type code
     * @return a builder with the kind set
     * @throws MedinsException ERR_TYPE naming a code no row maps, ERR_SYNTAX for a NUL within it
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when the policy, or the set it is borrowed from, is closed
     */
    public static Builder fromNhsa(Policy policy, String medType) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(medType, "medType");
        return builder().kind(ClaimKind.fromCode(policy.use(p -> p.claim_kind_from_nhsa(medType))));
    }

    /**
     * A builder starting from this claim's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).date(date).kind(kind).level(level).institution(institution)
                .total(total).selfPaid(selfPaid).categoryB(categoryB).attributes(attributes)
                .days(days);
    }

    /**
     * The caller's identifier, echoed in results.
     *
     * @return the id; 0 when not set
     */
    public long id() {
        return id;
    }

    /**
     * The settlement date (discharge or visit).
     *
     * @return the date
     */
    public LocalDate date() {
        return date;
    }

    /**
     * The kind of care.
     *
     * @return the kind
     */
    public ClaimKind kind() {
        return kind;
    }

    /**
     * Where the care was given.
     *
     * @return the level
     */
    public Level level() {
        return level;
    }

    /**
     * The institution (compared with the family-doctor contract).
     *
     * @return its id; 0 when unknown
     */
    public long institution() {
        return institution;
    }

    /**
     * The total cost.
     *
     * @return the amount in fen
     */
    public long total() {
        return total;
    }

    /**
     * Fully self-paid items outside the catalogue.
     *
     * @return the amount in fen
     */
    public long selfPaid() {
        return selfPaid;
    }

    /**
     * Category-B first self-pay.
     *
     * @return the amount in fen
     */
    public long categoryB() {
        return categoryB;
    }

    /**
     * The policy's claim attributes the claim has (bit i: the policy's i-th,
     * {@link Policy#claimAttributes}).
     *
     * @return the bits; 0 for none
     */
    public int attributes() {
        return attributes;
    }

    /**
     * The bed-days the claim covers, which a policy's maximum per bed-day ({@code bed_day_cap})
     * needs.
     *
     * @return the days; 0 when not given
     */
    public int days() {
        return days;
    }

    long[] packed() {
        return packed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Claim && java.util.Arrays.equals(packed, ((Claim) o).packed);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return "Claim[" + id + ", " + date + ", " + kind + ", " + level + ", institution "
                + institution + ", total " + total + ", self-paid " + selfPaid + ", category B "
                + categoryB + ", attributes 0x" + Integer.toHexString(attributes) + ", days " + days
                + "]";
    }

    /** Builds a {@link Claim}. */
    public static final class Builder {
        private long id;
        private LocalDate date;
        private ClaimKind kind = ClaimKind.OUTPATIENT;
        private Level level = Level.L1;
        private long institution;
        private long total;
        private long selfPaid;
        private long categoryB;
        private int attributes;
        private int days;

        private Builder() {
        }

        /**
         * Sets the caller's identifier (default 0).
         *
         * @param v the id, echoed in results
         * @return this builder
         */
        public Builder id(long v) {
            id = v;
            return this;
        }

        /**
         * Sets the settlement date (required).
         *
         * @param date the date
         * @return this builder
         * @throws NullPointerException when {@code date} is null
         */
        public Builder date(LocalDate date) {
            this.date = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Sets the kind of care (default {@link ClaimKind#OUTPATIENT}).
         *
         * @param kind the kind
         * @return this builder
         * @throws NullPointerException when {@code kind} is null
         */
        public Builder kind(ClaimKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets where the care was given (default {@link Level#L1}).
         *
         * @param level the level
         * @return this builder
         * @throws NullPointerException when {@code level} is null
         */
        public Builder level(Level level) {
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Sets the institution (default 0, unknown).
         *
         * @param v the institution's id
         * @return this builder
         */
        public Builder institution(long v) {
            institution = v;
            return this;
        }

        /**
         * Sets the total cost (default 0); the library refuses a negative one when settling.
         *
         * @param fen the amount in fen
         * @return this builder
         */
        public Builder total(long fen) {
            total = fen;
            return this;
        }

        /**
         * Sets the fully self-paid items (default 0), part of the total.
         *
         * @param fen the amount in fen
         * @return this builder
         */
        public Builder selfPaid(long fen) {
            selfPaid = fen;
            return this;
        }

        /**
         * Sets the category-B first self-pay (default 0), part of the total.
         *
         * @param fen the amount in fen
         * @return this builder
         */
        public Builder categoryB(long fen) {
            categoryB = fen;
            return this;
        }

        /**
         * Sets the claim's attributes (default none), as {@link Policy#claimAttributes} reads
         * the policy's words.
         *
         * @param bits bit i for the policy's i-th attribute
         * @return this builder
         */
        public Builder attributes(int bits) {
            attributes = bits;
            return this;
        }

        /**
         * Sets the bed-days the claim covers (default 0, not given): 1 to 366, which a policy's
         * maximum per bed-day ({@code bed_day_cap}) needs; the library refuses a claim under
         * one without them, and more than 366 days, when it is settled.
         *
         * @param n the number of days
         * @return this builder
         */
        public Builder days(int n) {
            days = n;
            return this;
        }

        /**
         * Builds the claim; the library checks its amounts when it is settled.
         *
         * @return the claim
         * @throws NullPointerException when the date, kind or level is null
         */
        public Claim build() {
            return new Claim(this);
        }
    }
}
