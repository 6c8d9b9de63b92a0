# shellcheck shell=sh
# Shared by the install tests (sourced): a scratch folder removed on exit, counted checks (CC and
# MESON default to cc and meson), the javadoc check of a sources jar, and a copy of the source
# tree to build packages from.
#   . "$here/lib.sh"; scratch NAME; ...; finish NAME

CC=${CC:-cc}
MESON=${MESON:-meson}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# scratch NAME: a new folder in $tmp, removed on exit. Nothing from the environment may point at
# a build tree or an installation: what is tested must find its way alone.
scratch() {
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/medins-$1.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT INT TERM
    unset LD_LIBRARY_PATH PYTHONPATH CLASSPATH JAVA_TOOL_OPTIONS PKG_CONFIG_PATH || true
}

# run_and_find WHAT PATTERN OUT COMMAND...: the check WHAT passes when COMMAND succeeds with a
# line matching PATTERN (grep -E) in its output, which is kept in OUT and shown.
run_and_find() {
    what=$1 pattern=$2 out=$3
    shift 3
    if "$@" >"$out" 2>&1 && grep -Eq -- "$pattern" "$out"; then
        cat "$out"
        ok "$what"
    else
        cat "$out" >&2
        fail "$what"
    fi
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
        # A deleted file is listed until its deletion is committed.
        (cd "$1" && git ls-files --cached --others --exclude-standard |
            while IFS= read -r f; do [ ! -e "$f" ] || printf '%s\n' "$f"; done |
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
