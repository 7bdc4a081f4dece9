"""Searches under gunicorn while an import and an editor write: no 500, no LockError, nothing lost.

gunicorn with 4 workers serves /cari/ and /api/search to a bounded load from this process (loopback
only); meanwhile scripts/concurrency.py runs an importer (new files, run after run) and an editor
(confirming region tags and rejecting person tags through articles.curation) in processes of their
own. Afterwards every edit and every imported article must be found by search, and the index must
agree with the database. SOAK_SECONDS sets the length (default 12; `make soak` runs 60).
"""

import json
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import urlencode

import pytest

from tests.scratch import ROOT, SEED, ScratchSite, marker, write_corpus

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

SECONDS = float(__import__("os").environ.get("SOAK_SECONDS", "12"))
CLIENTS = 6
MAX_REQUESTS = 100_000
QUERIES = [
    {"q": "pilkada"},
    {"q": "wali kota"},
    {"q": '"wakil wali kota"'},
    {"q": "kampanye", "sort": "newest"},
    {"q": "bawaslu", "page": "2"},
    {"q": "qomaru OR imran"},
    {"q": "pemilihan", "region": "18"},
    {"q": "kpu", "from": "2024-01-01", "to": "2024-12-31"},
    {"region": "32"},
    {"q": "zqx"},
    {"q": "calon*"},
    {"q": "pemilu~"},
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base, path, params, timeout=60):
    url = f"{base}{path}?{urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_serving(base, server, deadline=60):
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        assert server.poll() is None, "gunicorn exited at start-up"
        try:
            if get(base, "/api/search", {"q": "pilkada"}, timeout=5)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer within a minute")


def api_ids(base, params):
    """Every article id the API returns for `params`, over all its pages."""
    ids, page = set(), 1
    while page <= 100:
        status, body = get(base, "/api/search", {**params, "page": page})
        assert status == 200, (params, status, body[:300])
        data = json.loads(body)
        ids |= {r["id"] for r in data["results"]}
        if page >= data["num_pages"]:
            return ids
        page += 1
    raise AssertionError(f"more than 100 pages for {params}")


@pytest.fixture
def site(tmp_path):
    site = ScratchSite(tmp_path)
    site.manage("import_articles", SEED)
    write_corpus(tmp_path / "corpus", 0, 25)
    site.manage("import_articles", tmp_path / "corpus")
    site.manage("rebuild_index")
    yield site
    site.close()


def test_searches_imports_and_edits_together_lose_nothing_and_never_fail(site, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = open(tmp_path / "gunicorn.log", "w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "pilkada_archive.wsgi", f"--bind=127.0.0.1:{port}", "--workers=4",
         "--timeout=120", "--graceful-timeout=10"],
        cwd=ROOT, env=site.env, stdout=server_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    writers = []
    try:
        wait_until_serving(base, server)
        editor = subprocess.Popen(
            site.script("concurrency.py", "edit", SECONDS, tmp_path / "edits.json"),
            cwd=ROOT, env=site.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        importer = subprocess.Popen(
            site.script("concurrency.py", "import", SECONDS, tmp_path / "imports"),
            cwd=ROOT, env=site.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        writers = [editor, importer]

        statuses, failures = Counter(), []
        lock = threading.Lock()
        deadline = time.monotonic() + SECONDS

        def client(n):
            rng = random.Random(n)
            while time.monotonic() < deadline and sum(statuses.values()) < MAX_REQUESTS:
                path = rng.choice(["/cari/", "/api/search"])
                try:
                    status, body = get(base, path, rng.choice(QUERIES))
                except OSError as exc:  # refused or reset: as bad as a 500 for a reader
                    status, body = f"connection error: {exc}", b""
                with lock:
                    statuses[status] += 1
                    if status not in (200, 404):
                        failures.append((path, status, body[:500]))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        editor_err = editor.communicate(timeout=120)[1]
        import_out, import_err = importer.communicate(timeout=300)

        edits = json.loads((tmp_path / "edits.json").read_text())
        imported = json.loads(import_out.strip().splitlines()[-1])
        served = sum(statuses.values())
        print(
            f"\n{SECONDS:.0f} s: {served} searches {dict(statuses)}, {len(edits['edits'])} edits, "
            f"{imported['runs']} import runs ({imported['created']} articles)"
        )
        assert served > 0 and statuses[200] > 0
        assert failures == [], failures[:5]
        assert edits["errors"] == [] and imported["errors"] == []
        assert len(edits["edits"]) > 0 and imported["created"] > 0

        # Every edit is visible to a reader now that the writers are done.
        for code in {e["code"] for e in edits["edits"] if e["kind"] == "region"}:
            expected = {e["article"] for e in edits["edits"] if e.get("code") == code}
            assert api_ids(base, {"region": code}) == expected, code
        for edit in (e for e in edits["edits"] if e["kind"] == "person-rejected"):
            assert edit["article"] not in api_ids(base, {"person": edit["slug"]}), edit
        # ... and every imported article, by the word only its file holds.
        for n in range(imported["first"], imported["first"] + imported["created"]):
            status, body = get(base, "/api/search", {"q": marker(n)})
            assert json.loads(body)["count"] == 1, marker(n)
    finally:
        for process in writers:
            if process.poll() is None:
                process.kill()
        server.terminate()
        server.wait(timeout=30)

    server_log.seek(0)
    logs = server_log.read() + editor_err + import_err
    assert logs.count("LockError") == 0, logs[-3000:]
    assert "Traceback" not in logs, logs[-3000:]
    report = site.check_index()
    assert report.stdout.strip() == "Index and database agree.", report.stdout
