"""medins settle --record / --estimate and medins refund: a settlement stored, and refunded in
a later run from its record and the ledger file.

Figures on tests/cli/policies/testland.yaml (worked in run.py, test_settle):
  claim 7, the README claim: inpatient l3, 25000 with 1000 self-paid and 500 category B, the
    first admission: fund 19250, patient 5750.
  claim 8, a second admission of 5000 at l3: deductible 300 (testland.yaml:27); 4700 above the
    position 22500, all at 90%: fund 4230, patient 300 + 470 = 770.
"""
import os
import tempfile

from harness import TESTLAND, check, expect, figure

CLAIM_7 = ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--id", "7", "--kind",
           "inpatient", "--level", "l3", "--total", "25000", "--self-paid", "1000",
           "--category-b", "500"]
CLAIM_8 = ["settle", "--policy", TESTLAND, "--date", "2023-03-05", "--id", "8", "--kind",
           "inpatient", "--level", "l3", "--total", "5000"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def test_refund():
    with tempfile.TemporaryDirectory() as tmp:
        led, r7, r8 = (os.path.join(tmp, n) for n in ("p.ledger", "r7.txt", "r8.txt"))
        expect("settle 7 with its record", [*CLAIM_7, "--save-ledger", led, "--record", r7], 0,
               out_has=[figure("Basic fund", "19250.00")])
        after7 = read(led)
        check("record 7 written", read(r7).startswith(b"medins-record 1\npolicy=testland/testland\n"))
        expect("settle 8 from the ledger", [*CLAIM_8, "--ledger", led, "--save-ledger", led,
                                            "--record", r8], 0,
               out_has=[figure("Basic fund", "4230.00"), figure("Patient", "770.00")])
        after8 = read(led)
        # 7 is not the latest: refused, and the ledger file keeps its bytes.
        expect("refund 7 before 8", ["refund", r7, "--ledger", led, "--save-ledger", led], 1,
               err_has=[r"refund refused: claim 7 is not the ledger's most recent settlement: "
                        r"it is settlement 1 of 2023 and the ledger counts 2; reverse "
                        r"settlements 2 to 2 first, the latest first"])
        check("ledger kept after a refused refund", read(led) == after8)
        # 8 then 7: the negated amounts, and the ledger as it was before each, byte for byte.
        expect("refund 8", ["refund", r8, "--ledger", led, "--save-ledger", led, "--lang", "en"],
               0, out_has=[r"^Refund of claim 8: ", figure("Basic fund", "-4230.00"),
                           figure("Patient", "-770.00"), figure("Total", "-5000.00")])
        check("ledger back to after 7", read(led) == after7)
        expect("refund 7 in Chinese", ["refund", r7, "--ledger", led, "--save-ledger", led,
                                       "--lang", "zh"],
               0, out_has=[r"^退费（单据号7）：", figure("统筹基金支付", "-19250.00"),
                           figure("个人负担", "-5750.00"), figure("合计", "-25000.00")])
        # An empty ledger of 2023, as the first settle started from.
        lines = read(led).decode().splitlines()
        check("ledger back to empty", lines[:2] == ["medins-ledger 1", "year=2023"] and
              all(line.endswith("=0") for line in lines[2:]) and len(lines) == 25, "\n".join(lines))
        # Twice: refused, nothing written.
        before = read(led)
        expect("refund 7 again", ["refund", r7, "--ledger", led, "--save-ledger", led], 1,
               err_has=[r"claim 7 is already reversed: the ledger is as it was before that "
                        r"settlement \[MEDINS_ERR_REVERSE\]"])
        check("ledger kept after a second refund", read(led) == before)


def test_estimate():
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "p.ledger")
        expect("estimate", [*CLAIM_7, "--estimate"], 0,
               out_has=[figure("Basic fund", "19250.00"), figure("Patient", "5750.00"),
                        r"^\(An estimate: no ledger was changed\. Settle to pay\.\)$"])
        expect("estimate in Chinese", [*CLAIM_7, "--estimate", "--lang", "zh"], 0,
               out_has=[figure("统筹基金支付", "19250.00"), r"^（预结算：未记入台账"])
        expect("estimate in JSON", [*CLAIM_7, "--estimate", "--json"], 0,
               out_has=[r'^  "estimate": true,?$', r'"fund_fen": 1925000'])
        expect("settlement in JSON", [*CLAIM_7, "--json"], 0, out_has=[r'^  "estimate": false,?$'])
        # From a ledger: the second admission's figures, the ledger file unchanged.
        expect("settle 7", [*CLAIM_7, "--save-ledger", led], 0)
        kept = read(led)
        expect("estimate 8", [*CLAIM_8, "--ledger", led, "--estimate"], 0,
               out_has=[figure("Basic fund", "4230.00")])
        check("estimate changed no ledger", read(led) == kept)
        for extra in (["--save-ledger", led], ["--record", os.path.join(tmp, "r")]):
            expect("estimate " + extra[0], [*CLAIM_8, "--ledger", led, "--estimate", *extra], 2,
                   err_has=[r"--estimate changes no ledger: it takes neither --save-ledger nor "
                            r"--record"])
        check("no record of an estimate", not os.path.exists(os.path.join(tmp, "r")))


def test_refund_bad():
    with tempfile.TemporaryDirectory() as tmp:
        led, rec, bad = (os.path.join(tmp, n) for n in ("p.ledger", "r.txt", "bad.txt"))
        expect("settle", [*CLAIM_7, "--save-ledger", led, "--record", rec], 0)
        kept = read(led)
        text = read(rec)
        cases = [
            # (what, record bytes, the error's place and message)
            ("a ledger for a record", kept, r"bad\.txt:1:1: not a settlement record"),
            ("newer version", text.replace(b"medins-record 1", b"medins-record 3"),
             r"bad\.txt:1:15: a settlement record of version 3"),
            ("malformed figure", text.replace(b"\nfund=1925000\n", b"\nfund=19,250\n"),
             r"bad\.txt:9:6: record fund: not a number from 0 to"),
            ("NUL", text.replace(b"\nfund=1925000\n", b"\nfund=19\x0025000\n"),
             r"bad\.txt:9:8: record line 9 contains a NUL byte"),
            ("edited in one place", text.replace(b"\nfund=1925000\n", b"\nfund=1925001\n"),
             r"does not hold together: its figures do not add up to its total"),
        ]
        for what, data, message in cases:
            with open(bad, "wb") as f:
                f.write(data)
            expect("refund: " + what, ["refund", bad, "--ledger", led, "--save-ledger", led], 1,
                   err_has=[message + r".*\[MEDINS_ERR_RECORD\]"])
            check("refund: " + what + ": ledger kept", read(led) == kept)
        expect("no --ledger", ["refund", rec], 2, err_has=[r"--ledger FILE"])
        expect("no record", ["refund", "--ledger", led], 2, err_has=[r"no record given"])
        expect("two records", ["refund", rec, rec, "--ledger", led], 2,
               err_has=[r"unexpected argument"])
        expect("record missing", ["refund", os.path.join(tmp, "none"), "--ledger", led], 5,
               err_has=[r"cannot open"])
        # A ledger that cannot be written: refused to save, nothing printed, the file kept.
        expect("unwritable ledger", ["refund", rec, "--ledger", led, "--save-ledger", led], 5,
               fsize=0, err_has=[r"File too large"], out_lacks=[r"Refund"])
        check("ledger kept after a failed write", read(led) == kept)


DAY_CAP = "tests/data/settle/day-cap.yaml"


def test_refund_day_cap():
    """tests/data/settle/day-cap.yaml, pooling: 60%, at most 25 a visit and 30 a day. Visits of
    40 and 50 on 1 March: 24, then 30 cut to 25 and to the 6 the day leaves (24 withheld); one of
    50 on 2 March: 25 (5 withheld by the visit's maximum). The same one by one, refunded, and in
    a batch."""
    visit = ["settle", "--policy", DAY_CAP, "--kind", "pooling", "--level", "l1", "--lang", "en"]
    with tempfile.TemporaryDirectory() as tmp:
        led, rec = os.path.join(tmp, "p.ledger"), os.path.join(tmp, "r.txt")
        expect("first visit", [*visit, "--date", "2023-03-01", "--total", "40", "--save-ledger",
                               led], 0, out_has=[figure("Basic fund", "24.00")])
        after_first = read(led)
        check("ledger text of version 4", after_first.startswith(b"medins-ledger 4\n") and
              b"\nday_date=20230301\n" in after_first and b"\nday_fund.pooling=2400\n" in after_first,
              after_first.decode())
        expect("second visit", [*visit, "--date", "2023-03-01", "--total", "50", "--ledger", led,
                                "--save-ledger", led, "--record", rec], 0,
               out_has=[figure("Basic fund", "6.00"),
                        r"Withheld by the maximum of a day 30\.00, paid by the patient: 24\.00",
                        r"The fund pays at most 30\.00 a day, of which 24\.00 was paid earlier "
                        r"the same day \(reached\)"])
        check("record of version 2", read(rec).startswith(b"medins-record 2\n"))
        expect("second visit refunded", ["refund", rec, "--ledger", led, "--save-ledger", led], 0)
        check("ledger back to the first visit's", read(led) == after_first)
    out, _ = expect("batch", ["batch", "-q", "--policy", DAY_CAP, "-"], 0,
                    stdin="claim_id,person_id,date,kind,level,total\n"
                          "1,P1,2023-03-01,pooling,l1,40\n2,P1,2023-03-01,pooling,l1,50\n"
                          "3,P1,2023-03-02,pooling,l1,50\n")
    rows = [line.split(",") for line in out.splitlines()]
    fund, over_cap = rows[0].index("fund"), rows[0].index("over_cap")
    check("batch figures", [row[fund] + "/" + row[over_cap] for row in rows[1:]]
          == ["24.00/0.00", "6.00/24.00", "25.00/5.00"], out)


GROUPS = {"refund": test_refund, "refund-estimate": test_estimate, "refund-bad": test_refund_bad,
          "refund-day-cap": test_refund_day_cap}
