"""Documents unstructured quickly: equal to the converter's, key order included."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from attrs import Factory, field, frozen
from hypothesis import given

from helpers import one_wide_target, whole_plans
from planmodel import (
    Context,
    Measure,
    Missing,
    Period,
    Plan,
    at_least,
    every_year,
    load_plan,
    register_measure,
)
from planmodel._converter import CONVERTER
from planmodel._fast_unstructure import FastUnstructurer
from planmodel.kinds import metric_ref
from planmodel.strategies import plans
from planmodel.words import MetricName, Phrase

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _written(document: Any) -> str:
    """The document as text, keys in their order: equal texts are equal documents
    that a file would hold byte for byte the same."""
    return json.dumps(document, default=repr, ensure_ascii=False)


def _same_as_the_converter(plan: Plan) -> None:
    quick = FastUnstructurer(CONVERTER).unstructure(plan, Plan)
    slow = CONVERTER.unstructure(plan, Plan)
    assert quick == slow
    assert _written(quick) == _written(slow)


def test_the_examples_are_written_as_the_converter_writes_them() -> None:
    for name in ("longbien_2020_2025.json", "vietnam_2021_2025.json"):
        _same_as_the_converter(load_plan(EXAMPLES / name))


@whole_plans
@given(plans())
def test_any_plan_is_written_as_the_converter_writes_it(plan: Plan) -> None:
    _same_as_the_converter(plan)


def test_a_kind_whose_default_reads_itself_is_left_to_the_converter() -> None:
    @register_measure
    @frozen
    class Labelled(Measure):
        """A metric's value, with a label that defaults to the metric's id."""

        kind: ClassVar[str] = "labelled"
        metric: str = field(**metric_ref())
        label: str = field(default=Factory(lambda self: self.metric, takes_self=True))

        def at(self, ctx: Context, period: Period) -> Decimal | Missing:
            return ctx.number(self.metric, period)

        def words(self) -> Phrase:
            return Phrase("measure.value", metric=MetricName(self.metric))

    plain = one_wide_target(Labelled("hotspots"), at_least(1), every_year(2023, 2023))
    named = one_wide_target(Labelled("hotspots", "spots"), at_least(1), every_year(2023, 2023))
    _same_as_the_converter(plain)
    _same_as_the_converter(named)
    written = FastUnstructurer(CONVERTER).unstructure(named, Plan)["targets"][0]["measure"]
    assert written == {"kind": "labelled", "metric": "hotspots", "label": "spots"}
