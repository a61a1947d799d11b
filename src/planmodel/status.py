"""The verdicts an evaluation gives, and their order of severity."""

from __future__ import annotations

import enum
from collections.abc import Iterable

__all__ = ["Status", "most_severe"]


class Status(str, enum.Enum):
    """How a target (or one period of it) stands; listed most severe first.

    >>> most_severe([Status.MET, Status.NO_DATA, Status.EXCEEDED])
    <Status.NO_DATA: 'no_data'>
    """

    NOT_MET = "not_met"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    PENDING = "pending"
    ON_TRACK = "on_track"
    MET = "met"
    EXCEEDED = "exceeded"

    @property
    def severity(self) -> int:
        """Higher is worse: ``exceeded`` is 0, ``not_met`` is 6."""
        return _SEVERITY[self]

    @property
    def is_success(self) -> bool:
        return self in (Status.MET, Status.EXCEEDED)

    def __str__(self) -> str:
        return self.value


_SEVERITY = {status: len(Status) - 1 - index for index, status in enumerate(Status)}


def most_severe(statuses: Iterable[Status]) -> Status:
    """The most severe of *statuses*; raises ``ValueError`` when there are none."""
    return max(statuses, key=_SEVERITY.__getitem__)
