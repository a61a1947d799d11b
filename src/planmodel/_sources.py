"""Telling a file's path from a file's content, for every loader."""

from __future__ import annotations

from collections.abc import Mapping

#: Suffixes that make a one-line string a file name. JSON content ends with ``}`` or
#: ``]``, CSV content spans lines, and a workbook is bytes, so none can end like this.
FILE_SUFFIXES = (".json", ".csv", ".xlsx", ".xlsm")


def is_text(source: object) -> bool:
    """Whether *source* is the content itself rather than the name of a file.

    Bytes are content. A string is content when it spans lines (CSV, or JSON written
    out), or when it starts like JSON and does not end like a file name: ``'[2023].csv'``
    names a file.

    >>> is_text('{"schema": "planmodel/1"}'), is_text("[2023].csv"), is_text("plan.json")
    (True, False, False)
    """
    if isinstance(source, bytes):
        return True
    if not isinstance(source, str):
        return False
    if "\n" in source or "\r" in source:
        return True
    stripped = source.strip()
    return stripped.startswith(("{", "[")) and not stripped.lower().endswith(FILE_SUFFIXES)


def source_name(source: object) -> str:
    """The file name to put before error messages; empty for content and documents."""
    if isinstance(source, Mapping) or is_text(source):
        return ""
    return str(source)
