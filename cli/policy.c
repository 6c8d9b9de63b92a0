/* medins policy check | show | diff | coverage: what the policies say, and where. */
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char help[] =
    "Usage: medins policy check [--policies DIR] FILE|DIR...\n"
    "       medins policy show [--policies DIR] REGION DATE\n"
    "       medins policy diff [--policies DIR] A B\n"
    "       medins policy coverage [--policies DIR] [ID]\n"
    "\n"
    "  check      validate policy files (a directory: every *.yaml below it, as a set); each\n"
    "             error is printed as file:line:col: message [CODE]; exit status 3 if any is\n"
    "             invalid, 5 if one cannot be read\n"
    "  show       the policy of REGION in force on DATE (2023-06-01): its sources, then every\n"
    "             value with its citation and file:line:col\n"
    "  diff       the values that differ between A and B (policy ids such as tianjin/2022, or\n"
    "             files), each with its citation; rows are paired by their id, or by their\n"
    "             selectors when they have none, not by their position\n"
    "  coverage   for each policy (or only ID): how many values it holds, how many of them cite\n"
    "             an official text, a third-party source or are assumed, then the assumed ones\n"
    "             with their reasons and the third-party ones with their citations\n"
    "\n"
    "Options:\n"
    "  --policies DIR   use the policies below DIR instead of the ones compiled into the library\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 success, 2 usage, 3 policy error (invalid file, nothing in force), 5 I/O error.\n";

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
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

/* ---- check ---------------------------------------------------------------------------- */

static int check(cli_policies *pol, int n, char **paths)
{
    int failed = EXIT_OK;
    for (int i = 0; i < n; i++) {
        medins_error *err = NULL;
        int rc;
        if (is_dir(paths[i])) {
            medins_policy_set *set = NULL;
            rc = medins_policy_set_new(&set, &err);
            if (rc == 0)
                rc = medins_policy_set_add_dir(set, paths[i], NULL, &err);
            if (rc == 0)
                printf("%s: ok: %zu policies\n", paths[i], medins_policy_set_count(set));
            medins_policy_set_free(set);
        } else {
            medins_policy *p = NULL;
            rc = medins_policy_load_file(&p, paths[i], pol->set, NULL, &err);
            if (rc == 0) {
                size_t nv = medins_policy_value_count(p), na, nt;
                count_kinds(p, &na, &nt);
                printf("%s: ok: %s, %zu values (%zu third-party, %zu assumed), %zu sources\n",
                       paths[i], medins_policy_id(p), nv, nt, na, medins_policy_source_count(p));
            }
            medins_policy_free(p);
        }
        if (rc != 0) {
            /* Status 5 when a file could not be read, else 3 when one is invalid. */
            int st = policy_fail(err, rc, paths[i]);
            failed = st > failed ? st : failed;
        }
    }
    return failed;
}

/* ---- show ------------------------------------------------------------------------------ */

static int show(cli_policies *pol, const char *region, const char *date_text)
{
    medins_date date;
    const medins_policy *p;
    medins_error *err = NULL;
    if (cli_parse_date(&date, date_text, strlen(date_text)) != 0)
        return cli_usage_error("'%s' is not a date (2023-06-01)", date_text);
    int rc = medins_policy_set_lookup(&p, pol->set, region, date, &err);
    if (rc != 0)
        return policy_fail(err, rc, region);
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

/* A policy named by id in the set, or by a file path (loaded; *owned to free). */
static int resolve(const medins_policy **out, medins_policy **owned, cli_policies *pol, const char *name)
{
    medins_error *err = NULL;
    *owned = NULL;
    const medins_policy *p = medins_policy_set_get(pol->set, name);
    if (p) {
        *out = p;
        return 0;
    }
    if (!is_file(name)) {
        cli_warn("no policy with id '%s' and no such file", name);
        return EXIT_POLICY;
    }
    int rc = medins_policy_load_file(owned, name, pol->set, NULL, &err);
    if (rc != 0)
        return policy_fail(err, rc, name);
    *out = *owned;
    return 0;
}

/* The value of p whose key (its path with rows named, not numbered) is `key`, or NULL. */
static const medins_value *find_key(const medins_policy *p, const char *key)
{
    for (size_t i = 0; i < medins_policy_value_count(p); i++)
        if (strcmp(medins_policy_value(p, i)->key, key) == 0)
            return medins_policy_value(p, i);
    return NULL;
}

static int diff(cli_policies *pol, const char *an, const char *bn)
{
    const medins_policy *a, *b;
    medins_policy *oa, *ob;
    int rc = resolve(&a, &oa, pol, an);
    if (rc != 0)
        return rc;
    if ((rc = resolve(&b, &ob, pol, bn)) != 0) {
        medins_policy_free(oa);
        return rc;
    }
    size_t changed = 0, removed = 0, added = 0;
    printf("%s--- %s%s\n%s+++ %s%s\n", cli_red, medins_policy_id(a), cli_reset, cli_bold,
           medins_policy_id(b), cli_reset);
    for (size_t i = 0; i < medins_policy_value_count(a); i++) {
        const medins_value *va = medins_policy_value(a, i);
        const medins_value *vb = find_key(b, va->key);
        if (!vb) {
            printf("- %s = %s\n", va->key, va->text);
            print_citation(va, "      ");
            removed++;
        } else if (strcmp(va->text, vb->text) != 0) {
            printf("~ %s: %s -> %s\n", va->key, va->text, vb->text);
            print_citation(va, "    - ");
            print_citation(vb, "    + ");
            changed++;
        }
    }
    for (size_t i = 0; i < medins_policy_value_count(b); i++) {
        const medins_value *vb = medins_policy_value(b, i);
        if (!find_key(a, vb->key)) {
            printf("+ %s = %s\n", vb->key, vb->text);
            print_citation(vb, "      ");
            added++;
        }
    }
    printf("%zu changed, %zu only in %s, %zu only in %s\n", changed, removed, medins_policy_id(a),
           added, medins_policy_id(b));
    medins_policy_free(oa);
    medins_policy_free(ob);
    return EXIT_OK;
}

/* ---- coverage -------------------------------------------------------------------------- */

static void coverage_list(const medins_policy *p, int third_party)
{
    for (size_t i = 0; i < medins_policy_value_count(p); i++) {
        const medins_value *v = medins_policy_value(p, i);
        if (third_party ? !v->third_party : !v->assumed)
            continue;
        printf("  %s = %s  %s%s:%u:%u%s\n      %s%s%s\n", v->path, v->text, cli_dim,
               v->file ? v->file : "?", v->line, v->column, cli_reset,
               third_party ? v->source : "", third_party ? ": " : "", v->at ? v->at : "");
    }
}

static void coverage_one(const medins_policy *p)
{
    size_t nv = medins_policy_value_count(p), na, nt;
    count_kinds(p, &na, &nt);
    printf("%s%s%s: %zu values, %zu official, %zu third-party, %zu assumed\n", cli_bold,
           medins_policy_id(p), cli_reset, nv, nv - na - nt, nt, na);
    coverage_list(p, 0);
    if (nt)
        printf("  third-party:\n");
    coverage_list(p, 1);
}

static int coverage(cli_policies *pol, const char *id)
{
    if (id) {
        const medins_policy *p;
        medins_policy *owned;
        int rc = resolve(&p, &owned, pol, id);
        if (rc != 0)
            return rc;
        coverage_one(p);
        medins_policy_free(owned);
        return EXIT_OK;
    }
    size_t n = medins_policy_set_count(pol->set);
    if (n == 0) {
        cli_warn("no policies");
        return EXIT_POLICY;
    }
    for (size_t i = 0; i < n; i++)
        coverage_one(medins_policy_set_at(pol->set, i));
    return EXIT_OK;
}

/* ---- The command ------------------------------------------------------------------------ */

int cmd_policy(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        CLI_POLICY_LONGOPTS,
        {NULL, 0, NULL, 0}
    };
    cli_policy_opts popts = {0};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (opt == 'P')
            return cli_usage_error("--policy does not apply here: name the file as an argument");
        if (cli_policy_opt(&popts, opt, optarg))
            continue;
        if (opt == 'h') {
            fputs(help, stdout);
            return EXIT_OK;
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
        rc = check(&pol, nargs, args);
    else if (!strcmp(sub, "show"))
        rc = show(&pol, args[0], args[1]);
    else if (!strcmp(sub, "diff"))
        rc = diff(&pol, args[0], args[1]);
    else
        rc = coverage(&pol, nargs ? args[0] : NULL);
    cli_policies_close(&pol);
    if (rc == 0 && fflush(stdout) != 0)
        rc = EXIT_IO;
    return rc;
}
