"""Bad input at the command's edges: each class is refused with its status, message and
position, or read correctly, and a failed command leaves every file it would write as it was.

The groups here back the rows of tests/BAD-INPUT.md ("Claim documents", "Batch CSV",
"Enrolments CSV", "Ledger text and ledger files"). Figures are on
tests/cli/policies/testland.yaml (outpatient: deductible 500 a year, then 50%, maximum 3000),
worked by hand in the comments.
"""
import csv
import datetime
import io
import json
import os
import random
import re
import stat
import tempfile

from harness import HEADER, TESTLAND, check, expect, run

SYNTAX = r" \[MEDINS_ERR_SYNTAX\]$"
STDIN = ["settle", "--policy", TESTLAND, "-i", "-"]
# Outpatient 800 at level 1, first of the year: deductible 500, 300 x 50% -> fund 150,
# patient 650.
GOOD_JSON = '{"claim": {"kind": "outpatient", "level": "l1", "total": "800", "date": "2023-03-01"}}'
GOOD_ROW_OUT = "1,P1,2023-01-05,ok,150.00,0.00,0.00,650.00,500.00,150.00,0.00,0.00,"
BATCH = ["batch", "-q", "--policy", TESTLAND]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def unchanged(name, files, folder):
    """Each path in `files` holds the bytes it had, and `folder` holds nothing else (no temporary)."""
    for path, old in files.items():
        check(name + ": " + os.path.basename(path) + " unchanged", read_bytes(path) == old,
              f"{path} changed")
    left = sorted(set(os.listdir(folder)) - {os.path.basename(p) for p in files})
    check(name + ": no temporary left", left == [], f"left in {folder}: {left}")


# ---- Ledger text and ledger files ---------------------------------------------------------

SETTLE = ["settle", "--policy", TESTLAND]
# The README claim on 2023-03-01 (inpatient l3, 25000, 1000 self-paid, 500 category B): the
# saved ledger has a first admission and the position 22500. A second admission of 5000 on
# 2023-05-01 from it: deductible 300; 4700 above the position 22500, all at 90%: fund 4230,
# patient 300 + 470 = 770.
README_CLAIM = ["--date", "2023-03-01", "--kind", "inpatient", "--level", "l3", "--total", "25000",
                "--self-paid", "1000", "--category-b", "500"]
SECOND = ["--date", "2023-05-01", "--kind", "inpatient", "--level", "l3", "--total", "5000"]
SECOND_FIGURES = [r"^  Basic fund +4230\.00$", r"^  Patient +770\.00$"]
# After examples/cli/claims.csv P001 has met the 500 deductible: 600 more -> fund 300.
MORE = "person_id,date,kind,level,total\nP001,2023-06-01,outpatient,l1,600\n"
CARRIED = "2,P001,2023-06-01,ok,300.00,0.00,0.00,300.00,0.00,300.00,0.00,0.00,"


def test_ledger_files():
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "p.ledger")
        expect("save", SETTLE + README_CLAIM + ["--save-ledger", led], 0)
        text = read_bytes(led).decode()
        lines = text.splitlines()
        # Only the first 8 KiB used to be read: a ledger padded with blank lines lost its last
        # fields. The whole file is read now.
        write_bytes(led, lines[0] + "\n" + "\n" * 10000 + "\n".join(lines[1:]) + "\n")
        expect("padded past 8 KiB", SETTLE + SECOND + ["--ledger", led], 0, out_has=SECOND_FIGURES)
        write_bytes(led, text.replace("\n", "\r\n"))
        expect("CRLF", SETTLE + SECOND + ["--ledger", led], 0, out_has=SECOND_FIGURES)
        # Read under the policy loader's limit (4 MiB) and no more.
        write_bytes(led, text + "\n" * (4 << 20))
        expect("over the limit", SETTLE + SECOND + ["--ledger", led], 1,
               err_has=[r"p\.ledger: larger than the limit of 4194304 bytes$"])
        # The library's errors come with the file, line and column.
        write_bytes(led, lines[0] + "\ncolour=red\n" + "\n".join(lines[1:]) + "\n")
        expect("bad key", SETTLE + SECOND + ["--ledger", led], 1,
               err_has=[r"p\.ledger:2:1: unknown ledger key \"colour\" \[MEDINS_ERR_LEDGER\]$"])
        seq = next(i for i, l in enumerate(lines) if l.startswith("seq="))
        write_bytes(led, "\n".join(lines[:seq] + ["seq=1\x002"] + lines[seq + 1:]) + "\n")
        expect("NUL in a number", SETTLE + SECOND + ["--ledger", led], 1,
               err_has=[rf"p\.ledger:{seq + 1}:5: ledger seq: malformed number \[MEDINS_ERR_LEDGER\]$"])
        expect("no such ledger", SETTLE + SECOND + ["--ledger", os.path.join(tmp, "none")], 5,
               err_has=[r"cannot open .*none: No such file"])

        # Ledgers files: the same CRLF as a single ledger.
        leds = os.path.join(tmp, "ledgers.txt")
        expect("save ledgers", BATCH + ["examples/cli/claims.csv", "--save-ledgers", leds], 0)
        saved = read_bytes(leds).decode()
        write_bytes(leds, saved.replace("\n", "\r\n"))
        out, _ = expect("CRLF ledgers", BATCH + ["--ledgers", leds, "-"], 0, stdin=MORE)
        check("CRLF ledgers row", out.splitlines()[1:] == [CARRIED], out)

        # Person ids are any CSV field. A line break, a backslash or another control character
        # in one is escaped in the id line ("\x0a", "\\"), so every id reads back as it was:
        # each person's second claim finds its deductible met (600 -> fund 300).
        ids = ["P\n1", "P\r\n2", "P\\3", "P]4", "[P5]", "P\t6", "参保人7", 'P"8,', "\\x0a"]
        quoted = ['"' + i.replace('"', '""') + '"' for i in ids]
        first = "".join(f"{q},2023-02-01,outpatient,l1,800\n" for q in quoted)
        second = "".join(f"{q},2023-06-01,outpatient,l1,600\n" for q in quoted)
        expect("odd ids", BATCH + ["--save-ledgers", leds, "-"], 0,
               stdin="person_id,date,kind,level,total\n" + first)
        saved = read_bytes(leds).decode()
        heads = [l for l in saved.splitlines() if l.startswith("[")]
        check("odd ids written on one line each", heads == [
            "[P\\x0a1]", "[P\\x0d\\x0a2]", "[P\\\\3]", "[P]4]", "[[P5]]", "[P\\x096]", "[参保人7]",
            '[P"8,]', "[\\\\x0a]"], "\n".join(heads))
        out, _ = expect("odd ids read back", BATCH + ["--ledgers", leds, "-"], 0,
                        stdin="person_id,date,kind,level,total\n" + second)
        rows = list(csv.reader(io.StringIO(out, newline="")))[1:]
        check("odd ids carried", [(r[1], r[3], r[4]) for r in rows] == [(i, "ok", "300.00") for i in ids], out)

        # Id lines that are not what --save-ledgers writes: refused at their line and column.
        body = "medins-ledger 1\n" + "\n".join(saved.split("medins-ledger 1\n")[1].split("\n[")[0].splitlines()) + "\n"
        for name, head, where, part in [
                ("bad escape", "[P\\q]", "1:3", r"person id: a backslash not followed by a backslash or xHH"),
                ("short escape", "[P\\x4]", "1:3", r"person id: a backslash not followed by"),
                ("escaped NUL", "[P\\x00]", "1:3", r"person id: a NUL \(\\x00\)"),
                ("raw control character", "[P\t1]", "1:3", r"person id: a control character \(write it as \\xHH\)"),
                ("empty id", "[]", "1", r"an empty person id"),
                ("no brackets", "P1", "1", r"expected a line '\[person id\]'")]:
            write_bytes(leds, head + "\n" + body)
            expect("ledgers: " + name, BATCH + ["--ledgers", leds, "-"], 1, stdin=MORE,
                   err_has=[rf"ledgers\.txt:{where}: {part}"])
        write_bytes(leds, "[P1]\n" + body + "\n[P1]\n" + body)
        expect("ledgers: person twice", BATCH + ["--ledgers", leds, "-"], 1, stdin=MORE,
               err_has=[rf"ledgers\.txt:{len(body.splitlines()) + 3}: person 'P1' given twice"])
        expect("ledgers: no such file", BATCH + ["--ledgers", os.path.join(tmp, "none"), "-"], 5, stdin=MORE,
               err_has=[r"cannot open .*none: No such file"])


# ---- Files written: replaced whole, or not at all ------------------------------------------

def test_file_writes():
    old_ledger = b"the old ledger\n"
    with tempfile.TemporaryDirectory() as tmp:
        led, out, leds = (os.path.join(tmp, n) for n in ("p.ledger", "out.csv", "ledgers.txt"))
        olds = {led: old_ledger, out: b"the old results\n", leds: b"the old ledgers\n"}
        for path, data in olds.items():
            write_bytes(path, data)
        # A write that fails (here the file-size limit, as a full disk would) leaves each target
        # with its old bytes, and no temporary beside it. Each command runs once with no room
        # at all (ulimit -f 0) and once with room for part of its output.
        for fsize in (0, 300):
            expect(f"settle, ulimit -f {fsize}", SETTLE + README_CLAIM + ["--save-ledger", led], 5,
                   fsize=fsize, err_has=[r"cannot write .*p\.ledger: File too large$"])
            unchanged(f"settle, ulimit -f {fsize}", olds, tmp)
            expect(f"batch -o, ulimit -f {fsize}", BATCH + ["examples/cli/claims.csv", "-o", out], 5,
                   fsize=fsize, err_has=[r"cannot write the results to .*out\.csv: File too large$"])
            unchanged(f"batch -o, ulimit -f {fsize}", olds, tmp)
            expect(f"batch --save-ledgers, ulimit -f {fsize}",
                   BATCH + ["examples/cli/claims.csv", "--save-ledgers", leds], 5,
                   fsize=fsize, err_has=[r"cannot write .*ledgers\.txt: File too large$"])
            unchanged(f"batch --save-ledgers, ulimit -f {fsize}", olds, tmp)
            # Both at once: neither is replaced when either cannot be written.
            expect(f"batch both, ulimit -f {fsize}",
                   BATCH + ["examples/cli/claims.csv", "-o", out, "--save-ledgers", leds], 5, fsize=fsize)
            unchanged(f"batch both, ulimit -f {fsize}", olds, tmp)
        # A row that stops the batch: no file is replaced (the rows before it are not a result).
        expect("batch stopped", BATCH + ["examples/cli/bad.csv", "-o", out, "--save-ledgers", leds], 1)
        unchanged("batch stopped", olds, tmp)
        # A claim refused: the ledger is not touched.
        expect("settle refused", SETTLE + ["--kind", "pharmacy", "--level", "pharmacy", "--total", "1",
                                          "--save-ledger", led], 1)
        unchanged("settle refused", olds, tmp)

        # A file replaced keeps the mode of the one it replaces; a symbolic link stays a link,
        # and the file it names is replaced.
        os.chmod(led, 0o640)
        expect("settle saves", SETTLE + README_CLAIM + ["--save-ledger", led], 0)
        check("mode kept", stat.S_IMODE(os.stat(led).st_mode) == 0o640, oct(os.stat(led).st_mode))
        check("ledger written", read_bytes(led).startswith(b"medins-ledger 1\n"), read_bytes(led)[:40])
        link = os.path.join(tmp, "link.csv")
        os.symlink("out.csv", link)
        expect("through a link", BATCH + ["examples/cli/claims.csv", "-o", link], 0)
        check("link kept", os.path.islink(link) and read_bytes(out).startswith(HEADER.encode()),
              read_bytes(out)[:40])
        # With --keep-going every row is written: the files are replaced.
        expect("keep going saves", ["batch", "-q", "-k", "--policy", TESTLAND, "examples/cli/bad.csv",
                                    "-o", out, "--save-ledgers", leds], 4)
        check("keep going results", len(read_bytes(out).splitlines()) == 9, read_bytes(out))
        check("keep going ledgers", read_bytes(leds).startswith(b"[P1]\n"), read_bytes(leds)[:40])
        check("nothing else", sorted(os.listdir(tmp)) == ["ledgers.txt", "link.csv", "out.csv", "p.ledger"],
              os.listdir(tmp))
    # What is not a regular file is written to, not replaced.
    expect("to /dev/null", BATCH + ["examples/cli/claims.csv", "-o", "/dev/null", "--save-ledgers", "/dev/null"], 0)
    expect("no such folder", BATCH + ["examples/cli/claims.csv", "-o", "/nonexistent/out.csv"], 5,
           err_has=[r"cannot write /nonexistent/out\.csv: No such file or directory$"])


GROUPS = {
    "ledger-files": test_ledger_files,
    "file-writes": test_file_writes,
}
