"""Judgements: the verdict for one period, with its figures (semantics §4)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from planmodel import Judgement, Status
from planmodel.strategies import decimals
from planmodel.words import MetricName, Phrase

optional_numbers = st.one_of(st.none(), decimals())


def _missing(year: int) -> Phrase:
    return Phrase("reason.no_figure", metric=MetricName("coverage"), period=year)


def judgements(depth: int = 1) -> st.SearchStrategy[Judgement]:
    parts = st.just(()) if depth == 0 else st.lists(judgements(depth - 1), max_size=3).map(tuple)
    return st.builds(
        Judgement,
        period=st.one_of(st.none(), st.integers(2000, 2030), st.dates(dt.date(2000, 1, 1))),
        status=st.sampled_from(list(Status)),
        value=st.one_of(optional_numbers, st.sampled_from(["ht", "tot"])),
        gap=optional_numbers,
        progress=optional_numbers,
        expected=optional_numbers,
        reason=st.one_of(st.none(), st.builds(_missing, st.integers(2000, 2030))),
        parts=parts,
        warning=st.booleans(),
        remark=st.one_of(st.none(), st.builds(_missing, st.integers(2000, 2030))),
    )


def test_a_judgement_without_figures_has_none_of_them() -> None:
    found = Judgement(
        2023,
        Status.NO_DATA,
        reason=_missing(2023),
    )
    assert (found.value, found.gap, found.progress, found.expected, found.parts) == (
        None,
        None,
        None,
        None,
        (),
    )


@given(judgements())
def test_as_pending_keeps_every_figure_and_marks_every_part_pending(found: Judgement) -> None:
    pending = found.as_pending()
    assert pending.status is Status.PENDING
    assert (pending.period, pending.value, pending.gap, pending.progress, pending.expected) == (
        found.period,
        found.value,
        found.gap,
        found.progress,
        found.expected,
    )
    assert (pending.reason, pending.remark) == (found.reason, found.remark)
    # A figure not yet judged carries no warning.
    assert not pending.warning
    assert len(pending.parts) == len(found.parts)
    for before, after in zip(found.parts, pending.parts, strict=True):
        assert after == before.as_pending()
        assert all(p.status is Status.PENDING for p in after.parts)
    assert pending.as_pending() == pending
