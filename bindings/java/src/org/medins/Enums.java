package org.medins;

import java.util.function.ToIntFunction;

/** Lookups shared by the enums that mirror the C enumerations. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> E fromCode(E[] values, int code, ToIntFunction<E> codeOf, String what) {
        for (E e : values) {
            if (codeOf.applyAsInt(e) == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + what + " has code " + code);
    }

    /**
     * The value the library's word parser (medins_word_parse) reads in {@code word} for the
     * enumeration {@code words}: the policy-file word in any case, or its Chinese name, as C and
     * the {@code medins} command read it. An unknown word is an IllegalArgumentException with
     * the library's message, which lists the words.
     */
    static <E extends Enum<E>> E fromWord(E[] values, String word, int words,
                                          ToIntFunction<E> codeOf, String what) {
        java.util.Objects.requireNonNull(word, "word");
        int code;
        try {
            code = org.medins.swig.medins.word_parse(words, word);
        } catch (MedinsException e) {
            throw new IllegalArgumentException(e.detail(), e);
        }
        return fromCode(values, code, codeOf, what);
    }

    static <E extends Enum<E>> E fromWord(E[] values, String word, java.util.function.Function<E, String> wordOf,
                                          String what) {
        java.util.Objects.requireNonNull(word, "word");
        for (E e : values) {
            if (wordOf.apply(e).equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + what + " is called \"" + word + "\"");
    }
}
