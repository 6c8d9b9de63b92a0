/*
 * What the Check suites share: main() (each tests/check_<module>.c defines <module>_suite()
 * and ends with MEDINS_CHECK_MAIN(<module>_suite)), the paths of test data, loading a test
 * policy, amounts in yuan, and the contract of the enum word parsers.
 *
 * Test data: MEDINS_TEST_DATA is the tests/ source folder and MEDINS_POLICIES the shipped
 * policies/ folder (set by tests/meson.build); medins_test_path() joins a relative path to the
 * first.
 */
#ifndef MEDINS_TEST_RUNNER_H
#define MEDINS_TEST_RUNNER_H

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medins.h"

/* medins_settle_ex's options for figures only, without explanation lines. */
#define MEDINS_TEST_NO_LINES \
    (&(const medins_settle_options){MEDINS_SETTLE_OPTIONS_VERSION, MEDINS_SETTLE_NO_LINES})

/* `yuan` yuan in fen: expected figures are worked out in yuan. */
#define Y(yuan) ((medins_fen)(yuan) * 100)

static inline const char *medins_test_path(char *buf, size_t size, const char *rel)
{
    const char *root = getenv("MEDINS_TEST_DATA");
    snprintf(buf, size, "%s/%s", root ? root : "tests", rel);
    return buf;
}

static inline const char *medins_policies_path(char *buf, size_t size, const char *rel)
{
    const char *root = getenv("MEDINS_POLICIES");
    snprintf(buf, size, "%s/%s", root ? root : "policies", rel);
    return buf;
}

/* The test policy file under tests/ whose path is printf(rel_format, ...), loaded; the test
 * fails with the loader's message when it does not load. medins_policy_free it. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static inline medins_policy *medins_test_load(const char *rel_format, ...)
{
    char rel[512], path[1024];
    va_list ap;
    va_start(ap, rel_format);
    vsnprintf(rel, sizeof rel, rel_format, ap);
    va_end(ap);
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_file(&p, medins_test_path(path, sizeof path, rel), NULL, NULL,
                                     &err);
    ck_assert_msg(rc == 0, "loading %s: %s", rel, err ? medins_error_message(err) : "?");
    medins_error_free(err);
    return p;
}

/* One claim of `kind` at `level` on `date` of `total` with `attributes` settled under p for
 * an employee of `category` born 1980-01-01, updating *l; the test fails with the library's
 * message when it does not settle. medins_result_free the result. */
static inline medins_result *medins_test_settle_with(const medins_policy *p, medins_ledger *l,
                                                     medins_category category,
                                                     medins_claim_kind kind, medins_level level,
                                                     medins_fen total, medins_date date,
                                                     uint32_t attributes)
{
    medins_person person;
    medins_claim claim;
    medins_result *r = NULL;
    medins_error *err = NULL;
    medins_person_init(&person);
    person.category = category;
    person.birth_date = 19800101;
    medins_claim_init(&claim);
    claim.kind = kind;
    claim.level = level;
    claim.total = total;
    claim.date = date;
    claim.attributes = attributes;
    int rc = medins_settle(&r, p, &person, &claim, l, &err);
    ck_assert_msg(rc == 0, "settle: %s", err ? medins_error_message(err) : "?");
    medins_error_free(err);
    return r;
}

/* The same without attributes. */
static inline medins_result *medins_test_settle(const medins_policy *p, medins_ledger *l,
                                                medins_category category, medins_claim_kind kind,
                                                medins_level level, medins_fen total,
                                                medins_date date)
{
    return medins_test_settle_with(p, l, category, kind, level, total, date, 0);
}

/* A batch's columns of n claims: the person index, date, kind, level and total of each. */
static inline medins_batch_claims medins_test_batch_claims(size_t n, const int32_t *person,
                                                           const medins_date *date,
                                                           const int32_t *kind,
                                                           const int32_t *level,
                                                           const medins_fen *total)
{
    medins_batch_claims bc = MEDINS_BATCH_CLAIMS_INIT;
    bc.n = n;
    bc.person = person;
    bc.date = date;
    bc.kind = kind;
    bc.level = level;
    bc.total = total;
    return bc;
}

/* Row i of r's setldetail has these figures: its fund_pay_type code and name, its in-scope
 * amount, its room under the maximum and its payment. Returns the row's payer, for the caller
 * to check. */
static inline medins_part medins_test_detail_is(const medins_result *r, size_t i,
                                                const char *code, const char *name,
                                                medins_fen in_scope, medins_fen room,
                                                medins_fen paid)
{
    medins_setldetail row = MEDINS_SETLDETAIL_INIT;
    medins_error *err = NULL;
    ck_assert_msg(medins_result_setldetail(&row, r, i, &err) == 0, "row %zu: %s", i,
                  err ? medins_error_message(err) : "?");
    ck_assert_str_eq(row.fund_pay_type, code);
    ck_assert_str_eq(row.fund_pay_type_name, name);
    ck_assert_int_eq(row.inscp_scp_amt, in_scope);
    ck_assert_int_eq(row.crt_payb_lmt_amt, room);
    ck_assert_int_eq(row.fund_payamt, paid);
    return row.part;
}

/*
 * The contract every enum word parser keeps, checked for one enum of `count` values whose
 * policy-file words, in value order, are the array `words` (for example { "employee", "resident" }):
 * - `words` has one word per value;
 * - each value's name is its word, and the word parses back to that value (so no two values share
 *   a word: the second would parse to the first);
 * - the value after the last has no name;
 * - the word `unknown` is MEDINS_ERR_TYPE, a NULL name or NULL out MEDINS_ERR_ARGUMENT, and a
 *   failed parse leaves *out as it was.
 * MEDINS_CHECK_FLAG_WORDS is the same for bit flags: the word at index i names the flag 1u << i.
 * The parser's name is the case name in every message.
 */
#define MEDINS_WORD_INDEX(i) (i)
#define MEDINS_WORD_FLAG(i) (1u << (i))
#define MEDINS_CHECK_WORDS_AS(type, value_of, count, name_fn, parse_fn, words, unknown)             \
    do {                                                                                            \
        const size_t n_ = sizeof(words) / sizeof((words)[0]);                                       \
        ck_assert_msg(n_ == (size_t)(count), "%s: %zu words for %zu values", #parse_fn, n_,         \
                      (size_t)(count));                                                             \
        for (size_t i_ = 0; i_ < n_; i_++) {                                                        \
            const type want_ = (type)value_of(i_);                                                  \
            const char *got_ = name_fn(want_);                                                      \
            ck_assert_msg(got_ && strcmp(got_, (words)[i_]) == 0, "%s: value #%zu is named %s, "    \
                          "not %s", #name_fn, i_, got_ ? got_ : "NULL", (words)[i_]);               \
            type v_ = (type)value_of((i_ + 1) % n_);                                                \
            int rc_ = parse_fn(&v_, (words)[i_]);                                                   \
            ck_assert_msg(rc_ == 0 && v_ == want_, "%s(\"%s\"): status %d, value %lld, not #%zu",   \
                          #parse_fn, (words)[i_], rc_, (long long)v_, i_);                          \
            rc_ = parse_fn(NULL, (words)[i_]);                                                      \
            ck_assert_msg(rc_ == MEDINS_ERR_ARGUMENT, "%s(NULL, \"%s\"): status %d",                \
                          #parse_fn, (words)[i_], rc_);                                             \
        }                                                                                           \
        ck_assert_msg(name_fn((type)value_of(n_)) == NULL, "%s: value #%zu past the last word "     \
                      "has a name", #name_fn, n_);                                                  \
        const type keep_ = (type)value_of(n_ - 1);                                                  \
        type v_ = keep_;                                                                            \
        int rc_ = parse_fn(&v_, unknown);                                                           \
        ck_assert_msg(rc_ == MEDINS_ERR_TYPE && v_ == keep_, "%s(\"%s\"): status %d, out %s",       \
                      #parse_fn, unknown, rc_, v_ == keep_ ? "kept" : "changed");                   \
        rc_ = parse_fn(&v_, NULL);                                                                  \
        ck_assert_msg(rc_ == MEDINS_ERR_ARGUMENT && v_ == keep_, "%s(out, NULL): status %d, "       \
                      "out %s", #parse_fn, rc_, v_ == keep_ ? "kept" : "changed");                  \
        rc_ = parse_fn(NULL, NULL);                                                                 \
        ck_assert_msg(rc_ == MEDINS_ERR_ARGUMENT, "%s(NULL, NULL): status %d", #parse_fn, rc_);     \
    } while (0)
#define MEDINS_CHECK_WORDS(type, count, name_fn, parse_fn, words, unknown)                          \
    MEDINS_CHECK_WORDS_AS(type, MEDINS_WORD_INDEX, count, name_fn, parse_fn, words, unknown)
#define MEDINS_CHECK_FLAG_WORDS(count, name_fn, parse_fn, words, unknown)                           \
    MEDINS_CHECK_WORDS_AS(uint32_t, MEDINS_WORD_FLAG, count, name_fn, parse_fn, words, unknown)

#define MEDINS_CHECK_MAIN(suite_fn)                                   \
    int main(void)                                                    \
    {                                                                 \
        SRunner *sr = srunner_create(suite_fn());                     \
        srunner_run_all(sr, CK_NORMAL);                               \
        int failed = srunner_ntests_failed(sr);                       \
        srunner_free(sr);                                             \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;             \
    }

#endif
