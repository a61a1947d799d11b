"""planmodel: typed public development plans, and exact judgements of reported figures.

A plan is data: targets composed of a measure, a condition and a schedule.

>>> from planmodel import at_least, by_deadline, value
>>> at_least(95)
AtLeast(value=Decimal('95'), strict=False, tolerance=None, warning=None)
>>> by_deadline("2025-12-31", baseline=2020)
ByDeadline(deadline=datetime.date(2025, 12, 31), baseline=2020, milestones=(), latest_within=None)
"""

from importlib import metadata as _metadata

from .attributes import Attributes, Commitment
from .conditions import (
    CONDITIONS,
    Achieved,
    AllOf,
    Assessment,
    AtLeast,
    AtMost,
    Between,
    Bounded,
    Condition,
    Exactly,
    Part,
    RatingAtLeast,
    Tolerance,
    achieved,
    all_of,
    at_least,
    at_most,
    between,
    exactly,
    part,
    rating_at_least,
)
from .context import Context, Missing
from .dates import PartialDate
from .errors import (
    ArgumentError,
    ObservationsError,
    PlanError,
    PlanLoadError,
    PlanModelError,
    PlanValidationError,
    Problem,
)
from .evaluation import Evaluation, MemberResult, TargetResult, evaluate
from .judgements import Judgement
from .many import evaluate_many, evaluate_one
from .measures import (
    MEASURES,
    AtBaseline,
    Average,
    Change,
    CountAt,
    Difference,
    Growth,
    LowestRating,
    Measure,
    OtherMetric,
    PreviousPeriod,
    Rating,
    Ratio,
    Reference,
    Select,
    ShareAtLeast,
    Total,
    Value,
    average,
    change_from_previous,
    change_since,
    change_vs,
    count_at,
    count_at_least,
    count_below,
    difference,
    growth,
    lowest_rating,
    ratio,
    select,
    share_at_least,
    total,
    value,
)
from .metrics import Better, Dimension, Level, Metric, RatingScale
from .observations import Breakdown, Distribution, Observation, Observations, Rated
from .observations_io import dumps_observations, load_observations
from .periods import Calendar, FiscalYear, Month, Period, Quarter
from .plan import Breakthrough, Direction, Plan, Source, Term
from .provenance import missing_provenance
from .quantifiers import (
    QUANTIFIERS,
    AtLeastMembers,
    Every,
    Quantifier,
    ShareOfMembers,
    at_least_members,
    every,
    share_of_members,
)
from .schedules import (
    SCHEDULES,
    ByDeadline,
    EveryMonth,
    EveryQuarter,
    EveryYear,
    Milestone,
    OverTerm,
    Schedule,
    by_deadline,
    every_month,
    every_quarter,
    every_year,
    over_term,
)
from .serialize import dump_evaluation, dump_plan, dumps_evaluation, dumps_plan, load_plan
from .status import Status, most_severe
from .tables import JudgementRow, Table, TargetRow
from .targets import Revision, Target
from .text import Text
from .units import Unit

#: Add a kind of measure (a class decorator): it then loads, dumps, validates,
#: evaluates and appears in the schema and the strategies like a built-in one.
register_measure = MEASURES.register
#: Add a kind of condition (a class decorator).
register_condition = CONDITIONS.register
#: Add a kind of schedule (a class decorator).
register_schedule = SCHEDULES.register
#: Add a kind of quantifier (a class decorator).
register_quantifier = QUANTIFIERS.register

__all__ = [
    "Achieved",
    "AllOf",
    "ArgumentError",
    "Assessment",
    "AtBaseline",
    "AtLeast",
    "AtLeastMembers",
    "AtMost",
    "Attributes",
    "Average",
    "Better",
    "Between",
    "Bounded",
    "Breakdown",
    "Breakthrough",
    "ByDeadline",
    "Calendar",
    "Change",
    "Commitment",
    "Condition",
    "Context",
    "CountAt",
    "Difference",
    "Dimension",
    "Direction",
    "Distribution",
    "Evaluation",
    "Every",
    "EveryMonth",
    "EveryQuarter",
    "EveryYear",
    "Exactly",
    "FiscalYear",
    "Growth",
    "Judgement",
    "JudgementRow",
    "Level",
    "LowestRating",
    "Measure",
    "MemberResult",
    "Metric",
    "Milestone",
    "Missing",
    "Month",
    "Observation",
    "Observations",
    "ObservationsError",
    "OtherMetric",
    "OverTerm",
    "Part",
    "PartialDate",
    "Period",
    "Plan",
    "PlanError",
    "PlanLoadError",
    "PlanModelError",
    "PlanValidationError",
    "PreviousPeriod",
    "Problem",
    "Quantifier",
    "Quarter",
    "Rated",
    "Rating",
    "RatingAtLeast",
    "RatingScale",
    "Ratio",
    "Reference",
    "Revision",
    "Schedule",
    "Select",
    "ShareAtLeast",
    "ShareOfMembers",
    "Source",
    "Status",
    "Table",
    "Target",
    "TargetResult",
    "TargetRow",
    "Term",
    "Text",
    "Tolerance",
    "Total",
    "Unit",
    "Value",
    "__version__",
    "achieved",
    "all_of",
    "at_least",
    "at_least_members",
    "at_most",
    "average",
    "between",
    "by_deadline",
    "change_from_previous",
    "change_since",
    "change_vs",
    "count_at",
    "count_at_least",
    "count_below",
    "difference",
    "dump_evaluation",
    "dump_plan",
    "dumps_evaluation",
    "dumps_observations",
    "dumps_plan",
    "evaluate",
    "evaluate_many",
    "evaluate_one",
    "every",
    "every_month",
    "every_quarter",
    "every_year",
    "exactly",
    "growth",
    "load_observations",
    "load_plan",
    "lowest_rating",
    "missing_provenance",
    "most_severe",
    "over_term",
    "part",
    "rating_at_least",
    "ratio",
    "register_condition",
    "register_measure",
    "register_quantifier",
    "register_schedule",
    "select",
    "share_at_least",
    "share_of_members",
    "total",
    "value",
]

try:
    __version__: str = _metadata.version("planmodel")
    """The installed version of planmodel, from its package metadata."""
except _metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
    __version__ = "0+unknown"
