/* medins settle: one claim from options or a JSON/YAML document, explained. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "cli.h"

static const char help[] =
    "Usage: medins settle --kind KIND --level LEVEL --total YUAN [OPTION]...\n"
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
    CLI_PERSON_HELP
    "Input and output:\n"
    "  -i, --input FILE     read {person: {...}, claim: {...}} as JSON or YAML ('-': stdin);\n"
    "                       options given as well override the document\n"
    "  --ledger FILE        start from this ledger (medins-ledger text) instead of an empty one\n"
    "  --save-ledger FILE   write the updated ledger there\n"
    "  --json               print the result as JSON (amounts in yuan strings and in fen)\n"
    "  -h, --help           show this help\n"
    "\n" CLI_POLICY_HELP
    "\n"
    "Exit status: 0 settled, 1 claim refused, 2 usage, 3 policy error, 5 I/O error.\n";

/* What a settle run is given, before it is checked. */
typedef struct settle_input {
    medins_person person;
    medins_claim claim;
    int have_kind, have_level, have_total, have_category;
} settle_input;

/*
 * Set one field by its name (document key or option name with '-' read as '_').
 * Returns 0, or -1 with a message in msg.
 */
static int set_field(settle_input *in, const char *key, const char *val, char *msg, size_t msz)
{
    medins_claim *c = &in->claim;
    int rc = cli_person_field(&in->person, &in->have_category, key, val, msg, msz);
    if (rc <= 0)
        return rc;
    if (!strcmp(key, "id")) {
        rc = cli_parse_int64(&c->id, val);
    } else if (!strcmp(key, "date")) {
        rc = cli_parse_date(&c->date, val);
    } else if (!strcmp(key, "kind")) {
        rc = medins_claim_kind_parse(&c->kind, val);
        in->have_kind = 1;
    } else if (!strcmp(key, "level")) {
        rc = medins_level_parse(&c->level, val);
        in->have_level = 1;
    } else if (!strcmp(key, "institution")) {
        rc = cli_parse_int64(&c->institution, val);
    } else if (!strcmp(key, "total")) {
        rc = medins_money_parse(&c->total, val, NULL);
        in->have_total = 1;
    } else if (!strcmp(key, "self_paid")) {
        rc = medins_money_parse(&c->self_paid, val, NULL);
    } else if (!strcmp(key, "category_b")) {
        rc = medins_money_parse(&c->category_b, val, NULL);
    } else {
        snprintf(msg, msz, "unknown field '%s'", key);
        return -1;
    }
    if (rc != 0) {
        snprintf(msg, msz, "%s: invalid value '%s'", key, val);
        return -1;
    }
    return 0;
}

/* ---- JSON / YAML document --------------------------------------------------------------- */

static int doc_error(const char *name, const yaml_node_t *n, const char *msg)
{
    fprintf(stderr, "%s: %s:%lu:%lu: %s\n", cli_prog, name,
            (unsigned long)n->start_mark.line + 1, (unsigned long)n->start_mark.column + 1, msg);
    return EXIT_INPUT;
}

/* Scalar text of a node; a sequence of scalars (groups) is joined with '|'. NULL otherwise. */
static const char *node_text(yaml_document_t *doc, yaml_node_t *n, char *buf, size_t size)
{
    if (n->type == YAML_SCALAR_NODE)
        return (const char *)n->data.scalar.value;
    if (n->type != YAML_SEQUENCE_NODE)
        return NULL;
    size_t len = 0;
    buf[0] = '\0';
    for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = yaml_document_get_node(doc, *it);
        if (!item || item->type != YAML_SCALAR_NODE)
            return NULL;
        int w = snprintf(buf + len, size - len, "%s%s", len ? "|" : "", (char *)item->data.scalar.value);
        if (w < 0 || (size_t)w >= size - len)
            return NULL;
        len += (size_t)w;
    }
    return buf;
}

static int read_document(settle_input *in, const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char *name = f == stdin ? "<stdin>" : path;
    if (!f) {
        cli_warn("cannot open %s", path);
        return EXIT_IO;
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    int rc = EXIT_OK;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    if (!yaml_parser_load(&parser, &doc)) {
        fprintf(stderr, "%s: %s:%lu:%lu: %s\n", cli_prog, name,
                (unsigned long)parser.problem_mark.line + 1,
                (unsigned long)parser.problem_mark.column + 1,
                parser.problem ? parser.problem : "malformed JSON/YAML");
        yaml_parser_delete(&parser);
        if (f != stdin)
            fclose(f);
        return EXIT_INPUT;
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root) {
        fprintf(stderr, "%s: %s: empty document\n", cli_prog, name);
        rc = EXIT_INPUT;
        goto done;
    }
    if (root->type != YAML_MAPPING_NODE) {
        rc = doc_error(name, root, "expected a mapping with 'person' and 'claim'");
        goto done;
    }
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
        if (k->type != YAML_SCALAR_NODE) {
            rc = doc_error(name, k, "expected a key");
            goto done;
        }
        const char *key = (const char *)k->data.scalar.value;
        int is_person = !strcmp(key, "person");
        if (!is_person && strcmp(key, "claim") != 0) {
            rc = doc_error(name, k, "unknown key: expected 'person' or 'claim'");
            goto done;
        }
        if (v->type != YAML_MAPPING_NODE) {
            rc = doc_error(name, v, "expected a mapping");
            goto done;
        }
        for (yaml_node_pair_t *q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top; q++) {
            yaml_node_t *fk = yaml_document_get_node(&doc, q->key);
            yaml_node_t *fv = yaml_document_get_node(&doc, q->value);
            char buf[512], msg[256];
            if (fk->type != YAML_SCALAR_NODE) {
                rc = doc_error(name, fk, "expected a key");
                goto done;
            }
            const char *fkey = (const char *)fk->data.scalar.value;
            const int person_key = cli_is_person_field(fkey);
            if (person_key != is_person) {
                snprintf(msg, sizeof msg, "unknown %s field '%s'", key, fkey);
                rc = doc_error(name, fk, msg);
                goto done;
            }
            const char *text = node_text(&doc, fv, buf, sizeof buf);
            if (!text) {
                rc = doc_error(name, fv, "expected a value");
                goto done;
            }
            if (set_field(in, fkey, text, msg, sizeof msg) != 0) {
                rc = doc_error(name, fv, msg);
                goto done;
            }
        }
    }
done:
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    if (f != stdin)
        fclose(f);
    return rc;
}

/* ---- Ledger files --------------------------------------------------------------------- */

static int load_ledger(medins_ledger *ledger, const char *path)
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

static int save_ledger(const medins_ledger *ledger, const char *path)
{
    char text[4096];
    size_t needed;
    if (medins_ledger_serialize(text, sizeof text, &needed, ledger) != 0) {
        cli_warn("ledger text larger than expected (%zu bytes)", needed);
        return EXIT_INPUT;
    }
    return cli_write_file(path, text, needed - 1);
}

/* ---- The command ---------------------------------------------------------------------- */

enum { OPT_JSON = 256, OPT_LEDGER, OPT_SAVE_LEDGER, OPT_FIELD };

int cmd_settle(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"input", required_argument, NULL, 'i'},
        {"json", no_argument, NULL, OPT_JSON},
        {"ledger", required_argument, NULL, OPT_LEDGER},
        {"save-ledger", required_argument, NULL, OPT_SAVE_LEDGER},
        /* Claim and person fields: handled alike, by name. */
        {"kind", required_argument, NULL, OPT_FIELD},
        {"level", required_argument, NULL, OPT_FIELD},
        {"total", required_argument, NULL, OPT_FIELD},
        {"self-paid", required_argument, NULL, OPT_FIELD},
        {"category-b", required_argument, NULL, OPT_FIELD},
        {"date", required_argument, NULL, OPT_FIELD},
        {"institution", required_argument, NULL, OPT_FIELD},
        {"id", required_argument, NULL, OPT_FIELD},
        CLI_PERSON_LONGOPTS(OPT_FIELD),
        CLI_POLICY_LONGOPTS,
        {NULL, 0, NULL, 0}
    };
    settle_input in;
    cli_policy_opts popts = {0};
    const char *input = NULL, *ledger_in = NULL, *ledger_out = NULL;
    int json = 0, opt, idx;
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
        case OPT_JSON: json = 1; break;
        case OPT_LEDGER: ledger_in = optarg; break;
        case OPT_SAVE_LEDGER: ledger_out = optarg; break;
        case OPT_FIELD:
            if (nf == sizeof fkeys / sizeof fkeys[0])
                return cli_usage_error("too many options");
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
        if (set_field(&in, key, fvals[i], msg, sizeof msg) != 0)
            return cli_usage_error("--%s", msg);
    }
    if (!in.have_kind || !in.have_level || !in.have_total)
        return cli_usage_error("a claim needs --kind, --level and --total (or --input FILE)");

    cli_policies pols;
    if ((rc = cli_policies_open(&pols, &popts)) != 0)
        return rc;

    cli_assumption assumed[4];
    size_t na = 0;
    char date_text[11];
    const medins_policy *policy = NULL;
    medins_date given = in.claim.date;
    rc = cli_policies_pick(&policy, &in.claim.date, &pols, given);
    if (rc != 0)
        goto out;
    if (!given) {
        cli_format_date(date_text, in.claim.date);
        assumed[na++] = (cli_assumption){"date", date_text,
            "no --date given: the first day of the latest policy"};
    }

    medins_ledger ledger;
    if (ledger_in) {
        if ((rc = load_ledger(&ledger, ledger_in)) != 0)
            goto out;
    } else {
        medins_ledger_init(&ledger, in.claim.date / 10000);
        assumed[na++] = (cli_assumption){"ledger", "empty",
            "no --ledger given: no earlier claims this year, no carry-over"};
    }

    medins_result *result = NULL;
    medins_error *err = NULL;
    rc = medins_settle(&result, policy, &in.person, &in.claim, &ledger, &err);
    if (rc != 0) {
        rc = cli_report(err, rc, "claim refused");
        goto out;
    }
    /*
     * The result is rendered in memory and shown only once the ledger is saved: a ledger that
     * cannot be written leaves no result behind that a caller could take for a settlement.
     */
    cli_claim_view view = {&in.person, &in.claim, policy, assumed, na};
    char *shown = NULL;
    size_t shown_len = 0;
    FILE *mem = open_memstream(&shown, &shown_len);
    if (!mem) {
        cli_warn("out of memory");
        rc = EXIT_INPUT;
    } else if (json) {
        if (cli_explain_json(mem, &view, result) != 0) {
            cli_warn("cannot make the JSON");
            rc = EXIT_INPUT;
        }
    } else {
        cli_explain_text(mem, &view, result);
    }
    medins_result_free(result);
    if (mem && fclose(mem) != 0 && rc == 0) {
        cli_warn("out of memory");
        rc = EXIT_INPUT;
    }
    if (rc == 0 && ledger_out)
        rc = save_ledger(&ledger, ledger_out);
    if (rc == 0 && (fwrite(shown, 1, shown_len, stdout) != shown_len || fflush(stdout) != 0)) {
        cli_warn("cannot write the result: %s", strerror(errno));
        rc = EXIT_IO;
    }
    free(shown);
out:
    cli_policies_close(&pols);
    return rc;
}
