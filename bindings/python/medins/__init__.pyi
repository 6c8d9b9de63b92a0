# Type stubs for the medins package (the public surface of medins/__init__.py).
import datetime
import decimal
import enum
import os
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

__version__: str

DateLike = Union[datetime.date, int, str]
PathLike = Union[str, os.PathLike]

# ---- errors ----
class MedinsError(Exception):
    message: str
    code: int
    name: str
    file: Optional[str]
    line: int
    column: int
    def __init__(self, message: str, code: int = ..., file: Optional[str] = ...,
                 line: int = ..., column: int = ...) -> None: ...
class ArgumentError(MedinsError, ValueError): ...
class PolicyError(MedinsError, ValueError): ...
class MoneyError(MedinsError, ValueError): ...
class NoPolicyError(MedinsError, LookupError): ...
class NotCoveredError(MedinsError): ...
class PersonError(MedinsError, ValueError): ...
class ClaimError(MedinsError, ValueError): ...
class LedgerError(MedinsError): ...
class InputError(MedinsError, ValueError): ...
class BatchError(MedinsError):
    status: Optional[np.ndarray]
    results: Any
    row: Any
    errors: Optional[pd.DataFrame]

# ---- enums ----
class _Words(enum.IntEnum):
    @property
    def word(self) -> str: ...
    @classmethod
    def parse(cls, value: Union[int, str, "_Words"]) -> Any: ...

class Scheme(_Words):
    EMPLOYEE: int
    RESIDENT: int
class Category(_Words):
    IN_SERVICE: int
    RETIRED: int
    ADULT: int
    STUDENT_CHILD: int
class Tier(_Words):
    NONE: int
    LOW: int
    MIDDLE: int
    HIGH: int
class Level(_Words):
    PRIMARY: int
    L1: int
    L2: int
    L3: int
    PHARMACY: int
class ClaimKind(_Words):
    OUTPATIENT: int
    POOLING: int
    SPECIAL_DISEASE: int
    INPATIENT: int
    PHARMACY: int
class Section(_Words): ...
class Part(_Words):
    SELF_PAID: int
    CATEGORY_B: int
    DEDUCTIBLE: int
    FUND: int
    COINSURANCE: int
    OVER_CAP: int
    MAJOR_DISEASE: int
    ASSISTANCE: int
    PATIENT: int
    ACCOUNT: int
    INFO: int
    CONTRIBUTION: int
    BENEFIT: int
    SUPPLEMENTARY: int
class Pool(_Words):
    OUTPATIENT: int
    POOLING: int
    INPATIENT: int
class ResultKind(_Words):
    SETTLEMENT: int
    CONTRIBUTION: int
    MATERNITY: int
    CAPITATION: int
    ACCOUNT: int
class Status(enum.IntEnum): ...
class EmployerType(_Words): ...
class Delivery(_Words): ...
class Disease(_Words): ...
class Sex(_Words):
    UNKNOWN: int
    MALE: int
    FEMALE: int
class CapitationPeriod(_Words): ...
class StepKind(_Words): ...
class Group(enum.IntFlag):
    DIBAO: int
    MARGINAL: int
    TEKUN: int
    DISABLED: int
    LOW_INCOME_ELDERLY: int
    SINGLE_PARENT: int
    BEREAVED_PARENT: int
    FIVE_GUARANTEE: int
    THREE_WITHOUT: int
    ENTITLED: int
    @property
    def word(self) -> str: ...
    @classmethod
    def parse(cls, value: Any) -> "Group": ...

# ---- values ----
def to_cdate(value: Optional[DateLike], what: str = ...) -> int: ...
def from_cdate(value: int) -> Optional[datetime.date]: ...
def yuan(amount_fen: int) -> str: ...
def fen(text: Union[str, int, decimal.Decimal]) -> int: ...
def ratio_text(bp: int) -> str: ...
def ratio(text: str) -> int: ...
def version() -> str: ...

class Person:
    scheme: Scheme
    category: Category
    tier: Tier
    birth_date: Optional[datetime.date]
    groups: Group
    family_doctor: int
    retirement_date: Optional[datetime.date]
    contribution_months: int
    sex: Sex
    cohorts: int
    def __init__(self, scheme: Union[Scheme, str, int] = ..., category: Union[Category, str, int] = ...,
                 tier: Union[Tier, str, int] = ..., birth_date: Optional[DateLike] = ...,
                 groups: Union[Group, str, int, Sequence[str]] = ..., family_doctor: int = ...,
                 retirement_date: Optional[DateLike] = ..., contribution_months: int = ...,
                 sex: Union[Sex, str, int] = ..., cohorts: int = ...) -> None: ...
    @classmethod
    def employee(cls, *, retired: bool = ..., birth_date: Optional[DateLike] = ..., **kw: Any) -> "Person": ...
    @classmethod
    def resident(cls, *, tier: Union[Tier, str] = ..., child: bool = ...,
                 birth_date: Optional[DateLike] = ..., **kw: Any) -> "Person": ...
    @classmethod
    def from_nhsa(cls, policy: "Policy", insutype: str, psn_type: str, **kw: Any) -> "Person": ...
    def age_on(self, date: DateLike) -> Optional[int]: ...

class Claim:
    date: Optional[datetime.date]
    kind: ClaimKind
    level: Level
    total: int
    self_paid: int
    category_b: int
    institution: int
    id: int
    attributes: int
    days: int
    def __init__(self, date: Optional[DateLike] = ..., kind: Union[ClaimKind, str, int] = ...,
                 level: Union[Level, str, int] = ..., total: int = ..., self_paid: int = ...,
                 category_b: int = ..., institution: int = ..., id: int = ...,
                 attributes: int = ..., days: int = ...) -> None: ...
    @classmethod
    def from_nhsa(cls, policy: "Policy", med_type: str, **kw: Any) -> "Claim": ...

class Ledger:
    year: int
    last_date: Optional[datetime.date]
    seq: int
    admissions: int
    outpatient_costs: int
    deductible: Dict[Pool, int]
    position: Dict[Pool, int]
    fund: Dict[Pool, int]
    major_base: int
    major_fund: int
    assist_base: int
    assist_fund: int
    account_balance: int
    account_paid: int
    carry_over: int
    thrifty_years: int
    prior_known: int
    prior_outpatient_costs: int
    supplementary: Dict[Pool, int]
    account_credited: int
    day_date: Optional[datetime.date]
    day_fund: Dict[Pool, int]
    def __init__(self, year: Optional[int] = ...) -> None: ...
    def copy(self) -> "Ledger": ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_text(self) -> str: ...
    @classmethod
    def from_text(cls, text: str) -> "Ledger": ...
    def check(self) -> None: ...
    def close_year(self, policy: "Policy", person: Person) -> "Ledger": ...
    def reverse(self, result: "Result") -> None: ...
    def refund(self, record: str) -> Dict[str, int]: ...
    @classmethod
    def year_to_date(cls, year: int, *, last_date: Optional[DateLike] = ...,
                     admissions: int = ..., outpatient_costs: int = ...,
                     in_scope: Optional[Mapping[Any, int]] = ...,
                     deductible: Optional[Mapping[Any, int]] = ...,
                     fund: Optional[Mapping[Any, int]] = ..., major_base: int = ...,
                     major_fund: int = ..., assist_base: int = ..., assist_fund: int = ...,
                     account_balance: int = ..., account_paid: int = ..., carry_over: int = ...,
                     thrifty_years: int = ...,
                     prior_outpatient_costs: Optional[int] = ...,
                     supplementary: Optional[Mapping[Any, int]] = ...,
                     account_first: Optional[Mapping[Any, int]] = ...,
                     account_credited: int = ...) -> "Ledger": ...

class Source:
    id: str
    title: str
    number: str
    issuer: str
    date: str
    kind: str
    file: Optional[str]
    line: int

class PolicyValue:
    path: str
    text: str
    source: Optional[str]
    at: str
    assumed: bool
    file: Optional[str]
    line: int
    column: int
    third_party: bool
    key: Optional[str]
    source_kind: str
    citation: str

class Line:
    part: Part
    amount: int
    base: int
    ratio: int
    rule: str
    text: str
    source: Optional[str]
    citation: str
    file: Optional[str]
    line: int
    column: int
    assumed: bool

class Step:
    kind: StepKind
    part: Part
    rule: str
    amount: int
    base: int
    ratio: int
    args: Mapping[str, Any]
    values: Tuple[PolicyValue, ...]

class Result:
    kind: ResultKind
    policy_id: str
    lines: List[Line]
    assumed_values: List[PolicyValue]
    third_party_values: List[PolicyValue]
    uses_assumed: bool
    @property
    def steps(self) -> List[Step]: ...
    def explain(self, lang: str = ...) -> str: ...
    def step_texts(self, lang: str = ...) -> List[str]: ...
    def lines_frame(self) -> pd.DataFrame: ...

class FiguresResult(Result):
    figures: Dict[str, Any]
    def __getattr__(self, name: str) -> Any: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Settlement(Result):
    claim_id: int
    total: int
    self_paid: int
    category_b: int
    in_scope: int
    deductible: int
    fund: int
    coinsurance: int
    over_cap: int
    major_disease: int
    assistance: int
    patient: int
    account: int
    cash: int
    ratio: int
    admission: int
    assumed: int
    supplementary: int
    account_first: int
    estimate: bool
    def to_dict(self) -> Dict[str, int]: ...
    def record(self) -> str: ...
    @property
    def setlinfo(self) -> Dict[str, int]: ...
    @property
    def setldetail(self) -> List[Dict[str, Any]]: ...
    @property
    def items(self) -> List[Dict[str, Any]]: ...

class LoadOptions:
    def __init__(self, *, max_file_size: Optional[int] = ..., max_depth: Optional[int] = ...,
                 max_nodes: Optional[int] = ..., max_aliases: Optional[int] = ...,
                 max_dir_depth: Optional[int] = ...,
                 max_dir_entries: Optional[int] = ...) -> None: ...

class Policy:
    @property
    def id(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def effective_from(self) -> Optional[datetime.date]: ...
    @property
    def effective_to(self) -> Optional[datetime.date]: ...
    @property
    def sections(self) -> List[Section]: ...
    @property
    def sources(self) -> List[Source]: ...
    @property
    def values(self) -> List[PolicyValue]: ...
    @property
    def assumed_values(self) -> List[PolicyValue]: ...
    def in_force(self, date: DateLike) -> bool: ...
    @property
    def cohort_names(self) -> Tuple[str, ...]: ...
    def cohorts(self, words: str) -> int: ...
    def has_section(self, section: Union[Section, str]) -> bool: ...
    def value(self, path: str) -> Optional[PolicyValue]: ...
    def derive(self, overlay: Union[str, Mapping[str, Any]], name: str = ..., *,
               title: Optional[str] = ...) -> "Policy": ...
    def parameters(self) -> pd.DataFrame: ...
    def sweep(self, address: str, values: Sequence[Any], *,
              title: Optional[str] = ...) -> Dict[Any, "Policy"]: ...
    def settle(self, person: Person, claim: Claim, ledger: Optional[Ledger] = ..., *,
               explain: bool = ...) -> Settlement: ...
    def presettle(self, person: Person, claim: Claim, ledger: Optional[Ledger] = ..., *,
                  explain: bool = ...) -> Settlement: ...
    def settle_figures(self, person: Person, claim: Claim,
                       ledger: Optional[Ledger] = ...) -> Dict[str, int]: ...
    def settle_items(self, person: Person, claim: Claim, items: Any,
                     ledger: Optional[Ledger] = ..., *, explain: bool = ...) -> Settlement: ...
    def contribution(self, person: Person, date: DateLike, *, monthly_wage: int = ...,
                     employer_type: Union[EmployerType, str] = ...) -> FiguresResult: ...
    def account(self, person: Person, date: DateLike, *, monthly_wage: int = ...,
                employer_type: Union[EmployerType, str] = ..., last_year_pension: int = ...,
                year_costs: int = ..., serious_illness: bool = ...) -> FiguresResult: ...
    def maternity(self, person: Person, date: DateLike, *, delivery: Union[Delivery, str],
                  weeks: int = ..., child_order: int = ..., prenatal_costs: int = ...,
                  complication_costs: int = ...) -> FiguresResult: ...
    def capitation(self, *, level: Union[Level, str], disease: Union[Disease, str],
                   period: Sequence[DateLike], enrolments: Sequence[Sequence[Any]] = ...,
                   actual_costs: int = ..., institution: int = ...,
                   assessment: Optional[int] = ...) -> FiguresResult: ...

class PolicySet:
    def __init__(self) -> None: ...
    @classmethod
    def embedded(cls) -> "PolicySet": ...
    def add_dir(self, path: PathLike, *, options: Optional[LoadOptions] = ...) -> "PolicySet": ...
    def add_file(self, path: PathLike, id: Optional[str] = ..., *,
                 options: Optional[LoadOptions] = ...) -> "PolicySet": ...
    def lookup(self, region: Optional[str] = ..., date: Optional[DateLike] = ...) -> Policy: ...
    def get(self, id: str) -> Optional[Policy]: ...
    def __getitem__(self, id: str) -> Policy: ...
    def __contains__(self, id: object) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Policy]: ...
    @property
    def ids(self) -> List[str]: ...

def read_record(record: str) -> Dict[str, int]: ...
def embedded() -> PolicySet: ...
def default_policy(date: Optional[DateLike] = ..., region: Optional[str] = ...) -> Policy: ...
def load_policy(path: PathLike, *, bases: Optional[PolicySet] = ...,
                options: Optional[LoadOptions] = ...) -> Policy: ...
def load_policy_string(yaml_text: str, name: str = ..., *, bases: Optional[PolicySet] = ...,
                       options: Optional[LoadOptions] = ...) -> Policy: ...
def settle(person: Person, claim: Claim, *, policy: Optional[Policy] = ...,
           ledger: Optional[Ledger] = ..., region: Optional[str] = ...,
           explain: bool = ...) -> Settlement: ...

# ---- batches, frames, reforms, charts ----
class LedgerBlock:
    def __init__(self, years: Any) -> None: ...
    def __len__(self) -> int: ...
    def __getitem__(self, i: int) -> Ledger: ...
    def __setitem__(self, i: int, ledger: Ledger) -> None: ...

class BatchResult(Dict[str, np.ndarray]):
    ledgers: LedgerBlock
    failed: int
    @property
    def errors(self) -> pd.DataFrame: ...
    def totals(self) -> Dict[str, int]: ...

def settle_arrays(policy: Union[Policy, PolicySet], persons: Mapping[str, Any],
                  claims: Mapping[str, Any], *, region: Optional[str] = ...,
                  ledgers: Optional[LedgerBlock] = ..., sort: bool = ...,
                  on_error: str = ...,
                  out: Optional[Mapping[str, np.ndarray]] = ...,
                  outputs: Optional[Sequence[str]] = ...,
                  close_years: bool = ..., threads: int = ...) -> BatchResult: ...
def settle_frame(claims: pd.DataFrame, persons: Optional[pd.DataFrame] = ..., *,
                 policy: Union[Policy, PolicySet, None] = ..., region: Optional[str] = ...,
                 person_key: str = ..., on_error: str = ...,
                 close_years: bool = ..., threads: int = ...) -> pd.DataFrame: ...
class PersonLedgers(Mapping[Any, Ledger]):
    block: LedgerBlock
    def __getitem__(self, key: Any) -> Ledger: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
def generate_population(n_persons: int = ..., claims_per_person: float = ..., *,
                        year: int = ..., seed: int = ...) -> Tuple[pd.DataFrame, pd.DataFrame]: ...

def overlay_yaml(overlay: Mapping[str, Any]) -> str: ...
def derive(base: Policy, overlay: Union[str, Mapping[str, Any]], name: str = ..., *,
           title: Optional[str] = ...) -> Policy: ...
def sweep(base: Policy, address: str, values: Sequence[Any], claims: pd.DataFrame,
          persons: Optional[pd.DataFrame] = ..., *, person_key: str = ...,
          weight: Optional[str] = ..., title: Optional[str] = ...) -> pd.DataFrame: ...

class Comparison:
    base: Policy
    reform: Policy
    claims: pd.DataFrame
    weight: Optional[str]
    totals: pd.DataFrame
    def summary(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...

def compare(base: Policy, reform: Policy, claims: pd.DataFrame,
            persons: Optional[pd.DataFrame] = ..., *, person_key: str = ...,
            align_dates: bool = ..., weight: Optional[str] = ...) -> Comparison: ...
def plot_fund_vs_cost(data: Union[pd.DataFrame, Comparison], path: Optional[PathLike] = ...,
                      *, title: Optional[str] = ...) -> Figure: ...
def plot_fund_balance(balances: Mapping[str, pd.DataFrame], path: Optional[PathLike] = ..., *,
                      title: Optional[str] = ...) -> Figure: ...

# ---- populations, summaries, the fund balance ----
class PopulationResult(Dict[str, np.ndarray]):
    failed: int
    @property
    def errors(self) -> pd.DataFrame: ...
    def totals(self) -> Dict[str, int]: ...

def contributions_arrays(policy: Policy, persons: Mapping[str, Any], *,
                         date: Optional[DateLike] = ..., on_error: str = ...) -> PopulationResult: ...
def maternity_arrays(policy: Policy, deliveries: Mapping[str, Any], *,
                     on_error: str = ...) -> PopulationResult: ...
def capitation_arrays(policy: Policy, institutions: Mapping[str, Any],
                      enrolments: Mapping[str, Any], *, on_error: str = ...,
                      sort: bool = ...) -> PopulationResult: ...
def contributions_frame(persons: pd.DataFrame, *, policy: Policy, date: Optional[DateLike] = ...,
                        on_error: str = ...) -> pd.DataFrame: ...
def maternity_frame(deliveries: pd.DataFrame, persons: Optional[pd.DataFrame] = ..., *,
                    policy: Policy, person_key: str = ..., on_error: str = ...) -> pd.DataFrame: ...
def capitation_frame(institutions: pd.DataFrame, enrolments: pd.DataFrame, *, policy: Policy,
                     institution_key: str = ..., on_error: str = ...) -> pd.DataFrame: ...
def summarize(frame: pd.DataFrame, money: Sequence[str], *,
              by: Union[None, str, Sequence[str]] = ...,
              weight: Union[None, str, Sequence[int]] = ..., count: str = ...,
              years: Optional[str] = ...) -> pd.DataFrame: ...
def yuan_value(amount_fen: int) -> decimal.Decimal: ...
def fund_balance(*, contributions: Optional[pd.DataFrame] = ...,
                 settlements: Optional[pd.DataFrame] = ..., maternity: Optional[pd.DataFrame] = ...,
                 capitation: Optional[pd.DataFrame] = ...,
                 by: Union[None, str, Sequence[str]] = ...,
                 weight: Optional[str] = ...) -> pd.DataFrame: ...
def generate_fund_population(n_persons: int = ..., *, year: int = ..., seed: int = ...,
                             claims_per_person: float = ...,
                             weights: bool = ...) -> Dict[str, pd.DataFrame]: ...
