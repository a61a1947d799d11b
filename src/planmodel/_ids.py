"""Helpers for the fields of plan classes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import validators


def to_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable of items, stored as an immutable tuple.

    Typed loosely because mypy's attrs plugin cannot bind a generic converter;
    each field's validator checks the items' type at run time.
    """
    return tuple(items)


def instance_of(kind: Any) -> Any:
    """attrs validator: an instance of *kind*, which may be an abstract base (a family
    of kinds such as ``Measure``)."""
    return validators.instance_of(kind)
