/*
 * The `bills:` section as bound (bills.c): how the fee lines of an itemised bill are split.
 * See docs/policy-format.md, "Bills".
 */
#ifndef MEDINS_POLICY_BILLS_H
#define MEDINS_POLICY_BILLS_H

#include "model.h"

struct mdn_bills {
    mdn_ratio selfpay_prop;   /* category-B lines without their own proportion; val NULL: none */
};

#endif
