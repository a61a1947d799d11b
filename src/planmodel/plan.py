"""A plan: its provenance, objective, directions, breakthroughs and targets.

A plan is validated as a whole when it is built: identifiers are unique, every
cross-reference resolves, sub-targets name existing parents without cycles, each
target's measure, condition and schedule fit together, and every statement has its
text in the plan's source language. All problems are reported at once, each with its
JSON path.

A plan needs only an id, a title, its source language, a term and its targets with the
metrics and scales they use. What the encoder does not know is left out, never
invented: the jurisdiction, the adoption, who adopted it, the source and the general
objective are optional, and dates may be known to the year or month only
(:class:`~planmodel.PartialDate`). :func:`planmodel.missing_provenance` lists what a
plan still lacks before it is published.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Optional

from attrs import field, frozen, validators

from ._ids import to_tuple
from ._plan_cache import Derived
from .constraints import identifier, language_tag, one_of, web_address
from .dates import PartialDate, to_optional_partial_date
from .errors import FieldError, PlanValidationError, Problem
from .metrics import Metric, RatingScale
from .periods import Calendar, valid_year
from .targets import Revision, Target, Version
from .text import Text

__all__ = ["Breakthrough", "Direction", "Plan", "Source", "Target", "Term"]

_TEXT = validators.instance_of(Text)
_OPTIONAL_TEXT = validators.optional(_TEXT)


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
    """Where the plan's text was published: its title, and what else is known.

    ``url`` is a web address (``http://`` or ``https://`` and a host); ``published``
    is a date known to the year, the month or the day (``"2021"``, ``"2021-02"``,
    ``"2021-02-26"``).
    """

    title: Text = field(validator=_TEXT)
    url: Optional[str] = field(default=None, validator=validators.optional(web_address))
    published: Optional[PartialDate] = field(default=None, converter=to_optional_partial_date)
    publisher: Optional[Text] = field(default=None, validator=_OPTIONAL_TEXT)


@frozen
class Direction:
    """A strategic direction (phương hướng, nhiệm vụ trọng tâm)."""

    id: str = field(validator=identifier)
    text: Text = field(validator=_TEXT)


@frozen
class Breakthrough:
    """A breakthrough (khâu đột phá)."""

    id: str = field(validator=identifier)
    text: Text = field(validator=_TEXT)


@frozen(kw_only=True)
class Plan:
    """A development plan and everything needed to judge figures against it.

    Built in Python or loaded with :func:`planmodel.load_plan`; either way the
    whole plan is checked and every problem raised together in a
    :class:`~planmodel.PlanValidationError`. ``fiscal_year_start`` (a month) makes
    the plan's years fiscal years starting in that month, named by the year they end
    in (``FY2025``).

    Only ``id``, ``title``, ``term`` and ``source_language`` are required; the
    provenance (``jurisdiction``, ``adopted``, ``adopted_by``, ``source``) and the
    ``objective`` are given when known, and checked when given.
    """

    id: str = field(validator=identifier)
    title: Text = field(validator=_TEXT)
    jurisdiction: Optional[Text] = field(default=None, validator=_OPTIONAL_TEXT)
    term: Term = field(validator=validators.instance_of(Term))
    #: When the plan was adopted, to the year, the month or the day.
    adopted: Optional[PartialDate] = field(default=None, converter=to_optional_partial_date)
    adopted_by: Optional[Text] = field(default=None, validator=_OPTIONAL_TEXT)
    source: Optional[Source] = field(
        default=None, validator=validators.optional(validators.instance_of(Source))
    )
    #: The language the plan was written in; every statement must have its text.
    source_language: str = field(validator=language_tag)
    fiscal_year_start: Optional[int] = field(
        default=None, validator=validators.optional(one_of(*range(1, 13)))
    )
    objective: tuple[Text, ...] = field(default=(), converter=to_tuple, validator=_tuple_of(Text))
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
    #: What evaluating works out from the plan once (:mod:`planmodel._plan_cache`).
    _derived: Derived = field(init=False, factory=Derived, eq=False, repr=False, hash=False)

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

    def has_scale(self, scale_id: str) -> bool:
        return isinstance(self._index.get(scale_id), RatingScale)

    def target(self, target_id: str) -> Target:
        found = self._get(Target, target_id)
        assert isinstance(found, Target)
        return found

    def parts_of(self, target_id: str) -> tuple[Target, ...]:
        """The sub-targets that name *target_id* as their parent, in plan order."""
        return tuple(target for target in self.targets if target.part_of == target_id)

    def numbered(self) -> tuple[tuple[str, int, Target], ...]:
        """Every target in reading order, each sub-target right after its parent, with
        its number and depth: ``("15", 0, …)``, then ``("15.1", 1, …)``. Targets of the
        plan are numbered in order, sub-targets under their parent."""
        found: list[tuple[str, int, Target]] = []

        def visit(target: Target, number: str, depth: int) -> None:
            found.append((number, depth, target))
            for index, child in enumerate(self.parts_of(target.id), start=1):
                visit(child, f"{number}.{index}", depth + 1)

        top = [target for target in self.targets if target.part_of is None]
        for number, target in enumerate(top, start=1):
            visit(target, str(number), 0)
        return tuple(found)

    @property
    def calendar(self) -> Calendar:
        """Where the plan's periods fall in time (its fiscal years, if any)."""
        return Calendar(self.fiscal_year_start or 1)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the plan's title, source language first."""
        others = tuple(tag for tag in self.title.languages if tag != self.source_language)
        return (self.source_language, *others)

    # -- validation ------------------------------------------------------------------

    def _problems(self) -> Iterator[Problem]:
        duplicates = list(self._duplicate_ids())
        yield from duplicates
        scales = {scale.id for scale in self.scales}
        for i, metric in enumerate(self.metrics):
            if metric.scale is not None and metric.scale not in scales:
                yield Problem(f"$.metrics[{i}].scale", f"unknown scale {metric.scale!r}")
        if any(p.where.startswith("$.metrics") for p in duplicates):
            return
        directions = {direction.id for direction in self.directions}
        for i, target in enumerate(self.targets):
            path = f"$.targets[{i}]"
            for j, direction in enumerate(target.directions):
                if direction not in directions:
                    yield Problem(f"{path}.directions[{j}]", f"unknown direction {direction!r}")
            yield from self._version_problems(target.current, path)
            for j, revision in enumerate(target.revisions):
                yield from self._version_problems(
                    target.versions()[j], f"{path}.revisions[{j}]", revision
                )
        yield from self._parent_problems()
        yield from self._missing_source_language()

    def _version_problems(
        self, version: Version, path: str, revision: Revision | None = None
    ) -> Iterator[Problem]:
        measure_problems = []
        if version.measure is not None:
            measure_problems = version.measure.problems(self, f"{path}.measure")
        yield from measure_problems
        if measure_problems:
            return
        condition_problems = version.condition.problems(self, version.measure, path)
        yield from condition_problems
        if condition_problems:
            return
        yield from version.schedule.problems(self, version.measure, version.condition, path)
        if version.across is not None:
            yield from self._across_problems(version, f"{path}.across")

    def _across_problems(self, version: Version, path: str) -> Iterator[Problem]:
        assert version.across is not None
        dimension = version.across.dimension
        having = [
            self.metric(metric_id)
            for metric_id in _metrics_read(version)
            if self.metric(metric_id).dimension(dimension) is not None
        ]
        if not having:
            yield Problem(
                f"{path}.dimension",
                f"no metric this target reads has the dimension {dimension!r}",
            )
            return
        listed = [metric.dimension(dimension) for metric in having]
        count = getattr(version.across, "count", None)
        if isinstance(count, int) and all(d is not None and d.members for d in listed):
            most = max(len(d.members) for d in listed if d is not None)
            if count > most:
                yield Problem(
                    f"{path}.count",
                    f"needs {count} members, but the dimension {dimension} lists {most}",
                )

    def _parent_problems(self) -> Iterator[Problem]:
        targets = {target.id for target in self.targets}
        parents = {target.id: target.part_of for target in self.targets}
        for i, target in enumerate(self.targets):
            where = f"$.targets[{i}].part_of"
            if target.part_of is None:
                continue
            if target.part_of not in targets:
                yield Problem(where, f"unknown target {target.part_of!r}")
                continue
            seen = [target.id]
            parent: str | None = target.part_of
            while parent is not None and parent not in seen:
                seen.append(parent)
                parent = parents.get(parent)
            if parent == target.id:
                yield Problem(where, "targets belong to each other: " + " → ".join([*seen, parent]))

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

    def _statement_texts(self) -> Iterator[Text]:
        """The texts :meth:`statements` gives, without the paths that only a problem
        needs."""
        yield self.title
        yield from self.objective
        for group in (self.directions, self.breakthroughs, self.targets):
            for item in group:
                yield item.text
        for target in self.targets:
            for revision in target.revisions:
                if revision.text is not None:
                    yield revision.text

    def statements(self) -> Iterator[tuple[str, Text]]:
        """The plan's own statements, each with its JSON path: the title, the general
        objective, the directions, the breakthroughs, and the texts of the targets and
        of their earlier versions.

        These are the document's words, and must have text in the source language.
        Names of metrics, dimensions and scales, rating labels and notes are the
        encoder's words, and may be in any language.
        """
        yield "$.title", self.title
        for i, statement in enumerate(self.objective):
            yield f"$.objective[{i}]", statement
        for group in ("directions", "breakthroughs", "targets"):
            for i, item in enumerate(getattr(self, group)):
                yield f"$.{group}[{i}].text", item.text
        for i, target in enumerate(self.targets):
            for j, revision in enumerate(target.revisions):
                if revision.text is not None:
                    yield f"$.targets[{i}].revisions[{j}].text", revision.text

    def _missing_source_language(self) -> Iterator[Problem]:
        if all(self.source_language in text for text in self._statement_texts()):
            return  # checked without writing every statement's path
        for where, text in self.statements():
            if self.source_language not in text:
                yield Problem(where, f"no text in the source language {self.source_language!r}")


def _metrics_read(version: Version) -> list[str]:
    """Every metric a version's measures read, its parts' included."""
    return version.metric_ids()
