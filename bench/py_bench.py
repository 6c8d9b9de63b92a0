"""Python side of the benchmarks (called by bench/run.sh after the C program has dumped its claims).

    py_bench.py DUMP_DIR [--pandas-subset N] [--single N] [--repeat N]

Prints "name: value" lines:
  - numpy batch (medins.settle_arrays) on every dumped claim, against the C batch's time: timed
    like bench.c's batch (ledgers made before the clock, output arrays reused through out=, the
    same columns asked for: the split of the total, SPLIT, and the status), and also with
    outputs and ledgers made inside the call (numpy_fresh_outputs_seconds);
  - one claim per call from Python: Policy.settle without a trace, with one, and with its
    English lines read (made when first read), and Policy.settle_figures (figures only);
  - last, the pandas reference (bench/pandas_reference.py) on every claim and on the first N,
    checked to the fen against the library and timed, best of --repeat like every other
    figure, against the library's batch and against bench.c's hard-wired kernel on the same
    claims; and against the same C batch called from this process, alternating with pandas
    (each of the --repeat rounds runs both), so that both see the same load of the machine.
The binding is imported from PYTHONPATH; without it only the pandas reference runs.
"""
import argparse
import functools
import os
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pandas_reference  # noqa: E402


# The output columns bench.c asks for (with the status), and the pandas reference makes.
SPLIT = ("fund", "major_disease", "assistance", "patient")


def load(d, name, dtype):
    return np.fromfile(os.path.join(d, name + ".bin"), dtype=dtype)


def best_of(fn, repeat):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def c_batch_timer(medins, policy, persons, claims):
    """A function that times one call of the C batch on these claims from this process, as
    bench.c calls it: the split of the total and the status asked for (the other output columns
    left out), output arrays made once, a fresh ledger block made before the clock."""
    i32, i64 = np.int32, np.int64
    m = len(claims)
    pcols = [persons[k].to_numpy() for k in ("scheme", "category", "tier", "birth_date")]
    ccols = {k: claims[k].to_numpy() for k in claims}
    years = np.full(len(persons), ccols["date"][0] // 10000, i32)
    none = np.zeros(0, i64)
    # fund, the layers and the patient (OUTPUTS' order: no supplementary fund), and the status
    outs = [np.empty(m, i64), none] + [np.empty(m, i64) for _ in range(3)] + [none] * 5 + \
        [np.empty(m, i32)]

    def once():
        block = medins.LedgerBlock(years)
        t0 = time.perf_counter()
        medins.lowlevel.settle_arrays(
            policy._c, None, None, *pcols, np.zeros(0, np.uint32), none, block._raw,
            *[ccols[k] for k in ("person", "date", "kind", "level")], none,
            *[ccols[k] for k in ("total", "self_paid", "category_b")], np.zeros(0, np.uint32),
            *outs)
        return time.perf_counter() - t0
    once()   # the output arrays' first-touch faults, which bench.c's timing never pays either
    return once


def pandas_figures(prefix, want, persons, claims, expect, meta, policy, medins, repeat):
    """Time the pandas reference on the first persons' claims (whole persons: claims are grouped)
    against the C batch and the kernel (their times on every claim, scaled), the C batch on the
    same claims from this process, alternating with it, and the numpy batch (run on the same
    claims), best of `repeat` as every other figure."""
    n = len(claims)
    m = min(want, n)
    m -= m % 10
    sub_claims = claims.iloc[:m]
    sub_persons = persons.iloc[:m // 10]
    c_once = c_batch_timer(medins, policy, sub_persons, sub_claims) if medins else None
    t_pd = t_c = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        ref = pandas_reference.settle(sub_persons, sub_claims)
        t_pd = min(t_pd, time.perf_counter() - t0)
        if c_once:
            t_c = min(t_c, c_once())
    diff = [k for k, e in (("fund", "fund"), ("major_disease", "major"), ("assistance", "assist"),
                           ("patient", "patient"))
            if not np.array_equal(ref[k].to_numpy(), expect[e][:m])]
    print(f"{prefix}_claims: {m}")
    print(f"{prefix}_seconds: {t_pd:.3f}")
    print(f"{prefix}_matches_library: {'yes' if not diff else 'NO: ' + ', '.join(diff)}")
    if diff:
        k = diff[0]
        e = {"fund": "fund", "major_disease": "major", "assistance": "assist", "patient": "patient"}[k]
        j = int(np.nonzero(ref[k].to_numpy() != expect[e][:m])[0][0])
        print(f"{prefix}_first_mismatch: claim {j} {k} pandas {int(ref[k].iloc[j])} "
              f"library {int(expect[e][j])}")
    print(f"{prefix}_over_c_batch: {t_pd / (float(meta['c_batch_seconds']) * m / n):.1f}")
    if c_once:
        # The same C batch, timed in this process between pandas' rounds.
        print(f"{prefix}_c_batch_same_process_seconds: {t_c:.3f}")
        print(f"{prefix}_over_c_batch_same_process: {t_pd / t_c:.1f}")
    # The hard-wired kernel of bench.c on the same claims, as a bound: no library can be
    # faster than it against pandas.
    print(f"{prefix}_over_kernel: {t_pd / (float(meta['kernel_seconds']) * m / n):.1f}")
    if medins is not None:
        pc = {k: sub_persons[k].to_numpy() for k in sub_persons}
        cc = {k: sub_claims[k].to_numpy() for k in sub_claims}
        t_lib, _ = best_of(lambda: medins.settle_arrays(policy, pc, cc, sort=False,
                                                        on_error="status", outputs=SPLIT),
                           repeat)
        print(f"{prefix}_over_numpy_batch: {t_pd / t_lib:.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--pandas-subset", type=int, default=1000000)
    ap.add_argument("--single", type=int, default=100000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    meta = dict(line.strip().split("=", 1) for line in open(os.path.join(a.dump, "meta.txt")))
    c_batch = float(meta["c_batch_seconds"])
    persons = pd.DataFrame({k: load(a.dump, "p_" + k, np.int32)
                            for k in ("scheme", "category", "tier", "birth_date")})
    claims = pd.DataFrame({k: load(a.dump, "c_" + k, np.int32) for k in ("person", "date", "kind", "level")})
    for k in ("total", "self_paid", "category_b"):
        claims[k] = load(a.dump, "c_" + k, np.int64)
    expect = {k: load(a.dump, "o_" + k, np.int64) for k in ("fund", "major", "assist", "patient")}
    n = len(claims)
    print(f"python_claims: {n}")

    try:
        import medins
    except ImportError as e:
        medins = None
        print(f"python_binding: not importable ({e}); numpy batch and single-call figures skipped")

    policy = None
    if medins is not None:
        policy = medins.default_policy(date="2023-06-01")
        pcols = {k: persons[k].to_numpy() for k in persons}
        ccols = {k: claims[k].to_numpy() for k in claims}
        n_p = len(persons)
        # Every ledger opens in the first claim's year, as in bench.c's run_library.
        years = np.full(n_p, ccols["date"][0] // 10000, np.int32)
        settle = functools.partial(medins.settle_arrays, policy, pcols, ccols, sort=False,
                                   on_error="status", outputs=SPLIT)
        # The numpy batch is timed as bench.c times the C batch: ledgers made before the clock
        # starts (fresh ones each repeat) and output arrays made once and reused (out=). One
        # untimed call first makes those arrays and pays the first-touch faults on them, which
        # the C program's reused buffers never pay inside its timing either.
        res = settle()
        # The same C batch called bare from this process, with its own buffers made once, and
        # the package's call without out= or ledgers= (outputs and ledgers made inside it) are
        # timed alternating with it, so that all three see the same machine load.
        raw_once = c_batch_timer(medins, policy, persons, claims)
        t = t_raw = t_fresh = float("inf")
        fresh = None
        for _ in range(a.repeat):
            t_raw = min(t_raw, raw_once())

            block = medins.LedgerBlock(years)
            t0 = time.perf_counter()
            res = settle(ledgers=block, out=res)
            t = min(t, time.perf_counter() - t0)

            fresh = None  # its memory goes back before the next call takes new
            t0 = time.perf_counter()
            fresh = settle()
            t_fresh = min(t_fresh, time.perf_counter() - t0)
        ok = all(np.array_equal(r[k], expect[e]) for r in (res, fresh) for k, e in
                 (("fund", "fund"), ("major_disease", "major"), ("assistance", "assist"),
                  ("patient", "patient")))
        del fresh
        print(f"numpy_batch_seconds: {t:.3f}")
        print(f"numpy_batch_matches_c: {'yes' if ok else 'NO'}")
        print(f"numpy_over_c_throughput: {c_batch / t:.2f}")
        print(f"numpy_fresh_outputs_seconds: {t_fresh:.3f}")
        print(f"c_batch_from_python_seconds: {t_raw:.3f}")
        print(f"numpy_over_same_process_c: {t_raw / t:.2f}")

    if medins is not None:
        # One claim per call: a person and ledger kept across the person's claims.
        k = min(a.single, n)
        cats = [medins.Category(int(c)) for c in range(4)]
        rows = list(zip(claims["person"][:k], claims["date"][:k], claims["kind"][:k], claims["level"][:k],
                        claims["total"][:k], claims["self_paid"][:k], claims["category_b"][:k]))
        work, last, ledger_year, person = [], -1, {}, None
        for (p, date, kind, level, total, sp, cb) in rows:
            if p != last:
                last = p
                person = medins.Person(scheme=medins.Scheme(int(persons["scheme"][p])),
                                       category=cats[int(persons["category"][p])],
                                       tier=medins.Tier(int(persons["tier"][p])),
                                       birth_date=medins.from_cdate(int(persons["birth_date"][p])))
                ledger_year[p] = int(date) // 10000
            claim = medins.Claim(date=medins.from_cdate(int(date)), kind=medins.ClaimKind(int(kind)),
                                 level=medins.Level(int(level)), total=int(total),
                                 self_paid=int(sp), category_b=int(cb))
            work.append((p, person, claim))
        # only the calls are timed: persons, claims and ledgers are made beforehand
        def with_lines(person, claim, ledger):
            return policy.settle(person, claim, ledger).lines

        calls = (("no_trace", functools.partial(policy.settle, explain=False)),
                 ("trace", functools.partial(policy.settle, explain=True)),
                 ("trace_and_lines", with_lines),
                 ("figures_only", policy.settle_figures))
        # best of --repeat rounds, each from fresh ledgers, as bench.c (3) and the Java
        # benchmark (5) time their one-claim calls
        for name, call in calls:
            t = float("inf")
            for _ in range(a.repeat):
                ledgers = {p: medins.Ledger(y) for p, y in ledger_year.items()}
                t0 = time.perf_counter()
                for p, person, claim in work:
                    try:
                        call(person, claim, ledgers[p])
                    except medins.MedinsError:
                        pass
                t = min(t, time.perf_counter() - t0)
            print(f"python_single_claim_{name}_us: {t / k * 1e6:.2f}")

    # The pandas reference on every claim, and on the first --pandas-subset claims: its cost a
    # claim grows with the number of persons it groups by, so both are reported. Last: its
    # gigabytes of intermediate frames would be in the heap the one-claim calls above run in.
    for prefix, want in (("pandas", n), ("pandas_subset", a.pandas_subset)):
        if prefix == "pandas_subset" and want >= n:
            continue
        pandas_figures(prefix, want, persons, claims, expect, meta, policy, medins, a.repeat)


if __name__ == "__main__":
    main()
