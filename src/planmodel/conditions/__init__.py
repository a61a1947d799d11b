"""Conditions: which values of a measure are acceptable, and how to judge one.

A condition judges one value against one goal; schedules decide which value and
which goal apply when. The constructors read like a plan's text::

    >>> at_least(45, tolerance="0.5").tolerance  # "khoảng 45%": 44.5 is nearly met
    Tolerance(value=Decimal('0.5'), relative=False)
    >>> at_most(60, warning=55).warning  # "không quá 60%, ngưỡng an toàn 55%"
    Decimal('55')
"""

from __future__ import annotations

from ..measures import Measure
from ..text import Text
from .base import CONDITIONS, Assessment, Assessor, Condition, JudgeLeaf
from .combined import AllOf, Part
from .flags import Achieved
from .numeric import (
    AtLeast,
    AtMost,
    Between,
    Bounded,
    Exactly,
    Tolerance,
    at_least,
    at_most,
    between,
    exactly,
    progress_towards,
)
from .ratings import RatingAtLeast

__all__ = [
    "CONDITIONS",
    "Achieved",
    "AllOf",
    "Assessment",
    "Assessor",
    "AtLeast",
    "AtMost",
    "Between",
    "Bounded",
    "Condition",
    "Exactly",
    "JudgeLeaf",
    "Part",
    "RatingAtLeast",
    "Tolerance",
    "achieved",
    "all_of",
    "at_least",
    "at_most",
    "between",
    "exactly",
    "part",
    "progress_towards",
    "rating_at_least",
]


def rating_at_least(level: str) -> RatingAtLeast:
    """``rating_at_least("good")``: rated *level* or better."""
    return RatingAtLeast(level)


def achieved() -> Achieved:
    """The milestone is reached (a yes/no figure is ``true``)."""
    return Achieved()


def part(measure: Measure, condition: Condition, text: Text | None = None) -> Part:
    """One part of an ``all_of``: a measure and the condition it must meet."""
    return Part(measure, condition, text)


def all_of(*parts: Part) -> AllOf:
    """``all_of(part(m1, at_least(95)), part(m2, at_most(0)))``."""
    return AllOf(parts)
