#!/bin/sh
# Runs his_refund as a hospital system would: settle in one process, refund in another, and
# checks that the receipts are printed and the refund restored the ledger of the year so far.
# (No `trap`: the shell's own memory stays clean under the test setup's valgrind.)
prog=$1
dir=$(mktemp -d) || exit 1

rounds() {
    set -e
    "$prog" settle "$dir" > "$dir/settle.out"
    cat "$dir/settle.out"
    grep -q '^预结算（不记账）' "$dir/settle.out"
    grep -q '统筹基金' "$dir/settle.out"
    grep -q '^medins-record 1$' "$dir/record.txt"
    "$prog" refund "$dir" > "$dir/refund.out"
    cat "$dir/refund.out"
    grep -q '^退费（单据号20230601001）' "$dir/refund.out"
    # The year so far counted one settlement: the refund leaves that one.
    grep -q '^seq=1$' "$dir/ledger.txt"
    grep -q '^last_date=20230302$' "$dir/ledger.txt"
    # Refunded once only.
    if "$prog" refund "$dir" 2> "$dir/again.err"; then
        echo "a second refund was not refused" >&2
        return 1
    fi
    grep -q 'already reversed' "$dir/again.err"
}

( rounds )
rc=$?
rm -rf "$dir"
exit $rc
