/*
 * The loaded policy: the struct behind medins_policy, the value registry, and the model
 * primitives (cited amounts and ratios, row selectors, tables) every section is built from.
 *
 * Ownership: everything a policy holds lives in its arena and is released at once.
 * Each section's model has a header of its own (benefit.h for the settlement sections,
 * contribution.h, maternity.h, capitation.h), bound by the source file of the same name; this
 * header only forward-declares them. Selectors are matched by select.c (select.h), bound by
 * bind.c (bind.h).
 */
#ifndef MEDINS_MODEL_H
#define MEDINS_MODEL_H

#include "util.h"
#include "tree.h"

/* A value as the policy holds it: the public record plus its formatted citation. */
typedef struct mdn_val {
    medins_value pub;          /* first member: a mdn_val* is a medins_value* */
    const char *citation;      /* "<title> (<number>), <at>" or "assumed: <reason>" */
} mdn_val;

typedef struct mdn_amount { medins_fen v; const mdn_val *val; } mdn_amount;   /* val NULL: absent */
typedef struct mdn_ratio  { medins_bp v;  const mdn_val *val; } mdn_ratio;
typedef struct mdn_count  { int32_t v;    const mdn_val *val; } mdn_count;

/* A reference figure (`references:`): a cited, dated amount that other amounts of the policy
 * may be written as a share of (`{share: 10%, of: average_wage}`). */
typedef struct mdn_reference {
    const char *name;
    mdn_amount amount;
    medins_date date;          /* the date the figure is for */
} mdn_reference;

/* The person's fields a selector reads besides the age (mdn_select.needs): a row that reads one
 * the person does not have (mdn_ctx.unknown) matches only once it is given. */
enum {
    MDN_NEED_BIRTH = 1u << 0,       /* born_from, born_before: the birth date */
    MDN_NEED_RETIRE = 1u << 1,      /* retired_from, retired_before: the retirement date */
    MDN_NEED_CONTRIB = 1u << 2,     /* contribution_years_min, _max: the months of contribution */
    MDN_NEED_SEX = 1u << 3,         /* sex */
    MDN_NEED_COHORTS = 1u << 4,     /* the caller's cohorts (only ever unknown in a batch) */
    MDN_NEED_AGE = 1u << 5          /* age_min, age_max (only ever why a row is undecided) */
};

/* Whom a row applies to. A zero mask / negative bound means "any". */
typedef struct mdn_select {
    uint32_t schemes;          /* 1u << medins_scheme */
    uint32_t categories;       /* 1u << medins_category */
    uint32_t tiers;            /* 1u << medins_tier */
    uint32_t levels;           /* 1u << medins_level */
    uint32_t kinds;            /* 1u << medins_claim_kind */
    uint32_t groups;           /* medins_group flags: person must have at least one */
    mdn_count age_min;         /* inclusive; v = -1 when absent */
    mdn_count age_max;         /* exclusive; v = -1 when absent */
    int8_t admission;          /* 0 any, else bit n for the nth admission of the year (n = 1, 2;
                                * bit 3: the third and later) */
    int8_t family_doctor;      /* 0 any, 1 only at the contracted institution */
    mdn_count thrifty_years;   /* at least; v = -1 when absent */
    mdn_amount prior_outpatient_max; /* v = -1 when absent */
    uint32_t attrs_all;        /* `attributes`: the claim has every one (bits of the policy's) */
    uint32_t attrs_none;       /* `without_attributes`: the claim has none of them */
    /* The person's fields (person_groups' rules use these only): each read when its MDN_NEED_*
     * bit is in `needs`. Dates are from (inclusive) and before (exclusive), 0 when absent;
     * contribution years at least min and below max, -1 when absent. */
    uint32_t needs;
    mdn_count born_from, born_before, retired_from, retired_before;
    mdn_count contrib_min, contrib_max;
    uint32_t sexes;            /* 1u << medins_sex */
    uint32_t cohorts_all;      /* `cohorts`: the person is in every one (bits of the policy's) */
    uint32_t cohorts_none;     /* `without_cohorts`: in none of them */
} mdn_select;

typedef struct mdn_amount_row {
    mdn_select sel;
    mdn_amount amount;         /* the row's amount (for income_share rows: computed at load) */
    mdn_ratio share;           /* income_share rows: the share; val NULL otherwise */
} mdn_amount_row;
typedef struct mdn_amount_table { size_t n; mdn_amount_row *rows; } mdn_amount_table;

typedef struct mdn_segment {
    medins_fen from;
    medins_fen to;             /* -1: open-ended (the last segment) */
    const mdn_val *from_val, *to_val;
    mdn_ratio ratio;
} mdn_segment;
typedef struct mdn_ratio_row {
    mdn_select sel;
    size_t n;
    mdn_segment *seg;
    /* `retired_self_pay`: retirees pay this share of the row's self-pay share. Bound into a
     * row of its own for retirees, placed before this one (bind.c), whose ratios cite it. */
    mdn_ratio retired_self_pay;
} mdn_ratio_row;
typedef struct mdn_ratio_table { size_t n; mdn_ratio_row *rows; } mdn_ratio_table;

typedef struct mdn_adjust_row { mdn_select sel; mdn_ratio add; } mdn_adjust_row;
typedef struct mdn_adjust_table { size_t n; mdn_adjust_row *rows; } mdn_adjust_table;

struct mdn_benefits;       /* benefit.h: outpatient ... inpatient, major_disease, assistance */
struct mdn_contributions;  /* contribution.h */
struct mdn_accounts;       /* contribution.h */
struct mdn_maternity;      /* maternity.h */
struct mdn_capitation;     /* capitation.h */
struct mdn_bills;          /* bills.h */

struct medins_policy {
    mdn_arena arena;
    char *id, *region, *title;
    int is_reform;
    medins_date from, to;              /* to = 0: open-ended */
    uint32_t schemes;                  /* 1u << medins_scheme */
    medins_source *sources;            /* merged: this file's and its bases' */
    size_t nsources;
    mdn_val **values;                  /* registry, in binding order */
    size_t nvalues, values_cap;
    mdn_node *tree;                    /* the merged tree, kept for medins_policy_derive */
    const char *file;                  /* the file (or name) this policy was loaded from */
    const mdn_node *effective_node;    /* this file's own `effective:` (overlap errors), or NULL */
    int32_t year_start;                /* `year_start`: the benefit year's first day, MMDD (101) */
    const char **attrs;                /* `claim_attributes:`, NULL-terminated: bit i is attrs[i] */
    size_t nattrs;
    const char **cohorts;              /* `person_groups:`, NULL-terminated: bit i is cohorts[i] */
    size_t ncohorts;
    mdn_select *cohort_rules;          /* each group's rule (needs 0: the caller sets it) */
    uint32_t ruled_cohorts;            /* the groups with a rule */
    uint32_t person_needs;             /* every MDN_NEED_* a row of the policy reads, with
                                        * those of the ruled groups rows select on */
    /* The admission orders the selectors tell apart, after the first: 0 when no selector tells
     * the first from the later ones, 1 when none tells the second from the third (mdn_ctx's
     * admission above 1 + this selects the same rows), else 2. */
    int8_t admission_orders;
    mdn_reference *refs;               /* `references:`, in the order written */
    size_t nrefs;
    bool has[MEDINS_SECTION_COUNT];
    struct mdn_benefits *benefits;
    struct mdn_contributions *contributions;
    struct mdn_accounts *accounts;
    struct mdn_maternity *maternity;
    struct mdn_capitation *capitation;
    struct mdn_bills *bills;
};

/* Whether `date` is within the policy's dates (an open end when `to` is 0): one unsigned test
 * (a date before `from` wraps above the range), inline for the batch's test of each claim. */
static inline bool mdn_within_policy(const medins_policy *p, medins_date date)
{
    const uint32_t until = p->to ? (uint32_t)p->to : (uint32_t)INT32_MAX;
    return (uint32_t)date - (uint32_t)p->from <= until - (uint32_t)p->from;
}

/* The benefit year of `date` (valid): the calendar year in which the policy's year that holds
 * it starts. One subtraction and one comparison, which for a year from 1 January is never
 * true. */
static inline int32_t mdn_benefit_year(const medins_policy *p, medins_date date)
{
    return date / 10000 - (date % 10000 < p->year_start);
}

/* The last day of benefit year `year` (1900 to 2198, or 2199 for a year from 1 January). */
medins_date mdn_benefit_year_end(const medins_policy *p, int32_t year);

#endif
