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
    static ContributionFigures of(long[] f) {
        return new ContributionFigures(Scheme.fromCode((int) f[0]), Tier.fromCode((int) f[1]),
                Tier.fromCode((int) f[2]), Set.copyOf(Group.fromFlags((int) f[3])), f[4] != 0,
                f[5], f[6], (int) f[7], (int) f[8], f[9], f[10], f[11], f[12], f[13], f[14],
                f[15], f[16] != 0);
    }
}
