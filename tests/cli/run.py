#!/usr/bin/python3
"""Run the medins command as a user would and compare its output and exit status.

Usage: run.py MEDINS GROUP   (meson runs one GROUP per test: cli-<GROUP>)

Exact figures are checked against tests/cli/policies/testland.yaml, whose round numbers let
every expected value be worked out by hand (the working is in the comments). The shipped
Tianjin policies are checked for what must hold whatever their values: exit status, the policy
chosen, and that the parts add up to the total.
"""
import json
import os
import re
import sys
import tempfile

import bad_input
import bills
import harness
import json_output
import regions
import years
import lang
import refund
from harness import GROUP, HEADER, TESTLAND, check, counts, expect, figure, run


# ---- usage -------------------------------------------------------------------------------

def test_usage():
    expect("no command", [], 2, err_has=[r"no command given", r"--help"])
    expect("unknown command", ["frobnicate"], 2, err_has=[r"unknown command 'frobnicate'"])
    expect("help", ["--help"], 0, out_has=[r"^Usage: medins COMMAND", r"^  3  policy error"])
    for sub in ["settle", "refund", "batch", "policy", "contribution", "account", "maternity", "capitation"]:
        expect(sub + " --help", [sub, "--help"], 0, out_has=[r"^Usage: medins " + sub, r"Exit status"])
    expect("bad option", ["settle", "--frobnicate"], 2, err_has=[r"Try 'medins settle --help'"])
    expect("version", ["--version"], 0, out_has=[r"^medins \d+\.\d+\.\d+$"])


# ---- settle ------------------------------------------------------------------------------

# The claim of the README on the test policy: inpatient, level 3, 25000 with 1000 fully
# self-paid and 500 category-B first self-pay, first admission of the year.
#   in scope            25000 - 1000 - 500            = 23500
#   deductible (first admission, testland.yaml:26)    =  1000
#   above the deductible                              = 22500, from position 0:
#     segment 0-10000 at 80%: fund 8000,  patient 2000
#     segment 10000-  at 90%: fund 11250 (12500 x 90%), patient 1250   <- the assumed value
#   fund 8000 + 11250                                 = 19250
#   patient 1000 + 500 + 1000 + 2000 + 1250           =  5750 = 25000 - 19250
README_CLAIM = ["--kind", "inpatient", "--level", "l3", "--total", "25000", "--self-paid", "1000",
                "--category-b", "500"]


def test_settle():
    out, _ = expect("testland text", ["settle", "--policy", TESTLAND, "--date", "2023-03-01",
                                      *README_CLAIM], 0,
                    out_has=[figure("Basic fund", "19250.00"), figure("Patient", "5750.00"),
                             figure("Total", "25000.00"),
                             r"^  Deductible +1000\.00  patient$",
                             r"^  Basic fund pays +8000\.00  fund, 80% of 10000\.00$",
                             r"^  Basic fund pays +11250\.00  fund, 90% of 12500\.00$",
                             r"^  Patient's share +1250\.00  patient, 10% of 12500\.00$",
                             r"testland\.yaml:26",  # the first-admission deductible row
                             # testland's source is of kind third-party: its citations say so
                             r"cites third-party: Testland rules for the command-line tests, section 2",
                             r"^Assumed values used \(3\)",
                             r"^  \* inpatient\.ratio\[0\]\.segments\[1\]\.ratio = 90%  tests/cli/policies/testland\.yaml:32:",
                             r"^  \* ledger = empty",
                             r"^Third-party values used \(\d+\)",
                             r"^  \* inpatient\.ratio\[0\]\.segments\[0\]\.ratio = 80%  tests/cli/policies/testland\.yaml:31:",
                             r"^      test-rules: section 2$"],
                    out_lacks=[r"^  \* date ="])
    # No --date: the first day of the policy, said as an assumption.
    expect("default date", ["settle", "--policy", TESTLAND, *README_CLAIM], 0,
           out_has=[r"on 2023-01-01$", r"^  \* date = 2023-01-01", figure("Basic fund", "19250.00")])
    # A second admission from a saved ledger: deductible 300 (testland.yaml:27); 5000 - 300 =
    # 4700 lies above the position 22500, all at 90%: fund 4230, patient 300 + 470 = 770.
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "p.ledger")
        expect("save ledger", ["settle", "--policy", TESTLAND, "--date", "2023-03-01", *README_CLAIM,
                               "--save-ledger", led], 0)
        with open(led) as f:
            check("ledger text", f.read().startswith("medins-ledger "), "ledger file header")
        expect("from ledger", ["settle", "--policy", TESTLAND, "--date", "2023-05-01", "--kind",
                               "inpatient", "--level", "l3", "--total", "5000", "--ledger", led], 0,
               out_has=[figure("Basic fund", "4230.00"), figure("Patient", "770.00"),
                        r"^  Deductible +300\.00  patient$"],
               out_lacks=[r"^  \* ledger = empty"])
    # The shipped default: Tianjin, the latest year; whatever its values, the parts add up.
    out, _ = expect("default policy", ["settle", "--kind", "inpatient", "--level", "l3", "--total",
                                       "25000", "--json"], 0)
    doc = json.loads(out)
    s = doc["settlement"]
    check("default region", doc["policy"]["id"].startswith("tianjin/"), doc["policy"]["id"])
    check("default adds up", s["fund_fen"] + s["major_disease_fen"] + s["assistance_fen"]
          + s["patient_fen"] == 2500000, json.dumps(s))
    check("default assumption listed", any(a["what"] == "date" for a in doc["command_assumptions"]),
          json.dumps(doc["command_assumptions"]))


def test_settle_json():
    out, _ = expect("json", ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--id", "42",
                             *README_CLAIM, "--json"], 0)
    doc = json.loads(out)
    s = doc["settlement"]
    # Worked above: fund 19250, patient 5750, deductible 1000, coinsurance 2000 + 1250.
    check("fund", (s["fund"], s["fund_fen"]) == ("19250.00", 1925000), json.dumps(s))
    check("patient", s["patient_fen"] == 575000, json.dumps(s))
    check("deductible", s["deductible_fen"] == 100000, json.dumps(s))
    check("coinsurance", s["coinsurance_fen"] == 325000, json.dumps(s))
    check("claim echoed", doc["claim"]["id"] == 42 and doc["claim"]["total_fen"] == 2500000, json.dumps(doc["claim"]))
    funds = [l for l in doc["lines"] if l["part"] == "fund"]
    check("two fund lines", [l["amount_fen"] for l in funds] == [800000, 1125000], json.dumps(funds))
    check("fund line cites", funds[0]["citation"].startswith("third-party: Testland rules")
          and funds[0]["file"] == TESTLAND and not funds[0]["assumed"] and funds[0]["third_party"],
          json.dumps(funds[0]))
    check("assumed line", funds[1]["assumed"] is True and funds[1]["third_party"] is False,
          json.dumps(funds[1]))
    paths = [a["path"] for a in doc["assumed"]]
    check("assumed values", "inpatient.ratio[0].segments[1].ratio" in paths, json.dumps(paths))
    third = [a["path"] for a in doc["third_party"] if a["third_party"] and a["source"] == "test-rules"]
    check("third-party values", "inpatient.ratio[0].segments[0].ratio" in third
          and "inpatient.ratio[0].segments[1].ratio" not in third, json.dumps(third))


def test_settle_stdin():
    # The same claim as a document: the same figures as with options.
    for name in ["examples/cli/claim.json", "examples/cli/claim.yaml"]:
        expect(name, ["settle", "--policy", TESTLAND, "--input", name], 0,
               out_has=[r"^Settlement of claim 42: inpatient care at a level-3 hospital on 2023-03-01$",
                        r"born 1980-05-01 \(age 42\)", figure("Basic fund", "19250.00"),
                        figure("Patient", "5750.00")])
    with open("examples/cli/claim.json") as f:
        text = f.read()
    expect("stdin", ["settle", "--policy", TESTLAND, "-i", "-"], 0, stdin=text,
           out_has=[figure("Basic fund", "19250.00")])
    # Options override the document: total 5000, self-paid 1000, category-B 500 -> in scope
    # 3500, deductible 1000, 2500 at 80% = fund 2000, patient 3000.
    expect("override", ["settle", "--policy", TESTLAND, "-i", "-", "--total", "5000"], 0, stdin=text,
           out_has=[figure("Basic fund", "2000.00"), figure("Patient", "3000.00")])
    expect("bad key", ["settle", "--policy", TESTLAND, "-i", "-"], 1,
           stdin='{"claim": {"kind": "inpatient", "colour": "red"}}',
           err_has=[r"<stdin>:1:\d+: unknown field 'colour'"])
    expect("bad value", ["settle", "--policy", TESTLAND, "-i", "-"], 1,
           stdin="claim:\n  kind: inpatient\n  total: 1,000\n",
           err_has=[r'<stdin>:3:10: total: "1,000" is not an amount: thousands separators are not allowed'])
    expect("malformed", ["settle", "--policy", TESTLAND, "-i", "-"], 1, stdin='{"claim": [',
           err_has=[r"<stdin>:\d+:\d+: "])


def test_settle_errors():
    expect("missing total", ["settle", "--kind", "inpatient", "--level", "l3"], 2,
           err_has=[r"needs --kind, --level and --total"])
    expect("bad amount", ["settle", *README_CLAIM[:4], "--total", "25,000"], 2,
           err_has=[r'--total: "25,000" is not an amount: thousands separators are not allowed'])
    expect("bad kind", ["settle", "--kind", "surgery", "--level", "l3", "--total", "1"], 2,
           err_has=[r'--kind: "surgery" is not a claim kind: write one of outpatient \(门诊\), '
                    r'pooling \(门诊统筹\), special_disease \(门特\), inpatient \(住院\), pharmacy \(药店\)$'])
    expect("bad date", ["settle", *README_CLAIM, "--date", "2023-02-30"], 2,
           err_has=[r"--date: invalid value '2023-02-30'"])
    # testland has no pharmacy section: the claim is refused (1), the policy is fine.
    expect("not covered", ["settle", "--policy", TESTLAND, "--kind", "pharmacy", "--level", "pharmacy",
                           "--total", "100"], 1, err_has=[r"MEDINS_ERR_NOT_COVERED"])
    expect("outside policy", ["settle", "--policy", TESTLAND, *README_CLAIM, "--date", "2024-01-02"], 3,
           err_has=[r"not in force on 2024-01-02"])
    expect("bad policy", ["settle", "--policy", "tests/cli/bad-policy.yaml", *README_CLAIM], 3,
           err_has=[r"tests/cli/bad-policy\.yaml:13:\d+: .*MEDINS_ERR_SYNTAX"])
    # A policy file that cannot be read is an I/O error: 5, as docs/medins.1 says.
    expect("missing policy", ["settle", "--policy", "tests/cli/nothing.yaml", *README_CLAIM], 5,
           err_has=[r"nothing\.yaml: .*\[MEDINS_ERR_IO\]"])
    expect("unknown region", ["settle", "--region", "atlantis", *README_CLAIM], 3,
           err_has=[r"no policy for region 'atlantis'"])
    expect("no policy on date", ["settle", *README_CLAIM, "--date", "1990-06-01"], 3,
           err_has=[r"MEDINS_ERR_NO_POLICY"])


# ---- batch -------------------------------------------------------------------------------

# examples/cli/claims.csv on the test policy (outpatient: deductible 500 a year, 50%, maximum
# 3000; inpatient as worked above):
#  1 P001 outpatient 800: deductible 500, 300 x 50% -> fund 150, patient 650
#  2 P002 inpatient 25000: the README claim -> fund 19250, patient 5750
#  3 P001 outpatient 400: deductible met -> fund 200, patient 200
#  4 P002 inpatient 5000, second admission: deductible 300, 4700 x 90% -> fund 4230, patient 770
#  5 P003 outpatient 10000: deductible 500, 9500 x 50% = 4750 above the maximum 3000:
#    fund 3000, coinsurance 4750, over the maximum 1750, patient 500 + 4750 + 1750 = 7000
CLAIMS_OUT = [
    HEADER,
    "1,P001,2023-02-10,ok,150.00,0.00,0.00,0.00,650.00,500.00,150.00,0.00,0.00,0.00,",
    "2,P002,2023-03-01,ok,19250.00,0.00,0.00,0.00,5750.00,1000.00,3250.00,0.00,0.00,0.00,",
    "3,P001,2023-04-20,ok,200.00,0.00,0.00,0.00,200.00,0.00,200.00,0.00,0.00,0.00,",
    "4,P002,2023-09-12,ok,4230.00,0.00,0.00,0.00,770.00,300.00,470.00,0.00,0.00,0.00,",
    "5,P003,2023-05-05,ok,3000.00,0.00,0.00,0.00,7000.00,500.00,4750.00,1750.00,0.00,0.00,",
]


def test_batch():
    out, err = expect("claims", ["batch", "--policy", TESTLAND, "examples/cli/claims.csv"], 0)
    check("claims rows", out.splitlines() == CLAIMS_OUT, out)
    # Summary: totals 800 + 25000 + 400 + 5000 + 10000 = 41200; fund 150 + 19250 + 200 + 4230 +
    # 3000 = 26830; patient 650 + 5750 + 200 + 770 + 7000 = 14370.
    for t in [r"5 claims in .*: 5 settled, 0 failed, 3 persons", r"total cost +41200\.00",
              r"basic fund +26830\.00", r"patient +14370\.00", r"above the maximum +1750\.00"]:
        check("summary", re.search(t, err) is not None, f"{t!r} not in:\n{err}")
    # Standard input, --output and --quiet give the same rows and no summary.
    with tempfile.TemporaryDirectory() as tmp:
        dest = os.path.join(tmp, "out.csv")
        with open("examples/cli/claims.csv") as f:
            text = f.read()
        code, out, err = run("batch", "-q", "--policy", TESTLAND, "-o", dest, "-", stdin=text)
        check("stdin exit", code == 0, err)
        check("quiet", err == "" and out == "", err + out)
        with open(dest) as f:
            check("output file", f.read().splitlines() == CLAIMS_OUT, "rows differ")
    # The shipped default: every row settles and each adds up (fund + layers + patient = total).
    out, _ = expect("default policy", ["batch", "-q", "examples/cli/claims.csv"], 0)
    rows = [r.split(",") for r in out.splitlines()[1:]]
    totals = {"1": 80000, "2": 2500000, "3": 40000, "4": 500000, "5": 1000000}
    for r in rows:
        fen = [round(float(x) * 100) for x in r[4:9]]
        check("default adds up " + r[0], r[3] == "ok" and sum(fen) == totals[r[0]], ",".join(r))
    # tests/data/settle/supplementary.yaml: the supplementary fund's column, so that each row's
    # parts add up to its total.
    #  P1, first admission at l3, 150000: deductible 1300; 148700 x 85% = 126395, of which the
    #    maximum leaves 100000 (fund; 26395 over it, coinsurance 22305). The fund reaches its
    #    maximum at 117647.06 of cost (the least whose 85% rounds to 100000.00); the rest,
    #    31052.94, at 80% (employee): supplementary 24842.35. Patient 150000 - 100000 -
    #    24842.35 = 25157.65, within the major-disease deductible (30000).
    #  P2, outpatient at l1, 8000: deductible 1800; 6200 x 50% = 3100, of which the fund pays
    #    up to the supplementary fund's start, 2000 (1100 over it, coinsurance 3100). 2000.00 is
    #    reached at 3999.99 of cost (1999.995 rounds up); the rest, 2200.01, at 60%: 1320.01.
    #    Patient 8000 - 2000 - 1320.01 = 4679.99.
    out, err = expect("supplementary fund", ["batch", "--policy", "tests/data/settle/supplementary.yaml", "-"],
                      0, stdin="claim_id,person_id,date,kind,level,total\n"
                               "1,P1,2023-03-01,inpatient,l3,150000\n2,P2,2023-03-01,outpatient,l1,8000\n")
    check("supplementary fund rows", out.splitlines() == [
        HEADER,
        "1,P1,2023-03-01,ok,100000.00,24842.35,0.00,0.00,25157.65,1300.00,22305.00,26395.00,0.00,0.00,",
        "2,P2,2023-03-01,ok,2000.00,1320.01,0.00,0.00,4679.99,1800.00,3100.00,1100.00,0.00,0.00,"], out)
    rows = [r.split(",") for r in out.splitlines()[1:]]
    check("supplementary fund adds up", [sum(round(float(x) * 100) for x in r[4:9]) for r in rows]
          == [15000000, 800000], out)
    check("supplementary fund summary", re.search(r"^ +supplementary fund +26162\.36$", err, re.M), err)
    expect("missing column", ["batch", "--policy", TESTLAND, "-"], 1, stdin="person_id,date\nP1,2023-01-01\n",
           err_has=[r"<stdin>:1: missing column 'kind'"])
    expect("unknown column", ["batch", "--policy", TESTLAND, "-"], 1,
           stdin="person_id,date,kind,level,total,colour\n", err_has=[r"<stdin>:1: unknown column 'colour'"])
    expect("empty", ["batch", "--policy", TESTLAND, "-"], 1, stdin="", err_has=[r"empty input"])
    expect("missing file", ["batch", "nothing.csv"], 5, err_has=[r"cannot open nothing\.csv"])


# examples/cli/bad.csv on the test policy:
#  line 2  claim 1 P1 outpatient 800: fund 150, patient 650
#  line 3  claim 2 total "12,50": refused, column 'total'
#  line 4  claim 3 date 2023-02-30: refused, column 'date'
#  line 5  claim 4 kind surgery: refused, column 'kind'
#  line 6  claim 5 P2 inpatient l2 5000 (P2's line 4 never settled, so a first admission):
#          deductible 1000, 4000 x 85% -> fund 3400, patient 1600
#  line 7  claim 6: 8 fields for a 7-column header
#  line 8  claim 7 P1 dated before P1's claim 1: MEDINS_ERR_ORDER from the library
#  line 9  claim 8 pharmacy: testland has no pharmacy section, MEDINS_ERR_NOT_COVERED
def test_batch_bad():
    out, err = expect("stops", ["batch", "--policy", TESTLAND, "examples/cli/bad.csv"], 1,
                      err_has=[r'examples/cli/bad\.csv:3: claim 2: column \'total\': "12,50" is not an amount: '
                               r'thousands separators are not allowed$'])
    check("rows before the bad one", out.splitlines() == [
        HEADER, "1,P1,2023-01-05,ok,150.00,0.00,0.00,0.00,650.00,500.00,150.00,0.00,0.00,0.00,"], out)
    check("only the first error", err.count("bad.csv:") == 1, err)
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "l.txt")
        run("batch", "--policy", TESTLAND, "examples/cli/bad.csv", "--save-ledgers", led)
        check("no ledgers after a stop", not os.path.exists(led), "ledgers were written")


def test_batch_keep_going():
    out, err = expect("keep going", ["batch", "-k", "--policy", TESTLAND, "examples/cli/bad.csv"], 4,
                      err_has=[r"bad\.csv:3: claim 2: column 'total'",
                               r"bad\.csv:4: claim 3: column 'date': '2023-02-30' is not a date",
                               r'bad\.csv:5: claim 4: column \'kind\': "surgery" is not a claim kind: write one of',
                               # 8 fields for 7 columns: no claim id to trust, labelled by its line
                               r"bad\.csv:7: expected 7 fields as in the header, found 8$",
                               # The library's own words, as for the claim alone
                               r"bad\.csv:8: claim 7: claim dated 20230101 is earlier than the ledger's "
                               r"last claim \(20230105\)$",
                               r"bad\.csv:9: claim 8: pharmacy claims are not covered by this policy$",
                               r"8 claims in .*: 2 settled, 6 failed"])
    rows = out.splitlines()
    check("all rows written", len(rows) == 9, out)
    check("settled rows", rows[1] == "1,P1,2023-01-05,ok,150.00,0.00,0.00,0.00,650.00,500.00,150.00,0.00,0.00,0.00,"
          and rows[5] == "5,P2,2023-03-02,ok,3400.00,0.00,0.00,0.00,1600.00,1000.00,600.00,0.00,0.00,0.00,", out)
    check("unsplit row", rows[6] == 'line 7,,,MEDINS_ERR_SYNTAX,,,,,,,,,,,"expected 7 fields as in the header, '
          'found 8"', rows[6])
    check("refused row", rows[2] == '2,P1,2023-01-06,MEDINS_ERR_SYNTAX,,,,,,,,,,,"column \'total\': ""12,50"" '
          'is not an amount: thousands separators are not allowed"', rows[2])
    statuses = [r.split(",")[3] for r in rows[1:]]
    check("statuses", statuses == ["ok", "MEDINS_ERR_SYNTAX", "MEDINS_ERR_DATE", "MEDINS_ERR_KIND", "ok",
                                   "MEDINS_ERR_SYNTAX", "MEDINS_ERR_ORDER", "MEDINS_ERR_NOT_COVERED"],
          ",".join(statuses))


def test_batch_ledgers():
    # After claims.csv, P001 has met the 500 deductible. Another outpatient claim of 600:
    # with the saved ledgers 600 x 50% -> fund 300, patient 300;
    # from scratch: deductible 500, 100 x 50% -> fund 50, patient 550.
    more = "person_id,date,kind,level,total\nP001,2023-06-01,outpatient,l1,600\n"
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "ledgers.txt")
        expect("save", ["batch", "-q", "--policy", TESTLAND, "examples/cli/claims.csv",
                        "--save-ledgers", led], 0)
        with open(led) as f:
            text = f.read()
        check("three persons saved", [l for l in text.splitlines() if l.startswith("[")]
              == ["[P001]", "[P002]", "[P003]"], text)
        out, _ = expect("carried", ["batch", "-q", "--policy", TESTLAND, "--ledgers", led, "-"], 0,
                        stdin=more)
        check("carried row", out.splitlines()[1] == "2,P001,2023-06-01,ok,300.00,0.00,0.00,0.00,300.00,0.00,300.00,0.00,0.00,0.00,",
              out)
        out, _ = expect("fresh", ["batch", "-q", "--policy", TESTLAND, "-"], 0, stdin=more)
        check("fresh row", out.splitlines()[1] == "2,P001,2023-06-01,ok,50.00,0.00,0.00,0.00,550.00,500.00,50.00,0.00,0.00,0.00,",
              out)
        # The bad key is on the third line appended: the file's lines + 3, column 1.
        with open(led, "a") as f:
            f.write("[P009]\nmedins-ledger 1\nnonsense=1\n")
        line = len(text.splitlines()) + 3
        expect("bad ledgers", ["batch", "-q", "--policy", TESTLAND, "--ledgers", led, "-"], 1, stdin=more,
               err_has=[rf"ledgers\.txt:{line}:1: person 'P009': unknown ledger key \"nonsense\" "
                        r"\[MEDINS_ERR_LEDGER\]"])


def test_csv_quoting():
    # Quoted headers and fields, CRLF line ends, a blank line, a quoted id with a comma (written
    # back quoted), and 400.50 yuan: 400.50 x 50% after the deductible met...
    #   line 2: P1 outpatient 800 -> fund 150, patient 650 (deductible 500)
    #   line 4: P1 outpatient 400.50 -> fund 200.25, patient 200.25
    text = ('"claim_id","person_id","date","kind","level","total"\r\n'
            '"1","P1","2023-01-05","outpatient","l1","800"\r\n'
            '\r\n'
            '"a,""b""",P1,20230106,outpatient,l1,"400.50"\r\n')
    out, _ = expect("quoted", ["batch", "-q", "--policy", TESTLAND, "-"], 0, stdin=text)
    check("quoted rows", out.splitlines() == [
        HEADER,
        "1,P1,2023-01-05,ok,150.00,0.00,0.00,0.00,650.00,500.00,150.00,0.00,0.00,0.00,",
        '"a,""b""",P1,20230106,ok,200.25,0.00,0.00,0.00,200.25,0.00,200.25,0.00,0.00,0.00,'], out)
    # A field with a line break inside quotes counts its lines: the bad total is on line 4.
    text = ('claim_id,person_id,date,kind,level,total\n'
            '"1\n2",P1,2023-01-05,outpatient,l1,800\n'
            '3,P1,2023-01-06,outpatient,l1,x\n')
    expect("multiline", ["batch", "-q", "--policy", TESTLAND, "-"], 1, stdin=text,
           err_has=[r'<stdin>:4: claim 3: column \'total\': "x" is not an amount'])
    expect("open quote", ["batch", "-q", "--policy", TESTLAND, "-"], 1,
           stdin='claim_id,person_id,date,kind,level,total\n1,P1,2023-01-05,outpatient,l1,"800\n',
           err_has=[r"<stdin>:2: a quoted field is not closed"])  # no claim_id read: only the line
    expect("bare quote", ["batch", "-q", "--policy", TESTLAND, "-"], 1,
           stdin='claim_id,person_id,date,kind,level,total\n1,P"1,2023-01-05,outpatient,l1,800\n',
           err_has=[r"<stdin>:2: field 2: a quote inside an unquoted field"])
    expect("after quote", ["batch", "-q", "--policy", TESTLAND, "-"], 1,
           stdin='claim_id,person_id,date,kind,level,total\n1,"P1"x,2023-01-05,outpatient,l1,800\n',
           err_has=[r"<stdin>:2: field 2: unexpected character after a closing quote"])


# ---- policy ------------------------------------------------------------------------------

def test_policy_check():
    out, err = expect("mixed", ["policy", "check", TESTLAND, "tests/cli/bad-policy.yaml", "tests/cli/policies"], 3,
                      out_has=[r"^tests/cli/policies/testland\.yaml: ok: .*27 values \(25 third-party, 2 assumed\), 1 sources$",
                               r"^tests/cli/policies: ok: 1 policies$"],
                      err_has=[r"^medins policy: tests/cli/bad-policy\.yaml:13:\d+: .*\[MEDINS_ERR_SYNTAX\]$"])
    expect("good", ["policy", "check", TESTLAND], 0)
    expect("no file", ["policy", "check"], 2, err_has=[r"wrong number of arguments"])
    # Every error of a file, each at its line and column, in the order of the text (the five of
    # check_policy's every_error_of_a_file), then how many.
    five = "tests/data/loader/five-errors.yaml"
    _, err = expect("five errors", ["policy", "check", five], 3, err_has=[
        rf"^medins policy: {five}:13:18: outpatient\.deductible\[0\]: unknown key \"000\": thousands separators "
        r"are not allowed .*\[MEDINS_ERR_UNKNOWN_KEY\]$",
        rf"^medins policy: {five}:15:20: outpatient\.ratio\[0\]: unknown key \"levle\": did you mean \"level\"\? ",
        rf"^medins policy: {five}:16:3: outpatient: unknown key \"cpa\": did you mean \"cap\"\? "
        r"\[MEDINS_ERR_UNKNOWN_KEY\]$",
        rf"^medins policy: {five}:24:15: inpatient\.ratio\[0\]: level: unknown word \"l4\" .*\[MEDINS_ERR_TYPE\]$",
        rf"^medins policy: {five}:25:15: inpatient\.ratio\[1\]: ratio: \"120%\" is outside the allowed range "
        r"\[MEDINS_ERR_RANGE\]$",
        rf"^medins policy: {five}: 5 errors$"])
    check("five errors, five lines", len(re.findall(re.escape(five) + r":\d+:\d+: ", err)) == 5, err)
    _, err = expect("limit", ["policy", "check", "--max-errors", "2", five], 3,
                    err_has=[rf"^medins policy: {five}: 2 errors, and there may be more: the first 2 are shown "
                             r"\(--max-errors\)$"])
    check("limit, two lines", len(re.findall(re.escape(five) + r":\d+:\d+: ", err)) == 2, err)
    expect("limit, not a number", ["policy", "check", "--max-errors", "0", five], 2,
           err_has=[r"--max-errors: '0' is not a whole number from 1 to 100000"])
    # A folder's files are all read: tests/data/loader/set holds the good testland years.
    expect("files and a folder", ["policy", "check", five, "tests/data/loader/set"], 3,
           out_has=[r"^tests/data/loader/set: ok: 3 policies$"], err_has=[rf"^medins policy: {five}: 5 errors$"])


def test_policy_ids():
    # One name for a policy: `check` prints the id --policy, diff and coverage accept. The
    # shipped reform is reforms/tianjin-2023-l3-plus5 alone and in the set.
    reform = "policies/reforms/tianjin-2023-l3-plus5.yaml"
    expect("check prints the id", ["policy", "check", reform], 0,
           out_has=[r"^policies/reforms/tianjin-2023-l3-plus5\.yaml: ok: reforms/tianjin-2023-l3-plus5, "])
    claim = ["--kind", "inpatient", "--level", "l3", "--total", "25000", "--date", "2023-06-01", "--json"]
    out, _ = expect("--policy id", ["settle", "--policy", "reforms/tianjin-2023-l3-plus5", *claim], 0)
    by_id = json.loads(out)
    out, _ = expect("--policy file", ["settle", "--policy", reform, *claim], 0)
    by_file = json.loads(out)
    out, _ = expect("--policy year id", ["settle", "--policy", "tianjin/2023", *claim], 0)
    year = json.loads(out)
    check("same policy by id and file", by_id["policy"]["id"] == by_file["policy"]["id"]
          == "reforms/tianjin-2023-l3-plus5" and by_id["settlement"] == by_file["settlement"], out)
    # The reform raises the level-3 ratio five points: the fund pays more than the year does.
    check("the reform's ratio", by_id["settlement"]["fund_fen"] > year["settlement"]["fund_fen"],
          f'{by_id["settlement"]["fund_fen"]} vs {year["settlement"]["fund_fen"]}')
    expect("--policy id in --policies", ["settle", "--policies", "tests/cli/policies", "--policy", "testland",
                                         *README_CLAIM, "--date", "2023-03-01"], 0,
           out_has=[figure("Basic fund", "19250.00"), r"^  policy: testland "])
    expect("coverage by id", ["policy", "coverage", "reforms/tianjin-2023-l3-plus5"], 0,
           out_has=[r"^reforms/tianjin-2023-l3-plus5: \d+ values"])
    expect("no such id", ["settle", "--policy", "tianjin/2099", *README_CLAIM], 3,
           err_has=[r"no policy with id 'tianjin/2099' and no such file \(the ids: .*tianjin/2023"])
    expect("no such file", ["settle", "--policy", "./nothing", *README_CLAIM], 5, err_has=[r"MEDINS_ERR_IO"])


def test_policy_show():
    expect("testland", ["policy", "show", "--policies", "tests/cli/policies", "testland", "2023-06-01"], 0,
           out_has=[r"^testland .* Testland test policy, 2023$",
                    r"in force from 2023-01-01 to 2023-12-31",
                    r"^  sections: contributions outpatient inpatient maternity capitation$",
                    r"^  \[test-rules\] Testland rules for the command-line tests",
                    r"^Values \(27\)$",
                    r"^  outpatient\.deductible\[0\]\.amount = 500$",
                    r"^      third-party test-rules: section 1  tests/cli/policies/testland\.yaml:17:\d+$",
                    r"^      assumed: the upper segment is a test of assumed values  tests/cli/policies/testland\.yaml:32:"])
    expect("tianjin", ["policy", "show", "tianjin", "2023-06-01"], 0,
           out_has=[r"^tianjin/2023 ", r"^Sources \(\d+\)$", r"^Values \(\d+\)$"])
    expect("nothing in force", ["policy", "show", "tianjin", "1990-01-01"], 3, err_has=[r"MEDINS_ERR_NO_POLICY"])
    expect("bad date", ["policy", "show", "tianjin", "soon"], 2)


def test_policy_diff():
    # testland-variant.yaml changes the outpatient maximum 3000 -> 4000 (citing section 3) and
    # the later-admission deductible 300 -> 200.
    expect("variant", ["policy", "diff", TESTLAND, "tests/cli/testland-variant.yaml"], 0,
           out_has=[r"^~ outpatient\.cap\[0\]\.amount: 3000 -> 4000$",
                    r"^    - third-party test-rules: section 1  tests/cli/policies/testland\.yaml:21:\d+$",
                    r"^    \+ third-party test-rules: section 3  tests/cli/testland-variant\.yaml:21:\d+$",
                    r"^~ inpatient\.deductible\[1\]\.amount: 300 -> 200$",
                    r"^2 changed, 0 only in .*, 0 only in "])
    expect("same", ["policy", "diff", TESTLAND, TESTLAND], 0, out_has=[r"^0 changed, 0 only in"])
    # Rows are paired by id, or by their selectors, not by position: diff-after.yaml lists the
    # residents' deductible (500 -> 400) first and puts two employees' delivery rows by type
    # before the flat ones. Paired by position, the residents' 2,280 would be compared with the
    # employees' assisted delivery (3,100) and the employees' 800 with the residents' 400.
    expect("rows by id and selectors", ["policy", "diff", "tests/cli/diff-before.yaml",
                                        "tests/cli/diff-after.yaml"], 0,
           out_has=[r"^~ outpatient\.deductible\[id=resident\]\.amount: 500 -> 400$",
                    r"^\+ maternity\.delivery\[scheme=employee,delivery=natural\]\.amount = 3000$",
                    r"^\+ maternity\.delivery\[scheme=employee,delivery=assisted\]\.amount = 3100$",
                    r"^1 changed, 0 only in diffland/diff-before, 2 only in diffland/diff-after$"],
           out_lacks=[r"-> 3100", r"employee\]\.amount", r"^- "])
    expect("ids", ["policy", "diff", "tianjin/2022", "tianjin/2023"], 0, out_has=[r"^--- tianjin/2022$",
                                                                               r"^\+\+\+ tianjin/2023$"])
    expect("unknown", ["policy", "diff", "tianjin/1066", TESTLAND], 3, err_has=[r"no policy with id 'tianjin/1066'"])


def test_policy_coverage():
    # testland: 27 values (benefits 12, contributions 8, maternity 4, capitation 3), of which
    # the upper inpatient segment's `from` and `ratio` are assumed; the others cite its one
    # source, of kind third-party.
    expect("testland", ["policy", "coverage", TESTLAND], 0,
           out_has=[r": 27 values, 0 official, 25 third-party, 2 assumed$",
                    r"^  third-party:$",
                    r"^  outpatient\.deductible\[0\]\.amount = 500  tests/cli/policies/testland\.yaml:17:\d+$",
                    r"^      test-rules: section 1$",
                    r"^  inpatient\.ratio\[0\]\.segments\[1\]\.ratio = 90%  tests/cli/policies/testland\.yaml:32:\d+$",
                    r"^      the upper segment is a test of assumed values$"])
    out, _ = expect("shipped", ["policy", "coverage"], 0, out_has=[r"^tianjin/2023: \d+ values, \d+ official, \d+ third-party, \d+ assumed$"])


# ---- contribution, account, maternity, capitation ----------------------------------------

def test_compute():
    # Resident, high tier: individual 300 + subsidy 500 = 800 (testland, section 4).
    expect("resident", ["contribution", "--policy", TESTLAND, "--scheme", "resident", "--tier", "high"], 0,
           out_has=[figure("Yearly, individual", "300.00"), figure("Yearly, government", "500.00"),
                    figure("Yearly total", "800.00"), r"^  \* date = 2023-01-01"])
    # Employee, wage 20000 clamped to the ceiling 15000: employer 10% = 1500 and individual
    # 2% = 300 a month; a year: 18000 + 3600 = 21600.
    out, _ = expect("employee", ["contribution", "--policy", TESTLAND, "--wage", "20000", "--json",
                                 "--date", "2023-06-01"], 0)
    f = json.loads(out)["figures"]
    check("employee figures", (f["wage_base_fen"], f["monthly_employer_fen"], f["monthly_individual_fen"],
                               f["employer_fen"], f["individual_fen"], f["total_fen"])
          == (1500000, 150000, 30000, 1800000, 360000, 2160000), json.dumps(f))
    expect("employee needs wage", ["contribution", "--policy", TESTLAND], 2, err_has=[r"needs --wage"])
    # Delivery 2000; prenatal costs 500 at 10 weeks, limit 300 (weeks_max 12): 300; total 2300.
    expect("maternity", ["maternity", "--policy", TESTLAND, "--weeks", "10", "--prenatal", "500"], 0,
           out_has=[figure("Delivery", "2000.00"), figure("Prenatal care (limit)", "300.00"),
                    figure("Prenatal care paid", "300.00"), figure("The fund pays", "2300.00")])
    expect("maternity weeks", ["maternity", "--weeks", "60"], 2, err_has=[r"--weeks: '60'"])
    # January 2023 (31 days) at 310 a month: patient 1 all month 310, patient 2 from the 16th,
    # 16 days: 310 x 16 / 31 = 160; budget 470. Costs 400: surplus 70, half kept = 35;
    # payment 400 + 35 = 435.
    capitation = ["capitation", "--policy", TESTLAND, "--disease", "diabetes", "--level", "l1",
                  "--from", "2023-01-01", "--to", "2023-01-31", "--actual-costs", "400"]
    expect("capitation", [*capitation, "--enrolment", "1:2023-01-01", "--enrolment", "2:2023-01-16:2023-01-31"], 0,
           out_has=[figure("Budget", "470.00"), figure("Surplus kept", "35.00"), figure("The fund pays", "435.00"),
                    r"^  Patient-days +47$"])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "enrolments.csv")
        with open(path, "w") as fh:
            fh.write("patient,from,to\n1,2023-01-01,\n2,2023-01-16,2023-01-31\n")
        expect("capitation file", [*capitation, "--enrolments", path], 0, out_has=[figure("The fund pays", "435.00")])
    expect("capitation usage", ["capitation", "--disease", "diabetes"], 2, err_has=[r"needs --disease, --level"])
    # The shipped policy has the employees' account section.
    out, _ = expect("account", ["account", "--wage", "8000", "--date", "2023-06-01", "--json"], 0)
    check("account json", "monthly_credit_fen" in json.loads(out)["figures"], out)


# ---- words and amounts as people type them --------------------------------------------------

def test_words():
    # The README claim with the Chinese names and other cases: the same figures (worked above).
    expect("chinese words", ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--kind", "住院",
                             "--level", "三级", "--total", "25000", "--self-paid", "1000", "--category-b",
                             "500", "--scheme", "职工", "--category", "在职"], 0,
           out_has=[figure("Basic fund", "19250.00"), figure("Patient", "5750.00")])
    expect("upper case", ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--kind", "INPATIENT",
                          "--level", "L3", "--total", "25000", "--self-paid", "1000", "--category-b", "500"], 0,
           out_has=[figure("Basic fund", "19250.00")])
    # A document and a batch read the same words. The outpatient claim of claims.csv (fund 150,
    # worked above), and 25000 inpatient at level 3 with nothing self-paid: deductible 1000,
    # 10000 at 80% = 8000 and 14000 at 90% = 12600, fund 20600.
    expect("document", ["settle", "--policy", TESTLAND, "-i", "-"], 0,
           stdin='{"person": {"scheme": "职工"}, "claim": {"date": "2023-03-01", "kind": "门诊", '
                 '"level": "一级", "total": "800"}}',
           out_has=[figure("Basic fund", "150.00")])
    out, _ = expect("batch", ["batch", "-q", "--policy", TESTLAND, "-"], 0,
                    stdin="person_id,date,kind,level,total,category\n"
                          "P1,2023-02-10,门诊,一级,800,在职\nP2,2023-03-01,Inpatient,三级,25000,\n")
    check("batch rows", [r.split(",")[4] for r in out.splitlines()[1:]] == ["150.00", "20600.00"], out)
    # Resident at the high tier: 300 + 500 = 800 (test_compute).
    expect("contribution", ["contribution", "--policy", TESTLAND, "--scheme", "居民", "--tier", "高档"], 0,
           out_has=[figure("Yearly total", "800.00")])
    expect("capitation", ["capitation", "--policy", TESTLAND, "--disease", "糖尿病", "--level", "一级",
                          "--from", "2023-01-01", "--to", "2023-01-31", "--actual-costs", "400",
                          "--enrolment", "1:2023-01-01", "--enrolment", "2:2023-01-16:2023-01-31"], 0,
           out_has=[figure("The fund pays", "435.00")])
    # An invalid word lists the valid ones, with their Chinese names, wherever it is typed.
    levels = (r'"L4" is not a hospital level: write one of primary \(基层\), l1 \(一级\), l2 \(二级\), '
              r'l3 \(三级\), pharmacy \(药店\)$')
    expect("bad level, capitation", ["capitation", "--level", "L4"], 2, err_has=[r"--level: " + levels])
    expect("bad level, settle", ["settle", "--level", "L4", "--kind", "住院", "--total", "1"], 2,
           err_has=[r"--level: " + levels])
    expect("bad level, batch", ["batch", "-q", "--policy", TESTLAND, "-"], 1,
           stdin="person_id,date,kind,level,total\nP1,2023-02-10,门诊,L4,800\n",
           err_has=[r"<stdin>:2: claim 2: column 'level': " + levels])
    # The column counts characters, as libyaml does: "L4" is the 35th (住院 are two).
    expect("bad level, document", ["settle", "--policy", TESTLAND, "-i", "-"], 1,
           stdin='{"claim": {"kind": "住院", "level": "L4", "total": "1"}}',
           err_has=[r"<stdin>:1:35: level: " + levels[:-1] + r" \[MEDINS_ERR_SYNTAX\]$"])
    expect("bad delivery", ["maternity", "--delivery", "vaginal"], 2,
           err_has=[r'--delivery: "vaginal" is not a delivery type: write one of natural \(顺产\)'])
    expect("bad group", ["settle", "--groups", "dibao|poor", "--kind", "住院", "--level", "l3", "--total", "1"],
           2, err_has=[r'--groups: "poor" is not a group: write one of dibao \(低保\)'])
    # Thousands separators get the library's words wherever an amount is typed.
    grouped = r'"8,000" is not an amount: thousands separators are not allowed$'
    expect("grouped wage", ["contribution", "--wage", "8,000"], 2, err_has=[r"--wage: " + grouped])
    expect("grouped costs", ["capitation", "--actual-costs", "8,000"], 2, err_has=[r"--actual-costs: " + grouped])
    expect("grouped self-paid", ["batch", "-q", "--policy", TESTLAND, "-"], 1,
           stdin='person_id,date,kind,level,total,self_paid\nP1,2023-02-10,门诊,l1,800,"8,000"\n',
           err_has=[r"column 'self_paid': " + grouped])


# ---- readable output -------------------------------------------------------------------------

def test_readable():
    # Employee, wage 20000 clamped to 15000 (test_compute): the employer's 10% is 1500 a month.
    # A line no one bears in particular shows its share alone: no ", " before it, no spaces after.
    expect("contribution line", ["contribution", "--policy", TESTLAND, "--wage", "20000"], 0,
           out_has=[r"^  Contribution +1500\.00  10% of 15000\.00$", r"^  Contribution +300\.00  2% of 15000\.00$"],
           out_lacks=[r" +$", r"[0-9]  , "])
    # Dates in explanations are written as dates: patient 2 of test_compute's capitation.
    capitation = ["capitation", "--policy", TESTLAND, "--disease", "diabetes", "--level", "l1", "--from",
                  "2023-01-01", "--to", "2023-01-31", "--actual-costs", "400", "--enrolment", "1:2023-01-01",
                  "--enrolment", "2:2023-01-16:2023-01-31"]
    expect("capitation dates", capitation, 0,
           out_has=[r"^      Patient 1, enrolled 2023-01-01, still enrolled: 31 days, 310\.00 yuan$",
                    r"^      Patient 2, enrolled 2023-01-16 to 2023-01-31: 16 days, 160\.00 yuan$"],
           out_lacks=[r"enrolled 2023011", r" +$"])
    # A figure for reference with a share: the share in its column. The shipped rate is 150 a
    # month, one patient all January: budget 150; an assessment of 95% pays 142.50.
    expect("for reference with a share",
           ["capitation", "--disease", "diabetes", "--level", "l1", "--from", "2023-01-01", "--to", "2023-01-31",
            "--enrolment", "1:2023-01-01", "--actual-costs", "100", "--assessment", "95%"], 0,
           out_has=[r"^  \(for reference\) +142\.50  95% of 150\.00$"], out_lacks=[r"142\.50, "])
    # The man page shows the claim document's quotes (they were taken as argument delimiters).
    import subprocess
    man = subprocess.run(["groff", "-man", "-Tutf8", "-P-cbou", "docs/medins.1"], capture_output=True,
                         env=dict(os.environ, LC_ALL="C.UTF-8")).stdout.decode("utf-8", "replace")
    text = " ".join(man.split())
    check("man page quotes", '{"person": {...}, "claim": {...}}' in text and '("fund_fen": 1925000)' in text,
          text[text.find("form"):text.find("form") + 120])


# ---- progress ------------------------------------------------------------------------------

def run_on_terminal(*args):
    """Run medins with standard error on a pseudo-terminal, standard output to a file; returns the
    exit status, standard output and what the terminal received."""
    import pty
    import subprocess
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen([harness.MEDINS, *args], stdout=out, stderr=slave, env=dict(os.environ, NO_COLOR="1"))
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:   # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
        rc = p.wait(timeout=120)
        os.close(master)
        out.seek(0)
        return rc, out.read().decode(), seen.decode("utf-8", "replace")


def test_progress():
    bar = r"\r\[[#.]{30}\] +\d+%  "
    with tempfile.TemporaryDirectory() as tmp:
        # 300,000 claims and 300,000 enrolments: progress is drawn every 65,536 rows.
        claims = os.path.join(tmp, "claims.csv")
        with open(claims, "w") as f:
            f.write("person_id,date,kind,level,total\n")
            f.writelines(f"P{i % 1000},2023-{1 + i // 30000:02d}-01,outpatient,l1,100\n" for i in range(300000))
        rc, out, tty = run_on_terminal("batch", "--policy", TESTLAND, claims)
        check("batch settles", rc == 0 and len(out.splitlines()) == 300001, f"{rc} {len(out.splitlines())}")
        check("batch progress", re.search(bar + r"\d+ claims  [0-9.]+ M/s  \d+:\d\d left", tty) is not None, tty[:300])
        check("batch progress cleared before the summary", "\r\x1b[K" in tty and "claims in" in tty, tty[-300:])
        check("no progress on standard output", "\r" not in out and "left" not in out, out[:100])
        enrolments = os.path.join(tmp, "e.csv")
        with open(enrolments, "w") as f:
            f.write("patient,from,to\n")
            f.writelines(f"{i},2023-01-01,\n" for i in range(300000))
        rc, out, tty = run_on_terminal("capitation", "--policy", TESTLAND, "--disease", "diabetes", "--level", "l1",
                                       "--from", "2023-01-01", "--to", "2023-01-31", "--enrolments", enrolments)
        # 300,000 patients all January at 310: 93,000,000.
        check("capitation computes", rc == 0 and re.search(figure("Budget", "93000000.00"), out, re.M) is not None,
              out[-400:])
        check("capitation progress", re.search(bar + r"\d+ enrolments  \d+:\d\d left", tty) is not None, tty[:300])
    rc, out, tty = run_on_terminal("policy", "check", "policies", TESTLAND)
    check("check progress", rc == 0 and re.search(bar + r"policies", tty) is not None and "\r\x1b[K" in tty, tty)
    # Quiet, or not a terminal (every other test): nothing but the result.
    rc, out, tty = run_on_terminal("batch", "-q", "--policy", TESTLAND, "examples/cli/claims.csv")
    check("quiet batch", rc == 0 and tty == "", repr(tty))


# ---- bash completion ---------------------------------------------------------------------------

def test_completion():
    import subprocess

    def complete(*words):
        """What cli/medins.bash offers for the last word of `medins WORDS...`."""
        script = ('source cli/medins.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _medins; '
                  'printf "%s\\n" "${COMPREPLY[@]}"')
        p = subprocess.run(["bash", "-c", script, "bash", harness.MEDINS, *words], capture_output=True, text=True)
        return sorted(w for w in p.stdout.splitlines() if w)

    def offers(name, got, want):
        check("completion " + name, got == sorted(want), f"{got}, expected {sorted(want)}")

    offers("commands", complete("pol"), ["policy"])
    offers("policy subcommands", complete("policy", "c"), ["check", "coverage"])
    offers("options from --help", complete("settle", "--le"), ["--ledger", "--level"])
    offers("json option", complete("policy", "check", "--js"), ["--json"])
    offers("level words", complete("settle", "--level", "l"), ["l1", "l2", "l3"])
    offers("disease words", complete("capitation", "--disease", "d"), ["diabetes", "dialysis"])
    offers("policy ids", complete("settle", "--policy", "reforms/"), ["reforms/tianjin-2023-l3-plus5"])
    offers("policy ids of a folder", complete("batch", "--policies", "tests/cli/policies", "--policy", "test"),
           ["testland"])
    offers("ids for diff", complete("policy", "diff", "tianjin/201"),
           ["tianjin/2015", "tianjin/2016", "tianjin/2017", "tianjin/2018"])
    offers("regions for show", complete("policy", "show", "t"), ["tianjin"])
    offers("files", complete("batch", "examples/cli/cl"), ["examples/cli/claim.json", "examples/cli/claim.yaml",
                                                            "examples/cli/claims.csv"])


GROUPS = {
    "compute": test_compute,
    "usage": test_usage, "settle": test_settle, "settle-json": test_settle_json,
    "settle-stdin": test_settle_stdin, "settle-errors": test_settle_errors, "batch": test_batch,
    "batch-bad": test_batch_bad, "batch-keep-going": test_batch_keep_going,
    "batch-ledgers": test_batch_ledgers, "csv-quoting": test_csv_quoting,
    "policy-check": test_policy_check, "policy-show": test_policy_show,
    "policy-diff": test_policy_diff, "policy-coverage": test_policy_coverage, "words": test_words,
    "readable": test_readable, "policy-ids": test_policy_ids,
    "progress": test_progress, "completion": test_completion,
}

GROUPS.update(bad_input.GROUPS)
GROUPS.update(json_output.GROUPS)
GROUPS.update(years.GROUPS)
GROUPS.update(regions.GROUPS)
GROUPS.update(lang.GROUPS)
GROUPS.update(refund.GROUPS)
GROUPS.update(bills.GROUPS)

if __name__ == "__main__":
    GROUPS[GROUP]()
    print(f"{counts['passed']} passed, {counts['failed']} failed")
    sys.exit(1 if counts["failed"] or not counts["passed"] else 0)
