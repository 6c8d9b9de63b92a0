/*
 * The `capitation:` section as bound (capitation.c): per-head rates by disease and level, and
 * how an underspend or an overrun is shared. See docs/policy-format.md, "Capitation".
 */
#ifndef MEDINS_POLICY_CAPITATION_H
#define MEDINS_POLICY_CAPITATION_H

#include "model.h"

typedef struct mdn_disease_row {
    mdn_select sel;             /* level */
    uint32_t diseases;          /* 1u << medins_disease */
    mdn_amount rate;
    int period;                 /* medins_capitation_period */
} mdn_disease_row;

struct mdn_capitation {
    size_t n;
    mdn_disease_row *rows;
    mdn_ratio surplus_kept;         /* val NULL: the institution keeps none of an underspend */
    mdn_ratio overrun_fund_share;   /* val NULL: the fund bears none of an overrun */
    bool assessment;
    const mdn_val *assessment_val;
};

#endif
