"""Schedules: when a target's condition is judged, and against which goal.

Time belongs to schedules. A schedule picks the periods to judge, decides whether a
figure is final (the deadline's, a milestone's, a year's) or interim (judged against
the line from the baseline through the milestones to the goal), and turns the
judgements into one status. Conditions only judge a value against a goal.
"""

from __future__ import annotations

import abc
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from .._judging import Judging, judging
from .._numbers import add, div, mul, sub
from .._rows import judgement, judgements, of_judgement, severity, status
from ..conditions import Condition
from ..context import Context
from ..errors import Problem
from ..judgements import Judgement
from ..kinds import Registry
from ..measures import Measure
from ..periods import Calendar, Period, period_sort_key, position
from ..status import Status
from ..words import Phrase, say

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["SCHEDULES", "Judging", "Line", "Schedule", "judge_final", "judge_interim"]


class Schedule(abc.ABC):
    """When a target is judged: each period, by a deadline, once over the term, …

    A kind implements :meth:`judge` (the status and the judgements as of a date) and
    :meth:`words`, using :func:`judge_final` and :func:`judge_interim` to judge a
    period.
    """

    __slots__ = ()
    kind: ClassVar[str]
    #: Whether the schedule judges a figure per period (``every_year``, ``by_deadline``)
    #: rather than one figure of a measure over a span (``over_term``).
    per_period: ClassVar[bool] = True

    @abc.abstractmethod
    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        """The overall status and the per-period judgements, as of a date."""

    @abc.abstractmethod
    def words(self) -> Phrase:
        """The schedule in words: "every year 2021-2025", "by 2025-12-31"."""

    def judge_rows(
        self, judging: Judging, as_of: dt.date
    ) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        """:meth:`judge`, with the status as its severity and each judgement as a row
        (:mod:`planmodel._rows`): how an evaluation asks, so that a country's worth of
        judgements is not a country's worth of objects. The built-in schedules judge
        this way; this default asks :meth:`judge`, for a schedule defined outside
        planmodel."""
        found, judged = self.judge(judging.measure, judging.condition, judging.ctx, as_of)
        return severity(found), tuple(of_judgement(one) for one in judged)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        """Years outside the plan's term, a measure that does not fit, …"""
        spans = condition.spans(measure)
        if self.per_period and any(span is not None for span in spans):
            return [
                Problem(
                    f"{path}.schedule",
                    f"{self.kind} judges a figure per period; a measure over a span "
                    "of years (growth, total, average) needs over_term",
                )
            ]
        return []

    def describe(self, lang: str) -> str:
        return say(self.words(), lang)

    def reads(self, period: Period) -> tuple[Period, ...]:
        """The periods whose figures a judgement of *period* rests on: the period
        itself, and a baseline that progress or an interim line runs from. Reports
        name the sources of these figures."""
        return (period,)

    def deciding(self, status: Status, judgements: Sequence[Judgement]) -> Judgement | None:
        """The judgement an explanation quotes for the overall *status*.

        By default the first period judged so (the first year an every-year target
        missed), else the latest period judged at all; a schedule whose verdict comes
        from its latest figure says so by overriding this.
        """
        for one in judgements:
            if one.status is status:
                return one
        judged = [j for j in judgements if j.status is not Status.PENDING]
        return judged[-1] if judged else None


SCHEDULES: Registry[Schedule] = Registry("schedule", Schedule)
"""Every kind of schedule, by its tag."""


def outside_term(plan: Plan, year: int, where: str) -> list[Problem]:
    """A problem at *where* if *year* lies outside the plan's term."""
    if plan.term.first <= year <= plan.term.last:
        return []
    return [
        Problem(where, f"year {year} is outside the plan's term {plan.term.first}-{plan.term.last}")
    ]


def judge_final(
    ctx: Context,
    measure: Measure | None,
    condition: Condition,
    period: Period,
    baseline: Period | None = None,
    *,
    goal: Decimal | None = None,
    remark: Phrase | None = None,
) -> Judgement:
    """The verdict on the figure for *period* as a final one.

    With *goal*, the condition is aimed at it (a milestone) and the goal is shown as
    the expected value; progress always counts towards the condition's own goal.
    Progress runs from the figure at *baseline*; a declared baseline without a figure
    leaves it unknown.
    """
    found = judging(measure, condition, ctx).final(period, baseline, goal, remark)
    return judgement(found)


class Line:
    """The line an interim figure is compared with: from the baseline figure, through
    the milestones' goals, to the condition's goal at the deadline, each point placed
    in years (:func:`planmodel.periods.position`)."""

    def __init__(
        self, start: dt.date, milestones: Sequence[tuple[dt.date, Decimal]], end: dt.date
    ) -> None:
        self.start = position(start)
        self.milestones = [(position(day), goal) for day, goal in milestones]
        self.end = position(end)
        # Where each day falls on the line, worked out once: the segment and the share
        # of it, and the share as the two Decimals the point is computed with.
        self._places: dict[dt.date, tuple[int, Decimal, Decimal]] = {}

    def _place(self, day: dt.date) -> tuple[int, Decimal, Decimal]:
        found = self._places.get(day)
        if found is None:
            xs = [self.start, *(x for x, _ in self.milestones), self.end]
            here = position(day)
            last = len(xs) - 2
            for index, (x0, x1) in enumerate(itertools.pairwise(xs)):
                if here <= x1 or index == last:
                    share = (here - x0) / (x1 - x0)
                    found = (index, Decimal(share.numerator), Decimal(share.denominator))
                    break
            assert found is not None, "a line has at least one segment"
            self._places[day] = found
        return found

    def at(self, day: dt.date, first: Decimal, last: Decimal) -> Decimal:
        """The line's value on *day*, running from *first* to *last* through the milestones."""
        index, numerator, denominator = self._place(day)
        ys = [first, *(goal for _, goal in self.milestones), last]
        return _between(ys[index], ys[index + 1], numerator, denominator)


@functools.lru_cache(maxsize=1024)
def line(start: dt.date, milestones: tuple[tuple[dt.date, Decimal], ...], end: dt.date) -> Line:
    """The :class:`Line` through these points, made once: plans with the same baseline,
    milestones and deadline share it, and where each day falls on it."""
    return Line(start, milestones, end)


def _between(first: Decimal, last: Decimal, numerator: Decimal, denominator: Decimal) -> Decimal:
    # first + (last - first) * n / d as one fraction, divided once: the only rounding
    # is of the result itself (not of a step that the start then cancels), and whole
    # years give exact fractions.
    whole = add(mul(first, denominator), mul(sub(last, first), numerator))
    return div(whole, denominator)


def judge_interim(
    ctx: Context,
    measure: Measure | None,
    condition: Condition,
    period: Period,
    *,
    baseline: Period | None,
    line: Line | None,
) -> Judgement:
    """The verdict on a figure before the deadline: ``on_track`` if it is on the
    acceptable side of *line* (or already meets the goal), else ``off_track``;
    ``pending`` without a baseline or a goal to draw a line to."""
    found = judging(measure, condition, ctx).interim(period, baseline, line)
    return judgement(found)


@functools.lru_cache(maxsize=8192)
def _moment_key(
    fiscal_year_start: int, period: Period
) -> tuple[dt.date, tuple[int, int, int, int]]:
    return Calendar(fiscal_year_start).end(period), period_sort_key(period)


def by_moment(calendar: Calendar, rows: Iterable[tuple[Any, ...]]) -> tuple[tuple[Any, ...], ...]:
    """*rows* in time order, each by the day its period ends (then by the period)."""
    start = calendar.fiscal_year_start
    return tuple(sorted(rows, key=lambda row: _moment_key(start, row[0])))


def judge_by_rows(
    schedule: Schedule, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
) -> tuple[Status, tuple[Judgement, ...]]:
    """:meth:`Schedule.judge` for a schedule that judges by :meth:`Schedule.judge_rows`."""
    level, rows = schedule.judge_rows(judging(measure, condition, ctx), as_of)
    return status(level), judgements(rows)
