/* Placeholder: implemented by its module. */
#include "private.h"
