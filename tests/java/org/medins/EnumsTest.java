package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.Test;

/** The Java enums mirror the C enumerations exactly: same values, same words, none missing. */
public class EnumsTest {
    private interface Words<E> {
        String word(E e);
    }

    @Test
    public void everyCEnumeratorHasAJavaValue() {
        assertEquals("schemes", org.medins.swig.scheme.SCHEME_COUNT, Scheme.values().length);
        assertEquals("categories", org.medins.swig.category.CATEGORY_COUNT, Category.values().length);
        assertEquals("tiers", org.medins.swig.tier.TIER_COUNT, Tier.values().length);
        assertEquals("levels", org.medins.swig.level.LEVEL_COUNT, Level.values().length);
        assertEquals("claim kinds", org.medins.swig.claim_kind.CLAIM_KIND_COUNT,
                ClaimKind.values().length);
        assertEquals("sections", org.medins.swig.section.SECTION_COUNT, Section.values().length);
        assertEquals("pools", org.medins.swig.pool.POOL_COUNT, Pool.values().length);
        assertEquals("parts", org.medins.swig.part.PART_COUNT, Part.values().length);
        assertEquals("employer types", org.medins.swig.employer_type.EMPLOYER_TYPE_COUNT,
                EmployerType.values().length);
        assertEquals("deliveries", org.medins.swig.delivery.DELIVERY_COUNT, Delivery.values().length);
        assertEquals("diseases", org.medins.swig.disease.DISEASE_COUNT, Disease.values().length);
        assertEquals("groups", org.medins.swig.medinsConstants.GROUP_ALL,
                Group.toFlags(EnumSet.allOf(Group.class)));
    }

    private static <E extends Enum<E>> void roundTrip(String what, E[] values, Words<E> words,
                                                      java.util.function.Function<String, E> parse) {
        for (E e : values) {
            String w = words.word(e);
            assertTrue(what + " " + e + " has a word", w != null && !w.isEmpty());
            assertSame(what + " " + w, e, parse.apply(w));
        }
        try {
            parse.apply("no-such-word");
            fail(what + ": an unknown word is refused");
        } catch (IllegalArgumentException expected) {
            assertTrue(what, expected.getMessage().contains("no-such-word"));
        }
    }

    @Test
    public void wordsRoundTrip() {
        roundTrip("scheme", Scheme.values(), Scheme::word, Scheme::fromWord);
        roundTrip("category", Category.values(), Category::word, Category::fromWord);
        roundTrip("tier", Tier.values(), Tier::word, Tier::fromWord);
        roundTrip("level", Level.values(), Level::word, Level::fromWord);
        roundTrip("claim kind", ClaimKind.values(), ClaimKind::word, ClaimKind::fromWord);
        roundTrip("section", Section.values(), Section::word, Section::fromWord);
        roundTrip("employer type", EmployerType.values(), EmployerType::word, EmployerType::fromWord);
        roundTrip("delivery", Delivery.values(), Delivery::word, Delivery::fromWord);
        roundTrip("disease", Disease.values(), Disease::word, Disease::fromWord);
        roundTrip("group", Group.values(), Group::word, Group::fromWord);
        // Words fixed by docs/policy-format.md.
        assertEquals("l3", Level.L3.word());
        assertEquals("in_service", Category.IN_SERVICE.word());
        assertEquals("outpatient_pooling", Section.OUTPATIENT_POOLING.word());
        assertEquals("dibao", Group.DIBAO.word());
    }

    /** The library's one word parser reads what people type: any case, '-' for '_', Chinese names. */
    @Test
    public void wordsAsPeopleTypeThem() {
        assertSame(Level.L3, Level.fromWord("三级"));
        assertSame(Level.L3, Level.fromWord("L3"));
        assertSame(Level.PRIMARY, Level.fromWord("基层"));
        assertSame(ClaimKind.OUTPATIENT, ClaimKind.fromWord("门诊"));
        assertSame(ClaimKind.INPATIENT, ClaimKind.fromWord("住院"));
        assertSame(ClaimKind.PHARMACY, ClaimKind.fromWord("药店"));
        assertSame(Category.IN_SERVICE, Category.fromWord("In-Service"));
        assertSame(Category.RETIRED, Category.fromWord("退休"));
        assertSame(Scheme.EMPLOYEE, Scheme.fromWord("职工"));
        assertSame(Scheme.RESIDENT, Scheme.fromWord("居民"));
        assertSame(Group.DIBAO, Group.fromWord("低保"));
        assertSame(Disease.DIABETES, Disease.fromWord("糖尿病"));
        try {
            Level.fromWord("L4");
            fail("L4 is no level");
        } catch (IllegalArgumentException expected) {
            assertEquals("\"L4\" is not a hospital level: write one of primary (基层), l1 (一级), "
                    + "l2 (二级), l3 (三级), pharmacy (药店)", expected.getMessage());
        }
        try {
            Level.fromWord("l3\0");
            fail("a NUL is no end");
        } catch (IllegalArgumentException expected) {
            assertEquals("\"l3\\0\" is not a hospital level: it contains a NUL byte", expected.getMessage());
        }
    }

    @Test
    public void codesRoundTrip() {
        for (Scheme v : Scheme.values()) {
            assertSame(v, Scheme.fromCode(v.code()));
        }
        for (Category v : Category.values()) {
            assertSame(v, Category.fromCode(v.code()));
        }
        for (Tier v : Tier.values()) {
            assertSame(v, Tier.fromCode(v.code()));
        }
        for (Level v : Level.values()) {
            assertSame(v, Level.fromCode(v.code()));
        }
        for (ClaimKind v : ClaimKind.values()) {
            assertSame(v, ClaimKind.fromCode(v.code()));
        }
        for (Section v : Section.values()) {
            assertSame(v, Section.fromCode(v.code()));
        }
        for (Pool v : Pool.values()) {
            assertSame(v, Pool.fromCode(v.code()));
        }
        for (Part v : Part.values()) {
            assertSame(v, Part.fromCode(v.code()));
        }
        for (ResultKind v : ResultKind.values()) {
            assertSame(v, ResultKind.fromCode(v.code()));
        }
        for (EmployerType v : EmployerType.values()) {
            assertSame(v, EmployerType.fromCode(v.code()));
        }
        for (Delivery v : Delivery.values()) {
            assertSame(v, Delivery.fromCode(v.code()));
        }
        for (Disease v : Disease.values()) {
            assertSame(v, Disease.fromCode(v.code()));
        }
        for (CapitationPeriod v : CapitationPeriod.values()) {
            assertSame(v, CapitationPeriod.fromCode(v.code()));
        }
        assertEquals(3, Level.L3.code());
        try {
            Level.fromCode(99);
            fail("unknown level code");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("99"));
        }
    }

    @Test
    public void groupFlags() {
        EnumSet<Group> g = EnumSet.of(Group.DIBAO, Group.DISABLED);
        int flags = Group.toFlags(g);
        assertEquals(Group.DIBAO.flag() | Group.DISABLED.flag(), flags);
        assertEquals(g, Group.fromFlags(flags));
        assertEquals(EnumSet.noneOf(Group.class), Group.fromFlags(0));
        try {
            Group.fromFlags(1 << 20);
            fail("unknown group bit");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("100000"));
        }
    }

    @Test
    public void statusesMatchTheCNames() {
        for (Status s : Status.values()) {
            if (s == Status.UNKNOWN) {
                continue;
            }
            String expected = s == Status.OK ? "MEDINS_OK" : "MEDINS_ERR_" + s.name();
            assertEquals(s.name(), expected, s.cName());
            assertSame(s.name(), s, Status.fromCode(s.code()));
            assertTrue(s.name() + " describes itself", !s.describe().isEmpty());
        }
        assertEquals(-15, Status.RANGE.code());
        assertSame(Status.UNKNOWN, Status.fromCode(-9999));
    }

    @Test
    public void dates() {
        assertEquals(20230115, Dates.toInt(LocalDate.of(2023, 1, 15)));
        assertEquals(LocalDate.of(2024, 2, 29), Dates.fromInt(20240229));
        assertEquals(0, Dates.toInt(null));
        assertNull(Dates.fromInt(0));
        // Birthday counted on the day itself.
        assertEquals(43, Dates.ageOn(LocalDate.of(1980, 3, 14), LocalDate.of(2023, 3, 14)));
        assertEquals(42, Dates.ageOn(LocalDate.of(1980, 3, 15), LocalDate.of(2023, 3, 14)));
        assertEquals(-1, Dates.ageOn(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)));
    }
}
