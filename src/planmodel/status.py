"""The verdicts an evaluation gives, and their order of severity."""

from __future__ import annotations

import enum
from collections.abc import Iterable

__all__ = ["Status", "most_severe"]


class Status(str, enum.Enum):
    """How a target (or one period of it) stands; listed most severe first.

    ``nearly_met`` (vi "cơ bản đạt") is a final shortfall within the tolerance a
    condition states. It sits after ``not_met`` and ``off_track``: known shortfalls
    come before unknowns (``no_data``), a full shortfall before a forecast one, and a
    shortfall the encoder's own reading of "khoảng" accepts as close after a figure
    behind the line by any distance.

    >>> most_severe([Status.MET, Status.NO_DATA, Status.EXCEEDED])
    <Status.NO_DATA: 'no_data'>
    """

    NOT_MET = "not_met"
    OFF_TRACK = "off_track"
    NEARLY_MET = "nearly_met"
    NO_DATA = "no_data"
    PENDING = "pending"
    ON_TRACK = "on_track"
    MET = "met"
    EXCEEDED = "exceeded"

    @property
    def severity(self) -> int:
        """Higher is worse: ``exceeded`` is 0, ``not_met`` is 7."""
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


def best_first(statuses: Iterable[Status]) -> list[Status]:
    """*statuses* from the least severe to the most."""
    return sorted(statuses, key=_SEVERITY.__getitem__)
