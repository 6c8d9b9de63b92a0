/*
 * Explanations: the lines of a settlement, their order, amounts, rule ids, texts with the
 * parameter values, citations with file:line:column, and the list of assumed values used.
 * Policy figures: see the comment at the top of check_settle.c (tests/data/settle/basic.yaml).
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *policy;
static char policy_path[1024];

static void setup(void)
{
    medins_test_path(policy_path, sizeof policy_path, "data/settle/basic.yaml");
    policy = medins_test_load("data/settle/basic.yaml");
}

static void teardown(void) { medins_policy_free(policy); policy = NULL; }

/* 1-based line and column of `needle` in the policy file. */
static void position_of(const char *needle, unsigned *line, unsigned *col)
{
    FILE *f = fopen(policy_path, "r");
    char buf[512];
    ck_assert_ptr_nonnull(f);
    *line = 0;
    for (unsigned n = 1; fgets(buf, sizeof buf, f); n++) {
        const char *at = strstr(buf, needle);
        if (at) {
            *line = n;
            *col = (unsigned)(at - buf) + 1;
            break;
        }
    }
    fclose(f);
    ck_assert_msg(*line != 0, "%s not in the policy file", needle);
}

static medins_result *settle(const medins_person *p, medins_claim_kind kind, medins_level level,
                             medins_fen total, medins_fen self_paid, medins_fen category_b,
                             medins_ledger *l, unsigned flags)
{
    medins_claim c;
    medins_result *r = NULL;
    medins_error *err = NULL;
    medins_claim_init(&c);
    c.id = 42;
    c.kind = kind;
    c.level = level;
    c.total = total;
    c.self_paid = self_paid;
    c.category_b = category_b;
    c.date = 20230301;
    medins_settle_options opts = MEDINS_SETTLE_OPTIONS_INIT;
    opts.flags = flags;
    int rc = medins_settle_ex(&r, policy, p, &c, l, &opts, &err);
    ck_assert_msg(rc == 0, "settle: %s", err ? medins_error_message(err) : "?");
    return r;
}

static const medins_line *find(const medins_result *r, medins_part part, size_t nth)
{
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *l = medins_result_line(r, i);
        if (l->part == part && nth-- == 0)
            return l;
    }
    return NULL;
}

static medins_fen sum_of(const medins_result *r, medins_part part)
{
    medins_fen s = 0;
    for (size_t i = 0; i < medins_result_line_count(r); i++)
        if (medins_result_line(r, i)->part == part)
            s += medins_result_line(r, i)->amount;
    return s;
}

/*
 * Employee, l3 admission of 150000 with 1000 self-paid and 500 category B: in scope 148500;
 * deductible 1000; 10000 x 80% = 8000 (coins 2000); 137500 x 90% = 123750 (coins 13750);
 * fund 131750; burden 16750; major: 6750 x 60% = 4050; patient 150000 - 131750 - 4050 = 14200.
 */
START_TEST(inpatient_lines)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    p.birth_date = 19800101;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500), &l, 0);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(medins_result_get_kind(r), MEDINS_RESULT_SETTLEMENT);
    ck_assert_str_eq(medins_result_policy_id(r), medins_policy_id(policy));
    ck_assert_int_eq(s->claim_id, 42);
    ck_assert_int_eq(s->fund, Y(131750));
    ck_assert_int_eq(s->major_disease, Y(4050));
    ck_assert_int_eq(s->patient, Y(14200));
    ck_assert_int_eq(s->ratio, 8000);

    /* Money lines come in the settlement order. */
    static const medins_part order[] = {
        MEDINS_PART_SELF_PAID, MEDINS_PART_CATEGORY_B, MEDINS_PART_DEDUCTIBLE, MEDINS_PART_FUND,
        MEDINS_PART_COINSURANCE, MEDINS_PART_FUND, MEDINS_PART_COINSURANCE,
        MEDINS_PART_MAJOR_DISEASE, MEDINS_PART_PATIENT, MEDINS_PART_ACCOUNT,
    };
    size_t k = 0;
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *line = medins_result_line(r, i);
        ck_assert_ptr_nonnull(line->text);
        ck_assert_ptr_nonnull(line->rule);
        if (line->part == MEDINS_PART_INFO)
            continue;
        ck_assert_msg(k < sizeof order / sizeof order[0], "extra line %s", line->text);
        ck_assert_msg(line->part == order[k], "line %zu (%s): part %d, expected %d", i, line->text,
                      line->part, order[k]);
        k++;
    }
    ck_assert_uint_eq(k, sizeof order / sizeof order[0]);
    ck_assert_int_eq(sum_of(r, MEDINS_PART_FUND), s->fund);
    ck_assert_int_eq(sum_of(r, MEDINS_PART_COINSURANCE), s->coinsurance);
    ck_assert_int_eq(sum_of(r, MEDINS_PART_MAJOR_DISEASE), s->major_disease);

    /* The deductible line cites the l3 first-admission row, at its own position. */
    const medins_line *d = find(r, MEDINS_PART_DEDUCTIBLE, 0);
    unsigned line, col;
    position_of("{level: l3, admission: first, amount: 1000}", &line, &col);
    col += (unsigned)strlen("{level: l3, admission: first, amount: ");
    ck_assert_int_eq(d->amount, Y(1000));
    ck_assert_str_eq(d->rule, "inpatient.deductible");
    ck_assert_ptr_nonnull(strstr(d->text, "1000.00"));
    ck_assert_str_eq(d->source, "test");
    ck_assert_ptr_nonnull(strstr(d->citation, "settlement cases"));
    ck_assert_ptr_nonnull(d->file);
    ck_assert_ptr_nonnull(strstr(d->file, "basic.yaml"));
    ck_assert_uint_eq(d->line, line);
    ck_assert_uint_eq(d->column, col);
    ck_assert_int_eq(d->assumed, 0);

    /* Segment lines: the piece, the ratio, and the values in the text. */
    const medins_line *f0 = find(r, MEDINS_PART_FUND, 0), *f1 = find(r, MEDINS_PART_FUND, 1);
    ck_assert_int_eq(f0->amount, Y(8000));
    ck_assert_int_eq(f0->base, Y(10000));
    ck_assert_int_eq(f0->ratio, 8000);
    ck_assert_str_eq(f0->rule, "inpatient.ratio");
    ck_assert_ptr_nonnull(strstr(f0->text, "80%"));
    ck_assert_ptr_nonnull(strstr(f0->text, "10000.00"));
    ck_assert_int_eq(f1->amount, Y(123750));
    ck_assert_int_eq(f1->base, Y(137500));
    ck_assert_int_eq(f1->ratio, 9000);
    const medins_line *c1 = find(r, MEDINS_PART_COINSURANCE, 1);
    ck_assert_int_eq(c1->amount, Y(13750));
    ck_assert_int_eq(c1->ratio, 1000);

    /* The major-disease line rests on an assumed value. */
    const medins_line *m = find(r, MEDINS_PART_MAJOR_DISEASE, 0);
    ck_assert_int_eq(m->amount, Y(4050));
    ck_assert_int_eq(m->base, Y(6750));
    ck_assert_str_eq(m->rule, "major_disease.ratio");
    ck_assert_int_eq(m->assumed, 1);
    ck_assert_ptr_null(m->source);
    ck_assert_ptr_nonnull(strstr(m->citation, "assumed"));

    const medins_line *pl = find(r, MEDINS_PART_PATIENT, 0);
    ck_assert_int_eq(pl->amount, Y(14200));
    ck_assert_ptr_nonnull(strstr(pl->text, "14200.00"));
    ck_assert_int_eq(find(r, MEDINS_PART_SELF_PAID, 0)->amount, Y(1000));
    ck_assert_int_eq(find(r, MEDINS_PART_CATEGORY_B, 0)->amount, Y(500));
    ck_assert_ptr_null(medins_result_line(r, medins_result_line_count(r)));

    /* Every assumed value used is listed, once, and only those. */
    ck_assert_int_eq(s->assumed, 1);
    ck_assert(medins_result_uses_assumed(r));
    bool ded = false, seg = false;
    for (size_t i = 0; i < medins_result_assumed_count(r); i++) {
        const medins_value *v = medins_result_assumed(r, i);
        ck_assert_msg(strncmp(v->path, "major_disease.", 14) == 0, "unexpected assumed %s", v->path);
        ck_assert(v->assumed);
        for (size_t j = 0; j < i; j++)
            ck_assert_ptr_ne(medins_result_assumed(r, j), v);
        ded |= strcmp(v->path, "major_disease.deductible[0].amount") == 0;
        seg |= strcmp(v->path, "major_disease.ratio[0].segments[0].ratio") == 0;
    }
    ck_assert(ded && seg);
    ck_assert_ptr_null(medins_result_assumed(r, medins_result_assumed_count(r)));

    /* Without lines: the same figures and the same assumed list. */
    medins_ledger l2;
    medins_ledger_init(&l2, 2023);
    medins_result *q = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500),
                              &l2, MEDINS_SETTLE_NO_LINES);
    ck_assert_uint_eq(medins_result_line_count(q), 0);
    ck_assert_int_eq(memcmp(medins_result_settlement(q), s, sizeof *s), 0);
    ck_assert_uint_eq(medins_result_assumed_count(q), medins_result_assumed_count(r));
    ck_assert_int_eq(memcmp(&l, &l2, sizeof l), 0);
    medins_result_free(q);
    medins_result_free(r);
}
END_TEST

/* Whether the result's third-party list holds the value at `path`. */
static bool lists_third_party(const medins_result *r, const char *path)
{
    for (size_t i = 0; i < medins_result_third_party_count(r); i++)
        if (strcmp(medins_result_third_party(r, i)->path, path) == 0)
            return true;
    return false;
}

/*
 * basic.yaml cites one source, of kind third-party ("Round figures for the settlement tests").
 * The inpatient claim above (level 3, 148,500 in scope: deductible 1000, 10,000 at 80% and
 * 137,500 at 90%) reads the deductible row, both segment ratios and the bound between them
 * (a value without a line of its own): each is listed once as third-party, none of the
 * major-disease layer's assumed values is, and every line that cites the source says
 * "third-party:" first. Without lines the list is the same.
 */
START_TEST(third_party_listed)
{
    medins_person p;
    medins_ledger l, l2;
    medins_person_init(&p);
    p.birth_date = 19800101;
    medins_ledger_init(&l, 2023);
    l2 = l;
    medins_result *r = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500), &l, 0);
    static const char *const used[] = {
        "inpatient.deductible[4].amount", "inpatient.ratio[0].segments[0].ratio",
        "inpatient.ratio[0].segments[0].to", "inpatient.ratio[0].segments[1].from",
        "inpatient.ratio[0].segments[1].ratio",
    };
    for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
        ck_assert_msg(lists_third_party(r, used[i]), "%s is not listed as third-party", used[i]);
    for (size_t i = 0; i < medins_result_third_party_count(r); i++) {
        const medins_value *v = medins_result_third_party(r, i);
        ck_assert_msg(v->third_party && !v->assumed && strcmp(v->source, "test") == 0,
                      "%s listed as third-party", v->path);
        for (size_t j = 0; j < i; j++)
            ck_assert_ptr_ne(medins_result_third_party(r, j), v);
    }
    ck_assert_ptr_null(medins_result_third_party(r, medins_result_third_party_count(r)));
    ck_assert_msg(!lists_third_party(r, "major_disease.deductible[0].amount"), "assumed listed");
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *line = medins_result_line(r, i);
        ck_assert_int_eq(line->third_party, line->source != NULL);
        if (line->source)
            ck_assert_msg(strcmp(line->citation, "third-party: Round figures for the settlement "
                                 "tests, settlement cases") == 0, "citation %s", line->citation);
    }
    medins_result *q = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500),
                              &l2, MEDINS_SETTLE_NO_LINES);
    ck_assert_uint_eq(medins_result_third_party_count(q), medins_result_third_party_count(r));
    for (size_t i = 0; i < sizeof used / sizeof used[0]; i++)
        ck_assert_msg(lists_third_party(q, used[i]), "%s is not listed without lines", used[i]);
    medins_result_free(q);
    medins_result_free(r);
}
END_TEST

/*
 * A line's text belongs to its result; its rule, source, citation and file belong to the policy
 * or the library (result.h), so they outlive the result: inpatient_lines' claim settled twice,
 * the first result freed before the second is made, gives lines whose four strings are the very
 * same pointers, still readable (AddressSanitizer reports any that was freed with its result).
 */
START_TEST(strings_outlive_the_result)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    p.birth_date = 19800101;
    enum { MAX = 32 };
    const char *kept[MAX][4];
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500), &l, 0);
    const size_t n = medins_result_line_count(r);
    ck_assert(n > 0 && n <= MAX);
    for (size_t i = 0; i < n; i++) {
        const medins_line *line = medins_result_line(r, i);
        kept[i][0] = line->rule;
        kept[i][1] = line->source;
        kept[i][2] = line->citation;
        kept[i][3] = line->file;
    }
    medins_result_free(r);
    medins_ledger_init(&l, 2023);
    r = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500), &l, 0);
    ck_assert_uint_eq(medins_result_line_count(r), n);
    size_t cited = 0;
    for (size_t i = 0; i < n; i++) {
        const medins_line *line = medins_result_line(r, i);
        const char *now[4] = {line->rule, line->source, line->citation, line->file};
        for (int j = 0; j < 4; j++) {
            ck_assert_msg(now[j] == kept[i][j], "line %zu (%s): string %d moved", i, line->text, j);
            ck_assert(!now[j] || strlen(kept[i][j]) == strlen(now[j]));
        }
        cited += line->file != NULL;
    }
    ck_assert_msg(cited > 0, "no line cites a value");
    medins_result_free(r);
}
END_TEST

/* Outpatient care never reaches the major-disease layer: nothing assumed. */
START_TEST(nothing_assumed)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(&p, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 0, 0, &l, 0);
    ck_assert(!medins_result_uses_assumed(r));
    ck_assert_uint_eq(medins_result_assumed_count(r), 0);
    ck_assert_int_eq(medins_result_settlement(r)->assumed, 0);
    for (size_t i = 0; i < medins_result_line_count(r); i++)
        ck_assert_int_eq(medins_result_line(r, i)->assumed, 0);
    medins_result_free(r);
}
END_TEST

/* Over the cap: the withheld amount has its own line naming the maximum. A pharmacy claim's
 * deductible and cap lines name the outpatient section that owns the pool. */
START_TEST(over_cap_and_owner_rules)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    medins_ledger_init(&l, 2023);
    l.fund[MEDINS_POOL_OUTPATIENT] = Y(5400);
    l.deductible[MEDINS_POOL_OUTPATIENT] = Y(700);
    l.seq = 1;
    l.last_date = 20230201;
    /* Pharmacy 300: deductible 100 left; 200 x 70% = 140, only 100 left under 5500: 40 withheld. */
    medins_result *r = settle(&p, MEDINS_CLAIM_PHARMACY, MEDINS_LEVEL_PHARMACY, Y(300), 0, 0, &l, 0);
    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->deductible, Y(100));
    ck_assert_int_eq(s->fund, Y(100));
    ck_assert_int_eq(s->over_cap, Y(40));
    const medins_line *o = find(r, MEDINS_PART_OVER_CAP, 0);
    ck_assert_int_eq(o->amount, Y(40));
    ck_assert_str_eq(o->rule, "outpatient.cap");
    ck_assert_ptr_nonnull(strstr(o->text, "5500.00"));
    ck_assert_str_eq(find(r, MEDINS_PART_DEDUCTIBLE, 0)->rule, "outpatient.deductible");
    ck_assert_str_eq(find(r, MEDINS_PART_FUND, 0)->rule, "pharmacy.ratio");
    medins_result_free(r);
}
END_TEST

/* Adjustments and thrift reductions are explained with their values. */
START_TEST(adjustment_and_thrift_lines)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    p.scheme = MEDINS_SCHEME_RESIDENT;
    p.category = MEDINS_CATEGORY_ADULT;
    p.tier = MEDINS_TIER_LOW;
    p.groups = MEDINS_GROUP_DIBAO;
    medins_ledger_init(&l, 2023);
    medins_result *r = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(20800), 0, 0, &l, 0);
    bool adj = false;
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *line = medins_result_line(r, i);
        if (strcmp(line->rule, "inpatient.adjustments") == 0) {
            adj = true;
            ck_assert_int_eq(line->ratio, 500);
            ck_assert_ptr_nonnull(strstr(line->text, "+5%"));
        }
    }
    ck_assert(adj);
    ck_assert_int_eq(find(r, MEDINS_PART_FUND, 0)->ratio, 6500);
    ck_assert_int_eq(sum_of(r, MEDINS_PART_ASSISTANCE), Y(4760));
    ck_assert_str_eq(find(r, MEDINS_PART_ASSISTANCE, 0)->rule, "assistance.ratio");
    medins_result_free(r);

    medins_person_init(&p);
    medins_ledger_init(&l, 2023);
    l.thrifty_years = 1;
    r = settle(&p, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 0, 0, &l, 0);
    bool thrift = false;
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *line = medins_result_line(r, i);
        if (strcmp(line->rule, "outpatient.thrift_reduction") == 0) {
            thrift = true;
            ck_assert_int_eq(line->amount, Y(100));
            ck_assert_ptr_nonnull(strstr(line->text, "800.00"));
        }
    }
    ck_assert(thrift);
    ck_assert_int_eq(find(r, MEDINS_PART_DEDUCTIBLE, 0)->amount, Y(700));
    medins_result_free(r);
}
END_TEST

static Suite *explain_suite(void)
{
    Suite *s = suite_create("explain");
    TCase *tc = tcase_create("lines");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, inpatient_lines);
    tcase_add_test(tc, third_party_listed);
    tcase_add_test(tc, strings_outlive_the_result);
    tcase_add_test(tc, nothing_assumed);
    tcase_add_test(tc, over_cap_and_owner_rules);
    tcase_add_test(tc, adjustment_and_thrift_lines);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(explain_suite)
