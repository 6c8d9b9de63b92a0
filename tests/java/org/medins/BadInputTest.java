package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Java values the library cannot take as they are: each is refused with a clear error, never
 * read as another value (text cut at a NUL, a year wrapped into another date), and nothing is
 * changed. The table "Java values" of tests/BAD-INPUT.md lists these cases.
 */
public class BadInputTest {
    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    private static Path settlePolicy() {
        return TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
    }

    /** The exception {@code call} throws; fails when it throws none or another kind. */
    private static <T extends Throwable> T refused(String name, Class<T> kind, Supplier<?> call) {
        Object got;
        try {
            got = call.get();
        } catch (Throwable t) {
            if (!kind.isInstance(t)) {
                throw new AssertionError(name + ": threw " + t, t);
            }
            return kind.cast(t);
        }
        if (got instanceof AutoCloseable) {
            try {
                ((AutoCloseable) got).close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(name + ": accepted, giving " + got);
    }

    private static void assertRefused(String name, Status status, String part, Supplier<?> call) {
        MedinsException e = refused(name, MedinsException.class, call);
        assertEquals(name + ": " + e.getMessage(), status, e.status());
        assertTrue(name + ": " + e.getMessage(), e.detail().contains(part));
    }

    /*
     * Text that C reads with its length (YAML, ledger text, money and ratios): a NUL inside it
     * reaches the library, whose parser refuses it. Cut at the NUL, each of these would have
     * been a valid text: a whole policy, an overlay, a ledger, "1" yuan, "5%".
     */
    @Test
    public void nulInTextIsRefusedNotCut() throws Exception {
        String policy = Files.readString(settlePolicy());
        String overlay = "format: 1\nkind: reform\ntitle: \"all paid\"\n"
                + "sources: [{id: s, title: \"Scenario\", kind: third-party}]\n"
                + "cite: \"s: scenario\"\n"
                + "inpatient:\n  ratio:\n    - {scheme: employee, ratio: 100%}\n";
        String ledger = new Ledger(2023).toText();
        // The loader refuses the NUL as a syntax error at its own position: the first column of
        // the line after the policy's last one.
        MedinsException e = refused("policy", MedinsException.class,
                () -> Policy.fromYaml("nul.yaml", policy + "\u0000colour: red\n"));
        assertEquals(Status.SYNTAX, e.status());
        assertEquals("nul.yaml", e.file());
        assertEquals(policy.split("\n", -1).length, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage(), e.detail().contains("NUL"));
        try (Policy base = Policy.load(settlePolicy())) {
            e = refused("overlay", MedinsException.class,
                    () -> base.derive("nul.yaml", overlay + "\u0000    - {scheme: resident}\n"));
            assertEquals(Status.SYNTAX, e.status());
            assertEquals("nul.yaml", e.file());
        }
        // The ledger text has 25 lines ("medins-ledger 1", then 24 fields); seq is line 4.
        e = refused("ledger", MedinsException.class,
                () -> Ledger.parse(ledger + "\u0000seq=1\n"));
        assertEquals(Status.LEDGER, e.status());
        assertEquals("ledger line 26 contains a NUL byte", e.detail());
        assertEquals(26, e.line());
        assertEquals(1, e.column());
        e = refused("ledger value", MedinsException.class,
                () -> Ledger.parse(ledger.replace("seq=0", "seq=0\u00001")));
        assertEquals(Status.LEDGER, e.status());
        assertEquals("ledger line 4 contains a NUL byte", e.detail());
        assertEquals(4, e.line());
        assertEquals(6, e.column());
        assertRefused("money", Status.SYNTAX, "NUL", () -> Money.parse("1\u00002"));
        assertRefused("money at the end", Status.SYNTAX, "NUL", () -> Money.parse("25000\u0000"));
        assertRefused("ratio", Status.SYNTAX, "NUL", () -> Money.parseRatio("5%\u000095%"));
    }

    /*
     * A name C reads up to its NUL (a region, an id, a path in a policy, a file name): a NUL in
     * it would end it early, so the binding refuses it, naming the parameter and where the NUL
     * is. The set and the ledgers are unchanged.
     */
    @Test
    public void nulInANameIsRefused() throws Exception {
        PolicySet set = EMBEDDED.set();
        Policy policy = set.lookup(TestSupport.DAY_2023);
        int size = set.size();
        String nul = "tianjin\u0000/2023";   // the NUL at index 7
        assertRefused("lookup", Status.ARGUMENT,
                "region contains a NUL character (U+0000) at index 7",
                () -> set.lookup(nul, TestSupport.DAY_2023));
        assertRefused("get", Status.ARGUMENT, "id contains a NUL character (U+0000) at index 7",
                () -> set.get(nul));
        assertRefused("findSource", Status.ARGUMENT, "id contains a NUL character",
                () -> policy.findSource(nul));
        assertRefused("findValue", Status.ARGUMENT, "path contains a NUL character",
                () -> policy.findValue("inpatient\u0000.ratio"));
        String yaml = Files.readString(settlePolicy());
        assertRefused("fromYaml", Status.ARGUMENT, "name contains a NUL character",
                () -> Policy.fromYaml("basic\u0000.yaml", yaml));
        assertRefused("derive", Status.ARGUMENT, "name contains a NUL character",
                () -> policy.derive("reform\u0000.yaml", "format: 1\n"));
        try (PolicySet mine = PolicySet.empty()) {
            assertRefused("addFile", Status.ARGUMENT, "id contains a NUL character", () -> {
                mine.addFile(settlePolicy(), "test\u0000land");
                return null;
            });
            assertEquals(0, mine.size());
        }
        Ledger ledger = new Ledger(2023);
        Claim claim = TestSupport.inpatient(TestSupport.DAY_2023, Level.L3, 100_000);
        assertRefused("settle", Status.ARGUMENT, "region contains a NUL character",
                () -> set.settle(nul, TestSupport.employee(), claim, ledger));
        Ledger[] ledgers = {ledger};
        assertRefused("settleBatch", Status.ARGUMENT, "region contains a NUL character",
                () -> set.settleBatch(nul, BatchPersons.of(List.of(TestSupport.employee())),
                        BatchClaims.builder().add(0, claim).build(), ledgers));
        assertEquals(new Ledger(2023), ledger);
        assertEquals(size, set.size());
    }

    /* A lone surrogate has no UTF-8: refused, where String.getBytes would have made it '?'. */
    @Test
    public void loneSurrogateIsRefused() throws Exception {
        String yaml = Files.readString(settlePolicy()).replace("Settlement test policy",
                "Settlement \ud800 policy");
        int at = yaml.indexOf('\ud800');
        assertRefused("fromYaml", Status.ARGUMENT,
                "yaml contains a lone surrogate (U+D800) at index " + at,
                () -> Policy.fromYaml("s.yaml", yaml));
        assertRefused("lookup", Status.ARGUMENT,
                "region contains a lone surrogate (U+DC00) at index 0",
                () -> EMBEDDED.set().lookup("\udc00tianjin", TestSupport.DAY_2023));
        assertRefused("money", Status.ARGUMENT,
                "yuan contains a lone surrogate (U+DBFF) at index 3",
                () -> Money.parse("100\udbff"));
        assertRefused("ratio", Status.ARGUMENT, "percent contains a lone surrogate",
                () -> Money.parseRatio("\udfff5%"));
        assertRefused("ledger", Status.ARGUMENT, "text contains a lone surrogate",
                () -> Ledger.parse(new Ledger(2023).toText() + "\ud83c"));
        // A pair is one character outside the BMP, which reaches the library whole.
        assertRefused("region outside the BMP", Status.NO_POLICY, "\ud83c\udfe5",
                () -> EMBEDDED.set().lookup("\ud83c\udfe5", TestSupport.DAY_2023));
    }

    /*
     * The library's dates are YYYYMMDD from 1900-01-01 to 2199-12-31. Before, a year past 214748
     * overflowed the int (999999-01-01 became 1410055509) and years outside the range were
     * passed on as other numbers.
     */
    @Test
    public void datesOutsideTheLibraryRangeAreRefused() {
        String range = "is outside the library's range: dates run from 1900-01-01 to 2199-12-31";
        LocalDate[] outside = {LocalDate.of(1899, 12, 31), LocalDate.of(2200, 1, 1),
            LocalDate.of(214749, 1, 1), LocalDate.of(999999, 1, 1), LocalDate.MAX, LocalDate.MIN,
            LocalDate.of(-1, 1, 1)};
        for (LocalDate d : outside) {
            IllegalArgumentException e = refused(d.toString(), IllegalArgumentException.class,
                    () -> Dates.toInt(d));
            assertEquals("date " + d + " " + range, e.getMessage());
        }
        assertEquals(19000101, Dates.toInt(Dates.MIN));
        assertEquals(21991231, Dates.toInt(Dates.MAX));
        // Every entry that takes a date goes through the same refusal.
        LocalDate far = LocalDate.of(10000, 1, 1);
        assertTrue(refused("claim", IllegalArgumentException.class,
                () -> Claim.of(far, ClaimKind.INPATIENT, Level.L3, 1))
                .getMessage().contains(range));
        assertTrue(refused("birth", IllegalArgumentException.class,
                () -> Person.employee(Category.RETIRED, far)).getMessage().contains(range));
        assertTrue(refused("lookup", IllegalArgumentException.class,
                () -> EMBEDDED.set().lookup(far)).getMessage().contains(range));
    }

    /* A ledger's year is one of the library's years; a new ledger is checked as it is made. */
    @Test
    public void ledgerYearOutsideTheRangeIsRefused() {
        int[] years = {1899, 2200, 0, -2023, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int y : years) {
            assertRefused("year " + y, Status.LEDGER, "ledger year " + y + " out of range",
                    () -> new Ledger(y));
        }
        assertEquals(1900, new Ledger(1900).year());
    }

    /*
     * Impossible numbers reach the library as the numbers they are (no wrap, no cast), and the
     * library refuses them.
     */
    @Test
    public void impossibleNumbersAreRefusedByTheLibrary() {
        Policy p = EMBEDDED.set().lookup(TestSupport.DAY_2023);
        Person mother = Person.employee(Category.IN_SERVICE, LocalDate.of(1990, 6, 1));
        Delivery birth = Delivery.values()[0];
        LocalDate day = TestSupport.DAY_2023;
        assertRefused("weeks", Status.INPUT, "-1 weeks",
                () -> p.maternity(mother, day, new MaternityInput(birth, -1, 1, 0, 0)));
        assertRefused("child order", Status.INPUT, "child order 0",
                () -> p.maternity(mother, day, new MaternityInput(birth, 39, 0, 0, 0)));
        assertRefused("wage", Status.INPUT, "negative",
                () -> p.contribution(mother, TestSupport.DAY_2023,
                        new EmployeeInput(-1, EmployerType.values()[0])));
        assertRefused("costs", Status.INPUT, "negative",
                () -> p.capitation(new CapitationInput(1, Level.L1, Disease.values()[0],
                        LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), List.of(), -5,
                        10_000)));
        Ledger ledger = new Ledger(2023);
        assertRefused("total", Status.CLAIM, "negative",
                () -> p.settle(mother, TestSupport.inpatient(day, Level.L3, -1), ledger));
        assertRefused("above the maximum", Status.OVERFLOW, "above the limit",
                () -> p.settle(mother, TestSupport.inpatient(day, Level.L3, Money.MAX + 1),
                        ledger));
        assertEquals(new Ledger(2023), ledger);
        BatchPersons persons = BatchPersons.of(List.of(mother));
        Claim c = TestSupport.inpatient(day, Level.L3, 100_000);
        assertRefused("person index", Status.ARGUMENT, "names person -1 of 1",
                () -> p.settleBatch(persons, BatchClaims.builder().add(-1, c).build(),
                        new Ledger[] {ledger}));
        assertEquals(new Ledger(2023), ledger);
        // Group bits as an int column: -1 is every bit, not "no groups".
        BatchResult r = p.settleBatch(new BatchPersons(new int[] {Scheme.EMPLOYEE.code()},
                new int[] {Category.IN_SERVICE.code()}, new int[] {Tier.NONE.code()},
                new int[] {19900601}, new int[] {-1}, null),
                BatchClaims.builder().add(0, c).build(), new Ledger[] {ledger});
        assertEquals(Status.PERSON, r.status(0));
        assertTrue(r.error(0).detail(), r.error(0).detail().contains("unknown group flags"));
        assertEquals(new Ledger(2023), ledger);
    }

    /*
     * The packed form of a struct (one long a field) goes to C only when each long fits its C
     * field as the same number: 2^31 is not an int32_t admissions count, where it used to be
     * stored as -2^31. (Through org.medins.swig, the plumbing; the public classes only pack
     * values of their own fields' types.)
     */
    @Test
    public void packedValueTooWideForItsFieldIsRefused() {
        long[] state = Ledger.parse(new Ledger(2023).toText()).snapshot();
        state[3] = 1L << 31;  // admissions
        IllegalArgumentException e = refused("admissions", IllegalArgumentException.class, () -> {
            org.medins.swig.medins.java_ledger_check(state);
            return null;
        });
        assertEquals("ledger", e.getMessage());
        state[3] = 0;
        state[2] = -1;        // seq, a uint32_t: -1 is not 4294967295
        refused("seq", IllegalArgumentException.class, () -> {
            org.medins.swig.medins.java_ledger_check(state);
            return null;
        });
        // In range for its field, a bad value is for the library to judge.
        state[2] = 5;
        assertRefused("seq without a date", Status.LEDGER, "last_date", () -> {
            org.medins.swig.medins.java_ledger_check(state);
            return null;
        });
    }
}
