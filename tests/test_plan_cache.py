"""What is derived from a plan is kept while the plan lives, only for that plan, and
never keeps it alive."""

from __future__ import annotations

import gc
import pickle
import weakref

from helpers import make_plan, target
from planmodel import Observation, Plan, Status, at_least, evaluate, every_year, value
from planmodel._plan_cache import derived


def _plan(plan_id: str) -> Plan:
    return make_plan(
        [target("t", value("x"), at_least(1), every_year(2021, 2022))], plan_id=plan_id
    )


def test_a_fact_is_worked_out_once_per_plan() -> None:
    plan, other = _plan("a"), _plan("a")  # equal, but not the same plan
    calls: list[str] = []

    def work_out(found: Plan) -> str:
        calls.append(found.id)
        return f"facts of {id(found)}"

    first = derived(plan, "test.facts", work_out)
    assert derived(plan, "test.facts", work_out) is first
    assert derived(other, "test.facts", work_out) != first
    assert calls == ["a", "a"]


class _Facts:
    """Something derived from a plan, that can be watched going."""


def test_the_facts_of_a_plan_go_with_it() -> None:
    plan = _plan("gone")
    facts = weakref.ref(derived(plan, "test.facts", lambda found: _Facts()))
    assert facts() is not None
    del plan
    gc.collect()
    assert facts() is None


class _Holding:
    """Something derived from a plan that refers to the plan, as an assessor does."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan


def test_facts_that_refer_to_their_plan_go_with_it() -> None:
    plan = _plan("held")
    gone = weakref.ref(plan)
    facts = weakref.ref(derived(plan, "test.facts", _Holding))
    del plan
    gc.collect()
    assert (gone(), facts()) == (None, None)


def test_an_evaluated_plan_is_not_kept_alive() -> None:
    plan = _plan("evaluated")
    found = evaluate(plan, [Observation("x", 2021, 1), Observation("x", 2022, 2)], "2023-01-01")
    assert found.targets[0].status is Status.MET
    gone = weakref.ref(plan)
    del plan, found
    gc.collect()
    assert gone() is None


def test_a_copy_of_a_plan_works_its_facts_out_for_itself() -> None:
    plan = _plan("copied")
    derived(plan, "test.facts", lambda found: _Facts())
    copy = pickle.loads(pickle.dumps(plan))
    assert copy == plan
    calls: list[Plan] = []
    derived(copy, "test.facts", calls.append)
    assert calls == [copy]
