/*
 * Binding the `capitation:` section into the model of capitation.h (compute/capitation.c
 * computes a period's payment with it).
 */
#include "bind.h"
#include "capitation.h"

static int bind_disease_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "disease", "rate", "period", NULL};
    mdn_disease_row *r = out;
    int rc = mdn_bind_keys(b, row, MDN_DIM_LEVEL, keys);
    if (rc == 0)
        rc = mdn_bind_require(b, row, "disease");
    if (rc == 0)
        rc = mdn_bind_select(b, row, MDN_DIM_LEVEL, &r->sel);
    if (rc == 0)
        rc = mdn_bind_word_mask(b, row, "disease", mdn_disease_words, &r->diseases);
    if (rc == 0)
        rc = mdn_bind_amount(b, row, "rate", true, &r->rate);
    if (rc == 0)
        rc = mdn_bind_word(b, row, "period", true, mdn_period_words, &r->period);
    return rc;
}

int mdn_bind_capitation(mdn_binder *b, medins_section section, const mdn_node *node)
{
    static const char *const keys[] = {"diseases", "surplus_kept", "overrun_fund_share",
                                       "assessment", NULL};
    struct mdn_capitation *c = mdn_bind_alloc(b, sizeof *c);
    if (!c)
        return MEDINS_ERR_NOMEM;
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_require(b, node, "diseases");
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "diseases", sizeof *c->rows, bind_disease_row,
                           (void **)&c->rows, &c->n);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "surplus_kept", false, &c->surplus_kept);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "overrun_fund_share", false, &c->overrun_fund_share);
    if (rc == 0)
        rc = mdn_bind_flag(b, node, "assessment", &c->assessment_val, &c->assessment);
    if (rc == 0)
        b->policy->capitation = c;
    return rc;
}
