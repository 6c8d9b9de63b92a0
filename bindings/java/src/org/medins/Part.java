package org.medins;

import org.medins.swig.part;

/** What an explanation line's amount is. */
public enum Part {
    /** fully self-paid items: patient */
    SELF_PAID(part.PART_SELF_PAID),
    /** category-B first self-pay (增负): patient */
    CATEGORY_B(part.PART_CATEGORY_B),
    /** deductible: patient */
    DEDUCTIBLE(part.PART_DEDUCTIBLE),
    /** basic fund share of one cost segment */
    FUND(part.PART_FUND),
    /** patient's share of one cost segment */
    COINSURANCE(part.PART_COINSURANCE),
    /** fund payment withheld by the annual maximum: patient */
    OVER_CAP(part.PART_OVER_CAP),
    /** major-disease / large-amount layer */
    MAJOR_DISEASE(part.PART_MAJOR_DISEASE),
    /** medical assistance */
    ASSISTANCE(part.PART_ASSISTANCE),
    /** what the patient pays in all */
    PATIENT(part.PART_PATIENT),
    /** of which from the individual account */
    ACCOUNT(part.PART_ACCOUNT),
    /** a figure that explains but moves no money (a cap, a carry-over) */
    INFO(part.PART_INFO),
    /** a contribution share (individual, government, employer) */
    CONTRIBUTION(part.PART_CONTRIBUTION),
    /** a benefit payment (maternity, capitation, account credit) */
    BENEFIT(part.PART_BENEFIT),
    /** a supplementary fund (大额医疗费用互助, 附加基金) */
    SUPPLEMENTARY(part.PART_SUPPLEMENTARY);

    private final int code;

    Part(int code) {
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
     * The library's name for it (medins_part_name), as JSON and the other bindings write it.
     *
     * @return the name, such as {@code major_disease}
     */
    public String word() {
        return org.medins.swig.medins.part_name(code);
    }

    /**
     * The value with that C code.
     *
     * @param code a value of the C enumeration
     * @return the constant with that code
     * @throws IllegalArgumentException for an unknown code
     */
    public static Part fromCode(int code) {
        return Enums.fromCode(values(), code, Part::code, "part");
    }
}
