/* medins refund: a settlement refunded from its record (medins settle --record), days later. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "Usage: medins refund RECORD --ledger FILE [--save-ledger FILE] [--json] [OPTION]...\n"
    "Refund a settlement from its record (written by `medins settle --record RECORD`): the\n"
    "person's ledger is restored as it was before the settlement (the account payment added\n"
    "back to its balance as it is now), and the settlement's amounts are printed negated, as\n"
    "the platform's cancel transactions give them. Only the person's most recent settlement\n"
    "can be refunded: with later ones on the ledger the refund is refused and the message says\n"
    "which to refund first. A record refused, or a ledger it does not fit, changes nothing.\n"
    "\n"
    "  --ledger FILE        the person's ledger as it is now (medins-ledger text); required\n"
    "  --save-ledger FILE   write the restored ledger there (it may be the --ledger file; the\n"
    "                       file is replaced whole, never left half-written)\n"
    "  --json               print the refund as JSON: its claim's id and the settlement's\n"
    "                       figures negated, as `medins settle --json` gives them\n"
    CLI_LANG_HELP
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 refunded, 1 record or ledger refused, 2 usage, 5 I/O error.\n";

enum { OPT_LEDGER = 256, OPT_SAVE_LEDGER, OPT_LANG, OPT_JSON };

int cmd_refund(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"ledger", required_argument, NULL, OPT_LEDGER},
        {"save-ledger", required_argument, NULL, OPT_SAVE_LEDGER},
        {"json", no_argument, NULL, OPT_JSON},
        CLI_LANG_LONGOPT(OPT_LANG),
        {NULL, 0, NULL, 0}
    };
    const char *ledger_in = NULL, *ledger_out = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'h': fputs(help, stdout); return EXIT_OK;
        case OPT_LEDGER: ledger_in = optarg; break;
        case OPT_SAVE_LEDGER: ledger_out = optarg; break;
        case OPT_JSON: break;   /* cli_json, set by main */
        case OPT_LANG:
            if (cli_lang_opt(optarg) != 0)
                return EXIT_USAGE;
            break;
        default:
            return cli_usage_error("invalid option");
        }
    }
    if (optind >= argc)
        return cli_usage_error("no record given: medins refund RECORD --ledger FILE");
    if (optind + 1 < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind + 1]);
    if (!ledger_in)
        return cli_usage_error("a refund needs the person's ledger as it is now: --ledger FILE");
    const char *record_path = argv[optind];

    medins_ledger ledger;
    int rc = cli_load_ledger(&ledger, ledger_in);
    if (rc != 0)
        return rc;
    char *record;
    size_t len;
    if ((rc = cli_read_file(&record, &len, record_path, cli_file_limit())) != 0)
        return rc;
    medins_settlement refund;
    medins_error *err = NULL;
    rc = medins_refund(&refund, &ledger, record, len, &err);
    free(record);
    if (rc != 0) {
        /* A record's own errors at its line and column; the ledger's state is no place in it. */
        return rc == MEDINS_ERR_RECORD ? cli_report_in(err, rc, record_path)
                                       : cli_report(err, rc, "refund refused");
    }
    /* Shown only once the ledger is saved: a refund not kept prints none. */
    if (ledger_out && (rc = cli_save_ledger(&ledger, ledger_out)) != 0)
        return rc;
    if (cli_json) {
        if (cli_json_refund(stdout, &refund) != 0) {
            cli_warn(MEDINS_ERR_NOMEM, "cannot make the JSON");
            return EXIT_IO;
        }
    } else {
        cli_explain_refund(stdout, &refund);
    }
    if (fflush(stdout) != 0) {
        cli_warn(MEDINS_ERR_IO, "cannot write the result: %s", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}
