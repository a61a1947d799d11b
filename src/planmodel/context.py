"""What a measure reads while a plan is evaluated: the plan, the figures, the calendar,
and the member of a breakdown being judged.

A measure defined outside planmodel reads figures only through a :class:`Context`,
so that it works for a whole and for each member of a breakdown alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from .observations import Observation, Observations, moment
from .periods import Calendar, Period
from .words import MetricName, Phrase

if TYPE_CHECKING:
    from .measures import Measure
    from .metrics import RatingScale
    from .plan import Plan

__all__ = ["Context", "Missing"]


class Missing:
    """No reading could be computed; ``reason`` says which figure is lacking.

    >>> Missing(Phrase("reason.no_figure", metric=MetricName("revenue"), period=2023)).reason.key
    'reason.no_figure'
    """

    __slots__ = ("reason",)

    def __init__(self, reason: Phrase) -> None:
        self.reason = reason

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Missing) and other.reason == self.reason

    def __hash__(self) -> int:
        return hash(self.reason)

    def __repr__(self) -> str:
        return f"Missing({self.reason!r})"


class Context:
    """A plan, the observations it is judged against, and the member being judged.

    ``selection`` maps dimensions to the members being judged (empty for the whole);
    every look-up applies it to the metrics that have those dimensions.
    """

    __slots__ = ("_keys", "_series", "calendar", "data", "plan", "selection")

    def __init__(
        self, plan: Plan, data: Observations, selection: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.plan = plan
        self.data = data
        self.calendar: Calendar = plan.calendar
        self.selection = selection
        self._keys: dict[str, tuple[tuple[str, str], ...]] = {}
        self._series: dict[str, Mapping[Period, Observation]] = {}

    def select(self, dimension: str, member: str) -> Context:
        """The same context narrowed to one *member* of *dimension*."""
        pairs = {**dict(self.selection), dimension: member}
        return Context(self.plan, self.data, tuple(sorted(pairs.items())))

    def key(self, metric: str) -> tuple[tuple[str, str], ...]:
        """The breakdown of *metric* the selection reads (only its own dimensions)."""
        found = self._keys.get(metric)
        if found is None:
            if not self.selection:
                found = ()
            else:
                own = self.plan.metric(metric)
                found = tuple(
                    (dimension, member)
                    for dimension, member in self.selection
                    if own.dimension(dimension) is not None
                )
            self._keys[metric] = found
        return found

    def series(self, metric: str) -> Mapping[Period, Observation]:
        """The figures of *metric* (and the selected member) by moment
        (:func:`~planmodel.observations.moment`): for a measure that reads many periods."""
        found = self._series.get(metric)
        if found is None:
            key = self.key(metric) if self.selection else ()
            found = self._series[metric] = self.data.series(metric, key)
        return found

    def observation(self, metric: str, period: Period) -> Observation | None:
        """The figure of *metric* for *period* (and the selected member), if reported."""
        return self.series(metric).get(period if type(period) is int else moment(period))

    def number(self, metric: str, period: Period) -> Decimal | Missing:
        """The number reported for *metric* in *period*, or :class:`Missing` saying so."""
        found = self.series(metric).get(period if type(period) is int else moment(period))
        if found is not None and isinstance(found.value, Decimal):
            return found.value
        return self.missing(metric, period)

    def periods(self, metric: str) -> tuple[Period, ...]:
        """Periods with a figure for *metric* (and the selected member), earliest first."""
        return self.data.periods(metric, self.key(metric))

    def missing(self, metric: str, period: Period, key: str = "reason.no_figure") -> Missing:
        """A :class:`Missing` naming *metric*, *period* and the member judged, if any."""
        if self.selection:
            member = ", ".join(member for _, member in self.selection)
            return Missing(
                Phrase(key + ".member", metric=MetricName(metric), period=period, member=member)
            )
        return Missing(Phrase(key, metric=MetricName(metric), period=period))

    def scale_of(self, metric: str) -> RatingScale:
        """The rating scale of a rated metric."""
        scale_id = self.plan.metric(metric).scale
        assert scale_id is not None, "plan validation guarantees rated metrics have a scale"
        return self.plan.scale(scale_id)

    def year(self, year: int) -> Period:
        """The period the plan means by *year*: the year, or its fiscal year."""
        return self.calendar.year(year)

    def figures_read(
        self, measures: Iterable[Measure], periods: Iterable[Period]
    ) -> tuple[Observation, ...]:
        """The observations *measures* read for *periods*, each once, in the order read:
        the figures a judgement rests on, whose sources a report names.

        Found by reading again through a context that notes every figure it hands
        out, so that it holds for a measure defined outside planmodel too, as long as
        it reads figures through its context (as every measure must).
        """
        noted: dict[int, Observation] = {}
        recording = _Recording(self.plan, self.data, self.selection, noted)
        for period in periods:
            for measure in measures:
                measure.at(recording, period)
        return tuple(noted.values())


class _Recording(Context):
    """A context that notes each observation it hands out."""

    __slots__ = ("_noted",)

    def __init__(
        self,
        plan: Plan,
        data: Observations,
        selection: tuple[tuple[str, str], ...],
        noted: dict[int, Observation],
    ) -> None:
        super().__init__(plan, data, selection)
        self._noted = noted

    def select(self, dimension: str, member: str) -> Context:
        pairs = {**dict(self.selection), dimension: member}
        return _Recording(self.plan, self.data, tuple(sorted(pairs.items())), self._noted)

    def series(self, metric: str) -> Mapping[Period, Observation]:
        return _Noting(super().series(metric), self._noted)


class _Noting(Mapping[Period, Observation]):
    """A series of figures that notes each one looked up."""

    __slots__ = ("_found", "_noted")

    def __init__(self, found: Mapping[Period, Observation], noted: dict[int, Observation]) -> None:
        self._found = found
        self._noted = noted

    def __getitem__(self, period: Period) -> Observation:
        found = self._found[period]
        self._noted.setdefault(id(found), found)
        return found

    def __iter__(self) -> Iterator[Period]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)
