"""The ABI that can grow, from Python: the structs move by the library's description of them."""

import medins
from medins import lowlevel as c
from medins.core import _SETTLEMENT_FIELDS, _LEDGER_POOLS, _LEDGER_SCALARS


def names(layout):
    return [c.layout_field(layout, i).name for i in range(c.layout_field_count(layout))]


def test_settlement_attributes_are_the_layout(p2023):
    # The figures a Settlement carries are the C struct's fields, in its order.
    assert list(_SETTLEMENT_FIELDS) == names(c.LAYOUT_SETTLEMENT)
    s = p2023.settle(medins.Person.employee(), medins.Claim(date="2023-06-01", kind="inpatient",
                                                            level="l3", total=1000000))
    assert list(s.to_dict()) == names(c.LAYOUT_SETTLEMENT)
    # 10,000 yuan at level 3 (the README's check): the fund's share 7,055 yuan.
    assert s.fund == 705500
    assert s.to_dict() == p2023.settle_figures(
        medins.Person.employee(), medins.Claim(date="2023-06-01", kind="inpatient", level="l3",
                                               total=1000000))


def test_ledger_fields_are_the_layout():
    # A scalar per field, a dict per total by pool ("fund.inpatient" is fund[INPATIENT]).
    fields = names(c.LAYOUT_LEDGER)
    assert list(_LEDGER_SCALARS) == [n for n in fields if "." not in n]
    assert _LEDGER_POOLS == ("deductible", "position", "fund", "supplementary", "day_fund")
    led = medins.Ledger(2023)
    assert set(led.to_dict()) == set(_LEDGER_SCALARS) | set(_LEDGER_POOLS)


def test_figures_are_the_layout(p2023):
    r = p2023.contribution(medins.Person.resident(tier="high"), "2023-06-01")
    assert list(r.figures) == names(c.LAYOUT_CONTRIBUTION_FIGURES)
    # C12: the high grade's individual share 980 yuan; C13-less adult: subsidy 1,130 (assumed).
    assert (r.individual, r.government) == (98000, 113000)


def test_layout_description():
    f = c.layout_field(c.LAYOUT_PERSON, 3)
    assert (f.name, f.type, f.kind) == ("birth_date", c.FIELD_INT32, c.FIELD_DATE)
    assert c.layout_name(c.LAYOUT_LEDGER) == "medins_ledger"
    assert c.layout_field(c.LAYOUT_PERSON, 99) is None
