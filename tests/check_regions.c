/*
 * What other cities' rules need of the policy format, settled by hand on the test policies of
 * tests/data/regions/: amounts as shares of reference figures, a benefit year from 1 July.
 *
 * tests/data/regions/midyear.yaml (yuan): the year from 1 July (ledger year 2023 = 2023-07-01
 * to 2024-06-30); in force 2023-07-01 to 2025-06-30.
 *   references: average_wage 96000 (third-party), per_capita_income 48000 (assumed).
 *   outpatient: employees' year's account first (account_first: current, account: true);
 *     employee deductible 1% of the average wage = 960, 60%, cap 5% = 4800; resident 500, 50%,
 *     cap 3000.
 *   inpatient: deductible employee 10% of the average wage = 9600 each admission, resident 2%
 *     of the income = 960; employee segments 0 to 50% of the wage (48000) 85%, above 90%;
 *     resident 70%; cap employee 400% of the wage = 384000, resident 600% of the income = 288000;
 *     carry_over: true (the unused outpatient maximum is carried at the close of each year).
 *   claim attributes: referred (bit 0), out_of_region (1), family_sickbed (2), district_run (3);
 *     inpatient: a family sickbed's deductible 500; out of the region and not referred -15
 *     points, referred -5; a district-run level-3 hospital +5.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *policy;

static void setup(void) { policy = medins_test_load("data/regions/midyear.yaml"); }
static void teardown(void) { medins_policy_free(policy); policy = NULL; }

typedef struct expect {
    medins_claim_kind kind;
    medins_fen total;
    medins_date date;
    medins_fen deductible, fund, coinsurance, over_cap, patient;
} expect;

/* Settle `e` for `person` on `ledger` (updated), checking every figure. */
static void settle_expect(const char *name, const medins_person *person, medins_ledger *ledger,
                          const expect *e)
{
    medins_claim claim;
    medins_claim_init(&claim);
    claim.kind = e->kind;
    claim.level = MEDINS_LEVEL_3;
    claim.total = e->total;
    claim.date = e->date;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle(&r, policy, person, &claim, ledger, &err);
    ck_assert_msg(rc == 0, "%s: %s", name, err ? medins_error_message(err) : "?");
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_msg(s->deductible == e->deductible && s->fund == e->fund &&
                  s->coinsurance == e->coinsurance && s->over_cap == e->over_cap &&
                  s->patient == e->patient,
                  "%s: deductible %lld fund %lld coinsurance %lld over cap %lld patient %lld", name,
                  (long long)s->deductible, (long long)s->fund, (long long)s->coinsurance,
                  (long long)s->over_cap, (long long)s->patient);
    medins_result_free(r);
}

static void employee(medins_person *p)
{
    medins_person_init(p);
    p->scheme = MEDINS_SCHEME_EMPLOYEE;
    p->category = MEDINS_CATEGORY_IN_SERVICE;
    p->birth_date = 19800101;
}

/*
 * An employee's two admissions and an outpatient visit.
 * 20000 at l3: deductible 10% x 96000 = 9600; 10400 x 85% = 8840, coinsurance 1560;
 *   patient 9600 + 1560 = 11160.
 * 60000: a second admission, its own 9600; 50400 from position 10400 to 60800: 37600 up to
 *   48000 (50% x 96000) at 85% = 31960, 12800 above at 90% = 11520; fund 43480; coinsurance
 *   5640 + 1280 = 6920; patient 16520.
 * Outpatient 2000: deductible 1% x 96000 = 960; 1040 x 60% = 624; coinsurance 416.
 */
START_TEST(shares_of_the_average_wage)
{
    medins_person p;
    medins_ledger l;
    employee(&p);
    medins_ledger_init(&l, 2023);
    static const expect steps[] = {
        {MEDINS_CLAIM_INPATIENT, Y(20000), 20230801, Y(9600), Y(8840), Y(1560), 0, Y(11160)},
        {MEDINS_CLAIM_INPATIENT, Y(60000), 20230901, Y(9600), Y(43480), Y(6920), 0, Y(16520)},
        {MEDINS_CLAIM_OUTPATIENT, Y(2000), 20230902, Y(960), Y(624), Y(416), 0, Y(1376)},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        settle_expect("employee", &p, &l, &steps[i]);
}
END_TEST

/*
 * The cap, four times the average wage: 500000 at l3: 9600; 48000 x 85% = 40800 and
 * 442400 x 90% = 398160, 438960 in all, cut to 384000: over cap 54960; coinsurance
 * 7200 + 44240 = 51440; patient 9600 + 51440 + 54960 = 116000.
 */
START_TEST(cap_a_multiple_of_the_wage)
{
    medins_person p;
    medins_ledger l;
    employee(&p);
    medins_ledger_init(&l, 2023);
    const expect e = {MEDINS_CLAIM_INPATIENT, Y(500000), 20230801, Y(9600), Y(384000), Y(51440),
                      Y(54960), Y(116000)};
    settle_expect("cap", &p, &l, &e);
}
END_TEST

/*
 * A resident's deductible, 2% of the assumed income 48000 = 960: 10000 at l3, 9040 x 70% =
 * 6328, patient 3672. The deductible and the cap rest on an assumed figure: the result lists
 * both as assumed, with the figure's reason.
 */
START_TEST(assumed_reference_is_listed)
{
    medins_person p;
    medins_person_init(&p);
    p.scheme = MEDINS_SCHEME_RESIDENT;
    p.category = MEDINS_CATEGORY_ADULT;
    p.tier = MEDINS_TIER_MIDDLE;
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    const expect e = {MEDINS_CLAIM_INPATIENT, Y(10000), 20230801, Y(960), Y(6328), Y(2712), 0,
                      Y(3672)};
    settle_expect("resident", &p, &l, &e);

    medins_ledger_init(&l, 2023);
    medins_claim c;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_INPATIENT;
    c.level = MEDINS_LEVEL_3;
    c.total = Y(10000);
    c.date = 20230801;
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, NULL), 0);
    int found = 0;
    for (size_t i = 0; i < medins_result_assumed_count(r); i++) {
        const medins_value *v = medins_result_assumed(r, i);
        if (strcmp(v->path, "inpatient.deductible[2].amount") == 0) {
            ck_assert_str_eq(v->text, "2% of per_capita_income");
            ck_assert_ptr_nonnull(strstr(v->at, "per_capita_income: an invented income"));
            ck_assert_ptr_nonnull(strstr(medins_value_citation(v),
                                         "per_capita_income 48000.00 yuan (2022-12-31)"));
            found++;
        }
        found += strcmp(v->path, "inpatient.cap[1].amount") == 0;
    }
    ck_assert_int_eq(found, 2);
    medins_result_free(r);
}
END_TEST

/* The figure and a share of it are values of the policy: the figure with its own citation,
 * the share third-party (both its sources are), at the share's position (line 46, column 42). */
START_TEST(reference_values)
{
    const medins_value *w = medins_policy_find_value(policy, "references.average_wage.amount");
    ck_assert_ptr_nonnull(w);
    ck_assert_str_eq(w->text, "96000");
    ck_assert_str_eq(medins_value_source_kind(w), "third-party");
    const medins_value *d = medins_policy_find_value(policy, "inpatient.deductible[1].amount");
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(d->text, "10% of average_wage");
    ck_assert_str_eq(medins_value_source_kind(d), "third-party");
    ck_assert_uint_eq(d->line, 51);
    ck_assert_uint_eq(d->column, 42);
}
END_TEST

/* ---- A benefit year from 1 July ----------------------------------------------------------- */

static medins_claim outpatient(medins_date date, medins_fen total)
{
    medins_claim c;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_OUTPATIENT;
    c.level = MEDINS_LEVEL_2;
    c.total = total;
    c.date = date;
    return c;
}

/* The year a date belongs to is the calendar year in which its July-to-June year starts. */
START_TEST(benefit_year_of_a_date)
{
    ck_assert_int_eq(medins_policy_year_start(policy), 701);
    ck_assert_int_eq(medins_policy_benefit_year(policy, 20230701), 2023);
    ck_assert_int_eq(medins_policy_benefit_year(policy, 20231231), 2023);
    ck_assert_int_eq(medins_policy_benefit_year(policy, 20240630), 2023);
    ck_assert_int_eq(medins_policy_benefit_year(policy, 20240701), 2024);
    ck_assert_int_eq(medins_policy_benefit_year(policy, 20240229), 2023);
    ck_assert_int_eq(medins_policy_benefit_year(policy, 20230230), 0);   /* not a day */
    ck_assert_int_eq(medins_policy_benefit_year(NULL, 20230701), 0);
}
END_TEST

/*
 * An employee's outpatient year from 2023-07-01 (deductible 960 a year, 60%, cap 4800):
 * 2023-09-01, 2000: deductible 960; 1040 x 60% = 624; coinsurance 416; patient 1376.
 * 2024-03-01, 1000: the same year, its deductible paid: 1000 x 60% = 600; patient 400. (A year
 *   from 1 January would have taken a new deductible of 960.)
 * 2024-07-01 is in the next year: the ledger of 2023 refuses it.
 * Closed on 2024-06-30: costs 3000, so 4800 - 3000 = 1800 of the maximum is carried; the
 * ledger of 2024 knows last year's 3000. 2024-07-01, 2000: a new deductible, 960; fund 624.
 */
START_TEST(july_year_deductible_and_closing)
{
    medins_person p;
    employee(&p);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    const expect first[] = {
        {MEDINS_CLAIM_OUTPATIENT, Y(2000), 20230901, Y(960), Y(624), Y(416), 0, Y(1376)},
        {MEDINS_CLAIM_OUTPATIENT, Y(1000), 20240301, 0, Y(600), Y(400), 0, Y(400)},
    };
    for (size_t i = 0; i < 2; i++)
        settle_expect("july year", &p, &l, &first[i]);
    ck_assert_int_eq(l.outpatient_costs, Y(3000));
    ck_assert_int_eq(l.last_date, 20240301);
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);

    medins_claim c = outpatient(20240701, Y(2000));
    medins_result *r = NULL;
    medins_error *err = NULL;
    const medins_ledger before = l;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, &err), MEDINS_ERR_LEDGER_YEAR);
    ck_assert_str_eq(medins_error_message(err), "the ledger is for 2023, the benefit year from "
                     "20230701 to 20240630; the claim dated 20240701 is in the year from 20240701");
    ck_assert(memcmp(&before, &l, sizeof l) == 0 && r == NULL);
    medins_error_free(err);

    medins_ledger next;
    ck_assert_int_eq(medins_ledger_close_year(&next, &l, policy, &p, NULL), 0);
    ck_assert_int_eq(next.year, 2024);
    ck_assert_int_eq(next.carry_over, Y(1800));
    ck_assert_int_eq(next.prior_outpatient_costs, Y(3000));
    const expect again = {MEDINS_CLAIM_OUTPATIENT, Y(2000), 20240701, Y(960), Y(624), Y(416), 0,
                          Y(1376)};
    settle_expect("next july year", &p, &next, &again);
}
END_TEST

/*
 * The account pays first in a July year: the year's account is what was credited since
 * 1 July less the account's payments since, so a claim in March spends what was credited the
 * July before, and the closing on 30 June starts the next year's account afresh.
 * Ledger of 2023: credited 2000 this year, balance 3000 (1000 of it carried from earlier).
 * 2023-09-01, 1500: the year's account (2000 - 0 paid) pays all 1500 first; nothing is left
 *   for the deductible or the fund: account 1500, cash 0, patient 1500.
 * 2024-03-01, 3000 (the same benefit year): the year's account has 2000 - 1500 = 500 left and
 *   pays it first; of the 2500 left the deductible takes 960, 1540 x 60% = 924 is the fund's,
 *   coinsurance 616; the patient's 960 + 616 = 1576 is paid from the rest of the balance
 *   (3000 - 1500 - 500 = 1000) and in cash: account 500 + 1000 = 1500, cash 576, patient 2076.
 * Closed on 2024-06-30: the balance (0) carries; the year's credits start again. Credited 2400
 * for the year from 2024-07-01: 2024-07-01, 2000 is paid first by the account whole.
 */
START_TEST(july_year_account_first)
{
    medins_person p;
    employee(&p);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_credited = Y(2000);
    l.account_balance = Y(3000);
    const struct {
        expect e;
        medins_fen first, account, cash;
    } year[] = {
        {{MEDINS_CLAIM_OUTPATIENT, Y(1500), 20230901, 0, 0, 0, 0, Y(1500)}, Y(1500), Y(1500), 0},
        {{MEDINS_CLAIM_OUTPATIENT, Y(3000), 20240301, Y(960), Y(924), Y(616), 0, Y(2076)}, Y(500),
         Y(1500), Y(576)},
    };
    for (size_t i = 0; i < 2; i++) {
        medins_claim c = outpatient(year[i].e.date, year[i].e.total);
        medins_result *r = NULL;
        medins_error *err = NULL;
        ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, &err), 0);
        const medins_settlement *s = medins_result_settlement(r);
        ck_assert_int_eq(s->deductible, year[i].e.deductible);
        ck_assert_int_eq(s->fund, year[i].e.fund);
        ck_assert_int_eq(s->coinsurance, year[i].e.coinsurance);
        ck_assert_int_eq(s->patient, year[i].e.patient);
        ck_assert_int_eq(s->account_first, year[i].first);
        ck_assert_int_eq(s->account, year[i].account);
        ck_assert_int_eq(s->cash, year[i].cash);
        medins_result_free(r);
    }
    ck_assert_int_eq(l.account_balance, 0);
    ck_assert_int_eq(l.account_paid, Y(3000));

    medins_ledger next;
    ck_assert_int_eq(medins_ledger_close_year(&next, &l, policy, &p, NULL), 0);
    ck_assert_int_eq(next.year, 2024);
    ck_assert_int_eq(next.account_credited, 0);
    ck_assert_int_eq(next.account_paid, 0);
    next.account_credited = next.account_balance = Y(2400);
    medins_claim c = outpatient(20240701, Y(2000));
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &next, NULL), 0);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->account_first, Y(2000));
    ck_assert_int_eq(s->account, Y(2000));
    ck_assert_int_eq(s->fund, 0);
    ck_assert_int_eq(s->cash, 0);
    ck_assert_int_eq(next.account_balance, Y(400));
    medins_result_free(r);
}
END_TEST

/* A ledger whose last claim is before its year's first day does not belong to this policy's
 * years: refused by the settlement and the closing, which know the year, with nothing
 * changed; the check alone, which does not, takes a last date in the year after. */
START_TEST(last_date_outside_the_year)
{
    medins_person p;
    employee(&p);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.seq = 1;
    l.last_date = 20230601;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);
    const medins_ledger before = l;
    medins_claim c = outpatient(20230901, Y(100));
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, &err), MEDINS_ERR_LEDGER);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "ledger last_date 20230601 is not in "
                                 "its year 2023, from 20230701 to 20240630"));
    medins_error_free(err);
    err = NULL;
    medins_ledger next;
    ck_assert_int_eq(medins_ledger_close_year(&next, &l, policy, &p, &err), MEDINS_ERR_LEDGER);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "is not in its year 2023"));
    medins_error_free(err);
    ck_assert(memcmp(&before, &l, sizeof l) == 0);
    /* Two calendar years on is not any year's. */
    l.last_date = 20250101;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), MEDINS_ERR_LEDGER);
}
END_TEST

/* The batch columns of one person, the employee of employee(). */
typedef struct one_person { int32_t scheme, category, tier; medins_date birth; } one_person;

static medins_batch_persons one_employee(one_person *o)
{
    *o = (one_person){MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE,
                      19800101};
    medins_batch_persons bp = MEDINS_BATCH_PERSONS_INIT;
    bp.n = 1;
    bp.scheme = &o->scheme;
    bp.category = &o->category;
    bp.tier = &o->tier;
    bp.birth_date = &o->birth;
    return bp;
}

/*
 * The batch rolls the ledger over on 1 July (close_years): the claims of the July-year case,
 * 2023-09-01, 2024-03-01 and 2024-07-01, from the ledger of 2023: fund 624, 600, then the
 * year closed on 2024-06-30 (carry 1800) and 624 again; the ledger ends in 2024 with one
 * settlement. The same claims one by one give the same.
 */
START_TEST(batch_rolls_over_on_the_year_start)
{
    const int32_t person[3] = {0, 0, 0}, kind[3] = {0, 0, 0}, level[3] = {2, 2, 2};
    int32_t status[3] = {9, 9, 9};
    const medins_date date[3] = {20230901, 20240301, 20240701};
    const medins_fen total[3] = {Y(2000), Y(1000), Y(2000)};
    medins_fen fund[3], ded[3];
    one_person o;
    const medins_batch_persons bp = one_employee(&o);
    const medins_batch_claims bc = medins_test_batch_claims(3, person, date, kind, level, total);
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.fund = fund;
    bo.deductible = ded;
    bo.status = status;
    medins_batch_options opts;
    medins_batch_options_init(&opts);
    opts.close_years = 1;
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    size_t failed = 9;
    ck_assert_int_eq(medins_batch_settle_ex(policy, &bp, &bc, &l, &bo, &opts, &failed, NULL), 0);
    ck_assert_uint_eq(failed, 0);
    ck_assert(fund[0] == Y(624) && fund[1] == Y(600) && fund[2] == Y(624));
    ck_assert(ded[0] == Y(960) && ded[1] == 0 && ded[2] == Y(960));
    ck_assert_int_eq(l.year, 2024);
    ck_assert_int_eq(l.seq, 1);
    ck_assert_int_eq(l.carry_over, Y(1800));

    /* One by one, closing the year as a caller does. */
    medins_person p;
    employee(&p);
    medins_ledger one;
    medins_ledger_init(&one, 2023);
    for (int i = 0; i < 3; i++) {
        medins_claim c = outpatient(date[i], total[i]);
        if (medins_policy_benefit_year(policy, c.date) > one.year)
            ck_assert_int_eq(medins_ledger_close_year(&one, &one, policy, &p, NULL), 0);
        medins_result *r = NULL;
        ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &one, NULL), 0);
        ck_assert_int_eq(medins_result_settlement(r)->fund, fund[i]);
        medins_result_free(r);
    }
    ck_assert(memcmp(&one, &l, sizeof l) == 0);

    /* Without close_years the claim of the next year is refused as alone. */
    medins_ledger_init(&l, 2023);
    opts.close_years = 0;
    ck_assert_int_eq(medins_batch_settle_ex(policy, &bp, &bc, &l, &bo, &opts, &failed, NULL),
                     MEDINS_ERR_BATCH);
    ck_assert(status[0] == 0 && status[1] == 0 && status[2] == MEDINS_ERR_LEDGER_YEAR);
}
END_TEST

/* ---- Claim attributes -------------------------------------------------------------------- */

enum { REFERRED = 1u << 0, OUT_OF_REGION = 1u << 1, FAMILY_SICKBED = 1u << 2,
       DISTRICT_RUN = 1u << 3 };

/* An employee's inpatient claim of 2023-08-01 with `attributes` at `level`; its fund share. */
static medins_fen inpatient_fund(uint32_t attributes, medins_level level, medins_fen total,
                                 medins_fen *deductible)
{
    medins_person p;
    employee(&p);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_claim c;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_INPATIENT;
    c.level = level;
    c.total = total;
    c.date = 20230801;
    c.attributes = attributes;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_settle(&r, policy, &p, &c, &l, &err) == 0, "%s",
                  err ? medins_error_message(err) : "");
    const medins_fen fund = medins_result_settlement(r)->fund;
    *deductible = medins_result_settlement(r)->deductible;
    medins_result_free(r);
    return fund;
}

/*
 * 20000 at level 3, deductible 9600, 10400 above it (85% without attributes: 8840):
 *   out of the region, not referred: 85 - 15 = 70%: 7280;
 *   out of the region, referred: 85 - 5 = 80%: 8320;
 *   referred in the region: no row: 8840;
 *   a district-run level-3 hospital: 85 + 5 = 90%: 9360.
 * A family sickbed, 3000 at primary: its own deductible 500; 2500 x 85% = 2125.
 */
START_TEST(attributes_select_rows)
{
    medins_fen d;
    ck_assert_int_eq(inpatient_fund(OUT_OF_REGION, MEDINS_LEVEL_3, Y(20000), &d), Y(7280));
    ck_assert_int_eq(d, Y(9600));
    ck_assert_int_eq(inpatient_fund(OUT_OF_REGION | REFERRED, MEDINS_LEVEL_3, Y(20000), &d),
                     Y(8320));
    ck_assert_int_eq(inpatient_fund(REFERRED, MEDINS_LEVEL_3, Y(20000), &d), Y(8840));
    ck_assert_int_eq(inpatient_fund(DISTRICT_RUN, MEDINS_LEVEL_3, Y(20000), &d), Y(9360));
    ck_assert_int_eq(inpatient_fund(FAMILY_SICKBED, MEDINS_LEVEL_PRIMARY, Y(3000), &d), Y(2125));
    ck_assert_int_eq(d, Y(500));
}
END_TEST

/* The words, as people write them, and a bit the policy does not define. */
START_TEST(attribute_words)
{
    ck_assert_uint_eq(medins_policy_attribute_count(policy), 4);
    ck_assert_str_eq(medins_policy_attribute_name(policy, 3), "district_run");
    ck_assert_ptr_null(medins_policy_attribute_name(policy, 4));
    uint32_t bits = 99;
    const char *text = "Out-Of-Region|referred";
    ck_assert_int_eq(medins_policy_attributes_parse(policy, text, strlen(text), &bits, NULL), 0);
    ck_assert_uint_eq(bits, OUT_OF_REGION | REFERRED);
    ck_assert_int_eq(medins_policy_attributes_parse(policy, "", 0, &bits, NULL), 0);
    ck_assert_uint_eq(bits, 0);
    medins_error *err = NULL;
    bits = 7;
    ck_assert_int_eq(medins_policy_attributes_parse(policy, "referred,abroad", 15, &bits, &err),
                     MEDINS_ERR_TYPE);
    ck_assert_str_eq(medins_error_message(err), "\"abroad\" is not a claim attribute of policy "
                     "midyear/midyear: write referred, out_of_region, family_sickbed, district_run");
    ck_assert_uint_eq(medins_error_column(err), 10);
    ck_assert_uint_eq(bits, 7);
    medins_error_free(err);

    medins_person p;
    employee(&p);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    const medins_ledger before = l;
    medins_claim c = outpatient(20230801, Y(100));
    c.attributes = 1u << 4;
    medins_result *r = NULL;
    err = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, &err), MEDINS_ERR_CLAIM);
    ck_assert_str_eq(medins_error_message(err), "claim 0 has attributes 0x10 that policy "
                     "midyear/midyear does not define (it defines 4)");
    ck_assert(memcmp(&before, &l, sizeof l) == 0 && r == NULL);
    medins_error_free(err);
}
END_TEST

/* A claim of version 1 (no attributes) is read as far as it goes: settled as without any. */
START_TEST(claim_of_version_1)
{
    const size_t v1 = offsetof(medins_claim, attributes);
    medins_claim whole = outpatient(20230801, Y(2000));
    whole.version = 1;
    /* Only the bytes of version 1: a read past them is caught by the sanitizers. */
    medins_claim *c = malloc(v1);
    ck_assert_ptr_nonnull(c);
    memcpy(c, &whole, v1);
    medins_person p;
    employee(&p);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, c, &l, NULL), 0);
    ck_assert_int_eq(medins_result_settlement(r)->fund, Y(624));
    medins_result_free(r);
    free(c);
}
END_TEST

/* The batch settles claims with attributes alone, with plans of their own: the same figures
 * as one by one (7280, 8840, 9360, 8320 on the ledger each leaves). */
START_TEST(batch_with_attributes)
{
    enum { N = 4 };
    const int32_t person[N] = {0, 0, 0, 0};
    int32_t status[N], kind[N], level[N];
    const medins_date date[N] = {20230801, 20230802, 20230803, 20230804};
    medins_fen total[N], fund[N];
    const uint32_t attrs[N] = {OUT_OF_REGION, 0, DISTRICT_RUN, OUT_OF_REGION | REFERRED};
    for (int i = 0; i < N; i++) {
        kind[i] = MEDINS_CLAIM_INPATIENT;
        level[i] = MEDINS_LEVEL_3;
        total[i] = Y(20000);
    }
    one_person o;
    const medins_batch_persons bp = one_employee(&o);
    medins_batch_claims bc = medins_test_batch_claims(N, person, date, kind, level, total);
    bc.attributes = attrs;
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.fund = fund;
    bo.status = status;
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    size_t failed = 9;
    ck_assert_int_eq(medins_batch_settle(policy, &bp, &bc, &l, &bo, &failed, NULL), 0);
    medins_person p;
    employee(&p);
    medins_ledger one;
    medins_ledger_init(&one, 2023);
    for (int i = 0; i < N; i++) {
        medins_claim c;
        medins_claim_init(&c);
        c.kind = MEDINS_CLAIM_INPATIENT;
        c.level = MEDINS_LEVEL_3;
        c.total = total[i];
        c.date = date[i];
        c.attributes = attrs[i];
        medins_result *r = NULL;
        ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &one, NULL), 0);
        ck_assert_int_eq(medins_result_settlement(r)->fund, fund[i]);
        medins_result_free(r);
    }
    ck_assert(memcmp(&one, &l, sizeof l) == 0);
    /* The first claim: 9600 of deductible, 10400 x 70%. */
    ck_assert_int_eq(fund[0], Y(7280));
}
END_TEST

static Suite *regions_suite(void)
{
    Suite *s = suite_create("regions");
    TCase *tc = tcase_create("references");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, shares_of_the_average_wage);
    tcase_add_test(tc, cap_a_multiple_of_the_wage);
    tcase_add_test(tc, assumed_reference_is_listed);
    tcase_add_test(tc, reference_values);
    suite_add_tcase(s, tc);
    tc = tcase_create("july year");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, benefit_year_of_a_date);
    tcase_add_test(tc, july_year_deductible_and_closing);
    tcase_add_test(tc, july_year_account_first);
    tcase_add_test(tc, last_date_outside_the_year);
    tcase_add_test(tc, batch_rolls_over_on_the_year_start);
    suite_add_tcase(s, tc);
    tc = tcase_create("claim attributes");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, attributes_select_rows);
    tcase_add_test(tc, attribute_words);
    tcase_add_test(tc, claim_of_version_1);
    tcase_add_test(tc, batch_with_attributes);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(regions_suite)
