/**
 * @file medins/layout.h
 * @brief The public structs' layouts as data, for bindings that move them field by field.
 *
 * A binding that copies a person, a claim, a ledger, an input or a result's figures between its
 * language and C (the Python and Java bindings do) reads here which fields the struct has, in
 * its order, where each lies and how wide it is, instead of keeping a list of its own that
 * could drift from the header. The struct's `version` and its reserved space are not fields:
 * medins_layout_init sets them. Neither is a pointer member (a capitation input's enrolments).
 * A member that is an array (a ledger's totals by pool) is one field per element, named after
 * the element's word: `deductible.outpatient`.
 */
#ifndef MEDINS_LAYOUT_H
#define MEDINS_LAYOUT_H

#include "common.h"

MEDINS_BEGIN_DECLS

/** The structs described. */
typedef enum medins_layout {
    MEDINS_LAYOUT_PERSON = 0,             /**< medins_person */
    MEDINS_LAYOUT_CLAIM,                  /**< medins_claim */
    MEDINS_LAYOUT_LEDGER,                 /**< medins_ledger */
    MEDINS_LAYOUT_SETTLEMENT,             /**< medins_settlement */
    MEDINS_LAYOUT_EMPLOYEE_INPUT,         /**< medins_employee_input */
    MEDINS_LAYOUT_ACCOUNT_INPUT,          /**< medins_account_input (its employee's fields first) */
    MEDINS_LAYOUT_MATERNITY_INPUT,        /**< medins_maternity_input */
    MEDINS_LAYOUT_CAPITATION_INPUT,       /**< medins_capitation_input (not its enrolments) */
    MEDINS_LAYOUT_CONTRIBUTION_FIGURES,   /**< medins_contribution_figures */
    MEDINS_LAYOUT_ACCOUNT_FIGURES,        /**< medins_account_figures */
    MEDINS_LAYOUT_MATERNITY_FIGURES,      /**< medins_maternity_figures */
    MEDINS_LAYOUT_CAPITATION_FIGURES,     /**< medins_capitation_figures */
    MEDINS_LAYOUT_YEAR_TO_DATE,           /**< medins_year_to_date */
    MEDINS_LAYOUT_ITEM,                   /**< medins_item (not its code and name) */
    MEDINS_LAYOUT_ITEM_SPLIT,             /**< medins_item_split */
    MEDINS_LAYOUT_SETLINFO,               /**< medins_setlinfo */
    MEDINS_LAYOUT_SETLDETAIL,             /**< medins_setldetail (not its strings) */
    MEDINS_LAYOUT_COUNT                   /**< number of layouts; not a layout */
} medins_layout;

/** How a field is stored. */
typedef enum medins_field_type {
    MEDINS_FIELD_INT32 = 0,   /**< int32_t, or an enumeration */
    MEDINS_FIELD_UINT32 = 1,  /**< uint32_t */
    MEDINS_FIELD_INT64 = 2    /**< int64_t */
} medins_field_type;

/** What a field's number means. */
typedef enum medins_field_kind {
    MEDINS_FIELD_NUMBER = 0,  /**< a count, an id, a year */
    MEDINS_FIELD_MONEY = 1,   /**< fen (medins_fen) */
    MEDINS_FIELD_RATIO = 2,   /**< basis points (medins_bp) */
    MEDINS_FIELD_DATE = 3,    /**< YYYYMMDD (medins_date), 0 for none */
    MEDINS_FIELD_ENUM = 4,    /**< a value of one of the library's enumerations */
    MEDINS_FIELD_FLAGS = 5,   /**< a set of medins_group flags */
    MEDINS_FIELD_BOOL = 6     /**< 0 or non-zero */
} medins_field_kind;

/** One field of a struct. */
typedef struct medins_field {
    const char *name;         /**< the member's name ("birth_date"; "deductible.outpatient") */
    size_t offset;            /**< its offset in the struct, in bytes */
    medins_field_type type;   /**< how it is stored */
    medins_field_kind kind;   /**< what it means */
} medins_field;

/** The struct's C name ("medins_person"). Static; NULL when out of range. */
MEDINS_API const char *medins_layout_name(medins_layout layout);
/** sizeof the struct; 0 when out of range. */
MEDINS_API size_t medins_layout_size(medins_layout layout);
/** The number of fields of the struct; 0 when out of range. */
MEDINS_API size_t medins_layout_field_count(medins_layout layout);
/** The i-th field, in the struct's order; NULL when either is out of range. Static. */
MEDINS_API const medins_field *medins_layout_field(medins_layout layout, size_t i);
/**
 * Initialise the struct at `p` as its own initialiser does (medins_person_init...; a ledger
 * as medins_ledger_init(p, 0), a result's figures to zeros).
 * @param layout which struct.
 * @param p the struct.
 * @param size the bytes at p: medins_layout_size(layout).
 * @return 0, or MEDINS_ERR_ARGUMENT for an unknown layout, a NULL p or another size (nothing
 *         is written).
 */
MEDINS_API int medins_layout_init(medins_layout layout, void *p, size_t size);

MEDINS_END_DECLS

#endif
