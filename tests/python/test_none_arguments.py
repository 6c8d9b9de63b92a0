"""Every function, method and field of the low-level module given None.

SWIG passes None on as NULL, so a helper of the interface that reads through a pointer without
a test crashed the interpreter (Ledger.from_text(None), Result.kind(None), setting
AccountInput.employee to None). Each call here may raise anything; the test fails only when
the interpreter does not survive, or when it made too few calls to mean anything.
"""
import inspect

import medins
import medins.lowlevel as ll


def _callables():
    """(label, function) for each module function, class and method, with 0 to 7 arguments."""
    policy = medins.default_policy(date="2023-06-01")._c
    instances = {"Policy": policy, "PolicySet": ll.PolicySet.embedded(), "Ledger": ll.Ledger(2023)}
    for name in sorted(dir(ll)):
        obj = getattr(ll, name)
        if name.startswith("_") or not callable(obj):
            continue
        yield name, obj
        if not inspect.isclass(obj):
            continue
        for m in sorted(dir(obj)):
            f = getattr(obj, m)
            if m.startswith("__") or m == "thisown" or not callable(f):
                continue
            yield f"{name}.{m}", f
            inst = instances.get(name)
            if inst is not None:
                yield f"{name}().{m}", getattr(inst, m)


def test_none_for_every_argument_never_crashes():
    calls = 0
    for _label, f in _callables():
        for nargs in range(8):
            try:
                f(*([None] * nargs))
            except Exception:
                pass
            calls += 1
    assert calls > 1000


def test_none_for_every_field_never_crashes():
    sets = 0
    for name in sorted(dir(ll)):
        cls = getattr(ll, name)
        if name.startswith("_") or not inspect.isclass(cls):
            continue
        try:
            obj = cls()
        except Exception:
            continue
        for field, attr in inspect.getmembers(cls, inspect.isdatadescriptor):
            if field.startswith("_") or field == "thisown" or getattr(attr, "fset", 1) is None:
                continue
            try:
                setattr(obj, field, None)
            except Exception:
                pass
            sets += 1
    assert sets > 30
