/*
 * medins_java.i: the Java-only part of the interface, included by ../medins.i (under SWIGJAVA)
 * before any declaration is wrapped.
 *
 * The generated classes (package org.medins.swig) are plumbing for the hand-written API in
 * org.medins; nothing here is meant to be used directly. What this file adds:
 *   - `medins_error **err` throws the unchecked org.medins.MedinsException (code, message, file,
 *     line, column); the error object is freed on every path;
 *   - no finalizers: every owning proxy is released by the org.medins classes' close();
 *   - C strings reach Java as real UTF-8 (NewStringUTF only understands modified UTF-8);
 *   - helpers over packed primitive arrays (person, claim, ledger, inputs and figures as long[],
 *     the batch as columns), so a settlement costs one native call and the per-claim path
 *     allocates nothing on the C heap. The packed layouts are listed with medins_java_pack_*
 *     below and mirrored in org.medins.Packed.
 */

%include <stdint.i>
%include "enumtypeunsafe.swg"

/* The native library is loaded before the first native method is bound. */
%pragma(java) jniclasscode=%{
  static {
    org.medins.NativeLibrary.load();
  }
%}

/* Finalizers are not guaranteed to run and run on an arbitrary thread: ownership is explicit. */
%typemap(javafinalize) SWIGTYPE ""

/* ---- Errors --------------------------------------------------------------------------- */

%{
#include <stdlib.h>
#include <string.h>
#include <limits.h>

/*
 * SWIG reads int64_t as `long long` and passes arrays of it with either type, so the helpers
 * below take Java long[] buffers as void pointers and move each 8-byte slot with memcpy.
 */
_Static_assert(sizeof(jlong) == 8 && sizeof(int64_t) == 8, "64-bit Java long");

/*
 * A Java String from UTF-8. NewStringUTF takes modified UTF-8, which differs for characters
 * outside the BMP (4-byte sequences); those strings go through new String(byte[], "UTF-8").
 */
static jstring medins_java_string(JNIEnv *jenv, const char *s)
{
    const unsigned char *p;
    size_t n;
    jbyteArray bytes;
    jclass cls;
    jmethodID ctor;
    jstring enc, str;

    if (!s)
        return NULL;
    for (p = (const unsigned char *)s; *p && *p < 0xF0; p++)
        ;
    if (!*p)
        return (*jenv)->NewStringUTF(jenv, s);
    n = strlen(s);
    if (n > INT_MAX)
        return NULL;
    bytes = (*jenv)->NewByteArray(jenv, (jsize)n);
    if (!bytes)
        return NULL;
    (*jenv)->SetByteArrayRegion(jenv, bytes, 0, (jsize)n, (const jbyte *)s);
    cls = (*jenv)->FindClass(jenv, "java/lang/String");
    ctor = cls ? (*jenv)->GetMethodID(jenv, cls, "<init>", "([BLjava/lang/String;)V") : NULL;
    enc = ctor ? (*jenv)->NewStringUTF(jenv, "UTF-8") : NULL;
    str = enc ? (jstring)(*jenv)->NewObject(jenv, cls, ctor, bytes, enc) : NULL;
    (*jenv)->DeleteLocalRef(jenv, bytes);
    if (cls)
        (*jenv)->DeleteLocalRef(jenv, cls);
    if (enc)
        (*jenv)->DeleteLocalRef(jenv, enc);
    return str;
}

/* Throw org.medins.MedinsException for `e` (which the caller still frees). */
static void medins_java_throw(JNIEnv *jenv, const medins_error *e)
{
    jclass cls = (*jenv)->FindClass(jenv, "org/medins/MedinsException");
    jmethodID ctor;
    jstring msg, file;
    jthrowable exc;

    if (!cls)
        return; /* NoClassDefFoundError is pending */
    ctor = (*jenv)->GetMethodID(jenv, cls, "<init>", "(ILjava/lang/String;Ljava/lang/String;II)V");
    if (!ctor)
        return;
    msg = medins_java_string(jenv, medins_error_message(e));
    file = medins_java_string(jenv, medins_error_file(e));
    exc = (jthrowable)(*jenv)->NewObject(jenv, cls, ctor, (jint)medins_error_code(e), msg, file,
                                         (jint)medins_error_line(e), (jint)medins_error_column(e));
    if (exc)
        (*jenv)->Throw(jenv, exc);
}

static void medins_java_throw_plain(JNIEnv *jenv, const char *cls_name, const char *msg)
{
    jclass cls = (*jenv)->FindClass(jenv, cls_name);
    if (cls)
        (*jenv)->ThrowNew(jenv, cls, msg);
}
%}

%typemap(in, numinputs=0) medins_error **err (medins_error *err_obj = NULL) {
    $1 = &err_obj;
}
/* Runs after every other argout (err is the last parameter), so nothing follows the throw
 * but the freearg releases, which JNI allows with an exception pending. */
%typemap(argout) medins_error **err {
    if (err_obj$argnum && !(*jenv)->ExceptionCheck(jenv))
        medins_java_throw(jenv, err_obj$argnum);
}
%typemap(freearg) medins_error **err {
    medins_error_free(err_obj$argnum);
}

%typemap(out, noblock=1) char *, const char * { $result = medins_java_string(jenv, $1); }

/*
 * YAML text goes in as real UTF-8 (GetStringUTFChars would give modified UTF-8, which encodes
 * characters outside the BMP as surrogate pairs that a YAML parser refuses).
 */
%typemap(jni) const char *yaml "jbyteArray"
%typemap(jtype) const char *yaml "byte[]"
%typemap(jstype) const char *yaml "String"
%typemap(javain) const char *yaml
    "($javainput + \"\\0\").getBytes(java.nio.charset.StandardCharsets.UTF_8)"
%typemap(in) const char *yaml {
    $1 = NULL;
    if (!$input) {
        medins_java_throw_plain(jenv, "java/lang/NullPointerException", "yaml");
        return $null;
    }
    $1 = ($1_ltype)(*jenv)->GetByteArrayElements(jenv, $input, NULL);
    if (!$1)
        return $null;
}
%typemap(freearg) const char *yaml {
    if ($1)
        (*jenv)->ReleaseByteArrayElements(jenv, $input, (jbyte *)$1, JNI_ABORT);
}

/* ---- Primitive arrays ------------------------------------------------------------------- */

/*
 * (pointer, length) pairs as one Java array parameter; null gives (NULL, 0). Inputs are released
 * without copying back; outputs are copied back when the call returns.
 */
%define MEDINS_JAVA_ARRAY(CTYPE, JNITYPE, JARRAY, JTYPE, NAME)
%typemap(jni) (const CTYPE *IN_ARRAY, size_t LEN), (CTYPE *OUT_ARRAY, size_t LEN) JARRAY
%typemap(jtype) (const CTYPE *IN_ARRAY, size_t LEN), (CTYPE *OUT_ARRAY, size_t LEN) JTYPE
%typemap(jstype) (const CTYPE *IN_ARRAY, size_t LEN), (CTYPE *OUT_ARRAY, size_t LEN) JTYPE
%typemap(javain) (const CTYPE *IN_ARRAY, size_t LEN), (CTYPE *OUT_ARRAY, size_t LEN) "$javainput"
%typemap(in) (const CTYPE *IN_ARRAY, size_t LEN), (CTYPE *OUT_ARRAY, size_t LEN) {
    $1 = NULL;
    $2 = 0;
    if ($input) {
        $2 = (size_t)(*jenv)->GetArrayLength(jenv, $input);
        $1 = ($1_ltype)(*jenv)->Get##NAME##ArrayElements(jenv, $input, NULL);
        if (!$1)
            return $null;
    }
}
%typemap(freearg) (const CTYPE *IN_ARRAY, size_t LEN) {
    if ($1)
        (*jenv)->Release##NAME##ArrayElements(jenv, $input, (JNITYPE *)$1, JNI_ABORT);
}
%typemap(freearg) (CTYPE *OUT_ARRAY, size_t LEN) {
    if ($1)
        (*jenv)->Release##NAME##ArrayElements(jenv, $input, (JNITYPE *)$1, 0);
}
%enddef

MEDINS_JAVA_ARRAY(int32_t, jint, "jintArray", "int[]", Int)
MEDINS_JAVA_ARRAY(int64_t, jlong, "jlongArray", "long[]", Long)

/* ---- Packed structs --------------------------------------------------------------------- */

%{
/* One packed field: where it is in the struct and how wide (4 or 8 bytes, signed). */
typedef struct medins_java_field { size_t offset, size; } medins_java_field;
#define MEDINS_JAVA_F(type, member) { offsetof(type, member), sizeof(((type *)0)->member) }

static const medins_java_field medins_java_person_fields[] = {
    MEDINS_JAVA_F(medins_person, scheme), MEDINS_JAVA_F(medins_person, category),
    MEDINS_JAVA_F(medins_person, tier), MEDINS_JAVA_F(medins_person, birth_date),
    MEDINS_JAVA_F(medins_person, groups), MEDINS_JAVA_F(medins_person, family_doctor),
};
static const medins_java_field medins_java_claim_fields[] = {
    MEDINS_JAVA_F(medins_claim, id), MEDINS_JAVA_F(medins_claim, date),
    MEDINS_JAVA_F(medins_claim, kind), MEDINS_JAVA_F(medins_claim, level),
    MEDINS_JAVA_F(medins_claim, institution), MEDINS_JAVA_F(medins_claim, total),
    MEDINS_JAVA_F(medins_claim, self_paid), MEDINS_JAVA_F(medins_claim, category_b),
};
static const medins_java_field medins_java_ledger_fields[] = {
    MEDINS_JAVA_F(medins_ledger, year), MEDINS_JAVA_F(medins_ledger, last_date),
    MEDINS_JAVA_F(medins_ledger, seq), MEDINS_JAVA_F(medins_ledger, admissions),
    MEDINS_JAVA_F(medins_ledger, outpatient_costs),
    MEDINS_JAVA_F(medins_ledger, deductible[0]), MEDINS_JAVA_F(medins_ledger, deductible[1]),
    MEDINS_JAVA_F(medins_ledger, deductible[2]),
    MEDINS_JAVA_F(medins_ledger, position[0]), MEDINS_JAVA_F(medins_ledger, position[1]),
    MEDINS_JAVA_F(medins_ledger, position[2]),
    MEDINS_JAVA_F(medins_ledger, fund[0]), MEDINS_JAVA_F(medins_ledger, fund[1]),
    MEDINS_JAVA_F(medins_ledger, fund[2]),
    MEDINS_JAVA_F(medins_ledger, major_base), MEDINS_JAVA_F(medins_ledger, major_fund),
    MEDINS_JAVA_F(medins_ledger, assist_base), MEDINS_JAVA_F(medins_ledger, assist_fund),
    MEDINS_JAVA_F(medins_ledger, account_balance), MEDINS_JAVA_F(medins_ledger, account_paid),
    MEDINS_JAVA_F(medins_ledger, carry_over), MEDINS_JAVA_F(medins_ledger, thrifty_years),
    MEDINS_JAVA_F(medins_ledger, prior_known), MEDINS_JAVA_F(medins_ledger, prior_outpatient_costs),
};
static const medins_java_field medins_java_settlement_fields[] = {
    MEDINS_JAVA_F(medins_settlement, claim_id), MEDINS_JAVA_F(medins_settlement, total),
    MEDINS_JAVA_F(medins_settlement, self_paid), MEDINS_JAVA_F(medins_settlement, category_b),
    MEDINS_JAVA_F(medins_settlement, in_scope), MEDINS_JAVA_F(medins_settlement, deductible),
    MEDINS_JAVA_F(medins_settlement, fund), MEDINS_JAVA_F(medins_settlement, coinsurance),
    MEDINS_JAVA_F(medins_settlement, over_cap), MEDINS_JAVA_F(medins_settlement, major_disease),
    MEDINS_JAVA_F(medins_settlement, assistance), MEDINS_JAVA_F(medins_settlement, patient),
    MEDINS_JAVA_F(medins_settlement, account), MEDINS_JAVA_F(medins_settlement, cash),
    MEDINS_JAVA_F(medins_settlement, ratio), MEDINS_JAVA_F(medins_settlement, admission),
    MEDINS_JAVA_F(medins_settlement, assumed),
};
static const medins_java_field medins_java_employee_fields[] = {
    MEDINS_JAVA_F(medins_employee_input, monthly_wage),
    MEDINS_JAVA_F(medins_employee_input, employer_type),
};
static const medins_java_field medins_java_account_input_fields[] = {
    MEDINS_JAVA_F(medins_account_input, employee.monthly_wage),
    MEDINS_JAVA_F(medins_account_input, employee.employer_type),
    MEDINS_JAVA_F(medins_account_input, last_year_pension),
    MEDINS_JAVA_F(medins_account_input, year_costs),
    MEDINS_JAVA_F(medins_account_input, serious_illness),
};
static const medins_java_field medins_java_maternity_input_fields[] = {
    MEDINS_JAVA_F(medins_maternity_input, delivery), MEDINS_JAVA_F(medins_maternity_input, weeks),
    MEDINS_JAVA_F(medins_maternity_input, child_order),
    MEDINS_JAVA_F(medins_maternity_input, prenatal_costs),
    MEDINS_JAVA_F(medins_maternity_input, complication_costs),
};
static const medins_java_field medins_java_capitation_input_fields[] = {
    MEDINS_JAVA_F(medins_capitation_input, institution), MEDINS_JAVA_F(medins_capitation_input, level),
    MEDINS_JAVA_F(medins_capitation_input, disease), MEDINS_JAVA_F(medins_capitation_input, from),
    MEDINS_JAVA_F(medins_capitation_input, to), MEDINS_JAVA_F(medins_capitation_input, actual_costs),
    MEDINS_JAVA_F(medins_capitation_input, assessment),
};
static const medins_java_field medins_java_contribution_fields[] = {
    MEDINS_JAVA_F(medins_contribution_figures, scheme),
    MEDINS_JAVA_F(medins_contribution_figures, paying_tier),
    MEDINS_JAVA_F(medins_contribution_figures, benefit_tier),
    MEDINS_JAVA_F(medins_contribution_figures, group),
    MEDINS_JAVA_F(medins_contribution_figures, state_pays_all),
    MEDINS_JAVA_F(medins_contribution_figures, subsidy),
    MEDINS_JAVA_F(medins_contribution_figures, wage_base),
    MEDINS_JAVA_F(medins_contribution_figures, employer_rate),
    MEDINS_JAVA_F(medins_contribution_figures, individual_rate),
    MEDINS_JAVA_F(medins_contribution_figures, monthly_employer),
    MEDINS_JAVA_F(medins_contribution_figures, monthly_individual),
    MEDINS_JAVA_F(medins_contribution_figures, fixed_yearly),
    MEDINS_JAVA_F(medins_contribution_figures, individual),
    MEDINS_JAVA_F(medins_contribution_figures, government),
    MEDINS_JAVA_F(medins_contribution_figures, employer),
    MEDINS_JAVA_F(medins_contribution_figures, total),
    MEDINS_JAVA_F(medins_contribution_figures, assumed),
};
static const medins_java_field medins_java_account_fields[] = {
    MEDINS_JAVA_F(medins_account_figures, monthly_credit),
    MEDINS_JAVA_F(medins_account_figures, from_individual),
    MEDINS_JAVA_F(medins_account_figures, from_employer),
    MEDINS_JAVA_F(medins_account_figures, from_pool),
    MEDINS_JAVA_F(medins_account_figures, monthly_to_pool),
    MEDINS_JAVA_F(medins_account_figures, monthly_card),
    MEDINS_JAVA_F(medins_account_figures, yearly_credit),
    MEDINS_JAVA_F(medins_account_figures, yearly_card),
    MEDINS_JAVA_F(medins_account_figures, may_withdraw),
    MEDINS_JAVA_F(medins_account_figures, assumed),
};
static const medins_java_field medins_java_maternity_fields[] = {
    MEDINS_JAVA_F(medins_maternity_figures, delivery),
    MEDINS_JAVA_F(medins_maternity_figures, prenatal_limit),
    MEDINS_JAVA_F(medins_maternity_figures, prenatal),
    MEDINS_JAVA_F(medins_maternity_figures, complication_ratio),
    MEDINS_JAVA_F(medins_maternity_figures, complication),
    MEDINS_JAVA_F(medins_maternity_figures, total),
    MEDINS_JAVA_F(medins_maternity_figures, assumed),
};
static const medins_java_field medins_java_capitation_fields[] = {
    MEDINS_JAVA_F(medins_capitation_figures, institution),
    MEDINS_JAVA_F(medins_capitation_figures, rate),
    MEDINS_JAVA_F(medins_capitation_figures, period),
    MEDINS_JAVA_F(medins_capitation_figures, patients),
    MEDINS_JAVA_F(medins_capitation_figures, patient_days),
    MEDINS_JAVA_F(medins_capitation_figures, budget),
    MEDINS_JAVA_F(medins_capitation_figures, actual_costs),
    MEDINS_JAVA_F(medins_capitation_figures, surplus),
    MEDINS_JAVA_F(medins_capitation_figures, overrun),
    MEDINS_JAVA_F(medins_capitation_figures, surplus_kept),
    MEDINS_JAVA_F(medins_capitation_figures, overrun_fund),
    MEDINS_JAVA_F(medins_capitation_figures, before_assessment),
    MEDINS_JAVA_F(medins_capitation_figures, assessment),
    MEDINS_JAVA_F(medins_capitation_figures, payment),
    MEDINS_JAVA_F(medins_capitation_figures, assumed),
};

#define MEDINS_JAVA_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Packed sizes by layout number; the order is org.medins.Packed's. */
static const struct { const medins_java_field *f; size_t n; } medins_java_layouts[] = {
#define MEDINS_JAVA_L(a) { a, MEDINS_JAVA_COUNT(a) }
    MEDINS_JAVA_L(medins_java_person_fields), MEDINS_JAVA_L(medins_java_claim_fields),
    MEDINS_JAVA_L(medins_java_ledger_fields), MEDINS_JAVA_L(medins_java_settlement_fields),
    MEDINS_JAVA_L(medins_java_employee_fields), MEDINS_JAVA_L(medins_java_account_input_fields),
    MEDINS_JAVA_L(medins_java_maternity_input_fields),
    MEDINS_JAVA_L(medins_java_capitation_input_fields),
    MEDINS_JAVA_L(medins_java_contribution_fields), MEDINS_JAVA_L(medins_java_account_fields),
    MEDINS_JAVA_L(medins_java_maternity_fields), MEDINS_JAVA_L(medins_java_capitation_fields),
#undef MEDINS_JAVA_L
};

/* Packed arrays are Java long[] buffers: untyped here, each slot moved with memcpy. */
static void medins_java_pack(void *out, const void *s, const medins_java_field *f, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        const char *p = (const char *)s + f[i].offset;
        int64_t v;
        if (f[i].size == 8) {
            memcpy(&v, p, 8);
        } else {
            int32_t v32;
            memcpy(&v32, p, 4);
            v = v32;
        }
        memcpy((char *)out + 8 * i, &v, 8);
    }
}

/* 0, or -1 with IllegalArgumentException pending (wrong length, or a value too wide). */
static int medins_java_unpack(JNIEnv *jenv, void *s, size_t size, const void *in, size_t len,
                              const medins_java_field *f, size_t n, const char *what)
{
    size_t i;
    if (!in || len != n) {
        medins_java_throw_plain(jenv, "java/lang/IllegalArgumentException", what);
        return -1;
    }
    memset(s, 0, size);
    for (i = 0; i < n; i++) {
        char *p = (char *)s + f[i].offset;
        int64_t v;
        memcpy(&v, (const char *)in + 8 * i, 8);
        if (f[i].size == 8) {
            memcpy(p, &v, 8);
        } else {
            int32_t v32;
            if (v < INT32_MIN || v > (int64_t)UINT32_MAX) {
                medins_java_throw_plain(jenv, "java/lang/IllegalArgumentException", what);
                return -1;
            }
            v32 = (int32_t)(uint32_t)v;
            memcpy(p, &v32, 4);
        }
    }
    return 0;
}

#define MEDINS_JAVA_UNPACK(s, in, len, fields, what) \
    medins_java_unpack(jenv, &(s), sizeof(s), in, len, fields, MEDINS_JAVA_COUNT(fields), what)
#define MEDINS_JAVA_PACK(out, s, fields) medins_java_pack(out, s, fields, MEDINS_JAVA_COUNT(fields))


static void medins_java_bad(JNIEnv *jenv, const char *what)
{
    medins_java_throw_plain(jenv, "java/lang/IllegalArgumentException", what);
}

/* Fields in packed layout `layout` (org.medins.Packed's numbering), or -1. */
static int medins_java_layout_size(int layout)
{
    if (layout < 0 || (size_t)layout >= MEDINS_JAVA_COUNT(medins_java_layouts))
        return -1;
    return (int)medins_java_layouts[layout].n;
}

static void medins_java_ledger_init(JNIEnv *jenv, void *ledger, size_t ledger_len, int32_t year)
{
    medins_ledger l;
    if (ledger_len != MEDINS_JAVA_COUNT(medins_java_ledger_fields)) {
        medins_java_bad(jenv, "packed ledger of the wrong length");
        return;
    }
    medins_ledger_init(&l, year);
    MEDINS_JAVA_PACK(ledger, &l, medins_java_ledger_fields);
}

static void medins_java_ledger_check(JNIEnv *jenv, const void *ledger, size_t ledger_len,
                                     medins_error **err)
{
    medins_ledger l;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, medins_java_ledger_fields, "ledger") == 0)
        medins_ledger_check(&l, err);
}

static char *medins_java_ledger_text(JNIEnv *jenv, const void *ledger, size_t ledger_len)
{
    medins_ledger l;
    size_t needed = 0;
    char *buf;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, medins_java_ledger_fields, "ledger") != 0)
        return NULL;
    medins_ledger_serialize(NULL, 0, &needed, &l);
    buf = needed ? malloc(needed) : NULL;
    if (buf && medins_ledger_serialize(buf, needed, NULL, &l) != 0) {
        free(buf);
        buf = NULL;
    }
    if (!buf)
        medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "ledger text");
    return buf;
}

static void medins_java_ledger_parse(JNIEnv *jenv, void *ledger, size_t ledger_len,
                                     const char *text, medins_error **err)
{
    medins_ledger l;
    if (ledger_len != MEDINS_JAVA_COUNT(medins_java_ledger_fields) || !text) {
        medins_java_bad(jenv, "packed ledger of the wrong length, or no text");
        return;
    }
    if (medins_ledger_parse(&l, text, strlen(text), err) == 0)
        MEDINS_JAVA_PACK(ledger, &l, medins_java_ledger_fields);
}

static void medins_java_ledger_close_year(JNIEnv *jenv, const void *prev, size_t prev_len,
                                          void *next, size_t next_len,
                                          const medins_policy *policy,
                                          const void *person, size_t person_len,
                                          medins_error **err)
{
    medins_ledger l, n;
    medins_person p;
    if (MEDINS_JAVA_UNPACK(l, prev, prev_len, medins_java_ledger_fields, "ledger") != 0 ||
        MEDINS_JAVA_UNPACK(p, person, person_len, medins_java_person_fields, "person") != 0)
        return;
    if (next_len != MEDINS_JAVA_COUNT(medins_java_ledger_fields)) {
        medins_java_bad(jenv, "packed ledger of the wrong length");
        return;
    }
    if (medins_ledger_close_year(&n, &l, policy, &p, err) == 0)
        MEDINS_JAVA_PACK(next, &n, medins_java_ledger_fields);
}

static medins_result *medins_java_settle(JNIEnv *jenv, const medins_policy *policy,
                                         const void *person, size_t person_len,
                                         const void *claim, size_t claim_len,
                                         void *ledger, size_t ledger_len,
                                         unsigned int flags, medins_error **err)
{
    medins_person p;
    medins_claim c;
    medins_ledger l;
    medins_result *r = NULL;
    if (MEDINS_JAVA_UNPACK(p, person, person_len, medins_java_person_fields, "person") != 0 ||
        MEDINS_JAVA_UNPACK(c, claim, claim_len, medins_java_claim_fields, "claim") != 0 ||
        MEDINS_JAVA_UNPACK(l, ledger, ledger_len, medins_java_ledger_fields, "ledger") != 0)
        return NULL;
    if (medins_settle_ex(&r, policy, &p, &c, &l, flags, err) == 0)
        MEDINS_JAVA_PACK(ledger, &l, medins_java_ledger_fields);
    return r;
}

/*
 * One claim, figures only, in one crossing. `io` holds the packed person, claim and ledger one
 * after the other, then room for the figures; it is copied onto the stack and back with one
 * Get/Set<Long>ArrayRegion each (the array typemaps' Get<Long>ArrayElements makes a malloc'd
 * copy of every array on HotSpot, and each JNI call costs a transition). The claim is settled
 * without explanation lines; on success the ledger part of `io` is updated and the figures
 * follow it. The native result only lives for this call, so nothing is left to close.
 */
enum {
    MEDINS_JAVA_IO_PERSON = 0,
    MEDINS_JAVA_IO_CLAIM = MEDINS_JAVA_IO_PERSON + MEDINS_JAVA_COUNT(medins_java_person_fields),
    MEDINS_JAVA_IO_LEDGER = MEDINS_JAVA_IO_CLAIM + MEDINS_JAVA_COUNT(medins_java_claim_fields),
    MEDINS_JAVA_IO_FIGURES = MEDINS_JAVA_IO_LEDGER + MEDINS_JAVA_COUNT(medins_java_ledger_fields),
    MEDINS_JAVA_IO_SIZE = MEDINS_JAVA_IO_FIGURES + MEDINS_JAVA_COUNT(medins_java_settlement_fields)
};

static void medins_java_settle_figures(JNIEnv *jenv, const medins_policy *policy, jlongArray io,
                                       medins_error **err)
{
    jlong buf[MEDINS_JAVA_IO_SIZE];
    medins_person p;
    medins_claim c;
    medins_ledger l;
    medins_result *r = NULL;
    if (!io || (*jenv)->GetArrayLength(jenv, io) != MEDINS_JAVA_IO_SIZE) {
        medins_java_bad(jenv, "packed settlement buffer of the wrong length");
        return;
    }
    (*jenv)->GetLongArrayRegion(jenv, io, 0, MEDINS_JAVA_IO_FIGURES, buf);
    if (MEDINS_JAVA_UNPACK(p, buf + MEDINS_JAVA_IO_PERSON, MEDINS_JAVA_IO_CLAIM,
                           medins_java_person_fields, "person") != 0 ||
        MEDINS_JAVA_UNPACK(c, buf + MEDINS_JAVA_IO_CLAIM,
                           MEDINS_JAVA_IO_LEDGER - MEDINS_JAVA_IO_CLAIM,
                           medins_java_claim_fields, "claim") != 0 ||
        MEDINS_JAVA_UNPACK(l, buf + MEDINS_JAVA_IO_LEDGER,
                           MEDINS_JAVA_IO_FIGURES - MEDINS_JAVA_IO_LEDGER,
                           medins_java_ledger_fields, "ledger") != 0)
        return;
    if (medins_settle_ex(&r, policy, &p, &c, &l, MEDINS_SETTLE_NO_LINES, err) != 0)
        return;
    MEDINS_JAVA_PACK(buf + MEDINS_JAVA_IO_FIGURES, medins_result_settlement(r),
                     medins_java_settlement_fields);
    medins_result_free(r);
    MEDINS_JAVA_PACK(buf + MEDINS_JAVA_IO_LEDGER, &l, medins_java_ledger_fields);
    (*jenv)->SetLongArrayRegion(jenv, io, MEDINS_JAVA_IO_LEDGER,
                                MEDINS_JAVA_IO_SIZE - MEDINS_JAVA_IO_LEDGER,
                                buf + MEDINS_JAVA_IO_LEDGER);
}

static void medins_java_reverse(JNIEnv *jenv, void *ledger, size_t ledger_len,
                                const medins_result *result, medins_error **err)
{
    medins_ledger l;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, medins_java_ledger_fields, "ledger") != 0)
        return;
    if (medins_settle_reverse(&l, result, err) == 0)
        MEDINS_JAVA_PACK(ledger, &l, medins_java_ledger_fields);
}

/* employee may be null (residents). */
static medins_result *medins_java_contribution(JNIEnv *jenv, const medins_policy *policy,
                                               const void *person, size_t person_len,
                                               int32_t date,
                                               const void *employee, size_t employee_len,
                                               medins_error **err)
{
    medins_person p;
    medins_employee_input e;
    medins_result *r = NULL;
    if (MEDINS_JAVA_UNPACK(p, person, person_len, medins_java_person_fields, "person") != 0)
        return NULL;
    if (employee && MEDINS_JAVA_UNPACK(e, employee, employee_len, medins_java_employee_fields,
                                       "employee input") != 0)
        return NULL;
    medins_contribution(&r, policy, &p, date, employee ? &e : NULL, err);
    return r;
}

static medins_result *medins_java_account(JNIEnv *jenv, const medins_policy *policy,
                                          const void *person, size_t person_len, int32_t date,
                                          const void *input, size_t input_len,
                                          medins_error **err)
{
    medins_person p;
    medins_account_input in;
    medins_result *r = NULL;
    if (MEDINS_JAVA_UNPACK(p, person, person_len, medins_java_person_fields, "person") != 0 ||
        MEDINS_JAVA_UNPACK(in, input, input_len, medins_java_account_input_fields,
                           "account input") != 0)
        return NULL;
    medins_account(&r, policy, &p, date, &in, err);
    return r;
}

static medins_result *medins_java_maternity(JNIEnv *jenv, const medins_policy *policy,
                                            const void *person, size_t person_len,
                                            int32_t date, const void *input, size_t input_len,
                                            medins_error **err)
{
    medins_person p;
    medins_maternity_input in;
    medins_result *r = NULL;
    if (MEDINS_JAVA_UNPACK(p, person, person_len, medins_java_person_fields, "person") != 0 ||
        MEDINS_JAVA_UNPACK(in, input, input_len, medins_java_maternity_input_fields,
                           "maternity input") != 0)
        return NULL;
    medins_maternity(&r, policy, &p, date, &in, err);
    return r;
}

static medins_result *medins_java_capitation(JNIEnv *jenv, const medins_policy *policy,
                                             const void *input, size_t input_len,
                                             const void *patient, size_t patient_len,
                                             const int32_t *from, size_t from_len,
                                             const int32_t *to, size_t to_len,
                                             medins_error **err)
{
    medins_capitation_input in;
    medins_enrolment *e = NULL;
    medins_result *r = NULL;
    size_t i;
    if (MEDINS_JAVA_UNPACK(in, input, input_len, medins_java_capitation_input_fields,
                           "capitation input") != 0)
        return NULL;
    if (from_len != patient_len || to_len != patient_len) {
        medins_java_bad(jenv, "enrolment columns of different lengths");
        return NULL;
    }
    if (patient_len) {
        e = calloc(patient_len, sizeof *e);
        if (!e) {
            medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "enrolments");
            return NULL;
        }
        for (i = 0; i < patient_len; i++) {
            memcpy(&e[i].patient, (const char *)patient + 8 * i, 8);
            e[i].from = from[i];
            e[i].to = to[i];
        }
    }
    in.enrolments = e;
    in.enrolment_count = patient_len;
    medins_capitation(&r, policy, &in, err);
    free(e);
    return r;
}

/* Copy the result's figures of packed layout `layout` into out: 1, or 0 for another kind. */
static int medins_java_result_figures(JNIEnv *jenv, const medins_result *result, int layout,
                                      void *out, size_t out_len)
{
    const void *fig = NULL;
    if (!result || medins_java_layout_size(layout) < 0 ||
        out_len != (size_t)medins_java_layout_size(layout)) {
        medins_java_bad(jenv, "figures of the wrong layout or length");
        return 0;
    }
    if (medins_java_layouts[layout].f == medins_java_settlement_fields)
        fig = medins_result_settlement(result);
    else if (medins_java_layouts[layout].f == medins_java_contribution_fields)
        fig = medins_result_contribution(result);
    else if (medins_java_layouts[layout].f == medins_java_account_fields)
        fig = medins_result_account(result);
    else if (medins_java_layouts[layout].f == medins_java_maternity_fields)
        fig = medins_result_maternity(result);
    else if (medins_java_layouts[layout].f == medins_java_capitation_fields)
        fig = medins_result_capitation(result);
    else
        medins_java_bad(jenv, "not a layout of figures");
    if (!fig)
        return 0;
    medins_java_pack(out, fig, medins_java_layouts[layout].f, medins_java_layouts[layout].n);
    return 1;
}

/*
 * The batch over Java column arrays. Optional columns may be null. With `set`, each claim uses
 * the policy of `region` in force on its date; else `policy`. Ledgers are packed one after the
 * other. Returns the number of failed claims (their status is in `status`); a wrong argument
 * throws and changes nothing.
 */
static long long medins_java_batch(JNIEnv *jenv, const medins_policy *policy,
                                 const medins_policy_set *set, const char *region,
                                 const int32_t *scheme, size_t scheme_len,
                                 const int32_t *category, size_t category_len,
                                 const int32_t *tier, size_t tier_len,
                                 const int32_t *birth_date, size_t birth_date_len,
                                 const int32_t *groups, size_t groups_len,
                                 const void *family_doctor, size_t family_doctor_len,
                                 const int32_t *person, size_t person_len,
                                 const int32_t *date, size_t date_len,
                                 const int32_t *kind, size_t kind_len,
                                 const int32_t *level, size_t level_len,
                                 const void *institution, size_t institution_len,
                                 const void *total, size_t total_len,
                                 const void *self_paid, size_t self_paid_len,
                                 const void *category_b, size_t category_b_len,
                                 void *ledgers, size_t ledgers_len,
                                 void *fund, size_t fund_len,
                                 void *major_disease, size_t major_disease_len,
                                 void *assistance, size_t assistance_len,
                                 void *patient, size_t patient_len,
                                 void *deductible, size_t deductible_len,
                                 void *coinsurance, size_t coinsurance_len,
                                 void *over_cap, size_t over_cap_len,
                                 void *account, size_t account_len,
                                 int32_t *status, size_t status_len,
                                 medins_error **err)
{
    const size_t nf = MEDINS_JAVA_COUNT(medins_java_ledger_fields);
    size_t np = scheme_len, nc = person_len, failed = 0, i;
    medins_batch_persons ps;
    medins_batch_claims cs;
    medins_batch_out out;
    medins_ledger *l;
    int rc;

    if (category_len != np || tier_len != np || birth_date_len != np ||
        (groups && groups_len != np) || (family_doctor && family_doctor_len != np) ||
        date_len != nc || kind_len != nc || level_len != nc || total_len != nc ||
        (institution && institution_len != nc) || (self_paid && self_paid_len != nc) ||
        (category_b && category_b_len != nc) || fund_len != nc || major_disease_len != nc ||
        assistance_len != nc || patient_len != nc || deductible_len != nc ||
        coinsurance_len != nc || over_cap_len != nc || account_len != nc || status_len != nc ||
        ledgers_len != np * nf) {
        medins_java_bad(jenv, "batch columns of different lengths");
        return 0;
    }
    l = calloc(np ? np : 1, sizeof *l);
    if (!l) {
        medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "ledgers");
        return 0;
    }
    for (i = 0; i < np; i++) {
        if (MEDINS_JAVA_UNPACK(l[i], (char *)ledgers + 8 * i * nf, nf, medins_java_ledger_fields, "ledger") != 0) {
            free(l);
            return 0;
        }
    }
    ps.n = np;
    ps.scheme = scheme;
    ps.category = category;
    ps.tier = tier;
    ps.birth_date = birth_date;
    ps.groups = (const uint32_t *)groups;
    ps.family_doctor = family_doctor;
    cs.n = nc;
    cs.person = person;
    cs.date = date;
    cs.kind = kind;
    cs.level = level;
    cs.institution = institution;
    cs.total = total;
    cs.self_paid = self_paid;
    cs.category_b = category_b;
    out.fund = fund;
    out.major_disease = major_disease;
    out.assistance = assistance;
    out.patient = patient;
    out.deductible = deductible;
    out.coinsurance = coinsurance;
    out.over_cap = over_cap;
    out.account = account;
    out.status = status;
    {
        /* Some claims failing is an outcome, not an error: the statuses say which. */
        medins_error *e = NULL;
        rc = set ? medins_batch_settle_set(set, region, &ps, &cs, l, &out, &failed, &e)
                 : medins_batch_settle(policy, &ps, &cs, l, &out, &failed, &e);
        if (rc == MEDINS_ERR_BATCH || rc == 0)
            medins_error_free(e);
        else
            *err = e;
    }
    if (rc == 0 || rc == MEDINS_ERR_BATCH)
        for (i = 0; i < np; i++)
            MEDINS_JAVA_PACK((char *)ledgers + 8 * i * nf, &l[i], medins_java_ledger_fields);
    free(l);
    return (long long)failed;
}
%}

/* The wrapper's own JNIEnv goes to the helpers above; Java never sees it. */
%typemap(in, numinputs=0) JNIEnv *jenv "$1 = jenv;"

%apply (const int64_t *IN_ARRAY, size_t LEN) {
    (const int64_t *prev, size_t prev_len), (const int64_t *person, size_t person_len),
    (const int64_t *claim, size_t claim_len), (const int64_t *employee, size_t employee_len),
    (const int64_t *input, size_t input_len), (const int64_t *patient, size_t patient_len),
    (const int64_t *family_doctor, size_t family_doctor_len),
    (const int64_t *institution, size_t institution_len), (const int64_t *total, size_t total_len),
    (const int64_t *self_paid, size_t self_paid_len),
    (const int64_t *category_b, size_t category_b_len)
}
%apply (const int64_t *IN_ARRAY, size_t LEN) { (const int64_t *ledger, size_t ledger_len) }
%apply (int64_t *OUT_ARRAY, size_t LEN) {
    (int64_t *ledger, size_t ledger_len), (int64_t *next, size_t next_len),
    (int64_t *out, size_t out_len), (int64_t *ledgers, size_t ledgers_len),
    (int64_t *fund, size_t fund_len), (int64_t *major_disease, size_t major_disease_len),
    (int64_t *assistance, size_t assistance_len), (int64_t *patient, size_t patient_len),
    (int64_t *deductible, size_t deductible_len), (int64_t *coinsurance, size_t coinsurance_len),
    (int64_t *over_cap, size_t over_cap_len), (int64_t *account, size_t account_len)
}
%apply (const int32_t *IN_ARRAY, size_t LEN) {
    (const int32_t *from, size_t from_len), (const int32_t *to, size_t to_len),
    (const int32_t *scheme, size_t scheme_len), (const int32_t *category, size_t category_len),
    (const int32_t *tier, size_t tier_len), (const int32_t *birth_date, size_t birth_date_len),
    (const int32_t *groups, size_t groups_len), (const int32_t *person, size_t person_len),
    (const int32_t *date, size_t date_len), (const int32_t *kind, size_t kind_len),
    (const int32_t *level, size_t level_len)
}
%apply (int32_t *OUT_ARRAY, size_t LEN) { (int32_t *status, size_t status_len) }

%newobject medins_java_settle;
%newobject medins_java_contribution;
%newobject medins_java_account;
%newobject medins_java_maternity;
%newobject medins_java_capitation;
%newobject medins_java_ledger_text;

int medins_java_layout_size(int layout);
void medins_java_ledger_init(JNIEnv *jenv, int64_t *ledger, size_t ledger_len, int32_t year);
void medins_java_ledger_check(JNIEnv *jenv, const int64_t *ledger, size_t ledger_len,
                              medins_error **err);
char *medins_java_ledger_text(JNIEnv *jenv, const int64_t *ledger, size_t ledger_len);
void medins_java_ledger_parse(JNIEnv *jenv, int64_t *ledger, size_t ledger_len, const char *text,
                              medins_error **err);
void medins_java_ledger_close_year(JNIEnv *jenv, const int64_t *prev, size_t prev_len,
                                   int64_t *next, size_t next_len, const medins_policy *policy,
                                   const int64_t *person, size_t person_len, medins_error **err);
medins_result *medins_java_settle(JNIEnv *jenv, const medins_policy *policy,
                                  const int64_t *person, size_t person_len,
                                  const int64_t *claim, size_t claim_len,
                                  int64_t *ledger, size_t ledger_len, unsigned int flags,
                                  medins_error **err);
void medins_java_settle_figures(JNIEnv *jenv, const medins_policy *policy, jlongArray io,
                                medins_error **err);
void medins_java_reverse(JNIEnv *jenv, int64_t *ledger, size_t ledger_len,
                         const medins_result *result, medins_error **err);
medins_result *medins_java_contribution(JNIEnv *jenv, const medins_policy *policy,
                                        const int64_t *person, size_t person_len, int32_t date,
                                        const int64_t *employee, size_t employee_len,
                                        medins_error **err);
medins_result *medins_java_account(JNIEnv *jenv, const medins_policy *policy,
                                   const int64_t *person, size_t person_len, int32_t date,
                                   const int64_t *input, size_t input_len, medins_error **err);
medins_result *medins_java_maternity(JNIEnv *jenv, const medins_policy *policy,
                                     const int64_t *person, size_t person_len, int32_t date,
                                     const int64_t *input, size_t input_len, medins_error **err);
medins_result *medins_java_capitation(JNIEnv *jenv, const medins_policy *policy,
                                      const int64_t *input, size_t input_len,
                                      const int64_t *patient, size_t patient_len,
                                      const int32_t *from, size_t from_len,
                                      const int32_t *to, size_t to_len, medins_error **err);
int medins_java_result_figures(JNIEnv *jenv, const medins_result *result, int layout,
                               int64_t *out, size_t out_len);
int64_t medins_java_batch(JNIEnv *jenv, const medins_policy *policy, const medins_policy_set *set,
                          const char *region,
                          const int32_t *scheme, size_t scheme_len,
                          const int32_t *category, size_t category_len,
                          const int32_t *tier, size_t tier_len,
                          const int32_t *birth_date, size_t birth_date_len,
                          const int32_t *groups, size_t groups_len,
                          const int64_t *family_doctor, size_t family_doctor_len,
                          const int32_t *person, size_t person_len,
                          const int32_t *date, size_t date_len,
                          const int32_t *kind, size_t kind_len,
                          const int32_t *level, size_t level_len,
                          const int64_t *institution, size_t institution_len,
                          const int64_t *total, size_t total_len,
                          const int64_t *self_paid, size_t self_paid_len,
                          const int64_t *category_b, size_t category_b_len,
                          int64_t *ledgers, size_t ledgers_len,
                          int64_t *fund, size_t fund_len,
                          int64_t *major_disease, size_t major_disease_len,
                          int64_t *assistance, size_t assistance_len,
                          int64_t *patient, size_t patient_len,
                          int64_t *deductible, size_t deductible_len,
                          int64_t *coinsurance, size_t coinsurance_len,
                          int64_t *over_cap, size_t over_cap_len,
                          int64_t *account, size_t account_len,
                          int32_t *status, size_t status_len,
                          medins_error **err);
