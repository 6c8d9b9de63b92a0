#!/usr/bin/env python3
"""Regenerate the generated parts of docs/policy-coverage.md and docs/assumed-values.md from the
shipped policies, through the Python binding:

- policy-coverage.md: the table of years (dates, base, and how many of each policy's values are
  official, third-party and assumed) and the "encoded at" column of the facts table, read from
  the fact ids written at the ends of the policy files' lines (`# C1 C2`). The facts' wording,
  the readings and the sources column are the file's own and are kept.
- assumed-values.md: every assumed or third-party value, where it is written, with its reason
  or its citation.

    PYTHONPATH=build/bindings/python /usr/bin/python3 docs/policy_docs.py           # rewrite
    PYTHONPATH=build/bindings/python /usr/bin/python3 docs/policy_docs.py --check   # compare

tests/python/test_policy.py runs the comparison.
"""

import pathlib
import re
import sys

import medins

ROOT = pathlib.Path(__file__).resolve().parents[1]
POLICIES = ROOT / "policies"
COVERAGE = ROOT / "docs" / "policy-coverage.md"
ASSUMED = ROOT / "docs" / "assumed-values.md"

# A line's trailing fact ids: "...}   # C10 C8".
FACT_TAGS = re.compile(r"\S.*#\s+((?:[A-Z]\d+\s*)+)$")


def shipped():
    """The shipped policies, in the set's order (region, then date), with their own file."""
    out = []
    for p in medins.embedded():
        own = POLICIES / (p.id + ".yaml")
        out.append((p, own))
    return out


def relative(file):
    """`tianjin/2023.yaml` for a value's file, whichever folder it was read from."""
    text = str(file)
    return text.split("policies/", 1)[1] if "policies/" in text else text


def kind_counts(policy):
    values = policy.values
    third = sum(v.third_party for v in values)
    assumed = sum(v.assumed for v in values)
    return len(values), len(values) - third - assumed, third, assumed


def fact_lines():
    """{fact id: ["tianjin/2015.yaml:62", ...]} from the tags at the ends of the lines."""
    found = {}
    for path in sorted(POLICIES.rglob("*.yaml")):
        rel = path.relative_to(POLICIES).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = FACT_TAGS.match(line.strip())
            if not m or line.lstrip().startswith("#"):
                continue
            for fact in m.group(1).split():
                found.setdefault(fact, []).append(f"`{rel}:{n}`")
    return found


def cells(row):
    return [c.strip() for c in row.strip().strip("|").split("|")]


def years_table(old_rows):
    """The table of years; the sources column is kept from the old table, by policy."""
    sources = {}
    for row in old_rows:
        c = cells(row)
        if c and c[0].startswith("`"):
            sources[c[0]] = c[-1]
    lines = ["| policy | in force | base | values | official | third-party | assumed | sources |",
             "|---|---|---|---:|---:|---:|---:|---|"]
    for p, own in shipped():
        text = own.read_text(encoding="utf-8")
        base = re.search(r"^base:\s*(\S+)", text, re.M)
        reform = re.search(r"^kind:\s*reform", text, re.M)
        start, end = p.effective_from, p.effective_to
        when = ("reform, not indexed by date" if reform else
                f"{start} to {end}" if end else f"from {start}")
        n, official, third, assumed = kind_counts(p)
        key = f"`{p.id}`"
        lines.append(f"| {key} | {when} | {'`' + base.group(1) + '`' if base else ''} | {n} | "
                     f"{official} | {third} | {assumed} | {sources.get(key, '')} |")
    return lines


def coverage(text):
    lines = text.split("\n")
    out, i = [], 0
    found = fact_lines()
    while i < len(lines):
        line = lines[i]
        if line.startswith("| policy |"):
            old = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                old.append(lines[i])
                i += 1
            out += years_table(old)
            continue
        c = cells(line) if line.startswith("| ") else []
        if len(c) == 4 and re.fullmatch(r"[A-Z]\d+", c[0]):
            encoded = ", ".join(found.get(c[0], [])) or "not computational"
            line = f"| {c[0]} | {c[1]} | {encoded} | {c[3]} |"
        out.append(line)
        i += 1
    return "\n".join(out)


ASSUMED_HEAD = """# Assumed and third-party values

Values the computation needs that no source document states (**assumed**), and values a
third-party source gives (**third-party**: a public page, a guide, an analyst's scenario, not
an official text). An assumed value is marked `cite: "assumed: <reason>"` in its policy file; a
third-party one cites a source of `kind: third-party`. Every result lists the assumed and the
third-party values it used (`medins_result_assumed`, `medins_result_third_party`). Replace them
with the local figures when they are known (a reform overlay is the quickest way to try one).

A value is assumed, not cited, in a year no source names: a figure carried forward or back from
the year its source gives it ("carried forward from ..."), an undated third-party page assigned
to a year, and a figure chosen within a bound that a document sets ("at most", "not less than",
"about"). A third-party value is third-party only in the year its source describes.

Generated by `docs/policy_docs.py` from the shipped files (`tests/python/test_policy.py`
checks it is current): `file:line` of the value, the value, its path in the policy, and the
reason written in the file (assumed) or the source and place cited (third-party). A value
inherited by later years is listed once, where it is written.

| file:line | value | path | assumed: reason | third-party: source, place |
|---|---|---|---|---|"""


def assumed_values():
    rows, seen = [], set()
    for p, own in shipped():
        for v in p.values:
            if not (v.assumed or v.third_party):
                continue
            where = (relative(v.file), v.line, v.column)
            if where in seen:
                continue
            seen.add(where)
            reason = v.at.replace("|", "/") if v.assumed else ""
            cited = f"{v.source}: {v.at}".replace("|", "/") if v.third_party else ""
            rows.append((where, f"| `{where[0]}:{where[1]}` | {v.text} | `{v.path}` | {reason} | "
                                f"{cited} |"))
    rows.sort(key=lambda r: r[0])
    return ASSUMED_HEAD + "\n" + "\n".join(r for _, r in rows) + "\n"


def generate():
    """{path: text} of both documents as they should be."""
    return {COVERAGE: coverage(COVERAGE.read_text(encoding="utf-8")), ASSUMED: assumed_values()}


def main(argv):
    stale = []
    for path, text in generate().items():
        if path.read_text(encoding="utf-8") != text:
            if "--check" in argv:
                stale.append(path.name)
            else:
                path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run docs/policy_docs.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
