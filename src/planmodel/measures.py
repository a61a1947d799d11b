"""Measures: the number (or rating) a target looks at, computed from observations.

Each measure is a small class that knows which metrics it reads, when it can be
computed, and how to compute itself; conditions and schedules never look inside.
"""

from __future__ import annotations

import abc
import itertools
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal, Union

from attrs import field, frozen, validators

from ._ids import check_id
from ._numbers import add, annual_growth, div, percent_of, sub
from ._periods import Period, format_period, period_end, period_sort_key, to_period, valid_year
from .errors import FieldError, Problem
from .observations import Distribution, Rated
from .text import Text

if TYPE_CHECKING:
    from ._context import Context
    from .metrics import RatingScale
    from .plan import Plan

__all__ = [
    "AtBaseline",
    "Change",
    "CountAt",
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
    "ShareAtLeast",
    "Total",
    "Value",
    "change_from_previous",
    "change_since",
    "change_vs",
    "count_at",
    "count_below",
    "growth",
    "lowest_rating",
    "ratio",
    "share_at_least",
    "total",
    "value",
]


@frozen
class Missing:
    """No reading could be computed; ``reason`` says which figure is lacking, in
    English and Vietnamese, naming metrics by the ids figures are filed under."""

    reason: Text


def _because(en: str, vi: str) -> Missing:
    return Missing(Text(en=en, vi=vi))


def _vi_when(period: Period) -> str:
    if isinstance(period, int):
        return f"năm {period}"
    return f"ngày {period.day:02d}/{period.month:02d}/{period.year}"


@frozen
class Rating:
    """A reading on an ordinal scale: the level and its rank (0 = lowest)."""

    level: str
    rank: int


#: What a measure yields for a period.
Reading = Union[Decimal, Rating, Missing]


def _name(plan: Plan, metric_id: str, lang: str) -> str:
    return plan.metric(metric_id).name.pick(lang, plan.source_language)


class _Measure(abc.ABC):
    """Behaviour every measure shares; each subclass fills in its own arithmetic."""

    __slots__ = ()

    kind: ClassVar[str]
    #: ``"number"`` for numeric measures, ``"rating"`` for a level on a scale.
    yields: ClassVar[Literal["number", "rating"]] = "number"

    @abc.abstractmethod
    def metric_ids(self) -> tuple[str, ...]:
        """Metrics this measure reads."""

    @abc.abstractmethod
    def at(self, ctx: Context, period: Period) -> Reading:
        """The reading for *period*, or ``Missing`` with the reason."""

    @abc.abstractmethod
    def describe(self, plan: Plan, lang: str) -> str:
        """A short noun phrase naming what is measured, in *lang* (``vi`` or ``en``)."""

    def unit(self, plan: Plan) -> str:
        return "percent"

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        """Periods at which every metric read has a figure, earliest first."""
        ids = self.metric_ids()
        if len(ids) == 1:
            return ctx.data.periods(ids[0])
        # Compared as moments, so that one metric's 2023 meets another's 2023-12-31.
        common = {period_end(period): period for period in ctx.data.periods(ids[0])}
        for other in ids[1:]:
            moments = {period_end(period) for period in ctx.data.periods(other)}
            common = {moment: p for moment, p in common.items() if moment in moments}
        return tuple(sorted(common.values(), key=period_sort_key))

    def span(self) -> tuple[int, int] | None:
        """The years a term-spanning measure covers; ``None`` for per-period ones."""
        return None

    def better(self, plan: Plan) -> str | None:
        """Which way is better, when the measure inherits it from its metric."""
        return None

    def problems(self, plan: Plan, path: str) -> list[Problem]:
        """Dangling references and misused metrics, located under *path*."""
        found = []
        wants_rating = self.yields == "rating" or isinstance(self, _RatedMeasure)
        for key, metric_id in self._references():
            if not plan.has_metric(metric_id):
                found.append(Problem(f"{path}.{key}", f"unknown metric {metric_id!r}"))
                continue
            scale = plan.metric(metric_id).scale
            if wants_rating and scale is None:
                found.append(Problem(f"{path}.{key}", f"metric {metric_id!r} has no rating scale"))
            elif not wants_rating and scale is not None:
                found.append(
                    Problem(f"{path}.{key}", f"metric {metric_id!r} is rated, not a number")
                )
        return found

    def _references(self) -> list[tuple[str, str]]:
        return [("metric", metric_id) for metric_id in self.metric_ids()]


def _number(ctx: Context, metric: str, period: Period) -> Decimal | Missing:
    found = ctx.data.number(metric, period)
    if found is None:
        return _because(
            f"no figure for {metric} in {format_period(period)}",
            f"chưa có số liệu {metric} {_vi_when(period)}",
        )
    return found


@frozen
class Value(_Measure):
    """The observed value of a metric, e.g. health-insurance coverage in percent."""

    kind: ClassVar[str] = "value"
    metric: str = field(validator=check_id)

    def metric_ids(self) -> tuple[str, ...]:
        return (self.metric,)

    def at(self, ctx: Context, period: Period) -> Reading:
        return _number(ctx, self.metric, period)

    def unit(self, plan: Plan) -> str:
        return plan.metric(self.metric).unit

    def better(self, plan: Plan) -> str | None:
        return plan.metric(self.metric).better

    def describe(self, plan: Plan, lang: str) -> str:
        return _name(plan, self.metric, lang)


@frozen
class Ratio(_Measure):
    """``numerator / denominator`` in percent, both for the same period.

    >>> Ratio("capital_spending", "total_spending").kind
    'ratio'
    """

    kind: ClassVar[str] = "ratio"
    numerator: str = field(validator=check_id)
    denominator: str = field(validator=check_id)

    def metric_ids(self) -> tuple[str, ...]:
        return (self.numerator, self.denominator)

    def _references(self) -> list[tuple[str, str]]:
        return [("numerator", self.numerator), ("denominator", self.denominator)]

    def at(self, ctx: Context, period: Period) -> Reading:
        top = _number(ctx, self.numerator, period)
        bottom = _number(ctx, self.denominator, period)
        if isinstance(top, Missing):
            return top
        if isinstance(bottom, Missing):
            return bottom
        if not bottom:
            return _because(
                f"{self.denominator} is zero in {format_period(period)}",
                f"{self.denominator} bằng 0 ({_vi_when(period)})",
            )
        return percent_of(top, bottom)

    def describe(self, plan: Plan, lang: str) -> str:
        top, bottom = _name(plan, self.numerator, lang), _name(plan, self.denominator, lang)
        return f"{top} / {bottom}" if lang != "vi" else f"{top} trên {bottom}"


# -- references for a relative change -------------------------------------------------


@frozen
class OtherMetric:
    """Compare with another metric in the same period (revenue vs the city's estimate)."""

    kind: ClassVar[str] = "metric"
    metric: str = field(validator=check_id)

    def value(self, ctx: Context, _metric: str, period: Period) -> Decimal | Missing:
        return _number(ctx, self.metric, period)

    def describe(self, plan: Plan, lang: str) -> str:
        return _name(plan, self.metric, lang)


@frozen
class AtBaseline:
    """Compare with the same metric at a fixed baseline period (the start of 2021)."""

    kind: ClassVar[str] = "baseline"
    period: Period = field(converter=to_period)

    def value(self, ctx: Context, metric: str, _period: Period) -> Decimal | Missing:
        return _number(ctx, metric, self.period)

    def describe(self, plan: Plan, lang: str) -> str:
        return format_period(self.period)


@frozen
class PreviousPeriod:
    """Compare with the same metric in the previous year (year-on-year change)."""

    kind: ClassVar[str] = "previous"

    def value(self, ctx: Context, metric: str, period: Period) -> Decimal | Missing:
        if not isinstance(period, int):
            return _because(
                f"the previous period of {format_period(period)} is not a year",
                f"kỳ trước của {format_period(period)} không phải là một năm",
            )
        return _number(ctx, metric, period - 1)

    def describe(self, plan: Plan, lang: str) -> str:
        return "the previous year" if lang != "vi" else "năm trước"


Reference = Union[OtherMetric, AtBaseline, PreviousPeriod]


@frozen
class Change(_Measure):
    """Relative change of a metric against a reference, in percent: (v − ref) / ref.

    A negative result is a reduction: "reduce poor households by ¾" is a change of
    at most −75.
    """

    kind: ClassVar[str] = "change"
    metric: str = field(validator=check_id)
    reference: Reference = field(
        validator=validators.instance_of((OtherMetric, AtBaseline, PreviousPeriod))
    )

    def metric_ids(self) -> tuple[str, ...]:
        if isinstance(self.reference, OtherMetric):
            return (self.metric, self.reference.metric)
        return (self.metric,)

    def _references(self) -> list[tuple[str, str]]:
        found = [("metric", self.metric)]
        if isinstance(self.reference, OtherMetric):
            found.append(("reference.metric", self.reference.metric))
        return found

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        own = _Measure.periods(self, ctx)
        if isinstance(self.reference, AtBaseline):
            start = period_end(self.reference.period)
            return tuple(period for period in own if period_end(period) > start)
        return own

    def at(self, ctx: Context, period: Period) -> Reading:
        current = _number(ctx, self.metric, period)
        if isinstance(current, Missing):
            return current
        reference = self.reference.value(ctx, self.metric, period)
        if isinstance(reference, Missing):
            return reference
        if not reference:
            return _because(
                f"the reference for {self.metric} is zero, so no change can be computed",
                f"giá trị so sánh của {self.metric} bằng 0 nên không tính được mức thay đổi",
            )
        return percent_of(sub(current, reference), reference)

    def describe(self, plan: Plan, lang: str) -> str:
        joiner = " so với " if lang == "vi" else " vs "
        return _name(plan, self.metric, lang) + joiner + self.reference.describe(plan, lang)


@frozen
class Growth(_Measure):
    """Average annual growth of a metric from one year to another, in percent.

    ``compound`` (the default) is ``(v_last / v_first) ** (1 / years) − 1``, the
    usual reading of "grows x% a year on average". ``arithmetic`` is the mean of
    the year-on-year growth rates, which needs every year's figure.
    """

    kind: ClassVar[str] = "growth"
    metric: str = field(validator=check_id)
    first: int = field(validator=valid_year)
    last: int = field(validator=valid_year)
    method: Literal["compound", "arithmetic"] = field(
        default="compound", validator=validators.in_(("compound", "arithmetic"))
    )

    @last.validator
    def _check_order(self, _attribute: object, value: int) -> None:
        if value <= self.first:
            raise FieldError("last", f"growth needs last > first, got {self.first}-{value}")

    def metric_ids(self) -> tuple[str, ...]:
        return (self.metric,)

    def span(self) -> tuple[int, int]:
        return (self.first, self.last)

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        return (self.last,)

    def at(self, ctx: Context, period: Period) -> Reading:
        years = range(self.first, self.last + 1)
        values = [_number(ctx, self.metric, year) for year in years]
        if self.method == "compound":
            values = [values[0], values[-1]]
        for found in values:
            if isinstance(found, Missing):
                return found
        numbers = [found for found in values if isinstance(found, Decimal)]
        if any(number <= 0 for number in numbers[:-1]):
            return _because(
                f"growth of {self.metric} needs positive starting figures",
                f"tính tăng trưởng của {self.metric} cần số liệu đầu kỳ lớn hơn 0",
            )
        if self.method == "compound":
            ratio = div(numbers[-1], numbers[0])
            if ratio < 0:
                return _because(
                    f"{self.metric} changed sign; compound growth is undefined",
                    f"{self.metric} đổi dấu nên không tính được tăng trưởng bình quân",
                )
            return annual_growth(ratio, self.last - self.first)
        rates = [percent_of(sub(b, a), a) for a, b in itertools.pairwise(numbers)]
        total = Decimal(0)
        for rate in rates:
            total = add(total, rate)
        return div(total, Decimal(len(rates)))

    def describe(self, plan: Plan, lang: str) -> str:
        name = _name(plan, self.metric, lang)
        if lang == "vi":
            return f"tăng trưởng bình quân hằng năm của {name} {self.first}-{self.last}"
        return f"average annual growth of {name}, {self.first}-{self.last}"


@frozen
class Total(_Measure):
    """Sum of a flow metric over the years ``first``..``last``; every year is needed."""

    kind: ClassVar[str] = "total"
    metric: str = field(validator=check_id)
    first: int = field(validator=valid_year)
    last: int = field(validator=valid_year)

    @last.validator
    def _check_order(self, _attribute: object, value: int) -> None:
        if value < self.first:
            raise FieldError("last", f"total needs last >= first, got {self.first}-{value}")

    def metric_ids(self) -> tuple[str, ...]:
        return (self.metric,)

    def span(self) -> tuple[int, int]:
        return (self.first, self.last)

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        return (self.last,)

    def at(self, ctx: Context, period: Period) -> Reading:
        total = Decimal(0)
        for year in range(self.first, self.last + 1):
            found = _number(ctx, self.metric, year)
            if isinstance(found, Missing):
                return found
            total = add(total, found)
        return total

    def unit(self, plan: Plan) -> str:
        return plan.metric(self.metric).unit

    def better(self, plan: Plan) -> str | None:
        return plan.metric(self.metric).better

    def describe(self, plan: Plan, lang: str) -> str:
        name = _name(plan, self.metric, lang)
        if lang == "vi":
            return f"tổng {name} {self.first}-{self.last}"
        return f"total {name}, {self.first}-{self.last}"


# -- measures over ratings --------------------------------------------------------------


def _counts(ctx: Context, metric: str, period: Period) -> dict[str, int] | Missing:
    found = ctx.data.get(metric, period)
    if found is None:
        return _because(
            f"no ratings for {metric} in {format_period(period)}",
            f"chưa có kết quả xếp loại {metric} {_vi_when(period)}",
        )
    if isinstance(found.value, Distribution):
        return found.value.as_dict()
    if isinstance(found.value, Rated):
        return {found.value.level: 1}
    return _because(
        f"{metric} in {format_period(period)} is a number, not ratings",
        f"{metric} {_vi_when(period)} là một con số, không phải kết quả xếp loại",
    )


def _level_label(plan: Plan, scale: RatingScale, level: str, lang: str) -> str:
    return scale.level(level).label.pick(lang, plan.source_language)


class _RatedMeasure(_Measure):
    """A measure computed from ratings of units on the metric's scale."""

    __slots__ = ()
    metric: str

    def metric_ids(self) -> tuple[str, ...]:
        return (self.metric,)

    def scale(self, plan: Plan) -> RatingScale:
        scale_id = plan.metric(self.metric).scale
        assert scale_id is not None
        return plan.scale(scale_id)

    def _levels_named(self) -> list[tuple[str, str]]:
        return []

    def problems(self, plan: Plan, path: str) -> list[Problem]:
        found = super().problems(plan, path)
        if found:
            return found
        scale = self.scale(plan)
        for key, level in self._levels_named():
            if level not in scale.level_ids:
                found.append(
                    Problem(
                        f"{path}.{key}",
                        f"unknown level {level!r} of scale {scale.id}; "
                        f"expected one of {', '.join(scale.level_ids)}",
                    )
                )
        return found


@frozen
class ShareAtLeast(_RatedMeasure):
    """Percentage of units rated at ``level`` or above (T10: "tốt trở lên")."""

    kind: ClassVar[str] = "share_at_least"
    metric: str = field(validator=check_id)
    level: str = field(validator=check_id)

    def _levels_named(self) -> list[tuple[str, str]]:
        return [("level", self.level)]

    def at(self, ctx: Context, period: Period) -> Reading:
        counts = _counts(ctx, self.metric, period)
        if isinstance(counts, Missing):
            return counts
        total = sum(counts.values())
        if total == 0:
            return _because(
                f"no units rated for {self.metric} in {format_period(period)}",
                f"không có đơn vị nào được xếp loại ({self.metric}, {_vi_when(period)})",
            )
        scale = ctx.scale_of(self.metric)
        floor = scale.rank(self.level)
        at_or_above = sum(n for level, n in counts.items() if scale.rank(level) >= floor)
        return percent_of(Decimal(at_or_above), Decimal(total))

    def describe(self, plan: Plan, lang: str) -> str:
        name = _name(plan, self.metric, lang)
        label = _level_label(plan, self.scale(plan), self.level, lang)
        if lang == "vi":
            return f"tỷ lệ {name} {label} trở lên"
        return f"share of {name} rated {label} or above"


@frozen
class CountAt(_RatedMeasure):
    """Number of units rated exactly at ``level``, or below it (``relation="below"``)."""

    kind: ClassVar[str] = "count_at"
    metric: str = field(validator=check_id)
    level: str = field(validator=check_id)
    relation: Literal["exactly", "below"] = field(
        default="exactly", validator=validators.in_(("exactly", "below"))
    )

    def _levels_named(self) -> list[tuple[str, str]]:
        return [("level", self.level)]

    def at(self, ctx: Context, period: Period) -> Reading:
        counts = _counts(ctx, self.metric, period)
        if isinstance(counts, Missing):
            return counts
        scale = ctx.scale_of(self.metric)
        wanted = scale.rank(self.level)
        if self.relation == "exactly":
            return Decimal(sum(n for level, n in counts.items() if scale.rank(level) == wanted))
        return Decimal(sum(n for level, n in counts.items() if scale.rank(level) < wanted))

    def unit(self, plan: Plan) -> str:
        return "count"

    def describe(self, plan: Plan, lang: str) -> str:
        name = _name(plan, self.metric, lang)
        label = _level_label(plan, self.scale(plan), self.level, lang)
        if lang == "vi":
            return f"số {name} {'dưới mức ' if self.relation == 'below' else ''}{label}"
        return f"number of {name} rated {'below ' if self.relation == 'below' else ''}{label}"


@frozen
class LowestRating(_RatedMeasure):
    """The lowest level any unit was rated at (T12: every organisation "good" or better)."""

    kind: ClassVar[str] = "lowest_rating"
    yields: ClassVar[Literal["number", "rating"]] = "rating"
    metric: str = field(validator=check_id)

    def at(self, ctx: Context, period: Period) -> Reading:
        counts = _counts(ctx, self.metric, period)
        if isinstance(counts, Missing):
            return counts
        scale = ctx.scale_of(self.metric)
        rated = [level for level, n in counts.items() if n > 0]
        if not rated:
            return _because(
                f"no units rated for {self.metric} in {format_period(period)}",
                f"không có đơn vị nào được xếp loại ({self.metric}, {_vi_when(period)})",
            )
        lowest = min(rated, key=scale.rank)
        return Rating(lowest, scale.rank(lowest))

    def unit(self, plan: Plan) -> str:
        return "rating"

    def describe(self, plan: Plan, lang: str) -> str:
        name = _name(plan, self.metric, lang)
        return f"mức xếp loại thấp nhất của {name}" if lang == "vi" else f"lowest rating of {name}"


Measure = Union[Value, Ratio, Change, Growth, Total, ShareAtLeast, CountAt, LowestRating]
MEASURE_TYPES: tuple[type[_Measure], ...] = (
    Value,
    Ratio,
    Change,
    Growth,
    Total,
    ShareAtLeast,
    CountAt,
    LowestRating,
)
REFERENCE_TYPES = (OtherMetric, AtBaseline, PreviousPeriod)


# -- constructors that read like a plan's text ------------------------------------------


def value(metric: str) -> Value:
    """The metric's own value: ``value("health_insurance_coverage")``."""
    return Value(metric)


def ratio(numerator: str, denominator: str) -> Ratio:
    """``ratio("capital_spending", "total_spending")``: numerator as % of denominator."""
    return Ratio(numerator, denominator)


def change_vs(metric: str, reference_metric: str) -> Change:
    """% change of *metric* against another metric of the same period."""
    return Change(metric, OtherMetric(reference_metric))


def change_since(metric: str, baseline: Period | str) -> Change:
    """% change of *metric* since a baseline: ``change_since("poor", "2021-01-01")``."""
    return Change(metric, AtBaseline(to_period(baseline)))


def change_from_previous(metric: str) -> Change:
    """Year-on-year % change of *metric*."""
    return Change(metric, PreviousPeriod())


def growth(
    metric: str, first: int, last: int, method: Literal["compound", "arithmetic"] = "compound"
) -> Growth:
    """Average annual growth of *metric* from *first* to *last* (compound by default)."""
    return Growth(metric, first, last, method)


def total(metric: str, first: int, last: int) -> Total:
    """Sum of *metric* over the years *first*..*last*."""
    return Total(metric, first, last)


def share_at_least(metric: str, level: str) -> ShareAtLeast:
    """% of units rated *level* or higher."""
    return ShareAtLeast(metric, level)


def count_at(metric: str, level: str) -> CountAt:
    """Number of units rated exactly *level*."""
    return CountAt(metric, level, "exactly")


def count_below(metric: str, level: str) -> CountAt:
    """Number of units rated below *level*."""
    return CountAt(metric, level, "below")


def lowest_rating(metric: str) -> LowestRating:
    """The lowest rating among the units of *metric*."""
    return LowestRating(metric)
