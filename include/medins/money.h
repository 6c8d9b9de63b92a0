/**
 * @file medins/money.h
 * @brief Exact money: parsing yuan text into fen, ratios, half-up rounding, checked sums.
 *
 * No floating point is used anywhere. Amounts are written as yuan with at most two decimals
 * ("980", "1100.5", "1100.50"); grouping separators ("1,100"), signs other than a leading '-',
 * exponents, spaces and the 万 suffix are refused with MEDINS_ERR_SYNTAX so that a typo can
 * never turn into a plausible wrong number.
 */
#ifndef MEDINS_MONEY_H
#define MEDINS_MONEY_H

#include "common.h"
#include "errors.h"

MEDINS_BEGIN_DECLS

/**
 * Parse yuan text of `len` bytes into fen. "1100.50" -> 110050, "-3" -> -300. The text is
 * read to its length: a NUL byte inside it is MEDINS_ERR_SYNTAX ("it contains a NUL byte"),
 * never the end of the number; "1,100" is MEDINS_ERR_SYNTAX with a message that says
 * thousands separators are not allowed.
 * @param out receives the amount in fen; written only on success.
 * @param text the text; need not be NUL-terminated.
 * @param len its length in bytes.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0, MEDINS_ERR_SYNTAX for malformed text, MEDINS_ERR_OVERFLOW above MEDINS_FEN_MAX,
 * MEDINS_ERR_ARGUMENT for a NULL out or text.
 */
MEDINS_API int medins_money_parse_n(medins_fen *out, const char *text, size_t len,
                                    medins_error **err);

/** medins_money_parse_n of a NUL-terminated text (its length is strlen(text)). */
MEDINS_API int medins_money_parse(medins_fen *out, const char *text, medins_error **err);

/**
 * Parse a ratio of `len` bytes written as a percentage with at most two decimals: "55%" ->
 * 5500, "2.5%" -> 250, "100%" -> 10000. The '%' sign is required. A NUL byte inside the text
 * is MEDINS_ERR_SYNTAX, as in medins_money_parse_n.
 * @return 0, MEDINS_ERR_SYNTAX, MEDINS_ERR_RANGE outside 0%-100%, or MEDINS_ERR_ARGUMENT for
 * a NULL out or text. *out is written only on success.
 */
MEDINS_API int medins_ratio_parse_n(medins_bp *out, const char *text, size_t len,
                                    medins_error **err);

/** medins_ratio_parse_n of a NUL-terminated text (its length is strlen(text)). */
MEDINS_API int medins_ratio_parse(medins_bp *out, const char *text, medins_error **err);

/**
 * Format fen as yuan with two decimals ("1100.50", "-0.05") into buf.
 * @return the length written (without the NUL), or MEDINS_ERR_BUFFER when size is too small
 *         (24 bytes always suffice).
 */
MEDINS_API int medins_money_format(char *buf, size_t size, medins_fen amount);

/** Format a ratio as a percentage ("55%", "2.5%", "12.34%"). Same return as medins_money_format. */
MEDINS_API int medins_ratio_format(char *buf, size_t size, medins_bp ratio);

/**
 * amount x ratio / 10000, rounded half-up (half away from zero for negative amounts).
 * Both arguments must be within their ranges (|amount| <= MEDINS_FEN_MAX, 0 <= ratio <= 10000),
 * where the product cannot overflow; outside them the result is unspecified.
 */
MEDINS_API medins_fen medins_money_apply(medins_fen amount, medins_bp ratio);

/** Checked a + b: MEDINS_ERR_OVERFLOW when the sum leaves [-MEDINS_FEN_MAX, MEDINS_FEN_MAX]. */
MEDINS_API int medins_money_add(medins_fen *out, medins_fen a, medins_fen b);

MEDINS_END_DECLS

#endif
