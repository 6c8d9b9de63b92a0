"""The tianjin/2023 settlement rules written with pandas, as an analyst would in a notebook.

Covers what the benchmark's claims need: outpatient, pharmacy and inpatient claims of employees
and residents outside special groups, each person starting the year with an empty ledger.
Vectorised with groupby / cumsum; no Python loop per claim. bench/py_bench.py checks that it
gives the library's figures to the fen and times it against the library.

Amounts are integer fen and ratios basis points, as in the library; r() rounds half-up.
"""
import numpy as np
import pandas as pd

EMPLOYEE, RESIDENT = 0, 1
RETIRED, STUDENT_CHILD = 1, 3
HIGH = 3
OUTPATIENT, INPATIENT, PHARMACY = 0, 3, 4
L2, L3 = 2, 3


def r(amount, bp):
    """amount x bp / 10000, rounded half-up (amounts are never negative here)."""
    return (amount * bp + 5000) // 10000


def running_cap(df, share, cap):
    """Pay each claim's share in order until the person's cumulative cap: the amounts paid."""
    used = np.minimum(cap, share.groupby(df["person"]).cumsum())
    return used - used.groupby(df["person"]).shift(fill_value=0)


def settle(persons: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Figures per claim: fund, major_disease, assistance, patient (claims in person, date order)."""
    df = claims.join(persons, on="person")
    employee = df["scheme"] == EMPLOYEE
    high = (df["tier"] == HIGH) | (df["category"] == STUDENT_CHILD)
    in_scope = df["total"] - df["self_paid"] - df["category_b"]
    out = pd.DataFrame(index=df.index)
    out["fund"] = 0
    out["major_disease"] = 0

    # Outpatient and pharmacy: one pool with a yearly deductible and maximum.
    o = df[df["kind"].isin([OUTPATIENT, PHARMACY])]
    o_scope = in_scope[o.index]
    age = (o["date"] - o["birth_date"]) // 10000
    ded_max = np.where(o["scheme"] == RESIDENT, 50000,
                       np.where(o["category"] != RETIRED, 80000,
                                np.where(age < 60, 80000, np.where(age < 70, 70000, 65000))))
    # The deductible never rises with age, so what has been borne is the running maximum of
    # min(costs so far, the deductible in force).
    borne = np.minimum(o_scope.groupby(o["person"]).cumsum(), ded_max)
    borne = pd.Series(borne, index=o.index).groupby(o["person"]).cummax()
    ded = borne - borne.groupby(o["person"]).shift(fill_value=0)
    rest = o_scope - ded
    ratio = np.select(
        [o["kind"] == PHARMACY, o["scheme"] == EMPLOYEE],
        [np.where(o["scheme"] == EMPLOYEE, 6500, 5000),
         np.where(o["level"] == L3, 5500, np.where(o["level"] == L2, 6500, 7500))],
        default=5000 + np.where(high[o.index] & (o["level"] != L3), 500, 0))
    cap = np.where(o["scheme"] == EMPLOYEE, 550000, 300000)
    out.loc[o.index, "fund"] = running_cap(o, r(rest, ratio), cap)

    # Inpatient: a deductible per admission by order and level, segments on the year's position.
    i = df[df["kind"] == INPATIENT]
    i_scope = in_scope[i.index]
    later = i.groupby("person").cumcount() > 0
    first_ded = np.select([i["level"] == L3, i["level"] == L2], [170000, 110000], 80000)
    later_ded = np.select([i["level"] == L3, i["level"] == L2], [50000, 35000], 27000)
    ded = np.minimum(i_scope, np.where(later, later_ded, first_ded))
    rest = i_scope - ded
    pos_after = rest.groupby(i["person"]).cumsum()
    pos_before = pos_after - rest
    bound = 10000000
    below = (np.minimum(pos_after, bound) - pos_before).clip(lower=0)
    above = rest - below
    r1 = np.select([i["level"] == L3, i["level"] == L2], [8500, 8800], 9100)
    r2 = np.select([i["level"] == L3, i["level"] == L2], [9000, 9200], 9500)
    res = np.select([i["level"] == L3, i["level"] == L2], [6500, 7000], 7500) + np.where(high[i.index], 1000, 0)
    share = np.where(i["scheme"] == EMPLOYEE, r(below, r1) + r(above, r2), r(rest, res))
    cap = np.where(i["scheme"] == EMPLOYEE, 35000000, 25000000)
    out.loc[i.index, "fund"] = running_cap(i, pd.Series(share, index=i.index), cap)

    # Major-disease layer on the burden of outpatient and inpatient claims (not pharmacy).
    m = df[df["kind"].isin([OUTPATIENT, INPATIENT])]
    burden = in_scope[m.index] - out.loc[m.index, "fund"]
    base_after = burden.groupby(m["person"]).cumsum()
    lo = (base_after - burden - 1500000).clip(lower=0)
    hi = (base_after - 1500000).clip(lower=0)
    pay = 0
    for start, end, bp in ((0, 10000000, 5500), (10000000, 20000000, 6500), (20000000, 1 << 62, 7500)):
        piece = (np.minimum(hi, end) - np.maximum(lo, start)).clip(lower=0)
        pay = pay + r(piece, bp)
    out.loc[m.index, "major_disease"] = running_cap(m, pay, 40000000)

    out["assistance"] = 0
    out["patient"] = df["total"] - out["fund"] - out["major_disease"]
    return out
