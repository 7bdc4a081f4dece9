"""import_articles: raw files in, articles and suggested tags out, idempotent, nothing lost."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.importer import content_hash
from articles.models import (
    Article,
    ImportBatch,
    Person,
    PersonTag,
    Position,
    RegionTag,
    TagStatus,
)

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seed"
BODY = (
    "Kota Metro - Ketua Bawaslu Metro, Badawi Idham, meminta masyarakat menolak politik uang "
    "menjelang Pilkada 2024 di Kota Metro, Selasa (14/11/2023).\n\n"
    "Badawi mengatakan laporan dari warga sangat dibutuhkan.\n"
)

pytestmark = pytest.mark.django_db


def run(*paths, **options):
    """call_command that returns (stdout, stderr, failed)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err, **options)
        failed = False
    except CommandError:
        failed = True
    return out.getvalue(), err.getvalue(), failed


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(SEEDS, folder)
    return folder


def test_importing_the_seed_corpus_creates_five_articles(seeds):
    out, err, failed = run(seeds)
    assert not failed, err
    assert "5 files: 5 created, 0 updated, 0 unchanged, 0 failed" in out
    assert Article.objects.count() == 5


def test_every_sample_article_gets_a_browse_date_the_undated_ones_from_their_lead(seeds, client):
    run(seeds)
    assert Article.objects.undated().count() == 0
    stated = Article.objects.filter(date_source="published")
    assert stated.count() == 1 and all(a.dated_on == a.published_on for a in stated)
    estimated = Article.objects.filter(date_source="lead")
    assert estimated.count() == 4 and not estimated.filter(published_on__isnull=False).exists()
    day = estimated.first().dated_on
    page = client.get(reverse("date_day", args=[day.year, day.month, day.day])).content.decode()
    assert estimated.first().title in page and "perkiraan" in page


def test_a_time_printed_in_wita_is_kept_in_wita(tmp_path, client):
    (tmp_path / "wita.txt").write_text(
        "Judul Berita Rapat Pleno KPU Kota Contoh\n\nSenin, 2 September 2024 14:20 WITA\n\n"
        "KOTA CONTOH - KPU menggelar rapat pleno terbuka penetapan daftar pemilih tetap.",
        encoding="utf-8",
    )
    run(tmp_path)
    article = Article.objects.get()
    assert (article.published_zone, article.published_local.hour, article.published_local.minute) == (
        "WITA",
        14,
        20,
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "14.20 WITA" in page and "13.20" not in page


def test_the_export_gives_the_stated_date_and_the_browse_date_apart(seeds):
    import csv
    import json
    from io import StringIO

    run(seeds)
    out = StringIO()
    call_command("export_articles", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(r["date_source"] for r in records) == ["lead"] * 4 + ["published"]
    for r in records:
        assert r["date"] and (r["published"] == r["date"]) == (r["date_source"] == "published")
    out = StringIO()
    call_command("export_articles", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(StringIO(out.getvalue())))
    assert sorted(r["date_source"] for r in rows) == ["lead"] * 4 + ["published"]


def test_a_second_import_of_the_same_files_reports_them_unchanged(seeds):
    run(seeds)
    before = list(Article.objects.values_list("pk", "updated_at"))
    out, _, failed = run(seeds)
    assert not failed
    assert "5 unchanged" in out
    assert list(Article.objects.values_list("pk", "updated_at")) == before


def test_the_raw_text_is_kept_byte_for_byte(tmp_path):
    raw = ("\ufeffBawaslu Metro Minta Warga Tolak Politik Uang\r\n\r\n" + BODY.replace("\n", "\r\n")).encode(
        "utf-8"
    )
    (tmp_path / "a.txt").write_bytes(raw)
    run(tmp_path)
    article = Article.objects.get()
    assert bytes(article.raw) == raw
    assert "\r" not in article.body


def test_an_import_batch_records_counts_and_per_file_errors(tmp_path):
    (tmp_path / "good.txt").write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    (tmp_path / "empty.txt").write_text("")
    _, err, failed = run(tmp_path)
    assert failed
    batch = ImportBatch.objects.get()
    assert (batch.created, batch.failed) == (1, 1)
    assert batch.errors == [{"file": str(tmp_path / "empty.txt"), "reason": "empty file"}]
    assert batch.finished_at is not None
    assert "empty.txt: empty file" in err


def test_a_changed_file_updates_its_article(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    run(path)
    path.write_text("Bawaslu Metro Ajak Warga Laporkan Politik Uang\n\n" + BODY)
    out, _, _ = run(path)
    assert "1 updated" in out
    article = Article.objects.get()
    assert article.title == "Bawaslu Metro Ajak Warga Laporkan Politik Uang"


def test_the_same_text_under_two_names_is_stored_once(tmp_path):
    (tmp_path / "a.txt").write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    (tmp_path / "b.txt").write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    out, _, failed = run(tmp_path, verbosity=2)
    assert not failed
    article = Article.objects.get()
    assert f"b.txt: unchanged (same text as article {article.pk}, {tmp_path.name}/a.txt)" in out


def test_an_editors_rejection_survives_a_reimport_of_a_changed_file(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("Bawaslu Metro Ingatkan Politik Uang\n\n" + BODY)
    run(path)
    tag = RegionTag.objects.get(region__code="18.72")
    tag.status = TagStatus.REJECTED
    tag.save()
    path.write_text("Bawaslu Metro Ingatkan Bahaya Politik Uang\n\n" + BODY)
    out, _, _ = run(path)
    assert "1 updated" in out
    assert RegionTag.objects.get(region__code="18.72").status == TagStatus.REJECTED


def test_an_editors_confirmation_is_not_overwritten(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    run(path)
    tag = PersonTag.objects.get(person__name="Badawi Idham")
    tag.status, tag.confidence = TagStatus.CONFIRMED, 1.0
    tag.save()
    path.write_text("Bawaslu Metro Ajak Warga Laporkan Politik Uang\n\n" + BODY)
    run(path)
    tag.refresh_from_db()
    assert (tag.status, tag.confidence) == (TagStatus.CONFIRMED, 1.0)


def test_people_roles_and_regions_are_suggested_with_evidence(tmp_path):
    (tmp_path / "berita.txt").write_text("Bawaslu Metro Ingatkan Politik Uang\n\n" + BODY)
    run(tmp_path)
    tag = PersonTag.objects.get(person__name="Badawi Idham")
    assert tag.status == TagStatus.SUGGESTED
    assert "Ketua Bawaslu" in tag.role
    assert 0 < tag.confidence <= 1
    assert tag.evidence
    position = Position.objects.get(person__name="Badawi Idham")
    assert position.region.code == "18.72"
    assert RegionTag.objects.filter(region__code="18.72").exists()


def test_a_person_new_to_the_archive_is_stored_without_looking_up_aliases_or_positions(tmp_path):
    """No other transaction sees a person made for this file, so there is nothing of theirs to look
    up; a person already known is still looked up, and gains the new role as a second position."""
    from articles.importer import Importer

    (tmp_path / "a.txt").write_text("Bawaslu Metro Ingatkan Politik Uang\n\n" + BODY)
    with CaptureQueriesContext(connection) as ctx:
        Importer().import_file(tmp_path / "a.txt")
    assert not [
        q for q in ctx if 'FROM "articles_personalias"' in q["sql"] or 'FROM "articles_position"' in q["sql"]
    ]
    person = Person.objects.get(name="Badawi Idham")
    assert "badawiidham" in set(person.aliases.values_list("key", flat=True))
    assert Position.objects.filter(person=person).count() == 1

    later = BODY.replace("Ketua Bawaslu", "Anggota Bawaslu")
    (tmp_path / "b.txt").write_text("Bawaslu Metro Awasi Kampanye\n\n" + later)
    with CaptureQueriesContext(connection) as ctx:
        Importer().import_file(tmp_path / "b.txt")
    assert any('FROM "articles_position"' in q["sql"] for q in ctx)
    assert Person.objects.filter(name="Badawi Idham").count() == 1
    assert Position.objects.filter(person=person).count() == 2


def test_the_same_person_in_two_articles_is_one_person(seeds):
    run(seeds)
    qomaru = Person.objects.get(name="Qomaru Zaman")
    files = set(qomaru.tags.values_list("article__source_file", flat=True))
    assert {"000_291f2ba6d14edeed.txt", "001_1f9dde404f3054cb.txt"} <= files
    assert Position.objects.filter(person=qomaru, region__code="18.72").count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics table")
def test_an_import_leaves_sqlite_the_statistics_it_plans_queries_with(seeds):
    run(seeds)
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT idx FROM sqlite_stat1 WHERE tbl = 'articles_persontag'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert "person_tag_live_articles" in indexes


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's catalogue")
def test_an_import_leaves_postgresql_the_statistics_it_plans_queries_with(seeds):
    # Not left to autovacuum, which may be off (it is on this machine's cluster) or minutes behind.
    run(seeds)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_persontag'")
        assert cursor.fetchone()[0] == PersonTag.objects.count() > 0


def test_dry_run_writes_nothing(seeds):
    out, _, failed = run(seeds, dry_run=True)
    assert not failed
    assert "Dry run, nothing written. 5 files: 5 created" in out
    assert Article.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_folders_are_read_recursively_and_globs_expand(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Warga Metro Diminta Tolak Politik Uang\n\n" + BODY)
    (tmp_path / "top.txt").write_text(
        "Politik Uang Jadi Sorotan Bawaslu Kota Metro\n\n" + BODY.replace("Selasa", "Rabu")
    )
    (tmp_path / "notes.md").write_text("not an article")
    run(tmp_path / "a")
    assert Article.objects.count() == 1
    run(str(tmp_path / "*.txt"))
    assert Article.objects.count() == 2


def test_a_missing_path_is_reported_and_the_rest_imported(tmp_path):
    (tmp_path / "ok.txt").write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    _, err, failed = run(tmp_path / "ok.txt", tmp_path / "nope.txt", str(tmp_path / "*.nothing"))
    assert failed
    assert Article.objects.count() == 1
    assert "nope.txt: no such file or folder" in err
    assert "the pattern matches no file" in err


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "spaces.txt": (b"  \n\t\r\n  ", "empty file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
    "boilerplate.txt": (
        b"BACA JUGA: Berita lain\n\nCek Berita dan Artikel yang lain di Google News\n\nEditor : Redaksi\n",
        "no article text",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_reported_with_its_name_and_reason_and_the_rest_imported(tmp_path, name):
    content, reason = BAD_FILES[name]
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY)
    _, err, failed = run(tmp_path)
    assert failed, "a failed file makes the exit status non-zero"
    assert f"{name}: {reason}" in err
    assert Article.objects.get().source_file == "good.txt"


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100
    (tmp_path / "big.txt").write_text("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY * 3)
    _, err, failed = run(tmp_path)
    assert failed
    assert "over the limit of 100" in err
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "encoding,raw",
    [
        ("utf-16", ("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY).encode("utf-16")),
        ("cp1252", ("Bawaslu Metro: “Tolak Politik Uang” Jelang Pilkada\n\n" + BODY).encode("cp1252")),
        ("nul", ("Bawaslu Metro Minta Warga Tolak Politik Uang\n\n" + BODY).encode() + b"\x00\x00"),
    ],
)
def test_other_encodings_are_decoded_and_kept_raw(tmp_path, encoding, raw):
    (tmp_path / "x.txt").write_bytes(raw)
    _, err, failed = run(tmp_path)
    assert not failed, err
    article = Article.objects.get()
    assert article.title.startswith("Bawaslu Metro")
    assert bytes(article.raw) == raw
    assert "\x00" not in article.body


def test_query_count_per_article_does_not_grow_with_the_archive(tmp_path, seeds):
    from articles.importer import Importer

    def queries_for_seed():
        importer = Importer()
        with CaptureQueriesContext(connection) as ctx:
            importer.import_file(seeds / "003_09b485fde708e6d7.txt")
        return len(ctx)

    empty = queries_for_seed()
    Article.objects.all().delete()
    for n in range(30):
        path = tmp_path / f"filler{n}.txt"
        path.write_text(
            f"Pengisi Arsip Nomor {n} Tentang Pilkada Metro\n\n"
            + BODY.replace("Badawi Idham", f"Orang Nomor{n} Pengisi")
        )
    run(*(tmp_path / f"filler{n}.txt" for n in range(30)))
    Article.objects.filter(source_file__startswith="003").delete()
    fuller = queries_for_seed()
    assert fuller <= empty + 2, (empty, fuller)


def export_without_ids():
    from articles.exporting import articles_for_export, as_record

    return sorted(
        ({k: v for k, v in as_record(a).items() if k != "id"} for a in articles_for_export()),
        key=lambda r: r["file"],
    )


def test_worker_processes_give_the_same_archive_as_one_process(seeds):
    from articles.importer import Importer

    Importer(jobs=1).run([seeds])
    serial = export_without_ids()
    Article.objects.all().delete()
    result = Importer(jobs=2, parallel_from_files=1).run([seeds])
    assert result.count("created") == 5
    assert export_without_ids() == serial


# Identity: the source and the path inside it --------------------------------------------------------


def news(n, version=0):
    """An article text of our own, different for every n and every version of it."""
    return (
        f"Bawaslu Metro Gelar Patroli Pengawasan Tahap {n}\n\n"
        f"Kota Metro - Ketua Bawaslu Metro, Badawi Idham, memimpin patroli pengawasan tahap {n} "
        f"menjelang Pilkada 2024 di Kota Metro, Selasa (14/11/2023). Catatan edisi {version}.\n\n"
        f"Patroli tahap {n} menyisir {n + 3} kelurahan.\n"
    )


def scraper_folder(root, name, numbers, version=0):
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"{n % 100:03}.txt").write_text(news(n, version), encoding="utf-8")
    return folder


def test_two_folders_with_the_same_file_names_give_all_their_articles(tmp_path):
    first = scraper_folder(tmp_path, "scraper-a", range(1, 5))
    second = scraper_folder(tmp_path, "scraper-b", range(101, 107))  # 001.txt … 006.txt again
    out, err, failed = run(first, second)
    assert not failed, err
    assert "10 files: 10 created" in out
    assert set(Article.objects.values_list("source", "source_path")) == {
        *(("scraper-a", f"{n:03}.txt") for n in range(1, 5)),
        *(("scraper-b", f"{n:03}.txt") for n in range(1, 7)),
    }
    # the export keys on the file name, which stays the file's own
    assert sorted(r["file"] for r in export_without_ids()) == sorted(
        [f"{n:03}.txt" for n in range(1, 5)] + [f"{n:03}.txt" for n in range(1, 7)]
    )

    before = list(Article.objects.order_by("pk").values_list("pk", "content_hash", "updated_at"))
    out, _, _ = run(second, first)
    assert "10 files: 0 created, 0 updated, 10 unchanged, 0 failed" in out
    assert list(Article.objects.order_by("pk").values_list("pk", "content_hash", "updated_at")) == before


def test_a_source_name_keeps_files_of_two_folders_with_one_name_apart(tmp_path):
    first = scraper_folder(tmp_path / "mei", "berita", [1, 2])
    second = scraper_folder(tmp_path / "juni", "berita", [201, 202])
    run(first, source="situs-a")
    run(second, source="situs-b")
    assert sorted(Article.objects.values_list("source", "source_path")) == [
        ("situs-a", "001.txt"),
        ("situs-a", "002.txt"),
        ("situs-b", "001.txt"),
        ("situs-b", "002.txt"),
    ]


def test_files_in_subfolders_are_known_by_their_path_inside_the_folder_given(tmp_path):
    scraper_folder(tmp_path / "arsip" / "2023", "11", [1])
    scraper_folder(tmp_path / "arsip" / "2024", "11", [2])  # 001.txt and 002.txt: different names, …
    scraper_folder(tmp_path / "arsip" / "2024", "12", [101])  # … and 001.txt again, in another folder
    run(tmp_path / "arsip")
    assert sorted(Article.objects.values_list("source", "source_path")) == [
        ("arsip", "2023/11/001.txt"),
        ("arsip", "2024/11/002.txt"),
        ("arsip", "2024/12/001.txt"),
    ]


def test_an_edited_file_becomes_one_article_with_its_previous_version_kept_byte_for_byte(tmp_path):
    folder = scraper_folder(tmp_path, "scraper-a", [1, 2])
    path = folder / "001.txt"
    first_raw = ("\ufeff" + news(1).replace("\n", "\r\n")).encode("utf-8")  # a BOM and CRLF, kept as given
    path.write_bytes(first_raw)
    run(folder)
    article = Article.objects.get(source_path="001.txt")
    first_batch, first_hash = article.batch, article.content_hash
    tag = PersonTag.objects.get(article=article, person__name="Badawi Idham")
    tag.status = TagStatus.CONFIRMED
    tag.save()

    second_raw = news(1, version=2).replace("Tahap 1", "Tahap Pertama").encode("cp1252")
    path.write_bytes(second_raw)
    out, _, _ = run(folder)
    assert "2 files: 0 created, 1 updated, 1 unchanged, 0 failed" in out

    article = Article.objects.get(source_path="001.txt")
    assert Article.objects.count() == 2
    assert bytes(article.raw) == second_raw
    assert article.title == "Bawaslu Metro Gelar Patroli Pengawasan Tahap Pertama"
    [previous] = article.revisions.all()
    assert bytes(previous.raw) == first_raw
    assert previous.content_hash == first_hash == content_hash(previous.text)
    assert previous.title == "Bawaslu Metro Gelar Patroli Pengawasan Tahap 1"
    assert previous.batch == first_batch != article.batch
    assert {"name": "Badawi Idham", "role": "Ketua Bawaslu Metro", "status": "confirmed"} in previous.tags[
        "people"
    ]
    # the editor's verdict is the article's, not the version's: it stays
    assert PersonTag.objects.get(article=article, person__name="Badawi Idham").status == TagStatus.CONFIRMED

    out, _, _ = run(folder)  # the same edition again changes nothing
    assert "2 unchanged" in out
    assert article.revisions.count() == 1


def test_a_folder_moved_elsewhere_and_imported_again_is_unchanged(tmp_path):
    folder = scraper_folder(tmp_path / "lama", "scraper-a", range(1, 4))
    run(folder)
    before = list(Article.objects.order_by("pk").values_list("pk", "source", "source_path", "updated_at"))
    moved = shutil.move(folder, tmp_path / "baru" / "tempat-lain")
    out, _, failed = run(moved, source="scraper-a")
    assert not failed
    assert "3 files: 0 created, 0 updated, 3 unchanged, 0 failed" in out
    # moved under another folder name, the texts are still found where they are
    out, _, _ = run(moved, verbosity=2)
    assert "3 unchanged" in out
    assert f"same text as article {before[0][0]}, scraper-a/001.txt" in out
    assert (
        list(Article.objects.order_by("pk").values_list("pk", "source", "source_path", "updated_at"))
        == before
    )


def test_export_lists_earlier_versions_only_when_asked(tmp_path):
    import json
    from io import StringIO

    folder = scraper_folder(tmp_path, "scraper-a", [1])
    run(folder)
    scraper_folder(tmp_path, "scraper-a", [1], version=2)
    run(folder)
    plain, full = StringIO(), StringIO()
    call_command("export_articles", stdout=plain)
    call_command("export_articles", "--revisions", stdout=full)
    [record] = [json.loads(line) for line in plain.getvalue().splitlines()]
    assert "revisions" not in record
    assert (record["file"], record["source"], record["path"]) == ("001.txt", "scraper-a", "001.txt")
    [record] = [json.loads(line) for line in full.getvalue().splitlines()]
    [previous] = record["revisions"]
    assert previous["text"] == news(1)
    assert previous["content_hash"] != record["content_hash"]
    with pytest.raises(CommandError, match="--revisions needs --format jsonl"):
        call_command("export_articles", "--revisions", "--format", "csv", stdout=StringIO())


def test_a_blank_source_name_is_refused(tmp_path):
    with pytest.raises(CommandError, match="--source"):
        call_command("import_articles", str(tmp_path), source=" ")


def test_extraction_runs_at_most_two_windows_ahead_of_the_storing_and_keeps_the_order():
    from articles.importer import one_window_ahead

    started = []

    def start(window):  # as Pool.imap: the work begins when it is called
        started.append(list(window))
        return iter(window)

    results = one_window_ahead(list(range(10)), 3, start)
    assert next(results) == 0
    assert started == [[0, 1, 2], [3, 4, 5]]  # the next window parses while this one is stored
    assert list(results) == list(range(1, 10))
    assert started == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert list(one_window_ahead([], 3, start)) == []
