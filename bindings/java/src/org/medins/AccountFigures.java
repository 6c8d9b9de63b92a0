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
    /* The packed slots of the components, in their order. */
    private static final int[] S = Packed.slots(Packed.ACCOUNT, "monthly_credit",
            "from_individual", "from_employer", "from_pool", "monthly_to_pool", "monthly_card",
            "yearly_credit", "yearly_card", "may_withdraw", "assumed");

    static AccountFigures of(long[] f) {
        return new AccountFigures(f[S[0]], f[S[1]], f[S[2]], f[S[3]], f[S[4]], f[S[5]], f[S[6]],
                f[S[7]], f[S[8]] != 0, f[S[9]] != 0);
    }
}
