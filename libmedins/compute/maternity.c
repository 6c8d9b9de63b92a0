/*
 * Maternity: the payment for one delivery under the `maternity:` section (policy/maternity.c
 * binds it). The fund pays the flat
 * amount of the first delivery row for the scheme and type, the prenatal costs up to the first
 * prenatal row's limit for the weeks, and its share of complication costs.
 */
#include <string.h>

#include "figures.h"
#include "maternity.h"
#include "person.h"
#include "result.h"

/* ---- Computation ---------------------------------------------------------------------------- */

void medins_maternity_input_init(medins_maternity_input *input)
{
    if (input)
        *input = (medins_maternity_input)MEDINS_MATERNITY_INPUT_INIT;
}

static int check_input(const medins_person *person, const medins_maternity_input *in,
                       medins_error **err)
{
    int rc = mdn_person_check(person, err);
    if (rc)
        return rc;
    if (!MDN_VERSION_KNOWN(in->version, MEDINS_MATERNITY_INPUT_VERSION))
        return mdn_version_error(err, "medins_maternity_input", in->version,
                                 MEDINS_MATERNITY_INPUT_VERSION);
    if ((unsigned)in->delivery >= MEDINS_DELIVERY_COUNT)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "unknown delivery type %d",
                         (int)in->delivery);
    if (in->weeks < 0 || in->weeks > 50)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "%d weeks of pregnancy is not possible",
                         (int)in->weeks);
    if (in->child_order < 1)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "child order %d: the first child is 1",
                         (int)in->child_order);
    if (in->prenatal_costs < 0 || in->complication_costs < 0)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "a negative cost");
    if (in->prenatal_costs > MEDINS_FEN_MAX || in->complication_costs > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "a cost is too large");
    return 0;
}

/* The payment's parts, each with its policy value: steps written once all are known. */
static int maternity_steps(medins_result *r, const medins_maternity_figures *f,
                           const struct mdn_maternity *m, const medins_maternity_input *in,
                           const mdn_amount *delivery, const mdn_amount_row *prenatal,
                           const mdn_ratio_row *complication, medins_scheme scheme)
{
    int rc = 0;
    if (m->max_child_order.val)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_CHILD_ORDER,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "maternity.max_child_order",
                                               .arg = {in->child_order, m->max_child_order.v}},
                             m->max_child_order.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_DELIVERY,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "maternity.delivery",
                                               .amount = f->delivery,
                                               .arg = {in->delivery, scheme}},
                             delivery->val, NULL, NULL);
    if (rc == 0 && prenatal)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_PRENATAL,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "maternity.prenatal",
                                               .amount = f->prenatal, .base = in->prenatal_costs,
                                               .arg = {in->weeks, f->prenatal_limit}},
                             prenatal->amount.val, NULL, NULL);
    if (rc == 0 && complication)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_COMPLICATION,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "maternity.complication_ratio",
                                               .amount = f->complication,
                                               .base = in->complication_costs,
                                               .ratio = f->complication_ratio},
                             complication->seg[0].ratio.val, NULL, NULL);
    else if (rc == 0 && in->complication_costs > 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_NO_COMPLICATION,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "maternity.complication_ratio",
                                               .base = in->complication_costs,
                                               .arg = {scheme}},
                             NULL, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_MATERNITY_TOTAL,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "maternity.total", .amount = f->total},
                             NULL, NULL, NULL);
    return rc;
}

/* The rows a maternity payment read. */
typedef struct maternity_rows {
    const mdn_amount_row *delivery, *prenatal;
    const mdn_ratio_row *complication;
    mdn_ctx ctx;
} maternity_rows;

/* The figures of a delivery's payment (arguments, person, input and date checked here). */
static int maternity_figures(maternity_rows *rows, medins_maternity_figures *f,
                             const medins_policy *policy, const medins_person *person,
                             medins_date date, const medins_maternity_input *input,
                             medins_error **err)
{
    int rc = check_input(person, input, err);
    if (rc)
        return rc;
    if ((rc = mdn_check_in_force(policy, date, err)) != 0)
        return rc;
    const struct mdn_maternity *m = policy->maternity;
    const char *scheme = medins_scheme_name(person->scheme);
    if (!m)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no maternity section", policy->id);
    if (m->max_child_order.val && input->child_order > m->max_child_order.v)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "child %d is not covered: policy %s covers births up to child %d",
                         (int)input->child_order, policy->id, (int)m->max_child_order.v);

    mdn_ctx *ctx = &rows->ctx;
    mdn_ctx_make(ctx, NULL, person, person->tier, -1, &mdn_no_history, 0, 0, 0);

    const mdn_amount_row *delivery = NULL, *prenatal = NULL;
    for (size_t i = 0; i < m->delivery.n && !delivery; i++) {
        uint32_t mask = m->delivery_x[i].deliveries;
        if ((!mask || (mask & (1u << input->delivery)))
            && mdn_select_match(&m->delivery.rows[i].sel, ctx))
            delivery = &m->delivery.rows[i];
    }
    if (!delivery)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s pays no %s delivery in the %s scheme", policy->id,
                         medins_delivery_name(input->delivery), scheme);
    for (size_t i = 0; i < m->prenatal.n && !prenatal; i++) {
        const mdn_count *wmax = &m->prenatal_x[i].weeks_max;
        if ((!wmax->val || input->weeks < wmax->v)
            && mdn_select_match(&m->prenatal.rows[i].sel, ctx))
            prenatal = &m->prenatal.rows[i];
    }
    const mdn_ratio_row *complication = mdn_ratio_find(&m->complication, ctx);

    f->delivery = delivery->amount.v;
    if (prenatal) {
        f->prenatal_limit = prenatal->amount.v;
        f->prenatal = input->prenatal_costs < f->prenatal_limit ? input->prenatal_costs
                                                                : f->prenatal_limit;
    }
    if (complication) {
        f->complication_ratio = complication->seg[0].ratio.v;
        f->complication = medins_money_apply(input->complication_costs, f->complication_ratio);
    }
    /* Each part is at most MEDINS_FEN_MAX, so the sum stays far inside int64_t. */
    f->total = f->delivery + f->prenatal + f->complication;
    rows->delivery = delivery;
    rows->prenatal = prenatal;
    rows->complication = complication;
    return 0;
}

int mdn_maternity_figures(medins_maternity_figures *f, const medins_policy *policy,
                          const medins_person *person, medins_date date,
                          const medins_maternity_input *input, medins_error **err)
{
    maternity_rows rows;
    memset(f, 0, sizeof *f);
    return maternity_figures(&rows, f, policy, person, date, input, err);
}

int medins_maternity(medins_result **out, const medins_policy *policy,
                     const medins_person *person, medins_date date,
                     const medins_maternity_input *input, medins_error **err)
{
    if (!out || !policy || !person || !input)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "a required argument is NULL");
    medins_maternity_figures figures = { 0 };
    maternity_rows rows;
    int rc = maternity_figures(&rows, &figures, policy, person, date, input, err);
    if (rc)
        return rc;
    const struct mdn_maternity *m = policy->maternity;
    medins_result *r = mdn_result_new(MEDINS_RESULT_MATERNITY, policy, sizeof(medins_maternity_figures));
    if (!r)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    medins_maternity_figures *f = mdn_result_data(r);
    *f = figures;
    rc = maternity_steps(r, f, m, input, &rows.delivery->amount, rows.prenatal, rows.complication,
                         person->scheme);
    /* The week bands compared chose the prenatal row (those of the rows before it as much as
     * its own): each is a value used, listed when assumed. */
    for (size_t i = 0; rc == 0 && i < m->prenatal.n; i++) {
        if (!mdn_select_match(&m->prenatal.rows[i].sel, &rows.ctx))
            continue;
        rc = mdn_result_use(r, m->prenatal_x[i].weeks_max.val);
        if (&m->prenatal.rows[i] == rows.prenatal)
            break;
    }
    if (rc)
        rc = mdn_error(err, rc, NULL, 0, 0, "out of memory");
    return mdn_result_finish(out, r, &f->assumed, rc);
}

const medins_maternity_figures *medins_result_maternity(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_MATERNITY);
}
