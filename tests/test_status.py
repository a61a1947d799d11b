"""The status vocabulary and its order of severity (semantics §4)."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planmodel import Status
from planmodel.status import most_severe

#: The contract's vocabulary, most severe first, exactly as written in JSON. The
#: contract leaves the place of nearly_met to the code; docs/readings.md settles it
#: after the two other shortfalls and before the unknowns.
VOCABULARY = [
    "not_met",
    "off_track",
    "nearly_met",
    "no_data",
    "pending",
    "on_track",
    "met",
    "exceeded",
]


def test_vocabulary_is_the_contracts_strings_most_severe_first() -> None:
    assert [status.value for status in Status] == VOCABULARY


def test_severity_falls_along_the_listing() -> None:
    severities = [Status(word).severity for word in VOCABULARY]
    assert severities == [7, 6, 5, 4, 3, 2, 1, 0]


@pytest.mark.parametrize("word", VOCABULARY)
def test_a_status_reads_and_writes_as_its_word(word: str) -> None:
    status = Status(word)
    assert str(status) == word
    assert status == word
    assert json.dumps(status) == f'"{word}"'


def test_only_met_and_exceeded_are_successes() -> None:
    assert {status.value for status in Status if status.is_success} == {"met", "exceeded"}


@given(st.lists(st.sampled_from(list(Status)), min_size=1))
def test_most_severe_is_the_earliest_in_the_vocabulary(found: list[Status]) -> None:
    worst = most_severe(found)
    assert worst in found
    assert worst.value == min((s.value for s in found), key=VOCABULARY.index)


@given(st.lists(st.sampled_from(list(Status)), min_size=1), st.randoms())
def test_most_severe_ignores_order(found: list[Status], rng: random.Random) -> None:
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert most_severe(shuffled) is most_severe(found)


def test_most_severe_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        most_severe([])
