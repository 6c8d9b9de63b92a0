package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import org.junit.Test;

/** Ledgers: plain data, stored as text, closed into the next year. */
public class LedgerTest {
    /**
     * A null text is a NullPointerException, in the plumbing package too: there SWIG passed it
     * on as NULL to a helper that read it to its end, and the JVM crashed.
     */
    /** The one struct member of the plumbing (AccountInput.employee) refuses null. */
    @Test
    public void nullStructMemberIsANullPointerException() {
        org.medins.swig.AccountInput in = new org.medins.swig.AccountInput();
        try {
            in.setEmployee(null);
            fail("setEmployee(null) returned");
        } catch (NullPointerException e) {
            assertEquals("employee", e.getMessage());
        } finally {
            in.delete();
        }
    }

    /** A method of a deleted plumbing object is a NullPointerException, not a NULL passed on. */
    @Test
    public void deletedObjectIsANullPointerException() {
        org.medins.swig.Ledger l = new org.medins.swig.Ledger(2023);
        l.delete();
        try {
            l.to_text();
            fail("to_text() on a deleted ledger returned");
        } catch (NullPointerException e) {
            assertEquals("Ledger_to_text: deleted object", e.getMessage());
        }
    }

    @Test
    public void nullTextIsANullPointerException() {
        try {
            org.medins.swig.Ledger.from_text(null);
            fail("from_text(null) returned");
        } catch (NullPointerException e) {
            assertEquals("text", e.getMessage());
        }
        try {
            org.medins.swig.medins.money_parse(null);
            fail("money_parse(null) returned");
        } catch (NullPointerException e) {
            assertEquals("text", e.getMessage());
        }
    }

    @Test
    public void emptyLedger() {
        Ledger l = new Ledger(2023);
        assertEquals(2023, l.year());
        assertNull(l.lastDate());
        assertEquals(0L, l.seq());
        assertEquals(0, l.admissions());
        assertEquals(0L, l.outpatientCosts());
        for (Pool p : Pool.values()) {
            assertEquals(0L, l.deductible(p));
            assertEquals(0L, l.position(p));
            assertEquals(0L, l.fund(p));
        }
        assertEquals(0L, l.majorBase());
        assertEquals(0L, l.majorFund());
        assertEquals(0L, l.assistBase());
        assertEquals(0L, l.assistFund());
        assertEquals(0L, l.accountBalance());
        assertEquals(0L, l.accountPaid());
        assertEquals(0L, l.carryOver());
        assertEquals(0, l.thriftyYears());
        assertFalse(l.priorKnown());
        assertEquals(0L, l.priorOutpatientCosts());
        l.check();
        assertTrue(l.toString().startsWith("Ledger[2023"));
    }

    @Test
    public void textRoundTrip() {
        Ledger l = new Ledger(2023);
        l.setAccountBalance(123_456);
        try (PolicySet set = PolicySet.embedded();
             Result r = set.settle("tianjin", TestSupport.employee(),
                     TestSupport.inpatient(TestSupport.DAY_2023, Level.L3, 3_000_000), l)) {
            assertTrue(r.settlement().fund() > 0);
        }
        String text = l.toText();
        assertTrue(text, text.startsWith("medins-ledger 1\n"));
        Ledger back = Ledger.parse(text);
        assertEquals(l, back);
        assertEquals(l.hashCode(), back.hashCode());
        assertEquals(TestSupport.DAY_2023, back.lastDate());
        assertEquals(1, back.admissions());
        Ledger copy = l.copy();
        copy.setAccountBalance(l.accountBalance() + 1);
        assertNotEquals(l, copy);
        assertEquals(123_456L - l.accountPaid(), l.accountBalance());
    }

    @Test
    public void badTextThrows() {
        String[] cases = {"", "medins-ledger 1\nyear=2023\n", "medins-ledger 99\n",
            new Ledger(2023).toText().replace("year=2023", "year=20x3"),
            new Ledger(2023).toText() + "colour=red\n"};
        for (String text : cases) {
            try {
                Ledger.parse(text);
                fail("parsed: " + text);
            } catch (MedinsException e) {
                assertEquals(text, Status.LEDGER, e.status());
            }
        }
    }

    /* The balance is checked as it is set (by the library's ledger check), not at the next
     * settlement: a refused value leaves the ledger as it was. */
    @Test
    public void accountBalanceOutOfRangeIsRefused() {
        Ledger l = Ledger.parse(new Ledger(2023).toText());
        l.setAccountBalance(5_000);
        long[] refused = {-1, Money.MAX + 1, Long.MIN_VALUE};
        for (long fen : refused) {
            try {
                l.setAccountBalance(fen);
                fail("balance " + fen + " accepted");
            } catch (MedinsException e) {
                assertEquals(Status.LEDGER, e.status());
                assertTrue(e.getMessage(),
                        e.detail().contains("account_balance out of range: " + fen));
            }
            assertEquals(5_000L, l.accountBalance());
            l.check();
        }
        l.setAccountBalance(Money.MAX);
        assertEquals(Money.MAX, l.accountBalance());
    }

    /*
     * Closing 2023 for an employee in service with no outpatient costs: the year counts as
     * thrifty (costs 0 do not exceed the outpatient deductible), last year's outpatient costs
     * become known (0), and the account balance is carried.
     */
    @Test
    public void closeYear() {
        try (PolicySet set = PolicySet.embedded()) {
            Policy p = set.lookup(LocalDate.of(2023, 12, 31));
            Ledger l = new Ledger(2023);
            l.setAccountBalance(5_000);
            Ledger next = l.closeYear(p, TestSupport.employee());
            assertEquals(2024, next.year());
            assertTrue(next.priorKnown());
            assertEquals(0L, next.priorOutpatientCosts());
            assertEquals(1, next.thriftyYears());
            assertEquals(5_000L, next.accountBalance());
            assertEquals(0L, next.seq());
            assertEquals(2023, l.year());
        }
    }
}
