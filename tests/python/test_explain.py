"""The trace of a result (Result.steps) and its text in Chinese and English (Result.explain).

Figures are on tests/data/settle/basic.yaml (round numbers; the policy's figures are listed at
the top of tests/check_settle.c). The claim: an employee's first admission at level 3, 150000
with 1000 outside the catalogue and 500 category-B first self-pay:
  in scope 148500; deductible of the admission 1000; 10000 at 80%: fund 8000, patient 2000;
  137500 at 90%: fund 123750, patient 13750; maximum 350000; major disease: 16750 of burden,
  10000 within its deductible, 6750 at 60% = 4050; no assistance row; patient 14200.
"""

import datetime

import pytest

import medins
from conftest import ROOT, env_path

BASIC = env_path("MEDINS_TEST_DATA", ROOT / "tests" / "data") / "settle" / "basic.yaml"
K = medins.StepKind


@pytest.fixture(scope="module")
def basic():
    return medins.load_policy(BASIC)


@pytest.fixture(scope="module")
def settled(basic):
    return basic.settle(medins.Person.employee(birth_date="1980-01-01"),
                        medins.Claim(date="2023-03-01", kind="inpatient", level="l3",
                                     total=medins.fen("150000"), self_paid=medins.fen("1000"),
                                     category_b=medins.fen("500")))


def test_trace_of_a_hand_worked_claim(settled):
    steps = settled.steps
    assert [s.kind for s in steps] == [
        K.SELF_PAID, K.CATEGORY_B, K.ADMISSION, K.DEDUCTIBLE_ADMISSION, K.SEGMENT, K.COINSURANCE,
        K.SEGMENT, K.COINSURANCE, K.CAP, K.MAJOR_DISEASE_DEDUCTIBLE, K.MAJOR_DISEASE,
        K.MAJOR_DISEASE_CAP, K.ASSISTANCE_NO_ROW, K.PATIENT, K.ACCOUNT]
    ded = steps[3]
    assert (ded.part, ded.rule, ded.amount, ded.base, ded.args) == (
        medins.Part.DEDUCTIBLE, "inpatient.deductible", 100000, 14850000, {"deductible": 100000})
    (value,) = ded.values
    assert (value.path, value.source_kind, value.source, value.file.endswith("basic.yaml")) == (
        "inpatient.deductible[4].amount", "third-party", "test", True)
    assert value.citation == "third-party: Round figures for the settlement tests, settlement cases"
    upper = steps[6]
    assert (upper.amount, upper.base, upper.ratio) == (12375000, 13750000, 9000)
    assert upper.args == {"from": 1000000, "to": 0, "open": True, "cut": False,
                          "on_cost": False, "on_fund": False}
    assert [v.path for v in upper.values] == ["inpatient.ratio[0].segments[1].ratio",
                                              "inpatient.ratio[0].segments[1].from"]
    major = steps[10]
    assert (major.part, major.amount, major.base, major.ratio) == (
        medins.Part.MAJOR_DISEASE, 405000, 675000, 6000)
    assert major.values[0].source_kind == "assumed" and major.values[0].assumed
    assert steps[13].args == {"self_paid": 100000, "category_b": 50000, "deductible": 100000,
                              "coinsurance": 1575000, "over_cap": 0, "major_disease": 405000,
                              "assistance": 0, "supplementary": 0}
    # The lines are the steps in English, one for one; a step's values are the policy's.
    assert [(ln.part, ln.amount) for ln in settled.lines] == [(s.part, s.amount) for s in steps]
    assert settled.steps is steps and steps[5].values[0] is steps[4].values[0]


def test_explain_in_both_languages(settled):
    zh = settled.explain("zh")
    assert zh.startswith("结算（testland/basic）\n")
    assert "  本次住院起付线1000.00元，个人负担1000.00元（第三方来源：Round figures" in zh
    assert "统筹基金支付10000.00元以上共付段内137500.00元的90%" in zh
    assert "\n使用的假定值：\n" in zh and "\n使用的第三方来源值：\n" in zh
    assert settled.explain("zh-CN") == zh == settled.explain("ZH")
    assert settled.step_texts("zh")[13] == (
        "个人负担14200.00元：自费1000.00元＋乙类先行自付500.00元＋起付线1000.00元＋"
        "个人自付15750.00元＋超封顶线0.00元－大病保险4050.00元－医疗救助0.00元")
    # English, the default, as the explanation was written before the trace: a heading, each
    # line's amount, text, citation and place, then the values used.
    en = settled.explain()
    assert en == settled.explain("en")
    want = [f"settlement under {settled.policy_id}"]
    want += [f"{medins.yuan(ln.amount):>12}  {ln.text}"
             + (f" ({ln.citation}) [{ln.file}:{ln.line}]" if ln.citation else "")
             for ln in settled.lines]
    want += ["assumed values used:"] + [f"  {v}" for v in settled.assumed_values]
    want += ["third-party values used:"] + [f"  {v}" for v in settled.third_party_values]
    assert en.split("\n") == want
    assert settled.step_texts() == [ln.text for ln in settled.lines]


@pytest.mark.parametrize("lang", ["fr", "", "chinese", "C"])
def test_explain_in_no_language(settled, lang):
    with pytest.raises(medins.ArgumentError) as e:
        settled.explain(lang)
    assert e.value.code == medins.Status.ERR_TYPE
    assert f"'{lang}' is not a language of the explanations: zh or en" in str(e.value)
    with pytest.raises(medins.ArgumentError):
        settled.step_texts(lang)


def test_explain_none_and_nul(settled):
    with pytest.raises(medins.ArgumentError) as e:
        settled.explain(None)
    assert e.value.code == medins.Status.ERR_ARGUMENT
    with pytest.raises(ValueError, match="NUL"):
        settled.explain("zh\0en")
    with pytest.raises(TypeError):
        settled.explain(7)


def test_without_a_trace(basic):
    quiet = basic.settle(medins.Person.employee(birth_date="1980-01-01"),
                         medins.Claim(date="2023-03-01", kind="inpatient", level="l3",
                                      total=medins.fen("150000")), explain=False)
    assert quiet.steps == [] and quiet.lines == []
    text = quiet.explain("zh")
    assert text.startswith("结算（testland/basic）\n使用的假定值：\n"), text


def test_other_computations(p2023):
    """A low-tier resident's 2023 contribution: 350 of the tier's individual share and the
    subsidy, their arguments as the library's enums."""
    r = p2023.contribution(medins.Person.resident(tier="low"), "2023-06-01")
    steps = r.steps
    assert [s.kind for s in steps] == [K.RESIDENT_INDIVIDUAL, K.RESIDENT_SUBSIDY,
                                       K.RESIDENT_TOTAL]
    assert steps[0].amount == medins.fen("350")
    assert steps[0].args == {"tier": medins.Tier.LOW, "state_paid": False}
    assert steps[0].values[0].source_kind == "official"
    assert r.explain("zh").split("\n")[1].endswith("低档个人缴费350.00元（" + steps[0].values[0].citation
                                                     + "） [policies/tianjin/2023.yaml:24]")
    # A capitation's enrolment for all of January 2023: 31 days, its dates as dates, none
    # for a patient still enrolled.
    cap = p2023.capitation(level="l1", disease="diabetes", period=("2023-01-01", "2023-01-31"),
                           enrolments=[(1, "2023-01-01", None)])
    enrolment = cap.steps[0]
    assert enrolment.kind is K.ENROLMENT and enrolment.kind.word == "enrolment"
    assert enrolment.args == {"patient": 1, "from": datetime.date(2023, 1, 1), "to": None,
                              "days": 31}
    assert cap.steps[1].args["disease"] is medins.Disease.DIABETES
