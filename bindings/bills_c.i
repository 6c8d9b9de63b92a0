/*
 * bills_c.i: the C behind bills.i (a bill built line by line, a field of a struct by its
 * layout), included before the languages' own helpers, which use it (java/medins_java.i).
 */

%{
/* The fee lines of a bill, with their code and name copied (two strings a line). */
typedef struct medins_swig_bill {
    medins_item *items;
    char **text;
    size_t n, cap;
} medins_swig_bill;

static void medins_swig_bill_free(medins_swig_bill *b)
{
    size_t i;
    for (i = 0; i < 2 * b->n; i++)
        free(b->text[i]);
    free(b->text);
    free(b->items);
    free(b);
}

/* A copy of `len` bytes with a NUL after them (a NUL among them stays: the library refuses it). */
static char *medins_swig_copy(const char *s, size_t len)
{
    char *c = malloc(len + 1);
    if (c) {
        if (len)
            memcpy(c, s, len);
        c[len] = '\0';
    }
    return c;
}

/* A new line of `b` with its code and name; its fields are the initialiser's. 0, or
 * MEDINS_ERR_NOMEM (the languages raise their own out-of-memory error). */
static int medins_swig_bill_add(medins_swig_bill *b, const char *code, size_t code_len,
                                const char *name, size_t name_len)
{
    medins_item *it;
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 16;
        medins_item *items = realloc(b->items, cap * sizeof *items);
        char **text = items ? realloc(b->text, 2 * cap * sizeof *text) : NULL;
        if (items)
            b->items = items;
        if (!text)
            return MEDINS_ERR_NOMEM;
        b->text = text;
        b->cap = cap;
    }
    it = &b->items[b->n];
    medins_item_init(it);
    b->text[2 * b->n] = medins_swig_copy(code, code_len);
    b->text[2 * b->n + 1] = medins_swig_copy(name, name_len);
    b->n++;
    it->code = b->text[2 * b->n - 2];
    it->code_len = code_len;
    it->name = b->text[2 * b->n - 1];
    it->name_len = name_len;
    return it->code && it->name ? 0 : MEDINS_ERR_NOMEM;
}

/* Field i of medins_item's layout of the last line set to v: 0, or -1 when there is no line
 * or no such field, -2 when v does not fit it (the languages raise their own errors). */
static int medins_swig_bill_set(medins_swig_bill *b, size_t i, int64_t v)
{
    const medins_field *f = medins_layout_field(MEDINS_LAYOUT_ITEM, i);
    if (b->n == 0 || !f)
        return -1;
    if (!medins_bind_fits(f, v))
        return -2;
    medins_bind_set(f, &b->items[b->n - 1], v);
    return 0;
}

/* Field i of `layout` of the struct at s, as a number (0 past the last). */
static int64_t medins_swig_field(medins_layout layout, const void *s, size_t i)
{
    int64_t slots[32];
    if (i >= medins_layout_field_count(layout) || medins_layout_field_count(layout) > 32)
        return 0;
    medins_bind_pack(layout, s, slots);
    return slots[i];
}
%}
