/*
 * A synthetic population and claim mix, shared by the benchmarks and by the large tests
 * (tests/check_invariants.c, tests/check_threads.c) so that all of them exercise the same data.
 *
 * Everything is derived from one 64-bit seed with splitmix64, so a run can be reproduced
 * exactly. Claims come grouped by person and in date order within a person, as the batch
 * call requires. Amounts are drawn on a roughly logarithmic scale so that small visits,
 * deductible crossings, segment crossings and annual maximums are all common.
 *
 * Header-only (static functions): each program that includes it gets its own copy.
 */
#ifndef MEDINS_SYNTH_H
#define MEDINS_SYNTH_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <medins.h>

typedef struct synth_rng { uint64_t s; } synth_rng;

static inline uint64_t synth_next(synth_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. The modulo bias is irrelevant at these sizes. */
static inline uint64_t synth_below(synth_rng *r, uint64_t n)
{
    return synth_next(r) % n;
}

/* An amount in fen between 2^lo and 2^(hi+1): the exponent is uniform, so each size class is as common. */
static inline medins_fen synth_amount(synth_rng *r, int lo, int hi)
{
    int e = lo + (int)synth_below(r, (uint64_t)(hi - lo + 1));
    return ((medins_fen)1 << e) + (medins_fen)synth_below(r, (uint64_t)1 << e);
}

/* Claim kinds to draw, as a bit mask of 1u << medins_claim_kind. */
#define SYNTH_KINDS_ALL 0x1Fu
#define SYNTH_KINDS_BASIC ((1u << MEDINS_CLAIM_OUTPATIENT) | (1u << MEDINS_CLAIM_PHARMACY) | \
                           (1u << MEDINS_CLAIM_INPATIENT))
/* Added to the kinds: no person belongs to a special group. */
#define SYNTH_NO_GROUPS (1u << 31)

typedef struct synth_data {
    size_t npersons, nclaims;
    /* persons */
    int32_t *scheme, *category, *tier;
    medins_date *birth_date;
    uint32_t *groups;
    int64_t *family_doctor;
    /* claims */
    int32_t *person;
    medins_date *date;
    int32_t *kind, *level;
    int64_t *institution;
    medins_fen *total, *self_paid, *category_b;
} synth_data;

static inline void synth_free(synth_data *d)
{
    free(d->scheme); free(d->category); free(d->tier); free(d->birth_date);
    free(d->groups); free(d->family_doctor);
    free(d->person); free(d->date); free(d->kind); free(d->level); free(d->institution);
    free(d->total); free(d->self_paid); free(d->category_b);
    memset(d, 0, sizeof *d);
}

static inline int synth_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Day of year (0-based) of a YYYYMMDD date, and back. */
static inline int synth_yday(medins_date d)
{
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    return before[m - 1] + (m > 2 && synth_is_leap(y)) + day - 1;
}

static inline medins_date synth_from_yday(int year, int yday)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int m = 0;
    for (;;) {
        int l = len[m] + (m == 1 && synth_is_leap(year));
        if (yday < l)
            break;
        yday -= l;
        m++;
    }
    return year * 10000 + (m + 1) * 100 + yday + 1;
}

static inline void synth_person_draw(synth_data *d, size_t i, synth_rng *r, uint32_t schemes, int year,
                                     int groups)
{
    int resident;
    if (schemes == (1u << MEDINS_SCHEME_RESIDENT))
        resident = 1;
    else if (schemes == (1u << MEDINS_SCHEME_EMPLOYEE))
        resident = 0;
    else
        resident = synth_below(r, 10) < 4;
    d->groups[i] = 0;
    d->family_doctor[i] = synth_below(r, 5) == 0 ? 1000 + (int64_t)synth_below(r, 40) : 0;
    if (!resident) {
        int retired = synth_below(r, 10) < 3;
        d->scheme[i] = MEDINS_SCHEME_EMPLOYEE;
        d->category[i] = retired ? MEDINS_CATEGORY_RETIRED : MEDINS_CATEGORY_IN_SERVICE;
        d->tier[i] = MEDINS_TIER_NONE;
        /* retirees 55 to 95, so every retiree age band is populated; workers 18 to 60 */
        int age = retired ? 55 + (int)synth_below(r, 41) : 18 + (int)synth_below(r, 43);
        d->birth_date[i] = synth_from_yday(year - age - 1, (int)synth_below(r, 365));
    } else {
        static const uint32_t group_draw[] = {
            MEDINS_GROUP_DIBAO, MEDINS_GROUP_MARGINAL, MEDINS_GROUP_TEKUN, MEDINS_GROUP_DISABLED,
            MEDINS_GROUP_LOW_INCOME_ELDERLY, MEDINS_GROUP_SINGLE_PARENT,
        };
        int child = synth_below(r, 10) < 3;
        d->scheme[i] = MEDINS_SCHEME_RESIDENT;
        d->category[i] = child ? MEDINS_CATEGORY_STUDENT_CHILD : MEDINS_CATEGORY_ADULT;
        d->tier[i] = child || synth_below(r, 2) ? MEDINS_TIER_LOW : MEDINS_TIER_HIGH;
        int age = child ? (int)synth_below(r, 18) : 18 + (int)synth_below(r, 70);
        d->birth_date[i] = synth_from_yday(year - age - 1, (int)synth_below(r, 365));
        if (groups && synth_below(r, 8) == 0)
            d->groups[i] = group_draw[synth_below(r, sizeof group_draw / sizeof group_draw[0])];
    }
}

static inline void synth_claim_draw(synth_data *d, size_t j, synth_rng *r, uint32_t kinds,
                                    const int64_t family_doctor)
{
    /* weights: outpatient 45, pharmacy 25, inpatient 15, pooling 8, special disease 7 */
    static const int weight[MEDINS_CLAIM_KIND_COUNT] = {45, 8, 7, 15, 25};
    int sum = 0, k;
    for (k = 0; k < MEDINS_CLAIM_KIND_COUNT; k++)
        sum += (kinds >> k & 1u) ? weight[k] : 0;
    int pick = (int)synth_below(r, (uint64_t)sum);
    for (k = 0; k < MEDINS_CLAIM_KIND_COUNT; k++) {
        if (!(kinds >> k & 1u))
            continue;
        if (pick < weight[k])
            break;
        pick -= weight[k];
    }
    d->kind[j] = k;
    if (k == MEDINS_CLAIM_PHARMACY) {
        d->level[j] = MEDINS_LEVEL_PHARMACY;
    } else {
        static const int32_t levels[10] = {0, 0, 1, 1, 2, 2, 2, 3, 3, 3};
        d->level[j] = levels[synth_below(r, 10)];
    }
    d->institution[j] = family_doctor && synth_below(r, 2) ? family_doctor
                                                           : 1000 + (int64_t)synth_below(r, 40);
    medins_fen total;
    switch (k) {
    case MEDINS_CLAIM_INPATIENT:       total = synth_amount(r, 17, 26); break; /* 1,300 to 1.3M yuan */
    case MEDINS_CLAIM_SPECIAL_DISEASE: total = synth_amount(r, 14, 22); break;
    case MEDINS_CLAIM_PHARMACY:        total = synth_amount(r, 10, 16); break;
    default:                           total = synth_amount(r, 11, 18); break;
    }
    if (synth_below(r, 100) == 0)
        total = 0;
    d->total[j] = total;
    d->self_paid[j] = synth_below(r, 10) < 3 ? (medins_fen)synth_below(r, (uint64_t)total / 5 + 1) : 0;
    d->category_b[j] = synth_below(r, 10) < 3 ? (medins_fen)synth_below(r, (uint64_t)total / 10 + 1) : 0;
}

/*
 * Draw npersons persons of the schemes in `schemes` (1u << medins_scheme) and per_person claims
 * each of the kinds in `kinds` (plus SYNTH_NO_GROUPS to leave out special groups), dated between
 * from and to (same year), grouped by person in date order. Returns 0, or -1 when memory runs
 * out (d is then empty).
 */
static inline int synth_make(synth_data *d, size_t npersons, size_t per_person, uint32_t schemes,
                             uint32_t kinds, medins_date from, medins_date to, uint64_t seed)
{
    synth_rng r = {seed};
    int year = from / 10000;
    int first = synth_yday(from), last = synth_yday(to);
    size_t n = npersons * per_person;
    int groups = !(kinds & SYNTH_NO_GROUPS);
    kinds &= SYNTH_KINDS_ALL;
    memset(d, 0, sizeof *d);
    d->npersons = npersons;
    d->nclaims = n;
#define SYNTH_ALLOC(field, count) \
    if (!(d->field = calloc((count) ? (count) : 1, sizeof *d->field))) goto nomem
    SYNTH_ALLOC(scheme, npersons); SYNTH_ALLOC(category, npersons); SYNTH_ALLOC(tier, npersons);
    SYNTH_ALLOC(birth_date, npersons); SYNTH_ALLOC(groups, npersons); SYNTH_ALLOC(family_doctor, npersons);
    SYNTH_ALLOC(person, n); SYNTH_ALLOC(date, n); SYNTH_ALLOC(kind, n); SYNTH_ALLOC(level, n);
    SYNTH_ALLOC(institution, n); SYNTH_ALLOC(total, n); SYNTH_ALLOC(self_paid, n);
    SYNTH_ALLOC(category_b, n);
#undef SYNTH_ALLOC
    for (size_t i = 0; i < npersons; i++) {
        synth_person_draw(d, i, &r, schemes, year, groups);
        size_t base = i * per_person;
        /* dates: draw, then insertion-sort the person's few claims */
        for (size_t c = 0; c < per_person; c++) {
            int yd = first + (int)synth_below(&r, (uint64_t)(last - first + 1));
            size_t at = c;
            while (at > 0 && synth_yday(d->date[base + at - 1]) > yd) {
                d->date[base + at] = d->date[base + at - 1];
                at--;
            }
            d->date[base + at] = synth_from_yday(year, yd);
        }
        for (size_t c = 0; c < per_person; c++) {
            d->person[base + c] = (int32_t)i;
            synth_claim_draw(d, base + c, &r, kinds, d->family_doctor[i]);
        }
    }
    return 0;
nomem:
    synth_free(d);
    return -1;
}

static inline medins_batch_persons synth_batch_persons(const synth_data *d)
{
    medins_batch_persons p = {.version = MEDINS_BATCH_PERSONS_VERSION,
                              .n = d->npersons, .scheme = d->scheme, .category = d->category,
                              .tier = d->tier, .birth_date = d->birth_date, .groups = d->groups,
                              .family_doctor = d->family_doctor};
    return p;
}

/* Claims [first, first + n) as a batch view. */
static inline medins_batch_claims synth_batch_claims(const synth_data *d, size_t first, size_t n)
{
    medins_batch_claims c = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                             .n = n, .person = d->person + first, .date = d->date + first,
                             .kind = d->kind + first, .level = d->level + first,
                             .institution = d->institution + first, .total = d->total + first,
                             .self_paid = d->self_paid + first, .category_b = d->category_b + first};
    return c;
}

static inline void synth_person(const synth_data *d, size_t i, medins_person *p)
{
    medins_person_init(p);
    p->scheme = (medins_scheme)d->scheme[i];
    p->category = (medins_category)d->category[i];
    p->tier = (medins_tier)d->tier[i];
    p->birth_date = d->birth_date[i];
    p->groups = d->groups[i];
    p->family_doctor = d->family_doctor[i];
}

static inline void synth_claim(const synth_data *d, size_t j, medins_claim *c)
{
    medins_claim_init(c);
    c->id = (int64_t)j;
    c->date = d->date[j];
    c->kind = (medins_claim_kind)d->kind[j];
    c->level = (medins_level)d->level[j];
    c->institution = d->institution[j];
    c->total = d->total[j];
    c->self_paid = d->self_paid[j];
    c->category_b = d->category_b[j];
}

#endif
