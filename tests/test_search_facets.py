"""Facet counts from per-segment doc values give exactly what Whoosh's own faceting counts: over
several segments, after deletions, for any set of matches."""

import random

import pytest
from whoosh import query as wq
from whoosh.sorting import Count, FieldFacet

from articles.search.backend import facet_counts

FIELDS = ["regions", "people", "outlet", "month", "contests", "pairs"]


def whoosh_counts(searcher, query, name):
    """Whoosh's own answer: every value a matching document has, counted (allow_overlap)."""
    results = searcher.search(
        query, groupedby={name: FieldFacet(name, allow_overlap=True)}, maptype=Count, limit=None
    )
    return sorted(
        ((v, n) for v, n in results.groups(name).items() if v is not None), key=lambda i: (-i[1], i[0])
    )


@pytest.fixture
def segmented(search_index, corpus, make_article, tag_region, make_person, tag_person):
    """The search corpus in one segment, more articles in two more, one of them deleted."""
    person = make_person("Tokoh Segmen")
    more = []
    for n in range(6):
        article = make_article(title=f"Pilkada segmen {n}", outlet="Segmen Pos" if n % 2 else None)
        tag_region(article, "18.72" if n % 3 else "32.13")
        if n % 2 == 0:
            tag_person(article, person)
        more.append(article)
    search_index.update(more[:3])
    search_index.update(more[3:])
    search_index.backend.remove(more[1])
    searcher = search_index.backend.searcher()
    assert len(searcher.leaf_searchers()) >= 2
    return searcher


@pytest.mark.parametrize("query", [wq.Every(), wq.Term("text", "pilkada"), wq.Term("regions", "18")])
def test_facet_counts_equal_whooshs_own_over_segments_and_deletions(segmented, query):
    docs = list(segmented.docs_for_query(query))
    counts = facet_counts(segmented, docs, FIELDS)
    for name in FIELDS:
        assert counts[name] == whoosh_counts(segmented, query, name), name
    assert counts["regions"]  # the fixture's articles are tagged: something was counted


def test_any_subset_of_matches_counts_as_whoosh_counts_it(segmented):
    every = sorted(segmented.docs_for_query(wq.Every()))
    rng = random.Random(7)
    for _ in range(5):
        subset = rng.sample(every, rng.randint(1, len(every)))
        counts = facet_counts(segmented, subset, ["regions", "people"])
        expected = facet_counts_by_hand(segmented, subset, "regions")
        assert dict(counts["regions"]) == expected


def facet_counts_by_hand(searcher, docs, name):
    """Each document's stored values, counted one by one: the slowest, plainest reading."""
    counted = {}
    for doc in docs:
        for value in (searcher.stored_fields(doc).get(name) or "").split(","):
            if value:
                counted[value] = counted.get(value, 0) + 1
    return counted


def test_no_matches_count_nothing(segmented):
    assert facet_counts(segmented, [], FIELDS) == {name: [] for name in FIELDS}
