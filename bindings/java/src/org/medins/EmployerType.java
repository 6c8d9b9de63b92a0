package org.medins;

import org.medins.swig.employer_type;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Kind of employer, which selects the employee contribution rates. */
public enum EmployerType {
    /** {@code enterprise}: enterprise (企业) */
    ENTERPRISE(employer_type.EMPLOYER_ENTERPRISE),
    /** {@code civil_service}: civil service and units managed like it */
    CIVIL_SERVICE(employer_type.EMPLOYER_CIVIL_SERVICE),
    /** {@code difficulty}: enterprise in difficulty (困难企业) */
    DIFFICULTY(employer_type.EMPLOYER_DIFFICULTY),
    /** {@code individual_business}: individual business (个体工商户) */
    INDIVIDUAL_BUSINESS(employer_type.EMPLOYER_INDIVIDUAL_BUSINESS);

    private final int code;

    EmployerType(int code) {
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
    public static EmployerType fromCode(int code) {
        return Enums.fromCode(values(), code, EmployerType::code, "employer type");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code enterprise} for {@link #ENTERPRISE}
     */
    public String word() {
        return medins.employer_type_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static EmployerType fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_EMPLOYER_TYPE, EmployerType::code,
                "employer type");
    }
}
