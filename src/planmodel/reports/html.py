"""The evaluation as one self-contained HTML file: inline CSS and SVG, no scripts
and no external assets, so that it can be mailed, archived and printed as is.

Each target gets a progress bar (drawn within 0..100%, with the exact figure in
words beside it) and a small chart of its figures by period with the bounds of the
condition as lines. Every piece of text is escaped.
"""

from __future__ import annotations

import html
from decimal import Decimal

from .._numbers import HUNDRED, ONE, ZERO, add, div, mul, sub
from ..evaluation import Evaluation
from ..plan import Plan
from ..status import Status
from ..words import status_word
from ._facts import Facts, Row, Series, TargetFacts, facts
from ._words import SYMBOLS, WARNING_SIGN, label

__all__ = ["render_html"]

# Colours by status, used both by the CSS classes and directly in the SVG charts
# (an SVG fill attribute does not depend on the stylesheet).
_COLOURS = {
    Status.NOT_MET: "#b3261e",
    Status.OFF_TRACK: "#c26a00",
    Status.NEARLY_MET: "#8a6d00",
    Status.NO_DATA: "#7b4fa0",
    Status.PENDING: "#6b6b6b",
    Status.ON_TRACK: "#00778b",
    Status.MET: "#2e7d32",
    Status.EXCEEDED: "#1b5e20",
}

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1c1c1c; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; font-weight: 600; }
.meta { color: #555; margin: 0; }
table { border-collapse: collapse; margin: .4rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .2rem .6rem; text-align: left;
  vertical-align: top; }
th { background: #f5f5f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; color: #fff;
  font-size: .85rem; font-weight: 600; white-space: nowrap; }
section.target { border: 1px solid #ddd; border-left: .4rem solid #999; border-radius: .3rem;
  padding: .8rem 1rem; margin: 1rem 0; }
section.target p { margin: .2rem 0; }
.label { color: #555; }
.progress { display: flex; align-items: center; gap: .6rem; margin: .3rem 0; }
.bar { width: 14rem; height: .8rem; background: #e8e8e8; border-radius: .4rem;
  overflow: hidden; flex: none; }
.bar span { display: block; height: 100%; }
svg.chart { display: block; margin: .3rem 0; max-width: 100%; height: auto; }
svg.chart text { font: 10px system-ui, sans-serif; fill: #333; }
ul.missing li { margin: .15rem 0; }
section.target.depth-1 { margin-left: 1.5rem; }
section.target.depth-2, section.target.depth-3 { margin-left: 3rem; }
tr.depth-1 td:nth-child(2) { padding-left: 1.5rem; }
.warning { color: #8a4b00; font-weight: 600; white-space: nowrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section.target { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .badge, .bar, .bar span, th, section.target {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _css() -> str:
    by_status = "\n".join(
        f".s-{status.value} {{ background: {colour}; }}\n"
        f"section.target.s-{status.value} {{ background: none; border-left-color: {colour}; }}"
        for status, colour in _COLOURS.items()
    )
    return _CSS + by_status + "\n"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _badge(status: Status, lang: str) -> str:
    word = f"{SYMBOLS[status]} {status_word(status, lang)}"
    return f'<span class="badge s-{status.value}">{_e(word)}</span>'


def _cell(text: str, numeric: bool = False) -> str:
    return f'<td class="num">{_e(text)}</td>' if numeric else f"<td>{_e(text)}</td>"


def _head(cells: list[tuple[str, bool]]) -> str:
    return (
        "<tr>"
        + "".join(f'<th class="num">{_e(c)}</th>' if n else f"<th>{_e(c)}</th>" for c, n in cells)
        + "</tr>"
    )


# -- progress bars and charts -----------------------------------------------------------


def _coordinate(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1')):f}"


def _progress(part: Series, lang: str) -> str:
    """A bar from baseline (0%) to target (100%), and the exact figure in words.

    An empty bar says "—" where progress has no meaning (a rating) or no figure yet.
    """
    found = part.progress
    if found is None:
        words, fill = f"{label('progress', lang)} —", ""
    else:
        row, progress = found
        shown = min(max(progress, ZERO), ONE)  # the bar stays within its box; the words do not
        words = f"{label('progress', lang)} {row.progress} ({row.when})"
        fill = (
            f'<span class="s-{row.status.value}" '
            f'style="width: {_coordinate(mul(shown, HUNDRED))}%"></span>'
        )
    return (
        f'<div class="progress"><div class="bar" role="img" aria-label="{_e(words)}">'
        f"{fill}</div><span>{_e(words)}</span></div>"
    )


_WIDTH, _HEIGHT = Decimal(420), Decimal(150)
# Room at the sides for the labels of the first and last periods, at the top for a
# value's label, at the bottom for the periods.
_LEFT, _RIGHT, _TOP, _BOTTOM = Decimal(30), Decimal(30), Decimal(18), Decimal(24)


def _scale(value: Decimal, low: Decimal, high: Decimal, start: Decimal, size: Decimal) -> Decimal:
    """Map *value* from ``low..high`` onto ``start..start+size``; the middle when flat."""
    if high == low:
        return add(start, div(size, Decimal(2)))
    return add(start, div(mul(sub(value, low), size), sub(high, low)))


def _anchor(x: str) -> str:
    """Which end of a label sits at *x*: labels near the sides grow inwards, so that a
    long one (a rating's name) is not cut off by the edge of the chart."""
    position = Decimal(x)
    if position < _WIDTH / 4:
        return "start"
    if position > _WIDTH * 3 / 4:
        return "end"
    return "middle"


def _chart(part: Series, lang: str, title: str) -> str:
    rows = [row for row in part.rows if row.day is not None]
    plotted = [row for row in rows if row.number is not None]
    head = (
        f'<svg class="chart" role="img" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'width="{_WIDTH}" height="{_HEIGHT}"><title>{_e(title)}</title>'
        f'<rect x="0.5" y="0.5" width="{_WIDTH - 1}" height="{_HEIGHT - 1}" '
        'fill="#fcfcfc" stroke="#ddd"/>'
    )
    if not plotted:
        words = status_word(Status.NO_DATA, lang) if rows else label("no_periods", lang)
        return (
            head
            + f'<text x="{_WIDTH / 2}" y="{_HEIGHT / 2}" text-anchor="middle">{_e(words)}</text>'
            + "</svg>"
        )
    numbers = [row.number for row in plotted if row.number is not None]
    numbers += [row.expected_number for row in rows if row.expected_number is not None]
    numbers += [bound.value for bound in part.bounds]
    if part.levels:
        numbers += [ZERO, Decimal(len(part.levels) - 1)]
    low, high = min(numbers), max(numbers)
    pad = div(sub(high, low), Decimal(10)) if high != low else div(max(abs(high), ONE), Decimal(10))
    low, high = sub(low, pad), add(high, pad)
    days = [Decimal(row.day.toordinal()) for row in rows if row.day is not None]
    first, last = min(days), max(days)
    width = _WIDTH - _LEFT - _RIGHT
    inner = _HEIGHT - _TOP - _BOTTOM

    def x_of(row: Row) -> str:
        assert row.day is not None
        return _coordinate(_scale(Decimal(row.day.toordinal()), first, last, _LEFT, width))

    def y_of(value: Decimal) -> str:
        # SVG's y grows downwards: the highest value sits at the top.
        return _coordinate(sub(add(_TOP, inner), _scale(value, low, high, ZERO, inner)))

    pieces = [head]
    for bound in part.bounds:
        y = y_of(bound.value)
        pieces.append(
            f'<line x1="4" x2="{_WIDTH - 4}" y1="{y}" y2="{y}" '
            'stroke="#888" stroke-dasharray="4 3"/>'
            f'<text x="{_WIDTH - 6}" y="{y}" dy="-3" text-anchor="end">'
            f"{_e(label('bound', lang))} {_e(bound.text)}</text>"
        )
    expected = [row for row in rows if row.expected_number is not None]
    if expected:
        pieces.append(
            '<polyline fill="none" stroke="#aaa" stroke-dasharray="2 2" points="'
            + " ".join(
                f"{x_of(r)},{y_of(r.expected_number)}"
                for r in expected
                if r.expected_number is not None
            )
            + '"/>'
        )
    if len(plotted) > 1:
        pieces.append(
            '<polyline fill="none" stroke="#444" stroke-width="1.5" points="'
            + " ".join(f"{x_of(r)},{y_of(r.number)}" for r in plotted if r.number is not None)
            + '"/>'
        )
    step = max(len(rows) // 8, 1)
    for index, row in enumerate(rows):
        if index % step == 0 or index == len(rows) - 1:
            pieces.append(
                f'<text x="{x_of(row)}" y="{_HEIGHT - 8}" text-anchor="middle">'
                f"{_e(row.when)}</text>"
            )
    for row in plotted:
        assert row.number is not None
        x, y = x_of(row), y_of(row.number)
        pieces.append(
            f'<circle cx="{x}" cy="{y}" r="3.5" fill="{_COLOURS[row.status]}">'
            f"<title>{_e(row.when)}: {_e(row.value)} — {_e(status_word(row.status, lang))}</title>"
            "</circle>"
            f'<text x="{x}" y="{y}" dy="-6" text-anchor="{_anchor(x)}">{_e(row.value)}</text>'
        )
    pieces.append("</svg>")
    return "".join(pieces)


# -- sections ---------------------------------------------------------------------------


def _summary(report: Facts) -> str:
    lang = report.lang
    rows = "".join(
        f"<tr><td>{_badge(status, lang)}</td>{_cell(str(count), True)}</tr>"
        for status, count in report.summary
    )
    return (
        f"<section><h2>{_e(label('summary', lang))}</h2>"
        f"<p>{_e(report.summary_line())}</p>"
        f"<table>{_head([(label('status', lang), False), (label('count', lang), True)])}"
        f"{rows}</table></section>"
    )


def _overview(report: Facts) -> str:
    lang = report.lang
    head = _head(
        [
            (label("number", lang), True),
            (label("target", lang), False),
            (label("status", lang), False),
            (label("latest", lang), False),
            (label("progress", lang), True),
        ]
    )
    rows = []
    for target in report.targets:
        latest, progress = target.latest, target.progress
        rows.append(
            f'<tr class="depth-{target.depth}">{_cell(target.number, True)}'
            f'<td><a href="#target-{_e(target.id)}">{_e(target.id)}</a> {_e(target.text)}</td>'
            f"<td>{_badge(target.status, lang)}</td>{_cell(latest or '—')}"
            f"{_cell(progress, True)}</tr>"
        )
    return (
        f"<section><h2>{_e(label('targets', lang))}</h2><table>{head}{''.join(rows)}</table>"
        "</section>"
    )


def _warning(row: Row, lang: str) -> str:
    if not row.warning:
        return ""
    return f' <span class="warning">{_e(WARNING_SIGN + " " + label("warning", lang))}</span>'


def _part_table(part: Series, lang: str) -> str:
    if not part.rows:
        return f"<p>{_e(label('no_periods', lang))}</p>"
    head = _head(
        [
            (label("period", lang), False),
            (label("value", lang), True),
            (label("status", lang), False),
            (label("gap", lang), True),
            (label("progress", lang), True),
            (label("expected", lang), True),
            (label("note", lang), False),
        ]
    )
    rows = "".join(
        f"<tr>{_cell(row.when)}{_cell(row.value, True)}<td>{_badge(row.status, lang)}"
        f"{_warning(row, lang)}</td>"
        f"{_cell(row.gap, True)}{_cell(row.progress, True)}{_cell(row.expected, True)}"
        f"{_cell(row.note)}</tr>"
        for row in part.rows
    )
    return f"<table>{head}{rows}</table>"


def _target(target: TargetFacts, lang: str) -> str:
    pieces = [
        f'<section class="target s-{target.status.value} depth-{target.depth}" '
        f'id="target-{_e(target.id)}">',
        f"<h3>{target.number}. {_e(target.id)} — {_e(target.text)} "
        f"{_badge(target.status, lang)}</h3>",
        f'<p><span class="label">{_e(label("requirement", lang))}:</span> '
        f"{_e(target.requirement)}</p>",
        f'<p><span class="label">{_e(label("why", lang))}:</span> {_e(target.explanation)}</p>',
    ]
    pieces += [
        f'<p><span class="label">{_e(name)}:</span> {_e(text)}</p>' for name, text in target.details
    ]
    if target.notes:
        pieces.append(
            f'<p><span class="label">{_e(label("notes", lang))}:</span> {_e(target.notes)}</p>'
        )
    for part in target.series:
        pieces.append('<div class="part">')
        if part.label:
            badge = f" {_badge(part.status, lang)}" if part.status is not None else ""
            pieces.append(f"<h4>{_e(part.label)}{badge}</h4>")
        title = f"{target.id}{' — ' + part.label if part.label else ''}: {label('chart', lang)}"
        pieces += [_progress(part, lang), _chart(part, lang, title), _part_table(part, lang)]
        pieces.append("</div>")
    pieces.append("</section>")
    return "".join(pieces)


def _no_data(report: Facts) -> str:
    lang = report.lang
    items = [
        f"<li>{_e(target.id)} {_e(row.when)}"
        + (f" ({_e(part)})" if part else "")
        + (f": {_e(row.note)}" if row.note else "")
        + "</li>"
        for target in report.targets
        for part, row in target.no_data()
    ]
    body = (
        f'<ul class="missing">{"".join(items)}</ul>'
        if items
        else f"<p>{_e(label('no_data_none', lang))}</p>"
    )
    return f"<section><h2>{_badge(Status.NO_DATA, lang)}</h2>{body}</section>"


def render_html(plan: Plan, evaluation: Evaluation, *, lang: str = "en") -> str:
    """The evaluation as one HTML document with inline CSS and SVG: no scripts and
    nothing fetched from elsewhere, readable in a browser and on paper."""
    report = facts(plan, evaluation, lang)
    title = f"{report.title} — {label('evaluated', lang)} {report.as_of}"
    where = [report.jurisdiction] if report.jurisdiction is not None else []
    meta = " · ".join(
        [
            f"{label('plan', lang)} {report.plan_id}",
            *where,
            f"{label('evaluated', lang)} {report.as_of}",
        ]
    )
    body = [
        f'<header><h1>{_e(report.title)}</h1><p class="meta">{_e(meta)}</p></header>',
        _summary(report),
        _overview(report),
        f"<h2>{_e(label('judgements', lang))}</h2>",
        *(_target(target, lang) for target in report.targets),
        _no_data(report),
    ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
