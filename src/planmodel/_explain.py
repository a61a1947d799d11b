"""Explanations of a target's verdict: which figure decided it, against what."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .judgements import Judgement
from .measures import Measure
from .plan import Plan
from .status import Status
from .targets import Version
from .words import Amount, Each, LevelName, PeriodLabel, Phrase


def figure(plan: Plan, measure: Measure | None, value: Decimal | str | bool | None) -> Any:
    """A measured value to be said: a number with its unit, a rating's level, yes/no."""
    if value is None or measure is None:
        return "—"
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        rated = measure.metric_ids()[0] if measure.metric_ids() else ""
        return LevelName(rated, value)
    return Amount(value, measure.unit(plan), computed=measure.computes())


def _figure(plan: Plan, measure: Measure | None, judgement: Judgement) -> Any:
    if judgement.value is None:
        if judgement.reason is not None:
            return Phrase("explain.reason", reason=judgement.reason)
        return Phrase("explain.no_figure")
    shown = figure(plan, measure, judgement.value)
    return Phrase("explain.warning", figure=shown) if judgement.warning else shown


def _goal(plan: Plan, version: Version, status: Status) -> Phrase:
    condition = version.condition.words(plan, version.measure)
    schedule = version.schedule.words()
    if version.across is not None:
        return Phrase(
            "explain.goal.across",
            condition=condition,
            schedule=schedule,
            across=version.across.words(),
            status=status,
        )
    return Phrase("explain.goal", condition=condition, schedule=schedule, status=status)


def _one(plan: Plan, version: Version, status: Status, judgements: tuple[Judgement, ...]) -> Phrase:
    goal = _goal(plan, version, status)
    key = version.schedule.deciding(status, judgements)
    if key is None:
        return Phrase("explain.nothing_due", goal=goal)
    when = PeriodLabel(key.period) if key.period is not None else ""
    if key.parts:
        parts = version.condition.measures(version.measure)
        figures = Each(
            (
                Phrase(
                    "explain.part",
                    measure=measure.words(),
                    figure=_figure(plan, measure, judged),
                    status=judged.status,
                )
                for measure, judged in zip(parts, key.parts, strict=True)
            ),
            joiner="list.semicolon",
        )
        return Phrase("explain.parts", when=when, figures=figures, goal=goal)
    measure = version.measure
    if measure is None:
        return Phrase("explain.one.bare", when=when, figure=_figure(plan, None, key), goal=goal)
    return Phrase(
        "explain.one",
        when=when,
        measure=measure.words(),
        figure=_figure(plan, measure, key),
        goal=goal,
    )


def explanation(
    plan: Plan,
    *,
    version: Version,
    status: Status,
    judgements: tuple[Judgement, ...],
    members: tuple[tuple[str, Status], ...],
    replaced: Any,
) -> Phrase:
    """One sentence: the deciding period, what it measured, the target and the verdict.

    For example: "2023: budget revenue vs the city's estimate 7.2% — target between 5
    and 10%, every year 2021-2025: met". Across members: how many succeed, and which
    fall short.
    """
    if members:
        goal = _goal(plan, version, status)
        short = [(member, found) for member, found in members if not found.is_success]
        if short:
            # The members that fall short, grouped by status, the most severe first.
            by_status: dict[Status, list[str]] = {}
            for member, found in sorted(short, key=lambda pair: -pair[1].severity):
                by_status.setdefault(found, []).append(member)
            groups = Each(
                (
                    Phrase("explain.members.group", status=found, members=Each(names))
                    for found, names in by_status.items()
                ),
                joiner="list.semicolon",
            )
            said = Phrase(
                "explain.members",
                succeeding=str(len(members) - len(short)),
                total=str(len(members)),
                short=groups,
                goal=goal,
            )
        else:
            said = Phrase("explain.members.all", total=str(len(members)), goal=goal)
    else:
        said = _one(plan, version, status, judgements)
    if replaced is None:
        return said
    return Phrase("explain.revised", explanation=said, day=replaced)
