/*
 * Contributions and individual accounts, computed through test policies in
 * tests/data/contrib/ whose numbers are the source documents' (fact ids of POLICY-FACTS.md).
 */
#include <string.h>

#include <medins.h>

#include "person.h"
#include "runner.h"

static medins_person resident(medins_category category, medins_tier tier, uint32_t groups)
{
    medins_person p;
    medins_person_init(&p);
    p.scheme = MEDINS_SCHEME_RESIDENT;
    p.category = category;
    p.tier = tier;
    p.groups = groups;
    return p;
}

/* The first line of a result with this rule, or NULL. */
static const medins_line *find_line(const medins_result *r, const char *rule)
{
    for (size_t i = 0; i < medins_result_line_count(r); i++)
        if (strcmp(medins_result_line(r, i)->rule, rule) == 0)
            return medins_result_line(r, i);
    return NULL;
}

/* ---- Residents ------------------------------------------------------------------------------ */

typedef struct resident_case {
    const char *name, *file;
    medins_date date;
    medins_category category;
    medins_tier tier;
    uint32_t groups;
    medins_fen individual, government, total;
    medins_tier paying, benefit;
    int state_pays_all;
} resident_case;

static const resident_case resident_cases[] = {
    /* C1, C2 (2015): subsidy 670; individual 80 students, 100 / 330 / 630 adults. */
    {"2015 student", "tj2015.yaml", 20150701, MEDINS_CATEGORY_STUDENT_CHILD, MEDINS_TIER_NONE, 0,
     Y(80), Y(670), Y(750), MEDINS_TIER_NONE, MEDINS_TIER_NONE, 0},
    {"2015 adult low", "tj2015.yaml", 20150701, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0,
     Y(100), Y(670), Y(770), MEDINS_TIER_LOW, MEDINS_TIER_LOW, 0},
    {"2015 adult middle", "tj2015.yaml", 20150101, MEDINS_CATEGORY_ADULT, MEDINS_TIER_MIDDLE, 0,
     Y(330), Y(670), Y(1000), MEDINS_TIER_MIDDLE, MEDINS_TIER_MIDDLE, 0},
    {"2015 adult high", "tj2015.yaml", 20151231, MEDINS_CATEGORY_ADULT, MEDINS_TIER_HIGH, 0,
     Y(630), Y(670), Y(1300), MEDINS_TIER_HIGH, MEDINS_TIER_HIGH, 0},
    /* C6: 830 = 100 + 730. C7: 120 / 350 / 650 + 730 = 850 / 1080 / 1380. */
    {"2017 student", "tj2017.yaml", 20170301, MEDINS_CATEGORY_STUDENT_CHILD, MEDINS_TIER_NONE, 0,
     Y(100), Y(730), Y(830), MEDINS_TIER_NONE, MEDINS_TIER_NONE, 0},
    {"2017 adult low", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0,
     Y(120), Y(730), Y(850), MEDINS_TIER_LOW, MEDINS_TIER_LOW, 0},
    {"2017 adult middle", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_MIDDLE, 0,
     Y(350), Y(730), Y(1080), MEDINS_TIER_MIDDLE, MEDINS_TIER_MIDDLE, 0},
    {"2017 adult high", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_HIGH, 0,
     Y(650), Y(730), Y(1380), MEDINS_TIER_HIGH, MEDINS_TIER_HIGH, 0},
    /* C9 + C8: a dibao adult who chose the low tier is financed at the middle tier, 1080, all
     * of it by the state: 350 individual share + 730 subsidy. */
    {"2017 dibao", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW,
     MEDINS_GROUP_DIBAO, 0, Y(1080), Y(1080), MEDINS_TIER_MIDDLE, MEDINS_TIER_MIDDLE, 1},
    /* C9, with the test file's assumption that marginal households pay their own share. */
    {"2017 marginal", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW,
     MEDINS_GROUP_MARGINAL, Y(350), Y(730), Y(1080), MEDINS_TIER_MIDDLE, MEDINS_TIER_MIDDLE, 0},
    /* C10: severely disabled within a dibao household: the first group row, high tier 1380,
     * all paid by the state, high-tier benefits. */
    {"2017 disabled dibao", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW,
     MEDINS_GROUP_DISABLED | MEDINS_GROUP_DIBAO, 0, Y(1380), Y(1380), MEDINS_TIER_HIGH,
     MEDINS_TIER_HIGH, 1},
    {"2017 five-guarantee dibao", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT,
     MEDINS_TIER_NONE, MEDINS_GROUP_FIVE_GUARANTEE | MEDINS_GROUP_DIBAO, 0, Y(1380), Y(1380),
     MEDINS_TIER_HIGH, MEDINS_TIER_HIGH, 1},
    /* C10 names five-guarantee persons within 低保 households only: alone, no group row
     * applies, and the low tier chosen is paid by the person, 120 + 730. */
    {"2017 five-guarantee alone", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT,
     MEDINS_TIER_LOW, MEDINS_GROUP_FIVE_GUARANTEE, Y(120), Y(730), Y(850), MEDINS_TIER_LOW,
     MEDINS_TIER_LOW, 0},
    /* C8: the severely disabled outside 低保 households, special hardship: no tier chosen, the
     * row's low tier 850, paid by the state. */
    {"2017 disabled alone", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_NONE,
     MEDINS_GROUP_DISABLED, 0, Y(850), Y(850), MEDINS_TIER_LOW, MEDINS_TIER_LOW, 1},
    {"2017 tekun", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_NONE,
     MEDINS_GROUP_TEKUN, 0, Y(850), Y(850), MEDINS_TIER_LOW, MEDINS_TIER_LOW, 1},
    /* A group raises the tiers, never lowers them. A dibao adult who chose the high tier keeps
     * it: the state pays the middle tier's individual share 350 and the subsidy 730, the person
     * the rest of the high tier's share, 650 - 350 = 300. A special-hardship adult who chose
     * the high tier: the state pays the low tier's 120, the person 650 - 120 = 530. A marginal
     * household that pays its own share (the file's assumption) and chose the high tier pays
     * all of it. */
    {"2017 dibao chose high", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_HIGH,
     MEDINS_GROUP_DIBAO, Y(300), Y(1080), Y(1380), MEDINS_TIER_HIGH, MEDINS_TIER_HIGH, 1},
    {"2017 tekun chose high", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_HIGH,
     MEDINS_GROUP_TEKUN, Y(530), Y(850), Y(1380), MEDINS_TIER_HIGH, MEDINS_TIER_HIGH, 1},
    {"2017 marginal chose high", "tj2017.yaml", 20170301, MEDINS_CATEGORY_ADULT,
     MEDINS_TIER_HIGH, MEDINS_GROUP_MARGINAL, Y(650), Y(730), Y(1380), MEDINS_TIER_HIGH,
     MEDINS_TIER_HIGH, 0},
    /* A student with a group: the student row (100 + 730) whatever the tier; the state pays the
     * student's 100 (C8). */
    {"2017 student tekun", "tj2017.yaml", 20170301, MEDINS_CATEGORY_STUDENT_CHILD,
     MEDINS_TIER_NONE, MEDINS_GROUP_TEKUN, 0, Y(830), Y(830), MEDINS_TIER_LOW, MEDINS_TIER_LOW, 1},
    /* C11, C12: 2023 high 980 + 1100 = 2080, low 350 + 610 = 960. */
    {"2023 adult high", "tj2023.yaml", 20230301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_HIGH, 0,
     Y(980), Y(1100), Y(2080), MEDINS_TIER_HIGH, MEDINS_TIER_HIGH, 0},
    {"2023 adult low", "tj2023.yaml", 20230301, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0,
     Y(350), Y(610), Y(960), MEDINS_TIER_LOW, MEDINS_TIER_LOW, 0},
    /* C13: students pay the low tier (350 + 610) and get high-tier benefits, whatever they chose. */
    {"2023 student", "tj2023.yaml", 20230301, MEDINS_CATEGORY_STUDENT_CHILD, MEDINS_TIER_NONE, 0,
     Y(350), Y(610), Y(960), MEDINS_TIER_LOW, MEDINS_TIER_HIGH, 0},
    {"2023 student chose high", "tj2023.yaml", 20230301, MEDINS_CATEGORY_STUDENT_CHILD,
     MEDINS_TIER_HIGH, 0, Y(350), Y(610), Y(960), MEDINS_TIER_LOW, MEDINS_TIER_HIGH, 0},
};

START_TEST(test_resident)
{
    const resident_case *c = &resident_cases[_i];
    medins_policy *policy = medins_test_load("data/contrib/%s", c->file);
    medins_person person = resident(c->category, c->tier, c->groups);
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_contribution(&r, policy, &person, c->date, NULL, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_contribution_figures *f = medins_result_contribution(r);
    ck_assert_msg(f != NULL, "%s: no figures", c->name);
    ck_assert_msg(f->individual == c->individual, "%s: individual %lld", c->name, (long long)f->individual);
    ck_assert_msg(f->government == c->government, "%s: government %lld", c->name, (long long)f->government);
    ck_assert_msg(f->total == c->total, "%s: total %lld", c->name, (long long)f->total);
    ck_assert_msg(f->employer == 0, "%s: employer %lld", c->name, (long long)f->employer);
    ck_assert_msg(f->total == f->individual + f->government, "%s: parts do not add up", c->name);
    ck_assert_msg((int)f->paying_tier == (int)c->paying, "%s: paying tier %d", c->name, (int)f->paying_tier);
    ck_assert_msg((int)f->benefit_tier == (int)c->benefit, "%s: benefit tier %d", c->name, (int)f->benefit_tier);
    ck_assert_msg(!f->state_pays_all == !c->state_pays_all, "%s: state_pays_all", c->name);
    /* The settlement engine sees the same benefit tier. */
    ck_assert_msg(mdn_benefit_tier(policy, &person) == (int)c->benefit, "%s: mdn_benefit_tier %d",
                  c->name, mdn_benefit_tier(policy, &person));
    /* Who pays what, each line citing the policy value. */
    const medins_line *ind = find_line(r, "contributions.resident.individual");
    const medins_line *sub = find_line(r, "contributions.resident.subsidy");
    ck_assert_msg(ind && sub, "%s: missing lines", c->name);
    ck_assert_msg(ind->source && sub->source && ind->line > 0 && sub->line > 0,
                  "%s: lines without citation", c->name);
    ck_assert_msg(sub->amount == f->subsidy, "%s: subsidy line %lld", c->name, (long long)sub->amount);
    /* A group row applied (its line says how the person is financed) for every case with
     * groups but the five-guarantee person outside a 低保 household. */
    ck_assert_msg(!f->group == (!c->groups || c->groups == MEDINS_GROUP_FIVE_GUARANTEE),
                  "%s: deciding groups 0x%x", c->name, (unsigned)f->group);
    ck_assert_msg(!find_line(r, "contributions.resident.groups") == !f->group,
                  "%s: group line", c->name);
    ck_assert_msg(medins_result_settlement(r) == NULL && medins_result_maternity(r) == NULL,
                  "%s: accessors of other kinds must give NULL", c->name);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* C7's middle tier cites its own row: tj2017.yaml line 24, source tj-2017-opinions. */
START_TEST(test_resident_citation)
{
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    medins_person person = resident(MEDINS_CATEGORY_ADULT, MEDINS_TIER_MIDDLE, 0);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_contribution(&r, policy, &person, 20170601, NULL, NULL), 0);
    const medins_line *l = find_line(r, "contributions.resident.individual");
    ck_assert_msg(l != NULL, "citation: no individual line");
    ck_assert_msg(l->amount == Y(350), "citation: amount %lld", (long long)l->amount);
    ck_assert_msg(strcmp(l->source, "tj-2017-opinions") == 0, "citation: source %s", l->source);
    ck_assert_msg(l->line == 24, "citation: line %u", l->line);
    ck_assert_msg(l->file && strstr(l->file, "tj2017.yaml"), "citation: file %s", l->file);
    ck_assert_msg(strstr(l->citation, "2017 contribution standards") != NULL, "citation: %s", l->citation);
    ck_assert_msg(!medins_result_uses_assumed(r), "citation: nothing assumed");
    medins_result_free(r);

    /* The marginal household's financing rests on an assumed value: the result says so. */
    person = resident(MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, MEDINS_GROUP_MARGINAL);
    ck_assert_int_eq(medins_contribution(&r, policy, &person, 20170601, NULL, NULL), 0);
    ck_assert_msg(medins_result_uses_assumed(r), "marginal: assumed value not reported");
    ck_assert_msg(medins_result_contribution(r)->assumed, "marginal: figures.assumed");
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* ---- Employees ------------------------------------------------------------------------------ */

typedef struct employee_case {
    const char *name;
    medins_fen wage;
    medins_employer_type type;
    medins_category category;
    medins_fen base, month_employer, month_individual, employer, individual;
} employee_case;

/* tj2015.yaml: employer 11% (C3, C4) or 8% (C5), individual 2%, base 2,966-14,832, +260 a year. */
static const employee_case employee_cases[] = {
    /* 5000 x 11% = 550, x 2% = 100; yearly 6600 and 1200 + 260 = 1460. */
    {"enterprise 5000", Y(5000), MEDINS_EMPLOYER_ENTERPRISE, MEDINS_CATEGORY_IN_SERVICE,
     Y(5000), Y(550), Y(100), Y(6600), Y(1460)},
    {"civil service 5000", Y(5000), MEDINS_EMPLOYER_CIVIL_SERVICE, MEDINS_CATEGORY_IN_SERVICE,
     Y(5000), Y(550), Y(100), Y(6600), Y(1460)},
    /* 5000 x 8% = 400; yearly 4800. */
    {"difficulty 5000", Y(5000), MEDINS_EMPLOYER_DIFFICULTY, MEDINS_CATEGORY_IN_SERVICE,
     Y(5000), Y(400), Y(100), Y(4800), Y(1460)},
    {"individual business 5000", Y(5000), MEDINS_EMPLOYER_INDIVIDUAL_BUSINESS,
     MEDINS_CATEGORY_RETIRED, Y(5000), Y(400), Y(100), Y(4800), Y(1460)},
    /* Below the floor: 2966 x 11% = 326.26, x 2% = 59.32; yearly 3915.12 and 711.84 + 260. */
    {"floor", Y(2000), MEDINS_EMPLOYER_ENTERPRISE, MEDINS_CATEGORY_IN_SERVICE,
     Y(2966), 32626, 5932, 391512, 97184},
    {"zero wage", 0, MEDINS_EMPLOYER_ENTERPRISE, MEDINS_CATEGORY_IN_SERVICE,
     Y(2966), 32626, 5932, 391512, 97184},
    /* Above the ceiling: 14832 x 11% = 1631.52, x 2% = 296.64; yearly 19578.24, 3559.68 + 260. */
    {"ceiling", Y(20000), MEDINS_EMPLOYER_ENTERPRISE, MEDINS_CATEGORY_IN_SERVICE,
     Y(14832), 163152, 29664, 1957824, 381968},
    /* Half-up: 3333.33 x 11% = 366.6663 -> 366.67; x 2% = 66.6666 -> 66.67. */
    {"rounding", 333333, MEDINS_EMPLOYER_ENTERPRISE, MEDINS_CATEGORY_IN_SERVICE,
     333333, 36667, 6667, 440004, 106004},
    /* 2966.25 x 2% = 59.325 -> 59.33 (a half fen rounds up). */
    {"half fen", 296625, MEDINS_EMPLOYER_ENTERPRISE, MEDINS_CATEGORY_IN_SERVICE,
     296625, 32629, 5933, 391548, 97196},
};

START_TEST(test_employee)
{
    const employee_case *c = &employee_cases[_i];
    medins_policy *policy = medins_test_load("data/contrib/tj2015.yaml");
    medins_person person;
    medins_person_init(&person);
    person.category = c->category;
    medins_employee_input in;
    medins_employee_input_init(&in);
    in.monthly_wage = c->wage;
    in.employer_type = c->type;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_contribution(&r, policy, &person, 20150601, &in, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_contribution_figures *f = medins_result_contribution(r);
    ck_assert_msg(f->wage_base == c->base, "%s: base %lld", c->name, (long long)f->wage_base);
    ck_assert_msg(f->monthly_employer == c->month_employer, "%s: monthly employer %lld", c->name,
                  (long long)f->monthly_employer);
    ck_assert_msg(f->monthly_individual == c->month_individual, "%s: monthly individual %lld",
                  c->name, (long long)f->monthly_individual);
    ck_assert_msg(f->employer == c->employer, "%s: employer %lld", c->name, (long long)f->employer);
    ck_assert_msg(f->individual == c->individual, "%s: individual %lld", c->name, (long long)f->individual);
    ck_assert_msg(f->fixed_yearly == Y(260), "%s: fixed %lld", c->name, (long long)f->fixed_yearly);
    ck_assert_msg(f->total == c->employer + c->individual && f->government == 0, "%s: total", c->name);
    const medins_line *l = find_line(r, "contributions.employee.employer");
    ck_assert_msg(l && l->amount == c->month_employer && l->base == c->base && l->source
                  && strcmp(l->source, "tj-2015-points") == 0, "%s: employer line", c->name);
    l = find_line(r, "contributions.employee.fixed_yearly");
    ck_assert_msg(l && l->line == 30 && strcmp(l->source, "cb-2016") == 0, "%s: fixed yearly line", c->name);
    /* cb-2016 is of kind third-party: the line says so, and the result lists the value (the
     * 260 a year) beside the assumed ones; tj-2015-points' employer rate is official. */
    ck_assert_msg(l->third_party && strncmp(l->citation, "third-party: China Briefing", 27) == 0,
                  "%s: fixed yearly citation %s", c->name, l->citation);
    int listed = 0;
    for (size_t i = 0; i < medins_result_third_party_count(r); i++) {
        const medins_value *v = medins_result_third_party(r, i);
        ck_assert_msg(strcmp(v->source, "cb-2016") == 0, "%s: %s listed as third-party", c->name,
                      v->path);
        listed |= strcmp(v->path, "contributions.employee.fixed_yearly") == 0;
    }
    ck_assert_msg(listed, "%s: the fixed yearly amount is not listed as third-party", c->name);
    ck_assert_msg(!find_line(r, "contributions.employee.employer")->third_party,
                  "%s: the employer rate is official", c->name);
    int clamped = c->base != c->wage;
    ck_assert_msg(!clamped == !(find_line(r, "contributions.employee.wage_base.floor")
                                || find_line(r, "contributions.employee.wage_base.ceiling")),
                  "%s: wage base line", c->name);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

/* ---- Bad input ------------------------------------------------------------------------------ */

static const char no_contrib_yaml[] =
    "format: 1\n"
    "region: contribtest\n"
    "title: \"No contributions\"\n"
    "schemes: [employee, resident]\n"
    "effective: {from: 2016-01-01, to: 2016-12-31}\n"
    "sources: [{id: s, title: \"A source\"}]\n"
    "maternity:\n"
    "  delivery: [{amount: 1000, cite: \"s: 1\"}]\n";

typedef struct error_case {
    const char *name;
    const char *file;          /* NULL: no_contrib_yaml */
    medins_date date;
    medins_scheme scheme;
    int category, tier;
    uint32_t groups;
    int with_input;
    medins_fen wage;
    int employer_type;
    int code;
} error_case;

static const error_case error_cases[] = {
    {"no section", NULL, 20160601, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0, 0, 0, 0, MEDINS_ERR_NOT_COVERED},
    {"no employee section", "tj2023.yaml", 20230601, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, 0, 0, 1, Y(5000), 0, MEDINS_ERR_NOT_COVERED},
    {"no middle tier in 2023", "tj2023.yaml", 20230601, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_MIDDLE, 0, 0, 0, 0, MEDINS_ERR_NOT_COVERED},
    {"adult without tier", "tj2017.yaml", 20170601, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_NONE, 0, 0, 0, 0, MEDINS_ERR_PERSON},
    {"unknown tier", "tj2017.yaml", 20170601, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, 7, 0, 0, 0, 0, MEDINS_ERR_PERSON},
    {"unknown group", "tj2017.yaml", 20170601, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 1u << 12, 0, 0, 0, MEDINS_ERR_PERSON},
    {"category of the other scheme", "tj2017.yaml", 20170601, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_RETIRED, MEDINS_TIER_LOW, 0, 0, 0, 0, MEDINS_ERR_PERSON},
    {"employee as adult", "tj2015.yaml", 20150601, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_ADULT, 0, 0, 1, Y(5000), 0, MEDINS_ERR_PERSON},
    {"unknown category", "tj2015.yaml", 20150601, MEDINS_SCHEME_EMPLOYEE, 9, 0, 0, 1, Y(5000), 0, MEDINS_ERR_PERSON},
    {"negative wage", "tj2015.yaml", 20150601, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, 0, 0, 1, -1, 0, MEDINS_ERR_INPUT},
    {"huge wage", "tj2015.yaml", 20150601, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, 0, 0, 1, MEDINS_FEN_MAX + 1, 0, MEDINS_ERR_OVERFLOW},
    {"unknown employer type", "tj2015.yaml", 20150601, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, 0, 0, 1, Y(5000), 4, MEDINS_ERR_INPUT},
    {"no employee input", "tj2015.yaml", 20150601, MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE, 0, 0, 0, 0, 0, MEDINS_ERR_ARGUMENT},
    {"date after the policy", "tj2015.yaml", 20160101, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0, 0, 0, 0, MEDINS_ERR_DATE},
    {"not a date", "tj2015.yaml", 20150230, MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0, 0, 0, 0, MEDINS_ERR_DATE},
};

START_TEST(test_errors)
{
    const error_case *c = &error_cases[_i];
    medins_policy *policy = NULL;
    if (c->file) {
        policy = medins_test_load("data/contrib/%s", c->file);
    } else {
        int rc = medins_policy_load_string(&policy, "nocontrib.yaml", no_contrib_yaml,
                                           sizeof no_contrib_yaml - 1, NULL, NULL, NULL);
        ck_assert_msg(rc == 0, "%s: loading the inline policy: %d", c->name, rc);
    }
    medins_person person;
    medins_person_init(&person);
    person.scheme = c->scheme;
    person.category = (medins_category)c->category;
    person.tier = (medins_tier)c->tier;
    person.groups = c->groups;
    medins_employee_input in;
    medins_employee_input_init(&in);
    in.monthly_wage = c->wage;
    in.employer_type = (medins_employer_type)c->employer_type;
    medins_result *r = (medins_result *)&in;   /* must stay untouched */
    medins_error *err = NULL;
    int rc = medins_contribution(&r, policy, &person, c->date, c->with_input ? &in : NULL, &err);
    ck_assert_msg(rc == c->code, "%s: status %d, expected %d", c->name, rc, c->code);
    ck_assert_msg(err && medins_error_code(err) == c->code, "%s: error object", c->name);
    ck_assert_msg(r == (medins_result *)&in, "%s: *out changed on error", c->name);
    medins_error_free(err);
    medins_policy_free(policy);
}
END_TEST

/* ---- Individual accounts -------------------------------------------------------------------- */

typedef struct account_case {
    const char *name;
    medins_category category;
    medins_fen wage, pension, costs;
    int serious;
    medins_fen credit, from_individual, from_employer, from_pool, to_pool, card;
    int may_withdraw;
} account_case;

/* tj2017.yaml: 11% / 2% (no base limits); individual 100% to the account, employer 0% (C14);
 * retirees 2% of last year's average pension (C15); 70% to the card (K1); 50,000 (K2). */
static const account_case account_cases[] = {
    /* 5000 x 2% = 100 all to the account; 550 to the pool; card 70 a month. */
    {"in service", MEDINS_CATEGORY_IN_SERVICE, Y(5000), 0, 0, 0,
     Y(100), Y(100), 0, 0, Y(550), Y(70), 0},
    /* 3333.33 x 2% = 66.67; card 66.67 x 70% = 46.669 -> 46.67; pool 366.67. */
    {"rounding", MEDINS_CATEGORY_IN_SERVICE, 333333, 0, 0, 0,
     6667, 6667, 0, 0, 36667, 4667, 0},
    /* 3000 x 2% = 60 from the pool; card 42. */
    {"retired", MEDINS_CATEGORY_RETIRED, 0, Y(3000), 0, 0, Y(60), 0, 0, Y(60), 0, Y(42), 0},
    /* K2: serious illness, costs above 50,000. */
    {"withdraw", MEDINS_CATEGORY_RETIRED, 0, Y(3000), Y(60000), 1, Y(60), 0, 0, Y(60), 0, Y(42), 1},
    {"at the threshold", MEDINS_CATEGORY_RETIRED, 0, Y(3000), Y(50000), 1, Y(60), 0, 0, Y(60), 0, Y(42), 0},
    {"not serious", MEDINS_CATEGORY_IN_SERVICE, Y(5000), 0, Y(60000), 0,
     Y(100), Y(100), 0, 0, Y(550), Y(70), 0},
};

START_TEST(test_account)
{
    const account_case *c = &account_cases[_i];
    medins_policy *policy = medins_test_load("data/contrib/tj2017.yaml");
    medins_person person;
    medins_person_init(&person);
    person.category = c->category;
    medins_account_input in;
    medins_account_input_init(&in);
    in.employee.monthly_wage = c->wage;
    in.last_year_pension = c->pension;
    in.year_costs = c->costs;
    in.serious_illness = c->serious;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_account(&r, policy, &person, 20170601, &in, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_account_figures *f = medins_result_account(r);
    ck_assert_msg(f != NULL && medins_result_contribution(r) == NULL, "%s: accessors", c->name);
    ck_assert_msg(f->monthly_credit == c->credit, "%s: credit %lld", c->name, (long long)f->monthly_credit);
    ck_assert_msg(f->from_individual == c->from_individual && f->from_employer == c->from_employer
                  && f->from_pool == c->from_pool, "%s: credit sources", c->name);
    ck_assert_msg(f->monthly_to_pool == c->to_pool, "%s: to pool %lld", c->name, (long long)f->monthly_to_pool);
    ck_assert_msg(f->monthly_card == c->card, "%s: card %lld", c->name, (long long)f->monthly_card);
    ck_assert_msg(f->yearly_credit == 12 * c->credit && f->yearly_card == 12 * c->card, "%s: yearly", c->name);
    ck_assert_msg(!f->may_withdraw == !c->may_withdraw, "%s: may_withdraw", c->name);
    const medins_line *l = find_line(r, "accounts.card_share");
    ck_assert_msg(l && l->line == 49 && l->ratio == 7000, "%s: card line", c->name);
    medins_result_free(r);
    medins_policy_free(policy);
}
END_TEST

START_TEST(test_account_errors)
{
    medins_policy *p2017 = medins_test_load("data/contrib/tj2017.yaml"),
                  *p2015 = medins_test_load("data/contrib/tj2015.yaml");
    medins_person person;
    medins_person_init(&person);
    medins_account_input in;
    medins_account_input_init(&in);
    in.employee.monthly_wage = Y(5000);
    medins_result *r = NULL;
    medins_error *err = NULL;

    ck_assert_int_eq(medins_account(&r, p2015, &person, 20150601, &in, &err), MEDINS_ERR_NOT_COVERED);
    medins_error_free(err);
    err = NULL;
    person = resident(MEDINS_CATEGORY_ADULT, MEDINS_TIER_LOW, 0);
    ck_assert_int_eq(medins_account(&r, p2017, &person, 20170601, &in, NULL), MEDINS_ERR_PERSON);
    medins_person_init(&person);
    in.year_costs = -1;
    ck_assert_int_eq(medins_account(&r, p2017, &person, 20170601, &in, NULL), MEDINS_ERR_INPUT);
    in.year_costs = 0;
    in.employee.monthly_wage = -5;
    ck_assert_int_eq(medins_account(&r, p2017, &person, 20170601, &in, NULL), MEDINS_ERR_INPUT);
    in.employee.monthly_wage = Y(5000);
    ck_assert_int_eq(medins_account(&r, p2017, &person, 20180101, &in, NULL), MEDINS_ERR_DATE);
    ck_assert_int_eq(medins_account(&r, p2017, &person, 20170601, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_msg(r == NULL, "account errors: *out set");
    medins_policy_free(p2017);
    medins_policy_free(p2015);
}
END_TEST

/*
 * ---- Binding: malformed sections are refused at the offending node ------------------------------
 * One table for the four sections this module family binds (contributions, accounts, maternity,
 * capitation), so that the harness is written once.
 */

typedef struct bind_case {
    const char *name;
    const char *section;       /* appended to bind_header, whose 6 lines come first */
    int code;
    unsigned line;
} bind_case;

static const char bind_header[] =
    "format: 1\n"
    "region: contribtest\n"
    "title: \"Bad\"\n"
    "schemes: [employee, resident]\n"
    "effective: {from: 2016-01-01, to: 2016-12-31}\n"
    "sources: [{id: s, title: \"A source\"}]\n";

static const bind_case bind_cases[] = {
    {"valid", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n", 0, 0},
    {"unknown row key", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers:\n      - {tier: low, individual: 1, subsidy: 2, bonus: 3}\n", MEDINS_ERR_UNKNOWN_KEY, 11},
    {"no tiers", "contributions:\n  cite: \"s: 1\"\n  resident:\n    groups: [{groups: [dibao], financed_at: high}]\n", MEDINS_ERR_MISSING, 10},
    {"group row without groups", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n    groups:\n      - {financed_at: high, state_pays_all: true}\n", MEDINS_ERR_MISSING, 12},
    {"within: unknown group word", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n    groups:\n      - {groups: [disabled], within: [nobody], financed_at: high}\n", MEDINS_ERR_TYPE, 12},
    {"within: empty list", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n    groups:\n      - {groups: [disabled], within: [], financed_at: high}\n", MEDINS_ERR_RANGE, 12},
    {"unknown tier word", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n    benefit_tier:\n      - {category: student_child, pays: medium, benefits: high}\n", MEDINS_ERR_TYPE, 12},
    {"benefit row without benefits", "contributions:\n  cite: \"s: 1\"\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n    benefit_tier:\n      - {category: student_child, pays: low}\n", MEDINS_ERR_MISSING, 12},
    {"subsidy uncited", "contributions:\n  resident:\n    tiers: [{tier: low, individual: 1, subsidy: 2}]\n", MEDINS_ERR_CITATION, 9},
    {"unknown employer type", "contributions:\n  cite: \"s: 1\"\n  employee:\n    rates:\n      - {employer_type: state, employer: 8%, individual: 2%}\n", MEDINS_ERR_TYPE, 11},
    {"rate without %", "contributions:\n  cite: \"s: 1\"\n  employee:\n    rates:\n      - {employer: 8, individual: 2%}\n", MEDINS_ERR_SYNTAX, 11},
    {"floor above ceiling", "contributions:\n  cite: \"s: 1\"\n  employee:\n    rates: [{employer: 8%, individual: 2%}]\n    wage_base:\n      floor: 5000\n      ceiling: 4000\n", MEDINS_ERR_RANGE, 12},
    {"accounts unknown key", "accounts:\n  cite: \"s: 1\"\n  card_share: 70%\n  bonus_share: 5%\n", MEDINS_ERR_UNKNOWN_KEY, 10},
    {"accounts ratio above 100%", "accounts:\n  cite: \"s: 1\"\n  retiree_credit: 102%\n", MEDINS_ERR_RANGE, 9},
    {"maternity without delivery", "maternity:\n  cite: \"s: 1\"\n  max_child_order: 3\n", MEDINS_ERR_MISSING, 8},
    {"unknown delivery word", "maternity:\n  cite: \"s: 1\"\n  delivery:\n    - {delivery: breech, amount: 100}\n", MEDINS_ERR_TYPE, 10},
    {"weeks_max not a count", "maternity:\n  cite: \"s: 1\"\n  delivery: [{amount: 100}]\n  prenatal:\n    - {weeks_max: twelve, amount: 100}\n", MEDINS_ERR_SYNTAX, 11},
    {"complication segments", "maternity:\n  cite: \"s: 1\"\n  delivery: [{amount: 100}]\n  complication_ratio:\n    - segments: [{from: 0, to: 10, ratio: 50%}, {from: 10, ratio: 60%}]\n", MEDINS_ERR_SEGMENTS, 11},
    {"capitation unknown disease", "capitation:\n  cite: \"s: 1\"\n  diseases:\n    - {disease: gout, rate: 100, period: month}\n", MEDINS_ERR_TYPE, 10},
    {"capitation without period", "capitation:\n  cite: \"s: 1\"\n  diseases:\n    - {disease: diabetes, rate: 100}\n", MEDINS_ERR_MISSING, 10},
    {"capitation without diseases", "capitation:\n  cite: \"s: 1\"\n  assessment: true\n", MEDINS_ERR_MISSING, 8},
    {"capitation uncited rate", "capitation:\n  diseases:\n    - {disease: diabetes, rate: 100, period: month}\n", MEDINS_ERR_CITATION, 9},
};

START_TEST(test_binding)
{
    const bind_case *c = &bind_cases[_i];
    char yaml[2048];
    int len = snprintf(yaml, sizeof yaml, "%s%s", bind_header, c->section);
    medins_policy *policy = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&policy, "bad.yaml", yaml, (size_t)len, NULL, NULL, &err);
    ck_assert_msg(rc == c->code, "%s: status %d, expected %d (%s)", c->name, rc, c->code,
                  err ? medins_error_message(err) : "");
    if (c->code) {
        ck_assert_msg(policy == NULL && err != NULL, "%s: error object", c->name);
        ck_assert_msg(medins_error_line(err) == c->line, "%s: line %u, expected %u (%s)", c->name,
                      medins_error_line(err), c->line, medins_error_message(err));
    }
    medins_error_free(err);
    medins_policy_free(policy);
}
END_TEST

/* The employer_type words of docs/policy-format.md, "Contributions". */
START_TEST(test_names)
{
    static const char *const words[] = { "enterprise", "civil_service", "difficulty", "individual_business" };
    MEDINS_CHECK_WORDS(medins_employer_type, MEDINS_EMPLOYER_TYPE_COUNT, medins_employer_type_name,
                       medins_employer_type_parse, words, "state");
    ck_assert_ptr_null(medins_result_contribution(NULL));
}
END_TEST

static Suite *contribution_suite(void)
{
    Suite *s = suite_create("contribution");
    TCase *tc = tcase_create("resident");
    tcase_add_loop_test(tc, test_resident, 0, (int)(sizeof resident_cases / sizeof *resident_cases));
    tcase_add_test(tc, test_resident_citation);
    suite_add_tcase(s, tc);
    tc = tcase_create("employee");
    tcase_add_loop_test(tc, test_employee, 0, (int)(sizeof employee_cases / sizeof *employee_cases));
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof error_cases / sizeof *error_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("accounts");
    tcase_add_loop_test(tc, test_account, 0, (int)(sizeof account_cases / sizeof *account_cases));
    tcase_add_test(tc, test_account_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("binding");
    tcase_add_loop_test(tc, test_binding, 0, (int)(sizeof bind_cases / sizeof *bind_cases));
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(contribution_suite)
