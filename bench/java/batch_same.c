/*
 * medins_batch_settle called from C on the claims of SettleBench's batch (bench/java), so that
 * bench/java/run.sh can print the Java batch and the C batch of the same run side by side.
 *
 *   batch_same [CALLS]     default 10 timed calls, after 2 untimed ones
 *
 * The persons and bills are SettleBench's MEMBERS and BILLS (keep the two lists in step): 10^4
 * persons, alternately the two members, with the same ten bills each, all on 2023-06-01, under
 * tianjin/2023 from the embedded set. Every call starts from fresh ledgers (initialised outside
 * the timed part, as SettleBench creates its Ledger objects outside it). Prints the mean and the
 * best call in ns a claim, and the sum of the fund column, which SettleBench prints too: equal
 * sums say that both settled the same claims.
 */
#define _POSIX_C_SOURCE 200809L
#include <medins.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PERSONS 10000
#define BILLS 10
#define DAY 20230601

static const int32_t bill_kind[BILLS] = {
    MEDINS_CLAIM_OUTPATIENT, MEDINS_CLAIM_OUTPATIENT, MEDINS_CLAIM_PHARMACY,
    MEDINS_CLAIM_OUTPATIENT, MEDINS_CLAIM_INPATIENT, MEDINS_CLAIM_PHARMACY,
    MEDINS_CLAIM_OUTPATIENT, MEDINS_CLAIM_INPATIENT, MEDINS_CLAIM_OUTPATIENT,
    MEDINS_CLAIM_PHARMACY,
};
static const int32_t bill_level[BILLS] = {
    MEDINS_LEVEL_PRIMARY, MEDINS_LEVEL_2, MEDINS_LEVEL_PHARMACY, MEDINS_LEVEL_3, MEDINS_LEVEL_2,
    MEDINS_LEVEL_PHARMACY, MEDINS_LEVEL_1, MEDINS_LEVEL_3, MEDINS_LEVEL_3, MEDINS_LEVEL_PHARMACY,
};
static const medins_fen bill_total[BILLS] = {
    8000, 45000, 12000, 160000, 1200000, 30000, 260000, 6500000, 90000, 55000,
};

static const int32_t member_scheme[2] = {MEDINS_SCHEME_EMPLOYEE, MEDINS_SCHEME_RESIDENT};
static const int32_t member_category[2] = {MEDINS_CATEGORY_IN_SERVICE, MEDINS_CATEGORY_ADULT};
static const int32_t member_tier[2] = {MEDINS_TIER_NONE, MEDINS_TIER_LOW};
static const medins_date member_birth[2] = {19800501, 19720309};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *alloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "batch_same: out of memory\n");
        exit(1);
    }
    return p;
}

int main(int argc, char **argv)
{
    const size_t np = PERSONS, nc = (size_t)PERSONS * BILLS;
    long calls = argc > 1 ? atol(argv[1]) : 10;
    medins_policy_set *set = NULL;
    const medins_policy *policy = NULL;
    medins_error *err = NULL;
    int32_t *scheme = alloc(np, 4), *category = alloc(np, 4), *tier = alloc(np, 4);
    medins_date *birth = alloc(np, 4), *date = alloc(nc, 4);
    int32_t *person = alloc(nc, 4), *kind = alloc(nc, 4), *level = alloc(nc, 4);
    int32_t *status = alloc(nc, 4);
    medins_fen *total = alloc(nc, 8), *out[8];
    medins_ledger *ledgers = alloc(np, sizeof *ledgers);
    double best = 1e300, sum_t = 0;
    long long fund_sum = 0;
    size_t i, failed = 0;
    long c;

    if (calls < 1)
        calls = 1;
    for (i = 0; i < 8; i++)
        out[i] = alloc(nc, 8);
    if (medins_policy_set_open_embedded(&set, &err) != 0 ||
        medins_policy_set_lookup(&policy, set, "tianjin", DAY, &err) != 0) {
        fprintf(stderr, "batch_same: %s\n", medins_error_message(err));
        return 1;
    }
    for (i = 0; i < np; i++) {
        scheme[i] = member_scheme[i % 2];
        category[i] = member_category[i % 2];
        tier[i] = member_tier[i % 2];
        birth[i] = member_birth[i % 2];
    }
    for (i = 0; i < nc; i++) {
        person[i] = (int32_t)(i / BILLS);
        date[i] = DAY;
        kind[i] = bill_kind[i % BILLS];
        level[i] = bill_level[i % BILLS];
        total[i] = bill_total[i % BILLS];
    }
    {
        medins_batch_persons ps = {.version = MEDINS_BATCH_PERSONS_VERSION,
                                   .n = np, .scheme = scheme, .category = category, .tier = tier,
                                   .birth_date = birth};
        medins_batch_claims cs = {.version = MEDINS_BATCH_CLAIMS_VERSION,
                                  .n = nc, .person = person, .date = date, .kind = kind,
                                  .level = level, .total = total};
        medins_batch_out o = {.version = MEDINS_BATCH_OUT_VERSION,
                              .fund = out[0], .major_disease = out[1], .assistance = out[2],
                              .patient = out[3], .deductible = out[4], .coinsurance = out[5],
                              .over_cap = out[6], .account = out[7], .status = status};
        for (c = -2; c < calls; c++) {
            double t0, t;
            int rc;
            for (i = 0; i < np; i++)
                medins_ledger_init(&ledgers[i], 2023);
            t0 = now();
            rc = medins_batch_settle(policy, &ps, &cs, ledgers, &o, &failed, NULL);
            t = now() - t0;
            if (rc != 0 || failed != 0) {
                fprintf(stderr, "batch_same: %zu claims failed (%d)\n", failed, rc);
                return 1;
            }
            if (c >= 0) {
                sum_t += t;
                if (t < best)
                    best = t;
            }
        }
    }
    for (i = 0; i < nc; i++)
        fund_sum += out[0][i];
    printf("c_batch_ns_per_claim: %.1f (mean of %ld calls of %zu claims; best call %.1f ns a"
           " claim; fund sum %lld)\n",
           sum_t * 1e9 / ((double)calls * (double)nc), calls, nc, best * 1e9 / (double)nc,
           fund_sum);
    medins_policy_set_free(set);
    for (i = 0; i < 8; i++)
        free(out[i]);
    free(scheme); free(category); free(tier); free(birth); free(date); free(person);
    free(kind); free(level); free(status); free(total); free(ledgers);
    return 0;
}
