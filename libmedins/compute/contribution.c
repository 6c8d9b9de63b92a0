/*
 * Contributions (residents and employees) and employees' individual accounts: the computations
 * with the `contributions:` and `accounts:` sections (policy/contribution.c binds them).
 *
 * A resident's financing:
 *   1. the chosen tier, for paying and for benefits, unless a `benefit_tier` row for the
 *      person's category says otherwise (pays at `pays`, or the chosen tier; receives
 *      `benefits`);
 *   2. then the first `groups` row the person matches raises both to at least `financed_at`,
 *      never lowers them; with state_pays_all the government pays the individual share of the
 *      financed tier, and a person who chose a higher tier pays only the rest of its share.
 * A group's extra points on ratios are the benefit sections' adjustments (rows selecting on
 * `groups`), added to the person's own. The contribution row is the first `tiers` row matching
 * the category and paying tier. Both the contribution and the settlement take the tiers from
 * mdn_resident_tiers (person.c), so that they agree.
 */
#include <string.h>

#include "contribution.h"
#include "figures.h"
#include "person.h"
#include "plan.h"
#include "result.h"

/* ---- Residents ---------------------------------------------------------------------------- */

/*
 * The first of n rows (each `size` bytes, starting with its selector) that ctx matches and
 * `also` accepts (NULL: every row), as its index in *found (n: none); MEDINS_ERR_PERSON when a
 * field of the person not given decides it (a row before it reads the field), named with
 * `rule`.
 */
static int first_row_of(size_t *found, const medins_policy *p, const void *rows, size_t size,
                        size_t n, const mdn_ctx *ctx,
                        bool (*also)(const void *row, const void *arg), const void *arg,
                        const char *rule, medins_error **err)
{
    size_t i = 0;
    for (; i < n; i++) {
        const void *row = (const char *)rows + i * size;
        if ((!also || also(row, arg)) && mdn_select_match(row, ctx))
            break;
    }
    const uint32_t why =
        (ctx->unknown & p->person_needs) ? mdn_field_decides(rows, size, i, ctx) : 0;
    *found = i;
    return why ? mdn_field_missing(err, why, rule, 0) : 0;
}

/* The first `tiers` row for the person's category at `tier` into *out, or NULL. */
static int tier_row_at(const mdn_tier_row **out, const medins_policy *p,
                       const medins_person *person, int tier, medins_error **err)
{
    const struct mdn_contributions *c = p->contributions;
    mdn_ctx ctx;
    size_t i;
    mdn_ctx_make(&ctx, p, person, tier, -1, &mdn_no_history, 0, 0, 0);
    int rc = first_row_of(&i, p, c->tiers, sizeof *c->tiers, c->ntiers, &ctx, NULL, NULL,
                          "contributions.resident.tiers", err);
    *out = i < c->ntiers ? &c->tiers[i] : NULL;
    return rc;
}

static int no_tier_row(const medins_person *person, int tier, medins_error **err)
{
    if (tier == MEDINS_TIER_NONE)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "a %s resident must choose a contribution tier",
                         medins_category_name(person->category));
    return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                     "no resident contribution row for a %s resident at the %s tier",
                     medins_category_name(person->category), medins_tier_name(tier));
}

/* What a resident's contribution rests on: the financing and the rows read. */
typedef struct resident_calc {
    mdn_resident_tiers plan;
    const mdn_tier_row *row;      /* the paying tier's row */
    const mdn_tier_row *frow;     /* the financed tier's row when the state pays, else NULL */
    medins_fen state;             /* the individual share the state pays */
} resident_calc;

static int resident_figures(resident_calc *out, medins_contribution_figures *f,
                            const medins_policy *p, const medins_person *person,
                            medins_error **err)
{
    const struct mdn_contributions *c = p->contributions;
    mdn_resident_tiers plan = mdn_resident_tiers_of(c, person);
    const mdn_tier_row *row, *frow = NULL;
    int rc = tier_row_at(&row, p, person, plan.paying, err);
    if (rc)
        return rc;
    if (!row)
        return no_tier_row(person, plan.paying, err);
    /* The state pays the financed tier's individual share, at most the paying tier's. */
    if (plan.state_pays && plan.financed == plan.paying)
        frow = row;
    else if (plan.state_pays && (rc = tier_row_at(&frow, p, person, plan.financed, err)))
        return rc;
    if (plan.state_pays && !frow)
        return no_tier_row(person, plan.financed, err);
    const medins_fen state = frow ? (frow->individual.v < row->individual.v ? frow->individual.v
                                                                           : row->individual.v)
                                  : 0;

    f->paying_tier = plan.paying;
    f->benefit_tier = plan.benefit;
    f->subsidy = row->subsidy.v;
    f->state_pays_all = frow != NULL;
    f->group = plan.group ? person->groups & plan.group->sel.groups : 0;
    f->individual = row->individual.v - state;
    f->government = row->subsidy.v + state;
    f->total = row->individual.v + row->subsidy.v;
    *out = (resident_calc){ .plan = plan, .row = row, .frow = frow, .state = state };
    return 0;
}

/* The steps of a resident's contribution, from its figures and what they rest on. */
static int resident_steps(medins_result *r, const medins_contribution_figures *f,
                          const resident_calc *calc, const medins_person *person)
{
    const mdn_resident_tiers plan = calc->plan;
    const mdn_tier_row *row = calc->row, *frow = calc->frow;
    const medins_fen state = calc->state;
    int rc = 0;
    if (plan.brow)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_BENEFIT_TIER,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "contributions.resident.benefit_tier",
                                               .arg = {person->category, plan.brow->pays,
                                                       plan.brow->benefits}},
                             NULL, NULL, NULL);
    if (rc == 0 && plan.group) {
        if (frow && frow != row)
            rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_GROUP_STATE_SHARE,
                                                   .part = MEDINS_PART_INFO,
                                                   .rule = "contributions.resident.groups",
                                                   .amount = state,
                                                   .arg = {f->group, plan.financed, plan.paying}},
                                 plan.group->state_val, NULL, NULL);
        else
            rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_GROUP_FINANCED,
                                                   .part = MEDINS_PART_INFO,
                                                   .rule = "contributions.resident.groups",
                                                   .amount = f->total,
                                                   .arg = {f->group, plan.paying, frow != NULL}},
                                 plan.group->state_val, NULL, NULL);
    }
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_RESIDENT_INDIVIDUAL,
                                               .part = MEDINS_PART_CONTRIBUTION,
                                               .rule = "contributions.resident.individual",
                                               .amount = row->individual.v,
                                               .arg = {plan.paying,
                                                       f->individual == 0 && state > 0}},
                             row->individual.val, NULL, NULL);
    if (rc == 0 && frow && frow != row)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_RESIDENT_STATE_PAID,
                                               .part = MEDINS_PART_CONTRIBUTION,
                                               .rule = "contributions.resident.individual",
                                               .amount = state, .arg = {plan.financed}},
                             frow->individual.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_RESIDENT_SUBSIDY,
                                               .part = MEDINS_PART_CONTRIBUTION,
                                               .rule = "contributions.resident.subsidy",
                                               .amount = row->subsidy.v, .arg = {plan.paying}},
                             row->subsidy.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_RESIDENT_TOTAL,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "contributions.resident.total",
                                               .amount = f->total,
                                               .arg = {f->individual, f->government}},
                             NULL, NULL, NULL);
    return rc;
}

/* ---- Employees ---------------------------------------------------------------------------- */

typedef struct employee_calc {
    const mdn_rate_row *row;
    medins_fen base, employer, individual;   /* monthly */
} employee_calc;

static int check_employee_input(const medins_employee_input *in, medins_error **err)
{
    if (!in)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "an employee needs wage input");
    if (!MDN_VERSION_KNOWN(in->version, MEDINS_EMPLOYEE_INPUT_VERSION))
        return mdn_version_error(err, "medins_employee_input", in->version,
                                 MEDINS_EMPLOYEE_INPUT_VERSION);
    if (in->monthly_wage < 0)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "the monthly wage is negative");
    if (in->monthly_wage > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "the monthly wage is too large");
    if ((unsigned)in->employer_type >= MEDINS_EMPLOYER_TYPE_COUNT)
        return mdn_error(err, MEDINS_ERR_INPUT, NULL, 0, 0, "unknown employer type %d",
                         (int)in->employer_type);
    return 0;
}

/* Whether rate row `row` is for the employer type of input `arg` (a row without one is for all). */
static bool of_employer(const void *row, const void *arg)
{
    const mdn_rate_row *r = row;
    const medins_employee_input *in = arg;
    return !r->employer_types || (r->employer_types & (1u << in->employer_type));
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
    mdn_ctx ctx;
    size_t i;
    mdn_ctx_make(&ctx, policy, person, MEDINS_TIER_NONE, -1, &mdn_no_history, 0, 0, 0);
    if ((rc = first_row_of(&i, policy, c->rates, sizeof *c->rates, c->nrates, &ctx, of_employer,
                           in, "contributions.employee.rates", err)))
        return rc;
    const mdn_rate_row *row = i < c->nrates ? &c->rates[i] : NULL;
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

static int employee_figures(employee_calc *calc, medins_contribution_figures *f,
                            const medins_policy *policy, const medins_person *person,
                            const medins_employee_input *in, medins_error **err)
{
    const struct mdn_contributions *c = policy->contributions;
    int rc = employee_compute(calc, policy, person, in, err);
    if (rc)
        return rc;
    f->wage_base = calc->base;
    f->employer_rate = calc->row->employer.v;
    f->individual_rate = calc->row->individual.v;
    f->monthly_employer = calc->employer;
    f->monthly_individual = calc->individual;
    f->fixed_yearly = c->fixed_yearly.val ? c->fixed_yearly.v : 0;
    f->employer = 12 * calc->employer;
    f->individual = 12 * calc->individual + f->fixed_yearly;
    f->total = f->employer + f->individual;
    return 0;
}

/* The steps of an employee's contribution, from its figures and the rate row. */
static int employee_steps(medins_result *r, const medins_contribution_figures *f,
                          const employee_calc *e, const struct mdn_contributions *c,
                          const medins_employee_input *in)
{
    const employee_calc calc = *e;
    int rc = 0;
    if (calc.base != in->monthly_wage) {
        const bool floor = in->monthly_wage < calc.base;
        const char *rule = floor ? "contributions.employee.wage_base.floor"
                                 : "contributions.employee.wage_base.ceiling";
        rc = mdn_result_step(r, &(medins_step){.kind = floor ? MEDINS_STEP_WAGE_FLOOR
                                                             : MEDINS_STEP_WAGE_CEILING,
                                               .part = MEDINS_PART_INFO, .rule = rule,
                                               .amount = calc.base, .base = in->monthly_wage},
                             floor ? c->floor.val : c->ceiling.val, NULL, NULL);
    }
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_EMPLOYER_SHARE,
                                               .part = MEDINS_PART_CONTRIBUTION,
                                               .rule = "contributions.employee.employer",
                                               .amount = calc.employer, .base = calc.base,
                                               .ratio = calc.row->employer.v,
                                               .arg = {in->employer_type}},
                             calc.row->employer.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_EMPLOYEE_SHARE,
                                               .part = MEDINS_PART_CONTRIBUTION,
                                               .rule = "contributions.employee.individual",
                                               .amount = calc.individual, .base = calc.base,
                                               .ratio = calc.row->individual.v},
                             calc.row->individual.val, NULL, NULL);
    if (rc == 0 && c->fixed_yearly.val)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_FIXED_YEARLY,
                                               .part = MEDINS_PART_CONTRIBUTION,
                                               .rule = "contributions.employee.fixed_yearly",
                                               .amount = f->fixed_yearly},
                             c->fixed_yearly.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_EMPLOYEE_TOTAL,
                                               .part = MEDINS_PART_INFO,
                                               .rule = "contributions.employee.total",
                                               .amount = f->total,
                                               .arg = {f->employer, f->individual}},
                             NULL, NULL, NULL);
    return rc;
}

/* ---- Public entry points -------------------------------------------------------------------- */

void medins_employee_input_init(medins_employee_input *input)
{
    if (input)
        *input = (medins_employee_input)MEDINS_EMPLOYEE_INPUT_INIT;
}

void medins_account_input_init(medins_account_input *input)
{
    if (input)
        *input = (medins_account_input)MEDINS_ACCOUNT_INPUT_INIT;
}

/* Common start of every computation: arguments, person, date, a new result. */
static int begin(medins_result **r, medins_result_kind kind, size_t size, const void *out,
                 const medins_policy *policy, const medins_person *person, medins_date date,
                 medins_error **err)
{
    if (!out || !policy || !person)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "a required argument is NULL");
    int rc = mdn_person_check(person, err);
    if (rc == 0)
        rc = mdn_cohorts_check(policy, person, err);
    if (rc == 0)
        rc = mdn_check_in_force(policy, date, err);
    if (rc)
        return rc;
    *r = mdn_result_new(kind, policy, size);
    return *r ? 0 : mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/* What a contribution's lines rest on, by scheme. */
typedef struct contribution_calc {
    resident_calc resident;
    employee_calc employee;
} contribution_calc;

/* The figures of the person's contribution (the person and date checked by the caller). */
static int contribution_figures(contribution_calc *calc, medins_contribution_figures *f,
                                const medins_policy *policy, const medins_person *person,
                                const medins_employee_input *employee, medins_error **err)
{
    const struct mdn_contributions *c = policy->contributions;
    f->scheme = person->scheme;
    if (person->scheme != MEDINS_SCHEME_RESIDENT)
        return employee_figures(&calc->employee, f, policy, person, employee, err);
    if (!c || !c->resident)
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no resident contribution section", policy->id);
    return resident_figures(&calc->resident, f, policy, person, err);
}

int mdn_contribution_figures(medins_contribution_figures *f, const medins_policy *policy,
                             const medins_person *person, const medins_employee_input *employee,
                             medins_error **err)
{
    contribution_calc calc;
    memset(f, 0, sizeof *f);
    return contribution_figures(&calc, f, policy, person, employee, err);
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
    contribution_calc calc;
    rc = contribution_figures(&calc, f, policy, person, employee, err);
    if (rc == 0) {
        rc = person->scheme == MEDINS_SCHEME_RESIDENT
                 ? resident_steps(r, f, &calc.resident, person)
                 : employee_steps(r, f, &calc.employee, policy->contributions, employee);
        if (rc)
            rc = mdn_error(err, rc, NULL, 0, 0, "out of memory");
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

    rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACCOUNT_FROM_INDIVIDUAL,
                                           .part = MEDINS_PART_BENEFIT,
                                           .rule = "accounts.individual_to_account",
                                           .amount = f->from_individual, .base = calc.individual,
                                           .ratio = a->individual_to_account.v},
                         a->individual_to_account.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACCOUNT_FROM_EMPLOYER,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "accounts.employer_to_account",
                                               .amount = f->from_employer, .base = calc.employer,
                                               .ratio = a->employer_to_account.v},
                             a->employer_to_account.val, NULL, NULL);
    if (rc == 0)
        rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACCOUNT_TO_POOL,
                                               .part = MEDINS_PART_INFO, .rule = "accounts.pool",
                                               .amount = f->monthly_to_pool},
                             NULL, NULL, NULL);
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
    int rc = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACCOUNT_RETIREE,
                                               .part = MEDINS_PART_BENEFIT,
                                               .rule = "accounts.retiree_credit",
                                               .amount = f->from_pool,
                                               .base = in->last_year_pension,
                                               .ratio = a->retiree_credit.v},
                             a->retiree_credit.val, NULL, NULL);
    return rc < 0 ? mdn_error(err, rc, NULL, 0, 0, "out of memory") : 0;
}

int medins_account(medins_result **out, const medins_policy *policy,
                   const medins_person *person, medins_date date,
                   const medins_account_input *input, medins_error **err)
{
    if (!input)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "a required argument is NULL");
    if (!MDN_VERSION_KNOWN(input->version, MEDINS_ACCOUNT_INPUT_VERSION))
        return mdn_version_error(err, "medins_account_input", input->version,
                                 MEDINS_ACCOUNT_INPUT_VERSION);
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

    int steps = 0;
    f->yearly_credit = 12 * f->monthly_credit;
    if (rc == 0 && a->card_share.val) {
        f->monthly_card = medins_money_apply(f->monthly_credit, a->card_share.v);
        f->yearly_card = 12 * f->monthly_card;
        steps = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACCOUNT_CARD,
                                                  .part = MEDINS_PART_INFO,
                                                  .rule = "accounts.card_share",
                                                  .amount = f->monthly_card,
                                                  .base = f->monthly_credit,
                                                  .ratio = a->card_share.v},
                                a->card_share.val, NULL, NULL);
    }
    if (rc == 0 && steps == 0 && a->withdraw_threshold.val) {
        f->may_withdraw = input->serious_illness && input->year_costs > a->withdraw_threshold.v;
        steps = mdn_result_step(r, &(medins_step){.kind = MEDINS_STEP_ACCOUNT_WITHDRAW,
                                                  .part = MEDINS_PART_INFO,
                                                  .rule = "accounts.withdraw_threshold",
                                                  .amount = input->year_costs,
                                                  .base = a->withdraw_threshold.v,
                                                  .arg = {f->may_withdraw,
                                                          input->serious_illness != 0}},
                                a->withdraw_threshold.val, NULL, NULL);
    }
    if (rc == 0 && steps)
        rc = mdn_error(err, steps, NULL, 0, 0, "out of memory");
    return mdn_result_finish(out, r, &f->assumed, rc);
}

const medins_account_figures *medins_result_account(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_ACCOUNT);
}
