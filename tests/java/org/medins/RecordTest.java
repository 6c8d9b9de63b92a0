package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.Test;

/**
 * Settlements stored and refunded later, and pre-settlement. Claim A on
 * tests/data/settle/basic.yaml (its figures: tests/check_settle.c), worked by hand: an employee in
 * service, outpatient at level 2, 1000 yuan, 300 in the account: deductible 800; (1000 - 800) x
 * 60% = 120 fund, 80 coinsurance; patient 880, of which the account 300 and cash 580.
 */
public class RecordTest {
    private static Path basic() {
        return TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
    }

    private static Claim claimA() {
        return Claim.builder().id(1).date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.OUTPATIENT)
                .level(Level.L2).total(100_000).build();
    }

    private static Ledger start() {
        Ledger l = new Ledger(2023);
        l.setAccountBalance(30_000);
        return l;
    }

    @Test
    public void refundFromText() {
        try (Policy p = Policy.load(basic())) {
            Ledger ledger = start();
            String before = ledger.toText();
            String record;
            try (Result r = p.settle(TestSupport.employee(), claimA(), ledger)) {
                assertEquals(12_000, r.settlement().fund());
                assertEquals(30_000, r.settlement().account());
                assertFalse(r.isEstimate());
                record = r.record();
                assertEquals(r.settlement(), Settlement.fromRecord(record));
            }
            // As another process would: the ledger from its text.
            Ledger later = Ledger.parse(ledger.toText());
            Settlement refund = later.refund(record);
            assertEquals(before, later.toText());
            assertEquals(-100_000, refund.total());
            assertEquals(-12_000, refund.fund());
            assertEquals(-88_000, refund.patient());
            assertEquals(-30_000, refund.account());
            assertEquals(-58_000, refund.cash());
            assertEquals(1, refund.claimId());
            MedinsException e = assertThrows(MedinsException.class, () -> later.refund(record));
            assertEquals(Status.REVERSE, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("claim 1 is already reversed"));
            assertEquals(before, later.toText());
            // A malformed record: its line and column, nothing changed.
            String bad = record.replace("\nfund=12000\n", "\nfund=12,000\n");
            e = assertThrows(MedinsException.class, () -> ledger.refund(bad));
            assertEquals(Status.RECORD, e.status());
            assertEquals(9, e.line());
            assertEquals(6, e.column());
            e = assertThrows(MedinsException.class, () -> Settlement.fromRecord(bad));
            assertEquals(Status.RECORD, e.status());
        }
    }

    /**
     * tests/data/settle/day-cap.yaml, pooling: 60%, at most 25 a visit and 30 a day. Visits of 40
     * and 50 on 1 March: 24, then 30 cut to 25 and to the 6 the day leaves; the day's figures,
     * and the second visit refunded from its record.
     */
    @Test
    public void dayFiguresRefunded() {
        Path dayCap = TestSupport.path("medins.test.data").resolve("settle").resolve("day-cap.yaml");
        try (Policy p = Policy.load(dayCap)) {
            Ledger ledger = new Ledger(2023);
            LocalDate march1 = LocalDate.of(2023, 3, 1);
            Claim.Builder visit = Claim.builder().date(march1).kind(ClaimKind.POOLING).level(Level.L1);
            try (Result r = p.settle(TestSupport.employee(), visit.id(1).total(4_000).build(), ledger)) {
                assertEquals(2_400, r.settlement().fund());
            }
            assertEquals(march1, ledger.dayDate());
            assertEquals(2_400, ledger.dayFund(Pool.POOLING));
            String afterFirst = ledger.toText();
            String record;
            try (Result r = p.settle(TestSupport.employee(), visit.id(2).total(5_000).build(), ledger)) {
                assertEquals(600, r.settlement().fund());
                assertEquals(2_400, r.settlement().overCap());
                record = r.record();
            }
            assertEquals(3_000, ledger.dayFund(Pool.POOLING));
            ledger.refund(record);
            assertEquals(afterFirst, ledger.toText());
            assertEquals(2_400, ledger.dayFund(Pool.POOLING));
        }
    }

    @Test
    public void presettleChangesNothing() {
        try (Policy p = Policy.load(basic())) {
            Ledger ledger = start();
            String kept = ledger.toText();
            try (Result e = p.presettle(TestSupport.employee(), claimA(), ledger);
                 Result s = p.settle(TestSupport.employee(), claimA(), ledger.copy())) {
                assertTrue(e.isEstimate());
                assertEquals(kept, ledger.toText());
                assertEquals(s.settlement(), e.settlement());
                assertEquals(s.steps().size(), e.steps().size());
                MedinsException x = assertThrows(MedinsException.class, e::record);
                assertEquals(Status.ARGUMENT, x.status());
                x = assertThrows(MedinsException.class, () -> e.reverse(ledger));
                assertEquals(Status.REVERSE, x.status());
                assertEquals(kept, ledger.toText());
            }
            try (Result s = p.settle(TestSupport.employee(), claimA(), ledger)) {
                assertFalse(s.isEstimate());
                assertNotEquals(kept, ledger.toText());
            }
        }
    }

    /*
     * One admission at level 3 of 20000 on 2 March (tests/check_ledger.c, from_year_as_settled):
     * deductible 1000, fund 10000 x 80% + 9000 x 90% = 16100, a burden of 3900 counted by both
     * layers. The ledger from these figures is the one the settlement left.
     */
    @Test
    public void ledgerFromTheYearSoFar() {
        try (Policy p = Policy.load(basic())) {
            Ledger settled = new Ledger(2023);
            Claim admission = Claim.builder().date(LocalDate.of(2023, 3, 2))
                    .kind(ClaimKind.INPATIENT).level(Level.L3).total(2_000_000).build();
            p.settle(TestSupport.employee(), admission, settled).close();
            Ledger built = Ledger.fromYear(YearToDate.builder(2023)
                    .lastDate(LocalDate.of(2023, 3, 2)).admissions(1)
                    .inScope(Pool.INPATIENT, 2_000_000).deductible(Pool.INPATIENT, 100_000)
                    .fund(Pool.INPATIENT, 1_610_000).majorDisease(390_000, 0)
                    .assistance(390_000, 0).build());
            assertEquals(settled.toText(), built.toText());
            MedinsException e = assertThrows(MedinsException.class,
                    () -> Ledger.fromYear(YearToDate.builder(2023)
                            .inScope(Pool.INPATIENT, 100_000).build()));
            assertEquals(Status.LEDGER, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("needs the date of the last one"));
        }
    }

    /*
     * tests/check_ledger.c, from_year_supplementary: one admission at level 3 of 150000 on 2
     * March under supplementary.yaml: deductible 1300, the basic fund its maximum 100000, the
     * supplementary fund 80% of the 31052.94 beyond: 24842.35; a burden of 25157.65 counted by
     * the major-disease layer. The ledger from these figures is the one the settlement left,
     * its supplementary total read back per pool. from_year_account_first: credited 2000,
     * balance 3000, a visit of 1500 paid first by the year's account; the next visit of 2000
     * has 500 of the year's account left, paid first, then the deductible of 1500 from the
     * rest of the balance: account 1500, cash 500.
     */
    @Test
    public void ledgerFromTheYearSoFarWithSupplementaryAndCredits() {
        Path data = basic().getParent();
        try (Policy supp = Policy.load(data.resolve("supplementary.yaml"));
             Policy first = Policy.load(data.resolve("account-first.yaml"))) {
            Ledger settled = new Ledger(2023);
            Claim admission = Claim.builder().date(LocalDate.of(2023, 3, 2))
                    .kind(ClaimKind.INPATIENT).level(Level.L3).total(15_000_000).build();
            String record;
            try (Result r = supp.settle(TestSupport.employee(), admission, settled)) {
                assertEquals(10_000_000, r.settlement().fund());
                assertEquals(2_484_235, r.settlement().supplementary());
                record = r.record();
            }
            assertEquals(2_484_235, settled.supplementary(Pool.INPATIENT));
            assertEquals(0, settled.supplementary(Pool.OUTPATIENT));
            // Refunded from its record, the supplementary fund's payment among the figures.
            Ledger refunded = Ledger.parse(settled.toText());
            Settlement back = refunded.refund(record);
            assertEquals(-2_484_235, back.supplementary());
            assertEquals(back.total(), back.fund() + back.supplementary() + back.majorDisease()
                    + back.assistance() + back.patient());
            assertEquals(new Ledger(2023).toText(), refunded.toText());
            Ledger built = Ledger.fromYear(YearToDate.builder(2023)
                    .lastDate(LocalDate.of(2023, 3, 2)).admissions(1)
                    .inScope(Pool.INPATIENT, 15_000_000).deductible(Pool.INPATIENT, 130_000)
                    .fund(Pool.INPATIENT, 10_000_000).supplementary(Pool.INPATIENT, 2_484_235)
                    .majorDisease(2_515_765, 0).build());
            assertEquals(settled.toText(), built.toText());

            Ledger year = Ledger.fromYear(YearToDate.builder(2023)
                    .lastDate(LocalDate.of(2023, 1, 5)).outpatientCosts(150_000)
                    .inScope(Pool.OUTPATIENT, 150_000).accountFirst(Pool.OUTPATIENT, 150_000)
                    .account(150_000, 150_000).accountCredited(200_000).build());
            assertEquals(200_000, year.accountCredited());
            assertEquals(0, year.position(Pool.OUTPATIENT));
            Claim visit = Claim.builder().date(LocalDate.of(2023, 2, 1))
                    .kind(ClaimKind.OUTPATIENT).level(Level.L3).total(200_000).build();
            try (Result r = first.settle(TestSupport.employee(), visit, year)) {
                assertEquals(50_000, r.settlement().accountFirst());
                assertEquals(150_000, r.settlement().deductible());
                assertEquals(150_000, r.settlement().account());
                assertEquals(50_000, r.settlement().cash());
            }
            // The credits set on a ledger, checked.
            Ledger l = new Ledger(2023);
            l.setAccountCredited(300);
            assertEquals(300, l.accountCredited());
            MedinsException e = assertThrows(MedinsException.class,
                    () -> l.setAccountCredited(-1));
            assertEquals(Status.LEDGER, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("account_credited out of range"));
            assertEquals(300, l.accountCredited());
            e = assertThrows(MedinsException.class,
                    () -> Ledger.fromYear(YearToDate.builder(2023)
                            .lastDate(LocalDate.of(2023, 1, 5)).inScope(Pool.OUTPATIENT, 1000)
                            .accountFirst(Pool.OUTPATIENT, 1000).account(0, 999).build()));
            assertEquals(Status.LEDGER, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("(account_paid 999), not more"));
        }
    }
}
