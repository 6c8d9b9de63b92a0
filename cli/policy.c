/* medins policy check | show | diff | coverage: what the policies say, and where. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char help[] =
    "Usage: medins policy check [--policies DIR] [--max-errors N] [--json] FILE|DIR...\n"
    "       medins policy show [--policies DIR] [--json] REGION DATE\n"
    "       medins policy diff [--policies DIR] [--json] A B\n"
    "       medins policy coverage [--policies DIR] [--json] [ID]\n"
    "\n"
    "  check      validate policy files (a directory: every *.yaml below it, as a set); every\n"
    "             error of a file is printed as file:line:col: message [CODE], up to the limit\n"
    "             of --max-errors a file (100); each valid file's id is printed with its counts\n"
    "  show       the policy of REGION in force on DATE (2023-06-01): its sources, then every\n"
    "             value with its citation and file:line:col\n"
    "  diff       the values that differ between A and B, each with its citation; rows are\n"
    "             paired by their id, or by their selectors when they have none, not by their\n"
    "             position\n"
    "  coverage   for each policy (or only ID): how many values it holds, how many of them cite\n"
    "             an official text, a third-party source or are assumed, then the assumed ones\n"
    "             with their reasons and the third-party ones with their citations\n"
    "A and B, and ID, name a policy as --policy does: a file, or a policy id (tianjin/2022,\n"
    "reforms/tianjin-2023-l3-plus5: the ids `check` prints).\n"
    "\n"
    "Options:\n"
    "  --policies DIR     use the policies below DIR instead of the ones compiled into the library\n"
    "  --max-errors N     check: report at most N errors a file (default 100)\n"
    "  --json             print the result as JSON (docs/schemas/policy-*.schema.json)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 success (check: every file valid), 2 usage, 3 policy error (check: a file is\n"
    "invalid; nothing in force; no such policy), 5 a file cannot be read.\n";

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A policy that cannot be read is an I/O error (5); any other failure is the policy's (3). */
static int policy_fail(medins_error *err, int rc, const char *context)
{
    return cli_report(err, rc, context) == EXIT_IO ? EXIT_IO : EXIT_POLICY;
}

static void print_citation(const medins_value *v, const char *indent)
{
    if (v->assumed)
        printf("%s%sassumed: %s%s", indent, cli_yellow, v->at ? v->at : "", cli_reset);
    else
        printf("%s%s%s%s: %s%s", indent, cli_dim, v->third_party ? "third-party " : "",
               v->source ? v->source : "?", v->at ? v->at : "", cli_reset);
    printf("  %s%s:%u:%u%s\n", cli_dim, v->file ? v->file : "?", v->line, v->column, cli_reset);
}

static void print_heading(const medins_policy *p)
{
    char from[11], to[11];
    cli_format_date(from, medins_policy_effective_from(p));
    cli_format_date(to, medins_policy_effective_to(p));
    printf("%s%s%s \xe2\x80\x94 %s\n", cli_bold, medins_policy_id(p), cli_reset, medins_policy_title(p));
    printf("  region %s, in force from %s to %s\n", medins_policy_region(p), from,
           medins_policy_effective_to(p) ? to : "(open-ended)");
}

/* How many of the policy's values are assumed, and how many cite a third-party source. */
static void count_kinds(const medins_policy *p, size_t *assumed, size_t *third_party)
{
    *assumed = *third_party = 0;
    for (size_t i = 0; i < medins_policy_value_count(p); i++) {
        const medins_value *v = medins_policy_value(p, i);
        *assumed += v->assumed != 0;
        *third_party += v->third_party != 0;
    }
}

/* {"id", "title", "region", "from", "to"} of a policy. */
static json_t *policy_json(const medins_policy *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(medins_policy_id(p)));
    json_object_set_new(o, "title", json_string(medins_policy_title(p)));
    json_object_set_new(o, "region", json_string(medins_policy_region(p)));
    cli_json_date(o, "from", medins_policy_effective_from(p));
    cli_json_date(o, "to", medins_policy_effective_to(p));
    return o;
}

/* Print (text) or return (JSON) the document; JSON is written by the caller. */
static int json_out(json_t *doc)
{
    return cli_json_write(stdout, doc) == 0 ? EXIT_OK : EXIT_IO;
}

/* ---- check ---------------------------------------------------------------------------- */

typedef struct check_progress {
    cli_progress bar;
    int path, paths;          /* the path being checked, of how many */
    const char *name;
} check_progress;

/* medins_load_options.progress: the steps of a folder, within its share of the paths. */
static void folder_step(void *data, size_t done, size_t total)
{
    check_progress *cp = data;
    double within = total ? (double)done / (double)total : 0;
    cli_progress_show(&cp->bar, (cp->path + within) / cp->paths, "%s: %zu of %zu files", cp->name,
                      (done + 1) / 2, total / 2);
}

/* A path's errors: on stderr as text, or into `out` (JSON). The status: 5 when the file or folder
 * could not be read, else 3. */
static int report_errors(const char *path, const medins_error_list *list, size_t max, json_t *out)
{
    int status = EXIT_POLICY;
    json_t *errors = json_array();
    for (size_t i = 0; i < medins_error_list_count(list); i++) {
        const medins_error *e = medins_error_list_get(list, i);
        int code = medins_error_code(e);
        if (code == MEDINS_ERR_IO)
            status = EXIT_IO;
        cli_where at = {.file = medins_error_file(e) ? medins_error_file(e) : path,
                        .line = medins_error_line(e), .column = medins_error_column(e), .tagged = 1};
        if (out)
            json_array_append_new(errors, cli_json_error(code, medins_error_message(e), &at));
        else
            cli_error(code, &at, "%s", medins_error_message(e));
    }
    size_t n = medins_error_list_count(list);
    int full = medins_error_list_full(list);
    if (out) {
        json_object_set_new(out, "errors", errors);
        json_object_set_new(out, "more_errors", json_boolean(full));
    } else {
        json_decref(errors);
        cli_where at = {.file = path};
        if (full)
            cli_error(MEDINS_ERR_LIMIT, &at, "%zu errors, and there may be more: the first %zu are "
                      "shown (--max-errors)", n, max);
        else
            cli_error(n ? medins_error_code(medins_error_list_get(list, 0)) : MEDINS_ERR_YAML, &at,
                      "%zu error%s", n, n == 1 ? "" : "s");
    }
    return status;
}

static int check(cli_policies *pol, int n, char **paths, int json, size_t max)
{
    int failed = EXIT_OK;
    json_t *files = json_array();
    check_progress cp = {.paths = n};
    cli_progress_start(&cp.bar, 0);
    for (int i = 0; i < n; i++) {
        medins_error_list *list = NULL;
        if (medins_error_list_new(&list, max) != 0) {
            cli_warn(MEDINS_ERR_NOMEM, "out of memory");
            failed = EXIT_INPUT;
            break;
        }
        medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
        opts.errors = list;
        opts.progress = folder_step;
        opts.progress_data = &cp;
        cp.path = i;
        cp.name = paths[i];
        cli_progress_show(&cp.bar, (double)i / n, "%s", paths[i]);
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(paths[i]));
        int rc;
        if (is_dir(paths[i])) {
            medins_policy_set *set = NULL;
            rc = medins_policy_set_new(&set, NULL);
            if (rc == 0)
                rc = medins_policy_set_add_dir(set, paths[i], &opts, NULL);
            if (rc == 0) {
                json_t *ids = json_array();
                for (size_t k = 0; k < medins_policy_set_count(set); k++)
                    json_array_append_new(ids, json_string(medins_policy_id(medins_policy_set_at(set, k))));
                json_object_set_new(o, "policies", ids);
                if (!json) {
                    cli_progress_end(&cp.bar);
                    printf("%s: ok: %zu policies\n", paths[i], medins_policy_set_count(set));
                }
            }
            medins_policy_set_free(set);
        } else {
            medins_policy *p = NULL;
            rc = medins_policy_load_file(&p, paths[i], pol->set, &opts, NULL);
            if (rc == 0) {
                size_t nv = medins_policy_value_count(p), na, nt;
                count_kinds(p, &na, &nt);
                json_object_set_new(o, "id", json_string(medins_policy_id(p)));
                json_object_set_new(o, "values", json_integer((json_int_t)nv));
                json_object_set_new(o, "third_party", json_integer((json_int_t)nt));
                json_object_set_new(o, "assumed", json_integer((json_int_t)na));
                json_object_set_new(o, "sources", json_integer((json_int_t)medins_policy_source_count(p)));
                if (!json) {
                    cli_progress_end(&cp.bar);
                    printf("%s: ok: %s, %zu values (%zu third-party, %zu assumed), %zu sources\n",
                           paths[i], medins_policy_id(p), nv, nt, na, medins_policy_source_count(p));
                }
            }
            medins_policy_free(p);
        }
        json_object_set_new(o, "ok", json_boolean(rc == 0));
        if (rc != 0) {
            cli_progress_end(&cp.bar);
            /* Status 5 when a file could not be read, else 3 when one is invalid. */
            int st = report_errors(paths[i], list, max, json ? o : NULL);
            failed = st > failed ? st : failed;
        }
        json_array_append_new(files, o);
        medins_error_list_free(list);
    }
    cli_progress_end(&cp.bar);
    if (json) {
        json_t *doc = json_object();
        json_object_set_new(doc, "files", files);
        if (json_out(doc) != EXIT_OK)
            return EXIT_IO;
    } else {
        json_decref(files);
    }
    return failed;
}

/* ---- show ------------------------------------------------------------------------------ */

static json_t *source_json(const medins_source *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(s->id));
    json_object_set_new(o, "title", json_string(s->title ? s->title : ""));
    json_object_set_new(o, "number", json_string(s->number ? s->number : ""));
    json_object_set_new(o, "issuer", json_string(s->issuer ? s->issuer : ""));
    json_object_set_new(o, "date", json_string(s->date ? s->date : ""));
    json_object_set_new(o, "kind", json_string(s->kind ? s->kind : "official"));
    json_object_set_new(o, "file", s->file ? json_string(s->file) : json_null());
    json_object_set_new(o, "line", json_integer(s->line));
    return o;
}

static int show_json(const medins_policy *p)
{
    json_t *doc = json_object(), *pol = policy_json(p), *sections = json_array();
    for (int s = 0; s < MEDINS_SECTION_COUNT; s++)
        if (medins_policy_has_section(p, (medins_section)s))
            json_array_append_new(sections, json_string(medins_section_name((medins_section)s)));
    json_object_set_new(pol, "sections", sections);
    json_object_set_new(doc, "policy", pol);
    json_t *sources = json_array(), *values = json_array();
    for (size_t i = 0; i < medins_policy_source_count(p); i++)
        json_array_append_new(sources, source_json(medins_policy_source(p, i)));
    for (size_t i = 0; i < medins_policy_value_count(p); i++)
        json_array_append_new(values, cli_json_value(medins_policy_value(p, i)));
    json_object_set_new(doc, "sources", sources);
    json_object_set_new(doc, "values", values);
    return json_out(doc);
}

static int show(cli_policies *pol, const char *region, const char *date_text, int json)
{
    medins_date date;
    const medins_policy *p;
    medins_error *err = NULL;
    if (cli_parse_date(&date, date_text, strlen(date_text)) != 0)
        return cli_usage_error("'%s' is not a date (2023-06-01)", date_text);
    int rc = medins_policy_set_lookup(&p, pol->set, region, date, &err);
    if (rc != 0)
        return policy_fail(err, rc, region);
    if (json)
        return show_json(p);
    print_heading(p);
    printf("  sections:");
    for (int s = 0; s < MEDINS_SECTION_COUNT; s++)
        if (medins_policy_has_section(p, (medins_section)s))
            printf(" %s", medins_section_name((medins_section)s));
    printf("\n\n%sSources%s (%zu)\n", cli_bold, cli_reset, medins_policy_source_count(p));
    for (size_t i = 0; i < medins_policy_source_count(p); i++) {
        const medins_source *s = medins_policy_source(p, i);
        printf("  [%s] %s", s->id, s->title);
        if (s->number && *s->number)
            printf(" (%s)", s->number);
        if (s->issuer && *s->issuer)
            printf(", %s", s->issuer);
        if (s->date && *s->date)
            printf(", %s", s->date);
        printf(" \xe2\x80\x94 %s\n      %s%s:%u%s\n", s->kind ? s->kind : "official", cli_dim,
               s->file ? s->file : "?", s->line, cli_reset);
    }
    size_t nv = medins_policy_value_count(p);
    printf("\n%sValues%s (%zu)\n", cli_bold, cli_reset, nv);
    for (size_t i = 0; i < nv; i++) {
        const medins_value *v = medins_policy_value(p, i);
        printf("  %s = %s\n", v->path, v->text);
        print_citation(v, "      ");
    }
    return EXIT_OK;
}

/* ---- diff ------------------------------------------------------------------------------ */

/* The value of p whose key (its path with rows named, not numbered) is `key`, or NULL. */
static const medins_value *find_key(const medins_policy *p, const char *key)
{
    for (size_t i = 0; i < medins_policy_value_count(p); i++)
        if (strcmp(medins_policy_value(p, i)->key, key) == 0)
            return medins_policy_value(p, i);
    return NULL;
}

static int diff(cli_policies *pol, const char *an, const char *bn, int json)
{
    const medins_policy *a, *b;
    medins_policy *oa, *ob;
    int rc = cli_policy_named(&a, &oa, pol->set, an);
    if (rc != 0)
        return rc;
    if ((rc = cli_policy_named(&b, &ob, pol->set, bn)) != 0) {
        medins_policy_free(oa);
        return rc;
    }
    size_t changed = 0, removed = 0, added = 0;
    json_t *jchanged = json_array(), *jremoved = json_array(), *jadded = json_array();
    if (!json)
        printf("%s--- %s%s\n%s+++ %s%s\n", cli_red, medins_policy_id(a), cli_reset, cli_bold,
               medins_policy_id(b), cli_reset);
    for (size_t i = 0; i < medins_policy_value_count(a); i++) {
        const medins_value *va = medins_policy_value(a, i);
        const medins_value *vb = find_key(b, va->key);
        if (!vb) {
            if (json) {
                json_array_append_new(jremoved, cli_json_value(va));
            } else {
                printf("- %s = %s\n", va->key, va->text);
                print_citation(va, "      ");
            }
            removed++;
        } else if (strcmp(va->text, vb->text) != 0) {
            if (json) {
                json_t *o = json_object();
                json_object_set_new(o, "key", json_string(va->key));
                json_object_set_new(o, "a", cli_json_value(va));
                json_object_set_new(o, "b", cli_json_value(vb));
                json_array_append_new(jchanged, o);
            } else {
                printf("~ %s: %s -> %s\n", va->key, va->text, vb->text);
                print_citation(va, "    - ");
                print_citation(vb, "    + ");
            }
            changed++;
        }
    }
    for (size_t i = 0; i < medins_policy_value_count(b); i++) {
        const medins_value *vb = medins_policy_value(b, i);
        if (!find_key(a, vb->key)) {
            if (json) {
                json_array_append_new(jadded, cli_json_value(vb));
            } else {
                printf("+ %s = %s\n", vb->key, vb->text);
                print_citation(vb, "      ");
            }
            added++;
        }
    }
    rc = EXIT_OK;
    if (json) {
        json_t *doc = json_object();
        json_object_set_new(doc, "a", policy_json(a));
        json_object_set_new(doc, "b", policy_json(b));
        json_object_set_new(doc, "changed", jchanged);
        json_object_set_new(doc, "only_in_a", jremoved);
        json_object_set_new(doc, "only_in_b", jadded);
        rc = json_out(doc);
    } else {
        json_decref(jchanged);
        json_decref(jremoved);
        json_decref(jadded);
        printf("%zu changed, %zu only in %s, %zu only in %s\n", changed, removed, medins_policy_id(a),
               added, medins_policy_id(b));
    }
    medins_policy_free(oa);
    medins_policy_free(ob);
    return rc;
}

/* ---- coverage -------------------------------------------------------------------------- */

/* The assumed (or the third-party) values of p: into `list` (JSON), or printed. */
static void coverage_list(const medins_policy *p, int third_party, json_t *list)
{
    for (size_t i = 0; i < medins_policy_value_count(p); i++) {
        const medins_value *v = medins_policy_value(p, i);
        if (third_party ? !v->third_party : !v->assumed)
            continue;
        if (list)
            json_array_append_new(list, cli_json_value(v));
        else
            printf("  %s = %s  %s%s:%u:%u%s\n      %s%s%s\n", v->path, v->text, cli_dim,
                   v->file ? v->file : "?", v->line, v->column, cli_reset,
                   third_party ? v->source : "", third_party ? ": " : "", v->at ? v->at : "");
    }
}

static void coverage_one(const medins_policy *p, json_t *list)
{
    size_t nv = medins_policy_value_count(p), na, nt;
    count_kinds(p, &na, &nt);
    if (list) {
        json_t *o = policy_json(p), *assumed = json_array(), *third = json_array();
        json_object_set_new(o, "values", json_integer((json_int_t)nv));
        json_object_set_new(o, "cited", json_integer((json_int_t)(nv - na)));
        json_object_set_new(o, "official", json_integer((json_int_t)(nv - na - nt)));
        json_object_set_new(o, "third_party", json_integer((json_int_t)nt));
        json_object_set_new(o, "assumed", json_integer((json_int_t)na));
        coverage_list(p, 0, assumed);
        coverage_list(p, 1, third);
        json_object_set_new(o, "assumed_values", assumed);
        json_object_set_new(o, "third_party_values", third);
        json_array_append_new(list, o);
        return;
    }
    printf("%s%s%s: %zu values, %zu official, %zu third-party, %zu assumed\n", cli_bold,
           medins_policy_id(p), cli_reset, nv, nv - na - nt, nt, na);
    coverage_list(p, 0, NULL);
    if (nt)
        printf("  third-party:\n");
    coverage_list(p, 1, NULL);
}

static int coverage(cli_policies *pol, const char *id, int json)
{
    json_t *list = json ? json_array() : NULL;
    if (id) {
        const medins_policy *p;
        medins_policy *owned;
        int rc = cli_policy_named(&p, &owned, pol->set, id);
        if (rc != 0) {
            json_decref(list);
            return rc;
        }
        coverage_one(p, list);
        medins_policy_free(owned);
    } else {
        size_t n = medins_policy_set_count(pol->set);
        if (n == 0) {
            json_decref(list);
            cli_warn(MEDINS_ERR_NO_POLICY, "no policies");
            return EXIT_POLICY;
        }
        for (size_t i = 0; i < n; i++)
            coverage_one(medins_policy_set_at(pol->set, i), list);
    }
    if (!json)
        return EXIT_OK;
    json_t *doc = json_object();
    json_object_set_new(doc, "policies", list);
    return json_out(doc);
}

/* ---- The command ------------------------------------------------------------------------ */

enum { OPT_JSON = 256, OPT_MAX_ERRORS };

int cmd_policy(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"json", no_argument, NULL, OPT_JSON},
        {"max-errors", required_argument, NULL, OPT_MAX_ERRORS},
        CLI_POLICY_LONGOPTS,
        {NULL, 0, NULL, 0}
    };
    cli_policy_opts popts = {0};
    int opt, json = 0;
    size_t max_errors = 100;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (opt == 'P')
            return cli_usage_error("--policy does not apply here: name the file or id as an argument");
        if (cli_policy_opt(&popts, opt, optarg))
            continue;
        if (opt == 'h') {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (opt == OPT_JSON) {
            json = 1;
            continue;
        }
        if (opt == OPT_MAX_ERRORS) {
            int64_t v;
            if (!optarg || cli_parse_int64(&v, optarg, strlen(optarg)) != 0 || v < 1 || v > 100000)
                return cli_usage_error("--max-errors: '%s' is not a whole number from 1 to 100000",
                                       optarg ? optarg : "");
            max_errors = (size_t)v;
            continue;
        }
        return cli_usage_error("invalid option");
    }
    if (optind >= argc)
        return cli_usage_error("expected check, show, diff or coverage");
    const char *sub = argv[optind++];
    int nargs = argc - optind;
    char **args = argv + optind;
    int want_min, want_max;
    if (!strcmp(sub, "check"))
        want_min = 1, want_max = 1 << 20;
    else if (!strcmp(sub, "show") || !strcmp(sub, "diff"))
        want_min = want_max = 2;
    else if (!strcmp(sub, "coverage"))
        want_min = 0, want_max = 1;
    else
        return cli_usage_error("unknown policy command '%s'", sub);
    if (nargs < want_min || nargs > want_max)
        return cli_usage_error("policy %s: wrong number of arguments", sub);

    cli_policies pol;
    int rc = cli_policies_open(&pol, &popts);
    if (rc != 0)
        return rc;
    if (!strcmp(sub, "check"))
        rc = check(&pol, nargs, args, json, max_errors);
    else if (!strcmp(sub, "show"))
        rc = show(&pol, args[0], args[1], json);
    else if (!strcmp(sub, "diff"))
        rc = diff(&pol, args[0], args[1], json);
    else
        rc = coverage(&pol, nargs ? args[0] : NULL, json);
    cli_policies_close(&pol);
    if (rc == 0 && fflush(stdout) != 0)
        rc = EXIT_IO;
    return rc;
}
