/*
 * The YAML node tree: what the loader builds from libyaml events before binding it to the
 * policy model. Every node knows the file, line and column it was written at (1-based) and, for
 * scalars, the citation in force at that point of its own file. Trees of a file and its bases
 * are merged (see docs/policy-format.md, "Inheritance") before binding.
 *
 * Scalars are carried with their length. A scalar holding a NUL character is refused where it
 * is read (tree.c), so every text and key in a tree is exactly its C string: text[len] is its
 * only NUL, and strcmp / strlen on it see the whole scalar.
 */
#ifndef MEDINS_TREE_H
#define MEDINS_TREE_H

#include "util.h"

typedef enum mdn_node_type { MDN_SCALAR, MDN_MAP, MDN_SEQ, MDN_NULL } mdn_node_type;

/* A citation as written: "<source>: <at>" or "assumed: <reason>". */
typedef struct mdn_cite {
    const char *source;        /* source id, or NULL when assumed */
    const char *at;            /* paragraph, or the reason for assuming */
    const char *file;          /* where the cite: key is written */
    unsigned line, col;
} mdn_cite;

typedef struct mdn_node mdn_node;

typedef struct mdn_pair {
    const char *key;
    unsigned key_line, key_col;   /* position of the key itself (for unknown-key errors) */
    mdn_node *value;
} mdn_pair;

struct mdn_node {
    mdn_node_type type;
    const char *file;
    unsigned line, col;
    const char *text;          /* MDN_SCALAR: the scalar's text */
    size_t len;                /* MDN_SCALAR: its length in bytes (no NUL within) */
    bool quoted;               /* MDN_SCALAR: written in quotes */
    const mdn_cite *cite;      /* MDN_SCALAR: citation in force, or NULL */
    size_t n;                  /* MDN_MAP: pairs; MDN_SEQ: items */
    mdn_pair *pairs;           /* MDN_MAP ("cite" pairs are kept out: they become node->cite) */
    mdn_node **items;          /* MDN_SEQ */
    const mdn_cite *own_cite;  /* MDN_MAP: the cite: written in this mapping itself, or NULL */
    /*
     * MDN_MAP after a merge: the keys this file set to null, which the merge took out of `pairs`
     * (removing the base's value, if any). Kept so that an unknown key is refused whatever its
     * value (`levle: ~`, or the `000` of `{amount: 350,000}`). Copies of a base drop them: they
     * were checked when the base was bound.
     */
    const mdn_pair *nulls;
    size_t nnulls;
};

/* Map lookup; NULL when absent (or when map is not a mapping). */
const mdn_node *mdn_map_get(const mdn_node *map, const char *key);
/* The pair for key, or NULL. */
const mdn_pair *mdn_map_pair(const mdn_node *map, const char *key);

/*
 * Parse YAML text into a tree allocated in `arena`. `file` names the text in positions and
 * errors. Citations are resolved (node->cite) within this text only.
 */
int mdn_tree_parse(mdn_arena *arena, const char *file, const char *text, size_t len,
                   const medins_load_options *opts, mdn_node **out, medins_error **err);
/* Deep copy of a tree into `arena` (strings and citations included). NULL on out-of-memory. */
mdn_node *mdn_tree_copy(mdn_arena *arena, const mdn_node *node);
/*
 * `over` merged onto `base` (docs/policy-format.md, "Inheritance"): base is deep-copied into
 * arena, over (already in arena) is used in place. base may be NULL: over alone, nulls removed
 * (and kept as the mappings' `nulls`). NULL on out-of-memory. *compares (when compares is not
 * NULL) receives the number of key comparisons the matching of keys and ids made: at most
 * about (n + m) log2 n for n and m keys or rows, which the tests hold it to.
 */
mdn_node *mdn_tree_merge(mdn_arena *arena, const mdn_node *base, const mdn_node *over, size_t *compares);

#endif
