"""Highlighting search terms on the article page: escaped text, whole words from their start."""

from articles.highlight import highlight, query_terms


def test_query_terms_drop_operators_tiny_words_and_duplicates():
    assert query_terms('"Wali Kota" AND metro OR a Metro') == ["wali", "kota", "metro"]
    assert query_terms("") == []
    assert len(query_terms(" ".join(f"kata{i}" for i in range(30)))) == 10


def test_matches_are_marked_case_insensitively_from_the_start_of_words():
    assert highlight("Pilkada Kota Metro, pilkadanya", ["pilkada"]) == (
        "<mark>Pilkada</mark> Kota Metro, <mark>pilkadanya</mark>"
    )
    assert highlight("kepilkadaan", ["pilkada"]) == "kepilkadaan"


def test_the_text_is_escaped_before_marking():
    assert highlight("<script>kota</script>", ["kota"]) == "&lt;script&gt;<mark>kota</mark>&lt;/script&gt;"
    assert highlight("a < b", []) == "a &lt; b"


def test_terms_with_regex_characters_are_literal():
    assert highlight("harga naik", [".*"]) == "harga naik"
    assert (
        highlight("harga (naik) .* turun", ["naik", ".*"])
        == "harga (<mark>naik</mark>) <mark>.*</mark> turun"
    )
