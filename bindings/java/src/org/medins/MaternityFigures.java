package org.medins;

/**
 * The figures of a maternity payment, in fen (the ratio in basis points).
 * total = delivery + prenatal + complication.
 *
 * @param delivery the flat payment for the delivery, in fen
 * @param prenatalLimit the prenatal-care limit for the weeks, 0 when the policy has none, in fen
 * @param prenatal prenatal costs paid: min(costs, limit), in fen
 * @param complicationRatio 0 when the policy reimburses no complication costs, in basis points
 * @param complication complication costs x ratio, rounded half-up, in fen
 * @param total the fund's payment, in fen
 * @param assumed true when an assumed value was used
 */
public record MaternityFigures(long delivery, long prenatalLimit, long prenatal,
                               int complicationRatio, long complication, long total,
                               boolean assumed) {
    /* The packed slots of the components, in their order. */
    private static final int[] S = Packed.slots(Packed.MATERNITY, "delivery", "prenatal_limit",
            "prenatal", "complication_ratio", "complication", "total", "assumed");

    static MaternityFigures of(long[] f) {
        return new MaternityFigures(f[S[0]], f[S[1]], f[S[2]], (int) f[S[3]], f[S[4]], f[S[5]],
                f[S[6]] != 0);
    }
}
