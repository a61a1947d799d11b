"""What a plan counts: metrics, and the ordinal scales some of them are rated on."""

from __future__ import annotations

from typing import Literal, Optional

from attrs import field, frozen, validators

from ._ids import check_id, to_tuple
from ._plain_text import plain_text
from .errors import FieldError
from .text import Text

__all__ = ["Better", "Level", "Metric", "RatingScale"]

#: Which way a figure is better: ``"higher"``, ``"lower"``; ``None`` where neither is.
Better = Literal["higher", "lower"]


@frozen
class Metric:
    """Something counted or rated, such as budget revenue or party members.

    A metric with a ``scale`` is rated on that ordinal scale: its observations are
    rating levels or distributions of units over the levels, never numbers.

    >>> revenue = Metric("revenue", Text(en="Budget revenue"), "billion VND", better="higher")
    >>> revenue.unit, revenue.better, revenue.scale
    ('billion VND', 'higher', None)
    """

    id: str = field(validator=check_id)
    name: Text = field(validator=validators.instance_of(Text))
    unit: str = field(validator=plain_text)
    better: Optional[Better] = field(
        default=None, validator=validators.optional(validators.in_(("higher", "lower")))
    )
    scale: Optional[str] = field(default=None, validator=validators.optional(check_id))

    @unit.validator
    def _check_unit(self, _attribute: object, value: str) -> None:
        if not value.strip():
            raise FieldError("unit", "must not be empty (use 'count' for plain counts)")


@frozen
class Level:
    """One level of a rating scale."""

    id: str = field(validator=check_id)
    label: Text = field(validator=validators.instance_of(Text))


@frozen
class RatingScale:
    """An ordinal scale, levels listed from lowest to highest.

    >>> scale = RatingScale("grade", Text(en="Grade"), (
    ...     Level("fail", Text(en="Failed")), Level("pass", Text(en="Passed"))))
    >>> scale.rank("pass") > scale.rank("fail")
    True
    """

    id: str = field(validator=check_id)
    name: Text = field(validator=validators.instance_of(Text))
    levels: tuple[Level, ...] = field(converter=to_tuple)
    _ranks: dict[str, int] = field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        ranks = {level.id: index for index, level in enumerate(self.levels)}
        object.__setattr__(self, "_ranks", ranks)

    @levels.validator
    def _check_levels(self, _attribute: object, value: tuple[Level, ...]) -> None:
        if len(value) < 2:
            raise FieldError("levels", "a scale needs at least two levels")
        ids = [level.id for level in value]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise FieldError("levels", f"duplicate level ids {duplicated}")

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def rank(self, level_id: str) -> int:
        """Position of a level, 0 for the lowest; ``KeyError`` if unknown."""
        return self._ranks[level_id]

    def level(self, level_id: str) -> Level:
        return self.levels[self.rank(level_id)]
