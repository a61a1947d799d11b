"""What measures and conditions read while a plan is evaluated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import field, frozen

from .observations import Observations

if TYPE_CHECKING:
    from .metrics import Metric, RatingScale
    from .plan import Plan


@frozen
class Context:
    """A plan and the observations it is judged against, with look-ups built once."""

    plan: Plan
    data: Observations
    _metrics: dict[str, Metric] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_metrics", {metric.id: metric for metric in self.plan.metrics})

    def metric(self, metric_id: str) -> Metric:
        return self._metrics[metric_id]

    def scale_of(self, metric_id: str) -> RatingScale:
        scale_id = self._metrics[metric_id].scale
        assert scale_id is not None, "plan validation guarantees rated metrics have a scale"
        return self.plan.scale(scale_id)
