"""Back up, restore into an empty database, rebuild the index: the archive answers as before.

The procedures are the ones in docs/reliability.md, run as a person would run them: `dumpdata` /
`loaddata` (any engine), and the engine's own online copy (SQLite's backup API, or pg_dump and
pg_restore when the suite runs on PostgreSQL). Real processes against scratch archives
(tests/scratch.py); the seed articles from data/seed, with an editor's verdicts on some tags.
"""

import json
import shutil
import sqlite3
import subprocess

import pytest

from tests.scratch import SEED, ScratchSite

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

QUERIES = [
    {"q": "pilkada"},
    {"q": "wali kota"},
    {"q": '"wakil wali kota"'},
    {"q": "qomaru"},
    {"q": "kpu OR bawaslu"},
    {"region": "18"},
    {"region": "32"},
    {"q": "pilkada", "sort": "oldest"},
    {"from": "2024-03-01", "to": "2024-06-30"},
]

SEARCHES = """
import json
from articles.search.forms import SearchForm
from articles.search.service import run_search
out = []
for data in QUERIES:
    form = SearchForm(data)
    assert form.is_valid(), form.errors
    outcome = run_search(form.cleaned_data)
    out.append([outcome.count, sorted(r.title for r in outcome.results)])
print(json.dumps(out))
"""

CURATE = """
from django.contrib.auth.models import User
from articles.curation import review
from articles.models import PersonTag, RegionTag, TagStatus

editor = User.objects.create_user("editor", password="x" * 20, is_staff=True)
review(PersonTag.objects.suggested().order_by("pk")[:3], TagStatus.CONFIRMED, editor)
review(RegionTag.objects.suggested().order_by("pk")[:2], TagStatus.REJECTED, editor)
"""

# What a restore must bring back, read straight from the database.
STATE = [
    "SELECT count(*) FROM articles_article",
    "SELECT source_file, content_hash, title FROM articles_article ORDER BY source_file",
    "SELECT article_id, person_id, status FROM articles_persontag ORDER BY article_id, person_id",
    "SELECT article_id, region_id, status FROM articles_regiontag ORDER BY article_id, region_id",
    "SELECT name, slug FROM articles_person ORDER BY slug",
    "SELECT username FROM auth_user ORDER BY username",
    "SELECT count(*) FROM django_admin_log",
]


def searches(site):
    result = site.manage("shell", "--no-imports", "-c", f"QUERIES = {QUERIES!r}\n{SEARCHES}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def state(site):
    return [
        [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in site.sql(q)]
        for q in STATE
    ]


def raw_bytes(site):
    return sorted(
        (name, bytes(raw)) for name, raw in site.sql("SELECT source_file, raw FROM articles_article")
    )


@pytest.fixture
def archive(tmp_path):
    site = ScratchSite(tmp_path / "live")
    site.manage("import_articles", SEED)
    site.manage("shell", "--no-imports", "-c", CURATE)
    yield site
    site.close()


@pytest.fixture
def empty(tmp_path):
    site = ScratchSite(tmp_path / "restored")  # migrated, nothing imported
    yield site
    site.close()


def test_dumpdata_restored_into_an_empty_database_answers_the_same_searches(archive, empty, tmp_path):
    before = searches(archive)
    assert before[0][0] == 5 and all(count for count, _ in before[:4])  # the searches do find things
    dump = tmp_path / "archive.json"
    archive.manage(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        "--exclude=contenttypes",
        "--exclude=auth.permission",
        "--exclude=sessions",
        "--exclude=axes",
        "--indent=1",
        f"--output={dump}",
    )
    assert empty.sql("SELECT count(*) FROM articles_article") == [(0,)]

    empty.manage("loaddata", dump)
    empty.manage("rebuild_index", "--noinput")

    assert state(empty) == state(archive)
    assert raw_bytes(empty) == raw_bytes(archive)  # the files as imported, byte for byte
    assert searches(empty) == before
    assert empty.check_index().stdout.strip() == "Index and database agree."


def test_the_engines_own_online_copy_restores_as_well(archive, empty, tmp_path):
    before = searches(archive)
    if archive.pg_name:
        dump = tmp_path / "archive.pgdump"
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", archive.database_url], check=True)
        empty.manage("flush", "--noinput")  # an empty database with the schema, as after migrate
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                f"--dbname={empty.database_url}",
                str(dump),
            ],
            check=True,
        )
    else:
        # SQLite's backup API (the sqlite3 shell's `.backup`): a consistent copy while the site runs.
        copy = tmp_path / "backup.sqlite3"
        with sqlite3.connect(archive.db_file) as live, sqlite3.connect(copy) as target:
            live.backup(target)
        empty.db_file.unlink()
        shutil.copy(copy, empty.db_file)
    empty.manage("rebuild_index", "--noinput")

    assert state(empty) == state(archive)
    assert searches(empty) == before
    assert empty.check_index().stdout.strip() == "Index and database agree."
