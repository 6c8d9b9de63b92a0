"""Enumerations of libmedins as :class:`enum.IntEnum` (values are the C values).

Every enumeration accepts, wherever the API takes one, a member, its integer value, its member
name (``"L3"``) or the word used in policy files (``"l3"``, ``"in_service"``); see
:meth:`_Words.parse`. Words of persons, claims and inputs are read by the C library's word
parser, as C and Java read them: any case, ``-`` for ``_``, or the Chinese name (``"三级"``,
``"住院"``). ``member.word`` gives the policy-file word, and ``str(member)`` too, so that
members print as names in DataFrames (``Part.FUND`` as ``fund``, not ``2``).
"""

from __future__ import annotations

import enum
import operator
from typing import Callable, Dict, Optional, Type, TypeVar, Union

from . import lowlevel as _c
from .errors import MedinsError

__all__ = ["Scheme", "Category", "Tier", "Level", "ClaimKind", "Group", "Section", "Part",
           "Pool", "ResultKind", "Status", "EmployerType", "Delivery", "Disease",
           "CapitationPeriod", "StepKind"]

E = TypeVar("E", bound="enum.Enum")


class _Words:
    """Mixin: policy-file words and lenient parsing."""

    _namer: Optional[Callable[[int], Optional[str]]] = None

    @property
    def word(self) -> str:
        """The word used in policy files (``"l3"``), or the lower-case member name."""
        namer = type(self).__dict__.get("_namer_fn")
        text = namer(int(self)) if namer else None
        return text if text else self.name.lower()

    def __str__(self) -> str:
        # The word, so that a member prints as its name in a DataFrame or a message, not as
        # the number Python 3.11 prints an IntEnum as; format specs (f"{m:d}") still format
        # the number.
        return self.word

    def __format__(self, spec: str) -> str:
        return self.word if not spec else format(int(self), spec)

    @classmethod
    def parse(cls: Type[E], value: Union[E, int, str]) -> E:
        """A member from a member, an int, a member name or a word (see the module's doc)."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            key = value.strip()
            if key.lstrip("-").isdigit():
                return cls(int(key))
            words = cls.__dict__.get("_word_set")
            if words is not None:
                return cls(_word_parse(words, value))
            for m in cls:
                if key.upper() == m.name or key.lower() == m.word:
                    return m
            words = ", ".join(m.word for m in cls)
            raise ValueError(f"{value!r} is not a {cls.__name__} (one of: {words})")
        return cls(_code(value, cls.__name__))


def _code(value: object, what: str) -> int:
    """An enumeration's integer value given as a number: ints and numpy integers only (a float
    would be truncated to a plausible member, a bool read as 0 or 1)."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise TypeError(f"{value!r} is not a {what}: give a member, its word or its int value")
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{value!r} is not a {what}: give a member, its word or its int "
                        f"value, not {type(value).__name__}") from None


def _word_parse(words: int, text: str) -> int:
    """The C parser's value for ``text``; its message (listing the words) as a ValueError."""
    try:
        return _c.word_parse(words, text)
    except MedinsError as e:
        raise ValueError(e.message) from None


def _members(prefix: str, skip=("COUNT",), rename: Optional[Dict[str, str]] = None) -> Dict[str, int]:
    out = {}
    for key in dir(_c):
        if not key.startswith(prefix) or not isinstance(getattr(_c, key), int):
            continue
        name = key[len(prefix):]
        if name in skip or name.endswith("_COUNT"):
            continue
        if rename and name in rename:
            name = rename[name]
        out[name] = getattr(_c, key)
    return dict(sorted(out.items(), key=lambda kv: abs(kv[1])))


def _make(cls_name: str, prefix: str, namer=None, base=enum.IntEnum, doc: str = "", words=None,
          **kw):
    cls = base(cls_name, _members(prefix, **kw), module=__name__, type=_Words) \
        if base is enum.IntEnum else base(cls_name, _members(prefix, **kw), module=__name__)
    if namer is not None:
        setattr(cls, "_namer_fn", staticmethod(namer))
    if words is not None:
        setattr(cls, "_word_set", words)
    cls.__doc__ = doc
    return cls


def _word_or_none(fn):
    def namer(v: int) -> Optional[str]:
        try:
            return fn(v)
        except (TypeError, ValueError, OverflowError):
            return None
    return namer


Scheme = _make("Scheme", "SCHEME_", _word_or_none(_c.scheme_name), words=_c.WORDS_SCHEME,
               doc="Insurance scheme: EMPLOYEE (职工医保) or RESIDENT (城乡居民医保).")
Category = _make("Category", "CATEGORY_", _word_or_none(_c.category_name), words=_c.WORDS_CATEGORY,
                 doc="Insured category: IN_SERVICE, RETIRED (employees), ADULT, STUDENT_CHILD (residents).")
Tier = _make("Tier", "TIER_", _word_or_none(_c.tier_name), words=_c.WORDS_TIER,
             doc="Residents' contribution tier; employees use NONE.")
Level = _make("Level", "LEVEL_", _word_or_none(_c.level_name), words=_c.WORDS_LEVEL,
              rename={"1": "L1", "2": "L2", "3": "L3"},
              doc="Place of care: PRIMARY (基层), L1, L2, L3 hospitals, PHARMACY.")
ClaimKind = _make("ClaimKind", "CLAIM_", _word_or_none(_c.claim_kind_name),
                  words=_c.WORDS_CLAIM_KIND,
                  skip=("KIND_COUNT",),
                  doc="What a claim is for: OUTPATIENT, POOLING, SPECIAL_DISEASE, INPATIENT, PHARMACY.")
Section = _make("Section", "SECTION_", _word_or_none(_c.section_name),
                doc="Sections a policy may have.")
Part = _make("Part", "PART_", _word_or_none(_c.part_name),
             doc="What an explanation line's amount is.")
Pool = _make("Pool", "POOL_", _word_or_none(_c.pool_name), doc="Benefit pools of a ledger.")
ResultKind = _make("ResultKind", "RESULT_", _word_or_none(_c.result_kind_name),
                   doc="What a result is of.")
EmployerType = _make("EmployerType", "EMPLOYER_", _word_or_none(_c.employer_type_name),
                     words=_c.WORDS_EMPLOYER_TYPE,
                     skip=("TYPE_COUNT",), doc="Employer type for employee contributions.")
Delivery = _make("Delivery", "DELIVERY_", _word_or_none(_c.delivery_name), words=_c.WORDS_DELIVERY,
                 doc="Kind of delivery for maternity benefits.")
Disease = _make("Disease", "DISEASE_", _word_or_none(_c.disease_name), words=_c.WORDS_DISEASE,
                doc="Outpatient special diseases paid per head.")
Sex = _make("Sex", "SEX_", _word_or_none(_c.sex_name), words=_c.WORDS_SEX,
            doc="A person's sex: UNKNOWN (not given), MALE (男), FEMALE (女).")
CapitationPeriod = _make("CapitationPeriod", "CAPITATION_",
                         _word_or_none(_c.capitation_period_name), doc="Unit of a per-head rate.")
StepKind = _make("StepKind", "STEP_", _word_or_none(_c.step_kind_name),
                 skip=("ARGS", "KIND_COUNT"),
                 doc="What a step of a result's trace is (docs/settlement.md, \"The trace\").")


def _status_members() -> Dict[str, int]:
    # The library's own list, in its order: "MEDINS_ERR_RANGE" becomes ERR_RANGE.
    codes = (_c.status_at(i) for i in range(_c.status_count()))
    return {_c.status_name(code)[len("MEDINS_"):]: code for code in codes}


Status = enum.IntEnum("Status", _status_members(), module=__name__)
Status.__doc__ = "Status codes of the C library (0 = OK, failures negative)."


class Group(enum.IntFlag):
    """Special groups of a person, combinable with ``|`` (``Group.DIBAO | Group.DISABLED``)."""

    DIBAO = _c.GROUP_DIBAO
    MARGINAL = _c.GROUP_MARGINAL
    TEKUN = _c.GROUP_TEKUN
    DISABLED = _c.GROUP_DISABLED
    LOW_INCOME_ELDERLY = _c.GROUP_LOW_INCOME_ELDERLY
    SINGLE_PARENT = _c.GROUP_SINGLE_PARENT
    BEREAVED_PARENT = _c.GROUP_BEREAVED_PARENT
    FIVE_GUARANTEE = _c.GROUP_FIVE_GUARANTEE
    THREE_WITHOUT = _c.GROUP_THREE_WITHOUT
    ENTITLED = _c.GROUP_ENTITLED

    @property
    def word(self) -> str:
        """Policy-file words joined by ``+`` (``"dibao+disabled"``); ``""`` for no group."""
        return "+".join(_c.group_name(int(m)) or m.name.lower() for m in Group if m in self)

    def __str__(self) -> str:
        return self.word

    def __format__(self, spec: str) -> str:
        return self.word if not spec else format(int(self), spec)

    @classmethod
    def parse(cls, value) -> "Group":
        """Groups from a Group, an int mask, ``"dibao+disabled"`` (the library's reading of a
        list of groups: words separated by ``+``, ``,`` or ``|``) or a list of words."""
        if isinstance(value, Group):
            return value
        if value is None:
            return cls(0)
        if isinstance(value, str):
            return cls(_groups(value))
        if isinstance(value, (list, tuple, set, frozenset)):
            mask = cls(0)
            for w in value:
                mask |= cls(_groups(w) if isinstance(w, str) else _code(w, "Group"))
            return mask
        return cls(_code(value, "Group"))


def _groups(text: str) -> int:
    """The flags of a list of groups, read by the library; its error as a ValueError."""
    from .errors import MedinsError
    try:
        return _c.groups_parse(text)
    except MedinsError as e:
        raise ValueError(e.message) from None
