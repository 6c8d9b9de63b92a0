"""Random batches, valid and invalid, through settle_arrays with the caller's ledger block.

Property: with on_error="raise" a batch either settles whole, every invariant holding and the
block holding what on_error="status" makes of it, or is refused with the first failed claim's
own error and the block's bytes and the out= arrays exactly as they were. The same batch with
on_error="status" is the reference: it fails exactly when "raise" refuses.
"""

import numpy as np
import pandas as pd
import pytest

import medins

OUTPUTS = medins.batch.OUTPUTS
SENTINEL = -7          # no settled or failed claim gets it: a write into out= shows
K, L = medins.ClaimKind, medins.Level


def _random_batch(rng):
    """Persons and claims as generate_population makes them (a kind of care at a level it is
    given at, in tianjin/2023's year), then, at a rate drawn per batch (none in a third of
    them), claims spoiled in one of seven ways, each an error of its own."""
    n = int(rng.integers(1, 10))
    m = int(rng.integers(1, 50))
    scheme = rng.integers(0, 2, n)
    employee = scheme == int(medins.Scheme.EMPLOYEE)
    category = np.where(employee, rng.choice([0, 1], n), rng.choice([2, 3], n))
    tier = np.where(employee, 0, rng.integers(1, 4, n))
    birth = 19400101 + 10000 * rng.integers(0, 70, n) + 100 * rng.integers(0, 12, n)
    person = rng.integers(0, n, m)
    day = np.datetime64("2023-01-01") + rng.integers(0, 365, m).astype("timedelta64[D]")
    kind = rng.choice([K.OUTPATIENT, K.INPATIENT, K.PHARMACY, K.SPECIAL_DISEASE], m)
    level = np.where(kind == K.PHARMACY, L.PHARMACY,
                     rng.choice([L.PRIMARY, L.L1, L.L2, L.L3], m))
    total = (rng.lognormal(0.0, 1.0, m) * 200000).astype(np.int64) + 100
    self_paid = (total * rng.uniform(0, 0.1, m)).astype(np.int64)
    category_b = (total * rng.uniform(0, 0.05, m)).astype(np.int64)

    rate = rng.choice([0.0, 0.01, 0.05])
    for i in np.flatnonzero(rng.random(m) < rate):
        how = rng.integers(0, 7)
        if how == 0:
            total[i] = -total[i]                          # a negative amount
        elif how == 1:
            self_paid[i] = total[i] + 1                   # parts above the total
        elif how == 2:
            kind[i], level[i] = K.PHARMACY, L.L2          # a pharmacy claim in a hospital
        elif how == 3:
            day[i] = np.datetime64("2024-02-01")          # another year than the ledger's
        elif how == 4:
            total[i] = 10 ** 15                           # above the library's maximum
        elif how == 5:
            level[i] = 17                                 # no such level
        else:                                             # the other scheme's category
            category[person[i]] = 2 if employee[person[i]] else 0
    persons = {"scheme": scheme, "category": category, "tier": tier, "birth_date": birth}
    claims = {"person": person, "date": day, "kind": kind.astype(np.int32),
              "level": level.astype(np.int32), "total": total, "self_paid": self_paid,
              "category_b": category_b}
    return persons, claims


def _block(rng, n):
    """A ledger block for 2023 with some history: carried-over quota, account balances."""
    block = medins.LedgerBlock(np.full(n, 2023))
    for i in range(n):
        if rng.random() < 0.5:
            ledger = medins.Ledger(2023)
            ledger.carry_over = int(rng.integers(0, 500000))
            ledger.account_balance = int(rng.integers(0, 300000))
            block[i] = ledger
    return block


def _invariants(res, claims, failed_rows):
    total, sp, cb = claims["total"], claims["self_paid"], claims["category_b"]
    ok = np.ones(len(total), bool)
    ok[list(failed_rows)] = False
    parts = res["fund"] + res["major_disease"] + res["assistance"] + res["patient"]
    # Settled claims add up to their total exactly, to the fen; nobody pays a negative share;
    # the patient pays at least the self-paid and category-B parts; the account pays only
    # part of the patient's share.
    np.testing.assert_array_equal(parts[ok], total[ok])
    for k in OUTPUTS:
        assert (res[k][ok] >= 0).all(), k
        assert (res[k][~ok] == 0).all(), k
    assert (res["patient"][ok] >= sp[ok] + cb[ok]).all()
    assert (res["account"] <= res["patient"]).all()
    assert ((res["status"] == 0) == ok).all()
    for i in range(len(res.ledgers)):
        res.ledgers[i].check()


@pytest.mark.parametrize("seed", range(120))
def test_random_batch_settles_whole_or_changes_nothing(p2023, seed):
    rng = np.random.default_rng(seed)
    persons, claims = _random_batch(rng)
    n, m = len(persons["scheme"]), len(claims["person"])
    block = _block(rng, n)
    before = bytes(block._raw)
    ref_block = medins.LedgerBlock(np.full(n, 2023))
    ref_block._raw[:] = block._raw
    ref = medins.settle_arrays(p2023, persons, claims, on_error="status", ledgers=ref_block)
    failed_rows = set(np.flatnonzero(ref["status"]))
    _invariants(ref, claims, failed_rows)
    assert list(ref.errors["row"]) == sorted(failed_rows) and ref.failed == len(failed_rows)

    out = {k: np.full(m, SENTINEL, np.int64) for k in OUTPUTS}
    out["status"] = np.full(m, SENTINEL, np.int32)
    try:
        res = medins.settle_arrays(p2023, persons, claims, ledgers=block, out=out)
    except medins.BatchError as e:
        assert failed_rows, "refused a batch that settles"
        assert bytes(block._raw) == before, "a refused batch changed the caller's ledgers"
        for k in out:
            assert (out[k] == SENTINEL).all(), f"a refused batch wrote out[{k!r}]"
        first = min(failed_rows)
        assert e.row == first
        assert e.code == ref["status"][first]
        assert e.message == ref.errors["message"].iloc[0]
        pd.testing.assert_frame_equal(e.errors, ref.errors)
    else:
        assert not failed_rows
        assert bytes(block._raw) == bytes(ref.ledgers._raw)
        for k in out:
            assert res[k] is out[k]
            np.testing.assert_array_equal(res[k], ref[k], err_msg=k)
        _invariants(res, claims, ())


def test_random_batches_cover_both_outcomes(p2023):
    # The property above would hold vacuously if every batch settled, or none did.
    outcomes = {medins.settle_arrays(p2023, *_random_batch(np.random.default_rng(seed)),
                                     on_error="status").failed > 0 for seed in range(120)}
    assert outcomes == {True, False}
