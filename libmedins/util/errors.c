/*
 * Error objects. An error is one allocation (struct, message and file name together) so that
 * building one can fail only once; when it does, callers get a static out-of-memory error that
 * medins_error_free recognises and leaves alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct medins_error {
    int code;
    const char *message;
    const char *file;
    unsigned int line;
    unsigned int column;
};

static medins_error nomem_error = {.code = MEDINS_ERR_NOMEM, .message = "out of memory"};

int mdn_verror(medins_error **err, int code, const char *file, unsigned line, unsigned col,
               const char *fmt, va_list ap)
{
    if (!err)
        return code;
    char msg[MDN_ERROR_MESSAGE_MAX + 1];
    const int full = vsnprintf(msg, sizeof msg, fmt, ap);
    size_t mlen = strlen(msg);
    if (full > MDN_ERROR_MESSAGE_MAX) {
        /* Cut inside a character (a lead byte 11xxxxxx, then up to three continuation bytes
         * 10xxxxxx): drop the bytes of it that are left. */
        size_t start = mlen;
        while (start > 0 && mlen - start < 3 && ((unsigned char)msg[start - 1] & 0xC0) == 0x80)
            start--;
        if (start > 0 && (unsigned char)msg[start - 1] >= 0xC0) {
            const unsigned char lead = (unsigned char)msg[start - 1];
            const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (mlen - (start - 1) < need)
                mlen = start - 1;
        }
        msg[mlen] = '\0';
    }
    mlen++;
    size_t flen = file ? strlen(file) + 1 : 0;
    medins_error *e = malloc(sizeof *e + mlen + flen);
    if (!e) {
        *err = &nomem_error;
        return code;
    }
    char *text = (char *)(e + 1);
    memcpy(text, msg, mlen);
    e->code = code;
    e->message = text;
    e->file = NULL;
    if (file) {
        memcpy(text + mlen, file, flen);
        e->file = text + mlen;
    }
    e->line = line;
    e->column = col;
    *err = e;
    return code;
}

int (mdn_error)(medins_error **err, int code, const char *file, unsigned line, unsigned col,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mdn_verror(err, code, file, line, col, fmt, ap);
    va_end(ap);
    return code;
}

int mdn_version_error(medins_error **err, const char *what, unsigned version, unsigned known)
{
    char init[64];
    size_t n = 0;
    for (; what[n] && n + 1 < sizeof init; n++)
        init[n] = (char)(what[n] >= 'a' && what[n] <= 'z' ? what[n] - 'a' + 'A' : what[n]);
    init[n] = '\0';
    if (version == 0)
        return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                         "%s: version 0: the struct was not initialised (initialise it with "
                         "%s_INIT or %s_init)", what, init, what);
    return mdn_error(err, MEDINS_ERR_ARGUMENT, NULL, 0, 0,
                     "%s: version %u is not one this library knows (it reads %s%u): a struct "
                     "of a newer libmedins", what, version, known > 1 ? "1 to " : "", known);
}

int medins_error_code(const medins_error *err)
{
    return err ? err->code : MEDINS_OK;
}

const char *medins_error_message(const medins_error *err)
{
    return err ? err->message : "";
}

const char *medins_error_file(const medins_error *err)
{
    return err ? err->file : NULL;
}

unsigned int medins_error_line(const medins_error *err)
{
    return err ? err->line : 0;
}

unsigned int medins_error_column(const medins_error *err)
{
    return err ? err->column : 0;
}

void medins_error_free(medins_error *err)
{
    if (err && err != &nomem_error)
        free(err);
}

/* ---- Lists ------------------------------------------------------------------------------ */

struct medins_error_list {
    medins_error **items;
    size_t n, max;
};

int medins_error_list_new(medins_error_list **out, size_t max)
{
    if (!out || max == 0)
        return MEDINS_ERR_ARGUMENT;
    medins_error_list *l = calloc(1, sizeof *l);
    if (!l || !(l->items = calloc(max, sizeof *l->items))) {
        free(l);
        return MEDINS_ERR_NOMEM;
    }
    l->max = max;
    *out = l;
    return 0;
}

void mdn_error_list_clear(medins_error_list *list)
{
    for (size_t i = 0; list && i < list->n; i++)
        medins_error_free(list->items[i]);
    if (list)
        list->n = 0;
}

void medins_error_list_free(medins_error_list *list)
{
    mdn_error_list_clear(list);
    if (list)
        free(list->items);
    free(list);
}

size_t medins_error_list_count(const medins_error_list *list)
{
    return list ? list->n : 0;
}

const medins_error *medins_error_list_get(const medins_error_list *list, size_t i)
{
    return list && i < list->n ? list->items[i] : NULL;
}

int medins_error_list_full(const medins_error_list *list)
{
    return list && list->n >= list->max;
}

static bool same_file(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Add a copy of an error unless the list holds the same one; 0, or -1 when full (or out of
 * memory: the list then ends there). */
static int list_add(medins_error_list *list, int code, const char *file, unsigned line, unsigned col,
                    const char *msg)
{
    medins_error *e = NULL;
    mdn_error(&e, code, file, line, col, "%s", msg);   /* the message cut as every error's is */
    if (e == &nomem_error) {
        list->max = list->n;   /* full: the load stops */
        return -1;
    }
    for (size_t i = 0; i < list->n; i++) {
        const medins_error *a = list->items[i];
        if (a->code == code && a->line == line && a->column == col && !strcmp(a->message, e->message) &&
            same_file(a->file, file)) {
            medins_error_free(e);
            return 0;
        }
    }
    if (list->n >= list->max) {
        medins_error_free(e);
        return -1;
    }
    list->items[list->n++] = e;
    return 0;
}

int mdn_vreport(medins_error_list *list, medins_error **err, int code, const char *file, unsigned line,
                unsigned col, const char *fmt, va_list ap)
{
    if (!list)
        return mdn_verror(err, code, file, line, col, fmt, ap);
    /* One byte more than a message keeps, so that mdn_error sees a longer one and cuts it. */
    char msg[MDN_ERROR_MESSAGE_MAX + 2];
    vsnprintf(msg, sizeof msg, fmt, ap);
    (void)list_add(list, code, file, line, col, msg);
    if (err && !*err)
        mdn_error(err, code, file, line, col, "%s", msg);
    return code;
}

int (mdn_report)(medins_error_list *list, medins_error **err, int code, const char *file, unsigned line,
                 unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mdn_vreport(list, err, code, file, line, col, fmt, ap);
    va_end(ap);
    return code;
}

/* The order of the text: by file name (none first), line and column. */
static int place_cmp(const medins_error *a, const medins_error *b)
{
    int c = a->file == b->file ? 0 : !a->file ? -1 : !b->file ? 1 : strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

/* Stable (an insertion sort: a list is at most the few hundred errors a caller asks for). */
static void sort_by_place(medins_error_list *l)
{
    for (size_t i = 1; i < l->n; i++) {
        medins_error *e = l->items[i];
        size_t j = i;
        for (; j > 0 && place_cmp(l->items[j - 1], e) > 0; j--)
            l->items[j] = l->items[j - 1];
        l->items[j] = e;
    }
}

int mdn_load_finish(medins_error_list *list, int rc, medins_error *first, medins_error **err)
{
    /* An error reported, even one gone past, fails the load, with the code of the first. */
    if (first) {
        rc = first->code;
        (void)list_add(list, first->code, first->file, first->line, first->column, first->message);
    }
    sort_by_place(list);
    if (rc && err)
        *err = first;
    else
        medins_error_free(first);
    return rc;
}

struct status_info {
    int code;
    const char *name;
    const char *text;
    medins_status_kind kind;
};

static const struct status_info statuses[] = {
    { MEDINS_OK, "MEDINS_OK", "success", MEDINS_STATUS_KIND_NONE },
    { MEDINS_ERR_NOMEM, "MEDINS_ERR_NOMEM", "out of memory", MEDINS_STATUS_KIND_ARGUMENT },
    { MEDINS_ERR_ARGUMENT, "MEDINS_ERR_ARGUMENT", "a NULL or out-of-range argument", MEDINS_STATUS_KIND_ARGUMENT },
    { MEDINS_ERR_IO, "MEDINS_ERR_IO", "a file or directory could not be read", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_OVERFLOW, "MEDINS_ERR_OVERFLOW", "an amount or sum beyond the supported range", MEDINS_STATUS_KIND_ARGUMENT },
    { MEDINS_ERR_BUFFER, "MEDINS_ERR_BUFFER", "the output buffer is too small", MEDINS_STATUS_KIND_ARGUMENT },
    { MEDINS_ERR_YAML, "MEDINS_ERR_YAML", "YAML syntax error", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_LIMIT, "MEDINS_ERR_LIMIT", "file size, nesting depth, node count or alias limit exceeded", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_UNKNOWN_KEY, "MEDINS_ERR_UNKNOWN_KEY", "a key the policy format does not define", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_TYPE, "MEDINS_ERR_TYPE", "wrong kind of node or an unknown word", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_MISSING, "MEDINS_ERR_MISSING", "a required key is absent", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_RANGE, "MEDINS_ERR_RANGE", "a value outside its allowed range", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_SYNTAX, "MEDINS_ERR_SYNTAX", "an amount, ratio or date that does not parse", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_SEGMENTS, "MEDINS_ERR_SEGMENTS", "cost segments not ascending, overlapping or leaving a gap", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_OVERLAP, "MEDINS_ERR_OVERLAP", "two policies of one region in force on the same day", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_BASE, "MEDINS_ERR_BASE", "the base policy does not exist", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_CYCLE, "MEDINS_ERR_CYCLE", "base policies form a cycle", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_CITATION, "MEDINS_ERR_CITATION", "a value without a valid citation", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_DUPLICATE, "MEDINS_ERR_DUPLICATE", "a key or id given twice", MEDINS_STATUS_KIND_POLICY },
    { MEDINS_ERR_NO_POLICY, "MEDINS_ERR_NO_POLICY", "no policy of that region is in force on that date", MEDINS_STATUS_KIND_NO_POLICY },
    { MEDINS_ERR_NOT_COVERED, "MEDINS_ERR_NOT_COVERED", "the policy does not cover this computation", MEDINS_STATUS_KIND_NOT_COVERED },
    { MEDINS_ERR_PERSON, "MEDINS_ERR_PERSON", "inconsistent person", MEDINS_STATUS_KIND_PERSON },
    { MEDINS_ERR_CLAIM, "MEDINS_ERR_CLAIM", "inconsistent claim", MEDINS_STATUS_KIND_CLAIM },
    { MEDINS_ERR_KIND, "MEDINS_ERR_KIND", "unknown claim kind", MEDINS_STATUS_KIND_CLAIM },
    { MEDINS_ERR_LEVEL, "MEDINS_ERR_LEVEL", "unknown hospital level", MEDINS_STATUS_KIND_CLAIM },
    { MEDINS_ERR_DATE, "MEDINS_ERR_DATE", "not a calendar date, or outside the policy or period", MEDINS_STATUS_KIND_CLAIM },
    { MEDINS_ERR_ORDER, "MEDINS_ERR_ORDER", "a claim earlier than the ledger's last one", MEDINS_STATUS_KIND_LEDGER },
    { MEDINS_ERR_LEDGER_YEAR, "MEDINS_ERR_LEDGER_YEAR", "the ledger belongs to another year than the claim", MEDINS_STATUS_KIND_LEDGER },
    { MEDINS_ERR_LEDGER, "MEDINS_ERR_LEDGER", "a corrupt or unknown-version ledger", MEDINS_STATUS_KIND_LEDGER },
    { MEDINS_ERR_REVERSE, "MEDINS_ERR_REVERSE", "the result is not the ledger's most recent settlement", MEDINS_STATUS_KIND_LEDGER },
    { MEDINS_ERR_RECORD, "MEDINS_ERR_RECORD", "a malformed or unknown-version settlement record", MEDINS_STATUS_KIND_LEDGER },
    { MEDINS_ERR_INPUT, "MEDINS_ERR_INPUT", "invalid computation input", MEDINS_STATUS_KIND_INPUT },
    { MEDINS_ERR_ENROLMENT, "MEDINS_ERR_ENROLMENT", "enrolment dates out of order or outside the period", MEDINS_STATUS_KIND_INPUT },
    { MEDINS_ERR_BATCH, "MEDINS_ERR_BATCH", "some claims of the batch failed", MEDINS_STATUS_KIND_BATCH },
};

static const struct status_info *status_find(int status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].code == status)
            return &statuses[i];
    return NULL;
}

const char *medins_status_name(int status)
{
    const struct status_info *s = status_find(status);
    return s ? s->name : "MEDINS_ERR_UNKNOWN";
}

const char *medins_status_describe(int status)
{
    const struct status_info *s = status_find(status);
    return s ? s->text : "unknown status";
}

size_t medins_status_count(void)
{
    return sizeof statuses / sizeof statuses[0];
}

int medins_status_at(size_t i)
{
    return i < medins_status_count() ? statuses[i].code : MEDINS_OK;
}

medins_status_kind medins_status_kind_of(int status)
{
    const struct status_info *s = status_find(status);
    return s ? s->kind : MEDINS_STATUS_KIND_NONE;
}

const char *medins_status_kind_name(medins_status_kind kind)
{
    static const char *const names[MEDINS_STATUS_KIND_COUNT] = {
        "none", "argument", "policy", "no_policy", "not_covered", "person", "claim", "ledger",
        "input", "batch",
    };
    return (unsigned)kind < MEDINS_STATUS_KIND_COUNT ? names[kind] : NULL;
}
