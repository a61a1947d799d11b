"""Reports: text for terminals, Markdown, one-file HTML and JSON, in English and Vietnamese."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import planmodel
from helpers import make_plan, obs, target, whole_plans
from mutations import FUZZ, accepted_numbers
from planmodel import (
    Level,
    Metric,
    Observation,
    Plan,
    PlanLoadError,
    RatingScale,
    Source,
    Status,
    Target,
    Term,
    Text,
    all_of,
    at_least,
    at_most,
    between,
    by_deadline,
    count_below,
    dump_plan,
    dumps_evaluation,
    evaluate,
    every_year,
    load_plan,
    lowest_rating,
    part,
    rating_at_least,
    ratio,
    share_at_least,
    value,
)
from planmodel._json import read_json
from planmodel.evaluation import Evaluation
from planmodel.reports import (
    render_html,
    render_json,
    render_markdown,
    render_outline,
    render_text,
)
from planmodel.reports.terminal import width
from planmodel.strategies import observations_for, plans
from planmodel.words import Marks, add_language, status_word


def _t(vi: str, en: str) -> Text:
    return Text(vi=vi, en=en)


# A small invented plan with every kind of verdict a report must show: a deadline
# target on track, a yearly target not met, an all-of and a rating with a missing year.
PLAN = Plan(
    id="example_ward",
    title=_t("Kế hoạch phường mẫu 2021-2023", "Example ward plan 2021-2023"),
    jurisdiction=_t("Phường mẫu", "Example ward"),
    term=Term(2021, 2023),
    adopted="2021-01-15",
    source=Source(
        title=_t("Nghị quyết", "Resolution"), url="https://example.org", published="2021-01-20"
    ),
    source_language="vi",
    objective=[_t("Phát triển bền vững", "Sustainable growth")],
    metrics=[
        Metric("coverage", _t("bảo hiểm y tế", "health insurance coverage"), "percent", "higher"),
        Metric("waste", _t("rác thải được thu gom", "waste collected"), "percent", "higher"),
        Metric("orgs", _t("tổ chức đảng", "party organisations"), "count", scale="grade"),
    ],
    scales=[
        RatingScale(
            "grade",
            _t("xếp loại", "grade"),
            (
                Level("weak", _t("Không hoàn thành", "Not done")),
                Level("fair", _t("Hoàn thành", "Done")),
                Level("good", _t("Hoàn thành tốt", "Done well")),
            ),
        )
    ],
    targets=[
        Target(
            id="t1",
            text=_t("Bảo hiểm y tế đạt 95% cuối 2023", "Health insurance 95% by the end of 2023"),
            measure=value("coverage"),
            condition=at_least(95),
            schedule=by_deadline("2023-12-31", baseline=2020),
        ),
        Target(
            id="t2",
            text=_t("Thu gom 100% rác thải", "Collect all waste"),
            measure=value("waste"),
            condition=at_least(100),
            schedule=every_year(2021, 2023),
        ),
        Target(
            id="t3",
            text=_t("80% tổ chức đảng tốt trở lên", "80% of party organisations done well"),
            condition=all_of(
                part(share_at_least("orgs", "good"), at_least(80)),
                part(count_below("orgs", "fair"), at_most(0)),
            ),
            schedule=every_year(2021, 2023),
        ),
        Target(
            id="t4",
            text=_t("Mọi tổ chức hoàn thành trở lên", "Every organisation done"),
            measure=lowest_rating("orgs"),
            condition=rating_at_least("fair"),
            schedule=every_year(2021, 2023),
        ),
    ],
)


def evaluation_of(plan: Plan = PLAN, coverage_2022: str = "93.5") -> Evaluation:
    observations = [
        Observation("coverage", 2020, 90),
        Observation("coverage", 2022, coverage_2022),
        Observation("waste", 2021, 100),
        Observation("waste", 2022, 98),
        Observation("orgs", 2021, {"good": 9, "fair": 1}),
    ]
    return evaluate(plan, observations, as_of="2023-06-30")


EVALUATION = evaluation_of()


# -- provenance as the plan states it ----------------------------------------------------


def test_the_outline_shows_the_provenance_the_plan_states() -> None:
    lines = render_outline(PLAN).splitlines()
    assert lines[:3] == [
        "Example ward plan 2021-2023",
        "example_ward · Example ward · term 2021-2023 · adopted 2021-01-15",
        "Source: Resolution (published 2021-01-20) https://example.org",
    ]


@pytest.mark.parametrize("when", ["2021", "2021-01", "2021-01-15"])
def test_the_outline_shows_dates_as_given(when: str) -> None:
    source = Source(title=_t("Nghị quyết", "Resolution"), published=when)
    plan = attrs.evolve(PLAN, adopted=when, adopted_by=_t("HĐND", "The council"), source=source)
    assert render_outline(plan).splitlines()[1:3] == [
        f"example_ward · Example ward · term 2021-2023 · adopted {when} by The council",
        f"Source: Resolution (published {when})",
    ]
    assert render_outline(plan, lang="vi").splitlines()[1:3] == [
        f"example_ward · Phường mẫu · nhiệm kỳ 2021-2023 · thông qua {when} bởi HĐND",
        f"Nguồn: Nghị quyết (đăng {when})",
    ]


def test_the_outline_leaves_out_what_the_plan_does_not_state() -> None:
    plan = attrs.evolve(
        PLAN,
        jurisdiction=None,
        adopted=None,
        source=None,
        objective=(),
        metrics=[Metric("coverage", unit="percent"), Metric("waste"), PLAN.metrics[2]],
    )
    outline = render_outline(plan)
    assert outline.splitlines()[:3] == [
        "Example ward plan 2021-2023",
        "example_ward · term 2021-2023",
        "",
    ]
    assert "General objective" not in outline
    assert "  - coverage (percent)\n  - waste\n" in outline


def test_evaluation_reports_leave_out_a_jurisdiction_the_plan_does_not_state() -> None:
    plan = attrs.evolve(PLAN, jurisdiction=None)
    evaluation = evaluation_of(plan)
    assert render_text(plan, evaluation).splitlines()[1] == (
        "Plan example_ward · evaluated as of 2023-06-30"
    )
    assert render_markdown(plan, evaluation).splitlines()[2] == (
        "Plan `example_ward` · evaluated as of 2023-06-30"
    )
    assert '<p class="meta">Plan example_ward · evaluated as of 2023-06-30</p>' in render_html(
        plan, evaluation
    )
    with_it = render_text(PLAN, EVALUATION).splitlines()[1]
    assert with_it == "Plan example_ward · Example ward · evaluated as of 2023-06-30"


def test_the_example_has_the_verdicts_the_reports_are_tested_on() -> None:
    statuses = {result.target: result.status for result in EVALUATION.targets}
    assert statuses == {
        "t1": Status.ON_TRACK,
        "t2": Status.NOT_MET,
        "t3": Status.NO_DATA,
        "t4": Status.NO_DATA,
    }


# -- text -----------------------------------------------------------------------------------


def test_text_has_no_colour_codes_unless_asked() -> None:
    assert "\x1b[" not in render_text(PLAN, EVALUATION)
    coloured = render_text(PLAN, EVALUATION, color=True)
    assert "\x1b[1;31m" in coloured  # not met, in bold red
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render_text(PLAN, EVALUATION)


def test_text_summary_counts_targets_by_status() -> None:
    text = render_text(PLAN, EVALUATION)
    assert "Summary: 4 targets: 1 ✗ not met, 2 ? no data, 1 → on track" in text
    vi = render_text(PLAN, EVALUATION, lang="vi")
    assert "Tổng hợp: 4 chỉ tiêu: 1 ✗ không đạt, 2 ? chưa có số liệu, 1 → đúng lộ trình" in vi


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_text_columns_line_up(lang: str) -> None:
    lines = render_text(PLAN, EVALUATION, lang=lang).splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("  #  "))
    header = lines[header_at]
    status_column = width(header[: header.index("Trạng thái" if lang == "vi" else "Status")])
    rows = lines[header_at + 1 : header_at + 1 + len(PLAN.targets)]
    for row, result in zip(rows, EVALUATION.targets, strict=True):
        word = status_word(result.status, lang)
        # The symbol and a space come before the word.
        assert width(row[: row.index(word)]) - 2 == status_column, row
        assert f" {result.target} " in row


def unwrapped(text: str) -> str:
    """*text* with its lines joined and its spaces collapsed: what a wrapped report
    says, wherever its lines break."""
    return " ".join(text.split())


def test_text_explains_every_target_and_names_every_missing_figure() -> None:
    text = render_text(PLAN, EVALUATION)
    for result in EVALUATION.targets:
        assert unwrapped(result.explanation["en"]) in unwrapped(text)
    missing = text[text.index("? no data:") :]
    assert "t3 2022" in missing
    assert "t4 2022: no ratings for party organisations in 2022" in missing


def test_text_shows_progress_and_rating_labels() -> None:
    text = render_text(PLAN, EVALUATION)
    assert "70%" in text  # coverage 93.5 on the way from 90 to 95
    assert "Done" in text  # the lowest rating, by its label


def _overview_rows(text: str, plan: Plan) -> list[str]:
    lines = text.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("#  "))
    rows = lines[header_at + 1 :]
    # A row whose latest figures wrap goes on under its number: keep the numbered lines.
    return [row for row in rows[: rows.index("")] if row[:6].strip()]


@pytest.mark.parametrize("size", [60, 80, 200])
def test_the_overview_names_each_target_by_its_title_shortened_to_fit(size: int) -> None:
    text = render_text(PLAN, EVALUATION, width=size)
    for row, shown_target in zip(_overview_rows(text, PLAN), PLAN.targets, strict=True):
        assert width(row) <= size, row
        title = shown_target.text["en"]
        shown = row.split(f" {shown_target.id} ", 1)[1].split("  ")[0]
        # The whole title, or its start cut at a space with "…".
        assert shown == title or (shown.endswith("…") and title.startswith(shown[:-1])), shown
    assert "…" not in "\n".join(_overview_rows(render_text(PLAN, EVALUATION, width=200), PLAN))


@whole_plans
@given(
    st.data(),
    plans(max_targets=4),
    st.sampled_from(["en", "vi"]),
    st.integers(40, 160),
)
def test_every_line_of_a_text_report_fits_its_width(
    data: st.DataObject, plan: Plan, lang: str, size: int
) -> None:
    figures = data.draw(observations_for(plan))
    evaluation = evaluate(plan, figures, as_of=f"{plan.term.last}-06-30")
    coloured = render_text(plan, evaluation, lang=lang, width=size, color=True)
    text = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert text == render_text(plan, evaluation, lang=lang, width=size)
    too_wide = [line for line in text.splitlines() if width(line) > size]
    assert too_wide == []
    # Wrapping moves words between lines, never drops them: every sentence is there.
    whole = unwrapped(text)
    for result in evaluation.targets:
        assert unwrapped(evaluation.say(result.explanation_words(), lang)) in whole


def test_a_table_too_wide_for_its_lines_becomes_records() -> None:
    text = render_text(PLAN, EVALUATION, lang="vi", width=40)
    assert max(width(line) for line in text.splitlines()) <= 40
    # The 2022 waste figure, its status and its gap, each named by its header.
    assert "2022 · Giá trị 98% · ✗ không đạt · Khoảng cách 2 điểm phần trăm" in unwrapped(text)


def test_a_long_note_goes_under_its_row() -> None:
    text = render_text(PLAN, EVALUATION, width=60)
    lines = text.splitlines()
    at = next(
        i for i, line in enumerate(lines) if line.startswith("     2022") and "no data" in line
    )
    assert "no ratings" not in lines[at]
    assert lines[at + 1].strip() == "no ratings for party organisations in 2022"


def test_a_brief_report_stops_after_the_table_of_targets() -> None:
    full = render_text(PLAN, EVALUATION)
    brief = render_text(PLAN, EVALUATION, brief=True)
    # The brief ends, as the full report does, with what the report was made from.
    body, footer = brief.split("\n\nPlan: ")
    assert full.startswith(body)
    assert full.endswith("\n\nPlan: " + footer)
    assert body.splitlines()[-1] == _overview_rows(full, PLAN)[-1]
    assert "Requirement" not in brief
    assert "? no data:" not in brief


def test_width_counts_terminal_columns() -> None:
    assert width("Trạng thái") == 10
    assert width("Tra\u0323ng") == 5  # a combining dot below takes no column of its own
    assert width("表") == 2


# -- Markdown -------------------------------------------------------------------------------


def test_markdown_has_a_table_per_section() -> None:
    text = render_markdown(PLAN, EVALUATION)
    assert "| Status | Count |" in text
    assert "| ✗ not met | 1 |" in text
    assert "| # | id | Target | Status | Latest figure | Progress | Why |" in text
    # one judgements table per measure: t1, t2, the two parts of t3, t4
    assert text.count("| Period | Value | Status | Gap | Progress | Expected | Note |") == 5
    assert "| 2022 | 98% | ✗ not met | 2 percentage points |" in text


def test_markdown_cells_cannot_break_the_table() -> None:
    target = attrs.evolve(PLAN.targets[1], text=_t("a | b <i>", "a | b <i>"))
    plan = attrs.evolve(PLAN, targets=(PLAN.targets[0], target, *PLAN.targets[2:]))
    text = render_markdown(plan, evaluation_of(plan))
    assert "a \\| b &lt;i&gt;" in text
    assert "<i>" not in text


# -- HTML -----------------------------------------------------------------------------------


def test_html_is_one_self_contained_file() -> None:
    page = render_html(PLAN, EVALUATION, lang="vi")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page
    assert "<link" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "url(" not in page
    assert "@media print" in page
    assert "Kế hoạch phường mẫu 2021-2023" in page


def test_html_escapes_every_text() -> None:
    hostile = "<script>alert('x')</script> & more"
    target = attrs.evolve(PLAN.targets[0], text=_t(hostile, hostile))
    plan = attrs.evolve(PLAN, targets=(target, *PLAN.targets[1:]))
    page = render_html(plan, evaluation_of(plan), lang="en")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page


class _Nesting(HTMLParser):
    """Checks that every element is closed, in order."""

    VOID = frozenset({"meta", "circle", "line", "polyline", "rect"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.misplaced: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.misplaced.append(f"</{tag}> at line {self.getpos()[0]} inside {self.open}")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_html_elements_are_closed_in_order(lang: str) -> None:
    nesting = _Nesting()
    nesting.feed(render_html(PLAN, EVALUATION, lang=lang))
    assert nesting.misplaced == []
    assert nesting.open == []


def _sections(page: str) -> list[str]:
    return page.split('<section class="target')[1:]


def test_html_has_a_chart_and_a_progress_bar_in_every_target() -> None:
    page = render_html(PLAN, EVALUATION)
    sections = _sections(page)
    assert len(sections) == len(PLAN.targets)
    for section in sections:
        assert "<svg" in section
        assert '<div class="bar"' in section
    assert "Progress —" in sections[3]  # a rating has no progress
    for svg in re.findall(r"<svg.*?</svg>", page, flags=re.DOTALL):
        ET.fromstring(svg)  # every chart is well-formed markup


def test_html_chart_draws_the_bounds_and_the_values() -> None:
    t2 = _sections(render_html(PLAN, EVALUATION))[1]
    assert "bound 100%" in t2
    assert t2.count("<circle") == 2  # 2021 and 2022 have figures; 2023 is not due
    assert "98%" in t2


def test_html_progress_bar_is_clipped_but_the_figure_is_exact() -> None:
    ahead = evaluation_of(coverage_2022="99")  # (99 - 90) / (95 - 90) = 180%
    t1 = _sections(render_html(PLAN, ahead))[0]
    assert 'style="width: 100.0%"' in t1
    assert "Progress 180% (2022)" in t1
    behind = _sections(render_html(PLAN, evaluation_of(coverage_2022="85")))[0]
    assert 'style="width: 0.0%"' in behind
    assert "Progress -100% (2022)" in behind


def test_a_target_without_figures_says_so_instead_of_drawing_an_empty_chart() -> None:
    nothing = evaluate(PLAN, [Observation("coverage", 2020, 90)], as_of="2023-06-30")
    sections = _sections(render_html(PLAN, nothing))
    t2 = sections[1]  # waste: no figure at all, two due years
    assert "<svg" not in t2
    assert '<div class="bar"' not in t2
    assert '<p class="no-figures">no figures yet</p>' in t2
    assert "no figure for waste collected in 2021" in t2  # the table still says why
    vi = _sections(render_html(PLAN, nothing, lang="vi"))[1]
    assert '<p class="no-figures">chưa có số liệu</p>' in vi
    # A target with figures keeps its chart.
    assert "<svg" in _sections(render_html(PLAN, EVALUATION))[1]


class _Tables(HTMLParser):
    """The tables of a page: their captions, header cells' scopes, and each data cell's
    label beside the header of its column."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, Any]] = []
        self.scopes: list[str | None] = []
        self.labelled: list[tuple[str | None, str]] = []
        self._text: list[str] | None = None
        self._column = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": None, "headers": [], "cards": found.get("class")})
        elif tag == "caption":
            self._text = []
        elif tag == "tr":
            self._column = 0
        elif tag == "th":
            self.scopes.append(found.get("scope"))
            if found.get("scope") == "col":
                self._text = []
            else:
                self._column += 1
        elif tag == "td":
            table = self.tables[-1]
            header = table["headers"][self._column] if self._column < len(table["headers"]) else ""
            if table["cards"] == "cards":
                self.labelled.append((found.get("data-label"), header))
            self._column += 1

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._text is not None:
            self.tables[-1]["caption"] = "".join(self._text)
            self._text = None
        elif tag == "th" and self._text is not None:
            self.tables[-1]["headers"].append("".join(self._text))
            self._text = None


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_html_tables_have_captions_and_header_cells_with_a_scope(lang: str) -> None:
    parser = _Tables()
    parser.feed(render_html(PLAN, EVALUATION, lang=lang))
    judged = "Judgements by period" if lang == "en" else "Đánh giá theo từng kỳ"
    captions = [table["caption"] for table in parser.tables]
    assert len(captions) == 2 + 5  # summary, targets, one per measure judged
    assert all(captions)
    assert captions[2:4] == [f"t1: {judged}", f"t2: {judged}"]
    # The two parts of t3's all-of, each named by its requirement.
    for caption in captions[4:6]:
        assert caption.startswith("t3 — ")
        assert caption.endswith(f": {judged}")
    assert captions[6] == f"t4: {judged}"
    assert parser.scopes
    assert set(parser.scopes) <= {"col", "row"}
    # On a narrow screen each cell is shown under its column's header: the same words.
    assert parser.labelled
    assert all(label == header for label, header in parser.labelled)


def test_html_prints_its_tables_whole() -> None:
    page = render_html(PLAN, EVALUATION)
    printed = page[page.index("@media print") :]
    assert "thead { display: table-header-group; }" in printed  # headers on every page
    assert "break-inside: avoid" in printed
    # The cards of a narrow screen are for screens only: paper gets the tables.
    assert "@media screen and (max-width: 40rem)" in page


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()

#: A page that shows the report in a frame *width* pixels wide, and writes into its own
#: body what the report measures there: the document's width and the smallest chart
#: label as drawn. A frame, because a headless window is never narrower than 500 px.
_MEASURE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head>
<body style="margin:0"><iframe id="page" style="border:0;display:block;width:{width}px;
height:900px" srcdoc="{report}"></iframe><script>
const frame = document.getElementById("page");
function measure() {{
  const doc = frame.contentDocument, root = doc.documentElement;
  let smallest = null;
  for (const text of doc.querySelectorAll("svg text")) {{
    const drawn = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    smallest = smallest === null ? drawn : Math.min(smallest, drawn);
  }}
  const wider = [...doc.querySelectorAll("body *")]
    .filter((node) => node.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map((node) => node.tagName + "." + (node.getAttribute("class") || ""));
  document.body.setAttribute("data-measured", JSON.stringify({{
    document: root.scrollWidth, viewport: root.clientWidth, label: smallest,
    wider: wider.slice(0, 5)}}));
}}
if (frame.contentDocument.URL === "about:srcdoc" &&
    frame.contentDocument.readyState === "complete") measure();
else frame.addEventListener("load", measure);
</script></body></html>
"""


def _measured(page: str, size: int, folder: Path) -> dict[str, Any]:
    assert CHROMIUM is not None
    wrapper = folder / f"measure-{size}.html"
    wrapper.write_text(
        _MEASURE.format(width=size, report=html.escape(page, quote=True)), encoding="utf-8"
    )
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / f'profile-{size}'}",
            "--hide-scrollbars",
            f"--window-size={max(size, 500)},900",
            "--dump-dom",
            wrapper.as_uri(),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    found = re.search(r'data-measured="([^"]*)"', done.stdout)
    assert found, f"Chromium measured nothing (exit {done.returncode}): {done.stderr[-2000:]}"
    measured: dict[str, Any] = json.loads(html.unescape(found[1]))
    return measured


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed: the HTML report's width on a phone and a "
    "desk is not measured",
)
@pytest.mark.parametrize("size", [390, 1280])
def test_the_html_report_fits_a_phone_and_a_desk_in_a_real_browser(
    size: int, tmp_path: Path
) -> None:
    # The national example in Vietnamese: the longest words, tables and charts we have.
    examples = Path(__file__).resolve().parents[1] / "examples"
    plan = planmodel.load_plan(examples / "vietnam_2021_2025.json")
    figures = planmodel.load_observations(examples / "vietnam_observations.csv", plan)
    page = render_html(plan, evaluate(plan, figures, as_of="2026-06-30"), lang="vi")
    measured = _measured(page, size, tmp_path)
    assert measured["viewport"] == size
    assert measured["document"] <= size, measured["wider"]
    assert measured["label"] is not None
    assert measured["label"] >= 11  # px, as drawn


# -- JSON and all formats -------------------------------------------------------------------


def test_json_report_is_the_evaluation_document_with_what_it_was_made_from() -> None:
    made = dt.datetime(2023, 7, 1, 9, 30, tzinfo=dt.timezone.utc)
    document = json.loads(render_json(EVALUATION, inputs=["figures.csv"], made=made))
    assert document.pop("report") == {
        "source": {
            "title": {"en": "Resolution", "vi": "Nghị quyết"},
            "url": "https://example.org",
            "published": "2021-01-20",
        },
        "inputs": ["figures.csv"],
        "planmodel": planmodel.__version__,
        "made": "2023-07-01T09:30:00+00:00",
    }
    assert document == json.loads(dumps_evaluation(EVALUATION))


def test_a_report_refuses_an_evaluation_of_another_plan() -> None:
    other = attrs.evolve(PLAN, id="another_ward")
    with pytest.raises(ValueError, match="another_ward"):
        render_text(other, EVALUATION)


def test_a_report_on_an_all_of_with_no_figure_by_the_deadline() -> None:
    # The deadline's judgement stands for every part, so each part lists it as missing.
    target = attrs.evolve(PLAN.targets[2], schedule=by_deadline("2023-12-31"))
    plan = attrs.evolve(PLAN, targets=(target,))
    evaluation = evaluate(plan, [], as_of="2024-01-01")
    missing = unwrapped(render_text(plan, evaluation).split("? no data:")[1])
    deadline = "2023-12-31: no figure for the deadline 2023-12-31 yet 2023-12-31"
    assert f"t3 {deadline}" not in missing  # never without the part it belongs to
    for requirement in (
        "share of party organisations rated Done well or above at least 80%",
        "number of party organisations rated below Done at most 0",
    ):
        assert (
            f"t3 2023-12-31 ({requirement}): no figure for the deadline 2023-12-31 yet" in missing
        )


@whole_plans
@given(st.data(), plans(), st.sampled_from(["en", "vi"]))
def test_every_report_renders_every_plan(data: st.DataObject, plan: Plan, lang: str) -> None:
    observations = data.draw(observations_for(plan))
    as_of = f"{data.draw(st.integers(plan.term.first, plan.term.last + 1))}-06-30"
    evaluation = evaluate(plan, observations, as_of=as_of)
    text = render_text(plan, evaluation, lang=lang)
    markdown = render_markdown(plan, evaluation, lang=lang)
    page = render_html(plan, evaluation, lang=lang)
    for result in evaluation.targets:
        assert f" {result.target} — " in text
        assert f'id="target-{result.target}"' in page
    assert len(_sections(page)) == len(plan.targets)
    for svg in re.findall(r"<svg.*?</svg>", page, flags=re.DOTALL):
        ET.fromstring(svg)
    if any(result.status is Status.NO_DATA for result in evaluation.targets):
        assert status_word(Status.NO_DATA, lang) in text
    assert markdown.startswith("# ")
    assert "\x1b[" not in text


def test_numbers_are_shown_exactly_or_marked_rounded() -> None:
    observations = [
        Observation("coverage", 2020, 90),
        Observation("coverage", 2022, "91"),  # progress 1/5 of the way: exactly 20%
        Observation("waste", 2021, Decimal("99.125")),
    ]
    evaluation = evaluate(PLAN, observations, as_of="2023-06-30")
    text = render_text(PLAN, evaluation)
    assert "99.125%" in text
    assert " 20%" in text
    assert "≈" in text  # the trajectory's expected value is a rounded quotient


def _rows(text: str, start: str) -> list[str]:
    """The Markdown table rows of *text* whose first cell is *start*."""
    return [line for line in text.splitlines() if line.startswith(f"| {start} |")]


def test_figures_as_given_and_computed_numbers_by_one_rule() -> None:
    # A ratio is computed: 1,675 of 1,600 is 104.6875%, shown ≈104.69% like its
    # progress; the figures themselves keep their digits, however many.
    plan = make_plan(
        [
            target("r", ratio("capital", "spending"), at_least(100), every_year(2021, 2021)),
            target("v", value("coverage"), at_least(90), every_year(2021, 2021)),
        ]
    )
    figures = [
        obs("capital", 2021, 1675),
        obs("spending", 2021, 1600),
        obs("coverage", 2021, "93.27125"),
    ]
    text = render_markdown(plan, evaluate(plan, figures, "2022-01-01"))
    ratio_row, value_row = _rows(text, "2021")
    assert ratio_row.startswith("| 2021 | ≈104.69% | ✓ met |  | ≈104.69% |")
    # 93.27125 / 90 = 1.036347…: the figure as given, the progress rounded and marked.
    assert value_row.startswith("| 2021 | 93.27125% | ✓ met |  | ≈103.63% |")
    assert "104.6875" not in text


def test_a_report_in_vietnamese_writes_numbers_and_days_as_vietnamese_does() -> None:
    text = render_text(PLAN, EVALUATION, lang="vi")
    assert "đánh giá đến ngày 30/06/2023" in text
    # Coverage 93.5 in 2022, on the line from 90 (2020) to 95 (2023): 90 + 5 × 2/3.
    line = next(row for row in text.splitlines() if row.strip().startswith("2022") and "93" in row)
    assert "93,5%" in line
    assert "≈93,33%" in line  # expected, a computed point on the line
    assert "70%" in line  # progress (93.5 − 90) / 5
    assert "93.5" not in text
    page = render_html(PLAN, EVALUATION, lang="vi")
    assert "đánh giá đến ngày 30/06/2023" in page
    assert "Tiến độ 70% (2022)" in page


def test_periods_in_a_vietnamese_report_are_written_as_vietnamese_writes_them() -> None:
    plan = make_plan(
        [
            target("m", value("coverage"), at_least(90), by_deadline("2023-12-31")),
        ]
    )
    figures = [obs("coverage", "2023-06", 91), obs("coverage", "2023-11-13", "92.5")]
    found = evaluate(plan, figures, "2024-01-01")
    text = render_text(plan, found, lang="vi")
    assert "06/2023" in text
    assert "13/11/2023" in text
    assert "2023-11-13" not in text
    assert "2023-11-13" in render_text(plan, found)


@pytest.mark.parametrize(
    "case",
    [
        # met: nothing to close
        (
            at_least(90),
            every_year(2021, 2021),
            [obs("coverage", 2021, 95)],
            "2022-01-01",
            "met",
            "",
        ),
        # exceeded: 12 is 2 beyond 10, kept in the evaluation, not shown as a gap
        (
            between(5, 10, better="higher"),
            every_year(2021, 2021),
            [obs("coverage", 2021, 12)],
            "2022-01-01",
            "exceeded",
            "",
        ),
        # not met: 3 points short
        (
            at_least(90),
            every_year(2021, 2021),
            [obs("coverage", 2021, 87)],
            "2022-01-01",
            "not_met",
            "3 percentage points",
        ),
        # on track, above the target already: gap 0, not shown
        (
            at_least(90),
            by_deadline("2023-12-31", baseline=2020),
            [obs("coverage", 2020, 80), obs("coverage", 2021, 91)],
            "2022-01-01",
            "on_track",
            "",
        ),
        # pending (no line without a baseline), above the target already: not shown
        (
            at_least(90),
            by_deadline("2023-12-31"),
            [obs("coverage", 2021, 91)],
            "2022-01-01",
            "pending",
            "",
        ),
        # a strict bound: on it is not met, with a gap of 0, shown
        (
            at_least(90, strict=True),
            every_year(2021, 2021),
            [obs("coverage", 2021, 90)],
            "2022-01-01",
            "not_met",
            "0 percentage points",
        ),
        # on track, still short of the target: what is left to close is shown
        (
            at_least(90),
            by_deadline("2023-12-31", baseline=2020),
            [obs("coverage", 2020, 80), obs("coverage", 2021, 85)],
            "2022-01-01",
            "on_track",
            "5 percentage points",
        ),
    ],
)
def test_a_gap_is_shown_only_for_a_figure_that_falls_short(case: tuple[Any, ...]) -> None:
    condition, schedule, figures, as_of, status, gap_shown = case
    plan = make_plan([target("g", value("coverage"), condition, schedule)])
    found = evaluate(plan, figures, as_of)
    (judged,) = [j for j in found.result("g").judgements if j.period == 2021]
    assert judged.status == status
    assert judged.gap is not None  # the evaluation keeps the gap whatever a report shows
    (row,) = _rows(render_markdown(plan, found), "2021")
    assert row.split(" | ")[3] == gap_shown


# -- figures as large as planmodel accepts ---------------------------------------------------


@pytest.mark.parametrize("figure", ["1e28", "1e50", "-9.9e49", "1" * 44 + ".123456", "1e-50"])
def test_every_report_shows_a_figure_up_to_the_documented_limit(figure: str) -> None:
    # 1e28 once made trim() and format_number() raise decimal.InvalidOperation: the
    # default context holds 28 digits, and planmodel accepts numbers up to 10^50.
    evaluation = evaluation_of(coverage_2022=figure)
    for render in (render_text, render_markdown, render_html):
        assert render(PLAN, evaluation)
    assert render_json(evaluation)


# -- hostile text in every field ------------------------------------------------------------

#: Text that would change a report if it were not escaped: HTML tags and attributes,
#: a terminal escape sequence, and Markdown that strikes, typesets or links.
HOSTILE = (
    '<img src=x onerror=alert(1)>"\' onmouseover="alert(2)" <script>alert(3)</script>'
    " \x1b]0;owned\x07\x1b[2J ~~struck~~ $x^2$ # heading | cell *em* _em_ `code` [a](b) &amp;"
)


def _hostile(name: str) -> str:
    return f"{name}: {HOSTILE}"


def plan_with_text(say: Callable[[str], str]) -> Plan:
    """The example plan with every piece of human text replaced by ``say(field name)``,
    units included: a report must show each as text, whatever it holds."""

    def t(name: str) -> Text:
        return Text(vi=say(f"{name} vi"), en=say(f"{name} en"))

    return Plan(
        id="example_ward",
        title=t("title"),
        jurisdiction=t("jurisdiction"),
        term=Term(2021, 2023),
        adopted="2021-01-15",
        adopted_by=t("adopted_by"),
        source=Source(
            title=t("source"),
            url="https://example.org",
            published="2021-01-20",
            publisher=t("publisher"),
        ),
        source_language="vi",
        objective=[t("objective")],
        metrics=[
            Metric("coverage", t("coverage"), say("unit"), "higher"),
            Metric("waste", t("waste"), "percent", "higher"),
            Metric("orgs", t("orgs"), "count", scale="grade"),
        ],
        scales=[
            RatingScale(
                "grade",
                t("scale"),
                (
                    Level("weak", t("weak")),
                    Level("fair", t("fair")),
                    Level("good", t("good")),
                ),
            )
        ],
        targets=[
            attrs.evolve(PLAN.targets[0], text=t("t1"), notes=t("t1 notes")),
            attrs.evolve(PLAN.targets[1], text=t("t2")),
            attrs.evolve(
                PLAN.targets[2],
                text=t("t3"),
                condition=all_of(
                    part(share_at_least("orgs", "good"), at_least(80), t("part 1")),
                    part(count_below("orgs", "fair"), at_most(0)),
                ),
            ),
            attrs.evolve(PLAN.targets[3], text=t("t4"), notes=t("t4 notes")),
        ],
    )


class _Markup(HTMLParser):
    """Every element and attribute name in a page, and the text of its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[tuple[str, tuple[str, ...]]] = set()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add((tag, tuple(sorted(name for name, _ in attrs))))
        self.values += [value or "" for _, value in attrs]


def _markup(page: str) -> _Markup:
    parser = _Markup()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_hostile_text_in_every_field_adds_no_tag_or_attribute(lang: str) -> None:
    hostile, plain = plan_with_text(_hostile), plan_with_text(lambda name: name)
    page = render_html(hostile, evaluation_of(hostile), lang=lang)
    # The same elements with the same attributes as the plain plan's page.
    assert _markup(page).found == _markup(render_html(plain, evaluation_of(plain), lang=lang)).found
    assert not any("alert" in value for value in _markup(page).values)
    # And the text itself is there, escaped, for the fields a report shows.
    escaped = html.escape(_hostile(f"title {lang}"), quote=True)
    assert escaped in page
    for field in ("jurisdiction", "t1", "t1 notes", "coverage", "part 1", "good"):
        assert f"{field} {lang}: &lt;img" in page, field
    assert "unit: &lt;img" in page


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_hostile_text_reaches_a_terminal_escaped(lang: str) -> None:
    hostile = plan_with_text(_hostile)
    evaluation = evaluation_of(hostile)
    for text in (
        render_text(hostile, evaluation, lang=lang),
        render_outline(hostile, lang=lang),
        render_markdown(hostile, evaluation, lang=lang),
    ):
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\\x1b" in text
    for text in (render_text(hostile, evaluation, lang=lang), render_outline(hostile, lang=lang)):
        assert f"title {lang}: <img" in text  # plain text: shown as written
        assert "\\x1b]0;owned\\x07\\x1b[2J" in text
    # With colour, the only escape sequences are the report's own colours.
    coloured = render_text(hostile, evaluation, lang=lang, color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render_text(hostile, evaluation, lang=lang)


def test_markdown_escapes_what_would_strike_typeset_or_link() -> None:
    hostile = plan_with_text(_hostile)
    text = render_markdown(hostile, evaluation_of(hostile))
    assert text.startswith("# title en: &lt;img src=x onerror=alert(1)&gt;")
    assert (
        r"\~\~struck\~\~ \$x^2\$ # heading \| cell \*em\* \_em\_ \`code\` \[a\](b) &amp;amp;"
        in text
    )
    plain = plan_with_text(lambda name: name)
    layout = render_markdown(plain, evaluation_of(plain))
    for markup in (r"~", r"\$", r"<", r"\|", r"\*", r"_", r"`", r"\["):
        # Every one is escaped (preceded by a backslash), except the report's own.
        unescaped = rf"(?<!\\){markup}"
        assert len(re.findall(unescaped, text)) == len(re.findall(unescaped, layout)), markup


def test_a_heading_cannot_lose_a_final_hash() -> None:
    # "# C#" is a heading "C#", but "# Plan #" is a heading "Plan": a closing sequence.
    target = attrs.evolve(PLAN.targets[1], text=_t("Thu gom #", "Collect #"))
    plan = attrs.evolve(PLAN, title=_t("Kế hoạch #", "Plan #"), targets=(target,))
    text = render_markdown(plan, evaluate(plan, [], as_of="2022-01-01"))
    assert text.startswith("# Plan \\#\n")
    assert "### 1. t2 — Collect \\#\n" in text


# -- fuzzing: any accepted number, in a bound or a figure, through every report -------------


def _redrawn(data: st.DataObject, node: Any) -> Any:
    """*node* (a plan document) with about half its numbers redrawn across the range."""
    if isinstance(node, dict):
        return {key: _redrawn(data, value) for key, value in node.items()}
    if isinstance(node, list):
        return [_redrawn(data, item) for item in node]
    if isinstance(node, Decimal) and data.draw(st.booleans()):
        return data.draw(accepted_numbers())
    return node


@FUZZ
@given(st.data(), plans(max_targets=4), st.sampled_from(["en", "vi"]))
def test_any_accepted_number_is_judged_and_written_by_every_report(
    data: st.DataObject, plan: Plan, lang: str
) -> None:
    try:
        plan = load_plan(_redrawn(data, dump_plan(plan)))
    except PlanLoadError:
        event("bounds out of order: the plan's own numbers kept")
    figures = [
        attrs.evolve(figure, value=data.draw(accepted_numbers()))
        if isinstance(figure.value, Decimal) and data.draw(st.booleans())
        else figure
        for figure in data.draw(observations_for(plan))
    ]
    as_of = data.draw(st.dates(dt.date(plan.term.first, 1, 1), dt.date(plan.term.last + 1, 12, 31)))
    evaluation = evaluate(plan, figures, as_of)
    for text in (
        render_text(plan, evaluation, lang=lang, color=True),
        render_markdown(plan, evaluation, lang=lang),
        render_html(plan, evaluation, lang=lang),
        render_outline(plan, lang=lang),
        render_json(evaluation),
    ):
        text.encode("utf-8")
    # Every number the evaluation holds is written exactly and reads back as a decimal.
    document, problems = read_json(dumps_evaluation(evaluation))
    assert problems == []
    assert document["plan"] == plan.id


# -- words: counts and numbers in the reader's language ---------------------------------


def test_one_target_is_counted_in_the_singular() -> None:
    plan = make_plan([target("a", value("coverage"), at_least(95), every_year(2021, 2021))])
    found = evaluate(plan, [], "2022-01-01")
    assert "Summary: 1 target: 1 ? no data" in render_text(plan, found)
    assert "Tổng hợp: 1 chỉ tiêu: 1 ? chưa có số liệu" in render_text(plan, found, lang="vi")


def test_progress_is_written_in_the_languages_numbers() -> None:
    # A language writing decimal commas gets them in every progress figure, in the
    # tables, the overview and the HTML progress bar alike.
    add_language("de", "Deutsch", {}, marks=Marks(decimal=","))
    plan = make_plan([target("a", value("coverage"), at_least(90), every_year(2021, 2021))])
    found = evaluate(plan, [obs("coverage", 2021, 60)], "2022-01-01")
    for report in (render_text(plan, found, lang="de"), render_html(plan, found, lang="de")):
        assert "≈66,67%" in report
        assert "66.67" not in report


# -- where each figure came from -------------------------------------------------------------

SOURCED = [
    Observation("coverage", 2020, 90, source="BHXH quận, báo cáo 2020"),
    Observation("coverage", 2022, "93.5", source="BHXH quận, báo cáo 2022", note="ước tính"),
    Observation("waste", 2021, 100, source="Phòng TN-MT"),
    Observation("waste", 2022, 98, source="Phòng TN-MT"),
    Observation("orgs", 2021, {"good": 9, "fair": 1}, note="sơ bộ"),
]
TRACED = evaluate(PLAN, SOURCED, as_of="2023-06-30")
MADE = dt.datetime(2023, 7, 1, 9, 30, tzinfo=dt.timezone.utc)


def test_a_judgement_rests_on_its_figure_and_on_the_baseline_progress_runs_from() -> None:
    (t1,) = [j for j in TRACED.result("t1").judgements if j.period == 2022]
    assert TRACED.figures("t1", t1) == (SOURCED[0], SOURCED[1])
    (t2,) = [j for j in TRACED.result("t2").judgements if j.period == 2021]
    assert TRACED.figures("t2", t2) == (SOURCED[2],)


def test_each_part_of_an_all_of_rests_on_its_own_figures() -> None:
    (t3,) = [j for j in TRACED.result("t3").judgements if j.period == 2021]
    assert TRACED.figures("t3", t3, part=0) == (SOURCED[4],)
    assert TRACED.figures("t3", t3) == (SOURCED[4],)  # both parts read the one distribution


def test_every_report_cites_the_sources_of_its_figures_once_each() -> None:
    text = render_text(PLAN, TRACED)
    # Numbered as first cited; the waste figures share one source and one note.
    assert "Sources of the figures:" in text
    notes = text[text.index("Sources of the figures:") :].splitlines()[1:5]
    assert notes == [
        "  [1] BHXH quận, báo cáo 2020",
        "  [2] BHXH quận, báo cáo 2022 — ước tính",
        "  [3] Phòng TN-MT",
        "  [4] sơ bộ",
    ]
    assert re.search(r"93\.5% \[1, 2\]", text)
    markdown = render_markdown(PLAN, TRACED)
    assert "## Sources of the figures\n\n1. BHXH quận, báo cáo 2020\n" in markdown
    assert "| 2022 | 93.5% \\[1, 2\\] |" in markdown  # brackets escaped: never a link
    page = render_html(PLAN, TRACED)
    assert '<li id="source-2">BHXH quận, báo cáo 2022 — ước tính</li>' in page
    assert '<a href="#source-1">1</a>,<a href="#source-2">2</a>' in page
    judged = json.loads(render_json(TRACED))["targets"][0]["judgements"]
    assert {"metric": "coverage", "period": 2020, "source": "BHXH quận, báo cáo 2020"} in [
        figure for judgement in judged for figure in judgement.get("figures", [])
    ]


def test_a_report_without_the_observations_cites_nothing() -> None:
    # The same results, without the observations (as an evaluation built by hand).
    copy = Evaluation(TRACED.plan, TRACED.as_of, TRACED.targets, source=PLAN)
    assert copy.observations is None
    assert "Sources of the figures" not in render_text(PLAN, copy)
    assert "[1]" not in render_markdown(PLAN, copy)


def test_observations_attached_to_a_copy_stay_with_the_copy() -> None:
    bare = Evaluation(TRACED.plan, TRACED.as_of, TRACED.targets, source=PLAN)
    copy = attrs.evolve(bare)
    copy.attach(PLAN, SOURCED)
    assert bare.observations is None
    assert copy.observations is not None
    assert list(copy.observations) == SOURCED


def test_every_report_says_what_it_was_made_from_and_when() -> None:
    version = planmodel.__version__
    text = render_text(PLAN, TRACED, inputs=["plan.json", "figures.csv"], made=MADE)
    assert text.endswith(
        "Plan: Resolution (published 2021-01-20) https://example.org\n"
        "Figures: plan.json, figures.csv\n"
        f"Made with: planmodel {version}\n"
        "Made on: 2023-07-01 09:30 UTC\n"
    )
    vi = render_markdown(PLAN, TRACED, lang="vi", made=MADE)
    assert vi.endswith(
        "- Văn bản kế hoạch: Nghị quyết (đăng 2021-01-20) https://example.org\n"
        f"- Lập bằng: planmodel {version}\n"
        "- Lập lúc: 01/07/2023 09:30 UTC\n"
    )
    page = render_html(PLAN, TRACED, inputs=["plan.json"])
    assert f'<span class="label">Made with:</span> planmodel {version}</p>' in page
    assert "Made on" not in page  # not given: a report made twice is the same
    unsourced = attrs.evolve(PLAN, source=None)
    assert "Plan: not stated\n" in render_text(
        unsourced, evaluate(unsourced, SOURCED, "2023-06-30")
    )
