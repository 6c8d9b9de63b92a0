package org.medins;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code setldetail} row of a settlement: a fund that paid, under the platform's names.
 *
 * @param fund_pay_type the platform's code ("310100")
 * @param fund_pay_type_name its name ("职工基本医疗保险统筹基金")
 * @param inscp_scp_amt what the fund considered, in fen
 * @param crt_payb_lmt_amt the room its annual maximum left before the claim (the balance for
 *     the account), in fen; -1: no maximum
 * @param fund_payamt what it paid, in fen
 * @param setl_proc_info its working, in Chinese, rendered from the trace
 * @param part which of the library's payers it is
 */
public record SetlDetail(String fund_pay_type, String fund_pay_type_name, long inscp_scp_amt,
                         long crt_payb_lmt_amt, long fund_payamt, String setl_proc_info,
                         Part part) {
    /**
     * A detail row.
     *
     * @param fund_pay_type see the record
     * @param fund_pay_type_name see the record
     * @param inscp_scp_amt see the record
     * @param crt_payb_lmt_amt see the record
     * @param fund_payamt see the record
     * @param setl_proc_info see the record
     * @param part see the record
     * @throws NullPointerException when a text or the part is null
     */
    public SetlDetail {
        Objects.requireNonNull(fund_pay_type, "fund_pay_type");
        Objects.requireNonNull(fund_pay_type_name, "fund_pay_type_name");
        Objects.requireNonNull(setl_proc_info, "setl_proc_info");
        Objects.requireNonNull(part, "part");
    }

    private static final int[] S = Packed.slots(Packed.SETLDETAIL, "inscp_scp_amt",
            "crt_payb_lmt_amt", "fund_payamt", "part");

    static List<SetlDetail> of(org.medins.swig.Result r) {
        List<SetlDetail> rows = new ArrayList<>();
        for (long i = 0; i < r.setldetail_count(); i++) {
            rows.add(new SetlDetail(r.setldetail_text(i, 0), r.setldetail_text(i, 1),
                    r.setldetail_field(i, S[0]), r.setldetail_field(i, S[1]),
                    r.setldetail_field(i, S[2]), r.setl_proc_info(i),
                    Part.fromCode((int) r.setldetail_field(i, S[3]))));
        }
        return List.copyOf(rows);
    }
}
