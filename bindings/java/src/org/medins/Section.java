package org.medins;

import org.medins.swig.section;
import org.medins.swig.medins;

/** The sections a policy may have. */
public enum Section {
    /** {@code contributions}: residents' and employees' contributions */
    CONTRIBUTIONS(section.SECTION_CONTRIBUTIONS),
    /** {@code outpatient}: settles outpatient / emergency claims */
    OUTPATIENT(section.SECTION_OUTPATIENT),
    /** {@code pharmacy}: settles designated retail pharmacy claims */
    PHARMACY(section.SECTION_PHARMACY),
    /** {@code outpatient_pooling}: settles pooling claims */
    OUTPATIENT_POOLING(section.SECTION_OUTPATIENT_POOLING),
    /** {@code special_disease}: settles outpatient special disease claims */
    SPECIAL_DISEASE(section.SECTION_SPECIAL_DISEASE),
    /** {@code inpatient}: settles inpatient claims */
    INPATIENT(section.SECTION_INPATIENT),
    /** {@code major_disease}: major-disease / large-amount layer */
    MAJOR_DISEASE(section.SECTION_MAJOR_DISEASE),
    /** {@code assistance}: medical-assistance layer */
    ASSISTANCE(section.SECTION_ASSISTANCE),
    /** {@code maternity}: delivery, prenatal and complication payments */
    MATERNITY(section.SECTION_MATERNITY),
    /** {@code capitation}: per-head payment to institutions */
    CAPITATION(section.SECTION_CAPITATION),
    /** {@code accounts}: employees' individual-account credits */
    ACCOUNTS(section.SECTION_ACCOUNTS),
    /** {@code bills}: how itemised bills are split */
    BILLS(section.SECTION_BILLS);

    private final int code;

    Section(int code) {
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
    public static Section fromCode(int code) {
        return Enums.fromCode(values(), code, Section::code, "section");
    }

    /**
     * The word policy files use for it (as the library names it).
     *
     * @return the word, such as {@code contributions} for {@link #CONTRIBUTIONS}
     */
    public String word() {
        return medins.section_name(code);
    }

    /**
     * The value a policy-file word names.
     *
     * @param word a word of the policy-file format
     * @return the constant the word names
     * @throws IllegalArgumentException for an unknown word
     */
    public static Section fromWord(String word) {
        return Enums.fromWord(values(), word, Section::word, "section");
    }
}
