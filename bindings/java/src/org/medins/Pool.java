package org.medins;

import org.medins.swig.pool;

/** Ledger benefit pools: each has its own deductible, running position and annual maximum. */
public enum Pool {
    OUTPATIENT(pool.POOL_OUTPATIENT),
    POOLING(pool.POOL_POOLING),
    INPATIENT(pool.POOL_INPATIENT);

    private final int code;

    Pool(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Pool fromCode(int code) {
        return Enums.fromCode(values(), code, Pool::code, "pool");
    }
}
