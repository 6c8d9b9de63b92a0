/**
 * @file medins/person.h
 * @brief The insured person and the medical claim: plain value types.
 */
#ifndef MEDINS_PERSON_H
#define MEDINS_PERSON_H

#include "common.h"

MEDINS_BEGIN_DECLS

/** Insurance scheme. */
typedef enum medins_scheme {
    MEDINS_SCHEME_EMPLOYEE = 0,   /**< employee basic medical insurance (职工医保) */
    MEDINS_SCHEME_RESIDENT = 1,   /**< urban and rural residents' insurance (城乡居民医保) */
    MEDINS_SCHEME_COUNT
} medins_scheme;

/** Insured category; each belongs to one scheme. */
typedef enum medins_category {
    MEDINS_CATEGORY_IN_SERVICE = 0,    /**< employee in service (在职) */
    MEDINS_CATEGORY_RETIRED = 1,       /**< retired employee (退休); age band from the birth date */
    MEDINS_CATEGORY_ADULT = 2,         /**< adult resident */
    MEDINS_CATEGORY_STUDENT_CHILD = 3, /**< student or child resident (学生儿童) */
    MEDINS_CATEGORY_COUNT
} medins_category;

/** Residents' contribution tier. Employees use MEDINS_TIER_NONE. */
typedef enum medins_tier {
    MEDINS_TIER_NONE = 0,
    MEDINS_TIER_LOW = 1,
    MEDINS_TIER_MIDDLE = 2,
    MEDINS_TIER_HIGH = 3,
    MEDINS_TIER_COUNT
} medins_tier;

/** Special groups, as bit flags in medins_person.groups. */
typedef enum medins_group {
    MEDINS_GROUP_DIBAO = 1u << 0,            /**< minimum-living-allowance recipient (低保) */
    MEDINS_GROUP_MARGINAL = 1u << 1,         /**< low-income marginal household (低保边缘) */
    MEDINS_GROUP_TEKUN = 1u << 2,            /**< special hardship (特困) */
    MEDINS_GROUP_DISABLED = 1u << 3,         /**< severely disabled (重度残疾) */
    MEDINS_GROUP_LOW_INCOME_ELDERLY = 1u << 4, /**< urban low-income elderly aged 60+ */
    MEDINS_GROUP_SINGLE_PARENT = 1u << 5,    /**< single-parent family */
    MEDINS_GROUP_BEREAVED_PARENT = 1u << 6,  /**< parents who lost their only child (失独) */
    MEDINS_GROUP_FIVE_GUARANTEE = 1u << 7,   /**< rural five-guarantee household (五保) */
    MEDINS_GROUP_THREE_WITHOUT = 1u << 8,    /**< urban "three-without" person (三无) */
    MEDINS_GROUP_ENTITLED = 1u << 9          /**< entitled groups (优抚对象) */
} medins_group;
/** Every known medins_group flag. */
#define MEDINS_GROUP_ALL 0x3FFu

/** Where care is given. */
typedef enum medins_level {
    MEDINS_LEVEL_PRIMARY = 0,   /**< grass-roots / primary institution (基层) */
    MEDINS_LEVEL_1 = 1,         /**< level-1 hospital */
    MEDINS_LEVEL_2 = 2,         /**< level-2 hospital */
    MEDINS_LEVEL_3 = 3,         /**< level-3 hospital */
    MEDINS_LEVEL_PHARMACY = 4,  /**< designated retail pharmacy */
    MEDINS_LEVEL_COUNT
} medins_level;

/** What kind of care a claim is for. */
typedef enum medins_claim_kind {
    MEDINS_CLAIM_OUTPATIENT = 0,      /**< outpatient / emergency, annual deductible (门急诊) */
    MEDINS_CLAIM_POOLING = 1,         /**< general outpatient pooling visit, per-visit deductible (普通门诊统筹) */
    MEDINS_CLAIM_SPECIAL_DISEASE = 2, /**< outpatient special disease (门特) */
    MEDINS_CLAIM_INPATIENT = 3,       /**< inpatient admission */
    MEDINS_CLAIM_PHARMACY = 4,        /**< designated retail pharmacy purchase */
    MEDINS_CLAIM_KIND_COUNT
} medins_claim_kind;

/** An insured person. Initialise with medins_person_init. */
typedef struct medins_person {
    medins_scheme scheme;       /**< the scheme the person is insured under */
    medins_category category;   /**< must belong to the scheme */
    medins_tier tier;           /**< residents: the tier paid for (benefit tier follows the policy) */
    medins_date birth_date;     /**< YYYYMMDD; needed for age bands (retirees' deductibles) */
    uint32_t groups;            /**< medins_group flags */
    int64_t family_doctor;      /**< institution id of the family-doctor contract; 0 = none */
} medins_person;

/** A medical bill to settle. Initialise with medins_claim_init. */
typedef struct medins_claim {
    int64_t id;                 /**< the caller's identifier, echoed in results */
    medins_date date;           /**< settlement date (discharge or visit), YYYYMMDD */
    medins_claim_kind kind;     /**< what care the bill is for */
    medins_level level;         /**< where the care was given */
    int64_t institution;        /**< institution id (compared with the family-doctor contract); 0 = unknown */
    medins_fen total;           /**< total cost */
    medins_fen self_paid;       /**< fully self-paid items outside the catalogue (自费) */
    medins_fen category_b;      /**< category-B first self-pay (乙类先行自付, 增负) */
} medins_claim;

/** An employee in service, tier none, no groups, no family doctor. */
MEDINS_API void medins_person_init(medins_person *person);
/** Zero amounts, kind outpatient, level 1. */
MEDINS_API void medins_claim_init(medins_claim *claim);

/** Age in whole years on `date` (birthday counted on the day itself); -1 when either date is malformed or birth is after date. */
MEDINS_API int medins_age_on(medins_date birth_date, medins_date date);
/** Non-zero when `date` is a real calendar date YYYYMMDD between 1900 and 2199. */
MEDINS_API int medins_date_valid(medins_date date);

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
/** Name of one group flag; NULL when `flag` is not exactly one known flag. */
MEDINS_API const char *medins_group_name(uint32_t flag);

/** Parse those names back; return 0 or MEDINS_ERR_TYPE (out untouched). */
MEDINS_API int medins_scheme_parse(medins_scheme *out, const char *name);
/** Parse a category name; 0 or MEDINS_ERR_TYPE (out untouched). */
MEDINS_API int medins_category_parse(medins_category *out, const char *name);
/** Parse a tier name; 0 or MEDINS_ERR_TYPE (out untouched). */
MEDINS_API int medins_tier_parse(medins_tier *out, const char *name);
/** Parse a level name; 0 or MEDINS_ERR_TYPE (out untouched). */
MEDINS_API int medins_level_parse(medins_level *out, const char *name);
/** Parse a claim kind name; 0 or MEDINS_ERR_TYPE (out untouched). */
MEDINS_API int medins_claim_kind_parse(medins_claim_kind *out, const char *name);
/** Parse one group name into its flag; 0 or MEDINS_ERR_TYPE (out untouched). */
MEDINS_API int medins_group_parse(uint32_t *out, const char *name);

MEDINS_END_DECLS

#endif
