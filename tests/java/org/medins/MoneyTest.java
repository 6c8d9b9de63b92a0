package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** Money text and rounding go through the library; versions and the loader's main. */
public class MoneyTest {
    @Test
    public void parseAndFormat() {
        assertEquals(110050L, Money.parse("1100.50"));
        assertEquals(110050L, Money.parse("1100.5"));
        assertEquals(-300L, Money.parse("-3"));
        assertEquals("1100.50", Money.format(110050));
        assertEquals("-0.05", Money.format(-5));
        assertEquals(5500, Money.parseRatio("55%"));
        assertEquals(250, Money.parseRatio("2.5%"));
        assertEquals("55%", Money.formatRatio(5500));
        assertEquals("2.5%", Money.formatRatio(250));
    }

    @Test
    public void malformedTextThrows() {
        String[][] cases = {{"1,100", "SYNTAX"}, {"1e3", "SYNTAX"}, {"12.345", "SYNTAX"}};
        for (String[] c : cases) {
            try {
                Money.parse(c[0]);
                fail(c[0] + " is refused");
            } catch (MedinsException e) {
                assertEquals(c[0], Status.valueOf(c[1]), e.status());
            }
        }
        try {
            Money.parseRatio("55");
            fail("a ratio needs its %");
        } catch (MedinsException e) {
            assertEquals(Status.SYNTAX, e.status());
        }
        try {
            Money.parseRatio("101%");
            fail("above 100%");
        } catch (MedinsException e) {
            assertEquals(Status.RANGE, e.status());
        }
        try {
            Money.parse("1000000000001");
            fail("above one trillion yuan");
        } catch (MedinsException e) {
            assertEquals(Status.OVERFLOW, e.status());
        }
    }

    @Test
    public void applyRoundsHalfUp() {
        // 101 fen x 50% = 50.5 -> 51; -101 x 50% = -50.5 -> -51 (half away from zero).
        assertEquals(51L, Money.apply(101, 5000));
        assertEquals(-51L, Money.apply(-101, 5000));
        // 3 fen x 55% = 1.65 -> 2; 3 x 45% = 1.35 -> 1.
        assertEquals(2L, Money.apply(3, 5500));
        assertEquals(1L, Money.apply(3, 4500));
        assertEquals(Money.MAX, Money.apply(Money.MAX, 10000));
        try {
            Money.apply(100, 10001);
            fail("ratio above 100%");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("10001"));
        }
        try {
            Money.apply(Money.MAX + 1, 100);
            fail("amount above the maximum");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("100"));
        }
    }

    @Test
    public void versions() throws Exception {
        assertEquals(Medins.bindingVersion(), Medins.version());
        assertEquals("tianjin", Medins.defaultRegion());
        assertEquals(Medins.defaultRegion(), PolicySet.defaultRegion());
        assertNotNull(NativeLibrary.location());
        NativeLibrary.load(); // idempotent
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Medins.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.startsWith("libmedins " + Medins.version()));
    }
}
