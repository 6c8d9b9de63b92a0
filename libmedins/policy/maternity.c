/*
 * Binding the `maternity:` section into the model of maternity.h (compute/maternity.c
 * computes the payment for one delivery with it).
 */
#include "bind.h"
#include "maternity.h"

static int bind_delivery_extra(mdn_binder *b, const mdn_node *row, void *out)
{
    return mdn_bind_word_mask(b, row, "delivery", mdn_delivery_words,
                              &((mdn_delivery_extra *)out)->deliveries);
}

static int bind_prenatal_extra(mdn_binder *b, const mdn_node *row, void *out)
{
    return mdn_bind_count(b, row, "weeks_max", false, &((mdn_prenatal_extra *)out)->weeks_max);
}

/*
 * An amount table under map[key] whose rows also carry `extra` keys, bound by `fn` into a
 * parallel array of `size`-byte items.
 */
static int bind_table(mdn_binder *b, const mdn_node *map, const char *key, const char *extra,
                      mdn_amount_table *table, size_t size, mdn_row_binder fn, void **extras)
{
    const char *const extra_keys[] = {extra, NULL};
    mdn_path_push(b, key);
    int rc = mdn_bind_amount_table(b, mdn_map_get(map, key), MDN_DIM_SCHEME, extra_keys, NULL, table);
    mdn_path_pop(b);
    /* The extras of a bound table: as many as its rows, row i's at index i. */
    size_t n;
    return rc ? rc : mdn_bind_rows(b, map, key, size, fn, extras, &n);
}

int mdn_bind_maternity(mdn_binder *b, medins_section section, const mdn_node *node)
{
    static const char *const keys[] = {"delivery", "prenatal", "complication_ratio",
                                       "max_child_order", NULL};
    struct mdn_maternity *m = mdn_bind_alloc(b, sizeof *m);
    if (!m)
        return MEDINS_ERR_NOMEM;
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_require(b, node, "delivery");
    if (rc == 0)
        rc = bind_table(b, node, "delivery", "delivery", &m->delivery, sizeof(mdn_delivery_extra),
                        bind_delivery_extra, (void **)&m->delivery_x);
    if (rc == 0)
        rc = bind_table(b, node, "prenatal", "weeks_max", &m->prenatal, sizeof(mdn_prenatal_extra),
                        bind_prenatal_extra, (void **)&m->prenatal_x);
    if (rc == 0) {
        mdn_path_push(b, "complication_ratio");
        const mdn_node *seq = mdn_map_get(node, "complication_ratio");
        rc = mdn_bind_ratio_table(b, seq, MDN_DIM_SCHEME, NULL, &m->complication);
        /* One ratio per row: complication costs are not accumulated into cost segments, so a
         * `segments:` list is refused even with a single segment. */
        for (size_t i = 0; rc == 0 && i < m->complication.n; i++)
            if (mdn_map_get(seq->items[i], "segments"))
                rc = mdn_bind_error(b, seq->items[i], MEDINS_ERR_SEGMENTS,
                                    "row %zu: give one ratio, not segments", i);
        mdn_path_pop(b);
    }
    if (rc == 0)
        rc = mdn_bind_count(b, node, "max_child_order", false, &m->max_child_order);
    if (rc == 0)
        b->policy->maternity = m;
    return rc;
}
