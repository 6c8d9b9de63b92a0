/*
 * Explanation lines: a result's trace rendered in English, one line per step, with the
 * citation and position of the value each step's amount rests on. Made when first asked for
 * and kept in the result (compute/result.c), so that settling pays for no text.
 */
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* The lines of a result, in one block: the lines, then their texts. */
typedef struct lines {
    size_t n;
    medins_line line[];
} lines;

/* The line of step i of r, its text at `text`. */
static medins_line line_of(const medins_result *r, size_t i, const char *text)
{
    const medins_step *st = medins_result_step(r, i);
    const medins_value *v = medins_result_step_value(r, i, 0);
    medins_line l = {
        .part = st->part, .amount = st->amount, .base = st->base, .ratio = st->ratio,
        .rule = st->rule, .text = text, .citation = "",
    };
    if (v) {
        l.source = v->source;
        l.citation = medins_value_citation(v);
        l.file = v->file;
        l.line = v->line;
        l.column = v->column;
        l.assumed = v->assumed;
        l.third_party = v->third_party;
    }
    return l;
}

/* Renders the lines of r; NULL when memory runs out. */
static lines *make_lines(const medins_result *r)
{
    const size_t n = medins_result_step_count(r);
    size_t *end = malloc((n ? n : 1) * sizeof *end), len = 0, cap = 4096;
    char *texts = malloc(cap);
    for (size_t i = 0; end && texts && i < n; i++) {
        size_t need;
        int rc;
        while ((rc = mdn_render_step(texts + len, cap - len, &need, medins_result_step(r, i),
                                     MEDINS_LANG_EN)) == MEDINS_ERR_BUFFER) {
            char *more = realloc(texts, cap * 2);
            if (!more)
                break;
            texts = more;
            cap *= 2;
        }
        if (rc != 0)
            len = (size_t)-1;   /* out of memory (the catalogue has every English text) */
        if (len == (size_t)-1)
            break;
        len += need;
        end[i] = len;
    }
    lines *l = end && texts && len != (size_t)-1 ? malloc(sizeof *l + n * sizeof l->line[0] + len)
                                                 : NULL;
    if (l) {
        char *copy = (char *)&l->line[n];
        memcpy(copy, texts, len);
        l->n = n;
        for (size_t i = 0; i < n; i++)
            l->line[i] = line_of(r, i, copy + (i ? end[i - 1] : 0));
    }
    free(end);
    free(texts);
    return l;
}

size_t medins_result_line_count(const medins_result *result)
{
    return medins_result_step_count(result);
}

const medins_line *medins_result_line(const medins_result *result, size_t i)
{
    if (!result || i >= medins_result_step_count(result))
        return NULL;
    const lines *l = mdn_result_lines(result);
    if (!l) {
        lines *made = make_lines(result);
        if (!made)
            return NULL;
        l = mdn_result_keep_lines(result, made);
    }
    return &l->line[i];
}
