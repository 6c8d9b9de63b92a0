/* The CSV reader: see csv.h for the grammar and why it is not libcsv. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"

#ifndef CSV_BUFFER
#  define CSV_BUFFER (1u << 20)   /* also the longest record accepted; a fuzzer may build it small */
#endif

int csv_open(csv_reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (r->fd < 0)
        return -1;
    r->cap = CSV_BUFFER;
    r->buf = malloc(r->cap + 1);
    r->fcap = 32;
    r->f = malloc(r->fcap * sizeof *r->f);
    if (!r->buf || !r->f) {
        csv_close(r);
        errno = ENOMEM;
        return -1;
    }
    r->line = 1;
    return 0;
}

void csv_close(csv_reader *r)
{
    if (r->fd > STDIN_FILENO)
        close(r->fd);
    r->fd = -1;
    free(r->buf);
    free(r->f);
    r->buf = NULL;
    r->f = NULL;
}

uint64_t csv_size(const csv_reader *r)
{
    struct stat st;
    return fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
}

/* Move the unread tail to the front and read more. 0, or -2 on a read error. */
static int refill(csv_reader *r)
{
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    while (r->len < r->cap) {
        ssize_t got = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -2;
        if (got == 0) {
            r->eof = 1;
            break;
        }
        r->len += (size_t)got;
        /* One read is enough to make progress; the caller asks again if the record is longer. */
        break;
    }
    return 0;
}

/*
 * Find the end of the record starting at r->pos: the LF outside quotes. Sets *end to its index
 * (or r->len at the end of the input) and *lines to the LFs inside quoted fields.
 * 1 found, 0 need more input, -1 quote open at the end of the input.
 */
static int record_end(const csv_reader *r, size_t *end, unsigned long *lines)
{
    const char *b = r->buf + r->pos, *lim = r->buf + r->len;
    const char *nl = memchr(b, '\n', (size_t)(lim - b));
    const char *stop = nl ? nl : lim;
    if (!memchr(b, '"', (size_t)(stop - b))) {
        /* The fast path: no quote before the line end. */
        if (!nl && !r->eof)
            return 0;
        *end = (size_t)(stop - r->buf);
        *lines = 0;
        return 1;
    }
    /* Quotes only open a field at its start; a stray quote elsewhere is split()'s to report. */
    enum { START, PLAIN, QUOTED, CLOSED } st = START;
    unsigned long n = 0;
    for (const char *p = b; p < lim; p++) {
        char ch = *p;
        if (st == QUOTED) {
            if (ch == '"') {
                if (p + 1 == lim && !r->eof)
                    return 0;   /* "" or a closing quote: the next read decides */
                if (p + 1 < lim && p[1] == '"')
                    p++;
                else
                    st = CLOSED;
            } else if (ch == '\n') {
                n++;
            }
        } else if (ch == '\n') {
            *end = (size_t)(p - r->buf);
            *lines = n;
            return 1;
        } else if (ch == ',') {
            st = START;
        } else if (st == START) {
            st = ch == '"' ? QUOTED : PLAIN;
        }
    }
    if (!r->eof)
        return 0;
    if (st == QUOTED)
        return -1;
    *end = r->len;
    *lines = n;
    return 1;
}

static int push_field(csv_reader *r, char *p, size_t n)
{
    if (r->nf == r->fcap) {
        const size_t cap = r->fcap ? 2 * r->fcap : 32;
        csv_field *f = realloc(r->f, cap * sizeof *f);
        if (!f)
            return -1;
        r->f = f;
        r->fcap = cap;
    }
    r->f[r->nf].p = p;
    r->f[r->nf].n = n;
    r->nf++;
    return 0;
}

/* A format error in field `field` (1-based; 0: the record's): the record gives no fields. */
static int fail(csv_reader *r, size_t field, const char *msg)
{
    snprintf(r->msg, sizeof r->msg, "%s", msg);
    r->bad_field = field;
    r->nf = 0;
    return -1;
}

/* Split [start, end) into fields, in place. 0, or -1 (r->msg, r->bad_field set). */
static int split(csv_reader *r, char *s, char *end)
{
    size_t nul_field = 0, nul_at = 0;
    r->nf = 0;
    for (;;) {
        char *field = s;
        size_t n;
        if (s < end && *s == '"') {
            char *w = s;
            s++;
            for (;;) {
                /* record_end guarantees the closing quote lies before end. */
                if (*s == '"') {
                    if (s + 1 < end && s[1] == '"') {
                        *w++ = '"';
                        s += 2;
                        continue;
                    }
                    s++;
                    break;
                }
                *w++ = *s++;
            }
            if (s < end && *s != ',')
                return fail(r, r->nf + 1, "unexpected character after a closing quote");
            *w = '\0';
            n = (size_t)(w - field);
        } else {
            char *comma = memchr(s, ',', (size_t)(end - s));
            char *fe = comma ? comma : end;
            if (memchr(s, '"', (size_t)(fe - s)))
                return fail(r, r->nf + 1,
                            "a quote inside an unquoted field (quote the whole field and double the quote)");
            *fe = '\0';
            n = (size_t)(fe - field);
            s = fe;
        }
        const char *nul = memchr(field, '\0', n);
        if (nul && !nul_field) {
            nul_field = r->nf + 1;
            nul_at = (size_t)(nul - field) + 1;
        }
        if (push_field(r, field, n) != 0)
            return fail(r, 0, "out of memory");
        if (s >= end)
            break;
        s++;   /* the comma after the field: an empty last field when it ends the record */
    }
    if (nul_field) {
        /* Text is carried with its length, and a NUL is never taken for its end. */
        snprintf(r->msg, sizeof r->msg, "a NUL byte at byte %zu", nul_at);
        r->bad_field = nul_field;
        return -1;
    }
    return 0;
}

/*
 * The common case in one pass: a record with no quote and no lone CR. Returns 1 with the fields
 * set (or 2 for a blank line, consumed), 0 when the slow path must decide (a quote, a lone CR,
 * or the record runs past the data read so far).
 */
static int fast_record(csv_reader *r)
{
    static const unsigned char special[256] = {[','] = 1, ['\n'] = 1, ['"'] = 1, ['\r'] = 1, [0] = 1};
    char *b = r->buf + r->pos, *lim = r->buf + r->len, *s = b, *p = b;
    r->buf[r->len] = '\n';   /* sentinel: the loop needs no bound check */
    r->nf = 0;
    for (;;) {
        while (!special[(unsigned char)*p])
            p++;
        if (*p == ',') {
            if (push_field(r, s, (size_t)(p - s)) != 0)
                return 0;
            s = ++p;
            continue;
        }
        break;
    }
    char *end = p;
    if (*p == '"' || *p == '\0' || (*p == '\r' && p + 1 < lim && p[1] != '\n'))
        return 0;
    if (*p == '\r') {
        if (p + 1 >= lim)
            return 0;   /* the LF may be in the next read */
        p++;
    }
    if (p == lim && !r->eof)
        return 0;
    if (push_field(r, s, (size_t)(end - s)) != 0)
        return 0;
    size_t next = p < lim ? (size_t)(p + 1 - r->buf) : r->len;
    r->rec_line = r->line;
    r->line += p < lim;
    r->consumed += next - r->pos;
    r->pos = next;
    if (end == b)
        return 2;
    for (size_t i = 0; i < r->nf; i++)
        r->f[i].p[r->f[i].n] = '\0';
    return 1;
}

/*
 * Discard the rest of a record too long for the buffer, which starts at r->pos and fills it:
 * up to the first line end outside quotes, read by read. The quotes are followed as
 * record_end follows them. Returns 0, or -2 on a read error.
 */
static int skip_record(csv_reader *r)
{
    enum { START, PLAIN, QUOTED, QUOTE_IN_QUOTED } st = START;
    for (;;) {
        for (size_t i = r->pos; i < r->len; i++) {
            char ch = r->buf[i];
            if (st == QUOTE_IN_QUOTED) {
                st = PLAIN;   /* the field's closing quote, unless it is doubled */
                if (ch == '"') {
                    st = QUOTED;
                    continue;
                }
            }
            if (st == QUOTED) {
                if (ch == '"')
                    st = QUOTE_IN_QUOTED;
                else if (ch == '\n')
                    r->line++;
            } else if (ch == '\n') {
                r->line++;
                r->consumed += i + 1 - r->pos;
                r->pos = i + 1;
                return 0;
            } else if (ch == ',') {
                st = START;
            } else if (st == START) {
                st = ch == '"' ? QUOTED : PLAIN;
            }
        }
        r->consumed += r->len - r->pos;
        r->pos = r->len;
        if (r->eof)
            return 0;
        if (refill(r) != 0)
            return -2;
    }
}

/* Skip a UTF-8 byte-order mark at the start of the input. 0, or -2 on a read error. */
static int skip_bom(csv_reader *r)
{
    static const char bom[3] = "\xEF\xBB\xBF";
    while (r->len < sizeof bom && !r->eof)
        if (refill(r) != 0)
            return -2;
    r->bom_checked = 1;
    if (r->len >= sizeof bom && memcmp(r->buf, bom, sizeof bom) == 0) {
        r->pos = sizeof bom;
        r->consumed = sizeof bom;
    }
    return 0;
}

int csv_next(csv_reader *r)
{
    r->bad_field = 0;
    if (!r->bom_checked && skip_bom(r) != 0)
        return -2;
    for (;;) {
        size_t end;
        unsigned long lines;
        if (r->pos == r->len) {
            if (r->eof)
                return 0;
            if (refill(r) != 0)
                return -2;
            continue;
        }
        int fast = fast_record(r);
        if (fast == 1)
            return 1;
        if (fast == 2)
            continue;
        int found = record_end(r, &end, &lines);
        if (found == 0) {
            size_t before = r->len - r->pos;
            if (refill(r) != 0)
                return -2;
            if (r->len - r->pos == before && !r->eof) {
                /* The buffer is full of this one record: refuse it alone, read on after it. */
                r->rec_line = r->line;
                if (skip_record(r) != 0)
                    return -2;
                char msg[64];
                snprintf(msg, sizeof msg, "a record longer than %u bytes", CSV_BUFFER);
                return fail(r, 0, msg);
            }
            continue;
        }
        r->rec_line = r->line;
        r->nf = 0;
        if (found < 0) {
            r->consumed += r->len - r->pos;
            r->pos = r->len;
            return fail(r, 0, "a quoted field is not closed before the end of the input");
        }
        size_t next = end < r->len ? end + 1 : end;
        r->line += lines + (end < r->len);
        r->consumed += next - r->pos;
        char *s = r->buf + r->pos, *e = r->buf + end;
        r->pos = next;
        if (e > s && e[-1] == '\r')
            e--;
        if (e == s)
            continue;   /* blank line */
        *e = '\0';      /* buf has one byte beyond cap for the last record of the input */
        return split(r, s, e) == 0 ? 1 : -1;
    }
}

/* ---- Header --------------------------------------------------------------------------------- */

int csv_read_header(csv_reader *r, csv_columns *c)
{
    int rc = csv_next(r);
    if (rc != 1)
        return rc;
    for (int k = 0; k < c->count; k++)
        c->field[k] = -1;
    c->nf = r->nf;
    for (size_t i = 0; i < r->nf; i++) {
        int k = 0;
        while (k < c->count && !(strlen(c->names[k]) == r->f[i].n && memcmp(c->names[k], r->f[i].p, r->f[i].n) == 0))
            k++;
        if (k < c->count && c->field[k] >= 0) {
            snprintf(r->msg, sizeof r->msg, "column '%s' given twice", c->names[k]);
            return -1;
        }
        if (k == c->count) {
            /* A misspelt optional column would silently be ignored: refuse it instead. */
            int w = snprintf(r->msg, sizeof r->msg, "unknown column '%.40s' (known:", r->f[i].p);
            for (int j = 0; j < c->count && w > 0 && (size_t)w < sizeof r->msg; j++)
                w += snprintf(r->msg + w, sizeof r->msg - (size_t)w, "%s %s", j ? "," : "", c->names[j]);
            if (w > 0 && (size_t)w < sizeof r->msg)
                snprintf(r->msg + w, sizeof r->msg - (size_t)w, ")");
            return -1;
        }
        c->field[k] = (int)i;
        c->of_field[i] = c->names[k];
    }
    return 1;
}

void csv_error_text(char *buf, size_t size, const csv_reader *r, const csv_columns *c)
{
    if (!r->bad_field)
        snprintf(buf, size, "%s", r->msg);
    else if (c && r->nf == c->nf && r->bad_field <= c->nf)
        snprintf(buf, size, "column '%s': %s", c->of_field[r->bad_field - 1], r->msg);
    else
        snprintf(buf, size, "field %zu: %s", r->bad_field, r->msg);
}
