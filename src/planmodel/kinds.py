"""The families of kinds (measures, conditions, schedules, quantifiers) and how to add one.

Every measure, condition, schedule and quantifier is a small attrs class with a
``kind`` tag; each family keeps one :class:`Registry` of its classes, built by the
classes registering themselves. Loading, dumping, validation, the JSON Schema and
the Hypothesis strategies all read the registries, so a kind registered from outside
planmodel works everywhere a built-in one does::

    from typing import ClassVar
    from attrs import field, frozen
    from planmodel import Measure, register_measure
    from planmodel.kinds import metric_ref

    @register_measure
    @frozen
    class MedianOfUnits(Measure):
        kind: ClassVar[str] = "median_of_units"
        metric: str = field(**metric_ref())
        ...

Fields declared with :func:`metric_ref` and :func:`level_ref` say what they refer
to, so that a plan checks those references and the strategies draw them without
being told.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator
from typing import Any, Generic, Literal, TypeVar

import attrs

from .constraints import identifier

__all__ = [
    "KindError",
    "Registry",
    "Role",
    "dimension_ref",
    "level_ref",
    "metric_ref",
    "overrides",
    "role_metadata",
    "role_of",
]

K = TypeVar("K")
C = TypeVar("C", bound=type)

KIND_PATTERN = re.compile(r"[a-z][a-z0-9_]*")

#: What a metric must hold to be read by a field: numbers, ratings, yes/no, or any.
Holds = Literal["number", "rating", "flag", "any"]

_ROLE = "planmodel.role"


class KindError(TypeError):
    """A kind cannot be registered: no tag, a malformed tag, or a tag already taken."""


class Registry(Generic[K]):
    """The kinds of one family by their tags, in the order they were registered.

    >>> from planmodel.measures import MEASURES
    >>> MEASURES["value"].__name__, "value" in MEASURES
    ('Value', True)
    """

    def __init__(self, family: str, base: Any) -> None:
        # The base is an abstract class, which mypy will not take as a type[K].
        self.family = family
        self.base: type[K] = base
        self._by_kind: dict[str, type[K]] = {}
        #: Counts the changes, so that what is worked out from the kinds (whether they
        #: are all planmodel's own, say) is known to be still true.
        self.version = 0

    def register(self, cls: C) -> C:
        """Add *cls* to the family (use as a class decorator, above ``@frozen``)."""
        found: Any = cls
        if not (isinstance(found, type) and issubclass(found, self.base)):
            raise KindError(f"a {self.family} kind must subclass {self.base.__name__}: {cls!r}")
        if not attrs.has(found):
            raise KindError(f"{cls.__qualname__}: decorate the class with attrs first (@frozen)")
        kind = getattr(cls, "kind", None)
        if not isinstance(kind, str) or not KIND_PATTERN.fullmatch(kind):
            raise KindError(
                f"{cls.__qualname__}: a {self.family} kind needs a class attribute "
                f"kind: ClassVar[str] of lowercase letters, digits and '_', got {kind!r}"
            )
        taken = self._by_kind.get(kind)
        if taken is not None and taken is not cls:
            raise KindError(
                f"{self.family} kind {kind!r} is taken by {_name(taken)}; "
                f"{_name(cls)} needs another tag"
            )
        self._by_kind[kind] = typing.cast("type[K]", cls)
        self.version += 1
        return cls

    def unregister(self, kind: str) -> None:
        """Remove the kind tagged *kind* (a plugin being reloaded, a test cleaning up);
        plans already built with it keep their objects."""
        del self._by_kind[kind]
        self.version += 1

    def __getitem__(self, kind: str) -> type[K]:
        return self._by_kind[kind]

    def get(self, kind: str) -> type[K] | None:
        return self._by_kind.get(kind)

    def __contains__(self, kind: object) -> bool:
        return kind in self._by_kind

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._by_kind))

    def __len__(self) -> int:
        return len(self._by_kind)

    def types(self) -> tuple[type[K], ...]:
        """The registered classes, in registration order."""
        return tuple(self._by_kind.values())

    def __repr__(self) -> str:
        return f"<Registry of {self.family} kinds: {', '.join(self._by_kind)}>"


@functools.cache
def overrides(cls: type, base: type, *names: str) -> bool:
    """Whether *cls* defines any of the methods *names* differently from *base*.

    A kind's fast path (a measure's ``reader``, a condition's ``assessor``) repeats
    what its methods compute; a subclass that computes in its own way keeps the
    general path, which calls its methods, rather than a fast one that would skip them.
    """
    return any(getattr(cls, name) is not getattr(base, name) for name in names)


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


@attrs.frozen
class Role:
    """What a field refers to: a metric (holding *holds*), a level of the rated metric
    named by the field *of*, a subject (a metric id or a measure of numbers), or a
    dimension of the metrics read."""

    refers_to: Literal["metric", "level", "subject", "dimension"]
    holds: Holds = "number"
    of: str = ""


def role_of(field: attrs.Attribute[Any]) -> Role | None:
    """The :class:`Role` declared on an attrs field, if any."""
    found = field.metadata.get(_ROLE)
    return found if isinstance(found, Role) else None


def metric_ref(*, holds: Holds = "number") -> dict[str, Any]:
    """The ``attrs.field`` arguments of a field holding the id of a metric that holds
    *holds*: ``metric: str = field(**metric_ref())``.

    The plan checks that the metric exists and holds the right kind of figure; the
    strategies draw one that does.
    """
    return {"validator": identifier, "metadata": {_ROLE: Role("metric", holds)}}


def level_ref(*, of: str = "metric") -> dict[str, Any]:
    """The ``attrs.field`` arguments of a field holding a level of the scale of the rated
    metric named by field *of*: ``level: str = field(**level_ref())``."""
    return {"validator": identifier, "metadata": {_ROLE: Role("level", "rating", of)}}


def dimension_ref() -> dict[str, Any]:
    """The ``attrs.field`` arguments of a field holding a dimension that a metric the
    measure reads is broken down by: ``dimension: str = field(**dimension_ref())``."""
    return {"validator": identifier, "metadata": {_ROLE: Role("dimension", "any")}}


def role_metadata(role: Role) -> dict[str, Role]:
    """Field metadata declaring *role*, for a field with a validator of its own."""
    return {_ROLE: role}
