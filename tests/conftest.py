"""Hypothesis profiles: ``dev`` for quick local runs, ``ci`` for small noisy CI machines.

Select with ``HYPOTHESIS_PROFILE=ci``. The CI profile has no deadline (a slow
machine must never fail a correct change) and more examples than the default.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from planmodel import words
from planmodel.conditions import CONDITIONS
from planmodel.kinds import Registry
from planmodel.measures import MEASURES, REFERENCES
from planmodel.quantifiers import QUANTIFIERS
from planmodel.schedules import SCHEDULES

# Whole generated plans are slow to draw; that is the strategy's cost, not a bug.
settings.register_profile("dev", max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _kinds_and_words_restored() -> Iterator[None]:
    """Kinds and languages a test (or a docs page) adds are gone after it, so that no
    test sees another's: registries and catalogues are process-wide."""
    registries: tuple[Registry[Any], ...] = (
        MEASURES,
        REFERENCES,
        CONDITIONS,
        SCHEDULES,
        QUANTIFIERS,
    )
    kinds = [set(registry) for registry in registries]
    languages = set(words.languages())
    messages = {tag: dict(words.language(tag).messages) for tag in languages}
    yield
    for registry, before in zip(registries, kinds, strict=True):
        for kind in set(registry) - before:
            registry.unregister(kind)
    for tag in set(words.languages()) - languages:
        words.remove_language(tag)
    for tag, table in messages.items():
        words.language(tag).messages.clear()
        words.language(tag).messages.update(table)
