package org.medins;

/**
 * The figures of one settlement, in fen: total = fund + majorDisease + assistance + patient, and
 * patient = account + cash. {@code ratio} is in basis points (10000 = 100%).
 *
 * @param claimId the claim's id, echoed
 * @param total the claim's total cost, in fen
 * @param selfPaid fully self-paid items, in fen
 * @param categoryB category-B first self-pay, in fen
 * @param inScope total - selfPaid - categoryB, in fen
 * @param deductible deductible borne by the patient, in fen
 * @param fund basic fund payment (after the cap), in fen
 * @param coinsurance patient's share inside the segments, in fen
 * @param overCap fund payment withheld by the annual maximum, in fen
 * @param majorDisease major-disease layer payment, in fen
 * @param assistance medical assistance payment, in fen
 * @param patient everything the patient pays, in fen
 * @param account of patient: paid from the individual account, in fen
 * @param cash of patient: paid in cash (patient - account), in fen
 * @param ratio basic fund ratio of the first segment used (0 if none), in basis points
 * @param admission inpatient: admission order this year (1 = first); else 0
 * @param assumed true when an assumed value was used
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
