"""Quantifiers: a target judged for every member of a breakdown, or for enough of them.

"15/15 phường không có tụ điểm ma túy" is judged ``across=every("ward")``: each ward
on its own figures (wards that report in different years each by their own), then
one status for the target, with the wards that fall short named. ``at_least_members``
and ``share_of_members`` ask for *k* members, or a share of them.

The overall status is the status of the *k*-th best member, where *k* is the number
of members needed: ``every`` takes the worst (so one failing ward fails the target),
``at_least_members(12, …)`` the 12th best. Over one member, a quantifier is the plain
target.
"""

from __future__ import annotations

import abc
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import field, frozen

from ._numbers import HUNDRED, Number, to_decimal
from .constraints import identifier, positive
from .errors import FieldError
from .kinds import Registry
from .status import Status, best_first
from .words import DimensionName, Phrase

if TYPE_CHECKING:
    from .observations import Observations
    from .plan import Plan

__all__ = [
    "QUANTIFIERS",
    "AtLeastMembers",
    "Every",
    "Quantifier",
    "ShareOfMembers",
    "at_least_members",
    "every",
    "share_of_members",
]


class Quantifier(abc.ABC):
    """How many members of a dimension must meet the target."""

    __slots__ = ()
    kind: ClassVar[str]
    dimension: str

    @abc.abstractmethod
    def needed(self, members: int) -> int:
        """How many of *members* members must succeed."""

    @abc.abstractmethod
    def words(self) -> Phrase:
        """The quantifier in words: "every ward", "at least 12 communes"."""

    def status(self, statuses: Sequence[Status], declared: bool) -> Status:
        """The target's status from its members' statuses: that of the *k*-th best.

        When fewer members report than are needed and the plan does not list the
        members, the missing ones may exist: the target is ``no_data``.
        """
        if not statuses:
            return Status.NO_DATA
        needed = self.needed(len(statuses))
        if needed == 0:
            return Status.MET
        if needed > len(statuses):
            return Status.NOT_MET if declared else Status.NO_DATA
        return best_first(statuses)[needed - 1]


QUANTIFIERS: Registry[Quantifier] = Registry("quantifier", Quantifier)
"""Every kind of quantifier, by its tag."""


@QUANTIFIERS.register
@frozen
class Every(Quantifier):
    """Every member: "all 15 wards", "every country"."""

    kind: ClassVar[str] = "every"
    dimension: str = field(validator=identifier)

    def needed(self, members: int) -> int:
        return members

    def words(self) -> Phrase:
        return Phrase("quantifier.every", dimension=DimensionName(self.dimension))


def _count(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError("count", f"expected a whole number of members from 1, got {value!r}")


@QUANTIFIERS.register
@frozen
class AtLeastMembers(Quantifier):
    """At least ``count`` members: "at least 12 of the 15 communes"."""

    kind: ClassVar[str] = "at_least_members"
    dimension: str = field(validator=identifier)
    count: int = field(validator=_count)

    def needed(self, members: int) -> int:
        return self.count

    def words(self) -> Phrase:
        return Phrase(
            "quantifier.at_least", dimension=DimensionName(self.dimension), count=str(self.count)
        )


def _share(_instance: object, _attribute: object, value: Decimal) -> None:
    positive.check("percent", value)
    if value > HUNDRED:
        raise FieldError("percent", f"a share of members is at most 100%, got {value}")


@QUANTIFIERS.register
@frozen
class ShareOfMembers(Quantifier):
    """At least ``percent`` % of the members (rounded up to whole members): "80% of
    communes"."""

    kind: ClassVar[str] = "share_of_members"
    dimension: str = field(validator=identifier)
    percent: Decimal = field(converter=to_decimal, validator=_share)

    def needed(self, members: int) -> int:
        return math.ceil(self.percent * members / HUNDRED)

    def words(self) -> Phrase:
        return Phrase(
            "quantifier.share", dimension=DimensionName(self.dimension), percent=self.percent
        )


def every(dimension: str) -> Every:
    """``across=every("ward")``: each ward judged on its own figures, all must succeed."""
    return Every(dimension)


def at_least_members(dimension: str, count: int) -> AtLeastMembers:
    """``across=at_least_members("commune", 12)``."""
    return AtLeastMembers(dimension, count)


def share_of_members(dimension: str, percent: Number) -> ShareOfMembers:
    """``across=share_of_members("commune", 80)``."""
    return ShareOfMembers(dimension, to_decimal(percent))


def members_of(
    plan: Plan, metric_ids: Sequence[str], dimension: str, data: Observations
) -> tuple[tuple[str, ...], bool]:
    """The members to judge and whether the plan lists them: the members declared by
    the metrics that have *dimension*, else those with figures."""
    declared: dict[str, None] = {}
    having = [plan.metric(m) for m in metric_ids if plan.metric(m).dimension(dimension)]
    for metric in having:
        found = metric.dimension(dimension)
        assert found is not None
        declared.update(dict.fromkeys(found.members))
    if declared:
        return tuple(declared), True
    reported: dict[str, None] = {}
    for metric in having:
        reported.update(dict.fromkeys(data.members(metric.id, dimension)))
    return tuple(sorted(reported)), False
