/*
 * The `maternity:` section as bound (maternity.c): flat payments by delivery, prenatal limits
 * by weeks, complication ratios. See docs/policy-format.md, "Maternity".
 */
#ifndef MEDINS_POLICY_MATERNITY_H
#define MEDINS_POLICY_MATERNITY_H

#include "model.h"

/* Extra keys of the rows, beside their selectors and value. */
typedef struct mdn_delivery_extra { uint32_t deliveries; } mdn_delivery_extra;   /* 0: any */
typedef struct mdn_prenatal_extra { mdn_count weeks_max; } mdn_prenatal_extra;   /* val NULL: any */

struct mdn_maternity {
    mdn_amount_table delivery, prenatal;
    mdn_delivery_extra *delivery_x;
    mdn_prenatal_extra *prenatal_x;
    mdn_ratio_table complication;
    mdn_count max_child_order;             /* val NULL: every birth */
};

#endif
