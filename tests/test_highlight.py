"""Highlighting on the article page: the search snippets' rule, driven by the parsed query."""

import re

import pytest
from django.urls import reverse

from articles.search.analysis import mark, snippet
from articles.search.query import parse

TEXT = "Wahdi mencalonkan diri lagi di Pilwalkot Metro, bukan di Kabupaten Subang."


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
