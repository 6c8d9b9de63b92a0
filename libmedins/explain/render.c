/*
 * Text from a trace: a step's template (catalogue.c) with its fields filled from the step.
 * Nothing here computes; everything comes from the result.
 */
#include <string.h>

#include "render.h"

/* Output into a caller's buffer: n counts every byte, written or not (the size needed). */
typedef struct out {
    char *buf;
    size_t size, n;
} out;

static void put(out *o, const char *s, size_t len)
{
    if (o->n < o->size)
        memcpy(o->buf + o->n, s, len < o->size - o->n ? len : o->size - o->n);
    o->n += len;
}

static void puts_(out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Digits of v, signed. */
static void put_int(out *o, int64_t v)
{
    char tmp[24];
    tmp[sizeof tmp - 1] = '\0';
    puts_(o, mdn_digits_before(tmp + sizeof tmp - 1,
                               v < 0 ? 0u - (uint64_t)v : (uint64_t)v, v < 0));
}

/* A ratio as a percentage; negative ones (adjustments) with their sign, others with a '+'
 * when `plus`. */
static void put_ratio(out *o, int64_t v, bool plus)
{
    char tmp[32];
    const uint64_t mag = v < 0 ? 0u - (uint64_t)v : (uint64_t)v;
    if (v < 0 || plus)
        put(o, v < 0 ? "-" : "+", 1);
    if (mag > INT32_MAX || medins_ratio_format(tmp, sizeof tmp, (medins_bp)mag) < 0)
        puts_(o, "?");
    else
        puts_(o, tmp);
}

/* A date as 2023-06-01 (anything else as its number). */
static void put_date(out *o, int64_t v)
{
    if (v <= 0 || v > INT32_MAX || !mdn_date_valid((medins_date)v)) {
        put_int(o, v);
        return;
    }
    char tmp[11];
    for (int i = 9, d = (int)v; i >= 0; i--) {
        if (i == 4 || i == 7) {
            tmp[i] = '-';
            continue;
        }
        tmp[i] = (char)('0' + d % 10);
        d /= 10;
    }
    put(o, tmp, 10);
}

/* A field of step `st`: its value and type; false when the kind has no such field. */
static bool field(const medins_step *st, const char *name, size_t len, int64_t *v,
                  medins_arg_type *type)
{
    static const struct { const char *name; medins_arg_type type; } own[] = {
        {"amount", MEDINS_ARG_MONEY}, {"base", MEDINS_ARG_MONEY}, {"ratio", MEDINS_ARG_RATIO},
    };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        if (strlen(own[i].name) == len && memcmp(own[i].name, name, len) == 0) {
            *v = i == 0 ? st->amount : i == 1 ? st->base : st->ratio;
            *type = own[i].type;
            return true;
        }
    }
    for (size_t j = 0; j < medins_step_arg_count(st->kind); j++) {
        const char *arg = medins_step_arg_name(st->kind, j);
        if (strlen(arg) == len && memcmp(arg, name, len) == 0) {
            *v = st->arg[j];
            *type = medins_step_arg_type(st->kind, j);
            return true;
        }
    }
    return false;
}

/* A field's value as text; false when an enum's value has no word. */
static bool put_value(out *o, int64_t v, medins_arg_type type, bool plus, mdn_lang lang)
{
    char tmp[32];
    switch (type) {
    case MEDINS_ARG_MONEY:
        medins_money_format(tmp, sizeof tmp, v);
        puts_(o, tmp);
        return true;
    case MEDINS_ARG_RATIO:
        put_ratio(o, v, plus);
        return true;
    case MEDINS_ARG_DATE:
        put_date(o, v);
        return true;
    case MEDINS_ARG_COUNT:
    case MEDINS_ARG_FLAG:
    case MEDINS_ARG_ID:
        put_int(o, v);
        return true;
    default: {
        const char *word = mdn_arg_word(type, v, lang);
        if (word)
            puts_(o, word);
        return word != NULL;
    }
    }
}

/* The end of the text from p that closes a field's branch: the '|' or '}' at depth 0. */
static const char *branch_end(const char *p, const char *end)
{
    int depth = 0;
    for (; p < end; p++) {
        if (*p == '{')
            depth++;
        else if (*p == '}' && depth-- == 0)
            return p;
        else if (*p == '|' && depth == 0)
            return p;
    }
    return end;
}

/*
 * Expands the template text [p, end) for step `st`. Returns false on a template the step
 * cannot fill: a field its kind does not have, an unclosed brace (a catalogue's mistake,
 * which the catalogue's test finds).
 */
static bool expand(out *o, const char *p, const char *end, const medins_step *st, mdn_lang lang)
{
    while (p < end) {
        const char *brace = memchr(p, '{', (size_t)(end - p));
        if (!brace) {
            put(o, p, (size_t)(end - p));
            return true;
        }
        put(o, p, (size_t)(brace - p));
        const char *name = brace + 1;
        const bool plus = name < end && *name == '+';
        name += plus;
        const char *q = name;
        while (q < end && *q != '}' && *q != '?')
            q++;
        int64_t v;
        medins_arg_type type;
        if (q == end || !field(st, name, (size_t)(q - name), &v, &type))
            return false;
        if (*q == '}') {
            if (!put_value(o, v, type, plus, lang))
                return false;
            p = q + 1;
            continue;
        }
        /* {name?A|B}: one branch expanded, the other skipped. */
        const char *a = q + 1, *a_end = branch_end(a, end);
        const char *b = a_end < end && *a_end == '|' ? a_end + 1 : a_end;
        const char *b_end = b == a_end ? a_end : branch_end(b, end);
        if (b_end == end || *b_end != '}')
            return false;
        if (!(v ? expand(o, a, a_end, st, lang) : expand(o, b, b_end, st, lang)))
            return false;
        p = b_end + 1;
    }
    return true;
}

int mdn_render_step(char *buf, size_t size, size_t *needed, const medins_step *st, mdn_lang lang)
{
    const char *tpl = st ? mdn_message(st->kind, lang) : NULL;
    out o = {buf, size, 0};
    if (!tpl || !expand(&o, tpl, tpl + strlen(tpl), st, lang))
        return MEDINS_ERR_ARGUMENT;
    put(&o, "", 1);
    if (needed)
        *needed = o.n;
    if (o.n <= size)
        return 0;
    if (size > 0)
        buf[size - 1] = '\0';
    return MEDINS_ERR_BUFFER;
}
