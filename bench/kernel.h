/*
 * A hand-written settlement kernel with the rules of tianjin/2023 wired in, for outpatient,
 * pharmacy and inpatient claims of employees and residents outside special groups, each person
 * starting the year with an empty ledger. It is what a programmer would write for one policy
 * year and nothing else: the practical speed limit the generic batch is measured against.
 */
#ifndef MEDINS_BENCH_KERNEL_H
#define MEDINS_BENCH_KERNEL_H

#include "synth.h"

typedef struct kernel_state kernel_state;

kernel_state *kernel_state_new(size_t npersons);
void kernel_state_free(kernel_state *ks);
/* Settle every claim of d in order (the state is reset first). */
void kernel_settle(const synth_data *d, kernel_state *ks, medins_fen *fund, medins_fen *major,
                   medins_fen *assist, medins_fen *patient);

#endif
