/*
 * Persons, claims, dates and the words policy files use for them. The word tables are indexed
 * by the enum values, so a name and its parse are one table.
 */
#include <string.h>

#include "loader.h"

const char *const mdn_scheme_words[] = { "employee", "resident", NULL };
const char *const mdn_category_words[] = { "in_service", "retired", "adult", "student_child", NULL };
const char *const mdn_tier_words[] = { "none", "low", "middle", "high", NULL };
const char *const mdn_level_words[] = { "primary", "l1", "l2", "l3", "pharmacy", NULL };
const char *const mdn_kind_words[] = { "outpatient", "pooling", "special_disease", "inpatient", "pharmacy", NULL };
const char *const mdn_group_words[] = {
    "dibao", "marginal", "tekun", "disabled", "low_income_elderly", "single_parent",
    "bereaved_parent", "five_guarantee", "three_without", "entitled", NULL,
};

/* Entries before the NULL that ends each table. */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]) - 1)

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

static int days_in_month(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

int medins_date_valid(medins_date date)
{
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= days_in_month(y, m);
}

int medins_age_on(medins_date birth_date, medins_date date)
{
    if (!medins_date_valid(birth_date) || !medins_date_valid(date) || birth_date > date)
        return -1;
    /* Comparing month-day as MMDD: someone born on 29 February turns a year older on 1 March
     * of a common year, since 0228 < 0229. */
    int age = date / 10000 - birth_date / 10000;
    if (date % 10000 < birth_date % 10000)
        age--;
    return age;
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

static const char *name_of(const char *const *names, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? names[v] : NULL;
}

static int index_of(const char *const *names, size_t n, const char *name)
{
    if (!name)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return (int)i;
    return -1;
}

const char *medins_scheme_name(medins_scheme v) { return name_of(mdn_scheme_words, COUNT(mdn_scheme_words), (int)v); }
const char *medins_category_name(medins_category v) { return name_of(mdn_category_words, COUNT(mdn_category_words), (int)v); }
const char *medins_tier_name(medins_tier v) { return name_of(mdn_tier_words, COUNT(mdn_tier_words), (int)v); }
const char *medins_level_name(medins_level v) { return name_of(mdn_level_words, COUNT(mdn_level_words), (int)v); }
const char *medins_claim_kind_name(medins_claim_kind v) { return name_of(mdn_kind_words, COUNT(mdn_kind_words), (int)v); }

const char *medins_group_name(uint32_t flag)
{
    for (size_t i = 0; i < COUNT(mdn_group_words); i++)
        if (flag == 1u << i)
            return mdn_group_words[i];
    return NULL;
}

/* One parse for every enum: the enums are plain ints with the table's indices. */
#define DEFINE_PARSE(fn, type, names)                               \
    int fn(type *out, const char *name)                             \
    {                                                               \
        int i = index_of(names, COUNT(names), name);                \
        if (i < 0 || !out)                                          \
            return MEDINS_ERR_TYPE;                                 \
        *out = (type)i;                                             \
        return 0;                                                   \
    }

DEFINE_PARSE(medins_scheme_parse, medins_scheme, mdn_scheme_words)
DEFINE_PARSE(medins_category_parse, medins_category, mdn_category_words)
DEFINE_PARSE(medins_tier_parse, medins_tier, mdn_tier_words)
DEFINE_PARSE(medins_level_parse, medins_level, mdn_level_words)
DEFINE_PARSE(medins_claim_kind_parse, medins_claim_kind, mdn_kind_words)

int medins_group_parse(uint32_t *out, const char *name)
{
    int i = index_of(mdn_group_words, COUNT(mdn_group_words), name);
    if (i < 0 || !out)
        return MEDINS_ERR_TYPE;
    *out = 1u << i;
    return 0;
}
