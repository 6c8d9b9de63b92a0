/*
 * The ABI that can grow: the structs' layouts as the library describes them (medins/layout.h),
 * and the versions of the structs callers allocate, which the library checks.
 */
#include <stdbool.h>

#include "runner.h"

static medins_policy_set *g_set;
static const medins_policy *g_policy;   /* tianjin/2023, embedded */

static void setup(void)
{
    ck_assert_int_eq(medins_policy_set_open_embedded(&g_set, NULL), 0);
    ck_assert_int_eq(medins_policy_set_lookup(&g_policy, g_set, "tianjin", 20230601, NULL), 0);
}

static void teardown(void)
{
    medins_policy_set_free(g_set);
}

/* ---- Layouts ------------------------------------------------------------------------------ */

/* Each layout's struct, its size and a field in the middle of it, by the header's own offsetof:
 * the description and the compiler must agree. */
static const struct {
    medins_layout layout;
    const char *name;
    size_t size;
    const char *field;
    size_t offset;
    medins_field_type type;
    medins_field_kind kind;
} layout_cases[] = {
    {MEDINS_LAYOUT_PERSON, "medins_person", sizeof(medins_person), "birth_date",
     offsetof(medins_person, birth_date), MEDINS_FIELD_INT32, MEDINS_FIELD_DATE},
    {MEDINS_LAYOUT_CLAIM, "medins_claim", sizeof(medins_claim), "category_b",
     offsetof(medins_claim, category_b), MEDINS_FIELD_INT64, MEDINS_FIELD_MONEY},
    {MEDINS_LAYOUT_LEDGER, "medins_ledger", sizeof(medins_ledger), "fund.inpatient",
     offsetof(medins_ledger, fund[MEDINS_POOL_INPATIENT]), MEDINS_FIELD_INT64, MEDINS_FIELD_MONEY},
    {MEDINS_LAYOUT_SETTLEMENT, "medins_settlement", sizeof(medins_settlement), "ratio",
     offsetof(medins_settlement, ratio), MEDINS_FIELD_INT32, MEDINS_FIELD_RATIO},
    {MEDINS_LAYOUT_EMPLOYEE_INPUT, "medins_employee_input", sizeof(medins_employee_input),
     "employer_type", offsetof(medins_employee_input, employer_type), MEDINS_FIELD_INT32,
     MEDINS_FIELD_ENUM},
    {MEDINS_LAYOUT_ACCOUNT_INPUT, "medins_account_input", sizeof(medins_account_input),
     "monthly_wage", offsetof(medins_account_input, employee.monthly_wage), MEDINS_FIELD_INT64,
     MEDINS_FIELD_MONEY},
    {MEDINS_LAYOUT_MATERNITY_INPUT, "medins_maternity_input", sizeof(medins_maternity_input),
     "child_order", offsetof(medins_maternity_input, child_order), MEDINS_FIELD_INT32,
     MEDINS_FIELD_NUMBER},
    {MEDINS_LAYOUT_CAPITATION_INPUT, "medins_capitation_input", sizeof(medins_capitation_input),
     "to", offsetof(medins_capitation_input, to), MEDINS_FIELD_INT32, MEDINS_FIELD_DATE},
    {MEDINS_LAYOUT_CONTRIBUTION_FIGURES, "medins_contribution_figures",
     sizeof(medins_contribution_figures), "group", offsetof(medins_contribution_figures, group),
     MEDINS_FIELD_UINT32, MEDINS_FIELD_FLAGS},
    {MEDINS_LAYOUT_ACCOUNT_FIGURES, "medins_account_figures", sizeof(medins_account_figures),
     "may_withdraw", offsetof(medins_account_figures, may_withdraw), MEDINS_FIELD_INT32,
     MEDINS_FIELD_BOOL},
    {MEDINS_LAYOUT_MATERNITY_FIGURES, "medins_maternity_figures",
     sizeof(medins_maternity_figures), "complication_ratio",
     offsetof(medins_maternity_figures, complication_ratio), MEDINS_FIELD_INT32,
     MEDINS_FIELD_RATIO},
    {MEDINS_LAYOUT_CAPITATION_FIGURES, "medins_capitation_figures",
     sizeof(medins_capitation_figures), "patient_days",
     offsetof(medins_capitation_figures, patient_days), MEDINS_FIELD_INT64, MEDINS_FIELD_NUMBER},
};

START_TEST(layout_describes_struct)
{
    const medins_layout l = layout_cases[_i].layout;
    const char *what = layout_cases[_i].name;
    ck_assert_msg(medins_layout_name(l) && strcmp(medins_layout_name(l), what) == 0,
                  "%s: named %s", what, medins_layout_name(l));
    ck_assert_msg(medins_layout_size(l) == layout_cases[_i].size, "%s: size %zu, not %zu", what,
                  medins_layout_size(l), layout_cases[_i].size);
    /* The fields lie inside the struct, in order, without overlapping; names are unique. */
    const size_t n = medins_layout_field_count(l);
    ck_assert_msg(n > 0, "%s: no fields", what);
    bool found = false;
    size_t end = 0;
    for (size_t i = 0; i < n; i++) {
        const medins_field *f = medins_layout_field(l, i);
        const size_t width = f->type == MEDINS_FIELD_INT64 ? 8 : 4;
        ck_assert_msg(f->offset >= end && f->offset % width == 0 &&
                      f->offset + width <= layout_cases[_i].size,
                      "%s.%s: offset %zu after the field before it ends at %zu", what, f->name,
                      f->offset, end);
        end = f->offset + width;
        for (size_t j = 0; j < i; j++)
            ck_assert_msg(strcmp(medins_layout_field(l, j)->name, f->name) != 0,
                          "%s: two fields named %s", what, f->name);
        if (strcmp(f->name, layout_cases[_i].field) == 0) {
            found = true;
            ck_assert_msg(f->offset == layout_cases[_i].offset && f->type == layout_cases[_i].type &&
                          f->kind == layout_cases[_i].kind,
                          "%s.%s: offset %zu type %d kind %d, not %zu %d %d", what, f->name,
                          f->offset, (int)f->type, (int)f->kind, layout_cases[_i].offset,
                          (int)layout_cases[_i].type, (int)layout_cases[_i].kind);
        }
    }
    ck_assert_msg(found, "%s: no field %s", what, layout_cases[_i].field);
    ck_assert_msg(medins_layout_field(l, n) == NULL, "%s: a field past the last", what);
}
END_TEST

START_TEST(layout_init_is_the_initialiser)
{
    /* medins_layout_init is each struct's own initialiser: a person an employee in service, a
     * claim outpatient at level 1, a ledger of year 0. */
    medins_person p, want_p;
    memset(&p, 0x5a, sizeof p);
    medins_person_init(&want_p);
    ck_assert_int_eq(medins_layout_init(MEDINS_LAYOUT_PERSON, &p, sizeof p), 0);
    ck_assert_int_eq(memcmp(&p, &want_p, sizeof p), 0);
    /* A claim has padding, which neither initialiser writes: both start with the same bytes. */
    medins_claim c, want_c;
    memset(&c, 0, sizeof c);
    memset(&want_c, 0, sizeof want_c);
    medins_claim_init(&want_c);
    ck_assert_int_eq(medins_layout_init(MEDINS_LAYOUT_CLAIM, &c, sizeof c), 0);
    ck_assert_int_eq(memcmp(&c, &want_c, sizeof c), 0);
    medins_ledger l, want_l;
    medins_ledger_init(&want_l, 0);
    memset(&l, 0x5a, sizeof l);
    ck_assert_int_eq(medins_layout_init(MEDINS_LAYOUT_LEDGER, &l, sizeof l), 0);
    ck_assert_int_eq(memcmp(&l, &want_l, sizeof l), 0);
    /* Another size, an unknown layout or no struct: refused, nothing written. */
    memset(&p, 0x5a, sizeof p);
    ck_assert_int_eq(medins_layout_init(MEDINS_LAYOUT_PERSON, &p, sizeof p - 1), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_layout_init(MEDINS_LAYOUT_COUNT, &p, sizeof p), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_layout_init((medins_layout)-1, &p, sizeof p), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(((unsigned char *)&p)[0], 0x5a);
    ck_assert_int_eq(medins_layout_init(MEDINS_LAYOUT_PERSON, NULL, sizeof p), MEDINS_ERR_ARGUMENT);
    /* Out of range: nothing. */
    ck_assert_ptr_null(medins_layout_name(MEDINS_LAYOUT_COUNT));
    ck_assert_uint_eq(medins_layout_size(MEDINS_LAYOUT_COUNT), 0);
    ck_assert_uint_eq(medins_layout_field_count((medins_layout)-1), 0);
    ck_assert_ptr_null(medins_layout_field(MEDINS_LAYOUT_COUNT, 0));
}
END_TEST

START_TEST(ledger_fields_are_its_text_keys)
{
    /* The ledger's text form writes one key=value line per field, in the layout's order: the
     * one list serves both. (A ledger with a supplementary fund's total, the year's account
     * credits and a day's figures is written in the version that has every field.) */
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.supplementary[MEDINS_POOL_INPATIENT] = 1;
    l.account_credited = 1;
    l.day_date = 20230105;
    char text[4096];
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, NULL, &l), 0);
    const char *line = strchr(text, '\n') + 1;
    const size_t n = medins_layout_field_count(MEDINS_LAYOUT_LEDGER);
    for (size_t i = 0; i < n; i++) {
        const char *name = medins_layout_field(MEDINS_LAYOUT_LEDGER, i)->name;
        ck_assert_msg(strncmp(line, name, strlen(name)) == 0 && line[strlen(name)] == '=',
                      "text line %zu is \"%.30s\", not %s=", i + 2, line, name);
        line = strchr(line, '\n') + 1;
    }
    ck_assert_str_eq(line, "");
}
END_TEST

/* ---- Versions ----------------------------------------------------------------------------- */

/* The message a struct of version v gets (mdn_version_error). */
static void version_message(char *buf, size_t size, const char *what, const char *init,
                            unsigned v, unsigned known)
{
    char reads[16] = "1";
    if (known > 1)
        snprintf(reads, sizeof reads, "1 to %u", known);
    if (v == 0)
        snprintf(buf, size, "%s: version 0: the struct was not initialised (initialise it with "
                 "%s or %s_init)", what, init, what);
    else
        snprintf(buf, size, "%s: version %u is not one this library knows (it reads %s): a "
                 "struct of a newer libmedins", what, v, reads);
}

/* Each struct a caller allocates, with a bad version, given to a call that reads it: the call
 * is refused with MEDINS_ERR_ARGUMENT and the message naming the struct, and changes nothing.
 * The versions each reads: 1 to `known`. */
enum { V_PERSON, V_CLAIM, V_LEDGER, V_EMPLOYEE, V_ACCOUNT, V_MATERNITY, V_CAPITATION,
       V_BATCH_PERSONS, V_BATCH_CLAIMS, V_BATCH_OUT, V_LOAD_OPTIONS, V_SETTLE_OPTIONS, V_COUNT };
static const struct {
    const char *what, *init;
    unsigned known;
} structs[V_COUNT] = {
    [V_PERSON] = {"medins_person", "MEDINS_PERSON_INIT", MEDINS_PERSON_VERSION},
    [V_CLAIM] = {"medins_claim", "MEDINS_CLAIM_INIT", MEDINS_CLAIM_VERSION},
    [V_LEDGER] = {"medins_ledger", "MEDINS_LEDGER_INIT", MEDINS_LEDGER_VERSION},
    [V_EMPLOYEE] = {"medins_employee_input", "MEDINS_EMPLOYEE_INPUT_INIT",
                    MEDINS_EMPLOYEE_INPUT_VERSION},
    [V_ACCOUNT] = {"medins_account_input", "MEDINS_ACCOUNT_INPUT_INIT",
                   MEDINS_ACCOUNT_INPUT_VERSION},
    [V_MATERNITY] = {"medins_maternity_input", "MEDINS_MATERNITY_INPUT_INIT",
                     MEDINS_MATERNITY_INPUT_VERSION},
    [V_CAPITATION] = {"medins_capitation_input", "MEDINS_CAPITATION_INPUT_INIT",
                      MEDINS_CAPITATION_INPUT_VERSION},
    [V_BATCH_PERSONS] = {"medins_batch_persons", "MEDINS_BATCH_PERSONS_INIT",
                         MEDINS_BATCH_PERSONS_VERSION},
    [V_BATCH_CLAIMS] = {"medins_batch_claims", "MEDINS_BATCH_CLAIMS_INIT",
                        MEDINS_BATCH_CLAIMS_VERSION},
    [V_BATCH_OUT] = {"medins_batch_out", "MEDINS_BATCH_OUT_INIT", MEDINS_BATCH_OUT_VERSION},
    [V_LOAD_OPTIONS] = {"medins_load_options", "MEDINS_LOAD_OPTIONS_INIT",
                        MEDINS_LOAD_OPTIONS_VERSION},
    [V_SETTLE_OPTIONS] = {"medins_settle_options", "MEDINS_SETTLE_OPTIONS_INIT",
                          MEDINS_SETTLE_OPTIONS_VERSION},
};
/* Version 0 (never initialised) and the one after the last known (of a newer library). */
#define VERSION_CASES (2 * V_COUNT)

START_TEST(unknown_version_refused)
{
    const int which = _i / 2;
    const unsigned v = _i % 2 ? structs[which].known + 1 : 0u;
    const char *what = structs[which].what;
    char want[300];
    version_message(want, sizeof want, what, structs[which].init, v, structs[which].known);

    medins_person person = MEDINS_PERSON_INIT;
    medins_claim claim = MEDINS_CLAIM_INIT;
    claim.date = 20230601;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    claim.total = Y(10000);
    medins_ledger ledger = MEDINS_LEDGER_INIT(2023);
    medins_employee_input employee = MEDINS_EMPLOYEE_INPUT_INIT;
    medins_account_input account = MEDINS_ACCOUNT_INPUT_INIT;
    medins_maternity_input maternity = MEDINS_MATERNITY_INPUT_INIT;
    medins_capitation_input capitation = MEDINS_CAPITATION_INPUT_INIT;
    capitation.from = 20230101;
    capitation.to = 20230131;
    int32_t scheme = 0, category = 0, tier = 0, person_ix = 0, kind = MEDINS_CLAIM_INPATIENT,
            level = MEDINS_LEVEL_3, status = 7;
    medins_date birth = 0, date = 20230601;
    medins_fen total = Y(10000), fund = 7;
    medins_batch_persons bp = MEDINS_BATCH_PERSONS_INIT;
    bp.n = 1;
    bp.scheme = &scheme;
    bp.category = &category;
    bp.tier = &tier;
    bp.birth_date = &birth;
    medins_batch_claims bc =
        medins_test_batch_claims(1, &person_ix, &date, &kind, &level, &total);
    medins_batch_out bo = MEDINS_BATCH_OUT_INIT;
    bo.fund = &fund;
    bo.status = &status;
    medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
    medins_settle_options settle_opts = MEDINS_SETTLE_OPTIONS_INIT;

    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = 0;
    switch (which) {
    case V_PERSON:
        person.version = v;
        rc = medins_settle(&r, g_policy, &person, &claim, &ledger, &err);
        break;
    case V_CLAIM:
        claim.version = v;
        rc = medins_settle(&r, g_policy, &person, &claim, &ledger, &err);
        break;
    case V_LEDGER:
        ledger.version = v;
        rc = medins_settle(&r, g_policy, &person, &claim, &ledger, &err);
        break;
    case V_EMPLOYEE:
        employee.version = v;
        rc = medins_contribution(&r, g_policy, &person, 20230601, &employee, &err);
        break;
    case V_ACCOUNT:
        account.version = v;
        rc = medins_account(&r, g_policy, &person, 20230601, &account, &err);
        break;
    case V_MATERNITY:
        maternity.version = v;
        rc = medins_maternity(&r, g_policy, &person, 20230601, &maternity, &err);
        break;
    case V_CAPITATION:
        capitation.version = v;
        rc = medins_capitation(&r, g_policy, &capitation, &err);
        break;
    case V_BATCH_PERSONS:
    case V_BATCH_CLAIMS:
    case V_BATCH_OUT:
        if (which == V_BATCH_PERSONS)
            bp.version = v;
        else if (which == V_BATCH_CLAIMS)
            bc.version = v;
        else
            bo.version = v;
        rc = medins_batch_settle(g_policy, &bp, &bc, &ledger, &bo, NULL, &err);
        break;
    case V_SETTLE_OPTIONS:
        settle_opts.version = v;
        rc = medins_settle_ex(&r, g_policy, &person, &claim, &ledger, &settle_opts, &err);
        break;
    case V_LOAD_OPTIONS: {
        opts.version = v;
        medins_policy *p = NULL;
        rc = medins_policy_load_string(&p, "x.yaml", "format: 1\n", 10, NULL, &opts, &err);
        ck_assert_ptr_null(p);
        break;
    }
    default:
        break;
    }
    ck_assert_msg(rc == MEDINS_ERR_ARGUMENT, "%s version %u: status %s", what, v,
                  medins_status_name(rc));
    ck_assert_msg(err && strcmp(medins_error_message(err), want) == 0,
                  "%s version %u: message \"%s\", not \"%s\"", what, v,
                  medins_error_message(err), want);
    ck_assert_ptr_null(r);
    /* Nothing changed: the ledger is still empty, the batch wrote no output. */
    ck_assert_uint_eq(ledger.seq, 0);
    ck_assert_int_eq(fund, 7);
    ck_assert_int_eq(status, 7);
    medins_error_free(err);
}
END_TEST

START_TEST(ledger_version_everywhere)
{
    /* A ledger never initialised is refused wherever one is read: its check, its text, the
     * closing of its year, and in a batch, where it fails its person's claims (the others go
     * on) with the message settling alone gives. */
    medins_ledger l = MEDINS_LEDGER_INIT(2023), next = MEDINS_LEDGER_INIT(2024);
    l.version = 0;
    medins_person person = MEDINS_PERSON_INIT;
    medins_error *err = NULL;
    const char *want = "medins_ledger: version 0: the struct was not initialised (initialise "
                       "it with MEDINS_LEDGER_INIT or medins_ledger_init)";
    ck_assert_int_eq(medins_ledger_check(&l, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(err), want);
    medins_error_free(err);
    err = NULL;
    ck_assert_int_eq(medins_ledger_close_year(&next, &l, g_policy, &person, &err),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(err), want);
    ck_assert_int_eq(next.year, 2024);
    medins_error_free(err);
    char text[1024] = "untouched";
    size_t needed = 0;
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, &needed, &l), MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(text, "untouched");

    /* Two persons, one claim each: person 0's ledger is not initialised. A 1,000-yuan
     * outpatient claim at level 2 of person 1 settles: the employees' outpatient deductible
     * 800, then 200 x 65% (their level-2 ratio) = 130 to the fund. */
    medins_ledger ledgers[2] = {MEDINS_LEDGER_INIT(2023), MEDINS_LEDGER_INIT(2023)};
    ledgers[0].version = 0;
    int32_t scheme[2] = {0, 0}, category[2] = {0, 0}, tier[2] = {0, 0}, who[2] = {0, 1},
            kind[2] = {MEDINS_CLAIM_OUTPATIENT, MEDINS_CLAIM_OUTPATIENT},
            level[2] = {MEDINS_LEVEL_2, MEDINS_LEVEL_2}, status[2] = {7, 7};
    medins_date birth[2] = {0, 0}, date[2] = {20230601, 20230601};
    medins_fen total[2] = {Y(1000), Y(1000)}, fund[2] = {7, 7};
    medins_batch_persons bp = {.version = MEDINS_BATCH_PERSONS_VERSION, .n = 2, .scheme = scheme,
                               .category = category, .tier = tier, .birth_date = birth};
    medins_batch_claims bc = {.version = MEDINS_BATCH_CLAIMS_VERSION, .n = 2, .person = who,
                              .date = date, .kind = kind, .level = level, .total = total};
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION, .fund = fund, .status = status};
    medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
    ck_assert_int_eq(medins_batch_errors_new(&opts.errors), 0);
    size_t failed = 0;
    ck_assert_int_eq(medins_batch_settle_ex(g_policy, &bp, &bc, ledgers, &bo, &opts, &failed, NULL),
                     MEDINS_ERR_BATCH);
    ck_assert_uint_eq(failed, 1);
    ck_assert_int_eq(status[0], MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(medins_batch_errors_find(opts.errors, 0)), want);
    ck_assert_int_eq(status[1], 0);
    ck_assert_int_eq(fund[1], Y(130));
    ck_assert_uint_eq(ledgers[0].seq, 0);
    ck_assert_uint_eq(ledgers[1].seq, 1);
    medins_batch_errors_free(opts.errors);
}
END_TEST

/* Whether the structs at a and b of `layout` hold the same fields (padding aside). */
static bool same_fields(medins_layout layout, const void *a, const void *b)
{
    for (size_t i = 0; i < medins_layout_field_count(layout); i++) {
        const medins_field *f = medins_layout_field(layout, i);
        if (memcmp((const char *)a + f->offset, (const char *)b + f->offset,
                   f->type == MEDINS_FIELD_INT64 ? 8 : 4) != 0)
            return false;
    }
    return true;
}

START_TEST(settle_options)
{
    /* NULL: the defaults, explained; MEDINS_SETTLE_NO_LINES: the same figures, no lines; a
     * flag the library does not know: refused, the ledger untouched. */
    medins_person person = MEDINS_PERSON_INIT;
    medins_claim claim = MEDINS_CLAIM_INIT;
    claim.date = 20230601;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    claim.total = Y(10000);
    medins_ledger a = MEDINS_LEDGER_INIT(2023), b = MEDINS_LEDGER_INIT(2023);
    medins_result *ra = NULL, *rb = NULL, *rc = NULL;
    medins_settle_options opts;
    medins_settle_options_init(&opts);
    ck_assert_uint_eq(opts.version, MEDINS_SETTLE_OPTIONS_VERSION);
    ck_assert_uint_eq(opts.flags, 0);
    ck_assert_int_eq(medins_settle_ex(&ra, g_policy, &person, &claim, &a, NULL, NULL), 0);
    opts.flags = MEDINS_SETTLE_NO_LINES;
    ck_assert_int_eq(medins_settle_ex(&rb, g_policy, &person, &claim, &b, &opts, NULL), 0);
    ck_assert_uint_gt(medins_result_line_count(ra), 0);
    ck_assert_uint_eq(medins_result_line_count(rb), 0);
    /* 10,000 yuan at level 3 (the README's check): the fund pays 7,055 either way. */
    ck_assert_int_eq(medins_result_settlement(ra)->fund, Y(7055));
    ck_assert_int_eq(medins_result_settlement(rb)->fund, Y(7055));
    ck_assert_int_eq(memcmp(&a, &b, sizeof a), 0);
    opts.flags = 4;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_settle_ex(&rc, g_policy, &person, &claim, &b, &opts, &err),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(err), "medins_settle_options: unknown flags 0x4");
    ck_assert_ptr_null(rc);
    ck_assert_uint_eq(b.seq, 1);
    medins_error_free(err);
    medins_result_free(ra);
    medins_result_free(rb);
}
END_TEST

START_TEST(initialisers_agree)
{
    /* Each INIT macro is its *_init function and sets the version: field by field where a
     * layout lists them, the members otherwise. */
#define SAME(T, LAYOUT, INIT, init_call)                                          \
    do {                                                                          \
        T a = INIT, b;                                                            \
        memset(&b, 0x5a, sizeof b);                                               \
        init_call;                                                                \
        ck_assert_msg(same_fields(LAYOUT, &a, &b) && b.version == a.version,      \
                      #INIT " differs from its function");                        \
        ck_assert_uint_ge(a.version, 1);                                          \
    } while (0)
    SAME(medins_person, MEDINS_LAYOUT_PERSON, MEDINS_PERSON_INIT, medins_person_init(&b));
    SAME(medins_claim, MEDINS_LAYOUT_CLAIM, MEDINS_CLAIM_INIT, medins_claim_init(&b));
    SAME(medins_employee_input, MEDINS_LAYOUT_EMPLOYEE_INPUT, MEDINS_EMPLOYEE_INPUT_INIT,
         medins_employee_input_init(&b));
    SAME(medins_account_input, MEDINS_LAYOUT_ACCOUNT_INPUT, MEDINS_ACCOUNT_INPUT_INIT,
         medins_account_input_init(&b));
    SAME(medins_maternity_input, MEDINS_LAYOUT_MATERNITY_INPUT, MEDINS_MATERNITY_INPUT_INIT,
         medins_maternity_input_init(&b));
    SAME(medins_capitation_input, MEDINS_LAYOUT_CAPITATION_INPUT, MEDINS_CAPITATION_INPUT_INIT,
         medins_capitation_input_init(&b));
#undef SAME
    medins_account_input acc;
    medins_account_input_init(&acc);
    ck_assert_uint_eq(acc.employee.version, MEDINS_EMPLOYEE_INPUT_VERSION);
    medins_capitation_input cap = MEDINS_CAPITATION_INPUT_INIT;
    ck_assert_ptr_null(cap.enrolments);
    ck_assert_int_eq(cap.assessment, MEDINS_BP_ONE);
    /* A ledger has no padding: every byte is a field or reserved (zero), so that two equal
     * ledgers compare equal byte for byte (a reversal compares them so). Its size never
     * changes: later fields come out of the reserved words. */
    medins_ledger l = MEDINS_LEDGER_INIT(2023), m;
    memset(&m, 0x5a, sizeof m);
    medins_ledger_init(&m, 2023);
    ck_assert_int_eq(memcmp(&l, &m, sizeof l), 0);
    ck_assert_uint_eq(sizeof(medins_ledger), 256);
    size_t bytes = sizeof l.version + sizeof l.reserved32 + sizeof l.reserved32_day +
                   sizeof l.reserved;
    for (size_t i = 0; i < medins_layout_field_count(MEDINS_LAYOUT_LEDGER); i++)
        bytes += medins_layout_field(MEDINS_LAYOUT_LEDGER, i)->type == MEDINS_FIELD_INT64 ? 8 : 4;
    ck_assert_uint_eq(bytes, sizeof l);
    /* The batch's column sets: no column, no claim. */
    medins_batch_persons bp;
    memset(&bp, 0x5a, sizeof bp);
    medins_batch_persons_init(&bp);
    ck_assert(bp.version == MEDINS_BATCH_PERSONS_VERSION && bp.n == 0 && !bp.scheme &&
              !bp.category && !bp.tier && !bp.birth_date && !bp.groups && !bp.family_doctor);
    medins_batch_claims bc;
    memset(&bc, 0x5a, sizeof bc);
    medins_batch_claims_init(&bc);
    ck_assert(bc.version == MEDINS_BATCH_CLAIMS_VERSION && bc.n == 0 && !bc.person && !bc.date &&
              !bc.kind && !bc.level && !bc.institution && !bc.total && !bc.self_paid &&
              !bc.category_b);
    medins_batch_out bo;
    memset(&bo, 0x5a, sizeof bo);
    medins_batch_out_init(&bo);
    ck_assert(bo.version == MEDINS_BATCH_OUT_VERSION && !bo.fund && !bo.major_disease &&
              !bo.assistance && !bo.patient && !bo.deductible && !bo.coinsurance &&
              !bo.over_cap && !bo.account && !bo.status);
}
END_TEST

START_TEST(load_options_version_1)
{
    /* Options of version 1 end before the folder limits: those fields are not read (here they
     * hold 0, which as limits would refuse every file) and take their defaults. */
    medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
    opts.version = 1;
    opts.max_dir_depth = 0;
    opts.max_dir_entries = 0;
    medins_policy_set *set = NULL;
    medins_error *err = NULL;
    char dir[1024];
    ck_assert_int_eq(medins_policy_set_new(&set, NULL), 0);
    int rc = medins_policy_set_add_dir(set, medins_test_path(dir, sizeof dir, "data/loader/set"),
                                       &opts, &err);
    ck_assert_msg(rc == 0, "add_dir with version-1 options: %s", medins_error_message(err));
    ck_assert_uint_eq(medins_policy_set_count(set), 3);
    /* The same limits as version 2 are read: the first file is past 0 entries. */
    opts.version = 2;
    medins_policy_set *set2 = NULL;
    ck_assert_int_eq(medins_policy_set_new(&set2, NULL), 0);
    ck_assert_int_eq(medins_policy_set_add_dir(set2, dir, &opts, &err), MEDINS_ERR_LIMIT);
    medins_error_free(err);
    medins_policy_set_free(set);
    medins_policy_set_free(set2);
}
END_TEST

START_TEST(ledger_text_of_version_1)
{
    /* A ledger stored by the first release (text version 1, keys in this order) reads back
     * as the same ledger and is written again byte for byte. */
    static const char stored[] =
        "medins-ledger 1\nyear=2023\nlast_date=20230610\nseq=2\nadmissions=1\n"
        "outpatient_costs=50000\ndeductible.outpatient=50000\ndeductible.pooling=0\n"
        "deductible.inpatient=110000\nposition.outpatient=0\nposition.pooling=0\n"
        "position.inpatient=890000\nfund.outpatient=0\nfund.pooling=0\n"
        "fund.inpatient=756500\nmajor_base=0\nmajor_fund=0\nassist_base=0\n"
        "assist_fund=0\naccount_balance=12345\naccount_paid=0\ncarry_over=30000\n"
        "thrifty_years=2\nprior_known=1\nprior_outpatient_costs=40000\n";
    medins_ledger l;
    memset(&l, 0x5a, sizeof l);
    medins_error *err = NULL;
    ck_assert_msg(medins_ledger_parse(&l, stored, sizeof stored - 1, &err) == 0, "%s",
                  medins_error_message(err));
    ck_assert_uint_eq(l.version, MEDINS_LEDGER_VERSION);
    ck_assert_int_eq(l.fund[MEDINS_POOL_INPATIENT], 756500);
    ck_assert_int_eq(l.carry_over, 30000);
    for (int i = 0; i < MEDINS_LEDGER_RESERVED; i++)
        ck_assert_int_eq(l.reserved[i], 0);
    char text[2048];
    ck_assert_int_eq(medins_ledger_serialize(text, sizeof text, NULL, &l), 0);
    ck_assert_str_eq(text, stored);
}
END_TEST

static Suite *abi_suite(void)
{
    Suite *s = suite_create("abi");
    TCase *tc = tcase_create("layout");
    tcase_add_loop_test(tc, layout_describes_struct, 0, sizeof layout_cases / sizeof layout_cases[0]);
    tcase_add_test(tc, layout_init_is_the_initialiser);
    tcase_add_test(tc, ledger_fields_are_its_text_keys);
    suite_add_tcase(s, tc);
    tc = tcase_create("versions");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, unknown_version_refused, 0, VERSION_CASES);
    tcase_add_test(tc, ledger_version_everywhere);
    tcase_add_test(tc, settle_options);
    tcase_add_test(tc, initialisers_agree);
    tcase_add_test(tc, load_options_version_1);
    tcase_add_test(tc, ledger_text_of_version_1);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(abi_suite)
