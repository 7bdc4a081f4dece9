"""rebuild_index builds a new generation and swaps it in; searches answer throughout."""

import os
from io import StringIO

from django.core.management import call_command
from haystack import connections
from whoosh.multiproc import MpWriter

from articles.models import Article
from articles.search.indexing import update_articles
from tests.test_search_index import find


def test_rebuild_index_is_this_projects_command_and_keeps_noinput(corpus, search_index):
    out = StringIO()
    call_command("rebuild_index", "--noinput", stdout=out)
    assert "switched to it" in out.getvalue()
    assert search_index.ids() == set(Article.objects.values_list("pk", flat=True))


def test_search_answers_from_the_old_index_during_a_rebuild_and_from_the_new_after(
    corpus, search_index, make_article
):
    backend = search_index.backend
    old = os.readlink(os.path.join(backend.folder.root, "current"))
    added = make_article(title="Pelantikan Wali Kota Metro Terpilih")  # in the database, not yet indexed
    seen_during = {}
    subang = corpus.subang.pk

    def before_swap():
        seen_during["qomaru"] = find("qomaru")
        seen_during["pelantikan"] = find("pelantikan")
        # A live edit while the rebuild runs: it is journalled and replayed into the new index.
        Article.objects.filter(pk=subang).delete()
        update_articles([subang])

    index = connections["default"].get_unified_index().get_index(Article)
    backend.rebuild(index, index.index_queryset().iterator(chunk_size=100), before_swap=before_swap)

    assert set(seen_during["qomaru"]) == {corpus.metro_run.pk, corpus.metro_meeting.pk}
    assert seen_during["pelantikan"] == []
    assert os.readlink(os.path.join(backend.folder.root, "current")) != old
    assert find("pelantikan") == [added.pk]
    assert subang not in search_index.ids()
    assert not os.path.exists(os.path.join(backend.folder.root, "rebuild.journal"))


def test_a_failed_rebuild_leaves_the_current_index_alone(corpus, search_index):
    backend = search_index.backend
    current = os.readlink(os.path.join(backend.folder.root, "current"))
    index = connections["default"].get_unified_index().get_index(Article)

    def broken():
        yield from index.index_queryset()[:2]
        raise RuntimeError("database went away")

    try:
        backend.rebuild(index, broken())
    except RuntimeError:
        pass
    assert os.readlink(os.path.join(backend.folder.root, "current")) == current
    assert set(find("qomaru")) == {corpus.metro_run.pk, corpus.metro_meeting.pk}


def test_clear_index_leaves_an_empty_working_index(corpus, search_index):
    call_command("clear_index", "--noinput", stdout=StringIO())
    assert search_index.ids() == set()
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert search_index.ids() == set(Article.objects.values_list("pk", flat=True))


def test_a_big_rebuild_spreads_the_analysis_over_writer_processes(corpus, search_index, settings):
    before = {word: set(find(word)) for word in ("qomaru", "bupati", "pilkada")}
    settings.SEARCH_INDEX_PROCS = 2  # a rebuild always writes in parallel, however small the corpus
    call_command("rebuild_index", "--noinput", stdout=StringIO())

    writer = search_index.backend._writer(search_index.backend.index, parallel=True)
    writer.cancel()
    assert isinstance(writer, MpWriter) and writer.procs == 2
    assert search_index.ids() == set(Article.objects.values_list("pk", flat=True))
    assert {word: set(find(word)) for word in before} == before
    assert all(before.values())


def test_a_big_update_in_place_uses_writer_processes_and_replaces_documents(
    corpus, search_index, settings, monkeypatch
):
    from articles.search import backend as whoosh_backend

    settings.SEARCH_INDEX_PROCS = 2
    monkeypatch.setattr(whoosh_backend, "PARALLEL_FROM_DOCUMENTS", 1)
    Article.objects.filter(pk=corpus.subang.pk).update(title="Debat Kandidat Bupati Subang Ditunda")
    update_articles(Article.objects.values_list("pk", flat=True))

    assert search_index.ids() == set(Article.objects.values_list("pk", flat=True))
    assert find("ditunda") == [corpus.subang.pk]
    assert search_index.backend.searcher().doc_count() == Article.objects.count()  # no duplicates
