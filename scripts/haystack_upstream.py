"""Run django-haystack's own Whoosh tests on the stock engine and on ours, and compare.

Usage: haystack_upstream.py SDIST_DIR        (the folder holding the extracted `test_haystack/`)

Every test that passes on haystack's `WhooshEngine` must pass on `IndonesianWhooshEngine`, except the
deviations listed by name under "Haystack deviations" in docs/search.md. Exit status 1 otherwise.

Differences that belong to the harness, not to the engine (docs/search.md says the same):
- the `solr` and `elasticsearch` connections are dropped: no pysolr/elasticsearch client and no server
  here, and no Whoosh test uses them;
- `WhooshTestCase` cleans and sets up only connections whose ENGINE is the stock string, so the engine
  under test is recognised too;
- on our engine a test's `raw_whoosh` handle follows the backend's current index: `delete_index()` swaps
  in a new generation folder, and a handle taken before it would read the old one;
- the upstream settings get the "search" cache our engine keeps its answers in (in memory).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOCK = "haystack.backends.whoosh_backend.WhooshEngine"
OURS = "articles.search.backend.IndonesianWhooshEngine"
LABEL = "test_haystack.whoosh_tests"


def deviations():
    """Test names (`Class.test_name`) listed under the "Haystack deviations" heading of docs/search.md."""
    text = (ROOT / "docs" / "search.md").read_text()
    section = text.split("## Haystack deviations", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `(\w+\.\w+)`", section, flags=re.MULTILINE))


def configure(sdist, engine):
    sys.path[:0] = [str(sdist), str(ROOT)]
    os.environ["DJANGO_SETTINGS_MODULE"] = "test_haystack.settings"
    from test_haystack import settings

    for alias in ("solr", "elasticsearch"):
        settings.HAYSTACK_CONNECTIONS.pop(alias, None)
    for options in settings.HAYSTACK_CONNECTIONS.values():
        if options["ENGINE"] == STOCK:
            options["ENGINE"] = engine
    settings.SEARCH_INDEX_PROCS = 1  # read by our backend; one writer process, as the stock engine
    # Our engine keeps answers in the "search" cache (articles/search/result_cache.py); in memory here.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "search": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "answers"},
    }
    settings.DATABASES["default"]["NAME"] = ":memory:"

    import django

    django.setup()
    from test_haystack.whoosh_tests import testcases

    source = Path(testcases.__file__).read_text().replace(repr(STOCK)[1:-1], engine)
    exec(compile(source, testcases.__file__, "exec"), testcases.__dict__)  # noqa: S102


def follow_current_index(suite):
    """Give every test class holding `raw_whoosh` a handle that follows the backend's current index."""
    for test in iter_tests(suite):
        cls = type(test)
        if "raw_whoosh" in cls.__dict__:
            continue
        cls.raw_whoosh = property(lambda self: self.sb.index.refresh(), lambda self, value: None)


def iter_tests(suite):
    for item in suite:
        if hasattr(item, "__iter__"):
            yield from iter_tests(item)
        else:
            yield item


def test_name(test):
    return f"{type(test).__name__}.{test._testMethodName}"


def run(sdist, engine):
    """{test name: outcome} for one engine; runs in its own process (one Django setup per engine)."""
    configure(sdist, engine)
    from django.test.runner import DiscoverRunner

    runner = DiscoverRunner(verbosity=0, interactive=False)
    suite = runner.build_suite([LABEL])
    if engine == OURS:
        follow_current_index(suite)
    outcomes = {test_name(t): "pass" for t in iter_tests(suite)}
    old_config = runner.setup_databases()
    result = runner.run_suite(suite)
    runner.teardown_databases(old_config)
    for kind in ("failures", "errors", "skipped", "expectedFailures", "unexpectedSuccesses"):
        for test, detail in getattr(result, kind):
            outcomes[test_name(test)] = kind
            if kind in ("failures", "errors"):
                print(f"--- {engine} {test_name(test)}\n{detail}", file=sys.stderr)
    return outcomes


def outcomes_of(sdist, engine):
    """Run one engine in a child process; its output (the tests' own noise and every failure's
    traceback) is shown only when UPSTREAM_VERBOSE is set or the child itself fails."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        child = subprocess.run(
            [sys.executable, __file__, str(sdist), "--engine", engine, "--out", out.name],
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode or os.environ.get("UPSTREAM_VERBOSE"):
            sys.stderr.write(child.stdout + child.stderr)
        if child.returncode:
            raise SystemExit(f"the upstream tests did not run on {engine}")
        return json.load(out)


def main(argv):
    sdist = Path(argv[1]).resolve()
    if "--engine" in argv:
        outcomes = run(sdist, argv[argv.index("--engine") + 1])
        Path(argv[argv.index("--out") + 1]).write_text(json.dumps(outcomes))
        return 0
    stock, ours, allowed = outcomes_of(sdist, STOCK), outcomes_of(sdist, OURS), deviations()
    passing = {name for name, outcome in stock.items() if outcome == "pass"}
    broken = sorted(name for name in passing if ours.get(name) != "pass" and name not in allowed)
    stale = sorted(name for name in allowed if ours.get(name) == "pass" or name not in passing)
    print(
        f"haystack whoosh_tests: {len(passing)} of {len(stock)} pass on the stock engine, "
        f"{sum(ours[n] == 'pass' for n in passing)} of those on ours, {len(allowed)} deviations listed"
    )
    for name in broken:
        print(f"FAIL (passes on the stock engine, not listed as a deviation): {name} [{ours.get(name)}]")
    for name in stale:
        print(f"STALE deviation in docs/search.md (passes on ours, or not on the stock engine): {name}")
    return 1 if broken or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
