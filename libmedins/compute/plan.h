/*
 * Plans: every row and flag a settlement reads from the policy for one selector context, so
 * that the arithmetic (settle.c) reads amounts from the ledger and the claim only; and
 * the persons' profiles by which the batch shares plans. plan.c makes them.
 */
#ifndef MEDINS_COMPUTE_PLAN_H
#define MEDINS_COMPUTE_PLAN_H

#include "benefit.h"

static inline medins_fen min_fen(medins_fen a, medins_fen b) { return a < b ? a : b; }
static inline medins_fen max_fen(medins_fen a, medins_fen b) { return a > b ? a : b; }

/* base + add, clamped to 0%-100%. */
static inline medins_bp clamp_ratio(medins_bp base, medins_bp add)
{
    int32_t r = base + add;
    return r < 0 ? 0 : r > MEDINS_BP_ONE ? MEDINS_BP_ONE : r;
}

/* A claim's selector context and its keys into the row indexes (-1: not indexable, scan). */
typedef struct mdn_query {
    mdn_ctx ctx;
    int pkey, ckey;
} mdn_query;

/* Sets q's keys from its context. */
static inline void mdn_query_keys(mdn_query *q)
{
    const mdn_ctx *c = &q->ctx;
    bool ok = (unsigned)c->scheme < MEDINS_SCHEME_COUNT &&
              (unsigned)c->category < MEDINS_CATEGORY_COUNT &&
              (unsigned)c->tier < MEDINS_TIER_COUNT && (unsigned)c->kind < MEDINS_CLAIM_KIND_COUNT &&
              (unsigned)c->level < MEDINS_LEVEL_COUNT && (unsigned)c->admission < 4 &&
              (unsigned)c->at_family_doctor < 2;
    q->pkey = ok ? mdn_index_person_key(c->scheme, c->category, c->tier) : -1;
    q->ckey = ok ? mdn_index_claim_key(c->kind, c->level, c->admission, c->at_family_doctor) : -1;
}

/*
 * Whether row i (selector `sel`) matches: with an index, its bit among the candidates `m` and,
 * for rows with selectors the index does not cover, the full test.
 */
static inline bool mdn_row_matches(const mdn_index *ix, uint64_t m, size_t i,
                                   const mdn_select *sel, const mdn_query *q)
{
    if (!ix)
        return mdn_select_match(sel, &q->ctx);
    return (m >> i & 1) && (!(ix->rest >> i & 1) || mdn_select_rest_match(sel, &q->ctx));
}

/* The index to use for this query, or NULL (scan); *m receives the candidate rows. */
static inline const mdn_index *mdn_usable_index(const mdn_index *ix, const mdn_query *q,
                                                uint64_t *m)
{
    if (!ix || q->pkey < 0) {
        *m = 0;
        return NULL;
    }
    *m = ix->person[q->pkey] & ix->claim[q->ckey];
    return ix;
}

/*
 * What decides which rows of a policy's settlement tables a person matches, apart from the
 * claim: scheme, category, tier (which with the groups decide the benefit tier), the groups,
 * and the side of each bound (mdn_cuts) that the age, the thrifty years and last year's costs
 * fall on. Equal profiles match the same rows, so the batch shares plans (below) between
 * persons of one profile. Within a run of a person's claims the profile changes only at a
 * birthday that crosses an age bound: the core never changes a ledger's thrifty years or last
 * year's costs.
 */
typedef struct mdn_profile {
    const medins_policy *policy;
    int32_t scheme, category, tier;    /* the person's own: the benefit tier follows from them */
    uint32_t groups;
    int64_t age, thrift, prior;        /* sides of the bounds; -1 unknown */
    /* The person's fields of version 2 that rows of the policy read (person_needs), as given;
     * those it reads none of are 0, so that persons who differ only in them share plans. */
    int32_t retired, months, sex;
    uint32_t cohorts;
} mdn_profile;

/* How many bounds v is at or above (`above`: strictly above), or v itself without bounds. */
static inline int64_t mdn_side_of(const mdn_cuts *c, int64_t v, bool above)
{
    if (c->n < 0)
        return v;
    int64_t k = 0;
    for (int i = 0; i < c->n; i++)
        k += above ? v > c->at[i] : v >= c->at[i];
    return k;
}

/* The date of the birthday on which a person born on `birth` (a date) is `age` (0 to 9999);
 * INT32_MAX past the year 9999. */
static inline medins_date mdn_birthday(medins_date birth, int64_t age)
{
    const int64_t day = birth + age * 10000;
    return day >= 100000000 ? INT32_MAX : (medins_date)day;
}

/*
 * The dates [*from, *until) on which a person born on `birth` (0: unknown) keeps `side`, the
 * age of a profile of theirs under p (which has settlement sections): from the birthday on
 * which they reached the highest of the policy's age bounds at or below their age, to the one
 * on which they reach the next (from birth to birth plus 10000 years and more without one). A
 * birthday on 29 February falls to 1 March, as in medins_age_on. Without bounds of its own
 * (more than MDN_CUTS), each age is a profile age: from one birthday to the next. An unknown
 * age (-1) holds until the birth date, or for good without one. Inline, as mdn_profile_of:
 * the batch works them out for each person it meets.
 */
static inline void mdn_profile_age_window(const medins_policy *p, medins_date birth,
                                          int64_t side, medins_date *from, medins_date *until)
{
    if (side < 0) {
        *from = 0;
        *until = birth ? birth : INT32_MAX;
        return;
    }
    /* The bounds are ascending: `side` of them are at or below the age. Without bounds of
     * its own the side is the age. */
    const mdn_cuts *c = &p->benefits->age;
    const int64_t lo = c->n < 0 ? side : side > 0 ? c->at[side - 1] : 0,
                  hi = c->n < 0 ? side + 1 : side < c->n ? c->at[side] : INT64_MAX;
    *from = mdn_birthday(birth, lo);
    *until = hi > 9999 ? INT32_MAX : mdn_birthday(birth, hi);
}

/* The profile under p of `person` (checked) aged `age` (-1 unknown) with `ledger` (checked);
 * false when the policy has no settlement sections, or rows that read the birth date itself
 * (born_from, born_before, directly or through a person group): persons of one profile could
 * then match different rows, and the batch makes their plans claim by claim. The person's other
 * fields of version 2 are part of the profile as they are when a row of the policy reads them
 * (the retirement date, months and cohorts as given: exact, if finer than the rows tell
 * apart), and 0 when none does. */
static inline bool mdn_profile_of(mdn_profile *out, const medins_policy *p,
                                  const medins_person *person, int age,
                                  const medins_ledger *ledger)
{
    const struct mdn_benefits *bs = p->benefits;
    if (!bs || (p->person_needs & MDN_NEED_BIRTH))
        return false;
    /* Selectors test age >= bound, thrifty years >= bound and last year's costs <= bound;
     * an unknown age or cost (-1) matches no bounded row and gets a class of its own. */
    *out = (mdn_profile){
        .policy = p,
        .scheme = person->scheme,
        .category = person->category,
        .tier = person->tier,
        .groups = person->groups,
        .age = age < 0 ? -1 : mdn_side_of(&bs->age, age, false),
        .thrift = mdn_side_of(&bs->thrift, ledger->thrifty_years, false),
        .prior = ledger->prior_known ? mdn_side_of(&bs->prior, ledger->prior_outpatient_costs, true)
                                     : -1,
        .retired = p->person_needs & MDN_NEED_RETIRE ? person->retirement_date : 0,
        .months = p->person_needs & MDN_NEED_CONTRIB ? person->contribution_months : 0,
        .sex = p->person_needs & MDN_NEED_SEX ? (int32_t)person->sex : 0,
        .cohorts = p->person_needs & MDN_NEED_COHORTS ? person->cohorts : 0,
    };
    return true;
}

/* Without a branch, for the batch (bench/README.md, "Why the code looks as it does"). */
static inline bool mdn_profile_equal(const mdn_profile *a, const mdn_profile *b)
{
    return (a->policy == b->policy) & (a->scheme == b->scheme) & (a->category == b->category) &
           (a->tier == b->tier) & (a->groups == b->groups) & (a->age == b->age) &
           (a->thrift == b->thrift) & (a->prior == b->prior) & (a->retired == b->retired) &
           (a->months == b->months) & (a->sex == b->sex) & (a->cohorts == b->cohorts);
}

/* No maximum: larger than anything a year can pay. */
#define MDN_NO_CAP INT64_MAX

/* The deductible of a layer that pays nothing: above any year's burden (below 2^47 with each
 * claim's checked amounts), with room to add a claim to it. */
#define MDN_NO_GATE ((int64_t)1 << 62)

/*
 * A ratio row's segments as one plan pays them: each segment's ratio with the adjustments
 * added and clamped, and its upper bound (MDN_NO_CAP for the open-ended last one; a segment
 * starts where the one before ends, the first at 0). n is 0 when the row has more than
 * MDN_PLAN_SEGS segments: the arithmetic then reads the row.
 */
#define MDN_PLAN_SEGS 4
typedef struct mdn_seg_plan {
    int n;
    medins_bp ratio[MDN_PLAN_SEGS];
    medins_fen to[MDN_PLAN_SEGS];
} mdn_seg_plan;

/* A flag as a mask: all ones when c holds, else 0. */
#define MDN_MASK(c) (-(medins_fen)!!(c))

/* A layer's rows for one selector context (mdn_plan). */
typedef struct mdn_layer_plan {
    medins_fen applies;                     /* mask (MDN_MASK): present, and applies to the
                                             * claim's kind */
    const mdn_amount_row *drow, *crow;      /* deductible, annual maximum; NULL: none */
    const mdn_ratio_row *rrow;              /* NULL: the layer pays nothing */
    medins_fen ded, cap;                    /* drow's amount or 0, crow's or MDN_NO_CAP */
    medins_fen gate;                        /* ded when the layer pays (it applies and has
                                             * a row), else MDN_NO_GATE */
    medins_bp adj;                          /* the matching adjustments, summed */
    mdn_seg_plan segs;                      /* rrow's segments with adj */
} mdn_layer_plan;

/* Why a plan cannot settle: the errors of the settlement, in its order. MDN_PLAN_AGE: a
 * person's field is unknown (the birth date, for the age; the retirement date...) and a row the
 * claim reads selects on it, and would match or not by it (the ratio row first, so that no row
 * found for want of a field says so); mdn_plan.missing names the field. */
enum { MDN_PLAN_OK, MDN_PLAN_SCHEME, MDN_PLAN_SECTION, MDN_PLAN_AGE, MDN_PLAN_RATIO };

/* Which table of a plan needed the age (mdn_plan.age_rule): the section's (0), a layer's
 * (1 major disease, 2 assistance) or the section's supplementary fund's (3) times 16, plus its
 * MDN_RULE_* (the fund's start as MDN_RULE_DEDUCTIBLE). */
#define MDN_AGE_RULE(layer, rule) ((layer) * 16 + (rule))

/*
 * Every row and flag a settlement reads from the policy for one selector context: the person's
 * side (a profile) and the claim's kind, level, admission order and family-doctor flag (a
 * claim key of the row indexes). The arithmetic then reads amounts from the ledger and the
 * claim only. A single claim makes its plan each time; the batch keeps them per profile and
 * claim key.
 */
typedef struct mdn_plan {
    int status;                             /* MDN_PLAN_*: the rest is set only when OK */
    int age_rule;                           /* MDN_PLAN_AGE: the table (MDN_AGE_RULE), and the
                                             * field in `missing` (last: the arithmetic never
                                             * reads it) */
    const mdn_benefit *sec;                 /* set from MDN_PLAN_RATIO on */
    const mdn_ratio_row *rrow;
    const mdn_amount_row *drow, *trow, *crow;   /* deductible, thrift reduction, maximum */
    /* The same, flat, for the arithmetic: no pointer to follow and no row to test for. The
     * flags are masks (MDN_MASK), applied with one AND (bench/README.md). */
    int pool;                               /* medins_pool of the section */
    int inpatient;                          /* 1 for an inpatient claim (an admission), else 0 */
    medins_fen outpatient;                  /* the claim's kind counts as outpatient costs
                                             * (outpatient visits and pharmacy purchases) */
    medins_fen annual;                      /* the deductible is the pool's, once a year */
    medins_fen carry;                       /* the maximum is inpatient's and carries over */
    medins_fen account;                     /* the individual account pays */
    medins_fen account_b;                   /* ... the category-B first self-pay too */
    medins_fen ded;                         /* drow's amount less the thrift reduction, or 0 */
    medins_fen cap;                         /* crow's amount, or MDN_NO_CAP */
    medins_bp adj;                          /* the section's matching adjustments, summed */
    mdn_seg_plan segs;                      /* rrow's segments with adj */
    mdn_layer_plan layer[2];                /* major_disease, assistance */
    /* The stages few policies write, last: only their policies read them (the batch's usual
     * copies of the settlement read up to here). The segments' bounds on another basis: */
    medins_fen seg_cost;                    /* the segments' bounds include the deductibles
                                             * (segment_basis: cost) */
    int seg_fund;                           /* ... are on the fund's payment (fund) */
    /* The section's supplementary fund. */
    int supp;                               /* it has a ratio row for the person */
    const mdn_amount_row *supp_srow, *supp_crow;    /* start, maximum; NULL: none */
    const mdn_ratio_row *supp_rrow;
    medins_fen supp_cap;                    /* supp_crow's amount, or MDN_NO_CAP */
    /* The section's maximum a claim, ceiling on the year's deductibles, maximum a day and
     * maximum per bed-day (rows or NULL). */
    const mdn_amount_row *vrow, *dcrow, *yrow, *brow;
    int account_first;                      /* mdn_account_first, for employees */
    uint32_t missing;                       /* MDN_PLAN_AGE: the field (mdn_field_decides) */
} mdn_plan;

/* The plan of selector context `ctx` (tier, age, history, kind, level... all set) under p. */
void mdn_plan_make(mdn_plan *plan, const medins_policy *p, const mdn_ctx *ctx);
/* The same for a query whose keys are set (mdn_query_keys). */
void mdn_plan_of(mdn_plan *plan, const medins_policy *p, const mdn_query *q);

/*
 * Which of the person's fields unknown in ctx (MDN_NEED_* bits, MDN_NEED_AGE for the age)
 * decides a row of rows[0..upto) (`size` bytes each, each starting with its selector), or of an
 * amount table read up to the row `found` (NULL: every row): a row before it reads the field
 * (or a person group ruled by it) and matches ctx but for it. 0 when none does.
 */
uint32_t mdn_field_decides(const void *rows, size_t size, size_t upto, const mdn_ctx *ctx);
uint32_t mdn_amount_decides(const mdn_amount_table *t, const mdn_amount_row *found,
                            const mdn_ctx *ctx);

/* The rule id ("outpatient.deductible") of the table an MDN_PLAN_AGE plan under p names. */
const char *mdn_plan_age_rule(const mdn_plan *plan, const medins_policy *p);

/* MEDINS_ERR_PERSON: the person's field `why` (mdn_field_decides) is not given, and (for the
 * age, on `date`) it decides which row of `rule` (a rule id, "outpatient.deductible") applies. */
int mdn_field_missing(medins_error **err, uint32_t why, const char *rule, medins_date date);

#endif
