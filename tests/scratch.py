"""A throw-away copy of the archive for tests that run real processes (kill -9, gunicorn, restore).

`ScratchSite` gives a migrated database and a Whoosh folder of its own, and runs `manage.py` against
them in subprocesses. The database is an SQLite file in the test's tmp_path; when the suite itself
runs on PostgreSQL (DATABASE_URL=postgres://…), a scratch database is created on that server
instead and dropped afterwards, so these tests exercise the engine the suite was asked to test.
"""

import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed"
_TEMPLATE = {}  # SQLite: one migrated file per test session, copied for each site


def _letters(n, width=4):
    """A word made of letters only (a-z), unique per n: survives tokenising and stemming."""
    out = ""
    for _ in range(width):
        n, r = divmod(n, 26)
        out = chr(ord("a") + r) + out
    return out


def marker(n):
    return "zqx" + _letters(n)


def edition(version):
    return "vqz" + _letters(version, 3)


def write_corpus(folder, start, count, version=0):
    """`count` article files numbered from `start`, each a seed text plus a paragraph with its marker.

    The same (n, version) always gives the same bytes; a new version of n changes its text, so
    re-writing a file with another version makes the importer update its article.
    """
    seeds = sorted(SEED.glob("*.txt"))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        paragraphs = seeds[n % len(seeds)].read_text(encoding="utf-8").split("\n\n")
        # inside the longest paragraph: the body, not a trailing note the extraction drops
        at = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
        cut = paragraphs[at].find(". ", len(paragraphs[at]) // 2) + 1 or len(paragraphs[at])
        paragraphs[at] = (
            f"{paragraphs[at][:cut]} Kode arsip {marker(n)} {edition(version)}.{paragraphs[at][cut:]}"
        )
        text = "\n\n".join(paragraphs)
        path = folder / f"uji-{n:05}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


class ScratchSite:
    def __init__(self, tmp_path, **env):
        self.dir = Path(tmp_path)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.whoosh = self.dir / "whoosh"
        self.pg_admin_url = None
        self.pg_name = None
        suite_url = os.environ.get("DATABASE_URL", "")
        if suite_url.startswith(("postgres://", "postgresql://")):
            self.database_url = self._create_pg(suite_url)
        else:
            self.db_file = self.dir / "archive.sqlite3"
            self.database_url = f"sqlite:///{self.db_file}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
            "DJANGO_SETTINGS_MODULE": "pilkada_archive.settings",
            "DATABASE_URL": self.database_url,
            "WHOOSH_PATH": str(self.whoosh),
            "SEARCH_BACKEND": "whoosh",
            "SEARCH_RATE_LIMIT": "0",
            "RATE_LIMIT_DB": str(self.dir / "ratelimit.sqlite3"),
            "DEBUG": "true",
            "LOG_LEVEL": "WARNING",
            "PYTHONWARNINGS": "ignore",
            **env,
        }
        self._migrate()

    # database -----------------------------------------------------------------------------------

    def _create_pg(self, suite_url):
        import psycopg

        self.pg_name = f"scratch_{uuid.uuid4().hex[:10]}"
        parts = urlsplit(suite_url)
        self.pg_admin_url = suite_url
        with psycopg.connect(suite_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.pg_name}"')
        return urlunsplit(parts._replace(path=f"/{self.pg_name}"))

    def _migrate(self):
        if self.pg_name:
            self.manage("migrate", "-v0")
            return
        template = _TEMPLATE.get("sqlite")
        if template is None or not template.exists():
            self.manage("migrate", "-v0")
            template = self.dir.parent / "scratch-template.sqlite3"  # pytest's per-session folder
            self.sql("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy(self.db_file, template)
            _TEMPLATE["sqlite"] = template
        else:
            shutil.copy(template, self.db_file)

    def sql(self, query, params=()):
        """Rows of one query against the scratch database, from this (the test) process."""
        if self.pg_name:
            import psycopg

            with psycopg.connect(self.database_url, autocommit=True) as conn:
                cur = conn.execute(query.replace("?", "%s"), params)
                return cur.fetchall() if cur.description else []
        import sqlite3

        conn = sqlite3.connect(self.db_file, timeout=30)
        try:
            cur = conn.execute(query, params)
            rows = cur.fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()

    def close(self):
        if self.pg_name:
            import psycopg

            with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    # processes ----------------------------------------------------------------------------------

    def command(self, *args):
        return [sys.executable, str(ROOT / "manage.py"), *map(str, args)]

    def manage(self, *args, check=True, timeout=300):
        result = subprocess.run(
            self.command(*args), cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"manage.py {' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def start(self, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE):
        return subprocess.Popen(
            self.command(*args), cwd=ROOT, env=self.env, stdout=stdout, stderr=stderr, text=True
        )

    def script(self, name, *args):
        return [sys.executable, str(ROOT / "scripts" / name), *map(str, args)]

    # what the archive holds -----------------------------------------------------------------------

    def articles(self):
        """{(source, source_path): (id, content_hash)} and the number of rows (to catch duplicates)."""
        rows = self.sql("SELECT id, source, source_path, content_hash FROM articles_article")
        return {(source, path): (pk, digest) for pk, source, path, digest in rows}, len(rows)

    def indexed_ids(self):
        """Every article id in the live index generation, with repeats (a duplicate shows twice)."""
        from whoosh.index import open_dir

        index = open_dir(str(self.whoosh / "current"))
        with index.searcher() as searcher:
            return [int(doc["django_id"]) for doc in searcher.all_stored_fields()]

    def check_index(self):
        return self.manage("check_index", "--deep", check=False)


def kill9(process):
    """SIGKILL, the way an out-of-memory killer or a power cut ends a process: no cleanup runs."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
