/*
 * Build-time generator: writes a C file holding every shipped policy as a byte array with its
 * id, so that the library needs no files on disk to use them.
 *
 * usage: embed OUTPUT.c REGION ID FILE [ID FILE ...]   (ids like "tianjin/2023")
 *
 * REGION is the default region (medins_default_region): the region of the policies a caller
 * gets when naming none. It must be the region of an embedded policy (its id's first part).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *id;
    const char *path;
} entry;

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->id, ((const entry *)b)->id);
}

/* Ids and file names go into string literals: refuse anything that would need escaping. */
static int plain(const char *s)
{
    for (; *s; s++)
        if (*s == '"' || *s == '\\' || (unsigned char)*s < 0x20)
            return 0;
    return 1;
}

static long emit_bytes(FILE *out, const char *path, size_t index)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "embed: cannot open %s\n", path);
        return -1;
    }
    fprintf(out, "static const unsigned char policy_%zu[] = {", index);
    long n = 0;
    int c;
    while ((c = fgetc(in)) != EOF) {
        fprintf(out, "%s0x%02x,", n % 16 ? " " : "\n    ", (unsigned)c);
        n++;
    }
    /* A NUL after the text, not counted in the length, keeps the bytes usable as a string. */
    fprintf(out, "%s0x00\n};\n\n", n % 16 ? " " : "\n    ");
    int bad = ferror(in);
    fclose(in);
    if (bad) {
        fprintf(stderr, "embed: cannot read %s\n", path);
        return -1;
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3 || (argc - 3) % 2 != 0) {
        fprintf(stderr, "usage: %s OUTPUT.c REGION [ID FILE]...\n", argv[0]);
        return 2;
    }
    const char *region = argv[2];
    const size_t rlen = strlen(region);
    size_t n = (size_t)(argc - 3) / 2, of_region = 0;
    entry *e = calloc(n + 1, sizeof *e);
    long *len = calloc(n + 1, sizeof *len);
    int status = 1;
    if (!e || !len)
        goto done;
    for (size_t i = 0; i < n; i++) {
        e[i].id = argv[3 + 2 * i];
        e[i].path = argv[4 + 2 * i];
        if (!plain(e[i].id)) {
            fprintf(stderr, "embed: unusable policy id %s\n", e[i].id);
            goto done;
        }
        of_region += strncmp(e[i].id, region, rlen) == 0 && e[i].id[rlen] == '/';
    }
    if (!plain(region) || of_region == 0) {
        fprintf(stderr, "embed: the default region %s is the region of no embedded policy\n",
                region);
        goto done;
    }
    qsort(e, n, sizeof *e, entry_cmp);
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "embed: cannot write %s\n", argv[1]);
        goto done;
    }
    fprintf(out, "/* Generated at build time by policies/embed.c from the .yaml files under policies/. */\n"
                 "#include \"policy.h\"\n\n");
    status = 0;
    for (size_t i = 0; i < n && status == 0; i++)
        if ((len[i] = emit_bytes(out, e[i].path, i)) < 0)
            status = 1;
    fprintf(out, "const mdn_embedded_policy mdn_embedded_policies[] = {\n");
    for (size_t i = 0; i < n && status == 0; i++)
        fprintf(out, "    { \"%s\", \"policies/%s.yaml\", policy_%zu, %ld },\n", e[i].id, e[i].id, i, len[i]);
    fprintf(out, "    { NULL, NULL, NULL, 0 },\n};\n\nconst size_t mdn_embedded_policy_count = %zu;\n", n);
    fprintf(out, "\nconst char mdn_embedded_default_region[] = \"%s\";\n", region);
    if (fclose(out) != 0)
        status = 1;
    if (status)
        remove(argv[1]);
done:
    free(e);
    free(len);
    return status;
}
