/*
 * Batch settlement: hand-worked figures, per-claim failures, argument errors, a policy set
 * looked up by date, and exact agreement with single-claim settlement on random claims.
 * Policy figures: see the comment at the top of check_settle.c (tests/data/settle/basic.yaml).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "ledger.h"
#include "person.h"
#include "plan.h"
#include "medins.h"
#include "runner.h"

#define MAXN 4096

static medins_policy *policy;

static void setup(void) { policy = medins_test_load("data/settle/basic.yaml"); }

static void teardown(void) { medins_policy_free(policy); policy = NULL; }

/* Column storage for one batch. */
typedef struct cols {
    int32_t scheme[MAXN], category[MAXN], tier[MAXN];
    medins_date birth[MAXN];
    uint32_t groups[MAXN];
    int64_t family_doctor[MAXN];
    int32_t person[MAXN], kind[MAXN], level[MAXN];
    medins_date date[MAXN];
    int64_t institution[MAXN];
    medins_fen total[MAXN], self_paid[MAXN], category_b[MAXN];
    uint32_t days[MAXN];
    medins_fen fund[MAXN], major[MAXN], assist[MAXN], patient[MAXN], ded[MAXN], coins[MAXN],
        over[MAXN], account[MAXN], supp[MAXN], account_first[MAXN];
    int32_t status[MAXN];
    medins_ledger ledgers[MAXN];
} cols;

static cols C;

/* Whether the batches carry C.days (random_batch then gives most claims days). */
static bool with_days = false;

static void views(const cols *c, size_t npersons, size_t nclaims, medins_batch_persons *p,
                  medins_batch_claims *k, medins_batch_out *o)
{
    *p = (medins_batch_persons){.version = MEDINS_BATCH_PERSONS_VERSION,
                                .n = npersons, .scheme = c->scheme, .category = c->category,
                                .tier = c->tier, .birth_date = c->birth, .groups = c->groups,
                                .family_doctor = c->family_doctor};
    *k = (medins_batch_claims){.version = MEDINS_BATCH_CLAIMS_VERSION,
                               .n = nclaims, .person = c->person, .date = c->date, .kind = c->kind,
                               .level = c->level, .institution = c->institution, .total = c->total,
                               .self_paid = c->self_paid, .category_b = c->category_b,
                               .days = with_days ? c->days : NULL};
    *o = (medins_batch_out){.version = MEDINS_BATCH_OUT_VERSION,
                            .fund = C.fund, .major_disease = C.major, .assistance = C.assist,
                            .patient = C.patient, .deductible = C.ded, .coinsurance = C.coins,
                            .over_cap = C.over, .account = C.account, .status = C.status,
                            .supplementary = C.supp, .account_first = C.account_first};
}

static void add_person(size_t i, medins_scheme s, medins_category cat, medins_tier t, uint32_t groups)
{
    C.scheme[i] = s;
    C.category[i] = cat;
    C.tier[i] = t;
    C.birth[i] = 19800101;
    C.groups[i] = groups;
    C.family_doctor[i] = 0;
    medins_ledger_init(&C.ledgers[i], 2023);
}

static void add_claim(size_t i, int32_t person, medins_claim_kind kind, medins_level level,
                      medins_fen total, medins_date date)
{
    C.person[i] = person;
    C.kind[i] = kind;
    C.level[i] = level;
    C.total[i] = total;
    C.date[i] = date;
    C.self_paid[i] = C.category_b[i] = 0;
    C.institution[i] = 0;
}

/*
 * Person 0 (employee): 500 at l3 (all deductible), then a claim with a negative total (fails),
 * then 1000 at l2: 300 deductible left, 700 x 60% = 420. Person 1 (dibao resident): 20800 at
 * l2: fund 14000, assistance 4760, patient 2040 (worked in check_settle.c).
 */
START_TEST(hand_worked)
{
    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    add_person(1, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, MEDINS_GROUP_DIBAO);
    add_claim(0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_3, Y(500), 20230301);
    add_claim(1, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, -Y(1), 20230302);
    add_claim(2, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230303);
    add_claim(3, 1, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(20800), 20230301);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 2, 4, &p, &k, &o);
    C.fund[1] = 999;   /* a failed claim's outputs are zeroed */
    size_t failed = 0;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, &failed, &err), MEDINS_ERR_BATCH);
    ck_assert_uint_eq(failed, 1);
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_BATCH);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "claim 1"));
    medins_error_free(err);

    ck_assert_int_eq(C.status[0], 0);
    ck_assert_int_eq(C.status[1], MEDINS_ERR_CLAIM);
    ck_assert_int_eq(C.status[2], 0);
    ck_assert_int_eq(C.status[3], 0);
    ck_assert_int_eq(C.ded[0], Y(500));
    ck_assert_int_eq(C.fund[0], 0);
    ck_assert_int_eq(C.fund[1], 0);
    ck_assert_int_eq(C.patient[1], 0);
    ck_assert_int_eq(C.ded[2], Y(300));
    ck_assert_int_eq(C.fund[2], Y(420));
    ck_assert_int_eq(C.coins[2], Y(280));
    ck_assert_int_eq(C.patient[2], Y(580));
    ck_assert_int_eq(C.fund[3], Y(14000));
    ck_assert_int_eq(C.assist[3], Y(4760));
    ck_assert_int_eq(C.patient[3], Y(2040));
    ck_assert_int_eq(C.ledgers[0].seq, 2);
    ck_assert_int_eq(C.ledgers[0].outpatient_costs, Y(1500));
    ck_assert_int_eq(C.ledgers[1].admissions, 1);
}
END_TEST

/*
 * A claim whose ledger would overflow (a year total would pass the limit) gets the error one
 * claim per call gives, and the batch's error names it when it is the first failure.
 * Person 0's ledger has outpatient costs of the limit less 100 yuan: 50 yuan fits, 80 more
 * do not (the claim fails and changes nothing), then 10 fit (limit less 40).
 */
START_TEST(overflow_in_a_chunk)
{
    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    C.ledgers[0].outpatient_costs = MEDINS_FEN_MAX - Y(100);
    add_claim(0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(50), 20230301);
    add_claim(1, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(80), 20230302);
    add_claim(2, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(10), 20230303);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 1, 3, &p, &k, &o);
    size_t failed = 0;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, &failed, &err), MEDINS_ERR_BATCH);
    ck_assert_uint_eq(failed, 1);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "claim 1: "));
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "would exceed the limit"));
    medins_error_free(err);
    ck_assert_int_eq(C.status[0], 0);
    ck_assert_int_eq(C.status[1], MEDINS_ERR_OVERFLOW);
    ck_assert_int_eq(C.status[2], 0);
    ck_assert_int_eq(C.ledgers[0].outpatient_costs, MEDINS_FEN_MAX - Y(40));
    ck_assert_int_eq(C.ledgers[0].seq, 2);
    ck_assert_int_eq(C.ledgers[0].last_date, 20230303);
}
END_TEST

static size_t compare_with_single(const medins_policy *pol, size_t np, size_t n);

/*
 * Every kind of failure in one batch, each claim's error the one medins_settle gives it alone
 * with the ledger its person has then (expect_same_error, through compare_with_single), and
 * worded as below. Person 0 (employee, fresh ledger) has the bad claims among good ones;
 * person 1's ledger is corrupt, person 2's is 100 yuan short of the limit (its second claim,
 * of 80 yuan after one of 50, overflows in the middle of a chunk that goes on with person 3),
 * person 3 is an employee with a tier, person 4 is sound, person 5's ledger has room for one
 * more settlement, person 6's more thrifty years than a ledger of 2023 can have (123, the
 * years since 1900). The policy is in force from 2022-01-01 to 2024-12-31.
 */
START_TEST(each_failure_worded_as_alone)
{
    static const struct {
        int32_t person, kind, level;
        medins_fen total, self_paid;
        medins_date date;
        int code;
        const char *says;      /* part of the message; NULL: the claim settles */
    } rows[] = {
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230301, 0, NULL},
        {0, MEDINS_CLAIM_PHARMACY, MEDINS_LEVEL_2, Y(100), 0, 20230302, MEDINS_ERR_LEVEL,
         "a pharmacy claim cannot be at level l2"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_PHARMACY, Y(100), 0, 20230302, MEDINS_ERR_LEVEL,
         "an outpatient claim cannot be at level pharmacy"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, -Y(1), 0, 20230302, MEDINS_ERR_CLAIM,
         "claim 3 has a negative amount"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), Y(101), 20230302, MEDINS_ERR_CLAIM,
         "claim 4: self-paid and category-B parts exceed the total"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230230, MEDINS_ERR_DATE,
         "claim date 20230230 is not a calendar date"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 18991231, MEDINS_ERR_DATE,
         "claim date 18991231 is not a calendar date from 1900-01-01 to 2199-12-31"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230228, MEDINS_ERR_ORDER,
         "claim dated 20230228 is earlier than the ledger's last claim (20230301)"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20240105, MEDINS_ERR_LEDGER_YEAR,
         "the ledger is for 2023, the claim is dated 20240105"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20250105, MEDINS_ERR_DATE,
         "claim date 20250105 is outside policy"},
        {0, 7, MEDINS_LEVEL_2, Y(100), 0, 20230303, MEDINS_ERR_KIND, "unknown claim kind 7"},
        {0, MEDINS_CLAIM_OUTPATIENT, 6, Y(100), 0, 20230303, MEDINS_ERR_LEVEL,
         "unknown hospital level 6"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, MEDINS_FEN_MAX + 1, 0, 20230303,
         MEDINS_ERR_OVERFLOW, "claim 12 has an amount above the limit"},
        {0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230303, 0, NULL},
        {1, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230301, MEDINS_ERR_LEDGER,
         "ledger admissions out of range: -1"},
        {1, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230302, MEDINS_ERR_LEDGER,
         "ledger admissions out of range: -1"},
        {2, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(50), 0, 20230301, 0, NULL},
        {2, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(80), 0, 20230302, MEDINS_ERR_OVERFLOW,
         "a year total of the ledger would exceed the limit"},
        {2, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(10), 0, 20230303, 0, NULL},
        {3, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230301, MEDINS_ERR_PERSON,
         "tier 3 is not valid for the employee scheme"},
        {4, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000), 0, 20230301, 0, NULL},
        {4, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_1, Y(300), 0, 20230302, 0, NULL},
        {5, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(1000), 0, 20230301, 0, NULL},
        {5, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230302, MEDINS_ERR_OVERFLOW,
         "the ledger already counts 2147483647 settlements this year"},
        {6, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230301, MEDINS_ERR_LEDGER,
         "ledger thrifty_years out of range: 124"},
        {7, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230301, MEDINS_ERR_PERSON,
         "the person has no birth date, and their age on 20230301 decides which "
         "outpatient.deductible row applies"},
        {7, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(1000), 0, 20230302, 0, NULL},
        {8, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230301, MEDINS_ERR_PERSON,
         "birth date 20230302 is after the claim date 20230301"},
        {8, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100), 0, 20230302, 0, NULL},
    };
    const size_t n = sizeof rows / sizeof rows[0];
    memset(&C, 0, sizeof C);
    for (size_t who = 0; who < 9; who++)
        add_person(who, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    /* Person 7, retired, has no birth date: the outpatient deductible is by age for retirees,
     * the inpatient one not. Person 8 is born on the day of their second claim. */
    C.category[7] = MEDINS_CATEGORY_RETIRED;
    C.birth[7] = 0;
    C.birth[8] = 20230302;
    C.ledgers[1].admissions = -1;
    C.ledgers[2].outpatient_costs = MEDINS_FEN_MAX - Y(100);
    C.tier[3] = MEDINS_TIER_HIGH;
    /* Person 5 has room for one settlement more; person 6 more thrifty years than 2023 can. */
    C.ledgers[5].seq = MEDINS_LEDGER_SEQ_MAX - 1;
    C.ledgers[5].last_date = 20230101;
    C.ledgers[6].thrifty_years = 124;
    for (size_t i = 0; i < n; i++) {
        add_claim(i, rows[i].person, (medins_claim_kind)rows[i].kind, (medins_level)rows[i].level,
                  rows[i].total, rows[i].date);
        C.self_paid[i] = rows[i].self_paid;
    }
    medins_ledger before[9];
    memcpy(before, C.ledgers, sizeof before);
    size_t nfail = compare_with_single(policy, 9, n);

    /* The figures and messages worked by hand; settled alone, the same claims gave the same
     * (compare_with_single). Run again from the same ledgers for the errors object. */
    memcpy(C.ledgers, before, sizeof before);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 9, n, &p, &k, &o);
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    ck_assert_int_eq(medins_batch_errors_new(&opts.errors), 0);
    size_t failed = 0, want_failed = 0;
    ck_assert_int_eq(medins_batch_settle_ex(policy, &p, &k, C.ledgers, &o, &opts, &failed, NULL),
                     MEDINS_ERR_BATCH);
    for (size_t i = 0; i < n; i++) {
        const medins_error *e = medins_batch_errors_find(opts.errors, i);
        ck_assert_msg(C.status[i] == rows[i].code, "claim %zu: status %s", i,
                      medins_status_name(C.status[i]));
        if (!rows[i].says) {
            ck_assert_msg(e == NULL, "claim %zu settled but has an error", i);
            continue;
        }
        want_failed++;
        ck_assert_msg(e && medins_error_code(e) == rows[i].code &&
                      strstr(medins_error_message(e), rows[i].says),
                      "claim %zu: %s \"%s\", expected %s \"%s\"", i,
                      medins_status_name(medins_error_code(e)), e ? medins_error_message(e) : "",
                      medins_status_name(rows[i].code), rows[i].says);
    }
    ck_assert_uint_eq(failed, want_failed);
    ck_assert_uint_eq(nfail, want_failed);
    /* Person 2: 50 + 10 yuan settled, the 80 refused: the limit less 40 yuan. */
    ck_assert_int_eq(C.ledgers[2].outpatient_costs, MEDINS_FEN_MAX - Y(40));
    ck_assert_int_eq(C.ledgers[2].seq, 2);
    ck_assert_int_eq(memcmp(&C.ledgers[1], &before[1], sizeof before[1]), 0);
    ck_assert_int_eq(memcmp(&C.ledgers[3], &before[3], sizeof before[3]), 0);
    ck_assert_uint_eq(C.ledgers[5].seq, MEDINS_LEDGER_SEQ_MAX);
    ck_assert_int_eq(C.ledgers[5].admissions, 1);

    /* Filled again, the object holds the new call's failures only: none. */
    views(&C, 9, 1, &p, &k, &o);
    memcpy(C.ledgers, before, sizeof before);
    ck_assert_int_eq(medins_batch_settle_ex(policy, &p, &k, C.ledgers, &o, &opts, &failed, NULL), 0);
    ck_assert_uint_eq(medins_batch_errors_count(opts.errors), 0);
    ck_assert_ptr_null(medins_batch_errors_find(opts.errors, 1));
    medins_batch_errors_free(opts.errors);
}
END_TEST

/* The errors object and the options: empty, NULL, an unknown version. */
START_TEST(errors_object)
{
    medins_batch_errors *errors = NULL;
    ck_assert_int_eq(medins_batch_errors_new(NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_batch_errors_new(&errors), 0);
    ck_assert_uint_eq(medins_batch_errors_count(errors), 0);
    ck_assert_uint_eq(medins_batch_errors_count(NULL), 0);
    ck_assert_ptr_null(medins_batch_errors_find(errors, 0));
    ck_assert_ptr_null(medins_batch_errors_find(NULL, 0));
    size_t claim = 7;
    const medins_error *e = NULL;
    ck_assert_int_eq(medins_batch_errors_get(errors, 0, &claim, &e), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_batch_errors_get(NULL, 0, &claim, &e), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(claim == 7 && e == NULL, "a refused get writes nothing");
    medins_batch_errors_free(NULL);
    medins_batch_options_init(NULL);

    /* One failed claim; then a call with an unknown version, refused before anything is read
     * (the object, the ledger and the outputs as they were); then one with wrong arguments,
     * which empties the object before it refuses them. */
    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    add_claim(0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, -1, 20230301);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 1, 1, &p, &k, &o);
    medins_batch_options opts;
    medins_batch_options_init(&opts);
    ck_assert_uint_eq(opts.version, MEDINS_BATCH_OPTIONS_VERSION);
    ck_assert_ptr_null(opts.errors);
    opts.errors = errors;
    ck_assert_int_eq(medins_batch_settle_ex(policy, &p, &k, C.ledgers, &o, &opts, NULL, NULL),
                     MEDINS_ERR_BATCH);
    ck_assert_uint_eq(medins_batch_errors_count(errors), 1);
    ck_assert_int_eq(medins_batch_errors_get(errors, 0, &claim, &e), 0);
    ck_assert_uint_eq(claim, 0);
    ck_assert_int_eq(medins_error_code(e), MEDINS_ERR_CLAIM);
    ck_assert_ptr_eq(medins_batch_errors_find(errors, 0), e);

    C.total[0] = Y(10);
    C.status[0] = 9;
    medins_ledger before = C.ledgers[0];
    medins_error *err = NULL;
    opts.version = MEDINS_BATCH_OPTIONS_VERSION + 1;
    ck_assert_int_eq(medins_batch_settle_ex(policy, &p, &k, C.ledgers, &o, &opts, NULL, &err),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(err), "medins_batch_options: version 4 is not one "
                     "this library knows (it reads 1 to 3): a struct of a newer libmedins");
    medins_error_free(err);
    ck_assert_uint_eq(medins_batch_errors_count(errors), 1);
    ck_assert_int_eq(C.status[0], 9);
    ck_assert_int_eq(memcmp(&before, &C.ledgers[0], sizeof before), 0);
    opts.version = MEDINS_BATCH_OPTIONS_VERSION;
    ck_assert_int_eq(medins_batch_settle_set_ex(NULL, "x", &p, &k, C.ledgers, &o, &opts, NULL,
                                                NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_uint_eq(medins_batch_errors_count(errors), 0);
    ck_assert_int_eq(C.status[0], 9);
    /* NULL options are the defaults. */
    ck_assert_int_eq(medins_batch_settle_ex(policy, &p, &k, C.ledgers, &o, NULL, NULL, NULL), 0);
    ck_assert_int_eq(C.status[0], 0);
    medins_batch_errors_free(errors);
}
END_TEST

/* Wrong arguments change nothing. */
START_TEST(argument_errors)
{
    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    add_claim(0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230301);
    add_claim(1, 1, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230302);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 1, 2, &p, &k, &o);
    medins_ledger before = C.ledgers[0];
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(memcmp(&before, &C.ledgers[0], sizeof before), 0);
    ck_assert_int_eq(C.fund[0], 0);
    k.total = NULL;
    k.n = 1;
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_batch_settle(NULL, &p, &k, C.ledgers, &o, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(memcmp(&before, &C.ledgers[0], sizeof before), 0);

    /* A person index out of range anywhere among 41 claims (the range test runs several
     * claims at a time, then one by one for the rest): negative, the count of persons, the
     * largest; and any index when there are no persons. */
    static const int32_t bad[] = {-1, 1, INT32_MIN, INT32_MAX};
    static const size_t at[] = {0, 5, 33, 40};
    for (size_t i = 0; i < 41; i++)
        add_claim(i, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(10), 20230301 + (int)(i / 2));
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
        for (size_t a = 0; a < sizeof at / sizeof at[0]; a++) {
            views(&C, 1, 41, &p, &k, &o);
            C.person[at[a]] = bad[b];
            medins_error *err = NULL;
            ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, NULL, &err),
                             MEDINS_ERR_ARGUMENT);
            char want[64];
            snprintf(want, sizeof want, "claim %zu names person %d of 1", at[a], (int)bad[b]);
            ck_assert_msg(strstr(medins_error_message(err), want), "%s", medins_error_message(err));
            medins_error_free(err);
            ck_assert_int_eq(memcmp(&before, &C.ledgers[0], sizeof before), 0);
            C.person[at[a]] = 0;
        }
    views(&C, 0, 41, &p, &k, &o);
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, NULL, NULL), MEDINS_ERR_ARGUMENT);
    views(&C, 1, 41, &p, &k, &o);
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, NULL, NULL), 0);
}
END_TEST

/* ---- Random claims: batch and single-claim settlement agree exactly ---------------------- */

static uint64_t rng = 0xD1B54A32D192ED03ull;

static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int64_t rand_below(int64_t n) { return (int64_t)(next_rand() % (uint64_t)n); }

/* The days between a person's claims in random_batch are below this: 0 (the same day) one
 * time in as many. */
static int day_gap = 40;

/*
 * npersons persons, each with a run of claims in date order in `year`; a few claims are
 * invalid. Birthdays fall anywhere in the year, so that ages (and age bands) change within a
 * run; ledgers carry thrifty years and last year's costs, so that the selectors on them are
 * exercised.
 */
static size_t random_batch(size_t npersons, int year)
{
    size_t n = 0;
    for (size_t i = 0; i < npersons; i++) {
        int cat = (int)rand_below(4);
        medins_scheme s = cat < 2 ? MEDINS_SCHEME_EMPLOYEE : MEDINS_SCHEME_RESIDENT;
        add_person(i, s, (medins_category)cat,
                   s == MEDINS_SCHEME_RESIDENT ? (medins_tier)(1 + rand_below(3)) : MEDINS_TIER_NONE,
                   rand_below(3) == 0 ? 1u << rand_below(3) : 0);
        medins_ledger_init(&C.ledgers[i], year);
        /* Half turn 60 or 70 during the year: the retirees' age bands are crossed in a run. */
        int age = rand_below(2) ? (rand_below(2) ? 60 : 70) : (int)rand_below(100);
        C.birth[i] = rand_below(20) == 0 ? 0
                                          : (medins_date)((year - age) * 10000 + (1 + rand_below(12)) * 100 +
                                                          1 + rand_below(28));
        C.family_doctor[i] = rand_below(2) ? 7 : 0;
        C.ledgers[i].account_balance = rand_below(Y(2000));
        C.ledgers[i].account_credited = rand_below(Y(2000));
        C.ledgers[i].carry_over = rand_below(Y(9000));
        C.ledgers[i].thrifty_years = (int32_t)rand_below(4);
        if (rand_below(2)) {
            C.ledgers[i].prior_known = 1;
            C.ledgers[i].prior_outpatient_costs = rand_below(Y(3000));
        }
        /* A few persons or ledgers that fail their checks, in the middle of the batch's
         * chunks: each of their claims fails as it does alone. */
        switch (rand_below(60)) {
        case 0: C.tier[i] = MEDINS_TIER_HIGH; C.scheme[i] = MEDINS_SCHEME_EMPLOYEE; break;
        case 1: C.ledgers[i].admissions = -1; break;
        case 2: C.ledgers[i].last_date = year * 10000 + 101; break;   /* with no settlement */
        case 3: C.ledgers[i].prior_known = 2; break;
        case 4: C.ledgers[i].fund[MEDINS_POOL_INPATIENT] = -1; break;
        default: break;
        }
        /* Claim days of the year in order, as 28-day months: every date is valid. */
        int day = 0;
        for (int k = (int)rand_below(12); k >= 0 && n < MAXN; k--) {
            day += (int)rand_below(day_gap);
            if (day >= 12 * 28)
                break;
            medins_date date = (medins_date)(year * 10000 + (day / 28 + 1) * 100 + day % 28 + 1);
            medins_claim_kind kind = (medins_claim_kind)rand_below(MEDINS_CLAIM_KIND_COUNT);
            medins_level level = kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY
                                                               : (medins_level)rand_below(4);
            /* Small claims too: annual deductibles are then still partly unpaid. */
            int64_t scale = kind == MEDINS_CLAIM_INPATIENT ? Y(400000) : rand_below(2) ? Y(6000) : Y(300);
            add_claim(n, (int32_t)i, kind, level, rand_below(scale), date);
            C.self_paid[n] = rand_below(C.total[n] / 4 + 1);
            C.category_b[n] = rand_below(C.total[n] / 8 + 1);
            C.institution[n] = rand_below(2) ? 7 : 9;
            /* Days, most of them within a year's 366, some not given, a few beyond. */
            C.days[n] = with_days && rand_below(4) ? (uint32_t)rand_below(380) : 0;
            if (rand_below(50) == 0)
                C.self_paid[n] = C.total[n] + 1;   /* invalid: parts above the total */
            /* Invalid kinds and levels: a kind that does not go with its level, and values
             * beyond the known ones (below 8 too, which the batch's claim keys hold). */
            switch (rand_below(80)) {
            case 0: C.level[n] = kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_3 : MEDINS_LEVEL_PHARMACY; break;
            case 1: C.kind[n] = MEDINS_CLAIM_KIND_COUNT + (int32_t)rand_below(8 - MEDINS_CLAIM_KIND_COUNT); break;
            case 2: C.level[n] = MEDINS_LEVEL_COUNT + (int32_t)rand_below(8 - MEDINS_LEVEL_COUNT); break;
            case 3: C.kind[n] = 8 + kind; break;
            default: break;
            }
            n++;
        }
    }
    return n;
}

/*
 * `be`, the batch's error of claim i, has the code and message that settling the claim alone
 * with `ledger` (which must then be left as it was) gives: under `pol`, or with `set` (pol
 * NULL) under the policy of `region` in force on the claim's date, whose lookup may fail.
 */
static void expect_same_error(const char *id, size_t i, const medins_policy *pol,
                              const medins_policy_set *set, const char *region,
                              const medins_person *person, const medins_claim *claim,
                              const medins_ledger *ledger, const medins_error *be)
{
    ck_assert_msg(be != NULL, "%s claim %zu: failed without an error in the errors object", id, i);
    medins_ledger copy = *ledger;
    medins_result *r = NULL;
    medins_error *one = NULL;
    int rc = set ? medins_policy_set_lookup(&pol, set, region, claim->date, &one) : 0;
    if (rc == 0)
        rc = medins_settle(&r, pol, person, claim, &copy, &one);
    ck_assert_msg(rc < 0 && r == NULL && memcmp(&copy, ledger, sizeof copy) == 0,
                  "%s claim %zu: settles alone (%d)", id, i, rc);
    ck_assert_msg(medins_error_code(be) == medins_error_code(one) &&
                  strcmp(medins_error_message(be), medins_error_message(one)) == 0,
                  "%s claim %zu: the batch says %s \"%s\", alone %s \"%s\"", id, i,
                  medins_status_name(medins_error_code(be)), medins_error_message(be),
                  medins_status_name(medins_error_code(one)), medins_error_message(one));
    medins_error_free(one);
}

/* The most plans the cache of the batches of compare_with_single_in holds: as in the public
 * calls, or fewer (none) in the tests of the cache itself. */
static unsigned cache_plans = MDN_BATCH_PLANS;

/*
 * The np persons' n claims in C settled as one batch and one by one (medins_settle_ex) under
 * `pol`, or with `set` (then pol is NULL) under the policy of `region` in force on each claim's
 * date, must give the same status, figures and ledgers, and each failed claim the same error
 * code and message (the batch's errors object; a claim's id is its index). Returns the number
 * of failed claims.
 */
static size_t compare_with_single_in(const medins_policy *pol, const medins_policy_set *set,
                                     const char *region, size_t np, size_t n)
{
    static medins_ledger single[MAXN];
    const char *id = set ? region : medins_policy_id(pol);
    memcpy(single, C.ledgers, np * sizeof single[0]);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, np, n, &p, &k, &o);
    size_t failed = 0;
    medins_batch_options opts;
    medins_batch_options_init(&opts);
    ck_assert_int_eq(medins_batch_errors_new(&opts.errors), 0);
    medins_error *first = NULL;
    int rc = cache_plans != MDN_BATCH_PLANS
                 ? mdn_batch_settle_plans(cache_plans, pol, set, region, &p, &k, C.ledgers, &o,
                                          &opts, &failed, &first)
             : set ? medins_batch_settle_set_ex(set, region, &p, &k, C.ledgers, &o, &opts, &failed, &first)
                   : medins_batch_settle_ex(pol, &p, &k, C.ledgers, &o, &opts, &failed, &first);
    ck_assert_msg(rc == 0 || rc == MEDINS_ERR_BATCH, "%s: batch returned %d", id, rc);
    ck_assert_uint_eq(medins_batch_errors_count(opts.errors), failed);
    ck_assert_msg((rc == 0) == (first == NULL), "%s: an error object exactly when a claim failed", id);

    size_t nfail = 0;
    for (size_t i = 0; i < n; i++) {
        size_t who = (size_t)C.person[i];
        medins_person person = {.version = MEDINS_PERSON_VERSION,
                                .scheme = (medins_scheme)C.scheme[who],
                                .category = (medins_category)C.category[who],
                                .tier = (medins_tier)C.tier[who], .birth_date = C.birth[who],
                                .groups = C.groups[who], .family_doctor = C.family_doctor[who]};
        medins_claim claim = {.version = MEDINS_CLAIM_VERSION, .id = (int64_t)i, .date = C.date[i],
                              .kind = (medins_claim_kind)C.kind[i],
                              .level = (medins_level)C.level[i], .institution = C.institution[i],
                              .total = C.total[i], .self_paid = C.self_paid[i],
                              .category_b = C.category_b[i],
                              .days = with_days ? C.days[i] : 0};
        medins_result *r = NULL;
        const medins_policy *in_force = pol;
        int one = set ? medins_policy_set_lookup(&in_force, set, region, C.date[i], NULL) : 0;
        if (one == 0)
            one = medins_settle_ex(&r, in_force, &person, &claim, &single[who],
                                   MEDINS_TEST_NO_LINES, NULL);
        ck_assert_msg(one == C.status[i], "%s claim %zu: status %d alone, %d in the batch", id, i,
                      one, C.status[i]);
        const medins_error *be = medins_batch_errors_find(opts.errors, i);
        if (one != 0) {
            expect_same_error(id, i, pol, set, region, &person, &claim, &single[who], be);
            size_t at = 99;
            const medins_error *got = NULL;
            ck_assert_int_eq(medins_batch_errors_get(opts.errors, nfail, &at, &got), 0);
            ck_assert_msg(at == i && got == be, "%s claim %zu: failure %zu of the errors object is "
                          "claim %zu", id, i, nfail, at);
            if (nfail == 0)
                ck_assert_msg(strstr(medins_error_message(first), medins_error_message(be)),
                              "%s: the batch's error quotes the first failure: %s", id,
                              medins_error_message(first));
            nfail++;
            ck_assert_msg(C.fund[i] == 0 && C.patient[i] == 0, "%s claim %zu: failed, not zeroed", id, i);
            continue;
        }
        ck_assert_msg(be == NULL, "%s claim %zu: settled, but has an error", id, i);
        const medins_settlement *s = medins_result_settlement(r);
        ck_assert_msg(s->fund == C.fund[i] && s->major_disease == C.major[i] &&
                      s->assistance == C.assist[i] && s->patient == C.patient[i] &&
                      s->deductible == C.ded[i] && s->coinsurance == C.coins[i] &&
                      s->over_cap == C.over[i] && s->account == C.account[i] &&
                      s->supplementary == C.supp[i] && s->account_first == C.account_first[i],
                      "%s claim %zu: figures differ", id, i);
        ck_assert_msg(C.fund[i] + C.supp[i] + C.major[i] + C.assist[i] + C.patient[i] ==
                      C.total[i], "%s claim %zu: the parts do not add up to the total", id, i);
        medins_result_free(r);
    }
    ck_assert_msg(failed == nfail, "%s: %zu failed in the batch, %zu alone", id, failed, nfail);
    ck_assert_msg(memcmp(single, C.ledgers, np * sizeof single[0]) == 0, "%s: ledgers differ", id);
    ck_assert_int_eq(medins_batch_errors_get(opts.errors, nfail, NULL, NULL), MEDINS_ERR_ARGUMENT);
    medins_batch_errors_free(opts.errors);
    medins_error_free(first);
    return nfail;
}

static size_t compare_with_single(const medins_policy *pol, size_t np, size_t n)
{
    return compare_with_single_in(pol, NULL, NULL, np, n);
}

/* compare_with_single on random_batch's claims. */
static size_t check_agreement(const medins_policy *pol, int year, size_t np)
{
    memset(&C, 0, sizeof C);
    size_t n = random_batch(np, year);
    return compare_with_single(pol, np, n);
}

START_TEST(agrees_with_single)
{
    size_t np = 300;
    size_t nfail = check_agreement(policy, 2023, np);
    ck_assert_uint_gt(nfail, 0);          /* the invalid claims were exercised */
    ck_assert_uint_lt(nfail, MAXN / 4);   /* and most claims settled */
}
END_TEST

/*
 * Ledgers near the limit, in runs longer than a chunk: the batch settles a claim in its fast
 * passes only while the in-scope costs of the person's claims stay within the ledger's room
 * (the limit less the OR of its totals), and alone after that, with the same figures,
 * statuses and ledgers as one claim per call. Person 1's outpatient costs are the limit less
 * 3,000 yuan: its 310 claims add 10 yuan of in-scope cost each to them, but for its 101st,
 * which adds 500 (self-paid items of 2^46 fen take it past the batch's quick test: it is
 * settled alone, and the room must shrink by its cost). 250 * 10 + 500 = 3,000: the first
 * 251 fit (exactly reaching the limit) and the last 59 fail. No other total comes near the
 * limit: the other persons' claims all settle. Person 0's room is 100 yuan (its account payments; it
 * has no balance, so they never grow), person 3's 0 (two totals each within the limit, whose
 * OR is above it), person 2's ledger is fresh.
 */
START_TEST(near_the_limit)
{
    static const struct { int claims; medins_claim_kind kind; medins_fen amount; } runs[] = {
        {40, MEDINS_CLAIM_OUTPATIENT, Y(500)}, {310, MEDINS_CLAIM_OUTPATIENT, Y(10)},
        {20, MEDINS_CLAIM_INPATIENT, Y(40000)}, {30, MEDINS_CLAIM_INPATIENT, Y(60000)},
    };
    memset(&C, 0, sizeof C);
    size_t n = 0;
    for (int who = 0; who < 4; who++) {
        add_person((size_t)who, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
        for (int c = 0; c < runs[who].claims; c++, n++)
            add_claim(n, who, runs[who].kind, MEDINS_LEVEL_2, runs[who].amount,
                      20230101 + c / 28 * 100 + c % 28);
    }
    C.ledgers[0].account_paid = MEDINS_FEN_MAX - Y(100);
    C.ledgers[1].outpatient_costs = MEDINS_FEN_MAX - Y(3000);
    C.total[40 + 100] = ((medins_fen)1 << 46) + Y(500);
    C.self_paid[40 + 100] = (medins_fen)1 << 46;
    C.ledgers[3].fund[MEDINS_POOL_INPATIENT] = (medins_fen)1 << 46;
    C.ledgers[3].major_base = (medins_fen)1 << 45;
    ck_assert_uint_eq(mdn_ledger_room(&C.ledgers[0]), Y(100));
    ck_assert_uint_eq(mdn_ledger_room(&C.ledgers[3]), 0);
    ck_assert_uint_eq(n, 400);
    ck_assert_uint_eq(compare_with_single(policy, 4, n), 59);
    for (size_t i = 40 + 251; i < 40 + 310; i++)
        ck_assert_int_eq(C.status[i], MEDINS_ERR_OVERFLOW);
    ck_assert_int_eq(C.ledgers[1].outpatient_costs, MEDINS_FEN_MAX);
}
END_TEST

/*
 * Amounts at and beyond the limits: the batch's quick test of a plain claim must neither
 * overflow (UBSan runs this suite) nor let one through that the full check refuses; each claim
 * gets the status settling it alone gives.
 */
START_TEST(extreme_amounts)
{
    static const medins_fen cases[][3] = {   /* total, self_paid, category_b */
        {INT64_MAX, INT64_MAX, INT64_MAX}, {MEDINS_FEN_MAX, MEDINS_FEN_MAX, MEDINS_FEN_MAX},
        {MEDINS_FEN_MAX, MEDINS_FEN_MAX, 0}, {MEDINS_FEN_MAX + 1, 0, 0}, {-1, 0, 0},
        {Y(100), -1, 0}, {Y(100), 0, INT64_MIN}, {Y(100), Y(60), Y(41)}, {Y(100), Y(60), Y(40)},
        {0, 0, 0}, {(medins_fen)1 << 46, 1, 0},
    };
    const size_t n = sizeof cases / sizeof cases[0];
    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    for (size_t i = 0; i < n; i++) {
        add_claim(i, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, cases[i][0], 20230301);
        C.self_paid[i] = cases[i][1];
        C.category_b[i] = cases[i][2];
    }
    medins_ledger single = C.ledgers[0];
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 1, n, &p, &k, &o);
    size_t failed = 0;
    medins_batch_settle(policy, &p, &k, C.ledgers, &o, &failed, NULL);
    size_t nfail = 0;
    for (size_t i = 0; i < n; i++) {
        medins_person person = {.version = MEDINS_PERSON_VERSION, .scheme = MEDINS_SCHEME_EMPLOYEE,
                                .category = MEDINS_CATEGORY_IN_SERVICE, .tier = MEDINS_TIER_NONE,
                                .birth_date = 19800101, .groups = 0, .family_doctor = 0};
        medins_claim claim = {.version = MEDINS_CLAIM_VERSION,
                              .id = (int64_t)i, .date = 20230301, .kind = MEDINS_CLAIM_OUTPATIENT,
                              .level = MEDINS_LEVEL_2, .institution = 0, .total = cases[i][0],
                              .self_paid = cases[i][1], .category_b = cases[i][2]};
        medins_result *r = NULL;
        int one = medins_settle_ex(&r, policy, &person, &claim, &single, MEDINS_TEST_NO_LINES,
                                   NULL);
        medins_result_free(r);
        ck_assert_msg(one == C.status[i], "case %zu: status %d alone, %d in the batch", i, one,
                      C.status[i]);
        nfail += one != 0;
    }
    /* refused: above the limit (0, 3), parts above the total (1; 60 + 41 > 100 in 7), negative
     * (4, 5, 6); settled: self-paid equal to the total (2), 60 + 40 (8), nothing (9), 2^46 fen
     * (10: below the limit, though the quick test leaves it to the full check) */
    ck_assert_uint_eq(nfail, 7);
    ck_assert_uint_eq(failed, nfail);
    ck_assert_int_eq(memcmp(&single, &C.ledgers[0], sizeof single), 0);
}
END_TEST

/*
 * The batch's quick test against the full check, on every kind and level (and values around
 * them) and every month * 100 + day of a common, a leap and three century years: a claim it
 * passes must pass mdn_claim_check and fall in the ledger's year, and with ordinary amounts it
 * must pass every claim that does; the test without the kind-level pair likewise. A wrong bit
 * in mdn_year_days or MDN_KIND_LEVELS fails here.
 */
START_TEST(plain_test_matches_full_check)
{
    static const int years[] = {2023, 2024, 1900, 2000, 2100};
    size_t plain_count = 0;
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
        const int32_t year0 = years[y] * 10000;
        const uint64_t *days = mdn_days_of_year(years[y]);
        for (int kind = -1; kind <= MEDINS_CLAIM_KIND_COUNT + 4; kind++)
            for (int level = -1; level <= MEDINS_LEVEL_COUNT + 4; level++)
                for (int md = -1; md <= 2 * 64 * MDN_YEAR_DAY_WORDS; md++) {
                    const medins_claim c = {.version = MEDINS_CLAIM_VERSION,
                                            .id = 0, .date = year0 + md,
                                            .kind = (medins_claim_kind)kind,
                                            .level = (medins_level)level, .institution = 0,
                                            .total = Y(100), .self_paid = Y(10), .category_b = Y(5)};
                    const bool plain = mdn_claim_plain(&c, year0, days);
                    const bool valid = mdn_claim_check(&c, NULL) == 0;
                    /* Asserted only when wrong: each assertion costs Check a message, and
                     * there are millions of cases. */
                    if (plain != valid)
                        ck_abort_msg("year %d, kind %d, level %d, day %04d: plain %d, full check %d",
                                     years[y], kind, level, md, plain, valid);
                    plain_count += plain;
                    /* Without the pair: the same claim at an outpatient visit to a level-1
                     * hospital, when its kind and level are each below 8. */
                    medins_claim ok_pair = c;
                    ok_pair.kind = MEDINS_CLAIM_OUTPATIENT;
                    ok_pair.level = MEDINS_LEVEL_1;
                    const bool but_pair = mdn_claim_plain_but_pair(&c, year0, days);
                    if (but_pair != ((unsigned)kind < 8 && (unsigned)level < 8 &&
                                     mdn_claim_check(&ok_pair, NULL) == 0))
                        ck_abort_msg("year %d, kind %d, level %d, day %04d: plain but the pair %d",
                                     years[y], kind, level, md, but_pair);
                }
    }
    /* 17 valid kind-level pairs (4 kinds at 4 levels, and pharmacy purchases at pharmacies)
     * x 365 (2023), 366 (2024), 365 (1900), 366 (2000) and 365 (2100) days */
    ck_assert_uint_eq(plain_count, 17 * (365 + 366 + 365 + 366 + 365));
}
END_TEST

/*
 * The batch's quick test of a person against the full check: every scheme, category and tier
 * (and values around them) with groups in and out of range, and every month * 100 + day of a
 * common, a leap and two century years as the birth date, with years out of range, 0 (no
 * birth date) and negative dates. A wrong test in mdn_person_plain or mdn_date_valid fails
 * here.
 */
START_TEST(person_plain_matches_full_check)
{
    static const uint32_t groups[] = {0, MEDINS_GROUP_ALL, MEDINS_GROUP_ALL + 1, 1u << 31};
    size_t plain_count = 0;
    for (int scheme = -1; scheme <= MEDINS_SCHEME_COUNT + 1; scheme++)
        for (int category = -1; category <= MEDINS_CATEGORY_COUNT + 1; category++)
            for (int tier = -1; tier <= MEDINS_TIER_COUNT + 1; tier++)
                for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
                    const medins_person p = {.version = MEDINS_PERSON_VERSION,
                                             .scheme = (medins_scheme)scheme,
                                             .category = (medins_category)category,
                                             .tier = (medins_tier)tier, .birth_date = 19800101,
                                             .groups = groups[g], .family_doctor = 0};
                    const bool plain = mdn_person_plain(&p);
                    ck_assert_msg(plain == (mdn_person_check(&p, NULL) == 0),
                                  "scheme %d, category %d, tier %d, groups 0x%x: plain %d", scheme,
                                  category, tier, (unsigned)groups[g], plain);
                    plain_count += plain;
                }
    /* Employees in service or retired, with no tier; residents of the two resident categories
     * with any of the four tiers (none too: their category may set the contribution):
     * 2 + 2 * 4 = 10 persons, each with two valid group sets. */
    ck_assert_uint_eq(plain_count, 10 * 2);

    static const int years[] = {2023, 2024, 1900, 2000, 1899, 2200, 0, -2023};
    plain_count = 0;
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
        for (int md = -1; md <= 2 * 64 * MDN_YEAR_DAY_WORDS; md++) {
            const medins_person p = {.version = MEDINS_PERSON_VERSION,
                                     .scheme = MEDINS_SCHEME_EMPLOYEE,
                                     .category = MEDINS_CATEGORY_IN_SERVICE,
                                     .tier = MEDINS_TIER_NONE, .birth_date = years[y] * 10000 + md,
                                     .groups = 0, .family_doctor = 0};
            const bool plain = mdn_person_plain(&p);
            ck_assert_msg(plain == (mdn_person_check(&p, NULL) == 0), "birth date %d: plain %d",
                          (int)p.birth_date, plain);
            plain_count += plain;
        }
    /* 365 (2023), 366 (2024), 365 (1900) and 366 (2000) days, and 0 (no birth date). */
    ck_assert_uint_eq(plain_count, 365 + 366 + 365 + 366 + 1);
}
END_TEST

/* The amounts of a ledger, for ledger_plain_matches_full_check. */
static medins_fen *ledger_amount(medins_ledger *l, int i)
{
    medins_fen *const amounts[] = {
        &l->outpatient_costs, &l->deductible[0], &l->deductible[1], &l->deductible[2],
        &l->position[0], &l->position[1], &l->position[2], &l->fund[0], &l->fund[1],
        &l->fund[2], &l->major_base, &l->major_fund, &l->assist_base, &l->assist_fund,
        &l->account_balance, &l->account_paid, &l->carry_over, &l->prior_outpatient_costs,
        &l->supplementary[0], &l->supplementary[1], &l->supplementary[2], &l->account_credited,
    };
    return i < (int)(sizeof amounts / sizeof amounts[0]) ? amounts[i] : NULL;
}

/* Whether medins_ledger_check passes the ledger, and mdn_ledger_plain agrees: it may refuse
 * only ledgers with an amount of 2^46 fen or more, and those whose last claim is in the next
 * calendar year (a benefit year from 1 July), which it leaves to the full check. */
static bool ledger_agrees(medins_ledger *l, const char *what, long long v)
{
    const bool valid = medins_ledger_check(l, NULL) == 0, plain = mdn_ledger_plain(l);
    bool large = l->seq != 0 && l->last_date / 10000 == (int64_t)l->year + 1;
    for (int i = 0; ledger_amount(l, i); i++)
        large |= (uint64_t)*ledger_amount(l, i) >= (uint64_t)1 << 46;
    if (!(plain ? valid : !valid || large))   /* asserted only when wrong, as above */
        ck_abort_msg("year %d, %s = %lld: plain %d, full check %d", (int)l->year, what, v, plain,
                     valid);
    return plain;
}

/*
 * The batch's quick test of a ledger against the full check: fresh and used ledgers of common,
 * leap and century years, each with one field at a time set to values at and around its
 * limits (the last date on every month * 100 + day and beyond the year). A wrong test in
 * mdn_ledger_plain fails here.
 */
START_TEST(ledger_plain_matches_full_check)
{
    static const int years[] = {2023, 2024, 1900, 2000, 2100, 2199};
    static const int64_t amounts[] = {0, 1, ((int64_t)1 << 46) - 1, (int64_t)1 << 46,
                                      MEDINS_FEN_MAX, MEDINS_FEN_MAX + 1, INT64_MAX, -1,
                                      INT64_MIN};
    static const int64_t counts[] = {0, 1, 2, 5, INT32_MAX, -1, INT32_MIN};
    size_t plain_count = 0, cases = 0;
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
        for (int used = 0; used <= 1; used++) {
            medins_ledger base;
            medins_ledger_init(&base, years[y]);
            if (used) {
                base.seq = 5;
                base.last_date = years[y] * 10000 + 615;
                base.admissions = 2;
                base.thrifty_years = years[y] - 1900 < 3 ? years[y] - 1900 : 3;
                base.prior_known = 1;
                for (int i = 0; ledger_amount(&base, i); i++)
                    *ledger_amount(&base, i) = Y(100) * (i + 1);
            }
            medins_ledger l = base;
            ck_assert_msg(ledger_agrees(&l, "nothing", 0), "the base ledger is plain");
            for (int i = 0; ledger_amount(&l, i); i++)
                for (size_t a = 0; a < sizeof amounts / sizeof amounts[0]; a++, l = base) {
                    *ledger_amount(&l, i) = amounts[a];
                    plain_count += ledger_agrees(&l, "an amount", amounts[a]), cases++;
                }
            for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
                const int32_t v = (int32_t)counts[c];
                l.admissions = v, plain_count += ledger_agrees(&l, "admissions", v), l = base;
                l.thrifty_years = v, plain_count += ledger_agrees(&l, "thrifty_years", v), l = base;
                l.prior_known = v, plain_count += ledger_agrees(&l, "prior_known", v), l = base;
                l.prior_known = v, l.prior_outpatient_costs = 0;
                plain_count += ledger_agrees(&l, "prior_known, no costs", v), l = base;
                l.seq = (uint32_t)v, plain_count += ledger_agrees(&l, "seq", v), l = base;
                l.year = v, plain_count += ledger_agrees(&l, "year", v), l = base;
                cases += 6;
            }
            /* The counts at the bounds of medins_ledger_check: seq up to
             * MEDINS_LEDGER_SEQ_MAX (and the unsigned values above it), thrifty years up to
             * the years since 1900. */
            static const uint32_t seqs[] = {MEDINS_LEDGER_SEQ_MAX - 1, MEDINS_LEDGER_SEQ_MAX,
                                            MEDINS_LEDGER_SEQ_MAX + 1u, UINT32_MAX};
            for (size_t q = 0; q < sizeof seqs / sizeof seqs[0]; q++, cases++, l = base) {
                l.seq = seqs[q];
                l.last_date = years[y] * 10000 + 615;
                plain_count += ledger_agrees(&l, "seq", seqs[q]);
            }
            for (int t = -1; t <= 1; t++, cases++, l = base) {
                l.thrifty_years = years[y] - 1900 + t;
                plain_count += ledger_agrees(&l, "thrifty_years", l.thrifty_years);
            }
            /* Years at the edges of the range (a fresh ledger of its own year: its dates then
             * do not stand in the way). */
            static const int32_t edges[] = {1898, 1899, 1900, 1901, 2198, 2199, 2200, 2201};
            for (size_t e = 0; e < sizeof edges / sizeof edges[0]; e++, cases++) {
                medins_ledger_init(&l, edges[e]);
                plain_count += ledger_agrees(&l, "year", edges[e]);
                l = base;
            }
            for (int md = -1; md <= 2 * 64 * MDN_YEAR_DAY_WORDS; md++, cases += 3) {
                l.last_date = years[y] * 10000 + md;
                plain_count += ledger_agrees(&l, "last_date", l.last_date);
                l.seq = 0;
                plain_count += ledger_agrees(&l, "last_date, no settlement", l.last_date);
                l = base;
                l.last_date = (years[y] + 1) * 10000 + md;
                l.seq = 1;
                plain_count += ledger_agrees(&l, "last_date, the next year", l.last_date);
                l = base;
            }
        }
    /* Enough plain ledgers among the cases to tell the test is not refusing everything: for
     * each year, its days as the used ledger's last date (365 or 366: the fresh ledger has no
     * settlement), and for each year and base, 0, 1 and 2^46 - 1 as any of the 17 amounts
     * but last year's costs (which a fresh ledger, without them, must have 0). */
    ck_assert_uint_ge(plain_count, 6 * 365 + 6 * 2 * 17 * 3);
    ck_assert_uint_lt(plain_count, cases);
}
END_TEST

/* The same on every shipped policy, in the first year it is in force. */
START_TEST(agrees_with_single_shipped)
{
    medins_policy_set *set = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    size_t count = medins_policy_set_count(set);
    ck_assert_uint_gt(count, 5);
    for (size_t i = 0; i < count; i++) {
        const medins_policy *pol = medins_policy_set_at(set, i);
        int year = (int)(medins_policy_effective_from(pol) / 10000);
        /* Claims before the policy's first day fail alike in both; start the year there. */
        check_agreement(pol, year, 300);
    }
    medins_policy_set_free(set);
}
END_TEST

/* Without its plan cache (an allocation refused) the batch makes each claim's plan itself:
 * the same statuses, figures and ledgers as one claim per call, on every shipped policy. */
START_TEST(agrees_without_plan_cache)
{
    medins_policy_set *set = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    cache_plans = 0;
    for (size_t i = 0; i < medins_policy_set_count(set); i++) {
        const medins_policy *pol = medins_policy_set_at(set, i);
        check_agreement(pol, (int)(medins_policy_effective_from(pol) / 10000), 100);
    }
    cache_plans = MDN_BATCH_PLANS;
    medins_policy_set_free(set);
}
END_TEST

/* A cache of 24 plans, emptied every few claims, often between a chunk's planning and its
 * settling: the plans a chunk has found must stay as they were until it is settled. */
START_TEST(agrees_with_a_small_plan_cache)
{
    medins_policy_set *set = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    cache_plans = 24;
    for (size_t i = 0; i < medins_policy_set_count(set); i++) {
        const medins_policy *pol = medins_policy_set_at(set, i);
        check_agreement(pol, (int)(medins_policy_effective_from(pol) / 10000), 300);
    }
    cache_plans = MDN_BATCH_PLANS;
    medins_policy_set_free(set);
}
END_TEST

/*
 * More plans than the batch's cache holds (batch.c: 1,024): the pool is emptied and refilled
 * within the batch, and every claim still settles as alone. (The random batches above hold
 * more than its 48 profiles, so the profile table is emptied there.) Each set of special
 * groups is a profile of its own: 188 residents share 47 sets; each person's 20 claims go
 * through the kinds and levels in pairs, one at the family doctor's and one not, from a level
 * of their own, so the four persons of a set cover about 36 claim keys: some 1,700 plans.
 */
START_TEST(agrees_beyond_the_plan_cache)
{
    memset(&C, 0, sizeof C);
    size_t n = 0;
    const size_t np = 188;
    for (size_t i = 0; i < np; i++) {
        add_person(i, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW,
                   (uint32_t)(i % 47) * 7u);
        C.family_doctor[i] = 7;
        for (size_t j = 0; j < 20; j++, n++) {
            medins_claim_kind kind = (medins_claim_kind)((i + j / 2) % MEDINS_CLAIM_KIND_COUNT);
            medins_level level = kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY
                                                               : (medins_level)((i / 47 + j / 2) % 4);
            add_claim(n, (int32_t)i, kind, level, Y(300) + (int64_t)j * Y(97),
                      (medins_date)(20230201 + (int)(j / 2) * 100 + (int)(j % 2)));
            C.institution[n] = j % 2 ? 7 : 9;
        }
    }
    ck_assert_uint_le(n, MAXN);
    /* The kinds this policy does not cover fail alike in both; most claims settle. */
    ck_assert_uint_lt(compare_with_single(policy, np, n), n / 4);
}
END_TEST

/* Swaps claims a and b of C. */
static void swap_claims(size_t a, size_t b)
{
    int32_t i32;
    medins_date d;
    int64_t i64;
#define SWAP(col, t)                                                                               \
    (t = C.col[a], C.col[a] = C.col[b], C.col[b] = t)
    SWAP(person, i32);
    SWAP(kind, i32);
    SWAP(level, i32);
    SWAP(date, d);
    SWAP(institution, i64);
    SWAP(total, i64);
    SWAP(self_paid, i64);
    SWAP(category_b, i64);
#undef SWAP
}

/*
 * The batch works in chunks (batch.c): it checks a chunk's claims and finds their plans as if
 * the chunk's earlier claims had settled, then settles them. What breaks that assumption must
 * still give what one claim per call gives: a person whose claims come back later in a chunk,
 * dates out of order within a run, and a claim in the middle of a chunk that fails because a
 * year total of its ledger would overflow, after which the person's next claims count one
 * admission and one date fewer. A person's run longer than a chunk carries its admissions
 * across the chunks.
 */
START_TEST(agrees_in_any_order)
{
    memset(&C, 0, sizeof C);
    const size_t np = 300;
    size_t n = random_batch(np, 2023);
    for (size_t t = 0; t < n / 10; t++) {
        /* Mostly near each other: within a chunk, where the first pass has to notice. */
        size_t a = (size_t)rand_below((int64_t)n), b = a + (size_t)rand_below(40);
        swap_claims(a, b < n ? b : n - 1);
    }
    /* Ledgers near the limit: the major-disease layer's base of every 7th person, the
     * inpatient position of every 11th. Their larger claims overflow. */
    for (size_t i = 0; i < np; i += 7)
        C.ledgers[i].major_base = MEDINS_FEN_MAX - Y(30000);
    for (size_t i = 3; i < np; i += 11)
        C.ledgers[i].position[MEDINS_POOL_INPATIENT] = MEDINS_FEN_MAX - Y(60000);
    /* One more person, with a run of 1,000 claims, a fifth of them admissions. */
    const size_t long_run = 1000, first = n;
    ck_assert_uint_le(n + long_run, MAXN);
    add_person(np, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    for (size_t j = 0; j < long_run; j++, n++) {
        const bool inpatient = j % 5 == 0;
        add_claim(n, (int32_t)np, inpatient ? MEDINS_CLAIM_INPATIENT : MEDINS_CLAIM_OUTPATIENT,
                  (medins_level)(1 + j % 3), inpatient ? Y(900) + (int64_t)j : Y(40),
                  (medins_date)(20231201 + (int)(j / 40)));
    }
    compare_with_single(policy, np + 1, n);
    size_t overflow = 0, order = 0;
    for (size_t i = 0; i < n; i++) {
        overflow += C.status[i] == MEDINS_ERR_OVERFLOW;
        order += C.status[i] == MEDINS_ERR_ORDER;
    }
    ck_assert_uint_gt(overflow, 0);
    ck_assert_uint_gt(order, 0);
    for (size_t i = first; i < n; i++)
        ck_assert_int_eq(C.status[i], 0);
    ck_assert_int_eq(C.ledgers[np].admissions, (int32_t)(long_run / 5));
}
END_TEST

/*
 * The same batch with each set of output columns. The second pass has a copy for every
 * column, one for the split of the total (fund, the two layers, the patient) with the status,
 * and one that tests for each column. Every column given must hold what the run with every
 * column wrote, and the ledgers must end the same. Some claims fail in the first pass
 * (invalid) and some in the second (the ledger of every 7th person overflows), so that each
 * copy also writes a failure.
 */
START_TEST(output_column_sets)
{
    enum { NP = 300, COLS = 10, STATUS = 1 << COLS };
    static medins_ledger start[NP], ledgers_all[NP];
    static medins_fen got[COLS][MAXN];
    static int32_t got_status[MAXN];
    memset(&C, 0, sizeof C);
    const size_t n = random_batch(NP, 2023);
    for (size_t i = 0; i < NP; i += 7)
        C.ledgers[i].major_base = MEDINS_FEN_MAX - Y(30000);
    memcpy(start, C.ledgers, sizeof start);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, NP, n, &p, &k, &o);
    size_t failed_all = 0;
    ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &o, &failed_all, NULL),
                     MEDINS_ERR_BATCH);
    size_t overflow = 0;
    for (size_t i = 0; i < n; i++)
        overflow += C.status[i] == MEDINS_ERR_OVERFLOW;
    ck_assert_uint_gt(overflow, 0);
    ck_assert_uint_gt(failed_all, overflow);
    memcpy(ledgers_all, C.ledgers, sizeof ledgers_all);
    /* In medins_batch_out's order. */
    const medins_fen *all[COLS] = {C.fund, C.major, C.assist, C.patient, C.ded, C.coins, C.over,
                                   C.account, C.supp, C.account_first};

    /* Bit c: output column c; STATUS: the status. With and without the stages' columns (bits
     * 8 and 9, zeros under this policy). */
    static const unsigned sets[] = {
        STATUS | 0x3ff, STATUS | 0xff, STATUS | 0x10f, STATUS | 0x0f, 0x0f, STATUS | 0x07,
        STATUS | 0x1f, 0xff, 0xf0, 0x01, 0x300, STATUS | 0x200, STATUS, 0,
    };
    for (size_t t = 0; t < sizeof sets / sizeof sets[0]; t++) {
        const unsigned set = sets[t];
        medins_fen *col[COLS];
        for (int c = 0; c < COLS; c++) {
            for (size_t i = 0; i < n; i++)
                got[c][i] = -7;
            col[c] = set & 1u << c ? got[c] : NULL;
        }
        for (size_t i = 0; i < n; i++)
            got_status[i] = 7;
        medins_batch_out os = {.version = MEDINS_BATCH_OUT_VERSION,
                               .fund = col[0], .major_disease = col[1], .assistance = col[2],
                               .patient = col[3], .deductible = col[4], .coinsurance = col[5],
                               .over_cap = col[6], .account = col[7],
                               .status = set & STATUS ? got_status : NULL,
                               .supplementary = col[8], .account_first = col[9]};
        memcpy(C.ledgers, start, sizeof start);
        size_t failed = 0;
        ck_assert_int_eq(medins_batch_settle(policy, &p, &k, C.ledgers, &os, &failed, NULL),
                         MEDINS_ERR_BATCH);
        ck_assert_uint_eq(failed, failed_all);
        for (int c = 0; c < COLS; c++)
            if (set & 1u << c)
                ck_assert_msg(memcmp(got[c], all[c], n * sizeof got[c][0]) == 0,
                              "columns %#x: column %d differs", set, c);
        if (set & STATUS)
            ck_assert_msg(memcmp(got_status, C.status, n * sizeof got_status[0]) == 0,
                          "columns %#x: the status differs", set);
        ck_assert_msg(memcmp(C.ledgers, ledgers_all, sizeof ledgers_all) == 0,
                      "columns %#x: the ledgers differ", set);
    }
}
END_TEST

/*
 * Ratio rows longer than a batch plan holds (tests/data/settle/segments.yaml): inpatient rows
 * of five segments (the batch reads the row) and of four (the plan holds them), adjustments
 * that take a segment above 100% and below 0% (clamped), a major-disease layer of five. The
 * random inpatient claims go up to 400,000 yuan, so runs cross several bounds in one claim and
 * start claims in later segments.
 */
/* check_agreement under the test policy file `rel` (tests/data/...), for np persons. */
static void check_agreement_under(const char *rel, size_t np)
{
    char path[1024];
    medins_policy *pol = NULL;
    medins_test_path(path, sizeof path, rel);
    ck_assert_msg(medins_policy_load_file(&pol, path, NULL, NULL, NULL) == 0, "%s", rel);
    check_agreement(pol, 2023, np);
    medins_policy_free(pol);
}

START_TEST(agrees_with_single_long_rows)
{
    check_agreement_under("data/settle/segments.yaml", 300);
}
END_TEST

/* Bounds on the year's cost with the deductibles, and on the fund's payment
 * (tests/data/settle/cost-bands.yaml's segment_basis). */
START_TEST(agrees_with_single_segment_bases)
{
    check_agreement_under("data/settle/cost-bands.yaml", 300);
}
END_TEST

/* Supplementary funds above the maximum and after a payment
 * (tests/data/settle/supplementary.yaml). */
START_TEST(agrees_with_single_supplementary)
{
    check_agreement_under("data/settle/supplementary.yaml", 300);
}
END_TEST

/* Maximums of a claim and ceilings on the year's deductibles (tests/data/settle/visits.yaml). */
START_TEST(agrees_with_single_visit_limits)
{
    check_agreement_under("data/settle/visits.yaml", 300);
}
END_TEST

/* Daily maximums (tests/data/settle/day-cap.yaml), with a third of a person's claims on the
 * day of the one before: several claims share a day's maximum. */
START_TEST(agrees_with_single_day_cap)
{
    day_gap = 3;
    check_agreement_under("data/settle/day-cap.yaml", 300);
    day_gap = 40;
}
END_TEST

/* A maximum per bed-day (tests/data/settle/bed-day-cap.yaml) over a days column: inpatient
 * claims at level 3, which a row matches, settle with their days (alone), fail without them
 * and beyond 366 as they do alone, with the same error; the others settle with the same
 * figures. */
START_TEST(agrees_with_single_bed_day_cap)
{
    char path[1024];
    medins_policy *pol = NULL;
    medins_test_path(path, sizeof path, "data/settle/bed-day-cap.yaml");
    ck_assert_int_eq(medins_policy_load_file(&pol, path, NULL, NULL, NULL), 0);
    with_days = true;
    check_agreement(pol, 2023, 300);
    with_days = false;
    size_t missing = 0, beyond = 0, held = 0;
    for (size_t i = 0; i < MAXN; i++) {
        const bool bed = C.kind[i] == MEDINS_CLAIM_INPATIENT && C.level[i] == MEDINS_LEVEL_3;
        missing += bed && C.days[i] == 0 && C.status[i] == MEDINS_ERR_CLAIM;
        beyond += C.days[i] > 366 && C.status[i] == MEDINS_ERR_CLAIM;
        held += bed && C.status[i] == 0 && C.over[i] > 0 && C.fund[i] == Y(800) * C.days[i];
    }
    ck_assert_uint_gt(missing, 0);
    ck_assert_uint_gt(beyond, 0);
    ck_assert_uint_gt(held, 0);
    medins_policy_free(pol);
}
END_TEST

/* Admissions by their number (tests/data/settle/admissions.yaml). */
START_TEST(agrees_with_single_admissions)
{
    check_agreement_under("data/settle/admissions.yaml", 300);
}
END_TEST

/* The account first (tests/data/settle/account-first.yaml). */
START_TEST(agrees_with_single_account_first)
{
    check_agreement_under("data/settle/account-first.yaml", 300);
}
END_TEST

/*
 * A benefit year from 1 July, with amounts that are shares of reference figures
 * (tests/data/regions/midyear.yaml): random claims of 2024 from ledgers of the year 2023
 * (2023-07-01 to 2024-06-30). Those of January to June are of the ledger's year (the batch
 * settles them alone, the ledger's calendar year being 2023), those from July are refused
 * (MEDINS_ERR_LEDGER_YEAR), the same as one by one; both kinds are there.
 */
START_TEST(agrees_with_single_july_year)
{
    char path[1024];
    medins_policy *pol = NULL;
    medins_test_path(path, sizeof path, "data/regions/midyear.yaml");
    ck_assert_int_eq(medins_policy_load_file(&pol, path, NULL, NULL, NULL), 0);
    memset(&C, 0, sizeof C);
    const size_t np = 300, n = random_batch(np, 2024);
    for (size_t i = 0; i < np; i++)
        C.ledgers[i].year = 2023;
    compare_with_single(pol, np, n);
    size_t settled = 0, next_year = 0;
    for (size_t i = 0; i < n; i++) {
        settled += C.status[i] == 0;
        next_year += C.status[i] == MEDINS_ERR_LEDGER_YEAR;
    }
    ck_assert_uint_gt(settled, n / 10);
    ck_assert_uint_gt(next_year, n / 10);
    medins_policy_free(pol);
}
END_TEST

/*
 * A table longer than the rows an index covers (64): its age bounds split profiles all the
 * same. The outpatient deductible has 70 rows that match no ledger of 2023 (at least 1000
 * thrifty years) before the retirees' bands: under 70, 700; else 600; others 800. A retiree
 * born 1940-01-01 (83 on 2023-03-01) pays 600 of a 1000 yuan claim as deductible, one born
 * 1980-01-01 (43) 700, in one batch as alone; the random batches agree too.
 */
START_TEST(agrees_with_single_long_tables)
{
    char yaml[16384];
    size_t len = (size_t)snprintf(yaml, sizeof yaml,
        "format: 1\nregion: testland\ntitle: t\nschemes: [employee, resident]\n"
        "effective: {from: 2022-01-01, to: 2024-12-31}\n"
        "sources: [{id: test, title: T, kind: third-party}]\ncite: \"test: long tables\"\n"
        "outpatient:\n  deductible:\n");
    for (int i = 0; i < 70; i++)
        len += (size_t)snprintf(yaml + len, sizeof yaml - len,
                                "    - {thrifty_years: %d, amount: 1}\n", 1000 + i);
    len += (size_t)snprintf(yaml + len, sizeof yaml - len,
        "    - {category: retired, age_max: 70, amount: 700}\n"
        "    - {category: retired, amount: 600}\n"
        "    - {amount: 800}\n"
        "  ratio: [{ratio: 60%%}]\n"
        "pharmacy: {ratio: [{ratio: 70%%}]}\n");
    ck_assert_uint_lt(len, sizeof yaml);
    medins_policy *pol = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_policy_load_string(&pol, "long.yaml", yaml, len, NULL, NULL, &err) == 0,
                  "long.yaml: %s", err ? medins_error_message(err) : "");
    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_RETIRED, MEDINS_TIER_NONE, 0);
    add_person(1, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_RETIRED, MEDINS_TIER_NONE, 0);
    C.birth[0] = 19400101;
    add_claim(0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230301);
    add_claim(1, 1, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230301);
    ck_assert_uint_eq(compare_with_single(pol, 2, 2), 0);
    ck_assert_int_eq(C.ded[0], Y(600));
    ck_assert_int_eq(C.ded[1], Y(700));
    check_agreement(pol, 2023, 300);
    medins_policy_free(pol);
}
END_TEST

/*
 * Age bands in every kind of table (tests/data/settle/age-everywhere.yaml): random persons,
 * a twentieth without a birth date and some born during the year of their claims, get the
 * refusals one claim per call gives (compare_with_single: the same code and message), and
 * there are such refusals.
 */
START_TEST(agrees_with_single_age_everywhere)
{
    check_agreement_under("data/settle/age-everywhere.yaml", 600);
    size_t refused = 0, n = 0;
    for (size_t i = 0; i < MAXN && C.date[i]; i++, n++) {
        const medins_date birth = C.birth[C.person[i]];
        refused += C.status[i] == MEDINS_ERR_PERSON && (birth == 0 || birth > C.date[i]);
    }
    ck_assert_uint_gt(refused, 0);
    ck_assert_uint_lt(refused, n / 4);
}
END_TEST

/* The window of dates (mdn_profile_age_window) of the profile under `pol` of a retired
 * employee born on `birth`, on `date`. */
static void age_window_on(const medins_policy *pol, medins_date birth, medins_date date,
                          medins_date *from, medins_date *until)
{
    const medins_person person = {.version = MEDINS_PERSON_VERSION,
                                  .scheme = MEDINS_SCHEME_EMPLOYEE,
                                  .category = MEDINS_CATEGORY_RETIRED, .tier = MEDINS_TIER_NONE,
                                  .birth_date = birth, .groups = 0, .family_doctor = 0};
    medins_ledger ledger;
    medins_ledger_init(&ledger, date / 10000);
    mdn_profile prof;
    ck_assert(mdn_profile_of(&prof, pol, &person, birth ? medins_age_on(birth, date) : -1,
                             &ledger));
    mdn_profile_age_window(pol, birth, prof.age, from, until);
}

/*
 * The dates on which a person keeps their profile age. basic.yaml's only age bound is 70 (the
 * retirees' outpatient deductible, age_max: 70), so a window runs from birth to the 70th
 * birthday, or from it on. bands.yaml's bounds are 5, 10, ..., 60 (written from 60 down).
 * ages.yaml has 18 bounds, more than a profile keeps apart, so each age is its own window,
 * birthday to birthday. An unknown age holds without a birth date for good, and before the
 * birth date until it.
 */
START_TEST(age_windows)
{
    static const struct {
        const char *file;              /* NULL: basic.yaml, the suite's policy */
        medins_date birth, on, from, until;
    } cases[] = {
        /* 59: below 70 from birth to the 70th birthday, 15 May 2033 */
        {NULL, 19630515, 20230101, 19630515, 20330515},
        /* 69: the window ends at the 70th birthday, 15 May 2023 */
        {NULL, 19530515, 20230101, 19530515, 20230515},
        /* 73: from the 70th birthday on, for good */
        {NULL, 19500101, 20230601, 20200101, INT32_MAX},
        /* 69 in June 2025, born 29 February: 2026 has no 29 February, so the 70th birthday
         * falls to 1 March (medins_age_on, checked below), and the window's end, 20260229,
         * lies between 28 February and 1 March */
        {NULL, 19560229, 20250601, 19560229, 20260229},
        /* unknown ages */
        {NULL, 0, 20230101, 0, INT32_MAX},
        {NULL, 20240101, 20230101, 0, 20240101},
        /* 42: from the 40th birthday to the 45th */
        {"data/settle/bands.yaml", 19800515, 20230101, 20200515, 20250515},
        /* 72: above the highest bound, 60, from the 60th birthday on */
        {"data/settle/bands.yaml", 19500301, 20230101, 20100301, INT32_MAX},
        /* 2: below the lowest, 5, from birth to the 5th birthday */
        {"data/settle/bands.yaml", 20200301, 20230101, 20200301, 20250301},
        /* 42 with exact ages: from the 42nd birthday to the 43rd */
        {"data/settle/ages.yaml", 19800515, 20230101, 20220515, 20230515},
    };
    ck_assert_int_eq(medins_age_on(19560229, 20260228), 69);
    ck_assert_int_eq(medins_age_on(19560229, 20260301), 70);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        medins_policy *own = NULL;
        if (cases[i].file) {
            char path[1024];
            medins_test_path(path, sizeof path, cases[i].file);
            ck_assert_int_eq(medins_policy_load_file(&own, path, NULL, NULL, NULL), 0);
        }
        medins_date from, until;
        age_window_on(own ? own : policy, cases[i].birth, cases[i].on, &from, &until);
        ck_assert_msg(from == cases[i].from && until == cases[i].until,
                      "case %zu: [%d, %d), expected [%d, %d)", i, (int)from, (int)until,
                      (int)cases[i].from, (int)cases[i].until);
        medins_policy_free(own);
    }
}
END_TEST

/* Persons of every age, half of them turning 60 or 70 and a fifth of the others reaching a
 * multiple of 5 during the year (random_batch), under 12 and 18 age bands of the outpatient
 * deductible (tests/data/settle/bands.yaml and ages.yaml; with 18 the batch compares exact
 * ages): a run's deductible changes at each such birthday. */
START_TEST(agrees_with_single_many_age_bands)
{
    check_agreement_under("data/settle/bands.yaml", 300);
    check_agreement_under("data/settle/ages.yaml", 300);
}
END_TEST

/* ---- Policy set: each claim uses the policy in force on its date --------------------------- */

START_TEST(by_date_from_set)
{
    char path[1024];
    medins_policy_set *set = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_new(&set, NULL), 0);
    medins_test_path(path, sizeof path, "data/settle/basic.yaml");
    int rc = medins_policy_set_add_file(set, path, "testland/basic", NULL, &err);
    ck_assert_msg(rc == 0, "add_file: %s", err ? medins_error_message(err) : "?");

    memset(&C, 0, sizeof C);
    add_person(0, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, 0);
    add_claim(0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_3, Y(500), 20230301);
    add_claim(1, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230302);
    add_claim(2, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20250302);
    medins_batch_persons p;
    medins_batch_claims k;
    medins_batch_out o;
    views(&C, 1, 3, &p, &k, &o);
    size_t failed = 0;
    rc = medins_batch_settle_set(set, "testland", &p, &k, C.ledgers, &o, &failed, NULL);
    ck_assert_int_eq(rc, MEDINS_ERR_BATCH);
    ck_assert_uint_eq(failed, 1);
    ck_assert_int_eq(C.fund[1], Y(420));          /* as in hand_worked */
    ck_assert_int_eq(C.status[2], MEDINS_ERR_NO_POLICY);
    medins_policy_set_free(set);
}
END_TEST

/*
 * The same with the embedded set: half the persons' ledgers and claims in 2022, half in 2023,
 * their runs shuffled together, so that the chunks' policy changes from one person to the
 * next, and each claim settles as it does alone under the policy in force on its date.
 */
START_TEST(agrees_by_date_from_set)
{
    medins_policy_set *set = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    memset(&C, 0, sizeof C);
    const size_t np = 300;
    const size_t n = random_batch(np, 2023);
    for (size_t i = 0; i < n; i++)
        if (C.person[i] % 2)
            C.date[i] -= 10000;     /* random_batch's days exist in every year */
    for (size_t i = 1; i < np; i += 2)
        C.ledgers[i].year = 2022;
    for (size_t t = 0; t < n / 10; t++) {
        const size_t a = (size_t)rand_below((int64_t)n), b = a + (size_t)rand_below(40);
        swap_claims(a, b < n ? b : n - 1);
    }
    compare_with_single_in(NULL, set, "tianjin", np, n);
    /* Many claims fail (kinds Tianjin does not cover, dates the shuffle put out of order), but
     * each year has plenty that settled. */
    size_t settled[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        settled[C.date[i] >= 20230101] += C.status[i] == 0;
    ck_assert_uint_gt(settled[0], n / 8);
    ck_assert_uint_gt(settled[1], n / 8);
    medins_policy_set_free(set);
}
END_TEST

static Suite *batch_suite(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("batch");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, hand_worked);
    tcase_add_test(tc, argument_errors);
    tcase_add_test(tc, each_failure_worded_as_alone);
    tcase_add_test(tc, errors_object);
    tcase_add_test(tc, overflow_in_a_chunk);
    tcase_add_test(tc, near_the_limit);
    tcase_add_test(tc, agrees_with_single);
    tcase_add_test(tc, agrees_with_single_shipped);
    tcase_add_test(tc, extreme_amounts);
    tcase_add_test(tc, plain_test_matches_full_check);
    tcase_add_test(tc, person_plain_matches_full_check);
    tcase_add_test(tc, ledger_plain_matches_full_check);
    tcase_add_test(tc, agrees_without_plan_cache);
    tcase_add_test(tc, agrees_beyond_the_plan_cache);
    tcase_add_test(tc, agrees_in_any_order);
    tcase_add_test(tc, output_column_sets);
    tcase_add_test(tc, agrees_with_a_small_plan_cache);
    tcase_add_test(tc, agrees_with_single_long_rows);
    tcase_add_test(tc, agrees_with_single_july_year);
    tcase_add_test(tc, agrees_with_single_segment_bases);
    tcase_add_test(tc, agrees_with_single_supplementary);
    tcase_add_test(tc, agrees_with_single_visit_limits);
    tcase_add_test(tc, agrees_with_single_day_cap);
    tcase_add_test(tc, agrees_with_single_bed_day_cap);
    tcase_add_test(tc, agrees_with_single_account_first);
    tcase_add_test(tc, agrees_with_single_admissions);
    tcase_add_test(tc, agrees_with_single_long_tables);
    tcase_add_test(tc, agrees_with_single_age_everywhere);
    tcase_add_test(tc, age_windows);
    tcase_add_test(tc, agrees_with_single_many_age_bands);
    tcase_add_test(tc, by_date_from_set);
    tcase_add_test(tc, agrees_by_date_from_set);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(batch_suite)
