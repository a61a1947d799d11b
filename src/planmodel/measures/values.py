"""Measures of one period's figures: a metric's value, a ratio of two metrics, one
member of a breakdown."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen

from .._ids import instance_of
from .._numbers import div, mul
from ..constraints import power_of_ten
from ..context import Context, Missing
from ..errors import FieldError
from ..kinds import metric_ref, overrides
from ..observations import Breakdown
from ..periods import Period
from ..units import PERCENT_UNIT, Unit
from ..words import MetricName, Per, Phrase
from .base import MEASURES, Measure, Reading, Yields, number_reader

if TYPE_CHECKING:
    from ..metrics import Better
    from ..plan import Plan

__all__ = ["Ratio", "Select", "Value"]


@MEASURES.register
@frozen
class Value(Measure):
    """The observed value of a metric: coverage in percent, or a milestone reached (yes/no)."""

    kind: ClassVar[str] = "value"
    metric: str = field(**metric_ref(holds="any"))

    def at(self, ctx: Context, period: Period) -> Reading:
        if not ctx.plan.metric(self.metric).yes_no:
            return ctx.number(self.metric, period)
        found = ctx.observation(self.metric, period)
        if found is None or not isinstance(found.value, bool):
            return ctx.missing(self.metric, period)
        return found.value

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        if type(self) is not Value and overrides(type(self), Value, "at"):
            return super().reader(ctx)
        if ctx.plan.metric(self.metric).yes_no:
            return super().reader(ctx)
        return number_reader(ctx, self.metric)

    def yields(self, plan: Plan) -> Yields:
        return "flag" if plan.metric(self.metric).yes_no else "number"

    def computes(self) -> bool:
        return False  # the figure as reported

    def better(self, plan: Plan) -> Better | None:
        return plan.metric(self.metric).better

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        if plan.metric(self.metric).scale is not None:
            return [("metric", f"metric {self.metric!r} is rated, not a number")]
        return []

    def words(self) -> Phrase:
        return Phrase("measure.value", metric=MetricName(self.metric))


#: The ``per`` a ratio may be expressed in: per one, ten, … a million.
LARGEST_PER = 1_000_000


@MEASURES.register
@frozen
class Ratio(Measure):
    """``numerator / denominator × per``, both for the same period.

    ``per=100`` is a percentage (the default), ``1000`` per mille, ``10_000`` per
    10,000 (doctors per 10,000 people), ``1`` a plain ratio (per capita, per hectare).

    >>> Ratio("doctors", "population", per=10_000).kind
    'ratio'
    """

    kind: ClassVar[str] = "ratio"
    numerator: str = field(**metric_ref())
    denominator: str = field(**metric_ref())
    per: int = field(default=100, validator=power_of_ten(LARGEST_PER))

    def at(self, ctx: Context, period: Period) -> Reading:
        top = ctx.number(self.numerator, period)
        if isinstance(top, Missing):
            return top
        bottom = ctx.number(self.denominator, period)
        if isinstance(bottom, Missing):
            return bottom
        if not bottom:
            return Missing(
                Phrase("reason.zero", metric=MetricName(self.denominator), period=period)
            )
        return div(mul(top, Decimal(self.per)), bottom)

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        if overrides(type(self), Ratio, "at"):
            return super().reader(ctx)
        top, bottom = number_reader(ctx, self.numerator), number_reader(ctx, self.denominator)
        per, denominator = Decimal(self.per), self.denominator

        def ratio(period: Period) -> Reading:
            numerator = top(period)
            if isinstance(numerator, Missing):
                return numerator
            divisor = bottom(period)
            if isinstance(divisor, Missing):
                return divisor
            if not divisor:
                return Missing(Phrase("reason.zero", metric=MetricName(denominator), period=period))
            return div(mul(numerator, per), divisor)

        return ratio

    def unit(self, plan: Plan) -> Unit:
        if self.per == 100:
            return PERCENT_UNIT
        if self.per == 1:
            top, bottom = plan.metric(self.numerator).unit, plan.metric(self.denominator).unit
            if top is None or bottom is None:
                # Without both units, the quotient's is unknown: a plain number.
                return Unit.of_metric(None)
            return Unit("metric", f"{top}/{bottom}")
        return Unit("per", per=self.per)

    def words(self) -> Phrase:
        names = {
            "numerator": MetricName(self.numerator),
            "denominator": MetricName(self.denominator),
        }
        if self.per == 100:
            return Phrase("measure.ratio", **names)
        if self.per == 1:
            return Phrase("measure.ratio.each", **names)
        return Phrase("measure.ratio.per", per=Per(self.per), **names)


def _to_breakdown(value: object) -> Breakdown:
    return value if isinstance(value, Breakdown) else Breakdown(value)  # type: ignore[arg-type]


@MEASURES.register
@frozen
class Select(Measure):
    """A measure read for one member of a breakdown: clean water, urban areas only.

    Metrics that do not have the dimension are read whole, so that a ratio of urban
    households to all households works.

    >>> Select(Value("clean_water"), {"area": "urban"}).breakdown["area"]
    'urban'
    """

    kind: ClassVar[str] = "select"
    measure: Measure = field(validator=instance_of(Measure))
    breakdown: Breakdown = field(converter=_to_breakdown)

    @breakdown.validator
    def _check_breakdown(self, _attribute: object, value: Breakdown) -> None:
        if not value:
            raise FieldError("breakdown", "select needs a member of at least one dimension")

    def _narrow(self, ctx: Context) -> Context:
        for dimension, member in self.breakdown.items_tuple:
            ctx = ctx.select(dimension, member)
        return ctx

    def at(self, ctx: Context, period: Period) -> Reading:
        return self.measure.at(self._narrow(ctx), period)

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        return self.measure.periods(self._narrow(ctx))

    def yields(self, plan: Plan) -> Yields:
        return self.measure.yields(plan)

    def computes(self) -> bool:
        return self.measure.computes()

    def falls(self) -> bool:
        return self.measure.falls()

    def unit(self, plan: Plan) -> Unit:
        return self.measure.unit(plan)

    def better(self, plan: Plan) -> Better | None:
        return self.measure.better(plan)

    def span(self) -> tuple[int, int] | None:
        return self.measure.span()

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        metrics = [plan.metric(metric_id) for metric_id in self.measure.metric_ids()]
        found = []
        for dimension, member in self.breakdown.items_tuple:
            having = [metric for metric in metrics if metric.dimension(dimension) is not None]
            if not having:
                found.append(
                    (
                        "breakdown",
                        f"no metric this measure reads has the dimension {dimension!r}",
                    )
                )
            for metric in having:
                found += [("breakdown", m) for m in metric.breakdown_problems({dimension: member})]
        return found

    def words(self) -> Phrase:
        members = ", ".join(member for _, member in self.breakdown.items_tuple)
        return Phrase("measure.select", measure=self.measure.words(), member=members)
