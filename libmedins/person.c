/*
 * Persons, claims, dates and the words policy files use for them. The word tables are indexed
 * by the enum values, so a name and its parse are one table; mdn_word_name and mdn_word_parse
 * serve every such table in the library. Also what the computations that have a person but no
 * claim share: their selector context and their date check.
 */
#include <stdio.h>
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

const char *mdn_date_text(char buf[11], medins_date d)
{
    const unsigned u = (unsigned)d;
    snprintf(buf, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
    return buf;
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

/* ---- The words people type --------------------------------------------------------------- */

/*
 * Besides its policy-file word in any case, each value is read by the names Chinese hospitals,
 * offices and the national platform's code tables give it: the first listed is the one an
 * error message shows. A value may have none (no one name is in use for it).
 */
typedef struct word_alias {
    int value;
    const char *text;
} word_alias;

static const word_alias scheme_aliases[] = {
    { 0, "职工" }, { 0, "职工医保" }, { 0, "职工基本医疗保险" },
    { 1, "居民" }, { 1, "居民医保" }, { 1, "城乡居民" }, { 1, "城乡居民医保" },
    { 1, "城乡居民基本医疗保险" }, { -1, NULL },
};
static const word_alias category_aliases[] = {
    { 0, "在职" }, { 1, "退休" }, { 2, "成年居民" }, { 2, "成年人" }, { 3, "学生儿童" }, { -1, NULL },
};
static const word_alias tier_aliases[] = {
    { 1, "低档" }, { 2, "中档" }, { 3, "高档" }, { -1, NULL },
};
static const word_alias level_aliases[] = {
    { 0, "基层" }, { 0, "基层医疗机构" }, { 1, "一级" }, { 1, "一级医院" }, { 2, "二级" },
    { 2, "二级医院" }, { 3, "三级" }, { 3, "三级医院" }, { 4, "药店" }, { 4, "定点药店" },
    { 4, "定点零售药店" }, { -1, NULL },
};
static const word_alias kind_aliases[] = {
    { 0, "门诊" }, { 0, "门急诊" }, { 1, "门诊统筹" }, { 1, "普通门诊统筹" }, { 2, "门特" },
    { 2, "门诊特殊病" }, { 2, "门诊慢特病" }, { 3, "住院" }, { 4, "药店" }, { 4, "定点药店" },
    { 4, "药店购药" }, { -1, NULL },
};
static const word_alias group_aliases[] = {
    { 0, "低保" }, { 1, "低保边缘" }, { 2, "特困" }, { 3, "重度残疾" }, { 4, "低收入老年人" },
    { 5, "单亲家庭" }, { 6, "失独" }, { 7, "五保" }, { 8, "三无" }, { 9, "优抚对象" }, { -1, NULL },
};
static const word_alias employer_aliases[] = {
    { 0, "企业" }, { 1, "机关事业单位" }, { 2, "困难企业" }, { 3, "个体工商户" }, { -1, NULL },
};
static const word_alias delivery_aliases[] = {
    { 0, "顺产" }, { 1, "助产" }, { 2, "剖宫产" }, { -1, NULL },
};
static const word_alias disease_aliases[] = {
    { 0, "糖尿病" }, { 1, "透析" }, { 2, "血友病" }, { 3, "偏瘫" }, { 4, "肺心病" }, { -1, NULL },
};

/* The words of the enumerations declared beside their computations, through their public names
 * (the tables are those modules' own). */
static const char *employer_word(int v) { return medins_employer_type_name((medins_employer_type)v); }
static const char *delivery_word(int v) { return medins_delivery_name((medins_delivery)v); }
static const char *disease_word(int v) { return medins_disease_name((medins_disease)v); }

typedef struct word_set {
    const char *what;                    /* "a hospital level", for messages */
    const char *const *words;            /* the policy-file words, by value; or NULL and: */
    const char *(*word)(int v);          /* the word of value v */
    int count;
    const word_alias *aliases;
} word_set;

static const word_set word_sets[MEDINS_WORDS_COUNT] = {
    [MEDINS_WORDS_SCHEME] = { "a scheme", mdn_scheme_words, NULL, MEDINS_SCHEME_COUNT, scheme_aliases },
    [MEDINS_WORDS_CATEGORY] = { "a category", mdn_category_words, NULL, MEDINS_CATEGORY_COUNT,
                                category_aliases },
    [MEDINS_WORDS_TIER] = { "a tier", mdn_tier_words, NULL, MEDINS_TIER_COUNT, tier_aliases },
    [MEDINS_WORDS_LEVEL] = { "a hospital level", mdn_level_words, NULL, MEDINS_LEVEL_COUNT, level_aliases },
    [MEDINS_WORDS_CLAIM_KIND] = { "a claim kind", mdn_kind_words, NULL, MEDINS_CLAIM_KIND_COUNT,
                                  kind_aliases },
    [MEDINS_WORDS_GROUP] = { "a group", mdn_group_words, NULL, (int)MDN_WORD_COUNT(mdn_group_words),
                             group_aliases },
    [MEDINS_WORDS_EMPLOYER_TYPE] = { "an employer type", NULL, employer_word, MEDINS_EMPLOYER_TYPE_COUNT,
                                     employer_aliases },
    [MEDINS_WORDS_DELIVERY] = { "a delivery type", NULL, delivery_word, MEDINS_DELIVERY_COUNT,
                                delivery_aliases },
    [MEDINS_WORDS_DISEASE] = { "a disease", NULL, disease_word, MEDINS_DISEASE_COUNT, disease_aliases },
};

static const char *set_word(const word_set *s, int v)
{
    return s->words ? s->words[v] : s->word(v);
}

/* `text` (len bytes) is `word` in any case, with '-' for '_'. */
static bool same_word(const char *text, size_t len, const char *word)
{
    size_t i = 0;
    for (; i < len && word[i]; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c == '-')
            c = '_';
        if (c != word[i])
            return false;
    }
    return i == len && !word[i];
}

/* The enumeration's words with their first Chinese names: "primary (基层), l1 (一级), ...". */
static void list_words(char *buf, size_t size, const word_set *s)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int v = 0; v < s->count && n < size; v++) {
        const char *zh = NULL;
        for (const word_alias *a = s->aliases; a->text && !zh; a++)
            if (a->value == v)
                zh = a->text;
        int k = snprintf(buf + n, size - n, zh ? "%s%s (%s)" : "%s%s", v ? ", " : "", set_word(s, v), zh);
        if (k < 0)
            break;
        n += (size_t)k;
    }
}

int medins_word_parse(int *out, medins_words words, const char *text, size_t len, medins_error **err)
{
    if (!out || !text || (unsigned)words >= MEDINS_WORDS_COUNT)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "no output, no text or no such words");
    const word_set *s = &word_sets[words];
    int found = -1;
    if (!memchr(text, '\0', len)) {
        for (int v = 0; v < s->count && found < 0; v++)
            if (same_word(text, len, set_word(s, v)))
                found = v;
        for (const word_alias *a = s->aliases; a->text && found < 0; a++)
            if (strlen(a->text) == len && memcmp(a->text, text, len) == 0)
                found = a->value;
    }
    if (found >= 0) {
        *out = words == MEDINS_WORDS_GROUP ? (int)(1u << found) : found;
        return 0;
    }
    char q[256], list[512];
    mdn_quoted(q, sizeof q, text, len);
    if (memchr(text, '\0', len))
        return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, 0, "\"%s\" is not %s: it contains a NUL byte",
                         q, s->what);
    list_words(list, sizeof list, s);
    return mdn_error(err, MEDINS_ERR_TYPE, NULL, 0, 0, "\"%s\" is not %s: write one of %s", q,
                     s->what, list);
}

/* A missing argument is the caller's mistake (MEDINS_ERR_ARGUMENT); only a real word that is not
 * one of the table's is an unknown enum word (MEDINS_ERR_TYPE), as in a policy file. */
MDN_DEFINE_PARSE(medins_scheme_parse, medins_scheme, MEDINS_WORDS_SCHEME)
MDN_DEFINE_PARSE(medins_category_parse, medins_category, MEDINS_WORDS_CATEGORY)
MDN_DEFINE_PARSE(medins_tier_parse, medins_tier, MEDINS_WORDS_TIER)
MDN_DEFINE_PARSE(medins_level_parse, medins_level, MEDINS_WORDS_LEVEL)
MDN_DEFINE_PARSE(medins_claim_kind_parse, medins_claim_kind, MEDINS_WORDS_CLAIM_KIND)
MDN_DEFINE_PARSE(medins_group_parse, uint32_t, MEDINS_WORDS_GROUP)

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
