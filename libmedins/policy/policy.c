/*
 * One policy: read, parse, merge onto its base, bind, with a binder for each section from one
 * table; and an overlay derived from a loaded policy. Loading is split into two stages
 * (mdn_policy_parse, mdn_policy_finish) so that a set can read every file of a folder, order
 * them by their bases, and only then merge and bind each (policy_set.c, which also loads a
 * single policy and finds its base).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bind.h"
#include "policy.h"

/* The binder of every section, in medins_section order (their keys: mdn_section_words). */
static mdn_section_binder *const section_binders[MEDINS_SECTION_COUNT] = {
    [MEDINS_SECTION_CONTRIBUTIONS] = mdn_bind_contributions,
    [MEDINS_SECTION_OUTPATIENT] = mdn_bind_benefit,
    [MEDINS_SECTION_PHARMACY] = mdn_bind_benefit,
    [MEDINS_SECTION_OUTPATIENT_POOLING] = mdn_bind_benefit,
    [MEDINS_SECTION_SPECIAL_DISEASE] = mdn_bind_benefit,
    [MEDINS_SECTION_INPATIENT] = mdn_bind_benefit,
    [MEDINS_SECTION_MAJOR_DISEASE] = mdn_bind_benefit,
    [MEDINS_SECTION_ASSISTANCE] = mdn_bind_benefit,
    [MEDINS_SECTION_MATERNITY] = mdn_bind_maternity,
    [MEDINS_SECTION_CAPITATION] = mdn_bind_capitation,
    [MEDINS_SECTION_ACCOUNTS] = mdn_bind_accounts,
    [MEDINS_SECTION_BILLS] = mdn_bind_bills,
};

/* Top-level keys that are not sections. */
static const char *const meta_keys[] = {
    "format", "region", "title", "kind", "base", "schemes", "effective", "year_start", "sources",
    "references", "claim_attributes", "person_groups", NULL,
};

void medins_load_options_init(medins_load_options *opts)
{
    static const medins_load_options defaults = MEDINS_LOAD_OPTIONS_INIT;
    if (opts)
        *opts = defaults;
}

int mdn_load_options_of(medins_load_options *out, const medins_load_options *opts,
                        medins_error **err)
{
    medins_load_options_init(out);
    if (!opts)
        return 0;
    int rc = MDN_CHECK_VERSION(err, opts, "medins_load_options", MEDINS_LOAD_OPTIONS_VERSION);
    if (rc < 0)
        return rc;
    /* Each version's fields, as far as the caller's version has them: a struct of version 1
     * ends before max_dir_depth. */
    out->max_file_size = opts->max_file_size;
    out->max_depth = opts->max_depth;
    out->max_nodes = opts->max_nodes;
    out->max_aliases = opts->max_aliases;
    if (opts->version >= 2) {
        out->max_dir_depth = opts->max_dir_depth;
        out->max_dir_entries = opts->max_dir_entries;
    }
    if (opts->version >= 3) {
        out->errors = opts->errors;
        out->progress = opts->progress;
        out->progress_data = opts->progress_data;
    }
    return 0;
}

/* ---- reading ------------------------------------------------------------------------------ */

int mdn_read_file(const char *path, const medins_load_options *opts, char **text, size_t *len,
                  medins_error **err)
{
    medins_load_options defaults = MEDINS_LOAD_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    FILE *f = fopen(path, "rb");
    if (!f)
        return mdn_error(err, MEDINS_ERR_IO, path, 0, 0, "cannot open the file");
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > opts->max_file_size) {
        fclose(f);
        return mdn_error(err, MEDINS_ERR_LIMIT, path, 0, 0,
                         "file of %jd bytes is larger than the limit of %zu", (intmax_t)st.st_size,
                         opts->max_file_size);
    }
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);
    int rc = 0;
    while (buf) {
        if (n == cap) {
            /* Files that grow while being read, or are not regular, are limited here too. */
            if (n > opts->max_file_size) {
                rc = mdn_error(err, MEDINS_ERR_LIMIT, path, 0, 0, "file larger than the limit of %zu",
                               opts->max_file_size);
                break;
            }
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                rc = mdn_error(err, MEDINS_ERR_IO, path, 0, 0, "cannot read the file");
            break;
        }
    }
    fclose(f);
    if (!buf)
        return mdn_error(err, MEDINS_ERR_NOMEM, path, 0, 0, "out of memory");
    if (rc == 0 && n > opts->max_file_size)
        rc = mdn_error(err, MEDINS_ERR_LIMIT, path, 0, 0, "file larger than the limit of %zu",
                       opts->max_file_size);
    if (rc) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}

/* ---- stage 1: parse ----------------------------------------------------------------------- */

int mdn_policy_parse(mdn_pending *out, const char *id, const char *file, const char *text,
                     size_t len, const medins_load_options *opts, medins_error **err)
{
    medins_policy *p = calloc(1, sizeof *p);
    if (!p)
        return mdn_error(err, MEDINS_ERR_NOMEM, file, 0, 0, "out of memory");
    mdn_arena_init(&p->arena);
    int rc = MEDINS_ERR_NOMEM;
    if (!(p->file = mdn_arena_strdup(&p->arena, file ? file : "<string>")) ||
        (id && !(p->id = mdn_arena_strdup(&p->arena, id)))) {
        mdn_error(err, rc, file, 0, 0, "out of memory");
        goto fail;
    }
    medins_error_list *errors = mdn_load_errors(opts);
    if ((rc = mdn_tree_parse(&p->arena, p->file, text ? text : "", text ? len : 0, opts, &p->tree, err)))
        goto fail;
    if (p->tree->type != MDN_MAP) {
        rc = mdn_report(errors, err, MEDINS_ERR_TYPE, p->file, p->tree->line, p->tree->col,
                        "a policy file is a mapping of keys (format, region, ...)");
        goto fail;
    }
    const mdn_node *base = mdn_map_get(p->tree, "base");
    out->base_id = NULL;
    out->base_node = NULL;
    out->errors = errors;
    if (base && base->type != MDN_NULL) {
        if (base->type != MDN_SCALAR || base->len == 0) {
            rc = mdn_report(errors, err, MEDINS_ERR_TYPE, p->file, base->line, base->col,
                            "base: expected a policy id such as tianjin/2022");
            goto fail;
        }
        out->base_id = base->text;
        out->base_node = base;
    }
    out->policy = p;
    return 0;
fail:
    medins_policy_free(p);
    return rc;
}

/* ---- stage 2: merge and bind -------------------------------------------------------------- */

static int date_at(mdn_binder *b, const mdn_node *map, const char *key, bool required, medins_date *out)
{
    const char *t = NULL;
    int rc = mdn_bind_string(b, map, key, required, &t);
    if (rc || !t)
        return rc;
    const mdn_node *n = mdn_map_get(map, key);
    rc = mdn_date_parse_text(out, t);
    if (rc == MEDINS_ERR_SYNTAX)
        return mdn_bind_error(b, n, rc, "%s: \"%s\" is not a date written YYYY-MM-DD", key, t);
    /* Well formed but not a day the library handles: a value out of the format's range (the
     * claim's MEDINS_ERR_DATE would name the wrong culprit). */
    if (rc) {
        int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
        return mdn_bind_error(b, n, MEDINS_ERR_RANGE, year < 1900 || year > 2199
                              ? "%s: \"%s\" is outside the dates supported, 1900-01-01 to 2199-12-31"
                              : "%s: \"%s\" is not a calendar date", key, t);
    }
    return 0;
}

/* `year_start: 07-01`: the benefit year's first day, as MMDD; a day of every year (not 02-29). */
static int year_start_at(mdn_binder *b, const mdn_node *root, int32_t *out)
{
    const char *t = NULL;
    int rc = mdn_bind_string(b, root, "year_start", false, &t);
    if (rc || !t)
        return rc;
    const mdn_node *n = mdn_map_get(root, "year_start");
    const bool digits = strlen(t) == 5 && t[2] == '-' && t[0] >= '0' && t[0] <= '9' &&
                        t[1] >= '0' && t[1] <= '9' && t[3] >= '0' && t[3] <= '9' &&
                        t[4] >= '0' && t[4] <= '9';
    if (!digits)
        return mdn_bind_error(b, n, MEDINS_ERR_SYNTAX, "year_start: \"%s\" is not a day written "
                              "MM-DD (07-01 for a year from 1 July)", t);
    const int32_t md = ((t[0] - '0') * 10 + (t[1] - '0')) * 100 + (t[3] - '0') * 10 + (t[4] - '0');
    /* 2023 is a common year: 02-29 is not a day of every year. */
    if (!mdn_date_valid(20230000 + md))
        return mdn_bind_error(b, n, MEDINS_ERR_RANGE, "year_start: \"%s\" is not a day of every "
                              "year", t);
    *out = md;
    return 0;
}

static bool is_region_word(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return false;
    return true;
}

static int bind_sources(mdn_binder *b, const mdn_node *list)
{
    static const char *const keys[] = { "title", "number", "issuer", "date", "kind", "where", NULL };
    static const char *const kinds[] = { "official", "third-party", "reform", NULL };
    medins_policy *p = b->policy;
    if (!list)
        return 0;
    if (list->type != MDN_SEQ)
        return mdn_bind_error(b, list, MEDINS_ERR_TYPE, "expected a list of sources");
    if (list->n && !(p->sources = mdn_bind_alloc(b, list->n * sizeof *p->sources)))
        return MEDINS_ERR_NOMEM;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < list->n; i++) {
        const mdn_node *s = list->items[i];
        medins_source *src = &p->sources[i];
        int kind = 0;
        src->number = src->issuer = src->date = "";
        mdn_path_push_index(b, i);
        if (!(rc = mdn_bind_keys(b, s, 0, keys)) && !(rc = mdn_bind_string(b, s, "id", true, &src->id)) &&
            !(rc = mdn_bind_string(b, s, "title", true, &src->title)) &&
            !(rc = mdn_bind_string(b, s, "number", false, &src->number)) &&
            !(rc = mdn_bind_string(b, s, "issuer", false, &src->issuer)) &&
            !(rc = mdn_bind_string(b, s, "date", false, &src->date)) &&
            !(rc = mdn_bind_string(b, s, "where", false, &(const char *){ NULL })) &&
            !(rc = mdn_bind_word(b, s, "kind", false, kinds, &kind))) {
            src->kind = kinds[kind];
            src->file = s->file;
            src->line = s->line;
            for (size_t j = 0; j < i; j++)
                if (strcmp(p->sources[j].id, src->id) == 0) {
                    rc = mdn_bind_error(b, mdn_map_get(s, "id"), MEDINS_ERR_DUPLICATE,
                                        "source id \"%s\" is already listed at %s:%u", src->id,
                                        p->sources[j].file, p->sources[j].line);
                    break;
                }
        }
        mdn_path_pop(b);
        rc = mdn_bind_past(b, rc);
    }
    p->nsources = list->n;
    return rc;
}

/*
 * `claim_attributes: [referred, out_of_region, ...]`: the words of the attributes a claim may
 * carry under this policy, bit i for the i-th (at most 32), which rows select on.
 */
static int bind_attributes(mdn_binder *b, const mdn_node *list)
{
    medins_policy *p = b->policy;
    if (!list || list->type == MDN_NULL)
        return 0;
    if (list->type != MDN_SEQ)
        return mdn_bind_error(b, list, MEDINS_ERR_TYPE, "expected a list of attribute words");
    if (list->n > 32)
        return mdn_bind_error(b, list->items[32], MEDINS_ERR_LIMIT,
                              "at most 32 claim attributes (this is the 33rd)");
    /* The policy holds the list only whole: rows bound after an error see none. */
    const char **words = mdn_bind_alloc(b, (list->n + 1) * sizeof *words);
    if (!words)
        return MEDINS_ERR_NOMEM;
    for (size_t i = 0; i < list->n; i++) {
        const mdn_node *w = list->items[i];
        if (w->type != MDN_SCALAR || !is_region_word(w->text))
            return mdn_bind_error(b, w, MEDINS_ERR_TYPE, "a claim attribute is a lower-case word");
        for (size_t j = 0; j < i; j++)
            if (strcmp(words[j], w->text) == 0)
                return mdn_bind_error(b, w, MEDINS_ERR_DUPLICATE,
                                      "claim attribute \"%s\" is already listed", w->text);
        words[i] = w->text;
    }
    words[list->n] = NULL;
    p->attrs = words;
    p->nattrs = list->n;
    return 0;
}

/*
 * `person_groups: [{name: zhongren, retired_before: 2001-01-01}, {name: veteran}]`: the groups
 * of persons rows select on (`cohorts`), bit i for the i-th (at most 31). A group with a rule
 * (the person's fields, as rows select on them) is worked out from the person; one without is
 * the caller's to set. A bare word is a group without a rule.
 */
static int bind_cohorts(mdn_binder *b, const mdn_node *list)
{
    static const char *const keys[] = { "name", NULL };
    medins_policy *p = b->policy;
    if (!list || list->type == MDN_NULL)
        return 0;
    if (list->type != MDN_SEQ)
        return mdn_bind_error(b, list, MEDINS_ERR_TYPE, "expected a list of person groups");
    if (list->n > 31)
        return mdn_bind_error(b, list->items[31], MEDINS_ERR_LIMIT,
                              "at most 31 person groups (this is the 32nd)");
    const char **names = mdn_bind_alloc(b, (list->n + 1) * sizeof *names);
    mdn_select *rules = mdn_bind_alloc(b, (list->n ? list->n : 1) * sizeof *rules);
    if (!names || !rules)
        return MEDINS_ERR_NOMEM;
    uint32_t ruled = 0;
    int rc = 0;
    for (size_t i = 0; i < list->n && rc == 0; i++) {
        const mdn_node *g = list->items[i];
        const mdn_node *name = g;
        mdn_path_push_index(b, i);
        memset(&rules[i], 0, sizeof rules[i]);
        if (g->type == MDN_MAP) {
            if (!(rc = mdn_bind_keys(b, g, MDN_DIM_FIELDS, keys)) &&
                !(rc = mdn_bind_require(b, g, "name")) &&
                !(rc = mdn_bind_person_fields(b, g, &rules[i])))
                name = mdn_map_get(g, "name");
        }
        if (rc == 0 && (name->type != MDN_SCALAR || !is_region_word(name->text)))
            rc = mdn_bind_error(b, name, MEDINS_ERR_TYPE, "a person group is a lower-case word, "
                                "or a mapping with its name: and the rule that defines it");
        for (size_t j = 0; rc == 0 && j < i; j++)
            if (strcmp(names[j], name->text) == 0)
                rc = mdn_bind_error(b, name, MEDINS_ERR_DUPLICATE,
                                    "person group \"%s\" is already listed", name->text);
        if (rc == 0) {
            names[i] = name->text;
            ruled |= rules[i].needs ? 1u << i : 0;
        }
        mdn_path_pop(b);
    }
    if (rc)
        return rc;
    names[list->n] = NULL;
    p->cohorts = names;
    p->ncohorts = list->n;
    p->cohort_rules = rules;
    p->ruled_cohorts = ruled;
    return 0;
}

/*
 * `references:`, a mapping of names to cited, dated amounts ({amount:, date:}) that the
 * sections' amounts may be shares of. Bound in the order written, so that a figure may be a
 * share of one above it.
 */
static int bind_references(mdn_binder *b, const mdn_node *map)
{
    static const char *const keys[] = { "amount", "date", NULL };
    medins_policy *p = b->policy;
    if (!map || map->type == MDN_NULL)
        return 0;
    if (map->type != MDN_MAP)
        return mdn_bind_error(b, map, MEDINS_ERR_TYPE, "expected a mapping of reference figures");
    if (map->n && !(p->refs = mdn_bind_alloc(b, map->n * sizeof *p->refs)))
        return MEDINS_ERR_NOMEM;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < map->n; i++) {
        const mdn_pair *e = &map->pairs[i];
        mdn_reference *r = &p->refs[p->nrefs];
        r->name = e->key;
        mdn_path_push(b, e->key);
        if (!is_region_word(e->key))
            rc = mdn_bind_error(b, map, MEDINS_ERR_TYPE, "\"%s\" is not a lower-case word", e->key);
        else if (!(rc = mdn_bind_keys(b, e->value, 0, keys)) &&
                 !(rc = mdn_bind_amount(b, e->value, "amount", true, &r->amount)) &&
                 !(rc = date_at(b, e->value, "date", true, &r->date)))
            p->nrefs++;
        mdn_path_pop(b);
        rc = mdn_bind_past(b, rc);
    }
    return rc;
}

static int bind_meta(mdn_binder *b, const mdn_node *root, const mdn_node *own)
{
    static const char *const kinds[] = { "year", "reform", NULL };
    medins_policy *p = b->policy;
    int rc;
    const mdn_pair *idp = mdn_map_pair(root, "id");
    for (size_t i = 0; !idp && i < root->nnulls; i++)
        if (strcmp(root->nulls[i].key, "id") == 0)
            idp = &root->nulls[i];
    if (idp && (rc = mdn_bind_past(b, mdn_report(b->errors, b->err, MEDINS_ERR_UNKNOWN_KEY, root->file,
                                                 idp->key_line, idp->key_col,
                                                 "unknown key \"id\" (a policy's id is its file path)"))))
        return rc;
    const char *all[sizeof meta_keys / sizeof meta_keys[0] + MEDINS_SECTION_COUNT];
    size_t n = 0;
    for (const char *const *k = meta_keys; *k; k++)
        all[n++] = *k;
    for (int s = 0; s < MEDINS_SECTION_COUNT; s++)
        all[n++] = mdn_section_words[s];
    all[n] = NULL;
    rc = mdn_bind_keys(b, root, 0, all);
    if (rc)
        return rc;

    const char *format = NULL, *region = NULL, *title = NULL;
    if ((rc = mdn_bind_string(b, root, "format", true, &format)) == 0 && strcmp(format, "1") != 0)
        rc = mdn_bind_error(b, mdn_map_get(root, "format"), MEDINS_ERR_RANGE,
                            "format %s is not supported (this library reads format 1)", format);
    if ((rc = mdn_bind_past(b, rc)))
        return rc;
    if ((rc = mdn_bind_string(b, root, "region", true, &region)) == 0 && !is_region_word(region))
        rc = mdn_bind_error(b, mdn_map_get(root, "region"), MEDINS_ERR_TYPE,
                            "region: \"%s\" is not a lower-case word", region);
    if (rc)
        region = NULL;
    if ((rc = mdn_bind_past(b, rc)) || (rc = mdn_bind_past(b, mdn_bind_string(b, root, "title", false, &title))))
        return rc;
    /* kind is the file's own: a year based on a reform is still a year. */
    int kind = 0;
    if ((rc = mdn_bind_past(b, mdn_bind_word(b, own, "kind", false, kinds, &kind))))
        return rc;
    p->is_reform = kind == 1;
    p->schemes = (1u << MEDINS_SCHEME_COUNT) - 1;
    if ((rc = mdn_bind_past(b, mdn_bind_word_mask(b, root, "schemes", mdn_scheme_words, &p->schemes))))
        return rc;

    const mdn_node *eff = mdn_map_get(root, "effective");
    if (!eff && !p->is_reform &&
        (rc = mdn_bind_past(b, mdn_bind_error(b, root, MEDINS_ERR_MISSING,
                                              "required key \"effective\" is missing"))))
        return rc;
    if (eff) {
        static const char *const keys[] = { "from", "to", NULL };
        mdn_path_push(b, "effective");
        if (!(rc = mdn_bind_keys(b, eff, 0, keys)) && !(rc = date_at(b, eff, "from", true, &p->from)))
            rc = date_at(b, eff, "to", false, &p->to);
        if (rc == 0 && p->to && p->to < p->from)
            rc = mdn_bind_error(b, mdn_map_get(eff, "to"), MEDINS_ERR_RANGE,
                                "the range ends before it starts");
        mdn_path_pop(b);
        if ((rc = mdn_bind_past(b, rc)))
            return rc;
    }
    p->effective_node = mdn_map_get(own, "effective");
    if (!p->effective_node)
        p->effective_node = eff;
    p->year_start = 101;
    if ((rc = mdn_bind_past(b, year_start_at(b, root, &p->year_start))))
        return rc;

    mdn_arena *a = &p->arena;
    if (!p->id) {
        /* Outside a set, the id the file has in a set of the folder above its own when policies
         * are laid out as the shipped ones: <region>/<file name without .yaml> for a year, and
         * for a reform <its folder>/<file name> (reforms/tianjin-2023-l3-plus5), or
         * <region>/<file name> when its name has no folder. */
        const char *slash = strrchr(p->file, '/');
        const char *stem = slash ? slash + 1 : p->file;
        size_t len = strlen(stem);
        if (len > 5 && strcmp(stem + len - 5, ".yaml") == 0)
            len -= 5;
        const char *folder = slash ? slash : p->file;
        while (folder > p->file && folder[-1] != '/')
            folder--;
        int flen = (int)(slash ? slash - folder : 0);
        bool dots = (flen == 1 && folder[0] == '.') || (flen == 2 && strncmp(folder, "..", 2) == 0);
        bool named_by_folder = p->is_reform && flen > 0 && !dots;
        p->id = named_by_folder ? mdn_arena_printf(a, "%.*s/%.*s", flen, folder, (int)len, stem)
                                : mdn_arena_printf(a, "%s/%.*s", region ? region : "?", (int)len, stem);
    }
    p->region = mdn_arena_strdup(a, region ? region : "?");
    p->title = mdn_arena_strdup(a, title ? title : p->id);
    if (!p->id || !p->region || !p->title)
        return mdn_report(b->errors, b->err, MEDINS_ERR_NOMEM, p->file, 0, 0, "out of memory");

    mdn_path_push(b, "sources");
    rc = bind_sources(b, mdn_map_get(root, "sources"));
    mdn_path_pop(b);
    if (rc)
        return rc;
    mdn_path_push(b, "references");
    rc = bind_references(b, mdn_map_get(root, "references"));
    mdn_path_pop(b);
    if (rc)
        return rc;
    mdn_path_push(b, "claim_attributes");
    rc = bind_attributes(b, mdn_map_get(root, "claim_attributes"));
    mdn_path_pop(b);
    if (rc)
        return rc;
    mdn_path_push(b, "person_groups");
    rc = bind_cohorts(b, mdn_map_get(root, "person_groups"));
    mdn_path_pop(b);
    return rc;
}

static int bind_policy(medins_policy *p, const mdn_node *own, medins_error_list *errors,
                       medins_error **err)
{
    mdn_binder b;
    memset(&b, 0, sizeof b);
    b.policy = p;
    b.err = err;
    b.errors = errors;
    int rc = bind_meta(&b, p->tree, own);
    rc = mdn_bind_past(&b, rc);
    for (int s = 0; rc == 0 && s < MEDINS_SECTION_COUNT; s++) {
        const mdn_node *node = mdn_map_get(p->tree, mdn_section_words[s]);
        if (!node)
            continue;
        p->has[s] = true;
        mdn_path_push(&b, mdn_section_words[s]);
        rc = section_binders[s](&b, (medins_section)s, node);
        mdn_path_pop(&b);
        rc = mdn_bind_past(&b, rc);
    }
    /* The checks across sections read them whole: only when every one was bound. */
    if (rc == 0 && !b.failed)
        rc = mdn_benefits_finish(&b);
    return rc ? rc : b.failed;
}

/*
 * The base's tree as the starting point of a merge: without `base` and `kind`, which belong to
 * each file; without `sources`, which are concatenated rather than merged so that a source
 * listed twice is an error; and without `effective` when the file gives its own, which replaces
 * the base's whole (a year whose range is open must not inherit its base's end). Shallow: the
 * merge copies what it keeps.
 */
static mdn_node *inheritable(mdn_arena *a, const mdn_node *base, const mdn_node *own)
{
    bool own_range = mdn_map_get(own, "effective") != NULL;
    mdn_node *d = mdn_arena_alloc(a, sizeof *d);
    mdn_pair *pairs = mdn_arena_alloc(a, (base->n + 1) * sizeof *pairs);
    if (!d || !pairs)
        return NULL;
    *d = *base;
    d->pairs = pairs;
    d->n = 0;
    for (size_t i = 0; i < base->n; i++) {
        const char *k = base->pairs[i].key;
        if (strcmp(k, "base") && strcmp(k, "kind") && strcmp(k, "sources") &&
            (strcmp(k, "effective") || !own_range))
            pairs[d->n++] = base->pairs[i];
    }
    return d;
}

/* merged.sources = base's sources, then the file's own. */
static int join_sources(mdn_arena *a, mdn_node *merged, const mdn_node *base_root, const mdn_node *own)
{
    const mdn_node *bs = mdn_map_get(base_root, "sources");
    const mdn_node *os = mdn_map_get(own, "sources");
    if (!bs || bs->type != MDN_SEQ || bs->n == 0)
        return 0; /* nothing inherited: the file's own list (if any) is already in place */
    size_t on = os && os->type == MDN_SEQ ? os->n : 0;
    if (os && os->type != MDN_SEQ)
        return 0; /* the binder reports the wrong type at the file's own node */
    mdn_node *seq = mdn_tree_copy(a, bs);
    mdn_node **items = mdn_arena_alloc(a, (bs->n + on) * sizeof *items);
    if (!seq || !items)
        return MEDINS_ERR_NOMEM;
    memcpy(items, seq->items, bs->n * sizeof *items);
    for (size_t i = 0; i < on; i++)
        items[bs->n + i] = os->items[i];
    seq->items = items;
    seq->n = bs->n + on;
    mdn_pair *pair = (mdn_pair *)mdn_map_pair(merged, "sources");
    if (pair) {
        pair->value = seq;
        return 0;
    }
    mdn_pair *pairs = mdn_arena_alloc(a, (merged->n + 1) * sizeof *pairs);
    if (!pairs)
        return MEDINS_ERR_NOMEM;
    memcpy(pairs, merged->pairs, merged->n * sizeof *pairs);
    pairs[merged->n] = (mdn_pair){ .key = "sources", .key_line = seq->line, .key_col = seq->col, .value = seq };
    merged->pairs = pairs;
    merged->n++;
    return 0;
}

int mdn_policy_finish(mdn_pending *pending, const medins_policy *base, medins_error **err)
{
    medins_policy *p = pending->policy;
    mdn_node *own = p->tree;
    mdn_arena *a = &p->arena;
    int rc = 0;
    mdn_node *merged;
    if (base) {
        const mdn_node *start = inheritable(a, base->tree, own);
        merged = start ? mdn_tree_merge(a, start, own, NULL) : NULL;
        if (merged && join_sources(a, merged, base->tree, own))
            merged = NULL;   /* out of memory, worded below */
    } else {
        merged = mdn_tree_merge(a, NULL, own, NULL);
    }
    if (!merged)
        rc = mdn_report(pending->errors, err, MEDINS_ERR_NOMEM, p->file, 0, 0, "out of memory");
    else {
        p->tree = merged;
        rc = bind_policy(p, own, pending->errors, err);
    }
    if (rc) {
        medins_policy_free(p);
        pending->policy = NULL;
    }
    return rc;
}

/* ---- deriving ------------------------------------------------------------------------------ */

int medins_policy_derive(medins_policy **out, const medins_policy *base, const char *name,
                         const char *yaml, size_t len, medins_error **err)
{
    if (!out || !base || (!yaml && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "out, base and yaml are required");
    mdn_pending pd;
    int rc = mdn_policy_parse(&pd, NULL, name ? name : "<overlay>", yaml, len, NULL, err);
    if (rc == 0 && (rc = mdn_policy_finish(&pd, base, err)) == 0)
        *out = pd.policy;
    return rc;
}
