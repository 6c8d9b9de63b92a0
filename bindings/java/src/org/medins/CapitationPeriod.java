package org.medins;

import org.medins.swig.capitation_period;

/** The unit a per-head rate is for. */
public enum CapitationPeriod {
    MONTH(capitation_period.CAPITATION_MONTH),
    YEAR(capitation_period.CAPITATION_YEAR);

    private final int code;

    CapitationPeriod(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static CapitationPeriod fromCode(int code) {
        return Enums.fromCode(values(), code, CapitationPeriod::code, "capitation period");
    }
}
