/*
 * Ledgers: the text form, the consistency check, and closing a year (carry-over, thrift,
 * last year's costs), with the documents' worked carry-over example settled end to end.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *policy;

static void setup(void) { policy = medins_test_load("data/settle/basic.yaml"); }

static void teardown(void) { medins_policy_free(policy); policy = NULL; }

/* A ledger with every field non-zero and distinct. */
static void sample(medins_ledger *l)
{
    medins_ledger_init(l, 2023);
    l->last_date = 20230412;
    l->seq = 7;
    l->admissions = 2;
    l->outpatient_costs = 123456;
    for (int p = 0; p < MEDINS_POOL_COUNT; p++) {
        l->deductible[p] = 1000 + p;
        l->position[p] = 2000 + p;
        l->fund[p] = 3000 + p;
    }
    l->major_base = 4001;
    l->major_fund = 4002;
    l->assist_base = 4003;
    l->assist_fund = 4004;
    l->account_balance = 5001;
    l->account_paid = 5002;
    l->carry_over = MEDINS_FEN_MAX;
    l->thrifty_years = 3;
    l->prior_known = 1;
    l->prior_outpatient_costs = 6001;
}

START_TEST(round_trip)
{
    medins_ledger l, back;
    sample(&l);
    size_t needed = 0;
    ck_assert_int_eq(medins_ledger_serialize(NULL, 0, &needed, &l), MEDINS_ERR_BUFFER);
    char buf[2048];
    ck_assert_uint_lt(needed, sizeof buf);
    /* One byte short is refused and the buffer left alone. */
    memset(buf, 'x', sizeof buf);
    ck_assert_int_eq(medins_ledger_serialize(buf, needed - 1, NULL, &l), MEDINS_ERR_BUFFER);
    ck_assert_int_eq(buf[0], 'x');
    ck_assert_int_eq(medins_ledger_serialize(buf, needed, NULL, &l), 0);
    ck_assert_uint_eq(strlen(buf) + 1, needed);
    ck_assert(strncmp(buf, "medins-ledger 1\n", 16) == 0);
    ck_assert_ptr_nonnull(strstr(buf, "\ncarry_over=100000000000000\n"));
    ck_assert_ptr_nonnull(strstr(buf, "\nfund.inpatient=3002\n"));
    memset(&back, 0, sizeof back);
    ck_assert_int_eq(medins_ledger_parse(&back, buf, strlen(buf), NULL), 0);
    ck_assert_int_eq(memcmp(&l, &back, sizeof l), 0);
}
END_TEST

/* A ledger with a supplementary fund's total is written as version 2, with its three keys
 * last, and read back exactly; without one it stays version 1 (above), which libraries before
 * the supplementary funds read. */
START_TEST(round_trip_version_2)
{
    medins_ledger l, back;
    sample(&l);
    l.supplementary[MEDINS_POOL_INPATIENT] = 123456;
    char buf[2048];
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    ck_assert(strncmp(buf, "medins-ledger 2\n", 16) == 0);
    ck_assert_ptr_nonnull(strstr(buf, "\nprior_outpatient_costs=6001\nsupplementary.outpatient=0\n"
                                      "supplementary.pooling=0\nsupplementary.inpatient=123456\n"));
    memset(&back, 0, sizeof back);
    ck_assert_int_eq(medins_ledger_parse(&back, buf, strlen(buf), NULL), 0);
    ck_assert_int_eq(memcmp(&l, &back, sizeof l), 0);
}
END_TEST

/* A ledger with a day's figures (a daily maximum's) is written as version 4, with its four keys
 * last, and read back exactly: never as version 3, which would drop them. A version 3 text
 * (a ledger with the year's account credits, of the library before them) reads with the day's
 * figures 0, and is written again byte for byte. */
START_TEST(round_trip_version_4)
{
    medins_ledger l, back;
    sample(&l);
    l.account_credited = 7001;
    l.day_date = 20230412;
    l.day_fund[MEDINS_POOL_POOLING] = 3001;
    char buf[2048];
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    ck_assert(strncmp(buf, "medins-ledger 4\n", 16) == 0);
    ck_assert_ptr_nonnull(strstr(buf, "\naccount_credited=7001\nday_date=20230412\n"
                                      "day_fund.outpatient=0\nday_fund.pooling=3001\n"
                                      "day_fund.inpatient=0\n"));
    memset(&back, 0, sizeof back);
    ck_assert_int_eq(medins_ledger_parse(&back, buf, strlen(buf), NULL), 0);
    ck_assert_int_eq(memcmp(&l, &back, sizeof l), 0);
    /* A day with the fund paid nothing yet is a day all the same. */
    l.day_fund[MEDINS_POOL_POOLING] = 0;
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    ck_assert(strncmp(buf, "medins-ledger 4\n", 16) == 0);

    /* The same ledger without its day: version 3, which has no day keys, and reads back. */
    l.day_date = 0;
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    ck_assert(strncmp(buf, "medins-ledger 3\n", 16) == 0);
    ck_assert_ptr_null(strstr(buf, "day_"));
    memset(&back, 0x5a, sizeof back);
    ck_assert_int_eq(medins_ledger_parse(&back, buf, strlen(buf), NULL), 0);
    ck_assert_int_eq(back.day_date, 0);
    ck_assert_int_eq(back.day_fund[MEDINS_POOL_POOLING], 0);
    ck_assert_int_eq(memcmp(&l, &back, sizeof l), 0);

    /* A version 3 text with a day's key is refused at it. */
    char bad[2100];
    snprintf(bad, sizeof bad, "%sday_date=20230412\n", buf);
    medins_error *err = NULL;
    ck_assert_int_eq(medins_ledger_parse(&back, bad, strlen(bad), &err), MEDINS_ERR_LEDGER);
    ck_assert_msg(strstr(medins_error_message(err), "ledger key day_date is not a key of a ledger "
                                                    "text of version 3"),
                  "%s", medins_error_message(err));
    ck_assert_uint_eq(medins_error_line(err), 30);
    medins_error_free(err);
}
END_TEST

/* The day's figures: a date of the ledger's year not after its last claim, and no more paid
 * that day than in the year. */
START_TEST(check_day_figures)
{
    static const struct {
        medins_date day;
        medins_fen fund;
        const char *says;
    } cases[] = {
        {0, 1, "ledger day_fund.pooling 1 must be 0 without a day_date, and at most fund.pooling (3001)"},
        {20230413, 0, "ledger day_date 20230413 does not fit year 2023 and last_date 20230412"},
        {20220412, 0, "ledger day_date 20220412 does not fit year 2023"},
        {20230230, 0, "ledger day_date 20230230 does not fit"},
        {-1, 0, "ledger day_date out of range: -1"},
        {20230412, 3002, "ledger day_fund.pooling 3002 must be 0 without a day_date, and at most "
                         "fund.pooling (3001)"},
        {20230412, -1, "ledger day_fund.pooling out of range: -1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        medins_ledger l;
        sample(&l);
        l.day_date = cases[i].day;
        l.day_fund[MEDINS_POOL_POOLING] = cases[i].fund;
        medins_error *err = NULL;
        ck_assert_int_eq(medins_ledger_check(&l, &err), MEDINS_ERR_LEDGER);
        ck_assert_msg(strstr(medins_error_message(err), cases[i].says), "case %zu: %s", i,
                      medins_error_message(err));
        medins_error_free(err);
    }
    medins_ledger l;
    sample(&l);
    l.day_date = 20230412;
    l.day_fund[MEDINS_POOL_POOLING] = 3001;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);
}
END_TEST

/* CRLF line ends and a missing final newline are accepted. */
START_TEST(parse_crlf)
{
    medins_ledger l, back;
    char buf[2048], crlf[4096];
    sample(&l);
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    size_t n = 0;
    for (const char *p = buf; *p; p++) {
        if (*p == '\n')
            crlf[n++] = '\r';
        crlf[n++] = *p;
    }
    n -= 2;   /* drop the final "\r\n" */
    ck_assert_int_eq(medins_ledger_parse(&back, crlf, n, NULL), 0);
    ck_assert_int_eq(memcmp(&l, &back, sizeof l), 0);
}
END_TEST

typedef struct edit {
    const char *name;
    const char *find, *replace;   /* the first occurrence of find is replaced */
    size_t replace_len;           /* 0: strlen(replace); else its length, NULs included */
    const char *says;             /* part of the message */
    unsigned line, column;        /* the position the error names; 0: none */
} edit;

/* A replacement with NULs in it, and its length. */
#define WITH_NUL(text) text, sizeof(text) - 1

/* sample()'s text: line 1 the header, 2 year, 3 last_date, 4 seq, 5 admissions, ...,
 * 16 major_base, 22 carry_over (LEDGER_FIELDS' order). */
static const edit bad_texts[] = {
    {"wrong-header", "medins-ledger 1", "medins-ledger", 0, "not a ledger text", 1, 1},
    /* A text of a later version than this library's: the column of its number. */
    {"unknown-version", "medins-ledger 1", "medins-ledger 5", 0,
     "a ledger text of version 5, which this library does not read (it reads 1 to 4): written "
     "by a newer libmedins", 1, 15},
    /* A version 1 text has no supplementary funds' totals: their keys belong to version 2. */
    {"key-of-a-later-version", "seq=7\n", "seq=7\nsupplementary.inpatient=0\n", 0,
     "ledger key supplementary.inpatient is not a key of a ledger text of version 1", 5, 1},
    /* Version 2 needs them. */
    {"version-2-without-its-keys", "medins-ledger 1", "medins-ledger 2", 0,
     "ledger key supplementary.outpatient is missing", 0, 0},
    {"unknown-key", "seq=7", "sequence=7", 0, "unknown ledger key \"sequence\"", 4, 1},
    {"missing-key", "seq=7\n", "", 0, "ledger key seq is missing", 0, 0},
    {"duplicate-key", "seq=7\n", "seq=7\nseq=7\n", 0, "ledger key seq given twice", 5, 1},
    {"letters", "seq=7", "seq=7a", 0, "ledger seq: malformed number", 4, 5},
    {"empty-number", "seq=7", "seq=", 0, "ledger seq: malformed number", 4, 5},
    {"decimal", "major_base=4001", "major_base=40.01", 0, "ledger major_base: malformed number", 16, 12},
    {"plus-sign", "major_base=4001", "major_base=+4001", 0, "ledger major_base: malformed number", 16, 12},
    {"no-equals", "seq=7", "seq 7", 0, "ledger line 4 has no '='", 4, 1},
    {"negative-amount", "major_base=4001", "major_base=-4001", 0,
     "ledger major_base out of range: -4001 (it must be 0 to 100000000000000)", 16, 12},
    {"int32-overflow", "admissions=2", "admissions=2147483648", 0, "ledger admissions: malformed number", 5, 12},
    {"amount-over-max", "carry_over=100000000000000", "carry_over=100000000000001", 0,
     "ledger carry_over out of range: 100000000000001", 22, 12},
    {"seq-over-max", "seq=7", "seq=4294967295", 0,
     "ledger seq out of range: 4294967295 (it must be 0 to 2147483647)", 4, 5},
    {"year-out-of-range", "year=2023", "year=2200", 0,
     "ledger year 2200 out of range: dates run from 1900-01-01 to 2199-12-31", 0, 0},
    {"thrifty-beyond-1900", "thrifty_years=3", "thrifty_years=124", 0,
     "ledger thrifty_years out of range: 124 (it must be 0 to 123: a ledger of 2023 has closed at most the years since 1900)", 0, 0},
    {"date-of-other-year", "last_date=20230412", "last_date=20220412", 0,
     "ledger last_date 20220412 does not fit year 2023", 0, 0},
    {"admissions-above-seq", "admissions=2", "admissions=8", 0, "more admissions than settlements", 0, 0},
    /* A NUL inside the text is not its end: refused where it is. */
    {"nul-in-value", "seq=7", WITH_NUL("seq=7\0"), "ledger line 4 contains a NUL byte", 4, 6},
    {"nul-in-key", "seq=7", WITH_NUL("s\0q=7"), "ledger line 4 contains a NUL byte", 4, 2},
    {"nul-line", "seq=7\n", WITH_NUL("seq=7\n\0\n"), "ledger line 5 contains a NUL byte", 5, 1},
};

START_TEST(parse_errors)
{
    const edit *e = &bad_texts[_i];
    medins_ledger l, out;
    char buf[2048], text[4096];
    sample(&l);
    ck_assert_int_eq(medins_ledger_serialize(buf, sizeof buf, NULL, &l), 0);
    const char *at = strstr(buf, e->find);
    ck_assert_msg(at != NULL, "%s: text to edit not found", e->name);
    const size_t pre = (size_t)(at - buf), rlen = e->replace_len ? e->replace_len : strlen(e->replace);
    memcpy(text, buf, pre);
    memcpy(text + pre, e->replace, rlen);
    const char *rest = at + strlen(e->find);
    memcpy(text + pre + rlen, rest, strlen(rest));
    const size_t len = pre + rlen + strlen(rest);
    memset(&out, 0x5A, sizeof out);
    medins_ledger untouched = out;
    medins_error *err = NULL;
    int rc = medins_ledger_parse(&out, text, len, &err);
    ck_assert_msg(rc == MEDINS_ERR_LEDGER, "%s: status %d", e->name, rc);
    ck_assert_msg(err && medins_error_code(err) == MEDINS_ERR_LEDGER &&
                  strstr(medins_error_message(err), e->says),
                  "%s: message \"%s\", expected a part \"%s\"", e->name,
                  err ? medins_error_message(err) : "", e->says);
    ck_assert_msg(medins_error_line(err) == e->line && medins_error_column(err) == e->column,
                  "%s: at %u:%u, expected %u:%u", e->name, medins_error_line(err),
                  medins_error_column(err), e->line, e->column);
    ck_assert_msg(memcmp(&out, &untouched, sizeof out) == 0, "%s: output written", e->name);
    medins_error_free(err);
}
END_TEST

START_TEST(check_rules)
{
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);
    l.year = 1800;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), MEDINS_ERR_LEDGER);
    medins_ledger_init(&l, 2023);
    l.last_date = 20230105;   /* a last claim but no settlement */
    ck_assert_int_eq(medins_ledger_check(&l, NULL), MEDINS_ERR_LEDGER);
    l.seq = 1;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);
    l.position[MEDINS_POOL_POOLING] = -1;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), MEDINS_ERR_LEDGER);
    medins_ledger_init(&l, 2023);
    l.prior_known = 2;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), MEDINS_ERR_LEDGER);
    medins_ledger_init(&l, 2023);
    l.thrifty_years = -1;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), MEDINS_ERR_LEDGER);
}
END_TEST

/* ---- Closing a year ------------------------------------------------------------------------ */

static void employee(medins_person *p)
{
    medins_person_init(p);
    p->birth_date = 19800101;
}

/* Settle an outpatient claim of `yuan` at l2 on `date`. */
static void outpatient(medins_ledger *l, const medins_person *p, medins_fen yuan, medins_date date)
{
    medins_claim c;
    medins_result *r = NULL;
    medins_error *err = NULL;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_OUTPATIENT;
    c.level = MEDINS_LEVEL_2;
    c.total = Y(yuan);
    c.date = date;
    int rc = medins_settle(&r, policy, p, &c, l, &err);
    ck_assert_msg(rc == 0, "outpatient claim: %s", err ? medins_error_message(err) : "?");
    medins_result_free(r);
}

/* A large l3 admission; returns the fund paid and checks the INFO line naming the maximum. */
static medins_fen big_admission(medins_ledger *l, const medins_person *p, medins_date date,
                                const char *want_text)
{
    medins_claim c;
    medins_result *r = NULL;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_INPATIENT;
    c.level = MEDINS_LEVEL_3;
    c.total = Y(500000);
    c.date = date;
    ck_assert_int_eq(medins_settle(&r, policy, p, &c, l, NULL), 0);
    bool found = false;
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *line = medins_result_line(r, i);
        if (line->part == MEDINS_PART_INFO && strstr(line->text, want_text))
            found = true;
    }
    ck_assert_msg(found, "no INFO line mentions %s", want_text);
    medins_fen fund = medins_result_settlement(r)->fund;
    medins_result_free(r);
    return fund;
}

/*
 * The documents' example (I6): an employee whose outpatient costs in a year are 1000 moves the
 * remaining 4500 of the 5500 outpatient maximum to the inpatient maximum: 350000 + 4500 =
 * 354500. With 500 of costs the next year, 5000 more: 359500.
 */
START_TEST(worked_carry_over)
{
    medins_person p;
    medins_ledger y22, y23, y24;
    employee(&p);
    medins_ledger_init(&y22, 2022);
    y22.account_balance = Y(100);
    outpatient(&y22, &p, 600, 20220310);
    outpatient(&y22, &p, 400, 20221120);
    ck_assert_int_eq(y22.outpatient_costs, Y(1000));

    ck_assert_int_eq(medins_ledger_close_year(&y23, &y22, policy, &p, NULL), 0);
    ck_assert_int_eq(y23.year, 2023);
    ck_assert_int_eq(y23.carry_over, Y(4500));
    ck_assert_int_eq(y23.prior_known, 1);
    ck_assert_int_eq(y23.prior_outpatient_costs, Y(1000));
    ck_assert_int_eq(y23.thrifty_years, 0);          /* 1000 > the deductible 800 */
    ck_assert_int_eq(y23.seq, 0);
    ck_assert_int_eq(y23.last_date, 0);
    ck_assert_int_eq(y23.outpatient_costs, 0);
    ck_assert_int_eq(y23.fund[MEDINS_POOL_OUTPATIENT], 0);
    /* The account paid 100 of the first claim's 600 deductible: the rest is carried. */
    ck_assert_int_eq(y23.account_balance, y22.account_balance);
    ck_assert_int_eq(y23.account_balance, 0);

    /* 500000 at l3 asks 448100 of the fund (see check_settle): the maximum 354500 binds. */
    medins_ledger y23b = y23;
    ck_assert_int_eq(big_admission(&y23b, &p, 20230201, "354500.00"), Y(354500));

    outpatient(&y23, &p, 500, 20230415);
    ck_assert_int_eq(medins_ledger_close_year(&y24, &y23, policy, &p, NULL), 0);
    ck_assert_int_eq(y24.carry_over, Y(9500));
    ck_assert_int_eq(y24.thrifty_years, 1);          /* 500 <= 800 */
    ck_assert_int_eq(y24.prior_outpatient_costs, Y(500));
    ck_assert_int_eq(big_admission(&y24, &p, 20240201, "359500.00"), Y(359500));
}
END_TEST

/* Costs above the outpatient maximum add nothing, and carry-over never decreases. */
START_TEST(carry_never_decreases)
{
    medins_person p;
    medins_ledger a, b;
    employee(&p);
    medins_ledger_init(&a, 2022);
    a.carry_over = Y(7000);
    a.seq = 1;
    a.last_date = 20221231;
    a.outpatient_costs = Y(6000);
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), 0);
    ck_assert_int_eq(b.carry_over, Y(7000));
    /* next may alias prev. */
    a.outpatient_costs = Y(5000);
    ck_assert_int_eq(medins_ledger_close_year(&a, &a, policy, &p, NULL), 0);
    ck_assert_int_eq(a.carry_over, Y(7500));
    ck_assert_int_eq(a.year, 2023);
}
END_TEST

/* Without carry_over in the inpatient section nothing is carried; thrift still counts. */
START_TEST(close_without_carry_over)
{
    static const char overlay[] = "format: 1\nkind: reform\ntitle: t\n"
                                  "sources: [{id: t2, title: T, kind: third-party}]\n"
                                  "inpatient: {carry_over: ~}\n";
    medins_policy *q = NULL;
    ck_assert_int_eq(medins_policy_derive(&q, policy, "o.yaml", overlay, strlen(overlay), NULL), 0);
    medins_person p;
    medins_ledger a, b;
    employee(&p);
    medins_ledger_init(&a, 2022);
    a.carry_over = Y(100);
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, q, &p, NULL), 0);
    ck_assert_int_eq(b.carry_over, Y(100));
    ck_assert_int_eq(b.thrifty_years, 1);
    medins_policy_free(q);
}
END_TEST

typedef struct thrift_case {
    const char *name;
    medins_category category;
    medins_date birth;
    medins_fen costs;
    int before, after;
} thrift_case;

/* The thrift bound is the person's deductible before reduction, read on 31 December 2022. */
static const thrift_case thrift_cases[] = {
    {"in-service-equal", MEDINS_CATEGORY_IN_SERVICE, 19800101, Y(800), 2, 3},
    {"in-service-one-fen-above", MEDINS_CATEGORY_IN_SERVICE, 19800101, Y(800) + 1, 2, 0},
    {"in-service-nothing", MEDINS_CATEGORY_IN_SERVICE, 19800101, 0, 0, 1},
    /* Born 1953-06-01: 69 on 2022-12-31, band under 70: 700. */
    {"retired-69-at-700", MEDINS_CATEGORY_RETIRED, 19530601, Y(700), 0, 1},
    {"retired-69-above", MEDINS_CATEGORY_RETIRED, 19530601, Y(750), 4, 0},
    /* Born 1952-12-31: 70 on the day: 600. */
    {"retired-70-at-600", MEDINS_CATEGORY_RETIRED, 19521231, Y(600), 1, 2},
    {"retired-70-above", MEDINS_CATEGORY_RETIRED, 19521231, Y(650), 1, 0},
};

START_TEST(thrift_years)
{
    const thrift_case *t = &thrift_cases[_i];
    medins_person p;
    medins_ledger a, b;
    medins_person_init(&p);
    p.category = t->category;
    p.birth_date = t->birth;
    medins_ledger_init(&a, 2022);
    a.outpatient_costs = t->costs;
    a.thrifty_years = t->before;
    a.seq = 1;
    a.last_date = 20220601;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), 0);
    ck_assert_msg(b.thrifty_years == t->after, "%s: thrifty_years %d, expected %d", t->name,
                  b.thrifty_years, t->after);
}
END_TEST

START_TEST(close_errors)
{
    medins_person p;
    medins_ledger a, b;
    employee(&p);
    medins_ledger_init(&a, 2021);   /* the policy starts 2022-01-01: not in force on 2021-12-31 */
    memset(&b, 0x33, sizeof b);
    medins_ledger untouched = b;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), MEDINS_ERR_DATE);
    a.year = 2022;
    a.fund[0] = -5;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), MEDINS_ERR_LEDGER);
    a.fund[0] = 0;
    p.category = MEDINS_CATEGORY_STUDENT_CHILD;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), MEDINS_ERR_PERSON);
    ck_assert_int_eq(memcmp(&b, &untouched, sizeof b), 0);
}
END_TEST

/*
 * Closing a year reads the outpatient deductible (basic.yaml has thrift: true) with the
 * person's age on 31 December: a retiree's rows are by age (under 70: 700), so a retiree
 * without a birth date is refused, naming the table; an employee in service matches the
 * first row, which has no age, and needs none. A birth date after 31 December is refused.
 */
START_TEST(close_needs_the_age)
{
    medins_person p;
    employee(&p);
    p.birth_date = 0;
    p.category = MEDINS_CATEGORY_RETIRED;
    medins_ledger a, b;
    medins_ledger_init(&a, 2023);
    memset(&b, 0x33, sizeof b);
    const medins_ledger untouched = b;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, &err), MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err), "the person has no birth date, and their age on "
                     "20231231 decides which outpatient.deductible row applies: give the birth date");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&b, &untouched, sizeof b), 0);

    p.birth_date = 20240101;
    err = NULL;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, &err), MEDINS_ERR_PERSON);
    ck_assert_str_eq(medins_error_message(err), "birth date 20240101 is after the last day of the "
                     "year closed, 20231231");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&b, &untouched, sizeof b), 0);

    /* Born 1953-06-01: 70 on 2023-12-31, the 600 row; no costs: a thrifty year. */
    p.birth_date = 19530601;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), 0);
    ck_assert_int_eq(b.thrifty_years, 1);
    p.category = MEDINS_CATEGORY_IN_SERVICE;
    p.birth_date = 0;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, policy, &p, NULL), 0);
    ck_assert_int_eq(b.thrifty_years, 1);
}
END_TEST

/* ---- The check's bounds are those every later operation can take --------------------------- */

/* A policy of basic.yaml's rules in force from 2022 on, without an end: years up to 2199. */
static medins_policy *open_ended(void)
{
    static const char overlay[] = "format: 1\nkind: reform\ntitle: open-ended\n"
                                  "effective: {from: 2022-01-01, to: ~}\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_derive(&p, policy, "open.yaml", overlay, strlen(overlay), &err);
    ck_assert_msg(rc == 0, "open-ended: %s", err ? medins_error_message(err) : "?");
    return p;
}

typedef struct bound_case {
    const char *name;
    int32_t year;
    uint32_t seq;
    int32_t admissions, thrifty_years;
    const char *says;   /* NULL: valid */
} bound_case;

static const bound_case bound_cases[] = {
    {"seq at the most", 2023, MEDINS_LEDGER_SEQ_MAX, 0, 0, NULL},
    {"seq one above", 2023, MEDINS_LEDGER_SEQ_MAX + 1u, 0, 0,
     "ledger seq out of range: 2147483648 (it must be 0 to 2147483647)"},
    {"seq UINT32_MAX", 2023, UINT32_MAX, 0, 0,
     "ledger seq out of range: 4294967295 (it must be 0 to 2147483647)"},
    {"admissions INT32_MAX with as many settlements", 2023, MEDINS_LEDGER_SEQ_MAX, INT32_MAX, 0, NULL},
    {"admissions above seq", 2023, 5, 6, 0, "more admissions than settlements"},
    {"thrifty years since 1900", 2023, 1, 0, 123, NULL},
    {"thrifty years one more", 2023, 1, 0, 124,
     "ledger thrifty_years out of range: 124 (it must be 0 to 123: a ledger of 2023 has closed at most the years since 1900)"},
    {"thrifty years INT32_MAX", 2023, 1, 0, INT32_MAX, "thrifty_years out of range: 2147483647"},
    {"no thrifty year in 1900", 1900, 1, 0, 0, NULL},
    {"a thrifty year in 1900", 1900, 1, 0, 1, "out of range: 1 (it must be 0 to 0: a ledger of 1900"},
    {"year 2199", 2199, 1, 0, 299, NULL},
    {"year 2200", 2200, 1, 0, 0, "ledger year 2200 out of range: dates run from 1900-01-01 to 2199-12-31"},
    {"year 1899", 1899, 1, 0, 0, "ledger year 1899 out of range: dates run from 1900-01-01"},
};

/* Each case's ledger (its last claim on 15 June) passes the check or is refused as it says,
 * and its text form is parsed back the same way: a ledger is saved as it is checked. */
START_TEST(check_bounds)
{
    const bound_case *t = &bound_cases[_i];
    medins_ledger l;
    medins_ledger_init(&l, t->year);
    l.seq = t->seq;
    l.last_date = t->year * 10000 + 615;
    l.admissions = t->admissions;
    l.thrifty_years = t->thrifty_years;
    medins_error *err = NULL;
    int rc = medins_ledger_check(&l, &err);
    ck_assert_msg(t->says ? rc == MEDINS_ERR_LEDGER && strstr(medins_error_message(err), t->says)
                          : rc == 0,
                  "%s: %s \"%s\"", t->name, medins_status_name(rc),
                  err ? medins_error_message(err) : "");
    medins_error_free(err);
    char text[2048];
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, NULL, &l), 0);
    medins_ledger back;
    memset(&back, 0x5a, sizeof back);
    err = NULL;
    rc = medins_ledger_parse(&back, text, strlen(text), &err);
    ck_assert_msg(t->says ? rc == MEDINS_ERR_LEDGER && strstr(medins_error_message(err), t->says)
                          : rc == 0 && memcmp(&back, &l, sizeof l) == 0,
                  "%s, parsed: %s \"%s\"", t->name, medins_status_name(rc),
                  err ? medins_error_message(err) : "");
    medins_error_free(err);
}
END_TEST

/* A settlement of a ledger at the most settlements is refused and changes nothing; one below,
 * an admission settles, and the ledger it leaves (seq and admissions at the most) passes the
 * check and round-trips through its text. */
START_TEST(settle_at_the_most_settlements)
{
    medins_person p;
    employee(&p);
    medins_claim c;
    medins_claim_init(&c);
    c.kind = MEDINS_CLAIM_INPATIENT;
    c.level = MEDINS_LEVEL_2;
    c.date = 20230701;
    c.total = Y(1000);
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.seq = MEDINS_LEDGER_SEQ_MAX;
    l.admissions = INT32_MAX;
    l.last_date = 20230615;
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);
    const medins_ledger before = l;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, &err), MEDINS_ERR_OVERFLOW);
    ck_assert_str_eq(medins_error_message(err), "the ledger already counts 2147483647 "
                     "settlements this year, the most it can hold");
    medins_error_free(err);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(memcmp(&l, &before, sizeof l), 0);
    /* An outpatient claim likewise: the count is of every settlement. */
    c.kind = MEDINS_CLAIM_OUTPATIENT;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, NULL), MEDINS_ERR_OVERFLOW);
    ck_assert_int_eq(memcmp(&l, &before, sizeof l), 0);

    l.seq = MEDINS_LEDGER_SEQ_MAX - 1;
    l.admissions = INT32_MAX - 1;
    c.kind = MEDINS_CLAIM_INPATIENT;
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, NULL), 0);
    medins_result_free(r);
    ck_assert_uint_eq(l.seq, MEDINS_LEDGER_SEQ_MAX);
    ck_assert_int_eq(l.admissions, INT32_MAX);
    ck_assert_int_eq(medins_ledger_check(&l, NULL), 0);
    char text[2048];
    medins_ledger back;
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, NULL, &l), 0);
    ck_assert_ptr_nonnull(strstr(text, "\nseq=2147483647\n"));
    ck_assert_int_eq(medins_ledger_parse(&back, text, strlen(text), NULL), 0);
    ck_assert_int_eq(memcmp(&back, &l, sizeof l), 0);
}
END_TEST

/* Closing a year: from the most thrifty years a ledger can have, the next year's ledger has
 * the most it can have (in service, 2022 outpatient costs 0, within the 800 deductible:
 * thrifty); 2198 closes into a valid 2199 ledger; 2199, the last year, is refused. */
START_TEST(close_at_the_bounds)
{
    medins_policy *open = open_ended();
    medins_person p;
    employee(&p);
    medins_ledger a, b;
    medins_ledger_init(&a, 2022);
    a.thrifty_years = 2022 - 1900;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, open, &p, NULL), 0);
    ck_assert_int_eq(b.year, 2023);
    ck_assert_int_eq(b.thrifty_years, 2023 - 1900);
    ck_assert_int_eq(medins_ledger_check(&b, NULL), 0);

    medins_ledger_init(&a, 2198);
    a.thrifty_years = 2198 - 1900;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, open, &p, NULL), 0);
    ck_assert_int_eq(b.year, 2199);
    ck_assert_int_eq(b.thrifty_years, 2199 - 1900);
    ck_assert_int_eq(medins_ledger_check(&b, NULL), 0);

    a = b;
    memset(&b, 0x33, sizeof b);
    const medins_ledger untouched = b;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, open, &p, &err), MEDINS_ERR_DATE);
    ck_assert_str_eq(medins_error_message(err), "the ledger of 2199 cannot be closed: dates run "
                     "from 1900-01-01 to 2199-12-31, so there is no ledger of 2200");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&b, &untouched, sizeof b), 0);

    /* A ledger the check refuses is refused before anything is read from it. */
    medins_ledger_init(&a, 2022);
    a.thrifty_years = INT32_MAX;
    ck_assert_int_eq(medins_ledger_close_year(&b, &a, open, &p, NULL), MEDINS_ERR_LEDGER);
    ck_assert_int_eq(memcmp(&b, &untouched, sizeof b), 0);
    medins_policy_free(open);
}
END_TEST

/* ---- A ledger from the year so far ------------------------------------------------------- */

/* Settle a level-3 claim of an employee in service under p on l; its figures. */
static medins_settlement settle_under(const medins_policy *p, medins_ledger *l,
                                      medins_claim_kind kind, medins_fen total, medins_date date)
{
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_claim c;
    medins_claim_init(&c);
    c.kind = kind;
    c.level = MEDINS_LEVEL_3;
    c.total = total;
    c.date = date;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_settle(&r, p, &person, &c, l, &err) == 0, "settle: %s",
                  err ? medins_error_message(err) : "?");
    const medins_settlement s = *medins_result_settlement(r);
    medins_result_free(r);
    return s;
}

static medins_fen settle_fund(medins_ledger *l, medins_claim_kind kind, medins_fen total,
                              medins_date date)
{
    return settle_under(policy, l, kind, total, date).fund;
}

/*
 * An employee in service whose year so far is one admission, at level 3, of 20000 on 2 March
 * (the platform's figures): deductible 1000; 10000 x 80% + 9000 x 90% = 16100 fund; the burden
 * 1000 + 2000 + 900 = 3900, below the major-disease deductible (10000), counted by the layer and
 * by assistance (no row for the person: nothing paid). The ledger built from these figures is
 * the one the settlement itself left, byte for byte, and the next admission settles the same
 * from either: a second admission's deductible at level 3 is 500; the 4500 above it lies past
 * the position 19000, all at 90%: 4050.
 */
START_TEST(from_year_as_settled)
{
    medins_ledger settled, built;
    medins_ledger_init(&settled, 2023);
    ck_assert_int_eq(settle_fund(&settled, MEDINS_CLAIM_INPATIENT, Y(20000), 20230302), Y(16100));
    medins_year_to_date y = MEDINS_YEAR_TO_DATE_INIT(2023);
    y.last_date = 20230302;
    y.admissions = 1;
    y.in_scope[MEDINS_POOL_INPATIENT] = Y(20000);
    y.deductible[MEDINS_POOL_INPATIENT] = Y(1000);
    y.fund[MEDINS_POOL_INPATIENT] = Y(16100);
    y.major_base = Y(3900);
    y.assist_base = Y(3900);
    medins_error *err = NULL;
    int rc = medins_ledger_from_year(&built, &y, &err);
    ck_assert_msg(rc == 0, "from_year: %s", err ? medins_error_message(err) : "?");
    ck_assert_int_eq(memcmp(&built, &settled, sizeof built), 0);
    ck_assert_int_eq(settle_fund(&built, MEDINS_CLAIM_INPATIENT, Y(5000), 20230401), Y(4050));

    /* An outpatient year: 1000 at level 3 (deductible 800, 200 x 50% = 100 fund); one
     * settlement counted, no admission. */
    medins_ledger_init(&settled, 2023);
    ck_assert_int_eq(settle_fund(&settled, MEDINS_CLAIM_OUTPATIENT, Y(1000), 20230105), Y(100));
    medins_year_to_date_init(&y, 2023);
    y.last_date = 20230105;
    y.outpatient_costs = Y(1000);
    y.in_scope[MEDINS_POOL_OUTPATIENT] = Y(1000);
    y.deductible[MEDINS_POOL_OUTPATIENT] = Y(800);
    y.fund[MEDINS_POOL_OUTPATIENT] = Y(100);
    ck_assert_int_eq(medins_ledger_from_year(&built, &y, NULL), 0);
    ck_assert_int_eq(memcmp(&built, &settled, sizeof built), 0);
    ck_assert_uint_eq(built.seq, 1);
    /* Nothing yet this year: an empty ledger, with what is carried. */
    medins_year_to_date_init(&y, 2024);
    y.carry_over = Y(300);
    y.thrifty_years = 2;
    ck_assert_int_eq(medins_ledger_from_year(&built, &y, NULL), 0);
    ck_assert_uint_eq(built.seq, 0);
    ck_assert_int_eq(built.carry_over, Y(300));
}
END_TEST

/*
 * Version 2's figures. tests/data/settle/supplementary.yaml, an employee in service whose year
 * so far is one admission, level 3, of 150000 on 2 March: deductible 1300; of the 148700 above
 * it the basic fund pays 85% up to its maximum of 100000, reached by the least part whose share
 * rounds to 100000.00: 117647.06 (x 85% = 100000.001); the 31052.94 beyond is the supplementary
 * fund's at 80%: 24842.352, 24842.35. The burden 150000 - 100000 - 24842.35 = 25157.65 is
 * below the major-disease deductible of 30000: counted, nothing paid. Built from these
 * figures, the ledger is the one the settlement left, byte for byte; the next admission, 10000
 * (deductible 650; the basic fund's maximum reached: the supplementary fund pays 80% of the
 * 9350, 7480), settles the same from either.
 */
START_TEST(from_year_supplementary)
{
    medins_policy *sp = medins_test_load("data/settle/supplementary.yaml");
    medins_ledger settled, built;
    medins_ledger_init(&settled, 2023);
    medins_settlement s = settle_under(sp, &settled, MEDINS_CLAIM_INPATIENT, Y(150000), 20230302);
    ck_assert_int_eq(s.fund, Y(100000));
    ck_assert_int_eq(s.supplementary, 2484235);
    medins_year_to_date y = MEDINS_YEAR_TO_DATE_INIT(2023);
    y.last_date = 20230302;
    y.admissions = 1;
    y.in_scope[MEDINS_POOL_INPATIENT] = Y(150000);
    y.deductible[MEDINS_POOL_INPATIENT] = Y(1300);
    y.fund[MEDINS_POOL_INPATIENT] = Y(100000);
    y.supplementary[MEDINS_POOL_INPATIENT] = 2484235;
    y.major_base = 2515765;
    medins_error *err = NULL;
    ck_assert_msg(medins_ledger_from_year(&built, &y, &err) == 0, "from_year: %s",
                  err ? medins_error_message(err) : "?");
    ck_assert_int_eq(memcmp(&built, &settled, sizeof built), 0);
    s = settle_under(sp, &built, MEDINS_CLAIM_INPATIENT, Y(10000), 20230401);
    ck_assert_int_eq(s.fund, 0);
    ck_assert_int_eq(s.supplementary, Y(7480));
    ck_assert_int_eq(settle_under(sp, &settled, MEDINS_CLAIM_INPATIENT, Y(10000),
                                  20230401).supplementary, Y(7480));
    ck_assert_int_eq(memcmp(&built, &settled, sizeof built), 0);
    medins_policy_free(sp);
}
END_TEST

/*
 * tests/data/settle/account-first.yaml: the year's account pays outpatient care first. An
 * employee credited 2000 this year, with a balance of 3000 (1000 carried over), whose year so
 * far is one outpatient visit, level 3, of 1500 on 5 January: the year's account pays it all
 * first (2000 left of the credits), nothing reaches the deductible: balance 1500, paid 1500.
 * Built from the figures, with the first payment (account_first) and the credits, the ledger
 * is the one the settlement left, byte for byte: its position is the in-scope costs less the
 * account's first payment and the deductible, 0. The next visit, 2000: the year's account has
 * 500 left (2000 - 1500), paid first; the 1500 after it is the deductible, which the rest of
 * the balance pays: account 1500, cash 500, fund 0. A year to date of version 1, which has
 * no credits, reads as none: then nothing is paid first, the deductible takes 1500 and the
 * fund 65% of the 500 above it, 325.
 */
START_TEST(from_year_account_first)
{
    medins_policy *ap = medins_test_load("data/settle/account-first.yaml");
    medins_ledger settled, built;
    medins_ledger_init(&settled, 2023);
    settled.account_credited = Y(2000);
    settled.account_balance = Y(3000);
    medins_settlement s = settle_under(ap, &settled, MEDINS_CLAIM_OUTPATIENT, Y(1500), 20230105);
    ck_assert_int_eq(s.account_first, Y(1500));
    ck_assert_int_eq(s.account, Y(1500));
    medins_year_to_date y = MEDINS_YEAR_TO_DATE_INIT(2023);
    y.last_date = 20230105;
    y.outpatient_costs = Y(1500);
    y.in_scope[MEDINS_POOL_OUTPATIENT] = Y(1500);
    y.account_first[MEDINS_POOL_OUTPATIENT] = Y(1500);
    y.account_balance = Y(1500);
    y.account_paid = Y(1500);
    y.account_credited = Y(2000);
    medins_error *err = NULL;
    ck_assert_msg(medins_ledger_from_year(&built, &y, &err) == 0, "from_year: %s",
                  err ? medins_error_message(err) : "?");
    ck_assert_int_eq(memcmp(&built, &settled, sizeof built), 0);
    s = settle_under(ap, &built, MEDINS_CLAIM_OUTPATIENT, Y(2000), 20230201);
    ck_assert_int_eq(s.account_first, Y(500));
    ck_assert_int_eq(s.deductible, Y(1500));
    ck_assert_int_eq(s.account, Y(1500));
    ck_assert_int_eq(s.cash, Y(500));
    ck_assert_int_eq(s.fund, 0);

    /* Version 1: the struct ends at prior_outpatient_costs, and what lies after it in the
     * caller's memory is not read (no credits, no first payments: the visit's in-scope cost
     * given as 0, so that its position is the same 0). */
    union {
        medins_year_to_date y;
        unsigned char bytes[sizeof(medins_year_to_date)];
    } v1;
    v1.y = y;
    v1.y.version = 1;
    v1.y.in_scope[MEDINS_POOL_OUTPATIENT] = 0;
    memset(v1.bytes + offsetof(medins_year_to_date, supplementary), 0x5a,
           sizeof v1.bytes - offsetof(medins_year_to_date, supplementary));
    ck_assert_msg(medins_ledger_from_year(&built, &v1.y, &err) == 0, "from_year: %s",
                  err ? medins_error_message(err) : "?");
    ck_assert_int_eq(built.account_credited, 0);
    ck_assert_int_eq(built.supplementary[MEDINS_POOL_INPATIENT], 0);
    ck_assert_int_eq(built.position[MEDINS_POOL_OUTPATIENT], 0);
    s = settle_under(ap, &built, MEDINS_CLAIM_OUTPATIENT, Y(2000), 20230201);
    ck_assert_int_eq(s.account_first, 0);
    ck_assert_int_eq(s.deductible, Y(1500));
    ck_assert_int_eq(s.fund, Y(325));
    medins_policy_free(ap);
}
END_TEST

/* Figures that cannot be a year's: refused, naming what is wrong, nothing written. */
static const struct ytd_case {
    const char *name;
    int field;          /* which change below */
    int code;
    const char *message;
} ytd_cases[] = {
    {"deductible above in scope", 0, MEDINS_ERR_LEDGER,
     "the inpatient pool's account paid first (0), deductible (200000), fund (0) and "
     "supplementary fund (0) cannot be paid out of its in-scope costs (100000)"},
    {"fund above in scope", 1, MEDINS_ERR_LEDGER, "cannot be paid out of its in-scope costs"},
    {"figures without a date", 2, MEDINS_ERR_LEDGER,
     "a year with settlements needs the date of the last one (last_date)"},
    {"a date without figures", 3, MEDINS_ERR_LEDGER, "a last settlement on 20230301, but no figures"},
    {"a date of another year", 4, MEDINS_ERR_LEDGER, "ledger last_date 20220301 does not fit year 2023"},
    {"negative", 5, MEDINS_ERR_LEDGER, "the pooling pool's figures must not be negative"},
    {"negative admissions", 6, MEDINS_ERR_LEDGER, "admissions must not be negative"},
    {"unknown version", 7, MEDINS_ERR_ARGUMENT, "medins_year_to_date: version 0"},
    {"amount out of range", 8, MEDINS_ERR_LEDGER, "ledger account_balance out of range"},
    /* Version 2's figures. */
    {"supplementary above in scope", 9, MEDINS_ERR_LEDGER,
     "the inpatient pool's account paid first (0), deductible (50000), fund (40000) and "
     "supplementary fund (10001) cannot be paid out of its in-scope costs (100000)"},
    {"account first above in scope", 10, MEDINS_ERR_LEDGER,
     "account paid first (100001), deductible (0), fund (0)"},
    {"negative supplementary", 11, MEDINS_ERR_LEDGER, "the outpatient pool's figures must not be negative"},
    {"negative account first", 12, MEDINS_ERR_LEDGER, "the pooling pool's figures must not be negative"},
    {"supplementary past the limit", 13, MEDINS_ERR_LEDGER,
     "the inpatient pool's figures must be at most 100000000000000"},
    {"account first above account_paid", 14, MEDINS_ERR_LEDGER,
     "the account paid first (30000 in all pools) is part of what it paid this year "
     "(account_paid 29999), not more"},
    {"credits out of range", 15, MEDINS_ERR_LEDGER, "ledger account_credited out of range"},
    {"version 3", 16, MEDINS_ERR_ARGUMENT, "medins_year_to_date: version 3"},
};

START_TEST(from_year_refused)
{
    const struct ytd_case *k = &ytd_cases[_i];
    medins_year_to_date y = MEDINS_YEAR_TO_DATE_INIT(2023);
    y.last_date = 20230301;
    y.admissions = 1;
    y.in_scope[MEDINS_POOL_INPATIENT] = Y(1000);
    switch (k->field) {
    case 0: y.deductible[MEDINS_POOL_INPATIENT] = Y(2000); break;
    case 1: y.deductible[MEDINS_POOL_INPATIENT] = Y(500); y.fund[MEDINS_POOL_INPATIENT] = Y(501); break;
    case 2: y.last_date = 0; break;
    case 3: y.admissions = 0; y.in_scope[MEDINS_POOL_INPATIENT] = 0; break;
    case 4: y.last_date = 20220301; break;
    case 5: y.fund[MEDINS_POOL_POOLING] = -1; break;
    case 6: y.admissions = -1; break;
    case 7: y.version = 0; break;
    case 8: y.account_balance = MEDINS_FEN_MAX + 1; break;
    case 9:
        y.deductible[MEDINS_POOL_INPATIENT] = Y(500);
        y.fund[MEDINS_POOL_INPATIENT] = Y(400);
        y.supplementary[MEDINS_POOL_INPATIENT] = Y(100) + 1;
        break;
    case 10: y.account_first[MEDINS_POOL_INPATIENT] = Y(1000) + 1; y.account_paid = Y(2000); break;
    case 11: y.supplementary[MEDINS_POOL_OUTPATIENT] = -1; break;
    case 12: y.account_first[MEDINS_POOL_POOLING] = -1; break;
    case 13:
        y.in_scope[MEDINS_POOL_INPATIENT] = MEDINS_FEN_MAX;
        y.supplementary[MEDINS_POOL_INPATIENT] = MEDINS_FEN_MAX + 1;
        break;
    case 14:
        y.account_first[MEDINS_POOL_INPATIENT] = Y(200);
        y.in_scope[MEDINS_POOL_OUTPATIENT] = Y(100);
        y.account_first[MEDINS_POOL_OUTPATIENT] = Y(100);
        y.account_paid = Y(300) - 1;
        break;
    case 15: y.account_credited = MEDINS_FEN_MAX + 1; break;
    case 16: y.version = MEDINS_YEAR_TO_DATE_VERSION + 1; break;
    default: break;
    }
    medins_ledger l, untouched;
    memset(&l, 0x5a, sizeof l);
    untouched = l;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_ledger_from_year(&l, &y, &err), k->code);
    ck_assert_msg(strstr(medins_error_message(err), k->message) != NULL, "%s: %s", k->name,
                  medins_error_message(err));
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&l, &untouched, sizeof l), 0);
    ck_assert_int_eq(medins_ledger_from_year(NULL, &y, NULL), MEDINS_ERR_ARGUMENT);
}
END_TEST

static Suite *ledger_suite(void)
{
    Suite *s = suite_create("ledger");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, round_trip_version_2);
    tcase_add_test(tc, round_trip_version_4);
    tcase_add_test(tc, check_day_figures);
    tcase_add_test(tc, parse_crlf);
    tcase_add_loop_test(tc, parse_errors, 0, (int)(sizeof bad_texts / sizeof bad_texts[0]));
    tcase_add_test(tc, check_rules);
    suite_add_tcase(s, tc);

    tc = tcase_create("close-year");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, worked_carry_over);
    tcase_add_test(tc, carry_never_decreases);
    tcase_add_test(tc, close_without_carry_over);
    tcase_add_loop_test(tc, thrift_years, 0, (int)(sizeof thrift_cases / sizeof thrift_cases[0]));
    tcase_add_test(tc, close_errors);
    tcase_add_test(tc, close_needs_the_age);
    suite_add_tcase(s, tc);

    tc = tcase_create("bounds");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, check_bounds, 0, (int)(sizeof bound_cases / sizeof bound_cases[0]));
    tcase_add_test(tc, settle_at_the_most_settlements);
    tcase_add_test(tc, close_at_the_bounds);
    suite_add_tcase(s, tc);

    tc = tcase_create("year-to-date");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, from_year_as_settled);
    tcase_add_test(tc, from_year_supplementary);
    tcase_add_test(tc, from_year_account_first);
    tcase_add_loop_test(tc, from_year_refused, 0, (int)(sizeof ytd_cases / sizeof ytd_cases[0]));
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(ledger_suite)
