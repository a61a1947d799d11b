"""Measures over ratings: units rated on an ordinal scale (party organisations rated
"completed tasks well", schools rated by grade)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

from attrs import field, frozen, validators

from .._numbers import percent_of
from ..context import Context, Missing
from ..kinds import level_ref, metric_ref
from ..observations import Distribution, Rated
from ..periods import Period
from ..units import COUNT_UNIT, PERCENT_UNIT, Unit
from ..words import LevelName, MetricName, Phrase
from .base import MEASURES, Measure, Rating, Reading, Yields

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["CountAt", "LowestRating", "ShareAtLeast"]


def _counts(ctx: Context, metric: str, period: Period) -> dict[str, int] | Missing:
    found = ctx.observation(metric, period)
    if found is None:
        return ctx.missing(metric, period, "reason.no_ratings")
    if isinstance(found.value, Distribution):
        return found.value.as_dict()
    if isinstance(found.value, Rated):
        return {found.value.level: 1}
    return Missing(Phrase("reason.not_ratings", metric=MetricName(metric), period=period))


def _nobody_rated(metric: str, period: Period) -> Missing:
    return Missing(Phrase("reason.no_units_rated", metric=MetricName(metric), period=period))


@MEASURES.register
@frozen
class ShareAtLeast(Measure):
    """Percentage of units rated at ``level`` or above (T10: "tốt trở lên")."""

    kind: ClassVar[str] = "share_at_least"
    metric: str = field(**metric_ref(holds="rating"))
    level: str = field(**level_ref())

    def at(self, ctx: Context, period: Period) -> Reading:
        counts = _counts(ctx, self.metric, period)
        if isinstance(counts, Missing):
            return counts
        total = sum(counts.values())
        if total == 0:
            return _nobody_rated(self.metric, period)
        scale = ctx.scale_of(self.metric)
        floor = scale.rank(self.level)
        at_or_above = sum(n for level, n in counts.items() if scale.rank(level) >= floor)
        return percent_of(Decimal(at_or_above), Decimal(total))

    def unit(self, plan: Plan) -> Unit:
        return PERCENT_UNIT

    def words(self) -> Phrase:
        return Phrase(
            "measure.share_at_least",
            metric=MetricName(self.metric),
            level=LevelName(self.metric, self.level),
        )


#: Which units a count counts: rated exactly at a level, below it, or at it or above.
Relation = Literal["exactly", "below", "at_least"]


@MEASURES.register
@frozen
class CountAt(Measure):
    """Number of units rated exactly at ``level``, below it, or at it or above
    (``relation``): "no organisation failing its tasks", "at least 3 units rated good
    or better"."""

    kind: ClassVar[str] = "count_at"
    metric: str = field(**metric_ref(holds="rating"))
    level: str = field(**level_ref())
    relation: Relation = field(
        default="exactly", validator=validators.in_(("exactly", "below", "at_least"))
    )

    def at(self, ctx: Context, period: Period) -> Reading:
        counts = _counts(ctx, self.metric, period)
        if isinstance(counts, Missing):
            return counts
        scale = ctx.scale_of(self.metric)
        wanted = scale.rank(self.level)
        if self.relation == "exactly":
            counted = (n for level, n in counts.items() if scale.rank(level) == wanted)
        elif self.relation == "below":
            counted = (n for level, n in counts.items() if scale.rank(level) < wanted)
        else:
            counted = (n for level, n in counts.items() if scale.rank(level) >= wanted)
        return Decimal(sum(counted))

    def unit(self, plan: Plan) -> Unit:
        return COUNT_UNIT

    def words(self) -> Phrase:
        return Phrase(
            f"measure.count_at.{self.relation}",
            metric=MetricName(self.metric),
            level=LevelName(self.metric, self.level),
        )


@MEASURES.register
@frozen
class LowestRating(Measure):
    """The lowest level any unit was rated at (T12: every organisation "good" or better)."""

    kind: ClassVar[str] = "lowest_rating"
    metric: str = field(**metric_ref(holds="rating"))

    def at(self, ctx: Context, period: Period) -> Reading:
        counts = _counts(ctx, self.metric, period)
        if isinstance(counts, Missing):
            return counts
        scale = ctx.scale_of(self.metric)
        rated = [level for level, n in counts.items() if n > 0]
        if not rated:
            return _nobody_rated(self.metric, period)
        lowest = min(rated, key=scale.rank)
        return Rating(lowest, scale.rank(lowest))

    def yields(self, plan: Plan) -> Yields:
        return "rating"

    def unit(self, plan: Plan) -> Unit:
        return Unit("rating", self.metric)

    def words(self) -> Phrase:
        return Phrase("measure.lowest_rating", metric=MetricName(self.metric))
