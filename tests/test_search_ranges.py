"""Date ranges from the sorted column: the same documents as Whoosh's own range, on a real index."""

from datetime import datetime

import pytest
from whoosh import query as wq

from articles.search.ranges import ColumnRange, column_ranges
from tests.whoosh_data import two_segment_index

DATES = {
    "a": datetime(2024, 1, 15, 9, 0),
    "b": datetime(2024, 3, 1, 0, 0),
    "c": datetime(2024, 3, 31, 23, 59),
    "d": None,  # an article without a date
    "e": datetime(2024, 11, 27, 7, 0),
    "f": datetime(2024, 3, 1, 0, 0),
    "g": datetime(2024, 6, 30, 12, 0),
    "h": datetime(2024, 3, 20, 8, 0),  # deleted below
}


TEXTS = {key: "banjir" if key in "bcg" else "pilkada" for key in DATES}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    ix = two_segment_index(tmp_path_factory.mktemp("ranges"), DATES, TEXTS, deleted="h")
    with ix.searcher() as searcher:
        yield searcher


def found(searcher, query):
    return {hit["id"] for hit in searcher.search(query, limit=None)}


MARCH, APRIL = datetime(2024, 3, 1), datetime(2024, 4, 1)


@pytest.mark.parametrize(
    "start, end, startexcl, endexcl",
    [
        (MARCH, APRIL, False, True),
        (MARCH, APRIL, True, False),
        (MARCH, None, False, False),
        (None, MARCH, False, False),
        (None, MARCH, False, True),
        (datetime(2025, 1, 1), None, False, False),
        (None, None, False, False),
    ],
)
def test_the_same_documents_as_whooshs_range(searcher, start, end, startexcl, endexcl):
    whoosh_range = wq.DateRange("published", start, end, startexcl, endexcl)
    column_range = column_ranges(whoosh_range)
    assert isinstance(column_range, ColumnRange)
    assert found(searcher, column_range) == found(searcher, whoosh_range)


def test_undated_and_deleted_articles_never_match(searcher):
    everything = found(searcher, column_ranges(wq.DateRange("published", None, None)))
    assert everything == {"a", "b", "c", "e", "f", "g"}


def test_from_and_to_become_one_range_and_combine_with_words(searcher):
    query = wq.And(
        [
            wq.Term("text", "banjir"),
            wq.DateRange("published", MARCH, None),
            wq.DateRange("published", None, APRIL, endexcl=True),
        ]
    )
    rewritten = column_ranges(query)
    ranges = [sub for sub in rewritten.subqueries if isinstance(sub, ColumnRange)]
    assert len(ranges) == 1
    assert (ranges[0].start, ranges[0].end) == (query.subqueries[1].start, query.subqueries[2].end)
    assert ranges[0].endexcl
    assert found(searcher, rewritten) == found(searcher, query) == {"b", "c"}


def test_a_range_works_as_a_filter(searcher):
    hits = searcher.search(
        wq.Term("text", "pilkada"), filter=column_ranges(wq.DateRange("published", MARCH, None))
    )
    assert {hit["id"] for hit in hits} == {"e", "f"}
