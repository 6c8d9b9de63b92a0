/*
 * Money: the one accepted spelling of amounts and ratios, every refused one, half-up rounding
 * and checked sums.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

typedef struct money_case {
    const char *text;
    int rc;
    medins_fen fen;
} money_case;

static const money_case money_cases[] = {
    { "980", 0, 98000 },
    { "1100.5", 0, 110050 },
    { "1100.50", 0, 110050 },
    { "0", 0, 0 },
    { "0.01", 0, 1 },
    { "-3", 0, -300 },
    { "-0.05", 0, -5 },
    { "007", 0, 700 },                                /* leading zeros are harmless */
    { "1000000000000", 0, MEDINS_FEN_MAX },           /* 10^12 yuan = 10^14 fen, the largest */
    { "1000000000000.01", MEDINS_ERR_OVERFLOW, 0 },
    { "99999999999999999999999", MEDINS_ERR_OVERFLOW, 0 },
    { "1,100", MEDINS_ERR_SYNTAX, 0 },
    { "1 100", MEDINS_ERR_SYNTAX, 0 },
    { " 5", MEDINS_ERR_SYNTAX, 0 },
    { "5 ", MEDINS_ERR_SYNTAX, 0 },
    { "1e3", MEDINS_ERR_SYNTAX, 0 },
    { "+5", MEDINS_ERR_SYNTAX, 0 },
    { "1.005", MEDINS_ERR_SYNTAX, 0 },
    { "5500万", MEDINS_ERR_SYNTAX, 0 },
    { "", MEDINS_ERR_SYNTAX, 0 },
    { "-", MEDINS_ERR_SYNTAX, 0 },
    { ".5", MEDINS_ERR_SYNTAX, 0 },
    { "5.", MEDINS_ERR_SYNTAX, 0 },
    { "--5", MEDINS_ERR_SYNTAX, 0 },
    { "0x10", MEDINS_ERR_SYNTAX, 0 },
    { "55%", MEDINS_ERR_SYNTAX, 0 },
};

START_TEST(money_parse_table)
{
    const money_case *c = &money_cases[_i];
    medins_fen out = 12345;
    medins_error *err = NULL;
    int rc = medins_money_parse(&out, c->text, &err);
    ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->text, rc, c->rc);
    if (c->rc == 0) {
        ck_assert_msg(out == c->fen, "\"%s\": %lld fen, expected %lld", c->text, (long long)out,
                      (long long)c->fen);
        ck_assert_msg(err == NULL, "\"%s\": error set on success", c->text);
    } else {
        ck_assert_msg(out == 12345, "\"%s\": output changed on failure", c->text);
        ck_assert_msg(err && medins_error_code(err) == c->rc, "\"%s\": error object", c->text);
        /* The message quotes the text and says why. */
        char want[128];
        snprintf(want, sizeof want, c->rc == MEDINS_ERR_OVERFLOW
                 ? "amount \"%s\" is above the largest amount accepted"
                 : "\"%s\" is not an amount: ", c->text);
        ck_assert_msg(strstr(medins_error_message(err), want), "\"%s\": message \"%s\"",
                      c->text, medins_error_message(err));
    }
    medins_error_free(err);
}
END_TEST

typedef struct ratio_case {
    const char *text;
    int rc;
    medins_bp bp;
} ratio_case;

static const ratio_case ratio_cases[] = {
    { "55%", 0, 5500 },
    { "2.5%", 0, 250 },
    { "12.34%", 0, 1234 },
    { "0%", 0, 0 },
    { "100%", 0, 10000 },
    { "100.00%", 0, 10000 },
    { "100.01%", MEDINS_ERR_RANGE, 0 },
    { "150%", MEDINS_ERR_RANGE, 0 },
    { "-5%", MEDINS_ERR_RANGE, 0 },
    { "55", MEDINS_ERR_SYNTAX, 0 },
    { "55 %", MEDINS_ERR_SYNTAX, 0 },
    { "0.55", MEDINS_ERR_SYNTAX, 0 },
    { "2.555%", MEDINS_ERR_SYNTAX, 0 },
    { "+5%", MEDINS_ERR_SYNTAX, 0 },
    { "5%%", MEDINS_ERR_SYNTAX, 0 },
    { "%", MEDINS_ERR_SYNTAX, 0 },
    { "1e1%", MEDINS_ERR_SYNTAX, 0 },
};

START_TEST(ratio_parse_table)
{
    const ratio_case *c = &ratio_cases[_i];
    medins_bp out = 77;
    medins_error *err = NULL;
    int rc = medins_ratio_parse(&out, c->text, &err);
    ck_assert_msg(rc == c->rc, "\"%s\": rc %d, expected %d", c->text, rc, c->rc);
    ck_assert_msg(out == (c->rc ? 77 : c->bp), "\"%s\": %d bp", c->text, (int)out);
    if (c->rc) {
        char want[128];
        snprintf(want, sizeof want, c->rc == MEDINS_ERR_RANGE ? "ratio \"%s\" is outside 0%%-100%%"
                                                              : "\"%s\" is not a ratio: ", c->text);
        ck_assert_msg(err && strstr(medins_error_message(err), want), "\"%s\": message \"%s\"",
                      c->text, err ? medins_error_message(err) : "");
    }
    medins_error_free(err);
}
END_TEST

typedef struct apply_case {
    const char *name;
    medins_fen amount;
    medins_bp ratio;
    medins_fen expect;
} apply_case;

static const apply_case apply_cases[] = {
    { "1 fen x 50% = 0.5 -> 1", 1, 5000, 1 },
    { "3 fen x 50% = 1.5 -> 2", 3, 5000, 2 },
    { "1 fen x 49.99% = 0.4999 -> 0", 1, 4999, 0 },
    { "101 fen x 55.50% = 56.055 -> 56", 101, 5550, 56 },
    { "109 fen x 55.50% = 60.495 -> 60", 109, 5550, 60 },
    { "110 fen x 55.50% = 61.05 -> 61", 110, 5550, 61 },
    { "1100.50 yuan x 85% = 93542.5 fen -> 93543", 110050, 8500, 93543 },
    { "-3 fen x 50% = -1.5 -> -2 (away from zero)", -3, 5000, -2 },
    { "anything x 0% = 0", 123456789, 0, 0 },
    { "x 100% is itself", 123456789, 10000, 123456789 },
    { "the largest amount x 100% does not overflow", MEDINS_FEN_MAX, 10000, MEDINS_FEN_MAX },
    { "the largest amount x 99.99%", MEDINS_FEN_MAX, 9999, 99990000000000LL },
};

/* No text is an argument error that leaves the output alone: the message must not print the
 * missing text (printf's %s of NULL is undefined). */
START_TEST(parse_null_text)
{
    medins_fen fen = 7;
    medins_bp bp = 7;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_money_parse(&fen, NULL, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_ARGUMENT);
    ck_assert_ptr_null(strstr(medins_error_message(err), "(null)"));
    medins_error_free(err);
    err = NULL;
    ck_assert_int_eq(medins_ratio_parse(&bp, NULL, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_ARGUMENT);
    medins_error_free(err);
    ck_assert_int_eq(fen, 7);
    ck_assert_int_eq(bp, 7);
}
END_TEST

/*
 * Text with a length: each case is `len` bytes copied into a buffer of exactly that size (no
 * NUL after it to lean on). A NUL inside is refused, never taken as the end; a comma gets a
 * message about thousands separators; a message quotes the text with its NUL as \0.
 */
typedef struct len_case {
    const char *text;
    size_t len;
    int ratio;          /* parse as a ratio */
    int rc;
    int64_t value;      /* fen or basis points */
    const char *says;   /* part of the message */
} len_case;

static const len_case len_cases[] = {
    /* amounts: 800, then a NUL and more digits, is not 800 */
    { "800\0999", 7, 0, MEDINS_ERR_SYNTAX, 0, "\"800\\0999\" is not an amount: it contains a NUL byte" },
    { "25000\0", 6, 0, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    { "\0", 1, 0, MEDINS_ERR_SYNTAX, 0, "\"\\0\" is not an amount: it contains a NUL byte" },
    { "1\0002", 3, 0, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    { "\0" "1", 2, 0, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    { "12.5\0", 5, 0, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    { "-\0" "5", 3, 0, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    /* thousands separators, with the wording the command and the bindings show too */
    { "1,100", 5, 0, MEDINS_ERR_SYNTAX, 0, "\"1,100\" is not an amount: thousands separators are not allowed" },
    { "350,000", 7, 0, MEDINS_ERR_SYNTAX, 0, "thousands separators are not allowed" },
    { "1,100.50", 8, 0, MEDINS_ERR_SYNTAX, 0, "thousands separators are not allowed" },
    { "12 345", 6, 0, MEDINS_ERR_SYNTAX, 0, "write yuan with at most two decimals" },
    { "\x01" "5", 2, 0, MEDINS_ERR_SYNTAX, 0, "\"\\x015\" is not an amount" },
    { "99999999999999999999", 20, 0, MEDINS_ERR_OVERFLOW, 0, "is above the largest amount" },
    /* the length decides where the text ends: the bytes after it are not read */
    { "12345", 3, 0, 0, 12300, NULL },
    { "1100.509", 7, 0, 0, 110050, NULL },
    { "7", 0, 0, MEDINS_ERR_SYNTAX, 0, "\"\" is not an amount" },
    /* ratios */
    { "55\0%", 4, 1, MEDINS_ERR_SYNTAX, 0, "\"55\\0%\" is not a ratio: it contains a NUL byte" },
    { "55%\0", 4, 1, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    { "5\0" "5%", 4, 1, MEDINS_ERR_SYNTAX, 0, "it contains a NUL byte" },
    { "55%%", 3, 1, 0, 5500, NULL },
    { "55%", 2, 1, MEDINS_ERR_SYNTAX, 0, "\"55\" is not a ratio: write a percentage" },
    { "150%", 4, 1, MEDINS_ERR_RANGE, 0, "ratio \"150%\" is outside 0%-100%" },
};

START_TEST(parse_with_length)
{
    const len_case *c = &len_cases[_i];
    char *buf = malloc(c->len ? c->len : 1);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, c->text, c->len);
    medins_fen fen = 12345;
    medins_bp bp = 77;
    medins_error *err = NULL;
    int rc = c->ratio ? medins_ratio_parse_n(&bp, buf, c->len, &err)
                      : medins_money_parse_n(&fen, buf, c->len, &err);
    ck_assert_msg(rc == c->rc, "case %d: rc %s, expected %s (%s)", _i, medins_status_name(rc),
                  medins_status_name(c->rc), err ? medins_error_message(err) : "");
    if (c->rc == 0) {
        ck_assert_msg((c->ratio ? bp : fen) == c->value && err == NULL, "case %d: %lld", _i,
                      (long long)(c->ratio ? bp : fen));
    } else {
        ck_assert_msg(fen == 12345 && bp == 77, "case %d: output written on failure", _i);
        ck_assert_msg(err && medins_error_code(err) == c->rc &&
                      strstr(medins_error_message(err), c->says),
                      "case %d: message \"%s\", expected a part \"%s\"", _i,
                      err ? medins_error_message(err) : "", c->says);
    }
    medins_error_free(err);
    free(buf);
}
END_TEST

/* The NUL-terminated forms read to the NUL, with the same messages. */
START_TEST(parse_terminated)
{
    medins_fen fen = 1;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_money_parse(&fen, "1,100", &err), MEDINS_ERR_SYNTAX);
    ck_assert_str_eq(medins_error_message(err),
                     "\"1,100\" is not an amount: thousands separators are not allowed");
    medins_error_free(err);
    err = NULL;
    ck_assert_int_eq(medins_money_parse(&fen, "800\0999", &err), 0);
    ck_assert_int_eq(fen, 80000);
    medins_bp bp = 1;
    ck_assert_int_eq(medins_ratio_parse(&bp, "5,5%", &err), MEDINS_ERR_SYNTAX);
    ck_assert_str_eq(medins_error_message(err), "\"5,5%\" is not a ratio: write a percentage "
                     "with at most two decimals, e.g. 55%");
    medins_error_free(err);
    ck_assert_int_eq(medins_money_parse_n(&fen, NULL, 0, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_money_parse_n(NULL, "1", 1, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_ratio_parse_n(&bp, NULL, 0, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_ratio_parse_n(NULL, "1%", 2, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(fen, 80000);
    ck_assert_int_eq(bp, 1);
}
END_TEST

START_TEST(apply_table)
{
    const apply_case *c = &apply_cases[_i];
    medins_fen got = medins_money_apply(c->amount, c->ratio);
    ck_assert_msg(got == c->expect, "%s: got %lld", c->name, (long long)got);
}
END_TEST

START_TEST(add_checked)
{
    medins_fen out = 5;
    ck_assert_msg(medins_money_add(&out, 100, 250) == 0 && out == 350, "100 + 250");
    ck_assert_msg(medins_money_add(&out, MEDINS_FEN_MAX, 0) == 0 && out == MEDINS_FEN_MAX, "max + 0");
    out = 5;
    ck_assert_msg(medins_money_add(&out, MEDINS_FEN_MAX, 1) == MEDINS_ERR_OVERFLOW && out == 5, "max + 1");
    ck_assert_msg(medins_money_add(&out, -MEDINS_FEN_MAX, -1) == MEDINS_ERR_OVERFLOW && out == 5, "-max - 1");
    ck_assert_msg(medins_money_add(&out, INT64_MAX, INT64_MIN) == MEDINS_ERR_OVERFLOW,
                  "operands beyond the range are refused even when the sum would fit");
    ck_assert_msg(medins_money_add(&out, MEDINS_FEN_MAX, -MEDINS_FEN_MAX) == 0 && out == 0, "max - max");
}
END_TEST

typedef struct format_case {
    medins_fen fen;
    const char *money;
} format_case;

START_TEST(format_money)
{
    static const format_case cases[] = {
        { 110050, "1100.50" }, { -5, "-0.05" }, { 0, "0.00" }, { 98000, "980.00" },
        { MEDINS_FEN_MAX, "1000000000000.00" }, { -MEDINS_FEN_MAX, "-1000000000000.00" },
        { 10, "0.10" }, { 7, "0.07" }, { -100, "-1.00" },
        { INT64_MAX, "92233720368547758.07" }, { INT64_MIN, "-92233720368547758.08" },
    };
    char buf[24];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = medins_money_format(buf, sizeof buf, cases[i].fen);
        ck_assert_msg(n == (int)strlen(cases[i].money) && strcmp(buf, cases[i].money) == 0,
                      "format %lld: \"%s\" (%d)", (long long)cases[i].fen, buf, n);
    }
    char small[4];
    ck_assert_msg(medins_money_format(small, sizeof small, 110050) == MEDINS_ERR_BUFFER, "small buffer");
    ck_assert_msg(medins_money_format(small, sizeof small, 5) == MEDINS_ERR_BUFFER,
                  "\"0.05\" needs 5 bytes with its NUL");
    char five[5];
    ck_assert_msg(medins_money_format(five, sizeof five, 5) == 4 && strcmp(five, "0.05") == 0,
                  "\"0.05\" fits 5 bytes");
    /* Against printf over many magnitudes: yuan, then the fen as two digits. */
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 10000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        const int64_t v = (int64_t)(x >> (i % 63)) * (i % 2 ? -1 : 1);
        const uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        char want[48];
        snprintf(want, sizeof want, "%s%llu.%02u", v < 0 ? "-" : "",
                 (unsigned long long)(mag / 100), (unsigned)(mag % 100));
        int n = medins_money_format(buf, sizeof buf, v);
        ck_assert_msg(n == (int)strlen(want) && strcmp(buf, want) == 0, "format %lld: \"%s\", want \"%s\"",
                      (long long)v, buf, want);
    }
}
END_TEST

START_TEST(format_ratio)
{
    static const struct { medins_bp bp; const char *text; } cases[] = {
        { 5500, "55%" }, { 250, "2.5%" }, { 1234, "12.34%" }, { 0, "0%" }, { 10000, "100%" },
        { 5, "0.05%" }, { -500, "-5%" }, { 10, "0.1%" }, { 1000, "10%" }, { 1010, "10.1%" },
        { 1001, "10.01%" }, { 90, "0.9%" },
    };
    char buf[24];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = medins_ratio_format(buf, sizeof buf, cases[i].bp);
        ck_assert_msg(n > 0 && strcmp(buf, cases[i].text) == 0, "ratio %d: \"%s\"", (int)cases[i].bp, buf);
        /* What is formatted parses back to the same basis points. */
        medins_bp back = -1;
        if (cases[i].bp >= 0)
            ck_assert_msg(medins_ratio_parse(&back, buf, NULL) == 0 && back == cases[i].bp, "round trip %s", buf);
    }
}
END_TEST

static Suite *money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("parse");
    tcase_add_loop_test(tc, money_parse_table, 0, sizeof money_cases / sizeof money_cases[0]);
    tcase_add_loop_test(tc, ratio_parse_table, 0, sizeof ratio_cases / sizeof ratio_cases[0]);
    tcase_add_test(tc, parse_null_text);
    tcase_add_loop_test(tc, parse_with_length, 0, sizeof len_cases / sizeof len_cases[0]);
    tcase_add_test(tc, parse_terminated);
    suite_add_tcase(s, tc);
    tc = tcase_create("arithmetic");
    tcase_add_loop_test(tc, apply_table, 0, sizeof apply_cases / sizeof apply_cases[0]);
    tcase_add_test(tc, add_checked);
    suite_add_tcase(s, tc);
    tc = tcase_create("format");
    tcase_add_test(tc, format_money);
    tcase_add_test(tc, format_ratio);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(money_suite)
