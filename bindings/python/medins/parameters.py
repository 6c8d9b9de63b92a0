"""Reforms in code: a policy's values addressed by the ids that overlays merge on.

Every value of a policy has a *key* (``medins_value.key``): its path with each row named, by
its ``id`` when it has one: ``inpatient.ratio[id=employee-l3].segments[0].ratio``. The values
whose rows are all named by id (a list inside such a row, like ``segments``, counted by
index) are *addressable*: :func:`parameters` lists them, and :func:`derive_values` changes them
by writing the overlay a person would write, rows merged by id, a list inside a row given
whole. Rows without an id (named by their selectors, or by their index) cannot be addressed:
an overlay can only replace their whole table.

A value a reform sets is the reform's own: it cites a source of ``kind: reform`` whose title
is the reform's title (docs/policy-format.md), not a document. The other values keep their
citations, the values of a list given whole included.

Addresses may name a row by its id alone (``inpatient.ratio[employee-l3]...``), as the ids
are written in overlays.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

__all__ = ["parameters", "derive_values", "sweep_policies", "sweep", "normalize_address"]

# One step of an address: a key, then perhaps a row in brackets.
_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?")


def _steps(address: str) -> List[Tuple[str, Optional[str]]]:
    """An address as (key, row) steps; a ValueError when it does not parse."""
    steps, pos = [], 0
    while True:
        m = _STEP.match(address, pos)
        if not m:
            raise ValueError(f"{address!r} is not a value's address (like "
                             f"'inpatient.ratio[id=employee-l3].segments[0].ratio')")
        steps.append((m.group(1), m.group(2)))
        pos = m.end()
        if pos == len(address):
            return steps
        if address[pos] != ".":
            raise ValueError(f"{address!r}: a '.' was expected at character {pos + 1}")
        pos += 1


def normalize_address(address: str) -> str:
    """The library's key for an address: a row named by its id alone (``[employee-l3]``)
    becomes ``[id=employee-l3]``; a number stays an index."""
    if not isinstance(address, str):
        raise TypeError(f"an address is a str, not {type(address).__name__}")
    out = []
    for key, row in _steps(address):
        if row is not None and not row.isdigit() and "=" not in row:
            row = f"id={row}"
        out.append(key if row is None else f"{key}[{row}]")
    return ".".join(out)


def _addressable(key: str) -> bool:
    """Whether every row on the way to the value is named by id, or counted inside one."""
    inside = False
    for _, row in _steps(key):
        if row is None:
            continue
        if row.startswith("id="):
            inside = True
        elif not (row.isdigit() and inside):
            return False
    return True


def _kinds(policy: Any) -> Dict[str, str]:
    return {s.id: s.kind for s in policy.sources}


def _kind(value: Any, kinds: Mapping[str, str]) -> str:
    return "assumed" if value.assumed else kinds.get(value.source, "official")


def parameters(policy: Any) -> Any:
    """The addressable values of ``policy`` as a DataFrame indexed by address: ``text`` (as
    written), ``kind`` (official, third-party, reform, assumed), ``source``, ``at``, ``path``,
    ``file``, ``line``."""
    import pandas as pd
    kinds = _kinds(policy)
    rows = [{"address": v.key, "text": v.text, "kind": _kind(v, kinds), "source": v.source,
             "at": v.at, "path": v.path, "file": v.file, "line": v.line}
            for v in policy.values if v.key and _addressable(v.key)]
    return pd.DataFrame(rows, columns=["address", "text", "kind", "source", "at", "path",
                                       "file", "line"]).set_index("address")


def _text(value: Any, address: str) -> str:
    """A new value as policy files write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return value
    raise TypeError(f"{address}: give the value as policy files write it ('90%', "
                    f"'1100.50' yuan, '3', True), not {type(value).__name__} {value!r}: an int "
                    f"would be read as yuan where Python's amounts are fen")


def _cite(value: Any) -> str:
    return f"assumed: {value.at}" if value.assumed else f"{value.source}: {value.at}"


def _set(node: Dict[str, Any], path: str, leaf: Any, address: str) -> None:
    """node[a][b]... = leaf for the dotted `path` (mappings only)."""
    parts = path.split(".")
    for p in parts[:-1]:
        node = node.setdefault(p, {})
        if not isinstance(node, dict):
            raise ValueError(f"{address}: cannot write {path} in code")
    node[parts[-1]] = leaf


def _whole_list(by_key: Mapping[str, Any], prefix: str, address: str) -> List[Dict[str, Any]]:
    """The list at key `prefix` (``...segments``), rebuilt from its values with their
    citations, for an overlay that gives it whole."""
    items: Dict[int, Dict[str, Any]] = {}
    pattern = re.compile(re.escape(prefix) + r"\[(\d+)\]\.(.+)")
    for key, v in by_key.items():
        m = pattern.fullmatch(key)
        if not m:
            continue
        if "[" in m.group(2):
            raise ValueError(f"{address}: the list {prefix} holds lists of its own: write "
                             f"that change as an overlay")
        _set(items.setdefault(int(m.group(1)), {}), m.group(2),
             {"value": v.text, "cite": _cite(v)}, address)
    if sorted(items) != list(range(len(items))):
        raise ValueError(f"{address}: {prefix} is not a list of values")
    return [items[i] for i in range(len(items))]


def _source_id(policy: Any) -> str:
    taken = {s.id for s in policy.sources}
    n, sid = 1, "reform"
    while sid in taken:
        n += 1
        sid = f"reform-{n}"
    return sid


def overlay_of(policy: Any, changes: Mapping[str, Any], title: str) -> Dict[str, Any]:
    """The overlay (a nested dict) that sets ``changes`` (address -> value) on ``policy``, its
    values citing a source of kind reform titled ``title``."""
    by_key = {v.key: v for v in policy.values if v.key}
    sid = _source_id(policy)
    overlay: Dict[str, Any] = {"kind": "reform", "title": title,
                               "sources": [{"id": sid, "title": title, "kind": "reform"}]}
    for address, value in changes.items():
        key = normalize_address(address)
        if key not in by_key:
            near = [k for k in by_key if k.split("[")[0] == key.split("[")[0]][:3]
            raise KeyError(f"{policy.id} has no value at {key}"
                           + (f"; its values there include {', '.join(near)}" if near else ""))
        if not _addressable(key):
            raise ValueError(f"{key} is in a row without an id: overlays merge rows by id, so "
                             f"only the values of rows with an id can be changed in code "
                             f"(Policy.parameters() lists them); write an overlay that gives "
                             f"the whole table")
        leaf = {"value": _text(value, key), "cite": f"{sid}: {key}"}
        node: Any = overlay
        steps = _steps(key)
        for i, (name, row) in enumerate(steps):
            last = i == len(steps) - 1
            if row is None:
                if last:
                    node[name] = leaf
                else:
                    node = node.setdefault(name, {})
            elif row.startswith("id="):
                rows = node.setdefault(name, [])
                mine = [r for r in rows if r.get("id") == row[3:]]
                if not mine:
                    rows.append({"id": row[3:]})
                    mine = rows[-1:]
                node = mine[0]
            else:
                if name not in node:
                    prefix = ".".join(f"{k}[{r}]" if r is not None else k for k, r in steps[:i])
                    node[name] = _whole_list(by_key, f"{prefix}.{name}" if prefix else name,
                                             key)
                node = node[name][int(row)]
                if last:
                    raise ValueError(f"{key} names a row, not a value")
    return overlay


def _check(base: Any, derived: Any, changes: Mapping[str, str]) -> None:
    """The derived policy differs from its base in the changed values only."""
    before = {v.key: v.text for v in base.values}
    after = {v.key: v.text for v in derived.values}
    expected = dict(before, **changes)
    if after != expected:
        wrong = sorted(k for k in set(after) | set(expected) if after.get(k) != expected.get(k))
        raise RuntimeError(f"derive: the overlay made from the changes also changed "
                           f"{', '.join(wrong[:5])}")


def derive_values(base: Any, changes: Mapping[str, Any], *, title: Optional[str] = None,
                  name: str = "reform.yaml") -> Any:
    """``base`` with the values at the addresses of ``changes`` set, as the reform's own.

    Args:
        base: the policy to change (unchanged).
        changes: address -> new value, written as policy files write it (``"90%"``,
            ``"1100.50"``, ``"3"``, ``True``; a ``Decimal`` is yuan).
        title: the reform's title, the title of the source its values cite (default: the
            changes written out).
        name: the overlay's name in errors and citations.
    Raises:
        KeyError: an address the policy has no value at.
        ValueError: an address that does not parse, or is in a row without an id.
        TypeError: a value that is not text, a bool or a Decimal.
        PolicyError: a value the policy format refuses (``"150%"``), at the overlay's line.
    """
    if not changes:
        raise ValueError("derive: no changes")
    keyed = {normalize_address(a): v for a, v in changes.items()}
    if title is None:
        title = "; ".join(f"{k} = {_text(v, k)}" for k, v in keyed.items())
    overlay = overlay_of(base, keyed, title)
    derived = base.derive(overlay, name)
    _check(base, derived, {k: _text(v, k) for k, v in keyed.items()})
    return derived


def sweep_policies(base: Any, address: str, values: Iterable[Any], *,
                   title: Optional[str] = None) -> Dict[Any, Any]:
    """One derived policy per value of the value at ``address``: {value: policy}, in order.
    Each reform's title is ``title`` (default: the address) and ``= value``."""
    key = normalize_address(address)
    out: Dict[Any, Any] = {}
    for value in values:
        text = _text(value, key)
        out[value] = derive_values(base, {key: value}, title=f"{title or key} = {text}")
    return out


def sweep(base: Any, address: str, values: Sequence[Any], claims: Any, persons: Any = None,
          *, person_key: str = "person", weight: Optional[str] = None,
          title: Optional[str] = None) -> Any:
    """Settle the same claims under ``base`` with the value at ``address`` set to each of
    ``values``: one row per value (and one for the base's own value, first), with the
    claims (weighted), how many failed, total cost and the fund, major-disease, assistance
    and patient sums in exact yuan (:func:`medins.summarize`)."""
    import pandas as pd

    from .frames import settle_frame
    from .summary import summarize

    key = normalize_address(address)
    own = next((v.text for v in base.values if v.key == key), None)
    policies = {f"{own} (base)": base}
    for value, policy in sweep_policies(base, key, values, title=title).items():
        policies[_text(value, key)] = policy
    money = ["total", "fund", "major_disease", "assistance", "patient"]
    rows = []
    for label, policy in policies.items():
        settled = settle_frame(claims, persons, policy=policy, person_key=person_key,
                               on_error="status")
        s = summarize(settled, money, weight=weight, count="claims").iloc[0]
        rows.append({key: label, "failed": int((settled["status"] != 0).sum()),
                     **{k: s[k] for k in ["claims"] + money}})
    out = pd.DataFrame(rows).set_index(key)
    out.attrs["unit"] = "yuan"
    return out
