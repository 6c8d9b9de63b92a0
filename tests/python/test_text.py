"""The library's one reading of dates and lists of groups, and its names of parts, pools and
result kinds, as Python sees them: the package parses and names none of these itself."""

import datetime as dt

import pytest

import medins
from medins import lowlevel as c


@pytest.mark.parametrize("text,want", [
    ("2023-06-01", 20230601), ("20230601", 20230601), ("2024-02-29", 20240229),
])
def test_dates_read_by_the_library(text, want):
    assert medins.to_cdate(text) == want
    assert c.date_parse(text) == want


@pytest.mark.parametrize("text,part", [
    # The library's messages, with the value's name before them.
    (" 2023-06-01", r'Claim.date: " 2023-06-01" is not a date: write it 2023-06-01 or 20230601'),
    ("2023-02-30", r'Claim.date: "2023-02-30" is not a calendar date'),
    ("1899-12-31", r'Claim.date: "1899-12-31" is outside the dates supported, 1900-01-01 to '
                   r'2199-12-31'),
])
def test_bad_date_text_has_the_librarys_message(text, part):
    with pytest.raises(ValueError) as e:
        medins.Claim(date=text)
    assert str(e.value) == part


def test_groups_read_by_the_library():
    G = medins.Group
    assert G.parse("dibao+disabled") == G.DIBAO | G.DISABLED
    assert G.parse("dibao, disabled") == G.DIBAO | G.DISABLED
    assert G.parse(" tekun | entitled ") == G.TEKUN | G.ENTITLED
    assert G.parse(["tekun", "dibao+marginal"]) == G.TEKUN | G.DIBAO | G.MARGINAL
    assert G.parse("") == G(0)
    with pytest.raises(ValueError, match=r"^an empty group at byte 7"):
        G.parse("dibao++disabled")
    with pytest.raises(ValueError, match=r'^"dibao;disabled" is not a group: write one of dibao \(低保\)'):
        G.parse("dibao;disabled")
    with pytest.raises(ValueError, match=r"^groups are separated by '\+', ',' or '\|', not 'd'"):
        medins.Person(groups="dibao disabled")


def test_names_are_the_librarys():
    assert medins.Part.MAJOR_DISEASE.word == "major_disease" == c.part_name(c.PART_MAJOR_DISEASE)
    assert [p.word for p in medins.Pool] == ["outpatient", "pooling", "inpatient"]
    assert medins.ResultKind.CAPITATION.word == "capitation"
    assert medins.CapitationPeriod.MONTH.word == "month"
    # The ledger's totals by pool are keyed by the same names.
    assert set(medins.Ledger(2023).to_dict()["fund"]) == {"outpatient", "pooling", "inpatient"}


def test_account_pays_category_b_where_the_policy_says(p2023):
    # The library's check_account case from Python: an employee's first level-3 admission of
    # 10,000 yuan with 1,000 of category B; the in-scope burden is 2,795 (deductible 1,700 and
    # 15% of 7,300). The account pays the burden only, unless the section says
    # account_category_b: then 3,795.
    person = medins.Person.employee()
    claim = medins.Claim(date="2023-06-01", kind="inpatient", level="l3", total=1000000,
                         category_b=100000)
    ledger = medins.Ledger(2023)
    ledger.account_balance = 500000
    assert p2023.settle(person, claim, ledger.copy()).account == 279500
    p = p2023.derive('inpatient:\n  account_category_b: {value: true, cite: "assumed: test"}\n')
    s = p.settle(person, claim, ledger.copy())
    assert (s.account, s.cash) == (379500, 0)
    assert "inpatient.account_category_b" in [v.path for v in s.assumed_values]
