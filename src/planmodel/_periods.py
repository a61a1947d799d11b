"""Periods: a year (``2023``) or a day (``date(2021, 1, 1)``).

A year counts as of its last day wherever periods are placed on a time line
(deadlines, trajectories, "as of" cut-offs); a day counts as of itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Union

from ._untrusted import echo
from .errors import FieldError, FieldTypeError

Period = Union[int, dt.date]

#: Years outside this range are refused as typos (``202``, ``20235``).
MIN_YEAR = 1900
MAX_YEAR = 2200

# ASCII digits only: \d would also take "٢٠٢٣" or "２０２３", which Python reads as 2023.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")


def check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"expected a year as a whole number, got {echo(year)}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


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


def to_period(value: object) -> Period:
    """Accept a year (``int``), a ``date`` or an ISO date string.

    >>> to_period(2023), to_period("2021-01-01")
    (2023, datetime.date(2021, 1, 1))
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return check_year(value)
    if isinstance(value, (str, dt.date)):
        try:
            return to_date(value)
        except TypeError:
            pass
    raise TypeError(f"expected a year (e.g. 2023) or a date YYYY-MM-DD, got {echo(value)}")


def period_from_text(text: str) -> Period:
    """Parse a period written as text, as in a CSV cell: ``2023`` or ``2021-01-01``."""
    stripped = text.strip()
    if _YEAR.fullmatch(stripped):
        return check_year(int(stripped))
    return to_period(stripped)


@functools.cache
def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def period_end(period: Period) -> dt.date:
    """The day a period counts as of: a year's last day, or the day itself."""
    if isinstance(period, int):
        return _year_end(period)
    return period


def period_sort_key(period: Period) -> tuple[int, int, int, int]:
    # A year and the last day of that year fall on the same day; the year sorts
    # first so that orderings are total and deterministic.
    if isinstance(period, int):
        return (period, 12, 31, 0)
    return (period.year, period.month, period.day, 1)


def format_period(period: Period) -> str:
    return str(period) if isinstance(period, int) else period.isoformat()


def valid_year(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator form of :func:`check_year`."""
    try:
        check_year(value)
    except TypeError as exc:
        raise FieldTypeError(attribute.name, str(exc)) from None
    except ValueError as exc:
        raise FieldError(attribute.name, str(exc)) from None
