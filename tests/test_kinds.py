"""The open model: registries of kinds, and a kind defined outside planmodel that loads,
dumps, validates, evaluates, appears in the schema and in the strategies.

The kinds registered here are removed after each test (tests/conftest.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs
import pytest
from attrs import field, frozen
from hypothesis import HealthCheck, Phase, given, settings

from helpers import one_wide_target, result_of
from planmodel import (
    Bounded,
    Context,
    Measure,
    Missing,
    Observation,
    Period,
    PlanLoadError,
    PlanValidationError,
    Status,
    Tolerance,
    at_most,
    dumps_plan,
    every_year,
    load_plan,
    register_condition,
    register_measure,
    value,
)
from planmodel.conditions import CONDITIONS
from planmodel.kinds import KindError, Registry, dimension_ref, metric_ref
from planmodel.measures import MEASURES
from planmodel.schema import plan_schema
from planmodel.strategies import plans
from planmodel.units import Unit
from planmodel.words import Amount, DimensionName, MetricName, Phrase, add_messages


def largest_of_members() -> type[Measure]:
    """A measure planmodel does not have: the largest figure of a metric across the
    members of a dimension ("no ward above 2 hotspots")."""

    @register_measure
    @frozen
    class LargestOfMembers(Measure):
        kind: ClassVar[str] = "largest_of_members"
        metric: str = field(**metric_ref())
        dimension: str = field(**dimension_ref())

        def at(self, ctx: Context, period: Period) -> Decimal | Missing:
            members = ctx.data.members(self.metric, self.dimension)
            figures = [ctx.select(self.dimension, m).number(self.metric, period) for m in members]
            numbers = [figure for figure in figures if isinstance(figure, Decimal)]
            if not numbers or len(numbers) < len(figures):
                return ctx.missing(self.metric, period)
            return max(numbers)

        def words(self) -> Phrase:
            return Phrase(
                "measure.largest_of_members",
                metric=MetricName(self.metric),
                dimension=DimensionName(self.dimension),
            )

    add_messages("en", {"measure.largest_of_members": "largest {metric} of any {dimension}"})
    add_messages("vi", {"measure.largest_of_members": "{metric} cao nhất của các {dimension}"})
    return LargestOfMembers


def hotspots(ward: str, count: int) -> Observation:
    return Observation("hotspots", 2023, count, breakdown={"ward": ward})


def test_a_kind_defined_outside_planmodel_works_everywhere() -> None:
    largest = largest_of_members()
    measure = largest("hotspots", "ward")  # type: ignore[call-arg]
    plan = one_wide_target(measure, at_most(2), every_year(2023, 2023))
    # Evaluates.
    figures = [hotspots("Bồ Đề", 1), hotspots("Cự Khối", 3)]
    found = result_of(plan, figures, "2024-01-01")
    assert (found.status, found.judgements[0].value) == (Status.NOT_MET, 3)
    # Says itself, in both languages.
    assert plan.targets[0].describe(plan, "en") == (
        "largest drug hotspots of any ward at most 2, every year 2023-2023"
    )
    assert plan.targets[0].describe(plan, "vi").startswith("tụ điểm ma túy cao nhất của các phường")
    # Dumps and loads back.
    text = dumps_plan(plan)
    assert '"kind": "largest_of_members"' in text
    assert load_plan(text) == plan
    # Is validated where it is loaded, with the path.
    with pytest.raises(
        PlanLoadError, match=r"\$\.targets\[0\]\.measure\.metric: unknown metric 'nope'"
    ):
        load_plan(text.replace('"metric": "hotspots"', '"metric": "nope"'))
    with pytest.raises(PlanValidationError, match="has the dimension 'district'"):
        one_wide_target(largest("hotspots", "district"), at_most(2), every_year(2023, 2023))  # type: ignore[call-arg]
    # Appears in the JSON Schema.
    members = plan_schema()["$defs"]["Measure"]["oneOf"]
    kinds = [member["$ref"].split("/")[-1] for member in members]
    assert "LargestOfMembers" in kinds
    assert plan_schema()["$defs"]["LargestOfMembers"]["properties"]["kind"] == {
        "const": "largest_of_members"
    }


def test_the_strategies_draw_a_kind_defined_outside_planmodel() -> None:
    largest_of_members()
    seen: set[str] = set()

    @settings(
        max_examples=60,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(plans())
    def collect(plan: object) -> None:
        for target in plan.targets:  # type: ignore[attr-defined]
            seen.add(target.measure.kind if target.measure is not None else "")

    collect()
    assert "largest_of_members" in seen


def test_a_kind_tag_is_taken_once() -> None:
    with pytest.raises(KindError, match="measure kind 'value' is taken by planmodel"):

        @register_measure
        @frozen
        class Value(Measure):
            kind: ClassVar[str] = "value"

            def at(self, ctx: Context, period: Period) -> Decimal:
                return Decimal(0)

            def words(self) -> Phrase:
                return Phrase("measure.value")


def test_a_kind_needs_attrs_a_tag_and_the_familys_base() -> None:
    class Plain(Measure):
        kind: ClassVar[str] = "plain"

        def at(self, ctx: Context, period: Period) -> Decimal:
            return Decimal(0)

        def words(self) -> Phrase:
            return Phrase("measure.plain")

    with pytest.raises(KindError, match="decorate the class with attrs first"):
        register_measure(Plain)
    with pytest.raises(KindError, match="needs a class attribute"):
        register_measure(attrs.frozen(type("Untagged", (Plain,), {"kind": "Not A Tag"})))
    with pytest.raises(KindError, match="must subclass Condition"):
        register_condition(attrs.frozen(type("Wrong", (Plain,), {"kind": "wrong"})))


def test_a_registry_lists_its_kinds_in_the_order_registered() -> None:
    assert "at_least" in CONDITIONS
    assert MEASURES["value"] is type(value("x"))
    assert MEASURES.get("nothing") is None
    largest = largest_of_members()
    assert list(MEASURES)[-1] == "largest_of_members"
    assert MEASURES.types()[-1] is largest
    assert repr(MEASURES).startswith("<Registry of measure kinds: ")
    assert len(Registry("measure", Measure)) == 0


def test_unregistering_a_kind_forgets_its_tag() -> None:
    largest = largest_of_members()
    plan = one_wide_target(largest("hotspots", "ward"), at_most(2), every_year(2023, 2023))  # type: ignore[call-arg]
    text = dumps_plan(plan)
    MEASURES.unregister("largest_of_members")
    assert "largest_of_members" not in MEASURES
    with pytest.raises(PlanLoadError, match='unknown measure kind "largest_of_members"'):
        load_plan(text)


def test_a_numeric_condition_of_ones_own_needs_only_its_bounds() -> None:
    # "Above 0, and at most the cap": a band open at the bottom. The verdict, the gap,
    # the tolerance and the words of the tolerance come from Bounded.
    @register_condition
    @frozen
    class PositiveUpTo(Bounded):
        kind: ClassVar[str] = "positive_up_to"
        cap: Decimal = field(converter=Decimal)
        tolerance: Tolerance | None = None

        def bounds(self) -> tuple[Decimal | None, bool, Decimal | None, bool]:
            return Decimal(0), True, self.cap, False

        def bounds_words(self, unit: Unit) -> Phrase:
            return Phrase("condition.between", lo=Decimal(0), hi=Amount(self.cap, unit, many=True))

    condition = PositiveUpTo(Decimal(3), tolerance=Tolerance("0.5"))
    plan = one_wide_target(value("x"), condition, every_year(2021, 2023))
    target = plan.target("t")
    found = result_of(
        plan,
        [
            Observation("x", 2021, 2),
            Observation("x", 2022, "3.5"),
            Observation("x", 2023, 0),
        ],
        "2024-01-01",
    )
    assert [(j.status, j.gap) for j in found.judgements] == [
        (Status.MET, 0),
        (Status.NEARLY_MET, Decimal("0.5")),  # above the cap by the tolerance
        # On the strict bound: not acceptable, yet within the tolerance of the values
        # just above it that are: nearly met, gap 0 (the distance to the bound itself).
        (Status.NEARLY_MET, 0),
    ]
    assert target.describe(plan, "en").startswith("x between 0 and 3")
    assert "within 0.5" in target.describe(plan, "en")
