package org.medins;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A batch over claims of more than one year with closeYears: each person's year is closed in
 * the library with the policy in force on its last day, as settling the claims one by one after
 * {@link Ledger#closeYear} does.
 */
public class RolloverTest {
    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    private static final Person EMPLOYEE = Person.employee(Category.IN_SERVICE,
            LocalDate.of(1980, 1, 1));
    private static final LocalDate[] DATES = {
        LocalDate.of(2022, 6, 1), LocalDate.of(2023, 3, 1), LocalDate.of(2024, 3, 1),
    };

    private static BatchClaims claims() {
        BatchClaims.Builder b = BatchClaims.builder();
        for (LocalDate d : DATES) {
            b.add(0, Claim.of(d, ClaimKind.OUTPATIENT, Level.L2, 100_000));
        }
        return b.build();
    }

    @Test
    public void yearsAreClosedInTheLibrary() {
        PolicySet set = EMBEDDED.set();
        Ledger[] ledgers = {new Ledger(2022)};
        BatchResult r = set.settleBatch("tianjin", BatchPersons.of(List.of(EMPLOYEE)), claims(),
                ledgers, true);
        // By hand: each year closed with the policy in force on its 31 December.
        Ledger single = new Ledger(2022);
        for (int i = 0; i < DATES.length; i++) {
            while (single.year() < DATES[i].getYear()) {
                single = single.closeYear(set.lookup(LocalDate.of(single.year(), 12, 31)),
                        EMPLOYEE);
            }
            Claim c = Claim.of(DATES[i], ClaimKind.OUTPATIENT, Level.L2, 100_000);
            assertEquals(set.lookup(DATES[i]).settleFigures(EMPLOYEE, c, single).fund(),
                    r.fund(i));
            assertEquals(0, r.statusCodes()[i]);
        }
        assertEquals(single, ledgers[0]);
        assertEquals(2024, ledgers[0].year());
    }

    @Test
    public void withoutCloseYearsALaterYearFails() {
        Ledger[] ledgers = {new Ledger(2022)};
        BatchResult r = EMBEDDED.set().settleBatch("tianjin", BatchPersons.of(List.of(EMPLOYEE)),
                claims(), ledgers);
        assertEquals(0, r.statusCodes()[0]);
        assertEquals(Status.LEDGER_YEAR.code(), r.statusCodes()[1]);
        assertEquals(2022, ledgers[0].year());
    }
}
