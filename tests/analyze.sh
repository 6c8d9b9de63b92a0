#!/usr/bin/env bash
# Run clang's static analyzer (scan-build) over the library, the `medins` command, the build's
# own tools and the Python and Java bindings (SWIG's wrappers with the interface's own C), in a
# build of its own ($ANALYZE_BUILD, default build-analyze). Prints each
# finding (file:line:column, message, checker) and "analyze: ..." last; exits non-zero when the
# analyzer finds anything. The reports (HTML) stay in $ANALYZE_BUILD/reports.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ANALYZE_BUILD:-$root/build-analyze}
sb=$(command -v scan-build || command -v scan-build-14 || true)
if [ -z "$sb" ]; then
    echo "analyze: FAILED (scan-build is not installed: Debian's clang-tools-14)"
    exit 1
fi
rm -rf "$build"
# scan-build puts its compiler wrapper in CC for the setup, and collects reports in the build.
if ! setup=$("$sb" meson setup "$build" -Dtests=false -Dbench=false 2>&1); then
    echo "$setup"
    echo "analyze: FAILED (meson setup)"
    exit 1
fi
out=$("$sb" --status-bugs -o "$build/reports" ninja -C "$build" 2>&1)
rc=$?
grep -E ": warning: .*\[[a-zA-Z]+\.[a-zA-Z.]+\]$" <<<"$out"
if [ $rc -eq 0 ]; then
    echo "analyze: scan-build found nothing"
else
    grep -E "bugs? found|error:" <<<"$out" | tail -5
    echo "analyze: FAILED"
fi
exit $rc
