/* Placeholder: replaced by the maternity module. */
#ifndef MEDINS_MATERNITY_H
#define MEDINS_MATERNITY_H
#include "common.h"
#endif
