"""Reforms: derive a policy from a base plus an overlay, and compare two policies on the same
claims (per-claim differences, totals by insured category and hospital level)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Mapping, Optional, Union

import numpy as np
import pandas as pd

from .core import Policy, to_cdate
from .frames import by_category_level, settle_frame

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


def derive(base: Policy, overlay: Union[str, Mapping[str, Any]],
           name: str = "reform.yaml") -> Policy:
    """``base`` with ``overlay`` (YAML text or a nested dict) applied; ``base`` is unchanged.
    Raises :class:`PolicyError` pointing into the overlay."""
    return base.derive(overlay if isinstance(overlay, str) else overlay_yaml(overlay), name)


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
        totals: sums by ``category`` and ``level`` (cost, and each money column for base, reform
            and delta).
    """

    def __init__(self, base: Policy, reform: Policy, claims: pd.DataFrame) -> None:
        self.base = base
        self.reform = reform
        self.claims = claims
        cols = ["total"] + [f"{m}_{s}" for m in MONEY for s in ("base", "reform", "delta")]
        self.totals = by_category_level(claims, cols)

    def summary(self) -> Dict[str, int]:
        """Overall sums (fen): total cost and each money column for base, reform and delta."""
        return {k: int(v) for k, v in self.totals.sum().items()}

    def __repr__(self) -> str:
        s = self.summary()
        return (f"<Comparison {self.base.id} -> {self.reform.id}: {len(self.claims)} claims, "
                f"fund {s['fund_base']} -> {s['fund_reform']} fen ({s['fund_delta']:+d})>")

    def _repr_html_(self) -> str:
        return (f"<b>{self.base.id} &rarr; {self.reform.id}</b>, {len(self.claims)} claims "
                f"(fen)" + self.totals.to_html())


def compare(base: Policy, reform: Policy, claims: pd.DataFrame,
            persons: Optional[pd.DataFrame] = None, *, person_key: str = "person",
            align_dates: bool = True) -> Comparison:
    """Settle the same claims under ``base`` and ``reform`` and compare.

    With ``align_dates`` (the default), claims dated outside a policy are moved into its first
    year (same day and month) so that two policy years can be compared on one population, e.g.
    ``tianjin/2022`` against ``tianjin/2023``. Claims that fail under either policy keep zeros
    and their ``status_base`` / ``status_reform``.
    """
    runs = {}
    for tag, pol in (("base", base), ("reform", reform)):
        c = claims.copy()
        if align_dates:
            c["date"] = _shift_years(c["date"], pol)
        runs[tag] = settle_frame(c, persons, policy=pol, person_key=person_key,
                                 on_error="status")
    out = claims.copy()
    if "category" not in out.columns:
        out["category"] = runs["base"]["category"].to_numpy()
    for m in MONEY:
        out[f"{m}_base"] = runs["base"][m].to_numpy()
        out[f"{m}_reform"] = runs["reform"][m].to_numpy()
        out[f"{m}_delta"] = out[f"{m}_reform"] - out[f"{m}_base"]
    out["status_base"] = runs["base"]["status"].to_numpy()
    out["status_reform"] = runs["reform"]["status"].to_numpy()
    return Comparison(base, reform, out)
