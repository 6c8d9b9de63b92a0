"""Single settlements: figures, explanations, ledgers (text, reversal, closing a year)."""

import dataclasses

import pytest

import medins
from conftest import claim

KINDS = [("outpatient", "l1"), ("outpatient", "primary"), ("pharmacy", "pharmacy"),
         ("inpatient", "l3"), ("inpatient", "l2"), ("special_disease", "l2")]


@pytest.mark.parametrize("kind,level", KINDS)
@pytest.mark.parametrize("who", ["employee", "retiree", "resident"])
def test_parts_add_up_to_the_total(request, p2023, who, kind, level):
    person = request.getfixturevalue(who)
    r = p2023.settle(person, claim(kind=kind, level=level, total=1234567, self_paid=1000,
                                   category_b=2000))
    assert isinstance(r, medins.Settlement)
    assert r.total == r.fund + r.major_disease + r.assistance + r.patient, (who, kind, level)
    assert r.in_scope == r.total - r.self_paid - r.category_b
    assert r.patient == r.account + r.cash
    assert min(r.fund, r.patient, r.deductible, r.coinsurance) >= 0


def test_result_repr_explain_and_html(p2023, employee):
    r = p2023.settle(employee, claim(kind="inpatient", level="l3", total=medins.fen("12000"),
                                     id=5))
    assert r.claim_id == 5 and r.policy_id == "tianjin/2023"
    assert r.kind is medins.ResultKind.SETTLEMENT
    text = repr(r)
    assert "tianjin/2023" in text and medins.yuan(r.fund) in text
    assert r.lines and all(isinstance(ln, medins.Line) for ln in r.lines)
    assert any(ln.part is medins.Part.FUND for ln in r.lines)
    assert any(ln.citation for ln in r.lines)
    assert r.explain().count("\n") >= len(r.lines)
    assert "<table>" in r._repr_html_()
    assert r.lines_frame().shape[0] == len(r.lines)
    assert set(r.to_dict()) >= {"fund", "patient", "deductible"}


def test_assumed_values_listed(p2023, employee):
    r = p2023.settle(employee, claim(kind="inpatient", level="l3", total=1200000))
    assert r.uses_assumed == bool(r.assumed_values)
    for v in r.assumed_values:
        assert v.assumed and v.path and v.at
        assert v.path in r.explain()


def test_third_party_values_listed(policies, employee):
    """The example reform cites a source of kind third-party (an analyst's scenario) for its
    level-3 adjustment: a level-3 admission under it lists that value among the third-party
    values used, with and without lines, and its line's citation says so; a level-1 admission
    does not use it."""
    reform = policies["reforms/tianjin-2023-l3-plus5"]
    c = claim(kind="inpatient", level="l3", total=1200000)
    for r in (reform.settle(employee, c), reform.settle(employee, c, explain=False)):
        mine = [v for v in r.third_party_values if v.source == "scenario-a"]
        assert len(mine) == 1 and mine[0].third_party and not mine[0].assumed, r.third_party_values
        assert mine[0].text == "5%" and "third-party scenario-a" in str(mine[0])
    lined = reform.settle(employee, c)
    assert any(ln.citation.startswith("third-party: Scenario A") for ln in lined.lines)
    assert "third-party values used:" in lined.explain()
    l1 = reform.settle(employee, claim(kind="inpatient", level="l1", total=1200000))
    assert not [v for v in l1.third_party_values if v.source == "scenario-a"]


def test_assumed_values_made_when_read(p2023, employee):
    """A settlement's assumed values are made on first access, with or without lines: the
    same values as the policy's own records, one list kept per settlement, a list of its own
    for each settlement; other missing attributes still raise AttributeError."""
    c = claim(kind="inpatient", level="l3", total=1200000)
    quiet, lined = p2023.settle(employee, c, explain=False), p2023.settle(employee, c)
    assert quiet.uses_assumed and "assumed_values" not in vars(quiet)
    values = quiet.assumed_values
    assert values and values == lined.assumed_values
    assert quiet.assumed_values is values and lined.assumed_values is not values
    paths = {v.path for v in p2023.assumed_values}
    assert all(v.assumed and v.path in paths for v in values)
    values.clear()
    assert p2023.settle(employee, c, explain=False).assumed_values == lined.assumed_values
    with pytest.raises(AttributeError, match="no attribute 'no_such_figure'"):
        quiet.no_such_figure
    assert not hasattr(quiet, "_assumed_keys_of_nothing")
    # Without assumed values the list is there from the start.
    plain = p2023.settle(employee, claim(kind="outpatient", level="l1", total=1000),
                         explain=False)
    assert plain.uses_assumed == bool(plain.assumed_values)


def test_lines_read_in_one_call_equal_the_line_records(p2023, employee):
    """Lines come out in one call, their rule, source, citation and file decoded once a
    policy: every field equals what the library's own line record says, and a second result
    of the same claim shares those four strings (the same objects)."""
    c = claim(kind="inpatient", level="l3", total=1200000)
    a, b = p2023.settle(employee, c), p2023.settle(employee, c)
    # A settlement's handle is a bare pointer object: the flat functions read it.
    flat = medins.lowlevel._lowlevel
    assert len(a.lines) == flat.Result_line_count(a._c) and a.lines == b.lines
    fields = ("amount", "base", "ratio", "rule", "text", "source", "citation", "file", "line",
              "column")
    for i, (x, y) in enumerate(zip(a.lines, b.lines)):
        rec = flat.Result_line(a._c, i)
        assert set(vars(x)) == {f.name for f in dataclasses.fields(medins.Line)}
        assert int(x.part) == rec.part and x.assumed == bool(rec.assumed)
        for f in fields:
            assert getattr(x, f) == getattr(rec, f), (i, f)
        for f in ("rule", "source", "citation", "file"):
            assert getattr(x, f) is getattr(y, f), (i, f)
    assert any(x.file and x.line > 0 and x.source for x in a.lines)


def test_no_lines_when_not_explained(p2023, employee):
    full = p2023.settle(employee, claim(total=56789))
    bare = p2023.settle(employee, claim(total=56789), explain=False)
    assert bare.lines == [] and bare.fund == full.fund and bare.patient == full.patient


def test_ledger_accumulates_deductible(p2023, employee):
    ledger = medins.Ledger(2023)
    p2023.settle(employee, claim(date="2023-02-01", total=30000), ledger)
    after_one = ledger.deductible[medins.Pool.OUTPATIENT]
    assert after_one > 0 and ledger.seq == 1
    assert ledger.last_date.isoformat() == "2023-02-01"
    second = p2023.settle(employee, claim(date="2023-03-01", total=30000), ledger)
    # the year's deductible is taken once: the second claim pays less of it
    first = p2023.settle(employee, claim(date="2023-02-01", total=30000))
    assert second.deductible <= first.deductible
    assert ledger.seq == 2


def test_module_level_settle_picks_policy_by_date(employee):
    c = claim(date="2022-07-01", total=40000)
    assert medins.settle(employee, c).policy_id == "tianjin/2022"


def test_reverse_restores_ledger(p2023, employee):
    ledger = medins.Ledger(2023)
    p2023.settle(employee, claim(date="2023-01-10", total=20000), ledger)
    before = ledger.to_text()
    r = p2023.settle(employee, claim(date="2023-02-10", kind="inpatient", level="l2",
                                     total=900000), ledger)
    assert ledger.to_text() != before
    ledger.reverse(r)
    assert ledger.to_text() == before


def test_ledger_text_round_trip(p2023, employee):
    ledger = medins.Ledger(2023)
    p2023.settle(employee, claim(kind="inpatient", level="l3", total=800000), ledger)
    text = ledger.to_text()
    assert text.startswith("medins-ledger 1")
    back = medins.Ledger.from_text(text)
    assert back == ledger and back is not ledger
    assert back.to_dict() == ledger.to_dict()
    import pickle
    assert pickle.loads(pickle.dumps(ledger)) == ledger


def test_ledger_fields_are_settable():
    ledger = medins.Ledger(2023)
    ledger.account_balance = 50000
    ledger.fund = {medins.Pool.INPATIENT: 123}
    assert ledger.account_balance == 50000
    assert ledger.fund[medins.Pool.INPATIENT] == 123
    c = ledger.copy()
    c.account_balance = 1
    assert ledger.account_balance == 50000
    with pytest.raises(AttributeError):
        ledger.no_such_field = 1
    assert "Ledger(year=2023" in repr(ledger)
    ledger.check()


def test_account_pays_from_balance(p2023, employee):
    ledger = medins.Ledger(2023)
    ledger.account_balance = 10 ** 7
    r = p2023.settle(employee, claim(kind="inpatient", level="l3", total=500000), ledger)
    assert r.account + r.cash == r.patient
    assert ledger.account_balance == 10 ** 7 - r.account


def test_close_year(p2023, employee):
    ledger = medins.Ledger(2023)
    p2023.settle(employee, claim(date="2023-03-01", total=20000), ledger)
    nxt = ledger.close_year(p2023, employee)
    assert nxt.year == 2024 and nxt.seq == 0
    assert nxt.prior_known == 1
    assert nxt.prior_outpatient_costs == ledger.outpatient_costs
    assert ledger.year == 2023, "closing makes a new ledger"
