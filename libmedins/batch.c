/*
 * Settling many claims in one pass. Each claim runs the same settlement body as medins_settle
 * (settle_body.h), inlined here without a result (so no explanation code and no heap
 * allocation), into a settlement held in registers; the person's ledger is written in place
 * only when the claim settles.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "settle_body.h"

/* Where each claim's policy comes from: one fixed policy, or a set looked up by date. */
typedef struct policy_source {
    const medins_policy *fixed;
    const medins_policy_set *set;
    const char *region;
    const medins_policy *last;  /* the set's policy found last: claims come in date order */
} policy_source;

/* The policy of a claim dated `date`; NULL with the status in *rc when there is none. The
 * lookup's result goes through a local of its own: the batch's `policy` then never has its
 * address taken, and stays in a register. */
static const medins_policy *policy_for(policy_source *src, medins_date date, int *rc,
                                       medins_error **err)
{
    if (src->fixed)
        return src->fixed;
    if (src->last && medins_policy_in_force(src->last, date))
        return src->last;
    const medins_policy *found = NULL;
    if ((*rc = medins_policy_set_lookup(&found, src->set, src->region, date, err)) == 0)
        src->last = found;
    return found;
}

/*
 * Plans (benefit.h) shared by the persons of one profile: a small hash table of profiles
 * (open addressing), each mapping claim keys to plans in a common pool. Real populations have
 * tens of profiles (scheme, category, tier, groups, and the side of each age or thrift bound),
 * each using ten to twenty claim keys, so after the first few thousand claims nearly every
 * claim finds its plan made. When the table or the pool is full the cache starts again empty.
 * The cache is the batch call's one heap allocation: about 25 KB and a pool of up to 1,024 plans
 * of 360 bytes, no more plans than the batch has claims (each claim makes one at most), so
 * about 390 KB for large batches and a few kilobytes for small ones. Without it plans are made
 * claim by claim.
 */
#define PROFILE_SLOT_BITS 6
#define PROFILE_SLOTS (1u << PROFILE_SLOT_BITS)
#define PROFILES_MAX (PROFILE_SLOTS * 3 / 4)
#define PLANS 1024

typedef struct plan_cache {
    mdn_profile profile[PROFILE_SLOTS]; /* policy NULL: a free slot */
    mdn_ctx ctx[PROFILE_SLOTS];         /* a selector context of the slot's profile */
    uint16_t plan_no[PROFILE_SLOTS][MDN_CLAIM_KEYS];  /* 1 + index into plan[], 0: none */
    unsigned nprofiles, nplans, size;   /* size: of plan[], at most PLANS */
    mdn_plan plan[];
} plan_cache;

bool mdn_batch_cacheless = false;

static void cache_clear(plan_cache *c)
{
    for (size_t j = 0; j < PROFILE_SLOTS; j++)
        c->profile[j].policy = NULL;
    c->nprofiles = c->nplans = 0;
}

/* The slot of `person`'s profile under `p` at age `age`, added if new; -1 when the person
 * cannot be profiled (plans made claim by claim). */
static int slot_for(plan_cache *c, const medins_policy *p, const medins_person *person, int age,
                    const medins_ledger *ledger)
{
    mdn_profile prof;
    if (!mdn_profile_of(&prof, p, person, age, ledger))
        return -1;
    uint64_t key = (uint64_t)prof.category ^ (uint64_t)prof.tier << 4 ^ (uint64_t)prof.groups << 8 ^
                   (uint64_t)prof.age << 24 ^ (uint64_t)prof.thrift << 36 ^
                   (uint64_t)prof.prior << 48 ^ (uint64_t)(uintptr_t)p >> 4;
    unsigned slot = (unsigned)((key * 0x9E3779B97F4A7C15ull) >> (64 - PROFILE_SLOT_BITS));
    for (; c->profile[slot].policy; slot = (slot + 1) & (PROFILE_SLOTS - 1))
        if (mdn_profile_equal(&c->profile[slot], &prof))
            return (int)slot;
    if (c->nprofiles == PROFILES_MAX) {
        cache_clear(c);
        return slot_for(c, p, person, age, ledger);
    }
    c->nprofiles++;
    c->profile[slot] = prof;
    mdn_profile_context(&c->ctx[slot], p, person, age, ledger);
    memset(c->plan_no[slot], 0, sizeof c->plan_no[slot]);
    return (int)slot;
}

/* The plan of the claim key of kind, level, admission and family_doctor in `slot`. */
static const mdn_plan *plan_for(plan_cache *c, int slot, int kind, int level, int admission,
                                int family_doctor)
{
    const int ckey = mdn_index_claim_key(kind, level, admission, family_doctor);
    unsigned n = c->plan_no[slot][ckey];
    if (n)
        return &c->plan[n - 1];
    if (c->nplans == c->size) {
        /* Every profile stays; their plans are made again. */
        memset(c->plan_no, 0, sizeof c->plan_no);
        c->nplans = 0;
    }
    mdn_ctx ctx = c->ctx[slot];
    ctx.kind = kind;
    ctx.level = level;
    ctx.admission = admission;
    ctx.at_family_doctor = family_doctor;
    mdn_plan *plan = &c->plan[c->nplans++];
    mdn_plan_make(plan, c->profile[slot].policy, &ctx);
    c->plan_no[slot][ckey] = (uint16_t)c->nplans;
    return plan;
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
    /* Every person index in range: one pass without a branch (vectorised), then the first bad
     * one is looked for only if there is one. */
    bool bad_person = false;
    for (size_t i = 0; i < claims->n; i++)
        bad_person |= (uint64_t)(int64_t)claims->person[i] >= (uint64_t)persons->n;
    for (size_t i = 0; bad_person && i < claims->n; i++)
        if (claims->person[i] < 0 || (size_t)claims->person[i] >= persons->n)
            return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                             "batch: claim %zu names person %d of %zu", i, (int)claims->person[i],
                             persons->n);

    size_t nfailed = 0, first = 0;
    medins_error *first_err = NULL;
    /*
     * A person's run of consecutive claims shares one check of the person, one of their ledger
     * (every later ledger of the run is one the core wrote, or the same one after a failure)
     * and one profile lookup per policy and birthday. The checks keep mdn_settle_core's order:
     * person, claim, ledger; a cached failure is checked again to word the error when it is
     * the first.
     */
    size_t run = (size_t)-1;
    medins_person person = {0};
    int person_rc = 0, ledger_rc = 0;
    bool run_ok = false;            /* person_rc and ledger_rc both 0 */
    int32_t year0 = 0;              /* the ledger's year * 10000, and its days */
    const uint64_t *days = mdn_year_days[0];
    /* The person's profile slot, and the policy it is for (NULL: to be found). */
    const size_t nplans = claims->n < PLANS ? claims->n : PLANS;
    plan_cache *cache = claims->n > 0 && !mdn_batch_cacheless
                            ? malloc(sizeof *cache + nplans * sizeof cache->plan[0])
                            : NULL;
    if (cache) {
        cache->size = (unsigned)nplans;
        cache_clear(cache);
    }
    int slot = -1;
    const medins_policy *slot_policy = NULL;
    /* The person's age is `age` on dates in [age_from, age_until): from a birthday to the next
     * (YYYYMMDD order is date order; a 29 February birthday falls to 1 March, as in
     * medins_age_on). */
    int age = -1;
    medins_date age_from = 0, age_until = 0;
    /* Only the first failure's error object is made: one allocation per batch at most. */
    medins_error **e = err ? &first_err : NULL;
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
            slot_policy = NULL;
            /* The ledger's year is in range when the ledger is valid: the only case in which
             * a claim can be plain. */
            run_ok = person_rc == 0 && ledger_rc == 0;
            year0 = run_ok ? ledgers[k].year * 10000 : 0;
            days = mdn_days_of_year(year0 / 10000);
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
        int rc = 0;
        const medins_policy *policy = policy_for(src, claim.date, &rc, e);
        /* A plain claim passes every check of the person, the claim, the ledger and the dates:
         * one test without a branch. Any other is checked in mdn_settle_core's order, so that
         * the first error is the same: person, claim, ledger, then (in the settlement) the
         * dates. */
        const bool plain = rc == 0 && ((unsigned)run_ok & mdn_claim_plain(&claim, year0, days) &
                                       (claim.date >= ledgers[k].last_date) &
                                       mdn_within_policy(policy, claim.date));
        if (rc == 0 && !plain) {
            if (person_rc < 0)
                rc = e ? mdn_person_check(&person, e) : person_rc;
            if (rc == 0) {
                /* A copy: the claim itself must not have its address taken (settle_body.h). */
                const medins_claim checked = claim;
                rc = mdn_claim_check(&checked, e);
            }
            if (rc == 0 && ledger_rc < 0)
                rc = e ? medins_ledger_check(&ledgers[k], e) : ledger_rc;
        }
        if (rc == 0) {
            /* One unsigned test: a new person's empty window [0, 0) holds no date. */
            if ((uint32_t)(claim.date - age_from) >= (uint32_t)(age_until - age_from)) {
                /* Both dates are checked: the age needs no further test. */
                age = person.birth_date ? mdn_age_between(person.birth_date, claim.date) : -1;
                if (age >= 0) {
                    age_from = (person.birth_date / 10000 + age) * 10000 + person.birth_date % 10000;
                    age_until = age_from + 10000;
                } else {
                    /* Unknown until the birth date, or for good without one. */
                    age_from = 0;
                    age_until = person.birth_date ? person.birth_date : INT32_MAX;
                }
                /* A birthday changes the profile only when the new age crosses one of the
                 * policy's age bounds: else the person keeps their slot. */
                if (slot < 0 || !slot_policy ||
                    mdn_profile_age(slot_policy, age) != cache->profile[slot].age)
                    slot_policy = NULL;
            }
            if (policy != slot_policy) {
                slot = cache ? slot_for(cache, policy, &person, age, &ledgers[k]) : -1;
                slot_policy = policy;
            }
            /* Without branches: the kind and the institution vary claim by claim. */
            const int inpatient = claim.kind == MEDINS_CLAIM_INPATIENT,
                      admission = inpatient + (inpatient & (ledgers[k].admissions > 0));
            const int family_doctor = (person.family_doctor != 0) &
                                      (claim.institution == person.family_doctor);
            const mdn_plan *plan;
            mdn_plan own;
            if (slot >= 0) {
                plan = plan_for(cache, slot, claim.kind, claim.level, admission, family_doctor);
            } else {
                mdn_ctx ctx;
                mdn_settle_context(&ctx, policy, &person, &ledgers[k], claim.kind, claim.level,
                                   claim.date, claim.institution);
                mdn_plan_make(&own, policy, &ctx);
                plan = &own;
            }
            /* The ledger is written in place, and only when the claim settles. */
            rc = settle_body(&s, &ledgers[k], policy, &person, plan, NULL, &claim, &ledgers[k],
                             NULL, 0, plain, e);
        }
        if (rc != 0) {
            s = (medins_settlement){0};
            if (nfailed++ == 0)
                first = i;
            e = NULL;
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
    free(cache);
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
