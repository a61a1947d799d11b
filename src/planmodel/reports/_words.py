"""The headings and labels reports use, from the message catalogue, and a symbol per status."""

from __future__ import annotations

from ..status import Status
from ..words import word

#: A symbol per status, so that a report read without colour still shows the verdict at a glance.
SYMBOLS = {
    Status.NOT_MET: "✗",
    Status.OFF_TRACK: "!",
    Status.NEARLY_MET: "≈",
    Status.NO_DATA: "?",
    Status.PENDING: "·",
    Status.ON_TRACK: "→",
    Status.MET: "✓",
    Status.EXCEEDED: "✓+",
}

#: Shown beside a met figure past its warning level.
WARNING_SIGN = "⚠"


def label(key: str, lang: str) -> str:
    """A heading or label in *lang* (``label.<key>`` in the catalogue), English when the
    language has no wording."""
    return word(f"label.{key}", lang)


def targets_counted(total: int, lang: str) -> str:
    """ "1 target", "12 targets": the count of targets with its noun in *lang*."""
    return f"{total} {label('target_count.one' if total == 1 else 'target_count', lang)}"
