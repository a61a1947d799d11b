"""The public API: ``import planmodel`` gives everything its public modules export."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import planmodel
from planmodel.words import MetricName, Phrase

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PUBLIC_MODULES = (
    "text",
    "metrics",
    "measures",
    "conditions",
    "schedules",
    "plan",
    "dates",
    "provenance",
    "observations",
    "observations_io",
    "evaluation",
    "judgements",
    "status",
    "serialize",
    "errors",
)


def public_module(name: str) -> ModuleType:
    return importlib.import_module(f"planmodel.{name}")


def _exported_definitions() -> list[tuple[str, str]]:
    """(module, name) for each class or function a public module defines and exports."""
    found = []
    for module_name in PUBLIC_MODULES:
        module = public_module(module_name)
        for name in module.__all__:
            item = getattr(module, name)
            defined_here = getattr(item, "__module__", None) == module.__name__
            if defined_here and (inspect.isclass(item) or inspect.isfunction(item)):
                found.append((module_name, name))
    return found


@pytest.mark.parametrize(
    ("module_name", "name"),
    [pytest.param(m, n, id=f"{m}.{n}") for m, n in _exported_definitions()],
)
def test_everything_a_public_module_exports_is_exported_by_the_package(
    module_name: str, name: str
) -> None:
    assert name in planmodel.__all__
    assert getattr(planmodel, name) is getattr(public_module(module_name), name)


def test_the_everyday_api_is_at_the_top() -> None:
    for name in (
        "Plan",
        "Target",
        "load_plan",
        "dump_plan",
        "dumps_plan",
        "value",
        "ratio",
        "change_vs",
        "change_since",
        "change_from_previous",
        "growth",
        "total",
        "share_at_least",
        "count_at",
        "count_below",
        "lowest_rating",
        "at_least",
        "at_most",
        "exactly",
        "between",
        "rating_at_least",
        "all_of",
        "part",
        "every_year",
        "by_deadline",
        "over_term",
        "load_observations",
        "dumps_observations",
        "evaluate",
    ):
        assert name in planmodel.__all__, name
        assert callable(getattr(planmodel, name)), name


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_name_a_module_exports_exists(module_name: str) -> None:
    module = public_module(module_name)
    assert len(module.__all__) == len(set(module.__all__))
    for name in module.__all__:
        assert hasattr(module, name), f"planmodel.{module_name} exports missing {name}"


def test_every_name_the_package_exports_resolves() -> None:
    for name in planmodel.__all__:
        assert hasattr(planmodel, name), name


def test_the_package_exports_are_unique_and_sorted() -> None:
    assert len(planmodel.__all__) == len(set(planmodel.__all__))
    assert planmodel.__all__ == sorted(planmodel.__all__)


def test_star_import_gives_exactly_the_exports() -> None:
    namespace: dict[str, object] = {}
    exec("from planmodel import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(namespace) == sorted(planmodel.__all__)


def test_importing_the_package_does_not_import_the_optional_extras() -> None:
    # openpyxl and pandas are optional extras, imported when a workbook or a DataFrame
    # is asked for.
    check = (
        "import sys, planmodel, planmodel.tables, planmodel.cli; "
        "print([name for name in ('openpyxl', 'pandas') if name in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_importing_the_package_does_not_import_hypothesis() -> None:
    # Hypothesis is an optional extra, needed only by planmodel.strategies.
    check = "import sys, planmodel; print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# -- values, not objects with state -----------------------------------------------------------


def _reachable(node: Any, seen: dict[type, list[object]]) -> None:
    """Every attrs instance reachable from *node*, by class."""
    if isinstance(node, (tuple, list)):
        for item in node:
            _reachable(item, seen)
    elif attrs.has(type(node)):
        seen.setdefault(type(node), []).append(node)
        for field in attrs.fields(type(node)):
            _reachable(getattr(node, field.name), seen)


def _every_kind_of_value() -> dict[type, list[object]]:
    """Instances of the public value classes, from the Long Biên plan and its evaluation,
    and the measures and references that plan does not use."""
    plan = planmodel.load_plan(EXAMPLES / "longbien_2020_2025.json")
    figures = planmodel.load_observations(EXAMPLES / "longbien_illustrative.csv", plan)
    others = [
        planmodel.growth("output", 2020, 2025),
        planmodel.total("output", 2020, 2025),
        planmodel.change_vs("revenue", "estimate"),
        planmodel.change_from_previous("revenue"),
        planmodel.Observation("party", 2023, planmodel.Rated("good")),
        planmodel.over_term(),
        planmodel.exactly(9),
        planmodel.Rating("good", 2),
        planmodel.Missing(Phrase("reason.no_figure", metric=MetricName("revenue"), period=2023)),
        planmodel.Problem("$.id", "expected a string"),
        # The kinds and pieces real plans add beyond Long Biên's.
        planmodel.average("output", 2021, 2025),
        planmodel.difference("revenue", "estimate"),
        planmodel.select(planmodel.value("water"), area="urban"),
        planmodel.achieved(),
        planmodel.at_least(45, tolerance=planmodel.Tolerance(5, relative=True)),
        planmodel.Assessment(planmodel.Status.MET),
        planmodel.every("ward"),
        planmodel.at_least_members("ward", 12),
        planmodel.share_of_members("ward", 80),
        planmodel.every_quarter("2025-Q1", "2025-Q4"),
        planmodel.every_month("2025-01", "2025-12"),
        planmodel.by_deadline("2030-12-31", baseline=2010, milestones={2020: -25}),
        planmodel.FiscalYear(2025),
        planmodel.Calendar(7),
        planmodel.Dimension("area", members=("urban", "rural")),
        planmodel.Unit("per", per=10_000),
        planmodel.MemberResult("urban", planmodel.Status.MET, ()),
        planmodel.Revision(
            replaced="2018-06-01", condition=planmodel.at_least(27), schedule=planmodel.over_term()
        ),
    ]
    evaluation = planmodel.evaluate(plan, figures, "2025-06-30")
    seen: dict[type, list[object]] = {}
    for root in (plan, list(figures), evaluation, others):
        _reachable(root, seen)
    # A table is a sequence: its records are reached through it, not as a tuple.
    for table in (evaluation.rows(), evaluation.target_rows()):
        seen.setdefault(type(table), []).append(table)
        _reachable(list(table), seen)
    return seen


def test_every_public_value_class_is_frozen_and_slotted() -> None:
    # A plan is shared between threads and evaluations, and used as a key: planmodel's
    # classes must all be declared frozen and slotted. Checked on real instances of
    # every public attrs class, so that a class declared otherwise is found.
    seen = _every_kind_of_value()
    public = {
        item
        for name in planmodel.__all__
        if inspect.isclass(item := getattr(planmodel, name)) and attrs.has(item)
    }
    assert public - set(seen) == set(), "add an instance of these to _every_kind_of_value"
    for cls in public:
        instance = seen[cls][0]
        assert not hasattr(instance, "__dict__"), cls
        for field in attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(instance, field.name, getattr(instance, field.name))


def test_the_version_is_the_installed_distributions() -> None:
    assert planmodel.__version__ == metadata.version("planmodel")


def test_the_strategies_without_hypothesis_say_how_to_install_it() -> None:
    # A Python whose import system cannot find Hypothesis, as where it is not installed.
    script = (
        "import sys\n"
        "class Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'hypothesis' or name.startswith('hypothesis.'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "import planmodel\n"
        "try:\n"
        "    import planmodel.strategies\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert 'pip install "planmodel[hypothesis]"' in done.stdout


def test_without_openpyxl_and_pandas_the_core_works_and_names_the_extras() -> None:
    # A Python whose import system cannot find openpyxl or pandas, as where the extras
    # are not installed: everything else works, and each feature names its extra.
    script = (
        "import sys\n"
        "class Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('openpyxl', 'pandas'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "import planmodel\n"
        "from planmodel.tables import to_xlsx\n"
        "plan = planmodel.load_plan('examples/longbien_2020_2025.json')\n"
        "figures = planmodel.load_observations('examples/longbien_observations.csv', plan)\n"
        "evaluation = planmodel.evaluate(plan, figures, '2025-06-30')\n"
        "print(len(evaluation.rows().to_csv().splitlines()))\n"
        "for attempt in (lambda: to_xlsx(evaluation), evaluation.to_pandas):\n"
        "    try:\n"
        "        attempt()\n"
        "    except ModuleNotFoundError as exc:\n"
        "        print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=EXAMPLES.parent,
    )
    assert done.stdout.splitlines()[1:] == [
        'an Excel workbook needs openpyxl, which is not installed: pip install "planmodel[excel]"',
        "a table as a DataFrame needs pandas, which is not installed: "
        'pip install "planmodel[pandas]"',
    ]
    assert int(done.stdout.splitlines()[0]) > 1
