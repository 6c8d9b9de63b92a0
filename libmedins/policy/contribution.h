/*
 * The `contributions:` and `accounts:` sections as bound (contribution.c): residents' tiers,
 * benefit tiers and special groups, employees' rates and wage base, and what accounts are
 * credited. See docs/policy-format.md, "Contributions" and "Accounts".
 */
#ifndef MEDINS_POLICY_CONTRIBUTION_H
#define MEDINS_POLICY_CONTRIBUTION_H

#include "model.h"

typedef struct mdn_tier_row {
    mdn_select sel;
    mdn_amount individual, subsidy;
} mdn_tier_row;

typedef struct mdn_benefit_tier_row {
    mdn_select sel;
    int pays;                   /* medins_tier, NONE when absent: the chosen tier */
    int benefits;               /* medins_tier */
} mdn_benefit_tier_row;

typedef struct mdn_group_row {
    mdn_select sel;
    uint32_t within;            /* medins_group flags the person must also have one of; 0: none */
    int financed_at;            /* medins_tier, NONE when absent: the tiers as they are */
    bool state_pays_all;
    const mdn_val *state_val;   /* the cited flag, NULL when absent */
} mdn_group_row;

typedef struct mdn_rate_row {
    mdn_select sel;
    uint32_t employer_types;    /* 1u << medins_employer_type; 0 = any */
    mdn_ratio employer, individual;
} mdn_rate_row;

struct mdn_contributions {
    bool resident, employee;
    size_t ntiers, nbenefit, ngroups, nrates;
    mdn_tier_row *tiers;
    mdn_benefit_tier_row *benefit;
    mdn_group_row *groups;
    mdn_rate_row *rates;
    mdn_amount floor, ceiling, fixed_yearly;
};

struct mdn_accounts {
    mdn_ratio individual_to_account, employer_to_account, retiree_credit, card_share;
    mdn_amount withdraw_threshold;
};

#endif
