"""The Long Biên example: its plan file, its fidelity to the source, its readings of the
12 targets at and around every bound, and its command line.

The boundary cases compute each expected status by hand in a comment, from the
target's reading in ``examples/longbien_2020_2025.py`` (semantics.md §7).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import pytest

import planmodel
from helpers import PARTY_LEVELS, load_example, obs, run_example
from planmodel import Observation, PartialDate, Plan, Rated, Status

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PLAN_JSON = EXAMPLES / "longbien_2020_2025.json"
REAL = EXAMPLES / "longbien_observations.csv"
ILLUSTRATIVE = EXAMPLES / "longbien_illustrative.csv"
SOURCE_NAME = "longbien_2020_2025.vi.txt"

# Level ids of the task-completion scale, lowest first.
NOT_DONE, DONE, GOOD, EXCELLENT = PARTY_LEVELS


example = load_example("longbien_2020_2025")
build_plan: Callable[[], Plan] = example.build_plan
plan_json: Callable[[Plan], bytes] = example.plan_json


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan()


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return run_example("longbien_2020_2025", *args)


# -- (a), (b) the plan file ---------------------------------------------------------------


def test_committed_json_is_what_the_script_generates(plan: Plan) -> None:
    assert plan_json(plan) == PLAN_JSON.read_bytes(), (
        "regenerate with: python examples/longbien_2020_2025.py --write-json"
    )


def test_write_json_writes_the_same_bytes(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    done = run_script("--write-json", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == PLAN_JSON.read_bytes()


def test_committed_json_loads_and_round_trips(plan: Plan) -> None:
    loaded = planmodel.load_plan(str(PLAN_JSON))
    assert loaded == plan
    assert planmodel.dumps_plan(loaded).encode("utf-8") == PLAN_JSON.read_bytes()


# -- (c) fidelity to the source -------------------------------------------------------------


def _source_text() -> str:
    """The Vietnamese source, kept verbatim in the checkout's ``sources/``."""
    return (ROOT / "sources" / SOURCE_NAME).read_text("utf-8")


def _normal(text: str) -> str:
    """Whitespace is the only thing normalised: runs of any space become one space."""
    return " ".join(text.split())


def _numbered(lines: list[str], label: str) -> list[str]:
    """Statements numbered "1. …", "2. …" in order; the numbers are checked, then dropped."""
    found = []
    for index, line in enumerate(lines, start=1):
        number = re.match(r"(\d+)\. ", line)
        assert number is not None, f"{label}: {line[:40]}"
        assert int(number.group(1)) == index, f"{label}: {line[:40]}"
        found.append(line[number.end() :])
    return found


def source_statements(text: str) -> dict[str, list[str]]:
    """The source's objective paragraphs, directions, breakthroughs and targets, in order."""
    lines = [_normal(line) for line in text.splitlines() if line.strip()]

    def at(prefix: str) -> int:
        (index,) = [i for i, line in enumerate(lines) if line.startswith(prefix)]
        return index

    objective = at("Về mục tiêu tổng quát")
    directions = at("Về phương hướng")
    both = at("Về các khâu đột phá và các chỉ tiêu")
    breakthroughs = at("Về 2 khâu đột phá")
    targets = at("* 12 chỉ tiêu chủ yếu")
    labels = ("* Một là: ", "* Hai là: ")
    between = lines[breakthroughs + 1 : targets]
    assert [line[: len(label)] for line, label in zip(between, labels, strict=True)] == list(labels)
    return {
        "objective": lines[objective + 1 : directions],
        "directions": _numbered(lines[directions + 1 : both], "direction"),
        "breakthroughs": [line[len(label) :] for line, label in zip(between, labels, strict=True)],
        "targets": _numbered(lines[targets + 1 :], "target"),
    }


def plan_statements(plan: Plan) -> dict[str, list[str]]:
    return {
        "objective": [_normal(text["vi"]) for text in plan.objective],
        "directions": [_normal(item.text["vi"]) for item in plan.directions],
        "breakthroughs": [_normal(item.text["vi"]) for item in plan.breakthroughs],
        "targets": [_normal(item.text["vi"]) for item in plan.targets],
    }


def test_source_parser_finds_what_the_source_announces() -> None:
    # The introduction announces "5 phương hướng, nhiệm vụ trọng tâm, 2 khâu đột phá, 12 chỉ
    # tiêu chủ yếu"; the parser must find exactly that many statements of each kind.
    text = _source_text()
    counts = re.search(r"(\d+) phương hướng.*?(\d+) khâu đột phá, (\d+) chỉ tiêu", text)
    assert counts is not None
    found = source_statements(text)
    assert [len(found[key]) for key in ("directions", "breakthroughs", "targets")] == [
        int(n) for n in counts.groups()
    ]
    assert len(found["objective"]) == 2


@pytest.mark.parametrize("kind", ["objective", "directions", "breakthroughs", "targets"])
def test_every_statement_is_verbatim(plan: Plan, kind: str) -> None:
    # Equal statements in the same order: every sentence of each appears verbatim,
    # typos and punctuation included.
    assert plan_statements(plan)[kind] == source_statements(_source_text())[kind]


def test_provenance_matches_the_article(plan: Plan) -> None:
    lines = [_normal(line) for line in _source_text().splitlines() if line.strip()]
    assert plan.source is not None
    assert plan.source.title["vi"] in lines
    assert any(line.startswith("Ngày đăng 20/08/2020") for line in lines)
    assert plan.source.published == PartialDate(2020, 8, 20)
    assert plan.source_language == "vi"
    assert (plan.term.first, plan.term.last) == (2020, 2025)
    assert plan.jurisdiction is not None
    assert plan.jurisdiction["vi"] == "Quận Long Biên, Hà Nội"


def test_every_target_serves_a_direction_and_states_its_reading(plan: Plan) -> None:
    for target in plan.targets:
        assert target.directions, target.id
        assert target.notes is not None, target.id
        assert set(target.notes.languages) == {"en", "vi"}, target.id
        assert set(target.text.languages) == {"en", "vi"}, target.id


def test_rating_scale_runs_from_failed_to_excellent(plan: Plan) -> None:
    (scale,) = plan.scales
    assert [level.label["vi"] for level in scale.levels] == [
        "Không hoàn thành nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành xuất sắc nhiệm vụ",
    ]


# -- (d) each target at, just inside and just outside its bounds ----------------------------


def revenue(actual: str, estimate: str, year: int = 2023) -> list[Observation]:
    return [obs("budget_revenue", year, actual), obs("revenue_estimate", year, estimate)]


def spending(capital: str, total: str, year: int = 2023) -> list[Observation]:
    return [obs("capital_spending", year, capital), obs("total_spending", year, total)]


def judgement(
    plan: Plan,
    target: str,
    observations: Iterable[Observation],
    period: int | dt.date,
    as_of: str = "2025-12-31",
) -> planmodel.Judgement:
    """The judgement of one period of one target."""
    result = planmodel.evaluate(plan, list(observations), as_of).result(target)
    (found,) = [j for j in result.judgements if j.period == period]
    return found


# Every-year targets, judged on 2023 as of the end of the term.
YEARLY = [
    # T1: change of revenue vs the City's estimate, between 5 and 10 %, higher is better.
    # 1050 vs 1000: (1050 − 1000) / 1000 = +5 % -> on the lower bound, inclusive -> met.
    ("T1", revenue("1050", "1000"), Status.MET),
    # 1049.99 vs 1000: +4.999 % -> just below 5 -> not met.
    ("T1", revenue("1049.99", "1000"), Status.NOT_MET),
    # 1051 vs 1000: +5.1 % -> just inside -> met.
    ("T1", revenue("1051", "1000"), Status.MET),
    # 1100 vs 1000: +10 % -> on the upper bound, inclusive -> met.
    ("T1", revenue("1100", "1000"), Status.MET),
    # 1100.01 vs 1000: +10.001 % -> beyond the far bound on the better side -> exceeded.
    ("T1", revenue("1100.01", "1000"), Status.EXCEEDED),
    # 8760 vs 8760 (the real 2022 figures, as 2023 here): 0 % -> not met.
    ("T1", revenue("8760", "8760"), Status.NOT_MET),
    # 2100 vs 2000: +5 %, the same as 1050 vs 1000: relative change is unit-free -> met.
    ("T1", revenue("2100", "2000"), Status.MET),
    # T2: capital / total spending, between 50 and 55 %, read as higher is better.
    # 500 / 1000 = 50 % -> lower bound, inclusive -> met.
    ("T2", spending("500", "1000"), Status.MET),
    # 499.99 / 1000 = 49.999 % -> just below -> not met.
    ("T2", spending("499.99", "1000"), Status.NOT_MET),
    # 550 / 1000 = 55 % -> upper bound, inclusive -> met.
    ("T2", spending("550", "1000"), Status.MET),
    # 550.01 / 1000 = 55.001 % -> above, higher is better -> exceeded (a band: not met).
    ("T2", spending("550.01", "1000"), Status.EXCEEDED),
    # T3: cultured families between 91 and 93 %, higher is better.
    # 91 -> lower bound -> met; 90.99 -> below -> not met; 93 -> upper bound -> met;
    # 93.01 -> above the far bound, better side -> exceeded.
    ("T3", [obs("cultured_families", 2023, "91")], Status.MET),
    ("T3", [obs("cultured_families", 2023, "90.99")], Status.NOT_MET),
    ("T3", [obs("cultured_families", 2023, "93")], Status.MET),
    ("T3", [obs("cultured_families", 2023, "93.01")], Status.EXCEEDED),
    # T4: cultured residential groups at least 83 %: 83 -> met; 82.99 -> not met;
    # 83.01 -> met; 100 -> met (a floor has no far bound, so never exceeded).
    ("T4", [obs("cultured_residential_groups", 2023, "83")], Status.MET),
    ("T4", [obs("cultured_residential_groups", 2023, "82.99")], Status.NOT_MET),
    ("T4", [obs("cultured_residential_groups", 2023, "83.01")], Status.MET),
    ("T4", [obs("cultured_residential_groups", 2023, "100")], Status.MET),
    # T8: polluters under control at least 100 %: 100 -> met; 99.99 -> not met.
    ("T8", [obs("polluters_controlled", 2023, "100")], Status.MET),
    ("T8", [obs("polluters_controlled", 2023, "99.99")], Status.NOT_MET),
    # T9: waste collected within the day at least 100 %: 100 -> met; 99.9 -> not met.
    ("T9", [obs("waste_collected_same_day", 2023, "100")], Status.MET),
    ("T9", [obs("waste_collected_same_day", 2023, "99.9")], Status.NOT_MET),
    # T12: the lowest rating among the Front and the organisations, at least "good".
    # Lowest is "good" (5 good, 1 excellent) -> on the level -> met.
    ("T12", [obs("mass_organisations", 2023, {GOOD: 5, EXCELLENT: 1})], Status.MET),
    # Lowest is "completed" (one organisation), one level short -> not met.
    ("T12", [obs("mass_organisations", 2023, {DONE: 1, EXCELLENT: 5})], Status.NOT_MET),
    # A single rating "excellent" -> above the level -> met (a rating is never exceeded).
    ("T12", [obs("mass_organisations", 2023, Rated(EXCELLENT))], Status.MET),
]


@pytest.mark.parametrize(("target", "observations", "expected"), YEARLY)
def test_yearly_target_at_its_bounds(
    plan: Plan, target: str, observations: list[Observation], expected: Status
) -> None:
    assert judgement(plan, target, observations, 2023).status is expected


def test_a_gap_is_measured_in_the_measures_unit(plan: Plan) -> None:
    # T1 at +4 %: 1 percentage point short of +5 %. T12 at "completed": 1 level short.
    assert judgement(plan, "T1", revenue("1040", "1000"), 2023).gap == 1
    found = judgement(plan, "T12", [obs("mass_organisations", 2023, {DONE: 1, GOOD: 5})], 2023)
    assert found.value == DONE
    assert found.gap == 1


def _party(
    share: dict[str, int], grassroots: dict[str, int], year: int = 2023
) -> list[Observation]:
    return [
        obs("party_organisations", year, share),
        obs("grassroots_party_organisations", year, grassroots),
    ]


def _members(ratings: dict[str, int], new: str, year: int = 2023) -> list[Observation]:
    return [obs("party_members", year, ratings), obs("new_party_members", year, new)]


# All-of targets: the statuses of the two parts and of the whole, most severe part first.
ALL_OF = [
    # T10: share of party organisations "good" or better at least 95 %; grassroots
    # organisations rated "did not complete" at most 0.
    # 19 of 20 good = 95 % -> on the bound -> met; no grassroots failure -> met => met.
    ("T10", _party({GOOD: 19, DONE: 1}, {GOOD: 10, DONE: 2}), (Status.MET, Status.MET)),
    # Excellent counts as "good or better": 10 + 9 of 20 = 95 % -> met => met.
    (
        "T10",
        _party({EXCELLENT: 10, GOOD: 9, DONE: 1}, {GOOD: 12}),
        (Status.MET, Status.MET),
    ),
    # 37 of 39 = 94.87 % -> just below 95 -> not met => not met.
    ("T10", _party({GOOD: 37, DONE: 2}, {GOOD: 12}), (Status.NOT_MET, Status.MET)),
    # 100 % good, but one grassroots organisation failed: 1 > 0 -> not met => not met.
    (
        "T10",
        _party({EXCELLENT: 20}, {NOT_DONE: 1, GOOD: 48}),
        (Status.MET, Status.NOT_MET),
    ),
    # T11: share of members "good" or better at least 80 %; new members between 180 and
    # 200, higher is better.
    # 80 of 100 = 80 % -> met; 180 new -> lower bound -> met => met.
    ("T11", _members({GOOD: 80, DONE: 20}, "180"), (Status.MET, Status.MET)),
    # 79 % -> not met; 190 -> met => not met.
    ("T11", _members({GOOD: 79, DONE: 21}, "190"), (Status.NOT_MET, Status.MET)),
    # 80 % -> met; 179 -> just below 180 -> not met => not met.
    ("T11", _members({GOOD: 80, DONE: 20}, "179"), (Status.MET, Status.NOT_MET)),
    # 200 -> upper bound, inclusive -> met => met.
    ("T11", _members({EXCELLENT: 5, GOOD: 75, DONE: 20}, "200"), (Status.MET, Status.MET)),
    # 201 -> beyond the far bound, better side -> exceeded; the share only met, so the
    # whole takes the more severe of the two => met.
    ("T11", _members({GOOD: 80, DONE: 20}, "201"), (Status.MET, Status.EXCEEDED)),
]


@pytest.mark.parametrize(("target", "observations", "parts"), ALL_OF)
def test_all_of_target_at_its_bounds(
    plan: Plan, target: str, observations: list[Observation], parts: tuple[Status, Status]
) -> None:
    found = judgement(plan, target, observations, 2023)
    assert tuple(part.status for part in found.parts) == parts
    assert found.status is max(parts, key=lambda status: status.severity)


# Deadline targets. T5: at least 9 schools by 2025-12-31, no baseline. T6: coverage at
# least 95 % by 2025-12-31, baseline end of 2020. T7: poor households at most −75 % vs
# 2021-01-01, by 2025-12-31, baseline 2021-01-01.
FINAL = [
    # T5: 9 at the deadline -> met; 8 -> not met; 10 -> met (a floor).
    ("T5", [obs("high_quality_schools", 2025, 9)], Status.MET),
    ("T5", [obs("high_quality_schools", 2025, 8)], Status.NOT_MET),
    ("T5", [obs("high_quality_schools", 2025, 10)], Status.MET),
    # The latest figure by the deadline decides: 9 in 2023, then 8 in 2025 -> not met.
    (
        "T5",
        [obs("high_quality_schools", 2023, 9), obs("high_quality_schools", 2025, 8)],
        Status.NOT_MET,
    ),
    # T6: 95 at the end of 2025 -> on the bound -> met; 94.99 -> not met.
    (
        "T6",
        [
            obs("health_insurance_coverage", 2020, "90"),
            obs("health_insurance_coverage", 2025, "95"),
        ],
        Status.MET,
    ),
    (
        "T6",
        [
            obs("health_insurance_coverage", 2020, "90"),
            obs("health_insurance_coverage", 2025, "94.99"),
        ],
        Status.NOT_MET,
    ),
    # T7: 400 households on 2021-01-01, 100 at the end of 2025: (100 − 400) / 400 = −75 %
    # -> on the bound, inclusive -> met.
    (
        "T7",
        [obs("poor_households", "2021-01-01", 400), obs("poor_households", 2025, 100)],
        Status.MET,
    ),
    # 101: (101 − 400) / 400 = −74.75 % -> a smaller cut than ¾ -> not met.
    (
        "T7",
        [obs("poor_households", "2021-01-01", 400), obs("poor_households", 2025, 101)],
        Status.NOT_MET,
    ),
    # 99: −75.25 % -> a deeper cut; lower is better and there is no far bound -> met.
    (
        "T7",
        [obs("poor_households", "2021-01-01", 400), obs("poor_households", 2025, 99)],
        Status.MET,
    ),
]


@pytest.mark.parametrize(("target", "observations", "expected"), FINAL)
def test_deadline_target_at_the_deadline(
    plan: Plan, target: str, observations: list[Observation], expected: Status
) -> None:
    result = planmodel.evaluate(plan, observations, "2025-12-31").result(target)
    assert result.status is expected


# Interim figures as of 2024-06-30, against the straight line from the baseline (at its
# date) to the target (at 2025-12-31), measured in years; a year counts as of its last day.
INTERIM = [
    # T6: from 90 % at the end of 2020 to 95 % at the end of 2025, five years. At the end
    # of 2023, three years on, the line stands at 90 + 5 × 3 / 5 = 93 %.
    # 93 is on the line -> on track; 92.99 is below it -> off track.
    (
        "T6",
        [
            obs("health_insurance_coverage", 2020, "90"),
            obs("health_insurance_coverage", 2023, "93"),
        ],
        Status.ON_TRACK,
        "93.00000",
    ),
    (
        "T6",
        [
            obs("health_insurance_coverage", 2020, "90"),
            obs("health_insurance_coverage", 2023, "92.99"),
        ],
        Status.OFF_TRACK,
        "93.00000",
    ),
    # T7: from 0 % on 2021-01-01 (1/365 of a year after 2020) to −75 % at the end of 2025.
    # At the end of 2023, (3 − 1/365) of (5 − 1/365) years on, the line stands at
    # −75 × 1094 / 1824 = −44.98355 %. Lower is better:
    # 220 households = −45 % is at or below the line -> on track; 221 = −44.75 % is
    # above it -> off track.
    (
        "T7",
        [obs("poor_households", "2021-01-01", 400), obs("poor_households", 2023, 220)],
        Status.ON_TRACK,
        "-44.98355",
    ),
    (
        "T7",
        [obs("poor_households", "2021-01-01", 400), obs("poor_households", 2023, 221)],
        Status.OFF_TRACK,
        "-44.98355",
    ),
]


@pytest.mark.parametrize(("target", "observations", "expected", "line"), INTERIM)
def test_deadline_target_before_the_deadline(
    plan: Plan, target: str, observations: list[Observation], expected: Status, line: str
) -> None:
    result = planmodel.evaluate(plan, observations, "2024-06-30").result(target)
    assert result.status is expected
    (found,) = [j for j in result.judgements if j.period == 2023]
    assert found.status is expected
    assert found.expected is not None
    assert found.expected.quantize(Decimal("0.00001")) == Decimal(line)


def test_interim_figure_without_a_baseline_is_pending(plan: Plan) -> None:
    # T5 names no starting count: 8 schools in 2023 is shown, not judged.
    result = planmodel.evaluate(plan, [obs("high_quality_schools", 2023, 8)], "2024-06-30")
    assert result.result("T5").status is Status.PENDING


def test_every_year_target_over_time(plan: Plan) -> None:
    # T3 at 94 % every year: each year exceeded. Mid-2025, with 2025 still open, the
    # target is on track; at the end of 2025 every year is exceeded, so the target is.
    figures = [obs("cultured_families", year, "94") for year in range(2021, 2026)]
    assert planmodel.evaluate(plan, figures, "2025-06-30").result("T3").status is Status.ON_TRACK
    assert planmodel.evaluate(plan, figures, "2025-12-31").result("T3").status is Status.EXCEEDED
    # A missing year is no data, never silently passed over.
    gap = [f for f in figures if f.period != 2022]
    assert planmodel.evaluate(plan, gap, "2025-12-31").result("T3").status is Status.NO_DATA


# -- (e) the real figures and the command line ----------------------------------------------


def test_real_figures_load_with_their_sources(plan: Plan) -> None:
    observations = planmodel.load_observations(REAL, plan)
    assert len(observations) == 6
    for observation in observations:
        assert observation.source, observation
        assert observation.note, observation


def test_what_the_real_figures_say(plan: Plan) -> None:
    observations = planmodel.load_observations(REAL, plan)
    evaluation = planmodel.evaluate(plan, observations, example.AS_OF)
    statuses = {result.target: result.status for result in evaluation.targets}
    # 2022 revenue at 100 % of the estimate: 0 % above it, not 5-10 % -> not met.
    assert statuses["T1"] is Status.NOT_MET
    # Four schools in November 2023: no baseline, so shown but not judged.
    assert statuses["T5"] is Status.PENDING
    # No interim figure for coverage or poverty: nothing to judge before the deadline.
    assert statuses["T6"] is statuses["T7"] is Status.PENDING
    # Everything else lacks at least one due year.
    assert {statuses[f"T{n}"] for n in (2, 3, 4, 8, 9, 10, 11, 12)} == {Status.NO_DATA}
    # The figures that exist are judged: 94.10 % families (2023) above 93 %, 93.27 %
    # residential groups (2023) at least 83 %, 185 new members (2022) within 180-200.
    t3 = evaluation.result("T3").judgements
    assert [j.status for j in t3 if j.period == 2023] == [Status.EXCEEDED]
    t4 = evaluation.result("T4").judgements
    assert [j.status for j in t4 if j.period == 2023] == [Status.MET]
    t11 = evaluation.result("T11").judgements
    assert [j.parts[1].status for j in t11 if j.period == 2022] == [Status.MET]


def test_default_run_prints_the_report_with_its_caveats() -> None:
    done = run_script()
    assert done.returncode == 0, done.stderr
    assert "16/16" in done.stdout
    assert "Real public figures exist for few of the 12 targets" in done.stdout
    assert "evaluated as of 2025-06-30" in done.stdout
    for number in range(1, 13):
        assert f"T{number} " in done.stdout


def test_run_in_vietnamese() -> None:
    done = run_script("--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert "16/16" in done.stdout
    assert "Văn kiện Đại hội Đảng bộ quận Long Biên lần thứ IV" in done.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--as-of", "2025-13-01"], 2, "expected a date YYYY-MM-DD"),
        (["--lang", "fr"], 2, "invalid choice"),
        (["--observations", "no/such/file.csv"], 1, "no/such/file.csv"),
        (["--write-json", "no/such/dir/plan.json"], 1, "cannot write no/such/dir/plan.json"),
    ],
)
def test_bad_arguments_give_a_message_not_a_traceback(
    args: list[str], code: int, message: str
) -> None:
    done = run_script(*args)
    assert done.returncode == code
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_figure_that_does_not_fit_is_reported_with_its_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("metric,period,value\nbudget_revenu,2023,10\n", encoding="utf-8")
    done = run_script("--observations", str(bad))
    assert done.returncode == 1
    assert "row 2" in done.stderr
    assert "budget_revenue" in done.stderr  # the closest known metric is suggested
    assert "Traceback" not in done.stderr


# -- the illustrative figures ---------------------------------------------------------------


def test_illustrative_figures_are_labelled_as_such(plan: Plan) -> None:
    observations = planmodel.load_observations(ILLUSTRATIVE, plan)
    assert all("illustrative" in (o.note or "") for o in observations)
    done = run_script("--observations", str(ILLUSTRATIVE))
    assert done.returncode == 0, done.stderr
    assert "ILLUSTRATIVE FIGURES" in done.stdout
    assert "16/16" not in done.stdout


def _statuses(judgements: Iterable[planmodel.Judgement]) -> set[Status]:
    found: set[Status] = set()
    for j in judgements:
        found |= {j.status} | _statuses(j.parts)
    return found


def test_illustrative_figures_show_every_status(plan: Plan) -> None:
    observations = planmodel.load_observations(ILLUSTRATIVE, plan)
    # Mid-2025, targets are not met, off track, without data, pending and on track; no
    # target can be met yet (2025 is open), but single years are met and exceeded.
    mid = planmodel.evaluate(plan, observations, example.AS_OF)
    targets = {result.target: result.status for result in mid.targets}
    assert set(targets.values()) == {
        Status.NOT_MET,
        Status.OFF_TRACK,
        Status.NO_DATA,
        Status.PENDING,
        Status.ON_TRACK,
    }
    periods = _statuses(j for result in mid.targets for j in result.judgements)
    # The plan states no tolerance ("khoảng"), so nothing is nearly met.
    assert periods | set(targets.values()) == set(Status) - {Status.NEARLY_MET}
    # At the end of the term, targets are met and exceeded too.
    end = planmodel.evaluate(plan, observations, "2025-12-31")
    assert {Status.MET, Status.EXCEEDED} <= {result.status for result in end.targets}
