/*
 * A streaming RFC 4180 CSV reader for the batch hot path.
 *
 * Why not libcsv (Debian's libcsv-dev)? Its callback-per-field design copies every field into
 * its own growing buffer and calls back per field; for 10^7 rows in a few seconds we want the
 * fields as pointers into one read buffer, NUL-terminated in place, with no copy and no
 * allocation per row. The grammar is small enough to get right here: fields separated by ',',
 * records by LF or CRLF; a field may be quoted with '"', a quote inside it doubled (""), and a
 * quoted field may hold ',', CR and LF. Blank lines are skipped. A bare quote inside an unquoted
 * field, a character after a closing quote, or a quote left open at the end of the input are
 * errors, reported with the line they occur on.
 */
#ifndef MEDINS_CLI_CSV_H
#define MEDINS_CLI_CSV_H

#include <stddef.h>
#include <stdint.h>

typedef struct csv_field {
    char *p;      /* NUL-terminated, inside the reader's buffer: valid until the next csv_next */
    size_t n;
} csv_field;

typedef struct csv_reader {
    int fd;
    int eof;
    char *buf;               /* cap + 1 bytes: room for a final NUL */
    size_t cap, len, pos;
    unsigned long line;      /* line of the next record (1-based) */
    unsigned long rec_line;  /* line the current record starts on */
    uint64_t consumed;       /* bytes of input consumed so far */
    csv_field *f;
    size_t nf, fcap;
    char msg[160];           /* the last error */
} csv_reader;

/* Open `path` ("-" = standard input). 0, or -1 with errno set. */
int csv_open(csv_reader *r, const char *path);
/* 1 when a record was read (r->f, r->nf), 0 at the end, -1 on a format error (r->msg, r->rec_line),
 * -2 on a read error (errno). After a format error the reader is positioned after the bad record
 * when the error was local to it; an open quote at the end of the input ends the input. */
int csv_next(csv_reader *r);
void csv_close(csv_reader *r);

#endif
