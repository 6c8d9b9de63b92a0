/*
 * Settlements stored and refunded later (medins/record.h), and pre-settlement: hand-worked
 * claims on tests/data/settle/basic.yaml (its figures are listed in check_settle.c), the
 * record's text taken through a string as another process would read it, and bad records.
 *
 * The claims below, worked by hand (yuan), for an employee in service:
 *   A. outpatient, level 2, 1000, balance 300: deductible 800; (1000 - 800) x 60% = 120 fund,
 *      80 coinsurance; patient 800 + 80 = 880, of which the account 300 (the whole balance),
 *      cash 580.
 *   B. inpatient, level 3, 20000, the first admission, no thrifty year: deductible 1000;
 *      10000 x 80% = 8000 and 9000 x 90% = 8100: fund 16100, coinsurance 2000 + 900 = 2900;
 *      patient 1000 + 2900 = 3900 (below the major-disease deductible of 10000: no layer).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "medins.h"
#include "runner.h"

static medins_policy *policy;

static void setup(void) { policy = medins_test_load("data/settle/basic.yaml"); }
static void teardown(void) { medins_policy_free(policy); policy = NULL; }

static void claim_of(medins_claim *c, int64_t id, medins_claim_kind kind, medins_level level,
                     medins_fen total, medins_date date)
{
    medins_claim_init(c);
    c->id = id;
    c->kind = kind;
    c->level = level;
    c->total = total;
    c->date = date;
}

static medins_person employee(void)
{
    medins_person p;
    medins_person_init(&p);
    p.birth_date = 19800101;
    return p;
}

/* Settle claim A (id 1) or B (id 2) on l and give its record's text (static buffer). */
static medins_result *settle(medins_ledger *l, int which, char *record, size_t size)
{
    medins_claim c;
    if (which == 'A')
        claim_of(&c, 1, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230301);
    else
        claim_of(&c, 2, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(20000), 20230302);
    const medins_person p = employee();
    medins_result *r = NULL;
    medins_error *err = NULL;
    int rc = medins_settle(&r, policy, &p, &c, l, &err);
    ck_assert_msg(rc == 0, "settle: %s", err ? medins_error_message(err) : "?");
    size_t needed = 0;
    ck_assert_int_eq(medins_record_write(NULL, 0, &needed, r, NULL), MEDINS_ERR_BUFFER);
    ck_assert_uint_le(needed, size);
    ck_assert_int_eq(medins_record_write(record, size, NULL, r, NULL), 0);
    ck_assert_uint_eq(strlen(record) + 1, needed);
    return r;
}

static void ledger_text(char *buf, size_t size, const medins_ledger *l)
{
    ck_assert_int_eq(medins_ledger_serialize(buf, size, NULL, l), 0);
}

/* A: stored, and refunded from text alone: the ledger's text is the one before, byte for byte. */
START_TEST(refund_from_text)
{
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(300);
    char before[1024], stored[1024], record[4096];
    ledger_text(before, sizeof before, &l);
    medins_result *r = settle(&l, 'A', record, sizeof record);
    const medins_settlement s = *medins_result_settlement(r);
    ck_assert_int_eq(s.fund, Y(120));
    ck_assert_int_eq(s.account, Y(300));
    ck_assert_int_eq(s.cash, Y(580));
    ledger_text(stored, sizeof stored, &l);
    medins_result_free(r);

    /* Another process: the ledger and the record from their texts. */
    medins_ledger later;
    ck_assert_int_eq(medins_ledger_parse(&later, stored, strlen(stored), NULL), 0);
    medins_settlement read, refund;
    ck_assert_int_eq(medins_record_read(&read, record, strlen(record), NULL), 0);
    ck_assert_int_eq(memcmp(&read, &s, sizeof s), 0);
    medins_error *err = NULL;
    int rc = medins_refund(&refund, &later, record, strlen(record), &err);
    ck_assert_msg(rc == 0, "refund: %s", err ? medins_error_message(err) : "?");
    char after[1024];
    ledger_text(after, sizeof after, &later);
    ck_assert_str_eq(after, before);
    /* The amounts negated, the rest as they were: -1000 total, -120 fund, -880 patient. */
    ck_assert_int_eq(refund.claim_id, 1);
    ck_assert_int_eq(refund.total, -Y(1000));
    ck_assert_int_eq(refund.in_scope, -Y(1000));
    ck_assert_int_eq(refund.deductible, -Y(800));
    ck_assert_int_eq(refund.fund, -Y(120));
    ck_assert_int_eq(refund.coinsurance, -Y(80));
    ck_assert_int_eq(refund.patient, -Y(880));
    ck_assert_int_eq(refund.account, -Y(300));
    ck_assert_int_eq(refund.cash, -Y(580));
    ck_assert_int_eq(refund.ratio, s.ratio);

    /* Refunded twice: refused, nothing changed. */
    rc = medins_refund(&refund, &later, record, strlen(record), &err);
    ck_assert_int_eq(rc, MEDINS_ERR_REVERSE);
    ck_assert_str_eq(medins_error_message(err), "claim 1 is already reversed: the ledger is as "
                     "it was before that settlement");
    medins_error_free(err);
    ledger_text(after, sizeof after, &later);
    ck_assert_str_eq(after, before);
}
END_TEST

/* A credit to the account between the settlement and its refund stays: A took the whole
 * balance of 300; 50 credited since; the refund gives the 300 back onto the 50: 350. */
START_TEST(refund_after_credit)
{
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(300);
    char record[4096];
    medins_result *r = settle(&l, 'A', record, sizeof record);
    medins_result_free(r);
    ck_assert_int_eq(l.account_balance, 0);
    l.account_balance += Y(50);
    ck_assert_int_eq(medins_refund(NULL, &l, record, strlen(record), NULL), 0);
    medins_ledger expected;
    medins_ledger_init(&expected, 2023);
    expected.account_balance = Y(350);
    ck_assert_int_eq(memcmp(&l, &expected, sizeof l), 0);
}
END_TEST

/* A then B: A's record is refused while B stands, with the settlement to reverse first. */
START_TEST(refund_not_latest)
{
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(300);
    char ra[4096], rb[4096];
    medins_result *a = settle(&l, 'A', ra, sizeof ra);
    medins_result *b = settle(&l, 'B', rb, sizeof rb);
    /* B: 16100 fund (worked above), the balance already spent by A. */
    ck_assert_int_eq(medins_result_settlement(b)->fund, Y(16100));
    ck_assert_int_eq(medins_result_settlement(b)->patient, Y(3900));
    const medins_ledger now = l;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_refund(NULL, &l, ra, strlen(ra), &err), MEDINS_ERR_REVERSE);
    ck_assert_str_eq(medins_error_message(err),
                     "claim 1 is not the ledger's most recent settlement: it is settlement 1 of "
                     "2023 and the ledger counts 2; reverse settlements 2 to 2 first, the latest "
                     "first, then this one, and settle the later ones again");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&l, &now, sizeof l), 0);
    /* In that order it goes. */
    ck_assert_int_eq(medins_refund(NULL, &l, rb, strlen(rb), NULL), 0);
    ck_assert_int_eq(medins_refund(NULL, &l, ra, strlen(ra), NULL), 0);
    medins_ledger fresh;
    medins_ledger_init(&fresh, 2023);
    fresh.account_balance = Y(300);
    ck_assert_int_eq(memcmp(&l, &fresh, sizeof l), 0);
    medins_result_free(a);
    medins_result_free(b);
}
END_TEST

/* A record of one person's ledger given another's: refused, nothing changed. */
START_TEST(refund_other_ledger)
{
    medins_ledger mine, theirs;
    medins_ledger_init(&mine, 2023);
    medins_ledger_init(&theirs, 2023);
    char ra[4096], rb[4096];
    medins_result *a = settle(&mine, 'A', ra, sizeof ra);
    medins_result *b = settle(&theirs, 'B', rb, sizeof rb);
    const medins_ledger now = theirs;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_refund(NULL, &theirs, ra, strlen(ra), &err), MEDINS_ERR_REVERSE);
    ck_assert_str_eq(medins_error_message(err),
                     "claim 1 was not settled on this ledger as it is: the ledger (2023, 1 "
                     "settlements) is not as that settlement left it (2023, settlement 1), nor "
                     "later than it: a ledger of another person, or one on which it was reversed");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&theirs, &now, sizeof theirs), 0);
    /* Of another year: the same. */
    medins_ledger next;
    medins_ledger_init(&next, 2024);
    ck_assert_int_eq(medins_refund(NULL, &next, ra, strlen(ra), NULL), MEDINS_ERR_REVERSE);
    medins_result_free(a);
    medins_result_free(b);
}
END_TEST

/*
 * A settlement the supplementary fund paid part of (tests/data/settle/supplementary.yaml,
 * worked in check_stages.c): the first admission of an employee in service, level 3, 50000
 * in scope, with the basic fund at 95000 this year (its maximum 100000, 5000 left):
 *   deductible 1300; of the 48700 above it the basic fund pays 85% until its 5000 are paid:
 *   the least part whose share reaches 5000.00 is 5882.35 (x 85% = 4999.9975, 5000.00
 *   rounded); the 42817.65 beyond is the supplementary fund's (no `start`
 *   row: it starts at the maximum), at the employees' 80%: 34254.12, within its 400000;
 *   patient 50000 - 5000 - 34254.12 = 10745.88 (below the major-disease deductible of 30000:
 *   no layer; balance 0: no account).
 *   setlinfo: medfee_sumamt = inscp_scp_amt 5000000, act_pay_dedc 130000, hifp_pay 500000,
 *   pool_prop_selfpay 8500, hifob_pay 3425412 (its code 330100 is the national large-amount
 *   subsidy's, which goes there), fund_pay_sumamt 3925412, psn_part_amt = psn_cash_pay
 *   1074588: 3925412 + 1074588 = 5000000.
 *   setldetail: 310100 (5000000 considered, 500000 left of the maximum, 500000 paid), then
 *   330100 职工大额医疗费用补助 (4281765 considered, 40000000 left, 3425412 paid).
 * Its record holds the payment and the ledger's supplementary total; the refund negates it
 * and the ledger's text is as before, byte for byte, in the text version that has the
 * supplementary totals.
 */
static medins_result *settle_supplementary(const medins_policy *sp, medins_ledger *l)
{
    medins_ledger_init(l, 2023);
    l->fund[MEDINS_POOL_INPATIENT] = Y(95000);
    medins_claim c;
    claim_of(&c, 7, MEDINS_CLAIM_INPATIENT, MEDINS_LEVEL_3, Y(50000), 20230301);
    const medins_person p = employee();
    medins_result *r = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_settle(&r, sp, &p, &c, l, &err) == 0, "settle: %s",
                  err ? medins_error_message(err) : "?");
    ck_assert_int_eq(medins_result_settlement(r)->supplementary, 3425412);
    return r;
}

/* Detail row i of r is the payer `part` with these figures. */
#define detail_is(r, i, part, ...) \
    ck_assert_int_eq(medins_test_detail_is((r), (i), __VA_ARGS__), (part))

START_TEST(refund_supplementary)
{
    medins_policy *sp = medins_test_load("data/settle/supplementary.yaml");
    medins_ledger l;
    char before[1024], after[1024], record[4096];
    medins_ledger_init(&l, 2023);
    l.fund[MEDINS_POOL_INPATIENT] = Y(95000);
    ledger_text(before, sizeof before, &l);
    medins_result *r = settle_supplementary(sp, &l);
    medins_setlinfo info;
    medins_setlinfo_init(&info);
    ck_assert_int_eq(medins_result_setlinfo(&info, r, NULL), 0);
    ck_assert_int_eq(info.medfee_sumamt, 5000000);
    ck_assert_int_eq(info.inscp_scp_amt, 5000000);
    ck_assert_int_eq(info.act_pay_dedc, 130000);
    ck_assert_int_eq(info.hifp_pay, 500000);
    ck_assert_int_eq(info.pool_prop_selfpay, 8500);
    ck_assert_int_eq(info.hifob_pay, 3425412);
    ck_assert_int_eq(info.hifmi_pay + info.oth_pay + info.maf_pay + info.cvlserv_pay, 0);
    ck_assert_int_eq(info.fund_pay_sumamt, 3925412);
    ck_assert_int_eq(info.psn_part_amt, 1074588);
    ck_assert_int_eq(info.psn_cash_pay, 1074588);
    ck_assert_int_eq(info.acct_pay, 0);
    ck_assert_uint_eq(medins_result_setldetail_count(r), 2);
    detail_is(r, 0, MEDINS_PART_FUND, "310100", "职工基本医疗保险统筹基金", 5000000, 500000,
              500000);
    detail_is(r, 1, MEDINS_PART_SUPPLEMENTARY, "330100", "职工大额医疗费用补助", 4281765,
              40000000, 3425412);
    /* The supplementary fund's row is worked by its own steps. */
    char text[1024];
    ck_assert_int_eq(medins_result_setl_proc_info(text, sizeof text, NULL, r, 1, MEDINS_LANG_EN),
                     0);
    ck_assert_msg(strstr(text, "it takes 42817.65") && strstr(text, "pays 80% of 42817.65") &&
                  strstr(text, "maximum 400000.00") && !strstr(text, "1300"), "%s", text);
    ck_assert_int_eq(medins_record_write(record, sizeof record, NULL, r, NULL), 0);
    ck_assert_ptr_nonnull(strstr(record, "\nsupplementary=3425412\n"));
    ck_assert_ptr_nonnull(strstr(record, "\nafter.supplementary.inpatient=3425412\n"));
    ledger_text(after, sizeof after, &l);
    ck_assert_ptr_nonnull(strstr(after, "medins-ledger 2\n"));
    medins_settlement refund;
    medins_error *err = NULL;
    ck_assert_msg(medins_refund(&refund, &l, record, strlen(record), &err) == 0, "refund: %s",
                  err ? medins_error_message(err) : "?");
    ck_assert_int_eq(refund.supplementary, -3425412);
    ck_assert_int_eq(refund.fund, -Y(5000));
    ck_assert_int_eq(refund.patient, -1074588);
    char again[1024];
    ledger_text(again, sizeof again, &l);
    ck_assert_str_eq(again, before);
    /* A record whose supplementary payment is not the ledgers' difference does not hold. */
    char *at = strstr(record, "\nsupplementary=3425412\n");
    memcpy(at, "\nsupplementary=3425411", 22);
    ck_assert_int_eq(medins_record_read(&refund, record, strlen(record), &err), MEDINS_ERR_RECORD);
    ck_assert_ptr_nonnull(strstr(medins_error_message(err), "does not hold together"));
    medins_error_free(err);
    medins_result_free(r);
    medins_policy_free(sp);
}
END_TEST

/*
 * tests/data/settle/supplementary.yaml with its inpatient fund's code replaced by `code` and
 * `tail` (a bills section) added.
 */
static medins_policy *supplementary_as(const char *code, const char *tail)
{
    char path[1024], text[8192];
    FILE *f = fopen(medins_test_path(path, sizeof path, "data/settle/supplementary.yaml"), "rb");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    /* The inpatient fund's code is the one its ratio follows (the outpatient's, its start). */
    static const char inpatient[] = "fund_pay_type: \"330100\"\n    ratio:";
    char *at = strstr(text, inpatient);
    ck_assert_ptr_nonnull(at);
    memcpy(at + 16, code, 6);
    ck_assert_uint_lt(n + strlen(tail), sizeof text);
    strcat(text, tail);
    medins_policy *p = NULL;
    medins_error *err = NULL;
    ck_assert_msg(medins_policy_load_string(&p, "supplementary.yaml", text, strlen(text), NULL,
                                            NULL, &err) == 0, "%s",
                  err ? medins_error_message(err) : "?");
    return p;
}

/*
 * Where the supplementary fund goes follows its own code: a code the national table lacks
 * ("390500") is named by the fund's word (large_amount) and goes to oth_pay; a bills.funds
 * row of part supplementary and that code names it and places it instead (hifes_pay here);
 * a row of another code is not its. The claim is refund_supplementary's: fund 500000 to
 * hifp_pay, the supplementary fund's 3425412, fund_pay_sumamt 3925412 either way.
 */
START_TEST(nhsa_supplementary_placed)
{
    static const struct {
        const char *code, *tail, *name;
        size_t field;   /* offset of the setlinfo field that takes it */
    } cases[] = {
        {"390500", "", "large_amount", offsetof(medins_setlinfo, oth_pay)},
        {"390500",
         "bills:\n  funds:\n"
         "    - {part: supplementary, fund_pay_type: \"330100\", name: 别的, setlinfo: hifob_pay}\n"
         "    - {part: supplementary, fund_pay_type: \"390500\", name: 大额医疗费用互助,\n"
         "       setlinfo: hifes_pay}\n",
         "大额医疗费用互助", offsetof(medins_setlinfo, hifes_pay)},
        {"330100",
         "bills:\n  funds:\n"
         "    - {part: supplementary, scheme: resident, fund_pay_type: \"330100\", name: x,\n"
         "       setlinfo: oth_pay}\n",
         "职工大额医疗费用补助", offsetof(medins_setlinfo, hifob_pay)},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        medins_policy *sp = supplementary_as(cases[k].code, cases[k].tail);
        medins_ledger l;
        medins_result *r = settle_supplementary(sp, &l);
        medins_setlinfo info = MEDINS_SETLINFO_INIT;
        ck_assert_int_eq(medins_result_setlinfo(&info, r, NULL), 0);
        medins_fen at;
        memcpy(&at, (const char *)&info + cases[k].field, sizeof at);
        ck_assert_int_eq(at, 3425412);
        ck_assert_int_eq(info.hifp_pay, 500000);
        ck_assert_int_eq(info.fund_pay_sumamt, 3925412);
        ck_assert_int_eq(info.medfee_sumamt, info.fund_pay_sumamt + info.psn_part_amt);
        detail_is(r, 1, MEDINS_PART_SUPPLEMENTARY, cases[k].code, cases[k].name, 4281765,
                  40000000, 3425412);
        medins_result_free(r);
        medins_policy_free(sp);
    }
}
END_TEST

/* ---- Bad records ------------------------------------------------------------------------ */

/* A record's lines (claim A's): 1 the version, 2 the policy, 3 to 21 the figures (claim_id,
 * total, self_paid, category_b, in_scope, deductible, fund 9, ... account_first 21), 22 to 49
 * the ledger's 28 keys before (before.year 22, before.seq 24), 50 to 77 after (after.seq 52). */
typedef struct bad_record {
    const char *name;
    const char *from, *to;    /* replace the first `from` by `to`; NULL: the text is `to` */
    unsigned line, column;
    const char *message;      /* a part of it */
} bad_record;

static const bad_record bad_records[] = {
    {"empty", NULL, "", 0, 0, "empty settlement record"},
    {"a ledger", NULL, "medins-ledger 1\n", 1, 1,
     "not a settlement record: the first line must be \"medins-record 1\" (or a later version, "
     "to 2)"},
    {"newer version", "medins-record 1", "medins-record 3", 1, 15, "version 3, which this library"},
    {"unknown key", "total=", "totl=", 4, 1, "unknown record key \"totl\""},
    {"unknown ledger key", "before.seq=", "before.sq=", 24, 1, "unknown record key \"before.sq\""},
    {"key twice", "\ntotal=", "\nfund=12000\ntotal=", 10, 1, "record key fund given twice"},
    {"ledger key twice", "\nafter.seq=", "\nafter.year=2023\nafter.seq=", 52, 1,
     "ledger key after.year given twice"},
    {"missing figure", "\ncash=58000", "", 0, 0, "record key cash is missing"},
    {"missing ledger key", "\nbefore.carry_over=0", "", 0, 0, "ledger key before.carry_over is missing"},
    {"misspelt policy", "\npolicy=", "\npolicx=", 2, 1, "unknown record key \"policx\""},
    {"malformed figure", "fund=12000", "fund=12,000", 9, 6, "record fund: not a number"},
    {"negative figure", "fund=12000", "fund=-12000", 9, 6, "record fund: not a number from 0"},
    {"malformed ledger value", "after.seq=1", "after.seq=x", 52, 11, "ledger after.seq: malformed number"},
    {"NUL", "fund=12000", "fund=12\0000", 9, 8, "contains a NUL byte"},
    {"ledger inconsistent", "after.admissions=0", "after.admissions=2", 0, 0,
     "after.*: ledger has more admissions than settlements"},
    {"figures do not add up", "fund=12000", "fund=12001", 0, 0, "its figures do not add up to its total"},
    {"ledgers do not follow", "after.seq=1", "after.seq=2", 0, 0,
     "not the ledger before it with one settlement more"},
    {"figures not in the ledger", "after.fund.outpatient=12000", "after.fund.outpatient=12001", 0, 0,
     "not the ledger before it plus its figures"},
};

/* The record with `from` replaced by `to` (embedded NULs kept: lengths, not strlen). */
static size_t edit(char *out, size_t size, const char *record, const bad_record *b)
{
    if (!b->from) {
        size_t n = strlen(b->to);
        memcpy(out, b->to, n);
        return n;
    }
    const char *at = strstr(record, b->from);
    ck_assert_msg(at != NULL, "%s: no \"%s\" in the record", b->name, b->from);
    const size_t head = (size_t)(at - record), fn = strlen(b->from);
    
/* `to` may hold a NUL: its length is that of the literal in the table, found by the
     * text after it. */
    size_t tn = strlen(b->to);
    if (strcmp(b->name, "NUL") == 0)
        tn = 9;
    const size_t tail = strlen(at + fn);
    ck_assert_uint_lt(head + tn + tail, size);
    memcpy(out, record, head);
    memcpy(out + head, b->to, tn);
    memcpy(out + head + tn, at + fn, tail);
    return head + tn + tail;
}

START_TEST(bad_record_refused)
{
    const bad_record *b = &bad_records[_i];
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(300);
    char record[4096], text[4200];
    medins_result *r = settle(&l, 'A', record, sizeof record);
    medins_result_free(r);
    const size_t n = edit(text, sizeof text, record, b);
    const medins_ledger now = l;
    medins_error *err = NULL;
    medins_settlement s;
    memset(&s, 0x5a, sizeof s);
    const medins_settlement untouched = s;
    ck_assert_int_eq(medins_record_read(&s, text, n, NULL), MEDINS_ERR_RECORD);
    ck_assert_msg(medins_refund(&s, &l, text, n, &err) == MEDINS_ERR_RECORD, "%s: refused", b->name);
    ck_assert_msg(strstr(medins_error_message(err), b->message) != NULL, "%s: \"%s\"", b->name,
                  medins_error_message(err));
    ck_assert_msg(medins_error_line(err) == b->line && medins_error_column(err) == b->column,
                  "%s: at %u:%u, not %u:%u", b->name, medins_error_line(err),
                  medins_error_column(err), b->line, b->column);
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&l, &now, sizeof l), 0);
    ck_assert_int_eq(memcmp(&s, &untouched, sizeof s), 0);
}
END_TEST

/* ---- Pre-settlement ----------------------------------------------------------------------- */

/* An estimate gives the settlement's figures and changes nothing; it has no record. */
START_TEST(presettle_estimates)
{
    medins_ledger l;
    medins_ledger_init(&l, 2023);
    l.account_balance = Y(300);
    const medins_ledger start = l;
    medins_claim c;
    claim_of(&c, 1, MEDINS_CLAIM_OUTPATIENT, MEDINS_LEVEL_2, Y(1000), 20230301);
    const medins_person p = employee();
    medins_result *e = NULL, *r = NULL;
    ck_assert_int_eq(medins_presettle(&e, policy, &p, &c, &l, NULL, NULL), 0);
    ck_assert_int_eq(memcmp(&l, &start, sizeof l), 0);
    ck_assert_int_ne(medins_result_is_estimate(e), 0);
    /* Claim A's figures: 120 fund, 300 from the account, 580 cash. */
    const medins_settlement *es = medins_result_settlement(e);
    ck_assert_int_eq(es->fund, Y(120));
    ck_assert_int_eq(es->account, Y(300));
    ck_assert_int_eq(es->cash, Y(580));
    ck_assert_uint_gt(medins_result_step_count(e), 0);
    ck_assert_int_eq(medins_settle(&r, policy, &p, &c, &l, NULL), 0);
    ck_assert_int_eq(medins_result_is_estimate(r), 0);
    ck_assert_int_eq(memcmp(medins_result_settlement(r), es, sizeof *es), 0);
    ck_assert_uint_eq(medins_result_step_count(r), medins_result_step_count(e));
    /* Nothing to store or reverse. */
    size_t needed = 0;
    medins_error *err = NULL;
    ck_assert_int_eq(medins_record_write(NULL, 0, &needed, e, &err), MEDINS_ERR_ARGUMENT);
    ck_assert_str_eq(medins_error_message(err), "claim 1 was only estimated (medins_presettle): "
                     "it has no record, nothing having changed");
    medins_error_free(err);
    err = NULL;
    const medins_ledger settled = l;
    ck_assert_int_eq(medins_settle_reverse(&l, e, &err), MEDINS_ERR_REVERSE);
    ck_assert_str_eq(medins_error_message(err), "claim 1 was only estimated (medins_presettle): "
                     "there is nothing to reverse");
    medins_error_free(err);
    ck_assert_int_eq(memcmp(&l, &settled, sizeof l), 0);
    /* A refused claim is refused alike, with no result. */
    c.date = 20230201;   /* before the ledger's last settlement */
    medins_result *none = NULL;
    ck_assert_int_eq(medins_presettle(&none, policy, &p, &c, &l, NULL, NULL), MEDINS_ERR_ORDER);
    ck_assert_ptr_null(none);
    ck_assert_int_eq(medins_presettle(&none, policy, &p, &c, NULL, NULL, NULL), MEDINS_ERR_ARGUMENT);
    medins_result_free(e);
    medins_result_free(r);
}
END_TEST

static Suite *record_suite(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("refund");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, refund_from_text);
    tcase_add_test(tc, refund_after_credit);
    tcase_add_test(tc, refund_not_latest);
    tcase_add_test(tc, refund_other_ledger);
    tcase_add_test(tc, refund_supplementary);
    tcase_add_test(tc, nhsa_supplementary_placed);
    suite_add_tcase(s, tc);

    tc = tcase_create("bad-input");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, bad_record_refused, 0, (int)(sizeof bad_records / sizeof bad_records[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("presettle");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_add_test(tc, presettle_estimates);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(record_suite)
