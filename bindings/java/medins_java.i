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
 *     allocates nothing on the C heap. The packed layouts are the library's (medins/layout.h,
 *     moved by ../layout.i); org.medins.Packed reads their slots by field name.
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

/* Java sends YAML, money and ratio text through medins_java_load_string, medins_java_derive,
 * medins_java_money_parse and medins_java_ratio_parse below, which carry its length. */
%ignore medins_policy::m_load_string;
%ignore medins_policy::m_derive;
%ignore medins_swig_money_parse;
%ignore medins_swig_ratio_parse;
/* The batch's per-claim errors reach Java through medins_java_batch below. */
%ignore medins_batch_errors;
%ignore medins_batch_errors_new;
%ignore medins_batch_errors_free;
%ignore medins_batch_errors_count;
%ignore medins_batch_errors_get;
%ignore medins_batch_errors_find;
%ignore medins_batch_options;
%ignore medins_batch_options_init;
%ignore medins_batch_settle_ex;
%ignore medins_batch_settle_set_ex;

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

/* A new org.medins.MedinsException for `e` (which the caller still frees), or NULL with an
 * exception pending. */
static jthrowable medins_java_exception(JNIEnv *jenv, const medins_error *e)
{
    jclass cls = (*jenv)->FindClass(jenv, "org/medins/MedinsException");
    jmethodID ctor;
    jstring msg = NULL, file = NULL;
    jthrowable exc = NULL;

    if (!cls)
        return NULL; /* NoClassDefFoundError is pending */
    ctor = (*jenv)->GetMethodID(jenv, cls, "<init>", "(ILjava/lang/String;Ljava/lang/String;II)V");
    if (ctor)
        msg = medins_java_string(jenv, medins_error_message(e));
    if (msg && medins_error_file(e))
        file = medins_java_string(jenv, medins_error_file(e));
    if (msg && (file || !medins_error_file(e)))
        exc = (jthrowable)(*jenv)->NewObject(jenv, cls, ctor, (jint)medins_error_code(e), msg,
                                             file, (jint)medins_error_line(e),
                                             (jint)medins_error_column(e));
    (*jenv)->DeleteLocalRef(jenv, cls);
    if (msg)
        (*jenv)->DeleteLocalRef(jenv, msg);
    if (file)
        (*jenv)->DeleteLocalRef(jenv, file);
    return exc;
}

/* Throw org.medins.MedinsException for `e` (which the caller still frees). */
static void medins_java_throw(JNIEnv *jenv, const medins_error *e)
{
    jthrowable exc = medins_java_exception(jenv, e);
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
 * Text goes to C as real UTF-8, encoded here from the string's UTF-16 units (GetStringUTFChars
 * would give modified UTF-8, where U+0000 is two bytes and a character outside the BMP is two
 * three-byte halves). Before the call, the Java side refuses what C would misread:
 *   - a plain `char *` parameter is NUL-terminated, so a NUL in it would end it early:
 *     medins.cString throws MedinsException (MEDINS_ERR_ARGUMENT); null stays NULL;
 *   - a (TEXT, LEN) pair carries its length, so a NUL reaches C, whose parser refuses it with
 *     its own message and position: medins.text only refuses null;
 *   - both refuse a lone surrogate, which has no UTF-8.
 * Refusing in Java means no wrapper returns early with arguments already taken.
 */
%pragma(java) modulecode=%{
  /** {@code s} for a NUL-terminated C parameter, or an exception saying why it cannot be one. */
  static String cString(String s, String name) {
    if (s != null) {
      int nul = s.indexOf('\0');
      if (nul >= 0) {
        throw new org.medins.MedinsException(status.ERR_ARGUMENT, name
            + " contains a NUL character (U+0000) at index " + nul
            + ", which would end it early", null, 0, 0);
      }
      unicode(s, name);
    }
    return s;
  }

  /** {@code s} for a C parameter that carries its length (a NUL is for C to judge). */
  static String text(String s, String name) {
    java.util.Objects.requireNonNull(s, name);
    unicode(s, name);
    return s;
  }

  private static void unicode(String s, String name) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new org.medins.MedinsException(status.ERR_ARGUMENT, name + " contains a lone"
            + String.format(" surrogate (U+%04X) at index %d, which is not Unicode text",
            (int) c, i), null, 0, 0);
      }
    }
  }
%}

%{
/*
 * A malloc'd UTF-8 copy of `s` with a NUL after it; *len is its length without that NUL. NULL
 * with an exception pending when out of memory, or for a lone surrogate (which only a caller
 * that bypassed the checks above can send).
 */
static char *medins_java_utf8(JNIEnv *jenv, jstring s, size_t *len)
{
    jsize n = (*jenv)->GetStringLength(jenv, s), i;
    char *out = malloc((size_t)n * 3 + 1), *o = out;
    const jchar *u;
    int lone = 0;

    if (!out) {
        medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "text");
        return NULL;
    }
    u = (*jenv)->GetStringCritical(jenv, s, NULL);
    if (!u) {
        free(out);
        return NULL;    /* OutOfMemoryError pending */
    }
    /* Up to 3 bytes a unit: a surrogate pair (2 units) is 4 bytes. */
    for (i = 0; i < n && !lone; i++) {
        unsigned long c = u[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c > 0xDBFF || i + 1 == n || u[i + 1] < 0xDC00 || u[i + 1] > 0xDFFF) {
                lone = 1;
                break;
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00u);
        }
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xC0 | c >> 6);
            *o++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (char)(0xE0 | c >> 12);
            *o++ = (char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (char)(0xF0 | c >> 18);
            *o++ = (char)(0x80 | (c >> 12 & 0x3F));
            *o++ = (char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    (*jenv)->ReleaseStringCritical(jenv, s, u);
    if (lone) {
        free(out);
        medins_java_throw_plain(jenv, "java/lang/IllegalArgumentException",
                                "text with a lone surrogate");
        return NULL;
    }
    *o = '\0';
    *len = (size_t)(o - out);
    return out;
}
%}

%typemap(javain) char * "medins.cString($javainput, \"$javainput\")"
%typemap(in) char * (size_t len_unused) {
    $1 = NULL;
    if ($input) {
        $1 = ($1_ltype)medins_java_utf8(jenv, $input, &len_unused);
        if (!$1)
            return $null;
    }
}
%typemap(freearg) char * { free((char *)$1); }

%typemap(jni) (const char *TEXT, size_t LEN) "jstring"
%typemap(jtype) (const char *TEXT, size_t LEN) "String"
%typemap(jstype) (const char *TEXT, size_t LEN) "String"
%typemap(javain) (const char *TEXT, size_t LEN) "medins.text($javainput, \"$javainput\")"
%typemap(in) (const char *TEXT, size_t LEN) {
    $1 = NULL;
    $2 = 0;
    if (!$input) {
        medins_java_throw_plain(jenv, "java/lang/NullPointerException", "$1_name");
        return $null;
    }
    $1 = medins_java_utf8(jenv, $input, &$2);
    if (!$1)
        return $null;
}
%typemap(freearg) (const char *TEXT, size_t LEN) { free((char *)$1); }

/* A method of an object whose native side is gone (after delete()): SWIG would pass NULL on
 * as the object. */
%typemap(check) SWIGTYPE *self {
    if (!$1) {
        medins_java_throw_plain(jenv, "java/lang/NullPointerException", "$symname: deleted object");
        return $null;
    }
}

/* The one member that is a struct (AccountInput.employee) is set by copying from a pointer:
 * null would be copied through NULL. */
%typemap(memberin) medins_employee_input employee {
    if (!$input) {
        medins_java_throw_plain(jenv, "java/lang/NullPointerException", "employee");
        return;
    }
    $1 = *$input;
}

/* A ledger's, money's or a ratio's text, which the interface's helpers read to its end: null
 * is a NullPointerException here, where SWIG would pass NULL on (yaml has its own above). */
%typemap(check) const char *text {
    if (!$1) {
        medins_java_throw_plain(jenv, "java/lang/NullPointerException", "text");
        return $null;
    }
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
/* 0, or -1 with IllegalArgumentException pending (wrong length, or a value too wide): the
 * struct `s` of `layout` from a packed long[] (layout.i). */
static int medins_java_unpack(JNIEnv *jenv, medins_layout layout, void *s, size_t size,
                              const void *in, size_t len, const char *what)
{
    if (medins_bind_unpack(layout, s, size, in, len) == 0)
        return 0;
    medins_java_throw_plain(jenv, "java/lang/IllegalArgumentException", what);
    return -1;
}

#define MEDINS_JAVA_UNPACK(s, in, len, layout, what) \
    medins_java_unpack(jenv, layout, &(s), sizeof(s), in, len, what)
#define MEDINS_JAVA_PACK(out, s, layout) medins_bind_pack(layout, s, out)
/* The slots of a packed layout. */
#define MEDINS_JAVA_SLOTS(layout) medins_layout_field_count(layout)

static void medins_java_bad(JNIEnv *jenv, const char *what)
{
    medins_java_throw_plain(jenv, "java/lang/IllegalArgumentException", what);
}

static void medins_java_ledger_init(JNIEnv *jenv, void *ledger, size_t ledger_len, int32_t year)
{
    medins_ledger l;
    if (ledger_len != MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_LEDGER)) {
        medins_java_bad(jenv, "packed ledger of the wrong length");
        return;
    }
    medins_ledger_init(&l, year);
    MEDINS_JAVA_PACK(ledger, &l, MEDINS_LAYOUT_LEDGER);
}

static void medins_java_ledger_check(JNIEnv *jenv, const void *ledger, size_t ledger_len,
                                     medins_error **err)
{
    medins_ledger l;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, MEDINS_LAYOUT_LEDGER, "ledger") == 0)
        medins_ledger_check(&l, err);
}

static char *medins_java_ledger_text(JNIEnv *jenv, const void *ledger, size_t ledger_len)
{
    medins_ledger l;
    size_t needed = 0;
    char *buf;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, MEDINS_LAYOUT_LEDGER, "ledger") != 0)
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
                                     const char *text, size_t text_len, medins_error **err)
{
    medins_ledger l;
    if (ledger_len != MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_LEDGER) || !text) {
        medins_java_bad(jenv, "packed ledger of the wrong length, or no text");
        return;
    }
    if (medins_ledger_parse(&l, text, text_len, err) == 0)
        MEDINS_JAVA_PACK(ledger, &l, MEDINS_LAYOUT_LEDGER);
}

/* Policies from YAML text with its length (medins.i's load_string and derive measure it with
 * strlen, which Java text must not go through: see the text typemaps above). */
static medins_policy *medins_java_load_string(const char *name, const char *yaml,
                                              size_t yaml_len, const medins_policy_set *bases,
                                              medins_error **err)
{
    medins_policy *p = NULL;
    medins_policy_load_string(&p, name, yaml, yaml_len, bases, NULL, err);
    return p;
}

static medins_policy *medins_java_derive(const medins_policy *base, const char *name,
                                         const char *yaml, size_t yaml_len, medins_error **err)
{
    medins_policy *p = NULL;
    medins_policy_derive(&p, base, name, yaml, yaml_len, err);
    return p;
}

static medins_fen medins_java_money_parse(const char *yuan, size_t yuan_len, medins_error **err)
{
    medins_fen v = 0;
    medins_money_parse_n(&v, yuan, yuan_len, err);
    return v;
}

static medins_bp medins_java_ratio_parse(const char *percent, size_t percent_len,
                                         medins_error **err)
{
    medins_bp v = 0;
    medins_ratio_parse_n(&v, percent, percent_len, err);
    return v;
}

static void medins_java_ledger_close_year(JNIEnv *jenv, const void *prev, size_t prev_len,
                                          void *next, size_t next_len,
                                          const medins_policy *policy,
                                          const void *person, size_t person_len,
                                          medins_error **err)
{
    medins_ledger l, n;
    medins_person p;
    if (MEDINS_JAVA_UNPACK(l, prev, prev_len, MEDINS_LAYOUT_LEDGER, "ledger") != 0 ||
        MEDINS_JAVA_UNPACK(p, person, person_len, MEDINS_LAYOUT_PERSON, "person") != 0)
        return;
    if (next_len != MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_LEDGER)) {
        medins_java_bad(jenv, "packed ledger of the wrong length");
        return;
    }
    if (medins_ledger_close_year(&n, &l, policy, &p, err) == 0)
        MEDINS_JAVA_PACK(next, &n, MEDINS_LAYOUT_LEDGER);
}

static medins_result *medins_java_settle(JNIEnv *jenv, const medins_policy *policy,
                                         const void *person, size_t person_len,
                                         const void *claim, size_t claim_len,
                                         const medins_swig_bill *bill,
                                         void *ledger, size_t ledger_len,
                                         unsigned int flags, medins_error **err)
{
    medins_person p;
    medins_claim c;
    medins_ledger l;
    medins_result *r = NULL;
    if (MEDINS_JAVA_UNPACK(p, person, person_len, MEDINS_LAYOUT_PERSON, "person") != 0 ||
        MEDINS_JAVA_UNPACK(c, claim, claim_len, MEDINS_LAYOUT_CLAIM, "claim") != 0 ||
        MEDINS_JAVA_UNPACK(l, ledger, ledger_len, MEDINS_LAYOUT_LEDGER, "ledger") != 0)
        return NULL;
    medins_settle_options opts;
    medins_settle_options_init(&opts);
    opts.flags = flags & ~MEDINS_SWIG_ESTIMATE;
    /* An itemised bill (medins/bill.h) when one is given, else the claim's totals, settled or
     * (MEDINS_SWIG_ESTIMATE) estimated. */
    if ((bill ? medins_settle_items(&r, policy, &p, &c, bill->items, bill->n, &l, &opts, err)
              : medins_swig_settle(&r, policy, &p, &c, &l, flags, err)) == 0)
        MEDINS_JAVA_PACK(ledger, &l, MEDINS_LAYOUT_LEDGER);
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
#define MEDINS_JAVA_IO_MAX 128

static void medins_java_settle_figures(JNIEnv *jenv, const medins_policy *policy, jlongArray io,
                                       medins_error **err)
{
    const size_t at_claim = MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_PERSON),
                 at_ledger = at_claim + MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_CLAIM),
                 at_figures = at_ledger + MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_LEDGER),
                 size = at_figures + MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_SETTLEMENT);
    jlong buf[MEDINS_JAVA_IO_MAX];
    medins_person p;
    medins_claim c;
    medins_ledger l;
    medins_result *r = NULL;
    if (!io || size > MEDINS_JAVA_IO_MAX || (size_t)(*jenv)->GetArrayLength(jenv, io) != size) {
        medins_java_bad(jenv, "packed settlement buffer of the wrong length");
        return;
    }
    (*jenv)->GetLongArrayRegion(jenv, io, 0, (jsize)at_figures, buf);
    if (MEDINS_JAVA_UNPACK(p, buf, at_claim, MEDINS_LAYOUT_PERSON, "person") != 0 ||
        MEDINS_JAVA_UNPACK(c, buf + at_claim, at_ledger - at_claim, MEDINS_LAYOUT_CLAIM,
                           "claim") != 0 ||
        MEDINS_JAVA_UNPACK(l, buf + at_ledger, at_figures - at_ledger, MEDINS_LAYOUT_LEDGER,
                           "ledger") != 0)
        return;
    medins_settle_options figures;
    medins_settle_options_init(&figures);
    figures.flags = MEDINS_SETTLE_NO_TRACE;
    if (medins_settle_ex(&r, policy, &p, &c, &l, &figures, err) != 0)
        return;
    MEDINS_JAVA_PACK(buf + at_figures, medins_result_settlement(r), MEDINS_LAYOUT_SETTLEMENT);
    medins_result_free(r);
    MEDINS_JAVA_PACK(buf + at_ledger, &l, MEDINS_LAYOUT_LEDGER);
    (*jenv)->SetLongArrayRegion(jenv, io, (jsize)at_ledger, (jsize)(size - at_ledger),
                                buf + at_ledger);
}

static void medins_java_reverse(JNIEnv *jenv, void *ledger, size_t ledger_len,
                                const medins_result *result, medins_error **err)
{
    medins_ledger l;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, MEDINS_LAYOUT_LEDGER, "ledger") != 0)
        return;
    if (medins_settle_reverse(&l, result, err) == 0)
        MEDINS_JAVA_PACK(ledger, &l, MEDINS_LAYOUT_LEDGER);
}

/* The refund of a record on the packed ledger (medins_refund): the ledger updated and the
 * refund's figures packed into `out`, both only on success. */
static void medins_java_refund(JNIEnv *jenv, void *ledger, size_t ledger_len, const char *text,
                               size_t text_len, void *out, size_t out_len, medins_error **err)
{
    medins_ledger l;
    medins_settlement s;
    if (MEDINS_JAVA_UNPACK(l, ledger, ledger_len, MEDINS_LAYOUT_LEDGER, "ledger") != 0)
        return;
    if (out_len != MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_SETTLEMENT) || !text) {
        medins_java_bad(jenv, "packed figures of the wrong length, or no record");
        return;
    }
    if (medins_refund(&s, &l, text, text_len, err) != 0)
        return;
    MEDINS_JAVA_PACK(ledger, &l, MEDINS_LAYOUT_LEDGER);
    MEDINS_JAVA_PACK(out, &s, MEDINS_LAYOUT_SETTLEMENT);
}

/* A record's settlement figures (medins_record_read), packed into `out` on success. */
static void medins_java_record_read(JNIEnv *jenv, const char *text, size_t text_len, void *out,
                                    size_t out_len, medins_error **err)
{
    medins_settlement s;
    if (out_len != MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_SETTLEMENT) || !text) {
        medins_java_bad(jenv, "packed figures of the wrong length, or no record");
        return;
    }
    if (medins_record_read(&s, text, text_len, err) == 0)
        MEDINS_JAVA_PACK(out, &s, MEDINS_LAYOUT_SETTLEMENT);
}

/* A ledger from the packed year so far (medins_ledger_from_year), packed on success. */
static void medins_java_ledger_from_year(JNIEnv *jenv, const void *input, size_t input_len,
                                         void *ledger, size_t ledger_len, medins_error **err)
{
    medins_year_to_date y;
    medins_ledger l;
    if (MEDINS_JAVA_UNPACK(y, input, input_len, MEDINS_LAYOUT_YEAR_TO_DATE, "year to date") != 0)
        return;
    if (ledger_len != MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_LEDGER)) {
        medins_java_bad(jenv, "packed ledger of the wrong length");
        return;
    }
    if (medins_ledger_from_year(&l, &y, err) == 0)
        MEDINS_JAVA_PACK(ledger, &l, MEDINS_LAYOUT_LEDGER);
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
    if (MEDINS_JAVA_UNPACK(p, person, person_len, MEDINS_LAYOUT_PERSON, "person") != 0)
        return NULL;
    if (employee && MEDINS_JAVA_UNPACK(e, employee, employee_len, MEDINS_LAYOUT_EMPLOYEE_INPUT,
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
    if (MEDINS_JAVA_UNPACK(p, person, person_len, MEDINS_LAYOUT_PERSON, "person") != 0 ||
        MEDINS_JAVA_UNPACK(in, input, input_len, MEDINS_LAYOUT_ACCOUNT_INPUT,
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
    if (MEDINS_JAVA_UNPACK(p, person, person_len, MEDINS_LAYOUT_PERSON, "person") != 0 ||
        MEDINS_JAVA_UNPACK(in, input, input_len, MEDINS_LAYOUT_MATERNITY_INPUT,
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
    if (MEDINS_JAVA_UNPACK(in, input, input_len, MEDINS_LAYOUT_CAPITATION_INPUT,
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

/*
 * The identities of the result's assumed values, their addresses in the policy, into out (as
 * many as fit); returns how many the result has. Java keys its cache of PolicyValue records on
 * them: each is read from the policy once, not on every result (Policy.java).
 */
static int32_t medins_java_result_assumed(const medins_result *result, int64_t *out,
                                          size_t out_len)
{
    size_t n = result ? medins_result_assumed_count(result) : 0;
    for (size_t i = 0; i < n && i < out_len; i++)
        out[i] = (int64_t)(intptr_t)medins_result_assumed(result, i);
    return (int32_t)n;
}

/* Longs a line in medins_java_result_lines' nums. */
#define MEDINS_JAVA_LINE_NUMS 11

/*
 * A result's lines in one call (a line through the proxy's getters took thirteen calls and five
 * strings): nums gets MEDINS_JAVA_LINE_NUMS longs a line (part, amount, base, ratio, line,
 * column, assumed, then the addresses of rule, source, citation and file, 0 for NULL), texts
 * each line's text. The four strings belong to the policy or to the library, never to the
 * result (medins_line): Java makes each once a policy, keyed by address (Result.java).
 */
static void medins_java_result_lines(JNIEnv *jenv, const medins_result *result, jlongArray nums,
                                     jobjectArray texts)
{
    size_t n = result ? medins_result_line_count(result) : 0, i;
    if (!nums || !texts || (size_t)(*jenv)->GetArrayLength(jenv, texts) != n ||
        (size_t)(*jenv)->GetArrayLength(jenv, nums) != n * MEDINS_JAVA_LINE_NUMS) {
        medins_java_bad(jenv, "line arrays of the wrong length");
        return;
    }
    for (i = 0; i < n; i++) {
        const medins_line *l = medins_result_line(result, i);
        const jlong v[MEDINS_JAVA_LINE_NUMS] = {
            l->part, l->amount, l->base, l->ratio, l->line, l->column, l->assumed != 0,
            (jlong)(intptr_t)l->rule, (jlong)(intptr_t)l->source, (jlong)(intptr_t)l->citation,
            (jlong)(intptr_t)l->file,
        };
        jstring text;
        (*jenv)->SetLongArrayRegion(jenv, nums, (jsize)(i * MEDINS_JAVA_LINE_NUMS),
                                    MEDINS_JAVA_LINE_NUMS, v);
        text = medins_java_string(jenv, l->text);
        if (!text)
            return;     /* OutOfMemoryError pending */
        (*jenv)->SetObjectArrayElement(jenv, texts, (jsize)i, text);
        (*jenv)->DeleteLocalRef(jenv, text);
    }
}

/* Longs a step in medins_java_result_steps' nums. */
#define MEDINS_JAVA_STEP_NUMS (7 + MEDINS_STEP_ARGS)

/*
 * A result's trace in one call: nums gets MEDINS_JAVA_STEP_NUMS longs a step (kind, part,
 * amount, base, ratio, the address of its rule (the policy's or the library's string), the
 * number of values it read, then its arguments). medins_java_result_step_values gives the
 * addresses of those values, step after step: Java makes each PolicyValue once a policy.
 */
static void medins_java_result_steps(JNIEnv *jenv, const medins_result *result, jlongArray nums)
{
    size_t n = result ? medins_result_step_count(result) : 0, i;
    if (!nums || (size_t)(*jenv)->GetArrayLength(jenv, nums) != n * MEDINS_JAVA_STEP_NUMS) {
        medins_java_bad(jenv, "step array of the wrong length");
        return;
    }
    for (i = 0; i < n; i++) {
        const medins_step *st = medins_result_step(result, i);
        jlong v[MEDINS_JAVA_STEP_NUMS] = {
            st->kind, st->part, st->amount, st->base, st->ratio, (jlong)(intptr_t)st->rule,
            st->nvalues,
        };
        memcpy(v + 7, st->arg, sizeof st->arg);
        (*jenv)->SetLongArrayRegion(jenv, nums, (jsize)(i * MEDINS_JAVA_STEP_NUMS),
                                    MEDINS_JAVA_STEP_NUMS, v);
    }
}

/* The addresses of the values the result's steps read, step after step, into out (as many as
 * fit); returns how many there are. */
static int32_t medins_java_result_step_values(const medins_result *result, int64_t *out,
                                             size_t out_len)
{
    size_t k = 0;
    for (size_t i = 0; result && i < medins_result_step_count(result); i++)
        for (size_t j = 0; j < medins_result_step(result, i)->nvalues; j++, k++)
            if (k < out_len)
                out[k] = (int64_t)(intptr_t)medins_result_step_value(result, i, j);
    return (int32_t)k;
}

/* Copy the result's figures of packed layout `layout` into out: 1, or 0 for another kind. */
static int medins_java_result_figures(JNIEnv *jenv, const medins_result *result, int layout,
                                      void *out, size_t out_len)
{
    const void *fig = NULL;
    if (!result || !out || out_len != MEDINS_JAVA_SLOTS((medins_layout)layout)) {
        medins_java_bad(jenv, "figures of the wrong layout or length");
        return 0;
    }
    switch (layout) {
    case MEDINS_LAYOUT_SETTLEMENT: fig = medins_result_settlement(result); break;
    case MEDINS_LAYOUT_CONTRIBUTION_FIGURES: fig = medins_result_contribution(result); break;
    case MEDINS_LAYOUT_ACCOUNT_FIGURES: fig = medins_result_account(result); break;
    case MEDINS_LAYOUT_MATERNITY_FIGURES: fig = medins_result_maternity(result); break;
    case MEDINS_LAYOUT_CAPITATION_FIGURES: fig = medins_result_capitation(result); break;
    default: medins_java_bad(jenv, "not a layout of figures"); break;
    }
    if (!fig)
        return 0;
    MEDINS_JAVA_PACK(out, fig, (medins_layout)layout);
    return 1;
}

/*
 * The batch's columns reach medins_batch_settle without a copy: every array is taken with
 * GetPrimitiveArrayCritical for the length of the call. (Get<Type>ArrayElements, which the
 * array typemaps use, mallocs and copies each column on HotSpot; for 10^5 claims that was
 * nine tenths of the time.) Inside the critical regions there is no JNI call and no Java
 * allocation: the ledger structs are allocated before, exceptions are thrown after. The price
 * is that the collector waits for the batch (on HotSpot the GC locker blocks other threads'
 * collections until the last region is released). If the VM refuses a critical region, the
 * columns are copied as before. The columns are columns.i's, in its order, then the packed
 * ledgers.
 */
#define MEDINS_JAVA_LEDGERS MEDINS_BIND_COLUMNS
#define MEDINS_JAVA_ARRAYS (MEDINS_BIND_COLUMNS + 1)

static int medins_java_is_long(size_t k)
{
    return k == MEDINS_JAVA_LEDGERS || medins_bind_columns[k].is_long;
}

static int medins_java_is_output(size_t k)
{
    return k == MEDINS_JAVA_LEDGERS || medins_bind_columns[k].output;
}

/*
 * Release arrays [0, n) in reverse order. Inputs are dropped (JNI_ABORT); outputs are written
 * back (mode 0), which only costs anything for copies.
 */
static void medins_java_columns_release(JNIEnv *jenv, jarray *col, void **data, size_t n,
                                        int critical)
{
    while (n-- > 0) {
        jint mode = medins_java_is_output(n) ? 0 : JNI_ABORT;
        if (!col[n] || !data[n])
            continue;
        if (critical)
            (*jenv)->ReleasePrimitiveArrayCritical(jenv, col[n], data[n], mode);
        else if (medins_java_is_long(n))
            (*jenv)->ReleaseLongArrayElements(jenv, (jlongArray)col[n], data[n], mode);
        else
            (*jenv)->ReleaseIntArrayElements(jenv, (jintArray)col[n], data[n], mode);
    }
}

/*
 * Take every non-null array: 1 when all are critical regions (no copies; make no JNI call
 * until they are released), 0 when they are copies, -1 with an exception pending (nothing held).
 */
static int medins_java_columns_get(JNIEnv *jenv, jarray *col, void **data)
{
    size_t i;
    for (i = 0; i < MEDINS_JAVA_ARRAYS; i++) {
        data[i] = col[i] ? (*jenv)->GetPrimitiveArrayCritical(jenv, col[i], NULL) : NULL;
        if (col[i] && !data[i])
            break;
    }
    if (i == MEDINS_JAVA_ARRAYS)
        return 1;
    medins_java_columns_release(jenv, col, data, i, 1);
    if ((*jenv)->ExceptionCheck(jenv))
        return -1;
    for (i = 0; i < MEDINS_JAVA_ARRAYS; i++) {
        if (!col[i])
            data[i] = NULL;
        else if (medins_java_is_long(i))
            data[i] = (*jenv)->GetLongArrayElements(jenv, (jlongArray)col[i], NULL);
        else
            data[i] = (*jenv)->GetIntArrayElements(jenv, (jintArray)col[i], NULL);
        if (col[i] && !data[i]) {
            medins_java_columns_release(jenv, col, data, i, 0);
            if (!(*jenv)->ExceptionCheck(jenv))
                medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "batch columns");
            return -1;
        }
    }
    return 0;
}

/*
 * The MedinsExceptions of `errors` in a new array of n (the batch's claims), each at its
 * claim's index; NULL with an exception pending when out of memory.
 */
static jobjectArray medins_java_batch_failures(JNIEnv *jenv, const medins_batch_errors *errors,
                                               size_t n)
{
    jclass cls = n <= INT_MAX ? (*jenv)->FindClass(jenv, "org/medins/MedinsException") : NULL;
    jobjectArray a = cls ? (*jenv)->NewObjectArray(jenv, (jsize)n, cls, NULL) : NULL;
    size_t k, claim;

    if (cls)
        (*jenv)->DeleteLocalRef(jenv, cls);
    else if (n > INT_MAX)
        medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "batch errors");
    for (k = 0; a && k < medins_batch_errors_count(errors); k++) {
        const medins_error *e = NULL;
        jthrowable exc;
        medins_batch_errors_get(errors, k, &claim, &e);
        exc = medins_java_exception(jenv, e);
        if (!exc)
            return NULL;
        (*jenv)->SetObjectArrayElement(jenv, a, (jsize)claim, exc);
        (*jenv)->DeleteLocalRef(jenv, exc);
    }
    return a;
}

/*
 * The batch over Java column arrays (columns.i). Optional columns may be null. With `set`, each
 * claim uses the policy of `region` in force on its date; else `policy`. Ledgers are packed one
 * after the other. `close_years` closes each person's ledger into a claim's later year;
 * `threads` above 1 splits the persons across threads (medins_batch_options.threads).
 * Returns NULL when every claim settled, else the failed claims' errors
 * (medins_java_batch_failures), each worded as settling that claim alone words it; their
 * statuses are in `status`. A wrong argument throws and changes nothing.
 */
static jobjectArray medins_java_batch(JNIEnv *jenv, const medins_policy *policy,
                                      const medins_policy_set *set, const char *region,
                                      jintArray scheme, jintArray category, jintArray tier,
                                      jintArray birth_date, jintArray groups,
                                      jlongArray family_doctor,
                                      jintArray person, jintArray date, jintArray kind,
                                      jintArray level, jlongArray institution, jlongArray total,
                                      jlongArray self_paid, jlongArray category_b,
                                      jintArray attributes, jintArray days,
                                      jlongArray ledgers,
                                      jlongArray fund, jlongArray supplementary,
                                      jlongArray major_disease,
                                      jlongArray assistance, jlongArray patient,
                                      jlongArray deductible, jlongArray coinsurance,
                                      jlongArray over_cap, jlongArray account,
                                      jlongArray account_first, jintArray status,
                                      jintArray retirement_date, jintArray contribution_months,
                                      jintArray sex, jintArray cohorts,
                                      jboolean close_years, jint threads,
                                      medins_error **err)
{
    const size_t nf = MEDINS_JAVA_SLOTS(MEDINS_LAYOUT_LEDGER);
    jarray col[MEDINS_JAVA_ARRAYS] = {
        scheme, category, tier, birth_date, groups, family_doctor, person, date, kind, level,
        institution, total, self_paid, category_b, attributes, days, fund, supplementary,
        major_disease, assistance, patient, deductible, coinsurance, over_cap, account,
        account_first, status, retirement_date, contribution_months, sex, cohorts, ledgers,
    };
    void *d[MEDINS_JAVA_ARRAYS];
    size_t len[MEDINS_JAVA_ARRAYS], np, failed = 0, i;
    medins_batch_errors *errors = NULL;
    medins_error *e = NULL;
    medins_ledger *l;
    jobjectArray failures = NULL;
    char why[200] = "";
    int critical, bad_ledger = 0, settled = 0, rc = 0;

    /* A null column counts as empty, as the array typemaps have it. */
    for (i = 0; i < MEDINS_JAVA_ARRAYS; i++)
        len[i] = col[i] ? (size_t)(*jenv)->GetArrayLength(jenv, col[i]) : 0;
    np = len[MEDINS_BIND_SCHEME];
    if (len[MEDINS_JAVA_LEDGERS] != np * nf) {
        medins_java_bad(jenv, "batch: ledgers of another length than the persons' packed");
        return NULL;
    }
    l = calloc(np ? np : 1, sizeof *l);
    if (!l || medins_batch_errors_new(&errors) != 0) {
        free(l);
        medins_java_throw_plain(jenv, "java/lang/OutOfMemoryError", "ledgers");
        return NULL;
    }
    critical = medins_java_columns_get(jenv, col, d);
    if (critical < 0) {
        free(l);
        medins_batch_errors_free(errors);
        return NULL;
    }

    /* From here to the release: plain C only (see above). */
    for (i = 0; i < np && !bad_ledger; i++)
        bad_ledger = medins_bind_unpack(MEDINS_LAYOUT_LEDGER, &l[i], sizeof l[i],
                                        (const char *)d[MEDINS_JAVA_LEDGERS] + 8 * i * nf,
                                        nf) != 0;
    if (!bad_ledger) {
        rc = medins_bind_batch(policy, set, region, d, len, l, errors, close_years != 0,
                               threads > 1 ? (unsigned)threads : 1u,
                               &failed, why, sizeof why, &e);
        /* Some claims failing is an outcome, not an error: their statuses and errors say
         * which. MEDINS_ERR_NOMEM only means some failures could not be worded; any other
         * status means that nothing was changed. */
        settled = rc == 0 || rc == MEDINS_ERR_BATCH || rc == MEDINS_ERR_NOMEM;
        if (settled)
            for (i = 0; i < np; i++)
                MEDINS_JAVA_PACK((char *)d[MEDINS_JAVA_LEDGERS] + 8 * i * nf, &l[i],
                                 MEDINS_LAYOUT_LEDGER);
    }
    medins_java_columns_release(jenv, col, d, MEDINS_JAVA_ARRAYS, critical);
    free(l);

    if (bad_ledger)
        medins_java_bad(jenv, "ledger");
    else if (why[0])
        medins_java_bad(jenv, why);
    else if (!settled)
        *err = e;
    else if (failed > 0)
        failures = medins_java_batch_failures(jenv, errors, len[MEDINS_BIND_PERSON]);
    if (settled)
        medins_error_free(e);
    medins_batch_errors_free(errors);
    return failures;
}
%}

/* The wrapper's own JNIEnv goes to the helpers above; Java never sees it. */
%typemap(in, numinputs=0) JNIEnv *jenv "$1 = jenv;"

%apply (const int64_t *IN_ARRAY, size_t LEN) {
    (const int64_t *prev, size_t prev_len), (const int64_t *person, size_t person_len),
    (const int64_t *claim, size_t claim_len), (const int64_t *employee, size_t employee_len),
    (const int64_t *input, size_t input_len), (const int64_t *patient, size_t patient_len),
    (const int64_t *ledger, size_t ledger_len)
}
%apply (int64_t *OUT_ARRAY, size_t LEN) {
    (int64_t *ledger, size_t ledger_len), (int64_t *next, size_t next_len),
    (int64_t *out, size_t out_len)
}
%apply (const char *TEXT, size_t LEN) {
    (const char *text, size_t text_len), (const char *yaml, size_t yaml_len),
    (const char *yuan, size_t yuan_len), (const char *percent, size_t percent_len),
    (const char *word, size_t word_len), (const char *code, size_t code_len),
    (const char *name, size_t name_len), (const char *insutype, size_t insutype_len),
    (const char *psn_type, size_t psn_type_len), (const char *med_type, size_t med_type_len)
}
%apply (const int32_t *IN_ARRAY, size_t LEN) {
    (const int32_t *from, size_t from_len), (const int32_t *to, size_t to_len)
}

%newobject medins_java_settle;
%newobject medins_java_contribution;
%newobject medins_java_account;
%newobject medins_java_maternity;
%newobject medins_java_capitation;
%newobject medins_java_ledger_text;
%newobject medins_java_load_string;
%newobject medins_java_derive;

void medins_java_ledger_init(JNIEnv *jenv, int64_t *ledger, size_t ledger_len, int32_t year);
void medins_java_ledger_check(JNIEnv *jenv, const int64_t *ledger, size_t ledger_len,
                              medins_error **err);
char *medins_java_ledger_text(JNIEnv *jenv, const int64_t *ledger, size_t ledger_len);
void medins_java_ledger_parse(JNIEnv *jenv, int64_t *ledger, size_t ledger_len, const char *text,
                              size_t text_len, medins_error **err);
medins_policy *medins_java_load_string(const char *name, const char *yaml, size_t yaml_len,
                                       const medins_policy_set *bases, medins_error **err);
medins_policy *medins_java_derive(const medins_policy *base, const char *name, const char *yaml,
                                  size_t yaml_len, medins_error **err);
int64_t medins_java_money_parse(const char *yuan, size_t yuan_len, medins_error **err);
int32_t medins_java_ratio_parse(const char *percent, size_t percent_len, medins_error **err);
void medins_java_ledger_close_year(JNIEnv *jenv, const int64_t *prev, size_t prev_len,
                                   int64_t *next, size_t next_len, const medins_policy *policy,
                                   const int64_t *person, size_t person_len, medins_error **err);
medins_result *medins_java_settle(JNIEnv *jenv, const medins_policy *policy,
                                  const int64_t *person, size_t person_len,
                                  const int64_t *claim, size_t claim_len,
                                  const medins_swig_bill *bill,
                                  int64_t *ledger, size_t ledger_len, unsigned int flags,
                                  medins_error **err);
void medins_java_settle_figures(JNIEnv *jenv, const medins_policy *policy, jlongArray io,
                                medins_error **err);
void medins_java_reverse(JNIEnv *jenv, int64_t *ledger, size_t ledger_len,
                         const medins_result *result, medins_error **err);
void medins_java_refund(JNIEnv *jenv, int64_t *ledger, size_t ledger_len, const char *text,
                        size_t text_len, int64_t *out, size_t out_len, medins_error **err);
void medins_java_record_read(JNIEnv *jenv, const char *text, size_t text_len, int64_t *out,
                             size_t out_len, medins_error **err);
void medins_java_ledger_from_year(JNIEnv *jenv, const int64_t *input, size_t input_len,
                                  int64_t *ledger, size_t ledger_len, medins_error **err);
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
int32_t medins_java_result_assumed(const medins_result *result, int64_t *out, size_t out_len);
#define MEDINS_JAVA_LINE_NUMS 11
void medins_java_result_lines(JNIEnv *jenv, const medins_result *result, jlongArray nums,
                              jobjectArray texts);
#define MEDINS_JAVA_STEP_NUMS 15
void medins_java_result_steps(JNIEnv *jenv, const medins_result *result, jlongArray nums);
int32_t medins_java_result_step_values(const medins_result *result, int64_t *out,
                                       size_t out_len);
jobjectArray medins_java_batch(JNIEnv *jenv, const medins_policy *policy,
                               const medins_policy_set *set, const char *region,
                               jintArray scheme, jintArray category, jintArray tier,
                               jintArray birth_date, jintArray groups, jlongArray family_doctor,
                               jintArray person, jintArray date, jintArray kind, jintArray level,
                               jlongArray institution, jlongArray total, jlongArray self_paid,
                               jlongArray category_b, jintArray attributes, jintArray days,
                               jlongArray ledgers, jlongArray fund,
                               jlongArray supplementary, jlongArray major_disease,
                               jlongArray assistance, jlongArray patient, jlongArray deductible,
                               jlongArray coinsurance, jlongArray over_cap, jlongArray account,
                               jlongArray account_first, jintArray status,
                               jintArray retirement_date, jintArray contribution_months,
                               jintArray sex, jintArray cohorts,
                               jboolean close_years, jint threads, medins_error **err);
