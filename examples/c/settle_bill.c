/*
 * Settle a hospital bill with the shipped default policy and print every explained line.
 *
 *   settle_bill [TOTAL_YUAN [LEVEL]]     e.g. settle_bill 25000 l3
 *
 * An employee in service is admitted once to a level-3 hospital on 1 June 2023 (the policy in
 * force that day is looked up in the embedded set); the same bill is then refunded, which must
 * restore the ledger exactly.
 */
#include <medins.h>

#include <stdio.h>
#include <string.h>

static int fail(medins_error *err, int rc)
{
    fprintf(stderr, "error %s: %s\n", medins_status_name(rc), err ? medins_error_message(err) : "");
    medins_error_free(err);
    return 1;
}

int main(int argc, char **argv)
{
    medins_error *err = NULL;
    medins_policy_set *set = NULL;
    const medins_policy *policy = NULL;
    int rc;

    medins_claim claim;
    medins_claim_init(&claim);
    claim.date = 20230601;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    if ((rc = medins_money_parse(&claim.total, argc > 1 ? argv[1] : "25000", &err)) < 0)
        return fail(err, rc);
    if (argc > 2 && (rc = medins_level_parse(&claim.level, argv[2])) < 0)
        return fail(NULL, rc);

    if ((rc = medins_policy_set_open_embedded(&set, &err)) < 0)
        return fail(err, rc);
    if ((rc = medins_policy_set_lookup(&policy, set, medins_default_region(), claim.date, &err)) < 0) {
        medins_policy_set_free(set);
        return fail(err, rc);
    }

    medins_person person;
    medins_person_init(&person);   /* an employee in service */
    person.birth_date = 19750402;
    medins_ledger ledger, before;
    medins_ledger_init(&ledger, 2023);
    before = ledger;

    medins_result *result = NULL;
    if ((rc = medins_settle(&result, policy, &person, &claim, &ledger, &err)) < 0) {
        medins_policy_set_free(set);
        return fail(err, rc);
    }

    char a[24], b[24];
    const medins_settlement *s = medins_result_settlement(result);
    printf("%s: total %s yuan\n", medins_result_policy_id(result),
           (medins_money_format(a, sizeof a, s->total), a));
    for (size_t i = 0; i < medins_result_line_count(result); i++) {
        const medins_line *l = medins_result_line(result, i);
        medins_money_format(a, sizeof a, l->amount);
        printf("  %-24s %12s  %s\n", l->rule, a, l->text);
        if (l->file)
            printf("  %-24s %12s  %s:%u: %s\n", "", "", l->file, l->line, l->citation);
    }
    medins_money_format(a, sizeof a, s->fund);
    medins_money_format(b, sizeof b, s->patient);
    printf("fund %s, patient %s%s\n", a, b, s->assumed ? " (uses assumed values)" : "");

    /* A refund restores the ledger byte for byte. */
    rc = medins_settle_reverse(&ledger, result, &err);
    int same = rc == 0 && memcmp(&ledger, &before, sizeof ledger) == 0;
    printf("refund: ledger %s\n", same ? "restored" : "NOT restored");

    medins_result_free(result);
    medins_policy_set_free(set);
    if (rc < 0)
        return fail(err, rc);
    return same ? 0 : 1;
}
