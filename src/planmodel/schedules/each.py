"""Schedules that judge each period: every year ("hàng năm"), every quarter, every month."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import TYPE_CHECKING, Any, ClassVar, Union

from attrs import field, frozen

from .._judging import Judging
from .._rows import MET, ON_TRACK, PENDING, pending
from ..conditions import Condition
from ..constraints import year
from ..context import Context
from ..errors import FieldError, Problem
from ..judgements import Judgement
from ..measures import Measure
from ..periods import Calendar, Month, Period, Quarter, to_period
from ..status import Status
from ..words import Phrase
from .base import SCHEDULES, Schedule, judge_by_rows, outside_term

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["EveryMonth", "EveryQuarter", "EveryYear"]


def _judge_each(
    periods: tuple[Period, ...], ends: tuple[dt.date, ...], judging: Judging, as_of: dt.date
) -> tuple[int, tuple[tuple[Any, ...], ...]]:
    """Each period judged on its own figure; periods that have not closed are pending.

    While every closed period is met and later ones remain, the target is on track.
    """
    rows = judging.finals(periods)
    # A period is due once its last day has passed (or is the evaluation date); the
    # periods are in time order.
    due = bisect.bisect_right(ends, as_of)
    if due < len(rows):
        rows[due:] = [pending(found) for found in rows[due:]]
    if not due:
        return PENDING, tuple(rows)
    worst = max(found[1] for found in rows[:due]) if due > 1 else rows[0][1]
    if worst <= MET and due < len(rows):
        return ON_TRACK, tuple(rows)
    return worst, tuple(rows)


@functools.lru_cache(maxsize=1024)
def _periods(
    first: int, last: int, step: int, fiscal_year_start: int
) -> tuple[tuple[Period, ...], tuple[dt.date, ...]]:
    """The periods from index *first* to *last* (years, or quarters or months counted
    from year 0), and the day each ends, in time order: made once per schedule."""
    calendar = Calendar(fiscal_year_start)
    found: list[Period]
    if step == 1:
        found = [calendar.year(one) for one in range(first, last + 1)]
    elif step == 4:
        found = [Quarter(index // 4, index % 4 + 1) for index in range(first - 1, last)]
    else:
        found = [Month(index // 12, index % 12 + 1) for index in range(first - 1, last)]
    return tuple(found), tuple(calendar.end(period) for period in found)


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
        return judge_by_rows(self, measure, condition, ctx, as_of)

    def judge_rows(
        self, judging: Judging, as_of: dt.date
    ) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        periods, ends = _periods(self.first, self.last, 1, judging.calendar.fiscal_year_start)
        return _judge_each(periods, ends, judging, as_of)

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


class _EveryPartOfYear(Schedule):
    """Judged on each quarter's or month's figure from ``first`` to ``last``: the
    judging, the checks and the words the two share."""

    __slots__ = ()
    #: How many periods a year has: 4 quarters, 12 months.
    per_year: ClassVar[int]
    first: Union[Quarter, Month]
    last: Union[Quarter, Month]

    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        return judge_by_rows(self, measure, condition, ctx, as_of)

    def judge_rows(
        self, judging: Judging, as_of: dt.date
    ) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        periods, ends = _periods(
            _index(self.first),
            _index(self.last),
            self.per_year,
            judging.calendar.fiscal_year_start,
        )
        return _judge_each(periods, ends, judging, as_of)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        return (
            outside_term(plan, self.first.year, f"{path}.schedule.first")
            + outside_term(plan, self.last.year, f"{path}.schedule.last")
            + super().problems(plan, measure, condition, path)
        )

    def words(self) -> Phrase:
        return Phrase(f"schedule.{self.kind}", first=self.first, last=self.last)


@SCHEDULES.register
@frozen
class EveryQuarter(_EveryPartOfYear):
    """Judged on each quarter's figure from ``first`` to ``last`` ("hằng quý")."""

    kind: ClassVar[str] = "every_quarter"
    per_year: ClassVar[int] = 4
    first: Quarter = field(converter=_quarter)
    last: Quarter = field(converter=_quarter, validator=_ordered("every_quarter"))


@SCHEDULES.register
@frozen
class EveryMonth(_EveryPartOfYear):
    """Judged on each month's figure from ``first`` to ``last`` ("hằng tháng")."""

    kind: ClassVar[str] = "every_month"
    per_year: ClassVar[int] = 12
    first: Month = field(converter=_month)
    last: Month = field(converter=_month, validator=_ordered("every_month"))
