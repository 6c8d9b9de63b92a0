/*
 * Policy sets: policies indexed by region and effective dates. Additions are all or nothing:
 * every new file is parsed, ordered by its base, merged and bound, and checked for overlapping
 * years before the set changes at all. Policies a later addition replaces stay alive until the
 * set is freed, so pointers handed out earlier never dangle.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader.h"

struct medins_policy_set {
    medins_policy **items;     /* ordered by region, effective date, id */
    size_t n;
    medins_policy **retired;   /* replaced by an addition; freed with the set */
    size_t nretired;
};

const char *medins_default_region(void)
{
    return "tianjin";
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

int mdn_resolve_base(const medins_policy **out, medins_policy_set **tmp, const medins_policy_set *bases,
                     const char *id, const mdn_node *at, medins_error **err)
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

int mdn_set_add_texts(medins_policy_set *set, const mdn_source_text *texts, size_t n, bool use_embedded,
                      const medins_load_options *opts, medins_error **err)
{
    batch bt = { .texts = texts, .n = n };
    bt.pd = calloc(n + 1, sizeof *bt.pd);
    bt.built = calloc(n + 1, sizeof *bt.built);
    bt.state = calloc(n + 1, sizeof *bt.state);
    bt.order = calloc(n + 1, sizeof *bt.order);
    medins_policy_set *embedded = NULL;
    size_t parsed = 0;
    int rc = 0;
    if (!bt.pd || !bt.built || !bt.state || !bt.order) {
        rc = mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (; parsed < n; parsed++)
        if ((rc = mdn_policy_parse(&bt.pd[parsed], texts[parsed].id, texts[parsed].file, texts[parsed].text,
                                   texts[parsed].len, opts, err)))
            goto done;
    for (size_t i = 0; i < n; i++)
        if (bt.state[i] == 0 && (rc = order_visit(&bt, i, err)))
            goto done;
    for (size_t k = 0; k < n; k++) {
        size_t i = bt.order[k];
        const mdn_pending *pd = &bt.pd[i];
        const medins_policy *base = NULL;
        if (pd->base_id) {
            size_t j = batch_find(&bt, pd->base_id);
            base = j != (size_t)-1 ? bt.built[j] : medins_policy_set_get(set, pd->base_id);
            if (!base && use_embedded) {
                if (!embedded && (rc = medins_policy_set_open_embedded(&embedded, err)))
                    goto done;
                base = medins_policy_set_get(embedded, pd->base_id);
            }
            if (!base) {
                const mdn_node *at = pd->base_node;
                rc = mdn_error(err, MEDINS_ERR_BASE, at->file, at->line, at->col,
                               "base policy %s does not exist", pd->base_id);
                goto done;
            }
        }
        /* finish takes the shell over (and frees it on error). */
        medins_policy *shell = bt.pd[i].policy;
        bt.pd[i].policy = NULL;
        mdn_pending one = *pd;
        one.policy = shell;
        if ((rc = mdn_policy_finish(&one, base, err)))
            goto done;
        bt.built[i] = one.policy;
    }
    rc = commit(set, bt.built, n, err);
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

/* Every *.yaml below root/rel; depth-limited so that a symlink loop cannot recurse forever. */
static int walk(const char *root, const char *rel, int depth, file_list *l, medins_error **err)
{
    size_t need = strlen(root) + strlen(rel) + 2;
    char *dirpath = malloc(need);
    if (!dirpath)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    snprintf(dirpath, need, "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *d = opendir(dirpath);
    if (!d) {
        int rc = mdn_error(err, MEDINS_ERR_IO, dirpath, 0, 0, "cannot read the folder");
        free(dirpath);
        return rc;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t clen = strlen(rel) + strlen(e->d_name) + 2;
        char *child = malloc(clen);
        size_t flen = strlen(dirpath) + strlen(e->d_name) + 2;
        char *full = malloc(flen);
        if (!child || !full) {
            free(child);
            free(full);
            rc = mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        snprintf(child, clen, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(full, flen, "%s/%s", dirpath, e->d_name);
        struct stat st;
        if (stat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < 16)
                rc = walk(root, child, depth + 1, l, err);
            else if (S_ISREG(st.st_mode) && has_yaml_suffix(e->d_name) && list_add(l, child))
                rc = mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
        }
        free(child);
        free(full);
    }
    closedir(d);
    free(dirpath);
    return rc;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
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

int medins_policy_set_add_dir(medins_policy_set *set, const char *dir, const medins_load_options *opts,
                              medins_error **err)
{
    if (!set || !dir)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "set and dir are required");
    file_list l = { 0 };
    int rc = walk(dir, "", 0, &l, err);
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

int medins_policy_set_add_file(medins_policy_set *set, const char *path, const char *id,
                               const medins_load_options *opts, medins_error **err)
{
    if (!set || !path)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "set and path are required");
    char *p = (char *)path, *i = (char *)id;
    return add_files(set, &p, &i, 1, opts, err);
}
