"""Structuring a document that is valid, fast; anything else is left to the converter.

The converter (:mod:`planmodel._converter`) structures a document and, when it is not
valid, lists every problem with its JSON path: each field is structured in its own
``try`` and every error is gathered. Most documents are valid, and pay for that
bookkeeping for nothing. Here each attrs class gets a lean structuring function that
checks the same things with the same hooks (the converter's own, for every value that
is not an attrs object, a tagged union or a tuple) and builds the same objects with the
same constructors, so that their validators run too; it raises :class:`NotValid` at the
first thing it does not take. The caller then structures the document again with the
converter, which says what is wrong. So the result for a valid document is the object
the converter would build, and an invalid document is never accepted here.

Kinds registered after this module was imported (a user's own) are found in their
registries when a document names them, as the converter finds them.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
from cattrs import Converter

from ._made_once import MadeOnce
from .conditions import CONDITIONS
from .kinds import Registry
from .measures import MEASURES, REFERENCES, Subject
from .quantifiers import QUANTIFIERS
from .schedules import SCHEDULES
from .text import Text

__all__ = ["FastStructurer", "NotValid"]

T = TypeVar("T")

#: Whole numbers beyond this are read by the reader as decimals, not ints (see
#: :mod:`planmodel._json`); one that reaches an ``int`` field takes the slow path.
_LARGEST_INT = 10**60

Structure = Callable[[Any], Any]


class NotValid(Exception):
    """The document is not one this module takes; the converter will say why."""


def _written_str(value: Any) -> str:
    """The converter's hook for ``str``, for a string read by msgspec."""
    if type(value) is not str:
        raise NotValid
    return value


def _written_text(value: Any) -> Text:
    """The converter's hook for :class:`~planmodel.Text`, for strings read by msgspec:
    an object of strings, made a Text (which checks the tags and the texts)."""
    if not isinstance(value, dict):
        raise NotValid
    for text in value.values():
        if type(text) is not str:
            raise NotValid
    return Text(value)


class FastStructurer:
    """Structuring functions per type, made on first use from the attrs classes'
    fields and the converter's hooks."""

    def __init__(self, converter: Converter, *, written: bool = False) -> None:
        """*written*: the documents were read from JSON text by msgspec, which refuses a
        lone surrogate (``"\\ud800"``); their strings are then known to be writable,
        and not searched again for one."""
        self.converter = converter
        self.written = written
        # By type, and by (class, True) for a class whose document names its kind.
        self._functions: MadeOnce[Structure] = MadeOnce()
        self._registries: dict[Any, Registry[Any]] = {}
        for registry in (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS):
            self._registries[registry.base] = registry

    def structure(self, document: Mapping[str, Any], cls: type[T]) -> T:
        """*document* as a *cls*; raises :class:`NotValid`, or whatever a hook or a
        constructor raises, where the converter would report a problem."""
        found: T = self.function(cls)(document)
        return found

    def function(self, kind: Any) -> Structure:
        """The structuring function of the type *kind*."""
        return self._functions.get(kind, lambda: self._make(kind))

    # -- what each type is made with -----------------------------------------------------

    def _make(self, kind: Any) -> Structure:
        if kind in self._registries:
            return self._tagged(self._registries[kind])
        if kind == Subject:
            return self._subject()
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is typing.Union and type(None) in args and len(args) == 2:
            return self._optional(next(arg for arg in args if arg is not type(None)))
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._tuple(args[0])
        if self._from_fields(kind):
            return self._class(kind, tagged=False)
        if kind is int:
            return self._int()
        if self.written and kind is str:
            return _written_str
        if self.written and kind is Text:
            return _written_text
        return self._hook(kind)

    def _from_fields(self, kind: Any) -> bool:
        """Whether the converter builds *kind* from its fields: an attrs class its
        hook for attrs classes structures (marked ``from_fields``), not one with a hook
        of its own (:class:`~planmodel.Text`, :class:`~planmodel.Quarter`)."""
        if not (isinstance(kind, type) and attrs.has(kind)):
            return False
        hook = self.converter.get_structure_hook(kind)
        return getattr(hook, "from_fields", None) is kind

    def _hook(self, kind: Any) -> Structure:
        hook = self.converter.get_structure_hook(kind)

        def structure(value: Any) -> Any:
            return hook(value, kind)

        return structure

    def _int(self) -> Structure:
        hook = self.converter.get_structure_hook(int)

        def structure(value: Any) -> Any:
            # A longer whole number is read as a decimal by the stdlib reader, and
            # refused where an int belongs: take the path that refuses it.
            if type(value) is int and not -_LARGEST_INT < value < _LARGEST_INT:
                raise NotValid
            return hook(value, int)

        return structure

    def _optional(self, kind: Any) -> Structure:
        # As the converter does (its own hooks for an optional period or kind too):
        # None is None, anything else is structured as the type itself.
        inner = self.function(kind)

        def structure(value: Any) -> Any:
            return None if value is None else inner(value)

        return structure

    def _tuple(self, element: Any) -> Structure:
        inner = self.function(element)

        def structure(value: Any) -> Any:
            if not isinstance(value, list):
                raise NotValid
            return tuple(map(inner, value))

        return structure

    def _tagged(self, registry: Registry[Any]) -> Structure:
        ready, functions = self._functions.ready, self._functions

        def structure(value: Any) -> Any:
            if not isinstance(value, dict):
                raise NotValid
            kind = value.get("kind")
            found = registry.get(kind) if type(kind) is str else None
            if found is None:
                raise NotValid
            inner = ready.get((found, True)) or functions.get(
                (found, True), lambda: self._class(found, tagged=True)
            )
            return inner(value)

        return structure

    def _subject(self) -> Structure:
        measure = self.function(MEASURES.base)

        def structure(value: Any) -> Any:
            if type(value) is str:
                return value
            if isinstance(value, dict):
                return measure(value)
            raise NotValid

        return structure

    def _class(self, cls: type, *, tagged: bool) -> Structure:
        """The function for an attrs class; *tagged* when the document names its kind.

        Written out as Python source, as cattrs writes its own: one call of the class
        with each field's value structured or, when the key is absent, the field's
        default (its factory's sentinel for a factory, as the class's ``__init__`` has).
        """
        attrs.resolve_types(cls)
        fields = [field for field in attrs.fields(cls) if field.init]
        keys = [field.alias or field.name for field in fields]
        allowed = frozenset(keys) | ({"kind"} if tagged else frozenset())
        names: dict[str, Any] = {"NotValid": NotValid, "allowed": allowed, "cls": cls}
        lines = [
            "def function(value):",
            "    if not isinstance(value, dict) or not allowed.issuperset(value):",
            "        raise NotValid",
            "    get = value.get",
            "    return cls(",
        ]
        for index, (key, field) in enumerate(zip(keys, fields, strict=True)):
            if field.default is attrs.NOTHING:
                lines.append(f"        {key}=make{index}(value[{key!r}]),")
                continue
            default = field.default
            names[f"default{index}"] = (
                attrs.NOTHING if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
            )
            names[f"absent{index}"] = object()
            lines.append(
                f"        {key}=default{index} if (found{index} := get({key!r}, absent{index}))"
                f" is absent{index} else make{index}(found{index}),"
            )
        lines.append("    )")
        makers = [functools.partial(self.function, field.type) for field in fields]
        key = (cls, True) if tagged else cls
        return self._functions.write(key, "\n".join(lines), names, makers)
