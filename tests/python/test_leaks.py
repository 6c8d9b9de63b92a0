"""No leaks across 1e5 calls: the resident set size stays flat (read from /proc/self/statm)."""

import gc
import os

import numpy as np
import pytest

import medins

PAGE = os.sysconf("SC_PAGE_SIZE")
N = 100_000


def rss() -> int:
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def _run(fn, n):
    for i in range(n):
        fn(i)


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")
@pytest.mark.parametrize("what", ["settle", "errors", "ledger_text", "lookup", "batch",
                                  "batch_errors", "text_refused"])
def test_rss_stays_flat(what):
    p = medins.default_policy("2023-06-01")
    person = medins.Person.employee(birth_date="1960-01-01")
    claim = medins.Claim("2023-06-01", "inpatient", "l3", 654321, 1000, 2000)
    bad = medins.Claim("2023-06-01", "inpatient", "l3", -1)
    ledger = medins.Ledger(2023)
    sets = medins.embedded()

    def settle(i):
        r = p.settle(person, claim)
        assert r.total == 654321

    def errors(i):
        try:
            p.settle(person, bad)
        except medins.ClaimError:
            pass

    def ledger_text(i):
        medins.Ledger.from_text(ledger.to_text())

    def lookup(i):
        sets.lookup("tianjin", 20230101 + i % 28)

    # The numpy layer: arrays converted, checked and released on every call.
    i32 = np.zeros(2, np.int32)
    args = [p._c, None, None, np.zeros(2, np.int32), np.zeros(2, np.int32), i32,
            np.full(2, 19700101, np.int32), np.zeros(2, np.uint32), np.zeros(2, np.int64), None,
            np.array([0, 1], np.int32), np.full(2, 20230601, np.int32),
            np.full(2, int(medins.ClaimKind.OUTPATIENT), np.int32), np.ones(2, np.int32),
            np.zeros(2, np.int64), np.full(2, 50000, np.int64), np.zeros(2, np.int64),
            np.zeros(2, np.int64), np.zeros(2, np.uint32), np.zeros(2, np.uint32)] + \
        [np.zeros(2, np.int64) for _ in range(10)] + [i32.copy()] + \
        [np.zeros(0, np.int32)] * 3 + [np.zeros(0, np.uint32)]

    def batch(i):
        args[9] = medins.LedgerBlock([2023, 2023])._raw
        assert medins.lowlevel.settle_arrays(*args) == 0

    # A batch whose second claim fails: its error is made, read as a row and freed; the
    # caller's block is kept and put back.
    persons = {"scheme": [0], "category": [0], "tier": [0], "birth_date": [19700101]}
    claims = {"person": [0, 0], "date": [20230601, 20230602], "kind": [0, 0], "level": [1, 1],
              "total": [50000, -1]}
    block = medins.LedgerBlock([2023])

    def batch_errors(i):
        try:
            medins.settle_arrays(p, persons, claims, ledgers=block)
        except medins.ClaimError as e:
            assert e.row == 1

    # Text with a NUL: the library's error (with its length), and a name's ValueError (the
    # converted copy freed on that path too).
    text = ledger.to_text() + "\x00"

    def text_refused(i):
        for call in (lambda: medins.Ledger.from_text(text), lambda: sets.get("tianjin\x00"),
                     lambda: medins.fen("1\x002")):
            try:
                call()
            except (ValueError, medins.MedinsError):
                pass

    fn = {"settle": settle, "errors": errors, "ledger_text": ledger_text, "lookup": lookup,
          "batch": batch, "batch_errors": batch_errors, "text_refused": text_refused}[what]
    _run(fn, 2000)            # warm-up: allocator pools, caches
    before = rss()
    _run(fn, N)
    grown = rss() - before
    # A leak of even 16 bytes per call would add 1.6 MB; allow noise below that.
    assert grown < 1_500_000, f"{what}: RSS grew by {grown} bytes over {N} calls"
