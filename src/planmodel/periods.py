"""Periods: what a figure is for, and where periods fall on a time line.

A period is a year (``2023``), a day (``date(2021, 1, 1)``), a month
(``Month(2025, 7)``, written ``"2025-07"``), a quarter (``Quarter(2025, 3)``,
``"2025-Q3"``) or a fiscal year (``FiscalYear(2025)``, ``"FY2025"``). Wherever a
period is placed on a time line (deadlines, interim lines, "as of" cut-offs) it counts
as of its last day; a day counts as of itself.

A fiscal year is named by the calendar year it ends in, and the plan says in which
month its years start (:class:`Calendar`): with years starting in July, ``FY2025``
runs from 2024-07-01 to 2025-06-30.

>>> to_period("2025-Q3"), to_period("FY2025"), to_period(2023)
(Quarter(year=2025, quarter=3), FiscalYear(year=2025), 2023)
>>> Calendar(7).end(FiscalYear(2025))
datetime.date(2025, 6, 30)
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from fractions import Fraction
from typing import Any, Union

from attrs import field, frozen

from ._untrusted import echo
from .errors import FieldError, FieldTypeError

__all__ = ["Calendar", "FiscalYear", "Month", "Period", "Quarter"]

#: Years outside this range are refused as typos (``202``, ``20235``).
MIN_YEAR = 1900
MAX_YEAR = 2200

# ASCII digits only: \d would also take "٢٠٢٣" or "２０２３", which Python reads as 2023.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")
_FISCAL = re.compile(r"FY([0-9]{4})")


def check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"expected a year as a whole number, got {echo(year)}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def valid_year(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator form of :func:`check_year`."""
    try:
        check_year(value)
    except TypeError as exc:
        raise FieldTypeError(attribute.name, str(exc)) from None
    except ValueError as exc:
        raise FieldError(attribute.name, str(exc)) from None


def _within(low: int, high: int, what: str) -> Any:
    def check(_instance: object, attribute: Any, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(attribute.name, f"expected a {what} as a whole number")
        if not low <= value <= high:
            raise FieldError(attribute.name, f"{what} {value} is outside {low}-{high}")

    return check


@frozen
class Month:
    """A calendar month, written ``"2025-07"``."""

    year: int = field(validator=valid_year)
    month: int = field(validator=_within(1, 12, "month"))

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


@frozen
class Quarter:
    """A calendar quarter, written ``"2025-Q3"``."""

    year: int = field(validator=valid_year)
    quarter: int = field(validator=_within(1, 4, "quarter"))

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"


@frozen
class FiscalYear:
    """A fiscal year, named by the calendar year it ends in, written ``"FY2025"``.

    When it starts is the plan's to say (:attr:`planmodel.Plan.fiscal_year_start`).
    """

    year: int = field(validator=valid_year)

    def __str__(self) -> str:
        return f"FY{self.year}"


#: What a figure is for.
Period = Union[int, dt.date, Month, Quarter, FiscalYear]


def to_date(value: object) -> dt.date:
    """Accept a ``date`` or an ISO ``"YYYY-MM-DD"`` string within the sensible years."""
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, got the datetime {echo(value)}")
    if isinstance(value, dt.date):
        result = value
    elif isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            result = dt.date.fromisoformat(value)
        except ValueError as exc:
            # "2025-02-30" has the shape of a date; say what is wrong with it.
            raise ValueError(f"{echo(value)} is not a date: {exc}") from None
    else:
        raise TypeError(f"expected a date YYYY-MM-DD, got {echo(value)}")
    check_year(result.year)
    return result


#: What a period written as text looks like, for messages.
PERIOD_FORMS = (
    "a year (2023), a date (2023-12-31), a month (2023-12), a quarter (2023-Q4) "
    "or a fiscal year (FY2023)"
)


def to_period(value: object) -> Period:
    """Accept a period, a year (``int``), a ``date`` or any period written as text.

    >>> to_period(2023), to_period("2021-01-01"), to_period("2025-07")
    (2023, datetime.date(2021, 1, 1), Month(year=2025, month=7))
    """
    if isinstance(value, (Month, Quarter, FiscalYear)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return check_year(value)
    if isinstance(value, dt.date):
        return to_date(value)
    if isinstance(value, str):
        return _from_text(value)
    raise TypeError(f"expected {PERIOD_FORMS}, got {echo(value)}")


def _from_text(text: str) -> Period:
    if _YEAR.fullmatch(text):
        return check_year(int(text))
    if _ISO_DATE.fullmatch(text):
        return to_date(text)
    for pattern, build in (
        (_MONTH, lambda m: Month(int(m[1]), int(m[2]))),
        (_QUARTER, lambda m: Quarter(int(m[1]), int(m[2]))),
        (_FISCAL, lambda m: FiscalYear(int(m[1]))),
    ):
        found = pattern.fullmatch(text)
        if found:
            try:
                return build(found)
            except FieldError as exc:
                raise ValueError(f"{text!r}: {exc.message}") from None
    raise TypeError(f"expected {PERIOD_FORMS}, got {echo(text)}")


def period_from_text(text: str) -> Period:
    """Parse a period written as text, as in a CSV cell: ``2023``, ``2025-Q3``, ``FY2025``."""
    return _from_text(text.strip())


def format_period(period: Period) -> str:
    """``2023``, ``2021-01-01``, ``2025-07``, ``2025-Q3``, ``FY2025``."""
    if isinstance(period, dt.date):
        return period.isoformat()
    return str(period)


def to_json(period: Period) -> int | str:
    """A year as a JSON number, any other period as its text."""
    return period if isinstance(period, int) else format_period(period)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


@functools.cache
def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def period_sort_key(period: Period) -> tuple[int, int, int, int]:
    """A total order that needs no calendar: by the day each period ends, a year before
    the day it ends on; a fiscal year sorts with the calendar year it is named for."""
    if isinstance(period, int):
        return (period, 12, 31, 0)
    if isinstance(period, dt.date):
        return (period.year, period.month, period.day, 1)
    if isinstance(period, Month):
        return (period.year, period.month, 31, 2)
    if isinstance(period, Quarter):
        return (period.year, 3 * period.quarter, 31, 3)
    return (period.year, 12, 31, 4)


@frozen
class Calendar:
    """Where periods fall in time, given the month the plan's fiscal years start in.

    ``Calendar()`` (January) is the calendar year: a plan's years are then plain years.
    """

    fiscal_year_start: int = field(default=1, validator=_within(1, 12, "month"))

    @property
    def fiscal(self) -> bool:
        """Whether the plan's years are fiscal years (starting in another month than January)."""
        return self.fiscal_year_start != 1

    def year(self, year: int) -> Period:
        """The period a plan means by *year*: the year itself, or the fiscal year."""
        return FiscalYear(year) if self.fiscal else year

    def end(self, period: Period) -> dt.date:
        """The day *period* counts as of: its last day."""
        if isinstance(period, int):
            return _year_end(period)
        if isinstance(period, dt.date):
            return period
        if isinstance(period, Month):
            return _month_end(period.year, period.month)
        if isinstance(period, Quarter):
            return _month_end(period.year, 3 * period.quarter)
        if not self.fiscal:
            return _year_end(period.year)
        return _month_end(period.year, self.fiscal_year_start - 1)

    def start(self, period: Period) -> dt.date:
        """The first day of *period*."""
        if isinstance(period, int):
            return dt.date(period, 1, 1)
        if isinstance(period, dt.date):
            return period
        if isinstance(period, Month):
            return dt.date(period.year, period.month, 1)
        if isinstance(period, Quarter):
            return dt.date(period.year, 3 * period.quarter - 2, 1)
        if not self.fiscal:
            return dt.date(period.year, 1, 1)
        return dt.date(period.year - 1, self.fiscal_year_start, 1)

    def year_of(self, day: dt.date) -> Period:
        """The plan's year (calendar or fiscal) that contains *day*."""
        if not self.fiscal:
            return day.year
        return FiscalYear(day.year + 1 if day.month >= self.fiscal_year_start else day.year)

    def previous(self, period: Period) -> Period | None:
        """The period before *period* of the same kind; ``None`` for a day."""
        if isinstance(period, int):
            return period - 1
        if isinstance(period, Month):
            before = period.year * 12 + period.month - 2
            return Month(before // 12, before % 12 + 1)
        if isinstance(period, Quarter):
            before = period.year * 4 + period.quarter - 2
            return Quarter(before // 4, before % 4 + 1)
        if isinstance(period, FiscalYear):
            return FiscalYear(period.year - 1)
        return None


@functools.lru_cache(maxsize=4096)
def position(day: dt.date) -> Fraction:
    """Where *day* (the end of a period) falls on a time line measured in years.

    A year's last day is the year itself, exactly, so that a yearly figure halfway
    through the years of a line is judged against exactly halfway; any other day is
    its year minus one plus the share of its year that has passed by the end of it.

    >>> position(dt.date(2020, 12, 31)), position(dt.date(2021, 7, 2))
    (Fraction(2020, 1), Fraction(737483, 365))
    """
    days = 366 if _calendar.isleap(day.year) else 365
    return day.year - 1 + Fraction(day.timetuple().tm_yday, days)
