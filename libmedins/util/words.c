/*
 * The words of the public enums: what policy files write and what the *_name / *_parse
 * functions give and take. The word tables are indexed by the enum values, so a name and its
 * parse are one table; mdn_word_name and mdn_word_parse serve every such table in the library.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

const char *const mdn_scheme_words[] = { "employee", "resident", NULL };
const char *const mdn_category_words[] = { "in_service", "retired", "adult", "student_child", NULL };
const char *const mdn_tier_words[] = { "none", "low", "middle", "high", NULL };
const char *const mdn_level_words[] = { "primary", "l1", "l2", "l3", "pharmacy", NULL };
const char *const mdn_kind_words[] = { "outpatient", "pooling", "special_disease", "inpatient", "pharmacy", NULL };
const char *const mdn_group_words[] = {
    "dibao", "marginal", "tekun", "disabled", "low_income_elderly", "single_parent",
    "bereaved_parent", "five_guarantee", "three_without", "entitled", NULL,
};
const char *const mdn_employer_words[] = {"enterprise", "civil_service", "difficulty",
                                          "individual_business", NULL};
const char *const mdn_delivery_words[] = {"natural", "assisted", "caesarean", "caesarean_complex",
                                          NULL};
const char *const mdn_disease_words[] = {"diabetes", "dialysis", "haemophilia", "hemiplegia",
                                         "pulmonary_heart", NULL};
const char *const mdn_period_words[] = {"month", "year", NULL};
const char *const mdn_pool_words[] = {"outpatient", "pooling", "inpatient", NULL};
const char *const mdn_section_words[] = {
    [MEDINS_SECTION_CONTRIBUTIONS] = "contributions",
    [MEDINS_SECTION_OUTPATIENT] = "outpatient",
    [MEDINS_SECTION_PHARMACY] = "pharmacy",
    [MEDINS_SECTION_OUTPATIENT_POOLING] = "outpatient_pooling",
    [MEDINS_SECTION_SPECIAL_DISEASE] = "special_disease",
    [MEDINS_SECTION_INPATIENT] = "inpatient",
    [MEDINS_SECTION_MAJOR_DISEASE] = "major_disease",
    [MEDINS_SECTION_ASSISTANCE] = "assistance",
    [MEDINS_SECTION_MATERNITY] = "maternity",
    [MEDINS_SECTION_CAPITATION] = "capitation",
    [MEDINS_SECTION_ACCOUNTS] = "accounts",
    [MEDINS_SECTION_COUNT] = NULL,
};
_Static_assert(MDN_WORD_COUNT(mdn_employer_words) == MEDINS_EMPLOYER_TYPE_COUNT,
               "one word per employer type");
_Static_assert(MDN_WORD_COUNT(mdn_delivery_words) == MEDINS_DELIVERY_COUNT,
               "one word per delivery type");
_Static_assert(MDN_WORD_COUNT(mdn_disease_words) == MEDINS_DISEASE_COUNT, "one word per disease");
_Static_assert(MDN_WORD_COUNT(mdn_section_words) == MEDINS_SECTION_COUNT, "one word per section");

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

/* A missing argument is the caller's mistake (MEDINS_ERR_ARGUMENT); only a real word that is not
 * one of the table's is an unknown enum word (MEDINS_ERR_TYPE), as in a policy file. Nothing is
 * written on error. */
#define DEFINE_PARSE(fn, type, words)                                           \
    int fn(type *out, const char *name)                                         \
    {                                                                           \
        if (!out || !name)                                                      \
            return MEDINS_ERR_ARGUMENT;                                         \
        int i = mdn_word_parse(words, name);                                    \
        if (i < 0)                                                              \
            return MEDINS_ERR_TYPE;                                             \
        *out = (type)i;                                                         \
        return 0;                                                               \
    }

/* The enums with medins_<word>_name and medins_<word>_parse: X(word, type, words). */
#define NAMED_ENUMS(X)                                                          \
    X(scheme, medins_scheme, mdn_scheme_words)                                  \
    X(category, medins_category, mdn_category_words)                            \
    X(tier, medins_tier, mdn_tier_words)                                        \
    X(level, medins_level, mdn_level_words)                                     \
    X(claim_kind, medins_claim_kind, mdn_kind_words)                            \
    X(employer_type, medins_employer_type, mdn_employer_words)                  \
    X(delivery, medins_delivery, mdn_delivery_words)                            \
    X(disease, medins_disease, mdn_disease_words)

#define DEFINE_NAME_AND_PARSE(word, type, words)                                \
    DEFINE_NAME(medins_##word##_name, type, words)                              \
    DEFINE_PARSE(medins_##word##_parse, type, words)
NAMED_ENUMS(DEFINE_NAME_AND_PARSE)
/* Sections have a name, and no parse. */
DEFINE_NAME(medins_section_name, medins_section, mdn_section_words)

const char *medins_group_name(uint32_t flag)
{
    for (size_t i = 0; i < MDN_WORD_COUNT(mdn_group_words); i++)
        if (flag == 1u << i)
            return mdn_group_words[i];
    return NULL;
}

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

/* ---- Names of the enums policy files do not write ------------------------------------------ */

static const char *const part_words[] = {
    "self_paid", "category_b", "deductible", "fund", "coinsurance", "over_cap", "major_disease",
    "assistance", "patient", "account", "info", "contribution", "benefit", NULL,
};
static const char *const result_kind_words[] = {
    "settlement", "contribution", "maternity", "capitation", "account", NULL,
};
_Static_assert(MDN_WORD_COUNT(part_words) == MEDINS_PART_COUNT, "one word per part");
_Static_assert(MDN_WORD_COUNT(mdn_pool_words) == MEDINS_POOL_COUNT, "one word per pool");
_Static_assert(MDN_WORD_COUNT(result_kind_words) == MEDINS_RESULT_ACCOUNT + 1,
               "one word per result kind");
DEFINE_NAME(medins_part_name, medins_part, part_words)
DEFINE_NAME(medins_pool_name, medins_pool, mdn_pool_words)
DEFINE_NAME(medins_result_kind_name, medins_result_kind, result_kind_words)
DEFINE_NAME(medins_capitation_period_name, medins_capitation_period, mdn_period_words)

/* ---- A list of groups ---------------------------------------------------------------------- */

static bool is_group_separator(char c)
{
    return c == '+' || c == ',' || c == '|';
}

int medins_groups_parse(uint32_t *out, const char *text, size_t len, medins_error **err)
{
    if (!out || (!text && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_groups_parse: NULL argument");
    const char *nul = len ? memchr(text, '\0', len) : NULL;
    if (nul)
        return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, (unsigned)(nul - text) + 1,
                         "the groups' text contains a NUL byte");
    size_t i = 0;
    while (i < len && text[i] == ' ')
        i++;
    uint32_t all = 0;
    /* Words, each followed by spaces and a separator or the end; none when there is only
     * space. */
    while (i < len) {
        const size_t start = i;
        while (i < len && text[i] != ' ' && !is_group_separator(text[i]))
            i++;
        if (i == start)
            return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, (unsigned)start + 1,
                             "an empty group at byte %zu: write words such as dibao, separated by "
                             "'+', ',' or '|'", start + 1);
        char word[64];
        uint32_t flag = 0;
        const size_t n = i - start;
        if (n < sizeof word) {
            memcpy(word, text + start, n);
            word[n] = '\0';
        }
        if (n >= sizeof word || medins_group_parse(&flag, word) != 0) {
            char list[300];
            size_t at = 0;
            for (size_t k = 0; mdn_group_words[k] && at < sizeof list; k++)
                at += (size_t)snprintf(list + at, sizeof list - at, "%s%s", k ? ", " : "",
                                       mdn_group_words[k]);
            return mdn_error(err, MEDINS_ERR_TYPE, NULL, 0, (unsigned)start + 1,
                             "\"%.*s\" is not a group: the groups are %s", n < 40 ? (int)n : 40,
                             text + start, list);
        }
        all |= flag;
        while (i < len && text[i] == ' ')
            i++;
        if (i == len)
            break;
        if (!is_group_separator(text[i]))
            return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, (unsigned)i + 1,
                             "groups are separated by '+', ',' or '|', not '%c' (byte %zu)",
                             text[i], i + 1);
        i++;
        while (i < len && text[i] == ' ')
            i++;
        if (i == len)
            return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, (unsigned)i,
                             "an empty group after the last separator: write words such as "
                             "dibao, separated by '+', ',' or '|'");
    }
    *out = all;
    return 0;
}
