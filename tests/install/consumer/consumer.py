"""The Python counterpart of consumer.c, run against an installed medins package only.

    python3 consumer.py [POLICY_DIR]

Settles the claim of consumer.c (an employee in service, first admission of 2023 at a level-3
hospital, 10,000 yuan, all in scope) with the embedded tianjin/2023 and, given POLICY_DIR, with
the same policy read from POLICY_DIR; the figures are worked out in consumer.c. Prints where the
package was imported from. Exits 0 on success.
"""
import sys

import medins

EXPECTED = {"fund": 705500, "patient": 294500, "deductible": 170000, "major_disease": 0,
            "assistance": 0}


def settle(policies, what):
    policy = policies.lookup("tianjin", "2023-06-01")
    person = medins.Person.employee(birth_date="1980-03-15")
    claim = medins.Claim(date="2023-06-01", kind="inpatient", level="l3", total=1000000)
    s = policy.settle(person, claim)
    got = {k: getattr(s, k) for k in EXPECTED}
    print(f"{what}: {policy.id} " + " ".join(f"{k} {v}" for k, v in got.items())
          + ("" if got == EXPECTED else " (WRONG)"))
    return got == EXPECTED


def main(argv):
    print("medins " + medins.version() + " from " + medins.__file__)
    ok = settle(medins.embedded(), "embedded")
    if len(argv) > 1:
        policies = medins.PolicySet()
        policies.add_dir(argv[1])
        ok = settle(policies, "installed files") and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
