"""The measure a target looks at: what every kind of measure is and can do.

A measure computes one reading (a number, a rating or a yes/no) for a period from the
observations, through a :class:`~planmodel.context.Context`. Each kind is a small
attrs class that subclasses :class:`Measure`, declares a ``kind`` tag and registers
itself with :data:`MEASURES`; loading, dumping, the schema and the strategies find it
there.
"""

from __future__ import annotations

import abc
import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Union

import attrs
from attrs import frozen

from .._json import path_join
from ..constraints import identifier
from ..context import Context, Missing
from ..errors import FieldError, Problem
from ..kinds import Registry, Role, role_metadata, role_of
from ..observations import moment
from ..periods import Period, period_sort_key
from ..units import COUNT_UNIT, Unit
from ..words import MetricName, Phrase, say

if TYPE_CHECKING:
    from ..metrics import Better, RatingScale
    from ..plan import Plan

__all__ = ["MEASURES", "Measure", "Missing", "Rating", "Reading", "Subject", "Yields"]

#: What a measure yields: numbers, ratings on a scale, or yes/no.
Yields = Literal["number", "rating", "flag"]


@frozen
class Rating:
    """A reading on an ordinal scale: the level and its rank (0 = lowest)."""

    level: str
    rank: int


#: What a measure yields for a period.
Reading = Union[Decimal, Rating, bool, Missing]


class Measure(abc.ABC):
    """The number, rating or yes/no a target looks at, computed for a period.

    A kind implements :meth:`at` (the reading) and :meth:`words` (what it measures, as
    a :class:`~planmodel.words.Phrase`); the rest has defaults that read the fields
    declared with :func:`~planmodel.kinds.metric_ref`, :func:`subject_ref` and
    :func:`~planmodel.kinds.level_ref`: the metrics read, the periods with figures,
    and the references a plan checks. A kind that reads a figure as reported, or one
    whose negative readings are falls, says so with :meth:`computes` and :meth:`falls`.
    """

    __slots__ = ()
    kind: ClassVar[str]

    @abc.abstractmethod
    def at(self, ctx: Context, period: Period) -> Reading:
        """The reading for *period*, or :class:`Missing` with the reason."""

    @abc.abstractmethod
    def words(self) -> Phrase:
        """What is measured, as a phrase: "average annual growth of GDP, 2021-2025"."""

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        """A function giving :meth:`at` of *ctx* for any period.

        An evaluation asks for one per target and calls it for every period judged, so
        that what does not change from one period to the next (the series of figures,
        the scale) is found once. This default calls :meth:`at`; a kind may return a
        faster function with the same answers (the built-in ones do).
        """
        return functools.partial(self.at, ctx)

    def yields(self, plan: Plan) -> Yields:
        """What the readings are: numbers (the default), ratings or yes/no."""
        return "number"

    def unit(self, plan: Plan) -> Unit:
        """The unit of the readings; by default that of the one metric read, else a count."""
        ids = self.metric_ids()
        if len(ids) == 1 and plan.has_metric(ids[0]):
            return Unit.of_metric(plan.metric(ids[0]).unit)
        return COUNT_UNIT

    def better(self, plan: Plan) -> Better | None:
        """Which way is better, when the measure inherits it from its metric."""
        return None

    def computes(self) -> bool:
        """Whether the readings are computed from the figures (a ratio, a change, a
        total), rather than figures as reported: reports show a computed reading with at
        most two decimals, ``≈`` when rounded, and a reported figure with every digit it
        was given with."""
        return True

    def falls(self) -> bool:
        """Whether a negative reading is a fall from an earlier figure of the same thing
        (a change since a baseline or from the previous period), so that a condition
        can say "cut by at least 75%" rather than "at most -75%"."""
        return False

    def span(self) -> tuple[int, int] | None:
        """The years a measure over a span covers; ``None`` for per-period measures."""
        return None

    def scale(self, plan: Plan) -> RatingScale | None:
        """The scale of the rated metric read, for measures over ratings."""
        for metric_id in self.metric_ids():
            if plan.has_metric(metric_id):
                scale = plan.metric(metric_id).scale
                if scale is not None and plan.has_scale(scale):
                    return plan.scale(scale)
        return None

    def metric_ids(self) -> tuple[str, ...]:
        """Every metric read, in the order the fields name them, without repeats."""
        try:
            return _metric_ids_of(self)
        except TypeError:  # a kind defined outside planmodel that is not hashable
            return tuple(dict.fromkeys(_metric_ids(self)))

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        """Periods at which every metric read has a figure, earliest first."""
        ids = self.metric_ids()
        if len(ids) == 1:
            return ctx.periods(ids[0])
        # Compared as moments, so that one metric's 2023 meets another's 2023-12-31.
        end = ctx.calendar.end
        common = {end(period): period for period in ctx.periods(ids[0])}
        for other in ids[1:]:
            moments = {end(period) for period in ctx.periods(other)}
            common = {moment: p for moment, p in common.items() if moment in moments}
        return tuple(sorted(common.values(), key=period_sort_key))

    def problems(self, plan: Plan, path: str) -> list[Problem]:
        """Dangling or misused references, then the kind's own checks, under *path*."""
        found = reference_problems(self, plan, path)
        if not found:
            found = [Problem(path_join(path, key), message) for key, message in self.check(plan)]
        return found

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        """A kind's own checks against the plan, as ``(field, message)`` pairs."""
        return []

    def describe(self, plan: Plan, lang: str) -> str:
        """What is measured, in *lang*."""
        return say(self.words(), lang, plan)


MEASURES: Registry[Measure] = Registry("measure", Measure)
"""Every kind of measure, by its tag."""

#: What a measure is of: a metric id, or another measure of numbers.
Subject = Union[str, Measure]


def _check_subject(_instance: object, attribute: Any, value: Any) -> None:
    if isinstance(value, Measure):
        return
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected a metric id or a measure, got {value!r}")
    identifier.check(attribute.name, value)


def subject_ref() -> dict[str, Any]:
    """The ``attrs.field`` arguments of a field holding what a measure is of: a metric id,
    or another measure of numbers: ``metric: Subject = field(**subject_ref())``."""
    return {"validator": _check_subject, "metadata": role_metadata(Role("subject"))}


def missing_once(
    ctx: Context, metric: str, key: str = "reason.no_figure"
) -> Callable[[Period], Missing]:
    """``ctx.missing(metric, period, key)``, made once per period: a reader that misses
    the same figure again says so with the same object."""
    return functools.partial(_missing, ctx, metric, key, {})


def _missing(
    ctx: Context, metric: str, key: str, said: dict[Period, Missing], period: Period
) -> Missing:
    found = said.get(period)
    if found is None:
        found = said[period] = ctx.missing(metric, period, key)
    return found


def number_reader(ctx: Context, metric: str) -> Callable[[Period], Decimal | Missing]:
    """``ctx.number(metric, period)`` as a function of the period, the series found once."""
    get = ctx.series(metric).get
    missing = missing_once(ctx, metric)

    def number(period: Period) -> Decimal | Missing:
        found = get(period if type(period) is int else moment(period))
        if found is not None:
            value = found.value
            if isinstance(value, Decimal):
                return value
        return missing(period)

    return number


def subject_reader(ctx: Context, subject: Subject) -> Callable[[Period], Decimal | Missing]:
    """:func:`read` of *subject* as a function of the period."""
    if isinstance(subject, str):
        return number_reader(ctx, subject)
    at = subject.reader(ctx)
    words = subject.words

    def number(period: Period) -> Decimal | Missing:
        found = at(period)
        if isinstance(found, (Decimal, Missing)):
            return found
        return Missing(Phrase("reason.not_a_number", what=words()))

    return number


def read(ctx: Context, subject: Subject, period: Period) -> Decimal | Missing:
    """The number *subject* has for *period*: a metric's figure, or a measure's reading."""
    if isinstance(subject, str):
        return ctx.number(subject, period)
    found = subject.at(ctx, period)
    if isinstance(found, (Decimal, Missing)):
        return found
    return Missing(Phrase("reason.not_a_number", what=subject.words()))


def subject_words(subject: Subject) -> Any:
    """What to say for *subject*: the metric's name, or the measure's words."""
    return MetricName(subject) if isinstance(subject, str) else subject.words()


def subject_unit(subject: Subject, plan: Plan) -> Unit:
    if isinstance(subject, str):
        return Unit.of_metric(plan.metric(subject).unit)
    return subject.unit(plan)


def subject_better(subject: Subject, plan: Plan) -> Better | None:
    if isinstance(subject, str):
        return plan.metric(subject).better
    return subject.better(plan)


# -- what the fields say --------------------------------------------------------------


def _fields(item: Any) -> Iterator[tuple[attrs.Attribute[Any], Any]]:
    for field in attrs.fields(type(item)):
        yield field, getattr(item, field.name)


@functools.lru_cache(maxsize=4096)
def _metric_ids_of(measure: Measure) -> tuple[str, ...]:
    # A measure is a frozen value: what it reads never changes, and equal measures read
    # the same metrics. Walking its fields each time a period is judged would cost more
    # than hashing it.
    return tuple(dict.fromkeys(_metric_ids(measure)))


def _metric_ids(item: object) -> Iterator[str]:
    for field, value in _fields(item):
        role = role_of(field)
        if role is not None and role.refers_to in ("metric", "subject") and isinstance(value, str):
            yield value
        elif isinstance(value, Measure):
            yield from value.metric_ids()
        elif attrs.has(type(value)):
            yield from _metric_ids(value)
        elif isinstance(value, tuple):
            for element in value:
                if isinstance(element, Measure):
                    yield from element.metric_ids()


def _holds_problem(plan: Plan, metric_id: str, holds: str) -> str | None:
    metric = plan.metric(metric_id)
    if holds in ("any", metric.holds):
        return None
    if metric.holds == "rating":
        return f"metric {metric_id!r} is rated, not a number"
    if holds == "rating":
        return f"metric {metric_id!r} has no rating scale"
    if holds == "flag":
        return f"metric {metric_id!r} is not yes/no"
    return f"metric {metric_id!r} is yes/no, not a number"


@functools.cache
def _roles(cls: type) -> tuple[tuple[str, str, Role | None], ...]:
    """Each field of *cls*: its name, its key in a file, and the role it declares."""
    return tuple(
        (field.name, field.alias or field.name, role_of(field)) for field in attrs.fields(cls)
    )


def reference_problems(item: object, plan: Plan, path: str) -> list[Problem]:
    """The references *item*'s fields make, checked against *plan*: metrics that do not
    exist or hold the wrong kind of figure, levels not on the scale, subjects that are
    not numbers. Nested measures and references are checked under their own paths."""
    found: list[Problem] = []
    kind: type = type(item)
    for name, key, role in _roles(kind):
        value = getattr(item, name)
        if role is not None and isinstance(value, str):
            found += _role_problems(item, plan, (path, key), role, value)
        elif isinstance(value, Measure):
            where = path_join(path, key)
            inner = value.problems(plan, where)
            if not inner and role is not None and value.yields(plan) != "number":
                inner = [Problem(where, f"{value.kind} yields {value.yields(plan)}s, not numbers")]
            found += inner
        elif attrs.has(type(value)):
            found += reference_problems(value, plan, path_join(path, key))
    return found


def _role_problems(
    item: Any, plan: Plan, where: tuple[str, str], role: Role, value: str
) -> list[Problem]:
    # The path (*where*: the item's, and the field's key) is written only for a
    # problem: most references are sound.
    path, key = where
    if role.refers_to == "dimension":
        metrics = [plan.metric(m) for m in _metric_ids(item) if plan.has_metric(m)]
        if any(metric.dimension(value) is not None for metric in metrics):
            return []
        return [
            Problem(
                path_join(path, key), f"no metric this measure reads has the dimension {value!r}"
            )
        ]
    if role.refers_to in ("metric", "subject"):
        if not plan.has_metric(value):
            return [Problem(path_join(path, key), f"unknown metric {value!r}")]
        message = _holds_problem(
            plan, value, "number" if role.refers_to == "subject" else role.holds
        )
        return [Problem(path_join(path, key), message)] if message else []
    rated = getattr(item, role.of, None)
    if not isinstance(rated, str) or not plan.has_metric(rated):
        return []  # the metric's own problem is reported where it is named
    scale_id = plan.metric(rated).scale
    if scale_id is None or not plan.has_scale(scale_id):
        return []
    scale = plan.scale(scale_id)
    if value in scale.level_ids:
        return []
    return [
        Problem(
            path_join(path, key),
            f"unknown level {value!r} of scale {scale.id}; expected one of "
            f"{', '.join(scale.level_ids)}",
        )
    ]
