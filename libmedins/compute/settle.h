/*
 * The settlement's entry points inside the library (settle.c): one claim of a batch settled
 * alone, and the batch's chunks of claims. Both run the arithmetic of medins_settle, in copies
 * that record nothing (bench/README.md, "Why the code looks as it does").
 */
#ifndef MEDINS_COMPUTE_SETTLE_H
#define MEDINS_COMPUTE_SETTLE_H

#include "bills.h"
#include "plan.h"

/* The most claims in one of the batch's chunks, and a column of as many zeros (batch.c): an
 * absent optional input column, for a chunk. */
#define MDN_CHUNK 256
extern const int64_t mdn_zeros[MDN_CHUNK];

/* What the caller of the settlement has checked already, so that it need not. */
typedef enum mdn_vouched {
    MDN_VOUCHED_NONE,     /* nothing: the settlement checks all */
    MDN_VOUCHED_DATES,    /* the claim's date against the policy's and the ledger's */
    /* ... and that the plan can settle, and that no year total of the ledger can pass the
     * limit (the batch's second pass: mdn_ledger_room) nor its count of settlements
     * MEDINS_LEDGER_SEQ_MAX */
    MDN_VOUCHED_ALL
} mdn_vouched;

/*
 * Settle `claim` of `person` with `plan` (made for them under p) from `from` (NULL: `ledger`
 * itself; else a ledger whose years were closed into the claim's), writing the ledger after it
 * to `ledger` when it settles; *s receives the figures the batch outputs. The person, the
 * claim and the ledger must have passed their checks; `vouched` says what else the caller has
 * checked. Returns 0 or the first failed check's status (with *err).
 */
int mdn_settle_planned(medins_settlement *s, medins_ledger *ledger, const medins_ledger *from,
                       const medins_policy *p, const medins_person *person,
                       const mdn_plan *plan, const medins_claim *claim, mdn_vouched vouched,
                       medins_error **err);

/* What a settlement result keeps (its kind-specific data; the figures first, which
 * medins_result_settlement reads): the ledger before and after, so that a reversal restores it
 * exactly; whether it is an estimate (medins_presettle), which changed no ledger; and the
 * bill's split with its lines' (bill.c), which follow in the same block. */
typedef struct mdn_settled {
    medins_settlement s;
    medins_ledger before, after;
    int estimate;
    medins_scheme scheme;           /* the person's */
    const mdn_supplementary *supp;  /* the section's supplementary fund; NULL: none */
    /* For each payer: the amount it considered (the in-scope amount for the basic fund, the
     * burden each layer took, what the account could pay) and the room its maximum left
     * before the claim (MEDINS_NO_LIMIT: none; the balance for the account). */
    medins_fen payer_base[MDN_PAYERS], payer_room[MDN_PAYERS];
    medins_item_split bill;
    size_t nitems;
    medins_item_split *items;   /* nitems splits after this struct, then their text */
    const char **text;          /* 2 * nitems: each line's code and name, NUL-terminated */
    size_t *text_len;           /* their lengths */
} mdn_settled;

/* A settlement result's data, or NULL when result is NULL or of another kind. */
const mdn_settled *mdn_settled_of(const medins_result *result);

/*
 * Reverse the settlement d on `ledger` (medins_settle_reverse, and medins_refund from a
 * record): the ledger as it was before, the account payment added to the balance as it is
 * now. MEDINS_ERR_REVERSE, the ledger untouched, for an estimate, a settlement already
 * reversed, one with later settlements (the message says which to reverse first), and a ledger
 * the settlement did not leave as it is; MEDINS_ERR_OVERFLOW for a balance past the limit.
 */
int mdn_reverse(medins_ledger *ledger, const mdn_settled *d, medins_error **err);

/* A new settlement result with room for `extra` bytes after its data, not zeroed (NULL on
 * NOMEM). */
medins_result *mdn_settle_result_new(const medins_policy *policy, size_t extra);
/*
 * Settle `claim` from `ledger` into `r` (made by mdn_settle_result_new): on success the
 * ledger after it is written to *update (NULL: an estimate, which changes nothing) and r
 * handed over through *out; on error r is freed and nothing changed. `opts` as
 * medins_settle_ex takes them.
 */
int mdn_settle_into(medins_result **out, medins_result *r, const medins_policy *policy,
                    const medins_person *person, const medins_claim *claim,
                    const medins_ledger *ledger, medins_ledger *update,
                    const medins_settle_options *opts, medins_error **err);

/* The payer of a settlement's detail row (nhsa.c), or -1 past the last or for another kind
 * of result; the payer whose working step i of its trace is (what comes off the bill, the
 * deductible and the segments are the basic fund's; an adjustment is its segments'), or -1
 * for the patient's sum and past the last. */
int mdn_setldetail_payer(const medins_result *result, size_t row);
int mdn_step_payer(const medins_result *result, size_t i);

/* The output columns present in `out`, as mdn_settle_chunk takes them. */
unsigned mdn_batch_columns(const medins_batch_out *out);

/*
 * The batch's second pass: settles its claims i0 to i0 + m - 1 under `policy`, claim i0 + j
 * with plans[j], writing the columns of `out` (`cols`: mdn_batch_columns(out)) and each
 * person's ledger in `ledgers`. The first pass vouched for every check of them all
 * (MDN_VOUCHED_ALL): none fails. `person` is read only to word an error, which none has.
 */
void mdn_settle_chunk(const medins_batch_claims *claims, medins_batch_out *out, unsigned cols,
                      medins_ledger *ledgers, const medins_person *person,
                      const medins_policy *policy, const mdn_plan *const *plans, size_t i0,
                      size_t m);

#endif
