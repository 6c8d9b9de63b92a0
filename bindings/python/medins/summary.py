"""Summaries: sums of money columns by group, weighted, as exact yuan.

Per-row frames (:func:`settle_frame`, :func:`contributions_frame`...) hold integer fen: exact,
and as fast as numpy. A summary is read by people, who speak yuan: its money columns hold
:class:`decimal.Decimal` yuan with two decimals (``Decimal("1234.56")``), made from sums taken
in integer fen. They print as yuan, add up exactly (``frame.sum()`` is a Decimal), and stay
exact where float yuan would not (0.1 + 0.2); a summary has one row per group, so the cost of
Decimal arithmetic does not matter. ``float(x)`` or ``frame.astype(float)`` gives floats for
plotting.

Weights are integers: how many persons a row stands for. A weighted sum is then an exact
number of fen. A fractional survey weight has no exact total in fen: it is refused (a
``TypeError``), and the caller decides how to round it (``np.rint(w).astype("int64")``) or scales
it (weights x 100, then the totals / 100).
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any, Dict, Optional, Sequence, Union

import numpy as np

from .enums import (CapitationPeriod, Category, ClaimKind, Delivery, Disease, EmployerType,
                    Level, Scheme, Tier)
from .values import column

__all__ = ["yuan_value", "weights_of", "weighted_total", "summarize", "words"]

_EXACT = decimal.Context(prec=60)

# Columns that hold enum codes when they are integers, and their enums (words in summaries).
_ENUM_COLUMNS = {
    "scheme": Scheme, "category": Category, "tier": Tier, "paying_tier": Tier,
    "benefit_tier": Tier, "level": Level, "kind": ClaimKind, "employer_type": EmployerType,
    "delivery": Delivery, "disease": Disease, "period": CapitationPeriod,
}


def yuan_value(amount_fen: int) -> Decimal:
    """Fen as exact yuan: ``yuan_value(123456) == Decimal("1234.56")``."""
    return Decimal(int(amount_fen)).scaleb(-2, _EXACT)


def weights_of(frame: Any, weight: Optional[Union[str, Sequence[int]]]) -> Optional[np.ndarray]:
    """The weights of a frame's rows as int64 (None: every row counts once). ``weight`` is a
    column name or the weights themselves; they must be integers >= 0."""
    if weight is None:
        return None
    if isinstance(weight, str):
        if weight not in frame.columns:
            raise KeyError(f"no weight column {weight!r}")
        values, what = frame[weight].to_numpy(), f"weights ({weight!r})"
    else:
        values, what = weight, "weights"
    arr = np.asarray(values) if not isinstance(values, np.ndarray) else values
    if arr.dtype.kind == "f":
        raise TypeError(f"{what} are floats: a weighted total is exact only with integer "
                        f"weights (persons each row stands for); round them "
                        f"(np.rint(w).astype('int64')) or scale them first")
    w = column(values, what, np.int64)
    if len(w) != len(frame):
        raise ValueError(f"{len(w)} weights for {len(frame)} rows")
    if len(w) and w.min() < 0:
        raise ValueError(f"{what} row {int(np.argmax(w < 0))}: a negative weight")
    return w


def _products_fit(values: np.ndarray, weights: Optional[np.ndarray]) -> bool:
    """Whether every sum of values x weights fits int64 (so numpy's integer sums are exact)."""
    if len(values) == 0:
        return True
    biggest = int(np.abs(values).max())
    count = int(weights.sum()) if weights is not None else len(values)
    return biggest * max(count, 1) < 2 ** 63


def weighted_total(values: Any, weights: Optional[np.ndarray] = None) -> int:
    """The exact sum of integer ``values`` (fen) times ``weights`` (or once each)."""
    v = np.asarray(values, dtype=np.int64)
    if _products_fit(v, weights):
        return int(v.sum() if weights is None else np.dot(v, weights))
    w = weights if weights is not None else np.ones(len(v), dtype=np.int64)
    return sum(int(a) * int(b) for a, b in zip(v, w))


def words(frame: Any, columns: Sequence[str]) -> Any:
    """``frame`` with the integer codes of its enum columns among ``columns`` as words."""
    out = None
    for c in columns:
        enum_cls = _ENUM_COLUMNS.get(c)
        if enum_cls is None or c not in frame.columns or frame[c].dtype.kind not in "iu":
            continue
        if out is None:
            out = frame.copy()
        out[c] = out[c].map({int(m): m.word for m in enum_cls})
    return frame if out is None else out


def summarize(frame: Any, money: Sequence[str], *, by: Union[None, str, Sequence[str]] = None,
              weight: Optional[Union[str, Sequence[int]]] = None, count: str = "rows",
              years: Optional[str] = None) -> Any:
    """Sums of the fen columns ``money`` of ``frame`` as exact yuan, by group.

    Args:
        frame: rows with integer fen columns.
        money: the columns to sum.
        by: column(s) to group by (enum codes become words); None: one row, ``all``.
        weight: a weight column's name, or the weights (integers >= 0); None: unweighted.
        count: the name of the column counting the rows (weighted).
        years: the name of a date column (YYYYMMDD integers, dates or text): rows are grouped
            first by its year, a ``year`` key before those of ``by`` (the fund's cost per
            year of claims settled over several years: ``years="date"``).
    Returns:
        a DataFrame: ``count`` (an int) then one Decimal yuan column per money column;
        ``attrs["unit"] == "yuan"``.
    """
    import pandas as pd

    from .batch import date_codes

    w = weights_of(frame, weight)
    keys = [by] if isinstance(by, str) else list(by or [])
    if years is not None:
        if "year" in keys or (years != "year" and "year" in frame.columns):
            raise ValueError("summarize: years= makes a 'year' key, which the frame or by "
                             "already has")
        frame = frame.assign(year=date_codes(frame[years], f"{years!r}") // 10000)
        keys = ["year", *keys]
    data = words(frame, keys)
    sums: Dict[Any, Dict[str, Any]] = {}
    if keys:
        groups = data.groupby(keys, sort=False, observed=True).indices
    else:
        groups = {"all": np.arange(len(data))}
    for key, idx in groups.items():
        ww = None if w is None else w[idx]
        row: Dict[str, Any] = {count: int(len(idx) if ww is None else ww.sum())}
        for c in money:
            row[c] = yuan_value(weighted_total(data[c].to_numpy()[idx], ww))
        sums[key] = row
    out = pd.DataFrame.from_dict(sums, orient="index", columns=[count, *money])
    if keys:
        out.index = (pd.MultiIndex.from_tuples(out.index, names=keys) if len(keys) > 1
                     else pd.Index(out.index, name=keys[0]))
        out = _in_enum_order(out, keys)
    out.attrs["unit"] = "yuan"
    return out


def _in_enum_order(frame: Any, keys: Sequence[str]) -> Any:
    """Rows in the enums' order (words of no enum last, in their order of appearance)."""
    def rank(key: Any) -> tuple:
        parts = key if isinstance(key, tuple) else (key,)
        out = []
        for name, word in zip(keys, parts):
            enum_cls = _ENUM_COLUMNS.get(name)
            try:
                out.append(int(enum_cls.parse(str(word))) if enum_cls else 0)
            except ValueError:
                out.append(1 << 20)
        return tuple(out)
    return frame.loc[sorted(frame.index, key=rank)]
