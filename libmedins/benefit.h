/*
 * The settlement sections of a policy (benefit.c binds them, settle.c and ledger.c compute with
 * them): the five benefit sections, one per claim kind, and the two layers above the basic fund.
 * See docs/policy-format.md, "Benefit sections" and "Layers above the basic fund".
 */
#ifndef MEDINS_BENEFIT_H
#define MEDINS_BENEFIT_H

#include "model.h"

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

typedef struct mdn_benefit {
    bool present;
    const char *name;                  /* the section's key: "inpatient" */
    const mdn_node *node;              /* where it is written (for cross-section errors) */
    int pool;                          /* medins_pool */
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
} mdn_layer;

struct mdn_benefits {
    mdn_benefit sec[MEDINS_CLAIM_KIND_COUNT];   /* indexed by the claim kind they settle */
    mdn_layer major, assistance;
};

/* The section that settles claims of `kind`, or NULL when the policy lacks it. */
const mdn_benefit *mdn_benefit_for(const medins_policy *p, medins_claim_kind kind);

/* ---- Shared by settle.c, ledger.c and batch.c (implemented in settle.c) ------------------ */

/* MEDINS_ERR_PERSON unless the person is consistent (category of its scheme, known tier, groups). */
int mdn_person_check(const medins_person *person, medins_error **err);

/*
 * The selector context of a claim of `kind` at `level` on `date` by `person`, with the history
 * that selectors read from `ledger` (admission order, thrifty years, last year's costs).
 */
void mdn_settle_context(mdn_ctx *ctx, const medins_policy *p, const medins_person *person,
                        const medins_ledger *ledger, int kind, int level, medins_date date,
                        int64_t institution);

/*
 * Settle one claim: the computation behind medins_settle and the batch. Writes the figures to
 * *s and the updated ledger to *next (both the caller's, written even on error: the caller
 * commits them only on success). `r` may be NULL (no lines, no assumed list: the batch); with
 * MEDINS_SETTLE_NO_LINES in flags it records assumed values but no lines. No heap allocation is
 * made when r is NULL.
 */
int mdn_settle_core(medins_settlement *s, medins_ledger *next, const medins_policy *p,
                    const medins_person *person, const medins_claim *claim,
                    const medins_ledger *ledger, medins_result *r, unsigned flags,
                    medins_error **err);

#endif
