package org.medins;

import org.medins.swig.level;
import org.medins.swig.medins;

/** Where care is given. */
public enum Level {
    PRIMARY(level.LEVEL_PRIMARY),
    L1(level.LEVEL_1),
    L2(level.LEVEL_2),
    L3(level.LEVEL_3),
    PHARMACY(level.LEVEL_PHARMACY);

    private final int code;

    Level(int code) {
        this.code = code;
    }

    /** The C enumerator's value. */
    public int code() {
        return code;
    }

    /** The value with that C code. @throws IllegalArgumentException for an unknown code */
    public static Level fromCode(int code) {
        return Enums.fromCode(values(), code, Level::code, "level");
    }

    /** The word policy files use for it (as the library names it). */
    public String word() {
        return medins.level_name(code);
    }

    /** The value a policy-file word names. @throws IllegalArgumentException for an unknown word */
    public static Level fromWord(String word) {
        return Enums.fromWord(values(), word, Level::word, "level");
    }
}
