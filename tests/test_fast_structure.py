"""Valid documents structured quickly: the same objects as the converter builds, and
nothing the converter refuses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given

from helpers import whole_plans
from mutations import FUZZ, mutated
from planmodel import Plan
from planmodel._converter import CONVERTER, structure
from planmodel._fast_structure import FastStructurer, NotValid
from planmodel._json import read_json
from planmodel.serialize import dump_plan
from planmodel.strategies import plans

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LONGBIEN: dict[str, Any] = read_json((EXAMPLES / "longbien_2020_2025.json").read_bytes())[0]
QUICKLY = FastStructurer(CONVERTER)


def _body(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "schema"}


def _both(document: dict[str, Any]) -> tuple[Any, Any, list[Any]]:
    """What the fast structurer gives (``NotValid`` for any refusal) and what the
    converter gives, with its problems."""
    try:
        quick: Any = QUICKLY.structure(_body(document), Plan)
    except Exception:  # noqa: BLE001 - any refusal sends a document to the converter
        quick = NotValid
    slow, problems = structure(CONVERTER, _body(document), Plan)
    return quick, slow, problems


def test_the_long_bien_plan_is_the_plan_the_converter_builds() -> None:
    quick, slow, problems = _both(LONGBIEN)
    assert problems == []
    assert quick == slow


@whole_plans
@given(plans())
def test_any_plan_is_the_plan_the_converter_builds(plan: Plan) -> None:
    quick, slow, problems = _both(dump_plan(plan))
    assert problems == []
    assert quick == slow == plan


@FUZZ
@given(mutated(LONGBIEN))
def test_a_changed_document_is_taken_only_as_the_converter_takes_it(
    document: dict[str, Any],
) -> None:
    quick, slow, problems = _both(document)
    if quick is NotValid:
        return  # the converter decides, and says why if it refuses
    assert problems == []
    assert quick == slow
