package org.medins;

import java.util.Objects;

/**
 * What an employee's individual-account credit is computed from, amounts in fen: the wage and
 * employer type (in service), last year's average monthly pension (retired), this year's
 * medical costs and whether there was a serious-illness hospitalisation this year.
 */
public record AccountInput(long monthlyWage, EmployerType employerType, long lastYearPension,
                           long yearCosts, boolean seriousIllness) {
    /**
     * Checks that the employer type is given; amounts are checked by the library.
     *
     * @param monthlyWage the monthly wage in fen (an employee in service)
     * @param employerType the kind of employer
     * @param lastYearPension last year's average monthly pension in fen (a retiree)
     * @param yearCosts this year's medical costs in fen
     * @param seriousIllness whether there was a serious-illness hospitalisation this year
     * @throws NullPointerException when {@code employerType} is null
     */
    public AccountInput {
        Objects.requireNonNull(employerType, "employerType");
    }

    private static final int[] SLOTS = Packed.slots(Packed.ACCOUNT_INPUT, "monthly_wage",
            "employer_type", "last_year_pension", "year_costs", "serious_illness");

    long[] packed() {
        return Packed.pack(Packed.ACCOUNT_INPUT, SLOTS, monthlyWage, employerType.code(),
                lastYearPension, yearCosts, seriousIllness ? 1 : 0);
    }
}
