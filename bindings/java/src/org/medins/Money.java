package org.medins;

import org.medins.swig.medins;

/** Exact money as the library reads and writes it: fen (long) and basis points (int). */
public final class Money {
    /** The largest amount the library accepts, in fen (10^14 fen, one trillion yuan). */
    public static final long MAX = 100_000_000_000_000L;

    private Money() {
    }

    /**
     * Yuan text to fen: "1100.50" is 110050.
     *
     * @param yuan an amount in yuan, with at most two decimals
     * @return the amount in fen
     * @throws MedinsException MEDINS_ERR_SYNTAX for malformed text ("1,100", "1e3", a NUL
     *     character anywhere in it), MEDINS_ERR_OVERFLOW above the library's maximum
     */
    public static long parse(String yuan) {
        java.util.Objects.requireNonNull(yuan, "yuan");
        return medins.java_money_parse(yuan);
    }

    /**
     * Fen as yuan with two decimals: 110050 is "1100.50".
     *
     * @param fen an amount in fen
     * @return the amount in yuan
     */
    public static String format(long fen) {
        return medins.money_text(fen);
    }

    /**
     * A percentage to basis points: "55%" is 5500.
     *
     * @param percent a percentage with its sign, such as "2.5%"
     * @return the ratio in basis points (10000 is 100%)
     * @throws MedinsException MEDINS_ERR_SYNTAX (a NUL character in the text included), or
     *     MEDINS_ERR_RANGE outside 0%-100%
     */
    public static int parseRatio(String percent) {
        java.util.Objects.requireNonNull(percent, "percent");
        return medins.java_ratio_parse(percent);
    }

    /**
     * Basis points as a percentage: 5500 is "55%", 250 is "2.5%".
     *
     * @param basisPoints a ratio in basis points
     * @return the percentage text
     */
    public static String formatRatio(int basisPoints) {
        return medins.ratio_text(basisPoints);
    }

    /**
     * fen x ratio / 10000, rounded half-up: the library's rounding of every fund share.
     *
     * @param fen an amount in fen, at most {@link #MAX} either side of zero
     * @param basisPoints a ratio from 0 to 10000
     * @return the share in fen
     * @throws IllegalArgumentException when the amount or the ratio is out of range
     */
    public static long apply(long fen, int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10000 || fen > MAX || fen < -MAX) {
            throw new IllegalArgumentException("amount or ratio out of range: " + fen + " x "
                    + basisPoints);
        }
        return medins.money_apply(fen, basisPoints);
    }
}
