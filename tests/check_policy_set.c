/*
 * Policy sets: folders loaded in base order, lookup by region and date on both sides of a
 * boundary, overlapping years, missing and cyclic bases, replacement, and the embedded set.
 *
 * tests/data/loader/set/testland: 2022.yaml (2022-01-01..2022-12-31), 2023.yaml (base 2022,
 * from 2023-01-01, open), reform.yaml (kind reform, base 2023). The folder walk's tests build
 * their trees (symbolic links included) in a scratch folder.
 */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy.h"
#include "runner.h"

static medins_policy_set *set;

static void open_set(void)
{
    char dir[1024];
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_new(&set, NULL), 0);
    int rc = medins_policy_set_add_dir(set, medins_test_path(dir, sizeof dir, "data/loader/set"), NULL, &err);
    ck_assert_msg(rc == 0, "add_dir: %s", err ? medins_error_message(err) : "");
}

static void close_set(void)
{
    medins_policy_set_free(set);
    set = NULL;
}

START_TEST(ids_and_order)
{
    ck_assert_uint_eq(medins_policy_set_count(set), 3);
    /* By region, then start date (the reform inherits 2023's), then id. */
    ck_assert_str_eq(medins_policy_id(medins_policy_set_at(set, 0)), "testland/2022");
    ck_assert_str_eq(medins_policy_id(medins_policy_set_at(set, 1)), "testland/2023");
    ck_assert_str_eq(medins_policy_id(medins_policy_set_at(set, 2)), "testland/reform");
    ck_assert_msg(medins_policy_set_at(set, 3) == NULL, "past the end");
    ck_assert_msg(medins_policy_set_get(set, "testland/2023") == medins_policy_set_at(set, 1), "get");
    ck_assert_msg(medins_policy_set_get(set, "testland/2024") == NULL, "get absent");
    ck_assert_str_eq(medins_default_region(), "tianjin");
}
END_TEST

typedef struct lookup_case {
    const char *region;
    medins_date date;
    int rc;
    const char *id;
} lookup_case;

static const lookup_case lookup_cases[] = {
    { "testland", 20220101, 0, "testland/2022" },
    { "testland", 20221231, 0, "testland/2022" },       /* last day of 2022's range */
    { "testland", 20230101, 0, "testland/2023" },       /* first day of 2023's */
    { "testland", 21991231, 0, "testland/2023" },       /* open-ended */
    { "testland", 20211231, MEDINS_ERR_NO_POLICY, NULL },
    { "elsewhere", 20230101, MEDINS_ERR_NO_POLICY, NULL },
    { "testland", 20230230, MEDINS_ERR_DATE, NULL },
    { "testland", 0, MEDINS_ERR_DATE, NULL },
};

START_TEST(lookup_table)
{
    const lookup_case *c = &lookup_cases[_i];
    const medins_policy *p = (const medins_policy *)&p;
    medins_error *err = NULL;
    int rc = medins_policy_set_lookup(&p, set, c->region, c->date, &err);
    ck_assert_msg(rc == c->rc, "%s %d: rc %d", c->region, (int)c->date, rc);
    if (c->id)
        ck_assert_msg(strcmp(medins_policy_id(p), c->id) == 0, "%s %d: %s", c->region, (int)c->date,
                      medins_policy_id(p));
    else
        ck_assert_msg(p == (const medins_policy *)&p && medins_error_code(err) == c->rc, "%s %d: untouched",
                      c->region, (int)c->date);
    medins_error_free(err);
}
END_TEST

START_TEST(inheritance_in_a_folder)
{
    const medins_policy *y23 = medins_policy_set_get(set, "testland/2023");
    /* Region, deductible and the first source come from 2022.yaml; the ratio row `all` is
     * overridden by 2023.yaml with its own citation. */
    ck_assert_str_eq(medins_policy_region(y23), "testland");
    ck_assert_int_eq(medins_policy_effective_to(y23), 0);  /* its own range replaces the base's whole */
    const medins_value *d = medins_policy_find_value(y23, "outpatient.deductible[0].amount");
    ck_assert_msg(d && strcmp(d->text, "800") == 0 && strstr(d->file, "2022.yaml") && d->line == 10 &&
                  strcmp(d->source, "t-2022") == 0, "inherited deductible");
    const medins_value *r = medins_policy_find_value(y23, "outpatient.ratio[0].ratio");
    ck_assert_msg(r && strcmp(r->text, "60%") == 0 && strstr(r->file, "2023.yaml") && strcmp(r->source, "t-2023") == 0,
                  "overridden ratio");
    ck_assert_uint_eq(medins_policy_source_count(y23), 2);
    ck_assert_str_eq(medins_policy_source(y23, 0)->id, "t-2022");
    ck_assert_str_eq(medins_policy_source(y23, 1)->id, "t-2023");

    const medins_policy *reform = medins_policy_set_get(set, "testland/reform");
    ck_assert_msg(medins_policy_in_force(reform, 20230601), "the reform has 2023's dates");
    const medins_value *rd = medins_policy_find_value(reform, "outpatient.deductible[0].amount");
    ck_assert_msg(rd && strcmp(rd->text, "700") == 0 && rd->assumed == 0, "reform deductible");
    ck_assert_str_eq(medins_policy_find_value(reform, "outpatient.ratio[0].ratio")->text, "60%");
    const medins_policy *p = NULL;
    ck_assert_int_eq(medins_policy_set_lookup(&p, set, "testland", 20230601, NULL), 0);
    ck_assert_msg(p == y23, "a reform is never what a lookup finds");
}
END_TEST

START_TEST(single_file_with_bases)
{
    char path[1024];
    medins_policy *p = NULL;
    medins_error *err = NULL;
    medins_test_path(path, sizeof path, "data/loader/set/testland/reform.yaml");
    ck_assert_int_eq(medins_policy_load_file(&p, path, set, NULL, &err), 0);
    ck_assert_str_eq(medins_policy_id(p), "testland/reform");
    ck_assert_str_eq(medins_policy_find_value(p, "outpatient.deductible[0].amount")->text, "700");
    medins_policy_free(p);
    /* Without the set, testland/2023 is not among the embedded policies. */
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, NULL, &err), MEDINS_ERR_BASE);
    /* `base: testland/2023`: the value starts at column 7 of line 3. */
    ck_assert_msg(medins_error_line(err) == 3 && medins_error_column(err) == 7, "at the base: value");
    medins_error_free(err);
}
END_TEST

static void expect_failure(const char *rel, int code, const char *file_suffix, unsigned line, unsigned col)
{
    char dir[1024];
    medins_error *err = NULL;
    size_t before = medins_policy_set_count(set);
    const medins_policy *first = medins_policy_set_at(set, 0);
    int rc = medins_policy_set_add_dir(set, medins_test_path(dir, sizeof dir, rel), NULL, &err);
    ck_assert_msg(rc == code, "%s: %s, expected %s (%s)", rel, medins_status_name(rc), medins_status_name(code),
                  err ? medins_error_message(err) : "");
    const char *f = medins_error_file(err);
    ck_assert_msg(f && strlen(f) >= strlen(file_suffix) && strcmp(f + strlen(f) - strlen(file_suffix), file_suffix) == 0,
                  "%s: file %s", rel, f ? f : "(none)");
    ck_assert_msg(medins_error_line(err) == line && medins_error_column(err) == col, "%s: at %u:%u", rel,
                  medins_error_line(err), medins_error_column(err));
    ck_assert_msg(medins_policy_set_count(set) == before && medins_policy_set_at(set, 0) == first,
                  "%s: the set is unchanged", rel);
    medins_error_free(err);
}

START_TEST(folder_errors)
{
    /* 2022b.yaml (from 2022-07-01) starts inside 2022.yaml's range: reported at the later
     * file's `effective: {` (line 3, column 12). */
    expect_failure("data/loader/overlap", MEDINS_ERR_OVERLAP, "overlap/2022b.yaml", 3, 12);
    /* a -> b -> a: found when a's base b leads back to a, at b's `base: a` (line 3, column 7). */
    expect_failure("data/loader/cycle", MEDINS_ERR_CYCLE, "cycle/b.yaml", 3, 7);
    expect_failure("data/loader/missing", MEDINS_ERR_BASE, "missing/x.yaml", 4, 7);
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_add_dir(set, "/nonexistent/folder", NULL, &err), MEDINS_ERR_IO);
    medins_error_free(err);
}
END_TEST

START_TEST(overlap_with_the_set)
{
    /* Each overlap file alone is fine; the second, added later, overlaps the first in the set. */
    char path[1024];
    medins_error *err = NULL;
    medins_test_path(path, sizeof path, "data/loader/overlap/2022.yaml");
    ck_assert_int_eq(medins_policy_set_add_file(set, path, "overlapland/2022", NULL, &err), 0);
    ck_assert_uint_eq(medins_policy_set_count(set), 4);
    medins_test_path(path, sizeof path, "data/loader/overlap/2022b.yaml");
    ck_assert_int_eq(medins_policy_set_add_file(set, path, "overlapland/mid", NULL, &err), MEDINS_ERR_OVERLAP);
    ck_assert_uint_eq(medins_policy_set_count(set), 4);
    ck_assert_msg(medins_error_line(err) == 3 && medins_error_column(err) == 12, "at 2022b's effective");
    medins_error_free(err);
}
END_TEST

START_TEST(replacement_keeps_old_pointers)
{
    char path[1024];
    const medins_policy *old = medins_policy_set_get(set, "testland/2022");
    medins_test_path(path, sizeof path, "data/loader/replacement.yaml");
    ck_assert_int_eq(medins_policy_set_add_file(set, path, "testland/2022", NULL, NULL), 0);
    ck_assert_uint_eq(medins_policy_set_count(set), 3);
    const medins_policy *now = medins_policy_set_get(set, "testland/2022");
    ck_assert_str_eq(medins_policy_title(now), "Testland 2022, corrected");
    /* The replaced policy stays readable until the set is freed. */
    ck_assert_str_eq(medins_policy_title(old), "Testland 2022");
    /* A file added without an id is named <region>/<file name>. */
    ck_assert_int_eq(medins_policy_set_add_file(set, path, NULL, NULL, NULL), MEDINS_ERR_OVERLAP);
}
END_TEST

/* The embedded set holds exactly the .yaml files of the shipped policies folder. */
static size_t count_yaml(const char *dir)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char sub[2048];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0)
            n++;
        else
            n += count_yaml(sub);
    }
    closedir(d);
    return n;
}

START_TEST(embedded)
{
    medins_policy_set *emb = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_set_open_embedded(&emb, &err);
    ck_assert_msg(rc == 0, "embedded: %s", err ? medins_error_message(err) : "");
    char dir[1024];
    medins_policies_path(dir, sizeof dir, "");
    ck_assert_uint_eq(medins_policy_set_count(emb), count_yaml(dir));
    ck_assert_uint_eq(medins_policy_set_count(emb), mdn_embedded_policy_count);
    for (size_t i = 0; i < mdn_embedded_policy_count; i++) {
        const medins_policy *p = medins_policy_set_get(emb, mdn_embedded_policies[i].id);
        ck_assert_msg(p != NULL, "embedded %s loaded", mdn_embedded_policies[i].id);
        char file[512];
        snprintf(file, sizeof file, "policies/%s.yaml", mdn_embedded_policies[i].id);
        ck_assert_msg(strcmp(p->file, file) == 0, "%s: named %s", mdn_embedded_policies[i].id, p->file);
    }
    medins_policy_set_free(emb);
}
END_TEST

START_TEST(arguments)
{
    medins_policy_set *s = NULL;
    ck_assert_int_eq(medins_policy_set_new(NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_policy_set_new(&s, NULL), 0);
    ck_assert_uint_eq(medins_policy_set_count(s), 0);
    ck_assert_int_eq(medins_policy_set_add_dir(NULL, "x", NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_policy_set_lookup(NULL, s, "t", 20230101, NULL), MEDINS_ERR_ARGUMENT);
    medins_policy_set_free(s);
    medins_policy_set_free(NULL);
    ck_assert_uint_eq(medins_policy_set_count(NULL), 0);
}
END_TEST

/* ---- the folder walk: loops, folders reached twice, limits ------------------------------ */

/* A scratch folder; what the tests make in it is removed in reverse order. */
static char scratch[256];
static char made[16][320];
static int nmade;

static const char *in_scratch(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", scratch, rel);
    return buf;
}

static void remember(const char *rel)
{
    ck_assert_int_lt(nmade, 16);
    in_scratch(made[nmade++], sizeof made[0], rel);
}

static void make_dir(const char *rel)
{
    char path[320];
    ck_assert_int_eq(mkdir(in_scratch(path, sizeof path, rel), 0755), 0);
    remember(rel);
}

static void make_link(const char *rel, const char *target)
{
    char path[320];
    ck_assert_int_eq(symlink(target, in_scratch(path, sizeof path, rel)), 0);
    remember(rel);
}

/* A year of its own region (so that no two overlap), valid alone. */
static void make_policy(const char *rel, const char *region)
{
    char path[320];
    FILE *f = fopen(in_scratch(path, sizeof path, rel), "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f, "format: 1\nregion: %s\neffective: {from: 2023-01-01}\n", region);
    fclose(f);
    remember(rel);
}

static void scratch_open(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/medins-walk-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(scratch));
    nmade = 0;
}

static void scratch_close(void)
{
    while (nmade > 0) {
        const char *path = made[--nmade];
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            rmdir(path);
        else
            unlink(path);
    }
    rmdir(scratch);
}

/* Add the scratch folder `rel` to a new set: the status, with the error's file (relative to the
 * scratch folder) and a part of its message; the set must stay empty on an error. */
static void expect_walk(const char *rel, const medins_load_options *opts, int code, const char *file,
                        const char *message)
{
    char dir[320], want[320];
    medins_policy_set *s = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_new(&s, NULL), 0);
    int rc = medins_policy_set_add_dir(s, in_scratch(dir, sizeof dir, rel), opts, &err);
    ck_assert_msg(rc == code, "%s: %s, expected %s (%s)", rel, medins_status_name(rc), medins_status_name(code),
                  err ? medins_error_message(err) : "");
    if (code) {
        ck_assert_msg(medins_policy_set_count(s) == 0, "%s: the set stays empty", rel);
        ck_assert_str_eq(medins_error_file(err), in_scratch(want, sizeof want, file));
        ck_assert_msg(strstr(medins_error_message(err), message), "%s: message \"%s\" lacks \"%s\"", rel,
                      medins_error_message(err), message);
    }
    medins_error_free(err);
    medins_policy_set_free(s);
}

/*
 * Policies added as texts, ids and names given: the same set as from the folder, in the same
 * way (bases among the texts in any order, then the embedded policies); a text that does not
 * load leaves the set as it was and names its own name and position.
 */
START_TEST(texts_as_files)
{
    static const char year[] =
        "format: 1\nregion: textland\neffective: {from: 2030-01-01, to: 2030-12-31}\n"
        "sources: [{id: s, title: S}]\noutpatient: {cite: \"s: 1\", ratio: [{ratio: 50%}]}\n";
    static const char reform[] =
        "base: textland/2030\nkind: reform\n"
        "sources: [{id: r, title: \"Sixty\", kind: reform}]\n"
        "outpatient: {cite: \"r: set in code\", ratio: [{ratio: 60%}]}\n";
    static const char later[] = "base: tianjin/2023\neffective: {from: 2024-01-01}\n";
    /* The reform first: its base is among the texts, and loads first all the same. */
    const char *ids[] = { "textland/reform", "textland/2030", NULL };
    const char *names[] = { "mem/reform.yaml", "mem/2030.yaml", "mem/tianjin/2024.yaml" };
    const char *texts[] = { reform, year, later };
    const size_t lens[] = { sizeof reform - 1, sizeof year - 1, sizeof later - 1 };
    medins_policy_set *s = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_new(&s, NULL), 0);
    int rc = medins_policy_set_add_texts(s, 3, ids, names, texts, lens, NULL, &err);
    ck_assert_msg(rc == 0, "add_texts: %s", err ? medins_error_message(err) : "");
    ck_assert_uint_eq(medins_policy_set_count(s), 3);
    const medins_policy *p = medins_policy_set_get(s, "textland/reform");
    const medins_value *v = medins_policy_find_value(p, "outpatient.ratio[0].ratio");
    ck_assert_msg(v && strcmp(v->text, "60%") == 0 && strcmp(v->file, "mem/reform.yaml") == 0 &&
                      v->line == 4,
                  "the reform's value from its text: %s", v ? v->file : "none");
    /* No id: "tianjin" (the region) / "2024" (the name without .yaml), as for a file. */
    ck_assert_ptr_nonnull(medins_policy_set_get(s, "tianjin/2024"));

    /* A text that does not load: its name and position, and the set unchanged. */
    static const char bad[] = "base: textland/2030\noutpatient: {ratio: [{ratio: 70%}]}\n";
    const char *bad_ids[] = { "textland/other" };
    const char *bad_names[] = { "mem/other.yaml" };
    const char *bad_texts[] = { bad };
    const size_t bad_lens[] = { sizeof bad - 1 };
    rc = medins_policy_set_add_texts(s, 1, bad_ids, bad_names, bad_texts, bad_lens, NULL, &err);
    ck_assert_int_eq(rc, MEDINS_ERR_CITATION);
    /* "outpatient: {ratio: [{ratio: " is 29 characters: 70% at line 2, column 30. */
    ck_assert_msg(strcmp(medins_error_file(err), "mem/other.yaml") == 0 &&
                      medins_error_line(err) == 2 && medins_error_column(err) == 30,
                  "at %s:%u:%u", medins_error_file(err), medins_error_line(err),
                  medins_error_column(err));
    medins_error_free(err);
    err = NULL;
    ck_assert_uint_eq(medins_policy_set_count(s), 3);
    ck_assert_ptr_null(medins_policy_set_get(s, "textland/other"));
    /* Arguments. */
    ck_assert_int_eq(medins_policy_set_add_texts(NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_policy_set_add_texts(s, 1, ids, NULL, texts, lens, NULL, NULL),
                     MEDINS_ERR_ARGUMENT);
    const char *no_name[] = { NULL };
    ck_assert_int_eq(medins_policy_set_add_texts(s, 1, NULL, no_name, texts, lens, NULL, &err),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_msg(strstr(medins_error_message(err), "text 0 has no name") != NULL, "%s",
                  medins_error_message(err));
    medins_error_free(err);
    ck_assert_int_eq(medins_policy_set_add_texts(s, 0, NULL, NULL, NULL, NULL, NULL, NULL), 0);
    ck_assert_uint_eq(medins_policy_set_count(s), 3);
    medins_policy_set_free(s);
}
END_TEST

START_TEST(walk_refuses_loops)
{
    /* Two links to the folder itself: without a check the walk reads 2^depth folders. The first
     * in name order is refused, with the folder it leads back to. */
    make_dir("p");
    make_policy("p/a.yaml", "a");
    make_link("p/l1", ".");
    make_link("p/l2", ".");
    char root[320], message[400];
    snprintf(message, sizeof message, "a symbolic link loop: this folder is %s again",
             in_scratch(root, sizeof root, "p"));
    expect_walk("p", NULL, MEDINS_ERR_CYCLE, "p/l1", message);
    /* A loop further down, back to the root through `..`. */
    make_dir("q");
    make_dir("q/sub");
    make_link("q/sub/up", "..");
    snprintf(message, sizeof message, "this folder is %s again", in_scratch(root, sizeof root, "q"));
    expect_walk("q", NULL, MEDINS_ERR_CYCLE, "q/sub/up", message);
}
END_TEST

START_TEST(walk_reads_each_folder_once)
{
    /* `alias -> sub` comes first in name order; `sub` itself is then a second path to it, whose
     * policies would be loaded again under other ids. */
    make_dir("p");
    make_dir("p/sub");
    make_policy("p/sub/a.yaml", "a");
    make_link("p/alias", "sub");
    expect_walk("p", NULL, MEDINS_ERR_DUPLICATE, "p/sub", "was read already as");
    /* A link named *.yaml that leads nowhere is a policy that cannot be read. */
    make_dir("r");
    make_link("r/gone.yaml", "nothing.yaml");
    expect_walk("r", NULL, MEDINS_ERR_IO, "r/gone.yaml", "cannot read the file");
}
END_TEST

START_TEST(walk_limits)
{
    /* p/a.yaml, p/b/b.yaml, p/b/c/c.yaml: 2 folders below p and 5 entries (3 files, 2 folders). */
    make_dir("p");
    make_policy("p/a.yaml", "a");
    make_dir("p/b");
    make_policy("p/b/b.yaml", "b");
    make_dir("p/b/c");
    make_policy("p/b/c/c.yaml", "c");
    medins_load_options opts;
    medins_load_options_init(&opts);
    ck_assert_msg(opts.version == 3 && opts.max_dir_depth == 16 && opts.max_dir_entries == 1000, "defaults");
    opts.max_dir_depth = 2;
    opts.max_dir_entries = 5;
    expect_walk("p", &opts, 0, NULL, NULL);
    opts.max_dir_depth = 1;
    expect_walk("p", &opts, MEDINS_ERR_LIMIT, "p/b/c", "folders nested deeper than the limit of 1");
    opts.max_dir_depth = 2;
    opts.max_dir_entries = 4;
    expect_walk("p", &opts, MEDINS_ERR_LIMIT, "p", "more than 4 files and folders");
    /* Options of version 1 end before the folder limits: whatever follows is not read. */
    opts.version = 1;
    opts.max_dir_depth = 0;
    opts.max_dir_entries = 0;
    expect_walk("p", &opts, 0, NULL, NULL);
}
END_TEST

/* ---- every error of an addition (medins_load_options.errors) and its progress ------------ */

static void write_file(const char *rel, const char *text)
{
    char path[320];
    FILE *f = fopen(in_scratch(path, sizeof path, rel), "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void make_file(const char *rel, const char *text)
{
    write_file(rel, text);
    remember(rel);
}

typedef struct steps {
    size_t calls, last_done, total;
    bool in_order;
} steps;

static void count_step(void *data, size_t done, size_t total)
{
    steps *st = data;
    st->in_order = st->in_order && done == st->last_done + 1 && (st->calls == 0 || total == st->total);
    st->calls++;
    st->last_done = done;
    st->total = total;
}

START_TEST(every_error_of_a_folder)
{
    make_dir("p");
    /* a.yaml: two unknown keys (lines 4 and 5); b.yaml is based on it and is not bound, so its
     * own unknown key is not reported; c.yaml lacks `effective`; d.yaml is valid; e.yaml: below. */
    make_file("p/a.yaml", "format: 1\nregion: a\neffective: {from: 2023-01-01}\ncolour: red\nformats: 1\n");
    make_file("p/b.yaml", "format: 1\nbase: a\nregion: b\nbogus: 1\n");
    make_file("p/c.yaml", "format: 1\nregion: c\n");
    make_policy("p/d.yaml", "d");
    /* e.yaml would bind, but names its region twice (an error the parse goes past). */
    make_file("p/e.yaml", "format: 1\nregion: e\nregion: e\neffective: {from: 2023-01-01}\n");
    medins_policy_set *added = NULL;
    medins_error_list *list = NULL;
    ck_assert_int_eq(medins_policy_set_new(&added, NULL), 0);
    ck_assert_int_eq(medins_error_list_new(&list, 10), 0);
    steps st = { .in_order = true };
    medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
    opts.errors = list;
    opts.progress = count_step;
    opts.progress_data = &st;
    char dir[320], a[320];
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_add_dir(added, in_scratch(dir, sizeof dir, "p"), &opts, &err),
                     MEDINS_ERR_DUPLICATE);
    ck_assert_uint_eq(medins_policy_set_count(added), 0);
    /* Every file is read before any is bound: the first error met is e.yaml's. */
    ck_assert_msg(medins_error_line(err) == 3 && strstr(medins_error_file(err), "e.yaml"), "the first error met");
    medins_error_free(err);
    static const struct { const char *file; int code; unsigned line, col; const char *message; } want[] = {
        { "p/a.yaml", MEDINS_ERR_UNKNOWN_KEY, 4, 1, "unknown key \"colour\"" },
        { "p/a.yaml", MEDINS_ERR_UNKNOWN_KEY, 5, 1, "unknown key \"formats\": did you mean \"format\"?" },
        { "p/c.yaml", MEDINS_ERR_MISSING, 1, 1, "required key \"effective\" is missing" },
        { "p/e.yaml", MEDINS_ERR_DUPLICATE, 3, 1, "key \"region\" given twice in one mapping" },
    };
    ck_assert_uint_eq(medins_error_list_count(list), 4);
    for (size_t i = 0; i < 4; i++) {
        const medins_error *e = medins_error_list_get(list, i);
        in_scratch(a, sizeof a, want[i].file);
        ck_assert_msg(strcmp(medins_error_file(e), a) == 0 && medins_error_code(e) == want[i].code &&
                      medins_error_line(e) == want[i].line && medins_error_column(e) == want[i].col &&
                      strcmp(medins_error_message(e), want[i].message) == 0, "error %zu: %s:%u:%u %s", i,
                      medins_error_file(e), medins_error_line(e), medins_error_column(e), medins_error_message(e));
    }
    /* Two steps a file, read and bound (b counted though not bound), one call each, in order. */
    ck_assert_msg(st.calls == 10 && st.total == 10 && st.last_done == 10 && st.in_order, "progress: %zu calls",
                  st.calls);

    /* Mended, the same folder loads whole, its progress counted again. */
    write_file("p/a.yaml", "format: 1\nregion: a\neffective: {from: 2023-01-01}\n");
    write_file("p/b.yaml", "format: 1\nbase: a\nregion: b\n");
    write_file("p/c.yaml", "format: 1\nregion: c\neffective: {from: 2023-01-01}\n");
    write_file("p/e.yaml", "format: 1\nregion: e\neffective: {from: 2023-01-01}\n");
    st = (steps){ .in_order = true };
    ck_assert_int_eq(medins_policy_set_add_dir(added, dir, &opts, NULL), 0);
    ck_assert_uint_eq(medins_policy_set_count(added), 5);
    ck_assert_uint_eq(medins_error_list_count(list), 0);
    ck_assert_msg(st.calls == 10 && st.in_order, "progress again");

    /* Options of version 2 end before the callback: it is not called. */
    medins_policy_set *v2set = NULL;
    ck_assert_int_eq(medins_policy_set_new(&v2set, NULL), 0);
    opts.version = 2;
    st = (steps){ .in_order = true };
    ck_assert_int_eq(medins_policy_set_add_dir(v2set, dir, &opts, NULL), 0);
    ck_assert_msg(medins_policy_set_count(v2set) == 5 && st.calls == 0, "version 2: no progress");
    medins_policy_set_free(v2set);
    medins_error_list_free(list);
    medins_policy_set_free(added);
}
END_TEST

static Suite *policy_set_suite(void)
{
    Suite *s = suite_create("policy_set");
    TCase *tc = tcase_create("folder");
    tcase_add_checked_fixture(tc, open_set, close_set);
    tcase_add_test(tc, ids_and_order);
    tcase_add_loop_test(tc, lookup_table, 0, sizeof lookup_cases / sizeof lookup_cases[0]);
    tcase_add_test(tc, inheritance_in_a_folder);
    tcase_add_test(tc, single_file_with_bases);
    tcase_add_test(tc, folder_errors);
    tcase_add_test(tc, overlap_with_the_set);
    tcase_add_test(tc, replacement_keeps_old_pointers);
    suite_add_tcase(s, tc);
    tc = tcase_create("walk");
    tcase_add_checked_fixture(tc, scratch_open, scratch_close);
    tcase_add_test(tc, walk_refuses_loops);
    tcase_add_test(tc, walk_reads_each_folder_once);
    tcase_add_test(tc, walk_limits);
    tcase_add_test(tc, every_error_of_a_folder);
    suite_add_tcase(s, tc);
    tc = tcase_create("embedded");
    tcase_add_test(tc, embedded);
    tcase_add_test(tc, arguments);
    tcase_add_test(tc, texts_as_files);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(policy_set_suite)
