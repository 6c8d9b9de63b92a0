/*
 * The `bills:` section as bound (bills.c): how the fee lines of an itemised bill are split, and
 * where each payer of a settlement goes in the platform's terms (the `funds` rows, then the
 * national defaults). See docs/policy-format.md, "Bills".
 */
#ifndef MEDINS_POLICY_BILLS_H
#define MEDINS_POLICY_BILLS_H

#include "model.h"

/* The payers of a settlement, in the order of its detail rows; their words are their parts'
 * names (medins_part_name). */
enum { MDN_PAYER_FUND, MDN_PAYER_SUPP, MDN_PAYER_MAJOR, MDN_PAYER_ASSIST, MDN_PAYER_ACCOUNT,
       MDN_PAYERS };
extern const medins_part mdn_payer_parts[MDN_PAYERS];

/* Where a payer goes: its `fund_pay_type` and name, and the setlinfo field it adds to. */
typedef struct mdn_fund_row {
    int payer;                 /* MDN_PAYER_* */
    uint32_t schemes;          /* 1u << medins_scheme; 0: any */
    const char *code, *name;   /* fund_pay_type, fund_pay_type_name */
    const char *field;         /* a medins_setlinfo field ("hifp_pay") */
} mdn_fund_row;

/* A person of the platform's insutype and psn_type (codes of digits; insutype NULL: any). */
typedef struct mdn_psn_row {
    const char *insutype, *psn_type;
    medins_scheme scheme;
    medins_category category;
} mdn_psn_row;

/* A claim of the platform's med_type. */
typedef struct mdn_med_row {
    const char *med_type;
    medins_claim_kind kind;
} mdn_med_row;

struct mdn_bills {
    mdn_ratio selfpay_prop;    /* category-B lines without their own proportion; val NULL: none */
    mdn_fund_row *funds;       /* the policy's rows, read before the defaults (each table) */
    size_t nfunds;
    mdn_psn_row *psn_types;
    size_t npsn_types;
    mdn_med_row *med_types;
    size_t nmed_types;
};

struct mdn_supplementary;

/* The row for `payer` of a person of `scheme` into *out: the policy's first match, else the
 * default's; false when neither has one. The supplementary fund (`supp` its section's stage,
 * for that payer only) goes by its own fund_pay_type: the policy's first row of that code,
 * else the national row of that code (its name and field), else its `fund` word as the name
 * and oth_pay; so it always has one. */
bool mdn_fund_of(mdn_fund_row *out, const medins_policy *p, int payer, medins_scheme scheme,
                 const struct mdn_supplementary *supp);

/* The row for a person of `insutype` and `psn_type` (`len` bytes each), or for a claim of
 * `med_type`: the policy's first match, else the default's; NULL when neither has one. */
const mdn_psn_row *mdn_psn_of(const medins_policy *p, const char *insutype, size_t ilen,
                              const char *psn_type, size_t plen);
const mdn_med_row *mdn_med_of(const medins_policy *p, const char *med_type, size_t len);

#endif
