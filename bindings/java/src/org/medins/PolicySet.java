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

    /** The policies compiled into the library (no files needed). */
    public static PolicySet embedded() {
        return new PolicySet(org.medins.swig.PolicySet.embedded());
    }

    /** An empty set. */
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
     */
    public void addDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        add(s -> {
            s.add_dir(dir.toString(), null);
            return null;
        });
    }

    /**
     * Add one file; {@code id} null derives it from the file name. Same rules as
     * {@link #addDirectory}.
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
     * @throws MedinsException MEDINS_ERR_NO_POLICY when none is
     */
    public Policy lookup(String region, LocalDate date) {
        Objects.requireNonNull(region, "region");
        int d = Dates.toInt(Objects.requireNonNull(date, "date"));
        return use(s -> borrow(s.lookup(region, d)));
    }

    /** The policy of the default region in force on {@code date}. */
    public Policy lookup(LocalDate date) {
        return lookup(Medins.defaultRegion(), date);
    }

    /** The policy with that id ("tianjin/2023"). */
    public Optional<Policy> get(String id) {
        Objects.requireNonNull(id, "id");
        return use(s -> Optional.ofNullable(borrow(s.get(id))));
    }

    /** Number of policies (reforms included). */
    public int size() {
        return use(s -> (int) s.count());
    }

    /** Every policy, by region then effective date. */
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

    /** Settle one claim with the policy of {@code region} in force on the claim's date. */
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
     */
    public BatchResult settleBatch(String region, BatchPersons persons, BatchClaims claims,
                                   Ledger[] ledgers) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(persons, "persons");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(ledgers, "ledgers");
        return use(s -> BatchResult.run(null, s, region, persons, claims, ledgers));
    }

    /** The region used when none is named ("tianjin"). */
    public static String defaultRegion() {
        return medins.default_region();
    }

    /** Release the set and the policies it owns, waiting for calls in progress. Idempotent. */
    @Override
    public void close() {
        guard.close();
    }
}
