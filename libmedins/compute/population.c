/*
 * A population's contributions, maternity payments and capitation settlements, row by row
 * (include/medins/population.h): each row is made into the one-row call's input and computed
 * by the same function as that call (figures.h), without a result; its figures go into the
 * output columns. The first failed row is computed once more, with an error object, for the
 * message the call returns: the rows themselves make no allocation.
 */
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "person.h"

/* ---- Rows ------------------------------------------------------------------------------- */

/* A call: the policy, its input and output structs (of its kind), and for capitation room
 * for the largest row's enrolments and the overlap check's scratch for as many. */
typedef struct population_call {
    const medins_policy *policy;
    const void *in;
    void *out;
    medins_enrolment *enrolments;
    void *scratch;
} population_call;

/* One kind of row: how row i is computed into `figures`, and how its figures (zeros when it
 * failed) and status go to the outputs. */
typedef struct row_kind {
    int (*compute)(const population_call *call, size_t i, void *figures, medins_error **err);
    void (*put)(const population_call *call, size_t i, const void *figures, int status);
    size_t figures_size;
} row_kind;

/* In a kind's put function: output column `name` (when asked for) gets the field `name` of
 * figures f for row i of outputs o. */
#define PUT(name)                                                                            \
    if (o->name)                                                                             \
        o->name[i] = f->name;

/* medins_<x>_init: *p set to the INIT macro's value; NULL left alone. */
#define INIT_FUNCTION(function, type, value)                                                  \
    void function(type *p)                                                                   \
    {                                                                                        \
        static const type init = value;                                                      \
        if (p)                                                                               \
            *p = init;                                                                       \
    }

/* Every row of a call: 0, or MEDINS_ERR_BATCH naming how many failed and the first. */
static int run_rows(const row_kind *kind, const population_call *call, size_t n, void *figures,
                    size_t *failed, medins_error **err)
{
    size_t nfailed = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        int rc = kind->compute(call, i, figures, NULL);
        if (rc) {
            memset(figures, 0, kind->figures_size);
            if (nfailed++ == 0)
                first = i;
        }
        kind->put(call, i, figures, rc);
    }
    if (failed)
        *failed = nfailed;
    if (nfailed == 0)
        return 0;
    if (!err)
        return MEDINS_ERR_BATCH;
    medins_error *e = NULL;
    kind->compute(call, first, figures, &e);
    int rc = mdn_error(err, MEDINS_ERR_BATCH, NULL, 0, 0,
                       "%zu row(s) failed; the first, row %zu: %s", nfailed, first,
                       medins_error_message(e));
    medins_error_free(e);
    return rc;
}

/* What every call checks first: no NULL argument, and its input and output structs (each
 * starts with its version) of versions this library knows. */
static int check_call(const char *call, const medins_policy *policy, const void *in,
                      const char *in_name, unsigned in_known, const void *out,
                      const char *out_name, unsigned out_known, medins_error **err)
{
    if (!policy || !in || !out)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%s: a required argument is NULL",
                         call);
    const unsigned in_version = *(const unsigned *)in, out_version = *(const unsigned *)out;
    if (!MDN_VERSION_KNOWN(in_version, in_known))
        return mdn_version_error(err, in_name, in_version, in_known);
    if (!MDN_VERSION_KNOWN(out_version, out_known))
        return mdn_version_error(err, out_name, out_version, out_known);
    return 0;
}

/* The columns that a call needs and that are NULL. */
static int require(bool present, const char *call, const char *column, medins_error **err)
{
    if (present)
        return 0;
    return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0, "%s: the %s column is required", call,
                     column);
}

/* Row i of the person columns (checked by the computation). */
static medins_person person_at(const medins_person_columns *p, size_t i)
{
    return (medins_person){
        .version = MEDINS_PERSON_VERSION,
        .scheme = (medins_scheme)p->scheme[i],
        .category = (medins_category)p->category[i],
        .tier = p->tier ? (medins_tier)p->tier[i] : MEDINS_TIER_NONE,
        .birth_date = p->birth_date ? p->birth_date[i] : 0,
        .groups = p->groups ? p->groups[i] : 0,
        .family_doctor = 0,
        /* Columns carry none of these: rows reading them fail, as for a person without them. */
        .contribution_months = -1,
        .cohorts = MEDINS_COHORTS_UNKNOWN,
    };
}

static int check_persons(const medins_person_columns *p, size_t n, const char *call,
                         medins_error **err)
{
    int rc = require(n == 0 || p->scheme, call, "scheme", err);
    if (rc == 0)
        rc = require(n == 0 || p->category, call, "category", err);
    return rc;
}

/* ---- Contributions ---------------------------------------------------------------------- */

/* The output columns, each named as its field of medins_contribution_figures. */
#define CONTRIBUTION_OUTPUTS(X)                                                              \
    X(individual) X(government) X(employer) X(total) X(subsidy) X(paying_tier)              \
    X(benefit_tier) X(group) X(state_pays_all) X(wage_base) X(employer_rate)               \
    X(individual_rate) X(monthly_employer) X(monthly_individual) X(fixed_yearly)

static int contribution_row(const population_call *c, size_t i, void *figures,
                            medins_error **err)
{
    const medins_contribution_columns *in = c->in;
    const medins_person person = person_at(&in->persons, i);
    const medins_employee_input employee = {
        .version = MEDINS_EMPLOYEE_INPUT_VERSION,
        .monthly_wage = in->monthly_wage ? in->monthly_wage[i] : 0,
        .employer_type = in->employer_type ? (medins_employer_type)in->employer_type[i]
                                           : MEDINS_EMPLOYER_ENTERPRISE,
    };
    int rc = mdn_person_check(&person, err);
    if (rc)
        return rc;
    return mdn_contribution_figures(figures, c->policy, &person,
                                    in->monthly_wage ? &employee : NULL, err);
}

static void contribution_put(const population_call *c, size_t i, const void *figures,
                             int status)
{
    medins_contribution_outputs *o = c->out;
    const medins_contribution_figures *f = figures;
    CONTRIBUTION_OUTPUTS(PUT)
    if (o->status)
        o->status[i] = status;
}

INIT_FUNCTION(medins_contribution_columns_init, medins_contribution_columns,
              MEDINS_CONTRIBUTION_COLUMNS_INIT)
INIT_FUNCTION(medins_contribution_outputs_init, medins_contribution_outputs,
              MEDINS_CONTRIBUTION_OUTPUTS_INIT)

int medins_contribution_batch(const medins_policy *policy, medins_date date,
                              const medins_contribution_columns *in,
                              medins_contribution_outputs *out, size_t *failed,
                              medins_error **err)
{
    static const char call[] = "medins_contribution_batch";
    int rc = check_call(call, policy, in, "medins_contribution_columns",
                        MEDINS_CONTRIBUTION_COLUMNS_VERSION, out, "medins_contribution_outputs",
                        MEDINS_CONTRIBUTION_OUTPUTS_VERSION, err);
    if (rc == 0)
        rc = check_persons(&in->persons, in->n, call, err);
    if (rc == 0)
        rc = mdn_check_in_force(policy, date, err);
    if (rc)
        return rc;
    static const row_kind kind = { contribution_row, contribution_put,
                                   sizeof(medins_contribution_figures) };
    const population_call c = { policy, in, out, NULL, NULL };
    medins_contribution_figures figures;
    return run_rows(&kind, &c, in->n, &figures, failed, err);
}

/* ---- Maternity -------------------------------------------------------------------------- */

#define MATERNITY_OUTPUTS(X)                                                                 \
    X(delivery) X(prenatal_limit) X(prenatal) X(complication_ratio) X(complication) X(total)

static int maternity_row(const population_call *c, size_t i, void *figures,
                         medins_error **err)
{
    const medins_maternity_columns *in = c->in;
    const medins_person person = person_at(&in->persons, i);
    const medins_maternity_input input = {
        .version = MEDINS_MATERNITY_INPUT_VERSION,
        .delivery = (medins_delivery)in->delivery[i],
        .weeks = in->weeks[i],
        .child_order = in->child_order[i],
        .prenatal_costs = in->prenatal_costs ? in->prenatal_costs[i] : 0,
        .complication_costs = in->complication_costs ? in->complication_costs[i] : 0,
    };
    return mdn_maternity_figures(figures, c->policy, &person, in->date[i], &input, err);
}

static void maternity_put(const population_call *c, size_t i, const void *figures, int status)
{
    medins_maternity_outputs *o = c->out;
    const medins_maternity_figures *f = figures;
    MATERNITY_OUTPUTS(PUT)
    if (o->status)
        o->status[i] = status;
}

INIT_FUNCTION(medins_maternity_columns_init, medins_maternity_columns,
              MEDINS_MATERNITY_COLUMNS_INIT)
INIT_FUNCTION(medins_maternity_outputs_init, medins_maternity_outputs,
              MEDINS_MATERNITY_OUTPUTS_INIT)

int medins_maternity_batch(const medins_policy *policy, const medins_maternity_columns *in,
                           medins_maternity_outputs *out, size_t *failed, medins_error **err)
{
    static const char call[] = "medins_maternity_batch";
    int rc = check_call(call, policy, in, "medins_maternity_columns",
                        MEDINS_MATERNITY_COLUMNS_VERSION, out, "medins_maternity_outputs",
                        MEDINS_MATERNITY_OUTPUTS_VERSION, err);
    if (rc)
        return rc;
    rc = check_persons(&in->persons, in->n, call, err);
    const bool some = in->n > 0;
    if (rc == 0)
        rc = require(!some || in->date, call, "date", err);
    if (rc == 0)
        rc = require(!some || in->delivery, call, "delivery", err);
    if (rc == 0)
        rc = require(!some || in->weeks, call, "weeks", err);
    if (rc == 0)
        rc = require(!some || in->child_order, call, "child_order", err);
    if (rc)
        return rc;
    static const row_kind kind = { maternity_row, maternity_put, sizeof(medins_maternity_figures) };
    const population_call c = { policy, in, out, NULL, NULL };
    medins_maternity_figures figures;
    return run_rows(&kind, &c, in->n, &figures, failed, err);
}

/* ---- Capitation ------------------------------------------------------------------------- */

#define CAPITATION_OUTPUTS(X)                                                                \
    X(rate) X(period) X(patients) X(patient_days) X(budget) X(surplus) X(overrun)            \
    X(surplus_kept) X(overrun_fund) X(before_assessment) X(assessment) X(payment)

/* The index of the first enrolment of row `row` or a later one (enrolment_row is sorted). */
static size_t first_enrolment(const medins_capitation_columns *in, size_t row)
{
    size_t lo = 0, hi = in->m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)in->enrolment_row[mid] < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int capitation_row(const population_call *c, size_t i, void *figures,
                          medins_error **err)
{
    const medins_capitation_columns *in = c->in;
    const size_t first = first_enrolment(in, i), count = first_enrolment(in, i + 1) - first;
    /* A row with enrolments made the largest row's count above 0, and the block with it
     * (medins_capitation_batch). */
    medins_enrolment *const listed = c->enrolments;
    MDN_ANALYZER_ASSUME(count == 0 || listed != NULL);
    for (size_t k = 0; k < count; k++)
        listed[k] = (medins_enrolment){
            .patient = in->patient[first + k],
            .from = in->enrolled_from[first + k],
            .to = in->enrolled_to ? in->enrolled_to[first + k] : 0,
        };
    const medins_capitation_input input = {
        .version = MEDINS_CAPITATION_INPUT_VERSION,
        .institution = in->institution ? in->institution[i] : 0,
        .level = (medins_level)in->level[i],
        .disease = (medins_disease)in->disease[i],
        .from = in->from[i],
        .to = in->to[i],
        .enrolments = listed,
        .enrolment_count = count,
        .actual_costs = in->actual_costs[i],
        .assessment = in->assessment ? in->assessment[i] : MEDINS_BP_ONE,
    };
    return mdn_capitation_figures(figures, c->policy, &input, c->scratch, err);
}

static void capitation_put(const population_call *c, size_t i, const void *figures,
                           int status)
{
    medins_capitation_outputs *o = c->out;
    const medins_capitation_figures *f = figures;
    CAPITATION_OUTPUTS(PUT)
    if (o->status)
        o->status[i] = status;
}

INIT_FUNCTION(medins_capitation_columns_init, medins_capitation_columns,
              MEDINS_CAPITATION_COLUMNS_INIT)
INIT_FUNCTION(medins_capitation_outputs_init, medins_capitation_outputs,
              MEDINS_CAPITATION_OUTPUTS_INIT)

/* The enrolments' rows in range and in order; *largest receives the most enrolments of a row. */
static int check_enrolment_rows(const medins_capitation_columns *in, size_t *largest,
                                medins_error **err)
{
    size_t run = 0;
    *largest = 0;
    for (size_t k = 0; k < in->m; k++) {
        const int32_t row = in->enrolment_row[k];
        if (row < 0 || (size_t)row >= in->n)
            return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                             "medins_capitation_batch: enrolment %zu names row %d of %zu", k,
                             (int)row, in->n);
        if (k > 0 && row < in->enrolment_row[k - 1])
            return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                             "medins_capitation_batch: enrolment %zu (row %d) follows one of row "
                             "%d: give each row's enrolments together, the rows in order",
                             k, (int)row, (int)in->enrolment_row[k - 1]);
        run = k > 0 && row == in->enrolment_row[k - 1] ? run + 1 : 1;
        if (run > *largest)
            *largest = run;
    }
    return 0;
}

int medins_capitation_batch(const medins_policy *policy, const medins_capitation_columns *in,
                            medins_capitation_outputs *out, size_t *failed, medins_error **err)
{
    static const char call[] = "medins_capitation_batch";
    int rc = check_call(call, policy, in, "medins_capitation_columns",
                        MEDINS_CAPITATION_COLUMNS_VERSION, out, "medins_capitation_outputs",
                        MEDINS_CAPITATION_OUTPUTS_VERSION, err);
    if (rc)
        return rc;
    const bool rows = in->n > 0, enrolments = in->m > 0;
    if (rc == 0)
        rc = require(!rows || in->level, call, "level", err);
    if (rc == 0)
        rc = require(!rows || in->disease, call, "disease", err);
    if (rc == 0)
        rc = require(!rows || (in->from && in->to), call, "from and to", err);
    if (rc == 0)
        rc = require(!rows || in->actual_costs, call, "actual_costs", err);
    if (rc == 0)
        rc = require(!enrolments || in->enrolment_row, call, "enrolment_row", err);
    if (rc == 0)
        rc = require(!enrolments || in->patient, call, "patient", err);
    if (rc == 0)
        rc = require(!enrolments || in->enrolled_from, call, "enrolled_from", err);
    size_t largest = 0;
    if (rc == 0)
        rc = check_enrolment_rows(in, &largest, err);
    if (rc)
        return rc;

    /* One block: the largest row's enrolments, then the overlap check's scratch for them. */
    const size_t head = (largest * sizeof(medins_enrolment) + 15u) & ~(size_t)15u;
    char *block = largest ? malloc(head + mdn_capitation_scratch_size(largest)) : NULL;
    if (largest && !block)
        return mdn_error(err, MEDINS_ERR_NOMEM, NULL, 0, 0, "out of memory");
    static const row_kind kind = { capitation_row, capitation_put,
                                   sizeof(medins_capitation_figures) };
    const population_call c = { policy, in, out, (medins_enrolment *)(void *)block,
                                block ? block + head : NULL };
    medins_capitation_figures figures;
    rc = run_rows(&kind, &c, in->n, &figures, failed, err);
    free(block);
    return rc;
}
