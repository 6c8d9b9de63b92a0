/*
 * The settlement sections of a policy (benefit.c binds them, settle.c and ledger.c compute with
 * them): the five benefit sections, one per claim kind, and the two layers above the basic fund.
 * See docs/policy-format.md, "Benefit sections" and "Layers above the basic fund".
 */
#ifndef MEDINS_BENEFIT_H
#define MEDINS_BENEFIT_H

#include "select.h"

typedef enum mdn_basis {
    MDN_BASIS_YEAR = 0,        /* one deductible a year for the pool */
    MDN_BASIS_VISIT = 1,       /* a deductible on each claim */
    MDN_BASIS_ADMISSION = 2    /* a deductible on each admission, rows chosen by admission order */
} mdn_basis;

/* Rule ids of a section's lines ("inpatient.deductible"), built at load in the policy's arena. */
enum mdn_rule {
    MDN_RULE_DEDUCTIBLE, MDN_RULE_THRIFT, MDN_RULE_RATIO, MDN_RULE_ADJUST, MDN_RULE_CAP,
    MDN_RULE_ACCOUNT, MDN_RULE_CARRY, MDN_RULE_COUNT
};

/* The indexes of a section's or layer's own tables (NULL: not indexed, scan the rows). */
typedef struct mdn_indexes {
    const mdn_index *deductible, *thrift_reduction, *ratio, *adjustments, *cap;
} mdn_indexes;

typedef struct mdn_benefit {
    bool present;
    const char *name;                  /* the section's key: "inpatient" */
    const mdn_node *node;              /* where it is written (for cross-section errors) */
    int pool[MEDINS_SCHEME_COUNT];     /* medins_pool, by the person's scheme */
    int basis;                         /* mdn_basis */
    bool has_deductible, has_cap;      /* the section writes its own table */
    mdn_amount_table deductible;
    mdn_amount_table thrift_reduction;
    mdn_ratio_table ratio;
    mdn_adjust_table adjustments;
    mdn_amount_table cap;
    bool carry_over, thrift, account;
    const mdn_val *carry_over_val, *thrift_val, *account_val;
    const char *rule[MDN_RULE_COUNT];
    /*
     * Resolved by mdn_benefits_finish: the tables actually used (this section's own, else its
     * pool owner's; NULL when neither has one) and the section they belong to, for rule ids.
     */
    const mdn_amount_table *ded_table, *thrift_table, *cap_table;
    const struct mdn_benefit *ded_owner, *cap_owner;
    mdn_indexes ix;                    /* of this section's own tables */
} mdn_benefit;

/* major_disease and assistance: both work on the patient's burden left by the layers below. */
typedef struct mdn_layer {
    bool present;
    const char *name;
    uint32_t applies_to;               /* 1u << medins_claim_kind */
    mdn_amount reference_income;
    mdn_amount_table deductible;
    mdn_ratio_table ratio;
    mdn_adjust_table adjustments;
    mdn_amount_table cap;
    const char *rule[MDN_RULE_COUNT];
    mdn_indexes ix;                    /* thrift_reduction unused */
} mdn_layer;

/*
 * The bounds that the settlement tables' age, thrifty-years and last-year's-costs selectors
 * compare against, collected at load (mdn_benefits_finish). Two persons on the same side of
 * every bound match the same rows, so the batch shares plans between them (mdn_profile).
 * `at` is ascending; `n` is -1 when there are more than MDN_CUTS: the exact values are
 * compared instead.
 */
#define MDN_CUTS 16
typedef struct mdn_cuts {
    int n;
    int64_t at[MDN_CUTS];
} mdn_cuts;

struct mdn_benefits {
    mdn_benefit sec[MEDINS_CLAIM_KIND_COUNT];   /* indexed by the claim kind they settle */
    mdn_layer major, assistance;
    mdn_cuts age, thrift, prior;
};

/* The section that settles claims of `kind`, or NULL when the policy lacks it. Inline: the
 * settlement asks twice a claim. */
static inline const mdn_benefit *mdn_benefit_for(const medins_policy *p, medins_claim_kind kind)
{
    if (!p || !p->benefits || (unsigned)kind >= MEDINS_CLAIM_KIND_COUNT)
        return NULL;
    const mdn_benefit *s = &p->benefits->sec[kind];
    return s->present ? s : NULL;
}

/* The OR of the ledger's amounts as unsigned: 2^63 or more when one is negative, else at least
 * the largest. */
static inline uint64_t mdn_ledger_amounts(const medins_ledger *l)
{
    return (uint64_t)(l->outpatient_costs | l->deductible[0] | l->deductible[1] |
                      l->deductible[2] | l->position[0] | l->position[1] | l->position[2] |
                      l->fund[0] | l->fund[1] | l->fund[2] | l->major_base | l->major_fund |
                      l->assist_base | l->assist_fund | l->account_balance | l->account_paid |
                      l->carry_over | l->prior_outpatient_costs);
}
_Static_assert(MEDINS_POOL_COUNT == 3, "mdn_ledger_amounts reads three pools");

/*
 * True when medins_ledger_check surely passes the ledger: its tests as one expression without a
 * branch, for the batch, which checks the ledger of each person it meets (their fields vary,
 * and the full check's branches on them would be mispredicted). False means only "check it in
 * full": amounts of 2^46 fen and more (the limit is 10^14) are left to the full check.
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
    return (year - 1900u < 300u) & (amounts < (uint64_t)1 << 46) & dated &
           ((l->admissions | l->thrifty_years | l->prior_known | (int32_t)l->seq) >= 0) &
           ((uint32_t)l->admissions <= l->seq) & ((uint32_t)l->prior_known <= 1) &
           ((uint32_t)l->thrifty_years <= year - (uint32_t)MDN_YEAR_FIRST) &
           ((l->prior_known != 0) | (l->prior_outpatient_costs == 0));
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
 * false when the policy has no settlement sections. */
static inline bool mdn_profile_of(mdn_profile *out, const medins_policy *p,
                                  const medins_person *person, int age,
                                  const medins_ledger *ledger)
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
        .age = age < 0 ? -1 : mdn_side_of(&bs->age, age, false),
        .thrift = mdn_side_of(&bs->thrift, ledger->thrifty_years, false),
        .prior = ledger->prior_known ? mdn_side_of(&bs->prior, ledger->prior_outpatient_costs, true)
                                     : -1,
    };
    return true;
}

/* Without a branch: the batch compares profiles of persons that vary. */
static inline bool mdn_profile_equal(const mdn_profile *a, const mdn_profile *b)
{
    return (a->policy == b->policy) & (a->scheme == b->scheme) & (a->category == b->category) &
           (a->tier == b->tier) & (a->groups == b->groups) & (a->age == b->age) &
           (a->thrift == b->thrift) & (a->prior == b->prior);
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

/* Why a plan cannot settle: the errors of the settlement, in its order. MDN_PLAN_AGE: the age
 * is unknown (no birth date) and a row the claim reads has age bounds, which would match or
 * not by it (the ratio row first, so that no row found for want of an age says so). */
enum { MDN_PLAN_OK, MDN_PLAN_SCHEME, MDN_PLAN_SECTION, MDN_PLAN_AGE, MDN_PLAN_RATIO };

/* Which table of a plan needed the age (mdn_plan.age_rule): the section's (0) or a layer's
 * (1 major disease, 2 assistance) times 8, plus its MDN_RULE_*. */
#define MDN_AGE_RULE(layer, rule) ((layer) * 8 + (rule))

/*
 * Every row and flag a settlement reads from the policy for one selector context: the person's
 * side (a profile) and the claim's kind, level, admission order and family-doctor flag (a
 * claim key of the row indexes). The arithmetic then reads amounts from the ledger and the
 * claim only. A single claim makes its plan each time; the batch keeps them per profile and
 * claim key.
 */
typedef struct mdn_plan {
    int status;                             /* MDN_PLAN_*: the rest is set only when OK */
    int age_rule;                           /* MDN_PLAN_AGE: the table (MDN_AGE_RULE) */
    const mdn_benefit *sec;                 /* set from MDN_PLAN_RATIO on */
    const mdn_ratio_row *rrow;
    const mdn_amount_row *drow, *trow, *crow;   /* deductible, thrift reduction, maximum */
    /* The same, flat, for the arithmetic: no pointer to follow and no row to test for. The
     * flags are masks (MDN_MASK), applied with one AND: they vary claim by claim in a batch,
     * where a branch on them would be mispredicted. */
    int pool;                               /* medins_pool of the section */
    int inpatient;                          /* 1 for an inpatient claim (an admission), else 0 */
    medins_fen outpatient;                  /* the claim's kind counts as outpatient costs
                                             * (outpatient visits and pharmacy purchases) */
    medins_fen annual;                      /* the deductible is the pool's, once a year */
    medins_fen carry;                       /* the maximum is inpatient's and carries over */
    medins_fen account;                     /* the individual account pays */
    medins_fen ded;                         /* drow's amount less the thrift reduction, or 0 */
    medins_fen cap;                         /* crow's amount, or MDN_NO_CAP */
    medins_bp adj;                          /* the section's matching adjustments, summed */
    mdn_seg_plan segs;                      /* rrow's segments with adj */
    mdn_layer_plan layer[2];                /* major_disease, assistance */
} mdn_plan;

/* The plan of selector context `ctx` (tier, age, history, kind, level... all set) under p. */
void mdn_plan_make(mdn_plan *plan, const medins_policy *p, const mdn_ctx *ctx);

/*
 * Whether, with ctx's age unknown, the age decides a row of an amount table read up to the row
 * `found` (NULL: every row): a row before it has age bounds and matches ctx but for them.
 */
bool mdn_age_decides(const mdn_amount_table *t, const mdn_amount_row *found, const mdn_ctx *ctx);

/* The rule id ("outpatient.deductible") of the table an MDN_PLAN_AGE plan under p names. */
const char *mdn_plan_age_rule(const mdn_plan *plan, const medins_policy *p);

/* MEDINS_ERR_PERSON: no birth date, where the age on `date` decides which row of `rule` (a
 * rule id, "outpatient.deductible") applies. */
int mdn_age_missing(medins_error **err, const char *rule, medins_date date);

#endif
