package org.medins;

import org.medins.swig.medins;
import org.medins.swig.status;

/** Status codes of the C library (medins_status); values come from the library itself. */
public enum Status {
    /** success */
    OK(status.OK),
    /** out of memory */
    NOMEM(status.ERR_NOMEM),
    /** a NULL or out-of-range argument */
    ARGUMENT(status.ERR_ARGUMENT),
    /** a file or directory could not be read */
    IO(status.ERR_IO),
    /** an amount above MEDINS_FEN_MAX, or a sum that would overflow */
    OVERFLOW(status.ERR_OVERFLOW),
    /** an output buffer is too small */
    BUFFER(status.ERR_BUFFER),
    /** YAML syntax error */
    YAML(status.ERR_YAML),
    /** file size, nesting depth, node count or alias limit exceeded */
    LIMIT(status.ERR_LIMIT),
    /** a key the format does not define */
    UNKNOWN_KEY(status.ERR_UNKNOWN_KEY),
    /** wrong kind of node (mapping / sequence / scalar) or an unknown enum word */
    TYPE(status.ERR_TYPE),
    /** a required key is absent */
    MISSING(status.ERR_MISSING),
    /** a ratio outside 0-100%, a negative amount, an empty range */
    RANGE(status.ERR_RANGE),
    /** an amount, ratio or date that does not parse ("1,100", "55 %") */
    SYNTAX(status.ERR_SYNTAX),
    /** cost segments not ascending, overlapping or leaving a gap */
    SEGMENTS(status.ERR_SEGMENTS),
    /** two policies of one region in force on the same day */
    OVERLAP(status.ERR_OVERLAP),
    /** the base policy does not exist */
    BASE(status.ERR_BASE),
    /** bases form a cycle */
    CYCLE(status.ERR_CYCLE),
    /** a value with neither a source nor {@code assumed}, or an unknown source id */
    CITATION(status.ERR_CITATION),
    /** a key or id given twice */
    DUPLICATE(status.ERR_DUPLICATE),
    /** no policy of that region is in force on that date */
    NO_POLICY(status.ERR_NO_POLICY),
    /** the policy has no section (or no row) for this computation */
    NOT_COVERED(status.ERR_NOT_COVERED),
    /** inconsistent person (category of another scheme, unknown tier or group) */
    PERSON(status.ERR_PERSON),
    /** inconsistent claim (negative amount, parts larger than the total) */
    CLAIM(status.ERR_CLAIM),
    /** unknown claim kind */
    KIND(status.ERR_KIND),
    /** unknown hospital level */
    LEVEL(status.ERR_LEVEL),
    /** not a calendar date, or outside the policy / period */
    DATE(status.ERR_DATE),
    /** a claim earlier than the ledger's last one */
    ORDER(status.ERR_ORDER),
    /** the ledger belongs to another year than the claim */
    LEDGER_YEAR(status.ERR_LEDGER_YEAR),
    /** a corrupt or unknown-version ledger */
    LEDGER(status.ERR_LEDGER),
    /** the result is not the ledger's most recent settlement */
    REVERSE(status.ERR_REVERSE),
    /** a malformed or unknown-version settlement record */
    RECORD(status.ERR_RECORD),
    /** invalid computation input (a negative wage, an unknown delivery type...) */
    INPUT(status.ERR_INPUT),
    /** enrolment dates out of order or outside the period */
    ENROLMENT(status.ERR_ENROLMENT),
    /** some claims of a batch failed; see the per-claim status array */
    BATCH(status.ERR_BATCH),
    /** A code this binding does not know (a newer library). */
    UNKNOWN(Integer.MIN_VALUE);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /**
     * The C status value.
     *
     * @return 0 for {@link #OK}, a negative code otherwise
     */
    public int code() {
        return code;
    }

    /**
     * The C enumerator's name.
     *
     * @return the name, such as {@code "MEDINS_ERR_RANGE"}
     */
    public String cName() {
        return medins.status_name(code);
    }

    /**
     * A short English description, from the library.
     *
     * @return the description
     */
    public String describe() {
        return medins.status_describe(code);
    }

    /**
     * The family the library puts this status in, the same in every binding (Python raises one
     * exception class for each): medins_status_kind_name of medins_status_kind_of.
     *
     * @return "argument", "policy", "no_policy", "not_covered", "person", "claim", "ledger",
     *     "input" or "batch"; "none" for {@link #OK} and {@link #UNKNOWN}
     */
    public String kind() {
        return kindOf(code);
    }

    static String kindOf(int code) {
        return medins.status_kind_name(medins.status_kind_of(code));
    }

    /**
     * The status with that code.
     *
     * @param code a C status value
     * @return the status, or {@link #UNKNOWN} for a code this binding does not know
     */
    public static Status fromCode(int code) {
        for (Status s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
