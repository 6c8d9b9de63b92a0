"""A population's contributions from Python, and pickling a derived policy.

    PYTHONPATH=<build>/bindings/python /usr/bin/python3 bench/population_bench.py \
        [--persons N] [--loop N] [--repeat R]

Prints "name: value" lines, every ratio measured in this one run:
  - contributions of N synthetic persons (medins.generate_fund_population: employees with
    wages, residents of both grades) in one call, medins.contributions_arrays, from numpy
    columns already in the library's codes, and medins.contributions_frame from the
    DataFrame as it comes (words, dates: the conversion included); best of R;
  - the same persons one by one, a Python loop over Policy.contribution (Person objects made
    beforehand, only the calls timed) on the first --loop of them, best of R;
  - their ratio (persons per second), and a check that both give the same totals;
  - a derived policy (two values set in code on tianjin/2023) pickled and loaded again:
    pickle.dumps + pickle.loads, best of 200, and each half; the pickle's size.
"""

import argparse
import os
import pickle
import sys

import numpy as np

import medins

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from py_bench import best_of  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--persons", type=int, default=1_000_000)
    ap.add_argument("--loop", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    policy = medins.embedded()["tianjin/2023"]
    day = policy.effective_from
    data = medins.generate_fund_population(args.persons, year=2023, seed=1,
                                           claims_per_person=0.0)
    persons = data["persons"]
    persons = persons[persons["category"] != "retired"].reset_index(drop=True)
    n = len(persons)
    codes = {
        "scheme": medins.batch.enum_codes(persons["scheme"], medins.Scheme),
        "category": medins.batch.enum_codes(persons["category"], medins.Category),
        "tier": medins.batch.enum_codes(persons["tier"], medins.Tier),
        "monthly_wage": persons["monthly_wage"].to_numpy(np.int64),
        "employer_type": medins.batch.enum_codes(persons["employer_type"], medins.EmployerType),
    }

    t_arrays, res = best_of(lambda: medins.contributions_arrays(policy, codes, date=day),
                            args.repeat)
    t_frame, frame = best_of(lambda: medins.contributions_frame(persons, policy=policy,
                                                                date=day), args.repeat)
    m = min(args.loop, n)
    objs = [(medins.Person(s, c, t), int(w), e) for s, c, t, w, e in zip(
        persons["scheme"][:m], persons["category"][:m], persons["tier"][:m],
        persons["monthly_wage"][:m], persons["employer_type"][:m])]

    def loop():
        return [policy.contribution(p, day, monthly_wage=w, employer_type=e).total
                for p, w, e in objs]

    t_loop, totals = best_of(loop, args.repeat)
    same = sum(totals) == int(res["total"][:m].sum()) == int(frame["total"][:m].sum())

    print(f"persons: {n} (retirees left out), loop over the first {m}")
    print(f"contributions_arrays_seconds: {t_arrays:.4f}")
    print(f"contributions_arrays_persons_per_second: {n / t_arrays:,.0f}")
    print(f"contributions_frame_seconds: {t_frame:.4f}")
    print(f"contributions_frame_persons_per_second: {n / t_frame:,.0f}")
    print(f"contributions_loop_seconds: {t_loop:.4f}")
    print(f"contributions_loop_persons_per_second: {m / t_loop:,.0f}")
    print(f"arrays_over_loop: {(n / t_arrays) / (m / t_loop):.1f}x")
    print(f"frame_over_loop: {(n / t_frame) / (m / t_loop):.1f}x")
    print(f"same_totals: {'yes' if same else 'NO'}")

    reform = policy.derive({"contributions.resident.tiers[id=low].individual": "400",
                            "inpatient.ratio[id=resident-l3].ratio": "70%"},
                           title="Residents: low grade 400, level-3 inpatient 70%")
    blob = pickle.dumps(reform)
    t_dumps, _ = best_of(lambda: pickle.dumps(reform), 200)
    t_loads, again = best_of(lambda: pickle.loads(blob), 200)
    t_round, _ = best_of(lambda: pickle.loads(pickle.dumps(reform)), 200)
    print(f"pickle_bytes: {len(blob)}")
    print(f"pickle_dumps_ms: {t_dumps * 1e3:.3f}")
    print(f"pickle_loads_ms: {t_loads * 1e3:.3f}")
    print(f"pickle_round_trip_ms: {t_round * 1e3:.3f}")
    print(f"pickle_equal: {'yes' if again == reform else 'NO'}")


if __name__ == "__main__":
    main()
