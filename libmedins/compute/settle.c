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

/* The lines of the adjustments that apply (every one that matches, in row order); returns
 * their sum, as plan.c's adjust_sum. */
medins_bp mdn_say_adjustments(emitter *e, const mdn_adjust_table *t, const mdn_index *ix,
                              const mdn_query *q, const char *rule)
{
    medins_bp sum = 0;
    uint64_t m;
    ix = mdn_usable_index(ix, q, &m);
    for (size_t i = 0; i < t->n && (!ix || m >> i); i++) {
        const mdn_adjust_row *a = &t->rows[i];
        if (!mdn_row_matches(ix, m, i, &a->sel, q))
            continue;
        SAY(e, MEDINS_PART_INFO, 0, 0, a->add.v, rule, a->add.val,
            "Adjustment %s%P to the ratio of every segment", a->add.v < 0 ? "" : "+", a->add.v);
        sum += a->add.v;
    }
    return sum;
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
    mdn_query q;
    mdn_plan plan;
    mdn_ctx_make(&q.ctx, person, mdn_settle_tier(p, person), mdn_person_age(person, claim->date),
                 ledger, claim->kind, claim->level, claim->institution);
    mdn_query_keys(&q);
    mdn_plan_of(&plan, p, &q);
    return settle_body(s, next, p, person, &plan, &q, claim, ledger, r, flags, MDN_VOUCHED_NONE,
                       err);
}

/* ---- Public entry points ---------------------------------------------------------------- */

void medins_settle_options_init(medins_settle_options *opts)
{
    if (opts)
        *opts = (medins_settle_options)MEDINS_SETTLE_OPTIONS_INIT;
}

int medins_settle_ex(medins_result **out, const medins_policy *policy, const medins_person *person,
                     const medins_claim *claim, medins_ledger *ledger,
                     const medins_settle_options *opts, medins_error **err)
{
    if (!out || !policy || !person || !claim || !ledger)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_settle: NULL argument");
    unsigned flags = 0;
    if (opts) {
        int rc = MDN_CHECK_VERSION(err, opts, "medins_settle_options",
                                   MEDINS_SETTLE_OPTIONS_VERSION);
        if (rc < 0)
            return rc;
        if (opts->flags & ~MEDINS_SETTLE_NO_LINES)
            return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                             "medins_settle_options: unknown flags 0x%x",
                             opts->flags & ~MEDINS_SETTLE_NO_LINES);
        flags = opts->flags;
    }
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
    return medins_settle_ex(out, policy, person, claim, ledger, NULL, err);
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
