/*
 * Binding primitives: from tree nodes to the model's cited values, selectors and tables. Every
 * section binder is written with these, so the rules on citations, keys and error positions
 * hold everywhere at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"

#define MAX_ALLOWED 48

/* ---- errors and paths --------------------------------------------------------------------- */

static int verr_at(mdn_binder *b, const char *file, unsigned line, unsigned col, int code,
                   const char *fmt, va_list ap)
{
    char msg[768];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (b->path_len)
        return mdn_report(b->errors, b->err, code, file, line, col, "%s: %s", b->path, msg);
    return mdn_report(b->errors, b->err, code, file, line, col, "%s", msg);
}

static int err_at(mdn_binder *b, const char *file, unsigned line, unsigned col, int code,
                  const char *fmt, ...) MDN_PRINTF(6, 7);
static int err_at(mdn_binder *b, const char *file, unsigned line, unsigned col, int code,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr_at(b, file, line, col, code, fmt, ap);
    va_end(ap);
    return code;
}

int (mdn_bind_error)(mdn_binder *b, const mdn_node *at, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr_at(b, at ? at->file : NULL, at ? at->line : 0, at ? at->col : 0, code, fmt, ap);
    va_end(ap);
    return code;
}

static int nomem(mdn_binder *b)
{
    return mdn_report(b->errors, b->err, MEDINS_ERR_NOMEM, b->policy->file, 0, 0, "out of memory");
}

int mdn_bind_past(mdn_binder *b, int rc)
{
    if (rc == 0 || !b->errors || rc == MEDINS_ERR_NOMEM || medins_error_list_full(b->errors))
        return rc;
    if (!b->failed)
        b->failed = rc;
    return 0;
}

static void path_append(mdn_binder *b, const char *fmt, const char *s, size_t i)
{
    if (b->nmarks < sizeof b->marks / sizeof b->marks[0])
        b->marks[b->nmarks] = b->path_len;
    b->nmarks++;
    size_t room = sizeof b->path - b->path_len;
    int n = s ? snprintf(b->path + b->path_len, room, fmt, s) : snprintf(b->path + b->path_len, room, fmt, i);
    /* A path too long for the buffer is cut, never overrun. */
    if (n > 0)
        b->path_len += (size_t)n < room ? (size_t)n : room - 1;
}

void mdn_path_push(mdn_binder *b, const char *key)
{
    path_append(b, b->path_len ? ".%s" : "%s", key, 0);
}

void mdn_path_push_index(mdn_binder *b, size_t i)
{
    path_append(b, "[%zu]", NULL, i);
}

void mdn_path_pop(mdn_binder *b)
{
    if (b->nmarks == 0)
        return;
    b->nmarks--;
    if (b->nmarks < sizeof b->marks / sizeof b->marks[0]) {
        b->path_len = b->marks[b->nmarks];
    } else {
        /* Deeper than the marks kept: cut back to the previous separator. */
        while (b->path_len > 0 && b->path[b->path_len - 1] != '.' && b->path[b->path_len - 1] != '[')
            b->path_len--;
        if (b->path_len > 0)
            b->path_len--;
    }
    b->path[b->path_len] = '\0';
}

void *mdn_bind_alloc(mdn_binder *b, size_t size)
{
    void *p = mdn_arena_alloc(&b->policy->arena, size);
    if (!p)
        nomem(b);
    return p;
}

/* ---- keys --------------------------------------------------------------------------------- */

static const struct { unsigned dim; const char *key; } selector_keys[] = {
    { MDN_DIM_SCHEME, "scheme" },
    { MDN_DIM_CATEGORY, "category" },
    { MDN_DIM_TIER, "tier" },
    { MDN_DIM_LEVEL, "level" },
    { MDN_DIM_GROUPS, "groups" },
    { MDN_DIM_AGE, "age_min" },
    { MDN_DIM_AGE, "age_max" },
    { MDN_DIM_ADMISSION, "admission" },
    { MDN_DIM_FAMILY_DOCTOR, "family_doctor" },
    { MDN_DIM_THRIFTY, "thrifty_years" },
    { MDN_DIM_PRIOR_OUTPATIENT, "prior_outpatient_max" },
    { MDN_DIM_KIND, "kind" },
    { MDN_DIM_ATTRIBUTES, "attributes" },
    { MDN_DIM_ATTRIBUTES, "without_attributes" },
    { MDN_DIM_FIELDS, "born_from" },
    { MDN_DIM_FIELDS, "born_before" },
    { MDN_DIM_FIELDS, "retired_from" },
    { MDN_DIM_FIELDS, "retired_before" },
    { MDN_DIM_FIELDS, "contribution_years_min" },
    { MDN_DIM_FIELDS, "contribution_years_max" },
    { MDN_DIM_FIELDS, "sex" },
    { MDN_DIM_COHORTS, "cohorts" },
    { MDN_DIM_COHORTS, "without_cohorts" },
};

static bool in_list(const char *const *list, const char *key)
{
    for (; list && *list; list++)
        if (strcmp(*list, key) == 0)
            return true;
    return false;
}

static bool is_selector(unsigned dims, const char *key)
{
    for (size_t i = 0; i < sizeof selector_keys / sizeof selector_keys[0]; i++)
        if ((dims & selector_keys[i].dim) && strcmp(selector_keys[i].key, key) == 0)
            return true;
    return false;
}

static const char *type_word(const mdn_node *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case MDN_MAP: return "a mapping";
    case MDN_SEQ: return "a list";
    case MDN_SCALAR: return "a scalar";
    case MDN_NULL: return "null";
    }
    return "?";
}

/*
 * A key of digits (and decimals) with no value: what a thousands separator leaves of a number in
 * a flow mapping, where `{amount: 350,000}` reads as amount 350 and a key `000`.
 */
static bool is_number_tail(const mdn_pair *p)
{
    const char *k = p->key;
    if (p->value->type != MDN_NULL || !(*k >= '0' && *k <= '9'))
        return false;
    while (*k >= '0' && *k <= '9')
        k++;
    if (*k == '.')
        for (k++; *k >= '0' && *k <= '9'; k++)
            ;
    return *k == '\0';
}

/*
 * The edit distance between a and b, counting a swap of two neighbours as one edit (cpa -> cap),
 * or a number above `most` once it is sure to exceed it. Keys are short words.
 */
static size_t edit_distance(const char *a, const char *b, size_t most)
{
    size_t la = strlen(a), lb = strlen(b);
    enum { MAX = 40 };
    if (la > MAX || lb > MAX || (la > lb ? la - lb : lb - la) > most)
        return most + 1;
    size_t d[MAX + 1][MAX + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[la][lb];
}

/* The allowed key a misspelt one most likely meant: one or two edits away (one for keys of four
 * letters or fewer), the first of the closest; NULL when none is that close. */
static const char *closest_key(const char *key, unsigned dims, const char *const *allowed)
{
    const size_t most = strlen(key) <= 4 ? 1 : 2;
    const char *best = NULL;
    size_t best_d = most + 1;
    for (const char *const *k = allowed; k && *k; k++) {
        size_t d = edit_distance(key, *k, most);
        if (d < best_d)
            best = *k, best_d = d;
    }
    for (size_t i = 0; i < sizeof selector_keys / sizeof selector_keys[0]; i++) {
        if (!(dims & selector_keys[i].dim))
            continue;
        size_t d = edit_distance(key, selector_keys[i].key, most);
        if (d < best_d)
            best = selector_keys[i].key, best_d = d;
    }
    return best;
}

static int unknown_key(mdn_binder *b, const mdn_node *node, const mdn_pair *bad, unsigned dims,
                       const char *const *allowed)
{
    const char *near = is_number_tail(bad) ? NULL : closest_key(bad->key, dims, allowed);
    if (near)
        return err_at(b, node->file, bad->key_line, bad->key_col, MEDINS_ERR_UNKNOWN_KEY,
                      "unknown key \"%s\": did you mean \"%s\"?", bad->key, near);
    return err_at(b, node->file, bad->key_line, bad->key_col, MEDINS_ERR_UNKNOWN_KEY, "unknown key \"%s\"%s",
                  bad->key, is_number_tail(bad) ? ": thousands separators are not allowed (in {...} a comma "
                  "ends the value)" : "");
}

int mdn_bind_keys(mdn_binder *b, const mdn_node *node, unsigned dims, const char *const *allowed)
{
    if (!node || node->type != MDN_MAP)
        return mdn_bind_error(b, node, MEDINS_ERR_TYPE, "expected a mapping, found %s", type_word(node));
    /* The first unknown key as written, the keys set to null included: `levle: ~` is as wrong
     * as `levle: l3`. A load that collects its errors gets every one, and goes on with the
     * mapping's other keys. */
    const mdn_pair *bad = NULL;
    for (size_t i = 0; i < node->n + node->nnulls; i++) {
        const mdn_pair *p = i < node->n ? &node->pairs[i] : &node->nulls[i - node->n];
        if (strcmp(p->key, "id") == 0 || in_list(allowed, p->key) || is_selector(dims, p->key))
            continue;
        if (b->errors) {
            int rc = mdn_bind_past(b, unknown_key(b, node, p, dims, allowed));
            if (rc)
                return rc;
        } else if (!bad || p->key_line < bad->key_line ||
                   (p->key_line == bad->key_line && p->key_col < bad->key_col)) {
            bad = p;
        }
    }
    return bad ? unknown_key(b, node, bad, dims, allowed) : 0;
}

static const mdn_node *present(const mdn_node *map, const char *key)
{
    const mdn_node *n = mdn_map_get(map, key);
    return n && n->type != MDN_NULL ? n : NULL;
}

static int missing(mdn_binder *b, const mdn_node *map, const char *key)
{
    return mdn_bind_error(b, map, MEDINS_ERR_MISSING, "required key \"%s\" is missing", key);
}

int mdn_bind_require(mdn_binder *b, const mdn_node *map, const char *key)
{
    return present(map, key) ? 0 : missing(b, map, key);
}

/* ---- cited values ------------------------------------------------------------------------- */

static int registry_add(mdn_binder *b, mdn_val *v)
{
    medins_policy *p = b->policy;
    if (p->nvalues == p->values_cap) {
        /* The arena cannot grow in place; doubling keeps the copies' total below the final size. */
        size_t cap = p->values_cap ? p->values_cap * 2 : 64;
        mdn_val **nv = mdn_bind_alloc(b, cap * sizeof *nv);
        if (!nv)
            return MEDINS_ERR_NOMEM;
        if (p->nvalues)
            memcpy(nv, p->values, p->nvalues * sizeof *nv);
        p->values = nv;
        p->values_cap = cap;
    }
    p->values[p->nvalues++] = v;
    return 0;
}

/* ---- keys: a value's path with its rows named -------------------------------------------- */

/* The keys that say whom or what a row is for, beside the selectors: a row's name when it has
 * no id. */
static const char *const row_name_keys[] = {
    "scheme", "category", "tier", "level", "groups", "within", "age_min", "age_max", "admission",
    "family_doctor", "thrifty_years", "prior_outpatient_max", "kind", "attributes",
    "without_attributes", "born_from", "born_before", "retired_from", "retired_before",
    "contribution_years_min", "contribution_years_max", "sex", "cohorts", "without_cohorts",
    "delivery", "employer_type", "disease", "weeks_max", NULL,
};

/* Append to buf[*n] (size `size`), cutting what does not fit. */
static void put(char *buf, size_t size, size_t *n, const char *s, size_t len)
{
    if (*n + len >= size)
        len = *n + 1 < size ? size - 1 - *n : 0;
    memcpy(buf + *n, s, len);
    *n += len;
    buf[*n] = '\0';
}

/* "scheme=employee,level=l1+l2": a row's selector keys and their words, in the order above;
 * "" when it has none. */
static void row_selectors(const mdn_node *row, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const char *const *k = row_name_keys; *k; k++) {
        const mdn_node *v = mdn_map_get(row, *k);
        if (!v || (v->type != MDN_SCALAR && v->type != MDN_SEQ))
            continue;
        if (n)
            put(buf, size, &n, ",", 1);
        put(buf, size, &n, *k, strlen(*k));
        put(buf, size, &n, "=", 1);
        for (size_t i = 0; v->type == MDN_SEQ ? i < v->n : i < 1; i++) {
            const mdn_node *w = v->type == MDN_SEQ ? v->items[i] : v;
            if (i)
                put(buf, size, &n, "+", 1);
            if (w->type == MDN_SCALAR)
                put(buf, size, &n, w->text, strlen(w->text));
        }
    }
}

/* A row's name: "id=<id>", else its selectors when no other row of `seq` has the same, else
 * its index. */
static void row_name(const mdn_node *seq, size_t i, char *buf, size_t size)
{
    const mdn_node *row = seq->items[i], *id = mdn_map_get(row, "id");
    if (id && id->type == MDN_SCALAR) {
        snprintf(buf, size, "id=%s", id->text);
        return;
    }
    row_selectors(row, buf, size);
    char other[256];
    for (size_t j = 0; *buf && j < seq->n; j++) {
        if (j == i || seq->items[j]->type != MDN_MAP)
            continue;
        row_selectors(seq->items[j], other, sizeof other);
        if (strcmp(other, buf) == 0)
            *buf = '\0';
    }
    if (!*buf)
        snprintf(buf, size, "%zu", i);
}

/*
 * The path of a value with each row index replaced by the row's name (row_name), read from the
 * merged tree: "maternity.delivery[scheme=resident].amount" for "maternity.delivery[1].amount".
 * Two policies' values of the same key are the same rule, wherever their rows stand.
 */
static char *value_key(mdn_arena *a, const mdn_node *root, const char *path)
{
    char key[768], part[128], name[256];
    size_t n = 0;
    const mdn_node *node = root;
    key[0] = '\0';
    for (const char *p = path; *p;) {
        size_t len = strcspn(p, ".[");
        if (len) {
            snprintf(part, sizeof part, "%.*s", (int)len, p);
            node = node ? mdn_map_get(node, part) : NULL;
            if (n)
                put(key, sizeof key, &n, ".", 1);
            put(key, sizeof key, &n, p, len);
            p += len;
        }
        if (*p == '[') {
            size_t i = (size_t)strtoul(p + 1, NULL, 10);
            if (node && node->type == MDN_SEQ && i < node->n && node->items[i]->type == MDN_MAP) {
                row_name(node, i, name, sizeof name);
                node = node->items[i];
            } else {
                snprintf(name, sizeof name, "%zu", i);
                node = NULL;
            }
            put(key, sizeof key, &n, "[", 1);
            put(key, sizeof key, &n, name, strlen(name));
            put(key, sizeof key, &n, "]", 1);
            const char *close = strchr(p, ']');
            p = close ? close + 1 : p + strlen(p);
        }
        if (*p == '.')
            p++;
    }
    return mdn_arena_strdup(a, key);
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/*
 * A citation a reader can check: the document's title, then its number, issuing body and date
 * as far as the source gives them, then the place cited: "Title (No. 38; Bureau, 2015-03-14),
 * Eight". A third-party source says so first, and a reform's.
 */
static const char *cite_source(mdn_arena *a, const medins_source *src, const char *at)
{
    const char *num = or_empty(src->number), *who = or_empty(src->issuer), *when = or_empty(src->date);
    const bool by = *who || *when;
    return mdn_arena_printf(a, "%s%s%s%s%s%s%s%s%s, %s",
                            strcmp(src->kind, "official") == 0 ? ""
                            : strcmp(src->kind, "third-party") == 0 ? "third-party: " : "reform: ",
                            src->title, *num || by ? " (" : "", num, *num && by ? "; " : "", who,
                            *who && *when ? ", " : "", when, *num || by ? ")" : "", at);
}

/* Register the scalar `node` (written under `key`) as a value, checking its citation; *out is
 * written only on success. */
static int register_value(mdn_binder *b, const mdn_node *node, const char *key, mdn_val **out)
{
    const mdn_cite *c = node->cite;
    if (c && !c->at)
        return MEDINS_ERR_CITATION;   /* a malformed cite:, reported where it is written */
    if (!c)
        return mdn_bind_error(b, node, MEDINS_ERR_CITATION,
                              "%s \"%s\" has no citation: add a cite: to its mapping or one above it",
                              key, node->text);
    const medins_source *src = NULL;
    if (c->source && !(src = medins_policy_find_source(b->policy, c->source)))
        return mdn_bind_error(b, node, MEDINS_ERR_CITATION,
                              "%s \"%s\" cites \"%s\" (%s:%u:%u), which is not among the sources",
                              key, node->text, c->source, c->file ? c->file : "?", c->line, c->col);
    mdn_val *v = mdn_bind_alloc(b, sizeof *v);
    if (!v)
        return MEDINS_ERR_NOMEM;
    mdn_arena *a = &b->policy->arena;
    v->pub.path = b->path_len ? mdn_arena_printf(a, "%s.%s", b->path, key) : mdn_arena_strdup(a, key);
    v->pub.text = node->text;
    v->pub.source = src ? src->id : NULL;
    v->pub.at = c->at;
    v->pub.assumed = src == NULL;
    v->pub.third_party = src && strcmp(src->kind, "third-party") == 0;
    v->pub.file = node->file;
    v->pub.line = node->line;
    v->pub.column = node->col;
    v->citation = src ? cite_source(a, src, c->at) : mdn_arena_printf(a, "assumed: %s", c->at);
    v->pub.key = v->pub.path ? value_key(a, b->policy->tree, v->pub.path) : NULL;
    if (!v->pub.path || !v->citation || !v->pub.key)
        return nomem(b);
    int rc = registry_add(b, v);
    if (rc == 0)
        *out = v;
    return rc;
}

static int cite_value(mdn_binder *b, const mdn_node *node, const char *key, const mdn_val **out)
{
    mdn_val *v;
    int rc = register_value(b, node, key, &v);
    if (rc == 0)
        *out = v;
    return rc;
}

/*
 * The scalar under map[key]: 1 when present, 0 when absent (or MISSING), negative on error.
 * An optional value absent leaves no cited value: *val (when val is not NULL) is then NULL.
 */
static int scalar_at(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                     const mdn_node **out, const mdn_val **val)
{
    const mdn_node *n = present(map, key);
    if (!n && required)
        return missing(b, map, key);
    if (!n) {
        if (val)
            *val = NULL;
        return 0;
    }
    if (n->type != MDN_SCALAR)
        return mdn_bind_error(b, n, MEDINS_ERR_TYPE, "%s: expected a scalar, found %s", key, type_word(n));
    *out = n;
    return 1;
}

/* Whether digits are grouped with commas ("400,000"), for a message that says so. */
static bool has_thousands_separator(const char *t)
{
    for (const char *c = strchr(t, ','); c; c = strchr(c + 1, ','))
        if (c > t && c[-1] >= '0' && c[-1] <= '9' && c[1] >= '0' && c[1] <= '9')
            return true;
    return false;
}

const mdn_reference *mdn_policy_reference(const medins_policy *p, const char *name)
{
    for (size_t i = 0; i < p->nrefs; i++)
        if (strcmp(p->refs[i].name, name) == 0)
            return &p->refs[i];
    return NULL;
}

/*
 * `{share: 10%, of: average_wage}` under map[key]: the share (0% to 1000%) of a reference
 * figure, rounded half-up to the fen. The value registered at <path>.<key> is the share's,
 * written "10% of average_wage", citing the share's source and then the figure's; it is
 * assumed (or third-party) when either of them is.
 */
static int share_amount(mdn_binder *b, const mdn_node *m, const char *key, mdn_amount *out)
{
    static const char *const keys[] = { "share", "of", NULL };
    const mdn_node *share = present(m, "share"), *of = present(m, "of");
    int rc = mdn_bind_keys(b, m, 0, keys);
    if (rc)
        return rc;
    if (!share || !of)
        return missing(b, m, share ? "of" : "share");
    if (share->type != MDN_SCALAR || of->type != MDN_SCALAR)
        return mdn_bind_error(b, share->type != MDN_SCALAR ? share : of, MEDINS_ERR_TYPE,
                              "%s: expected a scalar", share->type != MDN_SCALAR ? "share" : "of");
    const mdn_reference *ref = mdn_policy_reference(b->policy, of->text);
    if (!ref) {
        char names[256] = "";
        size_t len = 0;
        for (size_t i = 0; i < b->policy->nrefs && len < sizeof names; i++)
            len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "",
                                    b->policy->refs[i].name);
        return mdn_bind_error(b, of, MEDINS_ERR_TYPE, "of: \"%s\" is not a reference figure "
                              "of the policy (references: %s)", of->text, len ? names : "none");
    }
    medins_bp bp;
    if ((rc = mdn_multiple_parse_text(&bp, share->text)) != 0)
        return mdn_bind_error(b, share, rc, rc == MEDINS_ERR_RANGE
                              ? "share: \"%s\" is outside 0%% to 1000%%"
                              : "share: \"%s\" is not a percentage (e.g. 10%%, 400%%)", share->text);
    const medins_fen v = mdn_apply_magnitude((uint64_t)ref->amount.v, bp);
    if (v > MEDINS_FEN_MAX)
        return mdn_bind_error(b, share, MEDINS_ERR_RANGE, "%s: %s of %s is too large (at most %lld "
                              "yuan)", key, share->text, ref->name, (long long)(MEDINS_FEN_MAX / 100));
    mdn_val *val;
    if ((rc = register_value(b, share, key, &val)))
        return rc;
    mdn_arena *a = &b->policy->arena;
    const medins_value *r = &ref->amount.val->pub;
    char figure[32], day[11];
    medins_money_format(figure, sizeof figure, ref->amount.v);
    mdn_date_text(day, ref->date);
    /* The citation opens with the words of the kind of the two together (explain/ reads them),
     * then the share's place and the figure's own citation whole. */
    const char *own = val->citation + (val->pub.assumed ? strlen("assumed: ")
                                       : val->pub.third_party ? strlen("third-party: ") : 0);
    val->pub.assumed |= r->assumed;
    val->pub.third_party = !val->pub.assumed && (val->pub.third_party || r->third_party);
    val->pub.text = mdn_arena_printf(a, "%s of %s", share->text, ref->name);
    val->pub.at = mdn_arena_printf(a, "%s; %s: %s", val->pub.at, ref->name, r->at);
    val->citation = mdn_arena_printf(a, "%s%s; %s %s yuan (%s): %s",
                                     val->pub.assumed ? "assumed: "
                                     : val->pub.third_party ? "third-party: " : "", own,
                                     ref->name, figure, day, ref->amount.val->citation);
    if (!val->pub.text || !val->pub.at || !val->citation)
        return nomem(b);
    out->val = val;
    out->v = v;
    return 0;
}

int mdn_bind_amount(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_amount *out)
{
    const mdn_node *n = present(map, key);
    if (n && n->type == MDN_MAP)
        return share_amount(b, n, key, out);
    int rc = scalar_at(b, map, key, required, &n, &out->val);
    if (rc <= 0)
        return rc;
    medins_fen v;
    /* Too large is a value out of the policy format's range: MEDINS_ERR_RANGE, like the other
     * values a policy file may not hold, not the arithmetic's MEDINS_ERR_OVERFLOW. */
    if ((rc = mdn_money_parse_text(&v, n->text)) == MEDINS_ERR_OVERFLOW)
        return mdn_bind_error(b, n, MEDINS_ERR_RANGE, "%s: \"%s\" is too large (at most %lld yuan)",
                              key, n->text, (long long)(MEDINS_FEN_MAX / 100));
    if (rc)
        return mdn_bind_error(b, n, rc, has_thousands_separator(n->text)
                              ? "%s: \"%s\" is not an amount: thousands separators are not allowed"
                              : "%s: \"%s\" is not an amount (yuan with at most two decimals, no grouping)",
                              key, n->text);
    if (v < 0)
        return mdn_bind_error(b, n, MEDINS_ERR_RANGE, "%s: amount \"%s\" is negative", key, n->text);
    if ((rc = cite_value(b, n, key, &out->val)) == 0)
        out->v = v;
    return rc;
}

static int bind_percent(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                        bool signed_points, mdn_ratio *out)
{
    const mdn_node *n = NULL;
    int rc = scalar_at(b, map, key, required, &n, &out->val);
    if (rc <= 0)
        return rc;
    medins_bp v;
    if ((rc = mdn_points_parse_text(&v, n->text, signed_points)) != 0)
        return mdn_bind_error(b, n, rc, rc == MEDINS_ERR_RANGE
                              ? "%s: \"%s\" is outside the allowed range"
                              : "%s: \"%s\" is not a percentage (e.g. 55%%, 2.5%%)", key, n->text);
    if ((rc = cite_value(b, n, key, &out->val)) == 0)
        out->v = v;
    return rc;
}

int mdn_bind_ratio(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_ratio *out)
{
    return bind_percent(b, map, key, required, false, out);
}

int mdn_bind_points(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_ratio *out)
{
    return bind_percent(b, map, key, required, true, out);
}

int mdn_bind_count(mdn_binder *b, const mdn_node *map, const char *key, bool required, mdn_count *out)
{
    const mdn_node *n = NULL;
    int rc = scalar_at(b, map, key, required, &n, &out->val);
    if (rc <= 0)
        return rc;
    const char *t = n->text;
    if (*t == '-' && t[1] >= '0' && t[1] <= '9')
        return mdn_bind_error(b, n, MEDINS_ERR_RANGE, "%s: count \"%s\" is negative", key, t);
    int64_t v = 0;
    for (const char *c = t; *c; c++) {
        if (*c < '0' || *c > '9')
            return mdn_bind_error(b, n, MEDINS_ERR_SYNTAX, "%s: \"%s\" is not a whole number%s", key, t,
                                  has_thousands_separator(t) ? ": thousands separators are not allowed" : "");
        v = v * 10 + (*c - '0');
        if (v > INT32_MAX)
            return mdn_bind_error(b, n, MEDINS_ERR_RANGE, "%s: count \"%s\" is too large", key, t);
    }
    if (n->len == 0)
        return mdn_bind_error(b, n, MEDINS_ERR_SYNTAX, "%s: empty count", key);
    if ((rc = cite_value(b, n, key, &out->val)) == 0)
        out->v = (int32_t)v;
    return rc;
}

static int unknown_word(mdn_binder *b, const mdn_node *n, const char *key, const char *const *words)
{
    char list[256] = "";
    size_t len = 0;
    for (size_t i = 0; words[i] && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", words[i]);
    return mdn_bind_error(b, n, MEDINS_ERR_TYPE, "%s: unknown word \"%s\" (one of: %s)", key,
                          n->type == MDN_SCALAR ? n->text : type_word(n), list);
}

int mdn_bind_flag(mdn_binder *b, const mdn_node *map, const char *key, const mdn_val **val, bool *out)
{
    static const char *const bools[] = { "false", "true", NULL };
    const mdn_node *n = NULL;
    int rc = scalar_at(b, map, key, false, &n, val);
    if (rc == 0)
        *out = false;
    if (rc <= 0)
        return rc;
    int i = mdn_word_parse(bools, n->text);
    if (i < 0)
        return unknown_word(b, n, key, bools);
    if ((rc = cite_value(b, n, key, val)) == 0)
        *out = i == 1;
    return rc;
}

int mdn_bind_word(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                  const char *const *words, int *out)
{
    const mdn_node *n = NULL;
    int rc = scalar_at(b, map, key, required, &n, NULL);
    if (rc <= 0)
        return rc;
    int i = mdn_word_parse(words, n->text);
    if (i < 0)
        return unknown_word(b, n, key, words);
    *out = i;
    return 0;
}

int mdn_bind_word_mask(mdn_binder *b, const mdn_node *map, const char *key,
                       const char *const *words, uint32_t *out)
{
    const mdn_node *n = present(map, key);
    if (!n)
        return 0;
    uint32_t mask = 0;
    if (n->type == MDN_SCALAR) {
        int i = mdn_word_parse(words, n->text);
        if (i < 0)
            return unknown_word(b, n, key, words);
        mask = 1u << i;
    } else if (n->type == MDN_SEQ) {
        if (n->n == 0)
            return mdn_bind_error(b, n, MEDINS_ERR_RANGE, "%s: an empty list would match nothing", key);
        for (size_t j = 0; j < n->n; j++) {
            const mdn_node *it = n->items[j];
            int i = it->type == MDN_SCALAR ? mdn_word_parse(words, it->text) : -1;
            if (i < 0)
                return unknown_word(b, it, key, words);
            mask |= 1u << i;
        }
    } else {
        return mdn_bind_error(b, n, MEDINS_ERR_TYPE, "%s: expected a word or a list of words", key);
    }
    *out = mask;
    return 0;
}

/* ---- selectors ---------------------------------------------------------------------------- */

/* A cited date under map[key] (YYYY-MM-DD) into out->v; absent: out->v 0, out->val NULL. */
static int bind_date(mdn_binder *b, const mdn_node *map, const char *key, mdn_count *out)
{
    const mdn_node *n = NULL;
    out->v = 0;
    int rc = scalar_at(b, map, key, false, &n, &out->val);
    if (rc <= 0)
        return rc;
    medins_date d;
    if ((rc = mdn_date_parse_text(&d, n->text)) != 0)
        return rc == MEDINS_ERR_SYNTAX
                   ? mdn_bind_error(b, n, rc, "%s: \"%s\" is not a date written YYYY-MM-DD", key,
                                    n->text)
                   : mdn_bind_error(b, n, MEDINS_ERR_RANGE, "%s: \"%s\" is not a calendar date "
                                    "from 1900-01-01 to 2199-12-31", key, n->text);
    if ((rc = cite_value(b, n, key, &out->val)) == 0)
        out->v = d;
    return rc;
}

/* A pair of dates `<what>_from` and `<what>_before` of a row: the range they bound. */
static int bind_date_range(mdn_binder *b, const mdn_node *row, const char *from_key,
                           const char *before_key, mdn_count *from, mdn_count *before)
{
    int rc;
    if ((rc = bind_date(b, row, from_key, from)) || (rc = bind_date(b, row, before_key, before)))
        return rc;
    if (from->v && before->v && before->v <= from->v)
        return mdn_bind_error(b, mdn_map_get(row, before_key), MEDINS_ERR_RANGE,
                              "%s must be after %s", before_key, from_key);
    return 0;
}

/* The person's fields of a row (MDN_DIM_FIELDS) into s, with the MDN_NEED_* each reads. */
static int bind_person_fields(mdn_binder *b, const mdn_node *row, mdn_select *s)
{
    static const char *const sexes[] = { "male", "female", NULL };
    int rc;
    if ((rc = bind_date_range(b, row, "born_from", "born_before", &s->born_from,
                              &s->born_before)) ||
        (rc = bind_date_range(b, row, "retired_from", "retired_before", &s->retired_from,
                              &s->retired_before)) ||
        (rc = mdn_bind_count(b, row, "contribution_years_min", false, &s->contrib_min)) ||
        (rc = mdn_bind_count(b, row, "contribution_years_max", false, &s->contrib_max)))
        return rc;
    if (s->contrib_min.val && s->contrib_max.val && s->contrib_max.v <= s->contrib_min.v)
        return mdn_bind_error(b, mdn_map_get(row, "contribution_years_max"), MEDINS_ERR_RANGE,
                              "contribution_years_max must be above contribution_years_min");
    uint32_t sex = 0;
    if ((rc = mdn_bind_word_mask(b, row, "sex", sexes, &sex)))
        return rc;
    s->sexes = sex << 1;   /* the words from `male`, which is MEDINS_SEX_MALE (1) */
    if (!s->contrib_min.val)
        s->contrib_min.v = -1;
    if (!s->contrib_max.val)
        s->contrib_max.v = -1;
    s->needs = (s->born_from.v || s->born_before.v ? MDN_NEED_BIRTH : 0) |
               (s->retired_from.v || s->retired_before.v ? MDN_NEED_RETIRE : 0) |
               (s->contrib_min.v >= 0 || s->contrib_max.v >= 0 ? MDN_NEED_CONTRIB : 0) |
               (s->sexes ? MDN_NEED_SEX : 0);
    return 0;
}

int mdn_bind_person_fields(mdn_binder *b, const mdn_node *row, mdn_select *out)
{
    mdn_select s;
    memset(&s, 0, sizeof s);
    s.age_min.v = s.age_max.v = s.thrifty_years.v = -1;
    s.prior_outpatient_max.v = -1;
    int rc = bind_person_fields(b, row, &s);
    if (rc == 0)
        *out = s;
    return rc;
}

/*
 * A row's `<key>` and `without_<key>`: words of the policy's own list `words` (NULL: none given,
 * every word unknown) as the bits the row requires and those it excludes; a word in both is
 * MEDINS_ERR_RANGE at the second key, with `both`.
 */
static int bind_policy_words(mdn_binder *b, const mdn_node *row, const char *key,
                             const char *const *words, uint32_t *all, uint32_t *none,
                             const char *both)
{
    static const char *const no_words[] = { NULL };
    char without[32];
    snprintf(without, sizeof without, "without_%s", key);
    int rc;
    if ((rc = mdn_bind_word_mask(b, row, key, words ? words : no_words, all)) ||
        (rc = mdn_bind_word_mask(b, row, without, words ? words : no_words, none)))
        return rc;
    if (*all & *none)
        return mdn_bind_error(b, mdn_map_get(row, without), MEDINS_ERR_RANGE, "%s", both);
    return 0;
}

int mdn_bind_select(mdn_binder *b, const mdn_node *row, unsigned dims, mdn_select *out)
{
    /* The admission words and the orders each selects (bit n: the nth; bit 3: the third and
     * later). */
    static const char *const admissions[] = { "first", "second", "third", "later", NULL };
    static const int8_t admission_orders[] = { 1 << 1, 1 << 2, 1 << 3, 1 << 2 | 1 << 3 };
    static const char *const truth[] = { "false", "true", NULL };
    mdn_select s;
    memset(&s, 0, sizeof s);
    s.age_min.v = s.age_max.v = s.thrifty_years.v = -1;
    s.prior_outpatient_max.v = -1;
    int rc = 0;
    if ((dims & MDN_DIM_SCHEME) && (rc = mdn_bind_word_mask(b, row, "scheme", mdn_scheme_words, &s.schemes)))
        return rc;
    if ((dims & MDN_DIM_CATEGORY) &&
        (rc = mdn_bind_word_mask(b, row, "category", mdn_category_words, &s.categories)))
        return rc;
    if ((dims & MDN_DIM_TIER) && (rc = mdn_bind_word_mask(b, row, "tier", mdn_tier_words, &s.tiers)))
        return rc;
    if ((dims & MDN_DIM_LEVEL) && (rc = mdn_bind_word_mask(b, row, "level", mdn_level_words, &s.levels)))
        return rc;
    if ((dims & MDN_DIM_KIND) && (rc = mdn_bind_word_mask(b, row, "kind", mdn_kind_words, &s.kinds)))
        return rc;
    if ((dims & MDN_DIM_GROUPS) && (rc = mdn_bind_word_mask(b, row, "groups", mdn_group_words, &s.groups)))
        return rc;
    if ((dims & MDN_DIM_ATTRIBUTES) &&
        (rc = bind_policy_words(b, row, "attributes", b->policy->attrs, &s.attrs_all,
                                &s.attrs_none, "an attribute both required and excluded "
                                "matches no claim")))
        return rc;
    s.contrib_min.v = s.contrib_max.v = -1;
    if ((dims & MDN_DIM_FIELDS) && (rc = bind_person_fields(b, row, &s)))
        return rc;
    if (dims & MDN_DIM_COHORTS) {
        const medins_policy *p = b->policy;
        if ((rc = bind_policy_words(b, row, "cohorts", p->cohorts, &s.cohorts_all,
                                    &s.cohorts_none, "a group both required and excluded "
                                    "matches no person")))
            return rc;
        /* What a row on a ruled group reads is what the group's rule reads. */
        for (size_t i = 0; i < p->ncohorts; i++)
            if ((s.cohorts_all | s.cohorts_none) >> i & 1)
                b->policy->person_needs |= p->cohort_rules[i].needs ? p->cohort_rules[i].needs
                                                                    : MDN_NEED_COHORTS;
    }
    b->policy->person_needs |= s.needs;
    if (dims & MDN_DIM_AGE) {
        if ((rc = mdn_bind_count(b, row, "age_min", false, &s.age_min)) ||
            (rc = mdn_bind_count(b, row, "age_max", false, &s.age_max)))
            return rc;
        if (s.age_min.val && s.age_max.val && s.age_max.v <= s.age_min.v)
            return mdn_bind_error(b, mdn_map_get(row, "age_max"), MEDINS_ERR_RANGE,
                                  "age_max must be above age_min");
    }
    if (dims & MDN_DIM_ADMISSION) {
        int a = 0;
        if ((rc = mdn_bind_word(b, row, "admission", false, admissions, &a)))
            return rc;
        if (present(row, "admission")) {
            s.admission = admission_orders[a];
            /* The first told from the second, or the second from the third. */
            const int told = (s.admission >> 2 ^ s.admission >> 3) & 1 ? 2
                             : (s.admission >> 1 ^ s.admission >> 2) & 1 ? 1 : 0;
            if (b->policy->admission_orders < told)
                b->policy->admission_orders = (int8_t)told;
        }
    }
    if (dims & MDN_DIM_FAMILY_DOCTOR) {
        int t = 0;
        /* Only `true` selects; `false` would read as "not at the contracted institution",
         * which the format does not offer, so it is refused rather than ignored. */
        if ((rc = mdn_bind_word(b, row, "family_doctor", false, truth + 1, &t)))
            return rc;
        s.family_doctor = present(row, "family_doctor") ? 1 : 0;
    }
    if ((dims & MDN_DIM_THRIFTY) && (rc = mdn_bind_count(b, row, "thrifty_years", false, &s.thrifty_years)))
        return rc;
    if ((dims & MDN_DIM_PRIOR_OUTPATIENT) &&
        (rc = mdn_bind_amount(b, row, "prior_outpatient_max", false, &s.prior_outpatient_max)))
        return rc;
    *out = s;
    return 0;
}

/* ---- tables ------------------------------------------------------------------------------- */

typedef struct id_ref {
    const char *id;
    const mdn_node *node;
    size_t index;
} id_ref;

static int id_cmp(const void *a, const void *b)
{
    const id_ref *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Row ids name rows for overlays, so two rows of one table may not share one. */
static int check_ids(mdn_binder *b, const mdn_node *seq)
{
    id_ref *refs = malloc((seq->n ? seq->n : 1) * sizeof *refs);
    if (!refs)
        return nomem(b);
    size_t n = 0;
    for (size_t i = 0; i < seq->n; i++) {
        const mdn_node *id = mdn_map_get(seq->items[i], "id");
        if (!id)
            continue;
        if (id->type != MDN_SCALAR) {
            free(refs);
            mdn_path_push_index(b, i);
            int rc = mdn_bind_error(b, id, MEDINS_ERR_TYPE, "id: expected a word, found %s", type_word(id));
            mdn_path_pop(b);
            return rc;
        }
        refs[n++] = (id_ref){ id->text, id, i };
    }
    qsort(refs, n, sizeof *refs, id_cmp);
    const id_ref *dup = NULL;
    for (size_t i = 1; i < n; i++)
        if (strcmp(refs[i - 1].id, refs[i].id) == 0 && (!dup || refs[i].index < dup->index))
            dup = &refs[i];
    int rc = 0;
    if (dup) {
        mdn_path_push_index(b, dup->index);
        rc = mdn_bind_error(b, dup->node, MEDINS_ERR_DUPLICATE, "row id \"%s\" given twice", dup->id);
        mdn_path_pop(b);
    }
    free(refs);
    return rc;
}

/* Concatenate a table's own keys and the caller's extra keys into one NULL-terminated list. */
static int keys_with(mdn_binder *b, const mdn_node *row, unsigned dims, const char *const *own,
                     const char *const *extra)
{
    const char *all[MAX_ALLOWED + 1];
    size_t n = 0;
    for (; own && *own && n < MAX_ALLOWED; own++)
        all[n++] = *own;
    for (; extra && *extra && n < MAX_ALLOWED; extra++)
        all[n++] = *extra;
    all[n] = NULL;
    return mdn_bind_keys(b, row, dims, all);
}

int mdn_bind_rows(mdn_binder *b, const mdn_node *map, const char *key, size_t size,
                  mdn_row_binder fn, void **rows, size_t *n)
{
    const mdn_node *seq = mdn_map_get(map, key);
    if (!seq || seq->type == MDN_NULL)
        return 0;
    int rc = 0;
    mdn_path_push(b, key);
    if (seq->type != MDN_SEQ) {
        rc = mdn_bind_error(b, seq, MEDINS_ERR_TYPE, "%s: expected a sequence of rows", b->path);
        goto done;
    }
    char *out = seq->n ? mdn_bind_alloc(b, size * seq->n) : NULL;
    if (seq->n && !out) {
        rc = MEDINS_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < seq->n && rc == 0; i++) {
        mdn_path_push_index(b, i);
        rc = fn(b, seq->items[i], out + i * size);
        mdn_path_pop(b);
        rc = mdn_bind_past(b, rc);
    }
    if (rc == 0) {
        *rows = out;
        *n = seq->n;
    }
done:
    mdn_path_pop(b);
    return rc;
}

/* Common start of every table: an absent node is an empty table; otherwise a list of rows. */
static int table_rows(mdn_binder *b, const mdn_node *seq, size_t row_size, void **rows, size_t *n)
{
    *rows = NULL;
    *n = 0;
    if (!seq || seq->type == MDN_NULL)
        return 0;
    if (seq->type != MDN_SEQ)
        return mdn_bind_error(b, seq, MEDINS_ERR_TYPE, "expected a list of rows, found %s", type_word(seq));
    int rc = check_ids(b, seq);
    if (rc)
        return rc;
    if (seq->n && !(*rows = mdn_bind_alloc(b, seq->n * row_size)))
        return MEDINS_ERR_NOMEM;
    *n = seq->n;
    return 0;
}

static int amount_row(mdn_binder *b, const mdn_node *row, unsigned dims, const char *const *extra,
                      const mdn_amount *income, mdn_amount_row *out)
{
    static const char *const plain[] = { "amount", NULL };
    static const char *const shares[] = { "amount", "income_share", NULL };
    int rc = keys_with(b, row, dims, income ? shares : plain, extra);
    if (rc || (rc = mdn_bind_select(b, row, dims, &out->sel)))
        return rc;
    bool has_amount = present(row, "amount") != NULL;
    bool has_share = income && present(row, "income_share");
    if (has_amount && has_share)
        return mdn_bind_error(b, row, MEDINS_ERR_TYPE, "give amount or income_share, not both");
    if (!has_share)
        return mdn_bind_amount(b, row, "amount", true, &out->amount);
    if (!income->val)
        return mdn_bind_error(b, row, MEDINS_ERR_MISSING,
                              "income_share needs reference_income in the section");
    if ((rc = mdn_bind_ratio(b, row, "income_share", true, &out->share)))
        return rc;
    out->amount.v = medins_money_apply(income->v, out->share.v);
    out->amount.val = out->share.val;
    return 0;
}

int mdn_bind_amount_table(mdn_binder *b, const mdn_node *seq, unsigned dims, const char *const *extra,
                          const mdn_amount *income, mdn_amount_table *out)
{
    void *rows;
    size_t n;
    int rc = table_rows(b, seq, sizeof(mdn_amount_row), &rows, &n);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        mdn_path_push_index(b, i);
        rc = amount_row(b, seq->items[i], dims, extra, income, (mdn_amount_row *)rows + i);
        mdn_path_pop(b);
        rc = mdn_bind_past(b, rc);
    }
    if (rc == 0) {
        out->rows = rows;
        out->n = n;
    }
    return rc;
}

static int segment_error(mdn_binder *b, size_t j, const mdn_node *at, const char *msg)
{
    mdn_path_push(b, "segments");
    mdn_path_push_index(b, j);
    int rc = mdn_bind_error(b, at, MEDINS_ERR_SEGMENTS, "%s", msg);
    mdn_path_pop(b);
    mdn_path_pop(b);
    return rc;
}

static int bind_segments(mdn_binder *b, const mdn_node *list, mdn_ratio_row *out)
{
    static const char *const keys[] = { "from", "to", "ratio", NULL };
    if (list->type != MDN_SEQ)
        return mdn_bind_error(b, list, MEDINS_ERR_TYPE, "segments: expected a list, found %s", type_word(list));
    if (list->n == 0)
        return mdn_bind_error(b, list, MEDINS_ERR_SEGMENTS, "segments: the list is empty");
    mdn_segment *seg = mdn_bind_alloc(b, list->n * sizeof *seg);
    if (!seg)
        return MEDINS_ERR_NOMEM;
    int rc = 0, failed = 0;
    mdn_path_push(b, "segments");
    for (size_t j = 0; rc == 0 && j < list->n; j++) {
        const mdn_node *s = list->items[j];
        mdn_amount from = { 0, NULL }, to = { -1, NULL };
        mdn_path_push_index(b, j);
        if (!(rc = mdn_bind_keys(b, s, 0, keys)) && !(rc = mdn_bind_amount(b, s, "from", true, &from)) &&
            !(rc = mdn_bind_amount(b, s, "to", false, &to)))
            rc = mdn_bind_ratio(b, s, "ratio", true, &seg[j].ratio);
        mdn_path_pop(b);
        seg[j].from = from.v;
        seg[j].from_val = from.val;
        seg[j].to = to.val ? to.v : -1;
        seg[j].to_val = to.val;
        if (rc)
            failed = rc, rc = mdn_bind_past(b, rc);
    }
    mdn_path_pop(b);
    if (rc || failed)
        return rc ? rc : failed;   /* the order of segments with errors is not judged */
    for (size_t j = 0; j < list->n; j++) {
        const mdn_node *s = list->items[j];
        if (j == 0 && seg[0].from != 0)
            return segment_error(b, j, s, "the first segment must start at 0");
        if (j > 0 && seg[j - 1].to < 0)
            return segment_error(b, j - 1, list->items[j - 1], "only the last segment may be open-ended");
        if (j > 0 && seg[j].from > seg[j - 1].to)
            return segment_error(b, j, s, "gap: this segment starts above the end of the previous one");
        if (j > 0 && seg[j].from < seg[j - 1].to)
            return segment_error(b, j, s, "overlap: this segment starts below the end of the previous one");
        if (seg[j].to >= 0 && seg[j].to <= seg[j].from)
            return segment_error(b, j, s, "not ascending: `to` must be above `from`");
        if (j + 1 == list->n && seg[j].to >= 0)
            return segment_error(b, j, s, "the last segment must be open-ended (no `to`)");
    }
    out->seg = seg;
    out->n = list->n;
    return 0;
}

static int ratio_row(mdn_binder *b, const mdn_node *row, unsigned dims, const char *const *extra,
                     mdn_ratio_row *out)
{
    static const char *const own[] = { "ratio", "segments", "retired_self_pay", NULL };
    static const char *const own_without[] = { "ratio", "segments", NULL };
    int rc = keys_with(b, row, dims, dims & MDN_DIM_CATEGORY ? own : own_without, extra);
    if (rc || (rc = mdn_bind_select(b, row, dims, &out->sel)))
        return rc;
    if ((dims & MDN_DIM_CATEGORY) &&
        (rc = mdn_bind_ratio(b, row, "retired_self_pay", false, &out->retired_self_pay)))
        return rc;
    if (out->retired_self_pay.val && (out->sel.categories >> MEDINS_CATEGORY_RETIRED & 1))
        return mdn_bind_error(b, mdn_map_get(row, "retired_self_pay"), MEDINS_ERR_RANGE,
                              "retired_self_pay makes the retirees' row from this one: the row "
                              "itself must not select retired");
    const mdn_node *segs = present(row, "segments");
    bool has_ratio = present(row, "ratio") != NULL;
    if (segs && has_ratio)
        return mdn_bind_error(b, row, MEDINS_ERR_TYPE, "give ratio or segments, not both");
    if (segs)
        return bind_segments(b, segs, out);
    mdn_segment *seg = mdn_bind_alloc(b, sizeof *seg);
    if (!seg)
        return MEDINS_ERR_NOMEM;
    if ((rc = mdn_bind_ratio(b, row, "ratio", false, &seg->ratio)))
        return rc;
    if (!seg->ratio.val)
        return mdn_bind_error(b, row, MEDINS_ERR_MISSING, "a ratio row needs ratio or segments");
    seg->from = 0;
    seg->to = -1;
    out->seg = seg;
    out->n = 1;
    return 0;
}

/*
 * The retirees' row of `row`, which has retired_self_pay X: the same selectors for retirees
 * only, and each segment's fund ratio R made 100% - X(100% - R), the retirees' self-pay share
 * rounded half-up to the basis point, each citing X.
 */
static int retired_row(mdn_binder *b, const mdn_ratio_row *row, mdn_ratio_row *out)
{
    *out = *row;
    out->sel.categories = 1u << MEDINS_CATEGORY_RETIRED;
    out->retired_self_pay.val = NULL;
    if (!(out->seg = mdn_bind_alloc(b, row->n * sizeof *out->seg)))
        return MEDINS_ERR_NOMEM;
    const medins_bp x = row->retired_self_pay.v;
    for (size_t j = 0; j < row->n; j++) {
        out->seg[j] = row->seg[j];
        const int64_t self = MEDINS_BP_ONE - row->seg[j].ratio.v;
        const int64_t retired_self = (self * x + MEDINS_BP_ONE / 2) / MEDINS_BP_ONE;
        out->seg[j].ratio.v = (medins_bp)(MEDINS_BP_ONE - retired_self);
        out->seg[j].ratio.val = row->retired_self_pay.val;
    }
    return 0;
}

int mdn_bind_ratio_table(mdn_binder *b, const mdn_node *seq, unsigned dims, const char *const *extra,
                         mdn_ratio_table *out)
{
    void *rows;
    size_t n, derived = 0;
    int rc = table_rows(b, seq, sizeof(mdn_ratio_row), &rows, &n);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        mdn_ratio_row *r = (mdn_ratio_row *)rows + i;
        mdn_path_push_index(b, i);
        rc = ratio_row(b, seq->items[i], dims, extra, r);
        mdn_path_pop(b);
        derived += rc == 0 && r->retired_self_pay.val;
        rc = mdn_bind_past(b, rc);
    }
    if (rc == 0 && derived) {
        /* Each retirees' row just before the row it is made from: the first to match. */
        mdn_ratio_row *all = mdn_bind_alloc(b, (n + derived) * sizeof *all);
        if (!all)
            return MEDINS_ERR_NOMEM;
        size_t k = 0;
        for (size_t i = 0; rc == 0 && i < n; i++) {
            const mdn_ratio_row *r = (const mdn_ratio_row *)rows + i;
            if (r->retired_self_pay.val)
                rc = retired_row(b, r, &all[k++]);
            all[k++] = *r;
        }
        rows = all;
        n = k;
    }
    if (rc == 0) {
        out->rows = rows;
        out->n = n;
    }
    return rc;
}

int mdn_bind_adjust_table(mdn_binder *b, const mdn_node *seq, unsigned dims, const char *const *extra,
                          mdn_adjust_table *out)
{
    static const char *const own[] = { "add", NULL };
    void *rows;
    size_t n;
    int rc = table_rows(b, seq, sizeof(mdn_adjust_row), &rows, &n);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        mdn_adjust_row *r = (mdn_adjust_row *)rows + i;
        const mdn_node *row = seq->items[i];
        mdn_path_push_index(b, i);
        if (!(rc = keys_with(b, row, dims, own, extra)) && !(rc = mdn_bind_select(b, row, dims, &r->sel)))
            rc = mdn_bind_points(b, row, "add", true, &r->add);
        mdn_path_pop(b);
        rc = mdn_bind_past(b, rc);
    }
    if (rc == 0) {
        out->rows = rows;
        out->n = n;
    }
    return rc;
}

int mdn_bind_string(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                    const char **out)
{
    const mdn_node *n = mdn_map_get(map, key);
    if (!n || n->type == MDN_NULL)
        return required ? mdn_bind_error(b, map, MEDINS_ERR_MISSING, "required key \"%s\" is missing", key) : 0;
    if (n->type != MDN_SCALAR)
        return mdn_bind_error(b, n, MEDINS_ERR_TYPE, "%s: expected a scalar", key);
    *out = n->text;
    return 0;
}
