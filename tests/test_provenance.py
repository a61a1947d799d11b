"""What a plan lacks before it is published: the provenance missing, each with its path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planmodel import (
    Metric,
    Plan,
    Problem,
    Source,
    Target,
    Term,
    Text,
    at_most,
    by_deadline,
    load_plan,
    missing_provenance,
    value,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "longbien_2020_2025.json"
WHEN = '"2021", "2021-02" or "2021-02-26"'
JURISDICTION = Problem(
    "$.jurisdiction", "missing; a published plan says which jurisdiction it governs"
)
ADOPTED = Problem("$.adopted", f"missing; a published plan says when it was adopted: {WHEN}")
ADOPTED_BY = Problem("$.adopted_by", "missing; a published plan says who adopted it")
SOURCE = Problem(
    "$.source",
    "missing; a published plan says where its text was published: a title, a web address "
    "and a date",
)
URL = Problem("$.source.url", "missing; a published plan gives the web address of its text")
PUBLISHED = Problem(
    "$.source.published",
    f"missing; a published plan says when its text was published: {WHEN}",
)

COMPLETE: dict[str, Any] = {
    "jurisdiction": Text(en="Example city"),
    "adopted": "2021-02-26",
    "adopted_by": Text(en="City council"),
    "source": Source(title=Text(en="Gazette"), url="https://example.org/plan", published="2021-03"),
}


def plan(**provenance: Any) -> Plan:
    """A one-target plan with *provenance* and nothing else optional."""
    return Plan(
        id="city",
        title=Text(en="Clean air"),
        source_language="en",
        term=Term(2021, 2025),
        metrics=[Metric("pm25", unit="µg/m³", better="lower")],
        targets=[
            Target(
                id="t1",
                text=Text(en="PM2.5 at most 25 µg/m³ by 2025"),
                measure=value("pm25"),
                condition=at_most(25),
                schedule=by_deadline("2025-12-31"),
            )
        ],
        **provenance,
    )


def test_a_plan_without_provenance_is_valid_and_lacks_all_of_it() -> None:
    assert missing_provenance(plan()) == (JURISDICTION, ADOPTED, ADOPTED_BY, SOURCE)


def test_a_complete_plan_lacks_nothing() -> None:
    assert missing_provenance(plan(**COMPLETE)) == ()


@pytest.mark.parametrize(
    ("left_out", "expected"),
    [
        ("jurisdiction", JURISDICTION),
        ("adopted", ADOPTED),
        ("adopted_by", ADOPTED_BY),
        ("source", SOURCE),
    ],
)
def test_each_piece_left_out_is_named_alone(left_out: str, expected: Problem) -> None:
    given = {key: item for key, item in COMPLETE.items() if key != left_out}
    assert missing_provenance(plan(**given)) == (expected,)


def test_a_source_is_named_by_what_it_lacks() -> None:
    bare = Source(title=Text(en="Gazette"))
    assert missing_provenance(plan(**{**COMPLETE, "source": bare})) == (URL, PUBLISHED)
    dated = Source(title=Text(en="Gazette"), published="2021")
    assert missing_provenance(plan(**{**COMPLETE, "source": dated})) == (URL,)


@pytest.mark.parametrize("when", ["2021", "2021-02", "2021-02-26"])
def test_a_date_known_to_the_year_or_month_is_provenance(when: str) -> None:
    source = Source(title=Text(en="Gazette"), url="https://example.org", published=when)
    assert missing_provenance(plan(**{**COMPLETE, "adopted": when, "source": source})) == ()


def test_the_long_bien_plan_is_publishable() -> None:
    assert missing_provenance(load_plan(EXAMPLE)) == ()
