"""The national example: Viet Nam's targets for 2021-2025, its plan file, its fidelity to
the source, each target on, just inside and just outside its bounds and tolerances, and
the verdicts of the published figures.

The boundary cases compute each expected status by hand in a comment, from the target's
reading in ``examples/vietnam_2021_2025.py``.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import planmodel
from helpers import load_example, run_example
from planmodel import Observation, Plan, Status

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PLAN_JSON = EXAMPLES / "vietnam_2021_2025.json"
FIGURES = EXAMPLES / "vietnam_observations.csv"
SOURCE = ROOT / "sources" / "vietnam_2021_2025.vi.txt"


example = load_example("vietnam_2021_2025")
build_plan: Callable[[], Plan] = example.build_plan
plan_json: Callable[[Plan], bytes] = example.plan_json


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan()


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return run_example("vietnam_2021_2025", *args)


# -- the plan file -------------------------------------------------------------------------


def test_committed_json_is_what_the_script_generates(plan: Plan) -> None:
    assert plan_json(plan) == PLAN_JSON.read_bytes(), (
        "regenerate with: python examples/vietnam_2021_2025.py --write-json"
    )


def test_committed_json_loads_and_round_trips(plan: Plan) -> None:
    loaded = planmodel.load_plan(str(PLAN_JSON))
    assert loaded == plan
    assert planmodel.dumps_plan(loaded).encode("utf-8") == PLAN_JSON.read_bytes()


def test_the_plan_has_the_23_targets_and_one_sub_target(plan: Plan) -> None:
    top = [target.id for target in plan.targets if target.part_of is None]
    assert top == [f"T{number}" for number in range(1, 24)]
    assert [target.id for target in plan.parts_of("T15")] == ["T15.1"]


# -- fidelity to the source ----------------------------------------------------------------


def _normal(text: str) -> str:
    """Whitespace is the only thing normalised: runs of any space become one space."""
    return " ".join(text.split())


def statements(plan: Plan) -> list[str]:
    """Every Vietnamese statement of the plan: its title, objective, targets and parts."""
    found = [plan.title["vi"], *(text["vi"] for text in plan.objective)]
    for target in plan.targets:
        found.append(target.text["vi"])
        for text, _, _ in target.condition.components(target.measure):
            if text is not None:
                found.append(text["vi"])
    return found


def test_every_vietnamese_statement_is_quoted_verbatim(plan: Plan) -> None:
    source = _normal(SOURCE.read_text("utf-8"))
    missing = [statement for statement in statements(plan) if _normal(statement) not in source]
    assert missing == []


# -- each target at and around its bounds ---------------------------------------------------


def years(metric: str, figure: object, first: int = 2021, last: int = 2025) -> list[Observation]:
    return [Observation(metric, year, figure) for year in range(first, last + 1)]


def in_2025(metric: str, figure: object, **breakdown: str) -> list[Observation]:
    return [Observation(metric, 2025, figure, breakdown=breakdown)]


AFTER = "2026-06-30"

BOUNDS: list[tuple[str, list[Observation], str]] = [
    # T1: compounded average of five equal yearly rates is that rate; between 6.5 and 7,
    # nearly met from 6.45.
    ("T1", years("gdp_growth", "6.5"), "met"),
    ("T1", years("gdp_growth", "7"), "met"),
    ("T1", years("gdp_growth", "7.01"), "exceeded"),
    ("T1", years("gdp_growth", "6.45"), "nearly_met"),
    ("T1", years("gdp_growth", "6.44"), "not_met"),
    # T2: the 2025 figure, 4,700-5,000 USD, nearly met from 4,650.
    ("T2", in_2025("gdp_per_capita_usd", 4700), "met"),
    ("T2", in_2025("gdp_per_capita_usd", 5000), "met"),
    ("T2", in_2025("gdp_per_capita_usd", 5001), "exceeded"),
    ("T2", in_2025("gdp_per_capita_usd", 4650), "nearly_met"),
    ("T2", in_2025("gdp_per_capita_usd", 4649), "not_met"),
    # T3: the mean contribution 2021-2025, at least 45, nearly met from 44.5.
    ("T3", years("tfp_contribution", 45), "met"),
    ("T3", years("tfp_contribution", "44.5"), "nearly_met"),
    ("T3", years("tfp_contribution", "44.49"), "not_met"),
    # T4: strictly above 6.5: 6.5 itself is not met.
    ("T4", years("labour_productivity_growth", "6.5"), "not_met"),
    ("T4", years("labour_productivity_growth", "6.51"), "met"),
    # T5, T7: at least 45 (20), nearly met from 44.5 (19.5).
    ("T5", in_2025("urbanisation_rate", 45), "met"),
    ("T5", in_2025("urbanisation_rate", "44.5"), "nearly_met"),
    ("T5", in_2025("urbanisation_rate", "44.49"), "not_met"),
    ("T7", in_2025("digital_economy_share_gdp", 20), "met"),
    ("T7", in_2025("digital_economy_share_gdp", "19.5"), "nearly_met"),
    ("T7", in_2025("digital_economy_share_gdp", "19.49"), "not_met"),
    # T6: strictly above 25.
    ("T6", in_2025("manufacturing_share_gdp", 25), "not_met"),
    ("T6", in_2025("manufacturing_share_gdp", "25.01"), "met"),
    # T8: at most 25, nearly met up to 25.5.
    ("T8", in_2025("agri_labour_share", 25), "met"),
    ("T8", in_2025("agri_labour_share", 20), "met"),
    ("T8", in_2025("agri_labour_share", "25.5"), "nearly_met"),
    ("T8", in_2025("agri_labour_share", "25.51"), "not_met"),
    # T9, T13, T15, T15.1, T17-T19: at least the figure, no tolerance.
    ("T9", in_2025("trained_labour_share", 70), "met"),
    ("T9", in_2025("trained_labour_share", "69.99"), "not_met"),
    ("T13", in_2025("health_insurance_coverage", 95), "met"),
    ("T13", in_2025("health_insurance_coverage", "94.99"), "not_met"),
    ("T15", in_2025("ntm_commune_share", 80), "met"),
    ("T15", in_2025("ntm_commune_share", "79.99"), "not_met"),
    ("T15.1", in_2025("ntm_model_commune_share", 10), "met"),
    ("T15.1", in_2025("ntm_model_commune_share", "9.99"), "not_met"),
    ("T17", in_2025("urban_solid_waste_treated_share", 90), "met"),
    ("T17", in_2025("urban_solid_waste_treated_share", "89.99"), "not_met"),
    ("T18", in_2025("industrial_zone_wastewater_share", 92), "met"),
    ("T18", in_2025("industrial_zone_wastewater_share", "91.99"), "not_met"),
    ("T19", in_2025("serious_polluters_treated_share", 100), "met"),
    ("T19", in_2025("serious_polluters_treated_share", "99.99"), "not_met"),
    # T10: strictly below 4 in 2025.
    ("T10", in_2025("urban_unemployment_rate", 4), "not_met"),
    ("T10", in_2025("urban_unemployment_rate", "3.99"), "met"),
    # T11: yearly falls of 1-1.5 points, 2022-2025; a larger fall exceeds.
    (
        "T11",
        # 6 → 5 → 3.5 → 2.3 → 1: falls of 1, 1.5, 1.2 and 1.3 points.
        [
            Observation("multidim_poverty_rate", year, rate)
            for year, rate in zip(range(2021, 2026), ("6", "5", "3.5", "2.3", "1"), strict=True)
        ],
        "met",
    ),
    (
        "T11",
        [Observation("multidim_poverty_rate", y, 10 - 2 * (y - 2021)) for y in range(2021, 2026)],
        "exceeded",
    ),
    (
        "T11",
        [
            Observation("multidim_poverty_rate", y, 10 - Decimal("0.99") * (y - 2021))
            for y in range(2021, 2026)
        ],
        "not_met",
    ),
    # T12: both parts.
    ("T12", in_2025("doctors_per_10k", 10) + in_2025("hospital_beds_per_10k", 30), "met"),
    ("T12", in_2025("doctors_per_10k", "9.99") + in_2025("hospital_beds_per_10k", 30), "not_met"),
    ("T12", in_2025("doctors_per_10k", 10) + in_2025("hospital_beds_per_10k", "29.99"), "not_met"),
    # T14: at least 74.5, nearly met from 74.45.
    ("T14", in_2025("life_expectancy", "74.5"), "met"),
    ("T14", in_2025("life_expectancy", "74.45"), "nearly_met"),
    ("T14", in_2025("life_expectancy", "74.44"), "not_met"),
    # T16: urban 95-100 and rural 93-95; above a band's top is exceeded, but the target
    # is exceeded only when both parts are.
    (
        "T16",
        in_2025("clean_water_share", 95, area="urban")
        + in_2025("clean_water_share", 93, area="rural"),
        "met",
    ),
    (
        "T16",
        in_2025("clean_water_share", 101, area="urban")
        + in_2025("clean_water_share", 96, area="rural"),
        "exceeded",
    ),
    (
        "T16",
        in_2025("clean_water_share", 101, area="urban")
        + in_2025("clean_water_share", 94, area="rural"),
        "met",
    ),
    (
        "T16",
        in_2025("clean_water_share", 95, area="urban")
        + in_2025("clean_water_share", "92.99", area="rural"),
        "not_met",
    ),
    # T20: at least 42 every year.
    ("T20", years("forest_cover", 42), "met"),
    ("T20", years("forest_cover", 42)[:4] + in_2025("forest_cover", "41.99"), "not_met"),
    # T21: the mean deficit, at most 3.7.
    ("T21", years("budget_deficit_gdp", "3.7"), "met"),
    ("T21", years("budget_deficit_gdp", "3.71"), "not_met"),
    # T22, T23: ceilings every year (the warning levels are checked below).
    ("T22", years("public_debt_gdp", 60), "met"),
    ("T22", years("public_debt_gdp", "60.01"), "not_met"),
    ("T23", years("government_debt_gdp", 50), "met"),
    ("T23", years("government_debt_gdp", "50.01"), "not_met"),
]


@pytest.mark.parametrize(
    ("target", "figures", "status"),
    BOUNDS,
    ids=[f"{target}-{index}" for index, (target, _, _) in enumerate(BOUNDS)],
)
def test_each_target_on_and_around_its_bounds(
    plan: Plan, target: str, figures: list[Observation], status: str
) -> None:
    found = planmodel.evaluate(plan, figures, AFTER).result(target)
    assert found.status.value == status


@pytest.mark.parametrize(
    ("target", "figure", "warning"),
    [("T22", "55", False), ("T22", "55.01", True), ("T23", "45", False), ("T23", "45.01", True)],
)
def test_debt_past_its_safe_threshold_is_met_with_a_warning(
    plan: Plan, target: str, figure: str, warning: bool
) -> None:
    metric = {"T22": "public_debt_gdp", "T23": "government_debt_gdp"}[target]
    found = planmodel.evaluate(plan, years(metric, figure), AFTER).result(target)
    assert found.status is Status.MET
    assert {judged.warning for judged in found.judgements} == {warning}


def test_an_average_with_years_missing_names_them(plan: Plan) -> None:
    figures = [Observation("budget_deficit_gdp", year, 3) for year in (2021, 2022, 2024)]
    evaluation = planmodel.evaluate(plan, figures, AFTER)
    (judged,) = evaluation.result("T21").judgements
    assert evaluation.say(judged.reason) == (
        "no figures for state budget deficit, share of GDP in 2023 and 2025"
    )


# -- the published figures ------------------------------------------------------------------


def published(plan: Plan) -> planmodel.Observations:
    return planmodel.load_observations(FIGURES, plan)


def test_every_published_figure_names_its_source(plan: Plan) -> None:
    with FIGURES.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows
    for row in rows:
        assert row["source"].strip(), row
        assert "http" in row["source"], row
        assert row["note"].strip(), row
    assert len(published(plan)) == len(rows)


#: The verdicts of the published figures: mid-2025, before the end of the term, and a
#: year after it, with the figures for 2025 in.
MID_2025 = {
    "T1": "pending",
    "T2": "on_track",
    "T3": "pending",
    "T4": "pending",
    "T5": "pending",
    "T6": "pending",
    "T7": "off_track",
    "T8": "no_data",  # a 2021 figure, but none for 2020 to draw the line from
    "T9": "on_track",  # 69% in 2024 against a line at 68.9%
    "T10": "pending",
    "T11": "not_met",
    "T12": "no_data",  # no 2020 figure of hospital beds: the line cannot be drawn
    "T13": "off_track",  # 94.1% in 2024 against a line at 94.17%
    "T14": "on_track",
    "T15": "pending",
    "T15.1": "pending",
    "T16": "pending",
    "T17": "pending",
    "T18": "pending",
    "T19": "pending",
    "T20": "on_track",
    "T21": "pending",
    "T22": "on_track",
    "T23": "on_track",
}


def test_the_published_figures_in_mid_2025(plan: Plan) -> None:
    found = planmodel.evaluate(plan, published(plan), "2025-06-30")
    assert {result.target: result.status.value for result in found.targets} == MID_2025


#: A year after the term, with the figures for 2025 in: each verdict worked out by hand
#: from examples/vietnam_observations.csv.
AFTER_THE_TERM = {
    "T1": "not_met",  # 2.55, 8.12, 5.05, 7.09, 8.02 compound to ≈6.14% a year, below 6.45
    "T2": "exceeded",  # 5,026 USD, above 5,000
    "T3": "no_data",  # no TFP figure for any year
    "T4": "no_data",  # no labour-productivity figure for 2025
    "T5": "met",  # 45%
    "T6": "no_data",  # no manufacturing share on the target's basis
    "T7": "not_met",  # 14.02%, far below 19.5
    "T8": "no_data",  # no agricultural share of employment for 2025
    "T9": "met",  # 70%
    "T10": "met",  # 2.51%, below 4
    "T11": "not_met",  # 2022 fell by 0.37 points, less than 1
    "T12": "met",  # 15 doctors and 34.5 beds
    "T13": "met",  # 95.15%
    "T14": "met",  # 74.8 years
    "T15": "not_met",  # 79.3% in June 2025, the year's latest figure; no tolerance
    "T15.1": "met",  # 12.3%, above 10
    "T16": "no_data",  # urban 99% met, rural 2025 missing
    "T17": "no_data",
    "T18": "no_data",
    "T19": "no_data",
    "T20": "met",  # 42.02-42.03% each year
    "T21": "met",  # 2.52, 3.6, 2.83, 3.4, 3.6 average 3.19%, below 3.7
    "T22": "no_data",  # no public debt figure for 2025
    "T23": "no_data",  # no government debt figure for 2025
}


def test_the_published_figures_after_the_term(plan: Plan) -> None:
    found = planmodel.evaluate(plan, published(plan), example.AS_OF)
    assert {result.target: result.status.value for result in found.targets} == AFTER_THE_TERM


# -- the script and the command line, as a reader runs them ------------------------------


def test_the_script_prints_the_caveats_then_the_report() -> None:
    done = run_script()
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    first, rest = done.stdout.split("\n\n", 1)
    assert first.startswith("Figures: examples/vietnam_observations.csv")
    assert "Resolution 16/2021/QH15" in first
    assert f"evaluated as of {example.AS_OF.isoformat()}" in rest
    verdicts = list(AFTER_THE_TERM.values())
    counts = {status: verdicts.count(status) for status in verdicts}
    assert f"{counts['not_met']} ✗ not met" in rest
    assert f"{counts['met']} ✓ met" in rest


def test_the_script_speaks_vietnamese() -> None:
    done = run_script("--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Số liệu: examples/vietnam_observations.csv")
    assert "không đạt" in done.stdout
    assert "Định hướng các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội" in done.stdout
    assert "Tổng hợp: 24 chỉ tiêu: 4 ✗ không đạt" in done.stdout


def test_the_script_judges_as_of_another_day() -> None:
    done = run_script("--as-of", "2025-06-30")
    assert done.returncode == 0, done.stderr
    assert "evaluated as of 2025-06-30" in done.stdout
    pending = list(MID_2025.values()).count("pending")
    assert f"{pending} · pending" in done.stdout


def test_the_script_refuses_a_bad_date_with_its_usage() -> None:
    done = run_script("--as-of", "30/06/2025")
    assert done.returncode == 2
    assert "expected a date YYYY-MM-DD, got '30/06/2025'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_script_names_a_figure_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "figures.csv"
    bad.write_text("metric,period,value\ngdp_growth,2025,fast\n", encoding="utf-8")
    done = run_script("--observations", str(bad))
    assert done.returncode == 1
    assert "row 2" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_script_writes_the_plan_file(tmp_path: Path) -> None:
    written = tmp_path / "plan.json"
    done = run_script("--write-json", str(written))
    assert done.returncode == 0, done.stderr
    assert written.read_bytes() == PLAN_JSON.read_bytes()


def test_the_command_line_judges_the_committed_files(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planmodel",
            "evaluate",
            str(PLAN_JSON),
            str(FIGURES),
            "--as-of",
            example.AS_OF.isoformat(),
            "--format",
            "html",
            "--output",
            str(report),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    for target in AFTER_THE_TERM:
        assert f'id="target-{target}"' in page, target
    # Each figure links to the note on its source, and the note names it.
    assert '<a href="#source-1">1</a>' in page
    assert "vietnamplus.vn" in page
