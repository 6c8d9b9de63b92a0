package org.medins;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A large random batch gives, claim for claim and ledger for ledger, what settling the same
 * claims one by one through {@link Policy#settle} gives; and the batch leaves its input columns
 * as they were. The columns cross into C without copies (critical regions), so a mistake in
 * which array goes where, or in how long each region is held, shows here.
 */
public class BatchRandomTest {
    private static final int CLAIMS = 10_000;
    /** Fixed, so that a failure can be replayed; -Dmedins.test.seed=N tries another. */
    private static final long SEED = Long.getLong("medins.test.seed", 20230601L);
    private static final long FAMILY_DOCTOR = 120_045L;

    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    /** Persons of every scheme and category, some in special groups or with a family doctor. */
    private static Person randomPerson(Random rnd) {
        LocalDate born = LocalDate.of(1935 + rnd.nextInt(85), 1 + rnd.nextInt(12),
                1 + rnd.nextInt(28));
        Person.Builder b;
        switch (rnd.nextInt(4)) {
            case 0:
                b = Person.employee(Category.IN_SERVICE, born).toBuilder();
                break;
            case 1:
                b = Person.employee(Category.RETIRED, born).toBuilder();
                break;
            case 2:
                Tier[] tiers = {Tier.LOW, Tier.MIDDLE, Tier.HIGH};
                b = Person.resident(Category.ADULT, tiers[rnd.nextInt(3)], born).toBuilder();
                break;
            default:
                b = Person.resident(Category.STUDENT_CHILD, Tier.NONE,
                        LocalDate.of(2005 + rnd.nextInt(17), 1 + rnd.nextInt(12), 1))
                        .toBuilder();
                break;
        }
        if (rnd.nextInt(5) == 0) {
            Group[] groups = Group.values();
            b.groups(EnumSet.of(groups[rnd.nextInt(groups.length)]));
        }
        if (rnd.nextInt(3) == 0) {
            b.familyDoctor(FAMILY_DOCTOR);
        }
        return b.build();
    }

    /**
     * A claim on {@code date}: any kind at any level (some pairs are refused, which the batch must
     * report as the single call does), amounts from one yuan to 80,000 yuan, sometimes with
     * self-paid and category-B parts, and about one in a hundred with a self-paid part above
     * the total, which is refused.
     */
    private static Claim randomClaim(Random rnd, LocalDate date, long id) {
        ClaimKind[] kinds = ClaimKind.values();
        Level[] levels = Level.values();
        long total = (long) Math.pow(10, 2 + rnd.nextDouble() * 4.9);
        long selfPaid = rnd.nextInt(4) == 0 ? total * rnd.nextInt(30) / 100 : 0;
        long categoryB = rnd.nextInt(4) == 0 ? (total - selfPaid) * rnd.nextInt(40) / 100 : 0;
        if (rnd.nextInt(100) == 0) {
            selfPaid = total + 1;
        }
        return Claim.builder().id(id).date(date).kind(kinds[rnd.nextInt(kinds.length)])
                .level(levels[rnd.nextInt(levels.length)])
                .institution(rnd.nextInt(2) == 0 ? FAMILY_DOCTOR : 300_000L + rnd.nextInt(50))
                .total(total).selfPaid(selfPaid).categoryB(categoryB).build();
    }

    @Test
    public void randomBatchEqualsSingleClaims() {
        Random rnd = new Random(SEED);
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        List<Person> persons = new ArrayList<>();
        List<Ledger> single = new ArrayList<>();
        List<Ledger> opening = new ArrayList<>();
        BatchClaims.Builder cb = BatchClaims.builder();
        List<Settlement> expected = new ArrayList<>();
        List<Status> expectedStatus = new ArrayList<>();
        int n = 0;
        while (n < CLAIMS) {
            int p = persons.size();
            Person person = randomPerson(rnd);
            Ledger ledger = new Ledger(2023);
            if (person.scheme() == Scheme.EMPLOYEE) {
                ledger.setAccountBalance(rnd.nextInt(300_000));
            }
            persons.add(person);
            single.add(ledger);
            opening.add(ledger.copy());
            // Claims of one person in date order, equal dates allowed.
            int count = Math.min(CLAIMS - n, 1 + rnd.nextInt(20));
            int[] days = new int[count];
            for (int k = 0; k < count; k++) {
                days[k] = rnd.nextInt(365);
            }
            Arrays.sort(days);
            for (int k = 0; k < count; k++) {
                Claim c = randomClaim(rnd, LocalDate.of(2023, 1, 1).plusDays(days[k]), n);
                cb.add(p, c);
                try (Result r = policy.settle(person, c, ledger, false)) {
                    expected.add(r.settlement());
                    expectedStatus.add(Status.OK);
                } catch (MedinsException e) {
                    expected.add(null);
                    expectedStatus.add(e.status());
                }
                n++;
            }
        }
        Ledger[] batch = new Ledger[persons.size()];
        Ledger[] viaSet = new Ledger[persons.size()];
        for (int p = 0; p < batch.length; p++) {
            batch[p] = opening.get(p).copy();
            viaSet[p] = opening.get(p).copy();
        }

        BatchPersons bp = BatchPersons.of(persons);
        BatchClaims bc = cb.build();
        assertEquals(CLAIMS, bc.size());
        long[] total = bc.total.clone();
        int[] date = bc.date.clone();
        int[] who = bc.person.clone();
        int[] birth = bp.birthDate.clone();

        BatchResult r = policy.settleBatch(bp, bc, batch);

        assertEquals(CLAIMS, r.size());
        int ok = 0;
        int failed = 0;
        long major = 0;
        long account = 0;
        for (int i = 0; i < CLAIMS; i++) {
            String name = "claim " + i + " (seed " + SEED + ")";
            assertEquals(name + ": status", expectedStatus.get(i), r.status(i));
            Settlement s = expected.get(i);
            if (s == null) {
                failed++;
                assertEquals(name + ": fund of a failed claim", 0L, r.fund(i));
                assertEquals(name + ": patient of a failed claim", 0L, r.patient(i));
                continue;
            }
            ok++;
            assertEquals(name + ": fund", s.fund(), r.fund(i));
            assertEquals(name + ": major disease", s.majorDisease(), r.majorDisease(i));
            assertEquals(name + ": assistance", s.assistance(), r.assistance(i));
            assertEquals(name + ": patient", s.patient(), r.patient(i));
            assertEquals(name + ": deductible", s.deductible(), r.deductible(i));
            assertEquals(name + ": coinsurance", s.coinsurance(), r.coinsurance(i));
            assertEquals(name + ": over cap", s.overCap(), r.overCap(i));
            assertEquals(name + ": account", s.account(), r.account(i));
            major += s.majorDisease();
            account += s.account();
        }
        assertEquals("failed count", failed, r.failed());
        for (int p = 0; p < batch.length; p++) {
            assertEquals("ledger of person " + p + " (seed " + SEED + ")", single.get(p), batch[p]);
        }
        // The mix must reach the parts the comparison is about, or it proves little.
        assertTrue("most claims settle: " + ok, ok > CLAIMS / 2);
        assertTrue("some claims fail: " + failed, failed > 0);
        assertTrue("the major-disease layer is reached", major > 0);
        assertTrue("the individual account pays", account > 0);

        // The inputs are read, never written.
        assertArrayEquals("total column", total, bc.total);
        assertArrayEquals("date column", date, bc.date);
        assertArrayEquals("person column", who, bc.person);
        assertArrayEquals("birth-date column", birth, bp.birthDate);

        // Each claim's policy by date from the set: all of 2023 is one policy, so the same.
        BatchResult s = EMBEDDED.set().settleBatch("tianjin", bp, bc, viaSet);
        assertArrayEquals("status via the set", r.statusCodes(), s.statusCodes());
        assertArrayEquals("fund via the set", r.fund(), s.fund());
        assertArrayEquals("patient via the set", r.patient(), s.patient());
        assertArrayEquals("account via the set", r.account(), s.account());
        assertArrayEquals("ledgers via the set", batch, viaSet);
    }

    @Test
    public void aLedgerValueTooWideIsRefusedAndNothingChanges() {
        Policy policy = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        BatchPersons persons = BatchPersons.of(List.of(TestSupport.employee(),
                TestSupport.resident()));
        BatchClaims claims = BatchClaims.builder()
                .add(0, TestSupport.inpatient(LocalDate.of(2023, 2, 1), Level.L3, 1_000_000))
                .add(1, TestSupport.inpatient(LocalDate.of(2023, 3, 1), Level.L2, 500_000))
                .build();
        Ledger good = new Ledger(2023);
        Ledger bad = new Ledger(2023);
        // The admissions count is a 32-bit field in C: a value past it cannot be unpacked.
        bad.state()[3] = 1L << 40;
        Ledger badBefore = bad.copy();
        try {
            policy.settleBatch(persons, claims, new Ledger[] {good, bad});
            fail("a ledger with a value too wide for its field");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("ledger"));
        }
        assertEquals("the good ledger is unchanged", new Ledger(2023), good);
        assertEquals("the bad ledger is unchanged", badBefore, bad);
        // The binding is still usable after the refusal.
        Ledger[] fresh = {new Ledger(2023), new Ledger(2023)};
        assertEquals(0, policy.settleBatch(persons, claims, fresh).failed());
        assertEquals(1, fresh[0].admissions());
    }
}
