"""Unstructuring without the converter's dispatch: the same documents, sooner.

The converter (:mod:`planmodel._converter`) turns a plan into a JSON-ready document
with cattrs' functions, one per attrs class, which call a hook for every field and
compare each field with its default through the class's ``__eq__``. Here each attrs
class the converter unstructures from its fields gets a function written the same
way, but which leaves values JSON already holds (strings, whole numbers, decimals) as
they are, writes a :class:`~planmodel.Text` with its own method, names a tagged
kind's ``kind`` first as the converter does, and finds a default of ``None`` or
``()`` by identity and length. Any other type is left to the converter's own hook.
The documents are equal to the converter's, key order included (checked by the
tests over generated plans).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from cattrs import Converter

from ._made_once import MadeOnce
from .conditions import CONDITIONS
from .measures import MEASURES, REFERENCES, Subject
from .quantifiers import QUANTIFIERS
from .schedules import SCHEDULES
from .text import Text

__all__ = ["FastUnstructurer"]

Unstructure = Callable[[Any], Any]

#: Types the converter writes as they are.
_AS_THEY_ARE: frozenset[Any] = frozenset({str, int, bool, Decimal})


def _text(value: Text | None) -> dict[str, str] | None:
    return None if value is None else value.as_dict()


class FastUnstructurer:
    """Unstructuring functions per type, made on first use from the attrs classes'
    fields and the converter's hooks."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        # By type, and by (class, True) for a class written with its kind.
        self._functions: MadeOnce[Unstructure | None] = MadeOnce()
        #: The families' bases, and their optional forms: written by the kind.
        self._families: frozenset[Any] = frozenset(
            base
            for registry in (MEASURES, CONDITIONS, SCHEDULES, REFERENCES, QUANTIFIERS)
            for base in (registry.base, typing.Optional[registry.base])
        )

    def unstructure(self, value: Any, kind: Any) -> Any:
        """*value*, of type *kind*, as the converter unstructures it."""
        function = self.function(kind)
        return value if function is None else function(value)

    def function(self, kind: Any) -> Unstructure | None:
        """The unstructuring function of the type *kind*; ``None`` when values of it are
        written as they are."""
        return self._functions.get(kind, lambda: self._make(kind))

    def _make(self, kind: Any) -> Unstructure | None:
        if _as_they_are(kind):
            return None
        if kind in self._families:
            return self._tagged()
        if kind == Subject:
            return self._subject()
        if kind is Text or kind == typing.Optional[Text]:
            return _text
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._tuple(args[0])
        if self._from_fields(kind):
            return self._class(kind, tagged=False)
        hook: Unstructure = self.converter.get_unstructure_hook(kind)
        return hook

    def _from_fields(self, kind: Any) -> bool:
        """Whether the converter unstructures *kind* from its fields (its hook is marked
        ``from_fields``), rather than with a hook of its own."""
        if not (isinstance(kind, type) and attrs.has(kind)):
            return False
        hook = self.converter.get_unstructure_hook(kind)
        return getattr(hook, "from_fields", None) is kind

    def _tuple(self, element: Any) -> Unstructure:
        inner = self.function(element)
        if inner is None:
            return list

        def unstructure(value: Any) -> Any:
            return [inner(one) for one in value]

        return unstructure

    def _tagged(self) -> Unstructure:
        """Any kind of a family (or ``None``, for an optional one), by the function of
        its class; for a class not unstructured from its fields, the converter's hook
        with the kind named first, as :func:`planmodel._converter._register_tagged` does."""
        ready = self._functions.ready

        def unstructure(value: Any) -> Any:
            if value is None:
                return None
            cls = type(value)
            found = ready.get((cls, True)) or self._functions.get(
                (cls, True), lambda: self._kind(cls)
            )
            assert found is not None
            return found(value)

        return unstructure

    def _kind(self, cls: type) -> Unstructure:
        if self._from_fields(cls):
            return self._class(cls, tagged=True)
        return self._converters(cls, tagged=True)

    def _subject(self) -> Unstructure:
        measure = self.function(MEASURES.base)
        assert measure is not None

        def unstructure(value: Any) -> Any:
            return value if type(value) is str else measure(value)

        return unstructure

    def _class(self, cls: type, *, tagged: bool) -> Unstructure:
        """The function of an attrs class, written out as Python source as cattrs
        writes its own: the fields without defaults first, then each field with one
        when its value differs from the default (``omit_if_default``)."""
        attrs.resolve_types(cls)
        fields = [field for field in attrs.fields(cls) if field.init]
        names: dict[str, Any] = {}
        # A kind of a family names itself first, as the converter's tagged hook does.
        required = [f"        'kind': {cls.kind!r},"] if tagged else []  # type: ignore[attr-defined]
        optional = []
        for index, field in enumerate(fields):
            value = f"value.{field.name}"
            default = field.default
            if default is attrs.NOTHING:
                required.append(f"        {field.name!r}: {_written(field.type, value, index)},")
                continue
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    return self._converters(cls, tagged=tagged)
                # Compared with one value made now, where the converter makes one on
                # each call: planmodel's factories make immutable values.
                default = default.factory()
            if field.converter is not None:
                if not callable(field.converter) or isinstance(field.converter, attrs.Converter):
                    return self._converters(cls, tagged=tagged)
                default = field.converter(default)
            found = f"found{index}"
            if default is None:
                differs = f"({found} := {value}) is not None"
                written = _written(field.type, found, index, known=True)
            else:
                # The same object is equal to itself: no ``__eq__`` is called for it.
                names[f"default{index}"] = default
                same = f"default{index}"
                differs = f"({found} := {value}) is not {same} and {found} != {same}"
                written = _written(field.type, found, index)
            optional.append(f"    if {differs}:")
            optional.append(f"        found[{field.name!r}] = {written}")
        lines = [
            "def function(value):",
            "    found = {",
            *required,
            "    }",
            *optional,
            "    return found",
        ]
        makers = [functools.partial(self.function, field.type) for field in fields]
        key = (cls, True) if tagged else cls
        function = self._functions.write(key, "\n".join(lines), names, makers)
        assert function is not None
        return function

    def _converters(self, cls: type, *, tagged: bool) -> Unstructure:
        """The converter's own hook for *cls*: for a class it does not unstructure
        from its fields, or one whose defaults this module does not compare as it does
        (a factory reading the instance, a converter taking it)."""
        hook: Unstructure = self.converter.get_unstructure_hook(cls)
        if not tagged:
            return hook
        tag = cls.kind  # type: ignore[attr-defined]

        def unstructure(value: Any) -> Any:
            return {"kind": tag, **hook(value)}

        return unstructure


def _written(kind: Any, value: str, index: int, *, known: bool = False) -> str:
    """The source of *value* (an expression of type *kind*) unstructured: as it is, a
    text's dict, or the function ``make<index>`` called; *known* when the value is
    known not to be ``None``."""
    if _as_they_are(kind):
        return value
    if kind is Text or (known and kind == typing.Optional[Text]):
        return f"{value}.as_dict()"
    return f"make{index}({value})"


def _as_they_are(kind: Any) -> bool:
    """Whether the converter writes values of *kind* as they are (``Optional`` too)."""
    if kind in _AS_THEY_ARE:
        return True
    args = typing.get_args(kind)
    return (
        typing.get_origin(kind) is typing.Union
        and len(args) == 2
        and type(None) in args
        and any(arg in _AS_THEY_ARE for arg in args)
    )
