package org.medins;

import org.medins.swig.pool;

/** Ledger benefit pools: each has its own deductible, running position and annual maximum. */
public enum Pool {
    /** {@code outpatient}: outpatient / emergency care and pharmacy purchases */
    OUTPATIENT(pool.POOL_OUTPATIENT),
    /** {@code pooling}: general outpatient pooling visits */
    POOLING(pool.POOL_POOLING),
    /** {@code inpatient}: inpatient admissions and outpatient special diseases */
    INPATIENT(pool.POOL_INPATIENT);

    private final int code;

    Pool(int code) {
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
     * The library's name for it (medins_pool_name), as JSON and the other bindings write it.
     *
     * @return the name, such as {@code inpatient}
     */
    public String word() {
        return org.medins.swig.medins.pool_name(code);
    }

    /**
     * The value with that C code.
     *
     * @param code a value of the C enumeration
     * @return the constant with that code
     * @throws IllegalArgumentException for an unknown code
     */
    public static Pool fromCode(int code) {
        return Enums.fromCode(values(), code, Pool::code, "pool");
    }
}
