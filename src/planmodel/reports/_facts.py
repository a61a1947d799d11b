"""What every report shows, computed once: the facts of each target in one language.

Renderers only lay these out; they never look inside measures or conditions, so
that the text, Markdown and HTML reports cannot disagree about a figure.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator
from decimal import Decimal
from typing import Optional

from attrs import frozen

from .._explain import show_value, status_word
from .._numbers import HUNDRED, ONE, digits_for, format_number, mul
from .._periods import Period, format_period, period_end
from ..conditions import AllOf, Condition, RatingAtLeast, _Numeric
from ..evaluation import Evaluation, TargetResult
from ..judgements import Judgement
from ..measures import Measure, _RatedMeasure
from ..plan import Plan, Target
from ..status import Status
from ._words import label


@frozen
class Row:
    """One period of one measure, every figure already in words."""

    period: Optional[Period]
    status: Status
    value: str
    gap: str
    progress: str
    expected: str
    note: str
    #: The measured number (a rating as its rank on the scale), for charts.
    number: Optional[Decimal]
    expected_number: Optional[Decimal]
    #: Progress as a number, 1 at the target.
    progress_value: Optional[Decimal]

    @property
    def when(self) -> str:
        return format_period(self.period) if self.period is not None else "—"


@frozen
class Bound:
    """A limit of the acceptable values, drawn as a line on a chart."""

    value: Decimal
    text: str


@frozen
class Series:
    """One measure of a target with its judgements: the target itself, or one part of
    an ``all of``."""

    label: str
    rows: tuple[Row, ...]
    bounds: tuple[Bound, ...]
    #: Names of the levels of a rated measure, lowest first, for a chart's axis.
    levels: tuple[str, ...]

    @property
    def latest(self) -> Row | None:
        """The latest period with a figure, judged or not."""
        found = [row for row in self.rows if row.number is not None]
        return found[-1] if found else None

    @property
    def progress(self) -> tuple[Row, Decimal] | None:
        """The latest period that has a progress figure, and that figure (1 at the target)."""
        for row in reversed(self.rows):
            if row.progress_value is not None:
                return row, row.progress_value
        return None


@frozen
class TargetFacts:
    """A target and its verdict, ready to lay out."""

    number: int
    id: str
    text: str
    requirement: str
    notes: str
    status: Status
    explanation: str
    series: tuple[Series, ...]

    def no_data(self) -> Iterator[tuple[str, Row]]:
        """Every due period lacking a figure, with the part it belongs to."""
        for part in self.series:
            for row in part.rows:
                if row.status is Status.NO_DATA:
                    yield part.label, row


@frozen
class Facts:
    """The whole report: plan, date, counts by status and every target."""

    lang: str
    plan_id: str
    title: str
    jurisdiction: str
    as_of: str
    summary: tuple[tuple[Status, int], ...]
    targets: tuple[TargetFacts, ...]

    @property
    def total(self) -> int:
        return len(self.targets)

    def summary_line(self) -> str:
        """ "12 targets: 3 not met, 2 pending, 7 met" — only the statuses that occur."""
        counts = ", ".join(
            f"{count} {status_word(status, self.lang)}" for status, count in self.summary if count
        )
        return f"{self.total} {label('target_count', self.lang)}" + (
            f": {counts}" if counts else ""
        )


def trim(value: Decimal) -> Decimal:
    """The same number without trailing zeros after the point: ``140.0`` → ``140``.

    The context is as precise as the number itself, so nothing is rounded.
    """
    if value == value.to_integral_value():
        return value.quantize(ONE, context=digits_for(value, 0))
    return value.normalize(decimal.Context(prec=max(len(value.as_tuple().digits), 1)))


def percent(progress: Decimal) -> str:
    """Progress (1 at the target) in percent.

    >>> percent(Decimal("1.4")), percent(Decimal(1) / 3)
    ('140%', '≈33.33%')
    """
    return f"{format_number(trim(mul(progress, HUNDRED)))}%"


def _bounds(plan: Plan, measure: Measure | None, condition: Condition, lang: str) -> list[Bound]:
    if isinstance(condition, _Numeric):
        lo, _, hi, _ = condition.bounds()
        found = {value for value in (lo, hi) if value is not None}
        return [Bound(value, show_value(plan, measure, value, lang)) for value in sorted(found)]
    if isinstance(condition, RatingAtLeast) and isinstance(measure, _RatedMeasure):
        rank = measure.scale(plan).rank(condition.level)
        return [Bound(Decimal(rank), show_value(plan, measure, condition.level, lang))]
    return []


def _row(plan: Plan, measure: Measure | None, judgement: Judgement, lang: str) -> Row:
    value, number = judgement.value, None
    gap = ""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, str) and isinstance(measure, _RatedMeasure):
        number = Decimal(measure.scale(plan).rank(value))
    if judgement.gap is not None:
        if isinstance(value, str):
            # A rating's gap counts levels of the scale, not the measure's unit.
            word = label("level" if judgement.gap == 1 else "levels", lang)
            gap = f"{format_number(judgement.gap)} {word}"
        else:
            gap = show_value(plan, measure, judgement.gap, lang)
    return Row(
        period=judgement.period,
        status=judgement.status,
        value=show_value(plan, measure, value, lang) if value is not None else "—",
        gap=gap,
        progress=percent(judgement.progress) if judgement.progress is not None else "",
        expected=(
            show_value(plan, measure, judgement.expected, lang)
            if judgement.expected is not None
            else ""
        ),
        note=judgement.reason.pick(lang, "en") if judgement.reason is not None else "",
        number=number,
        expected_number=judgement.expected,
        progress_value=judgement.progress,
    )


def _all_series(plan: Plan, target: Target, result: TargetResult, lang: str) -> tuple[Series, ...]:
    condition = target.condition
    if not isinstance(condition, AllOf):
        return (
            _series(
                plan,
                "",
                measure=target.measure,
                condition=condition,
                judgements=result.judgements,
                lang=lang,
            ),
        )
    parts = []
    for index, item in enumerate(condition.parts):
        # A period judged as a whole (no figure by the deadline) has no parts of its
        # own: it stands for every part.
        judgements = tuple(j.parts[index] if j.parts else j for j in result.judgements)
        # A part's own text states its requirement; without one, the model's reading does.
        if item.text is not None:
            name = item.text.pick(lang, plan.source_language)
        else:
            what = item.measure.describe(plan, lang) + " " if item.measure is not None else ""
            name = what + item.condition.describe(plan, item.measure, lang)
        parts.append(
            _series(
                plan,
                name,
                measure=item.measure,
                condition=item.condition,
                judgements=judgements,
                lang=lang,
            )
        )
    return tuple(parts)


def _series(
    plan: Plan,
    name: str,
    *,
    measure: Measure | None,
    condition: Condition,
    judgements: tuple[Judgement, ...],
    lang: str,
) -> Series:
    levels: tuple[str, ...] = ()
    if isinstance(measure, _RatedMeasure) and measure.yields == "rating":
        levels = tuple(
            level.label.pick(lang, plan.source_language) for level in measure.scale(plan).levels
        )
    return Series(
        name,
        tuple(_row(plan, measure, judgement, lang) for judgement in judgements),
        tuple(_bounds(plan, measure, condition, lang)),
        levels,
    )


def facts(plan: Plan, evaluation: Evaluation, lang: str) -> Facts:
    """Everything a report shows about *evaluation* of *plan*, in *lang*."""
    if evaluation.plan != plan.id:
        raise ValueError(f"the evaluation is of plan {evaluation.plan!r}, not {plan.id!r}")
    order = {target.id: index for index, target in enumerate(plan.targets, start=1)}
    targets = []
    for result in evaluation.targets:
        target = plan.target(result.target)
        targets.append(
            TargetFacts(
                number=order[target.id],
                id=target.id,
                text=target.text.pick(lang, plan.source_language),
                requirement=target.describe(plan, lang),
                notes=target.notes.pick(lang, plan.source_language) if target.notes else "",
                status=result.status,
                explanation=result.explanation.pick(lang, "en", plan.source_language),
                series=_all_series(plan, target, result, lang),
            )
        )
    return Facts(
        lang=lang,
        plan_id=plan.id,
        title=plan.title.pick(lang, plan.source_language),
        jurisdiction=plan.jurisdiction.pick(lang, plan.source_language),
        as_of=evaluation.as_of.isoformat(),
        summary=tuple(evaluation.summary.items()),
        targets=tuple(targets),
    )


def x_position(period: Period) -> int:
    """A period's place on a time line, in days (a year counts as of its last day)."""
    return period_end(period).toordinal()
