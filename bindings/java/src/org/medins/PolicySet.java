package org.medins;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.medins.swig.medins;

/**
 * Policies indexed by region and dates, so that the policy in force on a date can be found.
 * Lookups and settlements may run from many threads at once; adding files takes the set
 * exclusively, waiting for calls in progress on its policies.
 *
 * <p>Policies obtained from a set ({@link #lookup}, {@link #get}, {@link #policies}) are
 * borrowed from it and stay usable until the set is closed, even across later additions: a
 * policy that an addition replaces is no longer found by lookups, but the one already borrowed
 * keeps working, with the same figures. Once the set is closed, using a policy borrowed from it
 * throws IllegalStateException. Close the set when done; close() is idempotent and there is no
 * finalizer.
 */
public final class PolicySet implements AutoCloseable {
    private final org.medins.swig.PolicySet handle;
    private final Guard guard;

    private PolicySet(org.medins.swig.PolicySet handle) {
        this.handle = handle;
        this.guard = new Guard("policy set", handle::delete);
    }

    /**
     * The policies compiled into the library (no files needed).
     *
     * @return a new set, owned by the caller: close it
     * @throws MedinsException when the library cannot load them (out of memory)
     */
    public static PolicySet embedded() {
        return new PolicySet(org.medins.swig.PolicySet.embedded());
    }

    /**
     * An empty set, to add policy files to.
     *
     * @return a new set, owned by the caller: close it
     */
    public static PolicySet empty() {
        return new PolicySet(org.medins.swig.PolicySet.empty());
    }

    <T> T use(Function<org.medins.swig.PolicySet, T> body) {
        return guard.read(() -> body.apply(handle));
    }

    /**
     * Run {@code body} with a policy borrowed from this set. The C set frees its policies only
     * with itself (an addition retires the ones it replaces but keeps them), so holding the
     * set's read lock is what keeps a borrowed policy alive; it also keeps additions, which
     * take the write lock, from running meanwhile.
     */
    <T> T useBorrowed(String id, Supplier<T> body) {
        return guard.read(body, () -> "policy " + id
                + " was borrowed from a policy set that is now closed");
    }

    private void add(Function<org.medins.swig.PolicySet, Void> body) {
        guard.write(() -> body.apply(handle));
    }

    /**
     * Add every *.yaml file below {@code dir} (ids are paths relative to it without ".yaml").
     * A file whose id is already in the set replaces that policy for later lookups; policies
     * borrowed before the call stay usable until the set is closed. On error the set is
     * unchanged.
     *
     * @param dir the folder to read
     * @throws MedinsException for a file that does not load (with its file, line and column), two
     *     policies of one region in force on the same day, or a folder that cannot be read
     * @throws NullPointerException when {@code dir} is null
     * @throws IllegalStateException when the set is closed
     */
    public void addDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        add(s -> {
            s.add_dir(dir.toString(), null);
            return null;
        });
    }

    /**
     * Add one file. Same rules as {@link #addDirectory}.
     *
     * @param file the policy file
     * @param id the policy's id; null derives it from the file name
     * @throws MedinsException as {@link #addDirectory}
     * @throws NullPointerException when {@code file} is null
     * @throws IllegalStateException when the set is closed
     */
    public void addFile(Path file, String id) {
        Objects.requireNonNull(file, "file");
        add(s -> {
            s.add_file(file.toString(), id, null);
            return null;
        });
    }

    private Policy borrow(org.medins.swig.Policy p) {
        return p == null ? null : Policy.borrowed(p, this);
    }

    /**
     * The policy of {@code region} in force on {@code date}.
     *
     * @param region the region, such as "tianjin"
     * @param date the day
     * @return the policy, borrowed from this set (valid until the set is closed)
     * @throws MedinsException MEDINS_ERR_NO_POLICY when none is
     * @throws IllegalStateException when the set is closed
     */
    public Policy lookup(String region, LocalDate date) {
        Objects.requireNonNull(region, "region");
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        return use(s -> borrow(s.lookup(region, d)));
    }

    /**
     * The policy of the default region in force on {@code date}.
     *
     * @param date the day
     * @return the policy, borrowed from this set (valid until the set is closed)
     * @throws MedinsException MEDINS_ERR_NO_POLICY when none is
     * @throws IllegalStateException when the set is closed
     */
    public Policy lookup(LocalDate date) {
        return lookup(Medins.defaultRegion(), date);
    }

    /**
     * The policy with that id.
     *
     * @param id the policy id, such as "tianjin/2023"
     * @return the policy, borrowed from this set, or empty when the set has none with that id
     * @throws IllegalStateException when the set is closed
     */
    public Optional<Policy> get(String id) {
        Objects.requireNonNull(id, "id");
        return use(s -> Optional.ofNullable(borrow(s.get(id))));
    }

    /**
     * The number of policies (reforms included).
     *
     * @return the number
     * @throws IllegalStateException when the set is closed
     */
    public int size() {
        return use(s -> (int) s.count());
    }

    /**
     * Every policy, by region then effective date.
     *
     * @return an unmodifiable list of policies borrowed from this set
     * @throws IllegalStateException when the set is closed
     */
    public List<Policy> policies() {
        return use(s -> {
            int n = (int) s.count();
            List<Policy> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(borrow(s.at(i)));
            }
            return Collections.unmodifiableList(out);
        });
    }

    /**
     * Settle one claim with the policy of {@code region} in force on the claim's date; see
     * {@link Policy#settle(Person, Claim, Ledger)}.
     *
     * @param region the region, such as "tianjin"
     * @param person the insured person
     * @param claim the bill to settle
     * @param ledger the member's ledger for the claim's year: updated on success, left as it was
     *     on an error
     * @return a settlement result, owned by the caller: close it
     * @throws MedinsException MEDINS_ERR_NO_POLICY when no policy is in force on the claim's
     *     date, or as {@link Policy#settle(Person, Claim, Ledger, boolean)}
     * @throws NullPointerException when {@code person}, {@code claim} or {@code ledger} is null
     * @throws IllegalStateException when the set is closed
     */
    public Result settle(String region, Person person, Claim claim, Ledger ledger) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(ledger, "ledger");
        return lookup(region, claim.date()).settle(person, claim, ledger);
    }

    /**
     * Settle many claims in one native call, each with the policy of {@code region} in force on
     * its date. See {@link Policy#settleBatch}.
     *
     * @param region the region, such as "tianjin"
     * @param persons the persons' columns, one row per person
     * @param claims the claims' columns, each naming its person's row
     * @param ledgers one ledger per person, updated in place; the caller keeps them
     * @return the figures and the status of every claim
     * @throws MedinsException when the arguments themselves are wrong (nothing is changed)
     * @throws IllegalArgumentException when a ledger holds a value too wide for its field
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when the set is closed
     */
    public BatchResult settleBatch(String region, BatchPersons persons, BatchClaims claims,
                                   Ledger[] ledgers) {
        return settleBatch(region, persons, claims, ledgers, false);
    }

    /**
     * As {@link #settleBatch(String, BatchPersons, BatchClaims, Ledger[])}; with
     * {@code closeYears}, a claim of a later year than its person's ledger first closes the
     * ledger's years up to the claim's, each with the region's policy in force on its last day
     * (see {@link Policy#settleBatch(BatchPersons, BatchClaims, Ledger[], boolean)}).
     *
     * @param region the region, such as "tianjin"
     * @param persons the persons' columns, one row per person
     * @param claims the claims' columns, each naming its person's row
     * @param ledgers one ledger per person, updated in place; the caller keeps them
     * @param closeYears whether to close each person's years up to their claims'
     * @return the figures and the status of every claim
     * @throws MedinsException when the arguments themselves are wrong (nothing is changed)
     * @throws IllegalArgumentException when a ledger holds a value too wide for its field
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when the set is closed
     */
    public BatchResult settleBatch(String region, BatchPersons persons, BatchClaims claims,
                                   Ledger[] ledgers, boolean closeYears) {
        return settleBatch(region, persons, claims, ledgers, closeYears, 1);
    }

    /**
     * As {@link #settleBatch(String, BatchPersons, BatchClaims, Ledger[], boolean)}, in up to
     * {@code threads} threads (see
     * {@link Policy#settleBatch(BatchPersons, BatchClaims, Ledger[], boolean, int)}): the
     * results, ledgers and errors of one thread.
     *
     * @param region the region, such as "tianjin"
     * @param persons the persons' columns, one row per person
     * @param claims the claims' columns, each naming its person's row
     * @param ledgers one ledger per person, updated in place; the caller keeps them
     * @param closeYears whether to close each person's years up to their claims'
     * @param threads the most threads to settle in, 1 or more
     * @return the figures and the status of every claim
     * @throws MedinsException when the arguments themselves are wrong (nothing is changed)
     * @throws IllegalArgumentException when threads is below 1 or a ledger holds a value too
     *     wide for its field
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when the set is closed
     */
    public BatchResult settleBatch(String region, BatchPersons persons, BatchClaims claims,
                                   Ledger[] ledgers, boolean closeYears, int threads) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(persons, "persons");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(ledgers, "ledgers");
        return use(s -> BatchResult.run(null, s, region, persons, claims, ledgers, closeYears,
                threads));
    }

    /**
     * The region used when none is named.
     *
     * @return the region, such as "tianjin"
     */
    public static String defaultRegion() {
        return medins.default_region();
    }

    /** Release the set and the policies it owns, waiting for calls in progress. Idempotent. */
    @Override
    public void close() {
        guard.close();
    }
}
