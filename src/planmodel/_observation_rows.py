"""Observations from rows of cells, whatever held them: a CSV file, a workbook's sheet
or a DataFrame.

Each reader turns its rows into :class:`~planmodel._csv_rows.Row`\\ s of text cells
and says, with a :class:`Place`, how its messages name a row ("row 3", "sheet
'Figures', row 3", "index 5"); this module reads the cells as figures. What it
checks, each with the row and column:

- the header: every column known (the columns below, and ``breakdown.<dimension>``
  for each dimension a figure may be broken down by), ``metric`` and ``period``
  present, none twice;
- each row: a metric id, a period, and a value, a level, or a level and a count; a
  value is a number or, for a yes/no metric, one of ``yes``/``no``, ``true``/``false``,
  ``có``/``không`` (any case);
- numbers are written in plain ASCII (``94.10``, ``-3``, ``1e6``), with the decimal
  mark the reader says (a point, or a comma for a CSV as Excel writes it where the
  decimal mark is a comma);
- the rows of one distribution agree on their source and note.

Text (``source``, ``note``) is kept exactly as written, spaces and line breaks
included: spreadsheets do not quote a cell for its spaces, so trimming them would
change a note silently. Around the other cells (ids, periods, numbers) spaces mean
nothing and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Optional

from attrs import define, frozen

from ._csv_rows import Row
from ._numbers import to_decimal, within_limits
from ._untrusted import echo
from .constraints import ID_PATTERN
from .errors import FieldError, Problem
from .observations import Breakdown, Distribution, Observation, Rated
from .periods import PERIOD_FORMS, Period, format_period, period_from_text

CSV_COLUMNS = ("metric", "period", "value", "level", "count", "source", "note")
#: The columns of a breakdown: ``breakdown.area``, ``breakdown.commune``.
BREAKDOWN_PREFIX = "breakdown."
#: The columns holding text, kept exactly as written.
TEXT_COLUMNS = ("source", "note")
#: The words a value cell may hold for a yes/no figure (any case).
YES_WORDS = frozenset({"yes", "true", "có"})
NO_WORDS = frozenset({"no", "false", "không"})

#: A number as a cell may write it: ASCII digits, an optional sign, the decimal mark
#: and an exponent. Decimal() alone would also take "1_000", " 5 " or "٣", and write
#: them back differently.
NUMBERS = {
    mark: re.compile(
        rf"[+-]?(?:[0-9]+(?:{re.escape(mark)}[0-9]*)?|{re.escape(mark)}[0-9]+)(?:[eE][+-]?[0-9]+)?"
    )
    for mark in (".", ",")
}
_WHOLE = re.compile(r"[0-9]+")
# A date written day first, as spreadsheets in most languages show it: 31/12/2023.
_DAY_FIRST = re.compile(r"[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4}")

#: What a reader checks in a row before its cells are read (a CSV row split by a
#: decimal comma, a workbook's cell that holds no figure): the row's problems, if any.
RowCheck = Callable[[Row, Sequence[str]], Sequence[Problem]]


@frozen
class Place:
    """How messages name where a cell was read.

    ``prefix`` goes before every location ("sheet 'Figures', "); ``labels`` names rows
    by a DataFrame's index, as shown, instead of their numbers (row *n* is
    ``labels[n - 1]``), and columns without a header row.

    >>> Place().cell(3, "value"), Place("sheet 'Figures', ").row(3)
    ('row 3, column value', "sheet 'Figures', row 3")
    >>> Place(labels=("4", "7")).rows([1, 2]), Place(labels=("4",)).header("'x'")
    ('index 4, 7', "column 'x'")
    """

    prefix: str = ""
    labels: Optional[tuple[str, ...]] = None

    def label(self, number: int) -> str:
        """The row as named within its table: "row 3", "index 5"."""
        if self.labels is None:
            return f"row {number}"
        return f"index {self.labels[number - 1]}"

    def row(self, number: int) -> str:
        return self.prefix + self.label(number)

    def rows(self, numbers: Sequence[int]) -> str:
        """Several rows: those of one distribution."""
        if len(numbers) == 1:
            return self.row(numbers[0])
        if self.labels is None:
            return self.prefix + "rows " + ", ".join(str(number) for number in numbers)
        return self.prefix + "index " + ", ".join(self.labels[n - 1] for n in numbers)

    def cell(self, number: int, column: str) -> str:
        return f"{self.row(number)}, column {column}"

    def header(self, column: str | None = None) -> str:
        """The header, or one of its columns (named as given: *column* is shown as is)."""
        if self.labels is None:
            head = f"{self.prefix}row 1"
            return head if column is None else f"{head}, column {column}"
        return f"{self.prefix}columns" if column is None else f"{self.prefix}column {column}"


@define
class Gathered:
    """A distribution being gathered from its rows, one row per level."""

    lines: list[int]
    counts: dict[str, int]
    source: str | None
    note: str | None


def is_id(text: str) -> bool:
    return bool(ID_PATTERN.fullmatch(text))


def dimension_named(name: str) -> str | None:
    """The dimension a ``breakdown.<dimension>`` column names, else ``None``."""
    if name.startswith(BREAKDOWN_PREFIX) and is_id(name[len(BREAKDOWN_PREFIX) :]):
        return name[len(BREAKDOWN_PREFIX) :]
    return None


def header_problems(header: Sequence[str], place: Place) -> list[Problem]:
    """What is wrong with a header: unknown columns, a column twice, one missing."""
    problems = []
    first_at: dict[str, int] = {}
    for index, name in enumerate(header):
        if name not in CSV_COLUMNS and dimension_named(name) is None:
            problems.append(
                Problem(
                    place.header(echo(name)),
                    f"unknown column; expected: {', '.join(CSV_COLUMNS)}, or breakdown.<dimension>",
                )
            )
        elif name in first_at:
            problems.append(
                Problem(
                    place.header(repr(name)),
                    f"column {first_at[name] + 1} has the same name: a column may appear "
                    "once, or one of the two would be dropped",
                )
            )
        else:
            first_at[name] = index
    return problems + [
        Problem(place.header(), f"missing column {name!r}")
        for name in ("metric", "period")
        if name not in header
    ]


def _cells(row: Row, header: Sequence[str]) -> dict[str, str | None]:
    """The row's cells by column: text exactly as written, other cells without the
    spaces around them; ``None`` for an empty cell or a column the row lacks."""
    found: dict[str, str | None] = dict.fromkeys([*CSV_COLUMNS, *header])
    for name, cell in zip(header, row.cells, strict=False):
        text = cell.text if name in TEXT_COLUMNS else cell.text.strip()
        found[name] = text if text else None
    return found


@frozen
class _Reading:
    """One table being read: where its cells are, and its decimal mark."""

    place: Place
    decimal: str

    def figure(self, line: int, written: str) -> tuple[Decimal | bool | None, list[Problem]]:
        """A value cell: yes/no in one of the accepted words, or a number."""
        word = written.casefold()
        if word in YES_WORDS:
            return True, []
        if word in NO_WORDS:
            return False, []
        return self.number(line, written)

    def number(self, line: int, written: str) -> tuple[Decimal | None, list[Problem]]:
        where = self.place.cell(line, "value")
        if written.lstrip("+-").lower() in ("nan", "snan", "inf", "infinity"):
            return None, [Problem(where, f"expected a finite number, got {echo(written)}")]
        if not NUMBERS[self.decimal].fullmatch(written):
            return None, [
                Problem(where, f"expected a number, got {echo(written)}{self._hint(written)}")
            ]
        try:
            return to_decimal(written.replace(",", ".")), []
        except ValueError as exc:
            return None, [Problem(where, str(exc))]

    def _hint(self, written: str) -> str:
        if written.rstrip().endswith("%"):
            return "; write a percentage without the % sign, e.g. 94.10 for 94.10%"
        if self.decimal == "," and "." in written:
            return (
                "; the decimal mark of this file is a comma, so a point can only separate "
                "thousands: write numbers without a thousands separator, e.g. 8760 or 94,10"
            )
        if self.decimal == "." and "," in written:
            return "; write numbers with a decimal point and no thousands separator, e.g. 94.10"
        return ""

    def breakdown(
        self, line: int, cells: Mapping[str, str | None]
    ) -> tuple[Breakdown, list[Problem]]:
        """The members a row's ``breakdown.<dimension>`` cells name (empty: the whole)."""
        members = {
            dimension: member
            for name, member in cells.items()
            if (dimension := dimension_named(name)) is not None and member
        }
        try:
            return Breakdown(members), []
        except ValueError as exc:
            return Breakdown(), [Problem(self.place.row(line), str(exc))]

    def row_problems(self, line: int, cells: Mapping[str, str | None]) -> list[Problem]:
        """What is wrong with a row's shape, before its cells are read."""
        place = self.place
        problems = []
        metric = cells["metric"] or ""
        if not metric or not is_id(metric):
            problems.append(
                Problem(place.cell(line, "metric"), f"expected a metric id, got {echo(metric)}")
            )
        value, level, count = (cells[name] for name in ("value", "level", "count"))
        if value and (level or count):
            problems.append(
                Problem(
                    place.row(line),
                    "give either value, or level (with count for a distribution), not both",
                )
            )
        elif count and not level:
            problems.append(Problem(place.cell(line, "level"), "a count needs the level it counts"))
        elif not value and not level:
            problems.append(Problem(place.row(line), "no value: fill value, or level (and count)"))
        elif level and not is_id(level):
            problems.append(
                Problem(place.cell(line, "level"), f"expected a level id, got {echo(level)}")
            )
        elif count and not _WHOLE.fullmatch(count):
            problems.append(
                Problem(
                    place.cell(line, "count"),
                    f"expected a whole number of units, got {echo(count)}",
                )
            )
        elif count:
            try:
                within_limits(Decimal(count))
            except ValueError as exc:
                problems.append(Problem(place.cell(line, "count"), str(exc)))
        return problems

    def period(self, line: int, text: str | None) -> tuple[Period | None, list[Problem]]:
        try:
            return period_from_text(text or ""), []
        except (TypeError, ValueError):
            hint = (
                "; write a date as 2023-12-31 (31/12/2023 is read differently in different "
                "languages)"
                if _DAY_FIRST.fullmatch((text or "").strip())
                else ""
            )
            return None, [
                Problem(
                    self.place.cell(line, "period"),
                    f"expected {PERIOD_FORMS}, got {echo(text or '')}{hint}",
                )
            ]


def from_rows(
    header: Sequence[str],
    rows: Iterable[Row],
    *,
    place: Place | None = None,
    decimal: str = ".",
    check: RowCheck | None = None,
) -> tuple[list[Observation], list[str], list[Problem]]:
    """Observations from the *rows* under *header*, where each was read ("row 3",
    "rows 4, 5"), and every problem found. *check* may refuse a row before it is
    read, an empty one too."""
    reading = _Reading(place or Place(), decimal)
    place = reading.place
    problems = header_problems(header, place)
    if problems:
        # Without a sound header no cell can be told what it holds.
        return [], [], problems
    items: list[Observation] = []
    where: list[str] = []
    gathered: dict[tuple[str, Period, Breakdown], Gathered] = {}
    for row in rows:
        if row.broken:
            continue
        line = row.number
        refused = check(row, header) if check is not None else ()
        if refused:
            problems += refused
            continue
        if all(not cell.text.strip() for cell in row.cells):
            continue  # an empty row
        if len(row.cells) > len(header):
            problems.append(Problem(place.row(line), "more cells than columns in the header"))
            continue
        cells = _cells(row, header)
        row_problems = reading.row_problems(line, cells)
        period, more = reading.period(line, cells["period"])
        row_problems += more
        breakdown, more = reading.breakdown(line, cells)
        row_problems += more
        if row_problems or period is None:
            problems += row_problems
            continue
        metric, level, count = cells["metric"] or "", cells["level"] or "", cells["count"] or ""
        source, note = cells["source"], cells["note"]
        if cells["value"]:
            figure, more = reading.figure(line, cells["value"])
            if figure is None:
                problems += more
                continue
            value: Decimal | bool | Rated = figure
        elif not count:
            value = Rated(level)
        else:
            problems += gather(
                gathered,
                place,
                line,
                metric=metric,
                period=period,
                breakdown=breakdown,
                level=level,
                count=int(Decimal(count)),  # int(str) refuses 4,300+ digits
                source=source,
                note=note,
            )
            continue
        problems += _add(
            items,
            where,
            place.row(line),
            metric=metric,
            period=period,
            value=value,
            source=source,
            note=note,
            breakdown=breakdown,
        )
    for (metric, period, breakdown), found in gathered.items():
        problems += _add(
            items,
            where,
            place.rows(found.lines),
            metric=metric,
            period=period,
            value=Distribution(found.counts),
            source=found.source,
            note=found.note,
            breakdown=breakdown,
        )
    return items, where, problems


def _add(
    items: list[Observation],
    where: list[str],
    at: str,
    *,
    metric: str,
    period: Period,
    value: Decimal | bool | Rated | Distribution,
    source: str | None,
    note: str | None,
    breakdown: Breakdown,
) -> list[Problem]:
    """Add the observation a row (or a distribution's rows, *at*) gives, or say why not."""
    try:
        items.append(Observation(metric, period, value, source, note, breakdown))
    except FieldError as exc:
        return [Problem(f"{at}, column {exc.field}", exc.message)]
    except (TypeError, ValueError) as exc:
        return [Problem(at, str(exc))]
    where.append(at)
    return []


def gather(
    gathered: dict[tuple[str, Period, Breakdown], Gathered],
    place: Place,
    line: int,
    *,
    metric: str,
    period: Period,
    breakdown: Breakdown,
    level: str,
    count: int,
    source: str | None,
    note: str | None,
) -> list[Problem]:
    """Add one level's row to its distribution; a repeated level, or a source or note
    that differs from the first row's, is a problem rather than a silent choice."""
    rows = gathered.setdefault((metric, period, breakdown), Gathered([], {}, source, note))
    if level in rows.counts:
        return [
            Problem(
                place.cell(line, "level"),
                f"level {level!r} of {metric} for {format_period(period)} is already counted",
            )
        ]
    problems = [
        Problem(
            place.cell(line, name),
            f"differs from {place.label(rows.lines[0])}: one distribution has one {name}",
        )
        for name, mine, first in (("source", source, rows.source), ("note", note, rows.note))
        if rows.lines and mine is not None and mine != first
    ]
    if not problems:
        rows.counts[level] = count
        rows.lines.append(line)
    return problems
