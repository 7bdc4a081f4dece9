"""The search outbox: index work written with the change, applied after commit, retried, never lost."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles import counts
from articles.curation import review
from articles.models import IndexChange, RegionTag, TagStatus
from articles.search import indexing, outbox
from tests.scratch import ScratchSite


def test_a_change_is_recorded_in_its_own_transaction_and_cleared_once_indexed(
    search_index, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = make_article(title="Rapat Pleno Kota Metro")
        assert IndexChange.objects.filter(article_id=article.pk).exists()  # before the commit
    assert search_index.ids() == set()
    for callback in callbacks:
        callback()
    assert search_index.ids() == {article.pk}
    assert not IndexChange.objects.exists()


def test_a_failed_index_write_is_retried_after_its_back_off_and_lands(
    search_index, make_article, monkeypatch, django_capture_on_commit_callbacks
):
    real_update = indexing.update_articles
    monkeypatch.setattr(indexing, "update_articles", lambda ids: (_ for _ in ()).throw(OSError("disk full")))
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Debat Calon Wali Kota")
    change = IndexChange.objects.get(article_id=article.pk)
    assert change.attempts == 1 and "disk full" in change.last_error
    assert change.next_attempt_at > timezone.now()  # backing off
    assert search_index.ids() == set()

    monkeypatch.setattr(indexing, "update_articles", real_update)
    assert outbox.apply_due()  # not due yet: nothing happens
    assert IndexChange.objects.filter(article_id=article.pk).exists()
    IndexChange.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert outbox.apply_due()
    assert search_index.ids() == {article.pk}
    assert not IndexChange.objects.exists()


def test_the_back_off_grows_with_each_failure_up_to_its_limit(make_article, monkeypatch):
    article = make_article(title="Gagal terus")
    monkeypatch.setattr(indexing, "update_articles", lambda ids: (_ for _ in ()).throw(OSError("x")))
    delays = []
    for _ in range(12):
        IndexChange.objects.update(next_attempt_at=timezone.now())
        before = timezone.now()
        outbox.apply_due()
        delays.append(IndexChange.objects.get(article_id=article.pk).next_attempt_at - before)
    assert delays[1] > delays[0] and delays[2] > delays[1]
    assert max(delays) <= outbox.MAX_DELAY + timedelta(seconds=5)


def test_a_bulk_review_is_one_index_write_and_one_counts_version(
    corpus, search_index, monkeypatch, django_capture_on_commit_callbacks
):
    writes = []
    real_update = indexing.update_articles
    monkeypatch.setattr(indexing, "update_articles", lambda ids: (writes.append(set(ids)), real_update(ids)))
    versions = []
    real_bump = counts._bump
    monkeypatch.setattr(counts._bump_after_commit, "work", lambda: (versions.append(1), real_bump()))
    tags = list(RegionTag.objects.exclude(status=TagStatus.CONFIRMED))
    assert len(tags) >= 4
    with django_capture_on_commit_callbacks(execute=True):
        assert review(tags, TagStatus.CONFIRMED, user=None) == len(tags)
    assert len(writes) == 1 and writes[0] >= {t.article_id for t in tags}
    assert len(versions) == 1


def test_the_search_page_says_when_results_may_be_behind(client, corpus, monkeypatch):
    IndexChange.objects.all().delete()
    IndexChange.objects.create(
        article_id=corpus.subang.pk, next_attempt_at=timezone.now() + timedelta(hours=1)
    )
    cache.clear()
    page = client.get("/cari/", {"q": "pilkada"}).content.decode()
    assert "belum memuat 1 perubahan" in page
    IndexChange.objects.all().delete()
    assert "belum memuat" not in client.get("/cari/", {"q": "pilkada"}).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_process_killed_between_commit_and_index_write_loses_nothing(tmp_path):
    site = ScratchSite(tmp_path)
    try:
        # The import commits its article, then dies where the index write would begin.
        script = (
            "import os\n"
            "from articles.search import indexing\n"
            "indexing._write = lambda *a, **k: os._exit(9)\n"
            "from articles.models import Article\n"
            "Article.objects.create(title='Kotak keluar', body='Rekapitulasi suara zqxoutbox.', raw=b'x',"
            " content_hash='f' * 64, source='uji', source_path='1.txt', source_file='1.txt')\n"
        )
        died = site.manage("shell", "-c", script, check=False)
        assert died.returncode == 9
        assert site.sql("SELECT COUNT(*) FROM articles_article")[0][0] == 1
        assert site.sql("SELECT COUNT(*) FROM articles_indexchange")[0][0] == 1
        assert "outbox: 1 changes waiting" in site.manage("check_index").stdout
        site.manage("check_index", "--fix")
        assert site.sql("SELECT COUNT(*) FROM articles_indexchange")[0][0] == 0
        found = site.manage(
            "shell",
            "-c",
            "from haystack.query import SearchQuerySet as S; print(S().filter(content='zqxoutbox').count())",
        )
        assert found.stdout.strip().splitlines()[-1] == "1"
    finally:
        site.close()
