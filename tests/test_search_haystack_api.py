"""Haystack's public SearchQuerySet API on our Whoosh engine: what an application written for any
Haystack backend relies on (date and query facets, more_like_this within a query, sort errors,
spelling suggestions without a second search)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from haystack import connections
from haystack.exceptions import SearchBackendError
from haystack.query import SearchQuerySet

from articles.search.forms import SearchForm
from articles.search.service import run_search

WIB = ZoneInfo("Asia/Jakarta")


def date_counts(field, start, end, gap_by):
    """facet_counts()["dates"] of one date_facet over every document."""
    sqs = SearchQuerySet().all().date_facet(field, start_date=start, end_date=end, gap_by=gap_by)
    return sqs.facet_counts()["dates"][field]


def test_a_monthly_date_facet_counts_each_article_in_the_month_of_its_own_zone(corpus):
    counts = date_counts(
        "published", datetime(2024, 1, 1, tzinfo=WIB), datetime(2025, 1, 1, tzinfo=WIB), "month"
    )
    by_month = {bucket[0].strftime("%Y-%m"): n for bucket, n in counts}
    # 00.30 WIB on 1 November is 31 October in UTC: it still counts for November.
    assert by_month == {"2024-03": 2, "2024-05": 1, "2024-07": 1, "2024-08": 1, "2024-11": 1}


def test_a_date_facet_counts_what_falls_outside_its_range_apart(corpus):
    counts = date_counts(
        "published", datetime(2024, 3, 1, tzinfo=WIB), datetime(2024, 4, 1, tzinfo=WIB), "month"
    )
    assert [n for _bucket, n in counts] == [4, 2]  # four outside March first: most frequent first
    assert counts[0][0] is None


def test_query_facets_count_the_matches_of_each_query(corpus):
    sqs = SearchQuerySet().all().query_facet("regions", "18.72").query_facet("people", "imran")
    counts = sqs.facet_counts()
    assert counts["queries"] == {"regions": 2, "people": 1}
    assert counts["fields"] == {} and counts["dates"] == {}


def test_field_facets_come_with_empty_date_and_query_facets(corpus):
    counts = SearchQuerySet().all().facet("outlet").facet_counts()
    assert ("kupas-tuntas", 2) in counts["fields"]["outlet"]
    assert counts["dates"] == {} and counts["queries"] == {}


def test_a_field_facet_with_a_limit_returns_its_most_frequent_values_only(corpus):
    every = SearchQuerySet().all().facet("regions").facet_counts()["fields"]["regions"]
    top = SearchQuerySet().all().facet("regions", limit=2).facet_counts()["fields"]["regions"]
    assert len(every) > 2
    assert top == every[:2]


def test_more_like_this_keeps_the_querys_filters(corpus):
    related = SearchQuerySet().filter(regions="18").more_like_this(corpus.metro_run)
    ids = {int(r.pk) for r in related}
    assert corpus.metro_meeting.pk in ids
    assert not ids & {corpus.subang.pk, corpus.lubuklinggau.pk, corpus.metro_run.pk}


def test_more_like_this_among_some_articles_keeps_their_order_and_scores_in_the_whole(corpus):
    everything = [(r.pk, r.score) for r in SearchQuerySet().more_like_this(corpus.metro_run)]
    among = [pk for pk, _ in everything][1::2] + [str(corpus.metro_run.pk)]  # every other one, and itself
    narrowed = SearchQuerySet().filter(django_id__in=among).more_like_this(corpus.metro_run)
    assert len(everything) >= 2
    assert [(r.pk, r.score) for r in narrowed] == [(pk, score) for pk, score in everything if pk in among]


def test_more_like_this_pages_through_every_related_article_once(corpus):
    everything = SearchQuerySet().more_like_this(corpus.metro_run)
    first, rest = [r.pk for r in everything[:1]], [r.pk for r in everything[1:10]]
    assert first and rest and not set(first) & set(rest)
    assert len(first + rest) == everything.count()


def test_a_sort_in_two_directions_is_a_search_backend_error(corpus):
    with pytest.raises(SearchBackendError):
        list(SearchQuerySet().all().order_by("-published", "title"))


def test_a_search_with_no_hits_brings_its_spelling_suggestion_in_one_run(corpus, monkeypatch):
    backend = connections["default"].get_backend()
    calls = []
    search = backend.search
    monkeypatch.setattr(backend, "search", lambda *a, **kw: calls.append(kw) or search(*a, **kw))
    form = SearchForm({"q": "bawasluu"})
    assert form.is_valid()
    outcome = run_search(form.cleaned_data)
    assert outcome.count == 0 and outcome.suggestion == "bawaslu"
    assert len(calls) == 1


def test_an_index_without_an_unstemmed_field_still_suggests_indexed_words(corpus, settings, tmp_path):
    options = dict(settings.HAYSTACK_CONNECTIONS["default"], PATH=str(tmp_path), SPELLING_FIELD=None)
    backend = connections["default"].backend("default", **options)
    index = connections["default"].get_unified_index().get_index(type(corpus.metro_run))
    backend.update(index, index.index_queryset())
    assert backend.create_spelling_suggestion("wahdy") == "wahdi"
    assert backend.create_spelling_suggestion("wahdi") is None  # a known word: nothing to suggest
