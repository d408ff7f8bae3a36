"""Hypothesis profiles for the fuzz tests of issue 17.

- `ci` (the default): a bounded number of examples per test, so `make test` stays fast and its cost known.
- `campaign`: many more examples, run once by hand to measure (see the issue note):
  `HYPOTHESIS_PROFILE=campaign .venv/bin/python -m pytest -q tests/fuzz --hypothesis-show-statistics`

Every failure a campaign finds is kept as an `@example` on its test, so CI replays it on every run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # examples run real subprocesses and SQLite: their time varies with machine load
    # The state the examples share (a data folder, a source archive) is module-scoped on purpose; the only
    # function-scoped fixture is the autouse MOCKMATE_HOME one, which no example depends on.
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
    "database": None,  # CI replays the kept @example cases, not a local database
    "print_blob": True,  # a failure prints the blob that reproduces it
}
settings.register_profile("ci", max_examples=int(os.environ.get("MOCKMATE_FUZZ_EXAMPLES", "30")), **_COMMON)
settings.register_profile("campaign", max_examples=1500, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
