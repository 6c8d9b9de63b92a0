package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

/** One policy shared by many threads gives every thread the single-threaded results. */
public class ThreadsTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 40;

    /** A member's year: a dozen claims of several kinds; returns every figure and the ledger. */
    private static List<Object> year(Policy policy, int member) {
        Person person = member % 2 == 0 ? TestSupport.employee() : TestSupport.retiree();
        Ledger ledger = new Ledger(2023);
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            Claim c = Claim.builder().id(k).date(LocalDate.of(2023, k + 1, 10))
                    .kind(ClaimKind.INPATIENT).level(k % 3 == 0 ? Level.L3 : Level.L2)
                    .total(250_000L * (k + 1) + member).build();
            try (Result r = policy.settle(person, c, ledger)) {
                out.add(r.settlement());
                out.add(r.lines());
            }
        }
        out.add(ledger);
        return out;
    }

    @Test
    public void sharedPolicyGivesIdenticalResults() throws Exception {
        try (PolicySet set = PolicySet.embedded()) {
            Policy policy = set.lookup(TestSupport.DAY_2023);
            List<List<Object>> expected = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                expected.add(year(policy, m));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        int m = (thread + round) % 4;
                        assertEquals("thread " + thread + " round " + round, expected.get(m),
                                year(policy, m));
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(240, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(THREADS * ROUNDS, total);
        }
    }

    /** Closing a set while threads use it: calls either finish or see it closed, never crash. */
    @Test
    public void closeWaitsForCallsInProgress() throws Exception {
        PolicySet set = PolicySet.embedded();
        Policy policy = set.lookup(TestSupport.DAY_2023);
        AtomicBoolean sawClosed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    try {
                        year(policy, i % 4);
                    } catch (IllegalStateException closed) {
                        sawClosed.set(true);
                        return;
                    }
                }
            }));
        }
        Thread.sleep(200);
        set.close();
        for (Future<?> f : futures) {
            f.get(240, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue("every thread stopped on the closed set", sawClosed.get());
    }
}
