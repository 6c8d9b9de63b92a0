#!/usr/bin/env bash
# Build and run every test suite (C, Python, Java, CLI), then print each runner's own summary
# lines and one closing line "N passed, N failed" counted from meson's test log.
# Usage: tests/run-all.sh [BUILD_DIR]   (default: build)
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
cd "$here"

if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" >/dev/null || { echo "meson setup failed"; echo "0 passed, 1 failed"; exit 1; }
fi
ninja -C "$build" || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

meson test -C "$build" --print-errorlogs --num-processes 2
status=$?

log="$build/meson-logs/testlog.json"
/usr/bin/python3 - "$log" <<'PY'
import json, re, sys
summary = re.compile(r"^\s*(\d+%: Checks: \d+, Failures: \d+, Errors: \d+"
                     r"|=+ .*\b(passed|failed|error)\b.* =+"
                     r"|OK \(\d+ tests?\)|Tests run: \d+,\s+Failures: \d+)\s*$")
passed = failed = 0
print("\nRunner summaries:")
with open(sys.argv[1]) as f:
    for line in f:
        t = json.loads(line)
        ok = t["result"] in ("OK", "EXPECTEDFAIL", "SKIP")
        passed += ok
        failed += not ok
        for out in (t.get("stdout") or "").splitlines() + (t.get("stderr") or "").splitlines():
            if summary.match(out):
                print(f"  {t['name']}: {out.strip()}")
print(f"{passed} passed, {failed} failed")
PY
py=$?
[ $status -eq 0 ] && [ $py -eq 0 ]
