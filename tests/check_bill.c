/*
 * Itemised bills (medins/bill.h) and the platform's records (medins/nhsa.h): a hand-worked
 * bill on tests/data/settle/basic.yaml (its `bills.selfpay_prop` is 10%), the same bill given
 * by its totals, and bad lines. tests/data/bills/hand.csv and hand.json are the same bill for
 * the command and the bindings.
 *
 * The hand-worked bill: an employee in service, an inpatient admission (the first this year) at
 * a level-3 hospital on 2023-03-01, a fresh ledger with 500 yuan in the account. Fen throughout.
 *
 *   line  code       class  given                         ceiling   split
 *   1     250101001  甲     50.00 × 10                    40.00     amount 50000; over (5000 −
 *                                                                   4000) × 10 = 10000; in 40000
 *   2     86900001   乙     amount 1234.57, prop 15%      none      amount 123457; first
 *                                                                   self-pay 123457 × 15% =
 *                                                                   18518.55 → 18519; in 104938
 *   3     86900002   乙     33.33 × 1.5, default 10%      30.00     amount 3333 × 1.5 = 4999.5 →
 *                                                                   5000; over 333 × 1.5 = 499.5
 *                                                                   → 500; first self-pay (5000 −
 *                                                                   500) × 10% = 450; in 4050
 *   4     ZF0001     自费   88.00 × 2                     none      amount 17600, all self-paid
 *   5     310000001  甲     amount 8000.00                none      amount 800000, all in scope
 *
 *   bill: amount 996057; self-paid 17600; over ceilings 10000 + 500 = 10500; first self-pay
 *         18519 + 450 = 18969; in scope 40000 + 104938 + 4050 + 800000 = 948988
 *         (17600 + 10500 + 18969 + 948988 = 996057).
 *   the claim: total 996057, self_paid 17600 + 10500 = 28100, category_b 18969.
 *   deductible: level 3, first admission (last year's outpatient costs unknown): 1000 yuan =
 *         100000; the fund: (948988 − 100000) × 80% = 679190.4 → 679190 (first segment, below
 *         10000 yuan); coinsurance 169798. Major disease: the burden 948988 − 679190 = 269798
 *         is below its 10000-yuan deductible: 0; assistance: no group, 0.
 *   patient: 996057 − 679190 = 316867; the account pays 50000 of the in-scope burden 269798
 *         (its whole balance); cash 266867.
 *
 *   setlinfo: medfee_sumamt 996057, fulamt_ownpay_amt 17600, overlmt_selfpay 10500,
 *         preselfpay_amt 18969, inscp_scp_amt 948988, act_pay_dedc 100000, hifp_pay 679190,
 *         pool_prop_selfpay 8000 (80%), fund_pay_sumamt 679190, psn_part_amt 316867,
 *         acct_pay 50000, psn_cash_pay 266867, balc 0, every other field 0.
 *   setldetail (the national defaults for an employee): 310100 职工基本医疗保险统筹基金,
 *         in scope 948988, room 350000 yuan = 35000000 (nothing paid before), paid 679190;
 *         310200 职工基本医疗保险个人账户, considered the burden 269798, room the balance
 *         50000, paid 50000.
 *
 * A resident on minimum living allowance (dibao), a bill of one 甲 line of 50000 yuan
 * (5000000) at a level-2 hospital, the first admission: deductible 800 yuan = 80000; 4920000
 * in the segments at 60% and 70% plus 5 points for dibao: 1000000 × 65% = 650000 and
 * 3920000 × 75% = 2940000, the fund 3590000 (its maximum 100000 yuan = 10000000). The burden
 * 5000000 − 3590000 = 1410000 passes the major-disease deductible 1000000 by 410000, × 60% =
 * 246000. Assistance takes the rest, 1164000, from 0 at dibao's 70% = 814800 (its maximum 50000
 * yuan = 5000000). The patient pays 5000000 − 3590000 − 246000 − 814800 = 349200, all cash.
 *   setlinfo: hifp_pay 3590000, hifmi_pay 246000, maf_pay 814800, fund_pay_sumamt 4650800,
 *         psn_part_amt = psn_cash_pay = 349200, pool_prop_selfpay 6500.
 *   setldetail: 390100 (5000000, 10000000, 3590000), 390200 (1410000, 30000000, 246000),
 *         610100 (1164000, 5000000, 814800).
 */
#include <stdbool.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *base, *policy;

/* policy: basic.yaml; base: the same without its `bills` section. */
static void setup(void)
{
    static const char overlay[] = "bills: ~\n";
    policy = medins_test_load("data/settle/basic.yaml");
    medins_error *err = NULL;
    int rc = medins_policy_derive(&base, policy, "nobills.yaml", overlay, sizeof overlay - 1, &err);
    ck_assert_msg(rc == 0, "%s", err ? medins_error_message(err) : "?");
    ck_assert(!medins_policy_has_section(base, MEDINS_SECTION_BILLS));
}

static void teardown(void)
{
    medins_policy_free(policy);
    medins_policy_free(base);
    policy = base = NULL;
}

static medins_item item(const char *code, const char *name, int lv)
{
    medins_item it = MEDINS_ITEM_INIT;
    it.code = code;
    it.code_len = strlen(code);
    it.name = name;
    it.name_len = strlen(name);
    it.chrgitm_lv = lv;
    return it;
}

/* The hand-worked bill of the comment above, into items[5]. */
static void hand_worked_bill(medins_item *items)
{
    items[0] = item("250101001", "床位费", MEDINS_ITEM_CLASS_A);
    items[0].price = 5000;
    items[0].quantity = 10 * MEDINS_QUANTITY_ONE;
    items[0].ceiling = 4000;
    items[1] = item("86900001", "注射用头孢曲松钠", MEDINS_ITEM_CLASS_B);
    items[1].amount = 123457;
    items[1].selfpay_prop = 1500;
    items[2] = item("86900002", "一次性输液器", MEDINS_ITEM_CLASS_B);
    items[2].price = 3333;
    items[2].quantity = 15000;
    items[2].ceiling = 3000;
    items[3] = item("ZF0001", "营养餐", MEDINS_ITEM_CLASS_SELF_PAID);
    items[3].price = 8800;
    items[3].quantity = 2 * MEDINS_QUANTITY_ONE;
    items[4] = item("310000001", "手术费", MEDINS_ITEM_CLASS_A);
    items[4].amount = 800000;
}

static void inpatient(medins_person *person, medins_claim *claim, medins_ledger *ledger)
{
    medins_person_init(person);
    person->birth_date = 19800101;
    medins_claim_init(claim);
    claim->id = 7;
    claim->date = 20230301;
    claim->kind = MEDINS_CLAIM_INPATIENT;
    claim->level = MEDINS_LEVEL_3;
    medins_ledger_init(ledger, 2023);
    ledger->account_balance = 50000;
}

/* The hand-worked bill settled from a fresh ledger (the test fails when it does not settle). */
static medins_result *settle_hand_worked(medins_ledger *ledger)
{
    medins_item items[5];
    hand_worked_bill(items);
    medins_person person;
    medins_claim claim;
    inpatient(&person, &claim, ledger);
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle_items(&r, policy, &person, &claim, items, 5, ledger, NULL, &err);
    ck_assert_msg(rc == 0, "%s", err ? medins_error_message(err) : "?");
    return r;
}

/* Lines settled as a bill from a fresh ledger (the test fails when they do not settle). */
static medins_result *settle_lines(const medins_item *items, size_t n)
{
    medins_person person;
    medins_claim claim;
    medins_ledger ledger;
    inpatient(&person, &claim, &ledger);
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle_items(&r, policy, &person, &claim, items, n, &ledger, NULL, &err);
    ck_assert_msg(rc == 0, "%s", err ? medins_error_message(err) : "?");
    return r;
}

#define SPLIT(sp, amt, self, over, catb, in)                                                    \
    do {                                                                                        \
        ck_assert_int_eq((sp)->amount, amt);                                                    \
        ck_assert_int_eq((sp)->self_paid, self);                                                \
        ck_assert_int_eq((sp)->over_ceiling, over);                                             \
        ck_assert_int_eq((sp)->category_b, catb);                                               \
        ck_assert_int_eq((sp)->in_scope, in);                                                   \
    } while (0)

START_TEST(hand_worked)
{
    medins_ledger ledger;
    medins_result *r = settle_hand_worked(&ledger);

    ck_assert_uint_eq(medins_result_item_count(r), 5);
    SPLIT(medins_result_item(r, 0), 50000, 0, 10000, 0, 40000);
    SPLIT(medins_result_item(r, 1), 123457, 0, 0, 18519, 104938);
    SPLIT(medins_result_item(r, 2), 5000, 0, 500, 450, 4050);
    SPLIT(medins_result_item(r, 3), 17600, 17600, 0, 0, 0);
    SPLIT(medins_result_item(r, 4), 800000, 0, 0, 0, 800000);
    ck_assert_int_eq(medins_result_item(r, 1)->selfpay_prop, 1500);
    ck_assert_int_eq(medins_result_item(r, 2)->selfpay_prop, 1000);
    ck_assert_int_eq(medins_result_item(r, 3)->chrgitm_lv, 3);
    ck_assert_ptr_null(medins_result_item(r, 5));
    SPLIT(medins_result_bill(r), 996057, 17600, 10500, 18969, 948988);

    size_t code_len, name_len;
    const char *name;
    const char *code = medins_result_item_code(r, 1, &code_len, &name, &name_len);
    ck_assert_str_eq(code, "86900001");
    ck_assert_uint_eq(code_len, 8);
    ck_assert_str_eq(name, "注射用头孢曲松钠");
    ck_assert_uint_eq(name_len, strlen("注射用头孢曲松钠"));

    /* The trace names the self-paid lines (17600) and the parts above ceilings (10500) apart. */
    const medins_step *st = medins_result_step(r, 0);
    ck_assert_int_eq(st->kind, MEDINS_STEP_SELF_PAID);
    ck_assert_int_eq(st->amount, 17600);
    st = medins_result_step(r, 1);
    ck_assert_int_eq(st->kind, MEDINS_STEP_OVER_CEILING);
    ck_assert_int_eq(st->part, MEDINS_PART_SELF_PAID);
    ck_assert_int_eq(st->amount, 10500);
    ck_assert_int_eq(medins_result_step(r, 2)->amount, 18969);
    char text[256];
    size_t need;
    ck_assert_int_eq(medins_result_step_text(text, sizeof text, &need, r, 1, MEDINS_LANG_ZH), 0);
    ck_assert_str_eq(text, "超出限价部分，由个人全额负担：105.00元");
    ck_assert_str_eq(medins_result_line(r, 1)->text,
                     "Above the items' price ceilings, paid by the patient: 105.00");

    const medins_settlement *s = medins_result_settlement(r);
    ck_assert_int_eq(s->total, 996057);
    ck_assert_int_eq(s->self_paid, 28100);
    ck_assert_int_eq(s->category_b, 18969);
    ck_assert_int_eq(s->in_scope, 948988);
    ck_assert_int_eq(s->deductible, 100000);
    ck_assert_int_eq(s->fund, 679190);
    ck_assert_int_eq(s->coinsurance, 169798);
    ck_assert_int_eq(s->major_disease, 0);
    ck_assert_int_eq(s->assistance, 0);
    ck_assert_int_eq(s->patient, 316867);
    ck_assert_int_eq(s->account, 50000);
    ck_assert_int_eq(s->cash, 266867);
    ck_assert_int_eq(ledger.account_balance, 0);
    ck_assert_int_eq(ledger.seq, 1);
    medins_result_free(r);
}
END_TEST

#define INFO_EQ(field, want)                                                                    \
    ck_assert_msg(info.field == (want), #field " = %lld, expected %lld",                        \
                  (long long)info.field, (long long)(want))

START_TEST(nhsa_employee)
{
    medins_ledger ledger;
    medins_result *r = settle_hand_worked(&ledger);
    medins_setlinfo info = MEDINS_SETLINFO_INIT;
    ck_assert_int_eq(medins_result_setlinfo(&info, r, NULL), 0);
    INFO_EQ(medfee_sumamt, 996057);
    INFO_EQ(fulamt_ownpay_amt, 17600);
    INFO_EQ(overlmt_selfpay, 10500);
    INFO_EQ(preselfpay_amt, 18969);
    INFO_EQ(inscp_scp_amt, 948988);
    INFO_EQ(act_pay_dedc, 100000);
    INFO_EQ(hifp_pay, 679190);
    INFO_EQ(pool_prop_selfpay, 8000);
    INFO_EQ(cvlserv_pay + info.hifes_pay + info.hifmi_pay + info.hifob_pay + info.maf_pay +
            info.oth_pay + info.hosp_part_amt + info.acct_mulaid_pay, 0);
    INFO_EQ(fund_pay_sumamt, 679190);
    INFO_EQ(psn_part_amt, 316867);
    INFO_EQ(acct_pay, 50000);
    INFO_EQ(psn_cash_pay, 266867);
    INFO_EQ(balc, 0);
    ck_assert_uint_eq(medins_result_setldetail_count(r), 2);
    medins_test_detail_is(r, 0, "310100", "职工基本医疗保险统筹基金", 948988, 35000000, 679190);
    medins_test_detail_is(r, 1, "310200", "职工基本医疗保险个人账户", 269798, 50000, 50000);

    /* The fund's working in Chinese: what came off the bill, the admission, the deductible,
     * the segment, the patient's share of it and the maximum; the account's, its one step. */
    char text[2048];
    size_t need;
    ck_assert_int_eq(medins_result_setl_proc_info(text, sizeof text, &need, r, 0, MEDINS_LANG_ZH),
                     0);
    ck_assert_str_eq(text, "目录外项目（自费），由个人全额负担：176.00元；"
                           "超出限价部分，由个人全额负担：105.00元；"
                           "乙类先行自付，由个人负担：189.69元；本年度第1次住院；"
                           "本次住院起付线1000.00元，个人负担1000.00元；"
                           "统筹基金支付0.00元至10000.00元共付段内8489.88元的80%；"
                           "该共付段内8489.88元中个人自付20%；"
                           "年度封顶线350000.00元，本次结算前统筹基金已支付0.00元");
    ck_assert_uint_eq(need, strlen(text) + 1);
    ck_assert_int_eq(medins_result_setl_proc_info(text, sizeof text, &need, r, 1, MEDINS_LANG_ZH),
                     0);
    ck_assert_msg(strncmp(text, "个人账户支付500.00元", strlen("个人账户支付500.00元")) == 0 &&
                  !strchr(text, '\n'), "%s", text);
    /* Out of range, and the size asked for alone. */
    ck_assert_int_eq(medins_result_setl_proc_info(text, sizeof text, &need, r, 2, MEDINS_LANG_ZH),
                     MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_result_setl_proc_info(NULL, 0, &need, r, 1, MEDINS_LANG_EN),
                     MEDINS_ERR_BUFFER);
    medins_setldetail row = MEDINS_SETLDETAIL_INIT;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_result_setldetail(&row, r, 2, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(err), "medins_result_setldetail: row 2 of 2");
    medins_error_free(err);
    err = NULL;
    info.version = 0;
    ck_assert_int_eq(medins_result_setlinfo(&info, r, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "medins_setlinfo"));
    medins_error_free(err);
    medins_result_free(r);
}
END_TEST

static medins_result *resident_dibao(const medins_policy *p)
{
    medins_item line = item("310000001", "手术费", MEDINS_ITEM_CLASS_A);
    line.amount = 5000000;
    medins_person person;
    medins_claim claim;
    medins_ledger ledger;
    inpatient(&person, &claim, &ledger);
    person.scheme = MEDINS_SCHEME_RESIDENT;
    person.category = MEDINS_CATEGORY_ADULT;
    person.tier = MEDINS_TIER_MIDDLE;
    person.groups = MEDINS_GROUP_DIBAO;
    claim.level = MEDINS_LEVEL_2;
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_settle_items(&r, p, &person, &claim, &line, 1, &ledger, NULL, &err) == 0,
                  "%s", err ? medins_error_message(err) : "?");
    return r;
}

START_TEST(nhsa_resident_layers)
{
    medins_result *r = resident_dibao(policy);
    medins_setlinfo info = MEDINS_SETLINFO_INIT;
    ck_assert_int_eq(medins_result_setlinfo(&info, r, NULL), 0);
    INFO_EQ(medfee_sumamt, 5000000);
    INFO_EQ(inscp_scp_amt, 5000000);
    INFO_EQ(act_pay_dedc, 80000);
    INFO_EQ(hifp_pay, 3590000);
    INFO_EQ(pool_prop_selfpay, 6500);
    INFO_EQ(hifmi_pay, 246000);
    INFO_EQ(hifob_pay, 0);
    INFO_EQ(maf_pay, 814800);
    INFO_EQ(fund_pay_sumamt, 4650800);
    INFO_EQ(psn_part_amt, 349200);
    INFO_EQ(psn_cash_pay, 349200);
    INFO_EQ(acct_pay, 0);
    ck_assert_uint_eq(medins_result_setldetail_count(r), 3);
    medins_test_detail_is(r, 0, "390100", "城乡居民基本医疗保险基金", 5000000, 10000000, 3590000);
    medins_test_detail_is(r, 1, "390200", "城乡居民大病医疗保险", 1410000, 30000000, 246000);
    medins_test_detail_is(r, 2, "610100", "医疗救助基金", 1164000, 5000000, 814800);
    char text[2048];
    ck_assert_int_eq(medins_result_setl_proc_info(text, sizeof text, NULL, r, 2, MEDINS_LANG_ZH),
                     0);
    ck_assert_str_eq(text, "医疗救助年度起付线0.00元，按年度累计个人负担计算（本次结算前0.00元，"
                           "本次增加11640.00元）；医疗救助支付0.00元以上段内11640.00元的70%；"
                           "医疗救助年度最高支付限额50000.00元，本次结算前已支付0.00元");
    medins_result_free(r);
}
END_TEST

/* A region remaps the residents' major-disease fund (390400) and sends medical assistance to
 * oth_pay: one row each, the rest from the defaults. */
START_TEST(nhsa_remapped)
{
    static const char overlay[] =
        "cite: \"test: bills\"\n"
        "bills:\n"
        "  funds:\n"
        "    - {part: major_disease, scheme: resident, fund_pay_type: \"390400\",\n"
        "       name: 城乡居民大病保险, setlinfo: hifmi_pay}\n"
        "    - {part: assistance, fund_pay_type: \"610100\", name: 医疗救助, setlinfo: oth_pay}\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_policy_derive(&p, base, "region.yaml", overlay, sizeof overlay - 1,
                                       &err) == 0, "%s", err ? medins_error_message(err) : "?");
    medins_result *r = resident_dibao(p);
    medins_setlinfo info = MEDINS_SETLINFO_INIT;
    ck_assert_int_eq(medins_result_setlinfo(&info, r, NULL), 0);
    INFO_EQ(hifmi_pay, 246000);
    INFO_EQ(maf_pay, 0);
    INFO_EQ(oth_pay, 814800);
    INFO_EQ(fund_pay_sumamt, 4650800);
    medins_test_detail_is(r, 0, "390100", "城乡居民基本医疗保险基金", 5000000, 10000000, 3590000);
    medins_test_detail_is(r, 1, "390400", "城乡居民大病保险", 1410000, 30000000, 246000);
    medins_test_detail_is(r, 2, "610100", "医疗救助", 1164000, 5000000, 814800);
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

/* Bad `bills` rows: the code, the position in the overlay and a part of the message. */
START_TEST(bad_funds)
{
    static const struct {
        const char *yaml;
        int code;
        unsigned line, col;
        const char *message;
    } cases[] = {
        {"bills:\n  funds:\n    - {part: pool, fund_pay_type: \"1\", name: x, setlinfo: hifp_pay}\n",
         MEDINS_ERR_TYPE, 3, 14, "part: unknown word \"pool\" (one of: fund, supplementary, major_disease"},
        {"bills:\n  funds:\n    - {part: fund, fund_pay_type: \"31A\", name: x, setlinfo: hifp_pay}\n",
         MEDINS_ERR_SYNTAX, 3, 35, "fund_pay_type: \"31A\" is not a code of 1 to 16 digits"},
        {"bills:\n  funds:\n    - {part: account, fund_pay_type: \"1\", name: x, setlinfo: hifp_pay}\n",
         MEDINS_ERR_RANGE, 3, 62, "the account's payment goes to acct_pay, not hifp_pay"},
        {"bills:\n  funds:\n    - {part: fund, fund_pay_type: \"1\", name: x, setlinfo: acct_pay}\n",
         MEDINS_ERR_RANGE, 3, 59, "a fund's payment goes to a fund's field, not acct_pay"},
        {"bills:\n  funds:\n    - {part: fund, fund_pay_type: \"1\", name: x, setlinfo: balc}\n",
         MEDINS_ERR_TYPE, 3, 59, "setlinfo: unknown word \"balc\""},
        {"bills:\n  funds:\n    - {part: fund, name: x, setlinfo: hifp_pay}\n",
         MEDINS_ERR_MISSING, 3, 7, "fund_pay_type"},
        {"bills:\n  selfpay_prop: 110%\n", MEDINS_ERR_RANGE, 2, 17, "110%"},
        {"bills:\n  psn_types:\n    - {psn_type: \"11a\", scheme: employee, category: retired}\n",
         MEDINS_ERR_SYNTAX, 3, 18, "psn_type: \"11a\" is not a code of 1 to 8 digits"},
        {"bills:\n  psn_types:\n    - {psn_type: \"11\", scheme: employee, category: adult}\n",
         MEDINS_ERR_RANGE, 3, 52, "category: adult is not a category of the employee scheme"},
        {"bills:\n  med_types:\n    - {med_type: \"28\", kind: day_surgery}\n",
         MEDINS_ERR_TYPE, 3, 30, "kind: unknown word \"day_surgery\""},
        {"bills:\n  med_types:\n    - {kind: inpatient}\n", MEDINS_ERR_MISSING, 3, 7,
         "med_type"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "cite: \"test: bills\"\n%s", cases[i].yaml);
        medins_policy *p = NULL;
        medins_error *err = NULL;
        int rc = medins_policy_derive(&p, base, "bad.yaml", text, strlen(text), &err);
        ck_assert_msg(rc == cases[i].code && !p, "case %zu: %d (%s)", i, rc,
                      err ? medins_error_message(err) : "");
        ck_assert_msg(medins_error_line(err) == cases[i].line + 1 &&
                      medins_error_column(err) == cases[i].col &&
                      strstr(medins_error_message(err), cases[i].message),
                      "case %zu: %u:%u %s", i, medins_error_line(err), medins_error_column(err),
                      medins_error_message(err));
        medins_error_free(err);
    }
}
END_TEST

/* The platform's codes in: the national defaults, a region's rows before them, and codes no
 * row maps, each named. */
static int person_of(medins_person *p, const medins_policy *pol, const char *insutype,
                     const char *psn_type, medins_error **err)
{
    return medins_person_from_nhsa(p, pol, insutype, strlen(insutype), psn_type,
                                   strlen(psn_type), err);
}

START_TEST(nhsa_codes_in)
{
    static const struct {
        const char *insutype, *psn_type;
        medins_scheme scheme;
        medins_category category;
    } people[] = {
        {"310", "1101", MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE},
        {"310", "1103", MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_IN_SERVICE},
        {"310", "1202", MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_RETIRED},
        {"390", "1402", MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_STUDENT_CHILD},
        {"390", "1501", MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_ADULT},
    };
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
        medins_person p = MEDINS_PERSON_INIT;
        p.birth_date = 19800101;
        ck_assert_int_eq(person_of(&p, policy, people[i].insutype, people[i].psn_type, NULL), 0);
        ck_assert_int_eq(p.scheme, people[i].scheme);
        ck_assert_int_eq(p.category, people[i].category);
        ck_assert_int_eq(p.birth_date, 19800101);
    }
    static const struct {
        const char *med_type;
        medins_claim_kind kind;
    } claims[] = {{"11", MEDINS_CLAIM_OUTPATIENT}, {"14", MEDINS_CLAIM_SPECIAL_DISEASE},
                  {"21", MEDINS_CLAIM_INPATIENT}, {"24", MEDINS_CLAIM_INPATIENT},
                  {"41", MEDINS_CLAIM_PHARMACY}};
    for (size_t i = 0; i < sizeof claims / sizeof claims[0]; i++) {
        medins_claim c = MEDINS_CLAIM_INIT;
        ck_assert_int_eq(medins_claim_from_nhsa(&c, policy, claims[i].med_type, 2, NULL), 0);
        ck_assert_int_eq(c.kind, claims[i].kind);
    }

    /* Refused, naming the codes, and nothing written. */
    medins_person p = MEDINS_PERSON_INIT, before = p;
    medins_error *err = NULL;
    ck_assert_int_eq(person_of(&p, policy, "310", "1401", &err), MEDINS_ERR_TYPE);
    ck_assert_msg(strstr(medins_error_message(err),
                         "psn_type \"1401\" of insutype \"310\" is not a person policy"),
                  "%s", medins_error_message(err));
    ck_assert(memcmp(&p, &before, sizeof p) == 0);
    medins_error_free(err);
    err = NULL;
    ck_assert_int_eq(person_of(&p, policy, "340", "1300", &err), MEDINS_ERR_TYPE);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "psn_type \"1300\" of insutype \"340\""));
    medins_error_free(err);
    err = NULL;
    ck_assert_int_eq(medins_person_from_nhsa(&p, policy, "310", 3, "11\0" "01", 5, &err),
                     MEDINS_ERR_SYNTAX);
    ck_assert_str_eq(medins_error_message(err), "psn_type: a NUL byte within the code");
    medins_error_free(err);
    err = NULL;
    medins_claim c = MEDINS_CLAIM_INIT;
    ck_assert_int_eq(medins_claim_from_nhsa(&c, policy, "51", 2, &err), MEDINS_ERR_TYPE);
    ck_assert_msg(strstr(medins_error_message(err), "med_type \"51\" is not a claim policy") &&
                  strstr(medins_error_message(err), "give it a bills.med_types row"),
                  "%s", medins_error_message(err));
    ck_assert_int_eq(c.kind, MEDINS_CLAIM_OUTPATIENT);
    medins_error_free(err);
    p.version = 0;
    ck_assert_int_eq(person_of(&p, policy, "310", "1101", NULL), MEDINS_ERR_ARGUMENT);

    /* A region: day surgery (28) settled as an admission, 11 as outpatient pooling, and an
     * older two-digit person code of any insutype. */
    static const char overlay[] =
        "bills:\n"
        "  med_types:\n"
        "    - {med_type: \"28\", kind: inpatient}\n"
        "    - {med_type: \"11\", kind: pooling}\n"
        "  psn_types:\n"
        "    - {psn_type: \"21\", scheme: employee, category: retired}\n";
    medins_policy *region = NULL;
    ck_assert_int_eq(medins_policy_derive(&region, policy, "region.yaml", overlay,
                                          sizeof overlay - 1, NULL), 0);
    ck_assert_int_eq(medins_claim_from_nhsa(&c, region, "28", 2, NULL), 0);
    ck_assert_int_eq(c.kind, MEDINS_CLAIM_INPATIENT);
    ck_assert_int_eq(medins_claim_from_nhsa(&c, region, "11", 2, NULL), 0);
    ck_assert_int_eq(c.kind, MEDINS_CLAIM_POOLING);
    ck_assert_int_eq(medins_claim_from_nhsa(&c, region, "13", 2, NULL), 0);   /* a default */
    ck_assert_int_eq(c.kind, MEDINS_CLAIM_OUTPATIENT);
    medins_person q = MEDINS_PERSON_INIT;
    ck_assert_int_eq(person_of(&q, region, "390", "21", NULL), 0);
    ck_assert_int_eq(q.category, MEDINS_CATEGORY_RETIRED);
    medins_policy_free(region);
}
END_TEST

/* The same bill by its totals settles to the same figures and ledger; its bill is the totals. */
START_TEST(totals_alike)
{
    medins_item items[5];
    hand_worked_bill(items);
    medins_person person;
    medins_claim claim;
    medins_ledger by_items, by_totals;
    inpatient(&person, &claim, &by_items);
    by_totals = by_items;
    medins_result *ri = NULL, *rt = NULL;
    ck_assert_int_eq(medins_settle_items(&ri, policy, &person, &claim, items, 5, &by_items,
                                         NULL, NULL), 0);
    claim.total = 996057;
    claim.self_paid = 28100;
    claim.category_b = 18969;
    ck_assert_int_eq(medins_settle(&rt, policy, &person, &claim, &by_totals, NULL), 0);
    ck_assert(memcmp(medins_result_settlement(ri), medins_result_settlement(rt),
                     sizeof(medins_settlement)) == 0);
    ck_assert(memcmp(&by_items, &by_totals, sizeof by_items) == 0);
    ck_assert_uint_eq(medins_result_item_count(rt), 0);
    SPLIT(medins_result_bill(rt), 996057, 28100, 0, 18969, 948988);
    /* The itemised trace has one step more: the parts above the ceilings, apart from the
     * self-paid lines. */
    ck_assert_uint_eq(medins_result_step_count(ri), medins_result_step_count(rt) + 1);
    ck_assert_int_eq(medins_result_step(rt, 0)->amount, 28100);
    /* A reversal of the itemised settlement restores the ledger as for any other. */
    ck_assert_int_eq(medins_settle_reverse(&by_items, ri, NULL), 0);
    ck_assert_int_eq(by_items.seq, 0);
    ck_assert_int_eq(by_items.account_balance, 50000);
    medins_result_free(ri);
    medins_result_free(rt);
}
END_TEST

/* Rounding at the half fen: 0.01 × 0.5 = 0.005 yuan → 1 fen (half-up); a 乙 line of 1 fen at
 * 50% gives 0.5 → 1 fen of first self-pay and 0 in scope; at 49.99% 0.4999 → 0. */
START_TEST(half_fen)
{
    medins_item it[3] = {item("a", "", MEDINS_ITEM_CLASS_A), item("b", "", MEDINS_ITEM_CLASS_B),
                         item("c", "", MEDINS_ITEM_CLASS_B)};
    it[0].price = 1;
    it[0].quantity = 5000;
    it[1].amount = 1;
    it[1].selfpay_prop = 5000;
    it[2].amount = 1;
    it[2].selfpay_prop = 4999;
    medins_result *r = settle_lines(it, 3);
    SPLIT(medins_result_item(r, 0), 1, 0, 0, 0, 1);
    SPLIT(medins_result_item(r, 1), 1, 0, 0, 1, 0);
    SPLIT(medins_result_item(r, 2), 1, 0, 0, 0, 1);
    medins_result_free(r);
}
END_TEST

/* One line split alone, as in the bill: line 3 of the hand-worked bill (5000: 500 over the
 * ceiling, 450 first self-pay at the policy's 10%, 4050 in scope); a bad line named without a
 * number, and nothing written. */
START_TEST(split_alone)
{
    medins_item items[5];
    hand_worked_bill(items);
    medins_item_split sp = {.amount = -7};
    ck_assert_int_eq(medins_item_split_line(&sp, policy, &items[2], NULL), 0);
    SPLIT(&sp, 5000, 0, 500, 450, 4050);
    items[2].chrgitm_lv = 4;
    medins_item_split untouched = sp;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_item_split_line(&sp, policy, &items[2], &err), MEDINS_ERR_CLAIM);
    ck_assert_str_eq(medins_error_message(err),
                     "item (86900002): chrgitm_lv 4 is not 1 (甲类), 2 (乙类) or 3 (自费)");
    ck_assert(memcmp(&sp, &untouched, sizeof sp) == 0);
    medins_error_free(err);
    err = NULL;
    items[0].code_len = 0;
    ck_assert_int_eq(medins_item_split_line(&sp, policy, &items[0], &err), MEDINS_ERR_CLAIM);
    ck_assert_str_eq(medins_error_message(err), "item: no item code");
    medins_error_free(err);
    ck_assert_int_eq(medins_item_split_line(&sp, NULL, &items[1], NULL), MEDINS_ERR_ARGUMENT);
}
END_TEST

/* ---- Bad input: the code, a part of the message; no result and the ledger untouched ------- */

typedef struct bad {
    const char *name;
    int line;                  /* which of the hand-worked lines to spoil (0-based) */
    void (*spoil)(medins_item *it);
    int code;
    const char *message;
} bad;

static void lv_zero(medins_item *it) { it->chrgitm_lv = 0; }
static void lv_four(medins_item *it) { it->chrgitm_lv = 4; }
static void neg_quantity(medins_item *it) { it->quantity = -MEDINS_QUANTITY_ONE; }
static void neg_price(medins_item *it) { it->price = -1; }
static void neg_amount(medins_item *it) { it->amount = -1; }
static void nul_name(medins_item *it) { it->name = "床\0位"; it->name_len = 7; }
static void nul_code(medins_item *it) { it->code = "2501\0"; it->code_len = 5; }
static void no_code(medins_item *it) { it->code_len = 0; }
static void null_name(medins_item *it) { it->name = NULL; it->name_len = 3; }
static void prop_over(medins_item *it) { it->selfpay_prop = 10001; }
static void prop_neg(medins_item *it) { it->selfpay_prop = -2; }
static void prop_on_a(medins_item *it) { it->selfpay_prop = 1000; }
static void prop_on_self(medins_item *it) { it->selfpay_prop = 5000; }
static void amount_not_product(medins_item *it) { it->amount = 49999; }
static void price_alone(medins_item *it) { it->quantity = 0; }
static void ceiling_no_price(medins_item *it) { it->ceiling = 100; }
static void ceiling_neg(medins_item *it) { it->ceiling = -5; }
static void huge_product(medins_item *it) { it->price = MEDINS_FEN_MAX; }
static void huge_amount(medins_item *it) { it->amount = MEDINS_FEN_MAX + 1; }
static void version_zero(medins_item *it) { it->version = 0; }

static const bad bads[] = {
    {"chrgitm_lv 0", 0, lv_zero, MEDINS_ERR_CLAIM, "item 1 (250101001): chrgitm_lv 0 is not 1"},
    {"chrgitm_lv 4", 2, lv_four, MEDINS_ERR_CLAIM, "item 3 (86900002): chrgitm_lv 4 is not 1"},
    {"negative quantity", 0, neg_quantity, MEDINS_ERR_CLAIM, "item 1 (250101001): a negative quantity"},
    {"negative price", 3, neg_price, MEDINS_ERR_CLAIM, "item 4 (ZF0001): a negative price"},
    {"negative amount", 4, neg_amount, MEDINS_ERR_CLAIM, "item 5 (310000001): a negative amount"},
    {"NUL in a name", 0, nul_name, MEDINS_ERR_SYNTAX, "item 1: its name has a NUL byte at byte 4"},
    {"NUL in a code", 1, nul_code, MEDINS_ERR_SYNTAX, "item 2: its code has a NUL byte at byte 5"},
    {"no code", 1, no_code, MEDINS_ERR_CLAIM, "item 2: no item code"},
    {"NULL name with a length", 1, null_name, MEDINS_ERR_ARGUMENT, "item 2: its name is NULL"},
    {"proportion above 100%", 1, prop_over, MEDINS_ERR_CLAIM, "selfpay_prop 10001 is not between"},
    {"negative proportion", 1, prop_neg, MEDINS_ERR_CLAIM, "selfpay_prop -2 is not between"},
    {"proportion on 甲", 0, prop_on_a, MEDINS_ERR_CLAIM, "selfpay_prop 1000 for a 甲类 item"},
    {"proportion on 自费", 3, prop_on_self, MEDINS_ERR_CLAIM, "selfpay_prop 5000 for a 自费 item"},
    {"amount not price × quantity", 0, amount_not_product, MEDINS_ERR_CLAIM,
     "amount 49999 fen is not price × quantity (50000 fen)"},
    {"price without quantity", 0, price_alone, MEDINS_ERR_CLAIM, "a price without a quantity"},
    {"ceiling without price", 4, ceiling_no_price, MEDINS_ERR_CLAIM,
     "item 5 (310000001): a price ceiling needs the price and the quantity"},
    {"negative ceiling", 0, ceiling_neg, MEDINS_ERR_CLAIM, "price ceiling -5 fen is out of range"},
    {"price × quantity overflows", 0, huge_product, MEDINS_ERR_OVERFLOW,
     "price × quantity is above the limit"},
    {"amount above the limit", 4, huge_amount, MEDINS_ERR_OVERFLOW, "an amount above the limit"},
    {"unknown item version", 2, version_zero, MEDINS_ERR_ARGUMENT, "medins_item"},
};

static void expect_refused(const medins_policy *p, const medins_claim *claim,
                           const medins_item *items, size_t n, int code, const char *message,
                           const char *name)
{
    medins_person person;
    medins_claim c0;
    medins_ledger ledger, before;
    inpatient(&person, &c0, &ledger);
    before = ledger;
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle_items(&r, p, &person, claim ? claim : &c0, items, n, &ledger, NULL,
                                 &err);
    ck_assert_msg(rc == code, "%s: rc %d, expected %d (%s)", name, rc, code,
                  err ? medins_error_message(err) : "");
    ck_assert_msg(err && strstr(medins_error_message(err), message), "%s: message \"%s\"", name,
                  err ? medins_error_message(err) : "(none)");
    ck_assert_ptr_null(r);
    ck_assert(memcmp(&ledger, &before, sizeof ledger) == 0);
    medins_error_free(err);
}

/* price × quantity is rounded in one step when both are below 2^32 (4294967296) and in two
 * (whole units, then the fraction) from there; the figures are the same. Lines on both sides,
 * each with a half fen, under the policy's 10% for 乙 lines without their own:
 *   1  甲  4294967295 × 0.5 = 2147483647.5 → 2147483648; ceiling 4294967290: over 5 × 0.5 =
 *          2.5 → 3; in scope 2147483645.
 *   2  乙  4294967297 × 0.5 = 2147483648.5 → 2147483649; ceiling 4294967292: over 3; first
 *          self-pay (2147483649 − 3) × 10% = 214748364.6 → 214748365; in scope 2147483646 −
 *          214748365 = 1932735281.
 *   3  甲  3 × 429496.7297 (quantity 4294967297) = 1288490.1891 → 1288490.
 *   4  乙  1 × 429496.7295 (quantity 4294967295) = 429496.7295 → 429497; its own 50%:
 *          214748.5 → 214749 first self-pay, 214748 in scope.
 * And (4294967295 × 4294967295) / 10^4 ≈ 1.8 × 10^15 fen, both factors below 2^32: above the
 * limit of 10^14. */
START_TEST(rounding_paths)
{
    medins_item it[4] = {item("R1", "", MEDINS_ITEM_CLASS_A), item("R2", "", MEDINS_ITEM_CLASS_B),
                         item("R3", "", MEDINS_ITEM_CLASS_A), item("R4", "", MEDINS_ITEM_CLASS_B)};
    it[0].price = 4294967295;
    it[0].quantity = 5000;
    it[0].ceiling = 4294967290;
    it[1].price = 4294967297;
    it[1].quantity = 5000;
    it[1].ceiling = 4294967292;
    it[2].price = 3;
    it[2].quantity = 4294967297;
    it[3].price = 1;
    it[3].quantity = 4294967295;
    it[3].selfpay_prop = 5000;
    medins_result *r = settle_lines(it, 4);
    SPLIT(medins_result_item(r, 0), 2147483648, 0, 3, 0, 2147483645);
    SPLIT(medins_result_item(r, 1), 2147483649, 0, 3, 214748365, 1932735281);
    SPLIT(medins_result_item(r, 2), 1288490, 0, 0, 0, 1288490);
    SPLIT(medins_result_item(r, 3), 429497, 0, 0, 214749, 214748);
    medins_result_free(r);

    it[0].quantity = 4294967295;
    medins_item_split sp;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_item_split_line(&sp, policy, &it[0], &err), MEDINS_ERR_OVERFLOW);
    ck_assert_str_eq(medins_error_message(err), "item (R1): price × quantity is above the limit");
    medins_error_free(err);
}
END_TEST

/* Codes and names are copied into the result a word at a time, looking for a NUL as they go:
 * every length from 1 to 24 bytes comes back byte for byte with a NUL after it, bytes of every
 * value but 0 among them (UTF-8's above 0x80 too), and a NUL at any byte of a code or a name
 * is refused at that byte, counted from 1. */
START_TEST(text_copied)
{
    char code[25], name[25];
    for (size_t len = 1; len <= 24; len++) {
        for (size_t k = 0; k < len; k++) {
            code[k] = (char)('A' + k);
            name[k] = (char)(0x81 + (5 * k + len) % 127);   /* 0x81 to 0xFF: never 0 */
        }
        medins_item it = item("", "", MEDINS_ITEM_CLASS_A);
        it.code = code;
        it.code_len = len;
        it.name = name;
        it.name_len = len;
        it.amount = 100;
        medins_result *r = settle_lines(&it, 1);
        size_t code_len = 0, name_len = 0;
        const char *got_name = NULL;
        const char *got_code = medins_result_item_code(r, 0, &code_len, &got_name, &name_len);
        ck_assert_uint_eq(code_len, len);
        ck_assert_uint_eq(name_len, len);
        ck_assert(memcmp(got_code, code, len) == 0 && got_code[len] == '\0');
        ck_assert(memcmp(got_name, name, len) == 0 && got_name[len] == '\0');
        medins_result_free(r);

        for (size_t at = 0; at < len; at++) {
            for (int in_name = 0; in_name < 2; in_name++) {
                char *s = in_name ? name : code;
                const char saved = s[at];
                s[at] = '\0';
                char message[64];
                snprintf(message, sizeof message, "item 1: its %s has a NUL byte at byte %zu",
                         in_name ? "name" : "code", at + 1);
                expect_refused(policy, NULL, &it, 1, MEDINS_ERR_SYNTAX, message, message);
                s[at] = saved;
            }
        }
    }
}
END_TEST

START_TEST(bad_line)
{
    const bad *b = &bads[_i];
    medins_item items[5];
    hand_worked_bill(items);
    b->spoil(&items[b->line]);
    expect_refused(policy, NULL, items, 5, b->code, b->message, b->name);
}
END_TEST

START_TEST(bad_bill)
{
    medins_item items[5];
    hand_worked_bill(items);
    medins_person person;
    medins_claim claim;
    medins_ledger ledger;
    inpatient(&person, &claim, &ledger);
    /* No items. */
    expect_refused(policy, NULL, items, 0, MEDINS_ERR_CLAIM, "claim 7: the bill has no items",
                   "no items");
    /* Totals and items at once. */
    claim.total = 100;
    expect_refused(policy, &claim, items, 5, MEDINS_ERR_CLAIM,
                   "an itemised bill's totals come from its items", "totals given");
    /* A 乙 line without a proportion under a policy without a default (the base). */
    expect_refused(base, NULL, items, 5, MEDINS_ERR_MISSING,
                   "item 3 (86900002): a 乙类 item without selfpay_prop, and the policy has no "
                   "bills.selfpay_prop", "no default");
    /* Lines that each stay within the limit but whose sum does not. */
    medins_item big[2] = {item("x", "", MEDINS_ITEM_CLASS_A), item("y", "", MEDINS_ITEM_CLASS_A)};
    big[0].amount = big[1].amount = MEDINS_FEN_MAX / 2 + 1;
    expect_refused(policy, NULL, big, 2, MEDINS_ERR_OVERFLOW,
                   "the bill's total passes the limit at item 2", "sum above the limit");
    /* A bad claim is refused as medins_settle refuses it. */
    claim.total = 0;
    claim.kind = (medins_claim_kind)99;
    expect_refused(policy, &claim, items, 5, MEDINS_ERR_KIND, "unknown claim kind 99",
                   "bad kind");
    ck_assert_int_eq(medins_settle_items(NULL, policy, &person, &claim, items, 5, &ledger, NULL,
                                         NULL), MEDINS_ERR_ARGUMENT);
}
END_TEST

static Suite *bill_suite(void)
{
    Suite *s = suite_create("bill");
    TCase *tc = tcase_create("bill");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, hand_worked);
    tcase_add_test(tc, totals_alike);
    tcase_add_test(tc, half_fen);
    tcase_add_test(tc, split_alone);
    tcase_add_test(tc, rounding_paths);
    tcase_add_test(tc, text_copied);
    tcase_add_test(tc, nhsa_employee);
    tcase_add_test(tc, nhsa_resident_layers);
    tcase_add_test(tc, nhsa_remapped);
    tcase_add_test(tc, nhsa_codes_in);
    tcase_add_test(tc, bad_funds);
    tcase_add_loop_test(tc, bad_line, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_test(tc, bad_bill);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(bill_suite)
