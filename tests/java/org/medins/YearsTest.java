package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A population's claims over two years (tests/data/two-years.csv: eight persons, 48 claims from
 * March 2022 to October 2023, in the command's input format) settled in one batch with
 * closeYears give the fen of the command's {@code medins batch} of the same file, claim by
 * claim, and the same ledger for every person after their last claim.
 */
public class YearsTest {
    @ClassRule
    public static final TestSupport.EmbeddedSet EMBEDDED = new TestSupport.EmbeddedSet();

    private static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    @Test
    public void sameFenAndLedgersAsTheCommand() throws IOException, InterruptedException {
        Path data = TestSupport.path("medins.test.data").resolve("two-years.csv");
        List<String> lines = Files.readAllLines(data, StandardCharsets.UTF_8);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Person> persons = new ArrayList<>();
        BatchClaims.Builder claims = BatchClaims.builder();
        for (String line : lines.subList(1, lines.size())) {
            // person_id,date,kind,level,total,scheme,category,tier,birth_date
            String[] f = line.split(",", -1);
            Integer p = index.get(f[0]);
            if (p == null) {
                p = persons.size();
                index.put(f[0], p);
                persons.add(Person.builder().scheme(Scheme.fromWord(f[5]))
                        .category(Category.fromWord(f[6]))
                        .tier(f[7].isEmpty() ? Tier.NONE : Tier.fromWord(f[7]))
                        .birthDate(LocalDate.parse(f[8])).build());
            }
            claims.add(p, Claim.of(LocalDate.parse(f[1]), ClaimKind.fromWord(f[2]),
                    Level.fromWord(f[3]), fen(f[4])));
        }
        Ledger[] ledgers = new Ledger[persons.size()];
        for (int i = 0; i < ledgers.length; i++) {
            ledgers[i] = new Ledger(2022);
        }
        BatchClaims built = claims.build();
        BatchResult r = EMBEDDED.set().settleBatch("tianjin", BatchPersons.of(persons), built,
                ledgers, true);
        String[] rows;

        Path saved = Files.createTempFile("medins-years", ".txt");
        try {
            Process cli = new ProcessBuilder(TestSupport.path("medins.test.cli").toString(),
                    "batch", "-q", "--save-ledgers", saved.toString(), data.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, cli.waitFor());
            rows = out.split("\n");
            assertEquals(lines.size(), rows.length);
            assertEquals(48, r.size());
            long[][] ours = {r.fund(), r.supplementary(), r.majorDisease(), r.assistance(),
                             r.patient(), r.deductible(), r.coinsurance(), r.overCap(),
                             r.account(), r.accountFirst()};
            for (int i = 0; i < r.size(); i++) {
                // claim_id,person_id,date,status,fund,...,account,error
                String[] f = rows[i + 1].split(",", -1);
                assertEquals("ok", f[3]);
                assertEquals(0, r.statusCodes()[i]);
                for (int k = 0; k < ours.length; k++) {
                    assertEquals("claim " + f[0] + " column " + k, fen(f[4 + k]), ours[k][i]);
                }
            }
            String[] blocks = new String(Files.readAllBytes(saved), StandardCharsets.UTF_8)
                    .split("\\[");
            assertEquals(persons.size() + 1, blocks.length);
            for (int b = 1; b < blocks.length; b++) {
                int end = blocks[b].indexOf("]\n");
                String person = blocks[b].substring(0, end);
                Ledger ours1 = ledgers[index.get(person)];
                assertEquals(person, blocks[b].substring(end + 2), ours1.toText());
                assertEquals(2023, ours1.year());
            }
        } finally {
            Files.deleteIfExists(saved);
        }
        // The fund's cost by year: the command's fund column summed by the year of its date.
        Map<Integer, Long> want = new TreeMap<>();
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].split(",", -1);
            want.merge(Integer.parseInt(f[2].substring(0, 4)), fen(f[4]), Long::sum);
        }
        assertEquals(want, r.byYear(built, r.fund()));
        assertEquals(Arrays.asList(2022, 2023), new ArrayList<>(want.keySet()));
        // By hand, E1 (employee in service): 2,600 yuan at a primary institution on 2022-03-20,
        // deductible 800: (2,600 - 800) x 75% = 1,350 yuan; 2,600 at level 2 on 2023-01-18,
        // 2023's first claim, meets the deductible anew: (2,600 - 800) x 65% = 1,170 yuan.
        assertEquals(135_000, r.fund(0));
        assertEquals(117_000, r.fund(3));
        try {
            r.byYear(built, new long[3]);
            fail("a column of 3 amounts summed for 48 claims");
        } catch (IllegalArgumentException e) {
            assertEquals("48 claims and 3 amounts for a result of 48 claims", e.getMessage());
        }
    }
}
