/*
 * A population's contributions, maternity payments and capitation settlements in one call
 * (medins/population.h): the figures of every row are those of the one-row call, on random
 * populations under every embedded policy, bad rows included; hand-worked rows; the refusals
 * of the calls themselves, which write nothing.
 */
#include <stdbool.h>

#include <medins.h>

#include "runner.h"
#include "synth.h"

/* A sentinel the outputs hold before a call: a refused call leaves it. */
#define UNTOUCHED ((medins_fen)-777)

static medins_policy_set *embedded_set(void)
{
    medins_policy_set *set = NULL;
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
    return set;
}

/* A value from `values` (n of them), or now and then one outside every enum, to fail a row. */
static int32_t pick(synth_rng *r, const int32_t *values, size_t n)
{
    return synth_below(r, 40) == 0 ? (int32_t)synth_below(r, 9) - 3
                                   : values[synth_below(r, n)];
}

/* A day of the policy's first year, or now and then one outside it. */
static medins_date day_of(synth_rng *r, const medins_policy *p)
{
    const int year = medins_policy_effective_from(p) / 10000;
    if (synth_below(r, 50) == 0)
        return (year - 1) * 10000 + 1231;
    return year * 10000 + (int)(1 + synth_below(r, 12)) * 100 + (int)(1 + synth_below(r, 28));
}

typedef struct random_persons {
    int32_t scheme[400], category[400], tier[400];
    medins_date birth[400];
    uint32_t groups[400];
} random_persons;

static medins_person_columns random_persons_fill(random_persons *p, synth_rng *r, size_t n)
{
    static const int32_t schemes[] = { MEDINS_SCHEME_EMPLOYEE, MEDINS_SCHEME_RESIDENT };
    static const int32_t tiers[] = { MEDINS_TIER_LOW, MEDINS_TIER_MIDDLE, MEDINS_TIER_HIGH,
                                     MEDINS_TIER_NONE };
    for (size_t i = 0; i < n; i++) {
        p->scheme[i] = pick(r, schemes, 2);
        const bool employee = p->scheme[i] == MEDINS_SCHEME_EMPLOYEE;
        const int32_t categories[] = { employee ? MEDINS_CATEGORY_IN_SERVICE : MEDINS_CATEGORY_ADULT,
                                       employee ? MEDINS_CATEGORY_RETIRED
                                                : MEDINS_CATEGORY_STUDENT_CHILD };
        p->category[i] = pick(r, categories, 2);
        p->tier[i] = employee && synth_below(r, 30) ? MEDINS_TIER_NONE : pick(r, tiers, 4);
        p->birth[i] = synth_below(r, 10) ? 19400101 + (int)synth_below(r, 70) * 10000 : 0;
        p->groups[i] = synth_below(r, 4) == 0 ? 1u << synth_below(r, 11) : 0;
    }
    return (medins_person_columns){ p->scheme, p->category, p->tier, p->birth, p->groups };
}

static medins_person person_of(const random_persons *p, size_t i)
{
    medins_person x;
    medins_person_init(&x);
    x.scheme = (medins_scheme)p->scheme[i];
    x.category = (medins_category)p->category[i];
    x.tier = (medins_tier)p->tier[i];
    x.birth_date = p->birth[i];
    x.groups = p->groups[i];
    return x;
}

/* One row by the one-row call: its status into `rc`, and its figures when it succeeded (the
 * call names its result r_). */
#define ONE_ROW(rc, call, getter, figures)                                                   \
    do {                                                                                     \
        medins_result *r_ = NULL;                                                            \
        rc = (call);                                                                         \
        if (rc == 0)                                                                         \
            figures = *getter(r_);                                                           \
        medins_result_free(r_);                                                              \
    } while (0)

/* ---- Contributions ---------------------------------------------------------------------- */

START_TEST(test_contributions_as_one_by_one)
{
    medins_policy_set *set = embedded_set();
    const medins_policy *p = medins_policy_set_at(set, (size_t)_i);
    synth_rng rng = { 0x5eed0000u + (uint64_t)_i };
    enum { N = 400 };
    static random_persons persons;
    static medins_fen wage[N], individual[N], government[N], employer[N], total[N], subsidy[N],
        wage_base[N], monthly_employer[N], monthly_individual[N], fixed_yearly[N];
    static int32_t employer_type[N], paying[N], benefit[N], state[N], status[N];
    static uint32_t group[N];
    static medins_bp employer_rate[N], individual_rate[N];
    static const int32_t types[] = { MEDINS_EMPLOYER_ENTERPRISE, MEDINS_EMPLOYER_CIVIL_SERVICE,
                                     MEDINS_EMPLOYER_DIFFICULTY,
                                     MEDINS_EMPLOYER_INDIVIDUAL_BUSINESS };
    medins_contribution_columns in = MEDINS_CONTRIBUTION_COLUMNS_INIT;
    in.n = N;
    in.persons = random_persons_fill(&persons, &rng, N);
    for (size_t i = 0; i < N; i++) {
        wage[i] = synth_below(&rng, 60) ? synth_amount(&rng, 15, 22) : -1;
        employer_type[i] = pick(&rng, types, 4);
    }
    in.monthly_wage = wage;
    in.employer_type = employer_type;
    medins_contribution_outputs out = {
        MEDINS_CONTRIBUTION_OUTPUTS_VERSION, individual, government, employer, total, subsidy,
        paying, benefit, group, state, wage_base, employer_rate, individual_rate,
        monthly_employer, monthly_individual, fixed_yearly, status,
    };
    const medins_date date = medins_policy_effective_from(p);
    size_t failed = 0;
    int rc = medins_contribution_batch(p, date, &in, &out, &failed, NULL);

    size_t nfailed = 0;
    for (size_t i = 0; i < N; i++) {
        const medins_person person = person_of(&persons, i);
        const medins_employee_input e = { MEDINS_EMPLOYEE_INPUT_VERSION, wage[i],
                                          (medins_employer_type)employer_type[i] };
        medins_contribution_figures f = { 0 };
        int one;
        ONE_ROW(one, medins_contribution(&r_, p, &person, date, &e, NULL),
                medins_result_contribution, f);
        nfailed += one != 0;
        ck_assert_msg(status[i] == one, "%s row %zu: status %d, one by one %d",
                      medins_policy_id(p), i, status[i], one);
        ck_assert_msg(individual[i] == f.individual && government[i] == f.government &&
                          employer[i] == f.employer && total[i] == f.total &&
                          subsidy[i] == f.subsidy && paying[i] == (int32_t)f.paying_tier &&
                          benefit[i] == (int32_t)f.benefit_tier && group[i] == f.group &&
                          state[i] == f.state_pays_all && wage_base[i] == f.wage_base &&
                          employer_rate[i] == f.employer_rate &&
                          individual_rate[i] == f.individual_rate &&
                          monthly_employer[i] == f.monthly_employer &&
                          monthly_individual[i] == f.monthly_individual &&
                          fixed_yearly[i] == f.fixed_yearly,
                      "%s row %zu: figures differ from the one-row call's", medins_policy_id(p), i);
    }
    /* Bad rows fail, the others succeed (all fail without a contributions section). */
    ck_assert_msg(failed == nfailed && nfailed > 0 &&
                      (nfailed < N / 2 || !medins_policy_has_section(p, MEDINS_SECTION_CONTRIBUTIONS)),
                  "%s: %zu failed, %zu one by one", medins_policy_id(p), failed, nfailed);
    ck_assert_int_eq(rc, MEDINS_ERR_BATCH);
    medins_policy_set_free(set);
}
END_TEST

/* Tianjin 2023 (policies/tianjin/2023.yaml):
 *   a low-tier adult resident: 350 individual + 640 subsidy = 990 yuan;
 *   an employee of an enterprise earning 5000 yuan a month (the base 4400 to 22434 keeps it):
 *     employer 11% = 550 a month, 6600 a year; individual 2% = 100 a month, 1200 a year, plus
 *     the fixed 260: 1460; total 8060;
 *   one earning 30000: base 22434; employer 2467.74 a month (11%), 29612.88 a year;
 *     individual 448.68 a month, 5384.16 + 260 = 5644.16 a year. */
START_TEST(test_contributions_worked)
{
    medins_policy_set *set = embedded_set();
    const medins_policy *p = medins_policy_set_get(set, "tianjin/2023");
    const int32_t scheme[] = { MEDINS_SCHEME_RESIDENT, MEDINS_SCHEME_EMPLOYEE,
                               MEDINS_SCHEME_EMPLOYEE };
    const int32_t category[] = { MEDINS_CATEGORY_ADULT, MEDINS_CATEGORY_IN_SERVICE,
                                 MEDINS_CATEGORY_IN_SERVICE };
    const int32_t tier[] = { MEDINS_TIER_LOW, MEDINS_TIER_NONE, MEDINS_TIER_NONE };
    const medins_fen wage[] = { 0, Y(5000), Y(30000) };
    medins_fen individual[3], government[3], employer[3], total[3];
    int32_t status[3];
    medins_contribution_columns in = MEDINS_CONTRIBUTION_COLUMNS_INIT;
    in.n = 3;
    in.persons.scheme = scheme;
    in.persons.category = category;
    in.persons.tier = tier;
    in.monthly_wage = wage;
    medins_contribution_outputs out = MEDINS_CONTRIBUTION_OUTPUTS_INIT;
    out.individual = individual;
    out.government = government;
    out.employer = employer;
    out.total = total;
    out.status = status;
    size_t failed = 9;
    ck_assert_int_eq(medins_contribution_batch(p, 20230601, &in, &out, &failed, NULL), 0);
    ck_assert_uint_eq(failed, 0);
    ck_assert_int_eq(individual[0], Y(350));
    ck_assert_int_eq(government[0], Y(640));
    ck_assert_int_eq(total[0], Y(990));
    ck_assert_int_eq(employer[1], Y(6600));
    ck_assert_int_eq(individual[1], Y(1460));
    ck_assert_int_eq(total[1], Y(8060));
    ck_assert_int_eq(employer[2], 2961288);
    ck_assert_int_eq(individual[2], 564416);
    ck_assert_int_eq(status[0] | status[1] | status[2], 0);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Maternity -------------------------------------------------------------------------- */

START_TEST(test_maternity_as_one_by_one)
{
    medins_policy_set *set = embedded_set();
    const medins_policy *p = medins_policy_set_at(set, (size_t)_i);
    synth_rng rng = { 0xbab10000u + (uint64_t)_i };
    enum { N = 400 };
    static random_persons persons;
    static medins_date date[N];
    static int32_t delivery[N], weeks[N], order[N], status[N];
    static medins_fen prenatal_costs[N], complication_costs[N], o_delivery[N], o_limit[N],
        o_prenatal[N], o_complication[N], o_total[N];
    static medins_bp o_ratio[N];
    static const int32_t deliveries[] = { MEDINS_DELIVERY_NATURAL, MEDINS_DELIVERY_ASSISTED,
                                          MEDINS_DELIVERY_CAESAREAN,
                                          MEDINS_DELIVERY_CAESAREAN_COMPLEX };
    medins_maternity_columns in = MEDINS_MATERNITY_COLUMNS_INIT;
    in.n = N;
    in.persons = random_persons_fill(&persons, &rng, N);
    for (size_t i = 0; i < N; i++) {
        date[i] = day_of(&rng, p);
        delivery[i] = pick(&rng, deliveries, 4);
        weeks[i] = synth_below(&rng, 20) ? 8 + (int32_t)synth_below(&rng, 35)
                                         : (int32_t)synth_below(&rng, 60) - 5;
        order[i] = synth_below(&rng, 20) ? 1 + (int32_t)synth_below(&rng, 2)
                                         : (int32_t)synth_below(&rng, 6);
        prenatal_costs[i] = synth_below(&rng, 50) ? synth_amount(&rng, 8, 18) : -5;
        complication_costs[i] = synth_below(&rng, 2) ? synth_amount(&rng, 8, 22) : 0;
    }
    in.date = date;
    in.delivery = delivery;
    in.weeks = weeks;
    in.child_order = order;
    in.prenatal_costs = prenatal_costs;
    in.complication_costs = complication_costs;
    medins_maternity_outputs out = { MEDINS_MATERNITY_OUTPUTS_VERSION, o_delivery, o_limit,
                                     o_prenatal, o_ratio, o_complication, o_total, status };
    size_t failed = 0;
    medins_error *err = NULL;
    int rc = medins_maternity_batch(p, &in, &out, &failed, &err);

    size_t nfailed = 0, first = N;
    for (size_t i = 0; i < N; i++) {
        const medins_person person = person_of(&persons, i);
        const medins_maternity_input m = { MEDINS_MATERNITY_INPUT_VERSION,
                                           (medins_delivery)delivery[i], weeks[i], order[i],
                                           prenatal_costs[i], complication_costs[i] };
        medins_maternity_figures f = { 0 };
        int one;
        ONE_ROW(one, medins_maternity(&r_, p, &person, date[i], &m, NULL),
                medins_result_maternity, f);
        if (one && first == N)
            first = i;
        nfailed += one != 0;
        ck_assert_msg(status[i] == one, "%s row %zu: status %d, one by one %d",
                      medins_policy_id(p), i, status[i], one);
        ck_assert_msg(o_delivery[i] == f.delivery && o_limit[i] == f.prenatal_limit &&
                          o_prenatal[i] == f.prenatal && o_ratio[i] == f.complication_ratio &&
                          o_complication[i] == f.complication && o_total[i] == f.total,
                      "%s row %zu: figures differ from the one-row call's", medins_policy_id(p), i);
    }
    ck_assert_uint_eq(failed, nfailed);
    ck_assert_msg(nfailed < N || !medins_policy_has_section(p, MEDINS_SECTION_MATERNITY),
                  "%s: no row succeeded", medins_policy_id(p));
    ck_assert_int_eq(rc, nfailed ? MEDINS_ERR_BATCH : 0);
    if (nfailed) {
        char want[64];
        snprintf(want, sizeof want, "the first, row %zu: ", first);
        ck_assert_msg(strstr(medins_error_message(err), want) != NULL, "%s: %s",
                      medins_policy_id(p), medins_error_message(err));
    }
    medins_error_free(err);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Capitation ------------------------------------------------------------------------- */

START_TEST(test_capitation_as_one_by_one)
{
    medins_policy_set *set = embedded_set();
    const medins_policy *p = medins_policy_set_at(set, (size_t)_i);
    synth_rng rng = { 0xcab10000u + (uint64_t)_i };
    enum { N = 60, M = 1200 };
    static int64_t institution[N], patient[M];
    static int32_t level[N], disease[N], row[M], status[N], o_period[N], o_patients[N];
    static medins_date from[N], to[N], efrom[M], eto[M];
    static medins_fen costs[N], o_rate[N], o_budget[N], o_surplus[N], o_overrun[N], o_kept[N],
        o_fund[N], o_before[N], o_payment[N];
    static medins_bp assessment[N], o_assessment[N];
    static int64_t o_days[N];
    static medins_enrolment listed[M];
    static const int32_t levels[] = { MEDINS_LEVEL_PRIMARY, MEDINS_LEVEL_1, MEDINS_LEVEL_2,
                                      MEDINS_LEVEL_3 };
    static const int32_t diseases[] = { MEDINS_DISEASE_DIABETES, MEDINS_DISEASE_DIABETES,
                                        MEDINS_DISEASE_DIABETES, MEDINS_DISEASE_DIALYSIS };
    const int year = medins_policy_effective_from(p) / 10000;
    size_t m = 0;
    for (size_t i = 0; i < N; i++) {
        institution[i] = 100 + (int64_t)i;
        level[i] = pick(&rng, levels, 4);
        disease[i] = pick(&rng, diseases, 4);
        const int month = 1 + (int)synth_below(&rng, 12);
        from[i] = year * 10000 + month * 100 + 1;
        to[i] = synth_below(&rng, 30) ? year * 10000 + 1231 : year * 10000 + 101;
        costs[i] = synth_below(&rng, 40) ? synth_amount(&rng, 10, 24) : -1;
        assessment[i] = (medins_bp)(synth_below(&rng, 40) ? 6000 + synth_below(&rng, 4001) : 10001);
        for (size_t k = synth_below(&rng, 25); k > 0 && m < M; k--, m++) {
            row[m] = (int32_t)i;
            /* Now and then a patient twice, whose enrolments overlap, or one that starts
             * after the period. */
            patient[m] = synth_below(&rng, 100) ? (int64_t)m : (int64_t)m - 1;
            efrom[m] = year * 10000 + (1 + (int)synth_below(&rng, 12)) * 100 + 1;
            if (efrom[m] > to[i] && synth_below(&rng, 10))
                efrom[m] = from[i];
            eto[m] = synth_below(&rng, 2) ? 0 : year * 10000 + 1231;
        }
    }
    medins_capitation_columns in = MEDINS_CAPITATION_COLUMNS_INIT;
    in.n = N;
    in.institution = institution;
    in.level = level;
    in.disease = disease;
    in.from = from;
    in.to = to;
    in.actual_costs = costs;
    in.assessment = assessment;
    in.m = m;
    in.enrolment_row = row;
    in.patient = patient;
    in.enrolled_from = efrom;
    in.enrolled_to = eto;
    medins_capitation_outputs out = {
        MEDINS_CAPITATION_OUTPUTS_VERSION, o_rate, o_period, o_patients, o_days, o_budget,
        o_surplus, o_overrun, o_kept, o_fund, o_before, o_assessment, o_payment, status,
    };
    size_t failed = 0;
    int rc = medins_capitation_batch(p, &in, &out, &failed, NULL);

    size_t nfailed = 0, k = 0;
    for (size_t i = 0; i < N; i++) {
        size_t count = 0;
        for (; k < m && (size_t)row[k] == i; k++, count++)
            listed[count] = (medins_enrolment){ patient[k], efrom[k], eto[k] };
        const medins_capitation_input ci = {
            MEDINS_CAPITATION_INPUT_VERSION, institution[i], (medins_level)level[i], (medins_disease)disease[i], from[i], to[i],
            listed, count, costs[i], assessment[i],
        };
        medins_capitation_figures f = { 0 };
        int rc_one;
        ONE_ROW(rc_one, medins_capitation(&r_, p, &ci, NULL), medins_result_capitation, f);
        nfailed += rc_one != 0;
        ck_assert_msg(status[i] == rc_one, "%s row %zu: status %d, one by one %d",
                      medins_policy_id(p), i, status[i], rc_one);
        ck_assert_msg(o_rate[i] == f.rate && o_period[i] == (int32_t)f.period &&
                          o_patients[i] == f.patients && o_days[i] == f.patient_days &&
                          o_budget[i] == f.budget && o_surplus[i] == f.surplus &&
                          o_overrun[i] == f.overrun && o_kept[i] == f.surplus_kept &&
                          o_fund[i] == f.overrun_fund && o_before[i] == f.before_assessment &&
                          o_assessment[i] == f.assessment && o_payment[i] == f.payment,
                      "%s row %zu: figures differ from the one-row call's", medins_policy_id(p), i);
    }
    ck_assert_uint_eq(failed, nfailed);
    ck_assert_msg(nfailed < N || !medins_policy_has_section(p, MEDINS_SECTION_CAPITATION),
                  "%s: no row succeeded", medins_policy_id(p));
    ck_assert_int_eq(rc, nfailed ? MEDINS_ERR_BATCH : 0);
    medins_policy_set_free(set);
}
END_TEST

/* ---- The calls' own refusals ------------------------------------------------------------ */

typedef struct refusal {
    const char *name;
    int which;            /* 0 contribution, 1 maternity, 2 capitation */
    unsigned in_version, out_version;
    int drop;             /* the required column to leave out: 0 none */
    int32_t bad_row;      /* capitation: the second enrolment's row */
    medins_date date;
    int code;
    const char *message;
} refusal;

static const refusal refusals[] = {
    {"contribution: version 0", 0, 0, 1, 0, 0, 20230601, MEDINS_ERR_ARGUMENT,
     "medins_contribution_columns: version 0"},
    {"contribution: outputs of version 2", 0, 1, 2, 0, 0, 20230601, MEDINS_ERR_ARGUMENT,
     "medins_contribution_outputs: version 2"},
    {"contribution: no scheme column", 0, 1, 1, 1, 0, 20230601, MEDINS_ERR_ARGUMENT,
     "the scheme column is required"},
    {"contribution: no category column", 0, 1, 1, 2, 0, 20230601, MEDINS_ERR_ARGUMENT,
     "the category column is required"},
    {"contribution: a date of another year", 0, 1, 1, 0, 0, 20220601, MEDINS_ERR_DATE,
     "not a day on which policy tianjin/2023 is in force"},
    {"contribution: not a date", 0, 1, 1, 0, 0, 20230230, MEDINS_ERR_DATE,
     "not a calendar date"},
    {"maternity: version 7", 1, 7, 1, 0, 0, 0, MEDINS_ERR_ARGUMENT,
     "medins_maternity_columns: version 7"},
    {"maternity: no date column", 1, 1, 1, 3, 0, 0, MEDINS_ERR_ARGUMENT,
     "the date column is required"},
    {"maternity: no weeks column", 1, 1, 1, 4, 0, 0, MEDINS_ERR_ARGUMENT,
     "the weeks column is required"},
    {"capitation: outputs of version 0", 2, 1, 0, 0, 0, 0, MEDINS_ERR_ARGUMENT,
     "medins_capitation_outputs: version 0"},
    {"capitation: no actual_costs column", 2, 1, 1, 5, 0, 0, MEDINS_ERR_ARGUMENT,
     "the actual_costs column is required"},
    {"capitation: enrolment of row 2 of 2", 2, 1, 1, 0, 2, 0, MEDINS_ERR_ARGUMENT,
     "enrolment 1 names row 2 of 2"},
    {"capitation: enrolments out of order", 2, 1, 1, 0, -1, 0, MEDINS_ERR_ARGUMENT,
     "enrolment 1 (row 0) follows one of row 1"},
};

/* A refused call writes nothing: the outputs keep UNTOUCHED, `failed` its value. */
START_TEST(test_refusals)
{
    const refusal *t = &refusals[_i];
    medins_policy_set *set = embedded_set();
    const medins_policy *p = medins_policy_set_get(set, "tianjin/2023");
    const int32_t scheme[] = { MEDINS_SCHEME_RESIDENT, MEDINS_SCHEME_RESIDENT };
    const int32_t category[] = { MEDINS_CATEGORY_ADULT, MEDINS_CATEGORY_ADULT };
    const int32_t tier[] = { MEDINS_TIER_LOW, MEDINS_TIER_HIGH };
    const medins_date date[] = { 20230301, 20230401 };
    const int32_t zero[] = { 0, 0 }, forty[] = { 40, 40 }, one[] = { 1, 1 };
    const medins_fen costs[] = { Y(100), Y(200) };
    const int64_t patients[] = { 1, 2 };
    const int32_t rows[] = { t->bad_row < 0 ? 1 : 0, t->bad_row < 0 ? 0 : t->bad_row };
    const medins_date starts[] = { 20230101, 20230101 }, ends[] = { 20231231, 20231231 };
    medins_fen total[2] = { UNTOUCHED, UNTOUCHED };
    int32_t status[2] = { -777, -777 };
    medins_person_columns persons = { t->drop == 1 ? NULL : scheme,
                                      t->drop == 2 ? NULL : category, tier, NULL, NULL };
    size_t failed = 99;
    medins_error *err = NULL;
    int rc;
    if (t->which == 0) {
        medins_contribution_columns in = { t->in_version, 2, persons, NULL, NULL };
        medins_contribution_outputs out = MEDINS_CONTRIBUTION_OUTPUTS_INIT;
        out.version = t->out_version;
        out.total = total;
        out.status = status;
        rc = medins_contribution_batch(p, t->date, &in, &out, &failed, &err);
    } else if (t->which == 1) {
        medins_maternity_columns in = { t->in_version, 2, persons, t->drop == 3 ? NULL : date,
                                        zero, t->drop == 4 ? NULL : forty, one, NULL, NULL };
        medins_maternity_outputs out = MEDINS_MATERNITY_OUTPUTS_INIT;
        out.version = t->out_version;
        out.total = total;
        out.status = status;
        rc = medins_maternity_batch(p, &in, &out, &failed, &err);
    } else {
        medins_capitation_columns in = {
            t->in_version, 2, NULL, zero, zero, starts, ends, t->drop == 5 ? NULL : costs, NULL,
            2, rows, patients, starts, ends,
        };
        medins_capitation_outputs out = MEDINS_CAPITATION_OUTPUTS_INIT;
        out.version = t->out_version;
        out.payment = total;
        out.status = status;
        rc = medins_capitation_batch(p, &in, &out, &failed, &err);
    }
    ck_assert_msg(rc == t->code, "%s: %d, not %d", t->name, rc, t->code);
    ck_assert_msg(strstr(medins_error_message(err), t->message) != NULL, "%s: %s", t->name,
                  medins_error_message(err));
    ck_assert_msg(total[0] == UNTOUCHED && total[1] == UNTOUCHED && status[0] == -777 &&
                      status[1] == -777 && failed == 99,
                  "%s: a refused call wrote its outputs", t->name);
    medins_error_free(err);
    medins_policy_set_free(set);
}
END_TEST

/* A failed row gets zeros and its status, the others their figures; the error names the first
 * failed row with the one-row call's message. Row 1 is an employee without a wage column:
 * medins_contribution's "an employee needs wage input"; row 2 a resident of an unknown tier. */
START_TEST(test_failed_rows)
{
    medins_policy_set *set = embedded_set();
    const medins_policy *p = medins_policy_set_get(set, "tianjin/2023");
    const int32_t scheme[] = { MEDINS_SCHEME_RESIDENT, MEDINS_SCHEME_EMPLOYEE,
                               MEDINS_SCHEME_RESIDENT };
    const int32_t category[] = { MEDINS_CATEGORY_ADULT, MEDINS_CATEGORY_IN_SERVICE,
                                 MEDINS_CATEGORY_ADULT };
    const int32_t tier[] = { MEDINS_TIER_HIGH, MEDINS_TIER_NONE, 9 };
    medins_fen total[3] = { UNTOUCHED, UNTOUCHED, UNTOUCHED };
    int32_t status[3] = { 1, 1, 1 };
    medins_contribution_columns in = MEDINS_CONTRIBUTION_COLUMNS_INIT;
    in.n = 3;
    in.persons.scheme = scheme;
    in.persons.category = category;
    in.persons.tier = tier;
    medins_contribution_outputs out = MEDINS_CONTRIBUTION_OUTPUTS_INIT;
    out.total = total;
    out.status = status;
    size_t failed = 0;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_contribution_batch(p, 20230601, &in, &out, &failed, &err),
                     MEDINS_ERR_BATCH);
    ck_assert_uint_eq(failed, 2);
    /* High tier: 980 individual + 1130 subsidy. */
    ck_assert_int_eq(total[0], Y(2110));
    ck_assert_int_eq(status[0], 0);
    ck_assert_int_eq(total[1], 0);
    ck_assert_int_eq(status[1], MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(total[2], 0);
    ck_assert_int_eq(status[2], MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err),
                     "2 row(s) failed; the first, row 1: an employee needs wage input");
    medins_error_free(err);
    medins_policy_set_free(set);
}
END_TEST

/* The INIT macros and the init functions agree; NULL is left alone. */
START_TEST(test_init)
{
    medins_contribution_columns a = MEDINS_CONTRIBUTION_COLUMNS_INIT, b;
    medins_contribution_outputs c = MEDINS_CONTRIBUTION_OUTPUTS_INIT, d;
    medins_maternity_columns e = MEDINS_MATERNITY_COLUMNS_INIT, f;
    medins_maternity_outputs g = MEDINS_MATERNITY_OUTPUTS_INIT, h;
    medins_capitation_columns i = MEDINS_CAPITATION_COLUMNS_INIT, j;
    medins_capitation_outputs k = MEDINS_CAPITATION_OUTPUTS_INIT, l;
    memset(&b, 0xA5, sizeof b);
    memset(&d, 0xA5, sizeof d);
    memset(&f, 0xA5, sizeof f);
    memset(&h, 0xA5, sizeof h);
    memset(&j, 0xA5, sizeof j);
    memset(&l, 0xA5, sizeof l);
    medins_contribution_columns_init(&b);
    medins_contribution_outputs_init(&d);
    medins_maternity_columns_init(&f);
    medins_maternity_outputs_init(&h);
    medins_capitation_columns_init(&j);
    medins_capitation_outputs_init(&l);
    ck_assert(a.version == 1 && b.version == 1 && b.n == 0 && !b.persons.scheme &&
              !b.monthly_wage && !b.employer_type);
    ck_assert(c.version == 1 && d.version == 1 && !d.total && !d.status);
    ck_assert(e.version == 1 && f.version == 1 && !f.date && !f.complication_costs);
    ck_assert(g.version == 1 && h.version == 1 && !h.total && !h.status);
    ck_assert(i.version == 1 && j.version == 1 && j.m == 0 && !j.enrolled_to);
    ck_assert(k.version == 1 && l.version == 1 && !l.payment && !l.status);
    medins_contribution_columns_init(NULL);
    medins_contribution_outputs_init(NULL);
    medins_maternity_columns_init(NULL);
    medins_maternity_outputs_init(NULL);
    medins_capitation_columns_init(NULL);
    medins_capitation_outputs_init(NULL);
}
END_TEST

static Suite *population_suite(void)
{
    Suite *s = suite_create("population");
    medins_policy_set *set = NULL;
    medins_policy_set_open_embedded(&set, NULL);
    /* Without a set (count 0), one case runs, and fails opening it. */
    const int policies = set ? (int)medins_policy_set_count(set) : 1;
    medins_policy_set_free(set);
    TCase *tc = tcase_create("as one by one");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_contributions_as_one_by_one, 0, policies);
    tcase_add_loop_test(tc, test_maternity_as_one_by_one, 0, policies);
    tcase_add_loop_test(tc, test_capitation_as_one_by_one, 0, policies);
    tcase_add_test(tc, test_contributions_worked);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_refusals, 0, (int)(sizeof refusals / sizeof *refusals));
    tcase_add_test(tc, test_failed_rows);
    tcase_add_test(tc, test_init);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(population_suite)
