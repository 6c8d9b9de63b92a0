package org.medins;

import java.util.Set;

/**
 * The figures of a contribution, in fen (rates in basis points). Yearly amounts for both
 * schemes; for employees also the monthly ones. total = individual + government + employer.
 * {@code groups} are the person's groups that decided the financing (empty when none).
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
