/*
 * Explanations: the trace of a result (its steps, their amounts and arguments, the policy values
 * each read, with file:line:column), the English lines rendered from it (order, amounts, rule
 * ids, texts with the parameter values, citations), and the list of assumed values used.
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

/* ---- The trace ------------------------------------------------------------------------- */

/* inpatient_lines' claim (worked there), settled afresh with its trace. */
static medins_result *inpatient_claim(void)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    p.birth_date = 19800101;
    medins_ledger_init(&l, 2023);
    return settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000), Y(500), &l, 0);
}

/* capped_trace's claim (worked there): a low-tier dibao resident's level-2 admission of 20800
 * after 99500 of the year's 100000 maximum was paid. */
static medins_result *capped_claim(void)
{
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    p.scheme = MEDINS_SCHEME_RESIDENT;
    p.category = MEDINS_CATEGORY_ADULT;
    p.tier = MEDINS_TIER_LOW;
    p.groups = MEDINS_GROUP_DIBAO;
    medins_ledger_init(&l, 2023);
    l.fund[MEDINS_POOL_INPATIENT] = Y(99500);
    l.seq = 1;
    l.last_date = 20230201;
    return settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(20800), 0, 0, &l, 0);
}


/* One expected step: the kind, part, amounts and arguments, the number of values it read and
 * the path of the first (NULL: none). */
typedef struct want_step {
    medins_step_kind kind;
    medins_part part;
    medins_fen amount, base;
    medins_bp ratio;
    int64_t arg[MEDINS_STEP_ARGS];
    unsigned nvalues;
    const char *value;
} want_step;

/* The trace of r is `want`, step by step (`what` names the case in the messages). */
static void check_trace(const medins_result *r, const want_step *want, size_t n, const char *what)
{
    ck_assert_msg(medins_result_step_count(r) == n, "%s: %zu steps, expected %zu", what,
                  medins_result_step_count(r), n);
    for (size_t i = 0; i < n; i++) {
        const medins_step *st = medins_result_step(r, i);
        const want_step *w = &want[i];
        ck_assert_msg(st->kind == w->kind && st->part == w->part, "%s: step %zu is %s (part %d)",
                      what, i, medins_step_kind_name(st->kind), st->part);
        ck_assert_msg(st->amount == w->amount && st->base == w->base && st->ratio == w->ratio,
                      "%s: step %zu (%s): amount %lld base %lld ratio %d", what, i,
                      medins_step_kind_name(st->kind), (long long)st->amount,
                      (long long)st->base, st->ratio);
        for (size_t j = 0; j < MEDINS_STEP_ARGS; j++)
            ck_assert_msg(st->arg[j] == w->arg[j], "%s: step %zu (%s): argument %zu (%s) is %lld",
                          what, i, medins_step_kind_name(st->kind), j,
                          medins_step_arg_name(st->kind, j), (long long)st->arg[j]);
        ck_assert_msg(st->nvalues == w->nvalues, "%s: step %zu: %u values", what, i, st->nvalues);
        const medins_value *v = medins_result_step_value(r, i, 0);
        ck_assert_msg(w->value ? v && strcmp(v->path, w->value) == 0 : v == NULL,
                      "%s: step %zu's value %s", what, i, v ? v->path : "(none)");
        ck_assert_ptr_null(medins_result_step_value(r, i, st->nvalues));
    }
    ck_assert_ptr_null(medins_result_step(r, n));
}

/*
 * inpatient_lines' claim as a trace (employee, level 3, 150000 with 1000 self-paid and 500
 * category B, first admission, empty ledger):
 *   self-paid 1000, category B 500; admission 1;
 *   deductible of the admission: the l3 first-admission row, 1000, on in scope 148500;
 *   segment 0-10000 at 80%: fund 8000, patient 2000 (the ratio and the bound 10000 read);
 *   segment above 10000 at 90% on 137500: fund 123750, patient 13750 (the ratio, the bound);
 *   the inpatient maximum 350000, nothing paid before;
 *   major disease: deductible 10000 on the burden 148500 - 131750 = 16750, none before: 10000
 *   of it within the deductible; 6750 in 0-100000 at 60% = 4050; its maximum 300000, 0 used;
 *   assistance: no row for an employee without groups, on 16750 - 4050 = 12700;
 *   the patient 14200 of 150000 = 1000 + 500 + 1000 + 15750 + 0 - 4050 - 0;
 *   the account pays min(balance 0, 12700) = 0.
 */
START_TEST(inpatient_trace)
{
    static const want_step want[] = {
        {MEDINS_STEP_SELF_PAID, MEDINS_PART_SELF_PAID, Y(1000), 0, 0, {0}, 0, NULL},
        {MEDINS_STEP_CATEGORY_B, MEDINS_PART_CATEGORY_B, Y(500), 0, 0, {0}, 0, NULL},
        {MEDINS_STEP_ADMISSION, MEDINS_PART_INFO, 0, 0, 0, {1}, 0, NULL},
        {MEDINS_STEP_DEDUCTIBLE_ADMISSION, MEDINS_PART_DEDUCTIBLE, Y(1000), Y(148500), 0,
         {Y(1000)}, 1, "inpatient.deductible[4].amount"},
        {MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, Y(8000), Y(10000), 8000, {0, Y(10000), 0, 0}, 2,
         "inpatient.ratio[0].segments[0].ratio"},
        {MEDINS_STEP_COINSURANCE, MEDINS_PART_COINSURANCE, Y(2000), Y(10000), 2000, {0}, 1,
         "inpatient.ratio[0].segments[0].ratio"},
        {MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, Y(123750), Y(137500), 9000, {Y(10000), 0, 1, 0},
         2, "inpatient.ratio[0].segments[1].ratio"},
        {MEDINS_STEP_COINSURANCE, MEDINS_PART_COINSURANCE, Y(13750), Y(137500), 1000, {0}, 1,
         "inpatient.ratio[0].segments[1].ratio"},
        {MEDINS_STEP_CAP, MEDINS_PART_INFO, Y(350000), 0, 0, {0}, 1, "inpatient.cap[0].amount"},
        {MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE, MEDINS_PART_INFO, Y(10000), Y(16750), 0,
         {Y(10000), 0}, 1, "major_disease.deductible[0].amount"},
        {MEDINS_STEP_MAJOR_DISEASE, MEDINS_PART_MAJOR_DISEASE, Y(4050), Y(6750), 6000,
         {0, Y(100000), 0, 0}, 2, "major_disease.ratio[0].segments[0].ratio"},
        {MEDINS_STEP_MAJOR_DISEASE_CAP, MEDINS_PART_INFO, Y(300000), 0, 0, {0}, 1,
         "major_disease.cap[0].amount"},
        {MEDINS_STEP_ASSISTANCE_NO_ROW, MEDINS_PART_INFO, 0, Y(12700), 0, {0}, 0, NULL},
        {MEDINS_STEP_PATIENT, MEDINS_PART_PATIENT, Y(14200), Y(150000), 0,
         {Y(1000), Y(500), Y(1000), Y(15750), 0, Y(4050), 0}, 0, NULL},
        {MEDINS_STEP_ACCOUNT, MEDINS_PART_ACCOUNT, 0, Y(12700), 0, {0}, 1, "inpatient.account"},
    };
    medins_result *r = inpatient_claim();
    check_trace(r, want, sizeof want / sizeof want[0], "inpatient");

    /* The values: the bound 10000 is the second value of both segments (the first segment's
     * start, 0, says nothing), each at its own position, and of its source's kind. */
    const medins_value *to = medins_result_step_value(r, 4, 1),
                       *from = medins_result_step_value(r, 6, 1);
    unsigned line, col;
    position_of("{from: 0, to: 10000, ratio: 80%}", &line, &col);
    ck_assert_str_eq(to->path, "inpatient.ratio[0].segments[0].to");
    ck_assert_uint_eq(to->line, line);
    ck_assert_uint_eq(to->column, col + (unsigned)strlen("{from: 0, to: "));
    position_of("{from: 10000, ratio: 90%}", &line, &col);
    ck_assert_str_eq(from->path, "inpatient.ratio[0].segments[1].from");
    ck_assert_uint_eq(from->line, line);
    ck_assert_uint_eq(from->column, col + (unsigned)strlen("{from: "));
    ck_assert_str_eq(medins_value_source_kind(to), "third-party");
    ck_assert_str_eq(medins_value_citation(to),
                     "third-party: Round figures for the settlement tests, settlement cases");
    const medins_value *major = medins_result_step_value(r, 10, 0);
    ck_assert_str_eq(medins_value_source_kind(major), "assumed");
    ck_assert_ptr_nonnull(strstr(medins_value_citation(major), "assumed: "));

    /* The lines are the steps, one for one. */
    ck_assert_uint_eq(medins_result_line_count(r), medins_result_step_count(r));
    for (size_t i = 0; i < medins_result_step_count(r); i++) {
        const medins_step *st = medins_result_step(r, i);
        const medins_line *ln = medins_result_line(r, i);
        const medins_value *v = medins_result_step_value(r, i, 0);
        ck_assert_msg(ln->part == st->part && ln->amount == st->amount && ln->base == st->base &&
                      ln->ratio == st->ratio && ln->rule == st->rule, "line %zu", i);
        ck_assert_msg(v ? ln->file == v->file && ln->line == v->line && ln->column == v->column
                        : ln->file == NULL && *ln->citation == '\0', "line %zu's value", i);
    }

    /* Without a trace: no step, the same figures and values used. */
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    p.birth_date = 19800101;
    medins_ledger_init(&l, 2023);
    medins_result *q = settle(&p, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(150000), Y(1000),
                              Y(500), &l, MEDINS_SETTLE_NO_TRACE);
    ck_assert_uint_eq(medins_result_step_count(q), 0);
    ck_assert_ptr_null(medins_result_step(q, 0));
    ck_assert_ptr_null(medins_result_step_value(q, 0, 0));
    ck_assert_int_eq(memcmp(medins_result_settlement(q), medins_result_settlement(r),
                            sizeof(medins_settlement)), 0);
    ck_assert_uint_eq(medins_result_assumed_count(q), medins_result_assumed_count(r));
    ck_assert_uint_eq(medins_result_third_party_count(q), medins_result_third_party_count(r));
    medins_result_free(q);
    medins_result_free(r);
}
END_TEST

/*
 * A capped claim, a layer and the adjustments: a low-tier dibao resident admitted at level 2
 * for 20800 (adjustment_and_thrift_lines' claim), after 99500 of fund payments this year:
 *   deductible 800 (first admission elsewhere than l3); 20000 from position 0;
 *   the inpatient adjustment +5 for dibao: 0-10000 at 60 + 5 = 65% would pay 6500, but only
 *   100000 - 99500 = 500 is left under the resident maximum: fund 500, cut; 6500 - 500 = 6000
 *   withheld, patient 3500; above 10000 at 75% would pay 7500, nothing left: fund 0, cut,
 *   7500 withheld, patient 2500;
 *   over the maximum 13500; burden 20800 - 500 = 20300; major disease: 10300 above its
 *   deductible at 60% = 6180; assistance (dibao: deductible 0, 70%) on 20300 - 6180 = 14120:
 *   9884, within its maximum 50000.
 */
START_TEST(capped_trace)
{
    static const want_step want[] = {
        {MEDINS_STEP_ADMISSION, MEDINS_PART_INFO, 0, 0, 0, {1}, 0, NULL},
        {MEDINS_STEP_DEDUCTIBLE_ADMISSION, MEDINS_PART_DEDUCTIBLE, Y(800), Y(20800), 0,
         {Y(800)}, 1, "inpatient.deductible[6].amount"},
        {MEDINS_STEP_ADJUSTMENT, MEDINS_PART_INFO, 0, 0, 500, {0}, 1,
         "inpatient.adjustments[0].add"},
        {MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, Y(500), Y(10000), 6500, {0, Y(10000), 0, 1}, 2,
         "inpatient.ratio[1].segments[0].ratio"},
        {MEDINS_STEP_COINSURANCE, MEDINS_PART_COINSURANCE, Y(3500), Y(10000), 3500, {0}, 1,
         "inpatient.ratio[1].segments[0].ratio"},
        {MEDINS_STEP_SEGMENT, MEDINS_PART_FUND, 0, Y(10000), 7500, {Y(10000), 0, 1, 1}, 2,
         "inpatient.ratio[1].segments[1].ratio"},
        {MEDINS_STEP_COINSURANCE, MEDINS_PART_COINSURANCE, Y(2500), Y(10000), 2500, {0}, 1,
         "inpatient.ratio[1].segments[1].ratio"},
        {MEDINS_STEP_CAP, MEDINS_PART_INFO, Y(100000), 0, 0, {Y(99500)}, 1,
         "inpatient.cap[1].amount"},
        {MEDINS_STEP_OVER_CAP, MEDINS_PART_OVER_CAP, Y(13500), 0, 0, {Y(100000)}, 1,
         "inpatient.cap[1].amount"},
        {MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE, MEDINS_PART_INFO, Y(10000), Y(20300), 0,
         {Y(10000), 0}, 1, "major_disease.deductible[0].amount"},
        {MEDINS_STEP_MAJOR_DISEASE, MEDINS_PART_MAJOR_DISEASE, Y(6180), Y(10300), 6000,
         {0, Y(100000), 0, 0}, 2, "major_disease.ratio[0].segments[0].ratio"},
        {MEDINS_STEP_MAJOR_DISEASE_CAP, MEDINS_PART_INFO, Y(300000), 0, 0, {0}, 1,
         "major_disease.cap[0].amount"},
        {MEDINS_STEP_ASSISTANCE_DEDUCTIBLE, MEDINS_PART_INFO, 0, Y(14120), 0, {0, 0}, 1,
         "assistance.deductible[0].amount"},
        {MEDINS_STEP_ASSISTANCE, MEDINS_PART_ASSISTANCE, Y(9884), Y(14120), 7000,
         {0, 0, 1, 0}, 1, "assistance.ratio[1].ratio"},
        {MEDINS_STEP_ASSISTANCE_CAP, MEDINS_PART_INFO, Y(50000), 0, 0, {0}, 1,
         "assistance.cap[0].amount"},
        {MEDINS_STEP_PATIENT, MEDINS_PART_PATIENT, Y(4236), Y(20800), 0,
         {0, 0, Y(800), Y(6000), Y(13500), Y(6180), Y(9884)}, 0, NULL},
    };
    medins_result *r = capped_claim();
    check_trace(r, want, sizeof want / sizeof want[0], "capped");
    medins_result_free(r);
}
END_TEST

/*
 * The other computations' traces, on tests/data/contrib (tj2015.yaml: employer 11% and the
 * individual 2% of a wage base of 2966 to 14832 a month, 260 a year fixed; residents' delivery
 * 2280, complications at 60%; tj2017.yaml: a retiree's account 2% of the pension, 70% of it to
 * the card, withdrawal above 50000 of costs):
 *   an employee earning 2000 a month: base raised to 2966; employer 11% = 326.26, individual
 *   2% = 59.32 a month; 260 a year; a year: employer 3915.12, individual 711.84 + 260 = 971.84;
 *   a resident's natural delivery with 1000 of complication costs: 2280 + 600 = 2880;
 *   a retiree whose pension was 5000 a month: 100 a month, 70 of it to the card; seriously ill
 *   with 60000 of costs this year, above 50000: the balance may be withdrawn.
 */
START_TEST(other_traces)
{
    medins_policy *p2015 = medins_test_load("data/contrib/tj2015.yaml"),
                  *p2017 = medins_test_load("data/contrib/tj2017.yaml");
    medins_person person;
    medins_person_init(&person);
    medins_employee_input wage;
    medins_employee_input_init(&wage);
    wage.monthly_wage = Y(2000);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_contribution(&r, p2015, &person, 20150701, &wage, NULL), 0);
    static const want_step employee[] = {
        {MEDINS_STEP_WAGE_FLOOR, MEDINS_PART_INFO, Y(2966), Y(2000), 0, {0}, 1,
         "contributions.employee.wage_base.floor"},
        {MEDINS_STEP_EMPLOYER_SHARE, MEDINS_PART_CONTRIBUTION, 32626, Y(2966), 1100,
         {MEDINS_EMPLOYER_ENTERPRISE}, 1, "contributions.employee.rates[0].employer"},
        {MEDINS_STEP_EMPLOYEE_SHARE, MEDINS_PART_CONTRIBUTION, 5932, Y(2966), 200, {0}, 1,
         "contributions.employee.rates[0].individual"},
        {MEDINS_STEP_FIXED_YEARLY, MEDINS_PART_CONTRIBUTION, Y(260), 0, 0, {0}, 1,
         "contributions.employee.fixed_yearly"},
        {MEDINS_STEP_EMPLOYEE_TOTAL, MEDINS_PART_INFO, 391512 + 97184, 0, 0, {391512, 97184}, 0,
         NULL},
    };
    check_trace(r, employee, sizeof employee / sizeof employee[0], "employee contribution");
    medins_result_free(r);

    person.scheme = MEDINS_SCHEME_RESIDENT;
    person.category = MEDINS_CATEGORY_ADULT;
    person.tier = MEDINS_TIER_LOW;
    medins_maternity_input birth;
    medins_maternity_input_init(&birth);
    birth.complication_costs = Y(1000);
    ck_assert_int_eq(medins_maternity(&r, p2015, &person, 20150801, &birth, NULL), 0);
    static const want_step maternity[] = {
        {MEDINS_STEP_DELIVERY, MEDINS_PART_BENEFIT, Y(2280), 0, 0,
         {MEDINS_DELIVERY_NATURAL, MEDINS_SCHEME_RESIDENT}, 1, "maternity.delivery[1].amount"},
        {MEDINS_STEP_COMPLICATION, MEDINS_PART_BENEFIT, Y(600), Y(1000), 6000, {0}, 1,
         "maternity.complication_ratio[0].ratio"},
        {MEDINS_STEP_MATERNITY_TOTAL, MEDINS_PART_INFO, Y(2880), 0, 0, {0}, 0, NULL},
    };
    check_trace(r, maternity, sizeof maternity / sizeof maternity[0], "maternity");
    medins_result_free(r);

    medins_person_init(&person);
    person.category = MEDINS_CATEGORY_RETIRED;
    medins_account_input acc;
    medins_account_input_init(&acc);
    acc.last_year_pension = Y(5000);
    acc.year_costs = Y(60000);
    acc.serious_illness = 1;
    ck_assert_int_eq(medins_account(&r, p2017, &person, 20170601, &acc, NULL), 0);
    static const want_step account[] = {
        {MEDINS_STEP_ACCOUNT_RETIREE, MEDINS_PART_BENEFIT, Y(100), Y(5000), 200, {0}, 1,
         "accounts.retiree_credit"},
        {MEDINS_STEP_ACCOUNT_CARD, MEDINS_PART_INFO, Y(70), Y(100), 7000, {0}, 1,
         "accounts.card_share"},
        {MEDINS_STEP_ACCOUNT_WITHDRAW, MEDINS_PART_INFO, Y(60000), Y(50000), 0, {1, 1}, 1,
         "accounts.withdraw_threshold"},
    };
    check_trace(r, account, sizeof account / sizeof account[0], "account");
    medins_result_free(r);
    medins_policy_free(p2015);
    medins_policy_free(p2017);
}
END_TEST

/*
 * A per-head payment on tests/data/contrib/tj2017.yaml: diabetes at level 1, 150 a month;
 * patient 5 enrolled from 2017-01-01 and still, March 2017: 31 days of a 31-day month = 150;
 * actual costs 100: an underspend of 50, half of it kept = 25; 100 + 25 = 125 scaled by the
 * assessment score 90% = 112.50, paid to institution 7.
 */
START_TEST(capitation_trace)
{
    medins_policy *p = medins_test_load("data/contrib/tj2017.yaml");
    medins_enrolment e = {.patient = 5, .from = 20170101, .to = 0};
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.institution = 7;
    in.level = MEDINS_LEVEL_1;
    in.from = 20170301;
    in.to = 20170331;
    in.enrolments = &e;
    in.enrolment_count = 1;
    in.actual_costs = Y(100);
    in.assessment = 9000;
    medins_result *r = NULL;
    ck_assert_int_eq(medins_capitation(&r, p, &in, NULL), 0);
    static const want_step want[] = {
        {MEDINS_STEP_ENROLMENT, MEDINS_PART_INFO, Y(150), 0, 0, {5, 20170101, 0, 31}, 1,
         "capitation.diseases[0].rate"},
        {MEDINS_STEP_BUDGET, MEDINS_PART_INFO, Y(150), 0, 0,
         {MEDINS_DISEASE_DIABETES, Y(150), MEDINS_CAPITATION_MONTH, 1, 31}, 1,
         "capitation.diseases[0].rate"},
        {MEDINS_STEP_ACTUAL_COSTS, MEDINS_PART_INFO, Y(100), 0, 0, {0}, 0, NULL},
        {MEDINS_STEP_SURPLUS, MEDINS_PART_BENEFIT, Y(25), Y(50), 5000, {0}, 1,
         "capitation.surplus_kept"},
        {MEDINS_STEP_ASSESSMENT, MEDINS_PART_INFO, 11250, Y(125), 9000, {0}, 1,
         "capitation.assessment"},
        {MEDINS_STEP_CAPITATION_PAYMENT, MEDINS_PART_BENEFIT, 11250, 0, 0, {7}, 0, NULL},
    };
    check_trace(r, want, sizeof want / sizeof want[0], "capitation");
    /* The enrolment's dates are written as dates. */
    ck_assert_str_eq(medins_result_line(r, 0)->text,
                     "Patient 5, enrolled 2017-01-01, still enrolled: 31 days, 150.00 yuan");
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/* ---- Text in two languages ------------------------------------------------------------ */

/* Step i's text in lang. */
static const char *text_of(const medins_result *r, size_t i, medins_lang lang, char *buf,
                           size_t size)
{
    size_t need = 0;
    int rc = medins_result_step_text(buf, size, &need, r, i, lang);
    ck_assert_msg(rc == 0 && need == strlen(buf) + 1, "step %zu in %s: %d", i,
                  medins_lang_name(lang), rc);
    return buf;
}

/*
 * inpatient_trace's claim in both languages: the deductible of the admission (1000 of the
 * l3 first-admission row), the first segment (80% of 10000) and the patient's sum, each in
 * the words hospitals use; the English text is the line's.
 */
START_TEST(steps_in_both_languages)
{
    medins_result *r = inpatient_claim();
    static const struct { size_t step; const char *en, *zh; } want[] = {
        {0, "Items outside the catalogue, paid in full by the patient: 1000.00",
         "目录外项目（自费），由个人全额负担：1000.00元"},
        {1, "Category-B first self-pay, paid by the patient: 500.00",
         "乙类先行自付，由个人负担：500.00元"},
        {3, "Deductible of this admission 1000.00: the patient pays 1000.00",
         "本次住院起付线1000.00元，个人负担1000.00元"},
        {4, "The fund pays 80% of 10000.00 in the segment 0.00 to 10000.00",
         "统筹基金支付0.00元至10000.00元共付段内10000.00元的80%"},
        {6, "The fund pays 90% of 137500.00 in the segment above 10000.00",
         "统筹基金支付10000.00元以上共付段内137500.00元的90%"},
        {7, "The patient pays 10% of 137500.00 in this segment",
         "该共付段内137500.00元中个人自付10%"},
        {8, "Annual maximum 350000.00; fund paid before this claim 0.00",
         "年度封顶线350000.00元，本次结算前统筹基金已支付0.00元"},
        {10, "The major-disease layer pays 60% of 6750.00 in the segment 0.00 to 100000.00",
         "大病保险支付0.00元至100000.00元段内6750.00元的60%"},
        {12, "No row of medical assistance applies to this person: it pays nothing",
         "医疗救助没有适用于本人的待遇，不予支付"},
        {13, "The patient pays 14200.00: self-paid 1000.00 + category B 500.00 + deductible "
             "1000.00 + coinsurance 15750.00 + over the maximum 0.00 - major disease 4050.00 - "
             "assistance 0.00",
         "个人负担14200.00元：自费1000.00元＋乙类先行自付500.00元＋起付线1000.00元＋个人自付"
         "15750.00元＋超封顶线0.00元－大病保险4050.00元－医疗救助0.00元"},
        {14, "Paid from the individual account: 0.00 of the in-scope burden 12700.00 "
             "(balance 0.00)",
         "个人账户支付0.00元（政策范围内个人负担12700.00元，账户余额0.00元）"},
    };
    char buf[512];
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        ck_assert_str_eq(text_of(r, want[k].step, MEDINS_LANG_EN, buf, sizeof buf), want[k].en);
        ck_assert_str_eq(medins_result_line(r, want[k].step)->text, want[k].en);
        ck_assert_str_eq(text_of(r, want[k].step, MEDINS_LANG_ZH, buf, sizeof buf), want[k].zh);
    }
    medins_result_free(r);

    /* capped_trace's claim: the resident maximum cuts both segments, the dibao adjustment. */
    r = capped_claim();
    ck_assert_str_eq(text_of(r, 2, MEDINS_LANG_EN, buf, sizeof buf),
                     "Adjustment +5% to the ratio of every segment");
    ck_assert_str_eq(text_of(r, 2, MEDINS_LANG_ZH, buf, sizeof buf), "各共付段支付比例调整+5%");
    ck_assert_str_eq(text_of(r, 3, MEDINS_LANG_EN, buf, sizeof buf),
                     "The fund pays 65% of 10000.00 in the segment 0.00 to 10000.00 "
                     "(cut by the annual maximum)");
    ck_assert_str_eq(text_of(r, 3, MEDINS_LANG_ZH, buf, sizeof buf),
                     "统筹基金支付0.00元至10000.00元共付段内10000.00元的65%（受年度封顶线限制）");
    ck_assert_str_eq(text_of(r, 8, MEDINS_LANG_ZH, buf, sizeof buf),
                     "超过年度封顶线100000.00元的部分由个人负担：13500.00元");
    ck_assert_str_eq(text_of(r, 14, MEDINS_LANG_ZH, buf, sizeof buf),
                     "医疗救助年度最高支付限额50000.00元，本次结算前已支付0.00元");
    medins_result_free(r);
}
END_TEST

/*
 * The whole explanation: a heading, a line a step with its amount, citation and position, the
 * values used; the size asked for first, a short buffer cut at a whole character.
 */
START_TEST(whole_explanation)
{
    medins_result *r = inpatient_claim();
    for (int lang = 0; lang < MEDINS_LANG_COUNT; lang++) {
        size_t need = 0;
        ck_assert_int_eq(medins_result_render(NULL, 0, &need, r, (medins_lang)lang),
                         MEDINS_ERR_BUFFER);
        char *text = malloc(need);
        ck_assert_int_eq(medins_result_render(text, need, NULL, r, (medins_lang)lang), 0);
        ck_assert_uint_eq(strlen(text) + 1, need);
        size_t lines = 0;
        for (const char *c = text; *c; c++)
            lines += *c == '\n';
        /* The heading, 15 steps, two headings, 4 assumed and 7 third-party values. */
        ck_assert_uint_eq(lines, 1 + 15 + 2 + 4 + 7);
        if (lang == MEDINS_LANG_EN) {
            ck_assert_msg(strncmp(text, "settlement under testland/basic\n", 32) == 0, "%s", text);
            ck_assert_ptr_nonnull(strstr(text, "\n     1000.00  Deductible of this admission "
                                               "1000.00: the patient pays 1000.00 (third-party: "
                                               "Round figures for the settlement tests, "
                                               "settlement cases) ["));
            ck_assert_ptr_nonnull(strstr(text, "\nassumed values used:\n  major_disease."
                                               "deductible[0].amount = 10000  (assumed: the test "
                                               "layer's figures are invented; "));
            ck_assert_ptr_nonnull(strstr(text, "\nthird-party values used:\n"));
        } else {
            static const char heading[] = "结算（testland/basic）\n";
            ck_assert_msg(strncmp(text, heading, sizeof heading - 1) == 0, "%s", text);
            ck_assert_ptr_nonnull(strstr(text, "\n     1000.00  本次住院起付线1000.00元，个人负担"
                                               "1000.00元（第三方来源：Round figures for the "
                                               "settlement tests, settlement cases） ["));
            ck_assert_ptr_nonnull(strstr(text, "\n使用的假定值：\n  major_disease.deductible[0]."
                                               "amount = 10000（假定：the test layer's figures "
                                               "are invented；"));
            ck_assert_ptr_nonnull(strstr(text, "\n使用的第三方来源值：\n"));
        }
        /* Too short: as much as fits, ending with a whole character. "结算（" is 9 bytes:
         * with 8, "结算" and the NUL. */
        char small[8];
        size_t need2 = 0;
        ck_assert_int_eq(medins_result_render(small, sizeof small, &need2, r, (medins_lang)lang),
                         MEDINS_ERR_BUFFER);
        ck_assert_uint_eq(need2, need);
        ck_assert_str_eq(small, lang == MEDINS_LANG_EN ? "settlem" : "结算");
        free(text);
    }
    char buf[64];
    ck_assert_int_eq(medins_result_render(buf, sizeof buf, NULL, NULL, MEDINS_LANG_EN),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_result_render(buf, sizeof buf, NULL, r, MEDINS_LANG_COUNT),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_result_step_text(buf, sizeof buf, NULL, r, 15, MEDINS_LANG_EN),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_result_step_text(buf, sizeof buf, NULL, NULL, 0, MEDINS_LANG_EN),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_result_step_text(buf, sizeof buf, NULL, r, 0, (medins_lang)-1),
                     MEDINS_ERR_ARGUMENT);
    medins_result_free(r);

    /* Without a trace: the heading and the values used. */
    medins_person p;
    medins_ledger l;
    medins_person_init(&p);
    medins_ledger_init(&l, 2023);
    r = settle(&p, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 0, 0, &l,
               MEDINS_SETTLE_NO_TRACE);
    char whole[2048];
    static const char start[] = "结算（testland/basic）\n使用的第三方来源值：\n"
                                "  outpatient.deductible[0].amount = 800（第三方来源 test："
                                "settlement cases；";
    ck_assert_int_eq(medins_result_render(whole, sizeof whole, NULL, r, MEDINS_LANG_ZH), 0);
    ck_assert_msg(strncmp(whole, start, sizeof start - 1) == 0, "%s", whole);
    medins_result_free(r);
}
END_TEST

/* Language tags: the first part names the language, in any case. */
START_TEST(language_tags)
{
    static const struct { const char *tag; int rc; medins_lang lang; } cases[] = {
        {"zh", 0, MEDINS_LANG_ZH}, {"zh-CN", 0, MEDINS_LANG_ZH}, {"zh_CN.UTF-8", 0, MEDINS_LANG_ZH},
        {"ZH", 0, MEDINS_LANG_ZH}, {"zh-Hans", 0, MEDINS_LANG_ZH}, {"zh@pinyin", 0, MEDINS_LANG_ZH},
        {"en", 0, MEDINS_LANG_EN}, {"en_GB.UTF-8", 0, MEDINS_LANG_EN}, {"En-us", 0, MEDINS_LANG_EN},
        {"fr", MEDINS_ERR_TYPE, 0}, {"zho", MEDINS_ERR_TYPE, 0}, {"", MEDINS_ERR_TYPE, 0},
        {"C", MEDINS_ERR_TYPE, 0}, {"-zh", MEDINS_ERR_TYPE, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        medins_lang lang = (medins_lang)42;
        medins_error *err = NULL;
        int rc = medins_lang_parse(&lang, cases[i].tag, &err);
        ck_assert_msg(rc == cases[i].rc, "%s: %d", cases[i].tag, rc);
        ck_assert_msg(lang == (rc == 0 ? cases[i].lang : (medins_lang)42), "%s: language %d",
                      cases[i].tag, lang);
        /* The error says which tag, and which languages there are. */
        ck_assert_msg(rc == 0 ? err == NULL
                              : medins_error_code(err) == rc &&
                                    strstr(medins_error_message(err), cases[i].tag) &&
                                    strstr(medins_error_message(err), "is not a language of "
                                                                      "the explanations: zh or en"),
                      "%s: %s", cases[i].tag, err ? medins_error_message(err) : "no error");
        medins_error_free(err);
    }
    medins_lang lang;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_lang_parse(&lang, NULL, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_error_code(err), MEDINS_ERR_ARGUMENT);
    medins_error_free(err);
    ck_assert_int_eq(medins_lang_parse(NULL, "zh", NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_lang_name(MEDINS_LANG_ZH), "zh");
    ck_assert_str_eq(medins_part_label(MEDINS_PART_FUND, MEDINS_LANG_ZH), "统筹基金支付");
    ck_assert_str_eq(medins_part_label(MEDINS_PART_FUND, MEDINS_LANG_EN), "Basic fund pays");
}
END_TEST

/* The words a front end lays out around the texts: enum values' labels and citations. */
START_TEST(labels_and_citations)
{
    ck_assert_str_eq(medins_arg_label(MEDINS_ARG_TIER, MEDINS_TIER_LOW, MEDINS_LANG_ZH), "低档");
    ck_assert_str_eq(medins_arg_label(MEDINS_ARG_TIER, MEDINS_TIER_LOW, MEDINS_LANG_EN), "low");
    ck_assert_str_eq(medins_arg_label(MEDINS_ARG_CATEGORY, MEDINS_CATEGORY_RETIRED, MEDINS_LANG_ZH),
                     "退休人员");
    ck_assert_str_eq(medins_arg_label(MEDINS_ARG_GROUPS, MEDINS_GROUP_TEKUN | MEDINS_GROUP_ENTITLED,
                                      MEDINS_LANG_ZH), "特困");
    ck_assert_ptr_null(medins_arg_label(MEDINS_ARG_TIER, MEDINS_TIER_COUNT, MEDINS_LANG_ZH));
    ck_assert_ptr_null(medins_arg_label(MEDINS_ARG_MONEY, 0, MEDINS_LANG_ZH));
    ck_assert_ptr_null(medins_arg_label(MEDINS_ARG_TIER, 1, MEDINS_LANG_COUNT));

    /* inpatient_trace's claim: a third-party value (the deductible row) and an assumed one
     * (the major-disease layer's deductible); in English the citation is the policy's. */
    medins_result *r = inpatient_claim();
    const medins_value *third = medins_result_step_value(r, 3, 0),
                       *assumed = medins_result_step_value(r, 9, 0);
    char buf[256];
    size_t need = 0;
    ck_assert_int_eq(medins_value_cite(buf, sizeof buf, &need, third, MEDINS_LANG_ZH), 0);
    ck_assert_str_eq(buf, "第三方来源：Round figures for the settlement tests, settlement cases");
    ck_assert_uint_eq(need, strlen(buf) + 1);
    ck_assert_int_eq(medins_value_cite(buf, sizeof buf, NULL, assumed, MEDINS_LANG_ZH), 0);
    ck_assert_str_eq(buf, "假定：the test layer's figures are invented");
    ck_assert_int_eq(medins_value_cite(buf, sizeof buf, NULL, third, MEDINS_LANG_EN), 0);
    ck_assert_str_eq(buf, medins_value_citation(third));
    ck_assert_int_eq(medins_value_cite(buf, sizeof buf, NULL, NULL, MEDINS_LANG_EN),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_value_cite(buf, 4, &need, third, MEDINS_LANG_ZH), MEDINS_ERR_BUFFER);
    ck_assert_str_eq(buf, "第");
    ck_assert_str_eq(medins_value_citation(NULL), "");
    ck_assert_ptr_null(medins_value_source_kind(NULL));
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
    tc = tcase_create("trace");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, inpatient_trace);
    tcase_add_test(tc, capped_trace);
    tcase_add_test(tc, other_traces);
    tcase_add_test(tc, capitation_trace);
    suite_add_tcase(s, tc);
    tc = tcase_create("languages");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, steps_in_both_languages);
    tcase_add_test(tc, whole_explanation);
    tcase_add_test(tc, language_tags);
    tcase_add_test(tc, labels_and_citations);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(explain_suite)
