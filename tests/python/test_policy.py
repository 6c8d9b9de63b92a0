"""Policies and policy sets: embedded, files, lookups, values and citations."""

import datetime as dt
import importlib.util
import shutil

import pytest

import medins
from conftest import POLICIES


def test_embedded_set_holds_tianjin_years(policies):
    ids = policies.ids
    for pid in ("tianjin/2022", "tianjin/2023"):
        assert pid in ids and pid in policies
    assert len(policies) == len(ids)
    assert "PolicySet" in repr(policies)


def test_embedded_is_shared():
    assert medins.embedded() is medins.embedded()


def test_lookup_by_region_and_date(policies):
    p = policies.lookup("tianjin", dt.date(2023, 3, 1))
    assert p.id == "tianjin/2023"
    assert p.region == "tianjin"
    assert p.in_force("2023-03-01")
    assert p.effective_from == dt.date(2023, 1, 1)
    assert policies.lookup("tianjin", "2022-12-31").id == "tianjin/2022"


def test_default_policy_uses_default_region():
    assert medins.default_policy(date="2023-06-01").id == "tianjin/2023"
    assert medins.default_policy("2022-06-01").id == "tianjin/2022"


def test_lookup_outside_any_policy_raises(policies):
    with pytest.raises(medins.NoPolicyError) as e:
        policies.lookup("tianjin", "1999-01-01")
    assert e.value.code == medins.Status.ERR_NO_POLICY
    with pytest.raises(LookupError):
        policies.lookup("atlantis", "2023-01-01")


def test_get_and_getitem(policies):
    assert policies.get("tianjin/2023").id == "tianjin/2023"
    assert policies.get("nowhere/1") is None
    with pytest.raises(KeyError):
        policies["nowhere/1"]


def test_policy_repr_and_title(p2023):
    assert "tianjin/2023" in repr(p2023)
    assert p2023.title


def test_sections(p2023):
    assert p2023.has_section("inpatient")
    assert p2023.has_section(medins.Section.OUTPATIENT)
    assert medins.Section.INPATIENT in p2023.sections


def test_values_carry_citations(p2023):
    values = p2023.values
    assert values, "a policy holds values"
    for v in values:
        assert v.path and v.file and v.line > 0
        assert v.assumed or v.source, v.path
    first = values[0]
    assert p2023.value(first.path) == first
    assert p2023.value("no.such.path") is None


def test_assumed_values_are_marked(p2023):
    for v in p2023.assumed_values:
        assert v.assumed and v.at


def test_sources(p2023):
    srcs = p2023.sources
    assert srcs
    assert all(s.id and s.title for s in srcs)


def test_policy_from_borrowed_set_outlives_reference():
    p = medins.PolicySet.embedded().lookup("tianjin", "2023-06-01")
    import gc
    gc.collect()
    assert p.id == "tianjin/2023"  # the set is kept alive by the policy


def test_load_policy_file():
    p = medins.load_policy(POLICIES / "tianjin" / "2023.yaml")
    assert p.region == "tianjin"
    assert p.in_force("2023-06-01")


def test_load_policy_with_options():
    opts = medins.LoadOptions(max_file_size=1 << 20)
    assert "max_file_size=1048576" in repr(opts)
    p = medins.load_policy(POLICIES / "tianjin" / "2023.yaml", options=opts)
    assert p.id


def test_load_limits_apply():
    with pytest.raises(medins.PolicyError) as e:
        medins.load_policy(POLICIES / "tianjin" / "2023.yaml",
                           options=medins.LoadOptions(max_file_size=16))
    assert e.value.code == medins.Status.ERR_LIMIT


def test_folder_limits_apply(tmp_path):
    # Three policy files in the folder; a limit of two entries refuses the folder, and one
    # level of folders below it refuses a file two levels down.
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("2022", "2023"):
        shutil.copy(POLICIES / "tianjin" / f"{name}.yaml", tmp_path / f"{name}.yaml")
    shutil.copy(POLICIES / "tianjin" / "2017.yaml", tmp_path / "a" / "b" / "2017.yaml")
    opts = medins.LoadOptions(max_dir_entries=2)
    assert "max_dir_entries=2" in repr(opts)
    with pytest.raises(medins.PolicyError) as e:
        medins.PolicySet().add_dir(tmp_path, options=opts)
    assert e.value.code == medins.Status.ERR_LIMIT
    with pytest.raises(medins.PolicyError) as e:
        medins.PolicySet().add_dir(tmp_path, options=medins.LoadOptions(max_dir_depth=1))
    assert e.value.code == medins.Status.ERR_LIMIT
    assert "2017.yaml" in str(e.value) or "a/b" in str(e.value)


def test_add_dir_and_add_file(tmp_path):
    shutil.copytree(POLICIES, tmp_path / "p")
    s = medins.PolicySet().add_dir(tmp_path / "p")
    assert "tianjin/2023" in s
    assert s.lookup("tianjin", "2023-05-05").id == "tianjin/2023"
    s2 = medins.PolicySet().add_file(POLICIES / "tianjin" / "2023.yaml", "tianjin/2023")
    assert s2.ids == ["tianjin/2023"]


def test_load_policy_string_with_bases(policies):
    text = (POLICIES / "reforms").glob("*.yaml")
    f = next(iter(text))
    p = medins.load_policy_string(f.read_text(), f.name, bases=policies)
    assert p.title


def test_policy_docs_are_current():
    """docs/policy-coverage.md and docs/assumed-values.md are generated in part from the shipped
    policies (docs/policy_docs.py): they must say what the policies say now."""
    # The docs sit beside the policies tested (the source tree's, also when the suite runs
    # from a copy, as the wheel's test does).
    docs_dir = POLICIES.parent / "docs"
    spec = importlib.util.spec_from_file_location("policy_docs", docs_dir / "policy_docs.py")
    docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(docs)
    for path, text in docs.generate().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run docs/policy_docs.py with the build's Python binding")
