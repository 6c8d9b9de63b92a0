package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import org.junit.Test;
import org.medins.swig.medins;

/** The ABI that can grow, from Java: the packed records follow the library's layouts. */
public class AbiTest {
    /** Every slot is a field the library names, in its order; an unknown name is refused. */
    @Test
    public void slotsAreTheLibrarysFields() {
        assertEquals(medins.layout_field_count(Packed.LEDGER), Packed.size(Packed.LEDGER));
        assertEquals("birth_date", medins.layout_field(Packed.PERSON, 3).getName());
        assertEquals(3, Packed.slot(Packed.PERSON, "birth_date"));
        assertEquals(Packed.IO_SIZE, Packed.size(Packed.PERSON) + Packed.size(Packed.CLAIM)
                + Packed.size(Packed.LEDGER) + Packed.size(Packed.SETTLEMENT));
        try {
            Packed.slot(Packed.PERSON, "shoe_size");
            fail("an unknown field has a slot");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("medins_person has no field shoe_size"));
        }
    }

    /** A ledger moved through its packed record keeps every total, by pool too. */
    @Test
    public void ledgerMovesByName() {
        Ledger l = new Ledger(2023);
        Policy p = PolicySet.embedded().lookup(LocalDate.of(2023, 6, 1));
        // 10,000 yuan at level 3: the inpatient deductible of 1,100 yuan (I2), the fund's share
        // 7,055 yuan (the README's check), both in the inpatient pool's totals.
        Settlement s = p.settleFigures(Person.employee(Category.IN_SERVICE, null),
                Claim.of(LocalDate.of(2023, 6, 1), ClaimKind.INPATIENT, Level.L3, 1000000), l);
        assertEquals(705500, s.fund());
        assertEquals(705500, l.fund(Pool.INPATIENT));
        assertEquals(0, l.fund(Pool.OUTPATIENT));
        assertEquals(s.deductible(), l.deductible(Pool.INPATIENT));
        assertEquals(1, l.seq());
        assertEquals(LocalDate.of(2023, 6, 1), l.lastDate());
        assertEquals(l.toText(), Ledger.parse(l.toText()).toText());
    }
}
