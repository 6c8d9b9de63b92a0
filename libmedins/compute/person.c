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
    if (person->version < 2)
        return 0;
    /* Version 2: the fields a version-1 struct does not have. */
    if (person->retirement_date != 0 && !mdn_date_valid(person->retirement_date))
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "retirement date %d is not a calendar date from " MDN_DATE_RANGE,
                         (int)person->retirement_date);
    if (person->retirement_date != 0 && person->category != MEDINS_CATEGORY_RETIRED)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "retirement date %d given for a person of category %s: only a retired "
                         "person has one", (int)person->retirement_date,
                         medins_category_name(person->category));
    if (person->birth_date != 0 && person->retirement_date != 0 &&
        person->retirement_date < person->birth_date)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "retirement date %d is before birth date %d",
                         (int)person->retirement_date, (int)person->birth_date);
    if (person->contribution_months < -1 || person->contribution_months > MDN_CONTRIB_MONTHS_MAX)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "contribution months %d: give 0 to %d, or -1 for unknown",
                         (int)person->contribution_months, MDN_CONTRIB_MONTHS_MAX);
    if ((unsigned)person->sex >= MEDINS_SEX_COUNT)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "unknown sex %d", (int)person->sex);
    return 0;
}

int mdn_cohorts_check(const medins_policy *p, const medins_person *person, medins_error **err)
{
    if (person->version < 2 || person->cohorts == MEDINS_COHORTS_UNKNOWN || !person->cohorts)
        return 0;
    const uint32_t known = (1u << p->ncohorts) - 1;
    if (person->cohorts & ~known)
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0, "the person's cohorts 0x%x are not "
                         "groups policy %s defines (it defines %zu in person_groups)",
                         (unsigned)(person->cohorts & ~known), p->id, p->ncohorts);
    const uint32_t ruled = person->cohorts & p->ruled_cohorts;
    if (ruled) {
        size_t i = 0;
        while (!(ruled >> i & 1))
            i++;
        return mdn_error(err, MEDINS_ERR_PERSON, NULL, 0, 0,
                         "person group %s of policy %s is worked out from the person's fields "
                         "by its rule: do not set it in the cohorts", p->cohorts[i], p->id);
    }
    return 0;
}

const medins_claim *mdn_claim_whole(medins_claim *buf, const medins_claim *c)
{
    /* Version 2 is laid out as 3, its `reserved` where `days` is (checked zero). */
    if (c->version >= 2)
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
    /* Version 2's last word was reserved: zero. */
    if (c->version < 3 && c->days != 0)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0, "claim %lld: reserved is not zero",
                         (long long)c->id);
    if (c->days > MEDINS_CLAIM_DAYS_MAX)
        return mdn_error(err, MEDINS_ERR_CLAIM, NULL, 0, 0,
                         "claim %lld: days %lu is more than a year's %d", (long long)c->id,
                         (unsigned long)c->days, MEDINS_CLAIM_DAYS_MAX);
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
    mdn_ctx_make(&ctx, NULL, person, person->tier, -1, &mdn_no_history, 0, 0, 0);
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

void mdn_ctx_make(mdn_ctx *ctx, const medins_policy *p, const medins_person *person, int tier,
                  int age, const medins_ledger *history, int kind, int level, int64_t institution)
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
    /* The fields of version 2, unknown in a version-1 struct. */
    const bool v2 = person->version >= 2;
    ctx->birth_date = person->birth_date;
    ctx->retirement_date = v2 ? person->retirement_date : 0;
    ctx->contribution_months = v2 ? person->contribution_months : -1;
    ctx->sex = v2 ? (int)person->sex : MEDINS_SEX_UNKNOWN;
    /* Only a retiree's retirement date can be unknown: anyone else has none, and is in no
     * range of retirement dates. */
    ctx->unknown = (ctx->birth_date ? 0 : MDN_NEED_BIRTH) |
                   (ctx->retirement_date || person->category != MEDINS_CATEGORY_RETIRED
                        ? 0 : MDN_NEED_RETIRE) |
                   (ctx->contribution_months >= 0 ? 0 : MDN_NEED_CONTRIB) |
                   (ctx->sex != MEDINS_SEX_UNKNOWN ? 0 : MDN_NEED_SEX);
    if (!p)
        return;
    const uint32_t all = (1u << p->ncohorts) - 1;
    ctx->cohort_rules = p->cohort_rules;
    if (v2 && person->cohorts == MEDINS_COHORTS_UNKNOWN) {
        ctx->unknown |= MDN_NEED_COHORTS;
        ctx->cohorts_unknown = all & ~p->ruled_cohorts;
    } else {
        ctx->cohorts = v2 ? person->cohorts & all & ~p->ruled_cohorts : 0;
    }
    /* The ruled groups: those whose rule reads an unknown field are undecided. */
    for (size_t i = 0; p->ruled_cohorts >> i; i++) {
        const mdn_select *rule = &p->cohort_rules[i];
        if (!(p->ruled_cohorts >> i & 1))
            continue;
        if (rule->needs & ctx->unknown)
            ctx->cohorts_unknown |= 1u << i;
        else if (mdn_select_person_match(rule, ctx))
            ctx->cohorts |= 1u << i;
    }
}
