/* Rendering an explained settlement: text for people, JSON (jansson) for programs. */
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char *part_label(medins_part part)
{
    switch (part) {
    case MEDINS_PART_SELF_PAID: return "Fully self-paid items";
    case MEDINS_PART_CATEGORY_B: return "Category-B first self-pay";
    case MEDINS_PART_DEDUCTIBLE: return "Deductible";
    case MEDINS_PART_FUND: return "Basic fund pays";
    case MEDINS_PART_COINSURANCE: return "Patient's share";
    case MEDINS_PART_OVER_CAP: return "Above the annual maximum";
    case MEDINS_PART_MAJOR_DISEASE: return "Major-disease insurance";
    case MEDINS_PART_ASSISTANCE: return "Medical assistance";
    case MEDINS_PART_PATIENT: return "Patient pays";
    case MEDINS_PART_ACCOUNT: return "  from the account";
    case MEDINS_PART_INFO: return "Note";
    case MEDINS_PART_CONTRIBUTION: return "Contribution";
    case MEDINS_PART_BENEFIT: return "Benefit";
    default: return "?";
    }
}

/* Who bears a part's amount: the reader's first question. */
static const char *part_payer(medins_part part)
{
    switch (part) {
    case MEDINS_PART_SELF_PAID:
    case MEDINS_PART_CATEGORY_B:
    case MEDINS_PART_DEDUCTIBLE:
    case MEDINS_PART_COINSURANCE:
    case MEDINS_PART_OVER_CAP:
    case MEDINS_PART_PATIENT: return "patient";
    case MEDINS_PART_FUND: return "fund";
    case MEDINS_PART_MAJOR_DISEASE: return "major-disease";
    case MEDINS_PART_ASSISTANCE: return "assistance";
    case MEDINS_PART_ACCOUNT: return "account";
    default: return "";
    }
}

static const char *level_phrase(medins_level level)
{
    switch (level) {
    case MEDINS_LEVEL_PRIMARY: return "a primary institution";
    case MEDINS_LEVEL_1: return "a level-1 hospital";
    case MEDINS_LEVEL_2: return "a level-2 hospital";
    case MEDINS_LEVEL_3: return "a level-3 hospital";
    case MEDINS_LEVEL_PHARMACY: return "a designated pharmacy";
    default: return "?";
    }
}

static void rule(FILE *out)
{
    fputs("  ", out);
    for (int i = 0; i < 74; i++)
        fputs("\xe2\x94\x80", out);   /* U+2500 box drawing */
    fputc('\n', out);
}

void cli_print_lines(FILE *out, const medins_result *result)
{
    char a[24], b[24];
    fprintf(out, "  %s%-30s %12s  %s%s\n", cli_bold, "Part", "Yuan", "Borne by", cli_reset);
    rule(out);
    for (size_t i = 0; i < medins_result_line_count(result); i++) {
        const medins_line *l = medins_result_line(result, i);
        /* The last column: who bears the amount and what it is a share of ("fund, 80% of
         * 10000.00"), either alone, or nothing (no trailing comma or spaces). */
        const int info = l->part == MEDINS_PART_INFO;
        const char *payer = info ? "" : part_payer(l->part);
        char share[64] = "";
        if (l->ratio && l->base) {
            medins_ratio_format(b, sizeof b, l->ratio);
            snprintf(share, sizeof share, "%s%s of %s", *payer ? ", " : "", b, cli_yuan(a, l->base));
        }
        if (info) {
            /* A figure that moves no money (a maximum, a count): dimmed, apart from the money. */
            fprintf(out, "  %s%s", cli_dim, "(for reference)");
            if (l->amount || *share)
                fprintf(out, "%15s %12s", "", l->amount ? cli_yuan(a, l->amount) : "");
            if (*share)
                fprintf(out, "  %s", share);
            fputs(cli_reset, out);
        } else {
            fprintf(out, "  %-30s %12s", part_label(l->part), cli_yuan(a, l->amount));
            if (*payer || *share)
                fprintf(out, "  %s%s", payer, share);
        }
        fputc('\n', out);
        if (l->text && *l->text)
            fprintf(out, "      %s\n", l->text);
        if (l->rule && *l->rule) {
            fprintf(out, "      %srule %s", cli_dim, l->rule);
            if (l->file)
                fprintf(out, " \xc2\xb7 %s:%u", l->file, l->line);
            fprintf(out, "%s\n", cli_reset);
        }
        if (l->citation && *l->citation)
            fprintf(out, "      %s%s%s%s\n", l->assumed ? cli_yellow : cli_dim,
                    l->assumed ? "" : "cites ", l->citation, cli_reset);
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
    size_t n = medins_result_third_party_count(result);
    if (n == 0)
        return;
    fprintf(out, "\n%sThird-party values used%s (%zu): from public pages or guides, not official texts\n",
            cli_yellow, cli_reset, n);
    for (size_t i = 0; i < n; i++) {
        const medins_value *val = medins_result_third_party(result, i);
        char why[512];
        snprintf(why, sizeof why, "%s: %s", val->source ? val->source : "?", val->at ? val->at : "");
        print_value(out, val, why);
    }
}

void cli_print_assumed(FILE *out, const medins_result *result, const cli_assumption *mine, size_t n_mine)
{
    size_t nres = medins_result_assumed_count(result);
    if (nres + n_mine > 0)
        fprintf(out, "\n%sAssumed values used%s (%zu): not stated by any source; check before relying on them\n",
                cli_yellow, cli_reset, nres + n_mine);
    for (size_t i = 0; i < nres; i++) {
        const medins_value *val = medins_result_assumed(result, i);
        print_value(out, val, val->at);
    }
    for (size_t i = 0; i < n_mine; i++)
        fprintf(out, "  * %s = %s  (this command)\n      %s\n", mine[i].what, mine[i].value, mine[i].why);
    print_third_party(out, result);
}

void cli_print_person(FILE *out, const medins_person *p, medins_date on)
{
    char d[11];
    fprintf(out, "  person: %s, %s", medins_scheme_name(p->scheme), medins_category_name(p->category));
    if (p->tier != MEDINS_TIER_NONE)
        fprintf(out, ", %s tier", medins_tier_name(p->tier));
    for (uint32_t g = 1; g & MEDINS_GROUP_ALL; g <<= 1)
        if (p->groups & g)
            fprintf(out, ", %s", medins_group_name(g));
    if (p->birth_date) {
        cli_format_date(d, p->birth_date);
        fprintf(out, ", born %s (age %d)", d, medins_age_on(p->birth_date, on));
    }
    fputc('\n', out);
}

void cli_print_policy(FILE *out, const medins_policy *policy)
{
    fprintf(out, "  policy: %s \xe2\x80\x94 %s\n\n", medins_policy_id(policy), medins_policy_title(policy));
}

void cli_explain_text(FILE *out, const cli_claim_view *v, const medins_result *result)
{
    const medins_claim *c = v->claim;
    const medins_person *p = v->person;
    const medins_settlement *s = medins_result_settlement(result);
    char a[24], b[24], d[11];

    cli_format_date(d, c->date);
    if (c->id)
        fprintf(out, "%sSettlement of claim %lld%s: ", cli_bold, (long long)c->id, cli_reset);
    else
        fprintf(out, "%sSettlement%s: ", cli_bold, cli_reset);
    fprintf(out, "%s care at %s on %s\n", medins_claim_kind_name(c->kind), level_phrase(c->level), d);
    fprintf(out, "  total %s yuan", cli_yuan(a, c->total));
    if (c->self_paid || c->category_b)
        fprintf(out, " (fully self-paid %s, category-B first self-pay %s)",
                cli_yuan(a, c->self_paid), cli_yuan(b, c->category_b));
    fputc('\n', out);
    cli_print_person(out, p, c->date);
    cli_print_policy(out, v->policy);

    cli_print_lines(out, result);
    if (s) {
        cli_print_figure(out, "Basic fund", s->fund);
        if (s->major_disease)
            cli_print_figure(out, "Major-disease insurance", s->major_disease);
        if (s->assistance)
            cli_print_figure(out, "Medical assistance", s->assistance);
        fprintf(out, "  %s%-30s %12s%s\n", cli_bold, "Patient", cli_yuan(a, s->patient), cli_reset);
        if (s->account)
            fprintf(out, "    %-28s %12s\n    %-28s %12s\n", "from the individual account",
                    cli_yuan(a, s->account), "in cash", cli_yuan(b, s->cash));
        cli_print_figure(out, "Total", s->total);
    }

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
    json_object_set_new(o, "at", str_or_null(val->at));
    json_object_set_new(o, "assumed", json_boolean(val->assumed));
    json_object_set_new(o, "third_party", json_boolean(val->third_party));
    json_object_set_new(o, "file", str_or_null(val->file));
    json_object_set_new(o, "line", json_integer(val->line));
    json_object_set_new(o, "column", json_integer(val->column));
    return o;
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
        json_t *fig = json_object();
        cli_json_money(fig, "total", s->total);
        cli_json_money(fig, "self_paid", s->self_paid);
        cli_json_money(fig, "category_b", s->category_b);
        cli_json_money(fig, "in_scope", s->in_scope);
        cli_json_money(fig, "deductible", s->deductible);
        cli_json_money(fig, "fund", s->fund);
        cli_json_money(fig, "coinsurance", s->coinsurance);
        cli_json_money(fig, "over_cap", s->over_cap);
        cli_json_money(fig, "major_disease", s->major_disease);
        cli_json_money(fig, "assistance", s->assistance);
        cli_json_money(fig, "patient", s->patient);
        cli_json_money(fig, "account", s->account);
        cli_json_money(fig, "cash", s->cash);
        cli_json_ratio(fig, "ratio", s->ratio);
        json_object_set_new(fig, "admission", json_integer(s->admission));
        json_object_set_new(root, "settlement", fig);
    }
    return cli_json_write(out, root);
}

void cli_print_row(FILE *out, const char *label, const char *text)
{
    fprintf(out, "  %-30s %12s\n", label, text);
}

void cli_print_figure(FILE *out, const char *label, medins_fen amount)
{
    char a[24];
    cli_print_row(out, label, cli_yuan(a, amount));
}
