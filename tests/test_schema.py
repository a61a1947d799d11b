"""The JSON Schemas agree with the loader: what planmodel writes validates, and what
it refuses for its shape the schema refuses too."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from helpers import whole_plans
from planmodel import (
    ObservationsError,
    Plan,
    PlanLoadError,
    dumps_evaluation,
    dumps_observations,
    dumps_plan,
    evaluate,
    load_observations,
    load_plan,
)
from planmodel.conditions import CONDITIONS
from planmodel.measures import MEASURES
from planmodel.schedules import SCHEDULES
from planmodel.schema import evaluation_schema, observations_schema, plan_schema
from planmodel.strategies import observations_for, plans

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "longbien_2020_2025.json"

PLAN_VALIDATOR = Draft202012Validator(plan_schema())
OBSERVATIONS_VALIDATOR = Draft202012Validator(observations_schema())
EVALUATION_VALIDATOR = Draft202012Validator(evaluation_schema())


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def schema_accepts(validator: Draft202012Validator, text: str) -> bool:
    """Whether *text* is a JSON document the schema accepts.

    ``NaN`` and ``Infinity`` are not JSON (RFC 8259), so a document containing them
    is invalid before any schema is consulted; Python's parser would let them through.
    """
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except ValueError:
        return False
    return bool(validator.is_valid(document))


# A small plan document; each invalid case below changes one thing in it.
PLAN: dict[str, Any] = {
    "schema": "planmodel/1",
    "id": "example_ward",
    "title": {"vi": "Kế hoạch phường mẫu", "en": "Example ward plan"},
    "jurisdiction": {"vi": "Phường mẫu", "en": "Example ward"},
    "term": {"first": 2021, "last": 2023},
    "adopted": "2021-01-15",
    "source": {
        "title": {"vi": "Nghị quyết"},
        "url": "https://example.org",
        "published": "2021-01-20",
    },
    "source_language": "vi",
    "objective": [{"vi": "Phát triển bền vững"}],
    "metrics": [
        {"id": "coverage", "name": {"vi": "Bảo hiểm y tế"}, "unit": "percent", "better": "higher"}
    ],
    "targets": [
        {
            "id": "t1",
            "text": {"vi": "Bảo hiểm y tế đạt 95%"},
            "measure": {"kind": "value", "metric": "coverage"},
            "condition": {"kind": "at_least", "value": 95},
            "schedule": {"kind": "by_deadline", "deadline": "2023-12-31", "baseline": 2020},
        }
    ],
}


def _changed(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(PLAN)
    change(document)
    return json.dumps(document, ensure_ascii=False)


def _target(document: dict[str, Any]) -> dict[str, Any]:
    target: dict[str, Any] = document["targets"][0]
    return target


INVALID_PLANS = {
    "typo'd key": _changed(lambda d: _target(d).update(mesure=_target(d).pop("measure"))),
    "string where a number belongs": _changed(lambda d: _target(d)["condition"].update(value="95")),
    "unknown kind": _changed(lambda d: _target(d)["condition"].update(kind="at_leest")),
    "missing required key": _changed(lambda d: d.pop("term")),
    "wrong schema version": _changed(lambda d: d.update(schema="planmodel/2")),
    "no schema version": _changed(lambda d: d.pop("schema")),
    "NaN via text": json.dumps(PLAN).replace('"value": 95', '"value": NaN'),
    "Infinity via text": json.dumps(PLAN).replace('"value": 95', '"value": -Infinity'),
    "empty text": _changed(lambda d: d["title"].update(en="")),
    "text not by language": _changed(lambda d: d.update(title="Example ward plan")),
    "bad identifier": _changed(lambda d: _target(d).update(id="-t1")),
    "a number where true or false belongs": _changed(
        lambda d: _target(d)["condition"].update(strict=1)
    ),
    "a date in another format": _changed(lambda d: d.update(adopted="15/01/2021")),
    "a month that does not exist": _changed(lambda d: d.update(adopted="2021-13")),
    "a date written as a number": _changed(lambda d: d.update(adopted=2021)),
    "a web address without its scheme": _changed(lambda d: d["source"].update(url="example.org")),
    "a web address with a space": _changed(
        lambda d: d["source"].update(url="https://example.org/a plan")
    ),
    "a source without a title": _changed(lambda d: d["source"].pop("title")),
    "an all of with one part": _changed(
        lambda d: _target(d).update(
            measure=None,
            condition={
                "kind": "all_of",
                "parts": [{"measure": _target(d)["measure"], "condition": _target(d)["condition"]}],
            },
        )
    ),
}


def test_the_schemas_are_valid_draft_2020_12() -> None:
    for schema in (plan_schema(), observations_schema(), evaluation_schema()):
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_base_document_is_valid_for_both() -> None:
    text = json.dumps(PLAN, ensure_ascii=False)
    assert load_plan(text).id == "example_ward"
    assert schema_accepts(PLAN_VALIDATOR, text)


def _without_provenance(document: dict[str, Any]) -> None:
    for key in ("jurisdiction", "adopted", "source", "objective"):
        del document[key]
    document["metrics"] = [{"id": "coverage"}]


#: Plans that say no more than they know; each is valid for the loader and the schema.
SHORT_PLANS = {
    "no provenance, no objective, a bare metric": _changed(_without_provenance),
    "adopted in a year": _changed(lambda d: d.update(adopted="2021")),
    "adopted in a month": _changed(lambda d: d.update(adopted="2021-01")),
    "a source with a title only": _changed(
        lambda d: d.update(source={"title": {"vi": "Nghị quyết"}})
    ),
    "a source published in a month": _changed(lambda d: d["source"].update(published="2021-01")),
}


@pytest.mark.parametrize("text", SHORT_PLANS.values(), ids=SHORT_PLANS.keys())
def test_a_plan_saying_no_more_than_it_knows_is_valid_for_both(text: str) -> None:
    assert load_plan(text).id == "example_ward"
    assert schema_accepts(PLAN_VALIDATOR, text)


@pytest.mark.parametrize("text", INVALID_PLANS.values(), ids=INVALID_PLANS.keys())
def test_an_invalid_plan_is_refused_by_the_loader_and_the_schema(text: str) -> None:
    with pytest.raises(PlanLoadError):
        load_plan(text)
    assert not schema_accepts(PLAN_VALIDATOR, text)


def test_every_kind_is_in_the_schema() -> None:
    defs = plan_schema()["$defs"]
    for union, types in (
        ("Measure", MEASURES.types()),
        ("Condition", CONDITIONS.types()),
        ("Schedule", SCHEDULES.types()),
    ):
        named = {
            defs[ref["$ref"].rsplit("/", 1)[1]]["properties"]["kind"]["const"]
            for ref in defs[union]["oneOf"]
        }
        assert named == {cls.kind for cls in types}


def test_kinds_refuse_unknown_keys() -> None:
    for name, definition in plan_schema()["$defs"].items():
        if definition.get("type") == "object" and "properties" in definition:
            assert definition["additionalProperties"] is False, name


@whole_plans
@given(plans())
def test_every_plan_written_validates(plan: Plan) -> None:
    text = dumps_plan(plan)
    document = json.loads(text)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in PLAN_VALIDATOR.iter_errors(document)]
    assert errors == []


@whole_plans
@given(st.data(), plans())
def test_every_evaluation_written_validates(data: st.DataObject, plan: Plan) -> None:
    observations = data.draw(observations_for(plan))
    as_of = f"{data.draw(st.integers(plan.term.first, plan.term.last + 1))}-12-31"
    document = json.loads(dumps_evaluation(evaluate(plan, observations, as_of=as_of)))
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in EVALUATION_VALIDATOR.iter_errors(document)
    ]
    assert errors == []


@whole_plans
@given(st.data(), plans())
def test_every_observations_file_written_validates(data: st.DataObject, plan: Plan) -> None:
    observations = data.draw(observations_for(plan))
    document = json.loads(dumps_observations(observations))
    assert list(OBSERVATIONS_VALIDATOR.iter_errors(document)) == []


def _observations(*rows: dict[str, Any]) -> str:
    return json.dumps({"schema": "planmodel-observations/1", "observations": list(rows)})


INVALID_OBSERVATIONS = {
    "both a value and a level": _observations(
        {"metric": "m", "period": 2023, "value": 1, "level": "good"}
    ),
    "no value at all": _observations({"metric": "m", "period": 2023}),
    "unknown key": _observations({"metric": "m", "period": 2023, "value": 1, "vaule": 2}),
    "a number as text": _observations({"metric": "m", "period": 2023, "value": "1"}),
    "a negative count": _observations({"metric": "m", "period": 2023, "distribution": {"a": -1}}),
    "a period that is neither year nor date": _observations(
        {"metric": "m", "period": "2023/01", "value": 1}
    ),
    "wrong schema version": json.dumps({"schema": "planmodel/1", "observations": []}),
}


@pytest.mark.parametrize("text", INVALID_OBSERVATIONS.values(), ids=INVALID_OBSERVATIONS.keys())
def test_invalid_observations_are_refused_by_the_loader_and_the_schema(text: str) -> None:
    with pytest.raises(ObservationsError):
        load_observations(text)
    assert not schema_accepts(OBSERVATIONS_VALIDATOR, text)


def test_the_example_plan_validates() -> None:
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE.name} is not written yet")
    text = EXAMPLE.read_text("utf-8")
    load_plan(text)
    errors = [e.message for e in PLAN_VALIDATOR.iter_errors(json.loads(text))]
    assert errors == []
