"""What is derived from a plan once and kept with the plan.

Evaluating asks the same questions of a plan for every target and every figure: what
each metric's figures must be, which levels a scale has, how each target is judged.
A plan is immutable, so the answers stay true; they are worked out on first use and
kept in a holder on the plan itself (:class:`Derived`), so that they live exactly as
long as the plan. Kept anywhere else, by the plan's identity, they would keep the plan
alive whenever an answer refers to it (an assessor does), and every plan ever
evaluated would stay in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["Derived", "derived"]

T = TypeVar("T")


class Derived:
    """The answers worked out from one plan, by name. Left behind when the plan is
    pickled or copied: a copy works them out again, for itself."""

    __slots__ = ("facts",)

    def __init__(self) -> None:
        self.facts: dict[str, Any] = {}

    def __reduce__(self) -> tuple[type[Derived], tuple[()]]:
        return Derived, ()


def derived(plan: Plan, name: str, work_out: Callable[[Plan], T]) -> T:
    """``work_out(plan)``, worked out once per plan and kept under *name*."""
    facts = plan._derived.facts
    try:
        found: T = facts[name]
    except KeyError:
        # Two threads may both work it out; the first answer kept is the one used.
        found = facts.setdefault(name, work_out(plan))
    return found
