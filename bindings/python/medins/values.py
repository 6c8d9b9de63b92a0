"""How Python values and arrays become the C library's integers, exactly or not at all.

The rule, for every entry point (Claim, Person, Ledger, the contribution, maternity and
capitation inputs, settle_arrays, settle_frame):

- Money is integer fen: a Python ``int`` or a numpy integer (scalar or column). Yuan text and
  :class:`decimal.Decimal` are exact too, but only through an explicit conversion,
  :func:`medins.fen`. A float (scalar, numpy float, float column) is a ``TypeError`` saying
  how to convert, as are a ``str`` or ``Decimal`` given where fen are expected; so is a bool.
- Other integers (ids, counts, codes, YYYYMMDD dates) follow the same rule without the fen.
- An integer that does not fit its C type (int32 for persons, dates and codes, uint32 for
  groups, int64 for money and ids) is an ``OverflowError`` naming the field, or the column and
  the row (its 0-based position); it is never wrapped around.

Arrays of the exact C type pass through without a copy; other integer arrays are range-checked
(one pass) and converted; object arrays and lists are checked value by value.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Tuple

import numpy as np

__all__ = ["integer", "column", "array", "missing", "RANGES"]

# Keyed by the numpy type and by its dtype, so that a scalar's check costs one dict look-up.
RANGES = {k: (int(np.iinfo(t).min), int(np.iinfo(t).max))
           for t in (np.int32, np.uint32, np.int64) for k in (t, np.dtype(t))}


def missing(value: Any) -> bool:
    """True for the usual spellings of "no value": None, NaN, ``pd.NA``, ``pd.NaT``, a NaT
    ``datetime64``."""
    if value is None:
        return True
    if isinstance(value, (float, np.floating, np.datetime64)):
        return bool(value != value)
    return type(value).__name__ in ("NAType", "NaTType")


def _refusal(what: str, value: Any, money: bool) -> TypeError:
    """The TypeError of a value that is not an integer, saying what to give instead."""
    if missing(value):
        return TypeError(f"{what} is missing ({value!r})")
    kind = type(value).__name__
    if isinstance(value, (bool, np.bool_)):
        return TypeError(f"{what}: a bool ({value!r}) is not "
                         f"{'an amount in fen' if money else 'an integer'}")
    if not money:
        return TypeError(f"{what} must be an int, not {kind} ({value!r})")
    if isinstance(value, (float, np.floating)):
        how = ("give an int number of fen, or yuan as text or a Decimal through medins.fen, "
               "e.g. medins.fen(\"2500.75\")")
    elif isinstance(value, str):
        how = f"convert yuan text with medins.fen({value!r})"
    elif isinstance(value, Decimal):
        how = f"convert yuan with medins.fen(Decimal({str(value)!r}))"
    else:
        how = "give an int"
    return TypeError(f"{what}: amounts are integer fen, not {kind} ({value!r}); {how}")


def integer(value: Any, what: str, dtype: Any = np.int64, money: bool = False) -> int:
    """``value`` as a Python int that fits ``dtype`` (int32, uint32 or int64); ``what`` names
    it in errors. ``money`` words the TypeError for an amount in fen."""
    if type(value) is not int:
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            raise _refusal(what, value, money)
        value = int(value)
    lo, hi = RANGES[dtype]
    if not lo <= value <= hi:
        raise OverflowError(f"{what}: {value} does not fit {np.dtype(dtype)} ({lo} to {hi})")
    return value


def _range_error(what: str, arr: np.ndarray, bad: np.ndarray, dtype: np.dtype,
                 lo_hi: Tuple[int, int]) -> OverflowError:
    row = int(np.flatnonzero(bad)[0])
    return OverflowError(f"{what} row {row}: {int(arr[row])} does not fit {dtype} "
                         f"({lo_hi[0]} to {lo_hi[1]})")


def array(values: Any) -> np.ndarray:
    """A column as a numpy array. A list's items are kept as they are (an object array) unless
    they are all ints or all strs: np.asarray would merge the others into one type ([1, True]
    two ints, [1, 2.5] two floats)."""
    if isinstance(values, np.ndarray):
        return values
    if hasattr(values, "dtype"):
        return np.asarray(values)
    values = list(values)
    kinds = {type(v) for v in values}
    if kinds == {int} or kinds == {str}:
        return np.asarray(values)
    return np.array(values, dtype=object)


def column(values: Any, what: str, dtype: Any, money: bool = False) -> np.ndarray:
    """``values`` (a numpy array, pandas column or sequence) as a C-contiguous 1-d array of
    ``dtype``, every value checked as :func:`integer` checks one; ``what`` names the column
    (``"claims['total']"``) in errors, which also give the row."""
    dtype = np.dtype(dtype)
    arr = array(values)
    if arr.ndim != 1:
        raise ValueError(f"{what} must be one-dimensional, not of shape {arr.shape}")
    kind = arr.dtype.kind
    if arr.dtype == dtype:
        return np.ascontiguousarray(arr)
    if kind in "iu":
        lo_hi = RANGES[dtype]
        if arr.size and not np.can_cast(arr.dtype, dtype, "safe"):
            if int(arr.min()) < lo_hi[0]:
                raise _range_error(what, arr, arr < lo_hi[0], dtype, lo_hi)
            if int(arr.max()) > lo_hi[1]:
                raise _range_error(what, arr, arr > lo_hi[1], dtype, lo_hi)
        return np.ascontiguousarray(arr, dtype=dtype)
    if kind == "O":
        out = np.empty(len(arr), dtype=dtype)
        for row, v in enumerate(arr):
            out[row] = integer(v, f"{what} row {row}", dtype, money)
        return out
    if kind == "b":
        raise TypeError(f"{what} is a bool column: give "
                        f"{'amounts in fen' if money else 'integers'} as an integer column")
    if kind == "f" and money:
        raise TypeError(f"{what} is a float column ({arr.dtype}); amounts are integer fen: "
                        f"convert whole fen with .astype('int64'), yuan text or Decimal values "
                        f"with medins.fen")
    if kind in "US" and money:
        raise TypeError(f"{what} is a text column; amounts are integer fen: convert yuan text "
                        f"with medins.fen, value by value")
    raise TypeError(f"{what} must be an integer column, not {arr.dtype}")
