"""A batch over claims of more than one year (close_years): each person's year is closed in the
library, with the policy in force on its last day, as settling the claims one by one after
Ledger.close_year would; the same in C, Java and the command."""

import numpy as np
import pytest

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


def _midyear():
    import os
    return medins.load_policy(os.path.join(os.environ["MEDINS_TEST_DATA"], "regions",
                                           "midyear.yaml"))


def test_july_year_ledgers_open_in_the_benefit_year():
    # tests/data/regions/midyear.yaml: a year from 1 July; employees' outpatient deductible
    # 960 a year, then 60%. The first claim, 2024-03-01, is of the year 2023 (2023-07-01 to
    # 2024-06-30): 2,000: 960 + 1,040 x 60% = 624; 2024-05-01 the same year, 1,000 x 60% = 600;
    # 2024-08-01 closes it and takes 2024's deductible: 624.
    policy = _midyear()
    assert policy.year_start == (7, 1)
    assert policy.benefit_year("2024-06-30") == 2023
    assert policy.benefit_year("2024-07-01") == 2024
    claims = {"person": [0, 0, 0], "date": [20240301, 20240501, 20240801],
              "kind": ["outpatient"] * 3, "level": ["l2"] * 3,
              "total": [200000, 100000, 200000]}
    r = medins.settle_arrays(policy, PERSONS, claims, close_years=True)
    assert list(r["fund"]) == [62400, 60000, 62400]
    assert r.ledgers[0].year == 2024
    # Claims out of order for the C call: the package sorts them, with the same years.
    order = [2, 0, 1]
    shuffled = {k: [v[i] for i in order] for k, v in claims.items()}
    r = medins.settle_arrays(policy, PERSONS, shuffled, close_years=True)
    assert list(r["fund"]) == [62400, 62400, 60000]


def test_claim_attributes_from_the_policy_words():
    # midyear.yaml's inpatient rows: out of the region and not referred -15 points. An
    # employee's 20,000 at level 3: deductible 9,600; 10,400 x (85% - 15) = 7,280.
    policy = _midyear()
    assert policy.claim_attribute_names == ("referred", "out_of_region", "family_sickbed",
                                            "district_run")
    bits = policy.claim_attributes("Out-Of-Region")
    assert bits == 2
    person = medins.Person.employee(birth_date="1980-01-01")
    claim = medins.Claim(date="2023-08-01", kind="inpatient", level="l3", total=2000000,
                         attributes=bits)
    assert policy.settle(person, claim, medins.Ledger(2023)).fund == 728000
    claim.attributes = 0
    assert policy.settle(person, claim, medins.Ledger(2023)).fund == 884000
    with pytest.raises(medins.MedinsError, match='"abroad" is not a claim attribute'):
        policy.claim_attributes("abroad")


def test_batch_takes_an_attributes_column():
    # As above, in a batch: 20,000 at level 3 out of the region (bit 2), 7,280; the same
    # claim without attributes, 10,400 x 85% = 8,840 (another person: each a first
    # admission). A bit the policy does not define (bit 4 of its four: 16) fails the claim as
    # settling it alone does.
    policy = _midyear()
    persons = {k: v * 3 for k, v in PERSONS.items()}
    claims = {"person": [0, 1, 2], "date": [20230801] * 3, "kind": ["inpatient"] * 3,
              "level": ["l3"] * 3, "total": [2000000] * 3,
              "attributes": np.array([2, 0, 16], np.int64)}
    r = medins.settle_arrays(policy, persons, claims, on_error="status")
    assert list(r["fund"]) == [728000, 884000, 0]
    assert r["status"][2] == medins.Status.ERR_CLAIM
    claim = medins.Claim(date="2023-08-01", kind="inpatient", level="l3", total=2000000,
                         attributes=16)
    with pytest.raises(medins.MedinsError) as alone:
        policy.settle(medins.Person.employee(birth_date="1980-01-01"), claim,
                      medins.Ledger(2023))
    assert r.errors["message"][0] == str(alone.value.args[0]).replace("claim 0", "claim 2")
    # The frame's column too, never left out: the same funds.
    claims_frame = frame(claims)
    claims_frame["person"] = ["A", "B", "C"]
    out = medins.settle_frame(claims_frame, policy=policy, on_error="status")
    assert list(out["fund"]) == [728000, 884000, 0]
    # Bits, as Claim.attributes takes them: words and negative numbers are refused, naming
    # the column and the row.
    with pytest.raises(TypeError, match=r"claims\['attributes'\] row 0"):
        medins.settle_arrays(policy, persons, {**claims, "attributes": ["out_of_region", 0, 0]})
    with pytest.raises(OverflowError, match=r"claims\['attributes'\] row 1: -1 does not fit"):
        medins.settle_arrays(policy, persons, {**claims, "attributes": [0, -1, 0]})


def test_bed_days_alone_and_in_a_batch():
    # tests/data/settle/bed-day-cap.yaml: a family sickbed (no deductible, 80%, at most 60 a
    # bed-day) of 10 days, 1,000: 800 is cut to 60 x 10 = 600. An admission at level 3 (at most
    # 800 a bed-day; deductible 1,000) of 2 days, 5,000: 4,000 x 80% = 3,200, cut to 1,600.
    import os
    policy = medins.load_policy(os.path.join(os.environ["MEDINS_TEST_DATA"], "settle",
                                             "bed-day-cap.yaml"))
    sickbed = policy.claim_attributes("family_sickbed")
    person = medins.Person.employee(birth_date="1980-01-01")
    claim = medins.Claim(date="2023-03-01", kind="inpatient", level="l1", total=100000,
                         attributes=sickbed, days=10)
    assert claim.days == 10
    assert policy.settle(person, claim, medins.Ledger(2023)).fund == 60000
    claim.days = 0
    with pytest.raises(medins.ClaimError, match=r"maximum per bed-day \(inpatient\.bed_day_cap\) "
                                                r"needs the claim's days"):
        policy.settle(person, claim, medins.Ledger(2023))
    # The same in a batch, beside the level-3 admission and that admission without days,
    # which fails as alone: each a person of its own.
    persons = {k: v * 3 for k, v in PERSONS.items()}
    claims = {"person": [0, 1, 2], "date": [20230301] * 3, "kind": ["inpatient"] * 3,
              "level": ["l1", "l3", "l3"], "total": [100000, 500000, 500000],
              "attributes": [sickbed, 0, 0], "days": [10, 2, 0]}
    r = medins.settle_arrays(policy, persons, claims, on_error="status")
    assert list(r["fund"]) == [60000, 160000, 0]
    assert r["status"][2] == medins.Status.ERR_CLAIM
    assert "needs the claim's days" in r.errors["message"][0]
    claims_frame = frame(claims)
    claims_frame["person"] = ["A", "B", "C"]
    out = medins.settle_frame(claims_frame, policy=policy, on_error="status")
    assert list(out["fund"]) == [60000, 160000, 0]
    with pytest.raises(OverflowError, match=r"claims\['days'\] row 1: -1 does not fit"):
        medins.settle_arrays(policy, persons, {**claims, "days": [10, -1, 0]})
