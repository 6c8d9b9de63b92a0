package org.medins;

import java.util.Objects;

/** What an employee's contribution is computed from: the monthly wage (fen) and employer type. */
public record EmployeeInput(long monthlyWage, EmployerType employerType) {
    public EmployeeInput {
        Objects.requireNonNull(employerType, "employerType");
    }

    long[] packed() {
        return new long[] {monthlyWage, employerType.code()};
    }
}
