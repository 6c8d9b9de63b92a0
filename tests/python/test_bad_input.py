"""Bad Python values and arrays: each is refused with a clear error, and nothing is changed.

One test per class of tests/BAD-INPUT.md's "Python values and arrays" table; the cases are its
parameters. Every refusal asserts the exception class, a part of the message naming the value
(field, or column and row) and, for the library's own errors, the status code.
"""

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import medins

PERSONS = {"scheme": ["employee", "employee"], "category": ["in_service", "retired"],
           "tier": ["none", "none"], "birth_date": [19800101, 19500101]}


def _claims(**cols):
    """Three valid claims, two of person 0 and one of person 1, with `cols` replaced."""
    claims = {"person": np.array([0, 0, 1], np.int32),
              "date": np.array([20230301, 20230401, 20230501], np.int32),
              "kind": np.array(["outpatient", "inpatient", "outpatient"]),
              "level": np.array(["l1", "l3", "l2"]),
              "total": np.array([30000, 900000, 50000], np.int64)}
    claims.update(cols)
    return claims


def _refused(policy, persons, claims, exc, match):
    """settle_arrays refuses the columns with `exc` matching `match`, before anything is
    settled: the caller's ledger block is unchanged."""
    block = medins.LedgerBlock(np.full(2, 2023))
    before = bytes(block._raw)
    with pytest.raises(exc, match=match):
        medins.settle_arrays(policy, persons, claims, ledgers=block)
    assert bytes(block._raw) == before


# ---- text with a NUL -----------------------------------------------------------------------

LEDGER_TEXT = medins.Ledger(2023).to_text()
POLICY = "format: 1\nkind: reform\nbase: tianjin/2023\ntitle: \"t\"\n"


@pytest.mark.parametrize("call,exc,code,part", [
    # "1\0" + "2": the library saw only "1" and gave 100 fen.
    (lambda p: medins.fen("1\x002"), medins.MoneyError, "ERR_SYNTAX", "NUL"),
    (lambda p: medins.fen("25000\x00999"), medins.MoneyError, "ERR_SYNTAX", "NUL"),
    (lambda p: medins.ratio("55%\x00"), medins.MoneyError, "ERR_SYNTAX", "NUL"),
    (lambda p: medins.load_policy_string(POLICY + "\x00bogus: 1\n", "nul.yaml"),
     medins.PolicyError, "ERR_SYNTAX", "NUL"),
    (lambda p: p.derive(POLICY + "title: \"x\x00\"\n", "nul.yaml"),
     medins.PolicyError, "ERR_SYNTAX", "NUL"),
    # A ledger cut at the NUL would have lost its later fields.
    (lambda p: medins.Ledger.from_text(LEDGER_TEXT.replace("seq=0", "seq=0\x005")),
     medins.LedgerError, "ERR_LEDGER", "line 4 contains a NUL byte"),
], ids=["fen", "fen_tail", "ratio", "load_policy_string", "derive", "Ledger.from_text"])
def test_nul_in_text_is_refused_by_the_library(p2023, call, exc, code, part):
    with pytest.raises(exc, match=part) as e:
        call(p2023)
    assert e.value.code == medins.Status[code]


@pytest.mark.parametrize("call,part", [
    (lambda p: medins.load_policy("/nonexistent\x00.yaml"), "path"),
    (lambda p: medins.load_policy_string(POLICY, "a.yaml\x00b"), "name"),
    (lambda p: p.derive(POLICY, "a\x00.yaml"), "name"),
    (lambda p: medins.embedded().get("tianjin/2023\x00x"), "id"),
    (lambda p: medins.embedded().lookup("tianjin\x00x", "2023-01-01"), "region"),
    (lambda p: medins.PolicySet().add_dir("/nonexistent\x00"), "dir"),
], ids=["load_policy", "load_policy_string.name", "derive.name", "PolicySet.get",
        "PolicySet.lookup", "PolicySet.add_dir"])
def test_nul_in_a_name_is_a_value_error(p2023, call, part):
    # Before, the name ended at the NUL: PolicySet.get("tianjin/2023\0x") was tianjin/2023.
    with pytest.raises(ValueError, match=f"{part} contains a NUL character"):
        call(p2023)


# ---- money: integer fen, or yuan through medins.fen ----------------------------------------

@pytest.mark.parametrize("value,part", [
    (2500.75, "not float"), (0.29 * 100, "not float"), (np.float64(25000), "not float64"),
    ("25000", "medins.fen('25000')"), (Decimal("250.75"), "medins.fen(Decimal('250.75'))"),
    (True, "a bool"), (None, "missing"),
], ids=["float", "float_product", "numpy_float", "str", "Decimal", "bool", "None"])
@pytest.mark.parametrize("field", ["total", "self_paid", "category_b"])
def test_claim_amount_that_is_not_fen_is_a_type_error(field, value, part):
    # Claim(total=2500.75) was 2500 fen, Claim(total=0.29*100) 28, Claim(total="25000") 25000
    # fen where the CLI reads 25000 yuan.
    with pytest.raises(TypeError, match=f"Claim.{field}") as e:
        medins.Claim(**{field: value})
    assert part in str(e.value)
    # The same value set later is refused too, and the claim keeps its amount.
    c = medins.Claim(date="2023-03-01", total=40000)
    with pytest.raises(TypeError, match=f"Claim.{field}"):
        setattr(c, field, value)
    assert c.total == 40000 and type(c.total) is int


def test_fen_amounts_of_every_integer_type_are_taken(p2023, employee):
    # ints and numpy integers are fen, exactly; fen() is the way from yuan.
    a = medins.Claim(date="2023-03-01", total=np.int64(25000050), self_paid=np.int32(100))
    b = medins.Claim(date="2023-03-01", total=medins.fen("250000.50"),
                     self_paid=medins.fen(Decimal("1")))
    assert (a.total, a.self_paid) == (b.total, b.self_paid) == (25000050, 100)
    assert type(a.total) is int
    assert p2023.settle(employee, a).to_dict() == p2023.settle(employee, b).to_dict()


@pytest.mark.parametrize("call,part", [
    (lambda p, who: p.contribution(who, "2023-01-01", monthly_wage=800000.0),
     "Policy.contribution: monthly_wage"),
    (lambda p, who: p.account(who, "2023-01-01", monthly_wage="8000"),
     "Policy.account: monthly_wage"),
    (lambda p, who: p.account(who, "2023-01-01", last_year_pension=1.5),
     "Policy.account: last_year_pension"),
    (lambda p, who: p.maternity(who, "2023-01-01", delivery="natural", prenatal_costs=99.9),
     "Policy.maternity: prenatal_costs"),
    (lambda p, who: p.maternity(who, "2023-01-01", delivery="natural", weeks=12.5),
     "Policy.maternity: weeks"),
    (lambda p, who: p.capitation(level="primary", disease="diabetes",
                                 period=("2023-01-01", "2023-12-31"), actual_costs=True),
     "Policy.capitation: actual_costs"),
    (lambda p, who: p.capitation(level="primary", disease="diabetes",
                                 period=("2023-01-01", "2023-12-31"),
                                 enrolments=[(7.0, "2023-01-01", None)]),
     r"Policy.capitation: enrolments\[0\] patient"),
], ids=["contribution.wage", "account.wage", "account.pension", "maternity.costs",
        "maternity.weeks", "capitation.costs", "capitation.patient"])
def test_computation_inputs_that_are_not_integers_are_type_errors(p2023, employee, call, part):
    # Each was int()-ed: 99.9 fen became 99, "8000" fen 8000.
    with pytest.raises(TypeError, match=part):
        call(p2023, employee)


@pytest.mark.parametrize("field,value", [
    ("carry_over", 100.5), ("account_balance", "100"), ("outpatient_costs", True),
    ("year", 2023.0), ("seq", 1.0), ("last_date", 20230101.0),
])
def test_ledger_fields_that_are_not_integers_are_type_errors(field, value):
    ledger = medins.Ledger(2023)
    before = ledger.to_text()
    with pytest.raises(TypeError, match=f"Ledger.{field}"):
        setattr(ledger, field, value)
    with pytest.raises(TypeError, match=r"Ledger.fund\['inpatient'\]"):
        ledger.fund = {"outpatient": 100, "inpatient": 2.5}
    assert ledger.to_text() == before, "the outpatient amount was not written either"


@pytest.mark.parametrize("value,cls,part", [
    (2.5, TypeError, "is a float"), (True, TypeError, "a bool"),
    (Decimal("1.005"), medins.MoneyError, "at most two decimals"),
    (Decimal("NaN"), medins.MoneyError, "not an amount"),
    ("1,100", medins.MoneyError, "thousands separators"),
    ("1e3", medins.MoneyError, "not an amount"),
    (10 ** 17, medins.MoneyError, "above the largest amount"),
])
def test_fen_takes_exact_yuan_only(value, cls, part):
    with pytest.raises(cls, match=part):
        medins.fen(value)
    assert medins.fen(Decimal("1E+3")) == 100000 and medins.fen(7) == 700


@pytest.mark.parametrize("field,value,ctype", [
    ("Claim.total", 2 ** 63, "int64"), ("Claim.id", -(2 ** 63) - 1, "int64"),
    ("Claim.institution", 2 ** 64, "int64"), ("Claim.date", 2 ** 31, "int32"),
    ("Person.family_doctor", 2 ** 63, "int64"),
])
def test_integer_out_of_its_c_type_is_an_overflow_error(field, value, ctype):
    cls, name = field.split(".")
    with pytest.raises(OverflowError, match=f"{field}: {value} does not fit {ctype}"):
        getattr(medins, cls)(**{name: value})


# ---- dates, enums ------------------------------------------------------------------------

@pytest.mark.parametrize("value,exc,part", [
    (20230115.0, TypeError, "must be an int"), (True, TypeError, "a bool"),
    ("2023_01_15", ValueError, "not a date"), ("2023-01", ValueError, "not a date"),
    ("15/01/2023", ValueError, "not a date"), ("2023-02-30", ValueError, "not a calendar date"),
    ("２０２３０１１５", ValueError, "not a date"),
])
def test_bad_dates_are_refused(value, exc, part):
    # int("2023_01_15") and int("２０２３０１１５") are 20230115; 20230115.7 was 20230115.
    with pytest.raises(exc, match=f"Claim.date.*{part}"):
        medins.Claim(date=value)


@pytest.mark.parametrize("call", [
    lambda: medins.Claim(kind=2.0), lambda: medins.Claim(level=True),
    lambda: medins.Person(scheme=0.0), lambda: medins.Person(groups=1.5),
], ids=["kind_float", "level_bool", "scheme_float", "groups_float"])
def test_enum_given_a_float_or_bool_is_a_type_error(call):
    # ClaimKind.parse(2.7) was SPECIAL_DISEASE (2).
    with pytest.raises(TypeError, match="give a member, its word or its int value"):
        call()


# ---- arrays: settle_arrays and settle_frame ------------------------------------------------

@pytest.mark.parametrize("column,values,exc,part", [
    ("total", np.array([30000.0, 900000.0, 50000.0]), TypeError, "float column"),
    ("total", [30000, 900000, 500.5], TypeError, r"row 2: amounts are integer fen"),
    ("total", [30000, True, 50000], TypeError, r"row 1: a bool"),
    ("total", np.array(["300", "9000", "500"]), TypeError, "text column"),
    ("total", np.array([1, Decimal(2), 3], dtype=object), TypeError,
     r"row 1: .*medins.fen\(Decimal"),
    ("total", pd.array([1, None, 3], dtype="Int64"), TypeError, r"row 1 is missing"),
    ("total", np.array([1, 2 ** 63, 3], np.uint64), OverflowError, "row 1: 9223372036854775808"),
    ("self_paid", np.zeros(3, np.float32), TypeError, "float column"),
    ("category_b", np.zeros(3, bool), TypeError, "bool column"),
    ("institution", np.zeros(3), TypeError, "must be an integer column, not float64"),
    # 2**32 + 1 was person 1; 2**32 + 20230301 a date of 2023.
    ("person", np.array([0, 2 ** 32, 1], np.int64), OverflowError,
     r"claims\['person'\] row 1: 4294967296 does not fit int32"),
    ("person", np.array([0.0, 0.0, 1.0]), TypeError, "not float64"),
    ("date", np.array([20230301, 2 ** 32 + 20230401, 20230501], np.int64), OverflowError,
     r"claims\['date'\] row 1"),
    ("date", np.array([20230301.0, 20230401.0, 20230501.0]), TypeError, "must be dates"),
    ("date", np.array(["2023-03-01", "2023-04", "2023-05-01"]), ValueError,
     r"""claims\['date'\] row 1: "2023-04" is not a date"""),
    ("kind", np.array([0, 2 ** 31, 0], np.int64), OverflowError, r"claims\['kind'\] row 1"),
    ("kind", np.array([0.0, 3.0, 0.0]), TypeError, r"claims\['kind'\]"),
    ("level", np.array(["l1", "l9", "l2"]), ValueError,
     r"claims\['level'\] row 1: \"l9\" is not a hospital level"),
    # A column of shape (3, 1) was flattened.
    ("person", np.array([[0], [0], [1]], np.int32), ValueError,
     r"claims\['person'\] must be one-dimensional, not of shape \(3, 1\)"),
], ids=["float_column", "float_in_list", "bool_in_list", "text_column", "Decimal_object",
        "nullable_missing", "uint64_beyond_int64", "float32_self_paid", "bool_category_b",
        "float_institution", "person_beyond_int32", "person_float", "date_beyond_int32",
        "date_float", "date_text_month", "kind_beyond_int32", "kind_float", "level_word",
        "person_2d"])
def test_bad_claim_columns_are_refused_naming_column_and_row(p2023, column, values, exc, part):
    _refused(p2023, PERSONS, _claims(**{column: values}), exc, part)


@pytest.mark.parametrize("column,values,exc,part", [
    ("scheme", np.array([0, -(2 ** 31) - 1], np.int64), OverflowError,
     r"persons\['scheme'\] row 1"),
    ("category", [0, 1.0], TypeError, r"persons\['category'\] row 1"),
    ("birth_date", np.array([19800101, 2 ** 31], np.int64), OverflowError,
     r"persons\['birth_date'\] row 1"),
    ("birth_date", ["1980-01-01", "1950"], ValueError, r"persons\['birth_date'\] row 1"),
    ("groups", np.array([0, -1], np.int64), OverflowError, r"persons\['groups'\] row 1: -1"),
    ("family_doctor", [0, 3.5], TypeError, r"persons\['family_doctor'\] row 1"),
], ids=["scheme_beyond_int32", "category_float", "birth_beyond_int32", "birth_year_only",
        "groups_negative", "family_doctor_float"])
def test_bad_person_columns_are_refused_naming_column_and_row(p2023, column, values, exc,
                                                              part):
    _refused(p2023, dict(PERSONS, **{column: values}), _claims(), exc, part)


@pytest.mark.parametrize("table,name", [("persons", "scheme"), ("persons", "category"),
                                        ("claims", "person"), ("claims", "total")])
def test_missing_required_column_is_a_key_error(p2023, table, name):
    persons, claims = dict(PERSONS), _claims()
    del (persons if table == "persons" else claims)[name]
    _refused(p2023, persons, claims, KeyError, f"{table} has no '{name}' column")


def test_float_total_column_of_a_frame_is_refused(p2023):
    # A float64 total column (what one NaN makes of an int column) was truncated row by row.
    persons = pd.DataFrame(PERSONS)
    claims = pd.DataFrame(_claims()).assign(total=[300.5, 9000.0, 500.0])
    with pytest.raises(TypeError, match=r"claims\['total'\] is a float column"):
        medins.settle_frame(claims, persons, policy=p2023)


def test_ledger_block_years_beyond_int32_are_refused():
    with pytest.raises(OverflowError, match=r"LedgerBlock: years row 1"):
        medins.LedgerBlock(np.array([2023, 2 ** 32 + 2023], np.int64))
    with pytest.raises(TypeError, match="LedgerBlock index"):
        medins.LedgerBlock([2023])[0.0]


# ---- exception classes -------------------------------------------------------------------

BAD_POLICY = POLICY + "sources: [{id: an, title: \"Scenario\", kind: third-party}]\n"


@pytest.mark.parametrize("extra,code,where", [
    # The loader gives both ERR_RANGE now; before, a bad date (ERR_DATE) was raised as a
    # ClaimError and a too-large amount (ERR_OVERFLOW) as an ArgumentError.
    ("effective: {from: 2023-02-30}\n", "ERR_RANGE", (6, 19)),
    ("maternity:\n  delivery:\n    - {scheme: employee, delivery: natural, "
     "amount: 99999999999999999, cite: \"an: A\"}\n", "ERR_RANGE", (8, 53)),
], ids=["bad_date", "too_large_amount"])
@pytest.mark.parametrize("how", ["load_policy", "load_policy_string", "derive", "add_file"])
def test_anything_raised_loading_a_policy_is_a_policy_error(p2023, tmp_path, extra, code,
                                                            where, how):
    text = BAD_POLICY + extra
    path = tmp_path / "r.yaml"
    path.write_text(text)
    calls = {"load_policy": lambda: medins.load_policy(path),
             "load_policy_string": lambda: medins.load_policy_string(text, str(path)),
             "derive": lambda: p2023.derive(text, str(path)),
             "add_file": lambda: medins.PolicySet().add_file(path)}
    with pytest.raises(medins.PolicyError) as e:
        calls[how]()
    assert type(e.value) is medins.PolicyError
    assert e.value.code == medins.Status[code]
    assert (e.value.file, e.value.line, e.value.column) == (str(path),) + where


def test_the_call_decides_the_class_before_the_code():
    # The same ERR_SYNTAX is a PolicyError from a loader, a MoneyError from fen().
    assert type(medins.errors._from_c(-16, "m", None, 0, 0, "money_parse")) is medins.MoneyError
    assert type(medins.errors._from_c(-44, "m", "a.yaml", 1, 1, "Policy_load_file")) is \
        medins.PolicyError
    assert type(medins.errors._from_c(-44, "m", None, 0, 0, "Policy_settle")) is \
        medins.ClaimError


# ---- a retiree with no birth date --------------------------------------------------------

NO_BIRTH_DATE = "no birth date, and their age on 20230601 decides which outpatient.deductible"


@pytest.mark.parametrize("missing", [None, pd.NaT, np.datetime64("NaT"), float("nan")],
                         ids=["None", "pd.NaT", "np.NaT", "NaN"])
def test_retiree_without_birth_date_is_refused(p2023, missing):
    # tianjin/2023's outpatient deductible depends on a retiree's age: settled with the
    # in-service row before. The binding keeps the date missing (no default date), and the
    # library refuses the claim; the ledger is unchanged.
    person = medins.Person.employee(retired=True, birth_date=missing)
    assert person.birth_date is None
    ledger = medins.Ledger(2023)
    before = ledger.to_text()
    claim = medins.Claim("2023-06-01", "outpatient", "l2", 500000)
    with pytest.raises(medins.PersonError, match=NO_BIRTH_DATE) as e:
        p2023.settle(person, claim, ledger)
    assert e.value.code == medins.Status.ERR_PERSON
    assert ledger.to_text() == before


@pytest.mark.parametrize("birth", [
    pd.to_datetime(["1950-03-01", None]), np.array(["1950-03-01", "NaT"], "datetime64[D]"),
    np.array([dt.date(1950, 3, 1), None], dtype=object), [19500301, 0], None,
], ids=["pandas_NaT", "numpy_NaT", "object_None", "zero", "no_column"])
def test_batch_retiree_without_birth_date_is_refused(p2023, birth):
    persons = {"scheme": ["employee"] * 2, "category": ["retired"] * 2, "tier": [0, 0]}
    if birth is not None:
        persons["birth_date"] = birth
    claims = {"person": [0, 1], "date": ["2023-06-01"] * 2, "kind": ["outpatient"] * 2,
              "level": ["l2"] * 2, "total": [500000, 500000]}
    block = medins.LedgerBlock([2023, 2023])
    before = bytes(block._raw)
    with pytest.raises(medins.PersonError, match=NO_BIRTH_DATE) as e:
        medins.settle_arrays(p2023, persons, claims, ledgers=block)
    # Person 0 has a birth date only when a column was given.
    assert e.value.row == (1 if birth is not None else 0)
    assert bytes(block._raw) == before
