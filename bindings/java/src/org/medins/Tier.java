package org.medins;

import org.medins.swig.medins;
import org.medins.swig.tier;
import org.medins.swig.words;

/** Residents' contribution tier; employees use NONE. */
public enum Tier {
    /** {@code none}: no tier (employees; residents whose category sets the contribution) */
    NONE(tier.TIER_NONE),
    /** {@code low}: the low contribution tier (低档) */
    LOW(tier.TIER_LOW),
    /** {@code middle}: the middle contribution tier (中档) */
    MIDDLE(tier.TIER_MIDDLE),
    /** {@code high}: the high contribution tier (高档) */
    HIGH(tier.TIER_HIGH);

    private final int code;

    Tier(int code) {
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
    public static Tier fromCode(int code) {
        return Enums.fromCode(values(), code, Tier::code, "tier");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code none} for {@link #NONE}
     */
    public String word() {
        return medins.tier_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Tier fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_TIER, Tier::code, "tier");
    }
}
