"""The ``planmodel`` command, run in-process through ``main`` and once as ``python -m``."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import planmodel
from planmodel.cli import main

# A small invented plan: health-insurance coverage by a deadline, waste collection every year.
PLAN = """{
  "schema": "planmodel/1",
  "id": "example_ward",
  "title": {"vi": "Kế hoạch phường mẫu 2021-2023", "en": "Example ward plan 2021-2023"},
  "jurisdiction": {"vi": "Phường mẫu", "en": "Example ward"},
  "term": {"first": 2021, "last": 2023},
  "adopted": "2021-01-15",
  "source": {"title": {"vi": "Nghị quyết"}, "url": "https://example.org",
             "published": "2021-01-20"},
  "source_language": "vi",
  "objective": [{"vi": "Phát triển bền vững", "en": "Sustainable growth"}],
  "directions": [{"id": "d1", "text": {"vi": "Chăm lo sức khỏe", "en": "Health care"}}],
  "metrics": [
    {"id": "coverage", "name": {"vi": "bảo hiểm y tế", "en": "health insurance coverage"},
     "unit": "percent", "better": "higher"},
    {"id": "waste", "name": {"vi": "rác thải được thu gom", "en": "waste collected"},
     "unit": "percent", "better": "higher"}
  ],
  "targets": [
    {"id": "t1", "text": {"vi": "Bảo hiểm y tế đạt 95%", "en": "Health insurance 95%"},
     "measure": {"kind": "value", "metric": "coverage"},
     "condition": {"kind": "at_least", "value": 95},
     "schedule": {"kind": "by_deadline", "deadline": "2023-12-31", "baseline": 2020},
     "directions": ["d1"]},
    {"id": "t2", "text": {"vi": "Thu gom 100% rác thải", "en": "Collect all waste"},
     "measure": {"kind": "value", "metric": "waste"},
     "condition": {"kind": "at_least", "value": 100},
     "schedule": {"kind": "every_year", "first": 2021, "last": 2023}}
  ]
}
"""

# As of 2023-06-30: t1 is on track (93.5 above the line from 90 to 95), t2 is not met (98 in 2022).
OBSERVATIONS = """{
  "schema": "planmodel-observations/1",
  "observations": [
    {"metric": "coverage", "period": 2020, "value": 90},
    {"metric": "coverage", "period": 2022, "value": 93.5},
    {"metric": "waste", "period": 2021, "value": 100},
    {"metric": "waste", "period": 2022, "value": 98}
  ]
}
"""

OBSERVATIONS_CSV = """metric,period,value,source
coverage,2020,90,
coverage,2022,93.5,
waste,2021,100,
waste,2022,98,
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def observations(tmp_path: Path) -> Path:
    path = tmp_path / "figures.json"
    path.write_text(OBSERVATIONS, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def evaluate_args(plan: Path, observations: Path, *more: str) -> list[str | Path]:
    return ["evaluate", plan, observations, "--as-of", "2023-06-30", *more]


# -- validate and show ----------------------------------------------------------------------


def test_validate_prints_ok_and_a_summary(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, out, err = run(capsys, "validate", plan)
    assert code == 0
    assert out == "ok: example_ward, term 2021-2023: 1 direction, 0 breakthroughs, 2 targets\n"
    assert err == ""


def test_validate_lists_every_problem_with_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = PLAN.replace('"value": 95', '"value": "95"').replace(
        '"metric": "waste"', '"metrc": "waste"'
    )
    path = tmp_path / "broken.json"
    path.write_text(broken, encoding="utf-8")
    code, out, err = run(capsys, "validate", path)
    assert code == 2
    assert out == ""
    assert f"{path}: 3 problems found" in err
    assert '$.targets[0].condition.value: expected a number, got "95"' in err
    assert "$.targets[1].measure.metric: required key missing" in err
    assert "$.targets[1].measure.metrc: unknown key; expected one of: kind, metric" in err


def test_validate_strict_names_exactly_what_a_published_plan_lacks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The example plan states everything but who adopted it; this one states no more
    # than the jurisdiction and a source without a web address.
    lacking = PLAN.replace('"adopted": "2021-01-15",\n', "").replace(
        '"url": "https://example.org",\n             ', ""
    )
    path = tmp_path / "lacking.json"
    path.write_text(lacking, encoding="utf-8")
    assert run(capsys, "validate", path)[0] == 0
    code, out, err = run(capsys, "validate", "--strict", path)
    assert code == 1
    assert out == ""
    assert err == (
        f"planmodel: {path}: valid, but not publishable: 3 things missing\n"
        '  $.adopted: missing; a published plan says when it was adopted: "2021", '
        '"2021-02" or "2021-02-26"\n'
        "  $.adopted_by: missing; a published plan says who adopted it\n"
        "  $.source.url: missing; a published plan gives the web address of its text\n"
    )


def test_validate_strict_passes_a_plan_that_states_its_provenance(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    complete = PLAN.replace(
        '"adopted": "2021-01-15",', '"adopted": "2021-01", "adopted_by": {"vi": "HĐND phường"},'
    )
    path = tmp_path / "complete.json"
    path.write_text(complete, encoding="utf-8")
    code, out, err = run(capsys, "validate", "--strict", path)
    assert (code, err) == (0, "")
    assert out.startswith("ok: example_ward")


def test_validate_strict_reports_an_invalid_plan_as_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(PLAN.replace('"value": 95', '"value": "95"'), encoding="utf-8")
    code, _, err = run(capsys, "validate", "--strict", path)
    assert code == 2
    assert "$.targets[0].condition.value" in err


def test_validate_strict_names_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PLAN)
    code, _, err = run(capsys, "validate", "-", "--strict")
    assert code == 1
    assert err.startswith("planmodel: <stdin>: valid, but not publishable: 1 thing missing\n")


BAD_FILES = {
    "malformed JSON": ('{"schema": "planmodel/1", "id": ', "not valid JSON"),
    "a wrong type": (PLAN.replace('"first": 2021', '"first": "2021"'), "$.term.first"),
    "an unknown key": (PLAN.replace('"adopted":', '"adoptd": "x", "adopted":'), "$.adoptd"),
    "an unknown version": (PLAN.replace("planmodel/1", "planmodel/9"), "$.schema"),
    "a number too large to compute with": (
        PLAN.replace('"value": 95', '"value": 1e400'),
        "$.targets[0].condition.value: 1E+400 is larger than planmodel computes exactly",
    ),
    "nesting deeper than Python reads": ("[" * 100_000 + "]" * 100_000, "nested deeper"),
}


@pytest.mark.parametrize("case", BAD_FILES.values(), ids=BAD_FILES.keys())
@pytest.mark.parametrize("command", ["validate", "show", "evaluate"])
def test_a_bad_plan_file_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    observations: Path,
    command: str,
    case: tuple[str, str],
) -> None:
    text, expected = case
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    argv: list[str | Path] = [command, path]
    if command == "evaluate":
        argv.append(observations)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert str(path) in err
    assert expected in err


def test_a_missing_file_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.json"
    code, _, err = run(capsys, "validate", missing)
    assert code == 2
    assert (
        err == f"planmodel: cannot read the plan file {str(missing)!r}: No such file or directory\n"
    )


def test_show_prints_the_plan_in_words(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, out, _ = run(capsys, "show", plan)
    assert code == 0
    assert out.startswith("Example ward plan 2021-2023\n")
    assert "1. [t1] Health insurance 95%" in out
    assert "→ health insurance coverage at least 95%, by 2023-12-31" in out
    assert "serves: d1" in out
    code, out, _ = run(capsys, "show", plan, "--lang", "vi")
    assert "→ bảo hiểm y tế từ 95% trở lên, đến ngày 31/12/2023" in out


# -- evaluate -------------------------------------------------------------------------------


def test_evaluate_prints_a_text_report(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path
) -> None:
    code, out, _ = run(capsys, *evaluate_args(plan, observations))
    assert code == 0
    assert "Summary: 2 targets: 1 ✗ not met, 1 → on track" in out
    assert "\x1b[" not in out  # captured output is not a terminal


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "evaluated as of 2023-06-30"),
        ("markdown", "| Period | Value | Status | Gap | Progress | Expected | Note |"),
        ("html", "<!DOCTYPE html>"),
        ("json", '"schema": "planmodel-evaluation/1"'),
    ],
)
def test_evaluate_in_each_format(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, fmt: str, expected: str
) -> None:
    code, out, _ = run(capsys, *evaluate_args(plan, observations, "--format", fmt))
    assert code == 0
    assert expected in out


def test_evaluate_json_is_the_evaluation(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path
) -> None:
    _, out, _ = run(capsys, *evaluate_args(plan, observations, "--format", "json"))
    document = json.loads(out)
    assert document["as_of"] == "2023-06-30"
    assert [t["status"] for t in document["targets"]] == ["on_track", "not_met"]


def test_evaluate_reads_csv(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path) -> None:
    figures = tmp_path / "figures.csv"
    figures.write_text(OBSERVATIONS_CSV, encoding="utf-8")
    code, out, _ = run(capsys, *evaluate_args(plan, figures, "--format", "json"))
    assert code == 0
    assert [t["status"] for t in json.loads(out)["targets"]] == ["on_track", "not_met"]


def test_evaluate_names_the_csv_row_of_a_bad_figure(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path
) -> None:
    figures = tmp_path / "figures.csv"
    figures.write_text(OBSERVATIONS_CSV.replace("waste,2021,100", "waste,2021,lots"), "utf-8")
    code, out, err = run(capsys, *evaluate_args(plan, figures))
    assert code == 2
    assert out == ""
    assert str(figures) in err
    assert "row 4, column value" in err


def test_evaluate_names_an_observation_that_does_not_fit_the_plan(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path
) -> None:
    figures = tmp_path / "figures.json"
    figures.write_text(
        OBSERVATIONS.replace(
            '"metric": "waste", "period": 2022', '"metric": "wastes", "period": 2022'
        ),
        "utf-8",
    )
    code, _, err = run(capsys, *evaluate_args(plan, figures))
    assert code == 2
    assert "$.observations[3]: unknown metric 'wastes'; did you mean 'waste'?" in err


def test_evaluate_writes_the_report_to_a_file(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    code, out, _ = run(
        capsys,
        *evaluate_args(
            plan, observations, "--format", "html", "--output", str(report), "--lang", "vi"
        ),
    )
    assert code == 0
    assert out == ""
    page = report.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Kế hoạch phường mẫu 2021-2023" in page


def test_evaluate_cannot_write_into_a_missing_folder(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "report.md"
    code, _, err = run(capsys, *evaluate_args(plan, observations, "--output", str(target)))
    assert code == 2
    assert f"cannot write the report to {str(target)!r}" in err


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("not_met", 1), ("off_track", 0), ("off_track,not_met", 1), ("no_data, on_track", 1)],
)
def test_fail_on_exits_1_when_a_target_has_the_status(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, fail_on: str, code: int
) -> None:
    found, out, err = run(capsys, *evaluate_args(plan, observations, "--fail-on", fail_on))
    assert found == code
    assert "Summary:" in out  # the report is written either way
    if code:
        assert "planmodel: 1 target with status" in err
    else:
        assert err == ""


def test_as_of_defaults_to_today(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path
) -> None:
    before = dt.date.today().isoformat()
    _, out, _ = run(capsys, "evaluate", plan, observations, "--format", "json")
    after = dt.date.today().isoformat()
    assert json.loads(out)["as_of"] in (before, after)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False)])
def test_colour_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
    no_color: str | None,
    coloured: bool,
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert main([str(arg) for arg in evaluate_args(plan, observations)]) == 0
    assert ("\x1b[" in terminal.getvalue()) is coloured


def test_a_report_names_its_inputs_the_version_and_when_it_was_made(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
) -> None:
    # SOURCE_DATE_EPOCH fixes the time, as reproducible builds do: 2024-01-02 03:04:05.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704164645")
    monkeypatch.chdir(plan.parent)  # files named as given, short enough for one line
    plan, observations = Path(plan.name), Path(observations.name)
    _, out, _ = run(capsys, *evaluate_args(plan, observations, "--lang", "vi"))
    assert out.endswith(
        f"Số liệu: {plan}, {observations}\n"
        f"Lập bằng: planmodel {planmodel.__version__}\n"
        "Lập lúc: 02/01/2024 03:04 UTC\n"
    )
    _, again, _ = run(capsys, *evaluate_args(plan, observations, "--lang", "vi"))
    assert again == out
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    _stdin(monkeypatch, observations.read_bytes())
    before = dt.datetime.now(dt.timezone.utc).replace(second=0, microsecond=0)
    _, out, _ = run(capsys, *evaluate_args(plan, Path("-"), "--format", "markdown"))
    made = dt.datetime.strptime(out.splitlines()[-1], "- Made on: %Y-%m-%d %H:%M UTC")
    assert before <= made.replace(tzinfo=dt.timezone.utc) <= dt.datetime.now(dt.timezone.utc)
    assert f"- Figures: {plan}, standard input\n" in out


@pytest.mark.parametrize("epoch", ["yesterday", "-5", "1.5", "9" * 40])
def test_a_source_date_epoch_that_is_not_seconds_is_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
    epoch: str,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    code, out, err = run(capsys, *evaluate_args(plan, observations))
    assert (code, out) == (2, "")
    assert "planmodel: SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01" in err


def test_a_brief_report_has_the_header_summary_and_targets_only(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704164645")  # the same footer in both
    code, brief, _ = run(capsys, *evaluate_args(plan, observations, "--brief"))
    assert code == 0
    _, full, _ = run(capsys, *evaluate_args(plan, observations))
    body, footer = brief.split("\n\nPlan: ")
    assert full.startswith(body)
    assert full.endswith("\n\nPlan: " + footer)
    assert "Summary: 2 targets" in brief
    assert "t2 Collect all waste" in brief
    assert "Requirement" not in brief


@pytest.mark.parametrize("format", ["markdown", "html", "json", "xlsx"])
def test_brief_is_refused_with_another_format(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, format: str
) -> None:
    code, out, err = run(capsys, *evaluate_args(plan, observations, "--brief", "--format", format))
    assert code == 2
    assert out == ""
    assert "--brief shortens the text report, and makes the CSV one row per target" in err
    assert f"it does not apply to --format {format}" in err


def _longest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_the_text_report_is_wrapped_to_the_terminal_or_to_80_columns(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    plan: Path,
    observations: Path,
) -> None:
    # Not a terminal: 80 columns, whatever the terminal or COLUMNS would say.
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, *evaluate_args(plan, observations))
    assert _longest(out) <= 80
    # On a terminal: its width (120 here, as shutil reports it).
    monkeypatch.setattr(
        "shutil.get_terminal_size", lambda fallback=(80, 24): os.terminal_size((120, 40))
    )
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    assert main([str(arg) for arg in evaluate_args(plan, observations)]) == 0
    assert 80 < _longest(terminal.getvalue()) <= 120
    narrow = _Terminal()
    monkeypatch.setattr(sys, "stdout", narrow)
    monkeypatch.setattr(
        "shutil.get_terminal_size", lambda fallback=(80, 24): os.terminal_size((50, 40))
    )
    assert main([str(arg) for arg in evaluate_args(plan, observations)]) == 0
    assert _longest(narrow.getvalue()) <= 50


# -- usage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["evaluate", "plan.json"], "the following arguments are required: OBSERVATIONS"),
        (["evaluate", "p.json", "o.json", "--as-of", "30/06/2023"], "expected a date YYYY-MM-DD"),
        (["evaluate", "p.json", "o.json", "--fail-on", "failed"], "unknown status 'failed'"),
        (["evaluate", "p.json", "o.json", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["schema", "plans"], "invalid choice: 'plans'"),
    ],
)
def test_bad_usage_exits_2_with_the_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: planmodel")
    assert expected in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evaluate", "--help")
    assert code == 0
    assert "--fail-on STATUS[,STATUS]" in out


@pytest.mark.parametrize("command", [(), ("evaluate",)])
def test_help_shows_defaults_examples_and_exit_statuses(
    capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    _, out, _ = run(capsys, *command, "--help")
    assert "planmodel evaluate plan.json figures.csv --as-of 2025-06-30" in out
    for status in ("0 ", "1 ", "2 ", "70 "):
        assert f"\n  {status}" in out, status
    if command:
        assert "(default: text)" in out
        assert "(default: today)" in out


def test_swapped_arguments_get_a_hint(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path
) -> None:
    figures = tmp_path / "figures.csv"
    figures.write_text("metric,period,value\ncoverage,2022,93\n", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", figures, plan)
    assert code == 2
    assert "figures.csv: 1 problem found" in err
    assert "the arguments look swapped: the plan comes first" in err


def test_a_bad_plan_named_as_a_plan_gets_no_hint(
    capsys: pytest.CaptureFixture[str], observations: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "plan.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "evaluate", broken, observations)
    assert code == 2
    assert "swapped" not in err


@pytest.mark.parametrize("which", ["plan", "observations", "evaluation"])
def test_schema_prints_a_json_schema(capsys: pytest.CaptureFixture[str], which: str) -> None:
    code, out, _ = run(capsys, "schema", which)
    assert code == 0
    schema = json.loads(out)
    Draft202012Validator.check_schema(schema)
    assert schema["title"] == f"planmodel {which}"


def test_schema_defaults_to_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "schema")
    assert json.loads(out)["properties"]["schema"] == {"const": "planmodel/1"}


# -- the entry point ------------------------------------------------------------------------


def test_python_m_planmodel_runs_the_command(plan: Path, tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "planmodel", "validate", str(plan)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (ok.returncode, ok.stdout.startswith("ok: example_ward")) == (0, True)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "planmodel", "show", str(broken)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert bad.returncode == 2
    assert "not valid JSON" in bad.stderr
    assert "Traceback" not in bad.stderr


class _ClosedPipe(io.StringIO):
    """Standard output whose reader has gone away (``planmodel show … | head``)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def write(self, text: str) -> int:
        raise BrokenPipeError

    def fileno(self) -> int:
        return self._fd


def test_a_reader_that_goes_away_is_not_a_fail_on_hit(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with (tmp_path / "stdout").open("w") as sink:
        monkeypatch.setattr(sys, "stdout", _ClosedPipe(sink.fileno()))
        status = main(["show", str(plan)])
    # 141 is what a shell reports for a process ended by SIGPIPE; 1 would read as a
    # --fail-on hit in a pipeline.
    assert status == 141
    assert capsys.readouterr().err == ""


# -- exit statuses: a broken run is never taken for a verdict -------------------------------


def _crash(*_: object, **__: object) -> None:
    raise RuntimeError("an invariant broke\nsecond line of the message")


def test_an_internal_error_exits_70_with_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
) -> None:
    # An unexpected exception used to escape main(): a traceback, and status 1, the
    # status of a --fail-on hit.
    monkeypatch.setattr("planmodel.cli.evaluate", _crash)
    code, out, err = run(capsys, *evaluate_args(plan, observations))
    assert code == 70
    assert out == ""
    assert err == (
        "planmodel: internal error, please report it: RuntimeError: an invariant broke "
        "second line of the message (run with --debug for the traceback)\n"
    )


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_adds_the_traceback(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
    where: str,
) -> None:
    monkeypatch.setattr("planmodel.cli.evaluate", _crash)
    argv = [str(arg) for arg in evaluate_args(plan, observations)]
    argv = ["--debug", *argv] if where == "before" else [*argv, "--debug"]
    assert main(argv) == 70
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'in _crash\n    raise RuntimeError("an invariant broke' in err
    assert err.endswith(
        "planmodel: internal error, please report it: RuntimeError: an invariant broke "
        "second line of the message\n"
    )


def test_debug_does_not_change_a_located_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "--debug", "validate", broken)
    assert code == 2
    assert "not valid JSON" in err


def test_the_installed_command_exits_70_on_an_internal_error(tmp_path: Path, plan: Path) -> None:
    crash = (
        "import sys, planmodel.cli as cli\n"
        "def crash(*args, **kwargs): raise KeyError('x')\n"
        "cli.load_plan = crash\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", crash, "validate", str(plan)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert found.returncode == 70
    assert "Traceback" not in found.stderr
    assert found.stderr.count("\n") == 1


# -- where the report goes -------------------------------------------------------------------


def test_output_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path
) -> None:
    code, out, _ = run(capsys, *evaluate_args(plan, observations, "--output", "-"))
    assert code == 0
    assert "Summary: 2 targets" in out


def test_a_report_replaces_the_file_whole_and_keeps_its_mode(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    report.write_text("an old, longer report that must not leave a tail behind " * 100)
    report.chmod(0o640)
    code, _, _ = run(
        capsys, *evaluate_args(plan, observations, "--format", "json", "--output", str(report))
    )
    assert code == 0
    assert json.loads(report.read_text("utf-8"))["schema"] == "planmodel-evaluation/1"
    assert report.stat().st_mode & 0o777 == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "figures.json",
        "plan.json",
        "report.json",
    ]


def test_a_failed_write_leaves_the_old_report_and_nothing_else(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
    tmp_path: Path,
) -> None:
    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    code, _, err = run(capsys, *evaluate_args(plan, observations, "--output", str(report)))
    assert code == 2
    assert err == (
        f"planmodel: cannot write the report to {str(report)!r}: No space left on device\n"
    )
    assert report.read_text("utf-8") == "the previous report\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "figures.json",
        "plan.json",
        "report.md",
    ]


@pytest.mark.parametrize(
    "case",
    [(which, how) for which in ("plan", "observations") for how in ("same", "symlink", "hardlink")],
    ids="-".join,
)
def test_the_report_is_never_written_over_an_input(
    capsys: pytest.CaptureFixture[str],
    plan: Path,
    observations: Path,
    tmp_path: Path,
    case: tuple[str, str],
) -> None:
    which, how = case
    source = plan if which == "plan" else observations
    before = source.read_bytes()
    output = source
    if how != "same":
        output = tmp_path / "report.txt"
        if how == "symlink":
            output.symlink_to(source)
        else:
            output.hardlink_to(source)
    code, out, err = run(capsys, *evaluate_args(plan, observations, "--output", str(output)))
    assert code == 2
    assert out == ""
    assert err == (
        f"planmodel: --output {str(output)!r} is the {which} file; refusing to write the "
        "report over an input\n"
    )
    assert source.read_bytes() == before


# -- standard input ----------------------------------------------------------------------------


def _judged(report: str, inputs: list[Path | str]) -> Any:
    """A JSON report's evaluation, once its report object is checked to name *inputs*:
    the same figures read from other files judge alike."""
    document = json.loads(report)
    assert document.pop("report")["inputs"] == [str(name) for name in inputs]
    return document


def _stdin(monkeypatch: pytest.MonkeyPatch, data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))


def test_a_plan_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PLAN)
    code, out, _ = run(capsys, "validate", "-")
    assert (code, out) == (
        0,
        "ok: example_ward, term 2021-2023: 1 direction, 0 breakthroughs, 2 targets\n",
    )


@pytest.mark.parametrize("figures", [OBSERVATIONS, OBSERVATIONS_CSV])
def test_observations_from_standard_input_in_either_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, plan: Path, figures: str
) -> None:
    _stdin(monkeypatch, figures)
    code, out, _ = run(capsys, "evaluate", plan, "-", "--as-of", "2023-06-30", "--format", "json")
    assert code == 0
    assert [t["status"] for t in json.loads(out)["targets"]] == ["on_track", "not_met"]


def test_the_observations_format_can_be_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, plan: Path, tmp_path: Path
) -> None:
    _stdin(monkeypatch, OBSERVATIONS_CSV)
    code, _, _ = run(capsys, "evaluate", plan, "-", "--observations-format", "csv")
    assert code == 0
    # Named JSON, CSV text is not JSON: the name wins over the content.
    _stdin(monkeypatch, OBSERVATIONS_CSV)
    code, _, err = run(capsys, "evaluate", plan, "-", "--observations-format", "json")
    assert code == 2
    assert err.startswith("planmodel: <stdin>: 1 problem found\n  $: not valid JSON")
    # A file whose name says nothing: by content, or as named.
    figures = tmp_path / "figures.txt"
    figures.write_text(OBSERVATIONS_CSV, encoding="utf-8")
    assert run(capsys, "evaluate", plan, figures)[0] == 0
    assert run(capsys, "evaluate", plan, figures, "--observations-format", "csv")[0] == 0


def test_errors_from_standard_input_name_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PLAN.replace('"adopted": "2021-01-15"', '"adopted": "15/01/2021"'))
    code, _, err = run(capsys, "show", "-")
    assert code == 2
    assert err == (
        "planmodel: <stdin>: 1 problem found\n"
        '  $.adopted: expected a date "YYYY-MM-DD", "YYYY-MM" or "YYYY", got "15/01/2021"\n'
    )


def test_plan_and_observations_cannot_both_come_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PLAN)
    code, out, err = run(capsys, "evaluate", "-", "-")
    assert (code, out) == (2, "")
    assert err.startswith("usage: planmodel evaluate")
    assert err.endswith(
        "planmodel evaluate: the plan and the observations cannot both be read from standard "
        "input ('-')\n"
    )


def test_a_file_named_like_json_is_read_as_a_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, plan: Path, tmp_path: Path
) -> None:
    # 'planmodel evaluate plan.json [2023].csv' read the name as JSON text.
    (tmp_path / "[2023].csv").write_text(OBSERVATIONS_CSV, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "evaluate", plan, "[2023].csv")[0] == 0
    code, _, err = run(capsys, "evaluate", plan, "[2024].csv")
    assert code == 2
    assert err == (
        "planmodel: cannot read the observations file '[2024].csv': No such file or directory\n"
    )


# -- what reaches a terminal ----------------------------------------------------------------


def test_escape_sequences_in_a_plan_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, observations: Path
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(
        PLAN.replace("Example ward plan", "Example \\u001b]0;owned\\u0007\\u001b[2J ward plan"),
        encoding="utf-8",
    )
    for argv in (["show", path], evaluate_args(path, observations)):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert "\x1b" not in out
        assert "Example \\x1b]0;owned\\x07\\x1b[2J ward plan" in out


def test_escape_sequences_in_a_bad_value_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(PLAN.replace('"value": 95', '"value": "\\u001b[2J"'), encoding="utf-8")
    code, _, err = run(capsys, "validate", path)
    assert code == 2
    assert "\x1b" not in err
    assert '$.targets[0].condition.value: expected a number, got "\\u001b[2J"' in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["show", "{plan}"], "Example ward plan 2021-2023"),
        (["show", "{plan}", "--lang", "vi"], "Ph\\u01b0\\u1eddng m\\u1eabu"),
        (["evaluate", "{plan}", "{observations}", "--lang", "vi"], "K\\u1ebf ho\\u1ea1ch"),
        (
            ["evaluate", "{plan}", "{observations}", "--format", "html", "--lang", "vi"],
            "K&#7871; ho&#7841;ch",
        ),
        (["evaluate", "{plan}", "{observations}", "--format", "json"], '"status": "on_track"'),
        (["schema"], '"title": "planmodel plan"'),
    ],
)
def test_a_stream_that_is_not_utf8_gets_what_it_can_hold(
    plan: Path, observations: Path, argv: list[str], expected: str
) -> None:
    # A redirected stream on Windows is cp1252: writing Vietnamese to it raised
    # UnicodeEncodeError. Text shows what it cannot hold as \\u escapes; HTML and JSON
    # keep every character exactly, as character references and JSON escapes.
    args = [a.format(plan=plan, observations=observations) for a in argv]
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "planmodel",
            *args,
            *(["--as-of", "2023-06-30"] if argv[0] == "evaluate" else []),
        ],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    assert found.returncode == 0, found.stderr
    assert found.stderr == b""
    assert expected in found.stdout.decode("cp1252")


# -- evaluate-many ----------------------------------------------------------------------------


@pytest.fixture
def plan_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the ward plan with their figures, and a third whose figures are bad."""
    plans, figures = tmp_path / "plans", tmp_path / "figures"
    plans.mkdir()
    figures.mkdir()
    for name in ("ward_a", "ward_b", "ward_c"):
        (plans / f"{name}.json").write_text(PLAN, encoding="utf-8")
    (figures / "ward_a.json").write_text(OBSERVATIONS, encoding="utf-8")
    (figures / "ward_b.csv").write_text(OBSERVATIONS_CSV, encoding="utf-8")
    (figures / "ward_c.csv").write_text("metric,period,value\nwaste,2021,9x\n", encoding="utf-8")
    return plans, figures


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_evaluate_many_summarises_each_plan_and_names_the_bad_ones(
    capsys: pytest.CaptureFixture[str], plan_folders: tuple[Path, Path], jobs: str
) -> None:
    plans, figures = plan_folders
    code, out, err = run(
        capsys,
        "evaluate-many",
        plans,
        "--figures",
        figures,
        "--as-of",
        "2023-06-30",
        "--jobs",
        jobs,
    )
    assert code == 2
    assert out == "ward_a: 1 not_met, 1 on_track\nward_b: 1 not_met, 1 on_track\n"
    assert "ward_c.csv: 1 problem found\n  row 2, column value: expected a number" in err


def test_evaluate_many_writes_each_report_and_fails_on_a_status(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan_folders: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704164645")  # both reports made "at once"
    plans, figures = plan_folders
    reports = tmp_path / "reports"
    code, _, err = run(
        capsys,
        "evaluate-many",
        plans / "ward_a.json",
        plans / "ward_b.json",
        "--figures",
        figures,
        "--as-of",
        "2023-06-30",
        "--output-dir",
        reports,
        "--fail-on",
        "not_met",
        "--jobs",
        "2",
    )
    assert code == 1
    assert "ward_a: 1 target with status not_met: t2" in err
    single = main(
        [
            "evaluate",
            str(plans / "ward_a.json"),
            str(figures / "ward_a.json"),
            "--as-of",
            "2023-06-30",
            "--format",
            "json",
            "--output",
            str(tmp_path / "a.json"),
        ]
    )
    assert single == 0
    assert (reports / "ward_a.json").read_text("utf-8") == (tmp_path / "a.json").read_text("utf-8")
    assert sorted(path.name for path in reports.iterdir()) == ["ward_a.json", "ward_b.json"]


def test_evaluate_many_refuses_a_bad_number_of_jobs(
    capsys: pytest.CaptureFixture[str], plan_folders: tuple[Path, Path]
) -> None:
    plans, figures = plan_folders
    code, _, err = run(capsys, "evaluate-many", plans, "--figures", figures, "--jobs", "0")
    assert code == 2
    assert "expected a number of processes from 1" in err


# -- tables: CSV and Excel out, workbooks and Excel's CSV in ----------------------------------


def _evaluation(plan: Path, observations: Path) -> Any:
    from planmodel import evaluate, load_observations, load_plan

    judged = load_plan(plan)
    return evaluate(judged, load_observations(observations, judged), "2023-06-30")


def test_csv_to_standard_output_is_the_table_without_a_byte_order_mark(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path
) -> None:
    code, out, err = run(capsys, *evaluate_args(plan, observations, "--format", "csv"))
    assert (code, err) == (0, "")
    assert out == _evaluation(plan, observations).rows().to_csv()
    assert out.startswith("plan,target,parent,member,part,period,status,value,")
    code, out, _ = run(
        capsys, *evaluate_args(plan, observations, "--format", "csv", "--brief", "--lang", "vi")
    )
    assert out == _evaluation(plan, observations).target_rows("vi").to_csv()
    assert "Thu gom 100% rác thải" in out


def test_a_csv_file_starts_with_a_byte_order_mark_for_excel(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, tmp_path: Path
) -> None:
    path = tmp_path / "results.csv"
    code, out, _ = run(
        capsys, *evaluate_args(plan, observations, "--format", "csv", "--output", str(path))
    )
    assert (code, out) == (0, "")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfplan,target,")
    assert data.decode("utf-8-sig") == _evaluation(plan, observations).rows().to_csv()


def test_a_workbook_is_written_to_a_file(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, tmp_path: Path
) -> None:
    import openpyxl

    path = tmp_path / "results.xlsx"
    code, out, err = run(
        capsys, *evaluate_args(plan, observations, "--format", "xlsx", "--output", str(path))
    )
    assert (code, out, err) == (0, "", "")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["judgements", "targets"]
    assert book["targets"]["F2"].value == "on_track"


def test_a_workbook_needs_a_file_or_a_stream_that_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
) -> None:
    code, out, err = run(capsys, *evaluate_args(plan, observations, "--format", "xlsx"))
    assert (code, out) == (2, "")
    assert err.endswith("--format xlsx writes a binary workbook: give --output FILE\n")
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert (
        main(
            [str(a) for a in evaluate_args(plan, observations, "--format", "xlsx", "--output", "-")]
        )
        == 2
    )
    assert "which a terminal cannot show" in capsys.readouterr().err
    piped = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", piped)
    assert (
        main(
            [str(a) for a in evaluate_args(plan, observations, "--format", "xlsx", "--output", "-")]
        )
        == 0
    )
    piped.flush()
    assert piped.buffer.getvalue().startswith(b"PK\x03\x04")


def test_without_openpyxl_a_workbook_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    path = tmp_path / "results.xlsx"
    code, out, err = run(
        capsys, *evaluate_args(plan, observations, "--format", "xlsx", "--output", str(path))
    )
    assert (code, out) == (2, "")
    assert err == (
        "planmodel: --format xlsx needs openpyxl, which is not installed: "
        'pip install "planmodel[excel]"\n'
    )
    assert not path.exists()


def _figures_workbook() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Số liệu")
    sheet.append(["metric", "period", "value"])
    for row in json.loads(OBSERVATIONS)["observations"]:
        sheet.append([row["metric"], row["period"], row["value"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_figures_from_a_workbook_a_sheet_and_standard_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: Path,
    observations: Path,
    tmp_path: Path,
) -> None:
    path = tmp_path / "figures.xlsx"
    path.write_bytes(_figures_workbook())
    _, expected, _ = run(capsys, *evaluate_args(plan, observations, "--format", "json"))
    code, out, err = run(
        capsys, *evaluate_args(plan, path, "--format", "json", "--sheet", "Số liệu")
    )
    assert (code, err) == (0, "")
    assert _judged(out, [plan, path]) == _judged(expected, [plan, observations])
    code, _, err = run(capsys, *evaluate_args(plan, path))
    assert code == 2
    assert f"planmodel: {path}: 2 problems found\n  sheet 'Notes', row 1: missing column" in err
    _stdin(monkeypatch, _figures_workbook())
    code, out, _ = run(
        capsys, *evaluate_args(plan, Path("-"), "--format", "json", "--sheet", "Số liệu")
    )
    assert code == 0
    assert _judged(out, [plan, "standard input"]) == _judged(expected, [plan, observations])


def test_excel_csv_with_semicolons_needs_the_dialect(
    capsys: pytest.CaptureFixture[str], plan: Path, observations: Path, tmp_path: Path
) -> None:
    path = tmp_path / "figures.csv"
    path.write_bytes(OBSERVATIONS_CSV.replace(",", ";").replace("93.5", "93,5").encode("utf-8-sig"))
    code, _, err = run(capsys, *evaluate_args(plan, path))
    assert code == 2
    assert err == (
        f"planmodel: {path}: 1 problem found\n  row 1: the columns are separated by "
        "semicolons, as Excel writes CSV where the decimal mark is a comma: read the file "
        "with csv_dialect='excel-semicolon' (on the command line --csv-dialect "
        "excel-semicolon)\n"
    )
    _, expected, _ = run(capsys, *evaluate_args(plan, observations, "--format", "json"))
    code, out, _ = run(
        capsys,
        *evaluate_args(plan, path, "--format", "json", "--csv-dialect", "excel-semicolon"),
    )
    assert code == 0
    assert _judged(out, [plan, path]) == _judged(expected, [plan, observations])
