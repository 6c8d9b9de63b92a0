"""The fund balance (基金收支): a year's income beside its expenditure, for a population.

:func:`fund_balance` puts together what the frames of one year hold: contributions and
subsidies (:func:`contributions_frame`), settlements (:func:`settle_frame`), maternity payments
(:func:`maternity_frame`) and per-head payments to institutions (:func:`capitation_frame`).
Each frame is made by its own call, so the analyst decides who contributes and which claims
count; the balance only adds up, by group and weighted, in exact yuan.

:func:`generate_fund_population` makes a synthetic population with all of those inputs, for
examples, tests and benchmarks.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Dict, Optional, Sequence, Union

import numpy as np

from .summary import summarize

__all__ = ["INCOME", "EXPENDITURE", "fund_balance", "generate_fund_population"]

#: The income columns: contributions by who pays them (yearly, fen).
INCOME = ("individual", "employer", "government")
#: The expenditure columns and the frame each comes from: the settlements' fund, major-disease
#: and individual-account parts, the maternity payments, the per-head payments.
EXPENDITURE = ("fund", "major_disease", "account", "maternity", "capitation")


def fund_balance(*, contributions: Any = None, settlements: Any = None, maternity: Any = None,
                 capitation: Any = None, by: Union[None, str, Sequence[str]] = "scheme",
                 weight: Optional[str] = None) -> Any:
    """A year's income beside its expenditure, by group, in exact yuan.

    Args:
        contributions: a frame of :func:`contributions_frame` (its ``individual``,
            ``employer`` and ``government`` columns).
        settlements: a frame of :func:`settle_frame` (``fund``, ``major_disease``,
            ``account``; ``assistance`` is shown beside the balance, medical assistance being
            paid from outside the insurance fund).
        maternity: a frame of :func:`maternity_frame` (``maternity_total``).
        capitation: a frame of :func:`capitation_frame` (``payment``).
        by: the column(s) to group by, which each frame given must have (``scheme`` by
            default: the employees' and the residents' funds are separate funds); None for
            one row.
        weight: the name of the weight column (integers: persons a row stands for), which
            each frame given must have; None: unweighted.
    Returns:
        a DataFrame, one row per group: ``persons`` (the contributions' rows, weighted), the
        income columns and ``income``, the expenditure columns and ``expenditure``,
        ``balance`` (income - expenditure) and ``assistance``; money as Decimal yuan.
    """
    import pandas as pd

    parts = []
    if contributions is not None:
        parts.append(summarize(contributions, list(INCOME), by=by, weight=weight,
                               count="persons"))
    if settlements is not None:
        parts.append(summarize(settlements, ["fund", "major_disease", "account", "assistance"],
                               by=by, weight=weight, count="claims"))
    if maternity is not None:
        parts.append(summarize(maternity.rename(columns={"maternity_total": "maternity"}),
                               ["maternity"], by=by, weight=weight, count="deliveries"))
    if capitation is not None:
        parts.append(summarize(capitation.rename(columns={"payment": "capitation"}),
                               ["capitation"], by=by, weight=weight, count="institutions"))
    if not parts:
        raise ValueError("fund_balance: give at least one of contributions, settlements, "
                         "maternity, capitation")
    zero = Decimal("0.00")
    table = pd.concat(parts, axis=1)
    out = pd.DataFrame(index=table.index)
    out["persons"] = table["persons"].fillna(0).astype("int64") if "persons" in table else 0
    money: Dict[str, Any] = {}
    for c in INCOME + EXPENDITURE + ("assistance",):
        money[c] = table[c].map(lambda v: zero if pd.isna(v) else v) if c in table \
            else pd.Series(zero, index=table.index)
    for c in INCOME:
        out[c] = money[c]
    out["income"] = sum((money[c] for c in INCOME), pd.Series(zero, index=table.index))
    for c in EXPENDITURE:
        out[c] = money[c]
    out["expenditure"] = sum((money[c] for c in EXPENDITURE),
                             pd.Series(zero, index=table.index))
    out["balance"] = out["income"] - out["expenditure"]
    out["assistance"] = money["assistance"]
    out.attrs["unit"] = "yuan"
    return out


def generate_fund_population(n_persons: int = 2000, *, year: int = 2023, seed: int = 0,
                             claims_per_person: float = 0.8,
                             weights: bool = True) -> Dict[str, Any]:
    """A synthetic population with every input of a fund balance, reproducible from ``seed``.

    Returns a dict of DataFrames:
        ``persons``: :func:`generate_population`'s persons, the residents at the low or the
        high grade (Tianjin's two since 2017), with ``monthly_wage`` (fen; employees in
        service), ``employer_type`` and ``weight`` (the persons each row stands for, 50 to
        150; 1 without ``weights``);
        ``claims``: their claims of ``year``;
        ``deliveries``: deliveries of women among the working-age adults (``person``,
        ``date``, ``delivery``, ``weeks``, ``child_order``, ``prenatal_costs``,
        ``complication_costs``);
        ``institutions``: diabetes per-head contracts for the year, one per institution and
        scheme (``contract``, ``institution``, ``scheme``, ``level``, ``disease``, ``from``,
        ``to``, ``actual_costs``, ``assessment``, ``weight``);
        ``enrolments``: the persons enrolled with each contract (``contract``, ``patient``,
        ``from``, ``to``).
    """
    import pandas as pd

    from .frames import generate_population

    persons, claims = generate_population(n_persons, claims_per_person, year=year, seed=seed)
    rng = np.random.default_rng(seed + 1)
    n = len(persons)
    in_service = (persons["category"] == "in_service").to_numpy()
    wage = np.where(in_service, (rng.lognormal(np.log(6500), 0.5, n) * 100).astype(np.int64), 0)
    persons["monthly_wage"] = wage
    # Tianjin's residents choose between two grades since 2017: the low and the high.
    resident = (persons["scheme"] == "resident").to_numpy()
    persons["tier"] = np.where(resident, rng.choice(["low", "high"], n, p=[0.7, 0.3]), "none")
    persons["employer_type"] = rng.choice(["enterprise", "civil_service", "difficulty"], n,
                                          p=[0.8, 0.15, 0.05])
    persons["weight"] = rng.integers(50, 151, n) if weights else 1
    birth = persons["birth_date"].to_numpy().astype("datetime64[D]")
    age = (np.datetime64(f"{year}-07-01") - birth).astype(np.int64) // 365
    working = ((age >= 22) & (age <= 40) & persons["category"].isin(["in_service", "adult"])
               ).to_numpy()
    mothers = np.flatnonzero(working & (rng.random(n) < 0.06))
    k = len(mothers)
    deliveries = pd.DataFrame({
        "person": persons["person"].to_numpy()[mothers],
        "date": np.datetime64(f"{year}-01-01") + rng.integers(0, 365, k).astype("timedelta64[D]"),
        "delivery": rng.choice(["natural", "assisted", "caesarean", "caesarean_complex"], k,
                               p=[0.55, 0.1, 0.3, 0.05]),
        "weeks": rng.integers(36, 42, k),
        "child_order": rng.choice([1, 2, 3], k, p=[0.6, 0.32, 0.08]),
        "prenatal_costs": (rng.lognormal(np.log(900), 0.4, k) * 100).astype(np.int64),
        "complication_costs": np.where(rng.random(k) < 0.15,
                                       (rng.lognormal(np.log(3000), 0.6, k) * 100).astype(
                                           np.int64), 0),
    })
    # Diabetes: about one adult in ten over 40, each enrolled for the year (some joining late)
    # with one of a few primary, level-1 and level-2 institutions, whose contract with each
    # fund is settled on its own.
    patients = np.flatnonzero((age >= 40) & (rng.random(n) < 0.1))
    institution = rng.integers(0, 12, len(patients))
    scheme = persons["scheme"].to_numpy()[patients]
    joined = np.where(rng.random(len(patients)) < 0.8, np.datetime64(f"{year}-01-01"),
                      np.datetime64(f"{year}-01-01")
                      + rng.integers(0, 300, len(patients)).astype("timedelta64[D]"))
    contract = np.array([f"{i}-{s}" for i, s in zip(institution, scheme)], dtype=object)
    enrolments = pd.DataFrame({"contract": contract,
                               "patient": persons["person"].to_numpy()[patients],
                               "from": joined, "to": pd.NaT})
    levels = np.array(["primary", "l1", "l2"])[np.arange(12) % 3]
    rows = sorted(set(zip(institution.tolist(), scheme.tolist())))
    counts = enrolments.groupby("contract").size()
    institutions = pd.DataFrame({
        "contract": [f"{i}-{s}" for i, s in rows],
        "institution": [1000 + i for i, _ in rows],
        "scheme": [s for _, s in rows],
        "level": [levels[i] for i, _ in rows],
        "disease": "diabetes",
        "from": np.datetime64(f"{year}-01-01"),
        "to": np.datetime64(f"{year}-12-31"),
    })
    # Costs around twelve months of a 150-yuan rate per patient, some over, most under.
    expected = np.array([counts[c] for c in institutions["contract"]]) * 150 * 12 * 100
    institutions["actual_costs"] = (expected * rng.uniform(0.7, 1.3, len(rows))).astype(
        np.int64)
    institutions["assessment"] = rng.integers(8500, 10001, len(rows))
    institutions["weight"] = int(round(float(persons["weight"].mean()))) if weights else 1
    return {"persons": persons, "claims": claims, "deliveries": deliveries,
            "institutions": institutions, "enrolments": enrolments}
