/*
 * layout.i: moving the public structs to and from a language as 64-bit slots, one per field,
 * by the library's own description of them (medins/layout.h), for both bindings: Java packs
 * persons, claims, ledgers, inputs and figures into long[] buffers with these; Python fills a
 * person or a claim from an object's attributes and reads figures into a dict with them. The
 * field lists, their order and their widths are the library's: nothing here names a field.
 * (medins.i wraps medins/layout.h itself, for the languages' lists of names.)
 */

%{
/* The struct at s (of `layout`) into slots out[0..count): each field as the number it is
 * (an unsigned field is read as unsigned). The slots are untyped (a Java long[]'s elements):
 * each moves with memcpy. */
static void medins_bind_pack(medins_layout layout, const void *s, void *out)
{
    size_t i, n = medins_layout_field_count(layout);
    for (i = 0; i < n; i++) {
        const medins_field *f = medins_layout_field(layout, i);
        const char *p = (const char *)s + f->offset;
        int64_t v;
        if (f->type == MEDINS_FIELD_INT64) {
            memcpy(&v, p, 8);
        } else if (f->type == MEDINS_FIELD_UINT32) {
            uint32_t u32;
            memcpy(&u32, p, 4);
            v = u32;
        } else {
            int32_t v32;
            memcpy(&v32, p, 4);
            v = v32;
        }
        memcpy((char *)out + 8 * i, &v, 8);
    }
}

/* Whether v fits field f. */
static int medins_bind_fits(const medins_field *f, int64_t v)
{
    return f->type == MEDINS_FIELD_INT64 ||
           (f->type == MEDINS_FIELD_UINT32 ? v >= 0 && v <= (int64_t)UINT32_MAX
                                           : v >= INT32_MIN && v <= INT32_MAX);
}

/* Field f of the struct at s set to v (which fits it). */
static void medins_bind_set(const medins_field *f, void *s, int64_t v)
{
    char *p = (char *)s + f->offset;
    if (f->type == MEDINS_FIELD_INT64) {
        memcpy(p, &v, 8);
    } else if (f->type == MEDINS_FIELD_UINT32) {
        uint32_t u32 = (uint32_t)v;
        memcpy(p, &u32, 4);
    } else {
        int32_t v32 = (int32_t)v;
        memcpy(p, &v32, 4);
    }
}

/*
 * The struct at s (`size` bytes, of `layout`), initialised as its initialiser does, then its
 * fields from `len` slots at in. 0; -1 when len is not the layout's count of fields, or a value
 * does not fit its field (the struct is then not to be used). Makes no call into the language,
 * so that Java's batch can use it inside its critical regions.
 */
static int medins_bind_unpack(medins_layout layout, void *s, size_t size, const void *in,
                              size_t len)
{
    size_t i, n = medins_layout_field_count(layout);
    if (!in || len != n || medins_layout_init(layout, s, size) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        const medins_field *f = medins_layout_field(layout, i);
        int64_t v;
        memcpy(&v, (const char *)in + 8 * i, 8);
        if (!medins_bind_fits(f, v))
            return -1;
        medins_bind_set(f, s, v);
    }
    return 0;
}
%}
