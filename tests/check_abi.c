/*
 * The ABI that can grow: the structs' layouts as the library describes them (medins/layout.h).
 */
#include <stdbool.h>

#include "runner.h"

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
    medins_claim c, want_c;
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
     * one list serves both. */
    medins_ledger l;
    medins_ledger_init(&l, 2023);
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

static Suite *abi_suite(void)
{
    Suite *s = suite_create("abi");
    TCase *tc = tcase_create("layout");
    tcase_add_loop_test(tc, layout_describes_struct, 0, sizeof layout_cases / sizeof layout_cases[0]);
    tcase_add_test(tc, layout_init_is_the_initialiser);
    tcase_add_test(tc, ledger_fields_are_its_text_keys);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(abi_suite)
