"""The language of the command's explanations (--lang, or the locale) and the trace in JSON.

Figures are on tests/cli/policies/testland.yaml. The claim: inpatient at level 3, 25000 with
1000 outside the catalogue and 500 category-B first self-pay, the first admission of 2023:
  in scope 25000 - 1000 - 500 = 23500; deductible of the first admission 1000 (testland.yaml:26);
  22500 from position 0: 10000 at 80% (line 31): fund 8000, patient 2000; 12500 at 90% (line 32,
  assumed): fund 11250, patient 1250; maximum 100000 (line 35), nothing paid before;
  fund 19250; patient 1000 + 500 + 1000 + 2000 + 1250 = 5750.
"""
import json

from harness import TESTLAND, check, expect, run

CLAIM = ["settle", "--policy", TESTLAND, "--date", "2023-03-01", "--kind", "inpatient",
         "--level", "l3", "--total", "25000", "--self-paid", "1000", "--category-b", "500"]
# The trace of CLAIM, step by step.
KINDS = ["self_paid", "category_b", "admission", "deductible_admission", "segment",
         "coinsurance", "segment", "coinsurance", "cap", "patient"]
ZH = {"LANG": "zh_CN.UTF-8"}


def row(label, amount, rest=""):
    """A row of the parts' table: the label, spaces, the amount, then `rest` (a regex)."""
    return r"^  " + label + r" +" + amount.replace(".", r"\.") + rest + "$"


def test_lang():
    # In Chinese: the parts, the texts, the citations and the sums in the words hospitals use.
    expect("zh", [*CLAIM, "--lang", "zh"], 0,
           out_has=[r"^结算：住院，三级医院，2023-03-01$",
                    r"^  医疗费用总额25000\.00元（其中自费1000\.00元，乙类先行自付500\.00元）$",
                    r"^  参保人：职工医保，在职职工$",
                    row("自费", "1000.00", "  个人"),
                    row("起付线", "1000.00", "  个人"),
                    r"^      本次住院起付线1000\.00元，个人负担1000\.00元$",
                    r"^      规则 inpatient\.deductible · tests/cli/policies/testland\.yaml:26$",
                    r"^      依据 第三方来源：Testland rules for the command-line tests, section 2$",
                    row("统筹基金支付", "8000.00", "  统筹基金，10000\\.00元的80%"),
                    r"^      统筹基金支付0\.00元至10000\.00元共付段内10000\.00元的80%$",
                    row("个人自付", "1250.00", "  个人，12500\\.00元的10%"),
                    r"^      假定：the upper segment is a test of assumed values$",
                    r"^      年度封顶线100000\.00元，本次结算前统筹基金已支付0\.00元$",
                    row("统筹基金支付", "19250.00"), row("个人负担", "5750.00"),
                    row("合计", "25000.00"),
                    r"^使用的假定值（3项）：",
                    r"^      未给出 --ledger：本年度此前没有结算，没有结转额度$",
                    r"^使用的第三方来源值（4项）："],
           out_lacks=[r"Deductible", r"Basic fund", r"cites "])
    # The locale's language when --lang is not given: the first of LC_ALL, LC_MESSAGES and
    # LANG that is set; zh... is Chinese, any other English. --lang wins over it.
    chinese, english = row("起付线", "1000.00", "  个人"), row("Deductible", "1000.00", "  patient")
    for name, env, want, lacks in [
            ("LANG zh", ZH, chinese, english),
            ("LC_MESSAGES zh", {"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, chinese,
             english),
            ("LC_ALL first", {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, english, chinese),
            ("LC_ALL zh", {"LC_ALL": "zh_TW.UTF-8", "LC_MESSAGES": "C"}, chinese, english),
            ("C", {}, english, chinese)]:
        expect("locale " + name, CLAIM, 0, env=env, out_has=[want], out_lacks=[lacks])
    expect("--lang over the locale", [*CLAIM, "--lang", "en"], 0, env=ZH,
           out_has=[english, r"^  Basic fund +19250\.00$"], out_lacks=[chinese])
    expect("--lang zh-CN", [*CLAIM, "--lang", "zh-CN"], 0, out_has=[chinese])
    # A language the explanations are not in: a usage error, nothing on stdout.
    for bad in ["fr", "", "chinese"]:
        out, _ = expect("--lang " + repr(bad), [*CLAIM, "--lang", bad], 2,
                        err_has=[r"--lang: '" + bad + r"' is not a language of the "
                                 r"explanations: zh or en", r"Try 'medins settle --help'"])
        check("--lang " + repr(bad) + " prints nothing", out == "", out)
    # The other computations take it too: testland's resident high tier, 300 + 500.
    expect("contribution zh", ["contribution", "--policy", TESTLAND, "--scheme", "resident",
                               "--tier", "high", "--lang", "zh"], 0,
           out_has=[r"^      高档个人缴费300\.00元$", r"^      高档政府补助：500\.00元$",
                    r"^      筹资合计800\.00元：个人缴纳300\.00元，政府负担500\.00元$"])
    expect("contribution --lang fr", ["contribution", "--lang", "fr"], 2,
           err_has=[r"--lang: 'fr' is not a language"])


def test_lang_json():
    _, out, _ = run(*CLAIM, "--json", "--lang", "zh")
    doc = json.loads(out)
    steps = doc["steps"]
    check("lang", doc["lang"] == "zh", doc["lang"])
    check("kinds", [s["kind"] for s in steps] == KINDS, json.dumps([s["kind"] for s in steps]))
    ded = steps[3]
    check("deductible step", (ded["part"], ded["rule"], ded["amount_fen"], ded["base_fen"],
                              ded["args"]) == ("deductible", "inpatient.deductible", 100000,
                                               2350000, {"deductible": "1000.00",
                                                         "deductible_fen": 100000}),
          json.dumps(ded, ensure_ascii=False))
    check("deductible text", ded["text"] == "本次住院起付线1000.00元，个人负担1000.00元", ded["text"])
    value = ded["values"][0]
    check("deductible value", (value["path"], value["source"], value["source_kind"],
                               value["file"], value["line"], value["column"], value["citation"])
          == ("inpatient.deductible[0].amount", "test-rules", "third-party", TESTLAND, 26, 34,
              "third-party: Testland rules for the command-line tests, section 2"),
          json.dumps(value, ensure_ascii=False))
    # The upper segment: open-ended from 10000, its ratio assumed, its start read too.
    upper = steps[6]
    check("upper segment", (upper["part"], upper["amount_fen"], upper["base_fen"], upper["ratio"],
                            upper["ratio_bp"], upper["args"]["from_fen"], upper["args"]["open"],
                            upper["args"]["cut"])
          == ("fund", 1125000, 1250000, "90%", 9000, 1000000, True, False),
          json.dumps(upper, ensure_ascii=False))
    check("upper segment values",
          [(v["path"], v["source_kind"], v["assumed"]) for v in upper["values"]] == [("inpatient.ratio[0].segments[1].ratio", "assumed", True),
              ("inpatient.ratio[0].segments[1].from", "assumed", True)],
          json.dumps(upper["values"], ensure_ascii=False))
    patient = steps[-1]
    check("patient's sum", (patient["amount_fen"], patient["args"]["coinsurance_fen"],
                            patient["args"]["self_paid_fen"]) == (575000, 325000, 100000),
          json.dumps(patient, ensure_ascii=False))
    # The lines stay English, one per step; without --lang the texts are the locale's.
    check("lines", doc["lines"][3]["text"] ==
          "Deductible of this admission 1000.00: the patient pays 1000.00",
          json.dumps(doc["lines"][3]))
    check("one line a step", len(doc["lines"]) == len(steps), str(len(doc["lines"])))
    _, out, _ = run(*CLAIM, "--json")
    doc = json.loads(out)
    check("english texts",
          doc["lang"] == "en" and doc["steps"][3]["text"] == doc["lines"][3]["text"],
          json.dumps(doc["steps"][3]))
    # Other computations: their steps, with their arguments as words.
    _, out, _ = run("contribution", "--policy", TESTLAND, "--scheme", "resident", "--tier", "high",
                    "--json")
    steps = json.loads(out)["steps"]
    check("contribution steps", [(s["kind"], s["amount_fen"], s["args"]) for s in steps] ==
          [("resident_individual", 30000, {"tier": "high", "state_paid": False}),
           ("resident_subsidy", 50000, {"tier": "high"}),
           ("resident_total", 80000, {"individual": "300.00", "individual_fen": 30000,
                                      "government": "500.00", "government_fen": 50000})],
          json.dumps(steps))


GROUPS = {"lang": test_lang, "lang-json": test_lang_json}
