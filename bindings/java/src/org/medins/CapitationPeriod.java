package org.medins;

import org.medins.swig.capitation_period;

/** The unit a per-head rate is for. */
public enum CapitationPeriod {
    /** {@code month}: the rate is per patient per calendar month */
    MONTH(capitation_period.CAPITATION_MONTH),
    /** {@code year}: the rate is per patient per calendar year */
    YEAR(capitation_period.CAPITATION_YEAR);

    private final int code;

    CapitationPeriod(int code) {
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
    public static CapitationPeriod fromCode(int code) {
        return Enums.fromCode(values(), code, CapitationPeriod::code, "capitation period");
    }
}
