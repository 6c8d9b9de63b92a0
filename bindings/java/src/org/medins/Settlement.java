package org.medins;

/**
 * The figures of one settlement, in fen: total = fund + supplementary + majorDisease + assistance
 * + patient, and patient = account + cash. {@code ratio} is in basis points (10000 = 100%).
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
 * @param supplementary the section's supplementary fund's payment (a section's
 *     {@code supplementary:}), in fen
 * @param accountFirst of account: paid before the deductible (a section's
 *     {@code account_first}), in fen
 */
public record Settlement(long claimId, long total, long selfPaid, long categoryB, long inScope,
                         long deductible, long fund, long coinsurance, long overCap,
                         long majorDisease, long assistance, long patient, long account,
                         long cash, int ratio, int admission, boolean assumed,
                         long supplementary, long accountFirst) {
    /* The packed slots of the components, in their order. */
    private static final int[] S = Packed.slots(Packed.SETTLEMENT, "claim_id", "total",
            "self_paid", "category_b", "in_scope", "deductible", "fund", "coinsurance",
            "over_cap", "major_disease", "assistance", "patient", "account", "cash", "ratio",
            "admission", "assumed", "supplementary", "account_first");

    /**
     * The figures a settlement's record holds ({@link Result#record()}), the record checked
     * whole as a refund checks it.
     *
     * @param record the record's text
     * @return the settlement's figures, as they were (not negated)
     * @throws MedinsException MEDINS_ERR_RECORD for a malformed record, with its line and column
     * @throws NullPointerException when {@code record} is null
     */
    public static Settlement fromRecord(String record) {
        java.util.Objects.requireNonNull(record, "record");
        long[] out = Packed.of(Packed.SETTLEMENT);
        org.medins.swig.medins.java_record_read(record, out);
        return of(out);
    }

    static Settlement of(long[] f) {
        return of(f, 0);
    }

    /** From the packed figures starting at {@code o}. */
    static Settlement of(long[] f, int o) {
        return new Settlement(f[o + S[0]], f[o + S[1]], f[o + S[2]], f[o + S[3]], f[o + S[4]],
                f[o + S[5]], f[o + S[6]], f[o + S[7]], f[o + S[8]], f[o + S[9]], f[o + S[10]],
                f[o + S[11]], f[o + S[12]], f[o + S[13]], (int) f[o + S[14]],
                (int) f[o + S[15]], f[o + S[16]] != 0, f[o + S[17]], f[o + S[18]]);
    }
}
