/*
 * A loaded policy is immutable and shared between threads without locking (policy.h). Here
 * eight threads settle a million claims between them against one policy, each on its own
 * persons and ledgers, and every figure and every ledger must equal a single-threaded run.
 * A second case does the same with the single-claim call and full explanation lines, which
 * allocate results and format text concurrently. A third has eight threads read the lines of
 * one result at once, which the first to ask renders for all. Run under ThreadSanitizer by
 * `tests/sanitize.sh tsan`.
 */
#include <pthread.h>
#include <string.h>

#include "runner.h"
#include "synth.h"


/* Check records every passing assertion (a write per call); millions of them would cost more than
 * the settlements, so the hot loops only call into Check when a condition fails. */
#define REQUIRE(cond, ...) do { if (!(cond)) ck_assert_msg(cond, __VA_ARGS__); } while (0)

#define THREADS 8
#define PER_PERSON 10
#define SEED 8080u

static int quick(void)
{
    const char *q = getenv("MEDINS_TEST_QUICK");
    return q && *q && *q != '0';
}

typedef struct run {
    const medins_policy *policy;
    const synth_data *d;
    medins_ledger *ledgers;
    medins_fen *fund, *patient, *major, *assist;
    int32_t *status;
    size_t first_person, npersons;   /* this thread's slice */
    int year;
    int rc;
} run;

static void run_batch(run *r)
{
    size_t first = r->first_person * PER_PERSON, n = r->npersons * PER_PERSON;
    for (size_t i = r->first_person; i < r->first_person + r->npersons; i++)
        medins_ledger_init(&r->ledgers[i], r->year);
    medins_batch_persons bp = synth_batch_persons(r->d);
    medins_batch_claims bc = synth_batch_claims(r->d, first, n);
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION,
                           .fund = r->fund + first, .major_disease = r->major + first,
                           .assistance = r->assist + first, .patient = r->patient + first,
                           .status = r->status + first};
    r->rc = medins_batch_settle(r->policy, &bp, &bc, r->ledgers, &bo, NULL, NULL);
}

/* Single-claim calls with lines; a result's line count and the length of its last line's text
 * are folded into `major` to compare them too. */
static void run_single(run *r)
{
    r->rc = 0;
    for (size_t i = r->first_person; i < r->first_person + r->npersons; i++) {
        medins_person per;
        synth_person(r->d, i, &per);
        medins_ledger_init(&r->ledgers[i], r->year);
        for (size_t j = i * PER_PERSON; j < (i + 1) * PER_PERSON; j++) {
            medins_claim cl;
            medins_result *res = NULL;
            synth_claim(r->d, j, &cl);
            r->status[j] = medins_settle(&res, r->policy, &per, &cl, &r->ledgers[i], NULL);
            if (r->status[j] == 0) {
                const medins_settlement *s = medins_result_settlement(res);
                r->fund[j] = s->fund;
                r->patient[j] = s->patient;
                const size_t n = medins_result_line_count(res);
                const medins_line *last = n ? medins_result_line(res, n - 1) : NULL;
                REQUIRE(n == 0 || last, "claim %zu: no line %zu", j, n - 1);
                r->major[j] = (medins_fen)(n * 10000 + (last ? strlen(last->text) : 0));
                r->assist[j] = s->assistance;
            } else {
                r->fund[j] = r->patient[j] = r->major[j] = r->assist[j] = 0;
            }
            medins_result_free(res);
        }
    }
}

static void *thread_main(void *arg)
{
    run_batch(arg);
    return NULL;
}

static void *thread_single(void *arg)
{
    run_single(arg);
    return NULL;
}

typedef struct columns {
    medins_ledger *ledgers;
    medins_fen *fund, *patient, *major, *assist;
    int32_t *status;
} columns;

static void columns_alloc(columns *c, size_t np, size_t n)
{
    c->ledgers = calloc(np, sizeof *c->ledgers);
    c->fund = calloc(n, sizeof(medins_fen));
    c->patient = calloc(n, sizeof(medins_fen));
    c->major = calloc(n, sizeof(medins_fen));
    c->assist = calloc(n, sizeof(medins_fen));
    c->status = calloc(n, sizeof(int32_t));
    ck_assert(c->ledgers && c->fund && c->patient && c->major && c->assist && c->status);
}

static void columns_free(columns *c)
{
    free(c->ledgers); free(c->fund); free(c->patient); free(c->major); free(c->assist); free(c->status);
}

/* Run the work on `threads` threads (1: on this thread), persons split in contiguous slices. */
static void run_on(columns *c, int threads, int single, const medins_policy *p, const synth_data *d,
                   int year)
{
    run runs[THREADS];
    pthread_t tid[THREADS];
    size_t per = d->npersons / (size_t)threads;
    for (int t = 0; t < threads; t++) {
        run r = {p, d, c->ledgers, c->fund, c->patient, c->major, c->assist, c->status,
                 per * (size_t)t, t == threads - 1 ? d->npersons - per * (size_t)t : per, year, -1};
        runs[t] = r;
    }
    if (threads == 1) {
        if (single)
            run_single(&runs[0]);
        else
            run_batch(&runs[0]);
    } else {
        for (int t = 0; t < threads; t++)
            ck_assert_int_eq(pthread_create(&tid[t], NULL, single ? thread_single : thread_main, &runs[t]), 0);
        for (int t = 0; t < threads; t++)
            ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
    }
    for (int t = 0; t < threads; t++)
        REQUIRE(runs[t].rc == 0 || runs[t].rc == MEDINS_ERR_BATCH, "thread %d: status %d", t, runs[t].rc);
}

static void compare(const char *what, const columns *a, const columns *b, const synth_data *d)
{
    size_t settled = 0;
    for (size_t j = 0; j < d->nclaims; j++) {
        REQUIRE(a->status[j] == b->status[j] && a->fund[j] == b->fund[j] &&
                      a->patient[j] == b->patient[j] && a->major[j] == b->major[j] &&
                      a->assist[j] == b->assist[j],
                      "%s claim %zu: %d threads give status %d fund %lld patient %lld, one thread %d %lld %lld",
                      what, j, THREADS, b->status[j], (long long)b->fund[j], (long long)b->patient[j],
                      a->status[j], (long long)a->fund[j], (long long)a->patient[j]);
        settled += a->status[j] == 0;
    }
    for (size_t i = 0; i < d->npersons; i++)
        REQUIRE(memcmp(&a->ledgers[i], &b->ledgers[i], sizeof a->ledgers[i]) == 0,
                      "%s person %zu: ledgers differ", what, i);
    REQUIRE(settled * 2 > d->nclaims, "%s: only %zu of %zu claims settled", what, settled, d->nclaims);
}

static void same_as_one_thread(int single, size_t npersons)
{
    const char *what = single ? "single-claim calls" : "batch";
    medins_policy_set *set = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    const medins_policy *p = NULL;
    REQUIRE(medins_policy_set_lookup(&p, set, medins_default_region(), 20230601, NULL) == 0,
                  "%s: no default policy for 2023", what);
    synth_data d;
    /* Persons of both schemes: the default region's 2023 covers both (check_shipped). */
    const uint32_t schemes = (1u << MEDINS_SCHEME_EMPLOYEE) | (1u << MEDINS_SCHEME_RESIDENT);
    ck_assert_int_eq(synth_make(&d, npersons, PER_PERSON, schemes, SYNTH_KINDS_ALL, 20230101, 20231231, SEED + (uint64_t)single), 0);
    columns one, many;
    columns_alloc(&one, d.npersons, d.nclaims);
    columns_alloc(&many, d.npersons, d.nclaims);
    run_on(&one, 1, single, p, &d, 2023);
    run_on(&many, THREADS, single, p, &d, 2023);
    compare(what, &one, &many, &d);
    columns_free(&one);
    columns_free(&many);
    synth_free(&d);
    medins_policy_set_free(set);
}

START_TEST(test_batch_threads)
{
    /* 100,000 persons x 10 claims = 10^6 claims in all */
    same_as_one_thread(0, quick() ? 2000 : 100000);
}
END_TEST

START_TEST(test_single_threads)
{
    same_as_one_thread(1, quick() ? 400 : 10000);
}
END_TEST

/* One result whose lines eight threads ask for at once, and render in Chinese into buffers of
 * their own: every thread gets the same lines (one block, made once) and the same text. */
typedef struct reader {
    const medins_result *result;
    const medins_line *first;
    char text[8192];
    int rc;
} reader;

static void *read_lines(void *arg)
{
    reader *rd = arg;
    rd->first = medins_result_line(rd->result, 0);
    for (size_t i = 0; i < medins_result_line_count(rd->result); i++)
        if (!medins_result_line(rd->result, i))
            rd->first = NULL;
    rd->rc = medins_result_render(rd->text, sizeof rd->text, NULL, rd->result, MEDINS_LANG_ZH);
    return NULL;
}

START_TEST(test_lines_read_at_once)
{
    medins_policy_set *set = NULL;
    const medins_policy *p = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    ck_assert_int_eq(medins_policy_set_lookup(&p, set, medins_default_region(), 20230601, NULL), 0);
    medins_person person;
    medins_claim claim;
    medins_ledger ledger;
    medins_person_init(&person);
    person.birth_date = 19700101;
    medins_claim_init(&claim);
    claim.date = 20230601;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    claim.total = Y(200000);
    medins_ledger_init(&ledger, 2023);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
    static reader readers[THREADS];
    pthread_t tid[THREADS];
    for (int t = 0; t < THREADS; t++) {
        readers[t] = (reader){.result = r, .rc = -1};
        ck_assert_int_eq(pthread_create(&tid[t], NULL, read_lines, &readers[t]), 0);
    }
    for (int t = 0; t < THREADS; t++)
        ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
    for (int t = 0; t < THREADS; t++) {
        ck_assert_msg(readers[t].first && readers[t].first == medins_result_line(r, 0),
                      "thread %d: other lines", t);
        ck_assert_msg(readers[t].rc == 0 && strcmp(readers[t].text, readers[0].text) == 0,
                      "thread %d: %d %s", t, readers[t].rc, readers[t].text);
    }
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("shared policy");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_batch_threads);
    tcase_add_test(tc, test_single_threads);
    tcase_add_test(tc, test_lines_read_at_once);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(threads_suite)
