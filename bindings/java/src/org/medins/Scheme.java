package org.medins;

import org.medins.swig.medins;
import org.medins.swig.scheme;
import org.medins.swig.words;

/** Insurance scheme. */
public enum Scheme {
    /** {@code employee}: employee basic medical insurance (职工医保) */
    EMPLOYEE(scheme.SCHEME_EMPLOYEE),
    /** {@code resident}: urban and rural residents' insurance (城乡居民医保) */
    RESIDENT(scheme.SCHEME_RESIDENT);

    private final int code;

    Scheme(int code) {
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
    public static Scheme fromCode(int code) {
        return Enums.fromCode(values(), code, Scheme::code, "scheme");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code employee} for {@link #EMPLOYEE}
     */
    public String word() {
        return medins.scheme_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Scheme fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_SCHEME, Scheme::code, "scheme");
    }
}
