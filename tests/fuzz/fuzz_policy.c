/*
 * libFuzzer target: the policy loader on arbitrary bytes (medins_policy_load_string), with the
 * embedded policies as bases so that overlays of the shipped years are reachable. A policy that
 * loads is then used: every value and source is read, and a few claims of each kind are settled
 * with the parts checked to add up, so a hostile but valid file cannot make the engine misbehave.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <medins.h>

static medins_policy_set *bases;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "fuzz target: policy\n");   /* run.sh checks it ran the target asked for */
    if (medins_policy_set_open_embedded(&bases, NULL) != 0)
        bases = NULL;
    return 0;
}

static void exercise(const medins_policy *p)
{
    for (size_t i = 0; i < medins_policy_value_count(p); i++) {
        const medins_value *v = medins_policy_value(p, i);
        if (!v || !v->path || !v->text || medins_policy_find_value(p, v->path) == NULL)
            abort();
    }
    for (size_t i = 0; i < medins_policy_source_count(p); i++)
        if (!medins_policy_source(p, i))
            abort();

    medins_date day = medins_policy_effective_from(p);
    if (!medins_date_valid(day))
        return;
    static const medins_fen totals[] = {0, 1, 99999, 5000000, 100000000000LL};
    for (int scheme = 0; scheme < MEDINS_SCHEME_COUNT; scheme++) {
        medins_person person;
        medins_person_init(&person);
        person.scheme = (medins_scheme)scheme;
        person.category = scheme ? MEDINS_CATEGORY_ADULT : MEDINS_CATEGORY_RETIRED;
        person.tier = scheme ? MEDINS_TIER_HIGH : MEDINS_TIER_NONE;
        person.birth_date = 19500101;
        person.groups = scheme ? MEDINS_GROUP_DIBAO : 0;
        medins_ledger ledger;
        medins_ledger_init(&ledger, day / 10000);
        for (int kind = 0; kind < MEDINS_CLAIM_KIND_COUNT; kind++) {
            for (size_t t = 0; t < sizeof totals / sizeof totals[0]; t++) {
                medins_claim c;
                medins_claim_init(&c);
                c.date = day;
                c.kind = (medins_claim_kind)kind;
                c.level = kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY : MEDINS_LEVEL_3;
                c.total = totals[t];
                c.category_b = totals[t] / 10;
                medins_result *r = NULL;
                if (medins_settle(&r, p, &person, &c, &ledger, NULL) != 0)
                    continue;
                const medins_settlement *s = medins_result_settlement(r);
                if (s->fund + s->major_disease + s->assistance + s->patient != s->total ||
                    s->fund < 0 || s->patient < 0 || s->fund > s->in_scope)
                    abort();
                for (size_t i = 0; i < medins_result_line_count(r); i++)
                    if (!medins_result_line(r, i)->text)
                        abort();
                medins_result_free(r);
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    medins_policy *p = NULL;
    medins_error *e = NULL;
    int rc = medins_policy_load_string(&p, "fuzz.yaml", (const char *)data, size, bases, NULL, &e);
    if (rc == 0) {
        if (!p || e)
            abort();
        exercise(p);
    } else {
        /* a failure returns no policy and an error carrying the same code, one of a policy
         * file's (docs/policy-format.md, "Limits and errors"), naming a file and, but for the
         * text's size and memory, a line and column */
        if (p || !e || medins_error_code(e) != rc || !medins_error_message(e))
            abort();
        bool whole_file = rc == MEDINS_ERR_LIMIT || rc == MEDINS_ERR_NOMEM;
        if (!(rc <= MEDINS_ERR_YAML && rc >= MEDINS_ERR_DUPLICATE) && rc != MEDINS_ERR_NOMEM)
            abort();
        if (!medins_error_file(e) || (!whole_file && (!medins_error_line(e) || !medins_error_column(e))))
            abort();
    }
    medins_policy_free(p);
    medins_error_free(e);
    return 0;
}
