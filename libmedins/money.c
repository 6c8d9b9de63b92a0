/*
 * Exact money. The parsers accept exactly one spelling per number (digits, an optional '.' and
 * one or two decimals) so that "1,100", "1e3" or "5500万" can never be read as something else.
 */
#include <stdio.h>
#include <string.h>

#include "loader.h"

/*
 * An optional '-', then digits with at most two decimals -> hundredths (the magnitude in *out,
 * the sign in *neg). Stops at the first character that is not part of the number and reports
 * where through *end. 0 or MEDINS_ERR_SYNTAX (also for NULL) / MEDINS_ERR_OVERFLOW.
 */
static int parse_hundredths(const char *s, int64_t *out, bool *neg, const char **end)
{
    if (!s)
        return MEDINS_ERR_SYNTAX;
    *neg = *s == '-';
    if (*neg)
        s++;
    int64_t v = 0;
    size_t digits = 0;
    while (*s >= '0' && *s <= '9') {
        if (v > MEDINS_FEN_MAX / 10)
            return MEDINS_ERR_OVERFLOW;
        v = v * 10 + (*s - '0');
        s++;
        digits++;
    }
    if (digits == 0)
        return MEDINS_ERR_SYNTAX;
    int64_t frac = 0;
    int decimals = 0;
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            if (++decimals > 2)
                return MEDINS_ERR_SYNTAX;
            frac = frac * 10 + (*s - '0');
            s++;
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

int mdn_money_parse_text(medins_fen *out, const char *text)
{
    int64_t v;
    bool neg;
    const char *end;
    int rc = parse_hundredths(text, &v, &neg, &end);
    if (rc)
        return rc;
    if (*end != '\0')
        return MEDINS_ERR_SYNTAX;
    if (v > MEDINS_FEN_MAX)
        return MEDINS_ERR_OVERFLOW;
    *out = neg ? -v : v;
    return 0;
}

int mdn_points_parse_text(medins_bp *out, const char *text, bool allow_negative)
{
    int64_t v;
    bool neg;
    const char *end;
    int rc = parse_hundredths(text, &v, &neg, &end);
    if (rc == MEDINS_ERR_OVERFLOW)
        return MEDINS_ERR_RANGE;
    if (rc)
        return rc;
    if (end[0] != '%' || end[1] != '\0')
        return MEDINS_ERR_SYNTAX;
    if (v > MEDINS_BP_ONE || (neg && !allow_negative && v != 0))
        return MEDINS_ERR_RANGE;
    *out = (medins_bp)(neg ? -v : v);
    return 0;
}

int medins_money_parse(medins_fen *out, const char *text, medins_error **err)
{
    if (!out || !text)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "no output or no text given");
    int rc = mdn_money_parse_text(out, text);
    if (rc == MEDINS_ERR_OVERFLOW)
        return mdn_error(err, rc, NULL, 0, 0, "amount \"%s\" is above the largest amount accepted", text);
    if (rc)
        return mdn_error(err, rc, NULL, 0, 0,
                         "\"%s\" is not an amount: write yuan with at most two decimals, e.g. 1100.50",
                         text ? text : "(null)");
    return 0;
}

int medins_ratio_parse(medins_bp *out, const char *text, medins_error **err)
{
    if (!out || !text)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "no output or no text given");
    int rc = mdn_points_parse_text(out, text, false);
    if (rc == MEDINS_ERR_RANGE)
        return mdn_error(err, rc, NULL, 0, 0, "ratio \"%s\" is outside 0%%-100%%", text);
    if (rc)
        return mdn_error(err, rc, NULL, 0, 0,
                         "\"%s\" is not a ratio: write a percentage with at most two decimals, e.g. 55%%",
                         text ? text : "(null)");
    return 0;
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

const char *mdn_yuan(char buf[24], medins_fen v)
{
    medins_money_format(buf, 24, v);
    return buf;
}

const char *mdn_percent(char buf[24], medins_bp v)
{
    medins_ratio_format(buf, 24, v);
    return buf;
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
