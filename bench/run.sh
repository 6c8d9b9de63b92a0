#!/usr/bin/env bash
# Run the benchmarks and print their figures (see bench/README.md for the targets).
#
#   bench/run.sh                 10^7 claims (needs ~3 GB of memory and a few minutes)
#   CLAIMS=1000000 bench/run.sh  a smaller run
#
# Builds an optimised tree in $BENCH_BUILD (default build-bench) with the Python binding when
# /usr/bin/python3 has numpy, then runs: the C benchmarks (bench/bench.c, with the malloc-counting
# shim preloaded), the Python ones (bench/py_bench.py: numpy batch, pandas reference, one claim
# per call; bench/population_bench.py: a population's contributions in one call against a loop,
# pickling a derived policy) and the CLI on a CSV of the same claims. Ratios are measured within
# this one run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD:-$root/build-bench}
claims=${CLAIMS:-10000000}
work=${BENCH_WORK:-$(mktemp -d)}
py=/usr/bin/python3
cd "$root"
mkdir -p "$work"

python=false
if $py -c 'import numpy, pandas' 2>/dev/null && command -v swig >/dev/null; then python=true; fi
if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release -Db_ndebug=true -Dbench=true -Dtests=false \
        -Djava=false -Dpython=$python >/dev/null
fi
ninja -C "$build" -j2 >/dev/null

echo "date: $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "claims: $claims"
echo "--- C"
MEDINS_POLICIES="$root/policies" LD_PRELOAD="$build/bench/malloc_count.so" \
    "$build/bench/medins-bench" --claims "$claims" --dump "$work"

echo "--- Python"
pypath=$(find "$build/bindings/python" -name '__init__.py' -path '*medins/__init__.py' -printf '%h\n' 2>/dev/null | head -1 || true)
PYTHONPATH=${pypath:+$(dirname "$pypath")} $py "$root/bench/py_bench.py" "$work"

echo "--- Python populations and pickling"
PYTHONPATH=${pypath:+$(dirname "$pypath")} $py "$root/bench/population_bench.py"

echo "--- CLI"
if [ -x "$build/cli/medins" ]; then
    start=$(date +%s.%N)
    "$build/cli/medins" batch --quiet --keep-going -o "$work/results.csv" "$work/claims.csv" || [ $? -eq 4 ]
    end=$(date +%s.%N)
    echo "cli_csv_bytes: $(stat -c %s "$work/claims.csv")"
    echo "cli_seconds: $(echo "$end - $start" | bc -l | sed 's/^\./0./')"
    echo "cli_result_rows: $(($(wc -l < "$work/results.csv") - 1))"
else
    echo "cli: not built"
fi

echo "--- Java"
if command -v javac >/dev/null && command -v swig >/dev/null; then
    JAVA_ONLY=1 "$root/bench/java/run.sh"
else
    echo "java: no JDK or swig"
fi
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
