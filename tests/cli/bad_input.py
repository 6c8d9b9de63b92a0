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
GOOD_ROW_OUT = "1,P1,2023-01-05,ok,150.00,0.00,0.00,0.00,650.00,500.00,150.00,0.00,0.00,0.00,"
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


# ---- Claim documents (medins settle --input) ------------------------------------------------

def test_claim_documents():
    expect("good", STDIN, 0, stdin=GOOD_JSON, out_has=[r"^  Basic fund +150\.00$"])
    # A document end marker closes the one document: nothing follows it.
    expect("end marker", STDIN, 0, stdin="claim: {kind: outpatient, level: l1, total: 800}\n...\n",
           out_has=[r"^  Basic fund +150\.00$"])
    n = len(GOOD_JSON)
    cases = [
        # (name, document, line:col, message part)
        ("second JSON line", GOOD_JSON + '\n{"claim": {"total": "900"}}\n', "2:1",
         "more after the document (a claim document is one YAML document or one JSON object)"),
        ("second JSON object", GOOD_JSON + ' {"claim": {}}', f"1:{n + 2}", "more after the document"),
        ("trailing garbage", GOOD_JSON + " xyz", f"1:{n + 2}", "more after the document"),
        ("trailing comma", GOOD_JSON + ",", f"1:{n + 1}", "more after the document"),
        ("second YAML document", "claim: {kind: outpatient, level: l1, total: 800}\n---\nclaim: {total: 900}\n",
         "2:1", "a second document"),
        ("empty second document", "claim: {kind: outpatient, level: l1, total: 800}\n---\n", "2:1",
         "a second document"),
        # Keys given twice: the second is reported, with where the first was.
        ("key twice", '{"claim": {"kind": "outpatient", "kind": "inpatient"}}', "1:34",
         "claim: key 'kind' given twice (first at 1:12)"),
        ("key twice, quoted once", 'claim:\n  total: 800\n  "total": 900\n', "3:3",
         "claim: key 'total' given twice (first at 2:3)"),
        ("section twice", '{"claim": {"kind": "outpatient"}, "claim": {"level": "l1"}}', "1:35",
         "document: key 'claim' given twice (first at 1:2)"),
        ("person field twice", "person:\n  category: in_service\n  category: retired\nclaim: {total: 1}\n",
         "3:3", "person: key 'category' given twice (first at 2:3)"),
        # An escaped NUL would cut the value ("800\0999" read as 800): refused where it is.
        ("NUL in a JSON value", '{"claim": {"total": "800\\u0000999"}}', "1:21", "total: a NUL byte at byte 4"),
        ("NUL in a YAML value", 'claim: {total: "25000\\0999"}', "1:16", "total: a NUL byte at byte 6"),
        ("NUL in a key", '{"claim": {"to\\u0000tal": "800"}}', "1:12", "claim: a NUL byte at byte 3"),
        ("NUL in a group", '{"person": {"groups": ["dibao", "x\\u0000"]}}', "1:33", "groups: a NUL byte at byte 2"),
        # Bytes the YAML reader refuses, at their own line and column.
        ("raw control character", "claim: {kind: outpatient, level: l1, total: 800}\n\x01", "2:1",
         "control characters are not allowed"),
        ("raw NUL", "claim: {kind: outpatient, level: l1, total: 8\x0000}\n", "1:46",
         "control characters are not allowed"),
        # Tags would change what a value means; no field has a use for one.
        ("binary tag", "claim: {kind: outpatient, level: l1, total: !!binary MTIz}\n", "1:45",
         "total: a tag (!!binary) is not allowed"),
        ("int tag", "claim: {total: !!int 800}\n", "1:16", "total: a tag (!!int) is not allowed"),
        ("local tag", "claim: !claim {total: 800}\n", "1:8", "claim: a tag (!claim) is not allowed"),
        ("a list for an amount", "claim: {total: [800, 900]}\n", "1:16", "total: expected a value"),
        ("a mapping for a group", "person: {groups: [{a: 1}]}\n", "1:19", "groups: expected a group name"),
    ]
    for name, doc, pos, part in cases:
        expect(name, STDIN, 1, stdin=doc, err_has=[r"^medins settle: <stdin>:" + pos + ": " + re.escape(part)
                                                  + ".*" + SYNTAX],
               out_lacks=[r"."])
    expect("empty", STDIN, 1, stdin="# nothing\n", err_has=[r"^medins settle: <stdin>: empty document" + SYNTAX])
    # A document is read whole under the policy loader's limit (4 MiB), and no more.
    big = "claim: {kind: outpatient, level: l1, total: 800}\n" + "#" * (4 << 20) + "\n"
    expect("over the limit", STDIN, 1, stdin=big,
           err_has=[r"^medins settle: <stdin>: larger than the limit of 4194304 bytes$"])
    expect("no such document", ["settle", "--policy", TESTLAND, "-i", "nothing.json"], 5,
           err_has=[r"cannot open nothing\.json: No such file"])


# ---- Birth dates a settlement needs ----------------------------------------------------------

AGES = "tests/cli/testland-ages.yaml"
RETIREE = ["settle", "--policy", AGES, "--date", "2023-03-01", "--kind", "outpatient", "--level", "l1",
           "--total", "800", "--category", "retired"]
NO_BIRTH = ("the person has no birth date, and their age on 20230301 decides which outpatient.deductible "
            "row applies: give the birth date")


def test_birth_dates():
    """tests/cli/testland-ages.yaml: a retiree's outpatient deductible is 400 under 70 and 200
    from 70, so their age decides it. Without a birth date that is an error, never the row
    below (500): the library refuses it, and the command says so, alone and in a batch."""
    expect("retiree, no birth date", RETIREE, 1, out_lacks=[r"."],
           err_has=[r"^medins settle: claim refused: " + re.escape(NO_BIRTH) + r" \[MEDINS_ERR_PERSON\]$"])
    expect("retiree, no birth date, document", ["settle", "--policy", AGES, "-i", "-"], 1,
           stdin='{"person": {"category": "retired"}, "claim": {"date": "2023-03-01", "kind": "outpatient", '
                 '"level": "l1", "total": "800"}}',
           err_has=[re.escape(NO_BIRTH) + r" \[MEDINS_ERR_PERSON\]$"])
    # Born 1950-03-01: 73 on 2023-03-01, deductible 200; 600 x 50% -> fund 300, patient 500.
    expect("retiree of 73", RETIREE + ["--birth-date", "1950-03-01"], 0,
           out_has=[r"^  Basic fund +300\.00$", r"^  Patient +500\.00$"])
    # Born 1960-01-01: 63, deductible 400; 400 x 50% -> fund 200, patient 600.
    expect("retiree of 63", RETIREE + ["--birth-date", "1960-01-01"], 0,
           out_has=[r"^  Basic fund +200\.00$", r"^  Patient +600\.00$"])
    expect("born after the claim", RETIREE + ["--birth-date", "2023-03-02"], 1,
           err_has=[r"claim refused: birth date 20230302 is after the claim date 20230301 \[MEDINS_ERR_PERSON\]$"])
    # In service, the age decides nothing: no birth date is needed (deductible 500, fund 150).
    expect("in service, no birth date", RETIREE[:-2], 0, out_has=[r"^  Basic fund +150\.00$"])
    # The same in a batch, each row as the claim alone.
    out, _ = expect("batch", ["batch", "-q", "-k", "--policy", AGES, "-"], 4,
                    stdin=csv_text("1,R1,2023-03-01,outpatient,l1,800,retired,",
                                   "2,R2,2023-03-01,outpatient,l1,800,retired,1950-03-01",
                                   "3,R3,2023-03-01,outpatient,l1,800,retired,2023-03-02",
                                   "4,R4,2023-03-01,outpatient,l1,800,in_service,",
                                   header="claim_id,person_id,date,kind,level,total,category,birth_date"))
    rows = {r[0]: r for r in csv.reader(io.StringIO(out, newline=""))}
    check("batch rows", (rows["1"][3], rows["1"][14]) == ("MEDINS_ERR_PERSON", NO_BIRTH)
          and rows["2"][3:9] == ["ok", "300.00", "0.00", "0.00", "0.00", "500.00"]
          and (rows["3"][3], rows["3"][14]) == ("MEDINS_ERR_PERSON", "birth date 20230302 is after the claim date 20230301")
          and rows["4"][3:5] == ["ok", "150.00"], out)


# ---- Batch CSV ----------------------------------------------------------------------------

def csv_text(*rows, header="claim_id,person_id,date,kind,level,total"):
    return header + "\n" + "".join(r + "\n" for r in rows)


def summary_counts(err):
    m = re.search(r"(\d+) claims in .*: (\d+) settled, (\d+) failed", err)
    return tuple(int(x) for x in m.groups()) if m else None


def test_batch_rows():
    # A NUL inside a field is an error of that row and column, never the field's end (the
    # total "25\0" + "0" would otherwise read as 25 yuan). Row 3 settles after it: P1's
    # deductible is met by row 1, 100 x 50% -> fund 50, patient 50.
    after = "3,P1,2023-01-07,ok,50.00,0.00,0.00,0.00,50.00,0.00,50.00,0.00,0.00,0.00,"
    for name, row, col, at in [("NUL in an amount", "2,P1,2023-01-06,outpatient,l1,25\x000", "total", 3),
                               ("NUL in a quoted id", '2,"P\x001",2023-01-06,outpatient,l1,100', "person_id", 2),
                               ("NUL at a field's end", "2,P1,2023-01-06\x00,outpatient,l1,100", "date", 11)]:
        out, err = expect(name, ["batch", "-k", "--policy", TESTLAND, "-"], 4,
                          stdin=csv_text("1,P1,2023-01-05,outpatient,l1,800", row,
                                         "3,P1,2023-01-07,outpatient,l1,100"),
                          err_has=[rf"<stdin>:3: claim 2: column '{col}': a NUL byte at byte {at}$",
                                   r"3 claims in .*: 2 settled, 1 failed"])
        rows = out.splitlines()
        check(name + " rows", len(rows) == 4 and rows[1] == GOOD_ROW_OUT and rows[3] == after
              and rows[2].startswith("2,") and f",MEDINS_ERR_SYNTAX,,,,,,,,,,,column '{col}': a NUL byte at byte {at}"
              in rows[2], out)
    expect("NUL in the header", BATCH + ["-"], 1, stdin="claim_id,per\x00son_id\n",
           err_has=[r"^medins batch: <stdin>:1: field 2: a NUL byte at byte 4$"])
    # A UTF-8 byte-order mark before the header (spreadsheet programs write one) is skipped:
    # 'claim_id' is the first column, not an unknown one. With CRLF line ends as well.
    for name, text in [("BOM", "\ufeff" + csv_text("1,P1,2023-01-05,outpatient,l1,800")),
                       ("BOM and CRLF", "\ufeff" + csv_text("1,P1,2023-01-05,outpatient,l1,800").replace("\n", "\r\n"))]:
        out, _ = expect(name, BATCH + ["-"], 0, stdin=text)
        check(name + " rows", out.splitlines() == [HEADER, GOOD_ROW_OUT], out)
    # A BOM anywhere else is text: here a column name that is not known.
    expect("BOM inside", BATCH + ["-"], 1, stdin="claim_id,\ufeffperson_id\n",
           err_has=[r"<stdin>:1: unknown column '\ufeffperson_id'"])
    expect("column twice", BATCH + ["-"], 1, stdin="person_id,date,kind,level,total,total\n",
           err_has=[r"^medins batch: <stdin>:1: column 'total' given twice$"])

    # A record over the reader's 1 MiB fails alone: the rows after it are read and settled,
    # and the summary counts every row (7 = 6 settled + 1 failed). Each row is its own person:
    # 800 -> fund 150, patient 650.
    def seven(bad):
        return csv_text(*[f"{i},P{i},2023-01-0{i},outpatient,l1,800" if i != 4 else bad for i in range(1, 8)])
    for name, bad, lines in [
            ("long record", "4,P4,2023-01-04,outpatient,l1," + "9" * (2 << 20), 0),
            # Commas and line ends inside quotes do not end it; its lines are counted, so the
            # rows after it keep their line numbers (row 5 starts 3 lines further down).
            ("long quoted record", '4,P4,2023-01-04,outpatient,l1,"' + "x,\n" * 3 + "y" * (2 << 20) + '"', 3),
            # A quote doubled across the buffer's edge stays inside the field.
            ("long record with quotes", '4,"P4' + '""' * (1 << 20) + '",2023-01-04,outpatient,l1,800', 0)]:
        out, err = expect(name, ["batch", "-k", "--policy", TESTLAND, "-"], 4, stdin=seven(bad),
                          err_has=[r"^medins batch: <stdin>:5: a record longer than 1048576 bytes$"])
        rows = out.splitlines()
        check(name + " counts", summary_counts(err) == (7, 6, 1), err)
        check(name + " rows", len(rows) == 8 and rows[4].startswith("line 5,,,MEDINS_ERR_SYNTAX,")
              and all(rows[i].startswith(f"{i},P{i},") and ",ok,150.00," in rows[i] for i in (1, 2, 3))
              and all(rows[i].startswith(f"{i},P{i},") and ",ok,150.00," in rows[i] for i in (5, 6, 7)),
              "\n".join(r[:80] for r in rows))
        # Row 5 of the file is on line 6 + lines: a bad total there is reported on that line.
        text = seven(bad).replace("5,P5,2023-01-05,outpatient,l1,800", "5,P5,2023-01-05,outpatient,l1,x")
        expect(name + ", line after it", ["batch", "-k", "--policy", TESTLAND, "-"], 4, stdin=text,
               err_has=[rf'^medins batch: <stdin>:{6 + lines}: claim 5: column \'total\': "x" is not an amount'])
    # Without --keep-going the long record stops the run there, as any bad row does.
    out, err = expect("long record stops", BATCH + ["-"], 1, stdin=seven("4" * (2 << 20)),
                      err_has=[r"<stdin>:5: a record longer than 1048576 bytes"])
    check("long record stops rows", len(out.splitlines()) == 4, out)
    # A quote opened in a long record and never closed takes the rest of the input with it:
    # one record, one failed row.
    out, err = expect("long open quote", ["batch", "-k", "--policy", TESTLAND, "-"], 4,
                      stdin=csv_text("1,P1,2023-01-05,outpatient,l1,800", '2,"' + "z" * (2 << 20),
                                     "3,P3,2023-01-05,outpatient,l1,800"))
    check("long open quote counts", summary_counts(err) == (2, 1, 1), err)

    # Rows whose fields cannot be matched to the columns are labelled "line N", which no
    # claim id of the file can be taken for (claim 3 here is a real claim on line 4).
    text = csv_text("1,P1,2023-01-05,outpatient,l1,800", '2,"P2,2023-01-05,outpatient,l1,800',
                    header="claim_id,person_id,date,kind,level,total")
    text = csv_text("1,P1,2023-01-05,outpatient,l1,800",   # line 2
                    "3,P2,2023-01-05,outpatient,l1",       # line 3: a field short
                    "3,P3,2023-01-05,outpatient,l1,800",   # line 4: claim 3
                    '4,P"4,2023-01-05,outpatient,l1,800')  # line 5: a stray quote
    out, err = expect("line labels", ["batch", "-k", "--policy", TESTLAND, "-"], 4, stdin=text,
                      err_has=[r"^medins batch: <stdin>:3: expected 6 fields as in the header, found 5$",
                               r"^medins batch: <stdin>:5: field 2: a quote inside an unquoted field"])
    rows = out.splitlines()
    check("line labels rows", [r.split(",")[0] for r in rows[1:]] == ["1", "line 3", "3", "line 5"]
          and rows[2].startswith("line 3,,,MEDINS_ERR_SYNTAX,"), out)
    # Without a claim_id column, a claim's id is its line number, and a row that cannot be
    # read is still "line N": the two never meet.
    out, _ = expect("line labels, no claim_id", ["batch", "-k", "--policy", TESTLAND, "-"], 4,
                    stdin=csv_text("P1,2023-01-05,outpatient,l1,800", "P2,2023-01-05,outpatient",
                                   header="person_id,date,kind,level,total"))
    check("line labels, no claim_id rows", [r.split(",")[0] for r in out.splitlines()[1:]] == ["2", "line 3"], out)

    # A refused record when the chunk of rows (8192) is full: the chunk is settled first.
    # 8192 claims of 100 for P1 through the year: the deductible takes the first five, so the
    # count is what is checked; the last row fails alone.
    rows = [f"{i},P{i % 50},2023-02-01,outpatient,l1,100" for i in range(1, 8193)]
    out, err = expect("bad record at a chunk's end", ["batch", "-k", "--policy", TESTLAND, "-"], 4,
                      stdin=csv_text(*rows, '8193,"P1'))
    check("bad record at a chunk's end counts", summary_counts(err) == (8193, 8192, 1)
          and len(out.splitlines()) == 8194 and out.splitlines()[-1].startswith("line 8194,,,"), err)


def test_batch_errors():
    """A claim the library refuses gets, in its row, the code and message that settling the
    same claim alone gives (with --id, the row's claim id, which the message names)."""
    rows = [("1", "P1", "2023-03-01", "pharmacy", "l2", "100", "", ""),
            ("2", "P2", "2023-03-01", "outpatient", "l1", "-5", "", ""),
            ("3", "P3", "2023-03-01", "outpatient", "l1", "100", "200", ""),
            ("4", "P4", "2023-03-01", "pharmacy", "pharmacy", "100", "", ""),
            ("5", "P5", "2023-03-01", "outpatient", "l1", "100", "60", "50"),
            ("6", "P6", "2023-03-01", "outpatient", "pharmacy", "100", "", ""),
            ("7", "P7", "2023-03-01", "pooling", "l1", "100", "", ""),
            # P9's second claim is dated before its first (settled alone from the first's ledger).
            ("9", "P9", "2023-03-05", "outpatient", "l1", "800", "", ""),
            ("10", "P9", "2023-03-02", "outpatient", "l1", "100", "", "")]
    text = csv_text(*[",".join(r) for r in rows],
                    header="claim_id,person_id,date,kind,level,total,self_paid,category_b")
    out, _ = expect("batch", ["batch", "-q", "-k", "--policy", TESTLAND, "-"], 4, stdin=text)
    got = {r[0]: (r[3], r[14]) for r in csv.reader(io.StringIO(out, newline=""))}
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "p9.ledger")
        expect("P9 first", SETTLE + ["--id", "9", "--date", "2023-03-05", "--kind", "outpatient", "--level", "l1",
                                     "--total", "800", "--save-ledger", led], 0)
        for cid, _, date, kind, level, total, self_paid, category_b in rows:
            if cid == "9":
                continue
            args = SETTLE + ["--id", cid, "--date", date, "--kind", kind, "--level", level, "--total", total,
                             "--self-paid", self_paid or "0", "--category-b", category_b or "0"]
            code, _, err = run(*args, *(["--ledger", led] if cid == "10" else []))
            m = re.search(r"claim refused: (.*) \[(MEDINS_ERR_\w+)\]$", err, re.M)
            alone = (m.group(2), m.group(1)) if m else None
            check(f"claim {cid} as alone", code == 1 and alone is not None and got.get(cid) == alone,
                  f"batch {got.get(cid)}, alone {alone} ({err.strip()})")
    # The messages name the problem, not only its code's description (worked from the rows).
    check("named problems", got["1"] == ("MEDINS_ERR_LEVEL", "a pharmacy claim cannot be at level l2")
          and got["2"] == ("MEDINS_ERR_CLAIM", "claim 2 has a negative amount")
          and got["10"][1].startswith("claim dated 20230302 is earlier than the ledger's last claim"), str(got))


# ---- Enrolments CSV (medins capitation --enrolments) -------------------------------------

CAPITATION = ["capitation", "--policy", TESTLAND, "--disease", "diabetes", "--level", "l1",
              "--from", "2023-01-01", "--to", "2023-01-31", "--actual-costs", "400"]
# January (31 days) at 310 a month: patient 1 all month 310, patient 2 from the 16th, 16 days:
# 310 x 16 / 31 = 160; budget 470; costs 400: underspend 70, half kept: 35; pays 435.
ENROLMENTS = "patient,from,to\n1,2023-01-01,\n2,2023-01-16,2023-01-31\n"


def test_enrolments():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "e.csv")

        def enrol(name, text, rc, err_has=(), out_has=()):
            write_bytes(path, text)
            return expect(name, CAPITATION + ["--enrolments", path], rc, err_has=err_has, out_has=out_has)

        pays = r"^  The fund pays +435\.00$"
        enrol("good", ENROLMENTS, 0, out_has=[pays])
        enrol("BOM and CRLF", "\ufeff" + ENROLMENTS.replace("\n", "\r\n"), 0, out_has=[pays])
        enrol("other order, quoted", 'to,"patient",from\n,1,2023-01-01\n2023-01-31,2,20230116\n', 0, out_has=[pays])
        # `until` for `to` used to be ignored, making every enrolment open-ended.
        enrol("until", "patient,from,until\n1,2023-01-01,2023-01-10\n", 1,
              err_has=[r"e\.csv:1: unknown column 'until' \(known: patient, from, to\)$"])
        enrol("no to", "patient,from\n1,2023-01-01\n", 1,
              err_has=[r"e\.csv:1: missing column 'to' \(the columns are patient, from, to\)$"])
        enrol("column twice", "patient,from,to,from\n", 1, err_has=[r"e\.csv:1: column 'from' given twice$"])
        enrol("short row", ENROLMENTS + "3,2023-01-05\n", 1,
              err_has=[r"e\.csv:4: expected 3 fields as in the header, found 2$"])
        enrol("extra field", ENROLMENTS + "3,2023-01-05,,x\n", 1,
              err_has=[r"e\.csv:4: expected 3 fields as in the header, found 4$"])
        enrol("bad patient", "patient,from,to\n\n7x,2023-01-01,\n", 1,
              err_has=[r"e\.csv:3: column 'patient': '7x' is not a whole number$"])
        enrol("bad from", "patient,from,to\n1,2023-02-30,\n", 1,
              err_has=[r"e\.csv:2: column 'from': '2023-02-30' is not a date \(2023-01-01\)$"])
        enrol("bad to", "patient,from,to\n1,2023-01-01,soon\n", 1,
              err_has=[r"e\.csv:2: column 'to': 'soon' is neither a date"])
        enrol("NUL", "patient,from,to\n1,2023-01\x00-01,\n", 1,
              err_has=[r"e\.csv:2: column 'from': a NUL byte at byte 8$"])
        enrol("open quote", 'patient,from,to\n1,"2023-01-01,\n', 1,
              err_has=[r"e\.csv:2: a quoted field is not closed before the end of the input$"])
        enrol("empty", "", 1, err_has=[r"e\.csv: empty input: expected a header row patient,from,to$"])
        # Overlapping enrolments of one patient would pay the shared days twice: refused by
        # the library, naming the patient and both enrolments.
        enrol("overlap", ENROLMENTS + "1,2023-01-10,2023-01-20\n", 1,
              err_has=[r"capitation refused: patient 1: enrolments 1 \(20230101, still enrolled\) and 3 "
                       r"\(20230110, to 20230120\) overlap.*\[MEDINS_ERR_ENROLMENT\]$"])
        # Left on the 15th, back on the 16th: one full month, 310; costs 400: overrun 90, the
        # fund bears half, 45: pays 310 + 45 = 355.
        enrol("back the next day", "patient,from,to\n1,2023-01-01,2023-01-15\n1,2023-01-16,\n", 0,
              out_has=[r"^  Budget +310\.00$", r"^  The fund pays +355\.00$"])
    expect("option overlap", CAPITATION + ["--enrolment", "1:2023-01-01", "--enrolment", "1:2023-01-31"], 1,
           err_has=[r"patient 1: enrolments 1 \(20230101, still enrolled\) and 2 \(20230131, still enrolled\) overlap"])
    expect("no such file", CAPITATION + ["--enrolments", "nothing.csv"], 5, err_has=[r"cannot open nothing\.csv"])


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
CARRIED = "2,P001,2023-06-01,ok,300.00,0.00,0.00,0.00,300.00,0.00,300.00,0.00,0.00,0.00,"


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
        # "seq=1" then the NUL: the sixth byte of the line.
        expect("NUL in a number", SETTLE + SECOND + ["--ledger", led], 1,
               err_has=[rf"p\.ledger:{seq + 1}:6: ledger line {seq + 1} contains a NUL byte \[MEDINS_ERR_LEDGER\]$"])
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


# ---- Exit statuses as docs/medins.1 gives them ----------------------------------------------

def test_exit_statuses():
    # 5: a file could not be read or written, a policy file included.
    expect("policy check, no file", ["policy", "check", "/nonexistent"], 5,
           err_has=[r"/nonexistent: cannot open the file \[MEDINS_ERR_IO\]$"])
    expect("policy check, bad and missing", ["policy", "check", "tests/cli/bad-policy.yaml", "/nonexistent"], 5)
    expect("policy check, bad", ["policy", "check", "tests/cli/bad-policy.yaml"], 3)
    expect("policy show, no folder", ["policy", "show", "--policies", "/nonexistent", "testland", "2023-06-01"], 5)
    expect("batch, no policy folder", ["batch", "--policies", "/nonexistent", "examples/cli/claims.csv"], 5)
    expect("contribution, no policy", ["contribution", "--policy", "/nonexistent", "--scheme", "resident"], 5)
    # 3: a policy that is read and refused, or none in force.
    expect("batch, bad policy", ["batch", "--policy", "tests/cli/bad-policy.yaml", "examples/cli/claims.csv"], 3)
    # 1: the input is malformed; 2: the command line; 4: some rows failed with -k.
    expect("settle, bad document", STDIN, 1, stdin="claim: [")
    expect("settle, usage", ["settle", "--kind", "inpatient"], 2)
    expect("batch -k", ["batch", "-q", "-k", "--policy", TESTLAND, "examples/cli/bad.csv"], 4)


# ---- Property: a command settles with its figures adding up, or changes no file --------------

def fen(text):
    """Yuan text as the command reads it, in fen; None when it is not an amount."""
    m = re.fullmatch(r"(\d+)(?:\.(\d{1,2}))?", text)
    return int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0")) if m else None


def random_amount(rng):
    if rng.random() < 0.9:
        return str(rng.randint(0, 300000)) + rng.choice(["", f".{rng.randint(0, 99):02d}", ".5"])
    return rng.choice(["1,000", "-5", "12.345", "1e3", "", " 800", "800\x00", "99999999999999999",
                       "0x10", "٣٠٠"])


def random_claim(rng, with_nul, day):
    """Fields of a claim on day `day` of 2023 (when its date is valid), mostly valid on testland,
    some not (a NUL only where the text can hold one)."""
    kind, level = rng.choice([("outpatient", "l1"), ("outpatient", "l3"), ("inpatient", "l2"),
                              ("inpatient", "l3"), ("outpatient", "primary")] * 4
                             + [("pharmacy", "pharmacy"), ("pharmacy", "l2"), ("surgery", "l1"),
                                ("inpatient", "l9")])
    date = (datetime.date(2023, 1, 1) + datetime.timedelta(days=day)).isoformat()
    date = rng.choice([date] * 16 + ["2023-02-30", "2024-01-02", "20230", ""])
    fields = {"kind": kind, "level": level, "total": random_amount(rng), "date": date}
    if rng.random() < 0.3:
        fields["self_paid"] = str(rng.randint(0, 1000))
    if not with_nul:
        fields = {k: v.replace("\x00", "") for k, v in fields.items()}
    return fields


def test_property():
    rng = random.Random(20230601)
    settled = refused = 0
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "p.ledger")
        expect("start", SETTLE + README_CLAIM + ["--save-ledger", led], 0)
        for i in range(120):
            as_document = rng.random() < 0.5
            fields = random_claim(rng, as_document, 60 + 2 * i)
            fsize = 0 if rng.random() < 0.1 else None
            before = read_bytes(led)
            args = SETTLE + ["--json", "--ledger", led, "--save-ledger", led]
            if as_document:
                code, out, err = run(*args, "-i", "-", stdin=json.dumps({"claim": fields}), fsize=fsize)
            else:
                code, out, err = run(*args, *[x for k, v in fields.items() for x in ("--" + k.replace("_", "-"), v)],
                                     fsize=fsize)
            name = f"settle {i} {fields!r}"
            if code == 0:
                settled += 1
                s = json.loads(out)["settlement"]
                total = fen(fields["total"])
                check(name + ": adds up", s["fund_fen"] + s["major_disease_fen"] + s["assistance_fen"]
                      + s["patient_fen"] == total, out)
                check(name + ": no failure expected", fsize is None, err)
            else:
                refused += 1
                check(name + ": refused cleanly", code in (1, 2, 3, 5) and out == "", f"{code}\n{out}\n{err}")
            # Refused: the ledger file keeps its bytes, with no temporary beside it.
            # Settled: it was replaced by one that reads back (the next run starts from it).
            if code:
                unchanged(name, {led: before}, tmp)
            else:
                check(name + ": ledger saved", read_bytes(led) != before
                      and read_bytes(led).startswith(b"medins-ledger 1\n"), read_bytes(led)[:40])

        out_csv, leds = os.path.join(tmp, "out.csv"), os.path.join(tmp, "ledgers.txt")
        for i in range(40):
            keep_going = rng.random() < 0.5
            rows, totals = [], {}
            for k in range(rng.randint(1, 12)):
                f = random_claim(rng, True, 10 * k + rng.randint(0, 12))
                rows.append(f"{k + 1},P{rng.randint(1, 4)},{f['date']},{f['kind']},{f['level']},"
                            f"\"{f['total']}\"")
                totals[str(k + 1)] = fen(f["total"])
            # Records that cannot be read: too few fields, too many, and a quote left open
            # (which takes the rest of the input with it, so only last).
            if rng.random() < 0.2:
                rows.insert(rng.randrange(len(rows) + 1), rng.choice(["99,P1,2023-01-01", "a,b,c,d,e,f,g"]))
            if rng.random() < 0.1:
                rows.append('x,"P1')
            fsize = 0 if rng.random() < 0.1 else None
            olds = {out_csv: f"old results {i}\n".encode(), leds: f"old ledgers {i}\n".encode()}
            for path, data in olds.items():
                write_bytes(path, data)
            code, out, err = run(*BATCH, *(["-k"] if keep_going else []), "-", "-o", out_csv,
                                 "--save-ledgers", leds, stdin=csv_text(*rows), fsize=fsize)
            name = f"batch {i}{' -k' if keep_going else ''}"
            if code in (0, 4):
                result = list(csv.reader(io.StringIO(read_bytes(out_csv).decode(), newline="")))[1:]
                ok = [r for r in result if r[3] == "ok"]
                check(name + ": every row written", len(result) == len(rows), f"{len(result)} of {len(rows)}")
                check(name + ": status", (code == 4) == (len(ok) < len(result)) and (keep_going or code == 0), err)
                check(name + ": each adds up", all(sum(fen(x) for x in r[4:9]) == totals[r[0]] for r in ok),
                      "\n".join(map(str, ok)))
                check(name + ": ledgers saved", read_bytes(leds) != olds[leds], read_bytes(leds)[:40])
            else:
                check(name + ": refused cleanly", code == 1 or (code == 5 and fsize == 0), f"{code}\n{err}")
                unchanged(name, {**olds, led: read_bytes(led)}, tmp)
    # Both outcomes must have been met for the property to mean anything.
    check("settled and refused both met", settled > 10 and refused > 10, f"{settled} settled, {refused} refused")


GROUPS = {
    "claim-documents": test_claim_documents,
    "batch-rows": test_batch_rows,
    "batch-errors": test_batch_errors,
    "birth-dates": test_birth_dates,
    "enrolments": test_enrolments,
    "ledger-files": test_ledger_files,
    "file-writes": test_file_writes,
    "exit-statuses": test_exit_statuses,
    "property": test_property,
}
