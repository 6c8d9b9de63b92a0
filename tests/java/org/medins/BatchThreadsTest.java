package org.medins;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A batch in several threads ({@code settleBatch(..., threads)}) gives what one thread gives:
 * every column, every status, every failed claim's error and every ledger. 6,000 persons with
 * two claims in 2022 and two in 2023 (years closed in the batch), one claim in about fifty
 * refused (a self-paid part above the total), so that every part has failures.
 */
public class BatchThreadsTest {
    private static final int PERSONS = 6_000;

    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    private static BatchPersons persons;
    private static BatchClaims claims;

    private static synchronized void make() {
        if (claims != null) {
            return;
        }
        Random rnd = new Random(2828L);
        List<Person> ps = new ArrayList<>();
        BatchClaims.Builder b = BatchClaims.builder();
        ClaimKind[] kinds = {ClaimKind.OUTPATIENT, ClaimKind.INPATIENT};
        Level[] levels = {Level.L1, Level.L2, Level.L3};
        for (int i = 0; i < PERSONS; i++) {
            LocalDate born = LocalDate.of(1940 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1);
            ps.add(rnd.nextBoolean() ? Person.employee(Category.IN_SERVICE, born)
                    : Person.resident(Category.ADULT, Tier.LOW, born));
            for (int c = 0; c < 4; c++) {
                LocalDate date = LocalDate.of(c < 2 ? 2022 : 2023, 3 * c + 1 + rnd.nextInt(3),
                        1 + rnd.nextInt(28));
                long total = 10_000 + rnd.nextInt(5_000_000);
                Claim.Builder claim = Claim.builder().date(date).total(total)
                        .kind(kinds[rnd.nextInt(2)]).level(levels[rnd.nextInt(3)]);
                if (rnd.nextInt(50) == 0) {
                    claim.selfPaid(total + 1);
                }
                b.add(i, claim.build());
            }
        }
        persons = BatchPersons.of(ps);
        claims = b.build();
    }

    private static Ledger[] ledgers() {
        Ledger[] l = new Ledger[PERSONS];
        for (int i = 0; i < PERSONS; i++) {
            l[i] = new Ledger(2022);
        }
        return l;
    }

    @Test
    public void threadsGiveWhatOneThreadGives() {
        make();
        PolicySet set = EMBEDDED.set();
        Ledger[] one = ledgers();
        BatchResult r1 = set.settleBatch("tianjin", persons, claims, one, true, 1);
        assertTrue(r1.failed() > 100);
        for (int threads : new int[] {2, 3}) {
            Ledger[] many = ledgers();
            BatchResult rn = set.settleBatch("tianjin", persons, claims, many, true, threads);
            assertArrayEquals(r1.fund(), rn.fund());
            assertArrayEquals(r1.majorDisease(), rn.majorDisease());
            assertArrayEquals(r1.assistance(), rn.assistance());
            assertArrayEquals(r1.patient(), rn.patient());
            assertArrayEquals(r1.deductible(), rn.deductible());
            assertArrayEquals(r1.coinsurance(), rn.coinsurance());
            assertArrayEquals(r1.overCap(), rn.overCap());
            assertArrayEquals(r1.account(), rn.account());
            assertArrayEquals(r1.statusCodes(), rn.statusCodes());
            assertArrayEquals(one, many);
            assertEquals(r1.errors().keySet(), rn.errors().keySet());
            for (Map.Entry<Integer, MedinsException> e : r1.errors().entrySet()) {
                assertEquals(e.getValue().getMessage(), rn.error(e.getKey()).getMessage());
                assertEquals(e.getValue().code(), rn.error(e.getKey()).code());
            }
        }
        // Every person's ledger is of 2023, its year closed in the batch.
        assertEquals(2023, one[0].year());
    }

    @Test
    public void threadsBelowOneAreRefused() {
        make();
        try {
            EMBEDDED.set().settleBatch("tianjin", persons, claims, ledgers(), true, 0);
            fail("0 threads");
        } catch (IllegalArgumentException e) {
            assertEquals("threads must be 1 or more, not 0", e.getMessage());
        }
    }
}
