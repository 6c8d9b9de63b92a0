"""Money, ratios, dates, enums, persons and claims: the small pieces of the Python layer."""

import datetime as dt
import pickle

import pytest

import medins
from medins import lowlevel


def test_version_matches_library():
    assert medins.version() == medins.__version__
    assert medins.version().count(".") == 2


@pytest.mark.parametrize("text,fen", [("980", 98000), ("1100.5", 110050), ("1100.50", 110050),
                                      ("-3", -300), ("0.01", 1)])
def test_fen_parses_yuan_text(text, fen):
    assert medins.fen(text) == fen


@pytest.mark.parametrize("bad", ["1,100", "1e3", "+5", "55 %", "1.234", ""])
def test_fen_refuses_ambiguous_text(bad):
    # Money text is not a policy file: a MoneyError (a ValueError), not a PolicyError.
    with pytest.raises(medins.MoneyError) as e:
        medins.fen(bad)
    assert e.value.code == medins.Status.ERR_SYNTAX
    assert isinstance(e.value, ValueError) and not isinstance(e.value, medins.PolicyError)


def test_fen_of_int_is_yuan():
    assert medins.fen(12) == 1200


@pytest.mark.parametrize("fen,text", [(110050, "1100.50"), (-5, "-0.05"), (0, "0.00")])
def test_yuan_formats_fen(fen, text):
    assert medins.yuan(fen) == text


@pytest.mark.parametrize("text,bp", [("55%", 5500), ("2.5%", 250), ("100%", 10000)])
def test_ratio_round_trip(text, bp):
    assert medins.ratio(text) == bp
    assert medins.ratio_text(bp) == text


def test_ratio_out_of_range_raises():
    with pytest.raises(medins.MedinsError) as e:
        medins.ratio("101%")
    assert e.value.code == medins.Status.ERR_RANGE


def test_int64_money_is_exact_beyond_int32():
    big = 10 ** 13 + 7
    assert medins.yuan(big) == "100000000000.07"
    with pytest.raises(OverflowError):
        lowlevel.money_apply(2 ** 63, 5000)


def test_dates_convert_both_ways():
    assert medins.to_cdate(dt.date(2023, 1, 15)) == 20230115
    assert medins.to_cdate("2023-01-15") == 20230115
    assert medins.to_cdate(20230115) == 20230115
    assert medins.to_cdate(None) == 0
    assert medins.from_cdate(20230115) == dt.date(2023, 1, 15)
    assert medins.from_cdate(0) is None


@pytest.mark.parametrize("enum_cls,word,member", [
    (medins.Level, "l3", medins.Level.L3), (medins.Level, "primary", medins.Level.PRIMARY),
    (medins.Category, "in_service", medins.Category.IN_SERVICE),
    (medins.ClaimKind, "inpatient", medins.ClaimKind.INPATIENT),
    (medins.Scheme, "resident", medins.Scheme.RESIDENT), (medins.Tier, "high", medins.Tier.HIGH),
])
def test_enum_words_match_the_policy_format(enum_cls, word, member):
    assert enum_cls.parse(word) is member
    assert enum_cls.parse(member.name) is member
    assert enum_cls.parse(int(member)) is member
    assert member.word == word


def test_enum_values_are_the_c_values():
    assert medins.Level.L3 == lowlevel.LEVEL_3 == 3
    assert medins.ClaimKind.PHARMACY == lowlevel.CLAIM_PHARMACY
    assert medins.Status.ERR_BATCH == -70
    assert medins.Section.INPATIENT.word == "inpatient"


def test_unknown_enum_word_raises_with_choices():
    with pytest.raises(ValueError, match="l3"):
        medins.Level.parse("level three")


def test_words_as_people_type_them():
    # The C library's one word parser: any case, '-' for '_', and the Chinese names.
    assert medins.Level.parse("三级") is medins.Level.L3
    assert medins.Level.parse("基层") is medins.Level.PRIMARY
    assert medins.ClaimKind.parse("门诊") is medins.ClaimKind.OUTPATIENT
    assert medins.ClaimKind.parse("药店") is medins.ClaimKind.PHARMACY
    assert medins.ClaimKind.parse("Special-Disease") is medins.ClaimKind.SPECIAL_DISEASE
    assert medins.Category.parse("退休") is medins.Category.RETIRED
    assert medins.Scheme.parse("居民") is medins.Scheme.RESIDENT
    assert medins.Group.parse("低保+重度残疾") == medins.Group.DIBAO | medins.Group.DISABLED
    assert medins.Delivery.parse("剖宫产") is medins.Delivery.CAESAREAN
    c = medins.Claim(date="2023-06-01", kind="住院", level="二级", total=100)
    assert (c.kind, c.level) == (medins.ClaimKind.INPATIENT, medins.Level.L2)
    p = medins.Person("职工", "在职")
    assert (p.scheme, p.category) == (medins.Scheme.EMPLOYEE, medins.Category.IN_SERVICE)
    # What is none of the forms lists them, as C words it.
    with pytest.raises(ValueError, match=r'^"L4" is not a hospital level: write one of primary \(基层\), '
                       r'l1 \(一级\), l2 \(二级\), l3 \(三级\), pharmacy \(药店\)$'):
        medins.Level.parse("L4")
    with pytest.raises(ValueError, match=r'"l3\\0" is not a hospital level: it contains a NUL byte'):
        medins.Level.parse("l3\0")


def test_groups_combine_and_parse():
    g = medins.Group.parse("dibao+disabled")
    assert g == medins.Group.DIBAO | medins.Group.DISABLED
    assert g.word == "dibao+disabled"
    assert medins.Group.parse(["tekun"]) == medins.Group.TEKUN
    assert medins.Group.parse("") == medins.Group(0)
    with pytest.raises(ValueError):
        medins.Group.parse("nobody")


def test_person_accepts_words_and_dates():
    p = medins.Person("resident", "student_child", "low", "2015-05-05", "dibao", 42)
    assert p.scheme is medins.Scheme.RESIDENT
    assert p.category is medins.Category.STUDENT_CHILD
    assert p.birth_date == dt.date(2015, 5, 5)
    assert p.groups == medins.Group.DIBAO
    assert p.age_on("2023-05-05") == 8
    assert p.age_on("2023-05-04") == 7


def test_person_helpers():
    assert medins.Person.employee(retired=True).category is medins.Category.RETIRED
    r = medins.Person.resident(child=True, tier="high")
    assert (r.scheme, r.category, r.tier) == (medins.Scheme.RESIDENT,
                                              medins.Category.STUDENT_CHILD, medins.Tier.HIGH)


def test_claim_keywords():
    c = medins.Claim(date="2023-02-03", kind="inpatient", level="l2", total=500000,
                     self_paid=1000, category_b=2000, institution=9, id=77)
    assert c.date == dt.date(2023, 2, 3)
    assert c.kind is medins.ClaimKind.INPATIENT and c.level is medins.Level.L2
    low = c._to_c()
    assert (low.date, low.kind, low.level, low.total, low.id) == (20230203, 3, 2, 500000, 77)


def test_person_and_claim_pickle():
    p = medins.Person.employee(birth_date="1970-01-01")
    assert pickle.loads(pickle.dumps(p)) == p


def _public_members():
    import inspect
    for name in medins.__all__:
        obj = getattr(medins, name)
        yield name, obj
        if inspect.isclass(obj) and obj.__module__.startswith("medins") and \
                not issubclass(obj, (BaseException, int)):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(member, (property, classmethod, staticmethod)) or \
                        inspect.isfunction(member):
                    yield f"{name}.{attr}", getattr(member, "__func__", member)


def test_every_public_name_has_a_docstring():
    missing = [n for n, obj in _public_members()
               if not isinstance(obj, str) and not (getattr(obj, "__doc__", None) or "").strip()]
    assert missing == []


def test_stubs_cover_the_public_names():
    import ast
    import pathlib
    stub = pathlib.Path(medins.__file__).with_suffix(".pyi")
    tree = ast.parse(stub.read_text())
    names = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    names |= {t.id for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
              for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
              if isinstance(t, ast.Name)}
    assert sorted(set(medins.__all__) - names) == []
