"""medins: Chinese basic medical-insurance benefits, exact to the fen.

A Python front end to libmedins. Quick start::

    import medins
    policy = medins.default_policy(date="2023-06-01")           # embedded tianjin/2023
    person = medins.Person.employee(birth_date="1970-03-01")
    claim = medins.Claim(date="2023-06-01", kind="inpatient", level="l3",
                         total=medins.fen("12000"))
    result = policy.settle(person, claim)
    print(result)              # fund, major-disease, assistance and patient shares
    print(result.explain())    # one line per part, citing the policy text
    print(result.explain(lang="zh"))   # 起付线, 统筹基金支付 ... in Chinese

Amounts are integers in fen, ratios integers in basis points, dates :class:`datetime.date`;
yuan become fen only through :func:`fen` (a float, or a str where fen are expected, is a
TypeError). Every failure of the library raises :class:`MedinsError` (or a subclass; see
:mod:`medins.errors` for which). Batches of claims go through
:func:`settle_arrays` (numpy) or :func:`settle_frame` (pandas); reforms through
:meth:`Policy.derive` and :func:`compare`; charts through :func:`plot_fund_vs_cost`. A
population's contributions, maternity and capitation payments go through
:func:`contributions_frame`, :func:`maternity_frame` and :func:`capitation_frame` (one C call
each), and a year's income beside its expenditure through :func:`fund_balance`; summaries
(:func:`summarize`) are weighted and in exact yuan.
"""

from .errors import (MedinsError, ArgumentError, PolicyError, MoneyError, NoPolicyError,
                     NotCoveredError, PersonError, ClaimError, LedgerError, InputError, BatchError)
from .enums import (Scheme, Category, Tier, Level, ClaimKind, Group, Section, Part, Pool,
                    ResultKind, Status, EmployerType, Delivery, Disease, CapitationPeriod,
                    StepKind, Sex)
from .core import (to_cdate, from_cdate, yuan, fen, ratio_text, ratio, version, Person, Claim,
                   Ledger, LoadOptions, Policy, PolicySet, Source, PolicyValue, Line, Step, Result,
                   FiguresResult, Settlement, embedded, default_policy, load_policy,
                   load_policy_string, settle, read_record)
from .batch import settle_arrays, BatchResult, LedgerBlock
from .frames import settle_frame, PersonLedgers, generate_population
from .reform import overlay_yaml, derive, compare, Comparison
from .plot import plot_fund_vs_cost, plot_fund_balance
from .population import (PopulationResult, contributions_arrays, maternity_arrays,
                         capitation_arrays, contributions_frame, maternity_frame,
                         capitation_frame)
from .summary import summarize, yuan_value
from .balance import fund_balance, generate_fund_population
from .parameters import sweep

__version__ = version()

__all__ = [
    "MedinsError", "ArgumentError", "PolicyError", "MoneyError", "NoPolicyError",
    "NotCoveredError", "PersonError", "ClaimError", "LedgerError", "InputError", "BatchError",
    "Scheme", "Category", "Tier", "Level", "ClaimKind", "Group", "Section", "Part", "Pool",
    "ResultKind", "Status", "EmployerType", "Delivery", "Disease", "CapitationPeriod",
    "StepKind", "Sex", "to_cdate", "from_cdate", "yuan", "fen", "ratio_text", "ratio", "version",
    "Person", "Claim", "Ledger", "LoadOptions", "Policy", "PolicySet", "Source", "PolicyValue",
    "Line", "Step", "Result", "FiguresResult", "Settlement", "embedded", "default_policy",
    "load_policy", "load_policy_string", "settle", "read_record",
    "settle_arrays", "BatchResult", "LedgerBlock", "settle_frame", "PersonLedgers",
    "generate_population",
    "overlay_yaml", "derive", "compare", "Comparison", "plot_fund_vs_cost",
    "PopulationResult", "contributions_arrays", "maternity_arrays", "capitation_arrays",
    "contributions_frame", "maternity_frame", "capitation_frame", "summarize", "yuan_value",
    "fund_balance", "generate_fund_population", "sweep", "plot_fund_balance",
]
