"""The search result cache: a repeated question is answered from it with exactly what the index
would say, and a commit to the index retires every answer the commit could change."""

import pytest
from haystack.query import SearchQuerySet

from articles import cache_report

QUESTIONS = [
    lambda: SearchQuerySet().filter(content="pilkada"),
    lambda: SearchQuerySet().filter(content="metro").order_by("-published"),
    lambda: SearchQuerySet().filter(content="pilkada").narrow("regions:18").facet("people").facet("regions"),
    lambda: SearchQuerySet().all().facet("outlet"),
]


def _answer(sqs):
    results = list(sqs[:20])
    return (
        [(r.pk, round(r.score, 6)) for r in results],
        sqs.count(),
        sqs.facet_counts(),
    )


def test_a_repeated_search_is_a_hit_with_the_same_documents_order_counts_and_facets(corpus):
    fresh = []
    for question in QUESTIONS:
        cache_report.start()
        fresh.append(_answer(question()))
        assert cache_report.verdict() == "miss"
    for question, first in zip(QUESTIONS, fresh, strict=True):
        cache_report.start()
        assert _answer(question()) == first
        assert cache_report.verdict() == "hit"


def test_the_same_question_asked_differently_shares_one_answer(corpus):
    cache_report.start()
    list(SearchQuerySet().filter(content="pilkada").narrow("regions:18").narrow("outlet:kupas-tuntas")[:20])
    cache_report.start()
    list(SearchQuerySet().filter(content="pilkada").narrow("outlet:kupas-tuntas").narrow("regions:18")[:20])
    assert cache_report.verdict() == "hit"


def test_another_page_or_filter_is_another_question(corpus):
    list(SearchQuerySet().filter(content="pilkada")[:20])
    cache_report.start()
    list(SearchQuerySet().filter(content="pilkada").narrow("regions:18")[:20])
    assert cache_report.verdict() == "miss"
    cache_report.start()
    list(SearchQuerySet().filter(content="pilkada")[20:40])
    assert cache_report.verdict() == "miss"


def test_a_newly_indexed_article_is_found_by_the_next_search(search_index, make_article):
    make_article(title="Debat publik calon bupati")
    search_index.update()
    before = {int(r.pk) for r in SearchQuerySet().filter(content="debat")}
    added = make_article(title="Debat kedua calon bupati")
    search_index.update([added])
    cache_report.start()
    after = {int(r.pk) for r in SearchQuerySet().filter(content="debat")}
    assert cache_report.verdict() == "miss"
    assert after == before | {added.pk}


def test_a_removed_article_leaves_the_next_search(search_index, make_article):
    gone = make_article(title="Sengketa hasil pilkada")
    kept = make_article(title="Rekapitulasi hasil pilkada")
    search_index.update()
    assert {int(r.pk) for r in SearchQuerySet().filter(content="hasil")} == {gone.pk, kept.pk}
    search_index.backend.remove(gone)
    assert {int(r.pk) for r in SearchQuerySet().filter(content="hasil")} == {kept.pk}


@pytest.mark.parametrize("url", ["/cari/?q=pilkada", "/api/search?q=pilkada"])
def test_the_search_page_and_api_say_whether_they_were_answered_from_the_cache(client, corpus, url):
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"


def test_the_cache_can_be_switched_off(corpus, settings):
    settings.CACHES = {
        **settings.CACHES,
        "search": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    list(SearchQuerySet().filter(content="pilkada")[:20])
    cache_report.start()
    list(SearchQuerySet().filter(content="pilkada")[:20])
    assert cache_report.verdict() == "miss"


def test_the_engine_still_answers_under_settings_without_the_search_cache(corpus, settings):
    settings.CACHES = {
        "default": settings.CACHES["default"]
    }  # a third party's settings, as Haystack's own tests
    found = {int(r.pk) for r in SearchQuerySet().filter(content="pilkada")}
    assert found and found == {int(r.pk) for r in SearchQuerySet().filter(content="pilkada")}
