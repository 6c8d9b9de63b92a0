"""The fast paths must give exactly what the full paths give: settle_figures against settle,
a Person's cached C form against a fresh Person, and the batch's order check."""

import numpy as np

import medins
from medins import lowlevel
from conftest import claim

BILLS = [claim(kind="outpatient", level="l2", total=90000),
         claim(kind="pharmacy", level="pharmacy", total=20000, category_b=1500),
         claim(kind="inpatient", level="l3", total=2500000, self_paid=30000),
         claim(kind="inpatient", level="l1", total=400000)]


def test_settle_figures_equals_settle(p2023, employee, retiree, resident):
    for person in (employee, retiree, resident):
        full_ledger, fast_ledger = medins.Ledger(2023), medins.Ledger(2023)
        for bill in BILLS:
            full = p2023.settle(person, bill, full_ledger, explain=False).to_dict()
            fast = p2023.settle_figures(person, bill, fast_ledger)
            assert fast == full, (person, bill)
        assert fast_ledger.to_text() == full_ledger.to_text()


def test_person_cache_follows_field_changes(p2023):
    # A retiree of 75 has the lower outpatient deductible (650 against 800 for in-service
    # employees, O1): changing the fields of a Person that was already used must be seen.
    person = medins.Person.employee(birth_date="1948-01-01")
    bill = claim(kind="outpatient", level="l1", total=100000)
    before = p2023.settle_figures(person, bill)
    person.category = medins.Category.RETIRED
    after = p2023.settle_figures(person, bill)
    fresh = p2023.settle_figures(medins.Person.employee(retired=True, birth_date="1948-01-01"), bill)
    assert before["deductible"] == 80000 and after["deductible"] == 65000
    assert after == fresh


def test_claims_order_check():
    years = np.zeros(3, np.int32)
    person = np.array([0, 0, 1, 2], np.int32)
    date = np.array([20230101, 20230301, 20220505, 20240101], np.int32)
    assert lowlevel.claims_order(person, date, years) == 1
    assert list(years) == [2023, 2022, 2024]
    # A person going back in time, or persons out of order, is "not in order" (0).
    assert lowlevel.claims_order(person, date[[1, 0, 2, 3]], years) == 0
    assert lowlevel.claims_order(person[[2, 0, 1, 3]], date, years) == 0


def test_sorted_input_needs_no_sort(p2023, population):
    persons, claims = population
    ordered = claims.sort_values(["person", "date"], kind="stable").reset_index(drop=True)
    cols = {k: ordered[k].to_numpy() for k in ordered.columns}
    a = medins.settle_arrays(p2023, persons, cols, sort=True)
    b = medins.settle_arrays(p2023, persons, cols, sort=False)
    for k in ("fund", "patient", "status"):
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)
    assert [a.ledgers[i].to_text() for i in range(len(a.ledgers))] == \
        [b.ledgers[i].to_text() for i in range(len(b.ledgers))]
