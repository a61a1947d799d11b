"""Schedules: when a target's condition is judged.

Each schedule turns a target and the data into per-period judgements and one
overall status; the target's condition does the judging.
"""

from __future__ import annotations

import abc
import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Optional, Union

from attrs import field, frozen

from ._periods import (
    Period,
    format_period,
    period_end,
    to_date,
    to_period,
    valid_year,
)
from .errors import FieldError, Problem
from .judgements import Judgement
from .status import Status, most_severe
from .text import Text

if TYPE_CHECKING:
    from ._context import Context
    from .plan import Plan, Target

__all__ = [
    "ByDeadline",
    "EveryYear",
    "OverTerm",
    "Schedule",
    "by_deadline",
    "every_year",
    "over_term",
]


def _optional_period(value: object) -> Period | None:
    return None if value is None else to_period(value)


class _Schedule(abc.ABC):
    __slots__ = ()
    kind: ClassVar[str]

    @abc.abstractmethod
    def judge(
        self, target: Target, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        """The overall status and the per-period judgements, as of a date."""

    @abc.abstractmethod
    def problems(self, plan: Plan, target: Target, path: str) -> list[Problem]:
        """Years outside the plan's term, a measure that does not fit, …"""

    @abc.abstractmethod
    def describe(self, lang: str) -> str:
        """The schedule in words: "every year 2021-2025", "by 2025-12-31"."""

    def _per_period_measures(self, target: Target, path: str) -> list[Problem]:
        if any(span is not None for span in target.condition.spans(target.measure)):
            return [
                Problem(
                    f"{path}.schedule",
                    f"{self.kind} judges a figure per period; a "
                    "growth or total measure spans years and needs over_term",
                )
            ]
        return []


def _outside_term(plan: Plan, year: int, where: str) -> list[Problem]:
    if plan.term.first <= year <= plan.term.last:
        return []
    return [
        Problem(where, f"year {year} is outside the plan's term {plan.term.first}-{plan.term.last}")
    ]


@frozen
class EveryYear(_Schedule):
    """Judged on each year's figure from ``first`` to ``last`` ("hàng năm").

    Years that have not closed by the evaluation date are ``pending``; while every
    closed year is met and later years remain, the target is ``on_track``.
    """

    kind: ClassVar[str] = "every_year"
    first: int = field(validator=valid_year)
    last: int = field(validator=valid_year)

    @last.validator
    def _check_order(self, _attribute: object, value: int) -> None:
        if value < self.first:
            raise FieldError("last", f"every_year needs first <= last, got {self.first}-{value}")

    def judge(
        self, target: Target, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        # A year is due once its last day has passed (or is the evaluation date).
        last_closed = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
        condition, measure = target.condition, target.measure
        judgements = []
        due: list[Status] = []
        for year in range(self.first, self.last + 1):
            found = condition.judge(ctx, measure, year, None)
            if year <= last_closed:
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

    def problems(self, plan: Plan, target: Target, path: str) -> list[Problem]:
        return (
            _outside_term(plan, self.first, f"{path}.schedule.first")
            + _outside_term(plan, self.last, f"{path}.schedule.last")
            + self._per_period_measures(target, path)
        )

    def describe(self, lang: str) -> str:
        if lang == "vi":
            return f"hằng năm {self.first}-{self.last}"
        return f"every year {self.first}-{self.last}"


@frozen
class ByDeadline(_Schedule):
    """Judged on the latest figure at or before ``deadline``.

    Before the deadline a figure is compared with the straight line from the
    ``baseline`` figure to the target: ``on_track`` on the acceptable side of it,
    else ``off_track``; with no baseline, interim figures are ``pending``. Figures
    at or before the baseline describe the starting point and are not judged.
    """

    kind: ClassVar[str] = "by_deadline"
    deadline: dt.date = field(converter=to_date)
    baseline: Optional[Period] = field(default=None, converter=_optional_period)

    @baseline.validator
    def _check_order(self, _attribute: object, value: Period | None) -> None:
        if value is not None and period_end(value) >= self.deadline:
            raise FieldError(
                "baseline",
                f"{format_period(value)} must come before the deadline {self.deadline}",
            )

    def judge(
        self, target: Target, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        cut_off = min(as_of, self.deadline)
        start = period_end(self.baseline) if self.baseline is not None else dt.date.min
        periods = [
            period
            for period in target.condition.periods(ctx, target.measure)
            if start < period_end(period) <= cut_off
        ]
        condition, measure = target.condition, target.measure
        judgements = [
            condition.judge_interim(ctx, measure, period, self.baseline, self.deadline)
            for period in periods
        ]
        if as_of >= self.deadline:
            for index in reversed(range(len(periods))):
                final = condition.judge(ctx, measure, periods[index], self.baseline)
                if final.status is not Status.NO_DATA:
                    judgements[index] = final
                    return final.status, tuple(judgements)
            missing = Judgement(
                self.deadline,
                Status.NO_DATA,
                reason=Text(
                    en=f"no figure at or before the deadline {self.deadline.isoformat()}",
                    vi=f"chưa có số liệu đến hạn {self.deadline:%d/%m/%Y}",
                ),
            )
            return Status.NO_DATA, (*judgements, missing)
        # Before the deadline the latest figure speaks, whatever it says: a figure
        # that cannot be judged (its baseline is missing, say) is no_data, not pending.
        return (judgements[-1].status if judgements else Status.PENDING), tuple(judgements)

    def problems(self, plan: Plan, target: Target, path: str) -> list[Problem]:
        return _outside_term(plan, self.deadline.year, f"{path}.schedule.deadline") + (
            self._per_period_measures(target, path)
        )

    def describe(self, lang: str) -> str:
        if lang == "vi":
            return f"đến {self.deadline.isoformat()}"
        return f"by {self.deadline.isoformat()}"


@frozen
class OverTerm(_Schedule):
    """Judged once, when the years a growth or total measure spans have closed."""

    kind: ClassVar[str] = "over_term"

    def judge(
        self, target: Target, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        last = max(span[1] for span in target.condition.spans(target.measure) if span)
        found = target.condition.judge(ctx, target.measure, last, None)
        if period_end(last) > as_of:
            return Status.PENDING, (found.as_pending(),)
        return found.status, (found,)

    def problems(self, plan: Plan, target: Target, path: str) -> list[Problem]:
        spans = target.condition.spans(target.measure)
        if any(span is None for span in spans):
            return [
                Problem(
                    f"{path}.schedule",
                    "over_term needs measures that span years "
                    "(growth, total); judge a per-period measure with every_year "
                    "or by_deadline",
                )
            ]
        return [
            problem
            for span in spans
            if span is not None
            for year in span
            for problem in _outside_term(plan, year, f"{path}.schedule")
        ]

    def describe(self, lang: str) -> str:
        return "cả nhiệm kỳ" if lang == "vi" else "over the term"


Schedule = Union[EveryYear, ByDeadline, OverTerm]
SCHEDULE_TYPES: tuple[type[_Schedule], ...] = (EveryYear, ByDeadline, OverTerm)


def every_year(first: int, last: int) -> EveryYear:
    """``every_year(2021, 2025)``: judged on each year's figure ("hàng năm")."""
    return EveryYear(first, last)


def by_deadline(deadline: dt.date | str, *, baseline: Period | str | None = None) -> ByDeadline:
    """``by_deadline("2025-12-31", baseline=2020)``: judged on the latest figure by then."""
    return ByDeadline(to_date(deadline), None if baseline is None else to_period(baseline))


def over_term() -> OverTerm:
    """Judged once on a measure that spans the term (growth, total)."""
    return OverTerm()
