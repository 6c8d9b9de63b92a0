"""A population's contributions, maternity and capitation payments in one C call each: the
same figures and errors as the one-row calls; DataFrames in and out; weighted summaries in
exact yuan; the fund balance."""

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import medins
from medins.population import CAPITATION_OUTPUTS, CONTRIBUTION_OUTPUTS, MATERNITY_OUTPUTS


def _one_row(call):
    """(status, figures) of a one-row call: its figures, or the error's code."""
    try:
        return 0, call().to_dict()
    except medins.MedinsError as e:
        return e.code, e.message


@pytest.fixture(scope="module")
def fund_population():
    return medins.generate_fund_population(600, year=2023, seed=11)


# ---- The same figures as one by one -----------------------------------------------------

def test_contributions_as_one_by_one(p2023):
    # Random persons, some of them bad: an unknown tier code, the middle tier that Tianjin 2023
    # does not have, a negative wage, an employer type of 9, a category of the other scheme.
    rng = np.random.default_rng(3)
    n = 300
    scheme = rng.integers(0, 2, n).astype(np.int32)
    category = np.where(scheme == 0, rng.integers(0, 2, n), rng.integers(2, 4, n)).astype(np.int32)
    category[rng.random(n) < 0.03] = 2
    tier = np.where(scheme == 1, rng.choice([0, 1, 2, 3], n, p=[0.05, 0.6, 0.05, 0.3]), 0)
    tier[rng.random(n) < 0.03] = 7
    wage = rng.integers(100_000, 3_000_000, n)
    wage[rng.random(n) < 0.03] = -1
    employer = rng.choice([0, 1, 2, 3], n)
    employer[rng.random(n) < 0.03] = 9
    groups = np.where(rng.random(n) < 0.2, 1 << rng.integers(0, 10, n), 0).astype(np.uint32)
    persons = {"scheme": scheme, "category": category, "tier": tier.astype(np.int32),
               "groups": groups, "monthly_wage": wage, "employer_type": employer.astype(np.int32)}
    res = medins.contributions_arrays(p2023, persons, date="2023-06-01", on_error="status")
    errors = res.errors.set_index("row")
    failed = 0
    for i in range(n):
        person = medins.lowlevel.Person()
        person.scheme, person.category, person.tier = int(scheme[i]), int(category[i]), int(tier[i])
        person.groups = int(groups[i])
        emp = medins.lowlevel.EmployeeInput()
        emp.monthly_wage, emp.employer_type = int(wage[i]), int(employer[i])
        status, figures = _one_row(lambda: medins.core.Result._wrap(
            p2023._c.contribution(person, 20230601, emp), p2023))
        assert res["status"][i] == status, i
        if status:
            failed += 1
            assert errors.loc[i, "message"] == figures and errors.loc[i, "code"] == status
            assert all(res[k][i] == 0 for k in CONTRIBUTION_OUTPUTS)
        else:
            assert {k: int(res[k][i]) for k in CONTRIBUTION_OUTPUTS} == \
                {k: int(figures[k]) for k in CONTRIBUTION_OUTPUTS}, i
    assert res.failed == failed and 10 < failed < n // 3


def test_contributions_worked(p2023):
    # Tianjin 2023: a low-tier adult resident 350 + 640 subsidy = 990 yuan; an enterprise
    # employee on 5000 yuan a month: employer 11% = 550 a month, 6600 a year; individual 2% =
    # 100 a month, 1200 a year + the fixed 260 = 1460.
    res = medins.contributions_arrays(
        p2023, {"scheme": ["resident", "employee"], "category": ["adult", "in_service"],
                "tier": ["low", "none"], "monthly_wage": [0, medins.fen("5000")]})
    assert list(res["total"]) == [99000, 806000]
    assert list(res["individual"]) == [35000, 146000]
    assert list(res["government"]) == [64000, 0]
    assert list(res["employer"]) == [0, 660000]
    assert res.failed == 0 and res.totals()["total"] == 905000


def test_maternity_as_one_by_one(p2023, fund_population):
    d = fund_population["deliveries"].merge(fund_population["persons"], on="person")
    d.loc[d.index[::9], "child_order"] = 4           # beyond the third child: not covered
    d.loc[d.index[1::13], "weeks"] = 55              # impossible
    res = medins.maternity_arrays(p2023, {c: d[c].to_numpy() for c in d.columns},
                                  on_error="status")
    for i, row in enumerate(d.itertuples()):
        person = medins.Person(row.scheme, row.category, row.tier, row.birth_date)
        status, figures = _one_row(lambda: p2023.maternity(
            person, row.date, delivery=row.delivery, weeks=row.weeks,
            child_order=row.child_order, prenatal_costs=row.prenatal_costs,
            complication_costs=row.complication_costs))
        assert res["status"][i] == status, i
        if status == 0:
            assert {k: int(res[k][i]) for k in MATERNITY_OUTPUTS} == \
                {k: int(figures[k]) for k in MATERNITY_OUTPUTS}, i
    assert 0 < res.failed < len(d)


def test_capitation_as_one_by_one(p2023, fund_population):
    inst = fund_population["institutions"].copy()
    enrol = fund_population["enrolments"]
    inst.loc[inst.index[2], "actual_costs"] = -1     # refused: negative costs
    rows = inst.reset_index(drop=True)
    row_of = {c: i for i, c in enumerate(rows["contract"])}
    e = {"row": enrol["contract"].map(row_of).to_numpy(), "patient": enrol["patient"],
         "from": enrol["from"], "to": enrol["to"]}
    # Given out of row order: sorted for the call, each row's enrolments kept in order.
    order = np.random.default_rng(1).permutation(len(enrol))
    e = {k: np.asarray(v)[order] for k, v in e.items()}
    res = medins.capitation_arrays(p2023, {c: rows[c].to_numpy() for c in rows.columns}, e,
                                   on_error="status")
    for i, row in rows.iterrows():
        mine = [(int(p), f, None) for r, p, f in zip(e["row"], e["patient"], e["from"]) if r == i]
        status, figures = _one_row(lambda: p2023.capitation(
            level=row.level, disease=row.disease, period=(row["from"], row["to"]),
            enrolments=mine, actual_costs=int(row.actual_costs),
            institution=int(row.institution), assessment=int(row.assessment)))
        assert res["status"][i] == status, i
        if status == 0:
            assert {k: int(res[k][i]) for k in CAPITATION_OUTPUTS} == \
                {k: int(figures[k]) for k in CAPITATION_OUTPUTS}, i
    assert res.failed == 1 and res["status"][2] == medins.Status.ERR_INPUT
    assert res.errors["message"].iloc[0] == "negative actual costs"


# ---- Errors -----------------------------------------------------------------------------

def test_failed_row_raises_as_the_one_row_call(p2023):
    persons = pd.DataFrame({"scheme": ["resident", "resident", "employee"],
                            "category": ["adult", "adult", "in_service"],
                            "tier": ["low", "middle", "none"],
                            "monthly_wage": [0, 0, 500000], "weight": [10, 20, 30]},
                           index=["ann", "bo", "cy"])
    with pytest.raises(medins.NotCoveredError) as e:
        medins.contributions_frame(persons, policy=p2023)
    err = e.value
    assert isinstance(err, medins.BatchError) and err.row == "bo"
    assert err.code == medins.Status.ERR_NOT_COVERED
    assert str(err).startswith("person row bo: no resident contribution row for a adult "
                               "resident at the middle tier")
    assert list(err.results["status_name"]) == ["OK", "ERR_NOT_COVERED", "OK"]
    assert list(err.errors["row"]) == ["bo"]
    # With on_error="status": the frame, the weight carried through, tiers as words.
    out = medins.contributions_frame(persons, policy=p2023, on_error="status")
    assert list(out["weight"]) == [10, 20, 30]
    assert list(out["paying_tier"]) == ["low", "none", "none"]
    assert out.attrs["errors"]["message"].iloc[0].startswith("no resident contribution row")


def test_employees_without_a_wage_fail_as_without_employee_input(p2023):
    res = medins.contributions_arrays(p2023, {"scheme": ["employee", "resident"],
                                              "category": ["in_service", "adult"],
                                              "tier": ["none", "low"]}, on_error="status")
    assert list(res["status"]) == [medins.Status.ERR_ARGUMENT, 0]
    assert res.errors["message"].iloc[0] == "an employee needs wage input"


@pytest.mark.parametrize("columns, exc, message", [
    ({"scheme": ["employee"], "category": ["in_service"], "monthly_wage": [5000.0]},
     TypeError, "persons['monthly_wage'] row 0: amounts are integer fen, not float"),
    ({"scheme": ["employee"], "category": ["in_service"],
      "monthly_wage": np.array([5000.5])}, TypeError, "is a float column"),
    ({"category": ["in_service"]}, KeyError, "persons has no 'scheme' column"),
    ({"scheme": ["employee"], "category": ["retiree"]}, ValueError,
     "persons['category'] row 0: \"retiree\" is not a category"),
    ({"scheme": ["employee"], "category": ["in_service"], "monthly_wage": [2 ** 63]},
     OverflowError, "does not fit int64"),
])
def test_bad_columns_are_refused(p2023, columns, exc, message):
    with pytest.raises(exc) as e:
        medins.contributions_arrays(p2023, columns)
    assert message in str(e.value)


def test_bad_capitation_and_maternity_columns(p2023):
    inst = {"level": ["primary"], "disease": ["diabetes"], "from": ["2023-01-01"],
            "to": ["2023-12-31"], "actual_costs": [100000]}
    with pytest.raises(IndexError, match="enrolments\\['row'\\] must index the institutions"):
        medins.capitation_arrays(p2023, inst, {"row": [1], "patient": [1], "from": ["2023-01-01"]})
    with pytest.raises(KeyError, match="institutions has no 'actual_costs' column"):
        medins.capitation_arrays(p2023, {k: v for k, v in inst.items() if k != "actual_costs"},
                                 {"row": [], "patient": [], "from": []})
    with pytest.raises(KeyError, match="deliveries has no 'weeks' column"):
        medins.maternity_arrays(p2023, {"scheme": ["employee"], "category": ["in_service"],
                                        "date": ["2023-03-01"], "delivery": ["natural"],
                                        "child_order": [1]})
    with pytest.raises(ValueError, match="on_error must be"):
        medins.maternity_arrays(p2023, {}, on_error="ignore")


def test_lowlevel_refuses_what_the_c_call_would_misread(p2023):
    c = medins.lowlevel
    n = 2
    cols = {"scheme": np.zeros(n, np.int32), "category": np.zeros(n, np.int32)}
    with pytest.raises(KeyError, match="'wages' is not one of its columns"):
        c.contribution_batch(p2023._c, 20230601, n, dict(cols, wages=np.zeros(n, np.int64)), {})
    with pytest.raises(ValueError, match="columns\\['scheme'\\] must be a C-contiguous "
                                         "one-dimensional int32 array of 2"):
        c.contribution_batch(p2023._c, 20230601, n, dict(cols, scheme=np.zeros(n, np.int64)), {})
    out = np.zeros(n, np.int64)
    out.flags.writeable = False
    with pytest.raises(ValueError, match="outputs\\['total'\\] must be a C-contiguous "
                                         "writeable"):
        c.contribution_batch(p2023._c, 20230601, n, cols, {"total": out})
    with pytest.raises(medins.ClaimError, match="not a day on which policy tianjin/2023"):
        c.contribution_batch(p2023._c, 20220601, n, cols, {})


# ---- Summaries, weights and yuan ----------------------------------------------------------

def test_summaries_are_weighted_exact_yuan():
    frame = pd.DataFrame({"scheme": [0, 1, 1, 0], "fund": [1, 2, 3, 10 ** 12],
                          "weight": [3, 1, 2, 7]})
    s = medins.summarize(frame, ["fund"], by="scheme", weight="weight")
    # employee: 3 x 1 + 7 x 10^12 fen; resident: 1 x 2 + 2 x 3 = 8 fen.
    assert list(s.index) == ["employee", "resident"]
    assert s.loc["employee", "fund"] == Decimal("70000000000.03")
    assert s.loc["resident", "fund"] == Decimal("0.08")
    assert list(s["rows"]) == [10, 3] and s.attrs["unit"] == "yuan"
    assert str(s.loc["resident", "fund"]) == "0.08"
    # Sums too large for int64 are still exact.
    big = pd.DataFrame({"fund": [9 * 10 ** 13] * 4, "weight": [10 ** 6] * 4})
    assert medins.summarize(big, ["fund"], weight="weight").loc["all", "fund"] == \
        Decimal(36 * 10 ** 19) / 100


@pytest.mark.parametrize("weights, exc, message", [
    ([1.5, 2.0], TypeError, "round them"),
    ([1, -2], ValueError, "row 1: a negative weight"),
    ([1], ValueError, "1 weights for 2 rows"),
])
def test_bad_weights_are_refused(weights, exc, message):
    frame = pd.DataFrame({"fund": [1, 2], "w": weights + [0] * (2 - len(weights))})
    with pytest.raises(exc, match=message):
        medins.summarize(frame, ["fund"], weight=weights if len(weights) == 1 else "w")


def test_enums_print_names():
    assert str(medins.Part.FUND) == "fund" and f"{medins.Level.L3}" == "l3"
    assert f"{medins.Level.L3:d}" == "3" and medins.Level.L3 == 3
    assert str(medins.Group.DIBAO | medins.Group.DISABLED) == "dibao+disabled"
    # Members kept as objects (pandas would read a list of them as int64) print as words.
    frame = pd.DataFrame({"level": pd.Series([medins.Level.L3, medins.Level.PRIMARY],
                                             dtype=object)})
    assert frame.to_string().split() == ["level", "0", "l3", "1", "primary"]


def test_figures_results_have_to_dict(p2023):
    r = p2023.contribution(medins.Person.resident(tier="high"), "2023-06-01")
    d = r.to_dict()
    assert d["total"] == 211000 and d["paying_tier"] == medins.Tier.HIGH
    assert str(d["paying_tier"]) == "high" and "paying_tier=high" in repr(r)


def test_lines_frame_names_parts(p2023, employee):
    r = p2023.settle(employee, medins.Claim("2023-05-01", "inpatient", "l3", 500000))
    parts = r.lines_frame()["part"]
    assert "fund" in set(parts) and parts.map(type).eq(str).all()


# ---- The fund balance ---------------------------------------------------------------------

def test_fund_balance_adds_up(p2023, fund_population):
    d = fund_population
    contributors = d["persons"][d["persons"]["category"] != "retired"]
    frames = {
        "contributions": medins.contributions_frame(contributors, policy=p2023),
        "settlements": medins.settle_frame(d["claims"], d["persons"], policy=p2023),
        "maternity": medins.maternity_frame(d["deliveries"], d["persons"], policy=p2023),
        "capitation": medins.capitation_frame(d["institutions"], d["enrolments"],
                                              policy=p2023, institution_key="contract"),
    }
    b = medins.fund_balance(**frames, weight="weight")
    assert list(b.index) == ["employee", "resident"]
    for _, row in b.iterrows():
        assert row["income"] == row["individual"] + row["employer"] + row["government"]
        assert row["expenditure"] == (row["fund"] + row["major_disease"] + row["account"]
                                      + row["maternity"] + row["capitation"])
        assert row["balance"] == row["income"] - row["expenditure"]
    # The weighted income of the employees, worked from the rows: sum of weight x total.
    c = frames["contributions"]
    emp = c[c["scheme"] == "employee"]
    assert b.loc["employee", "income"] == Decimal(int((emp["weight"] * emp["total"]).sum())) / 100
    assert b.loc["employee", "persons"] == int(emp["weight"].sum())
    # Unweighted, for everyone: one row, the two schemes' sums.
    one = medins.fund_balance(**frames, by=None)
    plain = medins.fund_balance(**frames)
    assert one.loc["all", "balance"] == plain["balance"].sum()
    assert one.loc["all", "capitation"] == \
        Decimal(int(frames["capitation"]["payment"].sum())) / 100
    with pytest.raises(ValueError, match="give at least one"):
        medins.fund_balance()


def test_compare_weighted(p2022, p2023, fund_population):
    d = fund_population
    cmp = medins.compare(p2022, p2023, d["claims"], d["persons"], weight="weight")
    claims = cmp.claims
    want = Decimal(int((claims["weight"] * claims["fund_delta"]).sum())) / 100
    assert cmp.summary()["fund_delta"] == want
    assert cmp.summary()["claims"] == int(claims["weight"].sum())
    assert "weighted by 'weight'" in repr(cmp)
    assert cmp.to_dict()["base"] == "tianjin/2022"
