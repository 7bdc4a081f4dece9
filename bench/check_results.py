"""Check that a benchmark run wrote every figure the issue asks for, on each database.

    python -m bench.check_results FOLDER

Exits 1 naming each missing or failed figure. Timings are not judged: only that each was measured,
and that nothing failed (0 errors).
"""

import json
import sys
from pathlib import Path

FIGURES = (
    "import_per_s", "search_cold_p50_ms", "search_cold_p95_ms", "search_warm_p95_ms", "search_p95_ms",
    "api_p95_ms", "naive_same_index_p95_ms", "browse_p95_ms", "browse_max_queries", "load_rps",
    "load_p99_ms", "cache_hit_ratio", "rss_mb",
)  # fmt: skip
ZERO = ("search_errors", "browse_errors", "load_errors", "naive_same_index_errors")
SCALING = ("import_per_s", "search_cold_p95_ms", "browse_p95_ms")


def problems(result):
    found = [f"{key} missing" for key in FIGURES if not isinstance(result.get(key), int | float)]
    found += [f"{key} = {result.get(key)}" for key in ZERO if result.get(key) != 0]
    scaling = result.get("scaling") or {}
    if len(scaling) < 2:
        found.append(f"scaling has {len(scaling)} sizes, wanted at least 2")
    for n, point in scaling.items():
        found += [
            f"scaling[{n}].{key} missing" for key in SCALING if not isinstance(point.get(key), int | float)
        ]
    return found


def main(folder):
    files = sorted(Path(folder).glob("*.json"))
    by_db = {json.loads(f.read_text()).get("db"): f for f in files}
    failed = [f"no results for {db}" for db in ("sqlite", "postgresql") if db not in by_db]
    for path in by_db.values():
        failed += [f"{path.name}: {problem}" for problem in problems(json.loads(path.read_text()))]
    for line in failed:
        print(line, file=sys.stderr)
    print(f"benchmark results: {len(by_db)} databases, {'ok' if not failed else f'{len(failed)} problems'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
