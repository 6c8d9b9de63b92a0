/*
 * A streaming RFC 4180 CSV reader for the batch hot path.
 *
 * Why not libcsv (Debian's libcsv-dev)? Its callback-per-field design copies every field into
 * its own growing buffer and calls back per field; for 10^7 rows in a few seconds we want the
 * fields as pointers into one read buffer, NUL-terminated in place, with no copy and no
 * allocation per row. The grammar is small enough to get right here: fields separated by ',',
 * records by LF or CRLF; a field may be quoted with '"', a quote inside it doubled (""), and a
 * quoted field may hold ',', CR and LF. Blank lines are skipped. A UTF-8 byte-order mark at the
 * start of the input (as spreadsheet programs write) is skipped. A bare quote inside an unquoted
 * field, a character after a closing quote, a quote left open at the end of the input, a NUL
 * byte in a field and a record longer than the buffer are errors, reported with the line the
 * record starts on; the reader then goes on with the next record, so one bad record costs only
 * itself.
 */
#ifndef MEDINS_CLI_CSV_H
#define MEDINS_CLI_CSV_H

#include <stddef.h>
#include <stdint.h>

typedef struct csv_field {
    char *p;      /* n bytes, none of them NUL, then a NUL; inside the reader's buffer, valid
                     until the next csv_next */
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
    int bom_checked;
    csv_field *f;
    size_t nf, fcap;
    char msg[256];           /* the last error, without the field it is in */
    size_t bad_field;        /* that field, 1-based; 0 when the error is the record's */
} csv_reader;

/* Open `path` ("-" = standard input). 0, or -1 with errno set. */
int csv_open(csv_reader *r, const char *path);
/* 1 when a record was read (r->f, r->nf), 0 at the end, -1 on a format error (r->msg,
 * r->bad_field, r->rec_line), -2 on a read error (errno). After a format error the reader is
 * positioned after the bad record; an open quote at the end of the input ends the input. The
 * fields of a record refused for a NUL byte are still given (r->nf); after any other format
 * error r->nf is 0. */
int csv_next(csv_reader *r);
void csv_close(csv_reader *r);
/* The size of the input in bytes when it is a regular file, else 0 (a pipe: unknown). */
uint64_t csv_size(const csv_reader *r);

/* ---- A header row naming the columns -------------------------------------------------------- */

#define CSV_MAX_COLUMNS 32

typedef struct csv_columns {
    const char *const *names;        /* the columns a file may have */
    int count;                       /* how many (at most CSV_MAX_COLUMNS) */
    int field[CSV_MAX_COLUMNS];      /* field index of each column, -1 when absent */
    size_t nf;                       /* fields of the header: every row must have as many */
    const char *of_field[CSV_MAX_COLUMNS];   /* the column of each field */
} csv_columns;

/*
 * Read the header row and map its fields to c->names (set names and count first). A column the
 * reader does not know, or one given twice, is an error: a misspelt optional column would
 * otherwise be silently ignored. Returns 1, 0 when the input is empty, -1 on an error
 * (r->msg, r->rec_line: "unknown column 'until' (known: ...)"), -2 on a read error.
 * Required columns are the caller's to check.
 */
int csv_read_header(csv_reader *r, csv_columns *c);

/* r->msg with the field it is in: "column 'total': ..." when the record has the header's
 * fields, "field 3: ..." otherwise. */
void csv_error_text(char *buf, size_t size, const csv_reader *r, const csv_columns *c);

#endif
