"""docs/policy-coverage.md and docs/assumed-values.md are generated in part from the shipped
policies (docs/policy_docs.py): they must say what the policies say now."""

import importlib.util

from conftest import ROOT


def test_policy_docs_are_current():
    spec = importlib.util.spec_from_file_location("policy_docs", ROOT / "docs" / "policy_docs.py")
    docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(docs)
    for path, text in docs.generate().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date: run docs/policy_docs.py with the build's Python binding")
