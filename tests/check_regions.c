/*
 * What other cities' rules need of the policy format, settled by hand on the test policies of
 * tests/data/regions/: amounts as shares of reference figures.
 *
 * tests/data/regions/midyear.yaml (yuan):
 *   references: average_wage 96000 (third-party), per_capita_income 48000 (assumed).
 *   outpatient: employee deductible 1% of the average wage = 960, 60%, cap 5% = 4800;
 *     resident 500, 50%, cap 3000.
 *   inpatient: deductible employee 10% of the average wage = 9600 each admission, resident 2%
 *     of the income = 960; employee segments 0 to 50% of the wage (48000) 85%, above 90%;
 *     resident 70%; cap employee 400% of the wage = 384000, resident 600% of the income = 288000.
 */
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
        {MEDINS_CLAIM_INPATIENT, Y(20000), 20230301, Y(9600), Y(8840), Y(1560), 0, Y(11160)},
        {MEDINS_CLAIM_INPATIENT, Y(60000), 20230401, Y(9600), Y(43480), Y(6920), 0, Y(16520)},
        {MEDINS_CLAIM_OUTPATIENT, Y(2000), 20230402, Y(960), Y(624), Y(416), 0, Y(1376)},
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
    const expect e = {MEDINS_CLAIM_INPATIENT, Y(500000), 20230301, Y(9600), Y(384000), Y(51440),
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
    const expect e = {MEDINS_CLAIM_INPATIENT, Y(10000), 20230301, Y(960), Y(6328), Y(2712), 0,
                      Y(3672)};
    settle_expect("resident", &p, &l, &e);

    medins_ledger_init(&l, 2023);
    medins_claim c;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_INPATIENT;
    c.level = MEDINS_LEVEL_3;
    c.total = Y(10000);
    c.date = 20230301;
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, NULL), 0);
    int found = 0;
    for (size_t i = 0; i < medins_result_assumed_count(r); i++) {
        const medins_value *v = medins_result_assumed(r, i);
        if (strcmp(v->path, "inpatient.deductible[1].amount") == 0) {
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
 * the share third-party (both its sources are), at the share's position (line 37, column 42). */
START_TEST(reference_values)
{
    const medins_value *w = medins_policy_find_value(policy, "references.average_wage.amount");
    ck_assert_ptr_nonnull(w);
    ck_assert_str_eq(w->text, "96000");
    ck_assert_str_eq(medins_value_source_kind(w), "third-party");
    const medins_value *d = medins_policy_find_value(policy, "inpatient.deductible[0].amount");
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(d->text, "10% of average_wage");
    ck_assert_str_eq(medins_value_source_kind(d), "third-party");
    ck_assert_uint_eq(d->line, 37);
    ck_assert_uint_eq(d->column, 42);
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
    return s;
}

MEDINS_CHECK_MAIN(regions_suite)
