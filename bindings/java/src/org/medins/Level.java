package org.medins;

import org.medins.swig.level;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Where care is given. */
public enum Level {
    /** {@code primary}: grass-roots / primary institution (基层) */
    PRIMARY(level.LEVEL_PRIMARY),
    /** {@code l1}: level-1 hospital (一级) */
    L1(level.LEVEL_1),
    /** {@code l2}: level-2 hospital (二级) */
    L2(level.LEVEL_2),
    /** {@code l3}: level-3 hospital (三级) */
    L3(level.LEVEL_3),
    /** {@code pharmacy}: designated retail pharmacy (定点零售药店) */
    PHARMACY(level.LEVEL_PHARMACY);

    private final int code;

    Level(int code) {
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
    public static Level fromCode(int code) {
        return Enums.fromCode(values(), code, Level::code, "level");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code primary} for {@link #PRIMARY}
     */
    public String word() {
        return medins.level_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Level fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_LEVEL, Level::code, "level");
    }
}
