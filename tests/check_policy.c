/*
 * Loading single policies: the value registry with paths, citations and positions,
 * inheritance (merge by id, replacement, null removal), derive, the binder primitives and
 * matching, and the limits that refuse hostile files.
 *
 * tests/data/loader/full.yaml is the main fixture; the positions asserted below are read off
 * that file (line, then column counted from 1 on that line).
 */
#include <string.h>
#include <time.h>

#include "bind.h"
#include "policy.h"
#include "select.h"
#include "runner.h"

static medins_policy *full;

static void load_full(void) { full = medins_test_load("data/loader/full.yaml"); }

static void free_full(void)
{
    medins_policy_free(full);
    full = NULL;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* ---- load ------------------------------------------------------------------------------- */

START_TEST(meta)
{
    ck_assert_str_eq(medins_policy_id(full), "testland/full");
    ck_assert_str_eq(medins_policy_region(full), "testland");
    ck_assert_str_eq(medins_policy_title(full), "Testland test policy");
    ck_assert_int_eq(medins_policy_effective_from(full), 20230101);
    ck_assert_int_eq(medins_policy_effective_to(full), 20231231);
    ck_assert_msg(medins_policy_in_force(full, 20230101) && medins_policy_in_force(full, 20231231), "in force");
    ck_assert_msg(!medins_policy_in_force(full, 20221231) && !medins_policy_in_force(full, 20240101), "bounds");
    ck_assert_msg(medins_policy_has_section(full, MEDINS_SECTION_OUTPATIENT) &&
                  medins_policy_has_section(full, MEDINS_SECTION_INPATIENT), "sections present");
    ck_assert_msg(!medins_policy_has_section(full, MEDINS_SECTION_MATERNITY) &&
                  !medins_policy_has_section(full, MEDINS_SECTION_COUNT), "sections absent");
    ck_assert_str_eq(medins_section_name(MEDINS_SECTION_OUTPATIENT_POOLING), "outpatient_pooling");
    ck_assert_msg(medins_section_name(MEDINS_SECTION_COUNT) == NULL, "section name out of range");
}
END_TEST

START_TEST(sources)
{
    ck_assert_uint_eq(medins_policy_source_count(full), 2);
    const medins_source *a = medins_policy_source(full, 0);
    ck_assert_str_eq(a->id, "doc-a");
    ck_assert_str_eq(a->title, "Document A");
    ck_assert_str_eq(a->number, "No. 7");
    ck_assert_str_eq(a->issuer, "Testland Bureau");
    ck_assert_str_eq(a->date, "2023");
    ck_assert_str_eq(a->kind, "official");               /* the default */
    ck_assert_msg(ends_with(a->file, "data/loader/full.yaml") && a->line == 10, "doc-a at line 10");
    const medins_source *b = medins_policy_find_source(full, "doc-b");
    ck_assert_msg(b == medins_policy_source(full, 1), "find doc-b");
    ck_assert_str_eq(b->kind, "third-party");
    ck_assert_str_eq(b->number, "");
    ck_assert_msg(medins_policy_find_source(full, "doc-c") == NULL && medins_policy_source(full, 2) == NULL,
                  "no third source");
}
END_TEST

typedef struct value_case {
    const char *path, *text, *source, *at;
    unsigned line, col;
    const char *citation;
} value_case;

/* Columns: e.g. line 21 `    - {scheme: employee, category: retired, age_min: 70, amount: 650}`:
 * "    - {" is 7 characters, "scheme: employee, " 18, "category: retired, " 19, "age_min: " 9,
 * so 70 starts at column 54; "70, amount: " is 12 more, so 650 starts at 66. */
static const value_case value_cases[] = {
    { "outpatient.deductible[0].age_min", "70", "doc-a", "article 4", 21, 54, "Document A (No. 7; Testland Bureau, 2023), article 4" },
    { "outpatient.deductible[0].amount", "650", "doc-a", "article 4", 21, 66, "Document A (No. 7; Testland Bureau, 2023), article 4" },
    { "outpatient.deductible[1].amount", "800", "doc-a", "article 4", 22, 34, "Document A (No. 7; Testland Bureau, 2023), article 4" },
    /* A row's own cite overrides the section's; Document B has no number, issuer or date, and
     * is of kind third-party, which its citation says first. */
    { "outpatient.deductible[2].amount", "500", "doc-b", "table 2", 23, 34, "third-party: Document B, table 2" },
    { "outpatient.ratio[0].ratio", "55%", "doc-a", "article 4", 25, 32, "Document A (No. 7; Testland Bureau, 2023), article 4" },
    { "outpatient.ratio[1].ratio", "50%", NULL, "level-3 ratio not stated", 26, 26,
      "assumed: level-3 ratio not stated" },
    /* Quoted: the position is the opening quote's. */
    { "outpatient.cap[0].amount", "1100.50", "doc-a", "article 4", 28, 16, "Document A (No. 7; Testland Bureau, 2023), article 4" },
    { "inpatient.deductible[0].amount", "1000", "doc-a", "article 5", 32, 34, "Document A (No. 7; Testland Bureau, 2023), article 5" },
    { "inpatient.ratio[0].segments[0].to", "100000", "doc-a", "article 5", 38, 25, "Document A (No. 7; Testland Bureau, 2023), article 5" },
    { "inpatient.ratio[0].segments[1].from", "100000", "doc-a", "article 5", 39, 18, "Document A (No. 7; Testland Bureau, 2023), article 5" },
    { "inpatient.ratio[0].segments[1].ratio", "90%", "doc-a", "article 5", 39, 33, "Document A (No. 7; Testland Bureau, 2023), article 5" },
    { "inpatient.ratio[1].ratio", "60%", "doc-a", "article 5", 42, 14, "Document A (No. 7; Testland Bureau, 2023), article 5" },
    { "inpatient.adjustments[0].add", "5%", "doc-a", "article 5", 44, 51, "Document A (No. 7; Testland Bureau, 2023), article 5" },
};

START_TEST(values_table)
{
    const value_case *c = &value_cases[_i];
    const medins_value *v = medins_policy_find_value(full, c->path);
    ck_assert_msg(v != NULL, "%s: not found", c->path);
    ck_assert_msg(strcmp(v->text, c->text) == 0, "%s: text %s", c->path, v->text);
    if (c->source)
        ck_assert_msg(v->source && strcmp(v->source, c->source) == 0 && !v->assumed, "%s: source", c->path);
    else
        ck_assert_msg(v->source == NULL && v->assumed, "%s: assumed", c->path);
    /* Only doc-b is of kind third-party. */
    ck_assert_msg(v->third_party == (c->source && strcmp(c->source, "doc-b") == 0),
                  "%s: third_party %d", c->path, v->third_party);
    ck_assert_msg(strcmp(v->at, c->at) == 0, "%s: at \"%s\"", c->path, v->at);
    ck_assert_msg(ends_with(v->file, "data/loader/full.yaml"), "%s: file %s", c->path, v->file);
    ck_assert_msg(v->line == c->line && v->column == c->col, "%s: at %u:%u, expected %u:%u", c->path,
                  v->line, v->column, c->line, c->col);
    /* The registry's record starts with the public value: the formatted citation is beside it. */
    const mdn_val *val = (const mdn_val *)v;
    ck_assert_msg(strcmp(val->citation, c->citation) == 0, "%s: citation \"%s\"", c->path, val->citation);
}
END_TEST

/*
 * A value's key names its rows instead of numbering them (full.yaml): by id, else by selectors
 * (lists joined with +), else, when the row has none or another row has the same, by index;
 * segments have no selectors and keep theirs.
 */
START_TEST(value_keys)
{
    static const char *const keys[][2] = {
        {"outpatient.deductible[0].amount",
         "outpatient.deductible[scheme=employee,category=retired,age_min=70].amount"},
        {"outpatient.deductible[2].amount", "outpatient.deductible[scheme=resident].amount"},
        {"outpatient.ratio[0].ratio", "outpatient.ratio[level=l1+l2].ratio"},
        {"outpatient.cap[0].amount", "outpatient.cap[0].amount"},
        {"inpatient.deductible[0].amount", "inpatient.deductible[admission=first].amount"},
        {"inpatient.deductible[1].amount", "inpatient.deductible[1].amount"},
        {"inpatient.ratio[0].segments[1].ratio", "inpatient.ratio[id=employee].segments[1].ratio"},
        {"inpatient.adjustments[0].add", "inpatient.adjustments[id=dibao].add"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const medins_value *v = medins_policy_find_value(full, keys[i][0]);
        ck_assert_msg(v && strcmp(v->key, keys[i][1]) == 0, "%s: key %s", keys[i][0],
                      v ? v->key : "(no value)");
    }
}
END_TEST

START_TEST(value_registry)
{
    /* outpatient: deductible 2 + 1 + 1, ratio 2, cap 1 = 7; inpatient: deductible 2, segments
     * 3 + 2, resident ratio 1, adjustment 1 = 9. */
    ck_assert_uint_eq(medins_policy_value_count(full), 16);
    for (size_t i = 0; i < 16; i++) {
        const medins_value *v = medins_policy_value(full, i);
        ck_assert_msg(v && medins_policy_find_value(full, v->path) == v, "value %zu found by its path", i);
    }
    ck_assert_msg(medins_policy_value(full, 16) == NULL, "past the end");
    ck_assert_msg(medins_policy_find_value(full, "outpatient.deductible[3].amount") == NULL, "no such path");
    ck_assert_msg(medins_policy_find_value(full, "inpatient.ratio[0].segments[1].to") == NULL,
                  "an open segment has no `to`");
}
END_TEST

START_TEST(load_string_names_the_text)
{
    static const char text[] =
        "format: 1\n"
        "region: strland\n"
        "effective: {from: 2024-01-01}\n"
        "sources: [{id: s, title: S}]\n"
        "outpatient: {cite: \"s: 1\", ratio: [{ratio: 40%}]}\n"
        "trailing garbage that is not part of the length";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    size_t len = strlen(text) - strlen("trailing garbage that is not part of the length");
    int rc = medins_policy_load_string(&p, "mine.yaml", text, len, NULL, NULL, &err);
    ck_assert_msg(rc == 0, "load: %s", err ? medins_error_message(err) : "");
    ck_assert_str_eq(medins_policy_id(p), "strland/mine");
    ck_assert_str_eq(medins_policy_title(p), "strland/mine");   /* no title: the id */
    ck_assert_int_eq(medins_policy_effective_to(p), 0);
    const medins_value *v = medins_policy_find_value(p, "outpatient.ratio[0].ratio");
    /* `outpatient: {cite: "s: 1", ratio: [{ratio: 40%}]}`: "outpatient: {" is 13 characters,
     * `cite: "s: 1", ` 14, "ratio: [{" 9, "ratio: " 7: 40% starts at column 44. */
    ck_assert_msg(v && strcmp(v->file, "mine.yaml") == 0 && v->line == 5 && v->column == 44,
                  "value position %s:%u:%u", v ? v->file : "", v ? v->line : 0, v ? v->column : 0);
    medins_policy_free(p);
}
END_TEST

START_TEST(value_with_its_own_cite)
{
    /* Two values of one row cite different sources: `individual` is written as
     * {value: 2%, cite: ...}; `employer` takes the row's cite. A {value: ...} mapping without a
     * cite of its own is not collapsed, so the ratio binder sees a mapping: MEDINS_ERR_TYPE. */
    static const char text[] =
        "format: 1\n"
        "region: strland\n"
        "effective: {from: 2024-01-01}\n"
        "sources: [{id: a, title: A}, {id: b, title: B, kind: third-party}]\n"
        "outpatient:\n"
        "  cite: \"a: 1\"\n"
        "  ratio:\n"
        "    - {level: l1, ratio: {value: 40%, cite: \"b: table 2\"}}\n"
        "    - {level: l2, ratio: 30%}\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&p, "two.yaml", text, strlen(text), NULL, NULL, &err);
    ck_assert_msg(rc == 0, "load: %s", err ? medins_error_message(err) : "");
    const medins_value *own = medins_policy_find_value(p, "outpatient.ratio[0].ratio");
    const medins_value *row = medins_policy_find_value(p, "outpatient.ratio[1].ratio");
    ck_assert_msg(own && strcmp(own->text, "40%") == 0 && strcmp(own->source, "b") == 0 &&
                  strcmp(own->at, "table 2") == 0, "own cite: %s", own ? own->source : "none");
    /* "    - {level: l1, ratio: {value: " is 33 characters: 40% starts at column 34 of line 8. */
    ck_assert_msg(own->line == 8 && own->column == 34, "own position %u:%u", own->line, own->column);
    ck_assert_msg(row && strcmp(row->source, "a") == 0, "row cite: %s", row ? row->source : "none");
    medins_policy_free(p);

    /* {value: 40%} without a cite of its own takes the enclosing one, like a plain 40%;
     * with no enclosing cite it is uncited (MEDINS_ERR_CITATION at the value, line 5). */
    static const char inherits[] =
        "format: 1\n"
        "region: strland\n"
        "effective: {from: 2024-01-01}\n"
        "sources: [{id: a, title: A}]\n"
        "outpatient: {cite: \"a: 1\", ratio: [{ratio: {value: 40%}}]}\n";
    p = NULL;
    rc = medins_policy_load_string(&p, "inherit.yaml", inherits, strlen(inherits), NULL, NULL, &err);
    ck_assert_msg(rc == 0, "load: %s", err ? medins_error_message(err) : "");
    own = medins_policy_find_value(p, "outpatient.ratio[0].ratio");
    ck_assert_msg(own && strcmp(own->source, "a") == 0, "inherited cite: %s", own ? own->source : "none");
    medins_policy_free(p);

    static const char uncited[] =
        "format: 1\n"
        "region: strland\n"
        "effective: {from: 2024-01-01}\n"
        "sources: [{id: a, title: A}]\n"
        "outpatient: {ratio: [{ratio: {value: 40%}}]}\n";
    p = NULL;
    rc = medins_policy_load_string(&p, "bad.yaml", uncited, strlen(uncited), NULL, NULL, &err);
    ck_assert_int_eq(rc, MEDINS_ERR_CITATION);
    ck_assert_int_eq(medins_error_line(err), 5);
    ck_assert_ptr_null(p);
    medins_error_free(err);
}
END_TEST

/* A value citing a source of kind reform is the reform's own: the source keeps the kind, the
 * line's citation says "reform:" first, and the value is neither assumed nor third-party. */
START_TEST(reform_source_kind)
{
    static const char text[] =
        "format: 1\n"
        "region: strland\n"
        "kind: reform\n"
        "effective: {from: 2024-01-01}\n"
        "sources: [{id: a, title: A}, {id: r, title: \"Level 1 at 45%\", kind: reform}]\n"
        "outpatient:\n"
        "  ratio:\n"
        "    - {level: l1, ratio: {value: 45%, cite: \"r: set in code\"}}\n"
        "    - {level: l2, ratio: 30%, cite: \"a: 2\"}\n";
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&p, "reform.yaml", text, strlen(text), NULL, NULL, &err);
    ck_assert_msg(rc == 0, "load: %s", err ? medins_error_message(err) : "");
    const medins_source *src = medins_policy_find_source(p, "r");
    ck_assert_msg(src && strcmp(src->kind, "reform") == 0, "kind %s", src ? src->kind : "none");
    ck_assert_str_eq(medins_policy_find_source(p, "a")->kind, "official");
    const medins_value *v = medins_policy_find_value(p, "outpatient.ratio[0].ratio");
    ck_assert_msg(v && strcmp(v->source, "r") == 0 && !v->assumed && !v->third_party,
                  "the reform's value: %s", v ? v->source : "none");
    /* Its line cites "reform: <title>, <place>". */
    medins_person person;
    medins_claim claim;
    medins_ledger ledger;
    medins_result *r = NULL;
    medins_person_init(&person);
    medins_claim_init(&claim);
    claim.date = 20240301;
    claim.total = Y(100);
    medins_ledger_init(&ledger, 2024);
    ck_assert_int_eq(medins_settle(&r, p, &person, &claim, &ledger, NULL), 0);
    const medins_line *cited = NULL;
    for (size_t i = 0; i < medins_result_line_count(r) && !cited; i++)
        if (medins_result_line(r, i)->source && strcmp(medins_result_line(r, i)->source, "r") == 0)
            cited = medins_result_line(r, i);
    ck_assert_msg(cited && strcmp(cited->citation, "reform: Level 1 at 45%, set in code") == 0,
                  "citation: %s", cited ? cited->citation : "none");
    ck_assert_msg(!cited->assumed && !cited->third_party, "a reform's value is its own");
    medins_result_free(r);
    medins_policy_free(p);
}
END_TEST

START_TEST(errors_leave_out_untouched)
{
    medins_policy *p = (medins_policy *)&p;
    medins_error *err = NULL;
    int rc = medins_policy_load_string(&p, "bad.yaml", "format: 1\nregion: x\n", 20, NULL, NULL, &err);
    ck_assert_msg(rc == MEDINS_ERR_MISSING && p == (medins_policy *)&p, "effective is required for a year");
    ck_assert_msg(medins_error_line(err) == 1 && medins_error_column(err) == 1, "at the top mapping");
    medins_error_free(err);
    ck_assert_int_eq(medins_policy_load_file(&p, "/nonexistent/x.yaml", NULL, NULL, NULL), MEDINS_ERR_IO);
    ck_assert_int_eq(medins_policy_load_file(NULL, "x", NULL, NULL, NULL), MEDINS_ERR_ARGUMENT);
    ck_assert_int_eq(medins_policy_load_string(&p, "e.yaml", "", 0, NULL, NULL, NULL), MEDINS_ERR_TYPE);
    ck_assert_msg(p == (medins_policy *)&p, "still untouched");
}
END_TEST

/* ---- inheritance and derive ------------------------------------------------------------- */

static medins_policy *derive(const char *yaml, int expect_rc, medins_error **errp)
{
    medins_policy *p = NULL;
    medins_error *err = NULL;
    int rc = medins_policy_derive(&p, full, "overlay.yaml", yaml, strlen(yaml), &err);
    ck_assert_msg(rc == expect_rc, "derive: rc %d (%s), expected %d", rc, err ? medins_error_message(err) : "",
                  expect_rc);
    if (errp)
        *errp = err;
    else
        medins_error_free(err);
    return p;
}

START_TEST(derive_merges_by_id)
{
    /* Row `resident` is changed in place, `widow` is new and appended; `employee` keeps its
     * segments, cited from full.yaml. The overlay cites a source of its base. */
    medins_policy *p = derive("inpatient:\n"
                              "  ratio:\n"
                              "    - {id: resident, scheme: resident, ratio: 65%, cite: \"doc-a: art. 9\"}\n"
                              "    - {id: widow, groups: bereaved_parent, ratio: 70%, cite: \"doc-a: art. 10\"}\n",
                              0, NULL);
    const medins_value *v = medins_policy_find_value(p, "inpatient.ratio[1].ratio");
    ck_assert_msg(v && strcmp(v->text, "65%") == 0 && strcmp(v->file, "overlay.yaml") == 0 && v->line == 3 &&
                  strcmp(v->at, "art. 9") == 0, "resident row overridden");
    v = medins_policy_find_value(p, "inpatient.ratio[2].ratio");
    ck_assert_msg(v && strcmp(v->text, "70%") == 0 && v->line == 4, "new row appended");
    v = medins_policy_find_value(p, "inpatient.ratio[0].segments[0].ratio");
    ck_assert_msg(v && strcmp(v->text, "85%") == 0 && ends_with(v->file, "full.yaml") && v->line == 38 &&
                  strcmp(v->at, "article 5") == 0, "employee row kept with its own file and cite");
    /* Everything else is inherited: 16 values, one replaced, one added. */
    ck_assert_uint_eq(medins_policy_value_count(p), 17);
    ck_assert_str_eq(medins_policy_id(p), "testland/overlay");
    ck_assert_int_eq(medins_policy_effective_from(p), 20230101);
    medins_policy_free(p);
    /* The base is unchanged by the derive. */
    ck_assert_uint_eq(medins_policy_value_count(full), 16);
    ck_assert_str_eq(medins_policy_find_value(full, "inpatient.ratio[1].ratio")->text, "60%");
}
END_TEST

START_TEST(derive_replaces_and_removes)
{
    /* outpatient.ratio rows have no ids: the list is replaced whole. inpatient is removed. */
    medins_policy *p = derive("sources: [{id: mine, title: Mine}]\n"
                              "outpatient:\n"
                              "  ratio: [{ratio: 40%, cite: \"mine: all\"}]\n"
                              "inpatient: ~\n", 0, NULL);
    ck_assert_msg(!medins_policy_has_section(p, MEDINS_SECTION_INPATIENT), "inpatient removed");
    ck_assert_msg(medins_policy_has_section(p, MEDINS_SECTION_OUTPATIENT), "outpatient kept");
    ck_assert_msg(medins_policy_find_value(p, "outpatient.ratio[1].ratio") == NULL, "old second row gone");
    const medins_value *v = medins_policy_find_value(p, "outpatient.ratio[0].ratio");
    ck_assert_msg(v && strcmp(v->text, "40%") == 0 && strcmp(v->source, "mine") == 0, "new row");
    /* Sources: the base's two, then the overlay's. */
    ck_assert_uint_eq(medins_policy_source_count(p), 3);
    ck_assert_str_eq(medins_policy_source(p, 2)->id, "mine");
    ck_assert_str_eq(medins_policy_source(p, 2)->file, "overlay.yaml");
    /* 7 outpatient values, less the 2 old ratios, plus 1 new: 6. */
    ck_assert_uint_eq(medins_policy_value_count(p), 6);
    medins_policy_free(p);
}
END_TEST

START_TEST(derive_errors)
{
    medins_error *err = NULL;
    derive("sources: [{id: doc-a, title: Again}]\n", MEDINS_ERR_DUPLICATE, &err);
    ck_assert_msg(strcmp(medins_error_file(err), "overlay.yaml") == 0 && medins_error_line(err) == 1 &&
                  medins_error_column(err) == 16, "duplicate source id at the overlay's id");
    medins_error_free(err);
    /* An overriding value must cite its own source: the section's cite is in full.yaml. */
    derive("outpatient:\n  cap: [{amount: 2000}]\n", MEDINS_ERR_CITATION, &err);
    ck_assert_msg(medins_error_line(err) == 2 && medins_error_column(err) == 18, "uncited override at 2:18");
    medins_error_free(err);
    derive("outpatient: {cite: \"nodoc: 1\", cap: [{amount: 2000}]}\n", MEDINS_ERR_CITATION, &err);
    medins_error_free(err);
}
END_TEST

typedef struct overlay_error_case {
    const char *name, *yaml;
    int code;
    unsigned line, col;
    const char *message;
} overlay_error_case;

/* Overlays on full.yaml. A null removes a key of the base; it never makes an unknown key
 * acceptable, whether the base has the mapping (outpatient) or not (maternity). */
static const overlay_error_case overlay_error_cases[] = {
    /* `outpatient: {levle: ~}`: the key after "outpatient: {" (13 characters). */
    { "null unknown key in a section", "outpatient: {levle: ~}\n", MEDINS_ERR_UNKNOWN_KEY, 1, 14,
      "outpatient: unknown key \"levle\"" },
    { "null unknown key beside a removal", "outpatient:\n  cap: ~\n  caps: ~\n", MEDINS_ERR_UNKNOWN_KEY, 3, 3,
      "unknown key \"caps\"" },
    { "null unknown key at the top", "effective: ~\nefective: ~\n", MEDINS_ERR_UNKNOWN_KEY, 2, 1,
      "unknown key \"efective\"" },
    /* `  ratio: [{id: resident, levle: ~, ...}]`: a row merged by id; "  ratio: [{id: resident, " is 25
     * characters. */
    { "null unknown key in a row merged by id",
      "inpatient:\n  ratio: [{id: resident, levle: ~, ratio: 61%, cite: \"doc-a: 9\"}]\n",
      MEDINS_ERR_UNKNOWN_KEY, 2, 26, "inpatient.ratio[1]: unknown key \"levle\"" },
    /* `  cap: [{amount: 350,000, ...}]`: the key `000` after "  cap: [{amount: 350," (21 characters). */
    { "thousands separator in a flow mapping",
      "outpatient:\n  cap: [{amount: 350,000, cite: \"doc-a: 4\"}]\n", MEDINS_ERR_UNKNOWN_KEY, 2, 22,
      "thousands separators are not allowed" },
    /* A new section, with nothing of the base's below it. */
    { "null unknown key in a new section", "maternity: {delivery: [{amount: 1}], levle: ~, cite: \"doc-a: 1\"}\n",
      MEDINS_ERR_UNKNOWN_KEY, 1, 38, "maternity: unknown key \"levle\"" },
};

START_TEST(overlay_errors_table)
{
    const overlay_error_case *c = &overlay_error_cases[_i];
    medins_error *err = NULL;
    medins_policy *p = derive(c->yaml, c->code, &err);
    ck_assert_msg(p == NULL, "%s: no policy", c->name);
    ck_assert_msg(strcmp(medins_error_file(err), "overlay.yaml") == 0 && medins_error_line(err) == c->line &&
                  medins_error_column(err) == c->col, "%s: at %s:%u:%u, expected %u:%u", c->name,
                  medins_error_file(err), medins_error_line(err), medins_error_column(err), c->line, c->col);
    ck_assert_msg(strstr(medins_error_message(err), c->message), "%s: message \"%s\" lacks \"%s\"", c->name,
                  medins_error_message(err), c->message);
    medins_error_free(err);
}
END_TEST

/* A string literal and its length, NULs included. */
#define TEXT(s) s, sizeof s - 1

/*
 * Text is given with its length: a NUL within it, raw or written as an escape, is an error at
 * its position (MEDINS_ERR_SYNTAX), never the end of the text or of a value.
 */
START_TEST(nul_is_refused)
{
    static const struct {
        const char *name, *text;
        size_t len;
        bool overlay;              /* derived from full.yaml, else loaded alone */
        unsigned line, col;
        const char *message;
    } cases[] = {
        /* The NUL byte after "region: l" (9 characters) on line 2: the text before it is a policy
         * that would load. */
        { "raw NUL", TEXT("format: 1\nregion: l\0x\neffective: {from: 2024-01-01}\n"), false, 2, 10,
          "a NUL byte" },
        /* `title: "T\0x"`: at the quote after "title: " (7 characters), line 4. */
        { "escaped NUL in a text", TEXT("format: 1\nregion: l\neffective: {from: 2024-01-01}\ntitle: \"T\\0x\"\n"),
          false, 4, 8, "a NUL character after \"T\"" },
        /* "  cap: [{amount: 2000" is 21 characters: the NUL byte is column 22 of line 2. */
        { "raw NUL in an overlay", TEXT("outpatient:\n  cap: [{amount: 2000\0" "000, cite: \"doc-a: 1\"}]\n"), true, 2,
          22, "a NUL byte" },
        /* `  cap: [{amount: "2000\u00000", ...}]`: the quote after "  cap: [{amount: " (17). */
        { "escaped NUL in an overlay", TEXT("outpatient:\n  cap: [{amount: \"2000\\u00000\", cite: \"doc-a: 1\"}]\n"),
          true, 2, 18, "a NUL character after \"2000\"" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        medins_policy *p = NULL;
        medins_error *err = NULL;
        int rc = cases[i].overlay
            ? medins_policy_derive(&p, full, "nul.yaml", cases[i].text, cases[i].len, &err)
            : medins_policy_load_string(&p, "nul.yaml", cases[i].text, cases[i].len, NULL, NULL, &err);
        ck_assert_msg(rc == MEDINS_ERR_SYNTAX && p == NULL, "%s: %s (%s)", cases[i].name, medins_status_name(rc),
                      err ? medins_error_message(err) : "");
        ck_assert_msg(strcmp(medins_error_file(err), "nul.yaml") == 0 && medins_error_line(err) == cases[i].line &&
                      medins_error_column(err) == cases[i].col, "%s: at %u:%u, expected %u:%u", cases[i].name,
                      medins_error_line(err), medins_error_column(err), cases[i].line, cases[i].col);
        ck_assert_msg(strstr(medins_error_message(err), cases[i].message), "%s: message \"%s\"", cases[i].name,
                      medins_error_message(err));
        medins_error_free(err);
    }
}
END_TEST

/* ---- binder primitives ------------------------------------------------------------------ */

typedef struct bind_fixture {
    medins_policy *p;
    mdn_binder b;
    medins_error *err;
} bind_fixture;

/* A binder on `full` (its sources doc-a and doc-b), and `yaml` parsed into its arena. */
static const mdn_node *bind_tree(bind_fixture *f, const char *yaml)
{
    memset(f, 0, sizeof *f);
    f->p = full;
    f->b.policy = full;
    f->b.err = &f->err;
    mdn_node *root = NULL;
    int rc = mdn_tree_parse(&full->arena, "t.yaml", yaml, strlen(yaml), NULL, &root, &f->err);
    ck_assert_msg(rc == 0, "parse: %s", f->err ? medins_error_message(f->err) : "");
    return root;
}

START_TEST(path_stack)
{
    bind_fixture f;
    bind_tree(&f, "{}");
    mdn_path_push(&f.b, "inpatient");
    mdn_path_push(&f.b, "ratio");
    mdn_path_push_index(&f.b, 2);
    ck_assert_str_eq(f.b.path, "inpatient.ratio[2]");
    mdn_path_push(&f.b, "segments");
    mdn_path_push_index(&f.b, 0);
    ck_assert_str_eq(f.b.path, "inpatient.ratio[2].segments[0]");
    mdn_path_pop(&f.b);
    mdn_path_pop(&f.b);
    mdn_path_pop(&f.b);
    ck_assert_str_eq(f.b.path, "inpatient.ratio");
    mdn_path_pop(&f.b);
    mdn_path_pop(&f.b);
    mdn_path_pop(&f.b); /* one pop too many is harmless */
    ck_assert_msg(f.b.path_len == 0 && f.b.path[0] == '\0', "empty again");
}
END_TEST

START_TEST(select_and_match)
{
    bind_fixture f;
    const mdn_node *t = bind_tree(&f, "cite: \"doc-a: 1\"\n"
                                      "rows:\n"
                                      "  - {scheme: employee, category: retired, age_min: 70, amount: 650}\n"
                                      "  - {scheme: employee, category: retired, age_max: 70, amount: 700}\n"
                                      "  - {tier: [middle, high], level: [l2, l3], amount: 10}\n"
                                      "  - {groups: [dibao, tekun], admission: later, amount: 20}\n"
                                      "  - {family_doctor: true, thrifty_years: 2, amount: 30}\n"
                                      "  - {prior_outpatient_max: 1500, kind: [inpatient], amount: 40}\n"
                                      "  - {amount: 50}\n");
    mdn_amount_table tab;
    mdn_path_push(&f.b, "rows");
    int rc = mdn_bind_amount_table(&f.b, mdn_map_get(t, "rows"), MDN_DIM_ALL, NULL, NULL, &tab);
    ck_assert_msg(rc == 0, "bind: %s", f.err ? medins_error_message(f.err) : "");
    ck_assert_uint_eq(tab.n, 7);
    ck_assert_msg(tab.rows[0].sel.age_min.v == 70 && tab.rows[0].sel.age_max.v == -1, "age bounds");
    ck_assert_msg(tab.rows[0].amount.v == 65000 && strcmp(tab.rows[0].amount.val->pub.path, "rows[0].amount") == 0,
                  "amount and path");

    mdn_ctx base = { .scheme = MEDINS_SCHEME_EMPLOYEE, .category = MEDINS_CATEGORY_RETIRED, .tier = 0,
                     .level = MEDINS_LEVEL_1, .kind = MEDINS_CLAIM_OUTPATIENT, .age = 72,
                     .prior_outpatient = -1 };
    struct { const char *name; mdn_ctx ctx; medins_fen expect; } cases[] = {
        { "retired 72: first row (age >= 70)", base, 65000 },
        { "retired 69: second row (age < 70)", base, 70000 },
        { "unknown age: neither age row", base, 5000 },
        { "resident high tier at l3", base, 1000 },
        { "tekun, later admission", base, 2000 },
        { "tekun, first admission: falls through", base, 5000 },
        { "at the family doctor with 3 thrifty years", base, 3000 },
        { "at the family doctor with 1 thrifty year", base, 5000 },
        { "inpatient, prior costs 1500 (bound inclusive)", base, 4000 },
        { "inpatient, prior costs unknown", base, 5000 },
    };
    cases[1].ctx.age = 69;
    cases[2].ctx.age = -1;
    cases[3].ctx.scheme = MEDINS_SCHEME_RESIDENT;
    cases[3].ctx.category = MEDINS_CATEGORY_ADULT;
    cases[3].ctx.tier = MEDINS_TIER_HIGH;
    cases[3].ctx.level = MEDINS_LEVEL_3;
    for (int i = 4; i < 10; i++) {
        cases[i].ctx.scheme = MEDINS_SCHEME_RESIDENT;
        cases[i].ctx.category = MEDINS_CATEGORY_ADULT;
    }
    cases[4].ctx.groups = cases[5].ctx.groups = MEDINS_GROUP_TEKUN | MEDINS_GROUP_DISABLED;
    cases[4].ctx.admission = 2;
    cases[5].ctx.admission = 1;
    cases[6].ctx.at_family_doctor = cases[7].ctx.at_family_doctor = 1;
    cases[6].ctx.thrifty_years = 3;
    cases[7].ctx.thrifty_years = 1;
    cases[8].ctx.kind = cases[9].ctx.kind = MEDINS_CLAIM_INPATIENT;
    cases[8].ctx.prior_outpatient = 150000;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const mdn_amount_row *r = mdn_amount_find(&tab, &cases[i].ctx);
        ck_assert_msg(r && r->amount.v == cases[i].expect, "%s: got %lld", cases[i].name,
                      r ? (long long)r->amount.v : -1LL);
    }
    mdn_ratio_table empty = { 0, NULL };
    ck_assert_msg(mdn_ratio_find(&empty, &base) == NULL, "empty table matches nothing");
}
END_TEST

START_TEST(income_share_rows)
{
    bind_fixture f;
    const mdn_node *t = bind_tree(&f, "cite: \"doc-b: 3\"\n"
                                      "income: 41234\n"
                                      "rows:\n"
                                      "  - {groups: marginal, income_share: 10%}\n"
                                      "  - {amount: 15000}\n");
    mdn_amount income;
    ck_assert_int_eq(mdn_bind_amount(&f.b, t, "income", true, &income), 0);
    mdn_amount_table tab;
    ck_assert_int_eq(mdn_bind_amount_table(&f.b, mdn_map_get(t, "rows"), MDN_DIM_GROUPS, NULL, &income, &tab), 0);
    /* 10% of 41234 yuan = 4123.40 yuan = 412340 fen. */
    ck_assert_msg(tab.rows[0].amount.v == 412340 && tab.rows[0].share.v == 1000, "share of the income");
    ck_assert_msg(tab.rows[0].amount.val == tab.rows[0].share.val, "the amount cites the share");
    ck_assert_msg(tab.rows[1].share.val == NULL && tab.rows[1].amount.v == 1500000, "plain row");
    /* Without an income, income_share is not a key of the table. */
    ck_assert_int_eq(mdn_bind_amount_table(&f.b, mdn_map_get(t, "rows"), MDN_DIM_GROUPS, NULL, NULL, &tab),
                     MEDINS_ERR_UNKNOWN_KEY);
    medins_error_free(f.err);
}
END_TEST

typedef struct bind_error_case {
    const char *name, *yaml;
    int code;
    unsigned line, col;
} bind_error_case;

/* Each yaml is bound as a ratio table under "t" with MDN_DIM_PERSON | MDN_DIM_LEVEL. */
static const bind_error_case bind_error_cases[] = {
    { "not a list", "t: {ratio: 5%}\n", MEDINS_ERR_TYPE, 1, 4 },
    { "row not a mapping", "t: [5%]\n", MEDINS_ERR_TYPE, 1, 5 },
    { "unknown key", "t: [{ratio: 5%, amount: 3}]\n", MEDINS_ERR_UNKNOWN_KEY, 1, 17 },
    { "selector of another table", "t: [{ratio: 5%, kind: inpatient}]\n", MEDINS_ERR_UNKNOWN_KEY, 1, 17 },
    { "neither ratio nor segments", "t: [{level: l1}]\n", MEDINS_ERR_MISSING, 1, 5 },
    { "both ratio and segments", "t: [{ratio: 5%, segments: [{from: 0, ratio: 5%}]}]\n", MEDINS_ERR_TYPE, 1, 5 },
    { "uncited", "t: [{ratio: 5%}]\nnocite: 1\n", MEDINS_ERR_CITATION, 1, 13 },
    { "empty word list", "t: [{level: [], ratio: 5%}]\n", MEDINS_ERR_RANGE, 1, 13 },
    { "unknown word in a list", "t: [{level: [l1, l9], ratio: 5%}]\n", MEDINS_ERR_TYPE, 1, 18 },
    { "age_max not above age_min", "t: [{age_min: 60, age_max: 60, ratio: 5%}]\n", MEDINS_ERR_RANGE, 1, 28 },
    { "negative count", "t: [{age_min: -1, ratio: 5%}]\n", MEDINS_ERR_RANGE, 1, 15 },
    { "fractional count", "t: [{age_min: 6.5, ratio: 5%}]\n", MEDINS_ERR_SYNTAX, 1, 15 },
    { "duplicate id", "t: [{id: a, ratio: 5%}, {id: a, ratio: 6%}]\n", MEDINS_ERR_DUPLICATE, 1, 30 },
    { "empty segments", "t: [{segments: []}]\n", MEDINS_ERR_SEGMENTS, 1, 16 },
    { "open segment before the last", "t: [{segments: [{from: 0, ratio: 5%}, {from: 10, ratio: 6%}]}]\n",
      MEDINS_ERR_SEGMENTS, 1, 17 },
};

START_TEST(bind_errors_table)
{
    const bind_error_case *c = &bind_error_cases[_i];
    bind_fixture f;
    char yaml[512];
    /* A cite for every case but the uncited one, in a mapping around the table. */
    if (strstr(c->yaml, "nocite"))
        snprintf(yaml, sizeof yaml, "%s", c->yaml);
    else
        snprintf(yaml, sizeof yaml, "%scite: \"doc-a: 1\"\n", c->yaml);
    const mdn_node *t = bind_tree(&f, yaml);
    mdn_ratio_table tab = { 99, NULL };
    mdn_path_push(&f.b, "t");
    int rc = mdn_bind_ratio_table(&f.b, mdn_map_get(t, "t"), MDN_DIM_PERSON | MDN_DIM_LEVEL, NULL, &tab);
    ck_assert_msg(rc == c->code, "%s: rc %s, expected %s (%s)", c->name, medins_status_name(rc),
                  medins_status_name(c->code), f.err ? medins_error_message(f.err) : "");
    ck_assert_msg(medins_error_line(f.err) == c->line && medins_error_column(f.err) == c->col,
                  "%s: at %u:%u, expected %u:%u", c->name, medins_error_line(f.err), medins_error_column(f.err),
                  c->line, c->col);
    ck_assert_msg(strcmp(medins_error_file(f.err), "t.yaml") == 0, "%s: file", c->name);
    ck_assert_msg(strncmp(medins_error_message(f.err), "t", 1) == 0, "%s: message starts with the path", c->name);
    ck_assert_msg(tab.n == 99, "%s: table untouched", c->name);
    medins_error_free(f.err);
}
END_TEST

START_TEST(flags_words_counts)
{
    bind_fixture f;
    const mdn_node *t = bind_tree(&f, "cite: \"assumed: for the test\"\n"
                                      "on: true\noff: false\nbad: yes\nword: visit\nn: 12\n");
    static const char *const words[] = { "year", "visit", "admission", NULL };
    bool flag = false;
    const mdn_val *val = NULL;
    ck_assert_msg(mdn_bind_flag(&f.b, t, "on", &val, &flag) == 0 && flag && val && val->pub.assumed, "true");
    ck_assert_msg(mdn_bind_flag(&f.b, t, "off", &val, &flag) == 0 && !flag && val, "false");
    ck_assert_msg(mdn_bind_flag(&f.b, t, "absent", &val, &flag) == 0 && !flag && val == NULL, "absent");
    ck_assert_int_eq(mdn_bind_flag(&f.b, t, "bad", &val, &flag), MEDINS_ERR_TYPE);
    medins_error_free(f.err);
    f.err = NULL;
    int w = -1;
    ck_assert_msg(mdn_bind_word(&f.b, t, "word", true, words, &w) == 0 && w == 1, "word index");
    w = 7;
    ck_assert_msg(mdn_bind_word(&f.b, t, "absent", false, words, &w) == 0 && w == 7, "absent word unchanged");
    ck_assert_int_eq(mdn_bind_word(&f.b, t, "absent", true, words, &w), MEDINS_ERR_MISSING);
    medins_error_free(f.err);
    f.err = NULL;
    ck_assert_int_eq(mdn_bind_word(&f.b, t, "n", true, words, &w), MEDINS_ERR_TYPE);
    medins_error_free(f.err);
    mdn_count n = { -5, NULL };
    ck_assert_msg(mdn_bind_count(&f.b, t, "n", true, &n) == 0 && n.v == 12 && n.val, "count");
    mdn_ratio pts;
    ck_assert_int_eq(mdn_bind_require(&f.b, t, "n"), 0);
    const mdn_node *m = bind_tree(&f, "cite: \"doc-a: 2\"\nup: 5%\ndown: -5%\nbig: 100.5%\n");
    ck_assert_msg(mdn_bind_points(&f.b, m, "down", true, &pts) == 0 && pts.v == -500, "negative points");
    ck_assert_msg(mdn_bind_points(&f.b, m, "up", true, &pts) == 0 && pts.v == 500, "points");
    ck_assert_int_eq(mdn_bind_ratio(&f.b, m, "down", true, &pts), MEDINS_ERR_RANGE);
    medins_error_free(f.err);
    f.err = NULL;
    ck_assert_int_eq(mdn_bind_points(&f.b, m, "big", true, &pts), MEDINS_ERR_RANGE);
    medins_error_free(f.err);
}
END_TEST

/* ---- limits ----------------------------------------------------------------------------- */

static int load_text(const char *text, size_t len, const medins_load_options *opts, medins_error **err)
{
    medins_policy *p = NULL;
    int rc = medins_policy_load_string(&p, "limits.yaml", text, len, NULL, opts, err);
    medins_policy_free(p);
    return rc;
}

static const char minimal[] = "format: 1\nregion: l\neffective: {from: 2024-01-01}\n";

START_TEST(aliases)
{
    char text[256];
    medins_error *err = NULL;
    /* An anchor alone is harmless. */
    snprintf(text, sizeof text, "%stitle: &t \"T\"\n", minimal);
    ck_assert_int_eq(load_text(text, strlen(text), NULL, NULL), 0);
    /* The alias on line 5 (`schemes: *s`) is refused at its own position, column 10. */
    snprintf(text, sizeof text, "%stitle: &s employee\nschemes: *s\n", minimal);
    ck_assert_int_eq(load_text(text, strlen(text), NULL, &err), MEDINS_ERR_LIMIT);
    ck_assert_msg(medins_error_line(err) == 5 && medins_error_column(err) == 10, "alias at 5:10, got %u:%u",
                  medins_error_line(err), medins_error_column(err));
    medins_error_free(err);
    /* Allowed by the options, the alias reads as its anchor's node. */
    medins_load_options opts;
    medins_load_options_init(&opts);
    opts.max_aliases = 1;
    ck_assert_int_eq(load_text(text, strlen(text), &opts, NULL), 0);
}
END_TEST

START_TEST(deep_nesting_is_refused_fast)
{
    enum { DEPTH = 10000 };
    char *text = malloc(2 * DEPTH + 1);
    memset(text, '[', DEPTH);
    memset(text + DEPTH, ']', DEPTH);
    text[2 * DEPTH] = '\0';
    medins_error *err = NULL;
    clock_t t0 = clock();
    ck_assert_int_eq(load_text(text, 2 * DEPTH, NULL, &err), MEDINS_ERR_LIMIT);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* The 65th `[` is one too deep for the default 64, at column 65. */
    ck_assert_msg(medins_error_line(err) == 1 && medins_error_column(err) == 65, "at 1:%u", medins_error_column(err));
    ck_assert_msg(secs < 0.5, "refused in %.3f s", secs);
    medins_error_free(err);
    free(text);
}
END_TEST

START_TEST(size_and_node_limits)
{
    medins_load_options opts = MEDINS_LOAD_OPTIONS_INIT;
    ck_assert_msg(opts.max_file_size == 4u << 20 && opts.max_depth == 64 && opts.max_nodes == 200000 &&
                  opts.max_aliases == 0, "defaults");
    medins_error *err = NULL;
    opts.max_file_size = strlen(minimal) - 1;
    ck_assert_int_eq(load_text(minimal, strlen(minimal), &opts, &err), MEDINS_ERR_LIMIT);
    ck_assert_msg(medins_error_line(err) == 0, "no position for a size");
    medins_error_free(err);
    opts.max_file_size = strlen(minimal);
    ck_assert_int_eq(load_text(minimal, strlen(minimal), &opts, NULL), 0);

    char path[1024];
    medins_policy *p = NULL;
    opts.max_file_size = 100;
    medins_test_path(path, sizeof path, "data/loader/full.yaml");
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, &opts, &err), MEDINS_ERR_LIMIT);
    ck_assert_msg(ends_with(medins_error_file(err), "full.yaml"), "file named");
    medins_error_free(err);

    /* minimal has 9 nodes: the top mapping, 3 keys + 2 scalars, effective's mapping, key + date. */
    medins_load_options_init(&opts);
    opts.max_nodes = 8;
    ck_assert_int_eq(load_text(minimal, strlen(minimal), &opts, NULL), MEDINS_ERR_LIMIT);
    opts.max_nodes = 9;
    ck_assert_int_eq(load_text(minimal, strlen(minimal), &opts, NULL), 0);
}
END_TEST

/*
 * `key` of a mapping holding n rows {id: rK, ratio: R} for K = 0..n-1 (in reverse order when
 * `reversed`), or, as a mapping, n pairs kK: R; parsed into `arena`.
 */
static const mdn_node *big_tree(mdn_arena *arena, size_t n, bool rows, bool reversed, const char *ratio)
{
    size_t cap = 32 + n * 40, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text, cap, "t:\n");
    for (size_t i = 0; i < n; i++) {
        size_t k = reversed ? n - 1 - i : i;
        len += (size_t)snprintf(text + len, cap - len, rows ? "  - {id: r%zu, ratio: %s}\n" : "  k%zu: %s\n", k, ratio);
    }
    mdn_node *root = NULL;
    medins_error *err = NULL;
    int rc = mdn_tree_parse(arena, "big.yaml", text, len, NULL, &root, &err);
    ck_assert_msg(rc == 0, "parse: %s", err ? medins_error_message(err) : "");
    free(text);
    return root;
}

static unsigned ceil_log2(size_t n)
{
    unsigned b = 0;
    while (((size_t)1 << b) < n)
        b++;
    return b;
}

/*
 * Tables and mappings of 38,000 rows or keys over as many, the overlay's in reverse order (the
 * worst case for a search from the front): the merge used to compare every row with every
 * other, n^2 / 2 = 722 million comparisons, 42 s. The count of key comparisons is bounded:
 * - rows: sorting the overlay's m ids takes at most m * ceil(log2 m); finding each of the base's
 *   n ids at most ceil(log2 (m + 1)) + 2 (the search, its hit, the run of its id); each of the
 *   n row mappings is then merged key by key: 2 base keys sorted (1) and 2 keys looked up
 *   (at most 2 + 1 each): 7; the top mapping's one key, 3;
 * - keys: sorting the base's n keys, n * ceil(log2 n), and looking up each of the overlay's m,
 *   ceil(log2 (n + 1)) + 1; the top mapping, 3.
 * With n = m = 38,000 (ceil(log2) = 16): 1,558,003 and 1,254,003, under 0.25% of n^2 / 2.
 */
START_TEST(merge_work_is_n_log_n)
{
    enum { N = 38000 };
    mdn_arena arena;
    mdn_arena_init(&arena);
    const unsigned lg = ceil_log2(N);
    const size_t row_bound = (size_t)N * lg + (size_t)N * (ceil_log2(N + 1) + 2) + (size_t)N * 7 + 3;
    const size_t key_bound = (size_t)N * lg + (size_t)N * (ceil_log2(N + 1) + 1) + 3;
    ck_assert_uint_eq(row_bound, 1558003);
    ck_assert_uint_eq(key_bound, 1254003);
    for (int rows = 1; rows >= 0; rows--) {
        const mdn_node *base = big_tree(&arena, N, rows, false, "50%");
        const mdn_node *over = big_tree(&arena, N, rows, true, "60%");
        size_t compares = 0;
        const mdn_node *m = mdn_tree_merge(&arena, base, over, &compares);
        ck_assert_ptr_nonnull(m);
        const mdn_node *t = mdn_map_get(m, "t");
        ck_assert_msg(t && t->n == N, "%s: %zu merged", rows ? "rows" : "keys", t ? t->n : 0);
        /* The base's order, the overlay's values: rK / kK at position K, 60%. */
        for (size_t k = 0; k < N; k += 997) {
            char want[16];
            snprintf(want, sizeof want, "%s%zu", rows ? "r" : "k", k);
            const char *got = rows ? mdn_map_get(t->items[k], "id")->text : t->pairs[k].key;
            const mdn_node *v = rows ? mdn_map_get(t->items[k], "ratio") : t->pairs[k].value;
            ck_assert_msg(strcmp(got, want) == 0 && strcmp(v->text, "60%") == 0, "item %zu: %s = %s", k, got,
                          v->text);
        }
        size_t bound = rows ? row_bound : key_bound;
        ck_assert_msg(compares >= N && compares <= bound, "%s: %zu comparisons, bound %zu",
                      rows ? "rows" : "keys", compares, bound);
    }
    mdn_arena_free(&arena);
}
END_TEST

/* ---- every error of a load (medins_load_options.errors) ---------------------------------- */

typedef struct expected_error {
    int code;
    unsigned line, col;
    const char *message;       /* the whole message */
} expected_error;

/* The list holds exactly `want`, in order; and no policy came back. */
static void expect_list(const char *what, const medins_error_list *list, const expected_error *want, size_t n)
{
    ck_assert_msg(medins_error_list_count(list) == n, "%s: %zu errors, expected %zu (first: %s)", what,
                  medins_error_list_count(list), n, medins_error_message(medins_error_list_get(list, 0)));
    for (size_t i = 0; i < n; i++) {
        const medins_error *e = medins_error_list_get(list, i);
        ck_assert_msg(medins_error_code(e) == want[i].code && medins_error_line(e) == want[i].line &&
                      medins_error_column(e) == want[i].col && strcmp(medins_error_message(e), want[i].message) == 0,
                      "%s, error %zu: %s %u:%u \"%s\", expected %s %u:%u \"%s\"", what, i,
                      medins_status_name(medins_error_code(e)), medins_error_line(e), medins_error_column(e),
                      medins_error_message(e), medins_status_name(want[i].code), want[i].line, want[i].col,
                      want[i].message);
    }
}

/* Load options that collect a load's errors, in a new list of `max` (the caller frees it). */
static medins_error_list *collecting(medins_load_options *opts, size_t max)
{
    static const medins_load_options init = MEDINS_LOAD_OPTIONS_INIT;
    medins_error_list *list = NULL;
    ck_assert_int_eq(medins_error_list_new(&list, max), 0);
    *opts = init;
    opts->errors = list;
    return list;
}

/* tests/data/loader/five-errors.yaml: one error on each of lines 13, 15, 16, 24 and 25, at the
 * column of the key or value written wrong. */
static const expected_error five_errors[] = {
    { MEDINS_ERR_UNKNOWN_KEY, 13, 18, "outpatient.deductible[0]: unknown key \"000\": thousands separators are "
      "not allowed (in {...} a comma ends the value)" },
    { MEDINS_ERR_UNKNOWN_KEY, 15, 20, "outpatient.ratio[0]: unknown key \"levle\": did you mean \"level\"?" },
    { MEDINS_ERR_UNKNOWN_KEY, 16, 3, "outpatient: unknown key \"cpa\": did you mean \"cap\"?" },
    { MEDINS_ERR_TYPE, 24, 15, "inpatient.ratio[0]: level: unknown word \"l4\" (one of: primary, l1, l2, l3, "
      "pharmacy)" },
    { MEDINS_ERR_RANGE, 25, 15, "inpatient.ratio[1]: ratio: \"120%\" is outside the allowed range" },
};

START_TEST(every_error_of_a_file)
{
    char path[1024];
    medins_load_options opts;
    medins_error_list *list = collecting(&opts, 100);
    medins_policy *p = NULL;
    medins_error *err = NULL;
    medins_test_path(path, sizeof path, "data/loader/five-errors.yaml");
    /* The call fails as a load without the list does, with the first error it met (the
     * section's keys are checked before its tables), and gives no policy. */
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, &opts, &err), MEDINS_ERR_UNKNOWN_KEY);
    ck_assert_msg(p == NULL, "no policy");
    ck_assert_msg(medins_error_line(err) == 16 && medins_error_column(err) == 3, "first error at 16:3");
    medins_error_free(err);
    expect_list("five-errors.yaml", list, five_errors, 5);
    ck_assert_msg(!medins_error_list_full(list), "room left");
    ck_assert_str_eq(medins_error_file(medins_error_list_get(list, 4)), path);

    /* Without the list, only the first: the same error, and nothing more is read. */
    err = NULL;
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, NULL, &err), MEDINS_ERR_UNKNOWN_KEY);
    ck_assert_str_eq(medins_error_message(err), five_errors[2].message);
    medins_error_free(err);

    /* Options of version 2 end before the list: one given there is not read (it stays empty),
     * and the load stops at its first error as without it. */
    medins_load_options v2;
    medins_error_list *unread = collecting(&v2, 100);
    v2.version = 2;
    err = NULL;
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, &v2, &err), MEDINS_ERR_UNKNOWN_KEY);
    ck_assert_str_eq(medins_error_message(err), five_errors[2].message);
    ck_assert_uint_eq(medins_error_list_count(unread), 0);
    medins_error_free(err);
    medins_error_list_free(unread);

    /* A list of two: the load stops when it is full, and says so. The first two met are the
     * section's key and its deductible row, put in the order of the text. */
    medins_load_options two_opts;
    medins_error_list *two = collecting(&two_opts, 2);
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, &two_opts, NULL), MEDINS_ERR_UNKNOWN_KEY);
    const expected_error first_two[] = { five_errors[0], five_errors[2] };
    expect_list("a list of two", two, first_two, 2);
    ck_assert_msg(medins_error_list_full(two), "full");

    /* A file that cannot be read: its one error is in the list too. */
    ck_assert_int_eq(medins_policy_load_file(&p, "/nonexistent/x.yaml", NULL, &opts, NULL), MEDINS_ERR_IO);
    ck_assert_msg(medins_error_list_count(list) == 1 &&
                  medins_error_code(medins_error_list_get(list, 0)) == MEDINS_ERR_IO &&
                  strcmp(medins_error_file(medins_error_list_get(list, 0)), "/nonexistent/x.yaml") == 0,
                  "the read error listed");

    /* A valid file: the list is emptied first, and stays empty. */
    medins_test_path(path, sizeof path, "data/loader/full.yaml");
    ck_assert_int_eq(medins_policy_load_file(&p, path, NULL, &opts, NULL), 0);
    ck_assert_uint_eq(medins_error_list_count(list), 0);
    medins_policy_free(p);
    medins_error_list_free(two);
    medins_error_list_free(list);
}
END_TEST

/* Errors the YAML tree's builder goes past: a key given twice, a malformed citation (whose
 * values are not refused again), a tag; then the binder's. */
START_TEST(tree_errors_are_gone_past)
{
    static const char text[] =
        "format: 1\n"
        "region: testland\n"
        "region: elsewhere\n"
        "effective: {from: 2023-01-01}\n"
        "sources: [{id: s, title: S}]\n"
        "outpatient:\n"
        "  cite: \"s\"\n"
        "  deductible: [{amount: !!int 500}]\n"
        "  ratio:\n"
        "    - {ratio: 50%, cite: \"s: 2\"}\n"
        "    - {ratio: 5O%, cite: \"s: 2\"}\n"
        "inpatient:\n"
        "  ratio: [{ratio: 50%, cite: \"nodoc: 1\"}]\n";
    static const expected_error want[] = {
        { MEDINS_ERR_DUPLICATE, 3, 1, "key \"region\" given twice in one mapping" },
        { MEDINS_ERR_CITATION, 7, 3, "a citation is written \"<source id>: <place>\" or \"assumed: <reason>\"" },
        { MEDINS_ERR_YAML, 8, 25, "YAML tag \"!!int\" is not allowed in a policy file: write the value plainly" },
        { MEDINS_ERR_SYNTAX, 11, 15, "outpatient.ratio[1]: ratio: \"5O%\" is not a percentage (e.g. 55%, 2.5%)" },
        { MEDINS_ERR_CITATION, 13, 19, "inpatient.ratio[0]: ratio \"50%\" cites \"nodoc\" (t.yaml:13:24), which is "
          "not among the sources" },
    };
    medins_load_options opts;
    medins_error_list *list = collecting(&opts, 10);
    medins_policy *p = NULL;
    medins_error *err = NULL;
    /* The first met is the tag, inside the mapping whose duplicate key is found at its end. */
    ck_assert_int_eq(medins_policy_load_string(&p, "t.yaml", text, strlen(text), NULL, &opts, &err),
                     MEDINS_ERR_YAML);
    ck_assert_msg(p == NULL && medins_error_line(err) == 8, "no policy; the first error met");
    medins_error_free(err);
    expect_list("tree errors", list, want, 5);

    /* A YAML syntax error ends the text: nothing after it can be read. libyaml finds the open
     * `[` unclosed at the end of the text (line 4, column 1). */
    static const char broken[] = "format: 1\nregion: [\ncolour: red\n";
    static const expected_error syntax[] = {
        { MEDINS_ERR_YAML, 4, 1, "did not find expected ',' or ']' while parsing a flow sequence" },
    };
    ck_assert_int_eq(medins_policy_load_string(&p, "b.yaml", broken, strlen(broken), NULL, &opts, NULL),
                     MEDINS_ERR_YAML);
    expect_list("syntax error", list, syntax, 1);
    medins_error_list_free(list);
}
END_TEST

/* A misspelt key is given the allowed key it most likely meant, with or without a list. */
START_TEST(did_you_mean)
{
    static const struct { const char *overlay, *message; } cases[] = {
        { "outpatient: {cpa: ~}\n", "outpatient: unknown key \"cpa\": did you mean \"cap\"?" },
        { "outpatient: {deductable: ~}\n", "outpatient: unknown key \"deductable\": did you mean \"deductible\"?" },
        { "efective: ~\n", "unknown key \"efective\": did you mean \"effective\"?" },
        { "outpatient: {ratio: [{ratio: 40%, catgory: retired}]}\n",
          "outpatient.ratio[0]: unknown key \"catgory\": did you mean \"category\"?" },
        /* Nothing close: no guess. */
        { "outpatient: {colour: ~}\n", "outpatient: unknown key \"colour\"" },
        { "outpatient: {xy: ~}\n", "outpatient: unknown key \"xy\"" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        medins_policy *p = NULL;
        medins_error *err = NULL;
        int rc = medins_policy_derive(&p, full, "o.yaml", cases[i].overlay, strlen(cases[i].overlay), &err);
        ck_assert_msg(rc == MEDINS_ERR_UNKNOWN_KEY && strcmp(medins_error_message(err), cases[i].message) == 0,
                      "%s: %d \"%s\"", cases[i].overlay, rc, medins_error_message(err));
        medins_error_free(err);
    }
}
END_TEST

static Suite *policy_suite(void)
{
    Suite *s = suite_create("policy");
    TCase *tc = tcase_create("load");
    tcase_add_checked_fixture(tc, load_full, free_full);
    tcase_add_test(tc, meta);
    tcase_add_test(tc, sources);
    tcase_add_loop_test(tc, values_table, 0, sizeof value_cases / sizeof value_cases[0]);
    tcase_add_test(tc, value_registry);
    tcase_add_test(tc, value_keys);
    tcase_add_test(tc, load_string_names_the_text);
    tcase_add_test(tc, value_with_its_own_cite);
    tcase_add_test(tc, reform_source_kind);
    tcase_add_test(tc, errors_leave_out_untouched);
    tcase_add_test(tc, nul_is_refused);
    suite_add_tcase(s, tc);
    tc = tcase_create("inheritance");
    tcase_add_checked_fixture(tc, load_full, free_full);
    tcase_add_test(tc, derive_merges_by_id);
    tcase_add_test(tc, derive_replaces_and_removes);
    tcase_add_test(tc, derive_errors);
    tcase_add_loop_test(tc, overlay_errors_table, 0, sizeof overlay_error_cases / sizeof overlay_error_cases[0]);
    tcase_add_test(tc, merge_work_is_n_log_n);
    suite_add_tcase(s, tc);
    tc = tcase_create("bind");
    tcase_add_checked_fixture(tc, load_full, free_full);
    tcase_add_test(tc, path_stack);
    tcase_add_test(tc, select_and_match);
    tcase_add_test(tc, income_share_rows);
    tcase_add_loop_test(tc, bind_errors_table, 0, sizeof bind_error_cases / sizeof bind_error_cases[0]);
    tcase_add_test(tc, flags_words_counts);
    suite_add_tcase(s, tc);
    tc = tcase_create("every error");
    tcase_add_checked_fixture(tc, load_full, free_full);
    tcase_add_test(tc, every_error_of_a_file);
    tcase_add_test(tc, tree_errors_are_gone_past);
    tcase_add_test(tc, did_you_mean);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_add_test(tc, aliases);
    tcase_add_test(tc, deep_nesting_is_refused_fast);
    tcase_add_test(tc, size_and_node_limits);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(policy_suite)
