/**
 * @file medins/policy.h
 * @brief Policy years: loading, validation, policy sets, and the values a policy holds.
 *
 * A medins_policy is one policy year (or a reform overlay) with its base files merged in. It is
 * immutable after loading and may be shared between threads without locking.
 *
 * A medins_policy_set indexes policies by region and effective dates so that the policy in
 * force on a date can be found. The shipped policies are compiled into the library: they can be
 * used with no files on disk (medins_policy_set_open_embedded). Files added to a set replace
 * embedded policies with the same id.
 *
 * The file format is documented in docs/policy-format.md.
 */
#ifndef MEDINS_POLICY_H
#define MEDINS_POLICY_H

#include "common.h"
#include "errors.h"

MEDINS_BEGIN_DECLS

/** One loaded policy year or reform, bases merged in; opaque, immutable, shareable between threads. */
typedef struct medins_policy medins_policy;
/** Policies indexed by region and effective dates; opaque. */
typedef struct medins_policy_set medins_policy_set;

/** The sections a policy may have; a computation whose section is absent fails with MEDINS_ERR_NOT_COVERED. */
typedef enum medins_section {
    MEDINS_SECTION_CONTRIBUTIONS = 0, /**< `contributions`: residents' and employees' contributions */
    MEDINS_SECTION_OUTPATIENT,        /**< `outpatient`: settles outpatient / emergency claims */
    MEDINS_SECTION_PHARMACY,          /**< `pharmacy`: settles designated retail pharmacy claims */
    MEDINS_SECTION_OUTPATIENT_POOLING, /**< `outpatient_pooling`: settles pooling claims */
    MEDINS_SECTION_SPECIAL_DISEASE,   /**< `special_disease`: settles outpatient special disease claims */
    MEDINS_SECTION_INPATIENT,         /**< `inpatient`: settles inpatient claims */
    MEDINS_SECTION_MAJOR_DISEASE,     /**< `major_disease`: major-disease / large-amount layer */
    MEDINS_SECTION_ASSISTANCE,        /**< `assistance`: medical-assistance layer */
    MEDINS_SECTION_MATERNITY,         /**< `maternity`: delivery, prenatal and complication payments */
    MEDINS_SECTION_CAPITATION,        /**< `capitation`: per-head payment to institutions */
    MEDINS_SECTION_ACCOUNTS,          /**< `accounts`: employees' individual-account credits */
    MEDINS_SECTION_BILLS,             /**< `bills`: how itemised bills are split */
    MEDINS_SECTION_COUNT              /**< number of sections; not a section */
} medins_section;

/**
 * Limits applied while reading YAML and walking folders, so hostile input is refused quickly.
 * Exceeding one is MEDINS_ERR_LIMIT (docs/policy-format.md, "Limits and errors").
 */
typedef struct medins_load_options {
    unsigned int version;      /**< MEDINS_LOAD_OPTIONS_VERSION */
    size_t max_file_size;      /**< bytes; default 4 MiB */
    unsigned int max_depth;    /**< nesting depth; default 64 */
    size_t max_nodes;          /**< nodes per file; default 200000 */
    unsigned int max_aliases;  /**< aliases per file; default 0: aliases are refused */
    /* version 2 */
    unsigned int max_dir_depth; /**< medins_policy_set_add_dir: folders below the folder; default 16 */
    size_t max_dir_entries;    /**< medins_policy_set_add_dir: policy files and folders; default 1000 */
    /* version 3 */
    /**
     * NULL (the default): a load stops at its first error. A list (medins_error_list_new): the
     * load goes on after an error wherever the rest of the text can still be read, and puts
     * every error in the list, emptied first, in the order of the text (file name, line,
     * column), up to the list's limit. It goes on past an unknown key (all of a mapping's are
     * reported), a value, a row, a source or a section that is wrong, a tag, a key given twice
     * and a malformed citation; a YAML syntax error, a NUL, a limit, a file that cannot be read
     * and an error of a set as a whole (a base missing, a cycle, an overlap) end it. In a set,
     * a file whose base has errors is not bound. The call fails all the same, with its first
     * error met in *err and no policy; a set is left unchanged. A load without errors costs
     * the same either way.
     */
    medins_error_list *errors;
    /**
     * medins_policy_set_add_dir / add_file: called after each file is read and parsed, and after
     * each is bound (`done` of `total` steps, two a file), for a progress display; NULL for none.
     */
    void (*progress)(void *data, size_t done, size_t total);
    void *progress_data;       /**< passed to progress */
} medins_load_options;

/**
 * The medins_load_options layout this header describes; goes in its `version` field. Callers
 * built with version 1 (no max_dir_* fields) get those limits' defaults; callers built with
 * version 2 (no errors or progress) stop at the first error and see no progress.
 */
#define MEDINS_LOAD_OPTIONS_VERSION 3
/** Initialiser of a medins_load_options with the defaults. */
#define MEDINS_LOAD_OPTIONS_INIT \
    { MEDINS_LOAD_OPTIONS_VERSION, 4u << 20, 64, 200000, 0, 16, 1000, NULL, NULL, NULL }

/** Fill *opts with the defaults (for bindings that cannot use the INIT macro). */
MEDINS_API void medins_load_options_init(medins_load_options *opts);

/* ---- Single policies ------------------------------------------------------------------- */

/**
 * Load one policy file. Its `base:` (if any) is looked up by id in `bases`, or in the embedded
 * policies when bases is NULL.
 * @param out receives a new policy, owned by the caller (medins_policy_free).
 * @param path the YAML file to read.
 * @param bases policies the file's `base:` may name, or NULL for the embedded policies.
 * @param opts limits, or NULL for the defaults.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0 or a negative status; *err carries file:line:column of the offending node.
 */
MEDINS_API int medins_policy_load_file(medins_policy **out, const char *path,
                                       const medins_policy_set *bases,
                                       const medins_load_options *opts, medins_error **err);

/**
 * Load a policy from YAML text. `name` is used as the file name in errors and citations
 * (e.g. "reform.yaml"); the text is `len` bytes and need not be NUL-terminated. A NUL byte
 * within those bytes is not an end: it is MEDINS_ERR_SYNTAX at its line and column.
 */
MEDINS_API int medins_policy_load_string(medins_policy **out, const char *name,
                                         const char *yaml, size_t len,
                                         const medins_policy_set *bases,
                                         const medins_load_options *opts, medins_error **err);

/**
 * Apply an overlay given as YAML text to `base` (the overlay's own `base:` key, if present,
 * is ignored): the usual way for an analyst to change one value in memory.
 * @param out receives a new policy; base is unchanged and may be freed independently.
 * @param base the policy the overlay changes.
 * @param name the overlay's name in errors and citations ("scenario.yaml").
 * @param yaml the overlay text, `len` bytes (need not be NUL-terminated; a NUL within them is
 *             refused, as for medins_policy_load_string).
 * @param len length of `yaml` in bytes.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0 or a negative status, as for medins_policy_load_string.
 */
MEDINS_API int medins_policy_derive(medins_policy **out, const medins_policy *base,
                                    const char *name, const char *yaml, size_t len,
                                    medins_error **err);

/** Release a policy obtained from a load or derive call. Accepts NULL. Policies owned by a set must not be freed. */
MEDINS_API void medins_policy_free(medins_policy *policy);

/** The policy id: "tianjin/2023" for policies/tianjin/2023.yaml. Borrowed. */
MEDINS_API const char *medins_policy_id(const medins_policy *policy);
/** The region ("tianjin"). Borrowed. */
MEDINS_API const char *medins_policy_region(const medins_policy *policy);
/** The human-readable title. Borrowed. */
MEDINS_API const char *medins_policy_title(const medins_policy *policy);
/** First day in force (YYYYMMDD). */
MEDINS_API medins_date medins_policy_effective_from(const medins_policy *policy);
/** Last day in force (YYYYMMDD), 0 when open-ended. */
MEDINS_API medins_date medins_policy_effective_to(const medins_policy *policy);
/**
 * The first day of the policy's benefit year as MMDD: 101 (1 January, the default) or the
 * policy's `year_start` (701 for a July-to-June year). 0 for NULL.
 */
MEDINS_API int32_t medins_policy_year_start(const medins_policy *policy);
/**
 * The benefit year `date` belongs to under the policy: the calendar year in which that year
 * starts (2023 for 2024-03-01 in a year from 1 July), which is the `year` of its ledger. 0 for
 * a NULL policy or a date that is not a day.
 */
MEDINS_API int32_t medins_policy_benefit_year(const medins_policy *policy, medins_date date);
/** The number of claim attributes the policy defines (`claim_attributes`), at most 32. */
MEDINS_API size_t medins_policy_attribute_count(const medins_policy *policy);
/** The word of the policy's i-th claim attribute (bit i of medins_claim.attributes); NULL out of
 * range. Borrowed. */
MEDINS_API const char *medins_policy_attribute_name(const medins_policy *policy, size_t i);
/**
 * Claim attributes as people write them, `len` bytes: the policy's words separated by `|`, `,`
 * or spaces ("referred|out_of_region"), any case, `-` for `_`; "" is none.
 * @return 0 with *out set, or MEDINS_ERR_TYPE naming the word and listing the policy's
 *         (MEDINS_ERR_ARGUMENT for a NULL argument); *out unchanged on error.
 */
MEDINS_API int medins_policy_attributes_parse(const medins_policy *policy, const char *text,
                                              size_t len, uint32_t *out, medins_error **err);
/** The number of person groups (cohorts) the policy defines (`person_groups`), at most 31. */
MEDINS_API size_t medins_policy_cohort_count(const medins_policy *policy);
/** The word of the policy's i-th person group (bit i of medins_person.cohorts); NULL out of
 * range. Borrowed. */
MEDINS_API const char *medins_policy_cohort_name(const medins_policy *policy, size_t i);
/** Non-zero when the policy's i-th person group is worked out by a rule on the person's fields
 * (the caller may not set its bit); 0 when the caller says who belongs, or out of range. */
MEDINS_API int medins_policy_cohort_ruled(const medins_policy *policy, size_t i);
/**
 * Person groups as people write them, as medins_policy_attributes_parse reads claim attributes:
 * the policy's words separated by `|`, `,` or spaces, any case; "" is none.
 * @return 0 with *out set, or MEDINS_ERR_TYPE naming the word and listing the policy's
 *         (MEDINS_ERR_ARGUMENT for a NULL argument); *out unchanged on error.
 */
MEDINS_API int medins_policy_cohorts_parse(const medins_policy *policy, const char *text,
                                           size_t len, uint32_t *out, medins_error **err);
/** Non-zero when the policy is in force on `date`. */
MEDINS_API int medins_policy_in_force(const medins_policy *policy, medins_date date);
/** Non-zero when the policy has the section. */
MEDINS_API int medins_policy_has_section(const medins_policy *policy, medins_section section);
/**
 * The supplementary fund of the section that settles claims of `kind` (`supplementary:`,
 * docs/policy-format.md): its name (`large_amount`) in *fund and its code in the national
 * interface's fund_pay_type table ("330100") in *fund_pay_type, borrowed from the policy; either
 * pointer may be NULL. Returns 1 when the section has one, else 0 (with NULLs).
 */
MEDINS_API int medins_policy_supplementary(const medins_policy *policy, int kind,
                                           const char **fund, const char **fund_pay_type);
/** The section's key in policy files ("outpatient_pooling"). Static. */
MEDINS_API const char *medins_section_name(medins_section section);

/* ---- Sources and values (for explanations, `policy show`, `policy diff`, coverage) ---------- */

/** A source document listed in a policy file. All strings borrowed from the policy. */
typedef struct medins_source {
    const char *id;          /**< short id used in citations ("tj-2017-opinions") */
    const char *title;       /**< the document's title */
    const char *number;      /**< document number, or "" */
    const char *issuer;      /**< issuing body, or "" */
    const char *date;        /**< date as written, or "" */
    const char *kind;        /**< "official", "third-party" or "reform" */
    const char *file;        /**< the policy file that lists it */
    unsigned int line;       /**< 1-based line of the listing in file */
} medins_source;

/** Where a value came from. All strings borrowed from the policy. */
typedef struct medins_value {
    const char *path;        /**< "inpatient.deductible[2].amount" */
    const char *text;        /**< the value as written ("1100", "55%") */
    const char *source;      /**< source id, or NULL when assumed */
    const char *at;          /**< paragraph cited, or the reason it is assumed */
    int assumed;             /**< non-zero for an assumed value */
    const char *file;        /**< policy file the value is written in */
    unsigned int line;       /**< 1-based */
    unsigned int column;     /**< 1-based */
    int third_party;         /**< non-zero when the source cited is of kind third-party (a public
                              *   page, a guide: not an official text); 0 for assumed values */
    const char *key;         /**< the path with each row named rather than numbered, so that the
                              *   same rule of two policies has the same key wherever its row
                              *   stands: by its id ("outpatient.cap[id=employee].amount"), else
                              *   by its selectors ("maternity.delivery[scheme=resident].amount"),
                              *   else, when another row has the same selectors, by its index */
} medins_value;

/**
 * The citation of a value the library handed out (a policy's, a result's): "<title>
 * (<number>), <at>", "third-party: <title>, <at>" or "assumed: <reason>". Borrowed from the
 * policy; "" for NULL.
 */
MEDINS_API const char *medins_value_citation(const medins_value *value);
/** What a value rests on: "official", "third-party" or "assumed". Static; NULL for NULL. */
MEDINS_API const char *medins_value_source_kind(const medins_value *value);

/** Number of sources the policy lists (its bases' first, then its own). */
MEDINS_API size_t medins_policy_source_count(const medins_policy *policy);
/** The i-th source, or NULL when i is out of range. Borrowed. */
MEDINS_API const medins_source *medins_policy_source(const medins_policy *policy, size_t i);
/** The source with that id, or NULL. Borrowed. */
MEDINS_API const medins_source *medins_policy_find_source(const medins_policy *policy, const char *id);

/** Number of values the policy holds (after merging its bases). */
MEDINS_API size_t medins_policy_value_count(const medins_policy *policy);
/** The i-th value in file order, or NULL when out of range. Borrowed. */
MEDINS_API const medins_value *medins_policy_value(const medins_policy *policy, size_t i);
/** The value at `path`, or NULL. Borrowed. */
MEDINS_API const medins_value *medins_policy_find_value(const medins_policy *policy, const char *path);

/* ---- Policy sets ----------------------------------------------------------------------- */

/** A set holding the policies compiled into the library. Caller owns it (medins_policy_set_free). */
MEDINS_API int medins_policy_set_open_embedded(medins_policy_set **out, medins_error **err);

/** An empty set. */
MEDINS_API int medins_policy_set_new(medins_policy_set **out, medins_error **err);

/**
 * Add every *.yaml file below `dir` (ids are paths relative to dir without ".yaml"). Files are
 * loaded in dependency order; bases resolve within the set, then the embedded policies. A file
 * whose id is already in the set replaces it. Reform overlays (`kind: reform`) are loaded but not
 * indexed by date. On error the set is unchanged.
 *
 * Symbolic links are followed, and each folder is read once: a link back to a folder above is
 * MEDINS_ERR_CYCLE and a second path to a folder MEDINS_ERR_DUPLICATE, each naming the path;
 * folders deeper than opts->max_dir_depth or more than opts->max_dir_entries files and folders
 * are MEDINS_ERR_LIMIT.
 */
MEDINS_API int medins_policy_set_add_dir(medins_policy_set *set, const char *dir,
                                         const medins_load_options *opts, medins_error **err);

/** Add one file with the given id (NULL: derived from the file name). Same rules as add_dir. */
MEDINS_API int medins_policy_set_add_file(medins_policy_set *set, const char *path, const char *id,
                                          const medins_load_options *opts, medins_error **err);

/**
 * Add policies given as YAML text, as medins_policy_set_add_dir adds files: the texts are
 * loaded in the order of their bases (which resolve among the texts, then in the set, then in
 * the embedded policies), a text whose id is already in the set replaces it, and on error the
 * set is unchanged. What a set was made from, kept as text, makes the same set again
 * elsewhere: another process, another machine.
 * @param set the set to add to.
 * @param n the number of texts.
 * @param ids each text's policy id ("tianjin/2023"); NULL, or a NULL element: derived from
 *        the name, as medins_policy_set_add_file derives it from the file name.
 * @param names each text's name in errors and citations ("policies/tianjin/2023.yaml").
 * @param texts the YAML texts, lens[i] bytes each (need not be NUL-terminated; a NUL within
 *        them is MEDINS_ERR_SYNTAX, as for medins_policy_load_string).
 * @param lens the texts' lengths in bytes.
 * @param opts limits, or NULL for the defaults.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0, MEDINS_ERR_ARGUMENT (NULL set, or NULL names, texts or lens with n > 0, or a
 *         NULL name or text), or the status of the first text that does not load, with its
 *         position.
 */
MEDINS_API int medins_policy_set_add_texts(medins_policy_set *set, size_t n,
                                           const char *const *ids, const char *const *names,
                                           const char *const *texts, const size_t *lens,
                                           const medins_load_options *opts, medins_error **err);

/**
 * The policy of `region` in force on `date`.
 * @param out receives a borrowed pointer, valid while the set lives.
 * @param set the set to search (reforms are not indexed by date).
 * @param region the region word ("tianjin").
 * @param date the day, YYYYMMDD.
 * @param err receives a new error object on failure (may be NULL); release it with medins_error_free.
 * @return 0, MEDINS_ERR_NO_POLICY, MEDINS_ERR_DATE for a malformed date.
 */
MEDINS_API int medins_policy_set_lookup(const medins_policy **out, const medins_policy_set *set,
                                        const char *region, medins_date date, medins_error **err);

/** The policy with that id ("tianjin/2023"), or NULL. Borrowed. */
MEDINS_API const medins_policy *medins_policy_set_get(const medins_policy_set *set, const char *id);

/** Number of policies in the set (reforms included). */
MEDINS_API size_t medins_policy_set_count(const medins_policy_set *set);
/** The i-th policy, ordered by region then effective date; NULL when out of range. Borrowed. */
MEDINS_API const medins_policy *medins_policy_set_at(const medins_policy_set *set, size_t i);

/** The default region of the embedded set ("tianjin"): the policies a caller naming no region
 * gets. It comes with the embedded policies (policies/meson.build), and is the region of some
 * of them. Static. */
MEDINS_API const char *medins_default_region(void);

/** Release a set and the policies it owns. Accepts NULL. */
MEDINS_API void medins_policy_set_free(medins_policy_set *set);

MEDINS_END_DECLS

#endif
