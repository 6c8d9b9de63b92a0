/*
 * Exact money. The parsers accept exactly one spelling per number (digits, an optional '.' and
 * one or two decimals) so that "1,100", "1e3" or "5500万" can never be read as something else.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

/*
 * An optional '-', then digits with at most two decimals -> hundredths (the magnitude in *out,
 * the sign in *neg), from the `len` bytes at s. Stops at the first byte that is not part of
 * the number and reports where through *end. 0 or MEDINS_ERR_SYNTAX / MEDINS_ERR_OVERFLOW.
 */
static int parse_hundredths(const char *s, size_t len, int64_t *out, bool *neg, const char **end)
{
    const char *const stop = s + len;
    *neg = s < stop && *s == '-';
    if (*neg)
        s++;
    int64_t v = 0;
    size_t digits = 0;
    for (; s < stop && *s >= '0' && *s <= '9'; s++, digits++) {
        if (v > MEDINS_FEN_MAX / 10)
            return MEDINS_ERR_OVERFLOW;
        v = v * 10 + (*s - '0');
    }
    if (digits == 0)
        return MEDINS_ERR_SYNTAX;
    int64_t frac = 0;
    int decimals = 0;
    if (s < stop && *s == '.') {
        for (s++; s < stop && *s >= '0' && *s <= '9'; s++) {
            if (++decimals > 2)
                return MEDINS_ERR_SYNTAX;
            frac = frac * 10 + (*s - '0');
        }
        if (decimals == 0)
            return MEDINS_ERR_SYNTAX;
    }
    if (decimals == 1)
        frac *= 10;
    if (v > MEDINS_FEN_MAX / 100)
        return MEDINS_ERR_OVERFLOW;
    *out = v * 100 + frac;
    *end = s;
    return 0;
}

int mdn_money_parse_len(medins_fen *out, const char *text, size_t len)
{
    int64_t v;
    bool neg;
    const char *end;
    int rc = text ? parse_hundredths(text, len, &v, &neg, &end) : MEDINS_ERR_SYNTAX;
    if (rc)
        return rc;
    if (end != text + len)
        return MEDINS_ERR_SYNTAX;
    if (v > MEDINS_FEN_MAX)
        return MEDINS_ERR_OVERFLOW;
    *out = neg ? -v : v;
    return 0;
}

int mdn_money_parse_text(medins_fen *out, const char *text)
{
    return mdn_money_parse_len(out, text, text ? strlen(text) : 0);
}

int mdn_points_parse_len(medins_bp *out, const char *text, size_t len, bool allow_negative)
{
    int64_t v;
    bool neg;
    const char *end;
    int rc = text ? parse_hundredths(text, len, &v, &neg, &end) : MEDINS_ERR_SYNTAX;
    if (rc == MEDINS_ERR_OVERFLOW)
        return MEDINS_ERR_RANGE;
    if (rc)
        return rc;
    if (end == text + len || *end != '%' || end + 1 != text + len)
        return MEDINS_ERR_SYNTAX;
    if (v > MEDINS_BP_ONE || (neg && !allow_negative && v != 0))
        return MEDINS_ERR_RANGE;
    *out = (medins_bp)(neg ? -v : v);
    return 0;
}

int mdn_points_parse_text(medins_bp *out, const char *text, bool allow_negative)
{
    return mdn_points_parse_len(out, text, text ? strlen(text) : 0, allow_negative);
}

const char *mdn_amount_syntax_why(const char *text, size_t len)
{
    if (memchr(text, '\0', len))
        return "it contains a NUL byte";
    if (memchr(text, ',', len))
        return "thousands separators are not allowed";
    return "write yuan with at most two decimals, e.g. 1100.50";
}

/*
 * The first bytes of `len` at text as a message quotes them, into buf (at least 80 bytes):
 * printable ASCII as it is (and UTF-8 sequences), a NUL as \0, any other control byte as
 * \xHH, and "..." after the first 48.
 */
const char *mdn_quoted(char *buf, size_t size, const char *text, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    for (size_t i = 0; i < len && n + 8 < size; i++) {
        const unsigned char c = (unsigned char)text[i];
        if (i == 48) {
            memcpy(buf + n, "...", 3);
            n += 3;
            break;
        }
        if (c == '\0') {
            buf[n++] = '\\';
            buf[n++] = '0';
        } else if (c < 0x20 || c == 0x7f) {
            buf[n++] = '\\';
            buf[n++] = 'x';
            buf[n++] = hex[c >> 4];
            buf[n++] = hex[c & 15];
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n] = '\0';
    return buf;
}

int medins_money_parse_n(medins_fen *out, const char *text, size_t len, medins_error **err)
{
    if (!out || !text)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "no output or no text given");
    int rc = mdn_money_parse_len(out, text, len);
    if (rc == 0)
        return 0;
    char q[256];
    mdn_quoted(q, sizeof q, text, len);
    if (rc == MEDINS_ERR_OVERFLOW)
        return mdn_error(err, rc, NULL, 0, 0, "amount \"%s\" is above the largest amount accepted", q);
    return mdn_error(err, rc, NULL, 0, 0, "\"%s\" is not an amount: %s", q,
                     mdn_amount_syntax_why(text, len));
}

int medins_money_parse(medins_fen *out, const char *text, medins_error **err)
{
    return medins_money_parse_n(out, text, text ? strlen(text) : 0, err);
}

int medins_ratio_parse_n(medins_bp *out, const char *text, size_t len, medins_error **err)
{
    if (!out || !text)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "no output or no text given");
    int rc = mdn_points_parse_len(out, text, len, false);
    if (rc == 0)
        return 0;
    char q[256];
    mdn_quoted(q, sizeof q, text, len);
    if (rc == MEDINS_ERR_RANGE)
        return mdn_error(err, rc, NULL, 0, 0, "ratio \"%s\" is outside 0%%-100%%", q);
    return mdn_error(err, rc, NULL, 0, 0, "\"%s\" is not a ratio: %s", q,
                     memchr(text, '\0', len)
                         ? "it contains a NUL byte"
                         : "write a percentage with at most two decimals, e.g. 55%");
}

int medins_ratio_parse(medins_bp *out, const char *text, medins_error **err)
{
    return medins_ratio_parse_n(out, text, text ? strlen(text) : 0, err);
}

char *mdn_digits_before(char *end, uint64_t mag, bool negative)
{
    do {
        *--end = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    if (negative)
        *--end = '-';
    return end;
}

/*
 * v / 100 with its sign, the hundredths as two digits or (trim) as few as they need, then
 * `suffix`. Written from the end of a buffer without printf: lines format several amounts each,
 * and printf was most of their cost.
 */
static int format_hundredths(char *buf, size_t size, int64_t v, bool trim, const char *suffix)
{
    char tmp[48];
    char *p = tmp + sizeof tmp;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    unsigned frac = (unsigned)(mag % 100);
    const size_t slen = strlen(suffix);
    p -= slen;
    memcpy(p, suffix, slen);
    if (!trim || frac != 0) {
        if (!trim || frac % 10 != 0)
            *--p = (char)('0' + frac % 10);
        *--p = (char)('0' + frac / 10);
        *--p = '.';
    }
    p = mdn_digits_before(p, mag / 100, v < 0);
    const size_t n = (size_t)(tmp + sizeof tmp - p);
    if (!buf || n >= size)
        return MEDINS_ERR_BUFFER;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return (int)n;
}

int medins_money_format(char *buf, size_t size, medins_fen amount)
{
    return format_hundredths(buf, size, amount, false, "");
}

int medins_ratio_format(char *buf, size_t size, medins_bp ratio)
{
    return format_hundredths(buf, size, ratio, true, "%");
}

medins_fen medins_money_apply(medins_fen amount, medins_bp ratio)
{
    return mdn_apply(amount, ratio);
}

int medins_money_add(medins_fen *out, medins_fen a, medins_fen b)
{
    if (!out)
        return MEDINS_ERR_ARGUMENT;
    /* Operands beyond the range could overflow the addition itself, so refuse them first. */
    if (a > MEDINS_FEN_MAX || a < -MEDINS_FEN_MAX || b > MEDINS_FEN_MAX || b < -MEDINS_FEN_MAX)
        return MEDINS_ERR_OVERFLOW;
    medins_fen s = a + b;
    if (s > MEDINS_FEN_MAX || s < -MEDINS_FEN_MAX)
        return MEDINS_ERR_OVERFLOW;
    *out = s;
    return 0;
}
