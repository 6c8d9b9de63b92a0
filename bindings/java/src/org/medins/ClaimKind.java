package org.medins;

import org.medins.swig.claim_kind;
import org.medins.swig.medins;
import org.medins.swig.words;

/** What kind of care a claim is for. */
public enum ClaimKind {
    OUTPATIENT(claim_kind.CLAIM_OUTPATIENT),
    POOLING(claim_kind.CLAIM_POOLING),
    SPECIAL_DISEASE(claim_kind.CLAIM_SPECIAL_DISEASE),
    INPATIENT(claim_kind.CLAIM_INPATIENT),
    PHARMACY(claim_kind.CLAIM_PHARMACY);

    private final int code;

    ClaimKind(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static ClaimKind fromCode(int code) {
        return Enums.fromCode(values(), code, ClaimKind::code, "claim kind");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.claim_kind_name(code);
    }

    /**
     * The value a word names: its policy-file word in any case, or its Chinese name.
     * @throws IllegalArgumentException for an unknown word, with a message listing the words
     */
    public static ClaimKind fromWord(String word) {
        return Enums.fromWord(values(), word, words.WORDS_CLAIM_KIND, ClaimKind::code,
                "claim kind");
    }
}
