"""What is derived from a plan is kept while the plan lives, and only for that plan."""

from __future__ import annotations

import gc
import weakref

from helpers import make_plan, target
from planmodel import Plan, at_least, every_year, value
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
