/**
 * @file medins/maternity.h
 * @brief Maternity medical costs: the flat payment per delivery, prenatal care, complications.
 *
 * The fund pays a flat amount per delivery (by scheme and, where the policy has a table, by
 * delivery type), prenatal-care costs up to a limit that depends on the weeks of pregnancy, and
 * a share of the costs of complications. Births beyond the policy's highest covered child order
 * are not covered. Every amount comes from the policy's `maternity:` section.
 */
#ifndef MEDINS_MATERNITY_H
#define MEDINS_MATERNITY_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "policy.h"
#include "result.h"

MEDINS_BEGIN_DECLS

/** Type of delivery. */
typedef enum medins_delivery {
    MEDINS_DELIVERY_NATURAL = 0,           /**< `natural`: natural delivery (顺产) */
    MEDINS_DELIVERY_ASSISTED = 1,          /**< `assisted`: assisted delivery (助产) */
    MEDINS_DELIVERY_CAESAREAN = 2,         /**< `caesarean`: caesarean section (剖宫产) */
    MEDINS_DELIVERY_CAESAREAN_COMPLEX = 3, /**< `caesarean_complex`: caesarean section with other surgery */
    MEDINS_DELIVERY_COUNT                  /**< number of delivery types; not a type */
} medins_delivery;

/** One delivery to pay. Initialise with MEDINS_MATERNITY_INPUT_INIT or
 * medins_maternity_input_init (`version` as for medins_person). */
typedef struct medins_maternity_input {
    unsigned int version;         /**< MEDINS_MATERNITY_INPUT_VERSION, set by the initialisers */
    medins_delivery delivery;     /**< type of delivery (selects the delivery row) */
    int32_t weeks;                /**< completed weeks of pregnancy when prenatal care ended, 0..50 */
    int32_t child_order;          /**< 1 for a first child, 2 for a second... */
    medins_fen prenatal_costs;    /**< prenatal-care costs claimed */
    medins_fen complication_costs;/**< in-scope costs of complications */
} medins_maternity_input;

/** The medins_maternity_input layout this header describes. */
#define MEDINS_MATERNITY_INPUT_VERSION 1
/** Natural delivery at 40 weeks, first child, no prenatal or complication costs. */
#define MEDINS_MATERNITY_INPUT_INIT \
    { MEDINS_MATERNITY_INPUT_VERSION, MEDINS_DELIVERY_NATURAL, 40, 1, 0, 0 }

/** Set *input to MEDINS_MATERNITY_INPUT_INIT. A NULL input is left alone. */
MEDINS_API void medins_maternity_input_init(medins_maternity_input *input);

/** Name as used in policy files ("caesarean_complex"). Static; NULL when out of range. */
MEDINS_API const char *medins_delivery_name(medins_delivery v);
/**
 * Parse a delivery type as medins_word_parse reads it: its policy-file word in any case
 * ("caesarean"), or its Chinese name ("剖宫产").
 * @param out receives the delivery type; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a delivery type word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_delivery_parse(medins_delivery *out, const char *name);

/** The figures of a maternity payment. total = delivery + prenatal + complication. */
typedef struct medins_maternity_figures {
    medins_fen delivery;          /**< the flat payment for the delivery */
    medins_fen prenatal_limit;    /**< the prenatal-care limit for the weeks, 0 when the policy has none */
    medins_fen prenatal;          /**< prenatal costs paid: min(costs, limit) */
    medins_bp complication_ratio; /**< 0 when the policy reimburses no complication costs */
    medins_fen complication;      /**< complication costs x ratio, rounded half-up */
    medins_fen total;             /**< the fund's payment */
    int32_t assumed;              /**< non-zero when an assumed value was used */
} medins_maternity_figures;

/**
 * Compute the fund's maternity payment for a delivery on `date` under the person's scheme.
 * @param out receives a new result (kind MEDINS_RESULT_MATERNITY), owned by the caller.
 * @param policy the policy in force on `date`.
 * @param person the insured mother (her scheme selects the rows).
 * @param date the delivery date, YYYYMMDD.
 * @param input the delivery and the costs claimed.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0 or a negative status: MEDINS_ERR_ARGUMENT (a NULL pointer), MEDINS_ERR_PERSON,
 *         MEDINS_ERR_INPUT (unknown delivery type, weeks outside 0..50, child order below 1, a
 *         negative cost), MEDINS_ERR_OVERFLOW (a cost above MEDINS_FEN_MAX), MEDINS_ERR_DATE,
 *         MEDINS_ERR_NOT_COVERED (no `maternity:` section, no delivery row for the scheme and
 *         type, or a child order above the policy's `max_child_order`), MEDINS_ERR_NOMEM.
 *         *out is set only on success.
 */
MEDINS_API int medins_maternity(medins_result **out, const medins_policy *policy,
                                const medins_person *person, medins_date date,
                                const medins_maternity_input *input, medins_error **err);

/** The maternity figures of a result, or NULL when the result is of another kind. Borrowed. */
MEDINS_API const medins_maternity_figures *medins_result_maternity(const medins_result *result);

MEDINS_END_DECLS

#endif
