package org.medins;

/**
 * The figures of an individual-account credit, in fen; monthly unless named yearly.
 *
 * @param monthlyCredit credited to the account each month, in fen
 * @param fromIndividual of which from the individual's contribution, in fen
 * @param fromEmployer of which from the employer's contribution, in fen
 * @param fromPool of which from the pooled fund (retirees), in fen
 * @param monthlyToPool in service: contributions going to the pooled fund, in fen
 * @param monthlyCard of monthlyCredit, credited to the social-security card, in fen
 * @param yearlyCredit 12 x monthlyCredit, in fen
 * @param yearlyCard 12 x monthlyCard, in fen
 * @param mayWithdraw true when the balance may be withdrawn at once
 * @param assumed true when an assumed value was used
 */
public record AccountFigures(long monthlyCredit, long fromIndividual, long fromEmployer,
                             long fromPool, long monthlyToPool, long monthlyCard,
                             long yearlyCredit, long yearlyCard, boolean mayWithdraw,
                             boolean assumed) {
    static AccountFigures of(long[] f) {
        return new AccountFigures(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8] != 0,
                f[9] != 0);
    }
}
