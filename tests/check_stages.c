/*
 * Stages of a settlement that policies of other cities write: cost segments whose bounds are
 * on another running amount (segment_basis), supplementary funds (supplementary:), and the
 * limits of one claim, of a day, of a claim's bed-days and of the year's deductibles
 * (visit_cap, day_cap, bed_day_cap, deductible_cap), admissions by
 * their number, and the account paying first (account_first), on test policies that mirror
 * such cities' structures. Every expected figure is worked by hand in the
 * comment above its test.
 */
#include <stdio.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

/* One claim of an employee in service (medins_test_settle). */
static medins_result *settle(const medins_policy *p, medins_ledger *l, medins_claim_kind kind,
                             medins_level level, medins_fen total, medins_date date)
{
    return medins_test_settle(p, l, MEDINS_CATEGORY_IN_SERVICE, kind, level, total, date);
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

/* ---- supplementary ------------------------------------------------------------------------ */

/* The step of `kind` in r (the first), or NULL. */
static const medins_step *step_of(const medins_result *r, medins_step_kind kind, size_t *at)
{
    for (size_t i = 0; i < medins_result_step_count(r); i++)
        if (medins_result_step(r, i)->kind == kind) {
            if (at)
                *at = i;
            return medins_result_step(r, i);
        }
    return NULL;
}

/*
 * tests/data/settle/supplementary.yaml, inpatient: deductible 1300 first / 650 later; 85%;
 * the basic fund's maximum 100000; above it the large_amount fund pays 80% for employees in
 * service, up to 400000.
 *
 * First admission, 50000, the basic fund having paid 95000 this year: deductible 1300; the
 * rest, 48700 x 85% = 41395, of which the maximum leaves 5000: fund 5000, over cap 36395,
 * coinsurance 7305. The basic fund reaches its maximum at the least cost whose 85% share is
 * 5000.00: 5882.35 (x 85% = 4999.9975, rounded 5000.00; 5882.34 gives 4999.99). The
 * supplementary fund takes the rest, 48700 - 5882.35 = 42817.65, at 80%: 34254.12. The
 * burden, 50000 - 5000 - 34254.12 = 10745.88, is within the major-disease deductible (30000):
 * patient 10745.88.
 * Second admission, 20000: deductible 650; the basic fund is at its maximum: 19350 x 85% =
 * 16447.50 withheld, and the supplementary fund pays 19350 x 80% = 15480: patient 4520
 * (650 + 2902.50 coinsurance + 16447.50 over the maximum - 15480).
 */
START_TEST(supplementary_above_the_maximum)
{
    medins_policy *p = medins_test_load("data/settle/supplementary.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.fund[MEDINS_POOL_INPATIENT] = Y(95000);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(50000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(1300));
    ck_assert_int_eq(s->fund, Y(5000));
    ck_assert_int_eq(s->over_cap, Y(36395));
    ck_assert_int_eq(s->coinsurance, Y(7305));
    ck_assert_int_eq(s->supplementary, 3425412);
    ck_assert_int_eq(s->major_disease, 0);
    ck_assert_int_eq(s->patient, 1074588);
    ck_assert_int_eq(s->total, s->fund + s->supplementary + s->major_disease + s->assistance +
                               s->patient);
    size_t at;
    const medins_step *st = step_of(r, MEDINS_STEP_SUPPLEMENTARY_START, &at);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(100000));
    ck_assert_int_eq(st->base, 4281765);
    ck_assert_int_eq(st->arg[0], Y(95000));
    ck_assert_int_eq(st->arg[1], 1);
    char text[512];
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, MEDINS_LANG_EN), 0);
    ck_assert_str_eq(text, "The supplementary fund starts where the basic fund has paid 100000.00 "
                           "this year (its annual maximum) (paid before this claim 95000.00): it "
                           "takes 42817.65 of this claim's cost");
    st = step_of(r, MEDINS_STEP_SUPPLEMENTARY, &at);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->part, MEDINS_PART_SUPPLEMENTARY);
    ck_assert_int_eq(st->amount, 3425412);
    ck_assert_int_eq(st->ratio, 8000);
    ck_assert_str_eq(st->rule, "inpatient.supplementary.ratio");
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, MEDINS_LANG_ZH), 0);
    ck_assert_str_eq(text, "补充基金支付42817.65元的80%");
    ck_assert_int_eq(l.fund[MEDINS_POOL_INPATIENT], Y(100000));
    ck_assert_int_eq(l.supplementary[MEDINS_POOL_INPATIENT], 3425412);
    medins_result_free(r);

    r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000), 20230401);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(650));
    ck_assert_int_eq(s->fund, 0);
    ck_assert_int_eq(s->over_cap, 1644750);
    ck_assert_int_eq(s->supplementary, Y(15480));
    ck_assert_int_eq(s->patient, Y(4520));
    ck_assert_int_eq(l.supplementary[MEDINS_POOL_INPATIENT], 3425412 + Y(15480));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * The supplementary fund's own maximum, 400000: with 399000 paid this year and the basic fund
 * at its maximum, a later admission of 20000 (deductible 650) would get 19350 x 80% = 15480,
 * and gets 1000: patient 19000. Its maximum's step says it was reached.
 */
START_TEST(supplementary_maximum)
{
    medins_policy *p = medins_test_load("data/settle/supplementary.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.seq = 1;
    l.admissions = 1;
    l.last_date = 20230201;
    l.fund[MEDINS_POOL_INPATIENT] = Y(100000);
    l.supplementary[MEDINS_POOL_INPATIENT] = Y(399000);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->supplementary, Y(1000));
    ck_assert_int_eq(s->patient, Y(19000));
    const medins_step *st = step_of(r, MEDINS_STEP_SUPPLEMENTARY_CAP, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(400000));
    ck_assert_int_eq(st->base, Y(399000));
    ck_assert_int_eq(st->arg[0], 1);
    ck_assert_int_eq(l.supplementary[MEDINS_POOL_INPATIENT], Y(400000));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * supplementary.yaml, outpatient: deductible 1800; 50%; the basic fund's maximum 3000, but
 * the large_amount fund starts when the basic fund has paid 2000 this year, at 60%.
 * 8000: deductible 1800; 6200 x 50% = 3100, of which the basic fund pays up to 2000: over cap
 * 1100, coinsurance 3100. It reaches 2000 at the least cost whose 50% share is 2000.00:
 * 3999.99 (x 50% = 1999.995, rounded 2000.00). The rest, 2200.01 x 60% = 1320.006, is
 * 1320.01: patient 8000 - 2000 - 1320.01 = 4679.99. The fund's name and code are the
 * section's.
 * With the start at 5000, above the basic fund's maximum, the fund never starts: the basic
 * fund pays 3000 and the patient 5000.
 */
START_TEST(supplementary_after_a_payment)
{
    medins_policy *p = medins_test_load("data/settle/supplementary.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(8000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(2000));
    ck_assert_int_eq(s->over_cap, Y(1100));
    ck_assert_int_eq(s->supplementary, 132001);
    ck_assert_int_eq(s->patient, 467999);
    const medins_step *st = step_of(r, MEDINS_STEP_SUPPLEMENTARY_START, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(2000));
    ck_assert_int_eq(st->base, 220001);
    ck_assert_int_eq(st->arg[1], 0);
    ck_assert_str_eq(st->rule, "outpatient.supplementary.start");
    const char *fund = NULL, *code = NULL;
    ck_assert_int_eq(medins_policy_supplementary(p, MEDINS_CLAIM_OUTPATIENT, &fund, &code), 1);
    ck_assert_str_eq(fund, "large_amount");
    ck_assert_str_eq(code, "330100");
    ck_assert_int_eq(medins_policy_supplementary(p, MEDINS_CLAIM_PHARMACY, &fund, &code), 0);
    ck_assert_ptr_null(fund);
    ck_assert_ptr_null(code);
    medins_result_free(r);

    static const char overlay[] = "format: 1\nkind: reform\ntitle: t\n"
                                  "sources: [{id: t2, title: T, kind: third-party}]\n"
                                  "outpatient: {supplementary: {start: [{amount: 5000, "
                                  "cite: \"t2: start\"}]}}\n";
    medins_policy *q = NULL;
    ck_assert_int_eq(medins_policy_derive(&q, p, "o.yaml", overlay, strlen(overlay), NULL), 0);
    medins_ledger_init(&l, 2023);
    r = settle(q, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(8000), 20230301);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(3000));
    ck_assert_int_eq(s->supplementary, 0);
    ck_assert_int_eq(s->patient, Y(5000));
    ck_assert_ptr_null(step_of(r, MEDINS_STEP_SUPPLEMENTARY_START, NULL));
    medins_result_free(r);
    medins_policy_free(q);
    medins_policy_free(p);
}
END_TEST

/* What a supplementary fund must be, refused where it is written (line 10 is its first key). */
START_TEST(supplementary_errors)
{
#define SUPP(body) HEAD "outpatient:\n  ratio: [{ratio: 50%}]\n  supplementary:\n" body
    load_fails(SUPP("    fund: large_amount\n    fund_pay_type: \"33010\"\n"
                    "    ratio: [{ratio: 60%}]\n"),
               MEDINS_ERR_SYNTAX, "\"33010\" is not a fund_pay_type code (six digits)", 12, 20);
    load_fails(SUPP("    fund: large_amount\n    fund_pay_type: 33010x\n"
                    "    ratio: [{ratio: 60%}]\n"),
               MEDINS_ERR_SYNTAX, "is not a fund_pay_type code (six digits)", 12, 20);
    load_fails(SUPP("    fund: Large Amount\n    fund_pay_type: \"330100\"\n"
                    "    ratio: [{ratio: 60%}]\n"),
               MEDINS_ERR_TYPE, "\"Large Amount\" is not a fund's name (a-z, 0-9 and _)", 11, 11);
    load_fails(SUPP("    fund_pay_type: \"330100\"\n    ratio: [{ratio: 60%}]\n"),
               MEDINS_ERR_MISSING, "required key \"fund\" is missing", 11, 5);
    load_fails(SUPP("    fund: large_amount\n    fund_pay_type: \"330100\"\n"),
               MEDINS_ERR_MISSING, "required key \"ratio\" is missing", 11, 5);
    load_fails(SUPP("    fund: large_amount\n    fund_pay_type: \"330100\"\n"
                    "    ratio: [{segments: [{from: 0, to: 100, ratio: 60%}, "
                    "{from: 100, ratio: 70%}]}]\n"),
               MEDINS_ERR_SEGMENTS, "a supplementary fund pays one ratio", 13, 24);
    load_fails(SUPP("    fund: large_amount\n    fund_pay_type: \"330100\"\n"
                    "    ratio: [{ratio: 60%}]\n    threshold: 5\n"),
               MEDINS_ERR_UNKNOWN_KEY, "threshold", 14, 5);
#undef SUPP
}
END_TEST

/* ---- visit_cap, deductible_cap ------------------------------------------------------------ */

/* A pooling claim of `total` at level 1 for an employee of `category`. */
static medins_result *settle_pooling(const medins_policy *p, medins_ledger *l,
                                     medins_category category, medins_fen total)
{
    return medins_test_settle(p, l, category, MEDINS_CLAIM_POOLING, MEDINS_LEVEL_1, total,
                              20230301);
}

/*
 * tests/data/settle/visits.yaml, outpatient pooling: 50 a visit, at most 200 a year; 60%, at
 * most 100 a visit (retirees 150) and 1500 a year.
 *
 * 300 in service: deductible 50; 250 x 60% = 150, of which the visit's maximum pays 100: over
 * cap 50, coinsurance 100, patient 200.
 * 300 in service with 180 of deductibles borne: the ceiling leaves 20; 280 x 60% = 168, paid
 * 100: over cap 68, coinsurance 112, patient 200.
 * 300 retired: deductible 50; 250 x 60% = 150, within 150: fund 150, patient 150.
 * 300 in service with 1450 paid this year: the year's maximum leaves 50 (below the visit's
 * 100): fund 50, over cap 100, and the step names the annual maximum.
 */
START_TEST(visit_and_deductible_maximums)
{
    medins_policy *p = medins_test_load("data/settle/visits.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle_pooling(p, &l, MEDINS_CATEGORY_IN_SERVICE, Y(300));
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(50));
    ck_assert_int_eq(s->fund, Y(100));
    ck_assert_int_eq(s->over_cap, Y(50));
    ck_assert_int_eq(s->coinsurance, Y(100));
    ck_assert_int_eq(s->patient, Y(200));
    size_t at;
    const medins_step *st = step_of(r, MEDINS_STEP_VISIT_CAP, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(100));
    ck_assert_int_eq(st->arg[0], 1);
    st = step_of(r, MEDINS_STEP_OVER_CAP, &at);
    ck_assert_ptr_nonnull(st);
    ck_assert_str_eq(st->rule, "outpatient_pooling.visit_cap");
    char text[512];
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, MEDINS_LANG_EN), 0);
    ck_assert_str_eq(text, "Withheld by the maximum of a claim 100.00, paid by the patient: 50.00");
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, MEDINS_LANG_ZH), 0);
    ck_assert_str_eq(text, "超过单次最高支付限额100.00元的部分由个人负担：50.00元");
    medins_result_free(r);

    medins_ledger_init(&l, 2023);
    l.deductible[MEDINS_POOL_POOLING] = Y(180);
    r = settle_pooling(p, &l, MEDINS_CATEGORY_IN_SERVICE, Y(300));
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(20));
    ck_assert_int_eq(s->fund, Y(100));
    ck_assert_int_eq(s->over_cap, Y(68));
    ck_assert_int_eq(s->coinsurance, Y(112));
    ck_assert_int_eq(s->patient, Y(200));
    st = step_of(r, MEDINS_STEP_DEDUCTIBLE_CAP, &at);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(200));
    ck_assert_int_eq(st->base, Y(180));
    ck_assert_int_eq(st->arg[0], 1);
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, MEDINS_LANG_EN), 0);
    ck_assert_str_eq(text, "Deductibles of the year at most 200.00, of which 180.00 was borne "
                           "before this claim (reached)");
    medins_result_free(r);

    medins_ledger_init(&l, 2023);
    r = settle_pooling(p, &l, MEDINS_CATEGORY_RETIRED, Y(300));
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(150));
    ck_assert_int_eq(s->over_cap, 0);
    ck_assert_int_eq(s->patient, Y(150));
    ck_assert_int_eq(step_of(r, MEDINS_STEP_VISIT_CAP, NULL)->arg[0], 0);
    medins_result_free(r);

    medins_ledger_init(&l, 2023);
    l.fund[MEDINS_POOL_POOLING] = Y(1450);
    r = settle_pooling(p, &l, MEDINS_CATEGORY_IN_SERVICE, Y(300));
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(50));
    ck_assert_int_eq(s->over_cap, Y(100));
    ck_assert_str_eq(step_of(r, MEDINS_STEP_OVER_CAP, NULL)->rule, "outpatient_pooling.cap");
    ck_assert_int_eq(step_of(r, MEDINS_STEP_VISIT_CAP, NULL)->arg[0], 0);
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * visits.yaml, inpatient: 1000 on each admission, at most 1500 a year; 80%.
 * Three admissions of 5000: deductibles 1000, then 500 (the ceiling leaves 500), then 0;
 * funds 4000 x 80% = 3200, 4500 x 80% = 3600, 5000 x 80% = 4000; patients 1800, 1400, 1000.
 */
START_TEST(admissions_deductible_ceiling)
{
    medins_policy *p = medins_test_load("data/settle/visits.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    static const struct { medins_fen ded, fund, patient; } want[] = {
        {Y(1000), Y(3200), Y(1800)}, {Y(500), Y(3600), Y(1400)}, {0, Y(4000), Y(1000)},
    };
    for (int i = 0; i < 3; i++) {
        medins_result *r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(5000),
                                  20230301 + i);
        const medins_settlement *s = medins_result_settlement(r);
        ck_assert_int_eq(s->deductible, want[i].ded);
        ck_assert_int_eq(s->fund, want[i].fund);
        ck_assert_int_eq(s->patient, want[i].patient);
        medins_result_free(r);
    }
    ck_assert_int_eq(l.deductible[MEDINS_POOL_INPATIENT], Y(1500));
    medins_policy_free(p);
}
END_TEST

/* The limits are amount tables: an amount written wrong is refused where it is. */
START_TEST(visit_limits_errors)
{
    load_fails(HEAD "outpatient:\n  ratio: [{ratio: 50%}]\n  visit_cap: [{amount: -5}]\n",
               MEDINS_ERR_RANGE, "visit_cap", 10, 24);
    load_fails(HEAD "outpatient:\n  ratio: [{ratio: 50%}]\n  deductible_cap: [{amont: 5}]\n",
               MEDINS_ERR_UNKNOWN_KEY, "did you mean \"amount\"", 10, 21);
}
END_TEST

/*
 * tests/data/settle/admissions.yaml, inpatient: deductible 500 on the first admission, 400 on
 * the second, 300 on the third and later; 80% on the first, 85% on the later ones. Four
 * admissions of 2000: 500 and 1500 x 80% = 1200; 400 and 1600 x 85% = 1360; 300 and 1700 x
 * 85% = 1445, twice.
 */
START_TEST(admissions_by_number)
{
    medins_policy *p = medins_test_load("data/settle/admissions.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    static const struct { medins_fen ded, fund; } want[] = {
        {Y(500), Y(1200)}, {Y(400), Y(1360)}, {Y(300), Y(1445)}, {Y(300), Y(1445)},
    };
    for (int i = 0; i < 4; i++) {
        medins_result *r = settle(p, &l, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(2000),
                                  20230301 + i);
        const medins_settlement *s = medins_result_settlement(r);
        ck_assert_int_eq(s->admission, i + 1);
        ck_assert_int_eq(s->deductible, want[i].ded);
        ck_assert_int_eq(s->fund, want[i].fund);
        medins_result_free(r);
    }
    medins_policy_free(p);
    /* Another word is refused, with the words. */
    load_fails(HEAD "inpatient:\n  deductible: [{admission: fourth, amount: 1}]\n"
               "  ratio: [{ratio: 50%}]\n",
               MEDINS_ERR_TYPE, "first, second, third, later", 9, 28);
}
END_TEST

/* ---- account_first ------------------------------------------------------------------------ */

/*
 * tests/data/settle/account-first.yaml, outpatient: the year's account first; then 1500 a
 * year; then 65%; account: true (what is left of the balance pays the patient's share).
 *
 * Balance 3000, of which 2000 credited this year and nothing spent: the year's account is
 * 2000, 1000 carried over. 5000: the account pays 2000 first; of the 3000 left, 1500 is the
 * deductible and 1500 x 65% = 975 the fund's (coinsurance 525). The patient bears 4025, of
 * which the rest of the balance, 1000, pays 1000: account 3000, cash 1025.
 * Then 1000: the year's credits are spent (3000 paid against 2000 credited): nothing first;
 * the deductible is met: 1000 x 65% = 650; patient 350, all cash (the balance is 0).
 */
START_TEST(account_first_current)
{
    medins_policy *p = medins_test_load("data/settle/account-first.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(3000);
    l.account_credited = Y(2000);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(5000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(1500));
    ck_assert_int_eq(s->fund, Y(975));
    ck_assert_int_eq(s->coinsurance, Y(525));
    ck_assert_int_eq(s->patient, Y(4025));
    ck_assert_int_eq(s->account, Y(3000));
    ck_assert_int_eq(s->cash, Y(1025));
    size_t at;
    const medins_step *st = step_of(r, MEDINS_STEP_ACCOUNT_FIRST, &at);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(2000));
    ck_assert_int_eq(st->part, MEDINS_PART_ACCOUNT);
    char text[512];
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, MEDINS_LANG_EN), 0);
    ck_assert_str_eq(text, "The individual account pays first, before the deductible: 2000.00 of "
                           "5000.00 (from the year's account 2000.00)");
    ck_assert_int_eq(step_of(r, MEDINS_STEP_ACCOUNT, NULL)->amount, Y(1000));
    ck_assert_int_eq(l.account_balance, 0);
    ck_assert_int_eq(l.account_paid, Y(3000));
    ck_assert_int_eq(l.deductible[MEDINS_POOL_OUTPATIENT], Y(1500));
    medins_result_free(r);

    r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230302);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, 0);
    ck_assert_int_eq(s->fund, Y(650));
    ck_assert_int_eq(s->account, 0);
    ck_assert_int_eq(s->cash, Y(350));
    ck_assert_int_eq(step_of(r, MEDINS_STEP_ACCOUNT_FIRST, NULL)->amount, 0);
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * account_first: all, the balance carried over included: balance 3000, nothing credited this
 * year. 5000: the account pays 3000 first; 1500 of the 2000 left is the deductible, 500 x 65%
 * = 325 the fund's: patient 4675, account 3000, cash 1675. With `current` the same claim
 * gets nothing first (no credits this year): the deductible 1500, 3500 x 65% = 2275; the
 * balance pays the patient's 2725: account 2725, cash 0. A resident has no account: nothing
 * first.
 */
START_TEST(account_first_all)
{
    static const char overlay[] = "format: 1\nkind: reform\ntitle: t\n"
                                  "sources: [{id: t2, title: T, kind: third-party}]\n"
                                  "outpatient: {account_first: all}\n";
    medins_policy *base = medins_test_load("data/settle/account-first.yaml"), *p = NULL;
    ck_assert_int_eq(medins_policy_derive(&p, base, "o.yaml", overlay, strlen(overlay), NULL), 0);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(3000);
    medins_result *r = settle(p, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(5000), 20230301);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(325));
    ck_assert_int_eq(s->patient, Y(4675));
    ck_assert_int_eq(s->account, Y(3000));
    ck_assert_int_eq(s->cash, Y(1675));
    medins_result_free(r);

    medins_ledger_init(&l, 2023);
    l.account_balance = Y(3000);
    r = settle(base, &l, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(5000), 20230301);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(2275));
    ck_assert_int_eq(s->account, Y(2725));
    ck_assert_int_eq(s->cash, 0);
    medins_result_free(r);

    medins_person resident;
    medins_person_init(&resident);
    resident.scheme = MEDINS_SCHEME_RESIDENT;
    resident.category = MEDINS_CATEGORY_ADULT;
    resident.tier = MEDINS_TIER_LOW;
    medins_claim claim;
    medins_claim_init(&claim);
    claim.kind = MEDINS_CLAIM_OUTPATIENT;
    claim.level = MEDINS_LEVEL_2;
    claim.total = Y(5000);
    claim.date = 20230301;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(3000);
    ck_assert_int_eq(medins_settle(&r, p, &resident, &claim, &l, NULL), 0);
    ck_assert_int_eq(medins_result_settlement(r)->account, 0);
    ck_assert_int_eq(medins_result_settlement(r)->fund, Y(2275));
    ck_assert_ptr_null(step_of(r, MEDINS_STEP_ACCOUNT_FIRST, NULL));
    medins_result_free(r);
    medins_policy_free(p);
    medins_policy_free(base);
}
END_TEST

/* ---- day_cap --------------------------------------------------------------------------------- */

/* A claim of `kind` at level 1 on `date` with `attributes` for an employee in service born
 * 1980-01-01, updating *l (the test fails when it does not settle). */
static medins_result *settle_day(const medins_policy *p, medins_ledger *l, medins_claim_kind kind,
                                 medins_fen total, medins_date date, uint32_t attributes)
{
    return medins_test_settle_with(p, l, MEDINS_CATEGORY_IN_SERVICE, kind, MEDINS_LEVEL_1, total,
                                   date, attributes);
}

/* Step `at` of r in `lang` is `want`. */
static void step_says(const medins_result *r, size_t at, medins_lang lang, const char *want)
{
    char text[512];
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, NULL, r, at, lang), 0);
    ck_assert_str_eq(text, want);
}

/*
 * tests/data/settle/day-cap.yaml, outpatient pooling: no deductible; 60%, at most 25 a visit
 * and 30 a day.
 *
 * 1 March, 40: 40 x 60% = 24, within 25 and 30: fund 24, patient 16; the day's figure 24.
 * 1 March again, 50: 50 x 60% = 30, at most 25 a visit, and the day leaves 30 - 24 = 6: fund
 *   6, over cap 24 (the day's maximum withheld it), coinsurance 20, patient 20 + 24 = 44; the
 *   day's figure 30.
 * That second visit reversed, from its result and from its record: the ledger as after the
 *   first, its day's figure 24 again; settled again, the same 6.
 * 2 March, 50: another day, 30 again: 50 x 60% = 30 is cut to 25 by the visit's maximum: fund
 *   25, over cap 5 (the visit's); the day's figure 25, of 2 March.
 */
START_TEST(day_cap_same_day)
{
    medins_policy *p = medins_test_load("data/settle/day-cap.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle_day(p, &l, MEDINS_CLAIM_POOLING, Y(40), 20230301, 0);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(24));
    ck_assert_int_eq(s->over_cap, 0);
    ck_assert_int_eq(s->patient, Y(16));
    const medins_step *st = step_of(r, MEDINS_STEP_DAY_CAP, NULL);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(30));
    ck_assert_int_eq(st->base, 0);
    ck_assert_int_eq(st->arg[0], 0);
    ck_assert_int_eq(l.day_date, 20230301);
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_POOLING], Y(24));
    medins_result_free(r);
    const medins_ledger after_first = l;

    r = settle_day(p, &l, MEDINS_CLAIM_POOLING, Y(50), 20230301, 0);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(6));
    ck_assert_int_eq(s->over_cap, Y(24));
    ck_assert_int_eq(s->coinsurance, Y(20));
    ck_assert_int_eq(s->patient, Y(44));
    size_t at;
    st = step_of(r, MEDINS_STEP_DAY_CAP, &at);
    ck_assert_int_eq(st->base, Y(24));
    ck_assert_int_eq(st->arg[0], 1);
    ck_assert_str_eq(st->rule, "outpatient_pooling.day_cap");
    step_says(r, at, MEDINS_LANG_EN, "The fund pays at most 30.00 a day, of which 24.00 was paid "
                                     "earlier the same day (reached)");
    step_says(r, at, MEDINS_LANG_ZH, "统筹基金日最高支付30.00元，当日此前已支付24.00元（已达到）");
    ck_assert_int_eq(step_of(r, MEDINS_STEP_VISIT_CAP, NULL)->arg[0], 0);
    st = step_of(r, MEDINS_STEP_OVER_CAP, &at);
    ck_assert_str_eq(st->rule, "outpatient_pooling.day_cap");
    ck_assert_int_eq(st->arg[3], 1);
    step_says(r, at, MEDINS_LANG_EN, "Withheld by the maximum of a day 30.00, paid by the "
                                     "patient: 24.00");
    step_says(r, at, MEDINS_LANG_ZH, "超过日最高支付限额30.00元的部分由个人负担：24.00元");
    ck_assert_int_eq(l.day_date, 20230301);
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_POOLING], Y(30));

    /* Reversed from the result: the day's figure of the first visit. */
    char record[4096];
    ck_assert_int_eq(medins_record_write(record, sizeof record, NULL, r, NULL), 0);
    ck_assert(strncmp(record, "medins-record 2\n", 16) == 0);
    ck_assert_ptr_nonnull(strstr(record, "\nbefore.day_fund.pooling=2400\n"));
    ck_assert_int_eq(medins_settle_reverse(&l, r, NULL), 0);
    ck_assert_int_eq(memcmp(&l, &after_first, sizeof l), 0);
    medins_result_free(r);
    /* Settled again, and refunded from its record. */
    r = settle_day(p, &l, MEDINS_CLAIM_POOLING, Y(50), 20230301, 0);
    ck_assert_int_eq(medins_result_settlement(r)->fund, Y(6));
    ck_assert_int_eq(medins_record_write(record, sizeof record, NULL, r, NULL), 0);
    medins_result_free(r);
    medins_error *err = NULL;
    /* A record whose day's figure was edited does not hold together: refused, nothing changed. */
    char edited[4096];
    memcpy(edited, record, sizeof edited);
    char *day = strstr(edited, "\nafter.day_fund.pooling=3000\n");
    ck_assert_ptr_nonnull(day);
    memcpy(day, "\nafter.day_fund.pooling=2900\n", 29);
    const medins_ledger now = l;
    ck_assert_int_eq(medins_refund(NULL, &l, edited, strlen(edited), &err), MEDINS_ERR_RECORD);
    ck_assert_msg(strstr(medins_error_message(err), "the day's figures after it are not those "
                                                    "before it plus its fund payment"),
                  "%s", medins_error_message(err));
    ck_assert_int_eq(memcmp(&l, &now, sizeof l), 0);
    medins_error_free(err);
    err = NULL;
    /* Nor is one of version 1, whose ledgers have no day: refused at the first day's key. */
    memcpy(edited, record, sizeof edited);
    edited[14] = '1';
    unsigned line = 1;
    for (const char *c = edited; c < strstr(edited, "\nbefore.day_date="); c++)
        line += *c == '\n';
    ck_assert_int_eq(medins_refund(NULL, &l, edited, strlen(edited), &err), MEDINS_ERR_RECORD);
    ck_assert_msg(strstr(medins_error_message(err), "ledger key before.day_date is not a key of a "
                                                    "ledger text of version 3"),
                  "%s", medins_error_message(err));
    ck_assert_uint_eq(medins_error_line(err), line + 1);
    ck_assert_uint_eq(medins_error_column(err), 1);
    ck_assert_int_eq(memcmp(&l, &now, sizeof l), 0);
    medins_error_free(err);
    err = NULL;
    ck_assert_msg(medins_refund(NULL, &l, record, strlen(record), &err) == 0, "%s",
                  medins_error_message(err));
    ck_assert_int_eq(memcmp(&l, &after_first, sizeof l), 0);
    medins_result_free(settle_day(p, &l, MEDINS_CLAIM_POOLING, Y(50), 20230301, 0));
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_POOLING], Y(30));

    r = settle_day(p, &l, MEDINS_CLAIM_POOLING, Y(50), 20230302, 0);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(25));
    ck_assert_int_eq(s->over_cap, Y(5));
    st = step_of(r, MEDINS_STEP_DAY_CAP, NULL);
    ck_assert_int_eq(st->base, 0);
    ck_assert_int_eq(st->arg[0], 0);
    st = step_of(r, MEDINS_STEP_OVER_CAP, NULL);
    ck_assert_str_eq(st->rule, "outpatient_pooling.visit_cap");
    ck_assert_int_eq(st->arg[3], 0);
    ck_assert_int_eq(l.day_date, 20230302);
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_POOLING], Y(25));
    ck_assert_int_eq(l.fund[MEDINS_POOL_POOLING], Y(24 + 6 + 25));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/*
 * day-cap.yaml, inpatient: a family sickbed's claim (attribute family_sickbed, bit 0) has no
 * deductible and is paid 80%, at most 1% of the per-capita income 6000 = 60 a day; an
 * admission has a deductible of 1000 and no daily maximum.
 *
 * After a pooling visit of 40 on 2 March (fund 24, the day's figure 24 in pooling):
 * 3 March, a sickbed's 200: 160, cut to 60: fund 60, over cap 100, patient 140; a new day: the
 *   pooling figure is 0, the inpatient one 60.
 * 3 March again, 100: 80, and the day has nothing left: fund 0, over cap 80, patient 100.
 * 3 March, an admission of 5000: 1000 deductible, 4000 x 80% = 3200: no daily maximum, and the
 *   day's figure stays 60.
 * The year closed: the next year's ledger has no day.
 */
START_TEST(day_cap_by_row_and_pool)
{
    medins_policy *p = medins_test_load("data/settle/day-cap.yaml");
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result_free(settle_day(p, &l, MEDINS_CLAIM_POOLING, Y(40), 20230302, 0));
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_POOLING], Y(24));
    medins_result *r = settle_day(p, &l, MEDINS_CLAIM_INPATIENT, Y(200), 20230303, 1);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, 0);
    ck_assert_int_eq(s->fund, Y(60));
    ck_assert_int_eq(s->over_cap, Y(100));
    ck_assert_int_eq(s->patient, Y(140));
    ck_assert_str_eq(step_of(r, MEDINS_STEP_DAY_CAP, NULL)->rule, "inpatient.day_cap");
    ck_assert_int_eq(l.day_date, 20230303);
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_POOLING], 0);
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_INPATIENT], Y(60));
    medins_result_free(r);
    r = settle_day(p, &l, MEDINS_CLAIM_INPATIENT, Y(100), 20230303, 1);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, 0);
    ck_assert_int_eq(s->over_cap, Y(80));
    ck_assert_int_eq(s->patient, Y(100));
    medins_result_free(r);
    r = settle_day(p, &l, MEDINS_CLAIM_INPATIENT, Y(5000), 20230303, 0);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(1000));
    ck_assert_int_eq(s->fund, Y(3200));
    ck_assert_ptr_null(step_of(r, MEDINS_STEP_DAY_CAP, NULL));
    ck_assert_int_eq(l.day_fund[MEDINS_POOL_INPATIENT], Y(60));
    medins_result_free(r);

    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_ledger next;
    ck_assert_int_eq(medins_ledger_close_year(&next, &l, p, &person, NULL), 0);
    ck_assert_int_eq(next.day_date, 0);
    ck_assert_int_eq(next.day_fund[MEDINS_POOL_INPATIENT], 0);
    medins_policy_free(p);
}
END_TEST

/* A day_cap is an amount table: an amount written wrong is refused where it is. */
START_TEST(day_cap_errors)
{
    load_fails(HEAD "outpatient_pooling:\n  ratio: [{ratio: 50%}]\n  day_cap: [{amount: -5}]\n",
               MEDINS_ERR_RANGE, "day_cap", 10, 22);
    load_fails(HEAD "outpatient_pooling:\n  ratio: [{ratio: 50%}]\n  day_cap: [{amont: 5}]\n",
               MEDINS_ERR_UNKNOWN_KEY, "did you mean \"amount\"", 10, 14);
    load_fails(HEAD "outpatient_pooling:\n  ratio: [{ratio: 50%}]\n  day_cap: 30\n",
               MEDINS_ERR_TYPE, "day_cap", 10, 12);
}
END_TEST

/* A claim of an employee in service under p on 1 March 2023: inpatient at level 1, `total`,
 * the claim's version, attributes and days; its result, or NULL with the error checked. */
static medins_result *settle_days(const medins_policy *p, medins_ledger *l, unsigned version,
                                  medins_fen total, uint32_t attributes, uint32_t days, int code,
                                  const char *says)
{
    medins_person person = MEDINS_PERSON_INIT;
    person.birth_date = 19800101;
    medins_claim claim = MEDINS_CLAIM_INIT;
    claim.version = version;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.total = total;
    claim.date = 20230301;
    claim.attributes = attributes;
    claim.days = days;
    const medins_ledger before = *l;
    medins_result *r = NULL;
    medins_error *err = NULL;
    const int rc = medins_settle(&r, p, &person, &claim, l, &err);
    ck_assert_msg(rc == code, "settle: %d %s", rc, err ? medins_error_message(err) : "");
    if (code != 0) {
        ck_assert_ptr_null(r);
        ck_assert_msg(strstr(medins_error_message(err), says), "message: %s",
                      medins_error_message(err));
        ck_assert_int_eq(memcmp(&before, l, sizeof before), 0);
    }
    medins_error_free(err);
    return r;
}

/*
 * tests/data/settle/bed-day-cap.yaml, inpatient: a family sickbed has no deductible, 80%, and
 * the fund pays at most 60 a bed-day; other admissions a deductible of 1,000, 80%.
 *
 * A family sickbed of 10 days, 1,000: 1,000 x 80% = 800, at most 60 x 10 = 600: fund 600,
 *   over cap 200 (the maximum per bed-day withheld it), coinsurance 200, patient 400.
 * The same of 20 days: at most 1,200, so 800 is paid: fund 800, patient 200, not reached.
 * The same without days: refused, MEDINS_ERR_CLAIM, the ledger unchanged.
 * Days 367, more than a year's 366: refused, MEDINS_ERR_CLAIM naming days.
 * A version-2 claim (no days): an admission without the attribute, 5,000: deductible 1,000,
 *   4,000 x 80% = 3,200 fund, patient 1,800, as before days existed; with its reserved word
 *   not zero it is refused as before.
 */
START_TEST(bed_day_cap_per_claim)
{
    medins_policy *p = medins_test_load("data/settle/bed-day-cap.yaml");
    uint32_t sickbed = 0;
    ck_assert_int_eq(medins_policy_attributes_parse(p, "family_sickbed", 14, &sickbed, NULL), 0);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle_days(p, &l, MEDINS_CLAIM_VERSION, Y(1000), sickbed, 10, 0, NULL);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(600));
    ck_assert_int_eq(s->over_cap, Y(200));
    ck_assert_int_eq(s->coinsurance, Y(200));
    ck_assert_int_eq(s->patient, Y(400));
    size_t at;
    const medins_step *st = step_of(r, MEDINS_STEP_BED_DAY_CAP, &at);
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(st->amount, Y(600));
    ck_assert_int_eq(st->arg[0], Y(60));
    ck_assert_int_eq(st->arg[1], 10);
    ck_assert_int_eq(st->arg[2], 1);
    ck_assert_str_eq(st->rule, "inpatient.bed_day_cap");
    step_says(r, at, MEDINS_LANG_EN, "The fund pays at most 60.00 a bed-day: 600.00 for the "
                                     "claim's 10 days (reached)");
    step_says(r, at, MEDINS_LANG_ZH, "统筹基金每床日最高支付60.00元，本次10个床日最高支付600.00元"
                                     "（已达到）");
    st = step_of(r, MEDINS_STEP_OVER_CAP, &at);
    ck_assert_str_eq(st->rule, "inpatient.bed_day_cap");
    ck_assert_int_eq(st->arg[0], Y(600));
    ck_assert_int_eq(st->arg[4], 1);
    step_says(r, at, MEDINS_LANG_EN, "Withheld by the maximum of the claim's bed-days 600.00, "
                                     "paid by the patient: 200.00");
    step_says(r, at, MEDINS_LANG_ZH, "超过床日最高支付限额600.00元的部分由个人负担：200.00元");
    /* The claim's own maximum: no day's figure kept. */
    ck_assert_int_eq(l.day_date, 0);
    medins_result_free(r);

    r = settle_days(p, &l, MEDINS_CLAIM_VERSION, Y(1000), sickbed, 20, 0, NULL);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(800));
    ck_assert_int_eq(s->over_cap, 0);
    ck_assert_int_eq(s->patient, Y(200));
    ck_assert_int_eq(step_of(r, MEDINS_STEP_BED_DAY_CAP, NULL)->arg[2], 0);
    medins_result_free(r);

    ck_assert_ptr_null(settle_days(p, &l, MEDINS_CLAIM_VERSION, Y(1000), sickbed, 0,
                                   MEDINS_ERR_CLAIM,
                                   "maximum per bed-day (inpatient.bed_day_cap) needs the "
                                   "claim's days"));
    ck_assert_ptr_null(settle_days(p, &l, MEDINS_CLAIM_VERSION, Y(1000), sickbed, 367,
                                   MEDINS_ERR_CLAIM, "days 367 is more than a year's 366"));

    r = settle_days(p, &l, 2, Y(5000), 0, 0, 0, NULL);
    s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(1000));
    ck_assert_int_eq(s->fund, Y(3200));
    ck_assert_int_eq(s->patient, Y(1800));
    ck_assert_ptr_null(step_of(r, MEDINS_STEP_BED_DAY_CAP, NULL));
    medins_result_free(r);
    ck_assert_ptr_null(settle_days(p, &l, 2, Y(5000), 0, 3, MEDINS_ERR_CLAIM,
                                   "reserved is not zero"));
    medins_policy_free(p);
}
END_TEST

/* A bed_day_cap is an amount table: refused where its rows are. */
START_TEST(bed_day_cap_errors)
{
    load_fails(HEAD "inpatient:\n  ratio: [{ratio: 50%}]\n  bed_day_cap: [{amount: -5}]\n",
               MEDINS_ERR_RANGE, "bed_day_cap", 10, 26);
    load_fails(HEAD "inpatient:\n  ratio: [{ratio: 50%}]\n  bed_day_cap: 60\n",
               MEDINS_ERR_TYPE, "bed_day_cap", 10, 16);
}
END_TEST

/* An account_first that is not one of its words is refused at the word. */
START_TEST(account_first_errors)
{
    load_fails(HEAD "outpatient:\n  account_first: yes\n  ratio: [{ratio: 50%}]\n",
               MEDINS_ERR_TYPE, "current", 9, 18);
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
    tc = tcase_create("supplementary");
    tcase_add_test(tc, supplementary_above_the_maximum);
    tcase_add_test(tc, supplementary_maximum);
    tcase_add_test(tc, supplementary_after_a_payment);
    tcase_add_test(tc, supplementary_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_add_test(tc, visit_and_deductible_maximums);
    tcase_add_test(tc, admissions_deductible_ceiling);
    tcase_add_test(tc, visit_limits_errors);
    tcase_add_test(tc, admissions_by_number);
    tcase_add_test(tc, day_cap_same_day);
    tcase_add_test(tc, day_cap_by_row_and_pool);
    tcase_add_test(tc, day_cap_errors);
    tcase_add_test(tc, bed_day_cap_per_claim);
    tcase_add_test(tc, bed_day_cap_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("account_first");
    tcase_add_test(tc, account_first_current);
    tcase_add_test(tc, account_first_all);
    tcase_add_test(tc, account_first_errors);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(stages_suite)
