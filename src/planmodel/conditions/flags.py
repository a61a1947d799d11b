"""Conditions on a yes/no figure: a milestone with no number, reached or not."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import frozen

from ..measures import Measure, Rating
from ..status import Status
from ..words import Phrase
from .base import CONDITIONS, Assessment, Condition

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["Achieved"]


@CONDITIONS.register
@frozen
class Achieved(Condition):
    """The milestone is reached: the figure is ``true`` ("xã đạt chuẩn nông thôn mới
    nâng cao"). By a deadline, a ``true`` figure dated on or before it meets the
    target, and the judgement records when; a milestone once reached stays reached.
    """

    kind: ClassVar[str] = "achieved"
    accepts = "flag"
    kept_once_met = True

    def assess(
        self, reading: Decimal | Rating | bool, *, plan: Plan, measure: Measure
    ) -> Assessment:
        assert isinstance(reading, bool), "plan validation guarantees yes/no here"
        return Assessment(Status.MET if reading else Status.NOT_MET)

    def words(self, plan: Plan, measure: Measure | None) -> Phrase:
        return Phrase("condition.achieved")
