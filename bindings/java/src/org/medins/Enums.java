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
