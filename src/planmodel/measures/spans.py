"""Measures over a span of years: average annual growth, a total, an average.

A span may start before the plan's term (a 2021-2025 plan's "5-year average growth"
is measured from 2020, a climate plan from 2010); its last year must lie within the
term, since that is when the measure is judged.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

from attrs import field, frozen, validators

from .._numbers import HUNDRED, add, annual_growth, div, mul, percent_of, sub
from ..constraints import year
from ..context import Context, Missing
from ..errors import FieldError
from ..periods import Period
from ..units import PERCENT_UNIT, Unit
from ..words import Each, Phrase
from .base import (
    MEASURES,
    Measure,
    Reading,
    Subject,
    read,
    subject_better,
    subject_ref,
    subject_unit,
    subject_words,
)
from .changes import FORMS, Form

if TYPE_CHECKING:
    from ..metrics import Better
    from ..plan import Plan

__all__ = ["Average", "Growth", "Total"]


def _last_in_term(plan: Plan, last: int) -> list[tuple[str, str]]:
    if plan.term.first <= last <= plan.term.last:
        return []
    return [("last", f"year {last} is outside the plan's term {plan.term.first}-{plan.term.last}")]


def _every_year(ctx: Context, subject: Subject, first: int, last: int) -> list[Decimal] | Missing:
    """Each year's figure from *first* to *last*, or what is missing: one missing year is
    named with its reason, several are listed together."""
    found, missing = [], []
    for one in range(first, last + 1):
        reading = read(ctx, subject, ctx.year(one))
        if isinstance(reading, Missing):
            missing.append((one, reading))
        else:
            found.append(reading)
    if len(missing) == 1:
        return missing[0][1]
    if missing:
        years = Each(ctx.year(one) for one, _ in missing)
        return Missing(Phrase("reason.missing_years", what=subject_words(subject), years=years))
    return found


def _growth_needs_positive(subject: Subject) -> Missing:
    return Missing(Phrase("reason.growth_not_positive", what=subject_words(subject)))


@frozen
class _OverYears(Measure):
    """What the measures over a span share: the subject, the years ``first`` to
    ``last``, one figure judged in the last year, and the last year in the term."""

    #: How many years the span needs at least: growth needs two figures a year apart.
    least_years: ClassVar[int] = 0
    metric: Subject = field(**subject_ref())
    first: int = field(validator=year)
    last: int = field(validator=year)

    @last.validator
    def _check_order(self, _attribute: object, value: int) -> None:
        if value - self.first < self.least_years:
            order = "last > first" if self.least_years else "last >= first"
            raise FieldError("last", f"{self.kind} needs {order}, got {self.first}-{value}")

    def span(self) -> tuple[int, int]:
        return (self.first, self.last)

    def periods(self, ctx: Context) -> tuple[Period, ...]:
        return (ctx.year(self.last),)

    def check(self, plan: Plan) -> list[tuple[str, str]]:
        return _last_in_term(plan, self.last)

    def _words(self, key: str) -> Phrase:
        return Phrase(
            key, subject=subject_words(self.metric), first=str(self.first), last=str(self.last)
        )


@MEASURES.register
@frozen
class Growth(_OverYears):
    """Average annual growth of a figure from the year ``first`` to the year ``last``.

    ``form="relative"`` (the default) in percent, ``compound`` (the default method):
    ``(v_last / v_first) ** (1 / years) − 1``, the usual reading of "grows x% a year
    on average"; ``arithmetic``: the mean of the year-on-year rates, which needs every
    year's figure. ``form="difference"`` is the average annual difference
    ``(v_last − v_first) / years`` in the figure's unit (percentage points for a
    percentage); ``form="index"`` is 100 + the relative growth.
    """

    kind: ClassVar[str] = "growth"
    least_years: ClassVar[int] = 1
    method: Literal["compound", "arithmetic"] = field(
        default="compound", validator=validators.in_(("compound", "arithmetic"))
    )
    form: Form = field(default="relative", validator=validators.in_(FORMS))

    def at(self, ctx: Context, period: Period) -> Reading:
        years = self.last - self.first
        if self.method == "arithmetic" and self.form != "difference":
            every = _every_year(ctx, self.metric, self.first, self.last)
            if isinstance(every, Missing):
                return every
            if any(number <= 0 for number in every[:-1]):
                return _growth_needs_positive(self.metric)
            total = Decimal(0)
            for a, b in itertools.pairwise(every):
                total = add(total, percent_of(sub(b, a), a))
            return self._as_form(div(total, Decimal(years)))
        start = read(ctx, self.metric, ctx.year(self.first))
        if isinstance(start, Missing):
            return start
        end = read(ctx, self.metric, ctx.year(self.last))
        if isinstance(end, Missing):
            return end
        if self.form == "difference":
            return div(sub(end, start), Decimal(years))
        if start <= 0:
            return _growth_needs_positive(self.metric)
        ratio = div(end, start)
        if ratio < 0:
            return Missing(Phrase("reason.growth_sign_change", what=subject_words(self.metric)))
        return self._as_form(annual_growth(ratio, years))

    def _as_form(self, relative: Decimal) -> Decimal:
        return add(HUNDRED, relative) if self.form == "index" else relative

    def unit(self, plan: Plan) -> Unit:
        if self.form == "difference":
            return subject_unit(self.metric, plan).difference()
        return PERCENT_UNIT

    def words(self) -> Phrase:
        return self._words(f"measure.growth.{self.form}")


@MEASURES.register
@frozen
class Total(_OverYears):
    """Sum of a flow over the years ``first``..``last``; every year's figure is needed."""

    kind: ClassVar[str] = "total"

    def at(self, ctx: Context, period: Period) -> Reading:
        every = _every_year(ctx, self.metric, self.first, self.last)
        if isinstance(every, Missing):
            return every
        total = Decimal(0)
        for number in every:
            total = add(total, number)
        return total

    def unit(self, plan: Plan) -> Unit:
        return subject_unit(self.metric, plan)

    def better(self, plan: Plan) -> Better | None:
        return subject_better(self.metric, plan)

    def words(self) -> Phrase:
        return self._words("measure.total")


@MEASURES.register
@frozen
class Average(_OverYears):
    """The mean of the yearly figures from ``first`` to ``last``: "bội chi bình quân 3,7%
    GDP giai đoạn 2021-2025". Every year's figure is needed; the missing ones are named.

    Of a ratio, it is the mean of the yearly ratios, not the ratio of the totals.
    ``method="compound"`` reads the yearly figures as growth rates in percent, as
    statistics offices publish GDP growth, and gives the constant yearly rate that
    compounds to the same growth: ``(Π (1 + r / 100)) ** (1 / n) − 1``, in percent —
    "tăng trưởng bình quân 5 năm" from the five yearly rates.
    """

    kind: ClassVar[str] = "average"
    method: Literal["arithmetic", "compound"] = field(
        default="arithmetic", validator=validators.in_(("arithmetic", "compound"))
    )

    def at(self, ctx: Context, period: Period) -> Reading:
        every = _every_year(ctx, self.metric, self.first, self.last)
        if isinstance(every, Missing):
            return every
        if self.method == "compound":
            # Each year's index (100 + rate) multiplied exactly; one division at the end.
            product, scale = Decimal(1), Decimal(1)
            for rate in every:
                index = add(HUNDRED, rate)
                if index <= 0:
                    return _growth_needs_positive(self.metric)
                product, scale = mul(product, index), mul(scale, HUNDRED)
            return annual_growth(div(product, scale), len(every))
        total = Decimal(0)
        for number in every:
            total = add(total, number)
        return div(total, Decimal(len(every)))

    def unit(self, plan: Plan) -> Unit:
        return PERCENT_UNIT if self.method == "compound" else subject_unit(self.metric, plan)

    def better(self, plan: Plan) -> Better | None:
        return subject_better(self.metric, plan)

    def words(self) -> Phrase:
        return self._words(
            "measure.average" if self.method == "arithmetic" else "measure.average.compound"
        )
