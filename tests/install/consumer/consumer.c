/*
 * A program built against an installed libmedins only: the umbrella header, the library found
 * through pkg-config, and optionally the installed policy files.
 *
 *   consumer [POLICY_DIR]
 *
 * Settles one claim with the embedded tianjin/2023 and, given POLICY_DIR, again with the same
 * policy read from POLICY_DIR: both must give the figures worked out below. Exits 0 on success.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <medins.h>

/*
 * An employee in service, first admission of 2023 at a level-3 hospital, 10,000 yuan all in
 * scope (tianjin/2023 as worked in the golden settlements of the test suite):
 *   deductible of a first level-3 admission: 1,700 yuan = 170000 fen (I1);
 *   the rest 1000000 - 170000 = 830000 at the employees' level-3 85% below 100,000: 705500;
 *   patient 1000000 - 705500 = 294500, below the 15,000 major-disease deductible: no layer.
 */
enum { TOTAL = 1000000, FUND = 705500, PATIENT = 294500, DEDUCTIBLE = 170000 };

static int settle_with(const medins_policy_set *set, const char *what)
{
    medins_error *err = NULL;
    const medins_policy *policy = NULL;
    medins_person person;
    medins_claim claim;
    medins_ledger ledger;
    medins_result *result = NULL;

    if (medins_policy_set_lookup(&policy, set, "tianjin", 20230601, &err)) {
        fprintf(stderr, "%s: lookup: %s\n", what, medins_error_message(err));
        medins_error_free(err);
        return 1;
    }
    medins_person_init(&person);
    person.birth_date = 19800315;
    medins_claim_init(&claim);
    claim.id = 1;
    claim.date = 20230601;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    claim.total = TOTAL;
    medins_ledger_init(&ledger, 2023);
    if (medins_settle(&result, policy, &person, &claim, &ledger, &err)) {
        fprintf(stderr, "%s: settle: %s\n", what, medins_error_message(err));
        medins_error_free(err);
        return 1;
    }
    const medins_settlement *s = medins_result_settlement(result);
    int bad = !s || s->fund != FUND || s->patient != PATIENT || s->deductible != DEDUCTIBLE ||
              s->major_disease != 0 || s->assistance != 0;
    printf("%s: %s fund %lld patient %lld deductible %lld%s\n", what, medins_policy_id(policy),
           s ? (long long)s->fund : -1LL, s ? (long long)s->patient : -1LL,
           s ? (long long)s->deductible : -1LL, bad ? " (WRONG)" : "");
    medins_result_free(result);
    return bad;
}

int main(int argc, char **argv)
{
    medins_policy_set *set = NULL;
    medins_error *err = NULL;
    int failed = 0;

    /* The headers found must be those of the library loaded. */
    if (strcmp(medins_version(), MEDINS_VERSION_STRING) != 0) {
        fprintf(stderr, "headers %s, library %s\n", MEDINS_VERSION_STRING, medins_version());
        return EXIT_FAILURE;
    }
    if (medins_policy_set_open_embedded(&set, &err)) {
        fprintf(stderr, "embedded policies: %s\n", medins_error_message(err));
        medins_error_free(err);
        return EXIT_FAILURE;
    }
    failed += settle_with(set, "embedded");
    medins_policy_set_free(set);

    if (argc > 1) {
        set = NULL;
        if (medins_policy_set_new(&set, &err) || medins_policy_set_add_dir(set, argv[1], NULL, &err)) {
            fprintf(stderr, "%s: %s\n", argv[1], medins_error_message(err));
            medins_error_free(err);
            medins_policy_set_free(set);
            return EXIT_FAILURE;
        }
        failed += settle_with(set, "installed files");
        medins_policy_set_free(set);
    }
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
