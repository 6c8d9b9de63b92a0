/*
 * A settlement in the platform's terms (medins/nhsa.h): its `setlinfo` and its `setldetail`
 * rows, from the result's figures, the bill's split and the payers' bases and rooms that a
 * traced settlement keeps (settle.c), each payer placed by the policy's `bills.funds` rows or
 * the national defaults (policy/bills.c).
 */
#include <string.h>

#include "result.h"
#include "settle.h"

void medins_setlinfo_init(medins_setlinfo *info)
{
    if (info)
        *info = (medins_setlinfo)MEDINS_SETLINFO_INIT;
}

void medins_setldetail_init(medins_setldetail *row)
{
    if (row)
        *row = (medins_setldetail)MEDINS_SETLDETAIL_INIT;
}

/* What payer i paid. */
static medins_fen paid(const mdn_settled *d, int payer)
{
    const medins_settlement *s = &d->s;
    return payer == MDN_PAYER_FUND ? s->fund : payer == MDN_PAYER_SUPP ? s->supplementary
         : payer == MDN_PAYER_MAJOR ? s->major_disease : payer == MDN_PAYER_ASSIST ? s->assistance
         : s->account;
}

/* The settlement data of `result`, or MEDINS_ERR_ARGUMENT naming `what`. */
static int data_of(const mdn_settled **d, const medins_result *result, const char *what,
                   medins_error **err)
{
    *d = mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
    if (!*d)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%s: %s", what,
                         result ? "the result is not a settlement" : "NULL result");
    return 0;
}

/* The row placing `payer` of d's person, or MEDINS_ERR_NOT_COVERED. */
static int fund_of(mdn_fund_row *row, const medins_result *result, const mdn_settled *d,
                   int payer, medins_error **err)
{
    const medins_policy *p = mdn_result_policy(result);
    if (!mdn_fund_of(row, p, payer, d->scheme, d->supp))
        return mdn_error(err, MEDINS_ERR_NOT_COVERED, NULL, 0, 0,
                         "policy %s has no bills.funds row for the %s of a person of the %s "
                         "scheme", p->id, medins_part_name(mdn_payer_parts[payer]),
                         medins_scheme_name(d->scheme));
    return 0;
}

/* The setlinfo field named `name`, from the struct's layout. */
static medins_fen *field_of(medins_setlinfo *info, const char *name)
{
    for (size_t i = 0; i < medins_layout_field_count(MEDINS_LAYOUT_SETLINFO); i++) {
        const medins_field *f = medins_layout_field(MEDINS_LAYOUT_SETLINFO, i);
        if (strcmp(f->name, name) == 0)
            return (medins_fen *)((char *)info + f->offset);
    }
    return NULL;   /* not reached: policy/bills.c takes only the fields of the layout */
}

int medins_result_setlinfo(medins_setlinfo *out, const medins_result *result, medins_error **err)
{
    const mdn_settled *d;
    int rc;
    if (!out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "medins_result_setlinfo: NULL out");
    if ((rc = MDN_CHECK_VERSION(err, out, "medins_setlinfo", MEDINS_SETLINFO_VERSION)) < 0 ||
        (rc = data_of(&d, result, "medins_result_setlinfo", err)) < 0)
        return rc;
    const medins_settlement *s = &d->s;
    medins_setlinfo v = MEDINS_SETLINFO_INIT;
    v.medfee_sumamt = d->bill.amount;
    v.fulamt_ownpay_amt = d->bill.self_paid;
    v.overlmt_selfpay = d->bill.over_ceiling;
    v.preselfpay_amt = d->bill.category_b;
    v.inscp_scp_amt = d->bill.in_scope;
    v.act_pay_dedc = s->deductible;
    v.pool_prop_selfpay = s->ratio;
    for (int payer = 0; payer < MDN_PAYERS; payer++) {
        const medins_fen amount = paid(d, payer);
        if (amount == 0)
            continue;
        mdn_fund_row row;
        if ((rc = fund_of(&row, result, d, payer, err)) < 0)
            return rc;
        medins_fen *f = field_of(&v, row.field);
        if (f)
            *f += amount;
        if (payer != MDN_PAYER_ACCOUNT)
            v.fund_pay_sumamt += amount;
    }
    v.psn_part_amt = s->patient;
    v.psn_cash_pay = s->cash;
    v.balc = d->after.account_balance;
    v.version = out->version;
    *out = v;
    return 0;
}

/* The payer of detail row i: the i-th that paid; MDN_PAYERS past the last. */
static int payer_of_row(const mdn_settled *d, size_t i)
{
    int payer = 0;
    for (; payer < MDN_PAYERS; payer++)
        if (paid(d, payer) != 0 && i-- == 0)
            break;
    return payer;
}

int mdn_setldetail_payer(const medins_result *result, size_t row)
{
    const mdn_settled *d = mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
    const int payer = d ? payer_of_row(d, row) : MDN_PAYERS;
    return payer < MDN_PAYERS ? payer : -1;
}

int mdn_step_payer(const medins_result *result, size_t i)
{
    const medins_step *st;
    /* An adjustment belongs to the payer of the segments that follow it. */
    while ((st = medins_result_step(result, i)) && st->kind == MEDINS_STEP_ADJUSTMENT)
        i++;
    if (!st)
        return -1;
    switch (st->kind) {
    case MEDINS_STEP_MAJOR_DISEASE_NO_ROW: case MEDINS_STEP_MAJOR_DISEASE_DEDUCTIBLE:
    case MEDINS_STEP_MAJOR_DISEASE: case MEDINS_STEP_MAJOR_DISEASE_CAP:
        return MDN_PAYER_MAJOR;
    case MEDINS_STEP_ASSISTANCE_NO_ROW: case MEDINS_STEP_ASSISTANCE_DEDUCTIBLE:
    case MEDINS_STEP_ASSISTANCE: case MEDINS_STEP_ASSISTANCE_CAP:
        return MDN_PAYER_ASSIST;
    case MEDINS_STEP_ACCOUNT: case MEDINS_STEP_ACCOUNT_FIRST:
        return MDN_PAYER_ACCOUNT;
    case MEDINS_STEP_SUPPLEMENTARY_START: case MEDINS_STEP_SUPPLEMENTARY:
    case MEDINS_STEP_SUPPLEMENTARY_CAP:
        return MDN_PAYER_SUPP;
    case MEDINS_STEP_PATIENT:
        return -1;
    default:   /* what comes off the bill, the deductible, the segments, the maximum */
        return MDN_PAYER_FUND;
    }
}

size_t medins_result_setldetail_count(const medins_result *result)
{
    const mdn_settled *d = mdn_result_figures(result, MEDINS_RESULT_SETTLEMENT);
    size_t n = 0;
    for (int payer = 0; d && payer < MDN_PAYERS; payer++)
        n += paid(d, payer) != 0;
    return n;
}

int medins_result_setldetail(medins_setldetail *out, const medins_result *result, size_t i,
                             medins_error **err)
{
    const mdn_settled *d;
    mdn_fund_row row;
    int rc;
    if (!out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_result_setldetail: NULL out");
    if ((rc = MDN_CHECK_VERSION(err, out, "medins_setldetail", MEDINS_SETLDETAIL_VERSION)) < 0 ||
        (rc = data_of(&d, result, "medins_result_setldetail", err)) < 0)
        return rc;
    const int payer = payer_of_row(d, i);
    if (payer == MDN_PAYERS)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_result_setldetail: row %zu of %zu", i,
                         medins_result_setldetail_count(result));
    if ((rc = fund_of(&row, result, d, payer, err)) < 0)
        return rc;
    *out = (medins_setldetail){
        .version = out->version,
        .part = mdn_payer_parts[payer],
        .fund_pay_type = row.code,
        .fund_pay_type_name = row.name,
        .inscp_scp_amt = d->payer_base[payer],
        .crt_payb_lmt_amt = d->payer_room[payer],
        .fund_payamt = paid(d, payer),
    };
    return 0;
}

/* A code of `len` bytes for a message: at most 16 bytes of it, and no NUL within (checked). */
static int code_text(const char *what, const char *code, size_t len, medins_error **err)
{
    if (!code && len > 0)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%s: NULL with a length", what);
    if (len > 0 && memchr(code, '\0', len))
        return mdn_error(err, MEDINS_ERR_SYNTAX, NULL, 0, 0, "%s: a NUL byte within the code",
                         what);
    return 0;
}

#define SHOWN(len) (int)((len) > 16 ? 16 : (len))

int medins_person_from_nhsa(medins_person *person, const medins_policy *policy,
                            const char *insutype, size_t insutype_len, const char *psn_type,
                            size_t psn_type_len, medins_error **err)
{
    int rc;
    if (!person || !policy)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_person_from_nhsa: NULL argument");
    if ((rc = MDN_CHECK_VERSION(err, person, "medins_person", MEDINS_PERSON_VERSION)) < 0 ||
        (rc = code_text("insutype", insutype, insutype_len, err)) < 0 ||
        (rc = code_text("psn_type", psn_type, psn_type_len, err)) < 0)
        return rc;
    const mdn_psn_row *row = mdn_psn_of(policy, insutype, insutype_len, psn_type, psn_type_len);
    if (!row)
        return mdn_error(err, MEDINS_ERR_TYPE, NULL, 0, 0,
                         "psn_type \"%.*s\" of insutype \"%.*s\" is not a person policy %s "
                         "knows: give it a bills.psn_types row", SHOWN(psn_type_len), psn_type,
                         SHOWN(insutype_len), insutype, policy->id);
    person->scheme = row->scheme;
    person->category = row->category;
    return 0;
}

int medins_claim_from_nhsa(medins_claim *claim, const medins_policy *policy,
                           const char *med_type, size_t len, medins_error **err)
{
    int rc;
    if (!claim || !policy)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "medins_claim_from_nhsa: NULL argument");
    if ((rc = MDN_CHECK_VERSION(err, claim, "medins_claim", MEDINS_CLAIM_VERSION)) < 0 ||
        (rc = code_text("med_type", med_type, len, err)) < 0)
        return rc;
    const mdn_med_row *row = mdn_med_of(policy, med_type, len);
    if (!row)
        return mdn_error(err, MEDINS_ERR_TYPE, NULL, 0, 0,
                         "med_type \"%.*s\" is not a claim policy %s settles: give it a "
                         "bills.med_types row", SHOWN(len), med_type, policy->id);
    claim->kind = row->kind;
    return 0;
}
