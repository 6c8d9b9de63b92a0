/*
 * The C benchmarks (see bench/README.md; run them with bench/run.sh, never from the tests):
 *
 *   batch      medins_batch_settle on N claims (default 10^7: 10^6 persons x 10 claims, a mix
 *              of outpatient, pharmacy and inpatient claims of employees and residents) against
 *              the default 2023 policy, side by side with the hard-wired kernel (bench/kernel.c)
 *              on the same claims; the kernel's figures must equal the library's to the fen.
 *   allocs     heap allocations made by one batch call (needs bench/run.sh's LD_PRELOAD shim).
 *   threads    the batch in T threads against one thread, the same claims, alternating runs.
 *   single     one claim per call: the figures only, with the trace, with the trace and its
 *              English lines.
 *   load       loading and validating policies/tianjin/2023.yaml; memory of the loaded year.
 *
 * Usage: bench [--claims N] [--per-person K] [--repeat R] [--threads T] [--dump DIR] [--smoke]
 *              [--batch-only]
 *   --per-person K  claims per person (10): fewer show what each person's run costs.
 *   --threads T  the batch in T threads (medins_batch_settle_threads) side by side with one
 *               thread, runs alternating, outputs and ledgers compared (default 2; 1: not run).
 *   --dump DIR  writes the claims and the library's outputs as raw little-endian arrays
 *               (DIR/<column>.bin) and DIR/meta.txt, for bench/py_bench.py, and the claims as
 *               the CLI's input, DIR/claims.csv.
 *   --smoke     10^4 claims, one repetition, checks only (used by `meson test`).
 *   --batch-only  the batch and the kernel only (for profiling them).
 * Prints "name: value" lines; ratios are measured in this one run.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <medins.h>

#include "kernel.h"
#include "synth.h"

#define SEED 424242u

static double clock_seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
    return clock_seconds(CLOCK_MONOTONIC);
}

static double cpu_now(void)
{
    return clock_seconds(CLOCK_THREAD_CPUTIME_ID);
}

static void die(const char *what, int rc, medins_error *e)
{
    fprintf(stderr, "bench: %s: %s (%s)\n", what, medins_status_name(rc),
            e ? medins_error_message(e) : "");
    exit(1);
}

/* The shim's counter when bench/run.sh preloads it, else NULL. */
static unsigned long (*malloc_calls)(void);

static unsigned long allocs_now(void)
{
    return malloc_calls ? malloc_calls() : 0;
}

typedef struct outcols {
    medins_fen *fund, *major, *assist, *patient;
    int32_t *status;
} outcols;

static void outcols_alloc(outcols *o, size_t n)
{
    o->fund = malloc(n * sizeof(medins_fen));
    o->major = malloc(n * sizeof(medins_fen));
    o->assist = malloc(n * sizeof(medins_fen));
    o->patient = malloc(n * sizeof(medins_fen));
    o->status = malloc(n * sizeof(int32_t));
    if (!o->fund || !o->major || !o->assist || !o->patient || !o->status) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
}

static void outcols_free(outcols *o)
{
    free(o->fund); free(o->major); free(o->assist); free(o->patient); free(o->status);
}

static double run_library_threads(const medins_policy *p, const synth_data *d,
                                  medins_ledger *ledgers, outcols *o, unsigned threads,
                                  size_t *failed, unsigned long *allocs)
{
    for (size_t i = 0; i < d->npersons; i++)
        medins_ledger_init(&ledgers[i], d->date[0] / 10000);
    medins_batch_persons bp = synth_batch_persons(d);
    medins_batch_claims bc = synth_batch_claims(d, 0, d->nclaims);
    medins_batch_out bo = {.version = MEDINS_BATCH_OUT_VERSION,
                           .fund = o->fund, .major_disease = o->major, .assistance = o->assist,
                           .patient = o->patient, .status = o->status};
    unsigned long a0 = allocs_now();
    double t0 = now();
    int rc = medins_batch_settle_threads(p, &bp, &bc, ledgers, &bo, threads, failed, NULL);
    double t = now() - t0;
    *allocs = allocs_now() - a0;
    if (rc != 0 && rc != MEDINS_ERR_BATCH)
        die("batch", rc, NULL);
    return t;
}

static double run_library(const medins_policy *p, const synth_data *d, medins_ledger *ledgers,
                          outcols *o, size_t *failed, unsigned long *allocs)
{
    return run_library_threads(p, d, ledgers, o, 1, failed, allocs);
}

/* First claim where the two runs differ, or (size_t)-1. */
static size_t first_difference(const outcols *a, const outcols *b, size_t n)
{
    for (size_t j = 0; j < n; j++)
        if (a->fund[j] != b->fund[j] || a->patient[j] != b->patient[j] ||
            a->major[j] != b->major[j] || a->assist[j] != b->assist[j])
            return j;
    return (size_t)-1;
}

/*
 * The batch in `threads` threads side by side with one thread, runs alternating (best of
 * `repeat` each), so that both see the same machine; the outputs must be the same.
 */
static int bench_threads(const medins_policy *p, const synth_data *d, unsigned threads,
                         size_t repeat)
{
    medins_ledger *l1 = malloc(d->npersons * sizeof *l1), *ln = malloc(d->npersons * sizeof *ln);
    outcols one, many;
    outcols_alloc(&one, d->nclaims);
    outcols_alloc(&many, d->nclaims);
    if (!l1 || !ln) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    /* Wall time (the throughput), and the processor time of all the process's threads: on a
     * machine others share, the second shows whether the threads did more work in all, the
     * first whether they got the processors to do it. */
    double best1 = 1e99, bestn = 1e99, cpu1 = 1e99, cpun = 1e99;
    size_t failed1 = 0, failedn = 0;
    unsigned long allocs = 0;
    for (size_t r = 0; r < repeat; r++) {
        double c0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
        double t1 = run_library_threads(p, d, l1, &one, 1, &failed1, &allocs);
        double c1 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
        double tn = run_library_threads(p, d, ln, &many, threads, &failedn, &allocs);
        double c2 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
        best1 = t1 < best1 ? t1 : best1;
        bestn = tn < bestn ? tn : bestn;
        cpu1 = c1 - c0 < cpu1 ? c1 - c0 : cpu1;
        cpun = c2 - c1 < cpun ? c2 - c1 : cpun;
    }
    const int same = first_difference(&one, &many, d->nclaims) == (size_t)-1 &&
                     memcmp(one.status, many.status, d->nclaims * sizeof *one.status) == 0 &&
                     memcmp(l1, ln, d->npersons * sizeof *l1) == 0 && failed1 == failedn;
    printf("threads_outputs_and_ledgers_as_one_thread: %s\n", same ? "yes" : "NO");
    printf("batch_1_thread_seconds: %.3f\nbatch_%u_threads_seconds: %.3f\n"
           "threads_%u_over_1_throughput: %.2f\n", best1, threads, bestn, threads,
           best1 / bestn);
    printf("batch_1_thread_cpu_seconds: %.3f\nbatch_%u_threads_cpu_seconds: %.3f\n", cpu1,
           threads, cpun);
    outcols_free(&one);
    outcols_free(&many);
    free(l1);
    free(ln);
    return same ? 0 : 1;
}

static double run_kernel(const synth_data *d, kernel_state *ks, outcols *o)
{
    double t0 = now();
    kernel_settle(d, ks, o->fund, o->major, o->assist, o->patient);
    return now() - t0;
}

static void write_col(const char *dir, const char *name, const void *p, size_t size, size_t n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.bin", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(p, size, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        exit(1);
    }
}

static void dump(const char *dir, const synth_data *d, const outcols *o, double batch_s,
                 double kernel_s)
{
    write_col(dir, "p_scheme", d->scheme, 4, d->npersons);
    write_col(dir, "p_category", d->category, 4, d->npersons);
    write_col(dir, "p_tier", d->tier, 4, d->npersons);
    write_col(dir, "p_birth_date", d->birth_date, 4, d->npersons);
    write_col(dir, "c_person", d->person, 4, d->nclaims);
    write_col(dir, "c_date", d->date, 4, d->nclaims);
    write_col(dir, "c_kind", d->kind, 4, d->nclaims);
    write_col(dir, "c_level", d->level, 4, d->nclaims);
    write_col(dir, "c_total", d->total, 8, d->nclaims);
    write_col(dir, "c_self_paid", d->self_paid, 8, d->nclaims);
    write_col(dir, "c_category_b", d->category_b, 8, d->nclaims);
    write_col(dir, "o_fund", o->fund, 8, d->nclaims);
    write_col(dir, "o_major", o->major, 8, d->nclaims);
    write_col(dir, "o_assist", o->assist, 8, d->nclaims);
    write_col(dir, "o_patient", o->patient, 8, d->nclaims);
    write_col(dir, "o_status", o->status, 4, d->nclaims);
    char path[1024];
    snprintf(path, sizeof path, "%s/meta.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        exit(1);
    }
    fprintf(f, "npersons=%zu\nnclaims=%zu\nc_batch_seconds=%.6f\nkernel_seconds=%.6f\n", d->npersons,
            d->nclaims, batch_s, kernel_s);
    fclose(f);
}

/* The claims as the CLI's batch input (see `medins batch --help`), for timing the CLI. */
static void write_csv(const char *path, const synth_data *d)
{
    static const char *const scheme[] = {"employee", "resident"};
    static const char *const category[] = {"in_service", "retired", "adult", "student_child"};
    static const char *const tier[] = {"", "low", "middle", "high"};
    static const char *const kind[] = {"outpatient", "pooling", "special_disease", "inpatient", "pharmacy"};
    static const char *const level[] = {"primary", "l1", "l2", "l3", "pharmacy"};
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        exit(1);
    }
    fputs("person_id,scheme,category,tier,birth_date,date,kind,level,total,self_paid,category_b\n", f);
    for (size_t j = 0; j < d->nclaims; j++) {
        int32_t p = d->person[j];
        fprintf(f, "%d,%s,%s,%s,%d,%d,%s,%s,%lld.%02lld,%lld.%02lld,%lld.%02lld\n", p,
                scheme[d->scheme[p]], category[d->category[p]], tier[d->tier[p]], d->birth_date[p],
                d->date[j], kind[d->kind[j]], level[d->level[j]],
                (long long)(d->total[j] / 100), (long long)(d->total[j] % 100),
                (long long)(d->self_paid[j] / 100), (long long)(d->self_paid[j] % 100),
                (long long)(d->category_b[j] / 100), (long long)(d->category_b[j] % 100));
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        exit(1);
    }
}

/* How one claim per call is settled: the figures only; with the trace (no text); with the
 * trace and its English lines read (rendered on the first read). */
enum { SINGLE_NO_TRACE, SINGLE_TRACE, SINGLE_LINES, SINGLE_MODES };

/* The first n claims one per call, in each mode: best of 3 rounds, as the batch. */
static void bench_single(const medins_policy *p, const synth_data *d, size_t n)
{
    static const char *const names[SINGLE_MODES] = {"no_trace", "trace", "trace_and_lines"};
    n = n < d->nclaims ? n : d->nclaims;
    for (int mode = 0; mode < SINGLE_MODES; mode++) {
        double best = 1e99;
        for (int round = 0; round < 3; round++) {
            medins_ledger l;
            size_t person = (size_t)-1;
            medins_person per;
            double t0 = now();
            for (size_t j = 0; j < n; j++) {
                if ((size_t)d->person[j] != person) {
                    person = (size_t)d->person[j];
                    synth_person(d, person, &per);
                    medins_ledger_init(&l, d->date[j] / 10000);
                }
                medins_claim c;
                synth_claim(d, j, &c);
                medins_result *r = NULL;
                const medins_settle_options opts = {
                    MEDINS_SETTLE_OPTIONS_VERSION, mode == SINGLE_NO_TRACE ? MEDINS_SETTLE_NO_TRACE : 0};
                if (medins_settle_ex(&r, p, &per, &c, &l, &opts, NULL) == 0) {
                    if (mode == SINGLE_LINES && medins_result_line(r, 0) == NULL)
                        abort();
                    medins_result_free(r);
                }
            }
            double t = now() - t0;
            best = t < best ? t : best;
        }
        printf("single_claim_%s_us: %.3f\n", names[mode], best / (double)n * 1e6);
    }
}

/*
 * Itemised bills: each of n claims as a bill of BILL_LINES fee lines that sum to its total (12
 * 甲 lines, 6 乙 lines at 5% to 30%, 2 自费 lines; half of them by price and quantity, some
 * above a price ceiling), settled by medins_settle_items, against the same claims given by the
 * bill's totals (made from the first settlement of each bill) settled by medins_settle_ex;
 * both traced, each claim from a fresh ledger. The bills are few (BILL_SET claims, settled
 * BILL_REPEAT times a round), so that their lines are in the cache as a hospital system's
 * bill is when it has just built it: 10^5 bills of 20 lines would be read from memory. The
 * two alternate round by round, best of 5, timed in the thread's CPU time: on a shared
 * machine the wall clock counts other work too. The lines' codes and names are short ("I07",
 * "项目"), or with `national` as long as the national catalogue's: codes of 23 characters
 * ("XA01ACF045A001010100007"), names of 8 Chinese characters (24 bytes); their figures are
 * printed as bill_national_*.
 */
enum { BILL_LINES = 20, BILL_SET = 200, BILL_REPEAT = 250 };

static void make_bill(medins_item *items, medins_fen total, bool national)
{
    static char codes[BILL_LINES][32];
    medins_fen left = total;
    for (int i = 0; i < BILL_LINES; i++) {
        medins_item *it = &items[i];
        medins_item_init(it);
        snprintf(codes[i], sizeof codes[i], national ? "XA01ACF045A0010101%05d" : "I%02d", i);
        it->code = codes[i];
        it->code_len = strlen(codes[i]);
        it->name = !national ? "项目" : i % 2 ? "注射用头孢曲松钠" : "一次性使用输液器";
        it->name_len = strlen(it->name);
        it->chrgitm_lv = i < 12 ? MEDINS_ITEM_CLASS_A : i < 18 ? MEDINS_ITEM_CLASS_B
                                                               : MEDINS_ITEM_CLASS_SELF_PAID;
        if (it->chrgitm_lv == MEDINS_ITEM_CLASS_B)
            it->selfpay_prop = (medins_bp)(500 + 500 * (i % 6));
        const medins_fen share = i == BILL_LINES - 1 ? left : total / (BILL_LINES + i % 5);
        const medins_fen amount = share < left ? share : left;
        left -= amount;
        if (i % 2 == 0 && amount >= 2) {   /* two units of half the amount */
            it->price = amount / 2;
            it->quantity = 2 * MEDINS_QUANTITY_ONE;
            if (i % 4 == 0)
                it->ceiling = it->price - it->price / 10;
            left += amount - 2 * it->price;   /* an odd fen goes to the last line */
        } else {
            it->amount = amount;
        }
    }
}

static void bench_bills(const medins_policy *p, const synth_data *d, size_t n, bool national)
{
    n = n < d->nclaims ? n : d->nclaims;
    n = n < BILL_SET ? n : BILL_SET;
    medins_item *items = malloc(n * BILL_LINES * sizeof *items);
    medins_claim *totals = malloc(n * sizeof *totals);
    if (!items || !totals) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    size_t ok = 0;
    for (size_t j = 0; j < n; j++) {
        medins_person per;
        medins_ledger l;
        medins_claim c;
        synth_claim(d, j, &totals[j]);
        make_bill(&items[j * BILL_LINES], totals[j].total, national);
        c = totals[j];
        c.total = c.self_paid = c.category_b = 0;
        synth_person(d, (size_t)d->person[j], &per);
        medins_ledger_init(&l, d->date[j] / 10000);
        medins_result *r = NULL;
        if (medins_settle_items(&r, p, &per, &c, &items[j * BILL_LINES], BILL_LINES, &l, NULL,
                                NULL) == 0) {
            const medins_item_split *b = medins_result_bill(r);
            totals[j].total = b->amount;
            totals[j].self_paid = b->self_paid + b->over_ceiling;
            totals[j].category_b = b->category_b;
            ok++;
            medins_result_free(r);
        }
    }
    double best[2] = {1e99, 1e99};
    for (int round = 0; round < 5; round++) {
        for (int itemised = 0; itemised < 2; itemised++) {
            double t0 = cpu_now();
            for (size_t k = 0; k < (size_t)BILL_REPEAT * n; k++) {
                const size_t j = k % n;
                medins_person per;
                medins_ledger l;
                synth_person(d, (size_t)d->person[j], &per);
                medins_ledger_init(&l, d->date[j] / 10000);
                medins_result *r = NULL;
                medins_claim c = totals[j];
                if (itemised) {
                    c.total = c.self_paid = c.category_b = 0;
                    (void)medins_settle_items(&r, p, &per, &c, &items[j * BILL_LINES],
                                              BILL_LINES, &l, NULL, NULL);
                } else {
                    (void)medins_settle_ex(&r, p, &per, &c, &l, NULL, NULL);
                }
                medins_result_free(r);
            }
            const double t = cpu_now() - t0;
            best[itemised] = t < best[itemised] ? t : best[itemised];
        }
    }
    const double calls = (double)BILL_REPEAT * (double)n;
    const char *what = national ? "bill_national" : "bill";
    printf("%s_claims: %zu (%zu settled), each %d times a round\n%s_aggregate_us: %.3f\n"
           "%s_itemised_%d_lines_us: %.3f\n%s_itemised_over_aggregate: %.2f\n", what, n, ok,
           BILL_REPEAT, what, best[0] / calls * 1e6, what, BILL_LINES, best[1] / calls * 1e6,
           what, best[1] / best[0]);
    free(items);
    free(totals);
}

static void bench_load(void)
{
    const char *root = getenv("MEDINS_POLICIES");
    char path[1024];
    snprintf(path, sizeof path, "%s/tianjin/2023.yaml", root ? root : "policies");
    medins_policy_set *bases = NULL;
    medins_error *e = NULL;
    int rc = medins_policy_set_open_embedded(&bases, &e);
    if (rc != 0)
        die("embedded policies", rc, e);
    enum { N = 200 };
    double best = 1e9, sum = 0;
    for (int i = 0; i < N; i++) {
        medins_policy *p = NULL;
        double t0 = now();
        rc = medins_policy_load_file(&p, path, bases, NULL, &e);
        double t = now() - t0;
        if (rc != 0)
            die(path, rc, e);
        best = t < best ? t : best;
        sum += t;
        medins_policy_free(p);
    }
    printf("load_2023_ms_best: %.3f\nload_2023_ms_mean: %.3f\n", best * 1e3, sum / N * 1e3);
    /* heap held by one loaded year (its bases come from the embedded set, not counted) */
    struct mallinfo2 m0 = mallinfo2();
    medins_policy *p = NULL;
    if ((rc = medins_policy_load_file(&p, path, bases, NULL, &e)) != 0)
        die(path, rc, e);
    struct mallinfo2 m1 = mallinfo2();
    printf("loaded_year_heap_kib: %.1f\n", (double)(m1.uordblks - m0.uordblks) / 1024.0);
    medins_policy_free(p);
    medins_policy_set_free(bases);
}

int main(int argc, char **argv)
{
    size_t nclaims = 10000000, per_person = 10, repeat = 3;
    unsigned threads = 2;
    const char *dumpdir = NULL;
    int smoke = 0, batch_only = 0, bills_only = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--claims") && i + 1 < argc)
            nclaims = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--per-person") && i + 1 < argc)
            per_person = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dump") && i + 1 < argc)
            dumpdir = argv[++i];
        else if (!strcmp(argv[i], "--smoke"))
            smoke = 1;
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--batch-only"))
            batch_only = 1;
        else if (!strcmp(argv[i], "--bills-only"))
            bills_only = 1;
        else {
            fprintf(stderr, "usage: %s [--claims N] [--per-person K] [--repeat R] [--threads T] "
                    "[--dump DIR] [--smoke] [--batch-only] [--bills-only]\n", argv[0]);
            return 2;
        }
    }
    if (smoke) {
        nclaims = 10000;
        repeat = 1;
    }
    *(void **)&malloc_calls = dlsym(RTLD_DEFAULT, "bench_malloc_calls");

    medins_policy_set *set = NULL;
    const medins_policy *p = NULL;
    medins_error *e = NULL;
    int rc = medins_policy_set_open_embedded(&set, &e);
    if (rc != 0)
        die("embedded policies", rc, e);
    if ((rc = medins_policy_set_lookup(&p, set, medins_default_region(), 20230601, &e)) != 0)
        die("default policy", rc, e);

    synth_data d;
    if (per_person == 0)
        per_person = 1;
    size_t npersons = nclaims / per_person ? nclaims / per_person : 1;
    if (synth_make(&d, npersons, per_person, 3u, SYNTH_KINDS_BASIC | SYNTH_NO_GROUPS, 20230101, 20231231, SEED) != 0) {
        fprintf(stderr, "bench: out of memory\n");
        return 1;
    }
    printf("policy: %s\nclaims: %zu\npersons: %zu\n", medins_policy_id(p), d.nclaims, d.npersons);
    if (bills_only) {
        bench_bills(p, &d, d.nclaims, false);
        bench_bills(p, &d, d.nclaims, true);
        synth_free(&d);
        medins_policy_set_free(set);
        return 0;
    }

    medins_ledger *ledgers = malloc(d.npersons * sizeof *ledgers);
    kernel_state *ks = kernel_state_new(d.npersons);
    outcols lib, ker;
    outcols_alloc(&lib, d.nclaims);
    outcols_alloc(&ker, d.nclaims);
    if (!ledgers || !ks) {
        fprintf(stderr, "bench: out of memory\n");
        return 1;
    }

    double best_lib = 1e99, best_ker = 1e99;
    size_t failed = 0;
    unsigned long allocs = 0;
    for (size_t r = 0; r < repeat; r++) {
        double tl = run_library(p, &d, ledgers, &lib, &failed, &allocs);
        double tk = run_kernel(&d, ks, &ker);
        best_lib = tl < best_lib ? tl : best_lib;
        best_ker = tk < best_ker ? tk : best_ker;
    }
    size_t diff = first_difference(&lib, &ker, d.nclaims);
    int status = 0;
    if (failed)
        printf("batch_failed_claims: %zu\n", failed);
    if (diff != (size_t)-1) {
        medins_claim c;
        synth_claim(&d, diff, &c);
        printf("kernel_mismatch: claim %zu (person %d kind %d level %d total %lld): library fund %lld "
               "patient %lld major %lld assistance %lld, kernel %lld %lld %lld %lld\n",
               diff, d.person[diff], d.kind[diff], d.level[diff], (long long)c.total,
               (long long)lib.fund[diff], (long long)lib.patient[diff], (long long)lib.major[diff],
               (long long)lib.assist[diff], (long long)ker.fund[diff], (long long)ker.patient[diff],
               (long long)ker.major[diff], (long long)ker.assist[diff]);
        status = 1;
    } else {
        printf("kernel_matches_library: yes\n");
    }
    printf("batch_seconds: %.3f\nbatch_ns_per_claim: %.1f\nkernel_seconds: %.3f\n"
           "kernel_ns_per_claim: %.1f\nbatch_over_kernel: %.2f\n",
           best_lib, best_lib / (double)d.nclaims * 1e9, best_ker,
           best_ker / (double)d.nclaims * 1e9, best_lib / best_ker);
    if (malloc_calls)
        printf("batch_heap_allocations: %lu (%.6f per claim)\n", allocs, (double)allocs / (double)d.nclaims);
    else
        printf("batch_heap_allocations: unknown (run through bench/run.sh for the counting shim)\n");
    if (dumpdir) {
        dump(dumpdir, &d, &lib, best_lib, best_ker);
        char path[1024];
        snprintf(path, sizeof path, "%s/claims.csv", dumpdir);
        write_csv(path, &d);
    }

    if (threads > 1)
        status |= bench_threads(p, &d, threads, repeat);
    if (!smoke && !batch_only) {
        bench_single(p, &d, 1000000);
        bench_bills(p, &d, 200000, false);
        bench_bills(p, &d, 200000, true);
        bench_load();
    } else if (smoke) {
        bench_bills(p, &d, 1000, false);
        bench_bills(p, &d, 1000, true);
    }

    outcols_free(&lib);
    outcols_free(&ker);
    kernel_state_free(ks);
    free(ledgers);
    synth_free(&d);
    medins_policy_set_free(set);
    return status;
}
