package org.medins;

/** The figures of an individual-account credit, in fen; monthly unless named yearly. */
public record AccountFigures(long monthlyCredit, long fromIndividual, long fromEmployer,
                             long fromPool, long monthlyToPool, long monthlyCard,
                             long yearlyCredit, long yearlyCard, boolean mayWithdraw,
                             boolean assumed) {
    static AccountFigures of(long[] f) {
        return new AccountFigures(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8] != 0,
                f[9] != 0);
    }
}
