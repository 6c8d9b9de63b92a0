/*
 * Binding the `contributions:` and `accounts:` sections into the model of contribution.h.
 * compute/contribution.c computes with them, compute/person.c decides residents' tiers.
 */
#include "bind.h"
#include "contribution.h"

/* Policy words for tiers, in medins_tier order from MEDINS_TIER_LOW. */
static const char *const tier_words[] = {"low", "middle", "high", NULL};
/* A tier word, NONE when absent. */
static int bind_tier(mdn_binder *b, const mdn_node *row, const char *key, bool required, int *out)
{
    int idx = -1;
    int rc = mdn_bind_word(b, row, key, required, tier_words, &idx);
    *out = idx < 0 ? MEDINS_TIER_NONE : idx + 1;
    return rc;
}

/* Residents' tiers and employees' rates select on the person's fields and groups too. */
#define TIER_DIMS (MDN_DIM_CATEGORY | MDN_DIM_TIER | MDN_DIM_FIELDS | MDN_DIM_COHORTS)
#define RATE_DIMS (MDN_DIM_CATEGORY | MDN_DIM_FIELDS | MDN_DIM_COHORTS)

static int bind_tier_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "individual", "subsidy", NULL};
    mdn_tier_row *r = out;
    int rc = mdn_bind_keys(b, row, TIER_DIMS, keys);
    if (rc == 0)
        rc = mdn_bind_select(b, row, TIER_DIMS, &r->sel);
    if (rc == 0)
        rc = mdn_bind_amount(b, row, "individual", true, &r->individual);
    if (rc == 0)
        rc = mdn_bind_amount(b, row, "subsidy", true, &r->subsidy);
    return rc;
}

static int bind_benefit_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "pays", "benefits", NULL};
    mdn_benefit_tier_row *r = out;
    int rc = mdn_bind_keys(b, row, MDN_DIM_CATEGORY, keys);
    if (rc == 0)
        rc = mdn_bind_select(b, row, MDN_DIM_CATEGORY, &r->sel);
    if (rc == 0)
        rc = bind_tier(b, row, "pays", false, &r->pays);
    if (rc == 0)
        rc = bind_tier(b, row, "benefits", true, &r->benefits);
    return rc;
}

static int bind_group_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "within", "financed_at", "state_pays_all", NULL};
    mdn_group_row *r = out;
    int rc = mdn_bind_keys(b, row, MDN_DIM_GROUPS | MDN_DIM_CATEGORY, keys);
    /* A row without groups would put every resident in a special group. */
    if (rc == 0)
        rc = mdn_bind_require(b, row, "groups");
    if (rc == 0)
        rc = mdn_bind_select(b, row, MDN_DIM_GROUPS | MDN_DIM_CATEGORY, &r->sel);
    if (rc == 0)
        rc = mdn_bind_word_mask(b, row, "within", mdn_group_words, &r->within);
    if (rc == 0)
        rc = bind_tier(b, row, "financed_at", false, &r->financed_at);
    if (rc == 0)
        rc = mdn_bind_flag(b, row, "state_pays_all", &r->state_val, &r->state_pays_all);
    return rc;
}

static int bind_rate_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "employer_type", "employer", "individual", NULL};
    mdn_rate_row *r = out;
    int rc = mdn_bind_keys(b, row, RATE_DIMS, keys);
    if (rc == 0)
        rc = mdn_bind_select(b, row, RATE_DIMS, &r->sel);
    if (rc == 0)
        rc = mdn_bind_word_mask(b, row, "employer_type", mdn_employer_words, &r->employer_types);
    if (rc == 0)
        rc = mdn_bind_ratio(b, row, "employer", true, &r->employer);
    if (rc == 0)
        rc = mdn_bind_ratio(b, row, "individual", true, &r->individual);
    return rc;
}

static int bind_resident(mdn_binder *b, struct mdn_contributions *c, const mdn_node *node)
{
    static const char *const keys[] = {"tiers", "benefit_tier", "groups", NULL};
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_require(b, node, "tiers");
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "tiers", sizeof(mdn_tier_row), bind_tier_row,
                       (void **)&c->tiers, &c->ntiers);
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "benefit_tier", sizeof(mdn_benefit_tier_row), bind_benefit_row,
                       (void **)&c->benefit, &c->nbenefit);
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "groups", sizeof(mdn_group_row), bind_group_row,
                       (void **)&c->groups, &c->ngroups);
    return rc;
}

static int bind_employee(mdn_binder *b, struct mdn_contributions *c, const mdn_node *node)
{
    static const char *const keys[] = {"rates", "wage_base", "fixed_yearly", NULL};
    static const char *const base_keys[] = {"floor", "ceiling", NULL};
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_require(b, node, "rates");
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "rates", sizeof(mdn_rate_row), bind_rate_row,
                       (void **)&c->rates, &c->nrates);
    const mdn_node *base = mdn_map_get(node, "wage_base");
    if (rc == 0 && base) {
        mdn_path_push(b, "wage_base");
        rc = mdn_bind_keys(b, base, 0, base_keys);
        if (rc == 0)
            rc = mdn_bind_amount(b, base, "floor", false, &c->floor);
        if (rc == 0)
            rc = mdn_bind_amount(b, base, "ceiling", false, &c->ceiling);
        if (rc == 0 && c->floor.val && c->ceiling.val && c->floor.v > c->ceiling.v)
            rc = mdn_bind_error(b, base, MEDINS_ERR_RANGE,
                                "the floor is above the ceiling");
        mdn_path_pop(b);
    }
    if (rc == 0)
        rc = mdn_bind_amount(b, node, "fixed_yearly", false, &c->fixed_yearly);
    return rc;
}

int mdn_bind_contributions(mdn_binder *b, medins_section section, const mdn_node *node)
{
    static const char *const keys[] = {"resident", "employee", NULL};
    struct mdn_contributions *c = mdn_bind_alloc(b, sizeof *c);
    if (!c)
        return MEDINS_ERR_NOMEM;
    int rc = mdn_bind_keys(b, node, 0, keys);
    static const char *const parts[] = {"resident", "employee"};
    for (int i = 0; i < 2 && rc == 0; i++) {
        const mdn_node *sub = mdn_map_get(node, parts[i]);
        if (!sub || sub->type == MDN_NULL)
            continue;
        mdn_path_push(b, parts[i]);
        rc = i == 0 ? bind_resident(b, c, sub) : bind_employee(b, c, sub);
        mdn_path_pop(b);
        if (i == 0)
            c->resident = true;
        else
            c->employee = true;
    }
    if (rc == 0)
        b->policy->contributions = c;
    return rc;
}

int mdn_bind_accounts(mdn_binder *b, medins_section section, const mdn_node *node)
{
    static const char *const keys[] = {"individual_to_account", "employer_to_account",
                                       "retiree_credit", "card_share", "withdraw_threshold", NULL};
    struct mdn_accounts *a = mdn_bind_alloc(b, sizeof *a);
    if (!a)
        return MEDINS_ERR_NOMEM;
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "individual_to_account", false, &a->individual_to_account);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "employer_to_account", false, &a->employer_to_account);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "retiree_credit", false, &a->retiree_credit);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "card_share", false, &a->card_share);
    if (rc == 0)
        rc = mdn_bind_amount(b, node, "withdraw_threshold", false, &a->withdraw_threshold);
    if (rc == 0)
        b->policy->accounts = a;
    return rc;
}
