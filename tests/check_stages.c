/*
 * Stages of a settlement that policies of other cities write: cost segments whose bounds are
 * on another running amount (segment_basis), on test policies that mirror such cities'
 * structures. Every expected figure is worked by hand in the comment above its test.
 */
#include <stdio.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

/* Settle one claim of `kind` at `level` on `date` for an employee in service (the ledger is
 * updated); the test fails with the library's message when it does not settle. */
static medins_result *settle(const medins_policy *p, medins_ledger *l, medins_claim_kind kind,
                             medins_level level, medins_fen total, medins_date date)
{
    medins_person person;
    medins_claim claim;
    medins_result *r = NULL;
    medins_error *err = NULL;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_claim_init(&claim);
    claim.kind = kind;
    claim.level = level;
    claim.total = total;
    claim.date = date;
    int rc = medins_settle(&r, p, &person, &claim, l, &err);
    ck_assert_msg(rc == 0, "settle: %s", err ? medins_error_message(err) : "?");
    return r;
}

/* A policy from text, or the load's error (code, message, line, column) checked. */
static void load_fails(const char *yaml, int code, const char *says, unsigned line,
                       unsigned column)
{
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&p, "bad.yaml", yaml, strlen(yaml), NULL, NULL, &err);
    ck_assert_int_eq(rc, code);
    ck_assert_ptr_null(p);
    ck_assert_msg(strstr(medins_error_message(err), says), "message: %s",
                  medins_error_message(err));
    ck_assert_str_eq(medins_error_file(err), "bad.yaml");
    ck_assert_uint_eq(medins_error_line(err), line);
    ck_assert_uint_eq(medins_error_column(err), column);
    medins_error_free(err);
}

#define HEAD "format: 1\nregion: testland\ntitle: t\nschemes: [employee]\n"                \
             "effective: {from: 2023-01-01, to: 2023-12-31}\n"                               \
             "sources: [{id: t, title: T, kind: third-party}]\ncite: \"t: test\"\n"

/* ---- segment_basis ------------------------------------------------------------------------ */

/*
 * tests/data/settle/cost-bands.yaml, inpatient: deductible 1300 on the first admission, 650 on
 * later ones; bands on the year's in-scope cost, deductibles included: 0-30000 85%,
 * 30000-40000 90%, above 95%.
 *
 * First admission, 20000: deductible 1300; the rest, 18700, lies at 1300-20000 of the year's
 * cost, all at 85%: fund 15895, coinsurance 2805, patient 1300 + 2805 = 4105.
 * Second admission, 20000: deductible 650; the year's cost so far is 1300 + 18700 = 20000,
 * plus this deductible 20650; the rest, 19350, lies at 20650-40000: 9350 x 85% = 7947.50 and
 * 10000 x 90% = 9000: fund 16947.50, coinsurance 1402.50 + 1000 = 2402.50, patient
 * 650 + 2402.50 = 3052.50. (Bands above the deductibles would put it at 18700-38050: 11300 x
 * 85% + 8050 x 90% = 16850, 97.50 less.)
 */
START_TEST(bands_on_cost)
{
    medins_policy *p = medins_test_load("data/settle/cost-bands.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(1300));
    ck_assert_int_eq(s->fund, Y(15895));
    ck_assert_int_eq(s->coinsurance, Y(2805));
    ck_assert_int_eq(s->patient, Y(4105));
    medins_result_free(r);
    r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000), 20230401);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(650));
    ck_assert_int_eq(s->fund, 1694750);
    ck_assert_int_eq(s->coinsurance, 240250);
    ck_assert_int_eq(s->patient, 305250);
    /* The steps: the first band's piece and the second's, each on the year's cost. */
    char text[512];
    size_t seg = 0;
    for (size_t i = 0; i < medins_result_step_count(r); i++) {
        const medins_step *st = medins_result_step(r, i);
        if (st->kind != MEDINS_STEP_SEGMENT)
            continue;
        ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, i, MEDINS_LANG_EN),
                         0);
        ck_assert_msg(strstr(text, "of the year's in-scope cost"), "%s", text);
        ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, i, MEDINS_LANG_ZH),
                         0);
        ck_assert_msg(strstr(text, "按年度累计医疗费用"), "%s", text);
        ck_assert_int_eq(st->base, seg == 0 ? Y(9350) : Y(10000));
        seg++;
    }
    ck_assert_uint_eq(seg, 2);
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * cost-bands.yaml, outpatient: deductible 1800 a year; bands on what the fund has paid this
 * year: until it has paid 2000, 50%; then 30%; cap 20000.
 *
 * 3000: deductible 1800; 1200 x 50% = 600 (the fund is at 600, below 2000); patient 2400.
 * 5000: no deductible left; the fund has 1400 to pay before 2000. The least cost whose 50%
 * share, rounded half-up, reaches 1400.00 is 2799.99 (x 50% = 1399.995, rounded 1400.00;
 * 2799.98 gives 1399.99): fund 1400, coinsurance 1399.99. The rest, 2200.01 x 30% = 660.003,
 * is 660.00: coinsurance 1540.01. Fund 2060, coinsurance 2940, patient 2940. The fund is then
 * at 2660: a third claim of 1000 is paid at 30% alone: 300.
 */
START_TEST(bands_on_fund)
{
    medins_policy *p = medins_test_load("data/settle/cost-bands.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(3000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(1800));
    ck_assert_int_eq(s->fund, Y(600));
    ck_assert_int_eq(s->patient, Y(2400));
    medins_result_free(r);
    r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(5000), 20230302);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, 0);
    ck_assert_int_eq(s->fund, Y(2060));
    ck_assert_int_eq(s->coinsurance, Y(2940));
    ck_assert_int_eq(s->patient, Y(2940));
    ck_assert_int_eq(s->ratio, 5000);
    size_t seg = 0;
    char text[512];
    for (size_t i = 0; i < medins_result_step_count(r); i++) {
        const medins_step *st = medins_result_step(r, i);
        if (st->kind != MEDINS_STEP_SEGMENT)
            continue;
        ck_assert_int_eq(st->base, seg == 0 ? 279999 : 220001);
        ck_assert_int_eq(st->amount, seg == 0 ? Y(1400) : Y(660));
        ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, i, MEDINS_LANG_EN),
                         0);
        ck_assert_msg(strstr(text, "of the fund's payments this year"), "%s", text);
        seg++;
    }
    ck_assert_uint_eq(seg, 2);
    ck_assert_int_eq(l.fund[MEDINS_POOL_OUTPATIENT], Y(2660));
    medins_result_free(r);
    r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230303);
    ck_assert_int_eq(medins_result_settlement(r)->fund, Y(300));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * Bands on the fund's payment up to the annual maximum: fund bands 0-2000 100%, then 50%;
 * cap 2500. A claim of 4000 with no deductible: 2000 x 100% = 2000 reaches the first bound;
 * the rest, 2000 x 50% = 1000, of which the maximum leaves 500: fund 2500, over cap 500,
 * coinsurance 1000, patient 1500.
 */
START_TEST(fund_bands_and_the_maximum)
{
    static const char yaml[] = HEAD
        "outpatient:\n  segment_basis: fund\n"
        "  ratio: [{segments: [{from: 0, to: 2000, ratio: 100%}, {from: 2000, ratio: 50%}]}]\n"
        "  cap: [{amount: 2500}]\n";
    medins_policy *p = NULL;
    ck_assert_int_eq(medins_policy_load_string(&p, "f.yaml", yaml, strlen(yaml), NULL, NULL,
                                               NULL), 0);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(4000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(2500));
    ck_assert_int_eq(s->over_cap, Y(500));
    ck_assert_int_eq(s->coinsurance, Y(1000));
    ck_assert_int_eq(s->patient, Y(1500));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/* An unknown basis is refused at the word, with the words allowed. */
START_TEST(segment_basis_errors)
{
    load_fails(HEAD "inpatient:\n  segment_basis: payment\n  ratio: [{ratio: 80%}]\n",
               MEDINS_ERR_TYPE, "above_deductible", 9, 18);
}
END_TEST

static Suite *stages_suite(void)
{
    Suite *s = suite_create("stages");
    TCase *tc = tcase_create("segment_basis");
    tcase_add_test(tc, bands_on_cost);
    tcase_add_test(tc, bands_on_fund);
    tcase_add_test(tc, fund_bands_and_the_maximum);
    tcase_add_test(tc, segment_basis_errors);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(stages_suite)
