"""Measures over ratings: units rated on an ordinal scale (party organisations rated
"completed tasks well", schools rated by grade)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

from attrs import field, frozen, validators

from .._numbers import percent_of
from .._plan_cache import derived
from ..context import Context, Missing
from ..kinds import level_ref, metric_ref, overrides
from ..observations import Distribution, Rated, moment
from ..periods import Period
from ..units import COUNT_UNIT, PERCENT_UNIT, Unit
from ..words import LevelName, MetricName, Phrase
from .base import MEASURES, Measure, Rating, Reading, Yields, missing_once

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


def _counts_reader(
    ctx: Context, metric: str
) -> Callable[[Period], tuple[tuple[str, int], ...] | Missing]:
    """:func:`_counts` as a function of the period, as ``(level, count)`` pairs."""
    get = ctx.series(metric).get
    missing = missing_once(ctx, metric, "reason.no_ratings")

    def counts(period: Period) -> tuple[tuple[str, int], ...] | Missing:
        found = get(period if type(period) is int else moment(period))
        if found is None:
            return missing(period)
        value = found.value
        if isinstance(value, Distribution):
            return value.counts
        if isinstance(value, Rated):
            return ((value.level, 1),)
        return Missing(Phrase("reason.not_ratings", metric=MetricName(metric), period=period))

    return counts


def _all_ranks(plan: Plan) -> dict[str, dict[str, int]]:
    return {
        scale.id: {level: scale.rank(level) for level in scale.level_ids} for scale in plan.scales
    }


def _all_ratings(plan: Plan) -> dict[str, dict[str, Rating]]:
    return {
        scale.id: {level: Rating(level, scale.rank(level)) for level in scale.level_ids}
        for scale in plan.scales
    }


def _ratings(ctx: Context, metric: str) -> dict[str, Rating]:
    """A :class:`Rating` for each level of *metric*'s scale: a rating is a value, and one
    per level serves every period (worked out once per plan)."""
    return derived(ctx.plan, "ratings.ratings", _all_ratings)[ctx.scale_of(metric).id]


def _ranks(ctx: Context, metric: str) -> dict[str, int]:
    """The rank of each level of *metric*'s scale (worked out once per plan)."""
    scale = ctx.scale_of(metric)
    return derived(ctx.plan, "ratings.ranks", _all_ranks)[scale.id]


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

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        if overrides(type(self), ShareAtLeast, "at"):
            return super().reader(ctx)
        read, ranks, metric = (
            _counts_reader(ctx, self.metric),
            _ranks(ctx, self.metric),
            self.metric,
        )
        floor = ranks[self.level]
        above = frozenset(level for level, rank in ranks.items() if rank >= floor)

        def share(period: Period) -> Reading:
            counts = read(period)
            if isinstance(counts, Missing):
                return counts
            total = at_or_above = 0
            for level, n in counts:
                total += n
                if level in above:
                    at_or_above += n
            if total == 0:
                return _nobody_rated(metric, period)
            return percent_of(Decimal(at_or_above), Decimal(total))

        return share

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

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        if overrides(type(self), CountAt, "at"):
            return super().reader(ctx)
        read, ranks = _counts_reader(ctx, self.metric), _ranks(ctx, self.metric)
        wanted = ranks[self.level]
        compare = {"exactly": operator.eq, "below": operator.lt, "at_least": operator.ge}
        counted = compare[self.relation]
        # Which levels count, once: a count is then a sum over the levels reported.
        counting = {level for level, rank in ranks.items() if counted(rank, wanted)}

        def count(period: Period) -> Reading:
            counts = read(period)
            if isinstance(counts, Missing):
                return counts
            counted = 0
            for level, n in counts:
                if level in counting:
                    counted += n
            return Decimal(counted)

        return count

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

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        if overrides(type(self), LowestRating, "at"):
            return super().reader(ctx)
        read, ranks, metric = (
            _counts_reader(ctx, self.metric),
            _ranks(ctx, self.metric),
            self.metric,
        )
        ratings = _ratings(ctx, self.metric)

        def lowest(period: Period) -> Reading:
            counts = read(period)
            if isinstance(counts, Missing):
                return counts
            rated = [level for level, n in counts if n > 0]
            if not rated:
                return _nobody_rated(metric, period)
            return ratings[min(rated, key=ranks.__getitem__)]

        return lowest

    def yields(self, plan: Plan) -> Yields:
        return "rating"

    def unit(self, plan: Plan) -> Unit:
        return Unit("rating", self.metric)

    def words(self) -> Phrase:
        return Phrase("measure.lowest_rating", metric=MetricName(self.metric))
