package org.medins;

/** The figures of a capitation settlement, in fen (the assessment in basis points). */
public record CapitationFigures(long institution, long rate, CapitationPeriod period,
                                int patients, long patientDays, long budget, long actualCosts,
                                long surplus, long overrun, long surplusKept, long overrunFund,
                                long beforeAssessment, int assessment, long payment,
                                boolean assumed) {
    static CapitationFigures of(long[] f) {
        return new CapitationFigures(f[0], f[1], CapitationPeriod.fromCode((int) f[2]),
                (int) f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], (int) f[12], f[13],
                f[14] != 0);
    }
}
