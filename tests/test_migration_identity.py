"""Migration 0005: existing articles get an identity from their import batch and file name; none lost."""

import pytest

pytestmark = pytest.mark.slow  # migrates back and forth; bin/test --all and CI run it

BEFORE, AFTER = ("articles", "0004_tag_count_indexes"), ("articles", "0005_source_identity")


def test_existing_articles_get_their_identity_and_doubts_are_printed(tmp_path, capsys, migrate_to):
    apps = migrate_to(BEFORE)
    Article, ImportBatch = apps.get_model("articles", "Article"), apps.get_model("articles", "ImportBatch")
    (tmp_path / "scraper-a" / "sub").mkdir(parents=True)
    (tmp_path / "scraper-a" / "sub" / "002.txt").write_bytes(b"dua")
    by_folder = ImportBatch.objects.create(paths=[str(tmp_path / "scraper-a")])
    by_file = ImportBatch.objects.create(paths=[str(tmp_path / "scraper-b" / "001.txt")])
    two_folders = ImportBatch.objects.create(paths=[str(tmp_path / "x"), str(tmp_path / "y")])

    def article(n, name, batch, raw=b"?"):
        return Article.objects.create(
            title=name, body=name, raw=raw, content_hash=f"{n:064x}", source_file=name, batch=batch
        ).pk

    found_on_disk = article(1, "002.txt", by_folder, raw=b"dua")
    given_as_file = article(2, "001.txt", by_file)
    ambiguous = article(3, "003.txt", two_folders)
    unrecorded = article(4, "004.txt", None)
    same_again = article(5, "004.txt", None)

    Article = migrate_to(AFTER).get_model("articles", "Article")
    rows = {
        pk: (source, path) for pk, source, path in Article.objects.values_list("pk", "source", "source_path")
    }
    assert len(rows) == 5
    assert rows[found_on_disk] == ("scraper-a", "sub/002.txt")
    assert rows[given_as_file] == ("scraper-b", "001.txt")
    assert rows[ambiguous] == ("x", "003.txt")
    assert rows[unrecorded] == ("tanpa-sumber", "004.txt")
    assert rows[same_again] == ("tanpa-sumber", f"004.txt#{same_again}")
    printed = capsys.readouterr().out
    assert f"article {ambiguous} (003.txt): ambiguous, kept as x/003.txt; also y/003.txt" in printed
    assert f"article {unrecorded} (004.txt): no recorded import path" in printed
    assert f"article {same_again} (004.txt): tanpa-sumber/004.txt is taken" in printed
