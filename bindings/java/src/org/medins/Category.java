package org.medins;

import org.medins.swig.category;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Insured category; each belongs to one scheme. */
public enum Category {
    IN_SERVICE(category.CATEGORY_IN_SERVICE),
    RETIRED(category.CATEGORY_RETIRED),
    ADULT(category.CATEGORY_ADULT),
    STUDENT_CHILD(category.CATEGORY_STUDENT_CHILD);

    private final int code;

    Category(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Category fromCode(int code) {
        return Enums.fromCode(values(), code, Category::code, "category");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.category_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Category fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_CATEGORY, Category::code, "category");
    }
}
