/*
 * Python-only typemaps, included by medins.i before any declaration is wrapped.
 *
 * Integers: int64_t (money, ids) is a Python int through stdint.i; SWIG checks the range, so an
 * amount that does not fit raises OverflowError instead of wrapping around.
 */

/* The batch's errors are read through python/batch.i's BatchErrors and settle_arrays. */
%ignore medins_batch_errors_new;
%ignore medins_batch_errors_free;
%ignore medins_batch_errors_count;
%ignore medins_batch_errors_get;
%ignore medins_batch_errors_find;
%ignore medins_batch_options;
%ignore medins_batch_options_init;
%ignore medins_batch_settle_ex;
%ignore medins_batch_settle_set_ex;

/* The methods of medins.i that read their text up to a NUL: python/text.i has them with a
 * length. */
%ignore medins_policy::m_load_string;
%ignore medins_policy::m_derive;
%ignore medins_ledger::m_from_text;
/* With their parameters: more specific than medins.i's %rename of the same names. */
%ignore medins_swig_money_parse(const char *text, medins_error **err);
%ignore medins_swig_ratio_parse(const char *text, medins_error **err);
%ignore medins_money_parse_n;
%ignore medins_ratio_parse_n;

/* Text with its length (python/text.i): a str's UTF-8 bytes and their count, so that a NUL
 * inside reaches the library, which refuses it. None or another type is a TypeError here. */
%typemap(in) (const char *text, size_t text_len), (const char *yaml, size_t yaml_len),
             (const char *code, size_t code_len), (const char *name, size_t name_len),
             (const char *insutype, size_t insutype_len),
             (const char *psn_type, size_t psn_type_len),
             (const char *med_type, size_t med_type_len) {
    Py_ssize_t len;
    if (!PyUnicode_Check($input)) {
        PyErr_Format(PyExc_TypeError, "$symname: $1_name must be a str, not %s",
                     $input == Py_None ? "None" : Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    $1 = ($1_ltype)PyUnicode_AsUTF8AndSize($input, &len);
    if (!$1)
        SWIG_fail;
    $2 = (size_t)len;
}

/* Every other string (names, paths, regions, ids) ends at its NUL in C: one inside it is a
 * ValueError here, as Python's own open() gives, instead of a shorter name. None stays NULL. */
%typemap(in, fragment="SWIG_AsCharPtrAndSize") const char * (char *buf = NULL, size_t size = 0,
                                                              int alloc = 0) {
    if (!SWIG_IsOK(SWIG_AsCharPtrAndSize($input, &buf, &size, &alloc))) {
        PyErr_Format(PyExc_TypeError, "$symname: $1_name must be a str or None, not %s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    if (buf && size > 0 && memchr(buf, 0, size - 1)) {
        PyErr_SetString(PyExc_ValueError, "$symname: $1_name contains a NUL character");
        SWIG_fail;
    }
    $1 = buf;
}
%typemap(freearg) const char * {
    if (alloc$argnum == SWIG_NEWOBJ)
        free(buf$argnum);
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
    if ($1 == MEDINS_PY_BAD_COLUMNS) {
        medins_py_raise_message(MEDINS_ERR_ARGUMENT, medins_py_batch_why);
        SWIG_fail;
    }
    if ($1 < -1) {
        medins_py_raise_status((int)$1);
        SWIG_fail;
    }
    $result = PyLong_FromLongLong((long long)$1);
}
