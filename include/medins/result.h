/**
 * @file medins/result.h
 * @brief The explained result shared by every computation: figures, a trace, explanation lines.
 *
 * Every computation (settlement, contribution, maternity, capitation, account) returns a
 * medins_result: its figures, and a trace of the steps that made them. A step has a kind
 * (a deductible, a cost segment, an annual maximum...), the rule it applied, its amounts, the
 * figures of its kind (its arguments) and the policy values it read, each with its citation
 * and the policy file:line:column it came from. No sentence is made while computing: text is
 * rendered from the trace (medins/explain.h), in Chinese or English; the explanation lines
 * below are the trace rendered in English, one line per step. A result also lists every
 * `assumed` policy value it used, and every value it used whose source is third-party (a
 * public page or guide rather than an official text).
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
    MEDINS_PART_SUPPLEMENTARY,   /**< a supplementary fund (大额医疗费用互助, 附加基金) */
    MEDINS_PART_COUNT            /**< number of parts; not a part */
} medins_part;

/**
 * What a step of a trace is. Each kind's amount, base and ratio, and its arguments
 * (medins_step_arg_name), are listed in docs/settlement.md, "The trace"; an amount is in fen,
 * a ratio in basis points.
 */
typedef enum medins_step_kind {
    /* A settlement, in the order it computes */
    MEDINS_STEP_SELF_PAID = 0,        /**< items outside the catalogue (自费), all the patient's */
    MEDINS_STEP_CATEGORY_B,           /**< category-B first self-pay (乙类先行自付) */
    MEDINS_STEP_ADMISSION,            /**< the admission's order this year */
    MEDINS_STEP_THRIFT,               /**< the deductible lowered after thrifty years */
    MEDINS_STEP_DEDUCTIBLE,           /**< the annual deductible (起付线), what the claim pays of it */
    MEDINS_STEP_DEDUCTIBLE_VISIT,     /**< the deductible of a visit */
    MEDINS_STEP_DEDUCTIBLE_ADMISSION, /**< the deductible of an admission */
    MEDINS_STEP_ADJUSTMENT,           /**< points added to (or taken from) every segment's ratio */
    MEDINS_STEP_SEGMENT,              /**< the basic fund's share (统筹基金支付) of one cost segment */
    MEDINS_STEP_COINSURANCE,          /**< the patient's share (个人自付) of one cost segment */
    MEDINS_STEP_CAP,                  /**< the annual maximum (封顶线) */
    MEDINS_STEP_CARRY_OVER,           /**< the maximum with the carried-over outpatient one */
    MEDINS_STEP_OVER_CAP,             /**< the fund's share withheld by the annual maximum */
    MEDINS_STEP_MAJOR_DISEASE_NO_ROW, /**< the major-disease layer (大病保险): no row for the person */
    MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE, /**< its deductible on the year's burden */
    MEDINS_STEP_MAJOR_DISEASE,        /**< the major-disease layer's share of one of its segments */
    MEDINS_STEP_MAJOR_DISEASE_CAP,    /**< the major-disease layer's annual maximum */
    MEDINS_STEP_ASSISTANCE_NO_ROW,    /**< medical assistance (医疗救助) has no row for the person */
    MEDINS_STEP_ASSISTANCE_DEDUCTIBLE, /**< medical assistance's deductible on the year's burden */
    MEDINS_STEP_ASSISTANCE,           /**< medical assistance's share of one of its segments */
    MEDINS_STEP_ASSISTANCE_CAP,       /**< medical assistance's annual maximum */
    MEDINS_STEP_PATIENT,              /**< what the patient pays in all (个人负担) */
    MEDINS_STEP_ACCOUNT,              /**< of it, paid from the individual account (个人账户) */
    /* A contribution */
    MEDINS_STEP_BENEFIT_TIER,         /**< a category's paying and benefit tiers */
    MEDINS_STEP_GROUP_STATE_SHARE,    /**< a group financed at a higher tier, the state paying */
    MEDINS_STEP_GROUP_FINANCED,       /**< a special group financed at a tier */
    MEDINS_STEP_RESIDENT_INDIVIDUAL,  /**< a resident's individual contribution */
    MEDINS_STEP_RESIDENT_STATE_PAID,  /**< of it, paid by the government */
    MEDINS_STEP_RESIDENT_SUBSIDY,     /**< the government's subsidy */
    MEDINS_STEP_RESIDENT_TOTAL,       /**< a resident's yearly financing */
    MEDINS_STEP_WAGE_FLOOR,           /**< a wage raised to the base's floor */
    MEDINS_STEP_WAGE_CEILING,         /**< a wage lowered to the base's ceiling */
    MEDINS_STEP_EMPLOYER_SHARE,       /**< the employer's monthly contribution */
    MEDINS_STEP_EMPLOYEE_SHARE,       /**< the employee's monthly contribution */
    MEDINS_STEP_FIXED_YEARLY,         /**< the employee's fixed yearly amount */
    MEDINS_STEP_EMPLOYEE_TOTAL,       /**< an employee's yearly contributions */
    /* An account credit */
    MEDINS_STEP_ACCOUNT_FROM_INDIVIDUAL, /**< the part of the individual's contribution credited */
    MEDINS_STEP_ACCOUNT_FROM_EMPLOYER, /**< the part of the employer's contribution credited */
    MEDINS_STEP_ACCOUNT_TO_POOL,      /**< what goes to the pooled fund */
    MEDINS_STEP_ACCOUNT_RETIREE,      /**< a retiree's credit from the pooled fund */
    MEDINS_STEP_ACCOUNT_CARD,         /**< the part credited to the social-security card */
    MEDINS_STEP_ACCOUNT_WITHDRAW,     /**< whether the balance may be withdrawn */
    /* A maternity payment */
    MEDINS_STEP_CHILD_ORDER,          /**< the child's order, within what the policy covers */
    MEDINS_STEP_DELIVERY,             /**< the flat payment for the delivery */
    MEDINS_STEP_PRENATAL,             /**< prenatal care, up to its limit */
    MEDINS_STEP_COMPLICATION,         /**< complication costs at their ratio */
    MEDINS_STEP_NO_COMPLICATION,      /**< complication costs the policy does not pay */
    MEDINS_STEP_MATERNITY_TOTAL,      /**< the maternity payment in all */
    /* A per-head (capitation) payment */
    MEDINS_STEP_ENROLMENT,            /**< one patient's enrolment and its share of the budget */
    MEDINS_STEP_BUDGET,               /**< the budget of all the enrolments */
    MEDINS_STEP_ACTUAL_COSTS,         /**< the costs incurred */
    MEDINS_STEP_SURPLUS,              /**< the underspend the institution keeps a share of */
    MEDINS_STEP_OVERRUN,              /**< the overrun the fund bears a share of */
    MEDINS_STEP_ASSESSMENT,           /**< the payment scaled by the assessment score */
    MEDINS_STEP_CAPITATION_PAYMENT,   /**< what the fund pays the institution */
    /* A settlement's supplementary fund, after the segments (numbered after the others) */
    MEDINS_STEP_SUPPLEMENTARY_START,  /**< where the supplementary fund starts on the basic fund's
                                           payment this year, and the cost it takes */
    MEDINS_STEP_SUPPLEMENTARY,        /**< the supplementary fund's share of that cost */
    MEDINS_STEP_SUPPLEMENTARY_CAP,    /**< the supplementary fund's annual maximum */
    /* A settlement's maximums of a claim and of the year's deductibles */
    MEDINS_STEP_VISIT_CAP,            /**< the most the fund pays for one claim */
    MEDINS_STEP_DEDUCTIBLE_CAP,       /**< the most the year's deductibles come to in the pool */
    MEDINS_STEP_ACCOUNT_FIRST,        /**< the individual account paying before the deductible */
    /* An itemised bill's settlement, after MEDINS_STEP_SELF_PAID */
    MEDINS_STEP_OVER_CEILING,         /**< fee lines' parts above their price ceilings (超限价) */
    /* A settlement's maximum of a day, beside MEDINS_STEP_VISIT_CAP */
    MEDINS_STEP_DAY_CAP,              /**< the most the fund pays on one day (日限额): the
                                           claim's date's earlier payments are its base */
    /* A settlement's maximum per bed-day, beside MEDINS_STEP_VISIT_CAP */
    MEDINS_STEP_BED_DAY_CAP,          /**< the most the fund pays per bed-day of the claim
                                           (床日限额): the amount the row's times the days */
    MEDINS_STEP_KIND_COUNT            /**< number of kinds; not a kind */
} medins_step_kind;

/** The most arguments a step has. */
#define MEDINS_STEP_ARGS 8

/** What a step's argument is, which says how to read its int64_t. */
typedef enum medins_arg_type {
    MEDINS_ARG_NONE = 0,       /**< no such argument */
    MEDINS_ARG_MONEY,          /**< an amount in fen */
    MEDINS_ARG_RATIO,          /**< basis points */
    MEDINS_ARG_COUNT,          /**< a number (admissions, years, weeks, days, patients) */
    MEDINS_ARG_FLAG,           /**< 1 or 0: whether something holds */
    MEDINS_ARG_DATE,           /**< a date, YYYYMMDD; 0: none */
    MEDINS_ARG_ID,             /**< an identifier (a patient, an institution) */
    MEDINS_ARG_SCHEME,         /**< a medins_scheme */
    MEDINS_ARG_CATEGORY,       /**< a medins_category */
    MEDINS_ARG_TIER,           /**< a medins_tier; MEDINS_TIER_NONE: the chosen, or the category's */
    MEDINS_ARG_GROUPS,         /**< medins_group flags; named by the lowest */
    MEDINS_ARG_EMPLOYER_TYPE,  /**< a medins_employer_type */
    MEDINS_ARG_DELIVERY,       /**< a medins_delivery */
    MEDINS_ARG_DISEASE,        /**< a medins_disease */
    MEDINS_ARG_PERIOD          /**< a medins_capitation_period */
} medins_arg_type;

/**
 * One step of a result's trace. `rule` is borrowed from the policy or the library, like a
 * line's (below); the step itself from the result.
 */
typedef struct medins_step {
    medins_step_kind kind;     /**< what the step is */
    medins_part part;          /**< whose money `amount` is; MEDINS_PART_INFO when it moves none */
    const char *rule;          /**< rule id, e.g. "inpatient.deductible" */
    medins_fen amount;         /**< the money the step is about */
    medins_fen base;           /**< what its rule was applied to (a segment's piece...), or 0 */
    medins_bp ratio;           /**< the ratio applied (signed for an adjustment), or 0 */
    unsigned int nvalues;      /**< policy values it read (medins_result_step_value) */
    int64_t arg[MEDINS_STEP_ARGS]; /**< the kind's arguments: medins_step_arg_name / _type */
} medins_step;

/**
 * One explained line: a step of the trace rendered in English. All pointers are borrowed:
 * `text` from the result (valid until it is freed), `rule`, `source`, `citation` and `file`
 * from the policy or the library (valid as long as the policy, and the same pointers in every
 * result that cites the same value).
 */
typedef struct medins_line {
    medins_part part;         /**< whose money the line is about */
    medins_fen amount;        /**< money this line is about */
    medins_fen base;          /**< the amount the rule was applied to (segment piece...), or 0 */
    medins_bp ratio;          /**< ratio applied, or 0 */
    const char *rule;         /**< rule id, e.g. "inpatient.deductible" */
    const char *text;         /**< the step's English sentence with the parameter values */
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
/** Number of steps of the trace: none when computed without one (MEDINS_SETTLE_NO_TRACE). */
MEDINS_API size_t medins_result_step_count(const medins_result *result);
/** The i-th step, or NULL when out of range. Borrowed from the result. */
MEDINS_API const medins_step *medins_result_step(const medins_result *result, size_t i);
/**
 * The j-th policy value step i read, or NULL when out of range: the first is the one its
 * amount rests on (a deductible's row, a segment's ratio), the others its bounds and the like.
 * Borrowed from the policy; medins_value_citation gives its citation.
 */
MEDINS_API const medins_value *medins_result_step_value(const medins_result *result, size_t i,
                                                        size_t j);
/** A step kind's word ("deductible", "major_disease_cap"), or NULL for an unknown kind. Static. */
MEDINS_API const char *medins_step_kind_name(medins_step_kind kind);
/** Number of arguments of a kind (0 for an unknown kind). */
MEDINS_API size_t medins_step_arg_count(medins_step_kind kind);
/** The name of argument j of a kind ("deductible", "before"), or NULL past its last. Static. */
MEDINS_API const char *medins_step_arg_name(medins_step_kind kind, size_t j);
/** The type of argument j of a kind; MEDINS_ARG_NONE past its last. */
MEDINS_API medins_arg_type medins_step_arg_type(medins_step_kind kind, size_t j);

/** Number of explanation lines: one per step of the trace. */
MEDINS_API size_t medins_result_line_count(const medins_result *result);
/**
 * The i-th line, or NULL when out of range. Borrowed from the result. The lines are rendered
 * from the trace when one is first asked for (once, whichever thread asks; NULL when memory
 * runs out then).
 */
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
