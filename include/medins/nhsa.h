/**
 * @file medins/nhsa.h
 * @brief A settlement in the national platform's terms: `setlinfo` and `setldetail`.
 *
 * Hospital systems settle through the National Healthcare Security Administration's platform
 * and store what it returns: one `setlinfo` record a settlement, with the platform's field
 * names, and one `setldetail` row for each fund that paid. These calls give a settlement
 * result the same shape. Which `setlinfo` field and which `fund_pay_type` each of the library's
 * payers (the basic fund, a section's supplementary fund, the major-disease layer, medical
 * assistance, the individual account) goes to is policy data: the policy's `bills.funds` rows,
 * then the national defaults (docs/policy-format.md, "Bills"); the supplementary fund goes by
 * the `fund_pay_type` its section gives it. Amounts are in fen, as everywhere in the library (the
 * platform writes yuan with two decimals).
 *
 * Every result keeps these identities: inscp_scp_amt = medfee_sumamt − fulamt_ownpay_amt −
 * overlmt_selfpay − preselfpay_amt; medfee_sumamt = fund_pay_sumamt + psn_part_amt +
 * hosp_part_amt; psn_part_amt = acct_pay + psn_cash_pay; fund_pay_sumamt is the sum of the
 * detail rows of every payer but the account.
 */
#ifndef MEDINS_NHSA_H
#define MEDINS_NHSA_H

#include "common.h"
#include "errors.h"
#include "person.h"
#include "policy.h"
#include "result.h"

MEDINS_BEGIN_DECLS

/**
 * A settlement's `setlinfo`, field by field as the platform names them; fields the library
 * does not compute (hospital burden, enterprise supplementary insurance, account mutual aid)
 * are 0. Initialise with MEDINS_SETLINFO_INIT or medins_setlinfo_init (`version` as for
 * medins_person).
 */
typedef struct medins_setlinfo {
    unsigned int version;          /**< MEDINS_SETLINFO_VERSION, set by the initialisers */
    medins_bp pool_prop_selfpay;   /**< the basic fund's ratio of the first segment paid, in
                                        basis points (the platform's 0.8500 is 8500); 0: none */
    medins_fen medfee_sumamt;      /**< total medical cost */
    medins_fen fulamt_ownpay_amt;  /**< fully self-paid (自费 items) */
    medins_fen overlmt_selfpay;    /**< above price ceilings, self-paid */
    medins_fen preselfpay_amt;     /**< category-B first self-pay */
    medins_fen inscp_scp_amt;      /**< in scope */
    medins_fen act_pay_dedc;       /**< deductible borne in this settlement */
    medins_fen hifp_pay;           /**< basic pooled fund (统筹基金) */
    medins_fen cvlserv_pay;        /**< civil-servant medical subsidy */
    medins_fen hifes_pay;          /**< enterprise supplementary insurance */
    medins_fen hifmi_pay;          /**< residents' major-disease insurance (大病保险) */
    medins_fen hifob_pay;          /**< employees' large-amount subsidy (大额医疗费用补助) */
    medins_fen maf_pay;            /**< medical assistance (医疗救助) */
    medins_fen oth_pay;            /**< other payments */
    medins_fen fund_pay_sumamt;    /**< all funds together (not the account) */
    medins_fen psn_part_amt;       /**< the person's whole burden */
    medins_fen acct_pay;           /**< of it, from the individual account */
    medins_fen psn_cash_pay;       /**< of it, in cash */
    medins_fen hosp_part_amt;      /**< borne by the hospital */
    medins_fen balc;               /**< the account balance after the settlement */
    medins_fen acct_mulaid_pay;    /**< account mutual-aid payment */
} medins_setlinfo;

/** The medins_setlinfo layout this header describes. */
#define MEDINS_SETLINFO_VERSION 1
/** Every field 0. */
#define MEDINS_SETLINFO_INIT { MEDINS_SETLINFO_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
                               0, 0, 0, 0, 0, 0, 0, 0 }
/** Set *info to MEDINS_SETLINFO_INIT. A NULL info is left alone. */
MEDINS_API void medins_setlinfo_init(medins_setlinfo *info);

/** medins_setldetail.crt_payb_lmt_amt of a fund that has no annual maximum. */
#define MEDINS_NO_LIMIT (-1)

/**
 * One `setldetail` row: a fund that paid. The strings are borrowed from the policy (or the
 * library's defaults). Initialise with MEDINS_SETLDETAIL_INIT or medins_setldetail_init.
 */
typedef struct medins_setldetail {
    unsigned int version;          /**< MEDINS_SETLDETAIL_VERSION, set by the initialisers */
    medins_part part;              /**< which of the library's payers: MEDINS_PART_FUND,
                                        _SUPPLEMENTARY, _MAJOR_DISEASE, _ASSISTANCE or
                                        _ACCOUNT */
    const char *fund_pay_type;     /**< the platform's code ("310100") */
    const char *fund_pay_type_name; /**< its name ("职工基本医疗保险统筹基金") */
    medins_fen inscp_scp_amt;      /**< the amount this fund considered: the in-scope amount
                                        for the basic fund, the cost beyond its start for the
                                        supplementary fund, the burden a layer took, what the
                                        account could pay */
    medins_fen crt_payb_lmt_amt;   /**< the room its annual maximum left before this claim
                                        (the balance, for the account); MEDINS_NO_LIMIT: none */
    medins_fen fund_payamt;        /**< what it paid */
} medins_setldetail;

/** The medins_setldetail layout this header describes. */
#define MEDINS_SETLDETAIL_VERSION 1
/** No part, no code, zeros. */
#define MEDINS_SETLDETAIL_INIT { MEDINS_SETLDETAIL_VERSION, MEDINS_PART_FUND, NULL, NULL, 0, 0, 0 }
/** Set *row to MEDINS_SETLDETAIL_INIT. A NULL row is left alone. */
MEDINS_API void medins_setldetail_init(medins_setldetail *row);

/**
 * The settlement's `setlinfo`.
 * @param out receives it (initialised by the caller: its version is read); written only on
 *        success.
 * @param result a settlement result (medins_settle, medins_settle_items).
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_ARGUMENT for a NULL argument, a result of another kind or an `out` of
 *         unknown version; MEDINS_ERR_NOT_COVERED when no `bills.funds` row (nor default)
 *         names where a payer that paid goes.
 */
MEDINS_API int medins_result_setlinfo(medins_setlinfo *out, const medins_result *result,
                                      medins_error **err);

/** The number of `setldetail` rows: the payers that paid (0 for a result of another kind). */
MEDINS_API size_t medins_result_setldetail_count(const medins_result *result);

/**
 * Detail row i, in the order basic fund, supplementary fund, major-disease layer, medical
 * assistance, account.
 * @param out receives it (initialised by the caller); written only on success.
 * @param result a settlement result.
 * @param i the row, below medins_result_setldetail_count.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_ARGUMENT for a NULL argument, another kind of result, a row out of
 *         range or an `out` of unknown version; MEDINS_ERR_NOT_COVERED as for
 *         medins_result_setlinfo.
 */
MEDINS_API int medins_result_setldetail(medins_setldetail *out, const medins_result *result,
                                        size_t i, medins_error **err);

/**
 * Read the platform's `insutype` and `psn_type` into a person's scheme and category, by the
 * policy's `bills.psn_types` rows, then the national defaults (docs/policy-format.md, "Bills";
 * 310 with 1101, 1102, 1103 an employee in service, with 1201, 1202, 1203 a retiree; 390 with
 * 1401 to 1405 a student or child, with 1501 an adult resident). Only those two fields are
 * written: the tier, birth date and groups are the caller's.
 * @param person the person (initialised by the caller); written only on success.
 * @param policy the policy in force.
 * @param insutype the code, `insutype_len` bytes ("310").
 * @param insutype_len its length.
 * @param psn_type the code, `psn_type_len` bytes ("1101").
 * @param psn_type_len its length.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_TYPE for a pair no row maps, naming both codes and the policy;
 *         MEDINS_ERR_SYNTAX for a NUL byte within a code; MEDINS_ERR_ARGUMENT for a NULL
 *         argument or a person of unknown version.
 */
MEDINS_API int medins_person_from_nhsa(medins_person *person, const medins_policy *policy,
                                       const char *insutype, size_t insutype_len,
                                       const char *psn_type, size_t psn_type_len,
                                       medins_error **err);

/**
 * Read the platform's `med_type` into a claim's kind, by the policy's `bills.med_types` rows,
 * then the national defaults (11 and 13 outpatient, 14 special disease, 21 to 24 inpatient, 41
 * pharmacy). Only the kind is written.
 * @param claim the claim (initialised by the caller); written only on success.
 * @param policy the policy in force.
 * @param med_type the code, `len` bytes ("21").
 * @param len its length.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_TYPE for a code no row maps, naming it and the policy;
 *         MEDINS_ERR_SYNTAX for a NUL byte within it; MEDINS_ERR_ARGUMENT for a NULL argument
 *         or a claim of unknown version.
 */
MEDINS_API int medins_claim_from_nhsa(medins_claim *claim, const medins_policy *policy,
                                      const char *med_type, size_t len, medins_error **err);

MEDINS_END_DECLS

#endif
