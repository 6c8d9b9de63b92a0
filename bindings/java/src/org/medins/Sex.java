package org.medins;

import org.medins.swig.medins;
import org.medins.swig.sex;
import org.medins.swig.words;

/** A person's sex, as policies that select on it read it. */
public enum Sex {
    /** {@code unknown}: not given; a settlement whose rows read the sex then fails */
    UNKNOWN(sex.SEX_UNKNOWN),
    /** {@code male} (男) */
    MALE(sex.SEX_MALE),
    /** {@code female} (女) */
    FEMALE(sex.SEX_FEMALE);

    private final int code;

    Sex(int code) {
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
    public static Sex fromCode(int code) {
        return Enums.fromCode(values(), code, Sex::code, "sex");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code female} for {@link #FEMALE}
     */
    public String word() {
        return medins.sex_name(code);
    }

    /**
     * The value a word names: its word in any case, or its Chinese name (男, 女).
     *
     * @param word the word to read
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Sex fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_SEX, Sex::code, "sex");
    }
}
