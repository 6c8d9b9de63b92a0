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
    if (!input)
        return;
    memset(input, 0, sizeof *input);
    input->delivery = MEDINS_DELIVERY_NATURAL;
    input->weeks = 40;
    input->child_order = 1;
}

static int check_input(const medins_person *person, const medins_maternity_input *in,
                       medins_error **err)
{
    int rc = mdn_person_check(person, err);
    if (rc)
        return rc;
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

/* The payment's parts, each with its policy value; lines are written once all are known. */
static int maternity_lines(medins_result *r, const medins_maternity_figures *f,
                           const struct mdn_maternity *m, const medins_maternity_input *in,
                           const mdn_amount *delivery, const mdn_amount_row *prenatal,
                           const mdn_ratio_row *complication, const char *scheme)
{
    char a[24], b[24], c[24];
    int rc = 0;
    if (m->max_child_order.val)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, 0, 0, 0, "maternity.max_child_order",
                                 m->max_child_order.val,
                                 "Child %d is covered: births up to child %d are", (int)in->child_order,
                                 (int)m->max_child_order.v);
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_BENEFIT, f->delivery, 0, 0, "maternity.delivery",
                                 delivery->val, "Flat payment for a %s delivery (%s scheme): %s yuan",
                                 medins_delivery_name(in->delivery), scheme, mdn_yuan(a, f->delivery));
    if (rc == 0 && prenatal)
        rc = mdn_result_add_line(r, MEDINS_PART_BENEFIT, f->prenatal, in->prenatal_costs, 0,
                                 "maternity.prenatal", prenatal->amount.val,
                                 "Prenatal care at %d weeks: costs %s yuan paid up to the limit %s yuan: %s yuan",
                                 (int)in->weeks, mdn_yuan(a, in->prenatal_costs),
                                 mdn_yuan(b, f->prenatal_limit), mdn_yuan(c, f->prenatal));
    if (rc == 0 && complication)
        rc = mdn_result_add_line(r, MEDINS_PART_BENEFIT, f->complication, in->complication_costs,
                                 f->complication_ratio, "maternity.complication_ratio",
                                 complication->seg[0].ratio.val,
                                 "Complication costs %s yuan reimbursed at %s: %s yuan",
                                 mdn_yuan(a, in->complication_costs), mdn_percent(c, f->complication_ratio),
                                 mdn_yuan(b, f->complication));
    else if (rc == 0 && in->complication_costs > 0)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, 0, in->complication_costs, 0,
                                 "maternity.complication_ratio", NULL,
                                 "Complication costs %s yuan: the policy reimburses none for the %s scheme",
                                 mdn_yuan(a, in->complication_costs), scheme);
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, f->total, 0, 0, "maternity.total", NULL,
                                 "The fund pays %s yuan", mdn_yuan(a, f->total));
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
    mdn_ctx_make(ctx, person, person->tier, -1, &mdn_no_history, 0, 0, 0);

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
    rc = maternity_lines(r, f, m, input, &rows.delivery->amount, rows.prenatal, rows.complication,
                         medins_scheme_name(person->scheme));
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
