package org.medins;

import org.medins.swig.section;
import org.medins.swig.medins;

/** The sections a policy may have. */
public enum Section {
    CONTRIBUTIONS(section.SECTION_CONTRIBUTIONS),
    OUTPATIENT(section.SECTION_OUTPATIENT),
    PHARMACY(section.SECTION_PHARMACY),
    OUTPATIENT_POOLING(section.SECTION_OUTPATIENT_POOLING),
    SPECIAL_DISEASE(section.SECTION_SPECIAL_DISEASE),
    INPATIENT(section.SECTION_INPATIENT),
    MAJOR_DISEASE(section.SECTION_MAJOR_DISEASE),
    ASSISTANCE(section.SECTION_ASSISTANCE),
    MATERNITY(section.SECTION_MATERNITY),
    CAPITATION(section.SECTION_CAPITATION),
    ACCOUNTS(section.SECTION_ACCOUNTS);

    private final int code;

    Section(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Section fromCode(int code) {
        return Enums.fromCode(values(), code, Section::code, "section");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.section_name(code);
    }

    /** The value a policy-file word names. @throws IllegalArgumentException for an unknown word */
    public static Section fromWord(String word) {
        return Enums.fromWord(values(), word, Section::word, "section");
    }
}
