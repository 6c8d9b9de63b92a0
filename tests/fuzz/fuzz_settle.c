/*
 * libFuzzer target: one claim settled from arbitrary person, claim and ledger fields against the
 * default 2023 policy. Accepted: the parts add up and the ledger passes its check; refused: the
 * ledger is untouched. Then the settlement is reversed and the ledger must be restored.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <medins.h>

static medins_policy_set *set;
static const medins_policy *policy;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (medins_policy_set_open_embedded(&set, NULL) != 0 ||
        medins_policy_set_lookup(&policy, set, medins_default_region(), 20230601, NULL) != 0)
        abort();
    return 0;
}

/* Consume bytes as little-endian integers; zeros once the input runs out. */
typedef struct reader { const uint8_t *p; size_t n; } reader;

static uint64_t take(reader *r, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes && r->n; i++, r->p++, r->n--)
        v |= (uint64_t)*r->p << (8 * i);
    return v;
}

/* Mostly-sensible values with a chance of anything: small enums, dates in 2023, amounts. */
static int64_t amount(reader *r)
{
    uint64_t sel = take(r, 1);
    if (sel < 200)
        return (int64_t)(take(r, 4) % 100000000u);
    return (int64_t)take(r, 8);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = {data, size};
    medins_person p;
    medins_claim c;
    medins_ledger l;
    medins_person_init(&p);
    medins_claim_init(&c);
    p.scheme = (medins_scheme)(int8_t)take(&r, 1);
    p.category = (medins_category)(int8_t)take(&r, 1);
    p.tier = (medins_tier)(int8_t)take(&r, 1);
    p.birth_date = 19000101 + (medins_date)(take(&r, 4) % 1300000);
    p.groups = (uint32_t)take(&r, 2);
    p.family_doctor = (int64_t)take(&r, 1);
    c.id = 1;
    c.date = 20230101 + (medins_date)(take(&r, 2) % 1300);
    c.kind = (medins_claim_kind)(int8_t)take(&r, 1);
    c.level = (medins_level)(int8_t)take(&r, 1);
    c.institution = (int64_t)take(&r, 1);
    c.total = amount(&r);
    /* parts mostly below the total; negative or too large now and then (refusals) */
    int64_t room = c.total < 0 ? 0 : c.total;
    c.self_paid = amount(&r) % (room / 2 + 1);
    c.category_b = amount(&r) % (room / 3 + 1);
    medins_ledger_init(&l, 2023);
    if (take(&r, 1) & 1) {
        /* some history, possibly inconsistent */
        l.seq = (uint32_t)take(&r, 1);
        l.last_date = l.seq ? 20230101 + (medins_date)(take(&r, 2) % 1300) : 0;
        l.admissions = (int32_t)take(&r, 1);
        for (int k = 0; k < MEDINS_POOL_COUNT; k++) {
            l.deductible[k] = amount(&r);
            l.position[k] = amount(&r);
            l.fund[k] = amount(&r);
        }
        l.outpatient_costs = amount(&r);
        l.major_base = amount(&r);
        l.major_fund = amount(&r);
        l.assist_base = amount(&r);
        l.assist_fund = amount(&r);
        l.account_balance = amount(&r);
        l.carry_over = amount(&r);
        l.thrifty_years = (int32_t)take(&r, 1);
    }
    medins_ledger before = l;
    medins_result *res = NULL;
    int rc = medins_settle(&res, policy, &p, &c, &l, NULL);
    if (rc != 0) {
        if (res || memcmp(&l, &before, sizeof l) != 0)
            abort();
        return 0;
    }
    const medins_settlement *s = medins_result_settlement(res);
    if (s->fund + s->major_disease + s->assistance + s->patient != c.total || s->fund < 0 ||
        s->patient < 0 || s->fund > s->in_scope || s->account > s->patient ||
        medins_ledger_check(&l, NULL) != 0)
        abort();
    if (medins_settle_reverse(&l, res, NULL) != 0 || memcmp(&l, &before, sizeof l) != 0)
        abort();
    medins_result_free(res);
    return 0;
}
