"""Charts with matplotlib's Agg canvas (no display needed; works the same in a notebook)."""

from __future__ import annotations

import os
from typing import Any, Mapping, Optional, Union

import numpy as np
import pandas as pd

__all__ = ["plot_fund_vs_cost", "plot_fund_balance"]


def plot_fund_vs_cost(data: Union[pd.DataFrame, "Comparison"], path: Optional[Union[str, os.PathLike]] = None,
                      *, title: Optional[str] = None):
    """Fund payment against cost for each hospital level and insured category.

    Args:
        data: a frame from :func:`settle_frame` (needs ``level``, ``category``, ``total`` and
            ``fund``), or a :class:`Comparison` (base and reform fund side by side).
        path: where to save the PNG (omit to only return the figure).
    Returns:
        the :class:`matplotlib.figure.Figure` (a notebook displays it).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .frames import by_category_level
    from .reform import Comparison

    # Both in yuan: a comparison's totals are Decimal yuan, a frame's sums fen.
    if isinstance(data, Comparison):
        t = data.totals.drop(columns="claims").astype(float)
        series = {"cost": t["total"], f"fund {data.base.id}": t["fund_base"],
                  f"fund {data.reform.id}": t["fund_reform"]}
        title = title or f"Fund payment against cost: {data.base.id} vs {data.reform.id}"
    else:
        t = by_category_level(data, ["total", "fund"]) / 100.0
        series = {"cost": t["total"], "fund": t["fund"]}
        title = title or "Fund payment against cost"
    categories = list(t.index.get_level_values(0).unique())
    fig = Figure(figsize=(4.2 * max(1, len(categories)), 4.2), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, max(1, len(categories)), sharey=True, squeeze=False)[0]
    width = 0.8 / len(series)
    for ax, cat in zip(axes, categories):
        levels = list(t.loc[cat].index)
        x = np.arange(len(levels))
        for i, (label, s) in enumerate(series.items()):
            ax.bar(x + (i - (len(series) - 1) / 2) * width, s.loc[cat].to_numpy() / 1e4,
                   width, label=label)
        ax.set_xticks(x, [str(v) for v in levels])
        ax.set_title(str(cat))
        ax.set_xlabel("hospital level")
    axes[0].set_ylabel("10,000 yuan")
    axes[-1].legend(fontsize="small")
    fig.suptitle(title)
    if path is not None:
        fig.savefig(os.fspath(path), dpi=100)
    return fig


def plot_fund_balance(balances: Mapping[str, Any],
                      path: Optional[Union[str, os.PathLike]] = None, *,
                      title: Optional[str] = None):
    """Income against expenditure of each fund, scenario by scenario.

    Args:
        balances: scenario name -> a frame of :func:`medins.fund_balance` (one row per fund),
            in the order to draw them.
        path: where to save the PNG (omit to only return the figure).
    Returns:
        the :class:`matplotlib.figure.Figure`: one panel per fund, income and expenditure bars
        per scenario (10,000 yuan), the balance written above each pair.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    names = list(balances)
    funds = list(dict.fromkeys(f for b in balances.values() for f in b.index))
    fig = Figure(figsize=(4.6 * max(1, len(funds)), 4.2), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, max(1, len(funds)), squeeze=False)[0]
    x = np.arange(len(names))
    for ax, fund in zip(axes, funds):
        rows = [balances[n].loc[fund] if fund in balances[n].index else None for n in names]
        income = np.array([float(r["income"]) if r is not None else 0.0 for r in rows]) / 1e4
        spent = np.array([float(r["expenditure"]) if r is not None else 0.0 for r in rows]) / 1e4
        ax.bar(x - 0.2, income, 0.4, label="income")
        ax.bar(x + 0.2, spent, 0.4, label="expenditure")
        for xi, r, top in zip(x, rows, np.maximum(income, spent)):
            if r is not None:
                ax.annotate(f"{float(r['balance']) / 1e4:+,.0f}", (xi, top), ha="center",
                            va="bottom", fontsize="small")
        ax.set_xticks(x, names)
        ax.set_title(f"{fund} fund")
    axes[0].set_ylabel("10,000 yuan")
    axes[-1].legend(fontsize="small")
    fig.suptitle(title or "Fund income and expenditure (balance above the bars)")
    if path is not None:
        fig.savefig(os.fspath(path), dpi=100)
    return fig
