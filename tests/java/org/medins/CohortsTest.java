package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

/**
 * A richer person (tests/data/regions/cohorts.yaml): the retirement date, the years of
 * contribution, the sex and the policy's person groups, and the retirees' share of the
 * in-service self-pay share. The figures are worked in tests/check_cohorts.c.
 */
public class CohortsTest {
    private static Policy load() {
        Path file = TestSupport.path("medins.test.data").resolve("regions").resolve("cohorts.yaml");
        return Policy.load(file);
    }

    private static Claim admission() {
        return Claim.builder().date(LocalDate.of(2024, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L3).total(2_000_000).build();
    }

    private static Person.Builder retiredWoman() {
        return Person.builder().category(Category.RETIRED).birthDate(LocalDate.of(1965, 3, 1))
                .retirementDate(LocalDate.of(2015, 3, 1)).contributionMonths(22 * 12);
    }

    /** 22 years (women need 20): 800; 19,200 x (100% - 60% x 15%) = 91%: 17,472. */
    @Test
    public void retireesPayAShareOfTheInServiceShare() {
        try (Policy p = load()) {
            Person woman = retiredWoman().sex(Sex.fromWord("女")).build();
            assertEquals(Sex.FEMALE, woman.sex());
            Settlement s = p.settleFigures(woman, admission(), new Ledger(2024));
            assertEquals(80_000, s.deductible());
            assertEquals(1_747_200, s.fund());
            assertEquals(252_800, s.patient());
        }
    }

    /** Without the sex the retirees' ratio rows read, the claim is refused, never settled. */
    @Test
    public void anUnknownFieldIsAskedFor() {
        try (Policy p = load()) {
            Person woman = retiredWoman().build();
            assertEquals(Sex.UNKNOWN, woman.sex());
            try {
                p.settleFigures(woman, admission(), new Ledger(2024));
                fail("settled without the sex");
            } catch (MedinsException e) {
                assertEquals(Status.PERSON, e.status());
                assertTrue(e.getMessage(), e.getMessage().contains(
                        "the person has no sex, and it decides which inpatient.ratio row"));
            }
        }
    }

    /** A model worker in service: 1,200; 85% + 5 = 90% of 18,800 = 16,920. */
    @Test
    public void cohortsByThePolicyWords() {
        try (Policy p = load()) {
            int bits = p.cohorts("Model-Worker");
            assertEquals(4, bits);
            Person worker = Person.builder().birthDate(LocalDate.of(1980, 5, 1)).cohorts(bits)
                    .build();
            assertEquals(1_692_000, p.settleFigures(worker, admission(), new Ledger(2024)).fund());
            try {
                p.cohorts("veteran");
                fail("an unknown group word was read");
            } catch (MedinsException e) {
                assertEquals(Status.TYPE, e.status());
                assertTrue(e.getMessage().contains("\"veteran\" is not a person group"));
            }
        }
    }

    /**
     * The batch carries every field of its persons: each admission gets the figures it gets
     * settled alone (tests/check_cohorts.c): the model worker 16,920, the retired woman with 22
     * years 17,472, with 15 (under 20) 19,200 x 85% = 16,320; a retired man without years fails
     * as alone, asked for them.
     */
    @Test
    public void batchCarriesThePersonsFields() {
        try (Policy p = load()) {
            List<Person> persons = List.of(
                    Person.builder().birthDate(LocalDate.of(1980, 5, 1)).sex(Sex.MALE)
                            .contributionMonths(120).cohorts(p.cohorts("model_worker")).build(),
                    retiredWoman().sex(Sex.FEMALE).build(),
                    retiredWoman().sex(Sex.FEMALE).contributionMonths(180).build(),
                    Person.builder().category(Category.RETIRED).birthDate(LocalDate.of(1955, 1, 1))
                            .retirementDate(LocalDate.of(2015, 1, 1)).sex(Sex.MALE).build());
            int n = persons.size();
            int[] person = new int[n];
            int[] date = new int[n];
            int[] kind = new int[n];
            int[] level = new int[n];
            long[] total = new long[n];
            for (int i = 0; i < n; i++) {
                person[i] = i;
                date[i] = 20240301;
                kind[i] = ClaimKind.INPATIENT.code();
                level[i] = Level.L3.code();
                total[i] = 2_000_000;
            }
            Ledger[] ledgers = new Ledger[n];
            for (int i = 0; i < n; i++) {
                ledgers[i] = new Ledger(2024);
            }
            BatchResult r = p.settleBatch(BatchPersons.of(persons),
                    new BatchClaims(person, date, kind, level, null, total, null, null), ledgers);
            long[] expected = {1_692_000, 1_747_200, 1_632_000};
            for (int i = 0; i < 3; i++) {
                assertEquals(Status.OK, r.status(i));
                assertEquals(expected[i], r.fund(i));
                assertEquals(p.settleFigures(persons.get(i), admission(), new Ledger(2024)).fund(),
                        r.fund(i));
            }
            assertEquals(Status.PERSON, r.status(3));
        }
    }
}
