/*
 * Text from a trace: a step's template (catalogue.c) with its fields filled from the step, and
 * a whole result's explanation around them. Nothing here computes; everything comes from the
 * result.
 */
#include <string.h>

#include "render.h"
#include "settle.h"
#include "steps.h"

/* Output into a caller's buffer: n counts every byte, written or not (the size needed). */
typedef struct sink {
    char *buf;
    size_t size, n;
} sink;

static void put(sink *o, const char *s, size_t len)
{
    if (o->n < o->size)
        memcpy(o->buf + o->n, s, len < o->size - o->n ? len : o->size - o->n);
    o->n += len;
}

static void puts_(sink *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Ends a text cut at `size` bytes with a NUL after its last whole character. */
static void cut(char *buf, size_t size)
{
    if (size == 0)
        return;
    size_t end = size - 1;
    while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
        end--;
    buf[end] = '\0';
}

/* Ends the text with its NUL: 0, or MEDINS_ERR_BUFFER when it did not fit (cut). *needed
 * (may be NULL) receives its size. */
static int finish(sink *o, size_t *needed)
{
    put(o, "", 1);
    if (needed)
        *needed = o->n;
    if (o->n <= o->size)
        return 0;
    cut(o->buf, o->size);
    return MEDINS_ERR_BUFFER;
}

/* Digits of v, signed. */
static void put_int(sink *o, int64_t v)
{
    char tmp[24];
    tmp[sizeof tmp - 1] = '\0';
    puts_(o, mdn_digits_before(tmp + sizeof tmp - 1,
                               v < 0 ? 0u - (uint64_t)v : (uint64_t)v, v < 0));
}

/* A ratio as a percentage; negative ones (adjustments) with their sign, others with a '+'
 * when `plus`. */
static void put_ratio(sink *o, int64_t v, bool plus)
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
static void put_date(sink *o, int64_t v)
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

/* What a template is rendered for: a step, its kind's arguments, a language. */
typedef struct fill {
    const medins_step *st;
    const mdn_arg_def *args;
    size_t nargs;
    medins_lang lang;
} fill;

/* Whether the word `word` is the len bytes at `name`. */
static bool named(const char *word, const char *name, size_t len)
{
    size_t i = 0;
    while (i < len && word[i] == name[i])
        i++;
    return i == len && word[i] == '\0';
}

/* The field `name` (len bytes) of the step: its value and type; false when it has none. */
static bool field(const fill *f, const char *name, size_t len, int64_t *v, medins_arg_type *type)
{
    static const struct { const char *name; medins_arg_type type; } own[] = {
        {"amount", MEDINS_ARG_MONEY}, {"base", MEDINS_ARG_MONEY}, {"ratio", MEDINS_ARG_RATIO},
    };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        if (named(own[i].name, name, len)) {
            *v = i == 0 ? f->st->amount : i == 1 ? f->st->base : f->st->ratio;
            *type = own[i].type;
            return true;
        }
    }
    for (size_t j = 0; j < f->nargs; j++) {
        if (named(f->args[j].name, name, len)) {
            *v = f->st->arg[j];
            *type = f->args[j].type;
            return true;
        }
    }
    return false;
}

/* A field's value as text; false when an enum's value has no word. */
static bool put_value(sink *o, int64_t v, medins_arg_type type, bool plus, medins_lang lang)
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
static bool expand(sink *o, const char *p, const char *end, const fill *f)
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
        if (q == end || !field(f, name, (size_t)(q - name), &v, &type))
            return false;
        if (*q == '}') {
            if (!put_value(o, v, type, plus, f->lang))
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
        if (!(v ? expand(o, a, a_end, f) : expand(o, b, b_end, f)))
            return false;
        p = b_end + 1;
    }
    return true;
}

int mdn_render_step(char *buf, size_t size, size_t *needed, const medins_step *st,
                    medins_lang lang)
{
    const char *tpl = st ? mdn_message(st->kind, lang) : NULL;
    sink o = {buf, size, 0};
    fill f = {.st = st, .lang = lang};
    if (tpl)
        f.args = mdn_step_args(st->kind, &f.nargs);
    if (!tpl || !expand(&o, tpl, tpl + strlen(tpl), &f))
        return MEDINS_ERR_ARGUMENT;
    return finish(&o, needed);
}

/* ---- Public calls ------------------------------------------------------------------------ */

int medins_lang_parse(medins_lang *out, const char *tag, medins_error **err)
{
    if (!out || !tag)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_lang_parse: NULL argument");
    size_t n = strcspn(tag, "-_.@");
    for (int lang = 0; lang < MEDINS_LANG_COUNT; lang++) {
        const char *name = medins_lang_name((medins_lang)lang);
        if (n == strlen(name) && (tag[0] | 0x20) == name[0] && (tag[1] | 0x20) == name[1]) {
            *out = (medins_lang)lang;
            return 0;
        }
    }
    return mdn_error(err, MEDINS_ERR_TYPE, NULL, 0, 0,
                     "'%s' is not a language of the explanations: zh or en", tag);
}

int medins_result_step_text(char *buf, size_t size, size_t *needed, const medins_result *result,
                            size_t i, medins_lang lang)
{
    const medins_step *st = medins_result_step(result, i);
    if (!st)
        return MEDINS_ERR_ARGUMENT;
    return mdn_render_step(buf, size, needed, st, lang);
}

/* A value's citation: the policy's words, after the library's for its kind of source, which
 * open the citation the policy holds (policy/bind.c) in English. */
static void put_citation(sink *o, const medins_value *v, const mdn_layout *w)
{
    const char *cite = medins_value_citation(v);
    const char *english = v->assumed ? "assumed: " : v->third_party ? "third-party: " : "";
    const size_t n = strlen(english);
    if (n > 0 && strncmp(cite, english, n) == 0) {
        puts_(o, v->assumed ? w->cite_assumed : w->cite_third_party);
        cite += n;
    }
    puts_(o, cite);
}

int medins_value_cite(char *buf, size_t size, size_t *needed, const medins_value *value,
                      medins_lang lang)
{
    const mdn_layout *w = mdn_layout_of(lang);
    if (!value || !w)
        return MEDINS_ERR_ARGUMENT;
    sink o = {buf, size, 0};
    put_citation(&o, value, w);
    return finish(&o, needed);
}

/* A value used, on a line of its own: "path = text  (why; file:line)". */
static void put_value_used(sink *o, const medins_value *v, const mdn_layout *w)
{
    puts_(o, "  ");
    puts_(o, v->path);
    puts_(o, " = ");
    puts_(o, v->text);
    puts_(o, w->value_open);
    if (v->assumed) {
        puts_(o, w->why_assumed);
    } else {
        if (v->third_party)
            puts_(o, w->why_third_party);
        puts_(o, v->source ? v->source : "");
        puts_(o, w->source_sep);
    }
    puts_(o, v->at ? v->at : "");
    puts_(o, w->value_sep);
    puts_(o, v->file ? v->file : "");
    put(o, ":", 1);
    put_int(o, v->line);
    puts_(o, w->value_close);
    put(o, "\n", 1);
}

int medins_result_render(char *buf, size_t size, size_t *needed, const medins_result *result,
                         medins_lang lang)
{
    const mdn_layout *w = mdn_layout_of(lang);
    const medins_result_kind kind = medins_result_get_kind(result);
    if (!result || !w || (unsigned)kind > MEDINS_RESULT_ACCOUNT)
        return MEDINS_ERR_ARGUMENT;
    sink o = {buf, size, 0};
    puts_(&o, w->kind[kind]);
    puts_(&o, w->policy_open);
    puts_(&o, medins_result_policy_id(result));
    puts_(&o, w->policy_close);
    put(&o, "\n", 1);
    for (size_t i = 0; i < medins_result_step_count(result); i++) {
        const medins_step *st = medins_result_step(result, i);
        char amount[32];
        const int len = medins_money_format(amount, sizeof amount, st->amount);
        for (int pad = 12 - len; pad > 0; pad--)
            put(&o, " ", 1);
        puts_(&o, amount);
        put(&o, "  ", 2);
        /* The step's text in place: its length is known only once written. */
        size_t text;
        const int rc = mdn_render_step(o.n < o.size ? o.buf + o.n : NULL,
                                       o.n < o.size ? o.size - o.n : 0, &text, st, lang);
        if (rc != 0 && rc != MEDINS_ERR_BUFFER)
            return rc;
        o.n += text - 1;
        const medins_value *v = medins_result_step_value(result, i, 0);
        if (v) {
            puts_(&o, w->cite_open);
            put_citation(&o, v, w);
            puts_(&o, w->cite_close);
            puts_(&o, " [");
            puts_(&o, v->file ? v->file : "");
            put(&o, ":", 1);
            put_int(&o, v->line);
            put(&o, "]", 1);
        }
        put(&o, "\n", 1);
    }
    if (medins_result_assumed_count(result) > 0) {
        puts_(&o, w->assumed);
        put(&o, "\n", 1);
    }
    for (size_t i = 0; i < medins_result_assumed_count(result); i++)
        put_value_used(&o, medins_result_assumed(result, i), w);
    if (medins_result_third_party_count(result) > 0) {
        puts_(&o, w->third_party);
        put(&o, "\n", 1);
    }
    for (size_t i = 0; i < medins_result_third_party_count(result); i++)
        put_value_used(&o, medins_result_third_party(result, i), w);
    return finish(&o, needed);
}

int medins_result_setl_proc_info(char *buf, size_t size, size_t *needed,
                                 const medins_result *result, size_t row, medins_lang lang)
{
    const int payer = mdn_setldetail_payer(result, row);
    if (payer < 0 || !mdn_layout_of(lang))
        return MEDINS_ERR_ARGUMENT;
    sink o = {buf, size, 0};
    bool first = true;
    for (size_t i = 0; i < medins_result_step_count(result); i++) {
        if (mdn_step_payer(result, i) != payer)
            continue;
        if (!first)
            puts_(&o, lang == MEDINS_LANG_ZH ? "；" : "; ");
        first = false;
        size_t text;
        const int rc = mdn_render_step(o.n < o.size ? o.buf + o.n : NULL,
                                       o.n < o.size ? o.size - o.n : 0, &text,
                                       medins_result_step(result, i), lang);
        if (rc != 0 && rc != MEDINS_ERR_BUFFER)
            return rc;
        o.n += text - 1;
    }
    return finish(&o, needed);
}
