"""Judgements kept as rows: the same judgements to whoever reads them."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from planmodel import Judgement
from planmodel._rows import Judgements, judgement, judgements, of_judgement, pending
from test_judgements import judgements as drawn_judgements


@given(drawn_judgements(depth=2))
def test_a_judgement_made_a_row_and_back_is_the_same(found: Judgement) -> None:
    assert judgement(of_judgement(found)) == found


@given(drawn_judgements(depth=2))
def test_a_pending_row_is_the_pending_judgement(found: Judgement) -> None:
    assert judgement(pending(of_judgement(found))) == found.as_pending()


@given(st.lists(drawn_judgements(depth=1), max_size=4))
def test_rows_read_as_a_tuple_of_judgements(found: list[Judgement]) -> None:
    rows = Judgements(of_judgement(one) for one in found)
    assert rows == tuple(found)
    assert tuple(found) == rows
    assert list(rows) == found
    assert [rows[index] for index in range(len(found))] == found
    assert rows[1:] == tuple(found[1:])
    assert len(rows) == len(found)
    assert all(one in rows for one in found)
    assert hash(rows) == hash(tuple(found))
    assert repr(rows) == repr(tuple(found))
    assert judgements(rows.rows()) == tuple(found)


@given(st.lists(drawn_judgements(depth=1), min_size=1, max_size=4))
def test_rows_pickle_as_rows(found: list[Judgement]) -> None:
    rows = Judgements(of_judgement(one) for one in found)
    copy = pickle.loads(pickle.dumps(rows))
    assert type(copy) is Judgements
    assert copy == rows
    # What is kept is the rows: no Judgement instance is pickled.
    assert b"Judgement\n" not in pickle.dumps(rows, protocol=0)


def test_rows_and_judgements_are_told_apart_from_other_values() -> None:
    assert Judgements() == ()
    assert Judgements() != [()]
    assert (Judgements() == 1) is False
