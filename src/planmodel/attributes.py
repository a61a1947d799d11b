"""Attributes: typed facts about targets and metrics beyond what they measure.

A target's :data:`Commitment` (binding, expected or indicative: the 约束性 / 预期性
distinction of five-year plans, free of any one country's wording), and a free
mapping, :class:`Attributes`, for whatever else an encoder wants to keep and filter
on (a programme, a responsible agency, a source table).
"""

from __future__ import annotations

from typing import Literal

from ._frozenmap import FrozenMap

__all__ = ["COMMITMENTS", "Attributes", "Commitment"]

#: How firmly a plan commits to a target: ``binding`` (a must), ``expected`` (an aim
#: the plan expects to reach), ``indicative`` (a direction, not a promise).
Commitment = Literal["binding", "expected", "indicative"]
COMMITMENTS: tuple[Commitment, ...] = ("binding", "expected", "indicative")


class Attributes(FrozenMap):
    """Free attributes, identifier → text: ``Attributes(programme="NTM", agency="MARD")``."""

    __slots__ = ()
    key_word = "attribute"
    value_word = "attribute value"


#: No attributes.
NONE = Attributes()
