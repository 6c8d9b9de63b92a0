/*
 * The library's one reading of the text the front ends take (dates, lists of groups) and its
 * names of the enums policy files do not write (parts, pools, result kinds, periods): the
 * command and both bindings use these, instead of reading and naming each its own way.
 */
#include "runner.h"

/* ---- Dates -------------------------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *text;
    size_t len;                /* 0: strlen(text) */
    int status;
    medins_date date;          /* when status is 0 */
    const char *says;          /* the whole message, when status is not 0 */
} date_cases[] = {
    {"iso", "2023-06-01", 0, 0, 20230601, NULL},
    {"basic", "20230601", 0, 0, 20230601, NULL},
    {"first-day", "1900-01-01", 0, 0, 19000101, NULL},
    {"last-day", "21991231", 0, 0, 21991231, NULL},
    {"leap-day", "2024-02-29", 0, 0, 20240229, NULL},
    {"one-digit-month", "2023-6-1", 0, MEDINS_ERR_SYNTAX, 0,
     "\"2023-6-1\" is not a date: write it 2023-06-01 or 20230601"},
    {"slashes", "2023/06/01", 0, MEDINS_ERR_SYNTAX, 0,
     "\"2023/06/01\" is not a date: write it 2023-06-01 or 20230601"},
    {"space-before", " 2023-06-01", 0, MEDINS_ERR_SYNTAX, 0,
     "\" 2023-06-01\" is not a date: write it 2023-06-01 or 20230601"},
    {"space-after", "20230601 ", 0, MEDINS_ERR_SYNTAX, 0,
     "\"20230601 \" is not a date: write it 2023-06-01 or 20230601"},
    {"empty", "", 0, MEDINS_ERR_SYNTAX, 0, "\"\" is not a date: write it 2023-06-01 or 20230601"},
    {"seven-digits", "2023061", 0, MEDINS_ERR_SYNTAX, 0,
     "\"2023061\" is not a date: write it 2023-06-01 or 20230601"},
    /* Full-width digits are not digits: "２０２３０１１５" was read as 20230115 by one front end. */
    {"full-width", "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x93\xef\xbc\x90\xef\xbc\x91",
     0, MEDINS_ERR_SYNTAX, 0,
     "\"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x93\xef\xbc\x90\xef\xbc\x91\" is not a date: "
     "write it 2023-06-01 or 20230601"},
    {"nul-inside", "2023\0" "601", 8, MEDINS_ERR_SYNTAX, 0, "a date's text contains a NUL byte"},
    {"nul-after", "2023-06-01\0", 11, MEDINS_ERR_SYNTAX, 0, "a date's text contains a NUL byte"},
    {"tab", "2023\t0601", 0, MEDINS_ERR_SYNTAX, 0,
     "a text of 9 bytes is not a date: write it 2023-06-01 or 20230601"},
    {"no-such-day", "2023-02-30", 0, MEDINS_ERR_DATE, 0, "\"2023-02-30\" is not a calendar date"},
    {"not-leap", "20230229", 0, MEDINS_ERR_DATE, 0, "\"20230229\" is not a calendar date"},
    {"month-13", "2023-13-01", 0, MEDINS_ERR_DATE, 0, "\"2023-13-01\" is not a calendar date"},
    {"before-1900", "1899-12-31", 0, MEDINS_ERR_DATE, 0,
     "\"1899-12-31\" is outside the dates supported, 1900-01-01 to 2199-12-31"},
    {"after-2199", "22000101", 0, MEDINS_ERR_DATE, 0,
     "\"22000101\" is outside the dates supported, 1900-01-01 to 2199-12-31"},
};

START_TEST(date_parse)
{
    const char *name = date_cases[_i].name, *text = date_cases[_i].text;
    const size_t len = date_cases[_i].len ? date_cases[_i].len : strlen(text);
    medins_date d = 77;
    medins_error *err = NULL;
    const int rc = medins_date_parse(&d, text, len, &err);
    ck_assert_msg(rc == date_cases[_i].status, "%s: status %s", name, medins_status_name(rc));
    if (rc == 0) {
        ck_assert_msg(d == date_cases[_i].date, "%s: %d", name, (int)d);
        ck_assert_ptr_null(err);
    } else {
        ck_assert_msg(d == 77, "%s: out written on error", name);
        ck_assert_msg(strcmp(medins_error_message(err), date_cases[_i].says) == 0,
                      "%s: message \"%s\"", name, medins_error_message(err));
    }
    medins_error_free(err);
}
END_TEST

START_TEST(date_parse_arguments)
{
    medins_date d = 0;
    ck_assert_int_eq(medins_date_parse(NULL, "20230601", 8, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_date_parse(&d, NULL, 8, NULL), MEDINS_ERR_ARGUMENT);
    /* Only the given bytes are read: the same text with a length of 8 is the basic form. */
    ck_assert_int_eq(medins_date_parse(&d, "2023060199", 8, NULL), 0);
    ck_assert_int_eq(d, 20230601);
}
END_TEST

/* ---- Lists of groups ---------------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *text;
    size_t len;                /* 0: strlen(text) */
    int status;
    uint32_t groups;           /* when status is 0 */
    const char *says;          /* a part of the message, when status is not 0 */
    unsigned column;           /* the byte it names */
} group_cases[] = {
    {"plus", "dibao+disabled", 0, 0, MEDINS_GROUP_DIBAO | MEDINS_GROUP_DISABLED, NULL, 0},
    {"comma-spaces", "dibao, disabled", 0, 0, MEDINS_GROUP_DIBAO | MEDINS_GROUP_DISABLED, NULL, 0},
    {"bar-spaces", " tekun | entitled ", 0, 0, MEDINS_GROUP_TEKUN | MEDINS_GROUP_ENTITLED, NULL, 0},
    {"one", "five_guarantee", 0, 0, MEDINS_GROUP_FIVE_GUARANTEE, NULL, 0},
    {"twice", "dibao+dibao", 0, 0, MEDINS_GROUP_DIBAO, NULL, 0},
    /* Each word as medins_word_parse reads it: any case, or the Chinese name. */
    {"cases", "Dibao|DISABLED", 0, 0, MEDINS_GROUP_DIBAO | MEDINS_GROUP_DISABLED, NULL, 0},
    {"chinese", "低保+重度残疾", 0, 0, MEDINS_GROUP_DIBAO | MEDINS_GROUP_DISABLED, NULL, 0},
    {"none", "", 0, 0, 0, NULL, 0},
    {"spaces-only", "   ", 0, 0, 0, NULL, 0},
    {"empty-word", "dibao++disabled", 0, MEDINS_ERR_SYNTAX, 0, "an empty group at byte 7", 7},
    {"separator-first", "+dibao", 0, MEDINS_ERR_SYNTAX, 0, "an empty group at byte 1", 1},
    {"separator-last", "dibao+ ", 0, MEDINS_ERR_SYNTAX, 0,
     "an empty group after the last separator", 7},
    {"semicolon", "dibao;disabled", 0, MEDINS_ERR_TYPE, 0,
     "\"dibao;disabled\" is not a group: write one of dibao (低保), marginal (低保边缘)", 1},
    {"space-between", "dibao disabled", 0, MEDINS_ERR_SYNTAX, 0,
     "groups are separated by '+', ',' or '|', not 'd' (byte 7)", 7},
    {"unknown", "dibao+nobody", 0, MEDINS_ERR_TYPE, 0,
     "\"nobody\" is not a group: write one of dibao (低保), marginal (低保边缘), tekun (特困), "
     "disabled (重度残疾), low_income_elderly (低收入老年人), single_parent (单亲家庭), bereaved_parent "
     "(失独), five_guarantee (五保), three_without (三无), entitled (优抚对象)",
     7},
    {"nul", "dibao+\0tekun", 12, MEDINS_ERR_SYNTAX, 0, "the groups' text contains a NUL byte", 7},
};

START_TEST(groups_parse)
{
    const char *name = group_cases[_i].name, *text = group_cases[_i].text;
    const size_t len = group_cases[_i].len ? group_cases[_i].len : strlen(text);
    uint32_t g = 77;
    medins_error *err = NULL;
    const int rc = medins_groups_parse(&g, text, len, &err);
    ck_assert_msg(rc == group_cases[_i].status, "%s: status %s (%s)", name, medins_status_name(rc),
                  medins_error_message(err));
    if (rc == 0) {
        ck_assert_msg(g == group_cases[_i].groups, "%s: 0x%x", name, (unsigned)g);
    } else {
        ck_assert_msg(g == 77, "%s: out written on error", name);
        ck_assert_msg(strstr(medins_error_message(err), group_cases[_i].says) != NULL,
                      "%s: message \"%s\"", name, medins_error_message(err));
        ck_assert_msg(medins_error_column(err) == group_cases[_i].column, "%s: column %u", name,
                      medins_error_column(err));
    }
    medins_error_free(err);
}
END_TEST

/* ---- Names -------------------------------------------------------------------------------- */

START_TEST(names)
{
    static const char *const parts[] = {
        "self_paid", "category_b", "deductible", "fund", "coinsurance", "over_cap",
        "major_disease", "assistance", "patient", "account", "info", "contribution", "benefit",
        "supplementary",
    };
    ck_assert_uint_eq(sizeof parts / sizeof parts[0], MEDINS_PART_COUNT);
    for (int i = 0; i < MEDINS_PART_COUNT; i++)
        ck_assert_str_eq(medins_part_name((medins_part)i), parts[i]);
    ck_assert_ptr_null(medins_part_name(MEDINS_PART_COUNT));
    ck_assert_ptr_null(medins_part_name((medins_part)-1));
    ck_assert_str_eq(medins_pool_name(MEDINS_POOL_OUTPATIENT), "outpatient");
    ck_assert_str_eq(medins_pool_name(MEDINS_POOL_POOLING), "pooling");
    ck_assert_str_eq(medins_pool_name(MEDINS_POOL_INPATIENT), "inpatient");
    ck_assert_ptr_null(medins_pool_name(MEDINS_POOL_COUNT));
    ck_assert_str_eq(medins_result_kind_name(MEDINS_RESULT_SETTLEMENT), "settlement");
    ck_assert_str_eq(medins_result_kind_name(MEDINS_RESULT_ACCOUNT), "account");
    ck_assert_ptr_null(medins_result_kind_name((medins_result_kind)(MEDINS_RESULT_ACCOUNT + 1)));
    ck_assert_str_eq(medins_capitation_period_name(MEDINS_CAPITATION_MONTH), "month");
    ck_assert_str_eq(medins_capitation_period_name(MEDINS_CAPITATION_YEAR), "year");
    ck_assert_ptr_null(medins_capitation_period_name((medins_capitation_period)2));
    /* The default region comes with the embedded policies, and some are of it. */
    medins_policy_set *set = NULL;
    const medins_policy *in_force = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    ck_assert_int_eq(medins_policy_set_lookup(&in_force, set, medins_default_region(), 20230601,
                                              NULL), 0);
    ck_assert_str_eq(medins_policy_region(in_force), medins_default_region());
    medins_policy_set_free(set);
    /* A ledger's text names its totals by pool with the pool's name. */
    char text[4096];
    medins_ledger l = MEDINS_LEDGER_INIT(2023);
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, NULL, &l), 0);
    for (int p = 0; p < MEDINS_POOL_COUNT; p++) {
        char key[64];
        snprintf(key, sizeof key, "\nfund.%s=", medins_pool_name((medins_pool)p));
        ck_assert_msg(strstr(text, key), "no %s in the ledger text", key + 1);
    }
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("dates");
    tcase_add_loop_test(tc, date_parse, 0, sizeof date_cases / sizeof date_cases[0]);
    tcase_add_test(tc, date_parse_arguments);
    suite_add_tcase(s, tc);
    tc = tcase_create("groups");
    tcase_add_loop_test(tc, groups_parse, 0, sizeof group_cases / sizeof group_cases[0]);
    suite_add_tcase(s, tc);
    tc = tcase_create("names");
    tcase_add_test(tc, names);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(text_suite)
