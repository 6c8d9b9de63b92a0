/*
 * The kinds of step a trace holds: each kind's word and its arguments, in the order the
 * computations write them (medins_step.arg) and by which the catalogue's messages name them
 * (explain/catalogue.c). docs/settlement.md, "The trace", lists them with their amounts.
 */
#include "steps.h"

typedef struct kind_def {
    const char *word;
    mdn_arg_def arg[MEDINS_STEP_ARGS];
} kind_def;

#define MONEY MEDINS_ARG_MONEY
#define COUNT MEDINS_ARG_COUNT
#define FLAG MEDINS_ARG_FLAG
#define TIER MEDINS_ARG_TIER

static const kind_def kinds[MEDINS_STEP_KIND_COUNT] = {
    [MEDINS_STEP_SELF_PAID] = {"self_paid", {{0}}},
    [MEDINS_STEP_CATEGORY_B] = {"category_b", {{0}}},
    [MEDINS_STEP_ADMISSION] = {"admission", {{"admission", COUNT}}},
    [MEDINS_STEP_THRIFT] = {"thrift", {{"deductible", MONEY}, {"reduction", MONEY},
                                       {"years", COUNT}}},
    [MEDINS_STEP_DEDUCTIBLE] = {"deductible", {{"deductible", MONEY}, {"before", MONEY}}},
    [MEDINS_STEP_DEDUCTIBLE_VISIT] = {"deductible_visit", {{"deductible", MONEY}}},
    [MEDINS_STEP_DEDUCTIBLE_ADMISSION] = {"deductible_admission", {{"deductible", MONEY}}},
    [MEDINS_STEP_ADJUSTMENT] = {"adjustment", {{0}}},
    [MEDINS_STEP_SEGMENT] = {"segment", {{"from", MONEY}, {"to", MONEY}, {"open", FLAG},
                                         {"cut", FLAG}, {"on_cost", FLAG}, {"on_fund", FLAG}}},
    [MEDINS_STEP_COINSURANCE] = {"coinsurance", {{0}}},
    [MEDINS_STEP_CAP] = {"cap", {{"before", MONEY}}},
    [MEDINS_STEP_CARRY_OVER] = {"carry_over", {{"maximum", MONEY}, {"before", MONEY}}},
    [MEDINS_STEP_OVER_CAP] = {"over_cap", {{"maximum", MONEY}, {"visit", FLAG},
                                           {"supplementary", FLAG}, {"day", FLAG},
                                           {"bed_day", FLAG}}},
    [MEDINS_STEP_MAJOR_DISEASE_NO_ROW] = {"major_disease_no_row", {{0}}},
    [MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE] = {"major_disease_deductible",
                                              {{"deductible", MONEY}, {"before", MONEY}}},
    [MEDINS_STEP_MAJOR_DISEASE] = {"major_disease", {{"from", MONEY}, {"to", MONEY},
                                                     {"open", FLAG}, {"cut", FLAG}}},
    [MEDINS_STEP_MAJOR_DISEASE_CAP] = {"major_disease_cap", {{"reached", FLAG}}},
    [MEDINS_STEP_ASSISTANCE_NO_ROW] = {"assistance_no_row", {{0}}},
    [MEDINS_STEP_ASSISTANCE_DEDUCTIBLE] = {"assistance_deductible", {{"deductible", MONEY},
                                                                     {"before", MONEY}}},
    [MEDINS_STEP_ASSISTANCE] = {"assistance", {{"from", MONEY}, {"to", MONEY}, {"open", FLAG},
                                               {"cut", FLAG}}},
    [MEDINS_STEP_ASSISTANCE_CAP] = {"assistance_cap", {{"reached", FLAG}}},
    [MEDINS_STEP_PATIENT] = {"patient", {{"self_paid", MONEY}, {"category_b", MONEY},
                                         {"deductible", MONEY}, {"coinsurance", MONEY},
                                         {"over_cap", MONEY}, {"major_disease", MONEY},
                                         {"assistance", MONEY}, {"supplementary", MONEY}}},
    [MEDINS_STEP_ACCOUNT] = {"account", {{"balance", MONEY}, {"category_b", FLAG}}},
    [MEDINS_STEP_BENEFIT_TIER] = {"benefit_tier", {{"category", MEDINS_ARG_CATEGORY},
                                                   {"pays", TIER}, {"benefits", TIER}}},
    [MEDINS_STEP_GROUP_STATE_SHARE] = {"group_state_share", {{"group", MEDINS_ARG_GROUPS},
                                                             {"financed", TIER}, {"tier", TIER}}},
    [MEDINS_STEP_GROUP_FINANCED] = {"group_financed", {{"group", MEDINS_ARG_GROUPS},
                                                       {"tier", TIER}, {"state_pays", FLAG}}},
    [MEDINS_STEP_RESIDENT_INDIVIDUAL] = {"resident_individual", {{"tier", TIER},
                                                                 {"state_paid", FLAG}}},
    [MEDINS_STEP_RESIDENT_STATE_PAID] = {"resident_state_paid", {{"financed", TIER}}},
    [MEDINS_STEP_RESIDENT_SUBSIDY] = {"resident_subsidy", {{"tier", TIER}}},
    [MEDINS_STEP_RESIDENT_TOTAL] = {"resident_total", {{"individual", MONEY},
                                                       {"government", MONEY}}},
    [MEDINS_STEP_WAGE_FLOOR] = {"wage_floor", {{0}}},
    [MEDINS_STEP_WAGE_CEILING] = {"wage_ceiling", {{0}}},
    [MEDINS_STEP_EMPLOYER_SHARE] = {"employer_share", {{"employer_type",
                                                        MEDINS_ARG_EMPLOYER_TYPE}}},
    [MEDINS_STEP_EMPLOYEE_SHARE] = {"employee_share", {{0}}},
    [MEDINS_STEP_FIXED_YEARLY] = {"fixed_yearly", {{0}}},
    [MEDINS_STEP_EMPLOYEE_TOTAL] = {"employee_total", {{"employer", MONEY},
                                                       {"individual", MONEY}}},
    [MEDINS_STEP_ACCOUNT_FROM_INDIVIDUAL] = {"account_from_individual", {{0}}},
    [MEDINS_STEP_ACCOUNT_FROM_EMPLOYER] = {"account_from_employer", {{0}}},
    [MEDINS_STEP_ACCOUNT_TO_POOL] = {"account_to_pool", {{0}}},
    [MEDINS_STEP_ACCOUNT_RETIREE] = {"account_retiree", {{0}}},
    [MEDINS_STEP_ACCOUNT_CARD] = {"account_card", {{0}}},
    [MEDINS_STEP_ACCOUNT_WITHDRAW] = {"account_withdraw", {{"may", FLAG}, {"serious", FLAG}}},
    [MEDINS_STEP_CHILD_ORDER] = {"child_order", {{"child", COUNT}, {"max", COUNT}}},
    [MEDINS_STEP_DELIVERY] = {"delivery", {{"delivery", MEDINS_ARG_DELIVERY},
                                           {"scheme", MEDINS_ARG_SCHEME}}},
    [MEDINS_STEP_PRENATAL] = {"prenatal", {{"weeks", COUNT}, {"limit", MONEY}}},
    [MEDINS_STEP_COMPLICATION] = {"complication", {{0}}},
    [MEDINS_STEP_NO_COMPLICATION] = {"no_complication", {{"scheme", MEDINS_ARG_SCHEME}}},
    [MEDINS_STEP_MATERNITY_TOTAL] = {"maternity_total", {{0}}},
    [MEDINS_STEP_ENROLMENT] = {"enrolment", {{"patient", MEDINS_ARG_ID},
                                             {"from", MEDINS_ARG_DATE}, {"to", MEDINS_ARG_DATE},
                                             {"days", COUNT}}},
    [MEDINS_STEP_BUDGET] = {"budget", {{"disease", MEDINS_ARG_DISEASE}, {"rate", MONEY},
                                       {"period", MEDINS_ARG_PERIOD}, {"patients", COUNT},
                                       {"days", COUNT}}},
    [MEDINS_STEP_ACTUAL_COSTS] = {"actual_costs", {{0}}},
    [MEDINS_STEP_SURPLUS] = {"surplus", {{0}}},
    [MEDINS_STEP_OVERRUN] = {"overrun", {{0}}},
    [MEDINS_STEP_ASSESSMENT] = {"assessment", {{0}}},
    [MEDINS_STEP_CAPITATION_PAYMENT] = {"capitation_payment", {{"institution",
                                                                MEDINS_ARG_ID}}},
    [MEDINS_STEP_SUPPLEMENTARY_START] = {"supplementary_start", {{"before", MONEY},
                                                                {"at_cap", FLAG}}},
    [MEDINS_STEP_SUPPLEMENTARY] = {"supplementary", {{"cut", FLAG}}},
    [MEDINS_STEP_SUPPLEMENTARY_CAP] = {"supplementary_cap", {{"reached", FLAG}}},
    [MEDINS_STEP_VISIT_CAP] = {"visit_cap", {{"reached", FLAG}}},
    [MEDINS_STEP_DEDUCTIBLE_CAP] = {"deductible_cap", {{"reached", FLAG}}},
    [MEDINS_STEP_ACCOUNT_FIRST] = {"account_first", {{"current", MONEY}, {"all", FLAG},
                                                     {"balance", MONEY}}},
    [MEDINS_STEP_OVER_CEILING] = {"over_ceiling", {{0}}},
    [MEDINS_STEP_DAY_CAP] = {"day_cap", {{"reached", FLAG}}},
    [MEDINS_STEP_BED_DAY_CAP] = {"bed_day_cap", {{"per_day", MONEY}, {"days", COUNT},
                                                 {"reached", FLAG}}},
};

static const kind_def *kind_of(medins_step_kind kind)
{
    return (unsigned)kind < MEDINS_STEP_KIND_COUNT ? &kinds[kind] : NULL;
}

const char *medins_step_kind_name(medins_step_kind kind)
{
    const kind_def *k = kind_of(kind);
    return k ? k->word : NULL;
}

const mdn_arg_def *mdn_step_args(medins_step_kind kind, size_t *n)
{
    const kind_def *k = kind_of(kind);
    *n = 0;
    while (k && *n < MEDINS_STEP_ARGS && k->arg[*n].name)
        ++*n;
    return k ? k->arg : NULL;
}

size_t medins_step_arg_count(medins_step_kind kind)
{
    size_t n;
    mdn_step_args(kind, &n);
    return n;
}

const char *medins_step_arg_name(medins_step_kind kind, size_t j)
{
    size_t n;
    const mdn_arg_def *args = mdn_step_args(kind, &n);
    return j < n ? args[j].name : NULL;
}

medins_arg_type medins_step_arg_type(medins_step_kind kind, size_t j)
{
    size_t n;
    const mdn_arg_def *args = mdn_step_args(kind, &n);
    return j < n ? args[j].type : MEDINS_ARG_NONE;
}
