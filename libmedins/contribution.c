/*
 * Contributions (residents and employees) and employees' individual accounts: the
 * `contributions:` and `accounts:` sections, their binding and their computations.
 *
 * A resident's financing is decided in this order, first rule that applies:
 *   1. a `groups` row the person matches: financed at its tier (and by the state when
 *      state_pays_all), with that tier's benefits;
 *   2. a `benefit_tier` row for the person's category: pays at `pays` (or the chosen tier),
 *      receives `benefits`;
 *   3. the chosen tier, for both.
 * The contribution row is then the first `tiers` row matching the category and paying tier.
 * mdn_benefit_tier follows the same decision so that settlements and contributions agree.
 */
#include <string.h>

#include "benefit.h"
#include "result_internal.h"

/* Policy words for tiers, in medins_tier order from MEDINS_TIER_LOW. */
static const char *const tier_words[] = {"low", "middle", "high", NULL};
static const char *const employer_words[] = {"enterprise", "civil_service", "difficulty",
                                             "individual_business", NULL};
_Static_assert(MDN_WORD_COUNT(employer_words) == MEDINS_EMPLOYER_TYPE_COUNT,
               "one word per employer type");

typedef struct tier_row {
    mdn_select sel;
    mdn_amount individual, subsidy;
} tier_row;

typedef struct benefit_row {
    mdn_select sel;
    int pays;                   /* medins_tier, NONE when absent: the chosen tier */
    int benefits;               /* medins_tier */
} benefit_row;

typedef struct group_row {
    mdn_select sel;
    int financed_at;            /* medins_tier, NONE when absent: the chosen tier */
    bool state_pays_all;
    const mdn_val *state_val;   /* the cited flag, NULL when absent */
} group_row;

typedef struct rate_row {
    mdn_select sel;
    uint32_t employer_types;    /* 1u << medins_employer_type; 0 = any */
    mdn_ratio employer, individual;
} rate_row;

struct mdn_contributions {
    bool resident, employee;
    size_t ntiers, nbenefit, ngroups, nrates;
    tier_row *tiers;
    benefit_row *benefit;
    group_row *groups;
    rate_row *rates;
    mdn_amount floor, ceiling, fixed_yearly;
};

struct mdn_accounts {
    mdn_ratio individual_to_account, employer_to_account, retiree_credit, card_share;
    mdn_amount withdraw_threshold;
};

/* ---- Binding ---------------------------------------------------------------------------- */

/* A tier word, NONE when absent. */
static int bind_tier(mdn_binder *b, const mdn_node *row, const char *key, bool required, int *out)
{
    int idx = -1;
    int rc = mdn_bind_word(b, row, key, required, tier_words, &idx);
    *out = idx < 0 ? MEDINS_TIER_NONE : idx + 1;
    return rc;
}

static int bind_tier_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "individual", "subsidy", NULL};
    tier_row *r = out;
    int rc = mdn_bind_keys(b, row, MDN_DIM_CATEGORY | MDN_DIM_TIER, keys);
    if (rc == 0)
        rc = mdn_bind_select(b, row, MDN_DIM_CATEGORY | MDN_DIM_TIER, &r->sel);
    if (rc == 0)
        rc = mdn_bind_amount(b, row, "individual", true, &r->individual);
    if (rc == 0)
        rc = mdn_bind_amount(b, row, "subsidy", true, &r->subsidy);
    return rc;
}

static int bind_benefit_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "pays", "benefits", NULL};
    benefit_row *r = out;
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
    static const char *const keys[] = {"id", "financed_at", "state_pays_all", NULL};
    group_row *r = out;
    int rc = mdn_bind_keys(b, row, MDN_DIM_GROUPS | MDN_DIM_CATEGORY, keys);
    /* A row without groups would put every resident in a special group. */
    if (rc == 0)
        rc = mdn_bind_require(b, row, "groups");
    if (rc == 0)
        rc = mdn_bind_select(b, row, MDN_DIM_GROUPS | MDN_DIM_CATEGORY, &r->sel);
    if (rc == 0)
        rc = bind_tier(b, row, "financed_at", false, &r->financed_at);
    if (rc == 0)
        rc = mdn_bind_flag(b, row, "state_pays_all", &r->state_val, &r->state_pays_all);
    return rc;
}

static int bind_rate_row(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"id", "employer_type", "employer", "individual", NULL};
    rate_row *r = out;
    int rc = mdn_bind_keys(b, row, MDN_DIM_CATEGORY, keys);
    if (rc == 0)
        rc = mdn_bind_select(b, row, MDN_DIM_CATEGORY, &r->sel);
    if (rc == 0)
        rc = mdn_bind_word_mask(b, row, "employer_type", employer_words, &r->employer_types);
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
        rc = mdn_bind_rows(b, node, "tiers", sizeof(tier_row), bind_tier_row,
                       (void **)&c->tiers, &c->ntiers);
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "benefit_tier", sizeof(benefit_row), bind_benefit_row,
                       (void **)&c->benefit, &c->nbenefit);
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "groups", sizeof(group_row), bind_group_row,
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
        rc = mdn_bind_rows(b, node, "rates", sizeof(rate_row), bind_rate_row,
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

int mdn_bind_contributions(mdn_binder *b, const mdn_node *node)
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

int mdn_bind_accounts(mdn_binder *b, const mdn_node *node)
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

/* ---- Shared checks ---------------------------------------------------------------------- */

static mdn_ctx person_ctx(const medins_person *person, int tier)
{
    mdn_ctx ctx;
    mdn_ctx_init(&ctx, person, tier);
    return ctx;
}

/* ---- Residents ---------------------------------------------------------------------------- */

typedef struct resident_plan {
    const group_row *group;     /* the special group row, or NULL */
    const benefit_row *brow;    /* the benefit_tier row, or NULL */
    int paying, benefit;        /* medins_tier */
} resident_plan;

static resident_plan plan_resident(const struct mdn_contributions *c, const medins_person *person)
{
    resident_plan plan = {NULL, NULL, person->tier, person->tier};
    mdn_ctx ctx = person_ctx(person, person->tier);
    for (size_t i = 0; i < c->ngroups && !plan.group; i++)
        if (mdn_select_match(&c->groups[i].sel, &ctx))
            plan.group = &c->groups[i];
    if (plan.group) {
        if (plan.group->financed_at != MEDINS_TIER_NONE)
            plan.paying = plan.benefit = plan.group->financed_at;
        return plan;
    }
    for (size_t i = 0; i < c->nbenefit && !plan.brow; i++)
        if (mdn_select_match(&c->benefit[i].sel, &ctx))
            plan.brow = &c->benefit[i];
    if (plan.brow) {
        if (plan.brow->pays != MEDINS_TIER_NONE)
            plan.paying = plan.brow->pays;
        plan.benefit = plan.brow->benefits;
    }
    return plan;
}

int mdn_benefit_tier(const medins_policy *p, const medins_person *person)
{
    if (!person)
        return MEDINS_TIER_NONE;
    if (!p || !p->contributions || !p->contributions->resident
        || person->scheme != MEDINS_SCHEME_RESIDENT)
        return person->tier;
    return plan_resident(p->contributions, person).benefit;
}

/* The groups that decided, named by the lowest flag the person and the row share. */
static const char *group_name(uint32_t shared)
{
    return shared ? medins_group_name(shared & (~shared + 1u)) : "a special group";
}

static int resident_contribution(medins_result *r, medins_contribution_figures *f,
                                 const struct mdn_contributions *c, const medins_person *person,
                                 medins_error **err)
{
    resident_plan plan = plan_resident(c, person);
    mdn_ctx ctx = person_ctx(person, plan.paying);
    const tier_row *row = NULL;
    for (size_t i = 0; i < c->ntiers && !row; i++)
        if (mdn_select_match(&c->tiers[i].sel, &ctx))
            row = &c->tiers[i];
    if (!row) {
        if (plan.paying == MEDINS_TIER_NONE)
            return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                             "a %s resident must choose a contribution tier",
                             medins_category_name(person->category));
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "no resident contribution row for a %s resident at the %s tier",
                         medins_category_name(person->category), medins_tier_name(plan.paying));
    }

    f->paying_tier = plan.paying;
    f->benefit_tier = plan.benefit;
    f->subsidy = row->subsidy.v;
    f->state_pays_all = plan.group && plan.group->state_pays_all;
    f->group = plan.group ? person->groups & plan.group->sel.groups : 0;
    f->individual = f->state_pays_all ? 0 : row->individual.v;
    f->government = row->subsidy.v + (f->state_pays_all ? row->individual.v : 0);
    f->total = row->individual.v + row->subsidy.v;

    char a[24], b[24], t[24];
    const char *tier = plan.paying ? medins_tier_name(plan.paying) : "category's";
    int rc = 0;
    if (plan.group)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, f->total, 0, 0, "contributions.resident.groups",
                                 plan.group->state_val,
                                 "As %s, financed at the %s tier%s", group_name(f->group), tier,
                                 f->state_pays_all ? ", the government paying in full" : "");
    else if (plan.brow)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, 0, 0, 0, "contributions.resident.benefit_tier",
                                 NULL, "A %s resident pays at the %s tier and receives %s-tier benefits",
                                 medins_category_name(person->category), tier,
                                 medins_tier_name(plan.benefit));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_CONTRIBUTION, row->individual.v, 0, 0,
                                 "contributions.resident.individual", row->individual.val,
                                 f->state_pays_all
                                     ? "Individual contribution at the %s tier, %s yuan, paid by the government"
                                     : "Individual contribution at the %s tier: %s yuan",
                                 tier, mdn_yuan(a, row->individual.v));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_CONTRIBUTION, row->subsidy.v, 0, 0,
                                 "contributions.resident.subsidy", row->subsidy.val,
                                 "Government subsidy at the %s tier: %s yuan", tier,
                                 mdn_yuan(a, row->subsidy.v));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, f->total, 0, 0, "contributions.resident.total",
                                 NULL, "Total %s yuan: the person pays %s, the government %s",
                                 mdn_yuan(t, f->total), mdn_yuan(a, f->individual), mdn_yuan(b, f->government));
    return rc < 0 ? mdn_error(err, rc, NULL, 0, 0, "out of memory") : 0;
}

/* ---- Employees ---------------------------------------------------------------------------- */

typedef struct employee_calc {
    const rate_row *row;
    medins_fen base, employer, individual;   /* monthly */
} employee_calc;

static int check_employee_input(const medins_employee_input *in, medins_error **err)
{
    if (!in)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "an employee needs wage input");
    if (in->monthly_wage < 0)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "the monthly wage is negative");
    if (in->monthly_wage > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "the monthly wage is too large");
    if ((unsigned)in->employer_type >= MEDINS_EMPLOYER_TYPE_COUNT)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "unknown employer type %d",
                         (int)in->employer_type);
    return 0;
}

static int employee_compute(employee_calc *out, const medins_policy *policy,
                            const medins_person *person, const medins_employee_input *in,
                            medins_error **err)
{
    const struct mdn_contributions *c = policy->contributions;
    if (!c || !c->employee)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no employee contribution section", policy->id);
    int rc = check_employee_input(in, err);
    if (rc)
        return rc;
    mdn_ctx ctx = person_ctx(person, MEDINS_TIER_NONE);
    const rate_row *row = NULL;
    for (size_t i = 0; i < c->nrates && !row; i++) {
        const rate_row *r = &c->rates[i];
        if ((!r->employer_types || (r->employer_types & (1u << in->employer_type)))
            && mdn_select_match(&r->sel, &ctx))
            row = r;
    }
    if (!row)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "no employee contribution rate for employer type %s",
                         medins_employer_type_name(in->employer_type));
    medins_fen base = in->monthly_wage;
    if (c->floor.val && base < c->floor.v)
        base = c->floor.v;
    if (c->ceiling.val && base > c->ceiling.v)
        base = c->ceiling.v;
    out->row = row;
    out->base = base;
    out->employer = medins_money_apply(base, row->employer.v);
    out->individual = medins_money_apply(base, row->individual.v);
    return 0;
}

static int employee_contribution(medins_result *r, medins_contribution_figures *f,
                                 const medins_policy *policy, const medins_person *person,
                                 const medins_employee_input *in, medins_error **err)
{
    const struct mdn_contributions *c = policy->contributions;
    employee_calc calc;
    int rc = employee_compute(&calc, policy, person, in, err);
    if (rc)
        return rc;
    f->wage_base = calc.base;
    f->employer_rate = calc.row->employer.v;
    f->individual_rate = calc.row->individual.v;
    f->monthly_employer = calc.employer;
    f->monthly_individual = calc.individual;
    f->fixed_yearly = c->fixed_yearly.val ? c->fixed_yearly.v : 0;
    f->employer = 12 * calc.employer;
    f->individual = 12 * calc.individual + f->fixed_yearly;
    f->total = f->employer + f->individual;

    char a[24], b[24], p[24];
    if (calc.base != in->monthly_wage) {
        const mdn_amount *bound = in->monthly_wage < calc.base ? &c->floor : &c->ceiling;
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, calc.base, in->monthly_wage, 0,
                                 bound == &c->floor ? "contributions.employee.wage_base.floor"
                                                    : "contributions.employee.wage_base.ceiling",
                                 bound->val, "Monthly wage %s yuan %s to the base %s %s yuan",
                                 mdn_yuan(a, in->monthly_wage),
                                 bound == &c->floor ? "raised" : "lowered",
                                 bound == &c->floor ? "floor" : "ceiling", mdn_yuan(b, calc.base));
    }
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_CONTRIBUTION, calc.employer, calc.base,
                                 calc.row->employer.v, "contributions.employee.employer",
                                 calc.row->employer.val,
                                 "Employer (%s): %s of %s yuan = %s yuan a month",
                                 medins_employer_type_name(in->employer_type),
                                 mdn_percent(p, calc.row->employer.v), mdn_yuan(a, calc.base),
                                 mdn_yuan(b, calc.employer));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_CONTRIBUTION, calc.individual, calc.base,
                                 calc.row->individual.v, "contributions.employee.individual",
                                 calc.row->individual.val,
                                 "Individual: %s of %s yuan = %s yuan a month",
                                 mdn_percent(p, calc.row->individual.v), mdn_yuan(a, calc.base),
                                 mdn_yuan(b, calc.individual));
    if (rc == 0 && c->fixed_yearly.val)
        rc = mdn_result_add_line(r, MEDINS_PART_CONTRIBUTION, f->fixed_yearly, 0, 0,
                                 "contributions.employee.fixed_yearly", c->fixed_yearly.val,
                                 "Individual's fixed yearly amount: %s yuan", mdn_yuan(a, f->fixed_yearly));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, f->total, 0, 0, "contributions.employee.total",
                                 NULL, "Yearly: employer %s yuan, individual %s yuan",
                                 mdn_yuan(a, f->employer), mdn_yuan(b, f->individual));
    return rc < 0 ? mdn_error(err, rc, NULL, 0, 0, "out of memory") : 0;
}

/* ---- Public entry points -------------------------------------------------------------------- */

void medins_employee_input_init(medins_employee_input *input)
{
    if (!input)
        return;
    memset(input, 0, sizeof *input);
    input->employer_type = MEDINS_EMPLOYER_ENTERPRISE;
}

void medins_account_input_init(medins_account_input *input)
{
    if (!input)
        return;
    memset(input, 0, sizeof *input);
    medins_employee_input_init(&input->employee);
}

const char *medins_employer_type_name(medins_employer_type v)
{
    return mdn_word_name(employer_words, MDN_WORD_COUNT(employer_words), (int)v);
}

MDN_DEFINE_PARSE(medins_employer_type_parse, medins_employer_type, MEDINS_WORDS_EMPLOYER_TYPE)

/* Common start of every computation: arguments, person, date, a new result. */
static int begin(medins_result **r, medins_result_kind kind, size_t size, const void *out,
                 const medins_policy *policy, const medins_person *person, medins_date date,
                 medins_error **err)
{
    if (!out || !policy || !person)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "a required argument is NULL");
    int rc = mdn_person_check(person, err);
    if (rc == 0)
        rc = mdn_check_in_force(policy, date, err);
    if (rc)
        return rc;
    *r = mdn_result_new(kind, policy, size);
    return *r ? 0 : mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

int medins_contribution(medins_result **out, const medins_policy *policy,
                        const medins_person *person, medins_date date,
                        const medins_employee_input *employee, medins_error **err)
{
    medins_result *r = NULL;
    int rc = begin(&r, MEDINS_RESULT_CONTRIBUTION, sizeof(medins_contribution_figures), out,
                   policy, person, date, err);
    if (rc)
        return rc;
    medins_contribution_figures *f = mdn_result_data(r);
    f->scheme = person->scheme;
    const struct mdn_contributions *c = policy->contributions;
    if (person->scheme == MEDINS_SCHEME_RESIDENT) {
        if (!c || !c->resident)
            rc = mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                           "policy %s has no resident contribution section", policy->id);
        else
            rc = resident_contribution(r, f, c, person, err);
    } else {
        rc = employee_contribution(r, f, policy, person, employee, err);
    }
    return mdn_result_finish(out, r, &f->assumed, rc);
}

const medins_contribution_figures *medins_result_contribution(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_CONTRIBUTION);
}

/* ---- Individual accounts ------------------------------------------------------------------- */

static int account_in_service(medins_result *r, medins_account_figures *f,
                              const medins_policy *policy, const struct mdn_accounts *a,
                              const medins_person *person, const medins_employee_input *in,
                              medins_error **err)
{
    if (!a->individual_to_account.val && !a->employer_to_account.val)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s says nothing of the contributions credited to accounts",
                         policy->id);
    employee_calc calc;
    int rc = employee_compute(&calc, policy, person, in, err);
    if (rc)
        return rc;
    f->from_individual = medins_money_apply(calc.individual, a->individual_to_account.v);
    f->from_employer = medins_money_apply(calc.employer, a->employer_to_account.v);
    f->monthly_credit = f->from_individual + f->from_employer;
    f->monthly_to_pool = calc.individual + calc.employer - f->monthly_credit;

    char x[24], y[24], p[24];
    rc = mdn_result_add_line(r, MEDINS_PART_BENEFIT, f->from_individual, calc.individual,
                             a->individual_to_account.v, "accounts.individual_to_account",
                             a->individual_to_account.val,
                             "%s of the individual's %s yuan a month to the account: %s yuan",
                             mdn_percent(p, a->individual_to_account.v), mdn_yuan(x, calc.individual),
                             mdn_yuan(y, f->from_individual));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_BENEFIT, f->from_employer, calc.employer,
                                 a->employer_to_account.v, "accounts.employer_to_account",
                                 a->employer_to_account.val,
                                 "%s of the employer's %s yuan a month to the account: %s yuan",
                                 mdn_percent(p, a->employer_to_account.v), mdn_yuan(x, calc.employer),
                                 mdn_yuan(y, f->from_employer));
    if (rc == 0)
        rc = mdn_result_add_line(r, MEDINS_PART_INFO, f->monthly_to_pool, 0, 0, "accounts.pool",
                                 NULL, "To the pooled fund: %s yuan a month",
                                 mdn_yuan(x, f->monthly_to_pool));
    return rc < 0 ? mdn_error(err, rc, NULL, 0, 0, "out of memory") : 0;
}

static int account_retired(medins_result *r, medins_account_figures *f,
                           const medins_policy *policy, const struct mdn_accounts *a,
                           const medins_account_input *in, medins_error **err)
{
    if (!a->retiree_credit.val)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no retiree account credit", policy->id);
    f->from_pool = medins_money_apply(in->last_year_pension, a->retiree_credit.v);
    f->monthly_credit = f->from_pool;
    char x[24], y[24], p[24];
    int rc = mdn_result_add_line(r, MEDINS_PART_BENEFIT, f->from_pool, in->last_year_pension,
                                 a->retiree_credit.v, "accounts.retiree_credit", a->retiree_credit.val,
                                 "%s of last year's average monthly pension %s yuan, from the pooled fund: %s yuan a month",
                                 mdn_percent(p, a->retiree_credit.v), mdn_yuan(x, in->last_year_pension),
                                 mdn_yuan(y, f->from_pool));
    return rc < 0 ? mdn_error(err, rc, NULL, 0, 0, "out of memory") : 0;
}

int medins_account(medins_result **out, const medins_policy *policy,
                   const medins_person *person, medins_date date,
                   const medins_account_input *input, medins_error **err)
{
    if (!input)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "a required argument is NULL");
    if (input->last_year_pension < 0 || input->year_costs < 0)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "a negative pension or cost");
    if (input->last_year_pension > MEDINS_FEN_MAX || input->year_costs > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "an amount is too large");
    if (person && person->scheme == MEDINS_SCHEME_RESIDENT)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "residents have no individual account");
    if (policy && !policy->accounts)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no accounts section", policy->id);
    medins_result *r = NULL;
    int rc = begin(&r, MEDINS_RESULT_ACCOUNT, sizeof(medins_account_figures), out, policy, person,
                   date, err);
    if (rc)
        return rc;
    const struct mdn_accounts *a = policy->accounts;
    medins_account_figures *f = mdn_result_data(r);
    if (person->category == MEDINS_CATEGORY_RETIRED)
        rc = account_retired(r, f, policy, a, input, err);
    else
        rc = account_in_service(r, f, policy, a, person, &input->employee, err);

    char x[24], y[24], p[24];
    int lines = 0;
    f->yearly_credit = 12 * f->monthly_credit;
    if (rc == 0 && a->card_share.val) {
        f->monthly_card = medins_money_apply(f->monthly_credit, a->card_share.v);
        f->yearly_card = 12 * f->monthly_card;
        lines = mdn_result_add_line(r, MEDINS_PART_INFO, f->monthly_card, f->monthly_credit,
                                    a->card_share.v, "accounts.card_share", a->card_share.val,
                                    "%s of the monthly credit %s yuan goes to the social-security card: %s yuan",
                                    mdn_percent(p, a->card_share.v), mdn_yuan(x, f->monthly_credit),
                                    mdn_yuan(y, f->monthly_card));
    }
    if (rc == 0 && lines == 0 && a->withdraw_threshold.val) {
        f->may_withdraw = input->serious_illness && input->year_costs > a->withdraw_threshold.v;
        lines = mdn_result_add_line(r, MEDINS_PART_INFO, input->year_costs, a->withdraw_threshold.v,
                                    0, "accounts.withdraw_threshold", a->withdraw_threshold.val,
                                    "The balance %s be withdrawn: %s, year's costs %s yuan against %s yuan",
                                    f->may_withdraw ? "may" : "may not",
                                    input->serious_illness ? "serious illness" : "no serious illness",
                                    mdn_yuan(x, input->year_costs), mdn_yuan(y, a->withdraw_threshold.v));
    }
    if (rc == 0 && lines)
        rc = mdn_error(err, lines, NULL, 0, 0, "out of memory");
    return mdn_result_finish(out, r, &f->assumed, rc);
}

const medins_account_figures *medins_result_account(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_ACCOUNT);
}
