# Shared by the install tests (sourced): a scratch folder removed on exit, counted checks, the
# javadoc check of a sources jar, and a copy of the source tree to build packages from.
#   . "$here/lib.sh"; scratch NAME; ...; finish NAME

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# scratch NAME: a new folder in $tmp, removed on exit.
scratch() {
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/medins-$1.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT INT TERM
}

# finish NAME: the closing line and the exit status.
finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$1: $failures failure(s)" >&2
        exit 1
    fi
    echo "$1: all checks passed"
}

# copy_tree SRC DEST: the files of the source tree as git sees them (tracked, and new ones not
# ignored), so that build folders and local clutter stay out; every file but build* without git.
copy_tree() {
    mkdir -p "$2"
    if git -C "$1" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$1" && git ls-files -z --cached --others --exclude-standard |
            xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\n" "$f"; done' sh |
            tar -cf - -T -) | tar -xf - -C "$2"
    else
        (cd "$1" && tar -cf - --exclude='./build*' .) | tar -xf - -C "$2"
    fi
}

# javadoc_check SOURCES_JAR WORKDIR: the API reference builds from the sources jar alone, with
# no doclint warning.
javadoc_check() {
    rm -rf "$2" && mkdir -p "$2/src" "$2/api"
    (cd "$2/src" && jar -xf "$1")
    if javadoc -quiet -Xdoclint:all -Werror -encoding UTF-8 -sourcepath "$2/src" -d "$2/api" \
            org.medins >"$2/javadoc.log" 2>&1; then
        ok "javadoc of $(basename "$1"): no warning"
    else
        sed 's/^/  /' "$2/javadoc.log" | head -40 >&2
        fail "javadoc of $(basename "$1")"
    fi
}
