#include "util.h"

const char *medins_version(void)
{
    return MEDINS_VERSION_STRING;
}

void medins_version_numbers(int *major, int *minor, int *patch)
{
    if (major) *major = MEDINS_VERSION_MAJOR;
    if (minor) *minor = MEDINS_VERSION_MINOR;
    if (patch) *patch = MEDINS_VERSION_PATCH;
}
