package org.medins;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.junit.rules.ExternalResource;

/** Shared fixtures: paths given by meson as system properties, and common persons and claims. */
final class TestSupport {
    /**
     * The embedded policy set, opened before a test class and closed after it:
     * {@code @ClassRule public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();}
     */
    static final class EmbeddedSet extends ExternalResource {
        private PolicySet set;

        @Override
        protected void before() {
            set = PolicySet.embedded();
        }

        @Override
        protected void after() {
            set.close();
        }

        PolicySet set() {
            return set;
        }
    }

    static final LocalDate DAY_2023 = LocalDate.of(2023, 3, 14);

    private TestSupport() {
    }

    static Path path(String property) {
        String v = System.getProperty(property);
        if (v == null) {
            throw new IllegalStateException("system property " + property + " is not set");
        }
        return Paths.get(v);
    }

    static Person employee() {
        return Person.employee(Category.IN_SERVICE, LocalDate.of(1980, 5, 1));
    }

    static Person retiree() {
        return Person.employee(Category.RETIRED, LocalDate.of(1950, 2, 1));
    }

    static Person resident() {
        return Person.resident(Category.ADULT, Tier.LOW, LocalDate.of(1975, 8, 9));
    }

    static Claim inpatient(LocalDate date, Level level, long total) {
        return Claim.of(date, ClaimKind.INPATIENT, level, total);
    }

    /** The split adds up: total = fund + major disease + assistance + patient = ... */
    static void assertAddsUp(String name, Settlement s) {
        assertEquals(name + ": parts add up", s.total(),
                s.fund() + s.majorDisease() + s.assistance() + s.patient());
        assertEquals(name + ": patient = account + cash", s.patient(), s.account() + s.cash());
        assertEquals(name + ": in scope", s.total() - s.selfPaid() - s.categoryB(), s.inScope());
    }
}
