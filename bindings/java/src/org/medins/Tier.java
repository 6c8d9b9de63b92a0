package org.medins;

import org.medins.swig.medins;
import org.medins.swig.tier;
import org.medins.swig.words;

/** Residents' contribution tier; employees use NONE. */
public enum Tier {
    NONE(tier.TIER_NONE),
    LOW(tier.TIER_LOW),
    MIDDLE(tier.TIER_MIDDLE),
    HIGH(tier.TIER_HIGH);

    private final int code;

    Tier(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Tier fromCode(int code) {
        return Enums.fromCode(values(), code, Tier::code, "tier");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.tier_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Tier fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_TIER, Tier::code, "tier");
    }
}
