"""The evaluation as JSON, for programs: the same document as
:func:`planmodel.dumps_evaluation`."""

from __future__ import annotations

from ..evaluation import Evaluation
from ..serialize import dumps_evaluation

__all__ = ["render_json"]


def render_json(evaluation: Evaluation) -> str:
    """Deterministic JSON text with exact numbers; valid against
    :func:`planmodel.schema.evaluation_schema`."""
    return dumps_evaluation(evaluation)
