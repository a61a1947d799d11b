"""Observations from CSV: one row per figure, one row per level of a distribution.

The rows come from the strict reader in :mod:`planmodel._csv_rows`, and their cells
are read as figures by :mod:`planmodel._observation_rows`. Two dialects:

- ``rfc4180`` (the default): cells separated by commas, numbers written with a
  decimal point (``94.10``). A likely decimal comma (an unquoted ``94,10`` split into
  two cells) is refused with a hint, since reading it as 94 and a note "10" would
  silently change the figure.
- ``excel-semicolon``: cells separated by semicolons and numbers written with a
  decimal comma (``94,10``), as Excel writes CSV where the decimal mark is a comma
  (Vietnamese, most of Europe). A point in a number is refused there: it can only
  separate thousands, and a thousands separator is not read, never guessed.

A file of one dialect read as the other is refused at its header, with the option
that reads it: a semicolon CSV is never read as one column of text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._csv_rows import Row, read_rows
from ._observation_rows import CSV_COLUMNS, Place, from_rows
from ._observations_plain import from_plain_lines, plain_lines
from .errors import Problem
from .observations import Observation

__all__ = ["CSV_COLUMNS", "CSV_DIALECTS", "from_csv"]

#: The dialects of CSV read: the standard one, and Excel's where the decimal mark is a
#: comma.
CSV_DIALECTS = ("rfc4180", "excel-semicolon")
_DIALECT_OPTION = {
    "rfc4180": "csv_dialect='rfc4180' (the default; on the command line --csv-dialect rfc4180)",
    "excel-semicolon": "csv_dialect='excel-semicolon' (on the command line --csv-dialect "
    "excel-semicolon)",
}
_DELIMITER = {"rfc4180": ",", "excel-semicolon": ";"}
_DECIMAL = {"rfc4180": ".", "excel-semicolon": ","}

_WHOLE = re.compile(r"[0-9]+")
_SIGNED_WHOLE = re.compile(r"[+-]?[0-9]+")
# Around unquoted cells: what a person typing "a, b" puts there.
_BLANKS = " \t"
# The first line Excel may write to name its delimiter: "sep=;".
_SEPARATOR_LINE = re.compile(r"sep=(.)\r?\n")


def _decimal_comma(row: Row, header: Sequence[str]) -> list[Problem]:
    """A problem if the row's value looks like a number written with a decimal comma
    and left unquoted, so that the comma split it: ``94,10`` read as value 94 and a
    next cell of 10. A number in the next cell is rarely meant; quoting it says so."""
    if "value" not in header:
        return []
    index = header.index("value")
    if index + 1 >= len(row.cells):
        return []
    whole, rest = row.cells[index], row.cells[index + 1]
    if whole.quoted or rest.quoted:
        return []
    digits, more = whole.text.strip(_BLANKS), rest.text.strip(_BLANKS)
    if not (_SIGNED_WHOLE.fullmatch(digits) and _WHOLE.fullmatch(more)):
        return []
    if index + 1 < len(header):
        after, text = (
            header[index + 1],
            f', or quote the {header[index + 1]} ("{more}") if it is text',
        )
    else:
        after, text = "an extra cell", ""
    return [
        Problem(
            f"row {row.number}, column value",
            f"{digits},{more} looks like one number written with a comma, read as value "
            f"{digits} and {after} {more}: write numbers with a decimal point and no "
            f"thousands separator ({digits}.{more}){text}",
        )
    ]


def _names(line: str, delimiter: str) -> set[str]:
    return {name.strip(_BLANKS).strip('"') for name in line.split(delimiter)}


def _other_dialect(text: str, dialect: str) -> Problem | None:
    """A problem naming the option to use, if the header is written in the other
    dialect: its columns (``metric`` and ``period`` among them) separated by the
    other dialect's delimiter and not by this one's."""
    first = text.split("\n", 1)[0].rstrip("\r")
    for other, delimiter in _DELIMITER.items():
        if other == dialect:
            continue
        separator = _SEPARATOR_LINE.match(text)
        named = separator is not None and separator.group(1) == delimiter
        split = delimiter in first and _DELIMITER[dialect] not in first
        if named or (split and {"metric", "period"} <= _names(first, delimiter)):
            said = "semicolons" if delimiter == ";" else "commas"
            why = (
                ", as Excel writes CSV where the decimal mark is a comma"
                if delimiter == ";"
                else ""
            )
            return Problem(
                "row 1",
                f"the columns are separated by {said}{why}: read the file with "
                f"{_DIALECT_OPTION[other]}",
            )
    return None


def from_csv(
    text: str, dialect: str = "rfc4180"
) -> tuple[list[Observation], list[str], list[Problem]]:
    """Observations from CSV *text* in *dialect*, where each was read ("row 3", "rows
    4, 5"), and every problem found."""
    other = _other_dialect(text, dialect)
    if other is not None:
        return [], [], [other]
    # Excel names its delimiter on a first line of its own when asked to, and does not
    # count it as a row: the header is still row 1.
    found = _SEPARATOR_LINE.match(text)
    if found is not None and found.group(1) == _DELIMITER[dialect]:
        text = text[found.end() :]
    if dialect == "rfc4180":
        lines = plain_lines(text)
        plainly = None if lines is None else from_plain_lines(lines)
        if plainly is not None:
            return (*plainly, [])
    return from_strict_rows(text, dialect)


def from_strict_rows(
    text: str, dialect: str = "rfc4180"
) -> tuple[list[Observation], list[str], list[Problem]]:
    """:func:`from_csv` by the strict reader's rows, every problem named: for text the
    fast path (:mod:`planmodel._observations_plain`) does not vouch for."""
    rows, problems = read_rows(text, _DELIMITER[dialect])
    if rows and rows[0].broken:
        return [], [], problems
    header = [cell.text.strip(_BLANKS) for cell in rows[0].cells] if rows else []
    items, where, more = from_rows(
        header,
        rows[1:],
        place=Place(),
        decimal=_DECIMAL[dialect],
        check=_decimal_comma if dialect == "rfc4180" else None,
    )
    return items, where, problems + more
