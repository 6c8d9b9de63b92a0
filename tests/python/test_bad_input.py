"""Bad Python values and arrays: each is refused with a clear error, and nothing is changed.

One test per class of tests/BAD-INPUT.md's "Python values and arrays" table; the cases are its
parameters. Every refusal asserts the exception class, a part of the message naming the value
(field, or column and row) and, for the library's own errors, the status code.
"""

import pytest

import medins

# ---- text with a NUL -----------------------------------------------------------------------

LEDGER_TEXT = medins.Ledger(2023).to_text()
POLICY = "format: 1\nkind: reform\nbase: tianjin/2023\ntitle: \"t\"\n"


@pytest.mark.parametrize("call,exc,code,part", [
    # "1\0" + "2": the library saw only "1" and gave 100 fen.
    (lambda p: medins.fen("1\x002"), medins.MoneyError, "ERR_SYNTAX", "NUL"),
    (lambda p: medins.fen("25000\x00999"), medins.MoneyError, "ERR_SYNTAX", "NUL"),
    (lambda p: medins.ratio("55%\x00"), medins.MoneyError, "ERR_SYNTAX", "NUL"),
    (lambda p: medins.load_policy_string(POLICY + "\x00bogus: 1\n", "nul.yaml"),
     medins.PolicyError, "ERR_YAML", "control characters"),
    (lambda p: p.derive(POLICY + "title: \"x\x00\"\n", "nul.yaml"),
     medins.PolicyError, "ERR_YAML", "control characters"),
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


# ---- exception classes -------------------------------------------------------------------

BAD_POLICY = POLICY + "sources: [{id: an, title: \"Scenario\", kind: third-party}]\n"


@pytest.mark.parametrize("extra,code,where", [
    # ERR_DATE was a ClaimError, ERR_OVERFLOW an ArgumentError.
    ("effective: {from: 2023-02-30}\n", "ERR_DATE", (6, 19)),
    ("maternity:\n  delivery:\n    - {scheme: employee, delivery: natural, "
     "amount: 99999999999999999, cite: \"an: A\"}\n", "ERR_OVERFLOW", (8, 53)),
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
