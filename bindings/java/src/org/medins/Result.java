package org.medins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medins.swig.Line;
import org.medins.swig.medins;
import org.medins.swig.medinsConstants;

/**
 * The explained result of a computation: its figures and one line per part saying which rule
 * produced it, citing the policy. Immutable: everything is copied out of the library when the
 * result is made, so it stays readable after {@link #close()} and after its policy is closed.
 *
 * <p>A settlement result also keeps the native result, which {@link #reverse(Ledger)} needs;
 * close it when done (try-with-resources). Other kinds hold no native memory, and closing them
 * does nothing. close() is idempotent; there is no finalizer.
 */
public final class Result implements AutoCloseable {
    private final ResultKind kind;
    private final String policyId;
    private final List<ExplanationLine> lines;
    private final List<PolicyValue> assumedValues;
    private final List<PolicyValue> thirdPartyValues;
    private final boolean usesAssumed;
    private final Settlement settlement;
    private final ContributionFigures contribution;
    private final AccountFigures account;
    private final MaternityFigures maternity;
    private final CapitationFigures capitation;
    private final org.medins.swig.Result handle;
    private final Guard guard;

    private Result(String policyId, Shared shared, org.medins.swig.Result r) {
        kind = ResultKind.fromCode(r.kind());
        this.policyId = policyId;
        lines = lines(shared.strings, r);
        long[] ids = new long[(int) r.assumed_count()];
        medins.java_result_assumed(r, ids);
        List<PolicyValue> vs = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            PolicyValue v = shared.values.get(ids[i]);
            if (v == null) {
                v = PolicyValue.of(r.assumed(i));
                shared.values.put(ids[i], v);
            }
            vs.add(v);
        }
        assumedValues = Collections.unmodifiableList(vs);
        thirdPartyValues = thirdParty(r);
        usesAssumed = r.uses_assumed() != 0;
        // Only the kind's own figures exist: one native call instead of one per layout.
        long[] f = figures(r, kind == ResultKind.SETTLEMENT, Packed.SETTLEMENT);
        settlement = f == null ? null : Settlement.of(f);
        f = figures(r, kind == ResultKind.CONTRIBUTION, Packed.CONTRIBUTION);
        contribution = f == null ? null : ContributionFigures.of(f);
        f = figures(r, kind == ResultKind.ACCOUNT, Packed.ACCOUNT);
        account = f == null ? null : AccountFigures.of(f);
        f = figures(r, kind == ResultKind.MATERNITY, Packed.MATERNITY);
        maternity = f == null ? null : MaternityFigures.of(f);
        f = figures(r, kind == ResultKind.CAPITATION, Packed.CAPITATION);
        capitation = f == null ? null : CapitationFigures.of(f);
        if (kind == ResultKind.SETTLEMENT) {
            handle = r;
            guard = new Guard("result", r::delete);
        } else {
            handle = null;
            guard = new Guard("result", null);
            r.delete();
        }
    }

    private static List<PolicyValue> thirdParty(org.medins.swig.Result r) {
        int n = (int) r.third_party_count();
        if (n == 0) {
            return Collections.emptyList();
        }
        List<PolicyValue> vs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            vs.add(PolicyValue.of(r.third_party(i)));
        }
        return Collections.unmodifiableList(vs);
    }

    private static long[] figures(org.medins.swig.Result r, boolean wanted, int layout) {
        if (!wanted) {
            return null;
        }
        long[] f = Packed.of(layout);
        return medins.java_result_figures(r, layout, f) != 0 ? f : null;
    }

    /* Longs a line in java_result_lines' first array. */
    private static final int LINE_NUMS = medinsConstants.JAVA_LINE_NUMS;

    /*
     * The lines in one native call: their numbers and texts. Their other strings (rule, source,
     * citation, file) come as addresses in the policy or the library, each made into a String
     * once a policy and then shared.
     */
    private static List<ExplanationLine> lines(Map<Long, String> strings, org.medins.swig.Result r) {
        int n = (int) r.line_count();
        if (n == 0) {
            return Collections.emptyList();
        }
        long[] v = new long[n * LINE_NUMS];
        Object[] texts = new Object[n];
        medins.java_result_lines(r, v, texts);
        ExplanationLine[] ls = new ExplanationLine[n];
        for (int i = 0, k = 0; i < n; i++, k += LINE_NUMS) {
            ls[i] = new ExplanationLine(Part.fromCode((int) v[k]), v[k + 1], v[k + 2],
                    (int) v[k + 3], string(strings, v[k + 7], r, i, Line::getRule),
                    (String) texts[i], string(strings, v[k + 8], r, i, Line::getSource),
                    string(strings, v[k + 9], r, i, Line::getCitation),
                    string(strings, v[k + 10], r, i, Line::getFile), (int) v[k + 4],
                    (int) v[k + 5], v[k + 6] != 0);
        }
        return Collections.unmodifiableList(Arrays.asList(ls));
    }

    /* The string at `address` (0: null), read from line i with `get` on first use. */
    private static String string(Map<Long, String> strings, long address, org.medins.swig.Result r,
                                 int i, Function<Line, String> get) {
        if (address == 0) {
            return null;
        }
        String s = strings.get(address);
        if (s == null) {
            s = get.apply(r.line(i));
            strings.put(address, s);
        }
        return s;
    }

    /**
     * Take ownership of a new native result (freed here if copying it out fails).
     * {@code policyId} is the id of the policy that made it, which the caller already holds:
     * fetching it again would make a new String on every call. {@code shared} is what that
     * policy's results share.
     */
    static Result adopt(String policyId, Shared shared, org.medins.swig.Result r) {
        try {
            return new Result(policyId, shared, r);
        } catch (RuntimeException | Error e) {
            r.delete();
            throw e;
        }
    }

    /**
     * What the result is of, which says which figures it has.
     *
     * @return the kind
     */
    public ResultKind kind() {
        return kind;
    }

    /**
     * The id of the policy used.
     *
     * @return the id, such as "tianjin/2023"
     */
    public String policyId() {
        return policyId;
    }

    /**
     * The explanation lines, one per part, each citing its rule and value.
     *
     * @return an unmodifiable list; empty when computed without lines
     */
    public List<ExplanationLine> lines() {
        return lines;
    }

    /**
     * Whether any value used is assumed rather than cited.
     *
     * @return true when one is
     */
    public boolean usesAssumed() {
        return usesAssumed;
    }

    /**
     * The distinct assumed values used, with their reasons.
     *
     * @return an unmodifiable list; empty when every value used is cited
     */
    public List<PolicyValue> assumedValues() {
        return assumedValues;
    }

    /**
     * The distinct values used whose source is third-party (a public page or guide, not an
     * official text), with their citations.
     *
     * @return an unmodifiable list; empty when no third-party value was used
     */
    public List<PolicyValue> thirdPartyValues() {
        return thirdPartyValues;
    }

    private <T> T need(T figures, ResultKind wanted) {
        if (figures == null) {
            throw new IllegalStateException("a " + kind + " result has no " + wanted + " figures");
        }
        return figures;
    }

    /**
     * The figures of a settlement, in fen.
     *
     * @return the figures
     * @throws IllegalStateException when this is not a settlement
     */
    public Settlement settlement() {
        return need(settlement, ResultKind.SETTLEMENT);
    }

    /**
     * The figures of a contribution, in fen.
     *
     * @return the figures
     * @throws IllegalStateException when this is not a contribution
     */
    public ContributionFigures contribution() {
        return need(contribution, ResultKind.CONTRIBUTION);
    }

    /**
     * The figures of an individual-account credit, in fen.
     *
     * @return the figures
     * @throws IllegalStateException when this is not an account computation
     */
    public AccountFigures account() {
        return need(account, ResultKind.ACCOUNT);
    }

    /**
     * The figures of a maternity payment, in fen.
     *
     * @return the figures
     * @throws IllegalStateException when this is not a maternity payment
     */
    public MaternityFigures maternity() {
        return need(maternity, ResultKind.MATERNITY);
    }

    /**
     * The figures of a capitation settlement, in fen.
     *
     * @return the figures
     * @throws IllegalStateException when this is not a capitation settlement
     */
    public CapitationFigures capitation() {
        return need(capitation, ResultKind.CAPITATION);
    }

    /**
     * Reverse this settlement (a refund): restore {@code ledger} exactly as it was before it.
     *
     * @param ledger the ledger the settlement updated
     * @throws MedinsException MEDINS_ERR_REVERSE unless this is the ledger's most recent
     *     settlement
     * @throws IllegalStateException when this result is closed or not a settlement
     */
    public void reverse(Ledger ledger) {
        java.util.Objects.requireNonNull(ledger, "ledger");
        if (handle == null) {
            throw new IllegalStateException("only a settlement can be reversed, not a " + kind);
        }
        guard.read(() -> {
            synchronized (ledger) {
                medins.java_reverse(ledger.state(), handle);
            }
            return null;
        });
    }

    /**
     * Whether the result is closed.
     *
     * @return true once closed (a non-settlement result holds nothing and is never "open"
     *     natively)
     */
    public boolean isClosed() {
        return guard.isClosed();
    }

    /** Release the native result. Idempotent; the figures and lines stay readable. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind + " under " + policyId);
        for (ExplanationLine l : lines) {
            sb.append("\n  ").append(l);
        }
        return sb.toString();
    }
}
