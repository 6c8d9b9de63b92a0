package org.medins;

import org.medins.swig.result_kind;

/** What a result is of. */
public enum ResultKind {
    SETTLEMENT(result_kind.RESULT_SETTLEMENT),
    CONTRIBUTION(result_kind.RESULT_CONTRIBUTION),
    MATERNITY(result_kind.RESULT_MATERNITY),
    CAPITATION(result_kind.RESULT_CAPITATION),
    ACCOUNT(result_kind.RESULT_ACCOUNT);

    private final int code;

    ResultKind(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static ResultKind fromCode(int code) {
        return Enums.fromCode(values(), code, ResultKind::code, "result kind");
    }
}
