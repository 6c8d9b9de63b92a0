"""medins batch over claims of more than one year: the library closes each person's year, with
the policy in force on its last day, as part of the next year's first claim that settles.

tests/cli/years/ holds Testland's 2023 (tests/cli/policies/testland.yaml, linked) and a 2024
that is the same one year on. Outpatient at level 1: deductible 500 a year, then 50%.
"""
import os
import tempfile

from harness import HEADER, TESTLAND, check, expect

YEARS = ["--policies", "tests/cli/years", "--region", "testland"]
LEDGER_KEYS = ["year", "last_date", "seq", "admissions", "outpatient_costs",
               "deductible.outpatient", "deductible.pooling", "deductible.inpatient",
               "position.outpatient", "position.pooling", "position.inpatient", "fund.outpatient",
               "fund.pooling", "fund.inpatient", "major_base", "major_fund", "assist_base",
               "assist_fund", "account_balance", "account_paid", "carry_over", "thrifty_years",
               "prior_known", "prior_outpatient_costs"]


def ledger_of(text, person):
    """The key=value lines of one person's ledger in a --save-ledgers file, as a dict."""
    lines = text.splitlines()
    at = lines.index(f"[{person}]")
    out = {}
    for line in lines[at + 2:]:
        if line.startswith("["):
            break
        key, value = line.split("=")
        out[key] = int(value)
    return out


def test_years():
    # P1: 1,000 in June 2023 (deductible 500, 500 x 50% = 250 to the fund); a claim of
    # February 2024 that fails (a negative total): 2023 stays open; 1,000 in March 2024 closes
    # 2023 and meets 2024's deductible anew: 250 to the fund again.
    claims = ("person_id,date,kind,level,total\n"
              "P1,2023-06-01,outpatient,l1,1000\n"
              "P1,2024-02-01,outpatient,l1,-5\n"
              "P1,2024-03-01,outpatient,l1,1000\n")
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "ledgers.txt")
        out, _ = expect("two years", ["batch", "-k", "-q", *YEARS, "--save-ledgers", led, "-"], 4,
                        stdin=claims)
        check("rows", out.splitlines() == [
            HEADER,
            "2,P1,2023-06-01,ok,250.00,0.00,0.00,0.00,750.00,500.00,250.00,0.00,0.00,0.00,",
            "3,P1,2024-02-01,MEDINS_ERR_CLAIM,,,,,,,,,,,claim 3 has a negative amount",
            "4,P1,2024-03-01,ok,250.00,0.00,0.00,0.00,750.00,500.00,250.00,0.00,0.00,0.00,"], out)
        with open(led) as f:
            p1 = ledger_of(f.read(), "P1")
        # 2024's ledger after one claim; 2023's 1,000 of outpatient costs carried as last
        # year's (prior_outpatient_costs, in fen).
        check("closed ledger", (p1["year"], p1["seq"], p1["prior_known"],
                                p1["prior_outpatient_costs"]) == (2024, 1, 1, 100000), str(p1))


def test_year_not_closed():
    # Testland alone (2023 only) and a saved ledger of 2022: no policy is in force on
    # 2022-12-31 to close it with. The claim is refused with the library's words; the
    # ledger file is not written.
    ledger = dict.fromkeys(LEDGER_KEYS, 0)
    ledger["year"] = 2022
    text = "[P1]\nmedins-ledger 1\n" + "".join(f"{k}={v}\n" for k, v in ledger.items())
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "ledgers.txt")
        with open(led, "w") as f:
            f.write(text)
        expect("no policy for the year closed",
               ["batch", "-q", "--policy", TESTLAND, "--ledgers", led, "--save-ledgers", led, "-"],
               1, stdin="person_id,date,kind,level,total\nP1,2023-06-01,outpatient,l1,1000\n",
               err_has=[r"claim 2: the ledger's year 2022 cannot be closed: policy \S+ is not in "
                        r"force on 20221231$"])
        with open(led) as f:
            check("ledgers kept", f.read() == text, "the ledger file changed")


def test_shipped_years():
    # The shipped Tianjin policies, the claims tests/python/test_rollover.py and
    # tests/java/org/medins/RolloverTest.java settle through the bindings, with the same fen:
    # employees' outpatient deductible 800 a year, then 65% at level 2.
    #   2022-06-01 1,000: (1,000 - 800) x 65% = 130.00; 2023-03-01 1,000: 2022 closed, the
    #   deductible met anew, 130.00; 2023-04-01 3,000: 3,000 x 65% = 1,950.00.
    claims = ("person_id,date,kind,level,total,birth_date\n"
              "P1,2022-06-01,outpatient,l2,1000,1980-01-01\n"
              "P1,2023-03-01,outpatient,l2,1000,1980-01-01\n"
              "P1,2023-04-01,outpatient,l2,3000,1980-01-01\n")
    out, _ = expect("shipped years", ["batch", "-q", "--region", "tianjin", "-"], 0, stdin=claims)
    check("shipped rows", out.splitlines() == [
        HEADER,
        "2,P1,2022-06-01,ok,130.00,0.00,0.00,0.00,870.00,800.00,70.00,0.00,0.00,0.00,",
        "3,P1,2023-03-01,ok,130.00,0.00,0.00,0.00,870.00,800.00,70.00,0.00,0.00,0.00,",
        "4,P1,2023-04-01,ok,1950.00,0.00,0.00,0.00,1050.00,0.00,1050.00,0.00,0.00,0.00,"], out)


def test_july_year():
    # tests/data/regions/midyear.yaml: a year from 1 July; employees' outpatient deductible
    # 960 a year, then 60%, maximum 4,800. P1's first claim, of March 2024, opens the ledger of
    # the year 2023 (2023-07-01 to 2024-06-30): 2,000: 960 + 1,040 x 60% = 624 to the fund.
    # May 2024 is the same year: 1,000 x 60% = 600. August 2024 closes 2023 (costs 3,000:
    # 1,800 of the maximum carried) and meets 2024's deductible anew: 624.
    claims = ("person_id,date,kind,level,total\n"
              "P1,2024-03-01,outpatient,l2,2000\n"
              "P1,2024-05-01,outpatient,l2,1000\n"
              "P1,2024-08-01,outpatient,l2,2000\n")
    with tempfile.TemporaryDirectory() as tmp:
        led = os.path.join(tmp, "ledgers.txt")
        out, _ = expect("july year", ["batch", "-q", "--policy", "tests/data/regions/midyear.yaml",
                                      "--save-ledgers", led, "-"], 0, stdin=claims)
        check("rows", out.splitlines() == [
            HEADER,
            "2,P1,2024-03-01,ok,624.00,0.00,0.00,0.00,1376.00,960.00,416.00,0.00,0.00,0.00,",
            "3,P1,2024-05-01,ok,600.00,0.00,0.00,0.00,400.00,0.00,400.00,0.00,0.00,0.00,",
            "4,P1,2024-08-01,ok,624.00,0.00,0.00,0.00,1376.00,960.00,416.00,0.00,0.00,0.00,"], out)
        with open(led) as f:
            p1 = ledger_of(f.read(), "P1")
        check("closed on 30 June", (p1["year"], p1["seq"], p1["carry_over"],
                                    p1["prior_outpatient_costs"]) == (2024, 1, 180000, 300000),
              str(p1))


GROUPS = {"batch-years": test_years, "batch-year-not-closed": test_year_not_closed,
          "batch-shipped-years": test_shipped_years, "batch-july-year": test_july_year}
