/*
 * single.i (Python only): one claim per call with one crossing of the language boundary.
 *
 * The object layer (medins/core.py) would otherwise build a SWIG Person and Claim and set their
 * fields one setter at a time, then read the result back one getter at a time: some thirty
 * calls into the extension around a settlement that itself takes well under a microsecond.
 * Here a person travels as the bytes of its C struct (made once by person_pack and kept by the
 * Person), a claim's fields are read straight from the Python object, and the figures come
 * back as one dict.
 */

%{
#include <datetime.h>

enum { MPY_HANDLE, MPY_USES_ASSUMED, MPY_NAME_COUNT };

/* Interned attribute and key names, made on first use (the module holds them for its life):
 * the Settlement attributes settle_one sets, and every field of every layout by its name. */
static PyObject *medins_py_names[MPY_NAME_COUNT];
static const char *const medins_py_name_text[MPY_NAME_COUNT] = {"_c", "uses_assumed"};
#define MPY_FIELDS_MAX 32
static PyObject *medins_py_field_names[MEDINS_LAYOUT_COUNT][MPY_FIELDS_MAX];

static int medins_py_names_ready(void)
{
    int i, l;
    if (medins_py_names[0])
        return 0;
    if (!PyDateTimeAPI) {
        PyDateTime_IMPORT;
        if (!PyDateTimeAPI)
            return -1;
    }
    for (l = 0; l < MEDINS_LAYOUT_COUNT; l++) {
        size_t k, n = medins_layout_field_count((medins_layout)l);
        if (n > MPY_FIELDS_MAX) {
            PyErr_SetString(PyExc_SystemError, "a layout with more fields than the binding holds");
            return -1;
        }
        for (k = 0; k < n; k++) {
            PyObject *s = PyUnicode_InternFromString(medins_layout_field((medins_layout)l, k)->name);
            if (!s)
                return -1;
            medins_py_field_names[l][k] = s;
        }
    }
    for (i = 0; i < MPY_NAME_COUNT; i++) {
        PyObject *s = PyUnicode_InternFromString(medins_py_name_text[i]);
        if (!s)
            return -1;
        medins_py_names[i] = s;
    }
    return 0;
}

/* A date-like value as YYYYMMDD: None -> 0, a date (or datetime, pandas.Timestamp), an int;
 * anything else through medins.core.to_cdate (strings), so every form the objects accept
 * still works. */
static int medins_py_cdate(PyObject *v, int64_t *out)
{
    PyObject *mod, *r;
    long value;
    if (v == Py_None) {
        *out = 0;
        return 0;
    }
    if (PyDate_Check(v)) {
        *out = PyDateTime_GET_YEAR(v) * 10000 + PyDateTime_GET_MONTH(v) * 100 +
               PyDateTime_GET_DAY(v);
        return 0;
    }
    if (PyLong_Check(v)) {
        r = v;
        Py_INCREF(r);
    } else {
        mod = PyImport_ImportModule("medins.core");
        if (!mod)
            return -1;
        r = PyObject_CallMethod(mod, "to_cdate", "O", v);
        Py_DECREF(mod);
        if (!r)
            return -1;
    }
    value = PyLong_AsLong(r);
    Py_DECREF(r);
    if (value == -1 && PyErr_Occurred())
        return -1;
    *out = value;
    return 0;
}

/* obj.<field's name> as field f's number: a date (medins_py_cdate) for a date field, else an
 * integer. The range is the field's type's: OverflowError outside, as SWIG's own setters do. A
 * Person or Claim has converted its fields when they were set (medins.values); an object that
 * only looks like one gets the same refusals here: a float or a str is a TypeError
 * (PyLong_AsLongLong takes only what has __index__), and so is a bool. */
static int medins_py_field_attr(PyObject *obj, medins_layout layout, size_t k, int64_t *out)
{
    const medins_field *f = medins_layout_field(layout, k);
    PyObject *v = PyObject_GetAttr(obj, medins_py_field_names[layout][k]);
    long long x;
    if (!v)
        return -1;
    if (f->kind == MEDINS_FIELD_DATE) {
        int rc = medins_py_cdate(v, out);
        Py_DECREF(v);
        if (rc == 0 && !medins_bind_fits(f, *out)) {
            PyErr_SetString(PyExc_OverflowError, "date out of range");
            return -1;
        }
        return rc;
    }
    if (PyBool_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s: a bool is not an integer", f->name);
        Py_DECREF(v);
        return -1;
    }
    x = PyLong_AsLongLong(v);
    Py_DECREF(v);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (!medins_bind_fits(f, x)) {
        PyErr_Format(PyExc_OverflowError, "%s out of range", f->name);
        return -1;
    }
    *out = x;
    return 0;
}

/* The struct of `layout` at s (size bytes) from the object's attributes of its fields'
 * names, through layout.i's unpack (which initialises it first). */
static int medins_py_struct_from(PyObject *obj, medins_layout layout, void *s, size_t size)
{
    int64_t slots[MPY_FIELDS_MAX];
    size_t k, n = medins_layout_field_count(layout);
    if (medins_py_names_ready() != 0)
        return -1;
    for (k = 0; k < n; k++)
        if (medins_py_field_attr(obj, layout, k, &slots[k]) != 0)
            return -1;
    if (medins_bind_unpack(layout, s, size, slots, n) != 0) {
        PyErr_SetString(PyExc_SystemError, "unpack");
        return -1;
    }
    return 0;
}

/* The C struct of a Person-like object (its attributes named as medins_person's fields), as
 * bytes. */
static PyObject *medins_py_person_pack(PyObject *obj)
{
    medins_person p;
    if (medins_py_struct_from(obj, MEDINS_LAYOUT_PERSON, &p, sizeof p) != 0)
        return NULL;
    return PyBytes_FromStringAndSize((const char *)&p, sizeof p);
}

/* The struct at s of `layout` as a dict of its fields by name. */
static PyObject *medins_py_struct_dict(medins_layout layout, const void *s)
{
    int64_t slots[MPY_FIELDS_MAX] = { 0 };
    size_t k, n = medins_layout_field_count(layout);
    PyObject *d;
    if (medins_py_names_ready() != 0 || !(d = PyDict_New()))
        return NULL;
    medins_bind_pack(layout, s, slots);
    for (k = 0; k < n; k++) {
        PyObject *x = PyLong_FromLongLong(slots[k]);
        if (!x || PyDict_SetItem(d, medins_py_field_names[layout][k], x) != 0) {
            Py_XDECREF(x);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(x);
    }
    return d;
}

/* The figures of a result of any kind as a dict of its figures' fields (medins/layout.h);
 * None for a result without figures. */
static PyObject *medins_py_figures_of(const medins_result *r)
{
    switch (medins_result_get_kind(r)) {
    case MEDINS_RESULT_SETTLEMENT:
        return medins_py_struct_dict(MEDINS_LAYOUT_SETTLEMENT, medins_result_settlement(r));
    case MEDINS_RESULT_CONTRIBUTION:
        return medins_py_struct_dict(MEDINS_LAYOUT_CONTRIBUTION_FIGURES,
                                     medins_result_contribution(r));
    case MEDINS_RESULT_ACCOUNT:
        return medins_py_struct_dict(MEDINS_LAYOUT_ACCOUNT_FIGURES, medins_result_account(r));
    case MEDINS_RESULT_MATERNITY:
        return medins_py_struct_dict(MEDINS_LAYOUT_MATERNITY_FIGURES, medins_result_maternity(r));
    case MEDINS_RESULT_CAPITATION:
        return medins_py_struct_dict(MEDINS_LAYOUT_CAPITATION_FIGURES,
                                     medins_result_capitation(r));
    default:
        Py_RETURN_NONE;
    }
}

/* The assumed values a result used, as the addresses of the policy's own value records: they
 * live as long as the policy, so the package converts each one once per policy. */
static PyObject *medins_py_assumed_keys(const medins_result *r)
{
    size_t i, n = medins_result_assumed_count(r);
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    for (i = 0; t && i < n; i++) {
        PyObject *k = PyLong_FromVoidPtr((void *)medins_result_assumed(r, i));
        if (!k) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, k);
    }
    return t;
}

/*
 * Settle one claim. `person` is person_pack()'s bytes, `claim` a Claim-like object. Without a
 * `keep` dict (None) only the figures dict comes back, and the result is freed here. With one,
 * the result is handed back as the attributes of a Settlement, made here in one go: the
 * figures, `keep`'s entries (the policy's constants: kind, policy_id), "_c" (the result, as
 * a bare pointer object: the package only hands it back to C functions) and "uses_assumed";
 * returned as (attributes, line count, assumed-value keys (medins_py_assumed_keys)). The
 * ledger is updated on success, as medins_settle_ex does; errors raise.
 */
static PyObject *medins_py_settle_one(const medins_policy *policy, PyObject *person,
                                      PyObject *claim, medins_ledger *ledger, unsigned int flags,
                                      PyObject *keep, medins_error **err)
{
    medins_claim c;
    medins_result *r = NULL;
    PyObject *figures, *handle, *keys;
    int rc;
    if (medins_py_names_ready() != 0)
        return NULL;
    if (!PyBytes_Check(person) || PyBytes_GET_SIZE(person) != (Py_ssize_t)sizeof(medins_person)) {
        PyErr_SetString(PyExc_TypeError, "person: expected person_pack() bytes");
        return NULL;
    }
    if (keep != Py_None && !PyDict_Check(keep)) {
        PyErr_SetString(PyExc_TypeError, "keep: expected a dict or None");
        return NULL;
    }
    if (medins_py_struct_from(claim, MEDINS_LAYOUT_CLAIM, &c, sizeof c) != 0)
        return NULL;
    rc = medins_swig_settle(&r, policy,
                            (const medins_person *)(const void *)PyBytes_AS_STRING(person), &c,
                            ledger, flags, err);
    if (rc != 0) {
        if (!*err)
            medins_py_raise_status(rc);
        return NULL;
    }
    figures = medins_py_struct_dict(MEDINS_LAYOUT_SETTLEMENT, medins_result_settlement(r));
    if (!figures || keep == Py_None) {
        medins_result_free(r);
        return figures;
    }
    /* A bare pointer object, not an instance of the proxy class (a third of the call's
     * cost). It frees the result when it goes. */
    handle = SWIG_NewPointerObj(SWIG_as_voidptr(r), SWIGTYPE_p_medins_result,
                                SWIG_POINTER_OWN | SWIG_POINTER_NOSHADOW);
    if (!handle) {
        medins_result_free(r);
        Py_DECREF(figures);
        return NULL;
    }
    keys = medins_py_assumed_keys(r);
    if (!keys || PyDict_Update(figures, keep) != 0 ||
        PyDict_SetItem(figures, medins_py_names[MPY_HANDLE], handle) != 0 ||
        PyDict_SetItem(figures, medins_py_names[MPY_USES_ASSUMED],
                       medins_result_uses_assumed(r) ? Py_True : Py_False) != 0) {
        Py_XDECREF(keys);
        Py_DECREF(handle);
        Py_DECREF(figures);
        return NULL;
    }
    Py_DECREF(handle);   /* the dict holds it */
    return Py_BuildValue("(NnN)", figures, (Py_ssize_t)medins_result_line_count(r), keys);
}

/*
 * A line's string `s` (NULL: None) from `strings`, the policy's dict of them keyed by address:
 * rule, source, citation and file belong to the policy or the library, never to the result
 * (medins_line), so each is decoded once a policy. New reference, or NULL with an exception.
 */
static PyObject *medins_py_policy_string(PyObject *strings, const char *s)
{
    PyObject *key, *v;
    if (!s)
        Py_RETURN_NONE;
    key = PyLong_FromVoidPtr((void *)s);
    if (!key)
        return NULL;
    v = PyDict_GetItemWithError(strings, key);
    if (v) {
        Py_INCREF(v);
    } else if (!PyErr_Occurred() && (v = PyUnicode_FromString(s)) != NULL &&
               PyDict_SetItem(strings, key, v) != 0) {
        Py_CLEAR(v);
    }
    Py_DECREF(key);
    return v;
}

/* Every explanation line of a result as a tuple of Line's fields (part as its int), read in one
 * call instead of a dozen attribute reads per line; `strings` is the policy's dict of its
 * strings (medins_py_policy_string). */
static PyObject *medins_py_result_lines(const medins_result *r, PyObject *strings)
{
    size_t i, n = medins_result_line_count(r);
    PyObject *list;
    if (!PyDict_Check(strings)) {
        PyErr_SetString(PyExc_TypeError, "result_lines: strings must be a dict");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        const medins_line *ln = medins_result_line(r, i);
        PyObject *rule = medins_py_policy_string(strings, ln->rule ? ln->rule : "");
        PyObject *source = rule ? medins_py_policy_string(strings, ln->source) : NULL;
        PyObject *citation = source ? medins_py_policy_string(strings, ln->citation ? ln->citation : "") : NULL;
        PyObject *file = citation ? medins_py_policy_string(strings, ln->file) : NULL;
        PyObject *t = file ? Py_BuildValue("(iLLiNsNNNIIN)", (int)ln->part, (long long)ln->amount,
                                           (long long)ln->base, (int)ln->ratio, rule,
                                           ln->text ? ln->text : "", source, citation, file,
                                           ln->line, ln->column, PyBool_FromLong(ln->assumed))
                           : NULL;
        if (!t) {
            if (!file) {
                Py_XDECREF(rule);
                Py_XDECREF(source);
                Py_XDECREF(citation);
            }
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, t);
    }
    return list;
}

/* Every step of a result's trace as a tuple (kind, part, rule, amount, base, ratio, its
 * arguments, the addresses of the values it read), read in one call; `strings` as for
 * result_lines. The values are the policy's: the caller makes each once a policy. */
static PyObject *medins_py_result_steps(const medins_result *r, PyObject *strings)
{
    size_t i, j, n = medins_result_step_count(r);
    PyObject *list;
    if (!PyDict_Check(strings)) {
        PyErr_SetString(PyExc_TypeError, "result_steps: strings must be a dict");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        const medins_step *st = medins_result_step(r, i);
        PyObject *rule = medins_py_policy_string(strings, st->rule ? st->rule : "");
        PyObject *args = rule ? PyTuple_New(MEDINS_STEP_ARGS) : NULL;
        PyObject *values = args ? PyTuple_New((Py_ssize_t)st->nvalues) : NULL;
        PyObject *t = NULL;
        int ok = values != NULL;
        for (j = 0; ok && j < MEDINS_STEP_ARGS; j++) {
            PyObject *a = PyLong_FromLongLong((long long)st->arg[j]);
            ok = a != NULL;
            if (ok)
                PyTuple_SET_ITEM(args, (Py_ssize_t)j, a);
        }
        for (j = 0; ok && j < st->nvalues; j++) {
            PyObject *k = PyLong_FromVoidPtr((void *)medins_result_step_value(r, i, j));
            ok = k != NULL;
            if (ok)
                PyTuple_SET_ITEM(values, (Py_ssize_t)j, k);
        }
        if (ok)
            t = Py_BuildValue("(iiNLLiNN)", (int)st->kind, (int)st->part, rule,
                              (long long)st->amount, (long long)st->base, (int)st->ratio, args,
                              values);
        if (!t) {
            if (!ok) {
                Py_XDECREF(rule);
                Py_XDECREF(args);
                Py_XDECREF(values);
            }
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, t);
    }
    return list;
}
%}

%{
/* The refund of a record on `ledger` (medins_refund): its figures, the settlement's negated,
 * as a dict; NULL with *err. */
static PyObject *medins_py_refund(medins_ledger *ledger, const char *record, size_t record_len,
                                  medins_error **err)
{
    medins_settlement s;
    if (medins_py_names_ready() != 0 || medins_refund(&s, ledger, record, record_len, err) != 0)
        return NULL;
    return medins_py_struct_dict(MEDINS_LAYOUT_SETTLEMENT, &s);
}

/* A record's settlement figures (medins_record_read), checked whole, as a dict. */
static PyObject *medins_py_record_read(const char *record, size_t record_len, medins_error **err)
{
    medins_settlement s;
    if (medins_py_names_ready() != 0 || medins_record_read(&s, record, record_len, err) != 0)
        return NULL;
    return medins_py_struct_dict(MEDINS_LAYOUT_SETTLEMENT, &s);
}

/* A ledger from the year so far (medins_ledger_from_year) of an object whose attributes are
 * named as medins_year_to_date's fields ("in_scope.outpatient"): a new Ledger, owned. */
static PyObject *medins_py_ledger_from_year(PyObject *ytd, medins_error **err)
{
    medins_year_to_date y;
    medins_ledger l, *out;
    PyObject *obj;
    if (medins_py_struct_from(ytd, MEDINS_LAYOUT_YEAR_TO_DATE, &y, sizeof y) != 0 ||
        medins_ledger_from_year(&l, &y, err) != 0)
        return NULL;
    out = malloc(sizeof *out);
    if (!out)
        return PyErr_NoMemory();
    *out = l;
    obj = SWIG_NewPointerObj(SWIG_as_voidptr(out), SWIGTYPE_p_medins_ledger, SWIG_POINTER_OWN);
    if (!obj)
        free(out);
    return obj;
}
%}
%rename(ledger_from_year) medins_py_ledger_from_year;
PyObject *medins_py_ledger_from_year(PyObject *ytd, medins_error **err);
%apply (char *STRING, size_t LENGTH) { (const char *record, size_t record_len) };
%rename(refund) medins_py_refund;
PyObject *medins_py_refund(medins_ledger *ledger, const char *record, size_t record_len,
                           medins_error **err);
%rename(record_read) medins_py_record_read;
PyObject *medins_py_record_read(const char *record, size_t record_len, medins_error **err);

%rename(result_lines) medins_py_result_lines;
PyObject *medins_py_result_lines(const medins_result *r, PyObject *strings);
%rename(result_steps) medins_py_result_steps;
PyObject *medins_py_result_steps(const medins_result *r, PyObject *strings);
%rename(person_pack) medins_py_person_pack;
%rename(figures_of) medins_py_figures_of;
PyObject *medins_py_figures_of(const medins_result *r);
%rename(settle_one) medins_py_settle_one;
PyObject *medins_py_person_pack(PyObject *obj);
PyObject *medins_py_settle_one(const medins_policy *policy, PyObject *person, PyObject *claim,
                               medins_ledger *ledger, unsigned int flags, PyObject *keep,
                               medins_error **err);
