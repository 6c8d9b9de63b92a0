/*
 * The loaded policy: the struct behind medins_policy, the value registry, and the model
 * primitives (cited amounts and ratios, row selectors, tables) every section is built from.
 *
 * Ownership: everything a policy holds lives in its arena and is released at once.
 * Section models are defined by the module that computes with them (benefit.h for the settlement
 * sections, contribution.c / maternity.c / capitation.c for the others); this header only
 * forward-declares them.
 */
#ifndef MEDINS_MODEL_H
#define MEDINS_MODEL_H

#include "private.h"
#include "tree.h"

/* A value as the policy holds it: the public record plus its formatted citation. */
typedef struct mdn_val {
    medins_value pub;          /* first member: a mdn_val* is a medins_value* */
    const char *citation;      /* "<title> (<number>), <at>" or "assumed: <reason>" */
} mdn_val;

typedef struct mdn_amount { medins_fen v; const mdn_val *val; } mdn_amount;   /* val NULL: absent */
typedef struct mdn_ratio  { medins_bp v;  const mdn_val *val; } mdn_ratio;
typedef struct mdn_count  { int32_t v;    const mdn_val *val; } mdn_count;

/* Selector dimensions a table accepts (bit flags for the table binders). */
enum {
    MDN_DIM_SCHEME = 1u << 0,
    MDN_DIM_CATEGORY = 1u << 1,
    MDN_DIM_TIER = 1u << 2,
    MDN_DIM_LEVEL = 1u << 3,
    MDN_DIM_GROUPS = 1u << 4,
    MDN_DIM_AGE = 1u << 5,              /* age_min, age_max */
    MDN_DIM_ADMISSION = 1u << 6,
    MDN_DIM_FAMILY_DOCTOR = 1u << 7,
    MDN_DIM_THRIFTY = 1u << 8,          /* thrifty_years */
    MDN_DIM_PRIOR_OUTPATIENT = 1u << 9, /* prior_outpatient_max */
    MDN_DIM_KIND = 1u << 10,
    MDN_DIM_PERSON = MDN_DIM_SCHEME | MDN_DIM_CATEGORY | MDN_DIM_TIER | MDN_DIM_GROUPS | MDN_DIM_AGE,
    MDN_DIM_ALL = 0x7FFu
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
    int8_t admission;          /* 0 any, 1 first, 2 later */
    int8_t family_doctor;      /* 0 any, 1 only at the contracted institution */
    mdn_count thrifty_years;   /* at least; v = -1 when absent */
    mdn_amount prior_outpatient_max; /* v = -1 when absent */
} mdn_select;

/* What a row is matched against. */
typedef struct mdn_ctx {
    int scheme, category, tier;  /* tier: the benefit tier */
    int level, kind;
    int age;                     /* -1 unknown: rows with age bounds do not match */
    uint32_t groups;
    int admission;               /* 1 first, 2 later, 0 not inpatient */
    int at_family_doctor;        /* 1 when the claim is at the contracted institution */
    int thrifty_years;
    medins_fen prior_outpatient; /* -1 when unknown */
} mdn_ctx;

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
typedef struct mdn_ratio_row { mdn_select sel; size_t n; mdn_segment *seg; } mdn_ratio_row;
typedef struct mdn_ratio_table { size_t n; mdn_ratio_row *rows; } mdn_ratio_table;

typedef struct mdn_adjust_row { mdn_select sel; mdn_ratio add; } mdn_adjust_row;
typedef struct mdn_adjust_table { size_t n; mdn_adjust_row *rows; } mdn_adjust_table;

struct mdn_benefits;       /* benefit.h: outpatient ... inpatient, major_disease, assistance */
struct mdn_contributions;  /* contribution.c */
struct mdn_accounts;       /* contribution.c */
struct mdn_maternity;      /* maternity.c */
struct mdn_capitation;     /* capitation.c */

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
    bool has[MEDINS_SECTION_COUNT];
    struct mdn_benefits *benefits;
    struct mdn_contributions *contributions;
    struct mdn_accounts *accounts;
    struct mdn_maternity *maternity;
    struct mdn_capitation *capitation;
};

/* Whether `date` is within the policy's dates (an open end when `to` is 0): one unsigned test
 * (a date before `from` wraps above the range), inline for the batch's test of each claim. */
static inline bool mdn_within_policy(const medins_policy *p, medins_date date)
{
    const uint32_t until = p->to ? (uint32_t)p->to : (uint32_t)INT32_MAX;
    return (uint32_t)date - (uint32_t)p->from <= until - (uint32_t)p->from;
}

/* ---- Matching (bind.c) ------------------------------------------------------------------ */

bool mdn_select_match(const mdn_select *sel, const mdn_ctx *ctx);
/* First matching row, or NULL. */
const mdn_amount_row *mdn_amount_find(const mdn_amount_table *t, const mdn_ctx *ctx);
const mdn_ratio_row *mdn_ratio_find(const mdn_ratio_table *t, const mdn_ctx *ctx);

/* ---- Binding (bind.c) ------------------------------------------------------------------- */

/* State while binding a merged tree into a policy. */
typedef struct mdn_binder {
    medins_policy *policy;
    medins_error **err;
    medins_error_list *errors; /* a load that goes on after an error (policy.h), or NULL */
    int failed;                /* the code of the first error gone past, or 0 */
    char path[512];            /* dotted path of the node being bound: "inpatient.ratio[2]" */
    size_t path_len;
    size_t marks[32];          /* path_len before each push still in effect (mdn_path_pop) */
    unsigned nmarks;
} mdn_binder;

void mdn_path_push(mdn_binder *b, const char *key);
void mdn_path_push_index(mdn_binder *b, size_t i);
void mdn_path_pop(mdn_binder *b);   /* undoes the last push */
void *mdn_bind_alloc(mdn_binder *b, size_t size);   /* arena memory; NULL after setting NOMEM */

/*
 * The status to go on with after a part of the binding ended with `rc`: 0 when rc is an error,
 * already reported, that the binding goes past (a load that collects its errors, with room for
 * more, and not out of memory; the load then fails at its end: b->failed), else rc. Called where
 * what follows does not depend on what failed: the next row of a table, key of a mapping,
 * source, or section.
 */
int mdn_bind_past(mdn_binder *b, int rc);

/* Error at a node (file:line:col from the node). Returns code. */
int mdn_bind_error(mdn_binder *b, const mdn_node *at, int code, const char *fmt, ...) MDN_PRINTF(4, 5);
#ifdef __clang_analyzer__
#  define mdn_bind_error(b, at, code, ...) (mdn_bind_error(b, at, code, __VA_ARGS__), (code))
#endif

/*
 * Check that `node` is a mapping whose keys are all in `allowed` (NULL-terminated) or are
 * selector keys of `dims`. MEDINS_ERR_TYPE when not a mapping, MEDINS_ERR_UNKNOWN_KEY at the key.
 */
int mdn_bind_keys(mdn_binder *b, const mdn_node *node, unsigned dims, const char *const *allowed);
/* Same, but for a mapping whose key `required` must be present (MEDINS_ERR_MISSING at the map). */
int mdn_bind_require(mdn_binder *b, const mdn_node *map, const char *key);

/*
 * Bind a cited value under map[key]. When the key is absent: required -> MEDINS_ERR_MISSING at the
 * map; otherwise out->val = NULL and 0. The value is registered in the policy's registry with path
 * "<current path>.<key>"; a value without citation is MEDINS_ERR_CITATION.
 */
int mdn_bind_amount(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_amount *out);
int mdn_bind_ratio(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_ratio *out);
/* A ratio that may exceed 100% or be negative (adjustments, "+5 points"): -100%..100%. */
int mdn_bind_points(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_ratio *out);
int mdn_bind_count(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_count *out);
/* A cited boolean (`carry_over: true`): *out false and *val NULL when absent. */
int mdn_bind_flag(mdn_binder *b, const mdn_node *map, const char *key, const mdn_val **val, bool *out);
/* An uncited word from `words` (NULL-terminated); *out = index. Absent and !required: *out unchanged, 0. */
int mdn_bind_word(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                  const char *const *words, int *out);
/* A word or a list of words -> bit mask (1u << index). Absent: *out unchanged, 0. */
int mdn_bind_word_mask(mdn_binder *b, const mdn_node *map, const char *key,
                       const char *const *words, uint32_t *out);

/* The selector keys of `dims` in a row. */
int mdn_bind_select(mdn_binder *b, const mdn_node *row, unsigned dims, mdn_select *out);

/*
 * Tables (sequences of rows). Each row: selectors of `dims`, "id", and
 *  - amount table: `amount:` (and `income_share:` when income is not NULL: amount = share x income)
 *  - ratio table:  `ratio:` or `segments:` (validated: start 0, contiguous, ascending, last open)
 *  - adjust table: `add:` (points)
 * plus the keys in `extra` (NULL-terminated, may be NULL), which the caller binds itself.
 * An absent node gives an empty table.
 */
int mdn_bind_amount_table(mdn_binder *b, const mdn_node *seq, unsigned dims, const char *const *extra,
                          const mdn_amount *income, mdn_amount_table *out);
int mdn_bind_ratio_table(mdn_binder *b, const mdn_node *seq, unsigned dims, const char *const *extra,
                         mdn_ratio_table *out);
int mdn_bind_adjust_table(mdn_binder *b, const mdn_node *seq, unsigned dims, const char *const *extra,
                          mdn_adjust_table *out);

/*
 * Bind map[key], a sequence of rows, into a new array of `size`-byte rows, each by `fn`.
 * Absent: no rows, *rows and *n untouched.
 */
typedef int (*mdn_row_binder)(mdn_binder *b, const mdn_node *row, void *out);
int mdn_bind_rows(mdn_binder *b, const mdn_node *map, const char *key, size_t size,
                  mdn_row_binder fn, void **rows, size_t *n);

/* ---- What the computations other than settlement share (person.c) ---------------------- */

/*
 * A computation has no claim and no history: the selector context leaves age and last year's
 * costs unknown, so rows bounded by them do not match. person may be NULL (an institution).
 */
void mdn_ctx_init(mdn_ctx *ctx, const medins_person *person, int tier);
/* MEDINS_ERR_DATE unless `date` is a valid day on which `policy` is in force. */
int mdn_check_in_force(const medins_policy *policy, medins_date date, medins_error **err);

/* ---- Section binders: implemented by the module that computes with the section ----------- */

/* outpatient, pharmacy, outpatient_pooling, special_disease, inpatient, major_disease, assistance */
int mdn_bind_benefit(mdn_binder *b, medins_section section, const mdn_node *node);   /* benefit.c */
/* Cross-section checks once all sections are bound (pool owners present...). */
int mdn_benefits_finish(mdn_binder *b);                                             /* benefit.c */
int mdn_bind_contributions(mdn_binder *b, const mdn_node *node);                    /* contribution.c */
int mdn_bind_accounts(mdn_binder *b, const mdn_node *node);                         /* contribution.c */
int mdn_bind_maternity(mdn_binder *b, const mdn_node *node);                        /* maternity.c */
int mdn_bind_capitation(mdn_binder *b, const mdn_node *node);                       /* capitation.c */

/* The tier whose benefits the person gets (C13: students pay low, get high). contribution.c */
int mdn_benefit_tier(const medins_policy *p, const medins_person *person);

#endif
