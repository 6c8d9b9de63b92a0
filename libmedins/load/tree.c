/*
 * libyaml events -> mdn_node tree, and the merge of a file's tree onto its base's.
 *
 * The event API is used rather than libyaml's document loader so that every limit (size,
 * depth, node count, aliases) is checked as the events arrive: a hostile file is refused
 * before it has cost more than the limit allows.
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "tree.h"

typedef struct frame {
    mdn_node *node;            /* MDN_MAP or MDN_SEQ being built */
    mdn_pair *pairs;           /* MDN_MAP, `cite` pairs included until the map ends */
    mdn_node **items;          /* MDN_SEQ */
    size_t n, cap;
    bool have_key;             /* MDN_MAP: the next node is the value of `key` */
    mdn_pair key;
    size_t weight;             /* nodes it stands for once aliases are expanded (itself included) */
    char *anchor;              /* registered when the collection ends (so it cannot contain itself) */
} frame;

typedef struct anchor {
    char *name;
    mdn_node *node;
    size_t weight;             /* expanded node count: what an alias of it costs */
} anchor;

typedef struct parser_state {
    mdn_arena *arena;
    const char *file;
    const unsigned char *text;  /* the input, for the positions of libyaml's reader errors */
    size_t len;
    const medins_load_options *opts;
    medins_error **err;
    medins_error_list *errors;  /* a load that goes on after an error (policy.h), or NULL */
    frame *stack;
    size_t depth, stack_cap;
    size_t nodes;
    unsigned aliases;
    anchor *anchors;
    size_t nanchors, anchors_cap;
    mdn_node *root;
} parser_state;

static int grow(void **data, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    void *d = realloc(*data, ncap * elem);
    if (!d)
        return MEDINS_ERR_NOMEM;
    *data = d;
    *cap = ncap;
    return 0;
}

/* Every error of the parse: stopping it, or (go_on) reported and gone past. */
static int tree_error(parser_state *st, int code, unsigned line, unsigned col, const char *fmt, ...)
    MDN_PRINTF(5, 6);
static int tree_error(parser_state *st, int code, unsigned line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mdn_vreport(st->errors, st->err, code, st->file, line, col, fmt, ap);
    va_end(ap);
    return code;
}

/* After an error just reported: whether the parse goes on (a load that collects its errors,
 * with room for more), the error having made nothing it reads wrong. */
static bool go_on(const parser_state *st)
{
    return st->errors && !medins_error_list_full(st->errors);
}

static int nomem(parser_state *st)
{
    return tree_error(st, MEDINS_ERR_NOMEM, 0, 0, "out of memory");
}

static int at_mark(parser_state *st, yaml_mark_t m, int code, const char *what)
{
    return tree_error(st, code, (unsigned)m.line + 1, (unsigned)m.column + 1, "%s", what);
}

static mdn_node *node_new(parser_state *st, mdn_node_type type, yaml_mark_t m)
{
    mdn_node *n = mdn_arena_alloc(st->arena, sizeof *n);
    if (!n)
        return NULL;
    n->type = type;
    n->file = st->file;
    n->line = (unsigned)m.line + 1;
    n->col = (unsigned)m.column + 1;
    return n;
}

static int count_node(parser_state *st, yaml_mark_t m)
{
    if (++st->nodes > st->opts->max_nodes)
        return at_mark(st, m, MEDINS_ERR_LIMIT, "too many nodes in one file");
    return 0;
}

static int add_anchor(parser_state *st, char *name, mdn_node *node, size_t weight)
{
    if (grow((void **)&st->anchors, &st->anchors_cap, st->nanchors + 1, sizeof *st->anchors)) {
        free(name);
        return nomem(st);
    }
    st->anchors[st->nanchors].name = name;
    st->anchors[st->nanchors].node = node;
    st->anchors[st->nanchors].weight = weight;
    st->nanchors++;
    return 0;
}

static const anchor *find_anchor(parser_state *st, const char *name)
{
    /* The latest definition wins: YAML allows an anchor name to be redefined. */
    for (size_t i = st->nanchors; i-- > 0;)
        if (strcmp(st->anchors[i].name, name) == 0)
            return &st->anchors[i];
    return NULL;
}

/*
 * Hand a completed node to the collection being built (or make it the root). `weight` is the
 * number of nodes it stands for once aliases are expanded, which later walks of the tree visit.
 */
static int attach(parser_state *st, mdn_node *node, size_t weight, yaml_mark_t m)
{
    if (st->depth == 0) {
        st->root = node;
        return 0;
    }
    frame *f = &st->stack[st->depth - 1];
    f->weight += weight;
    if (f->node->type == MDN_SEQ) {
        if (grow((void **)&f->items, &f->cap, f->n + 1, sizeof *f->items))
            return nomem(st);
        f->items[f->n++] = node;
        return 0;
    }
    if (!f->have_key) {
        if (node->type != MDN_SCALAR && node->type != MDN_NULL)
            return at_mark(st, m, MEDINS_ERR_TYPE, "a mapping key must be a plain word");
        memset(&f->key, 0, sizeof f->key);
        f->key.key = node->text ? node->text : "";
        f->key.key_line = node->line;
        f->key.key_col = node->col;
        f->have_key = true;
        return 0;
    }
    if (grow((void **)&f->pairs, &f->cap, f->n + 1, sizeof *f->pairs))
        return nomem(st);
    f->key.value = node;
    f->pairs[f->n++] = f->key;
    f->have_key = false;
    return 0;
}

static int pair_cmp(const void *a, const void *b)
{
    const mdn_pair *x = *(const mdn_pair *const *)a, *y = *(const mdn_pair *const *)b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x < y ? -1 : x > y;
}

/* "<source>: <at>" or "assumed: <reason>". */
static int parse_cite(parser_state *st, const mdn_pair *p, const mdn_cite **out)
{
    const mdn_node *v = p->value;
    const char *t = v->type == MDN_SCALAR ? v->text : NULL;
    const char *colon = t ? strchr(t, ':') : NULL;
    const char *at = colon ? colon + 1 : NULL;
    while (at && *at == ' ')
        at++;
    bool ok = colon && colon > t && colon[1] == ' ' && *at;
    for (const char *c = t; ok && c < colon; c++)
        if (*c == ' ' || *c == '\t')
            ok = false;
    mdn_cite *c = mdn_arena_alloc(st->arena, sizeof *c);
    if (!c)
        return nomem(st);
    if (!ok) {
        int rc = tree_error(st, MEDINS_ERR_CITATION, p->key_line, p->key_col,
                            "a citation is written \"<source id>: <place>\" or \"assumed: <reason>\"");
        if (!go_on(st))
            return rc;
        /* A cite without `at`: its values are refused silently, this error having said why. */
        *out = c;
        return 0;
    }
    size_t slen = (size_t)(colon - t);
    if (!(slen == 7 && strncmp(t, "assumed", 7) == 0)) {
        c->source = mdn_arena_strndup(st->arena, t, slen);
        if (!c->source)
            return nomem(st);
    }
    c->at = at;
    c->file = st->file;
    c->line = p->key_line;
    c->col = p->key_col;
    *out = c;
    return 0;
}

/* A mapping is complete: refuse duplicate keys, take its `cite:` out of the pairs. */
static int finish_map(parser_state *st, frame *f)
{
    mdn_node *node = f->node;
    if (f->n > 1) {
        const mdn_pair **sorted = malloc(f->n * sizeof *sorted);
        if (!sorted)
            return nomem(st);
        for (size_t i = 0; i < f->n; i++)
            sorted[i] = &f->pairs[i];
        qsort(sorted, f->n, sizeof *sorted, pair_cmp);
        const mdn_pair *dup = NULL;
        for (size_t i = 1; i < f->n; i++)
            if (strcmp(sorted[i - 1]->key, sorted[i]->key) == 0 && (!dup || sorted[i] < dup))
                dup = sorted[i];
        free(sorted);
        if (dup) {
            int rc = tree_error(st, MEDINS_ERR_DUPLICATE, dup->key_line, dup->key_col,
                                "key \"%s\" given twice in one mapping", dup->key);
            if (!go_on(st))
                return rc;
        }
    }
    size_t kept = 0;
    node->pairs = mdn_arena_alloc(st->arena, (f->n ? f->n : 1) * sizeof *node->pairs);
    if (!node->pairs)
        return nomem(st);
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(f->pairs[i].key, "cite") == 0) {
            int rc = parse_cite(st, &f->pairs[i], &node->own_cite);
            if (rc)
                return rc;
        } else {
            node->pairs[kept++] = f->pairs[i];
        }
    }
    node->n = kept;
    return 0;
}

static int finish_seq(parser_state *st, frame *f)
{
    f->node->items = mdn_arena_alloc(st->arena, (f->n ? f->n : 1) * sizeof *f->node->items);
    if (!f->node->items)
        return nomem(st);
    if (f->n)
        memcpy(f->node->items, f->items, f->n * sizeof *f->items);
    f->node->n = f->n;
    return 0;
}

static char *dup_anchor(const yaml_char_t *name)
{
    return name ? strdup((const char *)name) : NULL;
}

static bool is_null_text(const char *t, size_t len)
{
    return len == 0 || strcmp(t, "~") == 0 || strcmp(t, "null") == 0 || strcmp(t, "Null") == 0 ||
           strcmp(t, "NULL") == 0;
}

/*
 * An explicit tag (`!!binary`, `!!python/object:...`, `!x`) asks for a type the format does not
 * have; ignoring it would read the text as something its writer did not mean. Reported at the
 * node, which starts at its tag (or its anchor, when that comes first).
 */
static int refuse_tag(parser_state *st, const yaml_char_t *tag, yaml_mark_t m)
{
    static const char core[] = "tag:yaml.org,2002:";
    if (!tag)
        return 0;
    const char *t = (const char *)tag;
    bool short_form = strncmp(t, core, sizeof core - 1) == 0;
    int rc = tree_error(st, MEDINS_ERR_YAML, (unsigned)m.line + 1, (unsigned)m.column + 1,
                        "YAML tag \"%s%s\" is not allowed in a policy file: write the value plainly",
                        short_form ? "!!" : "", short_form ? t + sizeof core - 1 : t);
    return go_on(st) ? 0 : rc;   /* going on, the node is read as if it had no tag */
}

static int on_scalar(parser_state *st, const yaml_event_t *ev)
{
    int rc = count_node(st, ev->start_mark);
    if (rc || (rc = refuse_tag(st, ev->data.scalar.tag, ev->start_mark)))
        return rc;
    const yaml_char_t *v = ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    /* A quoted scalar may write NUL as an escape ("800\0...", "\u0000"): every later reader of
     * the text would stop there and take the prefix for the value. */
    if (memchr(v, '\0', len))
        return tree_error(st, MEDINS_ERR_SYNTAX, (unsigned)ev->start_mark.line + 1,
                          (unsigned)ev->start_mark.column + 1,
                          "a NUL character after \"%s\": policy files may not contain NUL", (const char *)v);
    bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    mdn_node *n = node_new(st, MDN_SCALAR, ev->start_mark);
    if (!n || !(n->text = mdn_arena_strndup(st->arena, (const char *)v, len)))
        return nomem(st);
    n->len = len;
    n->quoted = !plain;
    if (plain && is_null_text(n->text, len))
        n->type = MDN_NULL;
    if (ev->data.scalar.anchor && (rc = add_anchor(st, dup_anchor(ev->data.scalar.anchor), n, 1)))
        return rc;
    return attach(st, n, 1, ev->start_mark);
}

static int on_start(parser_state *st, const yaml_event_t *ev, mdn_node_type type)
{
    int rc = count_node(st, ev->start_mark);
    const yaml_char_t *tag = type == MDN_MAP ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
    if (rc || (rc = refuse_tag(st, tag, ev->start_mark)))
        return rc;
    if (st->depth + 1 > st->opts->max_depth)
        return at_mark(st, ev->start_mark, MEDINS_ERR_LIMIT, "nesting deeper than the limit");
    if (st->depth > 0) {
        frame *parent = &st->stack[st->depth - 1];
        if (parent->node->type == MDN_MAP && !parent->have_key)
            return at_mark(st, ev->start_mark, MEDINS_ERR_TYPE, "a mapping key must be a plain word");
    }
    if (grow((void **)&st->stack, &st->stack_cap, st->depth + 1, sizeof *st->stack))
        return nomem(st);
    frame *f = &st->stack[st->depth];
    memset(f, 0, sizeof *f);
    if (!(f->node = node_new(st, type, ev->start_mark)))
        return nomem(st);
    f->weight = 1;
    const yaml_char_t *a = type == MDN_MAP ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
    if (a && !(f->anchor = dup_anchor(a)))
        return nomem(st);
    st->depth++;
    return 0;
}

static void frame_release(frame *f)
{
    free(f->pairs);
    free(f->items);
    free(f->anchor);
    f->pairs = NULL;
    f->items = NULL;
    f->anchor = NULL;
}

static int on_end(parser_state *st, const yaml_event_t *ev)
{
    /* libyaml pairs every end with its start, so the depth is never 0 here; the test keeps
     * stack[-1] out of reach all the same. */
    if (st->depth == 0)
        return at_mark(st, ev->start_mark, MEDINS_ERR_YAML, "a YAML end without its start");
    frame *f = &st->stack[st->depth - 1];
    int rc = f->node->type == MDN_MAP ? finish_map(st, f) : finish_seq(st, f);
    if (rc)
        return rc;
    mdn_node *node = f->node;
    size_t weight = f->weight;
    char *name = f->anchor;
    f->anchor = NULL;
    frame_release(f);
    st->depth--;
    if (name && (rc = add_anchor(st, name, node, weight)))
        return rc;
    return attach(st, node, weight, ev->start_mark);
}

static int on_alias(parser_state *st, const yaml_event_t *ev)
{
    if (++st->aliases > st->opts->max_aliases)
        return at_mark(st, ev->start_mark, MEDINS_ERR_LIMIT, "aliases are not allowed in policy files");
    const anchor *target = find_anchor(st, (const char *)ev->data.alias.anchor);
    if (!target)
        return at_mark(st, ev->start_mark, MEDINS_ERR_YAML, "alias of an unknown anchor");
    /*
     * An alias shares its target, but every later walk (citations, merging, binding) visits the
     * target again: count what it expands to, so an alias bomb stops here, not minutes later.
     */
    if (target->weight > st->opts->max_nodes || (st->nodes += target->weight) > st->opts->max_nodes)
        return at_mark(st, ev->start_mark, MEDINS_ERR_LIMIT,
                       "aliases expand to more nodes than the limit");
    return attach(st, target->node, target->weight, ev->start_mark);
}

/*
 * `{value: X, cite: "..."}` is X with a citation of its own: it lets two values of one row cite
 * different sources. The mapping is replaced by its scalar, which has already taken the
 * mapping's cite (or, without one, the enclosing cite, like any plain value).
 */
static mdn_node *collapse_cited_value(mdn_node *n)
{
    if (n->type == MDN_MAP && n->n == 1 && strcmp(n->pairs[0].key, "value") == 0 &&
        n->pairs[0].value->type == MDN_SCALAR)
        return n->pairs[0].value;
    return n;
}

/* Each scalar gets the citation of the nearest mapping above it that has one. */
static void resolve_cites(mdn_node *n, const mdn_cite *inherited)
{
    switch (n->type) {
    case MDN_MAP:
        if (n->own_cite)
            inherited = n->own_cite;
        for (size_t i = 0; i < n->n; i++) {
            resolve_cites(n->pairs[i].value, inherited);
            n->pairs[i].value = collapse_cited_value(n->pairs[i].value);
        }
        break;
    case MDN_SEQ:
        for (size_t i = 0; i < n->n; i++)
            resolve_cites(n->items[i], inherited);
        break;
    case MDN_SCALAR:
        n->cite = inherited;
        break;
    case MDN_NULL:
        break;
    }
}

/* The next character of the input at byte *i, in the input's encoding; *i moves past it. */
static unsigned next_char(const unsigned char *s, size_t len, size_t *i, yaml_encoding_t enc)
{
    if (enc == YAML_UTF16LE_ENCODING || enc == YAML_UTF16BE_ENCODING) {
        int lo = enc == YAML_UTF16LE_ENCODING ? 0 : 1;
        if (*i + 2 > len) {
            *i = len;
            return 0xFFFD;
        }
        unsigned u = (unsigned)s[*i + lo] | (unsigned)s[*i + 1 - lo] << 8;
        *i += 2;
        if (u >= 0xD800 && u < 0xDC00 && *i + 2 <= len)
            *i += 2;   /* the low half of a surrogate pair: one character */
        return u;
    }
    unsigned c = s[(*i)++];
    if (c >= 0xC0) {
        unsigned more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        c &= 0x3Fu >> more;
        for (; more && *i < len && (s[*i] & 0xC0) == 0x80; more--)
            c = c << 6 | (s[(*i)++] & 0x3Fu);
    }
    return c;
}

/*
 * libyaml reports a reader error (a control character, invalid UTF-8) as a byte offset, with no
 * line or column: count them as its marks do, in characters after any byte-order mark, a line
 * ending at \n, \r, \r\n, NEL, LS or PS. *nul tells whether the character there is NUL.
 */
static yaml_mark_t offset_mark(const unsigned char *s, size_t len, size_t offset, yaml_encoding_t enc,
                               bool *nul)
{
    yaml_mark_t m = { offset, 0, 0 };
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    else if (len >= 2 && (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0))
        i = 2;
    if (offset > len)
        offset = len;
    while (i < offset) {
        unsigned c = next_char(s, len, &i, enc);
        if (c == '\r' && i < offset) {
            size_t j = i;
            if (next_char(s, len, &j, enc) == '\n')
                i = j;
        }
        if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
            m.line++;
            m.column = 0;
        } else {
            m.column++;
        }
    }
    size_t j = i;
    *nul = i < len && next_char(s, len, &j, enc) == 0;
    return m;
}

static int yaml_problem(parser_state *st, const yaml_parser_t *p)
{
    yaml_mark_t m = p->problem_mark;
    if (p->error == YAML_MEMORY_ERROR)
        return nomem(st);
    if (p->error == YAML_READER_ERROR) {
        bool nul;
        m = offset_mark(st->text, st->len, p->problem_offset, p->encoding, &nul);
        if (nul)
            return tree_error(st, MEDINS_ERR_SYNTAX, (unsigned)m.line + 1, (unsigned)m.column + 1,
                              "a NUL byte: policy files may not contain NUL");
    }
    if (p->context)
        return tree_error(st, MEDINS_ERR_YAML, (unsigned)m.line + 1, (unsigned)m.column + 1,
                          "%s %s", p->problem ? p->problem : "syntax error", p->context);
    return tree_error(st, MEDINS_ERR_YAML, (unsigned)m.line + 1, (unsigned)m.column + 1,
                      "%s", p->problem ? p->problem : "syntax error");
}

int mdn_tree_parse(mdn_arena *arena, const char *file, const char *text, size_t len,
                   const medins_load_options *opts, mdn_node **out, medins_error **err)
{
    medins_load_options defaults = MEDINS_LOAD_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (len > opts->max_file_size)
        return mdn_error(err, MEDINS_ERR_LIMIT, file, 0, 0,
                         "file of %zu bytes is larger than the limit of %zu", len, opts->max_file_size);
    parser_state st = { .arena = arena, .opts = opts, .err = err, .text = (const unsigned char *)text,
                        .len = len, .errors = mdn_load_errors(opts) };
    st.file = mdn_arena_strdup(arena, file ? file : "<string>");
    if (!st.file)
        return mdn_error(err, MEDINS_ERR_NOMEM, file, 0, 0, "out of memory");

    yaml_parser_t parser;
    yaml_event_t event;
    int rc = 0, documents = 0;
    if (!yaml_parser_initialize(&parser))
        return nomem(&st);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    for (bool done = false; !done && rc == 0;) {
        if (!yaml_parser_parse(&parser, &event)) {
            rc = yaml_problem(&st, &parser);
            goto cleanup;
        }
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1)
                rc = at_mark(&st, event.start_mark, MEDINS_ERR_YAML, "a policy file holds one YAML document");
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_SCALAR_EVENT:
            rc = on_scalar(&st, &event);
            break;
        case YAML_SEQUENCE_START_EVENT:
            rc = on_start(&st, &event, MDN_SEQ);
            break;
        case YAML_MAPPING_START_EVENT:
            rc = on_start(&st, &event, MDN_MAP);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            rc = on_end(&st, &event);
            break;
        case YAML_ALIAS_EVENT:
            rc = on_alias(&st, &event);
            break;
        default:
            break;
        }
        yaml_event_delete(&event);
    }
    if (rc == 0) {
        if (!st.root) {
            yaml_mark_t start = { 0, 0, 0 };
            if (!(st.root = node_new(&st, MDN_NULL, start)))
                rc = nomem(&st);
        }
        if (st.root) {
            resolve_cites(st.root, NULL);
            *out = st.root;
        }
    }
cleanup:
    yaml_parser_delete(&parser);
    for (size_t i = 0; i < st.depth; i++)
        frame_release(&st.stack[i]);
    free(st.stack);
    for (size_t i = 0; i < st.nanchors; i++)
        free(st.anchors[i].name);
    free(st.anchors);
    return rc;
}

/* ---- lookups ------------------------------------------------------------------------------ */

const mdn_pair *mdn_map_pair(const mdn_node *map, const char *key)
{
    if (!map || map->type != MDN_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->pairs[i].key, key) == 0)
            return &map->pairs[i];
    return NULL;
}

const mdn_node *mdn_map_get(const mdn_node *map, const char *key)
{
    const mdn_pair *p = mdn_map_pair(map, key);
    return p ? p->value : NULL;
}

/* ---- copy and merge ----------------------------------------------------------------------- */

/*
 * Consecutive nodes of a tree share their file name and citation, so remembering the last
 * source -> copy pair avoids copying the same strings for every scalar.
 */
typedef struct copier {
    mdn_arena *arena;
    const char *src_file, *dst_file;
    const mdn_cite *src_cite, *dst_cite;
    size_t compares;           /* key comparisons made matching keys and ids (mdn_tree_merge) */
    bool failed;
} copier;

static const char *copy_file(copier *c, const char *f)
{
    if (!f)
        return NULL;
    if (f != c->src_file) {
        c->src_file = f;
        c->dst_file = mdn_arena_strdup(c->arena, f);
        if (!c->dst_file)
            c->failed = true;
    }
    return c->dst_file;
}

static const mdn_cite *copy_cite(copier *c, const mdn_cite *src)
{
    if (!src)
        return NULL;
    if (src == c->src_cite)
        return c->dst_cite;
    mdn_cite *d = mdn_arena_alloc(c->arena, sizeof *d);
    if (!d) {
        c->failed = true;
        return NULL;
    }
    d->source = mdn_arena_strdup(c->arena, src->source);
    d->at = mdn_arena_strdup(c->arena, src->at);
    d->file = copy_file(c, src->file);
    d->line = src->line;
    d->col = src->col;
    if ((src->source && !d->source) || (src->at && !d->at))
        c->failed = true;
    c->src_cite = src;
    c->dst_cite = d;
    return d;
}

static mdn_node *copy_node(copier *c, const mdn_node *s)
{
    mdn_node *d = mdn_arena_alloc(c->arena, sizeof *d);
    if (!d) {
        c->failed = true;
        return NULL;
    }
    *d = *s;
    d->file = copy_file(c, s->file);
    d->own_cite = NULL; /* already resolved into the scalars */
    d->nulls = NULL;    /* checked when the copied tree was bound */
    d->nnulls = 0;
    if (s->text && !(d->text = mdn_arena_strndup(c->arena, s->text, s->len)))
        c->failed = true;
    d->cite = copy_cite(c, s->cite);
    if (s->type == MDN_MAP) {
        d->pairs = mdn_arena_alloc(c->arena, (s->n ? s->n : 1) * sizeof *d->pairs);
        if (!d->pairs) {
            c->failed = true;
            return d;
        }
        for (size_t i = 0; i < s->n && !c->failed; i++) {
            d->pairs[i] = s->pairs[i];
            if (!(d->pairs[i].key = mdn_arena_strdup(c->arena, s->pairs[i].key)))
                c->failed = true;
            d->pairs[i].value = copy_node(c, s->pairs[i].value);
        }
    } else if (s->type == MDN_SEQ) {
        d->items = mdn_arena_alloc(c->arena, (s->n ? s->n : 1) * sizeof *d->items);
        if (!d->items) {
            c->failed = true;
            return d;
        }
        for (size_t i = 0; i < s->n && !c->failed; i++)
            d->items[i] = copy_node(c, s->items[i]);
    }
    return d;
}

mdn_node *mdn_tree_copy(mdn_arena *arena, const mdn_node *node)
{
    copier c = { .arena = arena };
    mdn_node *d = node ? copy_node(&c, node) : NULL;
    return c.failed ? NULL : d;
}

/*
 * Take the null-valued pairs out of a mapping's pairs (in place: the overlay's nodes belong to
 * the new policy) and keep them as the mapping's nulls, for the unknown-key check.
 */
static void strip_nulls(copier *c, mdn_node *n)
{
    if (n->type == MDN_MAP) {
        size_t kept = 0, nulls = 0;
        for (size_t i = 0; i < n->n; i++)
            nulls += n->pairs[i].value->type == MDN_NULL;
        mdn_pair *np = nulls ? mdn_arena_alloc(c->arena, nulls * sizeof *np) : NULL;
        if (nulls && !np) {
            c->failed = true;
            return;
        }
        n->nulls = np;
        n->nnulls = nulls;
        for (size_t i = 0; i < n->n; i++) {
            if (n->pairs[i].value->type == MDN_NULL) {
                *np++ = n->pairs[i];
                continue;
            }
            strip_nulls(c, n->pairs[i].value);
            n->pairs[kept++] = n->pairs[i];
        }
        n->n = kept;
    } else if (n->type == MDN_SEQ) {
        for (size_t i = 0; i < n->n; i++)
            strip_nulls(c, n->items[i]);
    }
}

static const char *item_id(const mdn_node *item)
{
    const mdn_node *id = mdn_map_get(item, "id");
    return id && id->type == MDN_SCALAR ? id->text : NULL;
}

static bool all_have_ids(const mdn_node *seq)
{
    for (size_t i = 0; i < seq->n; i++)
        if (seq->items[i]->type != MDN_MAP || !item_id(seq->items[i]))
            return false;
    return true;
}

/*
 * Matching keys (of two mappings) and ids (of two tables) by sorting one side: n log n
 * comparisons where a search of the other side for each would take n^2, which tables of tens of
 * thousands of rows turn into minutes.
 */
typedef struct key_ref {
    const char *key;
    size_t index;              /* in its mapping or sequence: ties keep the written order */
} key_ref;

static int key_cmp(copier *c, const key_ref *x, const key_ref *y)
{
    c->compares++;
    int r = strcmp(x->key, y->key);
    return r ? r : (x->index > y->index) - (x->index < y->index);
}

/* Bottom-up merge sort of refs[0..n) through tmp: at most n * ceil(log2 n) comparisons. */
static void sort_refs(copier *c, key_ref *refs, key_ref *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = key_cmp(c, &refs[b], &refs[a]) < 0 ? refs[b++] : refs[a++];
            while (a < mid)
                tmp[k++] = refs[a++];
            while (b < hi)
                tmp[k++] = refs[b++];
        }
        memcpy(refs, tmp, n * sizeof *refs);
    }
}

/* The first position of sorted refs[0..n) whose key is `key`, or n. */
static size_t find_ref(copier *c, const key_ref *refs, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        c->compares++;
        if (strcmp(refs[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n) {
        c->compares++;
        if (strcmp(refs[lo].key, key) == 0)
            return lo;
    }
    return n;
}

/* refs[i] = { key_of(i), i } sorted, for i < n; NULL on out-of-memory (c->failed set). */
static key_ref *sorted_refs(copier *c, const mdn_node *node, size_t n)
{
    key_ref *refs = malloc((2 * n + 1) * sizeof *refs);
    if (!refs) {
        c->failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        refs[i] = (key_ref){ node->type == MDN_MAP ? node->pairs[i].key : item_id(node->items[i]), i };
    sort_refs(c, refs, refs + n, n);
    return refs;
}

#define NO_MATCH ((size_t)-1)

static mdn_node *merge(copier *c, const mdn_node *base, mdn_node *over);

/*
 * Key by key: the base's pairs in their order, each replaced by the overlay's value for its key
 * (merged) or removed by the overlay's null; then the overlay's new keys in their order.
 */
static mdn_node *merge_maps(copier *c, const mdn_node *base, mdn_node *over)
{
    mdn_node *d = mdn_arena_alloc(c->arena, sizeof *d);
    mdn_pair *pairs = mdn_arena_alloc(c->arena, (base->n + over->n + 1) * sizeof *pairs);
    mdn_pair *nulls = mdn_arena_alloc(c->arena, (over->n + 1) * sizeof *nulls);
    size_t *by_base = malloc((base->n + 1) * sizeof *by_base);   /* overlay pair for each base pair */
    bool *matched = calloc(over->n + 1, sizeof *matched);
    key_ref *refs = d && pairs && nulls && by_base && matched ? sorted_refs(c, base, base->n) : NULL;
    if (!refs) {
        free(by_base);
        free(matched);
        c->failed = true;
        return NULL;
    }
    *d = *over;
    d->nnulls = 0;
    for (size_t i = 0; i < base->n; i++)
        by_base[i] = NO_MATCH;
    for (size_t j = 0; j < over->n; j++) {
        size_t r = find_ref(c, refs, base->n, over->pairs[j].key);
        if (r < base->n) {
            by_base[refs[r].index] = j;
            matched[j] = true;
        }
        if (over->pairs[j].value->type == MDN_NULL)
            nulls[d->nnulls++] = over->pairs[j];
    }
    size_t n = 0;
    for (size_t i = 0; i < base->n && !c->failed; i++) {
        size_t j = by_base[i];
        if (j == NO_MATCH) {
            pairs[n] = base->pairs[i];
            if (!(pairs[n].key = mdn_arena_strdup(c->arena, base->pairs[i].key)))
                c->failed = true;
            pairs[n++].value = copy_node(c, base->pairs[i].value);
        } else if (over->pairs[j].value->type != MDN_NULL) {
            pairs[n] = over->pairs[j];
            pairs[n++].value = merge(c, base->pairs[i].value, over->pairs[j].value);
        }
    }
    for (size_t j = 0; j < over->n && !c->failed; j++) {
        if (matched[j] || over->pairs[j].value->type == MDN_NULL)
            continue;
        pairs[n] = over->pairs[j];
        pairs[n++].value = merge(c, NULL, over->pairs[j].value);
    }
    free(refs);
    free(by_base);
    free(matched);
    d->pairs = pairs;
    d->n = n;
    d->nulls = nulls;
    return d;
}

/*
 * Row by row: the base's rows in their order, each merged with the first overlay row of its id
 * not yet taken (ids of a table are unique, but other lists of mappings may repeat one); then
 * the overlay's remaining rows in their order.
 */
static mdn_node *merge_by_id(copier *c, const mdn_node *base, mdn_node *over)
{
    mdn_node *d = mdn_arena_alloc(c->arena, sizeof *d);
    mdn_node **items = mdn_arena_alloc(c->arena, (base->n + over->n + 1) * sizeof *items);
    bool *used = calloc(over->n + 1, sizeof *used);
    size_t *next = malloc((over->n + 1) * sizeof *next);   /* per run of one id: its next row */
    key_ref *refs = d && items && used && next ? sorted_refs(c, over, over->n) : NULL;
    if (!refs) {
        free(used);
        free(next);
        c->failed = true;
        return NULL;
    }
    *d = *over;
    for (size_t r = 0; r < over->n; r++)
        next[r] = r;
    size_t n = 0;
    for (size_t i = 0; i < base->n && !c->failed; i++) {
        const char *id = item_id(base->items[i]);
        size_t r = find_ref(c, refs, over->n, id);
        size_t take = r < over->n ? next[r] : over->n;
        if (take < over->n && take != r) {
            c->compares++;
            if (strcmp(refs[take].key, id) != 0)
                take = over->n;   /* the run of this id is used up */
        }
        if (take < over->n) {
            next[r] = take + 1;
            used[refs[take].index] = true;
            items[n++] = merge(c, base->items[i], over->items[refs[take].index]);
        } else {
            items[n++] = copy_node(c, base->items[i]);
        }
    }
    for (size_t j = 0; j < over->n; j++)
        if (!used[j])
            items[n++] = merge(c, NULL, over->items[j]);
    free(refs);
    free(used);
    free(next);
    d->items = items;
    d->n = n;
    return d;
}

static mdn_node *merge(copier *c, const mdn_node *base, mdn_node *over)
{
    if (c->failed)
        return NULL;
    if (base && base->type == MDN_MAP && over->type == MDN_MAP)
        return merge_maps(c, base, over);
    if (base && base->type == MDN_SEQ && over->type == MDN_SEQ && over->n > 0 &&
        all_have_ids(base) && all_have_ids(over))
        return merge_by_id(c, base, over);
    strip_nulls(c, over);
    return over;
}

mdn_node *mdn_tree_merge(mdn_arena *arena, const mdn_node *base, const mdn_node *over, size_t *compares)
{
    copier c = { .arena = arena };
    mdn_node *d = merge(&c, base, (mdn_node *)over);
    if (compares)
        *compares = c.compares;
    return c.failed ? NULL : d;
}
