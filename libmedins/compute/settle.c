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
 * The arithmetic is written once, here, and inlined into each of its callers: one claim
 * (mdn_settle_core, which may trace into a result) and the batch's claims (mdn_settle_chunk
 * and mdn_settle_planned, settle.h), whose copies record nothing and allocate nothing.
 */
#include <string.h>

#include "ledger.h"
#include "person.h"
#include "plan.h"
#include "result.h"
#include "ledger.h"
#include "settle.h"

typedef mdn_settled settle_data;

/* ---- The trace -------------------------------------------------------------------------- */

/* Always inlined, so that each of its callers below gets its own copy: one claim's, which may
 * trace into a result, and the batch's, with none (bench/README.md). */
#if defined(__GNUC__) || defined(__clang__)
#  define BODY static inline __attribute__((always_inline))
#else
#  define BODY static inline
#endif

/* What a settlement records into its result. In the batch's copies r is a constant NULL, and
 * every step is compiled away: no test, no call, no argument is left of it. */
typedef struct tracer {
    medins_result *r;          /* NULL: figures only */
    bool steps;                /* record the steps (else only the values they read) */
    bool assumed;              /* an assumed value was used (copied to the settlement) */
    int rc;                    /* first NOMEM */
} tracer;

/* Records step `st` with the values it read (NULL ones left out): only called by step(). */
static MDN_NOINLINE void record(tracer *t, const medins_step *st, const mdn_val *v0,
                                const mdn_val *v1, const mdn_val *v2)
{
    const mdn_val *const v[] = {v0, v1, v2};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        t->assumed |= v[i] && v[i]->pub.assumed;
    if (t->steps && t->rc == 0)
        t->rc = mdn_result_step(t->r, st, v0, v1, v2);
    for (size_t i = 0; !t->steps && i < sizeof v / sizeof v[0] && t->rc == 0; i++)
        t->rc = mdn_result_use(t->r, v[i]);
}

/* A step of the trace, with the policy values it read: the first is the one its amount
 * rests on. Nothing without a result. */
BODY void step(tracer *t, medins_step st, const mdn_val *v0, const mdn_val *v1,
               const mdn_val *v2)
{
    if (t->r)
        record(t, &st, v0, v1, v2);
}

/* The tracer `t` of a body with result `r` to hand a function out of line: a copy of the body
 * without a result hands it no_trace instead, so that the address of its own `t` is never
 * taken and its steps compile away. no_trace is never written: only a tracer with a result
 * records. */
static tracer no_trace = {NULL, false, false, 0};
#define out_of_line(t, r) ((r) ? (t) : &no_trace)

/* The steps of the adjustments that apply (every one that matches, in row order), whose
 * sum the plan holds (plan.c's adjust_sum). */
static void trace_adjustments(tracer *t, const mdn_adjust_table *table, const mdn_index *ix,
                              const mdn_query *q, const char *rule)
{
    uint64_t m;
    ix = mdn_usable_index(ix, q, &m);
    for (size_t i = 0; i < table->n && (!ix || m >> i); i++) {
        const mdn_adjust_row *a = &table->rows[i];
        if (mdn_row_matches(ix, m, i, &a->sel, q))
            step(t, (medins_step){.kind = MEDINS_STEP_ADJUSTMENT, .part = MEDINS_PART_INFO,
                                  .rule = rule, .ratio = a->add.v},
                 a->add.val, NULL, NULL);
    }
}

/* ---- The arithmetic -------------------------------------------------------------------- */

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

/* The steps of one piece of segment `seg` (its kind paid by `part`, and when `coins`, the
 * patient's share of it); `basis` is the section's mdn_seg_basis (a layer's is 0). */
BODY void trace_piece(tracer *t, const mdn_segment *seg, medins_step_kind kind, medins_part part,
                      const char *rule, medins_fen piece, medins_fen share, medins_fen paid,
                      medins_bp ratio, bool coins, int basis)
{
    const bool open = seg->to < 0;
    /* The first segment starts at 0 by rule: that bound says nothing about the policy. */
    step(t, (medins_step){.kind = kind, .part = part, .rule = rule, .amount = paid, .base = piece,
                          .ratio = ratio,
                          .arg = {seg->from, open ? 0 : seg->to, open, paid < share,
                                  basis == MDN_SEG_COST, basis == MDN_SEG_FUND}},
         seg->ratio.val, seg->from > 0 ? seg->from_val : NULL, seg->to_val);
    if (coins)
        step(t, (medins_step){.kind = MEDINS_STEP_COINSURANCE, .part = MEDINS_PART_COINSURANCE,
                              .rule = rule, .amount = piece - share, .base = piece,
                              .ratio = MEDINS_BP_ONE - ratio},
             seg->ratio.val, NULL, NULL);
}

/*
 * The smallest amount whose share at `ratio` (rounded half-up, as mdn_apply_magnitude) is at
 * least `want` (> 0), for a ratio above 0: share(c) >= want when c * ratio + 5000 >= 10000 *
 * want. Amounts are below 10^14 fen, so the product stays below 10^18.
 */
static inline medins_fen cost_for_share(medins_fen want, medins_bp ratio)
{
    MDN_ANALYZER_ASSUME(ratio > 0);   /* a share above 0 needs a ratio above 0 */
    return (want * MEDINS_BP_ONE - MEDINS_BP_ONE / 2 + ratio - 1) / ratio;
}

/* The running sums of pay_segments and pay_fund_segments: the room left, what was paid,
 * withheld by the room and left to the patient, and, with `reach`, where the room ran out. */
typedef struct pieces {
    medins_fen room, paid, withheld, coins;
    medins_fen *reach;
    bool ran_out;
} pieces;

/* A piece of `piece` placed `placed` after the start, whose share at `ratio` is `share`, paid
 * within the room; returns what was paid of it. */
BODY medins_fen take_piece(pieces *ps, medins_fen placed, medins_fen piece, medins_fen share,
                           medins_bp ratio)
{
    const medins_fen paid = min_fen(share, ps->room);
    if (ps->reach && !ps->ran_out && paid < share) {
        *ps->reach = placed + (paid > 0 ? cost_for_share(paid, ratio) : 0);
        ps->ran_out = true;
    }
    ps->room -= paid;
    ps->paid += paid;
    ps->withheld += share - paid;
    ps->coins += piece - share;
    return paid;
}

/*
 * Pay the pieces of [lo, hi) (positions on a running amount, not negative, lo <= hi) that fall
 * into each segment of `row`, at the segment's ratio plus `add`, until `room` is used up.
 * Returns the amount paid; *withheld receives what the room refused, *coins the unpaid shares
 * of the pieces, *first_ratio the ratio of the first piece (left alone when there is none).
 *
 * Segments are contiguous and ascending from 0 (checked at load): the pieces are those of the
 * segment holding lo up to the one holding hi. An empty piece pays nothing, so that the
 * figures take no branch on the amounts (bench/README.md); only the trace tests for a piece.
 * Each piece is a step of `kind` paid by `part`, followed, when `coins` is given, by the
 * patient's share of it; `basis` is for the trace. With `reach`, *reach receives the amount
 * placed before the room ran out: hi - lo when it did not, else up to the least amount of the
 * piece whose share is what the room paid of it (cost_for_share).
 */
BODY medins_fen pay_segments(tracer *t, const mdn_ratio_row *row, const mdn_seg_plan *sp,
                             medins_bp add, medins_fen lo, medins_fen hi, medins_fen room,
                             medins_fen *withheld, medins_fen *coins, medins_bp *first_ratio,
                             medins_step_kind kind, medins_part part, const char *rule, int basis,
                             medins_fen *reach)
{
    size_t i = 0;
    while (lo >= seg_to(row, sp, i))     /* the last bound is MDN_NO_CAP */
        i++;
    if (first_ratio && hi > lo)
        *first_ratio = seg_ratio(row, sp, add, i);
    medins_fen a = lo;
    pieces ps = {room, 0, 0, 0, reach, false};
    if (reach)
        *reach = hi - lo;
    for (;; i++) {
        const medins_fen to = seg_to(row, sp, i), piece = min_fen(hi, to) - a;
        const medins_bp ratio = seg_ratio(row, sp, add, i);
        /* A piece is never negative: a <= min(hi, to). */
        const medins_fen share = mdn_apply_magnitude((uint64_t)piece, ratio);
        const medins_fen paid = take_piece(&ps, a - lo, piece, share, ratio);
        if (t->r && piece > 0)
            trace_piece(t, &row->seg[i], kind, part, rule, piece, share, paid, ratio,
                        coins != NULL, basis);
        if (hi <= to)
            break;
        a = to;
    }
    *withheld = ps.withheld;
    if (coins)
        *coins = ps.coins;
    return ps.paid;
}

/*
 * pay_segments for a section whose bounds are on the basic fund's payment this year
 * (segment_basis: fund): `cost` is paid from the fund's position `f0`, each piece in a segment
 * until the fund's payment reaches its bound. A piece that reaches a bound is the least cost
 * whose share does (cost_for_share), so that its share is exactly what the bound leaves: each
 * share grows by at most a fen a fen of cost (ratios are at most 100%). Only sections with
 * that basis call it (plan.seg_fund): out of line, so that the batch's copies of the body,
 * which settle the other bases, do not carry it. Returns the sums as pay_segments leaves them
 * (first_ratio 0 without a piece); `reach` as for pay_segments.
 */
typedef struct paid_pieces {
    medins_fen paid, withheld, coins;
    medins_bp first_ratio;
} paid_pieces;

static MDN_NOINLINE paid_pieces pay_fund_segments(tracer *t, const mdn_ratio_row *row,
                                                  const mdn_seg_plan *sp, medins_bp add,
                                                  medins_fen f0, medins_fen cost,
                                                  medins_fen room, const char *rule,
                                                  medins_fen *reach)
{
    size_t i = 0;
    while (f0 >= seg_to(row, sp, i))
        i++;
    paid_pieces out = {0, 0, 0, cost > 0 ? seg_ratio(row, sp, add, i) : 0};
    medins_fen f = f0, left = cost;
    pieces ps = {room, 0, 0, 0, reach, false};
    if (reach)
        *reach = cost;
    for (;; i++) {
        const medins_fen to = seg_to(row, sp, i);
        const medins_bp ratio = seg_ratio(row, sp, add, i);
        medins_fen piece = left, share = mdn_apply_magnitude((uint64_t)left, ratio);
        /* Past the bound (so the ratio is above 0): the piece that reaches it, less than
         * what is left. */
        if (share > to - f) {
            share = to - f;
            piece = cost_for_share(share, ratio);
        }
        const medins_fen paid = take_piece(&ps, cost - left, piece, share, ratio);
        if (t->r && piece > 0)
            trace_piece(t, &row->seg[i], MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, rule, piece,
                        share, paid, ratio, true, MDN_SEG_FUND);
        left -= piece;
        f += share;
        if (left == 0)
            break;
    }
    out.paid = ps.paid;
    out.withheld = ps.withheld;
    out.coins = ps.coins;
    return out;
}

/*
 * A layer above the basic fund on its cumulative base: this claim adds `add` to `base0`;
 * `add_max` is at least `add` and known earlier. Returns the payment (0 when the layer has no
 * row for the person, or does not apply to the claim: without a result it is called for such
 * claims too, and its plan's gate returns 0). `q` is read only for the trace (the
 * adjustments' steps).
 */
BODY medins_fen settle_layer(tracer *t, const mdn_layer *l, const mdn_layer_plan *lp,
                             const mdn_query *q, medins_fen base0, medins_fen add,
                             medins_fen add_max, medins_fen used, medins_part part)
{
    const bool major = part == MEDINS_PART_MAJOR_DISEASE;
    const mdn_amount_row *drow = lp->drow, *crow = lp->crow;
    const medins_fen ded = lp->ded;

    if (t->r && !lp->rrow) {
        step(t, (medins_step){.kind = major ? MEDINS_STEP_MAJOR_DISEASE_NO_ROW
                                            : MEDINS_STEP_ASSISTANCE_NO_ROW,
                              .part = MEDINS_PART_INFO, .rule = l->rule[MDN_RULE_RATIO],
                              .base = add},
             NULL, NULL, NULL);
        return 0;
    }
    if (t->r && drow)
        step(t, (medins_step){.kind = major ? MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE
                                            : MEDINS_STEP_ASSISTANCE_DEDUCTIBLE,
                              .part = MEDINS_PART_INFO, .rule = l->rule[MDN_RULE_DEDUCTIBLE],
                              .amount = min_fen(add, max_fen(0, ded - base0)), .base = add,
                              .ratio = drow->share.v, .arg = {ded, base0}},
             drow->share.val ? drow->share.val : drow->amount.val,
             drow->share.val ? l->reference_income.val : NULL, NULL);
    /* Without a result, one test first: on the gate (the deductible, or above any burden
     * when the layer pays nothing) and on `add_max` (the claim's in-scope amount, known from
     * the start, where `add` comes at the end of the basic fund's arithmetic). Most claims
     * stop here (bench/README.md, "The layers' early gate"). */
    if (!t->r && base0 + add_max <= lp->gate)
        return 0;
    medins_fen lo = max_fen(0, base0 - ded), hi = max_fen(0, base0 + add - ded);
    if (hi <= lo)
        return 0;   /* all within the deductible: no ratio, adjustment or maximum is used */
    if (t->r)
        trace_adjustments(t, &l->adjustments, l->ix.adjustments, q, l->rule[MDN_RULE_ADJUST]);
    medins_fen room = max_fen(0, lp->cap - used);
    medins_fen withheld;
    medins_fen paid = pay_segments(t, lp->rrow, &lp->segs, lp->adj, lo, hi, room, &withheld,
                                   NULL, NULL,
                                   major ? MEDINS_STEP_MAJOR_DISEASE : MEDINS_STEP_ASSISTANCE,
                                   part, l->rule[MDN_RULE_RATIO], 0, NULL);
    if (t->r && crow)
        step(t, (medins_step){.kind = major ? MEDINS_STEP_MAJOR_DISEASE_CAP
                                            : MEDINS_STEP_ASSISTANCE_CAP,
                              .part = MEDINS_PART_INFO, .rule = l->rule[MDN_RULE_CAP],
                              .amount = crow->amount.v, .base = used, .arg = {withheld > 0}},
             crow->amount.val, NULL, NULL);
    return paid;
}

/* The claim's attributes against the policy's (a claim settled alone, or in the batch's
 * checks: the batch settles the claims with attributes alone). */
static inline int mdn_check_attributes(const medins_policy *p, const medins_claim *claim,
                                       medins_error **err)
{
    const uint32_t known = p->nattrs >= 32 ? UINT32_MAX : (1u << p->nattrs) - 1;
    if (claim->attributes & ~known)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "claim %lld has attributes 0x%x that "
                         "policy %s does not define (it defines %zu)", (long long)claim->id,
                         (unsigned)(claim->attributes & ~known), p->id, p->nattrs);
    return 0;
}

/* Where a claim's amount above its deductible `ded` starts on the running amount of the
 * section's segment_basis, but for the fund's payment (pay_fund_segments): above the
 * deductibles, or (cost) with them, this claim's first. */
static inline medins_fen seg_position(const mdn_plan *plan, const medins_ledger *ledger, int pool,
                                      medins_fen ded)
{
    return ledger->position[pool] + (plan->seg_cost & (ledger->deductible[pool] + ded));
}

/*
 * The section's supplementary fund (plan.supp): it starts where the basic fund's payment this
 * year reaches its start (its row's amount, else the maximum `cap`), which the basic fund's
 * `room` ended at, and pays its ratio of the cost placed after that point, up to its own
 * maximum. `withheld` is what the room refused: with none, the basic fund did not stop in this
 * claim, and a start above the maximum is never reached; nor is it where the fund stopped at
 * a claim's maximum (visit_cap) short of the year's room. The basic fund's pieces are placed
 * again, without a trace, to find the cost that point leaves (reach). Out of line, as
 * pay_fund_segments.
 */
static MDN_NOINLINE medins_fen settle_supplementary(tracer *t, const mdn_plan *plan,
                                                    const medins_ledger *ledger, int pool,
                                                    medins_fen cap, medins_fen ded,
                                                    medins_fen rest, medins_fen room,
                                                    medins_fen fund, medins_fen withheld,
                                                    medins_fen *considered)
{
    const mdn_supplementary *u = &plan->sec->supp;
    const mdn_amount_row *srow = plan->supp_srow, *crow = plan->supp_crow;
    const medins_fen start = srow ? srow->amount.v : cap;
    /* Only where the year's room ran out (not a claim's maximum). */
    if (withheld == 0 || fund < room || start > cap)
        return 0;
    tracer none = {NULL, false, false, 0};
    medins_fen w, c, reach;
    if (plan->seg_fund) {
        pay_fund_segments(&none, plan->rrow, &plan->segs, plan->adj, ledger->fund[pool], rest,
                          room, NULL, &reach);
    } else {
        const medins_fen lo = seg_position(plan, ledger, pool, ded);
        pay_segments(&none, plan->rrow, &plan->segs, plan->adj, lo, lo + rest, room, &w, &c,
                     NULL, MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, NULL, 0, &reach);
    }
    const medins_fen beyond = rest - reach, used = ledger->supplementary[pool];
    *considered = beyond;
    const mdn_segment *seg = &plan->supp_rrow->seg[0];
    const medins_fen share = mdn_apply_magnitude((uint64_t)beyond, seg->ratio.v),
                     paid = min_fen(share, max_fen(0, plan->supp_cap - used));
    step(t, (medins_step){.kind = MEDINS_STEP_SUPPLEMENTARY_START, .part = MEDINS_PART_INFO,
                          .rule = srow ? u->rule_start : plan->sec->cap_owner->rule[MDN_RULE_CAP],
                          .amount = start, .base = beyond,
                          .arg = {ledger->fund[pool], srow == NULL}},
         srow ? srow->amount.val : plan->crow->amount.val, NULL, NULL);
    step(t, (medins_step){.kind = MEDINS_STEP_SUPPLEMENTARY, .part = MEDINS_PART_SUPPLEMENTARY,
                          .rule = u->rule_ratio, .amount = paid, .base = beyond,
                          .ratio = seg->ratio.v, .arg = {paid < share}},
         seg->ratio.val, NULL, NULL);
    if (crow)
        step(t, (medins_step){.kind = MEDINS_STEP_SUPPLEMENTARY_CAP, .part = MEDINS_PART_INFO,
                              .rule = u->rule_cap, .amount = crow->amount.v, .base = used,
                              .arg = {paid < share}},
             crow->amount.val, NULL, NULL);
    return paid;
}

/* The claim's date against the policy's dates and the ledger's year and last claim. */
static inline int check_dates(const medins_policy *p, medins_date date,
                              const medins_ledger *ledger, medins_error **err)
{
    /* Unsigned differences: one test for each range (dates are checked, years are in range). */
    if (!mdn_within_policy(p, date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0, "claim date %d is outside policy %s",
                         (int)date, p->id);
    if (mdn_benefit_year(p, date) != ledger->year)
        return mdn_ledger_year_error(p, ledger, date, err);
    if (ledger->last_date != 0 && mdn_benefit_year(p, ledger->last_date) != ledger->year)
        return mdn_ledger_date_error(p, ledger, err);
    if (date < ledger->last_date)
        return mdn_error(err, MEDINS_ERR_ORDER, NULL, 0, 0,
                         "claim dated %d is earlier than the ledger's last claim (%d)",
                         (int)date, (int)ledger->last_date);
    return 0;
}

/* Why a plan that is not OK cannot settle (a claim of `kind` at `level` on `date` under p). */
static inline MDN_COLD int plan_error(const mdn_plan *plan, const medins_policy *p,
                                      medins_scheme scheme, int kind, int level, medins_date date,
                                      medins_error **err)
{
    if (plan->status == MDN_PLAN_AGE)
        return mdn_field_missing(err, plan->missing, mdn_plan_age_rule(plan, p), date);
    if (plan->status == MDN_PLAN_SCHEME)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "the %s scheme is not covered by this policy", medins_scheme_name(scheme));
    if (plan->status == MDN_PLAN_SECTION)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "%s claims are not covered by this policy",
                         medins_claim_kind_name((medins_claim_kind)kind));
    return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                     "not covered by this policy: no %s row for this person at level %s",
                     plan->sec->rule[MDN_RULE_RATIO], medins_level_name((medins_level)level));
}

/*
 * The settlement itself (see the top of this file) with the rows of `plan`, compiled into
 * mdn_settle_core, which may trace into a result (and then reads `q`, the plan's query, for
 * the adjustments' steps), and into the batch's, where r and q are NULL and flags 0.
 *
 * Writes the figures to *s and the updated ledger to *next (`next` may be `ledger` itself: it
 * is written only when the claim settles). Without a result only the figures the batch
 * outputs are written (fund, supplementary, major_disease, assistance, patient, deductible,
 * coinsurance, over_cap, account, account_first). `vouched` says what the caller has checked:
 * the body then does not.
 * The claim, the person and the ledger must have passed their checks. `extras` is false only
 * in the batch's copies for policies without the stages few policies write
 * (mdn_benefits.extra): those copies carry none of them.
 *
 * Only scalars go to the functions it calls on its error paths, and nothing of *s is kept in
 * the tracer, so that the claim and the settlement have no address taken (bench/README.md).
 */
BODY int settle_body(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                     const medins_person *person, const mdn_plan *plan, const mdn_query *q,
                     const medins_claim *claim, const medins_ledger *ledger, medins_result *r,
                     unsigned flags, mdn_vouched vouched, bool extras, medins_error **err)
{
    int rc;
    if ((vouched == MDN_VOUCHED_NONE && ((rc = check_dates(p, claim->date, ledger, err)) < 0 ||
                                         (rc = mdn_check_attributes(p, claim, err)) < 0)) ||
        (vouched != MDN_VOUCHED_ALL && plan->status != MDN_PLAN_OK &&
         (rc = plan_error(plan, p, person->scheme, claim->kind, claim->level, claim->date,
                          err)) < 0))
        return rc;
    /* A maximum per bed-day counts the claim's days: never one by default. */
    if (vouched != MDN_VOUCHED_ALL && extras && plan->brow && claim->days == 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0,
                         "the policy's maximum per bed-day (%s) needs the claim's days",
                         plan->sec->rule[MDN_RULE_BED_DAY_CAP]);
    /* The count of settlements, before anything counts on it: admissions are at most seq, so
     * neither can pass the most. */
    if (vouched != MDN_VOUCHED_ALL && ledger->seq >= MEDINS_LEDGER_SEQ_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0,
                         "the ledger already counts %u settlements this year, the most it can hold",
                         (unsigned)ledger->seq);

    const mdn_benefit *sec = plan->sec;
    const int kind = claim->kind, pool = plan->pool;
    tracer t = {r, r && !(flags & MEDINS_SETTLE_NO_TRACE), false, 0};
    /* No memset: the batch (no result) gets only the figures it outputs, and each store it
     * skips shortens its claims. */
    const medins_fen in_scope = claim->total - claim->self_paid - claim->category_b;
    /* The account first (account_first), before the deductible: what is left of the year's
     * credits, or the whole balance; the fund's stages take the rest. */
    medins_fen first = 0;
    if (extras && plan->account_first) {
        const medins_fen current = min_fen(ledger->account_balance,
                                           max_fen(0, ledger->account_credited -
                                                          ledger->account_paid)),
                         all = plan->account_first == MDN_ACCOUNT_FIRST_ALL;
        first = min_fen(all ? ledger->account_balance : current, in_scope);
        step(&t, (medins_step){.kind = MEDINS_STEP_ACCOUNT_FIRST, .part = MEDINS_PART_ACCOUNT,
                               .rule = sec->rule[MDN_RULE_ACCOUNT], .amount = first,
                               .base = in_scope, .arg = {current, all, ledger->account_balance}},
             NULL, NULL, NULL);
    }
    const medins_fen covered = in_scope - first;
    s->major_disease = s->assistance = 0;
    s->account_first = first;
    if (r) {
        s->in_scope = in_scope;
        s->ratio = 0;
        s->claim_id = claim->id;
        s->total = claim->total;
        s->self_paid = claim->self_paid;
        s->category_b = claim->category_b;
        s->admission = (kind == MEDINS_CLAIM_INPATIENT) * (ledger->admissions + 1);
    }

    /* An itemised bill's self-paid amount holds its parts above price ceilings (bill.c): a
     * step of their own. */
    const medins_fen over_ceiling = t.r ? ((const settle_data *)mdn_result_data(r))->bill.over_ceiling
                                        : 0;
    if (claim->self_paid > over_ceiling)
        step(&t, (medins_step){.kind = MEDINS_STEP_SELF_PAID, .part = MEDINS_PART_SELF_PAID,
                               .rule = "claim.self_paid", .amount = claim->self_paid - over_ceiling},
             NULL, NULL, NULL);
    if (over_ceiling > 0)
        step(&t, (medins_step){.kind = MEDINS_STEP_OVER_CEILING, .part = MEDINS_PART_SELF_PAID,
                               .rule = "bill.over_ceiling", .amount = over_ceiling},
             NULL, NULL, NULL);
    if (claim->category_b > 0)
        step(&t, (medins_step){.kind = MEDINS_STEP_CATEGORY_B, .part = MEDINS_PART_CATEGORY_B,
                               .rule = "claim.category_b", .amount = s->category_b},
             NULL, NULL, NULL);
    if (r && s->admission)
        step(&t, (medins_step){.kind = MEDINS_STEP_ADMISSION, .part = MEDINS_PART_INFO,
                               .rule = sec->rule[MDN_RULE_DEDUCTIBLE], .arg = {s->admission}},
             NULL, NULL, NULL);

    /* Deductible: what is left of the pool's annual one, or the whole per visit or admission
     * (0 without a deductible row). */
    const medins_fen ded = plan->ded;
    medins_fen remaining = ded - (plan->annual & min_fen(ded, ledger->deductible[pool]));
    /* A ceiling on the year's deductibles in the pool (deductible_cap). */
    const mdn_amount_row *dcrow = extras ? plan->dcrow : NULL;
    if (dcrow) {
        const medins_fen left = max_fen(0, dcrow->amount.v - ledger->deductible[pool]);
        step(&t, (medins_step){.kind = MEDINS_STEP_DEDUCTIBLE_CAP, .part = MEDINS_PART_INFO,
                               .rule = sec->rule[MDN_RULE_DEDUCTIBLE_CAP],
                               .amount = dcrow->amount.v, .base = ledger->deductible[pool],
                               .arg = {left < min_fen(covered, remaining)}},
             dcrow->amount.val, NULL, NULL);
        remaining = min_fen(remaining, left);
    }
    s->deductible = min_fen(covered, remaining);
    const mdn_amount_row *drow = plan->drow;
    if (t.r && drow) {
        const char *rule = sec->ded_owner->rule[MDN_RULE_DEDUCTIBLE];
        if (plan->trow)
            step(&t, (medins_step){.kind = MEDINS_STEP_THRIFT, .part = MEDINS_PART_INFO,
                                   .rule = sec->ded_owner->rule[MDN_RULE_THRIFT],
                                   .amount = drow->amount.v - ded, .base = drow->amount.v,
                                   .arg = {drow->amount.v, plan->trow->amount.v,
                                           ledger->thrifty_years}},
                 plan->trow->amount.val, NULL, NULL);
        if (plan->annual)
            step(&t, (medins_step){.kind = MEDINS_STEP_DEDUCTIBLE, .part = MEDINS_PART_DEDUCTIBLE,
                                   .rule = rule, .amount = s->deductible, .base = in_scope,
                                   .arg = {ded, ledger->deductible[pool]}},
                 drow->amount.val, NULL, NULL);
        else
            step(&t, (medins_step){.kind = sec->basis == MDN_BASIS_VISIT
                                               ? MEDINS_STEP_DEDUCTIBLE_VISIT
                                               : MEDINS_STEP_DEDUCTIBLE_ADMISSION,
                                   .part = MEDINS_PART_DEDUCTIBLE, .rule = rule,
                                   .amount = s->deductible, .base = in_scope, .arg = {ded}},
                 drow->amount.val, NULL, NULL);
    }

    /* Segments and the annual maximum (the inpatient one plus what the outpatient carries). */
    if (t.r)
        trace_adjustments(&t, &sec->adjustments, sec->ix.adjustments, q,
                          sec->rule[MDN_RULE_ADJUST]);
    const mdn_amount_row *crow = plan->crow;
    const medins_fen carry = plan->carry & ledger->carry_over, cap = plan->cap + carry;
    medins_fen rest = covered - s->deductible;
    /* A supplementary fund that starts below the maximum ends the basic fund's payments there. */
    medins_fen limit = cap;
    if (extras && plan->supp && plan->supp_srow)
        limit = min_fen(cap, plan->supp_srow->amount.v);
    const medins_fen room = max_fen(0, limit - ledger->fund[pool]);
    /* The most the fund pays for this claim (visit_cap), within the year's room. */
    const mdn_amount_row *vrow = extras ? plan->vrow : NULL;
    medins_fen claim_room = room;
    if (vrow)
        claim_room = min_fen(room, vrow->amount.v);
    /* The most it pays per bed-day of the claim (bed_day_cap), the claim's own: days times
     * the row's amount (at most 366 times 10^14 fen). */
    const mdn_amount_row *brow = extras ? plan->brow : NULL;
    const medins_fen claim_room_before_bed = claim_room,
                     bed_max = brow ? brow->amount.v * (medins_fen)claim->days : 0;
    if (brow)
        claim_room = min_fen(claim_room, bed_max);
    /* The most the fund pays on the claim's date (day_cap): what the same day's earlier claims
     * under a day_cap in the pool have left of it (the ledger's day figures). */
    const mdn_amount_row *yrow = extras ? plan->yrow : NULL;
    const bool same_day = ledger->day_date == claim->date;
    const medins_fen day_used = yrow && same_day ? ledger->day_fund[pool] : 0,
                     claim_room_before_day = claim_room;
    if (yrow)
        claim_room = min_fen(claim_room, max_fen(0, yrow->amount.v - day_used));
    if (extras && plan->seg_fund) {
        const paid_pieces pp = pay_fund_segments(out_of_line(&t, r), plan->rrow, &plan->segs,
                                                 plan->adj, ledger->fund[pool], rest, claim_room,
                                                 sec->rule[MDN_RULE_RATIO], NULL);
        s->fund = pp.paid;
        s->over_cap = pp.withheld;
        s->coinsurance = pp.coins;
        if (r)
            s->ratio = pp.first_ratio;
    } else {
        const medins_fen pos = extras ? seg_position(plan, ledger, pool, s->deductible)
                                      : ledger->position[pool];
        s->fund = pay_segments(&t, plan->rrow, &plan->segs, plan->adj, pos, pos + rest, claim_room,
                               &s->over_cap, &s->coinsurance, r ? &s->ratio : NULL,
                               MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, sec->rule[MDN_RULE_RATIO],
                               sec->seg_basis, NULL);
    }
    if (t.r && crow) {
        if (carry > 0)
            step(&t, (medins_step){.kind = MEDINS_STEP_CARRY_OVER, .part = MEDINS_PART_INFO,
                                   .rule = sec->cap_owner->rule[MDN_RULE_CARRY], .amount = cap,
                                   .base = carry, .arg = {crow->amount.v, ledger->fund[pool]}},
                 sec->cap_owner->carry_over_val, crow->amount.val, NULL);
        else
            step(&t, (medins_step){.kind = MEDINS_STEP_CAP, .part = MEDINS_PART_INFO,
                                   .rule = sec->cap_owner->rule[MDN_RULE_CAP], .amount = cap,
                                   .arg = {ledger->fund[pool]}},
                 crow->amount.val, NULL, NULL);
    }
    /* What withheld it: the day's maximum (when it left less than the others), the claim's
     * bed-days', the claim's, a supplementary fund's start, or the year's. */
    const bool by_day = claim_room < claim_room_before_day,
               by_bed = !by_day && claim_room < claim_room_before_bed,
               by_visit = !by_day && !by_bed && claim_room < room;
    if (t.r && vrow)
        step(&t, (medins_step){.kind = MEDINS_STEP_VISIT_CAP, .part = MEDINS_PART_INFO,
                               .rule = sec->rule[MDN_RULE_VISIT_CAP], .amount = vrow->amount.v,
                               .arg = {by_visit && s->over_cap > 0}},
             vrow->amount.val, NULL, NULL);
    if (t.r && yrow)
        step(&t, (medins_step){.kind = MEDINS_STEP_DAY_CAP, .part = MEDINS_PART_INFO,
                               .rule = sec->rule[MDN_RULE_DAY_CAP], .amount = yrow->amount.v,
                               .base = day_used, .arg = {by_day && s->over_cap > 0}},
             yrow->amount.val, NULL, NULL);
    if (t.r && brow)
        step(&t, (medins_step){.kind = MEDINS_STEP_BED_DAY_CAP, .part = MEDINS_PART_INFO,
                               .rule = sec->rule[MDN_RULE_BED_DAY_CAP], .amount = bed_max,
                               .arg = {brow->amount.v, claim->days, by_bed && s->over_cap > 0}},
             brow->amount.val, NULL, NULL);
    if (t.r && s->over_cap > 0) {
        const bool by_supp = !by_visit && !by_bed && !by_day && limit < cap;
        const mdn_amount_row *by = by_visit ? vrow : by_bed ? brow : by_day ? yrow
                                   : by_supp ? plan->supp_srow : crow;
        /* Something withheld: a claim's, its bed-days' or a day's maximum, a start below the
         * year's, or the year's, which is finite only with its row. */
        MDN_ANALYZER_ASSUME(by != NULL);
        step(&t, (medins_step){.kind = MEDINS_STEP_OVER_CAP, .part = MEDINS_PART_OVER_CAP,
                               .rule = by_visit ? sec->rule[MDN_RULE_VISIT_CAP]
                                       : by_bed ? sec->rule[MDN_RULE_BED_DAY_CAP]
                                       : by_day ? sec->rule[MDN_RULE_DAY_CAP]
                                       : by_supp ? sec->supp.rule_start
                                       : sec->cap_owner->rule[MDN_RULE_CAP],
                               .amount = s->over_cap,
                               .arg = {by_bed ? bed_max : by->amount.v, by_visit, by_supp,
                                       by_day, by_bed}},
             by->amount.val, NULL, NULL);
    }

    s->supplementary = 0;
    medins_fen supp_base = 0;
    if (extras && plan->supp)
        s->supplementary = settle_supplementary(out_of_line(&t, r), plan, ledger, pool, cap,
                                                s->deductible, rest, room, s->fund, s->over_cap,
                                                &supp_base);

    /* Layers above the basic fund. */
    const struct mdn_benefits *bs = p->benefits;
    const medins_fen major_applies = plan->layer[0].applies,
                     assist_applies = plan->layer[1].applies;
    /* The account's first payment is the patient's, settled before: not a burden the layers
     * take. */
    medins_fen burden = covered - s->fund - s->supplementary;
    /* Without a result each layer is called whether or not it applies (its gate stops it). */
    if (major_applies || !r)
        s->major_disease = settle_layer(&t, &bs->major, &plan->layer[0], q, ledger->major_base,
                                        burden, in_scope, ledger->major_fund,
                                        MEDINS_PART_MAJOR_DISEASE);
    medins_fen assist_base = burden - s->major_disease;
    if (assist_applies || !r)
        s->assistance = settle_layer(&t, &bs->assistance, &plan->layer[1], q, ledger->assist_base,
                                     assist_base, in_scope, ledger->assist_fund,
                                     MEDINS_PART_ASSISTANCE);

    s->patient = claim->total - s->fund - s->supplementary - s->major_disease - s->assistance;
    step(&t, (medins_step){.kind = MEDINS_STEP_PATIENT, .part = MEDINS_PART_PATIENT,
                           .rule = "settlement.patient", .amount = s->patient, .base = s->total,
                           .arg = {s->self_paid, s->category_b, s->deductible, s->coinsurance,
                                   s->over_cap, s->major_disease, s->assistance,
                                   s->supplementary}},
         NULL, NULL, NULL);

    /* The individual account pays in-scope costs (catalogue-external items never), and the
     * category-B first self-pay where the section's account_category_b says so. */
    const medins_fen payable = assist_base - s->assistance + (plan->account_b & claim->category_b);
    const medins_fen account = min_fen(ledger->account_balance - first, payable);
    s->account = first + (plan->account & account);
    /* Whether the account pays category B decided something only when there was some. */
    if (plan->account && t.r)
        step(&t, (medins_step){.kind = MEDINS_STEP_ACCOUNT, .part = MEDINS_PART_ACCOUNT,
                               .rule = sec->rule[MDN_RULE_ACCOUNT], .amount = s->account - first,
                               .base = payable,
                               .arg = {ledger->account_balance - first, plan->account_b != 0}},
             sec->account_val, claim->category_b > 0 ? sec->account_category_b_val : NULL, NULL);
    if (r) {
        s->cash = s->patient - s->account;
        s->assumed = t.assumed;
        settle_data *d = mdn_result_data(r);
        const mdn_layer_plan *lp = plan->layer;
        d->scheme = person->scheme;
        d->supp = plan->supp ? &sec->supp : NULL;
        d->payer_base[MDN_PAYER_FUND] = in_scope;
        d->payer_base[MDN_PAYER_SUPP] = supp_base;
        d->payer_base[MDN_PAYER_MAJOR] = major_applies & burden;
        d->payer_base[MDN_PAYER_ASSIST] = assist_applies & assist_base;
        d->payer_base[MDN_PAYER_ACCOUNT] = plan->account & payable;
        d->payer_room[MDN_PAYER_FUND] = crow ? max_fen(0, cap - ledger->fund[pool])
                                             : MEDINS_NO_LIMIT;
        d->payer_room[MDN_PAYER_SUPP] = plan->supp_crow
            ? max_fen(0, plan->supp_cap - ledger->supplementary[pool]) : MEDINS_NO_LIMIT;
        d->payer_room[MDN_PAYER_MAJOR] = lp[0].crow ? max_fen(0, lp[0].cap - ledger->major_fund)
                                                    : MEDINS_NO_LIMIT;
        d->payer_room[MDN_PAYER_ASSIST] = lp[1].crow ? max_fen(0, lp[1].cap - ledger->assist_fund)
                                                     : MEDINS_NO_LIMIT;
        d->payer_room[MDN_PAYER_ACCOUNT] = ledger->account_balance;
    }
    if (t.rc < 0)
        return mdn_error(err, t.rc, NULL, 0, 0, "out of memory");

    /*
     * The new ledger: every sum is checked before anything is written, so that a failure
     * leaves `next` as it was and `next` may be the ledger itself. Each addend is in [0, MAX]
     * (the ledger was checked; every figure of the claim lies between 0 and its in-scope
     * amount, or the account balance), so no sum can overflow int64 and one test of each
     * against MAX does. When the caller vouched for them the sums are not made: each total
     * is added to where it lies.
     */
    const medins_fen add_outpatient = plan->outpatient & in_scope,
                     add_major = major_applies & burden,
                     add_assist = assist_applies & assist_base;
    if (vouched != MDN_VOUCHED_ALL) {
        const medins_fen outpatient = ledger->outpatient_costs + add_outpatient,
                         deductible = ledger->deductible[pool] + s->deductible,
                         position = ledger->position[pool] + rest,
                         fund = ledger->fund[pool] + s->fund,
                         major_base = ledger->major_base + add_major,
                         major_fund = ledger->major_fund + s->major_disease,
                         assist_sum = ledger->assist_base + add_assist,
                         assist_fund = ledger->assist_fund + s->assistance,
                         account_paid = ledger->account_paid + s->account,
                         supplementary = ledger->supplementary[pool] + s->supplementary;
        /* Each sum is at most their OR, which is below 2^46 < MEDINS_FEN_MAX nearly always:
         * one test, and the exact ones only when it fails. */
        const uint64_t any = (uint64_t)(outpatient | deductible | position | fund | major_base |
                                        major_fund | assist_sum | assist_fund | account_paid |
                                        supplementary);
        if (any >= (uint64_t)1 << 46 &&
            ((outpatient > MEDINS_FEN_MAX) | (deductible > MEDINS_FEN_MAX) |
             (position > MEDINS_FEN_MAX) | (fund > MEDINS_FEN_MAX) |
             (major_base > MEDINS_FEN_MAX) | (major_fund > MEDINS_FEN_MAX) |
             (assist_sum > MEDINS_FEN_MAX) | (assist_fund > MEDINS_FEN_MAX) |
             (account_paid > MEDINS_FEN_MAX) | (supplementary > MEDINS_FEN_MAX)))
            return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0,
                             "a year total of the ledger would exceed the limit");
    }
    if (next != ledger)
        *next = *ledger;
    next->seq++;
    next->last_date = claim->date;
    next->admissions += plan->inpatient;
    next->outpatient_costs += add_outpatient;
    next->deductible[pool] += s->deductible;
    next->position[pool] += rest;
    next->fund[pool] += s->fund;
    next->major_base += add_major;
    next->major_fund += s->major_disease;
    next->assist_base += add_assist;
    next->assist_fund += s->assistance;
    next->account_balance -= s->account;
    next->account_paid += s->account;
    next->supplementary[pool] += s->supplementary;
    if (yrow) {
        /* The day's figures: another day starts them again, in every pool. */
        if (!same_day)
            memset(next->day_fund, 0, sizeof next->day_fund);
        next->day_date = claim->date;
        next->day_fund[pool] = day_used + s->fund;
    }
    return 0;
}

/* ---- One claim -------------------------------------------------------------------------- */

/*
 * Settle one claim, with its entry checks and a plan made for it, tracing into `r` (the steps
 * only without MEDINS_SETTLE_NO_TRACE in flags; the values used always). Writes the figures
 * to *s and the updated ledger to *next (both the caller's, written even on error: the
 * caller commits them only on success).
 */
static int mdn_settle_core(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                           const medins_person *person, const medins_claim *claim,
                           const medins_ledger *ledger, medins_result *r, unsigned flags,
                           medins_error **err)
{
    int rc;
    if ((rc = mdn_person_check(person, err)) < 0 || (rc = mdn_cohorts_check(p, person, err)) < 0 ||
        (rc = mdn_claim_check(claim, err)) < 0 ||
        (rc = mdn_born_by(person, claim->date, "the claim date", err)) < 0 ||
        (rc = medins_ledger_check(ledger, err)) < 0)
        return rc;
    mdn_query q;
    mdn_plan plan;
    mdn_ctx_make(&q.ctx, p, person, mdn_settle_tier(p, person), mdn_person_age(person, claim->date),
                 ledger, claim->kind, claim->level, claim->institution);
    q.ctx.attributes = claim->attributes;
    mdn_query_keys(&q);
    mdn_plan_of(&plan, p, &q);
    return settle_body(s, next, p, person, &plan, &q, claim, ledger, r, flags, MDN_VOUCHED_NONE, true,
                       err);
}


void medins_settle_options_init(medins_settle_options *opts)
{
    if (opts)
        *opts = (medins_settle_options)MEDINS_SETTLE_OPTIONS_INIT;
}

medins_result *mdn_settle_result_new(const medins_policy *policy, size_t extra)
{
    return mdn_result_new_tail(MEDINS_RESULT_SETTLEMENT, policy, sizeof(settle_data), extra);
}

int mdn_settle_into(medins_result **out, medins_result *r, const medins_policy *policy,
                    const medins_person *person, const medins_claim *claim,
                    const medins_ledger *ledger, medins_ledger *update,
                    const medins_settle_options *opts, medins_error **err)
{
    const int estimate = update == NULL;
    unsigned flags = 0;
    int rc = 0;
    if (opts && (rc = MDN_CHECK_VERSION(err, opts, "medins_settle_options",
                                        MEDINS_SETTLE_OPTIONS_VERSION)) == 0) {
        if (opts->flags & ~MEDINS_SETTLE_NO_LINES)
            rc = mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                           "medins_settle_options: unknown flags 0x%x",
                           opts->flags & ~MEDINS_SETTLE_NO_LINES);
        flags = opts->flags;
    }
    settle_data *d = mdn_result_data(r);
    medins_claim whole;
    if (rc == 0)
        rc = mdn_settle_core(&d->s, &d->after, policy, person, mdn_claim_whole(&whole, claim),
                             ledger, r, flags, err);
    if (rc < 0) {
        medins_result_free(r);
        return rc;
    }
    d->before = *ledger;
    d->estimate = estimate;
    if (update)
        *update = d->after;
    *out = r;
    return 0;
}

/* A settlement of a claim given by its totals, which writes the ledger after it to *update,
 * or, with update NULL, its estimate, which changes nothing. */
static int settle_or_estimate(medins_result **out, const medins_policy *policy,
                              const medins_person *person, const medins_claim *claim,
                              const medins_ledger *ledger, medins_ledger *update,
                              const medins_settle_options *opts, medins_error **err)
{
    if (!out || !policy || !person || !claim || !ledger)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%s: NULL argument",
                         update ? "medins_settle" : "medins_presettle");
    medins_result *r = mdn_settle_result_new(policy, 0);
    if (!r)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    int rc = mdn_settle_into(out, r, policy, person, claim, ledger, update, opts, err);
    if (rc == 0) {
        /* A claim given by its totals (checked by now): its bill has no line above a
         * ceiling. */
        settle_data *d = mdn_result_data(*out);
        d->bill = (medins_item_split){.amount = d->s.total, .self_paid = d->s.self_paid,
                                      .category_b = d->s.category_b, .in_scope = d->s.in_scope};
    }
    return rc;
}

int medins_settle_ex(medins_result **out, const medins_policy *policy, const medins_person *person,
                     const medins_claim *claim, medins_ledger *ledger,
                     const medins_settle_options *opts, medins_error **err)
{
    return settle_or_estimate(out, policy, person, claim, ledger, ledger, opts, err);
}

int medins_settle(medins_result **out, const medins_policy *policy, const medins_person *person,
                  const medins_claim *claim, medins_ledger *ledger, medins_error **err)
{
    return medins_settle_ex(out, policy, person, claim, ledger, NULL, err);
}

int medins_presettle(medins_result **out, const medins_policy *policy,
                     const medins_person *person, const medins_claim *claim,
                     const medins_ledger *ledger, const medins_settle_options *opts,
                     medins_error **err)
{
    return settle_or_estimate(out, policy, person, claim, ledger, NULL, opts, err);
}

int medins_result_is_estimate(const medins_result *result)
{
    const settle_data *d = mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
    return d ? d->estimate : 0;
}

const mdn_settled *mdn_settled_of(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
}

/* The fields a settlement only adds to, so that a ledger with later settlements has each at
 * least as the settlement left it: all but the account balance, which others change too. */
static bool later_than(const medins_ledger *now, const medins_ledger *after)
{
    if (now->year != after->year || now->seq <= after->seq)
        return false;
    for (size_t i = 0; i < MDN_LEDGER_FIELD_COUNT; i++) {
        const medins_field *f = &mdn_ledger_layout[i];
        if (f->offset == offsetof(medins_ledger, account_balance))
            continue;
        if (mdn_field_get(now, f) < mdn_field_get(after, f))
            return false;
    }
    return true;
}

/*
 * The account balance is the one field others may change between a settlement and its
 * reversal (credits, withdrawals); the refund is added to whatever it is now. Every other field
 * must still be as the settlement left it, or the settlement is not the ledger's latest.
 */
int mdn_reverse(medins_ledger *ledger, const mdn_settled *d, medins_error **err)
{
    if (d->estimate)
        return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                         "claim %lld was only estimated (medins_presettle): there is nothing to "
                         "reverse", (long long)d->s.claim_id);
    medins_ledger now = *ledger;
    now.account_balance = d->after.account_balance;
    if (memcmp(&now, &d->after, sizeof now) != 0) {
        /* Every settlement counts in seq: a ledger as it was before this one has not got it. */
        now.account_balance = d->before.account_balance;
        if (memcmp(&now, &d->before, sizeof now) == 0)
            return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                             "claim %lld is already reversed: the ledger is as it was before "
                             "that settlement", (long long)d->s.claim_id);
        if (later_than(ledger, &d->after))
            return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                             "claim %lld is not the ledger's most recent settlement: it is "
                             "settlement %u of %d and the ledger counts %u; reverse settlements "
                             "%u to %u first, the latest first, then this one, and settle the "
                             "later ones again", (long long)d->s.claim_id, (unsigned)d->after.seq,
                             (int)d->after.year, (unsigned)ledger->seq,
                             (unsigned)d->after.seq + 1, (unsigned)ledger->seq);
        return mdn_error(err, MEDINS_ERR_REVERSE, NULL, 0, 0,
                         "claim %lld was not settled on this ledger as it is: the ledger (%d, %u "
                         "settlements) is not as that settlement left it (%d, settlement %u), "
                         "nor later than it: a ledger of another person, or one on which it "
                         "was reversed", (long long)d->s.claim_id, (int)ledger->year,
                         (unsigned)ledger->seq, (int)d->after.year, (unsigned)d->after.seq);
    }
    medins_fen balance;
    if (medins_money_add(&balance, ledger->account_balance, d->s.account) < 0)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0,
                         "account balance would exceed the limit");
    *ledger = d->before;
    ledger->account_balance = balance;
    return 0;
}

int medins_settle_reverse(medins_ledger *ledger, const medins_result *result, medins_error **err)
{
    if (!ledger || !result)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_settle_reverse: NULL argument");
    const mdn_settled *d = mdn_settled_of(result);
    if (!d)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "the result is not a settlement");
    return mdn_reverse(ledger, d, err);
}


/* ---- The batch's claims ------------------------------------------------------------------ */

/* The output columns as bits, for the second pass's variants. */
enum {
    COL_FUND = 1 << 0, COL_MAJOR = 1 << 1, COL_ASSIST = 1 << 2, COL_PATIENT = 1 << 3,
    COL_DEDUCTIBLE = 1 << 4, COL_COINS = 1 << 5, COL_OVER = 1 << 6, COL_ACCOUNT = 1 << 7,
    COL_STATUS = 1 << 8,
    /* How the total splits (fund, the layers, the patient) and whether each claim settled. */
    COLS_SPLIT = COL_FUND | COL_MAJOR | COL_ASSIST | COL_PATIENT | COL_STATUS,
    COLS_ALL = (1 << 9) - 1,
    /* The stages' own, zero under a policy without them (mdn_benefits.extra). */
    COL_SUPP = 1 << 9, COL_ACCOUNT_FIRST = 1 << 10,
    COLS_STAGES = COL_SUPP | COL_ACCOUNT_FIRST,
};

unsigned mdn_batch_columns(const medins_batch_out *o)
{
    return (unsigned)!!o->fund * COL_FUND | (unsigned)!!o->major_disease * COL_MAJOR |
           (unsigned)!!o->assistance * COL_ASSIST | (unsigned)!!o->patient * COL_PATIENT |
           (unsigned)!!o->deductible * COL_DEDUCTIBLE | (unsigned)!!o->coinsurance * COL_COINS |
           (unsigned)!!o->over_cap * COL_OVER | (unsigned)!!o->account * COL_ACCOUNT |
           (unsigned)!!o->status * COL_STATUS | (unsigned)!!o->supplementary * COL_SUPP |
           (unsigned)!!o->account_first * COL_ACCOUNT_FIRST;
}

/* Writes v to column `col` (bit `bit`) at j: `known` is a constant set of the columns whose
 * presence is known (present when in `cols`), so that the test for them goes away; any other
 * is tested for. */
static inline void put_known(medins_fen *col, size_t j, medins_fen v, unsigned bit,
                             unsigned known, unsigned cols)
{
    if (!(known & bit)) {
        if (col)
            col[j] = v;
    } else if (cols & bit) {
        MDN_ANALYZER_ASSUME(col != NULL);   /* cols is mdn_batch_columns(the columns) */
        col[j] = v;
    }
}

/*
 * The batch's second pass (see mdn_settle_chunk in settle.h).
 *
 * `known` and `cols` are constants in each copy mdn_settle_chunk makes: the output columns whose
 * presence the copy knows, and which of them are present. Absent input columns are read as
 * zeros, with no test a claim; an output column the copy does not know is tested for claim
 * by claim (why the copies: bench/README.md, "A copy of the second pass").
 */
BODY void settle_chunk_cols(const medins_batch_claims *claims, medins_batch_out *out,
                            medins_ledger *ledgers, const medins_person *run_person,
                            const medins_policy *policy, const mdn_plan *const *plans, size_t i0,
                            size_t m, unsigned known, unsigned cols, bool extras)
{
    /* In locals, as in the first pass (batch.c). */
    const int32_t *person = claims->person + i0, *date = claims->date + i0,
                  *kind = claims->kind + i0, *level = claims->level + i0;
    const medins_fen *total = claims->total + i0;
    const medins_fen *self_paid = claims->self_paid ? claims->self_paid + i0 : mdn_zeros,
                     *category_b = claims->category_b ? claims->category_b + i0 : mdn_zeros;
    medins_fen *fund = out->fund ? out->fund + i0 : NULL,
               *major = out->major_disease ? out->major_disease + i0 : NULL,
               *assist = out->assistance ? out->assistance + i0 : NULL,
               *patient = out->patient ? out->patient + i0 : NULL,
               *deductible = out->deductible ? out->deductible + i0 : NULL,
               *coins = out->coinsurance ? out->coinsurance + i0 : NULL,
               *over = out->over_cap ? out->over_cap + i0 : NULL,
               *account = out->account ? out->account + i0 : NULL,
               *supp = out->supplementary ? out->supplementary + i0 : NULL,
               *account_first = out->account_first ? out->account_first + i0 : NULL;
    int32_t *status = out->status ? out->status + i0 : NULL;
    for (size_t j = 0; j < m; j++) {
        const size_t i = i0 + j;
        medins_ledger *ledger = &ledgers[person[j]];
        const medins_claim claim = {
            .id = (int64_t)i,
            .date = date[j],
            .kind = (medins_claim_kind)kind[j],
            .level = (medins_level)level[j],
            .total = total[j],
            .self_paid = self_paid[j],
            .category_b = category_b[j],
        };
        medins_settlement s;
        /* Vouched for: no check, so no failure. The person would be read only to word why a
         * plan cannot settle. */
        (void)settle_body(&s, ledger, policy, run_person, plans[j], NULL, &claim, ledger, NULL, 0,
                          MDN_VOUCHED_ALL, extras, NULL);
        put_known(fund, j, s.fund, COL_FUND, known, cols);
        put_known(major, j, s.major_disease, COL_MAJOR, known, cols);
        put_known(assist, j, s.assistance, COL_ASSIST, known, cols);
        put_known(patient, j, s.patient, COL_PATIENT, known, cols);
        put_known(deductible, j, s.deductible, COL_DEDUCTIBLE, known, cols);
        put_known(coins, j, s.coinsurance, COL_COINS, known, cols);
        put_known(over, j, s.over_cap, COL_OVER, known, cols);
        put_known(account, j, s.account, COL_ACCOUNT, known, cols);
        if (extras) {
            put_known(supp, j, s.supplementary, COL_SUPP, 0, 0);
            put_known(account_first, j, s.account_first, COL_ACCOUNT_FIRST, 0, 0);
        }
        if ((known & COL_STATUS) ? (cols & COL_STATUS) != 0 : status != NULL)
            status[j] = 0;
    }
}

/* In a copy for the call's output columns when they are every column or the split of the
 * total with each claim's status, else in one that tests for each; under a policy with the
 * stages few policies write (mdn_benefits.extra), in one copy that has them and tests for
 * each column, so that the others carry none of them. Under the others the stages' columns
 * are zeros, written for the chunk at once. */
void mdn_settle_chunk(const medins_batch_claims *claims, medins_batch_out *out, unsigned cols,
                      medins_ledger *ledgers, const medins_person *person,
                      const medins_policy *policy, const mdn_plan *const *plans, size_t i0,
                      size_t m)
{
    if (policy->benefits->extra) {
        settle_chunk_cols(claims, out, ledgers, person, policy, plans, i0, m, 0, 0, true);
        return;
    }
    if (cols & COL_SUPP)
        memset(out->supplementary + i0, 0, m * sizeof *out->supplementary);
    if (cols & COL_ACCOUNT_FIRST)
        memset(out->account_first + i0, 0, m * sizeof *out->account_first);
    switch (cols & ~(unsigned)COLS_STAGES) {
    case COLS_ALL:
        settle_chunk_cols(claims, out, ledgers, person, policy, plans, i0, m, COLS_ALL, COLS_ALL,
                          false);
        break;
    case COLS_SPLIT:
        settle_chunk_cols(claims, out, ledgers, person, policy, plans, i0, m, COLS_ALL,
                          COLS_SPLIT, false);
        break;
    default:
        settle_chunk_cols(claims, out, ledgers, person, policy, plans, i0, m, 0, 0, false);
        break;
    }
}

int mdn_settle_planned(medins_settlement *s, medins_ledger *ledger, const medins_ledger *from,
                       const medins_policy *p, const medins_person *person,
                       const mdn_plan *plan, const medins_claim *claim, mdn_vouched vouched,
                       medins_error **err)
{
    return settle_body(s, ledger, p, person, plan, NULL, claim, from ? from : ledger, NULL, 0,
                       vouched, true, err);
}
