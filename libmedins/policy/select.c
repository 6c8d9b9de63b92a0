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
    return (ctx->attributes & sel->attrs_all) == sel->attrs_all &&
           !(ctx->attributes & sel->attrs_none);
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
