#!/usr/bin/env python3
"""Settle a partitioned claims set with Dask: one medins batch call per partition.

Claims are partitioned by person, so each person's claims (and ledger) stay in one partition;
the partition totals must then equal a single-process run exactly, to the fen.

Usage: dask_partitions.py [--scheduler distributed|processes|threads] [--persons N]
(distributed: a LocalCluster of two worker processes; the others are dask's local schedulers)
"""

import argparse
import sys

import dask
import dask.dataframe as dd
import pandas as pd

import medins

MONEY = ["total", "fund", "major_disease", "assistance", "patient"]


def settle_partition(claims: pd.DataFrame, persons: pd.DataFrame, policy_id: str) -> pd.DataFrame:
    """Runs on a worker: one batch call for the partition's claims."""
    policy = medins.embedded()[policy_id]  # policies are opened per worker, not pickled
    out = medins.settle_frame(claims, persons, policy=policy)
    return out[["person"] + MONEY]


def run(scheduler: str, n_persons: int, partitions: int = 8) -> int:
    persons, claims = medins.generate_population(n_persons, 3.0, year=2023, seed=5)
    policy_id = "tianjin/2023"

    single = medins.settle_frame(claims, persons, policy=medins.embedded()[policy_id])
    expected = single[MONEY].sum()

    ddf = dd.from_pandas(claims.set_index("person", drop=False), npartitions=partitions)
    meta = pd.DataFrame({c: pd.Series(dtype="int64") for c in ["person"] + MONEY})
    settled = ddf.map_partitions(settle_partition, persons, policy_id, meta=meta)

    if scheduler == "distributed":
        from dask.distributed import Client, LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            totals = settled[MONEY].sum().compute()
    else:
        with dask.config.set(scheduler=scheduler):
            totals = settled[MONEY].sum().compute()

    print(f"{ddf.npartitions} partitions, {len(claims)} claims, scheduler {scheduler}")
    for c in MONEY:
        print(f"  {c:14s} dask {int(totals[c]):>16d}  single {int(expected[c]):>16d}")
    same = all(int(totals[c]) == int(expected[c]) for c in MONEY)
    print("totals equal" if same else "TOTALS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scheduler", default="distributed",
                    choices=["processes", "threads", "distributed"])
    ap.add_argument("--persons", type=int, default=20000)
    args = ap.parse_args()
    sys.exit(run(args.scheduler, args.persons))
