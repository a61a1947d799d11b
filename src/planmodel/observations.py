"""Observations: reported figures, indexed once by metric and period."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Union

from attrs import field, frozen

from ._ids import check_id
from ._numbers import to_decimal, within_limits
from ._periods import Period, format_period, period_sort_key, to_period
from ._plain_text import optional_plain_text
from ._untrusted import echo
from .errors import ObservationsError, Problem

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["Distribution", "Observation", "Observations", "Rated", "Reported"]


@frozen
class Rated:
    """A single unit's rating, e.g. the Fatherland Front rated "good"."""

    level: str = field(validator=check_id)


@frozen(init=False)
class Distribution:
    """How many units were rated at each level of a scale.

    >>> Distribution({"good": 40, "fair": 9}).total
    49
    """

    #: ``(level, count)`` pairs sorted by level id.
    counts: tuple[tuple[str, int], ...]

    def __init__(self, counts: Mapping[str, int] | None = None, /, **by_level: int) -> None:
        merged = {**(counts or {}), **by_level}
        if not merged:
            raise ValueError("a distribution needs at least one level")
        for level, count in merged.items():
            if not isinstance(level, str):
                raise TypeError(f"level ids are strings, got {echo(level)}")
            if isinstance(count, bool) or not isinstance(count, int):
                raise TypeError(
                    f"count for {echo(level)} must be a whole number, got {echo(count)}"
                )
            if count < 0:
                raise ValueError(f"count for {echo(level)} is negative: {count}")
            within_limits(Decimal(count))
        self.__attrs_init__(tuple(sorted(merged.items())))

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def as_dict(self) -> dict[str, int]:
        return dict(self.counts)


#: What an observation reports: a number, one rating, or a distribution of ratings.
Reported = Union[Decimal, Rated, Distribution]


def _to_reported(value: object) -> Reported:
    if isinstance(value, (Rated, Distribution)):
        return value
    if isinstance(value, Mapping):
        return Distribution(value)
    return to_decimal(value)


@frozen
class Observation:
    """One reported figure: a metric's value for a period, with where it came from.

    >>> Observation("revenue_vs_estimate", 2023, "102").value
    Decimal('102')
    """

    metric: str = field(validator=check_id)
    period: Period = field(converter=to_period)
    value: Reported = field(converter=_to_reported)
    source: Optional[str] = field(default=None, validator=optional_plain_text)
    note: Optional[str] = field(default=None, validator=optional_plain_text)


class Observations:
    """Observations indexed once by ``(metric, period)``, so look-ups are constant time.

    Two different values for the same metric and moment are an error (a year and
    its last day are the same moment), never a silent choice. Repeating the same
    value is accepted.

    >>> data = Observations([Observation("m", 2023, 5), Observation("m", 2022, 4)])
    >>> data.periods("m"), data.number("m", 2023)
    ((2022, 2023), Decimal('5'))
    """

    __slots__ = ("_by_key", "_items", "_locations", "_periods")

    def __init__(
        self, observations: Iterable[Observation], *, locations: Sequence[str] | None = None
    ) -> None:
        items = tuple(observations)
        if locations is not None and len(locations) != len(items):
            raise ValueError("locations: one location per observation is needed")
        self._items = items
        self._locations = tuple(locations) if locations is not None else None
        # Indexed by moment, so that 2023 and 2023-12-31 find the same figure. Of equal
        # repeats the canonical one is kept, whatever the input order, so that results
        # (down to the digits written) never depend on the order of the observations.
        by_key: dict[tuple[str, Period], Observation] = {}
        first_at: dict[tuple[str, Period], int] = {}
        problems = []
        for index, observation in enumerate(items):
            if not isinstance(observation, Observation):
                raise TypeError(
                    f"{self.locate(index)}: expected an Observation, got {observation!r}"
                )
            key = (observation.metric, _moment(observation.period))
            kept = by_key.get(key)
            if kept is None:
                by_key[key] = observation
                first_at[key] = index
            elif kept.value != observation.value:
                problems.append(self._conflict(index, first_at[key]))
            elif _canonical(observation) < _canonical(kept):
                by_key[key] = observation
        if problems:
            raise ObservationsError(problems)
        periods: dict[str, list[Period]] = {}
        for observation in by_key.values():
            periods.setdefault(observation.metric, []).append(observation.period)
        self._by_key = by_key
        self._periods = {
            metric: tuple(sorted(found, key=period_sort_key)) for metric, found in periods.items()
        }

    def _conflict(self, index: int, earlier: int) -> Problem:
        this, other = self._items[index], self._items[earlier]
        return Problem(
            self.locate(index),
            f"{this.metric} for {format_period(this.period)} is {_show(this.value)}, but "
            f"{self.locate(earlier)} gives {_show(other.value)} for {format_period(other.period)}",
        )

    def __iter__(self) -> Iterator[Observation]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Observations({list(self._items)!r})"

    def get(self, metric: str, period: Period) -> Observation | None:
        """The observation of *metric* at *period* (a year and its last day are one)."""
        return self._by_key.get((metric, _moment(period)))

    def number(self, metric: str, period: Period) -> Decimal | None:
        """The number reported for *metric* in *period*, or ``None``."""
        found = self._by_key.get((metric, _moment(period)))
        if found is None or not isinstance(found.value, Decimal):
            return None
        return found.value

    def periods(self, metric: str) -> tuple[Period, ...]:
        """Periods with a figure for *metric*, earliest first."""
        return self._periods.get(metric, ())

    def locate(self, observation_index: int) -> str:
        """Where the observation at *observation_index* was read: a JSON path or CSV row."""
        if self._locations is None:
            return f"observations[{observation_index}]"
        return self._locations[observation_index]

    def problems_for(self, plan: Plan) -> list[Problem]:
        """What in these observations does not fit *plan*: unknown metrics or levels,
        numbers where ratings belong and the reverse."""
        return misfits(plan, self._items, self.locate)

    def check(self, plan: Plan) -> Observations:
        """Return self if every observation fits *plan*; else raise ``ObservationsError``."""
        problems = self.problems_for(plan)
        if problems:
            raise ObservationsError(problems)
        return self


def _moment(period: Period) -> Period:
    """The index key of a period: a year's last day is the year itself."""
    if isinstance(period, int) or (period.month, period.day) != (12, 31):
        return period
    return period.year


def _canonical(observation: Observation) -> tuple[bool, str, str, str]:
    """A total order on equal repeats: years before dates, then the value's digits."""
    return (
        not isinstance(observation.period, int),
        str(observation.value),
        observation.source or "",
        observation.note or "",
    )


def misfits(
    plan: Plan, items: Sequence[Observation], locate: Callable[[int], str]
) -> list[Problem]:
    """Observations that do not fit *plan*; ``locate(index)`` says where each was read."""
    metrics = {metric.id: metric for metric in plan.metrics}
    levels_of: dict[str, tuple[str, ...]] = {}
    problems = []
    for index, observation in enumerate(items):
        metric = metrics.get(observation.metric)
        if metric is None:
            problems.append(Problem(locate(index), _unknown_metric(observation.metric, metrics)))
            continue
        value = observation.value
        if metric.scale is None:
            if not isinstance(value, Decimal):
                problems.append(
                    Problem(locate(index), f"{metric.id} is a number ({metric.unit}), got a rating")
                )
            continue
        if isinstance(value, Decimal):
            problems.append(
                Problem(
                    locate(index), f"{metric.id} is rated on scale {metric.scale}, got a number"
                )
            )
            continue
        levels = levels_of.get(metric.scale)
        if levels is None:
            levels = levels_of[metric.scale] = plan.scale(metric.scale).level_ids
        named = [value.level] if isinstance(value, Rated) else [lvl for lvl, _ in value.counts]
        problems += [
            Problem(
                locate(index),
                f"unknown level {echo(level)} of scale {metric.scale}; "
                f"expected one of {', '.join(levels)}",
            )
            for level in named
            if level not in levels
        ]
    return problems


def _unknown_metric(metric: str, known: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(metric, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown metric {echo(metric)}{hint}"


def _show(value: Reported) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Rated):
        return f"rated {value.level}"
    return "{" + ", ".join(f"{level}: {count}" for level, count in value.counts) + "}"
