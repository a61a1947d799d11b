"""Plans and evaluations as JSON files.

A plan file starts with its schema version, ``"schema": "planmodel/1"``, and
carries every measure, condition and schedule with an explicit ``kind``. Loading
refuses unknown keys, duplicate keys, non-numbers where numbers belong and
``NaN``; numbers are read as exact decimals and written back with the same digits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Union

from ._converter import CONVERTER, structure
from ._fast_structure import FastStructurer
from ._fast_unstructure import FastUnstructurer
from ._json import read_json, read_json_quickly, write_json
from ._sources import is_text, source_name
from .conditions import CONDITIONS
from .errors import PlanLoadError, Problem
from .evaluation import Evaluation, TargetResult, report_languages
from .judgements import Judgement
from .measures import MEASURES, REFERENCES
from .observations import Observation
from .periods import to_json
from .plan import Plan
from .quantifiers import QUANTIFIERS
from .schedules import SCHEDULES
from .words import Phrase, say

__all__ = [
    "EVALUATION_SCHEMA",
    "PLAN_SCHEMA",
    "dump_evaluation",
    "dump_plan",
    "dumps_evaluation",
    "dumps_plan",
    "load_plan",
]

PLAN_SCHEMA = "planmodel/1"
EVALUATION_SCHEMA = "planmodel-evaluation/1"

#: Valid documents structured without the converter's bookkeeping, by its hooks: one
#: for documents given parsed, one for those read from text by msgspec.
QUICKLY = FastStructurer(CONVERTER)
QUICKLY_READ = FastStructurer(CONVERTER, written=True)
#: Documents unstructured as the converter does, without its dispatch.
QUICKLY_WRITTEN = FastUnstructurer(CONVERTER)

#: The order of a plan file's keys, as planmodel/1 has always written them: the keys a
#: plan needed when provenance was required first, then the others. Keeping it keeps
#: every file written before byte for byte the same when written again; a key not
#: listed here (a field added later) follows the listed ones.
PLAN_KEY_ORDER = (
    "id",
    "title",
    "jurisdiction",
    "term",
    "adopted",
    "source",
    "source_language",
    "objective",
    "adopted_by",
    "fiscal_year_start",
    "directions",
    "breakthroughs",
    "targets",
    "metrics",
    "scales",
)
_PLAN_KEY_RANK = {key: rank for rank, key in enumerate(PLAN_KEY_ORDER)}

#: A file path, JSON text (``str`` starting with ``{``, or ``bytes``), or a parsed document.
Source = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any]]


def read_document(source: Source) -> tuple[str, Any, list[Problem]]:
    """Return a name for messages, the parsed document and any duplicate-key problems.

    Raises ``OSError`` for an unreadable file and ``ValueError`` for text that is not JSON.
    """
    if isinstance(source, Mapping):
        return "", source, []
    if is_text(source):
        assert isinstance(source, (str, bytes))
        document, problems = read_json(source)
        return "", document, problems
    path = Path(source)  # type: ignore[arg-type]
    document, problems = read_json(path.read_bytes())
    return str(path), document, problems


def _content(source: Source) -> bytes | None:
    """The JSON text of *source* as bytes, when it is text or a readable file."""
    if isinstance(source, bytes):
        return source
    try:
        if isinstance(source, str) and is_text(source):
            return source.encode("utf-8")
        return Path(source).read_bytes()  # type: ignore[arg-type]
    except (OSError, ValueError):  # ValueError: a lone surrogate, a NUL in a name
        return None


def _load_quickly(source: Source) -> Plan | None:
    """The plan in *source* when it is valid, read and structured quickly
    (:func:`~planmodel._json.read_json_quickly`, :mod:`planmodel._fast_structure`);
    ``None`` otherwise, and :func:`load_plan` reads it again to list every problem."""
    if isinstance(source, Mapping):
        document: Any = source
        structurer = QUICKLY
    else:
        content = _content(source)
        read = None if content is None else read_json_quickly(content)
        document = None if read is None else read[0]
        structurer = QUICKLY_READ
    if not isinstance(document, Mapping) or check_schema(document, PLAN_SCHEMA):
        return None
    body = {key: value for key, value in document.items() if key != "schema"}
    try:
        plan = structurer.structure(body, Plan)
    except Exception:  # noqa: BLE001 - any problem is listed by the converter's path
        return None
    return plan


def check_schema(document: Any, known: str) -> list[Problem]:
    if not isinstance(document, Mapping):
        return [Problem("$", "expected a JSON object")]
    if "schema" not in document:
        return [Problem("$.schema", f'required key missing; expected "{known}"')]
    if document["schema"] != known:
        return [
            Problem("$.schema", f"unknown schema version {document['schema']!r}; known: {known}")
        ]
    return []


def load_plan(source: Source) -> Plan:
    """Read a plan from a file path, JSON text or a parsed document.

    Raises :class:`~planmodel.PlanLoadError` listing every problem with its JSON path.

    >>> plan = load_plan("examples/longbien_2020_2025.json")
    >>> plan.term
    Term(first=2020, last=2025)
    """
    # Most plans are valid: read and build them quickly, and take the path that lists
    # every problem only for a plan that has some.
    quick = _load_quickly(source)
    if quick is not None:
        return quick
    try:
        name, document, problems = read_document(source)
    except (OSError, ValueError) as exc:
        raise PlanLoadError([Problem("$", str(exc))], subject=source_name(source)) from None
    schema_problems = check_schema(document, PLAN_SCHEMA)
    if schema_problems:
        raise PlanLoadError(problems + schema_problems, subject=name)
    body = {key: value for key, value in document.items() if key != "schema"}
    plan, more = structure(CONVERTER, body, Plan)
    if problems or more:
        raise PlanLoadError(problems + more, subject=name)
    assert isinstance(plan, Plan)
    return plan


def dump_plan(plan: Plan) -> dict[str, Any]:
    """The plan as a JSON-ready ``dict`` (numbers as ``Decimal``), schema first."""
    body: dict[str, Any] = QUICKLY_WRITTEN.unstructure(plan, Plan)
    ordered = sorted(body, key=lambda key: _PLAN_KEY_RANK.get(key, len(PLAN_KEY_ORDER)))
    return {"schema": PLAN_SCHEMA, **{key: body[key] for key in ordered}}


_REGISTRIES = (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS)
#: Whether the kinds were all planmodel's own, at the registries' versions.
_OWN: dict[tuple[int, ...], bool] = {}


def _own_kinds_only() -> bool:
    """Whether every kind registered is planmodel's own. Their documents hold only what
    JSON holds (planmodel's kinds validate every field), so they are written plainly
    (:func:`~planmodel._json.write_json`); a kind defined elsewhere may hold a float,
    which the writer must refuse, and its documents are written with every value checked.
    """
    versions = tuple(registry.version for registry in _REGISTRIES)
    found = _OWN.get(versions)
    if found is None:
        _OWN.clear()
        found = _OWN[versions] = all(
            kind.__module__.startswith("planmodel.")
            for registry in _REGISTRIES
            for kind in registry.types()
        )
    return found


def dumps_plan(plan: Plan) -> str:
    """The plan as JSON text: deterministic, UTF-8 kept, exact numbers."""
    return write_json(dump_plan(plan), plain=_own_kinds_only())


def dump_evaluation(evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation as a JSON-ready ``dict``, with a summary of counts by status.

    Reasons, remarks and explanations are written in the plan's languages that
    planmodel can write (English when it can write none of them). A judgement with a
    figure lists under ``figures`` the observations it rests on, each with its
    metric, period, source and note, when the evaluation holds its observations
    (:meth:`Evaluation.figures`).
    """
    summary = {status.value: count for status, count in evaluation.summary.items()}
    plan = evaluation.judged_plan
    return {
        "schema": EVALUATION_SCHEMA,
        "plan": evaluation.plan,
        "as_of": evaluation.as_of.isoformat(),
        "summary": summary,
        "targets": [_target_result(evaluation, plan, result) for result in evaluation.targets],
    }


#: The figures a judgement rests on, given the part of an ``all of`` it judges.
Traced = Callable[[Judgement, Union[int, None]], tuple[Observation, ...]]


def _tracer(evaluation: Evaluation, target: str, member: str | None) -> Traced | None:
    if evaluation.observations is None:
        return None

    def traced(judgement: Judgement, part: int | None) -> tuple[Observation, ...]:
        return evaluation.figures(target, judgement, member=member, part=part)

    return traced


def _figure(observation: Observation) -> dict[str, Any]:
    found: dict[str, Any] = {
        "metric": observation.metric,
        "period": to_json(observation.period),
    }
    if observation.breakdown:
        found["breakdown"] = dict(observation.breakdown.items_tuple)
    for key in ("source", "note"):
        if getattr(observation, key) is not None:
            found[key] = getattr(observation, key)
    return found


def _said(plan: Plan | None, phrase: Phrase) -> dict[str, str]:
    tags = report_languages(plan) if plan is not None else ["en"]
    return {tag: say(phrase, tag, plan) for tag in sorted(tags)}


def _judgement(
    plan: Plan | None,
    judgement: Judgement,
    traced: Traced | None = None,
    part: int | None = None,
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "period": None if judgement.period is None else to_json(judgement.period),
        "status": judgement.status.value,
    }
    for key in ("value", "gap", "progress", "expected"):
        if getattr(judgement, key) is not None:
            found[key] = getattr(judgement, key)
    if judgement.reason is not None:
        found["reason"] = _said(plan, judgement.reason)
    if judgement.parts:
        found["parts"] = [
            # A part of a part is traced to the figures of the part it belongs to.
            _judgement(plan, one, traced, index if part is None else part)
            for index, one in enumerate(judgement.parts)
        ]
    if judgement.warning:
        found["warning"] = True
    if judgement.remark is not None:
        found["remark"] = _said(plan, judgement.remark)
    if traced is not None and judgement.value is not None:
        found["figures"] = [_figure(figure) for figure in traced(judgement, part)]
    return found


def _target_result(
    evaluation: Evaluation, plan: Plan | None, result: TargetResult
) -> dict[str, Any]:
    traced = _tracer(evaluation, result.target, None)
    found: dict[str, Any] = {
        "target": result.target,
        "status": result.status.value,
        "judgements": [_judgement(plan, judgement, traced) for judgement in result.judgements],
        "explanation": result.explanation.as_dict(),
    }
    if result.members:
        found["members"] = [
            {
                "member": member.member,
                "status": member.status.value,
                "judgements": [
                    _judgement(plan, j, _tracer(evaluation, result.target, member.member))
                    for j in member.judgements
                ],
            }
            for member in result.members
        ]
    if result.revision is not None:
        found["revision"] = result.revision
    return found


def dumps_evaluation(evaluation: Evaluation) -> str:
    """The evaluation as deterministic JSON text."""
    return write_json(dump_evaluation(evaluation), plain=_own_kinds_only())
