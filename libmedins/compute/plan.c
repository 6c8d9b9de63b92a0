/*
 * Plans (plan.h): the rows and flags a settlement reads from the policy for one selector
 * context, found through the row indexes (select.h); and whether an unknown age would decide
 * a row, which makes the settlement ask for the birth date.
 */
#include <string.h>

#include "plan.h"

static inline int lowest_bit(uint64_t m)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(m);
#else
    int i = 0;
    for (; !(m & 1); m >>= 1)
        i++;
    return i;
#endif
}

/* Row i of an array of `size`-byte rows, each starting with its selector. */
static inline const mdn_select *row_sel(const void *rows, size_t size, size_t i)
{
    return (const mdn_select *)(const void *)((const char *)rows + i * size);
}

/* First matching row of rows[0..n), or -1. */
static inline long first_row(const mdn_index *ix, const void *rows, size_t size, size_t n,
                             const mdn_query *q)
{
    uint64_t m;
    if ((ix = mdn_usable_index(ix, q, &m)) != NULL) {
        for (; m; m &= m - 1) {
            size_t i = (size_t)lowest_bit(m);
            if (mdn_row_matches(ix, m, i, row_sel(rows, size, i), q))
                return (long)i;
        }
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (mdn_select_match(row_sel(rows, size, i), &q->ctx))
            return (long)i;
    return -1;
}

/*
 * Which of the person's fields, unknown in ctx, decides one of rows[0..upto) (each `size`
 * bytes): its MDN_NEED_* bits (MDN_NEED_AGE for age bounds), 0 when none does. A row decides
 * when it reads such a field, or a person group ruled by one, and matches the context but for
 * them: it is read, and would match or not by the field, so the settlement needs it.
 */
static uint32_t field_decides(const void *rows, size_t size, size_t upto, const mdn_ctx *ctx)
{
    const bool ageless = ctx->age < 0;
    for (size_t i = 0; i < upto; i++) {
        mdn_select sel = *row_sel(rows, size, i);
        const bool age = ageless && (sel.age_min.v >= 0 || sel.age_max.v >= 0);
        if (!age && !mdn_select_undecided(&sel, ctx))
            continue;
        uint32_t why = (age ? MDN_NEED_AGE : 0) | (sel.needs & ctx->unknown);
        const uint32_t groups = (sel.cohorts_all | sel.cohorts_none) & ctx->cohorts_unknown;
        for (uint32_t m = groups; m; m &= m - 1) {
            const uint32_t needs = ctx->cohort_rules[lowest_bit(m)].needs;
            why |= needs ? needs & ctx->unknown : MDN_NEED_COHORTS;
        }
        if (age)
            sel.age_min.v = sel.age_max.v = -1;
        sel.needs &= ~ctx->unknown;
        sel.cohorts_all &= ~ctx->cohorts_unknown;
        sel.cohorts_none &= ~ctx->cohorts_unknown;
        if (mdn_select_match(&sel, ctx))
            return why;
    }
    return 0;
}

/* field_decides over a table read to the row `found` (NULL: read to its end). */
#define FIELD_DECIDES(t, found, ctx)                                                            \
    field_decides((t)->rows, sizeof *(t)->rows, (found) ? (size_t)((found) - (t)->rows) : (t)->n, \
                  (ctx))

uint32_t mdn_field_decides(const void *rows, size_t size, size_t upto, const mdn_ctx *ctx)
{
    return field_decides(rows, size, upto, ctx);
}

uint32_t mdn_amount_decides(const mdn_amount_table *t, const mdn_amount_row *found,
                            const mdn_ctx *ctx)
{
    return t ? FIELD_DECIDES(t, found, ctx) : 0;
}

int mdn_field_missing(medins_error **err, uint32_t why, const char *rule, medins_date date)
{
    if (why & MDN_NEED_AGE)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "the person has no birth date, and their age on %d decides which %s row "
                         "applies: give the birth date", (int)date, rule);
    if (why & MDN_NEED_COHORTS)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "the person's cohorts are not given (no cohorts column), and they "
                         "decide which %s row applies: settle the claim alone with its cohorts",
                         rule);
    const char *field = why & MDN_NEED_BIRTH ? "birth date"
                        : why & MDN_NEED_RETIRE ? "retirement date"
                        : why & MDN_NEED_CONTRIB ? "contribution months" : "sex";
    return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                     "the person has no %s, and it decides which %s row applies: give the %s",
                     field, rule, field);
}

/* ---- Plans: the rows a claim settles with ------------------------------------------------ */

static inline const mdn_amount_row *find_amount(const mdn_amount_table *t, const mdn_index *ix,
                                                const mdn_query *q)
{
    long i = t ? first_row(ix, t->rows, sizeof *t->rows, t->n, q) : -1;
    return i < 0 ? NULL : &t->rows[i];
}

static inline const mdn_ratio_row *find_ratio(const mdn_ratio_table *t, const mdn_index *ix,
                                              const mdn_query *q)
{
    long i = first_row(ix, t->rows, sizeof *t->rows, t->n, q);
    return i < 0 ? NULL : &t->rows[i];
}

/* The sum of the adjustments of `t` that apply: every one that matches, in row order. */
static inline medins_bp adjust_sum(const mdn_adjust_table *t, const mdn_index *ix,
                                   const mdn_query *q)
{
    medins_bp sum = 0;
    uint64_t m;
    ix = mdn_usable_index(ix, q, &m);
    for (size_t i = 0; i < t->n && (!ix || m >> i); i++)
        if (mdn_row_matches(ix, m, i, &t->rows[i].sel, q))
            sum += t->rows[i].add.v;
    return sum;
}

static void plan_segments(mdn_seg_plan *sp, const mdn_ratio_row *row, medins_bp add)
{
    sp->n = row->n <= MDN_PLAN_SEGS ? (int)row->n : 0;
    for (int i = 0; i < sp->n; i++) {
        sp->ratio[i] = clamp_ratio(row->seg[i].ratio.v, add);
        sp->to[i] = row->seg[i].to < 0 ? MDN_NO_CAP : row->seg[i].to;
    }
}

static void plan_layer(mdn_layer_plan *lp, const mdn_layer *l, int kind, const mdn_query *q)
{
    lp->applies = MDN_MASK(l->present && (l->applies_to >> kind & 1));
    lp->cap = MDN_NO_CAP;
    lp->gate = MDN_NO_GATE;
    if (!lp->applies)
        return;
    lp->drow = find_amount(&l->deductible, l->ix.deductible, q);
    lp->rrow = find_ratio(&l->ratio, l->ix.ratio, q);
    lp->adj = adjust_sum(&l->adjustments, l->ix.adjustments, q);
    lp->crow = find_amount(&l->cap, l->ix.cap, q);
    if (lp->rrow)
        plan_segments(&lp->segs, lp->rrow, lp->adj);
    lp->ded = lp->drow ? lp->drow->amount.v : 0;
    if (lp->rrow)
        lp->gate = lp->ded;
    if (lp->crow)
        lp->cap = lp->crow->amount.v;
}

/* The first table of plan `pl` (found with a context missing a person's field) whose rows
 * that field decides, as MDN_AGE_RULE, with the field in pl->missing; -1 when none. */
#define DECIDES(t, found, ctx) ((pl->missing = FIELD_DECIDES(t, found, ctx)) != 0)
#define AMOUNT_DECIDES(t, found, ctx) ((pl->missing = mdn_amount_decides(t, found, ctx)) != 0)
static int age_rule_of(mdn_plan *pl, const medins_policy *p, const mdn_ctx *ctx)
{
    const mdn_benefit *sec = pl->sec;
    if (DECIDES(&sec->ratio, pl->rrow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_RATIO);
    if (AMOUNT_DECIDES(sec->ded_table, pl->drow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_DEDUCTIBLE);
    if (pl->drow && AMOUNT_DECIDES(sec->thrift_table, pl->trow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_THRIFT);
    if (DECIDES(&sec->adjustments, (const mdn_adjust_row *)NULL, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_ADJUST);
    if (AMOUNT_DECIDES(sec->cap_table, pl->crow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_CAP);
    if (DECIDES(&sec->visit_cap, pl->vrow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_VISIT_CAP);
    if (DECIDES(&sec->deductible_cap, pl->dcrow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_DEDUCTIBLE_CAP);
    if (DECIDES(&sec->day_cap, pl->yrow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_DAY_CAP);
    if (DECIDES(&sec->bed_day_cap, pl->brow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_BED_DAY_CAP);
    const mdn_supplementary *u = &sec->supp;
    if (u->present) {
        if (DECIDES(&u->ratio, pl->supp_rrow, ctx))
            return MDN_AGE_RULE(3, MDN_RULE_RATIO);
        if (pl->supp_rrow && DECIDES(&u->start, pl->supp_srow, ctx))
            return MDN_AGE_RULE(3, MDN_RULE_DEDUCTIBLE);
        if (pl->supp_rrow && DECIDES(&u->cap, pl->supp_crow, ctx))
            return MDN_AGE_RULE(3, MDN_RULE_CAP);
    }
    const mdn_layer *layers[2] = {&p->benefits->major, &p->benefits->assistance};
    for (int i = 0; i < 2; i++) {
        const mdn_layer *l = layers[i];
        const mdn_layer_plan *lp = &pl->layer[i];
        if (!lp->applies)
            continue;
        if (DECIDES(&l->deductible, lp->drow, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_DEDUCTIBLE);
        if (DECIDES(&l->ratio, lp->rrow, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_RATIO);
        if (DECIDES(&l->adjustments, (const mdn_adjust_row *)NULL, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_ADJUST);
        if (DECIDES(&l->cap, lp->crow, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_CAP);
    }
    return -1;
}
#undef DECIDES
#undef AMOUNT_DECIDES

/* The rule id of the table an MDN_PLAN_AGE plan names (mdn_plan.age_rule). */
const char *mdn_plan_age_rule(const mdn_plan *plan, const medins_policy *p)
{
    const int layer = plan->age_rule / 16, rule = plan->age_rule % 16;
    if (layer == 3) {
        const mdn_supplementary *u = &plan->sec->supp;
        return rule == MDN_RULE_RATIO ? u->rule_ratio : rule == MDN_RULE_CAP ? u->rule_cap
                                                                            : u->rule_start;
    }
    if (layer > 0)
        return (layer == 1 ? &p->benefits->major : &p->benefits->assistance)->rule[rule];
    const mdn_benefit *sec = plan->sec;
    return (rule == MDN_RULE_DEDUCTIBLE || rule == MDN_RULE_THRIFT ? sec->ded_owner
            : rule == MDN_RULE_CAP ? sec->cap_owner : sec)->rule[rule];
}

void mdn_plan_of(mdn_plan *pl, const medins_policy *p, const mdn_query *q)
{
    const int kind = q->ctx.kind;
    memset(pl, 0, sizeof *pl);
    if (!(p->schemes >> q->ctx.scheme & 1)) {
        pl->status = MDN_PLAN_SCHEME;
        return;
    }
    const mdn_benefit *sec = mdn_benefit_for(p, (medins_claim_kind)kind);
    if (!sec) {
        pl->status = MDN_PLAN_SECTION;
        return;
    }
    pl->sec = sec;
    /* Only then can a person's field decide a row: a plan of a known age, and of the fields
     * the policy reads, never asks. */
    const bool ageless = (q->ctx.age < 0 && p->benefits->age.n != 0) ||
                         (q->ctx.unknown & p->person_needs);
    if (!(pl->rrow = find_ratio(&sec->ratio, sec->ix.ratio, q))) {
        pl->missing = ageless ? FIELD_DECIDES(&sec->ratio, pl->rrow, &q->ctx) : 0;
        pl->status = pl->missing ? MDN_PLAN_AGE : MDN_PLAN_RATIO;
        pl->age_rule = MDN_AGE_RULE(0, MDN_RULE_RATIO);
        return;
    }
    if (sec->ded_table && (pl->drow = find_amount(sec->ded_table, sec->ded_owner->ix.deductible, q))) {
        pl->trow = find_amount(sec->thrift_table, sec->ded_owner->ix.thrift_reduction, q);
        pl->ded = pl->drow->amount.v - (pl->trow ? min_fen(pl->drow->amount.v, pl->trow->amount.v) : 0);
    }
    pl->adj = adjust_sum(&sec->adjustments, sec->ix.adjustments, q);
    plan_segments(&pl->segs, pl->rrow, pl->adj);
    pl->cap = MDN_NO_CAP;
    if (sec->cap_table && (pl->crow = find_amount(sec->cap_table, sec->cap_owner->ix.cap, q))) {
        const mdn_benefit *inpatient = mdn_benefit_for(p, MEDINS_CLAIM_INPATIENT);
        pl->cap = pl->crow->amount.v;
        pl->carry = MDN_MASK(inpatient && inpatient->carry_over && sec->cap_owner == inpatient);
    }
    pl->pool = sec->pool[q->ctx.scheme];
    pl->inpatient = kind == MEDINS_CLAIM_INPATIENT;
    pl->outpatient = MDN_MASK(kind == MEDINS_CLAIM_OUTPATIENT || kind == MEDINS_CLAIM_PHARMACY);
    pl->annual = MDN_MASK(sec->basis == MDN_BASIS_YEAR);
    pl->account = MDN_MASK(sec->account && q->ctx.scheme == MEDINS_SCHEME_EMPLOYEE);
    pl->account_b = pl->account & MDN_MASK(sec->account_category_b);
    pl->seg_cost = MDN_MASK(sec->seg_basis == MDN_SEG_COST);
    pl->seg_fund = sec->seg_basis == MDN_SEG_FUND;
    pl->account_first = q->ctx.scheme == MEDINS_SCHEME_EMPLOYEE ? sec->account_first : 0;
    pl->vrow = find_amount(&sec->visit_cap, sec->ix.visit_cap, q);
    pl->dcrow = find_amount(&sec->deductible_cap, sec->ix.deductible_cap, q);
    pl->yrow = find_amount(&sec->day_cap, sec->ix.day_cap, q);
    pl->brow = find_amount(&sec->bed_day_cap, sec->ix.bed_day_cap, q);
    const mdn_supplementary *u = &sec->supp;
    pl->supp_cap = MDN_NO_CAP;
    if (u->present && (pl->supp_rrow = find_ratio(&u->ratio, u->ix.ratio, q))) {
        pl->supp = 1;
        pl->supp_srow = find_amount(&u->start, u->ix.deductible, q);
        if ((pl->supp_crow = find_amount(&u->cap, u->ix.cap, q)))
            pl->supp_cap = pl->supp_crow->amount.v;
    }
    plan_layer(&pl->layer[0], &p->benefits->major, kind, q);
    plan_layer(&pl->layer[1], &p->benefits->assistance, kind, q);
    if (ageless && (pl->age_rule = age_rule_of(pl, p, &q->ctx)) >= 0)
        pl->status = MDN_PLAN_AGE;
}

void mdn_plan_make(mdn_plan *plan, const medins_policy *p, const mdn_ctx *ctx)
{
    mdn_query q = {.ctx = *ctx};
    mdn_query_keys(&q);
    mdn_plan_of(plan, p, &q);
}
