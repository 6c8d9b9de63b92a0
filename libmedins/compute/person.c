/*
 * Persons, claims, dates and the words policy files use for them. The word tables are indexed
 * by the enum values, so a name and its parse are one table; mdn_word_name and mdn_word_parse
 * serve every such table in the library. Also what the computations that have a person but no
 * claim share: their selector context and their date check.
 */
#include <string.h>

#include "person.h"

const char *const mdn_scheme_words[] = { "employee", "resident", NULL };
const char *const mdn_category_words[] = { "in_service", "retired", "adult", "student_child", NULL };
const char *const mdn_tier_words[] = { "none", "low", "middle", "high", NULL };
const char *const mdn_level_words[] = { "primary", "l1", "l2", "l3", "pharmacy", NULL };
const char *const mdn_kind_words[] = { "outpatient", "pooling", "special_disease", "inpatient", "pharmacy", NULL };
const char *const mdn_group_words[] = {
    "dibao", "marginal", "tekun", "disabled", "low_income_elderly", "single_parent",
    "bereaved_parent", "five_guarantee", "three_without", "entitled", NULL,
};

void medins_person_init(medins_person *person)
{
    if (!person)
        return;
    memset(person, 0, sizeof *person);
    person->scheme = MEDINS_SCHEME_EMPLOYEE;
    person->category = MEDINS_CATEGORY_IN_SERVICE;
    person->tier = MEDINS_TIER_NONE;
}

void medins_claim_init(medins_claim *claim)
{
    if (!claim)
        return;
    memset(claim, 0, sizeof *claim);
    claim->kind = MEDINS_CLAIM_OUTPATIENT;
    claim->level = MEDINS_LEVEL_1;
}

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

/* The days of the common and the leap year (private.h), written as the month lengths they hold. */
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

int mdn_date_parse_text(medins_date *out, const char *t)
{
    if (!t || strlen(t) != 10 || t[4] != '-' || t[7] != '-')
        return MEDINS_ERR_SYNTAX;
    int v = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (t[i] < '0' || t[i] > '9')
            return MEDINS_ERR_SYNTAX;
        v = v * 10 + (t[i] - '0');
    }
    if (!medins_date_valid(v))
        return MEDINS_ERR_DATE;
    *out = v;
    return 0;
}

const char *mdn_word_name(const char *const *words, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? words[v] : NULL;
}

int mdn_word_parse(const char *const *words, const char *name)
{
    for (int i = 0; name && words[i]; i++)
        if (strcmp(words[i], name) == 0)
            return i;
    return -1;
}

/* A name and a parse for every enum: the enums are plain ints with the table's indices. */
#define DEFINE_NAME(fn, type, words)                                            \
    const char *fn(type v)                                                      \
    {                                                                           \
        return mdn_word_name(words, MDN_WORD_COUNT(words), (int)v);             \
    }

DEFINE_NAME(medins_scheme_name, medins_scheme, mdn_scheme_words)
DEFINE_NAME(medins_category_name, medins_category, mdn_category_words)
DEFINE_NAME(medins_tier_name, medins_tier, mdn_tier_words)
DEFINE_NAME(medins_level_name, medins_level, mdn_level_words)
DEFINE_NAME(medins_claim_kind_name, medins_claim_kind, mdn_kind_words)

const char *medins_group_name(uint32_t flag)
{
    for (size_t i = 0; i < MDN_WORD_COUNT(mdn_group_words); i++)
        if (flag == 1u << i)
            return mdn_group_words[i];
    return NULL;
}

/* A missing argument is the caller's mistake (MEDINS_ERR_ARGUMENT); only a real word that is not
 * one of the table's is an unknown enum word (MEDINS_ERR_TYPE), as in a policy file. */
MDN_DEFINE_PARSE(medins_scheme_parse, medins_scheme, mdn_scheme_words)
MDN_DEFINE_PARSE(medins_category_parse, medins_category, mdn_category_words)
MDN_DEFINE_PARSE(medins_tier_parse, medins_tier, mdn_tier_words)
MDN_DEFINE_PARSE(medins_level_parse, medins_level, mdn_level_words)
MDN_DEFINE_PARSE(medins_claim_kind_parse, medins_claim_kind, mdn_kind_words)

int medins_group_parse(uint32_t *out, const char *name)
{
    if (!out || !name)
        return MEDINS_ERR_ARGUMENT;
    int i = mdn_word_parse(mdn_group_words, name);
    if (i < 0)
        return MEDINS_ERR_TYPE;
    *out = 1u << i;
    return 0;
}

void mdn_ctx_init(mdn_ctx *ctx, const medins_person *person, int tier)
{
    memset(ctx, 0, sizeof *ctx);
    if (person) {
        ctx->scheme = person->scheme;
        ctx->category = person->category;
        ctx->groups = person->groups;
    }
    ctx->tier = tier;
    ctx->age = -1;
    ctx->prior_outpatient = -1;
}

int mdn_check_in_force(const medins_policy *policy, medins_date date, medins_error **err)
{
    if (!medins_date_valid(date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "date %d is not a calendar date from " MDN_DATE_RANGE, (int)date);
    if (!medins_policy_in_force(policy, date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "date %d is not a day on which policy %s is in force", (int)date,
                         policy->id);
    return 0;
}
