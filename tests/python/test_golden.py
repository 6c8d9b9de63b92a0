"""The shared golden vectors (tests/golden/settlements.csv), settled one by one and as a batch.

The same table is run by the C and Java suites; every expected figure there is worked by hand.
"""

import csv
import itertools

import numpy as np
import pytest

import medins
from conftest import GOLDEN

CSV = GOLDEN / "settlements.csv"
EXPECTED = ("fund", "major_disease", "assistance", "patient", "deductible")

pytestmark = pytest.mark.skipif(not CSV.exists(), reason=f"{CSV} does not exist yet")


def _rows():
    with open(CSV, newline="", encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def _cases():
    if not CSV.exists():
        return []
    rows = _rows()
    return [(name, list(group)) for name, group in
            itertools.groupby(rows, key=lambda r: r["case"])]


def _person(r):
    return medins.Person(r["scheme"], r["category"], r["tier"] or "none",
                         r["birth_date"] or None, r.get("groups") or "",
                         int(r.get("family_doctor") or 0))


def _claim(r, i):
    return medins.Claim(int(r["date"]), r["kind"], r["level"], int(r["total"]),
                        int(r.get("self_paid") or 0), int(r.get("category_b") or 0),
                        int(r.get("institution") or 0), i)


@pytest.mark.parametrize("name,rows", _cases(), ids=[c[0] for c in _cases()])
def test_golden_single(policies, name, rows):
    ledgers = {}
    for i, r in enumerate(rows):
        policy = policies[r["policy"]]
        ledger = ledgers.setdefault(r["person"], medins.Ledger(int(r["date"]) // 10000))
        res = policy.settle(_person(r), _claim(r, i), ledger)
        got = {k: getattr(res, k) for k in EXPECTED}
        want = {k: int(r[k]) for k in EXPECTED}
        assert got == want, f"{name} row {i}: {res.explain()}"


@pytest.mark.parametrize("name,rows", _cases(), ids=[c[0] for c in _cases()])
def test_golden_batch(policies, name, rows):
    if len({r["policy"] for r in rows}) != 1:
        pytest.skip("the batch takes one policy per call")
    keys = list(dict.fromkeys(r["person"] for r in rows))
    first = {k: next(r for r in rows if r["person"] == k) for k in keys}
    persons = {"scheme": [first[k]["scheme"] for k in keys],
               "category": [first[k]["category"] for k in keys],
               "tier": [first[k]["tier"] or "none" for k in keys],
               "birth_date": [int(first[k]["birth_date"] or 0) for k in keys],
               "groups": [first[k].get("groups") or "" for k in keys],
               "family_doctor": [int(first[k].get("family_doctor") or 0) for k in keys]}
    claims = {"person": [keys.index(r["person"]) for r in rows],
              "date": [int(r["date"]) for r in rows], "kind": [r["kind"] for r in rows],
              "level": [r["level"] for r in rows], "total": [int(r["total"]) for r in rows],
              "self_paid": [int(r.get("self_paid") or 0) for r in rows],
              "category_b": [int(r.get("category_b") or 0) for r in rows],
              "institution": [int(r.get("institution") or 0) for r in rows]}
    res = medins.settle_arrays(policies[rows[0]["policy"]], persons, claims)
    for k in EXPECTED:
        np.testing.assert_array_equal(res[k], [int(r[k]) for r in rows], err_msg=f"{name}: {k}")
