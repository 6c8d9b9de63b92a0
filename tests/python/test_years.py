"""A population's claims over two years settled with close_years, against the command's batch.

tests/data/two-years.csv: eight persons (employees in service and retired, residents of each
tier and a student) with 48 claims from March 2022 to October 2023, in the command's input
format (totals in yuan). Settled by `medins batch` and by settle_frame with close_years, the
fen of every claim and every person's ledger after their last claim are the same; the
summary by year adds the fund's cost of each year.
"""
import os
import subprocess
from decimal import Decimal

import pandas as pd
import pytest

import medins

DATA = os.path.join(os.environ["MEDINS_TEST_DATA"], "two-years.csv")
MONEY = ["fund", "major_disease", "assistance", "patient", "deductible", "coinsurance",
         "over_cap", "account"]


def fen(yuan: str) -> int:
    return int(Decimal(yuan) * 100)


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """The command's results (fen) and saved ledgers (text by person)."""
    ledgers = tmp_path_factory.mktemp("years") / "ledgers.txt"
    run = subprocess.run([os.environ["MEDINS_CLI"], "batch", "-q", "--save-ledgers",
                          str(ledgers), DATA], capture_output=True, text=True, check=True)
    rows = [line.split(",") for line in run.stdout.splitlines()]
    head, body = rows[0], rows[1:]
    out = {c: [fen(r[head.index(c)]) for r in body] for c in MONEY}
    out["status"] = [r[head.index("status")] for r in body]
    by_person = {}
    for block in ledgers.read_text().split("[")[1:]:
        person, text = block.split("]\n", 1)
        by_person[person] = text
    return out, by_person


@pytest.fixture(scope="module")
def settled():
    claims = pd.read_csv(DATA, dtype=str, keep_default_na=False)
    claims["total"] = claims["total"].map(fen)
    claims["tier"] = claims["tier"].replace("", "none")
    return medins.settle_frame(claims, person_key="person_id", close_years=True)


def test_same_fen_as_the_command(cli, settled):
    out, _ = cli
    assert out["status"] == ["ok"] * 48
    assert (settled["status"] == 0).all()
    for c in MONEY:
        assert list(settled[c]) == out[c], c
    # By hand, E1 (employee in service, Tianjin): 2,600 yuan at a primary institution on
    # 2022-03-20: deductible 800, (2,600 - 800) x 75% = 1,350 yuan; 2,600 at level 2 on
    # 2023-01-18, the first claim of 2023, meets 2023's deductible anew: (2,600 - 800) x 65%
    # = 1,170 yuan.
    e1 = settled[settled["person_id"] == "E1"]
    assert list(e1["fund"])[0] == 135000 and list(e1["fund"])[3] == 117000


def test_ledgers_after_the_last_claim(cli, settled):
    _, texts = cli
    ledgers = settled.attrs["ledgers"]
    assert sorted(ledgers) == sorted(texts)
    for person, text in texts.items():
        assert ledgers[person].to_text() == text, person
        assert ledgers[person].year == 2023
    # E1's last claim is of 2023-10-03 and the ledger holds 2022's outpatient costs as last
    # year's (prior_known): 2,600 + 2,600 + 350.80 = 5,550.80 yuan.
    assert str(ledgers["E1"].last_date) == "2023-10-03"
    assert "prior_outpatient_costs=555080\n" in ledgers["E1"].to_text()


def test_fund_by_year(cli, settled):
    out, _ = cli
    years = medins.summarize(settled, ["fund", "patient"], years="date", count="claims")
    want = {}
    for date, fund in zip(settled["date"], out["fund"]):
        want[int(date[:4])] = want.get(int(date[:4]), 0) + fund
    assert list(years.index) == [2022, 2023]
    assert years.index.name == "year"
    assert [int(years.loc[y, "fund"] * 100) for y in (2022, 2023)] == [want[2022], want[2023]]
    assert list(years["claims"]) == [sum(d.startswith("2022") for d in settled["date"]),
                                     sum(d.startswith("2023") for d in settled["date"])]
    by_scheme = medins.summarize(settled, ["fund"], years="date", by="scheme")
    assert by_scheme.index.names == ["year", "scheme"]
    assert sum(by_scheme["fund"]) == years["fund"].sum()


def test_years_needs_a_free_year_key(settled):
    with pytest.raises(ValueError, match="years= makes a 'year' key"):
        medins.summarize(settled.assign(year=1), ["fund"], years="date")
    with pytest.raises(ValueError, match="not a calendar date"):
        medins.summarize(settled.assign(date="2023-02-30"), ["fund"], years="date")
