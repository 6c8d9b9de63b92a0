#!/usr/bin/env python3
"""A tour of the medins Python package.

1. settle one hospital bill and read its explanation;
2. settle a generated population of claims in one batch call;
3. compare Tianjin's 2022 and 2023 policies on the same claims;
4. plot fund payment against cost by hospital level and insured category.

Usage: settle_tour.py [OUTPUT_DIR]   (PNG charts are written there; default: the current directory)
"""

import pathlib
import sys

import medins


def main(out_dir: pathlib.Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)

    # 1. One bill: a 12,000-yuan level-3 admission of an employee in service, 2023.
    policy = medins.default_policy(date="2023-06-01")
    person = medins.Person.employee(birth_date="1975-04-02")
    bill = medins.Claim(date="2023-06-01", kind="inpatient", level="l3",
                        total=medins.fen("12000"), self_paid=medins.fen("300"))
    result = policy.settle(person, bill)
    print(result)
    print(result.explain())
    print()

    # 2. A population: 20,000 persons, about 60,000 claims, one C batch call.
    persons, claims = medins.generate_population(20000, 3.0, year=2023, seed=1)
    settled = medins.settle_frame(claims, persons, policy=policy)
    fund = int(settled["fund"].sum())
    print(f"{len(settled)} claims, cost {medins.yuan(int(settled['total'].sum()))} yuan, "
          f"fund pays {medins.yuan(fund)} yuan")

    # 3. The same claims under tianjin/2022 and tianjin/2023 (dates moved into each year).
    policies = medins.embedded()
    cmp = medins.compare(policies["tianjin/2022"], policies["tianjin/2023"], claims, persons)
    print(cmp)
    print(cmp.totals[["claims", "total", "fund_base", "fund_reform", "fund_delta"]])  # yuan

    # 4. Charts.
    medins.plot_fund_vs_cost(settled, out_dir / "fund_vs_cost_2023.png")
    medins.plot_fund_vs_cost(cmp, out_dir / "fund_2022_vs_2023.png")
    print(f"charts written to {out_dir}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "."))
