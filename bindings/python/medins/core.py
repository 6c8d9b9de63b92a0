"""The object layer: policies, persons, claims, ledgers and explained results.

Amounts are integers in fen (1 yuan = 100 fen), ratios integers in basis points
(10000 = 100%), dates :class:`datetime.date` (the C library's YYYYMMDD integers are converted at
the boundary; an int ``20230115`` or a string ``"2023-01-15"`` is accepted too). Yuan become fen
only through :func:`fen`: a float, a str or a Decimal where fen are expected is a TypeError
(see :mod:`medins.values` for the whole rule).
"""

from __future__ import annotations

import datetime as _dt
import os
import types
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import (Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple,
                    Union)

import numpy as np

from . import lowlevel as _c
from .enums import (Category, ClaimKind, Group, Level, Part, Pool, ResultKind, Scheme, Section,
                    StepKind, Tier, EmployerType, Delivery, Disease, CapitationPeriod, Sex)
from .errors import MedinsError
from .values import RANGES, integer, missing

__all__ = [
    "DateLike", "to_cdate", "from_cdate", "yuan", "fen", "ratio_text", "ratio",
    "Person", "Claim", "Ledger", "Policy", "PolicySet", "LoadOptions", "Source", "PolicyValue",
    "Line", "Step", "Result", "Settlement", "load_policy", "load_policy_string", "embedded",
    "default_policy", "settle", "version", "read_record",
]

DateLike = Union[_dt.date, int, str]


# ---- Dates and money ---------------------------------------------------------------------

def to_cdate(value: Optional[DateLike], what: str = "date") -> int:
    """A date as the C library's YYYYMMDD integer; 0 ("none") for a missing one (``None``,
    ``pd.NaT``, NaN). Takes a :class:`datetime.date` (or datetime, ``pandas.Timestamp``,
    ``numpy.datetime64``), an int YYYYMMDD, or text ``"2023-01-15"`` / ``"20230115"``; a float
    or a bool is a TypeError, other text a ValueError (``what`` names the value). Text is read
    by the library's one reading of dates (``medins_date_parse``), exactly: no spaces around it."""
    if missing(value):
        return 0
    if isinstance(value, str):
        try:
            return _c.date_parse(value)
        except MedinsError as e:
            raise ValueError(f"{what}: {e.message}") from None
    if isinstance(value, np.datetime64):
        value = value.astype("datetime64[D]").item()
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.year * 10000 + value.month * 100 + value.day
    return integer(value, what, np.int32)


def from_cdate(value: int) -> Optional[_dt.date]:
    """A YYYYMMDD integer as a :class:`datetime.date` (0 -> ``None``)."""
    value = int(value)
    if value == 0:
        return None
    return _dt.date(value // 10000, value // 100 % 100, value % 100)


def _date_field(what: str) -> Callable[[Any], Optional[_dt.date]]:
    """The converter of a date attribute: a :class:`datetime.date`, or None when missing."""
    def convert(value: Any) -> Optional[_dt.date]:
        if type(value) is _dt.date:
            return value
        code = to_cdate(value, what)
        try:
            return from_cdate(code)
        except ValueError:
            raise ValueError(f"{what}: {code} is not a calendar date") from None
    return convert


def _int_field(what: str, dtype: Any = np.int64, money: bool = False) -> Callable[[Any], int]:
    """The converter of an integer attribute (medins.values.integer; an int in range is
    returned at once: claims are made by the million)."""
    lo, hi = RANGES[dtype]

    def convert(value: Any) -> int:
        if type(value) is int and lo <= value <= hi:
            return value
        return integer(value, what, dtype, money)
    return convert


def yuan(amount_fen: int) -> str:
    """Fen as yuan text with two decimals: ``yuan(110050) == "1100.50"``."""
    return _c.money_text(integer(amount_fen, "yuan: amount_fen", money=True))


def fen(text: Union[str, int, Decimal]) -> int:
    """Yuan as fen, exactly: ``fen("1100.5") == 110050``, ``fen(25) == 2500``,
    ``fen(Decimal("0.29")) == 29``. The one way from yuan to fen.

    Text is yuan with at most two decimals and an optional leading ``-``; grouping ("1,100"),
    exponents, spaces, a NUL and amounts above the library's maximum are a
    :class:`MoneyError` (a ``ValueError``). A float is a TypeError: ``0.29 * 100`` is not 29
    in binary floating point; write the amount as text or a Decimal."""
    if isinstance(text, str):
        return _c.money_parse(text)
    if isinstance(text, Decimal):
        # Fixed-point text ("1E+3" -> "1000"); the library then refuses what is not exact
        # ("1.005", NaN) as it refuses that text.
        return _c.money_parse(format(text, "f"))
    if isinstance(text, (float, np.floating)):
        raise TypeError(f"fen: {text!r} is a float, which cannot hold most amounts exactly; "
                        f"write yuan as text (\"2500.75\") or a Decimal")
    return _c.money_parse(str(integer(text, "fen")))


def ratio_text(bp: int) -> str:
    """Basis points as a percentage: ``ratio_text(5500) == "55%"``."""
    return _c.ratio_text(integer(bp, "ratio_text: bp", np.int32))


def ratio(text: str) -> int:
    """A percentage as basis points: ``ratio("2.5%") == 250``; malformed text or a ratio
    outside 0-100% is a :class:`MoneyError`."""
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
        birth_date: needed for age bands (retirees' deductibles); ``None`` or ``pd.NaT`` when
            unknown, which is never replaced by a default: a settlement that needs the age
            then raises.
        groups: special groups (``Group.DIBAO | Group.DISABLED``, ``"dibao+disabled"``).
        family_doctor: institution id of the family-doctor contract, 0 for none.
        retirement_date: a retiree's retirement date; ``None`` when unknown (or not retired).
        contribution_months: months of contribution the policy counts (15 years: 180); -1
            when unknown, never read as 0.
        sex: :class:`Sex` (``"male"``, ``"female"``, ``"女"``); ``UNKNOWN`` when not given.
        cohorts: the policy's person groups the caller sets, as bits
            (``policy.cohorts("model_worker")``); groups the policy works out by a rule are
            never set. A settlement whose policy rows read a field not given raises
            :class:`PersonError` naming it.

    Every field is converted (or refused) when set, in the constructor or later.
    """

    scheme: Scheme = Scheme.EMPLOYEE
    category: Category = Category.IN_SERVICE
    tier: Tier = Tier.NONE
    birth_date: Optional[_dt.date] = None
    groups: Group = Group(0)
    family_doctor: int = 0
    retirement_date: Optional[_dt.date] = None
    contribution_months: int = -1
    sex: Sex = Sex.UNKNOWN
    cohorts: int = 0

    # The C struct as bytes, made on first settlement and kept until a field changes: a person
    # usually settles many claims, and packing costs more than the settlement itself.
    _packed = None

    def __setattr__(self, name: str, value: Any) -> None:
        convert = _PERSON_FIELDS.get(name)
        object.__setattr__(self, name, convert(value) if convert else value)
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

    @classmethod
    def from_nhsa(cls, policy: "Policy", insutype: str, psn_type: str, **kw: Any) -> "Person":
        """A person of the national platform's ``insutype`` and ``psn_type`` codes ("310",
        "1201"): the scheme and category by ``policy``'s ``bills.psn_types`` rows, then the
        national codes (docs/policy-format.md, "Bills"); the other fields (``tier``,
        ``birth_date``, ``groups``, ``family_doctor``) from ``kw``. Raises :class:`MedinsError`
        (``ERR_TYPE``) naming a pair of codes no row maps."""
        _require("Person.from_nhsa", policy=(policy, Policy))
        both = policy._c.person_from_nhsa(insutype, psn_type)
        return cls(Scheme(both // 256), Category(both % 256), **kw)

    def _to_c(self) -> Any:
        p = _c.Person()
        p.scheme = int(self.scheme)
        p.category = int(self.category)
        p.tier = int(self.tier)
        p.birth_date = to_cdate(self.birth_date)
        p.groups = int(self.groups)
        p.family_doctor = self.family_doctor
        p.retirement_date = to_cdate(self.retirement_date)
        p.contribution_months = self.contribution_months
        p.sex = int(self.sex)
        p.cohorts = self.cohorts
        return p

    def age_on(self, date: DateLike) -> Optional[int]:
        """Age in whole years on ``date``; ``None`` without a birth date."""
        if self.birth_date is None:
            return None
        age = _c.age_on(to_cdate(self.birth_date), to_cdate(date))
        return None if age < 0 else age


@dataclass
class Claim:
    """A medical bill to settle. Amounts in integer fen (``medins.fen("25000.50")`` converts
    yuan); every field is converted (or refused) when set, in the constructor or later.

    Args:
        date: settlement date (discharge or visit).
        kind: ClaimKind (``"inpatient"``, ``"outpatient"``...).
        level: Level (``"l3"``, ``"primary"``...).
        total: total cost.
        self_paid: fully self-paid items outside the catalogue (自费).
        category_b: category-B first self-pay (乙类先行自付).
        institution: institution id (0 unknown).
        id: your identifier, echoed in results.
        attributes: the policy's claim attributes the claim has, as bits
            (``policy.claim_attributes("referred|out_of_region")``); 0 for none.
        days: the bed-days the claim covers (1 to 366); 0 when not given. A policy's maximum
            per bed-day (``bed_day_cap``) needs it: without it such a claim raises
            :class:`ClaimError`.
    """

    date: Optional[_dt.date] = None
    kind: ClaimKind = ClaimKind.OUTPATIENT
    level: Level = Level.L1
    total: int = 0
    self_paid: int = 0
    category_b: int = 0
    institution: int = 0
    id: int = 0
    attributes: int = 0
    days: int = 0

    def __setattr__(self, name: str, value: Any) -> None:
        convert = _CLAIM_FIELDS.get(name)
        object.__setattr__(self, name, convert(value) if convert else value)

    @classmethod
    def from_nhsa(cls, policy: "Policy", med_type: str, **kw: Any) -> "Claim":
        """A claim of the national platform's ``med_type`` code ("21"): its kind by
        ``policy``'s ``bills.med_types`` rows, then the national codes (docs/policy-format.md,
        "Bills"); the other fields from ``kw``. Raises :class:`MedinsError` (``ERR_TYPE``)
        naming a code no row maps."""
        _require("Claim.from_nhsa", policy=(policy, Policy))
        return cls(kind=ClaimKind(policy._c.claim_kind_from_nhsa(med_type)), **kw)

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
        c.attributes = self.attributes
        c.days = self.days
        return c


_PERSON_FIELDS: Dict[str, Callable[[Any], Any]] = {
    "scheme": Scheme.parse, "category": Category.parse, "tier": Tier.parse,
    "birth_date": _date_field("Person.birth_date"), "groups": Group.parse,
    "family_doctor": _int_field("Person.family_doctor"),
    "retirement_date": _date_field("Person.retirement_date"),
    "contribution_months": _int_field("Person.contribution_months", np.int32),
    "sex": Sex.parse, "cohorts": _int_field("Person.cohorts", np.uint32),
}
_CLAIM_FIELDS: Dict[str, Callable[[Any], Any]] = {
    "date": _date_field("Claim.date"), "kind": ClaimKind.parse, "level": Level.parse,
    "total": _int_field("Claim.total", money=True),
    "self_paid": _int_field("Claim.self_paid", money=True),
    "category_b": _int_field("Claim.category_b", money=True),
    "institution": _int_field("Claim.institution"), "id": _int_field("Claim.id"),
    "attributes": _int_field("Claim.attributes", np.uint32),
    "days": _int_field("Claim.days", np.uint32),
}


# ---- Ledgers -----------------------------------------------------------------------------

def _ledger_field(name: str, dtype: Any = np.int64, money: bool = True) -> Callable[[Any], int]:
    return _int_field(f"Ledger.{name}", dtype, money)


def _layout(layout: int) -> List[Any]:
    """The fields of a C struct, in its order, as the library describes them (medins/layout.h:
    name, type, kind)."""
    return [_c.layout_field(layout, i) for i in range(_c.layout_field_count(layout))]


_DTYPES = {_c.FIELD_INT32: np.int32, _c.FIELD_UINT32: np.uint32, _c.FIELD_INT64: np.int64}


def _ledger_scalar(f: Any) -> Callable[[Any], int]:
    if f.kind == _c.FIELD_DATE:
        return lambda v: to_cdate(v, f"Ledger.{f.name}")
    return _ledger_field(f.name, _DTYPES[f.type], f.kind == _c.FIELD_MONEY)


# Each scalar field's converter, in the C struct's order; a total by pool ("fund.inpatient")
# is one field a pool, read and set through its dict (_LEDGER_POOLS).
_LEDGER_SCALARS: Dict[str, Callable[[Any], int]] = {
    f.name: _ledger_scalar(f) for f in _layout(_c.LAYOUT_LEDGER) if "." not in f.name}
_LEDGER_DATES = frozenset(f.name for f in _layout(_c.LAYOUT_LEDGER) if f.kind == _c.FIELD_DATE)
_LEDGER_POOLS = tuple(dict.fromkeys(f.name.split(".")[0] for f in _layout(_c.LAYOUT_LEDGER)
                                    if "." in f.name))


class Ledger:
    """A member's running totals for one calendar year.

    Settlements read and update it; :meth:`close_year` makes next year's opening ledger;
    :meth:`to_text`/:meth:`from_text` store and restore it exactly. The per-pool totals
    (``deductible``, ``position``, ``fund``, ``supplementary``, ``day_fund``) are dicts keyed by
    :class:`Pool`; ``day_date`` is the date ``day_fund`` is for (a daily maximum's, ``day_cap``).
    """

    __slots__ = ("_c",)

    def __init__(self, year: int = None, *, _handle: Any = None) -> None:
        if _handle is not None:
            self._c = _handle
        else:
            if year is None:
                year = _dt.date.today().year
            self._c = _c.Ledger(integer(year, "Ledger: year", np.int32))

    def __getattr__(self, name: str) -> Any:
        if name in _LEDGER_SCALARS:
            v = getattr(self._c, name)
            return from_cdate(v) if name in _LEDGER_DATES else v
        if name in _LEDGER_POOLS:
            getter = getattr(self._c, "get_" + name)
            return {p: getter(int(p)) for p in Pool}
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_c":
            object.__setattr__(self, name, value)
        elif name in _LEDGER_SCALARS:
            setattr(self._c, name, _LEDGER_SCALARS[name](value))
        elif name in _LEDGER_POOLS:
            setter = getattr(self._c, "set_" + name)
            # Every amount is checked before the first is written.
            amounts = [(int(Pool.parse(pool)), integer(amount, f"Ledger.{name}[{pool!r}]",
                                                       money=True))
                       for pool, amount in dict(value).items()]
            for pool, amount in amounts:
                setter(pool, amount)
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

    @classmethod
    def year_to_date(cls, year: int, *, last_date: Optional[DateLike] = None,
                     admissions: int = 0, outpatient_costs: int = 0,
                     in_scope: Optional[Mapping[Any, int]] = None,
                     deductible: Optional[Mapping[Any, int]] = None,
                     fund: Optional[Mapping[Any, int]] = None, major_base: int = 0,
                     major_fund: int = 0, assist_base: int = 0, assist_fund: int = 0,
                     account_balance: int = 0, account_paid: int = 0, carry_over: int = 0,
                     thrifty_years: int = 0,
                     prior_outpatient_costs: Optional[int] = None,
                     supplementary: Optional[Mapping[Any, int]] = None,
                     account_first: Optional[Mapping[Any, int]] = None,
                     account_credited: int = 0) -> "Ledger":
        """The ledger of a person's year so far, from the figures a hospital system has (the
        platform's accumulated figures, 5206, and its own records); docs/settlement.md, "A
        ledger from the year so far". Amounts in fen; ``in_scope``, ``deductible``, ``fund``,
        ``supplementary`` (the supplementary funds' payments) and ``account_first`` (what the
        account paid first, before the deductible, of ``account_paid``) by pool (a
        :class:`Pool` or its word; pools left out are 0); ``account_credited`` the year's
        credits to the account; ``last_date`` is the year's last settlement (``None``: none
        yet); ``prior_outpatient_costs`` is last year's (``None``: unknown). Raises
        :class:`LedgerError` for figures that cannot be a year's."""
        figures: Dict[str, Any] = {
            "year": year, "last_date": last_date, "admissions": admissions,
            "thrifty_years": thrifty_years, "prior_known": int(prior_outpatient_costs is not None),
            "outpatient_costs": outpatient_costs, "major_base": major_base,
            "major_fund": major_fund, "assist_base": assist_base, "assist_fund": assist_fund,
            "account_balance": account_balance, "account_paid": account_paid,
            "carry_over": carry_over, "prior_outpatient_costs": prior_outpatient_costs or 0,
            "account_credited": account_credited}
        for name, by_pool in (("in_scope", in_scope), ("deductible", deductible), ("fund", fund),
                              ("supplementary", supplementary),
                              ("account_first", account_first)):
            given = {Pool.parse(pool): amount for pool, amount in dict(by_pool or {}).items()}
            for pool in Pool:
                figures[f"{name}.{pool.name.lower()}"] = given.get(pool, 0)
        return cls(_handle=_c.ledger_from_year(types.SimpleNamespace(**figures)))

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

    def refund(self, record: str) -> Dict[str, int]:
        """Refund a settlement from its record (:meth:`Settlement.record`), in this process or
        another: this ledger becomes exactly the one before the settlement, the account payment
        added back to the balance as it is now. Only the most recent settlement is refunded;
        a refusal's message says which to refund first. Returns the settlement's figures
        negated (fen), as the platform's cancel transactions give them. Raises
        :class:`LedgerError` (``MEDINS_ERR_RECORD`` for a malformed record, at its line and
        column; ``MEDINS_ERR_REVERSE`` when this ledger is not as the settlement left it),
        the ledger unchanged."""
        _require("Ledger.refund", record=(record, str))
        return _refund(self._c, record)

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
    text; ``source_kind`` says ``"official"``, ``"third-party"`` or ``"assumed"``, and
    ``citation`` is the whole citation (the source's title and the paragraph, or the reason).
    ``key`` is the path with each row named (``inpatient.ratio[id=employee-l3].ratio``): the
    address :meth:`Policy.derive` takes."""

    path: str
    text: str
    source: Optional[str]
    at: str
    assumed: bool
    file: Optional[str]
    line: int
    column: int
    third_party: bool = False
    source_kind: str = ""
    citation: str = ""
    key: Optional[str] = None

    @classmethod
    def _from_c(cls, v: Any) -> "PolicyValue":
        return cls(v.path, v.text, v.source, v.at or "", bool(v.assumed), v.file, v.line,
                   v.column, bool(v.third_party), _value_source_kind(v), _value_citation(v),
                   v.key)

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


@dataclass(frozen=True)
class Step:
    """One step of a result's trace: what it is, whose money ``amount`` is, the rule applied,
    its amounts (fen) and ratio (basis points), the arguments of its kind by name (money in fen,
    flags as bools, dates as dates, enums as members) and the policy values it read, the first
    being the one its amount rests on. docs/settlement.md, "The trace", lists the kinds."""

    kind: StepKind
    part: Part
    rule: str
    amount: int
    base: int
    ratio: int
    args: Mapping[str, Any]
    values: Tuple[PolicyValue, ...]


_SETTLEMENT_FIELDS = tuple(f.name for f in _layout(_c.LAYOUT_SETTLEMENT))


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


# How each type of a step's argument is given in Python (C's medins_arg_type).
_ARG_TYPES = {
    _c.ARG_FLAG: bool, _c.ARG_DATE: lambda v: from_cdate(v), _c.ARG_SCHEME: Scheme,
    _c.ARG_CATEGORY: Category, _c.ARG_TIER: Tier, _c.ARG_GROUPS: Group,
    _c.ARG_EMPLOYER_TYPE: EmployerType, _c.ARG_DELIVERY: Delivery, _c.ARG_DISEASE: Disease,
    _c.ARG_PERIOD: CapitationPeriod,
}
# Each kind's arguments: (name, conversion), made once a kind.
_STEP_ARGS: Dict[int, Tuple[Tuple[str, Callable[[int], Any]], ...]] = {}


def _step_args(kind: int, raw: Sequence[int]) -> Dict[str, Any]:
    spec = _STEP_ARGS.get(kind)
    if spec is None:
        spec = _STEP_ARGS[kind] = tuple(
            (_c.step_arg_name(kind, j), _ARG_TYPES.get(_c.step_arg_type(kind, j), int))
            for j in range(_c.step_arg_count(kind)))
    return {name: convert(v) for (name, convert), v in zip(spec, raw)}


def _steps(handle: Any, policy: "Policy") -> List[Step]:
    """The trace of a result, from result_steps()' tuples; each value made once a policy."""
    out = []
    cache = policy._step_values
    for i, (kind, part, rule, amount, base, ratio, raw, keys) in enumerate(
            _result_steps(handle, policy._strings)):
        values = []
        for j, key in enumerate(keys):
            v = cache.get(key)
            if v is None:
                v = cache[key] = PolicyValue._from_c(_result_step_value(handle, i, j))
            values.append(v)
        out.append(Step(StepKind(kind), _PARTS.get(part, part), rule, amount, base, ratio,
                        _step_args(kind, raw), tuple(values)))
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
        return FiguresResult(handle, policy, _c.figures_of(handle))

    @property
    def steps(self) -> List[Step]:
        """The trace: each step with its kind, amounts, arguments and the policy values it
        read, for laying out a receipt; empty when computed without one (``explain=False``).
        Made when first read."""
        d = self.__dict__
        steps = d.get("_steps")
        if steps is None:
            steps = d["_steps"] = _steps(d["_c"], d["_policy"])
        return steps

    def explain(self, lang: str = "en") -> str:
        """The explanation as text, in ``lang`` (``"zh"``: Simplified Chinese, ``"en"``:
        English; a tag such as ``"zh-CN"`` will do): what the result is of, one line per step
        with its amount, citation and policy file:line, then the assumed values used and the
        third-party ones. Another language raises :class:`MedinsError`."""
        return _result_explain(self.__dict__["_c"], lang).rstrip("\n")

    def step_texts(self, lang: str = "en") -> List[str]:
        """Each step's sentence in ``lang``, as :meth:`explain` writes them."""
        handle = self.__dict__["_c"]
        return [_result_step_text(handle, i, lang) for i in range(len(self.steps))]

    def lines_frame(self):
        """The explanation lines as a pandas DataFrame; ``part`` as words (``"fund"``)."""
        import pandas as pd
        return pd.DataFrame([{f.name: getattr(ln, f.name) for f in fields(Line)}
                             for ln in self.lines]).assign(
            part=[str(ln.part) for ln in self.lines])


# Figures that are enum codes, as their enums (which print as words).
_FIGURE_ENUMS = {"scheme": Scheme, "paying_tier": Tier, "benefit_tier": Tier,
                 "group": Group, "period": CapitationPeriod}


class FiguresResult(Result):
    """A contribution, account, maternity or capitation result: its figures as attributes
    (fen; tiers, schemes, groups and periods as their enums), and as a dict, :meth:`to_dict`."""

    def __init__(self, handle: Any, policy: "Policy", figures: Optional[Dict[str, int]]) -> None:
        super().__init__(handle, policy)
        # The figures' fields in the C struct's order (medins/layout.h); codes as their enums.
        self.figures: Dict[str, Any] = {
            name: _FIGURE_ENUMS[name](value) if name in _FIGURE_ENUMS else value
            for name, value in (figures or {}).items()}
        for k, v in self.figures.items():
            setattr(self, k, v)

    def to_dict(self) -> Dict[str, Any]:
        """The figures as a dict (fen; enums as members, which are ints)."""
        return dict(self.figures)

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v}" for k, v in self.figures.items())
        return f"<{self.kind.name.title()}Result {self.policy_id}: {items}>"


_SETTLEMENT_KIND = ResultKind(_c.RESULT_SETTLEMENT)


class Settlement(Result):
    """The settlement of one claim. Amounts in fen.

    ``total == fund + supplementary + major_disease + assistance + patient``;
    ``patient == account + cash``.
    ``estimate`` is true for a pre-settlement (:meth:`Policy.presettle`), which changed no
    ledger and has no record.
    """

    estimate: bool = False

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
    supplementary: int
    account_first: int

    def __init__(self, handle: Any, policy: "Policy") -> None:
        super().__init__(handle, policy)
        for name, value in _c.figures_of(handle).items():
            setattr(self, name, value)

    # The platform's records and the bill's lines, read through the library's layouts
    # (medins/layout.h): each dict's keys are the C structs' field names, which for setlinfo
    # and setldetail are the platform's.
    @property
    def setlinfo(self) -> Dict[str, int]:
        """The settlement as the national platform's ``setlinfo`` (fen; ``pool_prop_selfpay``
        in basis points): every field, those the library does not compute 0. A dict, so
        ``pandas.DataFrame([s.setlinfo])`` is one row with the platform's column names."""
        c = self.__dict__["_c"]
        return {f.name: _flat.Result_setlinfo_field(c, i)
                for i, f in enumerate(_layout(_c.LAYOUT_SETLINFO))}

    @property
    def setldetail(self) -> List[Dict[str, Any]]:
        """A ``setldetail`` row for each fund that paid: ``fund_pay_type``,
        ``fund_pay_type_name``, ``inscp_scp_amt``, ``crt_payb_lmt_amt`` (-1: no maximum),
        ``fund_payamt``, ``setl_proc_info`` (its working, in Chinese) and ``part``."""
        c = self.__dict__["_c"]
        fields = list(enumerate(_layout(_c.LAYOUT_SETLDETAIL)))
        rows = []
        for r in range(_flat.Result_setldetail_count(c)):
            row: Dict[str, Any] = {"fund_pay_type": _flat.Result_setldetail_text(c, r, 0),
                                   "fund_pay_type_name": _flat.Result_setldetail_text(c, r, 1)}
            row.update({f.name: _flat.Result_setldetail_field(c, r, i) for i, f in fields})
            row["part"] = Part(row["part"])
            row["setl_proc_info"] = _flat.Result_setl_proc_info(c, r)
            rows.append(row)
        return rows

    @property
    def items(self) -> List[Dict[str, Any]]:
        """Each fee line's split (fen), for a settlement of :meth:`Policy.settle_items`: its
        ``code`` and ``name``, ``amount = self_paid + over_ceiling + category_b + in_scope``,
        the ``selfpay_prop`` applied and its ``chrgitm_lv``. Empty for a claim by its totals."""
        c = self.__dict__["_c"]
        fields = list(enumerate(_layout(_c.LAYOUT_ITEM_SPLIT)))
        return [{"code": _flat.Result_item_text(c, k, 0), "name": _flat.Result_item_text(c, k, 1),
                 **{f.name: _flat.Result_item_field(c, k, i) for i, f in fields}}
                for k in range(_flat.Result_item_count(c))]

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute the instance does not have: a settlement from
        # Policy.settle makes its lines (the trace's English text) and its assumed values on
        # first access (and keeps them), so that a claim settled without anyone reading them
        # does not pay for them.
        if name == "lines" and "_c" in self.__dict__:
            lines = self.__dict__["lines"] = _lines(self.__dict__["_c"], self.__dict__["_policy"])
            return lines
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

    def record(self) -> str:
        """The settlement's record: the small text to store with the bill, from which
        :meth:`Ledger.refund` refunds it later (docs/settlement.md, "Pre-settlement, records
        and refunds"). Raises :class:`ArgumentError` for an estimate."""
        return _result_record(self.__dict__["_c"])

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
    """Limits applied while reading YAML (defaults: 4 MiB, depth 64, 200000 nodes, no aliases;
    for folders, 16 levels below the folder and 1000 files and folders)."""

    _FIELDS = ("max_file_size", "max_depth", "max_nodes", "max_aliases", "max_dir_depth",
               "max_dir_entries")

    def __init__(self, *, max_file_size: Optional[int] = None, max_depth: Optional[int] = None,
                 max_nodes: Optional[int] = None, max_aliases: Optional[int] = None,
                 max_dir_depth: Optional[int] = None,
                 max_dir_entries: Optional[int] = None) -> None:
        self._c = _c.LoadOptions()
        given = locals()
        for name in self._FIELDS:
            if given[name] is not None:
                # size_t and unsigned int fields: SWIG refuses negatives.
                setattr(self._c, name, integer(given[name], f"LoadOptions: {name}"))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self._c, name)}" for name in self._FIELDS)
        return f"LoadOptions({fields})"


def _opts(options: Optional[LoadOptions]) -> Any:
    return options._c if options is not None else None


_NO_TRACE = _c.SETTLE_NO_TRACE
# The extension's function itself, not SWIG's Python shim around it: one call less per claim.
_settle_one = getattr(_c, "_lowlevel", _c).settle_one
# The flat functions, which take settle_one's bare handles as well as the proxies.
_flat = getattr(_c, "_lowlevel", _c)
_new_object = object.__new__
_result_assumed = getattr(_c, "_lowlevel", _c).Result_assumed
_result_third_party = getattr(_c, "_lowlevel", _c).Result_third_party
_result_third_party_count = getattr(_c, "_lowlevel", _c).Result_third_party_count
_result_steps = getattr(_c, "_lowlevel", _c).result_steps
_result_step_value = getattr(_c, "_lowlevel", _c).result_step_value
_result_explain = getattr(_c, "_lowlevel", _c).result_explain
_result_step_text = getattr(_c, "_lowlevel", _c).result_step_text
_value_source_kind = getattr(_c, "_lowlevel", _c).value_source_kind
_value_citation = getattr(_c, "_lowlevel", _c).value_citation
_result_record = getattr(_c, "_lowlevel", _c).result_record
_refund = getattr(_c, "_lowlevel", _c).refund
_ESTIMATE = _c.SWIG_ESTIMATE


def read_record(record: str) -> Dict[str, int]:
    """The settlement figures a record holds (fen, as they were), the record checked whole as
    :meth:`Ledger.refund` checks it; raises :class:`LedgerError` (``MEDINS_ERR_RECORD``) for a
    malformed one."""
    _require("read_record", record=(record, str))
    return _c.record_read(record)


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
        # How it was made, for pickling (pickling.py): set by the calls that make policies.
        self._recipe: Optional[tuple] = ("in", owner, handle.id()) if owner is not None \
            else None
        self._fingerprint: Optional[tuple] = None
        # The PolicyValue objects of each set of value records (by address) that a result used:
        # the records and the frozen PolicyValue objects never change while the policy lives.
        self._values: Dict[Sequence[int], Sequence[PolicyValue]] = {}
        # The strings of its results' lines other than the texts (rule, source, citation,
        # file), by address: they belong to the policy or the library, so each is decoded once.
        self._strings: Dict[int, str] = {}
        # The values its results' steps read, by address, made once each.
        self._step_values: Dict[int, PolicyValue] = {}
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

    @property
    def claim_attribute_names(self) -> Tuple[str, ...]:
        """The claim attributes the policy defines (``claim_attributes``), bit i the i-th."""
        return tuple(self._c.attribute_name(i) for i in range(self._c.attribute_count()))

    def claim_attributes(self, words: str) -> int:
        """The bits of the claim attributes named in ``words`` (the policy's words separated by
        ``|``, ``,`` or spaces, any case), for ``Claim(attributes=...)``. Raises
        :class:`MedinsError` (``ERR_TYPE``) for a word the policy does not define."""
        return int(self._c.attributes_parse(words))

    @property
    def cohort_names(self) -> Tuple[str, ...]:
        """The person groups the policy defines (``person_groups``), bit i the i-th."""
        return tuple(self._c.cohort_name(i) for i in range(self._c.cohort_count()))

    def cohorts(self, words: str) -> int:
        """The bits of the person groups named in ``words`` (the policy's words separated by
        ``|``, ``,`` or spaces, any case), for ``Person(cohorts=...)``. Raises
        :class:`MedinsError` (``ERR_TYPE``) for a word the policy does not define."""
        return int(self._c.cohorts_parse(words))

    @property
    def year_start(self) -> Tuple[int, int]:
        """The first day of the benefit year, ``(month, day)``: ``(1, 1)`` unless the policy
        gives ``year_start`` (``(7, 1)`` for a July-to-June year)."""
        md = self._c.year_start()
        return (md // 100, md % 100)

    def benefit_year(self, date: DateLike) -> int:
        """The benefit year ``date`` belongs to: the calendar year in which it starts, the
        ``year`` of its ledger (2023 for 2024-03-01 in a year from 1 July)."""
        return int(self._c.benefit_year(to_cdate(date)))

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

    def derive(self, overlay: Union[str, Mapping[str, Any]], name: str = "overlay.yaml", *,
               title: Optional[str] = None) -> "Policy":
        """A new policy: this one changed; this one is unchanged.

        ``overlay`` is YAML text, a nested dict of an overlay, or a mapping of addresses to
        new values (``{"inpatient.ratio[id=employee-l3].segments[0].ratio": "90%"}``, see
        :meth:`parameters`): then the values set are the reform's own, citing a source of kind
        reform titled ``title`` (:func:`medins.parameters.derive_values`)."""
        if isinstance(overlay, Mapping) and overlay and \
                all(isinstance(k, str) and ("." in k or "[" in k) for k in overlay):
            from .parameters import derive_values
            return derive_values(self, overlay, title=title,
                                 name="reform.yaml" if name == "overlay.yaml" else name)
        if title is not None:
            raise TypeError("derive: title= goes with a mapping of addresses to values; an "
                            "overlay gives its own title")
        if not isinstance(overlay, str):
            from .reform import overlay_yaml
            overlay = overlay_yaml(overlay)
        derived = Policy(self._c.derive(name, overlay))
        derived._recipe = ("derive", self, name, overlay)
        return derived

    def parameters(self):
        """The values :meth:`derive` can set by address, as a DataFrame indexed by address
        (text, kind, source, at, path, file, line)."""
        from .parameters import parameters
        return parameters(self)

    def sweep(self, address: str, values: Sequence[Any], *,
              title: Optional[str] = None) -> Dict[Any, "Policy"]:
        """One derived policy per value of the value at ``address``, in one call:
        ``{value: policy}`` (see :func:`medins.sweep` for their settlements side by side)."""
        from .parameters import sweep_policies
        return sweep_policies(self, address, values, title=title)

    def presettle(self, person: Person, claim: Claim, ledger: Optional[Ledger] = None, *,
                  explain: bool = True) -> Settlement:
        """Pre-settle one claim (an estimate, as the platform's 2206 and 2303 are): the
        Settlement :meth:`settle` would give with this ledger, which is not changed; its
        ``estimate`` is true, and it has no record."""
        return self._settle("Policy.presettle", person, claim, ledger, explain, _ESTIMATE)

    def settle(self, person: Person, claim: Claim, ledger: Optional[Ledger] = None, *,
               explain: bool = True) -> Settlement:
        """Settle one claim. ``ledger`` (the member's year) is updated; a fresh one is used when
        omitted. ``explain=False`` records no trace: no steps, no lines (faster)."""
        return self._settle("Policy.settle", person, claim, ledger, explain, 0)

    def _settle(self, what: str, person: Person, claim: Claim, ledger: Optional[Ledger],
                explain: bool, flags: int) -> Settlement:
        try:
            if ledger is None:
                ledger = _fresh_ledger(claim)
            # The figures, the policy's constants and the result handle come back as the
            # Settlement's attributes, made in the same call; the explanation lines (when any)
            # take one more call, the assumed values are the policy's, cached by their keys.
            attrs, nlines, keys = _settle_one(self._c, person._packed or person._pack(), claim,
                                              ledger._c, flags | (0 if explain else _NO_TRACE),
                                              self._settlement_constants)
        except AttributeError:
            # Checked only here, so that the common call pays nothing for it.
            _settle_arguments(what, person, claim, ledger)
            raise
        if flags:
            attrs["estimate"] = True
        attrs["_policy"] = self  # the result borrows strings from its policy
        if not nlines:
            attrs["lines"] = []  # else made when first read (Settlement.__getattr__)
        if keys:
            attrs["_assumed_keys"] = keys  # the list is made when read (Settlement.__getattr__)
        else:
            attrs["assumed_values"] = []
        s = _new_object(Settlement)
        s.__dict__ = attrs
        return s

    def settle_items(self, person: Person, claim: Claim, items: Any,
                     ledger: Optional[Ledger] = None, *, explain: bool = True) -> Settlement:
        """Settle an itemised bill: ``items`` is an iterable of mappings (or a
        ``pandas.DataFrame``), one a fee line, with ``code`` and ``name`` and the fields of
        ``medins_item`` by name: ``amount``, or ``price`` and ``quantity`` (ten-thousandths:
        15000 is 1.5), ``chrgitm_lv`` (1, 2, 3), ``selfpay_prop`` (basis points) and
        ``ceiling`` (fen); a field left out (or None / NaN) is the initialiser's. The claim's
        totals must be 0: the lines give them. The result's :attr:`Settlement.items` holds
        each line's split; ``ledger`` is updated as by :meth:`settle`."""
        _require("Policy.settle_items", person=(person, Person), claim=(claim, Claim))
        if ledger is None:
            ledger = _fresh_ledger(claim)
        if hasattr(items, "to_dict"):
            items = items.to_dict("records")
        fields = [f.name for f in _layout(_c.LAYOUT_ITEM)]
        bill = _c.Bill()
        for n, line in enumerate(items, 1):
            unknown = set(line) - {"code", "name", *fields}
            if unknown:
                raise ValueError(f"Policy.settle_items: fee line {n} has no field "
                                 f"{sorted(unknown)[0]!r} (fields: code, name, {', '.join(fields)})")
            if bill.add(line.get("code") or "", line.get("name") or "") != 0:
                raise MemoryError("Policy.settle_items")
            for i, name in enumerate(fields):
                v = line.get(name)
                if v is None or v != v:   # absent, None or NaN
                    continue
                if isinstance(v, (float, np.floating)) and float(v).is_integer():
                    v = int(v)   # a DataFrame's column of ints with a gap is float
                v = integer(v, f"Policy.settle_items: fee line {n}: {name}")
                if bill.set(i, v) != 0:
                    raise OverflowError(f"Policy.settle_items: fee line {n}: {name} out of range")
        handle = self._c.settle_items(person._to_c(), claim._to_c(), bill, ledger._c,
                                      0 if explain else _NO_TRACE)
        return Settlement(handle, self)

    def settle_figures(self, person: Person, claim: Claim,
                       ledger: Optional[Ledger] = None) -> Dict[str, int]:
        """Settle one claim and return only its figures, as :meth:`Settlement.to_dict` would
        (fen): no result object, no explanation lines; the fastest way to settle claims one by
        one. ``ledger`` is updated as by :meth:`settle`."""
        try:
            if ledger is None:
                ledger = _fresh_ledger(claim)
            return _settle_one(self._c, person._packed or person._pack(), claim, ledger._c,
                               _NO_TRACE, None)
        except AttributeError:
            _settle_arguments("Policy.settle_figures", person, claim, ledger)
            raise

    def contribution(self, person: Person, date: DateLike, *, monthly_wage: int = 0,
                     employer_type: Union[EmployerType, str] = EmployerType.ENTERPRISE) -> Result:
        """A person's yearly contribution (employees: from the monthly wage, in fen)."""
        _require("Policy.contribution", person=(person, Person))
        wage = integer(monthly_wage, "Policy.contribution: monthly_wage", money=True)
        emp = None
        if person.scheme == Scheme.EMPLOYEE:
            emp = _c.EmployeeInput()
            emp.monthly_wage = wage
            emp.employer_type = int(EmployerType.parse(employer_type))
        return Result._wrap(self._c.contribution(person._to_c(),
                                                 to_cdate(date, "Policy.contribution: date"),
                                                 emp), self)

    def maternity(self, person: Person, date: DateLike, *, delivery: Union[Delivery, str],
                  weeks: int = 0, child_order: int = 1, prenatal_costs: int = 0,
                  complication_costs: int = 0) -> Result:
        """The maternity payment for one delivery."""
        _require("Policy.maternity", person=(person, Person))
        m = _c.MaternityInput()
        m.delivery = int(Delivery.parse(delivery))
        m.weeks = integer(weeks, "Policy.maternity: weeks", np.int32)
        m.child_order = integer(child_order, "Policy.maternity: child_order", np.int32)
        m.prenatal_costs = integer(prenatal_costs, "Policy.maternity: prenatal_costs",
                                   money=True)
        m.complication_costs = integer(complication_costs,
                                       "Policy.maternity: complication_costs", money=True)
        return Result._wrap(self._c.maternity(person._to_c(),
                                              to_cdate(date, "Policy.maternity: date"), m), self)

    def capitation(self, *, level: Union[Level, str], disease: Union[Disease, str],
                   period: Sequence[DateLike], enrolments: Sequence[Sequence[Any]] = (),
                   actual_costs: int = 0, institution: int = 0,
                   assessment: Optional[int] = None) -> Result:
        """One institution's per-head payment for ``period=(first_day, last_day)``;
        ``enrolments`` are ``(patient_id, from, to_or_None)`` tuples."""
        what = "Policy.capitation: "
        ci = _c.CapitationInput()
        ci.institution = integer(institution, what + "institution")
        ci.level = int(Level.parse(level))
        ci.disease = int(Disease.parse(disease))
        ci.from_date = to_cdate(period[0], what + "period[0]")
        ci.to_date = to_cdate(period[1], what + "period[1]")
        ci.actual_costs = integer(actual_costs, what + "actual_costs", money=True)
        if assessment is not None:
            ci.assessment = integer(assessment, what + "assessment", np.int32)
        en = _c.Enrolments()
        for i, (patient, start, end) in enumerate(enrolments):
            row = f"{what}enrolments[{i}]"
            if en.add(integer(patient, row + " patient"), to_cdate(start, row + " from"),
                      to_cdate(end, row + " to")) != 0:
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
        emp.monthly_wage = integer(monthly_wage, "Policy.account: monthly_wage", money=True)
        emp.employer_type = int(EmployerType.parse(employer_type))
        a.employee = emp
        a.last_year_pension = integer(last_year_pension, "Policy.account: last_year_pension",
                                      money=True)
        a.year_costs = integer(year_costs, "Policy.account: year_costs", money=True)
        a.serious_illness = int(bool(serious_illness))
        return Result._wrap(self._c.account(person._to_c(),
                                            to_cdate(date, "Policy.account: date"), a), self)

    def __repr__(self) -> str:
        to = self.effective_to
        return (f"<Policy {self.id}: {self.title!r}, {self.effective_from} to "
                f"{to if to else 'open'}>")

    def _content(self) -> tuple:
        """What makes two policies the same: id, title, dates, sources, and every value with
        its citation and position."""
        if self._fingerprint is None:
            c = self._c
            sources = tuple((s.id, s.title, s.number, s.issuer, s.date, s.kind, s.file, s.line)
                            for s in map(c.source, range(c.source_count())))
            values = tuple((v.path, v.key, v.text, v.source, v.at, v.assumed, v.file, v.line,
                            v.column) for v in map(c.value, range(c.value_count())))
            self._fingerprint = (c.id(), c.region(), c.title(), c.effective_from(),
                                 c.effective_to(), sources, values)
        return self._fingerprint

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same policy: the same id, title, dates, sources and values
        with their citations and positions (a policy pickled and loaded again, or loaded twice
        from the same text)."""
        if not isinstance(other, Policy):
            return NotImplemented
        return self._c.this == other._c.this or self._content() == other._content()

    def __hash__(self) -> int:
        return hash(self.id)

    def __reduce__(self):
        # By what it was made from (pickling.py), never by the C object.
        from .pickling import policy_state, restore_policy
        return (restore_policy, policy_state(self))


class PolicySet:
    """Policies indexed by region and dates: :meth:`lookup` finds the one in force on a day.

    ``PolicySet.embedded()`` holds the policies compiled into the library; :meth:`add_dir` and
    :meth:`add_file` add (or replace by id) policies from files.
    """

    def __init__(self, _handle: Any = None) -> None:
        self._c = _handle if _handle is not None else _c.PolicySet.empty()
        # What it was made from, for pickling (pickling.py): "empty" or "embedded", then each
        # addition's (id, name, text) list and limits.
        self._recipe: tuple = ("empty", [])

    @classmethod
    def embedded(cls) -> "PolicySet":
        """A set holding the policies compiled into the library."""
        pset = cls(_c.PolicySet.embedded())
        pset._recipe = ("embedded", [])
        return pset

    def add_dir(self, path: Union[str, os.PathLike], *,
                options: Optional[LoadOptions] = None) -> "PolicySet":
        """Add every ``*.yaml`` below ``path``; returns the set. Raises :class:`PolicyError`."""
        from .pickling import options_state, read_dir
        self._c.add_dir(os.fspath(path), _opts(options))
        self._recipe[1].append((read_dir(os.fspath(path)), options_state(options)))
        return self

    def add_file(self, path: Union[str, os.PathLike], id: Optional[str] = None, *,
                 options: Optional[LoadOptions] = None) -> "PolicySet":
        """Add one file (``id`` defaults to the file name without ``.yaml``); returns the set."""
        from .pickling import options_state, read_text
        self._c.add_file(os.fspath(path), id, _opts(options))
        self._recipe[1].append(([(id, os.fspath(path), read_text(os.fspath(path)))],
                                options_state(options)))
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

    def __eq__(self, other: object) -> bool:
        """Equal when both hold equal policies under the same ids."""
        if not isinstance(other, PolicySet):
            return NotImplemented
        return self.ids == other.ids and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # a set can change

    def __reduce__(self):
        # By what it was made from: the embedded set or none, and each addition's texts.
        from .pickling import restore_set, set_state
        return (restore_set, set_state(self))


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
    from .pickling import options_state, read_text
    policy = Policy(_c.Policy.load_file(os.fspath(path), bases._c if bases else None,
                                        _opts(options)))
    policy._recipe = ("text", os.fspath(path), read_text(os.fspath(path)), bases,
                      options_state(options))
    return policy


def load_policy_string(yaml_text: str, name: str = "policy.yaml", *,
                       bases: Optional[PolicySet] = None,
                       options: Optional[LoadOptions] = None) -> Policy:
    """Load a policy from YAML text; ``name`` is used as the file name in errors."""
    from .pickling import options_state
    policy = Policy(_c.Policy.load_string(name, yaml_text, bases._c if bases else None,
                                          _opts(options)))
    policy._recipe = ("text", name, yaml_text, bases, options_state(options))
    return policy


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
