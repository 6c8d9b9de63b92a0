/*
 * Policy sets: policies indexed by region and effective dates. Additions are all or nothing:
 * every new file is parsed, ordered by its base, merged and bound, and checked for overlapping
 * years before the set changes at all. Policies a later addition replaces stay alive until the
 * set is freed, so pointers handed out earlier never dangle. Also the loading of one policy,
 * whose base is found in the caller's set or among the embedded policies.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "policy.h"

struct medins_policy_set {
    medins_policy **items;     /* ordered by region, effective date, id */
    size_t n;
    medins_policy **retired;   /* replaced by an addition; freed with the set */
    size_t nretired;
};

const char *medins_default_region(void)
{
    return mdn_embedded_default_region;
}

int medins_policy_set_new(medins_policy_set **out, medins_error **err)
{
    if (!out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "out is required");
    medins_policy_set *s = calloc(1, sizeof *s);
    if (!s)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    *out = s;
    return 0;
}

void medins_policy_set_free(medins_policy_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        medins_policy_free(set->items[i]);
    for (size_t i = 0; i < set->nretired; i++)
        medins_policy_free(set->retired[i]);
    free(set->items);
    free(set->retired);
    free(set);
}

size_t medins_policy_set_count(const medins_policy_set *set)
{
    return set ? set->n : 0;
}

const medins_policy *medins_policy_set_at(const medins_policy_set *set, size_t i)
{
    return set && i < set->n ? set->items[i] : NULL;
}

const medins_policy *medins_policy_set_get(const medins_policy_set *set, const char *id)
{
    for (size_t i = 0; set && id && i < set->n; i++)
        if (strcmp(set->items[i]->id, id) == 0)
            return set->items[i];
    return NULL;
}

int medins_policy_set_lookup(const medins_policy **out, const medins_policy_set *set, const char *region,
                             medins_date date, medins_error **err)
{
    if (!out || !set || !region)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "out, set and region are required");
    if (!medins_date_valid(date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0, "%d is not a date YYYYMMDD", (int)date);
    for (size_t i = 0; i < set->n; i++) {
        const medins_policy *p = set->items[i];
        if (!p->is_reform && strcmp(p->region, region) == 0 && medins_policy_in_force(p, date)) {
            *out = p;
            return 0;
        }
    }
    return mdn_error(err, MEDINS_ERR_NO_POLICY, NULL, 0, 0, "no policy of region \"%s\" is in force on %d",
                     region, (int)date);
}

static int policy_cmp(const void *a, const void *b)
{
    const medins_policy *x = *(medins_policy *const *)a, *y = *(medins_policy *const *)b;
    int c = strcmp(x->region, y->region);
    if (c)
        return c;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Years of one region may not share a day; sorted by start, neighbours are enough to check. */
static int check_overlaps(medins_policy **items, size_t n, medins_error **err)
{
    const medins_policy *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const medins_policy *p = items[i];
        if (p->is_reform)
            continue;
        if (prev && strcmp(prev->region, p->region) == 0 && (prev->to == 0 || prev->to >= p->from)) {
            const mdn_node *at = p->effective_node;
            return mdn_error(err, MEDINS_ERR_OVERLAP, at ? at->file : p->file, at ? at->line : 0,
                             at ? at->col : 0, "%s overlaps %s (%s): years of one region may not share a day",
                             p->id, prev->id, prev->file);
        }
        prev = p;
    }
    return 0;
}

/* ---- adding ------------------------------------------------------------------------------- */

typedef struct batch {
    const mdn_source_text *texts;
    mdn_pending *pd;
    medins_policy **built;
    int *state;                /* 0 not visited, 1 on the current path, 2 ordered */
    size_t *order, norder, n;
} batch;

static size_t batch_find(const batch *bt, const char *id)
{
    for (size_t j = 0; id && j < bt->n; j++)
        if (bt->texts[j].id && strcmp(bt->texts[j].id, id) == 0)
            return j;
    return (size_t)-1;
}

/* Depth-first: a file's base (when in the batch) is ordered before it. */
static int order_visit(batch *bt, size_t i, medins_error **err)
{
    bt->state[i] = 1;
    size_t j = batch_find(bt, bt->pd[i].base_id);
    if (j != (size_t)-1) {
        if (bt->state[j] == 1) {
            const mdn_node *at = bt->pd[i].base_node;
            return mdn_error(err, MEDINS_ERR_CYCLE, at->file, at->line, at->col,
                             "base %s leads back to %s: bases form a cycle", bt->pd[i].base_id,
                             bt->texts[i].id);
        }
        if (bt->state[j] == 0) {
            int rc = order_visit(bt, j, err);
            if (rc)
                return rc;
        }
    }
    bt->state[i] = 2;
    bt->order[bt->norder++] = i;
    return 0;
}

static int embedded_texts(mdn_source_text **out)
{
    size_t n = mdn_embedded_policy_count;
    mdn_source_text *t = calloc(n ? n : 1, sizeof *t);
    if (!t)
        return MEDINS_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        t[i].id = mdn_embedded_policies[i].id;
        t[i].file = mdn_embedded_policies[i].file;
        t[i].text = (const char *)mdn_embedded_policies[i].text;
        t[i].len = mdn_embedded_policies[i].len;
    }
    *out = t;
    return 0;
}

int medins_policy_set_open_embedded(medins_policy_set **out, medins_error **err)
{
    if (!out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "out is required");
    medins_policy_set *s;
    mdn_source_text *texts;
    int rc = medins_policy_set_new(&s, err);
    if (rc)
        return rc;
    if (embedded_texts(&texts)) {
        medins_policy_set_free(s);
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    rc = mdn_set_add_texts(s, texts, mdn_embedded_policy_count, false, NULL, err);
    free(texts);
    if (rc) {
        medins_policy_set_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

/*
 * Resolve base id `id` for a single load: in `bases` (when not NULL), then in the embedded
 * policies. *tmp receives a set to free after use (or NULL). MEDINS_ERR_BASE at `at` when absent.
 */
static int resolve_base(const medins_policy **out, medins_policy_set **tmp,
                        const medins_policy_set *bases, const char *id, const mdn_node *at,
                        medins_error **err)
{
    *tmp = NULL;
    const medins_policy *p = medins_policy_set_get(bases, id);
    if (!p) {
        /* Built only when needed: merging copies the base, so the set may go right after. */
        int rc = medins_policy_set_open_embedded(tmp, err);
        if (rc)
            return rc;
        p = medins_policy_set_get(*tmp, id);
    }
    if (!p) {
        medins_policy_set_free(*tmp);
        *tmp = NULL;
        return mdn_error(err, MEDINS_ERR_BASE, at->file, at->line, at->col, "base policy %s does not exist", id);
    }
    *out = p;
    return 0;
}

/* Merge the batch into the set's list, replacing same ids; overlaps refuse the whole batch. */
static int commit(medins_policy_set *set, medins_policy **built, size_t n, medins_error **err)
{
    medins_policy **items = malloc((set->n + n + 1) * sizeof *items);
    medins_policy **retired = realloc(set->retired, (set->nretired + set->n + 1) * sizeof *retired);
    if (retired)
        set->retired = retired;
    if (!items || !retired) {
        free(items);
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    size_t k = 0, nret = 0;
    for (size_t i = 0; i < set->n; i++) {
        bool replaced = false;
        for (size_t j = 0; j < n && !replaced; j++)
            replaced = strcmp(set->items[i]->id, built[j]->id) == 0;
        if (replaced)
            retired[set->nretired + nret++] = set->items[i];
        else
            items[k++] = set->items[i];
    }
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < j; i++)
            if (strcmp(built[i]->id, built[j]->id) == 0) {
                free(items);
                return mdn_error(err, MEDINS_ERR_DUPLICATE, built[j]->file, 0, 0,
                                 "policy id %s is given by two files (%s)", built[j]->id, built[i]->file);
            }
        items[k++] = built[j];
    }
    qsort(items, k, sizeof *items, policy_cmp);
    int rc = check_overlaps(items, k, err);
    if (rc) {
        free(items);
        return rc;
    }
    free(set->items);
    set->items = items;
    set->n = k;
    set->nretired += nret;
    return 0;
}

/* A step of an addition done, for opts->progress (two a file: read and parsed, bound). */
static void progress(const medins_load_options *opts, size_t *done, size_t total)
{
    ++*done;
    if (opts && opts->version >= 3 && opts->progress)
        opts->progress(opts->progress_data, *done, total);
}

int mdn_set_add_texts(medins_policy_set *set, const mdn_source_text *texts, size_t n, bool use_embedded,
                      const medins_load_options *opts, medins_error **err)
{
    /* A load that collects its errors goes on with the other files after one has an error; a
     * file whose base (in the addition) has one is not bound. Nothing is added then. */
    medins_error_list *list = mdn_load_errors(opts);
    int failed = 0;
    size_t steps = 0;
    bool *bad = calloc(n + 1, sizeof *bad);
    batch bt = { .texts = texts, .n = n };
    bt.pd = calloc(n + 1, sizeof *bt.pd);
    bt.built = calloc(n + 1, sizeof *bt.built);
    bt.state = calloc(n + 1, sizeof *bt.state);
    bt.order = calloc(n + 1, sizeof *bt.order);
    medins_policy_set *embedded = NULL;
    size_t parsed = 0;
    int rc = 0;
    if (!bt.pd || !bt.built || !bt.state || !bt.order || !bad) {
        rc = mdn_report(list, err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (; parsed < n; parsed++) {
        size_t before = medins_error_list_count(list);
        rc = mdn_policy_parse(&bt.pd[parsed], texts[parsed].id, texts[parsed].file, texts[parsed].text,
                              texts[parsed].len, opts, err);
        progress(opts, &steps, 2 * n);
        if (rc == 0 && medins_error_list_count(list) == before)
            continue;
        if (!list || rc == MEDINS_ERR_NOMEM || medins_error_list_full(list))
            goto done;
        failed = failed ? failed : rc ? rc : MEDINS_ERR_YAML;
        bad[parsed] = true;   /* its errors are in the list; its base is still read */
    }
    for (size_t i = 0; i < n; i++)
        if (bt.state[i] == 0 && (rc = order_visit(&bt, i, err)))
            goto done;
    for (size_t k = 0; k < n; k++) {
        size_t i = bt.order[k];
        const mdn_pending *pd = &bt.pd[i];
        const medins_policy *base = NULL;
        if (pd->base_id && !bad[i]) {
            size_t j = batch_find(&bt, pd->base_id);
            if (j != (size_t)-1 && bad[j]) {
                bad[i] = true;   /* not bound: its base's errors are reported */
                progress(opts, &steps, 2 * n);
                continue;
            }
            base = j != (size_t)-1 ? bt.built[j] : medins_policy_set_get(set, pd->base_id);
            if (!base && use_embedded) {
                if (!embedded && (rc = medins_policy_set_open_embedded(&embedded, err)))
                    goto done;
                base = medins_policy_set_get(embedded, pd->base_id);
            }
            if (!base) {
                const mdn_node *at = pd->base_node;
                rc = mdn_report(list, err, MEDINS_ERR_BASE, at->file, at->line, at->col,
                                "base policy %s does not exist", pd->base_id);
                goto done;
            }
        }
        if (bad[i]) {
            progress(opts, &steps, 2 * n);
            continue;
        }
        /* finish takes the shell over (and frees it on error). */
        medins_policy *shell = bt.pd[i].policy;
        bt.pd[i].policy = NULL;
        mdn_pending one = *pd;
        one.policy = shell;
        size_t before = medins_error_list_count(list);
        rc = mdn_policy_finish(&one, base, err);
        progress(opts, &steps, 2 * n);
        if (rc == 0 && medins_error_list_count(list) == before) {
            bt.built[i] = one.policy;
            continue;
        }
        if (rc == 0)
            medins_policy_free(one.policy);   /* errors were gone past: not added */
        if (!list || rc == MEDINS_ERR_NOMEM || medins_error_list_full(list))
            goto done;
        failed = failed ? failed : rc ? rc : MEDINS_ERR_YAML;
        bad[i] = true;
    }
    rc = failed ? failed : commit(set, bt.built, n, err);
    if (rc == 0)
        for (size_t i = 0; i < n; i++)
            bt.built[i] = NULL; /* owned by the set now */
done:
    if (bt.pd)
        for (size_t i = 0; i < parsed; i++)
            medins_policy_free(bt.pd[i].policy);
    if (bt.built)
        for (size_t i = 0; i < n; i++)
            medins_policy_free(bt.built[i]);
    medins_policy_set_free(embedded);
    free(bt.pd);
    free(bt.built);
    free(bt.state);
    free(bt.order);
    free(bad);
    return rc;
}

/* ---- files and folders -------------------------------------------------------------------- */

typedef struct file_list {
    char **rel;                /* paths relative to the folder */
    size_t n, cap;
} file_list;

static int list_add(file_list *l, const char *rel)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **r = realloc(l->rel, cap * sizeof *r);
        if (!r)
            return MEDINS_ERR_NOMEM;
        l->rel = r;
        l->cap = cap;
    }
    if (!(l->rel[l->n] = strdup(rel)))
        return MEDINS_ERR_NOMEM;
    l->n++;
    return 0;
}

static bool has_yaml_suffix(const char *name)
{
    size_t len = strlen(name);
    return len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/* A folder taken in by a walk, known by its device and inode whatever path led to it. */
typedef struct seen_dir {
    dev_t dev;
    ino_t ino;
    char *path;
} seen_dir;

/*
 * A walk below a folder. Symbolic links are followed, so a link can lead back to a folder above
 * (`l1 -> .`) or to one read already; without a check each such link multiplies the walk, and
 * two links to `.` make it run for minutes. Each folder is read once: a loop and a second path to
 * a folder are refused with their path, and depth and the number of files and folders are
 * bounded (medins_load_options).
 */
typedef struct walker {
    const char *root;
    unsigned max_depth;
    size_t max_entries, entries;
    seen_dir *seen;
    size_t nseen, seen_cap;
    file_list *files;
    medins_error **err;
} walker;

static int walk_nomem(walker *w)
{
    return mdn_error(w->err, MEDINS_ERR_NOMEM, w->root, 0, 0, "out of memory");
}

static int count_entry(walker *w)
{
    if (++w->entries > w->max_entries)
        return mdn_error(w->err, MEDINS_ERR_LIMIT, w->root, 0, 0,
                         "more than %zu files and folders below the folder (the limit)", w->max_entries);
    return 0;
}

/* Remember the folder at `path` (open as d); refuse it when it was read before. */
static int visit_dir(walker *w, DIR *d, const char *path)
{
    struct stat st;
    if (fstat(dirfd(d), &st) != 0)
        return mdn_error(w->err, MEDINS_ERR_IO, path, 0, 0, "cannot read the folder");
    for (size_t i = 0; i < w->nseen; i++) {
        const seen_dir *s = &w->seen[i];
        if (s->dev != st.st_dev || s->ino != st.st_ino)
            continue;
        /* A folder read before is above this one (a loop) when its path leads to this one. */
        size_t n = strlen(s->path);
        if (strncmp(path, s->path, n) == 0 && path[n] == '/')
            return mdn_error(w->err, MEDINS_ERR_CYCLE, path, 0, 0,
                             "a symbolic link loop: this folder is %s again", s->path);
        return mdn_error(w->err, MEDINS_ERR_DUPLICATE, path, 0, 0,
                         "this folder was read already as %s: each folder of a set is read once", s->path);
    }
    if (w->nseen == w->seen_cap) {
        size_t cap = w->seen_cap ? w->seen_cap * 2 : 16;
        seen_dir *ns = realloc(w->seen, cap * sizeof *ns);
        if (!ns)
            return walk_nomem(w);
        w->seen = ns;
        w->seen_cap = cap;
    }
    if (!(w->seen[w->nseen].path = strdup(path)))
        return walk_nomem(w);
    w->seen[w->nseen].dev = st.st_dev;
    w->seen[w->nseen].ino = st.st_ino;
    w->nseen++;
    return 0;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in the folder at `path` but `.`-files, sorted (so that what is reported first does
 * not depend on readdir's order); the folder is remembered as read. */
static int read_names(walker *w, const char *path, file_list *names)
{
    DIR *d = opendir(path);
    if (!d)
        return mdn_error(w->err, MEDINS_ERR_IO, path, 0, 0, "cannot read the folder");
    int rc = visit_dir(w, d, path);
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && list_add(names, e->d_name))
            rc = walk_nomem(w);
    closedir(d);
    if (rc == 0 && names->n)
        qsort(names->rel, names->n, sizeof *names->rel, str_cmp);
    return rc;
}

/* Every *.yaml below root/rel, rel being `depth` folders below the root. */
static int walk(walker *w, const char *rel, size_t depth)
{
    size_t need = strlen(w->root) + strlen(rel) + 2;
    char *dirpath = malloc(need);
    if (!dirpath)
        return walk_nomem(w);
    snprintf(dirpath, need, "%s%s%s", w->root, *rel ? "/" : "", rel);
    file_list names = { 0 };
    int rc = depth > w->max_depth
        ? mdn_error(w->err, MEDINS_ERR_LIMIT, dirpath, 0, 0, "folders nested deeper than the limit of %u",
                    w->max_depth)
        : read_names(w, dirpath, &names);
    for (size_t i = 0; rc == 0 && i < names.n; i++) {
        const char *name = names.rel[i];
        size_t clen = strlen(rel) + strlen(name) + 2;
        char *child = malloc(clen);
        size_t flen = strlen(dirpath) + strlen(name) + 2;
        char *full = malloc(flen);
        if (!child || !full) {
            free(child);
            free(full);
            rc = walk_nomem(w);
            break;
        }
        snprintf(child, clen, "%s%s%s", rel, *rel ? "/" : "", name);
        snprintf(full, flen, "%s/%s", dirpath, name);
        struct stat st;
        bool yaml = has_yaml_suffix(name);
        if (stat(full, &st) != 0) {
            /* A link to nothing is skipped like any other file, unless it names a policy. */
            if (yaml)
                rc = mdn_error(w->err, MEDINS_ERR_IO, full, 0, 0, "cannot read the file");
        } else if (S_ISDIR(st.st_mode)) {
            if (!(rc = count_entry(w)))
                rc = walk(w, child, depth + 1);
        } else if (S_ISREG(st.st_mode) && yaml) {
            if (!(rc = count_entry(w)) && list_add(w->files, child))
                rc = walk_nomem(w);
        }
        free(child);
        free(full);
    }
    for (size_t i = 0; i < names.n; i++)
        free(names.rel[i]);
    free(names.rel);
    free(dirpath);
    return rc;
}

/* Read every file and add them as one batch; ids[i] NULL lets the loader derive the id. */
static int add_files(medins_policy_set *set, char **paths, char **ids, size_t n,
                     const medins_load_options *opts, medins_error **err)
{
    mdn_source_text *t = calloc(n + 1, sizeof *t);
    char **texts = calloc(n + 1, sizeof *texts);
    int rc = 0;
    if (!t || !texts)
        rc = mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = mdn_read_file(paths[i], opts, &texts[i], &t[i].len, err);
        t[i].id = ids[i];
        t[i].file = paths[i];
        t[i].text = texts[i];
    }
    if (rc == 0)
        rc = mdn_set_add_texts(set, t, n, true, opts, err);
    for (size_t i = 0; texts && i < n; i++)
        free(texts[i]);
    free(texts);
    free(t);
    return rc;
}

static int add_dir(medins_policy_set *set, const char *dir, const medins_load_options *opts,
                   medins_error **err)
{
    file_list l = { 0 };
    walker w = { .root = dir, .max_depth = opts->max_dir_depth, .max_entries = opts->max_dir_entries,
                 .files = &l, .err = err };
    int rc = walk(&w, "", 0);
    for (size_t i = 0; i < w.nseen; i++)
        free(w.seen[i].path);
    free(w.seen);
    char **paths = NULL, **ids = NULL;
    if (rc == 0) {
        /* Sorted, so that errors and the order of equal-date policies do not depend on readdir. */
        if (l.n)
            qsort(l.rel, l.n, sizeof *l.rel, str_cmp);
        paths = calloc(l.n + 1, sizeof *paths);
        ids = calloc(l.n + 1, sizeof *ids);
        if (!paths || !ids)
            rc = mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; rc == 0 && i < l.n; i++) {
        size_t len = strlen(l.rel[i]);
        paths[i] = malloc(strlen(dir) + len + 2);
        ids[i] = malloc(len - 4);
        if (!paths[i] || !ids[i]) {
            rc = mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        sprintf(paths[i], "%s/%s", dir, l.rel[i]);
        memcpy(ids[i], l.rel[i], len - 5);
        ids[i][len - 5] = '\0';
    }
    if (rc == 0)
        rc = add_files(set, paths, ids, l.n, opts, err);
    for (size_t i = 0; i < l.n; i++) {
        free(l.rel[i]);
        if (paths)
            free(paths[i]);
        if (ids)
            free(ids[i]);
    }
    free(l.rel);
    free(paths);
    free(ids);
    return rc;
}

/* An addition to a set, which may collect its errors (medins_load_options.errors). */
static int add(medins_policy_set *set, const char *dir, const char *path, const char *id,
               const medins_load_options *given, medins_error **err)
{
    medins_load_options o;
    int rc = mdn_load_options_of(&o, given, err);
    if (rc < 0)
        return rc;
    const medins_load_options *opts = &o;
    medins_error_list *list = mdn_load_errors(opts);
    medins_error *first = NULL;
    medins_error **e = list ? &first : err;
    char *p = (char *)path, *i = (char *)id;
    mdn_error_list_clear(list);
    rc = dir ? add_dir(set, dir, opts, e) : add_files(set, &p, &i, 1, opts, e);
    return list ? mdn_load_finish(list, rc, first, err) : rc;
}

int medins_policy_set_add_dir(medins_policy_set *set, const char *dir, const medins_load_options *opts,
                              medins_error **err)
{
    if (!set || !dir)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "set and dir are required");
    return add(set, dir, NULL, NULL, opts, err);
}

int medins_policy_set_add_file(medins_policy_set *set, const char *path, const char *id,
                               const medins_load_options *opts, medins_error **err)
{
    if (!set || !path)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "set and path are required");
    return add(set, NULL, path, id, opts, err);
}

int medins_policy_set_add_texts(medins_policy_set *set, size_t n, const char *const *ids,
                                const char *const *names, const char *const *texts,
                                const size_t *lens, const medins_load_options *opts,
                                medins_error **err)
{
    if (!set || (n && (!names || !texts || !lens)))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "set, and names, texts and lens for %zu texts, are required", n);
    mdn_source_text *t = calloc(n + 1, sizeof *t);
    if (!t)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (!names[i] || (!texts[i] && lens[i]))
            rc = mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "text %zu has no name or no text",
                           i);
        t[i] = (mdn_source_text){ .id = ids ? ids[i] : NULL, .file = names[i],
                                  .text = texts[i] ? texts[i] : "", .len = lens[i] };
    }
    if (rc == 0)
        rc = mdn_set_add_texts(set, t, n, true, opts, err);
    free(t);
    return rc;
}

/* ---- loading one policy, its base from a set ---------------------------------------------- */

/* A load of `text`, or of the file `path` when text is NULL. */
static int load_one(medins_policy **out, const char *name, const char *path, const char *text, size_t len,
                    const medins_policy_set *bases, const medins_load_options *opts, medins_error **err)
{
    mdn_pending pd;
    char *read = NULL;
    if (path) {
        int rc = mdn_read_file(path, opts, &read, &len, err);
        if (rc)
            return rc;
        text = read;
    }
    int rc = mdn_policy_parse(&pd, NULL, name, text, len, opts, err);
    free(read);
    if (rc)
        return rc;
    const medins_policy *base = NULL;
    medins_policy_set *tmp = NULL;
    if (pd.base_id && (rc = resolve_base(&base, &tmp, bases, pd.base_id, pd.base_node, err))) {
        medins_policy_free(pd.policy);
        return rc;
    }
    rc = mdn_policy_finish(&pd, base, err);
    medins_policy_set_free(tmp);
    if (rc == 0)
        *out = pd.policy;
    return rc;
}

/* load_one, which may collect its errors (medins_load_options.errors). */
static int load_text(medins_policy **out, const char *name, const char *path, const char *text, size_t len,
                     const medins_policy_set *bases, const medins_load_options *given, medins_error **err)
{
    medins_load_options o;
    int rc = mdn_load_options_of(&o, given, err);
    if (rc < 0)
        return rc;
    const medins_load_options *opts = &o;
    medins_error_list *list = mdn_load_errors(opts);
    if (!list)
        return load_one(out, name, path, text, len, bases, opts, err);
    medins_error *first = NULL;
    medins_policy *p = NULL;
    mdn_error_list_clear(list);
    rc = load_one(&p, name, path, text, len, bases, opts, &first);
    rc = mdn_load_finish(list, rc, first, err);
    if (rc == 0)
        *out = p;
    else
        medins_policy_free(p);
    return rc;
}

int medins_policy_load_file(medins_policy **out, const char *path, const medins_policy_set *bases,
                            const medins_load_options *opts, medins_error **err)
{
    if (!out || !path)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "out and path are required");
    return load_text(out, path, path, NULL, 0, bases, opts, err);
}

int medins_policy_load_string(medins_policy **out, const char *name, const char *yaml, size_t len,
                              const medins_policy_set *bases, const medins_load_options *opts,
                              medins_error **err)
{
    if (!out || (!yaml && len))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "out and yaml are required");
    return load_text(out, name ? name : "<string>", NULL, yaml ? yaml : "", len, bases, opts, err);
}
