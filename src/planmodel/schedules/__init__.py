"""Schedules: when a target's condition is judged, and against which goal.

>>> by_deadline("2030-12-31", baseline=2010, milestones={2020: -25, 2025: -38}).milestones[0]
Milestone(period=2020, goal=Decimal('-25'))
"""

from __future__ import annotations

from .base import SCHEDULES, Judging, Line, Schedule, judge_final, judge_interim
from .deadline import ByDeadline, Milestone, by_deadline
from .each import EveryMonth, EveryQuarter, EveryYear
from .term import OverTerm

__all__ = [
    "SCHEDULES",
    "ByDeadline",
    "EveryMonth",
    "EveryQuarter",
    "EveryYear",
    "Judging",
    "Line",
    "Milestone",
    "OverTerm",
    "Schedule",
    "by_deadline",
    "every_month",
    "every_quarter",
    "every_year",
    "judge_final",
    "judge_interim",
    "over_term",
]


def every_year(first: int, last: int) -> EveryYear:
    """``every_year(2021, 2025)``: judged on each year's figure ("hàng năm")."""
    return EveryYear(first, last)


def every_quarter(first: str, last: str) -> EveryQuarter:
    """``every_quarter("2025-Q1", "2026-Q4")``: judged on each quarter's figure."""
    return EveryQuarter(first, last)


def every_month(first: str, last: str) -> EveryMonth:
    """``every_month("2025-01", "2025-12")``: judged on each month's figure."""
    return EveryMonth(first, last)


def over_term() -> OverTerm:
    """Judged once on a measure over a span (growth, total, average)."""
    return OverTerm()
