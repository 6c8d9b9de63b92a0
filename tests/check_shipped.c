/*
 * The shipped policies: every file loads (from the library and from policies/), each year is
 * found on the right side of its start date, and the numbers the source documents state come
 * out of the public API. Expected values are worked out by hand from the documents (fact ids of
 * POLICY-FACTS.md in brackets); values the documents do not give are the policies' assumed
 * ones, named as such in the working.
 */
#include <check.h>
#include <string.h>

#include <medins.h>

#include "model.h"
#include "runner.h"

static const char *const shipped_ids[] = {
    "tianjin/2015", "tianjin/2016", "tianjin/2017", "tianjin/2018", "tianjin/2021",
    "tianjin/2022", "tianjin/2023",
    "province/2022", "jiangsu/2017", "reforms/tianjin-2023-l3-plus5",
};
#define N_SHIPPED (sizeof shipped_ids / sizeof shipped_ids[0])

static medins_policy_set *open_embedded(void)
{
    medins_policy_set *set = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_set_open_embedded(&set, &err);
    ck_assert_msg(rc == 0, "embedded set: %s", err ? medins_error_message(err) : "?");
    return set;
}

static medins_policy_set *open_dir(void)
{
    char dir[1024];
    medins_policy_set *set = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_set_new(&set, NULL), 0);
    int rc = medins_policy_set_add_dir(set, medins_policies_path(dir, sizeof dir, "."), NULL, &err);
    ck_assert_msg(rc == 0, "policies/: %s:%u:%u: %s", err ? medins_error_file(err) : "?",
                  err ? medins_error_line(err) : 0, err ? medins_error_column(err) : 0,
                  err ? medins_error_message(err) : "?");
    return set;
}

static const medins_policy *get(const medins_policy_set *set, const char *id)
{
    const medins_policy *p = medins_policy_set_get(set, id);
    ck_assert_msg(p != NULL, "%s: not in the set", id);
    return p;
}

/* A claim of `total` for `kind` care at `level` on `date`. */
static medins_claim claim_of(medins_date date, medins_claim_kind kind, medins_level level,
                             medins_fen total)
{
    medins_claim claim;
    medins_claim_init(&claim);
    claim.date = date;
    claim.kind = kind;
    claim.level = level;
    claim.total = total;
    return claim;
}

/* ---- Loading ----------------------------------------------------------------------------- */

/* Each shipped file is in the embedded set and in the set read from policies/, with the same
 * values, and every value has a citation (a source or an assumed reason). */
START_TEST(test_load_each)
{
    const char *id = shipped_ids[_i];
    medins_policy_set *emb = open_embedded();
    medins_policy_set *dir = open_dir();
    const medins_policy *a = get(emb, id), *b = get(dir, id);
    ck_assert_msg(medins_policy_value_count(a) == medins_policy_value_count(b),
                  "%s: %zu values embedded, %zu from policies/", id,
                  medins_policy_value_count(a), medins_policy_value_count(b));
    for (size_t i = 0; i < medins_policy_value_count(b); i++) {
        const medins_value *v = medins_policy_value(b, i);
        ck_assert_msg(v->at && v->at[0], "%s: %s has no citation", id, v->path);
        ck_assert_msg(v->assumed || (v->source && medins_policy_find_source(b, v->source)),
                      "%s: %s cites an unknown source", id, v->path);
    }
    medins_policy_set_free(emb);
    medins_policy_set_free(dir);
}
END_TEST

/*
 * Citations a reader can check. A 2017 settlement's outpatient deductible line cites
 * "the 2017 briefing ... 4th aspect, item 2" by its title, issuer and date, and says it is a
 * reprint (seed 001 is a page of 思而思學網, an education website); no source or citation of any
 * shipped policy names a file of the source folder, which the project does not ship, or a fact
 * id of the policy-facts list ("(I4)"), which it does not ship either.
 */
START_TEST(test_citations_checkable)
{
    medins_policy_set *set = open_embedded();
    const medins_policy *p = get(set, "tianjin/2017");
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_claim claim = claim_of(20170601, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_1, Y(1000));
    medins_ledger ledger;
    medins_ledger_init(&ledger, 2017);
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
    const medins_line *d = NULL;
    for (size_t i = 0; i < medins_result_line_count(r) && !d; i++)
        if (medins_result_line(r, i)->part == MEDINS_PART_DEDUCTIBLE)
            d = medins_result_line(r, i);
    ck_assert_msg(d && strstr(d->citation, "Opinions on further improving the medical insurance system") &&
                  strstr(d->citation, "reprinted") &&
                  strstr(d->citation, "Tianjin Municipal Human Resources and Social Security Bureau") &&
                  strstr(d->citation, ", 2017), 4th aspect, item 2"), "citation: %s",
                  d ? d->citation : "(no deductible line)");
    medins_result_free(r);
    for (size_t k = 0; k < N_SHIPPED; k++) {
        const medins_policy *q = get(set, shipped_ids[k]);
        for (size_t i = 0; i < medins_policy_source_count(q); i++) {
            const medins_source *src = medins_policy_source(q, i);
            ck_assert_msg(!strstr(src->title, "seeds/") && !strstr(src->issuer, "seeds/"),
                          "%s: source %s names the source folder", shipped_ids[k], src->id);
            ck_assert_msg(strcmp(src->kind, "official") || (*src->issuer && *src->date),
                          "%s: official source %s without issuer or date", shipped_ids[k], src->id);
        }
        for (size_t i = 0; i < medins_policy_value_count(q); i++) {
            const medins_value *v = medins_policy_value(q, i);
            const mdn_val *val = (const mdn_val *)v;
            ck_assert_msg(!strstr(val->citation, "seeds/") && !strstr(val->citation, "seed 0"),
                          "%s: %s cites the source folder: %s", shipped_ids[k], v->path, val->citation);
            for (const char *c = val->citation; *c; c++)
                ck_assert_msg(!(c[0] == '(' && strchr("COIMABPK", c[1]) && c[2] >= '0' && c[2] <= '9'),
                              "%s: %s cites a fact id: %s", shipped_ids[k], v->path, val->citation);
        }
    }
    medins_policy_set_free(set);
}
END_TEST

/* The default region's latest year is complete for both schemes by inheritance. */
START_TEST(test_latest_complete)
{
    medins_policy_set *set = open_embedded();
    const medins_policy *p = NULL;
    ck_assert_str_eq(medins_default_region(), "tianjin");
    ck_assert_int_eq(medins_policy_set_lookup(&p, set, "tianjin", 20990101, NULL), 0);
    ck_assert_str_eq(medins_policy_id(p), "tianjin/2023");
    static const medins_section need[] = {
        MEDINS_SECTION_CONTRIBUTIONS, MEDINS_SECTION_OUTPATIENT, MEDINS_SECTION_PHARMACY,
        MEDINS_SECTION_SPECIAL_DISEASE, MEDINS_SECTION_INPATIENT, MEDINS_SECTION_MAJOR_DISEASE,
        MEDINS_SECTION_ASSISTANCE, MEDINS_SECTION_MATERNITY, MEDINS_SECTION_CAPITATION,
        MEDINS_SECTION_ACCOUNTS,
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
        ck_assert_msg(medins_policy_has_section(p, need[i]), "tianjin/2023 lacks %s",
                      medins_section_name(need[i]));
    medins_policy_set_free(set);
}
END_TEST

/* ---- Which year a date falls in ---------------------------------------------------------- */

typedef struct lookup_case {
    const char *region;
    medins_date date;
    const char *id;            /* NULL: no policy in force */
} lookup_case;

/* Each year's first day and the day before it (the end dates are those the policies choose:
 * 2015, 2016 and 2017 alone, 2018 to 2020-12-31, 2021 and 2022 alone, 2023 open). */
static const lookup_case lookups[] = {
    {"tianjin", 20141231, NULL},
    {"tianjin", 20150101, "tianjin/2015"},
    {"tianjin", 20151231, "tianjin/2015"},
    {"tianjin", 20160101, "tianjin/2016"},
    {"tianjin", 20161231, "tianjin/2016"},
    {"tianjin", 20170101, "tianjin/2017"},
    {"tianjin", 20171231, "tianjin/2017"},
    {"tianjin", 20180101, "tianjin/2018"},
    {"tianjin", 20201231, "tianjin/2018"},
    {"tianjin", 20210101, "tianjin/2021"},
    {"tianjin", 20211231, "tianjin/2021"},
    {"tianjin", 20220101, "tianjin/2022"},
    {"tianjin", 20221231, "tianjin/2022"},
    {"tianjin", 20230101, "tianjin/2023"},
    {"tianjin", 20991231, "tianjin/2023"},
    {"province", 20220630, NULL},
    {"province", 20220701, "province/2022"},
    {"jiangsu", 20170625, NULL},
    {"jiangsu", 20170626, "jiangsu/2017"},
};

START_TEST(test_lookup)
{
    const lookup_case *c = &lookups[_i];
    medins_policy_set *set = open_embedded();
    const medins_policy *p = NULL;
    int rc = medins_policy_set_lookup(&p, set, c->region, c->date, NULL);
    if (c->id) {
        ck_assert_msg(rc == 0, "%s %d: status %d", c->region, (int)c->date, rc);
        ck_assert_msg(strcmp(medins_policy_id(p), c->id) == 0, "%s %d: got %s, want %s",
                      c->region, (int)c->date, medins_policy_id(p), c->id);
    } else {
        ck_assert_msg(rc == MEDINS_ERR_NO_POLICY, "%s %d: status %d, want NO_POLICY", c->region,
                      (int)c->date, rc);
    }
    medins_policy_set_free(set);
}
END_TEST

/* ---- Settlements ------------------------------------------------------------------------- */

#define SKIP (-1)

typedef struct settle_case {
    const char *name;
    const char *policy;
    medins_scheme scheme;
    medins_category category;
    medins_tier tier;
    medins_date birth;
    uint32_t groups;
    int64_t family_doctor;
    medins_claim_kind kind;
    medins_level level;
    int64_t institution;
    medins_date date;
    medins_fen total;
    int admissions_before;         /* inpatient admissions already settled this year */
    medins_fen prior_outpatient;   /* last year's outpatient costs, SKIP: unknown */
    int status;                    /* expected status */
    medins_fen deductible, fund, major, assistance;   /* SKIP: not checked */
    medins_bp ratio;                                  /* SKIP: not checked */
} settle_case;

#define E MEDINS_SCHEME_EMPLOYEE
#define R MEDINS_SCHEME_RESIDENT
#define IN MEDINS_CATEGORY_IN_SERVICE
#define RET MEDINS_CATEGORY_RETIRED
#define AD MEDINS_CATEGORY_ADULT
#define NT MEDINS_TIER_NONE
#define LOW MEDINS_TIER_LOW
#define HIGH MEDINS_TIER_HIGH
#define OUT MEDINS_CLAIM_OUTPATIENT
#define INP MEDINS_CLAIM_INPATIENT
#define PHA MEDINS_CLAIM_PHARMACY
#define POOL MEDINS_CLAIM_POOLING
#define NC MEDINS_ERR_NOT_COVERED

static const settle_case settles[] = {
    /* [I1] first admission, level 2, employee in service, no known history: deductible 1100.
     * Fund (assumed 88% below 100,000): (10000 - 1100) x 88% = 7832. */
    {"I1 level 2 first admission", "tianjin/2017", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_2, 0, 20170310, Y(10000), 0, SKIP, 0, Y(1100), Y(7832), SKIP, SKIP, 8800},
    /* [I1] levels 1 and 3: 800 and 1700. */
    {"I1 level 1 first admission", "tianjin/2017", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_1, 0, 20170310, Y(10000), 0, SKIP, 0, Y(800), SKIP, SKIP, SKIP, SKIP},
    {"I1 level 3 first admission", "tianjin/2023", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_3, 0, 20230310, Y(10000), 0, SKIP, 0, Y(1700), SKIP, SKIP, SKIP, SKIP},
    /* [I2] second admission of the year: 270 / 350 / 500. */
    {"I2 level 2 second admission", "tianjin/2017", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_2, 0, 20170910, Y(10000), 1, SKIP, 0, Y(350), SKIP, SKIP, SKIP, SKIP},
    {"I2 level 3 third admission", "tianjin/2022", E, RET, NT, 19500101, 0, 0, INP,
     MEDINS_LEVEL_3, 0, 20220910, Y(10000), 2, SKIP, 0, Y(500), SKIP, SKIP, SKIP, SKIP},
    /* [I3] last year's outpatient costs 1000 <= 1500 (in service): first admission 500, later 0;
     * retired with 2400 <= 2500: 500; in service with 2000 > 1500: the normal 1100. */
    {"I3 in service thrifty first", "tianjin/2018", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_2, 0, 20180310, Y(10000), 0, Y(1000), 0, Y(500), SKIP, SKIP, SKIP, SKIP},
    {"I3 in service thrifty later", "tianjin/2018", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_3, 0, 20180310, Y(10000), 1, Y(1000), 0, 0, SKIP, SKIP, SKIP, SKIP},
    {"I3 retired thrifty first", "tianjin/2023", E, RET, NT, 19500101, 0, 0, INP,
     MEDINS_LEVEL_3, 0, 20230310, Y(10000), 0, Y(2400), 0, Y(500), SKIP, SKIP, SKIP, SKIP},
    {"I3 in service not thrifty", "tianjin/2018", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_2, 0, 20180310, Y(10000), 0, Y(2000), 0, Y(1100), SKIP, SKIP, SKIP, SKIP},
    /* [I4] employees' maximum 350,000: level 3, 1,000,000 in scope. Deductible 1700; the fund
     * would pay 100000 x 85% + 898300 x 90% = 893470 (assumed ratios), clamped to 350000. */
    {"I4 employee maximum", "tianjin/2017", E, IN, NT, 19800101, 0, 0, INP, MEDINS_LEVEL_3, 0,
     20170310, Y(1000000), 0, SKIP, 0, Y(1700), Y(350000), SKIP, SKIP, SKIP},
    /* [I4] residents' 180,000 in 2017, [I5] 250,000 from 2023. Low tier, level 1 (assumed 75%):
     * (1000000 - 800) x 75% = 749400, clamped. */
    {"I4 resident maximum 2017", "tianjin/2017", R, AD, LOW, 19800101, 0, 0, INP,
     MEDINS_LEVEL_1, 0, 20170310, Y(1000000), 0, SKIP, 0, Y(800), Y(180000), SKIP, SKIP, SKIP},
    {"I5 resident maximum 2023", "tianjin/2023", R, AD, LOW, 19800101, 0, 0, INP,
     MEDINS_LEVEL_1, 0, 20230310, Y(1000000), 0, SKIP, 0, Y(800), Y(250000), SKIP, SKIP, SKIP},
    /* [C9, I8] a 低保 resident: 2017 financed at the middle tier, whose inpatient ratio is 5
     * points above the low tier's: level 2, 70% + 5% = 75%. 2022 (no middle tier): the low
     * tier plus the I8 adjustment, also 75%. Without the group: 70%. */
    {"I8 dibao 2017", "tianjin/2017", R, AD, LOW, 19800101, MEDINS_GROUP_DIBAO, 0, INP,
     MEDINS_LEVEL_2, 0, 20170310, Y(10000), 0, SKIP, 0, Y(1100), SKIP, SKIP, SKIP, 7500},
    {"I8 dibao 2022", "tianjin/2022", R, AD, LOW, 19800101, MEDINS_GROUP_DIBAO, 0, INP,
     MEDINS_LEVEL_2, 0, 20220310, Y(10000), 0, SKIP, 0, Y(1100), SKIP, SKIP, SKIP, 7500},
    {"I8 no group 2022", "tianjin/2022", R, AD, LOW, 19800101, 0, 0, INP,
     MEDINS_LEVEL_2, 0, 20220310, Y(10000), 0, SKIP, 0, Y(1100), SKIP, SKIP, SKIP, 7000},
    /* [O1] outpatient deductible: in service 800; retired aged 65 on the claim date: 700; aged
     * 72: 650; retired aged 58: 800. [O2] residents 500. Employee level 1 at 75% (third-party):
     * (1000 - 800) x 75% = 150. */
    {"O1 in service", "tianjin/2017", E, IN, NT, 19800101, 0, 0, OUT, MEDINS_LEVEL_1, 0,
     20170310, Y(1000), 0, SKIP, 0, Y(800), Y(150), SKIP, SKIP, 7500},
    {"O1 retired 65", "tianjin/2017", E, RET, NT, 19520101, 0, 0, OUT, MEDINS_LEVEL_1, 0,
     20170310, Y(1000), 0, SKIP, 0, Y(700), SKIP, SKIP, SKIP, SKIP},
    {"O1 retired 72", "tianjin/2023", E, RET, NT, 19510101, 0, 0, OUT, MEDINS_LEVEL_2, 0,
     20230310, Y(1000), 0, SKIP, 0, Y(650), SKIP, SKIP, SKIP, SKIP},
    {"O1 retired 58", "tianjin/2017", E, RET, NT, 19590101, 0, 0, OUT, MEDINS_LEVEL_1, 0,
     20170310, Y(1000), 0, SKIP, 0, Y(800), SKIP, SKIP, SKIP, SKIP},
    /* [O2, O4] resident, level 1: deductible 500, (1000 - 500) x 50% = 250. */
    {"O2 O4 resident", "tianjin/2017", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_1, 0,
     20170310, Y(1000), 0, SKIP, 0, Y(500), Y(250), SKIP, SKIP, 5000},
    /* [O5] residents' outpatient scope: level 2 not covered in 2015, covered from 2017; level 3
     * from the 2022 notice, in force from its issue: "fully implement the liberalization of
     * residents' health insurance outpatient (emergency) clinic reimbursement policy of the
     * third-level hospitals" (002 Second (a), not among its 2023 changes). No ratio is given:
     * 50% (O4, assumed): (1000 - 500) x 50% = 250. The same paragraph raises the high grade's
     * ratio at levels 1 and 2 (5 points assumed): 55%, 275. */
    {"O5 level 2 in 2015", "tianjin/2015", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_2, 0,
     20150310, Y(1000), 0, SKIP, NC, SKIP, SKIP, SKIP, SKIP, SKIP},
    {"O5 level 2 in 2017", "tianjin/2017", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_2, 0,
     20170310, Y(1000), 0, SKIP, 0, Y(500), Y(250), SKIP, SKIP, SKIP},
    {"O5 level 3 before 2022", "tianjin/2017", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_3, 0,
     20170310, Y(1000), 0, SKIP, NC, SKIP, SKIP, SKIP, SKIP, SKIP},
    {"O5 level 3 in 2022", "tianjin/2022", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_3, 0,
     20220310, Y(1000), 0, SKIP, 0, Y(500), Y(250), SKIP, SKIP, 5000},
    {"O5 high grade level 1 in 2022", "tianjin/2022", R, AD, HIGH, 19800101, 0, 0, OUT,
     MEDINS_LEVEL_1, 0, 20220310, Y(1000), 0, SKIP, 0, Y(500), Y(275), SKIP, SKIP, 5500},
    {"O5 level 3 in 2023", "tianjin/2023", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_3, 0,
     20230310, Y(1000), 0, SKIP, 0, Y(500), Y(250), SKIP, SKIP, SKIP},
    /* [O6] outpatient maximum: employee, level 1, 20000: (20000 - 800) x 75% = 14400 > 5500;
     * resident: (20000 - 500) x 50% = 9750 > 3000. */
    {"O6 employee maximum", "tianjin/2017", E, IN, NT, 19800101, 0, 0, OUT, MEDINS_LEVEL_1, 0,
     20170310, Y(20000), 0, SKIP, 0, Y(800), Y(5500), SKIP, SKIP, SKIP},
    {"O6 resident maximum", "tianjin/2017", R, AD, LOW, 19800101, 0, 0, OUT, MEDINS_LEVEL_1, 0,
     20170310, Y(20000), 0, SKIP, 0, Y(500), Y(3000), SKIP, SKIP, SKIP},
    /* [O7] pharmacies from 2017, sharing the outpatient deductible: employee 1800: deductible
     * 800, (1800 - 800) x 65% = 650; resident 1000: 500, 500 x 50% = 250. Not in 2015. */
    {"O7 pharmacy employee", "tianjin/2017", E, IN, NT, 19800101, 0, 0, PHA,
     MEDINS_LEVEL_PHARMACY, 0, 20170310, Y(1800), 0, SKIP, 0, Y(800), Y(650), SKIP, SKIP, 6500},
    {"O7 pharmacy resident", "tianjin/2023", R, AD, LOW, 19800101, 0, 0, PHA,
     MEDINS_LEVEL_PHARMACY, 0, 20230310, Y(1000), 0, SKIP, 0, Y(500), Y(250), SKIP, SKIP, 5000},
    {"O7 no pharmacy in 2015", "tianjin/2015", E, IN, NT, 19800101, 0, 0, PHA,
     MEDINS_LEVEL_PHARMACY, 0, 20150310, Y(1000), 0, SKIP, NC, SKIP, SKIP, SKIP, SKIP, SKIP},
    /* [O8, O10] province, general outpatient pooling, in service at level 3: 50 per visit, then
     * 50% (the floor): (250 - 50) x 50% = 100. Level 2: 55%: 110. */
    {"O8 O10 pooling level 3", "province/2022", E, IN, NT, 19800101, 0, 0, POOL,
     MEDINS_LEVEL_3, 0, 20220801, Y(250), 0, SKIP, 0, Y(50), Y(100), SKIP, SKIP, 5000},
    {"O8 O10 pooling level 2", "province/2022", E, IN, NT, 19800101, 0, 0, POOL,
     MEDINS_LEVEL_2, 0, 20220801, Y(250), 0, SKIP, 0, Y(50), Y(110), SKIP, SKIP, 5500},
    /* [O10] retired: 10 points more: (250 - 50) x 65% = 130. */
    {"O10 pooling retired", "province/2022", E, RET, NT, 19500101, 0, 0, POOL,
     MEDINS_LEVEL_2, 0, 20220801, Y(250), 0, SKIP, 0, Y(50), Y(130), SKIP, SKIP, 6500},
    /* [O8, O10] grass-roots, at the contracted family doctor (institution 7): no deductible,
     * 55% + 5% = 60%: 250 x 60% = 150. Elsewhere at grass-roots level: 55%: 137.50. */
    {"O10 pooling family doctor", "province/2022", E, IN, NT, 19800101, 0, 7, POOL,
     MEDINS_LEVEL_PRIMARY, 7, 20220801, Y(250), 0, SKIP, 0, 0, Y(150), SKIP, SKIP, 6000},
    {"O8 pooling grass-roots", "province/2022", E, IN, NT, 19800101, 0, 7, POOL,
     MEDINS_LEVEL_PRIMARY, 8, 20220801, Y(250), 0, SKIP, 0, 0, 13750, SKIP, SKIP, 5500},
    /* [O9] maximum 1500 in service: (5050 - 50) x 55% = 2750 > 1500; retired 2000:
     * (5050 - 50) x 65% = 3250 > 2000. */
    {"O9 pooling maximum in service", "province/2022", E, IN, NT, 19800101, 0, 0, POOL,
     MEDINS_LEVEL_2, 0, 20220801, Y(5050), 0, SKIP, 0, Y(50), Y(1500), SKIP, SKIP, SKIP},
    {"O9 pooling maximum retired", "province/2022", E, RET, NT, 19500101, 0, 0, POOL,
     MEDINS_LEVEL_2, 0, 20220801, Y(5050), 0, SKIP, 0, Y(50), Y(2000), SKIP, SKIP, SKIP},
    /* [A1, C8] 2023, special-hardship resident of the low tier: C8 ("特殊困難家庭人員 ... 個人不
     * 繳費,由財政全額補助") names no tier and C10's high tier is for groups within 低保
     * households, so the low tier's own ratio: level 2, 70% (assumed). 10000: deductible 1100,
     * fund 8900 x 70% = 6230, burden 1100 + 2670 = 3770, below the assumed major-disease
     * deductible 15000; assistance ("special hardship ... does not set a starting line, the
     * proportion of assistance for 75%"): 3770 x 75% = 2827.50. */
    {"A1 tekun", "tianjin/2023", R, AD, LOW, 19800101, MEDINS_GROUP_TEKUN, 0, INP,
     MEDINS_LEVEL_2, 0, 20230310, Y(10000), 0, SKIP, 0, Y(1100), Y(6230), 0, 282750, 7000},
    /* [C13, C9, I8] A 低保 student in 2023: "Students and children in accordance with the
     * low-grade individual contribution standards, enjoy high-grade contribution reimbursement"
     * (002), and 低保 households' "住院報銷比例相應提高5個百分點" (001, 3rd aspect): the high
     * grade's level-2 ratio 70% + 10% (assumed step), plus 5: 85%. 10000: deductible 1100,
     * fund 8900 x 85% = 7565. Outpatient at level 1: the high grade's 50% + 5% (assumed raise
     * of 002 Second (a)) = 55%, the group adding nothing there: (1000 - 500) x 55% = 275. */
    {"C13 I8 dibao student inpatient", "tianjin/2023", R, MEDINS_CATEGORY_STUDENT_CHILD, LOW,
     20100101, MEDINS_GROUP_DIBAO, 0, INP, MEDINS_LEVEL_2, 0, 20230310, Y(10000), 0, SKIP, 0,
     Y(1100), Y(7565), SKIP, SKIP, 8500},
    {"C13 dibao student outpatient", "tianjin/2023", R, MEDINS_CATEGORY_STUDENT_CHILD, LOW,
     20100101, MEDINS_GROUP_DIBAO, 0, OUT, MEDINS_LEVEL_1, 0, 20230310, Y(1000), 0, SKIP, 0,
     Y(500), Y(275), SKIP, SKIP, 5500},
    /* [I8] 2022, a 低保 resident who chose the high grade keeps it: 70% + 10% + 5% = 85% at
     * level 2; 8900 x 85% = 7565. */
    {"I8 dibao high 2022", "tianjin/2022", R, AD, HIGH, 19800101, MEDINS_GROUP_DIBAO, 0, INP,
     MEDINS_LEVEL_2, 0, 20220310, Y(10000), 0, SKIP, 0, Y(1100), Y(7565), SKIP, SKIP, 8500},
    /* [A1] 低保: low tier + 5 (I8) = 75%: fund 8900 x 75% = 6675, burden 1100 + 2225 = 3325,
     * assistance 3325 x 70% = 2327.50. */
    {"A1 dibao", "tianjin/2023", R, AD, LOW, 19800101, MEDINS_GROUP_DIBAO, 0, INP,
     MEDINS_LEVEL_2, 0, 20230310, Y(10000), 0, SKIP, 0, Y(1100), Y(6675), 0, 232750, 7500},
    /* [A2] marginal family: 75% as above; 20000: fund 18900 x 75% = 14175, burden 1100 + 4725 =
     * 5825; assistance deductible 10% of 48976 (assumed reference income) = 4897.60; above it
     * 927.40 x 65% = 602.81. */
    {"A2 marginal", "tianjin/2023", R, AD, LOW, 19800101, MEDINS_GROUP_MARGINAL, 0, INP,
     MEDINS_LEVEL_2, 0, 20230310, Y(20000), 0, SKIP, 0, Y(1100), Y(14175), 0, 60281, 7500},
    /* [A1] no assistance before 2023: the same 低保 claim in 2022. */
    {"A1 not in 2022", "tianjin/2022", R, AD, LOW, 19800101, MEDINS_GROUP_DIBAO, 0, INP,
     MEDINS_LEVEL_2, 0, 20220310, Y(10000), 0, SKIP, 0, Y(1100), Y(6675), 0, 0, 7500},
    /* [M2] major-disease segments 5 points higher from 2023. Resident low tier, level 3 (assumed
     * 65%), 100000: deductible 1700, fund 98300 x 65% = 63895, burden 1700 + 34405 = 36105;
     * above the assumed 15000: 21105 x 50% = 10552.50 in 2022, x 55% = 11607.75 in 2023. */
    {"M2 major disease 2022", "tianjin/2022", R, AD, LOW, 19800101, 0, 0, INP, MEDINS_LEVEL_3, 0,
     20220310, Y(100000), 0, SKIP, 0, Y(1700), Y(63895), 1055250, 0, 6500},
    {"M2 major disease 2023", "tianjin/2023", R, AD, LOW, 19800101, 0, 0, INP, MEDINS_LEVEL_3, 0,
     20230310, Y(100000), 0, SKIP, 0, Y(1700), Y(63895), 1160775, 0, 6500},
    /* The example reform: level 3 five points higher: employee 85% + 5% = 90%:
     * (10000 - 1700) x 90% = 7470. */
    {"reform level 3", "reforms/tianjin-2023-l3-plus5", E, IN, NT, 19800101, 0, 0, INP,
     MEDINS_LEVEL_3, 0, 20230310, Y(10000), 0, SKIP, 0, Y(1700), Y(7470), SKIP, SKIP, 9000},
};

static void make_person(medins_person *p, const settle_case *c)
{
    medins_person_init(p);
    p->scheme = c->scheme;
    p->category = c->category;
    p->tier = c->tier;
    p->birth_date = c->birth;
    p->groups = c->groups;
    p->family_doctor = c->family_doctor;
}

/* The amount of the first line of `part`, or -1 when there is none. */
static medins_fen line_amount(const medins_result *r, medins_part part)
{
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *l = medins_result_line(r, i);
        if (l->part == part)
            return l->amount;
    }
    return -1;
}

START_TEST(test_settle)
{
    const settle_case *c = &settles[_i];
    medins_policy_set *set = open_embedded();
    const medins_policy *p = get(set, c->policy);
    medins_person person;
    make_person(&person, c);
    medins_claim claim;
    medins_claim_init(&claim);
    claim.date = c->date;
    claim.kind = c->kind;
    claim.level = c->level;
    claim.institution = c->institution;
    claim.total = c->total;
    medins_ledger ledger;
    medins_ledger_init(&ledger, c->date / 10000);
    if (c->prior_outpatient != SKIP) {
        ledger.prior_known = 1;
        ledger.prior_outpatient_costs = c->prior_outpatient;
    }
    medins_result *r = NULL;
    medins_error *err = NULL;
    /* Earlier admissions of the year, settled for real so that the ledger counts them. */
    for (int k = 0; k < c->admissions_before; k++) {
        medins_claim before = claim;
        before.date = (c->date / 10000) * 10000 + 110 + k;
        before.total = Y(1000);
        ck_assert_msg(medins_settle(&r, p, &person, &before, &ledger, NULL) == 0,
                      "%s: earlier admission %d", c->name, k + 1);
        medins_result_free(r);
        r = NULL;
    }
    int rc = medins_settle(&r, p, &person, &claim, &ledger, &err);
    ck_assert_msg(rc == c->status, "%s: status %d (%s), want %d", c->name, rc,
                  err ? medins_error_message(err) : "", c->status);
    medins_error_free(err);
    if (rc == 0) {
        const medins_settlement *s = medins_result_settlement(r);
        ck_assert_ptr_nonnull(s);
        if (c->deductible != SKIP) {
            ck_assert_msg(s->deductible == c->deductible, "%s: deductible %lld, want %lld",
                          c->name, (long long)s->deductible, (long long)c->deductible);
            /* The explanation's deductible line says the same (none when it is 0). */
            medins_fen line = line_amount(r, MEDINS_PART_DEDUCTIBLE);
            ck_assert_msg(line == c->deductible || (c->deductible == 0 && line <= 0),
                          "%s: deductible line %lld", c->name, (long long)line);
        }
        if (c->fund != SKIP)
            ck_assert_msg(s->fund == c->fund, "%s: fund %lld, want %lld", c->name,
                          (long long)s->fund, (long long)c->fund);
        if (c->major != SKIP)
            ck_assert_msg(s->major_disease == c->major, "%s: major disease %lld, want %lld",
                          c->name, (long long)s->major_disease, (long long)c->major);
        if (c->assistance != SKIP)
            ck_assert_msg(s->assistance == c->assistance, "%s: assistance %lld, want %lld",
                          c->name, (long long)s->assistance, (long long)c->assistance);
        if (c->ratio != SKIP)
            ck_assert_msg(s->ratio == c->ratio, "%s: ratio %d, want %d", c->name, (int)s->ratio,
                          (int)c->ratio);
        ck_assert_msg(s->total == s->fund + s->major_disease + s->assistance + s->patient,
                      "%s: parts do not add up", c->name);
    }
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

/* [O3] thrift: outpatient costs of 500 in 2017, within the 800 deductible, make 2018 a year
 * after one thrifty year: deductible 800 - 100 = 700. Three such years in a row: 800 - 300. */
/* The Tianjin policy in force on `date`. */
static const medins_policy *tianjin_on(const medins_policy_set *set, medins_date date)
{
    const medins_policy *p = NULL;
    ck_assert_msg(medins_policy_set_lookup(&p, set, "tianjin", date, NULL) == 0, "nothing on %d",
                  (int)date);
    return p;
}

START_TEST(test_thrift)
{
    medins_policy_set *set = open_embedded();
    const medins_policy *p;
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_ledger ledger;
    medins_ledger_init(&ledger, 2017);
    static const medins_fen want[] = {Y(800), Y(700), Y(600), Y(500), Y(500)};
    for (int year = 0; year < 5; year++) {
        medins_claim claim;
        medins_claim_init(&claim);
        claim.date = (2017 + year) * 10000 + 310;
        claim.level = MEDINS_LEVEL_1;
        claim.total = Y(500);
        p = tianjin_on(set, claim.date);
        medins_result *r = NULL;
        ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
        const medins_settlement *s = medins_result_settlement(r);
        /* The claim is 500, below every deductible: the deductible taken is the whole claim,
         * and what remained of the deductible shows in the deductible line's base. */
        ck_assert_msg(s->deductible == Y(500), "year %d: deductible taken %lld", 2017 + year,
                      (long long)s->deductible);
        medins_result_free(r);
        medins_claim_init(&claim);
        claim.date = (2017 + year) * 10000 + 311;
        claim.level = MEDINS_LEVEL_1;
        claim.total = Y(1000);
        /* A second claim after the first one's 500: the rest of the deductible, want - 500. */
        medins_ledger probe = ledger;
        ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &probe, NULL), 0);
        s = medins_result_settlement(r);
        ck_assert_msg(s->deductible == want[year] - Y(500), "year %d: deductible %lld, want %lld",
                      2017 + year, (long long)s->deductible, (long long)(want[year] - Y(500)));
        medins_result_free(r);
        ck_assert_int_eq(medins_ledger_close_year(&ledger, &ledger, p, &person, NULL), 0);
    }
    medins_policy_set_free(set);
}
END_TEST

/* [I6] The Opinions' worked example from 2017: an employee with 1000 of outpatient costs
 * in a year carries 5500 - 1000 = 4500 into the inpatient maximum: 350000 + 4500 = 354500; with
 * 500 the next year, 5000 more: 359500. */
static medins_fen inpatient_maximum(const medins_policy *p, const medins_person *person,
                                    medins_ledger *ledger, medins_date date)
{
    medins_claim claim = claim_of(date, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_2, Y(2000));
    medins_result *r = NULL;
    ck_assert_int_eq(medins_settle(&r, p, person, &claim, ledger, NULL), 0);
    medins_fen cap = -1;
    for (size_t i = 0; i < medins_result_line_count(r); i++) {
        const medins_line *l = medins_result_line(r, i);
        if (l->part == MEDINS_PART_INFO && l->rule && strstr(l->rule, "carry"))
            cap = l->amount;
    }
    medins_result_free(r);
    return cap;
}

START_TEST(test_carry_over)
{
    medins_policy_set *set = open_embedded();
    const medins_policy *p;
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_ledger ledger;
    medins_ledger_init(&ledger, 2017);
    static const medins_fen costs[] = {Y(1000), Y(500)};
    static const medins_fen carry[] = {Y(4500), Y(9500)};
    static const medins_fen maximum[] = {Y(354500), Y(359500)};
    for (int y = 0; y < 2; y++) {
        medins_claim claim;
        medins_claim_init(&claim);
        claim.date = (2017 + y) * 10000 + 601;
        claim.level = MEDINS_LEVEL_1;
        claim.total = costs[y];
        p = tianjin_on(set, claim.date);
        medins_result *r = NULL;
        ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
        medins_result_free(r);
        ck_assert_msg(ledger.outpatient_costs == costs[y], "year %d: outpatient costs %lld",
                      2017 + y, (long long)ledger.outpatient_costs);
        ck_assert_int_eq(medins_ledger_close_year(&ledger, &ledger, p, &person, NULL), 0);
        ck_assert_msg(ledger.carry_over == carry[y], "after %d: carry-over %lld, want %lld",
                      2017 + y, (long long)ledger.carry_over, (long long)carry[y]);
        medins_ledger probe = ledger;
        medins_fen cap = inpatient_maximum(tianjin_on(set, (2018 + y) * 10000 + 101), &person,
                                           &probe, (2018 + y) * 10000 + 101);
        ck_assert_msg(cap == maximum[y], "in %d: inpatient maximum %lld, want %lld", 2018 + y,
                      (long long)cap, (long long)maximum[y]);
    }
    medins_policy_set_free(set);
}
END_TEST

/* [O11] from 2023 the residents' outpatient burden counts toward major-disease insurance: a
 * level-1 claim of 1000 leaves 500 + 250 = 750 to the patient, added to the layer's base in
 * 2023 and not in 2022. */
START_TEST(test_outpatient_major_base)
{
    medins_policy_set *set = open_embedded();
    static const char *const ids[] = {"tianjin/2022", "tianjin/2023"};
    static const medins_fen want[] = {0, Y(750)};
    for (int i = 0; i < 2; i++) {
        const medins_policy *p = get(set, ids[i]);
        medins_person person;
        medins_person_init(&person);
        person.scheme = MEDINS_SCHEME_RESIDENT;
        person.category = MEDINS_CATEGORY_ADULT;
        person.tier = MEDINS_TIER_LOW;
        person.birth_date = 19800101;
        medins_claim claim;
        medins_claim_init(&claim);
        claim.date = (2022 + i) * 10000 + 310;
        claim.level = MEDINS_LEVEL_1;
        claim.total = Y(1000);
        medins_ledger ledger;
        medins_ledger_init(&ledger, 2022 + i);
        medins_result *r = NULL;
        ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
        medins_result_free(r);
        ck_assert_msg(ledger.major_base == want[i], "%s: major-disease base %lld, want %lld",
                      ids[i], (long long)ledger.major_base, (long long)want[i]);
    }
    medins_policy_set_free(set);
}
END_TEST

/*
 * [I5] "From 2023, the maximum payment limit for inpatient hospitalization (excluding outpatient
 * chronic special diseases) under the residents' health insurance has been raised to 250,000
 * yuan" (002 Second (a)): a resident whose inpatient fund payments have reached the 250,000 is
 * still paid for a special disease, 10,000 at level 3 at 65% (assumed, no deductible): 6,500,
 * kept in the residents' special-disease pool (the ledger's `pooling` pool), not the inpatient
 * one; and one whose special-disease payments reached their own (assumed) 180,000 is still paid
 * for an admission: 10,000 at level 1, deductible 800, 9,200 x 75% = 6,900. In 2022 special
 * diseases share the inpatient pool and its 180,000 (I4): reached, they are paid nothing.
 * Employees keep the one pool in 2023: their special disease goes to the inpatient pool.
 */
static medins_fen settle_after(const medins_policy *p, medins_scheme scheme, medins_claim_kind kind,
                               medins_level level, medins_date date, int pool, medins_fen fund,
                               medins_ledger *ledger)
{
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19700101;
    if (scheme == MEDINS_SCHEME_RESIDENT) {
        person.scheme = scheme;
        person.category = MEDINS_CATEGORY_ADULT;
        person.tier = MEDINS_TIER_LOW;
    }
    medins_ledger_init(ledger, date / 10000);
    ledger->seq = 1;
    ledger->last_date = date / 10000 * 10000 + 101;
    ledger->position[pool] = 2 * fund;
    ledger->fund[pool] = fund;
    medins_claim claim = claim_of(date, kind, level, Y(10000));
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle(&r, p, &person, &claim, ledger, &err);
    ck_assert_msg(rc == 0, "%s: %s", medins_policy_id(p), err ? medins_error_message(err) : "");
    medins_fen paid = medins_result_settlement(r)->fund;
    medins_result_free(r);
    return paid;
}

START_TEST(test_special_disease_maximum)
{
    medins_policy_set *set = open_embedded();
    const medins_policy *p23 = get(set, "tianjin/2023"), *p22 = get(set, "tianjin/2022");
    const medins_scheme R_ = MEDINS_SCHEME_RESIDENT, E_ = MEDINS_SCHEME_EMPLOYEE;
    medins_ledger l;
    medins_fen paid = settle_after(p23, R_, MEDINS_CLAIM_SPECIAL_DISEASE, MEDINS_LEVEL_3, 20230601,
                                   MEDINS_POOL_INPATIENT, Y(250000), &l);
    ck_assert_msg(paid == Y(6500), "2023 special disease after the inpatient maximum: %lld", (long long)paid);
    ck_assert_msg(l.fund[MEDINS_POOL_POOLING] == Y(6500) && l.fund[MEDINS_POOL_INPATIENT] == Y(250000),
                  "2023: special disease counted in pool %lld / inpatient %lld",
                  (long long)l.fund[MEDINS_POOL_POOLING], (long long)l.fund[MEDINS_POOL_INPATIENT]);
    paid = settle_after(p23, R_, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_1, 20230601,
                        MEDINS_POOL_POOLING, Y(180000), &l);
    ck_assert_msg(paid == Y(6900), "2023 admission after the special-disease maximum: %lld", (long long)paid);
    paid = settle_after(p23, R_, MEDINS_CLAIM_SPECIAL_DISEASE, MEDINS_LEVEL_3, 20230601,
                        MEDINS_POOL_POOLING, Y(180000), &l);
    ck_assert_msg(paid == 0, "2023 special disease after its own maximum: %lld", (long long)paid);
    paid = settle_after(p22, R_, MEDINS_CLAIM_SPECIAL_DISEASE, MEDINS_LEVEL_3, 20220601,
                        MEDINS_POOL_INPATIENT, Y(180000), &l);
    ck_assert_msg(paid == 0, "2022 special disease after the shared maximum: %lld", (long long)paid);
    /* Employees, 2023: 10,000 at 85% (assumed) = 8,500, in the inpatient pool. */
    paid = settle_after(p23, E_, MEDINS_CLAIM_SPECIAL_DISEASE, MEDINS_LEVEL_3, 20230601,
                        MEDINS_POOL_INPATIENT, Y(1000), &l);
    ck_assert_msg(paid == Y(8500) && l.fund[MEDINS_POOL_INPATIENT] == Y(9500),
                  "2023 employee special disease: %lld, inpatient pool %lld", (long long)paid,
                  (long long)l.fund[MEDINS_POOL_INPATIENT]);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Special groups never make anyone worse off ------------------------------------------ */

/*
 * The documents' special groups (C8-C10, I8, A1, A2): each is a financing (who pays,
 * at which tier), points added to the person's own ratios, or a layer of assistance. None may
 * make a person worse off. For every shipped policy and every group flag, random persons,
 * ledgers and claims: the person with the flag added, settling the same claim from the same
 * ledger, gets at least the fund's payment and pays at most what the person without it pays
 * (and is covered whenever they are); their individual contribution is not higher and their
 * benefit tier not lower. Fixed seeds: a failure names the policy, flag, person and claim.
 */
static uint64_t rng_next(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static int64_t rng_below(uint64_t *x, int64_t n)
{
    return (int64_t)(rng_next(x) % (uint64_t)n);
}

/* An amount in fen between 10 and 10^(1 + scale) yuan, spread evenly on a log scale. */
static medins_fen rng_amount(uint64_t *x, int scale)
{
    medins_fen v = Y(10);
    for (int i = rng_below(x, 1 + 10 * scale); i > 0; i--)
        v += v / 4 + 1;
    return v + rng_below(x, v / 3 + 1);
}

static void random_person(medins_person *p, uint64_t *x)
{
    medins_person_init(p);
    if (rng_below(x, 4) > 0) {
        p->scheme = MEDINS_SCHEME_RESIDENT;
        p->category = rng_below(x, 3) ? MEDINS_CATEGORY_ADULT : MEDINS_CATEGORY_STUDENT_CHILD;
        p->tier = (medins_tier)rng_below(x, MEDINS_TIER_COUNT);
        if (p->category == MEDINS_CATEGORY_ADULT && p->tier == MEDINS_TIER_NONE)
            p->tier = MEDINS_TIER_LOW;
        p->birth_date = p->category == MEDINS_CATEGORY_ADULT ? 19400101 + 10000 * (int)rng_below(x, 60)
                                                             : 20050315;
    } else {
        p->category = rng_below(x, 2) ? MEDINS_CATEGORY_IN_SERVICE : MEDINS_CATEGORY_RETIRED;
        p->birth_date = 19350101 + 10000 * (int)rng_below(x, 50) + 100 * (int)rng_below(x, 12);
    }
    for (uint32_t g = 1; g & MEDINS_GROUP_ALL; g <<= 1)
        if (rng_below(x, 5) == 0)
            p->groups |= g;
    p->family_doctor = rng_below(x, 3) == 0 ? 7 : 0;
}

static void random_claim(medins_claim *c, uint64_t *x, medins_date date)
{
    medins_claim_init(c);
    c->date = date;
    c->kind = (medins_claim_kind)rng_below(x, MEDINS_CLAIM_KIND_COUNT);
    c->level = c->kind == MEDINS_CLAIM_PHARMACY ? MEDINS_LEVEL_PHARMACY
                                                : (medins_level)rng_below(x, MEDINS_LEVEL_3 + 1);
    c->institution = rng_below(x, 2) ? 7 : 8;
    c->total = rng_amount(x, c->kind == MEDINS_CLAIM_INPATIENT ? 5 : 3);
    if (rng_below(x, 4) == 0)
        c->self_paid = rng_below(x, c->total / 10 + 1);
    if (rng_below(x, 4) == 0)
        c->category_b = rng_below(x, c->total / 10 + 1);
}

START_TEST(test_groups_never_lower)
{
    const char *id = shipped_ids[_i];
    medins_policy_set *set = open_embedded();
    const medins_policy *p = get(set, id);
    const medins_date from = medins_policy_effective_from(p), to = medins_policy_effective_to(p);
    const int32_t year = from / 10000;
    /* Earlier claims on the first day in force, the claim compared on the year's last. */
    const medins_date last = to && to < year * 10000 + 1231 ? to : year * 10000 + 1231;
    const int trials = getenv("MEDINS_TEST_QUICK") ? 60 : 400;
    const int resident_contributions = medins_policy_has_section(p, MEDINS_SECTION_CONTRIBUTIONS);
    uint64_t x = 0x9E3779B97F4A7C15ull ^ (uint64_t)(_i + 1) * 0xD1B54A32D192ED03ull;
    long settled = 0;
    for (uint32_t flag = 1; flag & MEDINS_GROUP_ALL; flag <<= 1) {
        for (int t = 0; t < trials; t++) {
            medins_person without, with;
            random_person(&without, &x);
            without.groups &= ~flag;
            with = without;
            with.groups |= flag;
            medins_ledger ledger;
            medins_ledger_init(&ledger, year);
            ledger.thrifty_years = (int32_t)rng_below(&x, 4);
            ledger.carry_over = rng_below(&x, 2) ? rng_amount(&x, 3) : 0;
            if (rng_below(&x, 2)) {
                ledger.prior_known = 1;
                ledger.prior_outpatient_costs = rng_amount(&x, 3);
            }
            /* A year's earlier claims, settled as the person without the flag. */
            for (int k = (int)rng_below(&x, 4); k > 0; k--) {
                medins_claim before;
                random_claim(&before, &x, from);
                medins_result *r = NULL;
                if (medins_settle_ex(&r, p, &without, &before, &ledger, MEDINS_TEST_NO_LINES,
                                     NULL) == 0)
                    medins_result_free(r);
            }
            medins_claim claim;
            random_claim(&claim, &x, last);
            medins_ledger l0 = ledger, l1 = ledger;
            medins_result *r0 = NULL, *r1 = NULL;
            int rc0 = medins_settle_ex(&r0, p, &without, &claim, &l0, MEDINS_TEST_NO_LINES, NULL);
            int rc1 = medins_settle_ex(&r1, p, &with, &claim, &l1, MEDINS_TEST_NO_LINES, NULL);
            if (rc0 == 0) {
                const medins_settlement *s0 = medins_result_settlement(r0);
                const medins_settlement *s1 = rc1 == 0 ? medins_result_settlement(r1) : NULL;
                ck_assert_msg(s1 && s1->fund >= s0->fund && s1->patient <= s0->patient,
                              "%s, +%s: scheme %d category %d tier %d groups 0x%x, %s at %s of "
                              "%lld fen: status %d, fund %lld -> %lld, patient %lld -> %lld", id,
                              medins_group_name(flag), without.scheme, without.category,
                              without.tier, without.groups, medins_claim_kind_name(claim.kind),
                              medins_level_name(claim.level), (long long)claim.total, rc1,
                              (long long)s0->fund, s1 ? (long long)s1->fund : -1,
                              (long long)s0->patient, s1 ? (long long)s1->patient : -1);
                settled++;
            }
            medins_result_free(r0);
            medins_result_free(r1);
            if (!resident_contributions || without.scheme != MEDINS_SCHEME_RESIDENT)
                continue;
            rc0 = medins_contribution(&r0, p, &without, last, NULL, NULL);
            rc1 = rc0 == 0 ? medins_contribution(&r1, p, &with, last, NULL, NULL) : 0;
            if (rc0 == 0) {
                const medins_contribution_figures *f0 = medins_result_contribution(r0);
                const medins_contribution_figures *f1 = rc1 == 0 ? medins_result_contribution(r1) : NULL;
                ck_assert_msg(f1 && f1->individual <= f0->individual &&
                              f1->benefit_tier >= f0->benefit_tier,
                              "%s, +%s: category %d tier %d groups 0x%x: status %d, individual "
                              "%lld -> %lld, benefit tier %d -> %d", id, medins_group_name(flag),
                              without.category, without.tier, without.groups, rc1,
                              (long long)f0->individual, f1 ? (long long)f1->individual : -1,
                              f0->benefit_tier, f1 ? (int)f1->benefit_tier : -1);
                medins_result_free(r0);
                medins_result_free(r1);
            }
        }
    }
    /* Every policy with settlement sections settled a good share of the pairs. */
    if (medins_policy_has_section(p, MEDINS_SECTION_OUTPATIENT) ||
        medins_policy_has_section(p, MEDINS_SECTION_OUTPATIENT_POOLING))
        ck_assert_msg(settled >= trials / 4, "%s: only %ld claims settled", id, settled);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Contributions ----------------------------------------------------------------------- */

typedef struct resident_case {
    const char *name;
    const char *policy;
    medins_date date;
    medins_category category;
    medins_tier tier;
    uint32_t groups;
    medins_fen individual, government, total;
    medins_tier benefit_tier;
} resident_case;

static const resident_case residents[] = {
    /* [C1, C2] 2015: subsidy 670; individual 90 + 10 = 100 (low), 330, 630; students 70 + 10. */
    {"C1 C2 2015 low", "tianjin/2015", 20150601, AD, LOW, 0, Y(100), Y(670), Y(770), LOW},
    {"C2 2015 high", "tianjin/2015", 20150601, AD, HIGH, 0, Y(630), Y(670), Y(1300), HIGH},
    {"C2 2015 student", "tianjin/2015", 20150601, MEDINS_CATEGORY_STUDENT_CHILD, LOW, 0,
     Y(80), Y(670), Y(750), LOW},
    /* [C6] 2017 students and children: 100 + 730 = 830. */
    {"C6 2017 student", "tianjin/2017", 20170601, MEDINS_CATEGORY_STUDENT_CHILD, LOW, 0,
     Y(100), Y(730), Y(830), LOW},
    /* [C7] adults: 120 / 350 / 650 + 730 = 850 / 1080 / 1380. */
    {"C7 2017 low", "tianjin/2017", 20170601, AD, LOW, 0, Y(120), Y(730), Y(850), LOW},
    {"C7 2017 middle", "tianjin/2017", 20170601, AD, MEDINS_TIER_MIDDLE, 0, Y(350), Y(730),
     Y(1080), MEDINS_TIER_MIDDLE},
    {"C7 2017 high", "tianjin/2017", 20170601, AD, HIGH, 0, Y(650), Y(730), Y(1380), HIGH},
    /* [C8, C9] 低保: financed at the middle tier 1080, all by the government. */
    {"C9 2017 dibao", "tianjin/2017", 20170601, AD, LOW, MEDINS_GROUP_DIBAO, 0, Y(1080),
     Y(1080), MEDINS_TIER_MIDDLE},
    /* [C10] single parent in a 低保 household: the high tier 1380, all by the government. */
    {"C10 2017 single parent", "tianjin/2017", 20170601, AD, LOW,
     MEDINS_GROUP_SINGLE_PARENT | MEDINS_GROUP_DIBAO, 0, Y(1380), Y(1380), HIGH},
    /* [C8, C10] "對低保戶和低保邊緣戶當中的的重殘...按高檔1380元籌資" names the severely
     * disabled within 低保 households; outside them C8 ("對重度殘疾人...個人不繳費,由財政全額
     * 補助") names no tier: the low tier 850 (120 + 730), all by the government. */
    {"C8 2017 disabled alone", "tianjin/2017", 20170601, AD, LOW, MEDINS_GROUP_DISABLED, 0,
     Y(850), Y(850), LOW},
    /* [C9] a 低保 resident who chose the high tier keeps it: C9 moves 低保 households "由低檔
     * 850元調整為中檔1080元", up, never down. The government pays the middle tier's individual
     * share 350 and the subsidy 730; the person the rest of the high tier's share, 650 - 350 =
     * 300. Total 1380. */
    {"C9 2017 dibao chose high", "tianjin/2017", 20170601, AD, HIGH, MEDINS_GROUP_DIBAO,
     Y(300), Y(1080), Y(1380), HIGH},
    /* [002 First (C)] elderly people on living allowance "voluntarily choose their contribution
     * level ... and will no longer implement the system of deduction from the living allowance":
     * in 2022 one who chose the high grade pays it, 950 + 1100 = 2050, with its benefits. */
    {"C8 2022 elderly chose high", "tianjin/2022", 20220601, AD, HIGH,
     MEDINS_GROUP_LOW_INCOME_ELDERLY, Y(950), Y(1100), Y(2050), HIGH},
    /* [C11, C12] 2022: low 350 - 30 = 320 + 610 = 930; high 980 - 30 = 950 + 1100 = 2050. */
    {"C11 C12 2022 low", "tianjin/2022", 20220601, AD, LOW, 0, Y(320), Y(610), Y(930), LOW},
    {"C11 C12 2022 high", "tianjin/2022", 20220601, AD, HIGH, 0, Y(950), Y(1100),
     Y(2050), HIGH},
    /* [C12] 2023 individual 980 and 350 (subsidies assumed: 1100 + 30, 610 + 30). */
    {"C12 2023 high", "tianjin/2023", 20230601, AD, HIGH, 0, Y(980), Y(1130), Y(2110), HIGH},
    {"C12 2023 low", "tianjin/2023", 20230601, AD, LOW, 0, Y(350), Y(640), Y(990), LOW},
    /* [C13] students pay the low grade and get the high grade's benefits, whatever they chose. */
    {"C13 2023 student", "tianjin/2023", 20230601, MEDINS_CATEGORY_STUDENT_CHILD, HIGH, 0,
     Y(350), Y(640), Y(990), HIGH},
};

START_TEST(test_resident_contribution)
{
    const resident_case *c = &residents[_i];
    medins_policy_set *set = open_embedded();
    medins_person person;
    medins_person_init(&person);
    person.scheme = MEDINS_SCHEME_RESIDENT;
    person.category = c->category;
    person.tier = c->tier;
    person.groups = c->groups;
    person.birth_date = 19800101;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_contribution(&r, get(set, c->policy), &person, c->date, NULL, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_contribution_figures *f = medins_result_contribution(r);
    ck_assert_msg(f->individual == c->individual, "%s: individual %lld, want %lld", c->name,
                  (long long)f->individual, (long long)c->individual);
    ck_assert_msg(f->government == c->government, "%s: government %lld, want %lld", c->name,
                  (long long)f->government, (long long)c->government);
    ck_assert_msg(f->total == c->total, "%s: total %lld, want %lld", c->name,
                  (long long)f->total, (long long)c->total);
    ck_assert_msg(f->benefit_tier == c->benefit_tier, "%s: benefit tier %d, want %d", c->name,
                  (int)f->benefit_tier, (int)c->benefit_tier);
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

typedef struct employee_case {
    const char *name;
    medins_employer_type type;
    medins_fen wage;
    medins_fen employer, individual;   /* monthly */
} employee_case;

/* [C3, C4, C5] 2015 rates on a monthly wage of 5000 (inside the 2016 base 2966-14832):
 * enterprise and civil service 11% = 550, difficulty 8% = 400; individual 2% = 100 (third
 * party). A wage of 20000 is clamped to the ceiling 14832: 11% = 1631.52, 2% = 296.64. */
static const employee_case employees[] = {
    {"C3 enterprise", MEDINS_EMPLOYER_ENTERPRISE, Y(5000), Y(550), Y(100)},
    {"C4 civil service", MEDINS_EMPLOYER_CIVIL_SERVICE, Y(5000), Y(550), Y(100)},
    {"C5 difficulty", MEDINS_EMPLOYER_DIFFICULTY, Y(5000), Y(400), Y(100)},
    {"C5 individual business", MEDINS_EMPLOYER_INDIVIDUAL_BUSINESS, Y(5000), Y(400), Y(100)},
    {"C3 above the ceiling", MEDINS_EMPLOYER_ENTERPRISE, Y(20000), 163152, 29664},
};

START_TEST(test_employee_contribution)
{
    const employee_case *c = &employees[_i];
    medins_policy_set *set = open_embedded();
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_employee_input in;
    medins_employee_input_init(&in);
    in.monthly_wage = c->wage;
    in.employer_type = c->type;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_contribution(&r, get(set, "tianjin/2015"), &person, 20150601, &in, &err);
    ck_assert_msg(rc == 0, "%s: status %d (%s)", c->name, rc, err ? medins_error_message(err) : "");
    const medins_contribution_figures *f = medins_result_contribution(r);
    ck_assert_msg(f->monthly_employer == c->employer, "%s: employer %lld, want %lld", c->name,
                  (long long)f->monthly_employer, (long long)c->employer);
    ck_assert_msg(f->monthly_individual == c->individual, "%s: individual %lld, want %lld",
                  c->name, (long long)f->monthly_individual, (long long)c->individual);
    ck_assert_msg(f->fixed_yearly == Y(260), "%s: fixed yearly %lld", c->name,
                  (long long)f->fixed_yearly);
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Accounts ---------------------------------------------------------------------------- */

/* [C15] province: a retiree with last year's average pension 4000 gets 2% = 80 a month.
 * [K1] Tianjin 2023, in service, 5000 a month: individual 2% = 100 to the account (assumed
 * 100% share), 70% of it, 70, to the card. [K2] withdrawal above 50000 after a serious illness. */
START_TEST(test_accounts)
{
    medins_policy_set *set = open_embedded();
    medins_person person;
    medins_person_init(&person);
    person.category = MEDINS_CATEGORY_RETIRED;
    person.birth_date = 19550101;
    medins_account_input in;
    medins_account_input_init(&in);
    in.last_year_pension = Y(4000);
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_account(&r, get(set, "province/2022"), &person, 20220801, &in, &err);
    ck_assert_msg(rc == 0, "C15: %s", err ? medins_error_message(err) : "");
    ck_assert_int_eq(medins_result_account(r)->monthly_credit, Y(80));
    medins_result_free(r);

    person.category = MEDINS_CATEGORY_IN_SERVICE;
    person.birth_date = 19800101;
    medins_account_input_init(&in);
    in.employee.monthly_wage = Y(5000);
    in.year_costs = Y(60000);
    in.serious_illness = 1;
    rc = medins_account(&r, get(set, "tianjin/2023"), &person, 20230601, &in, &err);
    ck_assert_msg(rc == 0, "K1: %s", err ? medins_error_message(err) : "");
    const medins_account_figures *f = medins_result_account(r);
    ck_assert_int_eq(f->monthly_credit, Y(100));
    ck_assert_int_eq(f->monthly_card, Y(70));
    ck_assert_msg(f->may_withdraw, "K2: 60000 above 50000 after a serious illness");
    medins_result_free(r);

    in.year_costs = Y(50000);
    ck_assert_int_eq(medins_account(&r, get(set, "tianjin/2023"), &person, 20230601, &in, NULL), 0);
    ck_assert_msg(!medins_result_account(r)->may_withdraw, "K2: 50000 is not above 50000");
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Maternity --------------------------------------------------------------------------- */

typedef struct maternity_case {
    const char *name;
    const char *policy;
    medins_date date;
    medins_scheme scheme;
    medins_delivery delivery;
    int child_order;
    int weeks;
    medins_fen prenatal_costs, complication_costs;
    int status;
    medins_fen delivery_paid, prenatal_paid, complication_paid;
    const char *assumed;           /* a value the result must list as assumed, or NULL */
} maternity_case;

#define NAT MEDINS_DELIVERY_NATURAL
#define CAES MEDINS_DELIVERY_CAESAREAN

static const maternity_case maternities[] = {
    /* [B1] "The standard is 3,800 yuan for employees and 2,280 yuan for residents" (000 Eight):
     * a flat amount per delivery from 2015, whatever its type. */
    {"B1 employee", "tianjin/2017", 20170601, E, NAT, 1, 40, 0, 0, 0, Y(3800), 0, 0, NULL},
    {"B1 resident", "tianjin/2015", 20150601, R, CAES, 1, 40, 0, 0, 0, Y(2280), 0, 0, NULL},
    /* [B1] in 2023 too: the official 3,800 stands over a third-party page's undated amounts by
     * type (natural 3,000, caesarean 3,600). */
    {"B1 employee 2023 natural", "tianjin/2023", 20230601, E, NAT, 1, 40, 0, 0, 0, Y(3800), 0,
     0, NULL},
    {"B1 employee 2023 caesarean", "tianjin/2023", 20230601, E, CAES, 1, 40, 0, 0, 0, Y(3800),
     0, 0, NULL},
    /* [B2] "the reimbursement level of maternity insurance for residents will be adjusted from
     * 50% to 60%", measured against the employees' benefit: 2,280 = 60% x 3,800. Complication
     * costs at 60% (1000 x 60% = 600) rest on a third-party page's 2021 figure, not on B2: the
     * ratio is assumed, and the result says so. */
    {"B2 resident complications", "tianjin/2017", 20170601, R, NAT, 1, 40, 0, Y(1000), 0,
     Y(2280), 0, Y(600), "maternity.complication_ratio[0].ratio"},
    /* [B3] "do a good job of protecting the medical expenses and maternity allowances for the
     * three children" (002 Four, the 2022 notice): a third child is covered from 2022, not
     * before; a fourth is not. */
    {"B3 third child before 2022", "tianjin/2021", 20210601, E, NAT, 3, 40, 0, 0, NC, 0, 0, 0, NULL},
    {"B3 third child 2022", "tianjin/2022", 20220601, E, NAT, 3, 40, 0, 0, 0, Y(3800), 0, 0,
     NULL},
    {"B3 fourth child 2022", "tianjin/2022", 20220601, E, NAT, 4, 40, 0, 0, NC, 0, 0, 0, NULL},
    {"B3 fourth child 2023", "tianjin/2023", 20230601, E, NAT, 4, 40, 0, 0, NC, 0, 0, 0, NULL},
    /* Residents' prenatal limits from 2021, 160 / 280 / 540 / 660, whose week bands (< 12, < 16,
     * < 28 weeks) are assumed: at 20 weeks the third row, 540 of costs of 600; the bands read
     * to choose it are values used, listed as assumed (rows 0 to 3 of the merged table are the
     * residents': row 2 is the < 28 one, row 0 the < 12 one compared before it). */
    {"prenatal band matched", "tianjin/2023", 20230601, R, NAT, 1, 20, Y(600), 0, 0,
     Y(2280), Y(540), 0, "maternity.prenatal[2].weeks_max"},
    {"prenatal band compared", "tianjin/2023", 20230601, R, NAT, 1, 20, Y(600), 0, 0,
     Y(2280), Y(540), 0, "maternity.prenatal[0].weeks_max"},
    /* The 2021 page's limit is third-party in 2021 and carried forward, assumed, in 2022. */
    {"prenatal limit 2022", "tianjin/2022", 20220601, R, NAT, 1, 20, Y(600), 0, 0,
     Y(2280), Y(540), 0, "maternity.prenatal[2].amount"},
};

START_TEST(test_maternity)
{
    const maternity_case *c = &maternities[_i];
    medins_policy_set *set = open_embedded();
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19900101;
    if (c->scheme == R) {
        person.scheme = R;
        person.category = AD;
        person.tier = LOW;
    }
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    in.delivery = c->delivery;
    in.child_order = c->child_order;
    in.weeks = c->weeks;
    in.prenatal_costs = c->prenatal_costs;
    in.complication_costs = c->complication_costs;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_maternity(&r, get(set, c->policy), &person, c->date, &in, &err);
    ck_assert_msg(rc == c->status, "%s: status %d (%s), want %d", c->name, rc,
                  err ? medins_error_message(err) : "", c->status);
    if (rc == MEDINS_ERR_NOT_COVERED)
        ck_assert_msg(strstr(medins_error_message(err), "not covered"), "%s: %s", c->name,
                      medins_error_message(err));
    medins_error_free(err);
    if (rc == 0) {
        const medins_maternity_figures *f = medins_result_maternity(r);
        ck_assert_msg(f->delivery == c->delivery_paid, "%s: delivery %lld, want %lld", c->name,
                      (long long)f->delivery, (long long)c->delivery_paid);
        ck_assert_msg(f->prenatal == c->prenatal_paid, "%s: prenatal %lld, want %lld", c->name,
                      (long long)f->prenatal, (long long)c->prenatal_paid);
        ck_assert_msg(f->complication == c->complication_paid, "%s: complication %lld, want %lld",
                      c->name, (long long)f->complication, (long long)c->complication_paid);
        int listed = 0;
        for (size_t i = 0; c->assumed && i < medins_result_assumed_count(r); i++)
            listed |= strcmp(medins_result_assumed(r, i)->path, c->assumed) == 0;
        ck_assert_msg(!c->assumed || (listed && f->assumed), "%s: %s is not listed as assumed",
                      c->name, c->assumed);
    }
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

/* ---- What kind of value a year's figure is ------------------------------------------------ */

/*
 * A value is official in the years its source states it; carried into a year no
 * source names, or chosen within a bound, it is assumed, and a result that uses it lists it;
 * a third-party page's value is third-party only in the year it describes.
 */
enum { OFFICIAL, THIRD, ASSUMED };
enum { RESIDENT_LOW, EMPLOYEE_CEILING, OUTPATIENT_L1, POOLING_L2 };

typedef struct kind_case {
    const char *name;
    medins_date date;              /* the Tianjin (or province, for POOLING_L2) year in force */
    int computation;
    const char *path;
    int kind;
} kind_case;

static const kind_case kinds[] = {
    /* C2: "the level of individual contributions increased at the same time 10 yuan ... adult
     * residents are from 90 yuan" (000 Eleven, 2015's standard): 100 is stated for 2015; the
     * next stated are 2017's (C7, "2017年 ... 120元"). 2016 carries 2015's forward, and 2018-2021
     * carry 2017's. */
    {"C2 2015 low tier", 20150601, RESIDENT_LOW, "contributions.resident.tiers[1].individual", OFFICIAL},
    {"2016 low tier carried forward", 20160601, RESIDENT_LOW, "contributions.resident.tiers[1].individual", ASSUMED},
    {"C7 2017 low tier", 20170601, RESIDENT_LOW, "contributions.resident.tiers[1].individual", OFFICIAL},
    {"2019 low tier carried forward", 20190601, RESIDENT_LOW, "contributions.resident.tiers[1].individual", ASSUMED},
    /* The 2016 guide (data valid to December 2016): the employee's 2% and the 14,832 ceiling
     * are third-party in 2016, carried back to 2015 and forward to 2017 on; from 2022 the
     * ceiling comes from an undated page assigned to the year: assumed too. */
    {"2015 individual rate carried back", 20150601, EMPLOYEE_CEILING, "contributions.employee.rates[0].individual", ASSUMED},
    {"2016 individual rate", 20160601, EMPLOYEE_CEILING, "contributions.employee.rates[0].individual", THIRD},
    {"2016 ceiling", 20160601, EMPLOYEE_CEILING, "contributions.employee.wage_base.ceiling", THIRD},
    {"2023 individual rate carried forward", 20230601, EMPLOYEE_CEILING, "contributions.employee.rates[0].individual", ASSUMED},
    {"2022 ceiling of an undated page", 20220601, EMPLOYEE_CEILING, "contributions.employee.wage_base.ceiling", ASSUMED},
    {"C3 employer rate", 20160601, EMPLOYEE_CEILING, "contributions.employee.rates[0].employer", OFFICIAL},
    /* O1: "目前,天津市職工醫保門診起付線為:在職職工...800元" (the 2017 briefing: "currently"):
     * cited in 2017, carried back to 2015 and 2016. The employee's outpatient ratio (75% at
     * level 1) is an undated page's: assumed in every year. */
    {"O1 2015 carried back", 20150601, OUTPATIENT_L1, "outpatient.deductible[3].amount", ASSUMED},
    {"O1 2016 carried back", 20160601, OUTPATIENT_L1, "outpatient.deductible[3].amount", ASSUMED},
    {"O1 2017", 20170601, OUTPATIENT_L1, "outpatient.deductible[3].amount", OFFICIAL},
    {"employee outpatient ratio", 20170601, OUTPATIENT_L1, "outpatient.ratio[2].ratio", ASSUMED},
    /* O8, O10 (004 Second (a)): "In principle, every time it does not exceed 50 yuan"; level 2
     * and below "not less than 55%": bounds, the figures at them chosen, assumed. */
    {"O8 deductible at the bound", 20220801, POOLING_L2, "outpatient_pooling.deductible[1].amount", ASSUMED},
    {"O10 ratio at the floor", 20220801, POOLING_L2, "outpatient_pooling.ratio[1].ratio", ASSUMED},
};

static int listed_in(const medins_result *r, const char *path, int kind)
{
    size_t n = kind == ASSUMED ? medins_result_assumed_count(r) : medins_result_third_party_count(r);
    for (size_t i = 0; i < n; i++) {
        const medins_value *v = kind == ASSUMED ? medins_result_assumed(r, i)
                                                : medins_result_third_party(r, i);
        if (strcmp(v->path, path) == 0)
            return 1;
    }
    return 0;
}

START_TEST(test_value_kinds)
{
    const kind_case *c = &kinds[_i];
    medins_policy_set *set = open_embedded();
    const medins_policy *p = NULL;
    ck_assert_int_eq(medins_policy_set_lookup(&p, set, c->computation == POOLING_L2 ? "province" : "tianjin",
                                              c->date, NULL), 0);
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc;
    if (c->computation == RESIDENT_LOW || c->computation == EMPLOYEE_CEILING) {
        medins_employee_input in;
        medins_employee_input_init(&in);
        in.monthly_wage = Y(50000);
        if (c->computation == RESIDENT_LOW) {
            person.scheme = R;
            person.category = AD;
            person.tier = LOW;
        }
        rc = medins_contribution(&r, p, &person, c->date, &in, &err);
    } else {
        medins_claim claim = c->computation == POOLING_L2
                                 ? claim_of(c->date, POOL, MEDINS_LEVEL_2, Y(1000))
                                 : claim_of(c->date, OUT, MEDINS_LEVEL_1, Y(1000));
        medins_ledger ledger;
        medins_ledger_init(&ledger, c->date / 10000);
        rc = medins_settle(&r, p, &person, &claim, &ledger, &err);
    }
    ck_assert_msg(rc == 0, "%s: %s", c->name, err ? medins_error_message(err) : "");
    const medins_value *v = medins_policy_find_value(p, c->path);
    ck_assert_msg(v != NULL, "%s: %s has no value in %s", c->name, c->path, medins_policy_id(p));
    ck_assert_msg(listed_in(r, c->path, ASSUMED) == (c->kind == ASSUMED) &&
                  listed_in(r, c->path, THIRD) == (c->kind == THIRD) &&
                  !v->assumed == (c->kind != ASSUMED) && !v->third_party == (c->kind != THIRD),
                  "%s: %s (%s: %s) is listed as assumed %d, third-party %d", c->name, c->path,
                  medins_policy_id(p), v->at, listed_in(r, c->path, ASSUMED),
                  listed_in(r, c->path, THIRD));
    if (c->kind == ASSUMED)
        ck_assert_msg(strstr(v->at, "carried") || strstr(v->at, "undated") ||
                      strstr(v->at, "chosen"), "%s: the reason says why: %s", c->name, v->at);
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

/* ---- Capitation -------------------------------------------------------------------------- */

/* [P1] diabetes per head at a grass-roots institution: the rate is assumed (150 a month), so the
 * result must say it used an assumed value. One patient enrolled for all of March 2017: 150. */
START_TEST(test_capitation)
{
    medins_policy_set *set = open_embedded();
    medins_enrolment e;
    medins_enrolment_init(&e);
    e.patient = 1;
    e.from = 20170101;
    medins_capitation_input in;
    medins_capitation_input_init(&in);
    in.level = MEDINS_LEVEL_PRIMARY;
    in.disease = MEDINS_DISEASE_DIABETES;
    in.from = 20170301;
    in.to = 20170331;
    in.enrolments = &e;
    in.enrolment_count = 1;
    in.actual_costs = Y(150);
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_capitation(&r, get(set, "tianjin/2017"), &in, &err);
    ck_assert_msg(rc == 0, "P1: %s", err ? medins_error_message(err) : "");
    const medins_capitation_figures *f = medins_result_capitation(r);
    ck_assert_int_eq(f->budget, Y(150));
    ck_assert_msg(f->assumed && medins_result_uses_assumed(r), "P1: the rate is assumed");
    medins_result_free(r);
    medins_policy_set_free(set);
}
END_TEST

static Suite *shipped_suite(void)
{
    Suite *s = suite_create("shipped");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_load_each, 0, (int)N_SHIPPED);
    tcase_add_test(tc, test_latest_complete);
    tcase_add_test(tc, test_citations_checkable);
    tcase_add_loop_test(tc, test_lookup, 0, (int)(sizeof lookups / sizeof lookups[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("documents");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_settle, 0, (int)(sizeof settles / sizeof settles[0]));
    tcase_add_test(tc, test_thrift);
    tcase_add_test(tc, test_carry_over);
    tcase_add_test(tc, test_outpatient_major_base);
    tcase_add_test(tc, test_special_disease_maximum);
    tcase_add_loop_test(tc, test_resident_contribution, 0,
                        (int)(sizeof residents / sizeof residents[0]));
    tcase_add_loop_test(tc, test_employee_contribution, 0,
                        (int)(sizeof employees / sizeof employees[0]));
    tcase_add_test(tc, test_accounts);
    tcase_add_loop_test(tc, test_maternity, 0, (int)(sizeof maternities / sizeof maternities[0]));
    tcase_add_test(tc, test_capitation);
    tcase_add_loop_test(tc, test_value_kinds, 0, (int)(sizeof kinds / sizeof kinds[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("groups");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_groups_never_lower, 0, (int)N_SHIPPED);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(shipped_suite)
