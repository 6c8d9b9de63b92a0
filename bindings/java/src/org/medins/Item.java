package org.medins;

import java.util.List;
import java.util.Objects;

/**
 * One fee line of an itemised bill (medins/bill.h), with the platform's meaning of each field:
 * amounts in fen, quantities in ten-thousandths (15000 is 1.5), proportions in basis points.
 *
 * @param code the item's catalogue code (required)
 * @param name the item's name (may be empty)
 * @param amount {@code det_item_fee_sumamt}: the line's amount when quantity is 0; else 0, or
 *     price × quantity as rounded
 * @param price {@code pric}: the unit price, read when quantity is not 0
 * @param quantity {@code cnt} in ten-thousandths; 0: the amount is given
 * @param chrgitmLv {@code chrgitm_lv}: 1 甲类, 2 乙类, 3 自费
 * @param selfpayProp {@code selfpay_prop} in basis points, or {@link #DEFAULT_PROP}
 * @param ceiling {@code pric_uplmt_amt}: the unit price ceiling, or {@link #NO_CEILING}
 */
public record Item(String code, String name, long amount, long price, long quantity,
                   int chrgitmLv, int selfpayProp, long ceiling) {
    /**
     * A fee line.
     *
     * @param code see the record
     * @param name see the record
     * @param amount see the record
     * @param price see the record
     * @param quantity see the record
     * @param chrgitmLv see the record
     * @param selfpayProp see the record
     * @param ceiling see the record
     * @throws NullPointerException when the code or the name is null
     */
    public Item {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** {@code selfpayProp}: the policy's default for the item's class. */
    public static final int DEFAULT_PROP = -1;
    /** {@code ceiling}: no price ceiling. */
    public static final long NO_CEILING = -1;

    /* The slots of medins_item's layout the components after the text go to, in their order. */
    private static final int[] S = Packed.slots(Packed.ITEM, "amount", "price", "quantity",
            "chrgitm_lv", "selfpay_prop", "ceiling");

    /**
     * A line given by its amount, with the policy's proportion and no ceiling.
     *
     * @param code the item's code
     * @param name its name
     * @param chrgitmLv 1, 2 or 3
     * @param amount the amount, in fen
     * @return the line
     */
    public static Item ofAmount(String code, String name, int chrgitmLv, long amount) {
        return new Item(code, name, amount, 0, 0, chrgitmLv, DEFAULT_PROP, NO_CEILING);
    }

    /**
     * A line given by price and quantity, with the policy's proportion and no ceiling.
     *
     * @param code the item's code
     * @param name its name
     * @param chrgitmLv 1, 2 or 3
     * @param price the unit price, in fen
     * @param quantity the quantity, in ten-thousandths
     * @return the line
     */
    public static Item ofPrice(String code, String name, int chrgitmLv, long price,
                               long quantity) {
        return new Item(code, name, 0, price, quantity, chrgitmLv, DEFAULT_PROP, NO_CEILING);
    }

    /**
     * This line with its own first self-pay proportion.
     *
     * @param bp the proportion, in basis points
     * @return the line
     */
    public Item withSelfpayProp(int bp) {
        return new Item(code, name, amount, price, quantity, chrgitmLv, bp, ceiling);
    }

    /**
     * This line with a unit price ceiling.
     *
     * @param fen the ceiling, in fen
     * @return the line
     */
    public Item withCeiling(long fen) {
        return new Item(code, name, amount, price, quantity, chrgitmLv, selfpayProp, fen);
    }

    /* The native bill of the lines (the caller deletes it). */
    static org.medins.swig.Bill bill(List<Item> items) {
        org.medins.swig.Bill b = new org.medins.swig.Bill();
        try {
            for (Item it : items) {
                Objects.requireNonNull(it, "items: a null line");
                if (b.add(it.code, it.name) != 0) {
                    throw new OutOfMemoryError("a bill's line");
                }
                long[] v = {it.amount, it.price, it.quantity, it.chrgitmLv, it.selfpayProp,
                            it.ceiling};
                for (int i = 0; i < S.length; i++) {
                    b.set(S[i], v[i]);   /* every value fits its field: the types are the C's */
                }
            }
            return b;
        } catch (RuntimeException | Error e) {
            b.delete();
            throw e;
        }
    }
}
