"""The catalogue of bad inputs (tests/bad_inputs/): each gets a located error, never a
traceback, a wrong exit status or a stray file.

``cases.json`` lists every case file with the location its error must name (a JSON
path, a CSV row and column, or the argument) and why the case is there. Each case
is run through the library and through the command:

- ``plan/*.json``: ``load_plan`` raises ``PlanLoadError``; ``validate``, ``show``
  and ``evaluate`` exit with 2;
- ``observations-json/*.json``, ``observations-csv/*.csv`` and
  ``observations-xlsx/*.xlsx``: ``load_observations`` with the catalogue's good plan
  raises ``ObservationsError``; ``evaluate`` exits 2;
- ``usage/*.args``: one argument a line, ``{plan}``, ``{observations}`` and
  ``{dir}`` standing for copies of the good files and a scratch folder; the command
  exits 2, and where the library takes the same argument (``as_of``, ``format``,
  given under ``api``) it raises ``ArgumentError`` naming it.

Every run of the command asks for a report file, and must leave the folder as it
found it: no report, no temporary file, inputs unchanged.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from planmodel import (
    ArgumentError,
    ObservationsError,
    PlanLoadError,
    PlanModelError,
    evaluate,
    load_observations,
    load_plan,
)
from planmodel.cli import main

CATALOGUE = Path(__file__).parent / "bad_inputs"
CASES: list[dict[str, Any]] = json.loads((CATALOGUE / "cases.json").read_text("utf-8"))["cases"]
GOOD_PLAN = CATALOGUE / "good-plan.json"
GOOD_OBSERVATIONS = CATALOGUE / "good-observations.json"
#: C0 and C1 controls other than the line break: none may reach standard error raw.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_the_catalogue_covers_every_kind_of_input() -> None:
    kinds = [case["file"].split("/")[0] for case in CASES]
    assert len(CASES) >= 60
    for kind in ("plan", "observations-json", "observations-csv", "usage"):
        assert kinds.count(kind) >= 10, kind
    # Every file is listed, and every listed file exists.
    on_disk = {
        str(path.relative_to(CATALOGUE))
        for path in CATALOGUE.rglob("*")
        if path.is_file() and path.parent != CATALOGUE
    }
    assert on_disk == {case["file"] for case in CASES}


def test_the_good_files_are_good() -> None:
    plan = load_plan(GOOD_PLAN)
    evaluate(plan, load_observations(GOOD_OBSERVATIONS, plan), "2023-06-30")


def _library_error(case: dict[str, Any], path: Path) -> PlanModelError | None:
    """The error the library raises for the case, or None where it has no counterpart."""
    kind = case["file"].split("/")[0]
    expected: type[PlanModelError]
    if kind == "plan":
        expected = PlanLoadError
        call: Any = lambda: load_plan(path)  # noqa: E731
    elif kind.startswith("observations"):
        expected = ObservationsError
        plan = load_plan(GOOD_PLAN)
        call = lambda: load_observations(path, plan)  # noqa: E731
    elif "api" in case:
        expected = ArgumentError
        plan = load_plan(GOOD_PLAN)
        figures = load_observations(GOOD_OBSERVATIONS, plan)
        api = case["api"]
        if "as_of" in api:
            call = lambda: evaluate(plan, figures, api["as_of"])  # noqa: E731
        else:
            call = lambda: load_observations(GOOD_OBSERVATIONS, plan, format=api["format"])  # noqa: E731
    else:
        return None
    with pytest.raises(expected) as info:
        call()
    return info.value


def _command_lines(case: dict[str, Any], path: Path, folder: Path) -> list[list[str]]:
    """The command lines the case is run with; each asks for a report in *folder*."""
    kind = case["file"].split("/")[0]
    report = ["--output", str(folder / "report.html"), "--as-of", "2023-06-30"]
    if kind == "plan":
        return [
            ["validate", str(path)],
            ["show", str(path)],
            ["evaluate", str(path), str(folder / "observations.json"), *report],
        ]
    if kind.startswith("observations"):
        return [["evaluate", str(folder / "plan.json"), str(path), *report]]
    names = {"plan": folder / "plan.json", "observations": folder / "observations.json"}
    lines = path.read_text("utf-8").splitlines()
    return [[line.format(dir=folder, **names) for line in lines]]


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_each_bad_input_is_located_with_exit_2_and_nothing_written(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CATALOGUE / case["file"]
    where = case["where"]
    error = _library_error(case, path)
    if error is not None:
        # The library names an argument by its Python name (as_of), the command by its option.
        located = next(iter(case["api"])) if "api" in case else where
        assert any(problem.where == located for problem in error.problems), error.problems
        assert not CONTROL.search(str(error))

    shutil.copy(GOOD_PLAN, tmp_path / "plan.json")
    shutil.copy(GOOD_OBSERVATIONS, tmp_path / "observations.json")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for argv in _command_lines(case, path, tmp_path):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 2, (argv, err)
        assert out == ""
        assert "Traceback" not in err
        assert where in err, err
        assert not CONTROL.search(err)
        assert max(len(line) for line in err.splitlines()) < 2000
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
