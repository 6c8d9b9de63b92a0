/* Helpers every subcommand uses: messages, exit codes, parsing of small values, policies. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const char *cli_prog = "medins";
int cli_json;

static json_t *kept_error;   /* under --json: the run's first error */

json_t *cli_json_error(int code, const char *message, const cli_where *w)
{
    json_t *e = json_object();
    json_object_set_new(e, "code", json_string(medins_status_name(code)));
    json_object_set_new(e, "message", json_string(message));
    json_object_set_new(e, "file", w && w->file ? json_string(w->file) : json_null());
    json_object_set_new(e, "line", w && w->line ? json_integer((json_int_t)w->line) : json_null());
    json_object_set_new(e, "column", w && w->column ? json_integer((json_int_t)w->column) : json_null());
    json_object_set_new(e, "row", w && w->row ? json_integer((json_int_t)w->row) : json_null());
    return e;
}

static void verror(int code, const cli_where *w, const char *fmt, va_list ap)
{
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (cli_json) {
        if (!kept_error)
            kept_error = cli_json_error(code, msg, w);
        return;
    }
    fprintf(stderr, "%s: ", cli_prog);
    if (w && w->file && !w->bare) {
        fputs(w->file, stderr);
        if (w->line)
            fprintf(stderr, ":%lu", w->line);
        if (w->line && w->column)
            fprintf(stderr, ":%lu", w->column);
        fputs(": ", stderr);
    }
    fputs(msg, stderr);
    if (w && w->tagged)
        fprintf(stderr, " [%s]", medins_status_name(code));
    fputc('\n', stderr);
}

void cli_error(int code, const cli_where *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(code, where, fmt, ap);
    va_end(ap);
}

void cli_warn(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(code, NULL, fmt, ap);
    va_end(ap);
}

void cli_warn_file(int code, const char *file, const char *fmt, ...)
{
    va_list ap;
    cli_where w = {.file = file, .bare = 1};
    va_start(ap, fmt);
    verror(code, &w, fmt, ap);
    va_end(ap);
}

void cli_error_keep(json_t *error)
{
    if (!kept_error)
        kept_error = error;
    else
        json_decref(error);
}

json_t *cli_error_take(void)
{
    json_t *e = kept_error;
    kept_error = NULL;
    return e;
}

void cli_error_flush(void)
{
    json_t *e = cli_error_take();
    if (!e)
        return;
    json_t *doc = json_object();
    json_object_set_new(doc, "error", e);
    (void)cli_json_write(stderr, doc);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(MEDINS_ERR_ARGUMENT, NULL, fmt, ap);
    va_end(ap);
    if (!cli_json)
        fprintf(stderr, "Try '%s --help' for more information.\n", cli_prog);
    return EXIT_USAGE;
}

int cli_exit_for(int status)
{
    if (status == MEDINS_OK)
        return EXIT_OK;
    if (status == MEDINS_ERR_IO)
        return EXIT_IO;
    /* Every policy-file code, plus "no policy in force", is the policy's fault, not the claim's. */
    if ((status <= MEDINS_ERR_YAML && status >= MEDINS_ERR_DUPLICATE) || status == MEDINS_ERR_NO_POLICY)
        return EXIT_POLICY;
    return EXIT_INPUT;
}

/* `name` is the file the error is in when `in_file`, else a context for errors with no file. */
static int report(medins_error *err, int status, const char *name, int in_file)
{
    if (err) {
        status = medins_error_code(err);
        cli_where w = {.file = medins_error_file(err), .line = medins_error_line(err),
                       .column = medins_error_column(err), .tagged = 1};
        if (!w.file && in_file)
            w.file = name;
        if (w.file || !name)
            cli_error(status, &w, "%s", medins_error_message(err));
        else
            cli_error(status, &w, "%s: %s", name, medins_error_message(err));
        medins_error_free(err);
    } else {
        cli_error(status, &(cli_where){.tagged = 1}, "%s%s%s", name ? name : "", name ? ": " : "",
                  medins_status_describe(status));
    }
    return cli_exit_for(status);
}

int cli_report(medins_error *err, int status, const char *context)
{
    return report(err, status, context, 0);
}

int cli_report_in(medins_error *err, int status, const char *file)
{
    return report(err, status, file, 1);
}

size_t cli_nul_at(const char *p, size_t n)
{
    const char *z = memchr(p, '\0', n);
    return z ? (size_t)(z - p) + 1 : 0;
}

int cli_parse_date(medins_date *out, const char *t, size_t n)
{
    return medins_date_parse(out, t, n, NULL) == 0 ? 0 : -1;
}

void cli_format_date(char buf[11], medins_date d)
{
    if (d <= 0 || d > 99991231) {
        strcpy(buf, "-");
        return;
    }
    snprintf(buf, 11, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100), (int)(d % 100));
}

const char *cli_yuan(char buf[24], medins_fen amount)
{
    if (medins_money_format(buf, 24, amount) < 0)
        strcpy(buf, "?");
    return buf;
}

int cli_parse_int64(int64_t *out, const char *t, size_t n)
{
    const char *end = t + n;
    int neg = n > 0 && *t == '-';
    uint64_t v = 0;
    t += neg;
    if (t == end)
        return -1;
    for (; t < end; t++) {
        if (*t < '0' || *t > '9' || v > (uint64_t)INT64_MAX / 10)
            return -1;
        v = v * 10 + (uint64_t)(*t - '0');
    }
    if (v > (uint64_t)INT64_MAX)
        return -1;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 0;
}

_Static_assert(MEDINS_CLAIM_DAYS_MAX == 366, "CLI_DAYS_WHY names the most days");

int cli_parse_days(uint32_t *out, const char *t, size_t n)
{
    int64_t v = 0;
    if (cli_parse_int64(&v, t, n) != 0 || v < 1 || v > MEDINS_CLAIM_DAYS_MAX)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* The library's message for a failed parse (or its status's description) into msg. */
static int parse_failed(int rc, medins_error *err, char *msg, size_t msz)
{
    if (rc != 0)
        snprintf(msg, msz, "%s", err ? medins_error_message(err) : medins_status_describe(rc));
    medins_error_free(err);
    return rc;
}

int cli_parse_word(int *out, medins_words words, const char *text, size_t n, char *msg, size_t msz)
{
    medins_error *err = NULL;
    int rc = medins_word_parse(out, words, text, n, &err);
    return parse_failed(rc, err, msg, msz);
}

int cli_parse_amount(medins_fen *out, const char *text, size_t n, char *msg, size_t msz)
{
    medins_error *err = NULL;
    int rc = medins_money_parse_n(out, text, n, &err);
    return parse_failed(rc, err, msg, msz);
}

int cli_parse_groups(uint32_t *out, const char *text, size_t len, char *msg, size_t msz)
{
    medins_error *err = NULL;
    int rc = medins_groups_parse(out, text, len, &err);
    return parse_failed(rc, err, msg, msz);
}

/* ---- Policies ------------------------------------------------------------------------ */

int cli_policy_opt(cli_policy_opts *opts, int opt, const char *arg)
{
    switch (opt) {
    case 'P': opts->file = arg; return 1;
    case 'D': opts->dir = arg; return 1;
    case 'R': opts->region = arg; return 1;
    default: return 0;
    }
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A policy that cannot be read is an I/O error (5); one that is read and refused, or not found,
 * is the policy's (3), whatever the code. */
static int policy_failed(int rc)
{
    return rc == EXIT_IO ? EXIT_IO : EXIT_POLICY;
}

int cli_policy_named(const medins_policy **out, medins_policy **owned, const medins_policy_set *set,
                     const char *name)
{
    medins_error *err = NULL;
    *owned = NULL;
    const medins_policy *p = is_file(name) ? NULL : medins_policy_set_get(set, name);
    if (p) {
        *out = p;
        return 0;
    }
    /* What is not an id is a file: a name ending in .yaml, or starting as a path does. */
    size_t n = strlen(name);
    int path_like = (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || name[0] == '/' || name[0] == '.';
    if (!is_file(name) && !path_like) {
        /* Neither a file nor a policy id: say which ids there are. */
        char ids[1024] = "";
        size_t len = 0;
        for (size_t i = 0; i < medins_policy_set_count(set) && len < sizeof ids; i++)
            len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s", i ? ", " : "",
                                    medins_policy_id(medins_policy_set_at(set, i)));
        cli_warn(MEDINS_ERR_NO_POLICY, "no policy with id '%s' and no such file (the ids: %s)", name, ids);
        return EXIT_POLICY;
    }
    int rc = medins_policy_load_file(owned, name, set, NULL, &err);
    if (rc != 0)
        return policy_failed(cli_report(err, rc, name));
    *out = *owned;
    return 0;
}

int cli_policies_open(cli_policies *p, const cli_policy_opts *opts)
{
    medins_error *err = NULL;
    int rc;
    memset(p, 0, sizeof *p);
    if (opts->dir) {
        rc = medins_policy_set_new(&p->set, &err);
        if (rc == 0)
            rc = medins_policy_set_add_dir(p->set, opts->dir, NULL, &err);
    } else {
        rc = medins_policy_set_open_embedded(&p->set, &err);
    }
    if (rc != 0) {
        cli_policies_close(p);
        return policy_failed(cli_report(err, rc, opts->dir));
    }
    if (opts->file && (rc = cli_policy_named(&p->single, &p->owned, p->set, opts->file)) != 0) {
        cli_policies_close(p);
        return rc;
    }
    p->region = opts->region ? opts->region
              : p->single ? medins_policy_region(p->single) : medins_default_region();
    return 0;
}

void cli_policies_close(cli_policies *p)
{
    medins_policy_free(p->owned);
    medins_policy_set_free(p->set);
    p->owned = NULL;
    p->single = NULL;
    p->set = NULL;
}

/* Words of the policy in force on `date`, read by `parse` into bits. */
static int parse_policy_words(int (*parse)(const medins_policy *, const char *, size_t,
                                           uint32_t *, medins_error **),
                              uint32_t *out, const cli_policies *p, medins_date date,
                              const char *text, size_t len, char *msg, size_t msz)
{
    const medins_policy *q = p->single;
    medins_error *err = NULL;
    int rc = q ? 0 : medins_policy_set_lookup(&q, p->set, p->region, date, &err);
    if (rc == 0)
        rc = parse(q, text, len, out, &err);
    return parse_failed(rc, err, msg, msz);
}

int cli_parse_attributes(uint32_t *out, const cli_policies *p, medins_date date,
                         const char *text, size_t len, char *msg, size_t msz)
{
    return parse_policy_words(medins_policy_attributes_parse, out, p, date, text, len, msg, msz);
}

int cli_parse_cohorts(uint32_t *out, const cli_policies *p, medins_date date, const char *text,
                      size_t len, char *msg, size_t msz)
{
    return parse_policy_words(medins_policy_cohorts_parse, out, p, date, text, len, msg, msz);
}

int32_t cli_benefit_year(const cli_policies *p, medins_date date)
{
    const medins_policy *q = p->single;
    if (!q && medins_policy_set_lookup(&q, p->set, p->region, date, NULL) != 0)
        q = NULL;
    const int32_t year = medins_policy_benefit_year(q, date);
    return year ? year : date / 10000;
}

int cli_policies_pick(const medins_policy **out, medins_date *date_used,
                      const cli_policies *p, medins_date date)
{
    medins_error *err = NULL;
    char d[11];
    if (p->single) {
        if (date == 0)
            date = medins_policy_effective_from(p->single);
        else if (!medins_policy_in_force(p->single, date)) {
            cli_format_date(d, date);
            cli_warn(MEDINS_ERR_NO_POLICY, "%s is not in force on %s", medins_policy_id(p->single), d);
            return EXIT_POLICY;
        }
        *out = p->single;
        *date_used = date;
        return 0;
    }
    if (date == 0) {
        /* The latest policy of the region: the one in force on the latest first day. */
        for (size_t i = 0; i < medins_policy_set_count(p->set); i++) {
            const medins_policy *q = medins_policy_set_at(p->set, i);
            if (strcmp(medins_policy_region(q), p->region) == 0
                && medins_policy_effective_from(q) > date)
                date = medins_policy_effective_from(q);
        }
        if (date == 0) {
            cli_warn(MEDINS_ERR_NO_POLICY, "no policy for region '%s'", p->region);
            return EXIT_POLICY;
        }
    }
    int rc = medins_policy_set_lookup(out, p->set, p->region, date, &err);
    if (rc != 0)
        return cli_report(err, rc, p->region);
    *date_used = date;
    return 0;
}

/* ---- Styling ------------------------------------------------------------------------- */

const char *cli_bold = "", *cli_dim = "", *cli_yellow = "", *cli_red = "", *cli_reset = "";

int cli_color(void)
{
    const char *nc = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(nc && *nc);
}

void cli_style_init(void)
{
    if (!cli_color())
        return;
    cli_bold = "\033[1m";
    cli_dim = "\033[2m";
    cli_yellow = "\033[33m";
    cli_red = "\033[31m";
    cli_reset = "\033[0m";
}

/* ---- Person fields, shared by the commands that take a person ------------------------ */

static const char *const person_fields[] = {
    "scheme", "category", "tier", "birth_date", "groups", "family_doctor", "retirement_date",
    "sex", "contribution_years", "contribution_months", "cohorts",
};

int cli_is_person_field(const char *key)
{
    for (size_t i = 0; i < sizeof person_fields / sizeof person_fields[0]; i++)
        if (!strcmp(key, person_fields[i]))
            return 1;
    return 0;
}

int cli_person_field(medins_person *p, int *have_category, const char *key, const char *val,
                     size_t n, char *msg, size_t msz)
{
    char why[400] = "";
    int rc, v;
    size_t nul = cli_nul_at(val, n);
    if (nul) {
        /* The library's parsers read up to a NUL: the text after it would be lost. */
        snprintf(msg, msz, "%s: a NUL byte at byte %zu", key, nul);
        return -1;
    }
    if (!strcmp(key, "scheme")) {
        if ((rc = cli_parse_word(&v, MEDINS_WORDS_SCHEME, val, n, why, sizeof why)) == 0)
            p->scheme = (medins_scheme)v;
        /* A resident's category defaults to adult, an employee's to in service. */
        if (rc == 0 && !*have_category)
            p->category = p->scheme == MEDINS_SCHEME_RESIDENT ? MEDINS_CATEGORY_ADULT
                                                             : MEDINS_CATEGORY_IN_SERVICE;
    } else if (!strcmp(key, "category")) {
        if ((rc = cli_parse_word(&v, MEDINS_WORDS_CATEGORY, val, n, why, sizeof why)) == 0)
            p->category = (medins_category)v;
        *have_category = 1;
    } else if (!strcmp(key, "tier")) {
        if ((rc = cli_parse_word(&v, MEDINS_WORDS_TIER, val, n, why, sizeof why)) == 0)
            p->tier = (medins_tier)v;
    } else if (!strcmp(key, "birth_date")) {
        rc = cli_parse_date(&p->birth_date, val, n);
    } else if (!strcmp(key, "groups")) {
        rc = cli_parse_groups(&p->groups, val, n, why, sizeof why);
    } else if (!strcmp(key, "family_doctor")) {
        rc = cli_parse_int64(&p->family_doctor, val, n);
    } else if (!strcmp(key, "retirement_date")) {
        rc = cli_parse_date(&p->retirement_date, val, n);
    } else if (!strcmp(key, "sex")) {
        if ((rc = cli_parse_word(&v, MEDINS_WORDS_SEX, val, n, why, sizeof why)) == 0)
            p->sex = (medins_sex)v;
    } else if (!strcmp(key, "contribution_years") || !strcmp(key, "contribution_months")) {
        /* Whole years, or months; the library checks the range (0 to 150 years). */
        const int64_t per = key[13] == 'y' ? 12 : 1;
        int64_t k = 0;
        if ((rc = cli_parse_int64(&k, val, n)) == 0 && (k < 0 || k > 1800 / per)) {
            snprintf(why, sizeof why, "'%.*s' is not 0 to %d", (int)n, val, (int)(1800 / per));
            rc = -1;
        }
        if (rc == 0)
            p->contribution_months = (int32_t)(k * per);
    } else {
        return 1;
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

void cli_option_key(char *key, size_t size, const char *name)
{
    size_t k = 0;
    for (; name[k] && k + 1 < size; k++)
        key[k] = name[k] == '-' ? '_' : name[k];
    key[k] = '\0';
}
