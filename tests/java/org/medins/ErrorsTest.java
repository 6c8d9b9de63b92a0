package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.Test;

/** Every library error arrives as a MedinsException with the C code, file, line and column. */
public class ErrorsTest {
    private static Path invalid(String name) {
        return TestSupport.path("medins.test.data").getParent().resolve("invalid").resolve(name);
    }

    private static MedinsException loadFails(Path file) {
        try (Policy p = Policy.load(file)) {
            fail(file + " loaded: " + p.id());
            return null;
        } catch (MedinsException e) {
            return e;
        }
    }

    @Test
    public void unknownKeyCarriesItsPosition() {
        // tests/invalid/02-unknown-key.yaml: `colour: red` is line 6, column 1.
        MedinsException e = loadFails(invalid("02-unknown-key.yaml"));
        assertEquals(Status.UNKNOWN_KEY, e.status());
        assertEquals(Status.UNKNOWN_KEY.code(), e.code());
        assertTrue(e.file(), e.file().endsWith("02-unknown-key.yaml"));
        assertEquals(6, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage(), e.getMessage().contains("02-unknown-key.yaml:6:1: "));
        assertTrue(e.getMessage(), e.getMessage().endsWith("[MEDINS_ERR_UNKNOWN_KEY]"));
        assertTrue(e.getMessage(), e.getMessage().contains(e.detail()));
    }

    @Test
    public void statusesAreTheLibrarysWithItsFamilies() {
        // The enum lists the library's codes in its order (UNKNOWN, the binding's own, last).
        Status[] all = Status.values();
        assertEquals(org.medins.swig.medins.status_count(), all.length - 1);
        for (int i = 0; i < all.length - 1; i++) {
            assertEquals(org.medins.swig.medins.status_at(i), all[i].code());
        }
        // Families as errors.h groups them.
        assertEquals("none", Status.OK.kind());
        assertEquals("argument", Status.OVERFLOW.kind());
        assertEquals("policy", Status.IO.kind());
        assertEquals("claim", Status.DATE.kind());
        assertEquals("ledger", Status.LEDGER_YEAR.kind());
        assertEquals("input", Status.ENROLMENT.kind());
        assertEquals("none", Status.UNKNOWN.kind());
        assertEquals("none", new MedinsException(-6, "m", null, 0, 0).kind());
        assertEquals("policy", loadFails(invalid("02-unknown-key.yaml")).kind());
    }

    @Test
    public void unknownKeyInARow() {
        MedinsException e = loadFails(invalid("03-unknown-key-in-row.yaml"));
        assertEquals(Status.UNKNOWN_KEY, e.status());
        assertEquals(9, e.line());
        assertEquals(8, e.column());
    }

    @Test
    public void yamlTextNamesItsFile() {
        try {
            Policy.fromYaml("reform.yaml", "format: 1\nregion: [unclosed\n");
            fail("malformed YAML loaded");
        } catch (MedinsException e) {
            assertEquals(Status.YAML, e.status());
            assertEquals("reform.yaml", e.file());
            assertTrue("line " + e.line(), e.line() >= 2);
        }
    }

    @Test
    public void missingFile() {
        MedinsException e = loadFails(invalid("no-such-file.yaml"));
        assertEquals(Status.IO, e.status());
    }

    @Test
    public void exceptionIsUncheckedAndBuildable() {
        MedinsException e = new MedinsException(-15, "ratio above 100%", "a.yaml", 3, 7);
        assertTrue(e instanceof RuntimeException);
        assertEquals("a.yaml:3:7: ratio above 100% [MEDINS_ERR_RANGE]", e.getMessage());
        assertEquals("ratio above 100%", e.detail());
        MedinsException bare = new MedinsException(-9999, "odd", null, 0, 0);
        assertEquals(Status.UNKNOWN, bare.status());
        assertEquals("odd [MEDINS_ERR_UNKNOWN]", bare.getMessage());
        assertEquals(0, bare.line());
        assertEquals(0, bare.column());
    }

    @Test
    public void lookupAndSettlementErrors() {
        try (PolicySet set = PolicySet.embedded()) {
            try {
                set.lookup("atlantis", TestSupport.DAY_2023);
                fail("no policy for atlantis");
            } catch (MedinsException e) {
                assertEquals(Status.NO_POLICY, e.status());
                assertEquals(null, e.file());
            }
            Policy p = set.lookup("tianjin", TestSupport.DAY_2023);
            Ledger ledger = new Ledger(2023);
            Ledger before = ledger.copy();
            // Self-paid items larger than the total: an inconsistent claim.
            Claim bad = Claim.builder().date(TestSupport.DAY_2023).kind(ClaimKind.INPATIENT)
                    .level(Level.L3).total(1000).selfPaid(2000).build();
            try {
                p.settle(TestSupport.employee(), bad, ledger).close();
                fail("inconsistent claim settled");
            } catch (MedinsException e) {
                assertEquals(Status.CLAIM, e.status());
            }
            assertEquals("ledger untouched on error", before, ledger);
            // A claim of another year than the ledger's.
            Claim other = TestSupport.inpatient(LocalDate.of(2024, 1, 5), Level.L3, 100000);
            try {
                set.settle("tianjin", TestSupport.employee(), other, ledger).close();
                fail("ledger of another year");
            } catch (MedinsException e) {
                assertEquals(Status.LEDGER_YEAR, e.status());
            }
            assertEquals("ledger untouched on error", before, ledger);
        }
    }
}
