/*
 * population.i (Python only): the population batches of medins/population.h over numpy
 * arrays.
 *
 * Each call takes its input and output columns as two dicts of numpy arrays, keyed by the
 * names of the C structs' fields; a table per struct (name, field, element type, length)
 * points the struct at the arrays, after checking each one: its type exactly, one dimension,
 * its length, C-contiguous, and writeable for an output. A column the dict does not hold (or
 * holds as None) stays NULL: optional in C, or refused by the library when required. A name
 * that is no column of the struct is a KeyError, so that a misspelt column is not silently
 * left out. The package (medins/population.py) makes the arrays; the call runs with the GIL
 * released and returns the number of failed rows.
 */

%{
#include <stddef.h>

/* One column of a struct: its name, where its pointer is, its numpy type, and whether it is
 * as long as the rows ('n') or as the enrolments ('m'). */
typedef struct medins_py_column {
    const char *name;
    size_t offset;
    int type;
    char length;
} medins_py_column;

#define MEDINS_PY_COL(type_, field, npy, len) { #field, offsetof(type_, field), npy, len }
#define MEDINS_PY_PERSONS(type_)                                                             \
    { "scheme", offsetof(type_, persons.scheme), NPY_INT32, 'n' },                           \
    { "category", offsetof(type_, persons.category), NPY_INT32, 'n' },                       \
    { "tier", offsetof(type_, persons.tier), NPY_INT32, 'n' },                               \
    { "birth_date", offsetof(type_, persons.birth_date), NPY_INT32, 'n' },                   \
    { "groups", offsetof(type_, persons.groups), NPY_UINT32, 'n' }

static const medins_py_column medins_py_contribution_in[] = {
    MEDINS_PY_PERSONS(medins_contribution_columns),
    MEDINS_PY_COL(medins_contribution_columns, monthly_wage, NPY_INT64, 'n'),
    MEDINS_PY_COL(medins_contribution_columns, employer_type, NPY_INT32, 'n'),
};
static const medins_py_column medins_py_contribution_out[] = {
#define MEDINS_PY_OUT(field, npy) MEDINS_PY_COL(medins_contribution_outputs, field, npy, 'n')
    MEDINS_PY_OUT(individual, NPY_INT64), MEDINS_PY_OUT(government, NPY_INT64),
    MEDINS_PY_OUT(employer, NPY_INT64), MEDINS_PY_OUT(total, NPY_INT64),
    MEDINS_PY_OUT(subsidy, NPY_INT64), MEDINS_PY_OUT(paying_tier, NPY_INT32),
    MEDINS_PY_OUT(benefit_tier, NPY_INT32), MEDINS_PY_OUT(group, NPY_UINT32),
    MEDINS_PY_OUT(state_pays_all, NPY_INT32), MEDINS_PY_OUT(wage_base, NPY_INT64),
    MEDINS_PY_OUT(employer_rate, NPY_INT32), MEDINS_PY_OUT(individual_rate, NPY_INT32),
    MEDINS_PY_OUT(monthly_employer, NPY_INT64), MEDINS_PY_OUT(monthly_individual, NPY_INT64),
    MEDINS_PY_OUT(fixed_yearly, NPY_INT64), MEDINS_PY_OUT(status, NPY_INT32),
#undef MEDINS_PY_OUT
};
static const medins_py_column medins_py_maternity_in[] = {
    MEDINS_PY_PERSONS(medins_maternity_columns),
    MEDINS_PY_COL(medins_maternity_columns, date, NPY_INT32, 'n'),
    MEDINS_PY_COL(medins_maternity_columns, delivery, NPY_INT32, 'n'),
    MEDINS_PY_COL(medins_maternity_columns, weeks, NPY_INT32, 'n'),
    MEDINS_PY_COL(medins_maternity_columns, child_order, NPY_INT32, 'n'),
    MEDINS_PY_COL(medins_maternity_columns, prenatal_costs, NPY_INT64, 'n'),
    MEDINS_PY_COL(medins_maternity_columns, complication_costs, NPY_INT64, 'n'),
};
static const medins_py_column medins_py_maternity_out[] = {
#define MEDINS_PY_OUT(field, npy) MEDINS_PY_COL(medins_maternity_outputs, field, npy, 'n')
    MEDINS_PY_OUT(delivery, NPY_INT64), MEDINS_PY_OUT(prenatal_limit, NPY_INT64),
    MEDINS_PY_OUT(prenatal, NPY_INT64), MEDINS_PY_OUT(complication_ratio, NPY_INT32),
    MEDINS_PY_OUT(complication, NPY_INT64), MEDINS_PY_OUT(total, NPY_INT64),
    MEDINS_PY_OUT(status, NPY_INT32),
#undef MEDINS_PY_OUT
};
static const medins_py_column medins_py_capitation_in[] = {
#define MEDINS_PY_IN(field, npy, len) MEDINS_PY_COL(medins_capitation_columns, field, npy, len)
    MEDINS_PY_IN(institution, NPY_INT64, 'n'), MEDINS_PY_IN(level, NPY_INT32, 'n'),
    MEDINS_PY_IN(disease, NPY_INT32, 'n'), MEDINS_PY_IN(from, NPY_INT32, 'n'),
    MEDINS_PY_IN(to, NPY_INT32, 'n'), MEDINS_PY_IN(actual_costs, NPY_INT64, 'n'),
    MEDINS_PY_IN(assessment, NPY_INT32, 'n'), MEDINS_PY_IN(enrolment_row, NPY_INT32, 'm'),
    MEDINS_PY_IN(patient, NPY_INT64, 'm'), MEDINS_PY_IN(enrolled_from, NPY_INT32, 'm'),
    MEDINS_PY_IN(enrolled_to, NPY_INT32, 'm'),
#undef MEDINS_PY_IN
};
static const medins_py_column medins_py_capitation_out[] = {
#define MEDINS_PY_OUT(field, npy) MEDINS_PY_COL(medins_capitation_outputs, field, npy, 'n')
    MEDINS_PY_OUT(rate, NPY_INT64), MEDINS_PY_OUT(period, NPY_INT32),
    MEDINS_PY_OUT(patients, NPY_INT32), MEDINS_PY_OUT(patient_days, NPY_INT64),
    MEDINS_PY_OUT(budget, NPY_INT64), MEDINS_PY_OUT(surplus, NPY_INT64),
    MEDINS_PY_OUT(overrun, NPY_INT64), MEDINS_PY_OUT(surplus_kept, NPY_INT64),
    MEDINS_PY_OUT(overrun_fund, NPY_INT64), MEDINS_PY_OUT(before_assessment, NPY_INT64),
    MEDINS_PY_OUT(assessment, NPY_INT32), MEDINS_PY_OUT(payment, NPY_INT64),
    MEDINS_PY_OUT(status, NPY_INT32),
#undef MEDINS_PY_OUT
};
#define MEDINS_PY_N(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Point the columns of struct `s` (described by cols) at the arrays of `dict`. 0, or -1 with
 * a TypeError, ValueError or KeyError naming `what` and the column.
 */
static int medins_py_point(void *s, const medins_py_column *cols, size_t ncols, PyObject *dict,
                           size_t n, size_t m, int writeable, const char *what)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    size_t i;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s must be a dict of numpy arrays", what);
        return -1;
    }
    while (PyDict_Next(dict, &pos, &key, &value)) {
        const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        const medins_py_column *c = NULL;
        PyArrayObject *a;
        size_t want;
        for (i = 0; name && i < ncols && !c; i++)
            if (strcmp(cols[i].name, name) == 0)
                c = &cols[i];
        if (!c) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_KeyError, "%s: %R is not one of its columns", what, key);
            return -1;
        }
        if (value == Py_None)
            continue;
        if (!PyArray_Check(value)) {
            PyErr_Format(PyExc_TypeError, "%s[%R] must be a numpy array, not %s", what, key,
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        a = (PyArrayObject *)value;
        want = c->length == 'm' ? m : n;
        if (PyArray_TYPE(a) != c->type || PyArray_NDIM(a) != 1 ||
            (size_t)PyArray_DIM(a, 0) != want || !PyArray_IS_C_CONTIGUOUS(a) ||
            (writeable && !PyArray_ISWRITEABLE(a))) {
            PyArray_Descr *d = PyArray_DescrFromType(c->type);
            PyErr_Format(PyExc_ValueError,
                         "%s[%R] must be a C-contiguous%s one-dimensional %S array of %zu",
                         what, key, writeable ? " writeable" : "", (PyObject *)d, want);
            Py_XDECREF(d);
            return -1;
        }
        memcpy((char *)s + c->offset, &(void *){ PyArray_DATA(a) }, sizeof(void *));
    }
    return 0;
}

/* The end of a call: the failed rows' count, or NULL with the call's error raised. */
static PyObject *medins_py_population_end(int rc, size_t failed, medins_error *e,
                                          const char *call)
{
    if (rc == 0 || rc == MEDINS_ERR_BATCH) {
        medins_error_free(e);
        return PyLong_FromSize_t(failed);
    }
    if (e)
        medins_py_raise(e, call);
    else
        medins_py_raise_status(rc);
    medins_error_free(e);
    return NULL;
}

static PyObject *medins_py_contribution_batch(const medins_policy *policy, medins_date date,
                                              size_t n, PyObject *columns, PyObject *outputs)
{
    medins_contribution_columns in = MEDINS_CONTRIBUTION_COLUMNS_INIT;
    medins_contribution_outputs out = MEDINS_CONTRIBUTION_OUTPUTS_INIT;
    medins_error *e = NULL;
    size_t failed = 0;
    int rc;
    in.n = n;
    if (medins_py_point(&in, medins_py_contribution_in, MEDINS_PY_N(medins_py_contribution_in),
                        columns, n, 0, 0, "columns") ||
        medins_py_point(&out, medins_py_contribution_out,
                        MEDINS_PY_N(medins_py_contribution_out), outputs, n, 0, 1, "outputs"))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = medins_contribution_batch(policy, date, &in, &out, &failed, &e);
    Py_END_ALLOW_THREADS
    return medins_py_population_end(rc, failed, e, "contribution_batch");
}

static PyObject *medins_py_maternity_batch(const medins_policy *policy, size_t n,
                                           PyObject *columns, PyObject *outputs)
{
    medins_maternity_columns in = MEDINS_MATERNITY_COLUMNS_INIT;
    medins_maternity_outputs out = MEDINS_MATERNITY_OUTPUTS_INIT;
    medins_error *e = NULL;
    size_t failed = 0;
    int rc;
    in.n = n;
    if (medins_py_point(&in, medins_py_maternity_in, MEDINS_PY_N(medins_py_maternity_in),
                        columns, n, 0, 0, "columns") ||
        medins_py_point(&out, medins_py_maternity_out, MEDINS_PY_N(medins_py_maternity_out),
                        outputs, n, 0, 1, "outputs"))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = medins_maternity_batch(policy, &in, &out, &failed, &e);
    Py_END_ALLOW_THREADS
    return medins_py_population_end(rc, failed, e, "maternity_batch");
}

static PyObject *medins_py_capitation_batch(const medins_policy *policy, size_t n, size_t m,
                                            PyObject *columns, PyObject *outputs)
{
    medins_capitation_columns in = MEDINS_CAPITATION_COLUMNS_INIT;
    medins_capitation_outputs out = MEDINS_CAPITATION_OUTPUTS_INIT;
    medins_error *e = NULL;
    size_t failed = 0;
    int rc;
    in.n = n;
    in.m = m;
    if (medins_py_point(&in, medins_py_capitation_in, MEDINS_PY_N(medins_py_capitation_in),
                        columns, n, m, 0, "columns") ||
        medins_py_point(&out, medins_py_capitation_out, MEDINS_PY_N(medins_py_capitation_out),
                        outputs, n, m, 1, "outputs"))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = medins_capitation_batch(policy, &in, &out, &failed, &e);
    Py_END_ALLOW_THREADS
    return medins_py_population_end(rc, failed, e, "capitation_batch");
}
%}

/* A NULL return means a Python exception is set. */
%exception medins_py_contribution_batch {
    $action
    if (!result)
        SWIG_fail;
}
%exception medins_py_maternity_batch {
    $action
    if (!result)
        SWIG_fail;
}
%exception medins_py_capitation_batch {
    $action
    if (!result)
        SWIG_fail;
}

%rename(contribution_batch) medins_py_contribution_batch;
%rename(maternity_batch) medins_py_maternity_batch;
%rename(capitation_batch) medins_py_capitation_batch;

PyObject *medins_py_contribution_batch(const medins_policy *policy, medins_date date, size_t n,
                                       PyObject *columns, PyObject *outputs);
PyObject *medins_py_maternity_batch(const medins_policy *policy, size_t n, PyObject *columns,
                                    PyObject *outputs);
PyObject *medins_py_capitation_batch(const medins_policy *policy, size_t n, size_t m,
                                     PyObject *columns, PyObject *outputs);
