package org.medins;

import org.medins.swig.Field;
import org.medins.swig.layout;
import org.medins.swig.medins;

/**
 * The packed long[] layouts the native helpers use (bindings/java/medins_java.i, moving the
 * structs with bindings/layout.i): one slot per field of the C struct, in the library's order,
 * which the library describes (medins/layout.h). The classes here find each field's slot by its
 * name when they load, so that no slot number is written in Java: a field the library does not
 * have is an IllegalStateException at class load, not a value read from the wrong slot.
 */
final class Packed {
    static final int PERSON = layout.LAYOUT_PERSON;
    static final int CLAIM = layout.LAYOUT_CLAIM;
    static final int LEDGER = layout.LAYOUT_LEDGER;
    static final int SETTLEMENT = layout.LAYOUT_SETTLEMENT;
    static final int EMPLOYEE = layout.LAYOUT_EMPLOYEE_INPUT;
    static final int ACCOUNT_INPUT = layout.LAYOUT_ACCOUNT_INPUT;
    static final int MATERNITY_INPUT = layout.LAYOUT_MATERNITY_INPUT;
    static final int CAPITATION_INPUT = layout.LAYOUT_CAPITATION_INPUT;
    static final int CONTRIBUTION = layout.LAYOUT_CONTRIBUTION_FIGURES;
    static final int ACCOUNT = layout.LAYOUT_ACCOUNT_FIGURES;
    static final int MATERNITY = layout.LAYOUT_MATERNITY_FIGURES;
    static final int CAPITATION = layout.LAYOUT_CAPITATION_FIGURES;
    static final int YEAR_TO_DATE = layout.LAYOUT_YEAR_TO_DATE;
    static final int ITEM = layout.LAYOUT_ITEM;
    static final int ITEM_SPLIT = layout.LAYOUT_ITEM_SPLIT;
    static final int SETLINFO = layout.LAYOUT_SETLINFO;
    static final int SETLDETAIL = layout.LAYOUT_SETLDETAIL;

    /*
     * Policy.settleFigures's one buffer: person, claim and ledger one after the other, then the
     * figures (the order medins_java_settle_figures reads and writes).
     */
    static final int IO_CLAIM = size(PERSON);
    static final int IO_LEDGER = IO_CLAIM + size(CLAIM);
    static final int IO_FIGURES = IO_LEDGER + size(LEDGER);
    static final int IO_SIZE = IO_FIGURES + size(SETTLEMENT);

    private Packed() {
    }

    /** The slots of a layout: its fields. */
    static int size(int layout) {
        return (int) medins.layout_field_count(layout);
    }

    /** The slot of the field called {@code name} in a layout. */
    static int slot(int layout, String name) {
        int n = size(layout);
        for (int i = 0; i < n; i++) {
            Field f = medins.layout_field(layout, i);
            if (f.getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(medins.layout_name(layout) + " has no field " + name
                + " in the native library: binding out of date");
    }

    /** The slots of the fields called {@code names}, in that order. */
    static int[] slots(int layout, String... names) {
        int[] s = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            s[i] = slot(layout, names[i]);
        }
        return s;
    }

    /** A packed layout with {@code values[i]} in slot {@code slots[i]}, every other slot 0. */
    static long[] pack(int layout, int[] slots, long... values) {
        long[] p = of(layout);
        for (int i = 0; i < slots.length; i++) {
            p[slots[i]] = values[i];
        }
        return p;
    }

    static long[] of(int layout) {
        return new long[size(layout)];
    }

    /** A settleFigures buffer with the person and the claim in place (the ledger goes in later). */
    static long[] settleBuffer(long[] person, long[] claim) {
        long[] io = new long[IO_SIZE];
        System.arraycopy(person, 0, io, 0, IO_CLAIM);
        System.arraycopy(claim, 0, io, IO_CLAIM, IO_LEDGER - IO_CLAIM);
        return io;
    }
}
