"""Exceptions raised by medins.

Every failure of the C library arrives as a :class:`MedinsError` (or one of its subclasses)
carrying the library's status ``code``, its ``name`` (``"MEDINS_ERR_RANGE"``), the English
``message`` and, for policy files, the ``file``, ``line`` and ``column`` of the offending node.

Which class, in this order:

1. What was called decides first. Loading, adding or deriving a policy (``load_policy``,
   ``load_policy_string``, ``Policy.derive``, ``PolicySet.add_dir`` / ``add_file``, the embedded
   policies) raises :class:`PolicyError`, whatever the code: a bad date or too large an amount
   in a policy file is a policy error at its file:line:column. Reading yuan or a ratio from text
   (``medins.fen``, ``medins.ratio``) raises :class:`MoneyError`.
2. Otherwise the code decides (``_class_for``): persons, claims, ledgers, inputs, lookups.

Wrong Python values never reach the library: a value of the wrong type is a ``TypeError``, an
integer too large for its C type an ``OverflowError`` (:mod:`medins.values`).
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "MedinsError", "ArgumentError", "PolicyError", "MoneyError", "NoPolicyError",
    "NotCoveredError", "PersonError", "ClaimError", "LedgerError", "InputError", "BatchError",
]

# Status values (include/medins/errors.h); stable across releases.
_NAMES = {
    -1: "MEDINS_ERR_NOMEM", -2: "MEDINS_ERR_ARGUMENT", -3: "MEDINS_ERR_IO",
    -4: "MEDINS_ERR_OVERFLOW", -5: "MEDINS_ERR_BUFFER", -10: "MEDINS_ERR_YAML",
    -11: "MEDINS_ERR_LIMIT", -12: "MEDINS_ERR_UNKNOWN_KEY", -13: "MEDINS_ERR_TYPE",
    -14: "MEDINS_ERR_MISSING", -15: "MEDINS_ERR_RANGE", -16: "MEDINS_ERR_SYNTAX",
    -17: "MEDINS_ERR_SEGMENTS", -18: "MEDINS_ERR_OVERLAP", -19: "MEDINS_ERR_BASE",
    -20: "MEDINS_ERR_CYCLE", -21: "MEDINS_ERR_CITATION", -22: "MEDINS_ERR_DUPLICATE",
    -30: "MEDINS_ERR_NO_POLICY", -31: "MEDINS_ERR_NOT_COVERED", -40: "MEDINS_ERR_PERSON",
    -41: "MEDINS_ERR_CLAIM", -42: "MEDINS_ERR_KIND", -43: "MEDINS_ERR_LEVEL",
    -44: "MEDINS_ERR_DATE", -45: "MEDINS_ERR_ORDER", -46: "MEDINS_ERR_LEDGER_YEAR",
    -47: "MEDINS_ERR_LEDGER", -48: "MEDINS_ERR_REVERSE", -60: "MEDINS_ERR_INPUT",
    -61: "MEDINS_ERR_ENROLMENT", -70: "MEDINS_ERR_BATCH",
}


class MedinsError(Exception):
    """A libmedins call failed.

    Attributes:
        code: the negative status (``medins.Status``).
        name: the status's C name, e.g. ``"MEDINS_ERR_RANGE"``.
        message: the library's English message.
        file: the policy file the error is about, or ``None``.
        line: 1-based line in ``file``; 0 when unknown.
        column: 1-based column; 0 when unknown.
    """

    def __init__(self, message: str, code: int = -2, file: Optional[str] = None,
                 line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.code = int(code)
        self.name = _NAMES.get(self.code, "MEDINS_ERR_UNKNOWN")
        self.file = file
        self.line = int(line)
        self.column = int(column)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message} [{self.name}]"

    def __reduce__(self):
        # Keeps the fields when the exception crosses a process boundary (Dask, multiprocessing).
        return (_rebuild, (type(self), self.message, self.code, self.file, self.line, self.column))


def _rebuild(cls, message, code, file, line, column):
    return cls(message, code, file, line, column)


class ArgumentError(MedinsError, ValueError):
    """An argument out of range, an amount above the maximum, or out of memory."""


class PolicyError(MedinsError, ValueError):
    """A policy file (or overlay) could not be loaded, whatever the code: ``file``/``line``/
    ``column`` point at the offending node (``file`` alone for a file that cannot be read)."""


class MoneyError(MedinsError, ValueError):
    """Yuan or ratio text (``medins.fen``, ``medins.ratio``) that is not an exact amount or
    percentage ("1,100", "1.005", "55"), or out of range: ``ERR_SYNTAX``, ``ERR_OVERFLOW``,
    ``ERR_RANGE``."""


class NoPolicyError(MedinsError, LookupError):
    """No policy of the region is in force on the date."""


class NotCoveredError(MedinsError):
    """The policy has no section or row for this computation."""


class PersonError(MedinsError, ValueError):
    """The person is inconsistent (a category of another scheme, an unknown tier or group)."""


class ClaimError(MedinsError, ValueError):
    """The claim is inconsistent: amounts, kind, level or date."""


class LedgerError(MedinsError):
    """The ledger does not fit the claim (order, year), is corrupt, or cannot be reversed."""


class InputError(MedinsError, ValueError):
    """Invalid contribution, maternity or capitation input."""


class BatchError(MedinsError):
    """Some claims of a batch failed.

    Attributes:
        status: the per-claim status array (0 for claims that settled).
        results: what the batch produced (arrays or a DataFrame), failed rows zero.
    """

    def __init__(self, message: str, code: int = -70, file: Optional[str] = None,
                 line: int = 0, column: int = 0, status=None, results=None) -> None:
        super().__init__(message, code, file, line, column)
        self.status = status
        self.results = results


# Calls (the extension's function names) whose every error has one class, whatever its code.
_BY_CALL = {
    "Policy_load_file": PolicyError, "Policy_load_string": PolicyError,
    "Policy_derive": PolicyError, "PolicySet_add_dir": PolicyError,
    "PolicySet_add_file": PolicyError, "PolicySet_embedded": PolicyError,
    "money_parse": MoneyError, "ratio_parse": MoneyError,
}


def _class_for(code: int) -> type:
    """The class of a code, for calls not in _BY_CALL."""
    if code in (-3,) or -22 <= code <= -10:
        return PolicyError
    if code == -30:
        return NoPolicyError
    if code == -31:
        return NotCoveredError
    if code == -40:
        return PersonError
    if -44 <= code <= -41:
        return ClaimError
    if -48 <= code <= -45:
        return LedgerError
    if code in (-60, -61):
        return InputError
    if code == -70:
        return BatchError
    if -5 <= code <= -1:
        return ArgumentError
    return MedinsError


def _from_c(code: int, message: str, file: Optional[str], line: int, column: int,
            call: Optional[str] = None) -> MedinsError:
    """Called by the extension to build the exception for a C error of the function `call`."""
    return _BY_CALL.get(call or "", _class_for(code))(message, code, file, line, column)

