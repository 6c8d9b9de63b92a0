# Shared by the install tests (sourced): a scratch folder removed on exit, counted checks, and
# the javadoc check of a sources jar.
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
