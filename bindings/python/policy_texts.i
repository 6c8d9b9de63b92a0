/*
 * policy_texts.i (Python only): policy_set_add_texts, medins_policy_set_add_texts over lists
 * of str: each text goes with its length (a NUL inside is the library's error at its line and
 * column), with its id (None: derived from the name) and its name. The package makes a set
 * again from the texts it was made from when a pickled set is loaded (medins/pickling.py).
 */

%{
/* The UTF-8 of each str of `list` (n of them) into out[]; None into NULL when none_ok. The
 * pointers are the str objects' own, valid while the list holds them. 0, or -1 with a
 * TypeError naming `what` and the item. */
static int medins_py_texts(PyObject *list, Py_ssize_t n, const char **out, size_t *lens,
                           int none_ok, const char *what)
{
    Py_ssize_t i;
    if (!PyList_Check(list) || PyList_GET_SIZE(list) != n) {
        PyErr_Format(PyExc_TypeError, "add_texts: %s must be a list of %zd", what, n);
        return -1;
    }
    for (i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        Py_ssize_t len = 0;
        if (item == Py_None && none_ok) {
            out[i] = NULL;
            continue;
        }
        out[i] = PyUnicode_Check(item) ? PyUnicode_AsUTF8AndSize(item, &len) : NULL;
        if (!out[i]) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "add_texts: %s[%zd] must be a str, not %s",
                             what, i, Py_TYPE(item)->tp_name);
            return -1;
        }
        if (lens)
            lens[i] = (size_t)len;
        else if (memchr(out[i], 0, (size_t)len)) {
            PyErr_Format(PyExc_ValueError, "add_texts: %s[%zd] contains a NUL character",
                         what, i);
            return -1;
        }
    }
    return 0;
}

/* Add the texts to `set`: None, or an exception set (the library's error raised). */
static PyObject *medins_py_add_texts(medins_policy_set *set, PyObject *ids, PyObject *names,
                                     PyObject *texts, const medins_load_options *opts)
{
    Py_ssize_t n = PyList_Check(texts) ? PyList_GET_SIZE(texts) : -1;
    const char **id = NULL, **name = NULL, **text = NULL;
    size_t *len = NULL;
    medins_error *e = NULL;
    PyObject *result = NULL;
    int rc;
    if (n < 0) {
        PyErr_SetString(PyExc_TypeError, "add_texts: texts must be a list of str");
        return NULL;
    }
    id = calloc((size_t)n + 1, sizeof *id);
    name = calloc((size_t)n + 1, sizeof *name);
    text = calloc((size_t)n + 1, sizeof *text);
    len = calloc((size_t)n + 1, sizeof *len);
    if (!id || !name || !text || !len)
        PyErr_NoMemory();
    else if (medins_py_texts(ids, n, id, NULL, 1, "ids") == 0 &&
             medins_py_texts(names, n, name, NULL, 0, "names") == 0 &&
             medins_py_texts(texts, n, text, len, 0, "texts") == 0) {
        Py_BEGIN_ALLOW_THREADS
        rc = medins_policy_set_add_texts(set, (size_t)n, id, name, text, len, opts, &e);
        Py_END_ALLOW_THREADS
        if (rc == 0) {
            Py_INCREF(Py_None);
            result = Py_None;
        } else {
            medins_py_raise(e, "PolicySet_add_texts");
        }
    }
    medins_error_free(e);
    free(id);
    free(name);
    free(text);
    free(len);
    return result;
}
%}

%exception medins_py_add_texts {
    $action
    if (!result)
        SWIG_fail;
}
%rename(policy_set_add_texts) medins_py_add_texts;
/** Add policies from YAML texts with their ids (None: from the name) and names. */
PyObject *medins_py_add_texts(medins_policy_set *set, PyObject *ids, PyObject *names,
                              PyObject *texts, const medins_load_options *opts);
