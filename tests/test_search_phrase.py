"""Exact phrases by word positions: the same documents as Whoosh's own Phrase, on a real index."""

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema

from articles.search.analysis import exact_analyzer
from articles.search.phrase import AdjacentWords, adjacent_words

TEXTS = {
    "a": "Ketua KPU Kota Metro membuka debat publik pasangan calon wali kota.",
    "b": "KPU menetapkan ketua panitia; debat kandidat ditunda.",
    "c": "Wali Kota Metro hadir. Ketua KPU Provinsi Lampung ikut hadir dalam debat publik.",
    "d": "Publik menunggu debat, kata ketua. KPU kota bersiap.",
    "e": "Debat publik debat publik: ketua ketua KPU KPU.",
    "f": "Walikota Metro dan wakil walikota menghadiri rapat pleno.",
}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    schema = Schema(id=ID(stored=True), text=TEXT(analyzer=exact_analyzer()))
    ix = whoosh_index.create_in(tmp_path_factory.mktemp("phrase"), schema)
    for batch in (("a", "b", "c"), ("d", "e", "f")):  # two segments
        writer = ix.writer()
        for key in batch:
            writer.add_document(id=key, text=TEXTS[key])
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        yield searcher


def found(searcher, query):
    return {hit["id"] for hit in searcher.search(query, limit=None)}


@pytest.mark.parametrize(
    "words",
    [
        ["ketua", "kpu"],
        ["debat", "publik"],
        ["publik", "debat"],
        ["wali", "kota", "metro"],
        ["kota", "metro"],
        ["ketua", "kpu", "kota"],
        ["kpu", "ketua"],
        ["rapat", "pleno"],
        ["tidak", "ada"],
    ],
)
def test_the_same_documents_as_whooshs_phrase(searcher, words):
    assert found(searcher, AdjacentWords("text", words)) == found(searcher, wq.Phrase("text", words))


def test_words_must_be_side_by_side_and_in_order(searcher):
    # d: "kata ketua. KPU kota": punctuation is no boundary, for Whoosh's Phrase either
    assert found(searcher, AdjacentWords("text", ["ketua", "kpu"])) == {"a", "c", "d", "e"}
    assert found(searcher, AdjacentWords("text", ["kpu", "ketua"])) == set()  # b has "KPU menetapkan ketua"
    assert found(searcher, AdjacentWords("text", ["wali", "kota", "metro"])) == {"c", "f"}  # f: "Walikota"


def test_a_phrase_ranks_and_combines_like_any_query(searcher):
    query = adjacent_words(wq.And([wq.Phrase("text", ["debat", "publik"]), wq.Not(wq.Term("text", "metro"))]))
    assert isinstance(query.subqueries[0], AdjacentWords)
    assert found(searcher, query) == {"e"}
    ranked = [hit["id"] for hit in searcher.search(AdjacentWords("text", ["debat", "publik"]))]
    assert ranked[0] == "e"  # the phrase twice
    assert all(hit.score > 0 for hit in searcher.search(AdjacentWords("text", ["debat", "publik"])))
