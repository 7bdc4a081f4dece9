"""The project's settings for a benchmark run: only collected static files go to the run's work folder."""

import os
from pathlib import Path

from pilkada_archive.settings import *  # noqa: F403

# collectstatic (needed with DEBUG off) writes here instead of var/, so a run touches only bench/scratch/.
STATIC_ROOT = Path(
    os.environ.get("BENCH_STATIC_ROOT", Path(__file__).resolve().parent / "scratch" / "static")
)
