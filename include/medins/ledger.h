/**
 * @file medins/ledger.h
 * @brief The member's year ledger: running totals that settlements read and update.
 *
 * A ledger is plain data owned by the caller (hospital software keeps it in its own database).
 * It holds one benefit year's totals (the calendar year, or the policy's year from its
 * `year_start`) plus what carries across years. Settlements update it;
 * medins_ledger_close_year computes the next year's opening ledger. It serialises to a
 * versioned key=value text so it can be stored and restored exactly.
 *
 * Two versions, for two things. The struct's `version` (MEDINS_LEDGER_VERSION) says how a
 * caller's ledger is laid out in memory; the text's first line (MEDINS_LEDGER_TEXT_VERSION) says
 * which keys a stored ledger has. They change independently: a field added to the struct takes
 * its place in the reserved space (the size of a ledger, and the stride of the batch's array of
 * them, never change) and, when it is to be stored, a key in a new version of the text, which
 * medins_ledger_parse reads with every older one.
 */
#ifndef MEDINS_LEDGER_H
#define MEDINS_LEDGER_H

#include "common.h"
#include "errors.h"
#include "person.h"

MEDINS_BEGIN_DECLS

struct medins_policy;

/** Benefit pools: each has its own deductible, running position and annual maximum. */
typedef enum medins_pool {
    MEDINS_POOL_OUTPATIENT = 0,   /**< `outpatient`: outpatient / emergency care and pharmacy purchases */
    MEDINS_POOL_POOLING = 1,      /**< `pooling`: general outpatient pooling visits, and whatever section
                                       *   a policy places here for a scheme that has no such visits
                                       *   (`pool:` by scheme, docs/policy-format.md) */
    MEDINS_POOL_INPATIENT = 2,    /**< `inpatient`: inpatient admissions and (by default) outpatient special diseases */
    MEDINS_POOL_COUNT = 3         /**< number of pools; not a pool */
} medins_pool;

/** The pool's word, as policy files write it (`pool: inpatient`) and a ledger's text names its
 * totals (`fund.inpatient`). Static; NULL when out of range. */
MEDINS_API const char *medins_pool_name(medins_pool pool);

/** The version of the text form medins_ledger_serialize writes (its first line). */
#define MEDINS_LEDGER_TEXT_VERSION 4

/** The medins_ledger layout this header describes. */
#define MEDINS_LEDGER_VERSION 1

/** Reserved 64-bit words at the end of a ledger, for the fields of later versions. */
#define MEDINS_LEDGER_RESERVED 2

/** The most settlements a ledger counts in a year (medins_ledger.seq): a settlement of a
 * ledger that has them is refused with MEDINS_ERR_OVERFLOW. */
#define MEDINS_LEDGER_SEQ_MAX 2147483647u

/**
 * One member's running totals. Every amount is fen, never negative. Initialise with
 * medins_ledger_init or MEDINS_LEDGER_INIT (`version` as for medins_person; a ledger read by
 * medins_ledger_parse or written by the library is initialised too).
 */
typedef struct medins_ledger {
    unsigned int version;                    /**< MEDINS_LEDGER_VERSION, set by the initialisers */
    int32_t year;                            /**< benefit year the totals are for: the calendar
                                                  year it starts in (medins_policy_benefit_year) */
    medins_date last_date;                   /**< date of the last settled claim; 0 = none */
    uint32_t seq;                            /**< settlements applied this year, net of reversals; at most MEDINS_LEDGER_SEQ_MAX */
    int32_t admissions;                      /**< inpatient admissions settled this year; at most seq */
    int32_t reserved32;                      /**< zero: as `reserved`, and so that no byte of a
                                                  ledger is padding */
    medins_fen outpatient_costs;             /**< in-scope outpatient + pharmacy costs this year */
    medins_fen deductible[MEDINS_POOL_COUNT];/**< deductible borne this year, per pool */
    medins_fen position[MEDINS_POOL_COUNT];  /**< in-scope amount above the deductible this year (segment position) */
    medins_fen fund[MEDINS_POOL_COUNT];      /**< basic fund paid this year, per pool */
    medins_fen major_base;                   /**< cumulative base of the major-disease layer */
    medins_fen major_fund;                   /**< major-disease layer paid this year */
    medins_fen assist_base;                  /**< cumulative base of medical assistance */
    medins_fen assist_fund;                  /**< medical assistance paid this year */
    medins_fen account_balance;              /**< individual account balance available to settlements */
    medins_fen account_paid;                 /**< paid from the individual account this year */
    /* Carried across years */
    medins_fen carry_over;                   /**< accumulated addition to the inpatient maximum (never decreases) */
    int32_t thrifty_years;                   /**< consecutive years with outpatient costs not above the deductible; at most year - 1900 */
    int32_t prior_known;                     /**< 1 when prior_outpatient_costs comes from a closed year */
    medins_fen prior_outpatient_costs;       /**< last year's in-scope outpatient costs */
    medins_fen supplementary[MEDINS_POOL_COUNT]; /**< paid this year by the supplementary fund of
                                              *   the pool's sections (`supplementary:`), per pool;
                                              *   zero in ledgers of libraries before it (it was
                                              *   reserved) */
    medins_fen account_credited;             /**< credited to the account this year (the caller adds
                                              *   each credit here and to the balance): what of it
                                              *   the year's account payments have not spent is the
                                              *   current year's account, the rest of the balance
                                              *   carried over; zero in ledgers of libraries before
                                              *   it */
    medins_date day_date;                    /**< the date day_fund is for: that of the last claim
                                              *   settled under a section with a `day_cap`; 0 =
                                              *   none (and in ledgers of libraries before it).
                                              *   At most last_date */
    int32_t reserved32_day;                  /**< zero, as reserved32 */
    medins_fen day_fund[MEDINS_POOL_COUNT];  /**< basic fund paid on day_date, per pool, by the
                                              *   claims of sections with a `day_cap` (their
                                              *   daily maximum's use); each at most the pool's
                                              *   fund, and 0 without a day_date */
    /** Zero: the fields of later versions. The library checks nothing here; a settlement and
     * a reversal keep it as it is, and the next year's ledger (medins_ledger_close_year) has it
     * zero. */
    int64_t reserved[MEDINS_LEDGER_RESERVED];
} medins_ledger;

/** An empty ledger for `year`, as medins_ledger_init makes it. */
#define MEDINS_LEDGER_INIT(year) \
    { MEDINS_LEDGER_VERSION, (year), 0, 0, 0, 0, 0, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, \
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {0, 0, 0}, 0, 0, 0, {0, 0, 0}, {0} }

/** An empty ledger for `year`: no history (prior_known = 0). A NULL ledger is left alone. */
MEDINS_API void medins_ledger_init(medins_ledger *ledger, int32_t year);

/**
 * A person's year so far as a hospital system knows it: the accumulated figures the national
 * platform reports (transaction 5206, `cum_type_code` and `cum`) and its own records, from which
 * medins_ledger_from_year builds the ledger that settles the person's next claim. Every field
 * is a figure such a system holds; none is the library's bookkeeping. Initialise with
 * MEDINS_YEAR_TO_DATE_INIT or medins_year_to_date_init (`version` as for medins_person).
 */
typedef struct medins_year_to_date {
    unsigned int version;                    /**< MEDINS_YEAR_TO_DATE_VERSION, set by the initialisers */
    int32_t year;                            /**< the calendar year */
    medins_date last_date;                   /**< the date of the year's last settlement; 0 when
                                                  there was none this year */
    int32_t admissions;                      /**< inpatient admissions settled this year */
    int32_t thrifty_years;                   /**< consecutive earlier years whose outpatient costs
                                                  were not above the deductible */
    int32_t prior_known;                     /**< 1 when prior_outpatient_costs is known, else 0 */
    medins_fen outpatient_costs;             /**< in-scope outpatient and pharmacy costs this year */
    medins_fen in_scope[MEDINS_POOL_COUNT];  /**< in-scope costs settled this year, per pool
                                                  (符合政策范围), the deductible's part included */
    medins_fen deductible[MEDINS_POOL_COUNT];/**< deductible borne this year, per pool (起付线) */
    medins_fen fund[MEDINS_POOL_COUNT];      /**< basic fund paid this year, per pool */
    medins_fen major_base;                   /**< the burden the major-disease layer has counted
                                                  this year (its deductible's part included) */
    medins_fen major_fund;                   /**< major-disease layer paid this year */
    medins_fen assist_base;                  /**< the burden medical assistance has counted this year */
    medins_fen assist_fund;                  /**< medical assistance paid this year */
    medins_fen account_balance;              /**< individual account balance now */
    medins_fen account_paid;                 /**< paid from the individual account this year */
    medins_fen carry_over;                   /**< the carried-over addition to the inpatient maximum */
    medins_fen prior_outpatient_costs;       /**< last year's in-scope outpatient costs (0 when
                                                  prior_known is 0) */
    /* Version 2 (a caller of version 1 has none of these: they are read as 0) */
    medins_fen supplementary[MEDINS_POOL_COUNT]; /**< paid this year by the supplementary fund
                                                  of the pool's sections (`supplementary:`) */
    medins_fen account_first[MEDINS_POOL_COUNT]; /**< of account_paid, what the account paid
                                                  first this year in the pool, before the
                                                  deductible (`account_first`; the settlements'
                                                  account_first figures) */
    medins_fen account_credited;             /**< credited to the account this year (the
                                                  ledger's account_credited) */
} medins_year_to_date;

/** The medins_year_to_date layout this header describes: version 2 added the supplementary
 * funds' payments, the account's first payments and its credits. */
#define MEDINS_YEAR_TO_DATE_VERSION 2
/** A year with nothing settled yet, nothing carried and no history. */
#define MEDINS_YEAR_TO_DATE_INIT(year) \
    { MEDINS_YEAR_TO_DATE_VERSION, (year), 0, 0, 0, 0, 0, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, \
      0, 0, 0, 0, 0, 0, 0, 0, {0, 0, 0}, {0, 0, 0}, 0 }

/** Set *ytd to MEDINS_YEAR_TO_DATE_INIT(year) (for bindings). A NULL ytd is left alone. */
MEDINS_API void medins_year_to_date_init(medins_year_to_date *ytd, int32_t year);

/**
 * A ledger from a person's year so far (docs/settlement.md, "A ledger from the year so far").
 * Each pool's running position is its in-scope costs above the deductible and what the account
 * paid first (in_scope - account_first - deductible); the ledger counts as many settlements as
 * it needs to hold the figures, which it can know no better: the admissions, or one when the
 * year has settlements but no admission (its count matters only to refunds, which name
 * settlements by their number after it). *ledger is written only on success. A year to date
 * of version 1 has no supplementary payments, first account payments nor credits.
 * @param ledger receives the ledger.
 * @param ytd the year so far.
 * @param err receives a new error object on failure (may be NULL).
 * @return 0; MEDINS_ERR_ARGUMENT for a NULL pointer or a version this library does not know;
 *         MEDINS_ERR_LEDGER, naming the field, for figures that cannot be a year's: a pool's
 *         account_first, deductible, fund and supplementary payments together above its
 *         in-scope costs, first account payments above account_paid, figures of a year without the
 *         date of its last settlement (or a date without figures), and whatever
 *         medins_ledger_check refuses (a date of another year, amounts out of range...).
 */
MEDINS_API int medins_ledger_from_year(medins_ledger *ledger, const medins_year_to_date *ytd,
                                       medins_error **err);

/**
 * Check a ledger's consistency. Its bounds are those every later operation can take, so that a
 * ledger that passes is one that medins_settle, medins_ledger_close_year and the text form
 * accept, and that each of them leaves valid or refuses with an error of its own:
 * year 1900 to 2199 (the years of medins_date_valid); every amount 0 to MEDINS_FEN_MAX;
 * seq 0 to MEDINS_LEDGER_SEQ_MAX; admissions 0 to seq; thrifty_years 0 to year - 1900 (the
 * years a ledger can have closed since 1900: closing a year adds at most one, to the next
 * year's ledger); prior_known 0 or 1, and prior_outpatient_costs 0 when it is 0; last_date a
 * day of the year or of the next (a benefit year from 1 July ends in the next calendar year)
 * when seq is not 0, else 0; day_date 0 or a day of the year or the next, not after
 * last_date; each day_fund at most its pool's fund, and 0 when day_date is 0. The settlement
 * and the closing, which know the policy, check that last_date is a day of the ledger's
 * benefit year.
 * @return 0 or MEDINS_ERR_LEDGER (MEDINS_ERR_ARGUMENT for a NULL ledger or a version this
 * library does not know).
 */
MEDINS_API int medins_ledger_check(const medins_ledger *ledger, medins_error **err);

/**
 * Close a year: compute the next year's opening ledger from `prev`, using the policy in force at
 * the end of prev's year for `person`: the unused outpatient maximum (maximum minus the year's
 * outpatient costs, when positive) is added to carry_over (it never decreases); thrifty_years
 * grows by one when the year's outpatient costs did not exceed the person's outpatient
 * deductible, else restarts at 0; prior_outpatient_costs = the year's outpatient costs;
 * account_balance is carried. *next is written only on success (it may alias prev).
 * @return 0 or a negative status: MEDINS_ERR_ARGUMENT (a NULL pointer), MEDINS_ERR_LEDGER
 *         (prev fails medins_ledger_check), MEDINS_ERR_PERSON (an inconsistent person; a birth
 *         date after 31 December of prev's year; no birth date when the rows read bound the
 *         age), MEDINS_ERR_DATE (prev's year is 2199, the last the library's dates reach, or
 *         the policy is not in force on 31 December), MEDINS_ERR_OVERFLOW (the carry-over
 *         would pass MEDINS_FEN_MAX).
 */
MEDINS_API int medins_ledger_close_year(medins_ledger *next, const medins_ledger *prev,
                                        const struct medins_policy *policy,
                                        const medins_person *person, medins_error **err);

/**
 * Serialise as text: a first line "medins-ledger N" then one "key=value" line per field of
 * that text version (medins_layout_field's names, in their order). N is the oldest version
 * that holds the ledger: 4 (MEDINS_LEDGER_TEXT_VERSION) only when its day figures (day_date,
 * day_fund) are not all 0, so that a ledger never settled under a `day_cap` stays readable by
 * libraries before them, and one that was is never written without them. The struct's
 * version is not written: it is how this caller's memory is laid out, not data.
 * @param buf may be NULL when size is 0 (to ask for the size).
 * @param size bytes available at buf.
 * @param needed receives the bytes needed including the NUL (may be NULL).
 * @param ledger the ledger to write.
 * @return 0, MEDINS_ERR_BUFFER when size < *needed (buf untouched), or MEDINS_ERR_ARGUMENT
 * for a NULL ledger or one of a version this library does not know.
 */
MEDINS_API int medins_ledger_serialize(char *buf, size_t size, size_t *needed,
                                       const medins_ledger *ledger);

/**
 * Parse text written by medins_ledger_serialize, of this text version or any earlier one (a key
 * a later version adds is then 0). Unknown keys, missing keys, malformed numbers, inconsistent
 * values and a text version newer than this library's are MEDINS_ERR_LEDGER; *ledger is
 * written only on success, as a whole ledger of MEDINS_LEDGER_VERSION.
 */
MEDINS_API int medins_ledger_parse(medins_ledger *ledger, const char *text, size_t len,
                                   medins_error **err);

MEDINS_END_DECLS

#endif
