"""check_index: what differs between the database and the index, and --fix."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, IndexChange, RegionTag
from articles.search.indexing import compare_index


def run(*args):
    out = StringIO()
    call_command("check_index", *args, stdout=out)
    return out.getvalue()


def test_an_index_in_step_with_the_database_is_reported_as_such(corpus):
    assert not compare_index(deep=True)
    assert "agree" in run()


def test_missing_stale_and_outdated_articles_are_found_and_repaired(corpus, search_index, make_article):
    # Signals index on commit, which a `db` test never reaches: these changes bypass the index.
    added = make_article(title="Belum terindeks")
    deleted = corpus.subang.pk
    corpus.subang.delete()
    Article.objects.filter(pk=corpus.lampung.pk).update(updated_at=timezone.now() + timedelta(minutes=1))
    IndexChange.objects.all().delete()  # as if these changes had bypassed the outbox too

    report = compare_index()
    assert report.missing == {added.pk}
    assert report.stale == {deleted}
    assert report.outdated == {corpus.lampung.pk}
    assert "missing: 1" in run()

    assert "Repaired: 1 added, 1 reindexed, 1 removed." in run("--fix")
    assert not compare_index(deep=True)
    assert search_index.ids() == set(Article.objects.values_list("pk", flat=True))


def test_deep_finds_a_tag_change_that_did_not_touch_the_article(corpus):
    RegionTag.objects.filter(article=corpus.metro_run).update(status="rejected")
    assert not compare_index()
    assert compare_index(deep=True).outdated == {corpus.metro_run.pk}
    run("--deep", "--fix")
    assert not compare_index(deep=True)


def test_changes_waiting_in_the_outbox_are_reported_and_applied_by_fix(corpus, search_index, make_article):
    IndexChange.objects.all().delete()  # the fixture indexed its articles directly
    added = make_article(title="Menunggu di kotak keluar")  # recorded, but no commit ran it
    assert "outbox: 1 changes waiting" in run()
    assert added.pk not in search_index.ids()
    out = run("--fix")
    assert "outbox: applied" in out and "agree" in out
    assert added.pk in search_index.ids()
    assert not IndexChange.objects.exists()
