"""Observations: reported figures, indexed once by metric, breakdown and period."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Union

from attrs import field, frozen

from ._frozenmap import FrozenMap
from ._numbers import to_decimal, within_limits
from ._plain_text import optional_plain_text
from ._untrusted import echo
from .constraints import identifier
from .errors import ObservationsError, Problem
from .metrics import Metric
from .periods import FiscalYear, Period, format_period, period_sort_key, to_period
from .units import YES_NO

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["Breakdown", "Distribution", "Observation", "Observations", "Rated", "Reported"]


class Breakdown(FrozenMap):
    """Which member of each dimension a figure is for: ``Breakdown(area="urban")``.

    A figure without a breakdown is for the whole (every member together).

    >>> Breakdown({"commune": "Phúc Đồng"})["commune"]
    'Phúc Đồng'
    """

    __slots__ = ()
    key_word = "dimension"
    value_word = "member"


#: The breakdown of a figure for the whole.
WHOLE = Breakdown()


@frozen
class Rated:
    """A single unit's rating, e.g. the Fatherland Front rated "good"."""

    level: str = field(validator=identifier)


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


#: What an observation reports: a number, yes/no, one rating, or a distribution of ratings.
Reported = Union[Decimal, bool, Rated, Distribution]


def _to_reported(value: object) -> Reported:
    if isinstance(value, (bool, Rated, Distribution)):
        return value
    if isinstance(value, Mapping):
        return Distribution(value)
    return to_decimal(value)


def _to_breakdown(value: object) -> Breakdown:
    if isinstance(value, Breakdown):
        return value
    if isinstance(value, Mapping):
        return Breakdown(value)
    raise TypeError(f"expected a breakdown (dimension → member), got {value!r}")


@frozen
class Observation:
    """One reported figure: a metric's value for a period, with where it came from.

    ``breakdown`` says which member of a dimension the figure is for (``{"area":
    "urban"}``); without one the figure is for the whole.

    >>> Observation("revenue_vs_estimate", 2023, "102").value
    Decimal('102')
    >>> Observation("clean_water", 2024, "97.2", breakdown={"area": "urban"}).breakdown
    Breakdown({'area': 'urban'})
    """

    metric: str = field(validator=identifier)
    period: Period = field(converter=to_period)
    value: Reported = field(converter=_to_reported)
    source: Optional[str] = field(default=None, validator=optional_plain_text)
    note: Optional[str] = field(default=None, validator=optional_plain_text)
    breakdown: Breakdown = field(default=WHOLE, converter=_to_breakdown)


#: An index key: metric, breakdown pairs, and the period's moment.
Key = tuple[str, tuple[tuple[str, str], ...], Period]


class Observations:
    """Observations indexed once by ``(metric, breakdown, period)``: constant-time look-ups.

    Two different values for the same metric, breakdown and moment are an error (a
    year and its last day are the same moment), never a silent choice. Repeating the
    same value is accepted.

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
        by_key: dict[Key, Observation] = {}
        first_at: dict[Key, int] = {}
        problems = []
        for index, observation in enumerate(items):
            if not isinstance(observation, Observation):
                raise TypeError(
                    f"{self.locate(index)}: expected an Observation, got {observation!r}"
                )
            key = (
                observation.metric,
                observation.breakdown.items_tuple,
                _moment(observation.period),
            )
            kept = by_key.get(key)
            if kept is None:
                by_key[key] = observation
                first_at[key] = index
            elif not _same(kept.value, observation.value):
                problems.append(self._conflict(index, first_at[key]))
            elif _canonical(observation) < _canonical(kept):
                by_key[key] = observation
        if problems:
            raise ObservationsError(problems)
        periods: dict[tuple[str, tuple[tuple[str, str], ...]], list[Period]] = {}
        for observation in by_key.values():
            series = (observation.metric, observation.breakdown.items_tuple)
            periods.setdefault(series, []).append(observation.period)
        self._by_key = by_key
        self._periods = {
            series: tuple(sorted(found, key=period_sort_key)) for series, found in periods.items()
        }

    def _conflict(self, index: int, earlier: int) -> Problem:
        this, other = self._items[index], self._items[earlier]
        return Problem(
            self.locate(index),
            f"{this.metric}{_member(this.breakdown)} for {format_period(this.period)} is "
            f"{_show(this.value)}, but {self.locate(earlier)} gives {_show(other.value)} "
            f"for {format_period(other.period)}",
        )

    def __iter__(self) -> Iterator[Observation]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Observations({list(self._items)!r})"

    def get(
        self, metric: str, period: Period, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> Observation | None:
        """The observation of *metric* for *breakdown* (pairs, sorted) at *period*."""
        return self._by_key.get((metric, breakdown, _moment(period)))

    def number(
        self, metric: str, period: Period, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> Decimal | None:
        """The number reported for *metric* in *period*, or ``None``."""
        found = self._by_key.get((metric, breakdown, _moment(period)))
        if found is None or not isinstance(found.value, Decimal):
            return None
        return found.value

    def periods(
        self, metric: str, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> tuple[Period, ...]:
        """Periods with a figure for *metric* (and *breakdown*), earliest first."""
        return self._periods.get((metric, breakdown), ())

    def members(self, metric: str, dimension: str) -> tuple[str, ...]:
        """Members of *dimension* with a figure of their own for *metric*, sorted."""
        return tuple(
            sorted(
                {
                    pairs[0][1]
                    for found, pairs in self._periods
                    if found == metric and len(pairs) == 1 and pairs[0][0] == dimension
                }
            )
        )

    def locate(self, observation_index: int) -> str:
        """Where the observation at *observation_index* was read: a JSON path or CSV row."""
        if self._locations is None:
            return f"observations[{observation_index}]"
        return self._locations[observation_index]

    def problems_for(self, plan: Plan) -> list[Problem]:
        """What in these observations does not fit *plan*: unknown metrics, levels,
        dimensions or members, and figures of the wrong kind for their metric."""
        return misfits(plan, self._items, self.locate)

    def check(self, plan: Plan) -> Observations:
        """Return self if every observation fits *plan*; else raise ``ObservationsError``."""
        problems = self.problems_for(plan)
        if problems:
            raise ObservationsError(problems)
        return self


def _moment(period: Period) -> Period:
    """The index key of a period: a year's last day is the year itself."""
    if isinstance(period, dt.date) and (period.month, period.day) == (12, 31):
        return period.year
    return period


def _same(a: Reported, b: Reported) -> bool:
    # True == 1 in Python; a yes/no figure never equals a number.
    return type(a) is type(b) and a == b


def _canonical(observation: Observation) -> tuple[bool, str, str, str]:
    """A total order on equal repeats: years before dates, then the value's digits."""
    return (
        not isinstance(observation.period, int),
        str(observation.value),
        observation.source or "",
        observation.note or "",
    )


def _member(breakdown: Breakdown) -> str:
    if not breakdown:
        return ""
    return " (" + ", ".join(f"{d}={m}" for d, m in breakdown.items_tuple) + ")"


def _kind_problem(metric: Metric, value: Reported) -> str | None:
    if metric.scale is not None:
        if isinstance(value, (Rated, Distribution)):
            return None
        return f"{metric.id} is rated on scale {metric.scale}, got {_what(value)}"
    if metric.unit == YES_NO:
        return None if isinstance(value, bool) else f"{metric.id} is yes/no, got {_what(value)}"
    if isinstance(value, Decimal):
        return None
    unit = f" ({metric.unit})" if metric.unit is not None else ""
    return f"{metric.id} is a number{unit}, got {_what(value)}"


def _what(value: Reported) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, Decimal):
        return "a number"
    return "a rating"


def misfits(
    plan: Plan, items: Sequence[Observation], locate: Callable[[int], str]
) -> list[Problem]:
    """Observations that do not fit *plan*; ``locate(index)`` says where each was read."""
    metrics = {metric.id: metric for metric in plan.metrics}
    problems = []
    for index, observation in enumerate(items):
        metric = metrics.get(observation.metric)
        if metric is None:
            problems.append(Problem(locate(index), _unknown_metric(observation.metric, metrics)))
            continue
        found = _kind_problem(metric, observation.value)
        if found is not None:
            problems.append(Problem(locate(index), found))
        elif isinstance(observation.value, (Rated, Distribution)):
            assert metric.scale is not None
            levels = plan.scale(metric.scale).level_ids
            value = observation.value
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
        problems += [
            Problem(locate(index), message)
            for message in metric.breakdown_problems(observation.breakdown)
        ]
        if isinstance(observation.period, FiscalYear) and not plan.calendar.fiscal:
            problems.append(
                Problem(
                    locate(index),
                    f"{format_period(observation.period)} is a fiscal year, but the plan "
                    "declares no fiscal_year_start",
                )
            )
    return problems


def _unknown_metric(metric: str, known: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(metric, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown metric {echo(metric)}{hint}"


def _show(value: Reported) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Rated):
        return f"rated {value.level}"
    return "{" + ", ".join(f"{level}: {count}" for level, count in value.counts) + "}"
