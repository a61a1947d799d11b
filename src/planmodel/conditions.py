"""Conditions: which values of a measure are acceptable, and how to judge one.

Bounds are inclusive unless marked strict ("trên"/"dưới" are strict; "trở lên",
"không quá", "từ … đến" are inclusive). A condition also says which side is better,
so that a value beyond the far bound is ``exceeded`` (better side) or ``not_met``.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Optional, Union

from attrs import field, frozen, validators

from ._ids import check_id
from ._numbers import ZERO, Number, add, div, format_number, mul, sub, to_decimal
from ._periods import Period, period_end, period_sort_key
from .errors import FieldError, Problem
from .judgements import Judgement
from .measures import Measure, Missing, Rating, _RatedMeasure
from .metrics import Better
from .status import Status, most_severe
from .text import Text

if TYPE_CHECKING:
    from ._context import Context
    from .plan import Plan

__all__ = [
    "AllOf",
    "AtLeast",
    "AtMost",
    "Between",
    "Condition",
    "Exactly",
    "Part",
    "RatingAtLeast",
    "all_of",
    "at_least",
    "at_most",
    "between",
    "exactly",
    "part",
    "rating_at_least",
]

_BETTER = validators.optional(validators.in_(("higher", "lower")))


def progress_towards(
    value: Decimal, goal: Decimal, better: Better, baseline: Decimal | None
) -> Decimal | None:
    """How far *value* has come: ``(v − b) / (t − b)``, or ``v / t`` without a baseline.

    ``1`` at the goal, above ``1`` beyond it, rising as the value improves. ``None``
    where that reading has no meaning: the goal equals (or lies behind) the
    baseline, or, without a baseline, the goal is not a positive floor.
    """
    if baseline is not None:
        distance = sub(goal, baseline)
        if distance == 0 or (distance < 0) != (better == "lower"):
            return None
        return div(sub(value, baseline), distance)
    if better == "higher" and goal > 0:
        return div(value, goal)
    return None


class _Condition(abc.ABC):
    """Behaviour every condition shares."""

    __slots__ = ()
    kind: ClassVar[str]

    @abc.abstractmethod
    def judge(
        self, ctx: Context, measure: Measure | None, period: Period, baseline: Period | None
    ) -> Judgement:
        """The final verdict on the figure for *period*."""

    @abc.abstractmethod
    def judge_interim(
        self,
        ctx: Context,
        measure: Measure | None,
        period: Period,
        baseline: Period | None,
        deadline: dt.date,
    ) -> Judgement:
        """The verdict on a figure before the deadline, against the trajectory."""

    @abc.abstractmethod
    def describe(self, plan: Plan, measure: Measure | None, lang: str) -> str:
        """The condition in words: "between 5 and 10 %", "từ 95 % trở lên"."""

    @abc.abstractmethod
    def problems(self, plan: Plan, measure: Measure | None, path: str) -> list[Problem]:
        """What does not fit: the wrong kind of measure, unknown levels, …"""

    def periods(self, ctx: Context, measure: Measure | None) -> tuple[Period, ...]:
        """Periods at which this condition can be judged."""
        assert measure is not None
        return measure.periods(ctx)

    def spans(self, measure: Measure | None) -> list[tuple[int, int] | None]:
        """The spans of the measures judged (``None`` for per-period measures)."""
        assert measure is not None
        return [measure.span()]

    def direction(self) -> Better | None:
        """Which side is better, if the condition says."""
        return None


def _no_data(period: Period, reading: Missing) -> Judgement:
    return Judgement(period, Status.NO_DATA, reason=reading.reason)


class _Numeric(_Condition):
    """A condition on a number: a lower and/or upper bound, each inclusive or strict."""

    __slots__ = ()

    @abc.abstractmethod
    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        """``(lo, lo_strict, hi, hi_strict)``; ``None`` for an open side."""

    @abc.abstractmethod
    def goal(self) -> tuple[Decimal, Better] | None:
        """The value a trajectory aims at and the side that is better, if any."""

    def direction(self) -> Better | None:
        aim = self.goal()
        return aim[1] if aim else None

    def holds(self, value: Decimal) -> bool:
        """Whether *value* lies within the bounds (the condition, without time)."""
        lo, lo_strict, hi, hi_strict = self.bounds()
        above_lo = lo is None or value > lo or (value == lo and not lo_strict)
        below_hi = hi is None or value < hi or (value == hi and not hi_strict)
        return above_lo and below_hi

    def verdict(self, value: Decimal) -> tuple[Status, Decimal]:
        """Status and gap for *value*, ignoring time: ``met`` with gap 0 when it
        :meth:`holds`, else the side it fell out on decides ``exceeded`` or ``not_met``."""
        lo, lo_strict, hi, hi_strict = self.bounds()
        if lo is not None and (value < lo or (value == lo and lo_strict)):
            better = self.direction()
            return (
                Status.EXCEEDED if better == "lower" and hi is not None else Status.NOT_MET,
                sub(lo, value),
            )
        if hi is not None and (value > hi or (value == hi and hi_strict)):
            better = self.direction()
            return (
                Status.EXCEEDED if better == "higher" and lo is not None else Status.NOT_MET,
                sub(value, hi),
            )
        return Status.MET, ZERO

    def judge(
        self, ctx: Context, measure: Measure | None, period: Period, baseline: Period | None
    ) -> Judgement:
        assert measure is not None, "plan validation guarantees a measure here"
        found = measure.at(ctx, period)
        if isinstance(found, Missing):
            return _no_data(period, found)
        assert isinstance(found, Decimal)
        status, gap = self.verdict(found)
        aim = self.goal()
        if aim is None:
            return Judgement(period, status, found, gap)
        if baseline is None:
            return Judgement(period, status, found, gap, progress_towards(found, *aim, None))
        start = measure.at(ctx, baseline)
        # A declared baseline without a figure leaves progress unknown: measuring from
        # zero instead would be a different figure under the same name.
        progress = progress_towards(found, *aim, start) if isinstance(start, Decimal) else None
        return Judgement(period, status, found, gap, progress)

    def judge_interim(
        self,
        ctx: Context,
        measure: Measure | None,
        period: Period,
        baseline: Period | None,
        deadline: dt.date,
    ) -> Judgement:
        final = self.judge(ctx, measure, period, baseline)
        aim = self.goal()
        if final.status is Status.NO_DATA:
            return final
        if baseline is None or aim is None:
            return final.as_pending()
        assert measure is not None, "plan validation guarantees a measure here"
        start = measure.at(ctx, baseline)
        if not isinstance(start, Decimal):
            assert isinstance(start, Missing), "a numeric measure yields numbers"
            return Judgement(period, Status.NO_DATA, final.value, final.gap, reason=start.reason)
        goal, better = aim
        start_day, value_day = period_end(baseline), period_end(period)
        elapsed = Decimal((value_day - start_day).days)
        whole = Decimal((deadline - start_day).days)
        expected = add(start, div(mul(sub(goal, start), elapsed), whole))
        assert isinstance(final.value, Decimal)
        # A figure that already meets the target is on track even where the line runs
        # the other way (a target set behind its baseline).
        on_track = final.status.is_success or (
            final.value >= expected if better == "higher" else final.value <= expected
        )
        return Judgement(
            period,
            Status.ON_TRACK if on_track else Status.OFF_TRACK,
            final.value,
            final.gap,
            final.progress,
            expected,
        )

    def problems(self, plan: Plan, measure: Measure | None, path: str) -> list[Problem]:
        if measure is None:
            return [Problem(f"{path}.measure", f"the condition {self.kind} needs a measure")]
        if measure.yields != "number":
            return [
                Problem(
                    f"{path}.condition",
                    f"{self.kind} compares numbers, but "
                    f"{measure.kind} yields a rating; use rating_at_least",
                )
            ]
        inherited = measure.better(plan) if not measure.problems(plan, "") else None
        mine = self.direction()
        if inherited and mine and inherited != mine:
            return [
                Problem(
                    f"{path}.condition",
                    f"the condition treats {mine} as better, "
                    f"but the metric says {inherited} is better",
                )
            ]
        return []

    def _words(self, lang: str, unit: str) -> str:
        lo, lo_strict, hi, hi_strict = self.bounds()
        u = _unit_suffix(unit)
        if lo is not None and hi is not None:
            if lo == hi:
                return (
                    f"đúng {format_number(lo)}{u}"
                    if lang == "vi"
                    else f"exactly {format_number(lo)}{u}"
                )
            if lang == "vi":
                return f"từ {format_number(lo)} đến {format_number(hi)}{u}"
            return f"between {format_number(lo)} and {format_number(hi)}{u}"
        if lo is not None:
            if lang == "vi":
                if lo_strict:
                    return f"trên {format_number(lo)}{u}"
                return f"từ {format_number(lo)}{u} trở lên"
            return f"{'above' if lo_strict else 'at least'} {format_number(lo)}{u}"
        assert hi is not None
        if lang == "vi":
            return f"{'dưới' if hi_strict else 'không quá'} {format_number(hi)}{u}"
        return f"{'below' if hi_strict else 'at most'} {format_number(hi)}{u}"

    def describe(self, plan: Plan, measure: Measure | None, lang: str) -> str:
        return self._words(lang, measure.unit(plan) if measure is not None else "")


def _unit_suffix(unit: str) -> str:
    return "%" if unit == "percent" else ("" if unit in ("", "count") else f" {unit}")


@frozen
class AtLeast(_Numeric):
    """At least ``value`` (higher is better); ``strict`` for "above" (trên)."""

    kind: ClassVar[str] = "at_least"
    value: Decimal = field(converter=to_decimal)
    strict: bool = field(default=False, validator=validators.instance_of(bool))

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return self.value, self.strict, None, False

    def goal(self) -> tuple[Decimal, Better]:
        return self.value, "higher"


@frozen
class AtMost(_Numeric):
    """At most ``value`` (lower is better); ``strict`` for "below" (dưới)."""

    kind: ClassVar[str] = "at_most"
    value: Decimal = field(converter=to_decimal)
    strict: bool = field(default=False, validator=validators.instance_of(bool))

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return None, False, self.value, self.strict

    def goal(self) -> tuple[Decimal, Better]:
        return self.value, "lower"


@frozen
class Between(_Numeric):
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


@frozen
class Exactly(_Numeric):
    """Exactly ``value``; ``better`` says which side of it is a success, if either."""

    kind: ClassVar[str] = "exactly"
    value: Decimal = field(converter=to_decimal)
    better: Optional[Better] = field(default=None, validator=_BETTER)

    def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
        return self.value, False, self.value, False

    def goal(self) -> tuple[Decimal, Better] | None:
        return (self.value, self.better) if self.better else None


@frozen
class RatingAtLeast(_Condition):
    """A rating at ``level`` or above on the measure's scale; the gap counts levels."""

    kind: ClassVar[str] = "rating_at_least"
    level: str = field(validator=check_id)

    def judge(
        self, ctx: Context, measure: Measure | None, period: Period, baseline: Period | None
    ) -> Judgement:
        assert measure is not None, "plan validation guarantees a measure here"
        found = measure.at(ctx, period)
        if isinstance(found, Missing):
            return _no_data(period, found)
        assert isinstance(found, Rating)
        assert isinstance(measure, _RatedMeasure)
        required = measure.scale(ctx.plan).rank(self.level)
        short = max(required - found.rank, 0)
        return Judgement(
            period, Status.MET if not short else Status.NOT_MET, found.level, Decimal(short)
        )

    def judge_interim(
        self,
        ctx: Context,
        measure: Measure | None,
        period: Period,
        baseline: Period | None,
        deadline: dt.date,
    ) -> Judgement:
        # A rating has no straight line to travel along: interim figures are shown, not judged.
        found = self.judge(ctx, measure, period, baseline)
        return found if found.status is Status.NO_DATA else found.as_pending()

    def problems(self, plan: Plan, measure: Measure | None, path: str) -> list[Problem]:
        if measure is None:
            return [Problem(f"{path}.measure", "the condition rating_at_least needs a measure")]
        if measure.yields != "rating" or not isinstance(measure, _RatedMeasure):
            return [
                Problem(
                    f"{path}.condition",
                    f"rating_at_least needs a rating, but {measure.kind} yields a number",
                )
            ]
        if measure.problems(plan, ""):
            return []
        scale = measure.scale(plan)
        if self.level not in scale.level_ids:
            return [
                Problem(
                    f"{path}.condition.level",
                    f"unknown level {self.level!r} of scale "
                    f"{scale.id}; expected one of {', '.join(scale.level_ids)}",
                )
            ]
        return []

    def describe(self, plan: Plan, measure: Measure | None, lang: str) -> str:
        label = self.level
        if isinstance(measure, _RatedMeasure) and not measure.problems(plan, ""):
            label = measure.scale(plan).level(self.level).label.pick(lang, plan.source_language)
        return f"{label} trở lên" if lang == "vi" else f"{label} or better"


@frozen
class Part:
    """One condition of an ``all of``, on its own measure."""

    measure: Optional[Measure]
    condition: Condition
    text: Optional[Text] = field(
        default=None, validator=validators.optional(validators.instance_of(Text))
    )


def _to_parts(parts: Iterable[Part]) -> tuple[Part, ...]:
    return tuple(parts)


@frozen
class AllOf(_Condition):
    """Every part must hold; the verdict is the most severe of the parts' verdicts,
    so it is ``exceeded`` only when every part is."""

    kind: ClassVar[str] = "all_of"
    parts: tuple[Part, ...] = field(converter=_to_parts)

    @parts.validator
    def _check_parts(self, _attribute: object, value: tuple[Part, ...]) -> None:
        if len(value) < 2:
            raise FieldError("parts", "all_of needs at least two parts")
        for item in value:
            if not isinstance(item, Part):
                raise FieldError("parts", f"expected Part, got {item!r}")

    def _combine(self, period: Period, parts: list[Judgement]) -> Judgement:
        return Judgement(period, most_severe(p.status for p in parts), parts=tuple(parts))

    def judge(
        self, ctx: Context, measure: Measure | None, period: Period, baseline: Period | None
    ) -> Judgement:
        return self._combine(
            period, [p.condition.judge(ctx, p.measure, period, baseline) for p in self.parts]
        )

    def judge_interim(
        self,
        ctx: Context,
        measure: Measure | None,
        period: Period,
        baseline: Period | None,
        deadline: dt.date,
    ) -> Judgement:
        return self._combine(
            period,
            [
                p.condition.judge_interim(ctx, p.measure, period, baseline, deadline)
                for p in self.parts
            ],
        )

    def periods(self, ctx: Context, measure: Measure | None) -> tuple[Period, ...]:
        found: dict[Period, None] = {}
        for p in self.parts:
            found.update(dict.fromkeys(p.condition.periods(ctx, p.measure)))
        return tuple(sorted(found, key=period_sort_key))

    def spans(self, measure: Measure | None) -> list[tuple[int, int] | None]:
        return [span for p in self.parts for span in p.condition.spans(p.measure)]

    def problems(self, plan: Plan, measure: Measure | None, path: str) -> list[Problem]:
        found = []
        if measure is not None:
            found.append(
                Problem(
                    f"{path}.measure",
                    "an all_of target has no measure of its own: each part names its measure",
                )
            )
        for index, p in enumerate(self.parts):
            where = f"{path}.condition.parts[{index}]"
            if p.measure is not None:
                found += p.measure.problems(plan, f"{where}.measure")
            found += p.condition.problems(plan, p.measure, where)
        return found

    def describe(self, plan: Plan, measure: Measure | None, lang: str) -> str:
        words = []
        for p in self.parts:
            what = p.measure.describe(plan, lang) + " " if p.measure is not None else ""
            words.append(what + p.condition.describe(plan, p.measure, lang))
        return "; ".join(words)


Condition = Union[AtLeast, AtMost, Exactly, Between, RatingAtLeast, AllOf]
CONDITION_TYPES: tuple[type[_Condition], ...] = (
    AtLeast,
    AtMost,
    Exactly,
    Between,
    RatingAtLeast,
    AllOf,
)


# -- constructors that read like a plan's text ------------------------------------------


def at_least(value: Number, *, strict: bool = False) -> AtLeast:
    """``at_least(95)``: 95 or more ("95% trở lên"); ``strict=True`` for "above 95"."""
    return AtLeast(to_decimal(value), strict)


def at_most(value: Number, *, strict: bool = False) -> AtMost:
    """``at_most(0)``: no more than 0 ("không quá"); ``strict=True`` for "below"."""
    return AtMost(to_decimal(value), strict)


def exactly(value: Number, *, better: Better | None = None) -> Exactly:
    """``exactly(9)``; ``better="higher"`` makes 10 ``exceeded`` rather than ``not_met``."""
    return Exactly(to_decimal(value), better)


def between(
    lo: Number,
    hi: Number,
    *,
    better: Better | None = None,
    lo_strict: bool = False,
    hi_strict: bool = False,
) -> Between:
    """``between(5, 10, better="higher")``: from 5 to 10, and above 10 is ``exceeded``."""
    return Between(to_decimal(lo), to_decimal(hi), better, lo_strict, hi_strict)


def rating_at_least(level: str) -> RatingAtLeast:
    """``rating_at_least("good")``: rated *level* or better."""
    return RatingAtLeast(level)


def part(measure: Measure, condition: Condition, text: Text | None = None) -> Part:
    """One part of an ``all_of``: a measure and the condition it must meet."""
    return Part(measure, condition, text)


def all_of(*parts: Part) -> AllOf:
    """``all_of(part(m1, at_least(95)), part(m2, at_most(0)))``."""
    return AllOf(parts)
