/**
 * @file medins/settle.h
 * @brief Settling one claim against a policy and the member's ledger, and reversing it.
 *
 * The order is the one settlement offices use: fully self-paid items and category-B first
 * self-pay come off; the deductible takes the first part of the in-scope amount; the rest fills
 * cost segments from the year's running position, each piece paid at its ratio (by hospital level,
 * category, tier, with adjustments); the fund is clamped at the annual maximum (raised by the
 * carry-over for inpatient care); the patient's in-scope burden then goes to the major-disease
 * layer and to medical assistance. Every fund share is rounded half-up to the fen and the
 * patient pays the remainder, so the parts add up to the total exactly.
 */
#ifndef MEDINS_SETTLE_H
#define MEDINS_SETTLE_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "ledger.h"
#include "policy.h"
#include "result.h"

MEDINS_BEGIN_DECLS

/** The figures of one settlement. total = fund + major_disease + assistance + patient. */
typedef struct medins_settlement {
    int64_t claim_id;           /**< the claim's id, echoed */
    medins_fen total;           /**< the claim's total cost */
    medins_fen self_paid;       /**< fully self-paid items */
    medins_fen category_b;      /**< category-B first self-pay */
    medins_fen in_scope;        /**< total - self_paid - category_b */
    medins_fen deductible;      /**< deductible borne by the patient */
    medins_fen fund;            /**< basic fund payment (after the cap) */
    medins_fen coinsurance;     /**< patient's share inside the segments */
    medins_fen over_cap;        /**< fund payment withheld by the annual maximum */
    medins_fen major_disease;   /**< major-disease layer payment */
    medins_fen assistance;      /**< medical assistance payment */
    medins_fen patient;         /**< everything the patient pays */
    medins_fen account;         /**< of patient: paid from the individual account */
    medins_fen cash;            /**< of patient: paid in cash (patient - account) */
    medins_bp ratio;            /**< basic fund ratio of the first segment used (0 if none) */
    int32_t admission;          /**< inpatient: admission order this year (1 = first); else 0 */
    int32_t assumed;            /**< non-zero when an assumed value was used */
    medins_fen supplementary;   /**< the section's supplementary fund's payment (its name and
                                 *   fund_pay_type: medins_policy_supplementary) */
    medins_fen account_first;   /**< of account: paid before the deductible (account_first);
                                 *   in_scope = account_first + deductible + fund + coinsurance
                                 *   + over_cap */
} medins_settlement;

/** A flag of medins_settle_options.flags: figures only, no trace, so no lines (the assumed and
 * third-party values used are listed all the same). */
#define MEDINS_SETTLE_NO_TRACE 1u
/** The older name of MEDINS_SETTLE_NO_TRACE. */
#define MEDINS_SETTLE_NO_LINES MEDINS_SETTLE_NO_TRACE

/** Options of medins_settle_ex. Initialise with MEDINS_SETTLE_OPTIONS_INIT or
 * medins_settle_options_init (`version` as for medins_person). */
typedef struct medins_settle_options {
    unsigned int version;     /**< MEDINS_SETTLE_OPTIONS_VERSION, set by the initialisers */
    unsigned int flags;       /**< MEDINS_SETTLE_NO_TRACE, or 0 (traced) */
} medins_settle_options;

/** The medins_settle_options layout this header describes. */
#define MEDINS_SETTLE_OPTIONS_VERSION 1
/** Default options: traced, so explained. */
#define MEDINS_SETTLE_OPTIONS_INIT { MEDINS_SETTLE_OPTIONS_VERSION, 0 }

/** Set *opts to MEDINS_SETTLE_OPTIONS_INIT (for bindings, which cannot use the macro). A NULL
 * opts is left alone. */
MEDINS_API void medins_settle_options_init(medins_settle_options *opts);

/**
 * Settle one claim, with its trace (medins_result_step): steps and the policy values they
 * read, from which medins/explain.h renders text.
 * @param out receives a new result (kind MEDINS_RESULT_SETTLEMENT), owned by the caller.
 * @param policy the policy in force on the claim's date.
 * @param person the insured person.
 * @param claim the bill to settle.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @param ledger the member's ledger for the claim's year; updated on success, untouched on error.
 * @return 0 or a negative status (MEDINS_ERR_CLAIM, _KIND, _LEVEL, _DATE (claim outside
 *         the policy's dates), _ORDER, _LEDGER_YEAR, _LEDGER, _NOT_COVERED, _NOMEM;
 *         MEDINS_ERR_PERSON for an inconsistent person, a birth date after the claim's date,
 *         or no birth date (0) when a row the settlement reads for the person is bounded by age
 *         (a retiree's deductible band, for instance): the age would decide whether it
 *         applies; MEDINS_ERR_OVERFLOW for an amount above MEDINS_FEN_MAX, a year total that
 *         would pass it, or a ledger that already counts MEDINS_LEDGER_SEQ_MAX settlements).
 *         The checks run in this order: person, claim, birth date against the claim's date,
 *         ledger, the claim's date against the policy and the ledger, the rows (coverage, then
 *         the age), the ledger's count of settlements, the ledger's totals.
 */
MEDINS_API int medins_settle(medins_result **out, const medins_policy *policy,
                             const medins_person *person, const medins_claim *claim,
                             medins_ledger *ledger, medins_error **err);

/**
 * As medins_settle, with options.
 * @param out as for medins_settle.
 * @param policy as for medins_settle.
 * @param person as for medins_settle.
 * @param claim as for medins_settle.
 * @param ledger as for medins_settle.
 * @param opts may be NULL (the defaults).
 * @param err as for medins_settle.
 * @return as medins_settle; also MEDINS_ERR_ARGUMENT for an opts->version this library does
 *         not know or a flag it does not know (refused before anything is read or changed).
 */
MEDINS_API int medins_settle_ex(medins_result **out, const medins_policy *policy,
                                const medins_person *person, const medins_claim *claim,
                                medins_ledger *ledger, const medins_settle_options *opts,
                                medins_error **err);

/**
 * Pre-settle a claim (预结算, as the platform's 2206 and 2303 do): the figures and trace
 * medins_settle_ex would give with this ledger, in a result of the same kind, and no ledger
 * changed. The result is an estimate (medins_result_is_estimate): it has no record
 * (medins/record.h) and cannot be reversed. Arguments, checks and errors as medins_settle_ex.
 */
MEDINS_API int medins_presettle(medins_result **out, const medins_policy *policy,
                                const medins_person *person, const medins_claim *claim,
                                const medins_ledger *ledger, const medins_settle_options *opts,
                                medins_error **err);

/** Non-zero when the result is an estimate of medins_presettle; 0 for a settlement, a result of
 * another kind, or NULL. */
MEDINS_API int medins_result_is_estimate(const medins_result *result);

/** The settlement figures of a result, or NULL when the result is of another kind. Borrowed. */
MEDINS_API const medins_settlement *medins_result_settlement(const medins_result *result);

/**
 * Reverse a settlement (a refund): restore the ledger exactly as it was before it, the account
 * payment added back to the balance as it is now. The result must be the ledger's most recent
 * settlement; otherwise MEDINS_ERR_REVERSE with the ledger untouched, and a message that says
 * "already reversed" when the ledger is as it was before the settlement, which settlements of
 * the year to reverse first when later ones were made, or that the ledger is not one the
 * settlement left (another person's). To refund an earlier bill, reverse the later ones first,
 * latest first, and settle them again (docs/settlement.md, "Refunds"). An estimate
 * (medins_presettle) is refused too: it changed nothing. medins_refund (medins/record.h) does
 * the same from a stored record.
 */
MEDINS_API int medins_settle_reverse(medins_ledger *ledger, const medins_result *result,
                                     medins_error **err);

MEDINS_END_DECLS

#endif
