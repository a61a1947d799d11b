"""A plan: its provenance, objective, directions, breakthroughs and targets.

A plan is validated as a whole when it is built: identifiers are unique, every
cross-reference resolves, and each target's measure, condition and schedule fit
together. All problems are reported at once, each with its JSON path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Optional

from attrs import field, frozen, validators

from ._ids import check_id, to_tuple
from ._periods import to_date, valid_year
from ._plain_text import plain_text
from .conditions import CONDITION_TYPES, Condition
from .errors import FieldError, PlanValidationError, Problem
from .measures import MEASURE_TYPES, Measure
from .metrics import Metric, RatingScale
from .schedules import SCHEDULE_TYPES, Schedule
from .text import Text, is_language_tag

__all__ = ["Breakthrough", "Direction", "Plan", "Source", "Target", "Term"]

_TEXT = validators.instance_of(Text)


def _tuple_of(kind: type) -> Any:
    return validators.deep_iterable(validators.instance_of(kind), validators.instance_of(tuple))


@frozen
class Term:
    """The years a plan governs, first and last inclusive."""

    first: int = field(validator=valid_year)
    last: int = field(validator=valid_year)

    @last.validator
    def _check_order(self, _attribute: object, value: int) -> None:
        if value < self.first:
            raise FieldError("last", f"the term ends ({value}) before it starts ({self.first})")


@frozen(kw_only=True)
class Source:
    """Where the plan's text was published."""

    title: Text = field(validator=_TEXT)
    url: str = field(validator=plain_text)
    published: dt.date = field(converter=to_date)
    publisher: Optional[Text] = field(default=None, validator=validators.optional(_TEXT))


@frozen
class Direction:
    """A strategic direction (phương hướng, nhiệm vụ trọng tâm)."""

    id: str = field(validator=check_id)
    text: Text = field(validator=_TEXT)


@frozen
class Breakthrough:
    """A breakthrough (khâu đột phá)."""

    id: str = field(validator=check_id)
    text: Text = field(validator=_TEXT)


@frozen(kw_only=True)
class Target:
    """A measurable target (chỉ tiêu): measure × condition × schedule.

    ``measure`` is ``None`` only for an ``all_of`` condition, whose parts name
    their own measures. ``notes`` record how an open reading of the text was
    settled, so that a reader can disagree and change one line.
    """

    id: str = field(validator=check_id)
    text: Text = field(validator=_TEXT)
    measure: Optional[Measure] = field(
        default=None, validator=validators.optional(validators.instance_of(MEASURE_TYPES))
    )
    condition: Condition = field(validator=validators.instance_of(CONDITION_TYPES))
    schedule: Schedule = field(validator=validators.instance_of(SCHEDULE_TYPES))
    directions: tuple[str, ...] = field(default=(), converter=to_tuple)
    notes: Optional[Text] = field(default=None, validator=validators.optional(_TEXT))

    def describe(self, plan: Plan, lang: str) -> str:
        """The target in words: "health insurance coverage at least 95%, by 2025-12-31"."""
        what = self.measure.describe(plan, lang) + " " if self.measure is not None else ""
        condition = self.condition.describe(plan, self.measure, lang)
        return f"{what}{condition}, {self.schedule.describe(lang)}"


@frozen(kw_only=True)
class Plan:
    """A development plan and everything needed to judge figures against it.

    Built in Python or loaded with :func:`planmodel.load_plan`; either way the
    whole plan is checked and every problem raised together in a
    :class:`~planmodel.PlanValidationError`.
    """

    id: str = field(validator=check_id)
    title: Text = field(validator=_TEXT)
    jurisdiction: Text = field(validator=_TEXT)
    term: Term = field(validator=validators.instance_of(Term))
    adopted: dt.date = field(converter=to_date)
    adopted_by: Optional[Text] = field(default=None, validator=validators.optional(_TEXT))
    source: Source = field(validator=validators.instance_of(Source))
    #: The language the plan was written in; every statement must have its text.
    source_language: str = field()
    objective: tuple[Text, ...] = field(converter=to_tuple, validator=_tuple_of(Text))
    directions: tuple[Direction, ...] = field(
        default=(), converter=to_tuple, validator=_tuple_of(Direction)
    )
    breakthroughs: tuple[Breakthrough, ...] = field(
        default=(), converter=to_tuple, validator=_tuple_of(Breakthrough)
    )
    targets: tuple[Target, ...] = field(default=(), converter=to_tuple, validator=_tuple_of(Target))
    metrics: tuple[Metric, ...] = field(default=(), converter=to_tuple, validator=_tuple_of(Metric))
    scales: tuple[RatingScale, ...] = field(
        default=(), converter=to_tuple, validator=_tuple_of(RatingScale)
    )

    _index: dict[str, object] = field(init=False, eq=False, repr=False, hash=False)

    @source_language.validator
    def _check_source_language(self, _attribute: object, value: object) -> None:
        if not is_language_tag(value):
            raise FieldError("source_language", f"{value!r} is not a language tag (like 'vi')")

    def __attrs_post_init__(self) -> None:
        index: dict[str, object] = {}
        for group in (self.metrics, self.scales, self.directions, self.breakthroughs, self.targets):
            for item in group:
                index.setdefault(item.id, item)
        object.__setattr__(self, "_index", index)
        problems = list(self._problems())
        if problems:
            raise PlanValidationError(problems)

    # -- look-ups --------------------------------------------------------------------

    def _get(self, kind: type, item_id: str) -> object:
        found = self._index.get(item_id)
        if not isinstance(found, kind):
            raise KeyError(f"no {kind.__name__.lower()} {item_id!r} in plan {self.id}")
        return found

    def metric(self, metric_id: str) -> Metric:
        found = self._get(Metric, metric_id)
        assert isinstance(found, Metric)
        return found

    def has_metric(self, metric_id: str) -> bool:
        return isinstance(self._index.get(metric_id), Metric)

    def scale(self, scale_id: str) -> RatingScale:
        found = self._get(RatingScale, scale_id)
        assert isinstance(found, RatingScale)
        return found

    def target(self, target_id: str) -> Target:
        found = self._get(Target, target_id)
        assert isinstance(found, Target)
        return found

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the plan's title, source language first."""
        others = tuple(tag for tag in self.title.languages if tag != self.source_language)
        return (self.source_language, *others)

    # -- validation ------------------------------------------------------------------

    def _problems(self) -> Iterator[Problem]:
        yield from self._duplicate_ids()
        scales = {scale.id for scale in self.scales}
        for i, metric in enumerate(self.metrics):
            if metric.scale is not None and metric.scale not in scales:
                yield Problem(f"$.metrics[{i}].scale", f"unknown scale {metric.scale!r}")
        if any(p.where.startswith("$.metrics") for p in self._duplicate_ids()):
            return
        directions = {direction.id for direction in self.directions}
        for i, target in enumerate(self.targets):
            path = f"$.targets[{i}]"
            for j, direction in enumerate(target.directions):
                if direction not in directions:
                    yield Problem(f"{path}.directions[{j}]", f"unknown direction {direction!r}")
            measure_problems = []
            if target.measure is not None:
                measure_problems = target.measure.problems(self, f"{path}.measure")
            yield from measure_problems
            if measure_problems:
                continue
            condition_problems = target.condition.problems(self, target.measure, path)
            yield from condition_problems
            if not condition_problems:
                yield from target.schedule.problems(self, target, path)
        yield from self._missing_source_language()

    def _duplicate_ids(self) -> Iterator[Problem]:
        seen: dict[str, str] = {}
        groups = ("metrics", "scales", "directions", "breakthroughs", "targets")
        for group in groups:
            for i, item in enumerate(getattr(self, group)):
                where = f"$.{group}[{i}].id"
                if item.id in seen:
                    yield Problem(
                        where, f"duplicate id {item.id!r} (first used at {seen[item.id]})"
                    )
                else:
                    seen[item.id] = where

    def _texts(self) -> Iterator[tuple[str, Text]]:
        yield "$.title", self.title
        yield "$.jurisdiction", self.jurisdiction
        for i, statement in enumerate(self.objective):
            yield f"$.objective[{i}]", statement
        for group in ("directions", "breakthroughs", "targets"):
            for i, item in enumerate(getattr(self, group)):
                yield f"$.{group}[{i}].text", item.text
        for i, metric in enumerate(self.metrics):
            yield f"$.metrics[{i}].name", metric.name
        for i, scale in enumerate(self.scales):
            yield f"$.scales[{i}].name", scale.name
            for j, level in enumerate(scale.levels):
                yield f"$.scales[{i}].levels[{j}].label", level.label

    def _missing_source_language(self) -> Iterator[Problem]:
        for where, text in self._texts():
            if self.source_language not in text:
                yield Problem(where, f"no text in the source language {self.source_language!r}")
