/**
 * @file medins/population.h
 * @brief A population's contributions, maternity payments and capitation settlements in one
 * call each: columns in, columns out.
 *
 * What the fund takes in (contributions and subsidies, medins_contribution) and what it pays
 * besides settlements (maternity payments, medins_maternity; per-head payments to institutions,
 * medins_capitation), for many rows at once, with exactly the figures the one-row calls give.
 * Inputs and outputs are parallel arrays (a structure of arrays), as in medins/batch.h. No
 * heap allocation is made per row (a capitation call makes one, for the largest institution's
 * enrolments) and no explanation is written: for a row's explanation, or the assumed values it
 * used, make the one-row call for it.
 *
 * A row that fails gets its negative status in `status[i]` and zeros in every other output;
 * the call goes on with the next row, and returns MEDINS_ERR_BATCH with the first failed row's
 * error. Arguments that are wrong in themselves (a NULL required column, an unknown version)
 * are refused before anything is written.
 *
 * The input and output structs are allocated by the caller: each starts with its `version`
 * (set it with the INIT macro or the *_init function), so that later versions can add columns
 * without breaking callers built against this one.
 */
#ifndef MEDINS_POPULATION_H
#define MEDINS_POPULATION_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "policy.h"
#include "contribution.h"
#include "maternity.h"
#include "capitation.h"

MEDINS_BEGIN_DECLS

/**
 * The persons of a population as columns, one row per person: part of the input structs
 * below, whose version covers it. Row i is the medins_person {scheme[i], category[i],
 * tier[i], birth_date[i], groups[i]}.
 */
typedef struct medins_person_columns {
    const int32_t *scheme;         /**< medins_scheme; required */
    const int32_t *category;       /**< medins_category; required */
    const int32_t *tier;           /**< medins_tier; NULL: MEDINS_TIER_NONE for every row */
    const medins_date *birth_date; /**< YYYYMMDD; NULL: unknown (0) for every row */
    const uint32_t *groups;        /**< medins_group flags; NULL: no groups */
} medins_person_columns;

/* ---- Contributions ---------------------------------------------------------------------- */

/** What a population's contributions are computed from. Initialise with
 * MEDINS_CONTRIBUTION_COLUMNS_INIT or medins_contribution_columns_init. */
typedef struct medins_contribution_columns {
    unsigned int version;            /**< MEDINS_CONTRIBUTION_COLUMNS_VERSION */
    size_t n;                        /**< rows (persons) */
    medins_person_columns persons;   /**< who contributes */
    const medins_fen *monthly_wage;  /**< employees' monthly wage. NULL: no wage is given, and
                                      *   each employee's row fails as medins_contribution does
                                      *   without employee input (residents do not read it) */
    const int32_t *employer_type;    /**< medins_employer_type; NULL: enterprise for every row */
} medins_contribution_columns;

/** The medins_contribution_columns layout this header describes. */
#define MEDINS_CONTRIBUTION_COLUMNS_VERSION 1
/** No rows, no columns. */
#define MEDINS_CONTRIBUTION_COLUMNS_INIT \
    { MEDINS_CONTRIBUTION_COLUMNS_VERSION, 0, { NULL, NULL, NULL, NULL, NULL }, NULL, NULL }
/** Set *columns to MEDINS_CONTRIBUTION_COLUMNS_INIT (for bindings); NULL is left alone. */
MEDINS_API void medins_contribution_columns_init(medins_contribution_columns *columns);

/**
 * Where a population's contributions go: each column, n long, receives the field of the same
 * name of each row's medins_contribution_figures (yearly amounts in fen). Any column may be
 * NULL: not written. Initialise with MEDINS_CONTRIBUTION_OUTPUTS_INIT or
 * medins_contribution_outputs_init.
 */
typedef struct medins_contribution_outputs {
    unsigned int version;           /**< MEDINS_CONTRIBUTION_OUTPUTS_VERSION */
    medins_fen *individual;         /**< paid by the person */
    medins_fen *government;         /**< paid by the government (subsidy, and shares the state pays) */
    medins_fen *employer;           /**< paid by the employer */
    medins_fen *total;              /**< individual + government + employer */
    medins_fen *subsidy;            /**< residents: the tier's subsidy */
    int32_t *paying_tier;           /**< residents: medins_tier paid at */
    int32_t *benefit_tier;          /**< residents: medins_tier of the benefits */
    uint32_t *group;                /**< residents: the groups that decided the financing */
    int32_t *state_pays_all;        /**< residents: non-zero when the state pays the individual share */
    medins_fen *wage_base;          /**< employees: the monthly wage clamped to the base limits */
    medins_bp *employer_rate;       /**< employees: the employer's rate */
    medins_bp *individual_rate;     /**< employees: the individual's rate */
    medins_fen *monthly_employer;   /**< employees: the employer's monthly contribution */
    medins_fen *monthly_individual; /**< employees: the individual's monthly contribution */
    medins_fen *fixed_yearly;       /**< employees: the individual's fixed yearly amount */
    int32_t *status;                /**< 0, or the row's negative status */
} medins_contribution_outputs;

/** The medins_contribution_outputs layout this header describes. */
#define MEDINS_CONTRIBUTION_OUTPUTS_VERSION 1
/** No columns. */
#define MEDINS_CONTRIBUTION_OUTPUTS_INIT \
    { MEDINS_CONTRIBUTION_OUTPUTS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
/** Set *outputs to MEDINS_CONTRIBUTION_OUTPUTS_INIT (for bindings); NULL is left alone. */
MEDINS_API void medins_contribution_outputs_init(medins_contribution_outputs *outputs);

/**
 * Each row's yearly contribution for the policy year containing `date`: row i gets the figures
 * medins_contribution gives person i with employee input {monthly_wage[i], employer_type[i]}.
 * @param policy the policy in force on `date`.
 * @param date a day of the policy year, YYYYMMDD.
 * @param in the rows.
 * @param out the output columns, in->n long.
 * @param failed receives the number of failed rows (may be NULL); written unless the
 *        arguments are refused.
 * @param err receives a new error object (may be NULL); release it with medins_error_free.
 * @return 0 when every row succeeded; MEDINS_ERR_BATCH when some failed (err: how many, and
 *         the first one's row and error); nothing written and MEDINS_ERR_ARGUMENT (a NULL
 *         pointer or required column, an unknown version) or MEDINS_ERR_DATE (a date that is
 *         not a day of the policy) when the call itself is wrong.
 */
MEDINS_API int medins_contribution_batch(const medins_policy *policy, medins_date date,
                                         const medins_contribution_columns *in,
                                         medins_contribution_outputs *out, size_t *failed,
                                         medins_error **err);

/* ---- Maternity ------------------------------------------------------------------------- */

/** Deliveries as columns, one row each. Initialise with MEDINS_MATERNITY_COLUMNS_INIT or
 * medins_maternity_columns_init. */
typedef struct medins_maternity_columns {
    unsigned int version;                 /**< MEDINS_MATERNITY_COLUMNS_VERSION */
    size_t n;                             /**< rows (deliveries) */
    medins_person_columns persons;        /**< the mothers */
    const medins_date *date;              /**< the delivery date, YYYYMMDD; required */
    const int32_t *delivery;              /**< medins_delivery; required */
    const int32_t *weeks;                 /**< completed weeks of pregnancy; required */
    const int32_t *child_order;           /**< 1 for a first child...; required */
    const medins_fen *prenatal_costs;     /**< NULL: none claimed */
    const medins_fen *complication_costs; /**< NULL: none claimed */
} medins_maternity_columns;

/** The medins_maternity_columns layout this header describes. */
#define MEDINS_MATERNITY_COLUMNS_VERSION 1
/** No rows, no columns. */
#define MEDINS_MATERNITY_COLUMNS_INIT \
    { MEDINS_MATERNITY_COLUMNS_VERSION, 0, { NULL, NULL, NULL, NULL, NULL }, NULL, NULL, NULL, \
      NULL, NULL, NULL }
/** Set *columns to MEDINS_MATERNITY_COLUMNS_INIT (for bindings); NULL is left alone. */
MEDINS_API void medins_maternity_columns_init(medins_maternity_columns *columns);

/** Where the payments go: the fields of medins_maternity_figures, n long each; any column
 * may be NULL. Initialise with MEDINS_MATERNITY_OUTPUTS_INIT or medins_maternity_outputs_init. */
typedef struct medins_maternity_outputs {
    unsigned int version;           /**< MEDINS_MATERNITY_OUTPUTS_VERSION */
    medins_fen *delivery;           /**< the flat payment for the delivery */
    medins_fen *prenatal_limit;     /**< the prenatal-care limit for the weeks */
    medins_fen *prenatal;           /**< prenatal costs paid */
    medins_bp *complication_ratio;  /**< the complication ratio */
    medins_fen *complication;       /**< complication costs paid */
    medins_fen *total;              /**< the fund's payment */
    int32_t *status;                /**< 0, or the row's negative status */
} medins_maternity_outputs;

/** The medins_maternity_outputs layout this header describes. */
#define MEDINS_MATERNITY_OUTPUTS_VERSION 1
/** No columns. */
#define MEDINS_MATERNITY_OUTPUTS_INIT \
    { MEDINS_MATERNITY_OUTPUTS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
/** Set *outputs to MEDINS_MATERNITY_OUTPUTS_INIT (for bindings); NULL is left alone. */
MEDINS_API void medins_maternity_outputs_init(medins_maternity_outputs *outputs);

/**
 * Each delivery's maternity payment: row i gets the figures medins_maternity gives mother i on
 * date[i] for the delivery of row i (a date outside the policy fails that row with
 * MEDINS_ERR_DATE).
 * @param policy the policy the deliveries are paid under.
 * @param in the rows.
 * @param out the output columns, in->n long.
 * @param failed receives the number of failed rows (may be NULL).
 * @param err receives a new error object (may be NULL); release it with medins_error_free.
 * @return as medins_contribution_batch (without MEDINS_ERR_DATE for the call).
 */
MEDINS_API int medins_maternity_batch(const medins_policy *policy,
                                      const medins_maternity_columns *in,
                                      medins_maternity_outputs *out, size_t *failed,
                                      medins_error **err);

/* ---- Capitation ------------------------------------------------------------------------ */

/**
 * Capitation settlements as columns: n rows, each one institution's period (the scalar fields
 * of medins_capitation_input), and m enrolments, each belonging to one row, the enrolments of
 * a row together and the rows in order (enrolment_row non-decreasing). Initialise with
 * MEDINS_CAPITATION_COLUMNS_INIT or medins_capitation_columns_init.
 */
typedef struct medins_capitation_columns {
    unsigned int version;             /**< MEDINS_CAPITATION_COLUMNS_VERSION */
    size_t n;                         /**< rows: institutions' periods */
    const int64_t *institution;       /**< the caller's institution ids; NULL: 0 */
    const int32_t *level;             /**< medins_level; required */
    const int32_t *disease;           /**< medins_disease; required */
    const medins_date *from;          /**< first day of the period; required */
    const medins_date *to;            /**< last day of the period; required */
    const medins_fen *actual_costs;   /**< the institution's covered costs in the period; required */
    const medins_bp *assessment;      /**< assessment scores; NULL: 100% (read only when the
                                       *   policy has assessment) */
    size_t m;                         /**< enrolments */
    const int32_t *enrolment_row;     /**< the row of each enrolment, 0..n-1, non-decreasing;
                                       *   required when m > 0 */
    const int64_t *patient;           /**< the caller's patient ids; required when m > 0 */
    const medins_date *enrolled_from; /**< first day enrolled; required when m > 0 */
    const medins_date *enrolled_to;   /**< last day enrolled, 0 when still enrolled; NULL: all
                                       *   still enrolled */
} medins_capitation_columns;

/** The medins_capitation_columns layout this header describes. */
#define MEDINS_CAPITATION_COLUMNS_VERSION 1
/** No rows, no enrolments, no columns. */
#define MEDINS_CAPITATION_COLUMNS_INIT \
    { MEDINS_CAPITATION_COLUMNS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, \
      NULL, NULL, NULL }
/** Set *columns to MEDINS_CAPITATION_COLUMNS_INIT (for bindings); NULL is left alone. */
MEDINS_API void medins_capitation_columns_init(medins_capitation_columns *columns);

/** Where the settlements go: the fields of medins_capitation_figures but the two echoed
 * (institution, actual_costs), n long each; any column may be NULL. Initialise with
 * MEDINS_CAPITATION_OUTPUTS_INIT or medins_capitation_outputs_init. */
typedef struct medins_capitation_outputs {
    unsigned int version;          /**< MEDINS_CAPITATION_OUTPUTS_VERSION */
    medins_fen *rate;              /**< per enrolled patient per period unit */
    int32_t *period;               /**< medins_capitation_period of the rate */
    int32_t *patients;             /**< enrolments counted */
    int64_t *patient_days;         /**< days enrolled within the period */
    medins_fen *budget;            /**< the prorated per-head budget */
    medins_fen *surplus;           /**< budget - actual costs when positive */
    medins_fen *overrun;           /**< actual costs - budget when positive */
    medins_fen *surplus_kept;      /**< of the surplus, kept by the institution */
    medins_fen *overrun_fund;      /**< of the overrun, borne by the fund */
    medins_fen *before_assessment; /**< min(actual, budget) + surplus_kept + overrun_fund */
    medins_bp *assessment;         /**< the score applied */
    medins_fen *payment;           /**< what the fund pays the institution */
    int32_t *status;               /**< 0, or the row's negative status */
} medins_capitation_outputs;

/** The medins_capitation_outputs layout this header describes. */
#define MEDINS_CAPITATION_OUTPUTS_VERSION 1
/** No columns. */
#define MEDINS_CAPITATION_OUTPUTS_INIT \
    { MEDINS_CAPITATION_OUTPUTS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
      NULL, NULL, NULL, NULL }
/** Set *outputs to MEDINS_CAPITATION_OUTPUTS_INIT (for bindings); NULL is left alone. */
MEDINS_API void medins_capitation_outputs_init(medins_capitation_outputs *outputs);

/**
 * Each row's capitation settlement: row i gets the figures medins_capitation gives the
 * input of row i with its enrolments (in their order in the columns, which the messages of
 * overlapping enrolments count from 1 within the row).
 * @param policy the policy in force over every row's period.
 * @param in the rows and their enrolments.
 * @param out the output columns, in->n long.
 * @param failed receives the number of failed rows (may be NULL).
 * @param err receives a new error object (may be NULL); release it with medins_error_free.
 * @return as medins_contribution_batch; also MEDINS_ERR_ARGUMENT when an enrolment names a
 *         row outside 0..n-1 or comes before the previous one's row, and MEDINS_ERR_NOMEM
 *         when the scratch space for the enrolments cannot be allocated (nothing written).
 */
MEDINS_API int medins_capitation_batch(const medins_policy *policy,
                                       const medins_capitation_columns *in,
                                       medins_capitation_outputs *out, size_t *failed,
                                       medins_error **err);

MEDINS_END_DECLS

#endif
