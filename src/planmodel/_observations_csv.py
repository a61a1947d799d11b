"""Observations from CSV: one row per figure, one row per level of a distribution.

The rows come from the strict reader in :mod:`planmodel._csv_rows`; this module
reads their cells as figures. What it checks, each with the row and column:

- the header: every column known (the columns below, and ``breakdown.<dimension>``
  for each dimension a figure may be broken down by), ``metric`` and ``period``
  present, none twice;
- each row: a metric id, a period, and a value, a level, or a level and a count; a
  value is a number or, for a yes/no metric, one of ``yes``/``no``, ``true``/``false``,
  ``có``/``không`` (any case);
- numbers are written in plain ASCII (``94.10``, ``-3``, ``1e6``); a likely decimal
  comma (an unquoted ``94,10`` split into two cells) is refused with a hint, since
  reading it as 94 and a note "10" would silently change the figure;
- the rows of one distribution agree on their source and note.

Text (``source``, ``note``) is kept exactly as written, quoted or not, spaces and
line breaks included: spreadsheets do not quote a cell for its spaces, so trimming
them would change a note silently. Around the other cells (ids, periods, numbers)
spaces mean nothing and are ignored.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from attrs import define

from ._csv_rows import MAX_CELL, Row, read_rows
from ._numbers import to_decimal, within_limits
from ._untrusted import echo
from .constraints import ID_PATTERN
from .errors import FieldError, Problem
from .observations import WHOLE, Breakdown, Distribution, Observation, Rated
from .periods import PERIOD_FORMS, Period, format_period, period_from_text

CSV_COLUMNS = ("metric", "period", "value", "level", "count", "source", "note")
#: The columns of a breakdown: ``breakdown.area``, ``breakdown.commune``.
BREAKDOWN_PREFIX = "breakdown."
#: The words a value cell may hold for a yes/no figure (any case).
YES_WORDS = frozenset({"yes", "true", "có"})
NO_WORDS = frozenset({"no", "false", "không"})

#: A number as a CSV cell may write it: ASCII digits, an optional sign, point and
#: exponent. Decimal() alone would also take "1_000", " 5 " or "٣", and write them
#: back differently.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_WHOLE = re.compile(r"[0-9]+")
_SIGNED_WHOLE = re.compile(r"[+-]?[0-9]+")
# Around unquoted cells: what a person typing "a, b" puts there.
_BLANKS = " \t"


@define
class _Gathered:
    """A distribution being gathered from its rows, one row per level."""

    lines: list[int]
    counts: dict[str, int]
    source: str | None
    note: str | None

    def where(self) -> str:
        if len(self.lines) == 1:
            return f"row {self.lines[0]}"
        return "rows " + ", ".join(str(line) for line in self.lines)


def _is_id(text: str) -> bool:
    return bool(ID_PATTERN.fullmatch(text))


def _dimension(name: str) -> str | None:
    """The dimension a ``breakdown.<dimension>`` column names, else ``None``."""
    if name.startswith(BREAKDOWN_PREFIX) and _is_id(name[len(BREAKDOWN_PREFIX) :]):
        return name[len(BREAKDOWN_PREFIX) :]
    return None


def _header_problems(header: Sequence[str]) -> list[Problem]:
    problems = []
    first_at: dict[str, int] = {}
    for index, name in enumerate(header):
        if name not in CSV_COLUMNS and _dimension(name) is None:
            problems.append(
                Problem(
                    f"row 1, column {echo(name)}",
                    f"unknown column; expected: {', '.join(CSV_COLUMNS)}, or breakdown.<dimension>",
                )
            )
        elif name in first_at:
            problems.append(
                Problem(
                    f"row 1, column {name!r}",
                    f"column {first_at[name] + 1} has the same name: a column may appear "
                    "once, or one of the two would be dropped",
                )
            )
        else:
            first_at[name] = index
    return problems + [
        Problem("row 1", f"missing column {name!r}")
        for name in ("metric", "period")
        if name not in header
    ]


def _decimal_comma(row: Row, header: Sequence[str]) -> Problem | None:
    """A problem if the row's value looks like a number written with a decimal comma
    and left unquoted, so that the comma split it: ``94,10`` read as value 94 and a
    next cell of 10. A number in the next cell is rarely meant; quoting it says so."""
    if "value" not in header:
        return None
    index = header.index("value")
    if index + 1 >= len(row.cells):
        return None
    whole, rest = row.cells[index], row.cells[index + 1]
    if whole.quoted or rest.quoted:
        return None
    digits, more = whole.text.strip(_BLANKS), rest.text.strip(_BLANKS)
    if not (_SIGNED_WHOLE.fullmatch(digits) and _WHOLE.fullmatch(more)):
        return None
    if index + 1 < len(header):
        after, text = (
            header[index + 1],
            f', or quote the {header[index + 1]} ("{more}") if it is text',
        )
    else:
        after, text = "an extra cell", ""
    return Problem(
        f"row {row.number}, column value",
        f"{digits},{more} looks like one number written with a comma, read as value "
        f"{digits} and {after} {more}: write numbers with a decimal point and no thousands "
        f"separator ({digits}.{more}){text}",
    )


#: The columns holding text, kept exactly as written.
_TEXT_COLUMNS = ("source", "note")


def _cells(row: Row, header: Sequence[str]) -> dict[str, str | None]:
    """The row's cells by column: text exactly as written, other cells without the
    spaces around them; ``None`` for an empty cell or a column the row lacks."""
    found: dict[str, str | None] = dict.fromkeys([*CSV_COLUMNS, *header])
    for name, cell in zip(header, row.cells, strict=False):
        text = cell.text if name in _TEXT_COLUMNS else cell.text.strip()
        found[name] = text if text else None
    return found


def _figure(line: int, written: str) -> tuple[Decimal | bool | None, list[Problem]]:
    """A value cell: yes/no in one of the accepted words, or a number."""
    word = written.casefold()
    if word in YES_WORDS:
        return True, []
    if word in NO_WORDS:
        return False, []
    return _number(line, written)


def _breakdown(line: int, cells: Mapping[str, str | None]) -> tuple[Breakdown, list[Problem]]:
    """The members a row's ``breakdown.<dimension>`` cells name (empty: the whole)."""
    members = {
        dimension: member
        for name, member in cells.items()
        if (dimension := _dimension(name)) is not None and member
    }
    try:
        return Breakdown(members), []
    except ValueError as exc:
        return Breakdown(), [Problem(f"row {line}", str(exc))]


def _number(line: int, written: str) -> tuple[Decimal | None, list[Problem]]:
    where = f"row {line}, column value"
    if written.lstrip("+-").lower() in ("nan", "snan", "inf", "infinity"):
        return None, [Problem(where, f"expected a finite number, got {echo(written)}")]
    if not _NUMBER.fullmatch(written):
        hint = (
            "; write numbers with a decimal point and no thousands separator, e.g. 94.10"
            if "," in written
            else ""
        )
        return None, [Problem(where, f"expected a number, got {echo(written)}{hint}")]
    try:
        return to_decimal(written), []
    except ValueError as exc:
        return None, [Problem(where, str(exc))]


def _row_problems(line: int, cells: Mapping[str, str | None]) -> list[Problem]:
    """What is wrong with a row's shape, before its cells are read."""
    problems = []
    metric = cells["metric"] or ""
    if not metric or not _is_id(metric):
        problems.append(
            Problem(f"row {line}, column metric", f"expected a metric id, got {echo(metric)}")
        )
    value, level, count = (cells[name] for name in ("value", "level", "count"))
    if value and (level or count):
        problems.append(
            Problem(
                f"row {line}",
                "give either value, or level (with count for a distribution), not both",
            )
        )
    elif count and not level:
        problems.append(Problem(f"row {line}, column level", "a count needs the level it counts"))
    elif not value and not level:
        problems.append(Problem(f"row {line}", "no value: fill value, or level (and count)"))
    elif level and not _is_id(level):
        problems.append(
            Problem(f"row {line}, column level", f"expected a level id, got {echo(level)}")
        )
    elif count and not _WHOLE.fullmatch(count):
        problems.append(
            Problem(
                f"row {line}, column count",
                f"expected a whole number of units, got {echo(count)}",
            )
        )
    elif count:
        try:
            within_limits(Decimal(count))
        except ValueError as exc:
            problems.append(Problem(f"row {line}, column count", str(exc)))
    return problems


def _period(line: int, text: str | None) -> tuple[Period | None, list[Problem]]:
    try:
        return period_from_text(text or ""), []
    except (TypeError, ValueError):
        return None, [
            Problem(
                f"row {line}, column period",
                f"expected {PERIOD_FORMS}, got {echo(text or '')}",
            )
        ]


def from_csv(text: str) -> tuple[list[Observation], list[str], list[Problem]]:
    """Observations from CSV *text*, where each was read ("row 3", "rows 4, 5"), and
    every problem found."""
    lines = _plain_lines(text)
    if lines is not None:
        found = _from_plain_lines(lines)
        if found is not None:
            return found[0], found[1], []
    return _from_rows(text)


#: A line whose quoted cells each open at the cell's start, close at its end and double
#: the quotes inside: read cell by cell as the strict reader reads it.
_QUOTED_LINE = re.compile(r'(?:"(?:[^"]|"")*"|[^",]*)(?:,(?:"(?:[^"]|"")*"|[^",]*))*')
_CELL = re.compile(r'"((?:[^"]|"")*)"|([^",]*)')


def _plain_lines(text: str) -> list[tuple[list[str], list[bool] | None]] | None:
    """The rows of *text* (cells, and which were quoted when any was) when no line
    needs the strict reader: no carriage return but in a CRLF line end, no quoted cell
    spanning lines or written otherwise than the strict reader reads it, no line long
    enough to hold a cell over ``MAX_CELL``. Each row is then exactly the row the
    strict reader reads (:mod:`planmodel._csv_rows`), numbered as it numbers rows."""
    if not text or text.count("\r") != text.count("\r\n"):
        return None
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if "\r" in text:
        lines = [line.removesuffix("\r") for line in lines]
    if len(text) > MAX_CELL and max(map(len, lines)) > MAX_CELL:
        return None
    rows: list[tuple[list[str], list[bool] | None]] = []
    for line in lines:
        if '"' not in line:
            rows.append((line.split(","), None))
        elif _QUOTED_LINE.fullmatch(line):
            cells, quoted = [], []
            for found in _CELL.finditer(line):
                if found.start() and line[found.start() - 1] != ",":
                    continue  # the empty match after a cell, before its comma
                inside, bare = found.groups()
                cells.append(bare if inside is None else inside.replace('""', '"'))
                quoted.append(inside is not None)
            rows.append((cells, quoted))
        else:
            return None
    return rows


def _from_plain_lines(
    lines: list[tuple[list[str], list[bool] | None]],
) -> tuple[list[Observation], list[str]] | None:
    """:func:`_from_rows` for the lines of a text without quotes, when every row is
    read without a problem; ``None`` at the first problem, and the text is read again
    by :func:`_from_rows`, which names every problem and where it is.

    The same checks as there, in the same order, on the cells as strings: a figure
    per row without a Cell and a dict of cells made for it.
    """
    header = [name.strip(_BLANKS) for name in lines[0][0]]
    if _header_problems(header):
        return None
    width = len(header)
    column = {name: index for index, name in enumerate(header)}
    metric_at, period_at = column["metric"], column["period"]
    value_at, level_at, count_at = column.get("value"), column.get("level"), column.get("count")
    source_at, note_at = column.get("source"), column.get("note")
    absent = width  # the blank cell each row is given for a column the header lacks
    pick = operator.itemgetter(
        metric_at,
        period_at,
        *(
            absent if at is None else at
            for at in (value_at, level_at, count_at, source_at, note_at)
        ),
    )
    dimensions = [
        (dimension, index)
        for index, name in enumerate(header)
        if (dimension := _dimension(name)) is not None
    ]
    items: list[Observation] = []
    where: list[str] = []
    gathered: dict[tuple[str, Period, Breakdown], _Gathered] = {}
    # Metric ids, levels and periods repeat from row to row: each is checked once.
    ids: set[str] = set()
    periods: dict[str, Period] = {}
    for line, (cells, quoted) in enumerate(lines[1:], start=2):
        size = len(cells)
        if not "".join(cells).strip():
            continue  # an empty row: every cell blank
        if value_at is not None and value_at + 1 < size:
            digits, more = cells[value_at].strip(_BLANKS), cells[value_at + 1].strip(_BLANKS)
            plain = quoted is None or not (quoted[value_at] or quoted[value_at + 1])
            if plain and _SIGNED_WHOLE.fullmatch(digits) and _WHOLE.fullmatch(more):
                return None  # a likely decimal comma
        if size > width:
            return None
        # Padded with blank cells to the header's width and one more, which stands for
        # the columns the header lacks: every cell is then picked at once.
        cells.extend([""] * (width + 1 - size))
        metric, written, value, level, count, source, note = pick(cells)
        metric, value, level, count = metric.strip(), value.strip(), level.strip(), count.strip()
        source, note = source or None, note or None
        if metric not in ids:
            if not metric or not _is_id(metric):
                return None
            ids.add(metric)
        if (value and (level or count)) or (count and not level) or (not value and not level):
            return None
        if level and level not in ids:
            if not _is_id(level):
                return None
            ids.add(level)
        if count and not _WHOLE.fullmatch(count):
            return None
        try:
            if count:
                within_limits(Decimal(count))
            written = written.strip()
            period = periods.get(written)
            if period is None:
                period = periods[written] = period_from_text(written)
            members = {
                dimension: member
                for dimension, index in dimensions
                if (member := cells[index].strip())
            }
            breakdown = Breakdown(members) if members else WHOLE
            if value:
                word = value.casefold()
                if word in YES_WORDS or word in NO_WORDS:
                    figure: bool | str = word in YES_WORDS
                elif _NUMBER.fullmatch(value):
                    figure = value  # made a Decimal once, by the observation
                else:
                    return None
                items.append(Observation(metric, period, figure, source, note, breakdown))
                where.append(f"row {line}")
            elif not count:
                items.append(Observation(metric, period, Rated(level), source, note, breakdown))
                where.append(f"row {line}")
            else:
                problems = _gather(
                    gathered,
                    line,
                    metric=metric,
                    period=period,
                    breakdown=breakdown,
                    level=level,
                    count=int(Decimal(count)),
                    source=source,
                    note=note,
                )
                if problems:
                    return None
        except (TypeError, ValueError):
            return None
    for (metric, period, breakdown), found in gathered.items():
        try:
            items.append(
                Observation(
                    metric, period, Distribution(found.counts), found.source, found.note, breakdown
                )
            )
        except (TypeError, ValueError):
            return None
        where.append(found.where())
    return items, where


def _from_rows(text: str) -> tuple[list[Observation], list[str], list[Problem]]:
    """:func:`from_csv` by the strict reader's rows: every problem named."""
    rows, problems = read_rows(text)
    if rows and rows[0].broken:
        return [], [], problems
    header = [cell.text.strip(_BLANKS) for cell in rows[0].cells] if rows else []
    header_problems = _header_problems(header)
    if header_problems:
        # Without a sound header no cell can be told what it holds.
        return [], [], problems + header_problems
    items: list[Observation] = []
    where: list[str] = []
    gathered: dict[tuple[str, Period, Breakdown], _Gathered] = {}
    for row in rows[1:]:
        if row.broken:
            continue
        line = row.number
        if all(not cell.text.strip() for cell in row.cells):
            continue  # an empty row
        comma = _decimal_comma(row, header)
        if comma is not None:
            problems.append(comma)
            continue
        if len(row.cells) > len(header):
            problems.append(Problem(f"row {line}", "more cells than columns in the header"))
            continue
        cells = _cells(row, header)
        row_problems = _row_problems(line, cells)
        period, more = _period(line, cells["period"])
        row_problems += more
        breakdown, more = _breakdown(line, cells)
        row_problems += more
        if row_problems or period is None:
            problems += row_problems
            continue
        metric, level, count = cells["metric"] or "", cells["level"] or "", cells["count"] or ""
        source, note = cells["source"], cells["note"]
        if cells["value"]:
            figure, more = _figure(line, cells["value"])
            if figure is None:
                problems += more
                continue
            problems += _add(
                items,
                where,
                f"row {line}",
                metric=metric,
                period=period,
                value=figure,
                source=source,
                note=note,
                breakdown=breakdown,
            )
        elif not count:
            problems += _add(
                items,
                where,
                f"row {line}",
                metric=metric,
                period=period,
                value=Rated(level),
                source=source,
                note=note,
                breakdown=breakdown,
            )
        else:
            problems += _gather(
                gathered,
                line,
                metric=metric,
                period=period,
                breakdown=breakdown,
                level=level,
                count=int(Decimal(count)),  # int(str) refuses 4,300+ digits
                source=source,
                note=note,
            )
    for (metric, period, breakdown), found in gathered.items():
        problems += _add(
            items,
            where,
            found.where(),
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


def _gather(
    gathered: dict[tuple[str, Period, Breakdown], _Gathered],
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
    rows = gathered.setdefault((metric, period, breakdown), _Gathered([], {}, source, note))
    if level in rows.counts:
        return [
            Problem(
                f"row {line}, column level",
                f"level {level!r} of {metric} for {format_period(period)} is already counted",
            )
        ]
    problems = [
        Problem(
            f"row {line}, column {name}",
            f"differs from row {rows.lines[0]}: one distribution has one {name}",
        )
        for name, mine, first in (("source", source, rows.source), ("note", note, rows.note))
        if rows.lines and mine is not None and mine != first
    ]
    if not problems:
        rows.counts[level] = count
        rows.lines.append(line)
    return problems
