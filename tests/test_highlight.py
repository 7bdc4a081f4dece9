"""The highlighter: search snippets, and the article page marked by the same rule from the parsed query."""

import re

import pytest
from django.urls import reverse

from articles.search.highlighting import mark, snippet
from articles.search.query import parse

TEXT = "Wahdi mencalonkan diri lagi di Pilwalkot Metro, bukan di Kabupaten Subang."


def test_snippet_escapes_the_article_and_marks_stemmed_matches():
    html = snippet("<script>alert(1)</script> Qomaru akan mencalonkan diri.", words=["pencalonan"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>mencalonkan</mark>" in html


def test_snippet_marks_a_variant_as_written():
    assert "<mark>Walikota</mark>" in snippet("Wakil Walikota Metro", words=["wali", "kota"])


def test_snippet_marks_prefixes_unstemmed():
    assert snippet("Pemilihan kepala daerah", prefixes=["pemil"]) == "<mark>Pemilihan</mark> kepala daerah"


def test_snippet_of_a_long_text_is_a_window_around_the_match():
    text = "awal " * 200 + "Bawaslu mengawasi " + "akhir " * 200
    html = snippet(text, words=["bawaslu"])
    assert "<mark>Bawaslu</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 400


def test_snippet_without_matches_is_the_start_of_the_text():
    assert snippet("Satu dua tiga", words=["empat"]) == "Satu dua tiga"
    assert snippet("", words=["x"]) == ""


def test_an_excluded_word_is_never_marked():
    assert mark(TEXT, parse("-subang metro")) == (
        "Wahdi mencalonkan diri lagi di Pilwalkot <mark>Metro</mark>, bukan di Kabupaten Subang."
    )


def test_stems_and_spelling_variants_are_marked_on_the_page_as_in_the_snippet():
    for q in ("pencalonan", "pilkada", "kab subang"):
        query = parse(q)
        page, extract = mark(TEXT, query), snippet(TEXT, words=query.words, prefixes=query.prefixes)
        marked = re.findall("<mark>(.*?)</mark>", page)
        assert marked and marked == re.findall("<mark>(.*?)</mark>", extract)


def test_a_prefix_marks_the_words_it_starts():
    assert (
        mark("Pilkada dan pilkadanya", parse("pilkad*")) == "<mark>Pilkada</mark> dan <mark>pilkadanya</mark>"
    )


def test_the_text_is_escaped_before_marking():
    assert mark("<script>kota</script>", parse("kota")) == "&lt;script&gt;<mark>kota</mark>&lt;/script&gt;"
    assert mark("a < b", parse("")) == "a &lt; b"


def test_query_syntax_is_not_looked_for_in_the_text():
    assert mark("harga (naik) .* turun", parse("naik .* OR title:turun")) == (
        "harga (<mark>naik</mark>) .* <mark>turun</mark>"
    )


@pytest.mark.django_db
def test_the_article_page_marks_what_the_search_snippet_marked(client, make_article):
    article = make_article(title="Wahdi Maju Lagi", body=TEXT)
    html = client.get(reverse("article", args=[article.pk]), {"q": "pencalonan -subang"}).content.decode()
    assert "<mark>mencalonkan</mark>" in html
    assert "<mark>Subang</mark>" not in html


def affixed_forms(root):
    """The forms Indonesian makes of a root with its prefixes and suffixes, real words or not."""
    prefixes = [
        "",
        "me",
        "mem",
        "men",
        "meng",
        "meny",
        "pe",
        "pem",
        "pen",
        "peng",
        "peny",
        "ber",
        "be",
        "ter",
    ]
    prefixes += ["di", "ke", "se", "per", "memper", "diper", "pember", "keber", "penge", "menge"]
    suffixes = ["", "kan", "an", "i", "nya", "lah", "kah", "kannya", "annya", "ilah"]
    # a prefix rule drops or changes the root's first letter: memukul, menulis, menyapu, mengirim
    stems = {root, root[1:]} | {letter + root[1:] for letter in "mnk"}
    return {p + s + x for p in prefixes for s in stems for x in suffixes}


def test_the_cheap_test_never_hides_a_word_whose_stem_is_a_query_term():
    from pathlib import Path

    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from articles.search.analysis import fold
    from articles.search.highlighting import could_stem_to, word_terms

    data = Path(__file__).resolve().parent.parent / "data"
    words = {fold(w) for path in data.rglob("*.*") for w in re.findall(r"\w+", path.read_text("utf-8"))}
    roots = sorted(StemmerFactory().get_words())[::1500]  # 20-odd roots spread over the alphabet
    words |= {form for root in roots if len(root) > 2 for form in affixed_forms(root)}
    assert len(words) > 15_000
    for word in words:
        for term in word_terms(word):
            assert could_stem_to(word, [term]), (word, term)
