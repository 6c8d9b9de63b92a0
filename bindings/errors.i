/*
 * errors.i: `medins_error **err` becomes an exception in every target language.
 *
 * Every fallible call takes a trailing `medins_error **err`. The binding hides the argument
 * (numinputs=0), passes the address of a local, and after the call turns a set error into an
 * exception carrying code, message, file, line and column. The error object is always freed
 * (freearg), on the success path and on the failure path alike. A status code is never handed
 * back to the caller silently.
 *
 * Language parts: Python is below; Java defines its own typemaps for `medins_error **err` in
 * java/medins_java.i (included by medins.i before any declaration is wrapped).
 */

%{
#include <stdlib.h>
#include <string.h>
#include "medins.h"
%}

#if defined(SWIGPYTHON)

%{
/*
 * Raise the Python exception for an error of the wrapped function `call`. The exception
 * classes live in the pure-Python module medins.errors (so that they can be documented,
 * subclassed and pickled like any other class); its _from_c() picks the subclass from the
 * call, then from the code.
 */
static void medins_py_raise(const medins_error *e, const char *call)
{
    PyObject *mod = PyImport_ImportModule("medins.errors");
    PyObject *exc = NULL;
    const char *file = medins_error_file(e);
    if (mod) {
        exc = PyObject_CallMethod(mod, "_from_c", "iszIIs", medins_error_code(e),
                                  medins_error_message(e), file,
                                  medins_error_line(e), medins_error_column(e), call);
        Py_DECREF(mod);
    }
    if (exc) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    } else {
        /* medins.errors cannot be imported (the extension used on its own): keep the message. */
        PyErr_Clear();
        PyErr_Format(PyExc_RuntimeError, "%s (%s)", medins_error_message(e),
                     medins_status_name(medins_error_code(e)));
    }
}

/* A status without an error object (calls that take no err): raise it with `message`. */
static void medins_py_raise_message(int status, const char *message)
{
    PyObject *mod = PyImport_ImportModule("medins.errors");
    PyObject *exc = NULL;
    if (mod) {
        exc = PyObject_CallMethod(mod, "_from_c", "iszIIz", status, message, NULL, 0u, 0u, NULL);
        Py_DECREF(mod);
    }
    if (exc) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    } else {
        PyErr_Clear();
        PyErr_SetString(PyExc_RuntimeError, message);
    }
}

/* The same, from the code alone. */
static void medins_py_raise_status(int status)
{
    medins_py_raise_message(status, medins_status_describe(status));
}
%}

%typemap(in, numinputs=0) medins_error **err (medins_error *err_obj = NULL) {
    $1 = &err_obj;
}
%typemap(argout) medins_error **err {
    if (err_obj$argnum) {
        medins_py_raise(err_obj$argnum, "$symname");
        Py_XDECREF($result);
        $result = NULL;
        SWIG_fail;
    }
}
%typemap(freearg) medins_error **err {
    medins_error_free(err_obj$argnum);
}

#endif
