"""kill -9 the importer and rebuild_index at random points: nothing is lost, doubled or left locked.

Real processes against a scratch archive (tests/scratch.py: an SQLite file in tmp_path, or a
scratch database when the suite runs on PostgreSQL) and a real Whoosh folder. SIGKILL runs no
cleanup, like the out-of-memory killer or a power cut of the process (not of the disk).

CRASH_KILLS sets the kills per command (default 10, `make soak` uses more); CRASH_SEED replays a
run: the seed is printed with every failure.
"""

import contextlib
import fcntl
import os
import random
import signal
import time
from pathlib import Path

import pytest
from whoosh.util.filelock import FileLock

from articles.importer import content_hash
from articles.reading import normalise
from tests.scratch import ScratchSite, edition, kill9, marker, write_corpus

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

KILLS = max(10, int(os.environ.get("CRASH_KILLS", "10")))
SEED = int(os.environ.get("CRASH_SEED") or random.SystemRandom().randrange(10**6))
CHUNK = 6  # new files per importer run


@pytest.fixture
def site(tmp_path):
    site = ScratchSite(tmp_path)
    yield site
    site.close()


def kill_at_random(site, rng, args, longest):
    """Start `manage.py args`, SIGKILL it after a random delay; True if it was still running."""
    process = site.start(*args)
    time.sleep(rng.uniform(0.05, longest))
    running = process.poll() is None
    kill9(process)
    return running


def timed(site, *args):
    start = time.monotonic()
    site.manage(*args)
    return time.monotonic() - start


def expected_hashes(folder):
    """{(source, path): hash} for chunk folders imported one by one: each folder is a source."""
    return {
        (p.parent.name, p.name): content_hash(normalise(p.read_text(encoding="utf-8")))
        for p in folder.rglob("*.txt")
    }


def write_chunk(files, chunk, start, count, version=0):
    """The chunk's files from two scrapers: the same file names in two folders (two sources), with
    different texts. Returns the two folders."""
    folders = [files / f"c{chunk:02}-a", files / f"c{chunk:02}-b"]
    write_corpus(folders[0], start, count, version=version)
    write_corpus(folders[1], start, count, version=version + 500)
    return folders


def assert_index_opens_without_duplicates(site):
    ids = site.indexed_ids()
    assert len(ids) == len(set(ids)), "an article is in the index twice"
    return set(ids)


def search_count(site, word):
    script = (
        "from articles.search.forms import SearchForm\nfrom articles.search.service import run_search\n"
        f"form = SearchForm({{'q': {word!r}}}); assert form.is_valid()\n"
        "print(run_search(form.cleaned_data).count)"
    )
    return int(site.manage("shell", "-c", script).stdout.strip().splitlines()[-1])


def test_killing_the_importer_at_random_points_loses_and_duplicates_nothing(site, tmp_path):
    rng = random.Random(SEED)
    files = tmp_path / "files"
    longest = timed(site, "import_articles", *write_chunk(files, 0, 0, CHUNK)) * 1.3  # startup, files, index

    kills = attempts = 0
    chunk = 0
    while kills < KILLS and attempts < KILLS * 4:
        attempts += 1
        chunk += 1
        new = write_chunk(files, chunk, chunk * CHUNK, CHUNK)
        # and a new edition of an earlier file, so the run updates an article as well as adding some
        n = rng.randrange(chunk * CHUNK)
        changed = write_corpus(files / f"c{n // CHUNK:02}-{rng.choice('ab')}", n, 1, version=chunk)[0]
        # the run re-imports the previous (perhaps killed) chunk too: that is the "re-run"
        previous = [files / f"c{chunk - 1:02}-a", files / f"c{chunk - 1:02}-b"]
        kills += kill_at_random(site, rng, ["import_articles", *previous, *new, changed], longest)

        names, rows = site.articles()
        assert rows == len(names), f"duplicate articles after kill #{kills} (CRASH_SEED={SEED})"
        assert_index_opens_without_duplicates(site)

    assert kills >= KILLS, f"only {kills} of {attempts} runs were killed mid-way (CRASH_SEED={SEED})"
    # Re-run everything once more, to the end: it must not wait on a lock left by a killed run.
    result = site.manage("import_articles", *sorted(files.iterdir()), timeout=600)
    assert "0 failed" in result.stdout

    names, rows = site.articles()
    expected = expected_hashes(files)
    assert rows == len(expected), f"lost or doubled articles (CRASH_SEED={SEED})"
    assert {identity: digest for identity, (_pk, digest) in names.items()} == expected
    # Every edition a finished run replaced is kept, its raw bytes whole (a killed run's are too,
    # but its batch never counted them).
    kept = site.sql("SELECT article_id, raw, content_hash FROM articles_articlerevision")
    finished = site.sql("SELECT sum(updated) FROM articles_importbatch WHERE finished_at IS NOT NULL")
    assert len(kept) >= int(finished[0][0] or 0) > 0
    current = {pk: digest for pk, digest in names.values()}
    for article, raw, digest in kept:
        assert content_hash(normalise(bytes(raw).decode("utf-8"))) == digest != current[article]
    # The re-run alone brought the index in step: no check_index --fix was needed.
    report = site.check_index()
    assert report.stdout.strip() == "Index and database agree.", f"{report.stdout} (CRASH_SEED={SEED})"
    assert assert_index_opens_without_duplicates(site) == {pk for pk, _ in names.values()}

    # The index takes writes: a new edition of one file is found by its new word, the old is gone.
    write_corpus(files / "c00-a", 0, 1, version=999)
    site.manage("import_articles", files / "c00-a")
    assert search_count(site, edition(999)) == 1
    assert search_count(site, marker(0)) == 2  # file 0 of either source
    print(f"importer: {kills} kills in {attempts} runs, {rows} articles, CRASH_SEED={SEED}")


def test_killing_rebuild_index_at_random_points_keeps_search_whole(site, tmp_path):
    rng = random.Random(SEED + 1)
    files = tmp_path / "files"
    write_corpus(files, 0, 20)
    site.manage("import_articles", files)
    longest = timed(site, "rebuild_index") * 1.2

    kills = attempts = 0
    while kills < KILLS and attempts < KILLS * 4:
        attempts += 1
        kills += kill_at_random(site, rng, ["rebuild_index"], longest)
        # Searches never lost the index: the old generation, or the new one if the swap happened.
        report = site.check_index()
        assert report.stdout.strip() == "Index and database agree.", f"{report.stdout} (CRASH_SEED={SEED})"
        # Live writes go on after a killed rebuild (its journal may be left behind).
        added = write_corpus(tmp_path / "later", 1000 + attempts, 1)[0]
        site.manage("import_articles", added, timeout=120)

    assert kills >= KILLS, f"only {kills} of {attempts} rebuilds were killed mid-way (CRASH_SEED={SEED})"
    site.manage("rebuild_index", timeout=300)
    names, rows = site.articles()
    assert assert_index_opens_without_duplicates(site) == {pk for pk, _ in names.values()}
    assert site.check_index().stdout.strip() == "Index and database agree."
    # Killed rebuilds leave half-built generations; the next swap keeps only current and previous.
    generations = [p for p in site.whoosh.iterdir() if p.name.startswith("index-")]
    assert len(generations) <= 2
    assert not (site.whoosh / "rebuild.journal").exists()
    assert search_count(site, marker(1000 + attempts)) == 1
    print(f"rebuild_index: {kills} kills in {attempts} runs, CRASH_SEED={SEED}")


def lock_is_free(path):
    """True if nobody holds an flock on `path` (taken and released at once, never kept)."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


HOLD_THE_LOCK = """
import sys, time
from haystack import connections
backend = connections["default"].get_backend()
backend.setup()
with backend.folder.write_lock():
    writer = backend.index.writer()
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_writer_killed_holding_the_locks_leaves_nothing_blocked_and_a_live_one_is_respected(site, tmp_path):
    write_corpus(tmp_path / "files", 0, 2)
    site.manage("import_articles", tmp_path / "files")
    ours = site.whoosh / "write.lock"  # the backend's inter-process lock
    whooshs = Path(os.path.realpath(site.whoosh / "current")) / "MAIN_WRITELOCK"  # Whoosh's own

    holder = site.start("shell", "--no-imports", "-c", HOLD_THE_LOCK)
    try:
        assert holder.stdout.readline().strip() == "locked"
        # A live writer's locks are never taken from it ...
        assert not lock_is_free(ours)
        assert not FileLock(str(whooshs)).acquire(blocking=False)
        # ... so another writer queues behind it instead of failing or writing alongside.
        added = write_corpus(tmp_path / "more", 10, 1)[0]
        waiting = site.start("import_articles", added)
        time.sleep(1.5)
        assert waiting.poll() is None, "a second writer went ahead while the first held the lock"
    finally:
        kill9(holder)

    # Both are fcntl locks: the kernel drops them with the process. The files stay behind, empty and
    # unlocked, and there is nothing stale to detect or delete: the queued writer goes ahead.
    assert waiting.wait(timeout=120) == 0, waiting.stderr.read()
    assert ours.exists() and whooshs.exists()
    assert lock_is_free(ours)
    lock = FileLock(str(whooshs))
    assert lock.acquire(blocking=False)
    lock.release()
    assert site.check_index().stdout.strip() == "Index and database agree."
    assert search_count(site, marker(10)) == 1


HOLD_A_PARALLEL_WRITER = """
import time
from django.conf import settings
from haystack import connections

settings.SEARCH_INDEX_PROCS = 2
backend = connections["default"].get_backend()
backend.setup()
with backend.folder.write_lock():
    writer = backend._writer(backend.index, parallel=True)
    for n in range(2 * writer.batchsize):  # each full batch starts a sub-writer, up to one per core
        writer.add_document(id=f"articles.article.{n}", django_ct="articles.article", django_id=str(n))
    print(*(task.pid for task in writer.tasks), flush=True)
    time.sleep(120)
"""


def test_sub_writers_of_a_killed_parallel_write_die_with_it_and_free_the_locks(site):
    ours = site.whoosh / "write.lock"
    holder = site.start("shell", "--no-imports", "-c", HOLD_A_PARALLEL_WRITER)
    sub_writers = []
    try:
        sub_writers = [int(pid) for pid in holder.stdout.readline().split()]
        assert len(sub_writers) == 2, holder.stderr.read()
        assert not lock_is_free(ours)
        kill9(holder)
        # The sub-writers were forked holding both locks. Were they left waiting on their job queue,
        # every later write would wait on them for ever.
        whooshs = Path(os.path.realpath(site.whoosh / "current")) / "MAIN_WRITELOCK"
        deadline = time.monotonic() + 30
        while not lock_is_free(ours) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert lock_is_free(ours), "a sub-writer of the killed process still holds the write lock"
        lock = FileLock(str(whooshs))
        assert lock.acquire(blocking=False)
        lock.release()
    finally:
        kill9(holder)
        for pid in sub_writers:  # so that a failure leaves no orphan behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
