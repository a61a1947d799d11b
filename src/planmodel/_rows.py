"""Judgements stored compactly: one plain tuple per period, made a :class:`Judgement`
only when it is read.

An evaluation of a whole country makes hundreds of thousands of judgements, and most
are only counted. A row is a tuple of the :class:`~planmodel.Judgement` fields in their
order, with the status written as its severity (an ``int``): building one costs a
tenth of an attrs instance, the worst of several statuses is ``max``, and a row of
numbers, periods and ``None`` holds no object the garbage collector has to follow
(CPython stops tracking such tuples), so that keeping millions of them does not slow
every later collection down.

A row may also be a :class:`Judgement` itself: a schedule defined outside planmodel
judges through :meth:`~planmodel.Schedule.judge`, and what it returns is kept as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, SupportsIndex, Union

from .judgements import Judgement
from .periods import Period
from .status import Status
from .words import Phrase

__all__ = [
    "MET",
    "NO_DATA",
    "OFF_TRACK",
    "ON_TRACK",
    "PENDING",
    "STATUSES",
    "Judgements",
    "Row",
    "judgement",
    "judgements",
    "pending",
    "row",
    "severity",
    "status",
]

#: ``(period, severity, value, gap, progress, expected, reason, parts, warning, remark)``,
#: or a :class:`Judgement` made by a schedule defined outside planmodel.
Row = Union[tuple[Any, ...], Judgement]

#: The statuses by severity: ``STATUSES[status.severity] is status``.
STATUSES: tuple[Status, ...] = tuple(sorted(Status, key=lambda found: found.severity))
_STATUSES = STATUSES
_SEVERITY: dict[Status, int] = {found: found.severity for found in Status}

MET = Status.MET.severity
ON_TRACK = Status.ON_TRACK.severity
PENDING = Status.PENDING.severity
NO_DATA = Status.NO_DATA.severity
OFF_TRACK = Status.OFF_TRACK.severity


def severity(found: Status) -> int:
    """The ``int`` a row writes *found* as: its severity."""
    return _SEVERITY[found]


def status(level: int) -> Status:
    """The status of severity *level*."""
    return _STATUSES[level]


def row(
    period: Period | None,
    level: int,
    *,
    value: Union[Decimal, str, bool, None] = None,
    gap: Decimal | None = None,
    progress: Decimal | None = None,
    expected: Decimal | None = None,
    reason: Phrase | None = None,
    parts: tuple[Row, ...] = (),
    warning: bool = False,
    remark: Phrase | None = None,
) -> tuple[Any, ...]:
    """A row, by the :class:`Judgement` field names (the hot paths write the tuple)."""
    return (period, level, value, gap, progress, expected, reason, parts, warning, remark)


def judgement(found: Row) -> Judgement:
    """The :class:`Judgement` *found* stands for."""
    if isinstance(found, Judgement):
        return found
    period, level, value, gap, progress, expected, reason, parts, warning, remark = found
    return Judgement(
        period,
        _STATUSES[level],
        value,
        gap,
        progress,
        expected,
        reason,
        tuple(judgement(part) for part in parts) if parts else (),
        warning,
        remark,
    )


def judgements(rows: tuple[Row, ...]) -> tuple[Judgement, ...]:
    """Every row as a :class:`Judgement`."""
    return tuple(judgement(found) for found in rows)


def of_judgement(found: Judgement) -> tuple[Any, ...]:
    """The row of a :class:`Judgement`."""
    return (
        found.period,
        _SEVERITY[found.status],
        found.value,
        found.gap,
        found.progress,
        found.expected,
        found.reason,
        tuple(of_judgement(part) for part in found.parts),
        found.warning,
        found.remark,
    )


class Judgements(tuple):  # type: ignore[type-arg]
    """A tuple of :class:`Judgement` to whoever reads it, holding rows.

    ``TargetResult.judgements`` is one: iterating, indexing, comparing and printing
    it give judgements, each made when it is read, while what is kept (and pickled) is
    the rows. Equal rows make equal judgements, so two of these compare by their rows.
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[Judgement]:
        return map(judgement, tuple.__iter__(self))

    def __getitem__(self, index: Any) -> Any:
        found = tuple.__getitem__(self, index)
        if isinstance(index, slice):
            return tuple(map(judgement, found))
        return judgement(found)

    def __contains__(self, item: object) -> bool:
        return any(one == item for one in self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Judgements):
            return tuple.__eq__(self, other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __lt__(self, other: tuple[Any, ...]) -> bool:
        return tuple(self) < tuple(other)

    def __le__(self, other: tuple[Any, ...]) -> bool:
        return tuple(self) <= tuple(other)

    def __gt__(self, other: tuple[Any, ...]) -> bool:
        return tuple(self) > tuple(other)

    def __ge__(self, other: tuple[Any, ...]) -> bool:
        return tuple(self) >= tuple(other)

    def __add__(self, other: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(self) + tuple(other)

    def __radd__(self, other: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(other) + tuple(self)

    def __mul__(self, times: SupportsIndex) -> tuple[Any, ...]:
        return tuple(self) * times

    __rmul__ = __mul__

    def index(self, value: Any, start: SupportsIndex = 0, stop: SupportsIndex = sys.maxsize) -> int:
        return tuple(self).index(value, start, stop)

    def count(self, value: Any) -> int:
        return tuple(self).count(value)

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[Judgements], tuple[tuple[Row, ...]]]:
        return (Judgements, (tuple(tuple.__iter__(self)),))

    def rows(self) -> tuple[Row, ...]:
        """The rows themselves."""
        return tuple(tuple.__iter__(self))


def pending(found: tuple[Any, ...]) -> tuple[Any, ...]:
    """The same figures, not yet judged: the period has not closed
    (:meth:`Judgement.as_pending`)."""
    parts = found[7]
    return (
        found[0],
        PENDING,
        found[2],
        found[3],
        found[4],
        found[5],
        found[6],
        tuple(pending(part) for part in parts) if parts else (),
        False,
        found[9],
    )


def with_remark(found: tuple[Any, ...], remark: Phrase | None) -> tuple[Any, ...]:
    """*found* with another remark."""
    return (*found[:9], remark)
