"""Reforms: derive a policy from a base plus an overlay, and compare two policies on the same
claims (per-claim differences in fen; totals by insured category and hospital level, weighted,
in exact yuan)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Mapping, Optional, Union

import numpy as np
import pandas as pd

from .core import Policy, to_cdate
from .frames import settle_frame
from .summary import summarize

__all__ = ["overlay_yaml", "derive", "compare", "Comparison"]

MONEY = ("fund", "major_disease", "assistance", "patient")


def overlay_yaml(overlay: Mapping[str, Any]) -> str:
    """A nested dict as overlay YAML text. Write amounts and ratios as strings (``"55%"``,
    ``"1100.50"``): YAML numbers would lose the ``%`` the format requires."""
    import yaml

    def plain(v: Any) -> Any:
        if isinstance(v, Mapping):
            return {str(k): plain(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, _dt.date):
            return v.isoformat()
        return v

    return yaml.safe_dump(plain(overlay), sort_keys=False, allow_unicode=True)


def derive(base: Policy, overlay: Union[str, Mapping[str, Any]], name: str = "reform.yaml",
           *, title: Optional[str] = None) -> Policy:
    """``base`` changed by ``overlay``: YAML text, a nested dict, or a mapping of addresses to
    values with the reform's ``title`` (:meth:`Policy.derive`); ``base`` is unchanged. Raises
    :class:`PolicyError` pointing into the overlay."""
    return base.derive(overlay, name, title=title)


def _shift_years(dates: pd.Series, policy: Policy) -> pd.Series:
    """Move claim dates into the policy's first year when they are outside it (the same day
    and month; 29 February becomes the 28th)."""
    codes = dates.map(to_cdate) if dates.dtype == object else None
    d = pd.to_datetime(dates if codes is None else codes.astype(str), format=None)
    start = policy.effective_from
    if start is None or all(policy.in_force(x) for x in d.dt.date.unique()):
        return dates
    offset = start.year - int(d.dt.year.min())
    return d.map(lambda x: _dt.date(x.year + offset, x.month,
                                    min(x.day, 28) if x.month == 2 else x.day))


class Comparison:
    """Two policies settled on the same claims.

    Attributes:
        base, reform: the policies.
        claims: one row per claim with ``<col>_base``, ``<col>_reform`` and ``<col>_delta`` for
            fund, major_disease, assistance and patient (fen), and both statuses.
        weight: the weight column the sums use (None: each claim once).
        totals: sums by ``category`` and ``level``: ``claims`` (weighted), then cost and each
            money column for base, reform and delta, as exact yuan (``Decimal``).
    """

    def __init__(self, base: Policy, reform: Policy, claims: pd.DataFrame,
                 weight: Optional[str] = None) -> None:
        self.base = base
        self.reform = reform
        self.claims = claims
        self.weight = weight
        self._columns = ["total"] + [f"{m}_{s}" for m in MONEY
                                     for s in ("base", "reform", "delta")]
        self.totals = summarize(claims, self._columns, by=["category", "level"], weight=weight,
                                count="claims")

    def summary(self) -> Dict[str, Any]:
        """Overall sums: ``claims`` (weighted), total cost and each money column for base,
        reform and delta, in exact yuan (``Decimal``)."""
        row = summarize(self.claims, self._columns, weight=self.weight, count="claims").iloc[0]
        return {k: row[k] for k in row.index}

    def to_dict(self) -> Dict[str, Any]:
        """:meth:`summary`, with the policies' ids."""
        return {"base": self.base.id, "reform": self.reform.id, **self.summary()}

    def __repr__(self) -> str:
        s = self.summary()
        weighted = f", weighted by {self.weight!r}" if self.weight else ""
        return (f"<Comparison {self.base.id} -> {self.reform.id}: {len(self.claims)} claims"
                f"{weighted}, fund {s['fund_base']} -> {s['fund_reform']} yuan "
                f"({s['fund_delta']:+})>")

    def _repr_html_(self) -> str:
        return (f"<b>{self.base.id} &rarr; {self.reform.id}</b>, {len(self.claims)} claims "
                f"(yuan)" + self.totals.to_html())


def compare(base: Policy, reform: Policy, claims: pd.DataFrame,
            persons: Optional[pd.DataFrame] = None, *, person_key: str = "person",
            align_dates: bool = True, weight: Optional[str] = None) -> Comparison:
    """Settle the same claims under ``base`` and ``reform`` and compare.

    With ``align_dates`` (the default), claims dated outside a policy are moved into its first
    year (same day and month) so that two policy years can be compared on one population, e.g.
    ``tianjin/2022`` against ``tianjin/2023``. Claims that fail under either policy keep zeros
    and their ``status_base`` / ``status_reform``. ``weight`` names a weight column of the
    claims or of the persons (integers: persons each row stands for) that the sums use.
    """
    runs = {}
    for tag, pol in (("base", base), ("reform", reform)):
        c = claims.copy()
        if align_dates:
            c["date"] = _shift_years(c["date"], pol)
        runs[tag] = settle_frame(c, persons, policy=pol, person_key=person_key,
                                 on_error="status")
    out = claims.copy()
    for c in ("category",) + ((weight,) if weight else ()):
        if c not in out.columns:
            out[c] = runs["base"][c].to_numpy()
    for m in MONEY:
        out[f"{m}_base"] = runs["base"][m].to_numpy()
        out[f"{m}_reform"] = runs["reform"][m].to_numpy()
        out[f"{m}_delta"] = out[f"{m}_reform"] - out[f"{m}_base"]
    out["status_base"] = runs["base"]["status"].to_numpy()
    out["status_reform"] = runs["reform"]["status"].to_numpy()
    return Comparison(base, reform, out, weight)
