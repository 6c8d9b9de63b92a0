/**
 * @file medins/errors.h
 * @brief Status codes and the error object.
 *
 * Every fallible call returns an int status: 0 (MEDINS_OK) on success, a negative
 * medins_status on failure. It also takes an optional `medins_error **err`: when err is not
 * NULL and the call fails, *err receives a new error object (owned by the caller, released with
 * medins_error_free). There is no global or thread-local "last error".
 *
 * On failure nothing the call was given is changed: no half-updated ledger, no partial result.
 */
#ifndef MEDINS_ERRORS_H
#define MEDINS_ERRORS_H

#include "common.h"

MEDINS_BEGIN_DECLS

/** Status codes. Values are stable across releases; new codes are only added. */
typedef enum medins_status {
    MEDINS_OK = 0,                  /**< success */

    /* General */
    MEDINS_ERR_NOMEM = -1,          /**< out of memory */
    MEDINS_ERR_ARGUMENT = -2,       /**< a NULL or out-of-range argument */
    MEDINS_ERR_IO = -3,             /**< a file or directory could not be read */
    MEDINS_ERR_OVERFLOW = -4,       /**< an amount above MEDINS_FEN_MAX, or a sum that would overflow */
    MEDINS_ERR_BUFFER = -5,         /**< an output buffer is too small */

    /* Policy files */
    MEDINS_ERR_YAML = -10,          /**< YAML syntax error */
    MEDINS_ERR_LIMIT = -11,         /**< file size, nesting depth, node count or alias limit exceeded */
    MEDINS_ERR_UNKNOWN_KEY = -12,   /**< a key the format does not define */
    MEDINS_ERR_TYPE = -13,          /**< wrong kind of node (mapping / sequence / scalar) or an unknown enum word */
    MEDINS_ERR_MISSING = -14,       /**< a required key is absent */
    MEDINS_ERR_RANGE = -15,         /**< a ratio outside 0-100%, a negative or too-large amount, a date outside the calendar or 1900-2199, an empty range */
    MEDINS_ERR_SYNTAX = -16,        /**< an amount, ratio or date that does not parse ("1,100", "55 %") */
    MEDINS_ERR_SEGMENTS = -17,      /**< cost segments not ascending, overlapping or leaving a gap */
    MEDINS_ERR_OVERLAP = -18,       /**< two policies of one region in force on the same day */
    MEDINS_ERR_BASE = -19,          /**< the base policy does not exist */
    MEDINS_ERR_CYCLE = -20,         /**< bases form a cycle, or a folder link leads back to a folder above it */
    MEDINS_ERR_CITATION = -21,      /**< a value with neither a source nor `assumed`, or an unknown source id */
    MEDINS_ERR_DUPLICATE = -22,     /**< a key or id given twice, or one folder reached by two paths */

    /* Lookups */
    MEDINS_ERR_NO_POLICY = -30,     /**< no policy of that region is in force on that date */
    MEDINS_ERR_NOT_COVERED = -31,   /**< the policy has no section (or no row) for this computation */

    /* Persons, claims, ledgers */
    MEDINS_ERR_PERSON = -40,        /**< inconsistent person (category of another scheme, unknown tier or group; born after the claim; no birth date where the age decides a row) */
    MEDINS_ERR_CLAIM = -41,         /**< inconsistent claim (negative amount, parts larger than the total) */
    MEDINS_ERR_KIND = -42,          /**< unknown claim kind */
    MEDINS_ERR_LEVEL = -43,         /**< unknown hospital level */
    MEDINS_ERR_DATE = -44,          /**< not a calendar date, outside the policy / period, or no year after the ledger's to close into */
    MEDINS_ERR_ORDER = -45,         /**< a claim earlier than the ledger's last one */
    MEDINS_ERR_LEDGER_YEAR = -46,   /**< the ledger belongs to another year than the claim */
    MEDINS_ERR_LEDGER = -47,        /**< a corrupt or unknown-version ledger */
    MEDINS_ERR_REVERSE = -48,       /**< the result is not the ledger's most recent settlement */
    MEDINS_ERR_RECORD = -49,        /**< a malformed or unknown-version settlement record */

    /* Contributions, maternity, capitation */
    MEDINS_ERR_INPUT = -60,         /**< invalid computation input (a negative wage, an unknown delivery type...) */
    MEDINS_ERR_ENROLMENT = -61,     /**< enrolment dates out of order or outside the period */

    /* Batches */
    MEDINS_ERR_BATCH = -70          /**< some claims of a batch failed; see the per-claim status array, or each claim's error (medins_batch_settle_ex) */
} medins_status;

/** An error: code, message and, for policy files, the position of the offending node. */
typedef struct medins_error medins_error;

/** The status code (negative). */
MEDINS_API int medins_error_code(const medins_error *err);
/** The message, in English. Borrowed: valid until medins_error_free. Never NULL. */
MEDINS_API const char *medins_error_message(const medins_error *err);
/** The file the error is about, or NULL. Borrowed. */
MEDINS_API const char *medins_error_file(const medins_error *err);
/** 1-based line in medins_error_file(), 0 when unknown. */
MEDINS_API unsigned int medins_error_line(const medins_error *err);
/** 1-based column, 0 when unknown. */
MEDINS_API unsigned int medins_error_column(const medins_error *err);
/** Release an error. Accepts NULL. */
MEDINS_API void medins_error_free(medins_error *err);

/**
 * A list of errors, for the calls that can go on after an error and report every one (a policy
 * load with medins_load_options.errors set). It keeps at most the `max` errors it was made with:
 * a call stops once it is full, so that a file of thousands of errors costs no more than `max`.
 */
typedef struct medins_error_list medins_error_list;

/**
 * Make an empty list.
 * @param out receives the list, owned by the caller (medins_error_list_free); written only on
 *        success.
 * @param max the most errors it keeps (at least 1).
 * @return 0, MEDINS_ERR_ARGUMENT for a NULL out or a max of 0, or MEDINS_ERR_NOMEM.
 */
MEDINS_API int medins_error_list_new(medins_error_list **out, size_t max);
/** Release a list and its errors. Accepts NULL. */
MEDINS_API void medins_error_list_free(medins_error_list *list);
/** The number of errors in the list; 0 for NULL. */
MEDINS_API size_t medins_error_list_count(const medins_error_list *list);
/** The i-th error, or NULL when i is out of range. Borrowed: valid until the list is filled
 * again or freed. */
MEDINS_API const medins_error *medins_error_list_get(const medins_error_list *list, size_t i);
/** Non-zero when the list holds its `max` errors: the call that filled it stopped there, and
 * more errors may follow. */
MEDINS_API int medins_error_list_full(const medins_error_list *list);

/** The enumerator's name for a status ("MEDINS_ERR_RANGE"); "MEDINS_ERR_UNKNOWN" for others. Static. */
MEDINS_API const char *medins_status_name(int status);
/** A short English description of a status. Static. */
MEDINS_API const char *medins_status_describe(int status);

/** The number of status codes, MEDINS_OK included: the table the bindings build their status
 * enumerations and exception classes from. */
MEDINS_API size_t medins_status_count(void);
/** The i-th status code in the order of medins_status (MEDINS_OK first); MEDINS_OK past the
 * last. */
MEDINS_API int medins_status_at(size_t i);

/** What a status is about: the families the codes above are grouped in, one exception class
 * each in the bindings (Python's ArgumentError... BatchError). */
typedef enum medins_status_kind {
    MEDINS_STATUS_KIND_NONE = 0,     /**< `none`: MEDINS_OK, or a code the library does not have */
    MEDINS_STATUS_KIND_ARGUMENT,     /**< `argument`: the call's arguments or memory (NOMEM, ARGUMENT, OVERFLOW, BUFFER) */
    MEDINS_STATUS_KIND_POLICY,       /**< `policy`: a policy file or folder (IO and the policy-file codes) */
    MEDINS_STATUS_KIND_NO_POLICY,    /**< `no_policy`: MEDINS_ERR_NO_POLICY */
    MEDINS_STATUS_KIND_NOT_COVERED,  /**< `not_covered`: MEDINS_ERR_NOT_COVERED */
    MEDINS_STATUS_KIND_PERSON,       /**< `person`: MEDINS_ERR_PERSON */
    MEDINS_STATUS_KIND_CLAIM,        /**< `claim`: the claim (CLAIM, KIND, LEVEL, DATE) */
    MEDINS_STATUS_KIND_LEDGER,       /**< `ledger`: the ledger (ORDER, LEDGER_YEAR, LEDGER, REVERSE, RECORD) */
    MEDINS_STATUS_KIND_INPUT,        /**< `input`: a computation's input (INPUT, ENROLMENT) */
    MEDINS_STATUS_KIND_BATCH,        /**< `batch`: MEDINS_ERR_BATCH */
    MEDINS_STATUS_KIND_COUNT         /**< number of kinds; not a kind */
} medins_status_kind;

/** The kind of a status; MEDINS_STATUS_KIND_NONE for MEDINS_OK and unknown codes. */
MEDINS_API medins_status_kind medins_status_kind_of(int status);
/** The kind's name ("not_covered"). Static; NULL when out of range. */
MEDINS_API const char *medins_status_kind_name(medins_status_kind kind);

MEDINS_END_DECLS

#endif
