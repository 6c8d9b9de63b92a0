/**
 * @file medins/bill.h
 * @brief Itemised bills: a claim given as fee lines, each split to the fen, then settled.
 *
 * A hospital holds a bill as fee lines (费用明细), each with its catalogue class (甲类, 乙类,
 * 自费: the platform's `chrgitm_lv` 1, 2, 3), its price ceiling (`pric_uplmt_amt`) and, for a
 * category-B item, its first self-pay proportion (`selfpay_prop`). medins_settle_items splits
 * every line into the part paid in full by the patient (自费 items), the part above the price
 * ceiling, the category-B first self-pay and the in-scope rest (docs/settlement.md, "Itemised
 * bills", says how they combine and round), sums the parts into the claim's totals and settles
 * the claim as medins_settle_ex does. The result holds every line's split.
 */
#ifndef MEDINS_BILL_H
#define MEDINS_BILL_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "ledger.h"
#include "policy.h"
#include "result.h"
#include "settle.h"

MEDINS_BEGIN_DECLS

/** A fee line's catalogue class: the platform's `chrgitm_lv`. */
typedef enum medins_item_class {
    MEDINS_ITEM_CLASS_A = 1,          /**< 甲类: in scope in full */
    MEDINS_ITEM_CLASS_B = 2,          /**< 乙类: in scope after a first self-pay share */
    MEDINS_ITEM_CLASS_SELF_PAID = 3   /**< 自费: outside the catalogue, the patient's in full */
} medins_item_class;

/** Quantities are in ten-thousandths: a quantity of MEDINS_QUANTITY_ONE is 1 (the platform's
 * `cnt` has four decimals). */
#define MEDINS_QUANTITY_ONE 10000
/** medins_item.selfpay_prop: the policy's default for the item's class (`bills.selfpay_prop`). */
#define MEDINS_SELFPAY_PROP_DEFAULT (-1)
/** medins_item.ceiling: the item has no price ceiling. */
#define MEDINS_NO_CEILING (-1)

/**
 * One fee line. Initialise with MEDINS_ITEM_INIT or medins_item_init (`version` as for
 * medins_person). Text is carried with its length: a NUL byte within it is refused.
 */
typedef struct medins_item {
    unsigned int version;       /**< MEDINS_ITEM_VERSION, set by the initialisers */
    const char *code;           /**< the item's catalogue code; required (`code_len` > 0) */
    size_t code_len;            /**< its length in bytes */
    const char *name;           /**< the item's name; may be empty */
    size_t name_len;            /**< its length in bytes */
    medins_fen amount;          /**< `det_item_fee_sumamt`: with quantity 0, the line's amount;
                                     else 0, or price × quantity exactly as rounded */
    medins_fen price;           /**< `pric`: the unit price; read when quantity is not 0 */
    int64_t quantity;           /**< `cnt` in ten-thousandths (MEDINS_QUANTITY_ONE = 1); 0:
                                     the amount is given, with no price */
    int32_t chrgitm_lv;         /**< a medins_item_class: 1, 2 or 3 */
    medins_bp selfpay_prop;     /**< the category-B first self-pay share in basis points;
                                     MEDINS_SELFPAY_PROP_DEFAULT: the policy's. Class A
                                     takes 0 and class self-paid 10000 (or the default) */
    medins_fen ceiling;         /**< `pric_uplmt_amt`: the unit price ceiling, or
                                     MEDINS_NO_CEILING; needs a price and a quantity */
} medins_item;

/** The medins_item layout this header describes. */
#define MEDINS_ITEM_VERSION 1
/** No code, no name, amount 0, class A, the default proportion, no ceiling. */
#define MEDINS_ITEM_INIT \
    { MEDINS_ITEM_VERSION, NULL, 0, NULL, 0, 0, 0, 0, MEDINS_ITEM_CLASS_A, \
      MEDINS_SELFPAY_PROP_DEFAULT, MEDINS_NO_CEILING }

/** Set *item to MEDINS_ITEM_INIT (for bindings). A NULL item is left alone. */
MEDINS_API void medins_item_init(medins_item *item);

/**
 * How a fee line (or a whole bill) splits: amount = self_paid + over_ceiling + category_b +
 * in_scope, exactly. Named after the platform's per-line fields.
 */
typedef struct medins_item_split {
    medins_fen amount;          /**< `det_item_fee_sumamt`: the line's amount */
    medins_fen self_paid;       /**< `fulamt_ownpay_amt`: a 自费 line's whole amount */
    medins_fen over_ceiling;    /**< `overlmt_amt`: above the price ceiling, the patient's */
    medins_fen category_b;      /**< `preselfpay_amt`: the category-B first self-pay */
    medins_fen in_scope;        /**< `inscp_scp_amt`: the in-scope rest */
    medins_bp selfpay_prop;     /**< the proportion applied (0 for class A; 0 for a bill) */
    int32_t chrgitm_lv;         /**< the line's class (0 for a bill's totals) */
} medins_item_split;

/**
 * Settle an itemised bill: split every line, sum the splits into the claim's totals (total;
 * self_paid = the 自费 lines and the parts above ceilings; category_b = the first self-pay)
 * and settle as medins_settle_ex does, with the same trace, figures and ledger update.
 * @param out receives a new settlement result, which holds every line's split
 *        (medins_result_item).
 * @param policy as for medins_settle; its `bills.selfpay_prop` gives category-B lines without
 *        their own proportion one.
 * @param person as for medins_settle.
 * @param claim the bill's date, kind, level, institution and id; its total, self_paid and
 *        category_b must be 0 (they come from the lines).
 * @param items the fee lines, `n` of them (at least one).
 * @param n their number.
 * @param ledger as for medins_settle: updated on success, untouched on error.
 * @param opts may be NULL (the defaults).
 * @param err receives a new error object on failure (may be NULL); a line's error names the
 *        line ("item 3 (250101001): ...", counted from 1).
 * @return as medins_settle_ex; also MEDINS_ERR_CLAIM for a claim with totals, a bill without
 *         lines, or a line with an empty code, a negative amount, price or quantity, a
 *         chrgitm_lv that is not 1, 2 or 3, a proportion outside 0-10000 or at odds with its
 *         class, an amount that is not price × quantity, or a ceiling without a price and
 *         quantity or below 0; MEDINS_ERR_SYNTAX for a NUL byte in a code or name;
 *         MEDINS_ERR_MISSING for a category-B line without a proportion when the policy has no
 *         default; MEDINS_ERR_OVERFLOW for a line or a bill above MEDINS_FEN_MAX;
 *         MEDINS_ERR_ARGUMENT for an item of unknown version or NULL text with a length.
 */
MEDINS_API int medins_settle_items(medins_result **out, const medins_policy *policy,
                                   const medins_person *person, const medins_claim *claim,
                                   const medins_item *items, size_t n, medins_ledger *ledger,
                                   const medins_settle_options *opts, medins_error **err);

/**
 * Split one fee line as medins_settle_items does, without settling: what the platform's fee
 * upload (2204 / 2301) returns for each line.
 * @param out receives the split; written only on success.
 * @param policy gives `bills.selfpay_prop`, for a category-B line without its own proportion.
 * @param item the line.
 * @param err receives a new error object on failure (may be NULL): the line's errors of
 *        medins_settle_items, named "item (CODE): ..." without a number.
 * @return as medins_settle_items for a line; MEDINS_ERR_ARGUMENT for a NULL argument.
 */
MEDINS_API int medins_item_split_line(medins_item_split *out, const medins_policy *policy,
                                      const medins_item *item, medins_error **err);

/** The number of fee lines a settlement was given (0 for a claim given by its totals, or a
 * result of another kind). */
MEDINS_API size_t medins_result_item_count(const medins_result *result);
/** The split of line i, or NULL when out of range. Borrowed from the result. */
MEDINS_API const medins_item_split *medins_result_item(const medins_result *result, size_t i);
/**
 * The line's code and name as given, copied into the result (not NUL-terminated within their
 * length, though a NUL follows each). NULL when out of range.
 * @param result a settlement result.
 * @param i the line.
 * @param code_len receives the code's length (may be NULL).
 * @param name receives the name (may be NULL); its length in *name_len (may be NULL).
 * @param name_len see name.
 */
MEDINS_API const char *medins_result_item_code(const medins_result *result, size_t i,
                                               size_t *code_len, const char **name,
                                               size_t *name_len);
/**
 * The bill's split: the lines' splits summed; for a claim given by its totals, amount = total,
 * self_paid and category_b as given, nothing above a ceiling. NULL for a result of another kind.
 * Borrowed.
 */
MEDINS_API const medins_item_split *medins_result_bill(const medins_result *result);

MEDINS_END_DECLS

#endif
