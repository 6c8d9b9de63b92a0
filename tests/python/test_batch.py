"""The numpy batch: one C call, results identical to settling claim by claim."""

import os
import pickle
import threading

import numpy as np
import pandas as pd
import pytest

import medins


def _arrays(persons, claims):
    pcols = {c: persons[c].to_numpy() for c in ("scheme", "category", "tier", "birth_date")}
    ccols = {c: claims[c].to_numpy() for c in ("person", "date", "kind", "level", "total",
                                                 "self_paid", "category_b")}
    return pcols, ccols


def _single(policy, persons, claims):
    """Claim by claim, one ledger per person: the reference for the batch."""
    out = {k: [] for k in medins.batch.OUTPUTS + ("status",)}
    ledgers = {}
    for c in claims.itertuples():
        pr = persons.iloc[c.person]
        person = medins.Person(pr.scheme, pr.category, pr.tier, pr.birth_date.date())
        ledger = ledgers.setdefault(c.person, medins.Ledger(c.date.year))
        try:
            r = policy.settle(person, medins.Claim(c.date.date(), c.kind, c.level, c.total,
                                                   c.self_paid, c.category_b), ledger,
                              explain=False)
            for k in medins.batch.OUTPUTS:
                out[k].append(getattr(r, k))
            out["status"].append(0)
        except medins.MedinsError as e:
            for k in medins.batch.OUTPUTS:
                out[k].append(0)
            out["status"].append(e.code)
    return {k: np.array(v) for k, v in out.items()}, ledgers


def test_batch_equals_single_claims(p2023, population):
    persons, claims = population
    res = medins.settle_arrays(p2023, *_arrays(persons, claims), on_error="status")
    ref, ledgers = _single(p2023, persons, claims)
    for k in ref:
        np.testing.assert_array_equal(res[k], ref[k], err_msg=k)
    for i, ledger in ledgers.items():
        assert res.ledgers[i] == ledger, i
    assert res.failed == int((ref["status"] != 0).sum())


def test_absent_optional_columns_mean_zero(p2023, population):
    """Optional columns left out travel to C as empty arrays (batch.h's NULL: all zero); the
    results must equal those with explicit zero columns, and with the parts given."""
    persons, claims = population
    pcols, ccols = _arrays(persons, claims)
    m, n = len(claims), len(persons)
    bare = {k: v for k, v in ccols.items() if k not in ("self_paid", "category_b")}
    zeros = dict(bare, self_paid=np.zeros(m, np.int64), category_b=np.zeros(m, np.int64),
                 institution=np.zeros(m, np.int64))
    pzeros = dict(pcols, groups=np.zeros(n, np.uint32), family_doctor=np.zeros(n, np.int64))
    a = medins.settle_arrays(p2023, pcols, bare, on_error="status")
    b = medins.settle_arrays(p2023, pzeros, zeros, on_error="status")
    for k in medins.batch.OUTPUTS + ("status",):
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)
    # and the parts, when given, are read: the patient pays at least them
    c = medins.settle_arrays(p2023, pcols, ccols, on_error="status")
    assert (c["patient"] >= ccols["self_paid"] + ccols["category_b"]).all()
    assert not np.array_equal(a["patient"], c["patient"])


def test_batch_result_dtypes_and_totals(p2023, population):
    persons, claims = population
    res = medins.settle_arrays(p2023, *_arrays(persons, claims))
    assert res["fund"].dtype == np.int64 and res["status"].dtype == np.int32
    assert res.failed == 0
    t = res.totals()
    assert t["fund"] + t["major_disease"] + t["assistance"] + t["patient"] == \
        int(claims["total"].sum())
    assert "BatchResult" in repr(res)


def test_claim_order_does_not_matter(p2023, population):
    persons, claims = population
    shuffled = claims.sample(frac=1.0, random_state=3)
    a = medins.settle_arrays(p2023, *_arrays(persons, claims))
    b = medins.settle_arrays(p2023, *_arrays(persons, shuffled))
    pos = shuffled.index.to_numpy()
    np.testing.assert_array_equal(a["fund"][pos], b["fund"])
    np.testing.assert_array_equal(a["patient"][pos], b["patient"])


def test_integer_codes_and_words_agree(p2023, population):
    persons, claims = population
    pcols, ccols = _arrays(persons, claims)
    codes = dict(ccols, kind=np.array([medins.ClaimKind.parse(k) for k in ccols["kind"]]),
                 level=np.array([int(medins.Level.parse(v)) for v in ccols["level"]]),
                 date=medins.batch.date_codes(ccols["date"]))
    a = medins.settle_arrays(p2023, pcols, ccols)
    b = medins.settle_arrays(p2023, pcols, codes)
    np.testing.assert_array_equal(a["fund"], b["fund"])


def test_policy_set_batch_picks_policy_per_date(policies, p2022, p2023):
    persons = {"scheme": ["employee", "employee"], "category": ["in_service", "in_service"],
               "tier": ["none", "none"], "birth_date": ["1980-01-01", "1980-01-01"]}
    claims = {"person": [0, 1], "date": ["2022-05-01", "2023-05-01"],
              "kind": ["inpatient", "inpatient"], "level": ["l3", "l3"],
              "total": [800000, 800000]}
    res = medins.settle_arrays(policies, persons, claims, region="tianjin")
    emp = medins.Person.employee(birth_date="1980-01-01")
    for i, p in enumerate((p2022, p2023)):
        single = p.settle(emp, medins.Claim(claims["date"][i], "inpatient", "l3", 800000))
        assert res["fund"][i] == single.fund


def test_failures_raise_batch_error_with_results(p2023):
    persons = {"scheme": ["employee"], "category": ["in_service"], "tier": [0],
               "birth_date": [19800101]}
    claims = {"person": [0, 0], "date": [20230101, 20230201], "kind": ["outpatient"] * 2,
              "level": ["l1"] * 2, "total": [10000, 10000], "self_paid": [0, 20000]}
    with pytest.raises(medins.BatchError) as e:
        medins.settle_arrays(p2023, persons, claims)
    assert list(e.value.status) == [0, medins.Status.ERR_CLAIM]
    assert e.value.results["fund"][1] == 0 and e.value.results["patient"][0] > 0
    res = medins.settle_arrays(p2023, persons, claims, on_error="status")
    assert res.failed == 1


def test_ledgers_continue_across_batches(p2023, population):
    persons, claims = population
    pcols, ccols = _arrays(persons, claims)
    whole = medins.settle_arrays(p2023, pcols, ccols)
    half = ccols["date"] < np.datetime64("2023-07-01")
    first = medins.settle_arrays(p2023, pcols, {k: v[half] for k, v in ccols.items()})
    years = np.full(len(persons), 2023)
    block = medins.LedgerBlock(years)
    for i in range(len(persons)):
        block[i] = first.ledgers[i] if i in set(ccols["person"][half]) else medins.Ledger(2023)
    second = medins.settle_arrays(p2023, pcols, {k: v[~half] for k, v in ccols.items()},
                                  ledgers=block)
    np.testing.assert_array_equal(whole["fund"][~half], second["fund"])


def test_length_mismatch_is_refused(p2023):
    with pytest.raises(medins.ArgumentError,
                       match=r"^batch: 1 bytes of ledgers for 2 persons \[MEDINS_ERR_ARGUMENT\]$"):
        medins.lowlevel.settle_arrays(
            p2023._c, None, None, *[np.zeros(2, np.int32)] * 4, np.zeros(2, np.uint32),
            np.zeros(2, np.int64), np.zeros(1, np.uint8), *[np.zeros(1, np.int32)] * 4,
            *[np.zeros(1, np.int64)] * 4, *[np.zeros(0, np.uint32)] * 2,
            *[np.zeros(1, np.int64)] * 10,
            np.zeros(1, np.int32), *[np.zeros(0, np.int32)] * 3, np.zeros(0, np.uint32))


def _settle_policy(name):
    return medins.load_policy(os.path.join(os.environ["MEDINS_TEST_DATA"], "settle", name))


def test_supplementary_and_account_first_columns():
    # tests/data/settle/supplementary.yaml (worked in tests/cli/run.py): P0's first admission
    # at l3, 150000 yuan: fund 100000 (its maximum, reached at 117647.06 of the 148700 above
    # the deductible of 1300), the supplementary fund 80% of the other 31052.94 = 24842.35,
    # patient 25157.65. P1's outpatient claim at l1, 8000: deductible 1800, the fund pays 50%
    # up to the supplementary fund's start, 2000 (reached at 3999.99), which pays 60% of the
    # other 2200.01 = 1320.01; patient 4679.99. Each claim's parts add up to its total.
    persons = {"scheme": ["employee"] * 2, "category": ["in_service"] * 2,
               "birth_date": [19800101] * 2}
    claims = {"person": [0, 1], "date": [20230301] * 2, "kind": ["inpatient", "outpatient"],
              "level": ["l3", "l1"], "total": [15000000, 800000]}
    res = medins.settle_arrays(_settle_policy("supplementary.yaml"), persons, claims)
    assert list(res["fund"]) == [10000000, 200000]
    assert list(res["supplementary"]) == [2484235, 132001]
    assert list(res["patient"]) == [2515765, 467999]
    assert list(res["account_first"]) == [0, 0]
    parts = sum(res[k] for k in ("fund", "supplementary", "major_disease", "assistance",
                                 "patient"))
    assert list(parts) == claims["total"]
    # tests/data/settle/account-first.yaml: the current year's account (800 credited, 800 in
    # the balance) pays first: 800 of an outpatient claim of 3000; of the 2200 left, 1500 is
    # the deductible and 700 x 65% = 455 the fund's. The account is then empty: account 800,
    # all of it first; patient 3000 - 455 = 2545.
    block = medins.LedgerBlock([2023])
    ledger = medins.Ledger(2023)
    ledger.account_balance = ledger.account_credited = 80000
    block[0] = ledger
    res = medins.settle_arrays(_settle_policy("account-first.yaml"),
                               {k: v[:1] for k, v in persons.items()},
                               {"person": [0], "date": [20230301], "kind": ["outpatient"],
                                "level": ["l1"], "total": [300000]}, ledgers=block)
    assert (res["account_first"][0], res["account"][0], res["fund"][0], res["patient"][0]) == \
        (80000, 80000, 45500, 254500)


def test_lowlevel_outputs_may_be_left_out(p2023):
    # An empty output column is not wanted: the others get the same figures, statuses and
    # ledgers as a call that asks for every column. Three employees in service, two claims
    # each (the second person's second claim fails: its self-paid part is above its total).
    i32, i64 = np.int32, np.int64
    persons = [np.zeros(3, i32), np.zeros(3, i32), np.zeros(3, i32),
               np.full(3, 19800101, i32)]
    person = np.array([0, 0, 1, 1, 2, 2], i32)
    date = np.array([20230301, 20230401] * 3, i32)
    kind = np.array([0, 3, 0, 0, 3, 3], i32)
    level = np.full(6, 2, i32)
    total = np.array([150000, 2000000, 30000, 90000, 500000, 4000000], i64)
    self_paid = np.array([0, 0, 0, 100000, 0, 0], i64)
    none_u32, none_i64 = np.zeros(0, np.uint32), np.zeros(0, i64)

    def call(outputs):
        block = medins.LedgerBlock(np.full(3, 2023))
        failed = medins.lowlevel.settle_arrays(
            p2023._c, None, None, *persons, none_u32, none_i64, block._raw, person, date, kind,
            level, none_i64, total, self_paid, none_i64, none_u32, none_u32, *outputs,
            *[np.zeros(0, i32)] * 3, none_u32)
        return failed, block

    # In OUTPUTS' order, then the status: the split is fund, the layers and the patient.
    full = [np.full(6, -7, i64) for _ in range(10)] + [np.full(6, -7, i32)]
    kept = (0, 2, 3, 4, 10)
    split = [full_col.copy() if k in kept else full_col[:0] for k, full_col in enumerate(full)]
    failed_full, ledgers_full = call(full)
    failed_split, ledgers_split = call(split)
    assert failed_full == failed_split == 1
    for k in kept:
        np.testing.assert_array_equal(split[k], full[k])
    assert list(full[10]) == [0, 0, 0, full[10][3], 0, 0] and full[10][3] != 0
    assert bytes(ledgers_split._raw) == bytes(ledgers_full._raw)
    # A column of another length is still refused, named.
    with pytest.raises(medins.ArgumentError,
                       match=r"^batch: column deductible has 5 values for 6 claims \["):
        call(split[:5] + [np.zeros(5, i64)] + split[6:])


def test_gil_is_released_during_batch(p2023):
    # A second thread makes progress while a long batch runs in the first.
    persons, claims = medins.generate_population(50000, 10, seed=11)
    pc = {c: persons[c].to_numpy() for c in ("scheme", "category", "tier", "birth_date")}
    cc = {c: claims[c].to_numpy() for c in ("person", "date", "kind", "level", "total")}
    ticks = []
    during = []
    done = threading.Event()
    started = threading.Event()

    def ticker():
        started.set()
        while not done.is_set():
            ticks.append(1)

    orig = medins.lowlevel.settle_arrays

    def wrapped(*a):
        t = threading.Thread(target=ticker)
        t.start()
        # The ticker must be running before the call: the batch takes a few milliseconds only.
        started.wait()
        try:
            before = len(ticks)
            out = orig(*a)
            during.append(len(ticks) - before)
            return out
        finally:
            done.set()
            t.join()

    medins.batch._c.settle_arrays = wrapped
    try:
        medins.settle_arrays(p2023, pc, cc)
    finally:
        medins.batch._c.settle_arrays = orig
    # With the GIL held the ticker could not run at all inside the C call.
    assert during and during[0] > 1000, during


# ---- out=: results written into the caller's arrays ----
# Expected values throughout come from the same call without out=, which
# test_batch_equals_single_claims checks claim by claim against Policy.settle.

_NAMES = medins.batch.OUTPUTS + ("status",)
_SENTINEL = -7  # no claim of the population settles to this, so a missed write shows


def _maybe_shuffled(population, shuffle):
    """The population's persons and claims, the claims in a shuffled order when asked: the
    batch then sorts them, and must give its outputs back in the order given."""
    persons, claims = population
    return persons, claims.sample(frac=1.0, random_state=5) if shuffle else claims


def _fresh_out(m):
    out = {k: np.full(m, _SENTINEL, np.int64) for k in medins.batch.OUTPUTS}
    out["status"] = np.full(m, _SENTINEL, np.int32)
    return out


@pytest.mark.parametrize("shuffle", [False, True], ids=["in_order", "shuffled"])
def test_out_equals_fresh_outputs(p2023, population, shuffle):
    persons, claims = _maybe_shuffled(population, shuffle)
    pcols, ccols = _arrays(persons, claims)
    ref = medins.settle_arrays(p2023, pcols, ccols, sort=True, on_error="status")
    out = _fresh_out(len(claims))
    res = medins.settle_arrays(p2023, pcols, ccols, sort=True, on_error="status", out=out)
    for k in _NAMES:
        assert res[k] is out[k], k
        assert res[k].dtype == ref[k].dtype, k
        np.testing.assert_array_equal(res[k], ref[k], err_msg=k)
    assert res.failed == ref.failed
    assert bytes(res.ledgers._raw) == bytes(ref.ledgers._raw)


@pytest.mark.parametrize("shuffle", [False, True], ids=["in_order", "shuffled"])
@pytest.mark.parametrize("with_out", [False, True], ids=["fresh", "out"])
def test_outputs_settle_only_the_columns_asked_for(p2023, population, shuffle, with_out):
    # The columns asked for, the statuses and the ledgers equal those of a call that settles
    # every column; the others are not in the result, nor needed in out.
    persons, claims = _maybe_shuffled(population, shuffle)
    pcols, ccols = _arrays(persons, claims)
    ref = medins.settle_arrays(p2023, pcols, ccols, on_error="status")
    asked = ("patient", "fund", "over_cap")     # any order: the result keeps OUTPUTS' order
    out = None
    if with_out:
        full = _fresh_out(len(claims))
        out = {k: full[k] for k in asked + ("status",)}
    res = medins.settle_arrays(p2023, pcols, ccols, on_error="status", outputs=asked, out=out)
    assert list(res) == ["fund", "patient", "over_cap", "status"]
    for k in ("fund", "patient", "over_cap", "status"):
        np.testing.assert_array_equal(res[k], ref[k], err_msg=k)
        if with_out:
            assert res[k] is out[k], k
    assert res.failed == ref.failed
    assert bytes(res.ledgers._raw) == bytes(ref.ledgers._raw)
    assert res.totals() == {k: ref.totals()[k] for k in ("fund", "patient", "over_cap")}
    with pytest.raises(KeyError):
        res["major_disease"]
    assert "fund" in repr(res) and "patient" in repr(res)
    only_status = medins.settle_arrays(p2023, pcols, ccols, on_error="status", outputs=())
    assert list(only_status) == ["status"] and only_status.totals() == {}
    np.testing.assert_array_equal(only_status["status"], ref["status"])


def test_outputs_refused(p2023, population):
    persons, claims = population
    pcols, ccols = _arrays(persons, claims)
    with pytest.raises(ValueError, match="'fnud'"):
        medins.settle_arrays(p2023, pcols, ccols, outputs=("fund", "fnud"))
    with pytest.raises(TypeError, match="one string"):
        medins.settle_arrays(p2023, pcols, ccols, outputs="fund")
    # out must hold every column asked for.
    out = _fresh_out(len(claims))
    del out["fund"]
    with pytest.raises(ValueError, match="no 'fund' column"):
        medins.settle_arrays(p2023, pcols, ccols, outputs=("fund",), out=out)


def test_out_reused_across_calls_holds_the_last_call(p2023, population):
    persons, claims = population
    pcols, ccols = _arrays(persons, claims)
    doubled = dict(ccols, total=ccols["total"] * 2)
    first = medins.settle_arrays(p2023, pcols, ccols)
    ref = medins.settle_arrays(p2023, pcols, doubled)
    # The two inputs settle differently, so stale values from the first call would show.
    assert not np.array_equal(first["fund"], ref["fund"])
    kept = {k: first[k] for k in _NAMES}
    second = medins.settle_arrays(p2023, pcols, doubled, out=first)
    for k in _NAMES:
        assert second[k] is kept[k], k
        np.testing.assert_array_equal(second[k], ref[k], err_msg=k)
    # Shuffled claims go through the scratch block and the scatter back into the same arrays.
    shuffled = claims.sample(frac=1.0, random_state=9)
    spc, scc = _arrays(persons, shuffled)
    ref2 = medins.settle_arrays(p2023, spc, scc)
    third = medins.settle_arrays(p2023, spc, scc, out=second)
    for k in _NAMES:
        assert third[k] is kept[k], k
        np.testing.assert_array_equal(third[k], ref2[k], err_msg=k)


@pytest.mark.parametrize("shuffle", [False, True], ids=["in_order", "shuffled"])
def test_raise_leaves_out_and_ledgers_untouched(p2023, shuffle):
    """on_error="raise": when a claim fails, nothing of the caller's is written (a retry then
    settles each claim once); the figures are in the exception's results. The first claim
    settles, the second's self-paid part (20000) is above its total (10000)."""
    persons = {"scheme": ["employee"], "category": ["in_service"], "tier": [0],
               "birth_date": [19800101]}
    claims = {"person": [0, 0], "date": [20230101, 20230201], "kind": ["outpatient"] * 2,
              "level": ["l1"] * 2, "total": [10000, 10000], "self_paid": [0, 20000]}
    if shuffle:   # given in the reverse order: the batch sorts them
        claims = {k: v[::-1] for k, v in claims.items()}
    bad = 0 if shuffle else 1
    ref = medins.settle_arrays(p2023, persons, claims, on_error="status")
    out = _fresh_out(2)
    block = medins.LedgerBlock([2023])
    before = bytes(block._raw)
    with pytest.raises(medins.BatchError) as e:
        medins.settle_arrays(p2023, persons, claims, out=out, ledgers=block)
    assert bytes(block._raw) == before
    for k in _NAMES:
        assert (out[k] == _SENTINEL).all(), k
        np.testing.assert_array_equal(e.value.results[k], ref[k], err_msg=k)
    assert e.value.row == bad and list(e.value.status) == list(ref["status"])
    assert ref["status"][bad] == medins.Status.ERR_CLAIM and ref["patient"][1 - bad] > 0
    assert e.value.results.ledgers is None and block[0].seq == 0
    # The good claim alone settles into the same arrays and block, once.
    good = {k: v[1 - bad:2 - bad] for k, v in claims.items()}
    res = medins.settle_arrays(p2023, persons, good, ledgers=block)
    assert res["patient"][0] == ref["patient"][1 - bad] and block[0].seq == 1


def test_status_mode_writes_out_and_ledgers(p2023):
    # on_error="status" settles the good claims into the caller's arrays and block, as it
    # always has (the benchmarked path): the guard of "raise" is not taken.
    persons = {"scheme": ["employee"], "category": ["in_service"], "tier": [0],
               "birth_date": [19800101]}
    claims = {"person": [0, 0], "date": [20230101, 20230201], "kind": ["outpatient"] * 2,
              "level": ["l1"] * 2, "total": [10000, 10000], "self_paid": [0, 20000]}
    out = _fresh_out(2)
    block = medins.LedgerBlock([2023])
    raw = block._raw
    res = medins.settle_arrays(p2023, persons, claims, out=out, ledgers=block,
                               on_error="status")
    assert res.failed == 1 and block._raw is raw and block[0].seq == 1
    for k in _NAMES:
        assert res[k] is out[k], k
    assert list(out["status"]) == [0, medins.Status.ERR_CLAIM]


def _bad_missing(out, ccols):
    del out["account"]
    return "account"


def _bad_dtype(out, ccols):
    out["patient"] = out["patient"].astype(np.int32)
    return "patient"


def _bad_status_dtype(out, ccols):
    out["status"] = out["status"].astype(np.int64)
    return "status"


def _bad_float(out, ccols):
    out["fund"] = out["fund"].astype(np.float64)
    return "fund"


def _bad_length(out, ccols):
    out["deductible"] = np.zeros(len(out["deductible"]) - 1, np.int64)
    return "deductible"


def _bad_2d(out, ccols):
    out["over_cap"] = out["over_cap"].reshape(1, -1)
    return "over_cap"


def _bad_slice(out, ccols):
    out["coinsurance"] = np.zeros(2 * len(out["coinsurance"]), np.int64)[::2]
    return "coinsurance"


def _bad_readonly(out, ccols):
    out["assistance"].flags.writeable = False
    return "assistance"


def _bad_list(out, ccols):
    out["major_disease"] = out["major_disease"].tolist()
    return "major_disease"


def _bad_shared(out, ccols):
    out["patient"] = out["fund"]
    return "patient"


def _bad_input(out, ccols):
    # The caller's own total column would be overwritten with fund shares.
    out["fund"] = ccols["total"]
    return "fund"


@pytest.mark.parametrize("spoil", [_bad_missing, _bad_dtype, _bad_status_dtype, _bad_float,
                                   _bad_length, _bad_2d, _bad_slice, _bad_readonly, _bad_list,
                                   _bad_shared, _bad_input],
                         ids=lambda f: f.__name__[5:])
@pytest.mark.parametrize("shuffle", [False, True], ids=["in_order", "shuffled"])
def test_invalid_out_is_refused_before_settling(p2023, population, spoil, shuffle):
    persons, claims = _maybe_shuffled(population, shuffle)
    pcols, ccols = _arrays(persons, claims)
    ccols["total"] = np.ascontiguousarray(ccols["total"], np.int64)
    total_before = ccols["total"].copy()
    block = medins.LedgerBlock(np.full(len(persons), 2023, np.int32))
    before = bytes(block._raw)
    out = _fresh_out(len(claims))
    name = spoil(out, ccols)
    untouched = {k: np.array(v, copy=True) for k, v in out.items()
                 if isinstance(v, np.ndarray) and v is not ccols["total"]}
    with pytest.raises((TypeError, ValueError), match=repr(name)):
        medins.settle_arrays(p2023, pcols, ccols, ledgers=block, out=out)
    # Nothing settled: the ledgers, the outputs and the inputs are as they were.
    assert bytes(block._raw) == before
    for k, v in untouched.items():
        np.testing.assert_array_equal(out[k], v, err_msg=k)
    np.testing.assert_array_equal(ccols["total"], total_before)
    # The same call with a valid out does write the ledgers: the comparison above can fail.
    medins.settle_arrays(p2023, pcols, ccols, ledgers=block, out=_fresh_out(len(claims)))
    assert bytes(block._raw) != before


def test_out_must_be_a_mapping(p2023, population):
    persons, claims = population
    with pytest.raises(TypeError, match="mapping"):
        medins.settle_arrays(p2023, *_arrays(persons, claims),
                             out=[np.zeros(len(claims), np.int64)] * 9)


# ---- each failed claim's own error ----

def _failing_batch():
    """Persons and claims, given out of order, failing in several ways (row: why):
    1: total negative; 3: pharmacy at level l2; 4: self-paid above the total; 6: the person
    is an employee in the residents' category; 7: dated 2030, outside tianjin/2023; 9: total
    above the library's maximum (10^12 yuan). The others settle."""
    persons = {"scheme": ["employee", "resident", "employee", "employee"],
               "category": ["in_service", "adult", "adult", "retired"],
               "tier": ["none", "low", "none", "none"],
               "birth_date": [19800101, 19900101, 19850101, 19500101]}
    claims = {"person": [1, 0, 1, 0, 3, 1, 2, 0, 3, 1],
              "date": [20230301, 20230201, 20230101, 20230501, 20230601, 20230901, 20230301,
                       20300101, 20230101, 20230401],
              "kind": ["outpatient", "outpatient", "inpatient", "pharmacy", "inpatient",
                       "outpatient", "outpatient", "outpatient", "outpatient", "outpatient"],
              "level": ["l1", "l1", "l3", "l2", "l3", "l2", "l1", "l1", "l2", "l1"],
              "total": [30000, -5, 900000, 5000, 100000, 20000, 40000, 10000, 60000, 10 ** 15],
              "self_paid": [0, 0, 0, 0, 200000, 0, 0, 0, 0, 0]}
    return persons, claims


def _alone(policy, persons, claims):
    """Each claim settled alone, in the batch's order (person, then date) with its person's
    ledger, as Claim(id=row): row -> (class, code, message) of each failure."""
    out, ledgers = {}, {}
    for row in sorted(range(len(claims["person"])),
                      key=lambda r: (claims["person"][r], claims["date"][r])):
        p = claims["person"][row]
        person = medins.Person(*(persons[k][p] for k in ("scheme", "category", "tier",
                                                         "birth_date")))
        ledger = ledgers.setdefault(p, medins.Ledger(2023))
        claim = medins.Claim(claims["date"][row], claims["kind"][row], claims["level"][row],
                             claims["total"][row], claims["self_paid"][row], id=row)
        try:
            policy.settle(person, claim, ledger, explain=False)
        except medins.MedinsError as e:
            out[row] = (type(e), e.code, e.message)
    return out


def test_each_failed_claim_gets_its_own_error(p2023):
    persons, claims = _failing_batch()
    alone = _alone(p2023, persons, claims)
    assert sorted(alone) == [1, 3, 4, 6, 7, 9]
    res = medins.settle_arrays(p2023, persons, claims, on_error="status")
    errors = res.errors
    assert list(errors.columns) == ["row", "code", "status_name", "message"]
    assert list(errors["row"]) == sorted(alone)
    for row, code, name, message in errors.itertuples(index=False):
        assert (code, message) == alone[row][1:], row
        assert name == medins.Status(code).name and res["status"][row] == code
    # The messages name the problem, not the status's generic description.
    by_row = dict(zip(errors["row"], errors["message"]))
    assert by_row[3] == "a pharmacy claim cannot be at level l2"
    assert by_row[1] == "claim 1 has a negative amount"


def test_raise_gives_the_first_failure_its_own_class_and_message(p2023):
    persons, claims = _failing_batch()
    alone = _alone(p2023, persons, claims)
    cls, code, message = alone[1]
    with pytest.raises(cls) as e:
        medins.settle_arrays(p2023, persons, claims)
    err = e.value
    assert isinstance(err, medins.BatchError) and isinstance(err, medins.ClaimError)
    assert (err.row, err.code, err.message) == (1, code, message)
    assert str(err) == f"claim row 1: {message} [{medins.Status(code).name.join(['MEDINS_', ''])}]"
    assert len(err.errors) == 6 and err.results.failed == 6
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err) and (back.row, back.code) == (1, code)
    # A batch whose first failure is a PersonError raises one.
    rows = [6, 0]
    with pytest.raises(medins.PersonError) as e:
        medins.settle_arrays(p2023, persons, {k: [v[r] for r in rows] for k, v in claims.items()})
    assert e.value.row == 0 and e.value.message == alone[6][2].replace("claim 6", "claim 0")


def test_settle_frame_errors_are_labelled_by_index(p2023):
    persons, claims = _failing_batch()
    frame = pd.DataFrame(claims, index=[f"c{i}" for i in range(10)])
    out = medins.settle_frame(frame, pd.DataFrame(persons), policy=p2023, on_error="status")
    errors = out.attrs["errors"]
    assert list(errors["row"]) == ["c1", "c3", "c4", "c6", "c7", "c9"]
    assert errors.set_index("row").loc["c3", "message"] == "a pharmacy claim cannot be at level l2"
    with pytest.raises(medins.ClaimError) as e:
        medins.settle_frame(frame, pd.DataFrame(persons), policy=p2023)
    assert e.value.row == "c1" and list(e.value.errors["row"]) == list(errors["row"])
    assert medins.settle_frame(frame.iloc[[0, 2]], pd.DataFrame(persons),
                               policy=p2023).attrs["errors"].empty
