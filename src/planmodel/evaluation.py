"""Judging observed figures against every target of a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import field, frozen

from ._context import Context
from ._explain import LANGUAGES, explain
from ._periods import to_date
from .errors import ArgumentError, ObservationsError, Problem
from .judgements import Judgement
from .observations import Observation, Observations
from .plan import Plan
from .status import Status
from .text import Text

__all__ = ["Evaluation", "TargetResult", "evaluate"]


@frozen
class TargetResult:
    """How one target stands: its overall status and the judgement of each period.

    ``explanation`` is one sentence in the plan's languages, written when asked
    for: evaluating many plans in bulk does not pay for prose nobody reads.
    """

    target: str
    status: Status
    judgements: tuple[Judgement, ...]
    _plan: Plan = field(eq=False, repr=False)

    @property
    def explanation(self) -> Text:
        """E.g. en: "2023: revenue vs estimate 7.2% — target between 5 and 10%, …: met"."""
        plan, target = self._plan, self._plan.target(self.target)
        languages = [tag for tag in plan.languages if tag in LANGUAGES] or ["en"]
        return Text(
            {lang: explain(plan, target, self.status, self.judgements, lang) for lang in languages}
        )


@frozen
class Evaluation:
    """The verdict on every target of a plan as of a date."""

    plan: str
    as_of: dt.date
    targets: tuple[TargetResult, ...]

    @property
    def summary(self) -> dict[Status, int]:
        """How many targets have each status, in severity order (zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for result in self.targets:
            counts[result.status] += 1
        return counts

    def result(self, target_id: str) -> TargetResult:
        for result in self.targets:
            if result.target == target_id:
                return result
        raise KeyError(target_id)


def evaluate(
    plan: Plan, observations: Observations | Iterable[Observation], as_of: dt.date | str
) -> Evaluation:
    """Judge every target of *plan* against *observations* as of a date.

    Observations that do not fit the plan (unknown metrics or levels, ratings
    where numbers belong) raise :class:`~planmodel.ObservationsError`, never
    skipped; an *as_of* that is not a date, or not a real one ("2025-02-30"), raises
    :class:`~planmodel.ArgumentError`. The result does not depend on the order of the
    observations.
    """
    try:
        when = to_date(as_of)
    except (TypeError, ValueError) as exc:
        raise ArgumentError([Problem("as_of", str(exc))]) from None
    data = observations if isinstance(observations, Observations) else Observations(observations)
    problems = data.problems_for(plan)
    if problems:
        raise ObservationsError(problems)
    ctx = Context(plan, data)
    results = []
    for target in plan.targets:
        status, judgements = target.schedule.judge(target, ctx, when)
        results.append(TargetResult(target.id, status, judgements, plan))
    return Evaluation(plan.id, when, tuple(results))
