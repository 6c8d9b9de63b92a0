package org.medins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.medins.swig.medins;
import org.medins.swig.medinsConstants;

/**
 * The explained result of a computation: its figures, its trace (one {@link Step} per step the
 * computation took, with the policy values it read) and one English line per step saying which
 * rule produced it, citing the policy. Figures, steps and lines are copied out of the library
 * when the result is made, so they stay readable after {@link #close()} and after its policy
 * is closed.
 *
 * <p>A settlement result also keeps the native result, which {@link #reverse(Ledger)} needs,
 * and from which its text in a language is rendered when first asked for
 * ({@link #explain(Locale)}); close it when done (try-with-resources). Other kinds have their
 * texts rendered in every language when made, hold no native memory, and closing them does
 * nothing. close() is idempotent; there is no finalizer.
 */
public final class Result implements AutoCloseable {
    private final ResultKind kind;
    private final String policyId;
    private final List<ExplanationLine> lines;
    private final List<Step> steps;
    /* The texts rendered so far, by language ("zh", "en"). */
    private final Map<String, Texts> texts = new ConcurrentHashMap<>();
    private final List<PolicyValue> assumedValues;
    private final List<PolicyValue> thirdPartyValues;
    private final boolean usesAssumed;
    private final boolean estimate;
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
        steps = steps(shared, r);
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
        estimate = medins.result_is_estimate(r) != 0;
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
            for (String lang : LANGS) {
                texts.put(lang, Texts.of(r, lang, steps.size()));
            }
            handle = null;
            guard = new Guard("result", null);
            r.delete();
        }
    }

    /* Every language the library renders, by its tag. */
    private static final String[] LANGS = {"en", "zh"};

    /* A result's texts in one language: the whole explanation and each step's. */
    private record Texts(String explanation, List<String> steps) {
        static Texts of(org.medins.swig.Result r, String lang, int n) {
            String[] each = new String[n];
            for (int i = 0; i < n; i++) {
                each[i] = medins.result_step_text(r, i, lang);
            }
            return new Texts(medins.result_explain(r, lang), List.of(each));
        }
    }

    /* Longs a step in java_result_steps' array. */
    private static final int STEP_NUMS = medinsConstants.JAVA_STEP_NUMS;
    /* Each kind's word and its arguments' names, read from the library once. */
    private static final Map<Integer, String> KINDS = new ConcurrentHashMap<>();
    private static final Map<Integer, String[]> ARGS = new ConcurrentHashMap<>();

    /*
     * The trace in two native calls: the steps' numbers (kind, part, amounts, ratio, rule,
     * number of values, arguments), then the addresses of the values they read, each made a
     * PolicyValue once a policy (Shared).
     */
    private static List<Step> steps(Shared shared, org.medins.swig.Result r) {
        int n = (int) medins.result_step_count(r);
        if (n == 0) {
            return Collections.emptyList();
        }
        long[] v = new long[n * STEP_NUMS];
        medins.java_result_steps(r, v);
        int total = 0;
        for (int k = 6; k < v.length; k += STEP_NUMS) {
            total += (int) v[k];
        }
        long[] addresses = new long[total];
        medins.java_result_step_values(r, addresses);
        Step[] out = new Step[n];
        for (int i = 0, k = 0, a = 0; i < n; i++, k += STEP_NUMS) {
            final int step = i;
            int kind = (int) v[k];
            PolicyValue[] values = new PolicyValue[(int) v[k + 6]];
            for (int j = 0; j < values.length; j++, a++) {
                final int at = j;
                values[j] = shared.values.computeIfAbsent(addresses[a],
                        x -> PolicyValue.of(medins.result_step_value(r, step, at)));
            }
            String[] names = ARGS.computeIfAbsent(kind, Result::argNames);
            Map<String, Long> args = new LinkedHashMap<>();
            for (int j = 0; j < names.length; j++) {
                args.put(names[j], v[k + 7 + j]);
            }
            out[i] = new Step(KINDS.computeIfAbsent(kind, medins::step_kind_name),
                    Part.fromCode((int) v[k + 1]),
                    string(shared.strings, v[k + 5], () -> medins.result_step(r, step).getRule()),
                    v[k + 2], v[k + 3], (int) v[k + 4], Collections.unmodifiableMap(args),
                    List.of(values));
        }
        return List.of(out);
    }

    private static String[] argNames(int kind) {
        String[] names = new String[(int) medins.step_arg_count(kind)];
        for (int j = 0; j < names.length; j++) {
            names[j] = medins.step_arg_name(kind, j);
        }
        return names;
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
            final int line = i;
            ls[i] = new ExplanationLine(Part.fromCode((int) v[k]), v[k + 1], v[k + 2],
                    (int) v[k + 3], string(strings, v[k + 7], () -> r.line(line).getRule()),
                    (String) texts[i], string(strings, v[k + 8], () -> r.line(line).getSource()),
                    string(strings, v[k + 9], () -> r.line(line).getCitation()),
                    string(strings, v[k + 10], () -> r.line(line).getFile()), (int) v[k + 4],
                    (int) v[k + 5], v[k + 6] != 0);
        }
        return Collections.unmodifiableList(Arrays.asList(ls));
    }

    /* The string at `address` (0: null), read with `get` on first use. */
    private static String string(Map<Long, String> strings, long address, Supplier<String> get) {
        if (address == 0) {
            return null;
        }
        String s = strings.get(address);
        if (s == null) {
            s = get.get();
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
     * The trace: each step with its kind, amounts, arguments and the policy values it read, for
     * laying out a receipt.
     *
     * @return an unmodifiable list; empty when computed without a trace ({@code explain} false)
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The explanation in a language: what the result is of, one line per step with its amount,
     * citation and policy file:line, then the assumed and third-party values used. Chinese
     * ({@link Locale#CHINESE}, {@link Locale#CHINA}, any {@code zh} locale) is Simplified
     * Chinese, in the terms hospitals use; English otherwise named.
     *
     * @param locale the language
     * @return the text, lines ended by newlines
     * @throws MedinsException MEDINS_ERR_TYPE for a language the library does not render
     * @throws IllegalStateException when a settlement result was closed before its text in
     *     this language was made
     */
    public String explain(Locale locale) {
        return texts(locale).explanation();
    }

    /**
     * The explanation in English, as {@link #explain(Locale)}.
     *
     * @return the text
     */
    public String explain() {
        return explain(Locale.ENGLISH);
    }

    /**
     * Each step's sentence in a language, as {@link #explain(Locale)} writes them.
     *
     * @param locale the language
     * @return an unmodifiable list, one text per step
     * @throws MedinsException MEDINS_ERR_TYPE for a language the library does not render
     * @throws IllegalStateException when a settlement result was closed before its texts in
     *     this language were made
     */
    public List<String> stepTexts(Locale locale) {
        return texts(locale).steps();
    }

    /* The texts in the locale's language, made from the native result on first use. */
    private Texts texts(Locale locale) {
        String lang = medins.lang_name(Objects.requireNonNull(locale, "locale").toLanguageTag());
        Texts t = texts.get(lang);
        if (t == null) {
            t = guard.read(() -> texts.computeIfAbsent(lang,
                    l -> Texts.of(handle, l, steps.size())),
                    () -> "the result is closed: its " + lang + " texts were not made before");
        }
        return t;
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

    /* The platform's records and the bill's lines, made from the native result when first
     * read (a settlement only). */
    private volatile SetlInfo setlinfo;
    private volatile List<SetlDetail> setldetail;
    private volatile List<ItemSplit> items;

    private <T> T fromSettlement(java.util.function.Function<org.medins.swig.Result, T> make,
                                 String what) {
        need(settlement, ResultKind.SETTLEMENT);
        return guard.read(() -> make.apply(handle),
                () -> "the result is closed: its " + what + " was not read before");
    }

    /**
     * The settlement as the national platform's {@code setlinfo}.
     *
     * @return the record, in fen
     * @throws MedinsException MEDINS_ERR_NOT_COVERED when no policy row (nor default) places a
     *     fund that paid
     * @throws IllegalStateException when this is not a settlement, or it was closed before
     *     this was first read
     */
    public SetlInfo setlinfo() {
        SetlInfo s = setlinfo;
        if (s == null) {
            setlinfo = s = fromSettlement(SetlInfo::of, "setlinfo");
        }
        return s;
    }

    /**
     * The settlement's {@code setldetail} rows: one for each fund that paid, in the order basic
     * fund, major-disease layer, medical assistance, individual account.
     *
     * @return an unmodifiable list
     * @throws MedinsException as {@link #setlinfo()}
     * @throws IllegalStateException as {@link #setlinfo()}
     */
    public List<SetlDetail> setldetail() {
        List<SetlDetail> s = setldetail;
        if (s == null) {
            setldetail = s = fromSettlement(SetlDetail::of, "setldetail");
        }
        return s;
    }

    /**
     * Each fee line's split, for a settlement of {@link Policy#settleItems}; empty for a claim
     * given by its totals.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException as {@link #setlinfo()}
     */
    public List<ItemSplit> items() {
        List<ItemSplit> s = items;
        if (s == null) {
            items = s = fromSettlement(ItemSplit::of, "items");
        }
        return s;
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
     * Whether this is an estimate ({@link Policy#presettle}), which changed no ledger.
     *
     * @return true for an estimate; false for a settlement or a result of another kind
     */
    public boolean isEstimate() {
        return estimate;
    }

    /**
     * The settlement's record: the small text to store with the bill, from which
     * {@link Ledger#refund(String)} refunds it later, in another process (docs/settlement.md,
     * "Pre-settlement, records and refunds").
     *
     * @return the record's text ("medins-record 1" first)
     * @throws MedinsException MEDINS_ERR_ARGUMENT for an estimate, which has no record
     * @throws IllegalStateException when this result is closed or not a settlement
     */
    public String record() {
        if (handle == null) {
            throw new IllegalStateException("only a settlement has a record, not a " + kind);
        }
        return guard.read(() -> medins.result_record(handle));
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
