"""The same searches built for Solr and Elasticsearch 7 through Haystack's public API: every filter,
the sort and the facets reach the engine's query. Query building only: no server is contacted."""

from datetime import date
from types import SimpleNamespace

import pytest
from haystack import connections

from articles.search.service import build_queryset

ENGINES = {
    "solr": {"ENGINE": "haystack.backends.solr_backend.SolrEngine", "URL": "http://127.0.0.1:9/solr/arsip"},
    "elasticsearch": {
        "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
        "URL": "http://127.0.0.1:9/",
        "INDEX_NAME": "arsip",
    },
}
FILTERS = {
    "region": (SimpleNamespace(code="18.72"), "regions", "18.72"),
    "person": (SimpleNamespace(slug="qomaru-zaman"), "people", "qomaru-zaman"),
    "organization": (SimpleNamespace(slug="kpu-kota-metro"), "organizations", "kpu-kota-metro"),
    "event": (SimpleNamespace(slug="debat-publik"), "events", "debat-publik"),
    "outlet": (SimpleNamespace(slug="kupas-tuntas"), "outlet_exact", "kupas-tuntas"),
    "contest": (SimpleNamespace(region=SimpleNamespace(code="51.05")), "contests", "51.05"),
    "pair": (SimpleNamespace(slug="kasta-gunaksa"), "pairs", "kasta-gunaksa"),
}


@pytest.fixture(params=sorted(ENGINES))
def engine(request):
    connections.connections_info[request.param] = ENGINES[request.param]
    yield request.param
    del connections.connections_info[request.param]
    connections.thread_local.connections = {}


def built(data, using):
    query = build_queryset(data, using=using).query
    return query.build_query(), query.backend.build_search_kwargs(query.build_query(), **query.build_params())


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_every_filter_reaches_the_engines_query(engine, name):
    value, field, text = FILTERS[name]
    query, _ = built({"q": "pilkada", name: value}, engine)
    assert f"{field}:" in query and text in query
    assert "pilkada" in query


def test_dates_and_undated_articles_reach_the_engines_query(engine):
    query, _ = built({"from": date(2024, 11, 1), "to": date(2024, 11, 30)}, engine)
    assert "day:" in query and "2024-11-01" in query and "2024-11-30" in query
    assert "dated:" not in query  # a date range leaves undated articles out by itself
    query, _ = built({"q": "pilkada", "undated": "exclude"}, engine)
    assert "dated:(true)" in query.lower()
    query, _ = built({"q": "pilkada", "undated": "only"}, engine)
    assert "dated:(false)" in query.lower()


def test_sort_and_facets_reach_the_engine(engine):
    _, kwargs = built({"q": "pilkada", "sort": "newest"}, engine)
    sort = kwargs.get("sort")
    assert "published" in str(sort) and "desc" in str(sort)
    facets = set(kwargs.get("facet.field") or kwargs.get("aggs") or [])
    assert {"regions", "people", "outlet", "month", "contests", "pairs"} <= {
        f.removesuffix("_exact") for f in facets
    }
