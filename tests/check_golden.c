/*
 * The golden settlements (tests/golden/settlements.csv): persons, claims and the results worked
 * by hand from the shipped policy values, with the working as comment lines in the file. The
 * Python and Java suites read the same file, so the three must agree to the fen.
 *
 * One loop iteration per case; the rows of a case with the same person share a ledger that
 * starts empty for the year of the person's first claim.
 */
#include <string.h>

#include <medins.h>

#include "runner.h"

enum { C_CASE, C_POLICY, C_PERSON, C_SCHEME, C_CATEGORY, C_TIER, C_BIRTH, C_GROUPS, C_DOCTOR,
       C_DATE, C_KIND, C_LEVEL, C_INSTITUTION, C_TOTAL, C_SELF_PAID, C_CATEGORY_B,
       C_FUND, C_MAJOR, C_ASSIST, C_PATIENT, C_DEDUCTIBLE, NCOLS };

static const char *const columns[NCOLS] = {
    "case", "policy", "person", "scheme", "category", "tier", "birth_date", "groups",
    "family_doctor", "date", "kind", "level", "institution", "total", "self_paid", "category_b",
    "fund", "major_disease", "assistance", "patient", "deductible",
};

#define MAX_ROWS 256
#define MAX_CASES 128

typedef struct row {
    char field[NCOLS][64];
    unsigned line;
} row;

static row rows[MAX_ROWS];
static size_t nrows;
static size_t case_first[MAX_CASES + 1];   /* rows of case k: [case_first[k], case_first[k+1]) */
static size_t ncases;

/* Split a line on commas into the row (the file has no quoted fields). */
static int split(row *r, char *line)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (n >= NCOLS || strlen(p) >= sizeof r->field[0])
            return -1;
        strcpy(r->field[n++], p);
        if (!comma)
            break;
        p = comma + 1;
    }
    return n == NCOLS ? 0 : -1;
}

/*
 * Read the table once. This runs while the suite is built, outside any test, where Check's
 * assertions cannot be used: a problem is kept in load_error and reported by test_golden_table.
 */
static char load_error[1200];

static size_t load_table(void)
{
    if (ncases || load_error[0])
        return ncases;
    char path[1024], line[1024];
    FILE *f = fopen(medins_test_path(path, sizeof path, "golden/settlements.csv"), "r");
    if (!f) {
        snprintf(load_error, sizeof load_error, "cannot open %s", path);
        return 0;
    }
    unsigned lineno = 0;
    int header = 0;
    while (fgets(line, sizeof line, f) && !load_error[0]) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        row r;
        if (split(&r, line) != 0) {
            snprintf(load_error, sizeof load_error, "line %u has not %d fields", lineno, NCOLS);
            break;
        }
        if (!header) {
            for (int c = 0; c < NCOLS && !load_error[0]; c++)
                if (strcmp(r.field[c], columns[c]) != 0)
                    snprintf(load_error, sizeof load_error, "column %d is %s, expected %s", c + 1,
                             r.field[c], columns[c]);
            header = 1;
            continue;
        }
        if (nrows == MAX_ROWS) {
            snprintf(load_error, sizeof load_error, "more than %d rows", MAX_ROWS);
            break;
        }
        r.line = lineno;
        if (nrows == 0 || strcmp(rows[nrows - 1].field[C_CASE], r.field[C_CASE]) != 0) {
            if (ncases == MAX_CASES) {
                snprintf(load_error, sizeof load_error, "more than %d cases", MAX_CASES);
                break;
            }
            case_first[ncases++] = nrows;
        }
        rows[nrows++] = r;
    }
    fclose(f);
    case_first[ncases] = nrows;
    if (load_error[0])
        ncases = 0;
    return ncases;
}

static int64_t num(const row *r, int col)
{
    char *end;
    long long v = strtoll(r->field[col], &end, 10);
    ck_assert_msg(*r->field[col] && *end == '\0', "golden line %u (%s): %s = \"%s\" is not an integer",
                  r->line, r->field[C_CASE], columns[col], r->field[col]);
    return v;
}

/* A word column parsed with the library's own parser for it. */
#define WORD(r, col, parse, out)                                                               \
    ck_assert_msg(parse(out, (r)->field[col]) == 0, "golden line %u (%s): unknown %s \"%s\"", \
                  (r)->line, (r)->field[C_CASE], columns[col], (r)->field[col])

static void read_person(const row *r, medins_person *p)
{
    medins_person_init(p);
    WORD(r, C_SCHEME, medins_scheme_parse, &p->scheme);
    WORD(r, C_CATEGORY, medins_category_parse, &p->category);
    WORD(r, C_TIER, medins_tier_parse, &p->tier);
    p->birth_date = (medins_date)num(r, C_BIRTH);
    p->family_doctor = num(r, C_DOCTOR);
    char groups[64];
    strcpy(groups, r->field[C_GROUPS]);
    for (char *g = strtok(groups, "+"); g; g = strtok(NULL, "+")) {
        uint32_t flag;
        ck_assert_msg(medins_group_parse(&flag, g) == 0, "golden line %u (%s): unknown group \"%s\"",
                      r->line, r->field[C_CASE], g);
        p->groups |= flag;
    }
}

static void read_claim(const row *r, medins_claim *c)
{
    medins_claim_init(c);
    c->id = r->line;
    c->date = (medins_date)num(r, C_DATE);
    WORD(r, C_KIND, medins_claim_kind_parse, &c->kind);
    WORD(r, C_LEVEL, medins_level_parse, &c->level);
    c->institution = num(r, C_INSTITUTION);
    c->total = num(r, C_TOTAL);
    c->self_paid = num(r, C_SELF_PAID);
    c->category_b = num(r, C_CATEGORY_B);
}

static medins_policy_set *set;

static void open_set(void)
{
    ck_assert_int_eq(medins_policy_set_open_embedded(&set, NULL), 0);
}

static void close_set(void)
{
    medins_policy_set_free(set);
    set = NULL;
}

START_TEST(test_golden_case)
{
    load_table();
    size_t first = case_first[_i], end = case_first[_i + 1];
    /* a case has at most a few persons: their keys and ledgers */
    char keys[16][64];
    medins_ledger ledgers[16];
    size_t npersons = 0;
    for (size_t k = first; k < end; k++) {
        const row *r = &rows[k];
        const char *name = r->field[C_CASE];
        const medins_policy *policy = medins_policy_set_get(set, r->field[C_POLICY]);
        ck_assert_msg(policy != NULL, "%s (line %u): no policy %s", name, r->line, r->field[C_POLICY]);
        medins_person person;
        medins_claim claim;
        read_person(r, &person);
        read_claim(r, &claim);
        size_t who = 0;
        while (who < npersons && strcmp(keys[who], r->field[C_PERSON]) != 0)
            who++;
        if (who == npersons) {
            ck_assert_msg(npersons < 16, "%s: too many persons", name);
            strcpy(keys[npersons], r->field[C_PERSON]);
            medins_ledger_init(&ledgers[npersons++], claim.date / 10000);
        }
        medins_result *res = NULL;
        medins_error *e = NULL;
        int rc = medins_settle(&res, policy, &person, &claim, &ledgers[who], &e);
        ck_assert_msg(rc == 0, "%s (line %u): %s: %s", name, r->line, medins_status_name(rc),
                      e ? medins_error_message(e) : "");
        const medins_settlement *s = medins_result_settlement(res);
        static const int expect_cols[] = {C_FUND, C_MAJOR, C_ASSIST, C_PATIENT, C_DEDUCTIBLE};
        const medins_fen got[] = {s->fund, s->major_disease, s->assistance, s->patient, s->deductible};
        for (size_t c = 0; c < sizeof got / sizeof got[0]; c++) {
            medins_fen want = num(r, expect_cols[c]);
            ck_assert_msg(got[c] == want, "%s (line %u): %s %lld, worked by hand %lld", name, r->line,
                          columns[expect_cols[c]], (long long)got[c], (long long)want);
        }
        ck_assert_msg(s->fund + s->major_disease + s->assistance + s->patient == claim.total,
                      "%s (line %u): parts do not add up to the total", name, r->line);
        medins_result_free(res);
    }
}
END_TEST

/* The table itself: every case's expected parts add up to its total, and there are enough cases. */
START_TEST(test_golden_table)
{
    load_table();
    ck_assert_msg(!load_error[0], "golden: %s", load_error);
    ck_assert_msg(ncases >= 15, "golden: only %zu cases", ncases);
    for (size_t k = 0; k < nrows; k++) {
        const row *r = &rows[k];
        ck_assert_msg(num(r, C_FUND) + num(r, C_MAJOR) + num(r, C_ASSIST) + num(r, C_PATIENT) == num(r, C_TOTAL),
                      "%s (line %u): the expected parts do not add up to the total", r->field[C_CASE], r->line);
    }
}
END_TEST

static Suite *golden_suite(void)
{
    Suite *s = suite_create("golden");
    TCase *tc = tcase_create("settlements");
    tcase_add_unchecked_fixture(tc, open_set, close_set);
    tcase_add_test(tc, test_golden_table);
    tcase_add_loop_test(tc, test_golden_case, 0, (int)load_table());
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(golden_suite)
