"""The index follows the database: on commit, under concurrency, and in deferred imports."""

import threading

import pytest
from django.db import transaction
from haystack import connections
from haystack.inputs import Exact
from haystack.query import SearchQuerySet

from articles.models import Article, Outlet, PersonTag, RegionTag
from articles.search.indexing import deferred_indexing, remove_articles, update_articles


def in_region(search_index, code):
    return search_index.ids(SearchQuerySet().filter(regions=Exact(code)))


def test_a_saved_article_is_searchable_once_its_transaction_commits(
    search_index, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Debat Calon Wali Kota Bandar Lampung")
        assert search_index.ids() == set()  # not before the commit
    assert search_index.ids() == {article.pk}


def test_a_rolled_back_save_never_reaches_the_index(
    search_index, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            make_article(title="Dibatalkan")
            raise RuntimeError
    assert search_index.ids() == set()


def test_rejecting_a_tag_removes_the_article_from_that_region_and_person(
    corpus, search_index, django_capture_on_commit_callbacks
):
    assert corpus.metro_run.pk in in_region(search_index, "18.72")
    with django_capture_on_commit_callbacks(execute=True):
        for tag in [
            *RegionTag.objects.filter(article=corpus.metro_run),
            *PersonTag.objects.filter(article=corpus.metro_run),
        ]:
            tag.status = "rejected"
            tag.save()
    assert corpus.metro_run.pk not in in_region(search_index, "18.72")
    assert corpus.metro_run.pk not in in_region(search_index, "18")
    by_person = search_index.ids(SearchQuerySet().filter(people=Exact("qomaru-zaman")))
    assert corpus.metro_run.pk not in by_person


def test_a_new_tag_and_a_deleted_article_show_up(
    corpus, search_index, tag_region, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tag_region(corpus.lubuklinggau, "18.72")
        corpus.subang.delete()
    assert corpus.lubuklinggau.pk in in_region(search_index, "18")
    assert search_index.ids() == set(Article.objects.values_list("pk", flat=True))


def test_renaming_a_person_reindexes_their_articles(corpus, search_index, django_capture_on_commit_callbacks):
    from tests.test_search_index import find

    with django_capture_on_commit_callbacks(execute=True):
        corpus.imran.name = "Imran Hidayatullah"
        corpus.imran.save()
    assert find("hidayatullah") == [corpus.subang.pk]


def test_deleting_an_outlet_reindexes_its_articles(corpus, search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Outlet.objects.get(slug="kupas-tuntas").delete()
    assert search_index.ids(SearchQuerySet().filter(outlet=Exact("kupas-tuntas"))) == set()


def test_deferred_indexing_indexes_once_at_the_end(
    search_index, make_article, django_capture_on_commit_callbacks
):
    with deferred_indexing():
        with django_capture_on_commit_callbacks(execute=True):
            articles = [make_article(title=f"Impor {n}") for n in range(5)]
        update_articles([articles[0].pk])
        assert search_index.ids() == set()  # nothing written inside the block
    assert search_index.ids() == {a.pk for a in articles}


def test_remove_articles_removes_even_existing_ones(corpus, search_index):
    remove_articles([corpus.subang.pk])
    assert corpus.subang.pk not in search_index.ids()


@pytest.mark.django_db(transaction=True)
def test_outside_a_test_transaction_signals_index_on_real_commits(search_index, make_article):
    article = make_article(title="Rekapitulasi Suara Kota Metro")
    assert search_index.ids() == {article.pk}
    article.delete()
    assert search_index.ids() == set()


def _threads(target, n):
    errors = []

    def run(i):
        try:
            target(i)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections["default"].get_backend()._close_searcher()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_concurrent_writers_queue_instead_of_failing_and_lose_nothing(search_index, make_article):
    articles = [make_article(title=f"Bersamaan {n}") for n in range(12)]
    objects = list(connections["default"].get_unified_index().get_index(Article).index_queryset())

    def write(i):
        # Each thread has its own backend and Whoosh index object, like separate processes.
        backend = connections["default"].get_backend()
        index = connections["default"].get_unified_index().get_index(Article)
        backend.update(index, [objects[i]])
        if i % 3 == 0:
            backend.remove(objects[i])

    assert _threads(write, len(articles)) == []
    assert search_index.ids() == {a.pk for n, a in enumerate(articles) if n % 3}


def test_a_delete_waits_for_a_foreign_whoosh_writer_instead_of_being_lost(corpus, search_index):
    backend = search_index.backend
    backend.searcher()
    foreign = backend.index.writer()  # e.g. the stock backend in another process, holding the lock
    started = threading.Event()

    def remove(_):
        started.set()
        connections["default"].get_backend().remove(f"articles.article.{corpus.subang.pk}")

    thread = threading.Thread(target=_threads, args=(remove, 1))
    thread.start()
    started.wait()
    foreign.cancel()  # releases Whoosh's lock; the waiting delete goes ahead
    thread.join()
    assert corpus.subang.pk not in search_index.ids()
