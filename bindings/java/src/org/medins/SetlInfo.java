package org.medins;

/**
 * A settlement as the national platform's {@code setlinfo}, field by field under the
 * platform's names, in fen ({@code pool_prop_selfpay} in basis points: 8500 for the platform's
 * 0.8500). Fields the library does not compute are 0. Every result keeps inscp_scp_amt =
 * medfee_sumamt - fulamt_ownpay_amt - overlmt_selfpay - preselfpay_amt, medfee_sumamt =
 * fund_pay_sumamt + psn_part_amt + hosp_part_amt and psn_part_amt = acct_pay + psn_cash_pay.
 *
 * @param medfee_sumamt total medical cost
 * @param fulamt_ownpay_amt fully self-paid (自费 items)
 * @param overlmt_selfpay above price ceilings
 * @param preselfpay_amt category-B first self-pay
 * @param inscp_scp_amt in scope
 * @param act_pay_dedc deductible borne
 * @param hifp_pay basic pooled fund
 * @param pool_prop_selfpay the basic fund's ratio of the first segment paid, basis points
 * @param cvlserv_pay civil-servant subsidy
 * @param hifes_pay enterprise supplementary insurance
 * @param hifmi_pay residents' major-disease insurance
 * @param hifob_pay employees' large-amount subsidy
 * @param maf_pay medical assistance
 * @param oth_pay other payments
 * @param fund_pay_sumamt all funds (not the account)
 * @param psn_part_amt the person's whole burden
 * @param acct_pay of it, from the individual account
 * @param psn_cash_pay of it, in cash
 * @param hosp_part_amt borne by the hospital
 * @param balc the account balance after the settlement
 * @param acct_mulaid_pay account mutual-aid payment
 */
public record SetlInfo(long medfee_sumamt, long fulamt_ownpay_amt, long overlmt_selfpay,
                       long preselfpay_amt, long inscp_scp_amt, long act_pay_dedc, long hifp_pay,
                       int pool_prop_selfpay, long cvlserv_pay, long hifes_pay, long hifmi_pay,
                       long hifob_pay, long maf_pay, long oth_pay, long fund_pay_sumamt,
                       long psn_part_amt, long acct_pay, long psn_cash_pay, long hosp_part_amt,
                       long balc, long acct_mulaid_pay) {
    /* The slots of medins_setlinfo's layout of the components, in their order. */
    private static final int[] S = Packed.slots(Packed.SETLINFO, "medfee_sumamt",
            "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt",
            "act_pay_dedc", "hifp_pay", "pool_prop_selfpay", "cvlserv_pay", "hifes_pay",
            "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay", "fund_pay_sumamt", "psn_part_amt",
            "acct_pay", "psn_cash_pay", "hosp_part_amt", "balc", "acct_mulaid_pay");

    static SetlInfo of(org.medins.swig.Result r) {
        long[] v = new long[S.length];
        for (int i = 0; i < S.length; i++) {
            v[i] = r.setlinfo_field(S[i]);
        }
        return new SetlInfo(v[0], v[1], v[2], v[3], v[4], v[5], v[6], (int) v[7], v[8], v[9],
                v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20]);
    }
}
