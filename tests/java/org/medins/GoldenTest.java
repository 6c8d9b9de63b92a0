package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The shared golden vectors (tests/golden/settlements.csv, worked by hand): Java must give the
 * same fen as C, claim by claim and through the batch. Skipped only when the file is absent.
 */
public class GoldenTest {
    private static final String[] EXPECTED = {"fund", "major_disease", "assistance", "patient",
        "deductible"};

    private record Row(int number, int run, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw new IllegalStateException("row " + number + ": no column " + column);
            }
            return v.trim();
        }

        long fen(String column) {
            String v = get(column);
            return v.isEmpty() ? 0 : Long.parseLong(v);
        }

        String name() {
            return "row " + number + " (" + get("case") + ")";
        }

        /** Consecutive rows of one case and person share a ledger: one "run" of rows. */
        String ledgerKey() {
            return Integer.toString(run);
        }

        Person person() {
            EnumSet<Group> groups = EnumSet.noneOf(Group.class);
            for (String g : get("groups").split("\\+")) {
                if (!g.isBlank()) {
                    groups.add(Group.fromWord(g.trim()));
                }
            }
            Person.Builder b = Person.builder().scheme(Scheme.fromWord(get("scheme")))
                    .category(Category.fromWord(get("category")))
                    .birthDate(Dates.fromInt(Integer.parseInt(get("birth_date"))))
                    .groups(groups).familyDoctor(fen("family_doctor"));
            String tier = get("tier");
            b.tier(tier.isEmpty() ? Tier.NONE : Tier.fromWord(tier));
            return b.build();
        }

        Claim claim() {
            return Claim.builder().id(number).date(Dates.fromInt(Integer.parseInt(get("date"))))
                    .kind(ClaimKind.fromWord(get("kind"))).level(Level.fromWord(get("level")))
                    .institution(fen("institution")).total(fen("total"))
                    .selfPaid(fen("self_paid")).categoryB(fen("category_b")).build();
        }
    }

    private static List<Row> read() throws IOException {
        Path csv = TestSupport.path("medins.test.golden").resolve("settlements.csv");
        assumeTrue("golden vectors not written yet: " + csv, Files.isRegularFile(csv));
        List<Row> rows = new ArrayList<>();
        String[] header = null;
        int number = 0;
        int run = 0;
        String previous = null;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i].trim(), i < cells.length ? cells[i] : "");
            }
            String key = m.get("case") + "\u0000" + m.get("person");
            if (!key.equals(previous)) {
                run++;
                previous = key;
            }
            rows.add(new Row(number, run, m));
        }
        assertFalse("golden file has rows", rows.isEmpty());
        return rows;
    }

    private static long[] figures(Settlement s) {
        return new long[] {s.fund(), s.majorDisease(), s.assistance(), s.patient(), s.deductible()};
    }

    @Test
    public void singleClaimsMatch() throws IOException {
        List<Row> rows = read();
        Map<String, Ledger> ledgers = new HashMap<>();
        try (PolicySet set = PolicySet.embedded()) {
            for (Row row : rows) {
                Policy p = set.get(row.get("policy")).orElseThrow();
                Claim c = row.claim();
                Ledger l = ledgers.computeIfAbsent(row.ledgerKey(),
                        k -> new Ledger(c.date().getYear()));
                try (Result r = p.settle(row.person(), c, l)) {
                    long[] got = figures(r.settlement());
                    for (int i = 0; i < EXPECTED.length; i++) {
                        assertEquals(row.name() + " " + EXPECTED[i], row.fen(EXPECTED[i]), got[i]);
                    }
                    TestSupport.assertAddsUp(row.name(), r.settlement());
                }
            }
        }
    }

    /** All rows of one policy as one batch: persons are the (case, person) keys. */
    @Test
    public void batchMatches() throws IOException {
        List<Row> rows = read();
        Map<String, List<Row>> byPolicy = new HashMap<>();
        for (Row row : rows) {
            byPolicy.computeIfAbsent(row.get("policy"), k -> new ArrayList<>()).add(row);
        }
        try (PolicySet set = PolicySet.embedded()) {
            for (Map.Entry<String, List<Row>> e : byPolicy.entrySet()) {
                Policy p = set.get(e.getKey()).orElseThrow();
                Map<String, Integer> index = new HashMap<>();
                List<Person> persons = new ArrayList<>();
                List<Ledger> ledgers = new ArrayList<>();
                BatchClaims.Builder b = BatchClaims.builder();
                // Rows of one ledger are consecutive, so grouping by first appearance keeps order.
                for (Row row : e.getValue()) {
                    Claim c = row.claim();
                    Integer i = index.get(row.ledgerKey());
                    if (i == null) {
                        i = persons.size();
                        index.put(row.ledgerKey(), i);
                        persons.add(row.person());
                        ledgers.add(new Ledger(c.date().getYear()));
                    }
                    b.add(i, c);
                }
                BatchResult r = p.settleBatch(BatchPersons.of(persons), b.build(),
                        ledgers.toArray(new Ledger[0]));
                for (int i = 0; i < r.size(); i++) {
                    Row row = e.getValue().get(i);
                    assertEquals(row.name() + " status", Status.OK, r.status(i));
                    long[] got = {r.fund(i), r.majorDisease(i), r.assistance(i), r.patient(i),
                        r.deductible(i)};
                    for (int k = 0; k < EXPECTED.length; k++) {
                        assertEquals(row.name() + " batch " + EXPECTED[k], row.fen(EXPECTED[k]),
                                got[k]);
                    }
                }
            }
        }
    }
}
