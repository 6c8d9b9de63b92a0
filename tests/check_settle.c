/*
 * Settlement engine: hand-worked claims on tests/data/settle/basic.yaml, boundaries, bad input,
 * reversal, and randomized invariants.
 *
 * The policy's figures (yuan) used below:
 *   outpatient deductible: in-service 800; retired under 70: 700; retired 70+: 600; resident 500;
 *     lowered by 100/200/300 after 1/2/3+ thrifty years; ratio employee l3 50%, else 60%;
 *     resident l1/l2 60% (high tier) or 50%; cap employee 5500, resident 3000; account: true.
 *   pharmacy: employee 70%, resident 50%; shares the outpatient pool's deductible and cap.
 *   pooling: deductible 0 at primary, else 50 per visit; ratio l3 50%, else 60%;
 *     +10 points retired, +5 at the family-doctor institution; cap retired 2000, else 1500.
 *   special disease: deductible 200 a year in the inpatient pool; 85%.
 *   inpatient: deductible after a thrifty year (prior outpatient costs <= 1500 in service,
 *     <= 2500 retired) 500 first / 0 later; else l3 1000 / 500, other levels 800 / 300;
 *     segments employee 0-10000 80%, above 90%; resident 60% / 70%; dibao and marginal +5;
 *     cap employee 350000, resident 100000; carry_over: true; account: true.
 *   major disease (kinds inpatient, special disease): deductible 10000 a year;
 *     0-100000 60%, above 70%; cap 300000.
 *   assistance: dibao/tekun deductible 0, marginal 10% of 40000 = 4000;
 *     tekun 75%, dibao 70%, marginal 65%; cap 50000.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *policy;

static void setup(void) { policy = medins_test_load("data/settle/basic.yaml"); }
static void teardown(void) { medins_policy_free(policy); policy = NULL; }

/* ---- Hand-worked cases -------------------------------------------------------------------- */

typedef struct step {
    medins_claim_kind kind;
    medins_level level;
    medins_fen total, self_paid, category_b;
    int64_t institution;
    medins_date date;          /* 0: 2023-03-01 plus the step's index in days */
    /* expected; a figure a case leaves out is expected to be 0 */
    medins_fen deductible, fund, coinsurance, over_cap, major, assist, patient, account;
} step;

typedef struct scase {
    const char *name;
    medins_scheme scheme;
    medins_category category;
    medins_tier tier;
    medins_date birth;
    uint32_t groups;
    int64_t family_doctor;
    medins_fen balance, prior, carry;   /* prior < 0: unknown */
    int thrifty;
    step steps[3];
} scase;

#define EMP MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, MEDINS_TIER_NONE
#define RET MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_RETIRED, MEDINS_TIER_NONE
#define RES(tier) MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, tier
#define OUT MEDINS_CLAIM_OUTPATIENT
#define INP MEDINS_CLAIM_INPATIENT
#define POOL MEDINS_CLAIM_POOLING
#define L1 MEDINS_LEVEL_1
#define L2 MEDINS_LEVEL_2
#define L3 MEDINS_LEVEL_3

static const scase cases[] = {
    /* 1000 at l2: deductible 800; 200 x 60% = 120 fund, 80 coinsurance; patient 800 + 80. */
    {"outpatient-first-claim", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(1000), .deductible = Y(800), .fund = Y(120),
       .coinsurance = Y(80), .patient = Y(880)}}},
    /* A deductible spread over two claims: 500 at l3 is all deductible; then 1000 at l2 pays the
     * 300 left, 700 x 60% = 420 fund, 280 coinsurance, patient 300 + 280 = 580. */
    {"deductible-over-two-claims", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L3, .total = Y(500), .deductible = Y(500), .patient = Y(500)},
      {.kind = OUT, .level = L2, .total = Y(1000), .deductible = Y(300), .fund = Y(420),
       .coinsurance = Y(280), .patient = Y(580)}}},
    /* Cap hit inside a claim: 9000 -> 800 deductible, 8200 x 60% = 4920 fund. Then 2000 ->
     * 1200 share, but only 5500 - 4920 = 580 is left: fund 580, over_cap 620, coinsurance 800,
     * patient 1420. A third claim of 100 gets nothing: over_cap 60, coinsurance 40. */
    {"cap-inside-a-claim", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(9000), .deductible = Y(800), .fund = Y(4920),
       .coinsurance = Y(3280), .patient = Y(4080)},
      {.kind = OUT, .level = L2, .total = Y(2000), .fund = Y(580), .coinsurance = Y(800),
       .over_cap = Y(620), .patient = Y(1420)},
      {.kind = OUT, .level = L2, .total = Y(100), .coinsurance = Y(40), .over_cap = Y(60),
       .patient = Y(100)}}},
    /* First admission l3 20000: deductible 1000; 10000 x 80% = 8000 (coins 2000) and 9000 x 90%
     * = 8100 (coins 900); fund 16100, patient 3900 (major base 3900 < 10000: nothing).
     * Second admission l3 5000: later deductible 500; 4500 x 90% = 4050; patient 950. */
    {"first-and-second-admission", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = INP, .level = L3, .total = Y(20000), .deductible = Y(1000), .fund = Y(16100),
       .coinsurance = Y(2900), .patient = Y(3900)},
      {.kind = INP, .level = L3, .total = Y(5000), .deductible = Y(500), .fund = Y(4050),
       .coinsurance = Y(450), .patient = Y(950)}}},
    /* Exactly at a segment bound: 10800 at l2 -> 800 deductible, 10000 x 80% = 8000, nothing in
     * the 90% segment. Then 1300 (later: 300) starts at position 10000: 1000 x 90% = 900. */
    {"claim-ends-on-segment-bound", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = INP, .level = L2, .total = Y(10800), .deductible = Y(800), .fund = Y(8000),
       .coinsurance = Y(2000), .patient = Y(2800)},
      {.kind = INP, .level = L2, .total = Y(1300), .deductible = Y(300), .fund = Y(900),
       .coinsurance = Y(100), .patient = Y(400)}}},
    /* Crossing a bound: 5800 -> 800 + 5000 x 80% = 4000. Then 10300 at l1 (later 300): 10000 from
     * position 5000 splits 5000 x 80% = 4000 + 5000 x 90% = 4500 = 8500; coins 1000 + 500. */
    {"claim-crosses-segment-bound", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = INP, .level = L2, .total = Y(5800), .deductible = Y(800), .fund = Y(4000),
       .coinsurance = Y(1000), .patient = Y(1800)},
      {.kind = INP, .level = L1, .total = Y(10300), .deductible = Y(300), .fund = Y(8500),
       .coinsurance = Y(1500), .patient = Y(1800)}}},
    /* Rounding: pooling at l3, 50.03: 50 deductible, 3 fen x 50% = 1.5 fen -> 2 fen (half up);
     * the patient pays the remaining 1 fen. */
    {"fund-share-rounds-half-up", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = POOL, .level = L3, .total = 5003, .deductible = Y(50), .fund = 2,
       .coinsurance = 1, .patient = 5001}}},
    /* Pooling at the contracted primary institution, retiree: deductible row amount 0;
     * 60% + 10 + 5 = 75% of 200 = 150. */
    {"pooling-retiree-family-doctor", RET, 19550101, 0, 77, 0, -1, 0, 0,
     {{.kind = POOL, .level = MEDINS_LEVEL_PRIMARY, .total = Y(200), .institution = 77,
       .fund = Y(150), .coinsurance = Y(50), .patient = Y(50)}}},
    /* The same person at another l1 institution: deductible 50; 150 x 70% = 105. */
    {"pooling-retiree-elsewhere", RET, 19550101, 0, 77, 0, -1, 0, 0,
     {{.kind = POOL, .level = L1, .total = Y(200), .institution = 78, .deductible = Y(50),
       .fund = Y(105), .coinsurance = Y(45), .patient = Y(95)}}},
    /* Pooling cap 1500: 2550 -> 50 + 2500 x 60% = 1500, exactly the cap. The next visit
     * (150: 50 + 100 x 60% = 60) is all withheld. */
    {"pooling-cap-reached-exactly", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = POOL, .level = L1, .total = Y(2550), .deductible = Y(50), .fund = Y(1500),
       .coinsurance = Y(1000), .patient = Y(1050)},
      {.kind = POOL, .level = L1, .total = Y(150), .deductible = Y(50), .coinsurance = Y(40),
       .over_cap = Y(60), .patient = Y(150)}}},
    /* Age band: born 1953-06-01, on 2023-05-31 aged 69: deductible 700; 300 x 60% = 180. */
    {"retiree-aged-69", RET, 19530601, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(1000), .date = 20230531, .deductible = Y(700),
       .fund = Y(180), .coinsurance = Y(120), .patient = Y(820)}}},
    /* The birthday itself: on 2023-06-01 aged 70: deductible 600; 400 x 60% = 240. */
    {"retiree-aged-70-on-birthday", RET, 19530601, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(1000), .date = 20230601, .deductible = Y(600),
       .fund = Y(240), .coinsurance = Y(160), .patient = Y(760)}}},
    /* Two thrifty years: 800 - 200 = 600; 400 x 60% = 240. */
    {"thrift-two-years", EMP, 19800101, 0, 0, 0, Y(600), 0, 2,
     {{.kind = OUT, .level = L2, .total = Y(1000), .deductible = Y(600), .fund = Y(240),
       .coinsurance = Y(160), .patient = Y(760)}}},
    /* Three or more: 800 - 300 = 500 (five years still takes the 3+ row). */
    {"thrift-five-years", EMP, 19800101, 0, 0, 0, Y(600), 0, 5,
     {{.kind = OUT, .level = L2, .total = Y(1000), .deductible = Y(500), .fund = Y(300),
       .coinsurance = Y(200), .patient = Y(700)}}},
    /* Last year's outpatient costs 1500 (<= 1500): first admission 500, later 0.
     * 10500 at l3: 500 + 10000 x 80% = 8000. Then 1000: 0 + 1000 x 90% = 900. */
    {"inpatient-after-thrifty-year", EMP, 19800101, 0, 0, 0, Y(1500), 0, 0,
     {{.kind = INP, .level = L3, .total = Y(10500), .deductible = Y(500), .fund = Y(8000),
       .coinsurance = Y(2000), .patient = Y(2500)},
      {.kind = INP, .level = L3, .total = Y(1000), .fund = Y(900), .coinsurance = Y(100),
       .patient = Y(100)}}},
    /* 1500.01 is above the bound: the l3 first-admission deductible 1000 applies. */
    {"inpatient-prior-just-above", EMP, 19800101, 0, 0, 0, 150001, 0, 0,
     {{.kind = INP, .level = L3, .total = Y(11000), .deductible = Y(1000), .fund = Y(8000),
       .coinsurance = Y(2000), .patient = Y(3000)}}},
    /* Dibao resident, l2 20800: 800; 10000 x 65% = 6500, 10000 x 75% = 7500; fund 14000, burden
     * 6800 (< 10000: no major); assistance 6800 x 70% = 4760; patient 20800 - 14000 - 4760. */
    {"resident-dibao-assistance", RES(MEDINS_TIER_LOW), 19800101, MEDINS_GROUP_DIBAO, 0, 0, -1, 0, 0,
     {{.kind = INP, .level = L2, .total = Y(20800), .deductible = Y(800), .fund = Y(14000),
       .coinsurance = Y(6000), .assist = Y(4760), .patient = Y(2040)}}},
    /* Marginal resident, l2 30800: 800; 6500 + 20000 x 75% = 15000: fund 21500, burden 9300;
     * assistance deductible 10% x 40000 = 4000: 5300 x 65% = 3445; patient 5855. */
    {"resident-marginal-income-share", RES(MEDINS_TIER_MIDDLE), 19800101, MEDINS_GROUP_MARGINAL, 0, 0, -1, 0, 0,
     {{.kind = INP, .level = L2, .total = Y(30800), .deductible = Y(800), .fund = Y(21500),
       .coinsurance = Y(8500), .assist = Y(3445), .patient = Y(5855)}}},
    /* Major disease: l3 150000: 1000; 8000 + 139000 x 90% = 125100: fund 133100, burden 16900;
     * 16900 - 10000 = 6900 x 60% = 4140. No group: no assistance row, nothing. */
    {"major-disease-layer", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = INP, .level = L3, .total = Y(150000), .deductible = Y(1000), .fund = Y(133100),
       .coinsurance = Y(15900), .major = Y(4140), .patient = Y(12760)}}},
    /* Carry-over 4500 raises the cap to 354500: l3 500000: 1000; 8000 + 489000 x 90% = 440100,
     * share 448100 -> fund 354500, over_cap 93600, coins 2000 + 48900. Burden 145500: major
     * 135500 above the deductible: 100000 x 60% + 35500 x 70% = 60000 + 24850 = 84850. */
    {"carry-over-raises-inpatient-cap", EMP, 19800101, 0, 0, 0, -1, Y(4500), 0,
     {{.kind = INP, .level = L3, .total = Y(500000), .deductible = Y(1000), .fund = Y(354500),
       .coinsurance = Y(50900), .over_cap = Y(93600), .major = Y(84850), .patient = Y(60650)}}},
    /* Residents' tiers: high tier l1 600: 500 + 100 x 60% = 60. */
    {"resident-high-tier-outpatient", RES(MEDINS_TIER_HIGH), 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L1, .total = Y(600), .deductible = Y(500), .fund = Y(60),
       .coinsurance = Y(40), .patient = Y(540)}}},
    /* ... low tier: 100 x 50% = 50. */
    {"resident-low-tier-outpatient", RES(MEDINS_TIER_LOW), 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L1, .total = Y(600), .deductible = Y(500), .fund = Y(50),
       .coinsurance = Y(50), .patient = Y(550)}}},
    /* Pharmacy shares the outpatient deductible: 800 at l2 borne it; 200 at a pharmacy x 70%. */
    {"pharmacy-shares-outpatient-pool", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(800), .deductible = Y(800), .patient = Y(800)},
      {.kind = MEDINS_CLAIM_PHARMACY, .level = MEDINS_LEVEL_PHARMACY, .total = Y(200),
       .fund = Y(140), .coinsurance = Y(60), .patient = Y(60)}}},
    /* Account: 1000 with 100 self-paid and 50 category B: in scope 850 = 800 + 50 x 60% (30);
     * patient 970, in-scope burden 820; balance 500 pays 500, cash 470. */
    {"account-balance-short", EMP, 19800101, 0, 0, Y(500), -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(1000), .self_paid = Y(100), .category_b = Y(50),
       .deductible = Y(800), .fund = Y(30), .coinsurance = Y(20), .patient = Y(970),
       .account = Y(500)}}},
    /* Balance 2000: the account pays the whole in-scope burden 820 and never the 150 outside. */
    {"account-balance-ample", EMP, 19800101, 0, 0, Y(2000), -1, 0, 0,
     {{.kind = OUT, .level = L2, .total = Y(1000), .self_paid = Y(100), .category_b = Y(50),
       .deductible = Y(800), .fund = Y(30), .coinsurance = Y(20), .patient = Y(970),
       .account = Y(820)}}},
    /* Special disease: 200 deductible a year in the inpatient pool, 1000 x 85% = 850. The
     * admission that follows has its own 800 deductible but starts at the pool's position 1000:
     * 9000 x 80% = 7200 + 1000 x 90% = 900 -> 8100; coins 1800 + 100. */
    {"special-disease-shares-inpatient-pool", EMP, 19800101, 0, 0, 0, -1, 0, 0,
     {{.kind = MEDINS_CLAIM_SPECIAL_DISEASE, .level = L2, .total = Y(1200), .deductible = Y(200),
       .fund = Y(850), .coinsurance = Y(150), .patient = Y(350)},
      {.kind = INP, .level = L2, .total = Y(10800), .deductible = Y(800), .fund = Y(8100),
       .coinsurance = Y(1900), .patient = Y(2700)}}},
};

static void person_of(medins_person *p, const scase *c)
{
    medins_person_init(p);
    p->scheme = c->scheme;
    p->category = c->category;
    p->tier = c->tier;
    p->birth_date = c->birth;
    p->groups = c->groups;
    p->family_doctor = c->family_doctor;
}

static void ledger_of(medins_ledger *l, const scase *c)
{
    medins_ledger_init(l, 2023);
    l->account_balance = c->balance;
    l->carry_over = c->carry;
    l->thrifty_years = c->thrifty;
    if (c->prior >= 0) {
        l->prior_known = 1;
        l->prior_outpatient_costs = c->prior;
    }
}

static void claim_of(medins_claim *cl, const step *s, int i)
{
    medins_claim_init(cl);
    cl->id = i + 1;
    cl->kind = s->kind;
    cl->level = s->level;
    cl->total = s->total;
    cl->self_paid = s->self_paid;
    cl->category_b = s->category_b;
    cl->institution = s->institution;
    cl->date = s->date ? s->date : 20230301 + i;
}

#define EQ(field, want) \
    ck_assert_msg(st->field == (want), "%s step %d: " #field " = %lld, expected %lld", c->name, i, \
                  (long long)st->field, (long long)(want))

START_TEST(hand_worked)
{
    const scase *c = &cases[_i];
    medins_person person;
    medins_ledger ledger;
    person_of(&person, c);
    ledger_of(&ledger, c);
    for (int i = 0; i < 3 && cases[_i].steps[i].total; i++) {
        const step *s = &c->steps[i];
        medins_claim claim;
        claim_of(&claim, s, i);
        medins_result *r = NULL;
        medins_error *err = NULL;
        int rc = medins_settle(&r, policy, &person, &claim, &ledger, &err);
        ck_assert_msg(rc == 0, "%s step %d: %s", c->name, i, err ? medins_error_message(err) : "?");
        const medins_settlement *st = medins_result_settlement(r);
        ck_assert_msg(st != NULL, "%s: no settlement figures", c->name);
        EQ(deductible, s->deductible);
        EQ(fund, s->fund);
        EQ(coinsurance, s->coinsurance);
        EQ(over_cap, s->over_cap);
        EQ(major_disease, s->major);
        EQ(assistance, s->assist);
        EQ(patient, s->patient);
        EQ(account, s->account);
        EQ(cash, s->patient - s->account);
        EQ(in_scope, s->total - s->self_paid - s->category_b);
        EQ(total, st->fund + st->major_disease + st->assistance + st->patient);
        EQ(admission, s->kind == MEDINS_CLAIM_INPATIENT ? ledger.admissions : 0);
        medins_result_free(r);
    }
}
END_TEST

/* The ledger after the deductible-over-two-claims case, field by field. */
START_TEST(ledger_totals)
{
    const scase *c = &cases[1];
    medins_person person;
    medins_ledger ledger;
    person_of(&person, c);
    ledger_of(&ledger, c);
    for (int i = 0; i < 2; i++) {
        medins_claim claim;
        medins_result *r = NULL;
        claim_of(&claim, &c->steps[i], i);
        ck_assert_int_eq(medins_settle(&r, policy, &person, &claim, &ledger, NULL), 0);
        medins_result_free(r);
    }
    /* 500 + 1000 in scope; deductible 500 + 300; position 700; fund 420. */
    ck_assert_int_eq(ledger.seq, 2);
    ck_assert_int_eq(ledger.last_date, 20230302);
    ck_assert_int_eq(ledger.outpatient_costs, Y(1500));
    ck_assert_int_eq(ledger.deductible[MEDINS_POOL_OUTPATIENT], Y(800));
    ck_assert_int_eq(ledger.position[MEDINS_POOL_OUTPATIENT], Y(700));
    ck_assert_int_eq(ledger.fund[MEDINS_POOL_OUTPATIENT], Y(420));
    ck_assert_int_eq(ledger.fund[MEDINS_POOL_INPATIENT], 0);
    ck_assert_int_eq(ledger.admissions, 0);
}
END_TEST

/*
 * Which claims count as outpatient costs and admissions, one claim of each kind in turn (an
 * employee in service): outpatient 1000 with 100 self-paid (900 in scope) and a pharmacy
 * purchase of 200 add their in-scope amounts to the outpatient costs; a pooling visit (300),
 * a special-disease claim (1200) and an admission (10800) do not. 900 + 200 = 1100; one
 * admission; five settlements. The same claims in one batch give the same ledger.
 */
START_TEST(year_totals_by_kind)
{
    static const struct { medins_claim_kind kind; medins_level level; medins_fen total, self_paid; }
        claims[] = {
            {MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), Y(100)},
            {MEDINS_CLAIM_PHARMACY, MEDINS_LEVEL_PHARMACY, Y(200), 0},
            {MEDINS_CLAIM_POOLING, MEDINS_LEVEL_2, Y(300), 0},
            {MEDINS_CLAIM_SPECIAL_DISEASE, MEDINS_LEVEL_2, Y(1200), 0},
            {MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(10800), 0},
        };
    enum { N = sizeof claims / sizeof claims[0] };
    const medins_person person = {.version = MEDINS_PERSON_VERSION,
                                  .scheme = MEDINS_SCHEME_EMPLOYEE,
                                  .category = MEDINS_CATEGORY_IN_SERVICE, .tier = MEDINS_TIER_NONE,
                                  .birth_date = 19800101, .groups = 0, .family_doctor = 0};
    medins_ledger one, batch;
    medins_ledger_init(&one, 2023);
    medins_ledger_init(&batch, 2023);
    int32_t zero[N] = {0}, kind[N], level[N];
    medins_date date[N];
    medins_fen total[N], self_paid[N], out[N];
    for (int i = 0; i < N; i++) {
        medins_claim claim;
        medins_claim_init(&claim);
        claim.kind = claims[i].kind;
        claim.level = claims[i].level;
        claim.total = claims[i].total;
        claim.self_paid = claims[i].self_paid;
        claim.date = 20230301 + i;
        medins_result *r = NULL;
        ck_assert_int_eq(medins_settle(&r, policy, &person, &claim, &one, NULL), 0);
        medins_result_free(r);
        kind[i] = claim.kind, level[i] = claim.level, date[i] = claim.date;
        total[i] = claim.total, self_paid[i] = claim.self_paid;
    }
    ck_assert_int_eq(one.outpatient_costs, Y(1100));
    ck_assert_int_eq(one.admissions, 1);
    ck_assert_int_eq(one.seq, N);

    const int32_t scheme = person.scheme, category = person.category, tier = person.tier;
    const medins_date birth = person.birth_date;
    const medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION,
                                     .n = 1, .scheme = &scheme, .category = &category,
                                     .tier = &tier, .birth_date = &birth};
    const medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                                    .n = N, .person = zero, .date = date, .kind = kind,
                                    .level = level, .total = total, .self_paid = self_paid};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION, .fund = out};
    ck_assert_int_eq(medins_batch_settle(policy, &bp, &bc, &batch, &bo, NULL, NULL), 0);
    ck_assert_int_eq(memcmp(&one, &batch, sizeof one), 0);
}
END_TEST

/* ---- Policy variations through overlays ---------------------------------------------------- */

static medins_policy *derive(const char *yaml)
{
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_derive(&p, policy, "overlay.yaml", yaml, strlen(yaml), &err);
    ck_assert_msg(rc == 0, "derive: %s", err ? medins_error_message(err) : "?");
    medins_error_free(err);
    return p;
}

/* Without carry_over the ledger's carry-over is ignored: the 500000 claim of the carry-over
 * case is cut at 350000: over_cap 448100 - 350000 = 98100; burden 150000, major 140000 above
 * the deductible: 60000 + 40000 x 70% = 28000 -> 88000; patient 500000 - 350000 - 88000. */
START_TEST(no_carry_over)
{
    medins_policy *p = derive("format: 1\nkind: reform\ntitle: t\n"
                              "sources: [{id: t2, title: T, kind: third-party}]\n"
                              "inpatient: {carry_over: ~}\n");
    medins_person person;
    medins_ledger ledger;
    medins_claim claim;
    medins_result *r = NULL;
    person_of(&person, &cases[0]);
    medins_ledger_init(&ledger, 2023);
    ledger.carry_over = Y(4500);
    medins_claim_init(&claim);
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    claim.date = 20230301;
    claim.total = Y(500000);
    ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(350000));
    ck_assert_int_eq(s->over_cap, Y(98100));
    ck_assert_int_eq(s->major_disease, Y(88000));
    ck_assert_int_eq(s->patient, Y(62000));
    ck_assert_int_eq(ledger.carry_over, Y(4500));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/* Major-disease cap 300000 reached in the middle of a claim: a ledger whose layer already paid
 * 299000 pays only 1000 of the 4140 the major-disease case would get. */
START_TEST(major_cap_inside_claim)
{
    medins_person person;
    medins_ledger ledger;
    medins_claim claim;
    medins_result *r = NULL;
    person_of(&person, &cases[0]);
    medins_ledger_init(&ledger, 2023);
    ledger.major_fund = Y(299000);
    claim_of(&claim, &cases[18].steps[0], 0);
    ck_assert_int_eq(medins_settle(&r, policy, &person, &claim, &ledger, NULL), 0);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->fund, Y(133100));
    ck_assert_int_eq(s->major_disease, Y(1000));
    ck_assert_int_eq(s->patient, Y(150000) - Y(133100) - Y(1000));
    ck_assert_int_eq(ledger.major_fund, Y(300000));
    ck_assert_int_eq(ledger.major_base, Y(16900));
    medins_result_free(r);
}
END_TEST

/* Pharmacy writes no deductible or cap of its own: dropping the outpatient section that owns
 * its pool is refused at load, at the pharmacy section. */
START_TEST(pool_owner_required)
{
    static const char overlay[] = "format: 1\nkind: reform\ntitle: t\n"
                                  "sources: [{id: t2, title: T, kind: third-party}]\n"
                                  "outpatient: ~\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_derive(&p, policy, "o.yaml", overlay, strlen(overlay), &err);
    ck_assert_int_eq(rc, MEDINS_ERR_MISSING);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "pharmacy"));
    ck_assert_uint_gt(medins_error_line(err), 0);
    medins_error_free(err);
}
END_TEST

/*
 * `pool:` by scheme (basic.yaml's special diseases write their own deductible and ratio, and
 * share the inpatient pool's cap): a pool word per scheme word; an unknown scheme or pool word,
 * an `id`, or a section that shares its owner's cap while in a pool by scheme is refused at
 * load, at the offending node, and the base policy stays as it was.
 */
START_TEST(pool_by_scheme_errors)
{
    static const struct { const char *overlay; int code; unsigned line; const char *msg; } pool_cases[] = {
        {"special_disease: {pool: {resident: pooling, retired: inpatient}, cap: [{amount: 1, cite: \"t2: 1\"}]}\n",
         MEDINS_ERR_UNKNOWN_KEY, 5, "retired"},
        {"special_disease: {pool: {resident: pool}, cap: [{amount: 1, cite: \"t2: 1\"}]}\n",
         MEDINS_ERR_TYPE, 5, "unknown word \"pool\""},
        {"special_disease: {pool: {id: x}, cap: [{amount: 1, cite: \"t2: 1\"}]}\n",
         MEDINS_ERR_UNKNOWN_KEY, 5, "scheme word"},
        {"special_disease: {pool: {resident: pooling}}\n", MEDINS_ERR_MISSING, 5,
         "a deductible and a cap of its own"},
    };
    for (size_t i = 0; i < sizeof pool_cases / sizeof pool_cases[0]; i++) {
        char overlay[512];
        int len = snprintf(overlay, sizeof overlay, "format: 1\nkind: reform\ntitle: t\n"
                           "sources: [{id: t2, title: T}]\n%s", pool_cases[i].overlay);
        medins_policy *p = NULL;
        medins_error *err = NULL;
        int rc = medins_policy_derive(&p, policy, "o.yaml", overlay, (size_t)len, &err);
        ck_assert_msg(rc == pool_cases[i].code && p == NULL, "case %zu: status %d", i, rc);
        ck_assert_msg(strstr(medins_error_message(err), pool_cases[i].msg) != NULL &&
                      medins_error_line(err) == pool_cases[i].line, "case %zu: %u: %s", i,
                      medins_error_line(err), medins_error_message(err));
        medins_error_free(err);
    }
}
END_TEST

/* ---- Bad input: the right status, and nothing changed ------------------------------------- */

typedef struct bad {
    const char *name;
    int status;
    medins_claim claim;          /* date 0: 2023-03-01 */
    int person_fault;            /* 1 category of the other scheme, 2 employee with a tier, 3 groups,
                                  * 4 a resident of the high tier, 5 born 1899-12-31 */
    int ledger_fault;            /* 1 other year, 2 later last claim, 3 negative fund */
    const char *overlay;
    const char *says;            /* part of the message */
} bad;

#define CLAIM(k, l, t, self, catb)                                                      \
    {.version = MEDINS_CLAIM_VERSION, .kind = (k), .level = (l), .total = (t),           \
     .self_paid = (self), .category_b = (catb)}

static const bad bads[] = {
    {"negative-total", MEDINS_ERR_CLAIM, CLAIM(OUT, L2, -1, 0, 0), 0, 0, NULL,
     "claim 0 has a negative amount"},
    {"negative-self-paid", MEDINS_ERR_CLAIM, CLAIM(OUT, L2, Y(10), -5, 0), 0, 0, NULL,
     "claim 0 has a negative amount"},
    {"parts-above-total", MEDINS_ERR_CLAIM, CLAIM(OUT, L2, Y(10), Y(6), Y(5)), 0, 0, NULL,
     "claim 0: self-paid and category-B parts exceed the total"},
    {"unknown-kind", MEDINS_ERR_KIND, CLAIM((medins_claim_kind)9, L2, Y(10), 0, 0), 0, 0, NULL,
     "unknown claim kind 9"},
    {"unknown-level", MEDINS_ERR_LEVEL, CLAIM(OUT, (medins_level)7, Y(10), 0, 0), 0, 0, NULL,
     "unknown hospital level 7"},
    {"pharmacy-kind-at-hospital", MEDINS_ERR_LEVEL, CLAIM(MEDINS_CLAIM_PHARMACY, L2, Y(10), 0, 0), 0, 0, NULL,
     "a pharmacy claim cannot be at level l2"},
    {"outpatient-at-pharmacy", MEDINS_ERR_LEVEL, CLAIM(OUT, MEDINS_LEVEL_PHARMACY, Y(10), 0, 0), 0, 0, NULL,
     "an outpatient claim cannot be at level pharmacy"},
    {"above-fen-max", MEDINS_ERR_OVERFLOW, CLAIM(OUT, L2, MEDINS_FEN_MAX + 1, 0, 0), 0, 0, NULL,
     "claim 0 has an amount above the limit"},
    {"date-after-policy", MEDINS_ERR_DATE, {MEDINS_CLAIM_VERSION, 0, 20250101, OUT, L2, 0, Y(10), 0, 0, 0, 0}, 0, 0, NULL,
     "claim date 20250101 is outside policy"},
    {"date-not-calendar", MEDINS_ERR_DATE, {MEDINS_CLAIM_VERSION, 0, 20230230, OUT, L2, 0, Y(10), 0, 0, 0, 0}, 0, 0, NULL,
     "claim date 20230230 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date-before-1900", MEDINS_ERR_DATE, {MEDINS_CLAIM_VERSION, 0, 18991231, OUT, L2, 0, Y(10), 0, 0, 0, 0}, 0, 0, NULL,
     "claim date 18991231 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"date-after-2199", MEDINS_ERR_DATE, {MEDINS_CLAIM_VERSION, 0, 22000101, OUT, L2, 0, Y(10), 0, 0, 0, 0}, 0, 0, NULL,
     "claim date 22000101 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"ledger-other-year", MEDINS_ERR_LEDGER_YEAR, CLAIM(OUT, L2, Y(10), 0, 0), 0, 1, NULL,
     "the ledger is for 2022, the claim is dated 20230301"},
    {"earlier-than-last", MEDINS_ERR_ORDER, CLAIM(OUT, L2, Y(10), 0, 0), 0, 2, NULL,
     "claim dated 20230301 is earlier than the ledger's last claim (20230601)"},
    {"corrupt-ledger", MEDINS_ERR_LEDGER, CLAIM(OUT, L2, Y(10), 0, 0), 0, 3, NULL,
     "ledger fund.inpatient out of range: -1"},
    {"category-of-other-scheme", MEDINS_ERR_PERSON, CLAIM(OUT, L2, Y(10), 0, 0), 1, 0, NULL,
     "category adult belongs to another scheme than employee"},
    {"employee-with-tier", MEDINS_ERR_PERSON, CLAIM(OUT, L2, Y(10), 0, 0), 2, 0, NULL,
     "tier 3 is not valid for the employee scheme"},
    {"unknown-group", MEDINS_ERR_PERSON, CLAIM(OUT, L2, Y(10), 0, 0), 3, 0, NULL,
     "unknown group flags 0x1000"},
    {"birth-before-1900", MEDINS_ERR_PERSON, CLAIM(OUT, L2, Y(10), 0, 0), 5, 0, NULL,
     "birth date 18991231 is not a calendar date from 1900-01-01 to 2199-12-31"},
    {"section-absent", MEDINS_ERR_NOT_COVERED, CLAIM(MEDINS_CLAIM_PHARMACY, MEDINS_LEVEL_PHARMACY, Y(10), 0, 0), 0, 0,
     "format: 1\nkind: reform\ntitle: t\nsources: [{id: t2, title: T, kind: third-party}]\npharmacy: ~\n",
     "pharmacy claims are not covered by this policy"},
    /* Residents' outpatient care has no l3 row: out of scope. */
    {"no-ratio-row", MEDINS_ERR_NOT_COVERED, CLAIM(OUT, L3, Y(10), 0, 0), 4, 0, NULL,
     "not covered by this policy: no outpatient.ratio row for this person at level l3"},
};

START_TEST(bad_input)
{
    const bad *b = &bads[_i];
    medins_policy *p = b->overlay ? derive(b->overlay) : policy;
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    if (b->person_fault == 1) person.category = MEDINS_CATEGORY_ADULT;
    if (b->person_fault == 2) person.tier = MEDINS_TIER_HIGH;
    if (b->person_fault == 3) person.groups = 1u << 12;
    if (b->person_fault == 4) {
        person.scheme = MEDINS_SCHEME_RESIDENT;
        person.category = MEDINS_CATEGORY_ADULT;
        person.tier = MEDINS_TIER_HIGH;
    }
    if (b->person_fault == 5) person.birth_date = 18991231;
    medins_ledger ledger, before;
    medins_ledger_init(&ledger, b->ledger_fault == 1 ? 2022 : 2023);
    if (b->ledger_fault == 2) {
        ledger.seq = 1;
        ledger.last_date = 20230601;
    }
    if (b->ledger_fault == 3)
        ledger.fund[MEDINS_POOL_INPATIENT] = -1;
    before = ledger;
    medins_claim claim = b->claim;
    if (!claim.date)
        claim.date = 20230301;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle(&r, p, &person, &claim, &ledger, &err);
    ck_assert_msg(rc == b->status, "%s: status %d (%s), expected %d", b->name, rc,
                  medins_status_name(rc), b->status);
    ck_assert_msg(err && medins_error_code(err) == b->status, "%s: error object", b->name);
    ck_assert_msg(r == NULL, "%s: a result was returned", b->name);
    ck_assert_msg(memcmp(&ledger, &before, sizeof ledger) == 0, "%s: ledger changed", b->name);
    ck_assert_msg(strstr(medins_error_message(err), b->says), "%s: message \"%s\", expected a "
                  "part \"%s\"", b->name, medins_error_message(err), b->says);
    medins_error_free(err);
    if (p != policy)
        medins_policy_free(p);
}
END_TEST

/* ---- The age: needed where a row read has age bounds ------------------------------------- */

/*
 * tests/data/settle/age-everywhere.yaml has an age band in each kind of table, on rows only
 * some persons reach. Without a birth date a settlement that reads such a row for the person
 * is refused, naming the table; one that reads none settles (the in-service employee matches
 * the first outpatient deductible row; the pharmacy ratio's band is a resident's; and so on).
 * With a birth date (1950-01-01: 73) every case settles.
 */
typedef struct age_case {
    const char *name;
    medins_scheme scheme;
    medins_category category;
    medins_tier tier;
    uint32_t groups;
    medins_claim_kind kind;
    const char *rule;          /* NULL: settles without a birth date */
} age_case;

static const age_case age_cases[] = {
    {"in-service-outpatient", EMP, 0, OUT, NULL},
    {"retired-outpatient-deductible", RET, 0, OUT, "outpatient.deductible"},
    {"resident-outpatient-thrift", RES(MEDINS_TIER_LOW), 0, OUT, "outpatient.thrift_reduction"},
    {"in-service-pharmacy", EMP, 0, MEDINS_CLAIM_PHARMACY, NULL},
    {"resident-pharmacy-ratio", RES(MEDINS_TIER_LOW), 0, MEDINS_CLAIM_PHARMACY, "pharmacy.ratio"},
    {"retired-pooling-adjustments", RET, 0, POOL, "outpatient_pooling.adjustments"},
    {"in-service-pooling", EMP, 0, POOL, NULL},
    {"student-special-cap", MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_STUDENT_CHILD, MEDINS_TIER_LOW,
     0, MEDINS_CLAIM_SPECIAL_DISEASE, "special_disease.cap"},
    {"in-service-special", EMP, 0, MEDINS_CLAIM_SPECIAL_DISEASE, NULL},
    {"dibao-assistance-adjustments", EMP, MEDINS_GROUP_DIBAO, MEDINS_CLAIM_SPECIAL_DISEASE,
     "assistance.adjustments"},
    {"tekun-assistance-cap", EMP, MEDINS_GROUP_TEKUN, MEDINS_CLAIM_SPECIAL_DISEASE, "assistance.cap"},
    {"student-major-deductible", MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_STUDENT_CHILD,
     MEDINS_TIER_LOW, 0, INP, "major_disease.deductible"},
    {"retired-major-ratio", RET, 0, INP, "major_disease.ratio"},
    {"in-service-inpatient", EMP, 0, INP, NULL},
};

START_TEST(age_needed)
{
    const age_case *t = &age_cases[_i];
    medins_policy *p = medins_test_load("data/settle/age-everywhere.yaml");
    medins_person person = {.version = MEDINS_PERSON_VERSION,
                            .scheme = t->scheme, .category = t->category, .tier = t->tier,
                            .birth_date = 0, .groups = t->groups, .family_doctor = 0};
    medins_claim claim;
    medins_claim_init(&claim);
    claim.kind = t->kind;
    claim.level = t->kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY : L1;
    claim.date = 20230301;
    claim.total = Y(30000);
    medins_ledger ledger;
    medins_ledger_init(&ledger, 2023);
    const medins_ledger before = ledger;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle(&r, p, &person, &claim, &ledger, &err);
    if (t->rule) {
        char want[256];
        snprintf(want, sizeof want, "the person has no birth date, and their age on 20230301 "
                 "decides which %s row applies: give the birth date", t->rule);
        ck_assert_msg(rc == MEDINS_ERR_PERSON && strcmp(medins_error_message(err), want) == 0,
                      "%s: %s \"%s\"", t->name, medins_status_name(rc),
                      err ? medins_error_message(err) : "");
        ck_assert_msg(r == NULL && memcmp(&ledger, &before, sizeof ledger) == 0,
                      "%s: refused, but something changed", t->name);
    } else {
        ck_assert_msg(rc == 0, "%s: %s", t->name, err ? medins_error_message(err) : "");
    }
    medins_error_free(err);
    medins_result_free(r);
    /* With a birth date, every case settles. */
    person.birth_date = 19500101;
    ledger = before;
    r = NULL;
    ck_assert_msg(medins_settle(&r, p, &person, &claim, &ledger, NULL) == 0, "%s: born 1950",
                  t->name);
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/* A birth date after the claim date is refused, whether or not the policy reads the age. */
START_TEST(born_after_the_claim)
{
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 20230302;
    medins_claim claim;
    medins_claim_init(&claim);
    claim.level = L2;
    claim.date = 20230301;
    claim.total = Y(100);
    medins_ledger ledger;
    medins_ledger_init(&ledger, 2023);
    const medins_ledger before = ledger;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &person, &claim, &ledger, &err), MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err), "birth date 20230302 is after the claim date 20230301");
    medins_error_free(err);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(memcmp(&ledger, &before, sizeof ledger), 0);
    /* Born on the day: age 0, settles. */
    person.birth_date = 20230301;
    ck_assert_int_eq(medins_settle(&r, policy, &person, &claim, &ledger, NULL), 0);
    medins_result_free(r);
}
END_TEST

/* ---- Reversal ------------------------------------------------------------------------------ */

static medins_result *settle_one(medins_ledger *l, medins_claim_kind kind, medins_level level,
                                 medins_fen total, medins_date date)
{
    return medins_test_settle(policy, l, MEDINS_CATEGORY_IN_SERVICE, kind, level, total, date);
}

START_TEST(reverse_restores)
{
    medins_ledger l, before;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(300);
    medins_result *a = settle_one(&l, INP, L3, Y(20000), 20230301);
    before = l;
    medins_result *b = settle_one(&l, OUT, L2, Y(1000), 20230302);
    ck_assert_int_ne(memcmp(&l, &before, sizeof l), 0);
    /* Only the latest settlement can be reversed. */
    ck_assert_int_eq(medins_settle_reverse(&l, a, NULL), MEDINS_ERR_REVERSE);
    ck_assert_int_eq(medins_settle_reverse(&l, b, NULL), 0);
    ck_assert_int_eq(memcmp(&l, &before, sizeof l), 0);
    /* Not twice: the second time says so (claim ids are 0). */
    medins_error *err = NULL;
    ck_assert_int_eq(medins_settle_reverse(&l, b, &err), MEDINS_ERR_REVERSE);
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_REVERSE);
    ck_assert_str_eq(medins_error_message(err), "claim 0 is already reversed: the ledger is as "
                     "it was before that settlement");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&l, &before, sizeof l), 0);
    /* Nor after the account changed in between: the balance is not part of the test. */
    l.account_balance += Y(5);
    err = NULL;
    ck_assert_int_eq(medins_settle_reverse(&l, b, &err), MEDINS_ERR_REVERSE);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "is already reversed"));
    medins_error_free(err);
    l.account_balance -= Y(5);
    /* A different settlement with the same seq is not the one reversed. */
    medins_result *c = settle_one(&l, OUT, L2, Y(2000), 20230302);
    err = NULL;
    ck_assert_int_eq(medins_settle_reverse(&l, b, &err), MEDINS_ERR_REVERSE);
    ck_assert_str_eq(medins_error_message(err), "claim 0 was not settled on this ledger as it is: "
                     "the ledger (2023, 2 settlements) is not as that settlement left it (2023, "
                     "settlement 2), nor later than it: a ledger of another person, or one on "
                     "which it was reversed");
    medins_error_free(err);
    ck_assert_int_eq(medins_settle_reverse(&l, c, NULL), 0);
    ck_assert_int_eq(medins_settle_reverse(&l, a, NULL), 0);
    medins_ledger fresh;
    medins_ledger_init(&fresh, 2023);
    fresh.account_balance = Y(300);
    ck_assert_int_eq(memcmp(&l, &fresh, sizeof l), 0);
    medins_result_free(a);
    medins_result_free(b);
    medins_result_free(c);
}
END_TEST

/* A refund to the account goes onto the balance as it is now (credited in between). */
START_TEST(reverse_after_account_credit)
{
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(1000);
    /* 1000 at l2: patient 880, all in scope: the account pays 880, balance 120. */
    medins_result *r = settle_one(&l, OUT, L2, Y(1000), 20230301);
    ck_assert_int_eq(medins_result_settlement(r)->account, Y(880));
    ck_assert_int_eq(l.account_balance, Y(120));
    l.account_balance += Y(50);
    ck_assert_int_eq(medins_settle_reverse(&l, r, NULL), 0);
    ck_assert_int_eq(l.account_balance, Y(1050));
    ck_assert_int_eq(l.account_paid, 0);
    ck_assert_int_eq(l.seq, 0);
    medins_result_free(r);
}
END_TEST

/* ---- Randomized invariants ------------------------------------------------------------------- */

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int64_t rand_below(int64_t n) { return (int64_t)(next_rand() % (uint64_t)n); }

static void random_person(medins_person *p)
{
    static const medins_category cats[] = {MEDINS_CATEGORY_IN_SERVICE, MEDINS_CATEGORY_RETIRED,
                                           MEDINS_CATEGORY_ADULT, MEDINS_CATEGORY_STUDENT_CHILD};
    medins_person_init(p);
    p->category = cats[rand_below(4)];
    p->scheme = p->category <= MEDINS_CATEGORY_RETIRED ? MEDINS_SCHEME_EMPLOYEE : MEDINS_SCHEME_RESIDENT;
    p->tier = p->scheme == MEDINS_SCHEME_RESIDENT ? (medins_tier)(1 + rand_below(3)) : MEDINS_TIER_NONE;
    p->birth_date = (medins_date)(19300101 + 10000 * rand_below(80));
    p->groups = rand_below(3) == 0 ? (uint32_t)(1u << rand_below(3)) : 0;
    p->family_doctor = rand_below(2) ? 7 : 0;
}

static void random_claim(medins_claim *c, medins_date date)
{
    medins_claim_init(c);
    c->date = date;
    c->kind = (medins_claim_kind)rand_below(MEDINS_CLAIM_KIND_COUNT);
    c->level = c->kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY : (medins_level)rand_below(4);
    c->institution = rand_below(2) ? 7 : 8;
    int64_t scale = c->kind == MEDINS_CLAIM_INPATIENT ? Y(300000) : Y(5000);
    c->total = rand_below(scale) + (rand_below(8) == 0 ? Y(300000) : 0);
    c->self_paid = rand_below(c->total / 5 + 1);
    c->category_b = rand_below(c->total / 10 + 1);
}

/* Caps of basic.yaml by pool for the person (fen), for the never-exceeded check. */
static medins_fen cap_of(const medins_person *p, int pool, medins_fen carry)
{
    bool emp = p->scheme == MEDINS_SCHEME_EMPLOYEE;
    switch (pool) {
    case MEDINS_POOL_OUTPATIENT: return emp ? Y(5500) : Y(3000);
    case MEDINS_POOL_POOLING: return p->category == MEDINS_CATEGORY_RETIRED ? Y(2000) : Y(1500);
    default: return (emp ? Y(350000) : Y(100000)) + carry;
    }
}

START_TEST(random_invariants)
{
    for (int person_no = 0; person_no < 300; person_no++) {
        medins_person person;
        medins_ledger ledger;
        random_person(&person);
        medins_ledger_init(&ledger, 2023);
        ledger.account_balance = rand_below(Y(3000));
        ledger.carry_over = rand_below(2) ? rand_below(Y(20000)) : 0;
        medins_date date = 20230101;
        for (int k = 0; k < 25; k++) {
            medins_claim claim;
            date += (medins_date)rand_below(3);
            if (date % 100 > 28)
                date = date - date % 100 + 101;
            random_claim(&claim, date);
            medins_ledger before = ledger, probe = ledger;
            medins_result *r = NULL;
            int rc = medins_settle(&r, policy, &person, &claim, &ledger, NULL);
            if (rc != 0) {
                /* Only out-of-scope care (residents at l3 or primary) may fail. */
                ck_assert_msg(rc == MEDINS_ERR_NOT_COVERED, "person %d claim %d: status %d", person_no, k, rc);
                ck_assert_int_eq(memcmp(&ledger, &before, sizeof ledger), 0);
                continue;
            }
            const medins_settlement *s = medins_result_settlement(r);
            ck_assert_msg(s->fund + s->major_disease + s->assistance + s->patient == s->total,
                          "person %d claim %d: parts do not add up", person_no, k);
            ck_assert(s->account + s->cash == s->patient);
            ck_assert(s->in_scope - s->fund == s->deductible + s->coinsurance + s->over_cap);
            ck_assert(s->fund >= 0 && s->fund <= s->in_scope);
            ck_assert(s->major_disease >= 0 && s->assistance >= 0 && s->account >= 0 && s->cash >= 0);
            ck_assert(s->coinsurance >= 0 && s->over_cap >= 0 && s->deductible >= 0);
            for (int pool = 0; pool < MEDINS_POOL_COUNT; pool++)
                ck_assert_msg(ledger.fund[pool] <= cap_of(&person, pool, ledger.carry_over),
                              "person %d claim %d: pool %d over its cap", person_no, k, pool);
            ck_assert(ledger.major_fund <= Y(300000) && ledger.assist_fund <= Y(50000));

            /* A dearer claim never gets less from the fund (same ledger). */
            medins_claim dearer = claim;
            dearer.total += 1 + rand_below(Y(2000));
            medins_result *r2 = NULL;
            ck_assert_int_eq(medins_settle_ex(&r2, policy, &person, &dearer, &probe,
                                              MEDINS_TEST_NO_LINES, NULL), 0);
            ck_assert_msg(medins_result_settlement(r2)->fund >= s->fund,
                          "person %d claim %d: fund fell when the cost rose", person_no, k);
            ck_assert_int_eq(medins_result_line_count(r2), 0);
            medins_result_free(r2);

            /* Settle, reverse, settle again: the reversal restores the ledger byte for byte. */
            medins_ledger after = ledger;
            ck_assert_int_eq(medins_settle_reverse(&ledger, r, NULL), 0);
            ck_assert_msg(memcmp(&ledger, &before, sizeof ledger) == 0,
                          "person %d claim %d: reversal did not restore the ledger", person_no, k);
            medins_result_free(r);
            r = NULL;
            ck_assert_int_eq(medins_settle(&r, policy, &person, &claim, &ledger, NULL), 0);
            ck_assert_int_eq(memcmp(&ledger, &after, sizeof ledger), 0);
            medins_result_free(r);
        }
    }
}
END_TEST

static Suite *settle_suite(void)
{
    Suite *s = suite_create("settle");
    TCase *tc = tcase_create("hand-worked");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, hand_worked, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, ledger_totals);
    tcase_add_test(tc, year_totals_by_kind);
    tcase_add_test(tc, no_carry_over);
    tcase_add_test(tc, major_cap_inside_claim);
    tcase_add_test(tc, pool_owner_required);
    tcase_add_test(tc, pool_by_scheme_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("bad-input");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, bad_input, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_loop_test(tc, age_needed, 0, (int)(sizeof age_cases / sizeof age_cases[0]));
    tcase_add_test(tc, born_after_the_claim);
    suite_add_tcase(s, tc);

    tc = tcase_create("reverse");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, reverse_restores);
    tcase_add_test(tc, reverse_after_account_credit);
    suite_add_tcase(s, tc);

    tc = tcase_create("random");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, random_invariants);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(settle_suite)
