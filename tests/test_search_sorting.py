"""Sorting on the date column: Whoosh's own order for dated articles, undated ones last; a real index."""

from datetime import datetime

import pytest
from whoosh import collectors
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import DATETIME, ID, TEXT, Schema

from articles.search.sorting import ColumnSort

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


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    schema = Schema(id=ID(stored=True, unique=True), text=TEXT, published=DATETIME(sortable=True))
    ix = whoosh_index.create_in(tmp_path_factory.mktemp("sorting"), schema)
    for batch in (("a", "b", "c", "d"), ("e", "f", "g", "h")):  # two segments
        writer = ix.writer()
        for key in batch:
            fields = {"id": key, "text": "pilkada banjir" if key in "bceg" else "pilkada"}
            if DATES[key]:
                fields["published"] = DATES[key]
            writer.add_document(**fields)
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("id", "h")
    writer.commit(merge=False)
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
