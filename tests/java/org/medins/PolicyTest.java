package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Policies and policy sets: loading, lookups, the values they hold, ownership. */
public class PolicyTest {
    private static Path settlePolicy() {
        return TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
    }

    @Test
    public void embeddedSet() {
        try (PolicySet set = PolicySet.embedded()) {
            List<Policy> all = set.policies();
            assertEquals(set.size(), all.size());
            assertTrue("four Tianjin years at least", all.size() >= 4);
            assertTrue(all.stream().anyMatch(p -> p.id().equals("tianjin/2023")));
            Policy p = set.get("tianjin/2023").orElseThrow();
            assertTrue(p.isBorrowed());
            assertEquals("tianjin", p.region());
            assertTrue(p.title(), p.title().contains("2023"));
            assertEquals(LocalDate.of(2023, 1, 1), p.effectiveFrom());
            assertTrue(p.inForce(LocalDate.of(2023, 6, 30)));
            assertFalse(p.inForce(LocalDate.of(2022, 12, 31)));
            assertTrue(p.hasSection(Section.INPATIENT));
            assertTrue(p.hasSection(Section.CONTRIBUTIONS));
            assertEquals(Optional.empty(), set.get("tianjin/1999"));
            assertEquals("tianjin/2023", set.lookup(TestSupport.DAY_2023).id());
            assertEquals("tianjin/2022", set.lookup("tianjin", LocalDate.of(2022, 7, 1)).id());
            Policy y2022 = set.get("tianjin/2022").orElseThrow();
            assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), y2022.effectiveTo());
        }
    }

    @Test
    public void sourcesAndValues() {
        try (PolicySet set = PolicySet.embedded()) {
            Policy p = set.get("tianjin/2023").orElseThrow();
            List<Source> sources = p.sources();
            assertFalse(sources.isEmpty());
            Source first = sources.get(0);
            assertEquals(Optional.of(first), p.findSource(first.id()));
            assertEquals(Optional.empty(), p.findSource("no-such-source"));
            assertTrue(first.line() > 0);
            List<PolicyValue> values = p.values();
            assertFalse(values.isEmpty());
            for (PolicyValue v : values) {
                assertEquals(v.path(), Optional.of(v), p.findValue(v.path()));
                assertEquals(v.path() + " cites a source or is assumed", v.assumed(),
                        v.source() == null);
                assertTrue(v.path(), v.line() > 0 && v.column() > 0);
            }
            assertEquals(Optional.empty(), p.findValue("no.such.path"));
        }
    }

    @Test
    public void loadFileAndText() throws Exception {
        try (Policy p = Policy.load(settlePolicy())) {
            assertFalse(p.isBorrowed());
            assertEquals("testland", p.region());
            assertTrue(p.inForce(LocalDate.of(2024, 12, 31)));
            String yaml = Files.readString(settlePolicy());
            try (Policy q = Policy.fromYaml("copy.yaml", yaml)) {
                assertEquals(p.values().size(), q.values().size());
                assertEquals("copy.yaml", q.values().get(0).file());
            }
        }
        try (PolicySet bases = PolicySet.embedded();
             Policy p = Policy.load(TestSupport.path("medins.test.policies").resolve("tianjin")
                     .resolve("2023.yaml"), bases)) {
            assertEquals("tianjin", p.region());
        }
    }

    /* Text outside the BMP survives both ways (JNI's own conversions use modified UTF-8). */
    @Test
    public void unicodeTextRoundTrips() throws Exception {
        String yaml = Files.readString(settlePolicy()).replace(
                "title: \"Settlement test policy\"", "title: \"\u5929\u6d25 \ud83c\udfe5 test\"");
        try (Policy p = Policy.fromYaml("unicode.yaml", yaml)) {
            assertEquals("\u5929\u6d25 \ud83c\udfe5 test", p.title());
        }
    }

    @Test
    public void deriveChangesOneValue() {
        // Raise the employee inpatient ratio to a flat 100%: the fund then pays all above the
        // deductible (800 yuan for a first admission at l2 in the test policy).
        String overlay = "format: 1\nkind: reform\ntitle: \"all paid\"\n"
                + "sources: [{id: s, title: \"Scenario\", kind: third-party}]\n"
                + "cite: \"s: scenario\"\n"
                + "inpatient:\n  ratio:\n    - {scheme: employee, ratio: 100%}\n";
        Claim c = TestSupport.inpatient(LocalDate.of(2023, 3, 1), Level.L2, 2_000_000);
        try (Policy base = Policy.load(settlePolicy());
             Policy reform = base.derive("reform.yaml", overlay);
             Result r = reform.settle(TestSupport.employee(), c, new Ledger(2023))) {
            assertEquals(2_000_000 - 80_000, r.settlement().fund());
            assertNotEquals(base.findValue("inpatient.ratio[0].ratio"),
                    reform.findValue("inpatient.ratio[0].ratio"));
        }
    }

    @Test
    public void closedHandlesRefuseUse() {
        Policy p = Policy.load(settlePolicy());
        p.close();
        p.close(); // idempotent
        try {
            p.title();
            fail("closed policy used");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("closed"));
        }
        PolicySet set = PolicySet.embedded();
        Policy borrowed = set.lookup(TestSupport.DAY_2023);
        borrowed.close(); // does nothing: the set owns it
        assertEquals("tianjin", borrowed.region());
        set.close();
        set.close();
        try {
            borrowed.region();
            fail("policy of a closed set used");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("closed"));
        }
        try {
            set.size();
            fail("closed set used");
        } catch (IllegalStateException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Test
    public void addingFilesKeepsBorrowedPolicies() {
        try (PolicySet set = PolicySet.empty()) {
            assertEquals(0, set.size());
            set.addFile(settlePolicy(), "testland/basic");
            Policy p = set.get("testland/basic").orElseThrow();
            assertEquals("testland/basic", p.id());
            set.addDirectory(TestSupport.path("medins.test.policies"));
            assertTrue(set.size() >= 5);
            // Borrowed policies live as long as their set (see PolicySetLifetimeTest).
            assertEquals("Settlement test policy", p.title());
            assertEquals("testland", set.get("testland/basic").orElseThrow().region());
            assertEquals("tianjin/2023", set.lookup("tianjin", TestSupport.DAY_2023).id());
        }
    }
}
