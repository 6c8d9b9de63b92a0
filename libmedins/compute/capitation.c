/*
 * Per-head (capitation) payment under the `capitation:` section (policy/capitation.c binds
 * it): the prorated budget of a period and its settlement against the institution's actual
 * costs. The rounding rule that makes budgets
 * add up exactly across any split of a period is described in include/medins/capitation.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capitation.h"
#include "figures.h"
#include "person.h"
#include "result.h"

/* ---- Dates ---------------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a valid YYYYMMDD (proleptic Gregorian calendar). */
static int32_t day_number(int32_t y, int32_t m, int32_t d)
{
    y -= m <= 2;
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    int32_t yoe = y - era * 400;
    int32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t day_of(medins_date d)
{
    return day_number(d / 10000, d / 100 % 100, d % 100);
}

/* ---- Computation ---------------------------------------------------------------------------- */

void medins_enrolment_init(medins_enrolment *enrolment)
{
    if (enrolment)
        memset(enrolment, 0, sizeof *enrolment);
}

void medins_capitation_input_init(medins_capitation_input *input)
{
    if (input)
        *input = (medins_capitation_input)MEDINS_CAPITATION_INPUT_INIT;
}

/* An enrolment with its position in the input, sorted by patient and first day. */
typedef struct enrolment_at {
    int64_t patient;
    medins_date from, to;
    size_t at;
} enrolment_at;

static int by_patient_then_from(const void *a, const void *b)
{
    const enrolment_at *x = a, *y = b;
    if (x->patient != y->patient)
        return x->patient < y->patient ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

/*
 * A patient is paid for once a day, so one patient's enrolments must not overlap: two that
 * do would pay the shared days twice, and the policy says nothing of merging them. Sorted by
 * patient and first day, an overlap shows between neighbours: if one enrolment overlaps a
 * later-starting one, it overlaps the next one too. O(n log n).
 */
static int check_overlaps(const medins_enrolment *e, size_t n, enrolment_at *scratch,
                          medins_error **err)
{
    if (n < 2)
        return 0;
    enrolment_at *s = scratch ? scratch : malloc(n * sizeof *s);
    if (!s)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        s[i] = (enrolment_at){e[i].patient, e[i].from, e[i].to, i};
    qsort(s, n, sizeof *s, by_patient_then_from);
    int rc = 0;
    for (size_t i = 1; i < n && rc == 0; i++) {
        const enrolment_at *a = &s[i - 1], *b = &s[i];
        if (a->patient != b->patient || (a->to != 0 && a->to < b->from))
            continue;
        const enrolment_at *first = a->at < b->at ? a : b, *second = a->at < b->at ? b : a;
        char until1[32] = "still enrolled", until2[32] = "still enrolled";
        if (first->to)
            snprintf(until1, sizeof until1, "to %d", (int)first->to);
        if (second->to)
            snprintf(until2, sizeof until2, "to %d", (int)second->to);
        rc = mdn_error(err, MEDINS_ERR_ENROLMENT, NULL, 0, 0,
                       "patient %lld: enrolments %zu (%d, %s) and %zu (%d, %s) overlap: a patient "
                       "is paid for once a day; give the periods without overlap",
                       (long long)a->patient, first->at + 1, (int)first->from, until1,
                       second->at + 1, (int)second->from, until2);
    }
    if (s != scratch)
        free(s);
    return rc;
}

static int check_input(const medins_policy *policy, const medins_capitation_input *in,
                       enrolment_at *scratch, medins_error **err)
{
    if (!MDN_VERSION_KNOWN(in->version, MEDINS_CAPITATION_INPUT_VERSION))
        return mdn_version_error(err, "medins_capitation_input", in->version,
                                 MEDINS_CAPITATION_INPUT_VERSION);
    if (in->enrolment_count && !in->enrolments)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "enrolments is NULL");
    if ((unsigned)in->level >= MEDINS_LEVEL_COUNT)
        return mdn_error(err, MEDINS_ERR_LEVEL, NULL, 0, 0, "unknown level %d", (int)in->level);
    if ((unsigned)in->disease >= MEDINS_DISEASE_COUNT)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "unknown disease %d", (int)in->disease);
    if (in->actual_costs < 0)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "negative actual costs");
    if (in->actual_costs > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "actual costs too large");
    if (in->assessment < 0 || in->assessment > MEDINS_BP_ONE)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0,
                         "assessment score %d outside 0..10000 basis points", (int)in->assessment);
    if (!medins_date_valid(in->from) || !medins_date_valid(in->to) || in->to < in->from
        || !medins_policy_in_force(policy, in->from) || !medins_policy_in_force(policy, in->to))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "period %d-%d is not a range of days inside policy %s", (int)in->from,
                         (int)in->to, policy->id);
    for (size_t i = 0; i < in->enrolment_count; i++) {
        const medins_enrolment *e = &in->enrolments[i];
        if (!medins_date_valid(e->from) || (e->to && !medins_date_valid(e->to)))
            return mdn_error(err, MEDINS_ERR_ENROLMENT, NULL, 0, 0,
                             "patient %lld: malformed enrolment date", (long long)e->patient);
        if (e->to && e->to < e->from)
            return mdn_error(err, MEDINS_ERR_ENROLMENT, NULL, 0, 0,
                             "patient %lld: exit %d before enrolment %d", (long long)e->patient,
                             (int)e->to, (int)e->from);
        if (e->from > in->to || (e->to && e->to < in->from))
            return mdn_error(err, MEDINS_ERR_ENROLMENT, NULL, 0, 0,
                             "patient %lld: enrolment %d-%d outside the period %d-%d",
                             (long long)e->patient, (int)e->from, (int)e->to, (int)in->from,
                             (int)in->to);
    }
    return check_overlaps(in->enrolments, in->enrolment_count, scratch, err);
}

/* rate x days / unit_days, rounded half-up (all operands non-negative). */
static medins_fen prorate(medins_fen rate, int32_t days, int32_t unit_days)
{
    return (2 * rate * days + unit_days) / (2 * (medins_fen)unit_days);
}

/* Days of [ef, et] within [us, t]. */
static int32_t enrolled(int32_t ef, int32_t et, int32_t us, int32_t t)
{
    int32_t lo = ef > us ? ef : us, hi = et < t ? et : t;
    return hi >= lo ? hi - lo + 1 : 0;
}

/*
 * One patient's budget for the period and days counted: per calendar unit, the rounded
 * cumulative amount at the part's last day minus that at the day before its first.
 */
static int patient_budget(medins_fen *amount, int64_t *days, const medins_capitation_input *in,
                          const mdn_disease_row *row, const medins_enrolment *e)
{
    int32_t p0 = day_of(in->from), p1 = day_of(in->to);
    int32_t ef = day_of(e->from), et = e->to ? day_of(e->to) : p1;
    int32_t y = in->from / 10000, m = row->period == MEDINS_CAPITATION_YEAR ? 1 : in->from / 100 % 100;
    medins_fen sum = 0;
    int64_t n = 0;
    for (;;) {
        int32_t us = day_number(y, m, 1), next;
        if (row->period == MEDINS_CAPITATION_YEAR)
            next = day_number(y + 1, 1, 1);
        else
            next = m == 12 ? day_number(y + 1, 1, 1) : day_number(y, m + 1, 1);
        int32_t ue = next - 1, unit_days = next - us;
        if (us > p1)
            break;
        int32_t a = us > p0 ? us : p0, b = ue < p1 ? ue : p1;
        int32_t before = enrolled(ef, et, us, a - 1), upto = enrolled(ef, et, us, b);
        medins_fen part = prorate(row->rate.v, upto, unit_days)
                          - prorate(row->rate.v, before, unit_days);
        if (medins_money_add(&sum, sum, part) < 0)
            return MEDINS_ERR_OVERFLOW;
        n += upto - before;
        if (row->period == MEDINS_CAPITATION_YEAR || m == 12) {
            y++;
            m = 1;
        } else {
            m++;
        }
    }
    *amount = sum;
    *days = n;
    return 0;
}

static int settle_steps(medins_result *r, const medins_capitation_figures *f,
                        const struct mdn_capitation *c, const mdn_disease_row *row,
                        const medins_capitation_input *in)
{
    int rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_BUDGET,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "capitation.diseases.rate",
                                               .amount = f->budget,
                                               .arg = {in->disease, row->rate.v, row->period,
                                                       f->patients, f->patient_days}},
                             row->rate.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACTUAL_COSTS,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "capitation.actual",
                                               .amount = f->actual_costs},
                             NULL, NULL, NULL);
    if (rc == 0 && f->surplus)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_SURPLUS,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "capitation.surplus_kept",
                                               .amount = f->surplus_kept, .base = f->surplus,
                                               .ratio = c->surplus_kept.v},
                             c->surplus_kept.val, NULL, NULL);
    if (rc == 0 && f->overrun)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_OVERRUN,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "capitation.overrun_fund_share",
                                               .amount = f->overrun_fund, .base = f->overrun,
                                               .ratio = c->overrun_fund_share.v},
                             c->overrun_fund_share.val, NULL, NULL);
    if (rc == 0 && c->assessment)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ASSESSMENT,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "capitation.assessment",
                                               .amount = f->payment,
                                               .base = f->before_assessment,
                                               .ratio = f->assessment},
                             c->assessment_val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_CAPITATION_PAYMENT,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "capitation.payment",
                                               .amount = f->payment, .arg = {f->institution}},
                             NULL, NULL, NULL);
    return rc;
}

/*
 * The figures of a period's settlement, the input checked here; *rate_row receives the rate
 * row. `scratch` (may be NULL: allocated) has room for the overlap check of the enrolments.
 */
static int capitation_figures(const mdn_disease_row **rate_row, medins_capitation_figures *f,
                              const medins_policy *policy, const medins_capitation_input *input,
                              enrolment_at *scratch, medins_error **err)
{
    const struct mdn_capitation *c = policy->capitation;
    int rc = check_input(policy, input, scratch, err);
    if (rc)
        return rc;
    if (!c)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no capitation section", policy->id);
    mdn_ctx ctx;
    mdn_ctx_make(&ctx, NULL, &mdn_no_person, MEDINS_TIER_NONE, -1, &mdn_no_history, 0,
                 input->level, 0);
    const mdn_disease_row *row = NULL;
    for (size_t i = 0; i < c->n && !row; i++)
        if ((c->rows[i].diseases & (1u << input->disease)) && mdn_select_match(&c->rows[i].sel, &ctx))
            row = &c->rows[i];
    if (!row)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no per-head rate for %s at a %s institution", policy->id,
                         medins_disease_name(input->disease), medins_level_name(input->level));

    f->institution = input->institution;
    f->rate = row->rate.v;
    f->period = (medins_capitation_period)row->period;
    f->patients = (int32_t)input->enrolment_count;
    f->actual_costs = input->actual_costs;
    for (size_t i = 0; rc == 0 && i < input->enrolment_count; i++) {
        medins_fen amount = 0;
        int64_t days = 0;
        rc = patient_budget(&amount, &days, input, row, &input->enrolments[i]);
        if (rc == 0)
            rc = medins_money_add(&f->budget, f->budget, amount);
        f->patient_days += days;
    }
    if (rc)
        return mdn_error(err, rc, NULL, 0, 0, "the budget exceeds the largest amount");
    medins_fen spent = f->actual_costs < f->budget ? f->actual_costs : f->budget;
    if (f->actual_costs <= f->budget) {
        f->surplus = f->budget - f->actual_costs;
        f->surplus_kept = medins_money_apply(f->surplus, c->surplus_kept.v);
    } else {
        f->overrun = f->actual_costs - f->budget;
        f->overrun_fund = medins_money_apply(f->overrun, c->overrun_fund_share.v);
    }
    f->before_assessment = spent + f->surplus_kept + f->overrun_fund;
    f->assessment = c->assessment ? input->assessment : MEDINS_BP_ONE;
    f->payment = medins_money_apply(f->before_assessment, f->assessment);
    *rate_row = row;
    return 0;
}

size_t mdn_capitation_scratch_size(size_t enrolments)
{
    return enrolments * sizeof(enrolment_at);
}

int mdn_capitation_figures(medins_capitation_figures *f, const medins_policy *policy,
                           const medins_capitation_input *input, void *scratch,
                           medins_error **err)
{
    const mdn_disease_row *row;
    memset(f, 0, sizeof *f);
    return capitation_figures(&row, f, policy, input, scratch, err);
}

/* One step per enrolment, with its share of the budget. */
static int enrolment_steps(medins_result *r, const medins_capitation_input *input,
                           const mdn_disease_row *row)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < input->enrolment_count; i++) {
        const medins_enrolment *e = &input->enrolments[i];
        medins_fen amount = 0;
        int64_t days = 0;
        patient_budget(&amount, &days, input, row, e);   /* as for the figures: it succeeded */
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ENROLMENT,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "capitation.enrolment",
                                               .amount = amount,
                                               .arg = {e->patient, e->from, e->to, days}},
                             row->rate.val, NULL, NULL);
    }
    return rc;
}

int medins_capitation(medins_result **out, const medins_policy *policy,
                      const medins_capitation_input *input, medins_error **err)
{
    if (!out || !policy || !input)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "a required argument is NULL");
    medins_capitation_figures figures = { 0 };
    const mdn_disease_row *row = NULL;
    int rc = capitation_figures(&row, &figures, policy, input, NULL, err);
    if (rc)
        return rc;
    medins_result *r = mdn_result_new(MEDINS_RESULT_CAPITATION, policy, sizeof(medins_capitation_figures));
    if (!r)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    medins_capitation_figures *f = mdn_result_data(r);
    *f = figures;
    rc = enrolment_steps(r, input, row);
    if (rc == 0)
        rc = settle_steps(r, f, policy->capitation, row, input);
    if (rc)
        rc = mdn_error(err, rc, NULL, 0, 0, "out of memory");
    return mdn_result_finish(out, r, &f->assumed, rc);
}

const medins_capitation_figures *medins_result_capitation(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_CAPITATION);
}
