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
    private final long[] packed;

    private Claim(Builder b) {
        this.id = b.id;
        this.date = Objects.requireNonNull(b.date, "date");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.level = Objects.requireNonNull(b.level, "level");
        this.institution = b.institution;
        this.total = b.total;
        this.selfPaid = b.selfPaid;
        this.categoryB = b.categoryB;
        this.packed = new long[] {id, Dates.toInt(date), kind.code(), level.code(), institution,
            total, selfPaid, categoryB};
    }

    /** A builder with the defaults; the date is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A claim of `kind` at `level` on `date` costing `total` fen, nothing self-paid. */
    public static Claim of(LocalDate date, ClaimKind kind, Level level, long total) {
        return builder().date(date).kind(kind).level(level).total(total).build();
    }

    /** A builder starting from this claim's values. */
    public Builder toBuilder() {
        return new Builder().id(id).date(date).kind(kind).level(level).institution(institution)
                .total(total).selfPaid(selfPaid).categoryB(categoryB);
    }

    /** The caller's identifier, echoed in results. */
    public long id() {
        return id;
    }

    /** Settlement date (discharge or visit). */
    public LocalDate date() {
        return date;
    }

    public ClaimKind kind() {
        return kind;
    }

    public Level level() {
        return level;
    }

    /** Institution id (compared with the family-doctor contract); 0 = unknown. */
    public long institution() {
        return institution;
    }

    /** Total cost, fen. */
    public long total() {
        return total;
    }

    /** Fully self-paid items outside the catalogue, fen. */
    public long selfPaid() {
        return selfPaid;
    }

    /** Category-B first self-pay, fen. */
    public long categoryB() {
        return categoryB;
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
                + categoryB + "]";
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

        private Builder() {
        }

        public Builder id(long v) {
            id = v;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = Objects.requireNonNull(date, "date");
            return this;
        }

        public Builder kind(ClaimKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        public Builder level(Level level) {
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        public Builder institution(long v) {
            institution = v;
            return this;
        }

        /** Total cost in fen. */
        public Builder total(long fen) {
            total = fen;
            return this;
        }

        public Builder selfPaid(long fen) {
            selfPaid = fen;
            return this;
        }

        public Builder categoryB(long fen) {
            categoryB = fen;
            return this;
        }

        public Claim build() {
            return new Claim(this);
        }
    }
}
