"""The evaluation as plain text for a terminal: aligned columns, status words with
symbols, and colour only when asked for.

Columns are aligned by display width, so that Vietnamese text (combining marks)
and wide characters do not push the columns out of line. Text from the plan and the
figures is shown with its control characters escaped (``\x1b``): a terminal would
act on them, and a plan file must not be able to recolour, move or retitle it.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Sequence
from typing import Any, Union

import attrs

from .._untrusted import printable
from ..evaluation import Evaluation
from ..plan import Plan
from ..status import Status
from ..words import status_word
from ._facts import Facts, Row, Series, TargetFacts, facts
from ._words import SYMBOLS, WARNING_SIGN, label, targets_counted

__all__ = ["render_text"]

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


def width(text: str) -> int:
    """How many terminal columns *text* takes: combining marks take none, wide
    characters two."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _pad(text: str, size: int, right: bool) -> str:
    space = " " * max(size - width(text), 0)
    return space + text if right else text + space


def _paint(text: str, status: Status, color: bool) -> str:
    return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m" if color else text


def status_text(status: Status, lang: str) -> str:
    """``"✗ not met"``: the symbol and the word."""
    return f"{SYMBOLS[status]} {status_word(status, lang)}"


def row_status(row: Row, lang: str) -> str:
    """A row's status, with the warning sign when a met figure is past its warning level."""
    found = status_text(row.status, lang)
    return f"{found} {WARNING_SIGN} {label('warning', lang)}" if row.warning else found


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    right: Sequence[int] = (),
    indent: str = "",
    color: bool = False,
) -> list[str]:
    """Rows under headers, each column as wide as its widest cell; columns listed in
    *right* are aligned right (numbers)."""
    plain = [[cell if isinstance(cell, str) else cell[0] for cell in row] for row in rows]
    sizes = [
        max([width(header)] + [width(row[i]) for row in plain]) for i, header in enumerate(headers)
    ]
    lines = [
        indent + "  ".join(_pad(h, sizes[i], i in right) for i, h in enumerate(headers)).rstrip()
    ]
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text = cell if isinstance(cell, str) else cell[0]
            space = " " * max(sizes[i] - width(text), 0)
            if not isinstance(cell, str):
                # Colour wraps the text alone, so that the escape codes never count as
                # width and trailing padding can still be trimmed.
                text = _paint(text, cell[1], color)
            cells.append(space + text if i in right else text + space)
        lines.append(indent + "  ".join(cells).rstrip())
    return lines


def _summary(report: Facts, color: bool) -> list[str]:
    lang = report.lang
    parts = [
        _paint(f"{count} {status_text(status, lang)}", status, color)
        for status, count in report.summary
        if count
    ]
    head = f"{label('summary', lang)}: {targets_counted(report.total, lang)}"
    return [head + (": " + ", ".join(parts) if parts else "")]


def _overview(report: Facts, color: bool) -> list[str]:
    lang = report.lang
    headers = [
        label("number", lang),
        label("target", lang),
        label("status", lang),
        label("latest", lang),
        label("progress", lang),
    ]
    rows: list[list[Cell]] = [
        [
            target.number,
            "  " * target.depth + target.id,
            (status_text(target.status, lang), target.status),
            target.latest,
            target.progress,
        ]
        for target in report.targets
    ]
    return table(headers, rows, right=(0, 4), indent="  ", color=color)


def _part_table(part: Series, lang: str, color: bool) -> list[str]:
    if not part.rows:
        return [f"     {label('no_periods', lang)}"]
    headers = [
        label("period", lang),
        label("value", lang),
        label("status", lang),
        label("gap", lang),
        label("progress", lang),
        label("expected", lang),
        label("note", lang),
    ]
    rows: list[list[Cell]] = [
        [
            row.when,
            row.value,
            (row_status(row, lang), row.status),
            row.gap,
            row.progress,
            row.expected,
            row.note,
        ]
        for row in part.rows
    ]
    return table(headers, rows, right=(1, 3, 4, 5), indent="     ", color=color)


def _target(target: TargetFacts, lang: str, color: bool) -> list[str]:
    head = f"{target.number}. {target.id} — {target.text}"
    lines = [
        head,
        *(f"   {name}: {text}" for name, text in target.details),
        f"   {label('requirement', lang)}: {target.requirement}",
        f"   {label('status', lang)}: "
        + _paint(status_text(target.status, lang), target.status, color),
        f"   {label('why', lang)}: {target.explanation}",
    ]
    if target.notes:
        lines.append(f"   {label('notes', lang)}: {target.notes}")
    for part in target.series:
        if part.label:
            status = (
                " — " + _paint(status_text(part.status, lang), part.status, color)
                if part.status is not None
                else ""
            )
            lines.append(f"   · {part.label}{status}")
        lines += _part_table(part, lang, color)
    return lines


def _no_data(report: Facts, color: bool) -> list[str]:
    lang = report.lang
    heading = _paint(status_text(Status.NO_DATA, lang), Status.NO_DATA, color)
    found = [
        f"  {target.id} {row.when}"
        + (f" ({part})" if part else "")
        + (f": {row.note}" if row.note else "")
        for target in report.targets
        for part, row in target.no_data()
    ]
    if not found:
        return [f"{heading}: {label('no_data_none', lang)}"]
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
    plan: Plan, evaluation: Evaluation, *, lang: str = "en", color: bool = False
) -> str:
    """The evaluation as text for a terminal: a summary line, an aligned overview of
    every target, each target's explanation and judgements by period, and every
    missing figure listed plainly. ANSI colour only with ``color=True``.
    """
    report: Facts = _printable(facts(plan, evaluation, lang))
    where = [report.jurisdiction] if report.jurisdiction is not None else []
    lines = [
        report.title,
        " · ".join(
            [
                f"{label('plan', lang)} {report.plan_id}",
                *where,
                f"{label('evaluated', lang)} {report.as_of}",
            ]
        ),
        "",
        *_summary(report, color),
        "",
        *_overview(report, color),
    ]
    for target in report.targets:
        lines += ["", *_target(target, lang, color)]
    lines += ["", *_no_data(report, color)]
    return "\n".join(lines) + "\n"
