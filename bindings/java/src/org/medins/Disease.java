package org.medins;

import org.medins.swig.disease;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Outpatient special diseases paid per head. */
public enum Disease {
    /** {@code diabetes}: diabetes (糖尿病) */
    DIABETES(disease.DISEASE_DIABETES),
    /** {@code dialysis}: renal dialysis (透析) */
    DIALYSIS(disease.DISEASE_DIALYSIS),
    /** {@code haemophilia}: haemophilia (血友病) */
    HAEMOPHILIA(disease.DISEASE_HAEMOPHILIA),
    /** {@code hemiplegia}: hemiplegia (偏瘫) */
    HEMIPLEGIA(disease.DISEASE_HEMIPLEGIA),
    /** {@code pulmonary_heart}: pulmonary heart disease (肺心病) */
    PULMONARY_HEART(disease.DISEASE_PULMONARY_HEART);

    private final int code;

    Disease(int code) {
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
    public static Disease fromCode(int code) {
        return Enums.fromCode(values(), code, Disease::code, "disease");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code diabetes} for {@link #DIABETES}
     */
    public String word() {
        return medins.disease_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Disease fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_DISEASE, Disease::code, "disease");
    }
}
