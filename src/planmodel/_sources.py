"""Telling a file's path from a file's content, for every loader."""

from __future__ import annotations

from collections.abc import Mapping


def is_text(source: object) -> bool:
    """Whether *source* is the content itself: bytes, or a string that starts like
    JSON or spans lines (CSV). Anything else names a file."""
    return isinstance(source, bytes) or (
        isinstance(source, str) and (source.lstrip().startswith(("{", "[")) or "\n" in source)
    )


def source_name(source: object) -> str:
    """The file name to put before error messages; empty for content and documents."""
    if isinstance(source, Mapping) or is_text(source):
        return ""
    return str(source)
