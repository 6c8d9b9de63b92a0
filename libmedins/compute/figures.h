/*
 * The figures of a contribution, a maternity payment and a capitation settlement without a
 * result: what the one-person calls compute before they write their lines (contribution.c,
 * maternity.c, capitation.c), and what the population batches (population.c) compute row by
 * row. One computation for both, so that a batch's figures are the one-person call's.
 */
#ifndef MEDINS_COMPUTE_FIGURES_H
#define MEDINS_COMPUTE_FIGURES_H

#include "medins.h"

/*
 * medins_contribution's figures for a person already checked (mdn_person_check) under a
 * policy in force on the day; *f is zeroed first, and `assumed` is left 0 (no values are
 * recorded without a result). Returns 0 or medins_contribution's status for the person.
 */
int mdn_contribution_figures(medins_contribution_figures *f, const medins_policy *policy,
                             const medins_person *person, const medins_employee_input *employee,
                             medins_error **err);

/* medins_maternity's figures (the person, input and date checked here); *f is zeroed first,
 * `assumed` left 0. */
int mdn_maternity_figures(medins_maternity_figures *f, const medins_policy *policy,
                          const medins_person *person, medins_date date,
                          const medins_maternity_input *input, medins_error **err);

/* The bytes of scratch that mdn_capitation_figures needs for `enrolments` enrolments. */
size_t mdn_capitation_scratch_size(size_t enrolments);

/* medins_capitation's figures (the input checked here), with `scratch` of
 * mdn_capitation_scratch_size(input->enrolment_count) bytes (NULL: allocated when needed);
 * *f is zeroed first, `assumed` left 0. */
int mdn_capitation_figures(medins_capitation_figures *f, const medins_policy *policy,
                           const medins_capitation_input *input, void *scratch,
                           medins_error **err);

#endif
