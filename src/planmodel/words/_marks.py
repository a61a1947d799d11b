"""How a language writes numbers and days: its marks, as data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import field, frozen

__all__ = ["Marks"]

_DAY_FIELDS = ("YYYY", "MM", "DD")


def _mark(_instance: object, attribute: Any, value: object) -> None:
    if not isinstance(value, str) or any(char.isdigit() or char in "≈-" for char in value):
        raise ValueError(f"{attribute.name}: a mark is text without digits, got {value!r}")


def _day_pattern(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str) or any(value.count(part) != 1 for part in _DAY_FIELDS):
        raise ValueError(
            f"date: a pattern with YYYY, MM and DD once each (e.g. 'DD/MM/YYYY'), got {value!r}"
        )


@frozen
class Marks:
    """How a language writes numbers and days, as data.

    ``decimal`` separates the whole part of a number from its fraction; ``group``
    separates groups of three digits of the whole part (``""``: none, as English
    writes figures, ``5026``); ``date`` is the pattern of a day, with ``YYYY``,
    ``MM`` and ``DD`` for its year, month and day. planmodel's rule for showing a
    number comes first: a language's marks never decide how many digits are shown.

    >>> Marks(decimal=",", group=".").number("≈-1234.5")
    '≈-1.234,5'
    >>> Marks(date="DD/MM/YYYY").day(dt.date(2025, 6, 30))
    '30/06/2025'
    """

    decimal: str = field(default=".", validator=_mark)
    group: str = field(default="", validator=_mark)
    date: str = field(default="YYYY-MM-DD", validator=_day_pattern)

    def __attrs_post_init__(self) -> None:
        if not self.decimal or self.decimal == self.group:
            raise ValueError(
                f"decimal: the decimal mark must be given and differ from the group mark, "
                f"got {self.decimal!r} and {self.group!r}"
            )

    def number(self, plain: str) -> str:
        """*plain* (a number as :func:`~planmodel._numbers.format_number` writes it:
        an optional ``≈``, an optional ``-``, digits, a decimal point) in these marks."""
        approx = "≈" if plain.startswith("≈") else ""
        plain = plain.removeprefix("≈")
        sign = "-" if plain.startswith("-") else ""
        whole, point, fraction = plain.removeprefix("-").partition(".")
        if self.group and len(whole) > 3:
            head = len(whole) % 3 or 3
            groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
            whole = self.group.join(groups)
        return f"{approx}{sign}{whole}{self.decimal if point else ''}{fraction}"

    def day(self, day: dt.date) -> str:
        """*day* in the pattern :attr:`date`."""
        return (
            self.date.replace("YYYY", f"{day.year:04d}")
            .replace("MM", f"{day.month:02d}")
            .replace("DD", f"{day.day:02d}")
        )
