/*
 * The settlement sections of a policy (benefit.c binds them, compute/plan.c reads them into
 * plans): the five benefit sections, one per claim kind, and the two layers above the basic fund.
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

/* Which account pays first, before the deductible (account_first). */
typedef enum mdn_account_first {
    MDN_ACCOUNT_FIRST_NONE = 0,
    MDN_ACCOUNT_FIRST_CURRENT = 1,     /* what is left of the year's credits */
    MDN_ACCOUNT_FIRST_ALL = 2          /* the whole balance, the carried-over part too */
} mdn_account_first;

/* What the bounds of a section's cost segments are written on (segment_basis). */
typedef enum mdn_seg_basis {
    MDN_SEG_ABOVE_DEDUCTIBLE = 0,  /* the pool's in-scope amount above its deductibles */
    MDN_SEG_COST = 1,              /* the pool's in-scope amount, deductibles included */
    MDN_SEG_FUND = 2               /* what the basic fund has paid from the pool this year */
} mdn_seg_basis;

/* Rule ids of a section's lines ("inpatient.deductible"), built at load in the policy's arena. */
enum mdn_rule {
    MDN_RULE_DEDUCTIBLE, MDN_RULE_THRIFT, MDN_RULE_RATIO, MDN_RULE_ADJUST, MDN_RULE_CAP,
    MDN_RULE_ACCOUNT, MDN_RULE_CARRY, MDN_RULE_VISIT_CAP, MDN_RULE_DEDUCTIBLE_CAP, MDN_RULE_DAY_CAP,
    MDN_RULE_BED_DAY_CAP, MDN_RULE_COUNT
};

/* The indexes of a section's or layer's own tables (NULL: not indexed, scan the rows). */
typedef struct mdn_indexes {
    const mdn_index *deductible, *thrift_reduction, *ratio, *adjustments, *cap;
    const mdn_index *visit_cap, *deductible_cap, *day_cap, *bed_day_cap; /* a section's only */
} mdn_indexes;

/*
 * A supplementary fund's stage in a section (supplementary:): a named fund that pays, at its
 * ratio, the cost above the point where the basic fund's payment this year reaches `start`
 * (no row: the basic fund's annual maximum), up to its own maximum.
 */
typedef struct mdn_supplementary {
    bool present;
    const char *fund;                  /* its name, a word */
    const char *fund_pay_type;         /* its code in the national interface: six digits */
    mdn_amount_table start;            /* the basic fund's payment this year it starts at */
    mdn_ratio_table ratio;             /* one ratio a row */
    mdn_amount_table cap;              /* its annual maximum in the pool */
    const char *rule_start, *rule_ratio, *rule_cap;
    mdn_indexes ix;                    /* deductible: start; thrift_reduction, adjustments unused */
} mdn_supplementary;

typedef struct mdn_benefit {
    bool present;
    const char *name;                  /* the section's key: "inpatient" */
    const mdn_node *node;              /* where it is written (for cross-section errors) */
    int pool[MEDINS_SCHEME_COUNT];     /* medins_pool, by the person's scheme */
    int basis;                         /* mdn_basis */
    int seg_basis;                     /* mdn_seg_basis */
    int account_first;                 /* mdn_account_first */
    bool has_deductible, has_cap;      /* the section writes its own table */
    mdn_amount_table deductible;
    mdn_amount_table thrift_reduction;
    mdn_ratio_table ratio;
    mdn_adjust_table adjustments;
    mdn_amount_table cap;
    mdn_amount_table visit_cap;        /* the most the fund pays for one claim */
    mdn_amount_table deductible_cap;   /* the most the year's deductibles come to in the pool */
    mdn_amount_table day_cap;          /* the most the fund pays on one day in the pool */
    mdn_amount_table bed_day_cap;      /* the most the fund pays for one claim per bed-day */
    bool carry_over, thrift, account;
    const mdn_val *carry_over_val, *thrift_val, *account_val;
    /* The account also pays the category-B first self-pay (account_category_b); only with
     * account. */
    bool account_category_b;
    const mdn_val *account_category_b_val;
    mdn_supplementary supp;
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
    /* A section writes a stage few policies write (segment_basis other than the default,
     * supplementary, visit_cap, deductible_cap, day_cap, bed_day_cap, account_first): the
     * batch settles with a copy that has them (compute/settle.c). */
    bool extra;
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

#endif
