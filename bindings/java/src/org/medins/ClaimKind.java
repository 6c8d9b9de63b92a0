package org.medins;

import org.medins.swig.claim_kind;
import org.medins.swig.medins;
import org.medins.swig.words;

/** What kind of care a claim is for. */
public enum ClaimKind {
    /** {@code outpatient}: outpatient / emergency visit (门急诊) */
    OUTPATIENT(claim_kind.CLAIM_OUTPATIENT),
    /** {@code pooling}: general outpatient pooling visit (普通门诊统筹) */
    POOLING(claim_kind.CLAIM_POOLING),
    /** {@code special_disease}: outpatient special disease (门特) */
    SPECIAL_DISEASE(claim_kind.CLAIM_SPECIAL_DISEASE),
    /** {@code inpatient}: an inpatient admission (住院) */
    INPATIENT(claim_kind.CLAIM_INPATIENT),
    /** {@code pharmacy}: a purchase at a designated retail pharmacy */
    PHARMACY(claim_kind.CLAIM_PHARMACY);

    private final int code;

    ClaimKind(int code) {
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
    public static ClaimKind fromCode(int code) {
        return Enums.fromCode(values(), code, ClaimKind::code, "claim kind");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code outpatient} for {@link #OUTPATIENT}
     */
    public String word() {
        return medins.claim_kind_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     *
     * @param word the word to read ("-" may stand for "_")
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static ClaimKind fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_CLAIM_KIND, ClaimKind::code,
                "claim kind");
    }
}
