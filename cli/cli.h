/*
 * The medins command: what its subcommands share (exit codes, policy options, output helpers).
 * Written against the public headers only, like any other program using the library.
 */
#ifndef MEDINS_CLI_H
#define MEDINS_CLI_H

#include <stdio.h>
#include <time.h>

#include <jansson.h>

#include "medins.h"

#if defined(__GNUC__)
#  define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define CLI_PRINTF(a, b)
#endif

/* Exit codes: documented in docs/medins.1 and `medins --help`; scripts rely on them. */
enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,    /* a claim or row could not be settled, or its input is malformed */
    EXIT_USAGE = 2,    /* bad command line */
    EXIT_POLICY = 3,   /* a policy file is invalid, or no policy is in force */
    EXIT_PARTIAL = 4,  /* batch --keep-going: some rows failed, the others were written */
    EXIT_IO = 5        /* a file could not be read or written */
};

extern const char *cli_prog;   /* "medins", or "medins settle" once a subcommand is chosen */
/* Set by main when --json is among the arguments: errors are then one JSON document. */
extern int cli_json;

/*
 * Where an error is. Text: "prog: FILE:LINE:COL: message [CODE]", each part when known (line and
 * column 0 are unknown), the code when `tagged`; `bare` when the message names the file itself.
 * JSON (under --json): {"error": {"code", "message", "file", "line", "column", "row"}}, null
 * where unknown; `row` is a CSV record's number among the data rows.
 */
typedef struct cli_where {
    const char *file;
    unsigned long line, column, row;
    int tagged, bare;
} cli_where;

/*
 * Report an error: on stderr at once as text; under --json the first error of the run is kept
 * and printed by cli_error_flush (a command's one JSON document on stderr). `where` may be NULL.
 */
void cli_error(int code, const cli_where *where, const char *fmt, ...) CLI_PRINTF(3, 4);
/* The same without a place (out of memory...), and for a message that names its file. */
void cli_warn(int code, const char *fmt, ...) CLI_PRINTF(2, 3);
void cli_warn_file(int code, const char *file, const char *fmt, ...) CLI_PRINTF(3, 4);
/* Under --json: print the error kept, if any, as {"error": {...}} on stderr. */
void cli_error_flush(void);
/* Under --json: the error kept (the caller's now, to put in its own document), or NULL. */
json_t *cli_error_take(void);
/* Under --json: keep `error` (an object of cli_json_error, taken over) unless one is kept. */
void cli_error_keep(json_t *error);
/* The "error" object of the JSON documents. */
json_t *cli_json_error(int code, const char *message, const cli_where *where);
/* Print a usage error and a hint to --help; returns EXIT_USAGE. JSON: MEDINS_ERR_ARGUMENT. */
int cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);
/*
 * Print a library error ("file:line:col: message [MEDINS_ERR_X]" when it has a position),
 * free it, and return the exit code its status maps to (policy errors 3, I/O 5, others 1).
 * `context` (may be NULL) prefixes the message when the error has no file of its own.
 */
int cli_report(medins_error *err, int status, const char *context);
/* The same for an error in the text of `file` (a ledger read from it): its line and column,
 * when the error has them, are printed as file:line:col. */
int cli_report_in(medins_error *err, int status, const char *file);
/* The exit code for a library status, as above. */
int cli_exit_for(int status);

/*
 * Text is carried with its length: the parsers below read exactly n bytes, so that a NUL
 * inside a value is an error, never its end. cli_nul_at gives the 1-based byte of the first
 * NUL in the n bytes at p, or 0; text handed to a library parser that reads up to a NUL is
 * tested with it first.
 */
size_t cli_nul_at(const char *p, size_t n);
/* Dates: "2023-06-01" or "20230601" (medins_date_parse); 0 on success, -1 when not a calendar
 * date. */
int cli_parse_date(medins_date *out, const char *text, size_t n);
/* Writes "2023-06-01" (11 bytes with the NUL). */
void cli_format_date(char buf[11], medins_date date);
/* Yuan with two decimals; returns buf. buf must hold 24 bytes. */
const char *cli_yuan(char buf[24], medins_fen amount);
/* Parses "12" / "-3" into a long long; 0 or -1. */
int cli_parse_int64(int64_t *out, const char *text, size_t n);
/* A claim's bed-days, 1 to MEDINS_CLAIM_DAYS_MAX: 0, or -1 (*out untouched). */
#define CLI_DAYS_WHY "is not a number of days from 1 to 366"
int cli_parse_days(uint32_t *out, const char *text, size_t n);
/* A word of `words` as the library reads it (any case, or the Chinese name), from n bytes;
 * 0, or the library's status with its message (which lists the words) in msg. */
int cli_parse_word(int *out, medins_words words, const char *text, size_t n, char *msg, size_t msz);
/* An amount in yuan, as cli_parse_word: "thousands separators are not allowed"... in msg. */
int cli_parse_amount(medins_fen *out, const char *text, size_t n, char *msg, size_t msz);
/* Groups written as "dibao|disabled" (medins_groups_parse); 0, or the library's status with its
 * message in msg. */
int cli_parse_groups(uint32_t *out, const char *text, size_t n, char *msg, size_t msz);

/* Person fields by name (scheme, category, tier, birth_date, groups, family_doctor), from the
 * n bytes at val (NUL-terminated after them): 0 set, -1 invalid (message in msg; a NUL inside
 * val is invalid whatever the key), 1 not a person field. */
int cli_person_field(medins_person *p, int *have_category, const char *key, const char *val,
                     size_t n, char *msg, size_t msz);
int cli_is_person_field(const char *key);
#define CLI_PERSON_LONGOPTS(val) \
    {"scheme", required_argument, NULL, val}, \
    {"category", required_argument, NULL, val}, \
    {"tier", required_argument, NULL, val}, \
    {"birth-date", required_argument, NULL, val}, \
    {"groups", required_argument, NULL, val}, \
    {"family-doctor", required_argument, NULL, val}, \
    {"retirement-date", required_argument, NULL, val}, \
    {"sex", required_argument, NULL, val}, \
    {"contribution-years", required_argument, NULL, val}, \
    {"contribution-months", required_argument, NULL, val}
#define CLI_PERSON_HELP \
    "Person:\n" \
    "  --scheme SCHEME      employee (default) | resident\n" \
    "  --category CAT       in_service (default for employees) | retired | adult (default for\n" \
    "                       residents) | student_child\n" \
    "  --tier TIER          residents: low | middle | high\n" \
    "  --birth-date DATE    needed where the policy reads the age (a retiree's band):\n" \
    "                       without it such a claim is refused\n" \
    "  --groups LIST        special groups, e.g. dibao|disabled\n" \
    "  --family-doctor ID   institution of the family-doctor contract\n" \
    "  --retirement-date DATE, --sex male|female, --contribution-years N (or\n" \
    "  --contribution-months N)  needed where the policy's rows read them (a retiree's\n" \
    "                       years, 老人 who retired before a date): without them such a\n" \
    "                       claim is refused\n"
#define CLI_WORDS_HELP \
    "Words may be written in any case, or by their Chinese names (住院, 三级, 在职, 居民...).\n"
/* An option's long name with '-' read as '_' ("birth-date" -> "birth_date"). */
void cli_option_key(char *key, size_t size, const char *name);

/* ---- Files ------------------------------------------------------------------------------ */

/*
 * Read the whole of `path` ("-" = standard input) into a new buffer (*out, *len; free() it),
 * refusing more than `limit` bytes. The buffer has a NUL after the last byte, but the text may
 * hold NULs of its own: go by *len. Returns 0, EXIT_IO (cannot open or read) or EXIT_INPUT
 * (beyond the limit, out of memory), after printing the error.
 */
int cli_read_file(char **out, size_t *len, const char *path, size_t limit);
/* The limit on a document read whole (a claim, a ledger): the policy loader's default
 * (medins_load_options.max_file_size). */
size_t cli_file_limit(void);

/*
 * A file being replaced. Every file the command writes goes through this: the bytes go to a
 * temporary file in the target's folder, which cli_out_commit flushes to disk (fsync) and
 * renames over the target, so that the target holds either its old bytes or all the new ones,
 * never a part. cli_out_abort (or a failed commit) removes the temporary and leaves the target
 * as it was. A target that exists and is not a regular file (a device, a pipe: -o /dev/stdout)
 * is written directly. A symbolic link is kept; the file it names is replaced.
 */
typedef struct cli_out {
    const char *path;   /* as given, for messages */
    char *target;       /* the file a symbolic link names, or NULL */
    char *tmp;          /* the temporary, or NULL when writing directly */
    int fd;
    int failed;         /* errno of the first failed write, or 0 */
} cli_out;

/* 0, or an exit code after printing the error. */
int cli_out_open(cli_out *o, const char *path);
/* 0, or -1 once a write has failed (o->failed; later writes do nothing; the commit reports it). */
int cli_out_write(cli_out *o, const void *p, size_t n);
/* Flush, sync and rename into place; 0, or EXIT_IO after printing the error and aborting. */
int cli_out_commit(cli_out *o);
/* Close and remove the temporary: the target keeps its old bytes. */
void cli_out_abort(cli_out *o);
/* The three in one: replace `path` by the n bytes at p. 0 or an exit code. */
int cli_write_file(const char *path, const void *p, size_t n);

/* A ledger read from the medins-ledger text in `path` (errors at its line and column), and
 * written there atomically: 0, or an exit code after printing the error. */
int cli_load_ledger(medins_ledger *ledger, const char *path);
int cli_save_ledger(const medins_ledger *ledger, const char *path);

/* ---- Choosing policies --------------------------------------------------------------- */

/* --policy FILE / --policies DIR / --region NAME, common to settle, batch and policy show. */
typedef struct cli_policy_opts {
    const char *file;
    const char *dir;
    const char *region;
} cli_policy_opts;

/* The policies a command computes with: a set (embedded or a directory), or one policy. */
typedef struct cli_policies {
    medins_policy_set *set;        /* always present: bases for a single file resolve in it */
    const medins_policy *single;   /* --policy FILE|ID, or NULL */
    medins_policy *owned;          /* single when it was loaded from a file */
    const char *region;
} cli_policies;

/* Open what the options ask for; returns 0 or an exit code (after printing the error). */
int cli_policies_open(cli_policies *p, const cli_policy_opts *opts);
void cli_policies_close(cli_policies *p);
/*
 * A policy named as a user names one, the same for --policy, `policy diff` and `policy
 * coverage`: a file (loaded, its base resolving in `set`; *owned to free), or the id of a
 * policy of `set` ("tianjin/2023", "reforms/tianjin-2023-l3-plus5", as `policy check` prints
 * ids). Returns 0, or after printing the error 5 (a file that cannot be read: a name ending in
 * .yaml or starting with '/' or '.' is taken for a file) or 3 (a policy refused, or no such file
 * and no such id, with the ids listed).
 */
int cli_policy_named(const medins_policy **out, medins_policy **owned, const medins_policy_set *set,
                     const char *name);
/*
 * The policy for a claim dated `date`. When date is 0 the latest policy of the region is used
 * and *date_used is set to its first day (a deterministic choice, reported as an assumption).
 * Returns 0 or an exit code (after printing the error).
 */
int cli_policies_pick(const medins_policy **out, medins_date *date_used,
                      const cli_policies *p, medins_date date);

/*
 * The benefit year of a claim dated `date` (the `year` of a ledger opened for it): under the
 * policy in force on that date, or the calendar year when none is (the settlement then says
 * why). Prints nothing.
 */
int32_t cli_benefit_year(const cli_policies *p, medins_date date);
/* A claim's attributes (`referred|out_of_region`) as the policy in force on `date` names them;
 * 0, or non-zero with the library's message in msg. */
int cli_parse_attributes(uint32_t *out, const cli_policies *p, medins_date date,
                         const char *text, size_t len, char *msg, size_t msz);
/* A person's groups (`model_worker`) as the policy in force on `date` names them (its
 * person_groups); as cli_parse_attributes. */
int cli_parse_cohorts(uint32_t *out, const cli_policies *p, medins_date date, const char *text,
                      size_t len, char *msg, size_t msz);

/* Recognise --policy/--policies/--region in a getopt_long loop: option values 'P', 'D', 'R'. */
#define CLI_POLICY_LONGOPTS \
    {"policy", required_argument, NULL, 'P'}, \
    {"policies", required_argument, NULL, 'D'}, \
    {"region", required_argument, NULL, 'R'}
#define CLI_POLICY_HELP \
    "Policy:\n" \
    "  --policy FILE|ID   compute with this policy file (its base resolves in the shipped set),\n" \
    "                     or the policy of that id (tianjin/2023, reforms/tianjin-2023-l3-plus5)\n" \
    "  --policies DIR     use the *.yaml policies below DIR instead of the shipped ones\n" \
    "  --region NAME      region to look up (default: the library's default region)\n"
/* Returns 1 when opt was a policy option and was stored. */
int cli_policy_opt(cli_policy_opts *opts, int opt, const char *arg);

/* ---- Progress of long work (progress.c) ----------------------------------------------- */

/*
 * Drawn on standard error only when it is a terminal (and the command was not asked to be
 * quiet), ten times a second at most, and cleared at the end: output files and pipes never see it.
 */
typedef struct cli_progress {
    int on, drawn;
    struct timespec start;
    double next;              /* seconds from the start at which to draw again */
} cli_progress;

void cli_progress_start(cli_progress *p, int quiet);
/* Seconds since the start. */
double cli_progress_seconds(const cli_progress *p);
/* "[#####.....]  42%  <what>  0:12 left"; fraction 0 to 1, or negative when the whole is
 * unknown (then only <what>). */
void cli_progress_show(cli_progress *p, double fraction, const char *fmt, ...) CLI_PRINTF(3, 4);
void cli_progress_end(cli_progress *p);

/* ---- Terminal styling ---------------------------------------------------------------- */

/* Non-zero when stdout is a terminal and NO_COLOR is unset. */
int cli_color(void);
extern const char *cli_bold, *cli_dim, *cli_yellow, *cli_red, *cli_reset;
void cli_style_init(void);

/* ---- Subcommands: argc/argv start at the subcommand's name ----------------------------- */

int cmd_settle(int argc, char **argv);
int cmd_refund(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_policy(int argc, char **argv);
/* contribution, account, maternity, capitation; -1 when `name` is none of them. */
int cmd_compute(const char *name, int argc, char **argv);

/* ---- Explanation rendering (explain.c) ------------------------------------------------- */

/* An assumption the command made itself (a default date, an empty ledger...). */
typedef struct cli_assumption {
    const char *what;    /* "date" */
    const char *value;   /* "2023-01-01" */
    const char *why;     /* "no --date given: the first day of the latest policy" */
    const char *why_zh;  /* the same in Chinese, or NULL */
} cli_assumption;

/*
 * The language explanations are written in: the locale's (cli_lang_init: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set; one starting "zh" is Chinese, any other English), or the
 * one --lang names (cli_lang_opt: 0, or EXIT_USAGE after the message).
 */
extern medins_lang cli_lang;
void cli_lang_init(void);
int cli_lang_opt(const char *arg);
#define CLI_LANG_LONGOPT(val) {"lang", required_argument, NULL, val}
#define CLI_LANG_HELP \
    "  --lang zh|en         the language of the explanation (default: the locale's, from\n" \
    "                       LC_ALL, LC_MESSAGES or LANG: zh... is Chinese, any other English)\n"

typedef struct cli_claim_view {
    const medins_person *person;
    const medins_claim *claim;
    const medins_policy *policy;
    const cli_assumption *assumptions;
    size_t n_assumptions;
} cli_claim_view;

void cli_explain_text(FILE *out, const cli_claim_view *v, const medins_result *result);
/* A refund's figures (the settlement's negated), in cli_lang. */
void cli_explain_refund(FILE *out, const medins_settlement *refund);
/* The pieces every explained result shares: the person, the policy, the lines, the assumptions. */
void cli_print_person(FILE *out, const medins_person *p, medins_date on);
void cli_print_policy(FILE *out, const medins_policy *policy);
void cli_print_lines(FILE *out, const medins_result *result);
void cli_print_assumed(FILE *out, const medins_result *result, const cli_assumption *mine, size_t n_mine);
/* A figures row: "  label ..... text", and one whose text is an amount ("1234.56"). */
void cli_print_row(FILE *out, const char *label, const char *text);
void cli_print_figure(FILE *out, const char *label, medins_fen amount);

/* JSON: amounts as "1234.56" plus "<key>_fen": 123456; ratios as "55%"; dates "2023-06-01". */
void cli_json_money(json_t *obj, const char *key, medins_fen amount);
void cli_json_ratio(json_t *obj, const char *key, medins_bp ratio);
void cli_json_date(json_t *obj, const char *key, medins_date date);
/* A policy's value: path, text, source, at, assumed, file, line, column. */
json_t *cli_json_value(const medins_value *val);
/* policy, person (when not NULL), lines, lang, steps (the trace, with texts in cli_lang),
 * assumed and command_assumptions; add the figures. */
json_t *cli_json_result(const medins_result *result, const medins_policy *policy,
                        const medins_person *person, const cli_assumption *mine, size_t n_mine);
/* Dump with indentation and release root; 0 or -1. */
int cli_json_write(FILE *out, json_t *root);
/* Returns 0, or -1 when the JSON could not be built or written. */
int cli_explain_json(FILE *out, const cli_claim_view *v, const medins_result *result);
/* A settlement's figures as the "settlement" object (docs/schemas/common.schema.json), the
 * supplementary fund's payment when `supplementary`. */
json_t *cli_json_figures(const medins_settlement *s, int supplementary);
/* A refund's document (docs/schemas/refund.schema.json): its claim and negated figures; 0 or
 * -1, as cli_explain_json. */
int cli_json_refund(FILE *out, const medins_settlement *refund);

#endif
