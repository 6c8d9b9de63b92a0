"""What every group of the command's tests shares: running medins, checking, counting.

Imported by run.py and bad_input.py; the command's path and the group come from the command
line (run.py MEDINS GROUP), and the tests run from the source root.
"""
import os
import re
import resource
import subprocess
import sys

MEDINS = os.path.abspath(sys.argv[1])
GROUP = sys.argv[2]
ROOT = os.environ.get("MEDINS_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
os.chdir(ROOT)
TESTLAND = "tests/cli/policies/testland.yaml"
HEADER = ("claim_id,person_id,date,status,fund,supplementary,major_disease,assistance,patient,"
          "deductible,coinsurance,over_cap,account,account_first,error")

counts = {"passed": 0, "failed": 0}


def run(*args, stdin=None, fsize=None, env=None):
    """Run medins; stdin may be text or bytes. fsize: the file-size limit (ulimit -f) in bytes.
    The locale is C, so that explanations are in English, unless `env` sets other variables."""
    env = {**{k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")},
           "NO_COLOR": "1", "LANG": "C", **(env or {})}
    data = stdin.encode() if isinstance(stdin, str) else stdin

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    p = subprocess.run([MEDINS, *args], input=data, capture_output=True, env=env, timeout=120,
                       preexec_fn=limit if fsize is not None else None)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def check(name, cond, detail=""):
    if cond:
        counts["passed"] += 1
    else:
        counts["failed"] += 1
        print(f"FAIL {GROUP}/{name}: {detail}")


def expect(name, args, rc, out_has=(), err_has=(), stdin=None, out_lacks=(), fsize=None, env=None):
    """Run, check the exit status and that each text (or regex r'...') appears."""
    code, out, err = run(*args, stdin=stdin, fsize=fsize, env=env)
    check(name + " exit status", code == rc, f"expected {rc}, got {code}\nstdout:\n{out}\nstderr:\n{err}")
    for t in out_has:
        check(name + " stdout", re.search(t, out, re.M) is not None, f"no match for {t!r} in:\n{out}")
    for t in out_lacks:
        check(name + " stdout lacks", re.search(t, out, re.M) is None, f"unexpected {t!r} in:\n{out}")
    for t in err_has:
        check(name + " stderr", re.search(t, err, re.M) is not None, f"no match for {t!r} in:\n{err}")
    return out, err


def figure(label, amount):
    """A summary row of `settle`: the label, spaces, the amount at the end of the line."""
    return r"^  " + re.escape(label) + r" +" + re.escape(amount) + r"$"
