package org.medins;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.medins.swig.medins;
import org.medins.swig.medinsConstants;

/**
 * One policy year (or a reform overlay) with its bases merged in. Immutable and safe to share
 * between threads: any number of threads may settle against one policy at once.
 *
 * <p>A policy loaded or derived here is owned: close it when done (close() waits for calls in
 * progress, and later calls throw IllegalStateException). A policy obtained from a
 * {@link PolicySet} is borrowed: it is valid until the set is closed, files added to the set
 * meanwhile included (an added file that replaces it only changes what later lookups find), and
 * its close() does nothing; after the set is closed it throws IllegalStateException.
 */
public final class Policy implements AutoCloseable {
    private final org.medins.swig.Policy handle;
    private final Guard guard;
    private final PolicySet owner;
    private final String id;
    /* Read once for all its results (Shared). */
    private final Shared shared = new Shared();

    private Policy(org.medins.swig.Policy handle, PolicySet owner) {
        this.handle = handle;
        this.owner = owner;
        this.guard = owner == null ? new Guard("policy", handle::delete) : null;
        this.id = handle.id();
    }

    static Policy adopt(org.medins.swig.Policy handle) {
        return new Policy(handle, null);
    }

    static Policy borrowed(org.medins.swig.Policy handle, PolicySet owner) {
        return new Policy(handle, owner);
    }

    /**
     * Load one policy file; its {@code base:} resolves among the embedded policies.
     *
     * @param file the YAML policy file
     * @return a new policy, owned by the caller: close it
     * @throws MedinsException with the file, line and column of the offending node
     */
    public static Policy load(Path file) {
        return load(Objects.requireNonNull(file, "file"), null);
    }

    /**
     * Load one policy file; its {@code base:} resolves in {@code bases}.
     *
     * @param file the YAML policy file
     * @param bases the set the policy's bases are looked up in; null for the embedded policies
     * @return a new policy, owned by the caller: close it
     * @throws MedinsException with the file, line and column of the offending node
     */
    public static Policy load(Path file, PolicySet bases) {
        String path = Objects.requireNonNull(file, "file").toString();
        if (bases == null) {
            return adopt(org.medins.swig.Policy.load_file(path, null, null));
        }
        return bases.use(s -> adopt(org.medins.swig.Policy.load_file(path, s, null)));
    }

    /**
     * Load a policy from YAML text; its bases resolve among the embedded policies. The whole
     * text reaches the library with its length: a NUL character in it is refused, never taken
     * as its end.
     *
     * @param name stands for the file name in errors (null: "&lt;string&gt;")
     * @param yaml the policy file's text
     * @return a new policy, owned by the caller: close it
     * @throws MedinsException with the name, line and column of the offending node;
     *     MEDINS_ERR_ARGUMENT for a name with a NUL character, or for text with a lone
     *     surrogate (not Unicode)
     * @throws NullPointerException when {@code yaml} is null
     */
    public static Policy fromYaml(String name, String yaml) {
        return fromYaml(name, yaml, null);
    }

    /**
     * As {@link #fromYaml(String, String)}, with bases resolved in {@code bases}.
     *
     * @param name stands for the file name in errors
     * @param yaml the policy file's text
     * @param bases the set the policy's bases are looked up in; null for the embedded policies
     * @return a new policy, owned by the caller: close it
     * @throws MedinsException with the name, line and column of the offending node
     * @throws NullPointerException when {@code yaml} is null
     */
    public static Policy fromYaml(String name, String yaml, PolicySet bases) {
        Objects.requireNonNull(yaml, "yaml");
        if (bases == null) {
            return adopt(medins.java_load_string(name, yaml, null));
        }
        return bases.use(s -> adopt(medins.java_load_string(name, yaml, s)));
    }

    /**
     * A new, owned policy: this one with a YAML overlay applied (how an analyst changes one
     * value in memory). This policy is unchanged. The overlay reaches the library whole, as
     * {@link #fromYaml(String, String)}'s text does.
     *
     * @param name the new policy's name, used in errors and explanations
     * @param yaml the overlay, in the policy-file format
     * @return a new policy, owned by the caller: close it
     * @throws MedinsException for an invalid overlay, with its line and column
     * @throws NullPointerException when {@code yaml} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Policy derive(String name, String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return use(p -> adopt(medins.java_derive(p, name, yaml)));
    }

    /** Run {@code body} with the native policy, kept alive and unchanged meanwhile. */
    <T> T use(Function<org.medins.swig.Policy, T> body) {
        if (owner == null) {
            return guard.read(() -> body.apply(handle));
        }
        return owner.useBorrowed(id, () -> body.apply(handle));
    }

    /**
     * Whether this policy is borrowed from a {@link PolicySet} (and closed with it).
     *
     * @return true for a policy owned by a set
     */
    public boolean isBorrowed() {
        return owner != null;
    }

    /**
     * The policy id.
     *
     * @return the id, such as "tianjin/2023"
     */
    public String id() {
        return id;
    }

    /**
     * The region.
     *
     * @return the region, such as "tianjin"
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public String region() {
        return use(org.medins.swig.Policy::region);
    }

    /**
     * The human-readable title.
     *
     * @return the title
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public String title() {
        return use(org.medins.swig.Policy::title);
    }

    /**
     * The first day in force.
     *
     * @return the date
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public LocalDate effectiveFrom() {
        return Dates.fromInt(use(org.medins.swig.Policy::effective_from));
    }

    /**
     * The last day in force.
     *
     * @return the date, or empty when open-ended
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Optional<LocalDate> effectiveTo() {
        return Optional.ofNullable(Dates.fromInt(use(org.medins.swig.Policy::effective_to)));
    }

    /**
     * The bits of claim attributes as the policy names them ({@code claim_attributes}), for
     * {@link Claim.Builder#attributes}.
     *
     * @param words the policy's words separated by {@code |}, {@code ,} or spaces
     *        ("referred|out_of_region"), any case
     * @return bit i for the policy's i-th attribute named
     * @throws MedinsException (ERR_TYPE) for a word the policy does not define
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public int claimAttributes(String words) {
        Objects.requireNonNull(words, "words");
        return (int) (long) use(p -> p.attributes_parse(words));
    }

    /**
     * The bits of person groups as the policy names them ({@code person_groups}), for
     * {@link Person.Builder#cohorts}.
     *
     * @param words the policy's words separated by {@code |}, {@code ,} or spaces, any case
     * @return bit i for the policy's i-th group named
     * @throws MedinsException (ERR_TYPE) for a word the policy does not define
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public int cohorts(String words) {
        Objects.requireNonNull(words, "words");
        return (int) (long) use(p -> p.cohorts_parse(words));
    }

    /**
     * The first day of the benefit year: 1 January unless the policy gives {@code year_start}
     * (1 July for a July-to-June year).
     *
     * @return the month and day
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public java.time.MonthDay yearStart() {
        int md = use(org.medins.swig.Policy::year_start);
        return java.time.MonthDay.of(md / 100, md % 100);
    }

    /**
     * The benefit year a day belongs to: the calendar year in which that year starts, the
     * year of its ledger (2023 for 2024-03-01 in a year from 1 July).
     *
     * @param date the day
     * @return the benefit year
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public int benefitYear(LocalDate date) {
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        return use(p -> p.benefit_year(d));
    }

    /**
     * Whether the policy is in force on a day.
     *
     * @param date the day
     * @return true when the policy is in force on {@code date}
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public boolean inForce(LocalDate date) {
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        return use(p -> p.in_force(d) != 0);
    }

    /**
     * Whether the policy has a section.
     *
     * @param section the section
     * @return true when the policy has it (its own or from a base)
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public boolean hasSection(Section section) {
        Objects.requireNonNull(section, "section");
        return use(p -> p.has_section(section.code()) != 0);
    }

    /**
     * The source documents the policy lists, its bases' first.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public List<Source> sources() {
        return use(p -> {
            int n = (int) p.source_count();
            List<Source> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Source.of(p.source(i)));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /**
     * The source with that id.
     *
     * @param id a source id, as cited by values
     * @return the source, or empty when the policy lists none with that id
     * @throws NullPointerException when {@code id} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Optional<Source> findSource(String id) {
        Objects.requireNonNull(id, "id");
        return use(p -> Optional.ofNullable(Source.of(p.find_source(id))));
    }

    /**
     * Every value the policy holds (after merging its bases), in file order.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public List<PolicyValue> values() {
        return use(p -> {
            int n = (int) p.value_count();
            List<PolicyValue> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(PolicyValue.of(p.value(i)));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /**
     * The value at a path.
     *
     * @param path the value's path, such as "inpatient.deductible[2].amount"
     * @return the value, or empty when the policy holds none at {@code path}
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Optional<PolicyValue> findValue(String path) {
        Objects.requireNonNull(path, "path");
        return use(p -> Optional.ofNullable(PolicyValue.of(p.find_value(path))));
    }

    /**
     * Settle one claim with explanation lines; see {@link #settle(Person, Claim, Ledger, boolean)}.
     *
     * @param person the insured person
     * @param claim the bill to settle
     * @param ledger the member's ledger for the claim's year: updated on success, left as it was
     *     on an error
     * @return a settlement result, owned by the caller: close it
     * @throws MedinsException as {@link #settle(Person, Claim, Ledger, boolean)}
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result settle(Person person, Claim claim, Ledger ledger) {
        return settle(person, claim, ledger, true);
    }

    /**
     * Settle one claim. {@code ledger} (the member's ledger for the claim's year) is updated on
     * success and left as it was on an error.
     *
     * @param person the insured person
     * @param claim the bill to settle
     * @param ledger the member's ledger for the claim's year: updated on success, left as it was
     *     on an error
     * @param explain false to compute the figures only, without a trace (no steps, no lines)
     * @return a settlement result, owned by the caller; close it (it can reverse the settlement
     *     until then)
     * @throws MedinsException for an inconsistent claim, person or ledger, a claim dated outside
     *     the policy, a kind of care the policy does not cover...
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result settle(Person person, Claim claim, Ledger ledger, boolean explain) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(ledger, "ledger");
        long flags = explain ? 0 : medinsConstants.SETTLE_NO_TRACE;
        return use(p -> {
            synchronized (ledger) {
                return Result.adopt(id, shared, medins.java_settle(p, person.packed(),
                        claim.packed(), null, ledger.state(), flags));
            }
        });
    }

    /**
     * Pre-settle one claim (an estimate, as the platform's 2206 and 2303 are): the result
     * {@link #settle(Person, Claim, Ledger, boolean)} would give with this ledger, which is not
     * changed. The result {@link Result#isEstimate() is an estimate}: it has no record and
     * cannot be reversed.
     *
     * @param person the insured person
     * @param claim the bill to estimate
     * @param ledger the member's ledger for the claim's year: read, never changed
     * @return an estimate, owned by the caller: close it
     * @throws MedinsException as {@link #settle(Person, Claim, Ledger, boolean)}
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result presettle(Person person, Claim claim, Ledger ledger) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(ledger, "ledger");
        return use(p -> {
            synchronized (ledger) {
                return Result.adopt(id, shared, medins.java_settle(p, person.packed(),
                        claim.packed(), null, ledger.snapshot(), medinsConstants.SWIG_ESTIMATE));
            }
        });
    }

    /**
     * Settle an itemised bill: each fee line is split to the fen into its self-paid,
     * over-ceiling, first self-pay and in-scope parts, the splits summed into the claim and the
     * claim settled as by {@link #settle(Person, Claim, Ledger, boolean)}. The claim's totals
     * must be 0. The result's {@link Result#items()} holds each line's split; its
     * {@link Result#setlinfo()} and {@link Result#setldetail()} the platform's records.
     *
     * @param person the insured person
     * @param claim the bill's date, kind, level and institution, with totals of 0
     * @param items the fee lines
     * @param ledger the member's ledger for the claim's year: updated on success, left as it was
     *     on an error
     * @param explain false to compute the figures only, without a trace
     * @return a settlement result, owned by the caller: close it
     * @throws MedinsException for a line the library refuses (its message names the line), and
     *     as {@link #settle(Person, Claim, Ledger, boolean)}
     * @throws NullPointerException when an argument or a line is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result settleItems(Person person, Claim claim, java.util.List<Item> items,
                              Ledger ledger, boolean explain) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(ledger, "ledger");
        long flags = explain ? 0 : medinsConstants.SETTLE_NO_TRACE;
        org.medins.swig.Bill bill = Item.bill(items);
        try {
            return use(p -> {
                synchronized (ledger) {
                    return Result.adopt(id, shared, medins.java_settle(p, person.packed(),
                            claim.packed(), bill, ledger.state(), flags));
                }
            });
        } finally {
            bill.delete();
        }
    }

    /**
     * Settle one claim, figures only: the same figures as {@code settle(person, claim, ledger,
     * false).settlement()}, and the same update of {@code ledger}, in one native call that
     * leaves nothing to close. For one claim per call at high rates; a settlement made here
     * cannot be reversed (use {@link #settle(Person, Claim, Ledger, boolean)} for that).
     *
     * @param person the insured person
     * @param claim the bill to settle
     * @param ledger the member's ledger for the claim's year: updated on success, left as it was
     *     on an error
     * @return the figures, in fen
     * @throws MedinsException as {@link #settle(Person, Claim, Ledger, boolean)}; the ledger is
     *     then left as it was
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Settlement settleFigures(Person person, Claim claim, Ledger ledger) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(ledger, "ledger");
        long[] io = Packed.settleBuffer(person.packed(), claim.packed());
        use(p -> {
            synchronized (ledger) {
                long[] state = ledger.state();
                System.arraycopy(state, 0, io, Packed.IO_LEDGER, state.length);
                medins.java_settle_figures(p, io);
                System.arraycopy(io, Packed.IO_LEDGER, state, 0, state.length);
            }
            return null;
        });
        return Settlement.of(io, Packed.IO_FIGURES);
    }

    /**
     * A resident's contribution for the policy year containing {@code date}.
     *
     * @param person the resident
     * @param date a day of the policy year
     * @return a contribution result ({@link Result#contribution()}), owned by the caller: close it
     * @throws MedinsException for an inconsistent person, a date outside the policy, a policy
     *     without contributions, or an employee (who needs {@link EmployeeInput})
     * @throws NullPointerException when {@code person} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result contribution(Person person, LocalDate date) {
        return contribution(person, date, null);
    }

    /**
     * A person's contribution for the policy year containing {@code date}.
     *
     * @param person the resident or employee
     * @param date a day of the policy year
     * @param employee required for employees, ignored (may be null) for residents
     * @return a contribution result ({@link Result#contribution()}), owned by the caller: close it
     * @throws MedinsException for an inconsistent person or input, a date outside the policy, or
     *     a policy without contributions
     * @throws NullPointerException when {@code person} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result contribution(Person person, LocalDate date, EmployeeInput employee) {
        Objects.requireNonNull(person, "person");
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        long[] e = employee == null ? null : employee.packed();
        return use(p -> Result.adopt(id, shared,
                medins.java_contribution(p, person.packed(), d, e)));
    }

    /**
     * An employee's individual-account credit in the policy year containing {@code date}.
     *
     * @param person the employee
     * @param date a day of the policy year
     * @param input what the credit is computed from
     * @return an account result ({@link Result#account()}), owned by the caller: close it
     * @throws MedinsException for an inconsistent person or input, a date outside the policy, or
     *     a policy without accounts
     * @throws NullPointerException when {@code person} or {@code input} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result account(Person person, LocalDate date, AccountInput input) {
        Objects.requireNonNull(person, "person");
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        Objects.requireNonNull(input, "input");
        return use(p -> Result.adopt(id, shared, medins.java_account(p, person.packed(), d,
                input.packed())));
    }

    /**
     * The fund's maternity payment for a delivery on {@code date}.
     *
     * @param person the insured person
     * @param date the day of the delivery
     * @param input the delivery and its costs
     * @return a maternity result ({@link Result#maternity()}), owned by the caller: close it
     * @throws MedinsException for an inconsistent person or input, a date outside the policy, or
     *     a policy without maternity payments
     * @throws NullPointerException when {@code person} or {@code input} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result maternity(Person person, LocalDate date, MaternityInput input) {
        Objects.requireNonNull(person, "person");
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        Objects.requireNonNull(input, "input");
        return use(p -> Result.adopt(id, shared, medins.java_maternity(p, person.packed(), d,
                input.packed())));
    }

    /**
     * One institution's per-head payment for a period.
     *
     * @param input the institution, the period, its enrolments and its costs
     * @return a capitation result ({@link Result#capitation()}), owned by the caller: close it
     * @throws MedinsException for enrolments out of order or outside the period, a period
     *     outside the policy, or a policy without capitation
     * @throws NullPointerException when {@code input} is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public Result capitation(CapitationInput input) {
        int n = Objects.requireNonNull(input, "input").enrolments().size();
        long[] patient = new long[n];
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            Enrolment e = input.enrolments().get(i);
            patient[i] = e.patient();
            from[i] = Dates.toInt(e.from());
            to[i] = Dates.toInt(e.to());
        }
        return use(p -> Result.adopt(id, shared,
                medins.java_capitation(p, input.packed(), patient, from, to)));
    }

    /**
     * Settle many claims in one native call, without explanation lines. Claims are grouped by
     * person, in date order within a person; {@code ledgers[i]} is person i's ledger and is
     * updated as the batch goes. A failed claim gets its status and zeros, leaves its person's
     * ledger as it was, and keeps the error settling it alone throws
     * ({@link BatchResult#error(int)}); the batch goes on with the next claim.
     *
     * <p>The columns are handed to C without copies, so the garbage collector waits until the
     * batch returns (about 5 ms for 10^5 claims): other threads that need a collection stall
     * meanwhile. Split very large batches by person where that matters.
     *
     * @param persons the persons' columns, one row per person
     * @param claims the claims' columns, each naming its person's row
     * @param ledgers one ledger per person, updated in place; the caller keeps them
     * @return the figures and the status of every claim
     * @throws MedinsException when the arguments themselves are wrong (nothing is changed)
     * @throws IllegalArgumentException when a ledger holds a value too wide for its field, or
     *     when one Ledger object is given for two persons (each needs its own)
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public BatchResult settleBatch(BatchPersons persons, BatchClaims claims, Ledger[] ledgers) {
        return settleBatch(persons, claims, ledgers, false);
    }

    /**
     * As {@link #settleBatch(BatchPersons, BatchClaims, Ledger[])}; with {@code closeYears}, a
     * claim of a later year than its person's ledger first closes the ledger's years up to the
     * claim's, each with the policy in force on its last day ({@link Ledger#closeYear}), in the
     * library, as the command's batch does (this policy closes a year only if it is in force on
     * its 31 December); without it such a claim fails with MEDINS_ERR_LEDGER_YEAR.
     *
     * @param persons the persons' columns, one row per person
     * @param claims the claims' columns, each naming its person's row
     * @param ledgers one ledger per person, updated in place; the caller keeps them
     * @param closeYears whether to close each person's years up to their claims'
     * @return the figures and the status of every claim
     * @throws MedinsException when the arguments themselves are wrong (nothing is changed)
     * @throws IllegalArgumentException when a ledger holds a value too wide for its field, or
     *     when one Ledger object is given for two persons (each needs its own)
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public BatchResult settleBatch(BatchPersons persons, BatchClaims claims, Ledger[] ledgers,
                                   boolean closeYears) {
        return settleBatch(persons, claims, ledgers, closeYears, 1);
    }

    /**
     * As {@link #settleBatch(BatchPersons, BatchClaims, Ledger[], boolean)}, in up to
     * {@code threads} threads: claims sorted by person index (as {@link BatchClaims.Builder}
     * gives them when persons are added in order) are cut between persons into parts of at
     * least 4,096 claims, one thread each; the results, ledgers and errors are those of one
     * thread.
     *
     * @param persons the persons' columns, one row per person
     * @param claims the claims' columns, each naming its person's row
     * @param ledgers one ledger per person, updated in place; the caller keeps them
     * @param closeYears whether to close each person's years up to their claims'
     * @param threads the most threads to settle in, 1 or more
     * @return the figures and the status of every claim
     * @throws MedinsException when the arguments themselves are wrong (nothing is changed)
     * @throws IllegalArgumentException when threads is below 1, a ledger holds a value too
     *     wide for its field, or one Ledger object is given for two persons
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when this policy, or the set it is borrowed from, is closed
     */
    public BatchResult settleBatch(BatchPersons persons, BatchClaims claims, Ledger[] ledgers,
                                   boolean closeYears, int threads) {
        Objects.requireNonNull(persons, "persons");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(ledgers, "ledgers");
        return use(p -> BatchResult.run(p, null, null, persons, claims, ledgers, closeYears,
                threads));
    }

    /** Release an owned policy (waiting for calls in progress). Idempotent; no-op if borrowed. */
    @Override
    public void close() {
        if (guard != null) {
            guard.close();
        }
    }

    @Override
    public String toString() {
        return "Policy[" + id + (owner != null ? ", borrowed" : "") + "]";
    }
}
