"""A target's measure and condition made ready to judge period after period.

What a final and an interim judgement are is said once, in
:func:`planmodel.schedules.judge_final` and :func:`~planmodel.schedules.judge_interim`;
this module computes them. A :class:`Judging` is made for each target an evaluation
judges. It reads the figures through the measure's :meth:`~planmodel.Measure.reader`
and judges them with the condition's :meth:`~planmodel.Condition.assessor`, so that
what stays the same from one period to the next (the series of figures, the bounds,
the scale, the goal) is found once, and it gives each judgement as a row
(:mod:`planmodel._rows`) rather than a :class:`~planmodel.Judgement`.

What depends on the plan alone (the assessors, the goals, how the condition is judged)
is worked out once per plan: a :class:`Shape`, kept with the plan
(:mod:`planmodel._plan_cache`); an evaluation only binds it to its figures.

An ``all of`` is judged part by part, as :meth:`AllOf.judge <planmodel.AllOf.judge>`
does. A condition defined outside planmodel that judges in its own way (it overrides
:meth:`~planmodel.Condition.judge`) is asked to, with the pieces it names judged here.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, cast

from ._plan_cache import derived
from ._rows import NO_DATA, OFF_TRACK, ON_TRACK, judgement, of_judgement, pending, severity
from .conditions import AllOf, Assessor, Condition
from .context import Context, Missing
from .judgements import Judgement
from .measures import Measure, Rating, Reading
from .periods import Calendar, Period
from .status import Status

if TYPE_CHECKING:
    import datetime as dt

    from .plan import Plan

__all__ = ["Judging", "Line", "Shape", "judging", "shape", "shape_in_plan"]

_MET_OR_BETTER = 1  # the severity of met; exceeded is 0
_LEVEL = {found: severity(found) for found in Status}

#: A judgement as a row: the :class:`~planmodel.Judgement` fields, the status as its
#: severity (:mod:`planmodel._rows`).
Row = tuple[Any, ...]


class Line(Protocol):
    """The line an interim figure is compared with (:class:`planmodel.schedules.Line`)."""

    def at(self, day: dt.date, first: Decimal, last: Decimal) -> Decimal: ...


class Judging(abc.ABC):
    """A target's measure and condition, ready to judge its periods in *ctx*.

    ``final``, ``finals`` and ``interim`` give, as rows, what
    :func:`~planmodel.schedules.judge_final` and
    :func:`~planmodel.schedules.judge_interim` give as judgements; a schedule's
    :meth:`~planmodel.Schedule.judge_rows` asks them.
    """

    __slots__ = ("calendar", "condition", "ctx", "measure")

    def __init__(self, measure: Measure | None, condition: Condition, ctx: Context) -> None:
        self.measure, self.condition, self.ctx = measure, condition, ctx
        self.calendar: Calendar = ctx.calendar

    @abc.abstractmethod
    def final(
        self,
        period: Period,
        baseline: Period | None = None,
        goal: Decimal | None = None,
        remark: Any = None,
    ) -> Row:
        """The row :func:`~planmodel.schedules.judge_final` gives."""

    @abc.abstractmethod
    def finals(self, periods: Sequence[Period]) -> list[Row]:
        """``final(period)`` for each of *periods*, in one go."""

    @abc.abstractmethod
    def interim(self, period: Period, baseline: Period | None, line: Line | None) -> Row:
        """The row :func:`~planmodel.schedules.judge_interim` gives."""

    def interims(
        self, periods: Sequence[Period], baseline: Period | None, line: Line | None
    ) -> list[Row]:
        """``interim(period, baseline, line)`` for each of *periods*, in one go."""
        interim = self.interim
        return [interim(period, baseline, line) for period in periods]

    def periods(self) -> tuple[Period, ...]:
        """The periods at which the condition can be judged (those with figures)."""
        return self.condition.periods(self.ctx, self.measure)


# -- what depends on the plan alone -----------------------------------------------------


class Shape(abc.ABC):
    """How a (measure, condition) pair is judged in a plan, worked out once."""

    __slots__ = ()

    @abc.abstractmethod
    def bind(self, ctx: Context) -> Judging:
        """The judging of the pair against the figures of *ctx*."""


class _LeafShape(Shape):
    """One measure and its condition: the condition's assessor and goal."""

    __slots__ = ("aim", "assessor", "condition", "measure")

    def __init__(self, measure: Measure | None, condition: Condition, plan: Plan) -> None:
        assert measure is not None, "plan validation guarantees a measure here"
        self.measure, self.condition = measure, condition
        self.assessor = condition.assessor(plan, measure)
        self.aim = condition.goal()

    def bind(self, ctx: Context) -> Judging:
        return _Leaf(self, ctx)


class _PartsShape(Shape):
    __slots__ = ("condition", "parts")

    def __init__(self, condition: AllOf, plan: Plan) -> None:
        self.condition = condition
        self.parts = tuple(shape(part.measure, part.condition, plan) for part in condition.parts)

    def bind(self, ctx: Context) -> Judging:
        return _Parts(self.condition, tuple(part.bind(ctx) for part in self.parts), ctx)


class _OwnWayShape(Shape):
    __slots__ = ("condition", "measure")

    def __init__(self, measure: Measure | None, condition: Condition) -> None:
        self.measure, self.condition = measure, condition

    def bind(self, ctx: Context) -> Judging:
        return _OwnWay(self.measure, self.condition, ctx)


def shape(measure: Measure | None, condition: Condition, plan: Plan) -> Shape:
    """How (measure, condition) is judged in *plan*: as a leaf, part by part, or in the
    condition's own way."""
    judge = type(condition).judge
    if judge is Condition.judge:
        return _LeafShape(measure, condition, plan)
    if judge is AllOf.judge and isinstance(condition, AllOf):
        return _PartsShape(condition, plan)
    return _OwnWayShape(measure, condition)


def _shapes(plan: Plan) -> dict[tuple[int, int], tuple[object, object, Shape]]:
    return {}


def shape_in_plan(measure: Measure | None, condition: Condition, plan: Plan) -> Shape:
    """:func:`shape`, worked out once per plan for the measures and conditions of its
    targets (kept with them, so that an id is never taken for another object's)."""
    known = derived(plan, "judging.shapes", _shapes)
    key = (id(measure), id(condition))
    found = known.get(key)
    if found is None or found[0] is not measure or found[1] is not condition:
        found = known[key] = (measure, condition, shape(measure, condition, plan))
    return found[2]


def judging(measure: Measure | None, condition: Condition, ctx: Context) -> Judging:
    """The judging of (measure, condition) against the figures of *ctx*."""
    return shape(measure, condition, ctx.plan).bind(ctx)


# -- judging against the figures ---------------------------------------------------------


class _Leaf(Judging):
    """One measure and the condition it must meet, reading the figures of a context."""

    __slots__ = ("aim", "assessor", "judged", "numbers", "plan", "read", "starts")

    def __init__(self, shape: _LeafShape, ctx: Context) -> None:
        self.measure, self.condition, self.ctx = shape.measure, shape.condition, ctx
        self.calendar = ctx.calendar
        self.plan = ctx.plan
        assessor: Assessor = shape.assessor
        self.assessor, self.aim = assessor, shape.aim
        self.judged = assessor.judged
        self.numbers = assessor.numbers
        self.read: Callable[[Period], Reading] = shape.measure.reader(ctx)
        #: The reading at each baseline asked for, read once.
        self.starts: dict[Period, Reading] | None = None

    def start(self, baseline: Period) -> Reading:
        starts = self.starts
        if starts is None:
            starts = self.starts = {}
        found = starts.get(baseline)
        if found is None:
            found = starts[baseline] = self.read(baseline)
        return found

    def final(
        self,
        period: Period,
        baseline: Period | None = None,
        goal: Decimal | None = None,
        remark: Any = None,
    ) -> Row:
        return self.judge(period, self.read(period), baseline, goal, remark)

    def judge(
        self,
        period: Period,
        reading: Reading,
        baseline: Period | None = None,
        goal: Decimal | None = None,
        remark: Any = None,
    ) -> Row:
        """:meth:`final`, the reading for *period* being *reading*."""
        if type(reading) is Decimal and baseline is None and goal is None:
            # The common case: a number judged on its own.
            status, gap, warning, progress = self.judged(reading)
            return (period, _LEVEL[status], reading, gap, progress, None, None, (), warning, remark)
        if isinstance(reading, Missing):
            return (period, NO_DATA, None, None, None, None, reading.reason, (), False, remark)
        if goal is None:
            status, gap, warning = self.assessor.verdict(reading)
        else:
            assert self.measure is not None
            aimed = self.condition.aimed_at(goal)
            found = aimed.assess(reading, plan=self.plan, measure=self.measure)
            status, gap, warning = found.status, found.gap, found.warning
        progress = None
        if isinstance(reading, Decimal):
            if baseline is None:
                progress = self.assessor.progress(reading, None)
            else:
                # A declared baseline without a figure leaves progress unknown: measuring
                # from zero instead would be a different figure under the same name.
                start = self.start(baseline)
                if isinstance(start, Decimal):
                    progress = self.assessor.progress(reading, start)
            shown: Any = reading
        elif isinstance(reading, Rating):
            shown = reading.level
        else:
            shown = reading
        return (period, _LEVEL[status], shown, gap, progress, goal, None, (), warning, remark)

    def finals(self, periods: Sequence[Period]) -> list[Row]:
        read = self.read
        readings = [read(period) for period in periods]
        if all(type(reading) is Decimal for reading in readings):
            # A series of numbers, judged in one call to the assessor.
            return [
                (period, level, value, gap, progress, None, None, (), warning, None)
                for period, value, (level, gap, warning, progress) in zip(
                    periods, readings, self.numbers(cast("list[Decimal]", readings)), strict=True
                )
            ]
        judge = self.judge
        return [judge(period, reading) for period, reading in zip(periods, readings, strict=True)]

    def interim(self, period: Period, baseline: Period | None, line: Line | None) -> Row:
        return self.interims((period,), baseline, line)[0]

    def interims(
        self, periods: Sequence[Period], baseline: Period | None, line: Line | None
    ) -> list[Row]:
        aim, judge, read = self.aim, self.judge, self.read
        start = None if baseline is None else self.start(baseline)
        found = []
        for period in periods:
            final = judge(period, read(period), baseline)
            if final[1] == NO_DATA:
                found.append(final)
            elif baseline is None or aim is None or line is None:
                found.append(pending(final))
            else:
                assert start is not None
                found.append(self._against(final, start, aim, line))
        return found

    def _against(self, final: Row, start: Reading, aim: tuple[Decimal, Any], line: Line) -> Row:
        """An interim row: *final* compared with *line* from the figure *start* at the
        baseline to the goal of *aim*."""
        period, level = final[0], final[1]
        if not isinstance(start, Decimal):
            reason = start.reason if isinstance(start, Missing) else None
            return (period, NO_DATA, final[2], final[3], None, None, reason, (), False, None)
        goal, better = aim
        expected = line.at(self.calendar.end(period), start, goal)
        value = final[2]
        assert isinstance(value, Decimal)
        # A figure that already meets the target is on track even where the line runs
        # the other way (a target set behind its baseline).
        on_track = level <= _MET_OR_BETTER or (
            value >= expected if better == "higher" else value <= expected
        )
        level = ON_TRACK if on_track else OFF_TRACK
        return (period, level, value, final[3], final[4], expected, None, (), False, None)


class _Parts(Judging):
    """An ``all of``: each part judged, the most severe verdict taken."""

    __slots__ = ("parts",)

    def __init__(self, condition: AllOf, parts: tuple[Judging, ...], ctx: Context) -> None:
        super().__init__(None, condition, ctx)
        self.parts = parts

    def final(
        self,
        period: Period,
        baseline: Period | None = None,
        goal: Decimal | None = None,
        remark: Any = None,
    ) -> Row:
        parts = tuple(part.final(period, baseline, goal, remark) for part in self.parts)
        level = max(part[1] for part in parts)
        return (period, level, None, None, None, None, None, parts, False, None)

    def finals(self, periods: Sequence[Period]) -> list[Row]:
        columns = [part.finals(periods) for part in self.parts]
        found = []
        for period, parts in zip(periods, zip(*columns, strict=True), strict=True):
            level = max([part[1] for part in parts])
            found.append((period, level, None, None, None, None, None, parts, False, None))
        return found

    def interim(self, period: Period, baseline: Period | None, line: Line | None) -> Row:
        parts = tuple(part.interim(period, baseline, line) for part in self.parts)
        level = max(part[1] for part in parts)
        return (period, level, None, None, None, None, None, parts, False, None)

    def interims(
        self, periods: Sequence[Period], baseline: Period | None, line: Line | None
    ) -> list[Row]:
        columns = [part.interims(periods, baseline, line) for part in self.parts]
        found = []
        for period, parts in zip(periods, zip(*columns, strict=True), strict=True):
            level = max([part[1] for part in parts])
            found.append((period, level, None, None, None, None, None, parts, False, None))
        return found


class _OwnWay(Judging):
    """A condition that judges in its own way: asked to, with each (measure, condition)
    pair it names judged as a leaf."""

    __slots__ = ("leaves",)

    def __init__(self, measure: Measure | None, condition: Condition, ctx: Context) -> None:
        super().__init__(measure, condition, ctx)
        self.leaves: dict[tuple[int, int], tuple[object, object, Judging]] = {}

    def leaf(self, measure: Measure | None, condition: Condition) -> Judging:
        # Kept with the pair itself, so that an id is never taken for another object's.
        found = self.leaves.get((id(measure), id(condition)))
        if found is None:
            leaf = _Leaf(_LeafShape(measure, condition, self.ctx.plan), self.ctx)
            found = self.leaves[id(measure), id(condition)] = (measure, condition, leaf)
        return found[2]

    def final(
        self,
        period: Period,
        baseline: Period | None = None,
        goal: Decimal | None = None,
        remark: Any = None,
    ) -> Row:
        def leaf(one: Measure | None, judged: Condition) -> Judgement:
            return judgement(self.leaf(one, judged).final(period, baseline, goal, remark))

        return of_judgement(self.condition.judge(self.measure, period, leaf))

    def finals(self, periods: Sequence[Period]) -> list[Row]:
        return [self.final(period) for period in periods]

    def interim(self, period: Period, baseline: Period | None, line: Line | None) -> Row:
        def leaf(one: Measure | None, judged: Condition) -> Judgement:
            return judgement(self.leaf(one, judged).interim(period, baseline, line))

        return of_judgement(self.condition.judge(self.measure, period, leaf))
