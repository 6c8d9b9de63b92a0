/*
 * The words of the public enums: what policy files write and what the *_name / *_parse
 * functions give and take. The word tables are indexed by the enum values, so a name and its
 * parse are one table; mdn_word_name and mdn_word_parse serve every such table in the library,
 * as policy files read them (exactly). medins_word_parse reads them as people type them (any
 * case, '-' for '_', the Chinese names), and every public *_parse goes through it.
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
const char *const mdn_sex_words[] = {"unknown", "male", "female", NULL};
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
    [MEDINS_SECTION_BILLS] = "bills",
    [MEDINS_SECTION_COUNT] = NULL,
};
_Static_assert(MDN_WORD_COUNT(mdn_employer_words) == MEDINS_EMPLOYER_TYPE_COUNT,
               "one word per employer type");
_Static_assert(MDN_WORD_COUNT(mdn_delivery_words) == MEDINS_DELIVERY_COUNT,
               "one word per delivery type");
_Static_assert(MDN_WORD_COUNT(mdn_disease_words) == MEDINS_DISEASE_COUNT, "one word per disease");
_Static_assert(MDN_WORD_COUNT(mdn_sex_words) == MEDINS_SEX_COUNT, "one word per sex");
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
static const word_alias sex_aliases[] = {
    { 1, "男" }, { 1, "男性" }, { 2, "女" }, { 2, "女性" }, { -1, NULL },
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

typedef struct word_set {
    const char *what;                    /* "a hospital level", for messages */
    const char *const *words;            /* the policy-file words, by value */
    int count;
    const word_alias *aliases;
} word_set;

#define WORD_SET(what, words, aliases) { what, words, (int)MDN_WORD_COUNT(words), aliases }
static const word_set word_sets[MEDINS_WORDS_COUNT] = {
    [MEDINS_WORDS_SCHEME] = WORD_SET("a scheme", mdn_scheme_words, scheme_aliases),
    [MEDINS_WORDS_CATEGORY] = WORD_SET("a category", mdn_category_words, category_aliases),
    [MEDINS_WORDS_TIER] = WORD_SET("a tier", mdn_tier_words, tier_aliases),
    [MEDINS_WORDS_LEVEL] = WORD_SET("a hospital level", mdn_level_words, level_aliases),
    [MEDINS_WORDS_CLAIM_KIND] = WORD_SET("a claim kind", mdn_kind_words, kind_aliases),
    [MEDINS_WORDS_GROUP] = WORD_SET("a group", mdn_group_words, group_aliases),
    [MEDINS_WORDS_EMPLOYER_TYPE] = WORD_SET("an employer type", mdn_employer_words, employer_aliases),
    [MEDINS_WORDS_DELIVERY] = WORD_SET("a delivery type", mdn_delivery_words, delivery_aliases),
    [MEDINS_WORDS_DISEASE] = WORD_SET("a disease", mdn_disease_words, disease_aliases),
    [MEDINS_WORDS_SEX] = WORD_SET("a sex", mdn_sex_words, sex_aliases),
};

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
        int k = snprintf(buf + n, size - n, zh ? "%s%s (%s)" : "%s%s", v ? ", " : "", s->words[v], zh);
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
            if (same_word(text, len, s->words[v]))
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

/* ---- Each enum's name and parse ---------------------------------------------------------- */

/* A name for every enum: the enums are plain ints with the table's indices. */
#define DEFINE_NAME(fn, type, words)                                            \
    const char *fn(type v)                                                      \
    {                                                                           \
        return mdn_word_name(words, MDN_WORD_COUNT(words), (int)v);             \
    }

/* A parse through medins_word_parse. A missing argument is the caller's mistake
 * (MEDINS_ERR_ARGUMENT); only a real word that is not one of the enum's is an unknown enum word
 * (MEDINS_ERR_TYPE), as in a policy file. Nothing is written on error. */
#define DEFINE_PARSE(fn, type, set)                                             \
    int fn(type *out, const char *name)                                         \
    {                                                                           \
        int v;                                                                  \
        if (!out || !name)                                                      \
            return MEDINS_ERR_ARGUMENT;                                         \
        int rc = medins_word_parse(&v, set, name, strlen(name), NULL);          \
        if (rc == 0)                                                            \
            *out = (type)v;                                                     \
        return rc;                                                              \
    }

/* The enums with medins_<word>_name and medins_<word>_parse: X(word, type, words, set). */
#define NAMED_ENUMS(X)                                                          \
    X(scheme, medins_scheme, mdn_scheme_words, MEDINS_WORDS_SCHEME)             \
    X(category, medins_category, mdn_category_words, MEDINS_WORDS_CATEGORY)     \
    X(tier, medins_tier, mdn_tier_words, MEDINS_WORDS_TIER)                     \
    X(level, medins_level, mdn_level_words, MEDINS_WORDS_LEVEL)                 \
    X(claim_kind, medins_claim_kind, mdn_kind_words, MEDINS_WORDS_CLAIM_KIND)   \
    X(employer_type, medins_employer_type, mdn_employer_words,                  \
      MEDINS_WORDS_EMPLOYER_TYPE)                                               \
    X(delivery, medins_delivery, mdn_delivery_words, MEDINS_WORDS_DELIVERY)     \
    X(disease, medins_disease, mdn_disease_words, MEDINS_WORDS_DISEASE)         \
    X(sex, medins_sex, mdn_sex_words, MEDINS_WORDS_SEX)

#define DEFINE_NAME_AND_PARSE(word, type, words, set)                           \
    DEFINE_NAME(medins_##word##_name, type, words)                              \
    DEFINE_PARSE(medins_##word##_parse, type, set)
NAMED_ENUMS(DEFINE_NAME_AND_PARSE)
/* Sections have a name, and no parse. */
DEFINE_NAME(medins_section_name, medins_section, mdn_section_words)

/* A group's name and parse are of its flag, 1u << its index. */
const char *medins_group_name(uint32_t flag)
{
    for (size_t i = 0; i < MDN_WORD_COUNT(mdn_group_words); i++)
        if (flag == 1u << i)
            return mdn_group_words[i];
    return NULL;
}

DEFINE_PARSE(medins_group_parse, uint32_t, MEDINS_WORDS_GROUP)

/* ---- Names of the enums policy files do not write ------------------------------------------ */

static const char *const part_words[] = {
    "self_paid", "category_b", "deductible", "fund", "coinsurance", "over_cap", "major_disease",
    "assistance", "patient", "account", "info", "contribution", "benefit", "supplementary", NULL,
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
        int flag = 0;
        const size_t n = i - start;
        medins_error *e = NULL;
        if (medins_word_parse(&flag, MEDINS_WORDS_GROUP, text + start, n, &e) != 0) {
            const int rc = mdn_error(err, medins_error_code(e), NULL, 0, (unsigned)start + 1, "%s",
                                     medins_error_message(e));
            medins_error_free(e);
            return rc;
        }
        all |= (uint32_t)flag;
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
