/*
 * Invalid policy files: one file (or folder, for errors between files) per kind of error in
 * tests/invalid/, each with the exact code, line and column it must be reported at.
 *
 * Single files are loaded with medins_policy_load_file (no set: bases resolve among the
 * embedded policies); folders are added to an empty set with medins_policy_set_add_dir and
 * name the file the error is in. Positions are 1-based and count the comment on line 1; each
 * case also names a part of the message.
 */
#include <string.h>

#include "medins.h"
#include "runner.h"

typedef struct invalid_case {
    const char *path;          /* below tests/invalid/ */
    const char *error_file;    /* folders: the file the error is reported in */
    int code;
    unsigned line, col;
    const char *message;       /* a part of the message */
} invalid_case;

static const invalid_case cases[] = {
    /* libyaml's problem mark: the `:` of `sources:` (line 5, column 8), where the unclosed
     * flow mapping of line 4 expected `,` or `}`. */
    { "01-yaml-syntax.yaml", NULL, MEDINS_ERR_YAML, 5, 8, "did not find expected ',' or '}'" },
    /* The key itself: `colour` at the start of line 6. */
    { "02-unknown-key.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 6, 1, "unknown key \"colour\"" },
    /* `    - {levle: l3, ...}`: the key after "    - {" (7 characters). */
    { "03-unknown-key-in-row.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 9, 8, "unknown key \"levle\"" },
    /* `sources: doc`: the scalar after "sources: " (9 characters). */
    { "04-wrong-type.yaml", NULL, MEDINS_ERR_TYPE, 5, 10, "expected a list of sources" },
    /* The top mapping starts at its first key, line 2 column 1. */
    { "05-missing-required.yaml", NULL, MEDINS_ERR_MISSING, 2, 1, "required key \"region\" is missing" },
    /* `    - {ratio: 120%}`: the value after "    - {ratio: " (14 characters). */
    { "06-ratio-over-100.yaml", NULL, MEDINS_ERR_RANGE, 9, 15, "outside the allowed range" },
    /* `    - {amount: -5}`: after "    - {amount: " (15 characters). */
    { "07-negative-amount.yaml", NULL, MEDINS_ERR_RANGE, 9, 16, "is negative" },
    /* `    - {amount: "1,100"}`: the opening quote. */
    { "08-grouping.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "thousands separators are not allowed" },
    /* Segments are reported at the offending segment's `{`, after "        - " (10 characters). */
    { "09-segments-gap.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11, "gap" },
    { "10-segments-overlap.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11, "overlap" },
    { "11-segments-not-ascending.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11, "not ascending" },
    { "12-segments-last-not-open.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 11, "must be open-ended" },
    { "13-segments-first-not-zero.yaml", NULL, MEDINS_ERR_SEGMENTS, 10, 11, "must start at 0" },
    /* b.yaml starts inside a.yaml's range: at b's `effective: {` (after 11 characters). */
    { "14-overlap", "14-overlap/b.yaml", MEDINS_ERR_OVERLAP, 4, 12, "years of one region may not share a day" },
    /* `base: nowhere/1999`: the value after "base: " (6 characters). */
    { "15-missing-base.yaml", NULL, MEDINS_ERR_BASE, 6, 7, "base policy nowhere/1999 does not exist" },
    /* a's base b is visited first; b's `base: a` leads back to a. */
    { "16-cycle", "16-cycle/b.yaml", MEDINS_ERR_CYCLE, 4, 7, "bases form a cycle" },
    /* The value itself: `    - {ratio: 55%}`. */
    { "17-uncited.yaml", NULL, MEDINS_ERR_CITATION, 8, 15, "has no citation" },
    { "18-unknown-source.yaml", NULL, MEDINS_ERR_CITATION, 9, 15, "not among the sources" },
    /* The second `region` key, line 6. */
    { "19-duplicate-key.yaml", NULL, MEDINS_ERR_DUPLICATE, 6, 1, "key \"region\" given twice" },
    /* `title: *r`: the alias after "title: " (7 characters). */
    { "20-alias.yaml", NULL, MEDINS_ERR_LIMIT, 4, 8, "aliases are not allowed" },
    /* `deep: [[[...`: the top mapping is depth 1, the `[` at column 7 depth 2, so depth 65
     * is the 64th `[`, at column 7 + 63 = 70. */
    { "21-depth.yaml", NULL, MEDINS_ERR_LIMIT, 3, 70, "nesting deeper than the limit" },
    /* A malformed citation is reported at its `cite` key: line 7, column 3. */
    { "22-bad-citation.yaml", NULL, MEDINS_ERR_CITATION, 7, 3, "a citation is written" },
    { "23-ratio-without-percent.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 15, "is not a percentage" },
    /* `  - {id: doc, ...}` on line 7: the id after "  - {id: " (9 characters). */
    { "24-duplicate-source.yaml", NULL, MEDINS_ERR_DUPLICATE, 7, 10, "source id \"doc\" is already listed" },
    /* `effective: {from: 2023-02-30}`: after "effective: {from: " (18 characters). A date of a
     * policy file out of the calendar is a value out of range (MEDINS_ERR_DATE is for claims). */
    { "25-bad-date.yaml", NULL, MEDINS_ERR_RANGE, 4, 19, "\"2023-02-30\" is not a calendar date" },
    /* `    - {level: l4, ...}`: after "    - {level: " (14 characters). */
    { "26-unknown-word.yaml", NULL, MEDINS_ERR_TYPE, 9, 15, "unknown word \"l4\"" },
    /* `    - {id: main, ...}` on line 10: after "    - {id: " (11 characters). */
    { "27-duplicate-row-id.yaml", NULL, MEDINS_ERR_DUPLICATE, 10, 12, "row id \"main\" given twice" },
    /* `effective: {from: 2023-01-01, to: 2022-12-31}`: `to`'s value after 34 characters. */
    { "28-effective-reversed.yaml", NULL, MEDINS_ERR_RANGE, 4, 35, "ends before it starts" },
    { "29-format-2.yaml", NULL, MEDINS_ERR_RANGE, 2, 9, "format 2 is not supported" },
    { "30-not-a-mapping.yaml", NULL, MEDINS_ERR_TYPE, 2, 1, "a policy file is a mapping" },
    { "31-decimals.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "at most two decimals" },
    /* In most files below, line 9 is a table's first row, after the five header lines, the
     * section key, its `cite:` and the table key; a value after "    - {ratio: " is at
     * column 15, one after "    - {amount: " at column 16. */
    { "32-ratio-just-over-100.yaml", NULL, MEDINS_ERR_RANGE, 9, 15, "outside the allowed range" },
    { "33-ten-thousands.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "is not an amount" },
    { "34-plus-sign.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "is not an amount" },
    { "35-exponent.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "is not an amount" },
    /* `    - {age_min: 60, age_max: 60, ...}`: age_max's value after 7 + 13 + 9 = 29 characters. */
    { "36-age-band-empty.yaml", NULL, MEDINS_ERR_RANGE, 9, 30, "age_max must be above age_min" },
    /* The row needing the missing section key: its `{` after "    - " (6 characters). */
    { "37-income-share-without-reference.yaml", NULL, MEDINS_ERR_MISSING, 9, 7,
      "income_share needs reference_income" },
    /* A block row: the mapping starts at its first key, `ratio` after "    - ". */
    { "38-ratio-and-segments.yaml", NULL, MEDINS_ERR_TYPE, 9, 7, "give ratio or segments, not both" },
    /* `  deductable:`: the key, after two spaces. */
    { "39-unknown-section-key.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 8, 3, "unknown key \"deductable\"" },
    /* Like 22: at the `cite` key. */
    { "40-citation-empty-place.yaml", NULL, MEDINS_ERR_CITATION, 7, 3, "a citation is written" },
    /* `kind: weekly`: the value after "kind: " (6 characters). */
    { "41-unknown-kind.yaml", NULL, MEDINS_ERR_TYPE, 6, 7, "unknown word \"weekly\"" },
    /* `sources: [{id: doc, title: "Document", kind: blog}]`: 11 + 9 + 19 + 6 = 45 characters. */
    { "42-unknown-source-kind.yaml", NULL, MEDINS_ERR_TYPE, 5, 46, "unknown word \"blog\"" },
    /* A section that is a list: at the list, whose first `-` follows two spaces on line 7. */
    { "43-section-list.yaml", NULL, MEDINS_ERR_TYPE, 7, 3, "expected a mapping, found a list" },
    { "44-contributions-list.yaml", NULL, MEDINS_ERR_TYPE, 7, 3, "expected a mapping, found a list" },
    { "45-maternity-list.yaml", NULL, MEDINS_ERR_TYPE, 7, 3, "expected a mapping, found a list" },
    { "46-capitation-list.yaml", NULL, MEDINS_ERR_TYPE, 7, 3, "expected a mapping, found a list" },
    { "47-accounts-list.yaml", NULL, MEDINS_ERR_TYPE, 7, 3, "expected a mapping, found a list" },
    /* `  ratio: {ratio: 55%}`: the mapping's `{` after "  ratio: " (9 characters). */
    { "48-table-mapping.yaml", NULL, MEDINS_ERR_TYPE, 8, 10, "expected a list of rows" },
    /* `    wage_base: {floor: 5000, ceiling: 4000}`: the `{` after 15 characters. */
    { "49-wage-floor-above-ceiling.yaml", NULL, MEDINS_ERR_RANGE, 11, 16, "the floor is above the ceiling" },
    /* `    - {disease: diabetes, rate: 150, period: week}`: 7 + 19 + 11 + 8 = 45 characters. */
    { "50-capitation-period.yaml", NULL, MEDINS_ERR_TYPE, 9, 46, "unknown word \"week\"" },
    /* libyaml's mark: the tab itself, first on line 4. */
    { "51-tab.yaml", NULL, MEDINS_ERR_YAML, 4, 1, "tab character" },
    /* No document at all (the empty file has no comment line): the start of the file. */
    { "52-empty.yaml", NULL, MEDINS_ERR_TYPE, 1, 1, "a policy file is a mapping" },
    { "53-comment-only.yaml", NULL, MEDINS_ERR_TYPE, 1, 1, "a policy file is a mapping" },
    /* The second document's `---` on line 5. */
    { "54-two-documents.yaml", NULL, MEDINS_ERR_YAML, 5, 1, "one YAML document" },
    /* `    - {level: [], ...}`: the `[` after 14 characters. */
    { "55-empty-selector-list.yaml", NULL, MEDINS_ERR_RANGE, 9, 15, "an empty list would match nothing" },
    /* `    - {add: -101%}` on line 11: after "    - {add: " (12 characters). */
    { "56-adjustment-below-minus-100.yaml", NULL, MEDINS_ERR_RANGE, 11, 13, "outside the allowed range" },
    /* `effective: {from: 2023-1-1}`: after "effective: {from: " (18 characters). */
    { "57-date-form.yaml", NULL, MEDINS_ERR_SYNTAX, 4, 19, "is not a date written YYYY-MM-DD" },
    /* `    - {family_doctor: false, ...}`: after "    - {family_doctor: " (22 characters). */
    { "58-family-doctor-false.yaml", NULL, MEDINS_ERR_TYPE, 9, 23, "unknown word \"false\"" },
    /* `  carry_over: true` in outpatient: the key. */
    { "59-carry-over-outside-inpatient.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 8, 3, "unknown key \"carry_over\"" },
    /* `    - segments:` on line 11: the row, at its first key after "    - ". */
    { "60-complication-segments.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 7, "give one ratio, not segments" },
    /* A value out of the format's range, like the other ranges: MEDINS_ERR_RANGE, not the
     * arithmetic's MEDINS_ERR_OVERFLOW (a policy error, whatever the binding). */
    { "61-amount-too-large.yaml", NULL, MEDINS_ERR_RANGE, 9, 16, "is too large (at most 1000000000000 yuan)" },
    /* Like 05: the top mapping, at its first key. */
    { "62-missing-effective.yaml", NULL, MEDINS_ERR_MISSING, 2, 1, "required key \"effective\" is missing" },
    /* `    - {ratio: 55%, ratio: 60%}`: the second key after "    - {ratio: 55%, " (19 characters). */
    { "63-duplicate-key-in-row.yaml", NULL, MEDINS_ERR_DUPLICATE, 9, 20, "key \"ratio\" given twice" },
    /* `    - 55%`: the scalar after "    - ". */
    { "64-row-not-mapping.yaml", NULL, MEDINS_ERR_TYPE, 9, 7, "expected a mapping, found a scalar" },
    /* `    - segments: [{from: 0, ratio: 60%}]` on line 11: one segment is still segments; the row,
     * at its first key after "    - ". */
    { "66-complication-one-segment.yaml", NULL, MEDINS_ERR_SEGMENTS, 11, 7, "give one ratio, not segments" },
    /* `    - {weeks_max: 12.5, ...}` on line 11: after "    - {weeks_max: " (18 characters). */
    { "65-weeks-decimal.yaml", NULL, MEDINS_ERR_SYNTAX, 11, 19, "is not a whole number" },
    /* `    - {amount: 350,000}`: the comma ends the amount at 350 and leaves a key `000` with no
     * value, after "    - {amount: 350," (7 + 8 + 4 = 19 characters). */
    { "67-flow-thousands.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 9, 20,
      "unknown key \"000\": thousands separators are not allowed" },
    /* `1,100.50` the same way: the key `100.50` after "    - {amount: 1," (17 characters). */
    { "82-flow-thousands-decimals.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 9, 18,
      "unknown key \"100.50\": thousands separators are not allowed" },
    /* `bogus: ~` at the start of line 6: a null value does not make a key known. */
    { "68-unknown-key-null.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 6, 1, "unknown key \"bogus\"" },
    /* `    - {amount: 800, levle: ~}`: after "    - {amount: 800, " (7 + 8 + 5 = 20 characters). */
    { "69-unknown-key-null-in-row.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 9, 21, "unknown key \"levle\"" },
    /* `id: ~` on line 5. */
    { "83-id-null.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 5, 1, "unknown key \"id\"" },
    /* reform.yaml's `  levle: ~` (line 7, after two spaces) in an overlay, where a null removes
     * the base's key: a key the base cannot have is refused, not taken for a removal. */
    { "79-null-key-overlay", "79-null-key-overlay/reform.yaml", MEDINS_ERR_UNKNOWN_KEY, 7, 3,
      "unknown key \"levle\"" },
    /* `    - amount: 400,000`: the value after "    - amount: " (14 characters). */
    { "70-block-thousands.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 15,
      "\"400,000\" is not an amount: thousands separators are not allowed" },
    /* `    - age_min: 1,000`: the value after "    - age_min: " (15 characters). */
    { "86-count-thousands.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "thousands separators are not allowed" },
    /* Amounts as shares of reference figures. `    - {amount: {share: 10%, of: avg_wage}}`:
     * the name after "    - {amount: {share: 10%, of: " (32 characters). */
    { "87-share-of-unknown-figure.yaml", NULL, MEDINS_ERR_TYPE, 11, 33,
      "\"avg_wage\" is not a reference figure of the policy (references: average_wage)" },
    /* `    - {amount: {share: 1200%, ...}}`: the share after "    - {amount: {share: " (23). */
    { "88-share-too-large.yaml", NULL, MEDINS_ERR_RANGE, 13, 24, "\"1200%\" is outside 0% to 1000%" },
    /* `  average_wage: {amount: 96000}`: the figure's mapping after "  average_wage: " (16). */
    { "89-reference-without-date.yaml", NULL, MEDINS_ERR_MISSING, 8, 17,
      "references.average_wage: required key \"date\" is missing" },
    /* `round` after "    - {amount: {share: 1%, of: average_wage, " (45 characters). */
    { "90-share-unknown-key.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 11, 46, "unknown key \"round\"" },
    /* The share's mapping after "    - {amount: " (15 characters). */
    { "91-share-without-of.yaml", NULL, MEDINS_ERR_MISSING, 11, 16, "required key \"of\" is missing" },
    /* The value after "year_start: " (12 characters). */
    { "92-year-start-syntax.yaml", NULL, MEDINS_ERR_SYNTAX, 4, 13,
      "year_start: \"7/1\" is not a day written MM-DD" },
    { "93-year-start-leap-day.yaml", NULL, MEDINS_ERR_RANGE, 4, 13,
      "year_start: \"02-29\" is not a day of every year" },
    /* Claim attributes. The word after "    - {without_attributes: " (27 characters). */
    { "94-unknown-claim-attribute.yaml", NULL, MEDINS_ERR_TYPE, 12, 28,
      "without_attributes: unknown word \"refered\" (one of: referred)" },
    /* The excluding key's value after "    - {attributes: [referred, out_of_region], "
     * "without_attributes: " (66 characters). */
    { "95-attribute-required-and-excluded.yaml", NULL, MEDINS_ERR_RANGE, 12, 67,
      "an attribute both required and excluded matches no claim" },
    /* The second "referred", after "claim_attributes: [referred, out_of_region, " (44). */
    { "96-claim-attribute-twice.yaml", NULL, MEDINS_ERR_DUPLICATE, 5, 45,
      "claim attribute \"referred\" is already listed" },
    /* Persons' fields and groups. The word after "    - {cohorts: " (16 characters). */
    { "120-unknown-person-group.yaml", NULL, MEDINS_ERR_TYPE, 10, 17,
      "cohorts: unknown word \"model_wroker\" (one of: model_worker)" },
    /* The second name, after "person_groups: [laoren, {name: " (31). */
    { "121-person-group-twice.yaml", NULL, MEDINS_ERR_DUPLICATE, 7, 32,
      "person group \"laoren\" is already listed" },
    /* The excluding key's value, after "    - {cohorts: model_worker, without_cohorts: " (47). */
    { "122-group-required-and-excluded.yaml", NULL, MEDINS_ERR_RANGE, 10, 48,
      "a group both required and excluded matches no person" },
    /* born_before's value, after "    - {born_from: 1960-01-01, born_before: " (43). */
    { "123-born-range-backwards.yaml", NULL, MEDINS_ERR_RANGE, 9, 44,
      "born_before must be after born_from" },
    /* The date, after "    - {retired_before: " (23). */
    { "124-retired-not-a-day.yaml", NULL, MEDINS_ERR_RANGE, 9, 24,
      "retired_before: \"2001-02-30\" is not a calendar date" },
    /* The upper bound, after "    - {contribution_years_min: 25, contribution_years_max: " (59). */
    { "125-contribution-years-backwards.yaml", NULL, MEDINS_ERR_RANGE, 9, 60,
      "contribution_years_max must be above contribution_years_min" },
    /* The word, after "    - {sex: " (12). */
    { "126-unknown-sex.yaml", NULL, MEDINS_ERR_TYPE, 9, 13,
      "sex: unknown word \"woman\" (one of: male, female)" },
    /* The share, after "    - {category: retired, ratio: 85%, retired_self_pay: " (56). */
    { "127-retired-share-on-retired-row.yaml", NULL, MEDINS_ERR_RANGE, 9, 57,
      "the row itself must not select retired" },
    /* The share, after "    - {ratio: 85%, retired_self_pay: " (37). */
    { "128-retired-share-over-100.yaml", NULL, MEDINS_ERR_RANGE, 9, 38,
      "retired_self_pay: \"160%\" is outside the allowed range" },
    /* The key, after "  - {name: elderly, " (20). */
    { "129-group-rule-unknown-key.yaml", NULL, MEDINS_ERR_UNKNOWN_KEY, 8, 21,
      "unknown key \"age_min\"" },
    /* The date, after "  - {name: laoren, retired_before: " (35). */
    { "130-group-rule-date-syntax.yaml", NULL, MEDINS_ERR_SYNTAX, 8, 36,
      "retired_before: \"2001/01/01\" is not a date written YYYY-MM-DD" },
    /* The word, after "person_groups: [" (16). */
    { "131-person-group-not-a-word.yaml", NULL, MEDINS_ERR_TYPE, 7, 17,
      "a person group is a lower-case word" },
    /* `    - {amount: "800\0..."}`: the scalar's opening quote after "    - {amount: " (15). */
    { "71-escaped-nul.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "a NUL character after \"800\"" },
    { "72-escaped-nul-unicode.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 16, "a NUL character after \"25000\"" },
    /* `    - {"level\x00x": l3, ...}`: the key's quote after "    - {" (7 characters). */
    { "73-escaped-nul-in-key.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 8, "a NUL character after \"level\"" },
    /* A NUL byte after "    - {amount: 800" (18 characters): libyaml's reader refuses it by byte
     * offset, which the loader turns into a line and column. */
    { "74-raw-nul.yaml", NULL, MEDINS_ERR_SYNTAX, 9, 19, "a NUL byte" },
    /* The same reader errors for other bytes: U+0001 after "title: Policy" (13 characters);
     * Latin-1 e-acute (E9, which opens a 3-byte UTF-8 sequence) after "title: caf", reported at
     * the byte that does not continue it, the space in column 12. */
    { "80-control-character.yaml", NULL, MEDINS_ERR_YAML, 5, 14, "control characters are not allowed" },
    { "81-invalid-utf8.yaml", NULL, MEDINS_ERR_YAML, 5, 12, "UTF-8" },
    /* Tags, at the node, which starts at its tag: after "    - {amount: " (15 characters);
     * after "    - " (6); after "title: " (7); a key's tag at the start of line 2. */
    { "75-tag-binary.yaml", NULL, MEDINS_ERR_YAML, 9, 16, "YAML tag \"!!binary\" is not allowed" },
    { "76-tag-on-row.yaml", NULL, MEDINS_ERR_YAML, 9, 7, "YAML tag \"!!python/object:medins.Row\"" },
    { "77-tag-local.yaml", NULL, MEDINS_ERR_YAML, 4, 8, "YAML tag \"!x\" is not allowed" },
    { "85-tag-on-key.yaml", NULL, MEDINS_ERR_YAML, 2, 1, "YAML tag \"!!str\" is not allowed" },
    /* Dates outside 1900-01-01..2199-12-31: `from` after "effective: {from: " (18 characters),
     * `to` after "effective: {from: 2023-01-01, to: " (34). */
    { "78-date-before-1900.yaml", NULL, MEDINS_ERR_RANGE, 4, 19,
      "\"1899-12-31\" is outside the dates supported, 1900-01-01 to 2199-12-31" },
    { "84-date-after-2199.yaml", NULL, MEDINS_ERR_RANGE, 4, 35, "1900-01-01 to 2199-12-31" },
};

START_TEST(invalid_table)
{
    const invalid_case *c = &cases[_i];
    char rel[256], path[1024];
    snprintf(rel, sizeof rel, "invalid/%s", c->path);
    medins_test_path(path, sizeof path, rel);
    medins_error *err = NULL;
    int rc;
    if (c->error_file) {
        medins_policy_set *set = NULL;
        ck_assert_int_eq(medins_policy_set_new(&set, NULL), 0);
        rc = medins_policy_set_add_dir(set, path, NULL, &err);
        ck_assert_msg(medins_policy_set_count(set) == 0, "%s: the set stays empty", c->path);
        medins_policy_set_free(set);
        snprintf(rel, sizeof rel, "invalid/%s", c->error_file);
        medins_test_path(path, sizeof path, rel);
    } else {
        medins_policy *p = NULL;
        rc = medins_policy_load_file(&p, path, NULL, NULL, &err);
        ck_assert_msg(p == NULL, "%s: no policy", c->path);
    }
    ck_assert_msg(rc == c->code, "%s: %s, expected %s (%s)", c->path, medins_status_name(rc),
                  medins_status_name(c->code), err ? medins_error_message(err) : "");
    ck_assert_msg(err && medins_error_code(err) == c->code, "%s: error object", c->path);
    ck_assert_msg(medins_error_file(err) && strcmp(medins_error_file(err), path) == 0, "%s: file %s", c->path,
                  medins_error_file(err) ? medins_error_file(err) : "(none)");
    ck_assert_msg(medins_error_line(err) == c->line && medins_error_column(err) == c->col,
                  "%s: at %u:%u, expected %u:%u (%s)", c->path, medins_error_line(err), medins_error_column(err),
                  c->line, c->col, medins_error_message(err));
    ck_assert_msg(strstr(medins_error_message(err), c->message), "%s: message \"%s\" lacks \"%s\"", c->path,
                  medins_error_message(err), c->message);
    medins_error_free(err);
}
END_TEST

/* The folder cases' years are valid alone: 14's error is between its two files, 79's is in the
 * overlay on its base. */
START_TEST(folder_files_alone)
{
    static const char *const files[] = {
        "14-overlap/a.yaml", "14-overlap/b.yaml", "79-null-key-overlay/base.yaml",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char rel[256], path[1024];
        snprintf(rel, sizeof rel, "invalid/%s", files[i]);
        medins_policy *p = NULL;
        medins_error *err = NULL;
        int rc = medins_policy_load_file(&p, medins_test_path(path, sizeof path, rel), NULL, NULL, &err);
        ck_assert_msg(rc == 0, "%s alone: %s", files[i], err ? medins_error_message(err) : "");
        medins_policy_free(p);
    }
}
END_TEST

static Suite *invalid_suite(void)
{
    Suite *s = suite_create("invalid");
    TCase *tc = tcase_create("files");
    tcase_add_loop_test(tc, invalid_table, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, folder_files_alone);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(invalid_suite)
