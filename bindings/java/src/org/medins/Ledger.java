package org.medins;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.medins.swig.medins;

/**
 * One member's running totals for a calendar year, plus what carries across years: plain data
 * the caller owns (store it with {@link #toText()}). Settlements update it in place; on an
 * error it is left exactly as it was. Amounts are fen.
 *
 * <p>A ledger belongs to one member: do not settle claims of one ledger from several threads at
 * once (each call is atomic, but the order of a member's claims matters).
 */
public final class Ledger {
    /* The packed slots (Packed) of the fields read; a total by pool has one slot a pool, in
     * the order of Pool's codes. */
    private static final int YEAR = Packed.slot(Packed.LEDGER, "year");
    private static final int LAST_DATE = Packed.slot(Packed.LEDGER, "last_date");
    private static final int SEQ = Packed.slot(Packed.LEDGER, "seq");
    private static final int ADMISSIONS = Packed.slot(Packed.LEDGER, "admissions");
    private static final int OUTPATIENT_COSTS = Packed.slot(Packed.LEDGER, "outpatient_costs");
    private static final int MAJOR_BASE = Packed.slot(Packed.LEDGER, "major_base");
    private static final int MAJOR_FUND = Packed.slot(Packed.LEDGER, "major_fund");
    private static final int ASSIST_BASE = Packed.slot(Packed.LEDGER, "assist_base");
    private static final int ASSIST_FUND = Packed.slot(Packed.LEDGER, "assist_fund");
    private static final int ACCOUNT_BALANCE = Packed.slot(Packed.LEDGER, "account_balance");
    private static final int ACCOUNT_PAID = Packed.slot(Packed.LEDGER, "account_paid");
    private static final int CARRY_OVER = Packed.slot(Packed.LEDGER, "carry_over");
    private static final int THRIFTY_YEARS = Packed.slot(Packed.LEDGER, "thrifty_years");
    private static final int PRIOR_KNOWN = Packed.slot(Packed.LEDGER, "prior_known");
    private static final int PRIOR_OUTPATIENT_COSTS = Packed.slot(Packed.LEDGER, "prior_outpatient_costs");
    private static final int[] DEDUCTIBLE = pools("deductible");
    private static final int[] POSITION = pools("position");
    private static final int[] FUND = pools("fund");
    private static final int[] SUPPLEMENTARY = pools("supplementary");
    private static final int ACCOUNT_CREDITED = Packed.slot(Packed.LEDGER, "account_credited");
    private static final int DAY_DATE = Packed.slot(Packed.LEDGER, "day_date");
    private static final int[] DAY_FUND = pools("day_fund");

    private static int[] pools(String total) {
        Pool[] pools = Pool.values();
        int[] slots = new int[pools.length];
        for (Pool p : pools) {
            slots[p.code()] = Packed.slot(Packed.LEDGER, total + "." + p.word());
        }
        return slots;
    }

    private static int pooled(int[] slots, Pool pool) {
        return slots[Objects.requireNonNull(pool, "pool").code()];
    }

    private final long[] state;

    /**
     * An empty ledger for {@code year}, with no history.
     *
     * @param year the calendar year its totals are for
     * @throws MedinsException MEDINS_ERR_LEDGER for a year outside the library's range
     */
    public Ledger(int year) {
        state = Packed.of(Packed.LEDGER);
        medins.java_ledger_init(state, year);
        medins.java_ledger_check(state);
    }

    private Ledger(long[] state) {
        this.state = state;
    }

    /**
     * Parse text written by {@link #toText()}.
     *
     * @param text the ledger's text
     * @return a new ledger
     * @throws MedinsException MEDINS_ERR_LEDGER for unknown, missing, malformed or inconsistent
     *     values; the whole text is read, a NUL character in it included
     */
    public static Ledger parse(String text) {
        Objects.requireNonNull(text, "text");
        long[] s = Packed.of(Packed.LEDGER);
        medins.java_ledger_parse(s, text);
        return new Ledger(s);
    }

    /**
     * The ledger of a person's year so far, from the figures a hospital system has
     * (docs/settlement.md, "A ledger from the year so far").
     *
     * @param ytd the year so far
     * @return a new ledger
     * @throws MedinsException MEDINS_ERR_LEDGER, naming the field, for figures that cannot be a
     *     year's (a deductible or fund payment above the in-scope costs, figures without the
     *     date of the last settlement...)
     * @throws NullPointerException when {@code ytd} is null
     */
    public static Ledger fromYear(YearToDate ytd) {
        Objects.requireNonNull(ytd, "ytd");
        long[] s = Packed.of(Packed.LEDGER);
        medins.java_ledger_from_year(ytd.packed(), s);
        return new Ledger(s);
    }

    /**
     * The ledger as text, to store it.
     *
     * @return the versioned key=value text ("medins-ledger 1" first), which {@link #parse} reads
     *     back
     */
    public synchronized String toText() {
        return medins.java_ledger_text(state);
    }

    /**
     * Check the ledger's consistency, as every settlement does first.
     *
     * @throws MedinsException MEDINS_ERR_LEDGER when the ledger is inconsistent
     */
    public synchronized void check() {
        medins.java_ledger_check(state);
    }

    /**
     * The next year's opening ledger, under the policy in force at the end of this year for
     * {@code person} (carry-over, thrifty years, last year's outpatient costs). This ledger is
     * unchanged.
     *
     * @param policy the policy in force on the last day of this ledger's year
     * @param person the member the ledger belongs to
     * @return a new ledger for the next year
     * @throws MedinsException for an inconsistent ledger or person, or a policy not in force at
     *     the end of the year
     * @throws NullPointerException when {@code policy} or {@code person} is null
     * @throws IllegalStateException when the policy, or the set it is borrowed from, is closed
     */
    public Ledger closeYear(Policy policy, Person person) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(person, "person");
        long[] next = Packed.of(Packed.LEDGER);
        long[] prev = snapshot();
        policy.use(p -> {
            medins.java_ledger_close_year(prev, next, p, person.packed());
            return null;
        });
        return new Ledger(next);
    }

    /**
     * Refund a settlement from its record ({@link Result#record()}), in this process or another:
     * this ledger becomes exactly the one before the settlement, the account payment added back
     * to the balance as it is now. Only the most recent settlement is refunded; the message of
     * a refusal says which settlements to refund first.
     *
     * @param record the record's text
     * @return the settlement's figures negated, as the platform's cancel transactions give them
     * @throws MedinsException MEDINS_ERR_RECORD for a malformed record (with its line and
     *     column), MEDINS_ERR_REVERSE when this ledger is not as the settlement left it; the
     *     ledger is then unchanged
     * @throws NullPointerException when {@code record} is null
     */
    public synchronized Settlement refund(String record) {
        Objects.requireNonNull(record, "record");
        long[] out = Packed.of(Packed.SETTLEMENT);
        medins.java_refund(state, record, out);
        return Settlement.of(out);
    }

    /**
     * An independent copy.
     *
     * @return a new ledger with the same totals
     */
    public Ledger copy() {
        return new Ledger(snapshot());
    }

    synchronized long[] snapshot() {
        return state.clone();
    }

    /** The packed state, for the native calls that update it (callers hold this ledger's lock). */
    long[] state() {
        return state;
    }

    /** Copy the packed state into {@code to} at {@code offset} (the batch's one array). */
    synchronized void store(long[] to, int offset) {
        System.arraycopy(state, 0, to, offset, state.length);
    }

    synchronized void load(long[] from, int offset) {
        System.arraycopy(from, offset, state, 0, state.length);
    }

    /**
     * The calendar year the totals are for.
     *
     * @return the year
     */
    public synchronized int year() {
        return (int) state[YEAR];
    }

    /**
     * The date of the last settled claim.
     *
     * @return the date, or null when none was settled this year
     */
    public synchronized LocalDate lastDate() {
        return Dates.fromInt((int) state[LAST_DATE]);
    }

    /**
     * Settlements applied this year, net of reversals.
     *
     * @return their number
     */
    public synchronized long seq() {
        return state[SEQ];
    }

    /**
     * Inpatient admissions settled this year.
     *
     * @return their number
     */
    public synchronized int admissions() {
        return (int) state[ADMISSIONS];
    }

    /**
     * In-scope outpatient and pharmacy costs this year.
     *
     * @return the amount in fen
     */
    public synchronized long outpatientCosts() {
        return state[OUTPATIENT_COSTS];
    }

    /**
     * Deductible borne this year in {@code pool}.
     *
     * @param pool the benefit pool
     * @return the amount in fen
     */
    public synchronized long deductible(Pool pool) {
        return state[pooled(DEDUCTIBLE, pool)];
    }

    /**
     * In-scope amount above the deductible this year in {@code pool} (the segment position).
     *
     * @param pool the benefit pool
     * @return the amount in fen
     */
    public synchronized long position(Pool pool) {
        return state[pooled(POSITION, pool)];
    }

    /**
     * Basic fund paid this year in {@code pool}.
     *
     * @param pool the benefit pool
     * @return the amount in fen
     */
    public synchronized long fund(Pool pool) {
        return state[pooled(FUND, pool)];
    }

    /**
     * Paid this year in {@code pool} by the supplementary fund of its sections (a section's
     * {@code supplementary:}).
     *
     * @param pool the benefit pool
     * @return the amount in fen
     */
    public synchronized long supplementary(Pool pool) {
        return state[pooled(SUPPLEMENTARY, pool)];
    }

    /**
     * The date {@link #dayFund(Pool)} is for: that of the last claim settled under a daily
     * maximum ({@code day_cap}).
     *
     * @return the date, or null when no such claim was settled this year
     */
    public synchronized LocalDate dayDate() {
        return Dates.fromInt((int) state[DAY_DATE]);
    }

    /**
     * Basic fund paid on {@link #dayDate()} in {@code pool} by claims under a daily maximum.
     *
     * @param pool the benefit pool
     * @return the amount in fen
     */
    public synchronized long dayFund(Pool pool) {
        return state[pooled(DAY_FUND, pool)];
    }

    /**
     * The cumulative base of the major-disease layer this year.
     *
     * @return the amount in fen
     */
    public synchronized long majorBase() {
        return state[MAJOR_BASE];
    }

    /**
     * The major-disease layer paid this year.
     *
     * @return the amount in fen
     */
    public synchronized long majorFund() {
        return state[MAJOR_FUND];
    }

    /**
     * The cumulative base of medical assistance this year.
     *
     * @return the amount in fen
     */
    public synchronized long assistBase() {
        return state[ASSIST_BASE];
    }

    /**
     * Medical assistance paid this year.
     *
     * @return the amount in fen
     */
    public synchronized long assistFund() {
        return state[ASSIST_FUND];
    }

    /**
     * The individual-account balance available to settlements.
     *
     * @return the amount in fen
     */
    public synchronized long accountBalance() {
        return state[ACCOUNT_BALANCE];
    }

    /**
     * Set the individual-account balance (the account is kept by the caller).
     *
     * @param fen the balance in fen
     * @throws MedinsException MEDINS_ERR_LEDGER for a negative amount or one above
     *     {@link Money#MAX}; the ledger is then unchanged
     */
    public synchronized void setAccountBalance(long fen) {
        setChecked(ACCOUNT_BALANCE, fen);
    }

    /* Set one slot, the ledger with it checked first: unchanged when refused. */
    private void setChecked(int slot, long fen) {
        long[] next = state.clone();
        next[slot] = fen;
        medins.java_ledger_check(next);
        state[slot] = fen;
    }

    /**
     * Credited to the individual account this year: what of it the year's account payments
     * have not spent is the current year's account (a section's {@code account_first: current}
     * pays from it), the rest of the balance was carried over.
     *
     * @return the amount in fen
     */
    public synchronized long accountCredited() {
        return state[ACCOUNT_CREDITED];
    }

    /**
     * Set the year's credits to the individual account (the caller adds each credit here and
     * to the balance).
     *
     * @param fen the year's credits in fen
     * @throws MedinsException MEDINS_ERR_LEDGER for a negative amount or one above
     *     {@link Money#MAX}; the ledger is then unchanged
     */
    public synchronized void setAccountCredited(long fen) {
        setChecked(ACCOUNT_CREDITED, fen);
    }

    /**
     * Paid from the individual account this year.
     *
     * @return the amount in fen
     */
    public synchronized long accountPaid() {
        return state[ACCOUNT_PAID];
    }

    /**
     * The accumulated addition to the inpatient maximum (carry-over).
     *
     * @return the amount in fen
     */
    public synchronized long carryOver() {
        return state[CARRY_OVER];
    }

    /**
     * Consecutive years with outpatient costs not above the deductible.
     *
     * @return their number
     */
    public synchronized int thriftyYears() {
        return (int) state[THRIFTY_YEARS];
    }

    /**
     * Whether {@link #priorOutpatientCosts()} comes from a closed year.
     *
     * @return true when it does
     */
    public synchronized boolean priorKnown() {
        return state[PRIOR_KNOWN] != 0;
    }

    /**
     * Last year's in-scope outpatient costs.
     *
     * @return the amount in fen
     */
    public synchronized long priorOutpatientCosts() {
        return state[PRIOR_OUTPATIENT_COSTS];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ledger && Arrays.equals(snapshot(), ((Ledger) o).snapshot());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(snapshot());
    }

    @Override
    public String toString() {
        return "Ledger" + Arrays.toString(snapshot());
    }
}
