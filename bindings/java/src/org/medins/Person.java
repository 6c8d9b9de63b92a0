package org.medins;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An insured person: an immutable value. The defaults are those of medins_person_init: an
 * employee in service, no tier, no groups, no family-doctor contract, no birth date; retirement
 * date, years of contribution and sex unknown, no cohorts.
 */
public final class Person {
    private final Scheme scheme;
    private final Category category;
    private final Tier tier;
    private final LocalDate birthDate;
    private final Set<Group> groups;
    private final long familyDoctor;
    private final LocalDate retirementDate;
    private final int contributionMonths;
    private final Sex sex;
    private final int cohorts;
    private final long[] packed;

    /* The packed slots (Packed) of the fields, for BatchPersons too. */
    static final int SCHEME = Packed.slot(Packed.PERSON, "scheme");
    static final int CATEGORY = Packed.slot(Packed.PERSON, "category");
    static final int TIER = Packed.slot(Packed.PERSON, "tier");
    static final int BIRTH_DATE = Packed.slot(Packed.PERSON, "birth_date");
    static final int GROUPS = Packed.slot(Packed.PERSON, "groups");
    static final int FAMILY_DOCTOR = Packed.slot(Packed.PERSON, "family_doctor");
    static final int RETIREMENT_DATE = Packed.slot(Packed.PERSON, "retirement_date");
    static final int CONTRIBUTION_MONTHS = Packed.slot(Packed.PERSON, "contribution_months");
    static final int SEX = Packed.slot(Packed.PERSON, "sex");
    static final int COHORTS = Packed.slot(Packed.PERSON, "cohorts");

    private Person(Builder b) {
        this.scheme = Objects.requireNonNull(b.scheme, "scheme");
        this.category = Objects.requireNonNull(b.category, "category");
        this.tier = Objects.requireNonNull(b.tier, "tier");
        this.birthDate = b.birthDate;
        this.groups = Collections.unmodifiableSet(EnumSet.copyOf(b.groups));
        this.familyDoctor = b.familyDoctor;
        this.retirementDate = b.retirementDate;
        this.contributionMonths = b.contributionMonths;
        this.sex = Objects.requireNonNull(b.sex, "sex");
        this.cohorts = b.cohorts;
        long[] p = Packed.of(Packed.PERSON);
        p[SCHEME] = scheme.code();
        p[CATEGORY] = category.code();
        p[TIER] = tier.code();
        p[BIRTH_DATE] = Dates.toInt(birthDate);
        p[GROUPS] = Group.toFlags(groups);
        p[FAMILY_DOCTOR] = familyDoctor;
        p[RETIREMENT_DATE] = Dates.toInt(retirementDate);
        p[CONTRIBUTION_MONTHS] = contributionMonths;
        p[SEX] = sex.code();
        p[COHORTS] = Integer.toUnsignedLong(cohorts);
        this.packed = p;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An employee of {@code category} born on {@code birthDate}.
     *
     * @param category {@link Category#IN_SERVICE} or {@link Category#RETIRED}
     * @param birthDate the birth date, or null when unknown: a retiree's age band needs it, and
     *     settling a retiree without it fails rather than guess one
     * @return the person
     * @throws NullPointerException when {@code category} is null
     */
    public static Person employee(Category category, LocalDate birthDate) {
        return builder().scheme(Scheme.EMPLOYEE).category(category).birthDate(birthDate).build();
    }

    /**
     * A builder for a person of the national platform's {@code insutype} and {@code psn_type}
     * codes ("310", "1201"): the scheme and category read by {@code policy}'s
     * {@code bills.psn_types} rows, then the national codes (docs/policy-format.md, "Bills");
     * the other fields are the builder's to set.
     *
     * @param policy the policy in force
     * @param insutype the platform's insurance type code
     * @param psnType the platform's person type code
     * @return a builder with the scheme and category set
     * @throws MedinsException ERR_TYPE naming a pair of codes no row maps, ERR_SYNTAX for a NUL
     *     within a code
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when the policy, or the set it is borrowed from, is closed
     */
    public static Builder fromNhsa(Policy policy, String insutype, String psnType) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(insutype, "insutype");
        Objects.requireNonNull(psnType, "psnType");
        int both = policy.use(p -> p.person_from_nhsa(insutype, psnType));
        return builder().scheme(Scheme.fromCode(both / 256)).category(Category.fromCode(both % 256));
    }

    /**
     * A resident of {@code category} paying at {@code tier}.
     *
     * @param category {@link Category#ADULT} or {@link Category#STUDENT_CHILD}
     * @param tier the contribution tier chosen
     * @param birthDate the birth date, or null
     * @return the person
     * @throws NullPointerException when {@code category} or {@code tier} is null
     */
    public static Person resident(Category category, Tier tier, LocalDate birthDate) {
        return builder().scheme(Scheme.RESIDENT).category(category).tier(tier).birthDate(birthDate)
                .build();
    }

    /**
     * A builder starting from this person's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scheme = scheme;
        b.category = category;
        b.tier = tier;
        b.birthDate = birthDate;
        b.groups = EnumSet.noneOf(Group.class);
        b.groups.addAll(groups);
        b.familyDoctor = familyDoctor;
        b.retirementDate = retirementDate;
        b.contributionMonths = contributionMonths;
        b.sex = sex;
        b.cohorts = cohorts;
        return b;
    }

    /**
     * The insurance scheme.
     *
     * @return the scheme
     */
    public Scheme scheme() {
        return scheme;
    }

    /**
     * The insured category, one of the scheme's.
     *
     * @return the category
     */
    public Category category() {
        return category;
    }

    /**
     * The contribution tier; {@link Tier#NONE} for employees.
     *
     * @return the tier
     */
    public Tier tier() {
        return tier;
    }

    /**
     * The birth date.
     *
     * @return the date, or null when not given
     */
    public LocalDate birthDate() {
        return birthDate;
    }

    /**
     * The special groups.
     *
     * @return an unmodifiable set, empty when none
     */
    public Set<Group> groups() {
        return groups;
    }

    /**
     * The institution of the family-doctor contract.
     *
     * @return its id; 0 for none
     */
    public long familyDoctor() {
        return familyDoctor;
    }

    /**
     * The retirement date.
     *
     * @return the date, or null when not given (or not retired)
     */
    public LocalDate retirementDate() {
        return retirementDate;
    }

    /**
     * The months of contribution the policy counts.
     *
     * @return the months; -1 when not given
     */
    public int contributionMonths() {
        return contributionMonths;
    }

    /**
     * The sex.
     *
     * @return the sex; {@link Sex#UNKNOWN} when not given
     */
    public Sex sex() {
        return sex;
    }

    /**
     * The policy's person groups the caller set (bit i: the policy's i-th,
     * {@link Policy#cohorts}).
     *
     * @return the bits; 0 for none
     */
    public int cohorts() {
        return cohorts;
    }

    /** The packed form; shared, never written by the native side. */
    long[] packed() {
        return packed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Person && java.util.Arrays.equals(packed, ((Person) o).packed);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return "Person[" + scheme + ", " + category + ", " + tier + ", born " + birthDate
                + ", groups " + groups + ", family doctor " + familyDoctor + ", retired "
                + retirementDate + ", contribution months " + contributionMonths + ", " + sex
                + ", cohorts 0x" + Integer.toHexString(cohorts) + "]";
    }

    /** Builds a {@link Person}. */
    public static final class Builder {
        private Scheme scheme = Scheme.EMPLOYEE;
        private Category category = Category.IN_SERVICE;
        private Tier tier = Tier.NONE;
        private LocalDate birthDate;
        private EnumSet<Group> groups = EnumSet.noneOf(Group.class);
        private long familyDoctor;
        private LocalDate retirementDate;
        private int contributionMonths = -1;
        private Sex sex = Sex.UNKNOWN;
        private int cohorts;

        private Builder() {
        }

        /**
         * Sets the scheme (default {@link Scheme#EMPLOYEE}).
         *
         * @param scheme the scheme
         * @return this builder
         * @throws NullPointerException when {@code scheme} is null
         */
        public Builder scheme(Scheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /**
         * Sets the category (default {@link Category#IN_SERVICE}); it must belong to the scheme,
         * which the library checks when the person is used.
         *
         * @param category the category
         * @return this builder
         * @throws NullPointerException when {@code category} is null
         */
        public Builder category(Category category) {
            this.category = Objects.requireNonNull(category, "category");
            return this;
        }

        /**
         * Sets the contribution tier (default {@link Tier#NONE}).
         *
         * @param tier the tier
         * @return this builder
         * @throws NullPointerException when {@code tier} is null
         */
        public Builder tier(Tier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /**
         * Sets the birth date (default none). Null, when unknown, is refused by the library
         * wherever the policy needs the person's age (a retiree's deductible), rather than
         * guess one.
         *
         * @param birthDate the date, or null for none
         * @return this builder
         */
        public Builder birthDate(LocalDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        /**
         * Replace the groups.
         *
         * @param groups the groups, copied; empty for none
         * @return this builder
         * @throws NullPointerException when {@code groups} or one of its elements is null
         */
        public Builder groups(Set<Group> groups) {
            Objects.requireNonNull(groups, "groups");
            EnumSet<Group> set = EnumSet.noneOf(Group.class);
            for (Group g : groups) {
                set.add(Objects.requireNonNull(g, "groups contains null"));
            }
            this.groups = set;
            return this;
        }

        /**
         * Add groups.
         *
         * @param groups the groups to add
         * @return this builder
         * @throws NullPointerException when {@code groups} or one of them is null
         */
        public Builder group(Group... groups) {
            Objects.requireNonNull(groups, "groups");
            for (int i = 0; i < groups.length; i++) {
                if (groups[i] == null) {
                    throw new NullPointerException("groups[" + i + "]");
                }
            }
            Collections.addAll(this.groups, groups);
            return this;
        }

        /**
         * Sets the institution of the family-doctor contract (default 0, none).
         *
         * @param institution the institution's id, as in {@link Claim#institution()}
         * @return this builder
         */
        public Builder familyDoctor(long institution) {
            familyDoctor = institution;
            return this;
        }

        /**
         * Sets a retiree's retirement date (default none). Rows that select on it, or on a
         * person group the policy works out from it, fail for a retiree without one.
         *
         * @param date the date, or null for none
         * @return this builder
         */
        public Builder retirementDate(LocalDate date) {
            this.retirementDate = date;
            return this;
        }

        /**
         * Sets the months of contribution the policy counts (default -1, unknown: never read
         * as none); 15 years is 180.
         *
         * @param months 0 to 1800, or -1 for unknown (the library checks the range)
         * @return this builder
         */
        public Builder contributionMonths(int months) {
            this.contributionMonths = months;
            return this;
        }

        /**
         * Sets the sex (default {@link Sex#UNKNOWN}).
         *
         * @param sex the sex
         * @return this builder
         * @throws NullPointerException when {@code sex} is null
         */
        public Builder sex(Sex sex) {
            this.sex = Objects.requireNonNull(sex, "sex");
            return this;
        }

        /**
         * Sets the policy's person groups the person belongs to (default none), as
         * {@link Policy#cohorts} reads the policy's words; groups the policy works out by a
         * rule may not be set.
         *
         * @param bits bit i for the policy's i-th group
         * @return this builder
         */
        public Builder cohorts(int bits) {
            this.cohorts = bits;
            return this;
        }

        /**
         * Builds the person; the library checks its consistency when it is used.
         *
         * @return the person
         * @throws NullPointerException when the scheme, category or tier is null
         */
        public Person build() {
            return new Person(this);
        }
    }
}
