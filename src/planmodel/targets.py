"""Targets: measure × condition × schedule, with what the plan says about them.

A target may belong to another ("trong đó": a sub-target names its parent with
``part_of``), be judged across the members of a breakdown (``across``), say how firmly
the plan commits to it (``commitment``), carry free ``attributes``, and keep its
earlier versions (``revisions``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Optional

from attrs import field, frozen, validators

from ._ids import instance_of, to_tuple
from .attributes import COMMITMENTS, NONE, Attributes, Commitment
from .conditions import Condition
from .constraints import each, identifier
from .errors import FieldError
from .measures import Measure
from .periods import to_date
from .quantifiers import Quantifier
from .schedules import Schedule
from .text import Text
from .words import Phrase, say

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["Revision", "Target", "Version"]

_TEXT = validators.instance_of(Text)
_OPTIONAL_TEXT = validators.optional(_TEXT)
_MEASURE = validators.optional(instance_of(Measure))
_CONDITION = instance_of(Condition)
_SCHEDULE = instance_of(Schedule)
_QUANTIFIER = validators.optional(instance_of(Quantifier))


def _to_attributes(value: object) -> Attributes:
    if isinstance(value, Attributes):
        return value
    if isinstance(value, Mapping):
        return Attributes(value)
    raise TypeError(f"expected attributes (name → text), got {value!r}")


@frozen(kw_only=True)
class Revision:
    """An earlier version of a target, in force until the day it was ``replaced``.

    "27% … revised to 32% in 2018": the target states 32%, and keeps
    ``Revision(replaced="2018-06-01", condition=at_least(27), …, reason=…)``.
    """

    replaced: dt.date = field(converter=to_date)
    reason: Optional[Text] = field(default=None, validator=_OPTIONAL_TEXT)
    text: Optional[Text] = field(default=None, validator=_OPTIONAL_TEXT)
    measure: Optional[Measure] = field(default=None, validator=_MEASURE)
    condition: Condition = field(validator=_CONDITION)
    schedule: Schedule = field(validator=_SCHEDULE)
    across: Optional[Quantifier] = field(default=None, validator=_QUANTIFIER)


@frozen
class Version:
    """What a target asks at one time: its own wording, or that of a revision."""

    measure: Optional[Measure]
    condition: Condition
    schedule: Schedule
    across: Optional[Quantifier]
    #: The revision in force (its index in ``Target.revisions``); ``None`` for the current.
    revision: Optional[int] = None

    def metric_ids(self) -> list[str]:
        """Every metric the version's measures read, an ``all of``'s parts included."""
        found = [m for one in self.condition.measures(self.measure) for m in one.metric_ids()]
        return list(dict.fromkeys(found))

    def words(self, plan: Plan) -> Phrase:
        """The requirement in words: "health insurance coverage at least 95%, by …"."""
        requirement = Phrase(
            "target.requirement" if self.measure is not None else "target.requirement.parts",
            measure=self.measure.words() if self.measure is not None else "",
            condition=self.condition.words(plan, self.measure),
            schedule=self.schedule.words(),
        )
        if self.across is None:
            return requirement
        return Phrase("target.across", requirement=requirement, across=self.across.words())


def _check_commitment(_instance: object, _attribute: object, value: object) -> None:
    if value is not None and value not in COMMITMENTS:
        raise FieldError("commitment", f"expected one of {', '.join(COMMITMENTS)}, got {value!r}")


@frozen(kw_only=True)
class Target:
    """A measurable target (chỉ tiêu): measure × condition × schedule.

    ``measure`` is ``None`` only for an ``all_of`` condition, whose parts name
    their own measures. ``notes`` record how an open reading of the text was
    settled, so that a reader can disagree and change one line.
    """

    id: str = field(validator=identifier)
    text: Text = field(validator=_TEXT)
    measure: Optional[Measure] = field(default=None, validator=_MEASURE)
    condition: Condition = field(validator=_CONDITION)
    schedule: Schedule = field(validator=_SCHEDULE)
    directions: tuple[str, ...] = field(default=(), converter=to_tuple, validator=each(identifier))
    notes: Optional[Text] = field(default=None, validator=_OPTIONAL_TEXT)
    part_of: Optional[str] = field(default=None, validator=validators.optional(identifier))
    across: Optional[Quantifier] = field(default=None, validator=_QUANTIFIER)
    commitment: Optional[Commitment] = field(default=None, validator=_check_commitment)
    attributes: Attributes = field(default=NONE, converter=_to_attributes)
    revisions: tuple[Revision, ...] = field(default=(), converter=to_tuple)

    @revisions.validator
    def _check_revisions(self, _attribute: object, value: tuple[Revision, ...]) -> None:
        for item in value:
            if not isinstance(item, Revision):
                raise FieldError("revisions", f"expected Revision, got {item!r}")
        days = [item.replaced for item in value]
        if days != sorted(set(days)):
            raise FieldError("revisions", "revisions must be listed oldest first, one per day")

    @property
    def current(self) -> Version:
        """The target as it stands now."""
        return Version(self.measure, self.condition, self.schedule, self.across)

    def versions(self) -> tuple[Version, ...]:
        """Every version, the oldest first and the current one last."""
        earlier = tuple(
            Version(r.measure, r.condition, r.schedule, r.across, index)
            for index, r in enumerate(self.revisions)
        )
        return (*earlier, self.current)

    def version_on(self, day: dt.date) -> Version:
        """The version in force on *day*: the first revision replaced after it, else the
        current wording."""
        for index, revision in enumerate(self.revisions):
            if day < revision.replaced:
                return Version(
                    revision.measure, revision.condition, revision.schedule, revision.across, index
                )
        return self.current

    def describe(self, plan: Plan, lang: str) -> str:
        """The target in words: "health insurance coverage at least 95%, by 2025-12-31"."""
        return say(self.current.words(plan), lang, plan)
