package org.medins;

import java.util.List;
import java.util.Objects;

/**
 * The persons of a batch as columns (the C structure of arrays): codes of {@link Scheme},
 * {@link Category}, {@link Tier}, birth dates as YYYYMMDD, {@link Group} bit masks and
 * family-doctor institution ids. The last two columns may be null. The arrays are copied.
 */
public final class BatchPersons {
    final int[] scheme;
    final int[] category;
    final int[] tier;
    final int[] birthDate;
    final int[] groups;
    final long[] familyDoctor;

    /**
     * Persons from columns, one row per person.
     *
     * @param scheme each person's {@link Scheme#code()}
     * @param category each person's {@link Category#code()}
     * @param tier each person's {@link Tier#code()}
     * @param birthDate each person's birth date as YYYYMMDD, 0 for none
     * @param groups each person's {@link Group} bits ({@link Group#toFlags}), or null for none
     * @param familyDoctor each person's family-doctor institution id, or null for none
     * @throws IllegalArgumentException when the columns differ in length
     * @throws NullPointerException when a column that may not be null is
     */
    public BatchPersons(int[] scheme, int[] category, int[] tier, int[] birthDate, int[] groups,
                        long[] familyDoctor) {
        int n = Objects.requireNonNull(scheme, "scheme").length;
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(birthDate, "birthDate");
        if (category.length != n || tier.length != n || birthDate.length != n
                || (groups != null && groups.length != n)
                || (familyDoctor != null && familyDoctor.length != n)) {
            throw new IllegalArgumentException("person columns differ in length");
        }
        this.scheme = scheme.clone();
        this.category = category.clone();
        this.tier = tier.clone();
        this.birthDate = birthDate.clone();
        this.groups = groups == null ? null : groups.clone();
        this.familyDoctor = familyDoctor == null ? null : familyDoctor.clone();
    }

    /**
     * The columns of a list of persons (index i is person i).
     *
     * @param persons the persons
     * @return new columns
     * @throws NullPointerException when {@code persons} or one of them is null
     * @throws IllegalArgumentException when a person has a retirement date, contribution
     *     months, a sex or cohorts, which batch columns do not carry
     */
    public static BatchPersons of(List<Person> persons) {
        int n = Objects.requireNonNull(persons, "persons").size();
        int[] s = new int[n];
        int[] c = new int[n];
        int[] t = new int[n];
        int[] b = new int[n];
        int[] g = new int[n];
        long[] f = new long[n];
        for (int i = 0; i < n; i++) {
            Person person = persons.get(i);
            if (person == null) {
                throw new NullPointerException("persons[" + i + "]");
            }
            if (person.retirementDate() != null || person.contributionMonths() != -1
                    || person.sex() != Sex.UNKNOWN || person.cohorts() != 0) {
                // Never dropped silently: the batch's columns carry none of these.
                throw new IllegalArgumentException("persons[" + i + "]: the batch carries no "
                        + "retirement date, contribution months, sex or cohorts: settle such a "
                        + "person one claim at a time (Policy.settle)");
            }
            long[] p = person.packed();
            s[i] = (int) p[Person.SCHEME];
            c[i] = (int) p[Person.CATEGORY];
            t[i] = (int) p[Person.TIER];
            b[i] = (int) p[Person.BIRTH_DATE];
            g[i] = (int) p[Person.GROUPS];
            f[i] = p[Person.FAMILY_DOCTOR];
        }
        return new BatchPersons(s, c, t, b, g, f);
    }

    /**
     * The number of persons.
     *
     * @return the number
     */
    public int size() {
        return scheme.length;
    }
}
