/*
 * columns.i: the batch over columns, for both bindings. Python hands numpy arrays and Java its
 * primitive arrays, each as a pointer and a length; here they become the library's persons,
 * claims and outputs, their lengths checked once, and one batch call is made with the options
 * both languages take (each failed claim's error, the closing of years). Neither language
 * builds the batch's structs or checks its columns itself.
 */

%{
/* The batch's columns, in the order both bindings pass them. */
enum {
    MEDINS_BIND_SCHEME, MEDINS_BIND_CATEGORY, MEDINS_BIND_TIER, MEDINS_BIND_BIRTH_DATE,
    MEDINS_BIND_GROUPS, MEDINS_BIND_FAMILY_DOCTOR,
    MEDINS_BIND_PERSON, MEDINS_BIND_DATE, MEDINS_BIND_KIND, MEDINS_BIND_LEVEL,
    MEDINS_BIND_INSTITUTION, MEDINS_BIND_TOTAL, MEDINS_BIND_SELF_PAID, MEDINS_BIND_CATEGORY_B,
    MEDINS_BIND_ATTRIBUTES, MEDINS_BIND_DAYS,
    MEDINS_BIND_FUND, MEDINS_BIND_SUPPLEMENTARY, MEDINS_BIND_MAJOR_DISEASE,
    MEDINS_BIND_ASSISTANCE, MEDINS_BIND_PATIENT, MEDINS_BIND_DEDUCTIBLE, MEDINS_BIND_COINSURANCE,
    MEDINS_BIND_OVER_CAP, MEDINS_BIND_ACCOUNT, MEDINS_BIND_ACCOUNT_FIRST,
    MEDINS_BIND_STATUS,
    /* The persons' fields of medins_batch_persons version 2, after the outputs. */
    MEDINS_BIND_RETIREMENT_DATE, MEDINS_BIND_CONTRIBUTION_MONTHS, MEDINS_BIND_SEX,
    MEDINS_BIND_COHORTS, MEDINS_BIND_COLUMNS
};

/* Each column: its name, whether its elements are 64-bit (else 32), whether the call writes
 * it, whether it may be absent (empty), and whether it has a value per claim (else per person). */
static const struct {
    const char *name;
    unsigned char is_long, output, optional, per_claim;
} medins_bind_columns[MEDINS_BIND_COLUMNS] = {
    [MEDINS_BIND_SCHEME] = {"scheme", 0, 0, 0, 0},
    [MEDINS_BIND_CATEGORY] = {"category", 0, 0, 0, 0},
    [MEDINS_BIND_TIER] = {"tier", 0, 0, 0, 0},
    [MEDINS_BIND_BIRTH_DATE] = {"birth_date", 0, 0, 0, 0},
    [MEDINS_BIND_GROUPS] = {"groups", 0, 0, 1, 0},
    [MEDINS_BIND_FAMILY_DOCTOR] = {"family_doctor", 1, 0, 1, 0},
    [MEDINS_BIND_PERSON] = {"person", 0, 0, 0, 1},
    [MEDINS_BIND_DATE] = {"date", 0, 0, 0, 1},
    [MEDINS_BIND_KIND] = {"kind", 0, 0, 0, 1},
    [MEDINS_BIND_LEVEL] = {"level", 0, 0, 0, 1},
    [MEDINS_BIND_INSTITUTION] = {"institution", 1, 0, 1, 1},
    [MEDINS_BIND_TOTAL] = {"total", 1, 0, 0, 1},
    [MEDINS_BIND_SELF_PAID] = {"self_paid", 1, 0, 1, 1},
    [MEDINS_BIND_CATEGORY_B] = {"category_b", 1, 0, 1, 1},
    [MEDINS_BIND_ATTRIBUTES] = {"attributes", 0, 0, 1, 1},
    [MEDINS_BIND_DAYS] = {"days", 0, 0, 1, 1},
    [MEDINS_BIND_FUND] = {"fund", 1, 1, 1, 1},
    [MEDINS_BIND_SUPPLEMENTARY] = {"supplementary", 1, 1, 1, 1},
    [MEDINS_BIND_MAJOR_DISEASE] = {"major_disease", 1, 1, 1, 1},
    [MEDINS_BIND_ASSISTANCE] = {"assistance", 1, 1, 1, 1},
    [MEDINS_BIND_PATIENT] = {"patient", 1, 1, 1, 1},
    [MEDINS_BIND_DEDUCTIBLE] = {"deductible", 1, 1, 1, 1},
    [MEDINS_BIND_COINSURANCE] = {"coinsurance", 1, 1, 1, 1},
    [MEDINS_BIND_OVER_CAP] = {"over_cap", 1, 1, 1, 1},
    [MEDINS_BIND_ACCOUNT] = {"account", 1, 1, 1, 1},
    [MEDINS_BIND_ACCOUNT_FIRST] = {"account_first", 1, 1, 1, 1},
    [MEDINS_BIND_STATUS] = {"status", 0, 1, 1, 1},
    [MEDINS_BIND_RETIREMENT_DATE] = {"retirement_date", 0, 0, 1, 0},
    [MEDINS_BIND_CONTRIBUTION_MONTHS] = {"contribution_months", 0, 0, 1, 0},
    [MEDINS_BIND_SEX] = {"sex", 0, 0, 1, 0},
    [MEDINS_BIND_COHORTS] = {"cohorts", 0, 0, 1, 0},
};

/*
 * One batch call over columns col[k] of len[k] elements (k in the order above), ledgers[0..n)
 * for the n persons (the length of the scheme column): with `policy`, or with `set` and
 * `region` when policy is NULL. A column must have one value per person or per claim (the
 * length of the person column); an optional one may instead be empty, and is then absent (an
 * output not written, an input all zero, a person's field of version 2 unknown). `errors` (may
 * be NULL) receives each failed claim's error; `close_years` closes the ledgers' years up to their claims'. Returns the batch's
 * status (MEDINS_ERR_BATCH when some claims failed, *err as the library sets it); a column of
 * the wrong length is MEDINS_ERR_ARGUMENT with the column named in `why` (and *err untouched),
 * before anything is read or changed. Makes no call into the language, so that Java can call
 * it inside its critical regions.
 */
static int medins_bind_batch(const medins_policy *policy, const medins_policy_set *set,
                             const char *region, void *const *col, const size_t *len,
                             medins_ledger *ledgers, medins_batch_errors *errors,
                             int close_years, unsigned threads, size_t *failed, char *why,
                             size_t why_size, medins_error **err)
{
    const size_t np = len[MEDINS_BIND_SCHEME], nc = len[MEDINS_BIND_PERSON];
    void *c[MEDINS_BIND_COLUMNS];
    medins_batch_persons ps;
    medins_batch_claims cs;
    medins_batch_out out;
    medins_batch_options opts;
    size_t k;
    for (k = 0; k < MEDINS_BIND_COLUMNS; k++) {
        const size_t want = medins_bind_columns[k].per_claim ? nc : np;
        c[k] = len[k] ? col[k] : NULL;
        if (len[k] != want && !(medins_bind_columns[k].optional && len[k] == 0)) {
            snprintf(why, why_size, "batch: column %s has %zu values for %zu %s",
                     medins_bind_columns[k].name, len[k], want,
                     medins_bind_columns[k].per_claim ? "claims" : "persons");
            return MEDINS_ERR_ARGUMENT;
        }
    }
    medins_batch_persons_init(&ps);
    ps.n = np;
    ps.scheme = c[MEDINS_BIND_SCHEME];
    ps.category = c[MEDINS_BIND_CATEGORY];
    ps.tier = c[MEDINS_BIND_TIER];
    ps.birth_date = c[MEDINS_BIND_BIRTH_DATE];
    ps.groups = c[MEDINS_BIND_GROUPS];
    ps.family_doctor = c[MEDINS_BIND_FAMILY_DOCTOR];
    ps.retirement_date = c[MEDINS_BIND_RETIREMENT_DATE];
    ps.contribution_months = c[MEDINS_BIND_CONTRIBUTION_MONTHS];
    ps.sex = c[MEDINS_BIND_SEX];
    ps.cohorts = c[MEDINS_BIND_COHORTS];
    medins_batch_claims_init(&cs);
    cs.n = nc;
    cs.person = c[MEDINS_BIND_PERSON];
    cs.date = c[MEDINS_BIND_DATE];
    cs.kind = c[MEDINS_BIND_KIND];
    cs.level = c[MEDINS_BIND_LEVEL];
    cs.institution = c[MEDINS_BIND_INSTITUTION];
    cs.total = c[MEDINS_BIND_TOTAL];
    cs.self_paid = c[MEDINS_BIND_SELF_PAID];
    cs.category_b = c[MEDINS_BIND_CATEGORY_B];
    cs.attributes = c[MEDINS_BIND_ATTRIBUTES];
    cs.days = c[MEDINS_BIND_DAYS];
    medins_batch_out_init(&out);
    out.fund = c[MEDINS_BIND_FUND];
    out.supplementary = c[MEDINS_BIND_SUPPLEMENTARY];
    out.major_disease = c[MEDINS_BIND_MAJOR_DISEASE];
    out.assistance = c[MEDINS_BIND_ASSISTANCE];
    out.patient = c[MEDINS_BIND_PATIENT];
    out.deductible = c[MEDINS_BIND_DEDUCTIBLE];
    out.coinsurance = c[MEDINS_BIND_COINSURANCE];
    out.over_cap = c[MEDINS_BIND_OVER_CAP];
    out.account = c[MEDINS_BIND_ACCOUNT];
    out.account_first = c[MEDINS_BIND_ACCOUNT_FIRST];
    out.status = c[MEDINS_BIND_STATUS];
    medins_batch_options_init(&opts);
    opts.errors = errors;
    opts.close_years = close_years;
    opts.threads = threads;
    return policy ? medins_batch_settle_ex(policy, &ps, &cs, ledgers, &out, &opts, failed, err)
                  : medins_batch_settle_set_ex(set, region, &ps, &cs, ledgers, &out, &opts,
                                               failed, err);
}
%}
