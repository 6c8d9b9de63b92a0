#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan) and run them.
#
#   tests/fuzz/run.sh --ci            build, then run every target for 15 s (60 s in all)
#   tests/fuzz/run.sh --time N        build, then run every target for N seconds
#   tests/fuzz/run.sh --build         build only
#   tests/fuzz/run.sh TARGET [ARGS]   build, then run one target with libFuzzer arguments
#   tests/fuzz/run.sh --dry-run ...   print the build and run commands of any of the above
#                                     instead of running them (tests/fuzz/check_run.sh)
#
# The library is built by meson in its own directory ($FUZZ_BUILD, default build-fuzz) with
# clang, the sanitizers and coverage instrumentation (-fsanitize=fuzzer-no-link), so the meson
# option plumbing is not needed; the targets are then linked against its static objects.
# New inputs go to tests/fuzz/corpus-run/TARGET (not committed); the committed seeds in
# tests/fuzz/corpus/TARGET, the shipped policies and the invalid-policy fixtures are read as
# further seeds. A crash, leak, UB report or timeout makes the script fail. Each target says
# which it is when it starts ("fuzz target: NAME"); a run whose log does not name the target
# asked for fails too, and each run prints its target and how many inputs it executed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
targets=(policy ledger settle csv)
cd "$root"
dry=false
if [ "${1:-}" = --dry-run ]; then dry=true; shift; fi

# run COMMAND...: run it, or with --dry-run print it
run() {
    if $dry; then echo "$*"; else "$@"; fi
}

# quiet LOG COMMAND...: run it with its output in LOG, shown when it fails (--dry-run: print it)
quiet() {
    local log=$1
    shift
    if $dry; then echo "$*"; return 0; fi
    "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
}

if ! $dry && ! command -v clang >/dev/null; then
    echo "fuzz: clang is not installed" >&2
    exit 1
fi

build_all() {
    local log target
    if $dry || [ ! -f "$build/build.ninja" ]; then
        $dry || log=$(mktemp)
        quiet "${log:-}" env CC=clang meson setup "$build" -Dtests=false -Dpython=false -Djava=false \
            -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false \
            -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all"
        $dry || rm -f "$log"
    fi
    quiet "$build/ninja.log" ninja -C "$build" -j2 libmedins/libmedins_internal.a
    local flags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
                 -I"$root/include" -I"$build/include")
    # `target`, not `t`: the callers' `t` is the target they were asked for.
    for target in policy ledger settle; do
        run clang "${flags[@]}" "$here/fuzz_$target.c" "$build/libmedins/libmedins_internal.a" \
            -lyaml -lpthread -o "$build/fuzz_$target"
    done
    run clang "${flags[@]}" -I"$root/cli" "$here/fuzz_csv.c" "$root/cli/csv.c" -o "$build/fuzz_csv"
}

# run_one TARGET SECONDS [libFuzzer args]: prints the target and its executions
run_one() {
    local t=$1 secs=$2
    shift 2
    local out=$here/corpus-run/$t
    $dry || mkdir -p "$out"
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
    local cmd=("$build/fuzz_$t" "$out" "${seeds[@]}" "${dict[@]}" "${extra[@]}"
               -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
               -artifact_prefix="$build/crash-$t-" "$@")
    if $dry; then
        echo "${cmd[*]}"
        return 0
    fi
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "${cmd[@]}" 2>"$build/fuzz_$t.log" || {
            echo "fuzz_$t FAILED: see $build/fuzz_$t.log and $build/crash-$t-*" >&2
            tail -40 "$build/fuzz_$t.log" >&2
            return 1
        }
    local ran execs took
    ran=$(sed -n 's/^fuzz target: //p' "$build/fuzz_$t.log" | head -1)
    if [ "$ran" != "$t" ]; then
        echo "fuzz_$t FAILED: asked for target $t, the binary is target ${ran:-(unnamed)}" >&2
        return 1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz_$t.log")
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$build/fuzz_$t.log")
    echo "fuzz_$t: target $t ran ${execs:-?} executions in ${took:-$secs} s, no crash, leak or UB"
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
    *) echo "usage: $0 [--dry-run] --ci | --time SECONDS | --build | policy|ledger|settle|csv [libFuzzer args]" >&2
       exit 2 ;;
esac
