/*
 * batch.i (Python only): medins_batch_settle over numpy arrays.
 *
 * The package (medins/batch.py) allocates every output array and the ledger block, checks the
 * lengths, and calls settle_arrays() once: the C batch then runs with the GIL released, with no
 * Python code per claim. Called directly, settle_arrays() takes an empty array for an output
 * column that is not wanted (batch.h's NULL: not written), as for an optional input. Ledgers travel as one uint8 block of n * ledger_size() bytes that the
 * helpers below initialise, read and write, so that a run can be continued or inspected.
 */

%{
#define SWIG_FILE_WITH_INIT
%}
%include "numpy.i"
%init %{
import_array();
%}

%{
typedef long long medins_py_count;

static int medins_py_ledger_size(void)
{
    return (int)sizeof(medins_ledger);
}

static medins_py_count medins_py_ledgers_init(unsigned char *block, int nbytes,
                                              int32_t *years, int n)
{
    medins_ledger *l = (medins_ledger *)block;
    int i;
    if ((size_t)nbytes != (size_t)n * sizeof(medins_ledger))
        return MEDINS_ERR_ARGUMENT;
    for (i = 0; i < n; i++)
        medins_ledger_init(&l[i], years[i]);
    return n;
}

static medins_ledger *medins_py_ledger_get(unsigned char *block, int nbytes, int i)
{
    medins_ledger *out;
    if (i < 0 || (size_t)nbytes < ((size_t)i + 1) * sizeof(medins_ledger))
        return NULL;
    out = malloc(sizeof *out);
    if (out)
        memcpy(out, block + (size_t)i * sizeof(medins_ledger), sizeof *out);
    return out;
}

static medins_py_count medins_py_ledger_put(unsigned char *block, int nbytes, int i,
                                            const medins_ledger *ledger)
{
    if (!ledger || i < 0 || (size_t)nbytes < ((size_t)i + 1) * sizeof(medins_ledger))
        return MEDINS_ERR_ARGUMENT;
    memcpy(block + (size_t)i * sizeof(medins_ledger), ledger, sizeof *ledger);
    return 0;
}

/* The number of runs of claims of one person in the claims' person column. */
static medins_py_count medins_py_person_runs(int32_t *person, int m)
{
    medins_py_count runs = 0;
    int i;
    for (i = 0; i < m; i++)
        runs += i == 0 || person[i] != person[i - 1];
    return runs;
}

/* Copies `count` ledgers between a block (from its ledger `first`) and `kept` (from its
 * `at`-th): into kept when back is 0, back into the block when it is 1. */
static void medins_py_ledgers_move(unsigned char *block, unsigned char *kept, size_t first,
                                   size_t at, size_t count, int back)
{
    unsigned char *ledgers = block + first * sizeof(medins_ledger);
    unsigned char *copies = kept + at * sizeof(medins_ledger);
    if (count)
        memcpy(back ? ledgers : copies, back ? copies : ledgers, count * sizeof(medins_ledger));
}

/*
 * The ledgers a batch of these claims can change, kept before it and put back if it must
 * change nothing: the ledger of the person of each run of claims (medins_py_person_runs), one
 * after the other in `kept`, copied from the block into kept (back = 0) or back (back = 1).
 * Claims in person order name neighbouring ledgers: those are copied in one piece.
 */
static medins_py_count medins_py_ledgers_keep(unsigned char *block, int nbytes,
                                              unsigned char *kept, int kbytes, int32_t *person,
                                              int m, int back)
{
    const size_t size = sizeof(medins_ledger);
    const size_t n = (size_t)nbytes / size, runs = (size_t)kbytes / size;
    size_t run = 0, first = 0, count = 0;   /* the piece not copied yet */
    int i;
    if ((size_t)nbytes % size != 0 || (size_t)kbytes % size != 0)
        return MEDINS_ERR_ARGUMENT;
    for (i = 0; i < m; i++) {
        const size_t p = (size_t)person[i];
        if (person[i] < 0 || p >= n)
            return MEDINS_ERR_ARGUMENT;
        if (i > 0 && person[i] == person[i - 1])
            continue;
        if (run++ == runs)
            return MEDINS_ERR_ARGUMENT;
        if (count && p == first + count) {
            count++;
            continue;
        }
        medins_py_ledgers_move(block, kept, first, run - 1 - count, count, back);
        first = p;
        count = 1;
    }
    if (run != runs)
        return MEDINS_ERR_ARGUMENT;
    medins_py_ledgers_move(block, kept, first, run - count, count, back);
    return (medins_py_count)run;
}

/*
 * One pass over the claims' person and date columns: 1 when they run by person then date (the
 * order the C batch needs), 0 when not. When in order, first_year[p] receives the year of
 * person p's first claim (persons without claims keep theirs); persons must index first_year.
 */
static medins_py_count medins_py_claims_order(int32_t *person, int m1, int32_t *date, int m2,
                                              int32_t *first_year, int n)
{
    int i;
    if (m1 != m2)
        return MEDINS_ERR_ARGUMENT;
    for (i = 0; i < m1; i++) {
        if (person[i] < 0 || person[i] >= n)
            return MEDINS_ERR_ARGUMENT;
        if (i > 0 && (person[i] < person[i - 1] ||
                      (person[i] == person[i - 1] && date[i] < date[i - 1])))
            return 0;
        if (i == 0 || person[i] != person[i - 1])
            first_year[person[i]] = date[i] / 10000;
    }
    return 1;
}

/* Why settle_arrays refused its columns (columns.i), for the result's typemap, which raises
 * it once the GIL is held again. */
static _Thread_local char medins_py_batch_why[200];
#define MEDINS_PY_BAD_COLUMNS (-1000)

/*
 * One batch call (columns.i). Exactly one of policy / (set, region) is used: the policy when
 * given. Returns the number of failed claims (their status is in `status`, their errors in
 * `errors` when given: BatchErrors.rows()); a wrong argument raises: columns of the wrong
 * lengths a ValueError naming one.
 */
static medins_py_count medins_py_batch_settle(
    const medins_policy *policy, const medins_policy_set *set, const char *region,
    int32_t *scheme, int n1, int32_t *category, int n2, int32_t *tier, int n3,
    int32_t *birth_date, int n4, uint32_t *groups, int n5, int64_t *family_doctor, int n6,
    unsigned char *ledgers, int nbytes,
    int32_t *person, int m1, int32_t *date, int m2, int32_t *kind, int m3, int32_t *level, int m4,
    int64_t *institution, int m5, int64_t *total, int m6, int64_t *self_paid, int m7,
    int64_t *category_b, int m8, uint32_t *attributes, int m9, uint32_t *days, int m10,
    int64_t *fund, int o1, int64_t *supplementary, int o10, int64_t *major_disease, int o2,
    int64_t *assistance, int o3, int64_t *patient, int o4, int64_t *deductible, int o5,
    int64_t *coinsurance, int o6, int64_t *over_cap, int o7, int64_t *account, int o8,
    int64_t *account_first, int o11, int32_t *status, int o9,
    int32_t *retirement_date, int n7, int32_t *contribution_months, int n8, int32_t *sex, int n9,
    uint32_t *cohorts, int n10,
    medins_batch_errors *errors, int close_years, int threads, medins_error **err)
{
    void *const col[MEDINS_BIND_COLUMNS] = {
        scheme, category, tier, birth_date, groups, family_doctor, person, date, kind, level,
        institution, total, self_paid, category_b, attributes, days, fund, supplementary,
        major_disease, assistance, patient, deductible, coinsurance, over_cap, account,
        account_first, status, retirement_date, contribution_months, sex, cohorts,
    };
    const size_t len[MEDINS_BIND_COLUMNS] = {
        (size_t)n1, (size_t)n2, (size_t)n3, (size_t)n4, (size_t)n5, (size_t)n6, (size_t)m1,
        (size_t)m2, (size_t)m3, (size_t)m4, (size_t)m5, (size_t)m6, (size_t)m7, (size_t)m8,
        (size_t)m9, (size_t)m10, (size_t)o1, (size_t)o10, (size_t)o2, (size_t)o3, (size_t)o4,
        (size_t)o5, (size_t)o6, (size_t)o7, (size_t)o8, (size_t)o11, (size_t)o9, (size_t)n7,
        (size_t)n8, (size_t)n9, (size_t)n10,
    };
    size_t failed = 0;
    medins_error *e = NULL;
    int rc;

    if ((size_t)nbytes != (size_t)n1 * sizeof(medins_ledger)) {
        snprintf(medins_py_batch_why, sizeof medins_py_batch_why,
                 "batch: %d bytes of ledgers for %d persons", nbytes, n1);
        return MEDINS_PY_BAD_COLUMNS;
    }
    if (!policy && (!set || !region))
        return MEDINS_ERR_ARGUMENT;
    if (threads < 1) {
        snprintf(medins_py_batch_why, sizeof medins_py_batch_why,
                 "batch: threads must be 1 or more, not %d", threads);
        return MEDINS_PY_BAD_COLUMNS;
    }
    rc = medins_bind_batch(policy, set, region, col, len, (medins_ledger *)ledgers, errors,
                           close_years, (unsigned)threads, &failed, medins_py_batch_why,
                           sizeof medins_py_batch_why, &e);
    if (rc == MEDINS_ERR_BATCH || rc == 0) {
        /* Per-claim failures are data (the status column), not an exception here. */
        medins_error_free(e);
        return (medins_py_count)failed;
    }
    if (e) {
        *err = e;
        return -1;
    }
    return rc == MEDINS_ERR_ARGUMENT ? MEDINS_PY_BAD_COLUMNS : rc < -1 ? rc : MEDINS_ERR_ARGUMENT;
}
%}

typedef long long medins_py_count;

%apply (unsigned char *INPLACE_ARRAY1, int DIM1) { (unsigned char *block, int nbytes) };
%apply (unsigned char *INPLACE_ARRAY1, int DIM1) { (unsigned char *ledgers, int nbytes) };
%apply (unsigned char *INPLACE_ARRAY1, int DIM1) { (unsigned char *kept, int kbytes) };
%apply (int32_t *IN_ARRAY1, int DIM1) { (int32_t *years, int n) };
%apply (int32_t *IN_ARRAY1, int DIM1) {
    (int32_t *scheme, int n1), (int32_t *category, int n2), (int32_t *tier, int n3),
    (int32_t *birth_date, int n4),
    (int32_t *person, int m1), (int32_t *date, int m2), (int32_t *kind, int m3),
    (int32_t *level, int m4), (int32_t *retirement_date, int n7),
    (int32_t *contribution_months, int n8), (int32_t *sex, int n9) };
%apply (uint32_t *IN_ARRAY1, int DIM1) {
    (uint32_t *groups, int n5), (uint32_t *attributes, int m9), (uint32_t *days, int m10),
    (uint32_t *cohorts, int n10) };
%apply (int64_t *IN_ARRAY1, int DIM1) {
    (int64_t *family_doctor, int n6), (int64_t *institution, int m5), (int64_t *total, int m6),
    (int64_t *self_paid, int m7), (int64_t *category_b, int m8) };
%apply (int64_t *INPLACE_ARRAY1, int DIM1) {
    (int64_t *fund, int o1), (int64_t *supplementary, int o10), (int64_t *major_disease, int o2),
    (int64_t *assistance, int o3), (int64_t *patient, int o4), (int64_t *deductible, int o5),
    (int64_t *coinsurance, int o6), (int64_t *over_cap, int o7), (int64_t *account, int o8),
    (int64_t *account_first, int o11) };
%apply (int32_t *INPLACE_ARRAY1, int DIM1) { (int32_t *status, int o9) };

%rename(ledger_size) medins_py_ledger_size;
%rename(ledgers_init) medins_py_ledgers_init;
%rename(ledger_get) medins_py_ledger_get;
%rename(ledger_put) medins_py_ledger_put;
%rename(settle_arrays) medins_py_batch_settle;
%rename(claims_order) medins_py_claims_order;
%rename(person_runs) medins_py_person_runs;
%rename(ledgers_keep) medins_py_ledgers_keep;
%newobject medins_py_ledger_get;
MEDINS_RELEASE_GIL(medins_py_batch_settle)

int medins_py_ledger_size(void);
medins_py_count medins_py_ledgers_init(unsigned char *block, int nbytes, int32_t *years, int n);
%apply (int32_t *INPLACE_ARRAY1, int DIM1) { (int32_t *first_year, int n) };
medins_py_count medins_py_claims_order(int32_t *person, int m1, int32_t *date, int m2,
                                       int32_t *first_year, int n);
medins_ledger *medins_py_ledger_get(unsigned char *block, int nbytes, int i);
%apply (int32_t *IN_ARRAY1, int DIM1) { (int32_t *person, int m) };
medins_py_count medins_py_person_runs(int32_t *person, int m);
medins_py_count medins_py_ledgers_keep(unsigned char *block, int nbytes, unsigned char *kept,
                                       int kbytes, int32_t *person, int m, int back);
medins_py_count medins_py_ledger_put(unsigned char *block, int nbytes, int i,
                                     const medins_ledger *ledger);
medins_py_count medins_py_batch_settle(
    const medins_policy *policy, const medins_policy_set *set, const char *region,
    int32_t *scheme, int n1, int32_t *category, int n2, int32_t *tier, int n3,
    int32_t *birth_date, int n4, uint32_t *groups, int n5, int64_t *family_doctor, int n6,
    unsigned char *ledgers, int nbytes,
    int32_t *person, int m1, int32_t *date, int m2, int32_t *kind, int m3, int32_t *level, int m4,
    int64_t *institution, int m5, int64_t *total, int m6, int64_t *self_paid, int m7,
    int64_t *category_b, int m8, uint32_t *attributes, int m9, uint32_t *days, int m10,
    int64_t *fund, int o1, int64_t *supplementary, int o10, int64_t *major_disease, int o2,
    int64_t *assistance, int o3, int64_t *patient, int o4, int64_t *deductible, int o5,
    int64_t *coinsurance, int o6, int64_t *over_cap, int o7, int64_t *account, int o8,
    int64_t *account_first, int o11, int32_t *status, int o9,
    int32_t *retirement_date, int n7, int32_t *contribution_months, int n8, int32_t *sex, int n9,
    uint32_t *cohorts, int n10,
    medins_batch_errors *errors = NULL, int close_years = 0, int threads = 1,
    medins_error **err);

/* The errors of a batch's failed claims (batch.h's medins_batch_errors), made empty here and
 * filled by settle_arrays. */
%rename(BatchErrors) medins_batch_errors;
struct medins_batch_errors {};
%exception medins_batch_errors::medins_batch_errors {
    $action
    if (!result) {
        PyErr_NoMemory();
        SWIG_fail;
    }
}
%extend medins_batch_errors {
    medins_batch_errors() {
        medins_batch_errors *e = NULL;
        medins_batch_errors_new(&e);
        return e;
    }
    ~medins_batch_errors() { medins_batch_errors_free($self); }
    /** Each failed claim as (index in the batch, code, message), in claim order. */
    PyObject *m_rows() {
        size_t k, n = medins_batch_errors_count($self);
        PyObject *list = PyList_New((Py_ssize_t)n);
        for (k = 0; list && k < n; k++) {
            size_t claim = 0;
            const medins_error *e = NULL;
            PyObject *row;
            medins_batch_errors_get($self, k, &claim, &e);
            row = Py_BuildValue("(nis)", (Py_ssize_t)claim, medins_error_code(e),
                                medins_error_message(e));
            if (!row) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(list, (Py_ssize_t)k, row);
        }
        return list;
    }
}

/* The other Python-only helpers: one claim per call in one crossing (medins.i includes this
 * file last, so every type they use is already wrapped). */
%include "python/single.i"
%include "python/text.i"
