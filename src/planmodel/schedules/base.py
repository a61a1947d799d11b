"""Schedules: when a target's condition is judged, and against which goal.

Time belongs to schedules. A schedule picks the periods to judge, decides whether a
figure is final (the deadline's, a milestone's, a year's) or interim (judged against
the line from the baseline through the milestones to the goal), and turns the
judgements into one status. Conditions only judge a value against a goal.
"""

from __future__ import annotations

import abc
import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, ClassVar

from .._numbers import add, div, mul, sub
from ..conditions import Condition
from ..context import Context, Missing
from ..errors import Problem
from ..judgements import Judgement
from ..kinds import Registry
from ..measures import Measure, Rating, Reading
from ..periods import Period, period_sort_key, position
from ..status import Status
from ..words import Phrase, say

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["SCHEDULES", "Line", "Schedule", "judge_final", "judge_interim"]


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

    def deciding(self, status: Status, judgements: Sequence[Judgement]) -> Judgement | None:
        """The judgement an explanation quotes for the overall *status*.

        By default the first period judged so (the first year an every-year target
        missed), else the latest period judged at all; a schedule whose verdict comes
        from its latest figure says so by overriding this.
        """
        for judgement in judgements:
            if judgement.status is status:
                return judgement
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


def _shown(reading: Reading) -> Decimal | str | bool:
    if isinstance(reading, Rating):
        return reading.level
    assert not isinstance(reading, Missing)
    return reading


def _progress(
    ctx: Context, measure: Measure, condition: Condition, value: Decimal, baseline: Period | None
) -> Decimal | None:
    if baseline is None:
        return condition.progress(value, None)
    start = measure.at(ctx, baseline)
    # A declared baseline without a figure leaves progress unknown: measuring from
    # zero instead would be a different figure under the same name.
    return condition.progress(value, start) if isinstance(start, Decimal) else None


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
    """

    def leaf(one: Measure | None, judged: Condition) -> Judgement:
        assert one is not None, "plan validation guarantees a measure here"
        reading = one.at(ctx, period)
        if isinstance(reading, Missing):
            return Judgement(period, Status.NO_DATA, reason=reading.reason, remark=remark)
        aimed = judged.aimed_at(goal) if goal is not None else judged
        verdict = aimed.assess(reading, plan=ctx.plan, measure=one)
        progress = (
            _progress(ctx, one, judged, reading, baseline) if isinstance(reading, Decimal) else None
        )
        return Judgement(
            period,
            verdict.status,
            _shown(reading),
            verdict.gap,
            progress,
            goal,
            warning=verdict.warning,
            remark=remark,
        )

    return condition.judge(measure, period, leaf)


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

    def at(self, day: dt.date, first: Decimal, last: Decimal) -> Decimal:
        """The line's value on *day*, running from *first* to *last* through the milestones."""
        points = [(self.start, first), *self.milestones, (self.end, last)]
        here = position(day)
        segments = list(itertools.pairwise(points))
        for index, ((x0, y0), (x1, y1)) in enumerate(segments):
            if here <= x1 or index == len(segments) - 1:
                return _between(y0, y1, (here - x0) / (x1 - x0))
        raise AssertionError("a line has at least one segment")


def _between(first: Decimal, last: Decimal, share: Fraction) -> Decimal:
    # first + (last - first) * n / d as one fraction, divided once: the only rounding
    # is of the result itself (not of a step that the start then cancels), and whole
    # years give exact fractions.
    over = Decimal(share.denominator)
    numerator = add(mul(first, over), mul(sub(last, first), Decimal(share.numerator)))
    return div(numerator, over)


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

    def leaf(one: Measure | None, judged: Condition) -> Judgement:
        assert one is not None, "plan validation guarantees a measure here"
        final = judge_final(ctx, one, judged, period, baseline)
        aim = judged.goal()
        if final.status is Status.NO_DATA:
            return final
        if baseline is None or aim is None or line is None:
            return final.as_pending()
        start = one.at(ctx, baseline)
        if not isinstance(start, Decimal):
            reason = start.reason if isinstance(start, Missing) else None
            return Judgement(period, Status.NO_DATA, final.value, final.gap, reason=reason)
        goal, better = aim
        expected = line.at(ctx.calendar.end(period), start, goal)
        value = final.value
        assert isinstance(value, Decimal)
        # A figure that already meets the target is on track even where the line runs
        # the other way (a target set behind its baseline).
        on_track = final.status.is_success or (
            value >= expected if better == "higher" else value <= expected
        )
        return Judgement(
            period,
            Status.ON_TRACK if on_track else Status.OFF_TRACK,
            value,
            final.gap,
            final.progress,
            expected,
        )

    return condition.judge(measure, period, leaf)


def by_moment(ctx: Context, judgements: Sequence[Judgement]) -> list[Judgement]:
    """*judgements* in time order, each by the day its period ends."""

    def key(judgement: Judgement) -> tuple[dt.date, tuple[int, int, int, int]]:
        assert judgement.period is not None
        return ctx.calendar.end(judgement.period), period_sort_key(judgement.period)

    return sorted(judgements, key=key)
