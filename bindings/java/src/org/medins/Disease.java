package org.medins;

import org.medins.swig.disease;
import org.medins.swig.medins;
import org.medins.swig.words;

/** Outpatient special diseases paid per head. */
public enum Disease {
    DIABETES(disease.DISEASE_DIABETES),
    DIALYSIS(disease.DISEASE_DIALYSIS),
    HAEMOPHILIA(disease.DISEASE_HAEMOPHILIA),
    HEMIPLEGIA(disease.DISEASE_HEMIPLEGIA),
    PULMONARY_HEART(disease.DISEASE_PULMONARY_HEART);

    private final int code;

    Disease(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Disease fromCode(int code) {
        return Enums.fromCode(values(), code, Disease::code, "disease");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.disease_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static Disease fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_DISEASE, Disease::code, "disease");
    }
}
