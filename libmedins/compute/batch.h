/*
 * The batch's internal entry point: the public batch calls with a plan cache of another size,
 * for the tests.
 */
#ifndef MEDINS_COMPUTE_BATCH_H
#define MEDINS_COMPUTE_BATCH_H

#include "medins.h"

/* The most plans the cache of a public batch call holds. */
#define MDN_BATCH_PLANS 1024u

/*
 * medins_batch_settle_ex under `policy`, or medins_batch_settle_set_ex under `set` and `region`
 * when policy is NULL, with a plan cache of at most `plans` plans: 0 settles as when the cache
 * cannot be allocated (plans made claim by claim); a few empty it often, in the middle of the
 * batch's chunks.
 */
int mdn_batch_settle_plans(unsigned plans, const medins_policy *policy,
                           const medins_policy_set *set, const char *region,
                           const medins_batch_persons *persons, const medins_batch_claims *claims,
                           medins_ledger *ledgers, medins_batch_out *out,
                           const medins_batch_options *opts, size_t *failed, medins_error **err);

#endif
