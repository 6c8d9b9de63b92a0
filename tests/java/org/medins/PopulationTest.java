package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A population's contributions, maternity and capitation payments in one native call each:
 * every row's figures and error are those of the one-row call.
 */
public class PopulationTest {
    private static final LocalDate DAY = LocalDate.of(2023, 6, 1);
    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();
    private static Policy p2023;

    @BeforeClass
    public static void lookUp() {
        p2023 = EMBEDDED.set().lookup("tianjin", DAY);
    }

    /* Random persons of both schemes, some at the middle tier Tianjin 2023 does not have. */
    private static List<Person> persons(Random rng, int n) {
        List<Person> out = new ArrayList<>();
        Tier[] tiers = {Tier.LOW, Tier.HIGH, Tier.LOW, Tier.MIDDLE};
        for (int i = 0; i < n; i++) {
            LocalDate birth = LocalDate.of(1950 + rng.nextInt(50), 1 + rng.nextInt(12), 1);
            Person p = rng.nextBoolean()
                    ? Person.employee(rng.nextInt(4) == 0 ? Category.RETIRED : Category.IN_SERVICE,
                            birth)
                    : Person.resident(rng.nextInt(3) == 0 ? Category.STUDENT_CHILD : Category.ADULT,
                            tiers[rng.nextInt(tiers.length)], birth);
            if (rng.nextInt(5) == 0) {
                p = p.toBuilder().group(Group.DIBAO).build();
            }
            out.add(p);
        }
        return out;
    }

    private static void sameError(MedinsException one, MedinsException batch, String what) {
        assertEquals(what, one.code(), batch.code());
        assertEquals(what, one.getMessage(), batch.getMessage());
    }

    @Test
    public void contributionsAsOneByOne() {
        Random rng = new Random(28);
        List<Person> list = persons(rng, 300);
        long[] wage = new long[list.size()];
        int[] type = new int[list.size()];
        for (int i = 0; i < wage.length; i++) {
            wage[i] = 100_000 + rng.nextInt(3_000_000);
            type[i] = EmployerType.values()[rng.nextInt(EmployerType.values().length)].code();
        }
        PopulationResult r = Population.contributions(p2023, DAY, BatchPersons.of(list), wage,
                type);
        int failed = 0;
        for (int i = 0; i < list.size(); i++) {
            EmployeeInput e = new EmployeeInput(wage[i], EmployerType.fromCode(type[i]));
            try (Result one = p2023.contribution(list.get(i), DAY, e)) {
                ContributionFigures f = one.contribution();
                String row = "row " + i;
                assertEquals(row, Status.OK, r.status(i));
                long[] want = {f.individual(), f.government(), f.employer(), f.total(),
                    f.subsidy(), f.payingTier().code(), f.benefitTier().code(),
                    Group.toFlags(f.groups()), f.statePaysAll() ? 1 : 0, f.wageBase(),
                    f.employerRate(), f.individualRate(), f.monthlyEmployer(),
                    f.monthlyIndividual(), f.fixedYearly()};
                for (int k = 0; k < want.length; k++) {
                    assertEquals(row + " " + r.columns().get(k), want[k],
                            r.get(r.columns().get(k), i));
                }
                assertNull(r.error(i));
            } catch (MedinsException one) {
                failed++;
                sameError(one, r.error(i), "row " + i);
                assertEquals(0L, r.get("total", i));
            }
        }
        assertEquals(failed, r.failed());
        assertTrue("some rows fail, most succeed: " + failed, failed > 0 && failed < 100);
    }

    /*
     * Tianjin 2023: a low-tier adult resident 350 + 640 subsidy = 990 yuan; an enterprise
     * employee on 5000 yuan a month: employer 11% = 550 a month, 6600 a year; individual 2% =
     * 100 a month, 1200 a year + the fixed 260 = 1460; 8060 in all.
     */
    @Test
    public void contributionsByHand() {
        BatchPersons persons = BatchPersons.of(List.of(TestSupport.resident(),
                TestSupport.employee()));
        PopulationResult r = Population.contributions(p2023, DAY, persons,
                new long[] {0, 500_000}, null);
        assertEquals(99_000L, r.get("total", 0));
        assertEquals(64_000L, r.get("government", 0));
        assertEquals(660_000L, r.get("employer", 1));
        assertEquals(146_000L, r.get("individual", 1));
        assertEquals(905_000L, r.total("total"));
        assertEquals(Tier.LOW.code(), r.get("paying_tier", 0));
        assertEquals(0, r.failed());
        // Without a wage column, the employee's row fails as the one-row call without input.
        r = Population.contributions(p2023, DAY, persons, null, null);
        assertEquals(Status.ARGUMENT, r.status(1));
        assertEquals("an employee needs wage input", r.error(1).detail());
        assertEquals(99_000L, r.get("total", 0));
    }

    @Test
    public void maternityAsOneByOne() {
        Random rng = new Random(5);
        List<Person> mothers = persons(rng, 120);
        int n = mothers.size();
        int[] date = new int[n];
        int[] delivery = new int[n];
        int[] weeks = new int[n];
        int[] order = new int[n];
        long[] prenatal = new long[n];
        long[] complication = new long[n];
        for (int i = 0; i < n; i++) {
            date[i] = Dates.toInt(LocalDate.of(2023, 1 + rng.nextInt(12), 1 + rng.nextInt(28)));
            delivery[i] = Delivery.values()[rng.nextInt(Delivery.values().length)].code();
            weeks[i] = 30 + rng.nextInt(14);
            order[i] = 1 + rng.nextInt(4);          // 4: beyond the third child, not covered
            prenatal[i] = rng.nextInt(200_000);
            complication[i] = rng.nextInt(4) == 0 ? rng.nextInt(500_000) : 0;
        }
        PopulationResult r = Population.maternity(p2023, BatchPersons.of(mothers), date,
                delivery, weeks, order, prenatal, complication);
        int failed = 0;
        for (int i = 0; i < n; i++) {
            MaternityInput in = new MaternityInput(Delivery.fromCode(delivery[i]), weeks[i],
                    order[i], prenatal[i], complication[i]);
            try (Result one = p2023.maternity(mothers.get(i), Dates.fromInt(date[i]), in)) {
                MaternityFigures f = one.maternity();
                long[] want = {f.delivery(), f.prenatalLimit(), f.prenatal(),
                    f.complicationRatio(), f.complication(), f.total()};
                for (int k = 0; k < want.length; k++) {
                    assertEquals("row " + i, want[k], r.get(r.columns().get(k), i));
                }
            } catch (MedinsException one) {
                failed++;
                sameError(one, r.error(i), "row " + i);
            }
        }
        assertEquals(failed, r.failed());
        assertTrue("some rows fail, most succeed: " + failed, failed > 0 && failed < n / 2);
    }

    /* Three institutions; the second has a patient enrolled twice over the same days. */
    @Test
    public void capitationAsOneByOne() {
        int[] level = {Level.PRIMARY.code(), Level.L1.code(), Level.L2.code()};
        int[] disease = {Disease.DIABETES.code(), Disease.DIABETES.code(),
            Disease.DIABETES.code()};
        int[] from = {20230101, 20230101, 20230401};
        int[] to = {20231231, 20231231, 20230630};
        long[] costs = {3_000_000, 900_000, 50_000};
        int[] row = {0, 0, 0, 1, 1, 2};
        long[] patient = {1, 2, 3, 4, 4, 5};
        int[] enrolledFrom = {20230101, 20230301, 20230615, 20230101, 20230601, 20230101};
        int[] enrolledTo = {0, 20230930, 0, 0, 0, 0};
        PopulationResult r = Population.capitation(p2023, new long[] {10, 11, 12}, level,
                disease, from, to, costs, null, row, patient, enrolledFrom, enrolledTo);
        for (int i = 0; i < 3; i++) {
            List<Enrolment> mine = new ArrayList<>();
            for (int k = 0; k < row.length; k++) {
                if (row[k] == i) {
                    mine.add(new Enrolment(patient[k], Dates.fromInt(enrolledFrom[k]),
                            Dates.fromInt(enrolledTo[k])));
                }
            }
            CapitationInput in = new CapitationInput(10 + i, Level.fromCode(level[i]),
                    Disease.DIABETES, Dates.fromInt(from[i]), Dates.fromInt(to[i]), mine,
                    costs[i], 10_000);
            try (Result one = p2023.capitation(in)) {
                CapitationFigures f = one.capitation();
                assertEquals("row " + i, f.budget(), r.get("budget", i));
                assertEquals("row " + i, f.payment(), r.get("payment", i));
                assertEquals("row " + i, f.patientDays(), r.get("patient_days", i));
                assertEquals("row " + i, f.patients(), r.get("patients", i));
            } catch (MedinsException one) {
                assertEquals(1, i);
                sameError(one, r.error(i), "row " + i);
            }
        }
        assertEquals(1, r.failed());
        assertEquals(Status.ENROLMENT, r.status(1));
        assertTrue(r.error(1).detail().startsWith("patient 4: enrolments 1 (20230101, still "
                + "enrolled) and 2 (20230601, still enrolled) overlap"));
    }

    @Test
    public void wrongCallsAreRefused() {
        BatchPersons one = BatchPersons.of(List.of(TestSupport.resident()));
        try {
            Population.contributions(p2023, DAY, one, new long[2], null);
            fail("columns of different lengths");
        } catch (IllegalArgumentException e) {
            assertEquals("population columns of different lengths", e.getMessage());
        }
        try {
            Population.contributions(p2023, LocalDate.of(2022, 6, 1), one, null, null);
            fail("a date of another year");
        } catch (MedinsException e) {
            assertEquals(Status.DATE, e.status());
            assertTrue(e.detail().contains("not a day on which policy tianjin/2023 is in force"));
        }
        try {
            Population.capitation(p2023, null, new int[2], new int[2],
                    new int[] {20230101, 20230101}, new int[] {20231231, 20231231},
                    new long[2], null, new int[] {1, 0}, new long[2],
                    new int[] {20230101, 20230101}, null);
            fail("enrolments out of row order");
        } catch (MedinsException e) {
            assertEquals(Status.ARGUMENT, e.status());
            assertTrue(e.detail(), e.detail().contains("enrolment 1 (row 0) follows one of row 1"));
        }
        PopulationResult r = Population.contributions(p2023, DAY, one, null, null);
        try {
            r.column("wage");
            fail("no such column");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("no column wage; the columns are [individual,"));
        }
    }
}
