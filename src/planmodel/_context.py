"""What measures and conditions read while a plan is evaluated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .observations import Observations

if TYPE_CHECKING:
    from .metrics import RatingScale
    from .plan import Plan


@frozen
class Context:
    """A plan and the observations it is judged against."""

    plan: Plan
    data: Observations

    def scale_of(self, metric_id: str) -> RatingScale:
        scale_id = self.plan.metric(metric_id).scale
        assert scale_id is not None, "plan validation guarantees rated metrics have a scale"
        return self.plan.scale(scale_id)
