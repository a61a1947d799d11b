"""attrs validators for fields holding a plain string (a note, a source): text
that can be written out again, checked where it is set rather than where a report
or a file is written, far from the cause."""

from __future__ import annotations

from typing import Any

from ._untrusted import echo, lone_surrogate
from .errors import FieldError, FieldTypeError


def plain_text(_instance: object, attribute: Any, value: Any) -> None:
    """A string without a lone surrogate, which no encoding can write."""
    if not isinstance(value, str):
        raise FieldTypeError(attribute.name, f"expected text, got {echo(value)}")
    if lone_surrogate(value) is not None:
        raise FieldError(
            attribute.name, "holds a lone surrogate, which is not a character and cannot be written"
        )


def optional_plain_text(instance: object, attribute: Any, value: Any) -> None:
    """``None``, or what :func:`plain_text` accepts."""
    if value is not None:
        plain_text(instance, attribute, value)
