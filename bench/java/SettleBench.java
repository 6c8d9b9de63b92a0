import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medins.BatchClaims;
import org.medins.BatchPersons;
import org.medins.BatchResult;
import org.medins.Category;
import org.medins.Claim;
import org.medins.ClaimKind;
import org.medins.Ledger;
import org.medins.Level;
import org.medins.Person;
import org.medins.Policy;
import org.medins.PolicySet;
import org.medins.Result;
import org.medins.Settlement;
import org.medins.Tier;

/**
 * One claim per call from Java, against the embedded default policy (tianjin/2023): the
 * figures-only path (Policy.settleFigures), the normal settle without explanation lines (result
 * closed at once), settle with lines, and the batch per claim for comparison.
 *
 * <p>A cycle is two members (an employee in service, a resident adult of the low tier) with ten
 * claims each on one date (the ledger's date order allows equal dates), a mix of outpatient,
 * pharmacy and inpatient bills that crosses deductibles and segment bounds; each member starts
 * every cycle with a fresh ledger, so the figures of every cycle are the same. Prints
 * "name: value" lines.
 *
 * <p>Usage: java ... SettleBench [CALLS [batch]] (default 1,000,000 calls a round, 5 timed rounds
 * per path after 200,000 warm-up calls; settle with lines gets a tenth as many). With "batch",
 * only the batch is timed (CALLS claims, in calls of 10^5 claims).
 */
public final class SettleBench {
    private static final LocalDate DAY = LocalDate.of(2023, 6, 1);
    private static final int WARMUP = 200_000;
    private static final int ROUNDS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SettleBench() {
    }

    private static Claim claim(ClaimKind kind, Level level, long fen) {
        return Claim.of(DAY, kind, level, fen);
    }

    /** Ten bills of one member: sizes in fen from a small visit to a long stay. */
    private static final Claim[] BILLS = {
        claim(ClaimKind.OUTPATIENT, Level.PRIMARY, 8_000),
        claim(ClaimKind.OUTPATIENT, Level.L2, 45_000),
        claim(ClaimKind.PHARMACY, Level.PHARMACY, 12_000),
        claim(ClaimKind.OUTPATIENT, Level.L3, 160_000),
        claim(ClaimKind.INPATIENT, Level.L2, 1_200_000),
        claim(ClaimKind.PHARMACY, Level.PHARMACY, 30_000),
        claim(ClaimKind.OUTPATIENT, Level.L1, 260_000),
        claim(ClaimKind.INPATIENT, Level.L3, 6_500_000),
        claim(ClaimKind.OUTPATIENT, Level.L3, 90_000),
        claim(ClaimKind.PHARMACY, Level.PHARMACY, 55_000),
    };

    private static final Person[] MEMBERS = {
        Person.employee(Category.IN_SERVICE, LocalDate.of(1980, 5, 1)),
        Person.resident(Category.ADULT, Tier.LOW, LocalDate.of(1972, 3, 9)),
    };

    private static final int CYCLE = MEMBERS.length * BILLS.length;

    /** One settlement path under test; returns something of the figures so nothing is dead. */
    private interface Path {
        long settle(Policy policy, Person person, Claim claim, Ledger ledger);
    }

    private static long figuresOnly(Policy policy, Person person, Claim claim, Ledger ledger) {
        return policy.settleFigures(person, claim, ledger).fund();
    }

    private static long noLines(Policy policy, Person person, Claim claim, Ledger ledger) {
        try (Result r = policy.settle(person, claim, ledger, false)) {
            return r.settlement().fund();
        }
    }

    private static long withLines(Policy policy, Person person, Claim claim, Ledger ledger) {
        try (Result r = policy.settle(person, claim, ledger, true)) {
            return r.settlement().fund() + r.lines().size();
        }
    }

    /** {@code calls} settlements by cycles of {@link #CYCLE}; returns the sum of the funds. */
    private static long run(Path path, Policy policy, long calls) {
        long sum = 0;
        long done = 0;
        while (done < calls) {
            for (Person person : MEMBERS) {
                Ledger ledger = new Ledger(2023);
                for (Claim bill : BILLS) {
                    sum += path.settle(policy, person, bill, ledger);
                }
            }
            done += CYCLE;
        }
        return sum;
    }

    /**
     * Nanoseconds per call of {@code path}: after the warm-up, {@code ROUNDS} timed rounds of
     * {@code calls} calls each. The machine may be shared, so it prints the best and the median
     * round by the clock (System.nanoTime), and the best round in this thread's CPU time, which
     * leaves out the time the thread waited for a core (but also the collector's threads).
     * Returns the best round by the clock.
     */
    private static double time(String name, Path path, Policy policy, long calls) {
        long cycles = (calls + CYCLE - 1) / CYCLE;
        long perCycle = run(path, policy, WARMUP) / ((WARMUP + CYCLE - 1) / CYCLE);
        double[] ns = new double[ROUNDS];
        double cpu = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long sum = run(path, policy, cycles * CYCLE);
            ns[i] = (double) (System.nanoTime() - t0) / (cycles * CYCLE);
            long c = THREADS.getCurrentThreadCpuTime() - c0;
            cpu = Math.min(cpu, (double) c / (cycles * CYCLE));
            if (sum != perCycle * cycles) {
                throw new AssertionError(name + ": the figures changed between cycles");
            }
        }
        Arrays.sort(ns);
        System.out.printf("java_%s_ns_per_call: %.1f (best of %d rounds of %d calls; median %.1f;"
                + " thread CPU time %.1f)%n", name, ns[0], ROUNDS, cycles * CYCLE,
                ns[ROUNDS / 2], cpu);
        return ns[0];
    }

    /** The same claims through Policy.settleBatch, {@code persons} members a call. */
    private static double timeBatch(Policy policy, int persons, long calls) {
        List<Person> ps = new ArrayList<>(persons);
        BatchClaims.Builder cb = BatchClaims.builder();
        for (int i = 0; i < persons; i++) {
            ps.add(MEMBERS[i % MEMBERS.length]);
            for (Claim bill : BILLS) {
                cb.add(i, bill);
            }
        }
        BatchPersons bp = BatchPersons.of(ps);
        BatchClaims bc = cb.build();
        long rounds = Math.max(1, (calls + bc.size() - 1) / bc.size());
        long warmRounds = Math.max(1, WARMUP / bc.size());
        long best = Long.MAX_VALUE;
        long total = 0;
        long fundSum = 0;
        for (long r = 0; r < warmRounds + rounds; r++) {
            Ledger[] ledgers = new Ledger[persons];
            for (int i = 0; i < persons; i++) {
                ledgers[i] = new Ledger(2023);
            }
            long t0 = System.nanoTime();
            BatchResult res = policy.settleBatch(bp, bc, ledgers);
            long t = System.nanoTime() - t0;
            if (res.failed() != 0) {
                throw new AssertionError("batch: " + res.failed() + " claims failed");
            }
            if (r >= warmRounds) {
                best = Math.min(best, t);
                total += t;
            }
            fundSum = Arrays.stream(res.fund()).sum();
        }
        double ns = (double) total / (rounds * bc.size());
        System.out.printf("java_batch_ns_per_claim: %.1f (mean of %d calls of %d claims;"
                + " best call %.1f ns a claim; fund sum %d)%n", ns, rounds, bc.size(),
                (double) best / bc.size(), fundSum);
        return ns;
    }

    /** The figures-only path must give the normal settle's figures and ledger. */
    private static void check(Policy policy) {
        for (Person person : MEMBERS) {
            Ledger a = new Ledger(2023);
            Ledger b = new Ledger(2023);
            for (Claim bill : BILLS) {
                Settlement fast = policy.settleFigures(person, bill, a);
                Settlement full;
                try (Result r = policy.settle(person, bill, b, false)) {
                    full = r.settlement();
                }
                if (!fast.equals(full) || !a.equals(b)) {
                    throw new AssertionError("settleFigures differs from settle: " + fast
                            + " vs " + full);
                }
            }
        }
        System.out.println("figures_only_equals_settle: yes");
    }

    public static void main(String[] args) {
        long calls = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        boolean batchOnly = args.length > 1 && args[1].equals("batch");
        System.out.println("java: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        try (PolicySet set = PolicySet.embedded()) {
            Policy policy = set.lookup("tianjin", DAY);
            System.out.println("policy: " + policy.id());
            if (batchOnly) {
                timeBatch(policy, 10_000, calls);
                return;
            }
            check(policy);
            double fast = time("settle_figures", SettleBench::figuresOnly, policy, calls);
            time("settle_no_lines", SettleBench::noLines, policy, calls);
            time("settle_with_lines", SettleBench::withLines, policy, Math.max(CYCLE, calls / 10));
            timeBatch(policy, 10_000, calls);
            System.out.println("java_single_claim_target_1000ns: "
                    + (fast <= 1000 ? "met" : "missed"));
        }
    }
}
