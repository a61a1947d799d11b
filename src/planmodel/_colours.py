"""The colour of each status, the same wherever a verdict is coloured: the HTML
report's badges, bars and charts, and the status cells of a workbook. Each is dark
enough to carry white text."""

from __future__ import annotations

from .status import Status

STATUS_COLOURS = {
    Status.NOT_MET: "#b3261e",
    Status.OFF_TRACK: "#c26a00",
    Status.NEARLY_MET: "#8a6d00",
    Status.NO_DATA: "#7b4fa0",
    Status.PENDING: "#6b6b6b",
    Status.ON_TRACK: "#00778b",
    Status.MET: "#2e7d32",
    Status.EXCEEDED: "#1b5e20",
}
