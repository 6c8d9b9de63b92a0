/* medins: settle claims, run batches and inspect policies from the command line. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: medins COMMAND [OPTION]...\n"
    "Chinese basic medical-insurance benefits, exact to the fen, every figure explained.\n"
    "\n"
    "Commands:\n"
    "  settle              settle one claim and explain each part (rule, values, citation)\n"
    "  refund RECORD       refund a settlement from its record (settle --record), days later\n"
    "  batch               settle a CSV of claims into a CSV of results, ledgers per person\n"
    "  contribution        a resident's or employee's yearly contribution, explained\n"
    "  account             an employee's individual-account credit, explained\n"
    "  maternity           the maternity payment for a delivery, explained\n"
    "  capitation          an institution's per-head payment for a period, explained\n"
    "  policy check FILE   validate policy files: every error as file:line:col: message\n"
    "  policy show REGION DATE   the policy in force, its sources and cited values\n"
    "  policy diff A B     values that differ between two policies (files or ids), cited\n"
    "  policy coverage [ID]  assumed values, per policy\n"
    "\n"
    "Options:\n"
    "  -h, --help          show this help (COMMAND --help: that command's help)\n"
    "  -V, --version       show the library version\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  a claim or input row could not be settled, or the input is malformed\n"
    "  2  usage error\n"
    "  3  policy error: a policy file is invalid, or no policy is in force\n"
    "  4  batch --keep-going: some rows failed, the others were written\n"
    "  5  a file could not be read or written\n"
    "\n"
    "Errors go to standard error, results to standard output; with --json, each is one JSON\n"
    "document (docs/schemas/). See medins(1).\n";

/* The subcommand named cmd; -1 when there is none of that name. */
static int dispatch(const char *cmd, int argc, char **argv)
{
    static char prog[64];
    snprintf(prog, sizeof prog, "medins %s", cmd);
    cli_prog = prog;
    if (strcmp(cmd, "settle") == 0)
        return cmd_settle(argc, argv);
    if (strcmp(cmd, "refund") == 0)
        return cmd_refund(argc, argv);
    if (strcmp(cmd, "batch") == 0)
        return cmd_batch(argc, argv);
    if (strcmp(cmd, "policy") == 0)
        return cmd_policy(argc, argv);
    int rc = cmd_compute(cmd, argc, argv);
    if (rc < 0) {
        cli_prog = "medins";
        rc = cli_usage_error("unknown command '%s'", cmd);
    }
    return rc;
}

int main(int argc, char **argv)
{
    /* --json anywhere before "--" makes every error JSON, the option parsers' own included. */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--json") == 0)
            cli_json = 1;
    if (argc < 2) {
        int rc = cli_usage_error("no command given");
        cli_error_flush();
        return rc;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("medins %s\n", medins_version());
        return EXIT_OK;
    }
    cli_style_init();
    cli_lang_init();
    /* A write beyond the file-size limit must fail with EFBIG, which the command reports and
     * recovers from (the file it replaces keeps its bytes), not kill the process. */
    signal(SIGXFSZ, SIG_IGN);
    int rc = dispatch(cmd, argc - 1, argv + 1);
    cli_error_flush();
    return rc;
}
