/*
 * Progress of long work on standard error, when it is a terminal: a bar, the share done, what the
 * command counts, and the time left, estimated from the time taken so far.
 */
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

void cli_progress_start(cli_progress *p, int quiet)
{
    memset(p, 0, sizeof *p);
    p->on = !quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &p->start);
}

double cli_progress_seconds(const cli_progress *p)
{
    return since(&p->start);
}

void cli_progress_show(cli_progress *p, double fraction, const char *fmt, ...)
{
    if (!p->on)
        return;
    double s = since(&p->start);
    if (p->drawn && s < p->next)
        return;   /* ten times a second is enough to read */
    p->next = s + 0.1;
    char what[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (fraction < 0) {
        fprintf(stderr, "\r%s ", what);
    } else {
        if (fraction > 1)
            fraction = 1;
        char bar[31];
        int done = (int)(fraction * 30);
        memset(bar, '#', (size_t)done);
        memset(bar + done, '.', (size_t)(30 - done));
        bar[30] = '\0';
        fprintf(stderr, "\r[%s] %3d%%  %s", bar, (int)(fraction * 100), what);
        if (fraction > 0) {
            /* The rest at the pace so far. */
            long left = (long)(s * (1 - fraction) / fraction + 0.5);
            if (left >= 3600)
                fprintf(stderr, "  %ld:%02ld:%02ld left", left / 3600, left / 60 % 60, left % 60);
            else
                fprintf(stderr, "  %ld:%02ld left", left / 60, left % 60);
        }
        fputc(' ', stderr);
    }
    p->drawn = 1;
}

void cli_progress_end(cli_progress *p)
{
    if (p->drawn)
        fputs("\r\033[K", stderr);
    p->drawn = 0;
}
