/**
 * @file medins/batch.h
 * @brief Settling many claims in one call: structure-of-arrays in and out.
 *
 * Claims come grouped by person, in date order within a person. Each person has a ledger, which
 * the batch updates as it goes. No heap allocation is made per claim (a call makes one, of
 * 25 KB plus 360 bytes a claim up to about 390 KB, for the rows it finds once per kind of
 * person and claim; if it cannot, it finds them claim by claim) and no explanation text is
 * produced. A claim that fails leaves its person's
 * ledger as it was, gets its status in `status[i]` and zeros in the output arrays; the batch
 * goes on with the next claim.
 */
#ifndef MEDINS_BATCH_H
#define MEDINS_BATCH_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "ledger.h"
#include "policy.h"

MEDINS_BEGIN_DECLS

/** Persons as parallel arrays of length n. */
typedef struct medins_batch_persons {
    size_t n;                     /**< number of persons */
    const int32_t *scheme;        /**< medins_scheme */
    const int32_t *category;      /**< medins_category */
    const int32_t *tier;          /**< medins_tier */
    const medins_date *birth_date; /**< YYYYMMDD */
    const uint32_t *groups;       /**< may be NULL: no groups */
    const int64_t *family_doctor; /**< may be NULL: no contracts */
} medins_batch_persons;

/** Claims as parallel arrays of length n. */
typedef struct medins_batch_claims {
    size_t n;                     /**< number of claims */
    const int32_t *person;        /**< index into the persons (and ledgers) arrays */
    const medins_date *date;      /**< YYYYMMDD */
    const int32_t *kind;          /**< medins_claim_kind */
    const int32_t *level;         /**< medins_level */
    const int64_t *institution;   /**< may be NULL */
    const medins_fen *total;      /**< total cost */
    const medins_fen *self_paid;  /**< may be NULL: 0 */
    const medins_fen *category_b; /**< may be NULL: 0 */
} medins_batch_claims;

/**
 * Outputs of length claims.n; any pointer may be NULL to skip that column. The batch runs
 * fastest with every column, or with fund, major_disease, assistance, patient and status
 * only (how the total splits): for these two sets it has a copy that tests for no column.
 */
typedef struct medins_batch_out {
    medins_fen *fund;             /**< as medins_settlement.fund */
    medins_fen *major_disease;    /**< as medins_settlement.major_disease */
    medins_fen *assistance;       /**< as medins_settlement.assistance */
    medins_fen *patient;          /**< as medins_settlement.patient */
    medins_fen *deductible;       /**< as medins_settlement.deductible */
    medins_fen *coinsurance;      /**< as medins_settlement.coinsurance */
    medins_fen *over_cap;         /**< as medins_settlement.over_cap */
    medins_fen *account;          /**< as medins_settlement.account */
    int32_t *status;              /**< 0 or the claim's negative status */
} medins_batch_out;

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
 *         another negative status when the arguments themselves are wrong (nothing is changed).
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

MEDINS_END_DECLS

#endif
