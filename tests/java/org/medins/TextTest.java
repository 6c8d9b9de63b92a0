package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.Test;

/** Dates and lists of groups read, and parts and pools named, by the library. */
public class TextTest {
    /** Both ISO forms; any other text refused with the library's code and message. */
    @Test
    public void datesAreReadByTheLibrary() {
        assertEquals(LocalDate.of(2023, 6, 1), Dates.parse("2023-06-01"));
        assertEquals(LocalDate.of(2023, 6, 1), Dates.parse("20230601"));
        try {
            Dates.parse("2023-02-30");
            fail("2023-02-30 was read");
        } catch (MedinsException e) {
            assertEquals(Status.DATE, e.status());
            assertEquals("\"2023-02-30\" is not a calendar date", e.detail());
        }
        try {
            Dates.parse("2023-6-1");
            fail("2023-6-1 was read");
        } catch (MedinsException e) {
            assertEquals(Status.SYNTAX, e.status());
            assertEquals("\"2023-6-1\" is not a date: write it 2023-06-01 or 20230601", e.detail());
        }
    }

    /** Words separated by '+', ',' or '|'; an empty word or another separator refused. */
    @Test
    public void groupListsAreReadByTheLibrary() {
        assertEquals(EnumSet.of(Group.DIBAO, Group.DISABLED), Group.parseList("dibao+disabled"));
        assertEquals(EnumSet.of(Group.TEKUN, Group.ENTITLED), Group.parseList(" tekun | entitled"));
        assertTrue(Group.parseList("").isEmpty());
        try {
            Group.parseList("dibao++disabled");
            fail("an empty word was read");
        } catch (MedinsException e) {
            assertEquals(Status.SYNTAX, e.status());
            assertEquals(7, e.column());
        }
        try {
            Group.parseList("dibao+nobody");
            fail("nobody was read as a group");
        } catch (MedinsException e) {
            assertEquals(Status.TYPE, e.status());
            assertTrue(e.detail(), e.detail().startsWith("\"nobody\" is not a group"));
        }
    }

    /** Parts, pools and result kinds carry the library's names. */
    @Test
    public void namesAreTheLibrarys() {
        assertEquals("major_disease", Part.MAJOR_DISEASE.word());
        assertEquals("inpatient", Pool.INPATIENT.word());
        assertEquals("settlement", ResultKind.SETTLEMENT.word());
    }
}
