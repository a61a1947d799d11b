"""The evaluation as Markdown: a table for the summary, one for the targets, and
one per target for its judgements by period.

Text is escaped so that it reads as written: a ``|`` in a plan's text cannot break
a table, ``<`` cannot open raw HTML in a renderer that allows it, ``~`` and ``$``
cannot start strikethrough or maths, ``#`` cannot close a heading, and control
characters are shown as escapes (``\x1b``) rather than sent to whatever displays
the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .._untrusted import printable
from ..evaluation import Evaluation
from ..plan import Plan
from ..status import Status
from ..words import status_word
from ._facts import Facts, Series, TargetFacts, facts
from ._words import SYMBOLS, WARNING_SIGN, label

__all__ = ["render_markdown"]

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "$": "\\$",
        "\n": " ",
        "\r": " ",
        "\t": " ",
    }
)


def escape(text: str) -> str:
    """*text* as literal Markdown, safe inside a table cell.

    >>> escape("a|b <c> *d*")
    'a\\\\|b &lt;c&gt; \\\\*d\\\\*'
    >>> escape("~1~ $2$")
    '\\\\~1\\\\~ \\\\$2\\\\$'
    """
    return printable(text.translate(_ESCAPES))


def _heading(text: str) -> str:
    """*text* as literal Markdown in a heading, where a final ``#`` would be taken for
    the heading's closing sequence and dropped."""
    return escape(text).replace("#", "\\#")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int]) -> str:
    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = [
        "| " + " | ".join(escape(h) for h in headers) + " |",
        "| " + " | ".join(rule) + " |",
    ]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _summary(report: Facts) -> str:
    lang = report.lang
    rows = [
        [f"{SYMBOLS[status]} {status_word(status, lang)}", str(count)]
        for status, count in report.summary
    ]
    rows.append([label("target_count", lang), str(report.total)])
    return _table([label("status", lang), label("count", lang)], rows, right=(1,))


def _overview(report: Facts) -> str:
    lang = report.lang
    rows = []
    for target in report.targets:
        latest, progress = target.latest, target.progress
        rows.append(
            [
                target.number,
                " " * target.depth + target.id,
                target.text,
                f"{SYMBOLS[target.status]} {status_word(target.status, lang)}",
                latest or "—",
                progress,
                target.explanation,
            ]
        )
    headers = [
        label("number", lang),
        "id",
        label("target", lang),
        label("status", lang),
        label("latest", lang),
        label("progress", lang),
        label("why", lang),
    ]
    return _table(headers, rows, right=(0, 5))


def _part(part: Series, lang: str) -> str:
    headers = [
        label("period", lang),
        label("value", lang),
        label("status", lang),
        label("gap", lang),
        label("progress", lang),
        label("expected", lang),
        label("note", lang),
    ]
    rows = [
        [
            row.when,
            f"{row.value} {row.cited}" if row.cited else row.value,
            f"{SYMBOLS[row.status]} {status_word(row.status, lang)}"
            + (f" {WARNING_SIGN} {label('warning', lang)}" if row.warning else ""),
            row.gap,
            row.progress,
            row.expected,
            row.note,
        ]
        for row in part.rows
    ]
    if not rows:
        return f"_{escape(label('no_periods', lang))}_"
    return _table(headers, rows, right=(1, 3, 4, 5))


def _target(target: TargetFacts, lang: str) -> list[str]:
    heading = "###" + "#" * min(target.depth, 3)
    lines = [
        f"{heading} {target.number}. {escape(target.id)} — {_heading(target.text)}",
        "",
        *(f"- **{escape(name)}:** {escape(text)}" for name, text in target.details),
        f"- **{escape(label('requirement', lang))}:** {escape(target.requirement)}",
        f"- **{escape(label('status', lang))}:** {SYMBOLS[target.status]} "
        f"{escape(status_word(target.status, lang))}",
        f"- **{escape(label('why', lang))}:** {escape(target.explanation)}",
    ]
    if target.notes:
        lines.append(f"- **{escape(label('notes', lang))}:** {escape(target.notes)}")
    for part in target.series:
        lines.append("")
        if part.label:
            status = (
                f" — {SYMBOLS[part.status]} {escape(status_word(part.status, lang))}"
                if part.status is not None
                else ""
            )
            lines += [f"**{escape(part.label)}**{status}", ""]
        lines.append(_part(part, lang))
    return lines


def _no_data(report: Facts) -> list[str]:
    lang = report.lang
    found = [
        f"- {escape(target.id)} {row.when}"
        + (f" ({escape(part)})" if part else "")
        + (f": {escape(row.note)}" if row.note else "")
        for target in report.targets
        for part, row in target.no_data()
    ]
    heading = f"## {SYMBOLS[Status.NO_DATA]} {escape(status_word(Status.NO_DATA, lang))}"
    return [heading, "", *(found or [escape(label("no_data_none", lang))])]


def _footer(report: Facts) -> list[str]:
    """The source notes the rows cite, numbered as cited, then what the report was made
    from and with."""
    lines: list[str] = []
    if report.sources:
        lines += [f"## {escape(label('sources', report.lang))}", ""]
        lines += [f"{n}. {escape(text)}" for n, text in enumerate(report.sources, start=1)]
        lines.append("")
    lines += [f"- {escape(name)}: {escape(text)}" for name, text in report.about]
    return lines


def render_markdown(
    plan: Plan,
    evaluation: Evaluation,
    *,
    lang: str = "en",
    inputs: Sequence[str] = (),
    made: dt.datetime | None = None,
) -> str:
    """The evaluation as a Markdown document: a summary table, a table of targets,
    each target's judgements by period, every missing figure listed, the sources of
    the figures (cited by number, "6.5% [1]") and what the report was made from:
    the plan's source, *inputs*, the planmodel version and *made* (when, if given)."""
    report = facts(plan, evaluation, lang, inputs=inputs, made=made)
    where = [escape(report.jurisdiction)] if report.jurisdiction is not None else []
    lines = [
        f"# {_heading(report.title)}",
        "",
        " · ".join(
            [
                f"{escape(label('plan', lang))} `{report.plan_id}`",
                *where,
                f"{escape(label('evaluated', lang))} {report.as_of}",
            ]
        ),
        "",
        f"## {escape(label('summary', lang))}",
        "",
        _summary(report),
        "",
        f"## {escape(label('targets', lang))}",
        "",
        _overview(report),
        "",
        f"## {escape(label('judgements', lang))}",
    ]
    for target in report.targets:
        lines += ["", *_target(target, lang)]
    lines += ["", *_no_data(report), "", *_footer(report)]
    return "\n".join(lines) + "\n"
