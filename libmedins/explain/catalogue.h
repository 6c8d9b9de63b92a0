/*
 * The message catalogue (catalogue.c): for each kind of step, in each language, the template
 * its text is rendered from; and the words the templates' arguments are rendered with.
 *
 * A template is text with fields in braces, each rendered from the step (render.c):
 *   {amount} {base} {ratio}   the step's own; {name} an argument of its kind, by type
 *                             (medins_step_arg_type): money as yuan ("1000.00"), ratios as
 *                             percentages, dates as 2023-06-01, enums as words of the language;
 *   {+ratio}                  a ratio with its sign ("+5%", "-5%");
 *   {name?A|B}                A when the field is not zero, else B (either may hold fields;
 *                             "|B" may be left out).
 */
#ifndef MEDINS_EXPLAIN_CATALOGUE_H
#define MEDINS_EXPLAIN_CATALOGUE_H

#include "result.h"

/* The template of `kind` in `lang`; NULL when the catalogue has none. */
const char *mdn_message(medins_step_kind kind, medins_lang lang);
/* The word of value v of an enum argument type in `lang` (a group set: its lowest group's);
 * NULL when the type is not an enum or v is none of its values. */
const char *mdn_arg_word(medins_arg_type type, int64_t v, medins_lang lang);

/* The words of a whole explanation (medins_result_render) in one language. */
typedef struct mdn_layout {
    const char *kind[MEDINS_RESULT_ACCOUNT + 1];   /* what a result is of */
    const char *policy_open, *policy_close;        /* around the policy's id */
    const char *cite_open, *cite_close;            /* around a citation */
    const char *cite_assumed, *cite_third_party;   /* before the citation of such a value */
    const char *assumed, *third_party;             /* headings of the values used */
    const char *why_assumed, *why_third_party, *source_sep;   /* before a value's "at" */
    const char *value_open, *value_sep, *value_close;        /* around why and where */
} mdn_layout;

/* The layout of `lang`, NULL for an unknown language. */
const mdn_layout *mdn_layout_of(medins_lang lang);

#endif
