/* Rendering an explained settlement: text for people, in Chinese or English, and JSON
 * (jansson) for programs. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

/* ---- The language ------------------------------------------------------------------------ */

medins_lang cli_lang = MEDINS_LANG_EN;

void cli_lang_init(void)
{
    /* The locale's language, as setlocale would find it: the first of these that is set. */
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            cli_lang = strncmp(v, "zh", 2) == 0 ? MEDINS_LANG_ZH : MEDINS_LANG_EN;
            return;
        }
    }
}

int cli_lang_opt(const char *arg)
{
    medins_lang lang;
    medins_error *err = NULL;
    if (medins_lang_parse(&lang, arg, &err) != 0) {
        int rc = cli_usage_error("--lang: %s", medins_error_message(err));
        medins_error_free(err);
        return rc;
    }
    cli_lang = lang;
    return 0;
}

/* The command's own words around the library's texts, in each language. */
typedef struct cli_words {
    const char *part, *yuan, *borne_by, *reference, *rule, *cites, *sep, *ratio_of;
    const char *payer_patient, *payer_fund, *payer_major, *payer_assistance, *payer_account;
    const char *payer_supplementary;
    const char *claim_n, *claim, *care, *total, *out_of_scope;
    const char *person, *tier, *group, *born, *policy;
    const char *fund, *supplementary, *supplementary_plain, *major, *assistance, *patient, *account,
        *cash, *sum;
    const char *refund_n, *estimate;
    const char *third_party, *third_party_at, *assumed, *mine;
    const char *kind[MEDINS_CLAIM_KIND_COUNT], *level[MEDINS_LEVEL_COUNT];
} cli_words;

static const cli_words words_of[MEDINS_LANG_COUNT] = {
    [MEDINS_LANG_EN] = {
        .part = "Part", .yuan = "Yuan", .borne_by = "Borne by", .reference = "(for reference)",
        .rule = "rule", .cites = "cites ", .sep = ", ", .ratio_of = "%s of %s",
        .payer_patient = "patient", .payer_fund = "fund", .payer_major = "major-disease",
        .payer_assistance = "assistance", .payer_account = "account",
        .payer_supplementary = "supplementary fund",
        .claim_n = "%sSettlement of claim %lld%s: ", .claim = "%sSettlement%s: ",
        .care = "%s care at %s on %s\n", .total = "  total %s yuan",
        .out_of_scope = " (fully self-paid %s, category-B first self-pay %s)",
        .person = "  person: %s, %s", .tier = ", %s tier", .group = ", %s",
        .born = ", born %s (age %d)",
        .policy = "  policy: %s \xe2\x80\x94 %s\n\n",
        .fund = "Basic fund", .supplementary = "Supplementary fund (%s)",
        .supplementary_plain = "Supplementary fund",
        .major = "Major-disease insurance",
        .assistance = "Medical assistance",
        .patient = "Patient", .account = "from the individual account", .cash = "in cash",
        .sum = "Total",
        .refund_n = "%sRefund of claim %lld%s: every amount of its settlement given back\n\n",
        .estimate = "\n(An estimate: no ledger was changed. Settle to pay.)\n",
        .third_party = "\n%sThird-party values used%s (%zu): from public pages or guides, not "
                       "official texts\n",
        .third_party_at = "%s: %s",
        .assumed = "\n%sAssumed values used%s (%zu): not stated by any source; check before "
                   "relying on them\n",
        .mine = "(this command)",
        .kind = {"outpatient", "pooling", "special_disease", "inpatient", "pharmacy"},
        .level = {"a primary institution", "a level-1 hospital", "a level-2 hospital",
                  "a level-3 hospital", "a designated pharmacy"},
    },
    [MEDINS_LANG_ZH] = {
        .part = "项目", .yuan = "金额（元）", .borne_by = "支付方", .reference = "（说明）",
        .rule = "规则", .cites = "依据 ", .sep = "，", .ratio_of = "%s元的%s",
        .payer_patient = "个人", .payer_fund = "统筹基金", .payer_major = "大病保险",
        .payer_assistance = "医疗救助", .payer_account = "个人账户",
        .payer_supplementary = "补充基金",
        .claim_n = "%s结算（单据号%lld）%s：", .claim = "%s结算%s：",
        .care = "%s，%s，%s\n", .total = "  医疗费用总额%s元",
        .out_of_scope = "（其中自费%s元，乙类先行自付%s元）",
        .person = "  参保人：%s，%s", .tier = "，%s", .group = "，%s",
        .born = "，%s出生（%d岁）",
        .policy = "  政策：%s \xe2\x80\x94 %s\n\n",
        .fund = "统筹基金支付", .supplementary = "补充基金（%s）支付",
        .supplementary_plain = "补充基金支付", .major = "大病保险支付",
        .assistance = "医疗救助支付",
        .patient = "个人负担", .account = "其中个人账户支付", .cash = "现金支付", .sum = "合计",
        .refund_n = "%s退费（单据号%lld）%s：原结算各项金额冲销\n\n",
        .estimate = "\n（预结算：未记入台账，正式结算后方可收费。）\n",
        .third_party = "\n%s使用的第三方来源值%s（%zu项）：来自公开网页或指南，并非官方文件\n",
        .third_party_at = "%s：%s",
        .assumed = "\n%s使用的假定值%s（%zu项）：没有任何来源明确规定，使用前请核实\n",
        .mine = "（本命令）",
        .kind = {"门诊", "门诊统筹", "门诊特殊病", "住院", "定点药店购药"},
        .level = {"基层医疗机构", "一级医院", "二级医院", "三级医院", "定点零售药店"},
    },
};

static const cli_words *words(void)
{
    return &words_of[(unsigned)cli_lang < MEDINS_LANG_COUNT ? cli_lang : MEDINS_LANG_EN];
}

/* The columns text takes on a terminal: a character of three or four UTF-8 bytes (Chinese, its
 * punctuation) takes two. */
static int columns(const char *s)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n += *p >= 0xE0 ? 2 : 1;
    return n;
}

/* s, then spaces up to `width` columns. */
/* Spaces that pad `s` to `width` columns (none when it is as wide or wider). */
static int padding(const char *s, int width)
{
    return width > columns(s) ? width - columns(s) : 0;
}

static void pad(FILE *out, const char *s, int width)
{
    fprintf(out, "%s%*s", s, padding(s, width), "");
}

/* Machine name of a part, for JSON. */
static const char *part_key(medins_part part)
{
    const char *key = medins_part_name(part);
    return key ? key : "unknown";
}

/* Who bears a part's amount: the reader's first question. */
static const char *part_payer(medins_part part)
{
    const cli_words *w = words();
    switch (part) {
    case MEDINS_PART_SELF_PAID:
    case MEDINS_PART_CATEGORY_B:
    case MEDINS_PART_DEDUCTIBLE:
    case MEDINS_PART_COINSURANCE:
    case MEDINS_PART_OVER_CAP:
    case MEDINS_PART_PATIENT: return w->payer_patient;
    case MEDINS_PART_FUND: return w->payer_fund;
    case MEDINS_PART_MAJOR_DISEASE: return w->payer_major;
    case MEDINS_PART_ASSISTANCE: return w->payer_assistance;
    case MEDINS_PART_ACCOUNT: return w->payer_account;
    case MEDINS_PART_SUPPLEMENTARY: return w->payer_supplementary;
    default: return "";
    }
}

static void rule(FILE *out)
{
    fputs("  ", out);
    for (int i = 0; i < 74; i++)
        fputs("\xe2\x94\x80", out);   /* U+2500 box drawing */
    fputc('\n', out);
}

/* A text the library renders into a buffer (a step's, a citation), in cli_lang; "" when it
 * does not fit. */
static const char *step_text(char *buf, size_t size, const medins_result *r, size_t i)
{
    return medins_result_step_text(buf, size, NULL, r, i, cli_lang) == 0 ? buf : "";
}

static const char *cite(char *buf, size_t size, const medins_value *v)
{
    return medins_value_cite(buf, size, NULL, v, cli_lang) == 0 ? buf : "";
}

/* Appends to a line being built; the line is cut when buf is full. */
static void add(char *buf, size_t size, const char *fmt, ...)
{
    const size_t n = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    if (n < size)
        vsnprintf(buf + n, size - n, fmt, ap);
    va_end(ap);
}

/* `s` padded with spaces to `width` columns. */
static void add_padded(char *buf, size_t size, const char *s, int width)
{
    add(buf, size, "%s%*s", s, padding(s, width), "");
}

/* A line in `style`, without the spaces a padded last column would leave at its end. */
static void put_line(FILE *out, const char *style, char *line)
{
    size_t n = strlen(line);
    while (n > 0 && line[n - 1] == ' ')
        line[--n] = '\0';
    fprintf(out, "%s%s%s\n", style, line, *style ? cli_reset : "");
}

void cli_print_lines(FILE *out, const medins_result *result)
{
    const cli_words *w = words();
    char a[24], b[24], text[1024], line[512] = "";
    add(line, sizeof line, "  ");
    add_padded(line, sizeof line, w->part, 30);
    add(line, sizeof line, " %*s  %s", 12 + (int)strlen(w->yuan) - columns(w->yuan), w->yuan,
        w->borne_by);
    put_line(out, cli_bold, line);
    rule(out);
    for (size_t i = 0; i < medins_result_step_count(result); i++) {
        const medins_step *st = medins_result_step(result, i);
        const medins_value *v = medins_result_step_value(result, i, 0);
        const int info = st->part == MEDINS_PART_INFO;
        const char *payer = info ? "" : part_payer(st->part);
        line[0] = '\0';
        if (info) {
            /* A figure that moves no money (a maximum, a count): kept out of the money column. */
            add(line, sizeof line, "  ");
            add_padded(line, sizeof line, w->reference, 30);
            add(line, sizeof line, " %12s  ", st->amount ? cli_yuan(a, st->amount) : "");
        } else {
            /* The account's share is part of the patient's: below it, indented. */
            const int indent = st->part == MEDINS_PART_ACCOUNT ? 2 : 0;
            add(line, sizeof line, "  %*s", indent, "");
            add_padded(line, sizeof line, medins_part_label(st->part, cli_lang), 30 - indent);
            add(line, sizeof line, " %12s  %s", cli_yuan(a, st->amount), payer);
        }
        /* Who bears it and what it is a share of ("fund, 80% of 10000.00"), either alone. */
        if (st->ratio && st->base) {
            medins_ratio_format(b, sizeof b, st->ratio);
            if (*payer)
                add(line, sizeof line, "%s", w->sep);
            if (cli_lang == MEDINS_LANG_ZH)
                add(line, sizeof line, w->ratio_of, cli_yuan(a, st->base), b);
            else
                add(line, sizeof line, w->ratio_of, b, cli_yuan(a, st->base));
        }
        put_line(out, info ? cli_dim : "", line);
        fprintf(out, "      %s\n", step_text(text, sizeof text, result, i));
        if (st->rule && *st->rule) {
            fprintf(out, "      %s%s %s", cli_dim, w->rule, st->rule);
            if (v && v->file)
                fprintf(out, " \xc2\xb7 %s:%u", v->file, v->line);
            fprintf(out, "%s\n", cli_reset);
        }
        if (v)
            fprintf(out, "      %s%s%s%s\n", v->assumed ? cli_yellow : cli_dim,
                    v->assumed ? "" : w->cites, cite(text, sizeof text, v), cli_reset);
    }
    rule(out);
}

static void print_value(FILE *out, const medins_value *val, const char *why)
{
    fprintf(out, "  * %s = %s  %s%s:%u:%u%s\n", val->path, val->text, cli_dim,
            val->file ? val->file : "?", val->line, val->column, cli_reset);
    if (why && *why)
        fprintf(out, "      %s\n", why);
}

/* The values used that a third-party source gives (a public page or guide, not an official
 * text), with the place cited. */
static void print_third_party(FILE *out, const medins_result *result)
{
    const cli_words *w = words();
    size_t n = medins_result_third_party_count(result);
    if (n == 0)
        return;
    fprintf(out, w->third_party, cli_yellow, cli_reset, n);
    for (size_t i = 0; i < n; i++) {
        const medins_value *val = medins_result_third_party(result, i);
        char why[512];
        snprintf(why, sizeof why, w->third_party_at, val->source ? val->source : "?",
                 val->at ? val->at : "");
        print_value(out, val, why);
    }
}

void cli_print_assumed(FILE *out, const medins_result *result, const cli_assumption *mine, size_t n_mine)
{
    const cli_words *w = words();
    size_t nres = medins_result_assumed_count(result);
    if (nres + n_mine > 0)
        fprintf(out, w->assumed, cli_yellow, cli_reset, nres + n_mine);
    for (size_t i = 0; i < nres; i++) {
        const medins_value *val = medins_result_assumed(result, i);
        print_value(out, val, val->at);
    }
    for (size_t i = 0; i < n_mine; i++)
        fprintf(out, "  * %s = %s  %s\n      %s\n", mine[i].what, mine[i].value, w->mine,
                cli_lang == MEDINS_LANG_ZH && mine[i].why_zh ? mine[i].why_zh : mine[i].why);
    print_third_party(out, result);
}

void cli_print_person(FILE *out, const medins_person *p, medins_date on)
{
    const cli_words *w = words();
    char d[11];
    fprintf(out, w->person, medins_arg_label(MEDINS_ARG_SCHEME, p->scheme, cli_lang),
            medins_arg_label(MEDINS_ARG_CATEGORY, p->category, cli_lang));
    if (p->tier != MEDINS_TIER_NONE)
        fprintf(out, w->tier, medins_arg_label(MEDINS_ARG_TIER, p->tier, cli_lang));
    for (uint32_t g = 1; g & MEDINS_GROUP_ALL; g <<= 1)
        if (p->groups & g)
            fprintf(out, w->group, medins_arg_label(MEDINS_ARG_GROUPS, g, cli_lang));
    if (p->birth_date) {
        cli_format_date(d, p->birth_date);
        fprintf(out, w->born, d, medins_age_on(p->birth_date, on));
    }
    fputc('\n', out);
}

void cli_print_policy(FILE *out, const medins_policy *policy)
{
    fprintf(out, words()->policy, medins_policy_id(policy), medins_policy_title(policy));
}

/* A settlement's figures: the funds, the patient (the account and cash), the total. */
/* The settlement's figures; `fund` names the supplementary fund when known. */
static void print_figures(FILE *out, const medins_settlement *s, const char *fund)
{
    const cli_words *w = words();
    char a[24], b[24];
    cli_print_figure(out, w->fund, s->fund);
    if (s->supplementary) {
        char label[128];
        if (fund)
            snprintf(label, sizeof label, w->supplementary, fund);
        else
            snprintf(label, sizeof label, "%s", w->supplementary_plain);
        cli_print_figure(out, label, s->supplementary);
    }
    if (s->major_disease)
        cli_print_figure(out, w->major, s->major_disease);
    if (s->assistance)
        cli_print_figure(out, w->assistance, s->assistance);
    fprintf(out, "  %s", cli_bold);
    pad(out, w->patient, 30);
    fprintf(out, " %12s%s\n", cli_yuan(a, s->patient), cli_reset);
    if (s->account) {
        fputs("    ", out);
        pad(out, w->account, 28);
        fprintf(out, " %12s\n    ", cli_yuan(a, s->account));
        pad(out, w->cash, 28);
        fprintf(out, " %12s\n", cli_yuan(b, s->cash));
    }
    cli_print_figure(out, w->sum, s->total);
}

void cli_explain_refund(FILE *out, const medins_settlement *refund)
{
    fprintf(out, words()->refund_n, cli_bold, (long long)refund->claim_id, cli_reset);
    print_figures(out, refund, NULL);
}

void cli_explain_text(FILE *out, const cli_claim_view *v, const medins_result *result)
{
    const cli_words *w = words();
    const medins_claim *c = v->claim;
    const medins_person *p = v->person;
    const medins_settlement *s = medins_result_settlement(result);
    char a[24], b[24], d[11];

    cli_format_date(d, c->date);
    if (c->id)
        fprintf(out, w->claim_n, cli_bold, (long long)c->id, cli_reset);
    else
        fprintf(out, w->claim, cli_bold, cli_reset);
    fprintf(out, w->care, (unsigned)c->kind < MEDINS_CLAIM_KIND_COUNT ? w->kind[c->kind] : "?",
            (unsigned)c->level < MEDINS_LEVEL_COUNT ? w->level[c->level] : "?", d);
    fprintf(out, w->total, cli_yuan(a, c->total));
    if (c->self_paid || c->category_b)
        fprintf(out, w->out_of_scope, cli_yuan(a, c->self_paid), cli_yuan(b, c->category_b));
    fputc('\n', out);
    cli_print_person(out, p, c->date);
    cli_print_policy(out, v->policy);

    cli_print_lines(out, result);
    if (s) {
        const char *fund = NULL;
        if (!s->supplementary || !medins_policy_supplementary(v->policy, c->kind, &fund, NULL))
            fund = NULL;
        print_figures(out, s, fund);
    }
    if (medins_result_is_estimate(result))
        fputs(w->estimate, out);

    cli_print_assumed(out, result, v->assumptions, v->n_assumptions);
}

/* ---- JSON ------------------------------------------------------------------------------- */

void cli_json_money(json_t *obj, const char *key, medins_fen amount)
{
    /* Money twice: yuan text for people, integer fen for programs; never a float. */
    char buf[24], fkey[64];
    json_object_set_new(obj, key, json_string(cli_yuan(buf, amount)));
    snprintf(fkey, sizeof fkey, "%s_fen", key);
    json_object_set_new(obj, fkey, json_integer(amount));
}

void cli_json_ratio(json_t *obj, const char *key, medins_bp ratio)
{
    char r[24];
    medins_ratio_format(r, sizeof r, ratio);
    json_object_set_new(obj, key, json_string(r));
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

void cli_json_date(json_t *obj, const char *key, medins_date date)
{
    char d[11];
    cli_format_date(d, date);
    json_object_set_new(obj, key, date ? json_string(d) : json_null());
}

json_t *cli_json_value(const medins_value *val)
{
    json_t *o = json_object();
    json_object_set_new(o, "path", str_or_null(val->path));
    json_object_set_new(o, "text", str_or_null(val->text));
    json_object_set_new(o, "source", str_or_null(val->source));
    json_object_set_new(o, "source_kind", str_or_null(medins_value_source_kind(val)));
    json_object_set_new(o, "citation", json_string(medins_value_citation(val)));
    json_object_set_new(o, "at", str_or_null(val->at));
    json_object_set_new(o, "assumed", json_boolean(val->assumed));
    json_object_set_new(o, "third_party", json_boolean(val->third_party));
    json_object_set_new(o, "file", str_or_null(val->file));
    json_object_set_new(o, "line", json_integer(val->line));
    json_object_set_new(o, "column", json_integer(val->column));
    return o;
}

/* A ratio in basis points as "80%", signed ("-5%": an adjustment that lowers). */
static json_t *signed_ratio(medins_bp ratio)
{
    char r[24];
    r[0] = '-';
    medins_ratio_format(r + (ratio < 0), sizeof r - 1, ratio < 0 ? -ratio : ratio);
    return json_string(r);
}

/* A step's arguments by name, each as its type says: money as yuan and fen, ratios as
 * percentages and basis points, flags as booleans, dates as dates, enums as their words. */
static json_t *args_json(const medins_step *st)
{
    json_t *o = json_object();
    char key[64];
    for (size_t j = 0; j < medins_step_arg_count(st->kind); j++) {
        const char *name = medins_step_arg_name(st->kind, j);
        const medins_arg_type type = medins_step_arg_type(st->kind, j);
        const int64_t v = st->arg[j];
        switch (type) {
        case MEDINS_ARG_MONEY:
            cli_json_money(o, name, v);
            break;
        case MEDINS_ARG_RATIO:
            json_object_set_new(o, name, signed_ratio((medins_bp)v));
            snprintf(key, sizeof key, "%s_bp", name);
            json_object_set_new(o, key, json_integer(v));
            break;
        case MEDINS_ARG_FLAG:
            json_object_set_new(o, name, json_boolean(v));
            break;
        case MEDINS_ARG_DATE:
            cli_json_date(o, name, (medins_date)v);
            break;
        case MEDINS_ARG_COUNT:
        case MEDINS_ARG_ID:
            json_object_set_new(o, name, json_integer(v));
            break;
        default:
            json_object_set_new(o, name, str_or_null(medins_arg_label(type, v, MEDINS_LANG_EN)));
            break;
        }
    }
    return o;
}

/* The trace: each step with its text in cli_lang and the values it read. */
static json_t *steps_json(const medins_result *result)
{
    json_t *steps = json_array();
    char text[1024];
    for (size_t i = 0; i < medins_result_step_count(result); i++) {
        const medins_step *st = medins_result_step(result, i);
        json_t *o = json_object();
        json_object_set_new(o, "kind", json_string(medins_step_kind_name(st->kind)));
        json_object_set_new(o, "part", json_string(part_key(st->part)));
        json_object_set_new(o, "rule", str_or_null(st->rule));
        cli_json_money(o, "amount", st->amount);
        cli_json_money(o, "base", st->base);
        json_object_set_new(o, "ratio", signed_ratio(st->ratio));
        json_object_set_new(o, "ratio_bp", json_integer(st->ratio));
        json_object_set_new(o, "args", args_json(st));
        json_object_set_new(o, "text", json_string(step_text(text, sizeof text, result, i)));
        json_t *values = json_array();
        for (size_t j = 0; j < st->nvalues; j++)
            json_array_append_new(values, cli_json_value(medins_result_step_value(result, i, j)));
        json_object_set_new(o, "values", values);
        json_array_append_new(steps, o);
    }
    return steps;
}

json_t *cli_json_result(const medins_result *result, const medins_policy *policy,
                        const medins_person *p, const cli_assumption *mine, size_t n_mine)
{
    json_t *root = json_object();
    json_t *pol = json_object();
    json_object_set_new(pol, "id", json_string(medins_policy_id(policy)));
    json_object_set_new(pol, "title", str_or_null(medins_policy_title(policy)));
    json_object_set_new(root, "policy", pol);

    if (p) {
        json_t *person = json_object();
        json_object_set_new(person, "scheme", json_string(medins_scheme_name(p->scheme)));
        json_object_set_new(person, "category", json_string(medins_category_name(p->category)));
        json_object_set_new(person, "tier", json_string(medins_tier_name(p->tier)));
        cli_json_date(person, "birth_date", p->birth_date);
        json_t *groups = json_array();
        for (uint32_t g = 1; g & MEDINS_GROUP_ALL; g <<= 1)
            if (p->groups & g)
                json_array_append_new(groups, json_string(medins_group_name(g)));
        json_object_set_new(person, "groups", groups);
        json_object_set_new(person, "family_doctor", json_integer(p->family_doctor));
        cli_json_date(person, "retirement_date", p->retirement_date);
        json_object_set_new(person, "sex", json_string(medins_sex_name(p->sex)));
        json_object_set_new(person, "contribution_months", json_integer(p->contribution_months));
        json_t *cohorts = json_array();
        for (size_t i = 0; i < medins_policy_cohort_count(policy); i++)
            if (p->cohorts >> i & 1)
                json_array_append_new(cohorts, json_string(medins_policy_cohort_name(policy, i)));
        json_object_set_new(person, "cohorts", cohorts);
        json_object_set_new(root, "person", person);
    }

    json_t *lines = json_array();
    for (size_t i = 0; i < medins_result_line_count(result); i++) {
        const medins_line *l = medins_result_line(result, i);
        json_t *o = json_object();
        const char *part = medins_part_name(l->part);
        json_object_set_new(o, "part", json_string(part ? part : "unknown"));
        cli_json_money(o, "amount", l->amount);
        cli_json_money(o, "base", l->base);
        cli_json_ratio(o, "ratio", l->ratio);
        json_object_set_new(o, "rule", str_or_null(l->rule));
        json_object_set_new(o, "text", str_or_null(l->text));
        json_object_set_new(o, "source", str_or_null(l->source));
        json_object_set_new(o, "citation", str_or_null(l->citation));
        json_object_set_new(o, "file", str_or_null(l->file));
        json_object_set_new(o, "line", json_integer(l->line));
        json_object_set_new(o, "column", json_integer(l->column));
        json_object_set_new(o, "assumed", json_boolean(l->assumed));
        json_object_set_new(o, "third_party", json_boolean(l->third_party));
        json_array_append_new(lines, o);
    }
    json_object_set_new(root, "lines", lines);
    json_object_set_new(root, "lang", json_string(medins_lang_name(cli_lang)));
    json_object_set_new(root, "steps", steps_json(result));

    json_t *assumed = json_array();
    for (size_t i = 0; i < medins_result_assumed_count(result); i++)
        json_array_append_new(assumed, cli_json_value(medins_result_assumed(result, i)));
    json_object_set_new(root, "assumed", assumed);
    json_t *third = json_array();
    for (size_t i = 0; i < medins_result_third_party_count(result); i++)
        json_array_append_new(third, cli_json_value(medins_result_third_party(result, i)));
    json_object_set_new(root, "third_party", third);
    json_t *own = json_array();
    for (size_t i = 0; i < n_mine; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "what", json_string(mine[i].what));
        json_object_set_new(o, "value", json_string(mine[i].value));
        json_object_set_new(o, "why", json_string(mine[i].why));
        json_array_append_new(own, o);
    }
    json_object_set_new(root, "command_assumptions", own);
    return root;
}

int cli_json_write(FILE *out, json_t *root)
{
    int rc = root ? json_dumpf(root, out, JSON_INDENT(2)) : -1;
    json_decref(root);
    if (rc == 0 && fputc('\n', out) == EOF)
        rc = -1;
    return rc == 0 ? 0 : -1;
}

int cli_explain_json(FILE *out, const cli_claim_view *v, const medins_result *result)
{
    const medins_claim *c = v->claim;
    const medins_settlement *s = medins_result_settlement(result);
    json_t *root = cli_json_result(result, v->policy, v->person, v->assumptions, v->n_assumptions);

    json_t *claim = json_object();
    json_object_set_new(claim, "id", json_integer(c->id));
    cli_json_date(claim, "date", c->date);
    json_object_set_new(claim, "kind", json_string(medins_claim_kind_name(c->kind)));
    json_object_set_new(claim, "level", json_string(medins_level_name(c->level)));
    json_object_set_new(claim, "institution", json_integer(c->institution));
    cli_json_money(claim, "total", c->total);
    cli_json_money(claim, "self_paid", c->self_paid);
    cli_json_money(claim, "category_b", c->category_b);
    json_object_set_new(root, "claim", claim);

    if (s) {
        /* With the section's supplementary fund only: its payment, name and code. */
        const char *fund = NULL, *code = NULL;
        const int supp = medins_policy_supplementary(v->policy, c->kind, &fund, &code);
        json_t *fig = cli_json_figures(s, supp);
        if (supp) {
            json_object_set_new(fig, "supplementary_fund", json_string(fund));
            json_object_set_new(fig, "supplementary_fund_pay_type", json_string(code));
        }
        json_object_set_new(root, "settlement", fig);
    }
    json_object_set_new(root, "estimate", json_boolean(medins_result_is_estimate(result)));
    return cli_json_write(out, root);
}

json_t *cli_json_figures(const medins_settlement *s, int supplementary)
{
    json_t *fig = json_object();
    cli_json_money(fig, "total", s->total);
    cli_json_money(fig, "self_paid", s->self_paid);
    cli_json_money(fig, "category_b", s->category_b);
    cli_json_money(fig, "in_scope", s->in_scope);
    cli_json_money(fig, "deductible", s->deductible);
    cli_json_money(fig, "fund", s->fund);
    cli_json_money(fig, "coinsurance", s->coinsurance);
    cli_json_money(fig, "over_cap", s->over_cap);
    if (supplementary)
        cli_json_money(fig, "supplementary", s->supplementary);
    cli_json_money(fig, "major_disease", s->major_disease);
    cli_json_money(fig, "assistance", s->assistance);
    cli_json_money(fig, "patient", s->patient);
    cli_json_money(fig, "account", s->account);
    cli_json_money(fig, "cash", s->cash);
    cli_json_ratio(fig, "ratio", s->ratio);
    json_object_set_new(fig, "admission", json_integer(s->admission));
    return fig;
}

int cli_json_refund(FILE *out, const medins_settlement *refund)
{
    json_t *root = json_object();
    json_object_set_new(root, "claim_id", json_integer(refund->claim_id));
    /* A record holds the supplementary fund's payment whatever the policy: always given. */
    json_object_set_new(root, "refund", cli_json_figures(refund, 1));
    return cli_json_write(out, root);
}

void cli_print_row(FILE *out, const char *label, const char *text)
{
    fputs("  ", out);
    pad(out, label, 30);
    fprintf(out, " %12s\n", text);
}

void cli_print_figure(FILE *out, const char *label, medins_fen amount)
{
    char a[24];
    cli_print_row(out, label, cli_yuan(a, amount));
}
