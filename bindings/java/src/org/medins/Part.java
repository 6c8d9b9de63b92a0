package org.medins;

import org.medins.swig.part;

/** What an explanation line's amount is. */
public enum Part {
    SELF_PAID(part.PART_SELF_PAID),
    CATEGORY_B(part.PART_CATEGORY_B),
    DEDUCTIBLE(part.PART_DEDUCTIBLE),
    FUND(part.PART_FUND),
    COINSURANCE(part.PART_COINSURANCE),
    OVER_CAP(part.PART_OVER_CAP),
    MAJOR_DISEASE(part.PART_MAJOR_DISEASE),
    ASSISTANCE(part.PART_ASSISTANCE),
    PATIENT(part.PART_PATIENT),
    ACCOUNT(part.PART_ACCOUNT),
    INFO(part.PART_INFO),
    CONTRIBUTION(part.PART_CONTRIBUTION),
    BENEFIT(part.PART_BENEFIT);

    private final int code;

    Part(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Part fromCode(int code) {
        return Enums.fromCode(values(), code, Part::code, "part");
    }
}
