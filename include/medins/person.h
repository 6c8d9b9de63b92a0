/**
 * @file medins/person.h
 * @brief The insured person and the medical claim: plain value types.
 */
#ifndef MEDINS_PERSON_H
#define MEDINS_PERSON_H

#include "common.h"
#include "errors.h"

MEDINS_BEGIN_DECLS

/** Insurance scheme. */
typedef enum medins_scheme {
    MEDINS_SCHEME_EMPLOYEE = 0,   /**< `employee`: employee basic medical insurance (职工医保) */
    MEDINS_SCHEME_RESIDENT = 1,   /**< `resident`: urban and rural residents' insurance (城乡居民医保) */
    MEDINS_SCHEME_COUNT           /**< number of schemes; not a scheme */
} medins_scheme;

/** Insured category; each belongs to one scheme. */
typedef enum medins_category {
    MEDINS_CATEGORY_IN_SERVICE = 0,    /**< `in_service`: employee in service (在职) */
    MEDINS_CATEGORY_RETIRED = 1,       /**< `retired`: retired employee (退休); age band from the birth date */
    MEDINS_CATEGORY_ADULT = 2,         /**< `adult`: adult resident, who chooses a contribution tier */
    MEDINS_CATEGORY_STUDENT_CHILD = 3, /**< `student_child`: student or child resident (学生儿童) */
    MEDINS_CATEGORY_COUNT              /**< number of categories; not a category */
} medins_category;

/** Residents' contribution tier. Employees use MEDINS_TIER_NONE. */
typedef enum medins_tier {
    MEDINS_TIER_NONE = 0,     /**< `none`: no tier (employees; residents whose category sets the contribution) */
    MEDINS_TIER_LOW = 1,      /**< `low`: the low contribution tier (低档) */
    MEDINS_TIER_MIDDLE = 2,   /**< `middle`: the middle contribution tier (中档) */
    MEDINS_TIER_HIGH = 3,     /**< `high`: the high contribution tier (高档) */
    MEDINS_TIER_COUNT         /**< number of tiers; not a tier */
} medins_tier;

/** Special groups, as bit flags in medins_person.groups. */
typedef enum medins_group {
    MEDINS_GROUP_DIBAO = 1u << 0,            /**< `dibao`: minimum-living-allowance recipient (低保) */
    MEDINS_GROUP_MARGINAL = 1u << 1,         /**< `marginal`: low-income marginal household (低保边缘) */
    MEDINS_GROUP_TEKUN = 1u << 2,            /**< `tekun`: special hardship (特困) */
    MEDINS_GROUP_DISABLED = 1u << 3,         /**< `disabled`: severely disabled (重度残疾) */
    MEDINS_GROUP_LOW_INCOME_ELDERLY = 1u << 4, /**< `low_income_elderly`: urban low-income elderly aged 60+ */
    MEDINS_GROUP_SINGLE_PARENT = 1u << 5,    /**< `single_parent`: single-parent family */
    MEDINS_GROUP_BEREAVED_PARENT = 1u << 6,  /**< `bereaved_parent`: parents who lost their only child (失独) */
    MEDINS_GROUP_FIVE_GUARANTEE = 1u << 7,   /**< `five_guarantee`: rural five-guarantee household (五保) */
    MEDINS_GROUP_THREE_WITHOUT = 1u << 8,    /**< `three_without`: urban "three-without" person (三无) */
    MEDINS_GROUP_ENTITLED = 1u << 9          /**< `entitled`: entitled groups (优抚对象) */
} medins_group;
/** Every known medins_group flag. */
#define MEDINS_GROUP_ALL 0x3FFu

/** A person's sex, as policies that select on it (retirement ages differ) read it. */
typedef enum medins_sex {
    MEDINS_SEX_UNKNOWN = 0,     /**< `unknown`: not given; a row that selects on sex then fails */
    MEDINS_SEX_MALE = 1,        /**< `male` (男) */
    MEDINS_SEX_FEMALE = 2,      /**< `female` (女) */
    MEDINS_SEX_COUNT            /**< number of values; not one */
} medins_sex;

/** Where care is given. */
typedef enum medins_level {
    MEDINS_LEVEL_PRIMARY = 0,   /**< `primary`: grass-roots / primary institution (基层) */
    MEDINS_LEVEL_1 = 1,         /**< `l1`: level-1 hospital (一级) */
    MEDINS_LEVEL_2 = 2,         /**< `l2`: level-2 hospital (二级) */
    MEDINS_LEVEL_3 = 3,         /**< `l3`: level-3 hospital (三级) */
    MEDINS_LEVEL_PHARMACY = 4,  /**< `pharmacy`: designated retail pharmacy (定点零售药店) */
    MEDINS_LEVEL_COUNT          /**< number of levels; not a level */
} medins_level;

/** What kind of care a claim is for. */
typedef enum medins_claim_kind {
    MEDINS_CLAIM_OUTPATIENT = 0,      /**< `outpatient`: outpatient / emergency visit (门急诊) */
    MEDINS_CLAIM_POOLING = 1,         /**< `pooling`: general outpatient pooling visit (普通门诊统筹) */
    MEDINS_CLAIM_SPECIAL_DISEASE = 2, /**< `special_disease`: outpatient special disease (门特) */
    MEDINS_CLAIM_INPATIENT = 3,       /**< `inpatient`: an inpatient admission (住院) */
    MEDINS_CLAIM_PHARMACY = 4,        /**< `pharmacy`: a purchase at a designated retail pharmacy */
    MEDINS_CLAIM_KIND_COUNT           /**< number of claim kinds; not a kind */
} medins_claim_kind;

/**
 * An insured person. Initialise with MEDINS_PERSON_INIT or medins_person_init: they set
 * `version`, by which a library newer than the caller's header reads the struct as the caller
 * laid it out; a version the library does not know (0: never initialised) is refused with
 * MEDINS_ERR_ARGUMENT, naming the struct.
 */
typedef struct medins_person {
    unsigned int version;       /**< MEDINS_PERSON_VERSION, set by the initialisers */
    medins_scheme scheme;       /**< the scheme the person is insured under */
    medins_category category;   /**< must belong to the scheme */
    medins_tier tier;           /**< residents: the tier paid for (benefit tier follows the policy) */
    medins_date birth_date;     /**< YYYYMMDD, 0 = unknown. Needed wherever a settlement (or the closing of a year) reads a row with age bounds for the person, such as a retiree's deductible band: without it that call fails with MEDINS_ERR_PERSON, never takes another row. A birth date after the claim's date is MEDINS_ERR_PERSON too. Contributions and maternity payments read no age. */
    uint32_t groups;            /**< medins_group flags */
    int64_t family_doctor;      /**< institution id of the family-doctor contract; 0 = none */
    /* Version 2. A row that selects on one of these fields (or on a cohort the policy defines
     * by one) while the field is unknown fails with MEDINS_ERR_PERSON naming the field, never
     * takes another row. */
    medins_date retirement_date; /**< YYYYMMDD the person retired, 0 = unknown (or not retired) */
    int32_t contribution_months; /**< months of contribution the policy counts (累计缴费年限 in
                                  *   months: 15 years is 180), -1 = unknown; 0 is none */
    medins_sex sex;             /**< MEDINS_SEX_UNKNOWN when not given */
    uint32_t cohorts;           /**< the policy's person groups (`person_groups:`) the caller
                                 *   says the person belongs to: bit i is the policy's i-th
                                 *   (medins_policy_cohorts_parse); 0 = none. Groups the policy
                                 *   defines by a rule are worked out from the fields and may not
                                 *   be set. MEDINS_COHORTS_UNKNOWN: not known, so that a row
                                 *   selecting on a caller's group fails (the persons of a
                                 *   batch without a cohorts column, and of populations). */
} medins_person;

/** A medical bill to settle. Initialise with MEDINS_CLAIM_INIT or medins_claim_init (`version`
 * as for medins_person). */
typedef struct medins_claim {
    unsigned int version;       /**< MEDINS_CLAIM_VERSION, set by the initialisers */
    int64_t id;                 /**< the caller's identifier, echoed in results */
    medins_date date;           /**< settlement date (discharge or visit), YYYYMMDD */
    medins_claim_kind kind;     /**< what care the bill is for */
    medins_level level;         /**< where the care was given */
    int64_t institution;        /**< institution id (compared with the family-doctor contract); 0 = unknown */
    medins_fen total;           /**< total cost */
    medins_fen self_paid;       /**< fully self-paid items outside the catalogue (自费) */
    medins_fen category_b;      /**< category-B first self-pay (乙类先行自付, 增负) */
    /* Version 2 */
    uint32_t attributes;        /**< the policy's claim attributes the claim has (referred, out of
                                 *   region, a family sickbed...): bit i is the policy's i-th
                                 *   (medins_policy_attributes_parse); 0 = none */
    /* Version 3 (version 2 had `reserved` here, which had to be zero) */
    uint32_t days;              /**< the bed-days the claim covers (a family sickbed's or an
                                 *   admission's), 1 to MEDINS_CLAIM_DAYS_MAX; 0 = not given.
                                 *   Needed where the policy has a maximum per bed-day
                                 *   (`bed_day_cap`): without it that settlement fails with
                                 *   MEDINS_ERR_CLAIM. */
} medins_claim;

/** The most bed-days a claim can cover: a benefit year's days. */
#define MEDINS_CLAIM_DAYS_MAX 366

/** medins_person.cohorts when the caller does not know the person's groups (a policy has at
 * most 31, so no set of them is this). */
#define MEDINS_COHORTS_UNKNOWN 0xFFFFFFFFu

/** The medins_person layout this header describes. */
#define MEDINS_PERSON_VERSION 2
/** An employee in service, tier none, no birth date, no groups, no family doctor; retirement
 * date, contribution months and sex unknown, no cohorts. */
#define MEDINS_PERSON_INIT \
    { MEDINS_PERSON_VERSION, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE, \
      0, 0, 0, 0, -1, MEDINS_SEX_UNKNOWN, 0 }
/** The medins_claim layout this header describes. */
#define MEDINS_CLAIM_VERSION 3
/** Claim 0, no date, outpatient at level 1, zero amounts, no attributes, days not given. */
#define MEDINS_CLAIM_INIT \
    { MEDINS_CLAIM_VERSION, 0, 0, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_1, 0, 0, 0, 0, 0, 0 }

/** Set *person to MEDINS_PERSON_INIT (for bindings, which cannot use the macro). A NULL person
 * is left alone. */
MEDINS_API void medins_person_init(medins_person *person);
/** Set *claim to MEDINS_CLAIM_INIT. A NULL claim is left alone. */
MEDINS_API void medins_claim_init(medins_claim *claim);

/** Age in whole years on `date` (birthday counted on the day itself); -1 when either date is malformed or birth is after date. */
MEDINS_API int medins_age_on(medins_date birth_date, medins_date date);
/** Non-zero when `date` is a real calendar date YYYYMMDD between 1900 and 2199. */
MEDINS_API int medins_date_valid(medins_date date);

/**
 * Parse a date written as ISO 8601 does, "2023-06-01" or "20230601": four digits of the year,
 * two of the month and two of the day, with a '-' between them or nothing, and nothing before
 * or after. The one reading of dates as text: the command, the Python and Java bindings use it.
 * (Policy files write the first form only.)
 * @param out receives the date as YYYYMMDD; written only on success.
 * @param text the text, `len` bytes; need not be NUL-terminated.
 * @param len its length in bytes.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_SYNTAX for text of another shape ("2023-6-1", "2023/06/01", a NUL byte
 *         in it); MEDINS_ERR_DATE for a day the calendar does not have ("2023-02-30") or one
 *         outside 1900-01-01 to 2199-12-31; MEDINS_ERR_ARGUMENT for a NULL out or text.
 */
MEDINS_API int medins_date_parse(medins_date *out, const char *text, size_t len,
                                 medins_error **err);

/**
 * Parse a list of groups: group words (as medins_group_parse reads them) separated by '+', ','
 * or '|', each with spaces around it or not ("dibao+disabled", "dibao, disabled"). Text of
 * spaces only, or none, is no group. A word given twice counts once.
 * @param out receives the groups' flags ORed together; written only on success.
 * @param text the text, `len` bytes; need not be NUL-terminated.
 * @param len its length in bytes.
 * @param err receives a new error object on failure (may be NULL); its column is the 1-based
 *        byte where the fault is.
 * @return 0; MEDINS_ERR_TYPE for a word that is not a group; MEDINS_ERR_SYNTAX for an empty
 *         word ("dibao++disabled", a separator first or last), another separator
 *         ("dibao;disabled", "dibao disabled") or a NUL byte; MEDINS_ERR_ARGUMENT for a NULL out
 *         or text.
 */
MEDINS_API int medins_groups_parse(uint32_t *out, const char *text, size_t len,
                                   medins_error **err);

/** Names as used in policy files ("in_service", "l3", "inpatient", "dibao"). Static; NULL when out of range. */
MEDINS_API const char *medins_scheme_name(medins_scheme v);
/** The category's name ("in_service"). Static; NULL when out of range. */
MEDINS_API const char *medins_category_name(medins_category v);
/** The tier's name ("middle"; "none" for MEDINS_TIER_NONE). Static; NULL when out of range. */
MEDINS_API const char *medins_tier_name(medins_tier v);
/** The level's name ("l3", "primary"). Static; NULL when out of range. */
MEDINS_API const char *medins_level_name(medins_level v);
/** The claim kind's name ("inpatient"). Static; NULL when out of range. */
MEDINS_API const char *medins_claim_kind_name(medins_claim_kind v);
/** The sex's name ("female"). Static; NULL when out of range. */
MEDINS_API const char *medins_sex_name(medins_sex v);
/** Name of one group flag; NULL when `flag` is not exactly one known flag. */
MEDINS_API const char *medins_group_name(uint32_t flag);

/**
 * Parse a scheme as medins_word_parse reads it: its policy-file word in any case
 * ("employee"), or its Chinese name ("职工").
 * @param out receives the scheme; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a scheme word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_scheme_parse(medins_scheme *out, const char *name);
/**
 * Parse a category as medins_word_parse reads it: its policy-file word in any case
 * ("in_service"), or its Chinese name ("在职").
 * @param out receives the category; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a category word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_category_parse(medins_category *out, const char *name);
/**
 * Parse a tier as medins_word_parse reads it: its policy-file word in any case
 * ("middle"), or its Chinese name ("中档").
 * @param out receives the tier; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a tier word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_tier_parse(medins_tier *out, const char *name);
/**
 * Parse a level as medins_word_parse reads it: its policy-file word in any case
 * ("l3"), or its Chinese name ("三级").
 * @param out receives the level; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a level word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_level_parse(medins_level *out, const char *name);
/**
 * Parse a claim kind as medins_word_parse reads it: its policy-file word in any case
 * ("inpatient"), or its Chinese name ("住院").
 * @param out receives the claim kind; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a claim kind word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_claim_kind_parse(medins_claim_kind *out, const char *name);
/**
 * Parse a sex as medins_word_parse reads it: `male`, `female` (or `unknown`) in any case, or
 * 男 / 女.
 * @return 0, MEDINS_ERR_TYPE when `name` is not one, or MEDINS_ERR_ARGUMENT for a NULL.
 */
MEDINS_API int medins_sex_parse(medins_sex *out, const char *name);
/**
 * Parse a group as medins_word_parse reads it: its policy-file word in any case
 * ("dibao"), or its Chinese name ("低保").
 * @param out receives the group's single flag; written only on success.
 * @param name the word, NUL-terminated.
 * @return 0, MEDINS_ERR_TYPE when `name` is not a group word, or
 *         MEDINS_ERR_ARGUMENT when `out` or `name` is NULL.
 */
MEDINS_API int medins_group_parse(uint32_t *out, const char *name);

/** The enumerations whose words medins_word_parse reads. */
typedef enum medins_words {
    MEDINS_WORDS_SCHEME = 0,     /**< medins_scheme: `employee`, `resident` */
    MEDINS_WORDS_CATEGORY,       /**< medins_category: `in_service`, `retired`... */
    MEDINS_WORDS_TIER,           /**< medins_tier: `none`, `low`, `middle`, `high` */
    MEDINS_WORDS_LEVEL,          /**< medins_level: `primary`, `l1`, `l2`, `l3`, `pharmacy` */
    MEDINS_WORDS_CLAIM_KIND,     /**< medins_claim_kind: `outpatient`, `inpatient`... */
    MEDINS_WORDS_GROUP,          /**< one medins_group flag: `dibao`, `disabled`... */
    MEDINS_WORDS_EMPLOYER_TYPE,  /**< medins_employer_type (contribution.h) */
    MEDINS_WORDS_DELIVERY,       /**< medins_delivery (maternity.h) */
    MEDINS_WORDS_DISEASE,        /**< medins_disease (capitation.h) */
    MEDINS_WORDS_SEX,            /**< medins_sex: `unknown`, `male`, `female` */
    MEDINS_WORDS_COUNT           /**< number of enumerations; not one */
} medins_words;

/**
 * Read a word of an enumeration in the forms people type: the policy-file word (`l3`,
 * `in_service`) in any case, with `-` for `_` (`L3`, `In-Service`), or the Chinese name
 * hospitals and offices use (`三级`, `在职`, `住院`, `职工`, `低保`...; the full list is in
 * docs/policy-format.md, "Words"). The one parser of the library's words: every *_parse function,
 * the bindings and the `medins` command read words through it. Policy files are stricter: they
 * take the policy-file word only, as written.
 * @param out receives the value (for MEDINS_WORDS_GROUP the group's flag); written only on success.
 * @param words which enumeration.
 * @param text the word, `len` bytes (need not be NUL-terminated; a NUL within them is refused).
 * @param len its length in bytes.
 * @param err receives a new error object on failure (may be NULL): for a word that is not one
 *        of the enumeration's, MEDINS_ERR_TYPE with a message listing the words and their
 *        Chinese names.
 * @return 0; MEDINS_ERR_TYPE for an unknown word; MEDINS_ERR_SYNTAX for a NUL within the text;
 *         MEDINS_ERR_ARGUMENT for a NULL out or text, or an unknown `words`.
 */
MEDINS_API int medins_word_parse(int *out, medins_words words, const char *text, size_t len,
                                 medins_error **err);

MEDINS_END_DECLS

#endif
