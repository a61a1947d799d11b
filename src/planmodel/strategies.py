"""Hypothesis strategies that generate whole valid plans and fitting observations.

Use them to property-test your own tools against any plan planmodel accepts::

    from hypothesis import given
    from planmodel.strategies import plans

    @given(plans())
    def test_my_exporter_handles_every_plan(plan):
        assert my_exporter(plan)

Install with ``pip install planmodel[hypothesis]``; this is the only module that
imports Hypothesis. Plans come with and without their provenance (jurisdiction,
adoption, source), with dates known to the year, the month or the day, and with
metrics named in any language or not at all. Across many examples, every registered
kind of measure, condition, schedule, reference and quantifier appears, a kind
registered from outside planmodel included: its fields are drawn from what they declare
(:func:`~planmodel.kinds.metric_ref`, :func:`~planmodel.kinds.level_ref`,
constraints, types). A kind whose fields depend on each other in ways the
declarations do not say can bring its own strategy with :func:`register_strategy`.
"""

from __future__ import annotations

import datetime as dt
import functools
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Literal, Optional, Union

import attrs

try:
    from hypothesis import reject
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:  # pragma: no cover - exercised in a subprocess
    raise ModuleNotFoundError(
        "planmodel.strategies draws plans with Hypothesis, which is not installed: "
        'pip install "planmodel[hypothesis]"',
        name=missing.name,
    ) from missing

from .conditions import CONDITIONS, AllOf, AtLeast, AtMost, Between, Condition, Part, Tolerance
from .constraints import constraints_of, identifier
from .dates import PartialDate
from .errors import PlanModelError
from .kinds import Registry, role_of
from .measures import (
    MEASURES,
    REFERENCES,
    Average,
    Growth,
    Measure,
    Reference,
    Subject,
    Total,
    Value,
)
from .metrics import Dimension, Level, Metric, RatingScale
from .observations import Breakdown, Distribution, Observation, Rated
from .periods import Calendar, Month, Period, Quarter, period_sort_key
from .plan import Breakthrough, Direction, Plan, Source, Term
from .quantifiers import QUANTIFIERS, AtLeastMembers, Every, Quantifier, ShareOfMembers
from .schedules import (
    SCHEDULES,
    ByDeadline,
    EveryMonth,
    EveryQuarter,
    EveryYear,
    Milestone,
    Schedule,
)
from .targets import Revision, Target
from .text import Text
from .units import YES_NO

__all__ = [
    "decimals",
    "observations_for",
    "partial_dates",
    "plans",
    "register_strategy",
    "texts",
]

_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
)

#: The dimension every generated plan's broken-down metric has, and its members.
DIMENSION = "area"
MEMBERS = ("urban", "rural")


def decimals(low: int = -1000, high: int = 1000, places: int = 3) -> st.SearchStrategy[Decimal]:
    """Finite decimals between *low* and *high* with up to *places* decimal places."""
    return st.integers(0, places).flatmap(
        lambda p: st.decimals(
            min_value=low, max_value=high, places=p, allow_nan=False, allow_infinity=False
        )
    )


# Strategies are built once: building them again on every draw costs more than drawing.
@functools.cache
def _words() -> st.SearchStrategy[str]:
    word = st.text(_LETTERS + _LETTERS.upper(), min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


@functools.cache
def texts() -> st.SearchStrategy[Text]:
    """Text in Vietnamese (the source language) and English, with diacritics."""
    return st.builds(lambda vi, en: Text(vi=vi, en=en), _words(), _words())


@functools.cache
def _encoders_words() -> st.SearchStrategy[Text]:
    # Names and labels the encoder gives may lack the source language: English only.
    return texts() | _words().map(lambda en: Text(en=en))


@functools.cache
def partial_dates(first: int = 1990, last: int = 2100) -> st.SearchStrategy[PartialDate]:
    """Dates between the years *first* and *last*, known to the year, the month or the day."""
    return st.builds(
        lambda day, precision: PartialDate(
            day.year,
            day.month if precision > 0 else None,
            day.day if precision > 1 else None,
        ),
        st.dates(dt.date(first, 1, 1), dt.date(last, 12, 31)),
        st.integers(0, 2),
    )


# -- the plan being drawn -----------------------------------------------------------------


class Catalogue:
    """What a plan being drawn offers its targets: metrics of each kind, the scale, the
    term, and the plan so far (metrics and scales, no targets) to check pieces against."""

    def __init__(self, skeleton: Plan) -> None:
        self.plan = skeleton
        self.term = skeleton.term
        self.numbers = [m for m in skeleton.metrics if m.holds == "number"]
        self.rated = [m for m in skeleton.metrics if m.holds == "rating"]
        self.flags = [m for m in skeleton.metrics if m.holds == "flag"]
        self.scale = skeleton.scales[0]

    def metrics(self, holds: str) -> list[Metric]:
        if holds == "rating":
            return self.rated
        if holds == "flag":
            return self.flags
        if holds == "any":
            return self.numbers + self.flags
        return self.numbers

    def years(self) -> st.SearchStrategy[int]:
        return st.integers(self.term.first, self.term.last)


#: Strategies of kinds whose fields depend on each other: ``kind class → (catalogue → strategy)``.
_OWN: dict[type, Callable[[Catalogue], st.SearchStrategy[Any]]] = {}


def register_strategy(cls: type, build: Callable[[Catalogue], st.SearchStrategy[Any]]) -> None:
    """Draw *cls* (a registered kind) with *build*, instead of from its declared fields.

    *build* is given the :class:`Catalogue` of the plan being drawn.
    """
    _OWN[cls] = build


def _pick(draw: st.DrawFn, items: Sequence[Any]) -> Any:
    # Hypothesis caches sampled_from of a tuple of hashable items: building the strategy
    # anew on every draw would validate it on every draw.
    return draw(st.sampled_from(tuple(items)))


def _reject() -> Any:
    reject()


def _draw_field(
    draw: st.DrawFn,
    cat: Catalogue,
    item: attrs.Attribute[Any],
    kind: Any,
    depth: int,
    *,
    broken_down: bool = False,
) -> Any:
    """A value for one field, from its role, its constraints or its type; with
    *broken_down*, metrics are drawn among those broken down by ``DIMENSION``."""
    role = role_of(item)
    if role is not None and role.refers_to == "metric":
        metrics = cat.metrics(role.holds)
        if broken_down:
            metrics = [m for m in metrics if m.dimension(DIMENSION) is not None] or metrics
        return _pick(draw, metrics).id
    if role is not None and role.refers_to == "level":
        return _pick(draw, cat.scale.level_ids)
    if role is not None and role.refers_to == "dimension":
        return DIMENSION
    if kind == Subject or (role is not None and role.refers_to == "subject"):
        if depth >= 1 or draw(st.integers(0, 2)):
            return _pick(draw, cat.numbers).id
        return _draw_measure(draw, cat, depth + 1, "number")
    found = constraints_of(item.validator)
    enums = [c.schema["enum"] for c in found if "enum" in c.schema]
    if enums:
        return _pick(draw, enums[0])
    if identifier in found:
        return draw(_identifiers())
    return _draw_type(draw, cat, kind, depth)


def _draw_type(draw: st.DrawFn, cat: Catalogue, kind: Any, depth: int) -> Any:
    if kind == Period or kind is int:
        return draw(st.integers(cat.term.first, cat.term.last))
    if kind is dt.date:
        return draw(st.dates(dt.date(cat.term.first, 1, 1), dt.date(cat.term.last, 12, 31)))
    origin = typing.get_origin(kind)
    if origin is Union:
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(options) < len(typing.get_args(kind)) and draw(st.booleans()):
            return None
        return _draw_type(draw, cat, _pick(draw, options), depth)
    if origin is Literal:
        return _pick(draw, typing.get_args(kind))
    if kind is Measure:
        if depth >= 2:
            return Value(_pick(draw, cat.numbers).id)
        return _draw_measure(draw, cat, depth + 1, "any")
    if kind is Reference:
        return _draw_kind(draw, cat, REFERENCES, depth)
    if kind is Breakdown:
        return Breakdown({DIMENSION: _pick(draw, MEMBERS)})
    if kind is Tolerance:
        return draw(_tolerances())
    if kind is Decimal:
        return draw(_bounds())
    if kind is bool:
        return draw(st.booleans())
    if kind is str:
        return draw(_words())
    if kind is Text:
        return draw(texts())
    raise TypeError(f"no strategy for a field of type {kind!r}; use register_strategy")


@functools.cache
def _identifiers() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)


@functools.cache
def _bounds() -> st.SearchStrategy[Decimal]:
    return decimals(-200, 200, 2)


@functools.cache
def _tolerances() -> st.SearchStrategy[Tolerance]:
    return st.builds(Tolerance, decimals(0, 10, 2).filter(lambda d: d > 0), st.booleans())


def _build(draw: st.DrawFn, cat: Catalogue, cls: type, depth: int) -> Any:
    """An instance of *cls* from its declared fields, or a rejection if they clash."""
    hints = typing.get_type_hints(cls)
    fields = [item for item in attrs.fields(cls) if item.init]
    # A kind reading one member of a dimension needs a metric broken down by it.
    broken_down = any(
        (role := role_of(item)) is not None and role.refers_to == "dimension" for item in fields
    )
    values = {}
    for item in fields:
        if item.default is not attrs.NOTHING and draw(st.booleans()):
            continue
        values[item.alias or item.name] = _draw_field(
            draw, cat, item, hints[item.name], depth, broken_down=broken_down
        )
    try:
        return cls(**values)
    except (TypeError, ValueError):
        return _reject()


def _draw_one(draw: st.DrawFn, cat: Catalogue, cls: type, depth: int) -> Any:
    own = _OWN.get(cls)
    return draw(own(cat)) if own is not None else _build(draw, cat, cls, depth)


def _draw_kind(draw: st.DrawFn, cat: Catalogue, registry: Registry[Any], depth: int) -> Any:
    return _draw_one(draw, cat, _pick(draw, registry.types()), depth)


def _draw_measure(draw: st.DrawFn, cat: Catalogue, depth: int, yields: str) -> Measure:
    """A measure of one period's figures that fits the plan (and yields *yields*)."""
    for _ in range(20):
        found: Measure = _draw_kind(draw, cat, MEASURES, depth)
        if found.span() is not None or found.problems(cat.plan, "$"):
            continue
        if yields != "any" and found.yields(cat.plan) != yields:
            continue
        return found
    return _reject()  # type: ignore[no-any-return]


def _draw_span_measure(draw: st.DrawFn, cat: Catalogue) -> Measure:
    for _ in range(20):
        found: Measure = _draw_kind(draw, cat, MEASURES, 0)
        if found.span() is not None and not found.problems(cat.plan, "$"):
            return found
    return _reject()  # type: ignore[no-any-return]


def _draw_condition(draw: st.DrawFn, cat: Catalogue, measure: Measure) -> Condition:
    """A condition (not an ``all of``) that fits *measure*."""
    yields = measure.yields(cat.plan)
    kinds = [cls for cls in CONDITIONS.types() if cls.accepts == yields]
    for _ in range(20):
        found: Condition = _draw_one(draw, cat, _pick(draw, kinds), 0)
        if not found.problems(cat.plan, measure, "$"):
            return found
    return _reject()  # type: ignore[no-any-return]


# -- built-in kinds whose fields depend on each other -------------------------------------


def _ordered_years(cat: Catalogue, before: int = 0) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(cat.term.first - before, cat.term.last), cat.years()).filter(
        lambda pair: pair[0] < pair[1]
    )


def _span(cls: type, growth: bool) -> Callable[[Catalogue], st.SearchStrategy[Any]]:
    def build(cat: Catalogue) -> st.SearchStrategy[Any]:
        subject = st.sampled_from(cat.numbers).map(lambda m: m.id)
        years = _ordered_years(cat, before=2)
        if not growth:
            return st.builds(lambda s, y: cls(s, *y), subject, years)
        return st.builds(
            lambda s, y, method, form: cls(s, *y, method, form),
            subject,
            years,
            st.sampled_from(["compound", "arithmetic"]),
            st.sampled_from(["relative", "difference", "index"]),
        )

    return build


def _between(cat: Catalogue) -> st.SearchStrategy[Any]:
    bound = decimals(-200, 200, 2)
    return (
        st.tuples(
            bound,
            bound,
            st.sampled_from([None, "higher", "lower"]),
            st.booleans(),
            st.booleans(),
            st.one_of(st.none(), _tolerances()),
        )
        .filter(lambda t: t[0] != t[1] or not (t[3] or t[4]))
        .map(lambda t: Between(min(t[0], t[1]), max(t[0], t[1]), t[2], t[3], t[4], tolerance=t[5]))
    )


def _one_sided(cls: type, above: bool) -> Callable[[Catalogue], st.SearchStrategy[Any]]:
    def build(cat: Catalogue) -> st.SearchStrategy[Any]:
        bound = decimals(-200, 200, 2)
        tolerance = st.one_of(st.none(), _tolerances())
        warning = st.one_of(st.none(), decimals(1, 50, 2))
        return st.builds(
            lambda value, strict, tol, gap: cls(
                value,
                strict,
                tolerance=tol,
                warning=None if gap is None else (value + gap if above else value - gap),
            ),
            bound,
            st.booleans(),
            tolerance,
            warning,
        )

    return build


def _every_period(cls: type, kind: str) -> Callable[[Catalogue], st.SearchStrategy[Any]]:
    def build(cat: Catalogue) -> st.SearchStrategy[Any]:
        if kind == "year":
            return _ordered_years(cat).map(lambda y: cls(*y)) | cat.years().map(lambda y: cls(y, y))
        count = 4 if kind == "quarter" else 12
        make = Quarter if kind == "quarter" else Month
        index = st.integers(cat.term.first * count, cat.term.last * count + count - 1)
        return st.tuples(index, index).map(
            lambda t: cls(
                make(min(t) // count, min(t) % count + 1), make(max(t) // count, max(t) % count + 1)
            )
        )

    return build


@st.composite
def _deadline(draw: st.DrawFn, cat: Catalogue) -> ByDeadline:
    last = draw(cat.years())
    deadline = dt.date(last, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    baseline: Period | None = draw(
        st.one_of(
            st.none(),
            st.integers(cat.term.first - 3, last - 1),
            st.dates(dt.date(cat.term.first - 3, 1, 1), deadline - dt.timedelta(days=1)),
        )
    )
    calendar = Calendar()
    if baseline is not None and calendar.end(baseline) >= deadline:
        baseline = None
    milestones: list[Milestone] = []
    start = calendar.end(baseline).year + 1 if baseline is not None else deadline.year
    if baseline is not None and start < deadline.year and draw(st.booleans()):
        years = sorted(draw(st.sets(st.integers(start, deadline.year - 1), max_size=2)))
        milestones = [Milestone(year, draw(decimals(-200, 200, 2))) for year in years]
    window = draw(st.one_of(st.none(), st.integers(1, 3)))
    return ByDeadline(deadline, baseline, milestones=tuple(milestones), latest_within=window)


register_strategy(EveryYear, _every_period(EveryYear, "year"))
register_strategy(EveryQuarter, _every_period(EveryQuarter, "quarter"))
register_strategy(EveryMonth, _every_period(EveryMonth, "month"))
register_strategy(ByDeadline, _deadline)


def _register_built_ins() -> None:
    register_strategy(Growth, _span(Growth, growth=True))
    register_strategy(Total, _span(Total, growth=False))
    register_strategy(Average, _span(Average, growth=False))
    register_strategy(Between, _between)
    register_strategy(AtLeast, _one_sided(AtLeast, above=True))
    register_strategy(AtMost, _one_sided(AtMost, above=False))
    register_strategy(
        AtLeastMembers,
        lambda cat: st.integers(1, len(MEMBERS)).map(lambda k: AtLeastMembers(DIMENSION, k)),
    )
    register_strategy(
        ShareOfMembers,
        lambda cat: decimals(1, 100, 1).map(lambda p: ShareOfMembers(DIMENSION, p)),
    )
    register_strategy(Every, lambda cat: st.just(Every(DIMENSION)))


_register_built_ins()


# -- targets and plans ---------------------------------------------------------------------


def _draw_version(
    draw: st.DrawFn, cat: Catalogue
) -> tuple[Measure | None, Condition, Schedule, Quantifier | None]:
    shape = _pick(draw, ("single", "span", "across", "all_of", "single", "single"))
    per_period = [cls for cls in SCHEDULES.types() if cls.per_period]
    spans = [cls for cls in SCHEDULES.types() if not cls.per_period]
    measure: Measure | None
    across: Quantifier | None = None
    if shape == "span" and cat.term.last > cat.term.first and spans:
        measure = _draw_span_measure(draw, cat)
        condition = _draw_condition(draw, cat, measure)
        schedule_kinds = spans
    elif shape == "all_of":
        parts = []
        for _ in range(draw(st.integers(2, 3))):
            one = _draw_measure(draw, cat, 0, "any")
            parts.append(Part(one, _draw_condition(draw, cat, one)))
        measure, condition, schedule_kinds = None, AllOf(tuple(parts)), per_period
    elif shape == "across":
        # Judged across the members of the broken-down metric's dimension.
        broken_down = [m for m in cat.numbers if m.dimensions]
        measure = Value(_pick(draw, broken_down).id)
        condition = _draw_condition(draw, cat, measure)
        schedule_kinds = per_period
        found = _draw_kind(draw, cat, QUANTIFIERS, 0)
        across = found if _within_members(found) else None
    else:
        yields = _pick(draw, ("number", "number", "rating", "flag"))
        # Only a metric's own value yields yes/no; drawing among every kind for one
        # would mostly miss.
        measure = (
            Value(_pick(draw, cat.flags).id)
            if yields == "flag"
            else _draw_measure(draw, cat, 0, yields)
        )
        condition = _draw_condition(draw, cat, measure)
        schedule_kinds = per_period
    for _ in range(20):
        schedule: Schedule = _draw_one(draw, cat, _pick(draw, schedule_kinds), 0)
        if not schedule.problems(cat.plan, measure, condition, "$"):
            return measure, condition, schedule, across
    return _reject()  # type: ignore[no-any-return]


def _within_members(quantifier: Quantifier) -> bool:
    return getattr(quantifier, "count", 1) <= len(MEMBERS) and quantifier.dimension == DIMENSION


def _draw_target(
    draw: st.DrawFn, cat: Catalogue, index: int, earlier: list[str], directions: list[str]
) -> Target:
    measure, condition, schedule, across = _draw_version(draw, cat)
    revisions = []
    if draw(st.integers(0, 5)) == 0:
        old_measure, old_condition, old_schedule, old_across = _draw_version(draw, cat)
        revisions.append(
            Revision(
                replaced=dt.date(draw(cat.years()), draw(st.integers(1, 12)), 1),
                reason=draw(st.one_of(st.none(), texts())),
                text=draw(st.one_of(st.none(), texts())),
                measure=old_measure,
                condition=old_condition,
                schedule=old_schedule,
                across=old_across,
            )
        )
    serves = (
        draw(st.lists(st.sampled_from(tuple(directions)), unique=True, max_size=2))
        if directions
        else []
    )
    return Target(
        id=f"t{index + 1}",
        text=draw(texts()),
        measure=measure,
        condition=condition,
        schedule=schedule,
        directions=tuple(serves),
        notes=draw(st.one_of(st.none(), texts())),
        part_of=_pick(draw, [None, *earlier]) if earlier else None,
        across=across,
        commitment=_pick(draw, (None, "binding", "expected", "indicative")),
        attributes=draw(_attributes()),
        revisions=tuple(revisions),
    )


@functools.cache
def _attributes() -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(["programme", "agency"]), _words(), max_size=2)


@st.composite
def plans(draw: st.DrawFn, max_targets: int = 6) -> Plan:
    """Whole valid plans: metrics (numbers, ratings, yes/no, one broken down by area), a
    rating scale, directions, breakthroughs, and targets of every registered kind."""
    first = draw(st.integers(1990, 2100))
    # Drawing shrinks towards the first choice: a five-year term leaves room for spans.
    term = Term(first, first + _pick(draw, (4, 0, 1, 2, 5, 8)))
    numbers = [
        Metric(
            f"m{i}",
            draw(st.one_of(_encoders_words(), st.none())),
            draw(st.sampled_from(["percent", "count", "households", "billion VND", None])),
            draw(st.sampled_from([None, "higher", "lower"])),
            dimensions=(Dimension(DIMENSION, draw(st.one_of(st.none(), texts())), MEMBERS),)
            if i == 0
            else (),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    levels = tuple(Level(f"l{i}", draw(_encoders_words())) for i in range(draw(st.integers(2, 4))))
    scale = RatingScale("grade", draw(_encoders_words()), levels)
    rated = Metric("rated", draw(texts()), "units", None, scale.id)
    milestone = Metric("reached", draw(texts()), YES_NO)
    directions = [Direction(f"d{i + 1}", draw(texts())) for i in range(draw(st.integers(0, 3)))]
    breakthroughs = [
        Breakthrough(f"b{i + 1}", draw(texts())) for i in range(draw(st.integers(0, 2)))
    ]
    # Provenance is drawn whole or in part: what a plan leaves out, it does not know.
    known = st.booleans()
    year = partial_dates(term.first, term.first)
    source = Source(
        title=draw(texts()),
        url="https://example.org/plan" if draw(known) else None,
        published=draw(year) if draw(known) else None,
        publisher=draw(st.one_of(st.none(), texts())),
    )
    front: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True)),
        "title": draw(texts()),
        "jurisdiction": draw(texts()) if draw(known) else None,
        "term": term,
        "adopted": draw(year) if draw(known) else None,
        "adopted_by": draw(st.one_of(st.none(), texts())),
        "source": source if draw(known) else None,
        "source_language": "vi",
        "fiscal_year_start": draw(st.sampled_from([None, None, None, 4, 7])),
        "objective": tuple(draw(st.lists(texts(), max_size=2))),
        "directions": tuple(directions),
        "breakthroughs": tuple(breakthroughs),
        "metrics": (*numbers, rated, milestone),
        "scales": (scale,),
    }
    cat = Catalogue(Plan(**front))
    ids = [d.id for d in directions]
    targets: list[Target] = []
    for index in range(draw(st.integers(1, max_targets))):
        targets.append(_draw_target(draw, cat, index, [t.id for t in targets], ids))
    try:
        return Plan(**front, targets=tuple(targets))
    except PlanModelError:
        return _reject()  # type: ignore[no-any-return]


# -- observations --------------------------------------------------------------------------


def _periods_of_interest(plan: Plan) -> list[Period]:
    """Every year of the term (and a few before it), every baseline and milestone the
    plan names, and the quarters and months its schedules judge."""
    calendar = plan.calendar
    found: list[Period] = [calendar.year(y) for y in range(plan.term.first - 3, plan.term.last + 1)]
    for target in plan.targets:
        for version in target.versions():
            schedule = version.schedule
            if isinstance(schedule, ByDeadline):
                if schedule.baseline is not None:
                    found.append(schedule.baseline)
                found += [m.period for m in schedule.milestones]
            if isinstance(schedule, (EveryQuarter, EveryMonth)):
                found += [schedule.first, schedule.last]
            for measure in version.condition.measures(version.measure):
                found += _baselines(measure)
    # A day that is a year's last day is the same moment as the year: keep the year only.
    unique = {p for p in found if not (isinstance(p, dt.date) and (p.month, p.day) == (12, 31))}
    return sorted(unique, key=period_sort_key)


def _baselines(item: Any) -> list[Period]:
    found: list[Period] = []
    for field in attrs.fields(type(item)):
        value = getattr(item, field.name)
        if field.name == "period" and not isinstance(value, (bool, str)) and value is not None:
            found.append(value)
        elif attrs.has(type(value)):
            found += _baselines(value)
    return found


@st.composite
def observations_for(draw: st.DrawFn, plan: Plan, coverage: float = 0.8) -> list[Observation]:
    """Observations that fit *plan*, for most (not all) of its metrics and periods.

    About *coverage* of the possible (metric, member, period) figures are present, so
    that evaluations meet both judged periods and ``no_data``.
    """
    result = []
    for metric in plan.metrics:
        members: list[Optional[str]] = [None]
        for dimension in metric.dimensions:
            members += list(dimension.members)
        for member in members:
            for period in _periods_of_interest(plan):
                if draw(st.floats(0, 1)) > coverage:
                    continue
                value: Any
                if metric.scale is not None:
                    levels = plan.scale(metric.scale).level_ids
                    if draw(st.booleans()):
                        value = Rated(draw(st.sampled_from(levels)))
                    else:
                        counts = draw(
                            st.dictionaries(st.sampled_from(levels), st.integers(0, 60), min_size=1)
                        )
                        value = Distribution(counts)
                elif metric.yes_no:
                    value = draw(st.booleans())
                else:
                    value = draw(decimals(-50, 500, 2))
                breakdown = {metric.dimensions[0].id: member} if member is not None else {}
                result.append(
                    Observation(
                        metric.id,
                        period,
                        value,
                        draw(st.one_of(st.none(), _words())),
                        breakdown=breakdown,
                    )
                )
    return result
