/*
 * Shared main() for the Check suites: each tests/check_<module>.c defines <module>_suite()
 * and ends with MEDINS_CHECK_MAIN(<module>_suite).
 *
 * Test data: MEDINS_TEST_DATA is the tests/ source folder and MEDINS_POLICIES the shipped
 * policies/ folder (set by tests/meson.build); medins_test_path() joins a relative path to the
 * first.
 */
#ifndef MEDINS_TEST_RUNNER_H
#define MEDINS_TEST_RUNNER_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

static inline const char *medins_test_path(char *buf, size_t size, const char *rel)
{
    const char *root = getenv("MEDINS_TEST_DATA");
    snprintf(buf, size, "%s/%s", root ? root : "tests", rel);
    return buf;
}

static inline const char *medins_policies_path(char *buf, size_t size, const char *rel)
{
    const char *root = getenv("MEDINS_POLICIES");
    snprintf(buf, size, "%s/%s", root ? root : "policies", rel);
    return buf;
}

#define MEDINS_CHECK_MAIN(suite_fn)                                   \
    int main(void)                                                    \
    {                                                                 \
        SRunner *sr = srunner_create(suite_fn());                     \
        srunner_run_all(sr, CK_NORMAL);                               \
        int failed = srunner_ntests_failed(sr);                       \
        srunner_free(sr);                                             \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;             \
    }

#endif
