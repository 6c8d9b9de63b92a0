package org.medins;

import org.medins.swig.level;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Where care is given. */
public enum Level {
    PRIMARY(level.LEVEL_PRIMARY),
    L1(level.LEVEL_1),
    L2(level.LEVEL_2),
    L3(level.LEVEL_3),
    PHARMACY(level.LEVEL_PHARMACY);

    private final int code;

    Level(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Level fromCode(int code) {
        return Enums.fromCode(values(), code, Level::code, "level");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.level_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Level fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_LEVEL, Level::code, "level");
    }
}
