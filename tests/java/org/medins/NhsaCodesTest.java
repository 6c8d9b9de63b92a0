package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.Test;

/**
 * The national platform's codes in: {@link Person#fromNhsa} (insutype + psn_type) and
 * {@link Claim#fromNhsa} (med_type), by the policy's bills rows, then the national codes. Claim
 * B on tests/data/settle/basic.yaml (tests/check_record.c), worked by hand: an employee in
 * service (310/1101), inpatient (21) at level 3, 20000 yuan, the first admission: deductible
 * 1000; 10000 x 80% + 9000 x 90% = 16100 fund.
 */
public class NhsaCodesTest {
    private static Path basic() {
        return TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
    }

    @Test
    public void codesIn() {
        try (Policy p = Policy.load(basic())) {
            Person person = Person.fromNhsa(p, "310", "1101")
                    .birthDate(LocalDate.of(1980, 1, 1)).build();
            assertEquals(Scheme.EMPLOYEE, person.scheme());
            assertEquals(Category.IN_SERVICE, person.category());
            Claim claim = Claim.fromNhsa(p, "21").date(LocalDate.of(2023, 3, 2)).level(Level.L3)
                    .total(2_000_000).build();
            assertEquals(ClaimKind.INPATIENT, claim.kind());
            try (Result r = p.settle(person, claim, new Ledger(2023))) {
                assertEquals(1_610_000, r.settlement().fund());
            }
            assertEquals(Category.RETIRED, Person.fromNhsa(p, "310", "1203").build().category());
            Person adult = Person.fromNhsa(p, "390", "1501").tier(Tier.LOW).build();
            assertEquals(Scheme.RESIDENT, adult.scheme());
            assertEquals(Category.ADULT, adult.category());
            try (Policy region = p.derive("region.yaml", "cite: \"test: a region's codes\"\n"
                    + "bills:\n  med_types:\n    - {med_type: \"28\", kind: inpatient}\n")) {
                assertEquals(ClaimKind.INPATIENT, Claim.fromNhsa(region, "28")
                        .date(LocalDate.of(2023, 3, 2)).build().kind());
            }
        }
    }

    @Test
    public void unmappedCodes() {
        try (Policy p = Policy.load(basic())) {
            MedinsException e = assertThrows(MedinsException.class,
                    () -> Person.fromNhsa(p, "340", "1300"));
            assertEquals(Status.TYPE, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains(
                    "psn_type \"1300\" of insutype \"340\" is not a person policy"));
            e = assertThrows(MedinsException.class, () -> Claim.fromNhsa(p, "12"));
            assertEquals(Status.TYPE, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains(
                    "med_type \"12\" is not a claim policy"));
            e = assertThrows(MedinsException.class, () -> Claim.fromNhsa(p, "2\u00001"));
            assertEquals(Status.SYNTAX, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("a NUL byte within the code"));
            assertThrows(NullPointerException.class, () -> Claim.fromNhsa(p, null));
            assertThrows(NullPointerException.class, () -> Person.fromNhsa(null, "310", "1101"));
        }
    }
}
