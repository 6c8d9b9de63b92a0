package org.medins;

import org.medins.swig.medins;

/**
 * The packed long[] layouts the native helpers use (bindings/java/medins_java.i): one slot per
 * struct field, in the struct's order. The layout numbers and sizes are checked against the
 * native side when this class loads, so the two cannot drift apart silently.
 */
final class Packed {
    static final int PERSON = 0;
    static final int CLAIM = 1;
    static final int LEDGER = 2;
    static final int SETTLEMENT = 3;
    static final int EMPLOYEE = 4;
    static final int ACCOUNT_INPUT = 5;
    static final int MATERNITY_INPUT = 6;
    static final int CAPITATION_INPUT = 7;
    static final int CONTRIBUTION = 8;
    static final int ACCOUNT = 9;
    static final int MATERNITY = 10;
    static final int CAPITATION = 11;

    private static final int[] SIZES = {6, 8, 24, 17, 2, 5, 5, 7, 17, 10, 7, 15};

    static {
        for (int i = 0; i < SIZES.length; i++) {
            int n = medins.java_layout_size(i);
            if (n != SIZES[i]) {
                throw new IllegalStateException("packed layout " + i + " has " + n
                        + " fields natively, " + SIZES[i] + " in Java: binding out of date");
            }
        }
    }

    /*
     * Policy.settleFigures's one buffer: person, claim and ledger one after the other, then the
     * figures (the order medins_java_settle_figures reads and writes).
     */
    static final int IO_CLAIM = SIZES[PERSON];
    static final int IO_LEDGER = IO_CLAIM + SIZES[CLAIM];
    static final int IO_FIGURES = IO_LEDGER + SIZES[LEDGER];
    static final int IO_SIZE = IO_FIGURES + SIZES[SETTLEMENT];

    private Packed() {
    }

    static long[] of(int layout) {
        return new long[SIZES[layout]];
    }

    /** A settleFigures buffer with the person and the claim in place (the ledger goes in later). */
    static long[] settleBuffer(long[] person, long[] claim) {
        long[] io = new long[IO_SIZE];
        System.arraycopy(person, 0, io, 0, IO_CLAIM);
        System.arraycopy(claim, 0, io, IO_CLAIM, IO_LEDGER - IO_CLAIM);
        return io;
    }
}
