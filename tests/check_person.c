/* Persons, claims, dates, ages and the words of policy files. */
#include <string.h>

#include "medins.h"
#include "runner.h"

typedef struct age_case {
    const char *name;
    medins_date birth, on;
    int age;
} age_case;

static const age_case age_cases[] = {
    { "the day before the 60th birthday", 19630615, 20230614, 59 },
    { "on the 60th birthday", 19630615, 20230615, 60 },
    { "the day after", 19630615, 20230616, 60 },
    { "born today", 20230101, 20230101, 0 },
    { "end of the first year", 20230101, 20231231, 0 },
    { "leap-day birth, 28 Feb of a common year: not yet", 20000229, 20230228, 22 },
    { "leap-day birth, 1 March of a common year", 20000229, 20230301, 23 },
    { "leap-day birth, 29 Feb of a leap year", 20000229, 20240229, 24 },
    { "birth after the date", 20240101, 20231231, -1 },
    { "malformed birth", 20230230, 20240101, -1 },
    { "malformed date", 19800101, 20231301, -1 },
    { "zero date", 19800101, 0, -1 },
};

START_TEST(age_table)
{
    const age_case *c = &age_cases[_i];
    int got = medins_age_on(c->birth, c->on);
    ck_assert_msg(got == c->age, "%s: age %d, expected %d", c->name, got, c->age);
}
END_TEST

START_TEST(dates)
{
    static const struct { medins_date d; int ok; } cases[] = {
        { 20230101, 1 }, { 20231231, 1 }, { 20240229, 1 }, { 20230229, 0 }, { 19000228, 1 },
        { 19000229, 0 }, /* 1900 is not a leap year */ { 20000229, 1 }, /* 2000 is */
        { 18991231, 0 }, { 22000101, 0 }, { 21991231, 1 }, { 20230431, 0 }, { 20230001, 0 },
        { 20231301, 0 }, { 20230100, 0 }, { 0, 0 }, { -20230101, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(!!medins_date_valid(cases[i].d) == cases[i].ok, "date %d", (int)cases[i].d);
}
END_TEST

START_TEST(inits)
{
    medins_person p;
    memset(&p, 0xAB, sizeof p);
    medins_person_init(&p);
    ck_assert_msg(p.scheme == MEDINS_SCHEME_EMPLOYEE && p.category == MEDINS_CATEGORY_IN_SERVICE &&
                  p.tier == MEDINS_TIER_NONE && p.groups == 0 && p.family_doctor == 0 && p.birth_date == 0,
                  "person defaults");
    medins_claim c;
    memset(&c, 0xAB, sizeof c);
    medins_claim_init(&c);
    ck_assert_msg(c.kind == MEDINS_CLAIM_OUTPATIENT && c.level == MEDINS_LEVEL_1 && c.total == 0 &&
                  c.self_paid == 0 && c.category_b == 0 && c.id == 0 && c.date == 0 && c.institution == 0,
                  "claim defaults");
}
END_TEST

/* Every name parses back to its value, and the names are the words of docs/policy-format.md. */
START_TEST(names_round_trip)
{
    static const char *const schemes[] = { "employee", "resident" };
    static const char *const categories[] = { "in_service", "retired", "adult", "student_child" };
    static const char *const tiers[] = { "none", "low", "middle", "high" };
    static const char *const levels[] = { "primary", "l1", "l2", "l3", "pharmacy" };
    static const char *const kinds[] = { "outpatient", "pooling", "special_disease", "inpatient", "pharmacy" };
    for (int i = 0; i < MEDINS_SCHEME_COUNT; i++) {
        medins_scheme v;
        ck_assert_str_eq(medins_scheme_name((medins_scheme)i), schemes[i]);
        ck_assert_msg(medins_scheme_parse(&v, schemes[i]) == 0 && (int)v == i, "scheme %s", schemes[i]);
    }
    for (int i = 0; i < MEDINS_CATEGORY_COUNT; i++) {
        medins_category v;
        ck_assert_str_eq(medins_category_name((medins_category)i), categories[i]);
        ck_assert_msg(medins_category_parse(&v, categories[i]) == 0 && (int)v == i, "category %s", categories[i]);
    }
    for (int i = 0; i < MEDINS_TIER_COUNT; i++) {
        medins_tier v;
        ck_assert_str_eq(medins_tier_name((medins_tier)i), tiers[i]);
        ck_assert_msg(medins_tier_parse(&v, tiers[i]) == 0 && (int)v == i, "tier %s", tiers[i]);
    }
    for (int i = 0; i < MEDINS_LEVEL_COUNT; i++) {
        medins_level v;
        ck_assert_str_eq(medins_level_name((medins_level)i), levels[i]);
        ck_assert_msg(medins_level_parse(&v, levels[i]) == 0 && (int)v == i, "level %s", levels[i]);
    }
    for (int i = 0; i < MEDINS_CLAIM_KIND_COUNT; i++) {
        medins_claim_kind v;
        ck_assert_str_eq(medins_claim_kind_name((medins_claim_kind)i), kinds[i]);
        ck_assert_msg(medins_claim_kind_parse(&v, kinds[i]) == 0 && (int)v == i, "kind %s", kinds[i]);
    }
    ck_assert_msg(medins_scheme_name(MEDINS_SCHEME_COUNT) == NULL, "scheme out of range");
    ck_assert_msg(medins_level_name((medins_level)-1) == NULL, "level -1");
    ck_assert_msg(medins_claim_kind_name(MEDINS_CLAIM_KIND_COUNT) == NULL, "kind out of range");
}
END_TEST

START_TEST(groups)
{
    static const char *const names[] = {
        "dibao", "marginal", "tekun", "disabled", "low_income_elderly", "single_parent",
        "bereaved_parent", "five_guarantee", "three_without", "entitled",
    };
    uint32_t all = 0;
    for (unsigned i = 0; i < 10; i++) {
        uint32_t flag = 0;
        ck_assert_str_eq(medins_group_name(1u << i), names[i]);
        ck_assert_msg(medins_group_parse(&flag, names[i]) == 0 && flag == 1u << i, "group %s", names[i]);
        all |= flag;
    }
    ck_assert_msg(all == MEDINS_GROUP_ALL, "the ten groups make MEDINS_GROUP_ALL");
    ck_assert_msg(medins_group_name(MEDINS_GROUP_DIBAO | MEDINS_GROUP_TEKUN) == NULL, "two flags");
    ck_assert_msg(medins_group_name(0) == NULL && medins_group_name(1u << 10) == NULL, "no flag");
}
END_TEST

START_TEST(bad_words)
{
    medins_level lv = MEDINS_LEVEL_2;
    ck_assert_int_eq(medins_level_parse(&lv, "L3"), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_level_parse(&lv, "level3"), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_level_parse(&lv, NULL), MEDINS_ERR_TYPE);
    ck_assert_msg(lv == MEDINS_LEVEL_2, "out untouched");
    uint32_t g = 5;
    ck_assert_int_eq(medins_group_parse(&g, "poor"), MEDINS_ERR_TYPE);
    ck_assert_msg(g == 5, "groups untouched");
    medins_scheme s = MEDINS_SCHEME_RESIDENT;
    ck_assert_int_eq(medins_scheme_parse(&s, ""), MEDINS_ERR_TYPE);
    ck_assert_msg(s == MEDINS_SCHEME_RESIDENT, "scheme untouched");
}
END_TEST

static Suite *person_suite(void)
{
    Suite *s = suite_create("person");
    TCase *tc = tcase_create("dates");
    tcase_add_loop_test(tc, age_table, 0, sizeof age_cases / sizeof age_cases[0]);
    tcase_add_test(tc, dates);
    suite_add_tcase(s, tc);
    tc = tcase_create("values");
    tcase_add_test(tc, inits);
    tcase_add_test(tc, names_round_trip);
    tcase_add_test(tc, groups);
    tcase_add_test(tc, bad_words);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(person_suite)
