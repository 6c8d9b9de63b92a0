"""The object layer: policies, persons, claims, ledgers and explained results.

Amounts are integers in fen (1 yuan = 100 fen), ratios integers in basis points
(10000 = 100%), dates :class:`datetime.date` (the C library's YYYYMMDD integers are converted at
the boundary; an int ``20230115`` or a string ``"2023-01-15"`` is accepted too).
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field, fields
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import lowlevel as _c
from .enums import (Category, ClaimKind, Group, Level, Part, Pool, ResultKind, Scheme, Section,
                    Tier, EmployerType, Delivery, Disease, CapitationPeriod)
from .errors import MedinsError

__all__ = [
    "DateLike", "to_cdate", "from_cdate", "yuan", "fen", "ratio_text", "ratio",
    "Person", "Claim", "Ledger", "Policy", "PolicySet", "LoadOptions", "Source", "PolicyValue",
    "Line", "Result", "Settlement", "load_policy", "load_policy_string", "embedded",
    "default_policy", "settle", "version",
]

DateLike = Union[_dt.date, int, str]


# ---- Dates and money ---------------------------------------------------------------------

def to_cdate(value: Optional[DateLike]) -> int:
    """A date as the C library's YYYYMMDD integer (``None`` -> 0, "none")."""
    if value is None:
        return 0
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, str):
        text = value.strip()
        if "-" in text:
            return to_cdate(_dt.date.fromisoformat(text))
        return int(text)
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        return to_cdate(value.to_pydatetime())
    return int(value)


def from_cdate(value: int) -> Optional[_dt.date]:
    """A YYYYMMDD integer as a :class:`datetime.date` (0 -> ``None``)."""
    value = int(value)
    if value == 0:
        return None
    return _dt.date(value // 10000, value // 100 % 100, value % 100)


def yuan(amount_fen: int) -> str:
    """Fen as yuan text with two decimals: ``yuan(110050) == "1100.50"``."""
    return _c.money_text(int(amount_fen))


def fen(text: Union[str, int]) -> int:
    """Yuan text as fen: ``fen("1100.5") == 110050``. Grouping, exponents etc. are refused."""
    if isinstance(text, int):
        return text * 100
    return _c.money_parse(str(text))


def ratio_text(bp: int) -> str:
    """Basis points as a percentage: ``ratio_text(5500) == "55%"``."""
    return _c.ratio_text(int(bp))


def ratio(text: str) -> int:
    """A percentage as basis points: ``ratio("2.5%") == 250``."""
    return _c.ratio_parse(text)


def version() -> str:
    """The C library's version at run time."""
    return _c.version()


def _require(func: str, **args: Any) -> None:
    """Raise a TypeError naming the first of ``args`` (name=(value, class or classes)) that is
    not an instance of its class: what a wrong argument gets instead of an AttributeError from
    inside the call."""
    for name, (value, cls) in args.items():
        if not isinstance(value, cls):
            want = " or ".join("None" if c is type(None) else f"medins.{c.__name__}"
                               for c in (cls if isinstance(cls, tuple) else (cls,)))
            raise TypeError(f"{func}: {name} must be {want}, not {type(value).__name__}") from None


# ---- Persons and claims ------------------------------------------------------------------

@dataclass
class Person:
    """An insured person.

    Args:
        scheme: Scheme (or ``"employee"``/``"resident"``).
        category: Category (``"in_service"``, ``"retired"``, ``"adult"``, ``"student_child"``).
        tier: residents' tier paid for (``"low"``, ``"middle"``, ``"high"``); employees NONE.
        birth_date: needed for age bands (retirees' deductibles).
        groups: special groups (``Group.DIBAO | Group.DISABLED``, ``"dibao+disabled"``).
        family_doctor: institution id of the family-doctor contract, 0 for none.
    """

    scheme: Scheme = Scheme.EMPLOYEE
    category: Category = Category.IN_SERVICE
    tier: Tier = Tier.NONE
    birth_date: Optional[_dt.date] = None
    groups: Group = Group(0)
    family_doctor: int = 0

    def __post_init__(self) -> None:
        self.scheme = Scheme.parse(self.scheme)
        self.category = Category.parse(self.category)
        self.tier = Tier.parse(self.tier)
        self.groups = Group.parse(self.groups)
        self.birth_date = from_cdate(to_cdate(self.birth_date)) if self.birth_date else None
        self.family_doctor = int(self.family_doctor)

    # The C struct as bytes, made on first settlement and kept until a field changes: a person
    # usually settles many claims, and packing costs more than the settlement itself.
    _packed = None

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name != "_packed":
            object.__setattr__(self, "_packed", None)

    def __getstate__(self) -> Dict[str, Any]:
        # The packed struct is this process's C layout: never pickled.
        state = dict(self.__dict__)
        state.pop("_packed", None)
        return state

    def _pack(self) -> bytes:
        packed = self._packed
        if packed is None:
            packed = _c.person_pack(self)
            object.__setattr__(self, "_packed", packed)
        return packed

    @classmethod
    def employee(cls, *, retired: bool = False, birth_date: Optional[DateLike] = None,
                 **kw: Any) -> "Person":
        """An employee in service (or retired)."""
        return cls(Scheme.EMPLOYEE, Category.RETIRED if retired else Category.IN_SERVICE,
                   Tier.NONE, birth_date, **kw)

    @classmethod
    def resident(cls, *, tier: Union[Tier, str] = Tier.LOW, child: bool = False,
                 birth_date: Optional[DateLike] = None, **kw: Any) -> "Person":
        """A resident (adult or student/child) at a contribution tier."""
        return cls(Scheme.RESIDENT, Category.STUDENT_CHILD if child else Category.ADULT,
                   tier, birth_date, **kw)

    def _to_c(self) -> Any:
        p = _c.Person()
        p.scheme = int(self.scheme)
        p.category = int(self.category)
        p.tier = int(self.tier)
        p.birth_date = to_cdate(self.birth_date)
        p.groups = int(self.groups)
        p.family_doctor = self.family_doctor
        return p

    def age_on(self, date: DateLike) -> Optional[int]:
        """Age in whole years on ``date``; ``None`` without a birth date."""
        if self.birth_date is None:
            return None
        age = _c.age_on(to_cdate(self.birth_date), to_cdate(date))
        return None if age < 0 else age


@dataclass
class Claim:
    """A medical bill to settle. Amounts in fen.

    Args:
        date: settlement date (discharge or visit).
        kind: ClaimKind (``"inpatient"``, ``"outpatient"``...).
        level: Level (``"l3"``, ``"primary"``...).
        total: total cost.
        self_paid: fully self-paid items outside the catalogue (自费).
        category_b: category-B first self-pay (乙类先行自付).
        institution: institution id (0 unknown).
        id: your identifier, echoed in results.
    """

    date: Optional[_dt.date] = None
    kind: ClaimKind = ClaimKind.OUTPATIENT
    level: Level = Level.L1
    total: int = 0
    self_paid: int = 0
    category_b: int = 0
    institution: int = 0
    id: int = 0

    def __post_init__(self) -> None:
        self.kind = ClaimKind.parse(self.kind)
        self.level = Level.parse(self.level)
        self.date = from_cdate(to_cdate(self.date)) if self.date else None
        for name in ("total", "self_paid", "category_b", "institution", "id"):
            setattr(self, name, int(getattr(self, name)))

    def _to_c(self) -> Any:
        c = _c.Claim()
        c.id = self.id
        c.date = to_cdate(self.date)
        c.kind = int(self.kind)
        c.level = int(self.level)
        c.institution = self.institution
        c.total = self.total
        c.self_paid = self.self_paid
        c.category_b = self.category_b
        return c


# ---- Ledgers -----------------------------------------------------------------------------

_LEDGER_SCALARS = ("year", "last_date", "seq", "admissions", "outpatient_costs", "major_base",
                   "major_fund", "assist_base", "assist_fund", "account_balance", "account_paid",
                   "carry_over", "thrifty_years", "prior_known", "prior_outpatient_costs")
_LEDGER_POOLS = ("deductible", "position", "fund")


class Ledger:
    """A member's running totals for one calendar year.

    Settlements read and update it; :meth:`close_year` makes next year's opening ledger;
    :meth:`to_text`/:meth:`from_text` store and restore it exactly. The per-pool totals
    (``deductible``, ``position``, ``fund``) are dicts keyed by :class:`Pool`.
    """

    __slots__ = ("_c",)

    def __init__(self, year: int = None, *, _handle: Any = None) -> None:
        if _handle is not None:
            self._c = _handle
        else:
            if year is None:
                year = _dt.date.today().year
            self._c = _c.Ledger(int(year))

    def __getattr__(self, name: str) -> Any:
        if name in _LEDGER_SCALARS:
            v = getattr(self._c, name)
            return from_cdate(v) if name == "last_date" else v
        if name in _LEDGER_POOLS:
            getter = getattr(self._c, "get_" + name)
            return {p: getter(int(p)) for p in Pool}
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_c":
            object.__setattr__(self, name, value)
        elif name in _LEDGER_SCALARS:
            setattr(self._c, name, to_cdate(value) if name == "last_date" else int(value))
        elif name in _LEDGER_POOLS:
            setter = getattr(self._c, "set_" + name)
            for pool, amount in dict(value).items():
                setter(int(Pool.parse(pool)), int(amount))
        else:
            raise AttributeError(f"Ledger has no field {name!r}")

    def copy(self) -> "Ledger":
        """An independent copy."""
        return Ledger(_handle=self._c.copy())

    def to_dict(self) -> Dict[str, Any]:
        """Every field; pools as ``{"outpatient": .., "pooling": .., "inpatient": ..}``."""
        out: Dict[str, Any] = {n: getattr(self, n) for n in _LEDGER_SCALARS}
        for n in _LEDGER_POOLS:
            out[n] = {p.name.lower(): v for p, v in getattr(self, n).items()}
        return out

    def to_text(self) -> str:
        """The versioned ``key=value`` text of the C library."""
        return self._c.to_text()

    @classmethod
    def from_text(cls, text: str) -> "Ledger":
        """Parse text written by :meth:`to_text`; raises :class:`LedgerError`."""
        return cls(_handle=_c.Ledger.from_text(text))

    def check(self) -> None:
        """Raise :class:`LedgerError` when the ledger is inconsistent."""
        self._c.check()

    def close_year(self, policy: "Policy", person: Person) -> "Ledger":
        """Next year's opening ledger under ``policy`` for ``person`` (this one is unchanged)."""
        _require("Ledger.close_year", policy=(policy, Policy), person=(person, Person))
        return Ledger(_handle=self._c.close_year(policy._c, person._to_c()))

    def reverse(self, result: "Result") -> None:
        """Undo ``result``, which must be this ledger's most recent settlement."""
        self._c.reverse(result._c)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ledger) and self.to_text() == other.to_text()

    def __repr__(self) -> str:
        fund = getattr(self, "fund")
        return (f"Ledger(year={self.year}, seq={self.seq}, last_date={self.last_date}, "
                f"fund={{{', '.join(f'{p.name.lower()}: {yuan(v)}' for p, v in fund.items())}}}, "
                f"carry_over={yuan(self.carry_over)})")

    def __reduce__(self):
        return (Ledger.from_text, (self.to_text(),))


# ---- Policy contents -----------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A source document a policy cites."""

    id: str
    title: str
    number: str
    issuer: str
    date: str
    kind: str
    file: Optional[str]
    line: int

    @classmethod
    def _from_c(cls, s: Any) -> "Source":
        return cls(s.id, s.title, s.number or "", s.issuer or "", s.date or "", s.kind,
                   s.file, s.line)


@dataclass(frozen=True)
class PolicyValue:
    """A value of a policy: where it is written and what it cites (or why it is assumed).
    ``third_party`` is true when the source cited is a public page or guide, not an official
    text."""

    path: str
    text: str
    source: Optional[str]
    at: str
    assumed: bool
    file: Optional[str]
    line: int
    column: int
    third_party: bool = False

    @classmethod
    def _from_c(cls, v: Any) -> "PolicyValue":
        return cls(v.path, v.text, v.source, v.at or "", bool(v.assumed), v.file, v.line,
                   v.column, bool(v.third_party))

    def __str__(self) -> str:
        why = (f"assumed: {self.at}" if self.assumed else
               f"third-party {self.source}: {self.at}" if self.third_party else
               f"{self.source}: {self.at}")
        return f"{self.path} = {self.text}  ({why}; {self.file}:{self.line})"


@dataclass(frozen=True)
class Line:
    """One explanation line of a result: which rule, on what amount, at what ratio, citing what."""

    part: Part
    amount: int
    base: int
    ratio: int
    rule: str
    text: str
    source: Optional[str]
    citation: str
    file: Optional[str]
    line: int
    column: int
    assumed: bool

    def __str__(self) -> str:
        where = f" [{self.file}:{self.line}]" if self.file else ""
        cite = f" ({self.citation})" if self.citation else ""
        return f"{yuan(self.amount):>12}  {self.text}{cite}{where}"


_SETTLEMENT_FIELDS = ("claim_id", "total", "self_paid", "category_b", "in_scope", "deductible",
                      "fund", "coinsurance", "over_cap", "major_disease", "assistance", "patient",
                      "account", "cash", "ratio", "admission", "assumed")


_PARTS = {int(p): p for p in Part}


def _lines(handle: Any, policy: "Policy") -> List[Line]:
    """The lines of a result, from result_lines()' tuples. Line is a frozen dataclass: each
    instance gets its attribute dict whole, written as a display (twice as fast as
    dict(zip(...)) and a dozen object.__setattr__ calls)."""
    new, set_dict, parts = object.__new__, object.__setattr__, _PARTS
    out = []
    for part, amount, base, ratio, rule, text, source, citation, file, line, column, assumed \
            in _c.result_lines(handle, policy._strings):
        ln = new(Line)
        set_dict(ln, "__dict__", {
            "part": parts.get(part, part), "amount": amount, "base": base, "ratio": ratio,
            "rule": rule, "text": text, "source": source, "citation": citation, "file": file,
            "line": line, "column": column, "assumed": assumed})
        out.append(ln)
    return out


def _assumed(handle: Any, count: int) -> List[PolicyValue]:
    # The flat function: settle_one's handles are bare pointer objects, without methods.
    return [PolicyValue._from_c(_result_assumed(handle, i)) for i in range(count)]


def _third_party(handle: Any) -> List[PolicyValue]:
    return [PolicyValue._from_c(_result_third_party(handle, i))
            for i in range(_result_third_party_count(handle))]


class Result:
    """An explained result: figures, explanation lines and the assumed values used.

    Subclasses add figures as attributes (:class:`Settlement`). ``lines`` is a list of
    :class:`Line`; ``assumed_values`` and ``third_party_values`` (the values used whose source
    is a public page or guide, not an official text) are lists of :class:`PolicyValue`;
    :meth:`explain` prints them.
    """

    def __init__(self, handle: Any, policy: "Policy") -> None:
        self._c = handle
        self._policy = policy  # the result borrows strings from its policy
        self.kind = ResultKind(handle.kind())
        self.policy_id: str = handle.policy_id()
        self.lines: List[Line] = _lines(handle, policy)
        self.assumed_values: List[PolicyValue] = _assumed(handle, handle.assumed_count())
        self.third_party_values: List[PolicyValue] = _third_party(handle)
        self.uses_assumed: bool = bool(handle.uses_assumed())

    @staticmethod
    def _wrap(handle: Any, policy: "Policy") -> "Result":
        kind = handle.kind()
        if kind == _c.RESULT_SETTLEMENT:
            return Settlement(handle, policy)
        figures = {_c.RESULT_CONTRIBUTION: handle.contribution,
                   _c.RESULT_ACCOUNT: handle.account,
                   _c.RESULT_MATERNITY: handle.maternity,
                   _c.RESULT_CAPITATION: handle.capitation}.get(kind)
        return FiguresResult(handle, policy, figures() if figures else None)

    def explain(self) -> str:
        """The explanation as text: one line per part, then the assumed values used and the
        third-party ones."""
        out = [f"{self.kind.name.lower()} under {self.policy_id}"]
        out += [str(ln) for ln in self.lines]
        if self.assumed_values:
            out.append("assumed values used:")
            out += [f"  {v}" for v in self.assumed_values]
        if self.third_party_values:
            out.append("third-party values used:")
            out += [f"  {v}" for v in self.third_party_values]
        return "\n".join(out)

    def lines_frame(self):
        """The explanation lines as a pandas DataFrame."""
        import pandas as pd
        return pd.DataFrame([{f.name: getattr(ln, f.name) for f in fields(Line)}
                             for ln in self.lines])


class FiguresResult(Result):
    """A contribution, account, maternity or capitation result: its figures as attributes."""

    def __init__(self, handle: Any, policy: "Policy", figures: Any) -> None:
        super().__init__(handle, policy)
        self.figures: Dict[str, Any] = {}
        if figures is not None:
            for name in dir(figures):
                if name.startswith("_") or name in ("this", "thisown"):
                    continue
                value = getattr(figures, name)
                if isinstance(value, int):
                    self.figures[name] = value
        for k, v in self.figures.items():
            setattr(self, k, v)

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v}" for k, v in self.figures.items())
        return f"<{self.kind.name.title()}Result {self.policy_id}: {items}>"


_SETTLEMENT_KIND = ResultKind(_c.RESULT_SETTLEMENT)


class Settlement(Result):
    """The settlement of one claim. Amounts in fen.

    ``total == fund + major_disease + assistance + patient``; ``patient == account + cash``.
    """

    claim_id: int
    total: int
    self_paid: int
    category_b: int
    in_scope: int
    deductible: int
    fund: int
    coinsurance: int
    over_cap: int
    major_disease: int
    assistance: int
    patient: int
    account: int
    cash: int
    ratio: int
    admission: int
    assumed: int

    def __init__(self, handle: Any, policy: "Policy") -> None:
        super().__init__(handle, policy)
        s = handle.settlement()
        for name in _SETTLEMENT_FIELDS:
            setattr(self, name, getattr(s, name))

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute the instance does not have: a settlement from
        # Policy.settle makes its assumed values on first access (and keeps them), so that a
        # claim settled without anyone reading them does not pay for the list.
        if name == "assumed_values":
            d = self.__dict__
            keys = d.get("_assumed_keys")
            if keys is not None:
                values = d["assumed_values"] = d["_policy"]._assumed(d["_c"], keys)
                return values
        if name == "third_party_values" and "_c" in self.__dict__:
            values = self.__dict__["third_party_values"] = _third_party(self.__dict__["_c"])
            return values
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def to_dict(self) -> Dict[str, int]:
        """The figures as a dict (fen)."""
        return {n: getattr(self, n) for n in _SETTLEMENT_FIELDS}

    def __repr__(self) -> str:
        return (f"<Settlement {self.policy_id} claim {self.claim_id}: total {yuan(self.total)}"
                f" = fund {yuan(self.fund)} + major disease {yuan(self.major_disease)}"
                f" + assistance {yuan(self.assistance)} + patient {yuan(self.patient)}"
                f"{' (uses assumed values)' if self.uses_assumed else ''}>")

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{n}</td><td style='text-align:right'>{yuan(getattr(self, n))}"
                       f"</td></tr>" for n in ("total", "self_paid", "category_b", "deductible",
                                               "coinsurance", "over_cap", "fund",
                                               "major_disease", "assistance", "patient"))
        lines = "".join(f"<tr><td>{ln.part.name.lower() if isinstance(ln.part, Part) else ln.part}"
                        f"</td><td style='text-align:right'>{yuan(ln.amount)}</td>"
                        f"<td>{_html(ln.text)}</td><td>{_html(ln.citation)}</td></tr>"
                        for ln in self.lines)
        assumed = "".join(f"<li>{_html(str(v))}</li>" for v in self.assumed_values)
        return (f"<b>Settlement under {self.policy_id}</b> (yuan)<table>{rows}</table>"
                + (f"<table><tr><th>part</th><th>amount</th><th>rule</th><th>source</th></tr>"
                   f"{lines}</table>" if lines else "")
                + (f"<p>Assumed values used:</p><ul>{assumed}</ul>" if assumed else ""))


def _html(text: Optional[str]) -> str:
    import html
    return html.escape(text or "")


# ---- Policies ------------------------------------------------------------------------------

class LoadOptions:
    """Limits applied while reading YAML (defaults: 4 MiB, depth 64, 200000 nodes, no aliases)."""

    def __init__(self, *, max_file_size: Optional[int] = None, max_depth: Optional[int] = None,
                 max_nodes: Optional[int] = None, max_aliases: Optional[int] = None) -> None:
        self._c = _c.LoadOptions()
        for name, value in (("max_file_size", max_file_size), ("max_depth", max_depth),
                            ("max_nodes", max_nodes), ("max_aliases", max_aliases)):
            if value is not None:
                setattr(self._c, name, int(value))

    def __repr__(self) -> str:
        return (f"LoadOptions(max_file_size={self._c.max_file_size}, max_depth={self._c.max_depth}"
                f", max_nodes={self._c.max_nodes}, max_aliases={self._c.max_aliases})")


def _opts(options: Optional[LoadOptions]) -> Any:
    return options._c if options is not None else None


_NO_LINES = _c.SETTLE_NO_LINES
# The extension's function itself, not SWIG's Python shim around it: one call less per claim.
_settle_one = getattr(_c, "_lowlevel", _c).settle_one
_new_object = object.__new__
_result_assumed = getattr(_c, "_lowlevel", _c).Result_assumed
_result_third_party = getattr(_c, "_lowlevel", _c).Result_third_party
_result_third_party_count = getattr(_c, "_lowlevel", _c).Result_third_party_count


def _fresh_ledger(claim: Claim) -> Ledger:
    """The ledger a claim settled without one starts from: empty, in the claim's year."""
    return Ledger(claim.date.year if claim.date else _dt.date.today().year)


class Policy:
    """One policy year (or reform), immutable, shareable between threads.

    Obtain one with :func:`load_policy`, :func:`default_policy`, :meth:`PolicySet.lookup` or
    :meth:`derive`.
    """

    def __init__(self, handle: Any, owner: Any = None) -> None:
        self._c = handle
        self._owner = owner  # the set a borrowed policy lives in
        # The PolicyValue objects of each set of value records (by address) that a result used:
        # the records and the frozen PolicyValue objects never change while the policy lives.
        self._values: Dict[Sequence[int], Sequence[PolicyValue]] = {}
        # The strings of its results' lines other than the texts (rule, source, citation,
        # file), by address: they belong to the policy or the library, so each is decoded once.
        self._strings: Dict[int, str] = {}
        # The attributes every Settlement from this policy shares (see settle).
        self._settlement_constants = {"kind": _SETTLEMENT_KIND, "policy_id": handle.id()}

    def _assumed(self, handle: Any, keys: Sequence[int]) -> List[PolicyValue]:
        values = self._values.get(keys)
        if values is None:
            values = self._values[keys] = tuple(_assumed(handle, len(keys)))
        return list(values)

    @property
    def id(self) -> str:
        """``"tianjin/2023"``."""
        return self._c.id()

    @property
    def region(self) -> str:
        """The region (``"tianjin"``)."""
        return self._c.region()

    @property
    def title(self) -> str:
        """The human-readable title."""
        return self._c.title()

    @property
    def effective_from(self) -> Optional[_dt.date]:
        """First day in force."""
        return from_cdate(self._c.effective_from())

    @property
    def effective_to(self) -> Optional[_dt.date]:
        """Last day in force, ``None`` when open-ended."""
        return from_cdate(self._c.effective_to())

    def in_force(self, date: DateLike) -> bool:
        """True when the policy is in force on ``date``."""
        return bool(self._c.in_force(to_cdate(date)))

    def has_section(self, section: Union[Section, str]) -> bool:
        """True when the policy has ``section`` (a Section or its word, ``"inpatient"``)."""
        return bool(self._c.has_section(int(Section.parse(section))))

    @property
    def sections(self) -> List[Section]:
        """The sections this policy has."""
        return [s for s in Section if self._c.has_section(int(s))]

    @property
    def sources(self) -> List[Source]:
        """The source documents the policy (and its bases) cite."""
        return [Source._from_c(self._c.source(i)) for i in range(self._c.source_count())]

    @property
    def values(self) -> List[PolicyValue]:
        """Every value, in file order, with its citation and position."""
        return [PolicyValue._from_c(self._c.value(i)) for i in range(self._c.value_count())]

    def value(self, path: str) -> Optional[PolicyValue]:
        """The value at ``path`` (``"inpatient.deductible[2].amount"``), or ``None``."""
        v = self._c.find_value(path)
        return PolicyValue._from_c(v) if v is not None else None

    @property
    def assumed_values(self) -> List[PolicyValue]:
        """The values marked ``assumed`` (no source states them)."""
        return [v for v in self.values if v.assumed]

    def derive(self, overlay: Union[str, Dict[str, Any]], name: str = "overlay.yaml") -> "Policy":
        """A new policy: this one with an overlay applied (YAML text or a nested dict)."""
        if not isinstance(overlay, str):
            from .reform import overlay_yaml
            overlay = overlay_yaml(overlay)
        return Policy(self._c.derive(name, overlay))

    def settle(self, person: Person, claim: Claim, ledger: Optional[Ledger] = None, *,
               explain: bool = True) -> Settlement:
        """Settle one claim. ``ledger`` (the member's year) is updated; a fresh one is used when
        omitted. ``explain=False`` skips the explanation lines (faster)."""
        try:
            if ledger is None:
                ledger = _fresh_ledger(claim)
            # The figures, the policy's constants and the result handle come back as the
            # Settlement's attributes, made in the same call; the explanation lines (when any)
            # take one more call, the assumed values are the policy's, cached by their keys.
            attrs, nlines, keys = _settle_one(self._c, person._packed or person._pack(), claim,
                                              ledger._c, 0 if explain else _NO_LINES,
                                              self._settlement_constants)
        except AttributeError:
            # Checked only here, so that the common call pays nothing for it.
            _settle_arguments("Policy.settle", person, claim, ledger)
            raise
        attrs["_policy"] = self  # the result borrows strings from its policy
        attrs["lines"] = _lines(attrs["_c"], self) if nlines else []
        if keys:
            attrs["_assumed_keys"] = keys  # the list is made when read (Settlement.__getattr__)
        else:
            attrs["assumed_values"] = []
        s = _new_object(Settlement)
        s.__dict__ = attrs
        return s

    def settle_figures(self, person: Person, claim: Claim,
                       ledger: Optional[Ledger] = None) -> Dict[str, int]:
        """Settle one claim and return only its figures, as :meth:`Settlement.to_dict` would
        (fen): no result object, no explanation lines; the fastest way to settle claims one by
        one. ``ledger`` is updated as by :meth:`settle`."""
        try:
            if ledger is None:
                ledger = _fresh_ledger(claim)
            return _settle_one(self._c, person._packed or person._pack(), claim, ledger._c,
                               _NO_LINES, None)
        except AttributeError:
            _settle_arguments("Policy.settle_figures", person, claim, ledger)
            raise

    def contribution(self, person: Person, date: DateLike, *, monthly_wage: int = 0,
                     employer_type: Union[EmployerType, str] = EmployerType.ENTERPRISE) -> Result:
        """A person's yearly contribution (employees: from the monthly wage, in fen)."""
        _require("Policy.contribution", person=(person, Person))
        emp = None
        if person.scheme == Scheme.EMPLOYEE:
            emp = _c.EmployeeInput()
            emp.monthly_wage = int(monthly_wage)
            emp.employer_type = int(EmployerType.parse(employer_type))
        return Result._wrap(self._c.contribution(person._to_c(), to_cdate(date), emp), self)

    def maternity(self, person: Person, date: DateLike, *, delivery: Union[Delivery, str],
                  weeks: int = 0, child_order: int = 1, prenatal_costs: int = 0,
                  complication_costs: int = 0) -> Result:
        """The maternity payment for one delivery."""
        _require("Policy.maternity", person=(person, Person))
        m = _c.MaternityInput()
        m.delivery = int(Delivery.parse(delivery))
        m.weeks = int(weeks)
        m.child_order = int(child_order)
        m.prenatal_costs = int(prenatal_costs)
        m.complication_costs = int(complication_costs)
        return Result._wrap(self._c.maternity(person._to_c(), to_cdate(date), m), self)

    def capitation(self, *, level: Union[Level, str], disease: Union[Disease, str],
                   period: Sequence[DateLike], enrolments: Sequence[Sequence[Any]] = (),
                   actual_costs: int = 0, institution: int = 0,
                   assessment: Optional[int] = None) -> Result:
        """One institution's per-head payment for ``period=(first_day, last_day)``;
        ``enrolments`` are ``(patient_id, from, to_or_None)`` tuples."""
        ci = _c.CapitationInput()
        ci.institution = int(institution)
        ci.level = int(Level.parse(level))
        ci.disease = int(Disease.parse(disease))
        ci.from_date = to_cdate(period[0])
        ci.to_date = to_cdate(period[1])
        ci.actual_costs = int(actual_costs)
        if assessment is not None:
            ci.assessment = int(assessment)
        en = _c.Enrolments()
        for patient, start, end in enrolments:
            if en.add(int(patient), to_cdate(start), to_cdate(end)) != 0:
                raise MemoryError("enrolments")
        return Result._wrap(self._c.capitation(ci, en), self)

    def account(self, person: Person, date: DateLike, *, monthly_wage: int = 0,
                employer_type: Union[EmployerType, str] = EmployerType.ENTERPRISE,
                last_year_pension: int = 0, year_costs: int = 0,
                serious_illness: bool = False) -> Result:
        """An employee's individual-account credits."""
        _require("Policy.account", person=(person, Person))
        a = _c.AccountInput()
        emp = a.employee
        emp.monthly_wage = int(monthly_wage)
        emp.employer_type = int(EmployerType.parse(employer_type))
        a.employee = emp
        a.last_year_pension = int(last_year_pension)
        a.year_costs = int(year_costs)
        a.serious_illness = int(bool(serious_illness))
        return Result._wrap(self._c.account(person._to_c(), to_cdate(date), a), self)

    def __repr__(self) -> str:
        to = self.effective_to
        return (f"<Policy {self.id}: {self.title!r}, {self.effective_from} to "
                f"{to if to else 'open'}>")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Policy) and self.id == other.id and \
            self._c.this == other._c.this

    def __hash__(self) -> int:
        return hash(self.id)


class PolicySet:
    """Policies indexed by region and dates: :meth:`lookup` finds the one in force on a day.

    ``PolicySet.embedded()`` holds the policies compiled into the library; :meth:`add_dir` and
    :meth:`add_file` add (or replace by id) policies from files.
    """

    def __init__(self, _handle: Any = None) -> None:
        self._c = _handle if _handle is not None else _c.PolicySet.empty()

    @classmethod
    def embedded(cls) -> "PolicySet":
        """A set holding the policies compiled into the library."""
        return cls(_c.PolicySet.embedded())

    def add_dir(self, path: Union[str, os.PathLike], *,
                options: Optional[LoadOptions] = None) -> "PolicySet":
        """Add every ``*.yaml`` below ``path``; returns the set. Raises :class:`PolicyError`."""
        self._c.add_dir(os.fspath(path), _opts(options))
        return self

    def add_file(self, path: Union[str, os.PathLike], id: Optional[str] = None, *,
                 options: Optional[LoadOptions] = None) -> "PolicySet":
        """Add one file (``id`` defaults to the file name without ``.yaml``); returns the set."""
        self._c.add_file(os.fspath(path), id, _opts(options))
        return self

    def lookup(self, region: Optional[str] = None, date: DateLike = None) -> Policy:
        """The policy of ``region`` (default: the default region) in force on ``date``
        (default: today). Raises :class:`NoPolicyError`."""
        region = region or _c.default_region()
        date = date if date is not None else _dt.date.today()
        return Policy(self._c.lookup(region, to_cdate(date)), owner=self)

    def get(self, id: str) -> Optional[Policy]:
        """The policy with that id (``"tianjin/2023"``), or ``None``."""
        h = self._c.get(id)
        return Policy(h, owner=self) if h is not None else None

    def __getitem__(self, id: str) -> Policy:
        p = self.get(id)
        if p is None:
            raise KeyError(id)
        return p

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and self._c.get(id) is not None

    def __len__(self) -> int:
        return self._c.count()

    def __iter__(self) -> Iterator[Policy]:
        for i in range(self._c.count()):
            yield Policy(self._c.at(i), owner=self)

    @property
    def ids(self) -> List[str]:
        """The ids of the policies in the set, by region then date."""
        return [p.id for p in self]

    def __repr__(self) -> str:
        return f"<PolicySet of {len(self)}: {', '.join(self.ids)}>"


_embedded: Optional[PolicySet] = None


def embedded() -> PolicySet:
    """The policies compiled into the library (one shared set, opened on first use)."""
    global _embedded
    if _embedded is None:
        _embedded = PolicySet.embedded()
    return _embedded


def default_policy(date: DateLike = None, region: Optional[str] = None) -> Policy:
    """The embedded policy of ``region`` (default: the library's default region) in force on
    ``date`` (default: today)."""
    return embedded().lookup(region, date)


def load_policy(path: Union[str, os.PathLike], *, bases: Optional[PolicySet] = None,
                options: Optional[LoadOptions] = None) -> Policy:
    """Load one policy file. Its ``base:`` resolves in ``bases`` (default: embedded policies).
    Raises :class:`PolicyError` with the file, line and column of the offending node."""
    return Policy(_c.Policy.load_file(os.fspath(path), bases._c if bases else None,
                                      _opts(options)))


def load_policy_string(yaml_text: str, name: str = "policy.yaml", *,
                       bases: Optional[PolicySet] = None,
                       options: Optional[LoadOptions] = None) -> Policy:
    """Load a policy from YAML text; ``name`` is used as the file name in errors."""
    return Policy(_c.Policy.load_string(name, yaml_text, bases._c if bases else None,
                                        _opts(options)))


def settle(person: Person, claim: Claim, *, policy: Optional[Policy] = None,
           ledger: Optional[Ledger] = None, region: Optional[str] = None,
           explain: bool = True) -> Settlement:
    """Settle one claim under ``policy`` (default: the embedded policy in force on the claim's
    date). ``ledger`` is updated in place when given."""
    if policy is None:
        _require("settle", claim=(claim, Claim))
        policy = default_policy(claim.date, region)
    _require("settle", policy=(policy, Policy))
    return policy.settle(person, claim, ledger, explain=explain)


def _settle_arguments(func: str, person: Any, claim: Any, ledger: Any) -> None:
    """The TypeError of a settlement given something else than a Person, a Claim and a Ledger
    or None."""
    _require(func, person=(person, Person), claim=(claim, Claim),
             ledger=(ledger, (Ledger, type(None))))
