"""Settlements stored and refunded later, and pre-settlement, through the Python binding.

Claim A on tests/data/settle/basic.yaml (its figures: tests/check_settle.c), worked by hand:
an employee in service, outpatient at level 2, 1000 yuan, 300 in the account: deductible 800;
(1000 - 800) x 60% = 120 fund, 80 coinsurance; patient 880, of which the account 300 (the whole
balance) and cash 580.
"""

import subprocess
import sys

import pytest

import medins
from conftest import ROOT, claim

BASIC = ROOT / "tests" / "data" / "settle" / "basic.yaml"


@pytest.fixture(scope="module")
def basic():
    return medins.load_policy(BASIC)


@pytest.fixture
def in_service():
    return medins.Person.employee(birth_date="1980-01-01")


def claim_a(**kw):
    return claim(date="2023-03-01", kind="outpatient", level="l2", total=100000, id=1, **kw)


def start():
    ledger = medins.Ledger(2023)
    ledger.account_balance = 30000
    return ledger


def test_refund_in_another_process(basic, in_service):
    ledger = start()
    before = ledger.to_text()
    s = basic.settle(in_service, claim_a(), ledger)
    assert (s.fund, s.account, s.cash, s.estimate) == (12000, 30000, 58000, False)
    record, stored = s.record(), ledger.to_text()
    assert record.startswith("medins-record 1\n")
    assert medins.read_record(record) == s.to_dict()
    # Another interpreter reads the two texts and refunds.
    code = ("import sys, medins\n"
            "record, stored = sys.stdin.read().split('\\0')\n"
            "ledger = medins.Ledger.from_text(stored)\n"
            "refund = ledger.refund(record)\n"
            "print(refund['fund'], refund['patient'], refund['account'], refund['cash'])\n"
            "sys.stdout.write(ledger.to_text())\n")
    out = subprocess.run([sys.executable, "-c", code], input=record + "\0" + stored,
                         capture_output=True, text=True, check=True).stdout
    figures, text = out.split("\n", 1)
    assert figures == "-12000 -88000 -30000 -58000"
    assert text == before
    # Here too: refunded, then refused a second time with the ledger as it was.
    refund = ledger.refund(record)
    assert refund["total"] == -100000 and refund["claim_id"] == 1
    assert ledger.to_text() == before
    with pytest.raises(medins.LedgerError) as e:
        ledger.refund(record)
    assert e.value.code == medins.Status.ERR_REVERSE
    assert "claim 1 is already reversed" in str(e.value)
    assert ledger.to_text() == before


def test_refund_not_latest_and_bad_records(basic, in_service):
    ledger = start()
    first = basic.settle(in_service, claim_a(), ledger).record()
    basic.settle(in_service, claim(date="2023-03-02", kind="inpatient", level="l3",
                                   total=2000000, id=2), ledger)
    kept = ledger.to_text()
    with pytest.raises(medins.LedgerError) as e:
        ledger.refund(first)
    assert "reverse settlements 2 to 2 first" in str(e.value)
    assert ledger.to_text() == kept
    bad = first.replace("\nfund=12000\n", "\nfund=12,000\n")
    for refuse in (ledger.refund, medins.read_record):
        with pytest.raises(medins.LedgerError) as e:
            refuse(bad)
        assert e.value.code == medins.Status.ERR_RECORD
        assert (e.value.line, e.value.column) == (9, 6)
        assert "record fund: not a number" in str(e.value)
    with pytest.raises(medins.LedgerError) as e:
        ledger.refund(first.replace("\nfund=12000\n", "\nfund=12\x000\n"))
    assert "contains a NUL byte" in str(e.value)
    with pytest.raises(TypeError):
        ledger.refund(b"medins-record 1\n")
    assert ledger.to_text() == kept


def test_presettle(basic, in_service):
    ledger = start()
    kept = ledger.to_text()
    e = basic.presettle(in_service, claim_a(), ledger)
    assert e.estimate and ledger.to_text() == kept
    assert (e.fund, e.account, e.cash) == (12000, 30000, 58000)
    assert e.steps and "起付线" in e.explain(lang="zh")
    with pytest.raises(medins.ArgumentError) as err:
        e.record()
    assert "only estimated" in str(err.value)
    s = basic.settle(in_service, claim_a(), ledger)
    assert s.to_dict() == e.to_dict() and not s.estimate
    assert ledger.to_text() != kept
