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


COHORTS = ["--policy", "tests/data/regions/cohorts.yaml", "--kind", "inpatient", "--level", "l3",
           "--total", "20000", "--date", "2024-03-01"]
RETIREE = ["--category", "retired", "--birth-date", "1965-03-01", "--retirement-date",
           "2015-03-01"]


def test_person_fields():
    # tests/data/regions/cohorts.yaml: a retired woman with 22 years of contribution (at least
    # the 20 women need): deductible 800, 19,200 at 85% with retirees paying 60% of the 15%
    # self-pay share = 91%: 17,472 to the fund.
    expect("settle --sex --contribution-years", ["settle", *COHORTS, *RETIREE, "--sex", "女",
                                                 "--contribution-years", "22"], 0,
           out_has=[r"^  Basic fund +17472\.00$"])
    # Her sex not given: the retirees' first ratio row reads it.
    expect("settle without --sex", ["settle", *COHORTS, *RETIREE, "--contribution-years", "22"],
           1, err_has=[r"the person has no sex, and it decides which inpatient\.ratio row "
                       r"applies: give the sex \[MEDINS_ERR_PERSON\]"])
    # A model worker in service (born 1980): 1,200; 85% + 5 = 90% of 18,800 = 16,920.
    expect("settle --cohorts", ["settle", *COHORTS, "--birth-date", "1980-05-01", "--cohorts",
                                "Model-Worker"], 0, out_has=[r"^  Basic fund +16920\.00$"])
    expect("settle --cohorts ruled", ["settle", *COHORTS, "--birth-date", "1980-05-01",
                                      "--cohorts", "laoren"], 1,
           err_has=[r"person group laoren of policy cohorts/cohorts is worked out from the "
                    r"person's fields by its rule"])
    expect("settle --cohorts unknown", ["settle", *COHORTS, "--cohorts", "veteran"], 1,
           err_has=[r'"veteran" is not a person group of policy cohorts/cohorts: write laoren, '
                    r"long_contributor, model_worker"])
    expect("settle --contribution-years out of range", ["settle", *COHORTS,
                                                        "--contribution-years", "151"], 2,
           err_has=[r"contribution_years: '151' is not 0 to 150"])
    # A batch's CSV without a cohorts column: the admission, which reads the model workers'
    # adjustment, is refused rather than settled without it.
    claims = ("person_id,date,kind,level,total,birth_date\n"
              "P1,2024-03-01,inpatient,l3,20000,1980-05-01\n")
    out, _ = expect("batch without cohorts", ["batch", "-k", "-q", "--policy",
                                              "tests/data/regions/cohorts.yaml", "-"], 4,
                    stdin=claims)
    check("batch without cohorts", out.splitlines()[1].startswith(
        "2,P1,2024-03-01,MEDINS_ERR_PERSON,") and "cohorts are not given" in out, out)
    # The same persons as columns of the batch, figures as `settle` gives them: the model
    # worker 16,920; the retired woman with 22 years 17,472; with 15 years (under the 20 women
    # need) 800, 19,200 at 85% = 16,320. Bad values refuse their row alone.
    claims = ("person_id,date,kind,level,total,birth_date,category,retirement_date,sex,"
              "contribution_years,contribution_months,cohorts\n"
              "P1,2024-03-01,inpatient,l3,20000,1980-05-01,,,male,10,,Model-Worker\n"
              "P2,2024-03-01,inpatient,l3,20000,1965-03-01,retired,2015-03-01,女,22,,\n"
              "P3,2024-03-01,inpatient,l3,20000,1965-03-01,retired,2015-03-01,female,,180,\n"
              "P4,2024-03-01,inpatient,l3,20000,1965-03-01,retired,2015-03-01,female,10,180,\n"
              "P5,2024-03-01,inpatient,l3,20000,1980-05-01,,,x,,,\n"
              "P6,2024-03-01,inpatient,l3,20000,1980-05-01,,,,,,laoren\n"
              "P7,2024-03-01,inpatient,l3,20000,1980-05-01,,,,151,,\n"
              "P8,2024-03-01,inpatient,l3,20000,1980-05-01,,,,,,veteran\n"
              "P9,2024-03-01,inpatient,l3,20000,1980-05-01,,2020-01-01,,,,\n")
    out, _ = expect("batch person columns", ["batch", "-k", "-q", "--policy",
                                             "tests/data/regions/cohorts.yaml", "-"], 4,
                    stdin=claims)
    rows = out.splitlines()
    check("batch person columns", rows[1:4] == [
        "2,P1,2024-03-01,ok,16920.00,0.00,0.00,0.00,3080.00,1200.00,1880.00,0.00,0.00,0.00,",
        "3,P2,2024-03-01,ok,17472.00,0.00,0.00,0.00,2528.00,800.00,1728.00,0.00,0.00,0.00,",
        "4,P3,2024-03-01,ok,16320.00,0.00,0.00,0.00,3680.00,800.00,2880.00,0.00,0.00,0.00,"],
          out)
    for row, start, has in [
            (4, "5,P4,2024-03-01,MEDINS_ERR_PERSON,",
             "column 'contribution_months': '180' given with contribution_years"),
            (5, "6,P5,2024-03-01,MEDINS_ERR_PERSON,", 'column \'sex\': ""x"" is not a sex'),
            (6, "7,P6,2024-03-01,MEDINS_ERR_PERSON,", "person group laoren of policy "
             "cohorts/cohorts is worked out from the person's fields"),
            (7, "8,P7,2024-03-01,MEDINS_ERR_PERSON,",
             "column 'contribution_years': '151' is not 0 to 150"),
            (8, "9,P8,2024-03-01,MEDINS_ERR_TYPE,", 'column \'cohorts\': ""veteran"" is not a '
             "person group of policy cohorts/cohorts"),
            (9, "10,P9,2024-03-01,MEDINS_ERR_PERSON,", "retirement date 20200101 given for a "
             "person of category in_service")]:
        check("batch person column " + start, rows[row].startswith(start) and has in rows[row],
              out)


BED_DAYS = ["--policy", "tests/data/settle/bed-day-cap.yaml", "--kind", "inpatient", "--level",
            "l1", "--total", "1000", "--date", "2023-03-01", "--attributes", "family_sickbed"]


def test_bed_days():
    # tests/data/settle/bed-day-cap.yaml: a family sickbed of 10 days, 1,000: 80% is 800, at most
    # 60 a bed-day x 10 = 600 to the fund, 200 withheld.
    expect("settle --days", ["settle", *BED_DAYS, "--days", "10"], 0,
           out_has=[r"^  Basic fund +600\.00$",
                    r"The fund pays at most 60\.00 a bed-day: 600\.00 for the claim's 10 days"])
    doc = ("person: {}\nclaim: {kind: inpatient, level: l1, total: 1000, date: 2023-03-01, "
           "attributes: family_sickbed, days: 10}\n")
    expect("settle document days", ["settle", "--policy", "tests/data/settle/bed-day-cap.yaml",
                                     "-i", "-"], 0, stdin=doc, out_has=[r"^  Basic fund +600\.00$"])
    expect("settle without --days", ["settle", *BED_DAYS], 1,
           err_has=[r"maximum per bed-day \(inpatient\.bed_day_cap\) needs the claim's days "
                    r"\[MEDINS_ERR_CLAIM\]"])
    expect("settle --days 0", ["settle", *BED_DAYS, "--days", "0"], 2,
           err_has=[r"--days: '0' is not a number of days from 1 to 366"])
    expect("settle --days 367", ["settle", *BED_DAYS, "--days", "367"], 2,
           err_has=[r"--days: '367' is not a number of days from 1 to 366"])
    # In a batch: that sickbed; an admission at level 3 (deductible 1,000, at most 800 a
    # bed-day) of 2 days, 5,000: 4,000 x 80% = 3,200 cut to 1,600, coinsurance 800, over cap
    # 1,600, patient 3,400; the same without days, and with 0 days, refused row by row.
    claims = ("person_id,date,kind,level,total,attributes,days\n"
              "P1,2023-03-01,inpatient,l1,1000,family_sickbed,10\n"
              "P2,2023-03-01,inpatient,l3,5000,,2\n"
              "P3,2023-03-01,inpatient,l3,5000,,\n"
              "P4,2023-03-01,inpatient,l3,5000,,0\n")
    out, _ = expect("batch days", ["batch", "-k", "-q", "--policy",
                                   "tests/data/settle/bed-day-cap.yaml", "-"], 4, stdin=claims)
    rows = out.splitlines()
    check("batch days rows", rows[:3] == [
        HEADER,
        "2,P1,2023-03-01,ok,600.00,0.00,0.00,0.00,400.00,0.00,200.00,200.00,0.00,0.00,",
        "3,P2,2023-03-01,ok,1600.00,0.00,0.00,0.00,3400.00,1000.00,800.00,1600.00,0.00,0.00,"],
          out)
    check("batch without days", rows[3].startswith("4,P3,2023-03-01,MEDINS_ERR_CLAIM,") and
          rows[3].endswith("needs the claim's days"), out)
    check("batch days 0", rows[4].startswith("5,P4,2023-03-01,MEDINS_ERR_CLAIM,") and
          rows[4].endswith("column 'days': '0' is not a number of days from 1 to 366"), out)


GROUPS = {"claim-attributes": test_claim_attributes, "person-fields": test_person_fields,
          "bed-days": test_bed_days}
