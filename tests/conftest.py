"""Hypothesis profiles: ``dev`` for quick local runs, ``ci`` for small noisy CI machines.

Select with ``HYPOTHESIS_PROFILE=ci``. The CI profile has no deadline (a slow
machine must never fail a correct change) and more examples than the default.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
