/*
 * Which policy is in force? Prints the policy of a region on a date, its sources, and its
 * first values with where each is written and what it cites.
 *
 *   policy_in_force [-d POLICY_DIR] [REGION [YYYYMMDD]]
 *
 * Without -d the policies compiled into the library are used; REGION defaults to
 * medins_default_region() and the date to 20230601.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <medins.h>

static int fail(const char *what, medins_error *err)
{
    fprintf(stderr, "%s: %s", what, medins_error_message(err));
    if (medins_error_file(err))
        fprintf(stderr, " (%s:%u:%u)", medins_error_file(err), medins_error_line(err), medins_error_column(err));
    fprintf(stderr, " [%s]\n", medins_status_name(medins_error_code(err)));
    medins_error_free(err);
    return EXIT_FAILURE;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *region = medins_default_region();
    medins_date date = 20230601;
    int arg = 1;
    if (arg + 1 < argc && strcmp(argv[arg], "-d") == 0) {
        dir = argv[arg + 1];
        arg += 2;
    }
    if (arg < argc)
        region = argv[arg++];
    if (arg < argc)
        date = (medins_date)atoi(argv[arg++]);

    medins_policy_set *set = NULL;
    medins_error *err = NULL;
    if (dir ? medins_policy_set_new(&set, &err) || medins_policy_set_add_dir(set, dir, NULL, &err)
            : medins_policy_set_open_embedded(&set, &err)) {
        medins_policy_set_free(set);
        return fail(dir ? dir : "embedded policies", err);
    }

    const medins_policy *p = NULL;
    if (medins_policy_set_lookup(&p, set, region, date, &err)) {
        medins_policy_set_free(set);
        return fail("lookup", err);
    }
    medins_date to = medins_policy_effective_to(p);
    printf("%s on %d: %s\n  %s, in force from %d%s", region, (int)date, medins_policy_id(p), medins_policy_title(p),
           (int)medins_policy_effective_from(p), to ? " to " : " (open-ended)\n");
    if (to)
        printf("%d\n", (int)to);

    printf("\nsources:\n");
    for (size_t i = 0; i < medins_policy_source_count(p); i++) {
        const medins_source *s = medins_policy_source(p, i);
        printf("  %-24s %s%s%s [%s]\n", s->id, s->title, *s->number ? ", " : "", s->number, s->kind);
    }

    size_t n = medins_policy_value_count(p);
    printf("\nvalues (%zu; the first 12):\n", n);
    for (size_t i = 0; i < n && i < 12; i++) {
        const medins_value *v = medins_policy_value(p, i);
        const medins_source *s = v->source ? medins_policy_find_source(p, v->source) : NULL;
        printf("  %-44s %-9s %s:%u:%u\n      %s%s%s\n", v->path, v->text, v->file, v->line, v->column,
               s ? s->title : "assumed", ": ", v->at);
    }
    medins_policy_set_free(set);
    return EXIT_SUCCESS;
}
