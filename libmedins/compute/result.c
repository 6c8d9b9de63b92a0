/*
 * Results, shared by every computation: figures (kind-specific data), the trace (steps and the
 * policy values each read), and the lists of assumed and third-party values used. The English
 * lines rendered from the trace (explain/) are kept here once made.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"

/* A step and where its values start in the result's list of them. */
typedef struct step_rec {
    medins_step pub;
    size_t first;
} step_rec;

struct medins_result {
    medins_result_kind kind;
    const medins_policy *policy;
    step_rec *steps;
    size_t nsteps, steps_cap;
    const mdn_val **values;     /* the values the steps read, step after step */
    size_t nvalues, values_cap;
    const mdn_val **assumed;
    size_t nassumed, assumed_cap;
    const mdn_val **third;      /* values citing a third-party source */
    size_t nthird, third_cap;
    _Atomic(void *) lines;      /* mdn_result_keep_lines */
    void *data;                 /* follows the struct in the same block */
};

/* Keeps the kind-specific data aligned for any member type (int64, pointers). */
#define DATA_OFFSET ((sizeof(struct medins_result) + 15u) & ~(size_t)15u)

medins_result *mdn_result_new(medins_result_kind kind, const medins_policy *policy, size_t data_size)
{
    return mdn_result_new_tail(kind, policy, data_size, 0);
}

medins_result *mdn_result_new_tail(medins_result_kind kind, const medins_policy *policy,
                                   size_t data_size, size_t tail_size)
{
    if (tail_size > SIZE_MAX - DATA_OFFSET - data_size)
        return NULL;
    medins_result *r = malloc(DATA_OFFSET + data_size + tail_size);
    if (!r)
        return NULL;
    memset(r, 0, DATA_OFFSET + data_size);
    r->kind = kind;
    r->policy = policy;
    atomic_init(&r->lines, NULL);
    r->data = (char *)r + DATA_OFFSET;
    return r;
}

const medins_policy *mdn_result_policy(const medins_result *r)
{
    return r->policy;
}

void *mdn_result_data(const medins_result *r)
{
    return r ? r->data : NULL;
}

/* Room for `more` items in an array of *cap items of `size` bytes holding n: 0 or NOMEM. */
static int room(void **array, size_t *cap, size_t n, size_t more, size_t size, size_t first)
{
    if (n + more <= *cap)
        return 0;
    size_t c = *cap ? *cap : first;
    while (c < n + more)
        c *= 2;
    void *a = c <= SIZE_MAX / size ? realloc(*array, c * size) : NULL;
    if (!a)
        return MEDINS_ERR_NOMEM;
    *array = a;
    *cap = c;
    return 0;
}

/* Add val to a list of distinct values: 0 or NOMEM. */
static int note(const mdn_val ***list, size_t *n, size_t *cap, const mdn_val *val)
{
    for (size_t i = 0; i < *n; i++)
        if ((*list)[i] == val)
            return 0;
    if (room((void **)list, cap, *n, 1, sizeof **list, 4) < 0)
        return MEDINS_ERR_NOMEM;
    (*list)[(*n)++] = val;
    return 0;
}

int mdn_result_use(medins_result *r, const mdn_val *val)
{
    if (!val)
        return 0;
    if (val->pub.assumed)
        return note(&r->assumed, &r->nassumed, &r->assumed_cap, val);
    if (val->pub.third_party)
        return note(&r->third, &r->nthird, &r->third_cap, val);
    return 0;
}

int mdn_result_step(medins_result *r, const medins_step *step, const mdn_val *v0,
                    const mdn_val *v1, const mdn_val *v2)
{
    const mdn_val *const given[] = {v0, v1, v2};
    if (room((void **)&r->steps, &r->steps_cap, r->nsteps, 1, sizeof *r->steps, 16) < 0 ||
        room((void **)&r->values, &r->values_cap, r->nvalues, 3, sizeof *r->values, 32) < 0)
        return MEDINS_ERR_NOMEM;
    step_rec *s = &r->steps[r->nsteps];
    s->pub = *step;
    s->pub.nvalues = 0;
    s->first = r->nvalues;
    for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
        if (!given[i])
            continue;
        if (mdn_result_use(r, given[i]) < 0)
            return MEDINS_ERR_NOMEM;
        r->values[r->nvalues++] = given[i];
        s->pub.nvalues++;
    }
    r->nsteps++;
    return 0;
}

medins_result_kind medins_result_get_kind(const medins_result *result)
{
    return result ? result->kind : (medins_result_kind)-1;
}

size_t medins_result_step_count(const medins_result *result)
{
    return result ? result->nsteps : 0;
}

const medins_step *medins_result_step(const medins_result *result, size_t i)
{
    return result && i < result->nsteps ? &result->steps[i].pub : NULL;
}

const medins_value *medins_result_step_value(const medins_result *result, size_t i, size_t j)
{
    if (!result || i >= result->nsteps || j >= result->steps[i].pub.nvalues)
        return NULL;
    return &result->values[result->steps[i].first + j]->pub;
}

int medins_result_uses_assumed(const medins_result *result)
{
    return result && result->nassumed > 0;
}

size_t medins_result_assumed_count(const medins_result *result)
{
    return result ? result->nassumed : 0;
}

const medins_value *medins_result_assumed(const medins_result *result, size_t i)
{
    return result && i < result->nassumed ? &result->assumed[i]->pub : NULL;
}

size_t medins_result_third_party_count(const medins_result *result)
{
    return result ? result->nthird : 0;
}

const medins_value *medins_result_third_party(const medins_result *result, size_t i)
{
    return result && i < result->nthird ? &result->third[i]->pub : NULL;
}

const char *medins_result_policy_id(const medins_result *result)
{
    return result && result->policy ? result->policy->id : NULL;
}

const void *mdn_result_figures(const medins_result *result, medins_result_kind kind)
{
    return result && result->kind == kind ? result->data : NULL;
}

int mdn_result_finish(medins_result **out, medins_result *r, int32_t *assumed, int rc)
{
    if (rc) {
        medins_result_free(r);
        return rc;
    }
    *assumed = medins_result_uses_assumed(r);
    *out = r;
    return 0;
}

/* A settlement result's data starts with its medins_settlement (settle.c keeps more behind it). */
const medins_settlement *medins_result_settlement(const medins_result *result)
{
    return mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
}

/* The lines are made at most once for all threads: the first block kept wins. The result is
 * the caller's (it was made writable) even where it is passed as const. */
const void *mdn_result_lines(const medins_result *r)
{
    return atomic_load_explicit(&((medins_result *)r)->lines, memory_order_acquire);
}

const void *mdn_result_keep_lines(const medins_result *r, void *lines)
{
    void *none = NULL;
    if (atomic_compare_exchange_strong_explicit(&((medins_result *)r)->lines, &none, lines,
                                                memory_order_acq_rel, memory_order_acquire))
        return lines;
    free(lines);
    return none;
}

void medins_result_free(medins_result *result)
{
    if (!result)
        return;
    free(atomic_load_explicit(&result->lines, memory_order_relaxed));
    free(result->steps);
    free(result->values);
    free(result->assumed);
    free(result->third);
    free(result);
}
