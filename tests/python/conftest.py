"""Shared fixtures for the Python binding's tests (run by meson: suite 'python')."""

import os
import pathlib

import pytest

import medins

ROOT = pathlib.Path(__file__).resolve().parents[2]


def env_path(name: str, default: pathlib.Path) -> pathlib.Path:
    return pathlib.Path(os.environ.get(name, str(default)))


POLICIES = env_path("MEDINS_POLICIES", ROOT / "policies")
GOLDEN = env_path("MEDINS_GOLDEN", ROOT / "tests" / "golden")
EXAMPLES = env_path("MEDINS_EXAMPLES", ROOT / "examples" / "python")


@pytest.fixture(scope="session")
def policies():
    return medins.embedded()


@pytest.fixture(scope="session")
def p2023(policies):
    return policies.lookup("tianjin", "2023-06-01")


@pytest.fixture(scope="session")
def p2022(policies):
    return policies.lookup("tianjin", "2022-06-01")


@pytest.fixture(scope="session")
def population():
    return medins.generate_population(400, 3.0, year=2023, seed=7)


@pytest.fixture
def employee():
    return medins.Person.employee(birth_date="1975-04-02")


@pytest.fixture
def retiree():
    return medins.Person.employee(retired=True, birth_date="1950-09-30")


@pytest.fixture
def resident():
    return medins.Person.resident(tier="middle", birth_date="1990-01-15")


# The population's claims must settle under 2023 and (re-dated) 2022 in the comparisons.
def claim(date="2023-06-01", kind="outpatient", level="l1", total=10000, **kw):
    return medins.Claim(date=date, kind=kind, level=level, total=total, **kw)
