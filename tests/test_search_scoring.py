"""BM25F with cached field lengths: the same scores and order as Whoosh's own, on a real index."""

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import scoring
from whoosh.fields import ID, TEXT, Schema

from articles.search.scoring import BM25F

TEXTS = {
    "a": "pilkada serentak",
    "b": "pilkada " + "kampanye " * 40,  # a long text: BM25 ranks it below a short one
    "c": "debat calon bupati pilkada pilkada",
    "d": "banjir",
    "e": "pilkada di kota bekasi dan kabupaten bogor",
    "f": "pilkada pilkada pilkada",  # deleted below
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    schema = Schema(id=ID(stored=True, unique=True), text=TEXT, title=TEXT)
    ix = whoosh_index.create_in(tmp_path_factory.mktemp("scoring"), schema)
    for batch in (("a", "b", "c"), ("d", "e", "f")):  # two segments
        writer = ix.writer()
        for key in batch:
            writer.add_document(id=key, text=TEXTS[key], title=key)
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("id", "f")
    writer.commit(merge=False)
    return ix


def ranked(ix, weighting, query):
    with ix.searcher(weighting=weighting) as searcher:
        return [(hit["id"], pytest.approx(hit.score)) for hit in searcher.search(query, limit=None)]


@pytest.mark.parametrize(
    "query",
    [
        wq.Term("text", "pilkada"),
        wq.Or([wq.Term("text", "pilkada"), wq.Term("text", "kampanye")]),
        wq.And([wq.Term("text", "pilkada"), wq.Term("text", "bupati")]),
        wq.Or([wq.Term("text", "pilkada"), wq.Term("title", "d")]),
    ],
)
def test_scores_and_order_are_whooshs_own(index, query):
    ours = ranked(index, BM25F(), query)
    assert ours == ranked(index, scoring.BM25F(), query)
    assert "f" not in [key for key, _ in ours]


def test_a_short_text_outranks_a_long_one_with_the_word_as_often(index):
    order = [key for key, _ in ranked(index, BM25F(), wq.Term("text", "pilkada"))]
    assert order.index("a") < order.index("b")
