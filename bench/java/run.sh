#!/usr/bin/env bash
# One claim per call from Java (bench/java/SettleBench.java), with the C figure alongside.
#
#   bench/java/run.sh [CALLS]      default 10^6 calls a round, 5 timed rounds per path
#
# Builds an optimised tree with the Java binding in $BENCH_JAVA_BUILD (default build-bench-java),
# compiles the benchmark against its medins.jar and runs it; then the C single-claim figures of
# bench/bench.c (its "single" benchmark, which runs after a batch of $C_CLAIMS claims) and
# medins_batch_settle called from C on the Java batch's own claims (batch_same.c).
# JAVA_ONLY=1 prints the Java figures only (how bench/run.sh calls it).
# BATCH_ONLY=1 times the batch only: Java, then C on the same claims (CALLS claims each).
# JAVA_OPTS adds options to the JVM (for example "-XX:+AlwaysPreTouch -Xms1g -Xmx1g").
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BENCH_JAVA_BUILD:-$root/build-bench-java}
calls=${1:-1000000}
c_claims=${C_CLAIMS:-1000000}
cd "$root"

if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release -Db_ndebug=true -Dbench=true -Dtests=false \
        -Djava=true -Dpython=false >/dev/null
fi
ninja -C "$build" -j2 >/dev/null

jar=$build/bindings/java/medins.jar
jni=$build/bindings/java
classes=$build/bench/java-classes
rm -rf "$classes"
mkdir -p "$classes"
javac --release 17 -encoding UTF-8 -Xlint:all -Werror -cp "$jar" -d "$classes" \
    "$root/bench/java/SettleBench.java"
batch_same=$build/bench/java-batch-same
${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -I"$root/include" -I"$build/include" \
    "$root/bench/java/batch_same.c" -o "$batch_same" -L"$build/libmedins" -lmedins \
    -Wl,-rpath,"$build/libmedins"
run_java() {
    LD_LIBRARY_PATH="$build/libmedins${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
        java ${JAVA_OPTS:-} -Djava.library.path="$jni" -cp "$jar:$classes" SettleBench "$@"
}

if [ -n "${BATCH_ONLY:-}" ]; then
    run_java "$calls" batch
    "$batch_same" $(( (calls + 99999) / 100000 ))
    exit 0
fi

if [ -z "${JAVA_ONLY:-}" ]; then
    echo "date: $(date -u +%Y-%m-%d)"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "--- Java"
fi
run_java "$calls"
[ -z "${JAVA_ONLY:-}" ] || exit 0
echo "--- C (bench/bench.c)"
MEDINS_POLICIES="$root/policies" "$build/bench/medins-bench" --claims "$c_claims" --repeat 1 \
    | grep '^single_claim_'
echo "--- C batch on the Java batch's claims (bench/java/batch_same.c)"
"$batch_same" $(( (calls + 99999) / 100000 ))
