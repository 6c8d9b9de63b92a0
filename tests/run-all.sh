#!/usr/bin/env bash
# Build and run every test suite, then print each runner's own summary lines and one closing line
# "N passed, N failed" counted from meson's test logs.
#
#   tests/run-all.sh [--quick] [BUILD_DIR]      (BUILD_DIR default: build)
#
# Always: the C (Check), Python (pytest), Java (JUnit), command-line, install and benchmark-smoke
# suites in BUILD_DIR. Without --quick, also the installations (suite `packages`: a `meson
# install` into a prefix, the Python wheel in a virtual environment, and, as root, the Debian
# packages built, installed and purged) and the dynamic checkers, each in a build of its own
# (tests/sanitize.sh, tests/fuzz/run.sh): the C suites under ASan+UBSan and under valgrind, the
# threads suite under ThreadSanitizer, 60 s of fuzzing, and clang's static analyzer over the
# library, the command and the bindings (tests/analyze.sh). That is what CI runs.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
quick=false
if [ "${1:-}" = --quick ]; then quick=true; shift; fi
build=${1:-build}
cd "$here"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0

step() {  # step NAME COMMAND...: run, remember the exit status under NAME
    local name=$1
    shift
    echo "==== $name"
    "$@"
    echo $? > "$logs/$name.rc"
}

if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" >/dev/null || { echo "meson setup failed"; echo "0 passed, 1 failed"; exit 1; }
fi
ninja -C "$build" || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

step tests meson test -C "$build" --print-errorlogs --num-processes 2
testlogs=("$build/meson-logs/testlog.json")
if ! $quick; then
    step packages meson test -C "$build" --setup packages --suite packages --print-errorlogs \
        --num-processes 2
    testlogs+=("$build/meson-logs/testlog-packages.json")
    step asan tests/sanitize.sh asan
    step valgrind tests/sanitize.sh valgrind
    step tsan tests/sanitize.sh tsan
    step fuzz bash -c 'tests/fuzz/run.sh --ci 2>&1 | tee "$0"' "$logs/fuzz.out"
    step analyze bash -c 'tests/analyze.sh 2>&1 | tee "$0"' "$logs/analyze.out"
    # meson names a log after the setup or wrapper used (testlog-asan.json, testlog-setarch.json)
    testlogs+=(build-san-asan build-san-valgrind build-san-tsan)
fi
for rc in "$logs"/*.rc; do
    [ "$(cat "$rc")" = 0 ] || status=1
done

/usr/bin/python3 - "$logs" "${testlogs[@]}" <<'PY'
import glob, json, os, re, sys
logs, testlogs = sys.argv[1], sys.argv[2:]
summary = re.compile(r"^\s*(\d+%: Checks: \d+, Failures: \d+, Errors: \d+"
                     r"|=+ .*\b(passed|failed|error)\b.* =+"
                     r"|OK \(\d+ tests?\)|Tests run: \d+,\s+Failures: \d+"
                     r"|[\w-]+: (all checks passed|\d+ failure\(s\))|skipped: .*)\s*$")
passed = failed = 0
print("\nRunner summaries:")
for path in testlogs:
    if os.path.isdir(path):   # a checker's build: its newest test log
        where = os.path.basename(path)
        found = glob.glob(os.path.join(path, "meson-logs", "testlog*.json"))
        path = max(found, key=os.path.getmtime) if found else ""
    else:
        where = os.path.basename(os.path.dirname(os.path.dirname(path)))
    if not os.path.exists(path):
        print(f"  {where}: no test log (its build failed)")
        failed += 1
        continue
    with open(path) as f:
        for line in f:
            t = json.loads(line)
            ok = t["result"] in ("OK", "EXPECTEDFAIL", "SKIP")
            passed += ok
            failed += not ok
            out = (t.get("stdout") or "").splitlines() + (t.get("stderr") or "").splitlines()
            for text in out:
                if summary.match(text):
                    print(f"  {where} {t['name']}: {text.strip()}")
fuzz = os.path.join(logs, "fuzz.out")
if os.path.exists(fuzz):
    text = open(fuzz).read()
    ok = re.findall(r"^(fuzz_\w+: .*no crash.*)$", text, re.M)
    bad = re.findall(r"^(fuzz_\w+) FAILED", text, re.M)
    for line in ok:
        print(f"  fuzz: {line}")
    passed += len(ok)
    failed += len(bad) or (0 if ok else 1)
analyze = os.path.join(logs, "analyze.out")
if os.path.exists(analyze):
    last = (open(analyze).read().strip().splitlines() or [""])[-1]
    print(f"  {last}")
    ok = last == "analyze: scan-build found nothing"
    passed += ok
    failed += not ok
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
counted=$?
[ $status -eq 0 ] && [ $counted -eq 0 ]
