package org.medins;

import java.util.Objects;

/**
 * What an employee's individual-account credit is computed from, amounts in fen: the wage and
 * employer type (in service), last year's average monthly pension (retired), this year's
 * medical costs and whether there was a serious-illness hospitalisation this year.
 */
public record AccountInput(long monthlyWage, EmployerType employerType, long lastYearPension,
                           long yearCosts, boolean seriousIllness) {
    public AccountInput {
        Objects.requireNonNull(employerType, "employerType");
    }

    long[] packed() {
        return new long[] {monthlyWage, employerType.code(), lastYearPension, yearCosts,
            seriousIllness ? 1 : 0};
    }
}
