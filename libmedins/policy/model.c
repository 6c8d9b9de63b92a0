/*
 * The compiled policy (model.h) as callers see it: its accessors, and its release with its
 * arena. Everything handed out is borrowed from the policy.
 */
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
