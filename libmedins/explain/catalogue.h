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

/* The languages of the catalogue. */
typedef enum mdn_lang { MDN_LANG_EN, MDN_LANGS } mdn_lang;

/* The template of `kind` in `lang`; NULL when the catalogue has none. */
const char *mdn_message(medins_step_kind kind, mdn_lang lang);
/* The word of value v of an enum argument type in `lang` (a group set: its lowest group's);
 * NULL when the type is not an enum or v is none of its values. */
const char *mdn_arg_word(medins_arg_type type, int64_t v, mdn_lang lang);

#endif
