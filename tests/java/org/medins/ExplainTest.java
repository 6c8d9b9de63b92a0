package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The trace of a result ({@link Result#steps()}) and its text in Chinese and English
 * ({@link Result#explain(Locale)}), on tests/data/settle/basic.yaml. The claim: an employee's
 * first admission at level 3, 150,000 with 1,000 outside the catalogue and 500 category-B first
 * self-pay: in scope 148,500; deductible of the admission 1,000; 10,000 at 80%: fund 8,000;
 * 137,500 at 90%: fund 123,750; maximum 350,000; major disease: 10,000 of the 16,750 burden
 * within its deductible, 6,750 at 60% = 4,050; no assistance row; patient 14,200.
 */
public class ExplainTest {
    private static Policy basic;

    @BeforeClass
    public static void open() {
        Path file = TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
        basic = Policy.load(file);
    }

    @AfterClass
    public static void close() {
        basic.close();
    }

    private static Result settle() {
        Claim c = Claim.builder().date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L3).total(15_000_000).selfPaid(100_000).categoryB(50_000).build();
        return basic.settle(Person.employee(Category.IN_SERVICE, LocalDate.of(1980, 1, 1)), c,
                new Ledger(2023));
    }

    @Test
    public void stepsOfAHandWorkedClaim() {
        try (Result r = settle()) {
            List<Step> steps = r.steps();
            assertEquals(List.of("self_paid", "category_b", "admission", "deductible_admission",
                    "segment", "coinsurance", "segment", "coinsurance", "cap",
                    "major_disease_deductible", "major_disease", "major_disease_cap",
                    "assistance_no_row", "patient", "account"),
                    steps.stream().map(Step::kind).toList());
            Step ded = steps.get(3);
            assertEquals(Part.DEDUCTIBLE, ded.part());
            assertEquals("inpatient.deductible", ded.rule());
            assertEquals(100_000L, ded.amount());
            assertEquals(14_850_000L, ded.base());
            assertEquals(Map.of("deductible", 100_000L), ded.args());
            PolicyValue v = ded.values().get(0);
            assertEquals("inpatient.deductible[4].amount", v.path());
            assertEquals("third-party", v.sourceKind());
            assertEquals("third-party: Round figures for the settlement tests, settlement cases",
                    v.citation());
            Step upper = steps.get(6);
            assertEquals(12_375_000L, upper.amount());
            assertEquals(9000, upper.ratio());
            assertEquals(List.of("from", "to", "open", "cut", "on_cost", "on_fund"),
                         List.copyOf(upper.args().keySet()));
            assertEquals(List.of(1_000_000L, 0L, 1L, 0L, 0L, 0L), List.copyOf(upper.args().values()));
            assertEquals("assumed", steps.get(10).values().get(0).sourceKind());
            assertEquals(405_000L, steps.get(10).amount());
            assertEquals(1_420_000L, steps.get(13).amount());
            assertEquals(1_575_000L, (long) steps.get(13).args().get("coinsurance"));
            // A value read twice is one record; the lines are the steps, one for one.
            assertSame(steps.get(4).values().get(0), steps.get(5).values().get(0));
            assertEquals(steps.size(), r.lines().size());
        }
    }

    @Test
    public void textInBothLanguages() {
        Result r = settle();
        try {
            String zh = r.explain(Locale.CHINA);
            assertTrue(zh, zh.startsWith("结算（testland/basic）\n"));
            assertTrue(zh, zh.contains("  本次住院起付线1000.00元，个人负担1000.00元（第三方来源："));
            assertTrue(zh, zh.contains("\n使用的假定值：\n"));
            assertEquals(zh, r.explain(Locale.SIMPLIFIED_CHINESE));
            assertEquals(zh, r.explain(Locale.forLanguageTag("zh-Hant-TW")));
            assertEquals("统筹基金支付0.00元至10000.00元共付段内10000.00元的80%",
                    r.stepTexts(Locale.CHINESE).get(4));
            String en = r.explain();
            assertTrue(en, en.startsWith("settlement under testland/basic\n"));
            assertEquals(en, r.explain(Locale.UK));
            assertEquals(r.lines().get(3).text(), r.stepTexts(Locale.ENGLISH).get(3));
            // Made once, kept after close(); a language not yet rendered needs the result.
            r.close();
            assertEquals(zh, r.explain(Locale.CHINA));
        } finally {
            r.close();
        }
        Result closed = settle();
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> closed.explain(Locale.CHINA));
        assertTrue(e.getMessage(), e.getMessage().contains("closed"));
        assertEquals(15, closed.steps().size());
    }

    @Test
    public void aLanguageTheLibraryDoesNotRender() {
        try (Result r = settle()) {
            for (Locale l : new Locale[] {Locale.FRENCH, Locale.ROOT, Locale.JAPAN}) {
                MedinsException e = assertThrows(MedinsException.class, () -> r.explain(l));
                assertEquals(Status.TYPE, e.status());
                assertTrue(e.getMessage(), e.getMessage().contains("'" + l.toLanguageTag()
                        + "' is not a language of the explanations: zh or en"));
                assertThrows(MedinsException.class, () -> r.stepTexts(l));
            }
            assertThrows(NullPointerException.class, () -> r.explain(null));
        }
    }

    /*
     * A result of another kind holds no native memory: its texts are made in every language
     * with it. testland/basic has no contributions: tianjin 2023's low resident tier pays 350.
     */
    @Test
    public void otherKindsAreRenderedWhenMade() {
        try (PolicySet set = PolicySet.embedded()) {
            Policy p = set.lookup("tianjin", LocalDate.of(2023, 6, 1));
            Result r = p.contribution(TestSupport.resident(), LocalDate.of(2023, 6, 1));
            assertEquals("resident_individual", r.steps().get(0).kind());
            assertEquals(35_000L, r.steps().get(0).amount());
            assertEquals(Map.of("tier", (long) Tier.LOW.code(), "state_paid", 0L),
                    r.steps().get(0).args());
            r.close();
            assertEquals("低档个人缴费350.00元", r.stepTexts(Locale.CHINA).get(0));
            assertTrue(r.explain(Locale.CHINA).startsWith("缴费（tianjin/2023）\n"));
        }
    }

    /* Settled without a trace: no steps, and the text says only what the result is of. */
    @Test
    public void withoutATrace() {
        Claim c = Claim.of(LocalDate.of(2023, 3, 1), ClaimKind.OUTPATIENT, Level.L2, 100_000);
        try (Result r = basic.settle(TestSupport.employee(), c, new Ledger(2023), false)) {
            assertEquals(List.of(), r.steps());
            assertTrue(r.explain(Locale.CHINA).startsWith("结算（testland/basic）\n使用的第三方来源值：\n"));
        }
    }
}
