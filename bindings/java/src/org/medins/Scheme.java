package org.medins;

import org.medins.swig.medins;
import org.medins.swig.scheme;
import org.medins.swig.words;

/** Insurance scheme. */
public enum Scheme {
    EMPLOYEE(scheme.SCHEME_EMPLOYEE),
    RESIDENT(scheme.SCHEME_RESIDENT);

    private final int code;

    Scheme(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Scheme fromCode(int code) {
        return Enums.fromCode(values(), code, Scheme::code, "scheme");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.scheme_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Scheme fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_SCHEME, Scheme::code, "scheme");
    }
}
