/**
 * @file medins/contribution.h
 * @brief Contributions (筹资) of residents and employees, and employees' individual accounts.
 *
 * Residents pay a yearly individual contribution that the government tops up with a subsidy; the
 * tier a resident pays at may differ from the tier whose benefits they get (students and children
 * paying the low tier get high-tier benefits), and special groups are financed at least at a set
 * tier, sometimes by the state; a group never lowers a person's tier. Employees and their employers pay rates of the monthly wage,
 * the wage first clamped to the policy's base floor and ceiling, plus an optional fixed yearly
 * amount. Every amount comes from the policy's `contributions:` and `accounts:` sections
 * (docs/policy-format.md); each result line cites the policy value it used.
 */
#ifndef MEDINS_CONTRIBUTION_H
#define MEDINS_CONTRIBUTION_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "policy.h"
#include "result.h"

MEDINS_BEGIN_DECLS

/** Kind of employer, which selects the employee contribution rates. */
typedef enum medins_employer_type {
    MEDINS_EMPLOYER_ENTERPRISE = 0,        /**< `enterprise`: enterprise (企业) */
    MEDINS_EMPLOYER_CIVIL_SERVICE = 1,     /**< `civil_service`: civil service and units managed like it */
    MEDINS_EMPLOYER_DIFFICULTY = 2,        /**< `difficulty`: enterprise in difficulty (困难企业) */
    MEDINS_EMPLOYER_INDIVIDUAL_BUSINESS = 3, /**< `individual_business`: individual business (个体工商户) */
    MEDINS_EMPLOYER_TYPE_COUNT             /**< number of employer types; not a type */
} medins_employer_type;

/** What an employee's contribution is computed from. Initialise with MEDINS_EMPLOYEE_INPUT_INIT
 * or medins_employee_input_init (`version` as for medins_person). */
typedef struct medins_employee_input {
    unsigned int version;                  /**< MEDINS_EMPLOYEE_INPUT_VERSION (the initialisers) */
    medins_fen monthly_wage;               /**< the employee's monthly wage, >= 0 */
    medins_employer_type employer_type; /**< selects the policy's rate row */
} medins_employee_input;

/** The medins_employee_input layout this header describes. */
#define MEDINS_EMPLOYEE_INPUT_VERSION 1
/** Wage 0, employer type enterprise. */
#define MEDINS_EMPLOYEE_INPUT_INIT { MEDINS_EMPLOYEE_INPUT_VERSION, 0, MEDINS_EMPLOYER_ENTERPRISE }

/** Set *input to MEDINS_EMPLOYEE_INPUT_INIT. A NULL input is left alone. */
MEDINS_API void medins_employee_input_init(medins_employee_input *input);

/** Name as used in policy files ("civil_service"). Static; NULL when out of range. */
MEDINS_API const char *medins_employer_type_name(medins_employer_type v);
/**
 * Parse an employer type as medins_word_parse reads it: its policy-file word in any case
 * ("civil_service"), or its Chinese name ("机关事业单位").
 * @param out receives the employer type; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not an employer type word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_employer_type_parse(medins_employer_type *out, const char *name);

/**
 * The figures of a contribution. Yearly amounts for both schemes; for employees also the
 * monthly ones (yearly = 12 x monthly, plus the fixed yearly amount for the individual).
 * total = individual + government + employer.
 */
typedef struct medins_contribution_figures {
    medins_scheme scheme;          /**< the person's scheme, which says which fields apply */
    /* Residents */
    medins_tier paying_tier;       /**< the tier the contribution is computed at (a group raises it, never lowers it) */
    medins_tier benefit_tier;      /**< the tier whose benefits the person gets */
    uint32_t group;                /**< the person's groups that decided the financing, 0 when none */
    int32_t state_pays_all;        /**< non-zero when the government also pays the individual share of the
                                        tier its group finances (all of it, unless the person chose a
                                        higher tier: then they pay the rest) */
    medins_fen subsidy;            /**< the tier's government subsidy */
    /* Employees (monthly) */
    medins_fen wage_base;          /**< monthly wage clamped to the policy's floor and ceiling */
    medins_bp employer_rate;       /**< the employer's rate on wage_base */
    medins_bp individual_rate;     /**< the individual's rate on wage_base */
    medins_fen monthly_employer;   /**< wage_base x employer_rate, rounded half-up */
    medins_fen monthly_individual; /**< wage_base x individual_rate, rounded half-up */
    medins_fen fixed_yearly;       /**< individual's fixed yearly amount (large-amount fund), or 0 */
    /* Yearly, both schemes */
    medins_fen individual;         /**< paid by the person */
    medins_fen government;         /**< paid by the government (subsidy, plus the individual share when the state pays all) */
    medins_fen employer;           /**< paid by the employer */
    medins_fen total;              /**< individual + government + employer */
    int32_t assumed;               /**< non-zero when an assumed value was used */
} medins_contribution_figures;

/**
 * Compute a person's contribution for the policy year that contains `date`.
 *
 * Residents: the person's groups, category and tier choose the row (see docs/policy-format.md,
 * "Contributions"); `employee` is ignored and may be NULL. Employees: `employee` is required.
 * @param out receives a new result (kind MEDINS_RESULT_CONTRIBUTION), owned by the caller.
 * @param policy the policy in force on `date`.
 * @param person the person contributing.
 * @param date a day of the policy year, YYYYMMDD.
 * @param employee employees: wage and employer type; residents: ignored, may be NULL.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0 or a negative status: MEDINS_ERR_ARGUMENT (NULL out, policy or person, or NULL
 *         employee input for an employee), MEDINS_ERR_PERSON (category of another scheme, unknown
 *         tier or group, an adult resident with no tier), MEDINS_ERR_INPUT (negative wage,
 *         unknown employer type), MEDINS_ERR_OVERFLOW (wage above MEDINS_FEN_MAX), MEDINS_ERR_DATE
 *         (date malformed or outside the policy), MEDINS_ERR_NOT_COVERED (no contribution section
 *         for the scheme, or no row for the person), MEDINS_ERR_NOMEM. *out is set only on success.
 */
MEDINS_API int medins_contribution(medins_result **out, const medins_policy *policy,
                                   const medins_person *person, medins_date date,
                                   const medins_employee_input *employee, medins_error **err);

/** The contribution figures of a result, or NULL when the result is of another kind. Borrowed. */
MEDINS_API const medins_contribution_figures *medins_result_contribution(const medins_result *result);

/* ---- Individual accounts ---------------------------------------------------------------- */

/** What an employee's individual-account credit is computed from. Initialise with
 * MEDINS_ACCOUNT_INPUT_INIT or medins_account_input_init (`version` as for medins_person; the
 * employee input inside has its own). */
typedef struct medins_account_input {
    unsigned int version;             /**< MEDINS_ACCOUNT_INPUT_VERSION, set by the initialisers */
    medins_employee_input employee;   /**< in service: wage and employer type */
    medins_fen last_year_pension;     /**< retired: last year's average monthly basic pension */
    medins_fen year_costs;            /**< this year's medical costs (for the withdrawal rule) */
    int32_t serious_illness;          /**< non-zero after a serious-illness hospitalisation this year */
} medins_account_input;

/** The medins_account_input layout this header describes. */
#define MEDINS_ACCOUNT_INPUT_VERSION 1
/** Zero amounts, enterprise, no serious illness. */
#define MEDINS_ACCOUNT_INPUT_INIT \
    { MEDINS_ACCOUNT_INPUT_VERSION, MEDINS_EMPLOYEE_INPUT_INIT, 0, 0, 0 }

/** Set *input to MEDINS_ACCOUNT_INPUT_INIT. A NULL input is left alone. */
MEDINS_API void medins_account_input_init(medins_account_input *input);

/** The figures of an account computation. Monthly amounts; yearly = 12 x monthly. */
typedef struct medins_account_figures {
    medins_fen monthly_credit;     /**< credited to the account each month */
    medins_fen from_individual;    /**< of which from the individual's contribution */
    medins_fen from_employer;      /**< of which from the employer's contribution */
    medins_fen from_pool;          /**< of which from the pooled fund (retirees) */
    medins_fen monthly_to_pool;    /**< in service: contributions going to the pooled fund */
    medins_fen monthly_card;       /**< of monthly_credit, credited to the social-security card */
    medins_fen yearly_credit;      /**< 12 x monthly_credit */
    medins_fen yearly_card;        /**< 12 x monthly_card */
    int32_t may_withdraw;          /**< non-zero when the balance may be withdrawn at once */
    int32_t assumed;               /**< non-zero when an assumed value was used */
} medins_account_figures;

/**
 * Compute an employee's individual-account credit in the policy year containing `date`: in
 * service, the shares of the monthly contributions credited to the account (the rest goes to the
 * pooled fund); retired, the monthly credit as a share of last year's average pension. Also the
 * share credited to the card and whether the balance may be withdrawn (a serious-illness year
 * with costs above the policy's threshold).
 * @param out receives a new result (kind MEDINS_RESULT_ACCOUNT), owned by the caller.
 * @param policy the policy in force on `date`.
 * @param person an employee, in service or retired.
 * @param date a day of the policy year, YYYYMMDD.
 * @param input wage, pension and the year's costs.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0 or a negative status: MEDINS_ERR_ARGUMENT (a NULL pointer), MEDINS_ERR_PERSON (a
 *         resident, or an inconsistent person), MEDINS_ERR_INPUT (a negative amount, unknown
 *         employer type), MEDINS_ERR_OVERFLOW, MEDINS_ERR_DATE, MEDINS_ERR_NOT_COVERED (no
 *         `accounts:` section, or none of the values the person's case needs), MEDINS_ERR_NOMEM.
 */
MEDINS_API int medins_account(medins_result **out, const medins_policy *policy,
                              const medins_person *person, medins_date date,
                              const medins_account_input *input, medins_error **err);

/** The account figures of a result, or NULL when the result is of another kind. Borrowed. */
MEDINS_API const medins_account_figures *medins_result_account(const medins_result *result);

MEDINS_END_DECLS

#endif
