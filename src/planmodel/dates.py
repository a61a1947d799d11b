"""Dates known to the year, the month or the day: when a plan was adopted or published.

A document says "adopted in 2021" or "published in February 2021" as often as it
gives the day. A :class:`PartialDate` keeps what is known and invents nothing: it is
written as ISO 8601 writes a date of reduced precision, ``"2021"``, ``"2021-02"`` or
``"2021-02-26"``, and shown and written back exactly so.

>>> PartialDate.parse("2021-02")
PartialDate(year=2021, month=2, day=None)
>>> str(PartialDate(2021)), PartialDate.parse("2021-02-26").precision
('2021', 'day')

Dates sort as their text does: a year before the months and days within it, so that
plans can be listed by when they were adopted.

>>> sorted(PartialDate.parse(text) for text in ("2021-02-26", "2020", "2021", "2021-02"))
[PartialDate(year=2020, month=None, day=None), PartialDate(year=2021, month=None, day=None), \
PartialDate(year=2021, month=2, day=None), PartialDate(year=2021, month=2, day=26)]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal, Optional

from attrs import field, frozen

from ._untrusted import echo
from .errors import FieldError, FieldTypeError
from .periods import valid_year

__all__ = ["PartialDate", "Precision"]

#: How much of a date is known.
Precision = Literal["year", "month", "day"]

#: The three forms, ASCII digits only; the shape of a date, not yet its validity.
PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
#: The forms as the JSON Schema states them: months 01-12 and days 01-31.
SCHEMA_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
#: The forms in words, for messages.
FORMS = '"YYYY-MM-DD", "YYYY-MM" or "YYYY"'


def _unknown_last(value: Optional[int]) -> int:
    # A missing month or day sorts before every known one, as "2021" sorts before "2021-01".
    return 0 if value is None else value


def _valid_month(_instance: object, attribute: Any, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldTypeError(
            attribute.name, f"expected a month as a whole number, got {echo(value)}"
        )
    if not 1 <= value <= 12:
        raise FieldError(attribute.name, f"month {value} is outside 1-12")


@frozen(order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    ``month`` and ``day`` are ``None`` where the document does not say them; a day
    needs its month. Build one from its parts, or from its text with :meth:`parse`.

    >>> PartialDate(2024, 2, 30)
    Traceback (most recent call last):
    ...
    planmodel.errors.FieldError: day: day 30 is outside 1-29 in 2024-02
    """

    year: int = field(validator=valid_year)
    month: Optional[int] = field(default=None, validator=_valid_month, order=_unknown_last)
    day: Optional[int] = field(default=None, order=_unknown_last)

    @day.validator
    def _check_day(self, attribute: Any, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(
                attribute.name, f"expected a day as a whole number, got {echo(value)}"
            )
        if self.month is None:
            raise FieldError(attribute.name, "a day needs its month")
        last = calendar.monthrange(self.year, self.month)[1]
        if not 1 <= value <= last:
            raise FieldError(
                attribute.name, f"day {value} is outside 1-{last} in {self.year}-{self.month:02d}"
            )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``"2021"``, ``"2021-02"`` or ``"2021-02-26"``.

        Raises ``TypeError`` for text of another shape and ``ValueError`` for a date
        that does not exist, saying why.

        >>> PartialDate.parse("2021-13")
        Traceback (most recent call last):
        ...
        ValueError: "2021-13" is not a date: month 13 is outside 1-12
        """
        found = PATTERN.fullmatch(text) if isinstance(text, str) else None
        if found is None:
            raise TypeError(f"expected a date {FORMS}, got {echo(text)}")
        year, month, day = (None if part is None else int(part) for part in found.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except FieldError as exc:
            raise ValueError(f'"{text}" is not a date: {exc.message}') from None

    @property
    def precision(self) -> Precision:
        """How much is known: ``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def first_day(self) -> dt.date:
        """The first day the date may be: ``2021-02`` → 2021-02-01."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the date may be: ``2021-02`` → 2021-02-28.

        >>> PartialDate(2024, 2).last_day, PartialDate(2021).last_day
        (datetime.date(2024, 2, 29), datetime.date(2021, 12, 31))
        """
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """The date as ISO 8601 writes it, to the precision known: ``"2021-02"``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()


def to_partial_date(value: object) -> PartialDate:
    """Accept a :class:`PartialDate`, a ``date``, a year (``2021``) or the date's text.

    >>> to_partial_date("2021-02"), to_partial_date(dt.date(2021, 2, 26)).isoformat()
    (PartialDate(year=2021, month=2, day=None), '2021-02-26')
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date, got the datetime {echo(value)}")
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return PartialDate(value)
        except FieldError as exc:
            raise ValueError(exc.message) from None
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise TypeError(f"expected a date {FORMS}, got {echo(value)}")


def to_optional_partial_date(value: object) -> Optional[PartialDate]:
    """``None`` (not known), or what :func:`to_partial_date` accepts."""
    return None if value is None else to_partial_date(value)
