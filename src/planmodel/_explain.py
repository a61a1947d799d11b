"""Short explanations of a target's verdict, in English and Vietnamese."""

from __future__ import annotations

from decimal import Decimal

from ._numbers import format_number
from ._periods import format_period
from .conditions import AllOf
from .judgements import Judgement
from .measures import Measure, _RatedMeasure
from .plan import Plan, Target
from .status import Status

#: Languages the explanations are written in; others fall back to English.
LANGUAGES = ("en", "vi")

STATUS_WORDS = {
    "en": {
        Status.NOT_MET: "not met",
        Status.OFF_TRACK: "off track",
        Status.NO_DATA: "no data",
        Status.PENDING: "pending",
        Status.ON_TRACK: "on track",
        Status.MET: "met",
        Status.EXCEEDED: "exceeded",
    },
    "vi": {
        Status.NOT_MET: "không đạt",
        Status.OFF_TRACK: "chậm so với lộ trình",
        Status.NO_DATA: "chưa có số liệu",
        Status.PENDING: "chưa đến hạn",
        Status.ON_TRACK: "đúng lộ trình",
        Status.MET: "đạt",
        Status.EXCEEDED: "vượt",
    },
}

_WORDS = {
    "en": {"target": "target", "no_figure": "no figure", "nothing_due": "nothing due yet"},
    "vi": {"target": "chỉ tiêu", "no_figure": "chưa có số liệu", "nothing_due": "chưa đến hạn"},
}


def status_word(status: Status, lang: str) -> str:
    return STATUS_WORDS.get(lang, STATUS_WORDS["en"])[status]


def show_value(plan: Plan, measure: Measure | None, value: Decimal | str | None, lang: str) -> str:
    """A measured value with its unit, or a rating's label."""
    if value is None or measure is None:
        return "—"
    if isinstance(value, str):
        if isinstance(measure, _RatedMeasure):
            return measure.scale(plan).level(value).label.pick(lang, plan.source_language)
        return value
    unit = measure.unit(plan)
    if unit == "percent":
        return f"{format_number(value)}%"
    if unit == "count":
        return format_number(value)
    return f"{format_number(value)} {unit}"


def _figure(plan: Plan, measure: Measure | None, judgement: Judgement, lang: str) -> str:
    if judgement.value is None:
        if judgement.reason is not None:
            return f"({judgement.reason.pick(lang, 'en')})"
        return _WORDS.get(lang, _WORDS["en"])["no_figure"]
    return show_value(plan, measure, judgement.value, lang)


def _key_judgement(status: Status, judgements: tuple[Judgement, ...]) -> Judgement | None:
    for judgement in judgements:
        if judgement.status is status:
            return judgement
    judged = [j for j in judgements if j.status is not Status.PENDING]
    return judged[-1] if judged else None


def explain(
    plan: Plan, target: Target, status: Status, judgements: tuple[Judgement, ...], lang: str
) -> str:
    """One sentence: the deciding period, what it measured, the target and the verdict.

    For example: "2023: budget revenue vs the city's estimate 7.2%; target between 5
    and 10%, every year 2021-2025: met".
    """
    words = _WORDS.get(lang, _WORDS["en"])
    condition = target.condition.describe(plan, target.measure, lang)
    goal = (
        f"{words['target']} {condition}, {target.schedule.describe(lang)}: "
        f"{status_word(status, lang)}"
    )
    key = _key_judgement(status, judgements)
    if key is None:
        return f"{words['nothing_due']}; {goal}"
    when = format_period(key.period) if key.period is not None else ""
    if isinstance(target.condition, AllOf) and key.parts:
        figures = "; ".join(
            f"{(p.measure.describe(plan, lang) if p.measure else '')} "
            f"{_figure(plan, p.measure, j, lang)} ({status_word(j.status, lang)})"
            for p, j in zip(target.condition.parts, key.parts, strict=True)
        )
        return f"{when}: {figures} — {goal}"
    what = target.measure.describe(plan, lang) + " " if target.measure is not None else ""
    return f"{when}: {what}{_figure(plan, target.measure, key, lang)} — {goal}"
