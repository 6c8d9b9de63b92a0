/*
 * The compiled policy (model.h) as callers see it: its accessors, and its release with its
 * arena. Everything handed out is borrowed from the policy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

void medins_policy_free(medins_policy *policy)
{
    if (!policy)
        return;
    mdn_arena_free(&policy->arena);
    free(policy);
}

const char *medins_policy_id(const medins_policy *p) { return p ? p->id : NULL; }
const char *medins_policy_region(const medins_policy *p) { return p ? p->region : NULL; }
const char *medins_policy_title(const medins_policy *p) { return p ? p->title : NULL; }
medins_date medins_policy_effective_from(const medins_policy *p) { return p ? p->from : 0; }
medins_date medins_policy_effective_to(const medins_policy *p) { return p ? p->to : 0; }

size_t medins_policy_attribute_count(const medins_policy *p)
{
    return p ? p->nattrs : 0;
}

const char *medins_policy_attribute_name(const medins_policy *p, size_t i)
{
    return p && i < p->nattrs ? p->attrs[i] : NULL;
}

/* Whether the n bytes at s spell `word` in any case, with '-' for '_'. */
static bool same_word(const char *s, size_t n, const char *word)
{
    size_t i = 0;
    for (; i < n && word[i]; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i] == '-' ? '_' : s[i];
        if (c != word[i])
            return false;
    }
    return i == n && !word[i];
}

/* The bits of the words of `words` (n of them, the policy's `what`: "claim attribute") named in
 * text, as medins_policy_attributes_parse and medins_policy_cohorts_parse read them. */
static int policy_words_parse(const medins_policy *p, const char *const *words, size_t n,
                              const char *what, const char *key, const char *text, size_t len,
                              uint32_t *out, medins_error **err)
{
    uint32_t bits = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == ' ' || text[i] == '|' || text[i] == ',' || text[i] == '+') {
            i++;
            continue;
        }
        const size_t start = i;
        while (i < len && text[i] != ' ' && text[i] != '|' && text[i] != ',' && text[i] != '+')
            i++;
        size_t k = 0;
        while (k < n && !same_word(text + start, i - start, words[k]))
            k++;
        if (k == n) {
            char list[512] = "";
            size_t used = 0;
            for (size_t j = 0; j < n && used < sizeof list; j++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "",
                                         words[j]);
            char shown[64], none[64];
            snprintf(none, sizeof none, "none (it defines no %s)", key);
            return mdn_error(err, MEDINS_ERR_TYPE, NULL, 0, (unsigned)start + 1,
                             "\"%s\" is not a %s of policy %s: write %s",
                             mdn_quoted(shown, sizeof shown, text + start, i - start), what,
                             p->id, n ? list : none);
        }
        bits |= 1u << k;
    }
    *out = bits;
    return 0;
}

int medins_policy_attributes_parse(const medins_policy *p, const char *text, size_t len,
                                   uint32_t *out, medins_error **err)
{
    if (!p || !out || (!text && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_policy_attributes_parse: NULL argument");
    return policy_words_parse(p, p->attrs, p->nattrs, "claim attribute", "claim_attributes",
                              text, len, out, err);
}

size_t medins_policy_cohort_count(const medins_policy *p)
{
    return p ? p->ncohorts : 0;
}

const char *medins_policy_cohort_name(const medins_policy *p, size_t i)
{
    return p && i < p->ncohorts ? p->cohorts[i] : NULL;
}

int medins_policy_cohort_ruled(const medins_policy *p, size_t i)
{
    return p && i < p->ncohorts && (p->ruled_cohorts >> i & 1);
}

int medins_policy_cohorts_parse(const medins_policy *p, const char *text, size_t len,
                                uint32_t *out, medins_error **err)
{
    if (!p || !out || (!text && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_policy_cohorts_parse: NULL argument");
    return policy_words_parse(p, p->cohorts, p->ncohorts, "person group", "person_groups",
                              text, len, out, err);
}

int32_t medins_policy_benefit_year(const medins_policy *p, medins_date date)
{
    return p && mdn_date_valid(date) ? mdn_benefit_year(p, date) : 0;
}

int32_t medins_policy_year_start(const medins_policy *p)
{
    return p ? p->year_start : 0;
}

medins_date mdn_benefit_year_end(const medins_policy *p, int32_t year)
{
    if (p->year_start == 101)
        return year * 10000 + 1231;
    /* The day before the next year's first: the same month's day before, or the last day of
     * the month before (a year_start is a day of every year: never 29 February). */
    const int32_t next = (year + 1) * 10000;
    if (p->year_start % 100 > 1)
        return next + p->year_start - 1;
    medins_date d = next + (p->year_start / 100 - 1) * 100 + 31;
    while (!mdn_date_valid(d))
        d--;
    return d;
}

int medins_policy_in_force(const medins_policy *p, medins_date date)
{
    return p && p->from && mdn_within_policy(p, date);
}

int medins_policy_has_section(const medins_policy *p, medins_section section)
{
    return p && (unsigned)section < MEDINS_SECTION_COUNT && p->has[section];
}

size_t medins_policy_source_count(const medins_policy *p)
{
    return p ? p->nsources : 0;
}

const medins_source *medins_policy_source(const medins_policy *p, size_t i)
{
    return p && i < p->nsources ? &p->sources[i] : NULL;
}

const medins_source *medins_policy_find_source(const medins_policy *p, const char *id)
{
    for (size_t i = 0; p && id && i < p->nsources; i++)
        if (strcmp(p->sources[i].id, id) == 0)
            return &p->sources[i];
    return NULL;
}

size_t medins_policy_value_count(const medins_policy *p)
{
    return p ? p->nvalues : 0;
}

const medins_value *medins_policy_value(const medins_policy *p, size_t i)
{
    return p && i < p->nvalues ? &p->values[i]->pub : NULL;
}

const medins_value *medins_policy_find_value(const medins_policy *p, const char *path)
{
    for (size_t i = 0; p && path && i < p->nvalues; i++)
        if (strcmp(p->values[i]->pub.path, path) == 0)
            return &p->values[i]->pub;
    return NULL;
}

/* Every value the library hands out is the first member of its mdn_val. */
const char *medins_value_citation(const medins_value *value)
{
    const mdn_val *v = (const mdn_val *)(const void *)value;
    return v && v->citation ? v->citation : "";
}

const char *medins_value_source_kind(const medins_value *value)
{
    if (!value)
        return NULL;
    return value->assumed ? "assumed" : value->third_party ? "third-party" : "official";
}
