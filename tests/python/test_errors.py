"""Every C failure becomes an exception of the right class, with code, file, line and column."""

import pickle

import pytest

import medins
from conftest import claim

OVERLAY = """format: 1
kind: reform
base: tianjin/2023
title: "bad ratio"
sources: [{id: an, title: "Scenario", kind: third-party}]
inpatient:
  adjustments:
    - {id: r1, level: l3, add: 5, cite: "an: A"}
"""


def test_bad_policy_file_raises_at_the_node(tmp_path):
    f = tmp_path / "reform.yaml"
    f.write_text(OVERLAY)
    with pytest.raises(medins.PolicyError) as e:
        medins.load_policy(f)
    err = e.value
    assert err.code == medins.Status.ERR_SYNTAX and err.name == "MEDINS_ERR_SYNTAX"
    assert err.file == str(f)
    # line 8 is the adjustment row; its `add: 5` value starts at column 32
    assert (err.line, err.column) == (8, OVERLAY.splitlines()[7].index("5") + 1)
    assert str(err).startswith(f"{f}:8:")


def test_unknown_key_points_at_the_key():
    with pytest.raises(medins.PolicyError) as e:
        medins.load_policy_string("format: 1\nregion: x\nbogus: 1\n", "bad.yaml")
    assert (e.value.file, e.value.line, e.value.column) == ("bad.yaml", 3, 1)
    assert e.value.code == medins.Status.ERR_UNKNOWN_KEY


def test_overlay_error_names_the_overlay(p2023):
    with pytest.raises(medins.PolicyError) as e:
        p2023.derive(OVERLAY.replace("add: 5,", "add: 5%,").replace("an: A", "zz: A"),
                     "scenario.yaml")
    assert e.value.file == "scenario.yaml" and e.value.line == 8
    assert e.value.code == medins.Status.ERR_CITATION


def test_missing_file_raises():
    with pytest.raises(medins.PolicyError) as e:
        medins.load_policy("/nonexistent/medins.yaml")
    assert e.value.code == medins.Status.ERR_IO


@pytest.mark.parametrize("bad,cls,code", [
    (dict(total=-5), medins.ClaimError, "ERR_CLAIM"),
    (dict(total=100, self_paid=200), medins.ClaimError, "ERR_CLAIM"),
    (dict(total=10 ** 15), medins.ArgumentError, "ERR_OVERFLOW"),
    (dict(date="2030-01-01"), medins.LedgerError, "ERR_LEDGER_YEAR"),
])
def test_bad_claims_raise(p2023, employee, bad, cls, code):
    ledger = medins.Ledger(2023)
    before = ledger.to_text()
    with pytest.raises(cls) as e:
        p2023.settle(employee, claim(**bad), ledger)
    assert e.value.code == medins.Status[code]
    assert ledger.to_text() == before, "a failed settlement leaves the ledger as it was"


def test_claim_earlier_than_ledger_raises(p2023, employee):
    ledger = medins.Ledger(2023)
    p2023.settle(employee, claim(date="2023-05-01"), ledger)
    with pytest.raises(medins.LedgerError) as e:
        p2023.settle(employee, claim(date="2023-04-01"), ledger)
    assert e.value.code == medins.Status.ERR_ORDER


def test_person_of_wrong_scheme_raises(p2023):
    with pytest.raises(medins.PersonError):
        p2023.settle(medins.Person("employee", "adult"), claim())


def test_uncovered_claim_raises(policies, employee):
    # jiangsu/2017 has no benefit sections: nothing is covered.
    p = policies["jiangsu/2017"]
    with pytest.raises(medins.NotCoveredError) as e:
        p.settle(employee, claim(date="2023-01-05"))
    assert e.value.code == medins.Status.ERR_NOT_COVERED


def test_corrupt_ledger_text_raises():
    with pytest.raises(medins.LedgerError) as e:
        medins.Ledger.from_text("garbage")
    assert e.value.code == medins.Status.ERR_LEDGER


@pytest.mark.parametrize("call", [
    lambda p: medins.Ledger.from_text(None),
    lambda p: medins.lowlevel.Ledger.from_text(None),
    lambda p: medins.lowlevel.Policy.load_string("x.yaml", None, None, None),
    lambda p: p._c.derive("x.yaml", None),
    lambda p: medins.lowlevel.money_parse(None),
    lambda p: medins.lowlevel.ratio_parse(None),
], ids=["Ledger.from_text", "lowlevel.Ledger.from_text", "lowlevel.Policy.load_string",
        "lowlevel.Policy.derive", "lowlevel.money_parse", "lowlevel.ratio_parse"])
def test_none_for_a_text_is_a_type_error(p2023, call):
    # These crashed the interpreter: the interface's helpers read the text to its end (strlen)
    # and SWIG passed None on as NULL.
    with pytest.raises(TypeError, match="must be a str, not None"):
        call(p2023)


@pytest.mark.parametrize("call", [
    lambda p: medins.lowlevel.Result.kind(None),
    lambda p: medins.lowlevel.Ledger.to_text(None),
    lambda p: medins.lowlevel.Ledger.get_deductible(None, 0),
    lambda p: medins.lowlevel.Policy.id(None),
], ids=["Result.kind", "Ledger.to_text", "Ledger.get_deductible", "Policy.id"])
def test_a_method_called_on_none_is_a_type_error(p2023, call):
    # Result.kind(None) crashed the interpreter: SWIG passed None on as the object, NULL.
    with pytest.raises(TypeError, match="called on None"):
        call(p2023)


def test_setting_the_struct_member_to_none_is_a_type_error():
    # AccountInput.employee is copied in from a pointer: None crashed the interpreter.
    a = medins.lowlevel.AccountInput()
    with pytest.raises(TypeError, match="not None"):
        a.employee = None


def test_capitation_without_input_is_an_argument_error(p2023):
    # The interface copied the input before the library could refuse it, and crashed.
    with pytest.raises(medins.MedinsError) as e:
        p2023._c.capitation(None, None)
    assert e.value.code == medins.Status.ERR_ARGUMENT


def test_reverse_of_older_result_raises(p2023, employee):
    ledger = medins.Ledger(2023)
    first = p2023.settle(employee, claim(date="2023-02-01"), ledger)
    p2023.settle(employee, claim(date="2023-03-01"), ledger)
    with pytest.raises(medins.LedgerError) as e:
        ledger.reverse(first)
    assert e.value.code == medins.Status.ERR_REVERSE


def test_errors_pickle_with_their_fields():
    err = medins.errors._from_c(-15, "ratio out of range", "a.yaml", 4, 9)
    assert isinstance(err, medins.PolicyError)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is medins.PolicyError
    assert (back.code, back.file, back.line, back.column) == (-15, "a.yaml", 4, 9)


@pytest.mark.parametrize("code,cls", [
    (-1, medins.ArgumentError), (-3, medins.PolicyError), (-21, medins.PolicyError),
    (-30, medins.NoPolicyError), (-31, medins.NotCoveredError), (-40, medins.PersonError),
    (-44, medins.ClaimError), (-46, medins.LedgerError), (-60, medins.InputError),
    (-70, medins.BatchError), (-99, medins.MedinsError)])
def test_code_to_class(code, cls):
    assert type(medins.errors._from_c(code, "m", None, 0, 0)) is cls


def test_wrong_objects_are_type_errors_naming_the_argument(p2023):
    """A settlement, contribution or year closing given None or another object instead of a
    Person, Claim, Ledger or Policy raises a TypeError that names the argument, not an
    AttributeError from inside the call; the right objects still settle."""
    person = medins.Person(scheme="employee", category="in_service", birth_date="1980-01-01")
    c = claim(kind="outpatient", level="l2", total=100000)
    ledger = medins.Ledger(2023)
    cases = [
        (lambda: p2023.settle(None, c), "Policy.settle: person must be medins.Person, not NoneType"),
        (lambda: p2023.settle(person, None), "Policy.settle: claim must be medins.Claim, not NoneType"),
        (lambda: p2023.settle(person, c, "x"),
         "Policy.settle: ledger must be medins.Ledger or None, not str"),
        (lambda: p2023.settle(person, {"date": "2023-03-01"}, explain=False),
         "Policy.settle: claim must be medins.Claim, not dict"),
        (lambda: p2023.settle_figures(person, None),
         "Policy.settle_figures: claim must be medins.Claim, not NoneType"),
        (lambda: medins.settle(person, None), "settle: claim must be medins.Claim, not NoneType"),
        (lambda: medins.settle(person, c, policy="tianjin/2023"),
         "settle: policy must be medins.Policy, not str"),
        (lambda: p2023.contribution(None, "2023-01-01"),
         "Policy.contribution: person must be medins.Person, not NoneType"),
        (lambda: p2023.maternity(None, "2023-01-01", delivery="natural"),
         "Policy.maternity: person must be medins.Person, not NoneType"),
        (lambda: p2023.account(None, "2023-01-01"),
         "Policy.account: person must be medins.Person, not NoneType"),
        (lambda: ledger.close_year(None, person),
         "Ledger.close_year: policy must be medins.Policy, not NoneType"),
    ]
    for call, message in cases:
        with pytest.raises(TypeError) as e:
            call()
        assert str(e.value) == message
        assert e.value.__cause__ is None and e.value.__suppress_context__
    # A wrong argument changed nothing: the ledger settles its first claim as new.
    s = p2023.settle(person, c, ledger, explain=False)
    assert ledger.seq == 1 and s.total == 100000


# Each code in errors.h's order and its class, written out here from errors.h's families so that the library's table is
# checked: the binding holds no list of codes of its own.
CLASS_OF = {
    "OK": medins.MedinsError,
    "ERR_NOMEM": medins.ArgumentError, "ERR_ARGUMENT": medins.ArgumentError,
    "ERR_IO": medins.PolicyError, "ERR_OVERFLOW": medins.ArgumentError,
    "ERR_BUFFER": medins.ArgumentError, "ERR_YAML": medins.PolicyError, "ERR_LIMIT": medins.PolicyError,
    "ERR_UNKNOWN_KEY": medins.PolicyError, "ERR_TYPE": medins.PolicyError,
    "ERR_MISSING": medins.PolicyError, "ERR_RANGE": medins.PolicyError,
    "ERR_SYNTAX": medins.PolicyError, "ERR_SEGMENTS": medins.PolicyError,
    "ERR_OVERLAP": medins.PolicyError, "ERR_BASE": medins.PolicyError,
    "ERR_CYCLE": medins.PolicyError, "ERR_CITATION": medins.PolicyError,
    "ERR_DUPLICATE": medins.PolicyError,
    "ERR_NO_POLICY": medins.NoPolicyError, "ERR_NOT_COVERED": medins.NotCoveredError,
    "ERR_PERSON": medins.PersonError,
    "ERR_CLAIM": medins.ClaimError, "ERR_KIND": medins.ClaimError,
    "ERR_LEVEL": medins.ClaimError, "ERR_DATE": medins.ClaimError,
    "ERR_ORDER": medins.LedgerError, "ERR_LEDGER_YEAR": medins.LedgerError,
    "ERR_LEDGER": medins.LedgerError, "ERR_REVERSE": medins.LedgerError,
    "ERR_RECORD": medins.LedgerError,
    "ERR_INPUT": medins.InputError, "ERR_ENROLMENT": medins.InputError,
    "ERR_BATCH": medins.BatchError,
}


def test_status_table_and_classes_come_from_the_library():
    from medins.errors import _from_c
    assert [s.name for s in medins.Status] == list(CLASS_OF)
    for status in medins.Status:
        e = _from_c(int(status), "m", None, 0, 0)
        assert type(e) is CLASS_OF[status.name], status.name
        assert e.name == "MEDINS_" + status.name
    # A code the library does not have: the base class, named as the library names it.
    for code in (-6, 2**40):
        e = _from_c(code, "m", None, 0, 0)
        assert type(e) is medins.MedinsError and e.name == "MEDINS_ERR_UNKNOWN"
