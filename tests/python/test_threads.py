"""settle_arrays(threads=N): the persons split across N threads in the C batch, the GIL
released, and every output, status, error and ledger byte the same as one thread gives.

The population: 15,000 persons with claims over 2022 and 2023 (close_years), through the
embedded set, with bad claims sown through it (negative totals, claims before their
person's birth) so that each thread's part has failures of its own.
"""
import numpy as np
import pandas as pd
import pytest

import medins
from medins.batch import OUTPUTS


@pytest.fixture(scope="module")
def population():
    persons, c2022 = medins.generate_population(15000, 2.0, year=2022, seed=28)
    _, c2023 = medins.generate_population(15000, 2.0, year=2023, seed=29)
    claims = pd.concat([c2022, c2023]).sort_values(["person", "date"], kind="stable")
    claims = claims.reset_index(drop=True)
    claims.loc[1000::7919, "total"] = -5
    persons.loc[4000::5003, "birth_date"] = np.datetime64("2023-06-30")
    return persons, claims


def settle(population, threads, on_error="status"):
    persons, claims = population
    return medins.settle_arrays(medins.embedded(), persons, claims, region="tianjin",
                                close_years=True, on_error=on_error, threads=threads)


@pytest.mark.parametrize("threads", [2, 3, 8])
def test_threads_give_what_one_thread_gives(population, threads):
    one = settle(population, 1)
    many = settle(population, threads)
    assert len(one["status"]) > 8 * 4096        # enough claims for every part
    assert one.failed > 10
    for k in [*OUTPUTS, "status"]:
        np.testing.assert_array_equal(many[k], one[k], err_msg=k)
    assert many.failed == one.failed
    pd.testing.assert_frame_equal(many.errors, one.errors)
    assert bytes(many.ledgers._raw) == bytes(one.ledgers._raw)
    # The first failure, by hand: claim 1000's total of -5 fen (the persons born on
    # 2023-06-30 come later), with settle's own words.
    assert one.errors["row"].iloc[0] == 1000
    assert "negative" in one.errors["message"].iloc[0]


def test_threads_in_claim_order_given_unsorted(population):
    # Claims given in another order are sorted for the C call and the results scattered back:
    # the same with threads.
    persons, claims = population
    shuffled = claims.sample(frac=1.0, random_state=3).reset_index(drop=True)
    one = settle((persons, shuffled), 1)
    two = settle((persons, shuffled), 2)
    for k in [*OUTPUTS, "status"]:
        np.testing.assert_array_equal(two[k], one[k], err_msg=k)
    pd.testing.assert_frame_equal(two.errors, one.errors)


def test_raise_with_threads_raises_what_one_thread_raises(population):
    with pytest.raises(medins.BatchError) as one:
        settle(population, 1, on_error="raise")
    with pytest.raises(medins.BatchError) as two:
        settle(population, 2, on_error="raise")
    assert str(two.value) == str(one.value)
    assert two.value.row == one.value.row == 1000


def test_settle_frame_takes_threads(population):
    persons, claims = population
    one = medins.settle_frame(claims, persons, close_years=True, on_error="status")
    two = medins.settle_frame(claims, persons, close_years=True, on_error="status", threads=2)
    pd.testing.assert_frame_equal(two, one)


@pytest.mark.parametrize("threads, exc, message", [
    (0, ValueError, "threads must be 1 or more, not 0"),
    (-2, ValueError, "threads must be 1 or more, not -2"),
    (1.5, TypeError, "threads"),
    (2 ** 40, OverflowError, "threads: 1099511627776 does not fit int32"),
])
def test_bad_thread_counts_are_refused(population, threads, exc, message):
    persons, claims = population
    with pytest.raises(exc, match=message):
        medins.settle_arrays(medins.embedded(), persons, claims.iloc[:10], threads=threads)
