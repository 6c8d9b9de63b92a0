package org.medins;

/**
 * The figures of a maternity payment, in fen (the ratio in basis points).
 * total = delivery + prenatal + complication.
 */
public record MaternityFigures(long delivery, long prenatalLimit, long prenatal,
                               int complicationRatio, long complication, long total,
                               boolean assumed) {
    static MaternityFigures of(long[] f) {
        return new MaternityFigures(f[0], f[1], f[2], (int) f[3], f[4], f[5], f[6] != 0);
    }
}
