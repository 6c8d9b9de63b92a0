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
        return new Settlement(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10],
                f[11], f[12], f[13], (int) f[14], (int) f[15], f[16] != 0);
    }
}
