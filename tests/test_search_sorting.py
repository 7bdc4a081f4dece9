"""Sorting on the date column: Whoosh's own order for dated articles, undated ones last; a real index."""

from datetime import datetime

import pytest
from whoosh import collectors
from whoosh import query as wq

from articles.search.sorting import ColumnSort
from tests.whoosh_data import two_segment_index

DATES = {
    "a": datetime(2024, 1, 15, 9, 0),
    "b": datetime(2024, 3, 1, 0, 0),
    "c": None,  # an article without a date
    "d": datetime(2024, 11, 27, 7, 0),
    "e": datetime(2024, 3, 1, 0, 0),  # the same moment as b, in another segment
    "f": None,
    "g": datetime(2024, 6, 30, 12, 0),
    "h": datetime(2024, 12, 31, 0, 0),  # deleted below
}


TEXTS = {key: "pilkada banjir" if key in "bceg" else "pilkada" for key in DATES}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    ix = two_segment_index(tmp_path_factory.mktemp("sorting"), DATES, TEXTS, deleted="h")
    with ix.searcher() as searcher:
        yield searcher


def ids(searcher, query, collector):
    searcher.search_with_collector(query, collector)
    return [searcher.stored_fields(doc)["id"] for _, doc in collector.results().top_n]


@pytest.mark.parametrize("reverse", [True, False], ids=["newest", "oldest"])
@pytest.mark.parametrize("word", ["pilkada", "banjir"])
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 10])
def test_the_order_is_whooshs_own_with_undated_articles_last(searcher, word, reverse, limit):
    query = wq.Term("text", word)
    theirs = ids(searcher, query, collectors.SortingCollector(["published"], limit=None, reverse=reverse))
    expected = [key for key in theirs if DATES[key]] + [key for key in theirs if not DATES[key]]
    assert ids(searcher, query, ColumnSort("published", limit, reverse)) == expected[:limit]


@pytest.mark.parametrize("reverse", [True, False], ids=["newest", "oldest"])
def test_undated_articles_come_last_both_ways_and_deleted_ones_never(searcher, reverse):
    order = ids(searcher, wq.Term("text", "pilkada"), ColumnSort("published", 10, reverse=reverse))
    dated = ["d", "g", "e", "b", "a"]  # h, the newest, was deleted; b and e share a moment
    assert order[:5] == (dated if reverse else dated[::-1])
    assert sorted(order[5:]) == ["c", "f"]


def test_the_count_is_every_match_not_the_page(searcher):
    collector = ColumnSort("published", 2, reverse=True)
    searcher.search_with_collector(wq.Term("text", "pilkada"), collector)
    assert collector.count() == 7
    assert len(collector.results().top_n) == 2
