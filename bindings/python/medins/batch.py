"""Settling many claims in one C call: numpy arrays in, numpy arrays out.

:func:`settle_arrays` converts the columns once (enum words to codes, dates to YYYYMMDD),
allocates the outputs (or takes the caller's, ``out=``) and calls ``medins_batch_settle`` a
single time with the GIL released; no Python code runs per claim. Columns are converted
exactly or refused (:mod:`medins.values`): a float money column is a TypeError, an integer that
does not fit its C type an OverflowError naming the column and the row.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from . import lowlevel as _c
from .core import Ledger, Policy, PolicySet, from_cdate, to_cdate
from .enums import Category, ClaimKind, Group, Level, Scheme, Sex, Tier, Status
from .errors import BatchError, MedinsError, _batch_class, _class_for
from .values import array, column, integer

__all__ = ["OUTPUTS", "LedgerBlock", "BatchResult", "settle_arrays", "date_codes", "enum_codes"]

#: The output columns, in fen, plus ``status`` (0 or the claim's negative status): ``fund +
#: supplementary + major_disease + assistance + patient`` is each claim's total;
#: ``account_first`` is the part of ``account`` paid before the fund (``account_first``).
OUTPUTS = ("fund", "supplementary", "major_disease", "assistance", "patient", "deductible",
           "coinsurance", "over_cap", "account", "account_first")


def _by_value(arr: np.ndarray, what: str, convert: Any, dtype: Any) -> np.ndarray:
    """``convert(value, what)`` applied to each distinct value of a text or object column,
    once; an error names the column and the first row holding the value."""
    try:
        uniq, inverse = np.unique(arr, return_inverse=True)
    except TypeError:   # values that do not sort (mixed types): one by one
        uniq, inverse = arr, np.arange(len(arr))
    codes = np.empty(len(uniq), dtype=dtype)
    for i, v in enumerate(uniq):
        try:
            codes[i] = convert(v, what)
        except (TypeError, ValueError, OverflowError):
            # The same error again, now naming the row.
            convert(v, f"{what} row {int(np.flatnonzero(inverse == i)[0])}")
            raise
    return codes[inverse].reshape(arr.shape)


def _parse_with(enum_cls: Any, dtype: Any = np.int32):
    """A column converter (_by_value) to an enumeration's code: a word is parsed; a number is
    a code, checked as an integer column's are (the library judges whether it is a member)."""
    def convert(value: Any, what: str) -> int:
        if not isinstance(value, str):
            return integer(value, what, dtype)
        try:
            return int(enum_cls.parse(value))
        except ValueError as e:
            raise ValueError(f"{what}: {e}") from None
    return convert


def date_codes(values: Any, what: str = "dates") -> np.ndarray:
    """Dates (ints YYYYMMDD, ``datetime64``, ``datetime.date``, ``"2023-01-15"`` or
    ``"20230115"`` text) as int32 YYYYMMDD; a missing date (NaT, None) is 0, which the library
    refuses wherever it needs the date. A float column is a TypeError; ``what`` names the
    column in errors."""
    arr = array(values)
    if arr.dtype.kind in "iub":
        return column(arr, what, np.int32)
    if arr.dtype.kind in "OUS":
        # Text and objects (dates, Timestamps, None) the one strict way a scalar is read.
        return _by_value(arr.astype(object), what, to_cdate, np.int32)
    if arr.dtype.kind != "M":
        raise TypeError(f"{what} must be dates (datetime64, date objects, YYYYMMDD integers "
                        f"or text), not {arr.dtype}")
    days = arr.astype("datetime64[D]")
    years = days.astype("datetime64[Y]")
    months = days.astype("datetime64[M]")
    y = years.astype(np.int64) + 1970
    m = (months - years).astype(np.int64) + 1
    d = (days - months).astype(np.int64) + 1
    out = (y * 10000 + m * 100 + d).astype(np.int32)
    out[np.isnat(arr)] = 0
    return out


def enum_codes(values: Any, enum_cls: Any, what: Optional[str] = None) -> np.ndarray:
    """Enum columns (members, ints, names or policy-file words) as int32 codes; ``what`` names
    the column in errors."""
    what = what or enum_cls.__name__
    arr = array(values)
    if arr.dtype.kind in "iubf":
        return column(arr, what, np.int32)
    # One parse per distinct value, not per claim.
    return _by_value(arr, what, _parse_with(enum_cls), np.int32)


def _group_codes(values: Any, what: str) -> np.ndarray:
    arr = array(values)
    if arr.dtype.kind in "iubf":
        return column(arr, what, np.uint32)
    arr = np.where(arr == None, "", arr)  # noqa: E711 (elementwise: no groups)
    return _by_value(arr, what, _parse_with(Group, np.uint32), np.uint32)


def _int64(values: Any, what: str, money: bool = False) -> np.ndarray:
    if values is None:
        # An absent optional column goes to C as an empty array, read there as "all zero":
        # a column of zeros would cost page faults on n * 8 fresh bytes.
        return np.zeros(0, dtype=np.int64)
    return column(values, what, np.int64, money)


class LedgerBlock:
    """The ledgers of a batch: one per person, kept in one C block so a batch can be continued.

    ``block[i]`` is a copy of person i's ledger as a :class:`Ledger`; ``block[i] = ledger``
    replaces it.
    """

    def __init__(self, years: Any) -> None:
        years = column(years, "LedgerBlock: years", np.int32)
        # ledgers_init writes every byte; np.empty (unlike np.zeros) gets huge pages for a large
        # block, which first-touch page faults make several times cheaper.
        self._raw = np.empty(len(years) * _c.ledger_size(), dtype=np.uint8)
        _c.ledgers_init(self._raw, years)

    def __len__(self) -> int:
        return len(self._raw) // _c.ledger_size()

    def __getitem__(self, i: int) -> Ledger:
        i = integer(i, "LedgerBlock index")
        if i < 0:
            i += len(self)
        h = _c.ledger_get(self._raw, int(i))
        if h is None:
            raise IndexError(i)
        return Ledger(_handle=h)

    def __setitem__(self, i: int, ledger: Ledger) -> None:
        i = integer(i, "LedgerBlock index")
        if i < 0:
            i += len(self)
        _c.ledger_put(self._raw, int(i), ledger._c)

    def __repr__(self) -> str:
        return f"<LedgerBlock of {len(self)} ledgers>"


class BatchResult(dict):
    """The outputs of a batch: a dict of numpy arrays (``fund``, ``patient``, ... in fen, and
    ``status``) in the order the claims were given, plus ``ledgers``, ``failed`` and
    ``errors``."""

    ledgers: LedgerBlock
    failed: int
    _failures: Sequence[Tuple[int, int, str]] = ()

    @property
    def errors(self) -> Any:
        """The failed claims as a pandas DataFrame, one row each in claim order: ``row`` (the
        claim's position in the claims given), ``code``, ``status_name`` and ``message``, the
        code and message settling that claim alone gives. Empty when every claim settled."""
        return _errors_frame(self._failures)

    def totals(self) -> Dict[str, int]:
        """Sum of each money column (of those settled: see ``outputs``) over the claims that
        settled."""
        return {k: int(self[k].sum()) for k in OUTPUTS if k in self}

    def __repr__(self) -> str:
        t = self.totals()
        n = len(self["status"])
        sums = "".join(f", {k} {t[k]} fen" for k in ("fund", "patient") if k in t)
        return f"<BatchResult {n} claims, {self.failed} failed{sums}>"


def _errors_frame(failures: Sequence[Tuple[Any, int, str]]) -> Any:
    """(row, code, message) tuples as the errors DataFrame of BatchResult.errors."""
    import pandas as pd
    rows = [r for r, _, _ in failures]
    codes = np.array([c for _, c, _ in failures], dtype=np.int32)
    return pd.DataFrame({"row": rows, "code": codes,
                         "status_name": [Status(int(c)).name for c in codes],
                         "message": [msg for _, _, msg in failures]})


def _column(table: Mapping[str, Any], name: str, default: Any = None) -> Any:
    try:
        return table[name]
    except (KeyError, IndexError):
        return default


def _required(table: Mapping[str, Any], what: str, name: str) -> Any:
    col = _column(table, name)
    if col is None:
        raise KeyError(f"{what} has no {name!r} column")
    return col


def _outputs(outputs: Optional[Sequence[str]]) -> Tuple[str, ...]:
    """The money columns asked for, in OUTPUTS' order (all of them for None)."""
    if outputs is None:
        return OUTPUTS
    if isinstance(outputs, str):
        raise TypeError("outputs must be a sequence of column names, not one string")
    asked = set(outputs)
    unknown = sorted(asked - set(OUTPUTS))
    if unknown:
        raise ValueError(f"unknown output column(s) {', '.join(map(repr, unknown))}; "
                         f"the columns are {', '.join(OUTPUTS)}")
    return tuple(k for k in OUTPUTS if k in asked)


def _out_columns(out: Any, m: int, names: Sequence[str]) -> List[np.ndarray]:
    """The caller's output arrays for `names` (money columns in OUTPUTS' order), then status,
    each checked to be what the C call writes into. numpy.i's own checks name no column and
    do not look at writeability, so every check is made here, before anything is settled."""
    if not isinstance(out, Mapping):
        raise TypeError(f"out must be a mapping of column name to array, not "
                        f"{type(out).__name__}")
    cols = []
    for name in tuple(names) + ("status",):
        want = np.dtype(np.int32 if name == "status" else np.int64)
        if name not in out:
            raise ValueError(f"out has no {name!r} column")
        a = out[name]
        if not isinstance(a, np.ndarray):
            raise TypeError(f"out[{name!r}] must be a numpy array, not {type(a).__name__}")
        if a.dtype != want:
            raise TypeError(f"out[{name!r}] has dtype {a.dtype}, needs {want}")
        if a.ndim != 1 or len(a) != m:
            raise ValueError(f"out[{name!r}] has shape {a.shape}, needs ({m},) (the claim count)")
        if not a.flags.c_contiguous:
            raise ValueError(f"out[{name!r}] is not C-contiguous")
        if not a.flags.writeable:
            raise ValueError(f"out[{name!r}] is read-only")
        cols.append(a)
    return cols


def _refuse_overlap(outs: Sequence[Tuple[str, np.ndarray]],
                    reads: Sequence[Tuple[str, np.ndarray]]) -> None:
    """Refuses an output column sharing memory with another output or with anything the C call
    reads: the results would depend on the order of the C writes, and the caller's inputs would
    be overwritten. Every array here is contiguous, so the cheap bounds test of
    np.may_share_memory is exact."""
    for i, (name, a) in enumerate(outs):
        for other, b in [(f"out[{k!r}]", c) for k, c in outs[:i]] + list(reads):
            if np.may_share_memory(a, b):
                raise ValueError(f"out[{name!r}] shares memory with {other}")


def _benefit_years(years: np.ndarray, policy: Union[Policy, PolicySet],
                   region: Optional[str], person: np.ndarray, date: np.ndarray) -> None:
    """The calendar years of the persons' first claims in ``years`` made their benefit years:
    one year earlier for a first claim before the first day of its policy's year (a year from
    1 July). Costs nothing more for policies whose year starts on 1 January."""
    if len(person) == 0:
        return
    first_person, first_idx = np.unique(person, return_index=True)
    first = date[first_idx]
    if isinstance(policy, PolicySet):
        region = region or _c.default_region()
        if all(p.year_start == (1, 1) for p in policy if p.region == region):
            return
        starts = np.full(len(first), 101, dtype=np.int32)
        for d in np.unique(first):
            try:
                starts[first == d] = policy.lookup(region, from_cdate(int(d)))._c.year_start()
            except MedinsError:
                pass   # no policy: the claim fails in the batch, saying why
    else:
        starts = policy._c.year_start()
        if starts == 101:
            return
    years[first_person] -= (first % 10000 < starts).astype(np.int32)


def settle_arrays(policy: Union[Policy, PolicySet], persons: Mapping[str, Any],
                  claims: Mapping[str, Any], *, region: Optional[str] = None,
                  ledgers: Optional[LedgerBlock] = None, sort: bool = True,
                  on_error: str = "raise",
                  out: Optional[Mapping[str, np.ndarray]] = None,
                  outputs: Optional[Sequence[str]] = None,
                  close_years: bool = False, threads: int = 1) -> BatchResult:
    """Settle claims in one batch call.

    Args:
        policy: a :class:`Policy` (claims outside its dates fail), or a :class:`PolicySet`
            (each claim uses the policy of ``region`` in force on its date).
        persons: columns ``scheme``, ``category``, ``tier``, ``birth_date`` and optionally
            ``groups``, ``family_doctor`` (a dict of arrays or a DataFrame), one row per person;
            and the fields policies may select on, optionally: ``retirement_date`` (dates, 0
            or NaT for none), ``contribution_months`` (ints, -1 unknown), ``sex``
            (:class:`Sex`, codes or words) and ``cohorts`` (the policy's person groups as bits,
            ``policy.cohorts("model_worker")``). Without such a column the field is unknown for
            every person: a claim whose rows read it fails with PersonError, as it would
            settled alone without it.
        claims: columns ``person`` (row index into ``persons``), ``date``, ``kind``, ``level``,
            ``total`` and optionally ``self_paid``, ``category_b``, ``institution`` and
            ``attributes`` (the policy's claim attributes of each claim as bits, as
            ``Claim.attributes`` takes them: ``policy.claim_attributes("referred")``; 0 for
            none). A claim with attributes is settled with a plan of its own, as alone; and
            ``days`` (the bed-days of each claim, as ``Claim.days``; 0 for not given), which a
            policy's maximum per bed-day needs. A claim with days is settled alone.
        ledgers: ledgers to continue from (a previous result's ``.ledgers``); by default each
            person starts a fresh ledger in the year of their first claim.
        sort: order claims by person then date for the C call (the library needs that order);
            results always come back in the order given. Claims already in that order, and
            columns already contiguous int32 / int64, go to the C call as they are (no copy).
        on_error: ``"raise"``: when any claim fails, raise the first failed claim's error as
            settling it alone raises it (``ClaimError``, ``PersonError``...), also a
            :class:`BatchError` with ``.row``, ``.status``, ``.results`` and ``.errors``, and
            change nothing: ``ledgers`` and ``out`` are as they were, so the claims can be
            mended and the batch settled again (for that, the ledgers of the persons with
            claims are kept, and the outputs go through scratch columns). ``"status"``:
            settle what settles, in place, and report the failures in the ``status`` column
            and ``.errors``: the fastest way to settle with ``ledgers`` and ``out``.
        out: arrays to write the results into instead of allocating new ones, for settling the
            same claims again (another scenario, a benchmark repeat) without paying for fresh
            memory each call: a previous :class:`BatchResult` of the same claim count, or any
            mapping with, for every name in :data:`OUTPUTS`, a C-contiguous writeable int64
            array of one value per claim, and ``status`` likewise as int32. They are checked
            before anything is settled (TypeError / ValueError naming the column; no array may
            share memory with another or with an input) and are overwritten entirely, in the
            order the claims were given. When the claims had to be sorted, the C call writes
            into a scratch block and the values are then scattered into these arrays.
        outputs: the money columns to settle, names from :data:`OUTPUTS` (all by default);
            ``status`` always comes. The others are neither written nor in the result (nor
            needed in ``out``): asking only for what is needed saves their memory and the
            time to write it.
        close_years: a claim of a later year than its person's ledger first closes the
            ledger's years up to the claim's, each with the policy in force on its last day
            (``Ledger.close_year``), in the library, as the command's batch does; without it
            such a claim fails (``LedgerError``, ``ERR_LEDGER_YEAR``). Each person's ledger
            still opens in the year of their first claim.
        threads: settle in up to this many threads, the persons split between them (the C
            batch's ``threads`` option; the GIL is released throughout): the same results,
            ledgers and errors as one thread. Claims are split only when the call sorts them
            (``sort=True``, the default) or they come sorted, and in parts of at least 4,096
            claims.
    Returns:
        a :class:`BatchResult`; with ``out``, its columns are the very arrays given. Its
        ``errors`` DataFrame has each failed claim's row, code and message.
    Raises:
        TypeError, OverflowError, ValueError, KeyError: a column that is not what it must be
            (:mod:`medins.values`), before anything is settled.
    """
    if on_error not in ("raise", "status"):
        raise ValueError("on_error must be 'raise' or 'status'")
    threads = integer(threads, "threads", np.int32)
    if threads < 1:
        raise ValueError(f"threads must be 1 or more, not {threads}")
    names = _outputs(outputs)
    scheme = enum_codes(_required(persons, "persons", "scheme"), Scheme, "persons['scheme']")
    n = len(scheme)
    category = enum_codes(_required(persons, "persons", "category"), Category,
                          "persons['category']")
    tier = enum_codes(_column(persons, "tier", np.zeros(n, np.int32)), Tier, "persons['tier']")
    # No birth_date column: every birth date unknown (0), never a default date.
    birth = date_codes(_column(persons, "birth_date", np.zeros(n, np.int32)),
                       "persons['birth_date']")
    groups_col = _column(persons, "groups")
    groups = np.zeros(0, np.uint32) if groups_col is None else \
        _group_codes(groups_col, "persons['groups']")
    family_doctor = _int64(_column(persons, "family_doctor"), "persons['family_doctor']")
    fields = _person_fields(persons)

    person = column(_required(claims, "claims", "person"), "claims['person']", np.int32)
    m = len(person)
    # Checked before any other work, and long before the C call writes anything.
    out_cols = None if out is None else _out_columns(out, m, names)
    date = date_codes(_required(claims, "claims", "date"), "claims['date']")
    kind = enum_codes(_required(claims, "claims", "kind"), ClaimKind, "claims['kind']")
    level = enum_codes(_required(claims, "claims", "level"), Level, "claims['level']")
    institution = _int64(_column(claims, "institution"), "claims['institution']")
    total = _int64(_required(claims, "claims", "total"), "claims['total']", money=True)
    self_paid = _int64(_column(claims, "self_paid"), "claims['self_paid']", money=True)
    category_b = _int64(_column(claims, "category_b"), "claims['category_b']", money=True)
    attributes_col = _column(claims, "attributes")
    # An absent column goes to C empty, as the optional int64 columns do.
    attributes = np.zeros(0, np.uint32) if attributes_col is None else \
        column(attributes_col, "claims['attributes']", np.uint32)
    days_col = _column(claims, "days")
    days = np.zeros(0, np.uint32) if days_col is None else \
        column(days_col, "claims['days']", np.uint32)
    if m and (person.min() < 0 or person.max() >= n):
        raise IndexError("claims['person'] must index the persons rows")

    # The C batch needs claims by person then date. Data that already runs in that order (or
    # sort=False) goes through as given: no gather of the inputs, no scatter of the outputs.
    # claims_order checks the order and notes each person's first year in one pass.
    years = np.full(n, _dt.date.today().year, dtype=np.int32)
    ordered = _c.claims_order(person, date, years) == 1
    cols = (person, date, kind, level, institution, total, self_paid, category_b, attributes,
            days)
    if out_cols is not None:
        reads = [(f"claims[{k!r}]", a) for k, a in zip(
            ("person", "date", "kind", "level", "institution", "total", "self_paid",
             "category_b", "attributes", "days"), cols)]
        reads += [(f"persons[{k!r}]", a) for k, a in zip(
            ("scheme", "category", "tier", "birth_date", "groups", "family_doctor",
             *PERSON_FIELDS), (scheme, category, tier, birth, groups, family_doctor, *fields))]
        if ledgers is not None:
            reads.append(("the ledgers", ledgers._raw))
        _refuse_overlap(list(zip(names + ("status",), out_cols)), reads)
    order = None
    if sort and not ordered:
        order = np.lexsort((date, person))
        cols = tuple(a[order] if len(a) else a for a in cols)
        ordered = _c.claims_order(cols[0], cols[1], years) == 1

    given_ledgers = ledgers is not None
    if ledgers is None:
        # Each person's ledger opens in the year of their first claim (in the C order).
        if not ordered:
            first_person, first_idx = np.unique(person, return_index=True)
            years[first_person] = date[first_idx] // 10000
        _benefit_years(years, policy, region, cols[0], cols[1])
        ledgers = LedgerBlock(years)
    elif len(ledgers) != n:
        raise ValueError(f"{len(ledgers)} ledgers for {n} persons")

    # Without out: one block for the money outputs, made once; its rows are the result's
    # columns. The C batch writes every row (zeros for a failed claim, batch.h), so np.empty
    # suffices, and unlike np.zeros (calloc) it gets huge pages: first-touch faults on tens of
    # MB otherwise cost as much as the settlement itself.
    given_out = out_cols is not None
    if out_cols is None:
        out_cols = _new_columns(len(names), m)
    # With on_error="raise" the caller's ledgers and out arrays change only if every claim
    # settles. The ledgers of the persons with claims (the only ones the batch can change; a
    # continued block may hold many more) are kept, to be put back if a claim fails; the
    # outputs are written into scratch columns, copied into out after. With "status" (and for
    # the package's own ledgers and outputs) the batch writes in place.
    guard = on_error == "raise"
    if guard and given_ledgers:
        # A small batch against a large block costs what its persons' ledgers do.
        kept = np.empty(_c.person_runs(cols[0]) * _c.ledger_size(), dtype=np.uint8)
        _c.ledgers_keep(ledgers._raw, kept, cols[0], 0)
    # Sorted claims (and guarded out arrays) settle into a scratch block, copied or scattered
    # back into the given order after.
    direct = order is None and not (guard and given_out)
    dest = out_cols if direct else _new_columns(len(names), m)
    # The C call takes every money column in OUTPUTS' order: an empty one is not written.
    by_name = dict(zip(names, dest[:-1]))
    none = np.zeros(0, dtype=np.int64)
    c_out = [by_name.get(k, none) for k in OUTPUTS] + [dest[-1]]
    if isinstance(policy, PolicySet):
        pol, pset, reg = None, policy._c, region or _c.default_region()
    else:
        pol, pset, reg = policy._c, None, None
    errors = _c.BatchErrors()
    failed = _c.settle_arrays(pol, pset, reg, scheme, category, tier, birth, groups,
                              family_doctor, ledgers._raw, *cols, *c_out, *fields, errors,
                              bool(close_years), threads)
    failures = _failures(errors, order) if failed else []
    if failed and guard and given_out:
        # The figures of a batch that raises go into arrays of its own, never into out.
        out_cols = dest if order is None else _new_columns(len(names), m)
    if not direct and out_cols is not dest:
        for given, settled in zip(out_cols, dest):
            if order is None:
                given[...] = settled
            else:
                given[order] = settled

    result = BatchResult()
    for k, col in zip(names, out_cols[:-1]):
        result[k] = col
    result["status"] = out_cols[-1]
    result.failed = int(failed)
    result._failures = failures
    result.ledgers = ledgers
    if failed and guard:
        if given_ledgers:
            _c.ledgers_keep(ledgers._raw, kept, cols[0], 1)
            result.ledgers = None   # the batch's ledgers are gone: the caller's are as they were
        raise _batch_error(failures, result)
    return result


#: The person's fields of medins_person version 2, as optional columns of the batch's persons.
PERSON_FIELDS = ("retirement_date", "contribution_months", "sex", "cohorts")


def _person_fields(persons: Mapping[str, Any]) -> Tuple[np.ndarray, ...]:
    """The persons' columns of PERSON_FIELDS, each empty when absent: the field is then unknown
    for every person, and a claim whose rows read it fails with PersonError, as it would
    settled without it. Retirement dates as dates (missing: 0, none), months as ints (-1
    unknown), sexes as :class:`Sex` members, codes or words, cohorts as the policy's bits."""
    def read(name: str, parse: Any) -> np.ndarray:
        col = _column(persons, name)
        empty = np.zeros(0, np.uint32 if name == "cohorts" else np.int32)
        return empty if col is None else parse(col, f"persons[{name!r}]")
    return (read("retirement_date", date_codes),
            read("contribution_months", lambda c, w: column(c, w, np.int32)),
            read("sex", lambda c, w: enum_codes(c, Sex, w)),
            read("cohorts", lambda c, w: column(c, w, np.uint32)))


def _new_columns(k: int, m: int) -> List[np.ndarray]:
    """k money columns (rows of one block) and a status column, for m claims."""
    return [*np.empty((k, m), dtype=np.int64), np.empty(m, dtype=np.int32)]


# "claim 12" in a message, 12 being the claim's index in the C call (its id there).
_CLAIM_NUMBER = r"\bclaim {}\b"


def _failures(errors: Any, order: Optional[np.ndarray]) -> List[Tuple[int, int, str]]:
    """The failed claims as (row, code, message), by row. A message names a claim by its index
    in the C call; when the claims were sorted for it, that index becomes the row given."""
    rows = errors.rows()
    if order is not None:
        rows = sorted((int(order[i]), code,
                       re.sub(_CLAIM_NUMBER.format(i), f"claim {int(order[i])}", message, 1))
                      for i, code, message in rows)
    return rows


def _batch_error(failures: Sequence[Tuple[int, int, str]], results: BatchResult) -> BatchError:
    """The exception of a batch whose claims `failures` failed: the first one's, as settling
    it alone raises it, also a BatchError (its errors are the results')."""
    row, code, message = failures[0]
    return _batch_class(_class_for(code))(message, code, status=results["status"],
                                          results=results, row=row)
