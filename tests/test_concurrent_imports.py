"""Imports running at the same time, in processes of their own against one database (SQLite file or
PostgreSQL): every file accounted for, every person, organisation and event stored once, no traceback.

The folders share their file names (001.txt …) and, file for file, the new people and events they
name, so the runs reach the same new entities at the same moment."""

import re

import pytest

from tests.scratch import ScratchSite

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

FILES = 10
PEOPLE = [
    ("Sarwono Hadi", "Ketua KPU Kota Metro"),
    ("Ratna Dewi", "Anggota Bawaslu Kota Metro"),
    ("Hendra Gunawan", "Ketua Bawaslu Kota Metro"),
    ("Mulyadi Rahman", "Anggota KPU Kota Metro"),
    ("Sri Wahyuningsih", "Sekretaris KPU Kota Metro"),
]
SUMMARY = re.compile(r"(\d+) files: (\d+) created, (\d+) updated, (\d+) unchanged, (\d+) failed")


def news(scraper, n):
    chair, member = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 2) % len(PEOPLE)]
    return (
        f"Pleno Terbuka KPU Metro Bahas Daftar Pemilih Tahap {n} Menurut Laporan {scraper.upper()}\n\n"
        f"Kota Metro - {chair[1]}, {chair[0]}, memimpin Rapat Pleno Terbuka Rekapitulasi Daftar "
        f"Pemilih Tahap {n} di Kota Metro, Rabu (15/11/2023). {member[1]}, {member[0]}, hadir mengawasi.\n\n"
        f"Rapat tahap {n} berjalan lancar, menurut catatan {scraper}.\n"
    )


def scraper_folder(root, scraper):
    folder = root / scraper
    folder.mkdir()
    for n in range(1, FILES + 1):
        (folder / f"{n:03}.txt").write_text(news(scraper, n), encoding="utf-8")
    return folder


def import_at_once(site, *folders):
    """Start one import_articles per folder, all at once; their summaries as (created, updated, …)."""
    runs = [site.start("import_articles", folder) for folder in folders]
    summaries = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0 and "Traceback" not in err, out + err
        total, *counts = map(int, SUMMARY.search(out).groups())
        assert total == FILES == sum(counts), out
        summaries.append(counts)
    return [sum(column) for column in zip(*summaries, strict=True)]


def repeated(site, table, columns):
    return site.sql(f"SELECT {columns}, count(*) FROM {table} GROUP BY {columns} HAVING count(*) > 1")


@pytest.fixture
def site(tmp_path):
    site = ScratchSite(tmp_path / "site")
    yield site
    site.close()


def test_imports_running_at_once_lose_no_file_and_store_every_entity_once(site, tmp_path):
    folders = [scraper_folder(tmp_path, name) for name in ("scraper-a", "scraper-b", "scraper-c")]
    assert import_at_once(site, *folders) == [3 * FILES, 0, 0, 0]

    identities = set(site.sql("SELECT source, source_path FROM articles_article"))
    assert identities == {(f.name, f"{n:03}.txt") for f in folders for n in range(1, FILES + 1)}
    assert site.sql("SELECT count(*) FROM articles_article") == [(3 * FILES,)]
    assert sorted(name for (name,) in site.sql("SELECT name FROM articles_person")) == sorted(
        name for name, _role in PEOPLE
    )
    assert repeated(site, "articles_person", "name") == []
    assert repeated(site, "articles_personalias", "person_id, key") == []
    assert repeated(site, "articles_position", "person_id, region_id, role") == []
    assert repeated(site, "articles_organization", "lower(name)") == []
    assert repeated(site, "articles_event", "lower(name), date") == []
    assert site.sql("SELECT count(*) FROM articles_event") == [(FILES,)]

    # Again, all at once, with one new folder imported by two runs: the old files are unchanged
    # and the new folder's files are created once, by one run or the other.
    twice = scraper_folder(tmp_path, "scraper-d")
    assert import_at_once(site, *folders, twice, twice) == [FILES, 0, 4 * FILES, 0]
    assert site.sql("SELECT count(*) FROM articles_article") == [(4 * FILES,)]
    assert repeated(site, "articles_person", "name") == []
