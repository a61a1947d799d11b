"""What is derived from a plan once and kept while the plan lives.

Evaluating asks the same questions of a plan for every target and every figure: what
each metric's figures must be, which levels a scale has. A plan is immutable, so the
answers stay true; they are worked out on first use and kept here, by the plan's
identity (hashing a plan would walk all of it), and forgotten when the plan is
collected.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["derived"]

T = TypeVar("T")

_FACTS: dict[int, tuple[weakref.ref[Any], dict[str, Any]]] = {}
_LOCK = threading.Lock()


def _forget(key: int, facts: dict[int, Any] = _FACTS) -> Callable[[object], None]:
    # The dict is held here, not looked up: at interpreter exit the module's names may
    # already be gone when the last plans are collected.
    def forget(_dead: object) -> None:
        facts.pop(key, None)

    return forget


def derived(plan: Plan, name: str, work_out: Callable[[Plan], T]) -> T:
    """``work_out(plan)``, worked out once per plan and kept under *name*."""
    key = id(plan)
    entry = _FACTS.get(key)
    if entry is None or entry[0]() is not plan:
        with _LOCK:
            entry = _FACTS.get(key)
            if entry is None or entry[0]() is not plan:
                entry = (weakref.ref(plan, _forget(key)), {})
                _FACTS[key] = entry
    facts = entry[1]
    try:
        found: T = facts[name]
    except KeyError:
        found = facts[name] = work_out(plan)
    return found
