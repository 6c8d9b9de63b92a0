"""Itemised bills (Policy.settle_items) and the platform's records (Settlement.setlinfo,
setldetail, items), on tests/data/settle/basic.yaml (its bills.selfpay_prop is 10%).

The hand-worked bill of tests/check_bill.c (the working is there), in fen: an employee's first
admission at level 3 on 2023-03-01 with 500 yuan in the account.
  line 1  甲 50.00 x 10, ceiling 40.00: 10000 over the ceiling, 40000 in scope
  line 2  乙 1234.57 at 15%: 18519 first self-pay, 104938 in scope
  line 3  乙 33.33 x 1.5 -> 5000, ceiling 30.00: 500 over, 450 first self-pay (the policy's
          10% of 4500), 4050 in scope
  line 4  自费 88.00 x 2: 17600 self-paid
  line 5  甲 8000.00: 800000 in scope
  deductible 100000; the fund (948988 - 100000) x 80% = 679190; patient 316867: account
  50000, cash 266867.
"""

import pandas as pd
import pytest

import medins
from conftest import ROOT, env_path

BASIC = env_path("MEDINS_TEST_DATA", ROOT / "tests" / "data") / "settle" / "basic.yaml"

BILL = [
    {"code": "250101001", "name": "床位费", "price": 5000, "quantity": 100000, "ceiling": 4000,
     "chrgitm_lv": 1},
    {"code": "86900001", "name": "注射用头孢曲松钠", "amount": 123457, "chrgitm_lv": 2,
     "selfpay_prop": 1500},
    {"code": "86900002", "name": "一次性输液器", "price": 3333, "quantity": 15000,
     "ceiling": 3000, "chrgitm_lv": 2},
    {"code": "ZF0001", "name": "营养餐", "price": 8800, "quantity": 20000, "chrgitm_lv": 3},
    {"code": "310000001", "name": "手术费", "amount": 800000, "chrgitm_lv": 1},
]
SETLINFO = {"medfee_sumamt": 996057, "fulamt_ownpay_amt": 17600, "overlmt_selfpay": 10500,
            "preselfpay_amt": 18969, "inscp_scp_amt": 948988, "act_pay_dedc": 100000,
            "hifp_pay": 679190, "pool_prop_selfpay": 8000, "cvlserv_pay": 0, "hifes_pay": 0,
            "hifmi_pay": 0, "hifob_pay": 0, "maf_pay": 0, "oth_pay": 0,
            "fund_pay_sumamt": 679190, "psn_part_amt": 316867, "acct_pay": 50000,
            "psn_cash_pay": 266867, "hosp_part_amt": 0, "balc": 0, "acct_mulaid_pay": 0}


@pytest.fixture(scope="module")
def basic():
    return medins.load_policy(BASIC)


def settle(policy, items):
    ledger = medins.Ledger(2023)
    ledger.account_balance = 50000
    s = policy.settle_items(medins.Person.employee(birth_date="1980-01-01"),
                            medins.Claim(date="2023-03-01", kind="inpatient", level="l3"),
                            items, ledger)
    return s, ledger


def test_hand_worked_bill(basic):
    s, ledger = settle(basic, BILL)
    assert (s.total, s.self_paid, s.category_b, s.deductible, s.fund, s.patient, s.account,
            s.cash) == (996057, 28100, 18969, 100000, 679190, 316867, 50000, 266867)
    assert ledger.account_balance == 0
    assert s.setlinfo == SETLINFO
    assert [(x["code"], x["amount"], x["self_paid"], x["over_ceiling"], x["category_b"],
             x["in_scope"], x["selfpay_prop"]) for x in s.items] == [
        ("250101001", 50000, 0, 10000, 0, 40000, 0),
        ("86900001", 123457, 0, 0, 18519, 104938, 1500),
        ("86900002", 5000, 0, 500, 450, 4050, 1000),
        ("ZF0001", 17600, 17600, 0, 0, 0, 10000),
        ("310000001", 800000, 0, 0, 0, 800000, 0)]
    assert s.items[2]["name"] == "一次性输液器"
    rows = s.setldetail
    assert [(r["fund_pay_type"], r["fund_pay_type_name"], r["inscp_scp_amt"],
             r["crt_payb_lmt_amt"], r["fund_payamt"], r["part"]) for r in rows] == [
        ("310100", "职工基本医疗保险统筹基金", 948988, 35000000, 679190, medins.Part.FUND),
        ("310200", "职工基本医疗保险个人账户", 269798, 50000, 50000, medins.Part.ACCOUNT)]
    assert rows[0]["setl_proc_info"].startswith(
        "目录外项目（自费），由个人全额负担：176.00元；超出限价部分，由个人全额负担：105.00元；")
    assert rows[1]["setl_proc_info"].startswith("个人账户支付500.00元")
    assert s.steps[1].kind == medins.StepKind.OVER_CEILING


def test_a_data_frame(basic):
    # Columns of ints with gaps are floats in pandas: whole numbers are read as they are.
    s, _ = settle(basic, pd.DataFrame(BILL))
    assert s.setlinfo == SETLINFO
    frame = pd.DataFrame(s.setldetail)
    assert list(frame["fund_payamt"]) == [679190, 50000]


def test_a_claim_by_totals_has_no_lines(basic):
    s = basic.settle(medins.Person.employee(birth_date="1980-01-01"),
                     medins.Claim(date="2023-03-01", kind="inpatient", level="l3",
                                  total=996057, self_paid=28100, category_b=18969))
    assert s.items == []
    assert s.setlinfo["fulamt_ownpay_amt"] == 28100 and s.setlinfo["overlmt_selfpay"] == 0
    assert s.setlinfo["hifp_pay"] == 679190


@pytest.mark.parametrize("change, error, code, message", [
    ({"chrgitm_lv": 4}, medins.ClaimError, "MEDINS_ERR_CLAIM",
     "item 3 (86900002): chrgitm_lv 4 is not 1"),
    ({"quantity": -10000}, medins.ClaimError, "MEDINS_ERR_CLAIM",
     "item 3 (86900002): a negative quantity"),
    ({"name": "一次\0性"}, medins.MedinsError, "MEDINS_ERR_SYNTAX",
     "item 3: its name has a NUL byte at byte 7"),
    ({"selfpay_prop": 10001}, medins.ClaimError, "MEDINS_ERR_CLAIM",
     "selfpay_prop 10001 is not between 0 and 10000"),
])
def test_bad_lines(basic, change, error, code, message):
    items = [dict(x) for x in BILL]
    items[2].update(change)
    ledger = medins.Ledger(2023)
    before = ledger.to_text()
    with pytest.raises(error) as e:
        basic.settle_items(medins.Person.employee(birth_date="1980-01-01"),
                           medins.Claim(date="2023-03-01", kind="inpatient", level="l3"),
                           items, ledger)
    assert e.value.name == code and message in e.value.message
    assert ledger.to_text() == before


def test_bad_fields(basic):
    person = medins.Person.employee(birth_date="1980-01-01")
    claim = medins.Claim(date="2023-03-01", kind="inpatient", level="l3")
    with pytest.raises(ValueError, match="fee line 1 has no field 'pric'"):
        basic.settle_items(person, claim, [{"code": "A", "pric": 100, "chrgitm_lv": 1}])
    with pytest.raises(TypeError):
        basic.settle_items(person, claim, [{"code": "A", "amount": 1.5, "chrgitm_lv": 1}])
    with pytest.raises(OverflowError, match="chrgitm_lv"):
        basic.settle_items(person, claim, [{"code": "A", "amount": 1, "chrgitm_lv": 2 ** 40}])
