/*
 * Error objects and status names: every code of errors.h has its own name and description,
 * errors carry their position, and the out-of-memory fallback is never freed.
 */
#include <string.h>

#include "private.h"
#include "runner.h"

static const struct { int code; const char *name; } codes[] = {
    { MEDINS_OK, "MEDINS_OK" },
    { MEDINS_ERR_NOMEM, "MEDINS_ERR_NOMEM" }, { MEDINS_ERR_ARGUMENT, "MEDINS_ERR_ARGUMENT" },
    { MEDINS_ERR_IO, "MEDINS_ERR_IO" }, { MEDINS_ERR_OVERFLOW, "MEDINS_ERR_OVERFLOW" },
    { MEDINS_ERR_BUFFER, "MEDINS_ERR_BUFFER" }, { MEDINS_ERR_YAML, "MEDINS_ERR_YAML" },
    { MEDINS_ERR_LIMIT, "MEDINS_ERR_LIMIT" }, { MEDINS_ERR_UNKNOWN_KEY, "MEDINS_ERR_UNKNOWN_KEY" },
    { MEDINS_ERR_TYPE, "MEDINS_ERR_TYPE" }, { MEDINS_ERR_MISSING, "MEDINS_ERR_MISSING" },
    { MEDINS_ERR_RANGE, "MEDINS_ERR_RANGE" }, { MEDINS_ERR_SYNTAX, "MEDINS_ERR_SYNTAX" },
    { MEDINS_ERR_SEGMENTS, "MEDINS_ERR_SEGMENTS" }, { MEDINS_ERR_OVERLAP, "MEDINS_ERR_OVERLAP" },
    { MEDINS_ERR_BASE, "MEDINS_ERR_BASE" }, { MEDINS_ERR_CYCLE, "MEDINS_ERR_CYCLE" },
    { MEDINS_ERR_CITATION, "MEDINS_ERR_CITATION" }, { MEDINS_ERR_DUPLICATE, "MEDINS_ERR_DUPLICATE" },
    { MEDINS_ERR_NO_POLICY, "MEDINS_ERR_NO_POLICY" }, { MEDINS_ERR_NOT_COVERED, "MEDINS_ERR_NOT_COVERED" },
    { MEDINS_ERR_PERSON, "MEDINS_ERR_PERSON" }, { MEDINS_ERR_CLAIM, "MEDINS_ERR_CLAIM" },
    { MEDINS_ERR_KIND, "MEDINS_ERR_KIND" }, { MEDINS_ERR_LEVEL, "MEDINS_ERR_LEVEL" },
    { MEDINS_ERR_DATE, "MEDINS_ERR_DATE" }, { MEDINS_ERR_ORDER, "MEDINS_ERR_ORDER" },
    { MEDINS_ERR_LEDGER_YEAR, "MEDINS_ERR_LEDGER_YEAR" }, { MEDINS_ERR_LEDGER, "MEDINS_ERR_LEDGER" },
    { MEDINS_ERR_REVERSE, "MEDINS_ERR_REVERSE" }, { MEDINS_ERR_INPUT, "MEDINS_ERR_INPUT" },
    { MEDINS_ERR_ENROLMENT, "MEDINS_ERR_ENROLMENT" }, { MEDINS_ERR_BATCH, "MEDINS_ERR_BATCH" },
};
#define NCODES (sizeof codes / sizeof codes[0])

START_TEST(names_table)
{
    const char *name = medins_status_name(codes[_i].code);
    ck_assert_msg(strcmp(name, codes[_i].name) == 0, "%s: named %s", codes[_i].name, name);
    const char *text = medins_status_describe(codes[_i].code);
    ck_assert_msg(text && *text && strcmp(text, "unknown status") != 0, "%s: described", codes[_i].name);
    /* No two codes share a description, so a message always tells them apart. */
    for (size_t j = 0; j < NCODES; j++)
        if (j != (size_t)_i)
            ck_assert_msg(strcmp(text, medins_status_describe(codes[j].code)) != 0, "%s and %s described alike",
                          codes[_i].name, codes[j].name);
}
END_TEST

START_TEST(unknown_codes)
{
    ck_assert_str_eq(medins_status_name(-999), "MEDINS_ERR_UNKNOWN");
    ck_assert_str_eq(medins_status_name(7), "MEDINS_ERR_UNKNOWN");
    ck_assert_str_eq(medins_status_describe(-999), "unknown status");
}
END_TEST

START_TEST(error_object)
{
    medins_error *err = NULL;
    int rc = mdn_error(&err, MEDINS_ERR_RANGE, "p.yaml", 12, 7, "ratio %s above %d%%", "120%", 100);
    ck_assert_msg(rc == MEDINS_ERR_RANGE, "mdn_error returns the code");
    ck_assert_msg(err != NULL, "error built");
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_RANGE);
    ck_assert_str_eq(medins_error_message(err), "ratio 120% above 100%");
    ck_assert_str_eq(medins_error_file(err), "p.yaml");
    ck_assert_uint_eq(medins_error_line(err), 12);
    ck_assert_uint_eq(medins_error_column(err), 7);
    medins_error_free(err);

    err = NULL;
    mdn_error(&err, MEDINS_ERR_IO, NULL, 0, 0, "no file");
    ck_assert_msg(medins_error_file(err) == NULL && medins_error_line(err) == 0, "no position");
    medins_error_free(err);

    ck_assert_msg(mdn_error(NULL, MEDINS_ERR_DATE, NULL, 0, 0, "x") == MEDINS_ERR_DATE, "NULL err pointer");
    medins_error_free(NULL);
}
END_TEST

START_TEST(long_message_is_cut)
{
    char big[4000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    medins_error *err = NULL;
    mdn_error(&err, MEDINS_ERR_TYPE, "f", 1, 1, "%s", big);
    ck_assert_msg(strlen(medins_error_message(err)) < sizeof big, "message bounded");
    medins_error_free(err);
}
END_TEST

START_TEST(accessors_accept_null)
{
    ck_assert_int_eq(medins_error_code(NULL), MEDINS_OK);
    ck_assert_str_eq(medins_error_message(NULL), "");
    ck_assert_msg(medins_error_file(NULL) == NULL, "file of NULL");
}
END_TEST

/* Lists: what a load that goes on after an error fills (check_policy has the loads). */
START_TEST(error_list)
{
    medins_error_list *l = NULL;
    ck_assert_int_eq(medins_error_list_new(&l, 0), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_error_list_new(NULL, 3), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(medins_error_list_count(NULL) == 0 && !medins_error_list_full(NULL) &&
                  medins_error_list_get(NULL, 0) == NULL, "NULL is an empty list");
    ck_assert_int_eq(medins_error_list_new(&l, 3), 0);
    medins_error *first = NULL;
    /* The first reported is also given to the caller's variable; the same error twice is kept once. */
    mdn_report(l, &first, MEDINS_ERR_RANGE, "b.yaml", 9, 2, "late in b");
    mdn_report(l, &first, MEDINS_ERR_TYPE, "a.yaml", 1, 1, "in a");
    mdn_report(l, &first, MEDINS_ERR_TYPE, "a.yaml", 1, 1, "in a");
    mdn_report(l, &first, MEDINS_ERR_SYNTAX, "b.yaml", 2, 5, "early in b");
    ck_assert_msg(medins_error_list_count(l) == 3 && medins_error_list_full(l), "three kept, full");
    mdn_report(l, &first, MEDINS_ERR_SYNTAX, "b.yaml", 3, 1, "no room");
    ck_assert_uint_eq(medins_error_list_count(l), 3);
    ck_assert_str_eq(medins_error_message(first), "late in b");
    /* The end of the load: it fails with the first's code; the list in the order of the text:
     * by file name, line and column. */
    medins_error *err = NULL;
    ck_assert_int_eq(mdn_load_finish(l, 0, first, &err), MEDINS_ERR_RANGE);
    ck_assert_msg(err == first, "the first error is the call's");
    ck_assert_str_eq(medins_error_message(medins_error_list_get(l, 0)), "in a");
    ck_assert_str_eq(medins_error_message(medins_error_list_get(l, 1)), "early in b");
    ck_assert_str_eq(medins_error_message(medins_error_list_get(l, 2)), "late in b");
    ck_assert_msg(medins_error_list_get(l, 3) == NULL, "out of range");
    medins_error_free(err);
    /* Nothing reported: success, and the list emptied by the next load stays empty. */
    mdn_error_list_clear(l);
    ck_assert_int_eq(mdn_load_finish(l, 0, NULL, &err), 0);
    ck_assert_uint_eq(medins_error_list_count(l), 0);
    medins_error_list_free(l);
    medins_error_list_free(NULL);
}
END_TEST

static Suite *errors_suite(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("status");
    tcase_add_loop_test(tc, names_table, 0, NCODES);
    tcase_add_test(tc, unknown_codes);
    suite_add_tcase(s, tc);
    tc = tcase_create("object");
    tcase_add_test(tc, error_object);
    tcase_add_test(tc, long_message_is_cut);
    tcase_add_test(tc, accessors_accept_null);
    tcase_add_test(tc, error_list);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(errors_suite)
