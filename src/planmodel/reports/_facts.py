"""What every report shows, computed once: the facts of each target in one language.

Renderers only lay these out; they never look inside measures or conditions, so
that the text, Markdown and HTML reports cannot disagree about a figure.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from importlib import metadata
from typing import Optional

from attrs import frozen

from .._explain import figure
from .._numbers import HUNDRED, ONE, digits_for, mul
from ..conditions import Condition
from ..evaluation import Evaluation, TargetResult
from ..judgements import Judgement
from ..measures import Measure
from ..periods import Period
from ..plan import Plan
from ..status import Status
from ..targets import Target
from ..text import Text
from ..units import PERCENT_UNIT
from ..words import Amount, Phrase, language, period_label, say, status_word
from ._words import label, targets_counted
from .outline import source_words


@frozen
class Row:
    """One period of one measure, every figure already in words."""

    period: Optional[Period]
    #: The period as a table cell writes it in the report's language: "—" for none.
    when: str
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
    #: A met figure past the condition's warning level.
    warning: bool = False
    #: The day the period ends, for a time line.
    day: Optional[dt.date] = None
    #: The numbers of the report's source notes (:attr:`Facts.sources`) for the
    #: figures this judgement rests on.
    sources: tuple[int, ...] = ()

    @property
    def cited(self) -> str:
        """The source notes as a reference mark: "[1]", "[1, 3]", or nothing."""
        return f"[{', '.join(map(str, self.sources))}]" if self.sources else ""


@frozen
class Bound:
    """A limit of the acceptable values, drawn as a line on a chart."""

    value: Decimal
    text: str


@frozen
class Series:
    """One measure of a target with its judgements: the target itself, one part of an
    ``all of``, or one member of a breakdown."""

    label: str
    rows: tuple[Row, ...]
    bounds: tuple[Bound, ...]
    #: Names of the levels of a rated measure, lowest first, for a chart's axis.
    levels: tuple[str, ...]
    #: The series' own status, for a member of a breakdown.
    status: Optional[Status] = None

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

    #: "15", or "15.1" for the first sub-target of target 15.
    number: str
    id: str
    text: str
    requirement: str
    notes: str
    status: Status
    explanation: str
    series: tuple[Series, ...]
    #: How deep the target sits under its parents: 0 for a target of the plan.
    depth: int = 0
    #: Labelled facts about the target: its parent, commitment, attributes, revisions.
    details: tuple[tuple[str, str], ...] = ()

    @property
    def latest(self) -> str:
        """The latest figure of each part (each member, named), for an overview: "—"
        when there is none."""
        shown = []
        for part in self.series:
            row = part.latest
            if row is not None:
                who = f"{part.label} " if part.status is not None else ""
                shown.append(f"{who}{row.when}: {row.value}")
        return "; ".join(shown) or "—"

    @property
    def progress(self) -> str:
        """The latest progress of each part, in percent, for an overview: one entry for
        each figure in :attr:`latest`, so that the two line up ("—" where a part's figure
        has no progress), and nothing when no part has any."""
        shown = [part.progress for part in self.series if part.latest is not None]
        if not any(shown):
            return ""
        return "; ".join(found[0].progress if found else "—" for found in shown)

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
    #: ``None`` when the plan does not say which jurisdiction it governs.
    jurisdiction: Optional[str]
    as_of: str
    summary: tuple[tuple[Status, int], ...]
    targets: tuple[TargetFacts, ...]
    #: The source notes the rows cite, numbered from 1: where each figure came from.
    sources: tuple[str, ...] = ()
    #: What the report was made from and with: the plan's source, the inputs, the
    #: planmodel version, when it was made; each a label and its text.
    about: tuple[tuple[str, str], ...] = ()

    @property
    def total(self) -> int:
        return len(self.targets)

    def summary_line(self) -> str:
        """ "12 targets: 3 not met, 2 pending, 7 met" — only the statuses that occur."""
        counts = ", ".join(
            f"{count} {status_word(status, self.lang)}" for status, count in self.summary if count
        )
        return targets_counted(self.total, self.lang) + (f": {counts}" if counts else "")


def trim(value: Decimal) -> Decimal:
    """The same number without trailing zeros after the point: ``140.0`` → ``140``.

    The context is as precise as the number itself, so nothing is rounded.
    """
    if value == value.to_integral_value():
        return value.quantize(ONE, context=digits_for(value, 0))
    return value.normalize(decimal.Context(prec=max(len(value.as_tuple().digits), 1)))


def percent(progress: Decimal, lang: str = "en") -> str:
    """Progress (1 at the target) in percent, a computed number in the numbers of *lang*.

    >>> percent(Decimal("1.4")), percent(Decimal(1) / 3), percent(Decimal("1.046875"), "vi")
    ('140%', '≈33.33%', '≈104,69%')
    """
    return say(Amount(trim(mul(progress, HUNDRED)), PERCENT_UNIT, computed=True), lang)


def _said(
    plan: Plan, measure: Measure | None, value: Decimal | str | bool | None, lang: str
) -> str:
    return say(figure(plan, measure, value), lang, plan)


def _bounds(plan: Plan, measure: Measure | None, condition: Condition, lang: str) -> list[Bound]:
    found = []
    scale = measure.scale(plan) if measure is not None else None
    for mark in condition.marks():
        if isinstance(mark, Decimal):
            # A bound is the plan's own number, shown as given whatever the measure.
            unit = measure.unit(plan) if measure is not None else None
            text = say(Amount(mark, unit), lang, plan) if unit is not None else say(mark, lang)
            found.append(Bound(mark, text))
        elif scale is not None and mark in scale.level_ids:
            found.append(Bound(Decimal(scale.rank(mark)), _said(plan, measure, mark, lang)))
    return found


def _note(judgement: Judgement, plan: Plan, lang: str) -> str:
    said = [
        say(phrase, lang, plan)
        for phrase in (judgement.remark, judgement.reason)
        if phrase is not None
    ]
    return "; ".join(said)


#: Verdicts of a figure that falls short: their gap is shown even when it is 0 (a value
#: on a strict bound, "trên 95%" with 95).
_SHORT = (Status.NOT_MET, Status.NEARLY_MET, Status.OFF_TRACK)


def shows_gap(judgement: Judgement) -> bool:
    """Whether a report shows the judgement's gap: only for a figure that falls short.

    A met or exceeded figure has nothing left to close (the gap of an exceeded one is
    how far it lies beyond the far bound, kept in the evaluation but not shown as a
    shortfall), nor has a figure on track or pending that already meets the target
    (its gap is 0).
    """
    if judgement.gap is None or judgement.status.is_success:
        return False
    return judgement.gap != 0 or judgement.status in _SHORT


#: The source notes a judgement's figures cite, by their numbers in the report.
Cite = Callable[[Judgement], tuple[int, ...]]


class _SourceNotes:
    """The report's source notes, numbered as the rows first cite them: one note per
    distinct source and note of a figure, so that a source cited by many figures is
    listed once."""

    def __init__(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        self.numbers: dict[str, int] = {}
        self.traced = evaluation.observations is not None and evaluation.judged_plan is not None

    def cite(self, target: str, member: str | None, part: int | None) -> Cite:
        def numbers(judgement: Judgement) -> tuple[int, ...]:
            if not self.traced or judgement.value is None:
                return ()
            found: list[int] = []
            figures = self.evaluation.figures(target, judgement, member=member, part=part)
            for read in figures:
                text = " — ".join(t for t in (read.source, read.note) if t)
                if text:
                    number = self.numbers.setdefault(text, len(self.numbers) + 1)
                    if number not in found:
                        found.append(number)
            return tuple(sorted(found))

        return numbers


def _row(plan: Plan, measure: Measure | None, judgement: Judgement, lang: str, cite: Cite) -> Row:
    value, number = judgement.value, None
    gap = ""
    if isinstance(value, bool):
        number = ONE if value else Decimal(0)
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, str) and measure is not None:
        scale = measure.scale(plan)
        number = Decimal(scale.rank(value)) if scale is not None else None
    if shows_gap(judgement) and judgement.gap is not None and not isinstance(value, bool):
        if isinstance(value, str):
            # A rating's gap counts levels of the scale, not the measure's unit.
            word = label("level" if judgement.gap == 1 else "levels", lang)
            gap = f"{language(lang).number(judgement.gap, computed=True)} {word}"
        elif measure is not None:
            unit = measure.unit(plan).difference()
            gap = say(Amount(judgement.gap, unit, computed=True), lang, plan)
    expected = ""
    if judgement.expected is not None and measure is not None:
        expected = say(Amount(judgement.expected, measure.unit(plan), computed=True), lang, plan)
    return Row(
        period=judgement.period,
        when=period_label(judgement.period, lang, plan) if judgement.period is not None else "—",
        status=judgement.status,
        value=_said(plan, measure, value, lang) if value is not None else "—",
        gap=gap,
        progress=percent(judgement.progress, lang) if judgement.progress is not None else "",
        expected=expected,
        note=_note(judgement, plan, lang),
        number=number,
        expected_number=judgement.expected,
        progress_value=judgement.progress,
        warning=judgement.warning,
        day=plan.calendar.end(judgement.period) if judgement.period is not None else None,
        sources=cite(judgement),
    )


def _series(
    plan: Plan,
    name: str,
    *,
    measure: Measure | None,
    condition: Condition,
    judgements: tuple[Judgement, ...],
    lang: str,
    cite: Cite,
    status: Status | None = None,
) -> Series:
    levels: tuple[str, ...] = ()
    scale = measure.scale(plan) if measure is not None else None
    if scale is not None and measure is not None and measure.yields(plan) == "rating":
        levels = tuple(level.label.pick(lang, plan.source_language) for level in scale.levels)
    return Series(
        name,
        tuple(_row(plan, measure, judgement, lang, cite) for judgement in judgements),
        tuple(_bounds(plan, measure, condition, lang)),
        levels,
        status,
    )


def _all_series(
    plan: Plan, result: TargetResult, lang: str, notes: _SourceNotes
) -> tuple[Series, ...]:
    version = result.version
    if result.members:
        return tuple(
            series
            for member in result.members
            for series in _components(
                plan,
                measure=version.measure,
                condition=version.condition,
                judgements=member.judgements,
                lang=lang,
                member=member,
                cite=functools.partial(notes.cite, result.target, member.member),
            )
        )
    return _components(
        plan,
        measure=version.measure,
        condition=version.condition,
        judgements=result.judgements,
        lang=lang,
        member=None,
        cite=functools.partial(notes.cite, result.target, None),
    )


def _components(
    plan: Plan,
    *,
    measure: Measure | None,
    condition: Condition,
    judgements: tuple[Judgement, ...],
    lang: str,
    member: object,
    cite: Callable[[int | None], Cite],
) -> tuple[Series, ...]:
    pieces = condition.components(measure)
    prefix = getattr(member, "member", "")
    status = getattr(member, "status", None)
    if len(pieces) == 1:
        return (
            _series(
                plan,
                prefix,
                measure=measure,
                condition=condition,
                judgements=judgements,
                lang=lang,
                cite=cite(None),
                status=status,
            ),
        )
    found = []
    for index, (text, one, judged) in enumerate(pieces):
        # A period judged as a whole (no figure by the deadline) has no parts of its
        # own: it stands for every part.
        rows = tuple(j.parts[index] if j.parts else j for j in judgements)
        # A part's own text states its requirement; without one, the model's reading does.
        if text is not None:
            name = text.pick(lang, plan.source_language)
        else:
            what = one.describe(plan, lang) + " " if one is not None else ""
            name = what + judged.describe(plan, one, lang)
        if prefix:
            name = f"{prefix}: {name}"
        found.append(
            _series(
                plan,
                name,
                measure=one,
                condition=judged,
                judgements=rows,
                lang=lang,
                cite=cite(index),
                status=status,
            )
        )
    return tuple(found)


def _details(plan: Plan, target: Target, result: TargetResult, lang: str) -> list[tuple[str, str]]:
    found = []
    if target.part_of is not None:
        found.append((label("part_of", lang), target.part_of))
    if target.commitment is not None:
        found.append((label("commitment", lang), label(f"commitment.{target.commitment}", lang)))
    if target.attributes:
        shown = ", ".join(f"{key}: {text}" for key, text in target.attributes.items_tuple)
        found.append((label("attributes", lang), shown))
    for index, revision in enumerate(target.revisions):
        version = target.versions()[index]
        said = say(
            Phrase(
                "label.revision",
                day=revision.replaced,
                requirement=version.words(plan),
            ),
            lang,
            plan,
        )
        if revision.reason is not None:
            said += f" ({revision.reason.pick(lang, plan.source_language)})"
        found.append((label("revised", lang), said))
    return found


def planmodel_version() -> str:
    """The installed planmodel's version, as a report names it."""
    try:
        return metadata.version("planmodel")
    except metadata.PackageNotFoundError:  # run from a source tree never installed
        return "0+unknown"


def made_at(when: dt.datetime, lang: str) -> str:
    """A moment as a report states when it was made: its day in *lang*'s way, the time
    to the minute, and the time zone when it has one."""
    zone = when.strftime(" %Z") if when.tzinfo is not None else ""
    return f"{language(lang).date(when.date())} {when:%H:%M}{zone}"


def _about(
    plan: Plan, lang: str, inputs: Sequence[str], made: dt.datetime | None
) -> Iterator[tuple[str, str]]:
    """What the report was made from and with, each line a label and its text."""

    def pick(text: Text) -> str:
        return text.pick(lang, plan.source_language)

    if plan.source is not None:
        yield label("plan_source", lang), source_words(plan.source, lang, pick)
    else:
        yield label("plan_source", lang), label("not_stated", lang)
    if inputs:
        yield label("inputs", lang), ", ".join(inputs)
    yield label("made_with", lang), f"planmodel {planmodel_version()}"
    if made is not None:
        yield label("made_on", lang), made_at(made, lang)


def facts(
    plan: Plan,
    evaluation: Evaluation,
    lang: str,
    *,
    inputs: Sequence[str] = (),
    made: dt.datetime | None = None,
) -> Facts:
    """Everything a report shows about *evaluation* of *plan*, in *lang*: *inputs*
    name the files read, *made* is when the report was made (left out when not
    given, so that a report made twice from the same inputs is the same)."""
    if evaluation.plan != plan.id:
        raise ValueError(f"the evaluation is of plan {evaluation.plan!r}, not {plan.id!r}")
    results = {result.target: result for result in evaluation.targets}
    notes = _SourceNotes(evaluation)
    targets = []
    for number, depth, target in plan.numbered():
        if target.id not in results:
            continue  # left out of the evaluation (where=)
        result = results[target.id]
        targets.append(
            TargetFacts(
                number=number,
                id=target.id,
                text=target.text.pick(lang, plan.source_language),
                requirement=say(result.version.words(plan), lang, plan),
                notes=target.notes.pick(lang, plan.source_language) if target.notes else "",
                status=result.status,
                explanation=say(result.explanation_words(), lang, plan),
                series=_all_series(plan, result, lang, notes),
                depth=depth,
                details=tuple(_details(plan, target, result, lang)),
            )
        )
    return Facts(
        lang=lang,
        plan_id=plan.id,
        title=plan.title.pick(lang, plan.source_language),
        jurisdiction=(
            plan.jurisdiction.pick(lang, plan.source_language)
            if plan.jurisdiction is not None
            else None
        ),
        as_of=language(lang).date(evaluation.as_of),
        summary=tuple(evaluation.summary.items()),
        targets=tuple(targets),
        sources=tuple(notes.numbers),
        about=tuple(_about(plan, lang, inputs, made)),
    )
