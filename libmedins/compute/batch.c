/*
 * Settling many claims. Each claim runs the same arithmetic as medins_settle (settle.c), in
 * copies that record nothing (so no explanation code and no heap allocation); the person's
 * ledger is written in place only when the claim settles. Why the code is shaped as it is:
 * bench/README.md.
 *
 * Claims go in chunks of up to CHUNK, in two passes. The first checks each claim and finds its
 * plan; the second settles the chunk's claims with their plans. Two short loops run faster
 * than one long one: a claim's work in one loop is longer than the processor can look ahead,
 * so each claim's checks waited for the settlement before them. A claim the first pass cannot
 * vouch for (one that fails a quick check, or whose plan cannot settle) ends the chunk and is
 * settled alone, with the full checks and their errors, as one claim per call would be.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "ledger.h"
#include "person.h"
#include "settle.h"

/* ---- The errors of failed claims --------------------------------------------------------- */

/* One failed claim's error. */
typedef struct claim_error {
    size_t claim;
    medins_error *error;
} claim_error;

/* Failures in claim order (the batch settles claims in order), so that a claim is found by a
 * binary search. Grown only when a claim fails. */
struct medins_batch_errors {
    claim_error *item;
    size_t n, cap;
};

int medins_batch_errors_new(medins_batch_errors **out)
{
    if (!out)
        return MEDINS_ERR_ARGUMENT;
    medins_batch_errors *errors = calloc(1, sizeof *errors);
    if (!errors)
        return MEDINS_ERR_NOMEM;
    *out = errors;
    return 0;
}

/* Frees the errors held; keeps the array for the next call. */
static void errors_clear(medins_batch_errors *errors)
{
    for (size_t k = 0; k < errors->n; k++)
        medins_error_free(errors->item[k].error);
    errors->n = 0;
}

void medins_batch_errors_free(medins_batch_errors *errors)
{
    if (!errors)
        return;
    errors_clear(errors);
    free(errors->item);
    free(errors);
}

size_t medins_batch_errors_count(const medins_batch_errors *errors)
{
    return errors ? errors->n : 0;
}

int medins_batch_errors_get(const medins_batch_errors *errors, size_t k, size_t *claim,
                            const medins_error **error)
{
    if (!errors || k >= errors->n)
        return MEDINS_ERR_ARGUMENT;
    if (claim)
        *claim = errors->item[k].claim;
    if (error)
        *error = errors->item[k].error;
    return 0;
}

const medins_error *medins_batch_errors_find(const medins_batch_errors *errors, size_t claim)
{
    if (!errors)
        return NULL;
    size_t lo = 0, hi = errors->n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (errors->item[mid].claim < claim)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < errors->n && errors->item[lo].claim == claim ? errors->item[lo].error : NULL;
}

/* Appends the error of claim `claim` (after every claim held); MEDINS_ERR_NOMEM when the
 * array cannot grow (the error is then not taken). */
static int errors_add(medins_batch_errors *errors, size_t claim, medins_error *error)
{
    if (errors->n == errors->cap) {
        const size_t cap = errors->cap ? errors->cap * 2 : 16;
        claim_error *item = cap <= SIZE_MAX / sizeof *item
                                ? realloc(errors->item, cap * sizeof *item)
                                : NULL;
        if (!item)
            return MEDINS_ERR_NOMEM;
        errors->item = item;
        errors->cap = cap;
    }
    errors->item[errors->n++] = (claim_error){claim, error};
    return 0;
}

void medins_batch_options_init(medins_batch_options *opts)
{
    if (opts)
        *opts = (medins_batch_options)MEDINS_BATCH_OPTIONS_INIT;
}

void medins_batch_persons_init(medins_batch_persons *persons)
{
    if (persons)
        *persons = (medins_batch_persons)MEDINS_BATCH_PERSONS_INIT;
}

void medins_batch_claims_init(medins_batch_claims *claims)
{
    if (claims)
        *claims = (medins_batch_claims)MEDINS_BATCH_CLAIMS_INIT;
}

void medins_batch_out_init(medins_batch_out *out)
{
    if (out)
        *out = (medins_batch_out)MEDINS_BATCH_OUT_INIT;
}

/* ---- Policies ---------------------------------------------------------------------------- */

/* Where each claim's policy comes from: one fixed policy, or a set looked up by date; and how
 * many plans the call's cache may hold (MDN_BATCH_PLANS; 0: no cache). */
typedef struct policy_source {
    const medins_policy *fixed;
    const medins_policy_set *set;
    const char *region;
    const medins_policy *last;  /* the set's policy found last: claims come in date order */
    unsigned max_plans;
} policy_source;

/* The policy of a claim dated `date`; NULL with the status in *rc when there is none. The
 * lookup's result goes through a local of its own, so that the batch's `policy` never has its
 * address taken (bench/README.md). */
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
 * Plans (plan.h) shared by the persons of one profile: a small hash table of profiles
 * (open addressing), each mapping claim keys to plans in a common pool. Real populations have
 * tens of profiles (scheme, category, tier, groups, and the side of each age or thrift bound),
 * each using ten to twenty claim keys, so after the first few thousand claims nearly every
 * claim finds its plan made. When the table or the pool is full the cache starts again empty.
 * The cache is the batch call's one heap allocation: the table and a pool of up to
 * MDN_BATCH_PLANS plans, no more plans than the batch has claims (each claim makes one at
 * most); bench/README.md gives its size. Without it plans are made claim by claim.
 */
#define PROFILE_SLOT_BITS 6
#define PROFILE_SLOTS (1u << PROFILE_SLOT_BITS)
#define PROFILES_MAX (PROFILE_SLOTS * 3 / 4)
#define PLAN_CANNOT 0x8000u

/*
 * The cache's claim keys: kind and level (three bits each), whether the claim is at the
 * person's family doctor, and how many times the person was admitted before this year, up to
 * the admission orders the policy's selectors tell apart (medins_policy.admission_orders: 0,
 * 1 or 2; read for inpatient claims only). Under a policy that tells only the first admission
 * from the later ones, as most do, the keys stay below 256: the plan numbers a profile uses
 * are as few as they were before the third admission could be told apart. Built from bits,
 * they cost the first pass no arithmetic; a key whose kind does not go with its level never
 * gets a plan (plan_make), so that the first pass need not test the pair.
 */
#define BATCH_KEYS 384
#define KEY_ADMITTED_SHIFT 7

/* The key of a claim whose kind and level are below 8 (checked), of a person admitted
 * `admitted` times before it (any count: up to `orders`, the policy's admission_orders, are
 * told apart). */
static inline unsigned batch_key(unsigned kind, unsigned level, unsigned at_doctor,
                                 unsigned admitted, unsigned orders)
{
    return kind << 3 | level | at_doctor << 6 |
           (admitted < orders ? admitted : orders) << KEY_ADMITTED_SHIFT;
}

typedef struct plan_cache {
    mdn_profile profile[PROFILE_SLOTS]; /* policy NULL: a free slot */
    mdn_ctx ctx[PROFILE_SLOTS];         /* a selector context of the slot's profile */
    /* 1 + index into plan[], with PLAN_CANNOT set when the plan cannot settle; 0: none */
    uint16_t plan_no[PROFILE_SLOTS][BATCH_KEYS];
    unsigned nprofiles, nplans, size;   /* size: of plan[], at most the source's max_plans */
    mdn_plan plan[];
} plan_cache;

static void cache_clear(plan_cache *c)
{
    for (size_t j = 0; j < PROFILE_SLOTS; j++)
        c->profile[j].policy = NULL;
    c->nprofiles = c->nplans = 0;
}

/* The slot of `person`'s profile under `p` at age `age`, added if new; -1 when the person
 * cannot be profiled (plans made claim by claim); -2 when the table is full and `keep` forbids
 * emptying it (plans of the current chunk still in use). */
static inline int slot_for(plan_cache *c, const medins_policy *p, const medins_person *person,
                           int age, const medins_ledger *ledger, bool keep)
{
    mdn_profile prof;
    if (!mdn_profile_of(&prof, p, person, age, ledger))
        return -1;
    uint64_t key = (uint64_t)prof.category ^ (uint64_t)prof.tier << 4 ^ (uint64_t)prof.groups << 8 ^
                   (uint64_t)prof.age << 24 ^ (uint64_t)prof.thrift << 36 ^
                   (uint64_t)prof.prior << 48 ^ (uint64_t)(uintptr_t)p >> 4 ^
                   ((uint64_t)(uint32_t)prof.retired << 32 ^ (uint64_t)(uint32_t)prof.months << 12 ^
                    (uint64_t)(uint32_t)prof.sex << 60 ^ (uint64_t)prof.cohorts << 20);
    const unsigned home = (unsigned)((key * 0x9E3779B97F4A7C15ull) >> (64 - PROFILE_SLOT_BITS));
    unsigned slot = home;
    for (; c->profile[slot].policy; slot = (slot + 1) & (PROFILE_SLOTS - 1))
        if (mdn_profile_equal(&c->profile[slot], &prof))
            return (int)slot;
    if (c->nprofiles == PROFILES_MAX) {
        if (keep)
            return -2;
        /* Emptied, the table has the profile's own slot free. */
        cache_clear(c);
        slot = home;
    }
    c->nprofiles++;
    c->profile[slot] = prof;
    mdn_ctx_make(&c->ctx[slot], p, person, mdn_settle_tier(p, person), age, ledger, 0, 0, 0);
    memset(c->plan_no[slot], 0, sizeof c->plan_no[slot]);
    return (int)slot;
}

/* Makes the plan of claim key `key` (batch_key) in `slot` (see plan_for); NULL when the key's
 * kind does not go with its level. */
static MDN_NOINLINE const mdn_plan *plan_make(plan_cache *c, int slot, unsigned key, bool keep)
{
    const int kind = (int)(key >> 3 & 7), level = (int)(key & 7);
    if (!(MDN_KIND_LEVELS >> (key & 63) & 1))
        return NULL;
    if (c->nplans == c->size) {
        if (keep)
            return NULL;
        /* Every profile stays; their plans are made again. */
        memset(c->plan_no, 0, sizeof c->plan_no);
        c->nplans = 0;
    }
    mdn_ctx ctx = c->ctx[slot];
    ctx.kind = kind;
    ctx.level = level;
    ctx.admission = kind == MEDINS_CLAIM_INPATIENT ? 1 + (int)(key >> KEY_ADMITTED_SHIFT) : 0;
    ctx.at_family_doctor = (int)(key >> 6 & 1);
    mdn_plan *plan = &c->plan[c->nplans++];
    mdn_plan_make(plan, c->profile[slot].policy, &ctx);
    /* The chunks carry no days: a plan with a maximum per bed-day is settled alone, with the
     * claim's days, or refused without them as a single settlement is. */
    const uint16_t no = (uint16_t)(c->nplans | (plan->status != MDN_PLAN_OK || plan->brow
                                                    ? PLAN_CANNOT : 0));
    c->plan_no[slot][key] = no;
    /* Only inpatient claims have an admission order: the other keys are the same plan. */
    const unsigned claim_bits = key & ((1u << KEY_ADMITTED_SHIFT) - 1);
    if (kind != MEDINS_CLAIM_INPATIENT)
        for (unsigned a = 0; a <= (unsigned)c->profile[slot].policy->admission_orders; a++)
            c->plan_no[slot][claim_bits | a << KEY_ADMITTED_SHIFT] = no;
    return plan;
}

/* The plan of the claim key of kind, level, family_doctor and the person's admissions before
 * it in `slot`, made if new; NULL when the pool is full and `keep` forbids emptying it (plans
 * of the current chunk still in use). */
static inline const mdn_plan *plan_for(plan_cache *c, int slot, int kind, int level,
                                       int family_doctor, int32_t admitted, bool keep)
{
    const unsigned key = batch_key((unsigned)kind, (unsigned)level, (unsigned)family_doctor,
                                   (unsigned)admitted,
                                   (unsigned)c->profile[slot].policy->admission_orders);
    const unsigned n = c->plan_no[slot][key];
    if (n)
        return &c->plan[(n & ~PLAN_CANNOT) - 1];
    return plan_make(c, slot, key, keep);
}

static void put(medins_fen *col, size_t i, medins_fen v)
{
    if (col)
        col[i] = v;
}

#define CHUNK MDN_CHUNK

const int64_t mdn_zeros[MDN_CHUNK];

/* A batch call: its arguments, its plan cache, the first failure, and the person whose run
 * of consecutive claims the first pass is in. */
typedef struct batch {
    policy_source *src;
    const medins_batch_persons *persons;
    const medins_batch_claims *claims;
    medins_ledger *ledgers;
    medins_batch_out *out;
    unsigned cols;                   /* the output columns present (mdn_batch_columns) */
    plan_cache *cache;               /* NULL: plans made claim by claim */
    /* Failures are worded (their errors made) while `word` holds: the first only, for the
     * caller's err, or every one, into `errors`. */
    bool word;
    medins_batch_errors *errors;     /* NULL: only the first failure is kept, in first_err */
    medins_error *first_err;
    bool lost;                       /* an error could not be recorded in `errors` */
    size_t nfailed, first;
    bool close_years;                /* medins_batch_options.close_years */
    size_t end;                      /* the claims settled end before claim `end` */

    /*
     * The run shares one check of the person, one of their ledger (every later ledger of the
     * run is one the core wrote, or the same one after a failure) and one profile lookup per
     * policy and age band. The checks keep mdn_settle_core's order: person, claim, birth date,
     * ledger; a cached failure is checked again to word the error when it is worded.
     */
    size_t run;                      /* the person's index; (size_t)-1: none */
    medins_person person;
    int person_rc, ledger_rc;
    bool run_ok;                     /* person_rc and ledger_rc both 0 */
    int32_t year0;                   /* the ledger's year * 10000, and its days */
    const uint64_t *days;
    /* The in-scope cost the run's claims may still take before a year total of the ledger
     * could pass the limit (mdn_ledger_room), less that of the claims planned or settled. */
    uint64_t room;
    /* The person's profile slot, and the policy it is for (NULL: to be found). */
    int slot;
    const medins_policy *slot_policy;
    /* The slot holds on dates in [age_from, age_until): while the person's age stays on the
     * same side of every age bound of the slot's policy (mdn_profile_age_window). */
    medins_date age_from, age_until;
} batch;

/* Starts the run of person k unless it is the current one. */
static void run_enter(batch *b, size_t k)
{
    if (k == b->run)
        return;
    const medins_batch_persons *ps = b->persons;
    b->run = k;
    b->person = (medins_person){
        .version = MEDINS_PERSON_VERSION,
        .scheme = (medins_scheme)ps->scheme[k],
        .category = (medins_category)ps->category[k],
        .tier = (medins_tier)ps->tier[k],
        .birth_date = ps->birth_date[k],
        .groups = ps->groups ? ps->groups[k] : 0,
        .family_doctor = ps->family_doctor ? ps->family_doctor[k] : 0,
        /* A column left out leaves its field unknown: a row that reads one fails (as it would
         * settled alone without it). The profile tells the fields apart (mdn_profile_of). */
        .retirement_date = ps->retirement_date ? ps->retirement_date[k] : 0,
        .contribution_months = ps->contribution_months ? ps->contribution_months[k] : -1,
        .sex = ps->sex ? (medins_sex)ps->sex[k] : MEDINS_SEX_UNKNOWN,
        .cohorts = ps->cohorts ? ps->cohorts[k] : MEDINS_COHORTS_UNKNOWN,
    };
    const medins_ledger *ledger = &b->ledgers[k];
    /* Before any call, which the compiler would take to change the ledger: the OR of its
     * totals is then worked out once, for the room and the quick check. */
    const uint64_t room = mdn_ledger_room(ledger);
    const bool plain = mdn_ledger_plain(ledger);
    b->person_rc = mdn_person_plain(&b->person) ? 0 : mdn_person_check(&b->person, NULL);
    b->ledger_rc = plain ? 0 : medins_ledger_check(ledger, NULL);
    b->age_from = b->age_until = 0;
    b->slot_policy = NULL;
    /* The ledger's year is in range when the ledger is valid: the only case in which a claim
     * can be plain. The second pass does not check the count of settlements: the run can have
     * no more claims than the batch. */
    b->run_ok = b->person_rc == 0 && b->ledger_rc == 0 &&
                b->claims->n <= MEDINS_LEDGER_SEQ_MAX - ledger->seq;
    b->year0 = b->run_ok ? ledger->year * 10000 : 0;
    b->room = b->run_ok ? room : 0;
    b->days = mdn_days_of_year(b->year0 / 10000);
}

/* Claim i of the batch. */
static inline medins_claim claim_at(const medins_batch_claims *c, size_t i)
{
    return (medins_claim){
        .version = MEDINS_CLAIM_VERSION,
        .id = (int64_t)i,
        .date = c->date[i],
        .kind = (medins_claim_kind)c->kind[i],
        .level = (medins_level)c->level[i],
        .institution = c->institution ? c->institution[i] : 0,
        .total = c->total[i],
        .self_paid = c->self_paid ? c->self_paid[i] : 0,
        .category_b = c->category_b ? c->category_b[i] : 0,
        .attributes = c->attributes ? c->attributes[i] : 0,
        .days = c->days ? c->days[i] : 0,
    };
}

/*
 * The run's profile slot for a claim dated `date` (checked) under `policy`, looked up again
 * only when the policy changes or the date leaves the slot's age window (a birthday that
 * crosses one of the policy's age bounds). -1: no slot (plans made claim by claim); -2: the
 * cache is full and `keep` forbids emptying it (nothing changes, and a later call looks
 * again).
 */
static int run_slot(batch *b, const medins_policy *policy, medins_date date, bool keep)
{
    /* One unsigned test: a new person's empty window [0, 0) holds no date. */
    if (policy == b->slot_policy &&
        (uint32_t)(date - b->age_from) < (uint32_t)(b->age_until - b->age_from))
        return b->slot;
    const medins_date birth = b->person.birth_date;
    if (date < birth) {
        /* A claim before the birth date is refused (settle_alone): no slot, until then. */
        b->slot = -1;
        b->slot_policy = policy;
        b->age_from = 0;
        b->age_until = birth;
        return -1;
    }
    /* Both dates are checked: the age needs no further test. Cohorts the policy does not let
     * the caller set get no slot: the claim is settled alone, which says why. None or unknown
     * (the usual persons) need no call to tell. */
    const int age = birth ? mdn_age_between(birth, date) : -1;
    const int slot = b->cache && ((b->person.cohorts + 1u <= 1u) ||
                                  mdn_cohorts_check(policy, &b->person, NULL) == 0)
                         ? slot_for(b->cache, policy, &b->person, age, &b->ledgers[b->run], keep)
                         : -1;
    if (slot == -2)
        return -2;
    b->slot = slot;
    b->slot_policy = policy;
    if (slot >= 0) {
        mdn_profile_age_window(policy, birth, b->cache->profile[slot].age, &b->age_from,
                               &b->age_until);
    } else {
        /* No profile: the slot stays -1 while the policy does. */
        b->age_from = 0;
        b->age_until = INT32_MAX;
    }
    return slot;
}

/* The claim key's family-doctor flag, without a branch. */
static inline int at_family_doctor(int64_t family_doctor, int64_t institution)
{
    return (family_doctor != 0) & (institution == family_doctor);
}

/* Keeps the error e (NULL when not worded) of failed claim i. */
static void keep_error(batch *b, size_t i, medins_error *e)
{
    if (!e)
        return;
    if (!b->errors) {
        b->first_err = e;
        b->word = false;
    } else if (errors_add(b->errors, i, e) < 0) {
        medins_error_free(e);
        b->lost = true;
    }
}

/* Records claim i's outcome: its figures s, or zeros and the failure with its error e (NULL
 * when not worded; s is then not read). */
static void finish(batch *b, size_t i, int rc, const medins_settlement *s, medins_error *e)
{
    static const medins_settlement none;
    if (rc != 0) {
        s = &none;
        if (b->nfailed++ == 0)
            b->first = i;
        keep_error(b, i, e);
    }
    medins_batch_out *out = b->out;
    put(out->fund, i, s->fund);
    put(out->major_disease, i, s->major_disease);
    put(out->assistance, i, s->assistance);
    put(out->patient, i, s->patient);
    put(out->deductible, i, s->deductible);
    put(out->coinsurance, i, s->coinsurance);
    put(out->over_cap, i, s->over_cap);
    put(out->account, i, s->account);
    put(out->supplementary, i, s->supplementary);
    put(out->account_first, i, s->account_first);
    if (out->status)
        out->status[i] = rc;
}

/*
 * The ledger of the claim's benefit year from `ledger` (checked), of an earlier year: each year
 * closed with the policy in force on its last day, into *out (medins_batch_options.close_years).
 * The years are those of `claim_policy`, the policy of the claim. The error of a year that
 * cannot be closed says which.
 */
static MDN_NOINLINE int close_years(batch *b, medins_ledger *out, const medins_ledger *ledger,
                                    const medins_policy *claim_policy, int32_t year,
                                    medins_error **err)
{
    medins_ledger l = *ledger;
    while (l.year < year) {
        int rc = 0;
        medins_error *e = NULL, **ep = err ? &e : NULL;
        const medins_policy *policy = policy_for(b->src, mdn_benefit_year_end(claim_policy, l.year),
                                                 &rc, ep);
        if (rc == 0)
            rc = medins_ledger_close_year(&l, &l, policy, &b->person, ep);
        if (rc != 0) {
            if (err)
                mdn_error(err, rc, NULL, 0, 0, "the ledger's year %d cannot be closed: %s",
                          (int)l.year, medins_error_message(e));
            medins_error_free(e);
            return rc;
        }
    }
    *out = l;
    return 0;
}

/* The check of the run's person and of their cohorts under `policy`, in mdn_settle_core's
 * order, worded as it words them. */
static MDN_NOINLINE int person_fails(const batch *b, const medins_policy *policy,
                                     medins_error **err)
{
    const int rc = mdn_person_check(&b->person, err);
    return rc < 0 ? rc : mdn_cohorts_check(policy, &b->person, err);
}

/* Settles claim i alone, with every check a failure needs to be worded as one claim per call
 * words it. */
static MDN_NOINLINE void settle_alone(batch *b, size_t i)
{
    const medins_batch_claims *claims = b->claims;
    const size_t k = (size_t)claims->person[i];
    medins_ledger *ledger = &b->ledgers[k];
    run_enter(b, k);
    const medins_claim claim = claim_at(claims, i);
    int rc = 0;
    medins_error *error = NULL, **e = b->word ? &error : NULL;
    const medins_policy *policy = policy_for(b->src, claim.date, &rc, e);
    /* A plain claim passes every check of the person, the claim, the ledger and the dates but
     * the birth date's: the settlement then skips its own date checks. Any other is checked in
     * mdn_settle_core's order, so that the first error is the same: person, claim, birth date,
     * ledger, then (in the settlement) the dates. */
    const bool plain = rc == 0 && ((unsigned)b->run_ok & mdn_claim_plain(&claim, b->year0, b->days) &
                                   (claim.date >= ledger->last_date) &
                                   (claim.date % 10000 >= policy->year_start) &
                                   (claim.attributes == 0) & (claim.days == 0) &
                                   mdn_within_policy(policy, claim.date));
    /* Cohorts given (neither none nor unknown) are checked against the claim's policy. */
    if (rc == 0 && ((!plain & (b->person_rc < 0)) | (b->person.cohorts + 1u > 1u)))
        rc = person_fails(b, policy, e);
    if (rc == 0 && !plain)
        rc = mdn_claim_check(&claim, e);
    /* A plain claim passed the others, but not this one (the first pass leaves claims before
     * the birth date to this call: run_slot). */
    if (rc == 0)
        rc = mdn_born_by(&b->person, claim.date, "the claim date", e);
    if (rc == 0 && !plain && b->ledger_rc < 0)
        rc = e ? medins_ledger_check(ledger, e) : b->ledger_rc;
    medins_settlement s;
    /* A claim of a later year, its ledger's years closed first: settled from the closed ledger
     * with a plan of its own, into its person's ledger only when it settles. */
    medins_ledger closed;
    if (rc == 0 && b->close_years && mdn_benefit_year(policy, claim.date) > ledger->year) {
        if ((rc = close_years(b, &closed, ledger, policy, mdn_benefit_year(policy, claim.date),
                              e)) == 0) {
            mdn_ctx ctx;
            mdn_plan own;
            mdn_ctx_make(&ctx, policy, &b->person, mdn_settle_tier(policy, &b->person),
                         mdn_person_age(&b->person, claim.date), &closed, claim.kind,
                         claim.level, claim.institution);
            ctx.attributes = claim.attributes;
            mdn_plan_make(&own, policy, &ctx);
            rc = mdn_settle_planned(&s, ledger, &closed, policy, &b->person, &own, &claim,
                                    MDN_VOUCHED_NONE, e);
        }
        /* The run's figures are the old ledger's: the next claim starts the run again. */
        if (rc == 0)
            b->run = (size_t)-1;
        finish(b, i, rc, &s, error);
        return;
    }
    if (rc == 0) {
        /* The cache's plans are of claims without attributes. */
        const int slot = claim.attributes ? -1 : run_slot(b, policy, claim.date, false);
        const int family_doctor = at_family_doctor(b->person.family_doctor, claim.institution);
        const mdn_plan *plan;
        mdn_plan own;
        if (slot >= 0) {
            plan = plan_for(b->cache, slot, claim.kind, claim.level, family_doctor,
                            ledger->admissions, false);
        } else {
            mdn_ctx ctx;
            mdn_ctx_make(&ctx, policy, &b->person, mdn_settle_tier(policy, &b->person),
                         mdn_person_age(&b->person, claim.date), ledger, claim.kind, claim.level,
                         claim.institution);
            ctx.attributes = claim.attributes;
            mdn_plan_make(&own, policy, &ctx);
            plan = &own;
        }
        rc = mdn_settle_planned(&s, ledger, NULL, policy, &b->person, plan, &claim,
                                plain ? MDN_VOUCHED_DATES : MDN_VOUCHED_NONE, e);
        if (rc == 0) {
            const uint64_t in_scope = (uint64_t)(claim.total - claim.self_paid - claim.category_b);
            b->room = in_scope < b->room ? b->room - in_scope : 0;
        }
    }
    finish(b, i, rc, &s, error);
}

/*
 * The first pass over the claims from i0: the plans of those that surely settle, with
 * `policy`, up to CHUNK of them, making the plans not yet in the cache. Stops before a claim
 * that is not plain (its checks then word its error), whose person has no profile (plans made
 * claim by claim), whose plan cannot settle, whose policy differs, that would empty the cache
 * while the chunk's plans are in use, that could take a year total of the ledger past the
 * limit (the run's room, below), or that starts a run of a person whose index is not above
 * the chunk's previous run's (the person may have had claims earlier in the chunk, which the
 * ledger does not show yet). Returns how many claims it planned: the second pass settles
 * them all, with no check of its own.
 *
 * Each claim is checked as if the chunk's earlier claims had settled, which they will: the
 * admissions, the last date and the room are counted here, not read from the ledger.
 */
static size_t plan_chunk(batch *b, size_t i0, const medins_policy **policy_out,
                         const mdn_plan **plans)
{
    const medins_batch_claims *claims = b->claims;
    size_t n = b->end - i0 < CHUNK ? b->end - i0 : CHUNK;
    /* A claim with attributes is settled alone, with a plan of its own, and so is one with
     * days, which the chunk's claims do not carry: the chunk ends before the first, found in
     * one pass over the columns (when the batch has them), so that the loop below tests no
     * claim for them. */
    const uint32_t *attributes = claims->attributes, *bed_days = claims->days;
    if (attributes || bed_days)
        for (size_t j = 0; j < n; j++)
            if ((attributes && attributes[i0 + j]) || (bed_days && bed_days[i0 + j])) {
                n = j;
                break;
            }
    if (n == 0)
        return 0;
    /* The chunk's columns, in locals: the functions the loop calls at a new person could
     * write `claims` for all the compiler knows, and it would load them again each claim. */
    const int32_t *person = claims->person + i0, *date = claims->date + i0,
                  *kind = claims->kind + i0, *level = claims->level + i0;
    const medins_fen *total = claims->total + i0;
    const int64_t *institution = claims->institution ? claims->institution + i0 : mdn_zeros;
    const medins_fen *self_paid = claims->self_paid ? claims->self_paid + i0 : mdn_zeros,
                     *category_b = claims->category_b ? claims->category_b + i0 : mdn_zeros;
    const mdn_plan *pool = b->cache->plan;
    int rc = 0;
    const medins_policy *policy = policy_for(b->src, date[0], &rc, NULL);
    if (rc != 0)
        return 0;
    /* The policy's dates as mdn_within_policy reads them. */
    const uint32_t from = (uint32_t)policy->from,
                   span = (policy->to ? (uint32_t)policy->to : (uint32_t)INT32_MAX) - from;
    /* The run's figures the loop reads, kept out of `b`: its slot's plan numbers hold on
     * dates in [window_from, window_from + window_days) (run_slot). */
    size_t run = (size_t)-1;
    unsigned admitted = 0;       /* admissions this year (batch_key) */
    /* The admission orders the policy tells apart (batch_key). */
    const unsigned orders = (unsigned)policy->admission_orders;
    int32_t year0 = 0;
    medins_date last = 0, window_from = 0;
    uint32_t window_days = 0;
    uint64_t room = 0;
    const uint64_t *days = NULL;
    const uint16_t *plan_no = NULL;
    int slot = -1;
    int64_t family_doctor = 0;
    size_t m = 0;
    for (; m < n; m++) {
        const size_t k = (size_t)person[m];
        if (k != run) {
            if (m > 0 && k <= run)
                break;
            run = k;
            /* A person or ledger that fails its check has year0 0: none of its claims is
             * plain. */
            run_enter(b, k);
            admitted = (unsigned)b->ledgers[k].admissions;
            /* No claim before the first day of the ledger's benefit year is plain: for a year
             * from 1 January, a bound the year's days already keep. */
            last = b->ledgers[k].last_date;
            if (last < b->year0 + policy->year_start)
                last = b->year0 + policy->year_start;
            year0 = b->year0;
            days = b->days;
            room = b->room;
            family_doctor = b->person.family_doctor;
            window_from = 0;
            window_days = 0;
        }
        /* The chunk's first claim started a run: its person index is in range, never the
         * initial `run` (batch_run checked). */
        MDN_ANALYZER_ASSUME(days != NULL);
        const medins_claim claim = {
            .date = date[m],
            .kind = (medins_claim_kind)kind[m],
            .level = (medins_level)level[m],
            .institution = institution[m],
            .total = total[m],
            .self_paid = self_paid[m],
            .category_b = category_b[m],
        };
        /* Unsigned: exact when the claim is plain, and no overflow when it is not. */
        const uint64_t in_scope = (uint64_t)claim.total - (uint64_t)claim.self_paid -
                                  (uint64_t)claim.category_b;
        if (!(mdn_claim_plain_but_pair(&claim, year0, days) & (claim.date >= last) &
              ((uint32_t)claim.date - from <= span) & (in_scope <= room)))
            break;
        if ((uint32_t)(claim.date - window_from) >= window_days) {
            if ((slot = run_slot(b, policy, claim.date, m > 0)) < 0)
                break;
            window_from = b->age_from;
            window_days = (uint32_t)(b->age_until - b->age_from);
            plan_no = b->cache->plan_no[slot];
        }
        const unsigned key = batch_key((unsigned)claim.kind, (unsigned)claim.level,
                                       at_family_doctor(family_doctor, claim.institution),
                                       admitted, orders);
        /* The run's first claim is outside the empty window [0, 0) and took a slot. */
        MDN_ANALYZER_ASSUME(plan_no != NULL);
        /* One test for a plan that can settle; else one is made, or the claim is settled
         * alone: its plan cannot settle (settled alone, it says why), its kind does not go
         * with its level (likewise), or the cache is full. */
        const unsigned no = plan_no[key];
        const mdn_plan *plan;
        if (no - 1u < PLAN_CANNOT - 1u)
            plan = &pool[no - 1];
        else if (no != 0 || !(plan = plan_make(b->cache, slot, key, m > 0)) ||
                 plan->status != MDN_PLAN_OK || plan->brow)
            break;
        plans[m] = plan;
        /* From the claim's kind, not the plan's flag: that would make each claim's key wait
         * for the plan lookups of the claims before it. */
        admitted += claim.kind == MEDINS_CLAIM_INPATIENT;
        last = claim.date;
        room -= in_scope;
    }
    b->room = room;
    *policy_out = policy;
    return m;
}

/*
 * Whether every claim names one of the n persons: one pass without a branch, before anything
 * is settled (the first bad index is then looked for only if there is one). It compares
 * 32-bit words (bench/README.md): a negative index is 2^31 or more as unsigned, and so is any
 * count of persons above it. Out of line, so that the batch's loops do not move with it.
 */
static MDN_NOINLINE bool persons_in_range(const medins_batch_claims *claims, size_t n)
{
    const uint32_t limit = n < (size_t)1 << 31 ? (uint32_t)n : (uint32_t)1 << 31;
    uint32_t bad = 0;
    for (size_t i = 0; i < claims->n; i++)
        bad |= (uint32_t)claims->person[i] >= limit;
    return !bad;
}

/* Settles claims [from, b->end) of the batch, with a plan cache of their own. */
static void settle_part(batch *b, size_t from)
{
    const size_t n = b->end - from, max_plans = b->src->max_plans;
    const size_t nplans = n < max_plans ? n : max_plans;
    b->cache = n > 0 && max_plans > 0 ? malloc(sizeof *b->cache + nplans * sizeof b->cache->plan[0])
                                      : NULL;
    if (b->cache) {
        b->cache->size = (unsigned)nplans;
        cache_clear(b->cache);
    }
    const mdn_plan *plans[CHUNK];
    for (size_t i = from; i < b->end;) {
        const medins_policy *policy;
        const size_t m = b->cache ? plan_chunk(b, i, &policy, plans) : 0;
        if (m > 0) {
            mdn_settle_chunk(b->claims, b->out, b->cols, b->ledgers, &b->person, policy, plans,
                             i, m);
            i += m;
        } else {
            settle_alone(b, i);
            i++;
        }
    }
    free(b->cache);
    b->cache = NULL;
}

/* ---- Threads ----------------------------------------------------------------------------- */

/* The most threads a batch starts. */
#define PARTS_MAX 256

/*
 * How many parts the claims are settled in for `threads` threads: 1 unless the claims are
 * sorted by person index (so that a cut between two persons leaves each person's claims, and
 * ledger, to one part), and no more than MEDINS_BATCH_PART_MIN claims a part allow. The test
 * of the order is one pass without a branch.
 */
static MDN_NOINLINE size_t parts_of(const medins_batch_claims *claims, unsigned threads)
{
    size_t parts = threads < PARTS_MAX ? threads : PARTS_MAX;
    if (claims->n / MEDINS_BATCH_PART_MIN < parts)
        parts = claims->n / MEDINS_BATCH_PART_MIN;
    if (parts < 2)
        return 1;
    unsigned unsorted = 0;
    for (size_t i = 1; i < claims->n; i++)
        unsorted |= claims->person[i] < claims->person[i - 1];
    return unsorted ? 1 : parts;
}

/* A part of a threaded batch: its claims [from, b.end), its own policy source (the set's
 * last policy found) and errors, and its thread. */
typedef struct batch_part {
    batch b;
    policy_source src;
    medins_batch_errors errors;
    size_t from;
    pthread_t thread;
    bool started;
} batch_part;

static void *part_main(void *arg)
{
    batch_part *p = arg;
    settle_part(&p->b, p->from);
    return NULL;
}

/* A part's outcome added to the batch's (the parts taken in claim order): its failures, its
 * first error, its errors moved into the caller's object. */
static void part_join(batch *b, batch_part *p)
{
    if (p->b.nfailed > 0 && b->nfailed == 0) {
        b->first = p->b.first;
        b->first_err = p->b.first_err;
        p->b.first_err = NULL;
    }
    b->nfailed += p->b.nfailed;
    b->lost |= p->b.lost;
    medins_error_free(p->b.first_err);
    for (size_t k = 0; k < p->errors.n; k++)
        if (errors_add(b->errors, p->errors.item[k].claim, p->errors.item[k].error) < 0) {
            medins_error_free(p->errors.item[k].error);
            b->lost = true;
        }
    free(p->errors.item);
}

/*
 * Settles the batch `tmpl` describes in `parts` parts, cut between persons near equal numbers
 * of claims: part 0 in the calling thread, each other in a thread of its own (or, when one
 * cannot be started, in the calling thread after part 0). Without memory for the parts, in
 * one.
 */
static void settle_parts(batch *tmpl, size_t parts)
{
    const medins_batch_claims *claims = tmpl->claims;
    batch_part *part = calloc(parts, sizeof *part);
    if (!part) {
        settle_part(tmpl, 0);
        return;
    }
    size_t from = 0;
    for (size_t t = 0; t < parts; t++) {
        size_t end = t + 1 == parts ? claims->n : claims->n / parts * (t + 1);
        if (end < from)
            end = from;
        while (end > 0 && end < claims->n && claims->person[end] == claims->person[end - 1])
            end++;
        batch_part *p = &part[t];
        p->b = *tmpl;
        p->src = *tmpl->src;
        p->b.src = &p->src;
        p->b.errors = tmpl->errors ? &p->errors : NULL;
        p->b.end = end;
        p->from = from;
        from = end;
    }
    for (size_t t = 1; t < parts; t++)
        part[t].started = pthread_create(&part[t].thread, NULL, part_main, &part[t]) == 0;
    part_main(&part[0]);
    for (size_t t = 1; t < parts; t++) {
        if (part[t].started)
            pthread_join(part[t].thread, NULL);
        else
            part_main(&part[t]);
    }
    for (size_t t = 0; t < parts; t++)
        part_join(tmpl, &part[t]);
    free(part);
}

static int batch_run(policy_source *src, const medins_batch_persons *persons,
                     const medins_batch_claims *claims, medins_ledger *ledgers,
                     medins_batch_out *out, medins_batch_errors *errors, bool close_years,
                     unsigned threads, size_t *failed, medins_error **err)
{
    if (!persons || !claims || !ledgers || !out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: NULL argument");
    int vrc;
    if ((vrc = MDN_CHECK_VERSION(err, persons, "medins_batch_persons",
                                 MEDINS_BATCH_PERSONS_VERSION)) < 0 ||
        (vrc = MDN_CHECK_VERSION(err, claims, "medins_batch_claims",
                                 MEDINS_BATCH_CLAIMS_VERSION)) < 0 ||
        (vrc = MDN_CHECK_VERSION(err, out, "medins_batch_out", MEDINS_BATCH_OUT_VERSION)) < 0)
        return vrc;
    if (persons->n > 0 && (!persons->scheme || !persons->category || !persons->tier || !persons->birth_date))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: a required person column is NULL");
    if (claims->n > 0 && (!claims->person || !claims->date || !claims->kind || !claims->level ||
                          !claims->total))
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "batch: a required claim column is NULL");
    if (!persons_in_range(claims, persons->n))
        for (size_t i = 0;; i++)
            if (claims->person[i] < 0 || (size_t)claims->person[i] >= persons->n)
                return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                                 "batch: claim %zu names person %d of %zu", i,
                                 (int)claims->person[i], persons->n);

    /* A caller's struct of version 1 ends before the attributes (claims) or the supplementary
     * fund (outputs), one of version 2 before the days (claims): none. */
    medins_batch_claims whole = MEDINS_BATCH_CLAIMS_INIT;
    if (claims->version < MEDINS_BATCH_CLAIMS_VERSION) {
        memcpy(&whole, claims, claims->version < 2 ? offsetof(medins_batch_claims, attributes)
                                                   : offsetof(medins_batch_claims, days));
        whole.version = MEDINS_BATCH_CLAIMS_VERSION;
        claims = &whole;
    }
    /* Persons of version 1 end before the fields of medins_person version 2: unknown. */
    medins_batch_persons whole_persons = MEDINS_BATCH_PERSONS_INIT;
    if (persons->version < 2) {
        memcpy(&whole_persons, persons, offsetof(medins_batch_persons, retirement_date));
        whole_persons.version = MEDINS_BATCH_PERSONS_VERSION;
        persons = &whole_persons;
    }
    medins_batch_out whole_out = MEDINS_BATCH_OUT_INIT;
    if (out->version < 2) {
        memcpy(&whole_out, out, offsetof(medins_batch_out, supplementary));
        whole_out.version = MEDINS_BATCH_OUT_VERSION;
        out = &whole_out;
    }
    /* Without an errors object only the first failure's error is made: one allocation per
     * batch (per part) at most. */
    batch b = {.src = src, .persons = persons, .claims = claims, .ledgers = ledgers, .out = out,
               .cols = mdn_batch_columns(out), .word = err || errors, .errors = errors,
               .close_years = close_years, .end = claims->n, .run = (size_t)-1, .slot = -1};
    const size_t parts = parts_of(claims, threads);
    if (parts > 1)
        settle_parts(&b, parts);
    else
        settle_part(&b, 0);
    if (failed)
        *failed = b.nfailed;
    if (b.lost)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0,
                         "out of memory recording the errors of the %zu failed claim(s): some "
                         "are missing (each claim's status is right)", b.nfailed);
    if (b.nfailed == 0)
        return 0;
    const medins_error *first = errors ? medins_batch_errors_find(errors, b.first) : b.first_err;
    int rc = mdn_error(err, MEDINS_ERR_BATCH, NULL, 0, 0, "%zu claim(s) failed; the first, claim %zu: %s",
                       b.nfailed, b.first, medins_error_message(first));
    medins_error_free(b.first_err);
    return rc;
}

/*
 * A batch call: its options first (an unknown version is refused before anything is read; the
 * errors object is emptied before any other argument is), then the policy source, missing
 * when `missing` (the message) is not NULL, then the rest in batch_run.
 */
static int batch_call(policy_source *src, const char *missing,
                      const medins_batch_persons *persons, const medins_batch_claims *claims,
                      medins_ledger *ledgers, medins_batch_out *out,
                      const medins_batch_options *opts, size_t *failed, medins_error **err)
{
    medins_batch_errors *errors = NULL;
    bool close_years = false;
    unsigned threads = 1;
    if (opts) {
        int rc = MDN_CHECK_VERSION(err, opts, "medins_batch_options", MEDINS_BATCH_OPTIONS_VERSION);
        if (rc < 0)
            return rc;
        if ((errors = opts->errors) != NULL)
            errors_clear(errors);
        /* Version 1 ends before close_years. */
        close_years = opts->version >= 2 && opts->close_years;
        /* Version 2 ends before threads. */
        if (opts->version >= 3)
            threads = opts->threads;
    }
    if (missing)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%s", missing);
    return batch_run(src, persons, claims, ledgers, out, errors, close_years, threads, failed,
                     err);
}

int medins_batch_settle_ex(const medins_policy *policy, const medins_batch_persons *persons,
                           const medins_batch_claims *claims, medins_ledger *ledgers,
                           medins_batch_out *out, const medins_batch_options *opts,
                           size_t *failed, medins_error **err)
{
    policy_source src = {.fixed = policy, .max_plans = MDN_BATCH_PLANS};
    return batch_call(&src, policy ? NULL : "batch: NULL policy", persons, claims, ledgers, out,
                      opts, failed, err);
}

int medins_batch_settle_set_ex(const medins_policy_set *set, const char *region,
                               const medins_batch_persons *persons,
                               const medins_batch_claims *claims, medins_ledger *ledgers,
                               medins_batch_out *out, const medins_batch_options *opts,
                               size_t *failed, medins_error **err)
{
    policy_source src = {.set = set, .region = region, .max_plans = MDN_BATCH_PLANS};
    return batch_call(&src, set && region ? NULL : "batch: NULL policy set or region", persons,
                      claims, ledgers, out, opts, failed, err);
}

int mdn_batch_settle_plans(unsigned plans, const medins_policy *policy,
                           const medins_policy_set *set, const char *region,
                           const medins_batch_persons *persons, const medins_batch_claims *claims,
                           medins_ledger *ledgers, medins_batch_out *out,
                           const medins_batch_options *opts, size_t *failed, medins_error **err)
{
    policy_source src = {.fixed = policy, .set = set, .region = region, .max_plans = plans};
    return batch_call(&src, policy || (set && region) ? NULL : "batch: no policy, nor set and region",
                      persons, claims, ledgers, out, opts, failed, err);
}

int medins_batch_settle_threads(const medins_policy *policy, const medins_batch_persons *persons,
                                const medins_batch_claims *claims, medins_ledger *ledgers,
                                medins_batch_out *out, unsigned threads, size_t *failed,
                                medins_error **err)
{
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    opts.threads = threads;
    return medins_batch_settle_ex(policy, persons, claims, ledgers, out, &opts, failed, err);
}

int medins_batch_settle(const medins_policy *policy, const medins_batch_persons *persons,
                        const medins_batch_claims *claims, medins_ledger *ledgers,
                        medins_batch_out *out, size_t *failed, medins_error **err)
{
    return medins_batch_settle_ex(policy, persons, claims, ledgers, out, NULL, failed, err);
}

int medins_batch_settle_set(const medins_policy_set *set, const char *region,
                            const medins_batch_persons *persons, const medins_batch_claims *claims,
                            medins_ledger *ledgers, medins_batch_out *out, size_t *failed,
                            medins_error **err)
{
    return medins_batch_settle_set_ex(set, region, persons, claims, ledgers, out, NULL, failed,
                                      err);
}
