"""The crash test, short form for CI: kill -9 a writer 100+ times at random moments; after each
kill every change it confirmed is there, integrity_check is ok, no scan is missing, and orphan
files (only ever left by an interrupted add or erase) are cleaned by check.
The long form: `python -m tests.crash.long --kills 1000` (see README)."""
from __future__ import annotations

import pytest

from tests.crash.harness import crash_series

pytestmark = pytest.mark.slow


def test_kill_9_at_random_moments_loses_nothing_committed(tmp_path):
    stats = crash_series(tmp_path, kills=100, seed=20240501, max_delay=0.35, backup_every=0.02)
    assert stats.kills == 100
    assert stats.committed > 300  # the writer really wrote between the kills
    assert stats.checked_fields > 1000
    assert sum(stats.interrupted.values()) > 50  # most kills came in the middle of an action


def test_kill_9_during_migrations(tmp_path):
    stats = crash_series(tmp_path, kills=6, seed=7, migration_every=1)
    assert stats.migration_kills == 12
