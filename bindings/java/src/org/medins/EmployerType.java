package org.medins;

import org.medins.swig.employer_type;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Kind of employer, which selects the employee contribution rates. */
public enum EmployerType {
    ENTERPRISE(employer_type.EMPLOYER_ENTERPRISE),
    CIVIL_SERVICE(employer_type.EMPLOYER_CIVIL_SERVICE),
    DIFFICULTY(employer_type.EMPLOYER_DIFFICULTY),
    INDIVIDUAL_BUSINESS(employer_type.EMPLOYER_INDIVIDUAL_BUSINESS);

    private final int code;

    EmployerType(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static EmployerType fromCode(int code) {
        return Enums.fromCode(values(), code, EmployerType::code, "employer type");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.employer_type_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static EmployerType fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_EMPLOYER_TYPE, EmployerType::code,
                "employer type");
    }
}
