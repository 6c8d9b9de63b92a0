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

/*
 * Every day of a leap and a common year as the birth date, against every day of a common and a
 * leap year as the date: the age is the difference of the years, less one before the
 * birthday's month and day (as MMDD: someone born on 29 February is a year older from 1 March
 * of a common year), written out here the long way.
 */
START_TEST(age_every_day)
{
    static const int birth_years[] = {2000, 2001}, years[] = {2023, 2024};
    size_t pairs = 0;
    for (int by = 0; by < 2; by++)
        for (int bmd = 101; bmd <= 1231; bmd++) {
            const medins_date birth = birth_years[by] * 10000 + bmd;
            if (!medins_date_valid(birth))
                continue;
            for (int y = 0; y < 2; y++)
                for (int md = 101; md <= 1231; md++) {
                    const medins_date on = years[y] * 10000 + md;
                    if (!medins_date_valid(on))
                        continue;
                    const int want = years[y] - birth_years[by] - (md < bmd);
                    /* Asserted only when wrong: each assertion costs Check a message. */
                    if (medins_age_on(birth, on) != want)
                        ck_abort_msg("born %d, on %d: %d, not %d", (int)birth, (int)on,
                                     medins_age_on(birth, on), want);
                    pairs++;
                }
        }
    ck_assert_uint_eq(pairs, (366 + 365) * (365 + 366));
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
    /* 29 February of every year of the range, against the Gregorian rule written out: 1900
     * and 2100 are not leap years, 2000 is. */
    for (int y = 1900; y <= 2199; y++) {
        const int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        ck_assert_msg(!!medins_date_valid(y * 10000 + 229) == leap, "29 February %d", y);
        ck_assert_msg(medins_date_valid(y * 10000 + 228) && medins_date_valid(y * 10000 + 301),
                      "28 February and 1 March %d", y);
    }
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

/* The names are the words of docs/policy-format.md's selector table, and each parses back. */
START_TEST(names_round_trip)
{
    static const char *const schemes[] = { "employee", "resident" };
    static const char *const categories[] = { "in_service", "retired", "adult", "student_child" };
    static const char *const tiers[] = { "none", "low", "middle", "high" };
    static const char *const levels[] = { "primary", "l1", "l2", "l3", "pharmacy" };
    static const char *const kinds[] = { "outpatient", "pooling", "special_disease", "inpatient", "pharmacy" };
    MEDINS_CHECK_WORDS(medins_scheme, MEDINS_SCHEME_COUNT, medins_scheme_name, medins_scheme_parse,
                       schemes, "employees");
    MEDINS_CHECK_WORDS(medins_category, MEDINS_CATEGORY_COUNT, medins_category_name,
                       medins_category_parse, categories, "student");
    MEDINS_CHECK_WORDS(medins_tier, MEDINS_TIER_COUNT, medins_tier_name, medins_tier_parse, tiers,
                       "medium");
    MEDINS_CHECK_WORDS(medins_level, MEDINS_LEVEL_COUNT, medins_level_name, medins_level_parse, levels,
                       "l4");
    /* The section's key is not the claim kind's word. */
    MEDINS_CHECK_WORDS(medins_claim_kind, MEDINS_CLAIM_KIND_COUNT, medins_claim_kind_name,
                       medins_claim_kind_parse, kinds, "outpatient_pooling");
    ck_assert_msg(medins_level_name((medins_level)-1) == NULL, "level -1");
}
END_TEST

START_TEST(groups)
{
    static const char *const names[] = {
        "dibao", "marginal", "tekun", "disabled", "low_income_elderly", "single_parent",
        "bereaved_parent", "five_guarantee", "three_without", "entitled",
    };
    /* Ten groups, named flags 1u << 0 to 1u << 9, so every known flag is 0x3FF. */
    MEDINS_CHECK_FLAG_WORDS(10, medins_group_name, medins_group_parse, names, "low_income");
    ck_assert_msg(MEDINS_GROUP_ALL == (1u << 10) - 1u, "the ten groups make MEDINS_GROUP_ALL");
    ck_assert_msg(medins_group_name(MEDINS_GROUP_DIBAO | MEDINS_GROUP_TEKUN) == NULL, "two flags");
    ck_assert_msg(medins_group_name(0) == NULL, "no flag");
}
END_TEST

/*
 * The forms people type, read by the one word parser: the policy-file word in any case and with
 * '-' for '_', and the Chinese names hospitals use (docs/policy-format.md, "Words": the levels,
 * kinds, categories and schemes, then one of each other enumeration).
 */
typedef struct word_case {
    medins_words set;
    const char *text;
    int value;
} word_case;

static const word_case word_cases[] = {
    { MEDINS_WORDS_LEVEL, "L3", MEDINS_LEVEL_3 },
    { MEDINS_WORDS_LEVEL, "Primary", MEDINS_LEVEL_PRIMARY },
    { MEDINS_WORDS_LEVEL, "PHARMACY", MEDINS_LEVEL_PHARMACY },
    { MEDINS_WORDS_CATEGORY, "In-Service", MEDINS_CATEGORY_IN_SERVICE },
    { MEDINS_WORDS_CLAIM_KIND, "Special-Disease", MEDINS_CLAIM_SPECIAL_DISEASE },
    { MEDINS_WORDS_CLAIM_KIND, "门诊", MEDINS_CLAIM_OUTPATIENT },
    { MEDINS_WORDS_CLAIM_KIND, "住院", MEDINS_CLAIM_INPATIENT },
    { MEDINS_WORDS_CLAIM_KIND, "药店", MEDINS_CLAIM_PHARMACY },
    { MEDINS_WORDS_CLAIM_KIND, "门诊统筹", MEDINS_CLAIM_POOLING },
    { MEDINS_WORDS_CLAIM_KIND, "门特", MEDINS_CLAIM_SPECIAL_DISEASE },
    { MEDINS_WORDS_LEVEL, "一级", MEDINS_LEVEL_1 },
    { MEDINS_WORDS_LEVEL, "二级", MEDINS_LEVEL_2 },
    { MEDINS_WORDS_LEVEL, "三级", MEDINS_LEVEL_3 },
    { MEDINS_WORDS_LEVEL, "基层", MEDINS_LEVEL_PRIMARY },
    { MEDINS_WORDS_LEVEL, "药店", MEDINS_LEVEL_PHARMACY },
    { MEDINS_WORDS_LEVEL, "三级医院", MEDINS_LEVEL_3 },
    { MEDINS_WORDS_CATEGORY, "在职", MEDINS_CATEGORY_IN_SERVICE },
    { MEDINS_WORDS_CATEGORY, "退休", MEDINS_CATEGORY_RETIRED },
    { MEDINS_WORDS_CATEGORY, "学生儿童", MEDINS_CATEGORY_STUDENT_CHILD },
    { MEDINS_WORDS_SCHEME, "职工", MEDINS_SCHEME_EMPLOYEE },
    { MEDINS_WORDS_SCHEME, "居民", MEDINS_SCHEME_RESIDENT },
    { MEDINS_WORDS_SCHEME, "城乡居民医保", MEDINS_SCHEME_RESIDENT },
    { MEDINS_WORDS_TIER, "中档", MEDINS_TIER_MIDDLE },
    { MEDINS_WORDS_GROUP, "低保", (int)MEDINS_GROUP_DIBAO },
    { MEDINS_WORDS_GROUP, "Disabled", (int)MEDINS_GROUP_DISABLED },
    { MEDINS_WORDS_EMPLOYER_TYPE, "个体工商户", MEDINS_EMPLOYER_INDIVIDUAL_BUSINESS },
    { MEDINS_WORDS_DELIVERY, "剖宫产", MEDINS_DELIVERY_CAESAREAN },
    { MEDINS_WORDS_DISEASE, "糖尿病", MEDINS_DISEASE_DIABETES },
    { MEDINS_WORDS_DISEASE, "Pulmonary-Heart", MEDINS_DISEASE_PULMONARY_HEART },
};

START_TEST(words_people_type)
{
    const word_case *c = &word_cases[_i];
    int v = -1;
    medins_error *err = NULL;
    int rc = medins_word_parse(&v, c->set, c->text, strlen(c->text), &err);
    ck_assert_msg(rc == 0 && v == c->value, "\"%s\": status %d, value %d, expected %d (%s)", c->text, rc, v,
                  c->value, medins_error_message(err));
    medins_error_free(err);
}
END_TEST

/* The NUL-terminated parse functions read through the same parser. */
START_TEST(parse_functions_read_the_same)
{
    medins_level lv = MEDINS_LEVEL_1;
    medins_claim_kind k = MEDINS_CLAIM_OUTPATIENT;
    medins_category cat = MEDINS_CATEGORY_IN_SERVICE;
    medins_scheme sc = MEDINS_SCHEME_EMPLOYEE;
    uint32_t g = 0;
    medins_delivery d = MEDINS_DELIVERY_NATURAL;
    ck_assert_msg(medins_level_parse(&lv, "L3") == 0 && lv == MEDINS_LEVEL_3, "L3");
    ck_assert_msg(medins_claim_kind_parse(&k, "住院") == 0 && k == MEDINS_CLAIM_INPATIENT, "住院");
    ck_assert_msg(medins_category_parse(&cat, "退休") == 0 && cat == MEDINS_CATEGORY_RETIRED, "退休");
    ck_assert_msg(medins_scheme_parse(&sc, "居民") == 0 && sc == MEDINS_SCHEME_RESIDENT, "居民");
    ck_assert_msg(medins_group_parse(&g, "特困") == 0 && g == MEDINS_GROUP_TEKUN, "特困");
    ck_assert_msg(medins_delivery_parse(&d, "Caesarean") == 0 && d == MEDINS_DELIVERY_CAESAREAN, "Caesarean");
}
END_TEST

/* A word that is none of the forms: MEDINS_ERR_TYPE, and the message lists the words with their
 * Chinese names, so that the person typing it can pick one. */
START_TEST(unknown_word_lists_the_words)
{
    int v = 7;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_LEVEL, "L4", 2, &err), MEDINS_ERR_TYPE);
    ck_assert_str_eq(medins_error_message(err), "\"L4\" is not a hospital level: write one of primary (基层), "
                     "l1 (一级), l2 (二级), l3 (三级), pharmacy (药店)");
    medins_error_free(err);
    err = NULL;
    /* caesarean_complex has no one Chinese name in use: its word alone. */
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_DELIVERY, "vaginal", 7, &err), MEDINS_ERR_TYPE);
    ck_assert_msg(strstr(medins_error_message(err), "is not a delivery type: write one of natural (顺产), "
                         "assisted (助产), caesarean (剖宫产), caesarean_complex") != NULL, "%s",
                  medins_error_message(err));
    medins_error_free(err);
    err = NULL;
    /* Text is carried with its length: "l3\0x" is not l3. */
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_LEVEL, "l3\0x", 4, &err), MEDINS_ERR_SYNTAX);
    ck_assert_str_eq(medins_error_message(err), "\"l3\\0x\" is not a hospital level: it contains a NUL byte");
    medins_error_free(err);
    /* Close is not equal: no prefix, no surrounding space, no other separator. */
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_LEVEL, "l", 1, NULL), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_LEVEL, " l3", 3, NULL), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_CATEGORY, "in service", 10, NULL), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_LEVEL, "三", 3, NULL), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_word_parse(&v, MEDINS_WORDS_COUNT, "l3", 2, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_word_parse(NULL, MEDINS_WORDS_LEVEL, "l3", 2, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(v == 7, "out untouched");
}
END_TEST

START_TEST(bad_words)
{
    medins_level lv = MEDINS_LEVEL_2;
    ck_assert_int_eq(medins_level_parse(&lv, "L4"), MEDINS_ERR_TYPE);
    ck_assert_int_eq(medins_level_parse(&lv, "level3"), MEDINS_ERR_TYPE);
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
    tcase_add_test(tc, age_every_day);
    suite_add_tcase(s, tc);
    tc = tcase_create("values");
    tcase_add_test(tc, inits);
    tcase_add_test(tc, names_round_trip);
    tcase_add_test(tc, groups);
    tcase_add_test(tc, bad_words);
    suite_add_tcase(s, tc);
    tc = tcase_create("words");
    tcase_add_loop_test(tc, words_people_type, 0, sizeof word_cases / sizeof word_cases[0]);
    tcase_add_test(tc, parse_functions_read_the_same);
    tcase_add_test(tc, unknown_word_lists_the_words);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(person_suite)
