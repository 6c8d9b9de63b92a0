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

#include "benefit.h"
#include "result_internal.h"

/* What a settlement result keeps: the figures (first: medins_result_settlement reads them) and
 * the ledger before and after, so that a reversal can restore it exactly. */
typedef struct settle_data {
    medins_settlement s;
    medins_ledger before, after;
} settle_data;

/* ---- Explanation lines ------------------------------------------------------------------ */

typedef struct emitter {
    medins_result *r;          /* NULL: figures only */
    bool texts;                /* format and add lines (else only record assumed values) */
    medins_settlement *s;
    int rc;                    /* first NOMEM */
} emitter;

/*
 * A tiny formatter so that money and ratios are formatted only when texts are wanted:
 * %Y = medins_fen as yuan, %P = medins_bp as a percentage, %s, %d, %%.
 */
static void vformat(char *buf, size_t size, const char *fmt, va_list ap)
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
        case 'd': snprintf(tmp, sizeof tmp, "%d", va_arg(ap, int)); break;
        case 's': piece = va_arg(ap, const char *); break;
        default: tmp[0] = *f; tmp[1] = '\0'; break;
        }
        for (; *piece && n + 1 < size; piece++)
            buf[n++] = *piece;
    }
    buf[n] = '\0';
}

/* Formats and adds a line: only called (through SAY) when there is a result to add it to. */
static void say_line(emitter *e, medins_part part, medins_fen amount, medins_fen base,
                     medins_bp ratio, const char *rule, const mdn_val *val, const char *fmt, ...)
{
    if (!e->texts) {
        e->rc = mdn_result_use(e->r, val);
        return;
    }
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vformat(text, sizeof text, fmt, ap);
    va_end(ap);
    e->rc = mdn_result_add_line(e->r, part, amount, base, ratio, rule, val, "%s", text);
}

/*
 * An explanation line: with a result, marks the settlement assumed when its value is and adds
 * the line. A macro so that without a result (the batch, where the settlement body is
 * compiled with r a constant NULL) nothing of it is left: no test, no call, no argument.
 */
#define SAY(e, part, amount, base, ratio, rule, val, ...)                                     \
    do {                                                                                     \
        emitter *say_e = (e);                                                                \
        if (say_e->r) {                                                                      \
            const mdn_val *say_v = (val);                                                    \
            if (say_v && say_v->pub.assumed)                                                 \
                say_e->s->assumed = 1;                                                       \
            if (say_e->rc == 0)                                                              \
                say_line(say_e, (part), (amount), (base), (ratio), (rule), say_v, __VA_ARGS__); \
        }                                                                                    \
    } while (0)

/* A value used without a line of its own (segment bounds): listed when assumed. */
static inline void use(emitter *e, const mdn_val *val)
{
    if (e->r && val && val->pub.assumed) {
        e->s->assumed = 1;
        if (e->rc == 0)
            e->rc = mdn_result_use(e->r, val);
    }
}

/*
 * The settlement body and the helpers it calls are compiled into each of its two callers
 * (mdn_settle_core with a result, mdn_settle_run without), so that the batch's copy keeps
 * none of the explanation code.
 */
#if defined(__GNUC__) || defined(__clang__)
#  define BODY static inline __attribute__((always_inline))
#else
#  define BODY static inline
#endif

/* ---- Persons, claims, context ----------------------------------------------------------- */

static const medins_scheme scheme_of_category[MEDINS_CATEGORY_COUNT] = {
    MEDINS_SCHEME_EMPLOYEE, MEDINS_SCHEME_EMPLOYEE, MEDINS_SCHEME_RESIDENT, MEDINS_SCHEME_RESIDENT,
};

int mdn_person_check(const medins_person *person, medins_error **err)
{
    if ((unsigned)person->scheme >= MEDINS_SCHEME_COUNT ||
        (unsigned)person->category >= MEDINS_CATEGORY_COUNT)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "unknown scheme or category");
    if (scheme_of_category[person->category] != person->scheme)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "category %s belongs to another scheme than %s",
                         medins_category_name(person->category), medins_scheme_name(person->scheme));
    if ((unsigned)person->tier >= MEDINS_TIER_COUNT ||
        (person->scheme == MEDINS_SCHEME_EMPLOYEE && person->tier != MEDINS_TIER_NONE))
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "tier %d is not valid for the %s scheme",
                         (int)person->tier, medins_scheme_name(person->scheme));
    if (person->groups & ~MEDINS_GROUP_ALL)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "unknown group flags 0x%x",
                         (unsigned)(person->groups & ~MEDINS_GROUP_ALL));
    if (person->birth_date != 0 && !medins_date_valid(person->birth_date))
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "birth date %d is not a calendar date",
                         (int)person->birth_date);
    return 0;
}

/* The bits of word w (bits 64w to 64w + 63) from bit a on, and up to bit b. */
#define BITS_FROM(w, a) ((a) <= 64 * (w) ? ~0ull : (a) >= 64 * (w) + 64 ? 0 : ~0ull << ((a) - 64 * (w)))
#define BITS_TO(w, b) ((b) >= 64 * (w) + 63 ? ~0ull : (b) < 64 * (w) ? 0 : ~0ull >> (64 * (w) + 63 - (b)))
/* Days 1 to `days` of month m in word w. */
#define MONTH(w, m, days) (BITS_FROM(w, 100 * (m) + 1) & BITS_TO(w, 100 * (m) + (days)))
#define YEAR_WORD(w, feb)                                                                     \
    (MONTH(w, 1, 31) | MONTH(w, 2, feb) | MONTH(w, 3, 31) | MONTH(w, 4, 30) | MONTH(w, 5, 31) | \
     MONTH(w, 6, 30) | MONTH(w, 7, 31) | MONTH(w, 8, 31) | MONTH(w, 9, 30) | MONTH(w, 10, 31) | \
     MONTH(w, 11, 30) | MONTH(w, 12, 31))
#define YEAR_WORDS(feb)                                                                       \
    { YEAR_WORD(0, feb), YEAR_WORD(1, feb), YEAR_WORD(2, feb), YEAR_WORD(3, feb),             \
      YEAR_WORD(4, feb), YEAR_WORD(5, feb), YEAR_WORD(6, feb), YEAR_WORD(7, feb),             \
      YEAR_WORD(8, feb), YEAR_WORD(9, feb), YEAR_WORD(10, feb), YEAR_WORD(11, feb),           \
      YEAR_WORD(12, feb), YEAR_WORD(13, feb), YEAR_WORD(14, feb), YEAR_WORD(15, feb),         \
      YEAR_WORD(16, feb), YEAR_WORD(17, feb), YEAR_WORD(18, feb), YEAR_WORD(19, feb) }

/* mdn_claim_plain's days (benefit.h), written as the month lengths they hold. */
const uint64_t mdn_year_days[2][MDN_YEAR_DAY_WORDS] = { YEAR_WORDS(28), YEAR_WORDS(29) };

int mdn_claim_check(const medins_claim *c, medins_error **err)
{
    if ((unsigned)c->kind >= MEDINS_CLAIM_KIND_COUNT)
        return mdn_error(err, MEDINS_ERR_KIND, NULL, 0, 0, "unknown claim kind %d", (int)c->kind);
    if ((unsigned)c->level >= MEDINS_LEVEL_COUNT)
        return mdn_error(err, MEDINS_ERR_LEVEL, NULL, 0, 0, "unknown hospital level %d", (int)c->level);
    /* Pharmacy purchases happen at pharmacies and nothing else does. */
    if ((c->kind == MEDINS_CLAIM_PHARMACY) != (c->level == MEDINS_LEVEL_PHARMACY))
        return mdn_error(err, MEDINS_ERR_LEVEL, NULL, 0, 0, "a %s claim cannot be at level %s",
                         medins_claim_kind_name(c->kind), medins_level_name(c->level));
    if (!medins_date_valid(c->date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0, "claim date %d is not a calendar date",
                         (int)c->date);
    if (c->total < 0 || c->self_paid < 0 || c->category_b < 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "claim %lld has a negative amount",
                         (long long)c->id);
    if (c->total > MEDINS_FEN_MAX || c->self_paid > MEDINS_FEN_MAX || c->category_b > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "claim %lld has an amount above the limit",
                         (long long)c->id);
    if (c->self_paid + c->category_b > c->total)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0,
                         "claim %lld: self-paid and category-B parts exceed the total", (long long)c->id);
    return 0;
}

/* The benefit tier the selectors of a settlement see for `person` under policy `p`. */
static int settle_tier(const medins_policy *p, const medins_person *person)
{
    if (person->scheme != MEDINS_SCHEME_RESIDENT)
        return MEDINS_TIER_NONE;
    int t = mdn_benefit_tier(p, person);
    return t >= 0 && t < MEDINS_TIER_COUNT ? t : (int)person->tier;
}

/* The person's age on `date` as selectors see it: -1 when unknown (no birth date, or later). */
static int settle_age(const medins_person *person, medins_date date)
{
    return person->birth_date ? medins_age_on(person->birth_date, date) : -1;
}

static void context_of(mdn_ctx *ctx, const medins_person *person, int tier, int age,
                       const medins_ledger *ledger, int kind, int level, medins_date date,
                       int64_t institution)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->scheme = person->scheme;
    ctx->category = person->category;
    ctx->tier = tier;
    ctx->level = level;
    ctx->kind = kind;
    ctx->age = age;
    ctx->groups = person->groups;
    ctx->admission = kind == MEDINS_CLAIM_INPATIENT ? (ledger->admissions > 0 ? 2 : 1) : 0;
    ctx->at_family_doctor = person->family_doctor != 0 && institution == person->family_doctor;
    ctx->thrifty_years = ledger->thrifty_years;
    ctx->prior_outpatient = ledger->prior_known ? ledger->prior_outpatient_costs : -1;
}

void mdn_settle_context(mdn_ctx *ctx, const medins_policy *p, const medins_person *person,
                        const medins_ledger *ledger, int kind, int level, medins_date date,
                        int64_t institution)
{
    context_of(ctx, person, settle_tier(p, person), settle_age(person, date), ledger, kind,
               level, date, institution);
}

/* ---- Finding rows ----------------------------------------------------------------------- */

/* A claim's selector context and its keys into the row indexes (-1: not indexable, scan). */
typedef struct query {
    mdn_ctx ctx;
    int pkey, ckey;
} query;

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

/* ---- Person profiles, for the batch (benefit.h, mdn_profile) ---------------------------- */

/* How many bounds v is at or above (`above`: strictly above), or v itself without bounds. */
static int64_t side_of(const mdn_cuts *c, int64_t v, bool above)
{
    if (c->n < 0)
        return v;
    int64_t k = 0;
    for (int i = 0; i < c->n; i++)
        k += above ? v > c->at[i] : v >= c->at[i];
    return k;
}

bool mdn_profile_of(mdn_profile *out, const medins_policy *p, const medins_person *person,
                    int age, const medins_ledger *ledger)
{
    const struct mdn_benefits *bs = p->benefits;
    if (!bs)
        return false;
    /* Selectors test age >= bound, thrifty years >= bound and last year's costs <= bound;
     * an unknown age or cost (-1) matches no bounded row and gets a class of its own. */
    *out = (mdn_profile){
        .policy = p,
        .scheme = person->scheme,
        .category = person->category,
        .tier = person->tier,
        .groups = person->groups,
        .age = age < 0 ? -1 : side_of(&bs->age, age, false),
        .thrift = side_of(&bs->thrift, ledger->thrifty_years, false),
        .prior = ledger->prior_known ? side_of(&bs->prior, ledger->prior_outpatient_costs, true) : -1,
    };
    return true;
}

void mdn_profile_context(mdn_ctx *ctx, const medins_policy *p, const medins_person *person,
                         int age, const medins_ledger *ledger)
{
    context_of(ctx, person, settle_tier(p, person), age, ledger, 0, 0, 0, 0);
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

static medins_fen min_fen(medins_fen a, medins_fen b) { return a < b ? a : b; }
static medins_fen max_fen(medins_fen a, medins_fen b) { return a > b ? a : b; }

static medins_bp clamp_ratio(medins_bp base, medins_bp add)
{
    int32_t r = base + add;
    return r < 0 ? 0 : r > MEDINS_BP_ONE ? MEDINS_BP_ONE : r;
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
    lp->applies = l->present && (l->applies_to >> kind & 1);
    lp->cap = MDN_NO_CAP;
    if (!lp->applies)
        return;
    lp->drow = find_amount(&l->deductible, l->ix.deductible, q);
    lp->rrow = find_ratio(&l->ratio, l->ix.ratio, q);
    lp->adj = adjustments(&quiet, &l->adjustments, l->ix.adjustments, q, NULL);
    lp->crow = find_amount(&l->cap, l->ix.cap, q);
    if (lp->rrow)
        plan_segments(&lp->segs, lp->rrow, lp->adj);
    lp->ded = lp->drow ? lp->drow->amount.v : 0;
    if (lp->crow)
        lp->cap = lp->crow->amount.v;
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
    if (!(pl->rrow = find_ratio(&sec->ratio, sec->ix.ratio, q))) {
        pl->status = MDN_PLAN_RATIO;
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
        pl->carry = inpatient && inpatient->carry_over && sec->cap_owner == inpatient;
    }
    pl->pool = sec->pool;
    pl->annual = sec->basis == MDN_BASIS_YEAR;
    pl->account = sec->account && q->ctx.scheme == MEDINS_SCHEME_EMPLOYEE;
    plan_layer(&pl->layer[0], &p->benefits->major, kind, q);
    plan_layer(&pl->layer[1], &p->benefits->assistance, kind, q);
}

void mdn_plan_make(mdn_plan *plan, const medins_policy *p, const mdn_ctx *ctx)
{
    query q = {.ctx = *ctx};
    query_keys(&q);
    plan_of(plan, p, &q);
}

/* ---- The settlement --------------------------------------------------------------------- */

/* Segment i of `row` as a plan pays it: its upper bound (MDN_NO_CAP when open-ended) and its
 * ratio with `add`, clamped; from the plan's copy `sp` when it has one. */
static inline medins_fen seg_to(const mdn_ratio_row *row, const mdn_seg_plan *sp, size_t i)
{
    return sp->n > 0 ? sp->to[i] : row->seg[i].to < 0 ? MDN_NO_CAP : row->seg[i].to;
}

static inline medins_bp seg_ratio(const mdn_ratio_row *row, const mdn_seg_plan *sp,
                                  medins_bp add, size_t i)
{
    return sp->n > 0 ? sp->ratio[i] : clamp_ratio(row->seg[i].ratio.v, add);
}

/*
 * Pay the pieces of [lo, hi) (positions on a running amount, not negative, lo <= hi) that fall
 * into each segment of `row`, at the segment's ratio plus `add`, until `room` is used up.
 * Returns the amount paid; *withheld receives what the room refused, *coins the unpaid shares
 * of the pieces, *first_ratio the ratio of the first piece (left alone when there is none).
 *
 * Segments are contiguous and ascending from 0 (checked at load): the pieces are those of the
 * segment holding lo up to the one holding hi. An empty piece pays nothing, so that the
 * figures take no branch on the amounts (they are unpredictable in a batch); only lines test
 * for a piece.
 */
BODY medins_fen pay_segments(emitter *e, const mdn_ratio_row *row, const mdn_seg_plan *sp,
                             medins_bp add, medins_fen lo, medins_fen hi, medins_fen room,
                             medins_fen *withheld, medins_fen *coins, medins_bp *first_ratio,
                             medins_part part, const char *rule, const char *what)
{
    size_t i = 0;
    while (lo >= seg_to(row, sp, i))     /* the last bound is MDN_NO_CAP */
        i++;
    if (first_ratio && hi > lo)
        *first_ratio = seg_ratio(row, sp, add, i);
    medins_fen a = lo, paid_sum = 0, withheld_sum = 0, coins_sum = 0;
    for (;; i++) {
        const medins_fen to = seg_to(row, sp, i), piece = min_fen(hi, to) - a;
        const medins_bp ratio = seg_ratio(row, sp, add, i);
        const medins_fen share = mdn_apply(piece, ratio);
        const medins_fen paid = min_fen(share, room);
        room -= paid;
        paid_sum += paid;
        withheld_sum += share - paid;
        coins_sum += piece - share;
        if (e->r && piece > 0) {
            const mdn_segment *seg = &row->seg[i];
            /* The first segment starts at 0 by rule: that bound says nothing about the policy. */
            if (seg->from > 0)
                use(e, seg->from_val);
            use(e, seg->to_val);
            if (seg->to < 0)
                SAY(e, part, paid, piece, ratio, rule, seg->ratio.val,
                    "%s pays %P of %Y in the segment above %Y%s", what, ratio, piece, seg->from,
                    paid < share ? " (cut by the annual maximum)" : "");
            else
                SAY(e, part, paid, piece, ratio, rule, seg->ratio.val,
                    "%s pays %P of %Y in the segment %Y to %Y%s", what, ratio, piece, seg->from,
                    seg->to, paid < share ? " (cut by the annual maximum)" : "");
            if (coins)
                SAY(e, MEDINS_PART_COINSURANCE, piece - share, piece, MEDINS_BP_ONE - ratio, rule,
                    seg->ratio.val, "The patient pays %P of %Y in this segment",
                    MEDINS_BP_ONE - ratio, piece);
        }
        if (hi <= to)
            break;
        a = to;
    }
    *withheld = withheld_sum;
    if (coins)
        *coins = coins_sum;
    return paid_sum;
}

/*
 * A layer above the basic fund on its cumulative base: this claim adds `add` to `base0`.
 * Returns the payment (0 when the layer has no row for the person). `q` is read only for
 * lines (the adjustments' own).
 */
BODY medins_fen settle_layer(emitter *e, const mdn_layer *l, const mdn_layer_plan *lp,
                             const query *q, medins_fen base0, medins_fen add, medins_fen used,
                             medins_part part)
{
    const bool major = part == MEDINS_PART_MAJOR_DISEASE;
    const char *label = major ? "the major-disease layer" : "medical assistance";
    const mdn_amount_row *drow = lp->drow, *crow = lp->crow;
    const medins_fen ded = lp->ded;

    if (!lp->rrow) {
        SAY(e, MEDINS_PART_INFO, 0, add, 0, l->rule[MDN_RULE_RATIO], NULL,
            "No row of %s applies to this person: it pays nothing", label);
        return 0;
    }
    if (drow) {
        if (drow->share.val)
            use(e, l->reference_income.val);
        SAY(e, MEDINS_PART_INFO, min_fen(add, max_fen(0, ded - base0)), add, drow->share.v,
            l->rule[MDN_RULE_DEDUCTIBLE], drow->share.val ? drow->share.val : drow->amount.val,
            "Annual deductible of %s %Y on the year's burden (%Y before this claim, %Y added)",
            label, ded, base0, add);
    }
    medins_fen lo = max_fen(0, base0 - ded), hi = max_fen(0, base0 + add - ded);
    if (hi <= lo)
        return 0;   /* all within the deductible: no ratio, adjustment or maximum is used */
    if (e->r)
        (void)adjustments(e, &l->adjustments, l->ix.adjustments, q, l->rule[MDN_RULE_ADJUST]);
    medins_fen room = max_fen(0, lp->cap - used);
    medins_fen withheld;
    medins_fen paid = pay_segments(e, lp->rrow, &lp->segs, lp->adj, lo, hi, room, &withheld,
                                   NULL, NULL, part, l->rule[MDN_RULE_RATIO],
                                   major ? "The major-disease layer" : "Medical assistance");
    if (crow)
        SAY(e, MEDINS_PART_INFO, crow->amount.v, used, 0, l->rule[MDN_RULE_CAP], crow->amount.val,
            "Annual maximum of %s: %Y, %Y used before this claim%s", label, crow->amount.v, used,
            withheld > 0 ? ": reached" : "");
    return paid;
}

/* The claim's date against the policy's dates and the ledger's year and last claim. */
static int check_dates(const medins_policy *p, const medins_claim *claim,
                       const medins_ledger *ledger, medins_error **err)
{
    /* Unsigned differences: one test for each range (dates are checked, years are in range). */
    const medins_date until = p->to ? p->to : INT32_MAX;
    if ((uint32_t)(claim->date - p->from) > (uint32_t)(until - p->from))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0, "claim date %d is outside policy %s",
                         (int)claim->date, p->id);
    if ((uint32_t)(claim->date - ledger->year * 10000) >= 10000u)
        return mdn_error(err, MEDINS_ERR_LEDGER_YEAR, NULL, 0, 0,
                         "the ledger is for %d, the claim is dated %d", (int)ledger->year,
                         (int)claim->date);
    if (claim->date < ledger->last_date)
        return mdn_error(err, MEDINS_ERR_ORDER, NULL, 0, 0,
                         "claim dated %d is earlier than the ledger's last claim (%d)",
                         (int)claim->date, (int)ledger->last_date);
    return 0;
}

/* Why a plan that is not OK cannot settle. */
static MDN_COLD int plan_error(const mdn_plan *plan, const medins_person *person,
                               const medins_claim *claim, medins_error **err)
{
    if (plan->status == MDN_PLAN_SCHEME)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "the %s scheme is not covered by this policy", medins_scheme_name(person->scheme));
    if (plan->status == MDN_PLAN_SECTION)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "%s claims are not covered by this policy", medins_claim_kind_name(claim->kind));
    return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                     "not covered by this policy: no %s row for this person at level %s",
                     plan->sec->rule[MDN_RULE_RATIO], medins_level_name(claim->level));
}

/*
 * The settlement itself (see the top of this file) with the rows of `plan`, compiled into
 * mdn_settle_core, which may explain into a result (and then reads `q`, the plan's query, for
 * the adjustments' lines), and into mdn_settle_run, the batch's, where r and q are NULL.
 */
BODY int settle_body(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                     const medins_person *person, const mdn_plan *plan, const query *q,
                     const medins_claim *claim, const medins_ledger *ledger, medins_result *r,
                     unsigned flags, bool dated, medins_error **err)
{
    int rc;
    if ((!dated && (rc = check_dates(p, claim, ledger, err)) < 0) ||
        (plan->status != MDN_PLAN_OK && (rc = plan_error(plan, person, claim, err)) < 0))
        return rc;

    const mdn_benefit *sec = plan->sec;
    const int kind = claim->kind, pool = plan->pool;
    emitter e = {r, r && !(flags & MEDINS_SETTLE_NO_LINES), s, 0};
    /* No memset: the batch's settlement lives on its stack, and a block clear costs more than
     * these stores. The batch (no result) gets only the figures it outputs (mdn_settle_run):
     * each store it skips shortens its claims. */
    const medins_fen in_scope = claim->total - claim->self_paid - claim->category_b;
    s->major_disease = s->assistance = 0;
    if (r) {
        s->in_scope = in_scope;
        s->ratio = 0;
        s->assumed = 0;
        s->claim_id = claim->id;
        s->total = claim->total;
        s->self_paid = claim->self_paid;
        s->category_b = claim->category_b;
        s->admission = (kind == MEDINS_CLAIM_INPATIENT) * (ledger->admissions + 1);
    }

    if (claim->self_paid > 0)
        SAY(&e, MEDINS_PART_SELF_PAID, s->self_paid, 0, 0, "claim.self_paid", NULL,
            "Items outside the catalogue, paid in full by the patient: %Y", s->self_paid);
    if (claim->category_b > 0)
        SAY(&e, MEDINS_PART_CATEGORY_B, s->category_b, 0, 0, "claim.category_b", NULL,
            "Category-B first self-pay, paid by the patient: %Y", s->category_b);
    if (r && s->admission)
        SAY(&e, MEDINS_PART_INFO, 0, 0, 0, sec->rule[MDN_RULE_DEDUCTIBLE], NULL,
            "Admission number %d this year", (int)s->admission);

    /* Deductible: what is left of the pool's annual one, or the whole per visit or admission
     * (0 without a deductible row). */
    const medins_fen ded = plan->ded,
                     remaining = plan->annual ? max_fen(0, ded - ledger->deductible[pool]) : ded;
    s->deductible = min_fen(in_scope, remaining);
    const mdn_amount_row *drow = plan->drow;
    if (e.r && drow) {
        if (plan->trow)
            SAY(&e, MEDINS_PART_INFO, drow->amount.v - ded, drow->amount.v, 0,
                sec->ded_owner->rule[MDN_RULE_THRIFT], plan->trow->amount.val,
                "Deductible %Y lowered by %Y after %d thrifty year(s)", drow->amount.v,
                plan->trow->amount.v, (int)ledger->thrifty_years);
        if (plan->annual)
            SAY(&e, MEDINS_PART_DEDUCTIBLE, s->deductible, in_scope, 0,
                sec->ded_owner->rule[MDN_RULE_DEDUCTIBLE], drow->amount.val,
                "Annual deductible %Y, of which %Y was borne before this claim: the patient pays %Y",
                ded, ledger->deductible[pool], s->deductible);
        else
            SAY(&e, MEDINS_PART_DEDUCTIBLE, s->deductible, in_scope, 0,
                sec->ded_owner->rule[MDN_RULE_DEDUCTIBLE], drow->amount.val,
                "Deductible of this %s %Y: the patient pays %Y",
                sec->basis == MDN_BASIS_VISIT ? "visit" : "admission", ded, s->deductible);
    }

    /* Segments and the annual maximum (the inpatient one plus what the outpatient carries). */
    if (e.r)
        (void)adjustments(&e, &sec->adjustments, sec->ix.adjustments, q, sec->rule[MDN_RULE_ADJUST]);
    const mdn_amount_row *crow = plan->crow;
    const medins_fen carry = plan->carry ? ledger->carry_over : 0, cap = plan->cap + carry;
    medins_fen rest = in_scope - s->deductible;
    medins_fen pos = ledger->position[pool];
    s->fund = pay_segments(&e, plan->rrow, &plan->segs, plan->adj, pos, pos + rest,
                           max_fen(0, cap - ledger->fund[pool]), &s->over_cap, &s->coinsurance,
                           r ? &s->ratio : NULL, MEDINS_PART_FUND, sec->rule[MDN_RULE_RATIO], "The fund");
    if (crow) {
        if (carry > 0)
            SAY(&e, MEDINS_PART_INFO, cap, carry, 0, sec->cap_owner->rule[MDN_RULE_CARRY],
                sec->cap_owner->carry_over_val,
                "Annual maximum %Y + carried-over outpatient maximum %Y = effective inpatient maximum %Y; fund paid before this claim %Y",
                crow->amount.v, carry, cap, ledger->fund[pool]);
        else
            SAY(&e, MEDINS_PART_INFO, cap, 0, 0, sec->cap_owner->rule[MDN_RULE_CAP],
                crow->amount.val, "Annual maximum %Y; fund paid before this claim %Y", cap,
                ledger->fund[pool]);
        if (carry > 0)
            use(&e, crow->amount.val);
    }
    if (s->over_cap > 0)
        SAY(&e, MEDINS_PART_OVER_CAP, s->over_cap, 0, 0, sec->cap_owner->rule[MDN_RULE_CAP],
            crow->amount.val, "Withheld by the annual maximum %Y, paid by the patient: %Y", cap,
            s->over_cap);

    /* Layers above the basic fund. */
    const struct mdn_benefits *bs = p->benefits;
    const bool major_applies = plan->layer[0].applies, assist_applies = plan->layer[1].applies;
    medins_fen burden = in_scope - s->fund;
    if (major_applies)
        s->major_disease = settle_layer(&e, &bs->major, &plan->layer[0], q, ledger->major_base,
                                        burden, ledger->major_fund, MEDINS_PART_MAJOR_DISEASE);
    medins_fen assist_base = burden - s->major_disease;
    if (assist_applies)
        s->assistance = settle_layer(&e, &bs->assistance, &plan->layer[1], q, ledger->assist_base,
                                     assist_base, ledger->assist_fund, MEDINS_PART_ASSISTANCE);

    s->patient = claim->total - s->fund - s->major_disease - s->assistance;
    SAY(&e, MEDINS_PART_PATIENT, s->patient, s->total, 0, "settlement.patient", NULL,
        "The patient pays %Y: self-paid %Y + category B %Y + deductible %Y + coinsurance %Y + over the maximum %Y - major disease %Y - assistance %Y",
        s->patient, s->self_paid, s->category_b, s->deductible, s->coinsurance, s->over_cap,
        s->major_disease, s->assistance);

    /* The individual account pays in-scope costs only: catalogue-external items never, and
     * category-B first self-pay is cash (the decision is documented in the report and docs). */
    const medins_fen account = min_fen(ledger->account_balance, assist_base - s->assistance);
    s->account = plan->account ? account : 0;
    if (plan->account && e.r) {
        SAY(&e, MEDINS_PART_ACCOUNT, s->account, assist_base - s->assistance, 0,
            sec->rule[MDN_RULE_ACCOUNT], sec->account_val,
            "Paid from the individual account: %Y of the in-scope burden %Y (balance %Y)",
            s->account, assist_base - s->assistance, ledger->account_balance);
    }
    if (r)
        s->cash = s->patient - s->account;
    if (e.rc < 0)
        return mdn_error(err, e.rc, NULL, 0, 0, "out of memory");

    /*
     * The new ledger: every sum is made and checked before anything is written, so that a
     * failure leaves `next` as it was and `next` may be the ledger itself. Each addend is in
     * [0, MAX] (the ledger was checked; every figure of the claim lies between 0 and its
     * in-scope amount, or the account balance), so no sum can overflow int64 and one test of
     * each against MAX does.
     */
    const bool outpatient_cost = kind == MEDINS_CLAIM_OUTPATIENT || kind == MEDINS_CLAIM_PHARMACY;
    const medins_fen outpatient = ledger->outpatient_costs + (outpatient_cost ? in_scope : 0),
                     deductible = ledger->deductible[pool] + s->deductible,
                     position = ledger->position[pool] + rest,
                     fund = ledger->fund[pool] + s->fund,
                     major_base = ledger->major_base + (major_applies ? burden : 0),
                     major_fund = ledger->major_fund + s->major_disease,
                     assist_sum = ledger->assist_base + (assist_applies ? assist_base : 0),
                     assist_fund = ledger->assist_fund + s->assistance,
                     account_paid = ledger->account_paid + s->account;
    /* Each sum is at most their OR, which is below 2^46 < MEDINS_FEN_MAX nearly always: one
     * test, and the exact ones only when it fails. */
    const uint64_t any = (uint64_t)(outpatient | deductible | position | fund | major_base |
                                    major_fund | assist_sum | assist_fund | account_paid);
    if (any >= (uint64_t)1 << 46 &&
        ((outpatient > MEDINS_FEN_MAX) | (deductible > MEDINS_FEN_MAX) |
         (position > MEDINS_FEN_MAX) | (fund > MEDINS_FEN_MAX) | (major_base > MEDINS_FEN_MAX) |
         (major_fund > MEDINS_FEN_MAX) | (assist_sum > MEDINS_FEN_MAX) |
         (assist_fund > MEDINS_FEN_MAX) | (account_paid > MEDINS_FEN_MAX)))
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0,
                         "a year total of the ledger would exceed the limit");
    if (next != ledger)
        *next = *ledger;
    next->seq++;
    next->last_date = claim->date;
    if (kind == MEDINS_CLAIM_INPATIENT)
        next->admissions++;
    next->outpatient_costs = outpatient;
    next->deductible[pool] = deductible;
    next->position[pool] = position;
    next->fund[pool] = fund;
    next->major_base = major_base;
    next->major_fund = major_fund;
    next->assist_base = assist_sum;
    next->assist_fund = assist_fund;
    next->account_balance -= s->account;
    next->account_paid = account_paid;
    return 0;
}

int mdn_settle_core(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                    const medins_person *person, const medins_claim *claim,
                    const medins_ledger *ledger, medins_result *r, unsigned flags,
                    medins_error **err)
{
    int rc;
    if ((rc = mdn_person_check(person, err)) < 0 || (rc = mdn_claim_check(claim, err)) < 0 ||
        (rc = medins_ledger_check(ledger, err)) < 0)
        return rc;
    query q;
    mdn_plan plan;
    mdn_settle_context(&q.ctx, p, person, ledger, claim->kind, claim->level, claim->date,
                       claim->institution);
    query_keys(&q);
    plan_of(&plan, p, &q);
    return settle_body(s, next, p, person, &plan, &q, claim, ledger, r, flags, false, err);
}

int mdn_settle_run(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                   const medins_person *person, const mdn_plan *plan, const medins_claim *claim,
                   const medins_ledger *ledger, bool dated, medins_error **err)
{
    return settle_body(s, next, p, person, plan, NULL, claim, ledger, NULL, 0, dated, err);
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
        memcmp(&now, &d->after, sizeof now) != 0)
        return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                         "claim %lld is not the ledger's most recent settlement",
                         (long long)d->s.claim_id);
    medins_fen balance;
    if (medins_money_add(&balance, ledger->account_balance, d->s.account) < 0)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "account balance would exceed the limit");
    *ledger = d->before;
    ledger->account_balance = balance;
    return 0;
}
