package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/** Contributions, individual accounts, maternity and capitation under the shipped policies. */
public class ContributionTest {
    private static final LocalDate DAY = LocalDate.of(2023, 6, 1);
    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();
    private static Policy p2023;

    /* Runs inside the class rule: the set is open. */
    @BeforeClass
    public static void lookUp() {
        p2023 = EMBEDDED.set().lookup("tianjin", DAY);
    }

    /*
     * policies/tianjin/2023.yaml, contributions.resident.tiers row `low` (C12): individual 350,
     * subsidy 640 yuan. Total 990 yuan = 99,000 fen.
     */
    @Test
    public void residentLowTierByHand() {
        try (Result r = p2023.contribution(TestSupport.resident(), DAY)) {
            ContributionFigures f = r.contribution();
            assertEquals(ResultKind.CONTRIBUTION, r.kind());
            assertEquals(Scheme.RESIDENT, f.scheme());
            assertEquals(Tier.LOW, f.payingTier());
            assertEquals(35_000L, f.individual());
            assertEquals(64_000L, f.government());
            assertEquals(64_000L, f.subsidy());
            assertEquals(0L, f.employer());
            assertEquals(99_000L, f.total());
            assertFalse(f.statePaysAll());
            assertEquals(Set.of(), f.groups());
            assertFalse(r.lines().isEmpty());
            assertTrue(r.lines().stream().allMatch(l -> l.part() == Part.CONTRIBUTION
                    || l.part() == Part.INFO));
        }
    }

    /*
     * A dibao adult resident: the groups row of 2022.yaml (C8) finances dibao at the low tier and
     * the state pays all: individual 0, government 350 + 640 = 990 yuan.
     */
    @Test
    public void dibaoPaysNothingByHand() {
        Person p = TestSupport.resident().toBuilder().group(Group.DIBAO).build();
        try (Result r = p2023.contribution(p, DAY)) {
            ContributionFigures f = r.contribution();
            assertTrue(f.statePaysAll());
            assertEquals(0L, f.individual());
            assertEquals(99_000L, f.government());
            assertEquals(99_000L, f.total());
            assertEquals(Set.of(Group.DIBAO), f.groups());
        }
    }

    /* C13: students and children pay the low tier and get the high tier's benefits. */
    @Test
    public void studentsGetHighTierBenefits() {
        Person p = Person.resident(Category.STUDENT_CHILD, Tier.LOW, LocalDate.of(2012, 1, 1));
        try (Result r = p2023.contribution(p, DAY)) {
            assertEquals(Tier.LOW, r.contribution().payingTier());
            assertEquals(Tier.HIGH, r.contribution().benefitTier());
        }
    }

    @Test
    public void employee() {
        EmployeeInput in = new EmployeeInput(800_000, EmployerType.ENTERPRISE);
        try (Result r = p2023.contribution(TestSupport.employee(), DAY, in)) {
            ContributionFigures f = r.contribution();
            assertEquals(Scheme.EMPLOYEE, f.scheme());
            assertEquals(Money.apply(f.wageBase(), f.employerRate()), f.monthlyEmployer());
            assertEquals(Money.apply(f.wageBase(), f.individualRate()), f.monthlyIndividual());
            assertEquals(12 * f.monthlyEmployer(), f.employer());
            assertEquals(12 * f.monthlyIndividual() + f.fixedYearly(), f.individual());
            assertEquals(f.individual() + f.government() + f.employer(), f.total());
        }
        try {
            p2023.contribution(TestSupport.employee(), DAY).close();
            fail("an employee needs the wage");
        } catch (MedinsException e) {
            assertEquals(Status.ARGUMENT, e.status());
        }
        try {
            p2023.contribution(TestSupport.employee(), DAY,
                    new EmployeeInput(-1, EmployerType.ENTERPRISE)).close();
            fail("negative wage");
        } catch (MedinsException e) {
            assertEquals(Status.INPUT, e.status());
        }
    }

    @Test
    public void account() {
        AccountInput in = new AccountInput(800_000, EmployerType.ENTERPRISE, 0, 0, false);
        try (Result r = p2023.account(TestSupport.employee(), DAY, in)) {
            AccountFigures f = r.account();
            assertEquals(ResultKind.ACCOUNT, r.kind());
            assertEquals(f.monthlyCredit(), f.fromIndividual() + f.fromEmployer() + f.fromPool());
            assertEquals(12 * f.monthlyCredit(), f.yearlyCredit());
            assertFalse(f.mayWithdraw());
        }
        try {
            p2023.account(TestSupport.resident(), DAY, in).close();
            fail("residents have no individual account");
        } catch (MedinsException e) {
            assertEquals(Status.PERSON, e.status());
        }
    }

    @Test
    public void maternity() {
        MaternityInput in = new MaternityInput(Delivery.NATURAL, 40, 1, 50_000, 0);
        try (Result r = p2023.maternity(TestSupport.employee(), DAY, in)) {
            MaternityFigures f = r.maternity();
            assertEquals(ResultKind.MATERNITY, r.kind());
            assertEquals(f.delivery() + f.prenatal() + f.complication(), f.total());
            assertEquals(Math.min(50_000L, f.prenatalLimit()), f.prenatal());
            assertTrue(f.delivery() > 0);
        }
        try {
            p2023.maternity(TestSupport.employee(), DAY,
                    new MaternityInput(Delivery.NATURAL, 40, 0, 0, 0)).close();
            fail("child order 0");
        } catch (MedinsException e) {
            assertEquals(Status.INPUT, e.status());
        }
    }

    /*
     * policies/tianjin/2015.yaml, capitation (P1, inherited by 2023): diabetes at primary level,
     * 150 yuan a month, surplus kept 100%, assessment on. January 2023 (31 days):
     *   patient 1 enrolled all month: 150.00; patient 2 from the 11th: 150 x 21 / 31 = 101.6129
     *   -> 101.61. Budget 251.61; actual costs 0: surplus 251.61, all kept; score 100%.
     */
    @Test
    public void capitationByHand() {
        LocalDate jan1 = LocalDate.of(2023, 1, 1);
        CapitationInput in = new CapitationInput(7, Level.PRIMARY, Disease.DIABETES, jan1,
                LocalDate.of(2023, 1, 31), List.of(new Enrolment(1, jan1, null),
                        new Enrolment(2, LocalDate.of(2023, 1, 11), null)), 0, 10000);
        try (Result r = p2023.capitation(in)) {
            CapitationFigures f = r.capitation();
            assertEquals(ResultKind.CAPITATION, r.kind());
            assertEquals(7L, f.institution());
            assertEquals(15_000L, f.rate());
            assertEquals(CapitationPeriod.MONTH, f.period());
            assertEquals(2, f.patients());
            assertEquals(52L, f.patientDays());
            assertEquals(25_161L, f.budget());
            assertEquals(25_161L, f.surplus());
            assertEquals(25_161L, f.surplusKept());
            assertEquals(0L, f.overrun());
            assertEquals(25_161L, f.payment());
            assertTrue(f.assumed());
            assertTrue(r.usesAssumed());
        }
        CapitationInput dialysis = new CapitationInput(7, Level.PRIMARY, Disease.DIALYSIS, jan1,
                LocalDate.of(2023, 1, 31), List.of(), 0, 10000);
        try {
            p2023.capitation(dialysis).close();
            fail("no per-head rate for dialysis");
        } catch (MedinsException e) {
            assertEquals(Status.NOT_COVERED, e.status());
        }
    }
}
