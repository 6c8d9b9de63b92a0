package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Settlements against tests/data/settle/basic.yaml, whose round figures make every expected
 * value workable by hand, and against the shipped 2023 policy for the invariants.
 */
public class SettleTest {
    private static Policy basic;
    private static PolicySet embedded;

    @BeforeClass
    public static void open() {
        Path file = TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
        basic = Policy.load(file);
        embedded = PolicySet.embedded();
    }

    @AfterClass
    public static void close() {
        basic.close();
        embedded.close();
    }

    /*
     * The assumed values a result cites are read from the policy once and shared by later
     * results: two settlements of the same claim cite the same PolicyValue objects, equal to
     * what findValue reads afresh. basic.yaml's major-disease layer is assumed (its cite). An
     * employee's 200,000-yuan admission at l2: deductible 800, fund 10,000 x 80% + 189,200 x 90%
     * = 178,280, burden 21,720, above the layer's 10,000 deductible, so the layer's values are
     * used and cited.
     */
    @Test
    public void assumedValuesReadOnceAndShared() {
        Claim c = Claim.builder().id(7).date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L2).total(20_000_000).build();
        try (Result a = basic.settle(TestSupport.employee(), c, new Ledger(2023), false);
             Result b = basic.settle(TestSupport.employee(), c, new Ledger(2023), false)) {
            assertEquals(17_828_000L, a.settlement().fund());
            assertTrue(a.usesAssumed());
            assertFalse(a.assumedValues().isEmpty());
            assertEquals(a.assumedValues().size(), b.assumedValues().size());
            for (int i = 0; i < a.assumedValues().size(); i++) {
                PolicyValue v = a.assumedValues().get(i);
                assertSame(v, b.assumedValues().get(i));
                assertTrue(v.path(), v.assumed() && v.path().startsWith("major_disease."));
                assertEquals(Optional.of(v), basic.findValue(v.path()));
            }
        }
    }

    /*
     * basic.yaml cites one source, of kind third-party: the claim above (deductible 800 at l2,
     * 10,000 at 80%, 189,200 at 90%) uses the deductible row and both segment ratios, listed
     * once each as third-party values beside the assumed ones, which are not among them.
     */
    @Test
    public void thirdPartyValuesListed() {
        Claim c = Claim.builder().id(7).date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L2).total(20_000_000).build();
        try (Result r = basic.settle(TestSupport.employee(), c, new Ledger(2023), false)) {
            java.util.List<String> paths = new java.util.ArrayList<>();
            for (PolicyValue v : r.thirdPartyValues()) {
                assertTrue(v.path(), v.thirdParty() && !v.assumed() && v.source().equals("test"));
                paths.add(v.path());
            }
            assertTrue(paths.toString(), paths.contains("inpatient.deductible[6].amount")
                    && paths.contains("inpatient.ratio[0].segments[0].ratio")
                    && paths.contains("inpatient.ratio[0].segments[1].ratio"));
            assertEquals(paths.size(), new java.util.HashSet<>(paths).size());
            for (PolicyValue v : r.assumedValues()) {
                assertFalse(v.path(), v.thirdParty());
            }
        }
    }

    /*
     * Lines come out of the library in one call, and their rule, source, citation and file
     * strings are made once a policy. firstAdmissionByHand's claim: its deductible line is row
     * 7 of inpatient.deductible ({admission: first, amount: 800}, line 68 of basic.yaml), 800.00
     * of the 20,000.00 in scope, and cites what findValue reads for that row. A second result
     * of the same claim has equal lines whose strings are the very same objects.
     */
    @Test
    public void linesCiteTheirValueAndShareStrings() {
        Claim c = Claim.builder().id(42).date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L2).total(2_000_000).build();
        PolicyValue v = basic.findValue("inpatient.deductible[6].amount").orElseThrow();
        try (Result a = basic.settle(TestSupport.employee(), c, new Ledger(2023));
             Result b = basic.settle(TestSupport.employee(), c, new Ledger(2023))) {
            ExplanationLine d = a.lines().stream().filter(l -> l.part() == Part.DEDUCTIBLE)
                    .findFirst().orElseThrow();
            assertEquals(80_000L, d.amount());
            assertEquals(2_000_000L, d.base());
            assertEquals(0, d.ratio());
            assertEquals("inpatient.deductible", d.rule());
            assertTrue(d.text(), d.text().contains("admission") && d.text().contains("800.00"));
            assertEquals(v.source(), d.source());
            assertTrue(d.citation(), !v.at().isEmpty() && d.citation().endsWith(v.at()));
            assertEquals(v.file(), d.file());
            assertEquals(68, d.line());
            assertEquals(v.column(), d.column());
            assertFalse(d.assumed());
            assertEquals(a.lines(), b.lines());
            for (int i = 0; i < a.lines().size(); i++) {
                ExplanationLine x = a.lines().get(i), y = b.lines().get(i);
                assertSame(x.rule(), y.rule());
                assertSame(x.source(), y.source());
                assertSame(x.citation(), y.citation());
                assertSame(x.file(), y.file());
            }
        }
    }

    /*
     * Employee in service, empty 2023 ledger (last year's outpatient costs unknown, so the
     * prior_outpatient_max rows do not apply), first admission at l2, 20,000 yuan all in scope:
     *   deductible: row {admission: first, amount: 800}                     800.00
     *   segments from position 0: 10,000 x 80% = 8,000; 9,200 x 90% = 8,280  fund 16,280.00
     *   coinsurance 2,000 + 920                                            2,920.00
     *   patient 800 + 2,920 = 3,720, below the major-disease deductible (10,000): no layer pays;
     *   no groups: no assistance.
     */
    @Test
    public void firstAdmissionByHand() {
        Ledger ledger = new Ledger(2023);
        Claim c = Claim.builder().id(42).date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L2).total(2_000_000).build();
        try (Result r = basic.settle(TestSupport.employee(), c, ledger)) {
            Settlement s = r.settlement();
            assertEquals(ResultKind.SETTLEMENT, r.kind());
            assertEquals(42L, s.claimId());
            assertEquals(80_000L, s.deductible());
            assertEquals(1_628_000L, s.fund());
            assertEquals(292_000L, s.coinsurance());
            assertEquals(0L, s.majorDisease());
            assertEquals(0L, s.assistance());
            assertEquals(372_000L, s.patient());
            assertEquals(0L, s.account());
            assertEquals(8000, s.ratio());
            assertEquals(1, s.admission());
            TestSupport.assertAddsUp("first admission", s);
            // Lines: the fund's segment lines add up to the fund.
            long fundLines = r.lines().stream().filter(l -> l.part() == Part.FUND)
                    .mapToLong(ExplanationLine::amount).sum();
            assertEquals(s.fund(), fundLines);
            assertTrue(r.lines().stream().anyMatch(l -> l.part() == Part.DEDUCTIBLE
                    && l.amount() == 80_000 && l.line() > 0 && l.file().endsWith("basic.yaml")));
            assertEquals(r.usesAssumed(), !r.assumedValues().isEmpty());
        }
        assertEquals(1, ledger.admissions());
        assertEquals(1L, ledger.seq());
        assertEquals(LocalDate.of(2023, 3, 1), ledger.lastDate());
        assertEquals(80_000L, ledger.deductible(Pool.INPATIENT));
        assertEquals(1_920_000L, ledger.position(Pool.INPATIENT));
        assertEquals(1_628_000L, ledger.fund(Pool.INPATIENT));
        assertEquals(0L, ledger.fund(Pool.OUTPATIENT));

        /*
         * Second admission, 5,000 yuan at l2: deductible row {admission: later} 300; position
         * 19,200 is past the first segment, so 4,700 x 90% = 4,230 fund; patient 770.
         */
        Claim second = TestSupport.inpatient(LocalDate.of(2023, 5, 2), Level.L2, 500_000);
        try (Result r = basic.settle(TestSupport.employee(), second, ledger)) {
            Settlement s = r.settlement();
            assertEquals(30_000L, s.deductible());
            assertEquals(423_000L, s.fund());
            assertEquals(77_000L, s.patient());
            assertEquals(9000, s.ratio());
            assertEquals(2, s.admission());
        }
        assertEquals(2, ledger.admissions());
    }

    /* The same first admission with 1,000 yuan on the account: it pays 1,000 of the 3,720. */
    @Test
    public void accountPaysPartOfThePatientShare() {
        Ledger ledger = new Ledger(2023);
        ledger.setAccountBalance(100_000);
        Claim c = TestSupport.inpatient(LocalDate.of(2023, 3, 1), Level.L2, 2_000_000);
        try (Result r = basic.settle(TestSupport.employee(), c, ledger)) {
            assertEquals(100_000L, r.settlement().account());
            assertEquals(272_000L, r.settlement().cash());
        }
        assertEquals(0L, ledger.accountBalance());
        assertEquals(100_000L, ledger.accountPaid());
    }

    @Test
    public void withoutLinesTheFiguresAreTheSame() {
        Claim c = TestSupport.inpatient(TestSupport.DAY_2023, Level.L3, 4_567_891);
        Policy p = embedded.lookup(TestSupport.DAY_2023);
        try (Result full = p.settle(TestSupport.retiree(), c, new Ledger(2023));
             Result bare = p.settle(TestSupport.retiree(), c, new Ledger(2023), false)) {
            assertEquals(full.settlement(), bare.settlement());
            assertFalse(full.lines().isEmpty());
            assertTrue(bare.lines().isEmpty());
            TestSupport.assertAddsUp("retiree l3", full.settlement());
            assertEquals("tianjin/2023", full.policyId());
        }
    }

    @Test
    public void reverseRestoresTheLedger() {
        Ledger ledger = new Ledger(2023);
        Person person = TestSupport.employee();
        Result first = basic.settle(person, TestSupport.inpatient(LocalDate.of(2023, 2, 1),
                Level.L1, 300_000), ledger);
        Ledger afterFirst = ledger.copy();
        Result second = basic.settle(person, TestSupport.inpatient(LocalDate.of(2023, 3, 1),
                Level.L3, 900_000), ledger);
        try {
            first.reverse(ledger);
            fail("reversed a settlement that is not the latest");
        } catch (MedinsException e) {
            assertEquals(Status.REVERSE, e.status());
        }
        second.reverse(ledger);
        assertEquals(afterFirst, ledger);
        first.reverse(ledger);
        assertEquals(new Ledger(2023), ledger);
        first.close();
        second.close();
        assertTrue(second.isClosed());
        // The figures outlive the native result.
        assertEquals(300_000L, first.settlement().total());
        try {
            first.reverse(ledger);
            fail("closed result reversed");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("closed"));
        }
    }

    @Test
    public void setSettleUsesThePolicyInForce() {
        Claim c = TestSupport.inpatient(LocalDate.of(2022, 6, 1), Level.L2, 1_000_000);
        try (Result viaSet = embedded.settle("tianjin", TestSupport.resident(), c, new Ledger(2022));
             Result direct = embedded.get("tianjin/2022").orElseThrow()
                     .settle(TestSupport.resident(), c, new Ledger(2022))) {
            assertEquals("tianjin/2022", viaSet.policyId());
            assertEquals(direct.settlement(), viaSet.settlement());
        }
    }

    @Test
    public void valueTypes() {
        Person p = Person.builder().scheme(Scheme.RESIDENT).category(Category.ADULT)
                .tier(Tier.HIGH).birthDate(LocalDate.of(1970, 1, 2)).group(Group.DIBAO)
                .familyDoctor(77).build();
        assertEquals(p, p.toBuilder().build());
        assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
        assertTrue(p.groups().contains(Group.DIBAO));
        assertEquals(77L, p.familyDoctor());
        assertEquals(Tier.HIGH, p.tier());
        assertEquals(Scheme.RESIDENT, p.scheme());
        assertEquals(Category.ADULT, p.category());
        assertEquals(LocalDate.of(1970, 1, 2), p.birthDate());
        assertFalse(p.equals(p.toBuilder().groups(java.util.Set.of()).build()));
        assertTrue(p.toString().contains("DIBAO"));
        Person defaults = Person.builder().build();
        assertEquals(Scheme.EMPLOYEE, defaults.scheme());
        assertEquals(Category.IN_SERVICE, defaults.category());
        assertEquals(Tier.NONE, defaults.tier());
        Claim c = Claim.builder().id(9).date(TestSupport.DAY_2023).kind(ClaimKind.PHARMACY)
                .level(Level.PHARMACY).institution(5).total(1000).selfPaid(100).categoryB(50)
                .build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
        assertEquals(9L, c.id());
        assertEquals(5L, c.institution());
        assertEquals(1000L, c.total());
        assertEquals(100L, c.selfPaid());
        assertEquals(50L, c.categoryB());
        assertEquals(ClaimKind.PHARMACY, c.kind());
        assertEquals(Level.PHARMACY, c.level());
        assertEquals(TestSupport.DAY_2023, c.date());
        assertTrue(c.toString().contains("PHARMACY"));
        Claim d = Claim.builder().date(TestSupport.DAY_2023).build();
        assertEquals(ClaimKind.OUTPATIENT, d.kind());
        assertEquals(Level.L1, d.level());
        try {
            Claim.builder().build();
            fail("a claim needs a date");
        } catch (NullPointerException expected) {
            assertEquals("date", expected.getMessage());
        }
    }

    @Test
    public void resultOfAnotherKindHasNoSettlement() {
        Policy p = embedded.lookup(TestSupport.DAY_2023);
        try (Result r = p.contribution(TestSupport.resident(), TestSupport.DAY_2023)) {
            try {
                r.settlement();
                fail("contribution has no settlement figures");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("CONTRIBUTION"));
            }
            try {
                r.reverse(new Ledger(2023));
                fail("a contribution cannot be reversed");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("reversed"));
            }
            assertTrue(r.toString().startsWith("CONTRIBUTION under tianjin/2023"));
        }
    }

    /*
     * settleFigures on the first admission worked out in firstAdmissionByHand: employee in
     * service, empty ledger, l2, 20,000 yuan: deductible 800.00, fund 10,000 x 80% + 9,200 x 90%
     * = 16,280.00, coinsurance 2,920.00, patient 800 + 2,920 = 3,720.00; the ledger moves as
     * there (one admission, deductible 800, position 19,200, fund 16,280).
     */
    @Test
    public void settleFiguresByHand() {
        Ledger ledger = new Ledger(2023);
        Claim c = Claim.builder().id(42).date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L2).total(2_000_000).build();
        Settlement s = basic.settleFigures(TestSupport.employee(), c, ledger);
        assertEquals("figures first admission", 42L, s.claimId());
        assertEquals("figures first admission", 2_000_000L, s.total());
        assertEquals("figures first admission", 80_000L, s.deductible());
        assertEquals("figures first admission", 1_628_000L, s.fund());
        assertEquals("figures first admission", 292_000L, s.coinsurance());
        assertEquals("figures first admission", 372_000L, s.patient());
        assertEquals("figures first admission", 8000, s.ratio());
        assertEquals("figures first admission", 1, s.admission());
        TestSupport.assertAddsUp("figures first admission", s);
        assertEquals("figures first admission", 1, ledger.admissions());
        assertEquals("figures first admission", 1L, ledger.seq());
        assertEquals("figures first admission", 80_000L, ledger.deductible(Pool.INPATIENT));
        assertEquals("figures first admission", 1_920_000L, ledger.position(Pool.INPATIENT));
        assertEquals("figures first admission", 1_628_000L, ledger.fund(Pool.INPATIENT));
    }

    /* The figures-only path gives settle's figures and ledger, claim after claim. */
    @Test
    public void settleFiguresMatchesSettle() {
        Policy p = embedded.lookup(TestSupport.DAY_2023);
        Object[][] bills = {
            {ClaimKind.OUTPATIENT, Level.PRIMARY, 8_000L},
            {ClaimKind.PHARMACY, Level.PHARMACY, 30_000L},
            {ClaimKind.OUTPATIENT, Level.L3, 260_000L},
            {ClaimKind.INPATIENT, Level.L2, 1_200_000L},
            {ClaimKind.INPATIENT, Level.L3, 45_000_000L},
            {ClaimKind.OUTPATIENT, Level.L1, 90_000L},
        };
        for (Person person : new Person[] {TestSupport.employee(), TestSupport.retiree(),
                TestSupport.resident()}) {
            Ledger fast = new Ledger(2023);
            Ledger full = new Ledger(2023);
            for (Object[] b : bills) {
                Claim c = Claim.of(TestSupport.DAY_2023, (ClaimKind) b[0], (Level) b[1],
                        (Long) b[2]);
                String name = person + " " + c;
                Settlement s = p.settleFigures(person, c, fast);
                try (Result r = p.settle(person, c, full, false)) {
                    assertEquals(name, r.settlement(), s);
                }
                assertEquals(name, full, fast);
            }
            assertEquals(person.toString(), bills.length, fast.seq());
        }
    }

    /* An error throws as settle does and leaves the ledger as it was. */
    @Test
    public void settleFiguresErrorLeavesLedger() {
        Policy p = embedded.lookup(TestSupport.DAY_2023);
        Ledger ledger = new Ledger(2023);
        p.settleFigures(TestSupport.employee(), TestSupport.inpatient(TestSupport.DAY_2023,
                Level.L2, 500_000), ledger);
        Ledger before = ledger.copy();
        try {
            p.settleFigures(TestSupport.employee(), TestSupport.inpatient(
                    TestSupport.DAY_2023.minusDays(1), Level.L2, 500_000), ledger);
            fail("a claim dated before the ledger's last claim");
        } catch (MedinsException e) {
            assertEquals("figures earlier claim", Status.ORDER, e.status());
        }
        assertEquals("figures earlier claim", before, ledger);
    }

    /*
     * A retiree's outpatient deductible in Tianjin 2023 is by age (rows with age bounds), so a
     * retiree without a birth date cannot be settled: Java passes null on as "no birth date"
     * (0), never as a default, and every path is refused alike, leaving the ledger as it was.
     * An employee in service matches a row without age bounds and needs no birth date.
     */
    @Test
    public void retireeWithoutBirthDateIsRefused() {
        Policy p = embedded.lookup(TestSupport.DAY_2023);
        Person retiree = Person.employee(Category.RETIRED, null);
        Claim visit = Claim.of(TestSupport.DAY_2023, ClaimKind.OUTPATIENT, Level.L2, 100_000);
        String noBirth = "the person has no birth date, and their age on 20230314 decides which"
                + " outpatient.deductible row applies: give the birth date";
        Ledger ledger = new Ledger(2023);
        String[] paths = {"settle", "settleFigures", "batch", "closeYear"};
        for (String path : paths) {
            MedinsException e;
            try {
                switch (path) {
                    case "settle":
                        p.settle(retiree, visit, ledger).close();
                        break;
                    case "settleFigures":
                        p.settleFigures(retiree, visit, ledger);
                        break;
                    case "batch":
                        BatchResult r = p.settleBatch(BatchPersons.of(java.util.List.of(retiree)),
                                BatchClaims.builder().add(0, visit).build(), new Ledger[] {ledger});
                        r.throwIfFailed();
                        break;
                    default:
                        ledger.closeYear(embedded.lookup(LocalDate.of(2023, 12, 31)), retiree);
                        break;
                }
                fail(path + ": a retiree without a birth date was settled");
                return;
            } catch (BatchException b) {
                e = b.result().error(0);
            } catch (MedinsException m) {
                e = m;
            }
            assertEquals(path, Status.PERSON, e.status());
            String expected = path.equals("closeYear") ? noBirth.replace("20230314", "20231231")
                    : noBirth;
            assertEquals(path, expected, e.detail());
            assertEquals(path, new Ledger(2023), ledger);
        }
        // Born after the claim: refused, whatever the rows.
        try {
            p.settle(Person.employee(Category.RETIRED, TestSupport.DAY_2023.plusDays(1)), visit,
                    ledger).close();
            fail("born after the claim");
        } catch (MedinsException e) {
            assertEquals(Status.PERSON, e.status());
            assertEquals("birth date 20230315 is after the claim date 20230314", e.detail());
        }
        try (Result r = p.settle(Person.employee(Category.IN_SERVICE, null), visit, ledger)) {
            TestSupport.assertAddsUp("in service", r.settlement());
        }
    }
}
