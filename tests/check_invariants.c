/*
 * Invariants of the settlement engine over a million random claims per shipped policy year.
 *
 * No expected amount is written here: each property must hold for any correct engine, so the
 * test covers combinations no hand-worked case reaches (segment and cap crossings after long
 * histories, every category and group). The data come from tests/support/synth.h with a fixed seed,
 * so a failure names a claim that can be replayed.
 *
 *  - parts add up: fund + major_disease + assistance + patient = total, to the fen;
 *    deductible + fund + coinsurance + over_cap = in-scope amount; nothing negative;
 *  - fund <= in-scope; the layers above the fund take only the in-scope burden;
 *  - annual maximums: a pool's fund never exceeds the largest cap the policy writes for it,
 *    and when a cap withheld money the pool stands exactly at one of its caps;
 *  - the ledger's totals are the sums of the batch outputs;
 *  - on a subsample, replayed one claim at a time: batch == single (figures, status, ledgers),
 *    fund is monotone in the claim's cost from the same ledger, and settle + reverse restores
 *    the ledger exactly (a second reverse is refused).
 *
 * MEDINS_TEST_QUICK=1 (set by tests/sanitize.sh valgrind) uses 20,000 claims per policy.
 */
#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "benefit.h"
#include "synth.h"


/* Check records every passing assertion (a write per call); millions of them would cost more than
 * the settlements, so the hot loops only call into Check when a condition fails. */
#define REQUIRE(cond, ...) do { if (!(cond)) ck_assert_msg(cond, __VA_ARGS__); } while (0)

#define SEED 20230101u
#define PER_PERSON 10

static size_t persons_per_policy(void)
{
    const char *q = getenv("MEDINS_TEST_QUICK");
    return q && *q && *q != '0' ? 2000 : 100000;   /* x 10 claims */
}

/*
 * The shipped years: the embedded set, or the policies/ folder when nothing is embedded. NULL when
 * neither loads (no Check assertion here: this also runs while the suite is built).
 */
static medins_policy_set *open_shipped(void)
{
    medins_policy_set *set = NULL;
    if (medins_policy_set_open_embedded(&set, NULL) == 0 && medins_policy_set_count(set) > 0)
        return set;
    medins_policy_set_free(set);
    set = NULL;
    char dir[1024];
    if (medins_policy_set_new(&set, NULL) != 0 ||
        medins_policy_set_add_dir(set, medins_policies_path(dir, sizeof dir, ""), NULL, NULL) != 0) {
        medins_policy_set_free(set);
        return NULL;
    }
    return set;
}

/* The i-th policy that is a year (reforms are overlays, not shipped years); NULL past the end. */
static const medins_policy *shipped_year(const medins_policy_set *set, size_t i)
{
    for (size_t k = 0, seen = 0; k < medins_policy_set_count(set); k++) {
        const medins_policy *p = medins_policy_set_at(set, k);
        if (p->is_reform)
            continue;
        if (seen++ == i)
            return p;
    }
    return NULL;
}

/* At least 1, so that a set that does not load fails the first iteration instead of running none. */
static size_t shipped_year_count(void)
{
    medins_policy_set *set = open_shipped();
    size_t n = 0;
    while (set && shipped_year(set, n))
        n++;
    medins_policy_set_free(set);
    return n ? n : 1;
}

/* Caps the policy writes: values at "<section>.cap[i].amount", by pool, and the layers'. */
enum { CAP_MAJOR = MEDINS_POOL_COUNT, CAP_ASSIST, CAP_KINDS };
typedef struct caps { size_t n[CAP_KINDS]; medins_fen v[CAP_KINDS][16]; } caps;

static void caps_add(caps *c, const medins_policy *p, const char *section, int slot)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s.cap[", section);
    for (size_t i = 0; i < medins_policy_value_count(p); i++) {
        const medins_value *v = medins_policy_value(p, i);
        size_t len = strlen(v->path);
        if (strncmp(v->path, prefix, strlen(prefix)) != 0 || len < 7 ||
            strcmp(v->path + len - 7, ".amount") != 0)
            continue;
        medins_fen f;
        REQUIRE(medins_money_parse(&f, v->text, NULL) == 0, "%s: cap %s = %s",
                      medins_policy_id(p), v->path, v->text);
        if (c->n[slot] < 16)
            c->v[slot][c->n[slot]++] = f;
    }
}

static void collect_caps(caps *c, const medins_policy *p)
{
    memset(c, 0, sizeof *c);
    for (int k = 0; k < MEDINS_CLAIM_KIND_COUNT; k++) {
        const mdn_benefit *b = mdn_benefit_for(p, (medins_claim_kind)k);
        for (int s = 0; b && s < MEDINS_SCHEME_COUNT; s++)   /* a section's pool by scheme */
            if (s == 0 || b->pool[s] != b->pool[0])
                caps_add(c, p, b->name, b->pool[s]);
    }
    caps_add(c, p, "major_disease", CAP_MAJOR);
    caps_add(c, p, "assistance", CAP_ASSIST);
}

static medins_fen caps_min(const caps *c, int slot)
{
    medins_fen m = INT64_MAX;
    for (size_t i = 0; i < c->n[slot]; i++)
        m = c->v[slot][i] < m ? c->v[slot][i] : m;
    return m;
}

static medins_fen caps_max(const caps *c, int slot)
{
    medins_fen m = -1;
    for (size_t i = 0; i < c->n[slot]; i++)
        m = c->v[slot][i] > m ? c->v[slot][i] : m;
    return m;
}

static int caps_has(const caps *c, int slot, medins_fen v)
{
    for (size_t i = 0; i < c->n[slot]; i++)
        if (c->v[slot][i] == v)
            return 1;
    return 0;
}

static int ledger_equal(const medins_ledger *a, const medins_ledger *b)
{
    if (a->year != b->year || a->last_date != b->last_date || a->seq != b->seq ||
        a->admissions != b->admissions || a->outpatient_costs != b->outpatient_costs ||
        a->major_base != b->major_base || a->major_fund != b->major_fund ||
        a->assist_base != b->assist_base || a->assist_fund != b->assist_fund ||
        a->account_balance != b->account_balance || a->account_paid != b->account_paid ||
        a->carry_over != b->carry_over || a->thrifty_years != b->thrifty_years ||
        a->prior_known != b->prior_known || a->prior_outpatient_costs != b->prior_outpatient_costs)
        return 0;
    for (int k = 0; k < MEDINS_POOL_COUNT; k++)
        if (a->deductible[k] != b->deductible[k] || a->position[k] != b->position[k] ||
            a->fund[k] != b->fund[k])
            return 0;
    return 1;
}

typedef struct outputs {
    medins_fen *fund, *major, *assist, *patient, *deductible, *coins, *over_cap, *account;
    int32_t *status;
} outputs;

static void outputs_alloc(outputs *o, size_t n, medins_batch_out *bo)
{
    medins_fen **cols[] = {&o->fund, &o->major, &o->assist, &o->patient, &o->deductible,
                           &o->coins, &o->over_cap, &o->account};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        ck_assert_ptr_nonnull(*cols[i] = malloc(n * sizeof(medins_fen)));
    ck_assert_ptr_nonnull(o->status = malloc(n * sizeof(int32_t)));
    medins_batch_out b = {.version = MEDINS_BATCH_OUT_VERSION,
                          .fund = o->fund, .major_disease = o->major, .assistance = o->assist,
                          .patient = o->patient, .deductible = o->deductible,
                          .coinsurance = o->coins, .over_cap = o->over_cap, .account = o->account,
                          .status = o->status};
    *bo = b;
}

static void outputs_free(outputs *o)
{
    free(o->fund); free(o->major); free(o->assist); free(o->patient); free(o->deductible);
    free(o->coins); free(o->over_cap); free(o->account); free(o->status);
}

/* Per-claim properties of a successful settlement, or zeros for a failed one. */
static void check_claim(const char *pid, const synth_data *d, const outputs *o, size_t j)
{
    medins_fen in_scope = d->total[j] - d->self_paid[j] - d->category_b[j];
    medins_fen f = o->fund[j], m = o->major[j], a = o->assist[j], pt = o->patient[j];
    medins_fen ded = o->deductible[j], co = o->coins[j], oc = o->over_cap[j], acc = o->account[j];
    if (o->status[j] != 0) {
        REQUIRE((f | m | a | pt | ded | co | oc | acc) == 0,
                      "%s claim %zu: failed (%d) but outputs are not zero", pid, j, o->status[j]);
        return;
    }
    REQUIRE(f >= 0 && m >= 0 && a >= 0 && pt >= 0 && ded >= 0 && co >= 0 && oc >= 0 && acc >= 0,
                  "%s claim %zu: a negative part (fund %lld major %lld assist %lld patient %lld)",
                  pid, j, (long long)f, (long long)m, (long long)a, (long long)pt);
    REQUIRE(f + m + a + pt == d->total[j],
                  "%s claim %zu: fund %lld + major %lld + assistance %lld + patient %lld != total %lld",
                  pid, j, (long long)f, (long long)m, (long long)a, (long long)pt, (long long)d->total[j]);
    REQUIRE(f <= in_scope, "%s claim %zu: fund %lld above in-scope %lld", pid, j,
                  (long long)f, (long long)in_scope);
    REQUIRE(ded + f + co + oc == in_scope,
                  "%s claim %zu: deductible %lld + fund %lld + coinsurance %lld + over cap %lld != in-scope %lld",
                  pid, j, (long long)ded, (long long)f, (long long)co, (long long)oc, (long long)in_scope);
    REQUIRE(m + a <= ded + co + oc,
                  "%s claim %zu: layers %lld + %lld pay more than the in-scope burden %lld",
                  pid, j, (long long)m, (long long)a, (long long)(ded + co + oc));
    REQUIRE(acc <= pt, "%s claim %zu: account %lld above patient %lld", pid, j,
                  (long long)acc, (long long)pt);
}

/*
 * A person's year: the ledger holds the sums of the outputs and stays under the caps. When a cap
 * withheld money from a claim, the pool's running fund after it stands exactly at one of the
 * pool's caps, or the claim got nothing because the pool was already at or above its own cap
 * (a pool's sections may have different maximums: special diseases and inpatient care).
 */
static void check_person_year(const char *pid, const medins_policy *p, const synth_data *d,
                              const outputs *o, const caps *c, size_t i, const medins_ledger *l)
{
    medins_fen fund[MEDINS_POOL_COUNT] = {0}, major = 0, assist = 0;
    uint32_t ok = 0;
    for (size_t j = i * PER_PERSON; j < (i + 1) * PER_PERSON; j++) {
        if (o->status[j] != 0)
            continue;
        ok++;
        int pool = mdn_benefit_for(p, (medins_claim_kind)d->kind[j])->pool[d->scheme[i]];
        medins_fen before = fund[pool];
        fund[pool] += o->fund[j];
        if (o->over_cap[j] > 0)
            REQUIRE(caps_has(c, pool, fund[pool]) ||
                          (o->fund[j] == 0 && before >= caps_min(c, pool)),
                          "%s claim %zu: a cap withheld %lld but the pool's fund went from %lld to %lld, no cap of the policy",
                          pid, j, (long long)o->over_cap[j], (long long)before, (long long)fund[pool]);
        major += o->major[j];
        assist += o->assist[j];
    }
    REQUIRE(medins_ledger_check(l, NULL) == 0, "%s person %zu: ledger fails its check", pid, i);
    REQUIRE(l->seq == ok, "%s person %zu: ledger seq %u, %u claims settled", pid, i, l->seq, ok);
    REQUIRE(l->major_fund == major && l->assist_fund == assist,
                  "%s person %zu: ledger layers %lld/%lld, outputs add to %lld/%lld", pid, i,
                  (long long)l->major_fund, (long long)l->assist_fund, (long long)major, (long long)assist);
    for (int k = 0; k < MEDINS_POOL_COUNT; k++) {
        REQUIRE(l->fund[k] == fund[k], "%s person %zu pool %d: ledger fund %lld, outputs add to %lld",
                      pid, i, k, (long long)l->fund[k], (long long)fund[k]);
        /* fresh ledgers: no carry-over raises the inpatient maximum */
        if (c->n[k])
            REQUIRE(l->fund[k] <= caps_max(c, k), "%s person %zu pool %d: fund %lld above every cap (max %lld)",
                          pid, i, k, (long long)l->fund[k], (long long)caps_max(c, k));
    }
    if (c->n[CAP_MAJOR])
        REQUIRE(l->major_fund <= caps_max(c, CAP_MAJOR), "%s person %zu: major-disease layer %lld above its cap",
                      pid, i, (long long)l->major_fund);
    if (c->n[CAP_ASSIST])
        REQUIRE(l->assist_fund <= caps_max(c, CAP_ASSIST), "%s person %zu: assistance %lld above its cap",
                      pid, i, (long long)l->assist_fund);
}

static medins_fen settle_fund(int *status, const medins_policy *p, const medins_person *per,
                              const medins_claim *cl, medins_ledger *l, medins_result **keep)
{
    medins_result *r = NULL;
    *status = medins_settle_ex(&r, p, per, cl, l, MEDINS_TEST_NO_LINES, NULL);
    medins_fen f = *status == 0 ? medins_result_settlement(r)->fund : 0;
    if (keep)
        *keep = r;
    else
        medins_result_free(r);
    return f;
}

/* One person replayed claim by claim with the single-claim call. */
static void replay_person(const char *pid, const medins_policy *p, const synth_data *d,
                          const outputs *o, size_t i, int year, const medins_ledger *batch_ledger,
                          synth_rng *rng)
{
    medins_person per;
    medins_ledger l;
    synth_person(d, i, &per);
    medins_ledger_init(&l, year);
    for (size_t j = i * PER_PERSON; j < (i + 1) * PER_PERSON; j++) {
        medins_claim cl;
        synth_claim(d, j, &cl);
        medins_ledger before = l;
        medins_result *r = NULL;
        int st = medins_settle_ex(&r, p, &per, &cl, &l, MEDINS_TEST_NO_LINES, NULL);
        REQUIRE(st == o->status[j], "%s claim %zu: single status %d, batch %d", pid, j, st, o->status[j]);
        if (st != 0) {
            REQUIRE(r == NULL, "%s claim %zu: a result on failure", pid, j);
            REQUIRE(ledger_equal(&l, &before), "%s claim %zu: failed settle changed the ledger", pid, j);
            continue;
        }
        const medins_settlement *s = medins_result_settlement(r);
        REQUIRE(s->fund == o->fund[j] && s->major_disease == o->major[j] &&
                      s->assistance == o->assist[j] && s->patient == o->patient[j] &&
                      s->deductible == o->deductible[j] && s->coinsurance == o->coins[j] &&
                      s->over_cap == o->over_cap[j] && s->account == o->account[j],
                      "%s claim %zu: single (fund %lld patient %lld) != batch (fund %lld patient %lld)",
                      pid, j, (long long)s->fund, (long long)s->patient, (long long)o->fund[j],
                      (long long)o->patient[j]);
        REQUIRE(s->total == cl.total && s->claim_id == cl.id, "%s claim %zu: echo", pid, j);

        /* monotone: the same claim costing more, from the same ledger, never gets less */
        medins_claim more = cl;
        more.total += synth_below(rng, 4) == 0 ? 1 : (medins_fen)synth_below(rng, (uint64_t)cl.total / 2 + 2);
        medins_ledger copy = before;
        int st2;
        medins_fen f2 = settle_fund(&st2, p, &per, &more, &copy, NULL);
        REQUIRE(st2 == 0, "%s claim %zu: costing %lld more fails (%d)", pid, j,
                      (long long)(more.total - cl.total), st2);
        REQUIRE(f2 >= s->fund, "%s claim %zu: fund %lld at total %lld but %lld at %lld", pid, j,
                      (long long)s->fund, (long long)cl.total, (long long)f2, (long long)more.total);

        /* settle + reverse restores the ledger; the same result cannot be reversed twice */
        copy = before;
        medins_result *r2 = NULL;
        settle_fund(&st2, p, &per, &cl, &copy, &r2);
        REQUIRE(st2 == 0 && ledger_equal(&copy, &l), "%s claim %zu: settling twice differs", pid, j);
        REQUIRE(medins_settle_reverse(&copy, r2, NULL) == 0, "%s claim %zu: reverse", pid, j);
        REQUIRE(ledger_equal(&copy, &before), "%s claim %zu: reverse did not restore the ledger", pid, j);
        medins_ledger again = copy;
        REQUIRE(medins_settle_reverse(&copy, r2, NULL) == MEDINS_ERR_REVERSE,
                      "%s claim %zu: a second reverse was accepted", pid, j);
        REQUIRE(ledger_equal(&copy, &again), "%s claim %zu: refused reverse changed the ledger", pid, j);
        medins_result_free(r2);
        medins_result_free(r);
    }
    REQUIRE(ledger_equal(&l, batch_ledger), "%s person %zu: single-claim ledger != batch ledger", pid, i);
}

START_TEST(test_invariants)
{
    medins_policy_set *set = open_shipped();
    ck_assert_msg(set != NULL, "the shipped policies do not load");
    const medins_policy *p = shipped_year(set, (size_t)_i);
    ck_assert_msg(p != NULL, "no shipped year %d", _i);
    const char *pid = medins_policy_id(p);
    medins_date from = medins_policy_effective_from(p), to = medins_policy_effective_to(p);
    int year = from / 10000;
    if (to == 0 || to / 10000 != year)
        to = year * 10000 + 1231;

    uint32_t kinds = 0;
    for (int k = 0; k < MEDINS_CLAIM_KIND_COUNT; k++)
        kinds |= mdn_benefit_for(p, (medins_claim_kind)k) ? 1u << k : 0;
    if (kinds == 0) {
        /* a year of contributions only: every claim is refused as not covered */
        medins_person per;
        medins_claim cl;
        medins_ledger l;
        medins_result *r = NULL;
        medins_person_init(&per);
        per.scheme = (p->schemes & 1u) ? MEDINS_SCHEME_EMPLOYEE : MEDINS_SCHEME_RESIDENT;
        per.category = per.scheme ? MEDINS_CATEGORY_ADULT : MEDINS_CATEGORY_IN_SERVICE;
        per.tier = per.scheme ? MEDINS_TIER_LOW : MEDINS_TIER_NONE;
        medins_claim_init(&cl);
        cl.date = from;
        cl.total = 100000;
        medins_ledger_init(&l, year);
        REQUIRE(medins_settle(&r, p, &per, &cl, &l, NULL) == MEDINS_ERR_NOT_COVERED,
                      "%s: no benefit section, yet a claim settled", pid);
        medins_policy_set_free(set);
        return;
    }
    synth_data d;
    size_t np = persons_per_policy();
    ck_assert_int_eq(synth_make(&d, np, PER_PERSON, p->schemes, kinds, from, to,
                                SEED + (uint64_t)_i), 0);
    medins_ledger *ledgers = malloc(np * sizeof *ledgers);
    ck_assert_ptr_nonnull(ledgers);
    for (size_t i = 0; i < np; i++)
        medins_ledger_init(&ledgers[i], year);
    outputs o;
    medins_batch_out bo;
    outputs_alloc(&o, d.nclaims, &bo);
    medins_batch_persons bp = synth_batch_persons(&d);
    medins_batch_claims bc = synth_batch_claims(&d, 0, d.nclaims);
    size_t failed = 0;
    int rc = medins_batch_settle(p, &bp, &bc, ledgers, &bo, &failed, NULL);
    REQUIRE(rc == 0 || rc == MEDINS_ERR_BATCH, "%s: batch returned %d", pid, rc);

    size_t counted = 0;
    for (size_t j = 0; j < d.nclaims; j++) {
        counted += o.status[j] != 0;
        /* the claims are valid: the only refusal is a level or kind the policy leaves out */
        REQUIRE(o.status[j] == 0 || o.status[j] == MEDINS_ERR_NOT_COVERED,
                      "%s claim %zu: refused with %s", pid, j, medins_status_name(o.status[j]));
        check_claim(pid, &d, &o, j);
    }
    REQUIRE(counted == failed, "%s: %zu failed claims reported, %zu statuses", pid, failed, counted);
    REQUIRE((rc == 0) == (failed == 0), "%s: status %d with %zu failures", pid, rc, failed);
    /* a run where most claims fail would test little */
    REQUIRE(failed * 2 < d.nclaims, "%s: %zu of %zu claims failed", pid, failed, d.nclaims);

    caps c;
    collect_caps(&c, p);
    synth_rng rng = {SEED ^ 0xABCDu};
    size_t step = np >= 100000 ? 50 : 1;
    for (size_t i = 0; i < np; i++) {
        check_person_year(pid, p, &d, &o, &c, i, &ledgers[i]);
        if (i % step == 0)
            replay_person(pid, p, &d, &o, i, year, &ledgers[i], &rng);
    }
    fprintf(stderr, "%s: %zu claims, %zu not settled (not covered: a level or category the policy leaves out)\n",
            pid, d.nclaims, failed);

    outputs_free(&o);
    free(ledgers);
    synth_free(&d);
    medins_policy_set_free(set);
}
END_TEST

static Suite *invariants_suite(void)
{
    Suite *s = suite_create("invariants");
    TCase *tc = tcase_create("random claims");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_invariants, 0, (int)shipped_year_count());
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(invariants_suite)
