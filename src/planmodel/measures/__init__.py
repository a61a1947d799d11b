"""Measures: the number (or rating, or yes/no) a target looks at, computed from figures.

Each measure is a small class that knows which metrics it reads, when it can be
computed and how to compute itself; conditions and schedules never look inside. The
constructors below read like a plan's text::

    >>> growth("gdp", 2020, 2025)
    Growth(metric='gdp', first=2020, last=2025, method='compound', form='relative')
    >>> change_since(ratio("energy", "gdp", per=1), 2020).form
    'relative'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from ..periods import Period, to_period
from .base import MEASURES, Measure, Missing, Rating, Reading, Subject, Yields, subject_ref
from .changes import (
    REFERENCES,
    AtBaseline,
    Change,
    Difference,
    Form,
    OtherMetric,
    PreviousPeriod,
    Reference,
)
from .ratings import CountAt, LowestRating, ShareAtLeast
from .spans import Average, Growth, Total
from .values import Ratio, Select, Value

__all__ = [
    "MEASURES",
    "REFERENCES",
    "AtBaseline",
    "Average",
    "Change",
    "CountAt",
    "Difference",
    "Form",
    "Growth",
    "LowestRating",
    "Measure",
    "Missing",
    "OtherMetric",
    "PreviousPeriod",
    "Rating",
    "Ratio",
    "Reading",
    "Reference",
    "Select",
    "ShareAtLeast",
    "Subject",
    "Total",
    "Value",
    "Yields",
    "average",
    "change_from_previous",
    "change_since",
    "change_vs",
    "count_at",
    "count_at_least",
    "count_below",
    "difference",
    "growth",
    "lowest_rating",
    "ratio",
    "select",
    "share_at_least",
    "subject_ref",
    "total",
    "value",
]


def value(metric: str) -> Value:
    """The metric's own value: ``value("health_insurance_coverage")``."""
    return Value(metric)


def ratio(numerator: str, denominator: str, *, per: int = 100) -> Ratio:
    """``ratio("capital_spending", "total_spending")``: numerator as % of denominator;
    ``per=10_000`` for "doctors per 10,000 people", ``per=1`` for "per capita"."""
    return Ratio(numerator, denominator, per)


def select(measure: Measure, breakdown: Mapping[str, str] | None = None, **members: str) -> Select:
    """*measure* for one member of a breakdown: ``select(value("clean_water"), area="urban")``."""
    return Select(measure, {**(breakdown or {}), **members})


def change_vs(metric: Subject, reference: Subject, *, form: Form = "relative") -> Change:
    """Change of *metric* against another metric (or measure) of the same period."""
    return Change(metric, OtherMetric(reference), form)


def change_since(metric: Subject, baseline: Period | str, *, form: Form = "relative") -> Change:
    """Change of *metric* since a baseline: ``change_since("poor", "2021-01-01")``;
    ``form="difference"`` for percentage points, ``form="index"`` for "% of 2020"."""
    return Change(metric, AtBaseline(to_period(baseline)), form)


def change_from_previous(metric: Subject, *, form: Form = "relative") -> Change:
    """Change of *metric* from the previous period (year on year)."""
    return Change(metric, PreviousPeriod(), form)


def growth(
    metric: Subject,
    first: int,
    last: int,
    method: Literal["compound", "arithmetic"] = "compound",
    *,
    form: Form = "relative",
) -> Growth:
    """Average annual growth of *metric* from *first* to *last* (compound by default);
    ``form="difference"`` for the average annual difference."""
    return Growth(metric, first, last, method, form)


def total(metric: Subject, first: int, last: int) -> Total:
    """Sum of *metric* over the years *first*..*last*."""
    return Total(metric, first, last)


def average(
    metric: Subject,
    first: int,
    last: int,
    method: Literal["arithmetic", "compound"] = "arithmetic",
) -> Average:
    """Mean of the yearly figures of *metric* over *first*..*last* ("bình quân");
    ``method="compound"`` for yearly growth rates, compounded."""
    return Average(metric, first, last, method)


def difference(minuend: Subject, subtrahend: Subject) -> Difference:
    """*minuend* minus *subtrahend* for the same period: "grows faster than" is > 0."""
    return Difference(minuend, subtrahend)


def share_at_least(metric: str, level: str) -> ShareAtLeast:
    """% of units rated *level* or higher."""
    return ShareAtLeast(metric, level)


def count_at(metric: str, level: str) -> CountAt:
    """Number of units rated exactly *level*."""
    return CountAt(metric, level, "exactly")


def count_below(metric: str, level: str) -> CountAt:
    """Number of units rated below *level*."""
    return CountAt(metric, level, "below")


def count_at_least(metric: str, level: str) -> CountAt:
    """Number of units rated *level* or higher: "at least 3 units rated good or better"."""
    return CountAt(metric, level, "at_least")


def lowest_rating(metric: str) -> LowestRating:
    """The lowest rating among the units of *metric*."""
    return LowestRating(metric)
