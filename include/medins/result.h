/**
 * @file medins/result.h
 * @brief The explained result shared by every computation: amounts plus explanation lines.
 *
 * Every computation (settlement, contribution, maternity, capitation, account) returns a
 * medins_result: its figures, and one line per part saying which rule produced it, with which
 * parameter values, citing the source document and the policy file:line they came from. A
 * result also lists every `assumed` policy value it used, and every value it used whose source
 * is third-party (a public page or guide rather than an official text).
 *
 * A result borrows strings from the policy it was computed with: keep the policy alive while
 * the result is used.
 */
#ifndef MEDINS_RESULT_H
#define MEDINS_RESULT_H

#include "common.h"
#include "errors.h"
#include "policy.h"

MEDINS_BEGIN_DECLS

/** The outcome of a computation: figures and explanation lines; opaque, owned by the caller. */
typedef struct medins_result medins_result;

/** What a result is of. */
typedef enum medins_result_kind {
    MEDINS_RESULT_SETTLEMENT = 0, /**< a claim settlement (medins_settle) */
    MEDINS_RESULT_CONTRIBUTION,   /**< a contribution (medins_contribution) */
    MEDINS_RESULT_MATERNITY,      /**< a maternity payment (medins_maternity) */
    MEDINS_RESULT_CAPITATION,     /**< a per-head payment settlement (medins_capitation) */
    MEDINS_RESULT_ACCOUNT         /**< an individual-account credit (medins_account) */
} medins_result_kind;

/** What a line's amount is. */
typedef enum medins_part {
    MEDINS_PART_SELF_PAID = 0,   /**< fully self-paid items: patient */
    MEDINS_PART_CATEGORY_B,      /**< category-B first self-pay (增负): patient */
    MEDINS_PART_DEDUCTIBLE,      /**< deductible: patient */
    MEDINS_PART_FUND,            /**< basic fund share of one cost segment */
    MEDINS_PART_COINSURANCE,     /**< patient's share of one cost segment */
    MEDINS_PART_OVER_CAP,        /**< fund payment withheld by the annual maximum: patient */
    MEDINS_PART_MAJOR_DISEASE,   /**< major-disease / large-amount layer */
    MEDINS_PART_ASSISTANCE,      /**< medical assistance */
    MEDINS_PART_PATIENT,         /**< what the patient pays in all */
    MEDINS_PART_ACCOUNT,         /**< of which from the individual account */
    MEDINS_PART_INFO,            /**< a figure that explains but moves no money (a cap, a carry-over) */
    MEDINS_PART_CONTRIBUTION,    /**< a contribution share (individual, government, employer) */
    MEDINS_PART_BENEFIT,         /**< a benefit payment (maternity, capitation, account credit) */
    MEDINS_PART_COUNT            /**< number of parts; not a part */
} medins_part;

/**
 * One explained line. All pointers are borrowed: `text` from the result (valid until it is
 * freed), `rule`, `source`, `citation` and `file` from the policy or the library (valid as long
 * as the policy, and the same pointers in every result that cites the same value).
 */
typedef struct medins_line {
    medins_part part;         /**< whose money the line is about */
    medins_fen amount;        /**< money this line is about */
    medins_fen base;          /**< the amount the rule was applied to (segment piece...), or 0 */
    medins_bp ratio;          /**< ratio applied, or 0 */
    const char *rule;         /**< rule id, e.g. "inpatient.deductible" */
    const char *text;         /**< one English sentence with the parameter values */
    const char *source;       /**< source id, or NULL for assumed values and derived lines */
    const char *citation;     /**< "<title> (<number>), <paragraph>" or "assumed: <reason>"; "" when no value was used */
    const char *file;         /**< policy file of the value used, or NULL */
    unsigned int line;        /**< 1-based line in file, 0 when none */
    unsigned int column;      /**< 1-based column in file, 0 when none */
    int assumed;              /**< non-zero when the value used is assumed */
    int third_party;          /**< non-zero when the value used cites a third-party source */
} medins_line;

/** What the result is of; its figures are read with the matching medins_result_* accessor.
 * (medins_result_kind)-1 for a NULL result. */
MEDINS_API medins_result_kind medins_result_get_kind(const medins_result *result);
/** Number of explanation lines. */
MEDINS_API size_t medins_result_line_count(const medins_result *result);
/** The i-th line, or NULL when out of range. Borrowed. */
MEDINS_API const medins_line *medins_result_line(const medins_result *result, size_t i);
/** Non-zero when any value used is assumed. */
MEDINS_API int medins_result_uses_assumed(const medins_result *result);
/** Number of distinct assumed values used. */
MEDINS_API size_t medins_result_assumed_count(const medins_result *result);
/** The i-th assumed value used ("inpatient.ratio[0].segments[1].ratio"), with its reason; NULL when out of range. */
MEDINS_API const medins_value *medins_result_assumed(const medins_result *result, size_t i);
/** Number of distinct values used that cite a third-party source (a public page or guide, not
 * an official text). */
MEDINS_API size_t medins_result_third_party_count(const medins_result *result);
/** The i-th value used that cites a third-party source, with its citation; NULL when out of
 * range. Borrowed. */
MEDINS_API const medins_value *medins_result_third_party(const medins_result *result, size_t i);
/** The id of the policy used. Borrowed. */
MEDINS_API const char *medins_result_policy_id(const medins_result *result);
/** Release a result. Accepts NULL. */
MEDINS_API void medins_result_free(medins_result *result);

/** The part's name ("self_paid", "major_disease"), as JSON and the bindings write it. Static;
 * NULL when out of range. */
MEDINS_API const char *medins_part_name(medins_part part);
/** The result kind's name ("settlement", "capitation"). Static; NULL when out of range. */
MEDINS_API const char *medins_result_kind_name(medins_result_kind kind);

MEDINS_END_DECLS

#endif
