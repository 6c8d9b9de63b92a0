/* Placeholder: replaced by the capitation module. */
#ifndef MEDINS_CAPITATION_H
#define MEDINS_CAPITATION_H
#include "common.h"
#endif
