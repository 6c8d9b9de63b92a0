package org.medins;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An insured person: an immutable value. The defaults are those of medins_person_init: an
 * employee in service, no tier, no groups, no family-doctor contract, no birth date.
 */
public final class Person {
    private final Scheme scheme;
    private final Category category;
    private final Tier tier;
    private final LocalDate birthDate;
    private final Set<Group> groups;
    private final long familyDoctor;
    private final long[] packed;

    private Person(Builder b) {
        this.scheme = Objects.requireNonNull(b.scheme, "scheme");
        this.category = Objects.requireNonNull(b.category, "category");
        this.tier = Objects.requireNonNull(b.tier, "tier");
        this.birthDate = b.birthDate;
        this.groups = Collections.unmodifiableSet(EnumSet.copyOf(b.groups));
        this.familyDoctor = b.familyDoctor;
        long[] p = Packed.of(Packed.PERSON);
        p[0] = scheme.code();
        p[1] = category.code();
        p[2] = tier.code();
        p[3] = Dates.toInt(birthDate);
        p[4] = Group.toFlags(groups);
        p[5] = familyDoctor;
        this.packed = p;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An employee of `category` (IN_SERVICE or RETIRED) born on `birthDate` (null: unknown,
     * which a retiree's settlement refuses).
     */
    public static Person employee(Category category, LocalDate birthDate) {
        return builder().scheme(Scheme.EMPLOYEE).category(category).birthDate(birthDate).build();
    }

    /** A resident of `category` (ADULT or STUDENT_CHILD) paying at `tier`. */
    public static Person resident(Category category, Tier tier, LocalDate birthDate) {
        return builder().scheme(Scheme.RESIDENT).category(category).tier(tier).birthDate(birthDate)
                .build();
    }

    /** A builder starting from this person's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scheme = scheme;
        b.category = category;
        b.tier = tier;
        b.birthDate = birthDate;
        b.groups = EnumSet.noneOf(Group.class);
        b.groups.addAll(groups);
        b.familyDoctor = familyDoctor;
        return b;
    }

    public Scheme scheme() {
        return scheme;
    }

    public Category category() {
        return category;
    }

    public Tier tier() {
        return tier;
    }

    /** Birth date, or null when not given. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** The special groups (unmodifiable). */
    public Set<Group> groups() {
        return groups;
    }

    /** Institution id of the family-doctor contract; 0 = none. */
    public long familyDoctor() {
        return familyDoctor;
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
                + ", groups " + groups + ", family doctor " + familyDoctor + "]";
    }

    /** Builds a {@link Person}. */
    public static final class Builder {
        private Scheme scheme = Scheme.EMPLOYEE;
        private Category category = Category.IN_SERVICE;
        private Tier tier = Tier.NONE;
        private LocalDate birthDate;
        private EnumSet<Group> groups = EnumSet.noneOf(Group.class);
        private long familyDoctor;

        private Builder() {
        }

        public Builder scheme(Scheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        public Builder category(Category category) {
            this.category = Objects.requireNonNull(category, "category");
            return this;
        }

        public Builder tier(Tier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /**
         * The birth date; null (the default) when unknown, which the library refuses wherever
         * the policy needs the person's age (a retiree's deductible), rather than guess one.
         */
        public Builder birthDate(LocalDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        /** Replace the groups. */
        public Builder groups(Set<Group> groups) {
            Objects.requireNonNull(groups, "groups");
            EnumSet<Group> set = EnumSet.noneOf(Group.class);
            for (Group g : groups) {
                set.add(Objects.requireNonNull(g, "groups contains null"));
            }
            this.groups = set;
            return this;
        }

        /** Add groups. */
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

        public Builder familyDoctor(long institution) {
            familyDoctor = institution;
            return this;
        }

        public Person build() {
            return new Person(this);
        }
    }
}
