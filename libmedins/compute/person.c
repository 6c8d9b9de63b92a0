/*
 * Persons and claims: their initialisation and checks, a resident's tiers and the benefit tier
 * the settlement's selectors see, and the selector context every computation matches rows with.
 */
#include <string.h>

#include "person.h"

void medins_person_init(medins_person *person)
{
    if (person)
        *person = (medins_person)MEDINS_PERSON_INIT;
}

void medins_claim_init(medins_claim *claim)
{
    /* Copied as bytes, its padding too (zero in a static object): two claims made by it are
     * the same bytes, as callers that compare or hash them expect. */
    static const medins_claim init = MEDINS_CLAIM_INIT;
    if (claim)
        memcpy(claim, &init, sizeof init);
}

const medins_scheme mdn_scheme_of_category[MEDINS_CATEGORY_COUNT] = {
    MEDINS_SCHEME_EMPLOYEE, MEDINS_SCHEME_EMPLOYEE, MEDINS_SCHEME_RESIDENT, MEDINS_SCHEME_RESIDENT,
};

int mdn_person_check(const medins_person *person, medins_error **err)
{
    if (!MDN_VERSION_KNOWN(person->version, MEDINS_PERSON_VERSION))
        return mdn_version_error(err, "medins_person", person->version, MEDINS_PERSON_VERSION);
    if ((unsigned)person->scheme >= MEDINS_SCHEME_COUNT ||
        (unsigned)person->category >= MEDINS_CATEGORY_COUNT)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "unknown scheme or category");
    if (mdn_scheme_of_category[person->category] != person->scheme)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "category %s belongs to another scheme than %s",
                         medins_category_name(person->category), medins_scheme_name(person->scheme));
    if ((unsigned)person->tier >= MEDINS_TIER_COUNT ||
        (person->scheme == MEDINS_SCHEME_EMPLOYEE && person->tier != MEDINS_TIER_NONE))
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "tier %d is not valid for the %s scheme",
                         (int)person->tier, medins_scheme_name(person->scheme));
    if (person->groups & ~MEDINS_GROUP_ALL)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "unknown group flags 0x%x",
                         (unsigned)(person->groups & ~MEDINS_GROUP_ALL));
    if (person->birth_date != 0 && !mdn_date_valid(person->birth_date))
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "birth date %d is not a calendar date from " MDN_DATE_RANGE,
                         (int)person->birth_date);
    return 0;
}

const medins_claim *mdn_claim_whole(medins_claim *buf, const medins_claim *c)
{
    if (c->version >= MEDINS_CLAIM_VERSION)
        return c;
    /* Version 1 ends before the attributes: none. */
    memset(buf, 0, sizeof *buf);
    memcpy(buf, c, offsetof(medins_claim, attributes));
    return buf;
}

int mdn_claim_check(const medins_claim *c, medins_error **err)
{
    if (!MDN_VERSION_KNOWN(c->version, MEDINS_CLAIM_VERSION))
        return mdn_version_error(err, "medins_claim", c->version, MEDINS_CLAIM_VERSION);
    if ((unsigned)c->kind >= MEDINS_CLAIM_KIND_COUNT)
        return mdn_error(err, MEDINS_ERR_KIND, NULL, 0, 0, "unknown claim kind %d", (int)c->kind);
    if ((unsigned)c->level >= MEDINS_LEVEL_COUNT)
        return mdn_error(err, MEDINS_ERR_LEVEL, NULL, 0, 0, "unknown hospital level %d", (int)c->level);
    /* Pharmacy purchases happen at pharmacies and nothing else does. */
    if ((c->kind == MEDINS_CLAIM_PHARMACY) != (c->level == MEDINS_LEVEL_PHARMACY)) {
        const char *kind = medins_claim_kind_name(c->kind);
        return mdn_error(err, MEDINS_ERR_LEVEL, NULL, 0, 0, "%s %s claim cannot be at level %s",
                         strchr("aeiou", kind[0]) ? "an" : "a", kind, medins_level_name(c->level));
    }
    if (!mdn_date_valid(c->date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "claim date %d is not a calendar date from " MDN_DATE_RANGE, (int)c->date);
    if (c->reserved != 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "claim %lld: reserved is not zero",
                         (long long)c->id);
    if (c->total < 0 || c->self_paid < 0 || c->category_b < 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "claim %lld has a negative amount",
                         (long long)c->id);
    if (c->total > MEDINS_FEN_MAX || c->self_paid > MEDINS_FEN_MAX || c->category_b > MEDINS_FEN_MAX)
        return mdn_error(err, MEDINS_ERR_OVERFLOW, NULL, 0, 0, "claim %lld has an amount above the limit",
                         (long long)c->id);
    if (c->self_paid + c->category_b > c->total)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0,
                         "claim %lld: self-paid and category-B parts exceed the total", (long long)c->id);
    return 0;
}

int mdn_check_in_force(const medins_policy *policy, medins_date date, medins_error **err)
{
    if (!medins_date_valid(date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "date %d is not a calendar date from " MDN_DATE_RANGE, (int)date);
    if (!medins_policy_in_force(policy, date))
        return mdn_error(err, MEDINS_ERR_DATE, NULL, 0, 0,
                         "date %d is not a day on which policy %s is in force", (int)date,
                         policy->id);
    return 0;
}

/* The higher of two tiers (NONE < low < middle < high). */
static int raise_tier(int tier, int floor)
{
    return floor > tier ? floor : tier;
}

mdn_resident_tiers mdn_resident_tiers_of(const struct mdn_contributions *c,
                                         const medins_person *person)
{
    mdn_resident_tiers plan = {
        .paying = person->tier, .benefit = person->tier, .financed = MEDINS_TIER_NONE,
    };
    mdn_ctx ctx;
    mdn_ctx_make(&ctx, person, person->tier, -1, &mdn_no_history, 0, 0, 0);
    for (size_t i = 0; i < c->nbenefit && !plan.brow; i++)
        if (mdn_select_match(&c->benefit[i].sel, &ctx))
            plan.brow = &c->benefit[i];
    if (plan.brow) {
        if (plan.brow->pays != MEDINS_TIER_NONE)
            plan.paying = plan.brow->pays;
        plan.benefit = plan.brow->benefits;
    }
    for (size_t i = 0; i < c->ngroups && !plan.group; i++) {
        const mdn_group_row *g = &c->groups[i];
        if (mdn_select_match(&g->sel, &ctx) && (!g->within || (person->groups & g->within)))
            plan.group = g;
    }
    if (plan.group) {
        plan.paying = raise_tier(plan.paying, plan.group->financed_at);
        plan.benefit = raise_tier(plan.benefit, plan.group->financed_at);
        plan.state_pays = plan.group->state_pays_all;
        plan.financed = plan.group->financed_at != MEDINS_TIER_NONE ? plan.group->financed_at
                                                                    : plan.paying;
    }
    return plan;
}

int mdn_benefit_tier(const medins_policy *p, const medins_person *person)
{
    if (!person)
        return MEDINS_TIER_NONE;
    if (!p || !p->contributions || !p->contributions->resident
        || person->scheme != MEDINS_SCHEME_RESIDENT)
        return person->tier;
    return mdn_resident_tiers_of(p->contributions, person).benefit;
}

int mdn_settle_tier(const medins_policy *p, const medins_person *person)
{
    if (person->scheme != MEDINS_SCHEME_RESIDENT)
        return MEDINS_TIER_NONE;
    int t = mdn_benefit_tier(p, person);
    return t >= 0 && t < MEDINS_TIER_COUNT ? t : (int)person->tier;
}

int mdn_person_age(const medins_person *person, medins_date date)
{
    return person->birth_date ? medins_age_on(person->birth_date, date) : -1;
}

const medins_ledger mdn_no_history;
const medins_person mdn_no_person;

void mdn_ctx_make(mdn_ctx *ctx, const medins_person *person, int tier, int age,
                  const medins_ledger *history, int kind, int level, int64_t institution)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->scheme = person->scheme;
    ctx->category = person->category;
    ctx->tier = tier;
    ctx->level = level;
    ctx->kind = kind;
    ctx->age = age;
    ctx->groups = person->groups;
    /* The claim's order among the year's admissions: 1, 2, or 3 for the third and later. */
    ctx->admission = kind == MEDINS_CLAIM_INPATIENT
                         ? 1 + (history->admissions < 2 ? (int)history->admissions : 2) : 0;
    ctx->at_family_doctor = person->family_doctor != 0 && institution == person->family_doctor;
    ctx->thrifty_years = history->thrifty_years;
    ctx->prior_outpatient = history->prior_known ? history->prior_outpatient_costs : -1;
}
