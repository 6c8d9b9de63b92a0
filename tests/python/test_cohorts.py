"""A richer person (tests/data/regions/cohorts.yaml): the retirement date, the years of
contribution, the sex and the policy's person groups, and the retirees' share of the in-service
self-pay share. The figures are worked in tests/check_cohorts.c."""

import os

import pandas as pd
import pytest

import medins


@pytest.fixture(scope="module")
def policy():
    return medins.load_policy(os.path.join(os.environ["MEDINS_TEST_DATA"], "regions",
                                           "cohorts.yaml"))


def admission():
    return medins.Claim(date="2024-03-01", kind="inpatient", level="l3", total=2000000)


def test_retired_woman_pays_a_share_of_the_in_service_share(policy):
    # 22 years (women need 20): deductible 800; 19,200 x (100% - 60% x 15%) = 91%: 17,472.
    woman = medins.Person.employee(retired=True, birth_date="1965-03-01",
                                   retirement_date="2015-03-01", sex="女",
                                   contribution_months=22 * 12)
    assert woman.sex is medins.Sex.FEMALE
    r = policy.settle(woman, admission(), medins.Ledger(2024))
    assert (r.deductible, r.fund, r.patient) == (80000, 1747200, 252800)
    # A man with the same 22 years is short of the 25 men need: 85%, 16,320.
    man = medins.Person.employee(retired=True, birth_date="1955-01-01",
                                 retirement_date="2015-01-01", sex=medins.Sex.MALE,
                                 contribution_months=22 * 12)
    assert policy.settle(man, admission(), medins.Ledger(2024)).fund == 1632000


def test_a_field_the_rows_read_is_asked_for(policy):
    # Not given, the sex is unknown, never a default: the retirees' ratio rows read it.
    person = medins.Person.employee(retired=True, birth_date="1965-03-01",
                                    retirement_date="2015-03-01", contribution_months=264)
    assert person.sex is medins.Sex.UNKNOWN and person.contribution_months == 264
    with pytest.raises(medins.PersonError, match="the person has no sex, and it decides which "
                                                 "inpatient.ratio row applies"):
        policy.settle(person, admission(), medins.Ledger(2024))
    with pytest.raises(ValueError, match=r"\"woman\" is not a sex: write one of unknown, male"):
        person.sex = "woman"


def test_cohorts_by_the_policy_words(policy):
    # A model worker in service: 1,200; 85% + 5 = 90% of 18,800 = 16,920.
    assert policy.cohort_names == ("laoren", "long_contributor", "model_worker")
    worker = medins.Person.employee(birth_date="1980-05-01",
                                    cohorts=policy.cohorts("Model-Worker"))
    assert worker.cohorts == 4
    assert policy.settle(worker, admission(), medins.Ledger(2024)).fund == 1692000
    with pytest.raises(medins.MedinsError, match='"veteran" is not a person group'):
        policy.cohorts("veteran")
    # laoren is worked out from the retirement date: the caller may not set it.
    worker.cohorts = policy.cohorts("laoren")
    with pytest.raises(medins.PersonError, match="person group laoren of policy "
                                                 "cohorts/cohorts is worked out"):
        policy.settle(worker, admission(), medins.Ledger(2024))


def test_batch_carries_the_persons_fields(policy):
    # Each person's admission of 20,000 at l3, batched, gets what it gets settled alone
    # (tests/check_cohorts.c): the model worker 16,920; the retired woman with 22 years 17,472;
    # with 15 (under the 20 women need) 19,200 x 85% = 16,320; the retired man without years
    # fails, asked for them; the fifth person's sex is unknown (NaN-free: a code of 0).
    persons = pd.DataFrame({
        "scheme": ["employee"] * 5,
        "category": ["in_service", "retired", "retired", "retired", "retired"],
        "birth_date": [19800501, 19650301, 19650301, 19550101, 19650301],
        "retirement_date": ["", "2015-03-01", "2015-03-01", "2015-01-01", "2015-03-01"],
        "contribution_months": [120, 264, 180, -1, 264],
        "sex": ["male", "女", medins.Sex.FEMALE, "male", 0],
        "cohorts": [policy.cohorts("model_worker"), 0, 0, 0, 0]})
    persons.loc[0, "retirement_date"] = None
    claims = {"person": [0, 1, 2, 3, 4], "date": [20240301] * 5, "kind": ["inpatient"] * 5,
              "level": ["l3"] * 5, "total": [2000000] * 5}
    r = medins.settle_arrays(policy, persons, claims, on_error="status")
    assert list(r["fund"][:3]) == [1692000, 1747200, 1632000]
    assert list(r["status"]) == [0, 0, 0, medins.Status.ERR_PERSON, medins.Status.ERR_PERSON]
    for i, row in enumerate(persons.itertuples()):
        person = medins.Person.employee(
            retired=row.category == "retired", birth_date=str(row.birth_date),
            retirement_date=row.retirement_date or None,
            contribution_months=row.contribution_months, sex=row.sex, cohorts=row.cohorts)
        if r["status"][i] == 0:
            assert policy.settle(person, admission(), medins.Ledger(2024)).fund == r["fund"][i]
        else:
            with pytest.raises(medins.PersonError):
                policy.settle(person, admission(), medins.Ledger(2024))
    # settle_frame reads the DataFrame's columns of those names.
    frame = pd.DataFrame({"person": [0, 1, 2], "date": [20240301] * 3,
                          "kind": ["inpatient"] * 3, "level": ["l3"] * 3, "total": [2000000] * 3})
    out = medins.settle_frame(frame, persons.iloc[:3], policy=policy)
    assert list(out["fund"]) == [1692000, 1747200, 1632000]
    # Without the sex column, the claim whose rows read the sex fails, never settled otherwise.
    r = medins.settle_arrays(policy, persons.drop(columns="sex").iloc[1:2], {
        "person": [0], "date": [20240301], "kind": ["inpatient"], "level": ["l3"],
        "total": [2000000]}, on_error="status")
    assert list(r["status"]) == [medins.Status.ERR_PERSON]
    # Bad values: refused naming the column and row before anything is settled, or (out of the
    # library's range) failing their person's claims as alone.
    one = persons.iloc[1:2].reset_index(drop=True)
    claim = {"person": [0], "date": [20240301], "kind": ["inpatient"], "level": ["l3"],
             "total": [2000000]}
    with pytest.raises(ValueError, match=r"persons\['sex'\] row 0: .*\"woman\" is not a sex"):
        medins.settle_arrays(policy, one.assign(sex=["woman"]), claim)
    with pytest.raises(TypeError, match=r"persons\['contribution_months'\]"):
        medins.settle_arrays(policy, one.assign(contribution_months=[22.5]), claim)
    with pytest.raises(ValueError, match=r"persons\['retirement_date'\] row 0"):
        medins.settle_arrays(policy, one.assign(retirement_date=["2015-02-30"]), claim)
    with pytest.raises(medins.PersonError, match="contribution months -2: give 0 to 1800"):
        medins.settle_arrays(policy, one.assign(contribution_months=[-2]), claim)


def test_population_rows_whose_rates_read_the_groups_fail(policy):
    # The persons' columns carry no groups: the first rates row (model workers) would decide,
    # so each row fails with the library's error, never paid at another row's rate.
    persons = {"scheme": ["employee"], "category": ["in_service"], "birth_date": [19800501],
               "monthly_wage": [1000000]}
    with pytest.raises(medins.PersonError, match="cohorts are not given"):
        medins.contributions_arrays(policy, persons)
