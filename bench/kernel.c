/*
 * The tianjin/2023 rules hard-wired (see kernel.h). Every figure below is the merged value of
 * policies/tianjin/2023.yaml and its bases, in fen and basis points; bench.c checks that the
 * kernel's results equal the library's to the fen, so a change of the policy files shows here.
 */
#include <stdlib.h>
#include <string.h>

#include "kernel.h"

typedef struct person_state {
    medins_fen out_ded, out_pos, out_fund;   /* outpatient pool (outpatient + pharmacy) */
    medins_fen in_pos, in_fund;              /* inpatient pool */
    medins_fen major_base, major_fund;
    int32_t admissions;
} person_state;

struct kernel_state {
    size_t n;
    person_state *p;
};

kernel_state *kernel_state_new(size_t npersons)
{
    kernel_state *ks = malloc(sizeof *ks);
    if (!ks)
        return NULL;
    ks->n = npersons;
    ks->p = malloc(npersons * sizeof *ks->p);
    if (!ks->p) {
        free(ks);
        return NULL;
    }
    return ks;
}

void kernel_state_free(kernel_state *ks)
{
    if (ks)
        free(ks->p);
    free(ks);
}

static inline medins_fen apply(medins_fen amount, int32_t bp)
{
    return (amount * bp + 5000) / 10000;
}

static inline medins_fen min64(medins_fen a, medins_fen b) { return a < b ? a : b; }
static inline medins_fen max64(medins_fen a, medins_fen b) { return a > b ? a : b; }

/* Pay [lo, hi) of a two-segment schedule (bound, r1 below, r2 above) within `room`. */
static inline medins_fen pay2(medins_fen lo, medins_fen hi, medins_fen bound, int32_t r1, int32_t r2,
                              medins_fen room)
{
    medins_fen paid = 0;
    if (lo < bound && lo < hi) {
        medins_fen piece = min64(hi, bound) - lo;
        medins_fen share = apply(piece, r1);
        medins_fen p = min64(share, room);
        room -= p;
        paid += p;
    }
    if (hi > bound) {
        medins_fen piece = hi - max64(lo, bound);
        medins_fen share = apply(piece, r2);
        paid += min64(share, room);
    }
    return paid;
}

/* The major-disease layer: 15,000 a year, then 55% / 65% / 75% below 100,000 / 200,000 / above
 * (50/60/70 + 5 points), at most 400,000 a year. */
static inline medins_fen major_layer(person_state *s, medins_fen burden)
{
    enum { DED = 1500000, B1 = 10000000, B2 = 20000000, CAP = 40000000 };
    medins_fen lo = max64(0, s->major_base - DED), hi = max64(0, s->major_base + burden - DED);
    medins_fen room = CAP - s->major_fund, paid = 0;
    static const medins_fen from[3] = {0, B1, B2}, to[3] = {B1, B2, INT64_MAX};
    static const int32_t ratio[3] = {5500, 6500, 7500};
    for (int k = 0; k < 3 && lo < hi; k++) {
        medins_fen a = max64(lo, from[k]), b = min64(hi, to[k]);
        if (b <= a)
            continue;
        medins_fen p = min64(apply(b - a, ratio[k]), room);
        room -= p;
        paid += p;
    }
    s->major_base += burden;
    s->major_fund += paid;
    return paid;
}

void kernel_settle(const synth_data *d, kernel_state *ks, medins_fen *fund_out, medins_fen *major_out,
                   medins_fen *assist_out, medins_fen *patient_out)
{
    memset(ks->p, 0, ks->n * sizeof *ks->p);
    for (size_t j = 0; j < d->nclaims; j++) {
        int32_t who = d->person[j];
        person_state *s = &ks->p[who];
        int employee = d->scheme[who] == MEDINS_SCHEME_EMPLOYEE;
        int high = d->tier[who] == MEDINS_TIER_HIGH || d->category[who] == MEDINS_CATEGORY_STUDENT_CHILD;
        int level = d->level[j];
        medins_fen total = d->total[j];
        medins_fen in_scope = total - d->self_paid[j] - d->category_b[j];
        medins_fen fund, major = 0;

        if (d->kind[j] == MEDINS_CLAIM_INPATIENT) {
            static const medins_fen first[4] = {80000, 80000, 110000, 170000};
            static const medins_fen later[4] = {27000, 27000, 35000, 50000};
            medins_fen ded = min64(in_scope, s->admissions ? later[level] : first[level]);
            medins_fen rest = in_scope - ded;
            medins_fen room = max64(0, (employee ? 35000000 : 25000000) - s->in_fund);
            if (employee) {
                static const int32_t r1[4] = {9100, 9100, 8800, 8500}, r2[4] = {9500, 9500, 9200, 9000};
                fund = pay2(s->in_pos, s->in_pos + rest, 10000000, r1[level], r2[level], room);
            } else {
                static const int32_t r[4] = {7500, 7500, 7000, 6500};
                fund = min64(apply(rest, r[level] + (high ? 1000 : 0)), room);
            }
            s->in_pos += rest;
            s->in_fund += fund;
            s->admissions++;
            major = major_layer(s, in_scope - fund);
        } else {
            /* outpatient and pharmacy share one pool: deductible, position and maximum */
            medins_fen dedmax;
            if (!employee) {
                dedmax = 50000;
            } else if (d->category[who] == MEDINS_CATEGORY_RETIRED) {
                int age = (d->date[j] - d->birth_date[who]) / 10000;
                dedmax = age < 60 ? 80000 : age < 70 ? 70000 : 65000;
            } else {
                dedmax = 80000;
            }
            medins_fen ded = min64(in_scope, max64(0, dedmax - s->out_ded));
            medins_fen rest = in_scope - ded;
            int32_t ratio;
            if (d->kind[j] == MEDINS_CLAIM_PHARMACY)
                ratio = employee ? 6500 : 5000;
            else if (employee)
                ratio = level == MEDINS_LEVEL_3 ? 5500 : level == MEDINS_LEVEL_2 ? 6500 : 7500;
            else
                ratio = 5000 + (high && level != MEDINS_LEVEL_3 ? 500 : 0);
            medins_fen room = max64(0, (employee ? 550000 : 300000) - s->out_fund);
            fund = min64(apply(rest, ratio), room);
            s->out_ded += ded;
            s->out_pos += rest;
            s->out_fund += fund;
            if (d->kind[j] == MEDINS_CLAIM_OUTPATIENT)
                major = major_layer(s, in_scope - fund);
        }
        fund_out[j] = fund;
        major_out[j] = major;
        assist_out[j] = 0;
        patient_out[j] = total - fund - major;
    }
}
