"""What a plan still lacks before it is published: the provenance a reader needs to
find the document and check the encoding against it.

A plan is valid without its provenance, so that an encoder who does not know when a
plan was adopted, or where it was published, leaves it out rather than invents it.
A team that publishes plans can still require it: :func:`missing_provenance` lists
what is missing, each with its JSON path, and ``planmodel validate --strict`` fails
when anything is.

A publishable plan states its jurisdiction, when it was adopted and by whom, and its
source with a web address and a publication date. Dates may be known to the year or
the month only: ``"2021"`` is provenance, honestly stated. The source's publisher,
the general objective and the names and units of metrics are not required.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import Problem
from .plan import Plan, Source

__all__ = ["missing_provenance"]

_WHEN = '"2021", "2021-02" or "2021-02-26"'

#: What a published plan states: the JSON path, how to read it, and what it is.
_OF_PLAN: tuple[tuple[str, Callable[[Plan], object], str], ...] = (
    ("$.jurisdiction", lambda plan: plan.jurisdiction, "says which jurisdiction it governs"),
    ("$.adopted", lambda plan: plan.adopted, f"says when it was adopted: {_WHEN}"),
    ("$.adopted_by", lambda plan: plan.adopted_by, "says who adopted it"),
    (
        "$.source",
        lambda plan: plan.source,
        "says where its text was published: a title, a web address and a date",
    ),
)
#: The same, of the plan's source when it has one.
_OF_SOURCE: tuple[tuple[str, Callable[[Source], object], str], ...] = (
    ("$.source.url", lambda source: source.url, "gives the web address of its text"),
    (
        "$.source.published",
        lambda source: source.published,
        f"says when its text was published: {_WHEN}",
    ),
)


def missing_provenance(plan: Plan) -> tuple[Problem, ...]:
    """The provenance *plan* lacks to be published, each with its JSON path; ``()``
    when it has all of it.

    >>> from planmodel import Plan, Source, Term, Text
    >>> plan = Plan(id="p", title=Text(en="Plan"), term=Term(2021, 2025),
    ...             source_language="en", jurisdiction=Text(en="A city"), adopted="2021",
    ...             source=Source(title=Text(en="Gazette"), url="https://example.org"))
    >>> for problem in missing_provenance(plan):
    ...     print(problem)
    $.adopted_by: missing; a published plan says who adopted it
    $.source.published: missing; a published plan says when its text was published: \
"2021", "2021-02" or "2021-02-26"
    """
    found = [(where, what) for where, read, what in _OF_PLAN if read(plan) is None]
    if plan.source is not None:
        source = plan.source
        found += [(where, what) for where, read, what in _OF_SOURCE if read(source) is None]
    return tuple(Problem(where, f"missing; a published plan {what}") for where, what in found)
