/*
 * Reading a whole file under a size limit, and replacing a file without ever truncating it:
 * every file the command writes goes through cli_out (see cli.h).
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_read_file(char **out, size_t *len, const char *path, size_t limit)
{
    const int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        cli_warn_file(MEDINS_ERR_IO, name, "cannot open %s: %s", name, strerror(errno));
        return EXIT_IO;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (;;) {
        if (n == cap) {
            /* One byte more than the limit tells a file at the limit from one beyond it. */
            size_t want = cap ? 2 * cap : 1u << 16;
            if (limit < SIZE_MAX && want > limit + 1)
                want = limit + 1;
            char *grown = want > cap ? realloc(buf, want + 1) : NULL;
            if (!grown) {
                cli_error(MEDINS_ERR_NOMEM, &(cli_where){.file = name}, "out of memory");
                rc = EXIT_INPUT;
                break;
            }
            buf = grown;
            cap = want;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            cli_warn_file(MEDINS_ERR_IO, name, "cannot read %s: %s", name, strerror(errno));
            rc = EXIT_IO;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > limit) {
            cli_error(MEDINS_ERR_LIMIT, &(cli_where){.file = name}, "larger than the limit of %zu bytes",
                      limit);
            rc = EXIT_INPUT;
            break;
        }
    }
    if (!is_stdin)
        close(fd);
    if (rc != 0) {
        free(buf);
        return rc;
    }
    if (!buf && !(buf = malloc(1))) {
        cli_error(MEDINS_ERR_NOMEM, &(cli_where){.file = name}, "out of memory");
        return EXIT_INPUT;
    }
    buf[n] = '\0';   /* for the reader's convenience only: the length is what counts */
    *out = buf;
    *len = n;
    return 0;
}

size_t cli_file_limit(void)
{
    medins_load_options opts;
    medins_load_options_init(&opts);
    return opts.max_file_size;
}

/* ---- Replacing a file ----------------------------------------------------------------- */

/* The mode a new file gets from open(..., 0666): what the umask leaves of 0666. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

int cli_out_open(cli_out *o, const char *path)
{
    struct stat st;
    memset(o, 0, sizeof *o);
    o->path = path;
    o->fd = -1;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device, a pipe or a terminal (-o /dev/stdout) cannot be replaced: write to it. */
        o->fd = open(path, O_WRONLY);
        if (o->fd < 0) {
            cli_warn_file(MEDINS_ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
            return EXIT_IO;
        }
        return 0;
    }
    /* A symbolic link stays one: the file it names is replaced. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        o->target = realpath(path, NULL);
    const char *target = o->target ? o->target : path;
    /* The temporary lies in the target's folder, so that rename() replaces it in one step. */
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
    size_t need = strlen(target) + sizeof "..XXXXXX";
    o->tmp = malloc(need);
    if (!o->tmp) {
        cli_warn(MEDINS_ERR_NOMEM, "out of memory");
        cli_out_abort(o);
        return EXIT_INPUT;
    }
    snprintf(o->tmp, need, "%.*s.%s.XXXXXX", (int)dir_len, target, target + dir_len);
    o->fd = mkstemp(o->tmp);
    if (o->fd < 0) {
        cli_warn_file(MEDINS_ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        cli_out_abort(o);
        return EXIT_IO;
    }
    /* mkstemp makes it 0600: give it the mode of the file it replaces, or a new file's. */
    if (fchmod(o->fd, stat(target, &st) == 0 ? st.st_mode & 07777 : new_file_mode()) != 0) {
        cli_warn_file(MEDINS_ERR_IO, path, "cannot write %s: %s", path, strerror(errno));
        cli_out_abort(o);
        return EXIT_IO;
    }
    return 0;
}

int cli_out_write(cli_out *o, const void *p, size_t n)
{
    const char *b = p;
    while (n > 0 && !o->failed) {
        ssize_t k = write(o->fd, b, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            o->failed = k < 0 ? errno : EIO;
            break;
        }
        b += k;
        n -= (size_t)k;
    }
    return o->failed ? -1 : 0;
}

void cli_out_abort(cli_out *o)
{
    if (o->fd >= 0)
        close(o->fd);
    o->fd = -1;
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->target);
    o->tmp = o->target = NULL;
}

int cli_out_commit(cli_out *o)
{
    int e = o->failed;
    if (!e && o->tmp && fsync(o->fd) != 0)
        e = errno;
    if (close(o->fd) != 0 && !e)
        e = errno;
    o->fd = -1;
    const char *target = o->target ? o->target : o->path;
    if (!e && o->tmp && rename(o->tmp, target) != 0)
        e = errno;
    if (e) {
        cli_warn_file(MEDINS_ERR_IO, o->path, "cannot write %s: %s", o->path, strerror(e));
        cli_out_abort(o);
        return EXIT_IO;
    }
    if (o->tmp) {
        /* The new name is durable once its folder is. The file is complete and in place by
         * now, so a failure here is not reported. */
        char *slash = strrchr(o->tmp, '/');
        if (slash)
            slash[1] = '\0';
        int dfd = open(slash ? o->tmp : ".", O_RDONLY | O_DIRECTORY);
        if (dfd >= 0) {
            (void)fsync(dfd);
            close(dfd);
        }
    }
    free(o->tmp);
    free(o->target);
    o->tmp = o->target = NULL;
    return 0;
}

int cli_write_file(const char *path, const void *p, size_t n)
{
    cli_out o;
    int rc = cli_out_open(&o, path);
    if (rc != 0)
        return rc;
    (void)cli_out_write(&o, p, n);   /* a failure is reported by the commit */
    return cli_out_commit(&o);
}
