"""A population's contributions, maternity payments and capitation settlements, each in one C
call (``medins/population.h``): numpy arrays or DataFrames in, the same out with the figures.

Each row gets exactly the figures the one-row call (:meth:`Policy.contribution`,
:meth:`Policy.maternity`, :meth:`Policy.capitation`) gives it: the library computes both with
one function. Columns are converted exactly or refused, as for :func:`settle_arrays`
(:mod:`medins.values`): enum columns take words or codes, dates any of the date forms, money
columns integer fen only.

A row that fails gets zeros and its status; with ``on_error="raise"`` (the default) the first
failed row's error is raised as the one-row call raises it, also as a :class:`BatchError`
carrying the results and every failed row's error (``errors``: row, code, status_name,
message, each the one-row call's).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from . import lowlevel as _c
from .batch import _column, _group_codes, _required, date_codes, enum_codes
from .core import DateLike, Policy, to_cdate
from .enums import (CapitationPeriod, Category, Delivery, Disease, EmployerType, Group, Level,
                    Scheme, Status, Tier)
from .errors import MedinsError, _batch_class, _class_for
from .values import column

__all__ = ["CONTRIBUTION_OUTPUTS", "MATERNITY_OUTPUTS", "CAPITATION_OUTPUTS", "PopulationResult",
           "contributions_arrays", "maternity_arrays", "capitation_arrays",
           "contributions_frame", "maternity_frame", "capitation_frame"]

#: Each output of the contributions, with its dtype (amounts in fen, yearly unless monthly).
CONTRIBUTION_OUTPUTS: Dict[str, Any] = {
    "individual": np.int64, "government": np.int64, "employer": np.int64, "total": np.int64,
    "subsidy": np.int64, "paying_tier": np.int32, "benefit_tier": np.int32,
    "group": np.uint32, "state_pays_all": np.int32, "wage_base": np.int64,
    "employer_rate": np.int32, "individual_rate": np.int32, "monthly_employer": np.int64,
    "monthly_individual": np.int64, "fixed_yearly": np.int64,
}
#: Each output of the maternity payments.
MATERNITY_OUTPUTS: Dict[str, Any] = {
    "delivery": np.int64, "prenatal_limit": np.int64, "prenatal": np.int64,
    "complication_ratio": np.int32, "complication": np.int64, "total": np.int64,
}
#: Each output of the capitation settlements.
CAPITATION_OUTPUTS: Dict[str, Any] = {
    "rate": np.int64, "period": np.int32, "patients": np.int32, "patient_days": np.int64,
    "budget": np.int64, "surplus": np.int64, "overrun": np.int64, "surplus_kept": np.int64,
    "overrun_fund": np.int64, "before_assessment": np.int64, "assessment": np.int32,
    "payment": np.int64,
}

# Output columns holding enum codes, and their enums: frames show them as words.
_WORDS = {"paying_tier": Tier, "benefit_tier": Tier, "period": CapitationPeriod}


class PopulationResult(dict):
    """The outputs of a population call: a dict of numpy arrays in the order the rows were
    given (amounts in fen), with ``status`` (0 or the row's negative status), ``failed`` and
    ``errors`` (a DataFrame: row, code, status_name, message)."""

    failed: int
    _failures: Sequence[Tuple[int, int, str]] = ()

    @property
    def errors(self) -> Any:
        """The failed rows as a DataFrame (row, code, status_name, message), each with the
        code and message of its one-row call; empty when every row succeeded."""
        from .batch import _errors_frame
        return _errors_frame(self._failures)

    def totals(self) -> Dict[str, int]:
        """The sum in fen of each money output over the rows (failed rows are zeros)."""
        return {k: int(v.sum()) for k, v in self.items()
                if k != "status" and v.dtype == np.int64}

    def __repr__(self) -> str:
        return f"<PopulationResult {len(self['status'])} rows, {self.failed} failed>"


def _persons(table: Mapping[str, Any], what: str) -> Tuple[int, Dict[str, np.ndarray]]:
    """The person columns of a mapping (scheme and category required), as C codes."""
    scheme = enum_codes(_required(table, what, "scheme"), Scheme, f"{what}['scheme']")
    n = len(scheme)
    cols = {"scheme": scheme,
            "category": enum_codes(_required(table, what, "category"), Category,
                                   f"{what}['category']")}
    tier = _column(table, "tier")
    if tier is not None:
        cols["tier"] = enum_codes(tier, Tier, f"{what}['tier']")
    birth = _column(table, "birth_date")
    if birth is not None:
        cols["birth_date"] = date_codes(birth, f"{what}['birth_date']")
    groups = _column(table, "groups")
    if groups is not None:
        cols["groups"] = _group_codes(groups, f"{what}['groups']")
    for k, v in cols.items():
        if len(v) != n:
            raise ValueError(f"{what}['{k}'] has {len(v)} rows, {what}['scheme'] {n}")
    return n, cols


def _money(table: Mapping[str, Any], what: str, name: str, required: bool = False) -> Any:
    values = _required(table, what, name) if required else _column(table, name)
    return None if values is None else column(values, f"{what}[{name!r}]", np.int64, True)


def _ints(table: Mapping[str, Any], what: str, name: str, required: bool = False,
          dtype: Any = np.int32) -> Any:
    values = _required(table, what, name) if required else _column(table, name)
    return None if values is None else column(values, f"{what}[{name!r}]", dtype)


def _outputs(spec: Mapping[str, Any], n: int) -> Dict[str, np.ndarray]:
    out = {k: np.empty(n, dtype=t) for k, t in spec.items()}
    out["status"] = np.empty(n, dtype=np.int32)
    return out


def _finish(out: Dict[str, np.ndarray], failed: int, one_row: Callable[[int], None],
            on_error: str, rows: str) -> PopulationResult:
    """The result; the failed rows' errors by the one-row call; raised when asked."""
    result = PopulationResult(out)
    result.failed = failed
    failures: List[Tuple[int, int, str]] = []
    for row in np.flatnonzero(out["status"]) if failed else ():
        try:
            one_row(int(row))
        except MedinsError as e:
            failures.append((int(row), e.code, e.message))
        else:   # cannot happen: the one-row call and the batch are one computation
            failures.append((int(row), int(out["status"][row]), "failed in the batch"))
    result._failures = failures
    if failed and on_error == "raise":
        row, code, message = failures[0]
        raise _batch_class(_class_for(code))(message, code, status=out["status"],
                                             results=result, row=row, rows=rows)
    return result


def _check_on_error(on_error: str) -> None:
    if on_error not in ("raise", "status"):
        raise ValueError("on_error must be 'raise' or 'status'")


def _c_person(cols: Mapping[str, np.ndarray], i: int) -> Any:
    """Row i of the person columns as the library's struct, the codes as they are (a code the
    Python enums refuse reaches the library, which refuses it as the batch did)."""
    p = _c.Person()
    p.scheme = int(cols["scheme"][i])
    p.category = int(cols["category"][i])
    p.tier = int(cols["tier"][i]) if "tier" in cols else 0
    p.birth_date = int(cols["birth_date"][i]) if "birth_date" in cols else 0
    p.groups = int(cols["groups"][i]) if "groups" in cols else 0
    # The columns carry no groups of the policy's: unknown, as in the population call.
    p.cohorts = _c.COHORTS_UNKNOWN
    return p


# ---- Contributions -------------------------------------------------------------------------

def contributions_arrays(policy: Policy, persons: Mapping[str, Any], *,
                         date: Optional[DateLike] = None,
                         on_error: str = "raise") -> PopulationResult:
    """Every person's yearly contribution in one call.

    Args:
        policy: the policy year.
        persons: columns ``scheme``, ``category`` and optionally ``tier``, ``birth_date``,
            ``groups``; for employees ``monthly_wage`` (fen; without it every employee's row
            fails, as :meth:`Policy.contribution` needs a wage) and optionally
            ``employer_type`` (default enterprise).
        date: a day of the policy year (default: the policy's first day).
        on_error: ``"raise"`` or ``"status"`` (see the module).
    Returns:
        a :class:`PopulationResult` with the outputs of :data:`CONTRIBUTION_OUTPUTS`.
    """
    _check_on_error(on_error)
    n, cols = _persons(persons, "persons")
    wage = _money(persons, "persons", "monthly_wage")
    if wage is not None:
        cols["monthly_wage"] = wage
    employer = _column(persons, "employer_type")
    if employer is not None:
        cols["employer_type"] = enum_codes(employer, EmployerType, "persons['employer_type']")
    day = to_cdate(date if date is not None else policy.effective_from, "date")
    out = _outputs(CONTRIBUTION_OUTPUTS, n)
    failed = _c.contribution_batch(policy._c, day, n, cols, out)

    def one_row(i: int) -> None:
        employee = None
        if wage is not None:
            employee = _c.EmployeeInput()
            employee.monthly_wage = int(wage[i])
            if "employer_type" in cols:
                employee.employer_type = int(cols["employer_type"][i])
        policy._c.contribution(_c_person(cols, i), day, employee)
    return _finish(out, failed, one_row, on_error, "person")


# ---- Maternity -----------------------------------------------------------------------------

def maternity_arrays(policy: Policy, deliveries: Mapping[str, Any], *,
                     on_error: str = "raise") -> PopulationResult:
    """Every delivery's maternity payment in one call.

    Args:
        policy: the policy the deliveries are paid under.
        deliveries: columns of the mothers (``scheme``, ``category``, optionally ``tier``,
            ``birth_date``, ``groups``) and of the deliveries: ``date``, ``delivery``,
            ``weeks``, ``child_order`` and optionally ``prenatal_costs``,
            ``complication_costs`` (fen).
        on_error: ``"raise"`` or ``"status"``.
    Returns:
        a :class:`PopulationResult` with the outputs of :data:`MATERNITY_OUTPUTS`.
    """
    _check_on_error(on_error)
    what = "deliveries"
    n, cols = _persons(deliveries, what)
    cols["date"] = date_codes(_required(deliveries, what, "date"), f"{what}['date']")
    cols["delivery"] = enum_codes(_required(deliveries, what, "delivery"), Delivery,
                                  f"{what}['delivery']")
    cols["weeks"] = _ints(deliveries, what, "weeks", True)
    cols["child_order"] = _ints(deliveries, what, "child_order", True)
    for k in ("prenatal_costs", "complication_costs"):
        v = _money(deliveries, what, k)
        if v is not None:
            cols[k] = v
    out = _outputs(MATERNITY_OUTPUTS, n)
    failed = _c.maternity_batch(policy._c, n, cols, out)

    def one_row(i: int) -> None:
        m = _c.MaternityInput()
        m.delivery = int(cols["delivery"][i])
        m.weeks = int(cols["weeks"][i])
        m.child_order = int(cols["child_order"][i])
        for k in ("prenatal_costs", "complication_costs"):
            setattr(m, k, int(cols[k][i]) if k in cols else 0)
        policy._c.maternity(_c_person(cols, i), int(cols["date"][i]), m)
    return _finish(out, failed, one_row, on_error, "delivery")


# ---- Capitation ----------------------------------------------------------------------------

def capitation_arrays(policy: Policy, institutions: Mapping[str, Any],
                      enrolments: Mapping[str, Any], *, on_error: str = "raise",
                      sort: bool = True) -> PopulationResult:
    """Every institution's per-head settlement for its period, in one call.

    Args:
        policy: the policy in force over every period.
        institutions: one row per institution and period: ``level``, ``disease``, ``from``,
            ``to`` (the period's first and last day), ``actual_costs`` (fen) and optionally
            ``institution`` (an id), ``assessment`` (basis points, default 10000).
        enrolments: one row per enrolment: ``row`` (the index of its row in
            ``institutions``), ``patient``, ``from`` and optionally ``to`` (none: still
            enrolled).
        on_error: ``"raise"`` or ``"status"``.
        sort: put the enrolments in row order for the C call (which needs each row's
            enrolments together); their order within a row is kept.
    Returns:
        a :class:`PopulationResult` with the outputs of :data:`CAPITATION_OUTPUTS`.
    """
    _check_on_error(on_error)
    what = "institutions"
    cols: Dict[str, Any] = {
        "level": enum_codes(_required(institutions, what, "level"), Level, f"{what}['level']"),
        "disease": enum_codes(_required(institutions, what, "disease"), Disease,
                              f"{what}['disease']"),
        "from": date_codes(_required(institutions, what, "from"), f"{what}['from']"),
        "to": date_codes(_required(institutions, what, "to"), f"{what}['to']"),
        "actual_costs": _money(institutions, what, "actual_costs", True),
    }
    n = len(cols["level"])
    ids = _ints(institutions, what, "institution", dtype=np.int64)
    if ids is not None:
        cols["institution"] = ids
    score = _ints(institutions, what, "assessment")
    if score is not None:
        cols["assessment"] = score
    rows = _ints(enrolments, "enrolments", "row", True)
    m = len(rows)
    ecols = {"enrolment_row": rows,
             "patient": _ints(enrolments, "enrolments", "patient", True, np.int64),
             "enrolled_from": date_codes(_required(enrolments, "enrolments", "from"),
                                         "enrolments['from']")}
    until = _column(enrolments, "to")
    if until is not None:
        ecols["enrolled_to"] = date_codes(until, "enrolments['to']")
    if m and (rows.min() < 0 or rows.max() >= n):
        raise IndexError("enrolments['row'] must index the institutions rows")
    if sort and m and (np.diff(rows) < 0).any():
        order = np.argsort(rows, kind="stable")
        ecols = {k: v[order] for k, v in ecols.items()}
    cols.update(ecols)
    out = _outputs(CAPITATION_OUTPUTS, n)
    failed = _c.capitation_batch(policy._c, n, m, cols, out)

    def one_row(i: int) -> None:
        ci = _c.CapitationInput()
        ci.institution = int(ids[i]) if ids is not None else 0
        ci.level = int(cols["level"][i])
        ci.disease = int(cols["disease"][i])
        ci.from_date = int(cols["from"][i])
        ci.to_date = int(cols["to"][i])
        ci.actual_costs = int(cols["actual_costs"][i])
        ci.assessment = int(score[i]) if score is not None else 10000
        listed = _c.Enrolments()
        to = cols.get("enrolled_to")
        for k in np.flatnonzero(cols["enrolment_row"] == i):
            listed.add(int(cols["patient"][k]), int(cols["enrolled_from"][k]),
                       int(to[k]) if to is not None else 0)
        policy._c.capitation(ci, listed)
    return _finish(out, failed, one_row, on_error, "institution")


# ---- DataFrames ----------------------------------------------------------------------------

def _frame(given: Any, res: PopulationResult, spec: Mapping[str, Any],
           prefix: str = "") -> Any:
    """``given`` with the result's columns added (enum codes as words), ``status_name``, and
    ``attrs["errors"]`` keyed by the frame's index labels."""
    import pandas as pd
    from .batch import _errors_frame
    out = given.copy()
    for k in spec:
        v = res[k]
        if k in _WORDS:
            words = {int(m): m.word for m in _WORDS[k]}
            v = pd.Series(v, index=out.index).map(words)
        elif k == "group":
            v = pd.Series(v, index=out.index).map({int(g): Group(int(g)).word
                                                   for g in np.unique(v)})
        out[prefix + k] = v
    out[prefix + "status"] = res["status"]
    out[prefix + "status_name"] = pd.Series(res["status"], index=out.index).map(
        {int(s): s.name for s in Status})
    out.attrs["errors"] = _errors_frame([(given.index[r], c, m) for r, c, m in res._failures])
    return out


def _reraise_with_frame(e: Exception, given: Any, spec: Mapping[str, Any],
                        prefix: str = "") -> None:
    e.row = given.index[e.row]
    e.results = _frame(given, e.results, spec, prefix)
    e.errors = e.results.attrs["errors"]


def contributions_frame(persons: Any, *, policy: Policy, date: Optional[DateLike] = None,
                        on_error: str = "raise") -> Any:
    """:func:`contributions_arrays` over a DataFrame of persons (one row each, the columns it
    names): the frame is returned with the outputs added (tiers as words), ``status`` and
    ``status_name``; any other column (a ``weight``) is carried through."""
    from .errors import BatchError
    try:
        res = contributions_arrays(policy, {c: persons[c].to_numpy() for c in persons.columns},
                                   date=date, on_error=on_error)
    except BatchError as e:
        _reraise_with_frame(e, persons, CONTRIBUTION_OUTPUTS)
        raise
    return _frame(persons, res, CONTRIBUTION_OUTPUTS)


def _with_persons(frame: Any, persons: Any, person_key: str, names: Sequence[str]) -> Any:
    """``frame`` with the person columns it lacks taken from ``persons`` by ``person_key``."""
    if persons is None:
        return frame
    if person_key in persons.columns:
        persons = persons.set_index(person_key)
    index = persons.index.get_indexer(frame[person_key])
    if (index < 0).any():
        raise KeyError(f"row for unknown person {frame[person_key][index < 0].iloc[0]!r}")
    frame = frame.copy()
    for c in names:
        if c in persons.columns and c not in frame.columns:
            frame[c] = persons[c].to_numpy()[index]
    return frame


_PERSON_COLUMNS = ("scheme", "category", "tier", "birth_date", "groups", "weight")


def maternity_frame(deliveries: Any, persons: Any = None, *, policy: Policy,
                    person_key: str = "person", on_error: str = "raise") -> Any:
    """:func:`maternity_arrays` over a DataFrame of deliveries; the mothers' columns come from
    ``persons`` by ``person_key`` (a ``weight`` too) when the deliveries lack them. The
    payment's columns are added with a ``maternity_`` prefix (``maternity_total``...)."""
    from .errors import BatchError
    frame = _with_persons(deliveries, persons, person_key, _PERSON_COLUMNS)
    try:
        res = maternity_arrays(policy, {c: frame[c].to_numpy() for c in frame.columns},
                               on_error=on_error)
    except BatchError as e:
        _reraise_with_frame(e, frame, MATERNITY_OUTPUTS, "maternity_")
        raise
    return _frame(frame, res, MATERNITY_OUTPUTS, "maternity_")


def capitation_frame(institutions: Any, enrolments: Any, *, policy: Policy,
                     institution_key: str = "institution", on_error: str = "raise") -> Any:
    """:func:`capitation_arrays` over DataFrames: ``enrolments`` name their institution's row
    by ``institution_key`` (a column of both frames; the institutions' values must be
    unique). The institutions frame is returned with the settlement's columns added."""
    from .errors import BatchError
    keys = institutions[institution_key]
    if keys.duplicated().any():
        raise ValueError(f"institutions[{institution_key!r}] holds "
                         f"{keys[keys.duplicated()].iloc[0]!r} twice")
    rows = keys.reset_index(drop=True).pipe(lambda s: dict(zip(s, s.index)))
    try:
        row = enrolments[institution_key].map(rows)
    except KeyError:
        raise KeyError(f"enrolments has no {institution_key!r} column") from None
    if row.isna().any():
        raise KeyError(f"enrolment of unknown institution "
                       f"{enrolments[institution_key][row.isna()].iloc[0]!r}")
    ecols = {c: enrolments[c].to_numpy() for c in ("patient", "from", "to")
             if c in enrolments.columns}
    ecols["row"] = row.to_numpy(dtype=np.int64)
    icols = {c: institutions[c].to_numpy() for c in institutions.columns}
    try:
        res = capitation_arrays(policy, icols, ecols, on_error=on_error)
    except BatchError as e:
        _reraise_with_frame(e, institutions, CAPITATION_OUTPUTS)
        raise
    return _frame(institutions, res, CAPITATION_OUTPUTS)
