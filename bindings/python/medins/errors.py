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
2. Otherwise the code's family decides, as the library groups the codes
   (``medins_status_kind_of``): persons, claims, ledgers, inputs, lookups.
3. A batch (``settle_arrays`` / ``settle_frame`` with ``on_error="raise"``) raises the first
   failed claim's error as settling that claim alone raises it, as an instance of both that
   class and :class:`BatchError`.

Wrong Python values never reach the library: a value of the wrong type is a ``TypeError``, an
integer too large for its C type an ``OverflowError`` (:mod:`medins.values`).
"""

from __future__ import annotations

from typing import Optional

from . import lowlevel as _c

__all__ = [
    "MedinsError", "ArgumentError", "PolicyError", "MoneyError", "NoPolicyError",
    "NotCoveredError", "PersonError", "ClaimError", "LedgerError", "InputError", "BatchError",
]

# The codes the library can be asked about (a C int); any other is unknown to it.
_C_INT = range(-2**31, 2**31)


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
        self.name = _c.status_name(self.code) if self.code in _C_INT else "MEDINS_ERR_UNKNOWN"
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
    """The ledger does not fit the claim (order, year), is corrupt, or cannot be reversed; or a
    settlement's record is malformed."""


class InputError(MedinsError, ValueError):
    """Invalid contribution, maternity or capitation input."""


class BatchError(MedinsError):
    """Some claims of a batch failed, and nothing was changed (``on_error="raise"``).

    The exception raised is also an instance of the class settling the first failed claim
    alone raises (``except medins.ClaimError`` catches it too), with that claim's ``code`` and
    ``message``; ``str()`` adds its row.

    Attributes:
        row: the first failed claim's row (its position in the claims given, or the claims
            frame's index label).
        rows: what the rows are (``"claim"``; ``"person"``, ``"delivery"``, ``"institution"``
            for the population calls of :mod:`medins.population`), which ``str()`` names.
        status: the per-claim status array (0 for claims that settled).
        results: the figures the batch produced (arrays or a DataFrame), failed rows zero;
            none of them was written into the caller's ``out=``. Its ``ledgers`` are those the
            batch made when it made the block, None when it was given one (``ledgers=``), which
            is as it was.
        errors: every failed claim, as a DataFrame with columns ``row``, ``code``,
            ``status_name`` and ``message``.
    """

    def __init__(self, message: str, code: int = -70, file: Optional[str] = None,
                 line: int = 0, column: int = 0, status=None, results=None, row=None,
                 errors=None, rows: str = "claim") -> None:
        super().__init__(message, code, file, line, column)
        self.rows = rows
        self.status = status
        self.results = results
        self.row = row
        self.errors = errors

    @property
    def errors(self):
        # Made when first read (from results, a BatchResult): a DataFrame costs more than the
        # rest of a small batch.
        if self._errors is None and isinstance(getattr(type(self.results), "errors", None),
                                               property):
            self._errors = self.results.errors
        return self._errors

    @errors.setter
    def errors(self, frame) -> None:
        self._errors = frame

    def __str__(self) -> str:
        where = "" if self.row is None else f"{self.rows} row {self.row}: "
        return where + super().__str__()

    def __reduce__(self):
        # The row crosses a process boundary; the arrays and frames stay behind.
        return (_rebuild_batch, (type(self), self.message, self.code, self.row, self.rows))


def _rebuild_batch(cls, message, code, row, rows="claim"):
    return cls(message, code, row=row, rows=rows)


# Calls (the extension's function names) whose every error has one class, whatever its code.
_BY_CALL = {
    "Policy_load_file": PolicyError, "Policy_load_string": PolicyError,
    "Policy_derive": PolicyError, "PolicySet_add_dir": PolicyError,
    "PolicySet_add_file": PolicyError, "PolicySet_embedded": PolicyError,
    "PolicySet_add_texts": PolicyError,
    "money_parse": MoneyError, "ratio_parse": MoneyError,
    "result_explain": ArgumentError, "result_step_text": ArgumentError,
}


# One class for each family of codes the library groups them in (medins_status_kind_name).
_BY_KIND = {
    "argument": ArgumentError, "policy": PolicyError, "no_policy": NoPolicyError,
    "not_covered": NotCoveredError, "person": PersonError, "claim": ClaimError,
    "ledger": LedgerError, "input": InputError, "batch": BatchError,
}


def _class_for(code: int) -> type:
    """The class of a code, for calls not in _BY_CALL: its family's, from the library;
    MedinsError for a code the library does not have."""
    if code not in _C_INT:
        return MedinsError
    return _BY_KIND.get(_c.status_kind_name(_c.status_kind_of(code)), MedinsError)


def _from_c(code: int, message: str, file: Optional[str], line: int, column: int,
            call: Optional[str] = None) -> MedinsError:
    """Called by the extension to build the exception for a C error of the function `call`."""
    return _BY_CALL.get(call or "", _class_for(code))(message, code, file, line, column)


def _batch_class(cls: type) -> type:
    """The class raised for a batch whose first failed claim alone raises `cls`: a subclass of
    both (made below for every class _class_for gives, so that it pickles by name)."""
    return _BATCH_CLASSES.get(cls, BatchError)


_BATCH_CLASSES = {}
for _cls in [c for c in _BY_KIND.values() if c is not BatchError]:
    _name = "Batch" + _cls.__name__
    _BATCH_CLASSES[_cls] = globals()[_name] = type(_name, (BatchError, _cls), {
        "__module__": __name__,
        "__doc__": f"A batch whose first failed claim raises {_cls.__name__} when settled alone."})
del _cls, _name
