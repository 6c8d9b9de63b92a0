/* medins contribution | account | maternity | capitation: the other explained computations. */
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

enum { OPT_PERSON = 256, OPT_DATE, OPT_JSON, OPT_OWN };

#define COMMON_LONGOPTS \
    {"help", no_argument, NULL, 'h'}, \
    {"date", required_argument, NULL, OPT_DATE}, \
    {"json", no_argument, NULL, OPT_JSON}, \
    CLI_PERSON_LONGOPTS(OPT_PERSON), \
    CLI_POLICY_LONGOPTS

#define COMMON_HELP \
    "  --date DATE          the date it is for (default: first day of the latest policy)\n" \
    "  --json               print the result as JSON\n" \
    "  -h, --help           show this help\n"

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
        if (cli_parse_date(&a->date, arg) != 0)
            return cli_usage_error("--date: '%s' is not a date (2023-06-01)", arg);
        return 1;
    case OPT_JSON:
        a->json = 1;
        return 1;
    case OPT_PERSON:
        cli_option_key(key, sizeof key, name);
        if (cli_person_field(&a->person, &a->have_category, key, arg, msg, sizeof msg) != 0)
            return cli_usage_error("--%s", msg);
        return 1;
    default:
        return 0;
    }
}

static int amount_opt(medins_fen *out, const char *name, const char *arg)
{
    if (medins_money_parse(out, arg, NULL) != 0)
        return cli_usage_error("--%s: '%s' is not an amount in yuan", name, arg);
    return 0;
}

static int int_opt(int32_t *out, const char *name, const char *arg, int64_t lo, int64_t hi)
{
    int64_t v;
    if (cli_parse_int64(&v, arg) != 0 || v < lo || v > hi)
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
            "no --date given: the first day of the latest policy"};
    }
    return 0;
}

/* Print (text or JSON) a result whose figures `add_figures` renders; frees the result. */
typedef void (*figures_text_fn)(FILE *out, const medins_result *r);
typedef json_t *(*figures_json_fn)(const medins_result *r);

static int finish(const common_args *a, const char *title, medins_result *result,
                  const medins_policy *policy, const medins_person *person,
                  const cli_assumption *assumed, size_t na, figures_text_fn text, figures_json_fn json)
{
    int rc = EXIT_OK;
    if (a->json) {
        json_t *root = cli_json_result(result, policy, person, assumed, na);
        json_object_set_new(root, "figures", json(result));
        if (cli_json_write(stdout, root) != 0)
            rc = EXIT_IO;
    } else {
        char d[11];
        cli_format_date(d, a->date);
        printf("%s%s%s on %s\n", cli_bold, title, cli_reset, d);
        if (person)
            cli_print_person(stdout, person, a->date);
        cli_print_policy(stdout, policy);
        cli_print_lines(stdout, result);
        text(stdout, result);
        cli_print_assumed(stdout, result, assumed, na);
    }
    medins_result_free(result);
    if (fflush(stdout) != 0)
        rc = EXIT_IO;
    return rc;
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
        fprintf(out, "  %-30s %12s\n  %-30s %12s\n", "Employer rate", a, "Individual rate", b);
        cli_print_figure(out, "Monthly, employer", f->monthly_employer);
        cli_print_figure(out, "Monthly, individual", f->monthly_individual);
        if (f->fixed_yearly)
            cli_print_figure(out, "Fixed yearly, individual", f->fixed_yearly);
    } else {
        fprintf(out, "  %-30s %12s\n  %-30s %12s\n", "Pays at tier", medins_tier_name(f->paying_tier),
                "Benefits of tier", medins_tier_name(f->benefit_tier));
        if (f->state_pays_all)
            fprintf(out, "  %-30s %12s\n", "The state pays all", "yes");
    }
    cli_print_figure(out, "Yearly, individual", f->individual);
    cli_print_figure(out, "Yearly, government", f->government);
    cli_print_figure(out, "Yearly, employer", f->employer);
    fprintf(out, "%s", cli_bold);
    cli_print_figure(out, "Yearly total", f->total);
    fprintf(out, "%s", cli_reset);
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
    "\nExit status: 0 computed, 1 refused, 2 usage, 3 policy error.\n";

/* Employee wage and employer type, shared by contribution and account. */
static int employee_opt(medins_employee_input *e, int *have_wage, const char *name, const char *arg)
{
    if (!strcmp(name, "wage")) {
        *have_wage = 1;
        return amount_opt(&e->monthly_wage, name, arg);
    }
    if (medins_employer_type_parse(&e->employer_type, arg) != 0)
        return cli_usage_error("--employer-type: unknown type '%s'", arg);
    return 0;
}

static int cmd_contribution(int argc, char **argv)
{
    static const struct option longopts[] = {
        COMMON_LONGOPTS,
        {"wage", required_argument, NULL, OPT_OWN},
        {"employer-type", required_argument, NULL, OPT_OWN},
        {NULL, 0, NULL, 0}
    };
    common_args a = {0};
    medins_employee_input emp;
    int opt, idx, rc, have_wage = 0;
    medins_person_init(&a.person);
    medins_employee_input_init(&emp);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        const char *name = opt == '?' ? "" : longopts[idx].name;
        if ((rc = common_opt(&a, opt, name, optarg, contribution_help)) == 1)
            continue;
        if (rc > 1)
            return rc;
        if (opt != OPT_OWN)
            return cli_usage_error("invalid option");
        if ((rc = employee_opt(&emp, &have_wage, name, optarg)) != 0)
            return rc;
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (a.person.scheme == MEDINS_SCHEME_EMPLOYEE && !have_wage)
        return cli_usage_error("an employee's contribution needs --wage");

    cli_policies pol;
    const medins_policy *policy;
    cli_assumption assumed[2];
    size_t na = 0;
    char d[11];
    if ((rc = open_policy(&pol, &policy, &a, assumed, &na, d)) != 0)
        return rc;
    medins_result *result = NULL;
    medins_error *err = NULL;
    rc = medins_contribution(&result, policy, &a.person, a.date,
                             a.person.scheme == MEDINS_SCHEME_EMPLOYEE ? &emp : NULL, &err);
    if (rc != 0)
        rc = cli_report(err, rc, "contribution refused");
    else
        rc = finish(&a, "Contribution", result, policy, &a.person, assumed, na,
                    contribution_text, contribution_json);
    cli_policies_close(&pol);
    return rc;
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
    fprintf(out, "  %-30s %12s\n", "Balance may be withdrawn", f->may_withdraw ? "yes" : "no");
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
    "\nExit status: 0 computed, 1 refused, 2 usage, 3 policy error.\n";

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
    common_args a = {0};
    medins_account_input in;
    int opt, idx, rc, have_wage = 0;
    medins_person_init(&a.person);
    medins_account_input_init(&in);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        const char *name = opt == '?' ? "" : longopts[idx].name;
        if ((rc = common_opt(&a, opt, name, optarg, account_help)) == 1)
            continue;
        if (rc > 1)
            return rc;
        if (opt != OPT_OWN)
            return cli_usage_error("invalid option");
        if (!strcmp(name, "pension"))
            rc = amount_opt(&in.last_year_pension, name, optarg);
        else if (!strcmp(name, "year-costs"))
            rc = amount_opt(&in.year_costs, name, optarg);
        else if (!strcmp(name, "serious-illness"))
            in.serious_illness = 1;
        else
            rc = employee_opt(&in.employee, &have_wage, name, optarg);
        if (rc != 0)
            return rc;
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);

    cli_policies pol;
    const medins_policy *policy;
    cli_assumption assumed[2];
    size_t na = 0;
    char d[11];
    if ((rc = open_policy(&pol, &policy, &a, assumed, &na, d)) != 0)
        return rc;
    medins_result *result = NULL;
    medins_error *err = NULL;
    rc = medins_account(&result, policy, &a.person, a.date, &in, &err);
    if (rc != 0)
        rc = cli_report(err, rc, "account refused");
    else
        rc = finish(&a, "Individual account", result, policy, &a.person, assumed, na,
                    account_text, account_json);
    cli_policies_close(&pol);
    return rc;
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
    fprintf(out, "%s", cli_bold);
    cli_print_figure(out, "The fund pays", f->total);
    fprintf(out, "%s", cli_reset);
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
    "\nExit status: 0 computed, 1 refused, 2 usage, 3 policy error.\n";

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
    common_args a = {0};
    medins_maternity_input in;
    int opt, idx, rc;
    medins_person_init(&a.person);
    medins_maternity_input_init(&in);
    optind = 1;
    while ((opt = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        const char *name = opt == '?' ? "" : longopts[idx].name;
        if ((rc = common_opt(&a, opt, name, optarg, maternity_help)) == 1)
            continue;
        if (rc > 1)
            return rc;
        if (opt != OPT_OWN)
            return cli_usage_error("invalid option");
        if (!strcmp(name, "delivery"))
            rc = medins_delivery_parse(&in.delivery, optarg) == 0 ? 0
                 : cli_usage_error("--delivery: unknown type '%s'", optarg);
        else if (!strcmp(name, "weeks"))
            rc = int_opt(&in.weeks, name, optarg, 0, 50);
        else if (!strcmp(name, "child-order"))
            rc = int_opt(&in.child_order, name, optarg, 1, 20);
        else if (!strcmp(name, "prenatal"))
            rc = amount_opt(&in.prenatal_costs, name, optarg);
        else
            rc = amount_opt(&in.complication_costs, name, optarg);
        if (rc != 0)
            return rc;
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);

    cli_policies pol;
    const medins_policy *policy;
    cli_assumption assumed[2];
    size_t na = 0;
    char d[11];
    if ((rc = open_policy(&pol, &policy, &a, assumed, &na, d)) != 0)
        return rc;
    medins_result *result = NULL;
    medins_error *err = NULL;
    rc = medins_maternity(&result, policy, &a.person, a.date, &in, &err);
    if (rc != 0)
        rc = cli_report(err, rc, "maternity payment refused");
    else
        rc = finish(&a, "Maternity payment", result, policy, &a.person, assumed, na,
                    maternity_text, maternity_json);
    cli_policies_close(&pol);
    return rc;
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
    fprintf(out, "  %-30s %12s\n", "Assessment", a);
    fprintf(out, "%s", cli_bold);
    cli_print_figure(out, "The fund pays", f->payment);
    fprintf(out, "%s", cli_reset);
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
    if (!from || cli_parse_int64(&patient, arg) != 0 || cli_parse_date(&f, from) != 0
        || (to && *to && cli_parse_date(&t, to) != 0))
        return cli_usage_error("--enrolment: expected PATIENT:FROM[:TO], e.g. 7:2023-01-01:2023-06-30");
    return enrol_push(e, patient, f, t) == 0 ? 0 : EXIT_INPUT;
}

static int enrol_file(enrolments *e, const char *path)
{
    csv_reader in;
    int rc, cols[3] = {-1, -1, -1};
    static const char *const names[3] = {"patient", "from", "to"};
    if (csv_open(&in, path) != 0) {
        cli_warn("cannot open %s", path);
        return EXIT_IO;
    }
    rc = csv_next(&in);
    if (rc == 1) {
        for (size_t i = 0; i < in.nf; i++)
            for (int k = 0; k < 3; k++)
                if (!strcmp(in.f[i].p, names[k]))
                    cols[k] = (int)i;
    }
    if (rc != 1 || cols[0] < 0 || cols[1] < 0) {
        cli_warn("%s:1: expected a header with the columns patient, from and to", path);
        csv_close(&in);
        return EXIT_INPUT;
    }
    while ((rc = csv_next(&in)) == 1) {
        int64_t patient;
        medins_date f, t = 0;
        const char *to = cols[2] >= 0 && (size_t)cols[2] < in.nf ? in.f[cols[2]].p : "";
        if ((size_t)cols[0] >= in.nf || (size_t)cols[1] >= in.nf
            || cli_parse_int64(&patient, in.f[cols[0]].p) != 0
            || cli_parse_date(&f, in.f[cols[1]].p) != 0 || (*to && cli_parse_date(&t, to) != 0)) {
            cli_warn("%s:%lu: expected a patient id and dates (2023-01-01)", path, in.rec_line);
            csv_close(&in);
            return EXIT_INPUT;
        }
        if (enrol_push(e, patient, f, t) != 0) {
            csv_close(&in);
            return EXIT_INPUT;
        }
    }
    if (rc < 0)
        cli_warn("%s:%lu: %s", path, in.rec_line, rc == -1 ? in.msg : "read error");
    csv_close(&in);
    return rc == 0 ? 0 : rc == -1 ? EXIT_INPUT : EXIT_IO;
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
    common_args a = {0};
    medins_capitation_input in;
    enrolments e = {0};
    int opt, idx, rc = 0, have_disease = 0, have_level = 0;
    medins_capitation_input_init(&in);
    optind = 1;
    while (rc == 0 && (opt = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
        const char *name = opt == '?' ? "" : longopts[idx].name;
        if ((rc = common_opt(&a, opt, name, optarg, capitation_help)) == 1) {
            rc = 0;
            continue;
        }
        if (rc > 1)
            break;
        if (opt != OPT_OWN) {
            rc = cli_usage_error("invalid option");
        } else if (!strcmp(name, "institution")) {
            rc = cli_parse_int64(&in.institution, optarg) == 0 ? 0
                 : cli_usage_error("--institution: '%s' is not an integer", optarg);
        } else if (!strcmp(name, "level")) {
            have_level = 1;
            rc = medins_level_parse(&in.level, optarg) == 0 ? 0
                 : cli_usage_error("--level: unknown level '%s'", optarg);
        } else if (!strcmp(name, "disease")) {
            have_disease = 1;
            rc = medins_disease_parse(&in.disease, optarg) == 0 ? 0
                 : cli_usage_error("--disease: unknown disease '%s'", optarg);
        } else if (!strcmp(name, "from") || !strcmp(name, "to")) {
            rc = cli_parse_date(name[0] == 'f' ? &in.from : &in.to, optarg) == 0 ? 0
                 : cli_usage_error("--%s: '%s' is not a date", name, optarg);
        } else if (!strcmp(name, "enrolment")) {
            rc = enrol_arg(&e, optarg);
        } else if (!strcmp(name, "enrolments")) {
            rc = enrol_file(&e, optarg);
        } else if (!strcmp(name, "actual-costs")) {
            rc = amount_opt(&in.actual_costs, name, optarg);
        } else {
            rc = medins_ratio_parse(&in.assessment, optarg, NULL) == 0 ? 0
                 : cli_usage_error("--assessment: '%s' is not a percentage (95%%)", optarg);
        }
    }
    if (rc == 0 && optind < argc)
        rc = cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (rc == 0 && (!have_disease || !have_level || !in.from || !in.to))
        rc = cli_usage_error("capitation needs --disease, --level, --from and --to");
    if (rc != 0) {
        free(e.v);
        return rc;
    }
    in.enrolments = e.v;
    in.enrolment_count = e.n;
    a.date = in.from;

    cli_policies pol;
    const medins_policy *policy;
    cli_assumption assumed[1];
    size_t na = 0;
    char d[11];
    if ((rc = open_policy(&pol, &policy, &a, assumed, &na, d)) == 0) {
        medins_result *result = NULL;
        medins_error *err = NULL;
        rc = medins_capitation(&result, policy, &in, &err);
        if (rc != 0)
            rc = cli_report(err, rc, "capitation refused");
        else
            rc = finish(&a, "Per-head payment for the period starting", result, policy, NULL,
                        assumed, na, capitation_text, capitation_json);
        cli_policies_close(&pol);
    }
    free(e.v);
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
