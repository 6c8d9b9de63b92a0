/*
 * libFuzzer target: the CLI's CSV reader (cli/csv.c) on arbitrary bytes, read through a memory
 * file so the reader's own buffering and refilling run as they do on a real file. Every field
 * it returns must lie inside its buffer and be NUL-terminated at its length.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "csv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "fuzz target: csv\n");   /* run.sh checks it ran the target asked for */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("fuzz-csv", 0);
    if (fd < 0)
        abort();
    if (size && write(fd, data, size) != (ssize_t)size)
        abort();
    lseek(fd, 0, SEEK_SET);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    csv_reader r;
    if (csv_open(&r, path) != 0)
        abort();
    int rc;
    size_t records = 0;
    while ((rc = csv_next(&r)) != 0 && records++ <= size + 1) {
        if (rc == -2)
            abort();
        if (rc < 0)
            continue;
        for (size_t i = 0; i < r.nf; i++)
            if (r.f[i].p < r.buf || r.f[i].p + r.f[i].n > r.buf + r.cap || r.f[i].p[r.f[i].n] != '\0')
                abort();
    }
    /* each record consumes input, so there cannot be more records than bytes */
    if (records > size + 1)
        abort();
    csv_close(&r);
    close(fd);
    return 0;
}
