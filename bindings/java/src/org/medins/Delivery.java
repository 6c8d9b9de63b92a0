package org.medins;

import org.medins.swig.delivery;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Type of delivery. */
public enum Delivery {
    /** {@code natural}: natural delivery (顺产) */
    NATURAL(delivery.DELIVERY_NATURAL),
    /** {@code assisted}: assisted delivery (助产) */
    ASSISTED(delivery.DELIVERY_ASSISTED),
    /** {@code caesarean}: caesarean section (剖宫产) */
    CAESAREAN(delivery.DELIVERY_CAESAREAN),
    /** {@code caesarean_complex}: caesarean section with other surgery */
    CAESAREAN_COMPLEX(delivery.DELIVERY_CAESAREAN_COMPLEX);

    private final int code;

    Delivery(int code) {
        this.code = code;
    }

    /**
     * The C enumerator's value.
     *
     * @return the value the C library uses
     */
    public int code() {
        return code;
    }

    /**
     * The value with that C code.
     *
     * @param code a value of the C enumeration
     * @return the constant with that code
     * @throws IllegalArgumentException for an unknown code
     */
    public static Delivery fromCode(int code) {
        return Enums.fromCode(values(), code, Delivery::code, "delivery");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code natural} for {@link #NATURAL}
     */
    public String word() {
        return medins.delivery_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Delivery fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_DELIVERY, Delivery::code, "delivery");
    }
}
