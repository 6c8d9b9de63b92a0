package org.medins;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
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

    /*
     * The fen worked by hand, the same as `medins batch --region tianjin` gives for these claims
     * (tests/cli/years.py, test_shipped_years): employees' outpatient deductible 800 a year, then
     * 65% at level 2.
     *   2022-06-01 1,000: (1,000 - 800) x 65% = 130.00 to the fund
     *   2023-03-01 1,000: 2022 closed, the deductible met anew: 130.00 (unclosed, the ledger
     *                     would fail with LEDGER_YEAR; reused without closing, pay 650.00)
     *   2023-04-01 3,000: deductible met: 3,000 x 65% = 1,950.00
     */
    @Test
    public void twoYearsByHand() {
        BatchClaims.Builder b = BatchClaims.builder();
        b.add(0, Claim.of(LocalDate.of(2022, 6, 1), ClaimKind.OUTPATIENT, Level.L2, 100_000));
        b.add(0, Claim.of(LocalDate.of(2023, 3, 1), ClaimKind.OUTPATIENT, Level.L2, 100_000));
        b.add(0, Claim.of(LocalDate.of(2023, 4, 1), ClaimKind.OUTPATIENT, Level.L2, 300_000));
        Ledger[] ledgers = {new Ledger(2022)};
        BatchResult r = EMBEDDED.set().settleBatch("tianjin", BatchPersons.of(List.of(EMPLOYEE)),
                b.build(), ledgers, true);
        assertArrayEquals(new int[] {0, 0, 0}, r.statusCodes());
        assertArrayEquals(new long[] {13_000, 13_000, 195_000}, r.fund());
        assertArrayEquals(new long[] {80_000, 80_000, 0}, r.deductible());
        assertEquals(2023, ledgers[0].year());
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

    /**
     * tests/data/regions/midyear.yaml: a year from 1 July. 2024-03-01 is of the year 2023
     * (2023-07-01 to 2024-06-30): its ledger is that of 2023; an employee's outpatient 2,000
     * there is 960 of deductible and 1,040 x 60% = 624 to the fund.
     */
    @Test
    public void aYearFromJuly() {
        Path file = TestSupport.path("medins.test.data").resolve("regions").resolve("midyear.yaml");
        try (Policy p = Policy.load(file)) {
            assertEquals(java.time.MonthDay.of(7, 1), p.yearStart());
            assertEquals(2023, p.benefitYear(LocalDate.of(2024, 6, 30)));
            assertEquals(2024, p.benefitYear(LocalDate.of(2024, 7, 1)));
            Ledger ledger = new Ledger(p.benefitYear(LocalDate.of(2024, 3, 1)));
            Claim c = Claim.of(LocalDate.of(2024, 3, 1), ClaimKind.OUTPATIENT, Level.L2, 200_000);
            assertEquals(62_400, p.settleFigures(EMPLOYEE, c, ledger).fund());
        }
    }

    /**
     * midyear.yaml's inpatient rows: out of the region and not referred -15 points. An
     * employee's 20,000 at level 3 on 2023-08-01: deductible 9,600; 10,400 x 70% = 7,280.
     */
    @Test
    public void claimAttributes() {
        Path file = TestSupport.path("medins.test.data").resolve("regions").resolve("midyear.yaml");
        try (Policy p = Policy.load(file)) {
            int bits = p.claimAttributes("out_of_region");
            assertEquals(2, bits);
            Claim c = Claim.builder().date(LocalDate.of(2023, 8, 1)).kind(ClaimKind.INPATIENT)
                    .level(Level.L3).total(2_000_000).attributes(bits).build();
            assertEquals(728_000, p.settleFigures(EMPLOYEE, c, new Ledger(2023)).fund());
            // In a batch, beside the same claim without attributes (10,400 x 85% = 8,840) and
            // one with a bit the policy does not define (16: it defines four), which fails as
            // settling it alone does.
            Claim plain = Claim.builder().date(LocalDate.of(2023, 8, 1))
                    .kind(ClaimKind.INPATIENT).level(Level.L3).total(2_000_000).build();
            Claim unknown = Claim.builder().date(LocalDate.of(2023, 8, 1))
                    .kind(ClaimKind.INPATIENT).level(Level.L3).total(2_000_000).attributes(16)
                    .build();
            BatchClaims claims = BatchClaims.builder().add(0, c).add(1, plain).add(2, unknown)
                    .build();
            BatchPersons persons = BatchPersons.of(java.util.Arrays.asList(EMPLOYEE, EMPLOYEE,
                    EMPLOYEE));
            Ledger[] ledgers = {new Ledger(2023), new Ledger(2023), new Ledger(2023)};
            BatchResult r = p.settleBatch(persons, claims, ledgers);
            assertEquals(728_000, r.fund(0));
            assertEquals(884_000, r.fund(1));
            assertEquals(Status.CLAIM, r.status(2));
            try {
                p.settleFigures(EMPLOYEE, unknown, new Ledger(2023));
                org.junit.Assert.fail("an undefined attribute was taken");
            } catch (MedinsException e) {
                assertEquals(e.getMessage().replace("claim 0", "claim 2"),
                        r.error(2).getMessage());
            }
        }
    }

    /**
     * bed-day-cap.yaml: a family sickbed (no deductible, 80%, at most 60 a bed-day) of 10 days,
     * 1,000: 800 is cut to 60 x 10 = 600. An admission at level 3 (deductible 1,000, at most 800
     * a bed-day) of 2 days, 5,000: 4,000 x 80% = 3,200, cut to 1,600; without its days it fails,
     * in a batch as alone.
     */
    @Test
    public void bedDays() {
        Path file = TestSupport.path("medins.test.data").resolve("settle").resolve("bed-day-cap.yaml");
        try (Policy p = Policy.load(file)) {
            LocalDate day = LocalDate.of(2023, 3, 1);
            Claim sickbed = Claim.builder().date(day).kind(ClaimKind.INPATIENT).level(Level.L1)
                    .total(100_000).attributes(p.claimAttributes("family_sickbed")).days(10)
                    .build();
            assertEquals(10, sickbed.days());
            assertEquals(60_000, p.settleFigures(EMPLOYEE, sickbed, new Ledger(2023)).fund());
            Claim admitted = Claim.builder().date(day).kind(ClaimKind.INPATIENT).level(Level.L3)
                    .total(500_000).days(2).build();
            Claim noDays = admitted.toBuilder().days(0).build();
            BatchClaims claims = BatchClaims.builder().add(0, sickbed).add(1, admitted)
                    .add(2, noDays).build();
            BatchPersons persons = BatchPersons.of(java.util.Arrays.asList(EMPLOYEE, EMPLOYEE,
                    EMPLOYEE));
            Ledger[] ledgers = {new Ledger(2023), new Ledger(2023), new Ledger(2023)};
            BatchResult r = p.settleBatch(persons, claims, ledgers);
            assertEquals(60_000, r.fund(0));
            assertEquals(160_000, r.fund(1));
            assertEquals(Status.CLAIM, r.status(2));
            try {
                p.settleFigures(EMPLOYEE, noDays, new Ledger(2023));
                org.junit.Assert.fail("a claim without days was settled under bed_day_cap");
            } catch (MedinsException e) {
                org.junit.Assert.assertTrue(e.getMessage(),
                        e.getMessage().contains("needs the claim's days"));
                assertEquals(e.getMessage().replace("claim 0", "claim 2"),
                        r.error(2).getMessage());
            }
        }
    }
}
