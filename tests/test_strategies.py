"""The Hypothesis strategies: valid plans, fitting observations, and every kind covered."""

from __future__ import annotations

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


def kinds_seen_in(count: int) -> set[tuple[str, str]]:
    """The kinds used by the first *count* plans of a fixed, derandomized run."""
    seen: set[tuple[str, str]] = set()

    # A fixed number of examples, generated from a fixed seed (derandomize) with no
    # example database and no shrinking: the same plans on every run, whatever the
    # profile, so the test cannot flake. Every kind has been seen within the first
    # fifty plans; 150 leave a margin should the strategy's draws shift. Whole
    # plans are slow to generate, so the deadline is off: this is not a timing test.
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
        seen.update(kinds_in(plan))

    collect()
    return seen


def test_every_kind_appears_over_a_batch_of_plans() -> None:
    assert kinds_seen_in(150) == EVERY_KIND


def test_every_kind_is_known_to_the_check() -> None:
    # The expected set grows with the kinds the library defines, so a new kind that the
    # strategies never generate makes the batch test fail.
    families = (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS)
    assert len(EVERY_KIND) == sum(len(registry) for registry in families)
