/*
 * Error objects and status names: every code of errors.h has its own name and description,
 * errors carry their position, and the out-of-memory fallback is never freed.
 */
#include <string.h>

#include "util.h"
#include "runner.h"

/* Every code in the order of errors.h, its name, and the family it belongs to (errors.h's
 * comments on medins_status_kind, written out again here so that the table is checked). */
#define CODE(c, k) { c, #c, MEDINS_STATUS_KIND_##k }
static const struct { int code; const char *name; medins_status_kind kind; } codes[] = {
    CODE(MEDINS_OK, NONE),
    CODE(MEDINS_ERR_NOMEM, ARGUMENT),
    CODE(MEDINS_ERR_ARGUMENT, ARGUMENT),
    CODE(MEDINS_ERR_IO, POLICY),
    CODE(MEDINS_ERR_OVERFLOW, ARGUMENT),
    CODE(MEDINS_ERR_BUFFER, ARGUMENT),
    CODE(MEDINS_ERR_YAML, POLICY),
    CODE(MEDINS_ERR_LIMIT, POLICY),
    CODE(MEDINS_ERR_UNKNOWN_KEY, POLICY),
    CODE(MEDINS_ERR_TYPE, POLICY),
    CODE(MEDINS_ERR_MISSING, POLICY),
    CODE(MEDINS_ERR_RANGE, POLICY),
    CODE(MEDINS_ERR_SYNTAX, POLICY),
    CODE(MEDINS_ERR_SEGMENTS, POLICY),
    CODE(MEDINS_ERR_OVERLAP, POLICY),
    CODE(MEDINS_ERR_BASE, POLICY),
    CODE(MEDINS_ERR_CYCLE, POLICY),
    CODE(MEDINS_ERR_CITATION, POLICY),
    CODE(MEDINS_ERR_DUPLICATE, POLICY),
    CODE(MEDINS_ERR_NO_POLICY, NO_POLICY),
    CODE(MEDINS_ERR_NOT_COVERED, NOT_COVERED),
    CODE(MEDINS_ERR_PERSON, PERSON),
    CODE(MEDINS_ERR_CLAIM, CLAIM),
    CODE(MEDINS_ERR_KIND, CLAIM),
    CODE(MEDINS_ERR_LEVEL, CLAIM),
    CODE(MEDINS_ERR_DATE, CLAIM),
    CODE(MEDINS_ERR_ORDER, LEDGER),
    CODE(MEDINS_ERR_LEDGER_YEAR, LEDGER),
    CODE(MEDINS_ERR_LEDGER, LEDGER),
    CODE(MEDINS_ERR_REVERSE, LEDGER),
    CODE(MEDINS_ERR_RECORD, LEDGER),
    CODE(MEDINS_ERR_INPUT, INPUT),
    CODE(MEDINS_ERR_ENROLMENT, INPUT),
    CODE(MEDINS_ERR_BATCH, BATCH),
};
#undef CODE
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
    /* The library lists the codes in the same order, each with its family. */
    ck_assert_int_eq(medins_status_at((size_t)_i), codes[_i].code);
    ck_assert_msg(medins_status_kind_of(codes[_i].code) == codes[_i].kind, "%s: kind %s, not %s", codes[_i].name,
                  medins_status_kind_name(medins_status_kind_of(codes[_i].code)),
                  medins_status_kind_name(codes[_i].kind));
}
END_TEST

/* The bindings build their tables from these: as many codes as errors.h has, every kind named
 * once, and every kind but NONE and the count used by some failure. */
START_TEST(kinds_table)
{
    static const char *const names[] = { "none", "argument", "policy", "no_policy", "not_covered", "person",
                                         "claim", "ledger", "input", "batch" };
    ck_assert_uint_eq(medins_status_count(), NCODES);
    ck_assert_uint_eq(sizeof names / sizeof names[0], MEDINS_STATUS_KIND_COUNT);
    for (int k = 0; k < MEDINS_STATUS_KIND_COUNT; k++) {
        const char *name = medins_status_kind_name((medins_status_kind)k);
        ck_assert_msg(name && strcmp(name, names[k]) == 0, "kind %d named %s", k, name ? name : "(null)");
        size_t used = 0;
        for (size_t i = 0; i < medins_status_count(); i++)
            used += medins_status_kind_of(medins_status_at(i)) == (medins_status_kind)k;
        /* NONE is MEDINS_OK's alone. */
        ck_assert_msg(k == MEDINS_STATUS_KIND_NONE ? used == 1 : used >= 1, "kind %s used by %zu codes", name, used);
    }
}
END_TEST

START_TEST(unknown_codes)
{
    ck_assert_str_eq(medins_status_name(-999), "MEDINS_ERR_UNKNOWN");
    ck_assert_str_eq(medins_status_name(7), "MEDINS_ERR_UNKNOWN");
    ck_assert_str_eq(medins_status_describe(-999), "unknown status");
    ck_assert_int_eq(medins_status_kind_of(-999), MEDINS_STATUS_KIND_NONE);
    ck_assert_int_eq(medins_status_kind_of(7), MEDINS_STATUS_KIND_NONE);
    ck_assert_int_eq(medins_status_kind_of(-6), MEDINS_STATUS_KIND_NONE); /* a gap between families */
    ck_assert_msg(medins_status_kind_name(MEDINS_STATUS_KIND_COUNT) == NULL, "the count is no kind");
    ck_assert_msg(medins_status_kind_name((medins_status_kind)-1) == NULL, "a negative kind");
    /* Past the last code, MEDINS_OK (the count is 34: one success and 33 failures). */
    ck_assert_uint_eq(medins_status_count(), 34);
    ck_assert_int_eq(medins_status_at(34), MEDINS_OK);
    ck_assert_int_eq(medins_status_at((size_t)-1), MEDINS_OK);
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

/*
 * Messages longer than MDN_ERROR_MESSAGE_MAX (1023) bytes are cut to it, at the end of a whole
 * UTF-8 character; the rest of the error is kept. Each case: `x` repeated `xs` times, then
 * `tail`, and the length of the message expected:
 *   - 1023 x: at the limit, kept whole (1023);
 *   - 1024 x, and 3999 x: cut to the first 1023;
 *   - 1021 x + "中" (E4 B8 AD, 3 bytes: 1024 in all): the character ends past the limit and
 *     is dropped whole, 1021 left, not 1021 x + E4 B8;
 *   - 1020 x + "中": ends at 1023 exactly, kept (1023);
 *   - 1022 x + "é" (C3 A9: 1024): 1022, not 1022 x + C3.
 */
static const struct {
    size_t xs;
    const char *tail;
    size_t want;
} cut_cases[] = {
    {1023, "", 1023},
    {1024, "", 1023},
    {3999, "", 1023},
    {1021, "\xe4\xb8\xad", 1021},
    {1020, "\xe4\xb8\xad", 1023},
    {1022, "\xc3\xa9", 1022},
};

START_TEST(long_message_is_cut)
{
    char big[4000 + 8];
    memset(big, 'x', cut_cases[_i].xs);
    strcpy(big + cut_cases[_i].xs, cut_cases[_i].tail);
    medins_error *err = NULL;
    ck_assert_int_eq(mdn_error(&err, MEDINS_ERR_TYPE, "f.yaml", 3, 4, "%s", big), MEDINS_ERR_TYPE);
    const char *msg = medins_error_message(err);
    ck_assert_msg(strlen(msg) == cut_cases[_i].want && strncmp(msg, big, strlen(msg)) == 0,
                  "case %d: %zu bytes kept, not the first %zu", _i, strlen(msg),
                  cut_cases[_i].want);
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_TYPE);
    ck_assert_str_eq(medins_error_file(err), "f.yaml");
    ck_assert_uint_eq(medins_error_line(err), 3);
    ck_assert_uint_eq(medins_error_column(err), 4);
    /* Reported by a load that collects its errors: cut the same, in the list and for *err. */
    medins_error_list *l = NULL;
    medins_error *first = NULL;
    ck_assert_int_eq(medins_error_list_new(&l, 2), 0);
    mdn_report(l, &first, MEDINS_ERR_TYPE, "f.yaml", 3, 4, "%s", big);
    ck_assert_str_eq(medins_error_message(medins_error_list_get(l, 0)), msg);
    ck_assert_str_eq(medins_error_message(first), msg);
    medins_error_free(first);
    medins_error_list_free(l);
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
    tcase_add_test(tc, kinds_table);
    suite_add_tcase(s, tc);
    tc = tcase_create("object");
    tcase_add_test(tc, error_object);
    tcase_add_loop_test(tc, long_message_is_cut, 0, (int)(sizeof cut_cases / sizeof cut_cases[0]));
    tcase_add_test(tc, accessors_accept_null);
    tcase_add_test(tc, error_list);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(errors_suite)
