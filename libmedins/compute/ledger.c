/*
 * The member's year ledger: initialisation, consistency check, closing a year, and the
 * versioned key=value text form.
 *
 * Text form (version 4): the line "medins-ledger 4", then one "key=value" line per field, in
 * the order of MDN_LEDGER_FIELDS (ledger.h); every value is a decimal integer (amounts in fen, dates
 * YYYYMMDD). Every key of the text's version must appear exactly once: version 1 has all but
 * the supplementary funds' totals, the year's account credits and the day's figures, version
 * 2 all but the credits and the day's figures, version 3 all but the day's figures; the keys a
 * text lacks are 0, and a ledger is written in the oldest version that holds it. Lines end with "\n" ("\r\n" is accepted).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "person.h"
#include "plan.h"

void medins_ledger_init(medins_ledger *ledger, int32_t year)
{
    if (ledger)
        *ledger = (medins_ledger)MEDINS_LEDGER_INIT(year);
}

/* A ledger's size is fixed: later fields come out of the reserved words (ledger.h). */
_Static_assert(sizeof(medins_ledger) == 256, "a ledger is 256 bytes, reserved words included");

/* ---- Fields: the ledger's layout (layout.c, from MDN_LEDGER_FIELDS) ------------------------ */

typedef medins_field field;
#define fields mdn_ledger_layout
#define NFIELDS MDN_LEDGER_FIELD_COUNT

int64_t mdn_field_get(const void *l, const field *f)
{
    const char *p = (const char *)l + f->offset;
    switch (f->type) {
    case MEDINS_FIELD_INT32: { int32_t v; memcpy(&v, p, sizeof v); return v; }
    case MEDINS_FIELD_UINT32: { uint32_t v; memcpy(&v, p, sizeof v); return v; }
    default: { int64_t v; memcpy(&v, p, sizeof v); return v; }
    }
}

void mdn_field_set(void *l, const field *f, int64_t v)
{
    char *p = (char *)l + f->offset;
    switch (f->type) {
    case MEDINS_FIELD_INT32: { int32_t x = (int32_t)v; memcpy(p, &x, sizeof x); break; }
    case MEDINS_FIELD_UINT32: { uint32_t x = (uint32_t)v; memcpy(p, &x, sizeof x); break; }
    default: memcpy(p, &v, sizeof v); break;
    }
}

/* The largest value of field f: amounts MEDINS_FEN_MAX, counts MEDINS_LEDGER_SEQ_MAX (seq too,
 * whose type is wider), and the thrifty years of ledger l (when not NULL; its year in range)
 * the years it can have closed since the first year dates have: closing a year adds one to
 * the next year's ledger. */
static int64_t field_max(const field *f, const medins_ledger *l)
{
    if (l && f->offset == offsetof(medins_ledger, thrifty_years))
        return l->year - MDN_YEAR_FIRST;
    return f->type == MEDINS_FIELD_INT64 ? MEDINS_FEN_MAX : (int64_t)MEDINS_LEDGER_SEQ_MAX;
}
_Static_assert(MEDINS_LEDGER_SEQ_MAX == INT32_MAX, "field_max: counts are at most INT32_MAX");

/* A field below 0 or above its type's largest value (unsigned: both in one test). */
#define OUT_OF_RANGE_INT32(member) (l->member < 0) |
#define OUT_OF_RANGE_UINT32(member) (l->member > MEDINS_LEDGER_SEQ_MAX) |
#define OUT_OF_RANGE_INT64(member) ((uint64_t)l->member > (uint64_t)MEDINS_FEN_MAX) |
#define OUT_OF_RANGE(T, member, name, type, kind) OUT_OF_RANGE_##type(member)

/* Field f's value v is outside 0 to field_max(f, l), at line:col of a text (0 when none). */
static int range_error(medins_error **err, int code, const field *f, int64_t v,
                       const medins_ledger *l, unsigned line, unsigned col)
{
    const int64_t max = field_max(f, l);
    if (max != field_max(f, NULL))
        return mdn_error(err, code, NULL, line, col,
                         "ledger %s out of range: %lld (it must be 0 to %lld: a ledger of %d "
                         "has closed at most the years since %d)", f->name, (long long)v,
                         (long long)max, (int)l->year, MDN_YEAR_FIRST);
    return mdn_error(err, code, NULL, line, col,
                     "ledger %s out of range: %lld (it must be 0 to %lld)", f->name, (long long)v,
                     (long long)max);
}

int medins_ledger_check(const medins_ledger *l, medins_error **err)
{
    if (!l)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "NULL ledger");
    if (!MDN_VERSION_KNOWN(l->version, MEDINS_LEDGER_VERSION))
        return mdn_version_error(err, "medins_ledger", l->version, MEDINS_LEDGER_VERSION);
    if (l->year < MDN_YEAR_FIRST || l->year > MDN_YEAR_LAST)
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                         "ledger year %d out of range: dates run from " MDN_DATE_RANGE,
                         (int)l->year);
    /* Every field in range, tested at once; the loop below only finds which one is not. */
    bool out_of_range = MDN_LEDGER_FIELDS(OUT_OF_RANGE, medins_ledger) (l->thrifty_years > l->year - MDN_YEAR_FIRST);
    for (size_t i = 0; out_of_range && i < NFIELDS; i++) {
        int64_t v = mdn_field_get(l, &fields[i]);
        if (v < 0 || v > field_max(&fields[i], l))
            return range_error(err, MEDINS_ERR_LEDGER, &fields[i], v, l, 0, 0);
    }
    /* A ledger with settlements has the date of the last one, in its year, and vice versa. A
     * benefit year that does not start on 1 January ends in the next calendar year: the
     * settlement and the closing, which know the policy, check the date against its year. */
    if ((l->seq == 0) != (l->last_date == 0) ||
        (l->last_date != 0 && (!mdn_date_valid(l->last_date) ||
                               (uint32_t)(l->last_date / 10000 - l->year) > 1u)))
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                         "ledger last_date %d does not fit year %d and %u settlements",
                         (int)l->last_date, (int)l->year, (unsigned)l->seq);
    if ((uint32_t)l->admissions > l->seq)
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0, "ledger has more admissions than settlements");
    if (l->prior_known > 1 || (!l->prior_known && l->prior_outpatient_costs != 0))
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0, "ledger prior_known must be 0 or 1, "
                         "and prior_outpatient_costs 0 when it is 0");
    /* The day's figures: a day of the ledger's year (or the next) not after its last claim,
     * and no more than the pool's year paid that day. */
    if (l->day_date != 0 && (l->day_date > l->last_date || !mdn_date_valid(l->day_date) ||
                             (uint32_t)(l->day_date / 10000 - l->year) > 1u))
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                         "ledger day_date %d does not fit year %d and last_date %d",
                         (int)l->day_date, (int)l->year, (int)l->last_date);
    for (int p = 0; p < MEDINS_POOL_COUNT; p++)
        if ((l->day_date == 0 && l->day_fund[p] != 0) || l->day_fund[p] > l->fund[p])
            return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                             "ledger day_fund.%s %lld must be 0 without a day_date, and at most "
                             "fund.%s (%lld)", medins_pool_name((medins_pool)p),
                             (long long)l->day_fund[p], medins_pool_name((medins_pool)p),
                             (long long)l->fund[p]);
    return 0;
}

int mdn_ledger_year_error(const medins_policy *p, const medins_ledger *l, medins_date date,
                          medins_error **err)
{
    if (p->year_start == 101)
        return mdn_error(err, MEDINS_ERR_LEDGER_YEAR, NULL, 0, 0,
                         "the ledger is for %d, the claim is dated %d", (int)l->year, (int)date);
    return mdn_error(err, MEDINS_ERR_LEDGER_YEAR, NULL, 0, 0,
                     "the ledger is for %d, the benefit year from %d to %d; the claim dated %d is "
                     "in the year from %d", (int)l->year, (int)(l->year * 10000 + p->year_start),
                     (int)mdn_benefit_year_end(p, l->year), (int)date,
                     (int)(mdn_benefit_year(p, date) * 10000 + p->year_start));
}

int mdn_ledger_date_error(const medins_policy *p, const medins_ledger *l, medins_error **err)
{
    return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                     "ledger last_date %d is not in its year %d, from %d to %d under policy %s",
                     (int)l->last_date, (int)l->year, (int)(l->year * 10000 + p->year_start),
                     (int)mdn_benefit_year_end(p, l->year), p->id);
}

/* ---- A ledger from the year so far -------------------------------------------------------- */

void medins_year_to_date_init(medins_year_to_date *ytd, int32_t year)
{
    if (ytd)
        *ytd = (medins_year_to_date)MEDINS_YEAR_TO_DATE_INIT(year);
}

/* The year so far `in` whole: one of version 1 ends before the supplementary payments, the
 * first account payments and the credits, which are then 0. */
static const medins_year_to_date *ytd_whole(medins_year_to_date *buf,
                                            const medins_year_to_date *in)
{
    if (in->version >= 2)
        return in;
    *buf = (medins_year_to_date)MEDINS_YEAR_TO_DATE_INIT(0);
    memcpy(buf, in, offsetof(medins_year_to_date, supplementary));
    return buf;
}

int medins_ledger_from_year(medins_ledger *ledger, const medins_year_to_date *in,
                            medins_error **err)
{
    if (!ledger || !in)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_ledger_from_year: NULL argument");
    int rc = MDN_CHECK_VERSION(err, in, "medins_year_to_date", MEDINS_YEAR_TO_DATE_VERSION);
    if (rc < 0)
        return rc;
    medins_year_to_date whole;
    const medins_year_to_date *y = ytd_whole(&whole, in);
    medins_ledger l = MEDINS_LEDGER_INIT(y->year);
    bool any = y->admissions != 0;
    medins_fen first = 0;
    for (int p = 0; p < MEDINS_POOL_COUNT; p++) {
        const char *pool = medins_pool_name((medins_pool)p);
        const medins_fen parts[] = {y->account_first[p], y->deductible[p], y->fund[p],
                                    y->supplementary[p]};
        /* Each part at most the limit, so that their sum cannot overflow; the in-scope
         * costs' bound is the ledger check's, on the position. */
        medins_fen sum = 0;
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            if (parts[i] < 0 || y->in_scope[p] < 0)
                return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                                 "year to date: the %s pool's figures must not be negative",
                                 pool);
            if (parts[i] > MEDINS_FEN_MAX)
                return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                                 "year to date: the %s pool's figures must be at most %lld", pool,
                                 (long long)MEDINS_FEN_MAX);
            sum += parts[i];
        }
        if (sum > y->in_scope[p])
            return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                             "year to date: the %s pool's account paid first (%lld), deductible "
                             "(%lld), fund (%lld) and supplementary fund (%lld) cannot be paid "
                             "out of its in-scope costs (%lld)", pool,
                             (long long)y->account_first[p], (long long)y->deductible[p],
                             (long long)y->fund[p], (long long)y->supplementary[p],
                             (long long)y->in_scope[p]);
        l.deductible[p] = y->deductible[p];
        l.position[p] = y->in_scope[p] - y->account_first[p] - y->deductible[p];
        l.fund[p] = y->fund[p];
        l.supplementary[p] = y->supplementary[p];
        first += y->account_first[p];
        any |= y->in_scope[p] != 0;
    }
    if (first > y->account_paid)
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                         "year to date: the account paid first (%lld in all pools) is part of "
                         "what it paid this year (account_paid %lld), not more",
                         (long long)first, (long long)y->account_paid);
    l.admissions = y->admissions;
    l.outpatient_costs = y->outpatient_costs;
    l.major_base = y->major_base;
    l.major_fund = y->major_fund;
    l.assist_base = y->assist_base;
    l.assist_fund = y->assist_fund;
    l.account_balance = y->account_balance;
    l.account_paid = y->account_paid;
    l.account_credited = y->account_credited;
    l.carry_over = y->carry_over;
    l.thrifty_years = y->thrifty_years;
    l.prior_known = y->prior_known;
    l.prior_outpatient_costs = y->prior_outpatient_costs;
    /* The year's credits are not settlements: a year may have them and none. */
    any |= (y->outpatient_costs | y->major_base | y->major_fund | y->assist_base |
            y->assist_fund | y->account_paid) != 0;
    if (any != (y->last_date != 0))
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                         any ? "year to date: a year with settlements needs the date of the last "
                               "one (last_date)"
                             : "year to date: a last settlement on %d, but no figures of the "
                               "year", (int)y->last_date);
    if (y->admissions < 0)
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0,
                         "year to date: admissions must not be negative");
    l.last_date = y->last_date;
    l.seq = any ? (uint32_t)(y->admissions > 0 ? y->admissions : 1) : 0;
    if ((rc = medins_ledger_check(&l, err)) < 0)
        return rc;
    *ledger = l;
    return 0;
}

/* ---- Closing a year ----------------------------------------------------------------------- */

/*
 * The figures of the closing year are read with the person's context on its last day (age
 * bands): 31 December, or the day before the policy's year_start. At a level-1 hospital:
 * outpatient deductibles and maxima are not written by level, and one fixed level keeps the
 * result independent of where the last claim happened.
 */
int medins_ledger_close_year(medins_ledger *next, const medins_ledger *prev,
                             const struct medins_policy *policy, const medins_person *person,
                             medins_error **err)
{
    int rc;
    if (!next || !prev || !policy || !person)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_ledger_close_year: NULL argument");
    if ((rc = medins_ledger_check(prev, err)) < 0 || (rc = mdn_person_check(person, err)) < 0 ||
        (rc = mdn_cohorts_check(policy, person, err)) < 0)
        return rc;
    if (prev->year == MDN_YEAR_LAST)
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "the ledger of %d cannot be closed: dates run from " MDN_DATE_RANGE
                         ", so there is no ledger of %d", (int)prev->year, (int)prev->year + 1);
    if (prev->last_date != 0 && mdn_benefit_year(policy, prev->last_date) != prev->year)
        return mdn_ledger_date_error(policy, prev, err);
    const medins_date end = mdn_benefit_year_end(policy, prev->year);
    if ((rc = mdn_born_by(person, end, "the last day of the year closed,", err)) < 0)
        return rc;
    if (end < policy->from || (policy->to != 0 && end > policy->to))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0, "policy %s is not in force on %d",
                         policy->id, (int)end);

    medins_ledger n;
    medins_ledger_init(&n, prev->year + 1);
    n.account_balance = prev->account_balance;
    n.carry_over = prev->carry_over;
    n.prior_known = 1;
    n.prior_outpatient_costs = prev->outpatient_costs;

    const mdn_benefit *out = mdn_benefit_for(policy, MEDINS_CLAIM_OUTPATIENT);
    const mdn_benefit *inp = mdn_benefit_for(policy, MEDINS_CLAIM_INPATIENT);
    if (out) {
        mdn_ctx ctx;
        mdn_ctx_make(&ctx, policy, person, mdn_settle_tier(policy, person),
                     mdn_person_age(person, end), prev, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_1, 0);
        uint32_t why;
        const mdn_amount_row *cap = out->cap_table ? mdn_amount_find(out->cap_table, &ctx) : NULL;
        if ((why = mdn_amount_decides(out->cap_table, cap, &ctx)) != 0)
            return mdn_field_missing(err, why, out->cap_owner->rule[MDN_RULE_CAP], end);
        if (inp && inp->carry_over && cap && cap->amount.v > prev->outpatient_costs &&
            medins_money_add(&n.carry_over, n.carry_over, cap->amount.v - prev->outpatient_costs) < 0)
            return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "carry-over would exceed the limit");
        if (out->thrift) {
            /* The deductible before any thrift reduction: the reduction is what thrift earns. */
            const mdn_amount_row *ded = out->ded_table ? mdn_amount_find(out->ded_table, &ctx) : NULL;
            if ((why = mdn_amount_decides(out->ded_table, ded, &ctx)) != 0)
                return mdn_field_missing(err, why, out->ded_owner->rule[MDN_RULE_DEDUCTIBLE], end);
            medins_fen d = ded ? ded->amount.v : 0;
            n.thrifty_years = prev->outpatient_costs <= d ? prev->thrifty_years + 1 : 0;
        }
    }
    *next = n;
    return 0;
}

/* ---- Text form ---------------------------------------------------------------------------- */

/* How many of the fields a text of each version has. */
static const size_t keys_of[] = MDN_LEDGER_TEXT_FIELDS;
_Static_assert(sizeof keys_of / sizeof keys_of[0] == MEDINS_LEDGER_TEXT_VERSION + 1,
               "the keys of every text version");
_Static_assert(MDN_LEDGER_FIELD_COUNT == 32 && NFIELDS == 32,
               "MDN_LEDGER_TEXT_FIELDS ends at the last field");

size_t mdn_ledger_keys_write(char *dst, size_t cap, const char *prefix,
                             const medins_ledger *ledger, int version)
{
    size_t n = 0;
    for (size_t i = 0; i < keys_of[version]; i++) {
        int k = snprintf(dst + n, n < cap ? cap - n : 0, "%s%s=%lld\n", prefix, fields[i].name,
                         (long long)mdn_field_get(ledger, &fields[i]));
        n += (size_t)k;
    }
    return n;
}

/* The keys a version adds are written only for a ledger that has one of them not 0, so that
 * others stay readable by earlier libraries. */
int mdn_ledger_text_version(const medins_ledger *ledger)
{
    int version = 1;
    for (int v = 2; v <= MEDINS_LEDGER_TEXT_VERSION; v++)
        for (size_t i = keys_of[v - 1]; i < keys_of[v]; i++)
            if (mdn_field_get(ledger, &fields[i]) != 0)
                version = v;
    return version;
}

int medins_ledger_serialize(char *buf, size_t size, size_t *needed, const medins_ledger *ledger)
{
    if (!ledger || !MDN_VERSION_KNOWN(ledger->version, MEDINS_LEDGER_VERSION))
        return MEDINS_ERR_ARGUMENT;
    const int version = mdn_ledger_text_version(ledger);
    char tmp[MDN_LEDGER_TEXT_MAX];
    int n = snprintf(tmp, sizeof tmp, "medins-ledger %d\n", version);
    n += (int)mdn_ledger_keys_write(tmp + n, sizeof tmp - (size_t)n, "", ledger, version);
    if (needed)
        *needed = (size_t)n + 1;
    if (!buf || size < (size_t)n + 1)
        return MEDINS_ERR_BUFFER;
    memcpy(buf, tmp, (size_t)n + 1);
    return 0;
}

/* A decimal integer with an optional '-', nothing else; bounded well inside int64. */
bool mdn_parse_int(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    bool neg = len > 0 && s[0] == '-';
    if (neg)
        i++;
    if (i == len || len - i > 18)
        return false;
    int64_t v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = neg ? -v : v;
    return true;
}

/*
 * The first line: "medins-ledger N", N a text version this library reads (1 to
 * MEDINS_LEDGER_TEXT_VERSION): every version's keys are a later one's, so that an older text
 * lacks only the keys added since, which stay 0. Returns N, or MEDINS_ERR_LEDGER.
 */
static int text_version(const char *line, size_t n, unsigned lineno, medins_error **err)
{
    static const char head[] = "medins-ledger ";
    const size_t hn = sizeof head - 1;
    int64_t v = 0;
    if (n <= hn || memcmp(line, head, hn) != 0 || line[hn] < '1' || line[hn] > '9' ||
        !mdn_parse_int(line + hn, n - hn, &v))
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, lineno, 1,
                         "not a ledger text: the first line must be \"medins-ledger 1\" "
                         "(or a later version, to %d)", MEDINS_LEDGER_TEXT_VERSION);
    if (v > MEDINS_LEDGER_TEXT_VERSION)
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, lineno, (unsigned)hn + 1,
                         "a ledger text of version %lld, which this library does not read "
                         "(it reads 1 to %d): written by a newer libmedins", (long long)v,
                         MEDINS_LEDGER_TEXT_VERSION);
    return (int)v;
}

int mdn_ledger_key(medins_ledger *l, bool seen[], int version, int code, const char *prefix,
                   const char *line, size_t klen, size_t n, unsigned lineno, medins_error **err)
{
    size_t i = 0;
    while (i < NFIELDS && !(strlen(fields[i].name) == klen && memcmp(fields[i].name, line, klen) == 0))
        i++;
    if (i == NFIELDS)
        return 1;
    if (i >= keys_of[version])
        return mdn_error(err, code, NULL, lineno, 1,
                         "ledger key %s%s is not a key of a ledger text of version %d", prefix,
                         fields[i].name, version);
    if (seen[i])
        return mdn_error(err, code, NULL, lineno, 1, "ledger key %s%s given twice",
                         prefix, fields[i].name);
    int64_t v;
    const medins_field_type t = fields[i].type;
    int64_t lo = t == MEDINS_FIELD_INT32 ? INT32_MIN : t == MEDINS_FIELD_UINT32 ? 0 : INT64_MIN;
    int64_t hi = t == MEDINS_FIELD_INT32 ? INT32_MAX : t == MEDINS_FIELD_UINT32 ? UINT32_MAX : INT64_MAX;
    const unsigned col = (unsigned)(strlen(prefix) + klen) + 2;
    if (!mdn_parse_int(line + klen + 1, n - klen - 1, &v) || v < lo || v > hi)
        return mdn_error(err, code, NULL, lineno, col, "ledger %s%s: malformed number",
                         prefix, fields[i].name);
    /* Each value in its range, where it is written; the year's (fields[0]) range, the
     * thrifty years' bound by the year and the relations between fields are the check's,
     * in mdn_ledger_keys_done. */
    if (i > 0 && (v < 0 || v > field_max(&fields[i], NULL)))
        return range_error(err, code, &fields[i], v, NULL, lineno, col);
    mdn_field_set(l, &fields[i], v);
    seen[i] = true;
    return 0;
}

int mdn_ledger_keys_done(const medins_ledger *l, const bool seen[], int version, int code,
                         const char *prefix, medins_error **err)
{
    for (size_t i = 0; i < keys_of[version]; i++)
        if (!seen[i])
            return mdn_error(err, code, NULL, 0, 0, "ledger key %s%s is missing",
                             prefix, fields[i].name);
    if (code == MEDINS_ERR_LEDGER || !err)
        return medins_ledger_check(l, err) < 0 ? code : 0;
    /* The check's message, under the caller's code. */
    medins_error *e = NULL;
    if (medins_ledger_check(l, &e) == 0)
        return 0;
    mdn_error(err, code, NULL, 0, 0, "%s*: %s", prefix, medins_error_message(e));
    medins_error_free(e);
    return code;
}

int medins_ledger_parse(medins_ledger *ledger, const char *text, size_t len, medins_error **err)
{
    if (!ledger || (!text && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_ledger_parse: NULL argument");
    medins_ledger l = MEDINS_LEDGER_INIT(0);
    bool seen[NFIELDS] = {false};
    int rc;
    bool header = false;
    int version = 0;
    unsigned lineno = 0;
    size_t pos = 0;

    while (pos < len) {
        size_t n;
        const char *line = mdn_text_line(text, len, &pos, &n);
        lineno++;
        if (!header) {
            if ((version = text_version(line, n, lineno, err)) < 0)
                return version;
            header = true;
            continue;
        }
        if (n == 0)
            continue;
        const char *nul = memchr(line, '\0', n);
        if (nul)
            return mdn_error(err, MEDINS_ERR_LEDGER, NULL, lineno, (unsigned)(nul - line) + 1,
                             "ledger line %u contains a NUL byte", lineno);
        const char *eq = memchr(line, '=', n);
        if (!eq)
            return mdn_error(err, MEDINS_ERR_LEDGER, NULL, lineno, 1, "ledger line %u has no '='", lineno);
        size_t klen = (size_t)(eq - line);
        if ((rc = mdn_ledger_key(&l, seen, version, MEDINS_ERR_LEDGER, "", line, klen, n, lineno, err)) < 0)
            return rc;
        if (rc > 0)
            return mdn_error(err, MEDINS_ERR_LEDGER, NULL, lineno, 1, "unknown ledger key \"%.*s\"",
                             (int)klen, line);
    }
    if (!header)
        return mdn_error(err, MEDINS_ERR_LEDGER, NULL, 0, 0, "empty ledger text");
    if ((rc = mdn_ledger_keys_done(&l, seen, version, MEDINS_ERR_LEDGER, "", err)) < 0)
        return rc;
    *ledger = l;
    return 0;
}
