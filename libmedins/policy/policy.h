/*
 * The stages of loading a policy (policy.c), which policy_set.c runs for sets and for single
 * policies, and the table of policies compiled into the library.
 */
#ifndef MEDINS_POLICY_POLICY_H
#define MEDINS_POLICY_POLICY_H

#include "model.h"

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
/*
 * The options a load call was given as one of this library's version, from the caller's of any
 * version it reads (each field the caller's version lacks at its default; NULL: every default):
 * the public calls read theirs only through this. MEDINS_ERR_ARGUMENT for a version this
 * library does not know, or a struct never initialised.
 */
int mdn_load_options_of(medins_load_options *out, const medins_load_options *opts,
                        medins_error **err);
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

/* ---- the generated embedded-policies file (policies/embed.c writes it) --------------------- */

typedef struct mdn_embedded_policy {
    const char *id;            /* "tianjin/2023" */
    const char *file;          /* "policies/tianjin/2023.yaml" */
    const unsigned char *text;
    size_t len;
} mdn_embedded_policy;

extern const mdn_embedded_policy mdn_embedded_policies[];
extern const size_t mdn_embedded_policy_count;
/* The default region, as policies/meson.build gives it to the generator. */
extern const char mdn_embedded_default_region[];

#endif
