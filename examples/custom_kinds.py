"""Kinds defined outside planmodel: a measure and a condition.

- ``median_of_units``, a measure: the median of a metric across the members of a
  breakdown. "The median commune has at least 90% of its households on clean water"
  looks at one figure per commune, and at the commune in the middle.
- ``avoided``, a condition: a yes/no figure that must stay ``False``. "Không để xảy
  ra dịch bệnh lớn" (let no major outbreak happen) is the opposite of ``achieved``.

Importing this module registers both: plans that use them then load, dump, validate,
evaluate and appear in the JSON Schema like plans that use only built-in kinds.
docs/howto/custom-kind.md walks through it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen

from planmodel import (
    Assessment,
    Condition,
    Context,
    Measure,
    Missing,
    Period,
    Rating,
    Status,
    register_condition,
    register_measure,
)
from planmodel.constraints import identifier
from planmodel.kinds import metric_ref
from planmodel.measures import Reading
from planmodel.words import DimensionName, Each, MetricName, Phrase, add_messages

if TYPE_CHECKING:
    from planmodel import Better, Plan

__all__ = ["Avoided", "MedianOfUnits", "avoided", "median_of_units"]


@register_measure
@frozen
class MedianOfUnits(Measure):
    """The median of ``metric`` across the members of ``dimension``, for one period.

    The members are those the metric's dimension lists; every one of them needs a
    figure, and the missing ones are named. A dimension that lists no members takes
    the members that report figures.
    """

    kind: ClassVar[str] = "median_of_units"
    metric: str = field(**metric_ref(holds="number"))
    dimension: str = field(validator=identifier)

    def members(self, ctx: Context) -> tuple[str, ...]:
        """The members whose figures make the median."""
        declared = ctx.plan.metric(self.metric).dimension(self.dimension)
        if declared is not None and declared.members:
            return declared.members
        return ctx.data.members(self.metric, self.dimension)

    def at(self, ctx: Context, period: Period) -> Reading:
        figures: list[Decimal] = []
        missing: list[str] = []
        for member in self.members(ctx):
            found = ctx.select(self.dimension, member).number(self.metric, period)
            if isinstance(found, Missing):
                missing.append(member)
            else:
                figures.append(found)
        if missing or not figures:
            return Missing(
                Phrase(
                    "reason.median_of_units",
                    metric=MetricName(self.metric),
                    period=period,
                    members=Each(missing),
                )
            )
        figures.sort()
        middle = len(figures) // 2
        if len(figures) % 2:
            return figures[middle]
        return (figures[middle - 1] + figures[middle]) / 2

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        # The figures are the members', not the whole's: a period counts once any
        # member reports for it (a member without a figure then makes it no_data).
        found: dict[Period, None] = {}
        for member in self.members(ctx):
            found.update(dict.fromkeys(ctx.select(self.dimension, member).periods(self.metric)))
        return tuple(sorted(found, key=ctx.calendar.end))

    def better(self, plan: Plan) -> Better | None:
        return plan.metric(self.metric).better

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        if plan.metric(self.metric).dimension(self.dimension) is None:
            return [("dimension", f"metric {self.metric!r} has no dimension {self.dimension!r}")]
        return []

    def words(self) -> Phrase:
        return Phrase(
            "measure.median_of_units",
            metric=MetricName(self.metric),
            dimension=DimensionName(self.dimension),
        )


def median_of_units(metric: str, dimension: str) -> MedianOfUnits:
    """``median_of_units("clean_water", "commune")``."""
    return MedianOfUnits(metric, dimension)


@register_condition
@frozen
class Avoided(Condition):
    """The event did not happen: the yes/no figure is ``False``."""

    kind: ClassVar[str] = "avoided"
    accepts = "flag"

    def assess(
        self, reading: Decimal | Rating | bool, *, plan: Plan, measure: Measure
    ) -> Assessment:
        return Assessment(Status.NOT_MET if reading is True else Status.MET)

    def words(self, plan: Plan, measure: Measure | None) -> Phrase:
        return Phrase("condition.avoided")


def avoided() -> Avoided:
    """``avoided()``: "không để xảy ra", the yes/no figure stays ``False``."""
    return Avoided()


add_messages(
    "en",
    {
        "measure.median_of_units": "{metric}: median of the {dimension} figures",
        "reason.median_of_units": "no figure for {metric} in {period} from {members}",
        "condition.avoided": "avoided",
    },
)
add_messages(
    "vi",
    {
        "measure.median_of_units": "trung vị {metric} của các {dimension}",
        "reason.median_of_units": "chưa có số liệu {metric} {period} của {members}",
        "condition.avoided": "không để xảy ra",
    },
)
