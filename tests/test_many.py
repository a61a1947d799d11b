"""Many plans at once: the same evaluations as one by one, in worker processes or not,
and nothing but the evaluations coming back."""

from __future__ import annotations

import importlib
import multiprocessing
import pickle
from pathlib import Path

import pytest

from helpers import make_plan, obs, target
from planmodel import (
    ArgumentError,
    Evaluation,
    ObservationsError,
    Plan,
    PlanLoadError,
    at_least,
    dumps_evaluation,
    dumps_observations,
    dumps_plan,
    evaluate,
    evaluate_many,
    evaluate_one,
    every_year,
    load_observations,
    value,
)
from planmodel import many as many_module
from planmodel.many import PlanFile, pairs, run_many
from planmodel.measures import MEASURES

AS_OF = "2024-03-01"


def ward(ward_id: str, floor: int) -> Plan:
    return make_plan(
        [target("t1", value("coverage"), at_least(floor), every_year(2021, 2023))],
        plan_id=ward_id,
    )


def figures(*numbers: str) -> list[object]:
    return [obs("coverage", 2021 + index, number) for index, number in enumerate(numbers)]


WARDS = [
    (ward("hoa_sen", 92), figures("92.4", "93.1", "93.8")),
    (ward("hoa_lan", 90), figures("90.2", "89.7", "91.0")),
    (ward("hoa_cuc", 93), figures("93.5", "94")),
]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of plan files and one of their figures, one of them broken."""
    plans, data = tmp_path / "plans", tmp_path / "figures"
    plans.mkdir()
    data.mkdir()
    for plan, found in WARDS:
        (plans / f"{plan.id}.json").write_text(dumps_plan(plan), encoding="utf-8")
        (data / f"{plan.id}.json").write_text(dumps_observations(found), encoding="utf-8")  # type: ignore[arg-type]
    (data / "hoa_cuc.csv").write_text("metric,period,value\ncoverage,2021,9x.5\n")
    return plans, data


def test_many_in_memory_are_the_evaluations_one_by_one() -> None:
    found = evaluate_many(WARDS, AS_OF)  # type: ignore[arg-type]
    expected = [evaluate(plan, data, AS_OF) for plan, data in WARDS]  # type: ignore[arg-type]
    assert found == expected
    assert [dumps_evaluation(one) for one in found] == [dumps_evaluation(e) for e in expected]  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes_give_the_same_evaluations(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(many_module, "_context", lambda: multiprocessing.get_context(method))
    found = evaluate_many(WARDS, AS_OF, jobs=2)  # type: ignore[arg-type]
    assert found == [evaluate(plan, data, AS_OF) for plan, data in WARDS]  # type: ignore[arg-type]
    # A plan given in memory comes back attached: its evaluation explains itself.
    for (plan, _), one in zip(WARDS, found, strict=True):
        assert isinstance(one, Evaluation)
        assert one.judged_plan is plan
        assert one.targets[0].explanation


def test_files_are_paired_by_name_and_errors_kept_in_order(folders: tuple[Path, Path]) -> None:
    plans, data = folders
    work = pairs([plans], data)
    assert [Path(plan).name for plan, _ in work] == ["hoa_cuc.json", "hoa_lan.json", "hoa_sen.json"]
    assert Path(work[0][1]).name == "hoa_cuc.csv"  # a CSV file is preferred
    found = evaluate_many(work, AS_OF, jobs=2)
    assert isinstance(found[0], ObservationsError)
    assert str(found[0].problems[0]) == "row 2, column value: expected a number, got '9x.5'"
    assert [one.plan for one in found[1:]] == ["hoa_lan", "hoa_sen"]  # type: ignore[union-attr]


def test_a_plan_read_from_a_file_is_read_again_when_needed(folders: tuple[Path, Path]) -> None:
    plans, data = folders
    one = evaluate_one(plans / "hoa_sen.json", data / "hoa_sen.json", AS_OF)
    copy = pickle.loads(pickle.dumps(one))
    assert len(pickle.dumps(one)) < len(dumps_plan(ward("hoa_sen", 92)))
    assert copy.judged_plan == ward("hoa_sen", 92)
    # The figures come back only when given: they are not pickled.
    plan = copy.judged_plan
    assert plan is not None
    copy.attach(plan, load_observations(data / "hoa_sen.json"))
    assert dumps_evaluation(copy) == dumps_evaluation(one)


def test_a_plan_file_changed_since_it_was_judged_is_refused(folders: tuple[Path, Path]) -> None:
    plans, data = folders
    copy = pickle.loads(
        pickle.dumps(evaluate_one(plans / "hoa_sen.json", data / "hoa_sen.json", AS_OF))
    )
    (plans / "hoa_sen.json").write_text(dumps_plan(ward("hoa_sen", 95)), encoding="utf-8")
    with pytest.raises(LookupError, match="has changed since it was evaluated"):
        copy.judged_plan  # noqa: B018 - reading it is what is tested


def test_a_plan_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(PlanLoadError) as info:
        PlanFile.read(missing)
    assert info.value.subject == str(missing)
    (found,) = evaluate_many([(missing, [])], AS_OF)
    assert isinstance(found, PlanLoadError)


def test_a_bad_as_of_is_refused_before_any_work() -> None:
    with pytest.raises(ArgumentError):
        evaluate_many(WARDS, "2024-02-30")  # type: ignore[arg-type]


def _square(number: int, offset: int) -> int:
    return number * number + offset


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_many_keeps_the_order(jobs: int) -> None:
    assert run_many(_square, list(range(50)), 1, jobs=jobs) == [n * n + 1 for n in range(50)]


#: A user's module registering a kind when imported, written where a test puts it (not
#: under tests/, whose modules are all imported when the tests are collected).
USER_KINDS = """
from decimal import Decimal
from typing import ClassVar

from attrs import field, frozen

from planmodel import Measure, register_measure
from planmodel.context import Context, Missing
from planmodel.kinds import metric_ref
from planmodel.periods import Period
from planmodel.words import MetricName, Phrase


@register_measure
@frozen
class Doubled(Measure):
    kind: ClassVar[str] = "doubled"
    metric: str = field(**metric_ref())

    def at(self, ctx: Context, period: Period) -> Decimal | Missing:
        found = ctx.number(self.metric, period)
        return found if isinstance(found, Missing) else found * 2

    def words(self) -> Phrase:
        return Phrase("measure.value", metric=MetricName(self.metric))
"""


def test_kinds_a_user_registers_reach_workers_that_import_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Spawned workers start from nothing: a plan file naming a user's kind loads there
    # only once the module registering it is imported (modules=); forked ones inherit it.
    if "spawn" not in multiprocessing.get_all_start_methods():
        pytest.skip("no spawn here")
    (tmp_path / "user_kinds_of_many.py").write_text(USER_KINDS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("user_kinds_of_many")
    if "doubled" not in MEASURES:  # registered again, whatever an earlier test undid
        MEASURES.register(module.Doubled)
    plan = make_plan(
        [target("t1", module.Doubled("coverage"), at_least(180), every_year(2021, 2023))],
        plan_id="doubling",
    )
    path = tmp_path / "doubling.json"
    path.write_text(dumps_plan(plan), encoding="utf-8")
    data = figures("92.4", "93.1", "93.8")
    expected = evaluate(plan, data, AS_OF)  # type: ignore[arg-type]
    monkeypatch.setattr(many_module, "_context", lambda: multiprocessing.get_context("spawn"))
    work = [(path, data), (path, data)]
    without = evaluate_many(work, AS_OF, jobs=2)  # type: ignore[arg-type]
    assert all(isinstance(one, PlanLoadError) for one in without)
    found = evaluate_many(work, AS_OF, jobs=2, modules=["user_kinds_of_many"])  # type: ignore[arg-type]
    assert found == [expected, expected]
