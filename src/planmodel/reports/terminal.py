"""The evaluation as plain text for a terminal: aligned columns, status words with
symbols, lines wrapped to the terminal's width, and colour only when asked for.

Columns are aligned by display width, so that Vietnamese text (combining marks)
and wide characters do not push the columns out of line. A table that does not fit
shortens its titles with "…" and wraps its longer texts within their cells; numbers
and statuses are never cut. Text from the plan and the figures is shown with its
control characters escaped (``\x1b``): a terminal would act on them, and a plan file
must not be able to recolour, move or retitle it.
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from collections.abc import Sequence
from typing import Any, Literal, Optional, Union

import attrs
from attrs import frozen

from .._untrusted import printable
from ..evaluation import Evaluation
from ..plan import Plan
from ..status import Status
from ..words import status_word
from ._facts import Facts, Row, Series, TargetFacts, facts
from ._words import SYMBOLS, WARNING_SIGN, label, targets_counted

__all__ = ["TEXT_WIDTH", "render_text"]

#: The width a text report is wrapped to when no other is given: a terminal's
#: traditional width, so that a report written to a file reads the same everywhere.
TEXT_WIDTH = 80
#: No text is wrapped narrower than this, however narrow the terminal says it is.
_NARROWEST_LINE = 40
#: The fewest columns a shortened or wrapped table column keeps.
_NARROWEST_CELL = 12
#: A column that may go below its rows does so rather than be narrower than this.
_NARROWEST_BELOW = 30

# ANSI colours by status; bold for the two kinds of failure.
_COLOURS = {
    Status.NOT_MET: "1;31",
    Status.OFF_TRACK: "1;33",
    Status.NEARLY_MET: "33",
    Status.NO_DATA: "35",
    Status.PENDING: "2",
    Status.ON_TRACK: "36",
    Status.MET: "32",
    Status.EXCEEDED: "1;32",
}

#: A table cell: plain text, or text shown in the colour of a status.
Cell = Union[str, tuple[str, Status]]


@frozen
class Column:
    """A column of a table: its header, whether it holds numbers (aligned right), and
    what it does when the table is too wide: ``keep`` its cells whole, ``shorten``
    them with "…", ``wrap`` them onto more lines, or go ``below``: each cell on lines
    of its own under its row, when the column would otherwise be narrower than
    ``_NARROWEST_BELOW``. Columns that ``give`` more are narrowed first."""

    header: str
    right: bool = False
    fit: Literal["keep", "shorten", "wrap", "below"] = "keep"
    give: int = 0


def width(text: str) -> int:
    """How many terminal columns *text* takes: combining marks take none, wide
    characters two."""
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _cut(text: str, size: int) -> tuple[str, str]:
    """The longest start of *text* that takes at most *size* columns, and the rest;
    combining marks stay with the letter they sit on."""
    taken = 0
    for index, char in enumerate(text):
        taken += _char_width(char)
        if taken > size:
            return text[:index], text[index:]
    return text, ""


def shorten(text: str, size: int) -> str:
    """*text* in at most *size* columns: whole if it fits, else cut with "…", at a space
    when one lies in the second half.

    >>> shorten("Budget revenue exceeds the estimate", 20)
    'Budget revenue…'
    """
    if width(text) <= size:
        return text
    head, _ = _cut(text, max(size - 1, 0))
    space = head.rfind(" ")
    if space >= len(head) // 2:
        head = head[:space]
    return head.rstrip() + "…"


def wrap(words: Sequence[str], size: int, first: str = "", rest: str = "") -> list[str]:
    """*words* joined by spaces into lines of at most *size* columns, the first line
    after *first* and the others after *rest*; a word longer than a line is broken.

    >>> wrap("a fall of 1 to 1.5 percentage points".split(), 16, "", "  ")
    ['a fall of 1 to', '  1.5 percentage', '  points']
    """
    lines: list[str] = []
    line, empty = first, True  # empty: nothing on the line yet but its prefix
    for given in words:
        word = given
        if not word:
            continue
        if not empty and width(line) + 1 + width(word) > size:
            lines.append(line)
            line, empty = rest, True
        if not empty:
            line += " " + word
            continue
        if line != rest and width(line) + width(word) > size >= width(rest) + width(word):
            # A prefix that leaves the word no room: the word starts the next line.
            lines.append(line.rstrip())
            line = rest
        room = size - width(line)
        while width(word) > room > 0:
            # A word wider than a whole line: as much as fits, the rest on the next.
            head, word = _cut(word, room)
            lines.append(line + head)
            line = rest
            room = size - width(line)
        line += word
        empty = not word
    lines.append(line)
    return lines


def _wrapped(text: str, size: int, first: str = "", rest: str = "     ") -> list[str]:
    """*text* after the unbreakable *first*, wrapped at spaces; later lines after *rest*."""
    return wrap(text.split(" "), size, first, rest)


def _paint(text: str, status: Status, color: bool) -> str:
    return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m" if color else text


def status_text(status: Status, lang: str) -> str:
    """``"✗ not met"``: the symbol and the word."""
    return f"{SYMBOLS[status]} {status_word(status, lang)}"


def row_status(row: Row, lang: str) -> str:
    """A row's status, with the warning sign when a met figure is past its warning level."""
    found = status_text(row.status, lang)
    return f"{found} {WARNING_SIGN} {label('warning', lang)}" if row.warning else found


def _fitted(columns: Sequence[Column], natural: list[int], room: int) -> list[int]:
    """Column widths within *room*: of the columns that may shorten or wrap, those that
    give most are narrowed first, the widest of them a column at a time, none narrower
    than its header or ``_NARROWEST_CELL``."""
    sizes = list(natural)
    least = [
        max(width(column.header), min(size, _NARROWEST_CELL)) if column.fit != "keep" else size
        for column, size in zip(columns, natural, strict=True)
    ]
    while sum(sizes) > room:
        flexible = [i for i, size in enumerate(sizes) if size > least[i]]
        if not flexible:
            break  # numbers and statuses alone are wider: the line runs over
        narrowed = max(flexible, key=lambda i: (columns[i].give, sizes[i]))
        sizes[narrowed] -= 1
    return sizes


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    indent: str = "",
    color: bool = False,
    size: int | None = None,
) -> list[str]:
    """Rows under headers, each column as wide as its widest cell, within *size*
    columns when given: titles shortened, long texts wrapped in their cells or, for a
    column that goes ``below``, under their rows. Where even that is too wide, each row
    becomes a record of its own, its cells named by their headers and wrapped.

    A column empty in every row is left out: an "Expected" column with nothing
    expected says nothing.
    """
    plain = [[cell if isinstance(cell, str) else cell[0] for cell in row] for row in rows]
    shown = [i for i in range(len(columns)) if any(row[i] for row in plain)] or list(
        range(len(columns))
    )

    def natural(indices: list[int]) -> list[int]:
        return [max([width(columns[i].header)] + [width(row[i]) for row in plain]) for i in indices]

    def room(indices: list[int]) -> int:
        if size is None:
            return sum(natural(indices))
        return size - width(indent) - 2 * (len(indices) - 1)

    below = None
    sizes = _fitted([columns[i] for i in shown], natural(shown), room(shown))
    wanted = natural(shown)
    for place, i in enumerate(shown):
        # Below its row when the column would be too narrow to read, or its widest
        # cell would take more than two lines.
        narrow = sizes[place] < min(wanted[place], _NARROWEST_BELOW)
        if columns[i].fit == "below" and (narrow or 2 * sizes[place] < wanted[place]):
            below = i
    if below is not None:
        shown = [i for i in shown if i != below]
        sizes = _fitted([columns[i] for i in shown], natural(shown), room(shown))
    if size is not None and sum(sizes) > room(shown):
        return _records(columns, rows, indent=indent, color=color, size=size)
    picked = [columns[i] for i in shown]

    def lines_of(cells: list[Cell]) -> list[str]:
        pieces: list[list[str]] = []
        for cell, column, cell_size in zip(cells, picked, sizes, strict=True):
            text = cell if isinstance(cell, str) else cell[0]
            if column.fit == "shorten":
                found = [shorten(text, cell_size)]
            elif column.fit != "keep" and width(text) > cell_size:
                found = wrap(text.split(" "), cell_size)
            else:
                found = [text]
            pieces.append(found)
        lines = []
        for line in range(max(len(found) for found in pieces)):
            out = []
            for piece, cell, column, cell_size in zip(pieces, cells, picked, sizes, strict=True):
                text = piece[line] if line < len(piece) else ""
                space = " " * max(cell_size - width(text), 0)
                if not isinstance(cell, str) and text:
                    # Colour wraps the text alone, so that the escape codes never count
                    # as width and trailing padding can still be trimmed.
                    text = _paint(text, cell[1], color)
                out.append(space + text if column.right else text + space)
            lines.append((indent + "  ".join(out)).rstrip())
        return lines

    found = lines_of([column.header for column in picked])
    # A cell gone below its row starts under the row's second column.
    under = indent + " " * (sizes[0] + 2 if sizes else 0)
    for row, texts in zip(rows, plain, strict=True):
        found += lines_of([row[i] for i in shown])
        if below is not None and texts[below]:
            found += _wrapped(texts[below], size or width(texts[below]), under, under)
    return found


def _records(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    indent: str,
    color: bool,
    size: int,
) -> list[str]:
    """A table too wide for its lines, one record a row: the first cell, then each other
    cell with its header ("Gap 5 percentage points"), a status alone, all wrapped."""
    found = []
    for row in rows:
        tokens: list[Token] = []
        for index, (column, cell) in enumerate(zip(columns, row, strict=True)):
            text = cell if isinstance(cell, str) else cell[0]
            if not text:
                continue
            if tokens:
                last = tokens[-1]
                tokens[-1] = (last[0], last[1], last[2] + " ·")
            if not isinstance(cell, str):
                tokens.append((text, cell[1], ""))
            else:
                named = text if index == 0 else f"{column.header} {text}"
                tokens += [(word, None, "") for word in named.split(" ") if word]
        found += _painted(tokens, size, color, first=indent, rest=indent + "  ")
    return found


#: A piece of a line: its text, the status whose colour it is shown in (``None`` for
#: none), and what follows it uncoloured (a comma).
Token = tuple[str, Optional[Status], str]


def _painted(
    tokens: Sequence[Token],
    size: int,
    color: bool,
    first: str = "",
    rest: str = "     ",
) -> list[str]:
    """*tokens* joined by spaces into lines of at most *size* columns; colour never
    counts as width. A token is kept whole on its line, unless it is wider than a whole
    line: then it breaks at its spaces, and a word wider still is cut."""
    lines: list[str] = []
    line, used, empty = first, width(first), True
    pieces: list[Token] = []
    for text, status, after in tokens:
        if width(text) + width(after) > size - width(rest) and " " in text:
            words = text.split(" ")
            pieces += [(word, status, "") for word in words[:-1] if word]
            pieces.append((words[-1], status, after))
        else:
            pieces.append((text, status, after))
    for piece, status, after in pieces:
        text = piece
        needed = width(text) + width(after)
        if not empty and used + 1 + needed > size:
            lines.append(line)
            line, used, empty = rest, width(rest), True
        while empty and needed > size - used > 0 and width(text) > size - used:
            # Wider than a whole line: as much as fits, the rest on the next.
            head, text = _cut(text, size - used)
            lines.append(line + (head if status is None else _paint(head, status, color)))
            line, used = rest, width(rest)
            needed = width(text) + width(after)
        shown = (text if status is None else _paint(text, status, color)) + after
        line += shown if empty else " " + shown
        used += needed + (0 if empty else 1)
        empty = False
    lines.append(line)
    return lines


def _summary(report: Facts, color: bool, size: int) -> list[str]:
    lang = report.lang
    counted = [(status, count) for status, count in report.summary if count]
    head = f"{label('summary', lang)}: {targets_counted(report.total, lang)}"
    tokens: list[tuple[str, Status | None, str]] = [(word, None, "") for word in head.split(" ")]
    if counted:
        tokens[-1] = (tokens[-1][0], None, ":")
    for index, (status, count) in enumerate(counted):
        comma = "," if index < len(counted) - 1 else ""
        tokens.append((f"{count} {status_text(status, lang)}", status, comma))
    return _painted(tokens, size, color, rest="  ")


def _overview(report: Facts, color: bool, size: int) -> list[str]:
    lang = report.lang
    columns = [
        Column(label("number", lang), right=True),
        Column(label("target", lang), fit="shorten"),
        Column(label("status", lang)),
        Column(label("latest", lang), fit="wrap"),
        Column(label("progress", lang), right=True, fit="wrap"),
    ]
    rows: list[list[Cell]] = [
        [
            target.number,
            "  " * target.depth + f"{target.id} {target.text}",
            (status_text(target.status, lang), target.status),
            target.latest,
            target.progress,
        ]
        for target in report.targets
    ]
    return table(columns, rows, indent="  ", color=color, size=size)


def _part_table(part: Series, lang: str, color: bool, size: int) -> list[str]:
    if not part.rows:
        return [f"     {label('no_periods', lang)}"]
    columns = [
        Column(label("period", lang)),
        Column(label("value", lang), right=True, fit="wrap"),
        Column(label("status", lang)),
        Column(label("gap", lang), right=True, fit="wrap"),
        Column(label("progress", lang), right=True),
        Column(label("expected", lang), right=True, fit="wrap"),
        Column(label("note", lang), fit="below", give=1),
    ]
    rows: list[list[Cell]] = [
        [
            row.when,
            f"{row.value} {row.cited}" if row.cited else row.value,
            (row_status(row, lang), row.status),
            row.gap,
            row.progress,
            row.expected,
            row.note,
        ]
        for row in part.rows
    ]
    return table(columns, rows, indent="     ", color=color, size=size)


def _labelled(name: str, text: str, size: int) -> list[str]:
    """ "   Why: …", wrapped under itself."""
    return _wrapped(text, size, f"   {name}: ")


def _target(target: TargetFacts, lang: str, color: bool, size: int) -> list[str]:
    lines = _wrapped(target.text, size, f"{target.number}. {target.id} — ", "   ")
    for name, text in target.details:
        lines += _labelled(name, text, size)
    lines += _labelled(label("requirement", lang), target.requirement, size)
    lines.append(
        f"   {label('status', lang)}: "
        + _paint(status_text(target.status, lang), target.status, color)
    )
    lines += _labelled(label("why", lang), target.explanation, size)
    if target.notes:
        lines += _labelled(label("notes", lang), target.notes, size)
    for part in target.series:
        if part.label:
            tokens: list[Token] = [(word, None, "") for word in part.label.split(" ") if word]
            if part.status is not None:
                tokens += [("—", None, ""), (status_text(part.status, lang), part.status, "")]
            lines += _painted(tokens, size, color, first="   · ", rest="     ")
        lines += _part_table(part, lang, color, size)
    return lines


def _footer(report: Facts, size: int, *, sources: bool) -> list[str]:
    """The source notes the rows cite (with *sources*), then what the report was made
    from and with."""
    lines: list[str] = []
    if sources and report.sources:
        lines += [f"{label('sources', report.lang)}:"]
        for number, text in enumerate(report.sources, start=1):
            lines += _wrapped(text, size, f"  [{number}] ", "      ")
        lines.append("")
    for name, text in report.about:
        lines += _wrapped(text, size, f"{name}: ", "  ")
    return lines


def _no_data(report: Facts, color: bool, size: int) -> list[str]:
    lang = report.lang
    heading = _paint(status_text(Status.NO_DATA, lang), Status.NO_DATA, color)
    found = []
    for target in report.targets:
        for part, row in target.no_data():
            head = f"  {target.id} {row.when}"
            if part:
                said = f"({part})" + (f": {row.note}" if row.note else "")
                found += _wrapped(said, size, head + " ", "    ")
            elif row.note:
                found += _wrapped(row.note, size, head + ": ", "    ")
            else:
                found.append(head)
    if not found:
        # "? no data: all figures due are in", wrapped as any line is.
        tokens: list[Token] = [(status_text(Status.NO_DATA, lang), Status.NO_DATA, ":")]
        tokens += [(word, None, "") for word in label("no_data_none", lang).split(" ")]
        return _painted(tokens, size, color, rest="  ")
    return [f"{heading}:", *found]


def _printable(node: Any) -> Any:
    """*node* with every piece of text in it made printable, through tuples and the
    report's attrs classes: one pass over the facts, so that no field is forgotten."""
    if isinstance(node, enum.Enum):
        return node
    if isinstance(node, str):
        return printable(node)
    if isinstance(node, tuple):
        return tuple(_printable(item) for item in node)
    if attrs.has(type(node)):
        fields = attrs.fields(type(node))
        return attrs.evolve(node, **{f.name: _printable(getattr(node, f.name)) for f in fields})
    return node


def render_text(
    plan: Plan,
    evaluation: Evaluation,
    *,
    lang: str = "en",
    color: bool = False,
    brief: bool = False,
    width: int = TEXT_WIDTH,
    inputs: Sequence[str] = (),
    made: dt.datetime | None = None,
) -> str:
    """The evaluation as text for a terminal: a header, a summary line, an overview of
    every target with its title, then each target's explanation and judgements by
    period, and every missing figure listed plainly.

    Lines are wrapped to *width* columns (``TEXT_WIDTH``, 80, unless given: the command
    gives a terminal's own width); *brief* stops after the overview. ANSI colour only
    with ``color=True``. Figures cite their sources by number ("6.5% [1]"), listed at
    the end with what the report was made from: the plan's source, *inputs* (the
    files read), the planmodel version and *made* (when, if given).
    """
    size = max(width, _NARROWEST_LINE)
    report: Facts = _printable(facts(plan, evaluation, lang, inputs=inputs, made=made))
    where = [report.jurisdiction] if report.jurisdiction is not None else []
    parts = [
        f"{label('plan', lang)} {report.plan_id}",
        *where,
        f"{label('evaluated', lang)} {report.as_of}",
    ]
    # The header breaks between its parts, never inside one ("evaluated as of" and
    # its date stay together).
    meta = [
        (part, None, " ·" if index < len(parts) - 1 else "") for index, part in enumerate(parts)
    ]
    lines = [
        *_wrapped(report.title, size, "", ""),
        *_painted(meta, size, color=False, rest=""),
        "",
        *_summary(report, color, size),
        "",
        *_overview(report, color, size),
    ]
    if not brief:
        for target in report.targets:
            lines += ["", *_target(target, lang, color, size)]
        lines += ["", *_no_data(report, color, size)]
    lines += ["", *_footer(report, size, sources=not brief)]
    return "\n".join(lines) + "\n"
