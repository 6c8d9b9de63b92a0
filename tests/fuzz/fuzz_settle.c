/*
 * libFuzzer target: one claim settled from arbitrary person, claim and ledger fields against the
 * default 2023 policy. Accepted: the parts add up and the ledger passes its check; refused: the
 * ledger is untouched. Then the settlement is reversed and the ledger must be restored. The
 * batch must give the same statuses, figures and ledger as one claim per call.
 */
#include <stdint.h>
#include <stdio.h>
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
    fprintf(stderr, "fuzz target: settle\n");   /* run.sh checks it ran the target asked for */
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

/*
 * The batch must agree with one claim per call: the claim twice for each of two persons (the
 * second claim sees the ledger the first wrote; the second person may share the first's
 * profile and plans, or must not), in one of four orders, two of which bring a person back
 * after the other's claim, each claim moved by up to three days either way (so that some come
 * before the person's last: refused for their order, or fall on no date at all); same
 * statuses, figures and final ledgers.
 */
#define NP 2
#define NC (2 * NP)
static const int orders[4][NC] = {{0, 0, 1, 1}, {0, 1, 0, 1}, {0, 1, 1, 0}, {1, 0, 0, 1}};

static void batch_agrees(const medins_person p[NP], const medins_claim *c,
                         const medins_ledger start[NP], const int order[NC],
                         const int days[NC])
{
    medins_ledger single[NP], batch[NP];
    medins_settlement want[NC];
    int want_rc[NC];
    int32_t scheme[NP], category[NP], tier[NP], person[NC], kind[NC], level[NC], status[NC];
    medins_date birth[NP], date[NC];
    uint32_t groups[NP];
    int64_t family_doctor[NP], institution[NC];
    medins_fen total[NC], self_paid[NC], category_b[NC], fund[NC], major[NC], assist[NC],
        patient[NC], ded[NC], coins[NC], over[NC], account[NC];
    for (int k = 0; k < NP; k++) {
        single[k] = batch[k] = start[k];
        scheme[k] = p[k].scheme;
        category[k] = p[k].category;
        tier[k] = p[k].tier;
        birth[k] = p[k].birth_date;
        groups[k] = p[k].groups;
        family_doctor[k] = p[k].family_doctor;
    }
    for (int i = 0; i < NC; i++) {
        int k = order[i];
        medins_result *r = NULL;
        medins_claim ci = *c;
        ci.id = i;
        ci.date += days[i];
        memset(&want[i], 0, sizeof want[i]);
        const medins_settle_options figures = {MEDINS_SETTLE_OPTIONS_VERSION, MEDINS_SETTLE_NO_LINES};
        want_rc[i] = medins_settle_ex(&r, policy, &p[k], &ci, &single[k], &figures, NULL);
        if (want_rc[i] == 0)
            want[i] = *medins_result_settlement(r);
        medins_result_free(r);
        person[i] = k;
        kind[i] = c->kind;
        level[i] = c->level;
        date[i] = ci.date;
        institution[i] = c->institution;
        total[i] = c->total;
        self_paid[i] = c->self_paid;
        category_b[i] = c->category_b;
    }
    medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION,
                               .n = NP, .scheme = scheme, .category = category, .tier = tier,
                               .birth_date = birth, .groups = groups,
                               .family_doctor = family_doctor};
    medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                              .n = NC, .person = person, .date = date, .kind = kind, .level = level,
                              .institution = institution, .total = total, .self_paid = self_paid,
                              .category_b = category_b};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION,
                           .fund = fund, .major_disease = major, .assistance = assist,
                           .patient = patient, .deductible = ded, .coinsurance = coins,
                           .over_cap = over, .account = account, .status = status};
    size_t failed = 0;
    int rc = medins_batch_settle(policy, &bp, &bc, batch, &bo, &failed, NULL);
    if (rc != 0 && rc != MEDINS_ERR_BATCH)
        abort();
    for (int i = 0; i < NC; i++)
        if (status[i] != want_rc[i] || fund[i] != want[i].fund || major[i] != want[i].major_disease ||
            assist[i] != want[i].assistance || patient[i] != want[i].patient ||
            ded[i] != want[i].deductible || coins[i] != want[i].coinsurance ||
            over[i] != want[i].over_cap || account[i] != want[i].account)
            abort();
    if (memcmp(single, batch, sizeof single) != 0)
        abort();
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
    /* A second person like the first but for a birth date, groups and ledger history taken from
     * further input: equal or different row profiles. */
    medins_person two[NP] = {p, p};
    medins_ledger ledgers[NP] = {l, l};
    two[1].birth_date = p.birth_date + (medins_date)(take(&r, 1) % 3) * 10000;
    if (take(&r, 1) & 1)
        two[1].groups = (uint32_t)take(&r, 2);
    ledgers[1].thrifty_years = (int32_t)(take(&r, 1) % 4);
    if (take(&r, 1) & 1) {
        ledgers[1].prior_known = 1;
        ledgers[1].prior_outpatient_costs = amount(&r);
    }
    const int *order = orders[take(&r, 1) % 4];
    int days[NC];
    for (int i = 0; i < NC; i++)
        days[i] = (int)(take(&r, 1) % 7) - 3;
    batch_agrees(two, &c, ledgers, order, days);
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
