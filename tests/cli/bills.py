"""Itemised bills: `medins settle --items FILE` and `--format nhsa`.

The bill is tests/data/bills/hand.csv (and the same in hand.json), on
tests/data/settle/basic.yaml (its bills.selfpay_prop is 10%), with an account balance of 500
(tests/data/bills/ledger.txt). Worked by hand in tests/check_bill.c; in fen:
  line 1  甲 50.00 x 10, ceiling 40.00: 50000 = 10000 over the ceiling + 40000 in scope
  line 2  乙 1234.57 at 15%: 18518.55 -> 18519 first self-pay, 104938 in scope
  line 3  乙 33.33 x 1.5 = 4999.5 -> 5000, ceiling 30.00: 333 x 1.5 = 499.5 -> 500 over;
          (5000 - 500) x 10% = 450 first self-pay; 4050 in scope
  line 4  自费 88.00 x 2 = 17600, all self-paid
  line 5  甲 8000.00, all in scope
  bill 996057 = 17600 + 10500 + 18969 + 948988. Inpatient, level 3, first admission:
  deductible 100000; (948988 - 100000) x 80% = 679190 from the fund (310100); patient 316867,
  of which the account 50000 (310200, the whole balance), cash 266867.
"""
import json
import os
import tempfile

from harness import TESTLAND, check, expect, run

POLICY = "tests/data/settle/basic.yaml"
BILLS = "tests/data/bills/"
CLAIM = ["settle", "--policy", POLICY, "--date", "2023-03-01", "--kind", "inpatient",
         "--level", "l3", "--birth-date", "1980-01-01"]
NHSA = [*CLAIM, "--ledger", BILLS + "ledger.txt", "--format", "nhsa"]

SETLINFO = {"medfee_sumamt": 996057, "fulamt_ownpay_amt": 17600, "overlmt_selfpay": 10500,
            "preselfpay_amt": 18969, "inscp_scp_amt": 948988, "act_pay_dedc": 100000,
            "hifp_pay": 679190, "cvlserv_pay": 0, "hifes_pay": 0, "hifmi_pay": 0,
            "hifob_pay": 0, "maf_pay": 0, "oth_pay": 0, "fund_pay_sumamt": 679190,
            "psn_part_amt": 316867, "acct_pay": 50000, "psn_cash_pay": 266867,
            "hosp_part_amt": 0, "balc": 0, "acct_mulaid_pay": 0}
# Each line: amount, self-paid, over the ceiling, first self-pay, in scope.
LINES = [(50000, 0, 10000, 0, 40000), (123457, 0, 0, 18519, 104938), (5000, 0, 500, 450, 4050),
         (17600, 17600, 0, 0, 0), (800000, 0, 0, 0, 800000)]


def check_nhsa(name, out):
    doc = json.loads(out)
    info = doc["setlinfo"]
    for key, fen in SETLINFO.items():
        check(f"{name} setlinfo {key}", info[key + "_fen"] == fen, f"{info[key + '_fen']} != {fen}")
    check(name + " setlinfo yuan", info["medfee_sumamt"] == "9960.57", info["medfee_sumamt"])
    check(name + " pool_prop_selfpay", (info["pool_prop_selfpay"], info["pool_prop_selfpay_bp"])
          == ("0.8000", 8000), json.dumps(info))
    rows = [(r["fund_pay_type"], r["fund_pay_type_name"], r["inscp_scp_amt_fen"],
             r["crt_payb_lmt_amt_fen"], r["fund_payamt_fen"]) for r in doc["setldetail"]]
    check(name + " setldetail", rows == [
        ("310100", "职工基本医疗保险统筹基金", 948988, 35000000, 679190),
        ("310200", "职工基本医疗保险个人账户", 269798, 50000, 50000)], json.dumps(rows))
    proc = doc["setldetail"][0]["setl_proc_info"]
    check(name + " setl_proc_info", proc.startswith("目录外项目（自费），由个人全额负担：176.00元；"
                                                    "超出限价部分，由个人全额负担：105.00元；")
          and "统筹基金支付0.00元至10000.00元共付段内8489.88元的80%" in proc, proc)
    lines = [(x["det_item_fee_sumamt_fen"], x["fulamt_ownpay_amt_fen"], x["overlmt_amt_fen"],
              x["preselfpay_amt_fen"], x["inscp_scp_amt_fen"]) for x in doc["feedetail"]]
    check(name + " feedetail", lines == LINES, json.dumps(lines))
    check(name + " feedetail text", [(x["feedetl_sn"], x["code"], x["selfpay_prop"])
                                     for x in doc["feedetail"]][1:3]
          == [("2", "86900001", "0.1500"), ("3", "86900002", "0.1000")],
          json.dumps(doc["feedetail"][1:3], ensure_ascii=False))


def test_items():
    out, _ = expect("csv", [*NHSA, "--items", BILLS + "hand.csv"], 0)
    check_nhsa("csv", out)
    out, _ = expect("json", [*NHSA, "--items", BILLS + "hand.json"], 0)
    check_nhsa("json", out)
    with open(BILLS + "hand.csv", encoding="utf-8") as f:
        out, _ = expect("stdin", [*NHSA, "--items", "-"], 0, stdin=f.read())
    check_nhsa("stdin", out)
    # The explanation names the parts above the ceilings apart from the self-paid lines.
    expect("text", [*CLAIM, "--items", BILLS + "hand.csv"], 0,
           out_has=[r"Above the items' price ceilings, paid by the patient: 105\.00",
                    r"Items outside the catalogue, paid in full by the patient: 176\.00"])
    # A claim by its totals has the same records, but nothing over a ceiling.
    out, _ = expect("totals nhsa", [*NHSA, "--total", "9960.57", "--self-paid", "281.00",
                                    "--category-b", "189.69"], 0)
    doc = json.loads(out)
    check("totals setlinfo", (doc["setlinfo"]["fulamt_ownpay_amt_fen"],
                              doc["setlinfo"]["overlmt_selfpay_fen"],
                              doc["setlinfo"]["hifp_pay_fen"], doc["feedetail"])
          == (28100, 0, 679190, []), json.dumps(doc["setlinfo"]))


def bad(name, text, suffix, err, code=1, policy=POLICY):
    """A bill in a file of `suffix` that is refused with `err`, and no ledger written."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bill" + suffix)
        with open(path, "wb") as f:
            f.write(text.encode() if isinstance(text, str) else text)
        led = os.path.join(d, "ledger.txt")
        args = [*CLAIM, "--policy", policy, "--items", path, "--save-ledger", led, "--format",
                "nhsa"]
        expect(name, args, code, err_has=[err.replace("FILE", path)], out_lacks=[r"."])
        check(name + " no ledger", not os.path.exists(led), "a ledger was written")


def test_items_bad():
    head = "code,name,chrgitm_lv,det_item_fee_sumamt,pric,cnt,selfpay_prop\n"
    bad("chrgitm_lv 4", head + "A1,a,1,10.00,,,\nB2,b,4,5.00,,,\n", ".csv",
        r"FILE:3: item \(B2\): chrgitm_lv 4 is not 1 \(甲类\), 2 \(乙类\) or 3 \(自费\) "
        r"\[MEDINS_ERR_CLAIM\]")
    bad("chrgitm_lv a word", head + "A1,a,甲,10.00,,,\n", ".csv",
        r"FILE:2: chrgitm_lv: '甲' is not 1, 2 or 3 \[MEDINS_ERR_SYNTAX\]")
    bad("negative quantity", head + "A1,a,1,,2.00,-1,\n", ".csv",
        r"FILE:2: cnt: '-1' is not a number with at most 4 decimals")
    bad("five decimals", head + "A1,a,1,,2.00,1.23456,\n", ".csv",
        r"FILE:2: cnt: '1.23456' has more than 4 decimals")
    bad("proportion above 1", head + "A1,a,2,1.00,,,1.5\n", ".csv",
        r"FILE:2: selfpay_prop: '1.5' is above 1")
    bad("NUL in a name", (head + "A1,a\0b,1,1.00,,,\n").encode(), ".csv",
        r"FILE:2: column 'name': a NUL byte at byte 2")
    bad("unknown column", "code,chrgitm_lv,colour\nA1,1,red\n", ".csv",
        r"FILE:1: unknown column 'colour'")
    bad("no code", head + ",a,1,1.00,,,\n", ".csv", r"FILE:2: a fee line needs its code")
    bad("no lines", head, ".csv", r"FILE: the bill has no fee lines \[MEDINS_ERR_CLAIM\]")
    bad("amount not the product", head + "A1,a,1,9.99,5.00,2,\n", ".csv",
        r"FILE:2: item \(A1\): amount 999 fen is not price × quantity \(1000 fen\)")
    bad("json NUL in a name", '[{"code": "A", "name": "x\\u0000y", "chrgitm_lv": 1}]', ".json",
        r"FILE:1:24: name: a NUL byte at byte 2")
    bad("json unknown key", '[{"code": "A", "chrgitm_lv": 1,\n  "colour": "red"}]', ".json",
        r"FILE:2:3: unknown fee line field 'colour'")
    bad("json not an array", '{"code": "A"}', ".json", r"FILE:1:1: expected an array of fee lines")
    bad("json a list as a value", '[{"code": ["A"], "chrgitm_lv": 1}]', ".json",
        r"FILE:1:11: code: expected a value")
    # No default proportion in the policy: the 乙 line without its own is refused where it is.
    bad("no default proportion", open(BILLS + "hand.json", encoding="utf-8").read(), ".json",
        r"FILE:6:3: item \(86900002\): a 乙类 item without selfpay_prop, and the policy has no "
        r"bills\.selfpay_prop \[MEDINS_ERR_MISSING\]", policy=TESTLAND)
    expect("items and a total", [*CLAIM, "--items", BILLS + "hand.csv", "--total", "5"], 2,
           err_has=[r"--items gives the bill's totals"])
    expect("unknown format", [*CLAIM, "--items", BILLS + "hand.csv", "--format", "xml"], 2,
           err_has=[r"--format: 'xml' is not text, json or nhsa"])


def test_nhsa_codes():
    # The README claim on testland.yaml (run.py, test_settle): inpatient l3, 25000 with 1000
    # self-paid and 500 category B, an employee in service, the first admission: fund 19250,
    # patient 5750. Given as the platform's codes: 310/1101 and med_type 21.
    codes = ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--level", "l3",
             "--total", "25000", "--self-paid", "1000", "--category-b", "500"]
    out, _ = expect("codes in", [*codes, "--insutype", "310", "--psn-type", "1101",
                                 "--med-type", "21", "--json"], 0)
    doc = json.loads(out) if out else {}
    check("codes in: person and kind",
          (doc.get("person", {}).get("scheme"), doc.get("person", {}).get("category"),
           doc.get("claim", {}).get("kind"), doc.get("settlement", {}).get("fund_fen"))
          == ("employee", "in_service", "inpatient", 1925000), out)
    # From a claim document too.
    out, _ = expect("codes in a document", ["settle", "--policy", TESTLAND, "-i", "-", "--json"],
                    0, stdin='{"person": {"insutype": "310", "psn_type": "1101"}, "claim": '
                          '{"date": "2023-03-01", "med_type": "21", "level": "l3", '
                          '"total": "25000", "self_paid": "1000", "category_b": "500"}}')
    check("codes in a document: fund", out and
          json.loads(out)["settlement"]["fund_fen"] == 1925000, out)
    # Codes no row maps: the claim refused, naming the code and the policy.
    expect("unmapped med_type", [*codes, "--med-type", "12"], 1,
           err_has=[r'claim refused: med_type "12" is not a claim policy testland/testland '
                    r'settles: give it a bills.med_types row'])
    expect("unmapped psn_type", [*codes, "--kind", "inpatient", "--insutype", "310",
                                 "--psn-type", "1300"], 1,
           err_has=[r'psn_type "1300" of insutype "310" is not a person policy '
                    r'testland/testland knows'])
    # Usage: both ways of giving the kind or the person; half a person; a code too long.
    expect("med_type and kind", [*codes, "--med-type", "21", "--kind", "inpatient"], 2,
           err_has=[r"--med-type and --kind both give the claim's kind: give one"])
    expect("insutype alone", [*codes, "--kind", "inpatient", "--insutype", "310"], 2,
           err_has=[r"--insutype and --psn-type go together"])
    expect("codes and scheme", [*codes, "--kind", "inpatient", "--insutype", "310",
                                "--psn-type", "1101", "--scheme", "employee"], 2,
           err_has=[r"give no --scheme or --category with them"])
    expect("code too long", [*codes, "--med-type", "1" * 17], 2,
           err_has=[r"--med_type: a code of 1 to 16 bytes"])


GROUPS = {"items": test_items, "items-bad": test_items_bad, "nhsa-codes": test_nhsa_codes}
