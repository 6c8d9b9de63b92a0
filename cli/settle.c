/* medins settle: one claim from options or a JSON/YAML document, explained. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <yaml.h>

#include "cli.h"
#include "csv.h"

static const char help[] =
    "Usage: medins settle --kind KIND --level LEVEL --total YUAN [OPTION]...\n"
    "       medins settle --kind KIND --level LEVEL --items FILE [OPTION]...\n"
    "       medins settle --input FILE|- [OPTION]...\n"
    "Settle one claim and explain every part: the rule, its parameter values, the source it\n"
    "cites and the policy file:line it was read from. Without --policy/--policies the policy\n"
    "compiled into the library is used: the one of the region in force on the claim date, or\n"
    "the latest one when no date is given.\n"
    "\n"
    "Claim:\n"
    "  --kind KIND          outpatient | pooling | special_disease | inpatient | pharmacy\n"
    "  --level LEVEL        primary | l1 | l2 | l3 | pharmacy\n"
    "  --total YUAN         total cost, yuan with at most two decimals (25000, 1100.50)\n"
    "  --self-paid YUAN     fully self-paid items outside the catalogue (default 0)\n"
    "  --category-b YUAN    category-B first self-pay (default 0)\n"
    "  --date DATE          settlement date, 2023-06-01 (default: first day of the latest policy)\n"
    "  --institution ID     institution id (compared with the family-doctor contract)\n"
    "  --id ID              claim id, echoed in the result\n"
    "  --days N             the bed-days the claim covers (1 to 366), which a policy's\n"
    "                       maximum per bed-day (bed_day_cap) needs\n"
    "  --attributes LIST    the claim's attributes the policy defines (referred|out_of_region)\n"
    "  --med-type CODE      the kind as the national platform's med_type (21: inpatient), read\n"
    "                       by the policy's bills.med_types rows, then the national codes;\n"
    "                       instead of --kind\n"
    CLI_PERSON_HELP
    "  --insutype CODE      with --psn-type: the scheme and category as the national\n"
    "  --psn-type CODE      platform's insutype and psn_type (310 and 1201: a retired\n"
    "                       employee), read by the policy's bills.psn_types rows, then the\n"
    "                       national codes; instead of --scheme and --category\n"
    "  --cohorts LIST       the person's groups the policy defines and the caller sets\n"
    "                       (person_groups: model_worker)\n"
    CLI_WORDS_HELP
    "Input and output:\n"
    "  -i, --input FILE     read {person: {...}, claim: {...}} as JSON or YAML ('-': stdin);\n"
    "                       options given as well override the document\n"
    "  --items FILE         the bill as fee lines instead of --total: CSV ('-': stdin) or, for\n"
    "                       a name ending .json, a JSON array of objects; columns code, name,\n"
    "                       det_item_fee_sumamt or pric and cnt, chrgitm_lv (1 甲, 2 乙, 3 自费),\n"
    "                       selfpay_prop, pric_uplmt_amt, feedetl_sn (see medins(1))\n"
    "  --ledger FILE        start from this ledger (medins-ledger text) instead of an empty one\n"
    "  --save-ledger FILE   write the updated ledger there\n"
    "  --record FILE        write the settlement's record there, to refund it later with\n"
    "                       `medins refund FILE` (docs/settlement.md, \"Pre-settlement,\n"
    "                       records and refunds\")\n"
    "  --estimate           pre-settle: the same figures, no ledger changed, nothing stored\n"
    "  --json               print the result as JSON (amounts in yuan strings and in fen)\n"
    "  --format FORMAT      text (default), json (as --json), or nhsa: the platform's setlinfo,\n"
    "                       setldetail and per-line split as JSON\n"
    CLI_LANG_HELP
    "  -h, --help           show this help\n"
    "\n" CLI_POLICY_HELP
    "\n"
    "Exit status: 0 settled, 1 claim or input refused, 2 usage, 3 policy error, 5 I/O error.\n";

/* What a settle run is given, before it is checked. */
typedef struct settle_input {
    medins_person person;
    medins_claim claim;
    int have_kind, have_level, have_total, have_category;
    char attributes[256];       /* as given: the policy names them (read once it is known) */
    size_t attributes_len;
    int have_scheme;            /* --scheme or --category given */
    /* The platform's codes as given, read by the policy once it is known. */
    struct { char text[17]; size_t len; } insutype, psn_type, med_type;
    char cohorts[256];          /* the same, the person's groups */
    size_t cohorts_len;
} settle_input;

/* A platform code's n bytes at val into *code: 0, or -1 with why. */
#define SET_CODE(code, val, n, why) \
    ((n) > 0 && (n) < sizeof (code).text \
         ? (memcpy((code).text, (val), (n)), (code).len = (n), 0) \
         : (snprintf((why), sizeof(why), "a code of 1 to %zu bytes", sizeof (code).text - 1), -1))

/*
 * Set one field by its name (document key or option name with '-' read as '_') from the n
 * bytes at val (NUL-terminated after them). Returns 0, or -1 with a message in msg.
 */
static int set_field(settle_input *in, const char *key, const char *val, size_t n, char *msg,
                     size_t msz)
{
    medins_claim *c = &in->claim;
    char why[400] = "";
    int v;
    /* Person fields, and a NUL in any value: see cli_person_field. */
    int rc = cli_person_field(&in->person, &in->have_category, key, val, n, msg, msz);
    in->have_scheme |= rc == 0 && (!strcmp(key, "scheme") || !strcmp(key, "category"));
    if (rc <= 0)
        return rc;
    char *words = !strcmp(key, "attributes") ? in->attributes
                  : !strcmp(key, "cohorts") ? in->cohorts : NULL;
    if (words) {
        /* The policy's words: kept as given, read once the policy is known. */
        if (n >= sizeof in->attributes) {
            snprintf(msg, msz, "%s: longer than %zu bytes", key, sizeof in->attributes - 1);
            return -1;
        }
        memcpy(words, val, n);
        *(words == in->attributes ? &in->attributes_len : &in->cohorts_len) = n;
        return 0;
    }
    if (!strcmp(key, "id")) {
        rc = cli_parse_int64(&c->id, val, n);
    } else if (!strcmp(key, "date")) {
        rc = cli_parse_date(&c->date, val, n);
    } else if (!strcmp(key, "kind")) {
        if ((rc = cli_parse_word(&v, MEDINS_WORDS_CLAIM_KIND, val, n, why, sizeof why)) == 0)
            c->kind = (medins_claim_kind)v;
        in->have_kind = 1;
    } else if (!strcmp(key, "level")) {
        if ((rc = cli_parse_word(&v, MEDINS_WORDS_LEVEL, val, n, why, sizeof why)) == 0)
            c->level = (medins_level)v;
        in->have_level = 1;
    } else if (!strcmp(key, "institution")) {
        rc = cli_parse_int64(&c->institution, val, n);
    } else if (!strcmp(key, "days")) {
        if ((rc = cli_parse_days(&c->days, val, n)) != 0)
            snprintf(why, sizeof why, "'%.*s' " CLI_DAYS_WHY, (int)n, val);
    } else if (!strcmp(key, "total")) {
        rc = cli_parse_amount(&c->total, val, n, why, sizeof why);
        in->have_total = 1;
    } else if (!strcmp(key, "self_paid")) {
        rc = cli_parse_amount(&c->self_paid, val, n, why, sizeof why);
    } else if (!strcmp(key, "category_b")) {
        rc = cli_parse_amount(&c->category_b, val, n, why, sizeof why);
    } else if (!strcmp(key, "insutype")) {
        rc = SET_CODE(in->insutype, val, n, why);
    } else if (!strcmp(key, "psn_type")) {
        rc = SET_CODE(in->psn_type, val, n, why);
    } else if (!strcmp(key, "med_type")) {
        rc = SET_CODE(in->med_type, val, n, why);
    } else {
        snprintf(msg, msz, "unknown field '%s'", key);
        return -1;
    }
    if (rc != 0) {
        if (why[0])
            snprintf(msg, msz, "%s: %s", key, why);
        else
            snprintf(msg, msz, "%s: invalid value '%.*s'", key, (int)n, val);
        return -1;
    }
    return 0;
}

/* ---- JSON / YAML document --------------------------------------------------------------- */

/*
 * A claim document is one YAML document (JSON is YAML): one mapping with `person` and
 * `claim`, each a mapping of fields. It is read as strictly as a policy file: a second
 * document or anything after the first, a key given twice, a tag (`!!binary`) and a NUL in a
 * key or value are errors, each at its line and column.
 */

typedef struct doc_reader {
    const char *name;
    yaml_document_t doc;
} doc_reader;

static int doc_error_at(const doc_reader *d, yaml_mark_t m, const char *fmt, ...) CLI_PRINTF(3, 4);

static int doc_error_at(const doc_reader *d, yaml_mark_t m, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = d->name, .line = (unsigned long)m.line + 1,
                                              .column = (unsigned long)m.column + 1, .tagged = 1},
              "%s", msg);
    return EXIT_INPUT;
}

/* The text of a scalar node, refused when it holds a NUL; NULL after printing the error. */
static const char *scalar_text(const doc_reader *d, const yaml_node_t *n, const char *what, size_t *len)
{
    const char *p = (const char *)n->data.scalar.value;
    size_t at = cli_nul_at(p, n->data.scalar.length);
    if (at) {
        doc_error_at(d, n->start_mark, "%s: a NUL byte at byte %zu", what, at);
        return NULL;
    }
    *len = n->data.scalar.length;
    return p;
}

/*
 * A tag written on a node (`!!binary`, `!custom`) changes what its text means, and no field of
 * a claim has a use for one: refused. The loader gives a node without a tag its kind's default.
 */
static int check_tag(const doc_reader *d, const yaml_node_t *n, const char *what)
{
    static const char core[] = "tag:yaml.org,2002:";
    const char *dflt = n->type == YAML_SCALAR_NODE ? YAML_DEFAULT_SCALAR_TAG
                     : n->type == YAML_SEQUENCE_NODE ? YAML_DEFAULT_SEQUENCE_TAG
                     : YAML_DEFAULT_MAPPING_TAG;
    const char *tag = (const char *)n->tag;
    if (!tag || strcmp(tag, dflt) == 0)
        return 0;
    const int short_form = strncmp(tag, core, sizeof core - 1) == 0;
    return doc_error_at(d, n->start_mark, "%s: a tag (%s%s) is not allowed", what,
                        short_form ? "!!" : "", short_form ? tag + sizeof core - 1 : tag);
}

/*
 * The checks every mapping gets: no tag, keys that are text without a NUL, none given twice.
 * 0, or EXIT_INPUT after printing the error.
 */
static int check_mapping(doc_reader *d, yaml_node_t *map, const char *what)
{
    yaml_document_t *doc = &d->doc;
    if (check_tag(d, map, what))
        return EXIT_INPUT;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(doc, p->key);
        size_t n;
        if (k->type != YAML_SCALAR_NODE)
            return doc_error_at(d, k->start_mark, "%s: expected a key", what);
        if (check_tag(d, k, what) || !scalar_text(d, k, what, &n))
            return EXIT_INPUT;
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            yaml_node_t *e = yaml_document_get_node(doc, q->key);
            if (e->data.scalar.length == n && memcmp(e->data.scalar.value, k->data.scalar.value, n) == 0)
                return doc_error_at(d, k->start_mark, "%s: key '%s' given twice (first at %lu:%lu)",
                                    what, (char *)k->data.scalar.value,
                                    (unsigned long)e->start_mark.line + 1,
                                    (unsigned long)e->start_mark.column + 1);
        }
    }
    return 0;
}

/* One field's value: a scalar, or for `groups` a sequence of them joined with '|'. */
static const char *field_text(doc_reader *d, yaml_node_t *v, const char *key, char *buf,
                              size_t size, size_t *len)
{
    if (check_tag(d, v, key))
        return NULL;
    if (v->type == YAML_SCALAR_NODE)
        return scalar_text(d, v, key, len);
    if (v->type != YAML_SEQUENCE_NODE || strcmp(key, "groups") != 0) {
        doc_error_at(d, v->start_mark, "%s: expected a value", key);
        return NULL;
    }
    size_t n = 0;
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
        yaml_node_t *item = yaml_document_get_node(&d->doc, *it);
        const char *t;
        size_t tn;
        if (item->type != YAML_SCALAR_NODE) {
            doc_error_at(d, item->start_mark, "%s: expected a group name", key);
            return NULL;
        }
        if (check_tag(d, item, key) || !(t = scalar_text(d, item, key, &tn)))
            return NULL;
        if (n + tn + 2 > size) {
            doc_error_at(d, item->start_mark, "%s: too many groups", key);
            return NULL;
        }
        if (n)
            buf[n++] = '|';
        memcpy(buf + n, t, tn);
        n += tn;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The fields of the `person` or `claim` mapping. */
static int read_fields(settle_input *in, doc_reader *d, yaml_node_t *map, const char *section)
{
    int rc = check_mapping(d, map, section);
    yaml_document_t *doc = &d->doc;
    const int is_person = !strcmp(section, "person");
    for (yaml_node_pair_t *q = map->data.mapping.pairs.start; rc == 0 && q < map->data.mapping.pairs.top; q++) {
        yaml_node_t *fk = yaml_document_get_node(doc, q->key);
        yaml_node_t *fv = yaml_document_get_node(doc, q->value);
        const char *key = (const char *)fk->data.scalar.value;
        char buf[512], msg[256];
        size_t n;
        /* The platform's person codes are the person's; its med_type, the claim's. */
        const int person_key = cli_is_person_field(key) || !strcmp(key, "insutype") ||
                               !strcmp(key, "psn_type");
        if (person_key != is_person)
            return doc_error_at(d, fk->start_mark, "unknown %s field '%s'", section, key);
        const char *text = field_text(d, fv, key, buf, sizeof buf, &n);
        if (!text)
            return EXIT_INPUT;
        if (set_field(in, key, text, n, msg, sizeof msg) != 0)
            return doc_error_at(d, fv->start_mark, "%s", msg);
    }
    return rc;
}

/*
 * The position of a parser's error. A reader error (bytes that are not UTF-8, a control
 * character) has an offset instead of a mark: count the lines up to it.
 */
static yaml_mark_t problem_at(const yaml_parser_t *parser, const char *text, size_t len)
{
    if (parser->error != YAML_READER_ERROR)
        return parser->problem_mark;
    yaml_mark_t m = {0};
    size_t end = parser->problem_offset < len ? parser->problem_offset : len;
    for (size_t i = 0; i < end; i++) {
        if (text[i] == '\n') {
            m.line++;
            m.column = 0;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            m.column++;   /* characters, as libyaml counts columns */
        }
    }
    return m;
}

/* Nothing may follow the document: not a second one, not a second JSON object, no garbage. */
static int check_end(const doc_reader *d, yaml_parser_t *parser, const char *text, size_t len)
{
    yaml_document_t next;
    if (!yaml_parser_load(parser, &next))
        return doc_error_at(d, problem_at(parser, text, len),
                            "more after the document (a claim document is one YAML document or "
                            "one JSON object): %s", parser->problem ? parser->problem : "malformed");
    int rc = yaml_document_get_root_node(&next)
        ? doc_error_at(d, next.start_mark,
                       "a second document (a claim document is one YAML document or one JSON object)")
        : 0;
    yaml_document_delete(&next);
    return rc;
}

/*
 * Read `path` as one YAML document (JSON is YAML) into d->doc, with nothing after it: 0 and
 * *root its root node (the caller deletes d->doc), or the exit status after printing the
 * error (nothing to delete).
 */
static int read_one_document(doc_reader *d, const char *path, yaml_node_t **root)
{
    char *text;
    size_t len;
    int rc = cli_read_file(&text, &len, path, cli_file_limit());
    if (rc != 0)
        return rc;
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &d->doc)) {
        rc = doc_error_at(d, problem_at(&parser, text, len), "%s",
                          parser.problem ? parser.problem : "malformed JSON/YAML");
    } else {
        *root = yaml_document_get_root_node(&d->doc);
        if (!*root) {
            cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = d->name, .tagged = 1},
                      "empty document");
            rc = EXIT_INPUT;
        } else {
            rc = check_end(d, &parser, text, len);
        }
        if (rc != 0)
            yaml_document_delete(&d->doc);
    }
    yaml_parser_delete(&parser);
    free(text);
    return rc;
}

static int read_document(settle_input *in, const char *path)
{
    doc_reader d = {.name = strcmp(path, "-") == 0 ? "<stdin>" : path};
    yaml_node_t *root = NULL;
    int rc = read_one_document(&d, path, &root);
    if (rc != 0 || !root)   /* a root on success: said for the analyzer */
        return rc ? rc : EXIT_INPUT;
    if (root->type != YAML_MAPPING_NODE) {
        rc = doc_error_at(&d, root->start_mark, "expected a mapping with 'person' and 'claim'");
    } else {
        rc = check_mapping(&d, root, "document");
        for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; rc == 0 && pr < root->data.mapping.pairs.top; pr++) {
            yaml_node_t *k = yaml_document_get_node(&d.doc, pr->key);
            yaml_node_t *v = yaml_document_get_node(&d.doc, pr->value);
            const char *key = (const char *)k->data.scalar.value;
            if (strcmp(key, "person") != 0 && strcmp(key, "claim") != 0)
                rc = doc_error_at(&d, k->start_mark, "unknown key: expected 'person' or 'claim'");
            else if (v->type != YAML_MAPPING_NODE)
                rc = doc_error_at(&d, v->start_mark, "%s: expected a mapping", key);
            else
                rc = read_fields(in, &d, v, key);
        }
    }
    yaml_document_delete(&d.doc);
    return rc;
}

/* ---- Itemised bills ------------------------------------------------------------------- */

/* The columns of a bill's fee lines (CSV header, JSON keys): the platform's names. */
static const char *const item_columns[] = {
    "feedetl_sn", "code", "name", "det_item_fee_sumamt", "pric", "cnt", "pric_uplmt_amt",
    "chrgitm_lv", "selfpay_prop",
};
enum { COL_SN, COL_CODE, COL_NAME, COL_AMOUNT, COL_PRICE, COL_CNT, COL_CEILING, COL_LV, COL_PROP,
       ITEM_COLUMNS };

/* One fee line as read, with its text (owned) and where it was written. */
typedef struct bill_line {
    medins_item item;
    char *text[3];              /* feedetl_sn, code, name: NUL-terminated copies, or NULL */
    int have_lv;
    unsigned long line, column, row;
} bill_line;

typedef struct bill {
    const char *file;
    bill_line *v;
    size_t n, cap;
} bill;

static void bill_free(bill *b)
{
    for (size_t i = 0; i < b->n; i++)
        for (int k = 0; k < 3; k++)
            free(b->v[i].text[k]);
    free(b->v);
}

/* A new line at the end of b, or NULL (out of memory). */
static bill_line *bill_add(bill *b)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 32;
        bill_line *v = cap < SIZE_MAX / sizeof *v ? realloc(b->v, cap * sizeof *v) : NULL;
        if (!v)
            return NULL;
        b->v = v;
        b->cap = cap;
    }
    bill_line *l = &b->v[b->n++];
    memset(l, 0, sizeof *l);
    medins_item_init(&l->item);
    return l;
}

/* A decimal with at most four decimals ("1.5", "0.1000") in ten-thousandths: cnt and
 * selfpay_prop. 0, or -1 with the reason in msg. */
static int parse_dec4(int64_t *out, const char *t, size_t n, char *msg, size_t msz)
{
    int64_t v = 0;
    size_t i = 0, decimals = 0;
    int dot = 0;
    for (; i < n; i++) {
        if (t[i] == '.' && !dot && i > 0) {
            dot = 1;
        } else if (t[i] >= '0' && t[i] <= '9' && v <= (INT64_MAX / 10 - 9) / 10) {
            if (dot && ++decimals > 4) {
                snprintf(msg, msz, "'%.*s' has more than 4 decimals", (int)n, t);
                return -1;
            }
            v = v * 10 + (t[i] - '0');
        } else {
            snprintf(msg, msz, "'%.*s' is not a number with at most 4 decimals", (int)n, t);
            return -1;
        }
    }
    if (n == 0 || t[n - 1] == '.') {
        snprintf(msg, msz, "'%.*s' is not a number with at most 4 decimals", (int)n, t);
        return -1;
    }
    for (; decimals < 4; decimals++) {
        if (v > INT64_MAX / 10) {
            snprintf(msg, msz, "'%.*s' is too large", (int)n, t);
            return -1;
        }
        v *= 10;
    }
    *out = v;
    return 0;
}

/* Column `col` of line l from the n bytes at t (no NUL among them); an empty value is no
 * value. 0, or -1 with the reason in msg. */
static int item_field(bill_line *l, int col, const char *t, size_t n, char *msg, size_t msz)
{
    medins_item *it = &l->item;
    char why[400] = "";
    int64_t v;
    int rc = 0;
    if (n == 0)
        return 0;
    switch (col) {
    case COL_SN: case COL_CODE: case COL_NAME: {
        const int k = col == COL_SN ? 0 : col == COL_CODE ? 1 : 2;
        free(l->text[k]);
        if (!(l->text[k] = malloc(n + 1))) {
            snprintf(msg, msz, "out of memory");
            return -1;
        }
        memcpy(l->text[k], t, n);
        l->text[k][n] = '\0';
        if (k == 1) {
            it->code = l->text[1];
            it->code_len = n;
        } else if (k == 2) {
            it->name = l->text[2];
            it->name_len = n;
        }
        return 0;
    }
    case COL_AMOUNT: rc = cli_parse_amount(&it->amount, t, n, why, sizeof why); break;
    case COL_PRICE: rc = cli_parse_amount(&it->price, t, n, why, sizeof why); break;
    case COL_CEILING: rc = cli_parse_amount(&it->ceiling, t, n, why, sizeof why); break;
    case COL_CNT: rc = parse_dec4(&it->quantity, t, n, why, sizeof why); break;
    case COL_PROP:
        if ((rc = parse_dec4(&v, t, n, why, sizeof why)) == 0 && v > MEDINS_BP_ONE) {
            snprintf(why, sizeof why, "'%.*s' is above 1 (the whole amount)", (int)n, t);
            rc = -1;
        }
        it->selfpay_prop = (medins_bp)v;
        break;
    case COL_LV:
        if ((rc = cli_parse_int64(&v, t, n)) != 0 || v < INT32_MIN || v > INT32_MAX) {
            snprintf(why, sizeof why, "'%.*s' is not 1, 2 or 3", (int)n, t);
            rc = -1;
        }
        it->chrgitm_lv = (int32_t)v;
        l->have_lv = 1;
        break;
    default: break;
    }
    if (rc != 0)
        snprintf(msg, msz, "%s: %s", item_columns[col], why[0] ? why : "invalid value");
    return rc ? -1 : 0;
}

/* What every line needs: a code and a class. 0, or -1 with the reason in msg. */
static int item_complete(const bill_line *l, char *msg, size_t msz)
{
    if (!l->text[1])
        snprintf(msg, msz, "a fee line needs its code");
    else if (!l->have_lv)
        snprintf(msg, msz, "a fee line needs its chrgitm_lv");
    return !l->text[1] || !l->have_lv ? -1 : 0;
}

static int read_items_csv(bill *b, const char *path)
{
    csv_reader in;
    if (csv_open(&in, path) != 0) {
        cli_warn_file(MEDINS_ERR_IO, path, "%s: %s", path, strerror(errno));
        return EXIT_IO;
    }
    csv_columns cols = {.names = item_columns, .count = ITEM_COLUMNS};
    char msg[512];
    int rc = csv_read_header(&in, &cols), status = 0;
    if (rc == 0) {
        cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = b->file}, "empty input: expected a header row");
        status = EXIT_INPUT;
    } else if (rc == -1) {
        csv_error_text(msg, sizeof msg, &in, NULL);
        cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = b->file, .line = in.rec_line}, "%s", msg);
        status = EXIT_INPUT;
    }
    for (unsigned long row = 1; status == 0 && rc == 1; row++) {
        rc = csv_next(&in);
        if (rc == 0)
            break;
        cli_where at = {.file = b->file, .line = in.rec_line, .row = row, .tagged = 1};
        if (rc < 0) {
            if (rc == -2) {
                cli_warn_file(MEDINS_ERR_IO, path, "%s: %s", path, strerror(errno));
                status = EXIT_IO;
                break;
            }
            csv_error_text(msg, sizeof msg, &in, &cols);
            cli_error(MEDINS_ERR_SYNTAX, &at, "%s", msg);
            status = EXIT_INPUT;
            break;
        }
        if (in.nf != cols.nf) {
            cli_error(MEDINS_ERR_SYNTAX, &at, "%zu fields where the header has %zu", in.nf, cols.nf);
            status = EXIT_INPUT;
            break;
        }
        bill_line *l = bill_add(b);
        if (!l) {
            cli_warn(MEDINS_ERR_NOMEM, "out of memory");
            status = EXIT_INPUT;
            break;
        }
        l->line = in.rec_line;
        l->row = row;
        for (int c = 0; c < ITEM_COLUMNS && status == 0; c++)
            if (cols.field[c] >= 0 &&
                item_field(l, c, in.f[cols.field[c]].p, in.f[cols.field[c]].n, msg, sizeof msg))
                status = EXIT_INPUT;
        if (status == 0 && item_complete(l, msg, sizeof msg))
            status = EXIT_INPUT;
        if (status)
            cli_error(MEDINS_ERR_SYNTAX, &at, "%s", msg);
        rc = 1;
    }
    csv_close(&in);
    return status;
}

/* One fee line's object of a JSON bill. */
static int read_item_object(bill *b, doc_reader *d, yaml_node_t *obj)
{
    if (obj->type != YAML_MAPPING_NODE)
        return doc_error_at(d, obj->start_mark, "a fee line: expected an object");
    if (check_mapping(d, obj, "a fee line"))
        return EXIT_INPUT;
    bill_line *l = bill_add(b);
    if (!l) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    l->line = (unsigned long)obj->start_mark.line + 1;
    l->column = (unsigned long)obj->start_mark.column + 1;
    char msg[512];
    for (yaml_node_pair_t *p = obj->data.mapping.pairs.start; p < obj->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&d->doc, p->value);
        const char *key = (const char *)k->data.scalar.value, *t;
        int col = 0;
        while (col < ITEM_COLUMNS && strcmp(item_columns[col], key) != 0)
            col++;
        if (col == ITEM_COLUMNS)
            return doc_error_at(d, k->start_mark, "unknown fee line field '%s'", key);
        size_t n;
        if (check_tag(d, v, key))
            return EXIT_INPUT;
        if (v->type != YAML_SCALAR_NODE)
            return doc_error_at(d, v->start_mark, "%s: expected a value", key);
        if (!(t = scalar_text(d, v, key, &n)))
            return EXIT_INPUT;
        if (item_field(l, col, t, n, msg, sizeof msg))
            return doc_error_at(d, v->start_mark, "%s", msg);
    }
    return item_complete(l, msg, sizeof msg) ? doc_error_at(d, obj->start_mark, "%s", msg) : 0;
}

static int read_items_json(bill *b, const char *path)
{
    doc_reader d = {.name = b->file};
    yaml_node_t *root = NULL;
    int rc = read_one_document(&d, path, &root);
    if (rc != 0 || !root)   /* a root on success: said for the analyzer */
        return rc ? rc : EXIT_INPUT;
    if (root->type != YAML_SEQUENCE_NODE || check_tag(&d, root, "the bill")) {
        rc = doc_error_at(&d, root->start_mark, "expected an array of fee lines");
    } else {
        for (yaml_node_item_t *it = root->data.sequence.items.start;
             rc == 0 && it < root->data.sequence.items.top; it++)
            rc = read_item_object(b, &d, yaml_document_get_node(&d.doc, *it));
    }
    yaml_document_delete(&d.doc);
    return rc;
}

/* A name ending ".json" (any case) is JSON; anything else, standard input too, CSV. */
static int read_items(bill *b, const char *path)
{
    const size_t n = strlen(path);
    b->file = strcmp(path, "-") == 0 ? "<stdin>" : path;
    int rc = n > 5 && strcasecmp(path + n - 5, ".json") == 0 ? read_items_json(b, path)
                                                             : read_items_csv(b, path);
    if (rc == 0 && b->n == 0) {
        cli_error(MEDINS_ERR_CLAIM, &(cli_where){.file = b->file, .tagged = 1},
                  "the bill has no fee lines");
        rc = EXIT_INPUT;
    }
    return rc;
}

/* Each line split alone first, so that a line the library refuses is reported where it is
 * written (the file's row or line). */
static int check_items(const bill *b, const medins_policy *policy)
{
    for (size_t i = 0; i < b->n; i++) {
        medins_item_split sp;
        medins_error *err = NULL;
        int rc = medins_item_split_line(&sp, policy, &b->v[i].item, &err);
        if (rc != 0) {
            cli_error(rc, &(cli_where){.file = b->file, .line = b->v[i].line,
                                       .column = b->v[i].column, .row = b->v[i].row,
                                       .tagged = 1},
                      "%s", err ? medins_error_message(err) : "refused");
            medins_error_free(err);
            return EXIT_INPUT;
        }
    }
    return 0;
}

/* ---- The platform's records ------------------------------------------------------------- */

/* A ratio as the platform writes one, a fraction with four decimals ("0.8500"), and in basis
 * points. */
static void json_prop(json_t *obj, const char *key, medins_bp bp)
{
    char buf[16], bkey[64];
    snprintf(buf, sizeof buf, "%d.%04d", (int)(bp / MEDINS_BP_ONE), (int)(bp % MEDINS_BP_ONE));
    json_object_set_new(obj, key, json_string(buf));
    snprintf(bkey, sizeof bkey, "%s_bp", key);
    json_object_set_new(obj, bkey, json_integer(bp));
}

/* setlinfo, setldetail and the fee lines' split of `result` as one JSON document. */
static int print_nhsa(FILE *out, const medins_result *result, const bill *b)
{
    medins_setlinfo info = MEDINS_SETLINFO_INIT;
    medins_error *err = NULL;
    int rc = medins_result_setlinfo(&info, result, &err);
    json_t *root = json_object(), *si = json_object(), *rows = json_array(),
           *lines = json_array();
    /* Every field of setlinfo, in its order, by its layout. */
    for (size_t i = 0; rc == 0 && i < medins_layout_field_count(MEDINS_LAYOUT_SETLINFO); i++) {
        const medins_field *f = medins_layout_field(MEDINS_LAYOUT_SETLINFO, i);
        const char *at = (const char *)&info + f->offset;
        if (f->kind == MEDINS_FIELD_RATIO)
            json_prop(si, f->name, *(const medins_bp *)(const void *)at);
        else
            cli_json_money(si, f->name, *(const medins_fen *)(const void *)at);
    }
    for (size_t i = 0; rc == 0 && i < medins_result_setldetail_count(result); i++) {
        medins_setldetail d = MEDINS_SETLDETAIL_INIT;
        size_t need = 0;
        if ((rc = medins_result_setldetail(&d, result, i, &err)) != 0)
            break;
        (void)medins_result_setl_proc_info(NULL, 0, &need, result, i, MEDINS_LANG_ZH);
        char *proc = malloc(need ? need : 1);
        if (!proc || medins_result_setl_proc_info(proc, need, NULL, result, i, MEDINS_LANG_ZH)) {
            free(proc);
            rc = MEDINS_ERR_NOMEM;
            break;
        }
        json_t *row = json_object();
        json_object_set_new(row, "fund_pay_type", json_string(d.fund_pay_type));
        json_object_set_new(row, "fund_pay_type_name", json_string(d.fund_pay_type_name));
        cli_json_money(row, "inscp_scp_amt", d.inscp_scp_amt);
        if (d.crt_payb_lmt_amt == MEDINS_NO_LIMIT) {
            json_object_set_new(row, "crt_payb_lmt_amt", json_null());
            json_object_set_new(row, "crt_payb_lmt_amt_fen", json_null());
        } else {
            cli_json_money(row, "crt_payb_lmt_amt", d.crt_payb_lmt_amt);
        }
        cli_json_money(row, "fund_payamt", d.fund_payamt);
        json_object_set_new(row, "setl_proc_info", json_string(proc));
        json_array_append_new(rows, row);
        free(proc);
    }
    for (size_t i = 0; rc == 0 && i < medins_result_item_count(result) && i < b->n; i++) {
        const medins_item_split *sp = medins_result_item(result, i);
        json_t *line = json_object();
        char sn[24];
        snprintf(sn, sizeof sn, "%zu", i + 1);
        json_object_set_new(line, "feedetl_sn",
                            json_string(b->v[i].text[0] ? b->v[i].text[0] : sn));
        json_object_set_new(line, "code", json_string(b->v[i].text[1]));
        json_object_set_new(line, "name", json_string(b->v[i].text[2] ? b->v[i].text[2] : ""));
        json_object_set_new(line, "chrgitm_lv", json_integer(sp->chrgitm_lv));
        json_prop(line, "selfpay_prop", sp->selfpay_prop);
        cli_json_money(line, "det_item_fee_sumamt", sp->amount);
        cli_json_money(line, "fulamt_ownpay_amt", sp->self_paid);
        cli_json_money(line, "overlmt_amt", sp->over_ceiling);
        cli_json_money(line, "preselfpay_amt", sp->category_b);
        cli_json_money(line, "inscp_scp_amt", sp->in_scope);
        json_array_append_new(lines, line);
    }
    json_object_set_new(root, "setlinfo", si);
    json_object_set_new(root, "setldetail", rows);
    json_object_set_new(root, "feedetail", lines);
    if (rc != 0) {
        json_decref(root);
        return cli_report(err, rc, "no platform records");
    }
    return cli_json_write(out, root) ? (cli_warn(MEDINS_ERR_NOMEM, "cannot make the JSON"),
                                        EXIT_INPUT) : 0;
}

/* ---- Ledger files --------------------------------------------------------------------- */

int cli_load_ledger(medins_ledger *ledger, const char *path)
{
    char *text;
    size_t n;
    int rc = cli_read_file(&text, &n, path, cli_file_limit());
    if (rc != 0)
        return rc;
    medins_error *err = NULL;
    rc = medins_ledger_parse(ledger, text, n, &err);
    free(text);
    return rc ? cli_report_in(err, rc, path) : 0;
}

int cli_save_ledger(const medins_ledger *ledger, const char *path)
{
    char text[4096];
    size_t needed;
    if (medins_ledger_serialize(text, sizeof text, &needed, ledger) != 0) {
        cli_warn(MEDINS_ERR_BUFFER, "ledger text larger than expected (%zu bytes)", needed);
        return EXIT_INPUT;
    }
    return cli_write_file(path, text, needed - 1);
}

/* The settlement's record written to `path`, atomically. */
static int save_record(const medins_result *result, const char *path)
{
    size_t needed = 0;
    medins_error *err = NULL;
    int rc = medins_record_write(NULL, 0, &needed, result, &err);
    if (rc != MEDINS_ERR_BUFFER)
        return cli_report(err, rc, "no record");
    char *text = malloc(needed);
    if (!text) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        return EXIT_INPUT;
    }
    rc = medins_record_write(text, needed, NULL, result, NULL) == 0
       ? cli_write_file(path, text, needed - 1) : EXIT_INPUT;
    free(text);
    return rc;
}

/* The platform's codes given, read by the policy into the person and the claim: 0, or
 * EXIT_INPUT for a code the policy does not map (the claim is refused, as for its words). */
static int codes_in(settle_input *in, const medins_policy *policy)
{
    medins_error *err = NULL;
    int rc = 0;
    if (in->insutype.len)
        rc = medins_person_from_nhsa(&in->person, policy, in->insutype.text, in->insutype.len,
                                     in->psn_type.text, in->psn_type.len, &err);
    if (rc == 0 && in->med_type.len)
        rc = medins_claim_from_nhsa(&in->claim, policy, in->med_type.text, in->med_type.len,
                                    &err);
    if (rc == 0)
        return 0;
    cli_warn(rc, "claim refused: %s", medins_error_message(err));
    medins_error_free(err);
    return EXIT_INPUT;
}

/* ---- The command ---------------------------------------------------------------------- */

typedef int words_parser(const medins_policy *, const char *, size_t, uint32_t *, medins_error **);

/* The policy's words given for `what` (len bytes; none: nothing to read) into *bits by
 * `parse`: 0, or EXIT_INPUT after the message (a word of the claim's, not of the policy's
 * file: the claim is refused). */
static int policy_words(words_parser *parse, const medins_policy *policy, const char *what,
                        const char *text, size_t len, uint32_t *bits)
{
    medins_error *err = NULL;
    int rc;
    if (!len || (rc = parse(policy, text, len, bits, &err)) == 0)
        return 0;
    cli_warn(rc, "claim refused: %s: %s", what, medins_error_message(err));
    medins_error_free(err);
    return EXIT_INPUT;
}

enum { OPT_JSON = 256, OPT_LEDGER, OPT_SAVE_LEDGER, OPT_FIELD, OPT_LANG, OPT_RECORD,
       OPT_ESTIMATE, OPT_ITEMS, OPT_FORMAT };
enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_NHSA };

int cmd_settle(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"input", required_argument, NULL, 'i'},
        {"json", no_argument, NULL, OPT_JSON},
        {"ledger", required_argument, NULL, OPT_LEDGER},
        {"save-ledger", required_argument, NULL, OPT_SAVE_LEDGER},
        {"record", required_argument, NULL, OPT_RECORD},
        {"estimate", no_argument, NULL, OPT_ESTIMATE},
        {"items", required_argument, NULL, OPT_ITEMS},
        {"format", required_argument, NULL, OPT_FORMAT},
        CLI_LANG_LONGOPT(OPT_LANG),
        /* Claim and person fields: handled alike, by name. */
        {"kind", required_argument, NULL, OPT_FIELD},
        {"level", required_argument, NULL, OPT_FIELD},
        {"total", required_argument, NULL, OPT_FIELD},
        {"self-paid", required_argument, NULL, OPT_FIELD},
        {"category-b", required_argument, NULL, OPT_FIELD},
        {"date", required_argument, NULL, OPT_FIELD},
        {"institution", required_argument, NULL, OPT_FIELD},
        {"days", required_argument, NULL, OPT_FIELD},
        {"id", required_argument, NULL, OPT_FIELD},
        {"attributes", required_argument, NULL, OPT_FIELD},
        {"med-type", required_argument, NULL, OPT_FIELD},
        {"insutype", required_argument, NULL, OPT_FIELD},
        {"psn-type", required_argument, NULL, OPT_FIELD},
        {"cohorts", required_argument, NULL, OPT_FIELD},
        CLI_PERSON_LONGOPTS(OPT_FIELD),
        CLI_POLICY_LONGOPTS,
        {NULL, 0, NULL, 0}
    };
    settle_input in;
    cli_policy_opts popts = {0};
    const char *input = NULL, *ledger_in = NULL, *ledger_out = NULL, *record_out = NULL;
    const char *items = NULL;
    int format = FORMAT_TEXT, estimate = 0, opt, idx;
    /* Fields given as options are applied after the document, so remember them in order. */
    const char *fkeys[32], *fvals[32];
    size_t nf = 0;

    memset(&in, 0, sizeof in);
    medins_person_init(&in.person);
    medins_claim_init(&in.claim);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "hi:", longopts, &idx)) != -1) {
        if (cli_policy_opt(&popts, opt, optarg))
            continue;
        switch (opt) {
        case 'h': fputs(help, stdout); return EXIT_OK;
        case 'i': input = optarg; break;
        case OPT_JSON: format = FORMAT_JSON; break;
        case OPT_ITEMS: items = optarg; break;
        case OPT_FORMAT:
            if (!strcmp(optarg, "text"))
                format = FORMAT_TEXT;
            else if (!strcmp(optarg, "json"))
                format = FORMAT_JSON;
            else if (!strcmp(optarg, "nhsa"))
                format = FORMAT_NHSA;
            else
                return cli_usage_error("--format: '%s' is not text, json or nhsa", optarg);
            break;
        case OPT_LEDGER: ledger_in = optarg; break;
        case OPT_SAVE_LEDGER: ledger_out = optarg; break;
        case OPT_RECORD: record_out = optarg; break;
        case OPT_ESTIMATE: estimate = 1; break;
        case OPT_LANG:
            if (cli_lang_opt(optarg) != 0)
                return EXIT_USAGE;
            break;
        case OPT_FIELD:
            if (nf == sizeof fkeys / sizeof fkeys[0])
                return cli_usage_error("too many options");
            if (!optarg)   /* getopt gives every one of these options a value; said for the analyzer */
                return cli_usage_error("--%s needs a value", longopts[idx].name);
            fkeys[nf] = longopts[idx].name;
            fvals[nf++] = optarg;
            break;
        default:
            return cli_usage_error("invalid option");
        }
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);

    int rc;
    if (input && (rc = read_document(&in, input)) != 0)
        return rc;
    for (size_t i = 0; i < nf; i++) {
        char key[32], msg[256];
        cli_option_key(key, sizeof key, fkeys[i]);
        if (set_field(&in, key, fvals[i], strlen(fvals[i]), msg, sizeof msg) != 0)
            return cli_usage_error("--%s", msg);
    }
    if (in.med_type.len && in.have_kind)
        return cli_usage_error("--med-type and --kind both give the claim's kind: give one");
    if (!in.insutype.len != !in.psn_type.len)
        return cli_usage_error("--insutype and --psn-type go together: the platform's person "
                               "is the pair");
    if (in.insutype.len && in.have_scheme)
        return cli_usage_error("--insutype and --psn-type give the scheme and category: give "
                               "no --scheme or --category with them");
    in.have_kind |= in.med_type.len != 0;
    if (items && (in.have_total || in.claim.self_paid || in.claim.category_b))
        return cli_usage_error("--items gives the bill's totals: give no --total, --self-paid "
                               "or --category-b with it");
    if (!in.have_kind || !in.have_level || (!in.have_total && !items))
        return cli_usage_error("a claim needs --kind, --level and --total or --items (or "
                               "--input FILE)");
    if (estimate && (ledger_out || record_out))
        return cli_usage_error("--estimate changes no ledger: it takes neither --save-ledger "
                               "nor --record");
    if (estimate && items)
        return cli_usage_error("--estimate takes a claim's totals, not --items");
    bill b = {0};
    if (items && (rc = read_items(&b, items)) != 0) {
        bill_free(&b);
        return rc;
    }

    cli_policies pols;
    if ((rc = cli_policies_open(&pols, &popts)) != 0) {
        bill_free(&b);
        return rc;
    }

    cli_assumption assumed[4];
    size_t na = 0;
    char date_text[11];
    const medins_policy *policy = NULL;
    medins_date given = in.claim.date;
    rc = cli_policies_pick(&policy, &in.claim.date, &pols, given);
    if (rc != 0 || (rc = check_items(&b, policy)) != 0)
        goto out;
    if (!given) {
        cli_format_date(date_text, in.claim.date);
        assumed[na++] = (cli_assumption){"date", date_text,
            "no --date given: the first day of the latest policy",
            "未给出 --date：取最新政策的第一天"};
    }

    if ((rc = codes_in(&in, policy)) != 0)
        goto out;
    if ((rc = policy_words(medins_policy_attributes_parse, policy, "attributes", in.attributes,
                           in.attributes_len, &in.claim.attributes)) != 0 ||
        (rc = policy_words(medins_policy_cohorts_parse, policy, "cohorts", in.cohorts,
                           in.cohorts_len, &in.person.cohorts)) != 0)
        goto out;

    medins_ledger ledger;
    if (ledger_in) {
        if ((rc = cli_load_ledger(&ledger, ledger_in)) != 0)
            goto out;
    } else {
        medins_ledger_init(&ledger, medins_policy_benefit_year(policy, in.claim.date));
        assumed[na++] = (cli_assumption){"ledger", "empty",
            "no --ledger given: no earlier claims this year, no carry-over",
            "未给出 --ledger：本年度此前没有结算，没有结转额度"};
    }

    medins_result *result = NULL;
    medins_error *err = NULL;
    medins_item *lines = b.n ? malloc(b.n * sizeof *lines) : NULL;
    if (b.n && !lines) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        rc = EXIT_INPUT;
        goto out;
    }
    for (size_t i = 0; i < b.n; i++)
        lines[i] = b.v[i].item;
    if (items)
        rc = medins_settle_items(&result, policy, &in.person, &in.claim, lines, b.n, &ledger,
                                 NULL, &err);
    else if (estimate)
        rc = medins_presettle(&result, policy, &in.person, &in.claim, &ledger, NULL, &err);
    else
        rc = medins_settle(&result, policy, &in.person, &in.claim, &ledger, &err);
    free(lines);
    if (rc != 0) {
        rc = cli_report(err, rc, "claim refused");
        goto out;
    }
    /*
     * The result is rendered in memory and shown only once the record and the ledger are
     * saved: a file that cannot be written leaves no result behind that a caller could take
     * for a settlement. The record goes first: a settlement the ledger holds always has its
     * record (a record whose ledger was not saved is refused as "already reversed").
     */
    cli_claim_view view = {&in.person, &in.claim, policy, assumed, na};
    char *shown = NULL;
    size_t shown_len = 0;
    FILE *mem = open_memstream(&shown, &shown_len);
    if (!mem) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        rc = EXIT_INPUT;
    } else if (format == FORMAT_NHSA) {
        rc = print_nhsa(mem, result, &b);
    } else if (format == FORMAT_JSON) {
        if (cli_explain_json(mem, &view, result) != 0) {
            cli_warn(MEDINS_ERR_NOMEM, "cannot make the JSON");
            rc = EXIT_INPUT;
        }
    } else {
        cli_explain_text(mem, &view, result);
    }
    if (mem && fclose(mem) != 0 && rc == 0) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        rc = EXIT_INPUT;
    }
    if (rc == 0 && record_out)
        rc = save_record(result, record_out);
    medins_result_free(result);
    if (rc == 0 && ledger_out)
        rc = cli_save_ledger(&ledger, ledger_out);
    if (rc == 0 && (fwrite(shown, 1, shown_len, stdout) != shown_len || fflush(stdout) != 0)) {
        cli_warn(MEDINS_ERR_IO, "cannot write the result: %s", strerror(errno));
        rc = EXIT_IO;
    }
    free(shown);
out:
    cli_policies_close(&pols);
    bill_free(&b);
    return rc;
}
