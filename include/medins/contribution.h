/* Placeholder: replaced by the contribution module. */
#ifndef MEDINS_CONTRIBUTION_H
#define MEDINS_CONTRIBUTION_H
#include "common.h"
#endif
