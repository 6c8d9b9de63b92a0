/**
 * @file medins/explain.h
 * @brief Text from a result's trace, in Simplified Chinese or English.
 *
 * A result's trace (medins/result.h) is rendered through a message catalogue: a template for
 * each kind of step in each language, in the terms hospitals and settlement offices use
 * (起付线, 统筹基金支付, 封顶线, 大病保险, 医疗救助, 个人账户, 个人自付, 自费, 乙类先行自付 ...).
 * The language is chosen for each call. Text is written into a buffer the caller owns, as
 * snprintf writes: nothing is kept in the result, and one result may be rendered from several
 * threads at once. (The English lines of medins_result_line are the same English texts, kept
 * in the result.)
 */
#ifndef MEDINS_EXPLAIN_H
#define MEDINS_EXPLAIN_H

#include "common.h"
#include "errors.h"
#include "result.h"

MEDINS_BEGIN_DECLS

/** The languages text is rendered in. */
typedef enum medins_lang {
    MEDINS_LANG_EN = 0,        /**< English */
    MEDINS_LANG_ZH,            /**< Simplified Chinese */
    MEDINS_LANG_COUNT          /**< number of languages; not a language */
} medins_lang;

/**
 * The language of a tag: its first part, before any '-', '_', '.' or '@', in any case: "zh",
 * "zh-CN", "zh_CN.UTF-8" and "zh-Hant" are MEDINS_LANG_ZH (the only Chinese rendered is
 * Simplified), "en", "en-GB" and "en_US.UTF-8" MEDINS_LANG_EN.
 * @param out receives the language; left alone on error.
 * @param tag the tag, NUL-terminated.
 * @param err receives a new error object on failure (may be NULL); release it with
 *            medins_error_free.
 * @return 0, MEDINS_ERR_ARGUMENT for a NULL tag or out, MEDINS_ERR_TYPE for another language
 *         ("'fr' is not a language of the explanations: zh or en").
 */
MEDINS_API int medins_lang_parse(medins_lang *out, const char *tag, medins_error **err);
/** The language's tag: "en" or "zh". Static; NULL for an unknown language. */
MEDINS_API const char *medins_lang_name(medins_lang lang);

/**
 * The text of step i of `result` in `lang`: one sentence with the values it used, such as
 * "年度起付线800.00元，本次结算前已负担0.00元，本次个人负担800.00元".
 * @param buf receives the text with a NUL; may be NULL when size is 0 (to ask for the size).
 * @param size bytes available at buf.
 * @param needed receives the bytes the text takes with its NUL (may be NULL).
 * @param result the result whose trace is rendered.
 * @param i the step, from 0.
 * @param lang the language.
 * @return 0; MEDINS_ERR_BUFFER when size < *needed (buf then holds as much as fits, with a
 *         NUL); MEDINS_ERR_ARGUMENT for a NULL result, a step out of range or an unknown
 *         language.
 */
MEDINS_API int medins_result_step_text(char *buf, size_t size, size_t *needed,
                                       const medins_result *result, size_t i, medins_lang lang);

/**
 * The whole explanation of `result` in `lang`, one '\n'-ended line each: what the result is
 * of and under which policy; each step's amount and text, with the citation and the policy
 * file:line of the value it rests on; then the assumed values used and the third-party ones.
 * A result without a trace has the heading and the values.
 * @param buf receives the text with a NUL; may be NULL when size is 0 (to ask for the size).
 * @param size bytes available at buf.
 * @param needed receives the bytes the text takes with its NUL (may be NULL).
 * @param result the result to explain.
 * @param lang the language.
 * @return 0; MEDINS_ERR_BUFFER when size < *needed (buf then holds as much as fits, with a
 *         NUL); MEDINS_ERR_ARGUMENT for a NULL result or an unknown language.
 */
MEDINS_API int medins_result_render(char *buf, size_t size, size_t *needed,
                                    const medins_result *result, medins_lang lang);

/**
 * The `setl_proc_info` of detail row `row` of a settlement (medins/nhsa.h): the steps of its
 * trace that fund worked by, each rendered as medins_result_step_text renders it, joined by
 * "；" in Chinese and "; " in English (the basic fund's row starts with what came off the
 * bill). Empty for a settlement without a trace. Buffer, size and return as for
 * medins_result_step_text.
 * @param buf receives the text with a NUL; may be NULL when size is 0 (to ask for the size).
 * @param size bytes available at buf.
 * @param needed receives the bytes the text takes with its NUL (may be NULL).
 * @param result a settlement result.
 * @param row the detail row, below medins_result_setldetail_count.
 * @param lang the language.
 * @return 0, MEDINS_ERR_BUFFER, or MEDINS_ERR_ARGUMENT for another kind of result, a row out
 *         of range or an unknown language.
 */
MEDINS_API int medins_result_setl_proc_info(char *buf, size_t size, size_t *needed,
                                            const medins_result *result, size_t row,
                                            medins_lang lang);

/** What a part is called in `lang` ("统筹基金支付", "Basic fund pays"). Static; NULL for an
 * unknown part or language. */
MEDINS_API const char *medins_part_label(medins_part part, medins_lang lang);

/**
 * The word for value `value` of an argument of an enum type in `lang`: a tier, a category, a
 * scheme... ("低档", "low"; English words are the policy files'); a set of groups is named by
 * its lowest. Static; NULL for a type that is not an enum, a value it does not have, or an
 * unknown language.
 */
MEDINS_API const char *medins_arg_label(medins_arg_type type, int64_t value, medins_lang lang);

/**
 * The citation of a value the library handed out, in `lang`: the policy file's words (its
 * source's title, the paragraph, the reason a value is assumed), after the library's own for
 * a third-party or assumed value ("第三方来源：", "assumed: "). Buffer, size and return as for
 * medins_result_step_text (MEDINS_ERR_ARGUMENT for a NULL value or an unknown language).
 * @param buf receives the text with a NUL; may be NULL when size is 0 (to ask for the size).
 * @param size bytes available at buf.
 * @param needed receives the bytes the text takes with its NUL (may be NULL).
 * @param value a value of a policy or a result.
 * @param lang the language.
 * @return 0, MEDINS_ERR_BUFFER or MEDINS_ERR_ARGUMENT.
 */
MEDINS_API int medins_value_cite(char *buf, size_t size, size_t *needed,
                                 const medins_value *value, medins_lang lang);

MEDINS_END_DECLS

#endif
