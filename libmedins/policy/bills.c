/*
 * Binding the `bills:` section into the model of bills.h: the default first self-pay of
 * category-B fee lines (compute/bill.c splits the lines with it) and the `funds` rows that
 * place each payer in the platform's `setlinfo` and `setldetail` (compute/nhsa.c), before the
 * national defaults below.
 */
#include <string.h>

#include "bills.h"
#include "bind.h"

const medins_part mdn_payer_parts[MDN_PAYERS] = {
    [MDN_PAYER_FUND] = MEDINS_PART_FUND,
    [MDN_PAYER_MAJOR] = MEDINS_PART_MAJOR_DISEASE,
    [MDN_PAYER_ASSIST] = MEDINS_PART_ASSISTANCE,
    [MDN_PAYER_ACCOUNT] = MEDINS_PART_ACCOUNT,
};
static const char *const payer_words[] = {"fund", "major_disease", "assistance", "account", NULL};

/* The setlinfo fields a payer may go to: a fund to any but the last, the account to the last
 * (so that psn_part_amt = acct_pay + psn_cash_pay holds on every result). */
static const char *const field_words[] = {"hifp_pay", "cvlserv_pay", "hifes_pay", "hifmi_pay",
                                          "hifob_pay", "maf_pay", "oth_pay", "acct_pay", NULL};
#define ACCOUNT_FIELD 7

#define EMPLOYEE (1u << MEDINS_SCHEME_EMPLOYEE)
#define RESIDENT (1u << MEDINS_SCHEME_RESIDENT)

/* The national defaults: the platform's fund_pay_type code table and the fields its
 * responses fill (the shared NHSA-INTERFACE notes, "Where the library's parts go"). */
static const mdn_fund_row default_funds[] = {
    {MDN_PAYER_FUND, EMPLOYEE, "310100", "职工基本医疗保险统筹基金", "hifp_pay"},
    {MDN_PAYER_FUND, RESIDENT, "390100", "城乡居民基本医疗保险基金", "hifp_pay"},
    {MDN_PAYER_MAJOR, EMPLOYEE, "330100", "职工大额医疗费用补助", "hifob_pay"},
    {MDN_PAYER_MAJOR, RESIDENT, "390200", "城乡居民大病医疗保险", "hifmi_pay"},
    {MDN_PAYER_ASSIST, 0, "610100", "医疗救助基金", "maf_pay"},
    {MDN_PAYER_ACCOUNT, EMPLOYEE, "310200", "职工基本医疗保险个人账户", "acct_pay"},
};

static const mdn_fund_row *match(const mdn_fund_row *rows, size_t n, int payer,
                                 medins_scheme scheme)
{
    for (size_t i = 0; i < n; i++)
        if (rows[i].payer == payer && (!rows[i].schemes || rows[i].schemes >> scheme & 1u))
            return &rows[i];
    return NULL;
}

const mdn_fund_row *mdn_fund_of(const medins_policy *p, int payer, medins_scheme scheme)
{
    const mdn_fund_row *row = p->bills ? match(p->bills->funds, p->bills->nfunds, payer, scheme)
                                       : NULL;
    return row ? row : match(default_funds, sizeof default_funds / sizeof default_funds[0],
                             payer, scheme);
}

/* One `funds` row: {part, scheme (optional), fund_pay_type, name, setlinfo}. */
static int bind_fund(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"part", "scheme", "fund_pay_type", "name", "setlinfo",
                                       NULL};
    mdn_fund_row *f = out;
    int payer = -1, field = -1, rc;
    if ((rc = mdn_bind_keys(b, row, 0, keys)) || (rc = mdn_bind_word(b, row, "part", true,
                                                                     payer_words, &payer)) ||
        (rc = mdn_bind_word_mask(b, row, "scheme", mdn_scheme_words, &f->schemes)) ||
        (rc = mdn_bind_string(b, row, "fund_pay_type", true, &f->code)) ||
        (rc = mdn_bind_string(b, row, "name", true, &f->name)) ||
        (rc = mdn_bind_word(b, row, "setlinfo", true, field_words, &field)))
        return rc;
    const mdn_node *code = mdn_map_get(row, "fund_pay_type");
    if (code->len == 0 || code->len > 16 || strspn(code->text, "0123456789") != code->len)
        return mdn_bind_error(b, code, MEDINS_ERR_SYNTAX,
                              "fund_pay_type: \"%s\" is not a code of 1 to 16 digits", f->code);
    if (mdn_map_get(row, "name")->len == 0)
        return mdn_bind_error(b, mdn_map_get(row, "name"), MEDINS_ERR_RANGE,
                              "name: the fund's name is empty");
    if ((payer == MDN_PAYER_ACCOUNT) != (field == ACCOUNT_FIELD))
        return mdn_bind_error(b, mdn_map_get(row, "setlinfo"), MEDINS_ERR_RANGE,
                              payer == MDN_PAYER_ACCOUNT
                                  ? "setlinfo: the account's payment goes to acct_pay, not %s"
                                  : "setlinfo: a fund's payment goes to a fund's field, not %s",
                              field_words[field]);
    f->payer = payer;
    f->field = field_words[field];
    return 0;
}

int mdn_bind_bills(mdn_binder *b, medins_section section, const mdn_node *node)
{
    static const char *const keys[] = {"selfpay_prop", "funds", NULL};
    struct mdn_bills *m = mdn_bind_alloc(b, sizeof *m);
    if (!m)
        return MEDINS_ERR_NOMEM;
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "selfpay_prop", false, &m->selfpay_prop);
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "funds", sizeof(mdn_fund_row), bind_fund,
                           (void **)&m->funds, &m->nfunds);
    if (rc == 0)
        b->policy->bills = m;
    return rc;
}
