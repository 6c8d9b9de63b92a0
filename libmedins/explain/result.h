/*
 * Building explained results (result.c). Every computation module creates its result with
 * mdn_result_new and adds lines with mdn_result_add_line; the result records each assumed value
 * it was told about once.
 */
#ifndef MEDINS_EXPLAIN_RESULT_H
#define MEDINS_EXPLAIN_RESULT_H

#include "model.h"

/* A new result of `kind` for `policy` with `data_size` zeroed bytes of kind-specific data. NULL on NOMEM. */
medins_result *mdn_result_new(medins_result_kind kind, const medins_policy *policy, size_t data_size);
/* The kind-specific data (medins_settlement for settlements...). */
void *mdn_result_data(const medins_result *r);

/*
 * Add a line. `val` is the policy value the line rests on (NULL for derived lines): its citation,
 * file:line:col and assumed flag are copied into the line, and an assumed val is recorded.
 * The text is formatted into the result. Returns 0 or MEDINS_ERR_NOMEM.
 */
int mdn_result_add_line(medins_result *r, medins_part part, medins_fen amount, medins_fen base,
                        medins_bp ratio, const char *rule, const mdn_val *val,
                        const char *fmt, ...) MDN_PRINTF(8, 9);
/* The same with the text already made: `len` bytes of `text` are copied into the result. */
int mdn_result_add_text(medins_result *r, medins_part part, medins_fen amount, medins_fen base,
                        medins_bp ratio, const char *rule, const mdn_val *val, const char *text,
                        size_t len);
/* A result's kind-specific data when it is of `kind`, else NULL; result may be NULL. */
const void *mdn_result_figures(const medins_result *result, medins_result_kind kind);
/*
 * The end of a computation: when rc is 0, note in *assumed whether `r` used an assumed value
 * and hand r over through *out; otherwise free r. Returns rc.
 */
int mdn_result_finish(medins_result **out, medins_result *r, int32_t *assumed, int rc);

/* Record that a value was used (assumed values, and values citing a third-party source, are
 * listed once each). Returns 0 or NOMEM. */
int mdn_result_use(medins_result *r, const mdn_val *val);

#endif
