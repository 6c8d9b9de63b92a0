/*
 * The settlement engine: one claim against a policy and the member's ledger.
 *
 * Order of a settlement (as settlement offices do it, docs "How a claim is settled"):
 *   1. fully self-paid items and category-B first self-pay come off: the rest is in scope;
 *   2. the deductible takes the first part of the in-scope amount (what is still unpaid of the
 *      pool's annual deductible, or the whole per-visit / per-admission deductible);
 *   3. the rest fills cost segments from the pool's running position; each piece is paid at its
 *      segment's ratio plus the matching adjustments (capped at 100%), rounded half-up;
 *   4. the pieces are paid in order until the pool's annual maximum (plus the carry-over for
 *      the inpatient maximum) is reached; the rest is withheld (over_cap) and borne by the patient;
 *   5. the patient's in-scope burden (deductible + coinsurance + over_cap) feeds the
 *      major-disease layer, and what is left of it medical assistance;
 *   6. the patient pays the remainder; employees' sections with `account: true` take it from
 *      the individual account first, up to the in-scope burden left.
 *
 * The core writes to caller-owned structures only and allocates nothing unless it is given a
 * result to explain into, so the batch shares it without a heap allocation per claim.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "person.h"
#include "settle_body.h"

/* What a settlement result keeps: the figures (first: medins_result_settlement reads them) and
 * the ledger before and after, so that a reversal can restore it exactly. */
typedef struct settle_data {
    medins_settlement s;
    medins_ledger before, after;
} settle_data;

/* ---- Explanation lines ------------------------------------------------------------------ */

/*
 * A tiny formatter so that money and ratios are formatted only when texts are wanted:
 * %Y = medins_fen as yuan, %P = medins_bp as a percentage, %s, %d, %%.
 */
static size_t vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t n = 0;
    char tmp[32];
    for (const char *f = fmt; *f && n + 1 < size; f++) {
        const char *piece = tmp;
        if (*f != '%' || !f[1]) {
            buf[n++] = *f;
            continue;
        }
        switch (*++f) {
        case 'Y': medins_money_format(tmp, sizeof tmp, va_arg(ap, int64_t)); break;
        case 'P': {
            /* Adjustments may be negative; the ratio formatter takes 0%-100% only. */
            int v = va_arg(ap, int);
            tmp[0] = '-';
            if (medins_ratio_format(tmp + (v < 0), sizeof tmp - 1, (medins_bp)(v < 0 ? -v : v)) < 0)
                strcpy(tmp, "?");
            break;
        }
        case 'd': {
            const int v = va_arg(ap, int);
            tmp[sizeof tmp - 1] = '\0';
            piece = mdn_digits_before(tmp + sizeof tmp - 1,
                                      v < 0 ? 0u - (unsigned)v : (unsigned)v, v < 0);
            break;
        }
        case 's': piece = va_arg(ap, const char *); break;
        default: tmp[0] = *f; tmp[1] = '\0'; break;
        }
        for (; *piece && n + 1 < size; piece++)
            buf[n++] = *piece;
    }
    buf[n] = '\0';
    return n;
}

void mdn_say_line(emitter *e, medins_part part, medins_fen amount, medins_fen base,
                  medins_bp ratio, const char *rule, const mdn_val *val, const char *fmt, ...)
{
    if (!e->texts) {
        e->rc = mdn_result_use(e->r, val);
        return;
    }
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    size_t len = vformat(text, sizeof text, fmt, ap);
    va_end(ap);
    e->rc = mdn_result_add_text(e->r, part, amount, base, ratio, rule, val, text, len);
}

/* ---- Finding rows ----------------------------------------------------------------------- */

/* A claim's selector context and its keys into the row indexes (-1: not indexable, scan). */
struct query {
    mdn_ctx ctx;
    int pkey, ckey;
};

static void query_keys(query *q)
{
    const mdn_ctx *c = &q->ctx;
    bool ok = (unsigned)c->scheme < MEDINS_SCHEME_COUNT &&
              (unsigned)c->category < MEDINS_CATEGORY_COUNT &&
              (unsigned)c->tier < MEDINS_TIER_COUNT && (unsigned)c->kind < MEDINS_CLAIM_KIND_COUNT &&
              (unsigned)c->level < MEDINS_LEVEL_COUNT && (unsigned)c->admission < 3 &&
              (unsigned)c->at_family_doctor < 2;
    q->pkey = ok ? mdn_index_person_key(c->scheme, c->category, c->tier) : -1;
    q->ckey = ok ? mdn_index_claim_key(c->kind, c->level, c->admission, c->at_family_doctor) : -1;
}

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

/*
 * Whether row i (selector `sel`) matches: with an index, its bit among the candidates `m` and,
 * for rows with selectors the index does not cover, the full test.
 */
static inline bool row_matches(const mdn_index *ix, uint64_t m, size_t i, const mdn_select *sel,
                        const query *q)
{
    if (!ix)
        return mdn_select_match(sel, &q->ctx);
    return (m >> i & 1) && (!(ix->rest >> i & 1) || mdn_select_rest_match(sel, &q->ctx));
}

/* The index to use for this query, or NULL (scan); *m receives the candidate rows. */
static inline const mdn_index *usable(const mdn_index *ix, const query *q, uint64_t *m)
{
    if (!ix || q->pkey < 0) {
        *m = 0;
        return NULL;
    }
    *m = ix->person[q->pkey] & ix->claim[q->ckey];
    return ix;
}

/* Row i of an array of `size`-byte rows, each starting with its selector. */
static inline const mdn_select *row_sel(const void *rows, size_t size, size_t i)
{
    return (const mdn_select *)(const void *)((const char *)rows + i * size);
}

/* First matching row of rows[0..n), or -1. */
static inline long first_row(const mdn_index *ix, const void *rows, size_t size, size_t n,
                             const query *q)
{
    uint64_t m;
    if ((ix = usable(ix, q, &m)) != NULL) {
        for (; m; m &= m - 1) {
            size_t i = (size_t)lowest_bit(m);
            if (row_matches(ix, m, i, row_sel(rows, size, i), q))
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
 * Whether, with the age unknown, it decides one of rows[0..upto) (each `size` bytes): a row
 * with age bounds that matches the context but for them. Such a row is read, and would match
 * or not by the age: the settlement needs it.
 */
static bool age_decides(const void *rows, size_t size, size_t upto, const mdn_ctx *ctx)
{
    for (size_t i = 0; i < upto; i++) {
        mdn_select sel = *row_sel(rows, size, i);
        if (sel.age_min.v < 0 && sel.age_max.v < 0)
            continue;
        sel.age_min.v = sel.age_max.v = -1;
        if (mdn_select_match(&sel, ctx))
            return true;
    }
    return false;
}

/* age_decides over a table read to the row `found` (NULL: read to its end). */
#define AGE_DECIDES(t, found, ctx)                                                              \
    age_decides((t)->rows, sizeof *(t)->rows, (found) ? (size_t)((found) - (t)->rows) : (t)->n, \
                (ctx))

bool mdn_age_decides(const mdn_amount_table *t, const mdn_amount_row *found, const mdn_ctx *ctx)
{
    return t && AGE_DECIDES(t, found, ctx);
}

int mdn_age_missing(medins_error **err, const char *rule, medins_date date)
{
    return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                     "the person has no birth date, and their age on %d decides which %s row "
                     "applies: give the birth date", (int)date, rule);
}

/* ---- Plans: the rows a claim settles with (benefit.h, mdn_plan) ------------------------- */

static inline const mdn_amount_row *find_amount(const mdn_amount_table *t, const mdn_index *ix,
                                                const query *q)
{
    long i = t ? first_row(ix, t->rows, sizeof *t->rows, t->n, q) : -1;
    return i < 0 ? NULL : &t->rows[i];
}

static inline const mdn_ratio_row *find_ratio(const mdn_ratio_table *t, const mdn_index *ix,
                                              const query *q)
{
    long i = first_row(ix, t->rows, sizeof *t->rows, t->n, q);
    return i < 0 ? NULL : &t->rows[i];
}

/*
 * The sum of the adjustments that apply (every one that matches, in row order) and, with a
 * result, their lines. Always inline: with e->r a constant NULL no line code is left.
 */
BODY medins_bp adjustments(emitter *e, const mdn_adjust_table *t, const mdn_index *ix,
                           const query *q, const char *rule)
{
    medins_bp sum = 0;
    uint64_t m;
    ix = usable(ix, q, &m);
    for (size_t i = 0; i < t->n && (!ix || m >> i); i++) {
        const mdn_adjust_row *a = &t->rows[i];
        if (!row_matches(ix, m, i, &a->sel, q))
            continue;
        SAY(e, MEDINS_PART_INFO, 0, 0, a->add.v, rule, a->add.val,
            "Adjustment %s%P to the ratio of every segment", a->add.v < 0 ? "" : "+", a->add.v);
        sum += a->add.v;
    }
    return sum;
}

medins_bp mdn_say_adjustments(emitter *e, const mdn_adjust_table *t, const mdn_index *ix,
                              const query *q, const char *rule)
{
    return adjustments(e, t, ix, q, rule);
}

static void plan_segments(mdn_seg_plan *sp, const mdn_ratio_row *row, medins_bp add)
{
    sp->n = row->n <= MDN_PLAN_SEGS ? (int)row->n : 0;
    for (int i = 0; i < sp->n; i++) {
        sp->ratio[i] = clamp_ratio(row->seg[i].ratio.v, add);
        sp->to[i] = row->seg[i].to < 0 ? MDN_NO_CAP : row->seg[i].to;
    }
}

static void plan_layer(mdn_layer_plan *lp, const mdn_layer *l, int kind, const query *q)
{
    emitter quiet = {0};
    lp->applies = MDN_MASK(l->present && (l->applies_to >> kind & 1));
    lp->cap = MDN_NO_CAP;
    lp->gate = MDN_NO_GATE;
    if (!lp->applies)
        return;
    lp->drow = find_amount(&l->deductible, l->ix.deductible, q);
    lp->rrow = find_ratio(&l->ratio, l->ix.ratio, q);
    lp->adj = adjustments(&quiet, &l->adjustments, l->ix.adjustments, q, NULL);
    lp->crow = find_amount(&l->cap, l->ix.cap, q);
    if (lp->rrow)
        plan_segments(&lp->segs, lp->rrow, lp->adj);
    lp->ded = lp->drow ? lp->drow->amount.v : 0;
    if (lp->rrow)
        lp->gate = lp->ded;
    if (lp->crow)
        lp->cap = lp->crow->amount.v;
}

/* The first table of plan `pl` (found with a context of unknown age) whose rows the age
 * decides, as MDN_AGE_RULE; -1 when none. */
static int age_rule_of(const mdn_plan *pl, const medins_policy *p, const mdn_ctx *ctx)
{
    const mdn_benefit *sec = pl->sec;
    if (AGE_DECIDES(&sec->ratio, pl->rrow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_RATIO);
    if (mdn_age_decides(sec->ded_table, pl->drow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_DEDUCTIBLE);
    if (pl->drow && mdn_age_decides(sec->thrift_table, pl->trow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_THRIFT);
    if (AGE_DECIDES(&sec->adjustments, (const mdn_adjust_row *)NULL, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_ADJUST);
    if (mdn_age_decides(sec->cap_table, pl->crow, ctx))
        return MDN_AGE_RULE(0, MDN_RULE_CAP);
    const mdn_layer *layers[2] = {&p->benefits->major, &p->benefits->assistance};
    for (int i = 0; i < 2; i++) {
        const mdn_layer *l = layers[i];
        const mdn_layer_plan *lp = &pl->layer[i];
        if (!lp->applies)
            continue;
        if (AGE_DECIDES(&l->deductible, lp->drow, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_DEDUCTIBLE);
        if (AGE_DECIDES(&l->ratio, lp->rrow, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_RATIO);
        if (AGE_DECIDES(&l->adjustments, (const mdn_adjust_row *)NULL, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_ADJUST);
        if (AGE_DECIDES(&l->cap, lp->crow, ctx))
            return MDN_AGE_RULE(i + 1, MDN_RULE_CAP);
    }
    return -1;
}

/* The rule id of the table an MDN_PLAN_AGE plan names (mdn_plan.age_rule). */
const char *mdn_plan_age_rule(const mdn_plan *plan, const medins_policy *p)
{
    const int layer = plan->age_rule / 8, rule = plan->age_rule % 8;
    if (layer > 0)
        return (layer == 1 ? &p->benefits->major : &p->benefits->assistance)->rule[rule];
    const mdn_benefit *sec = plan->sec;
    return (rule == MDN_RULE_DEDUCTIBLE || rule == MDN_RULE_THRIFT ? sec->ded_owner
            : rule == MDN_RULE_CAP ? sec->cap_owner : sec)->rule[rule];
}

/* The plan of query q (its context and keys) under p. */
static void plan_of(mdn_plan *pl, const medins_policy *p, const query *q)
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
    /* Only then can the age decide a row: a plan of a known age never asks. */
    const bool ageless = q->ctx.age < 0 && p->benefits->age.n != 0;
    if (!(pl->rrow = find_ratio(&sec->ratio, sec->ix.ratio, q))) {
        pl->status = ageless && AGE_DECIDES(&sec->ratio, pl->rrow, &q->ctx) ? MDN_PLAN_AGE
                                                                           : MDN_PLAN_RATIO;
        pl->age_rule = MDN_AGE_RULE(0, MDN_RULE_RATIO);
        return;
    }
    if (sec->ded_table && (pl->drow = find_amount(sec->ded_table, sec->ded_owner->ix.deductible, q))) {
        pl->trow = find_amount(sec->thrift_table, sec->ded_owner->ix.thrift_reduction, q);
        pl->ded = pl->drow->amount.v - (pl->trow ? min_fen(pl->drow->amount.v, pl->trow->amount.v) : 0);
    }
    emitter quiet = {0};
    pl->adj = adjustments(&quiet, &sec->adjustments, sec->ix.adjustments, q, NULL);
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
    plan_layer(&pl->layer[0], &p->benefits->major, kind, q);
    plan_layer(&pl->layer[1], &p->benefits->assistance, kind, q);
    if (ageless && (pl->age_rule = age_rule_of(pl, p, &q->ctx)) >= 0)
        pl->status = MDN_PLAN_AGE;
}

void mdn_plan_make(mdn_plan *plan, const medins_policy *p, const mdn_ctx *ctx)
{
    query q = {.ctx = *ctx};
    query_keys(&q);
    plan_of(plan, p, &q);
}

/*
 * Settle one claim, with its entry checks and a plan made for it, explaining into `r` (lines
 * only without MEDINS_SETTLE_NO_LINES in flags; assumed values always). The batch inlines the
 * same body (settle_body.h). Writes the figures to *s and the updated ledger to *next (both
 * the caller's, written even on error: the caller commits them only on success).
 */
static int mdn_settle_core(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                           const medins_person *person, const medins_claim *claim,
                           const medins_ledger *ledger, medins_result *r, unsigned flags,
                           medins_error **err)
{
    int rc;
    if ((rc = mdn_person_check(person, err)) < 0 || (rc = mdn_claim_check(claim, err)) < 0 ||
        (rc = mdn_born_by(person, claim->date, "the claim date", err)) < 0 ||
        (rc = medins_ledger_check(ledger, err)) < 0)
        return rc;
    query q;
    mdn_plan plan;
    mdn_ctx_make(&q.ctx, person, mdn_settle_tier(p, person), mdn_person_age(person, claim->date),
                 ledger, claim->kind, claim->level, claim->institution);
    query_keys(&q);
    plan_of(&plan, p, &q);
    return settle_body(s, next, p, person, &plan, &q, claim, ledger, r, flags, MDN_VOUCHED_NONE,
                       err);
}

/* ---- Public entry points ---------------------------------------------------------------- */

int medins_settle_ex(medins_result **out, const medins_policy *policy, const medins_person *person,
                     const medins_claim *claim, medins_ledger *ledger, unsigned int flags,
                     medins_error **err)
{
    if (!out || !policy || !person || !claim || !ledger)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_settle: NULL argument");
    medins_result *r = mdn_result_new(MEDINS_RESULT_SETTLEMENT, policy, sizeof(settle_data));
    if (!r)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    settle_data *d = mdn_result_data(r);
    int rc = mdn_settle_core(&d->s, &d->after, policy, person, claim, ledger, r, flags, err);
    if (rc < 0) {
        medins_result_free(r);
        return rc;
    }
    d->before = *ledger;
    *ledger = d->after;
    *out = r;
    return 0;
}

int medins_settle(medins_result **out, const medins_policy *policy, const medins_person *person,
                  const medins_claim *claim, medins_ledger *ledger, medins_error **err)
{
    return medins_settle_ex(out, policy, person, claim, ledger, 0, err);
}

/*
 * The account balance is the one field others may change between a settlement and its
 * reversal (credits, withdrawals); the refund is added to whatever it is now. Every other field
 * must still be as the settlement left it, or the result is not the ledger's latest settlement.
 */
int medins_settle_reverse(medins_ledger *ledger, const medins_result *result, medins_error **err)
{
    if (!ledger || !result)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_settle_reverse: NULL argument");
    if (medins_result_get_kind(result) != MEDINS_RESULT_SETTLEMENT)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "the result is not a settlement");
    const settle_data *d = mdn_result_data(result);
    medins_ledger now = *ledger;
    now.account_balance = d->after.account_balance;
    if (ledger->year != d->after.year || ledger->seq != d->after.seq ||
        memcmp(&now, &d->after, sizeof now) != 0) {
        /* Every settlement counts in seq: a ledger as it was before this one has not got it. */
        now.account_balance = d->before.account_balance;
        if (memcmp(&now, &d->before, sizeof now) == 0)
            return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                             "claim %lld is already reversed: the ledger is as it was before "
                             "that settlement", (long long)d->s.claim_id);
        return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                         "claim %lld is not the ledger's most recent settlement",
                         (long long)d->s.claim_id);
    }
    medins_fen balance;
    if (medins_money_add(&balance, ledger->account_balance, d->s.account) < 0)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "account balance would exceed the limit");
    *ledger = d->before;
    ledger->account_balance = balance;
    return 0;
}
