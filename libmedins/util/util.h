/*
 * The util stage (docs/design.md): what every stage shares and no policy knows of: error
 * construction and the error lists of loads, the arena that owns a policy's memory, the words
 * of the public enums, money and dates as numbers and as text. Nothing here is exported.
 */
#ifndef MEDINS_UTIL_H
#define MEDINS_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "medins.h"

#if defined(__GNUC__)
#  define MDN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#  define MDN_COLD __attribute__((cold))
#  define MDN_NOINLINE __attribute__((noinline))
#else
#  define MDN_PRINTF(a, b)
#  define MDN_COLD
#  define MDN_NOINLINE
#endif

/*
 * Set *err (when err is not NULL) to a new error and return `code`, so callers can write
 * `return mdn_error(err, MEDINS_ERR_RANGE, file, line, col, "...", ...);`.
 * file may be NULL; line/col are 1-based, 0 = unknown. If allocation fails *err is set to a
 * static out-of-memory error that medins_error_free ignores.
 */
int mdn_error(medins_error **err, int code, const char *file, unsigned line, unsigned col,
              const char *fmt, ...) MDN_PRINTF(6, 7) MDN_COLD;
int mdn_verror(medins_error **err, int code, const char *file, unsigned line, unsigned col,
               const char *fmt, va_list ap);
/* The longest message in bytes: a longer one is cut to it, and back to the end of its last
 * whole UTF-8 character, so that a cut message is still text. */
#define MDN_ERROR_MESSAGE_MAX 1023
/*
 * An error of a load that may collect its errors (medins_load_options.errors): with no list,
 * mdn_error; with one, the error is added to the list (unless it holds it already, or is full)
 * and also given to *err when that is still NULL (a collecting load passes its own variable,
 * so that *err is its first error). Returns code.
 */
int mdn_report(medins_error_list *list, medins_error **err, int code, const char *file,
               unsigned line, unsigned col, const char *fmt, ...) MDN_PRINTF(7, 8) MDN_COLD;
int mdn_vreport(medins_error_list *list, medins_error **err, int code, const char *file,
                unsigned line, unsigned col, const char *fmt, va_list ap) MDN_COLD;
/* Empty a list (errors.c). */
void mdn_error_list_clear(medins_error_list *list);
/*
 * The end of a collecting load that ended with status rc and first error `first` (NULL when
 * none was reported): the load fails, with first's code, when anything was reported; `first`
 * joins the list (an error that stopped the load is only there), the list is put in the order
 * of the text (file name, line, column), and *err receives `first` on failure (else it is
 * freed). Returns the status.
 */
int mdn_load_finish(medins_error_list *list, int rc, medins_error *first, medins_error **err);
/* The list a load collects its errors in (medins_load_options.errors, version 3), or NULL. */
static inline medins_error_list *mdn_load_errors(const medins_load_options *opts)
{
    return opts && opts->version >= 3 ? opts->errors : NULL;
}
#ifdef __clang_analyzer__
/* The static analyzer (scan-build) reads one file at a time: it cannot see that mdn_error
 * returns its code, and takes `return mdn_error(...)` as a path that may return 0 with the
 * outputs unset. This tells it. (errors.c and bind.c write the names of their definitions in
 * parentheses, which keeps these macros and the one for mdn_bind_error off them.) */
#  define mdn_error(err, code, ...) (mdn_error(err, code, __VA_ARGS__), (code))
#  define mdn_report(list, err, code, ...) (mdn_report(list, err, code, __VA_ARGS__), (code))
#endif

/*
 * The versions of the structs callers allocate (medins_person... medins_load_options): the
 * library reads versions 1 to `known`, the one its headers describe, each as that version lays
 * the struct out. MDN_CHECK_VERSION is 0 for such a version, else MEDINS_ERR_ARGUMENT with a
 * message naming the struct `what` ("medins_person") and what to do: version 0 is a struct never
 * initialised, a higher one a struct of a newer libmedins.
 */
#define MDN_VERSION_KNOWN(v, known) ((unsigned)(v) - 1u < (unsigned)(known))
#define MDN_CHECK_VERSION(err, p, what, known) \
    (MDN_VERSION_KNOWN((p)->version, known) ? 0 : mdn_version_error(err, what, (p)->version, known))
int mdn_version_error(medins_error **err, const char *what, unsigned version, unsigned known)
    MDN_COLD;

/* Tells the static analyzer (only) a fact the code guarantees where it cannot follow, across
 * calls or loop iterations; compiles to nothing otherwise. */
#ifdef __clang_analyzer__
#  define MDN_ANALYZER_ASSUME(c) do { if (!(c)) __builtin_unreachable(); } while (0)
#else
#  define MDN_ANALYZER_ASSUME(c) ((void)0)
#endif

/* A bump allocator: everything a policy owns is freed at once. */
typedef struct mdn_arena {
    struct mdn_arena_chunk *head;
} mdn_arena;

void mdn_arena_init(mdn_arena *a);
/* Zeroed, 16-byte aligned memory; NULL on out-of-memory. */
void *mdn_arena_alloc(mdn_arena *a, size_t size);
char *mdn_arena_strdup(mdn_arena *a, const char *s);
char *mdn_arena_strndup(mdn_arena *a, const char *s, size_t n);
char *mdn_arena_printf(mdn_arena *a, const char *fmt, ...) MDN_PRINTF(2, 3);
void mdn_arena_free(mdn_arena *a);

/*
 * Word tables (words.c): NULL-terminated arrays of the words policy files and the public
 * *_name / *_parse functions use, indexed by enum value.
 */
#define MDN_WORD_COUNT(words) (sizeof(words) / sizeof((words)[0]) - 1)
/* The word of value v; NULL when v is not in 0..n-1. */
const char *mdn_word_name(const char *const *words, size_t n, int v);
/* The index of `name` in `words`; -1 when it is not there or name is NULL. */
int mdn_word_parse(const char *const *words, const char *name);
/* Words of the public enums, indexed by enum value, NULL-terminated. */
extern const char *const mdn_scheme_words[];
extern const char *const mdn_category_words[];
extern const char *const mdn_tier_words[];      /* "none", "low", "middle", "high" */
extern const char *const mdn_level_words[];
extern const char *const mdn_kind_words[];
extern const char *const mdn_group_words[];     /* index i is the flag 1u << i */
extern const char *const mdn_employer_words[];
extern const char *const mdn_delivery_words[];
extern const char *const mdn_disease_words[];
extern const char *const mdn_sex_words[];       /* medins_sex: "unknown", "male", "female" */
extern const char *const mdn_period_words[];    /* medins_capitation_period */
extern const char *const mdn_section_words[];   /* the sections' keys in policy files */
extern const char *const mdn_pool_words[];      /* medins_pool */

/* Text as a message quotes it, NUL and control bytes escaped (money.c); returns buf. */
const char *mdn_quoted(char *buf, size_t size, const char *text, size_t len);
/* Amounts and ratios as the library writes them into line texts (money.c); return buf. */
const char *mdn_yuan(char buf[24], medins_fen v);
const char *mdn_percent(char buf[24], medins_bp v);
/* A date as explanations write it, "2023-06-01" (dates.c); returns buf. */
const char *mdn_date_text(char buf[11], medins_date date);
/* Writes the decimal digits of `mag`, after a '-' when `negative`, to end just before `end`;
 * returns where they start (at most 21 characters). */
char *mdn_digits_before(char *end, uint64_t mag, bool negative);

/*
 * medins_age_on for valid dates (the callers check them; the batch has checked them already):
 * -1 when `date` is before `birth_date`. The years between them, less one when the month and
 * day of `date` (as MMDD) come before those of the birth date: in the difference of the two
 * YYYYMMDD numbers the MMDD parts differ by less than 10000, so one division gives both.
 * Someone born on 29 February turns a year older on 1 March of a common year, since
 * 0228 < 0229.
 */
static inline int mdn_age_between(medins_date birth_date, medins_date date)
{
    if (birth_date > date)
        return -1;
    return (int)((uint32_t)(date - birth_date) / 10000u);
}

/* The years dates may have (medins_date_valid), and the range as messages write it. */
#define MDN_YEAR_FIRST 1900
#define MDN_YEAR_LAST 2199
#define MDN_DATE_RANGE "1900-01-01 to 2199-12-31"

/*
 * The days of a year as bits: bit md (month * 100 + day) of mdn_year_days[leap] is set when
 * md is a day of a common (0) or leap (1) year (dates.c). The words past 1231 are 0, so an md
 * below 64 * MDN_YEAR_DAY_WORDS may be looked up without a further test.
 */
#define MDN_YEAR_DAY_WORDS 32
extern const uint64_t mdn_year_days[2][MDN_YEAR_DAY_WORDS];

/* The days of `year`, for years of the range dates may have (1900 to 2199): there a year is
 * leap when it divides by 4, but for 1900 and 2100. Any other year gets one of the two tables
 * (callers test the range with the same expression). Without a branch (bench/README.md, "Why
 * the code looks as it does"). */
static inline const uint64_t *mdn_days_of_year(int32_t year)
{
    return mdn_year_days[((year & 3) == 0) & (year != 1900) & (year != 2100)];
}

/* medins_date_valid (dates.c, which defines it with this), as one expression. A date below
 * 19000101 wraps to a large year offset, a negative one to a large md. */
static inline unsigned mdn_date_valid(medins_date date)
{
    const int32_t y = date / 10000;
    const uint32_t md = (uint32_t)(date - y * 10000);
    return ((uint32_t)(y - 1900) < 300u) & (md < 64 * MDN_YEAR_DAY_WORDS) &
           (unsigned)(mdn_days_of_year(y)[md / 64 % MDN_YEAR_DAY_WORDS] >> md % 64 & 1);
}

/* ISO date "2023-01-01" (and "20230101" when basic) of `len` bytes -> 20230101:
 * MEDINS_ERR_SYNTAX, or MEDINS_ERR_DATE for 2023-02-30 and years outside 1900-2199 (dates.c;
 * medins_date_parse words the errors). The _text form: "2023-01-01" only, NUL-terminated, as
 * policy files write dates. */
int mdn_date_parse_len(medins_date *out, const char *text, size_t len, bool basic);
int mdn_date_parse_text(medins_date *out, const char *text);

/* mdn_apply of an amount known not to be negative (a magnitude): no sign test, which would
 * lengthen the settlement's chain of dependent steps. Unsigned division by a constant needs no
 * sign correction. */
static inline medins_fen mdn_apply_magnitude(uint64_t mag, medins_bp ratio)
{
    return (medins_fen)((mag * (uint64_t)ratio + MEDINS_BP_ONE / 2) / MEDINS_BP_ONE);
}

/* medins_money_apply, inline for the settlement's inner loop (money.c defines the public one
 * with it). |amount| <= 1e14 and ratio <= 1e4 keep the product below 1e18 < INT64_MAX. */
static inline medins_fen mdn_apply(medins_fen amount, medins_bp ratio)
{
    const medins_fen q = mdn_apply_magnitude(amount < 0 ? 0 - (uint64_t)amount : (uint64_t)amount,
                                             ratio);
    return amount < 0 ? -q : q;
}

/* Parsers returning 0 or a status (no error object): the binder adds the node's position.
 * The _len forms read `len` bytes (a NUL among them is MEDINS_ERR_SYNTAX); the _text forms
 * read a NUL-terminated text. */
int mdn_money_parse_len(medins_fen *out, const char *text, size_t len);
int mdn_money_parse_text(medins_fen *out, const char *text);
/* A percentage; negative values only when allow_negative. MEDINS_ERR_SYNTAX / MEDINS_ERR_RANGE. */
int mdn_points_parse_len(medins_bp *out, const char *text, size_t len, bool allow_negative);
int mdn_points_parse_text(medins_bp *out, const char *text, bool allow_negative);
/* A share of a reference figure: a percentage from 0% to MDN_MULTIPLE_MAX (1000%: ten times
 * the figure). MEDINS_ERR_SYNTAX / MEDINS_ERR_RANGE. */
#define MDN_MULTIPLE_MAX (10 * MEDINS_BP_ONE)
int mdn_multiple_parse_text(medins_bp *out, const char *text);
/* Why text that mdn_money_parse_len refused with MEDINS_ERR_SYNTAX is not an amount, as the
 * end of a message: "it contains a NUL byte", "thousands separators are not allowed", or how
 * to write one. Static. */
const char *mdn_amount_syntax_why(const char *text, size_t len);

#endif
