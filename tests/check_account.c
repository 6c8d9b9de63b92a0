/*
 * What the individual account pays of a settlement: the in-scope burden, and the category-B
 * first self-pay only where the policy says so (`account_category_b`), never by the library's
 * own choice.
 */
#include <stdbool.h>

#include "runner.h"

static medins_policy_set *g_set;
static const medins_policy *g_2023;

static void setup(void)
{
    ck_assert_int_eq(medins_policy_set_open_embedded(&g_set, NULL), 0);
    ck_assert_int_eq(medins_policy_set_lookup(&g_2023, g_set, "tianjin", 20230601, NULL), 0);
}

static void teardown(void)
{
    medins_policy_set_free(g_set);
}

/* tianjin/2023 with the inpatient section's account paying category B too (an assumed value,
 * so that results that rely on it say so). */
static medins_policy *with_category_b(void)
{
    static const char overlay[] =
        "inpatient:\n"
        "  account_category_b: {value: true, cite: \"assumed: a test of the key\"}\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_policy_derive(&p, g_2023, "b.yaml", overlay, sizeof overlay - 1, &err) == 0,
                  "%s", medins_error_message(err));
    return p;
}

/*
 * An employee's first admission at a level-3 hospital, 10,000 yuan of which 1,000 category-B
 * first self-pay: in scope 9,000; the deductible 1,700, the rest 7,300 at 85%: the fund 6,205,
 * coinsurance 1,095; the in-scope burden 1,700 + 1,095 = 2,795 (no layer pays below its own
 * deductible); the patient 1,000 + 2,795 = 3,795.
 */
static const medins_settlement *settle(medins_result **r, const medins_policy *p,
                                       medins_fen balance)
{
    medins_person person = MEDINS_PERSON_INIT;
    medins_claim claim = MEDINS_CLAIM_INIT;
    claim.date = 20230601;
    claim.kind = MEDINS_CLAIM_INPATIENT;
    claim.level = MEDINS_LEVEL_3;
    claim.total = Y(10000);
    claim.category_b = Y(1000);
    medins_ledger l = MEDINS_LEDGER_INIT(2023);
    l.account_balance = balance;
    medins_error *err = NULL;
    ck_assert_msg(medins_settle(r, p, &person, &claim, &l, &err) == 0, "%s",
                  medins_error_message(err));
    const medins_settlement *s = medins_result_settlement(*r);
    ck_assert_int_eq(s->fund, Y(6205));
    ck_assert_int_eq(s->patient, Y(3795));
    ck_assert_int_eq(l.account_balance, balance - s->account);
    return s;
}

START_TEST(category_b_is_cash_unless_the_policy_says)
{
    /* Without the key (the shipped policies): the account pays the burden, 2,795; the
     * category-B 1,000 is cash. */
    medins_result *r = NULL;
    const medins_settlement *s = settle(&r, g_2023, Y(5000));
    ck_assert_int_eq(s->account, Y(2795));
    ck_assert_int_eq(s->cash, Y(1000));
    medins_result_free(r);

    /* With it: the account pays the category-B share too, 3,795 of a balance of 5,000; with
     * a balance of 3,000, all of it, and 795 is cash. The line says what it paid from, and the
     * assumed value is listed. */
    medins_policy *p = with_category_b();
    s = settle(&r, p, Y(5000));
    ck_assert_int_eq(s->account, Y(3795));
    ck_assert_int_eq(s->cash, 0);
    ck_assert_int_ne(s->assumed, 0);
    const medins_line *account = NULL;
    for (size_t i = 0; i < medins_result_line_count(r); i++)
        if (medins_result_line(r, i)->part == MEDINS_PART_ACCOUNT)
            account = medins_result_line(r, i);
    ck_assert_ptr_nonnull(account);
    ck_assert_str_eq(account->text, "Paid from the individual account: 3795.00 of the in-scope "
                     "burden and category-B first self-pay 3795.00 (balance 5000.00)");
    bool listed = false;
    for (size_t i = 0; i < medins_result_assumed_count(r); i++)
        listed |= strcmp(medins_result_assumed(r, i)->path, "inpatient.account_category_b") == 0;
    ck_assert_msg(listed, "inpatient.account_category_b is not among the assumed values used");
    medins_result_free(r);
    s = settle(&r, p, Y(3000));
    ck_assert_int_eq(s->account, Y(3000));
    ck_assert_int_eq(s->cash, Y(795));
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

START_TEST(category_b_needs_the_account)
{
    /* The key where the account pays nothing says nothing: refused at it. */
    static const char overlay[] = "inpatient:\n  cite: \"assumed: a test of the key\"\n"
                                  "  account: false\n  account_category_b: true\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_policy_derive(&p, g_2023, "b.yaml", overlay, sizeof overlay - 1, &err),
                     MEDINS_ERR_RANGE);
    ck_assert_ptr_null(p);
    ck_assert_str_eq(medins_error_message(err), "inpatient: account_category_b: true needs "
                     "account: true (the individual account pays nothing in this section)");
    ck_assert_uint_eq(medins_error_line(err), 4);
    ck_assert_uint_eq(medins_error_column(err), 23);
    medins_error_free(err);
}
END_TEST

static Suite *account_suite(void)
{
    Suite *s = suite_create("account");
    TCase *tc = tcase_create("category_b");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, category_b_is_cash_unless_the_policy_says);
    tcase_add_test(tc, category_b_needs_the_account);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(account_suite)
