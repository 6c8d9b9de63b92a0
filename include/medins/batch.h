/**
 * @file medins/batch.h
 * @brief Settling many claims in one call: structure-of-arrays in and out.
 *
 * Claims come grouped by person, in date order within a person. Each person has a ledger, which
 * the batch updates as it goes. No heap allocation is made per claim (a call makes one, which
 * grows with the number of claims up to a fixed bound, for the rows it finds once per kind of
 * person and claim; if it cannot, it finds them claim by claim; a call in several threads
 * makes one a thread and one for the parts) and no explanation text is produced. A claim that fails leaves its person's
 * ledger as it was, gets its status in `status[i]` and zeros in the output arrays; the batch
 * goes on with the next claim. medins_batch_settle_ex also gives each failed claim the error
 * (code and message) one claim per call gives it.
 */
#ifndef MEDINS_BATCH_H
#define MEDINS_BATCH_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "ledger.h"
#include "policy.h"

MEDINS_BEGIN_DECLS

/** Persons as parallel arrays of length n. Initialise with MEDINS_BATCH_PERSONS_INIT or
 * medins_batch_persons_init (`version` as for medins_person). */
typedef struct medins_batch_persons {
    unsigned int version;         /**< MEDINS_BATCH_PERSONS_VERSION, set by the initialisers */
    size_t n;                     /**< number of persons */
    const int32_t *scheme;        /**< medins_scheme */
    const int32_t *category;      /**< medins_category */
    const int32_t *tier;          /**< medins_tier */
    const medins_date *birth_date; /**< YYYYMMDD */
    const uint32_t *groups;       /**< may be NULL: no groups */
    const int64_t *family_doctor; /**< may be NULL: no contracts */
    /* Version 2: the fields of medins_person version 2. A column left NULL leaves the field
     * unknown for every person: a claim whose rows read it fails with MEDINS_ERR_PERSON, as it
     * would settled alone without it. Values are checked as medins_settle checks the person's:
     * a bad one fails each claim of its person with MEDINS_ERR_PERSON and medins_settle's
     * message (the claim's index names the person). */
    const medins_date *retirement_date; /**< may be NULL: unknown (0 in it: unknown or not
                                         *   retired) */
    const int32_t *contribution_months; /**< may be NULL: unknown (-1 in it: unknown) */
    const int32_t *sex;           /**< medins_sex; may be NULL: unknown */
    const uint32_t *cohorts;      /**< bits of the policy's person_groups the caller sets, as
                                   *   medins_person.cohorts; may be NULL: not known
                                   *   (MEDINS_COHORTS_UNKNOWN for every person) */
} medins_batch_persons;

/** The medins_batch_persons layout this header describes (version 1 ends after
 * family_doctor). */
#define MEDINS_BATCH_PERSONS_VERSION 2
/** No persons. */
#define MEDINS_BATCH_PERSONS_INIT \
    { MEDINS_BATCH_PERSONS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
/** Set *persons to MEDINS_BATCH_PERSONS_INIT. A NULL persons is left alone. */
MEDINS_API void medins_batch_persons_init(medins_batch_persons *persons);

/** Claims as parallel arrays of length n. Initialise with MEDINS_BATCH_CLAIMS_INIT or
 * medins_batch_claims_init (`version` as for medins_person). */
typedef struct medins_batch_claims {
    unsigned int version;         /**< MEDINS_BATCH_CLAIMS_VERSION, set by the initialisers */
    size_t n;                     /**< number of claims */
    const int32_t *person;        /**< index into the persons (and ledgers) arrays */
    const medins_date *date;      /**< YYYYMMDD */
    const int32_t *kind;          /**< medins_claim_kind */
    const int32_t *level;         /**< medins_level */
    const int64_t *institution;   /**< may be NULL */
    const medins_fen *total;      /**< total cost */
    const medins_fen *self_paid;  /**< may be NULL: 0 */
    const medins_fen *category_b; /**< may be NULL: 0 */
    /* Version 2 */
    const uint32_t *attributes;   /**< may be NULL: none (medins_claim.attributes). The batch
                                   *   settles a claim with attributes alone, with a plan of its
                                   *   own */
    /* Version 3 */
    const uint32_t *days;         /**< may be NULL: 0, not given (medins_claim.days). The batch
                                   *   settles a claim with days alone */
} medins_batch_claims;

/** The medins_batch_claims layout this header describes. */
#define MEDINS_BATCH_CLAIMS_VERSION 3
/** No claims. */
#define MEDINS_BATCH_CLAIMS_INIT \
    { MEDINS_BATCH_CLAIMS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
/** Set *claims to MEDINS_BATCH_CLAIMS_INIT. A NULL claims is left alone. */
MEDINS_API void medins_batch_claims_init(medins_batch_claims *claims);

/**
 * Outputs of length claims.n; any pointer may be NULL to skip that column. The batch runs
 * fastest with every column, or with fund, supplementary, major_disease, assistance, patient
 * and status only (how the total splits; with or without supplementary and account_first,
 * which are zero under a policy without a supplementary fund or an account_first stage): for
 * these sets it has a copy that tests for no column.
 * Initialise with MEDINS_BATCH_OUT_INIT or medins_batch_out_init (`version` as for
 * medins_person).
 */
typedef struct medins_batch_out {
    unsigned int version;         /**< MEDINS_BATCH_OUT_VERSION, set by the initialisers */
    medins_fen *fund;             /**< as medins_settlement.fund */
    medins_fen *major_disease;    /**< as medins_settlement.major_disease */
    medins_fen *assistance;       /**< as medins_settlement.assistance */
    medins_fen *patient;          /**< as medins_settlement.patient */
    medins_fen *deductible;       /**< as medins_settlement.deductible */
    medins_fen *coinsurance;      /**< as medins_settlement.coinsurance */
    medins_fen *over_cap;         /**< as medins_settlement.over_cap */
    medins_fen *account;          /**< as medins_settlement.account */
    int32_t *status;              /**< 0 or the claim's negative status */
    medins_fen *supplementary;    /**< as medins_settlement.supplementary: fund + supplementary
                                   *   + major_disease + assistance + patient = the total */
    medins_fen *account_first;    /**< as medins_settlement.account_first (of account) */
} medins_batch_out;

/** The medins_batch_out layout this header describes (version 1 ends after status). */
#define MEDINS_BATCH_OUT_VERSION 2
/** No output column. */
#define MEDINS_BATCH_OUT_INIT \
    { MEDINS_BATCH_OUT_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
/** Set *out to MEDINS_BATCH_OUT_INIT. A NULL out is left alone. */
MEDINS_API void medins_batch_out_init(medins_batch_out *out);

/**
 * Settle claims with one policy (a claim dated outside it gets MEDINS_ERR_DATE).
 * @param policy the policy every claim is settled with.
 * @param persons the persons, persons->n of them.
 * @param claims the claims, grouped by person and in date order within a person.
 * @param out the output columns, claims->n long.
 * @param err receives a new error object for the first failed claim or wrong arguments (may be NULL); release it with medins_error_free.
 * @param ledgers one per person, updated in place.
 * @param failed receives the number of failed claims (may be NULL).
 * @return 0 when every claim settled; MEDINS_ERR_BATCH when some failed (err names the first);
 *         another negative status when the arguments themselves are wrong (nothing is changed):
 *         MEDINS_ERR_ARGUMENT for a NULL argument or a required column, a claim naming no
 *         person, or a persons, claims or out struct of a version this library does not know.
 *         A ledger of an unknown version fails its person's claims, as a corrupt one does.
 */
MEDINS_API int medins_batch_settle(const medins_policy *policy,
                                   const medins_batch_persons *persons,
                                   const medins_batch_claims *claims,
                                   medins_ledger *ledgers, medins_batch_out *out,
                                   size_t *failed, medins_error **err);

/** As medins_batch_settle, but each claim uses the policy of `region` in force on its date. */
MEDINS_API int medins_batch_settle_set(const medins_policy_set *set, const char *region,
                                       const medins_batch_persons *persons,
                                       const medins_batch_claims *claims,
                                       medins_ledger *ledgers, medins_batch_out *out,
                                       size_t *failed, medins_error **err);

/* ---- The error of each failed claim ------------------------------------------------------ */

/**
 * The errors of a batch's failed claims, one per failed claim, in claim order: each with the
 * code and message that medins_settle gives the same claim (its id being its index in the
 * batch) with the ledger its person had when the batch reached it. Made with
 * medins_batch_errors_new, filled by medins_batch_settle_ex / medins_batch_settle_set_ex,
 * released with medins_batch_errors_free. One object serves one call at a time.
 */
typedef struct medins_batch_errors medins_batch_errors;

/**
 * Make an empty errors object.
 * @param out receives the new object, owned by the caller (release it with
 *        medins_batch_errors_free); written only on success.
 * @return 0, MEDINS_ERR_ARGUMENT for a NULL out, or MEDINS_ERR_NOMEM.
 */
MEDINS_API int medins_batch_errors_new(medins_batch_errors **out);

/** Release an errors object and every error it holds. Accepts NULL. */
MEDINS_API void medins_batch_errors_free(medins_batch_errors *errors);

/** The number of failed claims recorded; 0 for NULL. */
MEDINS_API size_t medins_batch_errors_count(const medins_batch_errors *errors);

/**
 * The k-th failure in claim order.
 * @param errors the errors object.
 * @param k 0 to medins_batch_errors_count() - 1.
 * @param claim receives the failed claim's index in the batch (may be NULL).
 * @param error receives its error, borrowed: valid until the object is filled again or freed
 *        (may be NULL).
 * @return 0, or MEDINS_ERR_ARGUMENT when errors is NULL or k >= the count (nothing written).
 */
MEDINS_API int medins_batch_errors_get(const medins_batch_errors *errors, size_t k,
                                       size_t *claim, const medins_error **error);

/**
 * The error of claim `claim` (its index in the batch), or NULL when that claim settled (or is
 * not in the batch, or errors is NULL). Borrowed: valid until the object is filled again or
 * freed. A binary search over the failures.
 */
MEDINS_API const medins_error *medins_batch_errors_find(const medins_batch_errors *errors,
                                                        size_t claim);

/** Options of medins_batch_settle_ex. Initialise with MEDINS_BATCH_OPTIONS_INIT or
 * medins_batch_options_init. */
typedef struct medins_batch_options {
    unsigned int version;         /**< MEDINS_BATCH_OPTIONS_VERSION */
    medins_batch_errors *errors;  /**< NULL: only the first failure is worded (in err) */
    /* version 2 */
    /**
     * 0 (the default): a claim of a later year than its person's ledger fails with
     * MEDINS_ERR_LEDGER_YEAR. Non-zero: it first closes the ledger's years up to the claim's,
     * each with medins_ledger_close_year and the policy in force on its 31 December (the
     * batch's policy, or the set's policy of the region on that day), as a caller settling
     * the claim alone would close them before settling it. The closing is part of the claim:
     * when a year cannot be closed (no policy in force on its last day: MEDINS_ERR_DATE; a
     * birth date the closing needs: MEDINS_ERR_PERSON) or the claim then fails, the claim gets
     * that error and its person's ledger stays as it was.
     */
    int close_years;
    /* version 3 */
    /**
     * 0 or 1 (the default): the claims are settled in the calling thread. N > 1: when the
     * claims are sorted by person index (each person's claims together, the persons in
     * increasing order, as the bindings sort them), they are split into up to N parts at
     * persons' boundaries, each settled in a thread of its own (the calling thread settles the
     * first); no person's claims are in two parts, so each thread writes only its persons'
     * ledgers and its claims' outputs. Every output, ledger, status and error (the errors
     * object's, in claim order, and err's) is the same as with one thread. Claims in another
     * order, or too few for a part of MEDINS_BATCH_PART_MIN claims per thread, are settled in
     * fewer threads (one, for claims not sorted); a thread that cannot be started has its part
     * settled by the calling thread.
     */
    unsigned int threads;
} medins_batch_options;

/** The version of medins_batch_options this header describes. Options of versions 1 (no
 * close_years) and 2 (no threads) are read as such. */
#define MEDINS_BATCH_OPTIONS_VERSION 3
/** Default options: no errors object, years not closed, the calling thread only. */
#define MEDINS_BATCH_OPTIONS_INIT { MEDINS_BATCH_OPTIONS_VERSION, NULL, 0, 1 }
/** The fewest claims a part of a threaded batch has (medins_batch_options.threads). */
#define MEDINS_BATCH_PART_MIN 4096

/** Set *opts to MEDINS_BATCH_OPTIONS_INIT (for bindings, which cannot use the macro). A NULL
 * opts is left alone. */
MEDINS_API void medins_batch_options_init(medins_batch_options *opts);

/**
 * As medins_batch_settle, with options. When opts->errors is set it is emptied first (even
 * when the other arguments are then refused) and receives one error per failed claim, each
 * with exactly the code and message medins_settle gives that claim with that ledger. The
 * errors are allocated only for the claims that fail: a batch in which every claim settles
 * allocates nothing more than medins_batch_settle.
 * @param policy as for medins_batch_settle.
 * @param persons as for medins_batch_settle.
 * @param claims as for medins_batch_settle.
 * @param ledgers as for medins_batch_settle.
 * @param out as for medins_batch_settle.
 * @param opts may be NULL (the defaults).
 * @param failed as for medins_batch_settle.
 * @param err as for medins_batch_settle.
 * @return as medins_batch_settle; also MEDINS_ERR_ARGUMENT for an opts->version this library
 *         does not know (refused before anything is read or changed), and MEDINS_ERR_NOMEM
 *         when an error could not be recorded: the claims are settled all the same (status[]
 *         and the ledgers are as for MEDINS_ERR_BATCH), but the errors object lacks some
 *         failures.
 */
MEDINS_API int medins_batch_settle_ex(const medins_policy *policy,
                                      const medins_batch_persons *persons,
                                      const medins_batch_claims *claims,
                                      medins_ledger *ledgers, medins_batch_out *out,
                                      const medins_batch_options *opts, size_t *failed,
                                      medins_error **err);

/**
 * As medins_batch_settle, with the persons split across up to `threads` threads
 * (medins_batch_options.threads): the same outputs, ledgers and errors as one thread.
 */
MEDINS_API int medins_batch_settle_threads(const medins_policy *policy,
                                           const medins_batch_persons *persons,
                                           const medins_batch_claims *claims,
                                           medins_ledger *ledgers, medins_batch_out *out,
                                           unsigned int threads, size_t *failed,
                                           medins_error **err);

/** As medins_batch_settle_set, with the options of medins_batch_settle_ex. */
MEDINS_API int medins_batch_settle_set_ex(const medins_policy_set *set, const char *region,
                                          const medins_batch_persons *persons,
                                          const medins_batch_claims *claims,
                                          medins_ledger *ledgers, medins_batch_out *out,
                                          const medins_batch_options *opts, size_t *failed,
                                          medins_error **err);

MEDINS_END_DECLS

#endif
