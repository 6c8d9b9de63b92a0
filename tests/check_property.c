/*
 * The property of every call that takes a ledger: it either succeeds with every invariant
 * holding, or is refused (a negative status, an error object of that status, no result) with
 * the ledger's bytes as they were. Checked on random policies (each shipped year, and random
 * valid overlays of it made with medins_policy_derive: tables replaced by rows of random
 * selectors, age bands and segments; flags switched; sections dropped) and on random persons,
 * claims and ledgers, valid and invalid mixed:
 *
 *  - medins_settle_ex: fund + supplementary + major_disease + assistance + patient = total,
 *    deductible + fund + coinsurance + over_cap = the in-scope amount, patient = self-paid +
 *    category B + deductible + coinsurance + over cap - the supplementary fund - the layers,
 *    no share negative, the supplementary fund at most coinsurance + over cap, account + cash =
 *    patient and at most the balance; the new ledger passes its check and adds exactly the
 *    figures (one settlement more, the claim's date, its admission);
 *  - medins_settle_reverse: the latest settlement restores the ledger exactly, and settling
 *    the claim again gives the same figures; an older one is refused with nothing changed;
 *  - medins_refund, across a process boundary: the settlement's record and the ledger after it
 *    written as text, read back, and the refund applied to what was read gives the text of
 *    the ledger before the settlement, byte for byte, and the settlement's amounts negated;
 *  - medins_ledger_close_year: the next year's ledger passes its check (year + 1, no totals,
 *    the balance and the carry-over carried, the carry-over never lower, one thrifty year more
 *    or none), or the call is refused with the output untouched;
 *  - medins_batch_settle_ex with the ledgers of all persons: each claim's status, figures and
 *    error (code and message) are those of one call per claim in the same order, and the
 *    ledgers end as those calls leave them: a failed claim leaves its person's ledger as it
 *    was;
 *  - medins_settle_items on random itemised bills (valid and invalid lines mixed): each line's
 *    parts add up to its amount (none negative, as its class allows), the bill's are their
 *    sums, the settlement holds the invariants above for the claim the bill sums to, and the
 *    platform's identities hold (medins_result_setlinfo: inscp_scp_amt = medfee_sumamt −
 *    fulamt_ownpay_amt − overlmt_selfpay − preselfpay_amt, medfee_sumamt = fund_pay_sumamt +
 *    psn_part_amt + hosp_part_amt, psn_part_amt = acct_pay + psn_cash_pay; the detail rows
 *    sum to fund_pay_sumamt + acct_pay).
 *
 * No expected figure is written here: the properties hold for any correct engine. Fixed seeds:
 * a failure names a policy, person and claim that can be replayed. MEDINS_TEST_QUICK=1 (set
 * under valgrind) runs fewer persons and overlays.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benefit.h"
#include "runner.h"

/* Check records every passing assertion; the loops call into it only when a condition fails. */
#define REQUIRE(cond, ...) do { if (!(cond)) ck_assert_msg(cond, __VA_ARGS__); } while (0)

static bool quick(void)
{
    const char *q = getenv("MEDINS_TEST_QUICK");
    return q && *q && *q != '0';
}

/* ---- Random numbers ------------------------------------------------------------------------ */

typedef struct rng { uint64_t s; } rng;

static uint64_t next(rng *r)
{
    /* splitmix64 */
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int64_t below(rng *r, int64_t n) { return n > 0 ? (int64_t)(next(r) % (uint64_t)n) : 0; }
static bool chance(rng *r, int percent) { return below(r, 100) < percent; }

/* An amount spread over the orders of magnitude, 0 to about 10^8 fen. */
static medins_fen amount(rng *r)
{
    medins_fen scale = 1;
    for (int64_t k = below(r, 9); k > 0; k--)
        scale *= 10;
    return below(r, scale * 10);
}

/* ---- The policies: shipped years and random overlays of them ------------------------------ */

static medins_policy_set *g_set;

static void open_set(void)
{
    ck_assert_int_eq(medins_policy_set_open_embedded(&g_set, NULL), 0);
}

static void close_set(void)
{
    medins_policy_set_free(g_set);
    g_set = NULL;
}

/* The i-th policy of the set that is a year (the one its region's lookup finds on its first
 * day: reforms are not indexed by date); NULL past the end. */
static const medins_policy *year_at(const medins_policy_set *set, size_t i)
{
    for (size_t k = 0, seen = 0; k < medins_policy_set_count(set); k++) {
        const medins_policy *p = medins_policy_set_at(set, k), *found = NULL;
        if (medins_policy_set_lookup(&found, set, medins_policy_region(p),
                                     medins_policy_effective_from(p), NULL) != 0 || found != p)
            continue;
        if (seen++ == i)
            return p;
    }
    return NULL;
}

static size_t year_count(void)
{
    medins_policy_set *set = NULL;
    size_t n = 0;
    if (medins_policy_set_open_embedded(&set, NULL) == 0)
        while (year_at(set, n))
            n++;
    medins_policy_set_free(set);
    return n ? n : 1;   /* a set that does not load fails the first iteration */
}

/* Text appended to a buffer; the test fails if it does not fit. */
typedef struct text {
    char buf[16384];
    size_t len;
} text;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->len, sizeof t->buf - t->len, fmt, ap);
    va_end(ap);
    ck_assert_msg(n >= 0 && (size_t)n < sizeof t->buf - t->len, "overlay text too long");
    t->len += (size_t)n;
}

static const char *const scheme_words[] = {"employee", "resident"};
static const char *const category_words[] = {"in_service", "retired", "adult", "student_child"};
static const char *const tier_words[] = {"low", "middle", "high"};
static const char *const level_words[] = {"primary", "l1", "l2", "l3", "pharmacy"};
static const char *const group_words[] = {"dibao", "marginal", "tekun", "disabled",
                                          "low_income_elderly", "single_parent"};

/* A random ratio with at most two decimals, 0% to 100%. */
static void put_ratio(text *t, rng *r)
{
    const int64_t bp = below(r, 10001);
    put(t, "%d.%02d%%", (int)(bp / 100), (int)(bp % 100));
}

/* Random selectors of a row, each followed by ", ". */
static void put_selectors(text *t, rng *r)
{
    if (chance(r, 20))
        put(t, "scheme: %s, ", scheme_words[below(r, 2)]);
    if (chance(r, 20))
        put(t, "category: %s, ", category_words[below(r, 4)]);
    if (chance(r, 10))
        put(t, "tier: %s, ", tier_words[below(r, 3)]);
    if (chance(r, 20)) {
        const int64_t a = below(r, 5), b = (a + 1 + below(r, 4)) % 5;
        put(t, "level: [%s, %s], ", level_words[a], level_words[b]);
    }
    if (chance(r, 10))
        put(t, "groups: [%s], ", group_words[below(r, 6)]);
    if (chance(r, 25)) {
        const int64_t lo = below(r, 90), hi = lo + 1 + below(r, 40);
        if (chance(r, 50))
            put(t, "age_min: %d, ", (int)lo);
        if (chance(r, 70))
            put(t, "age_max: %d, ", (int)hi);
    }
    if (chance(r, 10))
        put(t, "admission: %s, ",
            (const char *[]){"first", "second", "third", "later"}[below(r, 4)]);
    if (chance(r, 5))
        put(t, "family_doctor: true, ");
    if (chance(r, 10))
        put(t, "thrifty_years: %d, ", (int)below(r, 4));
    if (chance(r, 10))
        put(t, "prior_outpatient_max: %d, ", (int)below(r, 5000));
}

/* A table of 1 to 4 rows; the last has no selector more often than not. */
static void put_table(text *t, rng *r, const char *key, int what)
{
    enum { AMOUNT, RATIO, ADJUST };
    put(t, "  %s:\n", key);
    for (int64_t n = 1 + below(r, 4), i = 0; i < n; i++) {
        put(t, "    - {");
        if (i < n - 1 || chance(r, 40))
            put_selectors(t, r);
        if (what == AMOUNT) {
            put(t, "amount: %d}\n", (int)below(r, 60000));
        } else if (what == ADJUST) {
            const int64_t bp = below(r, 4001) - 2000;
            put(t, "add: %s%d.%02d%%}\n", bp < 0 ? "-" : "", (int)(llabs(bp) / 100),
                (int)(llabs(bp) % 100));
        } else if (chance(r, 60)) {
            put(t, "ratio: ");
            put_ratio(t, r);
            put(t, "}\n");
        } else {
            /* Up to 6 segments: longer rows than a batch plan holds (4) too. */
            put(t, "segments: [");
            int64_t from = 0;
            for (int64_t k = 0, m = 1 + below(r, 6); k < m; k++) {
                put(t, "{from: %lld, ", (long long)from);
                if (k < m - 1) {
                    from += 1 + below(r, 50000);
                    put(t, "to: %lld, ", (long long)from);
                }
                put(t, "ratio: ");
                put_ratio(t, r);
                put(t, "}%s", k < m - 1 ? ", " : "");
            }
            put(t, "]}\n");
        }
    }
}

/* A random valid overlay of `base`: for some of its settlement sections, tables replaced
 * (rows without ids replace the base's table whole), flags switched, or the section dropped
 * where no other section depends on it. */
static void random_overlay(text *t, rng *r, const medins_policy *base)
{
    enum { AMOUNT, RATIO, ADJUST };
    static const struct { medins_section section; bool layer, droppable; } sections[] = {
        {MEDINS_SECTION_OUTPATIENT, false, false}, {MEDINS_SECTION_PHARMACY, false, true},
        {MEDINS_SECTION_OUTPATIENT_POOLING, false, false},
        {MEDINS_SECTION_SPECIAL_DISEASE, false, true}, {MEDINS_SECTION_INPATIENT, false, false},
        {MEDINS_SECTION_MAJOR_DISEASE, true, true}, {MEDINS_SECTION_ASSISTANCE, true, true},
    };
    t->len = 0;
    put(t, "format: 1\nkind: reform\ntitle: \"random overlay\"\n"
           "cite: \"assumed: random values of the property test\"\n");
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        const medins_section sec = sections[i].section;
        if (!medins_policy_has_section(base, sec) || !chance(r, 50))
            continue;
        const char *name = medins_section_name(sec);
        if (sections[i].droppable && chance(r, 10)) {
            put(t, "%s: ~\n", name);
            continue;
        }
        put(t, "%s:\n", name);
        const size_t empty = t->len;
        if (chance(r, 40))
            put_table(t, r, "deductible", AMOUNT);
        if (!sections[i].layer && chance(r, 20))
            put_table(t, r, "thrift_reduction", AMOUNT);
        if (chance(r, 50))
            put_table(t, r, "ratio", RATIO);
        if (chance(r, 40))
            put_table(t, r, "adjustments", ADJUST);
        if (chance(r, 40))
            put_table(t, r, "cap", AMOUNT);
        if (!sections[i].layer && chance(r, 15))
            put(t, "  deductible_basis: %s\n",
                (const char *[]){"year", "visit", "admission"}[below(r, 3)]);
        if (!sections[i].layer && chance(r, 15))
            put(t, "  segment_basis: %s\n",
                (const char *[]){"above_deductible", "cost", "fund"}[below(r, 3)]);
        if (!sections[i].layer && chance(r, 15))
            put(t, "  account: %s\n", chance(r, 50) ? "true" : "false");
        if (!sections[i].layer && chance(r, 15))
            put(t, "  account_first: %s\n", (const char *[]){"none", "current", "all"}[below(r, 3)]);
        if (!sections[i].layer && chance(r, 15))
            put_table(t, r, "visit_cap", AMOUNT);
        if (!sections[i].layer && chance(r, 15))
            put_table(t, r, "deductible_cap", AMOUNT);
        if (!sections[i].layer && chance(r, 15))
            put_table(t, r, "day_cap", AMOUNT);
        if (!sections[i].layer && chance(r, 15)) {
            /* A supplementary fund: from the maximum, or from a payment (below the maximum or
             * not); with or without a maximum of its own; rows with selectors or not. */
            put(t, "  supplementary:\n    fund: f\n    fund_pay_type: \"330100\"\n"
                   "    ratio: [{");
            put_selectors(t, r);
            put(t, "ratio: ");
            put_ratio(t, r);
            put(t, "}]\n");
            if (chance(r, 50)) {
                put(t, "    start: [{");
                put_selectors(t, r);
                put(t, "amount: %d}]\n", (int)below(r, 300000));
            }
            if (chance(r, 50)) {
                put(t, "    cap: [{");
                put_selectors(t, r);
                put(t, "amount: %d}]\n", (int)below(r, 300000));
            }
        }
        if (sec == MEDINS_SECTION_OUTPATIENT && chance(r, 20))
            put(t, "  thrift: %s\n", chance(r, 50) ? "true" : "false");
        if (sec == MEDINS_SECTION_INPATIENT && chance(r, 20))
            put(t, "  carry_over: %s\n", chance(r, 50) ? "true" : "false");
        /* A section named with nothing under it would be null (dropped): it gets a ratio. */
        if (t->len == empty)
            put_table(t, r, "ratio", RATIO);
    }
}

/* ---- Persons, claims, ledgers -------------------------------------------------------------- */

/* A person of a scheme of `pol` (but now and then of the other); now and then an inconsistent
 * one, or one without a birth date or born too late. */
static medins_person random_person(rng *r, const medins_policy *pol, int year)
{
    medins_person p;
    medins_person_init(&p);
    const uint32_t schemes = chance(r, 95) ? pol->schemes : 3u;
    const bool employee = schemes == 1u << MEDINS_SCHEME_EMPLOYEE ||
                          (schemes != 1u << MEDINS_SCHEME_RESIDENT && chance(r, 55));
    p.scheme = employee ? MEDINS_SCHEME_EMPLOYEE : MEDINS_SCHEME_RESIDENT;
    p.category = employee ? (chance(r, 60) ? MEDINS_CATEGORY_IN_SERVICE : MEDINS_CATEGORY_RETIRED)
                          : (chance(r, 70) ? MEDINS_CATEGORY_ADULT : MEDINS_CATEGORY_STUDENT_CHILD);
    p.tier = employee ? MEDINS_TIER_NONE : (medins_tier)(1 + below(r, 3));
    const int64_t b = below(r, 100);
    p.birth_date = b < 8 ? 0
                 : b < 11 ? (medins_date)(year * 10000 + 1101 + below(r, 28))   /* late in the year */
                 : (medins_date)((year - 1 - below(r, 95)) * 10000 + (1 + below(r, 12)) * 100 +
                                 1 + below(r, 28));
    if (chance(r, 30))
        p.groups = 1u << below(r, 10);
    p.family_doctor = chance(r, 40) ? 7 : 0;
    switch (below(r, 40)) {   /* inconsistent, 1 in 8 */
    case 0: p.scheme = (medins_scheme)2; break;
    case 1: p.category = employee ? MEDINS_CATEGORY_ADULT : MEDINS_CATEGORY_RETIRED; break;
    case 2: p.tier = employee ? MEDINS_TIER_HIGH : (medins_tier)7; break;
    case 3: p.groups = 1u << 12; break;
    case 4: p.birth_date = year * 10000 + 230; break;   /* 30 February */
    default: break;
    }
    return p;
}

/* A ledger of `year`: fresh, or with some history, near a limit, or inconsistent. */
static medins_ledger random_ledger(rng *r, int year)
{
    medins_ledger l;
    medins_ledger_init(&l, year);
    l.account_balance = chance(r, 50) ? amount(r) : 0;
    l.account_credited = chance(r, 50) ? amount(r) : 0;
    l.carry_over = chance(r, 30) ? amount(r) : 0;
    l.thrifty_years = (int32_t)below(r, year - 1900 < 4 ? year - 1900 + 1 : 4);
    if (chance(r, 50)) {
        l.prior_known = 1;
        l.prior_outpatient_costs = amount(r);
    }
    if (chance(r, 20)) {   /* history of January */
        l.seq = (uint32_t)(1 + below(r, 5));
        l.last_date = year * 10000 + 101 + (medins_date)below(r, 20);
        l.admissions = (int32_t)below(r, (int64_t)l.seq + 1);
        l.outpatient_costs = amount(r);
        for (int k = 0; k < MEDINS_POOL_COUNT; k++) {
            l.deductible[k] = amount(r) / 100;
            l.position[k] = amount(r);
            l.fund[k] = l.position[k] / 2;
        }
        l.major_base = amount(r);
        l.assist_base = amount(r);
        l.account_paid = amount(r) / 10;
    }
    switch (below(r, 30)) {
    case 0: l.outpatient_costs = MEDINS_FEN_MAX - below(r, Y(1000)); break;   /* near the limit */
    case 1: l.fund[MEDINS_POOL_INPATIENT] = MEDINS_FEN_MAX - below(r, Y(50000)); break;
    case 2: l.seq = MEDINS_LEDGER_SEQ_MAX - (uint32_t)below(r, 2);             /* near the count */
            l.last_date = year * 10000 + 101; break;
    /* inconsistent */
    case 3: l.fund[below(r, MEDINS_POOL_COUNT)] = -1 - below(r, 100); break;
    case 4: l.seq = MEDINS_LEDGER_SEQ_MAX + 1u + (uint32_t)below(r, 1000);
            l.last_date = year * 10000 + 101; break;
    case 5: l.thrifty_years = year - 1900 + 1 + (int32_t)below(r, 5); break;
    case 6: l.prior_known = 2; break;
    case 7: l.admissions = (int32_t)l.seq + 1; break;
    case 8: l.last_date = year * 10000 + 101; l.seq = 0; break;
    case 9: l.account_balance = MEDINS_FEN_MAX + 1; break;
    default: break;
    }
    return l;
}

/* A claim on `date`, mostly of a kind `pol` settles; now and then an invalid one. */
static medins_claim random_claim(rng *r, const medins_policy *pol, int64_t id, medins_date date)
{
    medins_claim c;
    medins_claim_init(&c);
    c.id = id;
    c.date = date;
    do
        c.kind = (medins_claim_kind)below(r, MEDINS_CLAIM_KIND_COUNT);
    while (!mdn_benefit_for(pol, c.kind) && chance(r, 95));
    c.level = c.kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY : (medins_level)below(r, 4);
    c.institution = chance(r, 50) ? 7 : 9;
    c.total = amount(r);
    if (chance(r, 30))
        c.self_paid = below(r, c.total / 4 + 1);
    if (chance(r, 30))
        c.category_b = below(r, c.total / 8 + 1);
    switch (below(r, 60)) {   /* invalid, 1 in 6 */
    case 0: c.total = -1 - below(r, 100); break;
    case 1: c.self_paid = c.total + 1; break;
    case 2: c.kind = (medins_claim_kind)(5 + below(r, 10)); break;
    case 3: c.level = (medins_level)(5 + below(r, 10)); break;
    case 4: c.level = c.kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_2 : MEDINS_LEVEL_PHARMACY; break;
    case 5: c.total = MEDINS_FEN_MAX + 1 + below(r, 10); break;
    case 6: c.date = date / 10000 * 10000 + 230; break;   /* 30 February */
    case 7: c.date = date + 10000; break;                 /* a year later */
    case 8: c.date = 18991231; break;
    case 9: c.category_b = -1; break;
    default: break;
    }
    return c;
}

/* ---- Checked calls --------------------------------------------------------------------------- */

/* A refused call: a known negative status, an error object of it with a message, no result,
 * and the ledger's bytes as they were. */
static void require_refused(const char *where, int rc, medins_error *e, const medins_result *r,
                            const medins_ledger *l, const medins_ledger *before)
{
    REQUIRE(rc < 0 && strcmp(medins_status_name(rc), "MEDINS_ERR_UNKNOWN") != 0,
            "%s: status %d", where, rc);
    REQUIRE(e && medins_error_code(e) == rc && medins_error_message(e)[0],
            "%s: %s without an error object of its status", where, medins_status_name(rc));
    REQUIRE(r == NULL, "%s: %s with a result", where, medins_status_name(rc));
    REQUIRE(memcmp(l, before, sizeof *l) == 0, "%s: %s (%s), but the ledger changed", where,
            medins_status_name(rc), medins_error_message(e));
}

/* The invariants of a settlement s of claim c that took ledger `before` to `after`. */
static void require_settled(const char *where, const medins_settlement *s, const medins_claim *c,
                            const medins_ledger *before, const medins_ledger *after)
{
    const medins_fen in_scope = c->total - c->self_paid - c->category_b;
    REQUIRE(s->total == c->total && s->claim_id == c->id && s->in_scope == in_scope,
            "%s: the claim's figures are not echoed", where);
    REQUIRE(s->fund >= 0 && s->major_disease >= 0 && s->assistance >= 0 && s->patient >= 0 &&
            s->deductible >= 0 && s->coinsurance >= 0 && s->over_cap >= 0 && s->account >= 0 &&
            s->cash >= 0 && s->supplementary >= 0 && s->account_first >= 0 &&
            s->account_first <= s->account &&
            s->supplementary <= s->coinsurance + s->over_cap,
            "%s: a negative share (fund %lld major %lld assistance %lld patient %lld account %lld)",
            where, (long long)s->fund, (long long)s->major_disease, (long long)s->assistance,
            (long long)s->patient, (long long)s->account);
    REQUIRE(s->fund + s->supplementary + s->major_disease + s->assistance + s->patient ==
                c->total,
            "%s: fund %lld + supplementary %lld + major %lld + assistance %lld + patient %lld "
            "!= total %lld", where, (long long)s->fund, (long long)s->supplementary,
            (long long)s->major_disease, (long long)s->assistance, (long long)s->patient,
            (long long)c->total);
    REQUIRE(s->account_first + s->deductible + s->fund + s->coinsurance + s->over_cap ==
                in_scope,
            "%s: deductible + fund + coinsurance + over cap != in scope %lld", where,
            (long long)in_scope);
    REQUIRE(s->patient == c->self_paid + c->category_b + s->account_first + s->deductible +
                              s->coinsurance +
                              s->over_cap - s->supplementary - s->major_disease -
                              s->assistance,
            "%s: the patient's share does not add up", where);
    REQUIRE(s->account + s->cash == s->patient && s->account <= before->account_balance,
            "%s: account %lld, cash %lld, patient %lld, balance %lld", where,
            (long long)s->account, (long long)s->cash, (long long)s->patient,
            (long long)before->account_balance);
    medins_error *e = NULL;
    REQUIRE(medins_ledger_check(after, &e) == 0, "%s: the new ledger fails its check: %s", where,
            medins_error_message(e));
    medins_fen fund_before = 0, fund_after = 0, supp_before = 0, supp_after = 0;
    for (int k = 0; k < MEDINS_POOL_COUNT; k++) {
        fund_before += before->fund[k];
        fund_after += after->fund[k];
        supp_before += before->supplementary[k];
        supp_after += after->supplementary[k];
    }
    REQUIRE(after->seq == before->seq + 1 && after->last_date == c->date &&
            after->admissions == before->admissions + (c->kind == MEDINS_CLAIM_INPATIENT) &&
            after->year == before->year,
            "%s: the ledger's count, date or admissions", where);
    REQUIRE(fund_after - fund_before == s->fund && supp_after - supp_before == s->supplementary &&
            after->major_fund - before->major_fund == s->major_disease &&
            after->assist_fund - before->assist_fund == s->assistance &&
            after->account_paid - before->account_paid == s->account &&
            before->account_balance - after->account_balance == s->account,
            "%s: the ledger's totals did not grow by the settlement's figures", where);
    REQUIRE(after->carry_over == before->carry_over &&
            after->thrifty_years == before->thrifty_years &&
            after->prior_known == before->prior_known &&
            after->prior_outpatient_costs == before->prior_outpatient_costs,
            "%s: a settlement changed what is carried across years", where);
}

/* medins_settle_ex, checked either way; the result (NULL when refused) is the caller's. */
static int settle_checked(const char *where, rng *r, const medins_policy *p,
                          const medins_person *person, const medins_claim *c, medins_ledger *l,
                          medins_result **out)
{
    const medins_ledger before = *l;
    medins_result *res = NULL;
    medins_error *e = NULL;
    int rc = medins_settle_ex(&res, p, person, c, l, chance(r, 25) ? NULL : MEDINS_TEST_NO_LINES,
                              &e);
    if (rc != 0) {
        require_refused(where, rc, e, res, l, &before);
    } else {
        REQUIRE(e == NULL && res, "%s: settled with an error object or no result", where);
        require_settled(where, medins_result_settlement(res), c, &before, l);
    }
    medins_error_free(e);
    *out = res;
    return rc;
}

/* Closing the year of `l` (checked or not) for the person: a valid next ledger, or a refusal
 * that writes nothing. Returns the status. */
static int close_checked(const char *where, const medins_policy *p, const medins_person *person,
                         const medins_ledger *l)
{
    medins_ledger next;
    memset(&next, 0xA5, sizeof next);
    const medins_ledger untouched = next, prev = *l;
    medins_error *e = NULL;
    int rc = medins_ledger_close_year(&next, l, p, person, &e);
    REQUIRE(memcmp(l, &prev, sizeof prev) == 0, "%s: closing changed the closed ledger", where);
    if (rc != 0) {
        REQUIRE(rc < 0 && e && medins_error_code(e) == rc, "%s: close %d without its error", where, rc);
        REQUIRE(memcmp(&next, &untouched, sizeof next) == 0, "%s: close refused (%s) but wrote",
                where, medins_error_message(e));
        medins_error_free(e);
        return rc;
    }
    REQUIRE(medins_ledger_check(&next, &e) == 0, "%s: the next year's ledger fails its check: %s",
            where, medins_error_message(e));
    medins_ledger fresh;
    medins_ledger_init(&fresh, prev.year + 1);
    fresh.account_balance = prev.account_balance;
    fresh.carry_over = next.carry_over;
    fresh.thrifty_years = next.thrifty_years;
    fresh.prior_known = 1;
    fresh.prior_outpatient_costs = prev.outpatient_costs;
    REQUIRE(memcmp(&next, &fresh, sizeof next) == 0,
            "%s: the next year's ledger has year totals, or lost the balance or last year's costs",
            where);
    REQUIRE(next.carry_over >= prev.carry_over, "%s: the carry-over went down", where);
    REQUIRE(next.thrifty_years == 0 || next.thrifty_years == prev.thrifty_years ||
            next.thrifty_years == prev.thrifty_years + 1,
            "%s: thrifty years %d after %d", where, next.thrifty_years, prev.thrifty_years);
    return 0;
}

/* ---- One policy ------------------------------------------------------------------------------ */

#define MAX_CLAIMS 8

/* The batch's columns, and each person's first ledger. */
typedef struct cols {
    size_t np, n;
    int32_t *scheme, *category, *tier, *person, *kind, *level, *status;
    medins_date *birth, *date;
    uint32_t *groups;
    int64_t *family_doctor, *institution;
    medins_fen *total, *self_paid, *category_b, *out[8];
    medins_ledger *first, *batch, *single;
} cols;

static void *zalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    ck_assert_ptr_nonnull(p);
    return p;
}

static void cols_alloc(cols *c, size_t np, size_t n)
{
    memset(c, 0, sizeof *c);
    c->scheme = zalloc(np, 4); c->category = zalloc(np, 4); c->tier = zalloc(np, 4);
    c->birth = zalloc(np, 4); c->groups = zalloc(np, 4); c->family_doctor = zalloc(np, 8);
    c->first = zalloc(np, sizeof(medins_ledger)); c->batch = zalloc(np, sizeof(medins_ledger));
    c->single = zalloc(np, sizeof(medins_ledger));
    c->person = zalloc(n, 4); c->kind = zalloc(n, 4); c->level = zalloc(n, 4);
    c->status = zalloc(n, 4); c->date = zalloc(n, 4); c->institution = zalloc(n, 8);
    c->total = zalloc(n, 8); c->self_paid = zalloc(n, 8); c->category_b = zalloc(n, 8);
    for (int k = 0; k < 8; k++)
        c->out[k] = zalloc(n, 8);
}

static void cols_free(cols *c)
{
    void *all[] = {c->scheme, c->category, c->tier, c->birth, c->groups, c->family_doctor,
                   c->first, c->batch, c->single, c->person, c->kind, c->level, c->status,
                   c->date, c->institution, c->total, c->self_paid, c->category_b};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        free(all[i]);
    for (int k = 0; k < 8; k++)
        free(c->out[k]);
}

static medins_person person_at(const cols *c, size_t k)
{
    return (medins_person){.version = MEDINS_PERSON_VERSION, .scheme = (medins_scheme)c->scheme[k],
                           .category = (medins_category)c->category[k],
                           .tier = (medins_tier)c->tier[k], .birth_date = c->birth[k],
                           .groups = c->groups[k], .family_doctor = c->family_doctor[k]};
}

static medins_claim claim_at(const cols *c, size_t i)
{
    return (medins_claim){.version = MEDINS_CLAIM_VERSION, .id = (int64_t)i, .date = c->date[i],
                          .kind = (medins_claim_kind)c->kind[i], .level = (medins_level)c->level[i],
                          .institution = c->institution[i], .total = c->total[i],
                          .self_paid = c->self_paid[i], .category_b = c->category_b[i]};
}

/* Counts of what the calls did, to tell that both outcomes were exercised. */
typedef struct tally {
    size_t settled, refused, reversed, refunded, closed, close_refused;
    size_t supplemented;   /* settlements a supplementary fund paid part of */
} tally;

/*
 * The settlement `res`, which left `after` from `before`, stored and refunded elsewhere: its
 * record and the ledger after it go through text only, as between two processes. The refund of
 * what is read gives the text of `before` byte for byte and every amount negated.
 */
static void refund_from_text(const char *where, const medins_result *res,
                             const medins_ledger *after, const medins_ledger *before, tally *t)
{
    char record[4096], stored[1024], was[1024], now[1024];
    REQUIRE(medins_record_write(record, sizeof record, NULL, res, NULL) == 0, "%s: record", where);
    REQUIRE(medins_ledger_serialize(stored, sizeof stored, NULL, after) == 0 &&
            medins_ledger_serialize(was, sizeof was, NULL, before) == 0, "%s: ledger text", where);
    medins_ledger read;
    medins_settlement back;
    medins_error *e = NULL;
    REQUIRE(medins_ledger_parse(&read, stored, strlen(stored), NULL) == 0, "%s: ledger read", where);
    int rc = medins_refund(&back, &read, record, strlen(record), &e);
    REQUIRE(rc == 0, "%s: refund from the record: %s", where, e ? medins_error_message(e) : "?");
    REQUIRE(medins_ledger_serialize(now, sizeof now, NULL, &read) == 0, "%s: ledger text", where);
    REQUIRE(strcmp(now, was) == 0, "%s: the refund left\n%s\nnot\n%s", where, now, was);
    const medins_settlement *s = medins_result_settlement(res);
    REQUIRE(back.claim_id == s->claim_id && back.total == -s->total &&
            back.in_scope == -s->in_scope && back.deductible == -s->deductible &&
            back.fund == -s->fund && back.coinsurance == -s->coinsurance &&
            back.over_cap == -s->over_cap && back.major_disease == -s->major_disease &&
            back.assistance == -s->assistance && back.patient == -s->patient &&
            back.account == -s->account && back.cash == -s->cash && back.ratio == s->ratio,
            "%s: the refund's amounts are not the settlement's negated", where);
    /* Twice: refused, the ledger as the first refund left it. */
    const medins_ledger once = read;
    REQUIRE(medins_refund(NULL, &read, record, strlen(record), NULL) == MEDINS_ERR_REVERSE &&
            memcmp(&read, &once, sizeof read) == 0, "%s: a second refund", where);
    medins_error_free(e);
    t->refunded++;
}

/*
 * np persons of random claims under p: each claim settled alone, checked, with reversals of
 * the latest settlement (then settled again) and of older ones (refused); each person's year
 * closed; then the claims as one batch against one call per claim in order.
 */
static void exercise(const char *pid, const medins_policy *p, uint64_t seed, size_t np, tally *t)
{
    rng r = {seed};
    const medins_date from = medins_policy_effective_from(p), to = medins_policy_effective_to(p);
    const int year = from / 10000;
    /* The claims' days: from the policy's first day to the end of its first year. */
    const medins_date last = to && to < year * 10000 + 1231 ? to : year * 10000 + 1231;
    cols c;
    cols_alloc(&c, np, np * MAX_CLAIMS);
    char where[160];
    for (size_t k = 0; k < np; k++) {
        const medins_person person = random_person(&r, p, year);
        c.scheme[k] = person.scheme;
        c.category[k] = person.category;
        c.tier[k] = person.tier;
        c.birth[k] = person.birth_date;
        c.groups[k] = person.groups;
        c.family_doctor[k] = person.family_doctor;
        c.first[k] = random_ledger(&r, year);
        medins_ledger l = c.first[k];
        medins_result *results[MAX_CLAIMS] = {NULL};
        size_t nres = 0;
        /* Days in order as 28-day months from the policy's first day (every one a date),
         * now and then one earlier than the one before. */
        int64_t day = (from / 100 % 100 - 1) * 28 + (from % 100 > 28 ? 28 : from % 100) - 1;
        for (int64_t m = 1 + below(&r, MAX_CLAIMS), j = 0; j < m; j++) {
            day += below(&r, 30);
            medins_date date = year * 10000 + (medins_date)((day / 28 + 1) * 100 + day % 28 + 1);
            if (day >= 12 * 28 || date > last)
                date = last;
            if (chance(&r, 4))
                date = date > from ? date - 1 : from;
            const size_t i = c.n++;
            const medins_claim claim = random_claim(&r, p, (int64_t)i, date);
            c.person[i] = (int32_t)k;
            c.date[i] = claim.date;
            c.kind[i] = claim.kind;
            c.level[i] = claim.level;
            c.institution[i] = claim.institution;
            c.total[i] = claim.total;
            c.self_paid[i] = claim.self_paid;
            c.category_b[i] = claim.category_b;
            snprintf(where, sizeof where, "%s person %zu claim %zu", pid, k, i);
            const medins_ledger before = l;
            medins_result *res = NULL;
            if (settle_checked(where, &r, p, &person, &claim, &l, &res) != 0) {
                t->refused++;
                continue;
            }
            t->settled++;
            results[nres++] = res;
            if (chance(&r, 15))
                refund_from_text(where, res, &l, &before, t);
            if (chance(&r, 15)) {
                /* The latest is reversed exactly, and settles again to the same figures. */
                const medins_settlement s = *medins_result_settlement(res);
                REQUIRE(medins_settle_reverse(&l, res, NULL) == 0, "%s: reverse the latest", where);
                REQUIRE(memcmp(&l, &before, sizeof l) == 0,
                        "%s: the reversal did not restore the ledger", where);
                medins_ledger again = l;
                medins_result *res2 = NULL;
                REQUIRE(settle_checked(where, &r, p, &person, &claim, &again, &res2) == 0,
                        "%s: settles again after its reversal", where);
                const medins_settlement *s2 = medins_result_settlement(res2);
                REQUIRE(s2->fund == s.fund && s2->patient == s.patient &&
                        s2->major_disease == s.major_disease && s2->assistance == s.assistance &&
                        s2->account == s.account,
                        "%s: settled again, the figures differ", where);
                /* Reversed again without settling: refused, nothing changed. */
                medins_error *e = NULL;
                int rc = medins_settle_reverse(&l, res, &e);
                require_refused(where, rc, e, NULL, &l, &before);
                REQUIRE(rc == MEDINS_ERR_REVERSE && strstr(medins_error_message(e), "already reversed"),
                        "%s: a second reversal: %s", where, medins_error_message(e));
                medins_error_free(e);
                l = again;
                medins_result_free(res);
                results[nres - 1] = res2;
                t->reversed++;
            }
            if (nres > 1 && chance(&r, 10)) {
                /* An older settlement cannot be reversed: refused, nothing changed. */
                const medins_ledger now = l;
                medins_error *e = NULL;
                int rc = medins_settle_reverse(&l, results[below(&r, (int64_t)nres - 1)], &e);
                require_refused(where, rc, e, NULL, &l, &now);
                medins_error_free(e);
            }
        }
        for (size_t q = 0; q < nres; q++)
            medins_result_free(results[q]);
        snprintf(where, sizeof where, "%s person %zu, closing %d", pid, k, year);
        if (close_checked(where, p, &person, &l) == 0)
            t->closed++;
        else
            t->close_refused++;
        close_checked(where, p, &person, &c.first[k]);
    }

    /* The batch, against one call per claim in the same order (no reversals). */
    memcpy(c.batch, c.first, np * sizeof c.first[0]);
    memcpy(c.single, c.first, np * sizeof c.first[0]);
    medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION,
                               .n = np, .scheme = c.scheme, .category = c.category, .tier = c.tier,
                               .birth_date = c.birth, .groups = c.groups,
                               .family_doctor = c.family_doctor};
    medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                              .n = c.n, .person = c.person, .date = c.date, .kind = c.kind,
                              .level = c.level, .institution = c.institution, .total = c.total,
                              .self_paid = c.self_paid, .category_b = c.category_b};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION,
                           .fund = c.out[0], .major_disease = c.out[1], .assistance = c.out[2],
                           .patient = c.out[3], .deductible = c.out[4], .coinsurance = c.out[5],
                           .over_cap = c.out[6], .account = c.out[7], .status = c.status};
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    ck_assert_int_eq(medins_batch_errors_new(&opts.errors), 0);
    size_t failed = 0, nfail = 0;
    int rc = medins_batch_settle_ex(p, &bp, &bc, c.batch, &bo, &opts, &failed, NULL);
    REQUIRE(rc == 0 || rc == MEDINS_ERR_BATCH, "%s: the batch: %s", pid, medins_status_name(rc));
    for (size_t i = 0; i < c.n; i++) {
        const size_t k = (size_t)c.person[i];
        const medins_person person = person_at(&c, k);
        const medins_claim claim = claim_at(&c, i);
        snprintf(where, sizeof where, "%s batch claim %zu (person %zu)", pid, i, k);
        medins_result *res = NULL;
        const int one = settle_checked(where, &r, p, &person, &claim, &c.single[k], &res);
        const medins_error *be = medins_batch_errors_find(opts.errors, i);
        REQUIRE(one == c.status[i], "%s: %s alone, %s in the batch", where,
                medins_status_name(one), medins_status_name(c.status[i]));
        if (one != 0) {
            nfail++;
            REQUIRE(be != NULL, "%s: failed without its error", where);
            for (int q = 0; q < 8; q++)
                REQUIRE(c.out[q][i] == 0, "%s: failed, but output %d is not 0", where, q);
            continue;
        }
        REQUIRE(be == NULL, "%s: settled, with an error", where);
        const medins_settlement *s = medins_result_settlement(res);
        const medins_fen want[8] = {s->fund, s->major_disease, s->assistance, s->patient,
                                    s->deductible, s->coinsurance, s->over_cap, s->account};
        for (int q = 0; q < 8; q++)
            REQUIRE(c.out[q][i] == want[q], "%s: output %d is %lld, alone %lld", where, q,
                    (long long)c.out[q][i], (long long)want[q]);
        medins_result_free(res);
    }
    REQUIRE(failed == nfail && medins_batch_errors_count(opts.errors) == nfail,
            "%s: %zu failed in the batch, %zu alone", pid, failed, nfail);
    /* The errors, in claim order, word each failure as the single call does. */
    for (size_t q = 0; q < nfail; q++) {
        size_t i = 0;
        const medins_error *be = NULL;
        medins_batch_errors_get(opts.errors, q, &i, &be);
        const size_t k = (size_t)c.person[i];
        medins_ledger l = c.first[k];
        /* Replay the person's claims before i to reach the ledger claim i met. */
        for (size_t j = 0; j < i; j++) {
            if ((size_t)c.person[j] != k)
                continue;
            const medins_person person = person_at(&c, k);
            const medins_claim claim = claim_at(&c, j);
            medins_result *res = NULL;
            medins_settle_ex(&res, p, &person, &claim, &l, MEDINS_TEST_NO_LINES, NULL);
            medins_result_free(res);
        }
        const medins_person person = person_at(&c, k);
        const medins_claim claim = claim_at(&c, i);
        medins_result *res = NULL;
        medins_error *e = NULL;
        const int one = medins_settle(&res, p, &person, &claim, &l, &e);
        REQUIRE(one == medins_error_code(be) && strcmp(medins_error_message(e),
                                                       medins_error_message(be)) == 0,
                "%s claim %zu: the batch says \"%s\", alone \"%s\"", pid, i,
                medins_error_message(be), e ? medins_error_message(e) : "");
        medins_error_free(e);
        medins_result_free(res);
    }
    REQUIRE(memcmp(c.batch, c.single, np * sizeof c.batch[0]) == 0,
            "%s: the ledgers after the batch differ from those one call per claim leaves", pid);
    medins_batch_errors_free(opts.errors);
    cols_free(&c);
}

/* ---- Itemised bills ------------------------------------------------------------------------ */

/* A fee line: mostly valid, of every class, given by its amount or by price and quantity,
 * with or without a ceiling and its own proportion; now and then an invalid one. */
static medins_item random_item(rng *r, const char *code)
{
    medins_item it;
    medins_item_init(&it);
    it.code = code;
    it.code_len = strlen(code);
    it.name = "项目";
    it.name_len = strlen(it.name);
    it.chrgitm_lv = (int32_t)(1 + below(r, 3));
    if (chance(r, 60)) {
        it.price = amount(r) / 100;
        it.quantity = below(r, 50 * MEDINS_QUANTITY_ONE) + 1;
        if (chance(r, 40))
            it.ceiling = below(r, it.price * 2 + 1);
        if (chance(r, 20))   /* the amount given too, as the product rounds */
            it.amount = (it.price * it.quantity + MEDINS_QUANTITY_ONE / 2) / MEDINS_QUANTITY_ONE;
    } else {
        it.amount = amount(r);
    }
    if (it.chrgitm_lv == MEDINS_ITEM_CLASS_B && chance(r, 97))
        it.selfpay_prop = (medins_bp)below(r, MEDINS_BP_ONE + 1);
    switch (below(r, 1000)) {   /* invalid, 1 in 200 */
    case 0: it.chrgitm_lv = chance(r, 50) ? 0 : 4; break;
    case 1: it.quantity = -1 - below(r, 10); break;
    case 2: it.amount = -1; break;
    case 3: it.selfpay_prop = MEDINS_BP_ONE + 1; break;
    case 4: it.name = "a\0b"; it.name_len = 3; break;
    default: break;
    }
    return it;
}

/* The invariants of an itemised settlement: each line's split and the bill's, and the
 * platform's identities. */
static void require_bill(const char *where, const medins_result *res, const medins_item *items,
                         size_t n)
{
    medins_item_split sum = {0};
    REQUIRE(medins_result_item_count(res) == n, "%s: %zu lines kept of %zu", where,
            medins_result_item_count(res), n);
    for (size_t i = 0; i < n; i++) {
        const medins_item_split *sp = medins_result_item(res, i);
        REQUIRE(sp->amount == sp->self_paid + sp->over_ceiling + sp->category_b + sp->in_scope,
                "%s line %zu: the parts do not add up to %lld", where, i, (long long)sp->amount);
        REQUIRE(sp->self_paid >= 0 && sp->over_ceiling >= 0 && sp->category_b >= 0 &&
                sp->in_scope >= 0, "%s line %zu: a negative part", where, i);
        REQUIRE(sp->chrgitm_lv == MEDINS_ITEM_CLASS_SELF_PAID ? sp->self_paid == sp->amount
                    : sp->self_paid == 0 && (sp->chrgitm_lv == MEDINS_ITEM_CLASS_B ||
                                             sp->category_b == 0),
                "%s line %zu: parts its class %d does not have", where, i, sp->chrgitm_lv);
        REQUIRE(items[i].quantity == 0 || items[i].amount == 0 || sp->amount == items[i].amount,
                "%s line %zu: the amount given is not kept", where, i);
        sum.amount += sp->amount;
        sum.self_paid += sp->self_paid;
        sum.over_ceiling += sp->over_ceiling;
        sum.category_b += sp->category_b;
        sum.in_scope += sp->in_scope;
    }
    const medins_item_split *b = medins_result_bill(res);
    REQUIRE(b->amount == sum.amount && b->self_paid == sum.self_paid &&
            b->over_ceiling == sum.over_ceiling && b->category_b == sum.category_b &&
            b->in_scope == sum.in_scope, "%s: the bill is not the sum of its lines", where);

    medins_setlinfo v = MEDINS_SETLINFO_INIT;
    medins_error *e = NULL;
    REQUIRE(medins_result_setlinfo(&v, res, &e) == 0, "%s: setlinfo: %s", where,
            e ? medins_error_message(e) : "");
    REQUIRE(v.inscp_scp_amt == v.medfee_sumamt - v.fulamt_ownpay_amt - v.overlmt_selfpay -
                                   v.preselfpay_amt &&
            v.medfee_sumamt == v.fund_pay_sumamt + v.psn_part_amt + v.hosp_part_amt &&
            v.psn_part_amt == v.acct_pay + v.psn_cash_pay && v.medfee_sumamt == b->amount,
            "%s: a setlinfo identity fails", where);
    medins_fen rows = 0;
    for (size_t i = 0; i < medins_result_setldetail_count(res); i++) {
        medins_setldetail d = MEDINS_SETLDETAIL_INIT;
        REQUIRE(medins_result_setldetail(&d, res, i, NULL) == 0 && d.fund_payamt > 0 &&
                d.fund_pay_type[0], "%s: detail row %zu", where, i);
        rows += d.fund_payamt;
    }
    REQUIRE(rows == v.fund_pay_sumamt + v.acct_pay, "%s: the detail rows sum to %lld, not %lld",
            where, (long long)rows, (long long)(v.fund_pay_sumamt + v.acct_pay));
}

/* Random bills of random persons under `p`: each settles with every invariant or is refused
 * with nothing changed. */
static void exercise_bills(const char *pid, const medins_policy *p, uint64_t seed, size_t np,
                           tally *t)
{
    rng r = {seed};
    const medins_date from = medins_policy_effective_from(p);
    const int year = from / 10000;
    static char codes[32][8];
    for (size_t i = 0; i < 32; i++)
        snprintf(codes[i], sizeof codes[i], "C%zu", i);
    for (size_t k = 0; k < np; k++) {
        medins_person person = random_person(&r, p, year);
        medins_ledger l = random_ledger(&r, year);
        medins_claim c = random_claim(&r, p, (int64_t)k, from);
        c.total = c.self_paid = c.category_b = 0;
        medins_item items[32];
        const size_t n = (size_t)below(&r, 32);
        for (size_t i = 0; i < n; i++)
            items[i] = random_item(&r, codes[i]);
        char where[160];
        snprintf(where, sizeof where, "%s bill %zu (seed %llx)", pid, k, (unsigned long long)seed);
        const medins_ledger before = l;
        medins_result *res = NULL;
        medins_error *e = NULL;
        int rc = medins_settle_items(&res, p, &person, &c, items, n, &l,
                                     chance(&r, 50) ? NULL : MEDINS_TEST_NO_LINES, &e);
        if (rc != 0) {
            require_refused(where, rc, e, res, &l, &before);
            t->refused++;
        } else {
            const medins_item_split *b = medins_result_bill(res);
            c.total = b->amount;
            c.self_paid = b->self_paid + b->over_ceiling;
            c.category_b = b->category_b;
            require_settled(where, medins_result_settlement(res), &c, &before, &l);
            require_bill(where, res, items, n);
            t->settled++;
            t->supplemented += medins_result_settlement(res)->supplementary > 0;
        }
        medins_error_free(e);
        medins_result_free(res);
    }
}

/* ---- The tests ------------------------------------------------------------------------------- */

static size_t persons(void) { return quick() ? 25 : 300; }
static int overlays(void) { return quick() ? 2 : 6; }

/* Shipped year _i, then random overlays of it. */
START_TEST(every_call_settles_or_changes_nothing)
{
    const medins_policy *year = year_at(g_set, (size_t)_i);
    ck_assert_msg(year != NULL, "shipped year %d", _i);
    tally t = {0};
    char pid[128];
    snprintf(pid, sizeof pid, "%s", medins_policy_id(year));
    exercise(pid, year, 0x5EED0000u + (uint64_t)_i, persons(), &t);
    rng r = {0xC0FFEEu + (uint64_t)_i};
    static text overlay;
    for (int o = 0; o < overlays(); o++) {
        random_overlay(&overlay, &r, year);
        medins_policy *derived = NULL;
        medins_error *e = NULL;
        int rc = medins_policy_derive(&derived, year, "random.yaml", overlay.buf, overlay.len, &e);
        ck_assert_msg(rc == 0, "%s overlay %d refused: %s\n%s", pid, o,
                      e ? medins_error_message(e) : "", overlay.buf);
        snprintf(pid, sizeof pid, "%s overlay %d", medins_policy_id(year), o);
        exercise(pid, derived, 0x0DE5u * 1000 + (uint64_t)(_i * 100 + o), persons(), &t);
        medins_policy_free(derived);
    }
    /* Both outcomes of each call were exercised, where the year settles claims at all
     * (jiangsu/2017 has contributions only: every claim is refused). */
    ck_assert_uint_gt(t.refused, 0);
    ck_assert_uint_gt(t.close_refused, 0);
    if (year->benefits) {
        ck_assert_uint_gt(t.settled, t.refused / 4);
        ck_assert_uint_gt(t.reversed, 0);
        ck_assert_uint_gt(t.refunded, 0);
        ck_assert_uint_gt(t.closed, 0);
    }
}
END_TEST

/* Shipped year _i with a default category-B proportion, or without (its 乙 lines then need
 * their own); and with supplementary funds in each of its sections that settle claims,
 * starting where the basic fund has paid 10 this year, of a code of the national table
 * (330100, to hifob_pay) or of one it lacks (390500, to oth_pay), so that the identities hold
 * with the supplementary fund's row among the detail rows. */
START_TEST(every_bill_splits_and_adds_up)
{
    const medins_policy *year = year_at(g_set, (size_t)_i);
    ck_assert_msg(year != NULL, "shipped year %d", _i);
    static const char overlay[] = "cite: \"assumed: a proportion for the test\"\n"
                                  "bills: {selfpay_prop: 15%}\n";
    medins_policy *derived = NULL;
    ck_assert_int_eq(medins_policy_derive(&derived, year, "bills.yaml", overlay,
                                          sizeof overlay - 1, NULL), 0);
    static text supp;
    supp.len = 0;
    put(&supp, "cite: \"assumed: supplementary funds for the test\"\n");
    static const struct { medins_section section; const char *code; } funds[] = {
        {MEDINS_SECTION_OUTPATIENT, "390500"}, {MEDINS_SECTION_PHARMACY, "390500"},
        {MEDINS_SECTION_OUTPATIENT_POOLING, "390500"}, {MEDINS_SECTION_SPECIAL_DISEASE, "330100"},
        {MEDINS_SECTION_INPATIENT, "330100"},
    };
    bool any = false;
    for (size_t i = 0; i < sizeof funds / sizeof funds[0]; i++)
        if (medins_policy_has_section(year, funds[i].section)) {
            put(&supp, "%s:\n  supplementary:\n    fund: extra\n    fund_pay_type: \"%s\"\n"
                       "    start: [{amount: 10}]\n    ratio: [{ratio: 70%%}]\n",
                medins_section_name(funds[i].section), funds[i].code);
            any = true;
        }
    medins_policy *supplemented = NULL;
    medins_error *e = NULL;
    ck_assert_msg(medins_policy_derive(&supplemented, year, "supplementary.yaml", supp.buf,
                                       supp.len, &e) == 0, "%s", e ? medins_error_message(e) : "");
    tally t = {0};
    exercise_bills(medins_policy_id(year), year, 0xB111u + (uint64_t)_i, persons(), &t);
    exercise_bills("with bills.selfpay_prop", derived, 0xB112u + (uint64_t)_i, persons(), &t);
    ck_assert_uint_eq(t.supplemented, 0);
    exercise_bills("with supplementary funds", supplemented, 0xB113u + (uint64_t)_i, persons(),
                   &t);
    medins_policy_free(derived);
    medins_policy_free(supplemented);
    ck_assert_uint_gt(t.refused, 0);
    if (year->benefits)
        ck_assert_uint_gt(t.settled, t.refused / 4);
    if (any)
        ck_assert_uint_gt(t.supplemented, 0);
}
END_TEST

static Suite *property_suite(void)
{
    Suite *s = suite_create("property");
    TCase *tc = tcase_create("random policies and inputs");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, open_set, close_set);
    tcase_add_loop_test(tc, every_call_settles_or_changes_nothing, 0, (int)year_count());
    tcase_add_loop_test(tc, every_bill_splits_and_adds_up, 0, (int)year_count());
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(property_suite)
