"""A kind defined outside planmodel, registered when this module is imported: what a
user's plug-in module does, for the tests of worker processes."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from attrs import field, frozen

from planmodel import Measure, register_measure
from planmodel.context import Context, Missing
from planmodel.kinds import metric_ref
from planmodel.periods import Period
from planmodel.words import MetricName, Phrase


@register_measure
@frozen
class Doubled(Measure):
    """Twice a metric's figure."""

    kind: ClassVar[str] = "doubled"
    metric: str = field(**metric_ref())

    def at(self, ctx: Context, period: Period) -> Decimal | Missing:
        found = ctx.number(self.metric, period)
        return found if isinstance(found, Missing) else found * 2

    def words(self) -> Phrase:
        return Phrase("measure.value", metric=MetricName(self.metric))
