package org.medins;

import org.medins.swig.medins;
import org.medins.swig.status;

/** Status codes of the C library (medins_status); values come from the library itself. */
public enum Status {
    OK(status.OK),
    NOMEM(status.ERR_NOMEM),
    ARGUMENT(status.ERR_ARGUMENT),
    IO(status.ERR_IO),
    OVERFLOW(status.ERR_OVERFLOW),
    BUFFER(status.ERR_BUFFER),
    YAML(status.ERR_YAML),
    LIMIT(status.ERR_LIMIT),
    UNKNOWN_KEY(status.ERR_UNKNOWN_KEY),
    TYPE(status.ERR_TYPE),
    MISSING(status.ERR_MISSING),
    RANGE(status.ERR_RANGE),
    SYNTAX(status.ERR_SYNTAX),
    SEGMENTS(status.ERR_SEGMENTS),
    OVERLAP(status.ERR_OVERLAP),
    BASE(status.ERR_BASE),
    CYCLE(status.ERR_CYCLE),
    CITATION(status.ERR_CITATION),
    DUPLICATE(status.ERR_DUPLICATE),
    NO_POLICY(status.ERR_NO_POLICY),
    NOT_COVERED(status.ERR_NOT_COVERED),
    PERSON(status.ERR_PERSON),
    CLAIM(status.ERR_CLAIM),
    KIND(status.ERR_KIND),
    LEVEL(status.ERR_LEVEL),
    DATE(status.ERR_DATE),
    ORDER(status.ERR_ORDER),
    LEDGER_YEAR(status.ERR_LEDGER_YEAR),
    LEDGER(status.ERR_LEDGER),
    REVERSE(status.ERR_REVERSE),
    INPUT(status.ERR_INPUT),
    ENROLMENT(status.ERR_ENROLMENT),
    BATCH(status.ERR_BATCH),
    /** A code this binding does not know (a newer library). */
    UNKNOWN(Integer.MIN_VALUE);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The C status value (0 or negative). */
    public int code() {
        return code;
    }

    /** The C enumerator's name ("MEDINS_ERR_RANGE"). */
    public String cName() {
        return medins.status_name(code);
    }

    /** A short English description, from the library. */
    public String describe() {
        return medins.status_describe(code);
    }

    /** The status with that code, or {@link #UNKNOWN}. */
    public static Status fromCode(int code) {
        for (Status s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
