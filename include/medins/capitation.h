/**
 * @file medins/capitation.h
 * @brief Per-head (capitation) payment of outpatient special diseases to designated institutions.
 *
 * The fund pays a designated institution a rate per enrolled patient per period (a month or a
 * year, from the policy's `capitation:` section). The budget of a settlement period is the sum,
 * over the enrolled patients and over the calendar months (or years) the period touches, of the
 * rate prorated by the days enrolled within that month (or year): a whole month enrolled is one
 * full rate.
 *
 * Rounding. Within each calendar month (or year) a patient's cumulative amount up to day t is
 * rate x (days enrolled from the first of the month to t) / (days in the month), rounded half-up
 * to the fen; the amount for a part of the month is the cumulative amount at its last day minus
 * the cumulative amount the day before its first. Amounts therefore add up exactly: the budget of
 * a year is the sum of the budgets of its months (or of any other split), to the fen.
 *
 * The budget is then settled against the institution's actual covered costs: the institution
 * keeps the policy's share of an underspend, the fund bears the policy's share of an overrun,
 * and, when the policy has `assessment: true`, the payment is scaled by the assessment score.
 */
#ifndef MEDINS_CAPITATION_H
#define MEDINS_CAPITATION_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "policy.h"
#include "result.h"

MEDINS_BEGIN_DECLS

/** Outpatient special diseases paid per head. */
typedef enum medins_disease {
    MEDINS_DISEASE_DIABETES = 0,        /**< `diabetes`: diabetes (糖尿病) */
    MEDINS_DISEASE_DIALYSIS = 1,        /**< `dialysis`: renal dialysis (透析) */
    MEDINS_DISEASE_HAEMOPHILIA = 2,     /**< `haemophilia`: haemophilia (血友病) */
    MEDINS_DISEASE_HEMIPLEGIA = 3,      /**< `hemiplegia`: hemiplegia (偏瘫) */
    MEDINS_DISEASE_PULMONARY_HEART = 4, /**< `pulmonary_heart`: pulmonary heart disease (肺心病) */
    MEDINS_DISEASE_COUNT                /**< number of diseases; not a disease */
} medins_disease;

/** The unit a per-head rate is for. */
typedef enum medins_capitation_period {
    MEDINS_CAPITATION_MONTH = 0,  /**< `month`: the rate is per patient per calendar month */
    MEDINS_CAPITATION_YEAR = 1    /**< `year`: the rate is per patient per calendar year */
} medins_capitation_period;

/**
 * One patient's enrolment with the institution. Initialise with medins_enrolment_init. It has no
 * version of its own: enrolments come as an array, whose layout (and stride) is the one of the
 * version of the medins_capitation_input pointing at them.
 */
typedef struct medins_enrolment {
    int64_t patient;              /**< the caller's patient identifier, echoed in explanations */
    medins_date from;             /**< first day enrolled */
    medins_date to;               /**< last day enrolled (the exit date), 0 when still enrolled */
} medins_enrolment;

/** Patient 0, no dates. */
MEDINS_API void medins_enrolment_init(medins_enrolment *enrolment);

/** A period to settle for one institution. Initialise with MEDINS_CAPITATION_INPUT_INIT or
 * medins_capitation_input_init (`version` as for medins_person; it also gives the layout of
 * the enrolments). */
typedef struct medins_capitation_input {
    unsigned int version;         /**< MEDINS_CAPITATION_INPUT_VERSION, set by the initialisers */
    int64_t institution;          /**< the caller's institution identifier */
    medins_level level;           /**< the institution's level (selects the rate row) */
    medins_disease disease;       /**< the disease the patients are enrolled for */
    medins_date from;             /**< first day of the period */
    medins_date to;               /**< last day of the period */
    const medins_enrolment *enrolments;   /**< enrolment_count items; borrowed for the call */
    size_t enrolment_count;       /**< number of enrolments */
    medins_fen actual_costs;      /**< the institution's covered costs of these patients in the period */
    medins_bp assessment;         /**< assessment score, 0..10000; used when the policy has assessment */
} medins_capitation_input;

/** The medins_capitation_input layout (and its enrolments') this header describes. */
#define MEDINS_CAPITATION_INPUT_VERSION 1
/** Level primary, diabetes, no dates, no enrolments, no costs, assessment 100%. */
#define MEDINS_CAPITATION_INPUT_INIT \
    { MEDINS_CAPITATION_INPUT_VERSION, 0, MEDINS_LEVEL_PRIMARY, MEDINS_DISEASE_DIABETES, 0, 0, \
      NULL, 0, 0, MEDINS_BP_ONE }

/** Set *input to MEDINS_CAPITATION_INPUT_INIT. A NULL input is left alone. */
MEDINS_API void medins_capitation_input_init(medins_capitation_input *input);

/** Name as used in policy files ("pulmonary_heart"). Static; NULL when out of range. */
MEDINS_API const char *medins_disease_name(medins_disease v);
/** The period's word, as policy files write it ("month"). Static; NULL when out of range. */
MEDINS_API const char *medins_capitation_period_name(medins_capitation_period v);
/**
 * Parse a disease as medins_word_parse reads it: its policy-file word in any case
 * ("diabetes"), or its Chinese name ("糖尿病").
 * @param out receives the disease; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a disease word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_disease_parse(medins_disease *out, const char *name);

/** The figures of a capitation settlement. */
typedef struct medins_capitation_figures {
    int64_t institution;          /**< the institution, echoed */
    medins_fen rate;              /**< per enrolled patient per period unit */
    medins_capitation_period period; /**< the unit the rate is for */
    int32_t patients;             /**< enrolments counted */
    int64_t patient_days;         /**< days enrolled within the period, summed over patients */
    medins_fen budget;            /**< the prorated per-head budget */
    medins_fen actual_costs;      /**< the institution's covered costs, echoed */
    medins_fen surplus;           /**< budget - actual costs when positive */
    medins_fen overrun;           /**< actual costs - budget when positive */
    medins_fen surplus_kept;      /**< of the surplus, kept by the institution */
    medins_fen overrun_fund;      /**< of the overrun, borne by the fund */
    medins_fen before_assessment; /**< min(actual, budget) + surplus_kept + overrun_fund */
    medins_bp assessment;         /**< the score applied (10000 when the policy has no assessment) */
    medins_fen payment;           /**< what the fund pays the institution */
    int32_t assumed;              /**< non-zero when an assumed value was used */
} medins_capitation_figures;

/**
 * Settle one institution's per-head payment for a period.
 *
 * Every enrolment must overlap the period (pass only the patients enrolled during it); the part
 * before or after the period is not counted. A patient is paid for once a day: the enrolments
 * of one patient must not overlap one another (a patient who left and came back has two
 * enrolments, the second starting after the first's last day). Overlapping enrolments are
 * refused, not merged: the policy does not say how, and two rows for the same days are more
 * often a mistake in the list than a rule to apply.
 * @param out receives a new result (kind MEDINS_RESULT_CAPITATION), owned by the caller.
 * @param policy the policy in force over the whole period.
 * @param input the institution, period, enrolments and costs.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0 or a negative status: MEDINS_ERR_ARGUMENT (a NULL pointer, or enrolments NULL with a
 *         non-zero count), MEDINS_ERR_LEVEL (unknown level), MEDINS_ERR_INPUT (unknown disease,
 *         negative costs, a score outside 0..10000), MEDINS_ERR_OVERFLOW, MEDINS_ERR_DATE (period
 *         malformed, reversed or not inside the policy's dates), MEDINS_ERR_ENROLMENT (a malformed
 *         date, an exit before the enrolment, an enrolment that does not overlap the period, or
 *         two enrolments of one patient that overlap: the message names the patient and both
 *         enrolments by their 1-based position in `enrolments`),
 *         MEDINS_ERR_NOT_COVERED (no `capitation:` section or no rate for the disease and level),
 *         MEDINS_ERR_NOMEM. *out is set only on success.
 */
MEDINS_API int medins_capitation(medins_result **out, const medins_policy *policy,
                                 const medins_capitation_input *input, medins_error **err);

/** The capitation figures of a result, or NULL when the result is of another kind. Borrowed. */
MEDINS_API const medins_capitation_figures *medins_result_capitation(const medins_result *result);

MEDINS_END_DECLS

#endif
