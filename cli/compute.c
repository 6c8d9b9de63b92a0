/* medins contribution | account | maternity | capitation: the other explained computations. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"

/* What every one of these commands takes: a person, a date, the policy options, --json. */
typedef struct common_args {
    medins_person person;
    int have_category;
    medins_date date;
    int json;
    cli_policy_opts popts;
} common_args;

enum { OPT_PERSON = 256, OPT_DATE, OPT_JSON, OPT_LANG, OPT_OWN };

#define COMMON_LONGOPTS \
    {"help", no_argument, NULL, 'h'}, \
    {"date", required_argument, NULL, OPT_DATE}, \
    {"json", no_argument, NULL, OPT_JSON}, \
    CLI_LANG_LONGOPT(OPT_LANG), \
    CLI_PERSON_LONGOPTS(OPT_PERSON), \
    CLI_POLICY_LONGOPTS

#define COMMON_HELP \
    "  --date DATE          the date it is for (default: first day of the latest policy)\n" \
    "  --json               print the result as JSON\n" \
    CLI_LANG_HELP \
    "  -h, --help           show this help\n" \
    CLI_WORDS_HELP

/* Handle an option every command shares. 1 handled, 0 not ours, or an exit code (> 1) after an error. */
static int common_opt(common_args *a, int opt, const char *name, const char *arg, const char *help)
{
    char key[32], msg[256];
    if (cli_policy_opt(&a->popts, opt, arg))
        return 1;
    switch (opt) {
    case 'h':
        fputs(help, stdout);
        exit(EXIT_OK);
    case OPT_DATE:
        if (cli_parse_date(&a->date, arg, strlen(arg)) != 0)
            return cli_usage_error("--date: '%s' is not a date (2023-06-01)", arg);
        return 1;
    case OPT_JSON:
        a->json = 1;
        return 1;
    case OPT_LANG:
        return cli_lang_opt(arg) == 0 ? 1 : EXIT_USAGE;
    case OPT_PERSON:
        cli_option_key(key, sizeof key, name);
        if (cli_person_field(&a->person, &a->have_category, key, arg, strlen(arg), msg, sizeof msg) != 0)
            return cli_usage_error("--%s", msg);
        return 1;
    default:
        return 0;
    }
}

static int amount_opt(medins_fen *out, const char *name, const char *arg)
{
    char why[400];
    if (cli_parse_amount(out, arg, strlen(arg), why, sizeof why) != 0)
        return cli_usage_error("--%s: %s", name, why);
    return 0;
}

/* An option naming a word of `words`: the value, or an exit code after the library's message. */
static int word_opt(int *out, medins_words words, const char *name, const char *arg)
{
    char why[400];
    if (cli_parse_word(out, words, arg, strlen(arg), why, sizeof why) != 0)
        return cli_usage_error("--%s: %s", name, why);
    return 0;
}

static int int_opt(int32_t *out, const char *name, const char *arg, int64_t lo, int64_t hi)
{
    int64_t v;
    if (cli_parse_int64(&v, arg, strlen(arg)) != 0 || v < lo || v > hi)
        return cli_usage_error("--%s: '%s' is not a whole number from %lld to %lld", name, arg,
                               (long long)lo, (long long)hi);
    *out = (int32_t)v;
    return 0;
}

/* Open the policies and pick the one for a->date (or the latest); records the date assumption. */
static int open_policy(cli_policies *pol, const medins_policy **policy, common_args *a,
                       cli_assumption *assumed, size_t *na, char date_text[11])
{
    int rc = cli_policies_open(pol, &a->popts);
    if (rc != 0)
        return rc;
    medins_date given = a->date;
    if ((rc = cli_policies_pick(policy, &a->date, pol, given)) != 0) {
        cli_policies_close(pol);
        return rc;
    }
    if (!given) {
        cli_format_date(date_text, a->date);
        assumed[(*na)++] = (cli_assumption){"date", date_text,
            "no --date given: the first day of the latest policy",
            "未给出 --date：取最新政策的第一天"};
    }
    return 0;
}

/*
 * One command: its options beyond the common ones, the computation, and how its figures are
 * shown. `in` is the command's own input record, filled by own_opt and read by compute.
 */
typedef struct command {
    const struct option *longopts;
    const char *help;
    /* One OPT_OWN option by long name (arg is optarg, which may be split in place): 0, or an
     * exit code after printing the error. */
    int (*own_opt)(void *in, const char *name, char *arg);
    /* After the options: what they must add up to; 0 or an exit code. May be NULL. */
    int (*check)(common_args *a, void *in);
    int (*compute)(medins_result **out, const medins_policy *policy, const common_args *a,
                   const void *in, medins_error **err);
    const char *refused;        /* context of the message when the library refuses */
    const char *title;          /* first line of the text output, followed by " on DATE" */
    int show_person;
    void (*text)(FILE *out, const medins_result *r);
    json_t *(*json)(const medins_result *r);
} command;

static int parse_options(common_args *a, const command *c, void *in, int argc, char **argv)
{
    int opt, idx, rc;
    optind = 1;
    /* getopt_long sets idx for long options only: -h leaves it at -1. */
    for (idx = -1; (opt = getopt_long(argc, argv, "h", c->longopts, &idx)) != -1; idx = -1) {
        const char *name = opt == '?' || idx < 0 ? "" : c->longopts[idx].name;
        if ((rc = common_opt(a, opt, name, optarg, c->help)) == 1)
            continue;
        if (rc > 1)
            return rc;
        if (opt != OPT_OWN)
            return cli_usage_error("invalid option");
        if ((rc = c->own_opt(in, name, optarg)) != 0)
            return rc;
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    return c->check ? c->check(a, in) : 0;
}

/* Print (text or JSON) the result; frees it. */
static int finish(const common_args *a, const command *c, medins_result *result,
                  const medins_policy *policy, const cli_assumption *assumed, size_t na)
{
    const medins_person *person = c->show_person ? &a->person : NULL;
    int rc = EXIT_OK;
    if (a->json) {
        json_t *root = cli_json_result(result, policy, person, assumed, na);
        cli_json_date(root, "date", a->date);
        json_object_set_new(root, "figures", c->json(result));
        if (cli_json_write(stdout, root) != 0)
            rc = EXIT_IO;
    } else {
        char d[11];
        cli_format_date(d, a->date);
        printf("%s%s%s on %s\n", cli_bold, c->title, cli_reset, d);
        if (person)
            cli_print_person(stdout, person, a->date);
        cli_print_policy(stdout, policy);
        cli_print_lines(stdout, result);
        c->text(stdout, result);
        cli_print_assumed(stdout, result, assumed, na);
    }
    medins_result_free(result);
    if (fflush(stdout) != 0)
        rc = EXIT_IO;
    return rc;
}

/* Options, policy, computation, output: the whole of a command. Returns its exit code. */
static int run_command(const command *c, void *in, int argc, char **argv)
{
    common_args a = {0};
    medins_person_init(&a.person);
    int rc = parse_options(&a, c, in, argc, argv);
    if (rc != 0)
        return rc;

    cli_policies pol;
    const medins_policy *policy;
    cli_assumption assumed[1];
    size_t na = 0;
    char d[11];
    if ((rc = open_policy(&pol, &policy, &a, assumed, &na, d)) != 0)
        return rc;
    medins_result *result = NULL;
    medins_error *err = NULL;
    rc = c->compute(&result, policy, &a, in, &err);
    if (rc != 0)
        rc = cli_report(err, rc, c->refused);
    else
        rc = finish(&a, c, result, policy, assumed, na);
    cli_policies_close(&pol);
    return rc;
}

/* The total under a figures table, in bold. */
static void print_total(FILE *out, const char *label, medins_fen amount)
{
    fprintf(out, "%s", cli_bold);
    cli_print_figure(out, label, amount);
    fprintf(out, "%s", cli_reset);
}

/* ---- contribution --------------------------------------------------------------------- */

static void contribution_text(FILE *out, const medins_result *r)
{
    const medins_contribution_figures *f = medins_result_contribution(r);
    char a[24], b[24];
    if (!f)
        return;
    if (f->scheme == MEDINS_SCHEME_EMPLOYEE) {
        medins_ratio_format(a, sizeof a, f->employer_rate);
        medins_ratio_format(b, sizeof b, f->individual_rate);
        cli_print_figure(out, "Monthly wage base", f->wage_base);
        cli_print_row(out, "Employer rate", a);
        cli_print_row(out, "Individual rate", b);
        cli_print_figure(out, "Monthly, employer", f->monthly_employer);
        cli_print_figure(out, "Monthly, individual", f->monthly_individual);
        if (f->fixed_yearly)
            cli_print_figure(out, "Fixed yearly, individual", f->fixed_yearly);
    } else {
        cli_print_row(out, "Pays at tier", medins_tier_name(f->paying_tier));
        cli_print_row(out, "Benefits of tier", medins_tier_name(f->benefit_tier));
        if (f->state_pays_all)
            cli_print_row(out, "The state pays all", "yes");
    }
    cli_print_figure(out, "Yearly, individual", f->individual);
    cli_print_figure(out, "Yearly, government", f->government);
    cli_print_figure(out, "Yearly, employer", f->employer);
    print_total(out, "Yearly total", f->total);
}

static json_t *contribution_json(const medins_result *r)
{
    const medins_contribution_figures *f = medins_result_contribution(r);
    json_t *o = json_object();
    if (!f)
        return o;
    json_object_set_new(o, "scheme", json_string(medins_scheme_name(f->scheme)));
    json_object_set_new(o, "paying_tier", json_string(medins_tier_name(f->paying_tier)));
    json_object_set_new(o, "benefit_tier", json_string(medins_tier_name(f->benefit_tier)));
    json_object_set_new(o, "state_pays_all", json_boolean(f->state_pays_all));
    cli_json_money(o, "subsidy", f->subsidy);
    cli_json_money(o, "wage_base", f->wage_base);
    cli_json_ratio(o, "employer_rate", f->employer_rate);
    cli_json_ratio(o, "individual_rate", f->individual_rate);
    cli_json_money(o, "monthly_employer", f->monthly_employer);
    cli_json_money(o, "monthly_individual", f->monthly_individual);
    cli_json_money(o, "fixed_yearly", f->fixed_yearly);
    cli_json_money(o, "individual", f->individual);
    cli_json_money(o, "government", f->government);
    cli_json_money(o, "employer", f->employer);
    cli_json_money(o, "total", f->total);
    return o;
}

static const char contribution_help[] =
    "Usage: medins contribution [OPTION]...\n"
    "The yearly contribution of a resident (individual share, government subsidy) or of an\n"
    "employee and their employer (rates of the monthly wage, clamped to the wage base).\n"
    "\n"
    "  --wage YUAN          employees: monthly wage\n"
    "  --employer-type T    employees: enterprise (default) | civil_service | difficulty |\n"
    "                       individual_business\n"
    COMMON_HELP CLI_PERSON_HELP "\n" CLI_POLICY_HELP
    "\nExit status: 0 computed, 1 refused, 2 usage, 3 policy error, 5 I/O error.\n";

/* Employee wage and employer type, shared by contribution and account. */
static int employee_opt(medins_employee_input *e, int *have_wage, const char *name, const char *arg)
{
    if (!strcmp(name, "wage")) {
        *have_wage = 1;
        return amount_opt(&e->monthly_wage, name, arg);
    }
    int v, rc = word_opt(&v, MEDINS_WORDS_EMPLOYER_TYPE, name, arg);
    if (rc == 0)
        e->employer_type = (medins_employer_type)v;
    return rc;
}

/* The input of contribution and account: an employee's wage and employer, and more for account. */
typedef struct employee_args {
    medins_account_input in;    /* contribution reads in.employee only */
    int have_wage;
} employee_args;

static int contribution_opt(void *in, const char *name, char *arg)
{
    employee_args *e = in;
    return employee_opt(&e->in.employee, &e->have_wage, name, arg);
}

static int contribution_check(common_args *a, void *in)
{
    if (a->person.scheme == MEDINS_SCHEME_EMPLOYEE && !((employee_args *)in)->have_wage)
        return cli_usage_error("an employee's contribution needs --wage");
    return 0;
}

static int contribution_compute(medins_result **out, const medins_policy *policy,
                                const common_args *a, const void *in, medins_error **err)
{
    const employee_args *e = in;
    return medins_contribution(out, policy, &a->person, a->date,
                               a->person.scheme == MEDINS_SCHEME_EMPLOYEE ? &e->in.employee : NULL,
                               err);
}

static int cmd_contribution(int argc, char **argv)
{
    static const struct option longopts[] = {
        COMMON_LONGOPTS,
        {"wage", required_argument, NULL, OPT_OWN},
        {"employer-type", required_argument, NULL, OPT_OWN},
        {NULL, 0, NULL, 0}
    };
    static const command cmd = {
        .longopts = longopts, .help = contribution_help,
        .own_opt = contribution_opt, .check = contribution_check, .compute = contribution_compute,
        .refused = "contribution refused", .title = "Contribution", .show_person = 1,
        .text = contribution_text, .json = contribution_json,
    };
    employee_args e = {0};
    medins_account_input_init(&e.in);
    return run_command(&cmd, &e, argc, argv);
}

/* ---- account -------------------------------------------------------------------------- */

static void account_text(FILE *out, const medins_result *r)
{
    const medins_account_figures *f = medins_result_account(r);
    if (!f)
        return;
    cli_print_figure(out, "Monthly credit", f->monthly_credit);
    cli_print_figure(out, "  from the individual", f->from_individual);
    cli_print_figure(out, "  from the employer", f->from_employer);
    cli_print_figure(out, "  from the pooled fund", f->from_pool);
    cli_print_figure(out, "Monthly to the pooled fund", f->monthly_to_pool);
    cli_print_figure(out, "Monthly to the card", f->monthly_card);
    cli_print_figure(out, "Yearly credit", f->yearly_credit);
    cli_print_figure(out, "Yearly to the card", f->yearly_card);
    cli_print_row(out, "Balance may be withdrawn", f->may_withdraw ? "yes" : "no");
}

static json_t *account_json(const medins_result *r)
{
    const medins_account_figures *f = medins_result_account(r);
    json_t *o = json_object();
    if (!f)
        return o;
    cli_json_money(o, "monthly_credit", f->monthly_credit);
    cli_json_money(o, "from_individual", f->from_individual);
    cli_json_money(o, "from_employer", f->from_employer);
    cli_json_money(o, "from_pool", f->from_pool);
    cli_json_money(o, "monthly_to_pool", f->monthly_to_pool);
    cli_json_money(o, "monthly_card", f->monthly_card);
    cli_json_money(o, "yearly_credit", f->yearly_credit);
    cli_json_money(o, "yearly_card", f->yearly_card);
    json_object_set_new(o, "may_withdraw", json_boolean(f->may_withdraw));
    return o;
}

static const char account_help[] =
    "Usage: medins account [OPTION]...\n"
    "An employee's individual-account credit: in service, the shares of the monthly\n"
    "contributions credited to the account; retired, a share of last year's pension.\n"
    "\n"
    "  --wage YUAN          in service: monthly wage\n"
    "  --employer-type T    in service: enterprise (default) | civil_service | difficulty |\n"
    "                       individual_business\n"
    "  --pension YUAN       retired: last year's average monthly basic pension\n"
    "  --year-costs YUAN    this year's medical costs (for the withdrawal rule)\n"
    "  --serious-illness    a serious-illness hospitalisation this year\n"
    COMMON_HELP CLI_PERSON_HELP "\n" CLI_POLICY_HELP
    "\nExit status: 0 computed, 1 refused, 2 usage, 3 policy error, 5 I/O error.\n";

static int account_opt(void *in, const char *name, char *arg)
{
    employee_args *e = in;
    if (!strcmp(name, "pension"))
        return amount_opt(&e->in.last_year_pension, name, arg);
    if (!strcmp(name, "year-costs"))
        return amount_opt(&e->in.year_costs, name, arg);
    if (!strcmp(name, "serious-illness")) {
        e->in.serious_illness = 1;
        return 0;
    }
    return employee_opt(&e->in.employee, &e->have_wage, name, arg);
}

static int account_compute(medins_result **out, const medins_policy *policy,
                           const common_args *a, const void *in, medins_error **err)
{
    return medins_account(out, policy, &a->person, a->date, &((const employee_args *)in)->in, err);
}

static int cmd_account(int argc, char **argv)
{
    static const struct option longopts[] = {
        COMMON_LONGOPTS,
        {"wage", required_argument, NULL, OPT_OWN},
        {"employer-type", required_argument, NULL, OPT_OWN},
        {"pension", required_argument, NULL, OPT_OWN},
        {"year-costs", required_argument, NULL, OPT_OWN},
        {"serious-illness", no_argument, NULL, OPT_OWN},
        {NULL, 0, NULL, 0}
    };
    static const command cmd = {
        .longopts = longopts, .help = account_help,
        .own_opt = account_opt, .compute = account_compute,
        .refused = "account refused", .title = "Individual account", .show_person = 1,
        .text = account_text, .json = account_json,
    };
    employee_args e = {0};
    medins_account_input_init(&e.in);
    return run_command(&cmd, &e, argc, argv);
}

/* ---- maternity ------------------------------------------------------------------------ */

static void maternity_text(FILE *out, const medins_result *r)
{
    const medins_maternity_figures *f = medins_result_maternity(r);
    if (!f)
        return;
    cli_print_figure(out, "Delivery", f->delivery);
    cli_print_figure(out, "Prenatal care (limit)", f->prenatal_limit);
    cli_print_figure(out, "Prenatal care paid", f->prenatal);
    cli_print_figure(out, "Complications paid", f->complication);
    print_total(out, "The fund pays", f->total);
}

static json_t *maternity_json(const medins_result *r)
{
    const medins_maternity_figures *f = medins_result_maternity(r);
    json_t *o = json_object();
    if (!f)
        return o;
    cli_json_money(o, "delivery", f->delivery);
    cli_json_money(o, "prenatal_limit", f->prenatal_limit);
    cli_json_money(o, "prenatal", f->prenatal);
    cli_json_ratio(o, "complication_ratio", f->complication_ratio);
    cli_json_money(o, "complication", f->complication);
    cli_json_money(o, "total", f->total);
    return o;
}

static const char maternity_help[] =
    "Usage: medins maternity [OPTION]...\n"
    "The fund's maternity payment: the flat payment per delivery, prenatal care up to the\n"
    "limit for the weeks of pregnancy, and a share of the costs of complications.\n"
    "\n"
    "  --delivery TYPE      natural (default) | assisted | caesarean | caesarean_complex\n"
    "  --weeks N            completed weeks of pregnancy when prenatal care ended (default 40)\n"
    "  --child-order N      1 for a first child (default), 2 for a second...\n"
    "  --prenatal YUAN      prenatal-care costs claimed\n"
    "  --complication YUAN  in-scope costs of complications\n"
    COMMON_HELP CLI_PERSON_HELP "\n" CLI_POLICY_HELP
    "\nExit status: 0 computed, 1 refused, 2 usage, 3 policy error, 5 I/O error.\n";

static int maternity_opt(void *in, const char *name, char *arg)
{
    medins_maternity_input *m = in;
    int v, rc;
    if (!strcmp(name, "delivery")) {
        if ((rc = word_opt(&v, MEDINS_WORDS_DELIVERY, name, arg)) == 0)
            m->delivery = (medins_delivery)v;
        return rc;
    }
    if (!strcmp(name, "weeks"))
        return int_opt(&m->weeks, name, arg, 0, 50);
    if (!strcmp(name, "child-order"))
        return int_opt(&m->child_order, name, arg, 1, 20);
    if (!strcmp(name, "prenatal"))
        return amount_opt(&m->prenatal_costs, name, arg);
    return amount_opt(&m->complication_costs, name, arg);
}

static int maternity_compute(medins_result **out, const medins_policy *policy,
                             const common_args *a, const void *in, medins_error **err)
{
    return medins_maternity(out, policy, &a->person, a->date, in, err);
}

static int cmd_maternity(int argc, char **argv)
{
    static const struct option longopts[] = {
        COMMON_LONGOPTS,
        {"delivery", required_argument, NULL, OPT_OWN},
        {"weeks", required_argument, NULL, OPT_OWN},
        {"child-order", required_argument, NULL, OPT_OWN},
        {"prenatal", required_argument, NULL, OPT_OWN},
        {"complication", required_argument, NULL, OPT_OWN},
        {NULL, 0, NULL, 0}
    };
    static const command cmd = {
        .longopts = longopts, .help = maternity_help,
        .own_opt = maternity_opt, .compute = maternity_compute,
        .refused = "maternity payment refused", .title = "Maternity payment", .show_person = 1,
        .text = maternity_text, .json = maternity_json,
    };
    medins_maternity_input in;
    medins_maternity_input_init(&in);
    return run_command(&cmd, &in, argc, argv);
}

/* ---- capitation ----------------------------------------------------------------------- */

static void capitation_text(FILE *out, const medins_result *r)
{
    const medins_capitation_figures *f = medins_result_capitation(r);
    char a[24];
    if (!f)
        return;
    fprintf(out, "  %-30s %12s per %s\n", "Rate", cli_yuan(a, f->rate),
            f->period == MEDINS_CAPITATION_YEAR ? "year" : "month");
    fprintf(out, "  %-30s %12d\n  %-30s %12lld\n", "Patients", (int)f->patients, "Patient-days",
            (long long)f->patient_days);
    cli_print_figure(out, "Budget", f->budget);
    cli_print_figure(out, "Actual costs", f->actual_costs);
    cli_print_figure(out, "Surplus kept", f->surplus_kept);
    cli_print_figure(out, "Overrun borne by the fund", f->overrun_fund);
    medins_ratio_format(a, sizeof a, f->assessment);
    cli_print_row(out, "Assessment", a);
    print_total(out, "The fund pays", f->payment);
}

static json_t *capitation_json(const medins_result *r)
{
    const medins_capitation_figures *f = medins_result_capitation(r);
    json_t *o = json_object();
    if (!f)
        return o;
    json_object_set_new(o, "institution", json_integer(f->institution));
    cli_json_money(o, "rate", f->rate);
    json_object_set_new(o, "period", json_string(f->period == MEDINS_CAPITATION_YEAR ? "year" : "month"));
    json_object_set_new(o, "patients", json_integer(f->patients));
    json_object_set_new(o, "patient_days", json_integer(f->patient_days));
    cli_json_money(o, "budget", f->budget);
    cli_json_money(o, "actual_costs", f->actual_costs);
    cli_json_money(o, "surplus", f->surplus);
    cli_json_money(o, "overrun", f->overrun);
    cli_json_money(o, "surplus_kept", f->surplus_kept);
    cli_json_money(o, "overrun_fund", f->overrun_fund);
    cli_json_money(o, "before_assessment", f->before_assessment);
    cli_json_ratio(o, "assessment", f->assessment);
    cli_json_money(o, "payment", f->payment);
    return o;
}

static const char capitation_help[] =
    "Usage: medins capitation --disease D --level L --from DATE --to DATE [OPTION]...\n"
    "One institution's per-head payment for a period: the rate per enrolled patient, prorated\n"
    "by days enrolled, settled against the actual costs.\n"
    "\n"
    "  --institution ID     the institution's id\n"
    "  --level LEVEL        primary | l1 | l2 | l3 (selects the rate)\n"
    "  --disease D          diabetes | dialysis | haemophilia | hemiplegia | pulmonary_heart\n"
    "  --from DATE, --to DATE  the period\n"
    "  --enrolment P:FROM[:TO]  one patient enrolled from FROM (to TO); repeatable\n"
    "  --enrolments FILE    a CSV with columns patient,from,to (to may be empty)\n"
    "  --actual-costs YUAN  the institution's covered costs of these patients in the period\n"
    "  --assessment PCT     assessment score, e.g. 95% (default 100%)\n"
    "  --json               print the result as JSON\n"
    "  -h, --help           show this help\n"
    CLI_WORDS_HELP
    "\n" CLI_POLICY_HELP
    "\nExit status: 0 computed, 1 refused or bad enrolments, 2 usage, 3 policy error, 5 I/O error.\n";

typedef struct enrolments {
    medins_enrolment *v;
    size_t n, cap;
} enrolments;

static int enrol_push(enrolments *e, int64_t patient, medins_date from, medins_date to)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        medins_enrolment *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return -1;
        e->v = v;
        e->cap = cap;
    }
    medins_enrolment_init(&e->v[e->n]);
    e->v[e->n].patient = patient;
    e->v[e->n].from = from;
    e->v[e->n].to = to;
    e->n++;
    return 0;
}

/* "P:FROM[:TO]" */
static int enrol_arg(enrolments *e, char *arg)
{
    char *from = strchr(arg, ':'), *to = NULL;
    int64_t patient;
    medins_date f, t = 0;
    if (from) {
        *from++ = '\0';
        to = strchr(from, ':');
        if (to)
            *to++ = '\0';
    }
    if (!from || cli_parse_int64(&patient, arg, strlen(arg)) != 0
        || cli_parse_date(&f, from, strlen(from)) != 0
        || (to && *to && cli_parse_date(&t, to, strlen(to)) != 0))
        return cli_usage_error("--enrolment: expected PATIENT:FROM[:TO], e.g. 7:2023-01-01:2023-06-30");
    return enrol_push(e, patient, f, t) == 0 ? 0 : EXIT_INPUT;
}

/*
 * A CSV of enrolments, read as strictly as a batch of claims: the header must name exactly
 * the columns patient, from and to (in any order; a column the reader does not know is an
 * error, so `until` is never taken for `to`), every row has the header's number of fields,
 * `to` may be empty (still enrolled). The first bad row is an error with its line.
 */
enum { E_PATIENT, E_FROM, E_TO, E_COUNT };
static const char *const enrol_columns[E_COUNT] = {"patient", "from", "to"};

/* One row: 0, or -1 with the error in msg. */
static int enrol_row(enrolments *e, const csv_reader *in, const csv_columns *cols, char *msg, size_t size)
{
    static const char *const why[E_COUNT] = {
        "is not a whole number", "is not a date (2023-01-01)",
        "is neither a date (2023-01-01) nor empty (still enrolled)",
    };
    if (in->nf != cols->nf) {
        snprintf(msg, size, "expected %zu fields as in the header, found %zu", cols->nf, in->nf);
        return -1;
    }
    const csv_field *f[E_COUNT];
    for (int k = 0; k < E_COUNT; k++)
        f[k] = &in->f[cols->field[k]];
    int64_t patient;
    medins_date from, to = 0;
    int bad = cli_parse_int64(&patient, f[E_PATIENT]->p, f[E_PATIENT]->n) != 0 ? E_PATIENT
            : cli_parse_date(&from, f[E_FROM]->p, f[E_FROM]->n) != 0 ? E_FROM
            : f[E_TO]->n && cli_parse_date(&to, f[E_TO]->p, f[E_TO]->n) != 0 ? E_TO : -1;
    if (bad >= 0) {
        snprintf(msg, size, "column '%s': '%.*s' %s", enrol_columns[bad],
                 (int)(f[bad]->n > 60 ? 60 : f[bad]->n), f[bad]->p, why[bad]);
        return -1;
    }
    if (enrol_push(e, patient, from, to) != 0) {
        snprintf(msg, size, "out of memory");
        return -1;
    }
    return 0;
}

static int enrol_file(enrolments *e, const char *path)
{
    csv_columns cols = {.names = enrol_columns, .count = E_COUNT};
    csv_reader in;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char msg[300];
    if (csv_open(&in, path) != 0) {
        cli_warn_file(MEDINS_ERR_IO, name, "cannot open %s: %s", path, strerror(errno));
        return EXIT_IO;
    }
    cli_progress bar;
    cli_progress_start(&bar, 0);
    uint64_t size = csv_size(&in);
    unsigned long rows = 0;
    int got = csv_read_header(&in, &cols);
    if (got == 0) {
        snprintf(msg, sizeof msg, "empty input: expected a header row patient,from,to");
        got = -1;
    } else if (got < 0) {
        csv_error_text(msg, sizeof msg, &in, NULL);
    } else {
        for (int k = 0; k < E_COUNT && got == 1; k++)
            if (cols.field[k] < 0) {
                snprintf(msg, sizeof msg, "missing column '%s' (the columns are patient, from, to)",
                         enrol_columns[k]);
                got = -1;
            }
    }
    while (got == 1 && (got = csv_next(&in)) != 0) {
        rows++;
        if (got == -1)
            csv_error_text(msg, sizeof msg, &in, &cols);
        else if (got == 1 && enrol_row(e, &in, &cols, msg, sizeof msg) != 0)
            got = -1;
        if ((rows & 0xFFFF) == 0)
            cli_progress_show(&bar, size ? (double)in.consumed / (double)size : -1, "%lu enrolments", rows);
    }
    cli_progress_end(&bar);
    if (got == -1)
        cli_error(MEDINS_ERR_SYNTAX, &(cli_where){.file = name, .line = in.rec_line, .row = rows}, "%s", msg);
    else if (got == -2)
        cli_warn_file(MEDINS_ERR_IO, name, "cannot read %s: %s", name, strerror(errno));
    csv_close(&in);
    return got == 0 ? 0 : got == -1 ? EXIT_INPUT : EXIT_IO;
}

typedef struct capitation_args {
    medins_capitation_input in;
    enrolments e;
    int have_disease, have_level;
} capitation_args;

static int capitation_opt(void *in, const char *name, char *arg)
{
    capitation_args *c = in;
    if (!strcmp(name, "institution"))
        return cli_parse_int64(&c->in.institution, arg, strlen(arg)) == 0 ? 0
               : cli_usage_error("--institution: '%s' is not an integer", arg);
    int v, rc;
    if (!strcmp(name, "level")) {
        c->have_level = 1;
        if ((rc = word_opt(&v, MEDINS_WORDS_LEVEL, name, arg)) == 0)
            c->in.level = (medins_level)v;
        return rc;
    }
    if (!strcmp(name, "disease")) {
        c->have_disease = 1;
        if ((rc = word_opt(&v, MEDINS_WORDS_DISEASE, name, arg)) == 0)
            c->in.disease = (medins_disease)v;
        return rc;
    }
    if (!strcmp(name, "from") || !strcmp(name, "to"))
        return cli_parse_date(name[0] == 'f' ? &c->in.from : &c->in.to, arg, strlen(arg)) == 0 ? 0
               : cli_usage_error("--%s: '%s' is not a date", name, arg);
    if (!strcmp(name, "enrolment"))
        return enrol_arg(&c->e, arg);
    if (!strcmp(name, "enrolments"))
        return enrol_file(&c->e, arg);
    if (!strcmp(name, "actual-costs"))
        return amount_opt(&c->in.actual_costs, name, arg);
    return medins_ratio_parse(&c->in.assessment, arg, NULL) == 0 ? 0
           : cli_usage_error("--assessment: '%s' is not a percentage (95%%)", arg);
}

/* The period is what the payment is for: its first day picks the policy. */
static int capitation_check(common_args *a, void *in)
{
    capitation_args *c = in;
    if (!c->have_disease || !c->have_level || !c->in.from || !c->in.to)
        return cli_usage_error("capitation needs --disease, --level, --from and --to");
    c->in.enrolments = c->e.v;
    c->in.enrolment_count = c->e.n;
    a->date = c->in.from;
    return 0;
}

static int capitation_compute(medins_result **out, const medins_policy *policy,
                              const common_args *a, const void *in, medins_error **err)
{
    (void)a;
    return medins_capitation(out, policy, &((const capitation_args *)in)->in, err);
}

static int cmd_capitation(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"json", no_argument, NULL, OPT_JSON},
        CLI_POLICY_LONGOPTS,
        {"institution", required_argument, NULL, OPT_OWN},
        {"level", required_argument, NULL, OPT_OWN},
        {"disease", required_argument, NULL, OPT_OWN},
        {"from", required_argument, NULL, OPT_OWN},
        {"to", required_argument, NULL, OPT_OWN},
        {"enrolment", required_argument, NULL, OPT_OWN},
        {"enrolments", required_argument, NULL, OPT_OWN},
        {"actual-costs", required_argument, NULL, OPT_OWN},
        {"assessment", required_argument, NULL, OPT_OWN},
        {NULL, 0, NULL, 0}
    };
    static const command cmd = {
        .longopts = longopts, .help = capitation_help,
        .own_opt = capitation_opt, .check = capitation_check, .compute = capitation_compute,
        .refused = "capitation refused", .title = "Per-head payment for the period starting",
        .text = capitation_text, .json = capitation_json,
    };
    capitation_args c = {0};
    medins_capitation_input_init(&c.in);
    int rc = run_command(&cmd, &c, argc, argv);
    free(c.e.v);
    return rc;
}

int cmd_compute(const char *name, int argc, char **argv)
{
    if (!strcmp(name, "contribution"))
        return cmd_contribution(argc, argv);
    if (!strcmp(name, "account"))
        return cmd_account(argc, argv);
    if (!strcmp(name, "maternity"))
        return cmd_maternity(argc, argv);
    if (!strcmp(name, "capitation"))
        return cmd_capitation(argc, argv);
    return -1;
}
