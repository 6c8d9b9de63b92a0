/*
 * Results (result.c): what every computation hands back. A computation makes its result with
 * mdn_result_new, writes its figures into mdn_result_data and records its trace, step by step,
 * with mdn_result_step; the result lists each assumed or third-party value used once. No text
 * is made here: explain/ renders the trace (its English lines are kept in the result, which
 * releases them).
 */
#ifndef MEDINS_COMPUTE_RESULT_H
#define MEDINS_COMPUTE_RESULT_H

#include "model.h"

/* A new result of `kind` for `policy` with `data_size` zeroed bytes of kind-specific data. NULL on NOMEM. */
medins_result *mdn_result_new(medins_result_kind kind, const medins_policy *policy, size_t data_size);
/* The policy a result was computed with. */
const medins_policy *mdn_result_policy(const medins_result *r);
/* The same with `tail_size` more bytes after the data, left as malloc gives them: for data
 * of a size known only at run time (a bill's lines), which the caller writes whole. */
medins_result *mdn_result_new_tail(medins_result_kind kind, const medins_policy *policy,
                                   size_t data_size, size_t tail_size);
/* The kind-specific data (medins_settlement for settlements...). */
void *mdn_result_data(const medins_result *r);

/*
 * Add a step to the trace: `step` (its nvalues is not read) with the policy values it read,
 * v0 to v2, of which NULL ones are left out; the first given is the one its amount rests on.
 * Each value is recorded as used (mdn_result_use). Returns 0 or MEDINS_ERR_NOMEM.
 */
int mdn_result_step(medins_result *r, const medins_step *step, const mdn_val *v0,
                    const mdn_val *v1, const mdn_val *v2);

/* Record that a value was used (assumed values, and values citing a third-party source, are
 * listed once each). Returns 0 or NOMEM. */
int mdn_result_use(medins_result *r, const mdn_val *val);

/* A result's kind-specific data when it is of `kind`, else NULL; result may be NULL. */
const void *mdn_result_figures(const medins_result *result, medins_result_kind kind);
/*
 * The end of a computation: when rc is 0, note in *assumed whether `r` used an assumed value
 * and hand r over through *out; otherwise free r. Returns rc.
 */
int mdn_result_finish(medins_result **out, medins_result *r, int32_t *assumed, int rc);

/*
 * The English lines rendered from r's trace (explain/lines.c), kept in r: one block, which
 * medins_result_free releases with free(). mdn_result_lines gives them, NULL before they are
 * made; mdn_result_keep_lines keeps `lines` unless another thread's are kept already, in which
 * case it frees `lines`; it returns the block kept.
 */
const void *mdn_result_lines(const medins_result *r);
const void *mdn_result_keep_lines(const medins_result *r, void *lines);

#endif
