"""Reforms in code: values addressed by the ids overlays merge on, set as the reform's own;
the addressable values listed; parameter sweeps in one call."""

from decimal import Decimal

import pytest

import medins

L3 = "inpatient.ratio[id=employee-l3].segments[0].ratio"


def test_parameters_list_the_addressable_values(p2023):
    params = p2023.parameters()
    assert L3 in params.index
    row = params.loc[L3]
    assert row["text"] == "85%" and row["path"] == "inpatient.ratio[0].segments[0].ratio"
    assert row["kind"] in ("official", "third-party", "assumed")
    # Rows without an id are not addressable: the inpatient deductibles, named by selectors.
    assert not any(a.startswith("inpatient.deductible[") for a in params.index)
    assert "contributions.employee.wage_base.floor" in params.index
    keys = {v.key for v in p2023.values}
    assert set(params.index) <= keys and len(params) < len(keys)


def test_derive_sets_the_value_as_the_reforms_own(p2023, employee):
    reform = p2023.derive({"inpatient.ratio[employee-l3].segments[0].ratio": "90%"},
                          title="Level 3 at 90%")
    assert reform.title == "Level 3 at 90%" and p2023.parameters().loc[L3, "text"] == "85%"
    params = reform.parameters()
    assert params.loc[L3, "text"] == "90%" and params.loc[L3, "kind"] == "reform"
    src = {s.id: s for s in reform.sources}["reform"]
    assert src.kind == "reform" and src.title == "Level 3 at 90%"
    # The other segment keeps its value and citation (the list is given whole).
    other = "inpatient.ratio[id=employee-l3].segments[1].ratio"
    assert params.loc[other, ["text", "kind", "at"]].tolist() == \
        p2023.parameters().loc[other, ["text", "kind", "at"]].tolist()
    # A 30,000-yuan level-3 admission: 30000 - 1700 deductible = 28300 in the first segment,
    # at 90% instead of 85%: the fund pays 25470.00 instead of 24055.00.
    claim = medins.Claim("2023-05-01", "inpatient", "l3", medins.fen("30000"))
    before, after = p2023.settle(employee, claim), reform.settle(employee, claim)
    assert (before.fund, after.fund) == (2405500, 2547000)
    cited = [ln for ln in after.lines if ln.source == "reform"]
    assert cited and cited[0].citation == f"reform: Level 3 at 90%, {L3}"
    assert not cited[0].assumed


def test_several_changes_and_default_title(p2023):
    reform = p2023.derive({L3: "88%", "inpatient.ratio[id=employee-l3].segments[1].ratio": "93%",
                           "contributions.employee.wage_base.floor": Decimal("5000"),
                           "outpatient.account": False})
    params = reform.parameters()
    assert params.loc[L3, "text"] == "88%"
    assert params.loc["inpatient.ratio[id=employee-l3].segments[1].ratio", "text"] == "93%"
    assert params.loc["contributions.employee.wage_base.floor", "text"] == "5000"
    assert params.loc["outpatient.account", "text"] == "false"
    assert reform.title.startswith(f"{L3} = 88%; ")
    # A reform of a reform: its source gets an id of its own.
    again = reform.derive({L3: "89%"}, title="again")
    assert {s.id for s in again.sources if s.kind == "reform"} == {"reform", "reform-2"}


@pytest.mark.parametrize("changes, exc, message", [
    ({"inpatient.ratio[id=nobody].ratio": "90%"}, KeyError,
     "tianjin/2023 has no value at inpatient.ratio[id=nobody].ratio"),
    ({"inpatient.deductible[scheme=employee,level=l3,admission=first].amount": "1000"},
     ValueError, "is in a row without an id: overlays merge rows by id"),
    ({L3: 90}, TypeError, "give the value as policy files write it"),
    ({L3: 0.9}, TypeError, "not float"),
    ({"inpatient..ratio": "90%"}, ValueError, "is not a value's address"),
])
def test_bad_changes_are_refused(p2023, changes, exc, message):
    with pytest.raises(exc) as e:
        p2023.derive(changes)
    assert message in str(e.value)


def test_a_value_the_format_refuses_points_into_the_overlay(p2023):
    with pytest.raises(medins.PolicyError) as e:
        p2023.derive({L3: "150%"}, title="too much")
    assert e.value.code == medins.Status.ERR_RANGE and e.value.file == "reform.yaml"
    assert e.value.line > 0 and "150%" in e.value.message


def test_title_goes_with_addresses_only(p2023):
    with pytest.raises(TypeError, match="title= goes with a mapping of addresses"):
        p2023.derive("title: x\n", title="y")


def test_sweep_in_one_call(p2023, population):
    persons, claims = population
    table = medins.sweep(p2023, L3, ["80%", "90%"], claims, persons)
    assert list(table.index) == ["85% (base)", "80%", "90%"]
    fund = table["fund"]
    assert fund.iloc[1] < fund.iloc[0] < fund.iloc[2]
    assert all(isinstance(v, Decimal) for v in fund)
    # Each row is the settlement of the same claims under that policy.
    reform = p2023.sweep(L3, ["90%"])["90%"]
    settled = medins.settle_frame(claims, persons, policy=reform, on_error="status")
    assert fund.iloc[2] == Decimal(int(settled["fund"].sum())) / 100
    assert reform.title == f"{L3} = 90%"
