"""The evaluation as JSON, for programs: the document :func:`planmodel.dumps_evaluation`
writes, with what the report was made from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .._converter import CONVERTER
from .._json import write_json
from ..evaluation import Evaluation
from ..plan import Source
from ..serialize import dump_evaluation
from ._facts import planmodel_version

__all__ = ["render_json"]


def render_json(
    evaluation: Evaluation,
    *,
    inputs: Sequence[str] = (),
    made: dt.datetime | None = None,
) -> str:
    """Deterministic JSON text with exact numbers; valid against
    :func:`planmodel.schema.evaluation_schema`.

    It is :func:`planmodel.dumps_evaluation`'s document with a ``report`` object: the
    plan's ``source`` (as the plan states it, ``null`` when it does not), the
    ``inputs`` read, the ``planmodel`` version, and ``made`` (an ISO 8601 time, when
    given).
    """
    document = dump_evaluation(evaluation)
    plan = evaluation.judged_plan
    source = plan.source if plan is not None else None
    report: dict[str, Any] = {
        "source": None if source is None else CONVERTER.unstructure(source, Source),
        "inputs": list(inputs),
        "planmodel": planmodel_version(),
    }
    if made is not None:
        report["made"] = made.isoformat()
    document["report"] = report
    return write_json(document)
