/*
 * Bad input: malformed claims, persons and ledgers, each refused with its exact status and a
 * part of its message, without touching the ledger it was given (errors.h: "on failure nothing
 * the call was given is changed"), and by the batch with the same code and message; dates
 * outside the range in the other computations; malformed ledger texts, refused at their line
 * and column; and hostile YAML (alias bombs, deep nesting, a 100 MB document) refused by the
 * loader's limits quickly and without large memory. tests/BAD-INPUT.md lists the classes.
 *
 * Every case starts from a valid settlement (an employee's level-2 outpatient visit on
 * 2023-06-10 under the default 2023 policy, with one earlier claim already on the ledger) and
 * changes one or two fields, so the status can only come from the change.
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <medins.h>

#include "runner.h"

/* ---- Claims, persons and ledgers ------------------------------------------------------- */

typedef enum field {
    F_NONE = 0,
    /* claim */
    F_TOTAL, F_SELF_PAID, F_CATEGORY_B, F_KIND, F_LEVEL, F_DATE,
    /* person */
    F_SCHEME, F_CATEGORY, F_TIER, F_GROUPS, F_BIRTH,
    /* ledger */
    F_FRESH_LEDGER,            /* replace the ledger by medins_ledger_init(v) */
    F_L_YEAR, F_L_LAST_DATE, F_L_SEQ, F_L_ADMISSIONS, F_L_OUTPATIENT, F_L_DEDUCTIBLE, F_L_POSITION,
    F_L_FUND, F_L_MAJOR_BASE, F_L_MAJOR_FUND, F_L_ASSIST_BASE, F_L_ASSIST_FUND,
    F_L_BALANCE, F_L_ACCOUNT_PAID, F_L_CARRY, F_L_THRIFTY, F_L_PRIOR_KNOWN, F_L_PRIOR_COSTS,
} field;

typedef struct bad_case {
    const char *name;
    int code;
    field f1; int64_t v1;
    field f2; int64_t v2;
    const char *says;          /* part of the message */
} bad_case;

static const bad_case bad_cases[] = {
    /* claims */
    {"negative total", MEDINS_ERR_CLAIM, F_TOTAL, -1, F_NONE, 0,
     "claim 2 has a negative amount"},
    {"negative self-paid", MEDINS_ERR_CLAIM, F_SELF_PAID, -100, F_NONE, 0,
     "claim 2 has a negative amount"},
    {"negative category B", MEDINS_ERR_CLAIM, F_CATEGORY_B, -1, F_NONE, 0,
     "claim 2 has a negative amount"},
    {"self-paid above total", MEDINS_ERR_CLAIM, F_SELF_PAID, 150001, F_NONE, 0,
     "claim 2: self-paid and category-B parts exceed the total"},
    {"category B above total", MEDINS_ERR_CLAIM, F_CATEGORY_B, 150001, F_NONE, 0,
     "claim 2: self-paid and category-B parts exceed the total"},
    {"self-paid + category B above total", MEDINS_ERR_CLAIM, F_SELF_PAID, 100000, F_CATEGORY_B, 50001,
     "claim 2: self-paid and category-B parts exceed the total"},
    {"total above MEDINS_FEN_MAX", MEDINS_ERR_OVERFLOW, F_TOTAL, 100000000000001LL, F_NONE, 0,
     "claim 2 has an amount above the limit"},
    {"total INT64_MAX", MEDINS_ERR_OVERFLOW, F_TOTAL, INT64_MAX, F_NONE, 0,
     "claim 2 has an amount above the limit"},
    {"kind -1", MEDINS_ERR_KIND, F_KIND, -1, F_NONE, 0,
     "unknown claim kind -1"},
    {"kind past the last", MEDINS_ERR_KIND, F_KIND, MEDINS_CLAIM_KIND_COUNT, F_NONE, 0,
     "unknown claim kind 5"},
    {"kind 1000", MEDINS_ERR_KIND, F_KIND, 1000, F_NONE, 0,
     "unknown claim kind 1000"},
    {"level -1", MEDINS_ERR_LEVEL, F_LEVEL, -1, F_NONE, 0,
     "unknown hospital level -1"},
    {"level past the last", MEDINS_ERR_LEVEL, F_LEVEL, MEDINS_LEVEL_COUNT, F_NONE, 0,
     "unknown hospital level 5"},
    {"date 30 February", MEDINS_ERR_DATE, F_DATE, 20230230, F_NONE, 0,
     "claim date 20230230 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 29 February of a common year", MEDINS_ERR_DATE, F_DATE, 20230229, F_NONE, 0,
     "claim date 20230229 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 31 April", MEDINS_ERR_DATE, F_DATE, 20230431, F_NONE, 0,
     "claim date 20230431 is not a calendar date from 1900-01-01 to 2199-12-31"},
    /* the same on a ledger without claims, so that no later last claim refuses them first */
    {"date 29 February of a common year, new ledger", MEDINS_ERR_DATE, F_DATE, 20230229,
     F_FRESH_LEDGER, 2023,
     "claim date 20230229 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 31 April, new ledger", MEDINS_ERR_DATE, F_DATE, 20230431, F_FRESH_LEDGER, 2023,
     "claim date 20230431 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 29 February of 2100 (not a leap year), new ledger", MEDINS_ERR_DATE, F_DATE, 21000229,
     F_FRESH_LEDGER, 2100,
     "claim date 21000229 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 31 June", MEDINS_ERR_DATE, F_DATE, 20230631, F_NONE, 0,
     "claim date 20230631 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 31 September", MEDINS_ERR_DATE, F_DATE, 20230931, F_NONE, 0,
     "claim date 20230931 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 31 November", MEDINS_ERR_DATE, F_DATE, 20231131, F_NONE, 0,
     "claim date 20231131 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 32 December", MEDINS_ERR_DATE, F_DATE, 20231232, F_NONE, 0,
     "claim date 20231232 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date day 0", MEDINS_ERR_DATE, F_DATE, 20230700, F_NONE, 0,
     "claim date 20230700 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date month 0", MEDINS_ERR_DATE, F_DATE, 20230010, F_NONE, 0,
     "claim date 20230010 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date month 13", MEDINS_ERR_DATE, F_DATE, 20231301, F_NONE, 0,
     "claim date 20231301 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 0", MEDINS_ERR_DATE, F_DATE, 0, F_NONE, 0,
     "claim date 0 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date with a digit missing", MEDINS_ERR_DATE, F_DATE, 2023061, F_NONE, 0,
     "claim date 2023061 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date negative", MEDINS_ERR_DATE, F_DATE, -20230610, F_NONE, 0,
     "claim date -20230610 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date before the policy", MEDINS_ERR_DATE, F_DATE, 20221231, F_FRESH_LEDGER, 2022,
     "claim date 20221231 is outside policy tianjin/2023"},
    {"date before the ledger's last", MEDINS_ERR_ORDER, F_DATE, 20230228, F_NONE, 0,
     "claim dated 20230228 is earlier than the ledger's last claim (20230301)"},
    {"date 1899-12-31, before the range", MEDINS_ERR_DATE, F_DATE, 18991231, F_NONE, 0,
     "claim date 18991231 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date 2200-01-01, after the range", MEDINS_ERR_DATE, F_DATE, 22000101, F_NONE, 0,
     "claim date 22000101 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"pharmacy claim at level l2", MEDINS_ERR_LEVEL, F_KIND, MEDINS_CLAIM_PHARMACY, F_NONE, 0,
     "a pharmacy claim cannot be at level l2"},
    {"outpatient claim at a pharmacy", MEDINS_ERR_LEVEL, F_LEVEL, MEDINS_LEVEL_PHARMACY, F_NONE, 0,
     "an outpatient claim cannot be at level pharmacy"},
    {"ledger of another year", MEDINS_ERR_LEDGER_YEAR, F_FRESH_LEDGER, 2022, F_NONE, 0,
     "the ledger is for 2022, the claim is dated 20230610"},
    /* persons */
    {"scheme -1", MEDINS_ERR_PERSON, F_SCHEME, -1, F_NONE, 0,
     "unknown scheme or category"},
    {"scheme past the last", MEDINS_ERR_PERSON, F_SCHEME, MEDINS_SCHEME_COUNT, F_NONE, 0,
     "unknown scheme or category"},
    {"category past the last", MEDINS_ERR_PERSON, F_CATEGORY, MEDINS_CATEGORY_COUNT, F_NONE, 0,
     "unknown scheme or category"},
    {"employee as adult resident", MEDINS_ERR_PERSON, F_CATEGORY, MEDINS_CATEGORY_ADULT, F_NONE, 0,
     "category adult belongs to another scheme than employee"},
    {"employee as student", MEDINS_ERR_PERSON, F_CATEGORY, MEDINS_CATEGORY_STUDENT_CHILD, F_NONE, 0,
     "category student_child belongs to another scheme than employee"},
    {"resident in service", MEDINS_ERR_PERSON, F_SCHEME, MEDINS_SCHEME_RESIDENT, F_TIER, MEDINS_TIER_LOW,
     "category in_service belongs to another scheme than resident"},
    {"employee with a tier", MEDINS_ERR_PERSON, F_TIER, MEDINS_TIER_HIGH, F_NONE, 0,
     "tier 3 is not valid for the employee scheme"},
    {"tier past the last", MEDINS_ERR_PERSON, F_TIER, MEDINS_TIER_COUNT, F_NONE, 0,
     "tier 4 is not valid for the employee scheme"},
    {"unknown group bit", MEDINS_ERR_PERSON, F_GROUPS, 1 << 10, F_NONE, 0,
     "unknown group flags 0x400"},
    {"top group bit", MEDINS_ERR_PERSON, F_GROUPS, (int64_t)0x80000000u, F_NONE, 0,
     "unknown group flags 0x80000000"},
    {"birth date 30 February", MEDINS_ERR_PERSON, F_BIRTH, 19800230, F_NONE, 0,
     "birth date 19800230 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"birth date before the range", MEDINS_ERR_PERSON, F_BIRTH, 18991231, F_NONE, 0,
     "birth date 18991231 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"birth date after the claim", MEDINS_ERR_PERSON, F_BIRTH, 20230611, F_NONE, 0,
     "birth date 20230611 is after the claim date 20230610"},
    /* tianjin/2023's outpatient deductibles of retirees are by age (under 60, 70, older) */
    {"retiree without a birth date", MEDINS_ERR_PERSON, F_CATEGORY, MEDINS_CATEGORY_RETIRED,
     F_BIRTH, 0, "the person has no birth date, and their age on 20230610 decides which "
     "outpatient.deductible row applies: give the birth date"},
    /* ledgers */
    {"ledger year 0", MEDINS_ERR_LEDGER, F_L_YEAR, 0, F_NONE, 0,
     "ledger year 0 out of range: dates run from 1900-01-01 to 2199-12-31"},
    {"ledger year 99999", MEDINS_ERR_LEDGER, F_L_YEAR, 99999, F_NONE, 0,
     "ledger year 99999 out of range: dates run from 1900-01-01 to 2199-12-31"},
    {"ledger last date of another year", MEDINS_ERR_LEDGER, F_L_LAST_DATE, 20220301, F_NONE, 0,
     "ledger last_date 20220301 does not fit year 2023 and 1 settlements"},
    {"ledger last date not a date", MEDINS_ERR_LEDGER, F_L_LAST_DATE, 20230231, F_NONE, 0,
     "ledger last_date 20230231 does not fit year 2023 and 1 settlements"},
    {"ledger negative admissions", MEDINS_ERR_LEDGER, F_L_ADMISSIONS, -1, F_NONE, 0,
     "ledger admissions out of range: -1 (it must be 0 to 2147483647)"},
    {"ledger negative outpatient costs", MEDINS_ERR_LEDGER, F_L_OUTPATIENT, -1, F_NONE, 0,
     "ledger outpatient_costs out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative deductible", MEDINS_ERR_LEDGER, F_L_DEDUCTIBLE, -1, F_NONE, 0,
     "ledger deductible.outpatient out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative position", MEDINS_ERR_LEDGER, F_L_POSITION, -1, F_NONE, 0,
     "ledger position.inpatient out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative fund", MEDINS_ERR_LEDGER, F_L_FUND, -1, F_NONE, 0,
     "ledger fund.pooling out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative major base", MEDINS_ERR_LEDGER, F_L_MAJOR_BASE, -1, F_NONE, 0,
     "ledger major_base out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative major fund", MEDINS_ERR_LEDGER, F_L_MAJOR_FUND, -1, F_NONE, 0,
     "ledger major_fund out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative assistance base", MEDINS_ERR_LEDGER, F_L_ASSIST_BASE, -1, F_NONE, 0,
     "ledger assist_base out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative assistance fund", MEDINS_ERR_LEDGER, F_L_ASSIST_FUND, -1, F_NONE, 0,
     "ledger assist_fund out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative balance", MEDINS_ERR_LEDGER, F_L_BALANCE, -1, F_NONE, 0,
     "ledger account_balance out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative account paid", MEDINS_ERR_LEDGER, F_L_ACCOUNT_PAID, -1, F_NONE, 0,
     "ledger account_paid out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative carry-over", MEDINS_ERR_LEDGER, F_L_CARRY, -1, F_NONE, 0,
     "ledger carry_over out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger negative thrifty years", MEDINS_ERR_LEDGER, F_L_THRIFTY, -1, F_NONE, 0,
     "ledger thrifty_years out of range: -1 (it must be 0 to 123: a ledger of 2023 has closed at most the years since 1900)"},
    {"ledger prior_known 2", MEDINS_ERR_LEDGER, F_L_PRIOR_KNOWN, 2, F_NONE, 0,
     "ledger prior_known must be 0 or 1, and prior_outpatient_costs 0 when it is 0"},
    {"ledger negative prior costs", MEDINS_ERR_LEDGER, F_L_PRIOR_COSTS, -1, F_NONE, 0,
     "ledger prior_outpatient_costs out of range: -1 (it must be 0 to 100000000000000)"},
    {"ledger fund above MEDINS_FEN_MAX", MEDINS_ERR_LEDGER, F_L_FUND, INT64_MAX, F_NONE, 0,
     "ledger fund.pooling out of range: 9223372036854775807 (it must be 0 to 100000000000000)"},
    {"ledger fund one above MEDINS_FEN_MAX", MEDINS_ERR_LEDGER, F_L_FUND, 100000000000001LL, F_NONE, 0,
     "ledger fund.pooling out of range: 100000000000001 (it must be 0 to 100000000000000)"},
    {"ledger fund INT64_MIN", MEDINS_ERR_LEDGER, F_L_FUND, INT64_MIN, F_NONE, 0,
     "ledger fund.pooling out of range: -9223372036854775808 (it must be 0 to 100000000000000)"},
    {"ledger negative prior costs at INT64_MIN", MEDINS_ERR_LEDGER, F_L_PRIOR_COSTS, INT64_MIN, F_NONE, 0,
     "ledger prior_outpatient_costs out of range: -9223372036854775808 (it must be 0 to 100000000000000)"},
    {"ledger year 1899", MEDINS_ERR_LEDGER, F_L_YEAR, 1899, F_NONE, 0,
     "ledger year 1899 out of range: dates run from 1900-01-01 to 2199-12-31"},
    {"ledger seq above the most", MEDINS_ERR_LEDGER, F_L_SEQ, MEDINS_LEDGER_SEQ_MAX + 1LL, F_NONE, 0,
     "ledger seq out of range: 2147483648 (it must be 0 to 2147483647)"},
    {"ledger seq UINT32_MAX", MEDINS_ERR_LEDGER, F_L_SEQ, UINT32_MAX, F_NONE, 0,
     "ledger seq out of range: 4294967295 (it must be 0 to 2147483647)"},
    {"ledger without settlements but a last date", MEDINS_ERR_LEDGER, F_L_SEQ, 0, F_NONE, 0,
     "ledger last_date 20230301 does not fit year 2023 and 0 settlements"},
    {"ledger admissions above its settlements", MEDINS_ERR_LEDGER, F_L_ADMISSIONS, 2, F_NONE, 0,
     "ledger has more admissions than settlements"},
    {"ledger thrifty years beyond the years since 1900", MEDINS_ERR_LEDGER, F_L_THRIFTY, 124,
     F_NONE, 0, "ledger thrifty_years out of range: 124 (it must be 0 to 123"},
    {"ledger thrifty years INT32_MAX", MEDINS_ERR_LEDGER, F_L_THRIFTY, INT32_MAX, F_NONE, 0,
     "ledger thrifty_years out of range: 2147483647 (it must be 0 to 123"},
    /* valid ledgers the claim cannot be added to */
    {"ledger at the most settlements", MEDINS_ERR_OVERFLOW, F_L_SEQ, MEDINS_LEDGER_SEQ_MAX, F_NONE, 0,
     "the ledger already counts 2147483647 settlements this year, the most it can hold"},
    {"ledger total at the limit", MEDINS_ERR_OVERFLOW, F_L_OUTPATIENT, MEDINS_FEN_MAX - 1, F_NONE, 0,
     "a year total of the ledger would exceed the limit"},
};

#define NCASES (int)(sizeof bad_cases / sizeof bad_cases[0])

static void apply(field f, int64_t v, medins_person *p, medins_claim *c, medins_ledger *l)
{
    switch (f) {
    case F_NONE: break;
    case F_TOTAL: c->total = v; break;
    case F_SELF_PAID: c->self_paid = v; break;
    case F_CATEGORY_B: c->category_b = v; break;
    case F_KIND: c->kind = (medins_claim_kind)v; break;
    case F_LEVEL: c->level = (medins_level)v; break;
    case F_DATE: c->date = (medins_date)v; break;
    case F_SCHEME: p->scheme = (medins_scheme)v; break;
    case F_CATEGORY: p->category = (medins_category)v; break;
    case F_TIER: p->tier = (medins_tier)v; break;
    case F_GROUPS: p->groups = (uint32_t)v; break;
    case F_BIRTH: p->birth_date = (medins_date)v; break;
    case F_FRESH_LEDGER: medins_ledger_init(l, (int32_t)v); break;
    case F_L_YEAR: l->year = (int32_t)v; break;
    case F_L_LAST_DATE: l->last_date = (medins_date)v; break;
    case F_L_SEQ: l->seq = (uint32_t)v; break;
    case F_L_ADMISSIONS: l->admissions = (int32_t)v; break;
    case F_L_OUTPATIENT: l->outpatient_costs = v; break;
    case F_L_DEDUCTIBLE: l->deductible[MEDINS_POOL_OUTPATIENT] = v; break;
    case F_L_POSITION: l->position[MEDINS_POOL_INPATIENT] = v; break;
    case F_L_FUND: l->fund[MEDINS_POOL_POOLING] = v; break;
    case F_L_MAJOR_BASE: l->major_base = v; break;
    case F_L_MAJOR_FUND: l->major_fund = v; break;
    case F_L_ASSIST_BASE: l->assist_base = v; break;
    case F_L_ASSIST_FUND: l->assist_fund = v; break;
    case F_L_BALANCE: l->account_balance = v; break;
    case F_L_ACCOUNT_PAID: l->account_paid = v; break;
    case F_L_CARRY: l->carry_over = v; break;
    case F_L_THRIFTY: l->thrifty_years = (int32_t)v; break;
    case F_L_PRIOR_KNOWN: l->prior_known = (int32_t)v; break;
    case F_L_PRIOR_COSTS: l->prior_outpatient_costs = v; break;
    }
}

static medins_policy_set *g_set;
static const medins_policy *g_policy;

static void open_policy(void)
{
    ck_assert_int_eq(medins_policy_set_open_embedded(&g_set, NULL), 0);
    ck_assert_int_eq(medins_policy_set_lookup(&g_policy, g_set, medins_default_region(), 20230610, NULL), 0);
}

static void close_policy(void)
{
    medins_policy_set_free(g_set);
    g_set = NULL;
    g_policy = NULL;
}

/* The valid starting point: an employee with one claim of 2023-03-01 on the ledger. */
static void base_case(medins_person *p, medins_claim *c, medins_ledger *l)
{
    medins_person_init(p);
    p->birth_date = 19800315;
    medins_ledger_init(l, 2023);
    medins_claim_init(c);
    c->id = 1;
    c->date = 20230301;
    c->kind = MEDINS_CLAIM_OUTPATIENT;
    c->level = MEDINS_LEVEL_2;
    c->institution = 1001;
    c->total = 90000;
    medins_result *r = NULL;
    ck_assert_msg(medins_settle(&r, g_policy, p, c, l, NULL) == 0, "base case: first claim");
    medins_result_free(r);
    c->id = 2;
    c->date = 20230610;
    c->total = 150000;
}

START_TEST(test_base_is_valid)
{
    medins_person p;
    medins_claim c;
    medins_ledger l;
    base_case(&p, &c, &l);
    medins_result *r = NULL;
    ck_assert_msg(medins_settle(&r, g_policy, &p, &c, &l, NULL) == 0, "base case: second claim");
    ck_assert_msg(l.seq == 2, "base case: two claims on the ledger");
    medins_result_free(r);
}
END_TEST

START_TEST(test_bad_settle)
{
    const bad_case *t = &bad_cases[_i];
    medins_person p;
    medins_claim c;
    medins_ledger l;
    base_case(&p, &c, &l);
    apply(t->f1, t->v1, &p, &c, &l);
    apply(t->f2, t->v2, &p, &c, &l);
    medins_ledger before = l;
    medins_result *r = NULL;
    medins_error *e = NULL;
    int rc = medins_settle(&r, g_policy, &p, &c, &l, &e);
    ck_assert_msg(rc == t->code, "%s: status %s, expected %s (%s)", t->name, medins_status_name(rc),
                  medins_status_name(t->code), e ? medins_error_message(e) : "no error object");
    ck_assert_msg(e != NULL && medins_error_code(e) == rc, "%s: error object carries the status", t->name);
    ck_assert_msg(strstr(medins_error_message(e), t->says), "%s: message \"%s\", expected a part "
                  "\"%s\"", t->name, medins_error_message(e), t->says);
    ck_assert_msg(r == NULL, "%s: a result was returned", t->name);
    ck_assert_msg(memcmp(&l, &before, sizeof l) == 0, "%s: the ledger changed", t->name);

    /* the batch path refuses the claim with the same status and leaves the ledger alone */
    int32_t scheme = p.scheme, category = p.category, tier = p.tier, kind = c.kind, level = c.level;
    int32_t person = 0, status = 0;
    medins_fen fund = 77, patient = 77;
    medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION,
                               .n = 1, .scheme = &scheme, .category = &category, .tier = &tier,
                               .birth_date = &p.birth_date, .groups = &p.groups,
                               .family_doctor = &p.family_doctor};
    medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                              .n = 1, .person = &person, .date = &c.date, .kind = &kind,
                              .level = &level, .institution = &c.institution, .total = &c.total,
                              .self_paid = &c.self_paid, .category_b = &c.category_b};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION,
                           .fund = &fund, .patient = &patient, .status = &status};
    size_t failed = 0;
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    ck_assert_int_eq(medins_batch_errors_new(&opts.errors), 0);
    rc = medins_batch_settle_ex(g_policy, &bp, &bc, &l, &bo, &opts, &failed, NULL);
    ck_assert_msg(rc == MEDINS_ERR_BATCH && failed == 1, "%s: batch status %s, %zu failed", t->name,
                  medins_status_name(rc), failed);
    ck_assert_msg(status == t->code, "%s: batch claim status %s", t->name, medins_status_name(status));
    /* The batch names a claim by its index: claim 0 where the single call said claim 2. */
    const medins_error *be = medins_batch_errors_find(opts.errors, 0);
    char want[512];
    const char *said = medins_error_message(e), *id = strstr(said, "claim 2");
    if (id && (id[7] == ' ' || id[7] == ':'))
        snprintf(want, sizeof want, "%.*sclaim 0%s", (int)(id - said), said, id + 7);
    else
        snprintf(want, sizeof want, "%s", said);
    ck_assert_msg(be && medins_error_code(be) == t->code && strcmp(medins_error_message(be), want) == 0,
                  "%s: the batch says \"%s\", alone \"%s\"", t->name,
                  be ? medins_error_message(be) : "", want);
    medins_batch_errors_free(opts.errors);
    medins_error_free(e);
    ck_assert_msg(fund == 0 && patient == 0, "%s: batch outputs not zeroed", t->name);
    ck_assert_msg(memcmp(&l, &before, sizeof l) == 0, "%s: the batch changed the ledger", t->name);
}
END_TEST

/* Calls whose arguments are missing are refused before anything is read. */
START_TEST(test_null_arguments)
{
    medins_person p;
    medins_claim c;
    medins_ledger l;
    base_case(&p, &c, &l);
    medins_ledger before = l;
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(NULL, g_policy, &p, &c, &l, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_settle(&r, NULL, &p, &c, &l, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_settle(&r, g_policy, NULL, &c, &l, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_settle(&r, g_policy, &p, NULL, &l, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_settle(&r, g_policy, &p, &c, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_settle_reverse(&l, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_ledger_parse(&l, NULL, 10, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(r == NULL && memcmp(&l, &before, sizeof l) == 0, "null arguments: nothing changed");
    /* A NULL ledger is refused (serialize) or ignored (init), as NULL is by the other calls. */
    size_t needed = 7;
    char text[16] = "untouched";
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, &needed, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(needed == 7 && strcmp(text, "untouched") == 0, "null ledger: nothing written");
    medins_ledger_init(NULL, 2023);
    /* A NULL result reads as empty, and as of no kind. */
    ck_assert_int_eq((int)medins_result_get_kind(NULL), -1);
    ck_assert_uint_eq(medins_result_line_count(NULL), 0);
    ck_assert_ptr_null(medins_result_policy_id(NULL));

    /* batch: wrong arguments are refused whole, before any claim */
    int32_t scheme = 0, category = 0, tier = 0, kind = 0, level = 2, person = 5, status = 9;
    medins_fen fund = 77;
    medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION,
                               .n = 1, .scheme = &scheme, .category = &category, .tier = &tier,
                               .birth_date = &p.birth_date};
    medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                              .n = 1, .person = &person, .date = &c.date, .kind = &kind,
                              .level = &level, .total = &c.total};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION, .fund = &fund, .status = &status};
    ck_assert_int_eq(medins_batch_settle(NULL, &bp, &bc, &l, &bo, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_batch_settle(g_policy, NULL, &bc, &l, &bo, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_batch_settle(g_policy, &bp, NULL, &l, &bo, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_batch_settle(g_policy, &bp, &bc, NULL, &bo, NULL, NULL), MEDINS_ERR_ARGUMENT);
    bc.total = NULL;   /* a required column missing */
    ck_assert_int_eq(medins_batch_settle(g_policy, &bp, &bc, &l, &bo, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(fund == 77 && status == 9 && memcmp(&l, &before, sizeof l) == 0,
                  "batch arguments: nothing changed");
}
END_TEST

/* A claim naming a person the batch does not have makes the arguments wrong: nothing settles. */
START_TEST(test_batch_person_out_of_range)
{
    static const int32_t bad_person[] = {1, -1, INT32_MAX};
    medins_person p;
    medins_claim c;
    medins_ledger l;
    base_case(&p, &c, &l);
    medins_ledger before = l;
    int32_t scheme = 0, category = 0, tier = 0;
    int32_t person[3] = {0, 0, 0}, kind[3] = {0, 0, 0}, level[3] = {2, 2, 2}, status[3] = {9, 9, 9};
    medins_date date[3] = {20230610, 20230611, 20230612};
    medins_fen total[3] = {1000, 1000, 1000}, fund[3] = {7, 7, 7};
    person[2] = bad_person[_i];
    medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION,
                               .n = 1, .scheme = &scheme, .category = &category, .tier = &tier,
                               .birth_date = &p.birth_date};
    medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                              .n = 3, .person = person, .date = date, .kind = kind, .level = level,
                              .total = total};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION, .fund = fund, .status = status};
    size_t failed = 99;
    int rc = medins_batch_settle(g_policy, &bp, &bc, &l, &bo, &failed, NULL);
    ck_assert_msg(rc == MEDINS_ERR_ARGUMENT, "person %d of 1: %s", person[2], medins_status_name(rc));
    ck_assert_msg(status[0] == 9 && fund[0] == 7 && failed == 99,
                  "person %d of 1: outputs written", person[2]);
    ck_assert_msg(memcmp(&l, &before, sizeof l) == 0, "person %d of 1: the ledger changed", person[2]);
}
END_TEST

/* Contributions, accounts and maternity payments take a date too: one outside the dates the
 * library takes, or not a day, is refused with the range, and no result comes back. */
START_TEST(test_computation_dates)
{
    static const medins_date dates[] = {18991231, 20230230, 22000101};
    medins_person p;
    medins_person_init(&p);
    p.birth_date = 19800315;
    medins_employee_input employee;
    medins_employee_input_init(&employee);
    employee.monthly_wage = 800000;
    medins_account_input account;
    medins_account_input_init(&account);
    account.employee = employee;
    medins_maternity_input maternity;
    medins_maternity_input_init(&maternity);
    for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++)
        for (int call = 0; call < 3; call++) {
            medins_result *r = NULL;
            medins_error *e = NULL;
            int rc = call == 0 ? medins_contribution(&r, g_policy, &p, dates[d], &employee, &e)
                   : call == 1 ? medins_account(&r, g_policy, &p, dates[d], &account, &e)
                               : medins_maternity(&r, g_policy, &p, dates[d], &maternity, &e);
            char want[128];
            snprintf(want, sizeof want, "date %d is not a calendar date from 1900-01-01 to "
                     "2199-12-31", (int)dates[d]);
            ck_assert_msg(rc == MEDINS_ERR_DATE && e && strcmp(medins_error_message(e), want) == 0,
                          "call %d on %d: %s \"%s\"", call, (int)dates[d], medins_status_name(rc),
                          e ? medins_error_message(e) : "");
            ck_assert_msg(r == NULL, "call %d on %d: a result", call, (int)dates[d]);
            medins_error_free(e);
        }
}
END_TEST

/* ---- Ledger texts ------------------------------------------------------------------------ */

typedef struct bad_text {
    const char *name;
    const char *key;      /* the line "key=..." (or the header "medins-ledger") to edit */
    const char *line;     /* replacement line; NULL deletes it */
    int append;           /* add `line` at the end instead */
    const char *says;     /* part of the message */
    unsigned at_line, at_column;   /* the position it names; 0: none */
} bad_text;

static const bad_text bad_texts[] = {
    {"unknown version", "medins-ledger", "medins-ledger 99", 0,
     "a ledger text of version 99, which this library does not read (it reads 1 to 4)", 1, 15},
    {"version 0", "medins-ledger", "medins-ledger 0", 0,
     "not a ledger text: the first line must be \"medins-ledger 1\"", 1, 1},
    {"version with a leading zero", "medins-ledger", "medins-ledger 01", 0,
     "not a ledger text: the first line must be \"medins-ledger 1\"", 1, 1},
    {"no header", "medins-ledger", NULL, 0,
     "not a ledger text: the first line must be \"medins-ledger 1\"", 1, 1},
    {"header misspelt", "medins-ledger", "medins-legder 1", 0,
     "not a ledger text: the first line must be \"medins-ledger 1\"", 1, 1},
    {"missing year", "year", NULL, 0,
     "ledger key year is missing", 0, 0},
    {"missing carry_over", "carry_over", NULL, 0,
     "ledger key carry_over is missing", 0, 0},
    {"unknown key", NULL, "colour=blue", 1,
     "unknown ledger key \"colour\"", 26, 1},
    {"key given twice", NULL, "year=2023", 1,
     "ledger key year given twice", 26, 1},
    {"year not a number", "year", "year=20x3", 0,
     "ledger year: malformed number", 2, 6},
    {"seq empty", "seq", "seq=", 0,
     "ledger seq: malformed number", 4, 5},
    {"negative carry_over", "carry_over", "carry_over=-1", 0,
     "ledger carry_over out of range: -1 (it must be 0 to 100000000000000)", 22, 12},
    {"number with a space", "year", "year= 2023", 0,
     "ledger year: malformed number", 2, 6},
    {"number overflowing int64", "carry_over", "carry_over=99999999999999999999", 0,
     "ledger carry_over: malformed number", 22, 12},
    {"amount above MEDINS_FEN_MAX", "carry_over", "carry_over=100000000000001", 0,
     "ledger carry_over out of range: 100000000000001 (it must be 0 to 100000000000000)", 22, 12},
    {"amount in yuan", "account_balance", "account_balance=12.50", 0,
     "ledger account_balance: malformed number", 20, 17},
    {"line without '='", NULL, "garbage", 1,
     "ledger line 26 has no '='", 26, 1},
};

#define NTEXTS (int)(sizeof bad_texts / sizeof bad_texts[0])

/* text with the line starting "key=" (or key followed by a space) replaced, deleted, or appended. */
static char *edit_text(const char *text, const bad_text *t)
{
    size_t cap = strlen(text) + 256;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    out[0] = 0;
    const char *line = text;
    int found = t->append;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        size_t klen = t->key ? strlen(t->key) : 0;
        int match = t->key && strncmp(line, t->key, klen) == 0 && (line[klen] == '=' || line[klen] == ' ');
        if (match) {
            found = 1;
            if (t->line) {
                strcat(out, t->line);
                strcat(out, "\n");
            }
        } else {
            strncat(out, line, len);
        }
        line += len;
    }
    if (t->append) {
        strcat(out, t->line);
        strcat(out, "\n");
    }
    ck_assert_msg(found, "%s: the serialised ledger has no line %s", t->name, t->key);
    return out;
}

static void history_ledger(medins_ledger *l)
{
    medins_ledger_init(l, 2023);
    l->last_date = 20230301;
    l->seq = 3;
    l->admissions = 1;
    l->outpatient_costs = 120000;
    l->deductible[MEDINS_POOL_INPATIENT] = 170000;
    l->position[MEDINS_POOL_INPATIENT] = 500000;
    l->fund[MEDINS_POOL_INPATIENT] = 425000;
    l->carry_over = 450000;
    l->account_balance = 33300;
}

START_TEST(test_ledger_roundtrip)
{
    medins_ledger l, back;
    history_ledger(&l);
    ck_assert_msg(medins_ledger_check(&l, NULL) == 0, "roundtrip: the sample ledger is valid");
    char buf[4096];
    size_t needed = 0;
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, &needed, &l), 0);
    ck_assert_msg(needed == strlen(buf) + 1, "roundtrip: needed counts the NUL");
    ck_assert_int_eq(medins_ledger_parse(&back, buf, strlen(buf), NULL), 0);
    ck_assert_msg(memcmp(&l, &back, sizeof l) == 0, "roundtrip: parse(serialize(l)) == l");
    /* a buffer one byte short is refused and left alone */
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(medins_ledger_serialize(buf, needed - 1, NULL, &l), MEDINS_ERR_BUFFER);
    ck_assert_msg(buf[0] == 'z', "roundtrip: short buffer untouched");
}
END_TEST

START_TEST(test_bad_ledger_text)
{
    const bad_text *t = &bad_texts[_i];
    medins_ledger l, out;
    history_ledger(&l);
    char buf[4096];
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    char *text = edit_text(buf, t);
    memset(&out, 0x5A, sizeof out);
    medins_ledger guard = out;
    medins_error *e = NULL;
    int rc = medins_ledger_parse(&out, text, strlen(text), &e);
    ck_assert_msg(rc == MEDINS_ERR_LEDGER, "%s: status %s, expected MEDINS_ERR_LEDGER", t->name,
                  medins_status_name(rc));
    ck_assert_msg(e && medins_error_code(e) == rc, "%s: error object", t->name);
    ck_assert_msg(strstr(medins_error_message(e), t->says) && medins_error_line(e) == t->at_line &&
                  medins_error_column(e) == t->at_column,
                  "%s: \"%s\" at %u:%u, expected \"%s\" at %u:%u", t->name,
                  medins_error_message(e), medins_error_line(e), medins_error_column(e), t->says,
                  t->at_line, t->at_column);
    ck_assert_msg(memcmp(&out, &guard, sizeof out) == 0, "%s: the ledger was written", t->name);
    medins_error_free(e);
    free(text);
}
END_TEST

/* Cut a valid text short at every length: never accepted as a different ledger, never a crash. */
START_TEST(test_ledger_truncated)
{
    medins_ledger l, out;
    history_ledger(&l);
    char buf[4096];
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    size_t n = strlen(buf);
    for (size_t len = 0; len < n; len++) {
        char *copy = malloc(len ? len : 1);   /* exactly len bytes: no NUL to lean on */
        memcpy(copy, buf, len);
        int rc = medins_ledger_parse(&out, copy, len, NULL);
        ck_assert_msg(rc == MEDINS_ERR_LEDGER || (rc == 0 && memcmp(&out, &l, sizeof l) == 0),
                      "truncated at %zu of %zu: status %s", len, n, medins_status_name(rc));
        free(copy);
    }
}
END_TEST

/* ---- Hostile YAML -------------------------------------------------------------------------- */

/* Peak-memory bounds: a refusal by size, depth or alias count costs next to nothing; one by the
 * node limit may first hold up to max_nodes (200,000) nodes, several times that under ASan. */
#define SMALL_KIB (16L * 1024)
#define NODES_KIB (256L * 1024)

/* Under valgrind or a sanitizer code runs several times slower: the test setups say how much. */
static double time_factor(void)
{
    const char *f = getenv("MEDINS_TEST_TIME_FACTOR");
    double v = f ? atof(f) : 1.0;
    return v >= 1.0 ? v : 1.0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Load `text` and check the status, the time (a generous bound: real figures are in bench/)
 * and the peak memory the load added. */
static void load_hostile(const char *name, const char *text, size_t len, const medins_load_options *opts,
                         int code, long max_kib)
{
    medins_policy *p = NULL;
    medins_error *e = NULL;
    long rss0 = max_rss_kb();
    double t0 = now_s();
    int rc = medins_policy_load_string(&p, name, text, len, NULL, opts, &e);
    double dt = now_s() - t0;
    long grew_kb = max_rss_kb() - rss0;
    if (code)
        ck_assert_msg(rc == code, "%s: status %s, expected %s (%s)", name, medins_status_name(rc),
                      medins_status_name(code), e ? medins_error_message(e) : "");
    else
        ck_assert_msg(rc < 0, "%s: accepted", name);
    ck_assert_msg(p == NULL, "%s: a policy came back", name);
    ck_assert_msg(dt < 2.0 * time_factor(), "%s: took %.3f s", name, dt);
    ck_assert_msg(grew_kb < max_kib, "%s: peak memory grew by %ld KiB (bound %ld)", name, grew_kb, max_kib);
    medins_error_free(e);
}

/*
 * `levels` anchors, each a list of ten aliases of the one before: 10^levels leaves if expanded.
 * With aliases refused, ten levels (the classic bomb) must be refused at the first alias. With
 * aliases allowed, seven levels (10^7 leaves, 50 times the node limit) must still be refused by
 * the node limit, and quickly; more levels would only make an unbounded loader run longer.
 */
static char *alias_bomb(int levels)
{
    size_t cap = 8192, len = 0;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    len += (size_t)snprintf(s + len, cap - len, "format: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < levels; i++) {
        len += (size_t)snprintf(s + len, cap - len, "x%d: &a%d [", i, i);
        for (int k = 0; k < 10; k++)
            len += (size_t)snprintf(s + len, cap - len, "%s*a%d", k ? ", " : "", i - 1);
        len += (size_t)snprintf(s + len, cap - len, "]\n");
    }
    len += (size_t)snprintf(s + len, cap - len, "title: *a%d\n", levels - 1);
    return s;
}

START_TEST(test_alias_bomb)
{
    char *s = alias_bomb(10);
    load_hostile("alias-bomb.yaml", s, strlen(s), NULL, MEDINS_ERR_LIMIT, SMALL_KIB);
    free(s);
}
END_TEST

/* With aliases allowed, what they expand to still counts against the node limit. */
START_TEST(test_alias_bomb_allowed)
{
    char *s = alias_bomb(7);
    medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
    opts.max_aliases = 1000;
    load_hostile("alias-bomb-allowed.yaml", s, strlen(s), &opts, MEDINS_ERR_LIMIT, NODES_KIB);
    free(s);
}
END_TEST

static char *nested(const char *open, const char *leaf, const char *close, int depth, size_t *len)
{
    size_t lo = strlen(open), ll = strlen(leaf), lc = strlen(close);
    size_t n = strlen("format: 1\nsources: ") + (lo + lc) * (size_t)depth + ll + 2;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    char *w = s + sprintf(s, "format: 1\nsources: ");
    for (int i = 0; i < depth; i++, w += lo)
        memcpy(w, open, lo);
    memcpy(w, leaf, ll);
    w += ll;
    for (int i = 0; i < depth; i++, w += lc)
        memcpy(w, close, lc);
    *w++ = '\n';
    *w = 0;
    *len = (size_t)(w - s);
    return s;
}

START_TEST(test_deep_nesting)
{
    size_t len;
    char *s = nested("[", "1", "]", 10000, &len);
    load_hostile("deep-sequences.yaml", s, len, NULL, MEDINS_ERR_LIMIT, SMALL_KIB);
    free(s);
    s = nested("{a: ", "1", "}", 10000, &len);
    load_hostile("deep-mappings.yaml", s, len, NULL, MEDINS_ERR_LIMIT, SMALL_KIB);
    free(s);
    /* just past the default depth of 64 is refused too */
    s = nested("[", "1", "]", 70, &len);
    load_hostile("depth-70.yaml", s, len, NULL, MEDINS_ERR_LIMIT, SMALL_KIB);
    free(s);
}
END_TEST

START_TEST(test_huge_document)
{
    /* 100 MB of valid YAML, made here: refused by size before it is parsed */
    size_t len = (size_t)100 << 20;
    static const char item[] = "- {id: s, title: t}\n";
    char *s = malloc(len + 64);
    ck_assert_ptr_nonnull(s);
    size_t w = (size_t)sprintf(s, "format: 1\nsources:\n");
    while (w + sizeof item - 1 <= len) {
        memcpy(s + w, item, sizeof item - 1);
        w += sizeof item - 1;
    }
    load_hostile("huge.yaml", s, w, NULL, MEDINS_ERR_LIMIT, SMALL_KIB);
    /* with the size limit raised, the node limit stops it early */
    medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
    opts.max_file_size = (size_t)200 << 20;
    load_hostile("huge-size-allowed.yaml", s, w, &opts, MEDINS_ERR_LIMIT, NODES_KIB);
    free(s);
}
END_TEST

START_TEST(test_hostile_bytes)
{
    static const struct { const char *name; const char *text; size_t len; } cases[] = {
        {"empty", "", 0},
        {"nul bytes", "format: 1\0\0\0title: x\n", 22},
        {"invalid utf-8", "format: 1\ntitle: \xff\xfe\xfd\n", 21},
        {"tab indentation", "format: 1\nsources:\n\t- id: x\n", 27},
        {"unterminated quote", "format: 1\ntitle: \"abc\n", 22},
        {"document stream", "format: 1\n---\nformat: 1\n", 24},
        {"custom tag", "format: !!python/object 1\n", 26},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        load_hostile(cases[i].name, cases[i].text, cases[i].len, NULL, 0, SMALL_KIB);
}
END_TEST

static Suite *badinput_suite(void)
{
    Suite *s = suite_create("badinput");
    TCase *tc = tcase_create("claims persons ledgers");
    tcase_add_unchecked_fixture(tc, open_policy, close_policy);
    tcase_add_test(tc, test_base_is_valid);
    tcase_add_loop_test(tc, test_bad_settle, 0, NCASES);
    tcase_add_test(tc, test_null_arguments);
    tcase_add_loop_test(tc, test_batch_person_out_of_range, 0, 3);
    tcase_add_test(tc, test_computation_dates);
    suite_add_tcase(s, tc);

    tc = tcase_create("ledger text");
    tcase_add_test(tc, test_ledger_roundtrip);
    tcase_add_loop_test(tc, test_bad_ledger_text, 0, NTEXTS);
    tcase_add_test(tc, test_ledger_truncated);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile yaml");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_alias_bomb);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_huge_document);
    tcase_add_test(tc, test_hostile_bytes);
    suite_add_tcase(s, tc);

    /* its own case with a short timeout: an unbounded expansion runs for minutes */
    tc = tcase_create("alias expansion");
    tcase_set_timeout(tc, 10);
    tcase_add_test(tc, test_alias_bomb_allowed);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(badinput_suite)
