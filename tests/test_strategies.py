"""The Hypothesis strategies: valid plans, fitting observations, and every kind covered."""

from __future__ import annotations

import functools
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from helpers import whole_plans
from planmodel import Condition, Measure, Observations, Plan, Quantifier, Reference, Schedule, Text
from planmodel.conditions import CONDITIONS
from planmodel.measures import MEASURES, REFERENCES
from planmodel.quantifiers import QUANTIFIERS
from planmodel.schedules import SCHEDULES
from planmodel.strategies import decimals, observations_for, plans, texts


def kinds_in(plan: Plan) -> set[tuple[str, str]]:
    """Every (family, kind) a plan uses, in every version of every target and nested in
    measures: measures, references, conditions, schedules and quantifiers."""
    found: set[tuple[str, str]] = set()

    def walk(item: Any) -> None:
        families = (
            ("measure", Measure),
            ("reference", Reference),
            ("condition", Condition),
            ("schedule", Schedule),
            ("quantifier", Quantifier),
        )
        for family, base in families:
            if isinstance(item, base):
                found.add((family, item.kind))
        if attrs.has(type(item)):
            for field in attrs.fields(type(item)):
                walk(getattr(item, field.name))
        elif isinstance(item, tuple):
            for element in item:
                walk(element)

    for target in plan.targets:
        walk(target)
    return found


EVERY_KIND = {
    (family, cls.kind)
    for family, registry in (
        ("measure", MEASURES),
        ("condition", CONDITIONS),
        ("schedule", SCHEDULES),
        ("reference", REFERENCES),
        ("quantifier", QUANTIFIERS),
    )
    for cls in registry.types()
}


@whole_plans
@given(plans())
def test_generated_plans_are_valid(plan: Plan) -> None:
    # Building the plan validated it; building it again from its fields must agree.
    assert attrs.evolve(plan) == plan
    assert plan.source_language == "vi"
    ids = [item.id for group in (plan.metrics, plan.scales, plan.targets) for item in group]
    assert len(ids) == len(set(ids))
    assert kinds_in(plan) <= EVERY_KIND


@whole_plans
@given(st.data())
def test_generated_observations_fit_their_plan(data: st.DataObject) -> None:
    plan = data.draw(plans(max_targets=3))
    assert 1 <= len(plan.targets) <= 3
    items = data.draw(observations_for(plan))
    index = Observations(items)
    assert index.problems_for(plan) == []
    assert {item.metric for item in items} <= {metric.id for metric in plan.metrics}


@given(texts())
def test_generated_texts_are_vietnamese_with_an_english_translation(text: Text) -> None:
    assert text.languages == ("en", "vi")
    assert text["vi"].strip()
    assert text["en"].strip()


@given(st.data())
def test_generated_decimals_stay_within_their_bounds_and_places(data: st.DataObject) -> None:
    low = data.draw(st.integers(-1000, 0))
    high = data.draw(st.integers(0, 1000))
    places = data.draw(st.integers(0, 4))
    number = data.draw(decimals(low, high, places))
    assert low <= number <= high
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    assert exponent >= -places


@functools.cache
def first_plans(count: int) -> tuple[Plan, ...]:
    """The first *count* plans of a fixed, derandomized run."""
    found: list[Plan] = []

    # A fixed number of examples, generated from a fixed seed (derandomize) with no
    # example database and no shrinking: the same plans on every run, whatever the
    # profile, so the tests cannot flake. Whole plans are slow to generate, so the
    # deadline is off: this is not a timing test.
    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(plans())
    def collect(plan: Plan) -> None:
        found.append(plan)

    collect()
    return tuple(found)


def kinds_seen_in(count: int) -> set[tuple[str, str]]:
    """The kinds used by the first *count* plans of a fixed run. Every kind has been seen
    within the first fifty plans; 150 leave a margin should the strategy's draws shift."""
    return {kind for plan in first_plans(count) for kind in kinds_in(plan)}


def test_every_kind_appears_over_a_batch_of_plans() -> None:
    assert kinds_seen_in(150) == EVERY_KIND


def test_every_kind_is_known_to_the_check() -> None:
    # The expected set grows with the kinds the library defines, so a new kind that the
    # strategies never generate makes the batch test fail.
    families = (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS)
    assert len(EVERY_KIND) == sum(len(registry) for registry in families)


def provenance_of(plan: Plan) -> set[str]:
    """What *plan* states of its provenance, leaves out or states in part."""
    seen = {
        f"{name} {'given' if getattr(plan, name) is not None else 'left out'}"
        for name in ("jurisdiction", "adopted", "adopted_by", "source")
    }
    dates = [plan.adopted]
    if plan.source is not None:
        dates.append(plan.source.published)
        seen.add(f"source {'with' if plan.source.url is not None else 'without'} a web address")
        seen.add(f"source {'dated' if plan.source.published is not None else 'undated'}")
    seen.update(f"a date to the {date.precision}" for date in dates if date is not None)
    if not plan.objective:
        seen.add("no objective")
    for metric in plan.metrics:
        if metric.name is None:
            seen.add("metric without a name")
        elif plan.source_language not in metric.name:
            seen.add("metric named in another language")
        if metric.unit is None:
            seen.add("metric without a unit")
    return seen


def test_plans_come_with_and_without_provenance_and_with_partial_dates() -> None:
    # All of it is seen within the first forty plans of the run the kinds are checked on.
    assert set().union(*map(provenance_of, first_plans(150))) == {
        *(
            f"{name} {state}"
            for name in ("jurisdiction", "adopted", "adopted_by", "source")
            for state in ("given", "left out")
        ),
        *(f"a date to the {precision}" for precision in ("year", "month", "day")),
        *(f"source {state}" for state in ("with a web address", "without a web address")),
        "source dated",
        "source undated",
        "no objective",
        "metric without a name",
        "metric named in another language",
        "metric without a unit",
    }
