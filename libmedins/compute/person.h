/*
 * Persons and claims as the computations see them: their checks (in full, and as one
 * expression for the batch), a resident's tiers, and the selector context (select.h) that rows
 * are matched against: the one place a context is made.
 */
#ifndef MEDINS_COMPUTE_PERSON_H
#define MEDINS_COMPUTE_PERSON_H

#include "contribution.h"
#include "select.h"

/* MEDINS_ERR_PERSON unless the person is consistent (category of its scheme, known tier, groups;
 * of version 2, its retirement date, contribution months and sex). */
int mdn_person_check(const medins_person *person, medins_error **err);
/* The most months of contribution a person can have: 150 years. */
#define MDN_CONTRIB_MONTHS_MAX 1800
/* MEDINS_ERR_PERSON unless the person's cohorts are groups of p that the caller may set. */
int mdn_cohorts_check(const medins_policy *p, const medins_person *person, medins_error **err);

/* The scheme of each category. */
extern const medins_scheme mdn_scheme_of_category[MEDINS_CATEGORY_COUNT];

/* True exactly when mdn_person_check passes the person: the same tests as one expression
 * without a branch, for the batch (bench/README.md, "Why the code looks as it does"). It reads
 * every field, those of version 2 too: for the batch's persons, which it makes whole. */
static inline bool mdn_person_plain(const medins_person *person)
{
    const uint32_t scheme = (uint32_t)person->scheme, category = (uint32_t)person->category,
                   tier = (uint32_t)person->tier;
    return (scheme < MEDINS_SCHEME_COUNT) & (category < MEDINS_CATEGORY_COUNT) &
           (mdn_scheme_of_category[category % MEDINS_CATEGORY_COUNT] == (medins_scheme)scheme) &
           (tier < MEDINS_TIER_COUNT) &
           ((scheme != MEDINS_SCHEME_EMPLOYEE) | (tier == MEDINS_TIER_NONE)) &
           ((person->groups & ~MEDINS_GROUP_ALL) == 0) &
           ((person->birth_date == 0) | mdn_date_valid(person->birth_date)) &
           ((person->version < 2) |
            (((person->retirement_date == 0) |
              (mdn_date_valid(person->retirement_date) &
               (person->retirement_date >= person->birth_date) &
               (person->category == MEDINS_CATEGORY_RETIRED))) &
             (person->contribution_months >= -1) &
             (person->contribution_months <= MDN_CONTRIB_MONTHS_MAX) &
             ((uint32_t)person->sex < MEDINS_SEX_COUNT)));
}

/* MEDINS_ERR_KIND / LEVEL / DATE / CLAIM / OVERFLOW unless the claim itself is consistent. */
int mdn_claim_check(const medins_claim *claim, medins_error **err);
/* The caller's claim as the library's version reads it: `claim` itself, or for an older
 * version a copy in *buf with the later fields zero. The version is checked later. */
const medins_claim *mdn_claim_whole(medins_claim *buf, const medins_claim *claim);

/* Bit kind * 8 + level is set for each valid pair: a pharmacy purchase at a pharmacy, every
 * other kind at any other level. */
#define MDN_LEVELS_BUT_PHARMACY ((1u << MEDINS_LEVEL_COUNT) - 1 - (1u << MEDINS_LEVEL_PHARMACY))
#define MDN_KIND_LEVELS                                                                       \
    (((((uint64_t)1 << 8 * MEDINS_CLAIM_KIND_COUNT) - 1) / 255 * MDN_LEVELS_BUT_PHARMACY &    \
      ~((uint64_t)255 << 8 * MEDINS_CLAIM_PHARMACY)) |                                        \
     (uint64_t)1 << (8 * MEDINS_CLAIM_PHARMACY + MEDINS_LEVEL_PHARMACY))
_Static_assert(MEDINS_CLAIM_KIND_COUNT <= 8 && MEDINS_LEVEL_COUNT <= 8,
               "MDN_KIND_LEVELS keeps a byte of levels for each kind");

/*
 * True when the claim surely passes mdn_claim_check but perhaps for whether its kind goes with
 * its level (each is below 8), and is dated within the year whose number times 10000 is
 * `year0` (a year of medins_ledger_check's range), whose days are `days` (mdn_days_of_year):
 * one expression without a branch, for the batch, which finds out about the pair when it
 * looks up the claim's plan (batch.c). False means only "check it in full": amounts of 2^46
 * fen and more (the limit is 10^14) are left to the full check.
 */
static inline bool mdn_claim_plain_but_pair(const medins_claim *c, int32_t year0,
                                            const uint64_t *days)
{
    /* Unsigned: a date before the year wraps to a large md, a negative kind or amount to a
     * large value; every test is evaluated, so none may read out of bounds or overflow. */
    const uint32_t md = (uint32_t)c->date - (uint32_t)year0;
    const uint64_t total = (uint64_t)c->total, self_paid = (uint64_t)c->self_paid,
                   category_b = (uint64_t)c->category_b;
    return (((uint32_t)c->kind | (uint32_t)c->level) < 8) & (md < 64 * MDN_YEAR_DAY_WORDS) &
           (unsigned)(days[md / 64 % MDN_YEAR_DAY_WORDS] >> md % 64 & 1) &
           ((total | self_paid | category_b) < (uint64_t)1 << 46) &
           (self_paid + category_b <= total);
}

/* mdn_claim_plain_but_pair, and the kind goes with the level. */
static inline bool mdn_claim_plain(const medins_claim *c, int32_t year0, const uint64_t *days)
{
    return mdn_claim_plain_but_pair(c, year0, days) &
           (unsigned)(MDN_KIND_LEVELS >> ((uint32_t)c->kind % 8 * 8 + (uint32_t)c->level % 8) & 1);
}

/* MEDINS_ERR_PERSON when the person was born after `date`, which is `what` ("the claim
 * date"), else 0. Inline: the batch tests each claim it settles alone. */
static inline int mdn_born_by(const medins_person *person, medins_date date, const char *what,
                              medins_error **err)
{
    if (person->birth_date <= date)
        return 0;
    return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "birth date %d is after %s %d",
                     (int)person->birth_date, what, (int)date);
}

/* MEDINS_ERR_DATE unless `date` is a valid day on which `policy` is in force. */
int mdn_check_in_force(const medins_policy *policy, medins_date date, medins_error **err);

/*
 * How a resident is financed and what they receive (see compute/contribution.c): the tier
 * chosen, unless a `benefit_tier` row for their category says otherwise, then raised to the
 * tier their first matching special group finances.
 */
typedef struct mdn_resident_tiers {
    const mdn_group_row *group;         /* the special group row, or NULL */
    const mdn_benefit_tier_row *brow;   /* the benefit_tier row, or NULL */
    int paying, benefit;                /* medins_tier */
    bool state_pays;                    /* a group with state_pays_all: the state pays the
                                         * individual share of `financed` */
    int financed;                       /* the tier the group finances (the paying tier
                                         * without financed_at) */
} mdn_resident_tiers;

/* The tiers of resident `person` under the residents' contributions `c`. */
mdn_resident_tiers mdn_resident_tiers_of(const struct mdn_contributions *c,
                                         const medins_person *person);
/* The tier whose benefits the person gets (C13: students pay low, get high). */
int mdn_benefit_tier(const medins_policy *p, const medins_person *person);
/* The benefit tier the selectors of a settlement under `p` see for `person` (checked): a
 * resident's benefit tier, none for an employee. */
int mdn_settle_tier(const medins_policy *p, const medins_person *person);
/* The person's age on `date` as selectors see it: -1 when unknown (no birth date, or later). */
int mdn_person_age(const medins_person *person, medins_date date);

/*
 * The selector context of `person` with benefit tier `tier`, aged `age` (-1: unknown; rows
 * with age bounds then do not match), with the history that selectors read from `history`
 * (admission order, thrifty years, last year's costs), for a claim of `kind` at `level` at
 * `institution`, with the person's groups under `p` (person_groups: the caller's, and those
 * whose rule holds; NULL: none, for tables that select on none).
 * A computation without a claim passes 0, 0, 0; one without a history
 * mdn_no_history; one for an institution (no person) mdn_no_person.
 */
void mdn_ctx_make(mdn_ctx *ctx, const medins_policy *p, const medins_person *person, int tier,
                  int age, const medins_ledger *history, int kind, int level, int64_t institution);
/* No history: no admission, no thrifty year, last year's costs unknown. */
extern const medins_ledger mdn_no_history;
/* No person: rows selecting on a person's scheme, category or groups see the zero values. */
extern const medins_person mdn_no_person;

#endif
