/*
 * A hospital system's round of one bill: the patient's year so far from the platform's
 * figures, a pre-settlement shown at the desk, the settlement, its record stored; and, in a
 * later run (another process, days later), the refund from what was stored. Receipts in
 * Chinese, rendered from the settlement's trace.
 *
 *   his_refund settle DIR    pre-settle and settle; store DIR/record.txt and DIR/ledger.txt
 *   his_refund refund DIR    refund from DIR/record.txt; DIR/ledger.txt restored
 *
 * The patient: an employee in service with one admission already this year (at a level-3
 * hospital in March: 20000 in scope, deductible 1000, fund 16100; the burden of 3900 counted by
 * the major-disease layer and by assistance). The bill: a second admission at a level-3
 * hospital on 1 June 2023, 25000 with 1000 fully self-paid and 500 category-B first self-pay.
 * The files are replaced whole: written to a temporary name, then renamed.
 */
#include <medins.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(medins_error *err, int rc)
{
    fprintf(stderr, "error %s: %s\n", medins_status_name(rc), err ? medins_error_message(err) : "");
    medins_error_free(err);
    return 1;
}

/* The whole of a file, NUL-terminated (*len bytes before it); NULL when it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    if (!f)
        return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            char *b = realloc(buf, cap = n + 4096 + 1);
            if (!b) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = b;
        }
        got = fread(buf + n, 1, 4096, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Replace path by the n bytes at text: a temporary beside it, renamed over it. */
static int write_all(const char *path, const char *text, size_t n)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return -1;
    int ok = fwrite(text, 1, n, f) == n;
    ok &= fclose(f) == 0;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return -1;
    }
    return 0;
}

static void path_in(char *buf, size_t size, const char *dir, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

/* The receipt: the trace rendered in Chinese. */
static int print_receipt(const medins_result *r)
{
    size_t needed = 0;
    medins_result_render(NULL, 0, &needed, r, MEDINS_LANG_ZH);
    char *text = malloc(needed);
    if (!text || medins_result_render(text, needed, NULL, r, MEDINS_LANG_ZH) != 0) {
        free(text);
        return -1;
    }
    fputs(text, stdout);
    free(text);
    return 0;
}

static void print_yuan(const char *label, medins_fen amount)
{
    char y[32];
    medins_money_format(y, sizeof y, amount);
    printf("  %s %s元\n", label, y);
}

static int settle(const char *dir, const medins_policy *policy)
{
    medins_person person;
    medins_person_init(&person);
    person.birth_date = 19800101;

    /* The year so far, as the platform reports it. */
    medins_year_to_date ytd = MEDINS_YEAR_TO_DATE_INIT(2023);
    ytd.last_date = 20230302;
    ytd.admissions = 1;
    ytd.in_scope[MEDINS_POOL_INPATIENT] = 2000000;
    ytd.deductible[MEDINS_POOL_INPATIENT] = 100000;
    ytd.fund[MEDINS_POOL_INPATIENT] = 1610000;
    ytd.major_base = 390000;
    ytd.assist_base = 390000;
    medins_ledger ledger;
    medins_error *err = NULL;
    int rc = medins_ledger_from_year(&ledger, &ytd, &err);
    if (rc < 0)
        return fail(err, rc);

    medins_claim bill;
    medins_claim_init(&bill);
    bill.id = 20230601001;
    bill.date = 20230601;
    bill.kind = MEDINS_CLAIM_INPATIENT;
    bill.level = MEDINS_LEVEL_3;
    bill.total = 2500000;
    bill.self_paid = 100000;
    bill.category_b = 50000;

    /* At the desk: an estimate, no ledger changed. */
    medins_result *estimate = NULL;
    if ((rc = medins_presettle(&estimate, policy, &person, &bill, &ledger, NULL, &err)) < 0)
        return fail(err, rc);
    printf("预结算（不记账）：\n");
    print_yuan("统筹基金支付", medins_result_settlement(estimate)->fund);
    print_yuan("个人负担", medins_result_settlement(estimate)->patient);
    medins_result_free(estimate);

    /* The settlement, its receipt, its record and the ledger stored. */
    medins_result *r = NULL;
    if ((rc = medins_settle(&r, policy, &person, &bill, &ledger, &err)) < 0)
        return fail(err, rc);
    printf("\n结算单：\n");
    char record[4096], text[1024], path[1024];
    size_t n = 0;
    rc = print_receipt(r);
    if (rc == 0)
        rc = medins_record_write(record, sizeof record, &n, r, &err);
    medins_result_free(r);
    if (rc < 0)
        return fail(err, rc);
    path_in(path, sizeof path, dir, "record.txt");
    if (write_all(path, record, n - 1) != 0)
        return fail(NULL, MEDINS_ERR_IO);
    if ((rc = medins_ledger_serialize(text, sizeof text, &n, &ledger)) < 0)
        return fail(NULL, rc);
    path_in(path, sizeof path, dir, "ledger.txt");
    if (write_all(path, text, n - 1) != 0)
        return fail(NULL, MEDINS_ERR_IO);
    printf("\n已保存结算记录 record.txt 与台账 ledger.txt\n");
    return 0;
}

static int refund(const char *dir)
{
    char path[1024], text[1024];
    size_t len, rlen, n;
    medins_error *err = NULL;
    path_in(path, sizeof path, dir, "ledger.txt");
    char *stored = read_all(path, &len);
    path_in(path, sizeof path, dir, "record.txt");
    char *record = read_all(path, &rlen);
    if (!stored || !record) {
        free(stored);
        free(record);
        return fail(NULL, MEDINS_ERR_IO);
    }
    medins_ledger ledger;
    medins_settlement back;
    int rc = medins_ledger_parse(&ledger, stored, len, &err);
    if (rc == 0)
        rc = medins_refund(&back, &ledger, record, rlen, &err);
    free(stored);
    free(record);
    if (rc != 0)
        return fail(err, rc);
    if ((rc = medins_ledger_serialize(text, sizeof text, &n, &ledger)) < 0)
        return fail(NULL, rc);
    path_in(path, sizeof path, dir, "ledger.txt");
    if (write_all(path, text, n - 1) != 0)
        return fail(NULL, MEDINS_ERR_IO);
    printf("退费（单据号%lld），各项金额冲销：\n", (long long)back.claim_id);
    print_yuan("医疗费用总额", back.total);
    print_yuan("统筹基金支付", back.fund);
    print_yuan("大病保险支付", back.major_disease);
    print_yuan("个人负担", back.patient);
    printf("台账已恢复到本次结算之前（本年第%u次结算之后）\n", (unsigned)ledger.seq);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "settle") != 0 && strcmp(argv[1], "refund") != 0)) {
        fprintf(stderr, "usage: his_refund settle|refund DIR\n");
        return 2;
    }
    if (strcmp(argv[1], "refund") == 0)
        return refund(argv[2]);
    medins_error *err = NULL;
    medins_policy_set *set = NULL;
    const medins_policy *policy = NULL;
    int rc = medins_policy_set_open_embedded(&set, &err);
    if (rc == 0)
        rc = medins_policy_set_lookup(&policy, set, medins_default_region(), 20230601, &err);
    rc = rc < 0 ? fail(err, rc) : settle(argv[2], policy);
    medins_policy_set_free(set);
    return rc;
}
