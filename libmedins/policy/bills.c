/*
 * Binding the `bills:` section into the model of bills.h: the default first self-pay of
 * category-B fee lines (compute/bill.c splits the lines with it) and the `funds` rows that
 * place each payer in the platform's `setlinfo` and `setldetail` (compute/nhsa.c), before the
 * national defaults below.
 */
#include <string.h>

#include "benefit.h"
#include "bills.h"
#include "bind.h"

const medins_part mdn_payer_parts[MDN_PAYERS] = {
    [MDN_PAYER_FUND] = MEDINS_PART_FUND,
    [MDN_PAYER_SUPP] = MEDINS_PART_SUPPLEMENTARY,
    [MDN_PAYER_MAJOR] = MEDINS_PART_MAJOR_DISEASE,
    [MDN_PAYER_ASSIST] = MEDINS_PART_ASSISTANCE,
    [MDN_PAYER_ACCOUNT] = MEDINS_PART_ACCOUNT,
};
static const char *const payer_words[] = {"fund", "supplementary", "major_disease", "assistance",
                                          "account", NULL};

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

#define EMP(c) MEDINS_SCHEME_EMPLOYEE, MEDINS_CATEGORY_##c
#define RES(c) MEDINS_SCHEME_RESIDENT, MEDINS_CATEGORY_##c

/* The platform's national psn_type codes under the employees' (310) and the residents' (390)
 * insutype. The retired cadres (1300, their own cover 340) are left to a region. */
static const mdn_psn_row default_psn_types[] = {
    {"310", "1101", EMP(IN_SERVICE)}, {"310", "1102", EMP(IN_SERVICE)},
    {"310", "1103", EMP(IN_SERVICE)}, {"310", "1201", EMP(RETIRED)},
    {"310", "1202", EMP(RETIRED)},    {"310", "1203", EMP(RETIRED)},
    {"390", "1401", RES(STUDENT_CHILD)}, {"390", "1402", RES(STUDENT_CHILD)},
    {"390", "1403", RES(STUDENT_CHILD)}, {"390", "1404", RES(STUDENT_CHILD)},
    {"390", "1405", RES(STUDENT_CHILD)}, {"390", "1501", RES(ADULT)},
};

/* The national med_type codes that are claims the library settles; registration (12),
 * accident outpatient (19) and maternity (51-53) are left to a region. */
static const mdn_med_row default_med_types[] = {
    {"11", MEDINS_CLAIM_OUTPATIENT}, {"13", MEDINS_CLAIM_OUTPATIENT},
    {"14", MEDINS_CLAIM_SPECIAL_DISEASE}, {"21", MEDINS_CLAIM_INPATIENT},
    {"22", MEDINS_CLAIM_INPATIENT}, {"23", MEDINS_CLAIM_INPATIENT},
    {"24", MEDINS_CLAIM_INPATIENT}, {"41", MEDINS_CLAIM_PHARMACY},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Whether the code `c` (NUL-terminated) is the `len` bytes at `s`. */
static bool same(const char *c, const char *s, size_t len)
{
    return strlen(c) == len && memcmp(c, s, len) == 0;
}

static const mdn_psn_row *match_psn(const mdn_psn_row *rows, size_t n, const char *insutype,
                                    size_t ilen, const char *psn_type, size_t plen)
{
    for (size_t i = 0; i < n; i++)
        if ((!rows[i].insutype || same(rows[i].insutype, insutype, ilen)) &&
            same(rows[i].psn_type, psn_type, plen))
            return &rows[i];
    return NULL;
}

const mdn_psn_row *mdn_psn_of(const medins_policy *p, const char *insutype, size_t ilen,
                              const char *psn_type, size_t plen)
{
    const mdn_psn_row *row = p->bills ? match_psn(p->bills->psn_types, p->bills->npsn_types,
                                                  insutype, ilen, psn_type, plen) : NULL;
    return row ? row : match_psn(default_psn_types, COUNT(default_psn_types), insutype, ilen,
                                 psn_type, plen);
}

static const mdn_med_row *match_med(const mdn_med_row *rows, size_t n, const char *med_type,
                                    size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (same(rows[i].med_type, med_type, len))
            return &rows[i];
    return NULL;
}

const mdn_med_row *mdn_med_of(const medins_policy *p, const char *med_type, size_t len)
{
    const mdn_med_row *row = p->bills ? match_med(p->bills->med_types, p->bills->nmed_types,
                                                  med_type, len) : NULL;
    return row ? row : match_med(default_med_types, COUNT(default_med_types), med_type, len);
}

/* The first of n rows for `payer` of a person of `scheme`; for the supplementary fund, of its
 * code `code` too. */
static const mdn_fund_row *match(const mdn_fund_row *rows, size_t n, int payer,
                                 medins_scheme scheme, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (rows[i].payer == payer && (!rows[i].schemes || rows[i].schemes >> scheme & 1u) &&
            (!code || strcmp(rows[i].code, code) == 0))
            return &rows[i];
    return NULL;
}

bool mdn_fund_of(mdn_fund_row *out, const medins_policy *p, int payer, medins_scheme scheme,
                 const struct mdn_supplementary *supp)
{
    if (payer == MDN_PAYER_SUPP && !supp)
        return false;   /* not reached: a supplementary payment has its section's fund */
    const char *code = payer == MDN_PAYER_SUPP ? supp->fund_pay_type : NULL;
    const mdn_fund_row *row = p->bills ? match(p->bills->funds, p->bills->nfunds, payer, scheme,
                                               code)
                                       : NULL;
    if (!row && payer != MDN_PAYER_SUPP)
        row = match(default_funds, COUNT(default_funds), payer, scheme, NULL);
    if (row) {
        *out = *row;
        return true;
    }
    if (payer != MDN_PAYER_SUPP)
        return false;
    /* The supplementary fund by its code: the national table's fund of that code (not the
     * account), whichever payer and scheme it lists it under; a code the table lacks is named
     * by the fund's word and goes among the other payments. */
    *out = (mdn_fund_row){payer, 0, code, supp->fund, "oth_pay"};
    for (size_t i = 0; i < COUNT(default_funds); i++)
        if (default_funds[i].payer != MDN_PAYER_ACCOUNT &&
            strcmp(default_funds[i].code, code) == 0) {
            out->name = default_funds[i].name;
            out->field = default_funds[i].field;
            break;
        }
    return true;
}

/* map[key], a code of 1 to `max` digits, into *out; absent: *out unchanged (NULL). */
static int bind_code(mdn_binder *b, const mdn_node *map, const char *key, bool required,
                     size_t max, const char **out)
{
    int rc = mdn_bind_string(b, map, key, required, out);
    const mdn_node *code = mdn_map_get(map, key);
    if (rc == 0 && *out && (code->len == 0 || code->len > max ||
                            strspn(code->text, "0123456789") != code->len))
        return mdn_bind_error(b, code, MEDINS_ERR_SYNTAX,
                              "%s: \"%s\" is not a code of 1 to %zu digits", key, *out, max);
    return rc;
}

/* One `psn_types` row: {insutype (optional), psn_type, scheme, category}. */
static int bind_psn(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"insutype", "psn_type", "scheme", "category", NULL};
    mdn_psn_row *r = out;
    int scheme = -1, category = -1, rc;
    if ((rc = mdn_bind_keys(b, row, 0, keys)) ||
        (rc = bind_code(b, row, "insutype", false, 8, &r->insutype)) ||
        (rc = bind_code(b, row, "psn_type", true, 8, &r->psn_type)) ||
        (rc = mdn_bind_word(b, row, "scheme", true, mdn_scheme_words, &scheme)) ||
        (rc = mdn_bind_word(b, row, "category", true, mdn_category_words, &category)))
        return rc;
    /* Each category belongs to one scheme (medins/person.h): two of the first, two of the other. */
    if ((category >= MEDINS_CATEGORY_ADULT) != (scheme == MEDINS_SCHEME_RESIDENT))
        return mdn_bind_error(b, mdn_map_get(row, "category"), MEDINS_ERR_RANGE,
                              "category: %s is not a category of the %s scheme",
                              mdn_category_words[category], mdn_scheme_words[scheme]);
    r->scheme = (medins_scheme)scheme;
    r->category = (medins_category)category;
    return 0;
}

/* One `med_types` row: {med_type, kind}. */
static int bind_med(mdn_binder *b, const mdn_node *row, void *out)
{
    static const char *const keys[] = {"med_type", "kind", NULL};
    mdn_med_row *r = out;
    int kind = -1, rc;
    if ((rc = mdn_bind_keys(b, row, 0, keys)) ||
        (rc = bind_code(b, row, "med_type", true, 8, &r->med_type)) ||
        (rc = mdn_bind_word(b, row, "kind", true, mdn_kind_words, &kind)))
        return rc;
    r->kind = (medins_claim_kind)kind;
    return 0;
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
        (rc = bind_code(b, row, "fund_pay_type", true, 16, &f->code)) ||
        (rc = mdn_bind_string(b, row, "name", true, &f->name)) ||
        (rc = mdn_bind_word(b, row, "setlinfo", true, field_words, &field)))
        return rc;
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
    static const char *const keys[] = {"selfpay_prop", "funds", "psn_types", "med_types", NULL};
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
        rc = mdn_bind_rows(b, node, "psn_types", sizeof(mdn_psn_row), bind_psn,
                           (void **)&m->psn_types, &m->npsn_types);
    if (rc == 0)
        rc = mdn_bind_rows(b, node, "med_types", sizeof(mdn_med_row), bind_med,
                           (void **)&m->med_types, &m->nmed_types);
    if (rc == 0)
        b->policy->bills = m;
    return rc;
}
