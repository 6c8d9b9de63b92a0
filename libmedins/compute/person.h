/*
 * Persons as the computations see them: the selector context of a person, the benefit tier
 * they get, and the check of a computation's date.
 */
#ifndef MEDINS_COMPUTE_PERSON_H
#define MEDINS_COMPUTE_PERSON_H

#include "select.h"

/*
 * A computation has no claim and no history: the selector context leaves age and last year's
 * costs unknown, so rows bounded by them do not match. person may be NULL (an institution).
 */
void mdn_ctx_init(mdn_ctx *ctx, const medins_person *person, int tier);
/* MEDINS_ERR_DATE unless `date` is a valid day on which `policy` is in force. */
int mdn_check_in_force(const medins_policy *policy, medins_date date, medins_error **err);

/* The tier whose benefits the person gets (C13: students pay low, get high). contribution.c */
int mdn_benefit_tier(const medins_policy *p, const medins_person *person);

#endif
