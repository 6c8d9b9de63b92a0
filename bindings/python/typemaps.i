/*
 * Python-only typemaps, included by medins.i before any declaration is wrapped.
 *
 * Integers: int64_t (money, ids) is a Python int through stdint.i; SWIG checks the range, so an
 * amount that does not fit raises OverflowError instead of wrapping around.
 */

/* A batch helper's count: -1 means "the error object says why" (errors.i raises it); any other
 * negative value is a status with no error object. */
%typemap(out) medins_py_count {
    if ($1 < -1) {
        medins_py_raise_status((int)$1);
        SWIG_fail;
    }
    $result = PyLong_FromLongLong((long long)$1);
}
