package org.medins;

import org.medins.swig.result_kind;

/** What a result is of. */
public enum ResultKind {
    /** a claim settlement (medins_settle) */
    SETTLEMENT(result_kind.RESULT_SETTLEMENT),
    /** a contribution (medins_contribution) */
    CONTRIBUTION(result_kind.RESULT_CONTRIBUTION),
    /** a maternity payment (medins_maternity) */
    MATERNITY(result_kind.RESULT_MATERNITY),
    /** a per-head payment settlement (medins_capitation) */
    CAPITATION(result_kind.RESULT_CAPITATION),
    /** an individual-account credit (medins_account) */
    ACCOUNT(result_kind.RESULT_ACCOUNT);

    private final int code;

    ResultKind(int code) {
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
     * The library's name for it (medins_result_kind_name), as JSON and the other bindings write it.
     *
     * @return the name, such as {@code settlement}
     */
    public String word() {
        return org.medins.swig.medins.result_kind_name(code);
    }

    /**
     * The value with that C code.
     *
     * @param code a value of the C enumeration
     * @return the constant with that code
     * @throws IllegalArgumentException for an unknown code
     */
    public static ResultKind fromCode(int code) {
        return Enums.fromCode(values(), code, ResultKind::code, "result kind");
    }
}
