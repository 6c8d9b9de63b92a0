/*
 * Settling many claims in one pass. Each claim runs the same settlement body as medins_settle,
 * compiled without a result (so no explanation code and no heap allocation), into a settlement
 * on the stack; the person's ledger is written in place only when the claim settles.
 */
#include <stdint.h>
#include <string.h>

#include "benefit.h"

/* Where each claim's policy comes from: one fixed policy, or a set looked up by date. */
typedef struct policy_source {
    const medins_policy *fixed;
    const medins_policy_set *set;
    const char *region;
    const medins_policy *last;  /* the set's policy found last: claims come in date order */
} policy_source;

static int policy_for(policy_source *src, medins_date date, const medins_policy **out,
                      medins_error **err)
{
    if (src->fixed) {
        *out = src->fixed;
        return 0;
    }
    if (src->last && medins_policy_in_force(src->last, date)) {
        *out = src->last;
        return 0;
    }
    int rc = medins_policy_set_lookup(out, src->set, src->region, date, err);
    if (rc == 0)
        src->last = *out;
    return rc;
}

/*
 * Row masks shared by the persons of one profile (benefit.h), in a few direct-mapped slots on
 * the stack: real populations have few profiles (scheme, category, tier, groups, and the side
 * of each age or thrift bound), so most runs find theirs made.
 */
#define ROW_SLOT_BITS 5
#define ROW_SLOTS (1u << ROW_SLOT_BITS)

typedef struct row_cache {
    mdn_run_rows slot[ROW_SLOTS];
} row_cache;

/* The masks for `person` under `p`, made if its slot holds another profile; NULL when the
 * person cannot be profiled (full lookups). */
static mdn_run_rows *rows_for(row_cache *c, const medins_policy *p, const medins_person *person,
                              int tier, int age, const medins_ledger *ledger)
{
    mdn_profile prof;
    mdn_ctx ctx;
    if (!mdn_profile_of(&prof, &ctx, p, person, tier, age, ledger))
        return NULL;
    uint64_t key = (uint64_t)prof.pkey ^ (uint64_t)prof.groups << 8 ^ (uint64_t)prof.age << 24 ^
                   (uint64_t)prof.thrift << 36 ^ (uint64_t)prof.prior << 48 ^
                   (uint64_t)(uintptr_t)p >> 4;
    mdn_run_rows *rr = &c->slot[(key * 0x9E3779B97F4A7C15ull) >> (64 - ROW_SLOT_BITS)];
    if (!mdn_profile_equal(&rr->profile, &prof))
        mdn_run_rows_init(rr, &prof, &ctx);
    return rr;
}

static void put(medins_fen *col, size_t i, medins_fen v)
{
    if (col)
        col[i] = v;
}

static int batch_run(policy_source *src, const medins_batch_persons *persons,
                     const medins_batch_claims *claims, medins_ledger *ledgers,
                     medins_batch_out *out, size_t *failed, medins_error **err)
{
    if (!persons || !claims || !ledgers || !out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: NULL argument");
    if (persons->n > 0 && (!persons->scheme || !persons->category || !persons->tier || !persons->birth_date))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: a required person column is NULL");
    if (claims->n > 0 && (!claims->person || !claims->date || !claims->kind || !claims->level ||
                          !claims->total))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: a required claim column is NULL");
    for (size_t i = 0; i < claims->n; i++)
        if (claims->person[i] < 0 || (size_t)claims->person[i] >= persons->n)
            return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                             "batch: claim %zu names person %d of %zu", i, (int)claims->person[i],
                             persons->n);

    size_t nfailed = 0, first = 0;
    medins_error *first_err = NULL;
    /*
     * A person's run of consecutive claims shares one check of the person, one of their ledger
     * (every later ledger of the run is one the core wrote, or the same one after a failure)
     * and one benefit tier per policy. The checks keep mdn_settle_core's order: person, claim,
     * ledger; a cached failure is checked again to word the error when it is the first.
     */
    size_t run = (size_t)-1;
    medins_person person = {0};
    int person_rc = 0, ledger_rc = 0, tier = 0;
    /* The masks of the person's current profile, and the policies they and the tier are for
     * (NULL: to be found). */
    row_cache cache;
    for (size_t j = 0; j < ROW_SLOTS; j++)
        cache.slot[j].profile.policy = NULL;
    mdn_run_rows *rows = NULL;
    const medins_policy *rows_policy = NULL, *tier_policy = NULL;
    /* The person's age is `age` on dates in [age_from, age_until): from a birthday to the next
     * (YYYYMMDD order is date order; a 29 February birthday falls to 1 March, as in
     * medins_age_on). */
    int age = -1;
    medins_date age_from = 0, age_until = 0;
    for (size_t i = 0; i < claims->n; i++) {
        size_t k = (size_t)claims->person[i];
        if (k != run) {
            run = k;
            person = (medins_person){
                .scheme = (medins_scheme)persons->scheme[k],
                .category = (medins_category)persons->category[k],
                .tier = (medins_tier)persons->tier[k],
                .birth_date = persons->birth_date[k],
                .groups = persons->groups ? persons->groups[k] : 0,
                .family_doctor = persons->family_doctor ? persons->family_doctor[k] : 0,
            };
            person_rc = mdn_person_check(&person, NULL);
            age_from = age_until = 0;
            ledger_rc = medins_ledger_check(&ledgers[k], NULL);
            rows_policy = tier_policy = NULL;
        }
        medins_claim claim = {
            .id = (int64_t)i,
            .date = claims->date[i],
            .kind = (medins_claim_kind)claims->kind[i],
            .level = (medins_level)claims->level[i],
            .institution = claims->institution ? claims->institution[i] : 0,
            .total = claims->total[i],
            .self_paid = claims->self_paid ? claims->self_paid[i] : 0,
            .category_b = claims->category_b ? claims->category_b[i] : 0,
        };
        medins_settlement s;
        const medins_policy *policy = NULL;
        /* Only the first failure's error object is made: one allocation per batch at most. */
        medins_error **e = nfailed == 0 && err ? &first_err : NULL;
        int rc = policy_for(src, claim.date, &policy, e);
        if (rc == 0 && person_rc < 0)
            rc = e ? mdn_person_check(&person, e) : person_rc;
        if (rc == 0)
            rc = mdn_claim_check(&claim, e);
        if (rc == 0 && ledger_rc < 0)
            rc = e ? medins_ledger_check(&ledgers[k], e) : ledger_rc;
        if (rc == 0) {
            if (claim.date < age_from || claim.date >= age_until) {
                age = mdn_settle_age(&person, claim.date);
                age_from = age_until = 0;
                if (age >= 0) {
                    age_from = (person.birth_date / 10000 + age) * 10000 + person.birth_date % 10000;
                    age_until = age_from + 10000;
                } else {
                    /* Unknown until the birth date, or for good without one. */
                    age_until = person.birth_date ? person.birth_date : INT32_MAX;
                }
                rows_policy = NULL;   /* the profile may have changed with the age */
            }
            if (policy != tier_policy) {
                tier = mdn_settle_tier(policy, &person);
                tier_policy = policy;
                rows_policy = NULL;
            }
            if (policy != rows_policy) {
                rows = rows_for(&cache, policy, &person, tier, age, &ledgers[k]);
                rows_policy = policy;
            }
            /* The ledger is written in place, and only when the claim settles. */
            rc = mdn_settle_run(&s, &ledgers[k], policy, &person, tier, age, rows, &claim,
                                &ledgers[k], e);
        }
        if (rc != 0) {
            memset(&s, 0, sizeof s);
            if (nfailed++ == 0)
                first = i;
        }
        put(out->fund, i, s.fund);
        put(out->major_disease, i, s.major_disease);
        put(out->assistance, i, s.assistance);
        put(out->patient, i, s.patient);
        put(out->deductible, i, s.deductible);
        put(out->coinsurance, i, s.coinsurance);
        put(out->over_cap, i, s.over_cap);
        put(out->account, i, s.account);
        if (out->status)
            out->status[i] = rc;
    }
    if (failed)
        *failed = nfailed;
    if (nfailed == 0)
        return 0;
    int rc = mdn_error(err, MEDINS_ERR_BATCH, NULL, 0, 0, "%zu claim(s) failed; the first, claim %zu: %s",
                       nfailed, first, first_err ? medins_error_message(first_err) : "");
    medins_error_free(first_err);
    return rc;
}

int medins_batch_settle(const medins_policy *policy, const medins_batch_persons *persons,
                        const medins_batch_claims *claims, medins_ledger *ledgers,
                        medins_batch_out *out, size_t *failed, medins_error **err)
{
    if (!policy)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: NULL policy");
    policy_source src = {policy, NULL, NULL, NULL};
    return batch_run(&src, persons, claims, ledgers, out, failed, err);
}

int medins_batch_settle_set(const medins_policy_set *set, const char *region,
                            const medins_batch_persons *persons, const medins_batch_claims *claims,
                            medins_ledger *ledgers, medins_batch_out *out, size_t *failed,
                            medins_error **err)
{
    if (!set || !region)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: NULL policy set or region");
    policy_source src = {NULL, set, region, NULL};
    return batch_run(&src, persons, claims, ledgers, out, failed, err);
}
