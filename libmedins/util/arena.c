/*
 * The bump allocator behind a policy: a list of chunks, released together. Requests larger than
 * a quarter chunk get a chunk of their own so that big tables do not waste a chunk's tail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_CHUNK 16384u
#define ARENA_ALIGN 16u

struct mdn_arena_chunk {
    struct mdn_arena_chunk *next;
    size_t size, used;
    /* Keeps the payload 16-byte aligned whatever the header's size. */
    _Alignas(16) unsigned char data[];
};

void mdn_arena_init(mdn_arena *a)
{
    a->head = NULL;
}

static struct mdn_arena_chunk *chunk_new(size_t size)
{
    struct mdn_arena_chunk *c = malloc(sizeof *c + size);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = NULL;
    return c;
}

void *mdn_arena_alloc(mdn_arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN - sizeof(struct mdn_arena_chunk))
        return NULL;
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    struct mdn_arena_chunk *c = a->head;
    if (rounded > ARENA_CHUNK / 4) {
        /* A private chunk, linked behind the head so the head's free tail stays usable. */
        struct mdn_arena_chunk *big = chunk_new(rounded);
        if (!big)
            return NULL;
        big->used = rounded;
        if (c) {
            big->next = c->next;
            c->next = big;
        } else {
            a->head = big;
        }
        memset(big->data, 0, rounded);
        return big->data;
    }
    if (!c || c->size - c->used < rounded) {
        c = chunk_new(ARENA_CHUNK);
        if (!c)
            return NULL;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += rounded;
    memset(p, 0, rounded);
    return p;
}

char *mdn_arena_strndup(mdn_arena *a, const char *s, size_t n)
{
    char *d = mdn_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *mdn_arena_strdup(mdn_arena *a, const char *s)
{
    return s ? mdn_arena_strndup(a, s, strlen(s)) : NULL;
}

char *mdn_arena_printf(mdn_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *d = NULL;
    if (n >= 0 && (d = mdn_arena_alloc(a, (size_t)n + 1)) != NULL)
        vsnprintf(d, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return d;
}

void mdn_arena_free(mdn_arena *a)
{
    struct mdn_arena_chunk *c = a->head;
    while (c) {
        struct mdn_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
