/*
 * Dates as the library holds them (YYYYMMDD integers): the table of the days of a year that
 * mdn_date_valid reads, validity, ages, and the ISO form policy files and explanations write.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

/* The bits of word w (bits 64w to 64w + 63) from bit a on, and up to bit b. The shift counts
 * are masked only so that the branches not taken shift by a valid count too (compilers warn). */
#define BITS_FROM(w, a) \
    ((a) <= 64 * (w) ? ~0ull : (a) >= 64 * (w) + 64 ? 0 : ~0ull << (((a) - 64 * (w)) & 63))
#define BITS_TO(w, b) \
    ((b) >= 64 * (w) + 63 ? ~0ull : (b) < 64 * (w) ? 0 : ~0ull >> ((64 * (w) + 63 - (b)) & 63))
/* Days 1 to `days` of month m in word w. */
#define MONTH(w, m, days) (BITS_FROM(w, 100 * (m) + 1) & BITS_TO(w, 100 * (m) + (days)))
#define YEAR_WORD(w, feb)                                                                     \
    (MONTH(w, 1, 31) | MONTH(w, 2, feb) | MONTH(w, 3, 31) | MONTH(w, 4, 30) | MONTH(w, 5, 31) | \
     MONTH(w, 6, 30) | MONTH(w, 7, 31) | MONTH(w, 8, 31) | MONTH(w, 9, 30) | MONTH(w, 10, 31) | \
     MONTH(w, 11, 30) | MONTH(w, 12, 31))
#define YEAR_WORDS(feb)                                                                       \
    { YEAR_WORD(0, feb), YEAR_WORD(1, feb), YEAR_WORD(2, feb), YEAR_WORD(3, feb),             \
      YEAR_WORD(4, feb), YEAR_WORD(5, feb), YEAR_WORD(6, feb), YEAR_WORD(7, feb),             \
      YEAR_WORD(8, feb), YEAR_WORD(9, feb), YEAR_WORD(10, feb), YEAR_WORD(11, feb),           \
      YEAR_WORD(12, feb), YEAR_WORD(13, feb), YEAR_WORD(14, feb), YEAR_WORD(15, feb),         \
      YEAR_WORD(16, feb), YEAR_WORD(17, feb), YEAR_WORD(18, feb), YEAR_WORD(19, feb) }

/* The days of the common and the leap year (util.h), written as the month lengths they hold. */
const uint64_t mdn_year_days[2][MDN_YEAR_DAY_WORDS] = { YEAR_WORDS(28), YEAR_WORDS(29) };

int medins_date_valid(medins_date date)
{
    return (int)mdn_date_valid(date);
}

int medins_age_on(medins_date birth_date, medins_date date)
{
    if (!medins_date_valid(birth_date) || !medins_date_valid(date))
        return -1;
    return mdn_age_between(birth_date, date);
}

int mdn_date_parse_len(medins_date *out, const char *t, size_t len, bool basic)
{
    /* "YYYY-MM-DD", or "YYYYMMDD" when basic: the digits' positions in each. */
    static const unsigned char extended[] = {0, 1, 2, 3, 5, 6, 8, 9}, plain[] = {0, 1, 2, 3, 4, 5, 6, 7};
    const unsigned char *at;
    if (len == 10 && t[4] == '-' && t[7] == '-')
        at = extended;
    else if (len == 8 && basic)
        at = plain;
    else
        return MEDINS_ERR_SYNTAX;
    int32_t v = 0;
    for (size_t i = 0; i < sizeof plain; i++) {
        const char c = t[at[i]];
        if (c < '0' || c > '9')
            return MEDINS_ERR_SYNTAX;
        v = v * 10 + (c - '0');
    }
    if (!medins_date_valid(v))
        return MEDINS_ERR_DATE;
    *out = v;
    return 0;
}

const char *mdn_date_text(char buf[11], medins_date d)
{
    const unsigned u = (unsigned)d;
    snprintf(buf, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
    return buf;
}

int mdn_date_parse_text(medins_date *out, const char *t)
{
    return t ? mdn_date_parse_len(out, t, strlen(t), false) : MEDINS_ERR_SYNTAX;
}

int medins_date_parse(medins_date *out, const char *text, size_t len, medins_error **err)
{
    if (!out || (!text && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_date_parse: NULL argument");
    medins_date v = 0;
    const int rc = mdn_date_parse_len(&v, text, len, true);
    if (rc == 0) {
        *out = v;
        return 0;
    }
    /* The text in the message when it is short and printable. */
    bool echo = len <= 32;
    for (size_t i = 0; echo && i < len; i++)
        echo = (unsigned char)text[i] >= 0x20 && text[i] != 0x7f;
    const int shown = echo ? (int)len : 0;
    if (rc == MEDINS_ERR_DATE) {
        const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 +
                         (text[3] - '0');
        if (year < MDN_YEAR_FIRST || year > MDN_YEAR_LAST)
            return mdn_error(err, rc, NULL, 0, 0, "\"%.*s\" is outside the dates supported, "
                             MDN_DATE_RANGE, shown, text);
        return mdn_error(err, rc, NULL, 0, 0, "\"%.*s\" is not a calendar date", shown, text);
    }
    if (len && memchr(text, '\0', len))
        return mdn_error(err, rc, NULL, 0, 0, "a date's text contains a NUL byte");
    if (!echo)
        return mdn_error(err, rc, NULL, 0, 0, "a text of %zu bytes is not a date: write it "
                         "2023-06-01 or 20230601", len);
    return mdn_error(err, rc, NULL, 0, 0, "\"%.*s\" is not a date: write it 2023-06-01 or "
                     "20230601", shown, text);
}
