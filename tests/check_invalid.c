/*
 * Invalid policy files: one file (or folder, for errors between files) per kind of error in
 * tests/invalid/, each with the exact code, line and column it must be reported at.
 *
 * Single files are loaded with medins_policy_load_file (no set: bases resolve among the
 * embedded policies); folders are added to an empty set with medins_policy_set_add_dir and
 * name the file the error is in. Positions are 1-based and count the comment on line 1.
 */
#include <string.h>

#include "medins.h"
#include "runner.h"

typedef struct invalid_case {
    const char *path;          /* below tests/invalid/ */
    const char *error_file;    /* folders: the file the error is reported in */
    int code;
    unsigned line, col;
} invalid_case;

static const invalid_case cases[] = {
    /* libyaml's problem mark: the `:` of `sources:` (line 5, column 8), where the unclosed
     * flow mapping of line 4 expected `,` or `}`. */
    { "01-yaml-syntax.yaml", NULL, MEDINS_ERR_YAML, 5, 8 },
    /* The key itself: `colour` at the start of line 6. */
    { "02-unknown-key.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 6, 1 },
    /* `    - {levle: l3, ...}`: the key after "    - {" (7 characters). */
    { "03-unknown-key-in-row.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 9, 8 },
    /* `sources: doc`: the scalar after "sources: " (9 characters). */
    { "04-wrong-type.yaml", NULL, MEDINS_ERR_TYPE, 5, 10 },
    /* The top mapping starts at its first key, line 2 column 1. */
    { "05-missing-required.yaml", NULL, MEDINS_ERR_MISSING, 2, 1 },
    /* `    - {ratio: 120%}`: the value after "    - {ratio: " (14 characters). */
    { "06-ratio-over-100.yaml", NULL, MEDINS_ERR_RANGE, 9, 15 },
    /* `    - {amount: -5}`: after "    - {amount: " (15 characters). */
    { "07-negative-amount.yaml", NULL, MEDINS_ERR_RANGE, 9, 16 },
    /* `    - {amount: "1,100"}`: the opening quote. */
    { "08-grouping.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16 },
    /* Segments are reported at the offending segment's `{`, after "        - " (10 characters). */
    { "09-segments-gap.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11 },
    { "10-segments-overlap.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11 },
    { "11-segments-not-ascending.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11 },
    { "12-segments-last-not-open.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11 },
    { "13-segments-first-not-zero.yaml", NULL, MEDINS_ERR_SEGMENTS, 10, 11 },
    /* b.yaml starts inside a.yaml's range: at b's `effective: {` (after 11 characters). */
    { "14-overlap", "14-overlap/b.yaml", MEDINS_ERR_OVERLAP, 4, 12 },
    /* `base: nowhere/1999`: the value after "base: " (6 characters). */
    { "15-missing-base.yaml", NULL, MEDINS_ERR_BASE, 6, 7 },
    /* a's base b is visited first; b's `base: a` leads back to a. */
    { "16-cycle", "16-cycle/b.yaml", MEDINS_ERR_CYCLE, 4, 7 },
    /* The value itself: `    - {ratio: 55%}`. */
    { "17-uncited.yaml", NULL, MEDINS_ERR_CITATION, 8, 15 },
    { "18-unknown-source.yaml", NULL, MEDINS_ERR_CITATION, 9, 15 },
    /* The second `region` key, line 6. */
    { "19-duplicate-key.yaml", NULL, MEDINS_ERR_DUPLICATE, 6, 1 },
    /* `title: *r`: the alias after "title: " (7 characters). */
    { "20-alias.yaml", NULL, MEDINS_ERR_LIMIT, 4, 8 },
    /* `deep: [[[...`: the top mapping is depth 1, the `[` at column 7 depth 2, so depth 65
     * is the 64th `[`, at column 7 + 63 = 70. */
    { "21-depth.yaml", NULL, MEDINS_ERR_LIMIT, 3, 70 },
    /* A malformed citation is reported at its `cite` key: line 7, column 3. */
    { "22-bad-citation.yaml", NULL, MEDINS_ERR_CITATION, 7, 3 },
    { "23-ratio-without-percent.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 15 },
    /* `  - {id: doc, ...}` on line 7: the id after "  - {id: " (9 characters). */
    { "24-duplicate-source.yaml", NULL, MEDINS_ERR_DUPLICATE, 7, 10 },
    /* `effective: {from: 2023-02-30}`: after "effective: {from: " (18 characters). */
    { "25-bad-date.yaml", NULL, MEDINS_ERR_DATE, 4, 19 },
    /* `    - {level: l4, ...}`: after "    - {level: " (14 characters). */
    { "26-unknown-word.yaml", NULL, MEDINS_ERR_TYPE, 9, 15 },
    /* `    - {id: main, ...}` on line 10: after "    - {id: " (11 characters). */
    { "27-duplicate-row-id.yaml", NULL, MEDINS_ERR_DUPLICATE, 10, 12 },
    /* `effective: {from: 2023-01-01, to: 2022-12-31}`: `to`'s value after 34 characters. */
    { "28-effective-reversed.yaml", NULL, MEDINS_ERR_RANGE, 4, 35 },
    { "29-format-2.yaml", NULL, MEDINS_ERR_RANGE, 2, 9 },
    { "30-not-a-mapping.yaml", NULL, MEDINS_ERR_TYPE, 2, 1 },
    { "31-decimals.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16 },
};

START_TEST(invalid_table)
{
    const invalid_case *c = &cases[_i];
    char rel[256], path[1024];
    snprintf(rel, sizeof rel, "invalid/%s", c->path);
    medins_test_path(path, sizeof path, rel);
    medins_error *err = NULL;
    int rc;
    if (c->error_file) {
        medins_policy_set *set = NULL;
        ck_assert_int_eq(medins_policy_set_new(&set, NULL), 0);
        rc = medins_policy_set_add_dir(set, path, NULL, &err);
        ck_assert_msg(medins_policy_set_count(set) == 0, "%s: the set stays empty", c->path);
        medins_policy_set_free(set);
        snprintf(rel, sizeof rel, "invalid/%s", c->error_file);
        medins_test_path(path, sizeof path, rel);
    } else {
        medins_policy *p = NULL;
        rc = medins_policy_load_file(&p, path, NULL, NULL, &err);
        ck_assert_msg(p == NULL, "%s: no policy", c->path);
    }
    ck_assert_msg(rc == c->code, "%s: %s, expected %s (%s)", c->path, medins_status_name(rc),
                  medins_status_name(c->code), err ? medins_error_message(err) : "");
    ck_assert_msg(err && medins_error_code(err) == c->code, "%s: error object", c->path);
    ck_assert_msg(medins_error_file(err) && strcmp(medins_error_file(err), path) == 0, "%s: file %s", c->path,
                  medins_error_file(err) ? medins_error_file(err) : "(none)");
    ck_assert_msg(medins_error_line(err) == c->line && medins_error_column(err) == c->col,
                  "%s: at %u:%u, expected %u:%u (%s)", c->path, medins_error_line(err), medins_error_column(err),
                  c->line, c->col, medins_error_message(err));
    ck_assert_msg(*medins_error_message(err), "%s: a message", c->path);
    medins_error_free(err);
}
END_TEST

/* Each of the folder cases' files is valid alone: the error is between them. */
START_TEST(folder_files_alone)
{
    static const char *const files[] = { "14-overlap/a.yaml", "14-overlap/b.yaml" };
    for (size_t i = 0; i < 2; i++) {
        char rel[256], path[1024];
        snprintf(rel, sizeof rel, "invalid/%s", files[i]);
        medins_policy *p = NULL;
        medins_error *err = NULL;
        int rc = medins_policy_load_file(&p, medins_test_path(path, sizeof path, rel), NULL, NULL, &err);
        ck_assert_msg(rc == 0, "%s alone: %s", files[i], err ? medins_error_message(err) : "");
        medins_policy_free(p);
    }
}
END_TEST

static Suite *invalid_suite(void)
{
    Suite *s = suite_create("invalid");
    TCase *tc = tcase_create("files");
    tcase_add_loop_test(tc, invalid_table, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, folder_files_alone);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(invalid_suite)
