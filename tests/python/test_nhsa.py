"""The national platform's codes in: Person.from_nhsa (insutype + psn_type) and Claim.from_nhsa
(med_type), by the policy's bills rows, then the national codes (docs/policy-format.md, "Bills").

Claim B on tests/data/settle/basic.yaml (tests/check_record.c), worked by hand: an employee in
service (310/1101), inpatient (21) at level 3, 20000 yuan, the first admission: deductible 1000;
10000 x 80% + 9000 x 90% = 16100 fund.
"""

import pytest

import medins
from conftest import ROOT, env_path

BASIC = env_path("MEDINS_TEST_DATA", ROOT / "tests" / "data") / "settle" / "basic.yaml"


@pytest.fixture(scope="module")
def basic():
    return medins.load_policy(BASIC)


def test_codes_in(basic):
    p = medins.Person.from_nhsa(basic, "310", "1101", birth_date="1980-01-01")
    assert (p.scheme, p.category, p.birth_date.year) == (
        medins.Scheme.EMPLOYEE, medins.Category.IN_SERVICE, 1980)
    c = medins.Claim.from_nhsa(basic, "21", date="2023-03-02", level="l3", total=2000000)
    assert c.kind == medins.ClaimKind.INPATIENT
    assert basic.settle(p, c, medins.Ledger(2023)).fund == 1610000
    retired = medins.Person.from_nhsa(basic, "310", "1202")
    assert retired.category == medins.Category.RETIRED
    child = medins.Person.from_nhsa(basic, "390", "1403", tier="high")
    assert (child.scheme, child.category, child.tier) == (
        medins.Scheme.RESIDENT, medins.Category.STUDENT_CHILD, medins.Tier.HIGH)
    assert medins.Claim.from_nhsa(basic, "41").kind == medins.ClaimKind.PHARMACY
    # A region's rows come first: an older two-digit person code, day surgery as inpatient.
    region = basic.derive('cite: "test: a region\'s codes"\n'
                          'bills:\n'
                          '  psn_types:\n'
                          '    - {psn_type: "21", scheme: employee, category: retired}\n'
                          '  med_types:\n'
                          '    - {med_type: "28", kind: inpatient}\n')
    assert medins.Person.from_nhsa(region, "310", "21").category == medins.Category.RETIRED
    assert medins.Claim.from_nhsa(region, "28").kind == medins.ClaimKind.INPATIENT


def test_unmapped_codes(basic):
    with pytest.raises(medins.MedinsError) as e:
        medins.Person.from_nhsa(basic, "340", "1300")
    assert e.value.code == medins.Status.ERR_TYPE
    assert 'psn_type "1300" of insutype "340" is not a person policy' in str(e.value)
    assert "give it a bills.psn_types row" in str(e.value)
    with pytest.raises(medins.MedinsError) as e:
        medins.Claim.from_nhsa(basic, "12")
    assert e.value.code == medins.Status.ERR_TYPE
    assert 'med_type "12" is not a claim policy' in str(e.value)
    with pytest.raises(medins.MedinsError) as e:
        medins.Claim.from_nhsa(basic, "2\x001")
    assert e.value.code == medins.Status.ERR_SYNTAX
    assert "med_type: a NUL byte within the code" in str(e.value)
    with pytest.raises(TypeError):
        medins.Claim.from_nhsa(basic, 21)
    with pytest.raises(TypeError) as e:
        medins.Person.from_nhsa(None, "310", "1101")
    assert "Person.from_nhsa: policy must be medins.Policy" in str(e.value)
