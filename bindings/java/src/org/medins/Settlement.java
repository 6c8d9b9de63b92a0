package org.medins;

/**
 * The figures of one settlement, in fen: total = fund + majorDisease + assistance + patient, and
 * patient = account + cash. {@code ratio} is in basis points (10000 = 100%).
 */
public record Settlement(long claimId, long total, long selfPaid, long categoryB, long inScope,
                         long deductible, long fund, long coinsurance, long overCap,
                         long majorDisease, long assistance, long patient, long account,
                         long cash, int ratio, int admission, boolean assumed) {
    static Settlement of(long[] f) {
        return of(f, 0);
    }

    /** From the packed figures starting at {@code o}. */
    static Settlement of(long[] f, int o) {
        return new Settlement(f[o], f[o + 1], f[o + 2], f[o + 3], f[o + 4], f[o + 5], f[o + 6],
                f[o + 7], f[o + 8], f[o + 9], f[o + 10], f[o + 11], f[o + 12], f[o + 13],
                (int) f[o + 14], (int) f[o + 15], f[o + 16] != 0);
    }
}
