/* The CSV reader: see csv.h for the grammar and why it is not libcsv. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"

#define CSV_BUFFER (1u << 20)   /* also the longest record accepted */

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

/* Split [start, end) into fields, in place. 0 or -1 (r->msg set). */
static int split(csv_reader *r, char *s, char *end)
{
    r->nf = 0;
    for (;;) {
        char *field = s;
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
            if (s < end && *s != ',') {
                snprintf(r->msg, sizeof r->msg, "field %zu: unexpected character after a closing quote",
                         r->nf + 1);
                return -1;
            }
            *w = '\0';
            if (push_field(r, field, (size_t)(w - field)) != 0)
                goto nomem;
        } else {
            char *comma = memchr(s, ',', (size_t)(end - s));
            char *fe = comma ? comma : end;
            if (memchr(s, '"', (size_t)(fe - s))) {
                snprintf(r->msg, sizeof r->msg,
                         "field %zu: a quote inside an unquoted field (quote the whole field and double the quote)",
                         r->nf + 1);
                return -1;
            }
            *fe = '\0';
            if (push_field(r, field, (size_t)(fe - field)) != 0)
                goto nomem;
            if (comma) {
                s = comma + 1;
                continue;
            }
            return 0;
        }
        if (s >= end)
            return 0;
        s++;   /* the comma after a quoted field */
    }
nomem:
    snprintf(r->msg, sizeof r->msg, "out of memory");
    return -1;
}

/*
 * The common case in one pass: a record with no quote and no lone CR. Returns 1 with the fields
 * set (or 2 for a blank line, consumed), 0 when the slow path must decide (a quote, a lone CR,
 * or the record runs past the data read so far).
 */
static int fast_record(csv_reader *r)
{
    static const unsigned char special[256] = {[','] = 1, ['\n'] = 1, ['"'] = 1, ['\r'] = 1};
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
    if (*p == '"' || (*p == '\r' && p + 1 < lim && p[1] != '\n'))
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

int csv_next(csv_reader *r)
{
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
                r->rec_line = r->line;
                r->nf = 0;
                snprintf(r->msg, sizeof r->msg, "a record longer than %u bytes", CSV_BUFFER);
                r->pos = r->len;
                r->eof = 1;   /* no way to resynchronise */
                return -1;
            }
            continue;
        }
        r->rec_line = r->line;
        r->nf = 0;
        if (found < 0) {
            snprintf(r->msg, sizeof r->msg, "a quoted field is not closed before the end of the input");
            r->consumed += r->len - r->pos;
            r->pos = r->len;
            return -1;
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
