"""Contributions, individual accounts, maternity and capitation through the Python layer."""

import pytest

import medins


def test_employee_contribution_shares_add_up(p2023, employee):
    r = p2023.contribution(employee, "2023-06-01", monthly_wage=800000)
    assert isinstance(r, medins.FiguresResult) and r.kind is medins.ResultKind.CONTRIBUTION
    assert r.total == r.individual + r.government + r.employer
    # the monthly shares are the wage base times the rates, rounded half-up to the fen
    assert r.monthly_employer == (r.wage_base * r.employer_rate + 5000) // 10000
    assert r.monthly_individual == (r.wage_base * r.individual_rate + 5000) // 10000
    assert r.lines and "ContributionResult" in repr(r)


def test_resident_contribution(p2023):
    r = p2023.contribution(medins.Person.resident(tier="low", birth_date="1980-01-01"),
                           "2023-06-01")
    assert r.total == r.individual + r.government + r.employer
    assert r.employer == 0


def test_employer_type_word_is_checked(p2023, employee):
    with pytest.raises(ValueError):
        p2023.contribution(employee, "2023-06-01", monthly_wage=1, employer_type="pirate")


def test_maternity_total(p2023):
    mother = medins.Person.employee(birth_date="1992-02-02")
    r = p2023.maternity(mother, "2023-06-01", delivery="natural", weeks=30,
                        prenatal_costs=200000)
    assert r.kind is medins.ResultKind.MATERNITY
    assert r.prenatal == min(200000, r.prenatal_limit) if r.prenatal_limit else True
    assert r.total == r.delivery + r.prenatal + r.complication


def test_account_credits(p2023, employee):
    r = p2023.account(employee, "2023-06-01", monthly_wage=800000)
    assert r.kind is medins.ResultKind.ACCOUNT
    assert r.yearly_credit == 12 * r.monthly_credit
    assert r.monthly_credit == r.from_individual + r.from_employer + r.from_pool


def test_capitation_with_enrolments(p2023):
    r = p2023.capitation(level="l2", disease="diabetes", period=("2023-01-01", "2023-03-31"),
                         enrolments=[(1, "2022-06-01", None), (2, "2023-02-01", "2023-03-15")],
                         actual_costs=100000)
    assert r.kind is medins.ResultKind.CAPITATION
    assert r.patients == 2
    # 90 days of patient 1 (Jan-Mar 2023) and 43 of patient 2 (1 Feb to 15 Mar)
    assert r.patient_days == 90 + 43
    assert r.surplus == max(0, r.budget - r.actual_costs)
    assert r.overrun == max(0, r.actual_costs - r.budget)


def test_capitation_enrolment_outside_period_raises(p2023):
    with pytest.raises(medins.InputError) as e:
        p2023.capitation(level="l2", disease="diabetes", period=("2023-01-01", "2023-03-31"),
                         enrolments=[(1, "2023-05-01", None)])
    assert e.value.code == medins.Status.ERR_ENROLMENT
