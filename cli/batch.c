/*
 * medins batch: a CSV of claims in, a CSV of results out, one ledger per person.
 *
 * The input is streamed: rows are read into a fixed chunk, the chunk is settled with one
 * medins_batch_settle call and written out, and the chunk is reused. Memory grows with the
 * number of persons (their ledgers), never with the number of rows, and nothing is allocated
 * per row: the person map and the per-chunk text area grow geometrically and are reused.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"

static const char help[] =
    "Usage: medins batch [OPTION]... [CLAIMS.csv|-]\n"
    "Settle a CSV of claims and write a CSV of results to standard output (or --output), one\n"
    "row per claim, in input order. Each person's ledger (deductible met, running position,\n"
    "annual maximum) is carried from one claim to the next, so a person's claims must come in\n"
    "date order; persons may be interleaved; a claim of a later year first closes the person's\n"
    "year with the policy in force on its last day. The input is streamed: files larger than memory\n"
    "work. A progress bar is drawn on standard error when it is a terminal, and a summary is\n"
    "printed there at the end.\n"
    "\n"
    "Input columns (a header row names them; any order):\n"
    "  person_id       required: who the claim is for\n"
    "  date            required: 2023-06-01 or 20230601\n"
    "  kind            required: outpatient | pooling | special_disease | inpatient | pharmacy\n"
    "  level           required: primary | l1 | l2 | l3 | pharmacy\n"
    "  total           required: yuan, at most two decimals, no grouping (25000, 1100.50)\n"
    "  self_paid, category_b        yuan (empty: 0)\n"
    "  claim_id, institution        integers (claim_id defaults to the line number)\n"
    "  scheme, category, tier, birth_date, groups (dibao|disabled), family_doctor\n"
    "                  the person (empty: employee, in_service / adult, no tier, no groups)\n"
    "  retirement_date, sex (male|female), contribution_years or contribution_months,\n"
    "  cohorts (the policy's person groups: model_worker|...)\n"
    "                  the person's fields policies may select on (empty, or no column:\n"
    "                  unknown, and a claim whose rows read one is refused; an empty\n"
    "                  cohorts field: no group)\n"
    "  attributes      the claim's attributes the policy defines (referred|out_of_region)\n"
    "  days            the bed-days the claim covers, 1 to 366 (empty: not given), which a\n"
    "                  policy's maximum per bed-day (bed_day_cap) needs\n"
    CLI_WORDS_HELP
    "\n"
    "Output columns:\n"
    "  claim_id,person_id,date,status,fund,supplementary,major_disease,assistance,patient,\n"
    "  deductible,coinsurance,over_cap,account,account_first,error\n"
    "                  status: ok, or the error code's name; fund + supplementary +\n"
    "                  major_disease + assistance + patient = the claim's total\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE      write the results there instead of standard output\n"
    "  -k, --keep-going       settle the other rows when a row fails; failed rows are written\n"
    "                         with their error and listed on standard error (exit status 4)\n"
    "  --ledgers FILE         start from these ledgers (as written by --save-ledgers)\n"
    "  --save-ledgers FILE    write every person's ledger at the end\n"
    "  -q, --quiet            no progress bar, no summary\n"
    "  --json                 the summary as JSON on standard error (docs/schemas/batch.schema.json)\n"
    "  -h, --help             show this help\n"
    "\n" CLI_POLICY_HELP
    "\n"
    "Exit status: 0 all rows settled, 1 a row failed (stopped there), 2 usage, 3 policy error,\n"
    "4 some rows failed with --keep-going, 5 I/O error.\n";

/* ---- Buffered output -------------------------------------------------------------------- */

typedef struct writer {
    cli_out *o;          /* where the bytes go; o->failed once a write failed */
    size_t len;
    char buf[1u << 20];
} writer;

static void w_flush(writer *w)
{
    (void)cli_out_write(w->o, w->buf, w->len);
    w->len = 0;
}

/* Room for one output row of fixed-width parts: amounts and dates never exceed this. */
static inline char *w_reserve(writer *w, size_t n)
{
    if (w->len + n > sizeof w->buf)
        w_flush(w);
    return w->buf + w->len;
}

static void w_bytes(writer *w, const char *p, size_t n)
{
    if (n > sizeof w->buf / 2) {
        w_flush(w);
        (void)cli_out_write(w->o, p, n);
        return;
    }
    memcpy(w_reserve(w, n), p, n);
    w->len += n;
}

/* A CSV field, quoted only when it has to be (RFC 4180). */
static void w_field(writer *w, const char *p, size_t n)
{
    if (!memchr(p, ',', n) && !memchr(p, '"', n) && !memchr(p, '\n', n) && !memchr(p, '\r', n)) {
        w_bytes(w, p, n);
        return;
    }
    w_bytes(w, "\"", 1);
    for (const char *q; n && (q = memchr(p, '"', n)) != NULL; n -= (size_t)(q + 1 - p), p = q + 1) {
        w_bytes(w, p, (size_t)(q + 1 - p));
        w_bytes(w, "\"", 1);
    }
    w_bytes(w, p, n);
    w_bytes(w, "\"", 1);
}

/* Fen as yuan with two decimals, by hand, two digits at a time: snprintf would dominate the
 * batch's time. */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static inline char *put_fen(char *p, medins_fen v)
{
    char tmp[24];
    char *t = tmp + sizeof tmp;
    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    uint64_t u = (uint64_t)v;
    unsigned cents = (unsigned)(u % 100);
    u /= 100;
    while (u >= 100) {
        unsigned d = (unsigned)(u % 100);
        u /= 100;
        t -= 2;
        memcpy(t, digit_pairs + 2 * d, 2);
    }
    if (u >= 10) {
        t -= 2;
        memcpy(t, digit_pairs + 2 * u, 2);
    } else {
        *--t = (char)('0' + u);
    }
    size_t n = (size_t)(tmp + sizeof tmp - t);
    memcpy(p, t, n);
    p += n;
    *p++ = '.';
    memcpy(p, digit_pairs + 2 * cents, 2);
    return p + 2;
}

/* ---- Persons: id -> index, with their attributes and ledgers ----------------------------- */

typedef struct persons {
    size_t n, cap;
    int32_t *scheme, *category, *tier;
    medins_date *birth;
    uint32_t *groups;
    int64_t *doctor;
    medins_date *retired;
    int32_t *months, *sex;
    uint32_t *cohorts;
    medins_ledger *ledger;
    uint8_t *known;            /* attributes seen (a person loaded with --ledgers has none yet) */
    uint64_t *chunk;           /* serial of the last chunk holding one of its claims */
    size_t *id_off;
    uint32_t *id_len;
    uint32_t *hash;
    char *ids;
    size_t ids_len, ids_cap;
    uint32_t *table;           /* open addressing: index + 1, 0 = empty */
    size_t tmask;
    size_t last;               /* the person found last */
} persons;

static uint32_t hash_bytes(const char *p, size_t n)
{
    uint32_t h = 2166136261u;   /* FNV-1a: ids are short, this is fast enough and well spread */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

static int grow(void **p, size_t elem, size_t cap)
{
    void *q = realloc(*p, elem * cap);
    if (!q)
        return -1;
    *p = q;
    return 0;
}

static int persons_grow(persons *ps)
{
    size_t cap = ps->cap ? ps->cap * 2 : 1024;
    if (grow((void **)&ps->scheme, sizeof *ps->scheme, cap) || grow((void **)&ps->category, sizeof *ps->category, cap)
        || grow((void **)&ps->tier, sizeof *ps->tier, cap) || grow((void **)&ps->birth, sizeof *ps->birth, cap)
        || grow((void **)&ps->groups, sizeof *ps->groups, cap) || grow((void **)&ps->doctor, sizeof *ps->doctor, cap)
        || grow((void **)&ps->retired, sizeof *ps->retired, cap) || grow((void **)&ps->months, sizeof *ps->months, cap)
        || grow((void **)&ps->sex, sizeof *ps->sex, cap) || grow((void **)&ps->cohorts, sizeof *ps->cohorts, cap)
        || grow((void **)&ps->ledger, sizeof *ps->ledger, cap) || grow((void **)&ps->known, sizeof *ps->known, cap)
        || grow((void **)&ps->chunk, sizeof *ps->chunk, cap) || grow((void **)&ps->id_off, sizeof *ps->id_off, cap)
        || grow((void **)&ps->id_len, sizeof *ps->id_len, cap) || grow((void **)&ps->hash, sizeof *ps->hash, cap))
        return -1;
    ps->cap = cap;
    /* Keep the table at most half full. */
    if (!ps->table || 2 * cap > ps->tmask + 1) {
        size_t tsize = 4 * cap;
        uint32_t *t = calloc(tsize, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; i < ps->n; i++) {
            size_t j = ps->hash[i] & (tsize - 1);
            while (t[j])
                j = (j + 1) & (tsize - 1);
            t[j] = (uint32_t)(i + 1);
        }
        free(ps->table);
        ps->table = t;
        ps->tmask = tsize - 1;
    }
    return 0;
}

/* Index of the person with that id, adding it when new (*added = 1). -1 when out of memory. */
static long persons_get(persons *ps, const char *id, size_t n, int *added)
{
    *added = 0;
    /* Claims usually come grouped by person: try the last one first. */
    if (ps->n && ps->id_len[ps->last] == n && memcmp(ps->ids + ps->id_off[ps->last], id, n) == 0)
        return (long)ps->last;
    uint32_t h = hash_bytes(id, n);
    if (ps->table) {
        for (size_t j = h & ps->tmask; ps->table[j]; j = (j + 1) & ps->tmask) {
            size_t i = ps->table[j] - 1;
            if (ps->hash[i] == h && ps->id_len[i] == n && memcmp(ps->ids + ps->id_off[i], id, n) == 0)
                return (long)(ps->last = i);
        }
    }
    if ((ps->n == ps->cap || !ps->table) && persons_grow(ps) != 0)
        return -1;
    if (ps->n >= UINT32_MAX - 1)
        return -1;
    if (ps->ids_len + n > ps->ids_cap) {
        size_t cap = ps->ids_cap ? ps->ids_cap : 1u << 16;
        while (ps->ids_len + n > cap)
            cap *= 2;
        if (grow((void **)&ps->ids, 1, cap) != 0)
            return -1;
        ps->ids_cap = cap;
    }
    size_t i = ps->n++;
    memcpy(ps->ids + ps->ids_len, id, n);
    ps->id_off[i] = ps->ids_len;
    ps->id_len[i] = (uint32_t)n;
    ps->ids_len += n;
    ps->hash[i] = h;
    ps->known[i] = 0;
    ps->chunk[i] = 0;
    ps->ledger[i].year = 0;
    size_t j = h & ps->tmask;
    while (ps->table[j])
        j = (j + 1) & ps->tmask;
    ps->table[j] = (uint32_t)(i + 1);
    *added = 1;
    ps->last = i;
    return (long)i;
}

static void persons_free(persons *ps)
{
    free(ps->scheme); free(ps->category); free(ps->tier); free(ps->birth); free(ps->groups);
    free(ps->doctor); free(ps->retired); free(ps->months); free(ps->sex); free(ps->cohorts);
    free(ps->ledger); free(ps->known); free(ps->chunk); free(ps->id_off);
    free(ps->id_len); free(ps->hash); free(ps->ids); free(ps->table);
}

/*
 * ---- Ledger files: "[person id]" then the ledger's text, per person -----------------------
 *
 * A person id is any CSV field, so it may hold a line break. In the id line a backslash is
 * written "\\" and a control character (below 0x20, and 0x7f) "\xHH", so that every id line is
 * one line whatever the id; other bytes are written as they are.
 */

static void w_person_id(writer *w, const char *p, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch == '\\') {
            w_bytes(w, "\\\\", 2);
        } else if (ch < 0x20 || ch == 0x7f) {
            char e[4] = {'\\', 'x', hex[ch >> 4], hex[ch & 15]};
            w_bytes(w, e, 4);
        } else {
            w_bytes(w, p + i, 1);
        }
    }
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/*
 * Undo w_person_id in place on the n bytes at p. Returns the id's length, or -1 with the
 * 0-based offset of the fault in *bad and its description in *why.
 */
static long read_person_id(char *p, size_t n, size_t *bad, const char **why)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        *bad = i;
        if (ch < 0x20 || ch == 0x7f) {
            *why = "a control character (write it as \\xHH)";
            return -1;
        }
        if (ch != '\\') {
            p[o++] = (char)ch;
            continue;
        }
        if (i + 1 < n && p[i + 1] == '\\') {
            p[o++] = '\\';
            i++;
            continue;
        }
        int hi = i + 3 < n && p[i + 1] == 'x' ? hex_digit(p[i + 2]) : -1;
        int lo = hi >= 0 ? hex_digit(p[i + 3]) : -1;
        if (lo < 0) {
            *why = "a backslash not followed by a backslash or xHH";
            return -1;
        }
        if (hi == 0 && lo == 0) {
            *why = "a NUL (\\x00)";
            return -1;
        }
        p[o++] = (char)(hi * 16 + lo);
        i += 3;
    }
    return (long)o;
}

/* One line of [*pos, len): its start and length without the line end; *pos moves past it. */
static const char *next_line(const char *text, size_t len, size_t *pos, size_t *n)
{
    const char *s = text + *pos;
    const char *nl = memchr(s, '\n', len - *pos);
    *n = nl ? (size_t)(nl - s) : len - *pos;
    *pos += *n + (nl != NULL);
    if (*n > 0 && s[*n - 1] == '\r')
        (*n)--;
    return s;
}

static int load_ledgers(persons *ps, const char *path)
{
    char *text;
    size_t len;
    int rc = cli_read_file(&text, &len, path, SIZE_MAX);
    if (rc != 0)
        return rc;
    unsigned long line = 0;
    size_t pos = 0;
    while (pos < len && rc == 0) {
        size_t n, bad;
        const char *why = "";
        char *s = (char *)next_line(text, len, &pos, &n);
        line++;
        if (n == 0)
            continue;
        if (n < 2 || s[0] != '[' || s[n - 1] != ']') {
            cli_error(MEDINS_ERR_LEDGER, &(cli_where){.file = path, .line = line},
                      "expected a line '[person id]'");
            rc = EXIT_INPUT;
            break;
        }
        long id_len = read_person_id(s + 1, n - 2, &bad, &why);
        if (id_len <= 0) {
            if (id_len == 0)
                cli_error(MEDINS_ERR_LEDGER, &(cli_where){.file = path, .line = line}, "an empty person id");
            else
                cli_error(MEDINS_ERR_LEDGER, &(cli_where){.file = path, .line = line, .column = bad + 2},
                          "person id: %s", why);
            rc = EXIT_INPUT;
            break;
        }
        /* The ledger's text runs to the next "[" line. */
        const unsigned long id_line = line;
        const size_t body = pos;
        size_t end = pos;
        while (pos < len && text[pos] != '[') {
            (void)next_line(text, len, &pos, &n);
            end = pos;
            line++;
        }
        int added;
        long i = persons_get(ps, s + 1, (size_t)id_len, &added);
        if (i < 0) {
            cli_warn(MEDINS_ERR_NOMEM, "out of memory");
            rc = EXIT_INPUT;
        } else if (!added) {
            cli_error(MEDINS_ERR_LEDGER, &(cli_where){.file = path, .line = id_line},
                      "person '%.*s' given twice", (int)id_len, s + 1);
            rc = EXIT_INPUT;
        } else {
            medins_error *err = NULL;
            int st = medins_ledger_parse(&ps->ledger[i], text + body, end - body, &err);
            if (st != 0) {
                /* The ledger's own lines count from the one after its id. */
                unsigned el = err ? medins_error_line(err) : 0, ec = err ? medins_error_column(err) : 0;
                cli_where at = {.file = path, .line = id_line + el, .column = el ? ec : 0, .tagged = 1};
                cli_error(st, &at, "person '%.*s': %s", (int)id_len, s + 1,
                          err ? medins_error_message(err) : medins_status_describe(st));
                medins_error_free(err);
                rc = EXIT_INPUT;
            }
        }
    }
    free(text);
    return rc;
}

/* Write every person's ledger into the open file `o`; 0 or an exit code. */
static int save_ledgers(const persons *ps, cli_out *o)
{
    writer *w = malloc(sizeof *w);
    char text[4096];
    if (!w) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    w->o = o;
    w->len = 0;
    for (size_t i = 0; i < ps->n && !o->failed; i++) {
        size_t needed;
        if (ps->ledger[i].year == 0)
            continue;   /* a person none of whose claims was read */
        if (medins_ledger_serialize(text, sizeof text, &needed, &ps->ledger[i]) != 0) {
            cli_warn(MEDINS_ERR_BUFFER, "ledger text larger than expected (%zu bytes)", needed);
            free(w);
            return EXIT_INPUT;
        }
        w_bytes(w, "[", 1);
        w_person_id(w, ps->ids + ps->id_off[i], ps->id_len[i]);
        w_bytes(w, "]\n", 2);
        w_bytes(w, text, needed - 1);
    }
    w_flush(w);
    free(w);
    return 0;
}

/* ---- Columns ------------------------------------------------------------------------------ */

enum col {
    C_PERSON, C_DATE, C_KIND, C_LEVEL, C_TOTAL, C_SELF_PAID, C_CATEGORY_B, C_CLAIM, C_INSTITUTION,
    C_SCHEME, C_CATEGORY, C_TIER, C_BIRTH, C_GROUPS, C_DOCTOR, C_ATTRIBUTES, C_DAYS, C_RETIRED,
    C_SEX, C_YEARS, C_MONTHS, C_COHORTS, C_COUNT
};
static const char *const col_names[C_COUNT] = {
    "person_id", "date", "kind", "level", "total", "self_paid", "category_b", "claim_id",
    "institution", "scheme", "category", "tier", "birth_date", "groups", "family_doctor",
    "attributes", "days", "retirement_date", "sex", "contribution_years", "contribution_months",
    "cohorts",
};
#define C_REQUIRED 5   /* the first five */
_Static_assert(C_COUNT <= CSV_MAX_COLUMNS, "the reader maps every column");

/*
 * Enum names by table, filled from the library's own name functions: the parse functions
 * would do, but comparing lengths first keeps strcmp out of the per-row path.
 */
typedef struct name_table {
    const char *name[8];
    size_t len[8];
    int count;
} name_table;

static void table_add(name_table *t, const char *name)
{
    if (name && t->count < 8) {
        t->name[t->count] = name;
        t->len[t->count++] = strlen(name);
    }
}

/* The index of the name, or -1. */
static int table_find(const name_table *t, const char *p, size_t n)
{
    for (int i = 0; i < t->count; i++)
        if (t->len[i] == n && memcmp(t->name[i], p, n) == 0)
            return i;
    return -1;
}

typedef struct tables {
    name_table kind, level, scheme, category, tier;
} tables;

static void tables_init(tables *t)
{
    memset(t, 0, sizeof *t);
    for (int i = 0; i < MEDINS_CLAIM_KIND_COUNT; i++)
        table_add(&t->kind, medins_claim_kind_name((medins_claim_kind)i));
    for (int i = 0; i < MEDINS_LEVEL_COUNT; i++)
        table_add(&t->level, medins_level_name((medins_level)i));
    for (int i = 0; i < MEDINS_SCHEME_COUNT; i++)
        table_add(&t->scheme, medins_scheme_name((medins_scheme)i));
    for (int i = 0; i < MEDINS_CATEGORY_COUNT; i++)
        table_add(&t->category, medins_category_name((medins_category)i));
    for (int i = 0; i < MEDINS_TIER_COUNT; i++)
        table_add(&t->tier, medins_tier_name((medins_tier)i));
}

/* ---- A chunk of rows ----------------------------------------------------------------------- */

#define CHUNK 8192

typedef struct chunk {
    size_t n;                      /* rows */
    size_t m;                      /* of which passed to the library */
    unsigned long line[CHUNK];
    unsigned long row[CHUNK];      /* the record's number among the data rows */
    int32_t lib[CHUNK];            /* index into the library arrays, -1 for a row refused here */
    uint32_t text_off[CHUNK];      /* "claim_id,person_id,date," as written out (CSV-quoted) */
    uint32_t text_n[CHUNK];        /* its length; a refused row's message follows, NUL-terminated */
    uint32_t id_n[CHUNK];          /* the claim id's length in that text; 0 when the row is
                                      labelled by its line (its fields could not be read) */
    int32_t pre_status[CHUNK];
    char *text;
    size_t text_len, text_cap;
    /* Library input and output, compact. */
    int32_t person[CHUNK], kind[CHUNK], level[CHUNK], status[CHUNK];
    medins_date date[CHUNK];
    int64_t institution[CHUNK];
    medins_fen total[CHUNK], self_paid[CHUNK], category_b[CHUNK];
    uint32_t attributes[CHUNK], days[CHUNK];
    medins_fen fund[CHUNK], supp[CHUNK], major[CHUNK], assist[CHUNK], patient[CHUNK],
        deductible[CHUNK], coins[CHUNK], over_cap[CHUNK], account[CHUNK], account_first[CHUNK];
} chunk;

static int chunk_put(chunk *c, const char *p, size_t n)
{
    if (c->text_len + n + 1 > c->text_cap) {
        size_t cap = c->text_cap ? c->text_cap : 1u << 18;
        while (c->text_len + n + 1 > cap)
            cap *= 2;
        if (cap > UINT32_MAX || grow((void **)&c->text, 1, cap) != 0)
            return -1;
        c->text_cap = cap;
    }
    memcpy(c->text + c->text_len, p, n);
    c->text_len += n;
    return 0;
}

/* A CSV field followed by `sep`, quoted only when it has to be (RFC 4180). */
static int chunk_field(chunk *c, const char *p, size_t n, char sep)
{
    size_t i = 0;
    while (i < n && p[i] != ',' && p[i] != '"' && p[i] != '\n' && p[i] != '\r')
        i++;
    if (i < n) {
        if (chunk_put(c, "\"", 1) != 0)
            return -1;
        for (i = 0; i < n; i++)
            if (chunk_put(c, p + i, 1) != 0 || (p[i] == '"' && chunk_put(c, "\"", 1) != 0))
                return -1;
        if (chunk_put(c, "\"", 1) != 0)
            return -1;
    } else if (chunk_put(c, p, n) != 0) {
        return -1;
    }
    return chunk_put(c, &sep, 1);
}

/* ---- The run ------------------------------------------------------------------------------- */

/* The money columns the results and the summary have, after the claim's total. */
#define PARTS 10

typedef struct totals {
    uint64_t rows, settled, failed;
    medins_fen sum[1 + PARTS];    /* the total, then the columns in the results' order */
    int overflow;
} totals;

typedef struct run {
    const char *name;            /* input name for messages */
    cli_policies pol;
    persons ps;
    chunk *c;
    writer *out;
    totals t;
    uint64_t serial;             /* chunk serial: 1 for the first */
    int keep_going;
    int stop;                    /* a row failed without --keep-going */
    unsigned long reported;
    csv_columns cols;            /* the header: field index per column (cols.field) */
    medins_batch_errors *errors; /* the library's error of each failed claim of a chunk */
    tables names;
    json_t *failures;            /* --json: the failed rows listed (MAX_REPORTED at most) */
} run;

#define MAX_REPORTED 100

/* A failed row on standard error: "FILE:LINE: claim ID: message", or without the claim when the
 * row's fields could not be read (cid_len 0). With --json, the summary lists them. */
static void report_row(run *r, int status, unsigned long line, unsigned long row, int cid_len,
                       const char *cid, const char *msg)
{
    if (r->reported++ >= MAX_REPORTED) {
        if (r->reported == MAX_REPORTED + 1 && !cli_json)
            fprintf(stderr, "%s: more failed rows are not listed here; see the status column\n", cli_prog);
        return;
    }
    char text[700];
    if (cid_len)
        snprintf(text, sizeof text, "claim %.*s: %s", cid_len, cid, msg);
    else
        snprintf(text, sizeof text, "%s", msg);
    cli_where at = {.file = r->name, .line = line, .row = row};
    if (cli_json)
        json_array_append_new(r->failures, cli_json_error(status, text, &at));
    else
        fprintf(stderr, "%s: %s:%lu: %s\n", cli_prog, r->name, line, text);
}

/*
 * The library words a claim's error as settling it alone does, naming the claim by its id
 * ("claim 3 has a negative amount"); in a batch call that id is the claim's index in the call,
 * here in the chunk. Put the row's claim id in its place, so that the message is the one
 * `medins settle --id ID` gives the same claim. Returns msg, or buf holding the new text.
 */
static const char *name_claim(char *buf, size_t size, const char *msg, size_t index, const char *id,
                              uint32_t id_len)
{
    char was[32];
    int n = snprintf(was, sizeof was, "claim %zu", index);
    if (id_len == 0 || strncmp(msg, was, (size_t)n) != 0 || (msg[n] != ' ' && msg[n] != ':'))
        return msg;
    snprintf(buf, size, "claim %.*s%s", (int)id_len, id, msg + n);
    return buf;
}

/* Settle the chunk and write its rows. Returns 0, or an exit code for a fatal error. */
static int flush_chunk(run *r)
{
    chunk *c = r->c;
    if (c->m > 0) {
        /* A field without a column is unknown for every person. */
        const int *f = r->cols.field;
        medins_batch_persons bp = {MEDINS_BATCH_PERSONS_VERSION, r->ps.n, r->ps.scheme,
                                   r->ps.category, r->ps.tier, r->ps.birth, r->ps.groups,
                                   r->ps.doctor, f[C_RETIRED] >= 0 ? r->ps.retired : NULL,
                                   f[C_YEARS] >= 0 || f[C_MONTHS] >= 0 ? r->ps.months : NULL,
                                   f[C_SEX] >= 0 ? r->ps.sex : NULL,
                                   f[C_COHORTS] >= 0 ? r->ps.cohorts : NULL};
        medins_batch_claims bc = {MEDINS_BATCH_CLAIMS_VERSION, c->m, c->person, c->date, c->kind,
                                  c->level, c->institution, c->total, c->self_paid,
                                  c->category_b, c->attributes, c->days};
        medins_batch_out bo = {MEDINS_BATCH_OUT_VERSION, c->fund, c->major, c->assist, c->patient,
                               c->deductible, c->coins, c->over_cap, c->account, c->status,
                               c->supp, c->account_first};
        /* Each failed claim's error, worded as settling that claim alone words it. */
        medins_batch_options opts = MEDINS_BATCH_OPTIONS_INIT;
        opts.errors = r->errors;
        opts.close_years = 1;
        medins_error *err = NULL;
        size_t failed = 0;
        int rc = r->pol.single
            ? medins_batch_settle_ex(r->pol.single, &bp, &bc, r->ps.ledger, &bo, &opts, &failed, &err)
            : medins_batch_settle_set_ex(r->pol.set, r->pol.region, &bp, &bc, r->ps.ledger, &bo, &opts,
                                         &failed, &err);
        /* MEDINS_ERR_NOMEM: settled, but some errors were not recorded (their status's
         * description stands in). */
        if (rc != 0 && rc != MEDINS_ERR_BATCH && rc != MEDINS_ERR_NOMEM)
            return cli_report(err, rc, "batch");
        medins_error_free(err);
    }
    writer *w = r->out;
    for (size_t i = 0; i < c->n; i++) {
        const char *prefix = c->text + c->text_off[i];
        size_t np = c->text_n[i];
        int32_t li = c->lib[i];
        int status = li < 0 ? c->pre_status[i] : c->status[li];
        if (status != 0) {
            const medins_error *e = li < 0 ? NULL : medins_batch_errors_find(r->errors, (size_t)li);
            const char *msg = li < 0 ? prefix + np : e ? medins_error_message(e) : medins_status_describe(status);
            char named[600];
            if (e)
                msg = name_claim(named, sizeof named, msg, (size_t)li, prefix, c->id_n[i]);
            report_row(r, status, c->line[i], c->row[i], (int)c->id_n[i], prefix, msg);
            r->t.failed++;
            if (!r->keep_going) {
                r->stop = status == MEDINS_ERR_NO_POLICY ? EXIT_POLICY : EXIT_INPUT;
                break;
            }
            const char *name = medins_status_name(status);
            w_bytes(w, prefix, np);
            w_bytes(w, name, strlen(name));
            w_bytes(w, ",,,,,,,,,,,", PARTS + 1);
            w_field(w, msg, strlen(msg));
            w_bytes(w, "\n", 1);
            continue;
        }
        r->t.settled++;
        if (np > 4096) {
            w_bytes(w, prefix, np);
            np = 0;
        }
        const medins_fen parts[1 + PARTS] = {
            c->total[li], c->fund[li], c->supp[li], c->major[li], c->assist[li],
            c->patient[li], c->deductible[li], c->coins[li], c->over_cap[li], c->account[li],
            c->account_first[li]};
        char *p = w_reserve(w, np + PARTS * 24 + 8);
        const char *p0 = p;
        memcpy(p, prefix, np);
        p += np;
        memcpy(p, "ok,", 3);
        p += 3;
        for (int k = 1; k <= PARTS; k++) {
            p = put_fen(p, parts[k]);
            *p++ = ',';
        }
        *p++ = '\n';
        w->len += (size_t)(p - p0);
        for (int k = 0; k <= PARTS; k++) {
            /* Amounts are never negative; only the running sum can overflow. */
            if (r->t.sum[k] > INT64_MAX - parts[k])
                r->t.overflow = 1;
            else
                r->t.sum[k] += parts[k];
        }
    }
    c->n = c->m = 0;
    c->text_len = 0;
    r->serial++;
    if (w->o->failed) {
        cli_warn_file(MEDINS_ERR_IO, w->o->path, "cannot write the results to %s: %s", w->o->path,
                      strerror(w->o->failed));
        return EXIT_IO;
    }
    return 0;
}

/*
 * Add a row refused before settlement (its error text after the three echo fields).
 * Returns 0 to go on, or the exit code to stop with.
 */
static int refuse_row(run *r, const csv_reader *in, int status, const char *fmt, ...) CLI_PRINTF(4, 5);

/*
 * Echo the row's claim_id, person_id and date, CSV-quoted, into the chunk's text. A row whose
 * fields do not match the header's (a record that could not be split, or with too few or too
 * many fields) has no claim id to trust: it is labelled "line N", which no claim id of the
 * file's own can be mistaken for, with the person and date left empty.
 */
static int echo_fields(run *r, const csv_reader *in)
{
    chunk *c = r->c;
    static const int echo[3] = {C_CLAIM, C_PERSON, C_DATE};
    const int mapped = in->nf == r->cols.nf;
    char rowno[32];
    c->text_off[c->n] = (uint32_t)c->text_len;
    c->id_n[c->n] = 0;
    for (int k = 0; k < 3; k++) {
        int f = r->cols.field[echo[k]];
        int rc;
        if (mapped && f >= 0) {
            rc = chunk_field(c, in->f[f].p, in->f[f].n, ',');
        } else if (echo[k] == C_CLAIM) {
            /* The row's line number, formatted by hand: snprintf here was a visible share of
             * a whole run. Without a claim_id column it is the claim's id (documented). */
            char *end = rowno + sizeof rowno, *q = end;
            unsigned long v = in->rec_line;
            do
                *--q = (char)('0' + v % 10);
            while ((v /= 10) != 0);
            if (!mapped) {
                q -= 5;
                memcpy(q, "line ", 5);
            }
            rc = chunk_field(c, q, (size_t)(end - q), ',');
        } else {
            rc = chunk_put(c, ",", 1);
        }
        if (rc != 0)
            return -1;
        if (k == 0 && mapped)
            c->id_n[c->n] = (uint32_t)(c->text_len - c->text_off[c->n] - 1);
    }
    c->text_n[c->n] = (uint32_t)(c->text_len - c->text_off[c->n]);
    c->line[c->n] = in->rec_line;
    c->row[c->n] = (unsigned long)r->t.rows;
    return 0;
}

static int refuse_row(run *r, const csv_reader *in, int status, const char *fmt, ...)
{
    chunk *c = r->c;
    char msg[512];
    va_list ap;
    if (c->n == CHUNK) {
        int rc = flush_chunk(r);
        if (rc != 0 || r->stop)
            return rc ? rc : r->stop;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (echo_fields(r, in) != 0 || chunk_put(c, msg, strlen(msg) + 1) != 0) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    c->lib[c->n] = -1;
    c->pre_status[c->n] = status;
    c->n++;
    if (r->keep_going)
        return 0;
    /* Stop here: settle and write what came before this row, then report it. */
    int rc = flush_chunk(r);
    return rc ? rc : r->stop;
}

/* A record the reader refused (a quote out of place, a NUL, a record too long). */
static int refuse_record(run *r, const csv_reader *in)
{
    char msg[300];
    csv_error_text(msg, sizeof msg, in, &r->cols);
    return refuse_row(r, in, MEDINS_ERR_SYNTAX, "%s", msg);
}

/* A column's text (n bytes, no NUL among them: the reader refuses a record with one), or ""
 * when the file has no such column. */
static const char *field(const csv_reader *in, const run *r, enum col k)
{
    int f = r->cols.field[k];
    return f >= 0 ? in->f[f].p : "";
}

static size_t field_len(const csv_reader *in, const run *r, enum col k)
{
    int f = r->cols.field[k];
    return f >= 0 ? in->f[f].n : 0;
}

/*
 * An enum column: its value, `dflt` when the column is empty or absent, -1 when unknown (the
 * library's message in why). The exact word is found in the table, without a call; the other
 * forms people type (L3, 三级) are read by the library's parser.
 */
static int field_enum(const csv_reader *in, const run *r, enum col k, const name_table *t,
                      medins_words words, int dflt, char *why, size_t wsz)
{
    size_t n = field_len(in, r, k);
    if (n == 0 && dflt >= 0)
        return dflt;
    int v = table_find(t, field(in, r, k), n);
    if (v < 0 && cli_parse_word(&v, words, field(in, r, k), n, why, wsz) != 0)
        return -1;
    return v;
}

/* Column k, one of the person's fields `medins settle` takes, read into *p as it reads them:
 * 0, or -1 with the message, without the field's name the column's already gives, in msg. */
static int person_column(medins_person *p, enum col k, const char *txt, size_t n, char *msg,
                         size_t msz)
{
    int have_category = 1;
    if (cli_person_field(p, &have_category, col_names[k], txt, n, msg, msz) == 0)
        return 0;
    const size_t skip = strlen(col_names[k]) + 2;
    memmove(msg, msg + skip, strlen(msg + skip) + 1);
    return -1;
}

/* Read one row into the chunk (settling the chunk first when needed). 0 or an exit code. */
static int take_row(run *r, const csv_reader *in)
{
    chunk *c = r->c;
    persons *ps = &r->ps;
    const char *txt;
    size_t n;
    enum col bad = C_PERSON;
    int status = MEDINS_ERR_SYNTAX;

    if (c->n == CHUNK) {
        int rc = flush_chunk(r);
        if (rc != 0 || r->stop)
            return rc ? rc : r->stop;
    }

    if (in->nf != r->cols.nf)
        return refuse_row(r, in, MEDINS_ERR_SYNTAX, "expected %zu fields as in the header, found %zu",
                          r->cols.nf, in->nf);

    medins_date date = 0;
    int kind, level, scheme, category, tier;
    medins_fen total = 0, self_paid = 0, category_b = 0;
    int64_t institution = 0;
    medins_date birth = 0;
    uint32_t groups = 0, attributes = 0, days = 0;
    int64_t doctor = 0;
    /* The fields of medins_person version 2, read as `medins settle` reads them. */
    medins_person more = MEDINS_PERSON_INIT;
    const char *why = "";
    char lib[400] = "";        /* the library's message, when it refused the value */
    const char *pid = field(in, r, C_PERSON);
    size_t pid_len = field_len(in, r, C_PERSON);

#define CHECK(cond, col, st, msg) \
    do { if (!(cond)) { bad = col; status = st; why = msg; goto refused; } } while (0)
#define TEXT(k) (n = field_len(in, r, k), txt = field(in, r, k))
#define ENUM(k, table, words, dflt) field_enum(in, r, k, &r->names.table, words, dflt, lib, sizeof lib)
#define AMOUNT(k, out) \
    ((!*TEXT(k) && k != C_TOTAL) || cli_parse_amount(out, txt, n, lib, sizeof lib) == 0)
    CHECK(pid_len > 0, C_PERSON, MEDINS_ERR_SYNTAX, "is empty");
    CHECK((TEXT(C_DATE), cli_parse_date(&date, txt, n) == 0), C_DATE, MEDINS_ERR_DATE,
          "is not a date (2023-06-01 or 20230601)");
    CHECK((kind = ENUM(C_KIND, kind, MEDINS_WORDS_CLAIM_KIND, -1)) >= 0, C_KIND, MEDINS_ERR_KIND, "");
    CHECK((level = ENUM(C_LEVEL, level, MEDINS_WORDS_LEVEL, -1)) >= 0, C_LEVEL, MEDINS_ERR_LEVEL, "");
    CHECK(AMOUNT(C_TOTAL, &total), C_TOTAL, MEDINS_ERR_SYNTAX, "");
    CHECK(AMOUNT(C_SELF_PAID, &self_paid), C_SELF_PAID, MEDINS_ERR_SYNTAX, "");
    CHECK(AMOUNT(C_CATEGORY_B, &category_b), C_CATEGORY_B, MEDINS_ERR_SYNTAX, "");
    CHECK(!*TEXT(C_INSTITUTION) || cli_parse_int64(&institution, txt, n) == 0, C_INSTITUTION,
          MEDINS_ERR_SYNTAX, "is not an integer");
    CHECK((scheme = ENUM(C_SCHEME, scheme, MEDINS_WORDS_SCHEME, MEDINS_SCHEME_EMPLOYEE)) >= 0,
          C_SCHEME, MEDINS_ERR_PERSON, "");
    CHECK((category = ENUM(C_CATEGORY, category, MEDINS_WORDS_CATEGORY,
                           scheme == MEDINS_SCHEME_RESIDENT ? MEDINS_CATEGORY_ADULT
                                                            : MEDINS_CATEGORY_IN_SERVICE)) >= 0,
          C_CATEGORY, MEDINS_ERR_PERSON, "");
    CHECK((tier = ENUM(C_TIER, tier, MEDINS_WORDS_TIER, MEDINS_TIER_NONE)) >= 0, C_TIER,
          MEDINS_ERR_PERSON, "");
    CHECK(!*TEXT(C_BIRTH) || cli_parse_date(&birth, txt, n) == 0, C_BIRTH, MEDINS_ERR_DATE, "is not a date");
    CHECK(!*TEXT(C_GROUPS) || cli_parse_groups(&groups, txt, n, lib, sizeof lib) == 0, C_GROUPS,
          MEDINS_ERR_PERSON, "");
    CHECK(!*TEXT(C_DOCTOR) || cli_parse_int64(&doctor, txt, n) == 0, C_DOCTOR, MEDINS_ERR_SYNTAX,
          "is not an integer");
    CHECK(!*TEXT(C_ATTRIBUTES) ||
          cli_parse_attributes(&attributes, &r->pol, date, txt, n, lib, sizeof lib) == 0,
          C_ATTRIBUTES, MEDINS_ERR_TYPE, "");
    CHECK(!*TEXT(C_DAYS) || cli_parse_days(&days, txt, n) == 0, C_DAYS, MEDINS_ERR_CLAIM,
          CLI_DAYS_WHY);
    for (enum col k = C_RETIRED; k <= C_MONTHS; k++)
        CHECK(!*TEXT(k) || person_column(&more, k, txt, n, lib, sizeof lib) == 0, k,
              MEDINS_ERR_PERSON, "");
    CHECK(!*TEXT(C_YEARS) || !*TEXT(C_MONTHS), C_MONTHS, MEDINS_ERR_PERSON,
          "given with contribution_years: give one of them");
    CHECK(!*TEXT(C_COHORTS) ||
          cli_parse_cohorts(&more.cohorts, &r->pol, date, txt, n, lib, sizeof lib) == 0,
          C_COHORTS, MEDINS_ERR_TYPE, "");
#undef AMOUNT
#undef ENUM
#undef TEXT
#undef CHECK

    int added;
    long pi = persons_get(ps, pid, pid_len, &added);
    if (pi < 0) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    int changed = !ps->known[pi] || ps->scheme[pi] != (int32_t)scheme || ps->category[pi] != (int32_t)category
        || ps->tier[pi] != (int32_t)tier || ps->birth[pi] != birth || ps->groups[pi] != groups
        || ps->doctor[pi] != doctor || ps->retired[pi] != more.retirement_date
        || ps->months[pi] != more.contribution_months || ps->sex[pi] != (int32_t)more.sex
        || ps->cohorts[pi] != more.cohorts;
    /* Earlier claims of this person in the chunk must be settled with what was true then. */
    if (changed && ps->chunk[pi] == r->serial) {
        int rc = flush_chunk(r);
        if (rc != 0 || r->stop)
            return rc ? rc : r->stop;
    }
    if (changed) {
        ps->scheme[pi] = (int32_t)scheme;
        ps->category[pi] = (int32_t)category;
        ps->tier[pi] = (int32_t)tier;
        ps->birth[pi] = birth;
        ps->groups[pi] = groups;
        ps->doctor[pi] = doctor;
        ps->retired[pi] = more.retirement_date;
        ps->months[pi] = more.contribution_months;
        ps->sex[pi] = (int32_t)more.sex;
        ps->cohorts[pi] = more.cohorts;
        ps->known[pi] = 1;
    }
    /* A person's ledger opens in the benefit year of their first claim; the library closes it
     * into the year of a later one (the batch's close_years). */
    medins_ledger *led = &ps->ledger[pi];
    if (led->year == 0)
        medins_ledger_init(led, cli_benefit_year(&r->pol, date));

    if (echo_fields(r, in) != 0) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    size_t k = c->m++;
    c->lib[c->n++] = (int32_t)k;
    c->person[k] = (int32_t)pi;
    c->date[k] = date;
    c->kind[k] = (int32_t)kind;
    c->level[k] = (int32_t)level;
    c->institution[k] = institution;
    c->total[k] = total;
    c->self_paid[k] = self_paid;
    c->category_b[k] = category_b;
    c->attributes[k] = attributes;
    c->days[k] = days;
    ps->chunk[pi] = r->serial;
    return 0;

refused:
    if (lib[0])
        return refuse_row(r, in, status, "column '%s': %s", col_names[bad], lib);
    return refuse_row(r, in, status, "column '%s': '%s' %s", col_names[bad], field(in, r, bad), why);
}

/* ---- Header, progress, summary ------------------------------------------------------------ */

static int read_header(run *r, csv_reader *in)
{
    r->cols.names = col_names;
    r->cols.count = C_COUNT;
    int rc = csv_read_header(in, &r->cols);
    if (rc == 0) {
        cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = r->name}, "empty input: expected a header row");
        return EXIT_INPUT;
    }
    if (rc == -2) {
        cli_error(MEDINS_ERR_IO, &(cli_where){.file = r->name}, "%s", strerror(errno));
        return EXIT_IO;
    }
    if (rc < 0) {
        char msg[300];
        csv_error_text(msg, sizeof msg, in, NULL);
        cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = r->name, .line = in->rec_line}, "%s", msg);
        return EXIT_INPUT;
    }
    for (int k = 0; k < C_REQUIRED; k++) {
        if (r->cols.field[k] < 0) {
            cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = r->name, .line = in->rec_line},
                      "missing column '%s'", col_names[k]);
            return EXIT_INPUT;
        }
    }
    return 0;
}

static void summary(const run *r, double secs)
{
    static const char *const names[1 + PARTS] = {
        "total cost", "basic fund", "supplementary fund", "major-disease insurance",
        "medical assistance", "patient", "  deductible", "  share in segments",
        "  above the maximum", "  from the account", "    before the fund",
    };
    char a[24];
    fprintf(stderr, "%s: %llu claims in %.2f s (%.2f M claims/s): %llu settled, %llu failed, %zu persons\n",
            cli_prog, (unsigned long long)r->t.rows, secs,
            secs > 0 ? (double)r->t.rows / secs / 1e6 : 0.0,
            (unsigned long long)r->t.settled, (unsigned long long)r->t.failed, r->ps.n);
    fprintf(stderr, "  totals of the settled claims, yuan:\n");
    for (int k = 0; k <= PARTS; k++)
        fprintf(stderr, "    %-26s %18s\n", names[k], cli_yuan(a, r->t.sum[k]));
    if (r->t.overflow)
        fprintf(stderr, "  (some totals overflowed and are incomplete)\n");
}

/* The summary as JSON (docs/schemas/batch.schema.json): the figures above and the failed rows. */
static json_t *summary_json(run *r, double secs)
{
    static const char *const keys[1 + PARTS] = {
        "total", "fund", "supplementary", "major_disease", "assistance", "patient", "deductible",
        "coinsurance", "over_cap", "account", "account_first",
    };
    json_t *o = json_object();
    json_object_set_new(o, "claims", json_integer((json_int_t)r->t.rows));
    json_object_set_new(o, "settled", json_integer((json_int_t)r->t.settled));
    json_object_set_new(o, "failed", json_integer((json_int_t)r->t.failed));
    json_object_set_new(o, "persons", json_integer((json_int_t)r->ps.n));
    json_object_set_new(o, "seconds", json_real(secs));
    json_t *sums = json_object();
    for (int k = 0; k <= PARTS; k++)
        cli_json_money(sums, keys[k], r->t.sum[k]);
    json_object_set_new(o, "totals", sums);
    json_object_set_new(o, "totals_overflowed", json_boolean(r->t.overflow));
    json_object_set_new(o, "failures", json_incref(r->failures));
    json_int_t unlisted = r->reported > MAX_REPORTED ? (json_int_t)(r->reported - MAX_REPORTED) : 0;
    json_object_set_new(o, "failures_not_listed", json_integer(unlisted));
    return o;
}

/* ---- The command ------------------------------------------------------------------------ */

enum { OPT_LEDGERS = 256, OPT_SAVE_LEDGERS, OPT_JSON };

int cmd_batch(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"output", required_argument, NULL, 'o'},
        {"keep-going", no_argument, NULL, 'k'},
        {"quiet", no_argument, NULL, 'q'},
        {"ledgers", required_argument, NULL, OPT_LEDGERS},
        {"save-ledgers", required_argument, NULL, OPT_SAVE_LEDGERS},
        {"json", no_argument, NULL, OPT_JSON},
        CLI_POLICY_LONGOPTS,
        {NULL, 0, NULL, 0}
    };
    cli_policy_opts popts = {0};
    const char *output = NULL, *ledgers_in = NULL, *ledgers_out = NULL;
    int quiet = 0, keep_going = 0, opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "ho:kq", longopts, NULL)) != -1) {
        if (cli_policy_opt(&popts, opt, optarg))
            continue;
        switch (opt) {
        case 'h': fputs(help, stdout); return EXIT_OK;
        case 'o': output = optarg; break;
        case 'k': keep_going = 1; break;
        case 'q': quiet = 1; break;
        case OPT_LEDGERS: ledgers_in = optarg; break;
        case OPT_SAVE_LEDGERS: ledgers_out = optarg; break;
        case OPT_JSON: break;   /* cli_json, set by main */
        default: return cli_usage_error("invalid option");
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("one input file at most");
    const char *path = optind < argc ? argv[optind] : "-";

    cli_progress bar;
    cli_progress_start(&bar, quiet);
    run *r = calloc(1, sizeof *r);
    writer *w = malloc(sizeof *w);
    chunk *c = calloc(1, sizeof *c);
    if (!r || !w || !c) {
        free(r); free(w); free(c);
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    r->name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    r->c = c;
    r->out = w;
    r->serial = 1;
    r->keep_going = keep_going;
    tables_init(&r->names);
    if (medins_batch_errors_new(&r->errors) != 0 || !(r->failures = json_array())) {
        medins_batch_errors_free(r->errors);
        free(r); free(w); free(c);
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    /* The results go to standard output as they are settled, or to a file that is replaced
     * only when every row has been written (see cli_out). */
    cli_out out = {.path = "standard output", .fd = STDOUT_FILENO}, saved;
    int out_open = 0, saved_open = 0;
    w->o = &out;
    w->len = 0;

    csv_reader in;
    int in_open = 0;
    int rc = cli_policies_open(&r->pol, &popts);
    if (rc != 0)
        goto done;
    if (ledgers_in && (rc = load_ledgers(&r->ps, ledgers_in)) != 0)
        goto done;
    if (csv_open(&in, path) != 0) {
        cli_warn_file(MEDINS_ERR_IO, r->name, "cannot open %s: %s", path, strerror(errno));
        rc = EXIT_IO;
        goto done;
    }
    in_open = 1;
    if (output) {
        if ((rc = cli_out_open(&out, output)) != 0)
            goto done;
        out_open = 1;
    }
    if ((rc = read_header(r, &in)) != 0)
        goto done;
    static const char head[] = "claim_id,person_id,date,status,fund,supplementary,major_disease,"
                               "assistance,patient,deductible,coinsurance,over_cap,account,"
                               "account_first,error\n";
    w_bytes(w, head, sizeof head - 1);

    uint64_t size = csv_size(&in);
    for (;;) {
        int got = csv_next(&in);
        if (got == 0)
            break;
        if (got == -2) {
            cli_error(MEDINS_ERR_IO, &(cli_where){.file = r->name}, "%s", strerror(errno));
            rc = EXIT_IO;
            break;
        }
        r->t.rows++;
        rc = got == 1 ? take_row(r, &in) : refuse_record(r, &in);
        if (rc != 0)
            break;
        if ((r->t.rows & 0xFFFF) == 0) {
            double secs = cli_progress_seconds(&bar);
            cli_progress_show(&bar, size ? (double)in.consumed / (double)size : -1, "%llu claims  %.2f M/s",
                              (unsigned long long)r->t.rows, secs > 0 ? (double)r->t.rows / secs / 1e6 : 0.0);
        }
    }
    if (rc == 0)
        rc = flush_chunk(r);
    if (rc == 0)
        rc = r->stop;
    w_flush(w);
    if (out.failed && rc == 0) {
        cli_warn_file(MEDINS_ERR_IO, out.path, "cannot write the results to %s: %s", out.path,
                      strerror(out.failed));
        rc = EXIT_IO;
    }
    cli_progress_end(&bar);
    /*
     * After a stop neither file is replaced: the results would lack rows, and the ledgers
     * would hold claims whose rows were never written. The ledgers are written out before the
     * results are put in place, so that a full disk is met before either file is replaced.
     */
    if (rc == 0 && ledgers_out) {
        if ((rc = cli_out_open(&saved, ledgers_out)) == 0) {
            saved_open = 1;
            rc = save_ledgers(&r->ps, &saved);
        }
    }
    if (rc == 0 && out_open) {
        out_open = 0;
        rc = cli_out_commit(&out);
    }
    if (rc == 0 && saved_open) {
        saved_open = 0;
        rc = cli_out_commit(&saved);
    }
    if (rc == 0 && r->t.failed)
        rc = EXIT_PARTIAL;
    if (!quiet && !cli_json) {
        summary(r, cli_progress_seconds(&bar));
    } else if (!quiet) {
        /* One document on standard error: the summary, and the error the run stopped at. */
        json_t *doc = json_object(), *error = cli_error_take();
        if (!error && r->stop)
            error = json_deep_copy(json_array_get(r->failures, 0));
        json_object_set_new(doc, "summary", summary_json(r, cli_progress_seconds(&bar)));
        if (error)
            json_object_set_new(doc, "error", error);
        (void)cli_json_write(stderr, doc);
    } else if (r->stop && json_array_size(r->failures) > 0) {
        cli_error_keep(json_deep_copy(json_array_get(r->failures, 0)));
    }
done:
    if (in_open)
        csv_close(&in);
    if (out_open)
        cli_out_abort(&out);
    if (saved_open)
        cli_out_abort(&saved);
    cli_policies_close(&r->pol);
    persons_free(&r->ps);
    medins_batch_errors_free(r->errors);
    json_decref(r->failures);
    free(c->text);
    free(c);
    free(w);
    free(r);
    return rc;
}
