/*
 * Maternity payments through the test policies of tests/data/contrib/: 2015 flat amounts (B1)
 * and a complication ratio; 2023 amounts by delivery type, prenatal limits and the third child
 * (B3). These test the mechanism; the shipped policies' readings are in check_shipped.c.
 */
#include <string.h>

#include <medins.h>

#include "runner.h"

typedef struct maternity_case {
    const char *name, *file;
    medins_date date;
    medins_scheme scheme;
    medins_delivery delivery;
    int weeks, child;
    medins_fen prenatal_costs, complication_costs;
    medins_fen delivery_paid, prenatal_limit, prenatal, complication, total;
} maternity_case;

static const maternity_case cases[] = {
    /* B1: 3,800 employee, 2,280 resident, whatever the delivery type (2015 has no table). */
    {"2015 employee", "tj2015.yaml", 20150801, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_NATURAL,
     40, 1, 0, 0, Y(3800), 0, 0, 0, Y(3800)},
    {"2015 employee caesarean", "tj2015.yaml", 20150801, MEDINS_SCHEME_EMPLOYEE,
     MEDINS_DELIVERY_CAESAREAN, 39, 2, 0, 0, Y(3800), 0, 0, 0, Y(3800)},
    {"2015 resident", "tj2015.yaml", 20150801, MEDINS_SCHEME_RESIDENT, MEDINS_DELIVERY_NATURAL,
     40, 1, 0, 0, Y(2280), 0, 0, 0, Y(2280)},
    /* Complications 1,000 x 60% = 600; total 2,880. 2015 has no prenatal limits: 0 paid. */
    {"2015 resident complication", "tj2015.yaml", 20150801, MEDINS_SCHEME_RESIDENT,
     MEDINS_DELIVERY_NATURAL, 40, 1, Y(500), Y(1000), Y(2280), 0, 0, Y(600), Y(2880)},
    /* 333.33 x 60% = 199.998 -> 200.00. */
    {"2015 resident rounding", "tj2015.yaml", 20150801, MEDINS_SCHEME_RESIDENT,
     MEDINS_DELIVERY_NATURAL, 40, 1, 0, 33333, Y(2280), 0, 0, Y(200), Y(2480)},
    /* No complication ratio for employees: nothing paid on them. */
    {"2015 employee complication", "tj2015.yaml", 20150801, MEDINS_SCHEME_EMPLOYEE,
     MEDINS_DELIVERY_NATURAL, 40, 1, 0, Y(1000), Y(3800), 0, 0, 0, Y(3800)},
    /* No child-order limit in 2015. */
    {"2015 fourth child", "tj2015.yaml", 20150801, MEDINS_SCHEME_EMPLOYEE,
     MEDINS_DELIVERY_NATURAL, 40, 4, 0, 0, Y(3800), 0, 0, 0, Y(3800)},
    /* 2023 employee table: 3,000 / 3,100 / 3,600 / 3,800; prenatal limit >= 28 weeks: 1,100. */
    {"2023 natural", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_NATURAL,
     40, 1, Y(1500), 0, Y(3000), Y(1100), Y(1100), 0, Y(4100)},
    {"2023 assisted", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_ASSISTED,
     40, 1, Y(900), 0, Y(3100), Y(1100), Y(900), 0, Y(4000)},
    {"2023 caesarean", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_CAESAREAN,
     38, 2, 0, 0, Y(3600), Y(1100), 0, 0, Y(3600)},
    {"2023 caesarean complex", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE,
     MEDINS_DELIVERY_CAESAREAN_COMPLEX, 28, 1, Y(2000), 0, Y(3800), Y(1100), Y(1100), 0, Y(4900)},
    /* Prenatal bands (weeks_max exclusive): 11 weeks < 12 -> 400; 12 weeks -> 600; 27 -> 800. */
    {"2023 11 weeks", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_NATURAL,
     11, 1, Y(500), 0, Y(3000), Y(400), Y(400), 0, Y(3400)},
    {"2023 12 weeks", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_NATURAL,
     12, 1, Y(500), 0, Y(3000), Y(600), Y(500), 0, Y(3500)},
    {"2023 27 weeks", "tj2023.yaml", 20230615, MEDINS_SCHEME_EMPLOYEE, MEDINS_DELIVERY_NATURAL,
     27, 1, Y(800), 0, Y(3000), Y(800), Y(800), 0, Y(3800)},
    /* Residents: 2,280 any type; 20 weeks -> 540; complications 250.05 x 60% = 150.03. */
    {"2023 resident", "tj2023.yaml", 20230615, MEDINS_SCHEME_RESIDENT, MEDINS_DELIVERY_CAESAREAN,
     20, 3, Y(1000), 25005, Y(2280), Y(540), Y(540), 15003, 297003},
};

START_TEST(test_maternity)
{
    const maternity_case *c = &cases[_i];
    medins_policy *policy = medins_test_load("data/contrib/%s", c->file);
    medins_person person;
    medins_person_init(&person);
    if (c->scheme == MEDINS_SCHEME_RESIDENT) {
        person.scheme = MEDINS_SCHEME_RESIDENT;
        person.category = MEDINS_CATEGORY_ADULT;
        person.tier = MEDINS_TIER_LOW;
    }
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    in.delivery = c->delivery;
    in.weeks = c->weeks;
    in.child_order = c->child;
    in.prenatal_costs = c->prenatal_costs;
    in.complication_costs = c->complication_costs;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_maternity(&r, policy, &person, c->date, &in, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_maternity_figures *f = medins_result_maternity(r);
    ck_assert_msg(f != NULL && medins_result_get_kind(r) == MEDINS_RESULT_MATERNITY, "%s: kind", c->name);
    ck_assert_msg(f->delivery == c->delivery_paid, "%s: delivery %lld", c->name, (long long)f->delivery);
    ck_assert_msg(f->prenatal_limit == c->prenatal_limit, "%s: limit %lld", c->name, (long long)f->prenatal_limit);
    ck_assert_msg(f->prenatal == c->prenatal, "%s: prenatal %lld", c->name, (long long)f->prenatal);
    ck_assert_msg(f->complication == c->complication, "%s: complication %lld", c->name,
                  (long long)f->complication);
    ck_assert_msg(f->total == c->total, "%s: total %lld", c->name, (long long)f->total);
    /* The delivery line cites the row it used. */
    const medins_line *l = NULL;
    for (size_t i = 0; i < medins_result_line_count(r); i++)
        if (strcmp(medins_result_line(r, i)->rule, "maternity.delivery") == 0)
            l = medins_result_line(r, i);
    ck_assert_msg(l && l->amount == c->delivery_paid && l->source && l->line > 0,
                  "%s: delivery line", c->name);
    ck_assert_msg(medins_result_contribution(r) == NULL && medins_result_capitation(r) == NULL,
                  "%s: other accessors", c->name);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/*
 * The week bands that chose the prenatal row are values the payment used (tj2023.yaml cites
 * them to a third-party page): at 27 weeks an employee's row is the third (< 28), after the
 * bands < 12 and < 16 were compared; all three bands are listed, the open row's none, and none
 * of the residents' rows, which the employee's scheme skips.
 */
START_TEST(test_week_bands_recorded)
{
    medins_policy *policy = medins_test_load("data/contrib/tj2023.yaml");
    medins_person person;
    medins_person_init(&person);
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    in.weeks = 27;
    in.prenatal_costs = Y(1000);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_maternity(&r, policy, &person, 20230615, &in, NULL), 0);
    ck_assert_int_eq(medins_result_maternity(r)->prenatal_limit, Y(800));
    int bands = 0;
    for (size_t i = 0; i < medins_result_third_party_count(r); i++) {
        const char *path = medins_result_third_party(r, i)->path;
        if (strstr(path, "weeks_max")) {
            ck_assert_msg(!strcmp(path, "maternity.prenatal[0].weeks_max") ||
                          !strcmp(path, "maternity.prenatal[1].weeks_max") ||
                          !strcmp(path, "maternity.prenatal[2].weeks_max"), "listed: %s", path);
            bands++;
        }
    }
    ck_assert_int_eq(bands, 3);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* B1's employee amount cites the 2015 document at its own line. */
START_TEST(test_citation)
{
    medins_policy *policy = medins_test_load("data/contrib/tj2015.yaml");
    medins_person person;
    medins_person_init(&person);
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_maternity(&r, policy, &person, 20150301, &in, NULL), 0);
    const medins_line *l = medins_result_line(r, 0);
    ck_assert_str_eq(l->rule, "maternity.delivery");
    ck_assert_str_eq(l->source, "tj-2015-points");
    ck_assert_uint_eq(l->line, 35);
    ck_assert_msg(strstr(l->citation, "8th point") != NULL, "citation: %s", l->citation);
    ck_assert_msg(strstr(l->text, "3800.00") != NULL, "text: %s", l->text);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

typedef struct error_case {
    const char *name, *file;
    medins_date date;
    int delivery, weeks, child;
    medins_fen prenatal, complication;
    int code;
} error_case;

static const error_case errors[] = {
    {"fourth child 2023", "tj2023.yaml", 20230615, 0, 40, 4, 0, 0, MEDINS_ERR_NOT_COVERED},
    {"unknown delivery", "tj2023.yaml", 20230615, 4, 40, 1, 0, 0, MEDINS_ERR_INPUT},
    {"negative delivery", "tj2023.yaml", 20230615, -1, 40, 1, 0, 0, MEDINS_ERR_INPUT},
    {"negative weeks", "tj2023.yaml", 20230615, 0, -1, 1, 0, 0, MEDINS_ERR_INPUT},
    {"too many weeks", "tj2023.yaml", 20230615, 0, 51, 1, 0, 0, MEDINS_ERR_INPUT},
    {"child zero", "tj2023.yaml", 20230615, 0, 40, 0, 0, 0, MEDINS_ERR_INPUT},
    {"negative prenatal", "tj2023.yaml", 20230615, 0, 40, 1, -1, 0, MEDINS_ERR_INPUT},
    {"negative complication", "tj2023.yaml", 20230615, 0, 40, 1, 0, -100, MEDINS_ERR_INPUT},
    {"huge cost", "tj2023.yaml", 20230615, 0, 40, 1, MEDINS_FEN_MAX + 1, 0, MEDINS_ERR_OVERFLOW},
    {"date outside", "tj2023.yaml", 20220615, 0, 40, 1, 0, 0, MEDINS_ERR_DATE},
    {"no maternity section", "tj2017.yaml", 20170615, 0, 40, 1, 0, 0, MEDINS_ERR_NOT_COVERED},
};

START_TEST(test_errors)
{
    const error_case *c = &errors[_i];
    medins_policy *policy = medins_test_load("data/contrib/%s", c->file);
    medins_person person;
    medins_person_init(&person);
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    in.delivery = (medins_delivery)c->delivery;
    in.weeks = c->weeks;
    in.child_order = c->child;
    in.prenatal_costs = c->prenatal;
    in.complication_costs = c->complication;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_maternity(&r, policy, &person, c->date, &in, &err);
    ck_assert_msg(rc == c->code, "%s: status %d, expected %d", c->name, rc, c->code);
    ck_assert_msg(err && medins_error_code(err) == c->code, "%s: error object", c->name);
    ck_assert_msg(r == NULL, "%s: *out set on error", c->name);
    medins_error_free(err);
    medins_policy_free(policy);
}
END_TEST

/* A policy whose only delivery row is for caesareans does not cover a natural delivery. */
START_TEST(test_no_row)
{
    static const char yaml[] =
        "format: 1\n"
        "region: contribtest\n"
        "title: \"Caesareans only\"\n"
        "schemes: [employee]\n"
        "effective: {from: 2020-01-01, to: 2020-12-31}\n"
        "sources: [{id: s, title: \"A source\"}]\n"
        "maternity:\n"
        "  cite: \"s: 2\"\n"
        "  delivery: [{scheme: employee, delivery: [caesarean, caesarean_complex], amount: 5000}]\n";
    medins_policy *policy = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&policy, "caesarean.yaml", yaml, sizeof yaml - 1, NULL, NULL, &err);
    ck_assert_msg(rc == 0, "no row: load %d %s", rc, err ? medins_error_message(err) : "");
    medins_person person;
    medins_person_init(&person);
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_maternity(&r, policy, &person, 20200505, &in, NULL), MEDINS_ERR_NOT_COVERED);
    in.delivery = MEDINS_DELIVERY_CAESAREAN_COMPLEX;
    ck_assert_int_eq(medins_maternity(&r, policy, &person, 20200505, &in, NULL), 0);
    ck_assert_msg(medins_result_maternity(r)->total == Y(5000), "no row: complex caesarean");
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* The delivery words of docs/policy-format.md, "Maternity". */
START_TEST(test_names)
{
    static const char *const words[] = { "natural", "assisted", "caesarean", "caesarean_complex" };
    MEDINS_CHECK_WORDS(medins_delivery, MEDINS_DELIVERY_COUNT, medins_delivery_name, medins_delivery_parse,
                       words, "breech");
}
END_TEST

static Suite *maternity_suite(void)
{
    Suite *s = suite_create("maternity");
    TCase *tc = tcase_create("payments");
    tcase_add_loop_test(tc, test_maternity, 0, (int)(sizeof cases / sizeof *cases));
    tcase_add_test(tc, test_citation);
    tcase_add_test(tc, test_week_bands_recorded);
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof errors / sizeof *errors));
    tcase_add_test(tc, test_no_row);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(maternity_suite)
