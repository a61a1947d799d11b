"""The fast path of the CSV reader: a file whose rows need none of the strict reader's
care (no quote but around a whole cell, no line break in a cell, no problem in any
row) is read by splitting its lines.

It reads exactly what the strict reader (:mod:`planmodel._csv_rows` and
:mod:`planmodel._observation_rows`) reads, checked by the same rules in the same
order; at the first problem it gives up, and the strict reader reads the file again
to name every problem and where it is. Most files of figures are plain, and reading
them costs a split and the decimal conversion.
"""

from __future__ import annotations

import operator
import re
from decimal import Decimal

from ._csv_rows import MAX_CELL
from ._numbers import MAX_DIGITS, MAX_MAGNITUDE, within_limits
from ._observation_rows import (
    NO_WORDS,
    NUMBERS,
    YES_WORDS,
    Gathered,
    Place,
    dimension_named,
    gather,
    header_problems,
    is_id,
)
from ._untrusted import lone_surrogate
from .observations import WHOLE, Breakdown, Distribution, Observation, Rated, checked_observation
from .periods import Period, period_from_text

__all__ = ["from_plain_lines", "plain_lines"]

_WHOLE = re.compile(r"[0-9]+")
_SIGNED_WHOLE = re.compile(r"[+-]?[0-9]+")
# Around unquoted cells: what a person typing "a, b" puts there.
_BLANKS = " \t"
_PLACE = Place()
#: A number written in at most this many characters, without an exponent, is within
#: the limits (:func:`~planmodel._numbers.within_limits`): no more digits than that,
#: and no magnitude beyond it either way.
_SHORT = min(MAX_DIGITS, MAX_MAGNITUDE)

_QUOTED_LINE = re.compile(r'(?:"(?:[^"]|"")*"|[^",]*)(?:,(?:"(?:[^"]|"")*"|[^",]*))*')
_CELL = re.compile(r'"((?:[^"]|"")*)"|([^",]*)')


def plain_lines(text: str) -> list[tuple[list[str], list[bool] | None]] | None:
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


def from_plain_lines(
    lines: list[tuple[list[str], list[bool] | None]],
) -> tuple[list[Observation], list[str]] | None:
    """What the strict reader reads from these lines, when every row is read without a
    problem; ``None`` at the first problem, and the text is read again by the strict
    reader, which names every problem and where it is.

    The same checks as there, in the same order, on the cells as strings: a figure
    per row without a Cell and a dict of cells made for it.
    """
    header = [name.strip(_BLANKS) for name in lines[0][0]]
    if header_problems(header, _PLACE):
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
        if (dimension := dimension_named(name)) is not None
    ]
    items: list[Observation] = []
    where: list[str] = []
    gathered: dict[tuple[str, Period, Breakdown], Gathered] = {}
    # Metric ids, levels, periods, sources and notes repeat from row to row: each is
    # checked once, as the observation's validators check it, and the observation is
    # built without checking it again (checked_observation).
    ids: set[str] = set()
    periods: dict[str, Period] = {}
    texts: set[str | None] = {None}
    # Every row is padded with blank cells to the header's width and one more, which
    # stands for the columns the header lacks: every cell is then picked at once.
    padding = [[""] * (width + 1 - size) for size in range(width + 1)]
    yes, no, number = YES_WORDS, NO_WORDS, NUMBERS["."].fullmatch
    # A failed check anywhere means the strict reader reads the text again, so the
    # checks may come in any order: the cheapest first, for the rows that pass.
    for line, (cells, quoted) in enumerate(lines[1:], start=2):
        size = len(cells)
        if size > width:
            if not "".join(cells).strip():
                continue  # an empty row: every cell blank
            return None
        if value_at is not None and value_at + 1 < size:
            more = cells[value_at + 1].strip(_BLANKS)
            if (
                more
                and _WHOLE.fullmatch(more)
                and (quoted is None or not (quoted[value_at] or quoted[value_at + 1]))
                and _SIGNED_WHOLE.fullmatch(cells[value_at].strip(_BLANKS))
            ):
                return None  # a likely decimal comma
        cells.extend(padding[size])
        metric, written, value, level, count, source, note = pick(cells)
        metric = metric.strip()
        if metric not in ids:
            if not metric:
                if not "".join(cells).strip():
                    continue  # an empty row: every cell blank
                return None
            if not is_id(metric):
                return None
            ids.add(metric)
        value, level, count = value.strip(), level.strip(), count.strip()
        source, note = source or None, note or None
        if source not in texts or note not in texts:
            for text in (source, note):
                if text is not None and lone_surrogate(text) is not None:
                    return None
                texts.add(text)
        period = periods.get(written)
        try:
            if period is None:
                period = periods[written] = period_from_text(written)
            if dimensions:
                members = {
                    dimension: member
                    for dimension, index in dimensions
                    if (member := cells[index].strip())
                }
                breakdown = Breakdown(members) if members else WHOLE
            else:
                breakdown = WHOLE
            if value:
                if level or count:
                    return None
                word = value.casefold()
                if word in yes or word in no:
                    figure: bool | Decimal | Rated = word in yes
                elif number(value):
                    figure = Decimal(value)
                    if len(value) > _SHORT or "e" in word:
                        within_limits(figure)
                else:
                    return None
            elif not level:
                return None
            else:
                if level not in ids:
                    if not is_id(level):
                        return None
                    ids.add(level)
                if count:
                    if not _WHOLE.fullmatch(count):
                        return None
                    if len(count) > _SHORT:
                        within_limits(Decimal(count))
                    problems = gather(
                        gathered,
                        _PLACE,
                        line,
                        metric=metric,
                        period=period,
                        breakdown=breakdown,
                        level=level,
                        count=int(count),
                        source=source,
                        note=note,
                    )
                    if problems:
                        return None
                    continue
                figure = Rated(level)
            items.append(
                checked_observation(
                    metric, period, figure, source=source, note=note, breakdown=breakdown
                )
            )
            where.append(f"row {line}")
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
        where.append(_PLACE.rows(found.lines))
    return items, where
