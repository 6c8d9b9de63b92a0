package org.medins;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one fee line of an itemised bill split, in fen: amount = selfPaid + overCeiling +
 * categoryB + inScope.
 *
 * @param code the line's code, as given
 * @param name its name, as given
 * @param amount {@code det_item_fee_sumamt}
 * @param selfPaid {@code fulamt_ownpay_amt}: a 自费 line's whole amount
 * @param overCeiling {@code overlmt_amt}: above the price ceiling
 * @param categoryB {@code preselfpay_amt}: the category-B first self-pay
 * @param inScope {@code inscp_scp_amt}: the in-scope rest
 * @param selfpayProp the proportion applied, in basis points
 * @param chrgitmLv the line's class
 */
public record ItemSplit(String code, String name, long amount, long selfPaid, long overCeiling,
                        long categoryB, long inScope, int selfpayProp, int chrgitmLv) {
    /**
     * A line's split.
     *
     * @param code see the record
     * @param name see the record
     * @param amount see the record
     * @param selfPaid see the record
     * @param overCeiling see the record
     * @param categoryB see the record
     * @param inScope see the record
     * @param selfpayProp see the record
     * @param chrgitmLv see the record
     * @throws NullPointerException when the code or the name is null
     */
    public ItemSplit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    private static final int[] S = Packed.slots(Packed.ITEM_SPLIT, "amount", "self_paid",
            "over_ceiling", "category_b", "in_scope", "selfpay_prop", "chrgitm_lv");

    static List<ItemSplit> of(org.medins.swig.Result r) {
        List<ItemSplit> lines = new ArrayList<>();
        for (long k = 0; k < r.item_count(); k++) {
            lines.add(new ItemSplit(r.item_text(k, 0), r.item_text(k, 1), r.item_field(k, S[0]),
                    r.item_field(k, S[1]), r.item_field(k, S[2]), r.item_field(k, S[3]),
                    r.item_field(k, S[4]), (int) r.item_field(k, S[5]),
                    (int) r.item_field(k, S[6])));
        }
        return List.copyOf(lines);
    }
}
