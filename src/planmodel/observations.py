"""Observations: reported figures, indexed once by metric, breakdown and period."""

from __future__ import annotations

import datetime as dt
import difflib
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Optional, Union

from attrs import field, fields, frozen

from ._frozenmap import FrozenMap
from ._numbers import to_decimal, within_limits
from ._plain_text import optional_plain_text
from ._plan_cache import derived
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
    if type(value) is Decimal and value.is_finite():
        return within_limits(value)  # what to_decimal does with it, asked first
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


_NEW = object.__new__
_SET_METRIC, _SET_PERIOD, _SET_VALUE, _SET_SOURCE, _SET_NOTE, _SET_BREAKDOWN = (
    Observation.__dict__[one.name].__set__ for one in fields(Observation)
)


def checked_observation(
    metric: str,
    period: Period,
    value: Reported,
    *,
    source: str | None,
    note: str | None,
    breakdown: Breakdown,
) -> Observation:
    """The :class:`Observation` of fields a reader has checked as its validators and
    converters would: an identifier, a period, a finite decimal within the limits (or
    another :data:`Reported` value), plain texts or ``None``, a :class:`Breakdown`.

    Built without checking them again: a reader of many figures checks each distinct
    id, period and text once, not once per figure. Anything not checked so goes
    through ``Observation(...)``.
    """
    found = _NEW(Observation)
    _SET_METRIC(found, metric)
    _SET_PERIOD(found, period)
    _SET_VALUE(found, value)
    _SET_SOURCE(found, source)
    _SET_NOTE(found, note)
    _SET_BREAKDOWN(found, breakdown)
    return found


class Observations:
    """Observations indexed once by ``(metric, breakdown, period)``: constant-time look-ups.

    Two different values for the same metric, breakdown and moment are an error (a
    year and its last day are the same moment), never a silent choice. Repeating the
    same value is accepted.

    >>> data = Observations([Observation("m", 2023, 5), Observation("m", 2022, 4)])
    >>> data.periods("m"), data.number("m", 2023)
    ((2022, 2023), Decimal('5'))
    """

    __slots__ = ("_fits", "_items", "_locations", "_periods", "_series")

    def __init__(
        self,
        observations: Iterable[Observation],
        *,
        locations: Sequence[str] | None = None,
        plan: Plan | None = None,
    ) -> None:
        """Index *observations*; *locations* say where each was read (for messages).

        With *plan*, whether the observations fit it (:meth:`problems_for`) is found in
        the same pass over them: an evaluation of figures just read pays for one.
        """
        items = tuple(observations)
        if locations is not None and len(locations) != len(items):
            raise ValueError("locations: one location per observation is needed")
        self._items = items
        self._locations = tuple(locations) if locations is not None else None
        #: The plans these observations were found to fit, by identity.
        self._fits: dict[int, object] = {}
        self._periods: dict[Series, tuple[Period, ...]] = {}
        # Indexed by series (metric and breakdown), then by moment, so that 2023 and
        # 2023-12-31 find the same figure and a measure finds its series once.
        series: dict[Series, dict[Period, Observation]] = {}
        repeated = False
        if not set(map(type, items)) <= {Observation}:
            for index, observation in enumerate(items):
                if not isinstance(observation, Observation):
                    raise TypeError(
                        f"{self.locate(index)}: expected an Observation, got {observation!r}"
                    )
        years_only = True
        for observation in items:
            period = observation.period
            at: Period
            if type(period) is int:
                at = period
            else:
                at, years_only = moment(period), False
            breakdown = observation.breakdown
            key = (observation.metric, () if breakdown is WHOLE else breakdown.items_tuple)
            found = series.get(key)
            if found is None:
                series[key] = {at: observation}
            elif at in found:
                repeated = True
            else:
                found[at] = observation
        if repeated:
            series = self._with_repeats(items)
        self._series = series
        if plan is not None and _series_fit(plan, series, years_only):
            self._fits[id(plan)] = plan

    def _with_repeats(
        self, items: tuple[Observation, ...]
    ) -> dict[Series, dict[Period, Observation]]:
        """The index when a series has two figures for one moment: equal repeats keep
        the canonical one, whatever the input order, so that results (down to the
        digits written) never depend on the order of the observations; different
        values are an error."""
        series: dict[Series, dict[Period, Observation]] = {}
        first_at: dict[tuple[Series, Period], int] = {}
        problems = []
        for index, observation in enumerate(items):
            key = (observation.metric, observation.breakdown.items_tuple)
            at = moment(observation.period)
            found = series.setdefault(key, {})
            kept = found.get(at)
            if kept is None:
                found[at] = observation
                first_at[key, at] = index
            elif not _same(kept.value, observation.value):
                problems.append(self._conflict(index, first_at[key, at]))
            elif _canonical(observation) < _canonical(kept):
                found[at] = observation
        if problems:
            raise ObservationsError(problems)
        return series

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

    def series(
        self, metric: str, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> Mapping[Period, Observation]:
        """The figures of *metric* for *breakdown* (pairs, sorted), by :func:`moment`:
        a measure that reads many periods of one series finds it once."""
        return self._series.get((metric, breakdown), _NONE)

    def get(
        self, metric: str, period: Period, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> Observation | None:
        """The observation of *metric* for *breakdown* (pairs, sorted) at *period*."""
        return self._series.get((metric, breakdown), _NONE).get(moment(period))

    def number(
        self, metric: str, period: Period, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> Decimal | None:
        """The number reported for *metric* in *period*, or ``None``."""
        found = self.get(metric, period, breakdown)
        if found is None or not isinstance(found.value, Decimal):
            return None
        return found.value

    def periods(
        self, metric: str, breakdown: tuple[tuple[str, str], ...] = ()
    ) -> tuple[Period, ...]:
        """Periods with a figure for *metric* (and *breakdown*), earliest first."""
        key = (metric, breakdown)
        found = self._periods.get(key)
        if found is None:
            figures = self._series.get(key, _NONE).values()
            found = tuple(sorted((one.period for one in figures), key=period_sort_key))
            self._periods[key] = found
        return found

    def members(self, metric: str, dimension: str) -> tuple[str, ...]:
        """Members of *dimension* with a figure of their own for *metric*, sorted."""
        return tuple(
            sorted(
                {
                    pairs[0][1]
                    for found, pairs in self._series
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
        if self._fits.get(id(plan)) is plan or fits(plan, self._items):
            # Kept by identity: a plan is immutable, so observations that fit it once
            # always do; loading them against a plan and evaluating checks them once.
            self._fits[id(plan)] = plan
            return []
        return misfits(plan, self._items, self.locate)

    def check(self, plan: Plan) -> Observations:
        """Return self if every observation fits *plan*; else raise ``ObservationsError``."""
        problems = self.problems_for(plan)
        if problems:
            raise ObservationsError(problems)
        return self


#: A series of figures: a metric and the breakdown pairs, sorted.
Series = tuple[str, tuple[tuple[str, str], ...]]
_NONE: Mapping[Period, Observation] = MappingProxyType({})


def moment(period: Period) -> Period:
    """The index key of a period: a year's last day is the year itself.

    >>> moment(dt.date(2023, 12, 31)), moment(dt.date(2023, 6, 30))
    (2023, datetime.date(2023, 6, 30))
    """
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


def _expected(plan: Plan) -> tuple[Expected, bool]:
    """What each metric's figures must be (their types, and the levels a rating may
    name), and whether the plan's years are fiscal years."""
    expected: Expected = {}
    for metric in plan.metrics:
        if metric.scale is not None:
            levels = frozenset(plan.scale(metric.scale).level_ids)
            expected[metric.id] = ((Rated, Distribution), levels, metric)
        elif metric.unit == YES_NO:
            expected[metric.id] = (bool, None, metric)
        else:
            expected[metric.id] = (Decimal, None, metric)
    return expected, plan.calendar.fiscal


Expected = dict[str, tuple[Any, Optional[frozenset[str]], Metric]]


def _expected_of(plan: Plan) -> tuple[Expected, bool]:
    return derived(plan, "observations.expected", _expected)


def _fits_one(
    expected: Expected, fiscal: bool, observation: Observation, pairs: tuple[tuple[str, str], ...]
) -> bool:
    """Whether *observation* (broken down by *pairs*) fits: :func:`misfits` would find
    nothing wrong with it."""
    found = expected.get(observation.metric)
    if found is None:
        return False
    kinds, levels, metric = found
    value = observation.value
    if not isinstance(value, kinds):
        return False
    if levels is not None:
        named = (value.level,) if isinstance(value, Rated) else (lvl for lvl, _ in value.counts)
        if not all(level in levels for level in named):
            return False
    if pairs and metric.breakdown_problems(observation.breakdown):
        return False
    return fiscal or type(observation.period) is not FiscalYear


_VALUE = operator.attrgetter("value")
_FIRST = operator.itemgetter(0)


def _series_fit(
    plan: Plan, series: Mapping[Series, Mapping[Period, Observation]], years_only: bool
) -> bool:
    """Whether every figure of *series* (an index of figures that were all kept: no
    repeats; *years_only* when every period is a year) fits *plan*, checked series by
    series: the metric and breakdown once, then the figures' values. ``False`` also
    when a figure needs a closer look (a subclass of a value type, say): :func:`fits`
    then decides."""
    expected, fiscal = _expected_of(plan)
    for (metric_id, pairs), figures in series.items():
        wanted = expected.get(metric_id)
        if wanted is None:
            return False
        kinds, levels, metric = wanted
        if pairs and metric.breakdown_problems(dict(pairs)):
            return False
        if not (years_only or fiscal) and FiscalYear in set(map(type, figures)):
            return False
        if levels is None:
            for one in figures.values():
                if type(one.value) is not kinds:
                    return False
            continue
        for value in map(_VALUE, figures.values()):
            kind = type(value)
            if kind is Distribution:
                if not levels.issuperset(map(_FIRST, value.counts)):
                    return False
            elif kind is not Rated or value.level not in levels:
                return False
    return True


def fits(plan: Plan, items: Iterable[Observation]) -> bool:
    """Whether every observation fits *plan*: :func:`misfits` finds nothing.

    The question asked before every evaluation, answered in one pass over the figures;
    :func:`misfits` says what is wrong, and where, when something is.
    """
    expected, fiscal = _expected_of(plan)
    return all(_fits_one(expected, fiscal, one, one.breakdown.items_tuple) for one in items)


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
