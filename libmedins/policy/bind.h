/*
 * The binder: what binding a merged tree into a policy's model is written with (bind.c), and
 * the binder of each section. Used by the policy stage only.
 */
#ifndef MEDINS_BIND_H
#define MEDINS_BIND_H

#include "model.h"

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
    MDN_DIM_ATTRIBUTES = 1u << 11,      /* attributes, without_attributes (claim_attributes) */
    MDN_DIM_FIELDS = 1u << 12,          /* born_from/_before, retired_from/_before,
                                         * contribution_years_min/_max, sex */
    MDN_DIM_COHORTS = 1u << 13,         /* cohorts, without_cohorts (person_groups) */
    MDN_DIM_PERSON = MDN_DIM_SCHEME | MDN_DIM_CATEGORY | MDN_DIM_TIER | MDN_DIM_GROUPS | MDN_DIM_AGE,
    MDN_DIM_ALL = 0x3FFFu
};

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
 * "<current path>.<key>"; a value without citation is MEDINS_ERR_CITATION. An amount is a
 * scalar, or `{share: P, of: NAME}`: P (0% to 1000%) of the policy's reference figure NAME
 * (`references:`, bound before the sections), rounded half-up to the fen.
 */
int mdn_bind_amount(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_amount *out);
/* The reference figure of that name, or NULL. */
const mdn_reference *mdn_policy_reference(const medins_policy *p, const char *name);
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

/* An uncited scalar's text under map[key] (borrowed from the tree, which the policy keeps).
 * Absent: MEDINS_ERR_MISSING at the map when required, else *out unchanged and 0. */
int mdn_bind_string(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                    const char **out);

/* The person's fields of a row (the keys of MDN_DIM_FIELDS) as a selector of them only: a
 * person group's rule (policy.c). */
int mdn_bind_person_fields(mdn_binder *b, const mdn_node *row, mdn_select *out);

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

/* ---- Section binders: one source file a section, named like the section's model ---------- */

/*
 * Binds `node`, the mapping of `section`, into b->policy (policy.c calls each from its table
 * of sections, with the section's key on the path).
 */
typedef int mdn_section_binder(mdn_binder *b, medins_section section, const mdn_node *node);

/* outpatient, pharmacy, outpatient_pooling, special_disease, inpatient, major_disease, assistance */
mdn_section_binder mdn_bind_benefit;                                                /* benefit.c */
/* Cross-section checks once all sections are bound (pool owners present...). */
int mdn_benefits_finish(mdn_binder *b);                                             /* benefit.c */
mdn_section_binder mdn_bind_contributions;                                          /* contribution.c */
mdn_section_binder mdn_bind_accounts;                                               /* contribution.c */
mdn_section_binder mdn_bind_maternity;                                              /* maternity.c */
mdn_section_binder mdn_bind_capitation;                                             /* capitation.c */
mdn_section_binder mdn_bind_bills;                                                  /* bills.c */

#endif
