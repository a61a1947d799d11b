"""Identifiers: short, stable names that cross-references use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

_T = TypeVar("_T")

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")


def check_id(_instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: letters, digits, ``_``, ``.`` and ``-``, not starting with a sign."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ValueError(
            f"{attribute.name}: {value!r} is not an identifier "
            "(letters, digits, '_', '.', '-'; starting with a letter or digit)"
        )


def to_tuple(items: Iterable[_T]) -> tuple[_T, ...]:
    """attrs converter: any iterable of items, stored as an immutable tuple."""
    return tuple(items)
