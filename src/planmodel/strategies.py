"""Hypothesis strategies that generate whole valid plans and fitting observations.

Use them to property-test your own tools against any plan planmodel accepts::

    from hypothesis import given
    from planmodel.strategies import plans

    @given(plans())
    def test_my_exporter_handles_every_plan(plan):
        assert my_exporter(plan)

Install with ``pip install planmodel[hypothesis]``; this is the only module that
imports Hypothesis. Across many examples, every kind of measure, condition and
schedule appears.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ._periods import Period, period_end
from .conditions import (
    AllOf,
    AtLeast,
    AtMost,
    Between,
    Condition,
    Exactly,
    Part,
    RatingAtLeast,
)
from .measures import (
    AtBaseline,
    Change,
    CountAt,
    Growth,
    LowestRating,
    Measure,
    OtherMetric,
    PreviousPeriod,
    Ratio,
    ShareAtLeast,
    Total,
    Value,
)
from .metrics import Level, Metric, RatingScale
from .observations import Distribution, Observation, Rated
from .plan import Breakthrough, Direction, Plan, Source, Target, Term
from .schedules import ByDeadline, EveryYear, OverTerm, Schedule
from .text import Text

__all__ = ["decimals", "observations_for", "plans", "texts"]

_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
)


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


def _better() -> st.SearchStrategy[Any]:
    return st.sampled_from([None, "higher", "lower"])


def _numeric_condition(inherited: str | None) -> st.SearchStrategy[Condition]:
    """A numeric condition whose better side agrees with *inherited*, if any."""
    bound = decimals(-200, 200, 2)
    options: list[st.SearchStrategy[Condition]] = []
    if inherited in (None, "higher"):
        options.append(st.builds(AtLeast, bound, st.booleans()))
    if inherited in (None, "lower"):
        options.append(st.builds(AtMost, bound, st.booleans()))
    sides = st.sampled_from([None, inherited]) if inherited else _better()
    options.append(st.builds(Exactly, bound, sides))
    options.append(
        st.tuples(bound, bound, sides, st.booleans(), st.booleans())
        .filter(lambda t: t[0] != t[1] or not (t[3] or t[4]))
        .map(lambda t: Between(min(t[0], t[1]), max(t[0], t[1]), t[2], t[3], t[4]))
    )
    return st.one_of(options)


class _Catalogue:
    """The metrics and scale of a plan being generated, for picking consistent pieces."""

    def __init__(self, numbers: list[Metric], rated: Metric, scale: RatingScale) -> None:
        self.numbers = numbers
        self.rated = rated
        self.scale = scale


@st.composite
def _per_period_part(draw: st.DrawFn, cat: _Catalogue, term: Term) -> tuple[Measure, Condition]:
    """A per-period measure with a condition that fits it."""
    metric = draw(st.sampled_from(cat.numbers)).id
    other = draw(st.sampled_from(cat.numbers)).id
    level = draw(st.sampled_from(cat.scale.level_ids))
    baseline: Period = draw(st.integers(term.first, term.last))
    choice = draw(st.integers(0, 8))
    measure: Measure
    if choice == 0:
        measure = Value(metric)
    elif choice == 1:
        measure = Ratio(metric, other)
    elif choice == 2:
        measure = Change(metric, OtherMetric(other))
    elif choice == 3:
        measure = Change(metric, AtBaseline(baseline))
    elif choice == 4:
        measure = Change(metric, PreviousPeriod())
    elif choice == 5:
        measure = ShareAtLeast(cat.rated.id, level)
    elif choice == 6:
        measure = CountAt(cat.rated.id, level, draw(st.sampled_from(["exactly", "below"])))
    else:
        measure = LowestRating(cat.rated.id)
        return measure, RatingAtLeast(level)
    inherited = next((m.better for m in cat.numbers if m.id == metric), None)
    if not isinstance(measure, Value):
        inherited = None
    return measure, draw(_numeric_condition(inherited))


@st.composite
def _per_period_schedule(draw: st.DrawFn, term: Term) -> Schedule:
    first = draw(st.integers(term.first, term.last))
    last = draw(st.integers(first, term.last))
    if draw(st.booleans()):
        return EveryYear(first, last)
    deadline = dt.date(last, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    baseline: Period | None = draw(
        st.one_of(
            st.none(),
            st.integers(term.first - 3, last - 1),
            st.dates(dt.date(term.first - 3, 1, 1), deadline - dt.timedelta(days=1)),
        )
    )
    if baseline is not None and period_end(baseline) >= deadline:
        baseline = None
    return ByDeadline(deadline, baseline)


@st.composite
def _target(
    draw: st.DrawFn, cat: _Catalogue, term: Term, index: int, directions: list[str]
) -> Target:
    shape = draw(st.sampled_from(["single", "single", "all_of", "span"]))
    measure: Measure | None
    condition: Condition
    schedule: Schedule
    if shape == "span" and term.last > term.first:
        metric = draw(st.sampled_from(cat.numbers))
        first = draw(st.integers(term.first, term.last - 1))
        last = draw(st.integers(first + 1, term.last))
        if draw(st.booleans()):
            method: Any = draw(st.sampled_from(["compound", "arithmetic"]))
            measure, inherited = Growth(metric.id, first, last, method), None
        else:
            measure, inherited = Total(metric.id, first, last), metric.better
        condition = draw(_numeric_condition(inherited))
        schedule = OverTerm()
    elif shape == "all_of":
        parts = draw(st.lists(_per_period_part(cat, term), min_size=2, max_size=3))
        measure, condition = None, AllOf(tuple(Part(m, c) for m, c in parts))
        schedule = draw(_per_period_schedule(term))
    else:
        measure, condition = draw(_per_period_part(cat, term))
        schedule = draw(_per_period_schedule(term))
    serves = (
        draw(st.lists(st.sampled_from(directions), unique=True, max_size=2)) if directions else []
    )
    notes = draw(st.one_of(st.none(), texts()))
    return Target(
        id=f"t{index + 1}",
        text=draw(texts()),
        measure=measure,
        condition=condition,
        schedule=schedule,
        directions=tuple(serves),
        notes=notes,
    )


@st.composite
def plans(draw: st.DrawFn, max_targets: int = 6) -> Plan:
    """Whole valid plans: metrics, a rating scale, directions, breakthroughs and targets."""
    first = draw(st.integers(1990, 2100))
    term = Term(first, first + draw(st.integers(0, 8)))
    numbers = [
        Metric(
            f"m{i}",
            draw(texts()),
            draw(st.sampled_from(["percent", "count", "households", "billion VND"])),
            draw(_better()),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    levels = tuple(Level(f"l{i}", draw(texts())) for i in range(draw(st.integers(2, 4))))
    scale = RatingScale("grade", draw(texts()), levels)
    rated = Metric("rated", draw(texts()), "units", None, scale.id)
    directions = [Direction(f"d{i + 1}", draw(texts())) for i in range(draw(st.integers(0, 3)))]
    breakthroughs = [
        Breakthrough(f"b{i + 1}", draw(texts())) for i in range(draw(st.integers(0, 2)))
    ]
    cat = _Catalogue(numbers, rated, scale)
    ids = [d.id for d in directions]
    targets = [draw(_target(cat, term, i, ids)) for i in range(draw(st.integers(1, max_targets)))]
    published = dt.date(term.first, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    return Plan(
        id=draw(st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True)),
        title=draw(texts()),
        jurisdiction=draw(texts()),
        term=term,
        adopted=published,
        adopted_by=draw(st.one_of(st.none(), texts())),
        source=Source(title=draw(texts()), url="https://example.org/plan", published=published),
        source_language="vi",
        objective=tuple(draw(st.lists(texts(), min_size=1, max_size=2))),
        directions=tuple(directions),
        breakthroughs=tuple(breakthroughs),
        targets=tuple(targets),
        metrics=(*numbers, rated),
        scales=(scale,),
    )


def _periods_of_interest(plan: Plan) -> list[Period]:
    """Every year of the term (and a few before it) and every baseline the plan names."""
    found: list[Period] = list(range(plan.term.first - 3, plan.term.last + 1))
    for target in plan.targets:
        if isinstance(target.schedule, ByDeadline) and target.schedule.baseline is not None:
            found.append(target.schedule.baseline)
        measures = [target.measure] if target.measure is not None else []
        if isinstance(target.condition, AllOf):
            measures += [p.measure for p in target.condition.parts if p.measure is not None]
        for measure in measures:
            if isinstance(measure, Change) and isinstance(measure.reference, AtBaseline):
                found.append(measure.reference.period)
    # A day that is a year's last day is the same moment as the year: keep the year only.
    unique = {p for p in found if isinstance(p, int) or (p.month, p.day) != (12, 31)}
    return sorted(unique, key=lambda p: (period_end(p), isinstance(p, dt.date)))


@st.composite
def observations_for(draw: st.DrawFn, plan: Plan, coverage: float = 0.8) -> list[Observation]:
    """Observations that fit *plan*, for most (not all) of its metrics and periods.

    About *coverage* of the possible (metric, period) figures are present, so that
    evaluations meet both judged periods and ``no_data``.
    """
    result = []
    for metric in plan.metrics:
        for period in _periods_of_interest(plan):
            if draw(st.floats(0, 1)) > coverage:
                continue
            value: Any
            if metric.scale is None:
                value = draw(decimals(-50, 500, 2))
            else:
                levels = plan.scale(metric.scale).level_ids
                if draw(st.booleans()):
                    value = Rated(draw(st.sampled_from(levels)))
                else:
                    counts = draw(
                        st.dictionaries(st.sampled_from(levels), st.integers(0, 60), min_size=1)
                    )
                    value = Distribution(counts)
            result.append(
                Observation(metric.id, period, value, draw(st.one_of(st.none(), _words())))
            )
    return result
