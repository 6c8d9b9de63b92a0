/*
 * Itemised bills (medins/bill.h): every fee line checked and split to the fen, the splits
 * summed into the claim's totals, and the claim settled by settle.c into a result that holds
 * the lines' splits and their text.
 *
 * A line's split (docs/settlement.md, "Itemised bills"):
 *   amount       = price × quantity rounded half-up to the fen (or the amount given);
 *   self_paid    = amount for a 自费 line, else 0;
 *   over_ceiling = (price − ceiling) × quantity rounded half-up, when the price is above the
 *                  ceiling (else 0): what the catalogue does not cover of each unit;
 *   category_b   = (amount − over_ceiling) × selfpay_prop rounded half-up: the first self-pay
 *                  applies to what is left below the ceiling;
 *   in_scope     = amount − over_ceiling − category_b: the remainder, so the parts add up.
 */
#include <string.h>

#include "bills.h"
#include "person.h"
#include "result.h"
#include "settle.h"

void medins_item_init(medins_item *item)
{
    if (item)
        *item = (medins_item)MEDINS_ITEM_INIT;
}

/* price × quantity / MEDINS_QUANTITY_ONE rounded half-up into *out, or MEDINS_ERR_OVERFLOW
 * past MEDINS_FEN_MAX. Both are checked not to be negative, price at most MEDINS_FEN_MAX
 * (< 2^47). Both below 2^32 (a price below 42,949,672.96 yuan, a quantity below 429,496.7296),
 * the product fits 64 bits and is rounded at once (a multiply and a shift); else the whole
 * units' product is tested before it is made (by a division only for 2^16 units or more, below
 * which it fits) and the fraction's, below 10^18, is rounded apart. The figure is the same
 * either way: in whole division, (price × (units × 10^4 + fraction) + 5000) / 10^4 =
 * price × units + (price × fraction + 5000) / 10^4. */
static inline int times_quantity(medins_fen *out, medins_fen price, int64_t quantity)
{
    medins_fen v;
    if ((((uint64_t)price | (uint64_t)quantity) >> 32) == 0) {
        v = (medins_fen)(((uint64_t)price * (uint64_t)quantity + MEDINS_QUANTITY_ONE / 2) /
                         MEDINS_QUANTITY_ONE);
    } else {
        const int64_t units = quantity / MEDINS_QUANTITY_ONE,
                      part = quantity % MEDINS_QUANTITY_ONE;
        if (units >= (int64_t)1 << 16 && price > 0 && units > MEDINS_FEN_MAX / price)
            return MEDINS_ERR_OVERFLOW;
        v = price * units + (price * part + MEDINS_QUANTITY_ONE / 2) / MEDINS_QUANTITY_ONE;
    }
    if (v > MEDINS_FEN_MAX)
        return MEDINS_ERR_OVERFLOW;
    *out = v;
    return 0;
}

/* A line's index when it is split alone (medins_item_split_line): its messages name no number. */
#define ALONE SIZE_MAX

/* An error about line i (0-based) of a bill, naming it by its number and code: "item 3
 * (250101001): ...", or "item (250101001): ..." alone (i + 1 is then 0, which "%.0zu" writes
 * as nothing). */
#define LINE_ERROR(err, status, i, it, fmt, ...)                                                \
    mdn_error(err, status, NULL, 0, 0, "item %.0zu%s(%.*s): " fmt, (i) + 1, (i) == ALONE ? "" : " ", \
              (int)((it)->code_len > 64 ? 64 : (it)->code_len), (it)->code, __VA_ARGS__)

/* Text of `len` bytes at `s`, for line i's `what`: present when it has a length, no NUL. */
static MDN_COLD int check_text(size_t i, const char *s, size_t len, const char *what,
                               medins_error **err)
{
    if (!s && len > 0)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "item%s%.0zu: its %s is NULL with a length of %zu", i == ALONE ? "" : " ",
                         i + 1, what, len);
    if (len > 0 && memchr(s, '\0', len))
        return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, 0,
                         "item%s%.0zu: its %s has a NUL byte at byte %zu", i == ALONE ? "" : " ",
                         i + 1, what, (size_t)((const char *)memchr(s, '\0', len) - s) + 1);
    return 0;
}

/* Unaligned loads and stores of 4 and 8 bytes (a memcpy of a constant size is one move). */
static inline uint32_t load4(const char *s) { uint32_t w; memcpy(&w, s, 4); return w; }
static inline uint64_t load8(const char *s) { uint64_t w; memcpy(&w, s, 8); return w; }
static inline void store4(char *at, uint32_t w) { memcpy(at, &w, 4); }
static inline void store8(char *at, uint64_t w) { memcpy(at, &w, 8); }

/* Non-zero exactly when a byte of the word w is 0: the lowest 0 byte's top bit is set in
 * w − 0x01…01 and in ~w, and no byte's top bit survives both without a 0 byte at or below it
 * (a borrow starts only at a 0 byte; ~w drops the bytes whose own top bit is set). */
#define ZERO_BYTE4(w) (((w) - 0x01010101u) & ~(w) & 0x80808080u)
#define ZERO_BYTE8(w) (((w) - 0x0101010101010101u) & ~(w) & 0x8080808080808080u)

/* The `len` bytes at s copied to `at` with a NUL after them; true when a NUL was among them.
 * Fee lines' codes and names are short, shorter than a call to memcpy and memchr each costs:
 * they are moved a word at a time, the last word overlapping the one before it (4 to 7 bytes:
 * two words of 4; 1 to 3: the first, middle and last bytes, which are all of them). */
static inline bool copy_text(char *at, const char *s, size_t len)
{
    uint64_t zero = 0;
    if (len >= 8) {
        for (size_t k = 0; k + 8 < len; k += 8) {
            const uint64_t w = load8(s + k);
            store8(at + k, w);
            zero |= ZERO_BYTE8(w);
        }
        const uint64_t w = load8(s + len - 8);
        store8(at + len - 8, w);
        zero |= ZERO_BYTE8(w);
    } else if (len >= 4) {
        const uint32_t a = load4(s), b = load4(s + len - 4);
        store4(at, a);
        store4(at + len - 4, b);
        zero = ZERO_BYTE4(a) | ZERO_BYTE4(b);
    } else if (len > 0) {
        const char a = s[0], b = s[len / 2], c = s[len - 1];
        at[0] = a;
        at[len / 2] = b;
        at[len - 1] = c;
        zero = !a | !b | !c;
    }
    at[len] = '\0';
    return zero != 0;
}

/* Check line i and split it into *sp, with `deflt` the policy's proportion
 * (MEDINS_SELFPAY_PROP_DEFAULT: none).
 * Inlined into the bill's loop, which sums the split from registers (a split written to
 * memory by a call and read back at once costs more than the rest of the line). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int split_line(medins_item_split *sp, const medins_item *it, size_t i,
                      medins_bp deflt, medins_error **err)
{
    int rc;
    /* The text's NUL bytes are looked for as it is copied (medins_settle_items), or by the
     * caller (medins_item_split_line). */
    if ((rc = MDN_CHECK_VERSION(err, it, "medins_item", MEDINS_ITEM_VERSION)) < 0 ||
        ((!it->code && it->code_len) && (rc = check_text(i, it->code, it->code_len, "code", err)) < 0) ||
        ((!it->name && it->name_len) && (rc = check_text(i, it->name, it->name_len, "name", err)) < 0))
        return rc;
    if (it->code_len == 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "item%s%.0zu: no item code",
                         i == ALONE ? "" : " ", i + 1);
    const int lv = it->chrgitm_lv;
    if (lv < MEDINS_ITEM_CLASS_A || lv > MEDINS_ITEM_CLASS_SELF_PAID)
        return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it,
                          "chrgitm_lv %d is not 1 (甲类), 2 (乙类) or 3 (自费)", lv);
    if (it->amount < 0 || it->price < 0 || it->quantity < 0)
        return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it, "a negative %s",
                          it->amount < 0 ? "amount" : it->price < 0 ? "price" : "quantity");
    if (it->amount > MEDINS_FEN_MAX || it->price > MEDINS_FEN_MAX)
        return LINE_ERROR(err, MEDINS_ERR_OVERFLOW, i, it, "%s above the limit",
                          it->amount > MEDINS_FEN_MAX ? "an amount" : "a price");

    medins_fen amount = it->amount;
    if (it->quantity > 0) {
        if (times_quantity(&amount, it->price, it->quantity) < 0)
            return LINE_ERROR(err, MEDINS_ERR_OVERFLOW, i, it, "%s",
                              "price × quantity is above the limit");
        if (it->amount != 0 && it->amount != amount)
            return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it,
                              "amount %lld fen is not price × quantity (%lld fen)",
                              (long long)it->amount, (long long)amount);
    } else if (it->price != 0) {
        return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it, "%s",
                          "a price without a quantity (give both, or the amount alone)");
    }

    medins_fen over = 0;
    if (it->ceiling != MEDINS_NO_CEILING) {
        if (it->ceiling < 0 || it->ceiling > MEDINS_FEN_MAX)
            return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it, "price ceiling %lld fen is out of range",
                              (long long)it->ceiling);
        if (it->quantity == 0)
            return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it, "%s",
                              "a price ceiling needs the price and the quantity");
        if (it->price > it->ceiling)
            (void)times_quantity(&over, it->price - it->ceiling, it->quantity);   /* < amount */
    }

    medins_bp prop = it->selfpay_prop;
    if (prop != MEDINS_SELFPAY_PROP_DEFAULT && (prop < 0 || prop > MEDINS_BP_ONE))
        return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it,
                          "selfpay_prop %d is not between 0 and 10000 basis points", (int)prop);
    if (lv == MEDINS_ITEM_CLASS_B && prop == MEDINS_SELFPAY_PROP_DEFAULT) {
        if (deflt == MEDINS_SELFPAY_PROP_DEFAULT)
            return LINE_ERROR(err, MEDINS_ERR_MISSING, i, it, "%s",
                              "a 乙类 item without selfpay_prop, and the policy has no "
                              "bills.selfpay_prop");
        prop = deflt;
    } else if (lv == MEDINS_ITEM_CLASS_A && prop != MEDINS_SELFPAY_PROP_DEFAULT && prop != 0) {
        return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it,
                          "selfpay_prop %d for a 甲类 item (its first self-pay is 0)", (int)prop);
    } else if (lv == MEDINS_ITEM_CLASS_SELF_PAID && prop != MEDINS_SELFPAY_PROP_DEFAULT &&
               prop != MEDINS_BP_ONE) {
        return LINE_ERROR(err, MEDINS_ERR_CLAIM, i, it,
                          "selfpay_prop %d for a 自费 item (it is self-paid in full: 10000)",
                          (int)prop);
    }

    if (lv == MEDINS_ITEM_CLASS_SELF_PAID) {
        *sp = (medins_item_split){.amount = amount, .self_paid = amount,
                                  .selfpay_prop = MEDINS_BP_ONE, .chrgitm_lv = lv};
        return 0;
    }
    const medins_bp applied = lv == MEDINS_ITEM_CLASS_B ? prop : 0;
    const medins_fen first = mdn_apply_magnitude((uint64_t)(amount - over), applied);
    *sp = (medins_item_split){.amount = amount, .over_ceiling = over, .category_b = first,
                              .in_scope = amount - over - first, .selfpay_prop = applied,
                              .chrgitm_lv = lv};
    return 0;
}

/* The policy's proportion for 乙 lines without their own (`bills.selfpay_prop`), or
 * MEDINS_SELFPAY_PROP_DEFAULT when it has none: read once a bill. */
static medins_bp policy_selfpay_prop(const medins_policy *policy)
{
    const struct mdn_bills *bills = policy->bills;
    return bills && bills->selfpay_prop.val ? bills->selfpay_prop.v : MEDINS_SELFPAY_PROP_DEFAULT;
}

int medins_item_split_line(medins_item_split *out, const medins_policy *policy,
                           const medins_item *item, medins_error **err)
{
    if (!out || !policy || !item)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_item_split_line: NULL argument");
    medins_item_split sp;
    int rc;
    if ((rc = MDN_CHECK_VERSION(err, item, "medins_item", MEDINS_ITEM_VERSION)) < 0 ||
        (rc = check_text(ALONE, item->code, item->code_len, "code", err)) < 0 ||
        (rc = check_text(ALONE, item->name, item->name_len, "name", err)) < 0)
        return rc;
    rc = split_line(&sp, item, ALONE, policy_selfpay_prop(policy), err);
    if (rc == 0)
        *out = sp;
    return rc;
}

int medins_settle_items(medins_result **out, const medins_policy *policy,
                        const medins_person *person, const medins_claim *claim,
                        const medins_item *items, size_t n, medins_ledger *ledger,
                        const medins_settle_options *opts, medins_error **err)
{
    if (!out || !policy || !person || !claim || !ledger || (!items && n > 0))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_settle_items: NULL argument");
    int rc = mdn_claim_check(claim, err);
    if (rc < 0)
        return rc;
    if (claim->total || claim->self_paid || claim->category_b)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0,
                         "claim %lld: an itemised bill's totals come from its items; give the "
                         "claim with totals of 0", (long long)claim->id);
    if (n == 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "claim %lld: the bill has no items",
                         (long long)claim->id);
    if (n > (SIZE_MAX / 4) / (sizeof(medins_item_split) + 2 * (sizeof(char *) + sizeof(size_t))))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%zu items are too many", n);

    /* The text follows the splits and its pointers: each code and name NUL-terminated. */
    size_t text = 0;
    for (size_t i = 0; i < n; i++) {
        if ((items[i].code_len | items[i].name_len) > SIZE_MAX / 8 || text > SIZE_MAX / 4)
            return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "item %zu: text too long",
                             i + 1);
        text += items[i].code_len + items[i].name_len + 2;
    }
    const size_t head = n * (sizeof(medins_item_split) + 2 * (sizeof(char *) + sizeof(size_t)));
    medins_result *r = mdn_settle_result_new(policy, head + text);
    if (!r)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    mdn_settled *d = mdn_result_data(r);
    d->nitems = n;
    d->items = (medins_item_split *)(d + 1);
    d->text = (const char **)(d->items + n);
    d->text_len = (size_t *)(d->text + 2 * n);
    char *at = (char *)(d->text_len + 2 * n);

    const medins_bp deflt = policy_selfpay_prop(policy);
    medins_item_split *const split = d->items;
    const char **const texts = d->text;
    size_t *const lens = d->text_len;
    medins_item_split bill = {0};   /* summed here, written to d once */
    for (size_t i = 0; i < n; i++) {
        const medins_item *it = &items[i];
        medins_item_split sp;
        if ((rc = split_line(&sp, it, i, deflt, err)) < 0)
            break;
        split[i] = sp;
        /* Each addend is at most MEDINS_FEN_MAX, and so is each sum so far. */
        bill.amount += sp.amount;
        bill.self_paid += sp.self_paid;
        bill.over_ceiling += sp.over_ceiling;
        bill.category_b += sp.category_b;
        bill.in_scope += sp.in_scope;
        if (bill.amount > MEDINS_FEN_MAX) {
            rc = mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0,
                           "claim %lld: the bill's total passes the limit at item %zu",
                           (long long)claim->id, i + 1);
            break;
        }
        /* The code, then the name, each followed by a NUL; a NUL within either is refused,
         * the code's first. */
        const bool nul_code = copy_text(at, it->code, it->code_len);
        texts[2 * i] = at;
        lens[2 * i] = it->code_len;
        at += it->code_len + 1;
        const bool nul_name = copy_text(at, it->name, it->name_len);
        texts[2 * i + 1] = at;
        lens[2 * i + 1] = it->name_len;
        at += it->name_len + 1;
        if ((nul_code || nul_name) &&
            ((rc = check_text(i, it->code, it->code_len, "code", err)) < 0 ||
             (rc = check_text(i, it->name, it->name_len, "name", err)) < 0))
            break;
    }
    if (rc < 0) {
        medins_result_free(r);
        return rc;
    }
    d->bill = bill;
    medins_claim c = *claim;
    c.total = bill.amount;
    c.self_paid = bill.self_paid + bill.over_ceiling;
    c.category_b = bill.category_b;
    return mdn_settle_into(out, r, policy, person, &c, ledger, ledger, opts, err);
}

/* The settlement data of a result, or NULL. */
static const mdn_settled *settle_data_of(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
}

size_t medins_result_item_count(const medins_result *result)
{
    const mdn_settled *d = settle_data_of(result);
    return d ? d->nitems : 0;
}

const medins_item_split *medins_result_item(const medins_result *result, size_t i)
{
    const mdn_settled *d = settle_data_of(result);
    return d && i < d->nitems ? &d->items[i] : NULL;
}

const char *medins_result_item_code(const medins_result *result, size_t i, size_t *code_len,
                                    const char **name, size_t *name_len)
{
    const mdn_settled *d = settle_data_of(result);
    if (!d || i >= d->nitems)
        return NULL;
    if (code_len)
        *code_len = d->text_len[2 * i];
    if (name)
        *name = d->text[2 * i + 1];
    if (name_len)
        *name_len = d->text_len[2 * i + 1];
    return d->text[2 * i];
}

const medins_item_split *medins_result_bill(const medins_result *result)
{
    const mdn_settled *d = settle_data_of(result);
    return d ? &d->bill : NULL;
}
