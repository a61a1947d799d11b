"""Identifiers: short, stable names that cross-references use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._untrusted import echo
from .errors import FieldError

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")


def check_id(_instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: letters, digits, ``_``, ``.`` and ``-``, not starting with a sign."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise FieldError(
            attribute.name,
            f"{echo(value)} is not an identifier "
            "(letters, digits, '_', '.', '-'; starting with a letter or digit)",
        )


def to_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable of items, stored as an immutable tuple.

    Typed loosely because mypy's attrs plugin cannot bind a generic converter;
    each field's validator checks the items' type at run time.
    """
    return tuple(items)
