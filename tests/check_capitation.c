/*
 * Per-head payment through tests/data/contrib/tj2017.yaml, whose capitation section is assumed
 * (no source states a rate): diabetes 150 yuan per patient per month at primary, level-1 and
 * level-2 institutions; dialysis and haemophilia 6,000 a year anywhere; the institution keeps 50%
 * of an underspend, the fund bears 40% of an overrun, the assessment score scales the payment.
 */
#include <string.h>

#include <medins.h>

#include "runner.h"

/* Budget (and status) of one period, for the cases and the randomized check. */
static int budget(medins_fen *out, const medins_policy *policy, medins_disease disease,
                  medins_date from, medins_date to, const medins_enrolment *e, size_t n)
{
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.institution = 7;
    in.disease = disease;
    in.from = from;
    in.to = to;
    in.enrolments = e;
    in.enrolment_count = n;
    medins_result *r = NULL;
    int rc = medins_capitation(&r, policy, &in, NULL);
    if (rc == 0) {
        *out = medins_result_capitation(r)->budget;
        medins_result_free(r);
    }
    return rc;
}

typedef struct proration_case {
    const char *name;
    medins_disease disease;
    medins_date from, to;          /* period */
    medins_date enrol, exit;       /* one patient */
    medins_fen expected;
    int64_t days;
} proration_case;

/* 150 yuan = 15000 fen a month; 6000 yuan = 600000 fen a year. Half-up to the fen. */
static const proration_case proration[] = {
    /* A whole month is one full rate, whatever its length. */
    {"whole January", MEDINS_DISEASE_DIABETES, 20170101, 20170131, 20160301, 0, 15000, 31},
    {"whole February", MEDINS_DISEASE_DIABETES, 20170201, 20170228, 20170201, 20170228, 15000, 28},
    /* Enrolled on the first day of the month: the whole month. */
    {"enrolled on the 1st", MEDINS_DISEASE_DIABETES, 20170401, 20170430, 20170401, 0, 15000, 30},
    /* Enrolled on the last day: 15000 x 1/31 = 483.87 -> 484. */
    {"enrolled on the 31st", MEDINS_DISEASE_DIABETES, 20170101, 20170131, 20170131, 0, 484, 1},
    /* Exit on the first day of March: 1/31 -> 484. */
    {"exit on the 1st", MEDINS_DISEASE_DIABETES, 20170301, 20170331, 20161201, 20170301, 484, 1},
    /* Exit on the last day of the month: the whole month. */
    {"exit on the 30th", MEDINS_DISEASE_DIABETES, 20170601, 20170630, 20170101, 20170630, 15000, 30},
    /* 16 days of April's 30: 15000 x 16/30 = 8000 exactly. */
    {"from the 15th", MEDINS_DISEASE_DIABETES, 20170401, 20170430, 20170415, 0, 8000, 16},
    /* One day only, in February: 15000/28 = 535.71 -> 536. */
    {"one day", MEDINS_DISEASE_DIABETES, 20170201, 20170228, 20170214, 20170214, 536, 1},
    /* 15 January to 10 March over the quarter: January 17/31 -> 8225.81 -> 8226, February 15000,
     * March 10/31 -> 4838.71 -> 4839: 28065. */
    {"quarter", MEDINS_DISEASE_DIABETES, 20170101, 20170331, 20170115, 20170310, 28065, 17 + 28 + 10},
    /* A period starting mid-month counts the enrolled days inside it: 16-30 April, enrolled all
     * month: cumulative at the 30th 15000 minus at the 15th 15000 x 15/30 = 7500: 7500. */
    {"period from the 16th", MEDINS_DISEASE_DIABETES, 20170416, 20170430, 20170101, 0, 7500, 15},
    /* Yearly rate: 1 July to 31 December = 184 days of 365: 600000 x 184/365 = 302465.75 -> 302466. */
    {"dialysis half year", MEDINS_DISEASE_DIALYSIS, 20170101, 20171231, 20170701, 0, 302466, 184},
    {"haemophilia whole year", MEDINS_DISEASE_HAEMOPHILIA, 20170101, 20171231, 20150101, 0, 600000, 365},
    /* A yearly rate over one month: 31/365 of 600000 = 50958.90 -> 50959. */
    {"dialysis January", MEDINS_DISEASE_DIALYSIS, 20170101, 20170131, 20170101, 0, 50959, 31},
};

START_TEST(test_proration)
{
    const proration_case *c = &proration[_i];
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    medins_enrolment e;
    medins_enrolment_init(&e);
    e.patient = 1001;
    e.from = c->enrol;
    e.to = c->exit;
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.institution = 42;
    in.disease = c->disease;
    in.from = c->from;
    in.to = c->to;
    in.enrolments = &e;
    in.enrolment_count = 1;
    in.actual_costs = 0;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_capitation(&r, policy, &in, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_capitation_figures *f = medins_result_capitation(r);
    ck_assert_msg(f->budget == c->expected, "%s: budget %lld, expected %lld", c->name,
                  (long long)f->budget, (long long)c->expected);
    ck_assert_msg(f->patient_days == c->days, "%s: days %lld", c->name, (long long)f->patient_days);
    ck_assert_msg(f->patients == 1 && f->institution == 42, "%s: counts", c->name);
    ck_assert_msg(medins_result_uses_assumed(r) && f->assumed, "%s: the rate is assumed", c->name);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

typedef struct settle_case {
    const char *name;
    medins_fen actual;
    medins_bp score;
    medins_fen surplus, overrun, kept, fund, before, payment;
} settle_case;

/* Two patients enrolled all January: budget 2 x 15000 = 30000. */
static const settle_case settle_cases[] = {
    /* Underspend 10000, half kept: 20000 + 5000 = 25000; score 90% -> 22500. */
    {"underspend", 20000, 9000, 10000, 0, 5000, 0, 25000, 22500},
    /* Score 95.5%: 25000 x 0.955 = 23875. */
    {"underspend 95.5", 20000, 9550, 10000, 0, 5000, 0, 25000, 23875},
    /* Overrun 10000, the fund bears 40%: 30000 + 4000 = 34000; full score. */
    {"overrun", 40000, 10000, 0, 10000, 0, 4000, 34000, 34000},
    /* Overrun 333 x 40% = 133.2 -> 133; 30133 x 99.99% = 30129.99 -> 30130. */
    {"overrun rounding", 30333, 9999, 0, 333, 0, 133, 30133, 30130},
    /* On budget: nothing kept, nothing shared. */
    {"on budget", 30000, 10000, 0, 0, 0, 0, 30000, 30000},
    /* Nothing spent: half the budget kept; score 0 pays nothing. */
    {"nothing spent, score 0", 0, 0, 30000, 0, 15000, 0, 15000, 0},
};

START_TEST(test_settle)
{
    const settle_case *c = &settle_cases[_i];
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    medins_enrolment e[2] = {{.patient = 1, .from = 20160101, .to = 0},
                             {.patient = 2, .from = 20170101, .to = 20170131}};
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.institution = 9;
    in.level = MEDINS_LEVEL_2;
    in.from = 20170101;
    in.to = 20170131;
    in.enrolments = e;
    in.enrolment_count = 2;
    in.actual_costs = c->actual;
    in.assessment = c->score;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_capitation(&r, policy, &in, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_capitation_figures *f = medins_result_capitation(r);
    ck_assert_msg(f->budget == 30000, "%s: budget %lld", c->name, (long long)f->budget);
    ck_assert_msg(f->rate == Y(150) && f->period == MEDINS_CAPITATION_MONTH, "%s: rate", c->name);
    ck_assert_msg(f->surplus == c->surplus && f->overrun == c->overrun, "%s: surplus %lld overrun %lld",
                  c->name, (long long)f->surplus, (long long)f->overrun);
    ck_assert_msg(f->surplus_kept == c->kept && f->overrun_fund == c->fund, "%s: kept %lld fund %lld",
                  c->name, (long long)f->surplus_kept, (long long)f->overrun_fund);
    ck_assert_msg(f->before_assessment == c->before, "%s: before %lld", c->name,
                  (long long)f->before_assessment);
    ck_assert_msg(f->assessment == c->score, "%s: score", c->name);
    ck_assert_msg(f->payment == c->payment, "%s: payment %lld", c->name, (long long)f->payment);
    const medins_line *last = medins_result_line(r, medins_result_line_count(r) - 1);
    ck_assert_msg(strcmp(last->rule, "capitation.payment") == 0 && last->amount == c->payment,
                  "%s: last line", c->name);
    ck_assert_msg(medins_result_maternity(r) == NULL, "%s: other accessor", c->name);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* Without `assessment: true` the score is ignored; without shares nothing is kept or shared. */
START_TEST(test_no_assessment)
{
    static const char yaml[] =
        "format: 1\n"
        "region: contribtest\n"
        "title: \"Plain capitation\"\n"
        "schemes: [resident]\n"
        "effective: {from: 2019-01-01, to: 2019-12-31}\n"
        "sources: [{id: s, title: \"A source\"}]\n"
        "capitation:\n"
        "  cite: \"s: 5\"\n"
        "  diseases: [{disease: diabetes, rate: 100, period: month}]\n";
    medins_policy *policy = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&policy, "plain.yaml", yaml, sizeof yaml - 1, NULL, NULL, &err);
    ck_assert_msg(rc == 0, "plain: load %d %s", rc, err ? medins_error_message(err) : "");
    medins_enrolment e = {.patient = 5, .from = 20190101, .to = 0};
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.from = 20190301;
    in.to = 20190331;
    in.enrolments = &e;
    in.enrolment_count = 1;
    in.assessment = 5000;
    in.actual_costs = 6000;
    medins_result *r = NULL;
    ck_assert_int_eq(medins_capitation(&r, policy, &in, NULL), 0);
    const medins_capitation_figures *f = medins_result_capitation(r);
    /* Budget 10000, actual 6000: nothing kept, paid 6000, score not applied. */
    ck_assert_msg(f->budget == 10000 && f->surplus == 4000 && f->surplus_kept == 0, "plain: underspend");
    ck_assert_msg(f->assessment == 10000 && f->payment == 6000, "plain: payment %lld", (long long)f->payment);
    ck_assert_msg(!medins_result_uses_assumed(r), "plain: nothing assumed");
    medins_result_free(r);
    /* Overrun: the fund bears none of it: paid the budget. */
    in.actual_costs = 12000;
    ck_assert_int_eq(medins_capitation(&r, policy, &in, NULL), 0);
    ck_assert_msg(medins_result_capitation(r)->payment == 10000, "plain: overrun");
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

typedef struct error_case {
    const char *name;
    int level, disease;
    medins_date from, to;
    medins_enrolment e;
    medins_fen actual;
    medins_bp score;
    int code;
} error_case;

static const error_case errors[] = {
    {"exit before enrolment", 0, 0, 20170101, 20170131, {1, 20170120, 20170110}, 0, 10000, MEDINS_ERR_ENROLMENT},
    {"enrolment after the period", 0, 0, 20170101, 20170131, {1, 20170201, 0}, 0, 10000, MEDINS_ERR_ENROLMENT},
    {"exit before the period", 0, 0, 20170201, 20170228, {1, 20160101, 20170131}, 0, 10000, MEDINS_ERR_ENROLMENT},
    {"malformed enrolment", 0, 0, 20170101, 20170131, {1, 20170132, 0}, 0, 10000, MEDINS_ERR_ENROLMENT},
    {"malformed exit", 0, 0, 20170101, 20170131, {1, 20170101, 20171301}, 0, 10000, MEDINS_ERR_ENROLMENT},
    {"period reversed", 0, 0, 20170131, 20170101, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_DATE},
    {"period outside the policy", 0, 0, 20171201, 20180131, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_DATE},
    {"period malformed", 0, 0, 20170229, 20170331, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_DATE},
    {"level 3 has no diabetes rate", MEDINS_LEVEL_3, 0, 20170101, 20170131, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_NOT_COVERED},
    {"hemiplegia has no rate", 0, MEDINS_DISEASE_HEMIPLEGIA, 20170101, 20170131, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_NOT_COVERED},
    {"unknown level", 9, 0, 20170101, 20170131, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_LEVEL},
    {"unknown disease", 0, 5, 20170101, 20170131, {1, 20170101, 0}, 0, 10000, MEDINS_ERR_INPUT},
    {"negative costs", 0, 0, 20170101, 20170131, {1, 20170101, 0}, -1, 10000, MEDINS_ERR_INPUT},
    {"score above 100%", 0, 0, 20170101, 20170131, {1, 20170101, 0}, 0, 10001, MEDINS_ERR_INPUT},
    {"negative score", 0, 0, 20170101, 20170131, {1, 20170101, 0}, 0, -1, MEDINS_ERR_INPUT},
    {"huge costs", 0, 0, 20170101, 20170131, {1, 20170101, 0}, MEDINS_FEN_MAX + 1, 10000, MEDINS_ERR_OVERFLOW},
};

START_TEST(test_errors)
{
    const error_case *c = &errors[_i];
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.level = (medins_level)c->level;
    in.disease = (medins_disease)c->disease;
    in.from = c->from;
    in.to = c->to;
    in.enrolments = &c->e;
    in.enrolment_count = 1;
    in.actual_costs = c->actual;
    in.assessment = c->score;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_capitation(&r, policy, &in, &err);
    ck_assert_msg(rc == c->code, "%s: status %d, expected %d", c->name, rc, c->code);
    ck_assert_msg(err && medins_error_code(err) == c->code, "%s: error object", c->name);
    ck_assert_msg(r == NULL, "%s: *out set on error", c->name);
    medins_error_free(err);
    medins_policy_free(policy);
}
END_TEST

START_TEST(test_no_section)
{
    medins_policy *policy = medins_test_load("data/contrib/tj2015.yaml");
    medins_enrolment e = {.patient = 1, .from = 20150101, .to = 0};
    medins_fen b = -1;
    ck_assert_int_eq(budget(&b, policy, MEDINS_DISEASE_DIABETES, 20150101, 20150131, &e, 1),
                     MEDINS_ERR_NOT_COVERED);
    ck_assert_msg(b == -1, "no section: budget written");
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.enrolment_count = 1;   /* with no array */
    medins_result *r = NULL;
    ck_assert_int_eq(medins_capitation(&r, policy, &in, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_capitation(&r, NULL, &in, NULL), MEDINS_ERR_ARGUMENT);
    medins_policy_free(policy);
}
END_TEST

/* ---- A year is the sum of its months, to the fen ---------------------------------------------- */

static uint32_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 8) % n;
}

static const int month_days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

static medins_date random_day(int year)
{
    int m = 1 + (int)rnd(12);
    int d = 1 + (int)rnd((uint32_t)month_days[m]);
    return year * 10000 + m * 100 + d;
}

#define PATIENTS 60

START_TEST(test_year_is_sum_of_months)
{
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    rng_state = 20170101u + (uint32_t)_i;
    medins_enrolment all[PATIENTS];
    for (int i = 0; i < PATIENTS; i++) {
        medins_enrolment *e = &all[i];
        e->patient = 1000 + i;
        /* A third enrolled before the year; exits in the year, or still enrolled. */
        e->from = rnd(3) == 0 ? random_day(2016) : random_day(2017);
        e->to = 0;
        if (rnd(2)) {
            medins_date exit = random_day(2017);
            /* Edge days: the first or last day of a month now and then. */
            if (rnd(4) == 0)
                exit = exit / 100 * 100 + (rnd(2) ? 1 : month_days[exit / 100 % 100]);
            e->to = exit >= e->from ? exit : e->from;
        }
    }
    for (int d = 0; d < 2; d++) {
        medins_disease disease = d ? MEDINS_DISEASE_DIALYSIS : MEDINS_DISEASE_DIABETES;
        medins_fen year = 0;
        ck_assert_int_eq(budget(&year, policy, disease, 20170101, 20171231, all, PATIENTS), 0);
        medins_fen months = 0;
        for (int m = 1; m <= 12; m++) {
            medins_date from = 20170000 + m * 100 + 1, to = 20170000 + m * 100 + month_days[m];
            /* Only the patients enrolled during the month. */
            medins_enrolment in_month[PATIENTS];
            size_t n = 0;
            for (int i = 0; i < PATIENTS; i++)
                if (all[i].from <= to && (all[i].to == 0 || all[i].to >= from))
                    in_month[n++] = all[i];
            medins_fen b = 0;
            ck_assert_int_eq(budget(&b, policy, disease, from, to, in_month, n), 0);
            months += b;
        }
        ck_assert_msg(year == months, "seed %d %s: year %lld != sum of months %lld", _i,
                      medins_disease_name(disease), (long long)year, (long long)months);
        ck_assert_msg(year > 0, "seed %d: an empty budget proves nothing", _i);
        /* Split at a day inside a month as well. */
        medins_date cut = random_day(2017);
        if (cut == 20171231)
            cut = 20171230;
        medins_date next = cut % 100 == month_days[cut / 100 % 100]
                               ? (cut / 100 % 100 == 12 ? 20180101 : (cut / 100 + 1) * 100 + 1)
                               : cut + 1;
        medins_enrolment first[PATIENTS], second[PATIENTS];
        size_t n1 = 0, n2 = 0;
        for (int i = 0; i < PATIENTS; i++) {
            if (all[i].from <= cut)
                first[n1++] = all[i];
            if (all[i].to == 0 || all[i].to >= next)
                second[n2++] = all[i];
        }
        medins_fen b1 = 0, b2 = 0;
        ck_assert_int_eq(budget(&b1, policy, disease, 20170101, cut, first, n1), 0);
        ck_assert_int_eq(budget(&b2, policy, disease, next, 20171231, second, n2), 0);
        ck_assert_msg(b1 + b2 == year, "seed %d: split at %d: %lld + %lld != %lld", _i, (int)cut,
                      (long long)b1, (long long)b2, (long long)year);
    }
    medins_policy_free(policy);
}
END_TEST

/*
 * One patient's enrolments must not overlap (include/medins/capitation.h): two that do would
 * pay the shared days twice. January 2017, diabetes, 150 yuan a month.
 */
typedef struct overlap_case {
    const char *name;
    medins_enrolment e[3];
    size_t n;
    int status;
    const char *message;      /* part of the message, or the budget in fen when status is 0 */
    medins_fen budget;
} overlap_case;

static const overlap_case overlaps[] = {
    {"the same enrolment twice", {{5, 20170101, 0}, {5, 20170101, 0}}, 2, MEDINS_ERR_ENROLMENT,
     "patient 5: enrolments 1 (20170101, still enrolled) and 2 (20170101, still enrolled) overlap", 0},
    {"open, then a later one", {{5, 20170101, 0}, {5, 20170120, 20170125}}, 2, MEDINS_ERR_ENROLMENT,
     "patient 5: enrolments 1 (20170101, still enrolled) and 2 (20170120, to 20170125) overlap", 0},
    /* The last day of one is the first of the other: one shared day. */
    {"one shared day", {{5, 20170101, 20170115}, {5, 20170115, 0}}, 2, MEDINS_ERR_ENROLMENT,
     "enrolments 1 (20170101, to 20170115) and 2 (20170115, still enrolled) overlap", 0},
    /* Given in reverse, with another patient between: positions as given. */
    {"out of order", {{5, 20170110, 20170120}, {6, 20170101, 0}, {5, 20170101, 20170110}}, 3,
     MEDINS_ERR_ENROLMENT,
     "patient 5: enrolments 1 (20170110, to 20170120) and 3 (20170101, to 20170110) overlap", 0},
    /* One long enrolment holding two short ones: found between the long one and the first. */
    {"inside another", {{5, 20170101, 20170131}, {5, 20170120, 20170122}, {5, 20170105, 20170107}}, 3,
     MEDINS_ERR_ENROLMENT, "enrolments 1 (20170101, to 20170131) and 3 (20170105, to 20170107) overlap", 0},
    /* Left on the 15th, back on the 16th: days 1-15 are 15000 x 15 / 31 = 7258.06 -> 7258;
     * days 16-31 are 15000 - 7258 = 7742 (the cumulative rule); together one full month. */
    {"back the next day", {{5, 20170101, 20170115}, {5, 20170116, 0}}, 2, 0, NULL, 15000},
    /* Two patients on the same days: two full months. */
    {"two patients", {{5, 20170101, 0}, {6, 20170101, 0}}, 2, 0, NULL, 30000},
};

START_TEST(test_overlaps)
{
    const overlap_case *c = &overlaps[_i];
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.from = 20170101;
    in.to = 20170131;
    in.enrolments = c->e;
    in.enrolment_count = c->n;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_capitation(&r, policy, &in, &err);
    ck_assert_msg(rc == c->status, "%s: status %d, expected %d (%s)", c->name, rc, c->status,
                  err ? medins_error_message(err) : "");
    if (c->status) {
        ck_assert_msg(r == NULL, "%s: a result on failure", c->name);
        ck_assert_msg(err && strstr(medins_error_message(err), c->message), "%s: message '%s'",
                      c->name, err ? medins_error_message(err) : "(none)");
    } else {
        ck_assert_msg(medins_result_capitation(r)->budget == c->budget, "%s: budget %lld, expected %lld",
                      c->name, (long long)medins_result_capitation(r)->budget, (long long)c->budget);
    }
    medins_error_free(err);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* The disease words of docs/policy-format.md, "Capitation". */
START_TEST(test_names)
{
    static const char *const words[] = { "diabetes", "dialysis", "haemophilia", "hemiplegia", "pulmonary_heart" };
    MEDINS_CHECK_WORDS(medins_disease, MEDINS_DISEASE_COUNT, medins_disease_name, medins_disease_parse,
                       words, "gout");
}
END_TEST

static Suite *capitation_suite(void)
{
    Suite *s = suite_create("capitation");
    TCase *tc = tcase_create("proration");
    tcase_add_loop_test(tc, test_proration, 0, (int)(sizeof proration / sizeof *proration));
    tcase_add_loop_test(tc, test_year_is_sum_of_months, 0, 8);
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("settle");
    tcase_add_loop_test(tc, test_settle, 0, (int)(sizeof settle_cases / sizeof *settle_cases));
    tcase_add_test(tc, test_no_assessment);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof errors / sizeof *errors));
    tcase_add_test(tc, test_no_section);
    tcase_add_loop_test(tc, test_overlaps, 0, (int)(sizeof overlaps / sizeof *overlaps));
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(capitation_suite)
