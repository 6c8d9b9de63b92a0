/*
 * Selectors at work: the context a row is matched against, the matching (select.c), and the
 * row indexes that let the settlement find a claim's first matching row without testing the
 * rows one by one (built at load by benefit.c).
 */
#ifndef MEDINS_SELECT_H
#define MEDINS_SELECT_H

#include "model.h"

/* What a row is matched against. */
typedef struct mdn_ctx {
    int scheme, category, tier;  /* tier: the benefit tier */
    int level, kind;
    int age;                     /* -1 unknown: rows with age bounds do not match */
    uint32_t groups;
    int admission;               /* 1 first, 2 second, 3 third or later, 0 not inpatient */
    int at_family_doctor;        /* 1 when the claim is at the contracted institution */
    int thrifty_years;
    medins_fen prior_outpatient; /* -1 when unknown */
    uint32_t attributes;         /* the claim's attributes (bits of the policy's) */
    /* The person's fields rows and person_groups' rules read (mdn_select.needs). */
    medins_date birth_date, retirement_date;  /* 0 unknown */
    int32_t contribution_months; /* -1 unknown */
    int sex;
    uint32_t unknown;            /* MDN_NEED_* of the fields not given: rows reading them fail */
    uint32_t cohorts;            /* the person's groups: the caller's, and the ruled that hold */
    uint32_t cohorts_unknown;    /* groups undecided: ruled by an unknown field, or (a batch,
                                  * which carries none) the caller's */
    const mdn_select *cohort_rules; /* the policy's groups' rules (medins_policy.cohort_rules) */
} mdn_ctx;

/* Whether the row whose selector is `sel` applies in `ctx`. */
bool mdn_select_match(const mdn_select *sel, const mdn_ctx *ctx);
/* mdn_select_match for a row the index below already admits: only the selectors outside its
 * keys, which mdn_select_match ends with. */
bool mdn_select_rest_match(const mdn_select *sel, const mdn_ctx *ctx);
/* Whether the person's fields that `sel` reads (its `needs`, all known in ctx) are in its
 * ranges: the rows' tail test, and a ruled person group's whole rule. */
bool mdn_select_person_match(const mdn_select *sel, const mdn_ctx *ctx);
/* Whether `sel` reads a person's field or group that ctx does not know. */
static inline bool mdn_select_undecided(const mdn_select *sel, const mdn_ctx *ctx)
{
    return (sel->needs & ctx->unknown) || ((sel->cohorts_all | sel->cohorts_none) &
                                           ctx->cohorts_unknown);
}
/* First matching row, or NULL. */
const mdn_amount_row *mdn_amount_find(const mdn_amount_table *t, const mdn_ctx *ctx);
const mdn_ratio_row *mdn_ratio_find(const mdn_ratio_table *t, const mdn_ctx *ctx);

/*
 * A settlement table's rows as bit sets, built at load (mdn_benefits_finish) so that a claim
 * finds its first matching row with two loads instead of testing rows one by one. Bit i of
 * person[key] is set when row i's scheme, category and tier selectors accept that key's values;
 * claim[key] likewise for level, kind, admission order and the family-doctor selector. Rows with
 * any other selector (groups, age, thrifty years, last year's costs) are in `rest` and are
 * tested further with mdn_select_rest_match. Only tables of 1 to 64 rows are indexed.
 */
#define MDN_INDEX_ROWS 64
#define MDN_PERSON_KEYS (MEDINS_SCHEME_COUNT * MEDINS_CATEGORY_COUNT * MEDINS_TIER_COUNT)
#define MDN_CLAIM_KEYS (MEDINS_CLAIM_KIND_COUNT * MEDINS_LEVEL_COUNT * 4 * 2)

typedef struct mdn_index {
    uint64_t rest;
    uint64_t person[MDN_PERSON_KEYS];
    uint64_t claim[MDN_CLAIM_KEYS];
} mdn_index;

static inline int mdn_index_person_key(int scheme, int category, int tier)
{
    return (scheme * MEDINS_CATEGORY_COUNT + category) * MEDINS_TIER_COUNT + tier;
}

/* admission: 0 not inpatient, 1 first, 2 second, 3 later; family_doctor: 0 or 1 (mdn_ctx). */
static inline int mdn_index_claim_key(int kind, int level, int admission, int family_doctor)
{
    return ((kind * MEDINS_LEVEL_COUNT + level) * 4 + admission) * 2 + family_doctor;
}

#endif
