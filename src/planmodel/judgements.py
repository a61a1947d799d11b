"""A judgement: what one period of a target (or of one part of it) came to."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional, Union

from attrs import frozen

from ._periods import Period
from .status import Status
from .text import Text

__all__ = ["Judgement"]


@frozen
class Judgement:
    """The verdict for one period.

    ``value`` is the measured number, or the level id for a rating; ``gap`` is the
    distance to the nearest acceptable value in the measure's unit (``0`` when the
    condition holds); ``progress`` is how far from the baseline to the target the
    value has come (``1`` at the target); ``expected`` is the point on the straight
    line from baseline to target that an interim value is compared with; ``reason``
    says why there is no value. ``parts`` holds the judgements of an ``all of``.
    """

    period: Optional[Period]
    status: Status
    value: Union[Decimal, str, None] = None
    gap: Optional[Decimal] = None
    progress: Optional[Decimal] = None
    expected: Optional[Decimal] = None
    reason: Optional[Text] = None
    parts: tuple[Judgement, ...] = ()

    def as_pending(self) -> Judgement:
        """The same figures, not yet judged: the period has not closed."""
        parts = tuple(part.as_pending() for part in self.parts)
        return Judgement(
            self.period,
            Status.PENDING,
            self.value,
            self.gap,
            self.progress,
            self.expected,
            self.reason,
            parts,
        )
