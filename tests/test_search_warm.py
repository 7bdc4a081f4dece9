"""A web worker warms the search up as it starts: its first searches then read nothing per segment
that the warm-up did not already read."""

import pytest

from articles.search import segments
from articles.search.forms import SearchForm
from articles.search.service import run_search, warm


@pytest.fixture
def two_segments(search_index, corpus, make_article, tag_region):
    more = [make_article(title=f"Pilkada segmen {n}") for n in range(3)]
    for article in more:
        tag_region(article, "18.72")
    search_index.update(more)
    segments._by_segment.clear()
    yield
    segments._by_segment.clear()


def search(query):
    form = SearchForm(query)
    assert form.is_valid(), form.errors
    return run_search(form.cleaned_data)


@pytest.mark.parametrize(
    "query",
    [
        {"q": "pilkada"},
        {"q": '"pilkada segmen"'},
        {"q": "pilka*"},
        {"q": "pilkada", "sort": "newest"},
        {"sort": "oldest"},
        {"q": "pilkada", "from": "2024-01-01", "sort": "newest"},
    ],
)
def test_after_the_warm_up_a_faceted_sorted_search_builds_nothing_more(two_segments, query):
    warm()
    warmed = set(segments._by_segment)
    assert warmed, "the warm-up read nothing"
    outcome = search(query)
    assert outcome.count and outcome.facets
    assert set(segments._by_segment) == warmed


def test_a_warm_up_that_fails_is_logged_and_the_worker_still_serves(two_segments, monkeypatch, caplog):
    from haystack import connections

    backend = connections["default"].get_backend()

    def broken(**kwargs):
        raise OSError("disk unreadable")

    monkeypatch.setattr(backend, "warm", broken)
    warm()
    assert "not warmed up" in caplog.text and "disk unreadable" in caplog.text
    assert search({"q": "pilkada"}).count
