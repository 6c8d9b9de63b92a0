/*
 * A batch split across threads (medins_batch_options.threads, medins_batch_settle_threads)
 * gives exactly what one thread gives: every output column, every status, every ledger byte
 * for byte, the count of failed claims, the return code, err's message and the errors object's
 * list (claim, code, message), in claim order.
 *
 * The claims: 20,000 persons of both schemes with 6 claims each (3,000 in a quick run), the first two of each person
 * moved to 2022 (settled through the embedded set, years closed in the batch), and bad claims
 * and persons sown through every part: negative totals, unknown kinds, a claim before its
 * person's birth, a person of an unknown scheme, a ledger of a year the library refuses. Also
 * claims not sorted by person (settled in one thread) and a person whose run spans most of the
 * batch (parts cut only between persons).
 */
#include <stdbool.h>

#include "runner.h"
#include "synth.h"

#define PER_PERSON 6
#define SEED 2828u

/* 20,000 persons; 3,000 (18,000 claims, still 4 parts) when MEDINS_TEST_QUICK is set, as under
 * valgrind (tests/sanitize.sh). */
static size_t PERSONS = 20000;
static medins_policy_set *g_set;
static synth_data g_d;

static void setup(void)
{
    const char *quick = getenv("MEDINS_TEST_QUICK");
    if (quick && *quick && *quick != '0')
        PERSONS = 3000;
    ck_assert_int_eq(medins_policy_set_open_embedded(&g_set, NULL), 0);
    ck_assert_int_eq(synth_make(&g_d, PERSONS, PER_PERSON, 3u, SYNTH_KINDS_BASIC, 20230101,
                                20231231, SEED), 0);
    for (size_t i = 0; i < PERSONS; i++) {
        /* The person's first two claims (the earliest) a year before. */
        g_d.date[i * PER_PERSON] -= 10000;
        g_d.date[i * PER_PERSON + 1] -= 10000;
    }
    /* Bad input every few thousand claims, so that each part has some. */
    for (size_t j = 1234; j < g_d.nclaims; j += 5003)
        g_d.total[j] = -5;
    for (size_t j = 2345; j < g_d.nclaims; j += 7001)
        g_d.kind[j] = 17;
    for (size_t i = 97; i < PERSONS; i += 3001)
        g_d.birth_date[i] = 20230615;
    for (size_t i = 501; i < PERSONS; i += 4999)
        g_d.scheme[i] = 9;
}

static void teardown(void)
{
    synth_free(&g_d);
    medins_policy_set_free(g_set);
}

/* One batch's outputs. */
typedef struct outcome {
    medins_fen *col[8];
    int32_t *status;
    medins_ledger *ledgers;
    size_t failed;
    int rc;
    char message[512];
    medins_batch_errors *errors;
} outcome;

static void outcome_free(outcome *o)
{
    for (int k = 0; k < 8; k++)
        free(o->col[k]);
    free(o->status);
    free(o->ledgers);
    medins_batch_errors_free(o->errors);
}

/* The claims settled in `threads` threads; the errors listed when `list`. */
static void settle(outcome *o, const medins_batch_claims *claims, unsigned threads, bool list)
{
    memset(o, 0, sizeof *o);
    const size_t n = claims->n;
    for (int k = 0; k < 8; k++)
        ck_assert_ptr_nonnull(o->col[k] = calloc(n, sizeof *o->col[k]));
    ck_assert_ptr_nonnull(o->status = calloc(n, sizeof *o->status));
    ck_assert_ptr_nonnull(o->ledgers = calloc(PERSONS, sizeof *o->ledgers));
    for (size_t i = 0; i < PERSONS; i++)
        medins_ledger_init(&o->ledgers[i], 2022);
    o->ledgers[PERSONS - 7].year = 1492;
    medins_batch_persons bp = synth_batch_persons(&g_d);
    medins_batch_out bo = {MEDINS_BATCH_OUT_VERSION, o->col[0], o->col[1], o->col[2],
                           o->col[3], o->col[4], o->col[5], o->col[6], o->col[7], o->status,
                           NULL, NULL};
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    if (list)
        ck_assert_int_eq(medins_batch_errors_new(&o->errors), 0);
    opts.errors = o->errors;
    opts.close_years = 1;
    opts.threads = threads;
    medins_error *err = NULL;
    o->rc = medins_batch_settle_set_ex(g_set, "tianjin", &bp, claims, o->ledgers, &bo, &opts,
                                       &o->failed, &err);
    snprintf(o->message, sizeof o->message, "%s", medins_error_message(err));
    medins_error_free(err);
}

/* Whether b is a, byte for byte; `what` names the case. */
static void same(const outcome *a, const outcome *b, size_t n, const char *what)
{
    ck_assert_msg(a->rc == b->rc, "%s: rc %d, not %d", what, b->rc, a->rc);
    ck_assert_msg(a->failed == b->failed, "%s: %zu failed, not %zu", what, b->failed, a->failed);
    ck_assert_msg(strcmp(a->message, b->message) == 0, "%s: \"%s\", not \"%s\"", what,
                  b->message, a->message);
    for (int k = 0; k < 8; k++)
        ck_assert_msg(memcmp(a->col[k], b->col[k], n * sizeof *a->col[k]) == 0,
                      "%s: output column %d differs", what, k);
    ck_assert_msg(memcmp(a->status, b->status, n * sizeof *a->status) == 0,
                  "%s: statuses differ", what);
    ck_assert_msg(memcmp(a->ledgers, b->ledgers, PERSONS * sizeof *a->ledgers) == 0,
                  "%s: ledgers differ", what);
    ck_assert_uint_eq(medins_batch_errors_count(a->errors), medins_batch_errors_count(b->errors));
    for (size_t k = 0; k < medins_batch_errors_count(a->errors); k++) {
        size_t ca, cb;
        const medins_error *ea, *eb;
        ck_assert_int_eq(medins_batch_errors_get(a->errors, k, &ca, &ea), 0);
        ck_assert_int_eq(medins_batch_errors_get(b->errors, k, &cb, &eb), 0);
        ck_assert_msg(ca == cb && medins_error_code(ea) == medins_error_code(eb) &&
                      strcmp(medins_error_message(ea), medins_error_message(eb)) == 0,
                      "%s: failure %zu is claim %zu \"%s\", not claim %zu \"%s\"", what, k, cb,
                      medins_error_message(eb), ca, medins_error_message(ea));
    }
}

/* 1 thread against 2, 3 and 8, with and without the errors listed. */
static void threads_as_one(const medins_batch_claims *claims, const char *what)
{
    for (int list = 0; list < 2; list++) {
        outcome one;
        settle(&one, claims, 1, list);
        for (unsigned t = 2; t <= 8; t += t == 3 ? 5 : 1) {
            outcome many;
            char name[96];
            snprintf(name, sizeof name, "%s, %u threads%s", what, t, list ? ", errors listed" : "");
            settle(&many, claims, t, list);
            same(&one, &many, claims->n, name);
            outcome_free(&many);
        }
        outcome_free(&one);
    }
}

START_TEST(sorted_claims)
{
    const medins_batch_claims claims = synth_batch_claims(&g_d, 0, g_d.nclaims);
    outcome one;
    settle(&one, &claims, 1, true);
    /* Every kind of bad input failed, each with its one-claim error, listed in claim order.
     * The first: claim 192, of person 32, a child born on 2022-03-28 (synth draws ages from
     * 2023), whose claim moved to 2022-03-06 comes before the birth. */
    ck_assert_int_eq(one.rc, MEDINS_ERR_BATCH);
    ck_assert_uint_gt(one.failed, PERSONS / 500);
    size_t claim;
    const medins_error *e;
    ck_assert_int_eq(medins_batch_errors_get(one.errors, 0, &claim, &e), 0);
    ck_assert_uint_eq(claim, 192);
    ck_assert_int_eq(medins_error_code(e), MEDINS_ERR_PERSON);
    ck_assert_ptr_nonnull(strstr(one.message, " claim(s) failed; the first, claim 192: birth "
                                 "date 20220328 is after the claim date 20220306"));
    /* The planted ones: a negative total, a kind of 17, person 97 born 2023-06-15 (its
     * 2022 claims, and the closing of 2022 for the later ones, refused), person 501's scheme
     * of 9, the ledger of year 1492. */
    ck_assert_int_eq(medins_error_code(medins_batch_errors_find(one.errors, 1234)),
                     MEDINS_ERR_CLAIM);
    ck_assert_int_eq(medins_error_code(medins_batch_errors_find(one.errors, 2345)),
                     MEDINS_ERR_KIND);
    ck_assert_ptr_nonnull(strstr(medins_error_message(medins_batch_errors_find(one.errors, 585)),
                                 "the ledger's year 2022 cannot be closed: birth date 20230615"));
    ck_assert_int_eq(medins_error_code(medins_batch_errors_find(one.errors, 501 * PER_PERSON)),
                     MEDINS_ERR_PERSON);
    ck_assert_int_eq(medins_error_code(medins_batch_errors_find(one.errors,
                                                                (PERSONS - 7) * PER_PERSON)),
                     MEDINS_ERR_LEDGER);
    ck_assert_int_eq(one.ledgers[0].year, 2023);
    outcome_free(&one);
    threads_as_one(&claims, "sorted");
}
END_TEST

/* threads_as_one with each claim's person k renumbered to renumber(k). */
static void threads_as_one_renumbered(int32_t (*renumber)(int32_t), const char *what)
{
    int32_t *person = malloc(g_d.nclaims * sizeof *person), *kept = g_d.person;
    ck_assert_ptr_nonnull(person);
    for (size_t j = 0; j < g_d.nclaims; j++)
        person[j] = renumber(kept[j]);
    g_d.person = person;
    const medins_batch_claims claims = synth_batch_claims(&g_d, 0, g_d.nclaims);
    threads_as_one(&claims, what);
    g_d.person = kept;
    free(person);
}

/* The persons numbered backwards: claims grouped by person but in decreasing order. */
static int32_t backwards(int32_t k)
{
    return (int32_t)PERSONS - 1 - k;
}

/* The first three quarters of the persons' claims all person 0's (out of date order: most
 * fail), then the others: the parts' cuts fall only between persons, most parts empty. */
static int32_t one_long_run_first(int32_t k)
{
    return (size_t)k < PERSONS * 3 / 4 ? 0 : k;
}

START_TEST(unsorted_claims)
{
    threads_as_one_renumbered(backwards, "unsorted");
}
END_TEST

START_TEST(one_long_run)
{
    threads_as_one_renumbered(one_long_run_first, "one long run");
}
END_TEST

START_TEST(the_sibling_call)
{
    /* medins_batch_settle_threads: one policy (2023) and the claims of 2023 only, in 4
     * threads, as medins_batch_settle. Persons' claims of 2022 left out: each person's claims
     * 2 to 5. */
    const size_t n = PERSONS * (PER_PERSON - 2);
    int32_t *person = malloc(n * sizeof *person), *kind = malloc(n * sizeof *kind),
            *level = malloc(n * sizeof *level);
    medins_date *date = malloc(n * sizeof *date);
    medins_fen *total = malloc(n * sizeof *total), *fund1 = calloc(n, sizeof *fund1),
               *fund4 = calloc(n, sizeof *fund4);
    int32_t *status1 = calloc(n, sizeof *status1), *status4 = calloc(n, sizeof *status4);
    medins_ledger *l1 = calloc(PERSONS, sizeof *l1), *l4 = calloc(PERSONS, sizeof *l4);
    ck_assert(person && kind && level && date && total && fund1 && fund4 && status1 && status4 &&
              l1 && l4);
    for (size_t i = 0, j = 0; i < PERSONS; i++) {
        medins_ledger_init(&l1[i], 2023);
        medins_ledger_init(&l4[i], 2023);
        for (size_t c = 2; c < PER_PERSON; c++, j++) {
            const size_t s = i * PER_PERSON + c;
            person[j] = g_d.person[s];
            kind[j] = g_d.kind[s];
            level[j] = g_d.level[s];
            date[j] = g_d.date[s];
            total[j] = g_d.total[s];
        }
    }
    const medins_policy *p = NULL;
    ck_assert_int_eq(medins_policy_set_lookup(&p, g_set, "tianjin", 20230601, NULL), 0);
    medins_batch_persons bp = synth_batch_persons(&g_d);
    const medins_batch_claims bc = medins_test_batch_claims(n, person, date, kind, level, total);
    medins_batch_out o1 = MEDINS_BATCH_OUT_INIT, o4 = MEDINS_BATCH_OUT_INIT;
    o1.fund = fund1;
    o1.status = status1;
    o4.fund = fund4;
    o4.status = status4;
    size_t f1 = 0, f4 = 0;
    const int rc1 = medins_batch_settle(p, &bp, &bc, l1, &o1, &f1, NULL);
    const int rc4 = medins_batch_settle_threads(p, &bp, &bc, l4, &o4, 4, &f4, NULL);
    ck_assert_int_eq(rc1, MEDINS_ERR_BATCH);
    ck_assert_int_eq(rc4, rc1);
    ck_assert_uint_eq(f4, f1);
    ck_assert_int_eq(memcmp(fund1, fund4, n * sizeof *fund1), 0);
    ck_assert_int_eq(memcmp(status1, status4, n * sizeof *status1), 0);
    ck_assert_int_eq(memcmp(l1, l4, PERSONS * sizeof *l1), 0);
    free(person); free(kind); free(level); free(date); free(total); free(fund1); free(fund4);
    free(status1); free(status4); free(l1); free(l4);
}
END_TEST

static Suite *batch_threads_suite(void)
{
    Suite *s = suite_create("batch_threads");
    TCase *tc = tcase_create("core");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, sorted_claims);
    tcase_add_test(tc, unsorted_claims);
    tcase_add_test(tc, one_long_run);
    tcase_add_test(tc, the_sibling_call);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(batch_threads_suite)
