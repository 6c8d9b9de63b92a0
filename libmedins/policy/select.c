/*
 * Matching rows against a selector context: a row applies when each of its selectors accepts
 * the context (a selector left out accepts everything). The settlement finds its rows through
 * the row indexes (select.h, built by benefit.c) and tests only what they leave out here.
 */
#include "select.h"

static bool mask_match(uint32_t mask, int v)
{
    if (!mask)
        return true;
    return v >= 0 && v < 32 && (mask & (1u << v));
}

/* The selectors the row indexes leave to a test (their `rest`). */
bool mdn_select_rest_match(const mdn_select *sel, const mdn_ctx *ctx)
{
    if (sel->groups && !(sel->groups & ctx->groups))
        return false;
    if (sel->age_min.v >= 0 && (ctx->age < 0 || ctx->age < sel->age_min.v))
        return false;
    if (sel->age_max.v >= 0 && (ctx->age < 0 || ctx->age >= sel->age_max.v))
        return false;
    if (sel->thrifty_years.v >= 0 && ctx->thrifty_years < sel->thrifty_years.v)
        return false;
    if (sel->prior_outpatient_max.v >= 0 &&
        (ctx->prior_outpatient < 0 || ctx->prior_outpatient > sel->prior_outpatient_max.v))
        return false;
    if ((ctx->attributes & sel->attrs_all) != sel->attrs_all || (ctx->attributes & sel->attrs_none))
        return false;
    /* A row reading what the person has not given matches nothing (plan.c asks for it). */
    if (mdn_select_undecided(sel, ctx))
        return false;
    return (ctx->cohorts & sel->cohorts_all) == sel->cohorts_all &&
           !(ctx->cohorts & sel->cohorts_none) && (!sel->needs || mdn_select_person_match(sel, ctx));
}

/* v within [from, before), each bound 0 when absent. */
static bool date_within(medins_date v, const mdn_count *from, const mdn_count *before)
{
    return (!from->v || v >= from->v) && (!before->v || v < before->v);
}

bool mdn_select_person_match(const mdn_select *sel, const mdn_ctx *ctx)
{
    const uint32_t n = sel->needs;
    if ((n & MDN_NEED_BIRTH) && !date_within(ctx->birth_date, &sel->born_from, &sel->born_before))
        return false;
    if ((n & MDN_NEED_RETIRE) &&
        (!ctx->retirement_date ||
         !date_within(ctx->retirement_date, &sel->retired_from, &sel->retired_before)))
        return false;
    if ((n & MDN_NEED_CONTRIB) &&
        ((sel->contrib_min.v >= 0 && ctx->contribution_months < (int64_t)sel->contrib_min.v * 12) ||
         (sel->contrib_max.v >= 0 && ctx->contribution_months >= (int64_t)sel->contrib_max.v * 12)))
        return false;
    return !(n & MDN_NEED_SEX) || mask_match(sel->sexes, ctx->sex);
}

bool mdn_select_match(const mdn_select *sel, const mdn_ctx *ctx)
{
    if (!mask_match(sel->schemes, ctx->scheme) || !mask_match(sel->categories, ctx->category) ||
        !mask_match(sel->tiers, ctx->tier) || !mask_match(sel->levels, ctx->level) ||
        !mask_match(sel->kinds, ctx->kind))
        return false;
    if (sel->admission && !(sel->admission >> ctx->admission & 1))
        return false;
    if (sel->family_doctor && !ctx->at_family_doctor)
        return false;
    return mdn_select_rest_match(sel, ctx);
}

const mdn_amount_row *mdn_amount_find(const mdn_amount_table *t, const mdn_ctx *ctx)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (mdn_select_match(&t->rows[i].sel, ctx))
            return &t->rows[i];
    return NULL;
}

const mdn_ratio_row *mdn_ratio_find(const mdn_ratio_table *t, const mdn_ctx *ctx)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (mdn_select_match(&t->rows[i].sel, ctx))
            return &t->rows[i];
    return NULL;
}
