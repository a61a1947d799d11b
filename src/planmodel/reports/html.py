"""The evaluation as one self-contained HTML file: inline CSS and SVG, no scripts
and no external assets, so that it can be mailed, archived and printed as is.

Each target gets a progress bar (drawn within 0..100%, with the exact figure in
words beside it) and a small chart of its figures by period with the bounds of the
condition as lines; a target without figures says so instead of drawing an empty
chart. Every piece of text is escaped.

The page reads on a phone as on a desk: tables of several columns become one card a
row on a narrow screen, each cell named by its column's header; charts are drawn
small enough that their labels stay readable (13 px at their size, no smaller than
11 px on a 390 px screen); and a print stylesheet lays the tables out whole, with
their headers repeated on each page.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence
from decimal import Decimal

from .._colours import STATUS_COLOURS
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
_COLOURS = STATUS_COLOURS

# Below this width a table of several columns is laid out as one card a row.
_NARROW = "40rem"
# The chart's own size, in the units its labels are measured in: drawn at this width
# (or narrower, never wider), its 13-unit labels are 13 px, and still 11.5 px in the
# 320 px a sub-target's chart has on a 390 px phone.
_WIDTH, _HEIGHT = Decimal(360), Decimal(170)
_FONT = 13

_CSS = f"""
:root {{ color-scheme: light; }}
body {{ font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1c1c1c; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem;
  overflow-wrap: break-word; }}
h1 {{ font-size: 1.6rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ddd; }}
h3 {{ font-size: 1.05rem; margin: 0 0 .4rem; }}
h4 {{ font-size: .95rem; margin: .8rem 0 .3rem; font-weight: 600; }}
.meta {{ color: #555; margin: 0; }}
table {{ border-collapse: collapse; margin: .4rem 0; font-size: .9rem; }}
caption {{ caption-side: top; text-align: left; color: #555; font-size: .85rem;
  padding: .2rem 0; }}
th, td {{ border-bottom: 1px solid #e3e3e3; padding: .2rem .6rem; text-align: left;
  vertical-align: top; }}
thead th {{ background: #f5f5f5; }}
tbody th {{ font-weight: normal; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }}
.badge {{ display: inline-block; padding: 0 .45rem; border-radius: .6rem; color: #fff;
  font-size: .85rem; font-weight: 600; white-space: nowrap; }}
section.target {{ border: 1px solid #ddd; border-left: .4rem solid #999; border-radius: .3rem;
  padding: .8rem 1rem; margin: 1rem 0; }}
section.target p {{ margin: .2rem 0; }}
.label {{ color: #555; }}
.progress {{ display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem;
  margin: .3rem 0; }}
.bar {{ width: 14rem; max-width: 100%; height: .8rem; background: #e8e8e8;
  border-radius: .4rem; overflow: hidden; }}
.bar span {{ display: block; height: 100%; }}
.no-figures {{ color: #555; font-style: italic; }}
svg.chart {{ display: block; margin: .3rem 0; width: 100%; max-width: 360px; height: auto; }}
svg.chart text {{ font: {_FONT}px system-ui, sans-serif; fill: #333; }}
.legend {{ color: #555; font-size: .85rem; }}
.legend .key {{ display: inline-block; width: 1.6rem; margin: 0 .3rem .25rem 0;
  border-top: 2px dashed #888; }}
.legend .key.line {{ margin-left: .8rem; border-top: 2px dotted #aaa; }}
ul.missing li {{ margin: .15rem 0; }}
section.target.depth-1 {{ margin-left: 1.5rem; }}
section.target.depth-2, section.target.depth-3 {{ margin-left: 3rem; }}
tr.depth-1 > th {{ padding-left: 1.5rem; }}
.warning {{ color: #8a4b00; font-weight: 600; white-space: nowrap; }}
sup.cite {{ font-size: .75em; margin-left: .15em; }}
ol.sources li, footer.about p {{ margin: .15rem 0; color: #333; }}
ol.sources li:target {{ background: #fff6d5; }}
footer.about {{ margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #ddd;
  color: #555; font-size: .85rem; }}
@media screen and (max-width: {_NARROW}) {{
  body {{ padding: .75rem; }}
  section.target {{ padding: .6rem .7rem; }}
  section.target.depth-1, section.target.depth-2, section.target.depth-3 {{
    margin-left: .75rem; }}
  table.cards, table.cards tbody, table.cards tr, table.cards th, table.cards td {{
    display: block; }}
  table.cards {{ width: 100%; }}
  table.cards caption {{ display: block; }}
  table.cards td.number {{ float: left; margin-right: .5rem; font-weight: 600; }}
  table.cards td.number[data-label]::before {{ content: none; }}
  table.cards thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }}
  table.cards tr {{ border: 1px solid #e3e3e3; border-radius: .3rem; margin: .4rem 0;
    padding: .3rem .5rem; }}
  table.cards th, table.cards td {{ border: none; padding: .1rem 0; text-align: left;
    white-space: normal; overflow-wrap: anywhere; }}
  table.cards tbody th {{ font-weight: 600; }}
  table.cards td[data-label]::before {{ content: attr(data-label) ": "; color: #555; }}
  table.cards td:empty {{ display: none; }}
  tr.depth-1 > th {{ padding-left: 0; }}
}}
@page {{ margin: 1.5cm; }}
@media print {{
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  a {{ color: inherit; text-decoration: none; }}
  thead {{ display: table-header-group; }}
  tr, .progress, svg.chart, section.target > h3 {{ break-inside: avoid; page-break-inside: avoid; }}
  h2, h3, h4, caption {{ break-after: avoid; page-break-after: avoid; }}
  .badge, .bar, .bar span, thead th, section.target {{
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
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


def _cell(
    text: str, name: str, *, numeric: bool = False, markup: str | None = None, kind: str = ""
) -> str:
    """A data cell named by its column's header (shown before it on a narrow screen)."""
    classes = " ".join(filter(None, ["num" if numeric else "", kind]))
    kind = f' class="{classes}"' if classes else ""
    inner = markup if markup is not None else _e(text)
    return f'<td{kind} data-label="{_e(name)}">{inner}</td>'


def _head(cells: list[tuple[str, bool]]) -> str:
    return (
        "<thead><tr>"
        + "".join(
            f'<th scope="col" class="num">{_e(c)}</th>' if n else f'<th scope="col">{_e(c)}</th>'
            for c, n in cells
        )
        + "</tr></thead>"
    )


# -- progress bars and charts -----------------------------------------------------------


def _coordinate(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1')):f}"


def _progress(part: Series, lang: str) -> str:
    """A bar from baseline (0%) to target (100%), and the exact figure in words.

    An empty bar says "—" where progress has no meaning (a rating).
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


# Room at the sides for the labels of the first and last periods, at the top for a
# value's label, at the bottom for the periods.
_LEFT, _RIGHT, _TOP, _BOTTOM = Decimal(34), Decimal(34), Decimal(22), Decimal(26)


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


def _every(labels: list[str], room: Decimal) -> int:
    """Label every n-th of *labels*, spread over *room* units, so that no two overlap:
    a label takes about 0.6 of the font's size a character, and a gap of one
    character."""
    if len(labels) < 2:
        return 1
    widest = max(len(text) for text in labels) + 1
    spacing = float(room) / (len(labels) - 1)
    return max(1, math.ceil(widest * 0.6 * _FONT / spacing))


def _chart(part: Series, lang: str, title: str) -> str:
    """The figures by period, with the bounds of the condition as dashed lines.

    Only called for a part with at least one figure: without any there is nothing to
    draw, and the report says so in words.
    """
    rows = [row for row in part.rows if row.day is not None]
    plotted = [row for row in rows if row.number is not None]
    head = (
        f'<svg class="chart" role="img" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'width="{_WIDTH}" height="{_HEIGHT}"><title>{_e(title)}</title>'
        f'<rect x="0.5" y="0.5" width="{_WIDTH - 1}" height="{_HEIGHT - 1}" '
        'fill="#fcfcfc" stroke="#ddd"/>'
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
        # The bound's value is said in the legend under the chart, where it cannot
        # run into the figures' labels.
        y = y_of(bound.value)
        pieces.append(
            f'<line x1="4" x2="{_WIDTH - 4}" y1="{y}" y2="{y}" '
            'stroke="#888" stroke-dasharray="4 3"/>'
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
    step = _every([row.when for row in rows], width)
    for index, row in enumerate(rows):
        if index % step == 0 or index == len(rows) - 1:
            if index != len(rows) - 1 and len(rows) - 1 - index < step:
                continue  # too close to the last label, which is always shown
            pieces.append(
                f'<text x="{x_of(row)}" y="{_HEIGHT - 8}" text-anchor="middle">'
                f"{_e(row.when)}</text>"
            )
    # Every point carries its value in a tooltip; as many as fit are labelled, the
    # latest always.
    step = _every([row.value for row in plotted], width)
    for index, row in enumerate(plotted):
        assert row.number is not None
        x, y = x_of(row), y_of(row.number)
        pieces.append(
            f'<circle cx="{x}" cy="{y}" r="3.5" fill="{_COLOURS[row.status]}">'
            f"<title>{_e(row.when)}: {_e(row.value)} — {_e(status_word(row.status, lang))}</title>"
            "</circle>"
        )
        latest = index == len(plotted) - 1
        if latest or (index % step == 0 and len(plotted) - 1 - index >= step):
            pieces.append(
                f'<text x="{x}" y="{y}" dy="-7" text-anchor="{_anchor(x)}">{_e(row.value)}</text>'
            )
    pieces.append("</svg>")
    return "".join(pieces) + _legend(part, lang)


def _legend(part: Series, lang: str) -> str:
    """What the chart's dashed lines are: the bounds, with their values, and the line
    to the deadline."""
    said = []
    if part.bounds:
        bounds = ", ".join(bound.text for bound in part.bounds)
        said.append(f'<span class="key bound"></span>{_e(label("bound", lang))} {_e(bounds)}')
    if any(row.expected_number is not None for row in part.rows):
        said.append(f'<span class="key line"></span>{_e(label("legend.line", lang))}')
    return f'<p class="legend">{" ".join(said)}</p>' if said else ""


# -- sections ---------------------------------------------------------------------------


def _summary(report: Facts) -> str:
    lang = report.lang
    count = label("count", lang)
    rows = "".join(
        f'<tr><th scope="row">{_badge(status, lang)}</th>'
        f"{_cell(str(found), count, numeric=True)}</tr>"
        for status, found in report.summary
    )
    return (
        f"<section><h2>{_e(label('summary', lang))}</h2>"
        f"<p>{_e(report.summary_line())}</p>"
        f'<table><caption class="hidden">{_e(label("caption.summary", lang))}</caption>'
        f"{_head([(label('status', lang), False), (count, True)])}"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _overview(report: Facts) -> str:
    lang = report.lang
    names = {key: label(key, lang) for key in ("number", "target", "status", "latest", "progress")}
    head = _head(
        [
            (names["number"], True),
            (names["target"], False),
            (names["status"], False),
            (names["latest"], False),
            (names["progress"], True),
        ]
    )
    rows = []
    for target in report.targets:
        rows.append(
            f'<tr class="depth-{target.depth}">'
            + _cell(target.number, names["number"], numeric=True, kind="number")
            + f'<th scope="row"><a href="#target-{_e(target.id)}">{_e(target.id)}</a> '
            f"{_e(target.text)}</th>"
            + _cell("", names["status"], markup=_badge(target.status, lang))
            + _cell(target.latest or "—", names["latest"])
            + _cell(target.progress, names["progress"], numeric=True)
            + "</tr>"
        )
    caption = f'<caption class="hidden">{_e(label("caption.targets", lang))}</caption>'
    return (
        f"<section><h2>{_e(label('targets', lang))}</h2>"
        f'<table class="cards">{caption}{head}<tbody>{"".join(rows)}</tbody></table>'
        "</section>"
    )


def _warning(row: Row, lang: str) -> str:
    if not row.warning:
        return ""
    return f' <span class="warning">{_e(WARNING_SIGN + " " + label("warning", lang))}</span>'


def _part_table(part: Series, lang: str, caption: str) -> str:
    if not part.rows:
        return f"<p>{_e(label('no_periods', lang))}</p>"
    names = {
        key: label(key, lang)
        for key in ("period", "value", "status", "gap", "progress", "expected", "note")
    }
    head = _head(
        [
            (names["period"], False),
            (names["value"], True),
            (names["status"], False),
            (names["gap"], True),
            (names["progress"], True),
            (names["expected"], True),
            (names["note"], False),
        ]
    )
    rows = "".join(
        f'<tr><th scope="row">{_e(row.when)}</th>'
        + _cell("", names["value"], numeric=True, markup=_e(row.value) + _cite(row))
        + _cell("", names["status"], markup=_badge(row.status, lang) + _warning(row, lang))
        + _cell(row.gap, names["gap"], numeric=True)
        + _cell(row.progress, names["progress"], numeric=True)
        + _cell(row.expected, names["expected"], numeric=True)
        + _cell(row.note, names["note"])
        + "</tr>"
        for row in part.rows
    )
    return (
        f'<table class="cards"><caption>{_e(caption)}</caption>{head}<tbody>{rows}</tbody></table>'
    )


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
        named = f"{target.id}{' — ' + part.label if part.label else ''}"
        if part.latest is None:
            # Nothing to draw: an empty chart would only say so less clearly.
            if part.rows:
                pieces.append(f'<p class="no-figures">{_e(label("no_figures", lang))}</p>')
        else:
            chart = f"{named}: {label('chart', lang)}"
            pieces += [_progress(part, lang), _chart(part, lang, chart)]
        pieces += [_part_table(part, lang, f"{named}: {label('judgements', lang)}")]
        pieces.append("</div>")
    pieces.append("</section>")
    return "".join(pieces)


def _cite(row: Row) -> str:
    """Links from a figure to the notes on its sources."""
    links = ",".join(f'<a href="#source-{n}">{n}</a>' for n in row.sources)
    return f'<sup class="cite">[{links}]</sup>' if links else ""


def _sources(report: Facts) -> str:
    if not report.sources:
        return ""
    items = "".join(
        f'<li id="source-{n}">{_e(text)}</li>' for n, text in enumerate(report.sources, start=1)
    )
    return (
        f"<section><h2>{_e(label('sources', report.lang))}</h2>"
        f'<ol class="sources">{items}</ol></section>'
    )


def _about(report: Facts) -> str:
    lines = "".join(
        f'<p><span class="label">{_e(name)}:</span> {_e(text)}</p>' for name, text in report.about
    )
    return f'<footer class="about">{lines}</footer>'


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


def render_html(
    plan: Plan,
    evaluation: Evaluation,
    *,
    lang: str = "en",
    inputs: Sequence[str] = (),
    made: dt.datetime | None = None,
) -> str:
    """The evaluation as one HTML document with inline CSS and SVG: no scripts and
    nothing fetched from elsewhere, readable in a browser, on a phone and on paper.

    Each figure links to the note on its source; a footer names the plan's source,
    *inputs* (the files read), the planmodel version and *made* (when, if given)."""
    report = facts(plan, evaluation, lang, inputs=inputs, made=made)
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
        "<main>",
        _summary(report),
        _overview(report),
        f"<h2>{_e(label('judgements', lang))}</h2>",
        *(_target(target, lang) for target in report.targets),
        _no_data(report),
        _sources(report),
        "</main>",
        _about(report),
    ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
