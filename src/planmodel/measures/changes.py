"""Changes: a figure against a reference (another metric, a baseline, the period
before) as a relative change, a difference or an index; and the difference of two
measures."""

from __future__ import annotations

import abc
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from attrs import field, frozen, validators

from .._ids import instance_of
from .._numbers import percent_of, sub
from ..context import Context, Missing
from ..kinds import Registry, overrides
from ..periods import Period, to_period
from ..units import PERCENT_UNIT, Unit
from ..words import Phrase
from .base import (
    MEASURES,
    Measure,
    Reading,
    Subject,
    read,
    subject_reader,
    subject_ref,
    subject_unit,
    subject_words,
)

if TYPE_CHECKING:
    from ..plan import Plan

__all__ = [
    "REFERENCES",
    "AtBaseline",
    "Change",
    "Difference",
    "Form",
    "OtherMetric",
    "PreviousPeriod",
    "Reference",
]

#: How a change is expressed: ``relative`` ((v − ref) / ref in percent),
#: ``difference`` (v − ref in the figure's unit: percentage points for a percentage),
#: ``index`` (v / ref × 100: "109.4% of 2020").
Form = Literal["relative", "difference", "index"]
FORMS: tuple[Form, ...] = ("relative", "difference", "index")


class Reference(abc.ABC):
    """What a change is measured against."""

    __slots__ = ()
    kind: ClassVar[str]

    @abc.abstractmethod
    def value(self, ctx: Context, subject: Subject, period: Period) -> Decimal | Missing:
        """The reference figure for *subject* in *period*."""

    @abc.abstractmethod
    def words(self) -> Any:
        """The reference, to be said: a metric's name, a period, "the previous year"."""

    def after(self, ctx: Context, period: Period) -> bool:
        """Whether a change can be judged for *period* (only after a baseline)."""
        return True

    def reader(self, ctx: Context, subject: Subject) -> Callable[[Period], Decimal | Missing]:
        """:meth:`value` for *subject* as a function of the period (see
        :meth:`Measure.reader <planmodel.Measure.reader>`)."""
        return functools.partial(self.value, ctx, subject)


REFERENCES: Registry[Reference] = Registry("reference", Reference)
"""Every kind of reference a change is measured against."""


@REFERENCES.register
@frozen
class OtherMetric(Reference):
    """Compare with another metric (or measure) in the same period: revenue vs estimate."""

    kind: ClassVar[str] = "metric"
    metric: Subject = field(**subject_ref())

    def value(self, ctx: Context, subject: Subject, period: Period) -> Decimal | Missing:
        return read(ctx, self.metric, period)

    def reader(self, ctx: Context, subject: Subject) -> Callable[[Period], Decimal | Missing]:
        if overrides(type(self), OtherMetric, "value"):
            return super().reader(ctx, subject)
        return subject_reader(ctx, self.metric)

    def words(self) -> Any:
        return subject_words(self.metric)


@REFERENCES.register
@frozen
class AtBaseline(Reference):
    """Compare with the same figure at a fixed baseline period (the start of 2021).

    The baseline may lie before the plan's term: a 2021-2025 plan measures "since 2020",
    a climate plan "since 2010".
    """

    kind: ClassVar[str] = "baseline"
    period: Period = field(converter=to_period)

    def value(self, ctx: Context, subject: Subject, period: Period) -> Decimal | Missing:
        return read(ctx, subject, self.period)

    def reader(self, ctx: Context, subject: Subject) -> Callable[[Period], Decimal | Missing]:
        if overrides(type(self), AtBaseline, "value"):
            return super().reader(ctx, subject)
        # The same figure for every period: read once, when first asked for.
        found: list[Decimal | Missing] = []

        def baseline(_period: Period) -> Decimal | Missing:
            if not found:
                found.append(read(ctx, subject, self.period))
            return found[0]

        return baseline

    def words(self) -> Any:
        return self.period

    def after(self, ctx: Context, period: Period) -> bool:
        return ctx.calendar.end(period) > ctx.calendar.end(self.period)


@REFERENCES.register
@frozen
class PreviousPeriod(Reference):
    """Compare with the period before: year on year, quarter on quarter."""

    kind: ClassVar[str] = "previous"

    def value(self, ctx: Context, subject: Subject, period: Period) -> Decimal | Missing:
        before = ctx.calendar.previous(period)
        if before is None:
            return Missing(Phrase("reason.no_previous", period=period))
        return read(ctx, subject, before)

    def reader(self, ctx: Context, subject: Subject) -> Callable[[Period], Decimal | Missing]:
        if overrides(type(self), PreviousPeriod, "value"):
            return super().reader(ctx, subject)
        previous, number = ctx.calendar.previous, subject_reader(ctx, subject)

        def before(period: Period) -> Decimal | Missing:
            found = previous(period)
            if found is None:
                return Missing(Phrase("reason.no_previous", period=period))
            return number(found)

        return before

    def words(self) -> Any:
        return Phrase("reference.previous")


@MEASURES.register
@frozen
class Change(Measure):
    """A figure against a reference, in one of three forms (``form=``):

    - ``relative`` (the default): (v − ref) / ref in percent; "reduce poor households by
      ¾" is a change of at most −75;
    - ``difference``: v − ref in the figure's unit, so percentage points for a
      percentage ("giảm 1 - 1,5 điểm phần trăm") and years for life expectancy;
    - ``index``: v / ref × 100 ("bằng 109,4% so với năm 2020"), always 100 + relative.

    ``metric`` is a metric id or another measure: "energy per unit of GDP falls 13.5%"
    is a change of ``ratio("energy", "gdp", per=1)``.
    """

    kind: ClassVar[str] = "change"
    metric: Subject = field(**subject_ref())
    reference: Reference = field(validator=instance_of(Reference))
    form: Form = field(default="relative", validator=validators.in_(FORMS))

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        own = Measure.periods(self, ctx)
        return tuple(period for period in own if self.reference.after(ctx, period))

    def at(self, ctx: Context, period: Period) -> Reading:
        current = read(ctx, self.metric, period)
        if isinstance(current, Missing):
            return current
        reference = self.reference.value(ctx, self.metric, period)
        if isinstance(reference, Missing):
            return reference
        if self.form == "difference":
            return sub(current, reference)
        if not reference:
            return Missing(Phrase("reason.zero_reference", what=subject_words(self.metric)))
        if self.form == "index":
            return percent_of(current, reference)
        return percent_of(sub(current, reference), reference)

    def reader(self, ctx: Context) -> Callable[[Period], Reading]:
        if overrides(type(self), Change, "at"):
            return super().reader(ctx)
        current, against = subject_reader(ctx, self.metric), self.reference.reader(ctx, self.metric)
        form, subject = self.form, self.metric

        def change(period: Period) -> Reading:
            now = current(period)
            if isinstance(now, Missing):
                return now
            reference = against(period)
            if isinstance(reference, Missing):
                return reference
            if form == "difference":
                return sub(now, reference)
            if not reference:
                return Missing(Phrase("reason.zero_reference", what=subject_words(subject)))
            if form == "index":
                return percent_of(now, reference)
            return percent_of(sub(now, reference), reference)

        return change

    def unit(self, plan: Plan) -> Unit:
        if self.form == "difference":
            return subject_unit(self.metric, plan).difference()
        return PERCENT_UNIT

    def falls(self) -> bool:
        # Against a baseline or the period before, a negative change is a fall of the
        # thing itself; against another metric (revenue vs the estimate) it is only a
        # shortfall, and an index is never negative.
        return self.form != "index" and isinstance(self.reference, (AtBaseline, PreviousPeriod))

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        if isinstance(self.metric, Measure) and self.metric.span() is not None:
            return [
                (
                    "metric",
                    f"a {self.metric.kind} has one figure for its span, with nothing to "
                    "change against; compare two spans with difference",
                )
            ]
        return []

    def words(self) -> Phrase:
        return Phrase(
            f"measure.change.{self.form}",
            subject=subject_words(self.metric),
            reference=self.reference.words(),
        )


@MEASURES.register
@frozen
class Difference(Measure):
    """One measure minus another, for the same period: "labour productivity grows
    faster than GDP" is ``difference(growth(productivity), growth(gdp)) > 0``.

    A difference of two percentages is in percentage points.
    """

    kind: ClassVar[str] = "difference"
    minuend: Subject = field(**subject_ref())
    subtrahend: Subject = field(**subject_ref())

    def at(self, ctx: Context, period: Period) -> Reading:
        first = read(ctx, self.minuend, period)
        if isinstance(first, Missing):
            return first
        second = read(ctx, self.subtrahend, period)
        if isinstance(second, Missing):
            return second
        return sub(first, second)

    def _spans(self) -> list[tuple[int, int] | None]:
        return [
            side.span() if isinstance(side, Measure) else None
            for side in (self.minuend, self.subtrahend)
        ]

    def span(self) -> tuple[int, int] | None:
        spans = [span for span in self._spans() if span is not None]
        if not spans:
            return None
        return (min(span[0] for span in spans), max(span[1] for span in spans))

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        span = self.span()
        if span is not None:
            return (ctx.year(span[1]),)
        return Measure.periods(self, ctx)

    def unit(self, plan: Plan) -> Unit:
        return subject_unit(self.minuend, plan).difference()

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        spans = self._spans()
        if (spans[0] is None) != (spans[1] is None):
            return [
                (
                    "subtrahend",
                    "both sides must be measures over a span, or both per period",
                )
            ]
        if spans[0] is not None and spans[1] is not None and spans[0][1] != spans[1][1]:
            return [("subtrahend", "both sides' spans must end in the same year")]
        return []

    def words(self) -> Phrase:
        return Phrase(
            "measure.difference",
            minuend=subject_words(self.minuend),
            subtrahend=subject_words(self.subtrahend),
        )
