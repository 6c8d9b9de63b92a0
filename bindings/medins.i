/*
 * medins.i: the one SWIG interface of libmedins, shared by the Python and Java bindings.
 *
 * The C API is wrapped as a few classes whose methods are written once, in C, below:
 *   PolicySet  (medins_policy_set)  embedded(), add_dir(), add_file(), lookup(), get(), at()
 *   Policy     (medins_policy)      load_file(), load_string(), derive(), settle(), getters
 *   Result     (medins_result)      lines, the trace, assumed values, settlement figures;
 *                                   its text in a language (result_explain, result_step_text)
 *   Ledger     (medins_ledger)      plain data; to_text(), from_text(), close_year(), reverse()
 *   records    result_record (medins_record_write); the refund and the record's figures are
 *              per language (python/single.i, java/medins_java.i)
 *   Person, Claim, Settlement, Line, Value, Source, LoadOptions: plain value structs
 *   contributions, accounts, maternity, capitation: Policy methods and input structs (contrib.i)
 * plus the free functions that need no out-parameter (names of enum values, dates, money).
 * The batch (raw column pointers) is per language: python/batch.i (numpy), java/medins_java.i;
 * so are the population batches: python/population.i, java/population_java.i.
 * Every `medins_error **err` becomes an exception (errors.i); factories are %newobject.
 *
 * Ownership: objects from load_file/load_string/derive/embedded/new and every Result belong to
 * the caller's wrapper object. A Policy obtained from a PolicySet (lookup, get, at) is borrowed:
 * the set must outlive it, and a Result borrows strings from its Policy. The language layers
 * (medins/__init__.py, the Java classes) keep those references alive.
 *
 * Language-specific parts sit behind SWIGPYTHON / SWIGJAVA: python/*.i and java/medins_java.i.
 */

#if defined(SWIGPYTHON)
/* The generated layer is medins.lowlevel (extension medins._lowlevel); the package wraps it. */
%module(package="medins", threads="1") lowlevel
#else
%module medins
#endif

%{
#include <stdlib.h>
#include <string.h>
#include "medins.h"
%}

%include <stdint.i>

/* The headers' macros mean nothing to SWIG. */
#define MEDINS_API
#define MEDINS_BEGIN_DECLS
#define MEDINS_END_DECLS

/*
 * Drop the C prefixes: medins_version() -> version(), MEDINS_ERR_RANGE -> ERR_RANGE. The
 * methods written below are named m_<name> in C so that SWIG's helper functions
 * (<struct>_<method>) cannot collide with the library's own medins_<struct>_<verb>; the same
 * rule strips that m_.
 */
%rename("%(regex:/^(medins_|MEDINS_|m_)(.+)$/\\2/)s") "";

%include "errors.i"
/* The helpers both languages move structs with, by their layouts, and run the batch over
 * columns with. */
%include "layout.i"
%include "columns.i"

%{
/* A flag of the languages' settle calls beside MEDINS_SETTLE_NO_TRACE: pre-settle
 * (medins_presettle), changing no ledger. Not a flag of the library's options. */
#define MEDINS_SWIG_ESTIMATE 0x10000u

/* Settle or, with MEDINS_SWIG_ESTIMATE in flags, pre-settle: each language's settle call. */
static int medins_swig_settle(medins_result **out, const medins_policy *policy,
                              const medins_person *person, const medins_claim *claim,
                              medins_ledger *ledger, unsigned int flags, medins_error **err)
{
    medins_settle_options opts;
    medins_settle_options_init(&opts);
    opts.flags = flags & ~MEDINS_SWIG_ESTIMATE;
    return flags & MEDINS_SWIG_ESTIMATE
         ? medins_presettle(out, policy, person, claim, ledger, &opts, err)
         : medins_settle_ex(out, policy, person, claim, ledger, &opts, err);
}
%}

#if defined(SWIGPYTHON)
/* The GIL is released only around the long calls (loading, batches): MEDINS_RELEASE_GIL. */
%nothread;
#define MEDINS_RELEASE_GIL(decl) %thread decl;
#else
#define MEDINS_RELEASE_GIL(decl)
#endif

%include "bills_c.i"

#if defined(SWIGPYTHON)
%include "python/typemaps.i"
#elif defined(SWIGJAVA)
%include "java/medins_java.i"
#endif

/* Itemised bills and the platform's records: helpers and methods (before the structs they
 * extend are wrapped, so that their C comes first). */
%include "bills.i"

/* ---- C helpers behind the wrapped methods ---------------------------------------------- */
%{
/* Text of an amount or ratio; always fits in 32 bytes (24 suffice per money.h). */
static char *medins_swig_money_text(medins_fen amount)
{
    char buf[32];
    if (medins_money_format(buf, sizeof buf, amount) < 0)
        return NULL;
    return strdup(buf);
}

static char *medins_swig_ratio_text(medins_bp ratio)
{
    char buf[32];
    if (medins_ratio_format(buf, sizeof buf, ratio) < 0)
        return NULL;
    return strdup(buf);
}

static medins_fen medins_swig_money_parse(const char *text, medins_error **err)
{
    medins_fen v = 0;
    medins_money_parse(&v, text, err);
    return v;
}

static medins_bp medins_swig_ratio_parse(const char *text, medins_error **err)
{
    medins_bp v = 0;
    medins_ratio_parse(&v, text, err);
    return v;
}

/* A word as the library reads what people type (medins_word_parse), with its length. */
static int medins_swig_word_parse(medins_words words, const char *word, size_t word_len,
                                  medins_error **err)
{
    int v = 0;
    medins_word_parse(&v, words, word, word_len, err);
    return v;
}

/* A date or a list of groups from text with its length, through the library's one reading of
 * each (both languages). */
static medins_date medins_swig_date_parse(const char *text, size_t text_len, medins_error **err)
{
    medins_date v = 0;
    medins_date_parse(&v, text, text_len, err);
    return v;
}

static int64_t medins_swig_groups_parse(const char *text, size_t text_len, medins_error **err)
{
    uint32_t v = 0;
    medins_groups_parse(&v, text, text_len, err);
    return v;
}

static char *medins_swig_ledger_text(const medins_ledger *ledger)
{
    size_t needed = 0;
    char *buf;
    medins_ledger_serialize(NULL, 0, &needed, ledger);
    if (needed == 0)
        return NULL;
    buf = malloc(needed);
    if (buf && medins_ledger_serialize(buf, needed, NULL, ledger) != 0) {
        free(buf);
        buf = NULL;
    }
    return buf;
}

/* The enrolments of one capitation call (contrib.i): a growable array owned by the wrapper. */
typedef struct medins_swig_enrolments {
    medins_enrolment *items;
    size_t count;
    size_t capacity;
} medins_swig_enrolments;

/* Index check for the per-pool ledger arrays: an out-of-range pool reads and writes nothing. */
static int medins_swig_pool_ok(int pool)
{
    return pool >= 0 && pool < MEDINS_POOL_COUNT;
}
%}

/* ---- Enumerations, value types and name functions: the headers themselves ------------- */

/* Functions with out-parameters or caller buffers are reached through the methods below. */
%ignore medins_money_parse;
%ignore medins_ratio_parse;
%ignore medins_money_format;
%ignore medins_ratio_format;
%ignore medins_money_add;
%ignore medins_version_numbers;
%ignore medins_scheme_parse;
%ignore medins_category_parse;
%ignore medins_tier_parse;
%ignore medins_level_parse;
%ignore medins_claim_kind_parse;
%ignore medins_group_parse;
%ignore medins_word_parse;
%ignore medins_date_parse;
%ignore medins_groups_parse;
%ignore medins_error;
%ignore medins_error_code;
%ignore medins_error_message;
%ignore medins_error_file;
%ignore medins_error_line;
%ignore medins_error_column;
%ignore medins_error_free;
%ignore medins_load_options_init;
/* A load's error list and progress callback are C's; the bindings stop at the first error. */
%ignore medins_load_options::errors;
%ignore medins_load_options::progress;
%ignore medins_load_options::progress_data;
%ignore medins_error_list;
%ignore medins_error_list_new;
%ignore medins_error_list_free;
%ignore medins_error_list_count;
%ignore medins_error_list_get;
%ignore medins_error_list_full;
%ignore medins_person_init;
%ignore medins_claim_init;
%ignore medins_ledger_init;
%ignore medins_ledger_check;
%ignore medins_ledger_close_year;
%ignore medins_ledger_serialize;
%ignore medins_ledger_parse;
%ignore medins_ledger::deductible;
%ignore medins_ledger::position;
%ignore medins_ledger::fund;
%ignore medins_ledger::supplementary;
%ignore medins_ledger::day_fund;
%ignore medins_policy_load_file;
%ignore medins_policy_load_string;
%ignore medins_policy_derive;
%ignore medins_policy_free;
%ignore medins_policy_id;
%ignore medins_policy_region;
%ignore medins_policy_title;
%ignore medins_policy_effective_from;
%ignore medins_policy_effective_to;
%ignore medins_policy_in_force;
%ignore medins_policy_year_start;
%ignore medins_policy_benefit_year;
%ignore medins_policy_attribute_count;
%ignore medins_policy_attribute_name;
%ignore medins_policy_attributes_parse;
%ignore medins_policy_cohort_count;
%ignore medins_policy_cohort_name;
%ignore medins_policy_cohort_ruled;
%ignore medins_policy_cohorts_parse;
%ignore medins_sex_parse;
%ignore medins_policy_has_section;
%ignore medins_policy_source_count;
%ignore medins_policy_source;
%ignore medins_policy_find_source;
%ignore medins_policy_value_count;
%ignore medins_policy_value;
%ignore medins_policy_find_value;
%ignore medins_policy_set_open_embedded;
%ignore medins_policy_set_new;
%ignore medins_policy_set_add_dir;
%ignore medins_policy_set_add_file;
%ignore medins_policy_set_lookup;
%ignore medins_policy_set_get;
%ignore medins_policy_set_count;
%ignore medins_policy_set_at;
%ignore medins_policy_set_free;
%ignore medins_result_get_kind;
%ignore medins_result_line_count;
%ignore medins_result_line;
%ignore medins_result_uses_assumed;
%ignore medins_result_assumed_count;
%ignore medins_result_assumed;
%ignore medins_result_third_party_count;
%ignore medins_result_third_party;
%ignore medins_result_policy_id;
%ignore medins_result_free;
%ignore medins_result_settlement;
%ignore medins_settle;
%ignore medins_settle_ex;
%ignore medins_settle_options;
%ignore medins_settle_options_init;
%ignore medins_settle_reverse;
/* Pre-settlement goes through each language's settle, with MEDINS_SWIG_ESTIMATE in its flags. */
%ignore medins_presettle;
/* The year so far goes through each language's layout-driven copy (python/single.i,
 * java/medins_java.i). */
%ignore medins_year_to_date;
%ignore medins_year_to_date_init;
%ignore medins_ledger_from_year;
/* The batch is structure-of-arrays over raw pointers: each language passes its own arrays
 * (python/batch.i: numpy; Java: java/medins_java.i). */
%ignore medins_batch_persons;
%ignore medins_batch_claims;
%ignore medins_batch_out;
%ignore medins_batch_settle;
%ignore medins_batch_settle_set;
%ignore medins_batch_persons_init;
%ignore medins_batch_claims_init;
%ignore medins_batch_out_init;
/* A struct's version is set by its constructor (its initialiser) and read-only; a ledger's
 * reserved words are not data. */
%immutable version;
%ignore medins_ledger::reserved;
%ignore medins_ledger::reserved32;
%ignore medins_ledger::reserved32_day;

/* Class names in both languages. */
%rename(PolicySet) medins_policy_set;
%rename(Policy) medins_policy;
%rename(Result) medins_result;
%rename(Ledger) medins_ledger;
%rename(Person) medins_person;
%rename(Claim) medins_claim;
%rename(Settlement) medins_settlement;
%rename(Line) medins_line;
%rename(Value) medins_value;
%rename(Source) medins_source;
%rename(LoadOptions) medins_load_options;

/* Borrowed views: made only by the library. */
%nodefaultctor medins_settlement;
%nodefaultctor medins_line;
%nodefaultctor medins_value;
%nodefaultctor medins_source;
%nodefaultdtor medins_settlement;
%nodefaultdtor medins_line;
%nodefaultdtor medins_value;
%nodefaultdtor medins_source;
/* Views into a policy or result are read-only (result.h and settle.h are wrapped whole
 * under %immutable below). */
%immutable medins_source::id;
%immutable medins_source::title;
%immutable medins_source::number;
%immutable medins_source::issuer;
%immutable medins_source::date;
%immutable medins_source::kind;
%immutable medins_source::file;
%immutable medins_source::line;
%immutable medins_value::path;
%immutable medins_value::text;
%immutable medins_value::source;
%immutable medins_value::at;
%immutable medins_value::assumed;
%immutable medins_value::file;
%immutable medins_value::line;
%immutable medins_value::column;
%immutable medins_value::third_party;
%immutable medins_value::key;
%nodefaultctor medins_policy;
%nodefaultctor medins_policy_set;
%nodefaultctor medins_result;
%nodefaultctor medins_ledger;
%nodefaultctor medins_person;
%nodefaultctor medins_claim;
%nodefaultctor medins_load_options;

/* The opaque handles, made visible to SWIG (the C compiler never sees these bodies). */
struct medins_policy_set {};
struct medins_policy {};
struct medins_result {};

%include "medins/common.h"
%include "medins/version.h"
%include "medins/errors.h"
%include "medins/money.h"
%include "medins/policy.h"
%include "medins/person.h"
%include "medins/ledger.h"
%immutable;
%include "medins/result.h"
%include "medins/settle.h"
%mutable;
%include "medins/batch.h"
%include "contrib.i"

/* The structs' layouts (read-only), for the languages' lists of field names. */
%ignore medins_layout_init;
%rename(Field) medins_field;
%nodefaultctor medins_field;
%nodefaultdtor medins_field;
%immutable;
%include "medins/layout.h"
%mutable;

/* ---- Money and ratios as text ---------------------------------------------------------- */
%newobject medins_swig_money_text;
%newobject medins_swig_ratio_text;
%rename(money_text) medins_swig_money_text;
%rename(ratio_text) medins_swig_ratio_text;
%rename(money_parse) medins_swig_money_parse;
%rename(ratio_parse) medins_swig_ratio_parse;
/** "1100.50" for 110050 fen. */
char *medins_swig_money_text(medins_fen amount);
/** "55%" for 5500 basis points. */
char *medins_swig_ratio_text(medins_bp ratio);
/** Yuan text to fen; raises on malformed text. */
medins_fen medins_swig_money_parse(const char *text, medins_error **err);
/** Percentage text to basis points; raises on malformed text or out of 0-100%. */
medins_bp medins_swig_ratio_parse(const char *text, medins_error **err);
%rename(date_parse) medins_swig_date_parse;
%rename(groups_parse) medins_swig_groups_parse;
/** "2023-06-01" or "20230601" as YYYYMMDD (medins_date_parse); raises on other text. */
medins_date medins_swig_date_parse(const char *text, size_t text_len, medins_error **err);
/** "dibao+disabled" as the groups' flags (medins_groups_parse); raises on other text. */
int64_t medins_swig_groups_parse(const char *text, size_t text_len, medins_error **err);

/* ---- Words ------------------------------------------------------------------------------ */
#if defined(SWIGPYTHON)
%apply (char *STRING, size_t LENGTH) { (const char *word, size_t word_len) };
#endif
%rename(word_parse) medins_swig_word_parse;
/** The value of a word of `words` in any form medins_word_parse reads; raises on others. */
int medins_swig_word_parse(medins_words words, const char *word, size_t word_len,
                           medins_error **err);

/* ---- Value types ------------------------------------------------------------------------ */

%extend medins_load_options {
    medins_load_options() {
        medins_load_options *o = malloc(sizeof *o);
        if (o)
            medins_load_options_init(o);
        return o;
    }
    ~medins_load_options() { free($self); }
}

%extend medins_person {
    /** An employee in service, no tier, no groups, no family doctor. */
    medins_person() {
        medins_person *p = malloc(sizeof *p);
        if (p)
            medins_person_init(p);
        return p;
    }
    ~medins_person() { free($self); }
}

%extend medins_claim {
    /** Zero amounts, outpatient, level 1. */
    medins_claim() {
        medins_claim *c = malloc(sizeof *c);
        if (c)
            medins_claim_init(c);
        return c;
    }
    ~medins_claim() { free($self); }
}

%newobject medins_ledger::m_copy;
%newobject medins_ledger::m_to_text;
%newobject medins_ledger::m_from_text;
%newobject medins_ledger::m_close_year;
%extend medins_ledger {
    /** An empty ledger for `year`, with no history. */
    medins_ledger(int32_t year) {
        medins_ledger *l = malloc(sizeof *l);
        if (l)
            medins_ledger_init(l, year);
        return l;
    }
    ~medins_ledger() { free($self); }
    /** An independent copy. */
    medins_ledger *m_copy() {
        medins_ledger *l = malloc(sizeof *l);
        if (l)
            *l = *$self;
        return l;
    }
    /** Deductible borne this year in `pool` (medins_pool); 0 for an unknown pool. */
    medins_fen m_get_deductible(int pool) { return medins_swig_pool_ok(pool) ? $self->deductible[pool] : 0; }
    /** Segment position this year in `pool`. */
    medins_fen m_get_position(int pool) { return medins_swig_pool_ok(pool) ? $self->position[pool] : 0; }
    /** Basic fund paid this year in `pool`. */
    medins_fen m_get_fund(int pool) { return medins_swig_pool_ok(pool) ? $self->fund[pool] : 0; }
    void m_set_deductible(int pool, medins_fen v) { if (medins_swig_pool_ok(pool)) $self->deductible[pool] = v; }
    void m_set_position(int pool, medins_fen v) { if (medins_swig_pool_ok(pool)) $self->position[pool] = v; }
    void m_set_fund(int pool, medins_fen v) { if (medins_swig_pool_ok(pool)) $self->fund[pool] = v; }
    /** Paid this year in `pool` by the supplementary fund of its sections. */
    medins_fen m_get_supplementary(int pool) {
        return medins_swig_pool_ok(pool) ? $self->supplementary[pool] : 0;
    }
    void m_set_supplementary(int pool, medins_fen v) {
        if (medins_swig_pool_ok(pool))
            $self->supplementary[pool] = v;
    }
    /** Basic fund paid on day_date in `pool` by claims under a daily maximum. */
    medins_fen m_get_day_fund(int pool) {
        return medins_swig_pool_ok(pool) ? $self->day_fund[pool] : 0;
    }
    void m_set_day_fund(int pool, medins_fen v) {
        if (medins_swig_pool_ok(pool))
            $self->day_fund[pool] = v;
    }
    /** Raise when the ledger is inconsistent. */
    void m_check(medins_error **err) { medins_ledger_check($self, err); }
    /** The versioned key=value text (medins_ledger_serialize). */
    char *m_to_text() { return medins_swig_ledger_text($self); }
    /** Parse text written by to_text(). */
    static medins_ledger *m_from_text(const char *text, medins_error **err) {
        medins_ledger tmp, *l;
        if (medins_ledger_parse(&tmp, text, strlen(text), err) != 0)
            return NULL;
        l = malloc(sizeof *l);
        if (l)
            *l = tmp;
        return l;
    }
    /** The next year's opening ledger under `policy` for `person`. */
    medins_ledger *m_close_year(const medins_policy *policy, const medins_person *person,
                              medins_error **err) {
        medins_ledger tmp, *l;
        if (medins_ledger_close_year(&tmp, $self, policy, person, err) != 0)
            return NULL;
        l = malloc(sizeof *l);
        if (l)
            *l = tmp;
        return l;
    }
    /** Undo `result`, which must be this ledger's most recent settlement. */
    void m_reverse(const medins_result *result, medins_error **err) {
        medins_settle_reverse($self, result, err);
    }
}

/* ---- Results ---------------------------------------------------------------------------- */
%extend medins_result {
    ~medins_result() { medins_result_free($self); }
    medins_result_kind m_kind() { return medins_result_get_kind($self); }
    size_t m_line_count() { return medins_result_line_count($self); }
    /** The i-th explanation line (borrowed), or null. */
    const medins_line *m_line(size_t i) { return medins_result_line($self, i); }
    int m_uses_assumed() { return medins_result_uses_assumed($self); }
    size_t m_assumed_count() { return medins_result_assumed_count($self); }
    /** The i-th assumed value used (borrowed), or null. */
    const medins_value *m_assumed(size_t i) { return medins_result_assumed($self, i); }
    size_t m_third_party_count() { return medins_result_third_party_count($self); }
    /** The i-th value used that cites a third-party source (borrowed), or null. */
    const medins_value *m_third_party(size_t i) { return medins_result_third_party($self, i); }
    const char *m_policy_id() { return medins_result_policy_id($self); }
    /** The settlement figures (borrowed), or null for other kinds. */
    const medins_settlement *m_settlement() { return medins_result_settlement($self); }
}

/* ---- Text from a result's trace, in a language (both bindings' explain) ----------------- */
%{
/* A result's text in the language a tag names ("zh", "en-GB"): its whole explanation, or step
 * i's when `whole` is 0. A new string; NULL with *err for a tag of no language, or NULL alone
 * for a step out of range or no memory. */
static char *medins_swig_text(const medins_result *r, int whole, size_t i, const char *tag,
                              medins_error **err)
{
    medins_lang lang;
    size_t needed = 0;
    char *buf;
    if (medins_lang_parse(&lang, tag, err) != 0)
        return NULL;
    if ((whole ? medins_result_render(NULL, 0, &needed, r, lang)
               : medins_result_step_text(NULL, 0, &needed, r, i, lang)) != MEDINS_ERR_BUFFER)
        return NULL;
    buf = malloc(needed);
    if (buf && (whole ? medins_result_render(buf, needed, NULL, r, lang)
                      : medins_result_step_text(buf, needed, NULL, r, i, lang)) != 0) {
        free(buf);
        buf = NULL;
    }
    return buf;
}

static char *medins_swig_explain(const medins_result *r, const char *lang, medins_error **err)
{
    return medins_swig_text(r, 1, 0, lang, err);
}

static char *medins_swig_step_text(const medins_result *r, size_t i, const char *lang,
                                   medins_error **err)
{
    return medins_swig_text(r, 0, i, lang, err);
}

/* The language a tag names, as its tag ("zh" for "zh-CN"); NULL with *err for another. */
static const char *medins_swig_lang_name(const char *tag, medins_error **err)
{
    medins_lang lang;
    return medins_lang_parse(&lang, tag, err) == 0 ? medins_lang_name(lang) : NULL;
}
%}
%newobject medins_swig_explain;
%newobject medins_swig_step_text;
%rename(lang_name) medins_swig_lang_name;
/** "zh" or "en" for a tag of that language ("zh-CN", "en-GB"); raises for another. */
const char *medins_swig_lang_name(const char *tag, medins_error **err);
%rename(result_explain) medins_swig_explain;
%rename(result_step_text) medins_swig_step_text;
/** The whole explanation of a result in the language `lang` names ("zh", "en"). */
char *medins_swig_explain(const medins_result *r, const char *lang, medins_error **err);
/** The text of step i of a result in the language `lang` names; null out of range. */
char *medins_swig_step_text(const medins_result *r, size_t i, const char *lang,
                            medins_error **err);

/* ---- Records and estimates -------------------------------------------------------------- */
%{
/* A settlement's record (medins_record_write): a new string, or NULL with *err. */
static char *medins_swig_record(const medins_result *r, medins_error **err)
{
    size_t needed = 0;
    char *buf;
    if (medins_record_write(NULL, 0, &needed, r, err) != MEDINS_ERR_BUFFER)
        return NULL;
    buf = malloc(needed);
    if (buf && medins_record_write(buf, needed, NULL, r, err) != 0) {
        free(buf);
        buf = NULL;
    }
    return buf;
}
%}
#define MEDINS_SWIG_ESTIMATE 0x10000u
%newobject medins_swig_record;
%rename(result_record) medins_swig_record;
/** A settlement's record, the text a refund needs (medins/record.h); raises for an estimate. */
char *medins_swig_record(const medins_result *r, medins_error **err);

/* ---- Policies --------------------------------------------------------------------------- */
%newobject medins_policy::m_load_file;
%newobject medins_policy::m_load_string;
%newobject medins_policy::m_derive;
%newobject medins_policy::m_settle;
MEDINS_RELEASE_GIL(medins_policy::m_load_file)
MEDINS_RELEASE_GIL(medins_policy::m_load_string)
MEDINS_RELEASE_GIL(medins_policy::m_derive)
%extend medins_policy {
    ~medins_policy() { medins_policy_free($self); }
    /** Load one file; its base resolves in `bases` (may be null: the embedded policies). */
    static medins_policy *m_load_file(const char *path, const medins_policy_set *bases,
                                    const medins_load_options *opts, medins_error **err) {
        medins_policy *p = NULL;
        medins_policy_load_file(&p, path, bases, opts, err);
        return p;
    }
    /** Load from YAML text; `name` stands for the file name in errors and citations. */
    static medins_policy *m_load_string(const char *name, const char *yaml,
                                      const medins_policy_set *bases,
                                      const medins_load_options *opts, medins_error **err) {
        medins_policy *p = NULL;
        medins_policy_load_string(&p, name, yaml, strlen(yaml), bases, opts, err);
        return p;
    }
    /** A new policy: this one with the YAML overlay applied. */
    medins_policy *m_derive(const char *name, const char *yaml, medins_error **err) {
        medins_policy *p = NULL;
        medins_policy_derive(&p, $self, name, yaml, strlen(yaml), err);
        return p;
    }
    const char *m_id() { return medins_policy_id($self); }
    const char *m_region() { return medins_policy_region($self); }
    const char *m_title() { return medins_policy_title($self); }
    medins_date m_effective_from() { return medins_policy_effective_from($self); }
    medins_date m_effective_to() { return medins_policy_effective_to($self); }
    int m_in_force(medins_date date) { return medins_policy_in_force($self, date); }
    int32_t m_year_start() { return medins_policy_year_start($self); }
    int32_t m_benefit_year(medins_date date) { return medins_policy_benefit_year($self, date); }
    size_t m_attribute_count() { return medins_policy_attribute_count($self); }
    const char *m_attribute_name(size_t i) { return medins_policy_attribute_name($self, i); }
    /** The bits of the claim attributes named in `text` (the policy's words). */
    uint32_t m_attributes_parse(const char *text, medins_error **err) {
        uint32_t bits = 0;
        /* No text (None, null) is the library's NULL argument, never "none". */
        medins_policy_attributes_parse($self, text, text ? strlen(text) : 1, &bits, err);
        return bits;
    }
    size_t m_cohort_count() { return medins_policy_cohort_count($self); }
    const char *m_cohort_name(size_t i) { return medins_policy_cohort_name($self, i); }
    int m_cohort_ruled(size_t i) { return medins_policy_cohort_ruled($self, i); }
    /** The bits of the person groups named in `text` (the policy's words). */
    uint32_t m_cohorts_parse(const char *text, medins_error **err) {
        uint32_t bits = 0;
        medins_policy_cohorts_parse($self, text, text ? strlen(text) : 1, &bits, err);
        return bits;
    }
    int m_has_section(medins_section section) { return medins_policy_has_section($self, section); }
    size_t m_source_count() { return medins_policy_source_count($self); }
    const medins_source *m_source(size_t i) { return medins_policy_source($self, i); }
    const medins_source *m_find_source(const char *id) { return medins_policy_find_source($self, id); }
    size_t m_value_count() { return medins_policy_value_count($self); }
    const medins_value *m_value(size_t i) { return medins_policy_value($self, i); }
    const medins_value *m_find_value(const char *path) { return medins_policy_find_value($self, path); }
    /** Settle one claim; `ledger` is updated on success. flags: SETTLE_NO_TRACE. */
    medins_result *m_settle(const medins_person *person, const medins_claim *claim,
                          medins_ledger *ledger, unsigned int flags, medins_error **err) {
        medins_result *r = NULL;
        medins_swig_settle(&r, $self, person, claim, ledger, flags, err);
        return r;
    }
}

/* ---- Policy sets ------------------------------------------------------------------------ */
%newobject medins_policy_set::m_embedded;
%newobject medins_policy_set::m_empty;
MEDINS_RELEASE_GIL(medins_policy_set::m_embedded)
MEDINS_RELEASE_GIL(medins_policy_set::m_add_dir)
MEDINS_RELEASE_GIL(medins_policy_set::m_add_file)
%extend medins_policy_set {
    ~medins_policy_set() { medins_policy_set_free($self); }
    /** The policies compiled into the library. */
    static medins_policy_set *m_embedded(medins_error **err) {
        medins_policy_set *s = NULL;
        medins_policy_set_open_embedded(&s, err);
        return s;
    }
    /** An empty set. */
    static medins_policy_set *m_empty(medins_error **err) {
        medins_policy_set *s = NULL;
        medins_policy_set_new(&s, err);
        return s;
    }
    void m_add_dir(const char *dir, const medins_load_options *opts, medins_error **err) {
        medins_policy_set_add_dir($self, dir, opts, err);
    }
    void m_add_file(const char *path, const char *id, const medins_load_options *opts,
                  medins_error **err) {
        medins_policy_set_add_file($self, path, id, opts, err);
    }
    /** The policy of `region` in force on `date` (borrowed from the set). */
    const medins_policy *m_lookup(const char *region, medins_date date, medins_error **err) {
        const medins_policy *p = NULL;
        medins_policy_set_lookup(&p, $self, region, date, err);
        return p;
    }
    const medins_policy *m_get(const char *id) { return medins_policy_set_get($self, id); }
    size_t m_count() { return medins_policy_set_count($self); }
    const medins_policy *m_at(size_t i) { return medins_policy_set_at($self, i); }
}

#if defined(SWIGPYTHON)
%include "python/batch.i"
%include "python/population.i"
%include "python/policy_texts.i"
#elif defined(SWIGJAVA)
%include "java/population_java.i"
#endif
