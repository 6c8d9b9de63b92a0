/*
 * The kinds of step (steps.c): each kind's word and its arguments, for the renderer
 * (explain/render.c), which reads them for every field of every text.
 */
#ifndef MEDINS_COMPUTE_STEPS_H
#define MEDINS_COMPUTE_STEPS_H

#include "util.h"

typedef struct mdn_arg_def {
    const char *name;
    medins_arg_type type;
} mdn_arg_def;

/* The arguments of `kind`, in order, their count in *n; NULL (and 0) for an unknown kind. */
const mdn_arg_def *mdn_step_args(medins_step_kind kind, size_t *n);

#endif
