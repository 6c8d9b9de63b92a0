"""Every command's --json output, on good and bad input, against its schema in docs/schemas/.

With --json a command writes one JSON document: the result on standard output, or an error (and
batch's summary) on standard error; the other stream holds nothing (batch's results stay CSV on
standard output). Each document is validated with Debian's python3-jsonschema, and the figures,
codes and positions that matter are checked as well.
"""
import json
import os
import pathlib
import tempfile

import jsonschema

from harness import TESTLAND, check, run

SCHEMAS = pathlib.Path("docs/schemas").resolve()


def validator(name):
    with open(SCHEMAS / f"{name}.schema.json") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    resolver = jsonschema.RefResolver(base_uri=SCHEMAS.as_uri() + "/", referrer=schema)
    return jsonschema.Draft7Validator(schema, resolver=resolver)


def document(name, text, schema):
    """The one JSON document in text, valid against the schema; None (a failure counted) if not."""
    try:
        doc = json.loads(text)
    except ValueError as e:
        check(name + " is JSON", False, f"{e}: {text!r}")
        return None
    errors = sorted(validator(schema).iter_errors(doc), key=str)
    check(name + " matches " + schema, not errors,
          "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]))
    return doc


def expect_json(name, args, rc, schema, stdin=None):
    """Run with --json: exit status rc, the result on stdout (schema), nothing on stderr."""
    code, out, err = run(*args, "--json", stdin=stdin)
    check(name + " exit status", code == rc, f"expected {rc}, got {code}\n{out}\n{err}")
    check(name + " stderr empty", err == "", err)
    return document(name, out, schema)


def expect_error(name, args, rc, code_name, stdin=None, **where):
    """Run with --json: exit status rc, nothing on stdout, {"error": ...} on stderr with that code
    and, for each of file, line, column and row given, that value."""
    code, out, err = run(*args, "--json", stdin=stdin)
    check(name + " exit status", code == rc, f"expected {rc}, got {code}\n{out}\n{err}")
    check(name + " stdout empty", out == "", out)
    doc = document(name, err, "error")
    if doc:
        e = doc["error"]
        check(name + " code", e["code"] == code_name, json.dumps(e))
        for k, v in where.items():
            check(name + " " + k, e[k] == v, f"{k}: {e[k]!r}, expected {v!r}")
    return doc


# ---- settle and the computations -------------------------------------------------------------

def test_json_results():
    # The README claim on the test policy (run.py works it: fund 19250, patient 5750).
    doc = expect_json("settle", ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--kind", "inpatient",
                                 "--level", "l3", "--total", "25000", "--self-paid", "1000", "--category-b", "500"],
                      0, "settle")
    if doc:
        check("settle figures", (doc["settlement"]["fund_fen"], doc["settlement"]["patient_fen"])
              == (1925000, 575000), json.dumps(doc["settlement"]))
    expect_error("settle, bad word", ["settle", "--kind", "住院", "--level", "L4", "--total", "1"], 2,
                 "MEDINS_ERR_ARGUMENT", file=None, line=None)
    # A claim document: its error at its line and column (the total on line 3, column 10).
    expect_error("settle, bad document", ["settle", "--policy", TESTLAND, "-i", "-"], 1, "MEDINS_ERR_SYNTAX",
                 stdin="claim:\n  kind: inpatient\n  total: 1,000\n", file="<stdin>", line=3, column=10)
    expect_error("settle, bad policy", ["settle", "--policy", "tests/cli/bad-policy.yaml", "--kind", "inpatient",
                                        "--level", "l3", "--total", "1"], 3, "MEDINS_ERR_SYNTAX",
                 file="tests/cli/bad-policy.yaml", line=13)
    expect_error("settle, not covered", ["settle", "--policy", TESTLAND, "--kind", "pharmacy", "--level", "pharmacy",
                                         "--total", "100"], 1, "MEDINS_ERR_NOT_COVERED")

    # Resident, high tier: 300 + 500 = 800 (run.py, test_compute).
    doc = expect_json("contribution", ["contribution", "--policy", TESTLAND, "--scheme", "居民", "--tier", "high"],
                      0, "contribution")
    if doc:
        check("contribution total", doc["figures"]["total_fen"] == 80000 and doc["date"] == "2023-01-01",
              json.dumps(doc["figures"]))
    expect_error("contribution, grouped wage", ["contribution", "--wage", "8,000"], 2, "MEDINS_ERR_ARGUMENT")
    doc = expect_json("account", ["account", "--wage", "8000", "--date", "2023-06-01"], 0, "account")
    expect_error("account, no policy folder", ["account", "--policies", "/nonexistent", "--wage", "8000"], 5,
                 "MEDINS_ERR_IO", file="/nonexistent")
    # Delivery 2000 + prenatal 300 (run.py).
    doc = expect_json("maternity", ["maternity", "--policy", TESTLAND, "--weeks", "10", "--prenatal", "500"],
                      0, "maternity")
    if doc:
        check("maternity total", doc["figures"]["total_fen"] == 230000, json.dumps(doc["figures"]))
    expect_error("maternity, bad weeks", ["maternity", "--weeks", "60"], 2, "MEDINS_ERR_ARGUMENT")
    # January at 310 a month, 31 + 16 patient-days: 470, costs 400, half the surplus kept: 435.
    capitation = ["capitation", "--policy", TESTLAND, "--disease", "diabetes", "--level", "一级", "--from",
                  "2023-01-01", "--to", "2023-01-31", "--actual-costs", "400"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "e.csv")
        with open(path, "w") as f:
            f.write("patient,from,to\n1,2023-01-01,\n2,2023-01-16,2023-01-31\n")
        doc = expect_json("capitation", [*capitation, "--enrolments", path], 0, "capitation")
        if doc:
            check("capitation payment", doc["figures"]["payment_fen"] == 43500, json.dumps(doc["figures"]))
        # The third line is the second data row.
        with open(path, "w") as f:
            f.write("patient,from,to\n1,2023-01-01,\n7x,2023-01-16,\n")
        expect_error("capitation, bad enrolment", [*capitation, "--enrolments", path], 1, "MEDINS_ERR_SYNTAX",
                     file=path, line=3, row=2)
    # Overlapping enrolments: the library refuses the computation.
    expect_error("capitation, overlap", [*capitation, "--enrolment", "1:2023-01-01", "--enrolment",
                                         "1:2023-01-10:2023-01-20"], 1, "MEDINS_ERR_ENROLMENT")


# ---- refund ----------------------------------------------------------------------------------

def test_json_refund():
    # tests/data/settle/supplementary.yaml, an employee in service, the first admission at l3
    # of 150000 (tests/check_ledger.c, from_year_supplementary): deductible 1300, the basic
    # fund its maximum 100000, the supplementary fund (large_amount, 330100) 80% of the
    # 31052.94 beyond it: 24842.35; patient 150000 - 100000 - 24842.35 = 25157.65, in cash.
    # Settled with its record; refunded as JSON, every amount negated, the ledger back to
    # the empty one it started from.
    supp = "tests/data/settle/supplementary.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        led, rec = os.path.join(tmp, "p.ledger"), os.path.join(tmp, "r.txt")
        doc = expect_json("settle with a supplementary fund",
                          ["settle", "--policy", supp, "--date", "2023-03-02", "--id", "9",
                           "--kind", "inpatient", "--level", "l3", "--total", "150000",
                           "--save-ledger", led, "--record", rec], 0, "settle")
        if doc:
            s = doc["settlement"]
            check("settle supplementary figures",
                  (s["fund_fen"], s["supplementary_fen"], s["supplementary"], s["patient_fen"],
                   s["supplementary_fund"], s["supplementary_fund_pay_type"])
                  == (10000000, 2484235, "24842.35", 2515765, "large_amount", "330100"),
                  json.dumps(s))
        doc = expect_json("refund", ["refund", rec, "--ledger", led, "--save-ledger", led], 0,
                          "refund")
        if doc:
            r = doc["refund"]
            check("refund figures",
                  (doc["claim_id"], r["total"], r["fund_fen"], r["supplementary_fen"],
                   r["patient"], r["cash_fen"], r["ratio"], r["admission"])
                  == (9, "-150000.00", -10000000, -2484235, "-25157.65", -2515765, "85%", 1),
                  json.dumps(doc))
        with open(led) as f:
            lines = f.read().splitlines()
        check("ledger back to empty", lines[:2] == ["medins-ledger 1", "year=2023"] and
              all(line.endswith("=0") for line in lines[2:]), "\n".join(lines))
        # Refunded twice: the error as JSON on stderr, the ledger kept.
        with open(led, "rb") as f:
            kept = f.read()
        expect_error("refund again", ["refund", rec, "--ledger", led, "--save-ledger", led], 1,
                     "MEDINS_ERR_REVERSE")
        # A record edited: refused at its line and column (the total is line 4).
        with open(rec) as f:
            text = f.read()
        bad = os.path.join(tmp, "bad.txt")
        with open(bad, "w") as f:
            f.write(text.replace("\ntotal=15000000\n", "\ntotal=15,000,000\n"))
        expect_error("refund, bad record", ["refund", bad, "--ledger", led, "--save-ledger", led],
                     1, "MEDINS_ERR_RECORD", file=bad, line=4, column=7)
        with open(led, "rb") as f:
            check("ledger kept after refused refunds", f.read() == kept)


# ---- batch ---------------------------------------------------------------------------------

def test_json_batch():
    # claims.csv: 5 claims, 3 persons, fund 26830 (run.py, test_batch); the CSV on stdout.
    code, out, err = run("batch", "--policy", TESTLAND, "examples/cli/claims.csv", "--json")
    check("batch exit status", code == 0, err)
    check("batch rows on stdout", len(out.splitlines()) == 6, out)
    doc = document("batch", err, "batch")
    if doc:
        s = doc["summary"]
        check("batch summary", (s["claims"], s["settled"], s["failed"], s["persons"], s["totals"]["fund_fen"])
              == (5, 5, 0, 3, 2683000) and "error" not in doc, json.dumps(s))
    # bad.csv with -k: 6 of 8 rows failed, each listed with its line and row.
    code, out, err = run("batch", "-k", "--policy", TESTLAND, "examples/cli/bad.csv", "--json")
    check("batch -k exit status", code == 4, err)
    doc = document("batch -k", err, "batch")
    if doc:
        f = doc["summary"]["failures"]
        check("batch -k failures", [(e["code"], e["line"], e["row"]) for e in f] == [
            ("MEDINS_ERR_SYNTAX", 3, 2), ("MEDINS_ERR_DATE", 4, 3), ("MEDINS_ERR_KIND", 5, 4),
            ("MEDINS_ERR_SYNTAX", 7, 6), ("MEDINS_ERR_ORDER", 8, 7), ("MEDINS_ERR_NOT_COVERED", 9, 8)]
              and f[0]["message"].startswith("claim 2: column 'total': \"12,50\" is not an amount"), json.dumps(f))
    # Without -k the run stops at line 3: the summary and that row's error.
    code, out, err = run("batch", "--policy", TESTLAND, "examples/cli/bad.csv", "--json")
    check("batch stop exit status", code == 1, err)
    doc = document("batch stop", err, "batch")
    if doc:
        check("batch stop error", doc.get("error", {}).get("line") == 3 and doc["summary"]["settled"] == 1,
              json.dumps(doc))
    # -q: no summary, the error alone, as every command gives one.
    code, out, err = run("batch", "-q", "--policy", TESTLAND, "examples/cli/bad.csv", "--json")
    doc = document("batch -q stop", err, "error")
    if doc:
        check("batch -q error", doc["error"]["row"] == 2 and doc["error"]["file"] == "examples/cli/bad.csv",
              json.dumps(doc))
    expect_error("batch, missing file", ["batch", "nothing.csv"], 5, "MEDINS_ERR_IO", file="nothing.csv")
    expect_error("batch, missing column", ["batch", "--policy", TESTLAND, "-"], 1, "MEDINS_ERR_SYNTAX",
                 stdin="person_id,date\nP1,2023-01-01\n", file="<stdin>", line=1)


# ---- policy --------------------------------------------------------------------------------

FIVE = "tests/data/loader/five-errors.yaml"


def test_json_policy():
    doc = expect_json("check", ["policy", "check", TESTLAND, "policies"], 0, "policy-check")
    if doc:
        check("check ids", doc["files"][0]["id"] == "testland/testland" and
              "reforms/tianjin-2023-l3-plus5" in doc["files"][1]["policies"], json.dumps(doc))
    # Every error of the file, in its order (check_policy works out the five).
    code, out, err = run("policy", "check", FIVE, TESTLAND, "--json")
    check("check five exit status", code == 3 and err == "", err)
    doc = document("check five", out, "policy-check")
    if doc:
        errors = doc["files"][0]["errors"]
        check("check five errors", [(e["line"], e["column"]) for e in errors]
              == [(13, 18), (15, 20), (16, 3), (24, 15), (25, 15)] and doc["files"][1]["ok"], json.dumps(doc))
    code, out, err = run("policy", "check", "/nonexistent.yaml", "--json")
    doc = document("check missing", out, "policy-check")
    check("check missing exit status", code == 5, err)
    if doc:
        check("check missing code", doc["files"][0]["errors"][0]["code"] == "MEDINS_ERR_IO", json.dumps(doc))

    doc = expect_json("show", ["policy", "show", "--policies", "tests/cli/policies", "testland", "2023-06-01"], 0,
                      "policy-show")
    if doc:
        check("show", doc["policy"]["id"] == "testland" and len(doc["values"]) == 27, json.dumps(doc["policy"]))
    expect_error("show, nothing in force", ["policy", "show", "tianjin", "1990-01-01"], 3, "MEDINS_ERR_NO_POLICY")

    # testland-variant changes two values (run.py, test_policy_diff); each is paired by its key,
    # numbered here as the rows of one table have the same selectors.
    doc = expect_json("diff", ["policy", "diff", TESTLAND, "tests/cli/testland-variant.yaml"], 0, "policy-diff")
    if doc:
        check("diff", [c["key"] for c in doc["changed"]] == ["outpatient.cap[0].amount",
                                                              "inpatient.deductible[1].amount"], json.dumps(doc))
    expect_json("diff reform", ["policy", "diff", "tianjin/2023", "reforms/tianjin-2023-l3-plus5"], 0, "policy-diff")
    expect_error("diff, no such id", ["policy", "diff", "tianjin/1066", TESTLAND], 3, "MEDINS_ERR_NO_POLICY")

    doc = expect_json("coverage", ["policy", "coverage", TESTLAND], 0, "policy-coverage")
    if doc:
        p = doc["policies"][0]
        # testland's one source is third-party: 27 values, 2 assumed, the other 25 third-party.
        check("coverage", (p["values"], p["cited"], p["official"], p["third_party"], p["assumed"],
                           len(p["assumed_values"]), len(p["third_party_values"])) == (27, 25, 0, 25, 2, 2, 25),
              json.dumps(p))
    expect_json("coverage all", ["policy", "coverage"], 0, "policy-coverage")
    expect_error("coverage, bad file", ["policy", "coverage", "tests/cli/bad-policy.yaml"], 3, "MEDINS_ERR_SYNTAX",
                 file="tests/cli/bad-policy.yaml", line=13)
    expect_error("usage", ["policy", "frobnicate"], 2, "MEDINS_ERR_ARGUMENT")


GROUPS = {"json-results": test_json_results, "json-batch": test_json_batch, "json-policy": test_json_policy,
          "json-refund": test_json_refund}
