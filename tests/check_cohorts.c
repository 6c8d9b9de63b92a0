/*
 * A richer person: rows that select on the retirement date, the years of contribution, the sex
 * and the policy's person groups, and the retirees' share of the in-service self-pay share,
 * settled by hand on tests/data/regions/cohorts.yaml (yuan, in force through 2024):
 *   person_groups: laoren (bit 0) retired before 2001-01-01; long_contributor (bit 1) 30 years
 *     of contribution or more; model_worker (bit 2) set by the caller.
 *   contributions.employee.rates: model_worker 10% / 0%; under 5 years 9% / 3%; else 9% / 2%.
 *   outpatient: deductible retired 700, else 1000; ratio born before 1940 90%, else 70% with
 *     retired_self_pay 50% (retirees 100% - 30% x 50% = 85%); cap long_contributor 6000, else
 *     4000.
 *   pharmacy: 55%, retired_self_pay 33.33% (45% x 33.33% = 14.9985%, half-up to the basis
 *     point 15%: retirees 85%).
 *   inpatient: deductible laoren 400, retired 800, else 1200; ratio retired men under 25 years
 *     of contribution 85%, retired women under 20 years 85%, else 85% with retired_self_pay 60%
 *     (retirees 100% - 15% x 60% = 91%); model_worker +5 points; cap 300000.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *policy;

static void setup(void) { policy = medins_test_load("data/regions/cohorts.yaml"); }
static void teardown(void) { medins_policy_free(policy); policy = NULL; }

enum { LAOREN = 1u << 0, LONG_CONTRIBUTOR = 1u << 1, MODEL_WORKER = 1u << 2 };

/* An in-service man born 1980-05-01 with 10 years of contribution. */
static medins_person in_service(void)
{
    medins_person p;
    medins_person_init(&p);
    p.birth_date = 19800501;
    p.sex = MEDINS_SEX_MALE;
    p.contribution_months = 120;
    return p;
}

/* A retiree of `sex` born on `birth`, retired on `retired`, with `months` of contribution. */
static medins_person retiree(medins_sex sex, medins_date birth, medins_date retired, int months)
{
    medins_person p;
    medins_person_init(&p);
    p.category = MEDINS_CATEGORY_RETIRED;
    p.birth_date = birth;
    p.retirement_date = retired;
    p.sex = sex;
    p.contribution_months = months;
    return p;
}

static medins_claim claim_of(medins_claim_kind kind, medins_level level, medins_fen total)
{
    medins_claim c;
    medins_claim_init(&c);
    c.kind = kind;
    c.level = level;
    c.total = total;
    c.date = 20240301;
    return c;
}

/* Settles `c` for `p` on `l`, checking deductible, fund and patient. */
static void expect(const char *name, const medins_person *p, medins_ledger *l,
                   const medins_claim *c, medins_fen deductible, medins_fen fund,
                   medins_fen patient)
{
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle(&r, policy, p, c, l, &err);
    ck_assert_msg(rc == 0, "%s: %s", name, err ? medins_error_message(err) : "?");
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_msg(s->deductible == deductible && s->fund == fund && s->patient == patient,
                  "%s: deductible %lld fund %lld patient %lld", name, (long long)s->deductible,
                  (long long)s->fund, (long long)s->patient);
    medins_result_free(r);
}

/*
 * One inpatient admission of 20000 at l3 for each person, on a ledger of their own:
 *   in service: 1200; 18800 x 85% = 15980; patient 1200 + 2820 = 4020.
 *   a retired woman, 22 years (at least 20): 800; 19200 x 91% = 17472; patient 800 + 1728 = 2528.
 *   a retired man, 20 years (under 25): 800; 19200 x 85% = 16320; patient 800 + 2880 = 3680.
 *   a man retired 1998 (laoren), 35 years: 400; 19600 x 91% = 17836; patient 400 + 1764 = 2164.
 *   a model worker in service: 1200; 85 + 5 = 90%: 18800 x 90% = 16920; patient 3080.
 */
START_TEST(inpatient_by_cohort_sex_and_years)
{
    const medins_person woman = retiree(MEDINS_SEX_FEMALE, 19650301, 20150301, 264);
    const medins_person man = retiree(MEDINS_SEX_MALE, 19550101, 20150101, 240);
    const medins_person laoren = retiree(MEDINS_SEX_MALE, 19380601, 19980601, 420);
    medins_person worker = in_service();
    worker.cohorts = MODEL_WORKER;
    const medins_person a = in_service();
    const struct { const char *name; const medins_person *p; medins_fen ded, fund, patient; }
    cases[] = {
        {"in service", &a, Y(1200), Y(15980), Y(4020)},
        {"retired woman", &woman, Y(800), Y(17472), Y(2528)},
        {"retired man short of years", &man, Y(800), Y(16320), Y(3680)},
        {"laoren", &laoren, Y(400), Y(17836), Y(2164)},
        {"model worker", &worker, Y(1200), Y(16920), Y(3080)},
    };
    const medins_claim c = claim_of(MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        medins_ledger l;
        medins_ledger_init(&l, 2024);
        expect(cases[i].name, cases[i].p, &l, &c, cases[i].ded, cases[i].fund, cases[i].patient);
    }
}
END_TEST

/*
 * Outpatient 3000 at l2, then a pharmacy purchase of 1000 (the outpatient deductible met):
 *   the laoren, born 1938: 700; 2300 x 90% (born before 1940) = 2070; patient 930.
 *   the retired woman, born 1965: 700; 2300 x 85% = 1955; patient 1045; pharmacy 85%: 850.
 *   in service: 1000; 2000 x 70% = 1400; patient 1600; pharmacy 55%: 550.
 * The laoren's 35 years make him a long contributor: his cap is 6000, 5000 of 9000 more at
 *   90% = 8100 paid 6000 - 2070 = 3930.
 */
START_TEST(outpatient_and_pharmacy_shares)
{
    const medins_person laoren = retiree(MEDINS_SEX_MALE, 19380601, 19980601, 420);
    const medins_person woman = retiree(MEDINS_SEX_FEMALE, 19650301, 20150301, 264);
    const medins_person a = in_service();
    const medins_claim out = claim_of(MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(3000));
    const medins_claim buy = claim_of(MEDINS_CLAIM_PHARMACY, MEDINS_LEVEL_PHARMACY, Y(1000));
    medins_ledger l;
    medins_ledger_init(&l, 2024);
    expect("laoren outpatient", &laoren, &l, &out, Y(700), Y(2070), Y(930));
    const medins_claim more = claim_of(MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(9000));
    expect("laoren to his cap", &laoren, &l, &more, 0, Y(3930), Y(5070));
    medins_ledger_init(&l, 2024);
    expect("woman outpatient", &woman, &l, &out, Y(700), Y(1955), Y(1045));
    expect("woman pharmacy", &woman, &l, &buy, 0, Y(850), Y(150));
    medins_ledger_init(&l, 2024);
    expect("in service outpatient", &a, &l, &out, Y(1000), Y(1400), Y(1600));
    expect("in service pharmacy", &a, &l, &buy, 0, Y(550), Y(450));
}
END_TEST

/* `p` settling `c` fails with MEDINS_ERR_PERSON and `message`, the ledger unchanged. */
static void refused(const medins_person *p, const medins_claim *c, const char *message)
{
    medins_ledger l;
    medins_ledger_init(&l, 2024);
    const medins_ledger before = l;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, p, c, &l, &err), MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err), message);
    ck_assert(r == NULL && memcmp(&before, &l, sizeof l) == 0);
    medins_error_free(err);
}

/*
 * A field a row reads and the person does not have is an error naming it, never another row:
 * a retiree's sex and years (the inpatient ratio), a retiree's retirement date (laoren, the
 * inpatient deductible), the birth date (the outpatient ratio). Persons in service need none of
 * the first three: no row they could match reads them.
 */
START_TEST(unknown_fields_refused)
{
    const medins_claim inp = claim_of(MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000));
    medins_person p = retiree(MEDINS_SEX_UNKNOWN, 19550101, 20150101, 240);
    refused(&p, &inp, "the person has no sex, and it decides which inpatient.ratio row applies: "
                      "give the sex");
    p = retiree(MEDINS_SEX_MALE, 19550101, 20150101, -1);
    refused(&p, &inp, "the person has no contribution months, and it decides which "
                      "inpatient.ratio row applies: give the contribution months");
    p = retiree(MEDINS_SEX_MALE, 19550101, 0, 240);
    refused(&p, &inp, "the person has no retirement date, and it decides which "
                      "inpatient.deductible row applies: give the retirement date");
    p = in_service();
    p.birth_date = 0;
    const medins_claim visit = claim_of(MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(100));
    refused(&p, &visit,
            "the person has no birth date, and it decides which outpatient.ratio row applies: "
            "give the birth date");
    /* In service, without sex, years or retirement date: 1200; 18800 x 85% = 15980. */
    medins_person_init(&p);
    p.birth_date = 19800501;
    medins_ledger l;
    medins_ledger_init(&l, 2024);
    expect("in service, fields unknown", &p, &l, &inp, Y(1200), Y(15980), Y(4020));
}
END_TEST

/* Closing a year reads the outpatient maximum, whose first row is the long contributors'
 * (a group ruled by the years): without the years it is refused, nothing written. */
START_TEST(closing_a_year_asks_for_the_years)
{
    medins_person p = in_service();
    p.contribution_months = -1;
    medins_ledger prev, next;
    medins_ledger_init(&prev, 2024);
    medins_ledger_init(&next, 1999);
    const medins_ledger untouched = next;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_ledger_close_year(&next, &prev, policy, &p, &err), MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err), "the person has no contribution months, and it "
                     "decides which outpatient.cap row applies: give the contribution months");
    ck_assert(memcmp(&next, &untouched, sizeof next) == 0);
    medins_error_free(err);
    p.contribution_months = 120;
    ck_assert_int_eq(medins_ledger_close_year(&next, &prev, policy, &p, NULL), 0);
    ck_assert_int_eq(next.year, 2025);
}
END_TEST

/* Cohorts the policy works out may not be set; bits it does not define are refused; fields
 * out of range or that do not fit together are refused before any row is read. */
START_TEST(bad_person_fields)
{
    const medins_claim inp = claim_of(MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000));
    medins_person p = in_service();
    p.cohorts = LAOREN;
    refused(&p, &inp, "person group laoren of policy cohorts/cohorts is worked out from the "
                      "person's fields by its rule: do not set it in the cohorts");
    p.cohorts = 1u << 3;
    refused(&p, &inp, "the person's cohorts 0x8 are not groups policy cohorts/cohorts defines "
                      "(it defines 3 in person_groups)");
    p = in_service();
    p.retirement_date = 20200101;
    refused(&p, &inp, "retirement date 20200101 given for a person of category in_service: only "
                      "a retired person has one");
    p = retiree(MEDINS_SEX_MALE, 19550101, 19500101, 240);
    refused(&p, &inp, "retirement date 19500101 is before birth date 19550101");
    p = retiree(MEDINS_SEX_MALE, 19550101, 20150231, 240);
    refused(&p, &inp, "retirement date 20150231 is not a calendar date from 1900-01-01 to "
                      "2199-12-31");
    p = retiree(MEDINS_SEX_MALE, 19550101, 20150101, -2);
    refused(&p, &inp, "contribution months -2: give 0 to 1800, or -1 for unknown");
    p = retiree((medins_sex)3, 19550101, 20150101, 240);
    refused(&p, &inp, "unknown sex 3");
}
END_TEST

/* A person of version 1 is read as far as it goes: no sex, years, retirement date or
 * cohorts. In service it settles (1200; 15980); retired, its sex is asked for. */
START_TEST(person_of_version_1)
{
    const size_t v1 = offsetof(medins_person, retirement_date);
    medins_person whole = in_service();
    whole.version = 1;
    /* Only the bytes of version 1: a read past them is caught by the sanitizers. */
    medins_person *p = malloc(v1);
    ck_assert_ptr_nonnull(p);
    memcpy(p, &whole, v1);
    const medins_claim inp = claim_of(MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000));
    medins_ledger l;
    medins_ledger_init(&l, 2024);
    expect("version 1 in service", p, &l, &inp, Y(1200), Y(15980), Y(4020));
    whole.category = MEDINS_CATEGORY_RETIRED;
    memcpy(p, &whole, v1);
    refused(p, &inp, "the person has no contribution months, and it decides which "
                     "inpatient.ratio row applies: give the contribution months");
    free(p);
}
END_TEST

/*
 * Contribution rates by group and years, on a wage of 10000 a month:
 *   a model worker: employer 10% = 1000 a month, individual 0;
 *   3 years of contribution (under 5): 900 and 300;
 *   10 years: 900 and 200; years unknown: the second row reads them: refused.
 */
START_TEST(contribution_rates_by_person)
{
    medins_employee_input in;
    medins_employee_input_init(&in);
    in.monthly_wage = Y(10000);
    medins_person p = in_service();
    const struct { uint32_t cohorts; int months; medins_fen employer, individual; } cases[] = {
        {MODEL_WORKER, 120, Y(1000), 0},
        {0, 36, Y(900), Y(300)},
        {0, 120, Y(900), Y(200)},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        p.cohorts = cases[i].cohorts;
        p.contribution_months = cases[i].months;
        medins_result *r = NULL;
        medins_error *err = NULL;
        ck_assert_msg(medins_contribution(&r, policy, &p, 20240301, &in, &err) == 0, "%zu: %s", i,
                      err ? medins_error_message(err) : "?");
        const medins_contribution_figures *f = medins_result_contribution(r);
        ck_assert_int_eq(f->monthly_employer, cases[i].employer);
        ck_assert_int_eq(f->monthly_individual, cases[i].individual);
        medins_result_free(r);
    }
    p.cohorts = 0;
    p.contribution_months = -1;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_contribution(&r, policy, &p, 20240301, &in, &err), MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err),
                     "the person has no contribution months, and it decides which "
                     "contributions.employee.rates row applies: give the contribution months");
    ck_assert_ptr_null(r);
    medins_error_free(err);
}
END_TEST

/* The groups' words and rules, as the policy names them. */
START_TEST(cohort_words)
{
    ck_assert_uint_eq(medins_policy_cohort_count(policy), 3);
    ck_assert_str_eq(medins_policy_cohort_name(policy, 2), "model_worker");
    ck_assert_ptr_null(medins_policy_cohort_name(policy, 3));
    ck_assert(medins_policy_cohort_ruled(policy, 0) && medins_policy_cohort_ruled(policy, 1) &&
              !medins_policy_cohort_ruled(policy, 2) && !medins_policy_cohort_ruled(policy, 3));
    uint32_t bits = 0;
    ck_assert_int_eq(medins_policy_cohorts_parse(policy, "Model-Worker", 12, &bits, NULL), 0);
    ck_assert_uint_eq(bits, MODEL_WORKER);
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_cohorts_parse(policy, "model_worker|veteran", 20, &bits, &err),
                     MEDINS_ERR_TYPE);
    ck_assert_str_eq(medins_error_message(err), "\"veteran\" is not a person group of policy "
                     "cohorts/cohorts: write laoren, long_contributor, model_worker");
    ck_assert_uint_eq(medins_error_column(err), 14);
    ck_assert_uint_eq(bits, MODEL_WORKER);
    medins_error_free(err);
    medins_sex sex = MEDINS_SEX_UNKNOWN;
    ck_assert_int_eq(medins_sex_parse(&sex, "女"), 0);
    ck_assert_int_eq(sex, MEDINS_SEX_FEMALE);
    ck_assert_str_eq(medins_sex_name(MEDINS_SEX_MALE), "male");
}
END_TEST

/*
 * The batch's columns carry no sex, years, retirement date or cohorts: a claim whose rows read
 * one fails as it would settled alone without it, never with another row's figures. The
 * in-service person's admission reads the model workers' adjustment (the caller's group); the
 * outpatient visit the long contributors' cap (a group ruled by the years). Nothing is paid and
 * the ledger is unchanged.
 */
START_TEST(batch_without_the_fields)
{
    const int32_t scheme = MEDINS_SCHEME_EMPLOYEE, category = MEDINS_CATEGORY_IN_SERVICE,
                  tier = MEDINS_TIER_NONE;
    const medins_date birth = 19800501;
    medins_batch_persons bp = MEDINS_BATCH_PERSONS_INIT;
    bp.n = 1;
    bp.scheme = &scheme;
    bp.category = &category;
    bp.tier = &tier;
    bp.birth_date = &birth;
    const int32_t person[2] = {0, 0};
    const int32_t kind[2] = {MEDINS_CLAIM_INPATIENT, MEDINS_CLAIM_OUTPATIENT};
    const int32_t level[2] = {MEDINS_LEVEL_3, MEDINS_LEVEL_2};
    const medins_date date[2] = {20240301, 20240302};
    const medins_fen total[2] = {Y(20000), Y(3000)};
    medins_fen fund[2] = {-1, -1};
    int32_t status[2] = {9, 9};
    const medins_batch_claims bc = medins_test_batch_claims(2, person, date, kind, level, total);
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.fund = fund;
    bo.status = status;
    medins_ledger l;
    medins_ledger_init(&l, 2024);
    size_t failed = 9;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_batch_settle(policy, &bp, &bc, &l, &bo, &failed, &err),
                     MEDINS_ERR_BATCH);
    ck_assert_str_eq(medins_error_message(err),
                     "2 claim(s) failed; the first, claim 0: "
                     "the person's cohorts are not given (no cohorts column), and they decide "
                     "which inpatient.adjustments row applies: settle the claim alone with its "
                     "cohorts");
    medins_error_free(err);
    ck_assert_uint_eq(failed, 2);
    ck_assert(status[0] == MEDINS_ERR_PERSON && status[1] == MEDINS_ERR_PERSON);
    medins_ledger fresh;
    medins_ledger_init(&fresh, 2024);
    ck_assert(memcmp(&fresh, &l, sizeof l) == 0);
}
END_TEST

/*
 * Persons whom only their birth date tells apart share no plan in the batch when a row selects
 * on it: outpatient 3000 at l2, deductible 1000; born 1938 (before 1940) 2000 x 90% = 1800,
 * born 1980 2000 x 70% = 1400, in either order.
 */
START_TEST(batch_tells_birth_dates_apart)
{
    static const char yaml[] =
        "format: 1\n"
        "region: born\n"
        "effective: {from: 2024-01-01, to: 2024-12-31}\n"
        "sources: [{id: city, title: \"Test figures\", kind: third-party}]\n"
        "cite: \"city: test\"\n"
        "outpatient:\n"
        "  deductible: [{amount: 1000}]\n"
        "  ratio:\n"
        "    - {born_before: 1940-01-01, ratio: 90%}\n"
        "    - {ratio: 70%}\n";
    medins_policy *born = NULL;
    ck_assert_int_eq(medins_policy_load_string(&born, "born.yaml", yaml, strlen(yaml), NULL,
                                               NULL, NULL), 0);
    const int32_t scheme[2] = {0, 0}, category[2] = {0, 0}, tier[2] = {0, 0};
    const medins_date birth[2] = {19380601, 19800501};
    medins_batch_persons bp = MEDINS_BATCH_PERSONS_INIT;
    bp.n = 2;
    bp.scheme = scheme;
    bp.category = category;
    bp.tier = tier;
    bp.birth_date = birth;
    const int32_t person[4] = {0, 1, 1, 0};
    const int32_t kind[4] = {0, 0, 0, 0}, level[4] = {2, 2, 2, 2};
    const medins_date date[4] = {20240301, 20240301, 20240302, 20240302};
    const medins_fen total[4] = {Y(3000), Y(3000), Y(3000), Y(3000)};
    medins_fen fund[4];
    const medins_batch_claims bc = medins_test_batch_claims(4, person, date, kind, level, total);
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.fund = fund;
    medins_ledger l[2];
    medins_ledger_init(&l[0], 2024);
    medins_ledger_init(&l[1], 2024);
    size_t failed = 9;
    ck_assert_int_eq(medins_batch_settle(born, &bp, &bc, l, &bo, &failed, NULL), 0);
    /* The second claims: the deductible met, 3000 at the person's ratio. */
    ck_assert(fund[0] == Y(1800) && fund[1] == Y(1400));
    ck_assert(fund[2] == Y(2100) && fund[3] == Y(2700));
    medins_policy_free(born);
}
END_TEST

/* The policy of tests/data/regions/cohorts.yaml without its row on the birth date, so that
 * the batch shares plans between persons (a row on the birth date makes them claim by claim):
 * outpatient 70% with retired_self_pay 50% for everyone. */
static const char shared_yaml[] =
    "format: 1\n"
    "region: cohorts\n"
    "schemes: [employee]\n"
    "effective: {from: 2024-01-01, to: 2024-12-31}\n"
    "sources: [{id: city, title: \"Test figures\", kind: third-party}]\n"
    "cite: \"city: test\"\n"
    "person_groups:\n"
    "  - {name: laoren, retired_before: 2001-01-01}\n"
    "  - {name: long_contributor, contribution_years_min: 30}\n"
    "  - model_worker\n"
    "outpatient:\n"
    "  deductible: [{category: retired, amount: 700}, {amount: 1000}]\n"
    "  ratio: [{ratio: 70%, retired_self_pay: 50%}]\n"
    "  cap: [{cohorts: long_contributor, amount: 6000}, {amount: 4000}]\n"
    "inpatient:\n"
    "  deductible:\n"
    "    - {cohorts: laoren, amount: 400}\n"
    "    - {category: retired, amount: 800}\n"
    "    - {amount: 1200}\n"
    "  ratio:\n"
    "    - {category: retired, sex: male, contribution_years_max: 25, ratio: 85%}\n"
    "    - {category: retired, sex: female, contribution_years_max: 20, ratio: 85%}\n"
    "    - {ratio: 85%, retired_self_pay: 60%}\n"
    "  adjustments: [{cohorts: model_worker, add: 5%}]\n"
    "  cap: [{amount: 300000}]\n";

enum { NPERSONS = 9, NCLAIMS = 2 * NPERSONS };

/* Persons of both sexes, with and without years, in and out of the caller's group, as
 * columns, and as medins_person for one-by-one settlement. */
static const medins_person *batch_people(void)
{
    static medins_person p[NPERSONS];
    p[0] = in_service();
    p[1] = in_service();
    p[1].cohorts = MODEL_WORKER;
    p[2] = retiree(MEDINS_SEX_FEMALE, 19650301, 20150301, 264);
    /* As p[2] but for her years: under 20, paid as in service. */
    p[3] = retiree(MEDINS_SEX_FEMALE, 19650301, 20150301, 180);
    p[4] = retiree(MEDINS_SEX_MALE, 19550101, 20150101, 240);
    p[5] = retiree(MEDINS_SEX_MALE, 19380601, 19980601, 420);
    /* In service, a woman without years: no inpatient row she matches reads them; the
     * outpatient cap does (the long contributors' group is ruled by the years). */
    p[6] = in_service();
    p[6].sex = MEDINS_SEX_FEMALE;
    p[6].contribution_months = -1;
    /* A retired man without years: his inpatient ratio reads them. */
    p[7] = retiree(MEDINS_SEX_MALE, 19550101, 20150101, -1);
    /* As p[4], a model worker. */
    p[8] = p[4];
    p[8].cohorts = MODEL_WORKER;
    return p;
}

/* The columns of `p` (NPERSONS of them) in `cols`, described by *bp. */
typedef struct person_cols {
    int32_t scheme[NPERSONS], category[NPERSONS], tier[NPERSONS], months[NPERSONS],
        sex[NPERSONS];
    medins_date birth[NPERSONS], retired[NPERSONS];
    uint32_t cohorts[NPERSONS];
} person_cols;

static medins_batch_persons columns_of(person_cols *c, const medins_person *p)
{
    for (size_t k = 0; k < NPERSONS; k++) {
        c->scheme[k] = p[k].scheme;
        c->category[k] = p[k].category;
        c->tier[k] = p[k].tier;
        c->birth[k] = p[k].birth_date;
        c->retired[k] = p[k].retirement_date;
        c->months[k] = p[k].contribution_months;
        c->sex[k] = p[k].sex;
        c->cohorts[k] = p[k].cohorts;
    }
    medins_batch_persons bp = MEDINS_BATCH_PERSONS_INIT;
    bp.n = NPERSONS;
    bp.scheme = c->scheme;
    bp.category = c->category;
    bp.tier = c->tier;
    bp.birth_date = c->birth;
    bp.retirement_date = c->retired;
    bp.contribution_months = c->months;
    bp.sex = c->sex;
    bp.cohorts = c->cohorts;
    return bp;
}

/*
 * The batch settles persons whose columns carry the sex, the years, the retirement date and
 * the caller's groups exactly as medins_settle settles them one by one: each person an
 * admission of 20000 at l3 on 1 March, then an outpatient visit of 3000 at l2 on 2 March, run
 * twice (the second time every plan is in the cache). Worked by hand (header of this file):
 *   p[1], a model worker in service: 1200; 85 + 5 = 90%: 18800 x 90% = 16920;
 *     outpatient: 1000; 2000 x 70% = 1400.
 *   p[2], a retired woman with 22 years: 800; 19200 x 91% = 17472;
 *     outpatient: 700; 2300 x (100% - 30% x 50%) = 2300 x 85% = 1955.
 *   p[3], as p[2] with 15 years (under 20): 19200 x 85% = 16320.
 *   p[6], in service without years: 1200; 18800 x 85% = 15980; her visit fails (the cap).
 *   p[7], a retired man without years: both claims fail, naming them.
 */
START_TEST(batch_carries_the_fields)
{
    medins_policy *shared = NULL;
    ck_assert_int_eq(medins_policy_load_string(&shared, "shared.yaml", shared_yaml,
                                               strlen(shared_yaml), NULL, NULL, NULL), 0);
    const medins_person *people = batch_people();
    person_cols cols;
    const medins_batch_persons bp = columns_of(&cols, people);
    int32_t person[NCLAIMS], kind[NCLAIMS], level[NCLAIMS];
    medins_date date[NCLAIMS];
    medins_fen total[NCLAIMS];
    for (int i = 0; i < NCLAIMS; i++) {
        person[i] = i / 2;
        kind[i] = i % 2 ? MEDINS_CLAIM_OUTPATIENT : MEDINS_CLAIM_INPATIENT;
        level[i] = i % 2 ? MEDINS_LEVEL_2 : MEDINS_LEVEL_3;
        date[i] = i % 2 ? 20240302 : 20240301;
        total[i] = i % 2 ? Y(3000) : Y(20000);
    }
    const medins_batch_claims bc = medins_test_batch_claims(NCLAIMS, person, date, kind, level,
                                                            total);
    for (int round = 0; round < 2; round++) {
        medins_fen fund[NCLAIMS], patient[NCLAIMS], deductible[NCLAIMS];
        int32_t status[NCLAIMS];
        medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
        bo.fund = fund;
        bo.patient = patient;
        bo.deductible = deductible;
        bo.status = status;
        medins_ledger l[NPERSONS], alone[NPERSONS];
        for (size_t k = 0; k < NPERSONS; k++) {
            medins_ledger_init(&l[k], 2024);
            medins_ledger_init(&alone[k], 2024);
        }
        size_t failed = 0;
        ck_assert_int_eq(medins_batch_settle(shared, &bp, &bc, l, &bo, &failed, NULL),
                         MEDINS_ERR_BATCH);
        ck_assert_uint_eq(failed, 3);
        for (size_t i = 0; i < NCLAIMS; i++) {
            medins_claim c = claim_of((medins_claim_kind)kind[i], (medins_level)level[i],
                                      total[i]);
            c.date = date[i];
            medins_result *r = NULL;
            const int rc = medins_settle(&r, shared, &people[person[i]], &c,
                                         &alone[person[i]], NULL);
            ck_assert_msg(rc == status[i], "claim %zu: %d alone, %d batched", i, rc, status[i]);
            if (rc == 0) {
                const medins_settlement *s = medins_result_settlement(r);
                ck_assert_msg(s->fund == fund[i] && s->patient == patient[i] &&
                                  s->deductible == deductible[i],
                              "claim %zu: fund %lld alone, %lld batched", i, (long long)s->fund,
                              (long long)fund[i]);
            }
            medins_result_free(r);
        }
        for (size_t k = 0; k < NPERSONS; k++)
            ck_assert(memcmp(&l[k], &alone[k], sizeof l[k]) == 0);
        ck_assert(fund[2] == Y(16920) && fund[3] == Y(1400));
        ck_assert(fund[4] == Y(17472) && fund[5] == Y(1955) && deductible[5] == Y(700));
        ck_assert(fund[6] == Y(16320));
        ck_assert(status[12] == 0 && fund[12] == Y(15980));
        ck_assert(status[13] == MEDINS_ERR_PERSON && fund[13] == 0);
        ck_assert(status[14] == MEDINS_ERR_PERSON && status[15] == MEDINS_ERR_PERSON);
    }
    medins_policy_free(shared);
}
END_TEST

/*
 * Bad values in the columns fail their person's claims as medins_settle fails them, with its
 * message, the ledger unchanged: an unknown sex 3, months -2, a retirement date for a person
 * in service, a group the policy works out set by the caller. A persons struct of version 1
 * (read only as far as it goes: the sanitizers catch a read past it) has the fields unknown:
 * the retired man's admission asks for his years.
 */
START_TEST(batch_bad_person_columns)
{
    medins_person p[NPERSONS];
    memcpy(p, batch_people(), sizeof p);
    p[0].sex = (medins_sex)3;
    p[1].contribution_months = -2;
    p[6].retirement_date = 20200101;
    p[8].cohorts = LAOREN;
    person_cols cols;
    const medins_batch_persons bp = columns_of(&cols, p);
    const int32_t person[4] = {0, 1, 6, 8};
    const int32_t kind[4] = {MEDINS_CLAIM_INPATIENT, MEDINS_CLAIM_INPATIENT,
                             MEDINS_CLAIM_INPATIENT, MEDINS_CLAIM_INPATIENT};
    const int32_t level[4] = {MEDINS_LEVEL_3, MEDINS_LEVEL_3, MEDINS_LEVEL_3, MEDINS_LEVEL_3};
    const medins_date date[4] = {20240301, 20240301, 20240301, 20240301};
    const medins_fen total[4] = {Y(20000), Y(20000), Y(20000), Y(20000)};
    const medins_batch_claims bc = medins_test_batch_claims(4, person, date, kind, level, total);
    int32_t status[4];
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.status = status;
    medins_ledger l[NPERSONS];
    for (size_t k = 0; k < NPERSONS; k++)
        medins_ledger_init(&l[k], 2024);
    medins_ledger fresh;
    medins_ledger_init(&fresh, 2024);
    medins_batch_errors *errors = NULL;
    ck_assert_int_eq(medins_batch_errors_new(&errors), 0);
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    opts.errors = errors;
    size_t failed = 0;
    ck_assert_int_eq(medins_batch_settle_ex(policy, &bp, &bc, l, &bo, &opts, &failed, NULL),
                     MEDINS_ERR_BATCH);
    ck_assert_uint_eq(failed, 4);
    static const char *const message[4] = {
        "unknown sex 3",
        "contribution months -2: give 0 to 1800, or -1 for unknown",
        "retirement date 20200101 given for a person of category in_service: only a retired "
        "person has one",
        "person group laoren of policy cohorts/cohorts is worked out from the person's fields "
        "by its rule: do not set it in the cohorts",
    };
    for (size_t i = 0; i < 4; i++) {
        const medins_error *e = medins_batch_errors_find(errors, i);
        ck_assert_ptr_nonnull(e);
        ck_assert_int_eq(status[i], MEDINS_ERR_PERSON);
        ck_assert_str_eq(medins_error_message(e), message[i]);
        ck_assert(memcmp(&l[person[i]], &fresh, sizeof fresh) == 0);
    }
    medins_batch_errors_free(errors);

    /* Version 1: only the bytes before retirement_date. */
    const size_t v1 = offsetof(medins_batch_persons, retirement_date);
    medins_batch_persons first = bp;
    first.version = 1;
    medins_batch_persons *old = malloc(v1);
    ck_assert_ptr_nonnull(old);
    memcpy(old, &first, v1);
    const int32_t who = 4;
    const medins_batch_claims one = medins_test_batch_claims(1, &who, date, kind, level, total);
    medins_error *err = NULL;
    ck_assert_int_eq(medins_batch_settle(policy, old, &one, l, &bo, &failed, &err),
                     MEDINS_ERR_BATCH);
    ck_assert_str_eq(medins_error_message(err),
                     "1 claim(s) failed; the first, claim 0: the person has no contribution "
                     "months, and it decides which inpatient.ratio row applies: give the "
                     "contribution months");
    medins_error_free(err);
    free(old);
}
END_TEST

static Suite *cohorts_suite(void)
{
    Suite *s = suite_create("cohorts");
    TCase *tc = tcase_create("settlement");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, inpatient_by_cohort_sex_and_years);
    tcase_add_test(tc, outpatient_and_pharmacy_shares);
    tcase_add_test(tc, unknown_fields_refused);
    tcase_add_test(tc, bad_person_fields);
    tcase_add_test(tc, closing_a_year_asks_for_the_years);
    tcase_add_test(tc, person_of_version_1);
    suite_add_tcase(s, tc);
    tc = tcase_create("contributions and words");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, contribution_rates_by_person);
    tcase_add_test(tc, cohort_words);
    tcase_add_test(tc, batch_without_the_fields);
    tcase_add_test(tc, batch_tells_birth_dates_apart);
    tcase_add_test(tc, batch_carries_the_fields);
    tcase_add_test(tc, batch_bad_person_columns);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(cohorts_suite)
