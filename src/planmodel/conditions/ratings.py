"""Conditions on a rating: rated at a level or better."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen

from ..kinds import level_ref, overrides
from ..measures import Measure, Rating
from ..status import Status
from ..words import LevelName, Phrase
from .base import CONDITIONS, Assessment, Assessor, Condition

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["RatingAtLeast"]


_ZERO = Decimal(0)


class _RatingAssessor(Assessor):
    """:meth:`RatingAtLeast.assess` with the rank of the level asked for read once."""

    __slots__ = ("wanted",)

    def __init__(self, condition: RatingAtLeast, plan: Plan, measure: Measure, wanted: int) -> None:
        super().__init__(condition, plan, measure)
        self.wanted = wanted

    def verdict(self, reading: Decimal | Rating | bool) -> tuple[Status, Decimal | None, bool]:
        assert isinstance(reading, Rating), "plan validation guarantees a rating here"
        short = max(self.wanted - reading.rank, 0)
        if not short:
            return Status.MET, _ZERO, False
        return Status.NOT_MET, Decimal(short), False


@CONDITIONS.register
@frozen
class RatingAtLeast(Condition):
    """A rating at ``level`` or above on the measure's scale; the gap counts levels.

    A rating has no line to travel along: before a deadline, ratings are shown, not
    judged.
    """

    kind: ClassVar[str] = "rating_at_least"
    accepts = "rating"
    level: str = field(**level_ref())

    def assess(
        self, reading: Decimal | Rating | bool, *, plan: Plan, measure: Measure
    ) -> Assessment:
        assert isinstance(reading, Rating), "plan validation guarantees a rating here"
        scale = measure.scale(plan)
        assert scale is not None, "plan validation guarantees a rated measure here"
        short = max(scale.rank(self.level) - reading.rank, 0)
        return Assessment(Status.MET if not short else Status.NOT_MET, Decimal(short))

    def assessor(self, plan: Plan, measure: Measure) -> Assessor:
        scale = measure.scale(plan)
        if scale is None or overrides(type(self), RatingAtLeast, "assess", "progress"):
            return Assessor(self, plan, measure)
        return _RatingAssessor(self, plan, measure, scale.rank(self.level))

    def marks(self) -> tuple[Decimal | str, ...]:
        return (self.level,)

    def check(self, plan: Plan, measure: Measure) -> list[tuple[str, str]]:
        scale = measure.scale(plan)
        if scale is None or measure.problems(plan, "$"):
            return []
        if self.level not in scale.level_ids:
            return [
                (
                    "level",
                    f"unknown level {self.level!r} of scale {scale.id}; "
                    f"expected one of {', '.join(scale.level_ids)}",
                )
            ]
        return []

    def words(self, plan: Plan, measure: Measure | None) -> Phrase:
        rated = measure.metric_ids()[0] if measure is not None and measure.metric_ids() else ""
        return Phrase("condition.rating_at_least", level=LevelName(rated, self.level))
