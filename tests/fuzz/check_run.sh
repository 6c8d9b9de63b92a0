#!/usr/bin/env bash
# tests/fuzz/run.sh runs the targets it is asked for. Its --dry-run prints the commands it would
# run (no clang needed): each build line must compile fuzz_T.c into fuzz_T, and the run lines
# must start the binaries of the targets named, in order. (It once built the targets in a loop
# whose variable was its caller's, and ran fuzz_settle whatever target it was given.)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
status=0

fail() {
    echo "FAIL: $*"
    status=1
}

# check "TARGETS" ARGS...: run.sh --dry-run ARGS must run exactly TARGETS
check() {
    local want=$1 out built ran
    shift
    if ! out=$("$here/run.sh" --dry-run "$@"); then
        fail "run.sh --dry-run $* exited non-zero"
        return
    fi
    # build lines: "clang ... .../fuzz_T.c ... -o .../fuzz_U" with T = U
    built=$(sed -n 's|^clang .*/fuzz_\([a-z]*\)\.c .* -o [^ ]*/fuzz_\([a-z]*\)$|\1 \2|p' <<<"$out")
    [ "$(wc -l <<<"$built")" = 4 ] || fail "run.sh $*: $(wc -l <<<"$built") build lines, expected 4"
    while read -r src bin; do
        [ "$src" = "$bin" ] || fail "run.sh $*: fuzz_$src.c is built into fuzz_$bin"
    done <<<"$built"
    ran=$(sed -n 's|^[^ ]*/fuzz_\([a-z]*\) .*-max_total_time=.*|\1|p' <<<"$out" | tr '\n' ' ')
    if [ "$ran" = "$want " ]; then
        echo "ok: run.sh $* runs $want"
    else
        fail "run.sh $* runs '${ran% }', expected '$want'"
    fi
}

for t in policy ledger settle csv; do
    check "$t" "$t" -runs=1
done
check "policy ledger settle csv" --ci
check "policy ledger settle csv" --time 5
exit $status
