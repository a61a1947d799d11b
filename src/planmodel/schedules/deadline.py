"""A deadline ("đến năm 2025"), with an optional baseline and milestones on the way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Optional

from attrs import field, frozen

from .._ids import to_tuple
from .._judging import Judging
from .._numbers import to_decimal
from .._rows import MET, NO_DATA, PENDING, row, with_remark
from ..conditions import Condition
from ..context import Context
from ..errors import FieldError, Problem
from ..judgements import Judgement
from ..measures import Measure
from ..periods import Calendar, FiscalYear, Period, format_period, to_date, to_period
from ..status import Status
from ..words import Phrase
from .base import SCHEDULES, Schedule, by_moment, judge_by_rows, outside_term
from .base import line as shared_line

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = ["ByDeadline", "Milestone"]


@frozen
class Milestone:
    """An intermediate goal on the way to a deadline: "by 2020, 25% below 2010".

    Its ``goal`` is a value of the target's measure; the condition keeps its shape
    (at least, at most) and its tolerance, aimed at the milestone's goal.
    """

    period: Period = field(converter=to_period)
    goal: Decimal = field(converter=to_decimal)


def _to_milestones(value: object) -> tuple[Milestone, ...]:
    if isinstance(value, Mapping):
        return tuple(Milestone(period, goal) for period, goal in value.items())
    return to_tuple(value)  # type: ignore[arg-type]


def _optional_period(value: object) -> Period | None:
    return None if value is None else to_period(value)


def _final_period(calendar: Calendar, periods: Iterable[Period], day: dt.date) -> Period | None:
    """The period whose figure is final for a deadline (or milestone) on *day*: the latest
    figure dated within the plan's year that contains *day*, at or before it."""
    opens = calendar.start(calendar.year_of(day))
    found = [p for p in periods if opens <= calendar.end(p) <= day]
    return max(found, key=calendar.end) if found else None


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@SCHEDULES.register
@frozen
class ByDeadline(Schedule):
    """Judged on the figure for the deadline's period, once the deadline has passed.

    - **After the deadline** the final figure is the one for the deadline's period:
      the latest figure dated within the plan's year that contains the deadline, at or
      before it (the year's own figure for a year-end deadline). An older figure is
      not final: without the final figure the target is ``no_data``, with the earlier
      judgements still shown. ``latest_within=n`` accepts instead the latest figure of
      the *n* years up to the deadline (the "latest available data" practice), and the
      judgement says so.
    - **Before the deadline** a figure is compared with the line from the
      ``baseline`` figure through the ``milestones`` to the goal: ``on_track`` on the
      acceptable side of it, else ``off_track``; with no baseline, interim figures are
      ``pending``. A milestone whose day has passed is judged like a deadline, against
      its own goal. The latest judgement gives the status.
    - Figures at or before the baseline describe the starting point and are not judged.
    - A condition that stays met once met (``achieved``) is met by any met figure on or
      before the deadline; the judgement records when.
    """

    kind: ClassVar[str] = "by_deadline"
    deadline: dt.date = field(converter=to_date)
    baseline: Optional[Period] = field(default=None, converter=_optional_period)
    milestones: tuple[Milestone, ...] = field(default=(), converter=_to_milestones, kw_only=True)
    latest_within: Optional[int] = field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        # Where a fiscal year ends depends on the plan's calendar: such a schedule is
        # put in order when the plan is validated (problems), not here.
        if not self._names_fiscal_years():
            for where, message in self._order_problems(Calendar()):
                raise FieldError(where, message)

    def _names_fiscal_years(self) -> bool:
        periods = [self.baseline, *(m.period for m in self.milestones)]
        return any(isinstance(period, FiscalYear) for period in periods)

    def _order_problems(self, calendar: Calendar) -> list[tuple[str, str]]:
        """The baseline and the milestones out of time order, with the field at fault."""
        found = []
        if self.baseline is not None and calendar.end(self.baseline) >= self.deadline:
            found.append(
                (
                    "baseline",
                    f"{format_period(self.baseline)} must come before the deadline {self.deadline}",
                )
            )
        days = [calendar.end(item.period) for item in self.milestones]
        if days != sorted(set(days)):
            found.append(("milestones", "milestones must be listed in time order, one per day"))
        elif days and days[-1] >= self.deadline:
            found.append(("milestones", "every milestone must come before the deadline"))
        elif days and self.baseline is not None and days[0] <= calendar.end(self.baseline):
            found.append(("milestones", "every milestone must come after the baseline"))
        return found

    @milestones.validator
    def _check_milestones(self, _attribute: object, value: tuple[Milestone, ...]) -> None:
        for item in value:
            if not isinstance(item, Milestone):
                raise FieldError("milestones", f"expected Milestone, got {item!r}")

    @latest_within.validator
    def _check_window(self, _attribute: object, value: int | None) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise FieldError("latest_within", f"expected a number of years from 1, got {value!r}")

    def judge(
        self, measure: Measure | None, condition: Condition, ctx: Context, as_of: dt.date
    ) -> tuple[Status, tuple[Judgement, ...]]:
        return judge_by_rows(self, measure, condition, ctx, as_of)

    def judge_rows(
        self, judging: Judging, as_of: dt.date
    ) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        calendar = judging.calendar
        start = calendar.end(self.baseline) if self.baseline is not None else dt.date.min
        cut_off = min(as_of, self.deadline)
        periods = [
            period for period in judging.periods() if start < calendar.end(period) <= cut_off
        ]
        line = None
        if self.baseline is not None:
            steps = tuple((calendar.end(m.period), m.goal) for m in self.milestones)
            line = shared_line(calendar.end(self.baseline), steps, self.deadline)
        rows = dict(zip(periods, judging.interims(periods, self.baseline, line), strict=True))
        missing: list[tuple[Any, ...]] = []
        for milestone in self.milestones:
            day = calendar.end(milestone.period)
            if day > as_of:
                continue
            final = _final_period(calendar, periods, day)
            remark = Phrase("remark.milestone", period=milestone.period)
            if final is None:
                reason = Phrase("reason.no_milestone_figure", period=milestone.period)
                missing.append(
                    row(
                        milestone.period,
                        NO_DATA,
                        expected=milestone.goal,
                        reason=reason,
                        remark=remark,
                    )
                )
            else:
                rows[final] = judging.final(final, self.baseline, milestone.goal, remark)
        if judging.condition.kept_once_met:
            for period in periods:
                reached = judging.final(period, self.baseline)
                if reached[1] <= MET:
                    # "reached in 2024", "reached on 2024-11-20"
                    key = "remark.reached.on" if isinstance(period, dt.date) else "remark.reached"
                    rows[period] = with_remark(reached, Phrase(key, period=period))
                    return reached[1], by_moment(calendar, [*rows.values(), *missing])
        if as_of < self.deadline:
            ordered = by_moment(calendar, [*rows.values(), *missing])
            # Before the deadline the latest figure speaks, whatever it says: a figure
            # that cannot be judged (its baseline is missing, say) is no_data, not pending.
            return (ordered[-1][1] if ordered else PENDING), ordered
        return self._after(judging, periods=periods, rows=rows, missing=missing)

    def _after(
        self,
        judging: Judging,
        *,
        periods: list[Period],
        rows: dict[Period, tuple[Any, ...]],
        missing: list[tuple[Any, ...]],
    ) -> tuple[int, tuple[tuple[Any, ...], ...]]:
        calendar = judging.calendar
        final = _final_period(calendar, periods, self.deadline)
        remark = None
        if final is None and self.latest_within is not None:
            opens = _years_before(self.deadline, self.latest_within)
            window = [p for p in periods if calendar.end(p) > opens]
            if window:
                final = max(window, key=calendar.end)
                remark = Phrase(
                    "remark.latest_available", period=final, years=str(self.latest_within)
                )
        if final is None:
            reason = Phrase("reason.no_final_figure", deadline=self.deadline)
            missing.append(row(self.deadline, NO_DATA, reason=reason))
            return NO_DATA, by_moment(calendar, [*rows.values(), *missing])
        rows[final] = judging.final(final, self.baseline, None, remark)
        return rows[final][1], by_moment(calendar, [*rows.values(), *missing])

    def reads(self, period: Period) -> tuple[Period, ...]:
        # Progress and the interim line run from the baseline's figure.
        return (period,) if self.baseline is None else (self.baseline, period)

    def deciding(self, status: Status, judgements: Sequence[Judgement]) -> Judgement | None:
        # The verdict is the latest figure's (the final one, after the deadline), or, for
        # a target kept once met, that of the figure that first met it.
        chosen = [j for j in judgements if j.status is status]
        for judgement in chosen:
            if judgement.remark is not None and judgement.remark.key.startswith("remark.reached"):
                return judgement
        return chosen[-1] if chosen else super().deciding(status, judgements)

    def problems(
        self, plan: Plan, measure: Measure | None, condition: Condition, path: str
    ) -> list[Problem]:
        found = outside_term(plan, self.deadline.year, f"{path}.schedule.deadline")
        if self._names_fiscal_years():
            found += [
                Problem(f"{path}.schedule.{where}", message)
                for where, message in self._order_problems(plan.calendar)
            ]
        if self.milestones and condition.goal() is None:
            found.append(
                Problem(
                    f"{path}.schedule.milestones",
                    f"milestones need a condition with a goal (at_least, at_most, or a "
                    f"between or exactly with better=); {condition.kind} has none",
                )
            )
        return found + super().problems(plan, measure, condition, path)

    def words(self) -> Phrase:
        return Phrase("schedule.by_deadline", deadline=self.deadline)


def by_deadline(
    deadline: dt.date | str,
    *,
    baseline: Period | str | None = None,
    milestones: Mapping[Any, Any] | Iterable[Milestone] = (),
    latest_within: int | None = None,
) -> ByDeadline:
    """``by_deadline("2025-12-31", baseline=2020)``: judged on the deadline's figure.

    ``milestones={2020: -25, 2025: -38}`` adds intermediate goals (the line runs
    through them); ``latest_within=3`` accepts the latest figure of the last three
    years when the deadline's own is missing.
    """
    return ByDeadline(
        to_date(deadline),
        None if baseline is None else to_period(baseline),
        milestones=_to_milestones(milestones),
        latest_within=latest_within,
    )
