"""pandas: DataFrames in and out; reforms and comparisons; the plot helper."""

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import medins


def test_settle_frame_adds_result_columns(p2023, population):
    persons, claims = population
    df = medins.settle_frame(claims, persons, policy=p2023)
    for col in medins.batch.OUTPUTS + ("status", "status_name", "category", "scheme"):
        assert col in df.columns, col
    assert (df["status_name"] == "OK").all()
    assert (df["fund"] + df["major_disease"] + df["assistance"] + df["patient"]
            == df["total"]).all()
    assert len(df) == len(claims) and (df.index == claims.index).all()


def test_settle_frame_person_columns_in_claims(p2023, population):
    persons, claims = population
    merged = claims.merge(persons, on="person")
    a = medins.settle_frame(merged, policy=p2023)
    b = medins.settle_frame(claims, persons, policy=p2023)
    np.testing.assert_array_equal(a.sort_values("claim")["fund"].to_numpy(),
                                  b.sort_values("claim")["fund"].to_numpy())


def test_settle_frame_with_string_keys(p2023):
    persons = pd.DataFrame({"scheme": ["employee", "resident"],
                            "category": ["retired", "adult"], "tier": ["none", "low"],
                            "birth_date": pd.to_datetime(["1950-01-01", "1990-01-01"])},
                           index=pd.Index(["ann", "bo"], name="person"))
    claims = pd.DataFrame({"person": ["bo", "ann", "bo"],
                           "date": pd.to_datetime(["2023-01-05", "2023-02-01", "2023-03-01"]),
                           "kind": ["outpatient", "inpatient", "pharmacy"],
                           "level": ["l1", "l3", "pharmacy"], "total": [20000, 900000, 5000]})
    df = medins.settle_frame(claims, persons, policy=p2023)
    assert list(df["category"]) == ["adult", "retired", "adult"]
    single = p2023.settle(medins.Person("employee", "retired", birth_date="1950-01-01"),
                          medins.Claim("2023-02-01", "inpatient", "l3", 900000))
    assert df["fund"].iloc[1] == single.fund


def test_unknown_person_key_raises(p2023, population):
    persons, claims = population
    bad = claims.assign(person=claims["person"] + 10 ** 6)
    with pytest.raises(KeyError):
        medins.settle_frame(bad, persons, policy=p2023)


def test_batch_error_carries_the_frame(p2023, population):
    persons, claims = population
    bad = claims.copy()
    bad.loc[bad.index[0], "self_paid"] = bad["total"].iloc[0] + 1
    with pytest.raises(medins.BatchError) as e:
        medins.settle_frame(bad, persons, policy=p2023)
    frame = e.value.results
    assert isinstance(frame, pd.DataFrame)
    assert frame["status_name"].iloc[0] == "ERR_CLAIM"


def test_derive_from_dict_changes_level3_inpatient(p2023, employee):
    reform = medins.derive(p2023, {
        "format": 1, "kind": "reform", "title": "L3 +5",
        "sources": [{"id": "an", "title": "Scenario", "kind": "third-party"}],
        "inpatient": {"adjustments": [{"id": "r", "level": "l3", "add": "5%",
                                       "cite": "an: scenario"}]}})
    c3 = medins.Claim("2023-05-01", "inpatient", "l3", 500000)
    c2 = medins.Claim("2023-05-01", "inpatient", "l2", 500000)
    assert reform.settle(employee, c3).fund > p2023.settle(employee, c3).fund
    assert reform.settle(employee, c2).fund == p2023.settle(employee, c2).fund


def test_overlay_yaml_keeps_percent_strings():
    text = medins.overlay_yaml({"inpatient": {"adjustments": [{"add": "5%"}]}})
    assert "5%" in text and "inpatient:" in text


def test_compare_shipped_reform(policies, p2023, population):
    persons, claims = population
    reform = policies["reforms/tianjin-2023-l3-plus5"]
    cmp = medins.compare(p2023, reform, claims, persons)
    df = cmp.claims
    assert (df["fund_delta"] == df["fund_reform"] - df["fund_base"]).all()
    # only level-3 inpatient claims change their fund payment
    moved = df[df["fund_delta"] != 0]
    assert len(moved) > 0
    assert set(moved["level"]) == {"l3"}
    assert set(moved["kind"]) <= {"inpatient", "special_disease"}
    # Sums are exact yuan: the fen summed, two decimals.
    s = cmp.summary()
    assert s["fund_delta"] == Decimal(int(df["fund_delta"].sum())) / 100 > 0
    assert str(s["fund_delta"]) == medins.yuan(int(df["fund_delta"].sum()))
    assert cmp.totals["fund_delta"].sum() == s["fund_delta"]
    assert s["claims"] == len(df)
    assert repr(cmp).endswith(f" yuan ({s['fund_delta']:+})>")
    assert "(yuan)<table" in cmp._repr_html_()


def test_compare_two_years_aligns_dates(p2022, p2023, population):
    persons, claims = population
    cmp = medins.compare(p2022, p2023, claims, persons)
    assert len(cmp.claims) == len(claims)
    assert (cmp.claims["status_reform"] == 0).all()
    ok = cmp.claims["status_base"] == 0
    assert ok.mean() > 0.5
    # totals hold cost by category and level, in the enums' order
    levels = [lvl for _, lvl in cmp.totals.index]
    assert levels.index("primary") < levels.index("l3")


def test_plot_writes_png(tmp_path, p2022, p2023, population):
    persons, claims = population
    df = medins.settle_frame(claims, persons, policy=p2023)
    one = tmp_path / "one.png"
    fig = medins.plot_fund_vs_cost(df, one)
    assert one.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and one.stat().st_size > 5000
    assert fig.axes
    two = tmp_path / "two.png"
    medins.plot_fund_vs_cost(medins.compare(p2022, p2023, claims, persons), two)
    assert two.stat().st_size > 5000


def test_generate_population_is_reproducible():
    a = medins.generate_population(50, seed=3)
    b = medins.generate_population(50, seed=3)
    pd.testing.assert_frame_equal(a[1], b[1])
    assert set(a[0]["category"]) <= {"in_service", "retired", "adult", "student_child"}
