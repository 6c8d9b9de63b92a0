#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan) and run them.
#
#   tests/fuzz/run.sh --ci            build, then run every target for 15 s (60 s in all)
#   tests/fuzz/run.sh --time N        build, then run every target for N seconds
#   tests/fuzz/run.sh --build         build only
#   tests/fuzz/run.sh TARGET [ARGS]   build, then run one target with libFuzzer arguments
#
# The library is built by meson in its own directory ($FUZZ_BUILD, default build-fuzz) with
# clang, the sanitizers and coverage instrumentation (-fsanitize=fuzzer-no-link), so the meson
# option plumbing is not needed; the targets are then linked against its static objects.
# New inputs go to tests/fuzz/corpus-run/TARGET (not committed); the committed seeds in
# tests/fuzz/corpus/TARGET, the shipped policies and the invalid-policy fixtures are read as
# further seeds. A crash, leak, UB report or timeout makes the script fail.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
targets=(policy ledger settle csv)
cd "$root"

if ! command -v clang >/dev/null; then
    echo "fuzz: clang is not installed" >&2
    exit 1
fi

build_all() {
    local log
    log=$(mktemp)
    if [ ! -f "$build/build.ninja" ]; then
        CC=clang meson setup "$build" -Dtests=false -Dpython=false -Djava=false \
            -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false \
            -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all" >"$log" 2>&1 ||
            { cat "$log" >&2; rm -f "$log"; exit 1; }
        rm -f "$log"
    fi
    ninja -C "$build" -j2 libmedins/libmedins_internal.a >"$build/ninja.log" 2>&1 ||
        { cat "$build/ninja.log" >&2; exit 1; }
    local flags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
                 -I"$root/include" -I"$build/include" -I"$root/libmedins")
    for t in policy ledger settle; do
        clang "${flags[@]}" "$here/fuzz_$t.c" "$build/libmedins/libmedins_internal.a" \
            -lyaml -lpthread -o "$build/fuzz_$t"
    done
    clang "${flags[@]}" -I"$root/cli" "$here/fuzz_csv.c" "$root/cli/csv.c" -o "$build/fuzz_csv"
}

# run TARGET SECONDS [libFuzzer args]: prints libFuzzer's final stats
run_one() {
    local t=$1 secs=$2
    shift 2
    local out=$here/corpus-run/$t
    mkdir -p "$out"
    local seeds=("$here/corpus/$t")
    case $t in
        policy)
            seeds+=("$root/policies/tianjin")
            [ -d "$root/tests/invalid" ] && seeds+=("$root/tests/invalid")
            ;;
    esac
    local dict=()
    [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
    local extra=()
    [ "$t" = csv ] && extra=(-max_len=65536)
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$build/fuzz_$t" "$out" "${seeds[@]}" "${dict[@]}" "${extra[@]}" \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/crash-$t-" "$@" 2>"$build/fuzz_$t.log" || {
            echo "fuzz_$t FAILED: see $build/fuzz_$t.log and $build/crash-$t-*" >&2
            tail -40 "$build/fuzz_$t.log" >&2
            return 1
        }
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz_$t.log")
    echo "fuzz_$t: ${execs:-?} executions in ${secs} s, no crash, leak or UB"
}

case ${1:-} in
    --build) build_all ;;
    --ci) build_all; status=0
          for t in "${targets[@]}"; do run_one "$t" 15 || status=1; done
          exit $status ;;
    --time) build_all; status=0
            for t in "${targets[@]}"; do run_one "$t" "${2:?seconds}" || status=1; done
            exit $status ;;
    policy|ledger|settle|csv) t=$1; shift; build_all; run_one "$t" "${FUZZ_SECONDS:-60}" "$@" ;;
    *) echo "usage: $0 --ci | --time SECONDS | --build | policy|ledger|settle|csv [libFuzzer args]" >&2
       exit 2 ;;
esac
