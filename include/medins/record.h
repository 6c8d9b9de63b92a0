/**
 * @file medins/record.h
 * @brief A settlement's record: what its refund needs, as text to store, and the refund.
 *
 * Hospital software refunds a bill days after it settled it, in another process. At settlement
 * it stores the settlement's record (medins_record_write), a small versioned text; to refund,
 * it gives that text and the person's ledger as it is then to medins_refund, which restores
 * the ledger exactly as it was before the settlement (the account payment added back to the
 * balance as it is then) and gives the settlement's amounts negated, as the platform's cancel
 * transactions (2208, 2305) do. The text form is described in docs/settlement.md, "Records".
 *
 * Only the person's most recent settlement is refunded: with later ones on the ledger the
 * refund is refused, and the message names the settlements (by their number in the year) to
 * reverse first, latest first; they are then settled again.
 */
#ifndef MEDINS_RECORD_H
#define MEDINS_RECORD_H

#include "common.h"
#include "errors.h"
#include "ledger.h"
#include "result.h"
#include "settle.h"

MEDINS_BEGIN_DECLS

/** The latest version of the text medins_record_write writes (its first line,
 * "medins-record 2"): version 2 holds the ledgers' day figures (a ledger's text version 4),
 * version 1 not (a ledger's text version 3). */
#define MEDINS_RECORD_TEXT_VERSION 2

/**
 * Write the record of a settlement: "medins-record N", the policy's id, the settlement's
 * figures, and the ledger before and after it, one "key=value" line each. N is 1 unless one
 * of the ledgers has day figures (a `day_cap`'s), as a ledger's text is of the oldest version
 * that holds it.
 * @param buf may be NULL when size is 0 (to ask for the size).
 * @param size bytes available at buf.
 * @param needed receives the bytes needed including the NUL (may be NULL).
 * @param settlement a result of medins_settle or medins_settle_ex.
 * @param err receives a new error object for MEDINS_ERR_ARGUMENT (may be NULL); none for
 *        MEDINS_ERR_BUFFER, the answer to a question of size.
 * @return 0, MEDINS_ERR_BUFFER when size < *needed (buf untouched), or MEDINS_ERR_ARGUMENT for
 *         a NULL result, a result of another kind, or an estimate (medins_presettle), which
 *         changed no ledger and has nothing to refund.
 */
MEDINS_API int medins_record_write(char *buf, size_t size, size_t *needed,
                                   const medins_result *settlement, medins_error **err);

/**
 * Read a record's settlement figures (to show what a refund would give back) and check it
 * whole, as medins_refund does before it touches a ledger.
 * @param figures receives the settlement's figures as they were (not negated); written only
 *        on success. May be NULL, to check the record alone.
 * @param text the record (a NUL among its bytes is an error).
 * @param len its length in bytes.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0 or MEDINS_ERR_RECORD with the line and column: not a record, a version newer than
 *         this library's, an unknown, missing, repeated or malformed key, a ledger that fails
 *         its check, or figures and ledgers that do not agree (the total is not the sum of
 *         its parts, the ledger after is not the one before plus this settlement);
 *         MEDINS_ERR_ARGUMENT for a NULL text with len > 0.
 */
MEDINS_API int medins_record_read(medins_settlement *figures, const char *text, size_t len,
                                  medins_error **err);

/**
 * Refund a settlement from its record: the ledger restored as it was before the settlement,
 * the account payment added back to its balance as it is now.
 * @param refund receives the settlement's amounts negated (claim_id, ratio, admission and
 *        assumed as they were); may be NULL. Written only on success.
 * @param ledger the person's ledger now; changed only on success.
 * @param record the record's text (medins_record_write).
 * @param len its length in bytes.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_RECORD as medins_record_read; MEDINS_ERR_REVERSE when the ledger is
 *         not as the settlement left it: already refunded, later settlements to reverse first
 *         (named by their number in the year), or another person's ledger;
 *         MEDINS_ERR_OVERFLOW when the balance would pass MEDINS_FEN_MAX; MEDINS_ERR_LEDGER for
 *         a ledger that fails medins_ledger_check; MEDINS_ERR_ARGUMENT for a NULL ledger or
 *         record. Nothing is changed on error.
 */
MEDINS_API int medins_refund(medins_settlement *refund, medins_ledger *ledger,
                             const char *record, size_t len, medins_error **err);

MEDINS_END_DECLS

#endif
