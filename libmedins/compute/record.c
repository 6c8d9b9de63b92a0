/*
 * A settlement's record (medins/record.h): the text a refund needs, written from a settlement
 * result and read back in another process; and the refund, which reverses the settlement from
 * it (mdn_reverse, settle.c) as medins_settle_reverse does from the result.
 *
 * Text form (version 2): the line "medins-record 2"; "policy=<id>"; one "<key>=<value>" line
 * per field of medins_settlement (medins_layout_field's names, in their order); then the
 * ledger before the settlement and after it, each as a ledger's text of version 4 has its
 * keys (version 1: of version 3, without the day's figures), prefixed "before." and "after.";
 * a record is written in version 1 unless a ledger of it has day figures. Every value but the
 * policy's id is a decimal integer. Every key appears exactly once; lines end with "\n"
 * ("\r\n" is accepted). The settlement's figures and the two ledgers must agree
 * (record_agrees): a record edited by hand in one place only is refused.
 */
#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "result.h"
#include "settle.h"

#define HEAD "medins-record "
/* A policy's id in a record: at most this many bytes. */
#define POLICY_ID_MAX 200

static const char *const prefix[2] = {"before.", "after."};

/* The ledger text version of the keys of a record of each version. */
static const int ledger_version_of[MEDINS_RECORD_TEXT_VERSION + 1] = {0, 3, 4};

static size_t nfigures(void)
{
    return medins_layout_field_count(MEDINS_LAYOUT_SETTLEMENT);
}

int medins_record_write(char *buf, size_t size, size_t *needed, const medins_result *settlement,
                        medins_error **err)
{
    const mdn_settled *d = mdn_settled_of(settlement);
    if (!d)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_record_write: not a settlement's result");
    if (d->estimate)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "claim %lld was only estimated (medins_presettle): it has no record, "
                         "nothing having changed", (long long)d->s.claim_id);
    const char *policy = medins_result_policy_id(settlement);
    /* Version 1 unless a ledger has the day's figures, which only a ledger's text of version 4
     * holds. */
    const int version = mdn_ledger_text_version(&d->before) > 3 ||
                                mdn_ledger_text_version(&d->after) > 3 ? 2 : 1,
              lv = ledger_version_of[version];
    char tmp[3 * MDN_LEDGER_TEXT_MAX + POLICY_ID_MAX];
    size_t n = (size_t)snprintf(tmp, sizeof tmp, HEAD "%d\npolicy=%.*s\n", version,
                                POLICY_ID_MAX, policy ? policy : "");
    for (size_t i = 0; i < nfigures(); i++) {
        const medins_field *f = medins_layout_field(MEDINS_LAYOUT_SETTLEMENT, i);
        n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%s=%lld\n", f->name,
                              (long long)mdn_field_get(&d->s, f));
    }
    n += mdn_ledger_keys_write(tmp + n, sizeof tmp - n, prefix[0], &d->before, lv);
    n += mdn_ledger_keys_write(tmp + n, sizeof tmp - n, prefix[1], &d->after, lv);
    if (needed)
        *needed = n + 1;
    if (!buf || size < n + 1)
        return MEDINS_ERR_BUFFER;
    memcpy(buf, tmp, n + 1);
    return 0;
}

/* ---- Reading ----------------------------------------------------------------------------- */

/* What a record's text has given so far. */
typedef struct reading {
    mdn_settled d;
    int ledger_version;        /* of its ledgers' keys (ledger_version_of) */
    bool policy;
    bool figure[sizeof(medins_settlement) / sizeof(int32_t)];   /* a field is 4 bytes or more */
    bool ledger[2][MDN_LEDGER_FIELD_COUNT];
} reading;

/* The first line: "medins-record N", N a version this library reads. N or MEDINS_ERR_RECORD. */
static int record_version(const char *line, size_t n, medins_error **err)
{
    const size_t hn = sizeof HEAD - 1;
    int64_t v = 0;
    if (n <= hn || memcmp(line, HEAD, hn) != 0 || line[hn] < '1' || line[hn] > '9' ||
        !mdn_parse_int(line + hn, n - hn, &v))
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, 1, 1,
                         "not a settlement record: the first line must be \"" HEAD "1\" (or a "
                         "later version, to %d)", MEDINS_RECORD_TEXT_VERSION);
    if (v > MEDINS_RECORD_TEXT_VERSION)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, 1, (unsigned)hn + 1,
                         "a settlement record of version %lld, which this library does not read "
                         "(it reads 1 to %d): written by a newer libmedins", (long long)v,
                         MEDINS_RECORD_TEXT_VERSION);
    return (int)v;
}

/* One figure's line, its key klen bytes: 1 when the key is none of the figures'. */
static int figure_key(reading *r, const char *line, size_t klen, size_t n, unsigned lineno,
                      medins_error **err)
{
    size_t i = 0;
    const medins_field *f = NULL;
    for (; (f = medins_layout_field(MEDINS_LAYOUT_SETTLEMENT, i)) != NULL; i++)
        if (strlen(f->name) == klen && memcmp(f->name, line, klen) == 0)
            break;
    if (!f)
        return 1;
    if (r->figure[i])
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, 1, "record key %s given twice",
                         f->name);
    int64_t v;
    /* Amounts 0 to the limit, the ratio 0 to 100%, counts and flags not negative: the
     * settlement's own ranges. */
    const int64_t hi = f->kind == MEDINS_FIELD_MONEY ? MEDINS_FEN_MAX
                     : f->kind == MEDINS_FIELD_RATIO ? 10000
                     : f->kind == MEDINS_FIELD_BOOL ? 1
                     : f->type == MEDINS_FIELD_INT64 ? INT64_MAX : INT32_MAX;
    const int64_t lo = f->type == MEDINS_FIELD_INT64 && f->kind == MEDINS_FIELD_NUMBER ? INT64_MIN : 0;
    if (!mdn_parse_int(line + klen + 1, n - klen - 1, &v) || v < lo || v > hi)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, (unsigned)klen + 2,
                         "record %s: not a number from %lld to %lld", f->name, (long long)lo,
                         (long long)hi);
    mdn_field_set(&r->d.s, f, v);
    r->figure[i] = true;
    return 0;
}

/* One line of n bytes, not the first: 0 or MEDINS_ERR_RECORD at its place. */
static int record_line(reading *r, const char *line, size_t n, unsigned lineno, medins_error **err)
{
    const char *nul = memchr(line, '\0', n);
    if (nul)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, (unsigned)(nul - line) + 1,
                         "record line %u contains a NUL byte", lineno);
    const char *eq = memchr(line, '=', n);
    if (!eq)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, 1, "record line %u has no '='",
                         lineno);
    const size_t klen = (size_t)(eq - line);
    if (klen == 6 && memcmp(line, "policy", 6) == 0) {
        if (r->policy)
            return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, 1, "record key policy given twice");
        if (n - 7 == 0 || n - 7 > POLICY_ID_MAX)
            return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, 8,
                             "record policy: a policy's id of 1 to %d bytes", POLICY_ID_MAX);
        r->policy = true;
        return 0;
    }
    for (int k = 0; k < 2; k++) {
        const size_t pn = strlen(prefix[k]);
        if (klen > pn && memcmp(line, prefix[k], pn) == 0) {
            medins_ledger *l = k ? &r->d.after : &r->d.before;
            int rc = mdn_ledger_key(l, r->ledger[k], r->ledger_version,
                                    MEDINS_ERR_RECORD, prefix[k], line + pn, klen - pn, n - pn,
                                    lineno, err);
            if (rc <= 0)
                return rc;
            break;
        }
    }
    int rc = figure_key(r, line, klen, n, lineno, err);
    if (rc > 0)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, lineno, 1, "unknown record key \"%.*s\"",
                         (int)klen, line);
    return rc;
}

/* The day's figures after a settlement: those before it (a claim without a daily maximum), or
 * the day of its date with its fund payment added to the day's (a new day's start at 0). */
static bool day_agrees(const medins_ledger *b, const medins_ledger *a, medins_fen fund)
{
    if (a->day_date == b->day_date && memcmp(a->day_fund, b->day_fund, sizeof a->day_fund) == 0)
        return true;
    medins_fen added = 0;
    for (int p = 0; p < MEDINS_POOL_COUNT; p++)
        added += a->day_fund[p] - (a->day_date == b->day_date ? b->day_fund[p] : 0);
    return a->day_date == a->last_date && added == fund;
}

/* A ledger's total before and after the settlement, as what it added. */
#define ADDED(member) (r->d.after.member - r->d.before.member)

/*
 * The figures and the ledgers agree: one settlement more in the same year, nothing carried
 * changed, the year's totals grown by the figures, which add up. Else MEDINS_ERR_RECORD.
 */
static int record_agrees(const reading *r, medins_error **err)
{
    const medins_settlement *s = &r->d.s;
    const medins_ledger *b = &r->d.before, *a = &r->d.after;
    const char *why = NULL;
    medins_fen fund = 0, deductible = 0, supplementary = 0;
    for (int p = 0; p < MEDINS_POOL_COUNT; p++) {
        fund += ADDED(fund[p]);
        deductible += ADDED(deductible[p]);
        supplementary += ADDED(supplementary[p]);
    }
    if (a->year != b->year || a->seq != b->seq + 1 || a->last_date < b->last_date ||
        ADDED(admissions) < 0 || ADDED(admissions) > 1)
        why = "the ledger after it is not the ledger before it with one settlement more";
    else if (a->carry_over != b->carry_over || a->thrifty_years != b->thrifty_years ||
             a->prior_known != b->prior_known ||
             a->prior_outpatient_costs != b->prior_outpatient_costs ||
             a->account_credited != b->account_credited)
        why = "the ledgers before and after it carry different figures from the years before";
    else if (s->in_scope != s->total - s->self_paid - s->category_b ||
             s->total != s->fund + s->supplementary + s->major_disease + s->assistance +
                             s->patient ||
             s->patient != s->account + s->cash)
        why = "its figures do not add up to its total";
    else if (fund != s->fund || deductible != s->deductible || supplementary != s->supplementary ||
             ADDED(major_fund) != s->major_disease || ADDED(assist_fund) != s->assistance ||
             ADDED(account_paid) != s->account || -ADDED(account_balance) != s->account)
        why = "the ledger after it is not the ledger before it plus its figures";
    else if (!day_agrees(b, a, s->fund))
        why = "the day's figures after it are not those before it plus its fund payment";
    if (why)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, 0, 0,
                         "the record of claim %lld does not hold together: %s",
                         (long long)s->claim_id, why);
    return 0;
}

/* The record in text (len bytes) read into *d, checked whole. 0 or MEDINS_ERR_RECORD. */
static int record_parse(mdn_settled *d, const char *text, size_t len, medins_error **err)
{
    static reading empty;
    reading r = empty;
    r.d.before = r.d.after = (medins_ledger)MEDINS_LEDGER_INIT(0);
    unsigned lineno = 0;
    size_t pos = 0;
    int rc;
    while (pos < len) {
        size_t n;
        const char *line = mdn_text_line(text, len, &pos, &n);
        lineno++;
        if (lineno == 1) {
            rc = record_version(line, n, err);
            r.ledger_version = ledger_version_of[rc < 0 ? 0 : rc];
        } else
            rc = n == 0 ? 0 : record_line(&r, line, n, lineno, err);
        if (rc < 0)
            return rc;
    }
    if (lineno == 0)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, 0, 0, "empty settlement record");
    if (!r.policy)
        return mdn_error(err, MEDINS_ERR_RECORD, NULL, 0, 0, "record key policy is missing");
    for (size_t i = 0; i < nfigures(); i++)
        if (!r.figure[i])
            return mdn_error(err, MEDINS_ERR_RECORD, NULL, 0, 0, "record key %s is missing",
                             medins_layout_field(MEDINS_LAYOUT_SETTLEMENT, i)->name);
    if ((rc = mdn_ledger_keys_done(&r.d.before, r.ledger[0], r.ledger_version, MEDINS_ERR_RECORD,
                                   prefix[0], err)) < 0 ||
        (rc = mdn_ledger_keys_done(&r.d.after, r.ledger[1], r.ledger_version, MEDINS_ERR_RECORD,
                                   prefix[1], err)) < 0 ||
        (rc = record_agrees(&r, err)) < 0)
        return rc;
    *d = r.d;
    return 0;
}

int medins_record_read(medins_settlement *figures, const char *text, size_t len,
                       medins_error **err)
{
    if (!text && len)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_record_read: NULL text");
    mdn_settled d;
    int rc = record_parse(&d, text, len, err);
    if (rc == 0 && figures)
        *figures = d.s;
    return rc;
}

int medins_refund(medins_settlement *refund, medins_ledger *ledger, const char *record,
                  size_t len, medins_error **err)
{
    if (!ledger || (!record && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_refund: NULL argument");
    int rc = medins_ledger_check(ledger, err);
    mdn_settled d;
    if (rc < 0 || (rc = record_parse(&d, record, len, err)) < 0)
        return rc;
    /* A ledger's text has neither its reserved words nor its version: the caller's stand. */
    d.before.version = d.after.version = ledger->version;
    memcpy(d.before.reserved, ledger->reserved, sizeof ledger->reserved);
    memcpy(d.after.reserved, ledger->reserved, sizeof ledger->reserved);
    if ((rc = mdn_reverse(ledger, &d, err)) < 0)
        return rc;
    if (refund) {
        /* The amounts negated, as the platform's cancel transactions give them. */
        *refund = d.s;
        for (size_t i = 0; i < nfigures(); i++) {
            const medins_field *f = medins_layout_field(MEDINS_LAYOUT_SETTLEMENT, i);
            if (f->kind == MEDINS_FIELD_MONEY)
                mdn_field_set(refund, f, -mdn_field_get(refund, f));
        }
    }
    return 0;
}
