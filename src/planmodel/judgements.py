"""A judgement: what one period of a target (or of one part of it) came to."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional, Union

import attrs
from attrs import frozen

from .periods import Period
from .status import Status
from .words import Phrase

__all__ = ["Judgement"]


@frozen
class Judgement:
    """The verdict for one period.

    ``value`` is the measured number, the level id of a rating, or ``True``/``False``
    for a yes/no figure; ``gap`` is the distance to the nearest acceptable value in
    the measure's unit (``0`` when the condition holds); ``progress`` is how far from
    the baseline to the target the value has come (``1`` at the target);
    ``expected`` is the point on the line from baseline through milestones to target
    that an interim value is compared with (or the milestone's goal); ``reason``
    says why there is no value; ``parts`` holds the judgements of an ``all of``;
    ``warning`` marks a met value past a warning level; ``remark`` says what else
    the reader needs: the milestone judged, the latest available figure taken as
    the final one, the day a milestone was reached.
    """

    period: Optional[Period]
    status: Status
    value: Union[Decimal, str, bool, None] = None
    gap: Optional[Decimal] = None
    progress: Optional[Decimal] = None
    expected: Optional[Decimal] = None
    reason: Optional[Phrase] = None
    parts: tuple[Judgement, ...] = ()
    warning: bool = False
    remark: Optional[Phrase] = None

    def as_pending(self) -> Judgement:
        """The same figures, not yet judged: the period has not closed."""
        parts = tuple(part.as_pending() for part in self.parts)
        return attrs.evolve(self, status=Status.PENDING, parts=parts, warning=False)
