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
from conftest import ROOT, claim, env_path

BASIC = env_path("MEDINS_TEST_DATA", ROOT / "tests" / "data") / "settle" / "basic.yaml"


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


def test_year_to_date(basic, in_service):
    # One admission at level 3 of 20000 on 2 March (tests/check_ledger.c, from_year_as_settled):
    # deductible 1000, fund 10000 x 80% + 9000 x 90% = 16100, a burden of 3900 counted by both
    # layers. The ledger from these figures is the one the settlement left; the next admission
    # (deductible 500, 4500 x 90%) pays 4050 from either.
    settled = medins.Ledger(2023)
    basic.settle(in_service, claim(date="2023-03-02", kind="inpatient", level="l3",
                                   total=2000000), settled)
    built = medins.Ledger.year_to_date(
        2023, last_date="2023-03-02", admissions=1, in_scope={"inpatient": 2000000},
        deductible={medins.Pool.INPATIENT: 100000}, fund={"inpatient": 1610000},
        major_base=390000, assist_base=390000)
    assert built.to_text() == settled.to_text()
    nxt = claim(date="2023-04-01", kind="inpatient", level="l3", total=500000)
    assert basic.settle(in_service, nxt, built).fund == 405000
    with pytest.raises(medins.LedgerError) as e:
        medins.Ledger.year_to_date(2023, in_scope={"inpatient": 100000})
    assert "needs the date of the last one (last_date)" in str(e.value)
    with pytest.raises(medins.LedgerError) as e:
        medins.Ledger.year_to_date(2023, last_date="2023-03-01", in_scope={"inpatient": 1000},
                                   deductible={"inpatient": 2000})
    assert "cannot be paid out of its in-scope costs" in str(e.value)
    with pytest.raises(ValueError):
        medins.Ledger.year_to_date(2023, fund={"hospital": 1})
    assert medins.Ledger.year_to_date(2024, prior_outpatient_costs=50000).prior_known == 1


def test_year_to_date_supplementary_and_account_first(in_service):
    # tests/check_ledger.c, from_year_supplementary: one admission at level 3 of 150000 on
    # 2 March under supplementary.yaml: deductible 1300, the basic fund its maximum 100000,
    # the supplementary fund 80% of the 31052.94 beyond: 24842.35; a burden of 25157.65
    # counted by the major-disease layer. The ledger from these figures is the one the
    # settlement left; the next admission of 10000 (deductible 650) is the supplementary
    # fund's at 80%: 7480.
    data = BASIC.parent
    supp = medins.load_policy(data / "supplementary.yaml")
    settled = medins.Ledger(2023)
    supp.settle(in_service, claim(date="2023-03-02", kind="inpatient", level="l3",
                                  total=15000000), settled)
    built = medins.Ledger.year_to_date(
        2023, last_date="2023-03-02", admissions=1, in_scope={"inpatient": 15000000},
        deductible={"inpatient": 130000}, fund={"inpatient": 10000000},
        supplementary={medins.Pool.INPATIENT: 2484235}, major_base=2515765)
    assert built.to_text() == settled.to_text()
    assert built.supplementary[medins.Pool.INPATIENT] == 2484235
    nxt = claim(date="2023-04-01", kind="inpatient", level="l3", total=1000000)
    assert supp.settle(in_service, nxt, built).supplementary == 748000
    # from_year_account_first: credited 2000, balance 3000; an outpatient visit of 1500 on 5
    # January paid first by the year's account, all of it. The next visit of 2000: 500 left of
    # the year's account paid first, the 1500 after it the deductible, paid from the rest of
    # the balance: account 1500, cash 500.
    first = medins.load_policy(data / "account-first.yaml")
    built = medins.Ledger.year_to_date(
        2023, last_date="2023-01-05", outpatient_costs=150000, in_scope={"outpatient": 150000},
        account_first={"outpatient": 150000}, account_balance=150000, account_paid=150000,
        account_credited=200000)
    assert built.account_credited == 200000
    s = first.settle(in_service, claim(date="2023-02-01", kind="outpatient", level="l3",
                                       total=200000), built)
    assert (s.account_first, s.deductible, s.account, s.cash) == (50000, 150000, 150000, 50000)
    with pytest.raises(medins.LedgerError) as e:
        medins.Ledger.year_to_date(2023, last_date="2023-01-05", in_scope={"outpatient": 1000},
                                   account_first={"outpatient": 1000}, account_paid=999)
    assert "is part of what it paid this year (account_paid 999), not more" in str(e.value)
    with pytest.raises(medins.LedgerError) as e:
        medins.Ledger.year_to_date(2023, last_date="2023-01-05", in_scope={"inpatient": 1000},
                                   fund={"inpatient": 600}, supplementary={"inpatient": 401})
    assert "supplementary fund (401) cannot be paid out of its in-scope costs" in str(e.value)


DAY_CAP = env_path("MEDINS_TEST_DATA", ROOT / "tests" / "data") / "settle" / "day-cap.yaml"


def test_day_figures(in_service):
    """tests/data/settle/day-cap.yaml, pooling: 60%, at most 25 a visit and 30 a day. Visits of
    40 and 50 on 1 March: 24, then 30 cut to 25 and to the 6 the day leaves. The ledger's day
    figures, its text (version 4) and the second visit refunded from its record."""
    policy = medins.load_policy(DAY_CAP)
    ledger = medins.Ledger(2023)
    first = policy.settle(in_service, claim(date="2023-03-01", kind="pooling", level="l1",
                                            total=4000, id=1), ledger)
    assert first.fund == 2400
    assert ledger.day_date.isoformat() == "2023-03-01"
    assert ledger.day_fund[medins.Pool.POOLING] == 2400
    after_first = ledger.to_text()
    assert after_first.startswith("medins-ledger 4\n") and "\nday_fund.pooling=2400\n" in after_first
    second = policy.settle(in_service, claim(date="2023-03-01", kind="pooling", level="l1",
                                             total=5000, id=2), ledger)
    assert (second.fund, second.over_cap) == (600, 2400)
    assert ledger.to_dict()["day_fund"]["pooling"] == 3000
    record = second.record()
    assert record.startswith("medins-record 2\n")
    ledger.refund(record)
    assert ledger.to_text() == after_first
