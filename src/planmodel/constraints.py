"""Constraints on the fields of plan classes, each declared once.

A constraint is an attrs validator that also knows its JSON Schema, so that loading,
building in Python and the published schema can never disagree::

    from attrs import field, frozen
    from planmodel.constraints import identifier, min_items

    @frozen
    class Basket:
        id: str = field(validator=identifier)
        items: tuple[str, ...] = field(validator=min_items(2))

:mod:`planmodel.schema` reads the ``schema`` of every constraint on a field.
"""

from __future__ import annotations

import abc
import re
from typing import Any

from attrs import frozen

from ._untrusted import echo, lone_surrogate
from .errors import FieldError, FieldTypeError
from .periods import MAX_YEAR, MIN_YEAR
from .text import LANGUAGE_TAG

__all__ = [
    "Constraint",
    "each",
    "identifier",
    "language_tag",
    "min_items",
    "non_blank",
    "one_of",
    "positive",
    "power_of_ten",
    "web_address",
    "year",
]

#: Letters, digits, ``_``, ``.`` and ``-``, starting with a letter or digit.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")

# Neither spaces nor control characters belong anywhere in a web address.
_VISIBLE = r"\s\x00-\x1f\x7f"
#: A web address: ``http://`` or ``https://``, a host (a name, or an IP address in
#: brackets), an optional port, then anything visible. A user name or password before
#: the host is refused: a published plan's address has none.
WEB_ADDRESS = re.compile(
    r"https?://"
    rf"(?:\[[0-9A-Fa-f:.]+\]|[^{_VISIBLE}/?#@:\[\]]+)"  # the host
    r"(?::[0-9]*)?"  # the port
    rf"(?:[/?#][^{_VISIBLE}]*)?"  # the path, query and fragment
)


class Constraint(abc.ABC):
    """An attrs validator that carries the JSON Schema of what it accepts."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def schema(self) -> dict[str, Any]:
        """The JSON Schema keywords this constraint adds to its field."""

    @abc.abstractmethod
    def check(self, name: str, value: Any) -> None:
        """Raise :class:`~planmodel.errors.FieldError` naming *name* if *value* is refused."""

    def __call__(self, _instance: object, attribute: Any, value: Any) -> None:
        self.check(attribute.name, value)


#: Identifiers already found valid: a plan's and its figures' ids repeat thousands of
#: times. Bounded, so that reading endless distinct ids cannot grow it without end.
_IDENTIFIERS: set[str] = set()
_REMEMBERED = 10_000


@frozen
class _Identifier(Constraint):
    @property
    def schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": f"^{ID_PATTERN.pattern}$",
            "description": "an identifier: letters, digits, '_', '.', '-'",
        }

    def check(self, name: str, value: Any) -> None:
        if type(value) is str and value in _IDENTIFIERS:
            return
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            raise FieldError(
                name,
                f"{echo(value)} is not an identifier "
                "(letters, digits, '_', '.', '-'; starting with a letter or digit)",
            )
        if len(_IDENTIFIERS) < _REMEMBERED:
            _IDENTIFIERS.add(value)


@frozen
class _Year(Constraint):
    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}

    def check(self, name: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(name, f"expected a year as a whole number, got {echo(value)}")
        if not MIN_YEAR <= value <= MAX_YEAR:
            raise FieldError(name, f"year {value} is outside {MIN_YEAR}-{MAX_YEAR}")


@frozen
class _NonBlank(Constraint):
    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S"}

    message: str = "must not be empty"

    def check(self, name: str, value: Any) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(name, f"expected a string, got {echo(value)}")
        if not value.strip():
            raise FieldError(name, self.message)
        if lone_surrogate(value) is not None:
            raise FieldError(
                name, "holds a lone surrogate, which is not a character and cannot be written"
            )


def non_blank_saying(message: str) -> Constraint:
    """Text with something other than spaces, refused with *message* in the domain's words."""
    return _NonBlank(message)


@frozen
class _LanguageTag(Constraint):
    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{LANGUAGE_TAG.pattern}$"}

    def check(self, name: str, value: Any) -> None:
        if not isinstance(value, str) or not LANGUAGE_TAG.fullmatch(value):
            raise FieldError(name, f"{echo(value)} is not a language tag (like 'vi')")


@frozen
class _WebAddress(Constraint):
    @property
    def schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": f"^{WEB_ADDRESS.pattern}$",
            "description": "a web address: http:// or https://, then a host",
        }

    def check(self, name: str, value: Any) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(name, f"expected a web address, got {echo(value)}")
        if lone_surrogate(value) is not None:
            raise FieldError(
                name, "holds a lone surrogate, which is not a character and cannot be written"
            )
        if not WEB_ADDRESS.fullmatch(value):
            raise FieldError(
                name,
                f"{echo(value)} is not a web address (http:// or https://, then a host name, "
                "with no spaces)",
            )


@frozen
class _MinItems(Constraint):
    least: int
    message: str

    @property
    def schema(self) -> dict[str, Any]:
        return {"minItems": self.least}

    def check(self, name: str, value: Any) -> None:
        if len(value) < self.least:
            raise FieldError(name, self.message or f"needs at least {self.least} items")


@frozen
class _Each(Constraint):
    inner: Constraint

    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.inner.schema}

    def check(self, name: str, value: Any) -> None:
        for item in value:
            self.inner.check(name, item)


@frozen
class _OneOf(Constraint):
    choices: tuple[Any, ...]

    @property
    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}

    def check(self, name: str, value: Any) -> None:
        if (
            isinstance(value, bool) != isinstance(self.choices[0], bool)
            or value not in self.choices
        ):
            shown = ", ".join(repr(choice) for choice in self.choices)
            raise FieldError(name, f"expected one of {shown}, got {echo(value)}")


@frozen
class _Positive(Constraint):
    @property
    def schema(self) -> dict[str, Any]:
        return {"exclusiveMinimum": 0}

    def check(self, name: str, value: Any) -> None:
        if not value > 0:
            raise FieldError(name, f"must be greater than 0, got {value}")


@frozen
class _PowerOfTen(Constraint):
    largest: int

    @property
    def schema(self) -> dict[str, Any]:
        return {"enum": [10**exponent for exponent in range(len(str(self.largest)))]}

    def check(self, name: str, value: Any) -> None:
        allowed = self.schema["enum"]
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            shown = ", ".join(f"{number:_}" for number in allowed)
            raise FieldError(name, f"expected one of {shown}, got {echo(value)}")


#: An identifier: letters, digits, ``_``, ``.``, ``-``.
identifier: Constraint = _Identifier()
#: A year within the years planmodel accepts.
year: Constraint = _Year()
#: A string with something other than spaces in it.
non_blank: Constraint = _NonBlank()
#: A language tag such as ``vi`` or ``zh-Hant``.
language_tag: Constraint = _LanguageTag()
#: A number greater than zero.
positive: Constraint = _Positive()
#: A web address, ``http://`` or ``https://`` and a host: ``https://example.org/plan``.
web_address: Constraint = _WebAddress()


def min_items(least: int, message: str = "") -> Constraint:
    """At least *least* items in a list; *message* says so in the domain's words."""
    return _MinItems(least, message)


def each(inner: Constraint) -> Constraint:
    """Every item of a list meets *inner*."""
    return _Each(inner)


def one_of(*choices: Any) -> Constraint:
    """One of *choices* exactly (``True`` is not ``1``)."""
    return _OneOf(tuple(choices))


def power_of_ten(largest: int) -> Constraint:
    """1, 10, 100, … up to *largest*."""
    return _PowerOfTen(largest)


def constraints_of(validator: object) -> list[Constraint]:
    """Every constraint inside an attrs validator (``optional``, ``and_`` unwrapped)."""
    if validator is None:
        return []
    if isinstance(validator, Constraint):
        return [validator]
    inner = getattr(validator, "validator", None)
    if inner is not None:
        return constraints_of(inner)
    many = getattr(validator, "_validators", None)
    if many is not None:
        return [found for one in many for found in constraints_of(one)]
    return []
