/*
 * The message catalogue is complete in every language: every kind of step has a text in each
 * language that renders for every value of its flags, every field it names is one of its
 * kind's, every enum value has a word, every part a label and every language the words of a
 * whole explanation. A kind added without its texts fails here.
 */
#include <stdbool.h>
#include <string.h>

#include "catalogue.h"
#include "render.h"
#include "runner.h"

/* A step of `kind` whose arguments are all `v` (flags all set or all clear). */
static medins_step step_of(medins_step_kind kind, int64_t v)
{
    medins_step st = {.kind = kind, .part = MEDINS_PART_INFO, .rule = "test.rule",
                      .amount = 123456, .base = 654321, .ratio = 5500};
    for (size_t j = 0; j < medins_step_arg_count(kind); j++)
        st.arg[j] = medins_step_arg_type(kind, j) == MEDINS_ARG_DATE ? 20230601 * v : v;
    return st;
}

/* Every kind, in every language, with its flags and enum arguments at 0 and at 1: the text
 * renders whole (no field left in braces) and is not the other language's. */
START_TEST(every_kind_in_every_language)
{
    const medins_step_kind kind = (medins_step_kind)_i;
    ck_assert_msg(medins_step_kind_name(kind) != NULL, "kind %d has no word", _i);
    for (int lang = 0; lang < MEDINS_LANG_COUNT; lang++) {
        const char *tpl = mdn_message(kind, (medins_lang)lang);
        ck_assert_msg(tpl && *tpl, "%s has no %s text", medins_step_kind_name(kind),
                      medins_lang_name((medins_lang)lang));
        for (int64_t v = 0; v <= 1; v++) {
            const medins_step st = step_of(kind, v);
            char text[1024];
            size_t need = 0;
            int rc = mdn_render_step(text, sizeof text, &need, &st, (medins_lang)lang);
            ck_assert_msg(rc == 0, "%s in %s (arguments %d): %d", medins_step_kind_name(kind),
                          medins_lang_name((medins_lang)lang), (int)v, rc);
            ck_assert_msg(need == strlen(text) + 1 && !strchr(text, '{') && !strchr(text, '}'),
                          "%s in %s: %s", medins_step_kind_name(kind),
                          medins_lang_name((medins_lang)lang), text);
        }
    }
    /* Chinese texts are Chinese: each holds a character of three UTF-8 bytes. */
    const char *zh = mdn_message(kind, MEDINS_LANG_ZH);
    bool cjk = false;
    for (const unsigned char *p = (const unsigned char *)zh; *p; p++)
        cjk |= (*p & 0xF0) == 0xE0;
    ck_assert_msg(cjk, "%s: the Chinese text is not Chinese: %s", medins_step_kind_name(kind), zh);
    ck_assert_msg(strcmp(zh, mdn_message(kind, MEDINS_LANG_EN)) != 0, "%s: the same texts",
                  medins_step_kind_name(kind));
}
END_TEST

/* Past the last kind and language there is nothing. */
START_TEST(nothing_past_the_ends)
{
    ck_assert_ptr_null(mdn_message(MEDINS_STEP_KIND_COUNT, MEDINS_LANG_EN));
    ck_assert_ptr_null(mdn_message(MEDINS_STEP_SELF_PAID, MEDINS_LANG_COUNT));
    ck_assert_ptr_null(medins_step_kind_name(MEDINS_STEP_KIND_COUNT));
    ck_assert_uint_eq(medins_step_arg_count(MEDINS_STEP_KIND_COUNT), 0);
    ck_assert_ptr_null(medins_part_label(MEDINS_PART_COUNT, MEDINS_LANG_EN));
    ck_assert_ptr_null(medins_lang_name(MEDINS_LANG_COUNT));
    ck_assert_ptr_null(mdn_layout_of(MEDINS_LANG_COUNT));
    medins_step st = step_of(MEDINS_STEP_SELF_PAID, 0);
    ck_assert_int_eq(mdn_render_step(NULL, 0, NULL, &st, MEDINS_LANG_COUNT), MEDINS_ERR_ARGUMENT);
    st.kind = MEDINS_STEP_KIND_COUNT;
    ck_assert_int_eq(mdn_render_step(NULL, 0, NULL, &st, MEDINS_LANG_EN), MEDINS_ERR_ARGUMENT);
}
END_TEST

/* The enums' words: each value a policy file names has a word in every language, and no
 * language has more. */
START_TEST(every_enum_value_has_words)
{
    static const struct { medins_arg_type type; const char *const *words; } enums[] = {
        {MEDINS_ARG_SCHEME, mdn_scheme_words}, {MEDINS_ARG_CATEGORY, mdn_category_words},
        {MEDINS_ARG_TIER, mdn_tier_words}, {MEDINS_ARG_EMPLOYER_TYPE, mdn_employer_words},
        {MEDINS_ARG_DELIVERY, mdn_delivery_words}, {MEDINS_ARG_DISEASE, mdn_disease_words},
        {MEDINS_ARG_PERIOD, mdn_period_words},
    };
    for (size_t e = 0; e < sizeof enums / sizeof enums[0]; e++) {
        int64_t n = 0;
        while (enums[e].words[n])
            n++;
        for (int lang = 0; lang < MEDINS_LANG_COUNT; lang++) {
            for (int64_t v = 0; v < n; v++)
                ck_assert_msg(mdn_arg_word(enums[e].type, v, (medins_lang)lang) != NULL,
                              "type %d value %d has no %s word", enums[e].type, (int)v,
                              medins_lang_name((medins_lang)lang));
            ck_assert_ptr_null(mdn_arg_word(enums[e].type, n, (medins_lang)lang));
        }
    }
    for (int lang = 0; lang < MEDINS_LANG_COUNT; lang++) {
        for (size_t g = 0; mdn_group_words[g]; g++)
            ck_assert_msg(mdn_arg_word(MEDINS_ARG_GROUPS, (int64_t)1 << g, (medins_lang)lang),
                          "group %zu has no %s word", g, medins_lang_name((medins_lang)lang));
        ck_assert_ptr_nonnull(mdn_arg_word(MEDINS_ARG_GROUPS, 0, (medins_lang)lang));
    }
    /* A set of groups is named by its lowest: dibao and disabled, in English, "dibao". */
    ck_assert_str_eq(mdn_arg_word(MEDINS_ARG_GROUPS, MEDINS_GROUP_DIBAO | MEDINS_GROUP_DISABLED,
                                  MEDINS_LANG_EN), "dibao");
    ck_assert_str_eq(mdn_arg_word(MEDINS_ARG_GROUPS, MEDINS_GROUP_DISABLED, MEDINS_LANG_ZH),
                     "重度残疾");
    ck_assert_ptr_null(mdn_arg_word(MEDINS_ARG_MONEY, 0, MEDINS_LANG_EN));
}
END_TEST

/* Every part has a label and every language the words of a whole explanation. */
START_TEST(labels_and_layouts)
{
    for (int lang = 0; lang < MEDINS_LANG_COUNT; lang++) {
        for (int part = 0; part < MEDINS_PART_COUNT; part++)
            ck_assert_msg(medins_part_label((medins_part)part, (medins_lang)lang),
                          "part %d has no %s label", part, medins_lang_name((medins_lang)lang));
        const mdn_layout *w = mdn_layout_of((medins_lang)lang);
        const char *const words[] = {
            w->policy_open, w->policy_close, w->cite_open, w->cite_close, w->cite_assumed,
            w->cite_third_party, w->assumed, w->third_party, w->why_assumed,
            w->why_third_party, w->source_sep, w->value_open, w->value_sep, w->value_close,
        };
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            ck_assert_msg(words[i] != NULL, "%s: layout word %zu",
                          medins_lang_name((medins_lang)lang), i);
        for (size_t k = 0; k < sizeof w->kind / sizeof w->kind[0]; k++)
            ck_assert_msg(w->kind[k] && *w->kind[k], "%s: result kind %zu",
                          medins_lang_name((medins_lang)lang), k);
    }
}
END_TEST

static Suite *catalogue_suite(void)
{
    Suite *s = suite_create("catalogue");
    TCase *tc = tcase_create("complete");
    tcase_add_loop_test(tc, every_kind_in_every_language, 0, MEDINS_STEP_KIND_COUNT);
    tcase_add_test(tc, nothing_past_the_ends);
    tcase_add_test(tc, every_enum_value_has_words);
    tcase_add_test(tc, labels_and_layouts);
    suite_add_tcase(s, tc);
    return s;
}

MEDINS_CHECK_MAIN(catalogue_suite)
