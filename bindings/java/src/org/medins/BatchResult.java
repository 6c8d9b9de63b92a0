package org.medins;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medins.swig.medins;

/**
 * The outcome of a batch, one entry per claim: the parts in fen and the claim's status (0, or
 * the negative status of a claim that failed and got zeros). A settled claim's total is
 * {@code fund + supplementary + majorDisease + assistance + patient}. Immutable: the array
 * getters return copies.
 *
 * <p>A claim that fails does not stop the batch, so settling a batch returns this result
 * rather than throwing. Each failed claim keeps its error, {@link #error(int)}: the same code
 * and message as settling that claim alone with the same ledger gives. As with
 * {@code java.sql.BatchUpdateException}, which carries the outcome of every statement of a
 * batch, {@link #throwIfFailed()} turns failures into one {@link BatchException} that carries
 * this result, for callers that treat any failure as an error.
 */
public final class BatchResult {
    private final long[] fund;
    private final long[] supplementary;
    private final long[] majorDisease;
    private final long[] assistance;
    private final long[] patient;
    private final long[] deductible;
    private final long[] coinsurance;
    private final long[] overCap;
    private final long[] account;
    private final long[] accountFirst;
    private final int[] status;
    /* Claim i's error at [i], null for the claims that settled; null when every claim did. */
    private final MedinsException[] errors;
    private final int failed;

    private BatchResult(int n) {
        fund = new long[n];
        supplementary = new long[n];
        majorDisease = new long[n];
        assistance = new long[n];
        patient = new long[n];
        deductible = new long[n];
        coinsurance = new long[n];
        overCap = new long[n];
        account = new long[n];
        accountFirst = new long[n];
        status = new int[n];
        errors = null;
        failed = 0;
    }

    private BatchResult(BatchResult r, MedinsException[] errors) {
        fund = r.fund;
        supplementary = r.supplementary;
        majorDisease = r.majorDisease;
        assistance = r.assistance;
        patient = r.patient;
        deductible = r.deductible;
        coinsurance = r.coinsurance;
        overCap = r.overCap;
        account = r.account;
        accountFirst = r.accountFirst;
        status = r.status;
        this.errors = errors;
        int n = 0;
        for (int i = 0; errors != null && i < status.length; i++) {
            if (status[i] == 0) {
                continue;
            }
            n++;
            if (errors[i] == null) {
                // The library could not word this failure (out of memory): its status stands.
                errors[i] = new MedinsException(status[i], Status.fromCode(status[i]).describe()
                        + " (the library ran out of memory wording this claim's error)", null, 0,
                        0);
            }
        }
        failed = n;
    }

    /** One native call over the columns; the ledgers are updated when it returns. */
    static BatchResult run(org.medins.swig.Policy policy, org.medins.swig.PolicySet set,
                           String region, BatchPersons p, BatchClaims c, Ledger[] ledgers,
                           boolean closeYears, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        checkLedgers(p, ledgers);
        int nf = Packed.of(Packed.LEDGER).length;
        long[] packed = new long[ledgers.length * nf];
        for (int i = 0; i < ledgers.length; i++) {
            ledgers[i].store(packed, i * nf);
        }
        BatchResult r = new BatchResult(c.size());
        Object[] errors = medins.java_batch(policy, set, region, p.scheme, p.category, p.tier,
                p.birthDate, p.groups, p.familyDoctor, c.person, c.date, c.kind, c.level,
                c.institution, c.total, c.selfPaid, c.categoryB, c.attributes, c.days, packed,
                r.fund, r.supplementary, r.majorDisease, r.assistance, r.patient, r.deductible,
                r.coinsurance, r.overCap, r.account, r.accountFirst, r.status,
                p.retirementDate, p.contributionMonths, p.sex, p.cohorts, closeYears, threads);
        for (int i = 0; i < ledgers.length; i++) {
            ledgers[i].load(packed, i * nf);
        }
        return new BatchResult(r, (MedinsException[]) errors);
    }

    /*
     * One distinct ledger a person. The batch copies each ledger in and back out: two persons
     * sharing one Ledger would each start from the same copy, and the second copied back would
     * silently drop the first one's settlements.
     */
    private static void checkLedgers(BatchPersons persons, Ledger[] ledgers) {
        if (ledgers.length != persons.size()) {
            throw new IllegalArgumentException(ledgers.length + " ledgers for " + persons.size()
                    + " persons");
        }
        Map<Ledger, Integer> seen = new IdentityHashMap<>(ledgers.length);
        for (int i = 0; i < ledgers.length; i++) {
            if (ledgers[i] == null) {
                throw new NullPointerException("ledgers[" + i + "]");
            }
            Integer first = seen.putIfAbsent(ledgers[i], i);
            if (first != null) {
                throw new IllegalArgumentException("ledgers[" + first + "] and ledgers[" + i
                        + "] are the same Ledger object: each person needs a ledger of its own");
            }
        }
    }

    /**
     * The number of claims.
     *
     * @return the number
     */
    public int size() {
        return status.length;
    }

    /**
     * The number of claims that failed.
     *
     * @return the number
     */
    public int failed() {
        return failed;
    }

    /**
     * Whether claim i settled.
     *
     * @param i the claim's index in the batch
     * @return true when it settled
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public boolean ok(int i) {
        return status[i] == 0;
    }

    /**
     * Claim i's status.
     *
     * @param i the claim's index in the batch
     * @return {@link Status#OK}, or why the claim failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public Status status(int i) {
        return Status.fromCode(status[i]);
    }

    /**
     * Why claim i failed: the exception settling it alone would have thrown, with the same code
     * and message.
     *
     * @param i the claim's index in the batch
     * @return the error, or null when the claim settled
     * @throws IndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public MedinsException error(int i) {
        Objects.checkIndex(i, status.length);
        return errors == null ? null : errors[i];
    }

    /**
     * The failed claims' errors by claim index.
     *
     * @return an unmodifiable map in claim order; empty when no claim failed
     */
    public SortedMap<Integer, MedinsException> errors() {
        SortedMap<Integer, MedinsException> m = new TreeMap<>();
        for (int i = 0; errors != null && i < errors.length; i++) {
            if (errors[i] != null) {
                m.put(i, errors[i]);
            }
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /**
     * This result when every claim settled.
     *
     * @return this result
     * @throws BatchException when any failed: it carries this result, and each failed claim's
     *     error is one of its suppressed exceptions
     */
    public BatchResult throwIfFailed() {
        if (failed > 0) {
            throw new BatchException(this);
        }
        return this;
    }

    /**
     * Claim i's basic fund payment (after the cap).
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long fund(int i) {
        return fund[i];
    }

    /**
     * Claim i's supplementary fund payment (the section's fund that pays above the basic
     * fund's maximum or a payment threshold).
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed or a policy without such a fund
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long supplementary(int i) {
        return supplementary[i];
    }

    /**
     * Claim i's major-disease layer payment.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long majorDisease(int i) {
        return majorDisease[i];
    }

    /**
     * Claim i's medical assistance payment.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long assistance(int i) {
        return assistance[i];
    }

    /**
     * Claim i's everything the patient pays.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long patient(int i) {
        return patient[i];
    }

    /**
     * Claim i's deductible borne by the patient.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long deductible(int i) {
        return deductible[i];
    }

    /**
     * Claim i's patient's share inside the segments.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long coinsurance(int i) {
        return coinsurance[i];
    }

    /**
     * Claim i's fund payment withheld by the annual maximum.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long overCap(int i) {
        return overCap[i];
    }

    /**
     * Claim i's of the patient's part, paid from the individual account.
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long account(int i) {
        return account[i];
    }

    /**
     * Claim i's part of {@link #account(int)} paid before the fund (a section's
     * {@code account_first}).
     *
     * @param i the claim's index in the batch
     * @return the amount in fen; 0 for a claim that failed or a policy without that stage
     * @throws ArrayIndexOutOfBoundsException when {@code i} is not an index of the batch
     */
    public long accountFirst(int i) {
        return accountFirst[i];
    }

    /**
     * Every claim's basic fund payment (after the cap).
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] fund() {
        return fund.clone();
    }

    /**
     * Every claim's supplementary fund payment.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] supplementary() {
        return supplementary.clone();
    }

    /**
     * Every claim's major-disease layer payment.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] majorDisease() {
        return majorDisease.clone();
    }

    /**
     * Every claim's medical assistance payment.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] assistance() {
        return assistance.clone();
    }

    /**
     * Every claim's everything the patient pays.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] patient() {
        return patient.clone();
    }

    /**
     * Every claim's deductible borne by the patient.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] deductible() {
        return deductible.clone();
    }

    /**
     * Every claim's patient's share inside the segments.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] coinsurance() {
        return coinsurance.clone();
    }

    /**
     * Every claim's fund payment withheld by the annual maximum.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] overCap() {
        return overCap.clone();
    }

    /**
     * Every claim's of the patient's part, paid from the individual account.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] account() {
        return account.clone();
    }

    /**
     * Every claim's part of the account's payment made before the fund.
     *
     * @return a copy of the column, in fen; 0 for the claims that failed
     */
    public long[] accountFirst() {
        return accountFirst.clone();
    }

    /**
     * Every claim's status code.
     *
     * @return a copy of the column: 0, or the negative status of a claim that failed
     */
    public int[] statusCodes() {
        return status.clone();
    }

    /**
     * A column's sum by the year of each claim's date, over the claims that settled: with
     * {@link #fund()}, the fund's cost of each year of a batch over several years.
     *
     * @param claims the claims this result is of
     * @param column one amount a claim, such as {@link #fund()} or {@link #patient()}
     * @return the sums in fen by year, in year order
     * @throws IllegalArgumentException when the claims or the column are not one a claim of
     *         this result
     * @throws ArithmeticException when a sum passes the largest long
     */
    public SortedMap<Integer, Long> byYear(BatchClaims claims, long[] column) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(column, "column");
        if (claims.size() != status.length || column.length != status.length) {
            throw new IllegalArgumentException(claims.size() + " claims and " + column.length
                    + " amounts for a result of " + status.length + " claims");
        }
        SortedMap<Integer, Long> sums = new TreeMap<>();
        for (int i = 0; i < status.length; i++) {
            if (status[i] == 0) {
                sums.merge(claims.date[i] / 10000, column[i], Math::addExact);
            }
        }
        return sums;
    }
}
