"""The condition a target's measure must meet: what every kind of condition is.

A condition judges one value against one goal, and nothing else: which value and
which goal apply when (the final figure, an interim line, a milestone) is the
schedule's business. Each kind is a small attrs class that subclasses
:class:`Condition` and registers itself with :data:`CONDITIONS`.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Optional

from attrs import frozen

from .._json import path_join
from ..context import Context
from ..errors import Problem
from ..judgements import Judgement
from ..kinds import Registry
from ..measures import Measure, Rating, Yields
from ..periods import Period
from ..status import Status
from ..words import Phrase, say

if TYPE_CHECKING:
    from ..metrics import Better
    from ..plan import Plan
    from ..text import Text

__all__ = ["CONDITIONS", "Assessment", "Assessor", "Condition", "JudgeLeaf"]


@frozen
class Assessment:
    """A condition's verdict on one value: its status, the gap to the nearest acceptable
    value (in the measure's unit; levels for a rating), and whether a met value is past
    a warning level."""

    status: Status
    gap: Optional[Decimal] = None
    warning: bool = False


class Assessor:
    """A condition made ready to judge many readings of one measure in one plan.

    Its answers are those of :meth:`Condition.assess` and :meth:`Condition.progress`;
    :meth:`Condition.assessor` makes one for each target an evaluation judges, so that
    what does not change from one period to the next (bounds, the scale, the goal) is
    worked out once. This default asks the condition each time; a kind may return its
    own, faster one (the numeric and rating conditions do).
    """

    __slots__ = ("condition", "measure", "plan")

    def __init__(self, condition: Condition, plan: Plan, measure: Measure) -> None:
        self.condition = condition
        self.plan = plan
        self.measure = measure

    def verdict(self, reading: Decimal | Rating | bool) -> tuple[Status, Decimal | None, bool]:
        """The status, gap and warning :meth:`Condition.assess` gives *reading*."""
        found = self.condition.assess(reading, plan=self.plan, measure=self.measure)
        return found.status, found.gap, found.warning

    def progress(self, value: Decimal, baseline: Decimal | None) -> Decimal | None:
        """What :meth:`Condition.progress` gives."""
        return self.condition.progress(value, baseline)

    def judged(
        self, reading: Decimal | Rating | bool
    ) -> tuple[Status, Decimal | None, bool, Decimal | None]:
        """:meth:`verdict` and, for a number, the progress without a baseline: what
        judging a period asks, in one call."""
        found, gap, warning = self.verdict(reading)
        progress = self.progress(reading, None) if isinstance(reading, Decimal) else None
        return found, gap, warning, progress

    def numbers(
        self, values: Sequence[Decimal]
    ) -> list[tuple[int, Decimal | None, bool, Decimal | None]]:
        """:meth:`judged` for each of *values* (numbers), the status given as its
        severity (:attr:`Status.severity`): a whole series judged in one call."""
        found = []
        for value in values:
            status, gap, warning, progress = self.judged(value)
            found.append((status.severity, gap, warning, progress))
        return found


#: How a schedule judges one (measure, condition) pair at a period; an ``all of``
#: calls it once per part.
JudgeLeaf = Callable[[Optional[Measure], "Condition"], Judgement]


class Condition(abc.ABC):
    """Which values of a measure are acceptable, and how far off a value is.

    A kind implements :meth:`assess` and :meth:`words`. ``accepts`` says what its
    measure must yield (numbers, ratings or yes/no). A condition with a :meth:`goal`
    can be aimed at another value (:meth:`aimed_at`), which is how schedules judge
    interim figures against a line and milestones against their own goals.
    """

    __slots__ = ()
    kind: ClassVar[str]
    #: What the measure must yield; ``None`` when the condition has no measure of its
    #: own (its parts carry theirs).
    accepts: ClassVar[Optional[Yields]] = "number"
    #: A milestone once reached stays reached: a deadline target is met by any met
    #: figure dated on or before its deadline, not only by the deadline's own figure.
    kept_once_met: ClassVar[bool] = False

    @abc.abstractmethod
    def assess(
        self, reading: Decimal | Rating | bool, *, plan: Plan, measure: Measure
    ) -> Assessment:
        """The verdict on one reading, ignoring time."""

    @abc.abstractmethod
    def words(self, plan: Plan, measure: Measure | None) -> Phrase:
        """The condition in words, bounds in the measure's unit: "between 5 and 10%"."""

    def assessor(self, plan: Plan, measure: Measure) -> Assessor:
        """This condition made ready to judge many readings of *measure* (see
        :class:`Assessor`); evaluations call it once per target."""
        return Assessor(self, plan, measure)

    def goal(self) -> tuple[Decimal, Better] | None:
        """The value a line aims at and the side that is better, if the condition has one."""
        return None

    def direction(self) -> Better | None:
        """Which side is better, if the condition says."""
        aim = self.goal()
        return aim[1] if aim else None

    def aimed_at(self, goal: Decimal) -> Condition:
        """The same condition with its goal moved to *goal* (a milestone, a point on a line)."""
        raise TypeError(f"{self.kind} has no goal to move")

    def progress(self, value: Decimal, baseline: Decimal | None) -> Decimal | None:
        """How far *value* has come from *baseline* towards the goal (1 at the goal)."""
        return None

    def marks(self) -> tuple[Decimal | str, ...]:
        """The bounds to draw on a chart: numbers, or level ids on a rating scale."""
        return ()

    def judge(self, measure: Measure | None, period: Period, leaf: JudgeLeaf) -> Judgement:
        """Judge *period*: by default the one (measure, condition) pair; an ``all of``
        judges each part and combines them."""
        return leaf(measure, self)

    def periods(self, ctx: Context, measure: Measure | None) -> tuple[Period, ...]:
        """Periods at which this condition can be judged."""
        assert measure is not None
        return measure.periods(ctx)

    def components(
        self, measure: Measure | None
    ) -> tuple[tuple[Text | None, Measure | None, Condition], ...]:
        """What is judged, piece by piece: ``(text, measure, condition)`` for each part
        of an ``all of``, or the one measure and this condition."""
        return ((None, measure, self),)

    def measures(self, measure: Measure | None) -> list[Measure]:
        """The measures judged: the target's own, or each part's."""
        return [measure] if measure is not None else []

    def spans(self, measure: Measure | None) -> list[tuple[int, int] | None]:
        """The spans of the measures judged (``None`` for per-period measures)."""
        assert measure is not None
        return [measure.span()]

    def problems(self, plan: Plan, measure: Measure | None, path: str) -> list[Problem]:
        """What does not fit: a measure of the wrong kind, a level not on the scale, …"""
        if measure is None:
            return [Problem(f"{path}.measure", f"the condition {self.kind} needs a measure")]
        yields = measure.yields(plan)
        if self.accepts is not None and yields != self.accepts:
            return [Problem(f"{path}.condition", _mismatch(self, measure, yields))]
        where = f"{path}.condition"
        return [
            Problem(path_join(where, key) if key else where, message)
            for key, message in self.check(plan, measure)
        ]

    def check(self, plan: Plan, measure: Measure) -> list[tuple[str, str]]:
        """A kind's own checks against the plan and measure, as ``(field, message)``."""
        return []

    def describe(self, plan: Plan, measure: Measure | None, lang: str) -> str:
        """The condition in words, in *lang*."""
        return say(self.words(plan, measure), lang, plan)


_HINTS = {
    "number": "compares numbers",
    "rating": "needs a rating",
    "flag": "needs a yes/no figure",
}
_SUGGESTIONS = {
    "number": "use rating_at_least for a rating, achieved for a yes/no",
    "rating": "rate units on a scale and use lowest_rating",
    "flag": "declare the metric's unit as yes/no and measure it with value",
}


def _mismatch(condition: Condition, measure: Measure, yields: str) -> str:
    accepts = condition.accepts or "number"
    found = {"number": "a number", "rating": "a rating", "flag": "yes/no"}[yields]
    return (
        f"{condition.kind} {_HINTS[accepts]}, but {measure.kind} yields {found}; "
        f"{_SUGGESTIONS[accepts]}"
    )


CONDITIONS: Registry[Condition] = Registry("condition", Condition)
"""Every kind of condition, by its tag."""
