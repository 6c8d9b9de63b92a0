/*
 * Python-only typemaps, included by medins.i before any declaration is wrapped.
 *
 * Integers: int64_t (money, ids) is a Python int through stdint.i; SWIG checks the range, so an
 * amount that does not fit raises OverflowError instead of wrapping around.
 */

/* Strings the interface's own helpers read to their end (medins.i: a ledger's text, a policy's
 * or an overlay's YAML, money and ratio text): None is a TypeError here, where SWIG would pass
 * NULL on. */
%typemap(check) const char *text, const char *yaml {
    if (!$1) {
        PyErr_SetString(PyExc_TypeError, "$symname: $1_name must be a str, not None");
        SWIG_fail;
    }
}

/* A method called on None (`lowlevel.Ledger.to_text(None)`): SWIG would pass NULL on as the
 * object. */
%typemap(check) SWIGTYPE *self {
    if (!$1) {
        PyErr_SetString(PyExc_TypeError, "$symname: called on None");
        SWIG_fail;
    }
}

/* The one member that is a struct (AccountInput.employee) is set by copying from a pointer:
 * None would be copied through NULL. */
%typemap(memberin) medins_employee_input employee {
    if (!$input) {
        PyErr_SetString(PyExc_TypeError, "employee must be an EmployeeInput, not None");
        SWIG_fail;
    }
    $1 = *$input;
}

/* A batch helper's count: -1 means "the error object says why" (errors.i raises it); any other
 * negative value is a status with no error object. */
%typemap(out) medins_py_count {
    if ($1 < -1) {
        medins_py_raise_status((int)$1);
        SWIG_fail;
    }
    $result = PyLong_FromLongLong((long long)$1);
}
