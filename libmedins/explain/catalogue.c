/*
 * The message catalogue: one template for each kind of step in each language (the fields in
 * braces are described in catalogue.h), and the words of the enums the templates name.
 */
#include "catalogue.h"

static const char *const messages[MEDINS_STEP_KIND_COUNT][MDN_LANGS] = {
    [MEDINS_STEP_SELF_PAID] = {
        "Items outside the catalogue, paid in full by the patient: {amount}",
    },
    [MEDINS_STEP_CATEGORY_B] = {
        "Category-B first self-pay, paid by the patient: {amount}",
    },
    [MEDINS_STEP_ADMISSION] = {
        "Admission number {admission} this year",
    },
    [MEDINS_STEP_THRIFT] = {
        "Deductible {deductible} lowered by {reduction} after {years} thrifty year(s)",
    },
    [MEDINS_STEP_DEDUCTIBLE] = {
        "Annual deductible {deductible}, of which {before} was borne before this claim: "
        "the patient pays {amount}",
    },
    [MEDINS_STEP_DEDUCTIBLE_VISIT] = {
        "Deductible of this visit {deductible}: the patient pays {amount}",
    },
    [MEDINS_STEP_DEDUCTIBLE_ADMISSION] = {
        "Deductible of this admission {deductible}: the patient pays {amount}",
    },
    [MEDINS_STEP_ADJUSTMENT] = {
        "Adjustment {+ratio} to the ratio of every segment",
    },
    [MEDINS_STEP_SEGMENT] = {
        "The fund pays {ratio} of {base} in the segment {open?above {from}|{from} to {to}}"
        "{cut? (cut by the annual maximum)}",
    },
    [MEDINS_STEP_COINSURANCE] = {
        "The patient pays {ratio} of {base} in this segment",
    },
    [MEDINS_STEP_CAP] = {
        "Annual maximum {amount}; fund paid before this claim {before}",
    },
    [MEDINS_STEP_CARRY_OVER] = {
        "Annual maximum {maximum} + carried-over outpatient maximum {base} = effective "
        "inpatient maximum {amount}; fund paid before this claim {before}",
    },
    [MEDINS_STEP_OVER_CAP] = {
        "Withheld by the annual maximum {maximum}, paid by the patient: {amount}",
    },
    [MEDINS_STEP_MAJOR_DISEASE_NO_ROW] = {
        "No row of the major-disease layer applies to this person: it pays nothing",
    },
    [MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE] = {
        "Annual deductible of the major-disease layer {deductible} on the year's burden "
        "({before} before this claim, {base} added)",
    },
    [MEDINS_STEP_MAJOR_DISEASE] = {
        "The major-disease layer pays {ratio} of {base} in the segment "
        "{open?above {from}|{from} to {to}}{cut? (cut by the annual maximum)}",
    },
    [MEDINS_STEP_MAJOR_DISEASE_CAP] = {
        "Annual maximum of the major-disease layer: {amount}, {base} used before this claim"
        "{reached?: reached}",
    },
    [MEDINS_STEP_ASSISTANCE_NO_ROW] = {
        "No row of medical assistance applies to this person: it pays nothing",
    },
    [MEDINS_STEP_ASSISTANCE_DEDUCTIBLE] = {
        "Annual deductible of medical assistance {deductible} on the year's burden "
        "({before} before this claim, {base} added)",
    },
    [MEDINS_STEP_ASSISTANCE] = {
        "Medical assistance pays {ratio} of {base} in the segment "
        "{open?above {from}|{from} to {to}}{cut? (cut by the annual maximum)}",
    },
    [MEDINS_STEP_ASSISTANCE_CAP] = {
        "Annual maximum of medical assistance: {amount}, {base} used before this claim"
        "{reached?: reached}",
    },
    [MEDINS_STEP_PATIENT] = {
        "The patient pays {amount}: self-paid {self_paid} + category B {category_b} + "
        "deductible {deductible} + coinsurance {coinsurance} + over the maximum {over_cap} - "
        "major disease {major_disease} - assistance {assistance}",
    },
    [MEDINS_STEP_ACCOUNT] = {
        "Paid from the individual account: {amount} of the in-scope burden {base} "
        "(balance {balance})",
    },
    [MEDINS_STEP_BENEFIT_TIER] = {
        "A {category} resident pays at the {pays?{pays}|chosen} tier and receives "
        "{benefits}-tier benefits",
    },
    [MEDINS_STEP_GROUP_STATE_SHARE] = {
        "As {group}, financed at the {financed} tier, whose individual share of {amount} yuan "
        "the government pays; the {tier?{tier}|category's} tier chosen is kept, the person "
        "paying the rest of its share",
    },
    [MEDINS_STEP_GROUP_FINANCED] = {
        "As {group}, financed at the {tier?{tier}|category's} tier"
        "{state_pays?, the government paying in full}",
    },
    [MEDINS_STEP_RESIDENT_INDIVIDUAL] = {
        "Individual contribution at the {tier?{tier}|category's} tier"
        "{state_paid?, {amount} yuan, paid by the government|: {amount} yuan}",
    },
    [MEDINS_STEP_RESIDENT_STATE_PAID] = {
        "Of it paid by the government: the {financed} tier's individual share, {amount} yuan",
    },
    [MEDINS_STEP_RESIDENT_SUBSIDY] = {
        "Government subsidy at the {tier?{tier}|category's} tier: {amount} yuan",
    },
    [MEDINS_STEP_RESIDENT_TOTAL] = {
        "Total {amount} yuan: the person pays {individual}, the government {government}",
    },
    [MEDINS_STEP_WAGE_FLOOR] = {
        "Monthly wage {base} yuan raised to the base floor {amount} yuan",
    },
    [MEDINS_STEP_WAGE_CEILING] = {
        "Monthly wage {base} yuan lowered to the base ceiling {amount} yuan",
    },
    [MEDINS_STEP_EMPLOYER_SHARE] = {
        "Employer ({employer_type}): {ratio} of {base} yuan = {amount} yuan a month",
    },
    [MEDINS_STEP_EMPLOYEE_SHARE] = {
        "Individual: {ratio} of {base} yuan = {amount} yuan a month",
    },
    [MEDINS_STEP_FIXED_YEARLY] = {
        "Individual's fixed yearly amount: {amount} yuan",
    },
    [MEDINS_STEP_EMPLOYEE_TOTAL] = {
        "Yearly: employer {employer} yuan, individual {individual} yuan",
    },
    [MEDINS_STEP_ACCOUNT_FROM_INDIVIDUAL] = {
        "{ratio} of the individual's {base} yuan a month to the account: {amount} yuan",
    },
    [MEDINS_STEP_ACCOUNT_FROM_EMPLOYER] = {
        "{ratio} of the employer's {base} yuan a month to the account: {amount} yuan",
    },
    [MEDINS_STEP_ACCOUNT_TO_POOL] = {
        "To the pooled fund: {amount} yuan a month",
    },
    [MEDINS_STEP_ACCOUNT_RETIREE] = {
        "{ratio} of last year's average monthly pension {base} yuan, from the pooled fund: "
        "{amount} yuan a month",
    },
    [MEDINS_STEP_ACCOUNT_CARD] = {
        "{ratio} of the monthly credit {base} yuan goes to the social-security card: "
        "{amount} yuan",
    },
    [MEDINS_STEP_ACCOUNT_WITHDRAW] = {
        "The balance {may?may|may not} be withdrawn: "
        "{serious?serious illness|no serious illness}, year's costs {amount} yuan against "
        "{base} yuan",
    },
    [MEDINS_STEP_CHILD_ORDER] = {
        "Child {child} is covered: births up to child {max} are",
    },
    [MEDINS_STEP_DELIVERY] = {
        "Flat payment for a {delivery} delivery ({scheme} scheme): {amount} yuan",
    },
    [MEDINS_STEP_PRENATAL] = {
        "Prenatal care at {weeks} weeks: costs {base} yuan paid up to the limit {limit} yuan: "
        "{amount} yuan",
    },
    [MEDINS_STEP_COMPLICATION] = {
        "Complication costs {base} yuan reimbursed at {ratio}: {amount} yuan",
    },
    [MEDINS_STEP_NO_COMPLICATION] = {
        "Complication costs {base} yuan: the policy reimburses none for the {scheme} scheme",
    },
    [MEDINS_STEP_MATERNITY_TOTAL] = {
        "The fund pays {amount} yuan",
    },
    [MEDINS_STEP_ENROLMENT] = {
        "Patient {patient}, enrolled {from}{to? to {to}|, still enrolled}: {days} days, "
        "{amount} yuan",
    },
    [MEDINS_STEP_BUDGET] = {
        "Budget for {disease} at {rate} yuan per patient per {period}: {patients} patients, "
        "{days} days enrolled, {amount} yuan",
    },
    [MEDINS_STEP_ACTUAL_COSTS] = {
        "Actual covered costs: {amount} yuan",
    },
    [MEDINS_STEP_SURPLUS] = {
        "Underspend {base} yuan, of which the institution keeps {ratio}: {amount} yuan",
    },
    [MEDINS_STEP_OVERRUN] = {
        "Overrun {base} yuan, of which the fund bears {ratio}: {amount} yuan",
    },
    [MEDINS_STEP_ASSESSMENT] = {
        "{base} yuan scaled by the assessment score {ratio}",
    },
    [MEDINS_STEP_CAPITATION_PAYMENT] = {
        "The fund pays {amount} yuan to institution {institution}",
    },
};

const char *mdn_message(medins_step_kind kind, mdn_lang lang)
{
    if ((unsigned)kind >= MEDINS_STEP_KIND_COUNT || (unsigned)lang >= MDN_LANGS)
        return NULL;
    return messages[kind][lang];
}

/* ---- Words ------------------------------------------------------------------------------- */

/* The words of an enum in each language; English is the policy files' (util/words.c). */
typedef struct enum_words {
    medins_arg_type type;
    const char *const *words[MDN_LANGS];
} enum_words;

static const enum_words enums[] = {
    {MEDINS_ARG_SCHEME, {mdn_scheme_words}},
    {MEDINS_ARG_CATEGORY, {mdn_category_words}},
    {MEDINS_ARG_TIER, {mdn_tier_words}},
    {MEDINS_ARG_GROUPS, {mdn_group_words}},
    {MEDINS_ARG_EMPLOYER_TYPE, {mdn_employer_words}},
    {MEDINS_ARG_DELIVERY, {mdn_delivery_words}},
    {MEDINS_ARG_DISEASE, {mdn_disease_words}},
    {MEDINS_ARG_PERIOD, {mdn_period_words}},
};

/* A group set with no group in it (a groups row that names none). */
static const char *const no_group[MDN_LANGS] = {"a special group"};

const char *mdn_arg_word(medins_arg_type type, int64_t v, mdn_lang lang)
{
    if ((unsigned)lang >= MDN_LANGS)
        return NULL;
    if (type == MEDINS_ARG_GROUPS) {
        if (v == 0)
            return no_group[lang];
        /* The lowest group of the set, as its index. */
        uint64_t low = (uint64_t)v & (~(uint64_t)v + 1u);
        for (v = 0; low > 1; low >>= 1)
            v++;
    }
    for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++) {
        if (enums[i].type != type)
            continue;
        const char *const *words = enums[i].words[lang];
        for (int64_t k = 0; words[k]; k++)
            if (k == v)
                return words[k];
        return NULL;
    }
    return NULL;
}
