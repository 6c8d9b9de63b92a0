package org.medins;

import java.util.List;
import java.util.Objects;

/**
 * The persons of a batch as columns (the C structure of arrays): codes of {@link Scheme},
 * {@link Category}, {@link Tier}, birth dates as YYYYMMDD, {@link Group} bit masks and
 * family-doctor institution ids (the last two may be null); and, set with
 * {@link #withFields}, retirement dates, months of contribution, {@link Sex} codes and the
 * policy's person groups as bits, each null when not known (a claim whose rows read it then
 * fails, as it would settled alone without it). The arrays are copied.
 */
public final class BatchPersons {
    final int[] scheme;
    final int[] category;
    final int[] tier;
    final int[] birthDate;
    final int[] groups;
    final long[] familyDoctor;
    final int[] retirementDate;
    final int[] contributionMonths;
    final int[] sex;
    final int[] cohorts;

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
        this.retirementDate = null;
        this.contributionMonths = null;
        this.sex = null;
        this.cohorts = null;
    }

    /* The columns of `base` (copies already, shared) with these fields (copied here). */
    private BatchPersons(BatchPersons base, int[] retirementDate, int[] contributionMonths,
                         int[] sex, int[] cohorts) {
        this.scheme = base.scheme;
        this.category = base.category;
        this.tier = base.tier;
        this.birthDate = base.birthDate;
        this.groups = base.groups;
        this.familyDoctor = base.familyDoctor;
        this.retirementDate = retirementDate == null ? null : retirementDate.clone();
        this.contributionMonths = contributionMonths == null ? null : contributionMonths.clone();
        this.sex = sex == null ? null : sex.clone();
        this.cohorts = cohorts == null ? null : cohorts.clone();
    }

    /**
     * These persons with the fields of {@link Person} policies may select on, as columns of one
     * value per person; a null column leaves its field unknown for every person.
     *
     * @param retirementDate retirement dates as YYYYMMDD, 0 for none or unknown
     * @param contributionMonths months of contribution, -1 for unknown
     * @param sex {@link Sex#code()} of each person
     * @param cohorts the policy's person groups each person is in, as bits
     *     ({@code Policy.cohorts}), 0 for none
     * @return new columns
     * @throws IllegalArgumentException when a column's length is not the persons'
     */
    public BatchPersons withFields(int[] retirementDate, int[] contributionMonths, int[] sex,
                                   int[] cohorts) {
        int n = size();
        for (int[] col : new int[][] {retirementDate, contributionMonths, sex, cohorts}) {
            if (col != null && col.length != n) {
                throw new IllegalArgumentException("person columns differ in length");
            }
        }
        return new BatchPersons(this, retirementDate, contributionMonths, sex, cohorts);
    }

    /**
     * The columns of a list of persons (index i is person i), every field of each, as settling
     * them one claim at a time reads them.
     *
     * @param persons the persons
     * @return new columns
     * @throws NullPointerException when {@code persons} or one of them is null
     */
    public static BatchPersons of(List<Person> persons) {
        int n = Objects.requireNonNull(persons, "persons").size();
        int[] s = new int[n];
        int[] c = new int[n];
        int[] t = new int[n];
        int[] b = new int[n];
        int[] g = new int[n];
        long[] f = new long[n];
        int[] r = new int[n];
        int[] m = new int[n];
        int[] x = new int[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            Person person = persons.get(i);
            if (person == null) {
                throw new NullPointerException("persons[" + i + "]");
            }
            long[] p = person.packed();
            s[i] = (int) p[Person.SCHEME];
            c[i] = (int) p[Person.CATEGORY];
            t[i] = (int) p[Person.TIER];
            b[i] = (int) p[Person.BIRTH_DATE];
            g[i] = (int) p[Person.GROUPS];
            f[i] = p[Person.FAMILY_DOCTOR];
            r[i] = (int) p[Person.RETIREMENT_DATE];
            m[i] = (int) p[Person.CONTRIBUTION_MONTHS];
            x[i] = (int) p[Person.SEX];
            k[i] = (int) p[Person.COHORTS];
        }
        return new BatchPersons(s, c, t, b, g, f).withFields(r, m, x, k);
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
