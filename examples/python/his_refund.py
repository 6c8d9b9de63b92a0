"""A hospital system's round of one bill, in Python: the patient's year so far from the
platform's figures, a pre-settlement at the desk, the settlement with its Chinese receipt and
its record stored; and, in a later run, the refund from what was stored.

    python3 his_refund.py settle DIR    pre-settle, settle, store DIR/record.txt, DIR/ledger.txt
    python3 his_refund.py refund DIR    refund from DIR/record.txt; DIR/ledger.txt restored

The same patient and bill as examples/c/his_refund.c: an employee in service with one admission
this year already, then a second admission at a level-3 hospital on 1 June 2023, 25000 yuan
with 1000 fully self-paid and 500 category-B first self-pay.
"""
import os
import pathlib
import sys
import tempfile

import medins


def replace(path: pathlib.Path, text: str) -> None:
    """Write the file whole: a temporary beside it, renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def settle(folder: pathlib.Path) -> None:
    policy = medins.default_policy("2023-06-01")
    person = medins.Person.employee(birth_date="1980-01-01")
    ledger = medins.Ledger.year_to_date(
        2023, last_date="2023-03-02", admissions=1, in_scope={"inpatient": 2000000},
        deductible={"inpatient": 100000}, fund={"inpatient": 1610000},
        major_base=390000, assist_base=390000)
    bill = medins.Claim(id=20230601001, date="2023-06-01", kind="inpatient", level="l3",
                        total=medins.fen("25000"), self_paid=medins.fen("1000"),
                        category_b=medins.fen("500"))
    estimate = policy.presettle(person, bill, ledger)
    print("预结算（不记账）：")
    print(f"  统筹基金支付 {medins.yuan(estimate.fund)}元")
    print(f"  个人负担 {medins.yuan(estimate.patient)}元")
    settled = policy.settle(person, bill, ledger)
    print("\n结算单：")
    print(settled.explain(lang="zh"))
    replace(folder / "record.txt", settled.record())
    replace(folder / "ledger.txt", ledger.to_text())
    print("已保存结算记录 record.txt 与台账 ledger.txt")


def refund(folder: pathlib.Path) -> None:
    ledger = medins.Ledger.from_text((folder / "ledger.txt").read_text(encoding="utf-8"))
    back = ledger.refund((folder / "record.txt").read_text(encoding="utf-8"))
    replace(folder / "ledger.txt", ledger.to_text())
    print(f"退费（单据号{back['claim_id']}），各项金额冲销：")
    for label, key in (("医疗费用总额", "total"), ("统筹基金支付", "fund"),
                       ("大病保险支付", "major_disease"), ("个人负担", "patient")):
        print(f"  {label} {medins.yuan(back[key])}元")
    print(f"台账已恢复到本次结算之前（本年第{ledger.seq}次结算之后）")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("settle", "refund"):
        sys.exit("usage: his_refund.py settle|refund DIR")
    (settle if sys.argv[1] == "settle" else refund)(pathlib.Path(sys.argv[2]))
