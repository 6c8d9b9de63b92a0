/*
 * The ledger's fields, for its text form, its check and its public layout; and its checks as
 * one expression each, for the batch (ledger.c has the full check).
 */
#ifndef MEDINS_COMPUTE_LEDGER_H
#define MEDINS_COMPUTE_LEDGER_H

#include <string.h>

#include "util.h"

/* A per-pool member's fields, one per pool, named "<name>.outpatient" and so on: for
 * MDN_LEDGER_FIELDS and the year so far's list (layout.c). */
#define MDN_POOL_FIELDS(X, T, member, name)                                        \
    X(T, member[MEDINS_POOL_OUTPATIENT], name ".outpatient", INT64, MONEY)         \
    X(T, member[MEDINS_POOL_POOLING], name ".pooling", INT64, MONEY)               \
    X(T, member[MEDINS_POOL_INPATIENT], name ".inpatient", INT64, MONEY)

/* The layers' and the account's year totals, named as a ledger's: for MDN_LEDGER_FIELDS and
 * the year so far's list (layout.c). */
#define MDN_LAYER_ACCOUNT_FIELDS(X, T)                                             \
    X(T, major_base, "major_base", INT64, MONEY)                                   \
    X(T, major_fund, "major_fund", INT64, MONEY)                                   \
    X(T, assist_base, "assist_base", INT64, MONEY)                                 \
    X(T, assist_fund, "assist_fund", INT64, MONEY)                                 \
    X(T, account_balance, "account_balance", INT64, MONEY)                         \
    X(T, account_paid, "account_paid", INT64, MONEY)

/* Every field of medins_ledger T, in the struct's order, which is the text form's:
 * X(T, member, name, type, kind), type and kind as medins_field_type and medins_field_kind
 * without their MEDINS_FIELD_ (layout.c). */
#define MDN_LEDGER_FIELDS(X, T)                                                    \
    X(T, year, "year", INT32, NUMBER)                                              \
    X(T, last_date, "last_date", INT32, DATE)                                      \
    X(T, seq, "seq", UINT32, NUMBER)                                               \
    X(T, admissions, "admissions", INT32, NUMBER)                                  \
    X(T, outpatient_costs, "outpatient_costs", INT64, MONEY)                       \
    MDN_POOL_FIELDS(X, T, deductible, "deductible")                                \
    MDN_POOL_FIELDS(X, T, position, "position")                                    \
    MDN_POOL_FIELDS(X, T, fund, "fund")                                            \
    MDN_LAYER_ACCOUNT_FIELDS(X, T)                                                 \
    X(T, carry_over, "carry_over", INT64, MONEY)                                   \
    X(T, thrifty_years, "thrifty_years", INT32, NUMBER)                            \
    X(T, prior_known, "prior_known", INT32, BOOL)                                  \
    X(T, prior_outpatient_costs, "prior_outpatient_costs", INT64, MONEY)                \
    X(T, supplementary[MEDINS_POOL_OUTPATIENT], "supplementary.outpatient", INT64, MONEY) \
    X(T, supplementary[MEDINS_POOL_POOLING], "supplementary.pooling", INT64, MONEY)       \
    X(T, supplementary[MEDINS_POOL_INPATIENT], "supplementary.inpatient", INT64, MONEY) \
    X(T, account_credited, "account_credited", INT64, MONEY)                       \
    X(T, day_date, "day_date", INT32, DATE)                                        \
    MDN_POOL_FIELDS(X, T, day_fund, "day_fund")

/* How many of those fields (the first) the text of each version has: version 1 lacks the
 * supplementary funds' totals, version 2 the year's account credits, version 3 the day's
 * figures (day_date, day_fund). */
#define MDN_LEDGER_TEXT_FIELDS {0, 24, 27, 28, 32}

/* The ledger's fields as medins_layout_field gives them (layout.c). */
#define MDN_ONE_FIELD(...) +1
#define MDN_LEDGER_FIELD_COUNT (0 MDN_LEDGER_FIELDS(MDN_ONE_FIELD, medins_ledger))
extern const medins_field mdn_ledger_layout[MDN_LEDGER_FIELD_COUNT];

/*
 * The ledger's keys as its text form has them, read and written by the text of a settlement's
 * record too (record.c), where each has a prefix ("before."). The most bytes of a ledger's text.
 */
#define MDN_LEDGER_TEXT_MAX 1536
/* Writes "<prefix><key>=<value>\n" for every field a text of `version` has to dst, as snprintf
 * (at most cap bytes, a NUL included); returns the length of the whole. */
size_t mdn_ledger_keys_write(char *dst, size_t cap, const char *prefix, const medins_ledger *l,
                             int version);
/*
 * One "key=value" line of n bytes (no NUL in them; the prefix taken off the line) whose key,
 * its first klen bytes, may be a ledger's: 1 when it is not one; else the value set in *l and
 * seen[], or `code` (MEDINS_ERR_LEDGER in a ledger's text) at lineno:column for a key given
 * twice, not of a text of `version`, or a malformed or out-of-range value. seen[] has MDN_LEDGER_FIELD_COUNT entries.
 */
int mdn_ledger_key(medins_ledger *l, bool seen[], int version, int code, const char *prefix,
                   const char *line, size_t klen, size_t n, unsigned lineno, medins_error **err);
/* After the last line: every key of a text of `version` seen, and the ledger passes its check:
 * 0 or `code`. A key of a later version than `version` is refused by mdn_ledger_key. */
int mdn_ledger_keys_done(const medins_ledger *l, const bool seen[], int version, int code,
                         const char *prefix, medins_error **err);
/* The value of field f of the struct at s (a ledger's, of mdn_ledger_layout, or another
 * layout's), and setting it (a value its type holds). */
int64_t mdn_field_get(const void *s, const medins_field *f);
void mdn_field_set(void *s, const medins_field *f, int64_t v);
/* The line of text (len bytes) that starts at *pos: its start, and in *n its length without
 * the "\n" or "\r\n" that ends it; *pos moves past it. *pos must be below len. */
static inline const char *mdn_text_line(const char *text, size_t len, size_t *pos, size_t *n)
{
    const char *line = text + *pos;
    const char *nl = memchr(line, '\n', len - *pos);
    *n = nl ? (size_t)(nl - line) : len - *pos;
    *pos += *n + (nl != NULL);
    if (*n > 0 && line[*n - 1] == '\r')
        (*n)--;
    return line;
}

/* A decimal integer with an optional '-', of at most 18 digits; false when it is not one. */
bool mdn_parse_int(const char *s, size_t len, int64_t *out);

/* The oldest text version that holds ledger l: the keys a version adds are written only for a
 * ledger that has one of them not 0 (ledger.c). */
int mdn_ledger_text_version(const medins_ledger *l);

/* The OR of the ledger's amounts as unsigned: 2^63 or more when one is negative, else at least
 * the largest. */
static inline uint64_t mdn_ledger_amounts(const medins_ledger *l)
{
    return (uint64_t)(l->outpatient_costs | l->deductible[0] | l->deductible[1] |
                      l->deductible[2] | l->position[0] | l->position[1] | l->position[2] |
                      l->fund[0] | l->fund[1] | l->fund[2] | l->major_base | l->major_fund |
                      l->assist_base | l->assist_fund | l->account_balance | l->account_paid |
                      l->carry_over | l->prior_outpatient_costs | l->supplementary[0] |
                      l->supplementary[1] | l->supplementary[2] | l->account_credited);
}
_Static_assert(MEDINS_POOL_COUNT == 3, "mdn_ledger_amounts reads three pools");

/*
 * True when medins_ledger_check surely passes the ledger: its tests as one expression without a
 * branch, for the batch, which checks the ledger of each person it meets. False means only
 * "check it in full": amounts of 2^46 fen and more (the limit is 10^14) are left to the full
 * check.
 */
static inline bool mdn_ledger_plain(const medins_ledger *l)
{
    /* Unsigned: a year or a last date before the range wraps to a large value. */
    const uint32_t year = (uint32_t)l->year, md = (uint32_t)l->last_date - year * 10000u;
    const uint64_t *days = mdn_days_of_year(l->year);
    const uint64_t amounts = mdn_ledger_amounts(l);
    /* No settlement and no date, or some with the date a day of the ledger's year. */
    const unsigned dated = ((l->seq == 0) & (l->last_date == 0)) |
                           ((l->seq != 0) & (md < 64 * MDN_YEAR_DAY_WORDS) &
                            (unsigned)(days[md / 64 % MDN_YEAR_DAY_WORDS] >> md % 64 & 1));
    /* seq as int32_t: negative above MEDINS_LEDGER_SEQ_MAX. */
    return MDN_VERSION_KNOWN(l->version, MEDINS_LEDGER_VERSION) & (year - 1900u < 300u) &
           (amounts < (uint64_t)1 << 46) & dated &
           ((l->admissions | l->thrifty_years | l->prior_known | (int32_t)l->seq) >= 0) &
           ((uint32_t)l->admissions <= l->seq) & ((uint32_t)l->prior_known <= 1) &
           ((uint32_t)l->thrifty_years <= year - (uint32_t)MDN_YEAR_FIRST) &
           ((l->prior_known != 0) | (l->prior_outpatient_costs == 0)) &
           /* The day's figures (a day_cap's) are left to the full check. */
           ((l->day_date | l->day_fund[0] | l->day_fund[1] | l->day_fund[2]) == 0);
}

/*
 * How much in-scope cost the ledger (checked) can take in claims before a year total could
 * pass MEDINS_FEN_MAX: every figure a claim adds to a total is at most its in-scope amount,
 * and no total is above the OR of them all. 0 when that OR is above the limit (possible
 * with totals of 2^46 fen and more).
 */
static inline uint64_t mdn_ledger_room(const medins_ledger *l)
{
    const uint64_t amounts = mdn_ledger_amounts(l);
    return amounts < (uint64_t)MEDINS_FEN_MAX ? (uint64_t)MEDINS_FEN_MAX - amounts : 0;
}

/* The errors of a ledger whose year is not the benefit year of a claim's date under policy p
 * (MEDINS_ERR_LEDGER_YEAR), and of one whose last date is not in its own benefit year under p
 * (MEDINS_ERR_LEDGER): worded with the policy's year when it does not start on 1 January. */
MDN_COLD int mdn_ledger_year_error(const medins_policy *p, const medins_ledger *l, medins_date date,
                                   medins_error **err);
MDN_COLD int mdn_ledger_date_error(const medins_policy *p, const medins_ledger *l,
                                   medins_error **err);

#endif
