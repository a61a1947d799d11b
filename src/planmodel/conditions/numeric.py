"""Conditions on a number: at least, at most, exactly, between.

Bounds are inclusive unless marked strict ("trên"/"dưới" are strict; "trở lên",
"không quá", "từ … đến" are inclusive). A condition also says which side is better,
so that a value beyond the far bound is ``exceeded`` (better side) or ``not_met``.

"khoảng 45%" is read with a ``tolerance``: a value that fails the condition but lies
within the tolerance of the nearest acceptable value is ``nearly_met`` ("cơ bản
đạt"). "không quá 60%, ngưỡng an toàn 55%" is read with a ``warning`` level: a met
value past it is still met, and its judgement says ``warning``.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from attrs import field, frozen, validators

from .._numbers import HUNDRED, ONE, ZERO, Number, div, mul, sub, to_decimal
from ..constraints import positive
from ..errors import FieldError
from ..kinds import overrides
from ..measures import Measure, Rating
from ..metrics import Better
from ..status import Status
from ..units import COUNT_UNIT, Unit
from ..words import Amount, Phrase
from .base import CONDITIONS, Assessment, Assessor, Condition

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["AtLeast", "AtMost", "Between", "Bounded", "Exactly", "Tolerance", "progress_towards"]

_BETTER = validators.optional(validators.in_(("higher", "lower")))


@frozen
class Tolerance:
    """How far short of a bound still counts as nearly met.

    Absolute (``Tolerance(Decimal("0.5"))``, in the measure's unit) or relative to the
    bound (``Tolerance(5, relative=True)``: 5% of it). It is the encoder's reading of
    "khoảng" (about), stated where the plan states none.

    >>> Tolerance(5, relative=True).of(Decimal(60))
    Decimal('3')
    """

    value: Decimal = field(converter=to_decimal, validator=positive)
    relative: bool = field(default=False, validator=validators.instance_of(bool))

    def of(self, bound: Decimal) -> Decimal:
        """The tolerance around *bound*, in the measure's unit."""
        if not self.relative:
            return self.value
        return div(mul(abs(bound), self.value), HUNDRED)


def _to_tolerance(value: object) -> Tolerance | None:
    if value is None or isinstance(value, Tolerance):
        return value
    return Tolerance(to_decimal(value))


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value)


def progress_towards(
    value: Decimal,
    goal: Decimal,
    better: Better,
    baseline: Decimal | None,
    *,
    far: Decimal | None = None,
) -> Decimal | None:
    """How far *value* has come: ``(v − b) / (t − b)``, or ``v / t`` without a baseline.

    ``1`` at the goal, above ``1`` beyond it, rising as the value improves. ``None``
    where that reading has no meaning: the goal equals (or lies behind) the
    baseline, or, without a baseline, the goal is not a positive floor.

    A range ("5-10%, more is better") has two bounds: *goal* is its near one, *far*
    its far one. Its target is the whole range: progress counts towards the near
    bound, is ``1`` anywhere in the range, and beyond the far bound counts against
    it, so that it stays ``1`` up to the far bound and rises past it.

    >>> five_to_ten = [Decimal(v) for v in (4, 8, 12)]
    >>> [progress_towards(v, Decimal(5), "higher", None, far=Decimal(10)) for v in five_to_ten]
    [Decimal('0.8'), Decimal('1'), Decimal('1.2')]
    """
    if baseline is not None:
        distance = sub(goal, baseline)
        if distance == 0 or (distance < 0) != (better == "lower"):
            return None
    elif better != "higher" or goal <= 0:
        return None
    if far is not None:
        beyond = value > far if better == "higher" else value < far
        if beyond:
            goal = far
        elif (value >= goal) if better == "higher" else (value <= goal):
            return ONE  # within the range: the target is reached
    if baseline is not None:
        return div(sub(value, baseline), sub(goal, baseline))
    return div(value, goal)


class Bounded(Condition):
    """A condition on a number: a lower and/or upper bound, each inclusive or strict,
    with an optional tolerance.

    Subclass it for a numeric condition of your own: give it a ``kind``, a
    ``tolerance`` field, :meth:`bounds`, :meth:`bounds_words` and, where one side is
    better, :meth:`~Condition.goal`; the verdict, the gap, the tolerance, progress and
    milestones come from here.
    """

    __slots__ = ()
    tolerance: Optional[Tolerance]

    @abc.abstractmethod
    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        """``(lo, lo_strict, hi, hi_strict)``; ``None`` for an open side."""

    def holds(self, value: Decimal) -> bool:
        """Whether *value* lies within the bounds (the condition, without time)."""
        lo, lo_strict, hi, hi_strict = self.bounds()
        above_lo = lo is None or value > lo or (value == lo and not lo_strict)
        below_hi = hi is None or value < hi or (value == hi and not hi_strict)
        return above_lo and below_hi

    def verdict(self, value: Decimal) -> tuple[Status, Decimal]:
        """Status and gap for *value*, ignoring time: ``met`` with gap 0 when it
        :meth:`holds`; else the side it fell out on decides ``exceeded`` or a
        shortfall, and the tolerance decides ``nearly_met`` or ``not_met``."""
        lo, lo_strict, hi, hi_strict = self.bounds()
        if lo is not None and (value < lo or (value == lo and lo_strict)):
            if self.direction() == "lower" and hi is not None:
                return Status.EXCEEDED, sub(lo, value)
            return self._short(sub(lo, value), lo), sub(lo, value)
        if hi is not None and (value > hi or (value == hi and hi_strict)):
            if self.direction() == "higher" and lo is not None:
                return Status.EXCEEDED, sub(value, hi)
            return self._short(sub(value, hi), hi), sub(value, hi)
        return Status.MET, ZERO

    def _short(self, gap: Decimal, bound: Decimal) -> Status:
        tolerance = self.tolerance
        if tolerance is not None and gap <= tolerance.of(bound):
            return Status.NEARLY_MET
        return Status.NOT_MET

    def warned(self, value: Decimal) -> bool:
        """Whether a met *value* is past the condition's warning level."""
        return False

    def assess(
        self, reading: Decimal | Rating | bool, *, plan: Plan, measure: Measure
    ) -> Assessment:
        assert isinstance(reading, Decimal), "plan validation guarantees a number here"
        status, gap = self.verdict(reading)
        return Assessment(status, gap, status is Status.MET and self.warned(reading))

    def progress(self, value: Decimal, baseline: Decimal | None) -> Decimal | None:
        """Progress towards the goal, the whole range being the target where the
        condition has a far bound on its better side (see :func:`progress_towards`)."""
        aim = self.goal()
        if aim is None:
            return None
        goal, better = aim
        lo, _, hi, _ = self.bounds()
        far = hi if better == "higher" else lo
        return progress_towards(value, goal, better, baseline, far=far)

    def assessor(self, plan: Plan, measure: Measure) -> Assessor:
        if overrides(type(self), Bounded, "assess", "verdict", "holds", "_short", "progress"):
            return Assessor(self, plan, measure)
        return _BoundedAssessor(self, plan, measure)

    def aimed_at(self, goal: Decimal) -> Condition:
        aim = self.goal()
        if aim is None:
            raise TypeError(f"{self.kind} without a better side has no goal to move")
        if aim[1] == "higher":
            return AtLeast(goal, tolerance=self.tolerance)
        return AtMost(goal, tolerance=self.tolerance)

    def marks(self) -> tuple[Decimal | str, ...]:
        lo, _, hi, _ = self.bounds()
        return tuple(sorted({bound for bound in (lo, hi) if bound is not None}))

    def check(self, plan: Plan, measure: Measure) -> list[tuple[str, str]]:
        inherited = measure.better(plan)
        mine = self.direction()
        if inherited and mine and inherited != mine:
            return [
                (
                    "",
                    f"the condition treats {mine} as better, "
                    f"but the metric says {inherited} is better",
                )
            ]
        return []

    def words(self, plan: Plan, measure: Measure | None) -> Phrase:
        unit = measure.unit(plan) if measure is not None else COUNT_UNIT
        said = self.fall_words(unit) if measure is not None and measure.falls() else None
        return self._with_tolerance(said or self.bounds_words(unit), unit)

    @abc.abstractmethod
    def bounds_words(self, unit: Unit) -> Phrase:
        """The bounds in words ("at least 95%"), in *unit*; :meth:`words` adds the
        tolerance."""

    def fall_words(self, unit: Unit) -> Phrase | None:
        """The bounds as a fall ("cut by at least 75%", "a fall of 1 to 1.5 percentage
        points"), for a measure whose negative readings are falls; ``None`` where not
        every acceptable value is a fall, and the bounds are said as numbers."""
        return None

    def _with_tolerance(self, words: Phrase, unit: Unit) -> Phrase:
        tolerance = self.tolerance
        if tolerance is None:
            return words
        if tolerance.relative:
            return Phrase("condition.tolerance.relative", condition=words, percent=tolerance.value)
        amount = Amount(tolerance.value, unit.difference())
        return Phrase("condition.tolerance", condition=words, tolerance=amount)


_EXCEEDED = Status.EXCEEDED.severity
_MET = Status.MET.severity


class _BoundedAssessor(Assessor):
    """:meth:`Bounded.verdict` and :meth:`Bounded.progress` with the bounds, the side
    that is better, the tolerance and the goal read once, for the many periods of one
    target."""

    __slots__ = (
        "above",
        "below",
        "far",
        "goal",
        "hi",
        "hi_strict",
        "lo",
        "lo_strict",
        "share",
        "tolerance",
        "warned",
    )

    def __init__(self, condition: Bounded, plan: Plan, measure: Measure) -> None:
        super().__init__(condition, plan, measure)
        self.lo, self.lo_strict, self.hi, self.hi_strict = condition.bounds()
        direction = condition.direction()
        #: Whether a value beyond the lower (upper) bound is exceeded rather than short.
        self.below = direction == "lower" and self.hi is not None
        self.above = direction == "higher" and self.lo is not None
        self.tolerance = condition.tolerance
        warned = condition.warned
        self.warned = None if type(condition).warned is Bounded.warned else warned
        self.goal = aim = condition.goal()
        #: A range's far bound on its better side, where the whole range is the target.
        self.far = None if aim is None else (self.hi if aim[1] == "higher" else self.lo)
        # Without a baseline or a far bound, progress is value / goal for a positive
        # floor, else none: worked out here once, divided per value.
        self.share: Decimal | None = None
        if aim is not None and aim[1] == "higher" and aim[0] > 0 and self.far is None:
            self.share = aim[0]

    def verdict(self, reading: Decimal | Rating | bool) -> tuple[Status, Decimal | None, bool]:
        assert isinstance(reading, Decimal), "plan validation guarantees a number here"
        lo = self.lo
        if lo is not None and (reading < lo or (self.lo_strict and reading == lo)):
            gap = sub(lo, reading)
            if self.below:
                return Status.EXCEEDED, gap, False
            return self._short(gap, lo), gap, False
        hi = self.hi
        if hi is not None and (reading > hi or (self.hi_strict and reading == hi)):
            gap = sub(reading, hi)
            if self.above:
                return Status.EXCEEDED, gap, False
            return self._short(gap, hi), gap, False
        warned = self.warned
        return Status.MET, ZERO, warned is not None and warned(reading)

    def _short(self, gap: Decimal, bound: Decimal) -> Status:
        """:meth:`Bounded._short`: nearly met within the tolerance, else not met."""
        tolerance = self.tolerance
        if tolerance is not None and gap <= tolerance.of(bound):
            return Status.NEARLY_MET
        return Status.NOT_MET

    def progress(self, value: Decimal, baseline: Decimal | None) -> Decimal | None:
        share = self.share
        if share is not None and baseline is None:
            return div(value, share)
        aim = self.goal
        if aim is None:
            return None
        return progress_towards(value, *aim, baseline, far=self.far)

    def judged(
        self, reading: Decimal | Rating | bool
    ) -> tuple[Status, Decimal | None, bool, Decimal | None]:
        found, gap, warning = self.verdict(reading)
        assert isinstance(reading, Decimal)
        return found, gap, warning, self.progress(reading, None)

    def numbers(
        self, values: Sequence[Decimal]
    ) -> list[tuple[int, Decimal | None, bool, Decimal | None]]:
        # verdict() and judged() for a whole series, in one loop: the same tests in the
        # same order, without a call per value.
        lo, lo_strict, hi, hi_strict = self.lo, self.lo_strict, self.hi, self.hi_strict
        below, above, share, warned = self.below, self.above, self.share, self.warned
        short = self._short
        ranged = self.far is not None
        found: list[tuple[int, Decimal | None, bool, Decimal | None]] = []
        for value in values:
            if ranged:
                progress = self.progress(value, None)
            else:
                progress = None if share is None else div(value, share)
            if lo is not None and (value < lo or (lo_strict and value == lo)):
                gap = sub(lo, value)
                level = _EXCEEDED if below else short(gap, lo).severity
                found.append((level, gap, False, progress))
            elif hi is not None and (value > hi or (hi_strict and value == hi)):
                gap = sub(value, hi)
                level = _EXCEEDED if above else short(gap, hi).severity
                found.append((level, gap, False, progress))
            else:
                warning = warned is not None and warned(value)
                found.append((_MET, ZERO, warning, progress))
        return found


def _check_warning(side: str) -> Any:
    def check(instance: Any, _attribute: object, value: Decimal | None) -> None:
        if value is None:
            return
        if side == "above" and not value > instance.value:
            raise FieldError("warning", f"a warning for at_least lies above {instance.value}")
        if side == "below" and not value < instance.value:
            raise FieldError("warning", f"a warning for at_most lies below {instance.value}")

    return check


_TOLERANCE = validators.optional(validators.instance_of(Tolerance))


@CONDITIONS.register
@frozen
class AtLeast(Bounded):
    """At least ``value`` (higher is better); ``strict`` for "above" (trên).

    ``warning`` (above ``value``) marks a met value below it: still met, but close.
    """

    kind: ClassVar[str] = "at_least"
    value: Decimal = field(converter=to_decimal)
    strict: bool = field(default=False, validator=validators.instance_of(bool))
    tolerance: Optional[Tolerance] = field(
        default=None, converter=_to_tolerance, validator=_TOLERANCE, kw_only=True
    )
    warning: Optional[Decimal] = field(
        default=None, converter=_optional_decimal, validator=_check_warning("above"), kw_only=True
    )

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return self.value, self.strict, None, False

    def goal(self) -> tuple[Decimal, Better]:
        return self.value, "higher"

    def warned(self, value: Decimal) -> bool:
        return self.warning is not None and value < self.warning

    def bounds_words(self, unit: Unit) -> Phrase:
        key = "condition.above" if self.strict else "condition.at_least"
        words = Phrase(key, bound=Amount(self.value, unit))
        if self.warning is None:
            return words
        return Phrase(
            "condition.warning.below", condition=words, warning=Amount(self.warning, unit)
        )


@CONDITIONS.register
@frozen
class AtMost(Bounded):
    """At most ``value`` (lower is better); ``strict`` for "below" (dưới).

    ``warning`` (below ``value``) marks a met value above it: "không quá 60% GDP,
    ngưỡng an toàn 55%" is ``at_most(60, warning=55)``.
    """

    kind: ClassVar[str] = "at_most"
    value: Decimal = field(converter=to_decimal)
    strict: bool = field(default=False, validator=validators.instance_of(bool))
    tolerance: Optional[Tolerance] = field(
        default=None, converter=_to_tolerance, validator=_TOLERANCE, kw_only=True
    )
    warning: Optional[Decimal] = field(
        default=None, converter=_optional_decimal, validator=_check_warning("below"), kw_only=True
    )

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return None, False, self.value, self.strict

    def goal(self) -> tuple[Decimal, Better]:
        return self.value, "lower"

    def warned(self, value: Decimal) -> bool:
        return self.warning is not None and value > self.warning

    def bounds_words(self, unit: Unit) -> Phrase:
        key = "condition.below" if self.strict else "condition.at_most"
        words = Phrase(key, bound=Amount(self.value, unit))
        if self.warning is None:
            return words
        return Phrase(
            "condition.warning.above", condition=words, warning=Amount(self.warning, unit)
        )

    def fall_words(self, unit: Unit) -> Phrase | None:
        # "at most −75" on a change since 2021 is a cut of at least 75%. A warning level
        # keeps the numbers, so that the limit and the warning read alike.
        if self.value >= 0 or self.warning is not None:
            return None
        key = "condition.fall.more_than" if self.strict else "condition.fall.at_least"
        return Phrase(key, bound=Amount(self.value.copy_abs(), unit))


@CONDITIONS.register
@frozen
class Between(Bounded):
    """From ``lo`` to ``hi``; ``better`` says which side beyond them is a success.

    With ``better=None`` both bounds bind (a band): outside either is ``not_met``.

    >>> Between(5, 10, better="higher").verdict(Decimal(12))
    (<Status.EXCEEDED: 'exceeded'>, Decimal('2'))
    """

    kind: ClassVar[str] = "between"
    lo: Decimal = field(converter=to_decimal)
    hi: Decimal = field(converter=to_decimal)
    better: Optional[Better] = field(default=None, validator=_BETTER)
    lo_strict: bool = field(default=False, validator=validators.instance_of(bool))
    hi_strict: bool = field(default=False, validator=validators.instance_of(bool))
    tolerance: Optional[Tolerance] = field(
        default=None, converter=_to_tolerance, validator=_TOLERANCE, kw_only=True
    )

    @hi.validator
    def _check_order(self, _attribute: object, value: Decimal) -> None:
        if value < self.lo:
            raise FieldError("hi", f"lo must not exceed hi, got lo={self.lo}, hi={value}")

    @better.validator
    def _check_nonempty(self, _attribute: object, _value: object) -> None:
        if self.lo == self.hi and (self.lo_strict or self.hi_strict):
            raise FieldError("hi", f"no value lies strictly within {self.lo}-{self.hi}")

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return self.lo, self.lo_strict, self.hi, self.hi_strict

    def goal(self) -> tuple[Decimal, Better] | None:
        if self.better == "higher":
            return self.lo, "higher"
        if self.better == "lower":
            return self.hi, "lower"
        return None

    def bounds_words(self, unit: Unit) -> Phrase:
        if self.lo == self.hi:
            return Phrase("condition.exactly", value=Amount(self.lo, unit))
        return Phrase("condition.between", lo=self.lo, hi=Amount(self.hi, unit, many=True))

    def fall_words(self, unit: Unit) -> Phrase | None:
        # "between −1.5 and −1" points on a change from the year before is a fall of 1 to
        # 1.5 points: the smaller fall first, as the text says it.
        if self.hi >= 0:
            return None
        if self.lo == self.hi:
            return Phrase("condition.fall.exactly", value=Amount(self.lo.copy_abs(), unit))
        return Phrase(
            "condition.fall.between",
            lo=self.hi.copy_abs(),
            hi=Amount(self.lo.copy_abs(), unit, many=True),
        )


@CONDITIONS.register
@frozen
class Exactly(Bounded):
    """Exactly ``value``; ``better`` says which side of it is a success, if either."""

    kind: ClassVar[str] = "exactly"
    value: Decimal = field(converter=to_decimal)
    better: Optional[Better] = field(default=None, validator=_BETTER)
    tolerance: Optional[Tolerance] = field(
        default=None, converter=_to_tolerance, validator=_TOLERANCE, kw_only=True
    )

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return self.value, False, self.value, False

    def goal(self) -> tuple[Decimal, Better] | None:
        return (self.value, self.better) if self.better else None

    def bounds_words(self, unit: Unit) -> Phrase:
        return Phrase("condition.exactly", value=Amount(self.value, unit))

    def fall_words(self, unit: Unit) -> Phrase | None:
        if self.value >= 0:
            return None
        return Phrase("condition.fall.exactly", value=Amount(self.value.copy_abs(), unit))


def at_least(
    value: Number,
    *,
    strict: bool = False,
    tolerance: Number | Tolerance | None = None,
    warning: Number | None = None,
) -> AtLeast:
    """``at_least(95)``: 95 or more ("95% trở lên"); ``strict=True`` for "above 95";
    ``tolerance=`` for "khoảng"; ``warning=`` for a level a met value should stay above."""
    return AtLeast(to_decimal(value), strict, tolerance=tolerance, warning=warning)


def at_most(
    value: Number,
    *,
    strict: bool = False,
    tolerance: Number | Tolerance | None = None,
    warning: Number | None = None,
) -> AtMost:
    """``at_most(0)``: no more than 0 ("không quá"); ``strict=True`` for "below";
    ``warning=55`` with ``at_most(60)`` for "ngưỡng an toàn 55%"."""
    return AtMost(to_decimal(value), strict, tolerance=tolerance, warning=warning)


def exactly(
    value: Number, *, better: Better | None = None, tolerance: Number | Tolerance | None = None
) -> Exactly:
    """``exactly(9)``; ``better="higher"`` makes 10 ``exceeded`` rather than ``not_met``."""
    return Exactly(to_decimal(value), better, tolerance=tolerance)


def between(
    lo: Number,
    hi: Number,
    *,
    better: Better | None = None,
    lo_strict: bool = False,
    hi_strict: bool = False,
    tolerance: Number | Tolerance | None = None,
) -> Between:
    """``between(5, 10, better="higher")``: from 5 to 10, and above 10 is ``exceeded``."""
    return Between(
        to_decimal(lo), to_decimal(hi), better, lo_strict, hi_strict, tolerance=tolerance
    )
