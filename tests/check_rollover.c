/*
 * A batch over claims spanning years (medins_batch_options.close_years): each person's ledger
 * is closed into the claim's year with the policy in force on the last day of each year
 * closed, as a caller settling the claims one by one closes it (medins_ledger_close_year); the
 * closing is part of the claim, and a claim that fails leaves its ledger as it was.
 */
#include "runner.h"

static medins_policy_set *g_set;

static void setup(void)
{
    ck_assert_int_eq(medins_policy_set_open_embedded(&g_set, NULL), 0);
}

static void teardown(void)
{
    medins_policy_set_free(g_set);
}

static const medins_policy *in_force(medins_date date)
{
    const medins_policy *p = NULL;
    ck_assert_int_eq(medins_policy_set_lookup(&p, g_set, "tianjin", date, NULL), 0);
    return p;
}

/* One employee in service, born 1980, and up to 4 outpatient claims at level 2, with their
 * outputs; the batch through the set (policy NULL) or one policy. */
typedef struct run {
    size_t n;
    medins_date date[4];
    medins_fen total[4];
    int32_t status[4];
    medins_fen fund[4], deductible[4];
    medins_ledger ledger;
    size_t failed;
    medins_batch_errors *errors;
} run;

static int settle(run *r, const medins_policy *policy, int close_years, unsigned version)
{
    int32_t scheme = MEDINS_SCHEME_EMPLOYEE, category = MEDINS_CATEGORY_IN_SERVICE,
            tier = MEDINS_TIER_NONE, person[4] = {0, 0, 0, 0};
    int32_t kind[4] = {0, 0, 0, 0}, level[4] = {2, 2, 2, 2};
    medins_date birth = 19800101;
    medins_batch_persons bp = MEDINS_BATCH_PERSONS_INIT;
    bp.n = 1;
    bp.scheme = &scheme;
    bp.category = &category;
    bp.tier = &tier;
    bp.birth_date = &birth;
    const medins_batch_claims bc =
        medins_test_batch_claims(r->n, person, r->date, kind, level, r->total);
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.fund = r->fund;
    bo.deductible = r->deductible;
    bo.status = r->status;
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    opts.version = version;
    opts.close_years = close_years;
    ck_assert_int_eq(medins_batch_errors_new(&r->errors), 0);
    opts.errors = r->errors;
    return policy ? medins_batch_settle_ex(policy, &bp, &bc, &r->ledger, &bo, &opts, &r->failed,
                                           NULL)
                  : medins_batch_settle_set_ex(g_set, "tianjin", &bp, &bc, &r->ledger, &bo, &opts,
                                               &r->failed, NULL);
}

/* The same claims one by one, each year closed by hand before its first claim: the ledger and
 * the figures a caller gets without the option. */
static void by_hand(const run *r, medins_ledger *ledger, medins_fen *fund)
{
    medins_person person = MEDINS_PERSON_INIT;
    person.birth_date = 19800101;
    for (size_t i = 0; i < r->n; i++) {
        while (ledger->year < r->date[i] / 10000)
            ck_assert_int_eq(medins_ledger_close_year(ledger, ledger,
                                                      in_force(ledger->year * 10000 + 1231),
                                                      &person, NULL), 0);
        medins_claim c = MEDINS_CLAIM_INIT;
        c.date = r->date[i];
        c.level = MEDINS_LEVEL_2;
        c.total = r->total[i];
        medins_result *res = NULL;
        ck_assert_int_eq(medins_settle(&res, in_force(c.date), &person, &c, ledger, NULL), 0);
        fund[i] = medins_result_settlement(res)->fund;
        medins_result_free(res);
    }
}

START_TEST(years_closed_through_the_set)
{
    /* 2021, 2022 (2021 closed with tianjin/2021), 2024 (2022 closed with tianjin/2022, 2023
     * with tianjin/2023, in force on its last day). */
    run r = {.n = 3, .date = {20210601, 20220301, 20240301}, .total = {Y(1000), Y(1000), Y(1000)}};
    medins_ledger_init(&r.ledger, 2021);
    ck_assert_int_eq(settle(&r, NULL, 1, MEDINS_BATCH_OPTIONS_VERSION), 0);
    medins_ledger want = MEDINS_LEDGER_INIT(2021);
    medins_fen fund[3];
    by_hand(&r, &want, fund);
    for (int i = 0; i < 3; i++)
        ck_assert_msg(r.status[i] == 0 && r.fund[i] == fund[i], "claim %d: status %d fund %lld, "
                      "by hand %lld", i, r.status[i], (long long)r.fund[i], (long long)fund[i]);
    ck_assert_int_eq(memcmp(&r.ledger, &want, sizeof want), 0);
    ck_assert_int_eq(r.ledger.year, 2024);
    /* 2021 and 2022 had outpatient costs of 1,000, above the employees' deductible of 800;
     * 2023 none: one thrifty year when 2023 closes (O3). 2024's deductible is met anew, 800
     * less the thrift reduction of 100 for one thrifty year = 700; the other 300 at level 2's
     * 65%: 195 to the fund. */
    ck_assert_int_eq(r.deductible[2], Y(700));
    ck_assert_int_eq(r.fund[2], Y(195));
    ck_assert_int_eq(r.ledger.thrifty_years, 1);
    ck_assert_int_eq(r.ledger.prior_known, 1);
    ck_assert_int_eq(r.ledger.prior_outpatient_costs, 0);
    medins_batch_errors_free(r.errors);
}
END_TEST

START_TEST(years_closed_with_one_policy)
{
    /* tianjin/2023 is in force from 2023 on, open-ended: it closes 2023 for a claim of 2024. */
    const medins_policy *p = in_force(20230601);
    run r = {.n = 2, .date = {20230601, 20240301}, .total = {Y(1000), Y(1000)}};
    medins_ledger_init(&r.ledger, 2023);
    ck_assert_int_eq(settle(&r, p, 1, MEDINS_BATCH_OPTIONS_VERSION), 0);
    medins_ledger want = MEDINS_LEDGER_INIT(2023);
    medins_fen fund[2];
    by_hand(&r, &want, fund);
    ck_assert_int_eq(memcmp(&r.ledger, &want, sizeof want), 0);
    ck_assert_int_eq(r.fund[1], fund[1]);
    medins_batch_errors_free(r.errors);
}
END_TEST

START_TEST(without_the_option_the_year_is_refused)
{
    /* The default, and options of version 1, which have no close_years (its 1 is not read). */
    const medins_policy *p = in_force(20230601);
    for (unsigned version = 1; version <= 2; version++) {
        run r = {.n = 2, .date = {20230601, 20240301}, .total = {Y(1000), Y(1000)}};
        medins_ledger_init(&r.ledger, 2023);
        ck_assert_int_eq(settle(&r, p, version == 1, version), MEDINS_ERR_BATCH);
        ck_assert_int_eq(r.status[0], 0);
        ck_assert_int_eq(r.status[1], MEDINS_ERR_LEDGER_YEAR);
        ck_assert_int_eq(r.ledger.year, 2023);
        ck_assert_uint_eq(r.ledger.seq, 1);
        medins_batch_errors_free(r.errors);
    }
}
END_TEST

START_TEST(a_year_that_cannot_be_closed)
{
    /* One policy, tianjin/2023, and a ledger of 2022: no policy to close 2022 with. The claim
     * fails with the closing's error; the ledger stays as it was. */
    const medins_policy *p = in_force(20230601);
    run r = {.n = 1, .date = {20230601}, .total = {Y(1000)}};
    medins_ledger_init(&r.ledger, 2022);
    const medins_ledger before = r.ledger;
    ck_assert_int_eq(settle(&r, p, 1, MEDINS_BATCH_OPTIONS_VERSION), MEDINS_ERR_BATCH);
    ck_assert_int_eq(r.status[0], MEDINS_ERR_DATE);
    ck_assert_str_eq(medins_error_message(medins_batch_errors_find(r.errors, 0)),
                     "the ledger's year 2022 cannot be closed: policy tianjin/2023 is not in "
                     "force on 20221231");
    ck_assert_int_eq(memcmp(&r.ledger, &before, sizeof before), 0);
    medins_batch_errors_free(r.errors);
}
END_TEST

START_TEST(a_claim_that_fails_leaves_the_year_open)
{
    /* The 2024 claim is refused (self-paid above its total... here a negative total): its
     * ledger is still 2023's, and the next 2024 claim closes 2023 itself. */
    const medins_policy *p = in_force(20230601);
    run r = {.n = 3, .date = {20230601, 20240301, 20240302}, .total = {Y(1000), -1, Y(1000)}};
    medins_ledger_init(&r.ledger, 2023);
    ck_assert_int_eq(settle(&r, p, 1, MEDINS_BATCH_OPTIONS_VERSION), MEDINS_ERR_BATCH);
    ck_assert_int_eq(r.status[1], MEDINS_ERR_CLAIM);
    ck_assert_int_eq(r.status[2], 0);
    ck_assert_int_eq(r.ledger.year, 2024);
    ck_assert_uint_eq(r.ledger.seq, 1);
    /* As if the refused claim were not there. */
    run alone = {.n = 2, .date = {20230601, 20240302}, .total = {Y(1000), Y(1000)}};
    medins_ledger want = MEDINS_LEDGER_INIT(2023);
    medins_fen fund[2];
    by_hand(&alone, &want, fund);
    ck_assert_int_eq(memcmp(&r.ledger, &want, sizeof want), 0);
    ck_assert_int_eq(r.fund[2], fund[1]);
    medins_batch_errors_free(r.errors);
}
END_TEST

static Suite *rollover_suite(void)
{
    Suite *s = suite_create("rollover");
    TCase *tc = tcase_create("close_years");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, years_closed_through_the_set);
    tcase_add_test(tc, years_closed_with_one_policy);
    tcase_add_test(tc, without_the_option_the_year_is_refused);
    tcase_add_test(tc, a_year_that_cannot_be_closed);
    tcase_add_test(tc, a_claim_that_fails_leaves_the_year_open);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(rollover_suite)
