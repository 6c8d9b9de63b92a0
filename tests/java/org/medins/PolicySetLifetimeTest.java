package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * A policy borrowed from a set lives as long as the set: files added later (even one that
 * replaces it) leave it usable with the same figures; closing the set ends it.
 */
public class PolicySetLifetimeTest {
    private static final String ID = "testland/basic";
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

    private static Path basic() {
        return TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
    }

    private static Path shipped() {
        return TestSupport.path("medins.test.policies");
    }

    private static PolicySet testSet() {
        PolicySet set = PolicySet.empty();
        set.addFile(basic(), ID);
        return set;
    }

    /** The settlement and its explanation lines (which quote text the policy owns). */
    private static List<Object> settleOnce(Policy p) {
        Claim c = TestSupport.inpatient(DAY, Level.L2, 1_000_000);
        try (Result r = p.settle(TestSupport.employee(), c, new Ledger(2023))) {
            List<Object> out = new ArrayList<>();
            out.add(r.settlement());
            out.add(r.lines());
            return out;
        }
    }

    private static void assertClosedSet(String name, IllegalStateException e) {
        String m = e.getMessage();
        assertTrue(name + ": " + m, m.contains("closed") && m.contains(ID));
    }

    @Test
    public void borrowedPolicySurvivesAdds() {
        try (PolicySet set = testSet()) {
            Policy p = set.get(ID).orElseThrow();
            List<Object> before = settleOnce(p);
            // 10000 yuan at l2, first admission, in-service employee, last year's outpatient
            // costs unknown: deductible 800 yuan (the `admission: first` row); the 9200 above it
            // lies in the 0-10000 segment at 80%: fund 7360 yuan; the patient keeps 800 + 1840
            // = 2640 yuan, under the major-disease deductible of 10000, so no layer adds.
            Settlement s = (Settlement) before.get(0);
            assertEquals("fund before the adds", 736_000, s.fund());
            assertEquals("patient before the adds", 264_000, s.patient());

            set.addDirectory(shipped());                  // other ids: nothing replaced
            assertEquals("after addDirectory", before, settleOnce(p));
            set.addFile(basic(), ID);                     // same id: p is replaced and retired
            assertEquals("after replacing it", before, settleOnce(p));
            assertEquals("after replacing it: id", ID, p.id());
            assertEquals("after replacing it: region", "testland", p.region());
            assertTrue("after replacing it: in force", p.inForce(DAY));

            Policy fresh = set.get(ID).orElseThrow();
            assertEquals("the replacement", before, settleOnce(fresh));
            assertEquals("tianjin/2023", set.lookup("tianjin", LocalDate.of(2023, 3, 14)).id());
        }
    }

    @Test
    public void closingTheSetEndsBorrowedPolicies() {
        PolicySet set = testSet();
        Policy looked = set.lookup("testland", DAY);
        Policy listed = set.policies().get(0);
        set.addFile(basic(), ID);                        // both are now retired, not freed
        Policy current = set.get(ID).orElseThrow();
        set.close();
        Claim c = TestSupport.inpatient(DAY, Level.L2, 1_000_000);
        Ledger ledger = new Ledger(2023);
        String before = ledger.toText();
        int n = 0;
        for (Policy p : List.of(looked, listed, current)) {
            String name = "policy " + n++;
            try {
                p.settle(TestSupport.employee(), c, ledger).close();
                fail(name + ": settled with a policy of a closed set");
            } catch (IllegalStateException e) {
                assertClosedSet(name + " settle", e);
            }
            try {
                p.settleFigures(TestSupport.employee(), c, ledger);
                fail(name + ": settleFigures with a policy of a closed set");
            } catch (IllegalStateException e) {
                assertClosedSet(name + " settleFigures", e);
            }
            try {
                p.title();
                fail(name + ": title of a policy of a closed set");
            } catch (IllegalStateException e) {
                assertClosedSet(name + " title", e);
            }
            assertEquals(name + ": the id is kept on the Java side", ID, p.id());
        }
        assertEquals("the ledger is untouched", before, ledger.toText());
    }

    /**
     * One thread settles with a borrowed policy while another keeps adding files, including
     * the one that replaces it: every settlement matches the one made before any add.
     */
    @Test
    public void settlingWhileAnotherThreadAdds() throws Exception {
        final int adds = 40;
        final int minSettles = 200;
        try (PolicySet set = testSet()) {
            Policy p = set.lookup("testland", DAY);
            List<Object> expected = settleOnce(p);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean addsDone = new AtomicBoolean();
            AtomicInteger settled = new AtomicInteger();
            try {
                Future<Integer> settler = pool.submit(() -> {
                    start.await();
                    int k = 0;
                    while (k < minSettles || !addsDone.get()) {
                        assertEquals("settlement " + k, expected, settleOnce(p));
                        k++;
                        settled.set(k);
                    }
                    return k;
                });
                Future<Integer> adder = pool.submit(() -> {
                    start.await();
                    try {
                        for (int i = 0; i < adds; i++) {
                            // Wait for a settlement since the last add, so the two interleave.
                            int seen = settled.get();
                            while (settled.get() == seen && !settler.isDone()) {
                                Thread.onSpinWait();
                            }
                            if (i % 2 == 0) {
                                set.addFile(basic(), ID);
                            } else {
                                set.addDirectory(shipped());
                            }
                        }
                    } finally {
                        addsDone.set(true);
                    }
                    return adds;
                });
                start.countDown();
                assertEquals(Integer.valueOf(adds), adder.get(240, TimeUnit.SECONDS));
                assertTrue(settler.get(240, TimeUnit.SECONDS) >= minSettles);
            } finally {
                pool.shutdownNow();
            }
            assertEquals("after the adds", expected, settleOnce(p));
            assertEquals("the last replacement", expected, settleOnce(set.get(ID).orElseThrow()));
        }
    }
}
