#!/bin/sh
# The ABI baseline of libmedins.so: abi/libmedins.so.0.abi is abidw's description of the
# library's exported functions and of the public types they use, filtered to the public headers.
# The test `abi` (tests/meson.build) compares a build's library with it and fails on any change
# (an exported function added, removed or changed, a struct's layout, an enum's values), so that
# a change of the ABI is always made on purpose, with the baseline updated in the same commit.
#
#   abi/abi.sh update [BUILD]      write the baseline from BUILD (default: build)
#   abi/abi.sh check LIB BUILD     compare LIB (BUILD's libmedins.so) with the baseline
#
# Both describe the library the same way: abidw reads the DWARF of the public headers' types
# only (--headers-dir: include/medins and BUILD's generated version.h), with no file paths, no
# line numbers, no parameter names and no architecture, so that the description does not
# depend on where or how the library was built, only on what it exports. A library without
# debug information (buildtype release or minsize) cannot be compared: the check is skipped
# (exit 77) and says so; the default buildtype (debugoptimized) and debug have it.
#
# After an intended change: build, run `abi/abi.sh update build`, look at the difference it
# prints, and commit abi/libmedins.so.0.abi with the change. An incompatible change (a field
# removed or moved, a function's signature changed, an enum value renumbered) also needs the
# soname bumped (meson.build, medins_soversion) and the baseline renamed after it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
baseline="$here/libmedins.so.0.abi"

die() { echo "abi: $*" >&2; exit 1; }

need_tools() {
    command -v abidw >/dev/null && command -v abidiff >/dev/null ||
        die "abidw and abidiff are not installed: apt-get install abigail-tools"
}

# dump LIB BUILD OUT: the library's ABI as XML.
dump() {
    if ! readelf -S "$1" 2>/dev/null | grep -q '\.debug_info'; then
        echo "abi: $1 has no debug information (built without -g, as buildtype release is):" \
             "the ABI cannot be compared; build with buildtype debugoptimized or debug" >&2
        return 77
    fi
    abidw --headers-dir "$src/include/medins" --headers-dir "$2/include/medins" \
          --drop-private-types --no-show-locs --no-corpus-path --no-comp-dir-path \
          --no-parameter-names --no-architecture --type-id-style hash \
          --out-file "$3" "$1"
}

case "${1:-}" in
update)
    need_tools
    build=${2:-build}
    lib="$build/libmedins/libmedins.so.0"
    [ -e "$lib" ] || die "$lib not found: build first (ninja -C $build)"
    tmp=$(mktemp)
    trap 'rm -f "$tmp"' EXIT
    rc=0
    dump "$lib" "$build" "$tmp" || rc=$?
    [ "$rc" -eq 0 ] || exit "$rc"
    if [ -e "$baseline" ]; then
        abidiff --no-show-locs "$baseline" "$tmp" || true
    fi
    cp "$tmp" "$baseline"
    echo "abi: wrote $baseline; commit it with the change"
    ;;
check)
    [ $# -eq 3 ] || die "usage: abi/abi.sh check LIB BUILD"
    need_tools
    [ -e "$baseline" ] || die "no baseline $baseline: run abi/abi.sh update"
    tmp=$(mktemp)
    trap 'rm -f "$tmp"' EXIT
    rc=0
    dump "$2" "$3" "$tmp" || rc=$?
    [ "$rc" -eq 0 ] || exit "$rc"
    if ! abidiff --no-show-locs "$baseline" "$tmp"; then
        echo "abi: the library's ABI is not the baseline's (above). If the change is meant," \
             "run abi/abi.sh update $3 and commit abi/libmedins.so.0.abi with it" \
             "(an incompatible change also bumps the soname)." >&2
        exit 1
    fi
    echo "abi: $(grep -c "<elf-symbol name=" "$baseline") exported functions and their types" \
         "as in the baseline"
    echo "abi: all checks passed"
    ;;
*)
    die "usage: abi/abi.sh update [BUILD] | abi/abi.sh check LIB BUILD"
    ;;
esac
