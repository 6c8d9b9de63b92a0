"""A batch over claims of more than one year (close_years): each person's year is closed in the
library, with the policy in force on its last day, as settling the claims one by one after
Ledger.close_year would; the same in C, Java and the command."""

import numpy as np

import medins

# One employee in service born 1980; outpatient claims at level 2 in 2022, 2023 and 2024.
PERSONS = {"scheme": ["employee"], "category": ["in_service"], "birth_date": [19800101]}
CLAIMS = {"person": [0, 0, 0], "date": [20220601, 20230301, 20240301],
          "kind": ["outpatient"] * 3, "level": ["l2"] * 3, "total": [100000] * 3}


def by_hand(policies):
    """The claims one by one, each year closed before its first claim."""
    person = medins.Person.employee(birth_date="1980-01-01")
    ledger = medins.Ledger(2022)
    funds = []
    for date in CLAIMS["date"]:
        while ledger.year < date // 10000:
            ledger = ledger.close_year(policies.lookup("tianjin", ledger.year * 10000 + 1231),
                                       person)
        claim = medins.Claim(date=date, kind="outpatient", level="l2", total=100000)
        funds.append(policies.lookup("tianjin", date).settle(person, claim, ledger).fund)
    return funds, ledger


def test_years_closed_in_the_library(policies):
    r = medins.settle_arrays(policies, PERSONS, CLAIMS, region="tianjin", close_years=True)
    funds, ledger = by_hand(policies)
    assert list(r["status"]) == [0, 0, 0]
    assert list(r["fund"]) == funds
    assert r.ledgers[0] == ledger
    assert r.ledgers[0].year == 2024


def test_without_close_years_a_later_year_fails(policies):
    r = medins.settle_arrays(policies, PERSONS, CLAIMS, region="tianjin", on_error="status")
    assert list(r["status"]) == [0, medins.Status.ERR_LEDGER_YEAR, medins.Status.ERR_LEDGER_YEAR]
    assert r.ledgers[0].year == 2022


def frame(claims):
    """The claims of the one person as a claims frame, the person's columns on every row."""
    import pandas as pd
    return pd.DataFrame({**{k: v for k, v in claims.items() if k != "person"},
                         "person": ["P1"] * len(claims["date"]), "scheme": "employee",
                         "category": "in_service", "birth_date": 19800101})


def test_settle_frame_closes_years(policies):
    out = medins.settle_frame(frame(CLAIMS), policy=policies, close_years=True)
    funds, _ = by_hand(policies)
    assert list(out["fund"]) == funds
    np.testing.assert_array_equal(out["status"], 0)


# The fen worked by hand, the same as `medins batch --region tianjin` gives for these claims
# (tests/cli/years.py, test_shipped_years): Tianjin employees' outpatient deductible is 800
# yuan a year, above it the fund pays 65% at level 2 (POLICY-FACTS O1 and the 2017 ratios).
#   2022-06-01  1,000: deductible 800, (1,000 - 800) x 65% = 130.00 to the fund
#   2023-03-01  1,000: 2022 closed, the deductible is met anew: 130.00 again (a ledger carried
#                      into 2023 unclosed would fail with ERR_LEDGER_YEAR; one reused without
#                      closing would pay 650.00)
#   2023-04-01  3,000: deductible met, 3,000 x 65% = 1,950.00
TWO_YEARS = {"person": [0, 0, 0], "date": [20220601, 20230301, 20230401],
             "kind": ["outpatient"] * 3, "level": ["l2"] * 3, "total": [100000, 100000, 300000]}
TWO_YEARS_FUND = [13000, 13000, 195000]
TWO_YEARS_DEDUCTIBLE = [80000, 80000, 0]


def test_two_years_by_hand(policies):
    r = medins.settle_arrays(policies, PERSONS, TWO_YEARS, region="tianjin", close_years=True)
    assert list(r["status"]) == [0, 0, 0]
    assert list(r["fund"]) == TWO_YEARS_FUND
    assert list(r["deductible"]) == TWO_YEARS_DEDUCTIBLE
    assert r.ledgers[0].year == 2023

    out = medins.settle_frame(frame(TWO_YEARS), policy=policies, close_years=True)
    assert list(out["fund"]) == TWO_YEARS_FUND
    assert list(out["deductible"]) == TWO_YEARS_DEDUCTIBLE
