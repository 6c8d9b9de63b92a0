"""pandas helpers: a DataFrame of claims (and persons) in, a DataFrame of results out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Iterator, Optional, Tuple, Union

import numpy as np
import pandas as pd

from .batch import OUTPUTS, LedgerBlock, _errors_frame, settle_arrays
from .core import Ledger, Policy, PolicySet, DateLike, to_cdate
from .enums import Category, ClaimKind, Level, Scheme, Status, Tier

__all__ = ["settle_frame", "PersonLedgers", "generate_population", "by_category_level"]

_PERSON_COLUMNS = ("scheme", "category", "tier", "birth_date", "groups", "family_doctor",
                   "retirement_date", "contribution_months", "sex", "cohorts")


def settle_frame(claims: pd.DataFrame, persons: Optional[pd.DataFrame] = None, *,
                 policy: Union[Policy, PolicySet, None] = None, region: Optional[str] = None,
                 person_key: str = "person", on_error: str = "raise",
                 close_years: bool = False, threads: int = 1) -> pd.DataFrame:
    """Settle every claim of a DataFrame in one batch call.

    Args:
        claims: one row per claim: ``person_key`` (the person's key), ``date``, ``kind``,
            ``level``, ``total`` and optionally ``self_paid``, ``category_b``, ``institution``
            (amounts in fen; enum columns as words like ``"l3"`` or as codes).
        persons: one row per person, keyed by its index or by a ``person_key`` column, with
            ``scheme``, ``category``, ``tier``, ``birth_date`` and optionally ``groups``,
            ``family_doctor``, ``retirement_date``, ``contribution_months``, ``sex``,
            ``cohorts`` (as :func:`settle_arrays` reads them). When omitted those columns are
            read from ``claims``.
        policy: a Policy, or a PolicySet (each claim uses the policy in force on its date);
            default: the embedded policies.
        on_error: ``"raise"`` raises the first failed claim's error, as settling it alone
            raises it, also a :class:`BatchError` whose ``.row`` is the claim's index label,
            ``.results`` the frame and ``.errors`` every failure (as below); or ``"status"``
            (failed rows have zeros and a non-zero ``status``).
        close_years: close each person's year before a claim of a later one, as
            :func:`settle_arrays` does with it.
        threads: settle in up to this many threads (:func:`settle_arrays`).
    Returns:
        ``claims`` with the result columns added: fund, supplementary, major_disease,
        assistance, patient, deductible, coinsurance, over_cap, account, account_first (fen;
        :data:`medins.batch.OUTPUTS`), status and status_name, and the
        persons' ``scheme``, ``category`` and ``weight`` when the claims lack them. Its
        ``attrs["errors"]`` is a DataFrame of the failed claims, one row each: ``row`` (the
        claim's index label), ``code``, ``status_name`` and ``message`` (the code and message
        settling that claim alone gives); empty when every claim settled. Its
        ``attrs["ledgers"]`` is a :class:`PersonLedgers`: each person's ledger after their
        last claim (with ``close_years``, of the year of that claim).
    """
    from .core import embedded
    from .errors import BatchError

    if policy is None:
        policy = embedded()
    if persons is None:
        persons = claims.drop_duplicates(person_key).set_index(person_key)
    elif person_key in persons.columns:
        persons = persons.set_index(person_key)
    index = persons.index.get_indexer(claims[person_key])
    if (index < 0).any():
        missing = claims[person_key][index < 0].iloc[0]
        raise KeyError(f"claim for unknown person {missing!r}")
    pcols = {c: persons[c].to_numpy() for c in _PERSON_COLUMNS if c in persons.columns}
    ccols = {c: claims[c].to_numpy() for c in ("date", "kind", "level", "total", "self_paid",
                                                 "category_b", "institution", "attributes",
                                                 "days")
             if c in claims.columns}
    ccols["person"] = index
    # Totals by category and level need the person's columns next to each claim, and weighted
    # totals the person's weight.
    extra = {c: persons[c].to_numpy()[index] for c in ("scheme", "category", "weight")
             if c in persons.columns and c not in claims.columns}
    try:
        res = settle_arrays(policy, pcols, ccols, region=region, on_error=on_error,
                            close_years=close_years, threads=threads)
    except BatchError as e:
        # Rows as the claims frame's index labels.
        e.row = claims.index[e.row]
        e.results = _frame(claims, e.results, extra)
        e.errors = e.results.attrs["errors"]
        raise
    out = _frame(claims, res, extra)
    out.attrs["ledgers"] = PersonLedgers(persons.index, res.ledgers)
    return out


class PersonLedgers(Mapping):
    """The ledgers after a :func:`settle_frame`'s last claims, by person key: ``ledgers[key]``
    is a copy of that person's :class:`Ledger`; ``.block`` is the :class:`LedgerBlock`
    (persons in the order of ``.keys()``), to continue from with :func:`settle_arrays`."""

    def __init__(self, keys: Any, block: LedgerBlock) -> None:
        self._keys = pd.Index(keys)
        self.block = block

    def __getitem__(self, key: Any) -> Ledger:
        at = self._keys.get_indexer([key])[0]
        if at < 0:
            raise KeyError(key)
        return self.block[int(at)]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return f"<PersonLedgers of {len(self)} persons>"


def _frame(claims: pd.DataFrame, res: Any, extra: dict) -> pd.DataFrame:
    out = claims.copy()
    out.attrs["errors"] = _errors_frame([(claims.index[row], code, message)
                                        for row, code, message in res._failures])
    for k, v in extra.items():
        out[k] = v
    for k in OUTPUTS:
        out[k] = res[k]
    out["status"] = res["status"]
    names = {int(s): s.name for s in Status}
    out["status_name"] = pd.Series(res["status"], index=out.index).map(names)
    return out


def by_category_level(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Sums of ``columns`` by category and hospital level, in the enums' order."""
    t = frame.groupby(["category", "level"], sort=False)[list(columns)].sum()
    def rank(word: Any, enum_cls: Any) -> int:
        try:
            return int(enum_cls.parse(str(word)))
        except ValueError:
            return 1 << 20
    keys = sorted(t.index, key=lambda k: (rank(k[0], Category), rank(k[1], Level)))
    return t.loc[keys]


def _words(enum_cls: Any) -> np.ndarray:
    """Policy-file words indexed by code (the enums here are dense from 0)."""
    return np.array([m.word for m in sorted(enum_cls, key=int)], dtype=object)


def generate_population(n_persons: int = 1000, claims_per_person: float = 3.0, *,
                        year: int = 2023, seed: int = 0) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """A synthetic population for examples and tests: (persons, claims) DataFrames.

    Employees and residents of every category; outpatient, pharmacy, special-disease and
    inpatient claims (the kinds Tianjin's policies cover) at every level; amounts in
    fen with a long right tail; claims are dated within ``year``. Reproducible from ``seed``.
    """
    rng = np.random.default_rng(seed)
    scheme = rng.choice([Scheme.EMPLOYEE, Scheme.RESIDENT], n_persons, p=[0.55, 0.45])
    emp = scheme == Scheme.EMPLOYEE
    category = np.where(emp, rng.choice([Category.IN_SERVICE, Category.RETIRED], n_persons,
                                        p=[0.7, 0.3]),
                        rng.choice([Category.ADULT, Category.STUDENT_CHILD], n_persons,
                                   p=[0.7, 0.3]))
    tier = np.where(emp, Tier.NONE, rng.choice([Tier.LOW, Tier.MIDDLE, Tier.HIGH], n_persons,
                                                p=[0.6, 0.25, 0.15]))
    age = np.where(category == Category.RETIRED, rng.integers(60, 90, n_persons),
                   np.where(category == Category.STUDENT_CHILD, rng.integers(1, 18, n_persons),
                            rng.integers(18, 60, n_persons)))
    birth = (np.datetime64(f"{year}-01-01")
             - (age * 365 + rng.integers(0, 365, n_persons)).astype("timedelta64[D]"))
    persons = pd.DataFrame({
        "person": np.arange(n_persons),
        "scheme": _words(Scheme)[scheme],
        "category": _words(Category)[category],
        "tier": _words(Tier)[tier],
        "birth_date": birth,
    })
    counts = rng.poisson(claims_per_person, n_persons)
    m = int(counts.sum())
    person = np.repeat(np.arange(n_persons), counts)
    kind = rng.choice([ClaimKind.OUTPATIENT, ClaimKind.INPATIENT, ClaimKind.PHARMACY,
                       ClaimKind.SPECIAL_DISEASE], m, p=[0.55, 0.15, 0.25, 0.05])
    level = np.where(kind == ClaimKind.PHARMACY, Level.PHARMACY,
                     rng.choice([Level.PRIMARY, Level.L1, Level.L2, Level.L3], m,
                                p=[0.3, 0.2, 0.25, 0.25]))
    scale = np.where(kind == ClaimKind.INPATIENT, 1_500_000,
                     np.where(kind == ClaimKind.SPECIAL_DISEASE, 300_000, 30_000))
    total = (rng.lognormal(0.0, 0.9, m) * scale).astype(np.int64) + 100
    self_paid = (total * rng.uniform(0.0, 0.1, m)).astype(np.int64)
    category_b = (total * rng.uniform(0.0, 0.05, m)).astype(np.int64)
    day = np.datetime64(f"{year}-01-01") + rng.integers(0, 365, m).astype("timedelta64[D]")
    claims = pd.DataFrame({
        "claim": np.arange(m), "person": person, "date": day,
        "kind": _words(ClaimKind)[kind], "level": _words(Level)[level],
        "total": total, "self_paid": self_paid, "category_b": category_b,
    }).sort_values(["person", "date"], kind="stable").reset_index(drop=True)
    claims["claim"] = np.arange(m)
    return persons, claims
