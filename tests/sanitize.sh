#!/usr/bin/env bash
# Run the C test suites under a dynamic checker, in a build directory of its own.
#
#   tests/sanitize.sh asan      AddressSanitizer + UndefinedBehaviorSanitizer (leaks included)
#   tests/sanitize.sh valgrind  memcheck, full leak check
#   tests/sanitize.sh tsan      ThreadSanitizer on the threads suites (threads, batch_threads)
#   tests/sanitize.sh all       the three in turn
#
# Options (environment): CC (default gcc for asan/valgrind, clang for tsan), BUILD_PREFIX
# (default build-san: directories build-san-asan, build-san-valgrind, build-san-tsan),
# MESON_TEST_ARGS (extra arguments for meson test).
#
# The environment and wrappers of each checker are the test setups 'asan' and 'valgrind' at the
# end of tests/meson.build: Check's fork per test is off (CK_FORK=no) so that leak checkers see
# the tests' own memory, and the large suites (invariants, threads) read MEDINS_TEST_QUICK=1 and
# use fewer claims under valgrind, which runs code ~50x slower.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
prefix=${BUILD_PREFIX:-build-san}
mode=${1:-}

setup() {  # setup DIR CC MESON-ARGS...
    local dir=$1 cc=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        CC=$cc meson setup "$dir" -Dpython=false -Djava=false -Dtests=true "$@" >/dev/null
    fi
    ninja -C "$dir" -j2 >/dev/null
}

run_asan() {
    local dir=$prefix-asan
    setup "$dir" "${CC:-gcc}" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dbuildtype=debugoptimized -Dc_args=-fno-sanitize-recover=all
    meson test -C "$dir" --setup asan --suite c --print-errorlogs --num-processes 2 ${MESON_TEST_ARGS:-}
}

run_valgrind() {
    local dir=$prefix-valgrind
    setup "$dir" "${CC:-gcc}" -Dbuildtype=debug
    meson test -C "$dir" --setup valgrind --suite c --print-errorlogs --num-processes 2 ${MESON_TEST_ARGS:-}
}

run_tsan() {
    local dir=$prefix-tsan
    setup "$dir" "${CC:-clang}" -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debugoptimized
    # Some kernels randomise mmap more than TSan's fixed shadow layout allows; setarch -R
    # turns address randomisation off for the test process only.
    local wrap=
    if command -v setarch >/dev/null && setarch "$(uname -m)" -R true 2>/dev/null; then
        wrap="setarch $(uname -m) -R"
    fi
    CK_FORK=no TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        meson test -C "$dir" --suite c --print-errorlogs --num-processes 1 \
        ${wrap:+--wrap="$wrap"} ${MESON_TEST_ARGS:-threads batch_threads}
}

case $mode in
    asan) run_asan ;;
    valgrind) run_valgrind ;;
    tsan) run_tsan ;;
    all) run_asan && run_valgrind && run_tsan ;;
    *) echo "usage: $0 asan|valgrind|tsan|all" >&2; exit 2 ;;
esac
