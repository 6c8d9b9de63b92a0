"""What other cities' rules need, through the command: claim attributes the policy defines
(tests/data/regions/midyear.yaml: referred, out_of_region, family_sickbed, district_run)."""
from harness import HEADER, check, expect

MIDYEAR = ["--policy", "tests/data/regions/midyear.yaml"]


def test_claim_attributes():
    # An employee's 20,000 at level 3 on 2023-08-01: deductible 9,600; 10,400 above it at
    # 85% - 15 points out of the region without a referral = 70%: 7,280 to the fund.
    expect("settle --attributes", ["settle", *MIDYEAR, "--kind", "inpatient", "--level", "l3",
                                   "--total", "20000", "--date", "2023-08-01",
                                   "--attributes", "out_of_region"], 0,
           out_has=[r"^  Basic fund +7280\.00$"])
    expect("settle --attributes unknown", ["settle", *MIDYEAR, "--kind", "inpatient", "--level",
                                           "l3", "--total", "20000", "--date", "2023-08-01",
                                           "--attributes", "abroad"], 1,
           err_has=[r'"abroad" is not a claim attribute of policy midyear/midyear: write '
                    r"referred, out_of_region, family_sickbed, district_run"])
    # The same claims in a batch: not referred 7,280; referred (85 - 5 = 80%) 8,320; none 8,840
    # (each a first admission of its own person); an unknown word refuses the row alone.
    claims = ("person_id,date,kind,level,total,attributes\n"
              "P1,2023-08-01,inpatient,l3,20000,out_of_region\n"
              "P2,2023-08-01,inpatient,l3,20000,out_of_region|referred\n"
              "P3,2023-08-01,inpatient,l3,20000,\n"
              "P4,2023-08-01,inpatient,l3,20000,abroad\n")
    out, _ = expect("batch attributes", ["batch", "-k", "-q", *MIDYEAR, "-"], 4, stdin=claims)
    rows = out.splitlines()
    check("batch rows", rows[:4] == [
        HEADER,
        "2,P1,2023-08-01,ok,7280.00,0.00,0.00,0.00,12720.00,9600.00,3120.00,0.00,0.00,0.00,",
        "3,P2,2023-08-01,ok,8320.00,0.00,0.00,0.00,11680.00,9600.00,2080.00,0.00,0.00,0.00,",
        "4,P3,2023-08-01,ok,8840.00,0.00,0.00,0.00,11160.00,9600.00,1560.00,0.00,0.00,0.00,"], out)
    check("batch unknown attribute", rows[4].startswith("5,P4,2023-08-01,MEDINS_ERR_TYPE,") and
          "abroad" in rows[4], out)


GROUPS = {"claim-attributes": test_claim_attributes}
