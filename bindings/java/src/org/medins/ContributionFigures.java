package org.medins;

import java.util.Set;

/**
 * The figures of a contribution, in fen (rates in basis points). Yearly amounts for both
 * schemes; for employees also the monthly ones. total = individual + government + employer.
 * {@code groups} are the person's groups that decided the financing (empty when none).
 *
 * @param scheme the person's scheme, which says which fields apply
 * @param payingTier the tier the contribution is computed at (after groups)
 * @param benefitTier the tier whose benefits the person gets
 * @param groups the person's groups that decided the financing, empty when none
 * @param statePaysAll true when the government also pays the individual share
 * @param subsidy the tier's government subsidy, in fen
 * @param wageBase monthly wage clamped to the policy's floor and ceiling, in fen
 * @param employerRate the employer's rate on wageBase, in basis points
 * @param individualRate the individual's rate on wageBase, in basis points
 * @param monthlyEmployer wageBase x employerRate, rounded half-up, in fen
 * @param monthlyIndividual wageBase x individualRate, rounded half-up, in fen
 * @param fixedYearly individual's fixed yearly amount (large-amount fund), or 0, in fen
 * @param individual paid by the person, in fen
 * @param government paid by the government (subsidy, plus the individual share when the state
 *     pays all), in fen
 * @param employer paid by the employer, in fen
 * @param total individual + government + employer, in fen
 * @param assumed true when an assumed value was used
 */
public record ContributionFigures(Scheme scheme, Tier payingTier, Tier benefitTier,
                                  Set<Group> groups, boolean statePaysAll, long subsidy,
                                  long wageBase, int employerRate, int individualRate,
                                  long monthlyEmployer, long monthlyIndividual, long fixedYearly,
                                  long individual, long government, long employer, long total,
                                  boolean assumed) {
    /* The packed slots of the components, in their order. */
    private static final int[] S = Packed.slots(Packed.CONTRIBUTION, "scheme", "paying_tier",
            "benefit_tier", "group", "state_pays_all", "subsidy", "wage_base", "employer_rate",
            "individual_rate", "monthly_employer", "monthly_individual", "fixed_yearly",
            "individual", "government", "employer", "total", "assumed");

    static ContributionFigures of(long[] f) {
        return new ContributionFigures(Scheme.fromCode((int) f[S[0]]),
                Tier.fromCode((int) f[S[1]]), Tier.fromCode((int) f[S[2]]),
                Set.copyOf(Group.fromFlags((int) f[S[3]])), f[S[4]] != 0, f[S[5]], f[S[6]],
                (int) f[S[7]], (int) f[S[8]], f[S[9]], f[S[10]], f[S[11]], f[S[12]], f[S[13]],
                f[S[14]], f[S[15]], f[S[16]] != 0);
    }
}
