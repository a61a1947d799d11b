"""What a plan counts: metrics, the dimensions their figures are broken down by, and
the ordinal scales some of them are rated on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal, Optional

from attrs import field, frozen, validators

from ._ids import to_tuple
from .attributes import NONE, Attributes
from .constraints import identifier, min_items, non_blank, non_blank_saying
from .errors import FieldError
from .text import Text
from .units import YES_NO

__all__ = ["Better", "Dimension", "Level", "Metric", "RatingScale"]

#: Which way a figure is better: ``"higher"``, ``"lower"``; ``None`` where neither is.
Better = Literal["higher", "lower"]

_CURRENCY = re.compile(r"[A-Z]{3}")
_TEXT = validators.optional(validators.instance_of(Text))


def _members(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    for member in value:
        non_blank.check("members", member)
    repeated = sorted({m for m in value if value.count(m) > 1})
    if repeated:
        raise FieldError("members", f"members listed twice: {repeated}")


@frozen
class Dimension:
    """A way a metric's figures are broken down: by area, school level, commune.

    ``members`` lists every member when the plan knows them (the 15 wards of a
    district): a quantifier over "every ward" then finds a ward without a figure.
    Without the list, members are those that report figures.

    >>> Dimension("area", members=("urban", "rural")).members
    ('urban', 'rural')
    """

    id: str = field(validator=identifier)
    name: Optional[Text] = field(default=None, validator=_TEXT)
    members: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_members)


def _to_attributes(value: object) -> Attributes:
    if isinstance(value, Attributes):
        return value
    if isinstance(value, Mapping):
        return Attributes(value)
    raise TypeError(f"expected attributes (name → text), got {value!r}")


@frozen
class Metric:
    """Something counted, rated or reached, such as budget revenue or party members.

    A metric with a ``scale`` is rated on that ordinal scale: its observations are
    rating levels or distributions of units over the levels, never numbers. A metric
    whose unit is ``"yes/no"`` is a milestone reached or not. ``dimensions`` are the
    breakdowns its figures may carry. ``price_basis`` ("constant 2010 prices"),
    ``currency`` (ISO 4217) and ``definition`` ("poverty line of 2021-2025") say what
    the figures mean; ``attributes`` keep anything else.

    >>> revenue = Metric("revenue", Text(en="Budget revenue"), "billion VND", better="higher")
    >>> revenue.unit, revenue.better, revenue.scale
    ('billion VND', 'higher', None)

    Only the id is required. The ``name`` is the encoder's words, in any language;
    without one, reports name the metric by its id. Without a ``unit``, figures are
    plain numbers, shown without one.

    >>> Metric("insured", unit="percent").name_in("en")
    'insured'
    """

    id: str = field(validator=identifier)
    name: Optional[Text] = field(default=None, validator=_TEXT)
    unit: Optional[str] = field(
        default=None,
        validator=validators.optional(
            non_blank_saying("must not be empty (use 'count' for plain counts)")
        ),
    )
    better: Optional[Better] = field(
        default=None, validator=validators.optional(validators.in_(("higher", "lower")))
    )
    scale: Optional[str] = field(default=None, validator=validators.optional(identifier))
    dimensions: tuple[Dimension, ...] = field(default=(), converter=to_tuple)
    price_basis: Optional[Text] = field(default=None, validator=_TEXT, kw_only=True)
    currency: Optional[str] = field(default=None, kw_only=True)
    definition: Optional[Text] = field(default=None, validator=_TEXT, kw_only=True)
    attributes: Attributes = field(default=NONE, converter=_to_attributes, kw_only=True)

    @scale.validator
    def _check_scale(self, _attribute: object, value: str | None) -> None:
        if value is not None and self.unit == YES_NO:
            raise FieldError("scale", "a yes/no metric is not rated on a scale")

    @dimensions.validator
    def _check_dimensions(self, _attribute: object, value: tuple[Dimension, ...]) -> None:
        for item in value:
            if not isinstance(item, Dimension):
                raise FieldError("dimensions", f"expected Dimension, got {item!r}")
        ids = [item.id for item in value]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise FieldError("dimensions", f"dimensions listed twice: {repeated}")

    @currency.validator
    def _check_currency(self, _attribute: object, value: str | None) -> None:
        if value is not None and not (isinstance(value, str) and _CURRENCY.fullmatch(value)):
            raise FieldError("currency", f"expected an ISO 4217 code like 'VND', got {value!r}")

    def name_in(self, *preferred: str) -> str:
        """The metric's name in the first of *preferred* languages it has, else its id."""
        return self.id if self.name is None else self.name.pick(*preferred)

    @property
    def yes_no(self) -> bool:
        """Whether the metric's figures are yes/no (a milestone reached or not)."""
        return self.unit == YES_NO

    @property
    def holds(self) -> Literal["number", "rating", "flag"]:
        """What its figures are: numbers, ratings or yes/no."""
        if self.scale is not None:
            return "rating"
        return "flag" if self.unit == YES_NO else "number"

    def dimension(self, dimension_id: str) -> Dimension | None:
        for item in self.dimensions:
            if item.id == dimension_id:
                return item
        return None

    def breakdown_problems(self, breakdown: Mapping[str, str]) -> list[str]:
        """Why a figure broken down by *breakdown* does not fit this metric, if it does not."""
        problems = []
        for dimension_id, member in breakdown.items():
            found = self.dimension(dimension_id)
            if found is None:
                known = ", ".join(d.id for d in self.dimensions) or "none"
                problems.append(
                    f"{self.id} has no dimension {dimension_id!r} (its dimensions: {known})"
                )
            elif found.members and member not in found.members:
                problems.append(
                    f"{member!r} is not a member of {self.id}'s dimension {dimension_id} "
                    f"(members: {', '.join(found.members)})"
                )
        return problems


@frozen
class Level:
    """One level of a rating scale."""

    id: str = field(validator=identifier)
    label: Text = field(validator=validators.instance_of(Text))


@frozen
class RatingScale:
    """An ordinal scale, levels listed from lowest to highest.

    >>> scale = RatingScale("grade", Text(en="Grade"), (
    ...     Level("fail", Text(en="Failed")), Level("pass", Text(en="Passed"))))
    >>> scale.rank("pass") > scale.rank("fail")
    True
    """

    id: str = field(validator=identifier)
    name: Text = field(validator=validators.instance_of(Text))
    levels: tuple[Level, ...] = field(
        converter=to_tuple, validator=min_items(2, "a scale needs at least two levels")
    )
    _ranks: dict[str, int] = field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        ranks = {level.id: index for index, level in enumerate(self.levels)}
        object.__setattr__(self, "_ranks", ranks)

    @levels.validator
    def _check_levels(self, _attribute: object, value: tuple[Level, ...]) -> None:
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
