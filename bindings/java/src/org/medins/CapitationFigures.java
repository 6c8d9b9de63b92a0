package org.medins;

/**
 * The figures of a capitation settlement, in fen (the assessment in basis points).
 *
 * @param institution the institution, echoed
 * @param rate per enrolled patient per period unit, in fen
 * @param period the unit the rate is for
 * @param patients enrolments counted
 * @param patientDays days enrolled within the period, summed over patients
 * @param budget the prorated per-head budget, in fen
 * @param actualCosts the institution's covered costs, echoed, in fen
 * @param surplus budget - actual costs when positive, in fen
 * @param overrun actual costs - budget when positive, in fen
 * @param surplusKept of the surplus, kept by the institution, in fen
 * @param overrunFund of the overrun, borne by the fund, in fen
 * @param beforeAssessment min(actual, budget) + surplusKept + overrunFund, in fen
 * @param assessment the score applied (10000 when the policy has no assessment), in basis points
 * @param payment what the fund pays the institution, in fen
 * @param assumed true when an assumed value was used
 */
public record CapitationFigures(long institution, long rate, CapitationPeriod period,
                                int patients, long patientDays, long budget, long actualCosts,
                                long surplus, long overrun, long surplusKept, long overrunFund,
                                long beforeAssessment, int assessment, long payment,
                                boolean assumed) {
    /* The packed slots of the components, in their order. */
    private static final int[] S = Packed.slots(Packed.CAPITATION, "institution", "rate",
            "period", "patients", "patient_days", "budget", "actual_costs", "surplus", "overrun",
            "surplus_kept", "overrun_fund", "before_assessment", "assessment", "payment",
            "assumed");

    static CapitationFigures of(long[] f) {
        return new CapitationFigures(f[S[0]], f[S[1]], CapitationPeriod.fromCode((int) f[S[2]]),
                (int) f[S[3]], f[S[4]], f[S[5]], f[S[6]], f[S[7]], f[S[8]], f[S[9]], f[S[10]],
                f[S[11]], (int) f[S[12]], f[S[13]], f[S[14]] != 0);
    }
}
