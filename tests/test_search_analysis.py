"""Indonesian analysis: stems, spelling variants, stopwords and the exact analyzer, on plain strings."""

import pickle

import pytest

from articles.search.analysis import WordPairFilter, analyze, exact_analyzer, indonesian_analyzer, word_pairs


def test_pencalonan_and_mencalonkan_share_a_stem():
    assert analyze("pencalonan") == analyze("mencalonkan") == ["calon"]


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("walikota", "wali kota"),
        ("Walkot", "wali kota"),
        ("wawali", "wakil wali kota"),
        ("Wakil Walikota", "wakil wali kota"),
        ("wabup", "wakil bupati"),
        ("Pj", "penjabat"),
        ("Pj.", "Penjabat"),
        ("Kab. Subang", "Kabupaten Subang"),
        ("pilwako", "pilkada"),
        ("Pilwalkot", "pilkada"),
        ("pemilukada", "Pilkada"),
    ],
)
def test_spelling_variants_analyse_to_the_same_terms(variant, canonical):
    assert analyze(variant) == analyze(canonical)


def test_variants_keep_phrase_positions_in_line():
    positions = [(t.text, t.pos) for t in indonesian_analyzer()("Walikota Metro", positions=True)]
    assert positions == [(t.text, t.pos) for t in indonesian_analyzer()("Wali Kota Metro", positions=True)]


def test_stopwords_are_dropped_and_accents_folded():
    assert analyze("yang dan di Pemilú") == analyze("pemilu")


def test_the_exact_analyzer_neither_stems_nor_drops_stopwords():
    words = [t.text for t in exact_analyzer()("Mencalonkan diri dan Walikota")]
    assert words == ["mencalonkan", "diri", "dan", "wali", "kota"]


def test_analyzers_pickle_small_because_the_stemmer_is_not_an_attribute():
    analyzer = indonesian_analyzer()
    analyze("mencalonkan")  # load the stemmer
    data = pickle.dumps(analyzer)
    assert len(data) < 20_000  # a pickled Sastrawi stemmer alone is ~450 KB
    assert pickle.loads(data) == analyzer
    assert [t.text for t in pickle.loads(data)("pencalonan")] == ["calon"]


def test_stemming_keeps_no_cache_beyond_its_bounded_one():
    from Sastrawi.Stemmer.CachedStemmer import CachedStemmer

    from articles.search import analysis

    assert analysis.stem("pencalonan") == analysis.stem("mencalonkan") == "calon"
    assert not isinstance(analysis._stemmer, CachedStemmer)  # its ArrayCache has no bound
    assert analysis.stem.cache_info().maxsize == 200_000


def test_word_pairs_join_adjacent_words_as_written_and_as_a_phrase_asks_for_them():
    pairs = exact_analyzer() | WordPairFilter()
    assert [t.text for t in pairs("Walikota Bandung dilantik")] == [
        "wali kota",
        "kota bandung",
        "bandung dilantik",
    ]
    assert [t.text for t in pairs("Bandung")] == []
    assert word_pairs(["wakil", "wali", "kota"]) == ["wakil wali", "wali kota"]
    assert pickle.loads(pickle.dumps(pairs)) == pairs  # analyzers are pickled into the index
