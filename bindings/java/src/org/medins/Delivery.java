package org.medins;

import org.medins.swig.delivery;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Type of delivery. */
public enum Delivery {
    NATURAL(delivery.DELIVERY_NATURAL),
    ASSISTED(delivery.DELIVERY_ASSISTED),
    CAESAREAN(delivery.DELIVERY_CAESAREAN),
    CAESAREAN_COMPLEX(delivery.DELIVERY_CAESAREAN_COMPLEX);

    private final int code;

    Delivery(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Delivery fromCode(int code) {
        return Enums.fromCode(values(), code, Delivery::code, "delivery");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.delivery_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Delivery fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_DELIVERY, Delivery::code, "delivery");
    }
}
