"""How an evaluation refers to the plan it judged, without carrying it.

An evaluation and its target results need the plan to explain themselves (metric
names, the version judged, the languages to write in), and nothing else of it. They
share one :class:`PlanRef`: in the process that evaluated, it holds the plan itself;
pickled (sent back from a worker process, or saved), it keeps only the plan's id and,
when the plan was read from a file, how to read it again, so that a result pickles to
its own size and not to its plan's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["PlanRef"]


class PlanRef:
    """The plan an evaluation judged: the plan itself while it is at hand, else its id
    and, optionally, a function that reads it again (a file's path and digest)."""

    __slots__ = ("_load", "_plan", "plan_id")

    def __init__(
        self,
        plan_id: str,
        plan: Optional[Plan] = None,
        load: Optional[Callable[[], Plan]] = None,
    ) -> None:
        self.plan_id = plan_id
        self._plan = plan
        self._load = load

    @property
    def plan(self) -> Plan | None:
        """The plan, read again if it is not at hand and can be; else ``None``."""
        if self._plan is None and self._load is not None:
            self.attach(self._load())
        return self._plan

    def attach(self, plan: Plan) -> None:
        """Hold *plan*, which must be the plan judged (the same id)."""
        if plan.id != self.plan_id:
            raise ValueError(f"this evaluation is of plan {self.plan_id!r}, not {plan.id!r}")
        self._plan = plan

    def reads_with(self, load: Callable[[], Plan]) -> None:
        """Read the plan with *load* (picklable) when it is needed and not at hand."""
        self._load = load

    def __getstate__(self) -> tuple[str, Any]:
        # Never the plan: that is what a result must not carry.
        return (self.plan_id, self._load)

    def __setstate__(self, state: tuple[str, Any]) -> None:
        self.plan_id, self._load = state
        self._plan = None

    def __repr__(self) -> str:
        return f"PlanRef({self.plan_id!r})"
