/*
 * Explained results, shared by every computation: figures (kind-specific data), lines, and the
 * list of assumed values used. Line texts live in an arena owned by the result so that the
 * pointers handed out stay valid while lines are added.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"

struct medins_result {
    medins_result_kind kind;
    const medins_policy *policy;
    mdn_arena texts;
    medins_line *lines;
    size_t nlines, lines_cap;
    const mdn_val **assumed;
    size_t nassumed, assumed_cap;
    const mdn_val **third;      /* values citing a third-party source */
    size_t nthird, third_cap;
    void *data;                 /* follows the struct in the same block */
};

/* Keeps the kind-specific data aligned for any member type (int64, pointers). */
#define DATA_OFFSET ((sizeof(struct medins_result) + 15u) & ~(size_t)15u)

medins_result *mdn_result_new(medins_result_kind kind, const medins_policy *policy, size_t data_size)
{
    medins_result *r = calloc(1, DATA_OFFSET + data_size);
    if (!r)
        return NULL;
    r->kind = kind;
    r->policy = policy;
    mdn_arena_init(&r->texts);
    r->data = (char *)r + DATA_OFFSET;
    return r;
}

void *mdn_result_data(const medins_result *r)
{
    return r ? r->data : NULL;
}

/* Add val to a list of distinct values: 0 or NOMEM. */
static int note(const mdn_val ***list, size_t *n, size_t *cap, const mdn_val *val)
{
    for (size_t i = 0; i < *n; i++)
        if ((*list)[i] == val)
            return 0;
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 4;
        const mdn_val **a = realloc(*list, c * sizeof *a);
        if (!a)
            return MEDINS_ERR_NOMEM;
        *list = a;
        *cap = c;
    }
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

/* Room for one more line: 0 or NOMEM. */
static int line_room(medins_result *r)
{
    if (r->nlines < r->lines_cap)
        return 0;
    size_t cap = r->lines_cap ? 2 * r->lines_cap : 16;
    medins_line *l = realloc(r->lines, cap * sizeof *l);
    if (!l)
        return MEDINS_ERR_NOMEM;
    r->lines = l;
    r->lines_cap = cap;
    return 0;
}

/* Adds the line of `text` (already in the result's arena), after line_room. */
static int push_line(medins_result *r, medins_part part, medins_fen amount, medins_fen base,
                     medins_bp ratio, const char *rule, const mdn_val *val, const char *text)
{
    if (mdn_result_use(r, val) < 0)
        return MEDINS_ERR_NOMEM;
    medins_line *l = &r->lines[r->nlines++];
    *l = (medins_line){
        .part = part, .amount = amount, .base = base, .ratio = ratio, .rule = rule,
        .text = text, .citation = "",
    };
    if (val) {
        l->source = val->pub.source;
        l->citation = val->citation ? val->citation : "";
        l->file = val->pub.file;
        l->line = val->pub.line;
        l->column = val->pub.column;
        l->assumed = val->pub.assumed;
        l->third_party = val->pub.third_party;
    }
    return 0;
}

int mdn_result_add_line(medins_result *r, medins_part part, medins_fen amount, medins_fen base,
                        medins_bp ratio, const char *rule, const mdn_val *val, const char *fmt, ...)
{
    if (line_room(r) < 0)
        return MEDINS_ERR_NOMEM;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = len >= 0 ? mdn_arena_alloc(&r->texts, (size_t)len + 1) : NULL;
    if (!text)
        return MEDINS_ERR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return push_line(r, part, amount, base, ratio, rule, val, text);
}

int mdn_result_add_text(medins_result *r, medins_part part, medins_fen amount, medins_fen base,
                        medins_bp ratio, const char *rule, const mdn_val *val, const char *text,
                        size_t len)
{
    char *copy = line_room(r) == 0 ? mdn_arena_alloc(&r->texts, len + 1) : NULL;
    if (!copy)
        return MEDINS_ERR_NOMEM;
    memcpy(copy, text, len);
    copy[len] = '\0';
    return push_line(r, part, amount, base, ratio, rule, val, copy);
}

medins_result_kind medins_result_get_kind(const medins_result *result)
{
    return result ? result->kind : (medins_result_kind)-1;
}

size_t medins_result_line_count(const medins_result *result)
{
    return result ? result->nlines : 0;
}

const medins_line *medins_result_line(const medins_result *result, size_t i)
{
    return result && i < result->nlines ? &result->lines[i] : NULL;
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

void medins_result_free(medins_result *result)
{
    if (!result)
        return;
    mdn_arena_free(&result->texts);
    free(result->lines);
    free(result->assumed);
    free(result->third);
    free(result);
}
