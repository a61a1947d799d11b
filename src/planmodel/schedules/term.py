"""Judged once over the term: growth, totals and averages over a span of years."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import frozen

from .._judging import Judging
from .._rows import PENDING, pending
from ..conditions import Condition
from ..context import Context
from ..errors import Problem
from ..judgements import Judgement
from ..measures import Measure
from ..status import Status
from ..words import Phrase
from .base import SCHEDULES, Schedule, judge_by_rows

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["OverTerm"]


@SCHEDULES.register
@frozen
class OverTerm(Schedule):
    """Judged once, when the last year of the span a measure covers has closed."""

    kind: ClassVar[str] = "over_term"
    per_period: ClassVar[bool] = False

    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        return judge_by_rows(self, measure, condition, ctx, as_of)

    def judge_rows(
        self, judging: Judging, as_of: dt.date
    ) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        last = max(span[1] for span in judging.condition.spans(judging.measure) if span)
        period = judging.calendar.year(last)
        found = judging.final(period)
        if judging.calendar.end(period) > as_of:
            return PENDING, (pending(found),)
        return found[1], (found,)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        if any(span is None for span in condition.spans(measure)):
            return [
                Problem(
                    f"{path}.schedule",
                    "over_term needs measures over a span of years (growth, total, "
                    "average); judge a per-period measure with every_year or by_deadline",
                )
            ]
        return []

    def words(self) -> Phrase:
        return Phrase("schedule.over_term")
