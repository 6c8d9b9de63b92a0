package org.medins;

import java.util.Objects;

/** What an employee's contribution is computed from: the monthly wage (fen) and employer type. */
public record EmployeeInput(long monthlyWage, EmployerType employerType) {
    /**
     * Checks that the employer type is given; the wage is checked by the library.
     *
     * @param monthlyWage the monthly wage in fen, before the policy clamps it to the wage base
     * @param employerType the kind of employer, which selects the rates
     * @throws NullPointerException when {@code employerType} is null
     */
    public EmployeeInput {
        Objects.requireNonNull(employerType, "employerType");
    }

    private static final int[] SLOTS = Packed.slots(Packed.EMPLOYEE, "monthly_wage",
            "employer_type");

    long[] packed() {
        return Packed.pack(Packed.EMPLOYEE, SLOTS, monthlyWage, employerType.code());
    }
}
