package org.medins;

import org.medins.swig.category;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Insured category; each belongs to one scheme. */
public enum Category {
    /** {@code in_service}: employee in service (在职) */
    IN_SERVICE(category.CATEGORY_IN_SERVICE),
    /** {@code retired}: retired employee (退休); age band from the birth date */
    RETIRED(category.CATEGORY_RETIRED),
    /** {@code adult}: adult resident, who chooses a contribution tier */
    ADULT(category.CATEGORY_ADULT),
    /** {@code student_child}: student or child resident (学生儿童) */
    STUDENT_CHILD(category.CATEGORY_STUDENT_CHILD);

    private final int code;

    Category(int code) {
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
    public static Category fromCode(int code) {
        return Enums.fromCode(values(), code, Category::code, "category");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code in_service} for {@link #IN_SERVICE}
     */
    public String word() {
        return medins.category_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Category fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_CATEGORY, Category::code, "category");
    }
}
