"""planmodel: typed public development plans, and exact judgements of reported figures.

A plan is data: targets composed of a measure, a condition and a schedule.

>>> from planmodel import at_least, by_deadline, value
>>> at_least(95)
AtLeast(value=Decimal('95'), strict=False)
>>> by_deadline("2025-12-31", baseline=2020)
ByDeadline(deadline=datetime.date(2025, 12, 31), baseline=2020)
"""

from .conditions import (
    AllOf,
    AtLeast,
    AtMost,
    Between,
    Condition,
    Exactly,
    Part,
    RatingAtLeast,
    all_of,
    at_least,
    at_most,
    between,
    exactly,
    part,
    rating_at_least,
)
from .errors import (
    ObservationsError,
    PlanError,
    PlanLoadError,
    PlanModelError,
    PlanValidationError,
    Problem,
)
from .evaluation import Evaluation, TargetResult, evaluate
from .judgements import Judgement
from .measures import (
    AtBaseline,
    Change,
    CountAt,
    Growth,
    LowestRating,
    Measure,
    OtherMetric,
    PreviousPeriod,
    Ratio,
    Reference,
    ShareAtLeast,
    Total,
    Value,
    change_from_previous,
    change_since,
    change_vs,
    count_at,
    count_below,
    growth,
    lowest_rating,
    ratio,
    share_at_least,
    total,
    value,
)
from .metrics import Better, Level, Metric, RatingScale
from .observations import Distribution, Observation, Observations, Rated
from .observations_io import dumps_observations, load_observations
from .plan import Breakthrough, Direction, Plan, Source, Target, Term
from .schedules import ByDeadline, EveryYear, OverTerm, Schedule, by_deadline, every_year, over_term
from .serialize import dump_evaluation, dump_plan, dumps_evaluation, dumps_plan, load_plan
from .status import Status
from .text import Text

__all__ = [
    "AllOf",
    "AtBaseline",
    "AtLeast",
    "AtMost",
    "Better",
    "Between",
    "Breakthrough",
    "ByDeadline",
    "Change",
    "Condition",
    "CountAt",
    "Direction",
    "Distribution",
    "Evaluation",
    "EveryYear",
    "Exactly",
    "Growth",
    "Judgement",
    "Level",
    "LowestRating",
    "Measure",
    "Metric",
    "Observation",
    "Observations",
    "ObservationsError",
    "OtherMetric",
    "OverTerm",
    "Part",
    "Plan",
    "PlanError",
    "PlanLoadError",
    "PlanModelError",
    "PlanValidationError",
    "PreviousPeriod",
    "Problem",
    "Rated",
    "RatingAtLeast",
    "RatingScale",
    "Ratio",
    "Reference",
    "Schedule",
    "ShareAtLeast",
    "Source",
    "Status",
    "Target",
    "TargetResult",
    "Term",
    "Text",
    "Total",
    "Value",
    "all_of",
    "at_least",
    "at_most",
    "between",
    "by_deadline",
    "change_from_previous",
    "change_since",
    "change_vs",
    "count_at",
    "count_below",
    "dump_evaluation",
    "dump_plan",
    "dumps_evaluation",
    "dumps_observations",
    "dumps_plan",
    "evaluate",
    "every_year",
    "exactly",
    "growth",
    "load_observations",
    "load_plan",
    "lowest_rating",
    "over_term",
    "part",
    "rating_at_least",
    "ratio",
    "share_at_least",
    "total",
    "value",
]
