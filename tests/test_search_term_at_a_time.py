"""Term-at-a-time search finds what Whoosh's matchers find: the same documents, the same top in the
same order, the same scores, on a real index of several segments with deleted documents."""

import random
from datetime import datetime, timedelta

import pytest
from whoosh import collectors
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.qparser import QueryParser

from articles.search import flat_postings, term_at_a_time
from articles.search.analysis import exact_analyzer, indonesian_analyzer
from articles.search.backend import Require, WordPairs, write_flat_postings
from articles.search.phrase import adjacent_words
from articles.search.query import parse, to_query_string
from articles.search.ranges import column_ranges
from articles.search.scoring import BM25F, field_lengths
from articles.search.segments import column_values
from articles.search.sorting import ColumnSort

# Words with affixed forms (so stemming joins them), officials' titles that come in pairs, and
# filler, drawn with a skewed popularity as news words are.
WORDS = (
    "pilkada pemilihan memilih pemilih kampanye berkampanye ketua kpu wali kota bupati gubernur calon "
    "pasangan debat publik suara tempat pemungutan logistik banjir jalan warga pasar harga beras "
    "petani sekolah guru kesehatan rumah sakit polisi tangkap korupsi anggaran daerah desa"
).split()
REGIONS = ["lampung", "jawa barat", "sumatera selatan", "bali"]
START = datetime(2024, 1, 1, 8, 0)


def _text(rng, length):
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]
    words = rng.choices(WORDS, weights=weights, k=length)
    if rng.random() < 0.3:
        at = rng.randrange(length)
        words[at:at] = rng.choice([["ketua", "kpu"], ["wali", "kota"], ["tempat", "pemungutan", "suara"]])
    return " ".join(words)


@pytest.fixture(scope="module", params=["blocks", "flat"])
def searcher(tmp_path_factory, request):
    """The index read from Whoosh's blocks, or with every posting list also flat beside its segment
    (articles/search/flat_postings.py, its threshold lowered so that every term has one)."""
    schema = Schema(
        id=ID(stored=True, unique=True),
        kind=ID,  # as django_ct: what a query of exclusions only starts from
        text=TEXT(analyzer=indonesian_analyzer()),
        title=TEXT(analyzer=indonesian_analyzer(), field_boost=2.0),
        text_exact=TEXT(analyzer=exact_analyzer()),
        text_exact_pairs=WordPairs(exact_analyzer()),
        region=KEYWORD(commas=True, scorable=True),
        published=DATETIME(sortable=True),
    )
    ix = whoosh_index.create_in(tmp_path_factory.mktemp("taat"), schema)
    rng = random.Random(2024)
    for segment in range(3):
        writer = ix.writer()
        for n in range(segment * 120, segment * 120 + 120):
            body = _text(rng, rng.randint(5, 80))
            fields = {
                "id": str(n),
                "kind": "article",
                "text": body,
                "title": _text(rng, rng.randint(2, 8)),
                "text_exact": body,
                # the first segment as one written before the field had its word pairs
                **({"text_exact_pairs": body} if segment else {}),
                "region": ",".join(rng.sample(REGIONS, rng.randint(0, 2))),
            }
            if n % 7:  # every seventh article is undated
                fields["published"] = START + timedelta(days=rng.randint(0, 330))
            writer.add_document(**fields)
        writer.commit(merge=False)
    writer = ix.writer()
    for n in (3, 150, 151, 300):
        writer.delete_by_term("id", str(n))
    writer.commit(merge=False)
    if request.param == "flat":
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(flat_postings, "MIN_POSTINGS", 1)
            assert write_flat_postings(ix, phrase_fields=["text_exact"]) == 3
    with ix.searcher(weighting=BM25F()) as searcher:
        assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
        yield searcher


def whooshs_own(searcher, query, collector, filter_query=None):
    """(every match, the top as [(score, docnum)]) from Whoosh's matchers."""
    every = set(searcher.docs_for_query(query))
    if filter_query is not None:
        every &= set(searcher.docs_for_query(filter_query))
        collector = collectors.FilterCollector(collector, filter_query)
    searcher.search_with_collector(query, collector)
    return sorted(every), collector.results().top_n


def parsed(searcher, typed):
    parser = QueryParser("text", schema=searcher.schema)
    return column_ranges(adjacent_words(parser.parse(to_query_string(parse(typed), "kind:article"))))


TYPED = [
    "pilkada",  # a common word, in the text and the title
    "memilih",  # a stem shared with other forms
    "ketua kpu",  # two words, anywhere
    '"ketua kpu"',  # a phrase
    '"tempat pemungutan suara"',  # a longer phrase
    "walikota",  # a variant that reads as the phrase "wali kota"
    "banjir OR korupsi",
    "kampanye -debat",
    "pilkada calon pasangan bupati",
    "tidakada",  # nothing
]


def assert_same(ours, theirs):
    (our_docs, our_top), (their_docs, their_top) = ours, theirs
    assert sorted(our_docs.tolist()) == their_docs
    assert [doc for _, doc in our_top] == [doc for _, doc in their_top]
    assert [score for score, _ in our_top] == pytest.approx([score for score, _ in their_top], rel=1e-12)


@pytest.mark.parametrize("typed", TYPED)
@pytest.mark.parametrize("limit", [10, 1000])
def test_a_search_by_relevance_matches_whooshs_top_collector(searcher, typed, limit):
    query = parsed(searcher, typed)
    ours = term_at_a_time.collect(searcher, query, None, limit)
    theirs = whooshs_own(searcher, query, collectors.TopCollector(limit, usequality=False, replace=0))
    assert_same(ours, theirs)
    if typed != "tidakada":
        assert len(ours[0]) > 0  # the case compares something


@pytest.mark.parametrize("typed", ["pilkada", '"wali kota"', "kampanye -debat", "-debat"])
@pytest.mark.parametrize("reverse", [True, False], ids=["newest", "oldest"])
def test_a_sorted_search_matches_the_column_sort_with_undated_articles_last(searcher, typed, reverse):
    query = parsed(searcher, typed)
    ours = term_at_a_time.collect(searcher, query, None, 1000, sort=("published", reverse))
    theirs = whooshs_own(searcher, query, ColumnSort("published", 1000, reverse))
    assert sorted(ours[0].tolist()) == theirs[0]
    assert ours[1] == theirs[1]


def test_filters_on_a_facet_and_a_date_range_keep_the_same_documents_and_scores(searcher):
    query = parsed(searcher, "pilkada OR bupati")
    filters = column_ranges(
        wq.And([wq.Term("region", "lampung"), wq.DateRange("published", datetime(2024, 3, 1), None)])
    )
    ours = term_at_a_time.collect(searcher, query, filters, 20)
    theirs = whooshs_own(searcher, query, collectors.TopCollector(20, usequality=False, replace=0), filters)
    assert_same(ours, theirs)
    assert 0 < len(ours[0]) < len(term_at_a_time.collect(searcher, query, None, 20)[0])


def test_more_like_this_among_candidates_scores_by_the_key_terms_alone(searcher):
    similar = wq.Or([wq.Term("text", "pilkada", boost=2.5), wq.Term("text", "banjir", boost=1.5)])
    candidates = wq.Or([wq.Term("id", str(n)) for n in range(0, 360, 3)])
    query = Require(wq.AndNot(similar, wq.Term("id", "6")), candidates)
    ours = term_at_a_time.collect(searcher, query, None, 50)
    assert_same(ours, whooshs_own(searcher, query, collectors.TopCollector(50, usequality=False, replace=0)))


def test_everything_sorted_is_every_live_document_in_the_column_order(searcher):
    ours = term_at_a_time.collect(searcher, wq.Every(), None, 1000, sort=("published", True))
    theirs = whooshs_own(searcher, wq.Every(), ColumnSort("published", 1000, True))
    assert sorted(ours[0].tolist()) == theirs[0] and len(theirs[0]) == searcher.doc_count()
    assert ours[1] == theirs[1]


def test_a_query_it_does_not_evaluate_is_refused_so_whoosh_answers_it(searcher):
    with pytest.raises(term_at_a_time.Unsupported):
        term_at_a_time.collect(searcher, wq.Prefix("text_exact", "pemil"), None, 10)


def test_a_two_word_phrase_is_read_from_its_word_pair_where_the_segment_has_pairs(searcher, monkeypatch):
    query = parsed(searcher, '"ketua kpu"')
    expected = [term_at_a_time.evaluate(sub, query).ids for sub, _ in searcher.leaf_searchers()]

    def no_positions(values, at):
        raise AssertionError("positions decoded")

    monkeypatch.setattr(term_at_a_time, "_positions", no_positions)
    for (sub, _), ids in list(zip(searcher.leaf_searchers(), expected, strict=True))[1:]:
        assert term_at_a_time.evaluate(sub, query).ids.tolist() == ids.tolist() != []
    with pytest.raises(AssertionError, match="positions decoded"):  # the first segment has no pairs
        term_at_a_time.evaluate(searcher.leaf_searchers()[0][0], query)


def reads_flat(searcher):
    return all(
        flat_postings.postings(sub.reader(), "text", b"pilkada") for sub, _ in searcher.leaf_searchers()
    )


def test_a_long_posting_list_is_decoded_once_and_read_again_from_memory(searcher, monkeypatch):
    if reads_flat(searcher):
        pytest.skip("nothing is decoded from an index with flat postings (the next test)")
    monkeypatch.setattr(term_at_a_time._DecodedLists, "SMALLEST", 1)
    monkeypatch.setattr(term_at_a_time, "_decoded_lists", term_at_a_time._DecodedLists())
    query = parsed(searcher, "pilkada")
    first = term_at_a_time.collect(searcher, query, None, 10)

    def no_decoding(matcher, values):
        raise AssertionError("decoded again")

    monkeypatch.setattr(term_at_a_time, "decode_blocks", no_decoding)
    again = term_at_a_time.collect(searcher, query, None, 10)
    assert again[0].tolist() == first[0].tolist() and again[1] == first[1]
    with pytest.raises(AssertionError, match="decoded again"):  # another word is not in memory
        term_at_a_time.collect(searcher, parsed(searcher, "banjir"), None, 10)


def test_with_flat_postings_words_phrases_and_filters_decode_no_block_but_word_pairs(searcher, monkeypatch):
    if not reads_flat(searcher):
        pytest.skip("this index has no flat postings")
    monkeypatch.setattr(term_at_a_time, "_decoded_lists", term_at_a_time._DecodedLists())
    decode_blocks = term_at_a_time.decode_blocks
    decoded = []

    def recorded(matcher, values=False):
        decoded.append(matcher._term[0])
        return decode_blocks(matcher, values)

    monkeypatch.setattr(term_at_a_time, "decode_blocks", recorded)
    region = wq.Term("region", "lampung")
    for typed in (
        "pilkada",
        "ketua kpu",
        "kampanye -debat",
        "banjir OR korupsi",
        '"tempat pemungutan suara"',
    ):
        docs, top = term_at_a_time.collect(searcher, parsed(searcher, typed), region, 10)
        assert docs.size and top
    assert set(decoded) == {"text_exact_pairs"}


def test_lengths_and_dates_read_in_one_piece_are_whooshs_own_per_document(searcher):
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        for field in ("text", "title", "region"):
            expected = [reader.doc_field_length(doc, field, 0) or 0 for doc in range(reader.doc_count_all())]
            assert field_lengths(reader, field).tolist() == expected
        assert column_values(reader, "published").tolist() == list(
            reader.column_reader("published", translate=False)
        )
