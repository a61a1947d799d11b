"""Schedules that judge each period: every year ("hàng năm"), every quarter, every month."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import field, frozen

from ..conditions import Condition
from ..constraints import year
from ..context import Context
from ..errors import FieldError, Problem
from ..judgements import Judgement
from ..measures import Measure
from ..periods import Month, Period, Quarter, to_period
from ..status import Status, most_severe
from ..words import Phrase
from .base import SCHEDULES, Schedule, judge_final, outside_term

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["EveryMonth", "EveryQuarter", "EveryYear"]


def _judge_each(
    periods: list[Period],
    measure: Measure | None,
    condition: Condition,
    ctx: Context,
    as_of: dt.date,
) -> tuple[Status, tuple[Judgement, ...]]:
    """Each period judged on its own figure; periods that have not closed are pending.

    While every closed period is met and later ones remain, the target is on track.
    """
    judgements = []
    due: list[Status] = []
    for period in periods:
        found = judge_final(ctx, measure, condition, period)
        # A period is due once its last day has passed (or is the evaluation date).
        if ctx.calendar.end(period) <= as_of:
            due.append(found.status)
        else:
            found = found.as_pending()
        judgements.append(found)
    if not due:
        return Status.PENDING, tuple(judgements)
    worst = most_severe(due)
    if worst.is_success and len(due) < len(judgements):
        return Status.ON_TRACK, tuple(judgements)
    return worst, tuple(judgements)


def _ordered(kind: str) -> Any:
    def check(instance: Any, _attribute: object, value: Any) -> None:
        if _index(value) < _index(instance.first):
            raise FieldError("last", f"{kind} needs first <= last, got {instance.first}-{value}")

    return check


def _index(period: Period) -> int:
    if isinstance(period, Month):
        return period.year * 12 + period.month
    if isinstance(period, Quarter):
        return period.year * 4 + period.quarter
    assert isinstance(period, int)
    return period


@SCHEDULES.register
@frozen
class EveryYear(Schedule):
    """Judged on each year's figure from ``first`` to ``last`` ("hàng năm").

    In a plan whose years are fiscal years, each fiscal year's figure. Years that
    have not closed by the evaluation date are ``pending``; while every closed year
    is met and later years remain, the target is ``on_track``.
    """

    kind: ClassVar[str] = "every_year"
    first: int = field(validator=year)
    last: int = field(validator=[year, _ordered("every_year")])

    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        periods = [ctx.year(one) for one in range(self.first, self.last + 1)]
        return _judge_each(periods, measure, condition, ctx, as_of)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        return (
            outside_term(plan, self.first, f"{path}.schedule.first")
            + outside_term(plan, self.last, f"{path}.schedule.last")
            + super().problems(plan, measure, condition, path)
        )

    def words(self) -> Phrase:
        return Phrase("schedule.every_year", first=str(self.first), last=str(self.last))


def _quarter(value: object) -> Quarter:
    found = to_period(value)
    if not isinstance(found, Quarter):
        raise TypeError(f'expected a quarter "YYYY-Qn", got {value!r}')
    return found


def _month(value: object) -> Month:
    found = to_period(value)
    if not isinstance(found, Month):
        raise TypeError(f'expected a month "YYYY-MM", got {value!r}')
    return found


@SCHEDULES.register
@frozen
class EveryQuarter(Schedule):
    """Judged on each quarter's figure from ``first`` to ``last`` ("hằng quý")."""

    kind: ClassVar[str] = "every_quarter"
    first: Quarter = field(converter=_quarter)
    last: Quarter = field(converter=_quarter, validator=_ordered("every_quarter"))

    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        periods: list[Period] = [
            Quarter(index // 4, index % 4 + 1)
            for index in range(_index(self.first) - 1, _index(self.last))
        ]
        return _judge_each(periods, measure, condition, ctx, as_of)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        return (
            outside_term(plan, self.first.year, f"{path}.schedule.first")
            + outside_term(plan, self.last.year, f"{path}.schedule.last")
            + super().problems(plan, measure, condition, path)
        )

    def words(self) -> Phrase:
        return Phrase("schedule.every_quarter", first=self.first, last=self.last)


@SCHEDULES.register
@frozen
class EveryMonth(Schedule):
    """Judged on each month's figure from ``first`` to ``last`` ("hằng tháng")."""

    kind: ClassVar[str] = "every_month"
    first: Month = field(converter=_month)
    last: Month = field(converter=_month, validator=_ordered("every_month"))

    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        periods: list[Period] = [
            Month(index // 12, index % 12 + 1)
            for index in range(_index(self.first) - 1, _index(self.last))
        ]
        return _judge_each(periods, measure, condition, ctx, as_of)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        return (
            outside_term(plan, self.first.year, f"{path}.schedule.first")
            + outside_term(plan, self.last.year, f"{path}.schedule.last")
            + super().problems(plan, measure, condition, path)
        )

    def words(self) -> Phrase:
        return Phrase("schedule.every_month", first=self.first, last=self.last)
