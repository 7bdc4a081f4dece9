"""The browse pages' cached aggregates: shared by the processes of a machine, cleared by any change."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from articles import counts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def in_another_process(code):
    """Run `code` in a fresh Django process with this test run's cache folder and database settings."""
    env = {**os.environ, "CACHE_PATH": settings.CACHES["default"]["LOCATION"]}
    script = f"import django; django.setup()\nfrom articles import counts\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_count_computed_here_is_served_to_another_process_until_a_change_there():
    assert counts.cached("shared-answer", lambda: 42) == 42
    assert in_another_process("print(counts.cached('shared-answer', lambda: 0))") == "42"
    in_another_process("counts.changed()")  # a curation action in another worker
    assert counts.cached("shared-answer", lambda: 7) == 7


def test_changes_inside_deferred_start_one_new_version_at_the_end():
    counts.cached("answer", lambda: 1)
    with counts.deferred():
        counts.changed()
        counts.changed()
        assert counts.cached("answer", lambda: 2) == 1  # an import under way: the old version stands
    assert counts.cached("answer", lambda: 3) == 3
    assert counts.cached("answer", lambda: 4) == 3  # and only one new version


def test_nothing_changed_inside_deferred_keeps_the_version():
    counts.cached("answer", lambda: 1)
    with counts.deferred():
        pass
    assert counts.cached("answer", lambda: 2) == 1
