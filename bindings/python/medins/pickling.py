"""Pickling policies and policy sets by what they were made from.

A policy is a C object; what pickles is how it was made, as text: the embedded set (which the
other process's library holds), the YAML of every file added to a set and of every policy
loaded alone (read when it was loaded), and the overlay of every derived policy. Loading the
pickle makes each again with the same ids and file names, so it comes back equal
(:meth:`Policy.__eq__`: the same values, citations and positions): another process
(``multiprocessing``, a Dask worker) or another machine needs none of the files.

Both sides must run the same library version: the embedded policies are the library's.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple

__all__ = ["read_dir", "read_text", "set_state", "restore_set", "restore_policy"]

# (id or None, name, text) of a policy file, as a set adds it.
Text = Tuple[Optional[str], str, str]


def read_text(path: str) -> str:
    """A policy file's text as the library reads it: UTF-8, or UTF-16 with a byte-order
    mark (which becomes UTF-8 text with the same lines and columns)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8")


def read_dir(path: str) -> List[Text]:
    """The files medins_policy_set_add_dir read below ``path`` (it succeeded, so no loop or
    second path exists): every ``*.yaml`` file not starting with ``.``, links followed, ids
    the paths below ``path`` without ``.yaml``, names ``path/<relative path>``."""
    found: List[str] = []

    def walk(rel: str) -> None:
        here = os.path.join(path, rel) if rel else path
        for name in sorted(os.listdir(here)):
            if name.startswith("."):
                continue
            child = f"{rel}/{name}" if rel else name
            full = f"{here}/{name}"
            if os.path.isdir(full):
                walk(child)
            elif len(name) > 5 and name.endswith(".yaml") and os.path.isfile(full):
                found.append(child)

    walk("")
    return [(rel[:-5], f"{path}/{rel}", read_text(f"{path}/{rel}")) for rel in sorted(found)]


def options_state(options: Any) -> Optional[Dict[str, int]]:
    """A LoadOptions' limits as a dict (None for none)."""
    if options is None:
        return None
    return {name: getattr(options._c, name) for name in options._FIELDS}


def _options(state: Optional[Dict[str, int]]) -> Any:
    from .core import LoadOptions
    return None if state is None else LoadOptions(**state)._c


def restore_set(start: str, batches: Sequence[Tuple[List[Text], Any]]) -> Any:
    """A set made again: ``start`` ("embedded" or "empty"), then each batch of texts added as
    one (with its limits)."""
    from . import lowlevel as _c
    from .core import PolicySet
    pset = PolicySet.embedded() if start == "embedded" else PolicySet()
    for texts, options in batches:
        _c.policy_set_add_texts(pset._c, [t[0] for t in texts], [t[1] for t in texts],
                                [t[2] for t in texts], _options(options))
        pset._recipe[1].append((list(texts), options))
    return pset


def set_state(pset: Any) -> Tuple[str, List[Tuple[List[Text], Any]]]:
    return pset._recipe[0], list(pset._recipe[1])


# Sets made again for the policies that borrow from them, by their recipes: a worker that
# loads many pickled policies of one set makes the set once. Only read, never changed.
_owners: Dict[Any, Any] = {}


def _owner(start: str, batches: Sequence[Tuple[List[Text], Any]]) -> Any:
    from .core import embedded
    if start == "embedded" and not batches:
        return embedded()
    key = (start, tuple((tuple(t), None if o is None else tuple(sorted(o.items())))
                        for t, o in batches))
    pset = _owners.get(key)
    if pset is None:
        if len(_owners) >= 8:
            _owners.pop(next(iter(_owners)))
        pset = _owners[key] = restore_set(start, batches)
    return pset


def restore_policy(how: str, *args: Any) -> Any:
    """A policy made again from its recipe (core.Policy.__reduce__)."""
    from .core import load_policy_string
    if how == "in":
        (start, batches), pid = args
        policy = _owner(start, batches).get(pid)
        if policy is None:
            raise KeyError(f"the set made again has no policy {pid!r}")
        return policy
    if how == "text":
        name, text, bases, options = args
        from .core import LoadOptions
        return load_policy_string(text, name, bases=bases,
                                  options=None if options is None else LoadOptions(**options))
    if how == "derive":
        base, name, overlay = args
        return base.derive(overlay, name)
    raise ValueError(f"unknown policy recipe {how!r}")


def policy_state(policy: Any) -> Tuple[Any, ...]:
    """The arguments of restore_policy for ``policy``."""
    recipe = policy._recipe
    if recipe is None:
        raise TypeError(f"policy {policy.id} cannot be pickled: it was made by no call this "
                        f"package records (load_policy, load_policy_string, derive, a set)")
    if recipe[0] == "in":
        return ("in", set_state(recipe[1]), recipe[2])
    return recipe
