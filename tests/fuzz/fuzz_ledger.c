/*
 * libFuzzer target: the ledger text parser (medins_ledger_parse). Whatever it accepts must be a
 * consistent ledger that serialises back to text parsing to the same ledger; whatever it refuses
 * must leave the output untouched.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <medins.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "fuzz target: ledger\n");   /* run.sh checks it ran the target asked for */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    medins_ledger l, guard, back;
    memset(&l, 0xA5, sizeof l);
    guard = l;
    medins_error *e = NULL;
    int rc = medins_ledger_parse(&l, (const char *)data, size, &e);
    if (rc != 0) {
        if (rc != MEDINS_ERR_LEDGER || !e || memcmp(&l, &guard, sizeof l) != 0)
            abort();
        medins_error_free(e);
        return 0;
    }
    if (e || medins_ledger_check(&l, NULL) != 0)
        abort();
    char buf[2048];
    size_t needed = 0;
    if (medins_ledger_serialize(buf, sizeof buf, &needed, &l) != 0 || needed != strlen(buf) + 1)
        abort();
    if (medins_ledger_parse(&back, buf, needed - 1, NULL) != 0 || memcmp(&l, &back, sizeof l) != 0)
        abort();
    return 0;
}
