/*
 * Loader internals shared by money.c, tree.c, bind.c, policy.c and policy_set.c: text parsers
 * that report a status without building an error, the YAML tree builder and merger, the policy
 * pipeline stages used by sets, and the table of policies compiled into the library.
 */
#ifndef MEDINS_LOADER_H
#define MEDINS_LOADER_H

#include "model.h"

/* Parsers returning 0 or a status (no error object): the binder adds the node's position.
 * The _len forms read `len` bytes (a NUL among them is MEDINS_ERR_SYNTAX); the _text forms
 * read a NUL-terminated text. */
int mdn_money_parse_len(medins_fen *out, const char *text, size_t len);
int mdn_money_parse_text(medins_fen *out, const char *text);
/* A percentage; negative values only when allow_negative. MEDINS_ERR_SYNTAX / MEDINS_ERR_RANGE. */
int mdn_points_parse_len(medins_bp *out, const char *text, size_t len, bool allow_negative);
int mdn_points_parse_text(medins_bp *out, const char *text, bool allow_negative);
/* Why text that mdn_money_parse_len refused with MEDINS_ERR_SYNTAX is not an amount, as the
 * end of a message: "it contains a NUL byte", "thousands separators are not allowed", or how
 * to write one. Static. */
const char *mdn_amount_syntax_why(const char *text, size_t len);
/* ISO date "2023-01-01" -> 20230101. MEDINS_ERR_SYNTAX, or MEDINS_ERR_DATE for 2023-02-30. */
int mdn_date_parse_text(medins_date *out, const char *text);

/* Words of the person and claim enums, indexed by enum value, NULL-terminated (person.c). */
extern const char *const mdn_scheme_words[];
extern const char *const mdn_category_words[];
extern const char *const mdn_tier_words[];      /* "none", "low", "middle", "high" */
extern const char *const mdn_level_words[];
extern const char *const mdn_kind_words[];
extern const char *const mdn_group_words[];     /* index i is the flag 1u << i */

/* The list a load collects its errors in (medins_load_options.errors, version 3), or NULL. */
static inline medins_error_list *mdn_load_errors(const medins_load_options *opts)
{
    return opts && opts->version >= 3 ? opts->errors : NULL;
}

/* ---- tree.c ------------------------------------------------------------------------------ */

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

/* ---- policy.c ---------------------------------------------------------------------------- */

/* A policy parsed but not yet merged onto its base nor bound. */
typedef struct mdn_pending {
    medins_policy *policy;     /* owns the arena; policy->tree is the file's own tree */
    const char *base_id;       /* NULL without `base:` */
    const mdn_node *base_node; /* the `base:` scalar, for errors */
    medins_error_list *errors; /* the load collects its errors there (medins_load_options), or NULL */
} mdn_pending;

/* Stage 1: parse `text` (named `file`) into a new policy shell with id `id` (NULL: derived later). */
int mdn_policy_parse(mdn_pending *out, const char *id, const char *file, const char *text,
                     size_t len, const medins_load_options *opts, medins_error **err);
/* Stage 2: merge onto `base` (NULL: none) and bind. On error the shell is freed. */
int mdn_policy_finish(mdn_pending *pending, const medins_policy *base, medins_error **err);
/* Read a whole file, refusing it before reading when it is larger than the limit. free() *text. */
int mdn_read_file(const char *path, const medins_load_options *opts, char **text, size_t *len,
                  medins_error **err);

/* ---- policy_set.c ------------------------------------------------------------------------ */

/* One policy to add to a set: its id, name for positions, and text. */
typedef struct mdn_source_text {
    const char *id;
    const char *file;
    const char *text;
    size_t len;
} mdn_source_text;

/*
 * Load `n` texts into `set` in base order: a base resolves among the texts, then in the set,
 * then (when use_embedded) in the embedded policies. All or nothing.
 */
int mdn_set_add_texts(medins_policy_set *set, const mdn_source_text *texts, size_t n,
                      bool use_embedded, const medins_load_options *opts, medins_error **err);
/*
 * Resolve base id `id` for a single load: in `bases` (when not NULL), then in the embedded
 * policies. *tmp receives a set to free after use (or NULL). MEDINS_ERR_BASE at `at` when absent.
 */
int mdn_resolve_base(const medins_policy **out, medins_policy_set **tmp, const medins_policy_set *bases,
                     const char *id, const mdn_node *at, medins_error **err);

/* ---- the generated embedded-policies file (policies/embed.c writes it) --------------------- */

typedef struct mdn_embedded_policy {
    const char *id;            /* "tianjin/2023" */
    const char *file;          /* "policies/tianjin/2023.yaml" */
    const unsigned char *text;
    size_t len;
} mdn_embedded_policy;

extern const mdn_embedded_policy mdn_embedded_policies[];
extern const size_t mdn_embedded_policy_count;

#endif
