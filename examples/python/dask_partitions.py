#!/usr/bin/env python3
"""A fund balance with Dask: each partition of persons settles its claims and computes its
contributions in one medins call each, on worker processes.

Persons are partitioned by their key, and each claim goes to its person's partition, so each
person's claims (and ledger) stay in one partition: the partitions' totals must then equal a
single-process run exactly, to the fen. The policies (the 2023 year and a reform derived from
it in code) go to the workers pickled: by their YAML and overlay, not by a C pointer.

Usage: dask_partitions.py [--scheduler distributed|processes|threads] [--persons N]
(distributed: a LocalCluster of two worker processes; the others are dask's local schedulers)
"""

import argparse
import os
import sys

import dask
import dask.dataframe as dd
import pandas as pd

import medins

SETTLED = ["total", "fund", "major_disease", "assistance", "patient"]
INCOME = ["individual", "employer", "government"]
COLUMNS = ["scenario"] + SETTLED + INCOME + ["pid"]


def partition_totals(persons: pd.DataFrame, claims: pd.DataFrame, policies: dict) -> pd.DataFrame:
    """Runs on a worker: for each policy (unpickled there), one batch call for the
    partition's claims and one for its contributions; the sums in fen, weighted, and the
    process that computed them."""
    rows = []
    for scenario, policy in policies.items():
        settled = medins.settle_frame(claims, persons, policy=policy)
        contrib = medins.contributions_frame(persons[persons["category"] != "retired"],
                                             policy=policy)
        row = {"scenario": scenario, "pid": os.getpid()}
        for frame, cols in ((settled, SETTLED), (contrib, INCOME)):
            w = frame["weight"].to_numpy()
            row.update({c: int((frame[c].to_numpy() * w).sum()) for c in cols})
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def run(scheduler: str, n_persons: int, partitions: int = 8) -> int:
    data = medins.generate_fund_population(n_persons, year=2023, seed=5)
    persons, claims = data["persons"], data["claims"]
    base = medins.embedded()["tianjin/2023"]
    reform = base.derive({"inpatient.ratio[employee-l3].segments[0].ratio": "90%"},
                         title="Level-3 inpatient at 90%")
    policies = {"2023": base, "reform": reform}

    single = partition_totals(persons, claims, policies).set_index("scenario")

    # Persons by their key into partitions; each claim to its person's partition.
    part = persons["person"].to_numpy() % partitions
    pparts = [persons[part == k] for k in range(partitions)]
    claim_part = part[persons.set_index("person").index.get_indexer(claims["person"])]
    cparts = [claims[claim_part == k] for k in range(partitions)]
    spans = sum(len(set(a["person"]) & set(b["person"]))
                for i, a in enumerate(cparts) for b in cparts[i + 1:])
    meta = pd.DataFrame({c: pd.Series(dtype=object if c == "scenario" else "int64")
                         for c in COLUMNS})
    pieces = [dask.delayed(partition_totals)(p, c, policies) for p, c in zip(pparts, cparts)]
    ddf = dd.from_delayed(pieces, meta=meta)
    totals = ddf.groupby("scenario")[SETTLED + INCOME].sum()
    pids = ddf["pid"].unique()

    if scheduler == "distributed":
        from dask.distributed import Client, LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            got, pids = dask.compute(totals, pids)
    else:
        with dask.config.set(scheduler=scheduler):
            got, pids = dask.compute(totals, pids)
    workers = set(int(p) for p in pids) - {os.getpid()}

    print(f"{partitions} partitions of persons, {len(persons)} persons, {len(claims)} claims, "
          f"scheduler {scheduler}")
    print("no person spans partitions" if spans == 0 else f"{spans} persons span partitions")
    print(f"computed in {len(workers)} worker process(es) other than this one")
    same = spans == 0
    for scenario in single.index:
        for c in SETTLED + INCOME:
            a, b = int(got.loc[scenario, c]), int(single.loc[scenario, c])
            same &= a == b
            print(f"  {scenario:7s} {c:14s} dask {a:>18d}  single {b:>18d}")
    print("totals equal" if same else "TOTALS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scheduler", default="distributed",
                    choices=["processes", "threads", "distributed"])
    ap.add_argument("--persons", type=int, default=20000)
    args = ap.parse_args()
    sys.exit(run(args.scheduler, args.persons))
