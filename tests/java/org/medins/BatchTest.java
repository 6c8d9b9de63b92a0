package org.medins;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;

/** A batch gives, claim for claim and ledger for ledger, what single settlements give. */
public class BatchTest {
    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    private static final List<Person> PERSONS = List.of(
            TestSupport.employee(), TestSupport.retiree(), TestSupport.resident(),
            TestSupport.resident().toBuilder().group(Group.DIBAO).build(),
            Person.resident(Category.STUDENT_CHILD, Tier.LOW, LocalDate.of(2012, 4, 4)));

    /** Person i's claims: several kinds and levels, growing amounts, in date order. */
    private static List<int[]> claimPlan() {
        List<int[]> plan = new ArrayList<>();
        for (int person = 0; person < PERSONS.size(); person++) {
            for (int k = 0; k < 4; k++) {
                plan.add(new int[] {person, k});
            }
        }
        return plan;
    }

    private static Claim claim(int person, int k) {
        Level[] levels = {Level.L3, Level.L2, Level.L1, Level.L3};
        LocalDate date = LocalDate.of(2023, 2 + 3 * k, 1 + person);
        long total = 1_234_567L * (k + 1) + 9_876L * person;
        return Claim.builder().id(person * 10 + k).date(date).kind(ClaimKind.INPATIENT)
                .level(levels[k]).total(total).selfPaid(k * 10_000L).build();
    }

    @Test
    public void batchEqualsSingleClaims() {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        BatchClaims.Builder b = BatchClaims.builder();
        Ledger[] single = new Ledger[PERSONS.size()];
        Ledger[] batch = new Ledger[PERSONS.size()];
        for (int i = 0; i < single.length; i++) {
            single[i] = new Ledger(2023);
            batch[i] = new Ledger(2023);
        }
        List<Settlement> expected = new ArrayList<>();
        for (int[] pk : claimPlan()) {
            Claim c = claim(pk[0], pk[1]);
            b.add(pk[0], c);
            try (Result r = policy.settle(PERSONS.get(pk[0]), c, single[pk[0]], false)) {
                expected.add(r.settlement());
            }
        }
        BatchClaims claims = b.build();
        assertEquals(expected.size(), claims.size());
        BatchPersons persons = BatchPersons.of(PERSONS);
        assertEquals(PERSONS.size(), persons.size());
        BatchResult r = policy.settleBatch(persons, claims, batch);
        assertEquals(0, r.failed());
        assertEquals(expected.size(), r.size());
        for (int i = 0; i < r.size(); i++) {
            Settlement s = expected.get(i);
            String name = "claim " + i;
            assertTrue(name, r.ok(i));
            assertEquals(name, Status.OK, r.status(i));
            assertEquals(name, s.fund(), r.fund(i));
            assertEquals(name, s.majorDisease(), r.majorDisease(i));
            assertEquals(name, s.assistance(), r.assistance(i));
            assertEquals(name, s.patient(), r.patient(i));
            assertEquals(name, s.deductible(), r.deductible(i));
            assertEquals(name, s.coinsurance(), r.coinsurance(i));
            assertEquals(name, s.overCap(), r.overCap(i));
            assertEquals(name, s.account(), r.account(i));
        }
        assertArrayEquals(single, batch);

        // The same through the set (each claim's policy by date) gives the same figures.
        Ledger[] again = new Ledger[PERSONS.size()];
        for (int i = 0; i < again.length; i++) {
            again[i] = new Ledger(2023);
        }
        BatchResult viaSet = EMBEDDED.set().settleBatch("tianjin", persons, claims, again);
        assertArrayEquals(r.fund(), viaSet.fund());
        assertArrayEquals(r.patient(), viaSet.patient());
        assertArrayEquals(r.majorDisease(), viaSet.majorDisease());
        assertArrayEquals(r.assistance(), viaSet.assistance());
        assertArrayEquals(r.deductible(), viaSet.deductible());
        assertArrayEquals(r.coinsurance(), viaSet.coinsurance());
        assertArrayEquals(r.overCap(), viaSet.overCap());
        assertArrayEquals(r.account(), viaSet.account());
        assertArrayEquals(r.statusCodes(), viaSet.statusCodes());
        assertArrayEquals(single, again);
    }

    @Test
    public void aFailedClaimLeavesTheOthers() {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        // Columns by hand: person 0 has three claims, the middle one at an unknown level.
        BatchPersons persons = new BatchPersons(new int[] {Scheme.EMPLOYEE.code()},
                new int[] {Category.IN_SERVICE.code()}, new int[] {Tier.NONE.code()},
                new int[] {19800501}, null, null);
        int inpatient = ClaimKind.INPATIENT.code();
        BatchClaims claims = new BatchClaims(new int[] {0, 0, 0},
                new int[] {20230201, 20230301, 20230401}, new int[] {inpatient, inpatient, inpatient},
                new int[] {Level.L3.code(), 99, Level.L2.code()}, null,
                new long[] {1_000_000, 2_000_000, 3_000_000}, null, null);
        Ledger[] ledgers = {new Ledger(2023)};
        BatchResult r = policy.settleBatch(persons, claims, ledgers);
        assertEquals(1, r.failed());
        assertTrue(r.ok(0));
        assertFalse(r.ok(1));
        assertEquals(Status.LEVEL, r.status(1));
        assertEquals(0L, r.fund(1));
        assertEquals(0L, r.patient(1));
        assertTrue(r.ok(2));
        assertEquals(2, ledgers[0].admissions());

        Ledger single = new Ledger(2023);
        policy.settle(TestSupport.employee(), TestSupport.inpatient(LocalDate.of(2023, 2, 1),
                Level.L3, 1_000_000), single).close();
        try (Result third = policy.settle(TestSupport.employee(),
                TestSupport.inpatient(LocalDate.of(2023, 4, 1), Level.L2, 3_000_000), single)) {
            assertEquals(third.settlement().fund(), r.fund(2));
        }
        assertEquals(single, ledgers[0]);
    }

    @Test
    public void wrongShapesAreRefused() {
        try {
            new BatchPersons(new int[1], new int[2], new int[1], new int[1], null, null);
            fail("person columns of different lengths");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("person"));
        }
        try {
            new BatchClaims(new int[1], new int[1], new int[1], new int[1], new long[2],
                    new long[1], null, null);
            fail("claim columns of different lengths");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("claim"));
        }
        BatchPersons persons = BatchPersons.of(PERSONS);
        BatchClaims none = BatchClaims.builder().build();
        try {
            EMBEDDED.set().settleBatch("tianjin", persons, none, new Ledger[1]);
            fail("one ledger for five persons");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("ledgers"));
        }
        // A claim naming a person that does not exist: the whole batch is refused, nothing changes.
        BatchClaims stray = BatchClaims.builder().add(7, claim(0, 0)).build();
        Ledger[] ledgers = new Ledger[PERSONS.size()];
        for (int i = 0; i < ledgers.length; i++) {
            ledgers[i] = new Ledger(2023);
        }
        try {
            BatchResult r = EMBEDDED.set().settleBatch("tianjin", persons, stray, ledgers);
            assertEquals(1, r.failed());
        } catch (MedinsException e) {
            assertEquals(Status.ARGUMENT, e.status());
        }
        for (Ledger l : ledgers) {
            assertEquals(new Ledger(2023), l);
        }
    }

    @Test
    public void resultArraysAreCopies() {
        BatchClaims claims = BatchClaims.builder().add(0, claim(0, 0)).build();
        BatchResult r = EMBEDDED.set().lookup(TestSupport.DAY_2023).settleBatch(
                BatchPersons.of(List.of(TestSupport.employee())), claims,
                new Ledger[] {new Ledger(2023)});
        long[] fund = r.fund();
        fund[0] = -1;
        assertTrue(r.fund(0) >= 0);
        assertEquals(r.fund(0) + r.majorDisease(0) + r.assistance(0) + r.patient(0),
                claim(0, 0).total());
    }

    /*
     * Each failed claim keeps the error that settling it alone gives, with the same ledger:
     * code and message alike (the batch used to word only the first, and the others had only
     * their status's generic description). Claim ids are batch indexes, as in the batch.
     */
    @Test
    public void eachFailedClaimHasTheErrorOfItsSingleCall() {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        Person person = TestSupport.employee();
        Claim[] plan = {
            TestSupport.inpatient(LocalDate.of(2023, 2, 1), Level.L3, 1_000_000),
            Claim.of(LocalDate.of(2023, 2, 2), ClaimKind.PHARMACY, Level.L2, 10_000),
            TestSupport.inpatient(LocalDate.of(2023, 2, 3), Level.L3, -1),
            Claim.builder().date(LocalDate.of(2023, 2, 4)).kind(ClaimKind.INPATIENT)
                    .level(Level.L2).total(1_000).selfPaid(2_000).build(),
            TestSupport.inpatient(LocalDate.of(2023, 1, 5), Level.L3, 100_000),
            TestSupport.inpatient(LocalDate.of(2024, 2, 6), Level.L3, 100_000),
            TestSupport.inpatient(LocalDate.of(2023, 3, 1), Level.L2, 500_000),
        };
        BatchClaims.Builder b = BatchClaims.builder();
        Ledger single = new Ledger(2023);
        MedinsException[] expected = new MedinsException[plan.length];
        for (int i = 0; i < plan.length; i++) {
            Claim c = plan[i].toBuilder().id(i).build();
            b.add(0, c);
            try {
                policy.settle(person, c, single, false).close();
            } catch (MedinsException e) {
                expected[i] = e;
            }
        }
        Ledger[] ledgers = {new Ledger(2023)};
        BatchResult r = policy.settleBatch(BatchPersons.of(List.of(person)), b.build(), ledgers);
        // Claims 1 to 5 fail: a pharmacy at l2, a negative total, self-paid above the total,
        // a date before the ledger's last, a date of another year than the ledger's.
        assertEquals(5, r.failed());
        assertEquals(single, ledgers[0]);
        for (int i = 0; i < plan.length; i++) {
            MedinsException e = r.error(i);
            if (expected[i] == null) {
                assertTrue("claim " + i, r.ok(i));
                assertEquals("claim " + i, null, e);
                continue;
            }
            assertEquals("claim " + i, expected[i].status(), r.status(i));
            assertEquals("claim " + i, expected[i].status(), e.status());
            assertEquals("claim " + i, expected[i].getMessage(), e.getMessage());
        }
        assertTrue(r.error(1).detail(), r.error(1).detail().contains("pharmacy"));
        assertEquals(Status.LEVEL, r.error(1).status());
        assertEquals(Status.CLAIM, r.error(2).status());
        assertEquals(Status.ORDER, r.error(4).status());
        assertEquals(Status.LEDGER_YEAR, r.error(5).status());
        assertEquals(List.of(1, 2, 3, 4, 5), List.copyOf(r.errors().keySet()));

        // The same through the set, and as one exception that carries the whole result.
        BatchResult viaSet = EMBEDDED.set().settleBatch("tianjin",
                BatchPersons.of(List.of(person)), b.build(), new Ledger[] {new Ledger(2023)});
        for (int i = 0; i < plan.length; i++) {
            assertEquals("claim " + i, expected[i] == null ? null : expected[i].getMessage(),
                    viaSet.error(i) == null ? null : viaSet.error(i).getMessage());
        }
        try {
            viaSet.throwIfFailed();
            fail("5 claims failed");
        } catch (BatchException e) {
            assertEquals(Status.BATCH, e.status());
            assertEquals("5 of 7 claims failed; the first, claim 1 (MEDINS_ERR_LEVEL): "
                    + expected[1].detail(), e.detail());
            assertSame(viaSet, e.result());
            assertEquals(5, e.getSuppressed().length);
            assertSame(viaSet.error(5), e.getSuppressed()[4]);
        }
    }

    @Test
    public void aBatchWithoutFailuresHasNoErrors() {
        BatchResult r = EMBEDDED.set().lookup(TestSupport.DAY_2023).settleBatch(
                BatchPersons.of(List.of(TestSupport.employee())),
                BatchClaims.builder().add(0, claim(0, 0)).build(), new Ledger[] {new Ledger(2023)});
        assertEquals(0, r.failed());
        assertEquals(null, r.error(0));
        assertTrue(r.errors().isEmpty());
        assertSame(r, r.throwIfFailed());
        try {
            r.error(1);
            fail("claim 1 of 1");
        } catch (IndexOutOfBoundsException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("1"));
        }
    }

    /*
     * One Ledger object given for two persons: the batch copies each ledger in and back out, so
     * the second copy back silently dropped the first person's settlements. Refused, naming
     * both indexes; nothing is settled.
     */
    @Test
    public void oneLedgerForTwoPersonsIsRefused() {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        BatchPersons persons = BatchPersons.of(List.of(TestSupport.employee(),
                TestSupport.retiree(), TestSupport.employee()));
        BatchClaims claims = BatchClaims.builder().add(0, claim(0, 0)).add(2, claim(2, 0)).build();
        Ledger shared = new Ledger(2023);
        Ledger[] ledgers = {shared, new Ledger(2023), shared};
        try {
            policy.settleBatch(persons, claims, ledgers);
            fail("one ledger for persons 0 and 2");
        } catch (IllegalArgumentException expected) {
            assertEquals("ledgers[0] and ledgers[2] are the same Ledger object: each person needs"
                    + " a ledger of its own", expected.getMessage());
        }
        try {
            EMBEDDED.set().settleBatch("tianjin", persons, claims, ledgers);
            fail("one ledger for persons 0 and 2, through the set");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("ledgers[2]"));
        }
        assertEquals(new Ledger(2023), shared);
        // Equal but distinct ledgers are fine.
        ledgers[2] = new Ledger(2023);
        assertEquals(0, policy.settleBatch(persons, claims, ledgers).failed());
        assertEquals(1, ledgers[0].seq());
        assertEquals(1, ledgers[2].seq());
    }

    /**
     * tests/data/settle/supplementary.yaml (worked in tests/cli/run.py): an employee's first
     * admission at level 3, 150,000 yuan: fund 100,000 (its maximum), supplementary fund 80% of
     * the 31,052.94 above it, 24,842.35; patient 25,157.65. An outpatient claim at level 1,
     * 8,000: fund 2,000 (the supplementary fund's start), supplementary 60% of 2,200.01,
     * 1,320.01; patient 4,679.99. Each claim's parts add up to its total.
     */
    @Test
    public void supplementaryFundColumn() {
        java.nio.file.Path file = TestSupport.path("medins.test.data").resolve("settle")
                .resolve("supplementary.yaml");
        try (Policy p = Policy.load(file)) {
            LocalDate day = LocalDate.of(2023, 3, 1);
            BatchClaims claims = BatchClaims.builder()
                    .add(0, Claim.of(day, ClaimKind.INPATIENT, Level.L3, 15_000_000L))
                    .add(1, Claim.of(day, ClaimKind.OUTPATIENT, Level.L1, 800_000L)).build();
            BatchResult r = p.settleBatch(BatchPersons.of(List.of(TestSupport.employee(),
                    TestSupport.employee())), claims, new Ledger[] {new Ledger(2023),
                    new Ledger(2023)}).throwIfFailed();
            assertArrayEquals(new long[] {10_000_000L, 200_000L}, r.fund());
            assertArrayEquals(new long[] {2_484_235L, 132_001L}, r.supplementary());
            assertArrayEquals(new long[] {2_515_765L, 467_999L}, r.patient());
            assertArrayEquals(new long[] {0, 0}, r.accountFirst());
            long[] totals = {15_000_000L, 800_000L};
            for (int i = 0; i < 2; i++) {
                assertEquals(totals[i], r.fund(i) + r.supplementary(i) + r.majorDisease(i)
                        + r.assistance(i) + r.patient(i));
            }
        }
    }
}
