/*
 * The public structs' layouts as data (medins/layout.h): each struct's fields, written once,
 * here (the ledger's in ledger.h, where its text form and its check read them too). The
 * bindings marshal the structs by these tables.
 */
#include <string.h>

#include "ledger.h"

/* A field of struct T: the tables' rows are X(T, member, name, type, kind); the type is
 * checked against the member's size. */
#define FIELD_OF(T, member, name, type, kind) \
    {name, offsetof(T, member), MEDINS_FIELD_##type, MEDINS_FIELD_##kind},
#define SIZE_CHECK(T, member, name, type, kind)                                 \
    _Static_assert(sizeof(((T *)0)->member) == (MEDINS_FIELD_##type == MEDINS_FIELD_INT64 ? 8 : 4), \
                   #T "." name ": its type is not " #type);

#define PERSON_FIELDS(X, T)                                                        \
    X(T, scheme, "scheme", INT32, ENUM)                                            \
    X(T, category, "category", INT32, ENUM)                                        \
    X(T, tier, "tier", INT32, ENUM)                                                \
    X(T, birth_date, "birth_date", INT32, DATE)                                    \
    X(T, groups, "groups", UINT32, FLAGS)                                          \
    X(T, family_doctor, "family_doctor", INT64, NUMBER)                            \
    X(T, retirement_date, "retirement_date", INT32, DATE)                          \
    X(T, contribution_months, "contribution_months", INT32, NUMBER)                \
    X(T, sex, "sex", INT32, ENUM)                                                  \
    X(T, cohorts, "cohorts", UINT32, NUMBER)

#define CLAIM_FIELDS(X, T)                                                         \
    X(T, id, "id", INT64, NUMBER)                                                  \
    X(T, date, "date", INT32, DATE)                                                \
    X(T, kind, "kind", INT32, ENUM)                                                \
    X(T, level, "level", INT32, ENUM)                                              \
    X(T, institution, "institution", INT64, NUMBER)                                \
    X(T, total, "total", INT64, MONEY)                                             \
    X(T, self_paid, "self_paid", INT64, MONEY)                                     \
    X(T, category_b, "category_b", INT64, MONEY)                                   \
    X(T, attributes, "attributes", UINT32, NUMBER)                                 \
    X(T, days, "days", UINT32, NUMBER)

#define SETTLEMENT_FIELDS(X, T)                                                    \
    X(T, claim_id, "claim_id", INT64, NUMBER)                                      \
    X(T, total, "total", INT64, MONEY)                                             \
    X(T, self_paid, "self_paid", INT64, MONEY)                                     \
    X(T, category_b, "category_b", INT64, MONEY)                                   \
    X(T, in_scope, "in_scope", INT64, MONEY)                                       \
    X(T, deductible, "deductible", INT64, MONEY)                                   \
    X(T, fund, "fund", INT64, MONEY)                                               \
    X(T, coinsurance, "coinsurance", INT64, MONEY)                                 \
    X(T, over_cap, "over_cap", INT64, MONEY)                                       \
    X(T, major_disease, "major_disease", INT64, MONEY)                             \
    X(T, assistance, "assistance", INT64, MONEY)                                   \
    X(T, patient, "patient", INT64, MONEY)                                         \
    X(T, account, "account", INT64, MONEY)                                         \
    X(T, cash, "cash", INT64, MONEY)                                               \
    X(T, ratio, "ratio", INT32, RATIO)                                             \
    X(T, admission, "admission", INT32, NUMBER)                                    \
    X(T, assumed, "assumed", INT32, BOOL)                                          \
    X(T, supplementary, "supplementary", INT64, MONEY)                             \
    X(T, account_first, "account_first", INT64, MONEY)

#define EMPLOYEE_INPUT_FIELDS(X, T)                                                \
    X(T, monthly_wage, "monthly_wage", INT64, MONEY)                               \
    X(T, employer_type, "employer_type", INT32, ENUM)

#define ACCOUNT_INPUT_FIELDS(X, T)                                                 \
    X(T, employee.monthly_wage, "monthly_wage", INT64, MONEY)                      \
    X(T, employee.employer_type, "employer_type", INT32, ENUM)                     \
    X(T, last_year_pension, "last_year_pension", INT64, MONEY)                     \
    X(T, year_costs, "year_costs", INT64, MONEY)                                   \
    X(T, serious_illness, "serious_illness", INT32, BOOL)

#define MATERNITY_INPUT_FIELDS(X, T)                                               \
    X(T, delivery, "delivery", INT32, ENUM)                                        \
    X(T, weeks, "weeks", INT32, NUMBER)                                            \
    X(T, child_order, "child_order", INT32, NUMBER)                                \
    X(T, prenatal_costs, "prenatal_costs", INT64, MONEY)                           \
    X(T, complication_costs, "complication_costs", INT64, MONEY)

#define CAPITATION_INPUT_FIELDS(X, T)                                              \
    X(T, institution, "institution", INT64, NUMBER)                                \
    X(T, level, "level", INT32, ENUM)                                              \
    X(T, disease, "disease", INT32, ENUM)                                          \
    X(T, from, "from", INT32, DATE)                                                \
    X(T, to, "to", INT32, DATE)                                                    \
    X(T, actual_costs, "actual_costs", INT64, MONEY)                               \
    X(T, assessment, "assessment", INT32, RATIO)

#define CONTRIBUTION_FIGURES_FIELDS(X, T)                                          \
    X(T, scheme, "scheme", INT32, ENUM)                                            \
    X(T, paying_tier, "paying_tier", INT32, ENUM)                                  \
    X(T, benefit_tier, "benefit_tier", INT32, ENUM)                                \
    X(T, group, "group", UINT32, FLAGS)                                            \
    X(T, state_pays_all, "state_pays_all", INT32, BOOL)                            \
    X(T, subsidy, "subsidy", INT64, MONEY)                                         \
    X(T, wage_base, "wage_base", INT64, MONEY)                                     \
    X(T, employer_rate, "employer_rate", INT32, RATIO)                             \
    X(T, individual_rate, "individual_rate", INT32, RATIO)                         \
    X(T, monthly_employer, "monthly_employer", INT64, MONEY)                       \
    X(T, monthly_individual, "monthly_individual", INT64, MONEY)                   \
    X(T, fixed_yearly, "fixed_yearly", INT64, MONEY)                               \
    X(T, individual, "individual", INT64, MONEY)                                   \
    X(T, government, "government", INT64, MONEY)                                   \
    X(T, employer, "employer", INT64, MONEY)                                       \
    X(T, total, "total", INT64, MONEY)                                             \
    X(T, assumed, "assumed", INT32, BOOL)

#define ACCOUNT_FIGURES_FIELDS(X, T)                                               \
    X(T, monthly_credit, "monthly_credit", INT64, MONEY)                           \
    X(T, from_individual, "from_individual", INT64, MONEY)                         \
    X(T, from_employer, "from_employer", INT64, MONEY)                             \
    X(T, from_pool, "from_pool", INT64, MONEY)                                     \
    X(T, monthly_to_pool, "monthly_to_pool", INT64, MONEY)                         \
    X(T, monthly_card, "monthly_card", INT64, MONEY)                               \
    X(T, yearly_credit, "yearly_credit", INT64, MONEY)                             \
    X(T, yearly_card, "yearly_card", INT64, MONEY)                                 \
    X(T, may_withdraw, "may_withdraw", INT32, BOOL)                                \
    X(T, assumed, "assumed", INT32, BOOL)

#define MATERNITY_FIGURES_FIELDS(X, T)                                             \
    X(T, delivery, "delivery", INT64, MONEY)                                       \
    X(T, prenatal_limit, "prenatal_limit", INT64, MONEY)                           \
    X(T, prenatal, "prenatal", INT64, MONEY)                                       \
    X(T, complication_ratio, "complication_ratio", INT32, RATIO)                   \
    X(T, complication, "complication", INT64, MONEY)                               \
    X(T, total, "total", INT64, MONEY)                                             \
    X(T, assumed, "assumed", INT32, BOOL)

#define CAPITATION_FIGURES_FIELDS(X, T)                                            \
    X(T, institution, "institution", INT64, NUMBER)                                \
    X(T, rate, "rate", INT64, MONEY)                                               \
    X(T, period, "period", INT32, ENUM)                                            \
    X(T, patients, "patients", INT32, NUMBER)                                      \
    X(T, patient_days, "patient_days", INT64, NUMBER)                              \
    X(T, budget, "budget", INT64, MONEY)                                           \
    X(T, actual_costs, "actual_costs", INT64, MONEY)                               \
    X(T, surplus, "surplus", INT64, MONEY)                                         \
    X(T, overrun, "overrun", INT64, MONEY)                                         \
    X(T, surplus_kept, "surplus_kept", INT64, MONEY)                               \
    X(T, overrun_fund, "overrun_fund", INT64, MONEY)                               \
    X(T, before_assessment, "before_assessment", INT64, MONEY)                     \
    X(T, assessment, "assessment", INT32, RATIO)                                   \
    X(T, payment, "payment", INT64, MONEY)                                         \
    X(T, assumed, "assumed", INT32, BOOL)

#define YEAR_TO_DATE_FIELDS(X, T)                                                  \
    X(T, year, "year", INT32, NUMBER)                                              \
    X(T, last_date, "last_date", INT32, DATE)                                      \
    X(T, admissions, "admissions", INT32, NUMBER)                                  \
    X(T, thrifty_years, "thrifty_years", INT32, NUMBER)                            \
    X(T, prior_known, "prior_known", INT32, BOOL)                                  \
    X(T, outpatient_costs, "outpatient_costs", INT64, MONEY)                       \
    MDN_POOL_FIELDS(X, T, in_scope, "in_scope")                                    \
    MDN_POOL_FIELDS(X, T, deductible, "deductible")                                \
    MDN_POOL_FIELDS(X, T, fund, "fund")                                            \
    MDN_LAYER_ACCOUNT_FIELDS(X, T)                                                 \
    X(T, carry_over, "carry_over", INT64, MONEY)                                   \
    X(T, prior_outpatient_costs, "prior_outpatient_costs", INT64, MONEY)           \
    MDN_POOL_FIELDS(X, T, supplementary, "supplementary")                          \
    MDN_POOL_FIELDS(X, T, account_first, "account_first")                          \
    X(T, account_credited, "account_credited", INT64, MONEY)

#define ITEM_FIELDS(X, T)                                                          \
    X(T, amount, "amount", INT64, MONEY)                                           \
    X(T, price, "price", INT64, MONEY)                                             \
    X(T, quantity, "quantity", INT64, NUMBER)                                      \
    X(T, chrgitm_lv, "chrgitm_lv", INT32, NUMBER)                                  \
    X(T, selfpay_prop, "selfpay_prop", INT32, RATIO)                               \
    X(T, ceiling, "ceiling", INT64, MONEY)

#define ITEM_SPLIT_FIELDS(X, T)                                                    \
    X(T, amount, "amount", INT64, MONEY)                                           \
    X(T, self_paid, "self_paid", INT64, MONEY)                                     \
    X(T, over_ceiling, "over_ceiling", INT64, MONEY)                               \
    X(T, category_b, "category_b", INT64, MONEY)                                   \
    X(T, in_scope, "in_scope", INT64, MONEY)                                       \
    X(T, selfpay_prop, "selfpay_prop", INT32, RATIO)                               \
    X(T, chrgitm_lv, "chrgitm_lv", INT32, NUMBER)

#define SETLINFO_FIELDS(X, T)                                                      \
    X(T, medfee_sumamt, "medfee_sumamt", INT64, MONEY)                             \
    X(T, fulamt_ownpay_amt, "fulamt_ownpay_amt", INT64, MONEY)                     \
    X(T, overlmt_selfpay, "overlmt_selfpay", INT64, MONEY)                         \
    X(T, preselfpay_amt, "preselfpay_amt", INT64, MONEY)                           \
    X(T, inscp_scp_amt, "inscp_scp_amt", INT64, MONEY)                             \
    X(T, act_pay_dedc, "act_pay_dedc", INT64, MONEY)                               \
    X(T, hifp_pay, "hifp_pay", INT64, MONEY)                                       \
    X(T, pool_prop_selfpay, "pool_prop_selfpay", INT32, RATIO)                     \
    X(T, cvlserv_pay, "cvlserv_pay", INT64, MONEY)                                 \
    X(T, hifes_pay, "hifes_pay", INT64, MONEY)                                     \
    X(T, hifmi_pay, "hifmi_pay", INT64, MONEY)                                     \
    X(T, hifob_pay, "hifob_pay", INT64, MONEY)                                     \
    X(T, maf_pay, "maf_pay", INT64, MONEY)                                         \
    X(T, oth_pay, "oth_pay", INT64, MONEY)                                         \
    X(T, fund_pay_sumamt, "fund_pay_sumamt", INT64, MONEY)                         \
    X(T, psn_part_amt, "psn_part_amt", INT64, MONEY)                               \
    X(T, acct_pay, "acct_pay", INT64, MONEY)                                       \
    X(T, psn_cash_pay, "psn_cash_pay", INT64, MONEY)                               \
    X(T, hosp_part_amt, "hosp_part_amt", INT64, MONEY)                             \
    X(T, balc, "balc", INT64, MONEY)                                               \
    X(T, acct_mulaid_pay, "acct_mulaid_pay", INT64, MONEY)

#define SETLDETAIL_FIELDS(X, T)                                                    \
    X(T, part, "part", INT32, ENUM)                                                \
    X(T, inscp_scp_amt, "inscp_scp_amt", INT64, MONEY)                             \
    X(T, crt_payb_lmt_amt, "crt_payb_lmt_amt", INT64, MONEY)                       \
    X(T, fund_payamt, "fund_payamt", INT64, MONEY)

/* Every layout: X(LAYOUT, name, struct type, its fields, its initialiser (a statement on p)). */
#define LAYOUTS(X)                                                                            \
    X(PERSON, person, medins_person, PERSON_FIELDS, medins_person_init(p))                    \
    X(CLAIM, claim, medins_claim, CLAIM_FIELDS, medins_claim_init(p))                         \
    X(LEDGER, ledger, medins_ledger, MDN_LEDGER_FIELDS, medins_ledger_init(p, 0))             \
    X(SETTLEMENT, settlement, medins_settlement, SETTLEMENT_FIELDS,                           \
      memset(p, 0, sizeof(medins_settlement)))                                                \
    X(EMPLOYEE_INPUT, employee_input, medins_employee_input, EMPLOYEE_INPUT_FIELDS,           \
      medins_employee_input_init(p))                                                          \
    X(ACCOUNT_INPUT, account_input, medins_account_input, ACCOUNT_INPUT_FIELDS,               \
      medins_account_input_init(p))                                                           \
    X(MATERNITY_INPUT, maternity_input, medins_maternity_input, MATERNITY_INPUT_FIELDS,       \
      medins_maternity_input_init(p))                                                         \
    X(CAPITATION_INPUT, capitation_input, medins_capitation_input, CAPITATION_INPUT_FIELDS,   \
      medins_capitation_input_init(p))                                                        \
    X(CONTRIBUTION_FIGURES, contribution_figures, medins_contribution_figures,                \
      CONTRIBUTION_FIGURES_FIELDS, memset(p, 0, sizeof(medins_contribution_figures)))         \
    X(ACCOUNT_FIGURES, account_figures, medins_account_figures, ACCOUNT_FIGURES_FIELDS,       \
      memset(p, 0, sizeof(medins_account_figures)))                                           \
    X(MATERNITY_FIGURES, maternity_figures, medins_maternity_figures,                         \
      MATERNITY_FIGURES_FIELDS, memset(p, 0, sizeof(medins_maternity_figures)))               \
    X(CAPITATION_FIGURES, capitation_figures, medins_capitation_figures,                      \
      CAPITATION_FIGURES_FIELDS, memset(p, 0, sizeof(medins_capitation_figures)))             \
    X(YEAR_TO_DATE, year_to_date, medins_year_to_date, YEAR_TO_DATE_FIELDS,                   \
      medins_year_to_date_init(p, 0))                                                      \
    X(ITEM, item, medins_item, ITEM_FIELDS, medins_item_init(p))                              \
    X(ITEM_SPLIT, item_split, medins_item_split, ITEM_SPLIT_FIELDS,                           \
      memset(p, 0, sizeof(medins_item_split)))                                                \
    X(SETLINFO, setlinfo, medins_setlinfo, SETLINFO_FIELDS, medins_setlinfo_init(p))          \
    X(SETLDETAIL, setldetail, medins_setldetail, SETLDETAIL_FIELDS, medins_setldetail_init(p))

/* Each layout's fields as an array (mdn_ledger_layout is ledger.c's too), their types
 * checked. */
#define FIELDS_ARRAY(NAME, name, T, FIELDS, init)                               \
    FIELDS(SIZE_CHECK, T)                                                       \
    const medins_field mdn_##name##_layout[] = {FIELDS(FIELD_OF, T)};
LAYOUTS(FIELDS_ARRAY)
_Static_assert(sizeof mdn_ledger_layout / sizeof mdn_ledger_layout[0] == MDN_LEDGER_FIELD_COUNT,
               "ledger.h counts the ledger's fields");

typedef struct layout_info {
    const char *name;
    size_t size;
    const medins_field *fields;
    size_t nfields;
} layout_info;

#define LAYOUT_ROW(NAME, name, T, FIELDS, init)                                 \
    [MEDINS_LAYOUT_##NAME] = {#T, sizeof(T), mdn_##name##_layout,               \
                              sizeof mdn_##name##_layout / sizeof mdn_##name##_layout[0]},
static const layout_info layouts[MEDINS_LAYOUT_COUNT] = {LAYOUTS(LAYOUT_ROW)};
#define LAYOUT_ONE(...) +1
_Static_assert(0 LAYOUTS(LAYOUT_ONE) == MEDINS_LAYOUT_COUNT, "a row for every layout");

static const layout_info *info(medins_layout layout)
{
    return (unsigned)layout < MEDINS_LAYOUT_COUNT ? &layouts[layout] : NULL;
}

const char *medins_layout_name(medins_layout layout)
{
    return info(layout) ? info(layout)->name : NULL;
}

size_t medins_layout_size(medins_layout layout)
{
    return info(layout) ? info(layout)->size : 0;
}

size_t medins_layout_field_count(medins_layout layout)
{
    return info(layout) ? info(layout)->nfields : 0;
}

const medins_field *medins_layout_field(medins_layout layout, size_t i)
{
    const layout_info *l = info(layout);
    return l && i < l->nfields ? &l->fields[i] : NULL;
}

int medins_layout_init(medins_layout layout, void *p, size_t size)
{
    if (!p || !info(layout) || size != info(layout)->size)
        return MEDINS_ERR_ARGUMENT;
    switch (layout) {
#define INIT_CASE(NAME, name, T, FIELDS, init)                                        \
    case MEDINS_LAYOUT_##NAME: init; break;
    LAYOUTS(INIT_CASE)
#undef INIT_CASE
    default: break;
    }
    return 0;
}
